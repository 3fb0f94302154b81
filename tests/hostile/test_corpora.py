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

ENCODINGS = "issue 11: importer encodings"
FEEDS_RAISING_TODAY = (
    "encoding/big5.xml",
    "encoding/bozo_bogus_encoding.xml",
    "encoding/euc-kr-attribute.xml",
    "encoding/euc-kr-item.xml",
    "encoding/euc-kr.xml",
    "encoding/http_application_atom_xml_gb2312_encoding.xml",
    "encoding/u16.xml",
    "encoding/utf16.xml",
    "encoding/utf_16.xml",
)
"""Feeds whose declared encoding (multi-byte, UTF-16 without BOM, unknown) raises an exception
that is not ``UnreadableFile`` (ValueError, LookupError); each has its own xfail test below."""


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


def _corpus_name(path: Path) -> str:
    return "/".join(path.parts[-2:])


@pytest.mark.parametrize("step", depths(4))
def test_every_feed_reads_or_names_its_problem(feeds: list[Path], step: int) -> None:
    chosen = [f for f in feeds if _corpus_name(f) not in FEEDS_RAISING_TODAY][::step]
    problems = [p for p in map(read_or_problem, chosen) if p]
    assert not problems, "\n".join(problems)


@pytest.mark.xfail(reason=ENCODINGS, strict=False)
@pytest.mark.parametrize("name", FEEDS_RAISING_TODAY)
def test_feed_in_a_multibyte_or_unknown_encoding(feeds: list[Path], name: str) -> None:
    (path,) = [f for f in feeds if _corpus_name(f) == name]
    assert read_or_problem(path) == ""


def _import_corpus(home: Path, folder: Path, timeout: float) -> dict:
    run = dossier(home, "import", "--json", folder, timeout=timeout)
    assert_clean(run)
    assert run.code == 1, run.describe()  # some files are not articles
    return json.loads(run.out)


@pytest.mark.xfail(reason=ENCODINGS, strict=False)
def test_feed_corpus_imports_as_one_batch(feeds: list[Path], tmp_path: Path) -> None:
    """One command over the whole corpus: no crashed batch; every file accounted for."""
    report = _import_corpus(tmp_path / "home", feeds[0].parents[1], timeout=120)
    assert len(report["files"]) == len(feeds)
    assert all(f["error"] or f["imported"] or f["duplicates"] for f in report["files"])
    assert len(report["imported"]) > 300


def test_feed_corpus_without_todays_failures_imports_as_one_batch(
    feeds: list[Path], tmp_path: Path
) -> None:
    """The same, minus the feeds above, with human output: one stderr line per failed file."""
    root = feeds[0].parents[1]
    for name in FEEDS_RAISING_TODAY:
        (root / name).rename(tmp_path / Path(name).name)
    try:
        run = dossier(tmp_path / "home", "import", root, timeout=120)
    finally:
        for name in FEEDS_RAISING_TODAY:
            (tmp_path / Path(name).name).rename(root / name)
    assert_clean(run)
    lines = run.err.rstrip("\n").split("\n")
    assert all(line.startswith(f"dossier: {root}/") and ".xml: " in line for line in lines)
    assert run.out.endswith(f"failed {len(lines)}.\n") and run.code == 1


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
