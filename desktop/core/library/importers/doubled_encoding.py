"""Text a site stored double-encoded, read back as it was typed.

Some sites' systems read their own UTF-8 as Latin-1 or Windows-1252 and store the result:
"isnâ€™t" for "isn’t", "Ã©tÃ©" for "été", "cats.Â " for "cats. " — in a title, in one
paragraph a writer pasted, or through a whole story while the page's menus are right. The page
decodes cleanly, so the damage is in its text, not its bytes. ftfy undoes it where the
characters read back as UTF-8 and look like mojibake, and leaves real text alone ("lâmpada",
"âge", "André’s"); a quick test for a lead byte before a continuation byte keeps it off the
text that cannot hold such a pair.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import lxml.html

_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_DOUBLED = re.compile(
    "[\u00c2-\u00f4]["
    + re.escape(
        _CONTINUATION_BYTES.decode("latin-1")
        + _CONTINUATION_BYTES.decode("cp1252", errors="ignore")
    )
    + "]"
)
"""A UTF-8 lead byte read as Latin-1 or Windows-1252 before a continuation byte read so."""
DOUBLED_SEQUENCE = re.compile(_DOUBLED.pattern + "+")
"""A whole double-encoded character: its lead and continuation bytes, each read as a character."""
_SCRIPTS = frozenset({"script", "style"})
_READ_ATTRIBUTES = ("content", "alt", "title")
"""Attributes whose text the extractor reads: a ``<meta>``'s content (titles, writers), an
image's alternative text and a link's or an abbreviation's title."""


def undouble(text: str) -> str:
    """``text`` as it was typed, or as it is when it holds no double-encoded sequence."""
    if not _DOUBLED.search(text):
        return text
    import ftfy  # 85 ms to import, paid only by text that needs it

    return ftfy.fix_encoding(text)


def undouble_page(page: lxml.html.HtmlElement) -> None:
    """Read back every double-encoded text of the page and of the attributes the extractor
    reads, before the extractor drops the control characters part of it became
    ("isnâ\\x80\\x99t" loses its "\\x80\\x99" and could no longer be read back)."""
    for element in page.iter():
        if element.tag in _SCRIPTS:
            element.tail = element.tail and undouble(element.tail)
            continue
        element.text = element.text and undouble(element.text)
        element.tail = element.tail and undouble(element.tail)
        for name in _READ_ATTRIBUTES:
            value = element.get(name)
            if value:
                element.set(name, undouble(value))
