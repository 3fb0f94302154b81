"""Word documents (.docx), via python-docx: paragraphs and tables in document order, then the
words of the document's text boxes, then its footnotes, endnotes and reviewers' comments in the
order they are cited.

The title is the document's own (its properties), else its first Title or Heading paragraph;
author and creation date come from its properties. Every XML part is first parsed with
defusedxml, and the container's unpacked size is capped, before python-docx reads it.
"""

from __future__ import annotations

import io
from pathlib import Path

from desktop.core.library.importers.archive import DAMAGED, member_xml, open_archive, parse_xml
from desktop.core.library.importers.building import (
    CELL_SEPARATOR,
    Block,
    comment_line,
    document_article,
    iso_date,
    notes_blocks,
)
from desktop.core.library.importers.compound_files import OLE_MAGIC
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.word_binary import parse_doc
from desktop.core.models import Article

_XML_PARTS = (".xml", ".rels")
_HEADING_STYLES = ("title", "heading")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SPACES = (f"{_W}tab", f"{_W}br", f"{_W}cr")


def parse_docx(data: bytes, path: Path) -> list[Article]:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(OLE_MAGIC):  # a compound file: an encrypted .docx, or an old .doc
        return parse_doc(data, path)
    with open_archive(data, path, "Word .docx") as archive:
        for name in archive.namelist():
            if name.endswith(_XML_PARTS):
                member_xml(archive, name, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError) as exc:
        raise UnreadableFile(path, f"not a Word .docx document ({exc})") from exc
    except DAMAGED as exc:
        raise UnreadableFile(path, f"a part of the Word document is damaged ({exc})") from exc
    blocks: list[Block] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            blocks.extend((row, False) for row in table_rows(block))
            continue
        text = " ".join(block.text.split())
        if text:
            style = (block.style.name if block.style is not None else "").lower()
            blocks.append((text, style.startswith(_HEADING_STYLES)))
    body = document.element.body
    blocks.extend((text, False) for text in _text_box_paragraphs(body))
    blocks.extend(_notes(document, body, path))
    # Without a properties part of its own, python-docx makes one up ("Word Document").
    package = document.part.package
    if not any(rel.reltype == RT.CORE_PROPERTIES for rel in package.rels.values()):
        return [document_article(path, blocks, title="", kind="Word document")]
    properties = document.core_properties
    return [
        document_article(
            path,
            blocks,
            title=properties.title or "",
            kind="Word document",
            byline=properties.author or "",
            published=iso_date(properties.created),
            language=properties.language or "",
        )
    ]


def table_rows(table: object) -> list[str]:
    """One line per table row, its cells' text joined; a merged cell counted once."""
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(CELL_SEPARATOR.join(cells))
    return rows


def _text_box_paragraphs(body: object) -> list[str]:
    """The paragraphs of the document's text boxes, in order, each once: a box also drawn for
    older readers (``mc:Fallback``) is skipped, a box inside a box read after it."""
    paragraphs = []
    for box in body.iter(f"{_W}txbxContent"):  # type: ignore[attr-defined]
        if any(a.tag == _FALLBACK for a in box.iterancestors()):
            continue
        for paragraph in box.iter(f"{_W}p"):
            if next(paragraph.iterancestors(f"{_W}txbxContent")) is box:
                paragraphs.append(_paragraph_text(paragraph))
    return [p for p in paragraphs if p]


def _notes(document: object, body: object, path: Path) -> list[Block]:
    """The footnotes, endnotes and comments the document cites, in the order it cites them;
    a comment with who wrote it and the words it is on."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    parts = {RT.FOOTNOTES: "footnote", RT.ENDNOTES: "endnote", RT.COMMENTS: "comment"}
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        if rel.reltype in parts and not rel.is_external:
            kind = parts[rel.reltype]
            root = parse_xml(rel.target_part.blob, path, f"the document's {kind}s")
            found[kind] = {
                note.get(f"{_W}id", ""): (
                    note.get(f"{_W}author", ""),
                    "\n\n".join(filter(None, (_paragraph_text(p) for p in note.iter(f"{_W}p")))),
                )
                for note in root.iter(f"{_W}{kind}")
            }
    cited: dict[str, list[str]] = {}
    for kind in ("footnote", "endnote"):
        notes = found.get(kind, {})
        ids = dict.fromkeys(
            ref.get(f"{_W}id", "")
            for ref in body.iter(f"{_W}{kind}Reference")  # type: ignore[attr-defined]
        )
        cited[kind] = [notes[i][1] for i in ids if i in notes]
    comments = found.get("comment", {})
    anchors = _comment_anchors(body)
    cited["comment"] = [
        comment_line(*comments[i], anchors.get(i, "")) for i in anchors if i in comments
    ]
    return notes_blocks(cited["footnote"], cited["endnote"], cited["comment"])


def _comment_anchors(body: object) -> dict[str, str]:
    """For each comment the text cites, in order, the words it is on: those between its
    range's start and end marks (none for a comment on a point)."""
    words: dict[str, list[str]] = {}
    open_ranges: list[str] = []
    for element in body.iter(  # type: ignore[attr-defined]
        f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference", f"{_W}t"
    ):
        if element.tag == f"{_W}t":
            for comment in open_ranges:
                words[comment].append(element.text or "")
            continue
        comment = element.get(f"{_W}id", "")
        words.setdefault(comment, [])
        if element.tag == f"{_W}commentRangeStart":
            open_ranges.append(comment)
        elif comment in open_ranges:
            open_ranges.remove(comment)
    return {comment: "".join(text) for comment, text in words.items()}


def _paragraph_text(paragraph: object) -> str:
    """A paragraph's words, its tabs and breaks as spaces, without a text box drawn in it."""
    parts: list[str] = []
    _collect_text(paragraph, parts)
    return " ".join("".join(parts).split())


def _collect_text(element: object, parts: list[str]) -> None:
    for child in element:  # type: ignore[attr-defined]
        if child.tag == f"{_W}t":
            parts.append(child.text or "")
        elif child.tag in _SPACES:
            parts.append(" ")
        elif child.tag != f"{_W}txbxContent":
            _collect_text(child, parts)
