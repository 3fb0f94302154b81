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
from desktop.core.library.importers.plaintext import split_headline
from desktop.core.models import Article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_ATX_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT_HEADING = re.compile(r"^(?P<text>[^\n]*\S)[ \t]*\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.M)
_FENCE = re.compile(r"^[ ]{0,3}(```|~~~)[^\n]*\n(.*?)^[ ]{0,3}\1[ \t]*$", re.M | re.S)
_RULE = re.compile(r"^[ ]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]+\S.*$", re.M)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`+([^`]+)`+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"^[ \t]*(?:• |\d+[.)][ \t])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def parse_markdown(text: str, path: Path) -> list[Article]:
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        meta = {k.lower(): v.strip("\"'") for k, v in _FRONT_FIELD.findall(front.group(1))}
        text = text[front.end() :]
    title = meta.get("title", "")
    if not title:
        title, text = _take_first_heading(text)
    body = strip_markdown(text)
    if not title:
        title, body = split_headline(body)
    if not body.strip():
        raise UnreadableFile(path, "no text in the Markdown file")
    return [
        build_article(
            path,
            title=strip_markdown(title),
            text=body,
            byline=meta.get("author", ""),
            source=meta.get("source", "") or meta.get("publisher", ""),
            url=meta.get("url", "") or meta.get("link", ""),
            published=iso_date(meta.get("date", "")),
            language=meta.get("lang", "") or meta.get("language", ""),
        )
    ]


def _take_first_heading(text: str) -> tuple[str, str]:
    """The first heading's text and the document without it."""
    candidates = [m for m in (_ATX_HEADING.search(text), _SETEXT_HEADING.search(text)) if m]
    if not candidates:
        return "", text
    first = min(candidates, key=lambda m: m.start())
    heading = first.group(2) if first.re is _ATX_HEADING else first.group("text")
    return heading.strip(), text[: first.start()] + text[first.end() :]


def strip_markdown(text: str) -> str:
    """Plain reading text from Markdown; paragraphs and list items keep their own lines."""
    text = _FENCE.sub(lambda m: m.group(2), text)
    text = _REF_DEFINITION.sub("", text)
    text = _RULE.sub("", text)
    text = _ATX_HEADING.sub(lambda m: m.group(2), text)
    text = _SETEXT_HEADING.sub(lambda m: m.group("text"), text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub(r"\1• ", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _HTML_TAG.sub("", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _STRONG.sub(lambda m: m.group(2), text)
    text = _STRIKE.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    return _unwrap(_ESCAPE.sub(r"\1", text))


def _unwrap(text: str) -> str:
    """Join soft-wrapped lines of a paragraph, as a Markdown renderer would; list items and
    hard breaks (two trailing spaces) keep their own lines."""
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = block.split("\n")
        joined = lines[0]
        for previous, line in itertools.pairwise(lines):
            keep_break = previous.endswith("  ") or _LIST_ITEM.match(line)
            joined += ("\n" if keep_break else " ") + line.strip()
        paragraphs.append(joined)
    return "\n\n".join(paragraphs)
