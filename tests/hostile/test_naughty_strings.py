"""The big-list-of-naughty-strings in every text field a user or a file can fill.

Each string goes through the command line in this process (``dossier_in_process``: 500 strings
× 8 fields would cost an hour of Python starts) and must be stored and shown back, or refused
with one line; never a traceback, never a hang.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.hostile.cli import Run, argv_sample, dossier, dossier_in_process, problems
from tests.hostile.conftest import depths
from tests.hostile.corpora import naughty_sample

FAST_STEP = 9


def _strings(step: int) -> list[str]:
    return argv_sample(naughty_sample(step))


def _failures(runs: list[Run]) -> list[str]:
    return [f"{p}: {r.describe()}" for r in runs for p in problems(r)]


@pytest.mark.parametrize("step", depths(FAST_STEP))
def test_notes_tags_and_quotes(step: int, add_article) -> None:
    strings = _strings(step)
    article = add_article("Naughty strings follow.\n" + "\n".join(strings) + "\nThe end.")
    runs, acknowledged = [], {}
    for s in strings:
        run = dossier_in_process(
            "notes", "add", str(article), f"--quote={s}", f"--note={s}", f"--tag={s}"
        )
        runs.append(run)
        if run.code == 0:
            acknowledged[json.loads(run.out)["id"]] = s
    runs.append(listed := dossier_in_process("notes", "list", "--json"))
    runs.append(dossier_in_process("notes", "list"))
    runs += [dossier_in_process("notes", "export", "--format", f) for f in ("md", "json", "csv")]
    for s in strings[:: max(1, 40 // step)]:
        runs.append(dossier_in_process("notes", "export", "--format", "json", f"--tag={s}"))
        runs.append(dossier_in_process("notes", "export", "--format", "md", f"--category={s}"))
        runs.append(dossier_in_process("cite", str(article), f"--quote={s}", "--style", "apa"))
    for highlight in list(acknowledged)[:: max(1, 40 // step)]:
        for style in ("plain", "markdown", "apa"):
            runs.append(
                dossier_in_process("cite", str(article), "--highlight", highlight, "--style", style)
            )
    runs += [dossier_in_process("export", str(article), "--format", f) for f in ("md", "html")]
    assert not _failures(runs), "\n".join(_failures(runs))
    notes = {h["id"]: h["note"] for h in json.loads(listed.out)}
    assert {i: notes.get(i) for i in acknowledged} == acknowledged
    assert len(acknowledged) >= len(strings) * 0.8, "most naughty quotes are found and kept"


@pytest.mark.parametrize("step", depths(FAST_STEP))
def test_search_queries(step: int, add_article) -> None:
    add_article("The council voted on the budget. " * 5)
    runs = []
    for s in _strings(step):
        runs.append(dossier_in_process("search", "--", s))
        runs.append(dossier_in_process("search", "--json", "--", "budget", s))
    assert not _failures(runs), "\n".join(_failures(runs))


@pytest.mark.parametrize("step", depths(FAST_STEP))
def test_watchlist_names(step: int, add_article) -> None:
    add_article("Mayor Ana Ruiz met the council. " + " ".join(_strings(step)))
    runs = []
    for s in _strings(step):
        runs.append(dossier_in_process("watch", "add", f"--alias={s} (alias)", "--", s))
    runs.append(listed := dossier_in_process("watch", "list", "--json"))
    runs.append(dossier_in_process("watch", "list"))
    runs.append(dossier_in_process("watch", "counts", "--json"))
    for s in _strings(step):
        runs.append(dossier_in_process("watch", "remove", "--", s))
    assert not _failures(runs), "\n".join(_failures(runs))
    assert listed.code == 0 and json.loads(listed.out)


@pytest.mark.parametrize("step", depths(FAST_STEP * 3))  # a correction re-reads every article
def test_correction_names(step: int) -> None:
    runs = []
    for s in _strings(step):
        runs.append(dossier_in_process("correct", "rename", "--", s, s + " Jr"))
        runs.append(dossier_in_process("correct", "not-entity", "--", s + " Sr"))
        runs.append(dossier_in_process("correct", "merge", "--", s, "Ana Ruiz"))
        runs.append(dossier_in_process("correct", "category", "--", s, "place"))
    runs.append(dossier_in_process("correct", "list", "--json"))
    runs.append(dossier_in_process("correct", "list"))
    for s in _strings(step):
        runs.append(dossier_in_process("correct", "undo", "--", s))
    runs.append(dossier_in_process("entities", "--mentioning", "Ana Ruiz"))
    assert not _failures(runs), "\n".join(_failures(runs))


def _file_name(number: int, s: str) -> str:
    """``s`` made a legal file name: no slash or NUL, at most 200 bytes, numbered to be unique."""
    name = s.replace("/", "∕").replace("\x00", "")
    while len(name.encode("utf-8", "surrogateescape")) > 200:
        name = name[:-1]
    return f"{number:03d} {name}.md"


@pytest.mark.parametrize("step", depths(FAST_STEP))
def test_titles_and_file_names(step: int, tmp_path: Path) -> None:
    folder = tmp_path / "naughty"
    folder.mkdir()
    strings = _strings(step)
    for number, s in enumerate(strings):
        body = f"# {s}\n\nStory {number}: the council voted on the budget on Tuesday.\n"
        (folder / _file_name(number, s)).write_text(body, encoding="utf-8", errors="surrogatepass")
    run = dossier_in_process("import", "--json", str(folder), timeout=60)
    listed = dossier_in_process("list", "--json")
    runs = [run, listed, dossier_in_process("list")]
    assert not _failures(runs), "\n".join(_failures(runs))
    report = json.loads(run.out)
    failed = [Path(f["path"]).name for f in report["failed"]]
    assert all(f["reason"].startswith(f"{f['path']}: ") for f in report["failed"])
    assert len(report["imported"]) + len(failed) == len(strings)
    # Only titles of control characters are refused (as binary files), each named.
    assert len(failed) <= len(strings) // 50, failed
    shown = [dossier_in_process("show", str(i)) for i in report["imported"]]
    assert not _failures(shown), "\n".join(_failures(shown))


def test_titles_and_file_names_through_a_real_process(tmp_path: Path) -> None:
    """The same on a handful of strings, through a real Python start and real stdout."""
    folder = tmp_path / "naughty"
    folder.mkdir()
    strings = _strings(47)
    for number, s in enumerate(strings):
        body = f"# {s}\n\nStory {number}: the council voted on the budget on Tuesday.\n"
        (folder / _file_name(number, s)).write_text(body, encoding="utf-8", errors="surrogatepass")
    home = tmp_path / "home"
    imported = dossier(home, "import", folder, timeout=60)
    listed = dossier(home, "list")
    assert not _failures([imported, listed]), "\n".join(_failures([imported, listed]))
    summary = re.fullmatch(r"Imported (\d+), duplicates 0, failed (\d+)\.\n", imported.out)
    assert summary, imported.describe()
    done, failed = int(summary[1]), int(summary[2])
    assert done + failed == len(strings) and failed == len(imported.err.split("\n")) - 1
    assert len(listed.out.split("\n")) > done
