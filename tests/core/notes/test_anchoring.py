from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from desktop.core.library.store import ArticleStore, content_hash, with_hash
from desktop.core.library.updating import replace_text
from desktop.core.models import Article
from desktop.core.notes.anchoring import (
    CONTEXT,
    EDITED_SIMILARITY,
    locate,
    reanchor_article,
    selectors,
)
from desktop.core.notes.notebook import Notebook
from desktop.core.notes.quote_search import typographic
from desktop.core.storage.db import connect, transaction
from desktop.core.storage.engine import sqlite3
from tests.core.notes.conftest import TEXT


def _store(text: str) -> tuple[ArticleStore, int]:
    store = ArticleStore(connect(":memory:"))
    return store, store.add(with_hash(Article(0, "t", text, "", 0))).id


def _replace(store: ArticleStore, article_id: int, text: str):
    return replace_text(store, article_id, with_hash(Article(0, "t", text, "", 0))).highlights


def test_insertion_before_moves_the_highlight() -> None:
    store, article = _store(TEXT)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "budget was a fantasy", note="n")
    new_text = "BREAKING: " + TEXT
    report = _replace(store, article, new_text)
    moved = notebook.get(h.id)
    assert report.exact == (h.id,)
    assert moved.start == h.start + 10 and new_text[moved.start : moved.end] == h.quote
    assert moved.content_hash == content_hash(new_text) and moved.note == "n"


def test_repeated_quote_follows_its_context_not_the_nearest_copy() -> None:
    text = "Police said the suspect fled north. Witnesses saw the car leave at dawn."
    store, article = _store(text)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "the", 2)
    new_text = "Update, 14:00: this story has been revised. " + text
    _replace(store, article, new_text)
    moved = notebook.get(h.id)
    nearest = new_text.find("the", h.start)
    assert nearest - h.start < moved.start - h.start  # another copy was closer…
    assert new_text[moved.start - 14 : moved.end] == "Witnesses saw the"  # …context won


def test_edited_quote_is_found_approximately() -> None:
    store, article = _store(TEXT)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "The minister left the room without questions.")
    new_text = TEXT.replace("left the room without", "walked out of the room without any")
    report = _replace(store, article, new_text)
    moved = notebook.get(h.id)
    assert report.fuzzy == (h.id,) and not moved.orphan
    assert moved.quote == new_text[moved.start : moved.end]
    assert moved.quote.startswith("The minister") and moved.quote.endswith("questions.")


def test_removed_passage_becomes_an_orphan_and_can_be_reattached() -> None:
    store, article = _store(TEXT)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "Critics said the budget was a fantasy.", note="keep")
    other = notebook.add_quote(article, "correction")
    new_text = TEXT.replace("Critics said the budget was a fantasy. ", "")
    report = _replace(store, article, new_text)
    assert report.orphaned == (h.id,) and report.exact == (other.id,)
    orphan = notebook.get(h.id)
    assert orphan.orphan and orphan.quote == h.quote and orphan.note == "keep"
    assert orphan.content_hash == h.content_hash  # still says which text it came from
    assert [o.id for o in notebook.orphans(article)] == [h.id]
    assert notebook.for_article(article)[-1] == orphan
    back = notebook.reattach(h.id, 0, 12)
    assert not back.orphan and back.quote == new_text[:12]
    # Restoring the old text re-attaches remaining orphans by themselves.
    notebook.update(back.id, note="still here")
    _replace(store, article, TEXT)
    assert not notebook.get(other.id).orphan


def test_unchanged_text_changes_nothing() -> None:
    store, article = _store(TEXT)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "fantasy")
    report = reanchor_article(store.conn, article, TEXT, content_hash(TEXT))
    assert report.unchanged == (h.id,) and notebook.get(h.id) == h


def test_locate_without_quote_or_match_finds_nothing() -> None:
    assert locate(TEXT, "") is None
    assert locate(TEXT, "xyzzy plover quux", hint=3) is None
    assert locate("short", "a much longer quote than the text") is None


# --- property: random edits around and inside highlighted passages -------------------------

WORDS = st.text(alphabet="abcdefghijklm", min_size=1, max_size=8)
INSERTS = st.text(alphabet="nopqrstuvwxyz é😀.\n", max_size=25)


@dataclass(frozen=True)
class Edit:
    at: float
    delete: int
    insert: str


EDITS = st.builds(Edit, st.floats(0, 1), st.integers(0, 30), INSERTS)


@st.composite
def scenarios(draw):
    text = " ".join(draw(st.lists(WORDS, min_size=5, max_size=60))) + "."
    spans = []
    for _ in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 40)))
        spans.append((start, end))
    return text, spans, draw(st.lists(EDITS, min_size=1, max_size=5))


def _apply(text: str, edits: list[Edit], spans: list[tuple[int, int]]):
    """The edited text, and for each span its new start if no edit came near it, else None."""
    shifted: list[int | None] = [s for s, _ in spans]
    for edit in edits:
        at = round(edit.at * len(text))
        gone = min(edit.delete, len(text) - at)
        text = text[:at] + edit.insert + text[at + gone :]
        for i, (start, end) in enumerate(spans):
            new = shifted[i]
            if new is None:
                continue
            if at + gone <= new - CONTEXT:
                shifted[i] = new + len(edit.insert) - gone
            elif at < new + (end - start) + CONTEXT:
                shifted[i] = None
    return text, shifted


@settings(
    max_examples=int(os.environ.get("NOTES_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(scenarios())
def test_random_edits_reanchor_survivors_and_orphan_the_rest(scenario) -> None:
    text, spans, edits = scenario
    store, article = _store(text)
    notebook = Notebook(store.conn)
    before = [notebook.add(article, s, e, note=f"note {i}") for i, (s, e) in enumerate(spans)]
    new_text, shifted = _apply(text, edits, spans)
    if not new_text.strip():
        new_text = "-"
    _replace(store, article, new_text)
    after = {h.id: h for h in notebook.for_article(article)}
    assert set(after) == {h.id for h in before}  # none vanish
    digest = content_hash(new_text)
    for old, untouched in zip(before, shifted, strict=True):
        new = after[old.id]
        assert new.note == old.note and new.original_quote == old.quote
        if new.anchor == "exact":
            # Certain means the same words: only spacing, quote marks or dashes may differ.
            assert typographic(new_text[new.start : new.end]) == typographic(old.quote)
        elif new.anchor == "moved":
            assert fuzz.ratio(old.quote, new.quote) >= EDITED_SIMILARITY * 100
        if new.orphan:
            assert (new.quote, new.start, new.content_hash) == (
                old.quote,
                old.start,
                old.content_hash,
            )
        else:
            assert (new.quote, new.prefix, new.suffix) == selectors(new_text, new.start, new.end)
            assert new.content_hash == digest
        if untouched is not None:
            # No edit came near it: the very same passage, moved by the edits, for certain.
            assert (new.anchor, new.start) == ("exact", untouched)


def test_reanchoring_is_one_transaction_over_a_shared_connection() -> None:
    conn: sqlite3.Connection = connect(":memory:")
    store = ArticleStore(conn)
    article = store.add(with_hash(Article(0, "t", TEXT, "", 0))).id
    notebook = Notebook(conn)
    h = notebook.add_quote(article, "fantasy")
    try:
        with transaction(conn):
            _replace(store, article, "fantasy first. " + TEXT)
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    assert notebook.get(h.id) == h and store.get(article).text == TEXT


def test_far_copy_with_its_context_beats_a_near_copy_without() -> None:
    filler = "".join(f"sentence number {i} of the filler. " for i in range(400))
    text = "Context one: the quote here, and more. " + filler + "Other: the quote here, end."
    h_start = text.index("the quote here", 100)
    quote, prefix, suffix = selectors(text, h_start, h_start + len("the quote here"))
    # Cut most of the filler: the highlighted copy moves far back, the first copy is nearer.
    new_text = text[:40] + text[40 + len(filler) - 300 :]
    anchor = locate(new_text, quote, prefix, suffix, hint=h_start)
    assert new_text[anchor.start - 7 : anchor.end] == "Other: the quote here"


def test_highlights_take_the_hash_the_store_recorded() -> None:
    store, article = _store(TEXT)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "fantasy")
    new = Article(0, "t", "Now: " + TEXT, "hash-chosen-by-an-importer", 0)
    replace_text(store, article, new)
    assert notebook.get(h.id).content_hash == "hash-chosen-by-an-importer"
    assert store.get(article).content_hash == "hash-chosen-by-an-importer"


def test_capitalised_first_word_keeps_its_first_letter() -> None:
    text = (
        "The ministry denied the report on Tuesday. according to two officials who spoke on"
        " condition of anonymity, the plan was dropped."
    )
    store, article = _store(text)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "according to two officials")
    new_text = text.replace("according", "According")
    report = _replace(store, article, new_text)
    moved = notebook.get(h.id)
    assert report.fuzzy == (h.id,)
    assert moved.quote == "According to two officials" == new_text[moved.start : moved.end]


def test_an_edited_edge_word_stays_in_the_highlight_whole() -> None:
    """Replacing a passage's first (or last) word keeps the new word in the highlight, whole —
    by the quote's context alone, without the old text."""
    text = "Earlier today Critics said the budget was a fantasy, and the minister left."
    quote = "Critics said the budget was a fantasy"
    start = text.index(quote)
    selected = selectors(text, start, start + len(quote))
    for old, new, expected in (
        ("Critics", "Opponents", "Opponents said the budget was a fantasy"),
        ("fantasy", "fantasies", "Critics said the budget was a fantasies"),
    ):
        new_text = text.replace(old, new)
        anchor = locate(new_text, *selected, hint=start)
        assert anchor is not None and anchor.method == "fuzzy" and not anchor.certain
        assert new_text[anchor.start : anchor.end] == expected


def test_the_notes_the_library_uses_do_not_depend_on_it() -> None:
    """Placing notes is pure: changing an article's text is ``library.updating``'s job, so the
    modules the library calls (anchoring, and the notebook through ``detached``) never import
    it back, and anchoring can be tested on its own. (``recovery`` sits above both.)"""
    script = (
        "import sys\n"
        "import desktop.core.notes.anchoring, desktop.core.notes.detached\n"
        "import desktop.core.notes.notebook\n"
        "print(sorted(m for m in sys.modules if m.startswith('desktop.core.library')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_lone_word_left_in_a_rewritten_sentence_is_moved_not_exact() -> None:
    """The alignment keeps "chair" where it was, but nothing around it survived the rewrite:
    it is a guess to check, not a certainty."""
    old = "Alpha beta gamma. The chair said no to it. Delta epsilon zeta."
    new = "Alpha beta gamma. A new chair spoke up at once. Delta epsilon zeta."
    store, article = _store(old)
    notebook = Notebook(store.conn)
    h = notebook.add_quote(article, "chair")
    report = _replace(store, article, new)
    placed = notebook.get(h.id)
    assert report.moved == (h.id,) and placed.anchor == "moved"
    assert new[placed.start : placed.end] == "chair"


def test_a_text_changed_only_in_trailing_spaces_gets_fresh_selectors() -> None:
    """Regression: such texts share a content hash, and the highlight kept its old suffix."""
    store, article = _store("a a a a a.")
    notebook = Notebook(store.conn)
    h = notebook.add(article, 0, 1)
    _replace(store, article, "a a a a a. ")
    placed = notebook.get(h.id)
    assert (placed.quote, placed.prefix, placed.suffix) == selectors("a a a a a. ", 0, 1)
    assert placed.anchor == "exact"
