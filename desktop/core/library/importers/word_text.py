"""The words of a Word (.docx) body as Word shows them, read from its XML.

python-docx's paragraph text is the paragraph's own runs and links only, and a table cell's
its own paragraphs: it drops a reviewer's tracked insertions (``w:ins``), text in content
controls (``w:sdt``: a form's or a template's fields, a whole résumé), smart tags ("Carnegie
Mellon University"), simple fields, a table inside a cell (a form laid out in tables held no
text at all), and body-level content controls. So the body is walked here: every run's text
where Word shows it, what a tracked deletion or a move removed left out, a word's ruby reading
("とうきょう" over "東京") left to its base, a drawing's fallback copy for old readers left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from desktop.core.library.importers.building import CELL_SEPARATOR
from desktop.core.text.document_labels import CHANGE_KINDS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SPACES = frozenset((f"{W}tab", f"{W}br", f"{W}cr"))
# Not read in a paragraph: text boxes (read apart), what a tracked change removed, a ruby's
# reading, a drawing's copy for readers of old Word.
_UNREAD = frozenset(
    (f"{W}txbxContent", f"{W}del", f"{W}moveFrom", f"{W}rt", FALLBACK),
)
# Elements that wrap a document's paragraphs, tables, rows or cells without being one.
_WRAPPERS = frozenset((f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"))


def content(element: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """The children of ``element`` with one of ``tags``, in order, those inside content
    controls and custom XML included."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from content(child, *tags)


def paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's words as Word shows them, its tabs and breaks as spaces."""
    parts: list[str] = []
    _collect_text(paragraph, parts)
    return " ".join("".join(parts).split())


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        if child.tag == f"{W}t":
            parts.append(child.text or "")
        elif child.tag in _SPACES:
            parts.append(" ")
        elif child.tag not in _UNREAD:
            _collect_text(child, parts)


def table_rows(table: etree._Element) -> list[str]:
    """One line per row, its cells' text joined. A row whose cells hold tables of their own
    (a form laid out in tables), or whose one cell with text holds several paragraphs (a page
    laid out in a table), gives its cells' paragraphs and their tables' rows as lines of
    their own instead. A merged cell's text is read once, where it starts, as Word shows it."""
    rows: list[str] = []
    for row in content(table, f"{W}tr"):
        cells = list(content(row, f"{W}tc"))
        texts = [_cell_text(cell) for cell in cells]
        laid_out = any(next(content(cell, f"{W}tbl"), None) is not None for cell in cells)
        filled = [cell for cell, text in zip(cells, texts, strict=True) if text]
        if len(filled) == 1:
            paragraphs = (paragraph_text(p) for p in content(filled[0], f"{W}p"))
            laid_out = laid_out or sum(map(bool, paragraphs)) > 1
        if not laid_out:
            if any(texts):
                rows.append(CELL_SEPARATOR.join(texts))
            continue
        for cell in cells:
            for block in content(cell, f"{W}p", f"{W}tbl"):
                if block.tag == f"{W}tbl":
                    rows.extend(table_rows(block))
                elif text := paragraph_text(block):
                    rows.append(text)
    return rows


def _cell_text(cell: etree._Element) -> str:
    return " ".join(filter(None, map(paragraph_text, content(cell, f"{W}p"))))


def tracked_changes(body: etree._Element) -> list[tuple[str, str, str]]:
    """``(kind, author, words)`` for each of a reviewer's tracked changes in the body, in
    order: "Deleted" (what Word no longer shows), "Inserted", "Moved". Word records a change
    that spans paragraphs or runs as several; those of one kind and one reviewer with no other
    words between them are one change here."""
    deleted, inserted, moved = CHANGE_KINDS
    kinds = {f"{W}del": deleted, f"{W}ins": inserted, f"{W}moveTo": moved}
    words_tags = (f"{W}t", f"{W}delText")
    texts = list(body.iter(*words_tags))  # held: lxml gives a node the same object meanwhile
    place = {id(node): n for n, node in enumerate(texts)}
    changes: list[tuple[str, str, str]] = []
    last = -2  # where the previous change's words end, among the body's words
    for change in body.iter(*kinds):
        if any(a.tag in kinds or a.tag == f"{W}txbxContent" for a in change.iterancestors()):
            continue  # a change inside a change is read with it; a text box's apart
        nodes = list(change.iter(*words_tags, *_SPACES))
        words = "".join((n.text or "") if n.tag in words_tags else " " for n in nodes)
        if not words.strip():
            continue
        kind, author = kinds[change.tag], change.get(f"{W}author", "")
        spots = [place[id(n)] for n in nodes if n.tag in words_tags]
        if changes and changes[-1][:2] == (kind, author) and spots[0] == last + 1:
            changes[-1] = (kind, author, f"{changes[-1][2]} {words}")
        else:
            changes.append((kind, author, words))
        last = spots[-1]
    return changes
