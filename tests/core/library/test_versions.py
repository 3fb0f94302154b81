"""Re-importing an updated article: same id, new text, highlights re-anchored, none lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.entity_index import article_entities, index_pending
from desktop.core.library.importing import import_paths
from desktop.core.library.session import Library, open_library
from desktop.core.library.versions import same_story
from desktop.core.notes.notebook import Notebook

V1 = (
    "The council approved the new harbour plan on Monday after a long debate.\n\n"
    "Mayor Ana Lopes said the vote was a turning point for the town's fishermen.\n\n"
    "Opponents argued that the plan ignored the cost of dredging the old channel.\n\n"
    "Work is due to start in the spring and to last two years."
)
# An update: a new opening paragraph, the opponents' paragraph gone, the rest kept.
V2 = (
    "Update: the council published the final budget for the harbour on Tuesday.\n\n"
    "The council approved the new harbour plan on Monday after a long debate.\n\n"
    "Mayor Ana Lopes said the vote was a turning point for the town's fishermen.\n\n"
    "Work is due to start in the spring and to last two years."
)
KEPT = "the vote was a turning point"
GONE = "ignored the cost of dredging the old channel"


@pytest.fixture
def library() -> Library:
    with open_library(seed=False) as opened:
        yield opened


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_reimported_file_updates_the_article_and_reanchors_its_highlights(
    library: Library, tmp_path: Path
) -> None:
    story = _write(tmp_path / "harbour-plan.txt", V1)
    (article_id,) = import_paths(library, [story]).imported
    notebook = Notebook(library.conn)
    kept = notebook.add_quote(article_id, KEPT, note="use in the lede")
    gone = notebook.add_quote(article_id, GONE, note="ask the opponents")
    library.store.set_starred(article_id)

    _write(story, V2)
    report = import_paths(library, [story])

    assert report.updated == [article_id] and report.files[0].updated == (article_id,)
    assert report.imported == [] and report.duplicates == []
    assert library.store.count() == 1
    article = library.store.get(article_id)
    assert article.text == V2 and article.starred
    moved, orphan = notebook.get(kept.id), notebook.get(gone.id)
    assert not moved.orphan and moved.start == V2.index(KEPT) != kept.start
    assert V2[moved.start : moved.end] == KEPT and moved.content_hash == article.content_hash
    assert orphan.orphan and (orphan.quote, orphan.note) == (GONE, "ask the opponents")
    assert {h.id for h in notebook.for_article(article_id)} == {kept.id, gone.id}

    assert import_paths(library, [story]).duplicates == [article_id]  # the same text again


def test_same_url_from_another_file_is_an_update(library: Library, tmp_path: Path) -> None:
    page = '<html><head><link rel="canonical" href="{}"><title>Harbour</title></head><body>{}'
    paragraphs = "".join(f"<p>{p}</p>" for p in V1.split("\n\n"))
    first = _write(tmp_path / "a.html", page.format("https://example.org/harbour", paragraphs))
    (article_id,) = import_paths(library, [first]).imported
    if library.store.get(article_id).url != "https://example.org/harbour":
        pytest.skip("the HTML reader does not take the canonical URL from this page")
    second_text = page.format("https://example.org/harbour", paragraphs + "<p>More news.</p>")
    second = _write(tmp_path / "b.html", second_text)
    other = _write(
        tmp_path / "c.html", page.format("https://example.org/other", paragraphs + "<p>x</p>")
    )
    report = import_paths(library, [second, other])
    assert report.updated == [article_id] and len(report.imported) == 1
    assert "More news." in library.store.get(article_id).text


def test_update_drops_the_entity_index_of_the_old_text(library: Library, tmp_path: Path) -> None:
    story = _write(tmp_path / "harbour-plan.txt", V1)
    (article_id,) = import_paths(library, [story]).imported
    index_pending(library.conn)
    old_mentions = library.conn.execute(
        "SELECT count(*) FROM entity_mentions WHERE article_id = ?", (article_id,)
    ).fetchone()[0]
    assert old_mentions > 0

    _write(story, V2)
    import_paths(library, [story])
    stale = library.conn.execute(
        "SELECT count(*) FROM entity_mentions WHERE article_id = ?", (article_id,)
    ).fetchone()[0]
    assert stale == 0
    assert index_pending(library.conn) == 1  # the changed text is indexed again
    entities, _ = article_entities(library.conn, library.store.get(article_id))
    assert all(V2[e.start : e.end] == e.text for e in entities)
    assert any(e.text == "Ana Lopes" for e in entities)


def test_another_article_under_the_same_file_name_is_new_not_an_update(
    library: Library, tmp_path: Path
) -> None:
    story = _write(tmp_path / "story.txt", V1)
    (first,) = import_paths(library, [story]).imported
    Notebook(library.conn).add_quote(first, KEPT)
    other = (
        "Heavy rain closed the mountain pass for a second day, and drivers were told to take"
        " the coast road. Snow ploughs are waiting for the storm to pass."
    )
    _write(story, other)
    report = import_paths(library, [story])
    assert report.updated == [] and len(report.imported) == 1
    assert library.store.get(first).text == V1  # untouched, its highlight still placed
    assert not Notebook(library.conn).for_article(first)[0].orphan


def test_same_story_compares_runs_of_words() -> None:
    assert same_story(V1, V2) and same_story(V2, V1)
    assert same_story("Short note.", "short note")
    assert not same_story(V1, "Heavy rain closed the mountain pass for a second day.")
    assert not same_story("", V1) and not same_story("...", "...")
