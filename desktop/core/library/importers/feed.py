"""RSS and Atom feed files: every entry with text becomes an article. News agencies' XML
(NITF, NewsML) comes in through the same safety checks and is read by ``wire``.

Feeds are untrusted XML. Before feedparser sees a byte, defusedxml parses the document and
refuses entity declarations (billion laughs, quadratic blow-up) and external references, and a
document that is not well-formed (often a truncated download) is refused with its position,
rather than importing a half-read last entry.

Feeds are often written by hand or by HTML templates and use HTML's named entities (``&nbsp;``,
``&rsquo;``) that XML does not define; expat calls the whole document malformed. Those names are
turned into the numeric references they stand for first, so such a feed imports; a name HTML
does not know either still makes the document malformed.

Neither expat nor feedparser reads every charset (expat refuses Shift_JIS, GB18030, Big5 and
EUC-KR), so the feed is decoded as any other text file and handed to both as UTF-8.
"""

from __future__ import annotations

import io
import re
import time
from html.entities import html5
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ErrorString

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

from desktop.core.library.importers.building import build_article, canonical_origin, iso_date
from desktop.core.library.importers.decoding import declared_encoding, decode_text
from desktop.core.library.importers.element_text import html_fragment_text
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.flat_documents import FLAT_ROOTS, flat_document_articles
from desktop.core.library.importers.furniture import is_prompt
from desktop.core.library.importers.left_out import leave_out
from desktop.core.library.importers.wire import WIRE_ROOTS, parse_wire
from desktop.core.models import Article

FEED_ROOTS = frozenset(("rss", "feed", "RDF"))
_NAMED_REFERENCE = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,31});")
_XML_ENTITIES = frozenset(("amp", "lt", "gt", "quot", "apos"))
_DECLARED_ENCODING = re.compile(r"""\A(<\?xml\s[^>]*?\bencoding\s*=\s*)(["'])[^"'>]*\2""")


_ENTRY_TAIL = re.compile(
    r"the (?:post|article) .{1,300} appeared first on .{1,120}|continue reading\b.{0,300}"
    r"|(?:read|view) (?:the )?(?:full|original|rest of the) (?:story|article|post)\b.{0,120}",
    re.IGNORECASE,
)


def parse_feed(data: bytes, path: Path) -> list[Article]:
    """Articles of a feed file, in the feed's order; an entry without text is left out, and
    reported when it has a headline (``left_out``)."""
    text = html_entities_as_references(decode_text(data, path, declared_encoding(data)))
    data = _as_utf8_document(text)
    qualified = _checked_root(data, path)
    if qualified in FLAT_ROOTS:  # Word's "XML Document", a flat .odt
        return flat_document_articles(data, path)
    root_tag = qualified.rpartition("}")[2]
    if root_tag in WIRE_ROOTS:
        return parse_wire(data, path)
    if root_tag not in FEED_ROOTS:
        raise UnreadableFile(
            path,
            f"XML is not an RSS or Atom feed, nor wire copy in NITF or NewsML (root element "
            f"<{root_tag}>)",
        )
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    source = parsed.feed.get("title", "")
    articles = []
    for index, entry in enumerate(parsed.entries):
        text = _without_prompts(html_fragment_text(_entry_body(entry)))
        if not text.strip():
            _leave_out_headline(entry, index + 1, path)
            continue
        articles.append(
            build_article(
                path,
                title=entry.get("title", ""),
                text=text,
                byline=entry.get("author", ""),
                source=source,
                url=entry.get("link", ""),
                published=_entry_date(entry),
                language=parsed.feed.get("language", ""),
                origin=f"{canonical_origin(path)}#{entry.get('id') or index + 1}",
                tags=_entry_tags(entry),
            )
        )
    if not articles:
        headlines = sum(1 for entry in parsed.entries if str(entry.get("title", "")).strip())
        if headlines:
            raise UnreadableFile(
                path,
                f"the feed's {headlines} {'entry has' if headlines == 1 else 'entries have'} a "
                "headline but no text (a feed of headlines and links): save the articles' pages "
                "and import those",
            )
        raise UnreadableFile(path, "the feed has no entries with text")
    return articles


def _leave_out_headline(entry: feedparser.FeedParserDict, number: int, path: Path) -> None:
    """Report an entry with a headline but no text as skipped (a feed of links is no error)."""
    title = " ".join(html_fragment_text(str(entry.get("title", ""))).split())
    if title:
        link = str(entry.get("link", ""))
        where = f"save its page ({link}) and import that" if link else "save its page"
        reason = f"entry {number} ({title}): a headline but no text: {where}"
        leave_out(f"{path}#{number}", reason, failed=False)


def html_entities_as_references(text: str) -> str:
    """``&nbsp;`` as ``&#160;``: HTML's named entities as the numeric references XML reads;
    XML's own five and unknown names are left as they are."""

    def numeric(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _XML_ENTITIES or f"{name};" not in html5:
            return match.group(0)
        return "".join(f"&#{ord(char)};" for char in html5[f"{name};"])

    return _NAMED_REFERENCE.sub(numeric, text)


def _as_utf8_document(text: str) -> bytes:
    """The decoded document as UTF-8 bytes whose XML declaration says so."""
    return _DECLARED_ENCODING.sub(r'\1"utf-8"', text, count=1).encode("utf-8")


def _checked_root(data: bytes, path: Path) -> str:
    """The root element's name (``{namespace}name``), after proving the document is safe and
    well-formed."""
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=False)
    except DefusedXmlException as exc:
        raise UnreadableFile(
            path, f"the XML declares entities or external references, refused for safety ({exc})"
        ) from exc
    except ParseError as exc:
        line, column = exc.position
        raise UnreadableFile(
            path, f"not well-formed XML at line {line}, column {column} ({ErrorString(exc.code)})"
        ) from exc
    return str(root.tag)


def _without_prompts(text: str) -> str:
    """An entry's text without the publisher's prompts, as a web page's (a newsletter's
    "Thanks for reading! Subscribe…", share and comment links), and without the lines a feed
    closes an entry with: WordPress's "The post … appeared first on …", "Continue reading …".
    An entry of nothing else keeps its text: a link's label is then all there is to it."""
    paragraphs = [p for p in text.split("\n\n") if not is_prompt(p)]
    while paragraphs and _ENTRY_TAIL.fullmatch(paragraphs[-1]):
        paragraphs.pop()
    return "\n\n".join(paragraphs) or text


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    return max(values, key=len) if values else entry.get("summary", "")


def _entry_tags(entry: Any) -> tuple[str, ...]:
    """The entry's categories (RSS ``<category>``, Atom ``term`` or ``label``), each once."""
    found: dict[str, str] = {}
    for item in entry.get("tags") or []:
        name = " ".join(str(item.get("term") or item.get("label") or "").split())
        if name:
            found.setdefault(name.casefold(), name)
    return tuple(found.values())


def _entry_date(entry: Any) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp: time.struct_time | None = entry.get(key)
        if stamp:
            return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
    return iso_date(entry.get("published", "") or entry.get("updated", ""))
