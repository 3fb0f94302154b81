"""Text from pages and users written into Markdown and YAML so it stays text.

A note, a quote or a title may hold anything: ```` ``` ````, ``---``, ``# ``, ``> ``, HTML,
link syntax, Obsidian's ``%%``, ``==`` and ``$``, control characters. Escaped here, it renders
as exactly the characters the user wrote and can never open a block, end one, or hide the
text that follows.
"""

from __future__ import annotations

import re
import unicodedata

# Punctuation that means something anywhere in a line (CommonMark, GFM, Obsidian). Every ASCII
# punctuation character may be backslash-escaped in CommonMark, so escaping shows it as is.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~=&$%^{}!])")
# Punctuation that means something only at the start of a line: list items, block quotes,
# ordered lists ("1." / "1)").
_LINE_START = re.compile(r"^([-+>])|^(\d+)([.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Obsidian tags: letters, digits, "_", "-", "/", and at least one character that is not a digit.
_NOT_TAG = re.compile(r"[^\w/-]+")
# A URL that can stand as an autolink: nothing in it may end the link or break the line.
_SAFE_URL = re.compile(r"https?://[^\s<>\x00-\x1f\x7f-\x9f]+")
_TAG_WORDS = {"+": "plus", "#": "sharp", "&": "and", "@": "at"}
REPLACEMENT = "\ufffd"


def text_lines(text: str) -> list[str]:
    """``text`` split at every line break a Markdown reader or editor knows (``\\r`` too), with
    other control characters shown as U+FFFD (they have no glyph and some end a line)."""
    return [_CONTROL.sub(REPLACEMENT, line) for line in text.splitlines()]


def without_controls(text: str) -> str:
    """``text`` with control characters but line breaks and tabs shown as U+FFFD."""
    return _CONTROL.sub(REPLACEMENT, text)


def escape_inline(text: str) -> str:
    """A piece of a line (blanks kept) as Markdown that renders to the same characters; what
    means something only at a line's start is left to ``escape_line``."""
    return _INLINE.sub(r"\\\1", without_controls(text))


def escape_line(line: str) -> str:
    """One line of text as Markdown that renders to the same characters and nothing else.

    Leading blanks are dropped (four would start a code block; rendered Markdown drops them
    anyway)."""
    return escape_line_start(_INLINE.sub(r"\\\1", line.lstrip(" \t")))


def escape_line_start(line: str) -> str:
    """A line whose pieces are escaped already (``escape_inline``): leading blanks dropped,
    a list or quote mark at its start escaped."""
    line = line.lstrip(" \t")
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def paragraphs(text: str) -> list[str]:
    """``text`` as escaped Markdown lines; runs of blank lines become one blank line."""
    out: list[str] = []
    for line in text_lines(text):
        escaped = escape_line(line)
        if escaped.strip():
            out.append(escaped)
        elif out and out[-1]:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return out


def block_quote(text: str) -> list[str]:
    """``text`` as one block quote: every line, blank ones too, starts with ``>``."""
    return [f"> {line}" if line else ">" for line in paragraphs(text)] or [">"]


def one_line(text: str) -> str:
    """``text`` escaped for a heading or a list line: line breaks become spaces."""
    return escape_line(" ".join(" ".join(text_lines(text)).split()))


def markdown_url(url: str) -> str:
    """``url`` as an autolink ``<https://…>``, or as escaped text when it is not a web address
    or holds what could end the link (or Obsidian's ``%%`` comment)."""
    if _SAFE_URL.fullmatch(url) and "%%" not in url:
        return f"<{url}>"
    return one_line(url)


def obsidian_tag(tag: str) -> str:
    """``tag`` as a valid Obsidian tag (without ``#``).

    ``+ # & @`` become words (``C++`` → ``Cplusplus``, ``C#`` → ``Csharp``), every other run of
    characters Obsidian does not allow becomes ``-``, and a tag of digits only gets a leading
    ``_`` (``2019`` → ``_2019``): Obsidian ignores tags with no letter.
    """
    spelled = "".join(_TAG_WORDS.get(c, c) for c in unicodedata.normalize("NFC", tag))
    clean = _NOT_TAG.sub("-", spelled).strip("-")
    if not clean or clean.replace("/", "").replace("-", "").isdigit():
        clean = "_" + clean
    return clean


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that every YAML parser reads back exactly.

    Characters YAML does not allow raw in a stream (C0 and C1 controls, DEL, surrogates, the
    byte order mark) or reads as line breaks (NEL, U+2028, U+2029) are written as escapes.
    """
    out = ['"']
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code <= 0x7E or (code >= 0xA0 and not _yaml_escaped(code)):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}")
    out.append('"')
    return "".join(out)


def _yaml_escaped(code: int) -> bool:
    return 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)


def front_matter(fields: list[tuple[str, str | list[str]]]) -> list[str]:
    """A YAML front matter block (and the blank line after it) whose values read back exactly:
    a list value is written as a block sequence."""
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, list):
            lines.append(f"{key}:" + ("" if value else " []"))
            lines += [f"  - {yaml_string(item)}" for item in value]
        else:
            lines.append(f"{key}: {yaml_string(value)}")
    return [*lines, "---", ""]
