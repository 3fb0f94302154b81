"""A Word 97 document's tracked changes: which stored characters a reviewer deleted or
inserted, and who ([MS-DOC] 2.6.1).

Word keeps a deleted run in the text, marked deleted in its character properties; read as
plain text, "While" replaced by "When" came out as "Whenile". Character properties are kept in
FKP pages the table stream's ``PlcBteChpx`` lists: runs of file positions, each with its
property changes (``sprm``s). The marks are ``sprmCFRMarkDel`` and ``sprmCFRMarkIns``, the
reviewer an index (``sprmCIbstRMarkDel``, ``sprmCIbstRMark``) into the document's list of
reviewers, ``SttbfRMark``.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass

from desktop.core.text.document_labels import CHANGE_KINDS

_PAGE = 512
_DELETED, _INSERTED = 0x0800, 0x0801  # sprmCFRMarkDel, sprmCFRMarkIns
_DELETED_BY, _INSERTED_BY = 0x4863, 0x4804  # sprmCIbstRMarkDel, sprmCIbstRMark
_OPERAND_BYTES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's spra; 6: counted
_UTF16_STRINGS = 0xFFFF
_MOST_RUNS = 0x65  # a page holds 4 + 5 bytes a run, and its count


@dataclass(frozen=True)
class Revision:
    """Stored bytes ``start`` to ``end`` of the main stream: deleted or inserted, by whom."""

    start: int
    end: int
    kind: str
    author: str


def revisions(word: bytes, bte_chpx: bytes, rmark_authors: bytes) -> list[Revision]:
    """The document's marked runs, by where they are stored."""
    authors = _string_table(rmark_authors)
    found: list[Revision] = []
    count = (len(bte_chpx) - 4) // 8
    if count <= 0:
        return found
    pages = struct.unpack_from(f"<{count}I", bte_chpx, 4 * (count + 1))
    for number in pages:
        at = (number & 0x3FFFFF) * _PAGE
        page = word[at : at + _PAGE]
        if len(page) == _PAGE:
            try:
                found += _page_revisions(page, authors)
            except (struct.error, IndexError):  # a damaged page costs its marks, not the text
                continue
    return sorted(found, key=lambda revision: revision.start)


def split_by_revision(
    revisions_by_start: list[Revision], start: int, end: int
) -> list[tuple[int, int, Revision | None]]:
    """Stored bytes ``start`` to ``end`` cut where a marked run begins or ends: each stretch
    with the revision it is part of, or None."""
    starts = [revision.start for revision in revisions_by_start]
    stretches: list[tuple[int, int, Revision | None]] = []
    at = start
    index = max(bisect_right(starts, start) - 1, 0)
    while at < end:
        revision = revisions_by_start[index] if index < len(revisions_by_start) else None
        if revision is not None and revision.end <= at:
            index += 1
            continue
        if revision is None or revision.start >= end:
            stretches.append((at, end, None))
            break
        if revision.start > at:
            stretches.append((at, revision.start, None))
            at = revision.start
        stop = min(revision.end, end)
        stretches.append((at, stop, revision))
        at = stop
        index += 1
    return stretches


def _page_revisions(page: bytes, authors: list[str]) -> list[Revision]:
    runs = page[_PAGE - 1]
    if runs > _MOST_RUNS:  # a damaged page: its runs' table would overrun it
        return []
    limits = struct.unpack_from(f"<{runs + 1}I", page, 0)
    found = []
    for run in range(runs):
        offset = 2 * page[4 * (runs + 1) + run]
        if not offset or offset >= _PAGE - 1:
            continue
        properties = _properties(page[offset + 1 : offset + 1 + page[offset]])
        # Text inserted and then deleted is deleted: the text no longer shows it.
        for mark, by, kind in ((_DELETED, _DELETED_BY, 0), (_INSERTED, _INSERTED_BY, 1)):
            if properties.get(mark) == 1:
                author_index = properties.get(by, -1)
                author = authors[author_index] if 0 <= author_index < len(authors) else ""
                found.append(Revision(limits[run], limits[run + 1], CHANGE_KINDS[kind], author))
                break
    return found


def _properties(grpprl: bytes) -> dict[int, int]:
    """The sprms of a run's properties with their operands read as numbers (1 to 4 bytes)."""
    found: dict[int, int] = {}
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        size = _OPERAND_BYTES.get(sprm >> 13)
        if size is None:
            size = 1 + (grpprl[at] if at < len(grpprl) else 0)
        operand = grpprl[at : at + size]
        if len(operand) == size and size <= 4:
            found[sprm] = int.from_bytes(operand, "little")
        at += size
    return found


def _string_table(sttb: bytes) -> list[str]:
    """The strings of an ``STTB`` (counted UTF-16 strings, each with ``cbExtra`` bytes)."""
    if len(sttb) < 6:
        return []
    extended, count, extra = struct.unpack_from("<HHH", sttb, 0)
    if extended != _UTF16_STRINGS:
        return []
    strings, at = [], 6
    for _ in range(count):
        if at + 2 > len(sttb):
            break
        (chars,) = struct.unpack_from("<H", sttb, at)
        strings.append(sttb[at + 2 : at + 2 + 2 * chars].decode("utf-16-le", "replace"))
        at += 2 + 2 * chars + extra
    return strings
