"""Known names of several words and towns of the world as tagger features."""

from __future__ import annotations

import gzip
from pathlib import Path

from desktop.core.text.ner.features import FeatureExtractor, phrase_labels, phrase_lengths
from desktop.core.text.ner.train import town_names

PHRASES = {"new york": "LOC", "new york stock exchange": "ORG", "bank of england": "ORG"}


def _labels(sentence: str) -> list[tuple[str, str]]:
    words = sentence.split()
    return [
        (words[i], label) for i, label in phrase_labels(words, PHRASES, phrase_lengths(PHRASES))
    ]


def test_the_longest_known_name_wins() -> None:
    assert _labels("Shares on the New York Stock Exchange fell") == [
        ("New", "B-ORG"),
        ("York", "I-ORG"),
        ("Stock", "I-ORG"),
        ("Exchange", "I-ORG"),
    ]
    assert _labels("She flew to New York on Monday") == [("New", "B-LOC"), ("York", "I-LOC")]


def test_a_name_needs_its_capitals_at_both_ends() -> None:
    assert _labels("a new york minute") == []
    assert _labels("the New york look") == []
    # a lower-case word inside a name is fine ("of")
    assert _labels("the Bank of England said") == [
        ("Bank", "B-ORG"),
        ("of", "I-ORG"),
        ("England", "I-ORG"),
    ]


def test_matches_never_overlap_and_reach_the_sentence_end() -> None:
    assert _labels("New York New York") == [
        ("New", "B-LOC"),
        ("York", "I-LOC"),
        ("New", "B-LOC"),
        ("York", "I-LOC"),
    ]
    assert _labels("New") == []


def test_phrase_features_reach_the_crf_input() -> None:
    extractor = FeatureExtractor({}, {}, PHRASES)
    features = extractor.sentence(["In", "New", "York", "today"], {})
    assert [[f for f in fs if f.startswith("pg=")] for fs in features] == [
        [],
        ["pg=B-LOC"],
        ["pg=I-LOC"],
        [],
    ]


def test_towns_become_gazetteer_words_and_phrases(tmp_path: Path) -> None:
    path = tmp_path / "towns.tsv.gz"
    rows = [
        "name\tcountry\tregion",
        "Turku\tFinland\tSouthwest Finland",
        "St. Louis\tUnited States\tMissouri",
        "Sale\tUnited Kingdom\tEngland",
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    words, phrases = town_names(path)
    # "England" is a region; "Sale" is an ordinary word, so no gazetteer word
    assert words == {"turku": "KLOC", "missouri": "KLOC", "england": "KLOC"}
    assert phrases == {"southwest finland": "LOC", "st . louis": "LOC"}
