"""EPUB import: one article per chapter, named from the table of contents, front matter left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.epub import MIN_CHAPTER_WORDS
from desktop.core.library.importers.epub_contents import LONG_FILE_WORDS
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


def sections(*parts: tuple[str, str, int]) -> str:
    """One spine document holding several chapters: ``(anchor, heading, sentences)`` each."""
    body = "".join(
        f'<section id="{anchor}"><h2>{heading}</h2>'
        + "".join(f"<p>In {heading.lower()} the river rose again, {n} times.</p>" for n in range(k))
        + "</section>"
        for anchor, heading, k in parts
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>x</title></head><body>{body}</body></html>"
    )


def toc_book(tmp_path: Path, chapters: list[tuple[str, str, str]], toc: str) -> Path:
    path = tmp_path / "river.epub"
    path.write_bytes(epub_bytes(chapters, nav_labels={}, toc=toc))
    return path


def test_chapters_sharing_one_file_become_one_article_each(tmp_path: Path) -> None:
    """A poem's parts in one page: the table of contents points at each part's anchor."""
    text = sections(("p1", "The Burial", 20), ("p2", "A Game", 3), ("p3", "The Sermon", 20))
    toc = "".join(
        f'<li><a href="text/poem.xhtml#{a}">{label}</a></li>'
        for a, label in (("p1", "I. The Burial"), ("p2", "II. A Game"), ("p3", "III. The Sermon"))
    )
    path = toc_book(tmp_path, [("poem.xhtml", "", text)], toc)
    burial, sermon = read_articles(path)
    assert burial.title == "The Dry Years — I. The Burial"
    assert burial.text.startswith("The Burial\n\nIn the burial the river rose again, 0 times.")
    assert burial.origin == f"{path}#OEBPS/text/poem.xhtml"  # the file's own, as before
    # A part too short for a chapter goes on with the next, so none of its words is lost.
    assert sermon.title == "The Dry Years — III. The Sermon"
    assert sermon.text.startswith("A Game\n\nIn a game the river rose again, 0 times.")
    assert "The Sermon\n\nIn the sermon the river rose again, 0 times." in sermon.text
    assert sermon.origin == f"{path}#OEBPS/text/poem.xhtml#p3"
    assert (burial.text + sermon.text).count("the river rose again") == 20 + 3 + 20


def test_a_chapters_sections_stay_in_the_chapter(tmp_path: Path) -> None:
    text = sections(("c1", "Floods", 20), ("s1", "Early floods", 20), ("s2", "Late floods", 20))
    toc = (
        '<li><a href="text/ch1.xhtml">1. Floods</a><ol>'
        '<li><a href="text/ch1.xhtml#s1">Early floods</a></li>'
        '<li><a href="text/ch1.xhtml#s2">Late floods</a></li></ol></li>'
    )
    (article,) = read_articles(toc_book(tmp_path, [("ch1.xhtml", "", text)], toc))
    assert article.title == "The Dry Years — 1. Floods"
    assert "Late floods\n\nIn late floods the river rose again, 0 times." in article.text


def test_a_whole_book_in_one_file_is_cut_into_its_stories(tmp_path: Path) -> None:
    """Project Gutenberg's way: one file holds a whole part, its stories listed under their
    authors' names (lines without links), each story's sections in a hidden list."""
    stories = [(f"st{i}", f"Story {i}", 400) for i in range(6)]
    text = sections(("part", "Part Four", 1), *stories)
    assert len(text.split()) > LONG_FILE_WORDS
    hidden = '<ol hidden="hidden"><li><a href="text/part4.xhtml#st0">I. Morning</a></li></ol>'
    by_author = "".join(
        f'<li><span>Author {i}</span><ol><li><a href="text/part4.xhtml#st{i}">Story {i}</a>'
        f"{hidden if i == 0 else ''}</li></ol></li>"
        for i in range(6)
    )
    toc = f'<li><a href="text/part4.xhtml#part">Part Four</a><ol>{by_author}</ol></li>'
    articles = read_articles(toc_book(tmp_path, [("part4.xhtml", "", text)], toc))
    assert [a.title for a in articles] == [f"The Dry Years — Story {i}" for i in range(6)]
    assert articles[0].text.startswith("Part Four")  # the part's title, before its first story
    assert articles[5].text.endswith("In story 5 the river rose again, 399 times.")


def test_files_named_only_in_a_hidden_list_keep_their_names(tmp_path: Path) -> None:
    """A book listing its parts and, hidden, each part's chapters, a file apiece."""
    chapters = [(f"c{i}.xhtml", "", chapter_xhtml("", WELLS)) for i in range(3)]
    hidden = "".join(f'<li><a href="text/c{i}.xhtml">Canto {i}</a></li>' for i in range(3))
    toc = f'<li><a href="text/c0.xhtml">Book One</a><ol hidden="">{hidden}</ol></li>'
    articles = read_articles(toc_book(tmp_path, chapters, toc))
    assert [a.title for a in articles] == [
        "The Dry Years — Book One",
        "The Dry Years — Canto 1",
        "The Dry Years — Canto 2",
    ]


def test_the_list_of_pages_names_no_chapter(tmp_path: Path) -> None:
    chapters = [
        ("rain.xhtml", "", chapter_xhtml("Rain", RAIN)),
        ("wells.xhtml", "", chapter_xhtml("The Wells", WELLS)),
    ]
    toc = (
        '<li><a href="text/rain.xhtml">1. Rain</a></li></ol></nav>'
        '<nav epub:type="page-list"><ol><li><a href="text/wells.xhtml">17</a></li>'
    )
    rain, wells = read_articles(toc_book(tmp_path, chapters, toc))
    assert (rain.title, wells.title) == ("The Dry Years — 1. Rain", "The Dry Years — The Wells")


def test_a_chapter_named_in_utf8_without_the_zip_flag_is_found(tmp_path: Path) -> None:
    # Zip tools that do not flag UTF-8 names leave zipfile reading them in code page 437.
    package = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>'
        '<manifest><item id="c1" href="\u8868\u7d19.xhtml" media-type="application/xhtml+xml"/>'
        '</manifest><spine><itemref idref="c1"/></spine></package>'
    )
    placeholder = "X" * len("\u8868\u7d19".encode())
    path = packaged(
        tmp_path,
        package,
        {f"{placeholder}.xhtml": chapter_xhtml("草枕", ["山路を登りながら、こう考えた。"])},
    )
    unflagged = path.read_bytes().replace(placeholder.encode(), "\u8868\u7d19".encode())
    path.write_bytes(unflagged)
    (article,) = read_articles(path)
    assert article.text == "草枕\n\n山路を登りながら、こう考えた。"


def test_a_fixed_layout_books_drawn_words_are_its_text(tmp_path: Path) -> None:
    """A picture book or comic sets each page's lines in a drawing (SVG), in a page document
    or as the spine document itself: it was "the EPUB holds no readable chapters"."""
    drawing = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 600"><style>.a {}</style>'
        '<text x="10" y="20"><tspan y="20">The crane flew </tspan><tspan y="20">north</tspan>'
        '<tspan y="40">at dawn.</tspan></text><text x="10" y="60">Snow fell.</text></svg>'
    )
    page = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>p1</title></head><body><div>{drawing}</div></body></html>"
    )
    package = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/><manifest>'
        '<item id="p1" href="p1.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="p2" href="p2.svg" media-type="image/svg+xml"/>'
        '</manifest><spine><itemref idref="p1"/><itemref idref="p2"/></spine></package>'
    )
    documents = {"p1.xhtml": page, "p2.svg": drawing.replace("crane", "heron")}
    articles = read_articles(packaged(tmp_path, package, documents))
    text = "\n\n".join(article.text for article in articles)
    assert "The crane flew north at dawn. Snow fell." in text
    assert "The heron flew north at dawn. Snow fell." in text
