"""Markdown and plain text built to make a careless pattern scan the same stretch of text from
every one of many starting points. Each took quadratic time in the importers of issue 11
(a 200 KB file ran for minutes); the linear tests and ``bench_importers`` share them.
"""

from __future__ import annotations

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
