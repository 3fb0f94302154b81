"""Sports reports and table rows: the tagger knows what kind of text a town's name is in."""

from __future__ import annotations

from desktop.core.resources import resource_path
from desktop.core.text.entities import find_entities
from desktop.core.text.ner.features import number_row, sports_report
from desktop.core.text.ner.tagger import SPORT_FILE, read_sport_words
from desktop.core.text.ner.tokens import sequences, tokenize


def _words(text: str) -> set[str]:
    return {t.text for run in sequences(text, tokenize(text)) for t in run}


def _sport_words() -> frozenset[str]:
    return read_sport_words(resource_path("ner", SPORT_FILE))


def test_a_match_report_is_a_sports_report_and_a_campaign_story_is_not() -> None:
    words = _sport_words()
    match = "Leeds beat Chelsea 2-1 on Saturday. Rush scored twice before half-time."
    assert sports_report(_words(match), words)
    results = "Cricket scores on Friday. Yorkshire 245 all out, innings and 12 runs."
    assert sports_report(_words(results), words)
    campaign = (
        "Sanders won the race in Vermont and lost in Ohio; the victory gave his team a "
        "title to defend, and the vote was 5-4 in the committee."
    )
    assert not sports_report(_words(campaign), words)


def test_a_table_row_is_mostly_numbers() -> None:
    assert number_row(["Leeds", "5", "3", "1", "1", "8", "4", "10"])
    assert number_row(["Detroit", "4", "Kansas", "City", "1"])
    assert not number_row(["In", "2019", ",", "3", "people", "died", "in", "Leeds", "."])
    assert not number_row(["Leeds", "2"])  # one number is a score, not a row


def test_a_towns_name_in_a_sports_report_is_its_team_and_elsewhere_the_town() -> None:
    report = (
        "Soccer - Leeds held at home.\nLeeds were held 1-1 by Southampton in the league on "
        "Saturday, their striker missing a penalty in the second half.\n"
        "Leeds 1 Southampton 1\nChelsea 2 Everton 0"
    )
    found = {e.text: e.category for e in find_entities(report, as_of="1996-12-07")}
    assert found["Leeds"] == "institution"
    assert found["Southampton"] == "institution"
    town = "The council said the new tram line would run from Leeds to Bradford by 2030."
    found = {e.text: e.category for e in find_entities(town, as_of="2024-05-01")}
    assert found["Leeds"] == "place"


def test_a_town_playing_in_a_report_is_its_team_but_where_the_story_is_it_is_the_town() -> None:
    report = (
        "Barcelona beat Real Madrid 2-1 on Sunday, with Lionel Messi scoring twice in the "
        "first half. Barcelona now lead the league by five points after the match. The coach "
        "said Barcelona deserved the win, and fans in Barcelona celebrated late into the night."
    )
    found = [(e.text, e.category, e.canonical) for e in find_entities(report, as_of="2019-05-01")]
    barcelona = [f for f in found if f[0] == "Barcelona"]
    assert barcelona[0] == ("Barcelona", "institution", "FC Barcelona")  # not Guayaquil's
    assert barcelona[-1] == ("Barcelona", "place", "Barcelona")  # "fans in Barcelona"
    assert all(category == "institution" for _, category, _ in barcelona[:-1])
    final = (
        "Sevilla won the Europa League final against Inter Milan in Cologne. The Spanish side "
        "scored three goals, and their goalkeeper saved a penalty in the second half."
    )
    found = {e.text: e.category for e in find_entities(final, as_of="2020-08-22")}
    assert found["Sevilla"] == "institution"  # a province's name, its club's here
    assert found["Cologne"] == "place"


def test_a_country_playing_in_a_report_stays_a_place() -> None:
    report = (
        "Germany beat Italy 2-1 in the World Cup semi-final in Dortmund. The goalkeeper saved "
        "a penalty late in the match, and the German coach said his players had been brilliant."
    )
    found = {e.text: e.category for e in find_entities(report, as_of="2006-07-05")}
    assert found["Germany"] == found["Italy"] == "place"
