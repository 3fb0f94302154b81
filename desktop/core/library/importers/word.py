"""Word documents (.docx), via python-docx: paragraphs and tables in document order.

The title is the document's own (its properties), else its first Title or Heading paragraph;
author and creation date come from its properties. Every XML part is first parsed with
defusedxml, and the container's unpacked size is capped, before python-docx reads it.
"""

from __future__ import annotations

import io
from pathlib import Path

from desktop.core.library.importers.archive import DAMAGED, member_xml, open_archive
from desktop.core.library.importers.building import (
    CELL_SEPARATOR,
    Block,
    document_article,
    iso_date,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.outlook import OLE_MAGIC
from desktop.core.library.importers.word_binary import parse_doc
from desktop.core.models import Article

_XML_PARTS = (".xml", ".rels")
_HEADING_STYLES = ("title", "heading")


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
