"""Rich Text Format (.rtf): press releases, wire copy, TextEdit's and WordPad's documents.

The text comes from striprtf (its code page, ``\\uN`` characters and hidden groups — fonts,
pictures, the document's properties — as the format has them); the title, author and creation
date from the document's ``\\info`` group, else a short first line is the title as in a plain
text file. A message Outlook kept only as compressed rich text is read here too.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.core.library.importers.building import build_article
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.plaintext import split_headline
from desktop.core.models import Article

RTF_START = b"{\\rtf"
_INFO_FIELD = r"\{\\%s\s*((?:[^{}\\]|\\[^{}]|\{[^{}]*\})*)\}"
_CREATED = re.compile(r"\{\\creatim((?:\\[a-z]+-?\d+\s*)+)\}")
_TIME_PART = re.compile(r"\\(yr|mo|dy)(-?\d+)")
_UNICODE_ESCAPE = re.compile(r"\\u(-?\d+)")


def parse_rtf(data: bytes, path: Path) -> list[Article]:
    if not data.lstrip().startswith(RTF_START):
        raise UnreadableFile(path, "not a Rich Text Format document (no {\\rtf at its start)")
    document = data.decode("latin-1")  # RTF is 7-bit; its escapes name the code page
    text = rtf_text(document, path)
    if not text.strip():
        raise UnreadableFile(path, "the RTF document holds no text")
    title = _info(document, "title", path)
    if not title:
        title, text = split_headline(text)
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


def rtf_text(document: str, path: Path) -> str:
    """The text of an RTF document, its paragraphs (``\\par``) apart by a blank line; a broken
    escape reads as "?"."""
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(_UNICODE_ESCAPE.sub(_in_range, document), errors="replace")
    except (ValueError, IndexError, LookupError, RecursionError) as exc:
        reason = str(exc) or type(exc).__name__
        raise UnreadableFile(path, f"a damaged RTF document ({reason})") from exc
    # A character beyond the first 65,536 is written as its two UTF-16 halves ("\\u-10179?").
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


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
