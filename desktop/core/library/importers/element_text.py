"""Readable text of HTML: an element's blocks as paragraphs, without scripts or styles.

Shared by the importers of web pages, feeds (an entry's HTML), e-mail (an HTML part) and EPUB
(a chapter), so each reads markup the same way.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "table", "tr", "section", "article", "header", "footer", "figure", "hr",
    }
)  # fmt: skip
RUBY_READINGS = ("rt", "rp")
"""A ruby's reading, set above its word ("東京" read "とうきょう"), and the parentheses a browser
without ruby shows around it: not words of the line."""
_DROPPED = frozenset(
    ("script", "style", "noscript", "template", "iframe", "object", "svg", *RUBY_READINGS)
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_MAIL_QUOTES = "//blockquote[@type='cite' or contains(@class, 'quote')]"
"""A quoted earlier message in an HTML mail: Apple Mail's and Thunderbird's ``type="cite"``,
Gmail's ``gmail_quote``, and the like (not a newsletter's pull quote)."""
_UNSHOWN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)
"""A mail's element no reader sees: the "preheader" teaser a newsletter hides for the inbox's
preview line, a part shown only to other mail programs."""


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


def mail_text(body: lxml.html.HtmlElement) -> str:
    """The text of an HTML mail's ``body``, its quoted earlier messages marked as a plain-text
    mail marks them ("> …", ">> …" for a quote within the quote): which words are the
    sender's and which they answer matters in an exchange by e-mail. What the mail hides from
    its reader (``_UNSHOWN``) is left out. Changes ``body``."""
    for hidden in body.xpath("//*[@style]"):
        if _UNSHOWN.search(hidden.get("style", "")) and hidden.getparent() is not None:
            hidden.drop_tree()  # its tail, the text after it, stays
    for quote in reversed(body.xpath(_MAIL_QUOTES)):  # the innermost first
        marked = lxml.html.Element("div")
        for paragraph in element_text(quote).split("\n\n"):
            line = lxml.html.Element("p")
            line.text = (">" if paragraph.startswith(">") else "> ") + paragraph
            marked.append(line)
        marked.tail = quote.tail
        quote.getparent().replace(quote, marked)
    return element_text(body)


def quotes_a_message(body: lxml.html.HtmlElement) -> bool:
    """Whether an HTML mail quotes an earlier message: it is a reply, not a bulletin."""
    return bool(body.xpath(_MAIL_QUOTES))


def element_text(element: lxml.html.HtmlElement) -> str:
    """Readable text under ``element``: blocks become paragraphs, a row's cells stay apart,
    scripts and styles are dropped."""
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
    block = tag in BLOCKS
    if block:
        parts.append("\n\n")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
    if block:
        parts.append("\n\n")
    elif tag in ("td", "th"):
        parts.append(" ")  # a row's cells apart, not "Filing Status2025 Tax Year"
    if element.tail:
        parts.append(element.tail)
