"""OpenDocument text (.odt): paragraphs, headings, lists and tables from ``content.xml``, then
its footnotes, endnotes and reviewers' comments in the order they are cited and what a reviewer
deleted with changes tracked; title, author, date and language from ``meta.xml``. Both are
parsed with defusedxml from a container whose unpacked size is capped; no ODF library is
needed for reading text.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from desktop.core.library.importers.archive import member_xml, open_archive
from desktop.core.library.importers.building import (
    CELL_SEPARATOR,
    Block,
    change_line,
    comment_line,
    document_article,
    iso_date,
    notes_blocks,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article
from desktop.core.text.document_labels import CHANGE_KINDS

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OBJECT = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}object"
_LINK = "{http://www.w3.org/1999/xlink}href"
_MATH = "{http://www.w3.org/1998/Math/MathML}"
_MATH_TOKENS = frozenset(f"{_MATH}{tag}" for tag in ("mi", "mn", "mo", "mtext", "ms"))
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MANIFEST_NS = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_MANIFEST = "META-INF/manifest.xml"
_SPACE, _BREAKS = f"{_TEXT}s", (f"{_TEXT}tab", f"{_TEXT}line-break")
_SKIPPED = frozenset(
    (
        f"{_TEXT}note",  # a footnote's body would land mid-sentence: it follows the text
        f"{_TEXT}tracked-changes",
        f"{_TEXT}table-of-content",
        f"{_TEXT}sequence-decls",
        f"{_OFFICE}annotation",  # a reviewer's comment: it follows the text too
        f"{_OFFICE}forms",
    )
)


def parse_odt(data: bytes, path: Path) -> list[Article]:
    content, info = read_opendocument(data, path, "OpenDocument .odt")
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise UnreadableFile(path, "not an OpenDocument text (no text body; a sheet or slides?)")
    blocks: list[Block] = []
    collect_blocks(body, blocks)
    blocks.extend(_notes(body))
    return [
        document_article(
            path,
            blocks,
            title=info.get("title", ""),
            kind="OpenDocument file",
            byline=info.get("creator", ""),
            published=iso_date(info.get("date", "")),
            language=info.get("language", ""),
        )
    ]


def read_opendocument(data: bytes, path: Path, label: str) -> tuple[Element, dict[str, str]]:
    """An OpenDocument file's ``content.xml`` and what its ``meta.xml`` says (title, creator,
    date, language); an encrypted file is refused. An object embedded in the document (a
    spreadsheet, a chart with its data table, a text) is stored apart, in its own folder: its
    body is set inside the ``draw:object`` that shows it, to be read where it stands."""
    with open_archive(data, path, label) as archive:
        names = set(archive.namelist())
        if _MANIFEST in names and _encrypted(member_xml(archive, _MANIFEST, path)):
            raise UnreadableFile(
                path,
                "the OpenDocument file is encrypted (password-protected) — save an "
                "unprotected copy and import that",
            )
        content = member_xml(archive, "content.xml", path)
        meta = member_xml(archive, "meta.xml", path) if "meta.xml" in names else None
        grafted: set[str] = set()
        for embedded in list(content.iter(_OBJECT)):  # not the objects an object holds
            part = f"{embedded.get(_LINK, '').removeprefix('./').strip('/')}/content.xml"
            if part in names and part not in grafted:  # each object once, where first shown
                grafted.add(part)
                embedded.extend(_object_content(member_xml(archive, part, path)))
    return content, _metadata(meta)


def _object_content(root: Element) -> list[Element]:
    """What an embedded object shows, to set where it stands: a spreadsheet's or a chart's
    body, or a formula as a line of its source as its author typed it ("a² + b^2 = c^2"),
    else its symbols."""
    body = root.find(f"{_OFFICE}body")
    if body is not None:
        return list(body)
    if root.tag != f"{_MATH}math":
        return []
    source = next((a.text for a in root.iter(f"{_MATH}annotation") if a.text), "")
    symbols = (
        t.text.strip() for t in root.iter() if t.tag in _MATH_TOKENS and t.text and t.text.strip()
    )
    line = Element(f"{_TEXT}p")
    line.text = " ".join((source or " ".join(symbols)).split())
    return [line] if line.text else []


def _encrypted(manifest: Element) -> bool:
    """Whether the manifest says ``content.xml`` is stored encrypted."""
    for entry in manifest.iter(f"{_MANIFEST_NS}file-entry"):
        if entry.get(f"{_MANIFEST_NS}full-path") == "content.xml":
            return entry.find(f"{_MANIFEST_NS}encryption-data") is not None
    return False


def collect_blocks(element: Element, blocks: list[Block]) -> None:
    """``(text, is a heading)`` for each paragraph, heading and table row, in order."""
    for child in element:
        if child.tag in _SKIPPED:
            continue
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            text = " ".join(inline_text(child).split())
            if text:
                blocks.append((text, child.tag == f"{_TEXT}h"))
            for embedded in child.iter(_OBJECT):  # a sheet or chart anchored to the paragraph
                collect_blocks(embedded, blocks)
        elif child.tag == f"{_TABLE}table-row":
            cells = [
                " ".join(inline_text(cell).split())
                for cell in child
                if cell.tag == f"{_TABLE}table-cell"
            ]
            if any(cells):
                blocks.append((CELL_SEPARATOR.join(cells), False))
        else:  # lists, sections, tables and their row groups hold blocks
            collect_blocks(child, blocks)


def _notes(body: Element) -> list[Block]:
    """The footnotes, endnotes and comments, each kind in the order the text cites them."""
    notes: dict[str, list[str]] = {"footnote": [], "endnote": []}
    for note in body.iter(f"{_TEXT}note"):
        kind = note.get(f"{_TEXT}note-class", "footnote")
        content = note.find(f"{_TEXT}note-body")
        if kind in notes and content is not None:
            notes[kind].append(_paragraphs(content))
    return notes_blocks(notes["footnote"], notes["endnote"], _comments(body), _deletions(body))


def _deletions(body: Element) -> list[str]:
    """What a reviewer deleted with changes tracked, which the text no longer shows, in the
    order the document records it (its insertions stand in the text)."""
    deleted = []
    for region in body.iter(f"{_TEXT}changed-region"):
        for deletion in region.iter(f"{_TEXT}deletion"):
            author = " ".join((deletion.findtext(f".//{_DC}creator") or "").split())
            words = _paragraphs(deletion)
            if words.strip():
                deleted.append(change_line(CHANGE_KINDS[0], author, words, shown=False))
    return deleted


def _comments(body: Element) -> list[str]:
    """Each comment with who wrote it and the words it is on: the text between it and the
    ``office:annotation-end`` of the same name (none for a comment on a point)."""
    said: list[tuple[str, str, str]] = []
    words: dict[str, list[str]] = {}
    open_ranges: list[str] = []

    def read(text: str | None) -> None:
        for name in open_ranges:
            words[name].append(text or "")

    def walk(element: Element) -> None:
        for child in element:
            name = child.get(f"{_OFFICE}name", "")
            if child.tag == f"{_OFFICE}annotation":
                author = " ".join((child.findtext(f"{_DC}creator") or "").split())
                said.append((name, author, _paragraphs(child)))
                if name:
                    open_ranges.append(name)
                    words[name] = []
            elif child.tag == f"{_OFFICE}annotation-end":
                if name in open_ranges:
                    open_ranges.remove(name)
            elif child.tag == _SPACE or child.tag in _BREAKS:
                read(" ")
            elif child.tag not in _SKIPPED:
                read(child.text)
                walk(child)
            read(child.tail)

    walk(body)
    return [
        comment_line(author, text, "".join(words.get(name, [])) if name else "")
        for name, author, text in said
    ]


def _paragraphs(element: Element) -> str:
    paragraphs: list[Block] = []
    collect_blocks(element, paragraphs)
    return "\n\n".join(text for text, _ in paragraphs)


def inline_text(element: Element) -> str:
    """The text of a paragraph: spans and links read through, ``<text:s c="3"/>`` as spaces,
    tabs and line breaks as spaces, notes left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACE:
            parts.append(" " * _count(child.get(f"{_TEXT}c")))
        elif child.tag in _BREAKS:
            parts.append(" ")
        elif child.tag not in _SKIPPED and child.tag != _OBJECT:  # an object is no inline text
            parts.append(inline_text(child))
            if child.tag == f"{_TEXT}p":
                parts.append(" ")
        parts.append(child.tail or "")
    return "".join(parts)


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _metadata(meta: Element | None) -> dict[str, str]:
    if meta is None:
        return {}
    found = meta.find(f"{_OFFICE}meta")
    if found is None:
        return {}
    fields = {
        "title": (f"{_DC}title",),
        "creator": (f"{_DC}creator", f"{_META}initial-creator"),
        "date": (f"{_META}creation-date", f"{_DC}date"),
        "language": (f"{_DC}language",),
    }
    info = {}
    for name, tags in fields.items():
        for tag in tags:
            value = " ".join((found.findtext(tag) or "").split())
            if value:
                info[name] = value
                break
    return info
