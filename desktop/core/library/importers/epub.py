"""EPUB books: one article per chapter, titled "Book — Chapter".

A reader opens a book at a chapter, and a chapter is the unit Dossier's tools work well on: a
summary of a whole book says little, its entities fill the margin, a search hit points into a
novel-length text. So each chapter with a real amount of text becomes an article: a spine
document, named from the book's table of contents (else its first heading), with the
documents after it that neither the table names nor a heading opens (a chapter split over
files), or a piece of a document holding several chapters, cut where the table points
(``epub_contents``). Covers, title pages and other short front matter are left out, and a book
whose every part is short becomes one article instead.
Book title, author, date and language come from the package (OPF) metadata, of EPUB 2
or 3 or of the Open eBook 1.x books before them; a book whose spine names nothing
readable shows its web documents in name order. Package, container
and navigation files are parsed with defusedxml; chapters with lxml's HTML parser, which
declares no entities and loads nothing; the container's unpacked size is capped.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element

import lxml.html

from desktop.core.library.importers.archive import member_xml, open_archive, read_member
from desktop.core.library.importers.building import build_article, canonical_origin, iso_date
from desktop.core.library.importers.decoding import declared_encoding, decode_text
from desktop.core.library.importers.element_text import element_text, html_document_body
from desktop.core.library.importers.epub_contents import (
    Entry,
    cut_entries,
    cut_text,
    resolve,
    toc_entries,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article

Chapter = tuple[str, str, str]
"""A spine document's member name, first heading and text."""
MIN_CHAPTER_WORDS = 60
"""Shorter spine documents (cover, title page, copyright, dedication) are front matter."""
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC_NAMESPACES = ("{http://purl.org/dc/elements/1.1/}", "{http://purl.org/dc/elements/1.0/}")
# The last is Open eBook 1.x's, the format before EPUB (books of 1999-2007).
_CHAPTER_TYPES = frozenset(
    ("application/xhtml+xml", "text/html", "text/x-oeb1-document", "image/svg+xml")
)
"""Spine documents read as chapters: web documents, and the drawings a fixed-layout book (a
picture book, a comic) sets its pages in, whose words are their text elements."""
_CHAPTER_SUFFIXES = (".xhtml", ".html", ".htm")
_HEADINGS = ("h1", "h2", "h3")


def parse_epub(data: bytes, path: Path) -> list[Article]:
    with open_archive(data, path, "EPUB") as archive:
        package_name = _package_name(archive, path)
        package = member_xml(archive, package_name, path)
        folder = posixpath.dirname(package_name)
        book = _metadata(package)
        opf = _namespace(package)
        manifest = {
            _id(item, "id"): item for item in package.iter(f"{opf}item") if item.get("href")
        }
        try:
            spine = package.find(f"{opf}spine")
            ncx = manifest.get(_id(spine, "toc")) if spine is not None else None
            entries = toc_entries(archive, manifest, ncx, folder, path)
        except UnreadableFile:  # a broken table of contents costs only the chapter names
            entries = []
        labels: dict[str, str] = {}
        by_member: dict[str, list[Entry]] = {}
        for entry in entries:  # a file is named by the first entry that points into it
            labels.setdefault(entry.member, entry.label)
            by_member.setdefault(entry.member, []).append(entry)
        chapters: list[Chapter] = []
        for itemref in package.iter(f"{opf}itemref"):
            item = manifest.get(_id(itemref, "idref"))
            if item is None or itemref.get("linear") == "no":
                continue
            if item.get("media-type") not in _CHAPTER_TYPES or "nav" in item.get("properties", ""):
                continue
            name = resolve(folder, item.get("href", ""))
            chapters.extend(_chapters(archive, name, path, by_member.get(name, []), labels))
        if not any(text for _, _, text in chapters):
            chapters = _unlisted_chapters(archive, manifest, folder, path)
    if not any(text for _, _, text in chapters):
        raise UnreadableFile(path, "the EPUB holds no readable chapters")
    if labels:
        chapters = _by_contents(chapters, labels)
    title = book.get("title", "")
    long_ones = [c for c in chapters if len(c[2].split()) >= MIN_CHAPTER_WORDS]
    if not long_ones:  # a short piece: the whole book is one article
        text = "\n\n".join(text for _, _, text in chapters if text)
        return [_article(path, book, title, text, canonical_origin(path))]
    articles = []
    for number, (name, heading, text) in enumerate(long_ones, start=1):
        chapter = labels.get(name) or heading or f"Chapter {number}"
        text = _without_heading(text, chapter)
        full_title = f"{title} — {chapter}" if title else chapter
        articles.append(_article(path, book, full_title, text, f"{canonical_origin(path)}#{name}"))
    return articles


def _by_contents(chapters: list[Chapter], labels: dict[str, str]) -> list[Chapter]:
    """Spine documents grouped into chapters: a document the table of contents does not list
    and that has no heading of its own (the rest of a chapter split over files) goes on the
    chapter before it."""
    grouped: list[Chapter] = []
    for name, heading, text in chapters:
        if grouped and name not in labels and not heading:
            first, first_heading, so_far = grouped[-1]
            grouped[-1] = (first, first_heading, "\n\n".join(t for t in (so_far, text) if t))
        else:
            grouped.append((name, heading, text))
    return grouped


def _article(path: Path, book: dict[str, str], title: str, text: str, origin: str) -> Article:
    return build_article(
        path,
        title=title,
        text=text,
        byline=book.get("creator", ""),
        published=iso_date(book.get("date", "")),
        language=book.get("language", ""),
        origin=origin,
    )


def _package_name(archive: zipfile.ZipFile, path: Path) -> str:
    container = member_xml(archive, "META-INF/container.xml", path)
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise UnreadableFile(path, "the EPUB names no package file (META-INF/container.xml)")
    return rootfile.get("full-path", "")


def _metadata(package: Element) -> dict[str, str]:
    """Title, creator, date and language of the book; the date of publication where the
    package tells several (EPUB 2's ``opf:event``)."""
    found = {}
    for name in ("title", "creator", "date", "language"):
        elements = [
            e
            for e in package.iter()
            if e.tag.lower() in {f"{dc}{name}" for dc in _DC_NAMESPACES}  # OEB 1: "dc:Title"
        ]
        published = [e for e in elements if e.get(f"{_OPF}event") == "publication"]
        element = (published or elements or [None])[0]
        value = " ".join((element.text or "").split()) if element is not None else ""
        if value:
            found[name] = value
    return found


def _namespace(package: Element) -> str:
    """The package's namespace as an ElementTree prefix: EPUB's, or Open eBook 1.x's."""
    return package.tag[: package.tag.index("}") + 1] if package.tag.startswith("{") else ""


def _id(element: Element, name: str) -> str:
    """An id or a reference to one; XML ignores the spaces around it (``id=" content_001"``)."""
    return (element.get(name) or "").strip()


def _unlisted_chapters(
    archive: zipfile.ZipFile, manifest: dict[str, Element], folder: str, path: Path
) -> list[Chapter]:
    """The book's web documents in the order of their names, for a package whose spine names
    nothing readable (an item missing from its manifest): a damaged book still shows its text.
    The navigation document is not a chapter."""
    navigation = {
        resolve(folder, item.get("href", ""))
        for item in manifest.values()
        if "nav" in item.get("properties", "").split()
    }
    names = sorted(
        name
        for name in archive.namelist()
        if name.lower().endswith(_CHAPTER_SUFFIXES) and name not in navigation
    )
    return [chapter for name in names for chapter in _chapters(archive, name, path, [], {})]


def _chapters(
    archive: zipfile.ZipFile, name: str, path: Path, entries: list[Entry], labels: dict[str, str]
) -> list[Chapter]:
    """The chapters of one spine document: itself, or the pieces the table of contents cuts
    it into (``epub_contents``), each named in ``labels`` by its entry. A piece too short to
    be a chapter (a part's title over its first chapter) goes on the piece after it."""
    body = _body(archive, name, path)
    if body is None:
        return [(name, "", "")]
    heading = next((" ".join(h.text_content().split()) for h in body.iter(*_HEADINGS)), "")
    text = element_text(body)
    cuts = cut_entries(entries, len(text.split()))
    if not cuts:
        return [(name, heading, text)]
    pieces = [(entry, piece) for entry, piece in cut_text(body, cuts) if piece]
    merged: list[tuple[Entry | None, str]] = []
    for entry, piece in pieces:
        if merged and len(merged[-1][1].split()) < MIN_CHAPTER_WORDS:
            piece = f"{merged.pop()[1]}\n\n{piece}"
        merged.append((entry, piece))
    if len(merged) > 1 and len(merged[-1][1].split()) < MIN_CHAPTER_WORDS:
        _, last = merged.pop()
        merged[-1] = (merged[-1][0], f"{merged[-1][1]}\n\n{last}")
    chapters: list[Chapter] = []
    for number, (entry, piece) in enumerate(merged):
        # The first piece keeps the file's own name, as the whole file had.
        key = name if number == 0 or entry is None else f"{name}#{entry.fragment}"
        labels.pop(key, None)
        # What comes before the first cut is named only by an entry for the file's start.
        label = entry.label if entry else next((e.label for e in entries if not e.fragment), "")
        if label:
            labels[key] = label
        chapters.append((key, heading if entry is None else "", piece))
    return chapters


def _body(archive: zipfile.ZipFile, name: str, path: Path) -> lxml.html.HtmlElement | None:
    data = read_member(archive, name, path)
    try:
        document = decode_text(data, path, declared_encoding(data))
    except UnreadableFile:
        return None
    body = html_document_body(document)
    if body is not None:
        _drawn_words_as_paragraphs(body)
    return body


def _drawn_line(text: lxml.html.HtmlElement) -> str:
    """A text element's words: its runs (``tspan``) joined as drawn, a space where a run
    starts a new line (its own ``y``)."""
    pieces = [text.text or ""]
    line = None
    for run in text.iter("tspan"):
        y = run.get("y")
        if y is not None and line is not None and y != line:
            pieces.append(" ")
        line = y if y is not None else line
        pieces += [run.text or "", run.tail or ""]
    return " ".join("".join(pieces).split())


def _drawn_words_as_paragraphs(body: lxml.html.HtmlElement) -> None:
    """Put each drawing's words (its ``text`` elements, in order) in its place as a paragraph:
    a fixed-layout book sets a page's lines in one, which was read as no text at all."""
    for drawing in list(body.iter("svg")):
        words = " ".join(_drawn_line(text) for text in drawing.iter("text"))
        paragraph = lxml.html.Element("p")
        paragraph.text = words.strip()
        paragraph.tail = drawing.tail
        if drawing.getparent() is not None:
            drawing.getparent().replace(drawing, paragraph)


def _without_heading(text: str, heading: str) -> str:
    first, _, rest = text.partition("\n\n")
    return rest if first.strip().casefold() == heading.casefold() and rest.strip() else text
