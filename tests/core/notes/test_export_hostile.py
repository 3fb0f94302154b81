"""Exports of hostile notes, quotes and titles keep their structure: checked by parsing them
(csv, PyYAML, markdown-it tokens), never by looking for strings."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from markdown_it import MarkdownIt

from desktop.core.notes.export import FORMULA_PREFIXES, export_notes
from desktop.core.notes.markdown_export import export_markdown_folder
from desktop.core.notes.markdown_text import text_lines
from tests.core.notes.hostile_strings import HOSTILE

# CommonMark plus the GFM extensions a vault or a forge would render.
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
FORBIDDEN = {"fence", "code_block", "hr", "html_block", "table_open", "bullet_list_open",
             "ordered_list_open", "html_inline", "image"}  # fmt: skip


@pytest.fixture
def hostile(notebook, add_article, library) -> list[int]:
    """One article per hostile string: as title, inside the quote, as note and as a tag."""
    ids = []
    for index, value in enumerate(HOSTILE):
        text = f"Intro {index}. {value} Outro."
        article = add_article(text, title=value if value.strip() else f"blank {index}")
        stored = library.store.get(article).text
        notebook.add(article, 0, len(stored), note=value, tags=[value, "C++", "2019"])
        ids.append(article)
    stored = [library.store.get(a).title for a in ids]
    assert any("\x07" in t for t in stored) and any("\u2028" in t for t in stored)
    return ids


def _split_front_matter(document: str) -> tuple[dict, str]:
    assert document.startswith("---\n")
    head, body = document[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def _visible(text: str) -> str:
    """What a Markdown reader shows of ``text``: the export's line breaks and control
    characters (U+FFFD), blanks around lines dropped, whitespace runs collapsed."""
    return " ".join(" ".join(text_lines(text)).split())


def _inline_text(tokens) -> str:
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        parts.append(" ")
    return " ".join("".join(parts).split())


def _blocks(body: str) -> list[list]:
    """Top-level blocks of ``body``: each a list of tokens from open to close."""
    blocks, current, depth = [], [], 0
    for token in MARKDOWN.parse(body):
        current.append(token)
        depth += token.nesting
        if depth == 0:
            blocks.append(current)
            current = []
    return blocks


def _check_article(body: str, title: str, quote: str, note: str) -> None:
    tokens = MARKDOWN.parse(body)
    assert not FORBIDDEN & {t.type for t in tokens}, body
    for token in tokens:
        for child in token.children or []:
            assert child.type not in FORBIDDEN, (child.type, body)
    blocks = _blocks(body)
    kinds = [b[0].type for b in blocks]
    assert kinds.count("heading_open") == 1 and kinds[0] == "heading_open", kinds
    assert blocks[0][0].tag == "h1"
    assert _inline_text(blocks[0]) == _visible(title)
    assert kinds.count("blockquote_open") == 1, kinds
    quote_block = blocks[kinds.index("blockquote_open")]
    assert [t.type for t in quote_block].count("blockquote_open") == 1  # nothing nested
    assert _inline_text(quote_block) == _visible(quote)
    after = blocks[kinds.index("blockquote_open") + 1 :]
    *note_blocks, meta = after
    assert all(b[0].type == "paragraph_open" for b in after), [b[0].type for b in after]
    note_tokens = [t for block in note_blocks for t in block]
    assert _inline_text(note_tokens) == _visible(note)
    links = [c for t in meta for c in t.children or [] if c.type == "link_open"]
    assert len(links) == 1 and links[0].attrs["href"].startswith("dossier://text/")
    tags = _inline_text(meta).split(" · ")[1].split()
    assert tags[-2:] == ["#Cplusplus", "#_2019"]


def test_markdown_folder_keeps_every_file_whole(hostile, library, tmp_path) -> None:
    written = export_markdown_folder(library.conn, tmp_path / "vault")
    assert len(written) == len(HOSTILE) == len({p.name for p in written})
    for path, article_id in zip(written, hostile, strict=True):
        article = library.store.get(article_id)
        [h] = [h for h in _highlights(library) if h.article_id == article_id]
        meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
        assert meta["title"] == article.title and meta["url"] == ""
        assert meta["dossier"].startswith("dossier://text/") and isinstance(meta["tags"], list)
        _check_article(body, article.title, h.quote, h.note)


def test_single_markdown_file_has_one_front_matter_and_a_section_each(hostile, library):
    out = io.StringIO()
    export_notes(library.conn, "md", out)
    meta, body = _split_front_matter(out.getvalue())
    titles = [library.store.get(a).title for a in hostile]
    assert meta["articles"] == titles and meta["title"] == "Dossier notes"
    blocks = _blocks(body)
    kinds = [b[0].type for b in blocks]
    assert kinds.count("heading_open") == len(HOSTILE)
    assert kinds.count("blockquote_open") == len(HOSTILE)
    headings = [_inline_text(b) for b in blocks if b[0].type == "heading_open"]
    assert headings == [_visible(t) for t in titles]


def test_csv_cells_read_back_as_written_and_formulas_are_text(hostile, library) -> None:
    out = io.StringIO()
    export_notes(library.conn, "csv", out)
    text = out.getvalue()
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert len(rows) == len(HOSTILE)
    by_id = {h.id: h for h in _highlights(library)}
    for row in rows:
        h = by_id[row["id"]]
        title = library.store.get(h.article_id).title
        for column, value in (("note", h.note), ("quote", h.quote), ("article_title", title)):
            expected = "'" + value if value.startswith(FORMULA_PREFIXES) else value
            assert row[column] == expected, column
        assert json.loads(row["tags"].removeprefix("'")) == list(h.tags)
        assert not any(cell.startswith(FORMULA_PREFIXES) for cell in row.values())


def _highlights(library):
    from desktop.core.notes.notebook import Notebook

    return list(Notebook(library.conn).iter_all())
