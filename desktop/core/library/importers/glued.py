"""A story the extractor ran together on one line, put back in paragraphs.

Finding no paragraphs it trusts, trafilatura falls back on an ``<article>``'s whole text as one
string: breadcrumbs, byline, the writer's profile and 2,000 words of story on one line (pages
of a large publisher's template, an older wire service's). The line is cut again where the
page's own blocks, or the lines of trafilatura's recall pass, meet in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html

from desktop.core.library.importers.element_text import element_text

GLUED_WORDS = 300
"""Words of one line from which, if it holds most of the text, the text was run together."""
UNGLUED_SHARE = 0.8
_GLUE_END = 80  # characters of a glued line's start and end that find its element
_GLUE_GAP = 20  # characters between two of a glued line's blocks (a separator, a bullet)
_PIECE_WORDS = 4  # words of a block that may stand further on in a glued line
_HOLDERS = ("article", "main", "section", "div", "body", "p", "td", "li", "blockquote")
_LIST_MARK = re.compile(r"^\s*[-•*]\s+")


def unglued(
    page: lxml.html.HtmlElement, lines: list[str], recall: Callable[[], list[str]]
) -> list[str]:
    """``lines`` with each glued line (``GLUED_WORDS`` words or more, most of the text) in
    paragraphs: the lines of the recall pass (``recall``) it holds, when they make up
    ``UNGLUED_SHARE`` of it, else the blocks of the element it is the text of. Lines of the
    recall pass that the glued line lacks (a menu) stay out."""
    if not _glued(lines):
        return lines
    wider = recall()
    out: list[str] = []
    for line in lines:
        if len(line.split()) < GLUED_WORDS:
            out.append(line)
            continue
        whole = _squeezed(line)
        parts = _pieces(whole, wider)
        if not _glued(parts) and sum(len(_bare(p)) for p in parts) >= UNGLUED_SHARE * len(whole):
            out.extend(parts)
        else:
            out.extend(_blocks_of(page, line))
    return out


def _glued(lines: list[str]) -> bool:
    """A line of ``GLUED_WORDS`` words or more holding most of the text's words."""
    counts = [len(line.split()) for line in lines]
    return max(counts, default=0) >= GLUED_WORDS and 2 * max(counts) > sum(counts)


def _blocks_of(page: lxml.html.HtmlElement, line: str) -> list[str]:
    """``line`` as the blocks (paragraphs, headings, list items) of the smallest element whose
    text holds it whole, those blocks the line holds; the line itself when no element does.
    Text is compared without its spaces, which a page's markup may or may not put between
    blocks and cells."""
    whole = _squeezed(line)
    ends = (whole[:_GLUE_END], whole[-_GLUE_END:])
    holders = (
        (e, text)
        for e in page.iter(*_HOLDERS)
        if len(text := _squeezed(e.text_content())) >= len(whole) and all(x in text for x in ends)
    )
    holder = min(holders, key=lambda found: len(found[1]), default=None)
    if holder is None:
        return [line]
    return _pieces(whole, element_text(holder[0]).split("\n\n")) or [line]


def _pieces(whole: str, texts: list[str]) -> list[str]:
    """The ``texts`` that ``whole`` (a glued line without spaces) holds one after another,
    each once. A short text (a menu's "NEWS", a heading) must follow the last one found
    closely, as a sentence further on may hold its words too; a longer one may stand further
    on (the glued line's breadcrumbs and byline, which the recall pass left out, before it)."""
    found: list[str] = []
    start = 0
    for text in texts:
        part = _bare(text)
        at = whole.find(part, start) if part else -1
        if at < 0 or (at > start + _GLUE_GAP and len(text.split()) < _PIECE_WORDS):
            continue
        found.append(text)
        start = at + len(part)
    return found


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _bare(line: str) -> str:
    """A line of the text as its words stand in the page: no list marker, no table rules."""
    return _squeezed(_LIST_MARK.sub("", line).replace("|", ""))
