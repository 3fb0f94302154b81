"""The language gate on the command line: a non-English article gets no entities or terms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run
from tests.core.text.test_language import PARAGRAPHS

NOTICE = "Entities and key terms are available for English articles; this one is German."
ENGLISH = (
    "Chancellor Friedrich Merz met Emmanuel Macron in Paris on Tuesday to discuss energy "
    "prices. Merz said energy prices would fall."
)


def test_imported_article_stores_its_detected_language_and_gets_a_notice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "steuer.txt"
    path.write_text("Steuer auf Kraftstoffe\n\n" + PARAGRAPHS["de"], encoding="utf-8")
    assert run(capsys, "import", str(path))[0] == 0
    code, out, _ = run(capsys, "list", "--json")
    german = next(a for a in json.loads(out) if a["title"] == "Steuer auf Kraftstoffe")
    assert german["language"] == "de"
    code, out, err = run(capsys, "entities", str(german["id"]), "--json")
    assert code == 0
    assert json.loads(out) == {"entities": [], "terms": []}
    assert err.strip() == f"dossier: {NOTICE}"


def test_file_in_russian_gets_nothing_and_english_file_gets_entities(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    russian = tmp_path / "ru.txt"
    russian.write_text(PARAGRAPHS["ru"], encoding="utf-8")
    code, out, err = run(capsys, "entities", str(russian), "--json")
    assert (code, json.loads(out)) == (0, {"entities": [], "terms": []})
    assert "this one is Russian." in err
    english = tmp_path / "en.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    code, out, err = run(capsys, "entities", str(english), "--json")
    assert code == 0 and json.loads(out)["entities"] and err == ""


def test_batch_language_overrides_detection(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "in.jsonl"
    records = [
        {"id": "de", "text": PARAGRAPHS["de"]},
        {"id": "forced-en", "text": ENGLISH, "language": "en"},
        {"id": "forced-fr", "text": ENGLISH, "language": "fr"},
        {"id": "bad", "text": ENGLISH, "language": "english"},
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, err = run(capsys, "entities", "--batch", str(batch))
    assert code == 1 and "record 'bad': language must be a two-letter code" in err
    lines = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert set(lines) == {"de", "forced-en", "forced-fr"}
    assert lines["de"]["language"] == "de" and lines["de"]["entities"] == []
    assert lines["forced-en"]["entities"] and lines["forced-en"]["language"] == "en"
    assert lines["forced-fr"] == {"id": "forced-fr", "language": "fr", "entities": [], "terms": []}
