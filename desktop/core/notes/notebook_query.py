"""The search language of the library (``search_query``) over the notebook's highlights.

The same words, phrases, prefixes, ``OR``, ``-word``/``NOT`` and groups, found in a highlight's
quote, note and tags; a known entity's spellings find each other as in the library. The filters
read as a note-taker means them: ``tag:`` is a note's own tag, ``after:``/``before:`` the day
the note was written; ``title:``, ``source:`` and ``story:`` are about the article it is on.
"""

from __future__ import annotations

from desktop.core.library.search_plan import Compiler, Part
from desktop.core.library.search_query import Filter, Text, parse
from desktop.core.storage.engine import sqlite3
from desktop.core.text.cjk import has_cjk

_IN_NOTES = "h.seq IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)"
_ARTICLES = "h.article_id IN (SELECT id FROM articles WHERE {})"


def plan_notes(conn: sqlite3.Connection, query: str) -> Part | None:
    """``query`` as an FTS5 query on ``highlights_fts`` (ranking) and conditions on the
    highlights ``h``; None when it holds nothing to search for. Raises ``QueryError`` for a
    query that means nothing, ``UnknownStory`` for a story not made."""
    node = parse(query)
    return None if node is None else _NotesCompiler(conn).compile(node)


class _NotesCompiler(Compiler):
    in_words = _IN_NOTES

    def _text(self, node: Text) -> Part:
        if node.field == "title":
            return self._on_article(super()._text(node))
        if has_cjk(node.text):  # the notes' index keeps a run of characters as one word
            run = " ".join(node.text.split())
            found = "(instr(h.quote, ?) > 0 OR instr(h.note, ?) > 0)"
            return Part("", [found], [run, run])
        return super()._text(node)

    def _filter(self, node: Filter) -> Part:
        if node.field == "tag":
            exists = "EXISTS (SELECT 1 FROM highlight_tags t WHERE t.tag = ? AND t.seq = h.seq)"
            return Part("", [exists], [node.value.lstrip("#")])
        if node.field == "after":
            return Part("", ["h.created >= ?"], [node.value])
        if node.field == "before":  # the whole day, month or year given is included
            return Part("", ["substr(h.created, 1, ?) <= ?"], [len(node.value), node.value])
        return self._on_article(super()._filter(node))

    def _on_article(self, part: Part) -> Part:
        """A condition on the article (compiled for ``articles``) as one on its highlights."""
        sql, params = part.as_sql(Compiler.in_words)
        return Part("", [_ARTICLES.format(sql)], params)
