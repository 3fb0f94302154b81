"""Lines after the story that the page holds outside it: a footer's notice, a sidebar's teasers.

trafilatura now and then takes what follows a story on the page along with it: "Sign up for
breaking news alerts", the site's copyright and terms, a job board, a column of teasers. The
story's text sits in one part of the page, the deepest element that holds ``STORY_SHARE`` of its
words; lines at the end of the text that the page holds outside that element are the page's,
not the story's. A line set in a paragraph made like the story's (the same parent, by tag and
class) is the story's still: the end of a body the page split into blocks; so is a line
beside a line of the story in the same block (when one long paragraph makes the story's words,
the short one after it), and a run of questions and answers, a FAQ the page sets in a block of
its own.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import lxml.html

from desktop.core.library.importers.recovery import Shape, block_shape

STORY_SHARE = 0.85
"""Share of the text's words the story's element holds."""
FAQ_ANSWERS = 2
QUESTION_WORDS = 25
ANSWER_WORDS = 8
"""A run of questions each answered by a paragraph is the story's own FAQ."""
_WORD = re.compile(r"\w+")
_TEXT_BLOCKS = (
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "div", "blockquote", "pre",
    "dd", "dt", "figcaption", "caption", "section", "article", "aside", "footer", "header",
    "table", "ul", "ol", "nav", "form", "main", "span", "a", "font", "b", "strong", "center",
)  # fmt: skip

Place = tuple[lxml.html.HtmlElement, ...]
"""An element and its ancestors, innermost first."""


def line_places(page: lxml.html.HtmlElement, lines: list[str]) -> dict[str, Place]:
    """Where the page holds each line: the innermost element whose whole text it is, or that
    holds it as one piece of text (paragraphs parted by ``<br>``), with that element's
    ancestors, taken before a later pass prunes the page. A line the page holds in two
    separate places is left out: its place is unknown."""
    wanted = {_key(line) for line in lines} - {""}
    longest = max((len(k) for k in wanted), default=0)
    openings = {k.split(" ", 1)[0] for k in wanted}
    places: dict[str, Place] = {}
    unknown: set[str] = set()
    keys: dict[str, str] = {}  # a wrapper's text is often its only child's

    def place_at(element: lxml.html.HtmlElement, text: str) -> None:
        if len(text) > 4 * longest + 200:
            return
        opening = _WORD.search(text.casefold())
        if opening is None or opening.group() not in openings:
            return  # cheaper than the whole key, and most texts fail here
        key = keys.get(text)
        if key is None:
            key = keys[text] = _key(text)
        if key not in wanted or key in unknown:
            return
        place = (element, *element.iterancestors())
        known = places.get(key)
        if known is None or known[0] in place:
            places[key] = place  # deeper than the one known
        elif element not in known:
            unknown.add(key)
            del places[key]

    for element in page.iter(*_TEXT_BLOCKS):
        place_at(element, element.text_content())
    if wanted - places.keys() - unknown:
        for element in {br.getparent() for br in page.iter("br")} - {None}:
            for piece in _between_breaks(element):
                place_at(element, piece)
    return places


def _between_breaks(element: lxml.html.HtmlElement) -> list[str]:
    """The texts of ``element`` parted by its ``<br>`` children."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "br":
            pieces.append("")
        elif isinstance(child.tag, str):
            pieces[-1] += child.text_content()
        pieces[-1] += child.tail or ""
    return pieces


def without_page_tail(lines: list[str], places: dict[str, Place]) -> list[str]:
    """``lines`` without the run at their end that the page holds outside the story's
    element, unless made like the story's paragraphs or set beside one of them."""
    located = [(places.get(_key(line)), len(_WORD.findall(line))) for line in lines]
    words = sum(n for _, n in located)
    story = _story_element(located, words)
    if story is None:
        return lines
    inside = [p for p, _ in located if p is not None and story in p]
    shapes = Counter(map(_shape, inside))
    usual = {s for s, n in shapes.items() if n >= 2 and s[1]}  # a bare parent says nothing
    parents = {p[1] for p in inside if len(p) > 1}
    end = len(lines)
    while end > 0:
        place = located[end - 1][0]
        if place is None or story in place or _shape(place) in usual:
            break
        if len(place) > 1 and place[1] in parents:
            break
        end -= 1
    return lines if _answers(lines[end:]) >= FAQ_ANSWERS else lines[:end]


def _answers(lines: list[str]) -> int:
    """Questions among ``lines`` answered by the line after them: a block of frequently asked
    questions, which the page sets apart from the story but which belongs to it."""
    return sum(
        question.rstrip().endswith("?")
        and len(_WORD.findall(question)) <= QUESTION_WORDS
        and not answer.rstrip().endswith("?")
        and len(_WORD.findall(answer)) >= ANSWER_WORDS
        for question, answer in pairwise(lines)
    )


def _story_element(
    located: list[tuple[Place | None, int]], words: int
) -> lxml.html.HtmlElement | None:
    """The deepest element holding ``STORY_SHARE`` of the words, found up from the place of
    the longest line."""
    known = [(p, n) for p, n in located if p is not None]
    if not known or not words:
        return None
    longest = max(known, key=lambda pn: pn[1])[0]
    for element in longest:
        if sum(n for p, n in known if element in p) >= STORY_SHARE * words:
            return element
    return None


def _shape(place: Place) -> Shape:
    return block_shape(place[1] if len(place) > 1 else place[0])


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
