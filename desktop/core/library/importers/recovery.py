"""Paragraphs of the story that trafilatura left out, put back where the page has them.

trafilatura takes the story from the container that looks most like one, and now and then that
is only part of it: pages split the body into several blocks (between ads, embeds or a paywall
mark), each made the same way. The story's own paragraphs share that make: the same kind of
parent, with the same class. A paragraph of prose (whole sentences, few links) whose parent is
made like the parents of at least half the kept paragraphs (two makes that share them evenly
both count), in the same ``<article>``, is the story's too, unless it sits right under a title
that links elsewhere (another story's summary), or stands alone in its parent, before or after
the kept paragraphs, while those stand several to a parent (a page builder's widgets: each card,
pull quote and author note is a block of its own, made like the story's). A bare ``<div>`` or
``<p>`` parent says nothing, so a body without a class on its parent is left as trafilatura
found it. A list (``<ul>``, ``<ol>``) between two kept paragraphs of one parent is the story's
list of points and comes back in its place, unless it is mostly links or holds pictures; so
does a short sub-heading there that is no link. What comes back still goes through the
furniture rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

import lxml.html

ANCHORS = 3
"""Kept paragraphs needed before the body's make is trusted."""
SHAPE_SHARE = 0.5
"""The body's make is that of at least this share of the kept paragraphs."""
MIN_WORDS = 9
"""A recovered paragraph is prose, not a label or a button."""
MAX_LINK_SHARE = 0.3
SUBHEADING_WORDS = 20
SHARED_PARENT = 3
"""Paragraphs to a parent, for the median kept paragraph, that make the story a run of blocks
rather than one block per paragraph."""
KEPT_SHARE = 0.8
"""A paragraph is in the text when this share of its four-word runs is."""
DECLARED_SHARE = 0.7
"""The share of the declared story's four-word runs the text must hold to be taken whole."""
_KEPT_WORDS = 6
_RUN = 4
_TOKEN = re.compile(r"\w+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?][\"'”’)\]]*$")
"""A sentence's end; not an ellipsis, which cuts a teaser of another story short."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NAME = re.compile(r"[\s_-]+")
_PICTURES = ("img", "picture", "figure", "video")
_OUTSIDE = frozenset({"nav", "aside", "footer", "header", "form", "figure", "figcaption"})

Shape = tuple[str, str]


def recover_paragraphs(page: lxml.html.HtmlElement, lines: list[str]) -> list[str]:
    """``lines`` (the extracted text) with the story's paragraphs from ``page`` that they lack,
    each after the line that holds the paragraph before it on the page."""
    runs = [_runs(line) for line in lines]
    found = set().union(*runs) if runs else set()
    paragraphs = [(p, _flat(_read(p))) for p in page.iter("p") if _in_story_flow(p)]
    anchors = [p for p, text in paragraphs if _is_kept(text, found)]
    if len(anchors) < ANCHORS:
        return lines
    counts = Counter(map(_shape, anchors))
    shapes = {s for s, n in counts.items() if n >= SHAPE_SHARE * len(anchors) and s[1]}
    if not shapes:
        return lines
    kept = set(anchors)
    blocks = _in_blocks(anchors)
    order = [p for p, _ in paragraphs]
    first, last = order.index(anchors[0]), order.index(anchors[-1])
    articles = {_article(p) for p in kept if _shape(p) in shapes}
    result = [(line, run) for line, run in zip(lines, runs, strict=True)]
    at = 0
    for i, (paragraph, text) in enumerate(paragraphs):
        if paragraph in kept:
            at = _after(result, _runs(text), at)
        elif (
            _shape(paragraph) in shapes
            and _article(paragraph) in articles
            and _is_prose(paragraph, text)
            and not _under_linked_title(paragraph)
            and not _is_kept(text, found)
            and not (blocks and _siblings(paragraph) == 1 and not first < i < last)
        ):
            result.insert(at, (text, _runs(text)))
            at += 1
    return [line for line, _ in result]


def sandwiched_blocks(page: lxml.html.HtmlElement, lines: list[str]) -> list[str]:
    """``lines`` with the lists and sub-headings that stand between two kept paragraphs of one
    parent, in their place: a story's own list of points, which the extractor sometimes leaves
    out while keeping the paragraphs around it, and its sub-headings — when no container of the
    page looks like a story's, trafilatura gathers its paragraphs one by one and leaves every
    heading out: a live ticker lost the time and headline of each entry ("11.04 Uhr:
    Israelische Drohne tötet …")."""
    result = [(line, _runs(line)) for line in lines]
    found = set().union(*(runs for _, runs in result))
    shown = {_flat(line) for line in lines}
    anchor, end = None, 0
    for before, block in _between_kept(page, found):
        if items := _points(block, found):
            added = [(f"- {item}", _runs(item)) for item in items]
        elif (text := _subheading(block)) and text not in shown:
            added = [(text, _runs(text))]
            shown.add(text)
        else:
            continue
        # After what came back before it under the same kept paragraph: a recovered list is
        # no line of the page's own that ``_place`` could find.
        at = _place(result, before)
        if before[0] is anchor:
            at = max(at, end)
        result[at:at] = added
        anchor, end = before[0], at + len(added)
    return [line for line, _ in result]


def _between_kept(
    page: lxml.html.HtmlElement, found: set[tuple[str, ...]]
) -> Iterator[tuple[list[lxml.html.HtmlElement], lxml.html.HtmlElement]]:
    """Each block that stands between two kept paragraphs of one parent, with the blocks from
    the kept paragraph before it up to it."""
    parents = {
        p.getparent(): None
        for p in page.iter("p")
        if _in_story_flow(p) and _is_kept(_flat(_read(p)), found)
    }
    for parent in parents:
        children = list(parent)
        kept = [
            i
            for i, child in enumerate(children)
            if child.tag == "p" and _is_kept(_flat(_read(child)), found)
        ]
        for i in range(kept[0] + 1, kept[-1]) if len(kept) > 1 else ():
            yield children[max(k for k in kept if k < i) : i], children[i]


def _subheading(block: lxml.html.HtmlElement) -> str:
    """The text of ``block`` when it is a sub-heading of the story: a heading of at most
    ``SUBHEADING_WORDS`` words on one line that is not a link (another story's title)."""
    if block.tag not in _HEADINGS - {"h1"}:
        return ""
    text = _flat(_read(block))
    linked = _flat("".join(a.text_content() for a in block.iter("a")))
    if not text or "\n" in text or len(text.split()) > SUBHEADING_WORDS or linked == text:
        return ""
    return text


def _points(block: lxml.html.HtmlElement, found: set[tuple[str, ...]]) -> list[str]:
    """The items of ``block`` when it is a list of points the text lacks: two items or more,
    few links (not a block of other stories), no pictures (not a gallery of captions)."""
    if block.tag not in ("ul", "ol") or next(block.iter(*_PICTURES), None) is not None:
        return []
    items = [text for item in block.findall("li") if (text := _flat(item.text_content()))]
    text = "\n".join(items)
    linked = sum(len(_flat(a.text_content())) for a in block.iter("a"))
    if len(items) < 2 or linked > MAX_LINK_SHARE * len(text) or _is_kept(text, found):
        return []
    return items


def _place(result: list[tuple[str, set]], before: list[lxml.html.HtmlElement]) -> int:
    """The index after the line of the last block in ``before`` (the blocks between the kept
    paragraph before a list and the list) that the text holds as a line of its own (a short
    lead-in, "The new rules:"), or after the kept paragraph's line."""
    lines = [line for line, _ in result]
    for block in reversed(before[1:]):
        text = _flat(_read(block))
        if text in lines:
            return lines.index(text) + 1
    return _after(result, _runs(_flat(_read(before[0]))), len(result))


def declared_paragraphs(page: lxml.html.HtmlElement, lines: list[str], body: str) -> list[str]:
    """``lines`` with the page's paragraphs that its declared story ``body`` (the JSON-LD
    ``articleBody`` search engines read) holds and they lack, each after the line that holds
    the paragraph before it, when ``lines`` cover less than ``DECLARED_SHARE`` of that story:
    the extractor took one block of a story the page lays out in several."""
    declared = _runs(body)
    runs = [_runs(line) for line in lines]
    found = set().union(*runs) if runs else set()
    if not declared or len(declared & found) >= DECLARED_SHARE * len(declared):
        return lines
    result = list(zip(lines, runs, strict=True))
    at = 0
    for paragraph in page.iter("p"):
        text = _flat(_read(paragraph))
        if _is_kept(text, found):
            at = _after(result, _runs(text), at)
        elif len(text.split()) >= MIN_WORDS and _is_kept(text, declared):
            result.insert(at, (text, _runs(text)))
            at += 1
    return [line for line, _ in result]


def _siblings(paragraph: lxml.html.HtmlElement) -> int:
    """The paragraphs of ``paragraph``'s parent, itself among them."""
    return len(paragraph.getparent().findall("p"))


def _in_blocks(anchors: list[lxml.html.HtmlElement]) -> bool:
    """Whether the kept paragraphs stand ``SHARED_PARENT`` or more to a parent (the median)."""
    sizes = sorted(map(_siblings, anchors))
    return sizes[len(sizes) // 2] >= SHARED_PARENT


def _in_story_flow(paragraph: lxml.html.HtmlElement) -> bool:
    """Not in navigation, an aside, a header or footer (an element or one named so), a form,
    a caption or comments."""
    for ancestor in paragraph.iterancestors():
        names = f"{ancestor.get('class', '')} {ancestor.get('id', '')}".lower()
        if ancestor.tag in _OUTSIDE or "comment" in names or "footer" in _NAME.split(names):
            return False
    return True


def _under_linked_title(paragraph: lxml.html.HtmlElement) -> bool:
    """Right under a heading that is a link: the summary of another story, under its title."""
    before = paragraph.getprevious()
    if before is None or before.tag not in _HEADINGS:
        return False
    linked = "".join(a.text_content() for a in before.iter("a"))
    return bool(linked.strip()) and _flat(linked) == _flat(before.text_content())


def _read(paragraph: lxml.html.HtmlElement) -> str:
    """The paragraph's text as a reader sees it: a line break where it has a ``<br>``, and
    no script or style run inside it (an ad's code)."""
    nodes = paragraph.xpath(".//text()[not(ancestor::script or ancestor::style)] | .//br")
    return "".join(node if isinstance(node, str) else "\n" for node in nodes)


def _shape(paragraph: lxml.html.HtmlElement) -> Shape:
    return block_shape(paragraph.getparent())


def block_shape(block: lxml.html.HtmlElement) -> Shape:
    """How a block holding paragraphs is made: its tag and its classes in order."""
    return (str(block.tag), " ".join(sorted((block.get("class") or "").split())))


def _article(paragraph: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return next(paragraph.iterancestors("article"), None)


def _is_prose(paragraph: lxml.html.HtmlElement, text: str) -> bool:
    """Whole sentences with few links: ``MIN_WORDS`` words or more, ending as a sentence ends."""
    if len(text.split()) < MIN_WORDS or not _SENTENCE_END.search(text):
        return False
    linked = sum(len(_flat(a.text_content())) for a in paragraph.iter("a"))
    return linked <= MAX_LINK_SHARE * len(text)


def _is_kept(text: str, found: set[tuple[str, ...]]) -> bool:
    runs = _runs(text)
    if len(text.split()) < _KEPT_WORDS or not runs:
        return False
    return sum(run in found for run in runs) >= KEPT_SHARE * len(runs)


def _after(result: list[tuple[str, set[tuple[str, ...]]]], runs: set, default: int) -> int:
    """The index after the line sharing most four-word runs with a kept paragraph."""
    best, best_shared = default, 0
    for i, (_, line_runs) in enumerate(result):
        shared = len(runs & line_runs)
        if shared > best_shared:
            best, best_shared = i + 1, shared
    return best


def _runs(text: str) -> set[tuple[str, ...]]:
    """Four-word runs of each line (trafilatura gives the lines of a ``<br>`` apart)."""
    runs: set[tuple[str, ...]] = set()
    for line in text.split("\n"):
        runs.update(_windows(_TOKEN.findall(_INVISIBLE.sub("", line).casefold())))
    return runs


def _windows(words: list[str]) -> Iterable[tuple[str, ...]]:
    if len(words) < _RUN:
        return [tuple(words)] if words else []
    return (tuple(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1))


def _flat(text: str) -> str:
    """Spaces as a reader sees them; a line break stays one."""
    lines = (" ".join(_INVISIBLE.sub("", line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
