"""EPUB import: one article per chapter, named from the table of contents, front matter left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.epub import MIN_CHAPTER_WORDS
from tests.core.library.documents import chapter_xhtml, epub_bytes, zip_bytes

RAIN = ["The rain stopped in March&nbsp;and did not come back. " * 8, "The wells ran low."]
WELLS = ["By June the wells of the valley were dry, and the farmers left. " * 8]


def book(tmp_path: Path, chapters: list[tuple[str, str, str]], **labels: str) -> Path:
    path = tmp_path / "dry-years.epub"
    path.write_bytes(epub_bytes(chapters, nav_labels={f"{k}.xhtml": v for k, v in labels.items()}))
    return path


def test_epub_chapters_become_articles_named_book_and_chapter(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ("cover.xhtml", "", chapter_xhtml("The Dry Years", ["Ana Ruiz"])),
            ("rain.xhtml", "", chapter_xhtml("Rain", RAIN)),
            ("wells.xhtml", "", chapter_xhtml("The Wells", WELLS)),
        ],
        rain="1. When the rain stopped",
    )
    rain, wells = read_articles(path)
    assert rain.title == "The Dry Years — 1. When the rain stopped"
    assert wells.title == "The Dry Years — The Wells"  # no TOC entry: its own heading
    assert rain.byline == wells.byline == "Ana Ruiz"
    assert rain.published == "2021-06-01"
    assert rain.language == "en"  # the text is English, whatever the book declares ("es")
    assert rain.text.startswith("Rain\n\nThe rain stopped in March and did not come back.")
    assert rain.text.endswith("The wells ran low.")
    assert wells.text.startswith("By June the wells")  # the heading that titles it is not repeated
    assert rain.origin == f"{path}#OEBPS/text/rain.xhtml"
    assert wells.origin == f"{path}#OEBPS/text/wells.xhtml"


def test_a_short_epub_is_one_article(tmp_path: Path) -> None:
    short = ["A poem of few words."]
    assert len(short[0].split()) < MIN_CHAPTER_WORDS
    path = book(
        tmp_path,
        [
            ("a.xhtml", "", chapter_xhtml("One", short)),
            ("b.xhtml", "", chapter_xhtml("Two", short)),
        ],
    )
    (article,) = read_articles(path)
    assert article.title == "The Dry Years"
    assert article.text == "One\n\nA poem of few words.\n\nTwo\n\nA poem of few words."
    assert article.origin == str(path)


def test_truncated_epub_is_a_clear_failure(tmp_path: Path) -> None:
    path = book(tmp_path, [("rain.xhtml", "", chapter_xhtml("Rain", RAIN))])
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(UnreadableFile, match=r"not a valid EPUB file \(damaged or truncated"):
        read_articles(path)


def test_epub_without_a_package_is_a_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.epub"
    path.write_bytes(zip_bytes({"mimetype": "application/epub+zip"}))
    with pytest.raises(UnreadableFile, match=r"'META-INF/container\.xml' is missing"):
        read_articles(path)


def test_epub2_chapter_names_come_from_the_ncx(tmp_path: Path) -> None:
    """An EPUB 2 book: the package names its NCX table of contents on the spine; chapter
    files sit beside the package, with an encoded name and an XHTML 1.1 doctype."""
    package = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Salt</dc:title>'
        "<dc:creator>Kim Lee</dc:creator></metadata><manifest>"
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        '<item id="one" href="part%20one.html" media-type="application/xhtml+xml"/></manifest>'
        '<spine toc="ncx"><itemref idref="one"/></spine></package>'
    )
    ncx = (
        '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        '<navMap><navPoint id="p1"><navLabel><text>Part One: The Mines</text></navLabel>'
        '<content src="part%20one.html#start"/></navPoint></navMap></ncx>'
    )
    chapter = chapter_xhtml("I", RAIN).replace(
        "<!DOCTYPE html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
        '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">',
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="book/salt.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    path = tmp_path / "salt.epub"
    path.write_bytes(
        zip_bytes(
            {
                "mimetype": "application/epub+zip",
                "META-INF/container.xml": container,
                "book/salt.opf": package,
                "book/toc.ncx": ncx,
                "book/part one.html": chapter,
            }
        )
    )
    (article,) = read_articles(path)
    assert article.title == "Salt — Part One: The Mines"
    assert article.byline == "Kim Lee"
    assert article.text.startswith("I\n\nThe rain stopped")


def test_a_chapter_split_over_files_is_one_article(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ("rain.xhtml", "", chapter_xhtml("Rain", RAIN)),
            ("rain-2.xhtml", "", chapter_xhtml("", ["The second half of the rain chapter."])),
            ("wells.xhtml", "", chapter_xhtml("The Wells", WELLS)),
        ],
        rain="1. Rain",
        wells="2. Wells",
    )
    rain, wells = read_articles(path)
    assert rain.title == "The Dry Years — 1. Rain"
    assert rain.text.endswith("The wells ran low.\n\nThe second half of the rain chapter.")
    assert wells.title == "The Dry Years — 2. Wells"
