"""Paragraphs a page writes as loose text beside its ``<p>`` elements.

Older pages use ``<p>`` as a separator, not a wrapper: ``<div>LAHORE, Pakistan -- At least 22
police … <p>The bomber …`` shows the lead as the story's first paragraph, but it is the
container's own text (or the tail of an image or an ad box before it), not an element.
trafilatura reads the ``<p>`` elements of a container full of them and passes over its loose
text, so such a story came out without its lead. A browser shows that text as a block of its
own; here it becomes the ``<p>`` it is on screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html

_INLINE = frozenset(
    {
        "a", "abbr", "b", "big", "br", "cite", "code", "del", "dfn", "em", "font", "i", "img",
        "ins", "kbd", "label", "mark", "nobr", "q", "s", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr",
    }
)  # fmt: skip
_PARAGRAPH_WORDS = 8
"""Words below which loose text is a label, a separator or a byline, not a paragraph."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def wrap_loose_paragraphs(page: lxml.html.HtmlElement) -> None:
    """Wrap each run of loose text (with its links and emphasis) in a container that also
    holds ``<p>`` elements into a ``<p>`` of its own, when it reads as one: sentences, not a
    headline, a label, a menu of links or a widget's figures."""
    for holder in [h for h in page.iter() if _holds_paragraphs(h)]:
        for before, members, text in reversed(list(_runs(holder))):
            if not _loose_paragraph(text, members):
                continue
            paragraph = lxml.html.Element("p")
            paragraph.text = text
            if before is None:
                holder.text = None
                holder.insert(0, paragraph)
            else:
                before.tail = None
                before.addnext(paragraph)
            paragraph.extend(members)  # each member brings its own tail along


def _runs(
    holder: lxml.html.HtmlElement,
) -> Iterator[tuple[lxml.html.HtmlElement | None, list[lxml.html.HtmlElement], str]]:
    """The holder's runs of inline content between its blocks: the block the run follows
    (``None`` at the start), the inline elements in it and the loose text it opens with."""
    before: lxml.html.HtmlElement | None = None
    text = holder.text or ""
    members: list[lxml.html.HtmlElement] = []
    for child in holder:
        if _inline(child):
            members.append(child)
            continue
        yield before, members, text
        before, text, members = child, child.tail or "", []
    yield before, members, text


def _inline(element: lxml.html.HtmlElement) -> bool:
    """Inline markup holding no block (an old page's ``<font>`` may wrap whole paragraphs);
    a comment is carried along with the text around it."""
    if not isinstance(element.tag, str):
        return True
    return element.tag in _INLINE and not any(
        isinstance(d.tag, str) and d.tag not in _INLINE for d in element.iterdescendants()
    )


def _holds_paragraphs(holder: lxml.html.HtmlElement) -> bool:
    """A container of the story: one of its ``<p>`` is a paragraph (a page may set its
    headline or a label as a ``<p>`` over a story written loose, which trafilatura reads)."""
    return any(_reads_as_paragraph(p.text_content().split()) for p in holder.iterchildren("p"))


def _loose_paragraph(text: str, members: list[lxml.html.HtmlElement]) -> bool:
    """A run that reads as a paragraph and is mostly not the text of links."""
    shown = [text]
    linked = 0
    for member in members:
        if isinstance(member.tag, str):
            shown.append(member.text_content())
            linked += sum(len(a.text_content().strip()) for a in member.iter("a"))
        shown.append(member.tail or "")
    words = " ".join(shown).split()
    return _reads_as_paragraph(words) and 2 * linked < len("".join(words))


def _reads_as_paragraph(words: list[str]) -> bool:
    """Long enough and ending as a sentence does: not a headline, a label or a widget."""
    return len(words) >= _PARAGRAPH_WORDS and bool(_SENTENCE_END.search(words[-1]))
