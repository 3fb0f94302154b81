"""Re-importing an updated article: same id, new text, highlights re-anchored, none lost; a
text that tells less of a stored article never replaces it; every replaced text is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.library import updating
from desktop.core.library.entity_index import article_entities, index_pending
from desktop.core.library.importing import import_paths
from desktop.core.library.matching import LESSER, NEWER, OTHER, compare
from desktop.core.library.session import Library, open_library
from desktop.core.library.store import content_hash
from desktop.core.library.updating import VersionError, restore_version
from desktop.core.library.versions import get_version, list_versions
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.engine import sqlite3
from tests.core.library.stories import GONE, KEPT, V1, V2


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


def test_compare_measures_both_texts_and_their_lengths() -> None:
    assert compare(V1, V2) == NEWER and compare(V2, V1) == NEWER
    assert compare("Short note.", "short note") == NEWER
    assert compare(V1, "Heavy rain closed the mountain pass for a second day.") == OTHER
    assert compare("", V1) == OTHER and compare("...", "...") == OTHER
    lead = V1.split("\n\n")[0]
    assert compare(V1, lead) == LESSER  # a feed summary: all of it in the article
    assert compare(lead, V1) == NEWER  # the full article replaces its summary
    assert compare(V1, V1[: int(len(V1) * 0.9)]) == LESSER  # a cut re-save


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{source}</title><link>https://example.org/</link>
<item><title>Harbour plan approved</title><link>https://example.org/harbour</link>
<pubDate>{date}</pubDate><description>{summary}</description>{content}</item>
</channel></rss>"""


def _feed(path: Path, source: str, date: str, summary: str, text: str = "") -> Path:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n")) if text else ""
    content = f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>" if text else ""
    return _write(path, FEED.format(source=source, date=date, summary=summary, content=content))


def _highlighted(library: Library, article_id: int) -> list[tuple[int, int, bool]]:
    return [(h.start, h.end, h.orphan) for h in Notebook(library.conn).for_article(article_id)]


def test_feed_summary_of_a_stored_article_is_a_duplicate_not_an_update(
    library: Library, tmp_path: Path
) -> None:
    full = _feed(tmp_path / "gazette.xml", "Harbour Gazette", "Mon, 06 Mar 2023 09:00:00 GMT",
                 "A short teaser.", V1)  # fmt: skip
    (article_id,) = import_paths(library, [full]).imported
    before = library.store.get(article_id)
    assert before.url == "https://example.org/harbour" and before.text.startswith("The council")
    Notebook(library.conn).add_quote(article_id, GONE, note="ask the opponents")
    highlights = _highlighted(library, article_id)

    summary = V1.split("\n\n")[0]  # a digest linking to the article: its first sentence
    digest = _feed(tmp_path / "digest.xml", "News Digest", "Fri, 10 Mar 2023 18:00:00 GMT",
                   summary)  # fmt: skip
    report = import_paths(library, [digest])

    assert report.duplicates == [article_id] and report.updated == report.imported == []
    assert report.files[0].reasons == (
        f"the library already holds a fuller text of this article (id {article_id})",
    )
    after = library.store.get(article_id)
    assert (after.text, after.published, after.source, after.content_hash) == (
        before.text, before.published, before.source, before.content_hash,
    )  # fmt: skip
    assert _highlighted(library, article_id) == highlights
    assert list_versions(library.conn, article_id) == []
    assert library.store.count() == 1


def test_truncated_resave_of_a_file_keeps_the_full_text(library: Library, tmp_path: Path) -> None:
    story = _write(tmp_path / "harbour-plan.txt", "date 2023-03-06\n" + V1)
    (article_id,) = import_paths(library, [story]).imported
    Notebook(library.conn).add_quote(article_id, "Work is due to start in the spring")
    highlights = _highlighted(library, article_id)
    cut = V1[: V1.index("Opponents")] + "Oppo"  # the save broke off mid-word
    _write(story, "date 2023-03-09\n" + cut)

    report = import_paths(library, [story])

    assert report.duplicates == [article_id] and not report.updated and not report.imported
    assert "fuller text" in report.files[0].reasons[0]
    article = library.store.get(article_id)
    assert (article.text, article.published) == (V1, "2023-03-06")
    assert _highlighted(library, article_id) == highlights and not highlights[0][2]


def test_update_keeps_the_replaced_text_as_a_version(library: Library, tmp_path: Path) -> None:
    story = _write(tmp_path / "harbour-plan.txt", "date 2023-03-06\n" + V1)
    (article_id,) = import_paths(library, [story]).imported
    old = library.store.get(article_id)
    _write(story, "date 2023-03-07\n" + V2)
    assert import_paths(library, [story]).updated == [article_id]

    (kept,) = list_versions(library.conn, article_id)
    assert (kept.number, kept.words, kept.content_hash) == (1, old.words, old.content_hash)
    assert (kept.title, kept.published, kept.text) == (old.title, "2023-03-06", "")  # listed
    assert get_version(library.conn, article_id, 1).text == V1
    assert kept.replaced[:4].isdigit()
    assert library.store.get(article_id).published == "2023-03-07"

    library.store.delete(article_id)  # versions go with their article
    assert list_versions(library.conn, article_id) == []


def test_restore_brings_back_a_version_and_reanchors(library: Library, tmp_path: Path) -> None:
    story = _write(tmp_path / "harbour-plan.txt", V1)
    (article_id,) = import_paths(library, [story]).imported
    notebook = Notebook(library.conn)
    gone = notebook.add_quote(article_id, GONE)
    kept = notebook.add_quote(article_id, KEPT)
    _write(story, V2)
    import_paths(library, [story])
    assert notebook.get(gone.id).orphan

    update = restore_version(library.store, article_id, 1)

    assert update.version == 2 and library.store.get(article_id).text == V1
    assert [v.content_hash for v in list_versions(library.conn, article_id)] == [
        content_hash(V1), content_hash(V2),
    ]  # fmt: skip
    assert get_version(library.conn, article_id, 2).text == V2
    back, moved = notebook.get(gone.id), notebook.get(kept.id)
    assert not back.orphan and (back.start, back.end) == (gone.start, gone.end)
    assert (moved.start, moved.end) == (kept.start, kept.end)
    assert set(update.highlights.exact) == {gone.id, kept.id}
    with pytest.raises(VersionError, match="already has the text of version 1"):
        restore_version(library.store, article_id, 1)
    (copy,) = import_paths(library, [_write(tmp_path / "copy.txt", V2)]).imported
    with pytest.raises(VersionError, match=f"text of version 2 of article {article_id} is already"):
        restore_version(library.store, article_id, 2)
    assert library.store.get(copy).text == V2 == get_version(library.conn, article_id, 2).text
    with pytest.raises(VersionError, match="has no version 9"):
        restore_version(library.store, article_id, 9)
    with pytest.raises(VersionError, match="no article with id 99"):
        restore_version(library.store, 99, 1)


def test_a_failed_update_changes_neither_text_versions_nor_notes(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = _write(tmp_path / "harbour-plan.txt", V1)
    (article_id,) = import_paths(library, [story]).imported
    notebook = Notebook(library.conn)
    gone = notebook.add_quote(article_id, GONE)

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(updating, "reanchor_article", broken)
    _write(story, V2)
    with pytest.raises(DatabaseError):
        import_paths(library, [story])
    assert library.store.get(article_id).text == V1
    assert list_versions(library.conn, article_id) == []
    assert notebook.get(gone.id) == gone


def test_full_text_after_its_feed_summary_replaces_it(library: Library, tmp_path: Path) -> None:
    summary = V1.split("\n\n")[0]
    digest = _feed(tmp_path / "digest.xml", "News Digest", "Fri, 10 Mar 2023 18:00:00 GMT",
                   summary)  # fmt: skip
    (article_id,) = import_paths(library, [digest]).imported
    full = _feed(tmp_path / "gazette.xml", "Harbour Gazette", "Mon, 06 Mar 2023 09:00:00 GMT",
                 "A short teaser.", V1)  # fmt: skip

    assert import_paths(library, [full]).updated == [article_id]
    article = library.store.get(article_id)
    assert (article.source, article.published) == ("Harbour Gazette", "2023-03-06")
    assert "dredging the old channel" in article.text
    (kept,) = list_versions(library.conn, article_id)
    assert (kept.source, get_version(library.conn, article_id, 1).text) == ("News Digest", summary)
    assert kept.published == "2023-03-10"  # a fuller text wins even when dated earlier


VOCABULARY = ("council", "harbour", "plan", "vote", "the", "a", "budget", "mayor")


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCABULARY), min_size=10, max_size=300),
    share=st.floats(min_value=0.0, max_value=0.95),
)
def test_a_cut_never_replaces_its_text_and_the_full_text_always_replaces_a_cut(
    words: list[str], share: float
) -> None:
    full = " ".join(words)
    cut = " ".join(words[: max(3, int(len(words) * share))])
    assert compare(full, cut) != NEWER
    assert compare(cut, full) == NEWER


def test_an_old_copy_imported_again_does_not_replace_the_later_version(
    library: Library, tmp_path: Path
) -> None:
    story = _write(tmp_path / "harbour-plan.txt", "date 2023-03-06\n" + V1)
    (article_id,) = import_paths(library, [story]).imported
    _write(story, "date 2023-03-07\n" + V2)
    assert import_paths(library, [story]).updated == [article_id]

    _write(story, "date 2023-03-06\n" + V1)  # the old copy: as full as the new, dated earlier
    report = import_paths(library, [story])

    assert report.duplicates == [article_id] and not report.updated
    assert report.files[0].reasons == (
        f"the library already holds a newer text of this article (id {article_id})",
    )
    assert library.store.get(article_id).text == V2
    _write(story, V1)  # undated: the text alone decides, as before
    assert import_paths(library, [story]).updated == [article_id]


def test_the_version_lookup_by_origin_uses_the_origin_index(
    library: Library, tmp_path: Path
) -> None:
    """Most files have no URL: a lookup that the url index served would read every such
    article for each file imported (imports grew quadratic with the library). A file's origin
    comes with its legacy spellings, which once made SQLite prefer the url index."""
    from desktop.core.library.importers.building import canonical_origin
    from desktop.core.library.matching import find_match
    from desktop.core.library.origins import legacy_origins
    from desktop.core.models import Article

    given = _write(tmp_path / "a.txt", V1)
    origin = canonical_origin(given)
    aliases = legacy_origins(origin, given)
    assert len(aliases) > 2
    statements: list[str] = []
    library.conn.set_trace_callback(statements.append)
    find_match(library.conn, Article(0, "T", V1, "", 0, origin=origin), aliases)
    library.conn.set_trace_callback(None)
    (lookup,) = [s for s in statements if "origin IN" in s]
    plan = " ".join(row[3] for row in library.conn.execute(f"EXPLAIN QUERY PLAN {lookup}"))
    assert "articles_origin" in plan, plan
