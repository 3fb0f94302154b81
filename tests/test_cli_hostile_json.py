"""JSON that parses but cannot be used, in a notes file and in batch input: nested deeper than
Python's recursion limit, or holding half a character. Regression tests for issue 11, where
these ended in ``RecursionError`` and ``UnicodeEncodeError`` tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.notes.errors import BadNotesFile
from desktop.core.notes.importer import load_annotations
from tests.cli_runner import run

DEEP = "[" * 100_000 + "]" * 100_000


def test_a_notes_file_nested_too_deeply_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "deep.json"
    notes.write_text('{"type": "AnnotationCollection", "first": ' + DEEP + "}", encoding="utf-8")
    with pytest.raises(BadNotesFile, match="nested too deeply"):
        load_annotations(notes)
    code, out, err = run(capsys, "notes", "import", str(notes))
    assert (code, out, err) == (1, "", f"dossier: {notes}: not a notes file: nested too deeply\n")


@pytest.mark.parametrize("command", ["summarize", "entities"])
def test_a_batch_line_nested_too_deeply_is_reported_and_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    batch = tmp_path / "in.jsonl"
    good = json.dumps({"id": "ok", "text": "The council met. The mayor spoke."})
    batch.write_text(f'{{"id": 1, "text": {DEEP}}}\n{good}\n', encoding="utf-8")
    code, out, err = run(capsys, command, "--batch", str(batch))
    assert code == 1
    assert err == f"dossier: {batch}:1: not valid JSON (nested too deeply)\n"
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]


def test_a_notes_file_with_half_a_character_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Regression: a ``\\udcff`` escape in a note reached SQLite, which raised
    UnicodeEncodeError as a traceback in the middle of the import."""
    code, _, _ = run(capsys, "notes", "add", "1", "--quote", "Zelenskyy", "--note", "hello")
    assert code == 0
    notes = tmp_path / "notes.json"
    assert run(capsys, "notes", "export", "--format", "json", "-o", str(notes))[0] == 0
    exported = notes.read_text(encoding="utf-8")
    notes.write_text(exported.replace('"hello"', '"he\\udcffllo"'), encoding="utf-8")
    code, out, err = run(capsys, "notes", "import", str(notes))
    assert (code, out) == (1, "")
    assert err.startswith(f"dossier: {notes}: not a notes file: it holds a \\u escape of half")
    assert err.count("\n") == 1
