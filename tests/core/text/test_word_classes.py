"""Telling clauses from noun phrases by word classes, and building the word-class table."""

from __future__ import annotations

import pytest

from desktop.core.text.build_word_classes import count_classes, table_lines
from desktop.core.text.word_classes import is_clause, never_noun, opens_with_verb, word_use

CLAUSES = [
    "officer shouts",  # a singular subject and an "-s" verb
    "directors asks",
    "victory brings",  # "bring" is no "-ing" form
    "cartel saw",  # a past tense that is never a noun
    "designer born",
    "comments contradict",  # a plural subject and a bare verb
    "chip delivers faster",  # ends in an adverb
    "spend twice",
    "annual economic",  # an adjective with its noun cut off
    "pleaded guilty",
    "avoid sanction",  # a bare verb and its object
    "represents 84",
    "charge WeWork",  # often a verb, before a name
    "launch Google",
    "stopped working",  # a verb governing a verb
    "cut spending",
    "newest 2020",  # an adjective before a bare number
    "biggest 2019",
    "top 10",
]
NOUN_PHRASES = [
    "price hikes",
    "peace talks",
    "budget cuts",
    "rate rises",
    "interest rate rises",
    "takeover offers",
    "maternity leave",
    "tax returns",
    "product launches",
    "browser settings",
    "successive wins",
    "tournament finals",
    "company official",
    "planned spending",
    "proposed merger",
    "live television",
    "band Wings",
    "Article 5",
    "Euro 2020",
    "Windows 10",
    "holiday wish lists",  # a verb-like word inside, after a singular
    "unaccompanied asylum-seeking children",
    "unpaid fines",  # "fine" is an adjective, "fines" a noun
    "league defeats",  # an "-s" form that is a noun as often as its base
    "morning runs",
    "telecoms giant Orange",  # a name at the end
]


@pytest.mark.parametrize("phrase", CLAUSES)
def test_clauses_and_fragments_are_told(phrase: str) -> None:
    assert is_clause(tuple(phrase.split()))


@pytest.mark.parametrize("phrase", NOUN_PHRASES)
def test_noun_phrases_are_kept(phrase: str) -> None:
    assert not is_clause(tuple(phrase.split()))


@pytest.mark.parametrize(
    ("phrase", "verb"),
    [
        ("help recoup", True),
        ("veto budget", True),
        ("feature footage", True),
        ("live telecast", False),  # "live" is an adjective too
        ("search engine", False),  # "search" is mostly a noun
        ("Help Desk", False),  # as written, a name
    ],
)
def test_a_phrase_opening_with_a_word_mostly_a_verb_is_told(phrase: str, verb: bool) -> None:
    assert opens_with_verb(tuple(phrase.split())) is verb


@pytest.mark.parametrize(
    ("word", "never"),
    [
        ("relating", True),
        ("ongoing", True),
        ("represents", True),
        ("impeachment", False),
        ("handling", False),  # once a noun in the treebank
        ("raid", False),  # two verb uses are too few to say
        ("exports", False),  # known only through "export"
    ],
)
def test_a_word_never_used_as_a_noun_is_told(word: str, never: bool) -> None:
    assert never_noun(word) is never


def test_a_rare_s_form_borrows_its_base_but_an_adjective_or_ing_base_stays_a_noun() -> None:
    shouts = word_use("shouts")  # not in the table: like "shout", a verb
    assert shouts is not None and shouts.verb > 0 and shouts.noun == 0
    settings = word_use("settings")  # "setting" is mostly a verb form, "settings" a noun
    assert settings is not None and settings.noun == settings.total
    finals = word_use("finals")  # "final" is an adjective; "finals" can only be a noun
    assert finals is not None and finals.noun > finals.verb
    fines = word_use("fines")  # "fine" is only an adjective or adverb: "fines" is a noun
    assert fines is not None and fines.noun == fines.total
    owns = word_use("owns")  # "own" is mostly an adjective, which "owns" is not
    assert owns is not None and owns.noun == 0 and owns.verb > 0
    assert word_use("qwzxv") is None


def test_the_table_counts_word_classes_from_conllu() -> None:
    conllu = [
        "# sent_id = 1",
        "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_",
        "1\tca\tcan\tAUX\t_\t_\t_\t_\t_\t_",
        "2\tOffer\toffer\tNOUN\t_\t_\t_\t_\t_\t_",
        "3\toffer\toffer\tVERB\t_\t_\t_\t_\t_\t_",
        "3.1\toffer\toffer\tVERB\t_\t_\t_\t_\t_\t_",
        "4\tOffer\tOffer\tPROPN\t_\t_\t_\t_\t_\t_",
        "5\toffered\toffer\tVERB\t_\tTense=Past|VerbForm=Part\t_\t_\t_\t_",
        "6\t42\t42\tNUM\t_\t_\t_\t_\t_\t_",
        "7\tfast\tfast\tADV\t_\t_\t_\t_\t_\t_",
        "8\t-ish\t-ish\tX\t_\t_\t_\t_\t_\t_",
    ]
    counts = count_classes(conllu)
    assert counts == {
        "ca": [0, 1, 0, 0, 0, 0],
        "offer": [1, 1, 0, 0, 0, 0],
        "offered": [0, 1, 0, 0, 0, 1],  # a verb use in the past
        "fast": [0, 0, 0, 1, 0, 0],
    }
    assert table_lines(counts) == ["offer\t1\t1\t0\t0\t0\t0\n"]  # seen twice at least
