"""Old Word documents (.doc: Word 97 to 2003), read with olefile.

The text comes from the document's piece table ([MS-DOC] 2.4.1): the File Information Block
points to the ``Clx`` in the table stream, whose pieces say where each run of the text is
stored, in 8-bit (code page 1252) or in UTF-16. The main text is followed by the document's
text boxes (a newsletter or a form may hold all its words in them), then its footnotes,
endnotes and reviewers' comments (with who wrote each), each kind under a label of its own
and numbered in order; running headers and footers are left out as a PDF's are. Fields keep
their result ("Page 3"), not their code, tables read a row per line with their cells apart.
Title, author and creation date come from the file's summary information. Word 6 and Word 95
files store their main text as one 8-bit run instead, in a code page the file does not record
reliably, which is guessed from its letters; fast-saved ones and encrypted files are refused
with a hint.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator, Sequence
from pathlib import Path

import olefile

from desktop.core.library.importers.building import (
    CELL_SEPARATOR,
    Block,
    change_line,
    comment_line,
    document_article,
    notes_blocks,
    running_paragraphs,
)
from desktop.core.library.importers.compound_files import (
    OLE_MAGIC,
    encrypted,
    open_compound_file,
    refuse_encrypted,
    summary_properties,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.word_revisions import Revision, revisions, split_by_revision
from desktop.core.models import Article
from desktop.core.text.document_labels import CHANGE_KINDS

WORD_STREAM = "WordDocument"
WORD_MARK = WORD_STREAM.encode("utf-16-le")
"""How the main stream's name is stored in a compound file's directory."""
_WORD_IDENTS = (0xA5EC, 0xA5DC)  # Word 97 and later; Word 6 and 95
_WORD_95_LAST = 0x0069  # nFib of the last format before Word 97's (Word 6: 0x65, 95: 0x68)
_COMPLEX, _ENCRYPTED, _TABLE_ONE, _OBFUSCATED = 0x0004, 0x0100, 0x0200, 0x8000
_WORD_95_TEXT, _WORD_95_LENGTH = 0x18, 0x34  # where fcMin and ccpText stand in their header
_WINDOWS_PAGES = ["cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257"]
_CLX_PAIR = 33  # fcClx's place among FibRgFcLcb97's (offset, length) pairs
_CHPX_PAIR, _RMARK_AUTHORS_PAIR = 12, 51  # fcPlcfBteChpx, fcSttbfRMark
_COMMENT_REFERENCES_PAIR, _COMMENT_OWNERS_PAIR = 4, 36  # fcPlcfandRef, fcGrpXstAtnOwners
_COMMENT_REFERENCE_BYTES = 30
_COMMENT_MARK = "\x05"  # a comment's reference, where it opens the comment's text
_CCP_TEXT = 3  # ccpText's place among FibRgLw97's numbers; the other parts' lengths follow it
_PARTS = ("text", "footnotes", "headers", "macros", "comments", "endnotes", "text boxes")
_COMPRESSED = 0x40000000
_PIECE_BYTES = 8
_CELL, _PARAGRAPH, _LINE, _PAGE = "\x07", "\r", "\x0b", "\x0c"
_FIELD_START, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_RUBY_FIELD = re.compile(
    r"^\s*EQ\b.*\\o\s*\\a[dlrco]\s*\(\\s\s*\\up\s*-?\d+\s*\(.*?\),(.*)\)\s*$", re.S
)
"""Word's phonetic guide: ``EQ … \\o\\ad(\\s\\up 10(reading),base)``."""
_NOTE_MARK = "\x02"  # an automatically numbered note's mark, where it opens the note's text
_HIDDEN = re.compile("[\x00-\x06\x08\x0e-\x12\x16-\x1d\x1f]")
"""Marks of pictures, footnote references, drawn objects and optional hyphens: not text."""


def is_word_97(data: bytes) -> bool:
    """Whether ``data`` (a file without a suffix) is a compound file holding a Word document."""
    return data.startswith(OLE_MAGIC) and WORD_MARK in data


def parse_doc(data: bytes, path: Path) -> list[Article]:
    with open_compound_file(data, path, "a Word document") as ole:
        refuse_encrypted(ole, path, "Word document")
        if not ole.exists(WORD_STREAM):
            raise UnreadableFile(path, "not a Word document (no WordDocument stream)")
        blocks = document_blocks(*_parts(ole, path))
        title, author, created = summary_properties(ole)
    return [
        document_article(
            path, blocks, title=title, kind="Word document", byline=author, published=created
        )
    ]


def document_blocks(
    parts: dict[str, str],
    reviewers: Sequence[str] = (),
    changes: Sequence[tuple[str, str, str]] = (),
) -> list[Block]:
    """The paragraphs of a document's raw parts: its main text, its text boxes, then its
    notes and comments, each opening with its mark (``reviewers`` wrote the comments, in
    order), and its tracked ``changes``."""
    blocks: list[Block] = [
        (p, False)
        for part in ("text", "text boxes")
        for p in _readable(parts.get(part, "")).split("\n\n")
        if p
    ]
    if not blocks:  # a letterhead form or a card laid out in its page headers and footers
        running = _readable(parts.get("headers", "")).split("\n\n")
        blocks = [(p, False) for p in running_paragraphs(running)]
    footnotes, endnotes = (
        [_readable(note) for note in parts.get(part, "").split(_NOTE_MARK)]
        for part in ("footnotes", "endnotes")
    )
    said = [_readable(text) for text in parts.get("comments", "").split(_COMMENT_MARK)[1:]]
    comments = [
        comment_line(reviewers[i] if i < len(reviewers) else "", text)
        for i, text in enumerate(said)
        if text
    ]
    lines = [
        change_line(kind, author, words, shown=kind != CHANGE_KINDS[0])
        for kind, author, words in changes
    ]
    return blocks + notes_blocks(footnotes, endnotes, comments, lines)


def _parts(
    ole: olefile.OleFileIO, path: Path
) -> tuple[dict[str, str], list[str], list[tuple[str, str, str]]]:
    """The raw text of each part of the document ([MS-DOC] 2.4.1: main text, footnotes,
    headers, macros, comments, endnotes, text boxes follow each other in the character
    positions the piece table maps) without what reviewers deleted, who wrote each comment,
    and the main text's tracked changes; a Word 6 or 95 file's main text only."""
    with ole.openstream(WORD_STREAM) as stream:
        word = stream.read()
    ident, version = struct.unpack_from("<HH", word, 0)
    if ident not in _WORD_IDENTS:
        raise UnreadableFile(path, "not a Word document (its main stream has no Word header)")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & (_ENCRYPTED | _OBFUSCATED):
        raise UnreadableFile(path, encrypted("Word document"))
    if version <= _WORD_95_LAST:
        return {"text": _word_95_text(word, flags, path)}, [], []
    table_name = "1Table" if flags & _TABLE_ONE else "0Table"
    with ole.openstream(table_name) as stream:
        table = stream.read()
    (words_count,) = struct.unpack_from("<H", word, 32)
    numbers_at = 34 + 2 * words_count
    (numbers_count,) = struct.unpack_from("<H", word, numbers_at)
    lengths = struct.unpack_from(f"<{len(_PARTS)}i", word, numbers_at + 2 + 4 * _CCP_TEXT)
    pairs_at = numbers_at + 2 + 4 * numbers_count + 2

    def stored(pair: int) -> bytes:
        """The table stream's bytes the FIB's ``pair``-th (offset, length) points to."""
        at, length = struct.unpack_from("<II", word, pairs_at + 8 * pair)
        return table[at : at + length]

    (pairs_count,) = struct.unpack_from("<H", word, pairs_at - 2)
    pieces = _pieces(stored(_CLX_PAIR))
    authors = stored(_RMARK_AUTHORS_PAIR) if pairs_count > _RMARK_AUTHORS_PAIR else b""
    marked = revisions(word, stored(_CHPX_PAIR), authors)
    parts, start = {}, 0
    for part, length in zip(_PARTS, lengths, strict=True):
        end = start + max(length, 0)
        parts[part] = _pieces_text(word, pieces, start, end, marked)
        start = end
    reviewers = (
        _reviewers(stored(_COMMENT_REFERENCES_PAIR), stored(_COMMENT_OWNERS_PAIR))
        if parts["comments"] and pairs_count > _COMMENT_OWNERS_PAIR
        else []
    )
    changes = _changes(word, pieces, 0, max(lengths[0], 0), marked) if marked else []
    return parts, reviewers, changes


def _reviewers(references: bytes, owners: bytes) -> list[str]:
    """Who wrote each comment, in order: its reference's ``ibst`` ([MS-DOC] ATRDPre10) indexes
    the list of the document's comment authors (GrpXstAtnOwners, each a counted UTF-16
    string)."""
    names, at = [], 0
    while at + 2 <= len(owners):
        (count,) = struct.unpack_from("<H", owners, at)
        names.append(owners[at + 2 : at + 2 + 2 * count].decode("utf-16-le", "replace"))
        at += 2 + 2 * count
    count = (len(references) - 4) // (4 + _COMMENT_REFERENCE_BYTES)
    first = 4 * (count + 1)
    indexes = (
        struct.unpack_from("<H", references, first + _COMMENT_REFERENCE_BYTES * i + 20)[0]
        for i in range(count)
    )
    return [names[i] if i < len(names) else "" for i in indexes]


def _word_95_text(word: bytes, flags: int, path: Path) -> str:
    """The main text of a Word 6 or Word 95 file: one run of 8-bit text from ``fcMin``, unless
    the file was fast-saved (its text then in pieces of another layout)."""
    if flags & _COMPLEX:
        raise UnreadableFile(
            path,
            "a fast-saved Word 6 or Word 95 document — save it as .docx in Word and import that",
        )
    (start,) = struct.unpack_from("<I", word, _WORD_95_TEXT)
    (length,) = struct.unpack_from("<i", word, _WORD_95_LENGTH)
    raw = word[start : start + max(length, 0)]
    return raw.decode(_windows_page(raw), "replace")


def _windows_page(raw: bytes) -> str:
    """The Windows code page of Word 6 or 95's 8-bit text, which such a file does not record
    reliably (a Russian letter's header says "English"): the likeliest one for its letters."""
    import charset_normalizer

    sample = bytes(b if b >= 0x20 else 0x20 for b in raw[:65536])
    best = charset_normalizer.from_bytes(sample, cp_isolation=_WINDOWS_PAGES).best()
    return best.encoding if best is not None else "cp1252"


def _pieces(clx: bytes) -> list[tuple[int, int, int]]:
    """The pieces of the text: ``(first character, end character, where stored)``. The Clx
    holds formatting runs (``Prc``, tag 1) before the piece table (``Pcdt``, tag 2)."""
    at = 0
    while at < len(clx) and clx[at] == 1:
        (size,) = struct.unpack_from("<H", clx, at + 1)
        at += 3 + size
    if at >= len(clx) or clx[at] != 2:
        raise ValueError("no piece table")
    (size,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // (4 + _PIECE_BYTES)
    limits = struct.unpack_from(f"<{count + 1}i", plc, 0)
    stored = (
        struct.unpack_from("<I", plc, 4 * (count + 1) + _PIECE_BYTES * i + 2)[0]
        for i in range(count)
    )
    return [(limits[i], limits[i + 1], fc) for i, fc in enumerate(stored)]


def _pieces_text(
    word: bytes, pieces: list[tuple[int, int, int]], first: int, end: int, marked: list[Revision]
) -> str:
    """The characters from ``first`` to ``end`` the pieces hold, in order, but those a
    reviewer deleted (``marked``)."""
    return "".join(
        text
        for _, text, revision in _stretches(word, pieces, first, end, marked)
        if revision is None or revision.kind != CHANGE_KINDS[0]
    )


def _changes(
    word: bytes, pieces: list[tuple[int, int, int]], first: int, end: int, marked: list[Revision]
) -> list[tuple[str, str, str]]:
    """``(kind, author, words)`` of each tracked change from ``first`` to ``end``, in order;
    runs of one kind and one reviewer that follow each other are one change."""
    changes: list[tuple[str, str, str]] = []
    last = -1  # where the previous change's characters end
    for position, text, revision in _stretches(word, pieces, first, end, marked):
        if revision is None:
            continue
        if changes and changes[-1][:2] == (revision.kind, revision.author) and position == last:
            changes[-1] = (revision.kind, revision.author, changes[-1][2] + text)
        else:
            changes.append((revision.kind, revision.author, text))
        last = position + len(text)
    readable = ((kind, author, _readable(text)) for kind, author, text in changes)
    return [change for change in readable if change[2]]


def _stretches(
    word: bytes, pieces: list[tuple[int, int, int]], first: int, end: int, marked: list[Revision]
) -> Iterator[tuple[int, str, Revision | None]]:
    """``(character position, characters, revision)`` for each stretch of the text from
    ``first`` to ``end``: a piece, cut where a marked run begins or ends."""
    for start, stop, stored in pieces:
        if start >= end:
            break
        skip = max(first - start, 0)
        count = min(stop, end) - start - skip
        if count <= 0:
            continue
        compressed = bool(stored & _COMPRESSED)
        width, codec = (1, "cp1252") if compressed else (2, "utf-16-le")
        at = ((stored & ~_COMPRESSED) // 2 if compressed else stored) + width * skip
        for low, high, revision in split_by_revision(marked, at, at + width * count):
            text = word[low:high].decode(codec, "replace")
            yield start + skip + (low - at) // width, text, revision


def _shown_by_code(code: str) -> str:
    """What a field without a stored result shows: a word under its phonetic guide (Word's
    ruby, an ``EQ`` field: "東京" read "とうきょう"), else nothing."""
    ruby = _RUBY_FIELD.search(code)
    return ruby.group(1) if ruby else ""


def _readable(raw: str) -> str:
    """The text as a reader sees it: a field's result without its code, a paragraph per
    paragraph mark, a table row per line with its cells apart, no marks of objects."""
    out: list[str] = []
    fields: list[list[str] | None] = []  # for each open field: its code, None once its result began
    for char in raw:
        if char == _FIELD_START:
            fields.append([])
        elif char == _FIELD_SEPARATOR and fields:
            fields[-1] = None
        elif char == _FIELD_END and fields:
            code = fields.pop()
            if code is not None and all(field is None for field in fields):
                out.append(_shown_by_code("".join(code)))
        elif all(field is None for field in fields):
            out.append(char)
        elif (code := fields[-1]) is not None:
            code.append(char)
    text = "".join(out).replace(_CELL + _CELL, _PARAGRAPH).replace(_CELL, CELL_SEPARATOR)
    text = text.replace(_PARAGRAPH, "\n\n").replace(_PAGE, "\n\n").replace(_LINE, "\n")
    text = _HIDDEN.sub("", text.replace("\x1e", "-"))
    paragraphs = (
        "\n".join(" ".join(line.split()) for line in p.split("\n")) for p in text.split("\n\n")
    )
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
