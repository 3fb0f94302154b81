"""Plain text, including the seed format: an optional first line `` date YYYY-MM-DD``.

The title is a short first line (a headline: few words, no closing full stop) when one is
followed by more text; otherwise it comes from the file name.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.library.importers.building import build_article, iso_date
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article

_DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
HEADLINE_MAX_CHARS = 120
HEADLINE_MAX_WORDS = 20


def split_headline(text: str) -> tuple[str, str]:
    """``(headline, body)`` when the first line reads as a headline, else ``("", text)``."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    looks_like_headline = (
        0 < len(first) <= HEADLINE_MAX_CHARS
        and len(first.split()) <= HEADLINE_MAX_WORDS
        and not first.endswith((".", ",", ";", ":"))
        and rest.strip()
    )
    return (first, rest) if looks_like_headline else ("", text)


def parse_plaintext(text: str, path: Path) -> list[Article]:
    published = ""
    header = _DATE_HEADER.match(text)
    if header:
        published = iso_date(header.group(1))
        text = text[header.end() :]
    if not text.strip():
        raise UnreadableFile(path, "no text after the date line" if header else "file is empty")
    title, body = split_headline(text)
    return [build_article(path, title=title, text=body, published=published)]
