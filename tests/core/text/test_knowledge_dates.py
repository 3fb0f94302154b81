"""Roles as of the article's date: an office held then, "former …" once it ended, nothing
before it began; the more senior of two offices; today when the date is unknown."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.text.entities import find_entities, role_day
from desktop.core.text.ner.knowledge import Known, load_knowledge, role_at

MINISTER = ("Foreign Minister", "2010-01-01", "2014-12-31", 2, "")
LEADER = ("Prime Minister", "2014-01-01", "2018-06-30", 0, "")
MP = ("Member of Parliament", "2005-05-01", "", 4, "2022-07-23")


def test_before_during_and_after_an_office() -> None:
    offices = (MINISTER,)
    assert role_at(offices, "2009-12-31") is None
    assert role_at(offices, "2010-01-01") == "Foreign Minister"
    assert role_at(offices, "2014-12-31") == "Foreign Minister"
    assert role_at(offices, "2015-01-01") == "former Foreign Minister"


def test_two_offices_at_once_show_the_more_senior() -> None:
    offices = (MINISTER, LEADER, MP)
    assert role_at(offices, "2014-06-01") == "Prime Minister"
    assert role_at(offices, "2012-06-01") == "Foreign Minister"
    assert role_at(offices, "2016-01-01") == "Prime Minister"
    # Only the seat in parliament is still held after 2018; the past office is more senior.
    assert role_at(offices, "2020-01-01") == "Member of Parliament, former Prime Minister"
    assert role_at((MINISTER, MP), "2008-01-01") == "Member of Parliament"


def test_an_office_open_in_an_old_snapshot_is_dated_not_asserted() -> None:
    assert role_at((MP,), "2022-07-23") == "Member of Parliament"
    assert role_at((MP,), "2024-01-01") == "Member of Parliament (as of 2022-07-23)"
    # A later end of an office as senior shows the snapshot is out of date.
    ended = ("Member of Parliament", "2019-01-01", "2023-12-31", 4, "")
    assert role_at((MP, ended), "2024-06-01") == "former Member of Parliament"
    # Of two snapshots that list the office, the later one is shown.
    fresher = ("MP for Xtown", "2005-05-01", "", 4, "2025-08-18")
    assert role_at((MP, fresher), "2026-01-01") == "MP for Xtown (as of 2025-08-18)"


def test_an_office_known_only_by_its_years_is_not_shown_in_those_years() -> None:
    # A source that knows only "2019–2022": the holder may have taken office in July 2019.
    leader = ("Prime Minister", "2019", "2022", 0, "")
    assert role_at((leader,), "2018-12-31") is None
    assert role_at((leader,), "2019-07-01") is None
    assert role_at((leader,), "2020-01-01") == "Prime Minister"
    assert role_at((leader,), "2022-06-01") is None
    assert role_at((leader,), "2023-01-01") == "former Prime Minister"
    # A dated record of the same office decides inside those years.
    dated = ("Prime Minister", "2019-07-24", "2022-09-06", 0, "")
    assert role_at((leader, dated), "2019-06-30") is None
    assert role_at((leader, dated), "2019-07-24") == "Prime Minister"
    assert role_at((leader, dated), "2022-09-07") == "former Prime Minister"
    # An office ended in a year after the snapshot that lists another still open: the
    # snapshot is out of date.
    listed = ("UK Prime Minister", "2019-07-24", "", 0, "2022-07-23")
    assert role_at((listed,), "2024-01-01") == "UK Prime Minister (as of 2022-07-23)"
    assert role_at((leader, listed), "2024-01-01") == "former Prime Minister"
    # An office open in a snapshot keeps a more senior one that had ended beside it.
    earlier = ("Prime Minister", "2016", "2019", 0, "")
    seat = ("UK MP", "2010-05-06", "", 4, "2022-07-23")
    assert role_at((earlier, seat), "2021-01-01") == "UK MP, former Prime Minister"
    expected = "UK MP (as of 2022-07-23), former Prime Minister"
    assert role_at((earlier, seat), "2024-01-01") == expected
    # A month is sure once it is over; the office held meanwhile is still shown.
    minister = ("Finance Minister", "2016-03", "", 2, "2022-07-23")
    assert role_at((minister, MP), "2016-03-31") == "Member of Parliament"
    assert role_at((minister, MP), "2016-04-01") == "Finance Minister"


def test_of_equal_offices_the_one_of_a_place_the_article_names_is_shown() -> None:
    realms = (
        ("Monarch of Xland", "1952-02-06", "", 0, "2022-07-23"),
        ("Ylandian monarch", "1983-09-19", "", 0, "2022-07-23"),
        ("Xland MP", "1950-01-01", "", 4, "2022-07-23"),
    )
    assert role_at(realms, "2019-01-01") == "Ylandian monarch"  # the later, with no place
    assert role_at(realms, "2019-01-01", {"Xland", "Xlandish"}) == "Monarch of Xland"
    assert role_at(realms, "2019-01-01", {"Ylandian", "Yland"}) == "Ylandian monarch"
    # Seniority comes first; a place must be a whole word of the office ("Xlan" is not).
    assert role_at(realms[2:], "2019-01-01", {"Xland"}) == "Xland MP"
    assert role_at(realms, "2019-01-01", {"Xlan"}) == "Ylandian monarch"


def test_the_article_s_countries_choose_between_a_person_s_equal_offices() -> None:
    knowledge = load_knowledge()
    realms = [o for o in knowledge.names["Elizabeth II"].offices if o[3] == 0]
    assert len({o[0] for o in realms}) > 3  # several realms at once in the shipped data
    british = "Queen Elizabeth II opened Parliament as Britain waited. The British press watched."
    canadian = "Queen Elizabeth II arrived in Ottawa for a visit to Canada."
    roles = [
        next(e.role for e in find_entities(t, as_of="2019-10-14") if e.text == "Elizabeth II")
        for t in (british, canadian)
    ]
    assert "United Kingdom" in roles[0] or "UK" in roles[0]
    assert "Canad" in roles[1]


def test_known_role_at_uses_the_offices() -> None:
    known = Known("A B", "leader", offices=(LEADER,))
    assert known.role_at("2015-01-01") == "Prime Minister"
    assert known.role_at("2013-01-01") is None


def test_unknown_date_is_today_and_dates_are_normalised() -> None:
    today = date.today().isoformat()
    assert role_day(None) == today
    assert role_day("not a date") == today
    assert role_day("2014-03-05T10:00:00+00:00") == "2014-03-05"
    assert role_day(date(2019, 1, 2)) == "2019-01-02"
    entity = find_entities("Emmanuel Macron spoke in Paris.")[0]
    assert entity.role_as_of == today


def _person(text: str, name: str, as_of: str):
    return next(e for e in find_entities(text, as_of=as_of) if e.text == name)


@pytest.mark.parametrize(
    ("as_of", "category", "role"),
    [
        ("2005-06-01", "leader", "US Senator"),
        ("2014-06-01", "leader", "President of the United States"),
        ("2019-06-01", "leader", "former President of the United States"),
    ],
)
def test_open_data_gives_dated_roles(as_of: str, category: str, role: str) -> None:
    entity = _person("Barack Obama arrived in Berlin on Tuesday.", "Barack Obama", as_of)
    assert (entity.category, entity.role, entity.role_as_of) == (category, role, as_of)


def test_an_office_taken_later_is_not_shown() -> None:
    text = "Keir Starmer spoke to reporters in London."
    assert "Prime Minister" not in _person(text, "Keir Starmer", "2019-06-01").role
    # Before his first office he is no leader at all.
    assert _person(text, "Keir Starmer", "2010-01-01").category == "person"
    in_2025 = _person(text, "Keir Starmer", "2025-08-18")
    assert in_2025.role == "Prime Minister of the United Kingdom"


def test_a_place_or_title_before_a_known_name_is_not_part_of_it() -> None:
    text = "Vermont Bernie Sanders and MP Philip Hammond spoke."
    found = {e.text: e.category for e in find_entities(text, as_of="2019-06-01")}
    assert found.get("Bernie Sanders") == "leader"
    assert found.get("Philip Hammond") == "leader"
    assert "Vermont Bernie Sanders" not in found


def test_surname_alone_names_only_a_unique_head_of_state() -> None:
    names = load_knowledge().names
    assert names["Obama"].canonical == "Barack Obama"
    assert "Smith" not in names or names["Smith"].category != "leader"


def test_parties_by_their_members_and_contractions_are_not_names() -> None:
    text = "I'm sure the Republicans will win, said the Democrats' spokesman on Monday."
    found = {e.text: e.category for e in find_entities(text, as_of="2019-06-01")}
    assert found.get("Republicans") == "institution"
    assert "I'm" not in found


def test_one_word_of_an_open_list_needs_the_tagger_but_a_longer_name_does_not() -> None:
    names = load_knowledge().names
    assert names["Apple"].strict and names["Apple"].kind == "company"
    text = "shares of apple fell while Morgan Stanley analysts watched."
    found = {e.text: e.category for e in find_entities(text, as_of="2019-06-01")}
    assert found.get("Morgan Stanley") == "institution"


@pytest.mark.parametrize(
    ("text", "name", "as_of", "role"),
    [
        ("Hawaii Rep. Tulsi Gabbard spoke.", "Tulsi Gabbard", "2019-06-01", "US Representative"),
        ("Senator Marco Rubio spoke.", "Marco Rubio", "2019-01-15", "US Senator"),
        ("Gordon Brown spoke.", "Gordon Brown", "2014-05-01", "UK MP, former UK Prime Minister"),
        ("David Cameron spoke.", "David Cameron", "2014-05-01", "UK Prime Minister"),
    ],
)
def test_roles_reported_wrong_before_dates_were_known(
    text: str, name: str, as_of: str, role: str
) -> None:
    assert _person(text, name, as_of).role == role


@pytest.mark.parametrize(
    ("text", "name", "as_of", "category", "role"),
    [
        # A head of state of a country added for the 2007-2020 news.
        ("Ali Abdullah Saleh met envoys.", "Ali Abdullah Saleh", "1985-06-01", "person", ""),
        (
            "Ali Abdullah Saleh met envoys.",
            "Ali Abdullah Saleh",
            "2010-06-01",
            "leader",
            "Yemeni President",
        ),
        (
            "Ali Abdullah Saleh met envoys.",
            "Ali Abdullah Saleh",
            "2016-06-01",
            "leader",
            "former Yemeni President",
        ),
        # Minister, mayor, president, then senator: the office of the day and a past senior one.
        (
            "Traian Băsescu spoke to reporters on Monday.",
            "Traian Băsescu",
            "1995-06-01",
            "person",
            "",
        ),
        (
            "Traian Băsescu spoke to reporters on Monday.",
            "Traian Băsescu",
            "2002-06-01",
            "leader",
            "Romanian Mayor of Bucharest, former Romanian Minister of Transport and Infrastructure",
        ),
        (
            "Traian Băsescu spoke to reporters on Monday.",
            "Traian Băsescu",
            "2008-06-01",
            "leader",
            "Romanian President",
        ),
        (
            "Traian Băsescu spoke to reporters on Monday.",
            "Traian Băsescu",
            "2017-06-01",
            "leader",
            "Romanian Senator, former Romanian President",
        ),
    ],
)
def test_historical_office_holders_have_dated_roles(
    text: str, name: str, as_of: str, category: str, role: str
) -> None:
    entity = _person(text, name, as_of)
    assert (entity.category, entity.role) == (category, role)


def test_a_title_opening_known_names_is_no_given_name() -> None:
    # "King Charles III" and another known "King …" do not make "King Vapeco" person-shaped.
    knowledge = load_knowledge()
    assert sum(name.startswith("King ") for name in knowledge.people) > 1
    assert "King" not in knowledge.given_names
    assert "Peter" in knowledge.given_names
