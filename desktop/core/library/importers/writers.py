"""Every writer of a web page, where the extractor reads only the first.

trafilatura gives one author for a story written by several when the byline marks each writer
in its markup: the first of the ``rel="author"`` links of "Julia Carrie Wong and Sam Levin",
the first ``itemprop="author"`` of a schema.org byline. (A page's ``<meta name="author">``
listing several it reads whole.) The byline is read again here, starting from the name the
extractor found, so writers marked elsewhere on the page (a sidebar's) are never taken for the
story's. When it finds none, the first writer the page marks outside its asides, menus and
boxes of other stories is taken, with the others of that byline (``page_writer``).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import lxml.html

from desktop.core.text.word_classes import word_use

_LIST = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_BYLINE_WORDS = 40  # words of a byline's element: more is a box of profiles or a story
_NAME_WORDS = 4
_WRITER_MARKS = (
    ".//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"
    " | .//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')] | .//a[@href]"
)
_WRITER_PATHS = frozenset(
    ("author", "authors", "by", "people", "staff", "contributor", "contributors", "writer",
     "writers", "producers", "profile", "profiles")
)  # fmt: skip
_WRITER_PAGE = re.compile(
    r"/(?:" + "|".join(sorted(_WRITER_PATHS)) + r")/(?:\d+/)?[^/?#]+/?(?:[?#]|$)",
    re.IGNORECASE,
)  # "/staff/matthew-digby", "/staff/2648209001/brian-truitt/"
_CITATION_TAGS = frozenset(("citation_author", "citation_authors"))
_CREATOR_TAGS = frozenset(("dc.creator", "dcterms.creator"))
_INVERTED = re.compile(
    r"[^\W\d][\w'’.-]*(?: [^\W\d][\w'’.-]*){0,2}, [^\W\d][\w'’.-]*(?: [^\W\d][\w'’.-]*){0,2}"
)
"""A name written "Last, First" ("Brazil, Rachel", "van der Berg, Anna Maria")."""
_WRITER_LINK = re.compile(rf"^\s*mailto:|{_WRITER_PAGE.pattern}", re.IGNORECASE)
_SHORT_PART = re.compile(r"[A-Z][a-z]?")  # an initial or a short title: "K", "Dr", "St"
_OUTSIDE = frozenset(("aside", "nav", "footer"))
_PAGE = frozenset(("body", "html"))
_ELSEWHERE = re.compile(r"related|sidebar|recommend|comment|more-|popular|trending|footer", re.I)
_MARKED = (
    ".//*[contains(concat(' ', normalize-space(@rel), ' '), ' author ')"
    " or contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' byline-author ')]"
)
"""Elements marking a writer: a ``rel`` or ``itemprop`` of "author", a ``byline-author``
class, each as one of the attribute's words ("author creator")."""
_SHOWN_BYLINE_TAGS = ("p", "div", "span", "li", "h3", "h4", "h5", "h6", "address", "section")
_SHOWN_BYLINE_CHARACTERS = 80
_PIECE = " \x1f "  # between the element's pieces of text, which text_content() glues
_SHOWN_BYLINE_START = re.compile(r"\W*(?i:written|posted|words|by|author)\b")
_SHOWN_BYLINE = re.compile(
    r"^\W*(?:(?i:(?:written|posted|words)\ by|by)\s*:?|(?i:author)\s*(?::|(?=\x1f)))"
    r"\s*(?:\x1f\s*)?(?P<names>[^\x1f]+)"
)  # "Author" only as a label: "Author: Jane Roe", not the menu's "Author Talk"
_LABEL_ONLY = re.compile(r"\W*(?i:(?:written|posted|words)\ by|by|author)\s*:?\s*")
_AFTER_NAMES = re.compile(r"\s+(?:on\s+)?\d|\s*[|·•●–—,]\s*|\s+-\s+|\s+on\s+[A-Z]")
"""Where a byline's names end: its date, a separator, the role or date after a dash or a
comma ("by: Ziyi Xu, Dec 17, 2025", "By Jane Roe, Product Manager")."""
_LISTED = re.compile(r"((?:\s*(?:\x1f|,|;|&|\band\b)\s*)+)")
_LIST_MARK = re.compile(r"[\s\x1f]*(?:,|;|&|\band\b)[\s\x1f,;&]*(?:\band\b)?[\s\x1f]*")
_TITLE = re.compile(r"(?:[A-Z]|(?i:dr|prof|mr|mrs|ms|sir))\.?")  # "Dr", "Prof.", an initial
_SHOWN_NAME_WORDS = 6
_CARD_WRITERS = 3
_OTHER_STORY = re.compile(r"related|recommend|more-|popular|trending", re.I)
"""Marks of a box of other stories on a byline's own element (its own footer is the story's:
"Posted by Kate Torgovnick" in ``post-footer``)."""
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|&|and|of|de|del|der|van|von|bin|al|la|le")


def listed_names(names: str) -> list[str]:
    """The names of a list of writers, parted by commas, semicolons, "&" or "and"."""
    return _LIST.split(names)


def all_writers(page: lxml.html.HtmlElement, author: str, shown: str = "") -> str:
    """``author`` with the writers the page names beside it, "; "-separated: those its markup
    marks in the same byline, or the ``shown`` byline's list when it opens with ``author``;
    ``author`` as it is when the page names no others with it, or when it lists several
    already (the extractor read the list)."""
    if not author or len(listed_names(author)) > 1:
        return author
    names = _marked(page, _key(author))
    if names:
        return "; ".join(names)
    listed = listed_names(shown)
    return shown if len(listed) > 1 and _key(listed[0]).endswith(_key(author)) else author


def cited_writers(page: lxml.html.HtmlElement) -> str:
    """Every writer a scholarly page lists for citation, "; "-separated, in its order: one
    ``citation_author`` tag per writer (Highwire Press's tags, which journals, arXiv and Google
    Scholar use), each "Roy, Aniruddha" or "Aniruddha Roy", or else one Dublin Core
    ``dc.creator`` per writer as "Brazil, Rachel" (Nature's pages). The extractor reads the
    first writer only, or cuts "Roy, Aniruddha" into two names."""
    names: list[str] = []
    creators: list[str] = []
    for meta in page.iter("meta"):
        tag, content = (meta.get("name") or "").strip().lower(), meta.get("content") or ""
        if tag in _CITATION_TAGS:
            for name in content.split(";"):
                last, comma, first = " ".join(name.split()).partition(",")
                names.append(f"{first.strip()} {last}" if comma and "," not in first else last)
        elif tag in _CREATOR_TAGS and content.strip():
            creators.append(" ".join(content.split()))
    # Dublin Core's creators count in the same "Last, First" form only, which the extractor
    # cuts in two ("Brazil; Rachel"); in other forms they are a desk's or a user's name as
    # often as a writer's, and the page's other marks say better.
    if not names and creators and all(_INVERTED.fullmatch(c) for c in creators):
        names = [" ".join(reversed(c.split(", ", 1))) for c in creators]
    return "; ".join(dict.fromkeys(n.strip() for n in names if n.strip()))


def page_writer(page: lxml.html.HtmlElement) -> str:
    """The writers a page marks in its markup when the extractor found none, "; "-separated:
    the first, in the page's order and outside its asides, navigation, footers and boxes of
    other stories, of a schema.org author's name (``itemprop="author"``, "by <span
    itemprop="name">Sam O'Brien</span>"), a ``rel="author"`` link, or a link to the writer's
    page whose address ends in the name it shows ("/staff/matthew-digby" for "Matthew
    Digby"), with the others of the same byline ("By Matthew Digby, Minh Do"); empty when
    there is none."""
    for element in page.xpath(_WRITER_MARKS):
        if _writer_name(element) and not _elsewhere(element):
            byline = element
            while (parent := byline.getparent()) is not None and (
                len(parent.text_content().split()) <= _BYLINE_WORDS
            ):
                byline = parent
            names = (_writer_name(e) for e in byline.xpath(_WRITER_MARKS))
            return "; ".join(dict.fromkeys(n for n in names if n)) or _writer_name(element)
    return ""


def shown_writer(page: lxml.html.HtmlElement) -> str:
    """The writer a page shows in words when it marks none: a short element, outside its
    asides, navigation, footers and boxes of other stories, that reads "By Jerry Chu", "by:
    Ziyi Xu, Dec 17, 2025" or "Written by John Crenshaw" (its date, role or reading time after
    the names left out) — the first after the headline, where menus above it list writers
    too (the first ``<h1>``); none when three or more writers follow it (a page of story
    cards, each with its writer). The caller cleans the names."""
    before: list[str] = []
    after: list[str] = []
    headline = False
    for element in page.iter("h1", *_SHOWN_BYLINE_TAGS):
        headline = headline or element.tag == "h1"
        if element.tag != "h1" and (names := _shown_byline(element)):
            (after if headline else before).append(names)
    if len(set(after)) >= _CARD_WRITERS:
        return ""
    return next(iter(after or before), "")


def _shown_byline(element: lxml.html.HtmlElement) -> str:
    """The names ``element`` shows as a byline, or empty."""
    first = next((p for p in element.itertext() if p.strip()), "")
    if not _SHOWN_BYLINE_START.match(first):
        return ""  # most elements, passed over after their first piece of text
    shown = _pieces(element)
    following = element.getnext() if _LABEL_ONLY.fullmatch(shown) else None
    if following is not None:
        shown += _PIECE + _pieces(following)  # "Written by" set apart before the name's element
    found = _SHOWN_BYLINE.match(shown) if len(shown) <= _SHOWN_BYLINE_CHARACTERS else None
    if found is None:
        return ""
    names = _AFTER_NAMES.split(found["names"], maxsplit=1)[0].strip(" ,")
    if not _shown_names(names) or _OTHER_STORY.search(element_marks(element)):
        return ""
    if following is not None and len(names.split()) < 2:
        return ""  # one word after a label apart: a widget's credit ("by | Tsun"), code
    if _elsewhere(element) or any(
        a.tag == "a" and not _WRITER_LINK.search(a.get("href") or "")
        for a in element.iterancestors()
    ):
        return ""  # in a link to another page than the writer's: a card ("By Randy Miles, MD")
    rest = shown[found.start("names") :]
    return "; ".join((names, *_listed_after(rest[rest.find(names) + len(names) :])))


def _elsewhere(element: lxml.html.HtmlElement) -> bool:
    """Whether ``element`` sits in an aside, the navigation, a footer or a box of other stories
    or comments. The classes of ``<body>`` and ``<html>`` name the page's features
    ("no-comments", "one-sidebar"), no box."""
    return any(
        a.tag in _OUTSIDE or (a.tag not in _PAGE and _ELSEWHERE.search(element_marks(a)))
        for a in element.iterancestors()
    )


def _listed_after(rest: str) -> list[str]:
    """The other writers of a byline listed after its first ("By Jane Roe, John Doe and Sam
    Poe, Dec 17"; "<span>Dr Marna van der Merwe</span>, <span>Erik van Vulpen</span>"): each
    part after a comma, "&" or "and" that reads as a name opening with a known given name
    (titles and initials aside), up to the first that does not ("Product Manager", a date)."""
    from desktop.core.text.ner.knowledge import load_knowledge

    before, *parts = _LISTED.split(rest)
    if before:
        return []  # words right after the first name ("Jane Roe Staff Writer, …")
    names: list[str] = []
    for separator, part in zip(parts[::2], parts[1::2], strict=False):
        if not _LIST_MARK.fullmatch(separator):
            break
        part = part.strip()
        given = next((w for w in part.split() if not _TITLE.fullmatch(w)), "")
        known = load_knowledge().given_names
        if not _shown_names(part) or not {given, given.title()} & known:
            break  # "DAVID CAPLAN" of a byline set in capitals is "David"'s
        names.append(part)
    return names


def _pieces(element: lxml.html.HtmlElement) -> str:
    """The element's pieces of text, each with its spaces closed up, kept apart."""
    return _PIECE.join(" ".join(p.split()) for p in element.itertext() if p.strip())


def _shown_names(names: str) -> bool:
    """Whether ``names`` read as people's names: capitalised words and the words joining them;
    one word alone not a common English word ("By Category" in a shop's menu, "by Talk")."""
    words = names.split()
    if len(words) == 1 and word_use(words[0].lower()) is not None:
        return False
    return 0 < len(words) <= _SHOWN_NAME_WORDS and all(_NAME_WORD.fullmatch(w) for w in words)


def has_initials(names: str) -> bool:
    """Whether ``names`` hold an initial or a short title that may have lost its full stop."""
    return any(_SHORT_PART.fullmatch(w) for w in names.split())


def dotted_initials(text: str, byline: str) -> str:
    """``byline`` with the full stops of its names' initials and short titles as the page's
    ``text`` writes them ("William K. Rashbaum", "Dr. Vahid Osman"), which the extractor
    drops; each name as it is when the page never writes it so."""
    if not text or not has_initials(byline):
        return byline
    names = []
    for name in byline.split("; "):
        words = name.split()
        pattern = r"\s*".join(  # not after the last word: "Wei Li." ends a sentence
            re.escape(w) + (r"\.?" if _SHORT_PART.fullmatch(w) and i < len(words) - 1 else "")
            for i, w in enumerate(words)
        )
        found = re.search(rf"(?<!\w){pattern}(?!\w)", text) if words else None
        names.append(found[0] if found and "." in found[0] else name)
    return "; ".join(" ".join(n.split()) for n in names)


def _writer_name(element: lxml.html.HtmlElement) -> str:
    """The name ``element`` marks as a writer's, or empty (a link that is no writer's)."""
    schema = "author" in (element.get("itemprop") or "").split()
    marked = schema or "author" in (element.get("rel") or "").split()
    if not marked and not _WRITER_PAGE.search(element.get("href") or ""):
        return ""  # most of a page's links, passed over before their text is read
    named = element.xpath(".//*[@itemprop='name']") if schema else []
    name = " ".join((named[0] if named else element).text_content().split())
    if not (1 < len(name.split()) <= _NAME_WORDS) or not (marked or _slug_names(element, name)):
        return ""
    return name


def _slug_names(link: lxml.html.HtmlElement, name: str) -> bool:
    """Whether the address of ``link`` is a writer's page ending in ``name`` as a slug."""
    try:
        address = urlsplit(link.get("href", ""))
    except ValueError:  # a malformed address ("http://[privacy-preferences]/")
        return False
    path = [p for p in address.path.lower().split("/") if p]
    slug = "-".join(re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", name.lower())))
    if path[-2:-1] and path[-2].isdigit():
        path = path[:-2] + path[-1:]  # the writer's number before the name
    return len(path) >= 2 and path[-2] in _WRITER_PATHS and path[-1] == slug


def element_marks(element: lxml.html.HtmlElement) -> str:
    """An element's class and id, where a page names what a box is ("related", "comment")."""
    return f"{element.get('class', '')} {element.get('id', '')}"


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
