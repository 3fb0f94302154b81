"""Bytes that are not UTF-8 in file names and arguments, and a terminal that cannot show a
character: regression tests for issue 11, where each of these ended in a traceback.

A shell passes arguments as bytes; Python hands undecodable ones over as lone surrogates
(``os.fsdecode``), which is what the in-process runner is given here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run

ROOT = Path(__file__).resolve().parents[1]
STORY = b"Harbour vote\n\nThe council met today. The mayor spoke about the harbour bridge.\n"
BAD = os.fsdecode(b"caf\xe9")
"""What Python makes of the Latin-1 bytes of ``café`` in a UTF-8 locale."""


def story_file(folder: Path) -> str:
    """A story in a file whose name is not UTF-8, created from bytes; its name as Python has it."""
    name = os.fsencode(folder) + b"/caf\xe9-\xff.txt"
    with open(name, "wb") as handle:
        handle.write(STORY)
    return os.fsdecode(name)


def dossier(home: Path, *argv: str | bytes, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "DOSSIER_HOME": str(home), "PYTHONPATH": str(ROOT), **env},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("argv", "argument"),
    [
        (["notes", "add", "1", "--quote", BAD], "--quote"),
        (["notes", "add", "1", "--quote", "council", "--note", BAD], "--note"),
        (["notes", "add", "1", "--quote", "council", "--tag", BAD], "--tag"),
        (["notes", "add", "1", "--quote", "council", "--category", BAD], "--category"),
        (["watch", "add", BAD], "name"),
        (["watch", "add", "Ana", "--alias", BAD], "--alias"),
        (["correct", "rename", BAD, "Ana"], "name"),
        (["correct", "merge", "Ana", BAD], "target"),
        (["notes", "export", "--format", "md", "--tag", BAD], "--tag"),
        (["notes", "export", "--format", "json", "--category", BAD], "--category"),
        (["search", BAD], "query"),
        (["entities", "--mentioning", BAD], "--mentioning"),
    ],
)
def test_text_argument_that_is_not_utf8_is_a_usage_error_naming_it(
    capsys: pytest.CaptureFixture[str], argv: list[str], argument: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, *argv)
    assert stopped.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.endswith(f"error: argument {argument}: not valid UTF-8 text (caf\\xe9)")
    code, out, _ = run(capsys, "notes", "list", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_files_with_names_that_are_not_utf8_import_and_show_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = story_file(tmp_path)
    shown = f"{tmp_path}/caf\\xe9-\\xff.txt"
    code, out, err = run(capsys, "import", "--json", path, path + "-missing")
    assert code == 1, err
    report = json.loads(out)
    assert [f["path"] for f in report["files"]] == [shown, shown + "-missing"]
    assert report["failed"][0]["reason"] == f"{shown}-missing: no such file or folder"
    (article_id,) = report["imported"]
    code, out, _ = run(capsys, "show", str(article_id), "--json")
    assert json.loads(out)["origin"] == shown
    assert run(capsys, "import", path)[1] == "Imported 0, duplicates 1, failed 0.\n"
    code, out, _ = run(capsys, "summarize", path, "--sentences", "1")
    assert code == 0 and "harbour bridge" in out


def test_folder_of_names_that_are_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    folder = os.fsencode(tmp_path) + b"/\xff\xfe"
    os.mkdir(folder)
    with open(folder + b"/\xe9t\xe9.md", "wb") as handle:
        handle.write(b"# Summer\n\nThe heat wave ends on Friday, forecasters said.\n")
    code, out, err = run(capsys, "import", os.fsdecode(folder))
    assert (code, out, err) == (0, "Imported 1, duplicates 0, failed 0.\n", "")


def test_bytes_arguments_from_a_shell(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = os.fsencode(story_file(tmp_path))
    imported = dossier(home, "import", "--json", path)
    assert imported.returncode == 0, imported.stderr
    (entry,) = json.loads(imported.stdout)["files"]
    assert entry["path"].endswith("/caf\\xe9-\\xff.txt")
    refused = dossier(home, "notes", "add", "1", "--quote", "council", "--note", b"caf\xe9")
    assert refused.returncode == 2
    assert b"Traceback" not in refused.stderr
    assert refused.stderr.endswith(b"argument --note: not valid UTF-8 text (caf\\xe9)\n")
    missing = dossier(home, "summarize", b"/nonexistent/caf\xe9.txt")
    assert missing.returncode == 1
    assert missing.stderr == (
        b"dossier: /nonexistent/caf\\xe9.txt: cannot read the file (No such file or directory)\n"
    )


def test_a_terminal_that_cannot_show_a_character_gets_an_escape(tmp_path: Path) -> None:
    """Regression: with LANG=C (ASCII), printing a title with '…' or 'é' raised
    UnicodeEncodeError half-way through the output."""
    ascii_terminal = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    shown = dossier(tmp_path / "home", "list", **ascii_terminal)
    assert shown.returncode == 0, shown.stderr
    assert b"leaders\\u2026" in shown.stdout
    assert shown.stderr == b""
