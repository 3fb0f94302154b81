"""PDF files with a text layer, read with PDFium (pypdfium2): one article per document.

PDFium gives each page's text in reading order, one printed line per line, and marks a hyphen
that broke a word at a line end. The text is reflowed for reading: running headers and footers
(a line at a page's edge that recurs on most pages, a page number) are dropped, lines joined
into paragraphs, and broken words mended. A filled-in form's answers are read where the page
shows them (``pdf_forms``), its reviewers' comments under a label after the text
(``pdf_comments``), its embedded files as articles of their own (a PDF portfolio's
documents), listed at its end as an e-mail's attachments are. Where each page starts in the
stored text is kept, so a passage can be cited by page. PDFium is far faster than
pdfminer.six (a 300-page report in about half a second, against 13 s) and is not thread-safe:
one document at a time.
"""

from __future__ import annotations

import ctypes
import logging
import re
import threading
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from desktop.core.library.importers.attachments import (
    Reader,
    attached_articles,
    nested,
    with_attachment_list,
)
from desktop.core.library.importers.building import (
    PAGE_NUMBER,
    build_article,
    canonical_origin,
    iso_date,
    notes_blocks,
    tidy_text,
)
from desktop.core.library.importers.decoding import MAX_FILE_BYTES
from desktop.core.library.importers.doubled_encoding import undouble
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.pdf_comments import page_comments
from desktop.core.library.importers.pdf_footnotes import split_footnotes
from desktop.core.library.importers.pdf_forms import PristinePages, fill_in, text_by_position
from desktop.core.library.importers.pdf_lines import BROKEN_WORD, Box, Page, PrintedLine
from desktop.core.library.importers.plaintext import split_headline
from desktop.core.models import Article
from desktop.core.printable import printable
from desktop.core.text.wrapped_lines import hyphen_at_break

_PDFIUM = threading.Lock()
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_XFA_ONLY = 2  # FORMTYPE_XFA_FULL: the pages hold only a "please wait" placeholder
_BROKEN_AT_END = re.compile(r"[^\W\d_]-$")
_SOFT_HYPHENS = ("\u00ad", "\x02")
_EDGE_LINES = 2
_RUNNING_SHARE = 0.5
_RUNNING_MIN_PAGES = 3
"""From this many pages on, a line recurring on most of them runs; below, it must be on all
(and there must be two)."""
_DIGITS = re.compile(r"\d+")
_END_NUMBERS = re.compile(r"^(?:(\d{1,4})\s)?.*?(?:\s(\d{1,4}))?$")
_NUMBERED_SHARE = 0.3
"""Share of pages whose edge carries the printed page number, for it to count as running."""
_PARAGRAPH_END = 0.75
"""A line shorter than this share of the page's full lines ends its paragraph."""
_BULLETS = ("•", "◦", "▪", "‣", "– ", "- ")
_SENTENCE_ENDS = (".", "!", "?", ":", "”", '"')
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.\s|^\d{1,2}(?:\.\d{1,2})+\s")
_COLUMN_BOXES = 6
_COLUMN_HEIGHT = 0.25
_GUTTER_MIN, _GUTTER_MAX = 0.25, 0.75
_LINE_SLACK = 2.0
"""Points added around the columns so their first and last lines fall wholly inside them."""
_LINE_NUMBERS = 20
_EVEN_PITCH = 1.1
_MARGIN_SHARE = 0.25
_NUMBER_WIDTH = 24.0
"""A margin's line number is one or two digits, narrower than this in points, in the left
quarter of the page."""
_STAMP_LINES = 5
"""A scanned page's text layer, if any, is a stamp of a few lines (a Bates number, a fax
header, "CONFIDENTIAL")."""
_PICTURE_SHARE = 0.5
_TITLE_SIZE = 1.15
_TITLE_LINES = 8
_SIZED_LINES = 200
_TITLE_LINES_MAX = 3
_TITLE_PARAGRAPHS = 3
_SAME_SIZE = 0.5
_JUNK_TITLE = re.compile(
    r"^(?:untitled|document\d*|microsoft word\s*-.*|.*\.(?:docx?|pdf|indd))$", re.I
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def parse_pdf(data: bytes, path: Path, *, read_attachment: Reader) -> list[Article]:
    """The document as one article whose ``pages`` say where each page starts in its text,
    and an article for each embedded file Dossier reads (a PDF portfolio's documents)."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            # PDFium's error code is left from an earlier document when it sets none: a
            # password is asked only of a file that declares its encryption.
            if getattr(exc, "err_code", None) == _PASSWORD_ERROR and b"/Encrypt" in data:
                raise UnreadableFile(
                    path,
                    "the PDF is encrypted (password-protected) — save an unprotected copy "
                    "and import that",
                ) from exc
            raise UnreadableFile(path, "not a readable PDF (damaged or truncated)") from exc
        try:
            if document.get_formtype() == _XFA_ONLY:
                raise UnreadableFile(
                    path,
                    "a dynamic XFA form: its pages are drawn by Adobe Reader from data Dossier "
                    "cannot read — open it in Adobe Reader, print it to PDF and import that",
                )
            _init_forms(document)  # before any page loads: a filled-in form's answers
            metadata = document.get_metadata_dict(skip_empty=True)
            pristine = PristinePages(data)
            try:
                read = _read_pages(document, pristine, pdfium.PdfiumError)
            finally:
                pristine.close()
            embedded, too_large = _embedded_files(document, pdfium.PdfiumError)
        finally:
            document.close()
    with nested():
        attached, outcomes = attached_articles(
            embedded, Path(canonical_origin(path)), read_attachment
        )
    pages = drop_running_lines(read.pages)
    if not any(pages) and not read.pictured:  # lines on every page are all it says
        pages = read.pages
    pages, notes = split_footnotes(pages)
    if not any(pages) and read.damaged:
        raise UnreadableFile(
            path,
            f"not a readable PDF (damaged: {read.damaged} of {len(pages)} pages cannot be read)",
        )
    if not any(pages) and not attached:
        raise UnreadableFile(path, "has no text layer (scanned?) — run OCR first")
    text, starts = reflow(pages, notes)
    if read.comments:  # after the text, so every page still starts where it did
        lines = [clean_line(line) for line, _ in notes_blocks([], [], read.comments)]
        text = "\n\n".join(filter(None, [text, *lines]))
    text = with_attachment_list(text, outcomes + too_large).strip()
    title = _metadata_title(metadata.get("Title", "")) or read.heading
    if not title:
        title, _ = split_headline(text)
    text, starts = without_title(text, starts, title)
    article = build_article(
        path,
        title=title,
        text=text,
        byline=metadata.get("Author", ""),
        published=pdf_date(metadata.get("CreationDate", "")),
        reflowed=True,
    )
    if article.text != text:  # rare: reflow hands over tidy text
        starts = _moved_starts(text, article.text, starts)
    return [article.replace(pages=tuple(starts)), *attached]


def _moved_starts(text: str, stored: str, starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The page starts of ``text`` in ``stored``, the same text after a repair that changed a
    few characters (garbled text read back whole, not line by line): each start in the same
    paragraph, as far into it as before, within it. None when the paragraphs differ."""
    paragraphs = [0] + [match.end() for match in re.finditer("\n\n", stored)]
    if text.count("\n\n") != len(paragraphs) - 1:
        return []
    moved = []
    for page, start in starts:
        index = text.count("\n\n", 0, start)
        into = start - (text.rfind("\n\n", 0, start) + 2 if index else 0)
        end = paragraphs[index + 1] - 2 if index + 1 < len(paragraphs) else len(stored)
        moved.append((page, min(paragraphs[index] + into, end)))
    return moved


def _init_forms(document: object) -> None:
    """PDFium's form environment, so a page's fields can be flattened. For a form in XFA
    (Adobe's dynamic forms: government forms often) pypdfium2 logs that its PDFium lacks XFA
    and how to rebuild it, advice for its developers, not for a reader: it is kept quiet."""
    log = logging.getLogger("pypdfium2")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        document.init_forms()  # type: ignore[attr-defined]
    finally:
        log.setLevel(level)


def _embedded_files(
    document: object, error: type[Exception]
) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The files embedded in the document, by name without folders, with their bytes, and a
    line for each too large to read (over ``MAX_FILE_BYTES`` unpacked, as a file on disk
    would be: a few compressed kilobytes can unpack to gigabytes); one PDFium cannot read
    is left out."""
    import pypdfium2.raw as pdfium_c

    files, too_large = [], []
    for index in range(document.count_attachments()):  # type: ignore[attr-defined]
        try:
            attachment = document.get_attachment(index)  # type: ignore[attr-defined]
            name = Path(attachment.get_name().replace("\\", "/")).name
            size = ctypes.c_ulong()
            pdfium_c.FPDFAttachment_GetFile(attachment.raw, None, 0, ctypes.byref(size))
            if size.value > MAX_FILE_BYTES:
                too_large.append(f"{name} (not imported: over 20 MiB unpacked)")
                continue
            files.append((name, bytes(attachment.get_data())))
        except error:
            continue
    return files, too_large


def without_title(
    text: str, starts: list[tuple[int, int]], title: str
) -> tuple[str, list[tuple[int, int]]]:
    """The text without the paragraph that is its title, if one of its first paragraphs is,
    and the page starts moved to match."""
    at = 0
    for paragraph in text.split("\n\n")[:_TITLE_PARAGRAPHS]:
        end = at + len(paragraph)
        if title and paragraph == title and end < len(text):
            cut = len(paragraph) + 2
            moved = [(n, start if start <= at else max(at, start - cut)) for n, start in starts]
            return text[:at] + text[end + 2 :], moved
        at = end + 2
    return text, starts


class _ReadPages(NamedTuple):
    pages: list[Page]
    """Each page's lines, printable, white space collapsed."""
    heading: str
    """The first page's title line: the largest among its first lines when it stands out."""
    damaged: int
    """Pages PDFium could not load, which count as pages without text."""
    comments: list[str]
    """The comments of every page."""
    pictured: int
    """Pages of a few lines at most that a picture covers: scans, their text a stamp."""


def _read_pages(document: object, pristine: PristinePages, error: type[Exception]) -> _ReadPages:
    """The document's pages as read, page by page."""
    pages: list[Page] = []
    comments: list[str] = []
    heading = ""
    seen_text = False
    damaged = pictured = 0
    for index in range(len(document)):  # type: ignore[arg-type]
        try:
            page = document[index]  # type: ignore[index]
        except error:
            damaged += 1
            pages.append([])
            continue
        comments.extend(page_comments(page))
        page, filled = fill_in(document, index, page, pristine)
        textpage = page.get_textpage()
        try:
            full = textpage.get_text_range()
            raw = text_by_position(textpage, _text_boxes(textpage)) if filled else ""
            raw = raw or _page_text(page, textpage, full)
            lines = _sized_lines(textpage, raw, full, rows=filled)
            if not seen_text and any(lines):
                heading = _large_first_line(textpage, raw)
                seen_text = True
            pictured += len(lines) <= _STAMP_LINES and _is_picture(page)
        finally:
            textpage.close()
            page.close()
        pages.append([line for line in lines if line])
    return _ReadPages(pages, heading, damaged, comments, pictured)


def _is_picture(page: object) -> bool:
    """Whether one picture covers most of the page, as a scan's does."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()  # type: ignore[attr-defined]
    pictures = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2)  # type: ignore[attr-defined]
    for picture in pictures:
        left, bottom, right, top = picture.get_bounds()
        if (right - left) * (top - bottom) >= _PICTURE_SHARE * width * height:
            return True
    return False


def _sized_lines(textpage: object, raw: str, full: str, *, rows: bool) -> list[PrintedLine]:
    """The page's lines, cleaned, each with the size of its type: the height of its first
    letter's box as printed (the nominal font size is 1 in a PDF that scales its text
    instead), found where the page's text (in PDFium's order) holds the line; each a form's
    row when ``rows``."""
    full = textpage.get_text_range()  # type: ignore[attr-defined]
    lines = []
    at = 0
    for line in raw.splitlines():
        words = line.strip()
        found = full.find(words, at) if words else -1
        if found < 0 and words:
            found = full.find(words)  # a column read out of PDFium's order
        size = 0.0
        if found >= 0:
            letter = found + next((i for i, c in enumerate(words) if c.isalpha()), 0)
            _, bottom, _, top = textpage.get_charbox(letter, loose=True)  # type: ignore[attr-defined]
            size = top - bottom
            at = found + len(words)
        lines.append(PrintedLine(clean_line(line), size, rows))
    return lines


def _page_text(page: object, textpage: object, full: str) -> str:
    """The page's text in reading order. PDFium follows the order the text was written in,
    which some producers write line by line across both columns; a page whose text falls
    into two columns is read above, left, right and below them instead. The margin of line
    numbers beside a court filing's or a transcript's text is left out."""
    width, height = page.get_size()  # type: ignore[attr-defined]
    boxes = _text_boxes(textpage)
    numbered = _numbered_margin(textpage, boxes, width)
    if numbered is not None:
        left, bottom, top = numbered
        regions: tuple[Box, ...] = ((0, top, width, height), (left, bottom, width, top))
        regions += ((0, 0, width, bottom),)
    elif (split := column_split(boxes, width, height)) is not None:
        gutter, bottom, top = split
        regions = ((0, top, width, height), (0, bottom, gutter, top), (gutter, bottom, width, top))
        regions += ((0, 0, width, bottom),)
    else:
        return full
    parts = (textpage.get_text_bounded(*region) for region in regions)  # type: ignore[attr-defined]
    return "\n".join(part for part in parts if part.strip())


def _numbered_margin(
    textpage: object, boxes: list[Box], width: float
) -> tuple[float, float, float] | None:
    """``(left, bottom, top)`` of the band beside a column of line numbers (pleading paper
    numbers its 28 lines, a transcript its 25), where the text starts right of them: at least
    ``_LINE_NUMBERS`` numbers, each alone, counting from 1 down the page by one at an even
    pitch (a table's numbered rows go on from page to page, and a row of several lines is
    taller), with no text beside them further left (a court's filing stamp above or below
    them may be). ``None`` for a page without."""
    numbers: list[tuple[Box, int]] = []
    for box in boxes:
        if box[2] < width * _MARGIN_SHARE and box[2] - box[0] < _NUMBER_WIDTH:
            words = textpage.get_text_bounded(*box).strip()  # type: ignore[attr-defined]
            if words.isdecimal() and len(words) <= 2:
                numbers.append((box, int(words)))
    if len(numbers) < _LINE_NUMBERS:
        return None
    numbers.sort(key=lambda found: -found[0][3])
    if numbers[0][1] != 1 or any(b - a != 1 for (_, a), (_, b) in pairwise(numbers)):
        return None
    pitches = [upper[3] - lower[3] for (upper, _), (lower, _) in pairwise(numbers)]
    if max(pitches) > _EVEN_PITCH * min(pitches):
        return None
    edge = max(box[2] for box, _ in numbers)
    top, bottom = numbers[0][0][3] + _LINE_SLACK, numbers[-1][0][1] - _LINE_SLACK
    counted = {box for box, _ in numbers}
    beside = [b for b in boxes if b not in counted and bottom < (b[1] + b[3]) / 2 < top]
    if not beside or min(box[0] for box in beside) <= edge:
        return None  # a numbered list: its items' text starts where the page's does
    return edge + _LINE_SLACK, bottom, top


def _text_boxes(textpage: object) -> list[Box]:
    count = textpage.count_rects()  # type: ignore[attr-defined]
    return [textpage.get_rect(index) for index in range(count)]  # type: ignore[attr-defined]


def column_split(
    boxes: list[Box], width: float, height: float
) -> tuple[float, float, float] | None:
    """``(gutter, bottom, top)`` when the page's text runs in two columns: an upright gap in
    the middle of the page with enough text on both sides, side by side over a good part of
    the page's height, and no text across it there (a heading or footer across the page
    above or below the columns is fine). ``None`` for a page in one column."""
    if len(boxes) < 2 * _COLUMN_BOXES:
        return None
    edges = sorted({round(right) for _, _, right, _ in boxes})
    for gutter in (edge + 1 for edge in edges if _GUTTER_MIN < edge / width < _GUTTER_MAX):
        left = [box for box in boxes if box[2] <= gutter]
        right = [box for box in boxes if box[0] >= gutter]
        if len(left) < _COLUMN_BOXES or len(right) < _COLUMN_BOXES:
            continue
        top = min(max(box[3] for box in left), max(box[3] for box in right))
        bottom = max(min(box[1] for box in left), min(box[1] for box in right))
        if top - bottom < _COLUMN_HEIGHT * height:
            continue
        across = (b for b in boxes if b[0] < gutter < b[2] and bottom < (b[1] + b[3]) / 2 < top)
        if next(across, None) is None:
            return gutter, bottom - _LINE_SLACK, top + _LINE_SLACK
    return None


def clean_line(line: str) -> str:
    """A line as stored text has it (printable, read back when double-encoded, NFC, no
    byte-order mark, single spaces), so the reflowed text is already tidy and its page starts
    stay true (a font's bullet that comes out as the control character 0x95 stopped the
    import: "could not map the PDF's pages onto its text")."""
    return " ".join(tidy_text(undouble(printable(line))).split())


def _large_first_line(textpage: object, raw: str) -> str:
    """The largest of the page's first lines, when its type stands out from the page's text
    (the median size of its lines); empty otherwise."""
    import pypdfium2.raw as pdfium_c

    sizes: list[tuple[float, str]] = []
    offset = 0
    for line in raw.splitlines(keepends=True)[:_SIZED_LINES]:
        if line.strip():
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, offset)  # type: ignore[attr-defined]
            sizes.append((size, " ".join(line.split())))
        offset += len(line)
    if len(sizes) < 2:
        return ""
    body = sorted(size for size, _ in sizes)[len(sizes) // 2]
    first = sizes[:_TITLE_LINES]
    largest = max(size for size, _ in first)
    if largest < body * _TITLE_SIZE:
        return ""
    start = next(n for n, (size, _) in enumerate(first) if size == largest)
    title = []  # a title set over two or three lines: the lines of its size that follow it
    for size, line in first[start : start + _TITLE_LINES_MAX]:
        if abs(size - largest) > _SAME_SIZE:
            break
        title.append(line)
    return " ".join(title).replace(BROKEN_WORD, "-")


def drop_running_lines(pages: list[Page]) -> list[Page]:
    """Pages without their running headers and footers: lines among the first or last two of
    a page that are page numbers, that recur (digits aside) at the edge of most pages, or that
    start or end with the printed page number (``Chapter 2: Syntax 13``: the number runs with
    the page, a fixed distance from its place in the file) and recur on another page."""
    keys: Counter[str] = Counter()
    shifts: Counter[int] = Counter()
    for index, lines in enumerate(pages):
        keys.update({_running_key(line) for line in _edges(lines)})
        shifts.update({number - index for line in _edges(lines) for number in _end_numbers(line)})
    with_text = sum(1 for lines in pages if lines)
    share = _RUNNING_SHARE if with_text >= _RUNNING_MIN_PAGES else 1
    enough = max(2, share * with_text)
    running = {key for key, count in keys.items() if count >= enough}
    shift, count = shifts.most_common(1)[0] if shifts else (0, 0)
    numbered = count >= max(_RUNNING_MIN_PAGES, _NUMBERED_SHARE * with_text)
    cleaned = []
    for index, lines in enumerate(pages):
        edge = set(range(min(_EDGE_LINES, len(lines))))
        edge |= set(range(max(0, len(lines) - _EDGE_LINES), len(lines)))
        cleaned.append(
            [
                line
                for number, line in enumerate(lines)
                if number not in edge
                or not (
                    PAGE_NUMBER.match(line)
                    or _running_key(line) in running
                    or (
                        numbered
                        and index + shift in _end_numbers(line)
                        and keys[_running_key(line)] > 1  # not a chapter's own heading
                    )
                )
            ]
        )
    return cleaned


def _edges(lines: Page) -> list[str]:
    return lines[:_EDGE_LINES] + lines[_EDGE_LINES:][-_EDGE_LINES:]


def _end_numbers(line: str) -> set[int]:
    """The numbers a line starts or ends with: where a running head prints the page number."""
    match = _END_NUMBERS.match(line)
    return {int(found) for found in match.groups() if found} if match else set()


def _running_key(line: str) -> str:
    return _DIGITS.sub("#", line.casefold())


def reflow(
    pages: list[Page], notes: list[list[str]] | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """The pages' lines as paragraphs of running text, and ``(page number, start)`` for every
    page: where its first line begins in that text (a page with no text starts where the next
    text does). A paragraph goes on across a page break when the page ends mid-sentence. A
    page's ``notes`` follow its text, each a paragraph of its own; when its last paragraph
    runs on across the break, they wait until that paragraph ends on the next page."""
    parts: list[str] = []
    length = 0
    starts: list[tuple[int, int]] = []
    pending: list[int] = []  # pages seen since the last line, waiting for a start
    waiting: list[str] = []  # notes to set down at the next paragraph's end
    previous = ""
    full = 0

    def add(part: str) -> None:
        nonlocal length
        parts.append(part)
        length += len(part)

    def set_down_notes() -> None:
        nonlocal previous
        for note in waiting:
            add("\n\n" if parts else "")
            add(mend_words(note))
        if waiting:
            previous = ""
        waiting.clear()

    for number, lines in enumerate(pages, start=1):
        pending.append(number)
        if lines:
            full = _full_line_length(lines)
        for line in lines:
            if previous and _BROKEN_AT_END.search(previous) and line[:1].islower():
                # A word broken where PDFium did not mend it: at a page's end, in a plain "-".
                if not hyphen_at_break(previous[:-1], line, unknown=""):
                    parts[-1] = parts[-1][:-1]
                    length -= 1
            elif previous:
                joiner = _joiner(previous, line, full)
                if joiner == "\n\n" and waiting:
                    set_down_notes()
                add(joiner)
            elif parts:
                add("\n\n")  # after notes
            starts.extend((page, length) for page in pending)
            pending = []
            add(mend_words(line))
            previous = line
        if notes:
            waiting.extend(notes[number - 1])
        if waiting and (not previous or previous.endswith(_SENTENCE_ENDS)):
            set_down_notes()
    set_down_notes()
    starts.extend((page, length) for page in pending)
    return "".join(parts), starts


def _full_line_length(lines: Page) -> int:
    lengths = sorted(len(line) for line in lines)
    return lengths[(len(lengths) * 9) // 10]


def _joiner(previous: str, line: str, full: int) -> str:
    """What goes between two lines: a space inside a paragraph, a blank line between (after
    a short line, before a list item or a numbered heading)."""
    if previous.endswith(_SOFT_HYPHENS) and line[:1].islower():
        return ""
    if getattr(previous, "row", False) and not line[:1].islower():
        return "\n\n"  # a form's row is a field of its own
    if line.startswith(_BULLETS):
        return "\n\n"
    if previous.endswith(_SENTENCE_ENDS) and _NUMBERED_HEADING.match(line):
        return "\n\n"
    if len(previous) < _PARAGRAPH_END * full and not line[:1].islower():
        return "\n\n"
    return " "


def mend_words(line: str) -> str:
    """Words PDFium found broken at a line end joined again: ``inter-national`` becomes
    ``international``, but ``well-known`` keeps its hyphen (both halves are words, the
    joined form is not). Soft hyphens are dropped."""
    for mark in _SOFT_HYPHENS:
        if line.endswith(mark):
            line = line[: -len(mark)]
    if BROKEN_WORD not in line:
        return line
    pieces = line.split(BROKEN_WORD)
    out = [pieces[0]]
    for piece in pieces[1:]:
        out.append(hyphen_at_break(out[-1], piece, unknown=""))
        out.append(piece)
    return "".join(out)


def _metadata_title(title: str) -> str:
    title = " ".join(printable(title).split())
    return "" if _JUNK_TITLE.match(title) else title


def pdf_date(value: str) -> str:
    """``YYYY-MM-DD`` from a PDF date (``D:20240115093000+01'00'``); empty when unreadable."""
    match = _PDF_DATE.match(value.strip())
    if not match or not match.group(2) or not match.group(3):
        return ""
    return iso_date("-".join(match.groups()))
