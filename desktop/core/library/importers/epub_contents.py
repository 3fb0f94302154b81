"""An EPUB's table of contents as its reader shows it, and the chapters it puts in one file.

Most books give each chapter a file of its own, but many put several in one: Project
Gutenberg's books (a file per part, each holding dozens of stories), a poem's five parts in
one page. The table of contents then points into the file at the chapters' anchors
(``part1.xhtml#chapter3``), and a reader opening the book sees those chapters; so a file is
cut where its entries of the table's highest level in that file point. A file that holds one
such entry and only its sub-sections stays whole (a chapter and its sections); only a file
so long that it must be the whole book or a whole part (``LONG_FILE_WORDS``) is cut at the
next level down, as often as it takes to find two. Entries the table hides from its reader
(EPUB 3's ``<ol hidden>``: the sections of each story) name their files but cut nothing;
the book's list of pages and its landmarks do neither.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import Element

import lxml.html

from desktop.core.library.importers.archive import member_xml
from desktop.core.library.importers.element_text import element_text

LONG_FILE_WORDS = 15_000
"""A file this long holding one chapter-level entry is a whole book or part: cut deeper."""
_NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
_XHTML = "{http://www.w3.org/1999/xhtml}"
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
# Where each chapter begins, marked in the text by its number between private-use characters.
_CUT = re.compile("\ue000(\\d+)\ue001")


@dataclass(frozen=True)
class Entry:
    """One line of the table of contents: its label, the member it points into, the anchor
    there (``""`` for the file's start), how deep it sits (0 at the top) and whether the
    reader is shown it (a hidden line still names its file, but cuts nothing)."""

    label: str
    member: str
    fragment: str
    depth: int
    shown: bool


def toc_entries(
    archive: zipfile.ZipFile,
    manifest: dict[str, Element],
    ncx: Element | None,
    folder: str,
    path: Path,
) -> list[Entry]:
    """The table of contents in its order, from the EPUB 3 navigation document (its ``toc``
    navigation, not the page list or the landmarks) or else the EPUB 2 NCX (``ncx``, the
    manifest item the spine names)."""
    names = set(archive.namelist())
    nav = next((i for i in manifest.values() if "nav" in i.get("properties", "").split()), None)
    if nav is not None and resolve(folder, nav.get("href", "")) in names:
        name = resolve(folder, nav.get("href", ""))
        document = member_xml(archive, name, path)
        navs = list(document.iter(f"{_XHTML}nav"))
        tocs = [n for n in navs if "toc" in n.get(_EPUB_TYPE, "").split()] or navs or [document]
        return list(_nav_entries(tocs[0], posixpath.dirname(name), 0))
    if ncx is not None and resolve(folder, ncx.get("href", "")) in names:
        name = resolve(folder, ncx.get("href", ""))
        nav_map = member_xml(archive, name, path).find(f"{_NCX}navMap")
        if nav_map is not None:
            return list(_ncx_entries(nav_map, posixpath.dirname(name), 0))
    return []


def _nav_entries(element: Element, folder: str, depth: int, shown: bool = True) -> Iterator[Entry]:
    """Links in document order. An entry's own sub-list is one level deeper; a list under
    a line without a link (an author's name over their stories) is not. Links in a hidden
    list, and under one, are not shown."""
    for child in element:
        if child.tag == f"{_XHTML}a":
            label = " ".join("".join(child.itertext()).split())
            if label and child.get("href"):
                yield _entry(label, folder, child.get("href", ""), depth, shown)
            continue
        deeper = depth
        if child.tag == f"{_XHTML}ol" and element.tag == f"{_XHTML}li":
            linked = any(c.tag == f"{_XHTML}a" and c.get("href") for c in element)
            deeper = depth + 1 if linked else depth
        hidden = child.tag == f"{_XHTML}ol" and child.get("hidden") is not None
        yield from _nav_entries(child, folder, deeper, shown and not hidden)


def _ncx_entries(element: Element, folder: str, depth: int) -> Iterator[Entry]:
    for point in element.findall(f"{_NCX}navPoint"):
        label = " ".join((point.findtext(f"{_NCX}navLabel/{_NCX}text") or "").split())
        content = point.find(f"{_NCX}content")
        if label and content is not None and content.get("src"):
            yield _entry(label, folder, content.get("src", ""), depth, True)
        yield from _ncx_entries(point, folder, depth + 1)


def _entry(label: str, folder: str, href: str, depth: int, shown: bool) -> Entry:
    return Entry(label, resolve(folder, href), unquote(href.partition("#")[2]), depth, shown)


def resolve(folder: str, href: str) -> str:
    """A manifest or TOC reference as a member name: relative to ``folder``, no fragment."""
    return posixpath.normpath(posixpath.join(folder, unquote(href.partition("#")[0])))


def cut_entries(entries: list[Entry], words: int) -> list[Entry]:
    """The entries a file of ``words`` words is cut at (``entries``: those pointing into
    it): its highest level's, if there are two; in a file too long for one chapter, the
    highest levels that give two. None when the file is one chapter."""
    entries = [e for e in entries if e.shown]
    if len(entries) < 2:
        return []
    depth = min(e.depth for e in entries)
    chosen = [e for e in entries if e.depth == depth]
    deepest = max(e.depth for e in entries)
    while len(chosen) < 2 and words > LONG_FILE_WORDS and depth < deepest:
        depth += 1
        chosen = [e for e in entries if e.depth <= depth]
    if len(chosen) < 2:
        return []
    seen: set[str] = set()
    return [e for e in chosen if e.fragment and not (e.fragment in seen or seen.add(e.fragment))]


def cut_text(body: lxml.html.HtmlElement, cuts: list[Entry]) -> list[tuple[Entry | None, str]]:
    """The text of ``body`` in pieces, each from the anchor one of ``cuts`` names, in the
    file's order (the first piece, before any, with ``None``); an anchor the file lacks cuts
    nothing. Changes ``body``."""
    if "\ue000" in "".join(body.itertext()):
        return [(None, element_text(body))]
    for number, entry in enumerate(cuts):
        targets = body.xpath("//*[@id=$v or @name=$v]", v=entry.fragment)
        if targets:
            targets[0].text = f"\ue000{number}\ue001" + (targets[0].text or "")
    parts = _CUT.split(element_text(body))
    pieces: list[tuple[Entry | None, str]] = [(None, parts[0].strip())]
    for number, text in zip(parts[1::2], parts[2::2], strict=True):
        pieces.append((cuts[int(number)], text.strip()))
    return pieces
