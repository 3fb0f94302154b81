"""One article with the user's highlights, as Markdown or HTML to keep, send or print.

The Markdown file starts with YAML front matter (title, author, source, URL, date, the
highlights' tags as Obsidian tags), as the notes export does. The text is the article's as
stored; each highlighted passage is marked (``==…==`` in Markdown, as Obsidian and most editors
show it; ``<mark>`` in HTML, with the category's colour *and* its name, so colour is never the
only signal) and its note becomes a numbered footnote. Everything that came from a page or a
user is escaped: no title, quote or note can add markup, a link or a script to the file. A
highlight that could not be placed in this text is listed at the end.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from desktop.core.library.citation import author, web_address
from desktop.core.library.pages import cite
from desktop.core.models import Article, Highlight, HighlightCategory
from desktop.core.notes.markdown_text import (
    block_quote,
    escape_inline,
    escape_line_start,
    front_matter,
    markdown_url,
    obsidian_tag,
    one_line,
    paragraphs,
    without_controls,
)
from desktop.core.storage.engine import sqlite3

FORMATS = ("md", "html")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Piece:
    """Part of one line of the text: ``highlight`` marks it; ``note`` is the footnote number
    due after it (the last piece of a highlight with a note), 0 for none."""

    text: str
    highlight: Highlight | None
    note: int


def render_article(
    article: Article,
    highlights: list[Highlight],
    categories: list[HighlightCategory],
    fmt: str,
) -> str:
    """``article`` in ``fmt`` (``md`` or ``html``) with its highlights and notes."""
    labels = {c.name: c for c in categories}
    if fmt == "md":
        return _markdown(article, highlights, labels)
    if fmt == "html":
        return _html(article, highlights, labels)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def _placed(highlights: list[Highlight], length: int) -> list[Highlight]:
    """Placed highlights in text order, each starting where the one before ended at the
    earliest: a passage inside another is marked once."""
    out: list[Highlight] = []
    reached = 0
    for h in sorted((h for h in highlights if not h.orphan), key=lambda h: (h.start, h.end)):
        start, end = max(h.start, reached), min(h.end, length)
        if end > start:
            out.append(h if start == h.start else replace(h, start=start))
            reached = end
    return out


def noted(highlights: list[Highlight]) -> dict[str, int]:
    """Footnote number of each highlight with a note, in text order."""
    return {h.id: n for n, h in enumerate((h for h in highlights if h.note.strip()), start=1)}


def marked_lines(text: str, highlights: list[Highlight]) -> Iterator[list[Piece]]:
    """The text's lines, each cut into pieces at highlight boundaries."""
    placed = _placed(highlights, len(text))
    numbers = noted(placed)
    index = 0
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        start, end = offset, offset + len(line)
        offset += len(raw)
        pieces: list[Piece] = []
        at = start
        while index < len(placed) and placed[index].start < end:
            h = placed[index]
            if h.start > at:
                pieces.append(Piece(text[at : h.start], None, 0))
            cut = min(h.end, end)
            if cut > max(h.start, at):
                last = h.end <= end
                note = numbers.get(h.id, 0) if last else 0
                pieces.append(Piece(text[max(h.start, at) : cut], h, note))
            at = cut
            if h.end > end:
                break  # continues on the next line
            index += 1
        if at < end:
            pieces.append(Piece(text[at:end], None, 0))
        yield pieces


def _about(article: Article) -> list[str]:
    return [p for p in (author(article), article.source.strip(), article.published[:10]) if p]


def _label(h: Highlight, labels: dict[str, HighlightCategory]) -> str:
    return labels[h.category].label if h.category in labels else h.category


def _footnotes(article: Article, highlights: list[Highlight]) -> list[tuple[int, Highlight, str]]:
    placed = _placed(highlights, len(article.text))
    numbers = noted(placed)
    originals = {h.id: h for h in highlights}
    out = []
    for h in placed:
        if h.id in numbers:
            full = originals[h.id]
            out.append((numbers[h.id], full, cite(article.pages, full.start, full.end)))
    return out


# --- Markdown -----------------------------------------------------------------------------


def _markdown(
    article: Article, highlights: list[Highlight], labels: dict[str, HighlightCategory]
) -> str:
    about = [one_line(p) for p in _about(article)]
    if article.url.strip():
        about.append(markdown_url(article.url.strip()))
    lines = front_matter(
        [
            ("title", article.title),
            ("author", author(article)),
            ("source", article.source),
            ("url", article.url),
            ("date", article.published),
            ("tags", sorted({obsidian_tag(t) for h in highlights for t in h.tags})),
        ]
    )
    lines += [f"# {one_line(article.title) or 'Untitled'}", ""]
    if about:
        lines += [" · ".join(about), ""]
    for pieces in marked_lines(article.text, highlights):
        line = "".join(_markdown_piece(p) for p in pieces)
        if line.strip():  # each line of the text is a paragraph, as in the reader
            lines += [escape_line_start(line), ""]
    for number, h, page in _footnotes(article, highlights):
        head = " · ".join(p for p in (f"**{one_line(_label(h, labels))}**", page) if p)
        tags = " ".join(f"\\#{escape_inline(t)}" for t in h.tags)
        text = [head, *paragraphs(h.note), *([tags] if tags else [])]
        lines.append(f"[^{number}]: {text[0]}")
        lines += [f"    {t}" if t else "" for t in text[1:]]
    orphans = [h for h in highlights if h.orphan]
    if orphans:
        lines += ["", "## Not found in this text", ""]
        for h in orphans:
            lines += [*block_quote(h.quote), "", *paragraphs(h.note), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_piece(piece: Piece) -> str:
    text = escape_inline(piece.text)
    if piece.highlight is None:
        return text
    # Emphasis may not start or end on a blank: the marks go around the words.
    inner = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    note = f"[^{piece.note}]" if piece.note else ""
    return f"{lead}=={inner}=={note}{trail}" if inner else text + note


# --- HTML ---------------------------------------------------------------------------------

# Sizes in points: Qt's printer (a PDF at 1200 dpi) takes pixels as device pixels.
_STYLE = """
body { font-family: Georgia, serif; font-size: 12pt; line-height: 1.6; max-width: 40em;
       margin: 2em auto; padding: 0 1em; }
.about { color: #555; }
mark { padding: 0 .1em; }
sup a, .notes a { text-decoration: none; }
.notes { border-top: 1px solid #ccc; margin-top: 2em; font-size: .9em; }
.category { font-weight: bold; }
"""


def _html(
    article: Article, highlights: list[Highlight], labels: dict[str, HighlightCategory]
) -> str:
    title = _escape(article.title.strip() or "Untitled")
    about = [_escape(p) for p in _about(article)]
    url = article.url.strip()
    if url:
        about.append(_link(url))
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body><article>",
        f"<h1>{title}</h1>",
    ]
    if about:
        out.append(f'<p class="about">{" · ".join(about)}</p>')
    for pieces in marked_lines(article.text, highlights):
        line = "".join(_html_piece(p, labels) for p in pieces)
        if line.strip():
            out.append(f"<p>{line}</p>")
    notes = _footnotes(article, highlights)
    if notes:
        out.append('<ol class="notes">')
        for number, h, page in notes:
            head = f'<span class="category">{_escape(_label(h, labels))}</span>'
            where = f" ({_escape(page)})" if page else ""
            tags = " ".join(f"#{_escape(t)}" for t in h.tags)
            body = "".join(f"<p>{_escape(p)}</p>" for p in h.note.strip().split("\n") if p)
            back = f' <a href="#ref-{number}">↩</a>'
            tail = f"<p>{tags}</p>" if tags else ""
            out.append(f'<li id="note-{number}">{head}{where}{back}{body}{tail}</li>')
        out.append("</ol>")
    orphans = [h for h in highlights if h.orphan]
    if orphans:
        out.append("<h2>Not found in this text</h2>")
        for h in orphans:
            note = f"<p>{_escape(h.note)}</p>" if h.note.strip() else ""
            out.append(f"<blockquote>{_escape(h.quote)}</blockquote>{note}")
    out.append("</article></body></html>")
    return "\n".join(out) + "\n"


def _html_piece(piece: Piece, labels: dict[str, HighlightCategory]) -> str:
    text = _escape(piece.text)
    h = piece.highlight
    if h is None:
        return text
    category = labels.get(h.category)
    colour = category.light if category and _COLOUR.fullmatch(category.light) else "#ffe680"
    label = _escape(_label(h, labels))
    ref = (
        f'<sup><a id="ref-{piece.note}" href="#note-{piece.note}">{piece.note}</a></sup>'
        if piece.note
        else ""
    )
    return f'<mark style="background-color: {colour}" title="{label}">{text}</mark>{ref}'


def _escape(text: str) -> str:
    return html.escape(without_controls(text), quote=True)


def _link(url: str) -> str:
    """A link only for a web address; anything else (``javascript:``, ``file:``) is text."""
    shown = _escape(url)
    return f'<a href="{shown}">{shown}</a>' if web_address(url) else shown


def export_article(conn: sqlite3.Connection, article_id: int, fmt: str) -> str | None:
    """The article ``article_id`` of the library in ``fmt``; ``None`` when there is none."""
    from desktop.core.library.store import ArticleStore
    from desktop.core.notes.notebook import Notebook

    article = ArticleStore(conn).get(article_id)
    if article is None:
        return None
    notebook = Notebook(conn)
    return render_article(article, notebook.for_article(article_id), notebook.categories(), fmt)
