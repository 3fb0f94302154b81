from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.library.updating import replace_text
from desktop.core.models import Article
from desktop.core.notes.errors import BadNotesFile
from desktop.core.notes.export import CSV_COLUMNS, export_notes
from desktop.core.notes.importer import import_collection, import_notes
from desktop.core.notes.markdown_export import export_markdown_folder
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import connect
from tests.core.notes.conftest import TEXT


def _export(conn, fmt: str, **filters) -> str:
    out = io.StringIO()
    export_notes(conn, fmt, out, **filters)
    return out.getvalue()


def _sample(notebook: Notebook, add_article) -> tuple[int, int]:
    one = add_article(url="https://news.example/budget", published="2026-11-20", source="Wire")
    two = add_article("Rivers rise. Floods follow.\nDikes hold.", title='Rivers "wet"')
    notebook.add_quote(one, "budget was a fantasy", note="Line one\n\nLine *two*", tags=["econ"])
    notebook.add_quote(one, "minister", category="quote-to-use")
    notebook.add(two, 0, 39, category="to-verify", tags=["water", "risk"])
    return one, two


def test_markdown_has_one_front_matter_then_a_heading_per_article(notebook, add_article, library):
    one, _ = _sample(notebook, add_article)
    md = _export(library.conn, "md")
    head, body = md.removeprefix("---\n").split("\n---\n", 1)
    assert md.count("\n---\n") == 1 and "title:" not in body
    assert yaml.safe_load(head)["articles"] == ["Budget", 'Rivers "wet"']
    first, second = body.split("\n# ")[1:]
    assert first.startswith("Budget\n\nWire · 2026-11-20 · <https://news.example/budget>")
    assert (
        "> budget was a fantasy\n\nLine one\n\nLine \\*two\\*\n\n**Key fact** · #econ · " in first
    )
    start = TEXT.index("budget was a fantasy")
    digest = library.store.get(one).content_hash
    link = f"dossier://text/{digest}?url=https%3A%2F%2Fnews.example%2Fbudget#{start}-{start + 20}"
    assert f"[characters {start}–{start + 20}]({link})" in first
    assert "**Quote to use**" in first
    assert second.startswith('Rivers "wet"\n')
    assert "> Rivers rise. Floods follow.\n> Dikes hold.\n" in second
    assert "#water #risk" in second


def test_markdown_filters_and_orphans_section(notebook, add_article, library) -> None:
    one, _ = _sample(notebook, add_article)
    library.conn.execute("UPDATE highlights SET orphan = 1 WHERE quote = 'minister'")
    md = _export(library.conn, "md", article_id=one)
    assert md.count("---\ntitle: ") == 1 and md.count("\n# ") == 1
    assert md.index("## Orphans") < md.index("> minister") and "(orphan)" in md
    assert "Rivers" not in _export(library.conn, "md", tag="econ")
    assert _export(library.conn, "md", category="to-verify").count("> ") == 2


def test_markdown_folder_writes_one_file_per_article(notebook, add_article, library, tmp_path):
    _sample(notebook, add_article)
    written = export_markdown_folder(library.conn, tmp_path)
    url_key = hashlib.sha256(b"https://news.example/budget").hexdigest()[:12]
    text_key = library.store.get(2).content_hash[:12]
    assert [p.name for p in written] == [f"budget-{url_key}.md", f"rivers-wet-{text_key}.md"]
    assert written[1].read_text(encoding="utf-8").startswith("---\ntitle: ")


def test_csv_has_one_row_per_highlight(notebook, add_article, library) -> None:
    one, two = _sample(notebook, add_article)
    text = _export(library.conn, "csv")
    assert text.startswith("\ufeffid,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 3
    fantasy = next(r for r in rows if r["quote"] == "budget was a fantasy")
    assert fantasy["note"] == "Line one\n\nLine *two*" and json.loads(fantasy["tags"]) == ["econ"]
    digest = library.store.get(one).content_hash
    assert fantasy["category_label"] == "Key fact" and fantasy["locator"].startswith(
        f"dossier://text/{digest}?url=https%3A%2F%2Fnews.example%2Fbudget#"
    )
    tags = [json.loads(r["tags"]) for r in rows if r["article_id"] == str(two)]
    assert tags == [["water", "risk"]]


def test_json_follows_the_web_annotation_model(notebook, add_article, library) -> None:
    one, _ = _sample(notebook, add_article)
    data = json.loads(_export(library.conn, "json"))
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    items = data["first"]["items"]
    assert data["first"]["type"] == "AnnotationPage" and len(items) == 3
    item = next(i for i in items if i["motivation"] == "commenting")
    h = notebook.get(item["id"].removeprefix("urn:uuid:"))
    assert item["type"] == "Annotation"
    assert item["created"] == h.created.replace("+00:00", "Z") and item["created"].endswith("Z")
    assert item["modified"] == h.modified.replace("+00:00", "Z")
    assert data["generated"].endswith("Z")
    assert data["id"].startswith("urn:uuid:") and data["first"]["id"].startswith("urn:uuid:")
    assert data["first"]["partOf"] == data["id"]
    quote, position = item["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": h.quote,
        "prefix": h.prefix,
        "suffix": h.suffix,
    }
    assert position == {"type": "TextPositionSelector", "start": h.start, "end": h.end}
    assert item["target"]["source"]["id"] == "https://news.example/budget"
    assert item["target"]["source"]["dsr:contentHash"] == library.store.get(one).content_hash
    assert item["target"]["dsr:contentHash"] == h.content_hash
    purposes = [(b["purpose"], b["value"]) for b in item["body"]]
    assert purposes == [("commenting", h.note), ("tagging", "econ"), ("classifying", "key-fact")]


def test_import_into_a_rebuilt_library_is_identical_and_idempotent(
    notebook, add_article, library, tmp_path
) -> None:
    _sample(notebook, add_article)
    notebook.add_category("Source: police", "#abcdef", "#123456")
    notebook.add_quote(1, "room", category="source-police", note="")
    notebook.delete(notebook.add_quote(1, "Critics").id)
    exported = tmp_path / "notes.json"
    exported.write_text(_export(library.conn, "json"), encoding="utf-8")

    fresh = ArticleStore(connect(tmp_path / "fresh.sqlite3"))
    # Articles come back in another order, so their ids differ: notes follow the text.
    for article in reversed(list(library.store.iter_all())):
        fresh.add(with_hash(Article(0, article.title, article.text, "", 0, url=article.url)))
    report = import_notes(fresh.conn, exported)
    assert len(report.added) == 4 and not report.problems and not report.orphaned
    _assert_same_notebook(library.conn, fresh.conn)
    again = import_notes(fresh.conn, exported)
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 4)
    assert fresh.conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 4
    assert len(list((tmp_path / "backups").glob("*-pre-import.sqlite3"))) == 2


def _assert_same_notebook(old_conn, new_conn) -> None:
    old, new = Notebook(old_conn), Notebook(new_conn)
    titles = {a.id: a.title for a in ArticleStore(old_conn).list()}
    new_titles = {a.id: a.title for a in ArticleStore(new_conn).list()}

    def comparable(notebook, names):
        return sorted(
            (names[h.article_id], h.id, h.start, h.end, h.quote, h.prefix, h.suffix,
             h.content_hash, h.category, h.note, h.tags, h.created, h.modified, h.orphan)
            for h in notebook.iter_all()
        )  # fmt: skip

    assert comparable(new, new_titles) == comparable(old, titles)
    assert {c.name: (c.label, c.light, c.dark) for c in new.categories()} == {
        c.name: (c.label, c.light, c.dark) for c in old.categories()
    }


def test_newer_edits_win_and_unknown_articles_are_reported(notebook, add_article, library):
    one, _ = _sample(notebook, add_article)
    data = json.loads(_export(library.conn, "json"))
    target = notebook.add_quote(one, "questions", note="local")
    newer = notebook.update(notebook.iter_all().__next__().id, note="edited after export")
    report = import_collection(library.conn, data)
    assert notebook.get(newer.id).note == "edited after export"  # older copy does not win
    assert len(report.unchanged) == 3 and notebook.get(target.id).note == "local"
    data["first"]["items"][0]["target"]["source"] = {"dsr:title": "Gone"}
    data["first"]["items"][0]["target"]["dsr:contentHash"] = "0" * 64
    data["first"]["items"][0]["target"]["selector"][0]["exact"] = "not in any article"
    data["first"]["items"][0]["modified"] = "2100-01-01T00:00:00Z"
    data["first"]["items"][1]["target"]["selector"] = []
    report = import_collection(library.conn, data, source="x.json")
    assert report.problems == [
        "x.json: annotation 2: no TextQuoteSelector with the quoted text (it annotates the"
        " whole page)"
    ]
    assert report.orphan_reasons == [
        "x.json: annotation 1: kept as an orphan: no article in the library matches 'Gone'"
        " (by text hash, URL, canonical URL or its quote); it waits for that article"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "invalid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"type": "Note"}', "no Annotation, AnnotationPage or AnnotationCollection"),
        (b'{"type": "AnnotationCollection", "first": "https://x/p1"}', "does not embed"),
    ],
)
def test_bad_files_name_the_file_and_problem(tmp_path: Path, library, content, message) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    with pytest.raises(BadNotesFile, match=message) as caught:
        import_notes(library.conn, path)
    assert str(path) in str(caught.value)


# --- property: round trip of generated notebooks -------------------------------------------

NOTE_TEXT = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.text(alphabet="ab 😀🇫🇷é\n\t\"'\\<>&*#", min_size=500, max_size=3000),
)
TAG = st.text(alphabet=st.characters(categories=["L", "N", "So"]), min_size=1, max_size=12)
ARTICLE_TEXT = st.text(min_size=20, max_size=300).filter(lambda t: t.strip() == t and t)


@st.composite
def notebooks(draw):
    texts = draw(st.lists(ARTICLE_TEXT, min_size=1, max_size=3, unique=True))
    notes = []
    for _ in range(draw(st.integers(1, 8))):
        which = draw(st.integers(0, len(texts) - 1))
        start = draw(st.integers(0, len(texts[which]) - 1))
        end = draw(st.integers(start + 1, len(texts[which])))
        category = draw(st.sampled_from(["key-fact", "quote-to-use", "to-verify", "disagree"]))
        notes.append(
            (which, start, end, draw(NOTE_TEXT), draw(st.lists(TAG, max_size=4)), category)
        )
    return texts, notes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notebooks())
def test_json_round_trip_of_generated_notebooks(scenario) -> None:
    texts, notes = scenario
    old_store = ArticleStore(connect(":memory:"))
    ids = [old_store.add(with_hash(Article(0, f"a{i}", t, "", 0))).id for i, t in enumerate(texts)]
    old = Notebook(old_store.conn)
    for which, start, end, note, tags, category in notes:
        old.add(ids[which], start, end, note=note, tags=tags, category=category)
    out = io.StringIO()
    export_notes(old_store.conn, "json", out)

    new_store = ArticleStore(connect(":memory:"))
    for i, text in enumerate(texts):
        new_store.add(with_hash(Article(0, f"a{i}", text, "", 0)))
    report = import_collection(new_store.conn, json.loads(out.getvalue()))
    assert not report.problems
    assert list(Notebook(new_store.conn).iter_all()) == list(old.iter_all())
    assert not import_collection(new_store.conn, json.loads(out.getvalue())).added


def test_import_into_an_updated_article_reanchors_or_keeps_orphans(notebook, add_article, library):
    one = add_article(url="https://news.example/budget")
    moved = notebook.add_quote(one, "budget was a fantasy", note="moves")
    lost = notebook.add_quote(one, "published a correction", note="kept anyway")
    data = json.loads(_export(library.conn, "json"))

    store = ArticleStore(connect(":memory:"))
    updated = "Update: " + TEXT.replace("published a correction: t", "said t")
    store.add(with_hash(Article(0, "Budget", updated, "", 0, url="https://news.example/budget")))
    report = import_collection(store.conn, data)
    assert sorted(report.added) == sorted([moved.id, lost.id]) and report.orphaned == [lost.id]
    placed = Notebook(store.conn).get(moved.id)
    assert updated[placed.start : placed.end] == "budget was a fantasy" and not placed.orphan
    orphan = Notebook(store.conn).get(lost.id)
    assert orphan.orphan and orphan.note == "kept anyway" and orphan.quote == lost.quote


def test_a_moved_note_is_flagged_in_every_format_and_imports_still_moved(
    notebook, add_article, library
):
    one = add_article(url="https://news.example/budget")
    noted = notebook.add_quote(one, "Critics said the budget", note="who?")
    edited = TEXT.replace("Critics said", "Opponents said")
    replace_text(library.store, one, with_hash(Article(0, "Budget", edited, "", 0)))
    moved = notebook.get(noted.id)
    assert moved.anchor == "moved" and moved.quote == "Opponents said the budget"
    data = json.loads(_export(library.conn, "json"))
    target = data["first"]["items"][0]["target"]
    assert (target["dsr:moved"], target["dsr:originalQuote"]) == (True, "Critics said the budget")

    rows = list(csv.DictReader(io.StringIO(_export(library.conn, "csv").lstrip("\ufeff"))))
    assert (rows[0]["anchor"], rows[0]["original_quote"]) == ("moved", "Critics said the budget")
    assert "(moved — please check)" in _export(library.conn, "md")

    store = ArticleStore(connect(":memory:"))
    store.add(with_hash(Article(0, "Budget", edited, "", 0, url="https://news.example/budget")))
    assert import_collection(store.conn, data).added == [noted.id]
    imported = Notebook(store.conn).get(noted.id)
    assert (imported.anchor, imported.quote, imported.original_quote) == (
        "moved",
        "Opponents said the budget",
        "Critics said the budget",
    )


def test_markdown_file_names_are_the_same_in_two_libraries(
    notebook, add_article, library, tmp_path
):
    _sample(notebook, add_article)
    mine = sorted(p.name for p in export_markdown_folder(library.conn, tmp_path / "a"))
    other = ArticleStore(connect(":memory:"))
    for article in reversed(list(library.store.iter_all())):  # other ids, other order
        other.add(with_hash(Article(0, article.title, article.text, "", 0, url=article.url)))
    Notebook(other.conn).add_quote(1, "Rivers")
    Notebook(other.conn).add_quote(2, "budget")
    theirs = sorted(p.name for p in export_markdown_folder(other.conn, tmp_path / "b"))
    assert mine == theirs


def test_only_our_own_earlier_file_is_removed(notebook, add_article, library, tmp_path) -> None:
    one = add_article(url="https://news.example/budget")
    notebook.add_quote(one, "budget")
    [old] = export_markdown_folder(library.conn, tmp_path)
    key = old.stem.rsplit("-", 1)[1]
    look_alike = tmp_path / f"someone-elses-{key}.md"
    look_alike.write_text("---\ntitle: mine\n---\n", encoding="utf-8")
    library.conn.execute("UPDATE articles SET title = 'Budget 2027' WHERE id = ?", (one,))
    [new] = export_markdown_folder(library.conn, tmp_path)
    assert new.name == f"budget-2027-{key}.md" and not old.exists() and look_alike.exists()


def test_notes_waiting_for_their_article_export_under_it(notebook, add_article, library):
    """Detached on import (the article is not here), they export under the article they
    remember, and reach it in a library that has it."""
    one = add_article(url="https://news.example/budget", title="Budget")
    kept = notebook.add_quote(one, "budget was a fantasy", note="waits")
    data = json.loads(_export(library.conn, "json"))

    empty = ArticleStore(connect(":memory:"))
    report = import_collection(empty.conn, data)
    assert report.orphaned == [kept.id] and Notebook(empty.conn).get(kept.id).article_id == 0
    md = io.StringIO()
    export_notes(empty.conn, "md", md)
    meta, body = md.getvalue().removeprefix("---\n").split("\n---\n", 1)
    assert yaml.safe_load(meta)["articles"] == ["Budget"]
    assert body.startswith("\n# Budget\n") and "<https://news.example/budget>" in body

    full = ArticleStore(connect(":memory:"))
    full.add(
        with_hash(Article(0, "Budget", "Update. " + TEXT, "", 0, url="https://news.example/budget"))
    )
    again = import_collection(full.conn, json.loads(_export(empty.conn, "json")))
    placed = Notebook(full.conn).get(kept.id)
    assert again.added == [kept.id] and not placed.orphan and placed.note == "waits"
    assert ("Update. " + TEXT)[placed.start : placed.end] == "budget was a fantasy"


def test_a_passage_of_a_pdf_is_cited_by_page(notebook, library) -> None:
    text = "First page text. Second page text that runs on. Third page."
    pages = ((1, 0), (2, text.index("Second")), (3, text.index("Third")))
    article = with_hash(Article(0, "Report", text, "", 0, pages=pages))
    paged = library.store.add(article).id
    notebook.add_quote(paged, "Second page text")
    notebook.add_quote(paged, "runs on. Third")
    md = _export(library.conn, "md")
    assert "[p. 2, characters 17–33](" in md
    assert "[pp. 2–3, characters" in md
    rows = list(csv.DictReader(io.StringIO(_export(library.conn, "csv").removeprefix("\ufeff"))))
    assert [row["page"] for row in rows] == ["p. 2", "pp. 2–3"]
