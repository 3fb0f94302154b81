"""Wire copy: news agencies' XML (IPTC's NITF, NewsML-G2 and NewsML 1), as AP, Reuters, AFP,
dpa and ANSA deliver stories to newsrooms.

Each story carries its own headline, byline, dateline, date and outlet in named elements, so
they are read from there, not guessed. A NewsML message may hold several items (a story, its
pictures, an update): each item with text is an article; an item's body is NITF, XHTML or plain
text. Element names are read without their namespaces, as agencies write both forms. The
document has passed defusedxml's checks (no entities, no external references) before it
arrives here, as a feed does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree

from desktop.core.library.importers.building import (
    CELL_SEPARATOR,
    build_article,
    canonical_origin,
    iso_date,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article

WIRE_ROOTS = frozenset(("nitf", "newsMessage", "newsItem", "NewsML"))
_PARAGRAPHS = frozenset(("p", "hl2", "hl3", "h2", "h3", "h4", "li", "pre", "tagline"))
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_COMPACT_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def parse_wire(data: bytes, path: Path) -> list[Article]:
    """The stories of a wire document: one for a NITF file, one per NewsML item with text."""
    root = defusedxml.ElementTree.fromstring(data, forbid_dtd=False)
    name = _local(root)
    if name == "nitf":
        stories = [_nitf_story(root)]
    elif name == "NewsML":
        stories = [_newsml_1_story(item) for item in _all(root, "NewsItem")]
    else:
        items = [root] if name == "newsItem" else list(_all(root, "newsItem"))
        stories = [_g2_story(item) for item in items]
    origin = canonical_origin(path)
    articles = [
        build_article(
            path,
            title=story["title"],
            text=story["text"],
            byline=story["byline"],
            source=story["source"],
            published=story["published"],
            language=story["language"],
            origin=origin if len(stories) == 1 else f"{origin}#{story['id'] or number}",
        )
        for number, story in enumerate(stories, start=1)
        if story["text"].strip()
    ]
    if not articles:
        raise UnreadableFile(path, f"the wire document (<{name}>) holds no story with text")
    return articles


def _nitf_story(nitf: Element) -> dict[str, str]:
    head, body = _first(nitf, "head"), _first(nitf, "body")
    hedline = _first(body, "hl1")
    title = _text(hedline) or _text(_first(head, "title"))
    byline = _byline(_first(body, "byline"))
    dateline = _text(_first(body, "dateline"))
    paragraphs = ([dateline] if dateline else []) + _paragraphs(_first(body, "body.content"))
    paragraphs += _paragraphs(_first(body, "body.end"))
    issued = _first(head, "date.issue")
    published = _first(head, "pubdata")
    when = (issued.get("norm") if issued is not None else None) or (
        published.get("date.publication") if published is not None else None
    )
    source = (published.get("name") if published is not None else None) or ""
    doc_id = _first(head, "doc-id")
    return {
        "title": title,
        "byline": byline,
        "text": "\n\n".join(paragraphs),
        "published": _date(when),
        "source": source,
        "language": _language(nitf),
        "id": doc_id.get("id-string", "") if doc_id is not None else "",
    }


def _g2_story(item: Element) -> dict[str, str]:
    """A NewsML-G2 item: its metadata in ``contentMeta``, its body in ``contentSet``."""
    meta = _first(item, "contentMeta")
    story = _body_of(_first(item, "contentSet"))
    creator = _first(meta, "creator")
    byline = _text(_first(meta, "by")) or _text(_first(creator, "name"))
    dates = (_text(_first(item, n)) for n in ("contentCreated", "firstCreated", "versionCreated"))
    when = next((day for day in dates if day), "")
    language = _first(meta, "language")
    return {
        "title": _text(_first(meta, "headline")) or story["title"],
        "byline": _BY.sub("", byline) or story["byline"],
        "text": story["text"],
        "published": _date(when) or story["published"],
        "source": _text(_first(_first(item, "provider"), "name")) or story["source"],
        "language": (language.get("tag", "") if language is not None else "") or story["language"],
        "id": item.get("guid", ""),
    }


def _newsml_1_story(item: Element) -> dict[str, str]:
    """A NewsML 1 item: headline and byline in ``NewsLines``, the body in ``DataContent``."""
    story = _body_of(_first(item, "DataContent"))
    created = _text(_first(item, "FirstCreated")) or _text(_first(item, "DateId"))
    return {
        "title": _text(_first(item, "HeadLine")) or story["title"],
        "byline": _BY.sub("", _text(_first(item, "ByLine"))) or story["byline"],
        "text": story["text"],
        "published": _date(created) or story["published"],
        "source": _text(_first(item, "ProviderId")) or story["source"],
        "language": story["language"],
        "id": _text(_first(item, "PublicIdentifier")),
    }


def _body_of(content: Element | None) -> dict[str, str]:
    """An item's body: a NITF document, XHTML, or plain text."""
    nitf = _first(content, "nitf")
    if nitf is not None:
        return _nitf_story(nitf)
    html_body = _first(content, "body")
    paragraphs = _paragraphs(html_body if html_body is not None else content)
    if not paragraphs and content is not None:
        plain = "".join(content.itertext())
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", plain) if p.strip()]
    empty = dict.fromkeys(("title", "byline", "published", "source", "language", "id"), "")
    return {**empty, "text": "\n\n".join(paragraphs)}


def _paragraphs(block: Element | None) -> list[str]:
    """The paragraphs, sub-heads, list items and table rows under ``block``, in order; a
    picture's caption is no paragraph of the story."""
    if block is None:
        return []
    found: list[str] = []
    for child in block:
        name = _local(child)
        if name in ("media", "img", "figure"):
            continue
        if name == "tr":
            cells = [_text(cell) for cell in child if _local(cell) in ("td", "th")]
            found.append(CELL_SEPARATOR.join(cell for cell in cells if cell))
        elif name in _PARAGRAPHS:
            found.append(_text(child))
        else:
            found += _paragraphs(child)
    return [paragraph for paragraph in found if paragraph]


def _byline(byline: Element | None) -> str:
    """The writers a NITF byline names (its ``person`` elements), else its text without "By"
    and without the writer's title (``byttl``: "Associated Press Writer")."""
    if byline is None:
        return ""
    people = [_text(person) for person in _all(byline, "person")]
    if any(people):
        return "; ".join(person for person in people if person)
    titles = [_text(title) for title in _all(byline, "byttl")]
    text = _text(byline)
    for title in titles:
        text = text.replace(title, "")
    return _BY.sub("", " ".join(text.split())).strip(" ,")


def _date(value: str | None) -> str:
    """``YYYY-MM-DD`` from an ISO or compact ("20250118T093000Z") time."""
    found = _COMPACT_DATE.search(value or "")
    return iso_date("-".join(found.groups())) if found else ""


def _language(element: Element) -> str:
    return element.get("{http://www.w3.org/XML/1998/namespace}lang", "")


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _local(element: Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _all(element: Element | None, name: str) -> Iterator[Element]:
    """Every element called ``name`` (in any namespace) under ``element``."""
    if element is None:
        return iter(())
    return (e for e in element.iter() if _local(e) == name)


def _first(element: Element | None, name: str) -> Element | None:
    return next(_all(element, name), None)
