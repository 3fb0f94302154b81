"""The held-out CoNLL-2003 file as published reads into the dev set's record shape."""

from __future__ import annotations

from pathlib import Path

from tests.eval.conll_file import read_conll

MARKED = """-DOCSTART- -X- -X- O

SOCCER NN B-NP O
- : O O
JAPAN NNP B-NP B-LOC
WIN NN I-NP O
. . O O

Nadim NNP B-NP B-PER
Ladki NNP I-NP I-PER

-DOCSTART- -X- -X- O

Bank NNP B-NP B-ORG
of IN B-PP I-ORG
England NNP B-NP I-ORG
rose VBD B-VP O
"""

# A copy without -DOCSTART- lines and with a trailing column after the tag.
UNMARKED = """SOCCER O 0
- O 0
JAPAN B-LOC 0

AL-AIN B-LOC 0
1996-12-06 O 0

Japan B-LOC 0
won O 0

CRICKET O 0
RESULTS O 0

LONDON B-LOC 0
1996-12-07 O 0

Rain O 0
"""


def test_articles_split_at_docstart_with_offsets_into_the_text(tmp_path: Path) -> None:
    path = tmp_path / "eng.testb"
    path.write_text(MARKED, encoding="utf-8")
    records = read_conll(path)
    assert [r["text"] for r in records] == [
        "SOCCER - JAPAN WIN .\nNadim Ladki",
        "Bank of England rose",
    ]
    found = [[(e["text"], e["label"]) for e in r["entities"]] for r in records]
    assert found == [[("JAPAN", "LOC"), ("Nadim Ladki", "PER")], [("Bank of England", "ORG")]]
    for record in records:
        for e in record["entities"]:
            assert record["text"][e["start"] : e["end"]] == e["text"]


def test_a_copy_without_docstart_splits_before_each_dateline_headline(tmp_path: Path) -> None:
    path = tmp_path / "test.txt"
    path.write_text(UNMARKED, encoding="utf-8")
    records = read_conll(path)
    assert [r["text"].split("\n")[0] for r in records] == ["SOCCER - JAPAN", "CRICKET RESULTS"]
    assert [e["text"] for e in records[0]["entities"]] == ["JAPAN", "AL-AIN", "Japan"]
    assert [e["text"] for e in records[1]["entities"]] == ["LONDON"]
