"""The entity commands end to end, in the temporary DOSSIER_HOME every test gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run

ENTITY_KEYS = {"start", "end", "text", "category", "canonical", "role", "role_as_of"}
TEXT = (
    "German Chancellor Friedrich Merz met Emmanuel Macron in Paris on Tuesday. "
    "Merz later spoke to the European Commission about energy prices and energy prices again."
)


def _seed_id(capsys: pytest.CaptureFixture[str]) -> int:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    return json.loads(out)[0]["id"]


def test_file_json_has_entities_and_terms_with_exact_offsets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(capsys, "entities", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"entities", "terms"}
    for entity in result["entities"]:
        assert set(entity) == ENTITY_KEYS
        assert TEXT[entity["start"] : entity["end"]] == entity["text"]
    merz = [e for e in result["entities"] if e["canonical"] == "Friedrich Merz"]
    assert len(merz) == 2 and {e["category"] for e in merz} == {"leader"}
    terms = {t["text"]: t for t in result["terms"]}
    assert [list(s) for s in terms["energy prices"]["spans"]] == [
        [m, m + len("energy prices")] for m in _find_all(TEXT, "energy prices")
    ]


def _find_all(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def test_batch_writes_one_line_per_record_and_reports_bad_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": TEXT}) + "\nnot json\n" + json.dumps({"id": 7, "text": ""}),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "entities", "--batch", str(batch))
    assert code == 1
    assert "in.jsonl:2" in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a", 7]
    assert lines[0]["entities"] and lines[0]["language"] == "en"
    assert lines[1] == {"id": 7, "language": "und", "entities": [], "terms": []}


def test_library_article_shows_corrections_and_watchlist(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = str(_seed_id(capsys))
    code, out, _ = run(capsys, "entities", seed, "--json")
    assert code == 0
    before = json.loads(out)["entities"]
    assert any(e["canonical"] == "Donald Trump" for e in before)
    assert run(capsys, "correct", "rename", "Donald Trump", "President Trump")[0] == 0
    assert run(capsys, "correct", "not-entity", "Alaska")[0] == 0
    assert run(capsys, "watch", "add", "security guarantees", "--category", "term")[0] == 0
    code, out, _ = run(capsys, "entities", seed, "--json")
    assert code == 0
    after = json.loads(out)["entities"]
    names = {e["canonical"] for e in after}
    assert "President Trump" in names and "Donald Trump" not in names
    assert "Alaska" not in {e["text"] for e in after}
    watched = [e for e in after if e.get("watchlist")]
    assert watched and {e["canonical"] for e in watched} == {"security guarantees"}
    code, out, _ = run(capsys, "watch", "counts", "--json")
    assert code == 0 and json.loads(out) == {seed: len(watched)}
    code, out, _ = run(capsys, "entities", "--mentioning", "President Trump", "--json")
    assert code == 0 and json.loads(out) == [int(seed)]


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "entities", "999")
    assert code == 1 and "no article with id 999" in err
    code, _, err = run(capsys, "entities", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in err
    code, _, err = run(capsys, "watch", "remove", "nobody")
    assert code == 1 and "not on the watchlist" in err


def test_mentioning_indexes_the_library_first(capsys: pytest.CaptureFixture[str]) -> None:
    seed = _seed_id(capsys)
    code, out, err = run(capsys, "entities", "--mentioning", "Volodymyr Zelenskyy", "--json")
    assert code == 0 and json.loads(out) == [seed]
    assert "indexed 1 articles" in err
    code, out, _ = run(capsys, "entities", "--mentioning", "Nobody Atall", "--json")
    assert code == 0 and json.loads(out) == []


def test_batch_date_sets_the_day_roles_are_resolved_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "Keir Starmer spoke in London."
    batch = tmp_path / "in.jsonl"
    records = [
        {"id": "2019", "text": text, "date": "2019-06-01"},
        {"id": "2025", "text": text, "date": "2025-08-18"},
        {"id": "bad", "text": text, "date": "18/08/2025"},
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, err = run(capsys, "entities", "--batch", str(batch))
    assert code == 1
    assert "record 'bad': date must be YYYY-MM-DD" in err
    lines = {line["id"]: line for line in map(json.loads, out.splitlines())}
    assert set(lines) == {"2019", "2025"}
    starmer = {
        k: next(e for e in v["entities"] if e["text"] == "Keir Starmer") for k, v in lines.items()
    }
    assert starmer["2019"]["role_as_of"] == "2019-06-01"
    assert "Prime Minister" not in starmer["2019"]["role"]
    assert starmer["2025"]["role"] == "Prime Minister of the United Kingdom"
    assert starmer["2025"]["role_as_of"] == "2025-08-18"


def test_mentioning_and_watch_counts_name_the_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = _seed_id(capsys)
    code, listed, _ = run(capsys, "list")
    code, out, _ = run(capsys, "entities", "--mentioning", "Volodymyr Zelenskyy")
    assert code == 0 and out == listed  # the same line as `list` prints
    assert "As Ukrainian President" in out and "2025-08-18" in out
    code, out, _ = run(capsys, "entities", "--mentioning", "Volodymyr Zelenskyy", "--json")
    assert json.loads(out) == [seed]  # unchanged for scripts
    code, out, _ = run(
        capsys, "entities", "--mentioning", "Volodymyr Zelenskyy", "--json", "--details"
    )
    (article,) = json.loads(out)
    assert article["id"] == seed and article["title"].startswith("As Ukrainian President")
    assert article["published"] == "2025-08-18" and "count" not in article
    assert run(capsys, "watch", "add", "Kiev", "--category", "place")[0] == 0
    code, out, _ = run(capsys, "watch", "counts")
    assert code == 0 and out == f"   2×  {listed}"
    code, out, _ = run(capsys, "watch", "counts", "--json")
    assert json.loads(out) == {str(seed): 2}
    code, out, _ = run(capsys, "watch", "counts", "--json", "--details")
    (article,) = json.loads(out)
    assert (article["id"], article["count"]) == (seed, 2) and article["source"]
