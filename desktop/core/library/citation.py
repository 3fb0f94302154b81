"""A quote with where it came from, in the style the user pastes into a story or a paper.

Three styles: ``plain`` (a line anyone can read), ``markdown`` (a block quote whose text is
escaped so it renders as written) and ``apa`` (APA-like: an in-text citation after the quote and
a reference entry). Every field may be missing — an article without byline, date, outlet or URL
is still cited, and an undated one says ``n.d.`` in APA as the manual asks. A PDF's page comes
from ``pages.cite`` (``p. 12`` / ``pp. 12–13``).
"""

from __future__ import annotations

import re
from datetime import date

from desktop.core.library.pages import cite
from desktop.core.models import Article
from desktop.core.notes.markdown_text import block_quote, markdown_url, one_line

STYLES = ("plain", "markdown", "apa")
DEFAULT_STYLE = "plain"
STYLE_LABELS = {"plain": "Plain Text", "markdown": "Markdown", "apa": "APA-like"}
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_WEB = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


class CitationError(ValueError):
    """A citation that cannot be made (an unknown style, a quote not in the text)."""


def cite_passage(
    article: Article,
    style: str = DEFAULT_STYLE,
    quote: str = "",
    span: tuple[int, int] | None = None,
) -> str:
    """``quote`` (empty: the article alone) followed by its citation in ``style``; ``span`` is
    where the quote is in the text, for the page of a PDF."""
    if style not in STYLES:
        raise CitationError(f"unknown citation style {style!r} (one of {', '.join(STYLES)})")
    page = cite(article.pages, *span) if span else ""
    quote = " ".join(quote.split()) if style != "markdown" else quote.strip()
    if style == "apa":
        return _apa(article, quote, page)
    if style == "markdown":
        return _markdown(article, quote, page)
    return _plain(article, quote, page)


def find_quote(text: str, quote: str) -> tuple[int, int]:
    """Where ``quote`` first occurs in ``text``, spaces and line breaks matched loosely (a quote
    copied from a terminal or a PDF has its own)."""
    words = quote.split()
    if not words:
        raise CitationError("the quote is empty")
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    if found is None:
        raise CitationError(f"quote not found in the article's text: {quote!r}")
    return found.span()


def web_address(url: str) -> str:
    """``url`` when it is an http or https address to link to or open; else "" (a
    ``javascript:``, ``file:`` or ``dossier:`` URL is never followed)."""
    url = url.strip()
    return url if _WEB.fullmatch(url) else ""


def author(article: Article) -> str:
    """The byline without a leading "By"."""
    return _BY.sub("", " ".join(article.byline.split()))


def published_day(published: str) -> date | None:
    """The day of an ISO date or timestamp; ``None`` for an undated article or another form."""
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _long_date(published: str) -> str:
    """``18 August 2025``; a year alone or any other form as stored."""
    day = published_day(published)
    if day is None:
        return published.strip()
    return f"{day.day} {day:%B %Y}"


def _plain(article: Article, quote: str, page: str) -> str:
    title = f"“{_title(article)}”"
    parts = [author(article), title, _one(article.source), _long_date(article.published), page]
    line = _sentence(", ".join(p for p in parts if p))
    if article.url:
        line += f" {article.url.strip()}"
    return f"“{quote}”\n— {line}" if quote else line


def _markdown(article: Article, quote: str, page: str) -> str:
    title = f"*{one_line(_title(article))}*"
    parts = [one_line(author(article)), title, one_line(article.source)]
    parts += [one_line(_long_date(article.published)), page]
    line = _sentence(", ".join(p for p in parts if p))
    if article.url:
        line += f" {markdown_url(article.url.strip())}"
    if not quote:
        return line
    return "\n".join([*block_quote(quote), ">", f"> — {line}"])


def _apa(article: Article, quote: str, page: str) -> str:
    """``“quote” (Author, 2025, p. 3)`` and the reference ``Author. (2025, August 18). Title.
    Outlet. URL``; without an author the title takes its place, as APA does."""
    writer, title = author(article), _title(article)
    day = published_day(article.published)
    year = str(day.year) if day else (_year(article.published) or "n.d.")
    when = f"{day.year}, {day:%B} {day.day}" if day else year
    lead = [_sentence(writer), f"({when}).", _sentence(title)] if writer else []
    lead = lead or [_sentence(title), f"({when})."]
    entry = " ".join([*lead, *([_sentence(_one(article.source))] if article.source else [])])
    if article.url:
        entry += f" {article.url.strip()}"
    if not quote:
        return entry
    who = writer or f"“{title}”"
    in_text = ", ".join(p for p in (who, year, page) if p)
    return f"“{quote}” ({in_text})\n\n{entry}"


def _title(article: Article) -> str:
    return _one(article.title) or "Untitled"


def _one(text: str) -> str:
    return " ".join(text.split())


def _year(published: str) -> str:
    found = re.match(r"\s*(\d{4})\b", published)
    return found.group(1) if found else ""


def _sentence(text: str) -> str:
    """``text`` ending in one full stop (a title that ends in "?" or "." keeps its own)."""
    text = text.strip()
    return text if not text or text[-1] in ".?!…" else text + "."
