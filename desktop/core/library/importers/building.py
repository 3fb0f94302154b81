"""Turning what an importer found into a stored-ready Article, the same way for every format."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.core.library.importers.doubled_encoding import undouble
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.printable import printable
from desktop.core.text.document_labels import NOTE_LABELS
from desktop.core.text.language import UNDETERMINED, detect_language, rules_out
from desktop.core.text.wrapped_lines import join_wrapped_lines

_TRAILING_SPACE = " \t\u00a0"
_BLANK_LINES = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_WORDS_IN_NAME = re.compile(r"[^\W\d_]{3,}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
TITLE_WORDS = 12
_ANCHOR_WORDS = 12
_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
PAGE_NUMBER = re.compile(
    rf"^[\W_]*(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{{1,4}}|{_ROMAN})"
    r"(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?[\W_]*$",
    re.IGNORECASE,
)
"""A line that only numbers its page: "12", "Page 3 of 9", "- iv -"."""


def tidy_text(text: str) -> str:
    """One canonical form for stored text: NFC, ``\\n`` line ends, at most one blank line, no
    byte-order marks (a document pasted from a text file keeps one inside its text)."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip(_TRAILING_SPACE) for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def running_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs of a document's page headers and footers worth reading when they are all
    it holds (a letterhead form, a record card): each once, not page numbers or lines without
    a letter."""
    kept = (p for p in paragraphs if any(c.isalpha() for c in p) and not PAGE_NUMBER.match(p))
    return list(dict.fromkeys(kept))


def iso_date(value: str | date | None) -> str:
    """``YYYY-MM-DD`` from a date or a string starting with one; empty when there is none."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    match = _ISO_DATE.match((value or "").strip())
    if not match:
        return ""
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return ""


def _tomorrow() -> str:
    """The latest publication date a document can hold: a later one is a sender's or a
    program's broken clock ("3609-06-30" in an e-mail's Date), stored as undated. A day's
    margin keeps a date given in a time zone ahead of this machine's."""
    return (date.today() + timedelta(days=1)).isoformat()


def opening_words(text: str, limit: int = TITLE_WORDS) -> str:
    """A stand-in title: the first sentence, cut to ``limit`` words."""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    words = first.split()
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[:limit]).rstrip(",;:") + "…"


def title_from_filename(path: Path, text: str) -> str:
    """The file name as a title (``gas-prices_2024.txt`` → ``gas prices 2024``), unless it is a
    machine-made name such as ``000_66ae021c01a1e4e0``: then the article's opening words."""
    stem = re.sub(r"[_\s-]+", " ", printable(path.stem)).strip()
    if _WORDS_IN_NAME.search(stem):
        return stem
    return opening_words(text) or stem or printable(path.name)


def article_language(text: str, declared: str = "") -> str:
    """The language ``text`` is written in; the one a file or feed declares ("en-GB") only
    when the text cannot tell and does not rule it out (page templates often declare English
    for any article, a Zulu one too)."""
    detected = detect_language(text)
    if detected != UNDETERMINED:
        return detected
    code = declared.strip().lower()[:2]
    valid = code.isalpha() and len(code) == 2 and not rules_out(text, code)
    return code if valid else UNDETERMINED


def canonical_origin(path: Path) -> str:
    """The one name of a file whichever way it was reached: absolute, symlinks and ``..``
    resolved, so the same file imported by another path updates its article in place. A file
    inside a file (an attachment, an archive's entry) keeps its name after the container's as
    written: resolving ``..`` in it would name another file of the disk."""
    text = os.fspath(Path(path).expanduser())
    if not os.path.lexists(text):  # a file inside a file: ``mail.eml#../report.pdf``
        for at in (index for index, char in enumerate(text) if char == "#"):
            if os.path.isfile(text[:at]):
                return printable(os.path.realpath(text[:at]) + text[at:])
    return printable(os.path.realpath(text))


def build_article(
    path: Path,
    *,
    title: str,
    text: str,
    byline: str = "",
    source: str = "",
    url: str = "",
    published: str = "",
    language: str = "",
    origin: str = "",
    tags: tuple[str, ...] = (),
    reflowed: bool = False,
) -> Article:
    """An unsaved Article (id 0) with tidy text, its content hash and word count.

    Hard-wrapped lines are joined into paragraphs (``join_wrapped_lines``) unless the importer
    has already ``reflowed`` the text into them itself. Every field goes through ``printable``:
    a lone surrogate (an undecodable byte of a file name, a character reference to half a
    UTF-16 pair) would make SQLite refuse the whole batch. Its words go through ``undouble``
    too: text stored double-encoded ("isnâ€™t") reads as typed, whatever the format.
    """
    text = tidy_text(_typed(text))
    language = article_language(text, printable(language))
    if not reflowed:
        text = join_wrapped_lines(text, language)
    return with_hash(
        Article(
            id=0,
            title=" ".join(_typed(title).split()) or title_from_filename(path, text),
            text=text,
            content_hash="",
            words=0,
            byline=" ".join(_typed(byline).split()),
            source=" ".join(_typed(source).split()),
            url=printable(url.strip()),
            published=published if published <= _tomorrow() else "",
            language=language,
            origin=printable(origin) if origin else canonical_origin(path),
            tags=tuple(printable(tag) for tag in tags),
        )
    )


def _typed(words: str) -> str:
    return undouble(printable(words))


Block = tuple[str, bool]
"""A paragraph, heading or table row of a document, and whether it is a heading."""
CELL_SEPARATOR = " | "
"""Between a table row's cells, where a document's text keeps a row on one line."""


def notes_blocks(
    footnotes: list[str],
    endnotes: list[str],
    comments: Sequence[str] = (),
    changes: Sequence[str] = (),
) -> list[Block]:
    """A document's notes, to follow its text: each kind under its label, numbered in the
    order the notes are cited. A report's sources stand in them, a draft's reviewers say in
    comments what its text does not, and its tracked changes say what they took out and put
    in; inline they would land in the middle of the sentence they belong to. The labels are
    never the title."""
    blocks: list[Block] = []
    kinds = (footnotes, endnotes, comments, changes)
    for label, notes in zip(NOTE_LABELS, kinds, strict=True):
        numbered = [f"{n}. {note}" for n, note in enumerate(filter(None, notes), start=1)]
        if numbered:
            blocks.append((label, False))
            blocks.extend((note, False) for note in numbered)
    return blocks


def change_line(kind: str, author: str, text: str, *, shown: bool) -> str:
    """A tracked change as one note: what kind, by whom, which words: 'Deleted by Ana Ruiz:
    “four million”'. Words the text ``shown`` holds (an insertion) are quoted only by their
    first few, as a comment's are: the note says where the change is, not the words again."""
    words = text.split()
    if shown and len(words) > _ANCHOR_WORDS:
        words = [*words[:_ANCHOR_WORDS], "…"]
    return f"{kind} by {' '.join(author.split()) or 'a reviewer'}: “{' '.join(words)}”"


def comment_line(author: str, text: str, anchor: str = "") -> str:
    """A reviewer's comment as one note: who said it, on which words of the text (the first
    of them, when they are many), and what: 'Ana Ruiz on “the plant is safe”: It is not.'"""
    words = anchor.split()
    quoted = " ".join(words[:_ANCHOR_WORDS]) + ("…" if len(words) > _ANCHOR_WORDS else "")
    on = f" on “{quoted}”" if quoted else ""
    return f"{' '.join(author.split()) or 'A reviewer'}{on}: {text}"


def document_article(
    path: Path,
    blocks: list[Block],
    *,
    title: str,
    kind: str,
    byline: str = "",
    published: str = "",
    language: str = "",
) -> Article:
    """The article of a word-processor document (Word, OpenDocument): titled by its properties,
    else by its first heading, which then leaves the text when it opens the document."""
    title = " ".join(title.split())
    if not title and blocks and blocks[0][1]:
        title = blocks.pop(0)[0]
    elif not title:
        title = next((text for text, heading in blocks if heading), "")
    text = "\n\n".join(text for text, _ in blocks)
    if not text.strip():
        raise UnreadableFile(path, f"the {kind} holds no text")
    return build_article(
        path, title=title, text=text, byline=byline, published=published, language=language
    )
