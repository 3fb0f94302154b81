from __future__ import annotations

import pytest

from desktop.core.notes.errors import (
    BadOffsets,
    OccurrenceOutOfRange,
    QuoteNotFound,
    UnknownArticle,
    UnknownCategory,
    UnknownHighlight,
)
from desktop.core.notes.history import NoteHistory
from desktop.core.notes.notebook import Notebook
from tests.core.notes.conftest import TEXT


def test_add_stores_quote_context_and_hash(notebook: Notebook, add_article, library) -> None:
    article = add_article()
    start = TEXT.index("budget was a fantasy")
    h = notebook.add(article, start, start + 20, note="check", tags=["#Economy", " economy", "x"])
    assert h.quote == "budget was a fantasy" == TEXT[h.start : h.end]
    assert TEXT[: h.start].endswith(h.prefix) and len(h.prefix) == 32
    assert TEXT[h.end :].startswith(h.suffix) and len(h.suffix) == 32
    assert h.content_hash == library.store.get(article).content_hash
    assert h.tags == ("Economy", "x")
    assert h.created == h.modified and h.created.endswith("+00:00")
    assert notebook.get(h.id) == h


def test_add_quote_picks_the_requested_occurrence(notebook: Notebook, add_article) -> None:
    article = add_article()
    first = notebook.add_quote(article, "minister")
    second = notebook.add_quote(article, "minister", 2)
    assert first.start == TEXT.index("minister")
    assert second.start == TEXT.index("minister", first.start + 1)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda n, a: n.add_quote(a, "not in the text"), QuoteNotFound, "quote not found"),
        (lambda n, a: n.add_quote(a, "minister", 3), OccurrenceOutOfRange, "2 time(s)"),
        (lambda n, a: n.add_quote(a, "minister", 0), OccurrenceOutOfRange, "out of range"),
        (lambda n, a: n.add(a, 10, 5), BadOffsets, "bad offsets 10-5"),
        (lambda n, a: n.add(a, 0, len(TEXT) + 1), BadOffsets, "its length"),
        (lambda n, a: n.add(a + 99, 0, 3), UnknownArticle, "unknown article"),
        (lambda n, a: n.add(a, 0, 3, category="nope"), UnknownCategory, "unknown category"),
        (lambda n, a: n.get("no-such-id"), UnknownHighlight, "no highlight"),
    ],
)
def test_errors_name_the_problem(notebook: Notebook, add_article, call, error, words) -> None:
    article = add_article()
    with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")):
        call(notebook, article)
    assert notebook.for_article(article) == []


def test_update_delete_undelete(notebook: Notebook, add_article) -> None:
    article = add_article()
    h = notebook.add_quote(article, "fantasy")
    same = notebook.update(h.id)
    assert same == h
    edited = notebook.update(h.id, note="**really?**", category="Disagree", tags=["doubt"])
    assert (edited.note, edited.category, edited.tags) == ("**really?**", "disagree", ("doubt",))
    assert edited.modified >= h.modified and edited.created == h.created
    deleted = notebook.delete(h.id)
    assert deleted.deleted and notebook.for_article(article) == []
    assert notebook.search("really") == [] and notebook.count_by_article() == {}
    back = notebook.undelete(h.id)
    assert notebook.for_article(article) == [back] and not back.deleted


def test_for_article_is_in_text_order_with_orphans_last(notebook: Notebook, add_article, library):
    article = add_article()
    later = notebook.add_quote(article, "correction")
    earlier = notebook.add_quote(article, "Critics")
    orphan = notebook.add_quote(article, "fantasy")
    library.conn.execute("UPDATE highlights SET orphan = 1, start = 0 WHERE id = ?", (orphan.id,))
    listed = notebook.for_article(article)
    assert [h.id for h in listed] == [earlier.id, later.id, orphan.id]
    assert [h.orphan for h in listed] == [False, False, True]
    assert [h.id for h in notebook.orphans()] == [orphan.id]
    assert notebook.orphans(article + 1) == []


def test_search_full_text_and_filters(notebook: Notebook, add_article, library) -> None:
    one = add_article()
    two = add_article("A different story about rivers and floods.", title="Rivers")
    a = notebook.add_quote(one, "budget would rise", note="compare with last year", tags=["econ"])
    b = notebook.add_quote(one, "fantasy", category="disagree", tags=["opinion"])
    c = notebook.add_quote(two, "floods", note="budget for dikes?", tags=["Econ"])
    assert {h.id for h in notebook.search("budget")} == {a.id, c.id}
    assert [h.id for h in notebook.search("budget", article_id=two)] == [c.id]
    assert {h.id for h in notebook.search(tag="econ")} == {a.id, c.id}
    assert [h.id for h in notebook.search(tag="#opinion")] == [b.id]
    assert [h.id for h in notebook.search(category="Disagree")] == [b.id]
    assert [h.id for h in notebook.search("opinion")] == [b.id]  # tags are searchable
    assert [h.id for h in notebook.search()] == [c.id, b.id, a.id]  # newest first
    assert notebook.search("???") == [] and notebook.search("zebra") == []
    library.conn.execute(
        "UPDATE highlights SET created = '2020-01-05T10:00:00.000+00:00' WHERE id = ?", (a.id,)
    )
    assert [h.id for h in notebook.search(until="2020-01-05")] == [a.id]
    assert a.id not in {h.id for h in notebook.search(since="2020-01-06")}
    notebook.update(c.id, note="nothing about money")
    assert [h.id for h in notebook.search("budget")] == [a.id]  # index follows edits
    assert notebook.count_by_article() == {one: 2, two: 1}
    assert notebook.tags() == ["econ", "opinion"]
    assert notebook.article_titles([one, two]) == {one: "Budget", two: "Rivers"}


def test_search_reads_the_librarys_query_language(notebook: Notebook, add_article, library) -> None:
    """Each query against the ids a reader would pick by hand from the four notes below."""
    from desktop.core.library.search_query import QueryError
    from desktop.core.library.stories import attach

    one = add_article(source="Daily Ledger")
    two = add_article("Rivers rose and floods reached the old mill.", title="Rivers")
    three = add_article("立法院今天通过了预算。", title="预算")
    a = notebook.add_quote(one, "budget would rise", note="compare with last year", tags=["econ"])
    b = notebook.add_quote(one, "fantasy", category="disagree", tags=["opinion"])
    c = notebook.add_quote(two, "floods", note="budget for dikes?", tags=["econ"])
    d = notebook.add(three, 0, 7, note="official wording")  # 立法院今天通过
    attach(library.conn, "Harbour", [two])
    library.conn.execute(
        "UPDATE highlights SET created = '2020-01-05T10:00:00.000+00:00' WHERE id = ?", (a.id,)
    )
    expected = {
        "budget OR floods": {a.id, c.id},
        "budget -dikes": {a.id},
        "budget NOT dikes": {a.id},
        "-budget": {b.id, d.id},
        '"would rise"': {a.id},
        '"rise would"': set(),
        "fant*": {b.id},
        "(fantasy OR floods) -opinion": {c.id},
        "tag:econ": {a.id, c.id},
        "tag:econ -floods": {a.id},
        "title:rivers": {c.id},
        "source:ledger": {a.id, b.id},
        "story:Harbour": {c.id},
        "before:2020": {a.id},
        "after:2021-01-01 budget": {c.id},
        "立法院": {d.id},
        "budget or floods": set(),  # lower-case "or" is a word to find
    }
    found = {q: {h.id for h in notebook.search(q)} for q in expected}
    assert found == expected
    with pytest.raises(QueryError, match="closing"):
        notebook.search('"budget')


def test_categories_rename_recolour_extend(notebook: Notebook, add_article) -> None:
    names = [c.name for c in notebook.categories()]
    assert names == ["key-fact", "quote-to-use", "to-verify", "disagree"]
    assert all(c.builtin and c.light.startswith("#") and c.dark for c in notebook.categories())
    article = add_article()
    h = notebook.add_quote(article, "fantasy", category="to-verify")
    renamed = notebook.rename_category("to-verify", "Check this")
    assert renamed.label == "Check this" and renamed.name == "to-verify"
    assert notebook.get(h.id).category == "to-verify"  # highlights keep the style name
    assert notebook.category("check this").name == "to-verify"
    recoloured = notebook.recolour_category("Check this", "#ffffff", "#000000")
    assert (recoloured.light, recoloured.dark) == ("#ffffff", "#000000")
    added = notebook.add_category("Source: police", "#abcdef", "#123456")
    assert added.name == "source-police" and not added.builtin
    assert notebook.categories()[-1] == added
    assert notebook.add_quote(article, "room", category="Source: police").category == added.name
    with pytest.raises(UnknownCategory, match="already exists"):
        notebook.add_category("Source police", "#000", "#fff")
    with pytest.raises(UnknownCategory):
        notebook.rename_category("nope", "x")


def test_reattach_places_an_orphan_again(notebook: Notebook, add_article, library) -> None:
    article = add_article()
    h = notebook.add_quote(article, "fantasy", note="keep me")
    library.conn.execute("UPDATE highlights SET orphan = 1 WHERE id = ?", (h.id,))
    start = TEXT.index("correction")
    moved = notebook.reattach(h.id, start, start + 10)
    assert (moved.quote, moved.orphan, moved.note) == ("correction", False, "keep me")
    with pytest.raises(BadOffsets):
        notebook.reattach(h.id, 5, 5)


def test_history_undoes_and_redoes_create_edit_delete(notebook: Notebook, add_article) -> None:
    article = add_article()
    history = NoteHistory(notebook)
    h = history.add(article, 4, 12, note="first")
    history.update(h.id, note="second", tags=["t"])
    history.delete(h.id)
    assert notebook.for_article(article) == [] and history.undo_label == "Delete highlight"
    assert not history.undo().deleted
    assert history.undo().note == "first"
    assert notebook.get(h.id) == h
    assert history.undo().deleted and notebook.for_article(article) == []
    assert history.undo() is None and not history.can_undo
    assert history.redo() == h
    assert history.redo().note == "second"
    history.update(h.id, category="disagree")
    assert not history.can_redo  # a new change forgets the redo branch
    assert notebook.get(h.id).category == "disagree"


def test_search_ranks_best_first_and_falls_back_to_newest_when_broad(
    notebook: Notebook, add_article, monkeypatch
) -> None:
    from desktop.core.notes import notebook as notebook_module

    article = add_article()
    long_note = "a long note that names the budget once among many other words about the vote"
    in_quote = notebook.add_quote(article, "budget would rise")
    in_tag = notebook.add_quote(article, "room", tags=["budget"])
    in_note = notebook.add_quote(article, "Critics", note=long_note)  # newest, weakest match
    ranked = [h.id for h in notebook.search("budget")]
    assert ranked[-1] == in_note.id and set(ranked) == {in_note.id, in_quote.id, in_tag.id}
    monkeypatch.setattr(notebook_module, "RANK_LIMIT", 2)
    assert [h.id for h in notebook.search("budget")] == [in_note.id, in_tag.id, in_quote.id]
    assert [h.id for h in notebook.search("budget", tag="budget")] == [in_tag.id]


def test_add_quote_matches_whole_words_only(notebook: Notebook, add_article) -> None:
    text = "Another report. The minister spoke; then the other one did."
    article = add_article(text)
    first = notebook.add_quote(article, "the")  # not inside "Another", "then" or "other"
    assert (first.start, first.end) == (text.index(" the ") + 1, text.index(" the ") + 4)
    assert notebook.add_quote(article, "The").start == text.index("The ")
    with pytest.raises(QuoteNotFound, match=r"only inside longer words, 1 time\(s\)"):
        notebook.add_quote(article, "nother")
