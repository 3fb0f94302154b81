"""Markdown: the title from the first heading (or front matter), the markup stripped.

A regex pass, not a Markdown renderer: the stored text must read like the article, and the
few constructs that matter for saved articles (headings, emphasis, links, images, lists,
quotes, code fences, front matter) are enough.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from desktop.core.library.importers.building import build_article, iso_date
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.metadata import clean_byline
from desktop.core.library.importers.plaintext import split_headline
from desktop.core.models import Article

# Every pattern runs in linear time on any input: a scan that fails stops at the next place
# another match could start (a text or URL part excludes the opening bracket or delimiter), so
# no stretch of text is scanned again from each of many starts.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:(.*)$", re.M)
_ATX_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*)$", re.M)
_SETEXT_HEADING = re.compile(r"^(?=[ \t]*\S)(?P<text>[^\n]*)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.M)
_FENCE = re.compile(r"[ ]{0,3}(```|~~~)")
_RULE = re.compile(r"^[ ]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_DESTINATION = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # a URL may hold one level of (parentheses)
_IMAGE = re.compile(r"(?<![ \t])[ \t]*!\[[^\[\]]*\]" + _DESTINATION)  # with the space before
_LINK = re.compile(r"\[([^\[\]]+)\]" + _DESTINATION)
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_REF_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]+\S.*$", re.M)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_CODE = re.compile(r"`(?<!``)`*([^`]+)`+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"^[ \t]*(?:• |\d+[.)][ \t])")
_BYLINE = re.compile(r"by[ \t]+\S[^\n]{0,80}\Z", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def _paired(delimiter: str) -> re.Pattern[str]:
    """``**strong**``, ``__strong__`` or ``~~strike~~`` on one line; the inner text may hold the
    delimiter's character alone (``**a *b* c**``) but never the delimiter itself."""
    mark, char = re.escape(delimiter), re.escape(delimiter[0])
    return re.compile(rf"{mark}(?=\S)((?:[^{char}\n]|{char}(?!{char}))+?)(?<=\S){mark}")


def _emphasis(char: str) -> re.Pattern[str]:
    """``*emphasis*`` or ``_emphasis_`` on one line, not inside a word; the inner text may hold
    the character only inside a word (``_snake_case_``)."""
    c = re.escape(char)
    return re.compile(
        rf"{c}(?<![\w*]{c})(?=\S)((?:[^{c}\n]|(?<=\w){c}(?=\w))+?)(?<=\S){c}(?![\w*])"
    )


_STRONG = (_paired("**"), _paired("__"))
_STRIKE = _paired("~~")
_EMPHASIS = (_emphasis("*"), _emphasis("_"))


def parse_markdown(text: str, path: Path) -> list[Article]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        fields = _FRONT_FIELD.findall(front.group(1))
        meta = {k.lower(): v.strip(" \t").strip("\"'") for k, v in fields}
        text = text[front.end() :]
    title = meta.get("title", "")
    if not title:
        title, text = _take_first_heading(text)
    body = strip_markdown(text)
    if not title:
        title, body = split_headline(body)
    byline, body = _take_byline(body)
    if not body.strip():
        raise UnreadableFile(path, "no text in the Markdown file")
    return [
        build_article(
            path,
            title=strip_markdown(title),
            text=body,
            byline=meta.get("author", "") or byline,
            source=meta.get("source", "") or meta.get("publisher", ""),
            url=meta.get("url", "") or meta.get("link", ""),
            published=iso_date(meta.get("date", "")),
            language=meta.get("lang", "") or meta.get("language", ""),
        )
    ]


def _take_byline(body: str) -> tuple[str, str]:
    """A "By Jane Doe" line opening the text: the names, and the text without that line."""
    first, _, rest = body.lstrip().partition("\n\n")
    if not _BYLINE.match(first):
        return "", body
    names = clean_byline(first, set())
    return (names, rest) if names else ("", body)


def _take_first_heading(text: str) -> tuple[str, str]:
    """The first heading's text and the document without it."""
    candidates = [m for m in (_ATX_HEADING.search(text), _SETEXT_HEADING.search(text)) if m]
    if not candidates:
        return "", text
    first = min(candidates, key=lambda m: m.start())
    heading = _atx_text(first) if first.re is _ATX_HEADING else first.group("text")
    return heading.strip(), text[: first.start()] + text[first.end() :]


def _atx_text(match: re.Match[str]) -> str:
    """An ATX heading's text without its optional closing ``#``s (after a space)."""
    text = match.group(1).rstrip(" \t")
    unclosed = text.rstrip("#")
    if unclosed != text and (not unclosed or unclosed[-1] in " \t"):
        text = unclosed.rstrip(" \t")
    return text


def strip_markdown(text: str) -> str:
    """Plain reading text from Markdown; paragraphs and list items keep their own lines."""
    text = _strip_fences(text)
    text = _REF_DEFINITION.sub("", text)
    text = _RULE.sub("", text)
    text = _ATX_HEADING.sub(_atx_text, text)
    text = _SETEXT_HEADING.sub(lambda m: m.group("text").rstrip(" \t"), text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub(r"\1• ", text)
    text = _IMAGE.sub("", text)  # alt text describes a picture the reader does not see
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _HTML_TAG.sub("", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for pattern in (*_STRONG, _STRIKE, *_EMPHASIS):
        text = pattern.sub(lambda m: m.group(1), text)
    return _unwrap(_ESCAPE.sub(r"\1", text))


def _strip_fences(text: str) -> str:
    """Code fences (```` ``` ```` or ``~~~`` lines around code) removed, the code kept; a fence
    never closed stays as written. One pass over the lines: where the last closing line of each
    kind is, is known before the first opening one is met."""
    lines = text.split("\n")
    fences = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _FENCE.match(line))]
    if not fences:
        return text
    closers = {mark: i for i, mark in fences if lines[i].strip(" \t") == mark}
    kept: list[str] = []
    opened = ""
    for i, line in enumerate(lines):
        fence = _FENCE.match(line)
        if opened:
            if fence and line.strip(" \t") == opened:
                opened = ""
                kept.append("")
            else:
                kept.append(line)
        elif fence and closers.get(fence.group(1), -1) > i:
            opened = fence.group(1)
        else:
            kept.append(line)
    return "\n".join(kept)


def _unwrap(text: str) -> str:
    """Join soft-wrapped lines of a paragraph, as a Markdown renderer would; list items and
    hard breaks (two trailing spaces) keep their own lines."""
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = block.split("\n")
        parts = [lines[0]]
        for previous, line in itertools.pairwise(lines):
            keep_break = previous.endswith("  ") or _LIST_ITEM.match(line)
            parts.append(("\n" if keep_break else " ") + line.strip())
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs)
