"""Blocks holding thousands of inline elements, thinned before trafilatura reads the page.

trafilatura's paragraph pass takes time that grows with the square of the inline elements one
block holds: a paragraph of 10,000 links or of a ``<span>`` around every word took 13 s a pass,
and an import runs three passes. Such a block is a cloud of links (a tag cloud, a site map
set in one paragraph), never a story's paragraph, or text whose wrappers say nothing a reader
sees as structure.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

CROWDED = 1_000
"""Inline children of one block beyond which it is thinned (about 0.05 s a pass at this size)."""
LINK_SHARE = 0.5
"""Share of a crowded block's text in links that makes it a cloud of links."""
_WRAPPERS = (
    "span", "font", "b", "strong", "i", "em", "small", "big", "u", "mark", "s", "strike", "tt",
    "nobr", "ins", "del", "abbr", "cite", "dfn", "var", "kbd", "label", "time",
)  # fmt: skip
_INLINE = frozenset((*_WRAPPERS, "a"))


def thin_crowded_blocks(page: lxml.html.HtmlElement) -> None:
    """Drop each block of more than ``CROWDED`` inline children whose text is mostly links;
    unwrap the inline children of any other, keeping their text (its tail too)."""
    crowded = [e for e in page.iter() if len(e) > CROWDED and _inline_children(e) > CROWDED]
    for block in crowded:
        if block.getparent() is None:
            continue  # inside a block already dropped
        text = _letters(block.text_content())
        links = sum(_letters(a.text_content()) for a in block.iter("a"))
        if text and links / text > LINK_SHARE:
            block.drop_tree()
            continue
        etree.strip_tags(block, *_INLINE)
        # Stripping leaves thousands of adjacent text nodes, which XPath's text() reads in time
        # growing with the square of their number; setting a text lxml reads whole merges them.
        block.text = block.text
        for child in block:
            child.tail = child.tail


def _letters(text: str) -> int:
    return len("".join(text.split()))


def _inline_children(element: lxml.html.HtmlElement) -> int:
    return sum(1 for child in element if child.tag in _INLINE)
