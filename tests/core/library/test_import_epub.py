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


def packaged(tmp_path: Path, package: str, documents: dict[str, str]) -> Path:
    """A book whose package file is ``package`` as written, with ``documents`` beside it."""
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OPS/package.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    members = {"mimetype": "application/epub+zip", "META-INF/container.xml": container}
    members |= {"OPS/package.opf": package} | {f"OPS/{n}": x for n, x in documents.items()}
    path = tmp_path / "book.epub"
    path.write_bytes(zip_bytes(members))
    return path


def test_ids_with_spaces_around_them_still_name_the_chapters(tmp_path: Path) -> None:
    # XML ignores the spaces around an id; the spine's reference has none.
    package = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Dry</dc:title></metadata>'
        '<manifest><item id=" c1" href="rain.xhtml" media-type="application/xhtml+xml"/>'
        '</manifest><spine><itemref idref="c1 "/></spine></package>'
    )
    path = packaged(tmp_path, package, {"rain.xhtml": chapter_xhtml("Rain", ["It rained."])})
    (article,) = read_articles(path)
    assert article.text == "Rain\n\nIt rained."


def test_an_open_ebook_of_before_epub_is_read(tmp_path: Path) -> None:
    # OEB 1.x (1999-2007): its own namespace and media type, Dublin Core names capitalised.
    package = (
        '<package xmlns="http://openebook.org/namespaces/oeb-package/1.0/">'
        '<metadata><dc-metadata xmlns:dc="http://purl.org/dc/elements/1.0/">'
        "<dc:Title>The Dry Years</dc:Title><dc:Creator>Ana Ruiz</dc:Creator>"
        "</dc-metadata></metadata>"
        '<manifest><item id="c1" href="rain.htm" media-type="text/x-oeb1-document"/></manifest>'
        '<spine><itemref idref="c1"/></spine></package>'
    )
    path = packaged(tmp_path, package, {"rain.htm": chapter_xhtml("Rain", ["It rained."])})
    (article,) = read_articles(path)
    assert (article.title, article.byline) == ("The Dry Years", "Ana Ruiz")
    assert article.text == "Rain\n\nIt rained."


def test_a_book_whose_spine_names_nothing_readable_shows_its_documents(tmp_path: Path) -> None:
    package = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata/>'
        '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        'properties="nav"/></manifest><spine><itemref idref="lost"/></spine></package>'
    )
    documents = {
        "b.xhtml": chapter_xhtml("Wells", ["The wells ran dry."]),
        "a.xhtml": chapter_xhtml("Rain", ["It rained."]),
        "nav.xhtml": chapter_xhtml("Contents", ["Rain", "Wells"]),
    }
    (article,) = read_articles(packaged(tmp_path, package, documents))
    assert article.text == "Rain\n\nIt rained.\n\nWells\n\nThe wells ran dry."


def test_a_chapter_stored_with_decomposed_accents_is_found(tmp_path: Path) -> None:
    # Zipped on a Mac: the archive stores "u" + a combining diaeresis, the package "ü".
    package = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>'
        '<manifest><item id="c1" href="d\u00fcrre.xhtml" media-type="application/xhtml+xml"/>'
        '</manifest><spine><itemref idref="c1"/></spine></package>'
    )
    documents = {"du\u0308rre.xhtml": chapter_xhtml("Dürre", ["Es regnete nicht."])}
    (article,) = read_articles(packaged(tmp_path, package, documents))
    assert article.text == "Dürre\n\nEs regnete nicht."
