"""Markdown, plain text and HTML built to make a careless pattern scan the same stretch of text
from every one of many starting points. Each took quadratic time in the importers of issue 11
(a 200 KB file ran for minutes), the HTML ones in issue 14 (a 60,000-letter word 7 s, a
paragraph of 10,000 links 40 s); the linear tests and ``bench_importers`` share them.
"""

from __future__ import annotations

import json
from collections.abc import Callable

Builder = Callable[[int], str]
"""Text of about ``size`` characters."""


def _repeat(unit: str) -> Builder:
    return lambda size: unit * max(1, size // len(unit))


def _between(head: str, fill: str, tail: str) -> Builder:
    return lambda size: head + fill * max(1, (size - len(head) - len(tail)) // len(fill)) + tail


MARKDOWN: dict[str, Builder] = {
    "open brackets": _repeat("["),
    "open images": _repeat("!["),
    "unclosed link targets": _repeat("[a]("),
    "unclosed image targets": _repeat("![a]("),
    "unclosed tags": _repeat("<a"),
    "unclosed autolinks": _repeat("<http:"),
    "backtick run": _repeat("`"),
    "spaced strong openers": _repeat(" **a"),
    "spaced emphasis openers": _repeat(" *a"),
    "spaced underscore openers": _repeat(" _a"),
    "underscores between words": _repeat("_a "),
    "spaced strike openers": _repeat(" ~~a"),
    "heading with a long gap": _between("# a", " ", "b\n\nbody"),
    "unclosed backtick fences": _repeat("```x\n"),
    "unclosed tilde fences": _repeat("~~~x\n"),
    "unclosed reference labels": _repeat("[x\n"),
    "front matter with a long gap": _between("---\ntitle:", " ", "x\n---\nbody"),
}
PLAIN_TEXT: dict[str, Builder] = {
    "spaces without a line end": _between("x", " ", "x"),
    "no-break spaces": _between("a", "\u00a0", "b"),
    "tabs and spaces": _between("x", "\t ", "x"),
    "short lines": _repeat("a\n"),
}

STORY = (
    "The council voted on Tuesday to close the old harbour bridge to heavy lorries after "
    "engineers found cracks in two of its girders."
)
"""The one real paragraph of each hostile page, after the hostile one."""


def _page(unit: str) -> Builder:
    def build(size: int) -> str:
        fill = unit * max(1, size // len(unit))
        return (
            "<html><head><title>Hostile</title></head><body><article><h1>Hostile</h1>"
            f"<p>{fill}</p><p>{STORY}</p></article></body></html>"
        )

    return build


def _stream_page(head: str, unit: str) -> Builder:
    """A page showing a short story whose Next.js stream is ``head`` and ``unit`` repeated."""

    def build(size: int) -> str:
        stream = head + unit * max(1, size // len(unit))
        return (
            "<html><head><title>Hostile</title></head><body><article><h1>Hostile</h1>"
            f"<p>{STORY}</p></article><script>self.__next_f.push({json.dumps([1, stream])})"
            "</script></body></html>"
        )

    return build


HTML: dict[str, Builder] = {
    "one long word": _page("a"),
    "one long dotted word": _page("a."),
    "one long word of at signs": _page("a@"),
    "one long word of slashes": _page("a/"),
    "answer labels": _page("A: "),
    "a paragraph of links": _page("<a href='/x'>x</a> "),
    "a span around every word": _page("<span>word</span> "),
    "a stream of short text rows": _stream_page("", "a:T4,<p>x"),
    "a stream of lines of JSON": _stream_page("", '1:["<p>",\n'),
    "a stream of one row nested deep": _stream_page("1:", '["<p>",'),
}
