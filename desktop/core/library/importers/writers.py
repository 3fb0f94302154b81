"""Every writer of a web page, where the extractor reads only the first.

trafilatura gives one author for a story written by several when the byline marks each writer
in its markup: the first of the ``rel="author"`` links of "Julia Carrie Wong and Sam Levin",
the first ``itemprop="author"`` of a schema.org byline. (A page's ``<meta name="author">``
listing several it reads whole.) The byline is read again here, starting from the name the
extractor found, so writers marked elsewhere on the page (a sidebar's) are never taken for the
story's.
"""

from __future__ import annotations

import re

import lxml.html

_LIST = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_BYLINE_WORDS = 40  # words of a byline's element: more is a box of profiles or a story
_MARKED = (
    ".//*[contains(concat(' ', normalize-space(@rel), ' '), ' author ')"
    " or contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' byline-author ')]"
)
"""Elements marking a writer: a ``rel`` or ``itemprop`` of "author", a ``byline-author``
class, each as one of the attribute's words ("author creator")."""


def all_writers(page: lxml.html.HtmlElement, author: str) -> str:
    """``author`` with the writers the page names beside it, "; "-separated; ``author`` as it
    is when the page names no others with it, or when it lists several already (the extractor
    read the list)."""
    if not author or len(_LIST.split(author)) > 1:
        return author
    names = _marked(page, _key(author))
    return "; ".join(names) if names else author


def _marked(page: lxml.html.HtmlElement, first: str) -> list[str]:
    """The writers marked as such in the byline that holds ``first``: the marked elements
    under the nearest short parent of the one naming ``first`` that holds other names too."""
    found = page.xpath(_MARKED)
    # The innermost marks: a byline marked whole holds the marked name and its date.
    marked = [m for m in found if not any(_within(other, m) for other in found)]
    for element in marked:
        if _key(element.text_content()) != first:
            continue
        parent = element.getparent()
        while parent is not None and len(parent.text_content().split()) <= _BYLINE_WORDS:
            inside = (m.text_content() for m in marked if _within(m, parent))
            names = list(dict.fromkeys(" ".join(n.split()) for n in inside if n.strip()))
            if len(names) > 1:
                return names
            parent = parent.getparent()
        return []
    return []


def _within(element: lxml.html.HtmlElement, parent: lxml.html.HtmlElement) -> bool:
    return any(ancestor is parent for ancestor in element.iterancestors())


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
