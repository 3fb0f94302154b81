"""A story the page ships only as data for its scripts, put into the page.

Some sites render the story in the browser: the saved page's body holds menus and an empty
frame, and the story's HTML travels as a string in the data its scripts read — Next.js's
streamed rows (``self.__next_f.push([1, "…"])``, where a long string is a row ``id:T<hex
length>,<text>``) or a JSON script (``__NEXT_DATA__``, ``application/json``). The longest such
HTML, by the text of its paragraphs, goes into the body when the page does not show it, so the
extractor reads it as it reads any story.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

SHIPPED_TEXT = 400
"""Characters of paragraph text from which shipped HTML is a story, not a teaser's blurb."""
SHOWN_SHARE = 0.25
"""The page shows no story of its own when its paragraphs hold less than this share of the
shipped story's text (a profile or a consent dialog in JSON beside a story shown is no story)."""
_OPENING_WORDS = 12  # words of its longest paragraph that, shown on the page, mean it is shown
_STREAM_CALL = re.compile(r"^\s*self\.__next_f\.push\((.*)\)\s*;?\s*$", re.S)
_ROW_HEAD = rb"([0-9a-f]+):(?:T([0-9a-f]{1,8}),)?"
_ROW_AT = re.compile(_ROW_HEAD)  # right after a long text, which ends without a line break
_ROW = re.compile(rb"(?m)^" + _ROW_HEAD)
_HTML_HINT = re.compile(r"<p[\s>]", re.I)


def add_shipped_story(page: lxml.html.HtmlElement) -> None:
    """Put the longest story the page's script data holds at the end of the body, as an
    ``<article>``, when the body shows no story: its own paragraphs are short beside it and
    do not hold its longest paragraph."""
    body = page.find("body")
    if body is None:
        return
    # Markup shorter than this cannot hold text enough to outweigh what the body shows.
    least = max(SHIPPED_TEXT, _paragraph_size(body) / SHOWN_SHARE)
    best: lxml.html.HtmlElement | None = None
    best_text: list[str] = []
    for markup in _shipped_html(page):
        fragment = _fragment(markup) if len(markup) > least else None
        text = _paragraph_text(fragment) if fragment is not None else []
        if len(" ".join(text)) > max(least, len(" ".join(best_text))):
            best, best_text = fragment, text
    if best is None or _shown(body, max(best_text, key=len)):
        return
    story = etree.SubElement(body, "article")
    story.extend(list(best))
    story.text = best.text


def _shipped_html(page: lxml.html.HtmlElement) -> Iterator[str]:
    """Each string of HTML with a paragraph in the page's script data."""
    stream: list[str] = []
    for script in page.iter("script"):
        code = script.text or ""
        called = _STREAM_CALL.match(code)
        if called:
            stream.extend(_pushed(called.group(1)))
        elif (script.get("type") or "").lower() == "application/json":
            yield from _html_strings(_loaded(code))
    yield from _streamed_html("".join(stream))


def _pushed(arguments: str) -> list[str]:
    """The text one ``self.__next_f.push([…])`` adds to the stream."""
    pushed = _loaded(arguments)
    if isinstance(pushed, list) and len(pushed) > 1 and isinstance(pushed[1], str):
        return [pushed[1]]
    return []


def _streamed_html(stream: str) -> Iterator[str]:
    """The HTML of the stream's rows: a long-text row's text, the strings a JSON row holds.
    Rows are read one after the other (a long text holds lines that look like rows)."""
    raw = stream.encode("utf-8")
    at = 0
    while (row := _ROW_AT.match(raw, at) or _ROW.search(raw, at)) is not None:
        if row.group(2) is not None:  # "T<hex length>,": that many bytes of text
            at = row.end() + int(row.group(2), 16)
            text = raw[row.end() : at].decode("utf-8", "replace")
            if _HTML_HINT.search(text):
                yield text
            continue
        line_end = raw.find(b"\n", row.end())
        at = len(raw) if line_end < 0 else line_end + 1
        line = raw[row.end() : at].decode("utf-8", "replace")
        if _HTML_HINT.search(line):
            yield from _html_strings(_loaded(line))


def _loaded(code: str) -> object:
    try:
        return json.loads(code)
    except (ValueError, RecursionError):  # not JSON, or nested past what Python follows
        return None


def _html_strings(value: object) -> Iterator[str]:
    """Every string holding a paragraph's tag, anywhere in a JSON value."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _HTML_HINT.search(item):
                yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _fragment(markup: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def _paragraph_text(fragment: lxml.html.HtmlElement) -> list[str]:
    """The text of each paragraph of the fragment, spaces collapsed."""
    texts = (" ".join(p.text_content().split()) for p in fragment.iter("p"))
    return [text for text in texts if text]


def _paragraph_size(body: lxml.html.HtmlElement) -> int:
    """Characters of the paragraphs the body shows."""
    return len(" ".join(_paragraph_text(body)))


def _shown(body: lxml.html.HtmlElement, paragraph: str) -> bool:
    """Whether the body, outside its scripts, shows the opening words of ``paragraph`` (spaces
    left out: inline tags split words differently in the two)."""
    visible = body.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")
    return "".join(paragraph.split()[:_OPENING_WORDS]) in "".join("".join(visible).split())
