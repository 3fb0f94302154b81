"""feedparser's and html5lib's test corpora: every file imports or fails with one line naming it.

Each file is first read on its own (the core importer, under an alarm) so a failure names the
file; then the whole corpus goes through ``dossier import`` in a real process, as one batch.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from tests.hostile.cli import HANG_SECONDS, Hang, assert_clean, dossier, time_limit
from tests.hostile.conftest import depths
from tests.hostile.corpora import feedparser_feeds, html5lib_documents


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return feedparser_feeds(tmp_path_factory.mktemp("feedparser"))


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return html5lib_documents(tmp_path_factory.mktemp("html5lib"))


def read_or_problem(path: Path) -> str:
    """'' when ``path`` reads, or fails as ``UnreadableFile`` naming it; else what went wrong."""
    started = time.perf_counter()
    try:
        with time_limit(HANG_SECONDS):
            read_articles(path)
    except UnreadableFile as exc:
        if not str(exc).startswith(f"{path}: ") or "\n" in str(exc):
            return f"{path}: message does not name the file on one line: {exc!r}"
    except Hang:
        return f"{path}: hung over {HANG_SECONDS} s"
    except Exception as exc:
        return f"{path}: {type(exc).__name__}: {exc}"
    elapsed = time.perf_counter() - started
    return f"{path}: took {elapsed:.1f} s" if elapsed > HANG_SECONDS else ""


@pytest.mark.parametrize("step", depths(4))
def test_every_feed_reads_or_names_its_problem(feeds: list[Path], step: int) -> None:
    chosen = feeds[::step]
    problems = [p for p in map(read_or_problem, chosen) if p]
    assert not problems, "\n".join(problems)


def _import_corpus(home: Path, folder: Path, timeout: float) -> dict:
    run = dossier(home, "import", "--json", folder, timeout=timeout)
    assert_clean(run)
    assert run.code == 1, run.describe()  # some files are not articles
    return json.loads(run.out)


def test_feed_corpus_imports_as_one_batch(feeds: list[Path], tmp_path: Path) -> None:
    """One command over the whole corpus: no crashed batch; every file accounted for."""
    report = _import_corpus(tmp_path / "home", feeds[0].parents[1], timeout=120)
    named = {str(feed) for feed in feeds}
    files = [f for f in report["files"] if f["path"] in named]
    entries = [f for f in report["files"] if f["path"] not in named]  # a headline, no text
    assert len(files) == len(feeds)
    assert all(f["skipped"] and f["path"].partition("#")[0] in named for f in entries)
    stored = [f for f in files if f["imported"] or f["duplicates"] or f["updated"]]
    assert all(f["error"] for f in files if f not in stored)
    assert len(stored) > 300  # many test feeds share their one line of text: duplicates


def test_feed_corpus_names_each_failed_file_in_one_line(feeds: list[Path], tmp_path: Path) -> None:
    """The same with human output: one stderr line per failed file, counted in the summary."""
    root = feeds[0].parents[1]
    run = dossier(tmp_path / "home", "import", root, timeout=120)
    assert_clean(run)
    lines = run.err.rstrip("\n").split("\n")
    entries = [line for line in lines if line.startswith(f"dossier: skipped {root}/")]
    lines = [line for line in lines if line not in entries]
    assert all(".xml#" in line and "a headline but no text" in line for line in entries)
    assert all(line.startswith(f"dossier: {root}/") and ".xml: " in line for line in lines)
    assert run.out.endswith(f"failed {len(lines)}, skipped {len(entries)}.\n") and run.code == 1


@pytest.mark.parametrize("step", depths(25))
def test_every_html5lib_document_reads_or_names_its_problem(
    documents: list[Path], step: int
) -> None:
    chosen = [d for d in documents if d.name.startswith("encoding-")]
    chosen += [d for d in documents if not d.name.startswith("encoding-")][::step]
    problems = [p for p in map(read_or_problem, chosen) if p]
    assert not problems, "\n".join(problems)


@pytest.mark.fuzz
def test_html5lib_corpus_imports_as_one_batch(documents: list[Path], tmp_path: Path) -> None:
    report = _import_corpus(tmp_path / "home", documents[0].parent, timeout=600)
    assert len(report["files"]) == len(documents)
    stored = [f for f in report["files"] if f["imported"] or f["duplicates"]]
    assert len(stored) > len(documents) // 2  # the same sentence in each: most are duplicates
