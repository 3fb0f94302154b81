"""Offices written around a name make its bearer a leader: a title with "of" before the name,
and a title opening the sentence, set off by a comma."""

from __future__ import annotations

import pytest

from desktop.core.text.entities import find_entities


def _roles(text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.category, e.role) for e in find_entities(text, as_of="2019-06-01")}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Director of Public Prosecutions Zara Quillon resigned.",
            "Zara Quillon",
            "Director of Public Prosecutions",
        ),
        ("The mayor of Paris, Zara Quillon, wrote on Twitter.", "Zara Quillon", "mayor of Paris"),
        ("One senator, Zara Quillon, said she would sue.", "Zara Quillon", "senator"),
        ("Zara Quillon was sworn in as governor on Monday.", "Zara Quillon", "governor"),
        ("The coup placed incumbent Zara Quillon in office.", "Zara Quillon", "incumbent"),
        ("NASA chief scientist Zara Quillon said so.", "Zara Quillon", "NASA chief scientist"),
        (
            "Acme Chamber chief officer Zara Quillon told reporters.",
            "Zara Quillon",
            "Acme Chamber chief officer",
        ),
        (
            "Small Business Administration administrator Zara Quillon sent a letter.",
            "Zara Quillon",
            "Small Business Administration administrator",
        ),
        (
            "Zara Quillon, who used to own the San Francisco 49ers, was pardoned.",
            "Zara Quillon",
            "used to own the San Francisco 49ers",
        ),
        (
            "Zara Quillon, who founded Acme Energy in 1990, was pardoned.",
            "Zara Quillon",
            "founded Acme Energy",
        ),
        (
            "A coup removed then-prime-minister Zara Quillon in 2006.",
            "Zara Quillon",
            "then-prime-minister",
        ),
    ],
)
def test_a_title_around_a_name_gives_the_role(text: str, name: str, role: str) -> None:
    assert _roles(text)[name] == ("leader", role)


def test_a_title_in_the_middle_of_a_sentence_is_not_set_off_before_a_name() -> None:
    found = _roles("In a letter to the prime minister, Zara Quillon said she disagreed.")
    assert found["Zara Quillon"] == ("person", "")


def test_being_in_an_office_room_is_no_office() -> None:
    assert _roles("Zara Quillon was in the minister's office on Monday.")["Zara Quillon"] == (
        "person",
        "",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The scientist Zara Quillon said so.",
        "Police officer Zara Quillon told reporters.",
        "Zara Quillon, who owns a house in Leeds, said so.",
        "Zara Quillon, who used to play for Acme United, said so.",
        "The film was made by writer and director Zara Quillon.",
        "He recorded it with orchestra leader Zara Quillon.",
        "Creative director Zara Quillon left the agency.",
        "Zara Quillon, the film director, said so.",
    ],
)
def test_a_job_that_heads_nothing_is_no_office(text: str) -> None:
    assert _roles(text)["Zara Quillon"] == ("person", "")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            '"Demand is huge," said Zara Quillon, executive vice president and general manager'
            " of the Acme Group.",
            "executive vice president and general manager of the Acme Group",
        ),
        (
            '"Demand is huge," said Zara Quillon, general manager of Acme\'s European storage'
            " device division.",
            "general manager of Acme's European storage device division",
        ),
        ("Zara Quillon, head of public affairs, said no.", "head of public affairs"),
        # A verb after the office is no part of it.
        (
            "Zara Quillon, secretary of state nominated during the recess, said no.",
            "secretary of state",
        ),
    ],
)
def test_an_office_in_apposition_is_shown_whole(text: str, role: str) -> None:
    assert _roles(text)["Zara Quillon"] == ("leader", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Wal-Mart suspended sales, California attorney general Zara Quillon said.",
            "California attorney general",
        ),
        (
            "Royal Bank of Scotland chief executive Zara Quillon was named.",
            "Royal Bank of Scotland chief executive",
        ),
        (
            "The board approved the appointment of Managing Director Zara Quillon.",
            "Managing Director",
        ),
    ],
)
def test_an_office_before_a_name_is_shown_whole(text: str, role: str) -> None:
    assert _roles(text)["Zara Quillon"] == ("leader", role)


def test_a_middle_initial_tells_a_son_from_his_father() -> None:
    found = {e.text: e for e in find_entities("President George W Bush spoke.", as_of="2004-10-29")}
    assert found["George W Bush"].canonical == "George W. Bush"
    assert found["George W Bush"].role == "President of the United States"
    found = {e.text: e for e in find_entities("John F Kennedy was shot in Dallas.")}
    assert found["John F Kennedy"].category == "leader"


def test_a_namesake_in_a_sports_report_is_no_legislator() -> None:
    text = (
        "Juninho was signed from Middlesbrough in the summer but has lost his place to an"
        " 18-year-old midfielder. Their president says he wants to play for Martin O'Neill,"
        " but the striker is not in the first-team squad. Celtic manager O'Neill is no"
        " respecter of reputations, and the club's transfer window closes this month."
    )
    found = {e.text: e for e in find_entities(text, as_of="2005-01-10")}
    assert found["Martin O'Neill"].category == "person"
    assert found["Martin O'Neill"].canonical == found["O'Neill"].canonical == "Martin O'Neill"


def test_past_heads_of_any_country_are_leaders_with_the_office_of_the_day() -> None:
    text = "Helmut Kohl met Nelson Mandela in Bonn. Kohl said the talks had gone well."
    then = {e.text: e for e in find_entities(text, as_of="1996-06-01")}
    assert then["Helmut Kohl"].role == then["Kohl"].role == "Federal Chancellor of Germany"
    assert then["Nelson Mandela"].role == "President of South Africa"
    later = {e.text: e for e in find_entities(text, as_of="2010-06-01")}
    assert later["Helmut Kohl"].role == "former Federal Chancellor of Germany"
    assert later["Nelson Mandela"].category == "leader"
    assert later["Nelson Mandela"].role == "former President of South Africa"
    before = {e.text: e for e in find_entities(text, as_of="1980-06-01")}
    assert before["Helmut Kohl"].category == "person"  # no office begun yet


POLITICS = (
    "Blair told the House of Commons that Britain would stand by the United States. The prime"
    " minister faced a revolt over the war, and Bush thanked him."
)


@pytest.mark.parametrize(
    ("day", "blair", "bush"),
    [
        ("2003-03-10", "Tony Blair", "George W. Bush"),
        ("1991-03-10", None, "George Bush"),  # the father was president then
        ("2009-06-01", None, None),  # neither was a head any more: someone else's surname
    ],
)
def test_a_surname_several_office_holders_share_names_the_head_of_the_day(
    day: str, blair: str | None, bush: str | None
) -> None:
    found = {e.text: e for e in find_entities(POLITICS, as_of=day)}
    for surname, head in (("Blair", blair), ("Bush", bush)):
        if head is None:
            assert found[surname].category == "person"
        else:
            assert (found[surname].category, found[surname].canonical) == ("leader", head)


def test_a_shared_surname_needs_the_heads_country_and_a_political_story() -> None:
    abroad = "Bush said the government would cut taxes before the election in Brazil."
    assert {e.text: e for e in find_entities(abroad, as_of="2003-03-10")}["Bush"].canonical != (
        "George W. Bush"
    )
    sport = (
        "Bush scored twice as the United States beat Mexico 2-0 in the league on Saturday,"
        " and the coach praised the striker."
    )
    found = {e.text: e for e in find_entities(sport, as_of="2003-03-10")}
    assert found.get("Bush") is None or found["Bush"].canonical != "George W. Bush"


def test_a_heads_surname_opening_a_sentence_before_a_speech_verb_is_the_head() -> None:
    found = {e.text: e for e in find_entities("Trump said tariffs would stay.", as_of="2025-06-01")}
    assert (found["Trump"].category, found["Trump"].canonical) == ("leader", "Donald Trump")
    assert "Trump" not in {e.text for e in find_entities("Trump cards win.", as_of="2025-06-01")}
    # before the office began, the word is not the head's
    assert "Trump" not in {e.text for e in find_entities("Trump said so.", as_of="1990-06-01")}
