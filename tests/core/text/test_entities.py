"""Entities on real prose: the seed article, linking, possessives, roles, casing traps."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.resources import seeds_dir
from desktop.core.text.entities import find_entities

SEED_LEADERS = {
    "Volodymyr Zelenskyy",
    "Donald Trump",
    "Vladimir Putin",
    "Keir Starmer",
    "Emmanuel Macron",
    "Giorgia Meloni",
    "Friedrich Merz",
    "Alexander Stubb",
    "Ursula von der Leyen",
    "Mark Rutte",
    "Steve Witkoff",
}


@pytest.fixture(scope="module")
def seed_text() -> str:
    return (seeds_dir() / "000_66ae021c01a1e4e0.txt").read_text(encoding="utf-8")


def test_seed_leaders_are_exactly_the_eleven_with_roles(seed_text: str) -> None:
    entities = find_entities(seed_text)
    leaders = {e.canonical for e in entities if e.category == "leader"}
    assert leaders == SEED_LEADERS
    assert all(e.role for e in entities if e.category == "leader")
    witkoff = next(e for e in entities if e.canonical == "Steve Witkoff")
    assert "envoy" in witkoff.role


def test_seed_institutions(seed_text: str) -> None:
    found = defaultdict(set)
    entities = find_entities(seed_text)
    for e in entities:
        found[e.text].add(e.category)
    assert "US and Europe" not in found  # two known places, not one name
    assert {e.category for e in entities if e.text == "DC"} <= {"place"}
    for name in ("NATO", "European Commission", "White House", "Fox News"):
        assert found[name] == {"institution"}, name
    assert found["Ukraine"] == {"place"}


def test_offsets_are_exact(seed_text: str) -> None:
    for e in find_entities(seed_text):
        assert seed_text[e.start : e.end] == e.text


def test_short_name_links_to_full_name_and_possessive_is_not_coloured() -> None:
    text = (
        "Ukrainian President Volodymyr Zelenskyy arrived in Berlin. "
        "Talks with Trump's envoy followed, and Zelenskyy said little."
    )
    entities = find_entities(text)
    zelenskyy = [e for e in entities if "Zelenskyy" in e.text]
    assert len(zelenskyy) == 2
    assert {e.canonical for e in zelenskyy} == {"Volodymyr Zelenskyy"}
    assert {e.category for e in zelenskyy} == {"leader"}
    trump = next(e for e in entities if e.text.startswith("Trump"))
    assert trump.text == "Trump"
    assert text[trump.end : trump.end + 2] == "'s"


def test_unknown_person_with_office_is_a_leader_and_others_are_persons() -> None:
    text = (
        "Maria Kowalczyk, the Polish foreign minister, met Janek Nowak in Warsaw on Tuesday. "
        "Nowak, a retired teacher, told reporters the meeting went well."
    )
    by_name = {e.canonical: e for e in find_entities(text)}
    assert by_name["Maria Kowalczyk"].category == "leader"
    assert "foreign minister" in by_name["Maria Kowalczyk"].role
    assert by_name["Janek Nowak"].category == "person"
    assert by_name["Warsaw"].category == "place"


def test_title_before_name_gives_the_role() -> None:
    text = "Finance Minister Pekka Virtanen said the budget would pass."
    entity = next(e for e in find_entities(text) if e.category in ("leader", "person"))
    assert entity.text == "Pekka Virtanen"
    assert entity.category == "leader"
    assert entity.role == "Finance Minister"


def test_acronym_in_brackets_links_to_long_form() -> None:
    text = (
        "The European Defence Agency (EDA) published its report on Monday. "
        "Officials at the EDA said spending had risen."
    )
    entities = [e for e in find_entities(text) if e.text == "EDA"]
    assert len(entities) == 2
    assert {e.canonical for e in entities} == {"European Defence Agency"}
    assert {e.category for e in entities} == {"institution"}


def test_sentence_initial_words_and_capital_headlines_are_not_names() -> None:
    text = (
        "STORM CLOSES BRIDGE AS RIVER RISES\n"
        "Yesterday the river rose again. Officials closed the bridge. Heavy rain is expected."
    )
    assert find_entities(text) == []


def test_empty_and_punctuation_only_text() -> None:
    assert find_entities("") == []
    assert find_entities(" \n ... !!") == []


def test_needs_no_nltk() -> None:
    code = (
        "import sys; from desktop.core.text.analysis import analyze; "
        "analyze('President Emmanuel Macron spoke in Paris about security guarantees.'); "
        "print('nltk' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Trump",
                "Trump's",
                "NATO",
                "(EDA)",
                "President",
                "Kyiv",
                "and",
                ",",
                ".",
                "\n",
                "EUROPE",
                "said",
                "Ms",
                "Zelenskyy",
                "😀",
                "\r\n",
                "the",
                "Agency",
                "1,200",
            ]
        ),
        max_size=40,
    ).map(" ".join)
)
def test_offsets_are_exact_for_any_mix_of_words(text: str) -> None:
    for entity in find_entities(text):
        assert text[entity.start : entity.end] == entity.text
        assert entity.category in ("leader", "person", "institution", "place")


@pytest.mark.parametrize(
    "text",
    ["The singer Jo Smith, ², of Leeds sang.", "Police named Anna Lee, ⁰, resident of Hope."],
)
def test_a_superscript_where_an_age_stands_is_no_age_and_no_crash(text: str) -> None:
    """``str.isdigit`` takes "²", which ``int`` refuses: an age is read from decimal digits."""
    names = [entity.text for entity in find_entities(text)]
    assert any(name in ("Jo Smith", "Anna Lee") for name in names)
