"""Old PowerPoint presentations (.ppt: PowerPoint 97 to 2003), read with olefile.

The "PowerPoint Document" stream is a tree of records ([MS-PPT]). The current edit, named in
the "Current User" stream, leads through the chain of saved edits to the persist directory,
which says where the newest version of each slide is stored: older versions stay in a file
saved in place and must not be read. The document's slide list gives the slides in the order
shown and the text of their placeholders; each slide's drawing gives its shapes in order,
which either point into that list or hold their own text (text boxes). The notes pages give
the speaker notes. Date, footer and slide-number placeholders are left out; the deck becomes
one article as a .pptx does.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import olefile

from desktop.core.library.importers.compound_files import (
    OLE_MAGIC,
    encrypted,
    open_compound_file,
    refuse_encrypted,
    summary_properties,
)
from desktop.core.library.importers.decks import Slide, deck_article
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article

DOCUMENT_STREAM = "PowerPoint Document"
_DOCUMENT_MARK = DOCUMENT_STREAM.encode("utf-16-le")
_CURRENT_USER = "Current User"
_OLDER_STREAMS = ("PP40", "Header")  # PowerPoint 4 and PowerPoint 95 store their slides in them
_HEADER = struct.Struct("<HHI")
_CONTAINER_VERSION = 0xF
_DOCUMENT, _SLIDE_ATOM = 0x03E8, 0x03EF
_SLIDE_LIST, _PERSIST_ATOM = 0x0FF0, 0x03F3
_USER_EDIT, _PERSIST_DIRECTORY = 0x0FF5, 0x1772
_TEXT_HEADER, _TEXT_CHARS, _TEXT_BYTES, _TEXT_REFERENCE = 0x0F9F, 0x0FA0, 0x0FA8, 0x0F9E
_SHAPE, _PLACEHOLDER, _SAVED_PLACEHOLDER = 0xF004, 0x0BC3, 0x0420
"""A shape, its placeholder's kind (OEPlaceholderAtom), the kind of a header or footer
placeholder as PowerPoint 2007 saves it in the old format (RoundTripHFPlaceholder12Atom)."""
_FIELDS = frozenset((0x0FD8, 0x0FF7, 0x0FF8, 0x0FF9, 0x0FFA))
"""The atoms that place a slide-number, date-time, generic date, header or footer field in a
text, each starting with the field's position."""
_FIELD_CHARACTER = "*"
_SHOW_INFO, _SHOW_FLAGS, _HIDDEN_BIT = 0x03F9, 10, 1 << 2
"""A slide's show settings (SSSlideInfoAtom), where its transition flags sit in it, and the
flag of a slide hidden from the show."""
_SLIDES_LIST, _NOTES_LIST = 0, 2  # the slide lists' instances; 1 holds the masters
_TITLES = frozenset((0, 6))  # TextHeaderAtom: Title, CenterTitle
_FURNITURE = frozenset((0x07, 0x08, 0x09, 0x0A))  # PlaceholderEnum: date, number, footer, header
_ENCRYPTED_TOKEN = 0xF3D1C4DF  # the Current User's header token of an encrypted file
_MAX_EDITS = 10_000
_PARAGRAPH, _LINE = "\r", "\x0b"


def is_powerpoint_97(data: bytes) -> bool:
    """Whether ``data`` (a file without a suffix) is a compound file holding a presentation."""
    return data.startswith(OLE_MAGIC) and _DOCUMENT_MARK in data


def parse_ppt(data: bytes, path: Path) -> list[Article]:
    with open_compound_file(data, path, "a PowerPoint presentation") as ole:
        refuse_encrypted(ole, path, "presentation")
        if any(ole.exists(name) for name in _OLDER_STREAMS):
            raise UnreadableFile(
                path,
                "a PowerPoint 95 presentation or older — save it as .pptx in PowerPoint and "
                "import that",
            )
        if not ole.exists(DOCUMENT_STREAM):
            raise UnreadableFile(path, "not a PowerPoint presentation (no PowerPoint Document)")
        slides = _slides(ole, path)
        _title, author, created = summary_properties(ole)
    return [deck_article(path, slides, byline=author, published=created)]


@dataclass
class _Record:
    kind: int
    instance: int
    start: int  # where its body starts in the stream
    end: int
    container: bool


@dataclass
class _Listed:
    """A slide (or notes page) as the document's slide list names it."""

    persist: int
    page_id: int
    texts: list[tuple[int, str]] = field(default_factory=list)


def _slides(ole: olefile.OleFileIO, path: Path) -> list[Slide]:
    with ole.openstream(DOCUMENT_STREAM) as stream:
        document = stream.read()
    if not ole.exists(_CURRENT_USER):
        raise UnreadableFile(path, "a damaged PowerPoint presentation (no Current User stream)")
    with ole.openstream(_CURRENT_USER) as stream:
        current = stream.read()
    token, edit_at = struct.unpack_from("<II", current, 12)
    if token == _ENCRYPTED_TOKEN:
        raise UnreadableFile(path, encrypted("presentation"))
    offsets, document_ref = _persist_directory(document, edit_at)
    top = _record(document, offsets[document_ref])
    if top.kind != _DOCUMENT:
        raise ValueError("the persist directory does not lead to the document")
    lists = {
        r.instance: _listed(document, r) for r in _children(document, top) if r.kind == _SLIDE_LIST
    }
    notes_pages = {page.page_id: page for page in lists.get(_NOTES_LIST, [])}
    slides: list[Slide] = []
    for listed in lists.get(_SLIDES_LIST, []):
        if listed.persist not in offsets:
            continue  # a slide the directory does not place: the others still read
        slide = _record(document, offsets[listed.persist])
        texts = _page_texts(document, slide, listed.texts)
        title = next((i for i, (kind, _) in enumerate(texts) if kind in _TITLES), None)
        lines = [line for i, (_, text) in enumerate(texts) if i != title for line in _lines(text)]
        page = notes_pages.get(_notes_ref(document, slide))
        notes: list[str] = []
        if page is not None and page.persist in offsets:
            notes_page = _record(document, offsets[page.persist])
            notes = [
                line for _, text in _page_texts(document, notes_page, page.texts)
                for line in _lines(text)
            ]  # fmt: skip
        heading = "" if title is None else " ".join(texts[title][1].split())
        slides.append(Slide(heading, lines, notes, hidden=_hidden(document, slide)))
    return slides


def _persist_directory(document: bytes, edit_at: int) -> tuple[dict[int, int], int]:
    """Where each persistent object is stored, newest edit first, and the document's id."""
    offsets: dict[int, int] = {}
    document_ref = None
    seen: set[int] = set()
    while edit_at and edit_at not in seen and len(seen) < _MAX_EDITS:
        seen.add(edit_at)
        edit = _record(document, edit_at)
        if edit.kind != _USER_EDIT:
            raise ValueError("the current edit is not where the file says")
        last_edit, directory_at, doc_ref = struct.unpack_from("<III", document, edit.start + 8)
        if document_ref is None:
            document_ref = doc_ref
        directory = _record(document, directory_at)
        if directory.kind != _PERSIST_DIRECTORY:
            raise ValueError("the persist directory is not where the edit says")
        at = directory.start
        while at + 4 <= directory.end:
            (entry,) = struct.unpack_from("<I", document, at)
            first, count = entry & 0xFFFFF, entry >> 20
            places = struct.unpack_from(f"<{count}I", document, at + 4)
            for persist, place in enumerate(places, start=first):
                offsets.setdefault(persist, place)
            at += 4 + 4 * count
        edit_at = last_edit
    if document_ref is None or document_ref not in offsets:
        raise ValueError("no current edit names the document")
    return offsets, document_ref


def _listed(document: bytes, slide_list: _Record) -> list[_Listed]:
    """The pages a slide list names, in order, each with its placeholders' texts."""
    pages: list[_Listed] = []
    kind = -1
    for record in _children(document, slide_list):
        if record.kind == _PERSIST_ATOM:
            persist, _flags, _texts, page_id = struct.unpack_from("<4I", document, record.start)
            pages.append(_Listed(persist, page_id))
        elif record.kind == _TEXT_HEADER:
            (kind,) = struct.unpack_from("<I", document, record.start)
        elif record.kind in (_TEXT_CHARS, _TEXT_BYTES) and pages:
            pages[-1].texts.append((kind, _text(document, record)))
        elif record.kind in _FIELDS and pages and pages[-1].texts:
            (at,) = struct.unpack_from("<I", document, record.start)
            text_kind, text = pages[-1].texts[-1]
            pages[-1].texts[-1] = (text_kind, _without_fields(text, {at}))
    return pages


def _page_texts(
    document: bytes, page: _Record, listed: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """A slide's or notes page's texts in its shapes' order: a placeholder's from the slide
    list, a text box's its own; the list's texts no shape points to go first."""
    texts: list[tuple[int, str]] = []
    used: set[int] = set()
    for shape in _shapes(document, page):
        placement, kind, own, fields = -1, -1, [], set()
        for record in _descendants(document, shape):
            if record.kind == _PLACEHOLDER:
                placement = document[record.start + 4]
            elif record.kind == _SAVED_PLACEHOLDER:
                placement = document[record.start]
            elif record.kind == _TEXT_HEADER:
                (kind,) = struct.unpack_from("<I", document, record.start)
            elif record.kind in (_TEXT_CHARS, _TEXT_BYTES):
                own.append((kind, _text(document, record)))
            elif record.kind in _FIELDS:
                fields.add(struct.unpack_from("<I", document, record.start)[0])
            elif record.kind == _TEXT_REFERENCE:
                (index,) = struct.unpack_from("<I", document, record.start)
                if index < len(listed):
                    used.add(index)
                    own.append(listed[index])
        if placement not in _FURNITURE:
            texts.extend((kind, _without_fields(text, fields)) for kind, text in own)
    unused = [text for i, text in enumerate(listed) if i not in used]
    return unused + texts


def _without_fields(text: str, fields: set[int]) -> str:
    """``text`` without the "*" that stands where a slide number, date, header or footer
    field is shown: its value exists only on screen."""
    if not fields:
        return text
    return "".join(c for i, c in enumerate(text) if not (i in fields and c == _FIELD_CHARACTER))


def _notes_ref(document: bytes, slide: _Record) -> int:
    """The id of the slide's notes page (its SlideAtom's ``notesIdRef``), 0 for none."""
    for record in _children(document, slide):
        if record.kind == _SLIDE_ATOM:
            (notes,) = struct.unpack_from("<I", document, record.start + 16)
            return notes
    return 0


def _hidden(document: bytes, slide: _Record) -> bool:
    """Whether the slide is hidden from the show: the hidden bit of its transition flags
    (SSSlideInfoAtom), as PowerPoint sets it."""
    for record in _children(document, slide):
        if record.kind == _SHOW_INFO and record.end - record.start >= _SHOW_FLAGS + 2:
            (flags,) = struct.unpack_from("<H", document, record.start + _SHOW_FLAGS)
            return bool(flags & _HIDDEN_BIT)
    return False


def _shapes(document: bytes, page: _Record) -> Iterator[_Record]:
    """The page's shapes in drawing order, those inside groups too."""
    for record in _descendants(document, page, into_shapes=False):
        if record.kind == _SHAPE:
            yield record


def _descendants(
    document: bytes, record: _Record, *, into_shapes: bool = True
) -> Iterator[_Record]:
    """The records inside ``record`` in the file's order, walked without recursion: a
    hostile file may nest containers as deep as its length allows."""
    stack = [_children(document, record)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        yield child
        if child.container and (into_shapes or child.kind != _SHAPE):
            stack.append(_children(document, child))


def _children(document: bytes, parent: _Record) -> Iterator[_Record]:
    """A container's records in order; one cut short ends it, what came before it stands."""
    at = parent.start
    while at + _HEADER.size <= parent.end:
        child = _header(document, at)
        if child.end > parent.end:
            return
        yield child
        at = child.end


def _record(document: bytes, at: int) -> _Record:
    """The record at ``at``, which must lie within the stream."""
    record = _header(document, at)
    if record.end > len(document):
        raise ValueError(f"a record at {at} runs past the end of the stream")
    return record


def _header(document: bytes, at: int) -> _Record:
    version_instance, kind, length = _HEADER.unpack_from(document, at)
    start = at + _HEADER.size
    container = version_instance & 0xF == _CONTAINER_VERSION
    return _Record(kind, version_instance >> 4, start, start + length, container)


def _text(document: bytes, record: _Record) -> str:
    raw = document[record.start : record.end]
    return (
        raw.decode("utf-16-le", "replace") if record.kind == _TEXT_CHARS else raw.decode("latin-1")
    )


def _lines(text: str) -> list[str]:
    """A text's paragraphs, a line break inside one as a space, control marks left out."""
    paragraphs = text.replace(_LINE, " ").split(_PARAGRAPH)
    cleaned = ("".join(c if c.isprintable() else " " for c in p) for p in paragraphs)
    return [" ".join(p.split()) for p in cleaned if p.strip()]
