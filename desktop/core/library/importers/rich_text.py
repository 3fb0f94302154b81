"""Rich Text Format (.rtf): press releases, wire copy, TextEdit's and WordPad's documents.

The text comes from striprtf (its code page, ``\\uN`` characters and hidden groups — fonts,
pictures, the document's properties — as the format has them); the title, author and creation
date from the document's ``\\info`` group, else a short first line is the title as in a plain
text file. Footnotes, endnotes and reviewers' comments, which striprtf leaves out with the other
hidden groups, follow the text under their labels, as for a Word file. A message Outlook kept
only as compressed rich text is read here too.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.core.library.importers.building import (
    build_article,
    comment_line,
    notes_blocks,
    running_paragraphs,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.plaintext import split_headline
from desktop.core.models import Article

RTF_START = b"{\\rtf"
_INFO_FIELD = r"\{\\%s\s*((?:[^{}\\]|\\[^{}]|\{[^{}]*\})*)\}"
_CREATED = re.compile(r"\{\\creatim((?:\\[a-z]+-?\d+\s*)+)\}")
_TIME_PART = re.compile(r"\\(yr|mo|dy)(-?\d+)")
_UNICODE_ESCAPE = re.compile(r"\\u(-?\d+)")
_STRAY_IGNORABLE = re.compile(r"\\\\|(\{[ \t\r\n]*)?\\\*")
_NOTE = re.compile(
    r"\{\\(?:footnote\s?(?P<endnote>\\ftnalt)?|\*\\(?P<comment>annotation)|\*\\(?P<author>atnauthor)\s?)"
)
"""Where a footnote (an endnote with ``\\ftnalt``), a comment, or a comment's author opens."""
_RUNNING = re.compile(r"\{\\(?:header|footer)[lrf]?(?![a-z])")
"""Where a page header or footer opens."""
_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)
_CODE_PAGE = re.compile(r"\\ansicpg\d+")


def parse_rtf(data: bytes, path: Path) -> list[Article]:
    if not data.lstrip().startswith(RTF_START):
        raise UnreadableFile(path, "not a Rich Text Format document (no {\\rtf at its start)")
    document = data.decode("latin-1")  # RTF is 7-bit; its escapes name the code page
    text = rtf_text(document, path) or _running_text(document, path)
    if not text.strip():
        raise UnreadableFile(path, "the RTF document holds no text")
    title = _info(document, "title", path)
    if not title:
        title, text = split_headline(text)
    notes = notes_blocks(*_notes(document, path))
    text = "\n\n".join([text, *(note for note, _ in notes)])
    article = build_article(
        path,
        title=title,
        text=text,
        byline=_info(document, "author", path),
        published=_created(document),
    )
    if not article.text.strip():  # only characters the stored text leaves out
        raise UnreadableFile(path, "the RTF document holds no text")
    return [article]


def compressed_rtf_text(compressed: bytes, path: Path) -> str:
    """The text of the compressed RTF ([MS-OXRTFCP]) Outlook keeps a message's body in."""
    from compressed_rtf import decompress

    try:
        document = decompress(compressed)
    except Exception as exc:  # the library raises bare exceptions on a damaged stream
        raise UnreadableFile(path, f"the Outlook message's rich text is damaged ({exc})") from exc
    return rtf_text(document.decode("latin-1"), path)


def rtf_text(document: str, path: Path) -> str:
    """The text of an RTF document, its paragraphs (``\\par``) apart by a blank line; a broken
    escape reads as "?"."""
    from striprtf.striprtf import rtf_to_text

    try:
        readable = _STRAY_IGNORABLE.sub(_ignorable_kept, _UNICODE_ESCAPE.sub(_in_range, document))
        text = rtf_to_text(readable, errors="replace")
    except (ValueError, IndexError, LookupError, RecursionError) as exc:
        reason = str(exc) or type(exc).__name__
        raise UnreadableFile(path, f"a damaged RTF document ({reason})") from exc
    # A character beyond the first 65,536 is written as its two UTF-16 halves ("\\u-10179?").
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _ignorable_kept(found: re.Match[str]) -> str:
    """``\\*`` where RTF allows it, right after a group's "{" (a destination a reader may
    skip); elsewhere nothing: StarWriter writes "\\b0\\*\\cs7 The quick brown fox…" inside a
    paragraph's group, and a reader that skipped the group lost its words. An escaped
    backslash stays as it is."""
    return found.group() if found.group() == "\\\\" or found.group(1) is not None else ""


def _opening(document: str) -> str:
    """The start of a document of one of its groups: RTF's, and the document's code page."""
    head = _CODE_PAGE.search(document[:4096])
    return "{\\rtf1\\ansi" + (head.group() if head else "") + " "


def _running_text(document: str, path: Path) -> str:
    """The words of the page headers and footers, which are left out as running lines: read
    when they are all a document holds (a record card or a letter laid out in its header)."""
    opening = _opening(document)
    texts = (
        rtf_text(opening + document[found.end() : end] + "}", path)
        for found, end in _groups(document, _RUNNING)
    )
    return "\n\n".join(running_paragraphs("\n\n".join(texts).split("\n\n")))


def _notes(document: str, path: Path) -> tuple[list[str], list[str], list[str]]:
    """The document's footnotes, endnotes and comments (each with its author), in order."""
    opening = _opening(document)
    footnotes: list[str] = []
    endnotes: list[str] = []
    comments: list[str] = []
    author = ""
    for found, end in _groups(document, _NOTE):
        inner = document[found.end() : end]
        text = " ".join(rtf_text(opening + inner + "}", path).split("\n\n")).strip()
        if found.group("author"):
            author = text
        elif found.group("comment"):
            comments.append(comment_line(author, text))
            author = ""
        else:
            (endnotes if found.group("endnote") else footnotes).append(text)
    return footnotes, endnotes, comments


def _groups(document: str, opening: re.Pattern[str]) -> list[tuple[re.Match[str], int]]:
    """The groups ``opening`` finds, in order, each with where it closes (before its "}"),
    found in one pass over the braces: a group left open, or one inside another such group,
    is none (a damaged or hostile file could otherwise make each reach to the end)."""
    starts = {found.start(): found for found in opening.finditer(document)}
    if not starts:
        return []
    groups = []
    braces: list[int] = []
    note = -1  # where the note group now open starts
    for token in _BRACE.finditer(document):
        if token.group() == "{":
            braces.append(token.start())
            if note < 0 and token.start() in starts:
                note = token.start()
        elif token.group() == "}" and braces and braces.pop() == note:
            groups.append((starts[note], token.start()))
            note = -1
    return groups


def _in_range(escape: re.Match[str]) -> str:
    """A ``\\uN`` escape as written when N is a 16-bit number, else a question mark's."""
    return escape.group(0) if -32768 <= int(escape.group(1)) <= 65535 else "\\u63"


def _info(document: str, field: str, path: Path) -> str:
    """A field of the document's properties (``{\\info{\\title …}}``), escapes decoded."""
    found = re.search(_INFO_FIELD % field, document[: 1 << 20])
    if not found:
        return ""
    return " ".join(rtf_text("{\\rtf1 " + found.group(1) + "}", path).split())


def _created(document: str) -> str:
    """The day the document was created (``{\\creatim\\yr2025\\mo11\\dy18}``)."""
    found = _CREATED.search(document[: 1 << 20])
    if not found:
        return ""
    parts = {key: int(value) for key, value in _TIME_PART.findall(found.group(1))}
    try:
        return date(parts["yr"], parts["mo"], parts["dy"]).isoformat()
    except (KeyError, ValueError):
        return ""
