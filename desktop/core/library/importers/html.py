"""Web pages saved as HTML: the article's main text and its metadata, via trafilatura.

trafilatura drops scripts, styles, navigation, comments and ads, and reads title, author, date
and site name from the page's metadata. It is given the page's text, never a URL, so it never
touches the network.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import lxml.html
from lxml import etree

from desktop.core.library.importers.building import build_article, iso_date
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.furniture import drop_furniture, loose, normalised
from desktop.core.models import Article

_DATE_OPTIONS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}
_BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "table", "tr", "section", "article", "header", "footer", "figure", "hr",
    }
)  # fmt: skip
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_DROPPED = frozenset(("script", "style", "noscript", "template", "iframe", "object", "svg"))

# trafilatura reports pages it finds little in through logging; that is our error to word.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def parse_html(text: str, path: Path) -> list[Article]:
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_OPTIONS,
        )
        precise = trafilatura.extract(
            text, favor_precision=True, include_comments=False, include_tables=True
        )
        page = lxml.html.document_fromstring(text)
    except (ValueError, etree.LxmlError) as exc:
        raise UnreadableFile(path, f"cannot parse the HTML ({exc})") from exc
    lines = [line.strip() for line in (found.text or "").splitlines()] if found else []
    title = (found.title or "") if found else ""
    lines = drop_furniture(
        [line for line in lines if line],
        precise=loose((precise or "").splitlines()),
        links=normalised([a.text_content() for a in page.iter("a")]),
        titles=normalised([title, *_declared_titles(page)]),
    )
    body = "\n\n".join(lines)
    if not body:
        raise UnreadableFile(path, "no article text found in the HTML page")
    return [
        build_article(
            path,
            title=title,
            text=body,
            byline=found.author or "",
            source=found.sitename or found.hostname or "",
            url=found.url or "",
            published=iso_date(found.date),
            language=found.language or "",
        )
    ]


def _declared_titles(page: lxml.html.HtmlElement) -> list[str]:
    """The headlines a page declares for itself: ``<title>``, og:title and twitter:title."""
    found = [t.text_content() for t in page.iter("title")]
    for meta in page.iter("meta"):
        if meta.get("property", meta.get("name", "")).lower() in ("og:title", "twitter:title"):
            found.append(meta.get("content") or "")
    return found


def html_fragment_text(fragment: str) -> str:
    """Readable text of a small HTML fragment (a feed entry): blocks become paragraphs."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.LxmlError):
        return ""
    return element_text(root)


def html_document_body(document: str) -> lxml.html.HtmlElement | None:
    """The ``<body>`` of a whole decoded HTML or XHTML document (an e-mail part, an EPUB
    chapter), read by lxml's HTML parser, which declares no entities and loads nothing;
    ``None`` when there is no document."""
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", document, count=1))
    except (ValueError, etree.LxmlError):
        return None
    return root.find("body")


def element_text(element: lxml.html.HtmlElement) -> str:
    """Readable text under ``element``: blocks become paragraphs, scripts and styles dropped."""
    parts: list[str] = []
    _collect_text(element, parts)
    paragraphs = (" ".join(p.split()) for p in "".join(parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _collect_text(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROPPED:
        if element.tail:
            parts.append(element.tail)
        return
    block = tag in _BLOCKS
    if block:
        parts.append("\n\n")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
    if block:
        parts.append("\n\n")
    if element.tail:
        parts.append(element.tail)
