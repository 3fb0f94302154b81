"""An article with its highlights as Markdown and HTML: marks, footnotes, orphans, and hostile
text that must stay text (checked by parsing the output, not by looking for strings)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
import yaml
from markdown_it import MarkdownIt

from desktop.core.notes.article_export import export_article, render_article
from tests.core.notes.conftest import TEXT
from tests.core.notes.hostile_strings import HOSTILE

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
FORBIDDEN = {"fence", "code_block", "hr", "html_block", "table_open", "bullet_list_open",
             "ordered_list_open", "html_inline", "image", "link_open",
             "blockquote_open"}  # fmt: skip
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "article", "h1", "h2", "p", "mark",
             "sup", "a", "ol", "li", "span", "blockquote"}  # fmt: skip


def test_markdown_marks_passages_and_turns_notes_into_footnotes(
    library, notebook, add_article
) -> None:
    article = add_article(source="The Ledger", url="https://example.org/b")
    budget = TEXT.index("budget would rise")
    notebook.add(article, budget, budget + len("budget would rise"), note="Check *this*")
    notebook.add(article, TEXT.index("fantasy"), TEXT.index("fantasy") + 7)
    document = export_article(library.conn, article, "md")
    assert document is not None
    head, body = document.removeprefix("---\n").split("\n---\n", 1)
    assert yaml.safe_load(head) == {
        "title": "Budget", "author": "", "source": "The Ledger", "url": "https://example.org/b",
        "date": "", "tags": [],
    }  # fmt: skip
    lines = body.splitlines()
    assert lines[:4] == ["", "# Budget", "", "The Ledger · <https://example.org/b>"]
    assert "the ==budget would rise==[^1] by four percent" in document
    assert "was a ==fantasy==." in document
    assert lines[-2:] == ["[^1]: **Key fact**", "    Check \\*this\\*"]
    assert export_article(library.conn, 999, "md") is None


def test_a_highlight_across_lines_is_marked_on_each_and_orphans_are_listed(
    library, notebook, add_article
) -> None:
    text = "First paragraph ends here.\n\nSecond one starts there."
    article = add_article(text)
    start = text.index("ends")
    notebook.add(article, start, text.index("starts"), note="spans")
    orphan = notebook.add(article, 0, 5, note="lost one")
    library.conn.execute("UPDATE highlights SET orphan = 1 WHERE id = ?", (orphan.id,))
    document = export_article(library.conn, article, "md")
    assert "First paragraph ==ends here.==" in document
    assert "==Second one==[^1] starts there." in document
    assert document.rstrip().endswith("> First\n\nlost one")
    html_doc = export_article(library.conn, article, "html")
    assert html_doc.count("<mark ") == 2 and html_doc.count('href="#note-1"') == 1
    assert "<h2>Not found in this text</h2>" in html_doc


@pytest.fixture
def hostile_article(library, notebook, add_article) -> int:
    """Every hostile string as a line of one article, its title, a highlighted passage and a
    note."""
    text = "\n".join(f"Line {i}: {value} end." for i, value in enumerate(HOSTILE))
    article = add_article(text, title="<b>Title</b> [x](y) # *z*", url="javascript:alert(1)")
    stored = library.store.get(article).text
    at = 0
    for value in HOSTILE:
        found = stored.find(value.strip() or "end", at) if value.strip() else -1
        if found >= 0:
            notebook.add(article, found, found + len(value.strip()), note=value, tags=[value])
            at = found + len(value.strip())
    return article


def test_hostile_markdown_keeps_its_structure(library, hostile_article) -> None:
    document = export_article(library.conn, hostile_article, "md")
    head, document = document.removeprefix("---\n").split("\n---\n", 1)
    meta = yaml.safe_load(head)
    assert meta["title"] == "<b>Title</b> [x](y) # *z*" and meta["url"] == "javascript:alert(1)"
    assert len(meta["tags"]) > 40 and all(isinstance(t, str) for t in meta["tags"])
    body = document.split("\n[^1]:")[0]  # footnotes are a GFM extension commonmark lacks
    tokens = MARKDOWN.parse(body)
    kinds = [t.type for t in tokens]
    assert kinds.count("heading_open") == 1, kinds
    found = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not FORBIDDEN & found, FORBIDDEN & found


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_hostile_html_has_only_its_own_tags_and_links(library, hostile_article) -> None:
    parser = _Tags()
    parser.feed(export_article(library.conn, hostile_article, "html"))
    assert parser.tags <= HTML_TAGS, parser.tags - HTML_TAGS
    assert all(h.startswith(("#note-", "#ref-")) for h in parser.hrefs), parser.hrefs
    assert "<script>alert(1)</script>" in "".join(parser.text)  # shown, as text


def test_unknown_format_is_refused(library, add_article) -> None:
    article = library.store.get(add_article())
    with pytest.raises(ValueError, match="unknown format"):
        render_article(article, [], [], "pdf")
