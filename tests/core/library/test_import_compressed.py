"""Gzip-compressed copies of supported files ("page.html.gz") import as the file they hold;
damaged, empty, oversized and unsupported ones are refused by name."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from desktop.core.library.importers import (
    SUPPORTED_KINDS,
    UnreadableFile,
    UnsupportedFile,
    is_supported,
    read_articles,
)
from tests.cli_runner import run

PAGE = (
    "<html><head><title>Flood defences fail in Riverton - The Courier</title></head><body>"
    "<article><h1>Flood defences fail in Riverton</h1>"
    "<p>The river broke through the new flood wall in Riverton on Tuesday night, forcing two "
    "hundred families from their homes before dawn.</p>"
    "<p>Engineers said the wall had been built a metre lower than the plan approved by the "
    "council in 2019, and the contractor has been asked to explain why.</p>"
    "<p>The mayor said the town would seek compensation once everyone was safe again.</p>"
    "</article></body></html>"
)


def test_a_compressed_page_imports_as_the_page(tmp_path: Path) -> None:
    plain = tmp_path / "flood.html"
    plain.write_text(PAGE, encoding="utf-8")
    packed = tmp_path / "flood.html.gz"
    packed.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (expected,) = read_articles(plain)
    (article,) = read_articles(packed)
    assert "broke through the new flood wall" in article.text
    assert (article.title, article.text) == (expected.title, expected.text)


def test_compressed_text_and_markdown_import(tmp_path: Path) -> None:
    text = tmp_path / "notes.TXT.GZ"
    text.write_bytes(gzip.compress(b"Council budget\n\nThe council cut the roads budget."))
    (article,) = read_articles(text)
    assert "cut the roads budget" in article.text


@pytest.mark.parametrize(
    ("name", "supported"),
    [
        ("page.html.gz", True),
        ("feed.xml.gz", True),
        ("report.PDF.gz", True),
        ("backup.tar.gz", False),
        ("data.gz", False),
        ("page.html", True),
    ],
)
def test_which_names_are_imported(name: str, supported: bool) -> None:
    assert is_supported(Path(name)) is supported


def test_an_archive_or_a_bare_gz_is_refused_as_unsupported(tmp_path: Path) -> None:
    for name in ("backup.tar.gz", "data.gz"):
        path = tmp_path / name
        path.write_bytes(gzip.compress(b"Some text that must not become an article."))
        with pytest.raises(UnsupportedFile) as failure:
            read_articles(path)
        assert str(failure.value) == (
            f"{path}: unsupported file type (.gz) — Dossier imports {SUPPORTED_KINDS}"
        )


def test_damaged_empty_and_oversized_compressed_files_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "cut.html.gz"
    damaged.write_bytes(gzip.compress(PAGE.encode("utf-8"))[:60])
    with pytest.raises(UnreadableFile, match=r"cut\.html\.gz: not a valid gzip file"):
        read_articles(damaged)
    not_gzip = tmp_path / "plain.html.gz"
    not_gzip.write_text(PAGE, encoding="utf-8")
    with pytest.raises(UnreadableFile, match=r"not a valid gzip file"):
        read_articles(not_gzip)
    empty = tmp_path / "blank.txt.gz"
    empty.write_bytes(gzip.compress(b"   \n"))
    with pytest.raises(UnreadableFile, match=r"file is empty once unpacked"):
        read_articles(empty)
    from desktop.core.library import importers

    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 1024 * 1024)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * (4 * 1024 * 1024)))
    assert bomb.stat().st_size < 20_000
    with pytest.raises(UnreadableFile, match=r"would unpack past 1 MiB .* refused for safety"):
        read_articles(bomb)


def test_a_folder_of_compressed_pages_imports_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "flood.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (folder / "backup.tar.gz").write_bytes(gzip.compress(b"not an article"))
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0
    assert out.strip() == "Imported 1, duplicates 0, failed 0, skipped 1."
    assert f"skipped {folder / 'backup.tar.gz'}: unsupported file type (.gz)" in err
