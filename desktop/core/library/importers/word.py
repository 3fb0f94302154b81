"""Word documents (.docx), via python-docx: paragraphs and tables in document order (their
words read as Word shows them, ``word_text``), then the words of the document's text boxes
and SmartArt graphics and its charts' figures, then its footnotes, endnotes and reviewers'
comments in the order they are cited, and its tracked changes (what a reviewer deleted, which
the text leaves out, and what they inserted) in order.

The title is the document's own (its properties), else its first Title or Heading paragraph;
author and creation date come from its properties. Every XML part is first parsed with
defusedxml, and the container's unpacked size is capped, before python-docx reads it.
"""

from __future__ import annotations

import io
from pathlib import Path

from desktop.core.library.importers.archive import DAMAGED, member_xml, open_archive, parse_xml
from desktop.core.library.importers.building import (
    Block,
    change_line,
    comment_line,
    document_article,
    iso_date,
    notes_blocks,
    running_paragraphs,
)
from desktop.core.library.importers.compound_files import OLE_MAGIC
from desktop.core.library.importers.decoding import declared_encoding, decode_text
from desktop.core.library.importers.drawing_text import (
    CHART_TYPE,
    DIAGRAM_DATA_TYPE,
    chart_lines,
    diagram_lines,
)
from desktop.core.library.importers.element_text import element_text, html_document_body
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.saved_page import is_mhtml, mhtml_page
from desktop.core.library.importers.word_binary import parse_doc
from desktop.core.library.importers.word_text import (
    FALLBACK,
    content,
    paragraph_text,
    table_rows,
    tracked_changes,
)
from desktop.core.library.importers.word_text import W as _W
from desktop.core.models import Article
from desktop.core.text.document_labels import CHANGE_KINDS

_XML_PARTS = (".xml", ".rels")
_HEADING_STYLES = ("title", "heading")
_RELATION_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


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
    body = document.element.body
    headings = _heading_styles(document.styles.element)
    blocks: list[Block] = []
    for block in content(body, f"{_W}p", f"{_W}tbl", f"{_W}altChunk"):
        if block.tag == f"{_W}tbl":
            blocks.extend((row, False) for row in table_rows(block))
        elif block.tag == f"{_W}altChunk":
            blocks.extend((text, False) for text in _imported_chunk(document, block, path))
        elif text := paragraph_text(block):
            style = block.find(f"{_W}pPr/{_W}pStyle")
            blocks.append((text, style is not None and style.get(f"{_W}val") in headings))
    blocks.extend((text, False) for text in _text_box_paragraphs(body))
    blocks.extend((text, False) for text in _graphics_text(document, path))
    if not blocks:  # a letterhead form or a card laid out in its page header or footer
        blocks = [(text, False) for text in _running_paragraphs(document)]
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


def _running_paragraphs(document: object) -> list[str]:
    """The paragraphs of the document's page headers and footers (``running_paragraphs``),
    which are left out as running lines unless they are all the document holds."""
    found: list[str] = []
    for section in document.sections:  # type: ignore[attr-defined]
        for running in (
            section.first_page_header,
            section.header,
            section.even_page_header,
            section.first_page_footer,
            section.footer,
            section.even_page_footer,
        ):
            if running.is_linked_to_previous:
                continue
            found += (paragraph_text(p) for p in running._element.iter(f"{_W}p"))
    return running_paragraphs(found)


def _imported_chunk(document: object, chunk: object, path: Path) -> list[str]:
    """The paragraphs of a part Word imports into the body where it stands (``w:altChunk``,
    as programs that write Word files put HTML in one): a web page or a page saved as MHTML,
    read whole (it is the document's, no page to clean)."""
    part = document.part.related_parts.get(chunk.get(_RELATION_ID, ""))  # type: ignore[attr-defined]
    if part is None:
        return []
    data = part.blob
    if part.content_type == "message/rfc822" or is_mhtml(data):
        page, _ = mhtml_page(data, path)
    elif "html" in part.content_type:
        page = decode_text(data, path, declared_encoding(data))
    else:
        return []  # a chunk in rich text or another Word document: not read
    body = html_document_body(page)
    return element_text(body).split("\n\n") if body is not None else []


def _heading_styles(styles: object) -> set[str]:
    """The ids of the styles named Title or Heading (a style without a type, which
    python-docx cannot read, is read all the same)."""
    found = set()
    for style in styles.iter(f"{_W}style"):  # type: ignore[attr-defined]
        name = style.find(f"{_W}name")
        if name is not None and name.get(f"{_W}val", "").lower().startswith(_HEADING_STYLES):
            found.add(style.get(f"{_W}styleId", ""))
    return found


def _text_box_paragraphs(body: object) -> list[str]:
    """The paragraphs of the document's text boxes, in order, each once: a box also drawn for
    older readers (``mc:Fallback``) is skipped, a box inside a box read after it."""
    paragraphs = []
    for box in body.iter(f"{_W}txbxContent"):  # type: ignore[attr-defined]
        if any(a.tag == FALLBACK for a in box.iterancestors()):
            continue
        for paragraph in box.iter(f"{_W}p"):
            if next(paragraph.iterancestors(f"{_W}txbxContent")) is box:
                paragraphs.append(paragraph_text(paragraph))
    return [p for p in paragraphs if p]


def _graphics_text(document: object, path: Path) -> list[str]:
    """The text of the document's SmartArt graphics, a line per node, and its charts' titles
    and figures."""
    readers = {DIAGRAM_DATA_TYPE: diagram_lines, CHART_TYPE: chart_lines}
    lines = []
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        kind = "/" + rel.reltype.rpartition("/")[2]
        if kind in readers and not rel.is_external:
            lines += readers[kind](parse_xml(rel.target_part.blob, path, "a graphic"))
    return lines


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
                    "\n\n".join(filter(None, (paragraph_text(p) for p in note.iter(f"{_W}p")))),
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
    changes = [
        change_line(kind, author, words, shown=kind != CHANGE_KINDS[0])
        for kind, author, words in tracked_changes(body)  # type: ignore[arg-type]
    ]
    return notes_blocks(cited["footnote"], cited["endnote"], cited["comment"], changes)


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
