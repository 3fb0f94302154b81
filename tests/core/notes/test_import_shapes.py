"""Annotations written by other tools: every W3C shape and Hypothesis' export import with their
note and tags; what cannot be placed is reported or kept as an orphan, with the reason."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.notes.errors import BadNotesFile
from desktop.core.notes.importer import import_collection, import_notes
from desktop.core.notes.notebook import Notebook
from tests.core.notes.conftest import TEXT

URL = "https://news.example/budget"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _annotation(**fields: Any) -> dict[str, Any]:
    base = {
        "@context": CONTEXT,
        "id": "https://annotations.example/a/1",
        "type": "Annotation",
        "created": "2026-11-01T09:00:00Z",
        "target": {
            "source": URL,
            "selector": {"type": "TextQuoteSelector", "exact": "budget was a fantasy"},
        },
    }
    base.update(fields)
    return base


def _only(library) -> Any:
    [highlight] = Notebook(library.conn).iter_all()
    return highlight


@pytest.fixture
def article(add_article) -> int:
    return add_article(url=URL)


def test_a_single_annotation_with_body_value_and_a_single_selector(library, article) -> None:
    report = import_collection(library.conn, _annotation(bodyValue="Check this"))
    assert len(report.added) == 1 and not report.problems and not report.orphaned
    h = _only(library)
    assert (h.article_id, h.note, h.quote) == (article, "Check this", "budget was a fantasy")
    assert TEXT[h.start : h.end] == "budget was a fantasy"
    assert h.created == "2026-11-01T09:00:00.000+00:00"


def test_source_as_an_object_and_textual_bodies_with_purposes(library, article) -> None:
    item = _annotation(
        body=[
            {"type": "TextualBody", "value": "Doubtful", "purpose": "commenting"},
            {"type": "TextualBody", "value": "economy", "purpose": "tagging"},
            {"type": "TextualBody", "value": "2019", "purpose": ["tagging"]},
        ],
        target={
            "type": "SpecificResource",
            "source": {"id": URL, "type": "Text"},
            "selector": [
                {"type": "TextPositionSelector", "start": 0, "end": 3},  # stale: ignored
                {"type": "TextQuoteSelector", "exact": "fantasy", "prefix": "budget was a "},
            ],
        },
    )
    import_collection(library.conn, item)
    h = _only(library)
    assert (h.note, h.tags, h.quote) == ("Doubtful", ("economy", "2019"), "fantasy")
    assert TEXT[h.start : h.end] == "fantasy" and not h.orphan


def test_a_body_without_purpose_is_the_note(library, article) -> None:
    item = _annotation(body={"type": "TextualBody", "value": "Plain note"})
    import_collection(library.conn, item)
    assert _only(library).note == "Plain note"


def test_a_page_and_a_collection_of_foreign_annotations(library, article) -> None:
    page = {"type": "AnnotationPage", "items": [_annotation(bodyValue="one")]}
    collection = {"type": "AnnotationCollection", "total": 1, "first": page}
    assert len(import_collection(library.conn, collection).added) == 1
    assert import_collection(library.conn, page).unchanged == [_only(library).id]


def test_hypothesis_api_export(library, article, tmp_path) -> None:
    row = {
        "id": "Gq3fXN7xEeu",
        "created": "2026-10-02T08:00:00.000000+00:00",
        "updated": "2026-10-03T08:00:00.000000+00:00",
        "uri": "http://www.news.example/budget/?utm_source=feed",
        "text": "Hypothesis note",
        "tags": ["econ", "to check"],
        "document": {"title": ["Budget"]},
        "target": [
            {
                "source": "http://www.news.example/budget/?utm_source=feed",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0},
                    {"type": "TextPositionSelector", "start": 84, "end": 104},
                    {"type": "TextQuoteSelector", "exact": "budget was a fantasy"},
                ],
            }
        ],
    }
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps({"total": 1, "rows": [row]}), encoding="utf-8")
    report = import_notes(library.conn, path, backup=False)
    assert len(report.added) == 1 and not report.problems
    h = _only(library)
    assert (h.article_id, h.note, h.tags) == (article, "Hypothesis note", ("econ", "to check"))
    assert h.modified == "2026-10-03T08:00:00.000+00:00"
    for shape in ([row], {"export_date": "2026-10-04", "annotations": [row]}):
        path.write_text(json.dumps(shape), encoding="utf-8")  # a bare list; the client's export
        again = import_notes(library.conn, path, backup=False)
        assert (again.added, again.updated, again.unchanged) == ([], [], [h.id])


def test_matched_by_quote_when_the_source_is_unknown(library, add_article, article) -> None:
    other = add_article("Rivers rise. Floods follow.", title="Rivers")
    item = _annotation(target={"source": "urn:x:elsewhere", "selector": {
        "type": "TextQuoteSelector", "exact": "Floods follow"}})  # fmt: skip
    import_collection(library.conn, item)
    assert _only(library).article_id == other


def test_quote_not_in_the_text_becomes_an_orphan_with_the_reason(library, article) -> None:
    item = _annotation(bodyValue="kept")
    item["target"]["selector"]["exact"] = "a sentence the article no longer has"
    report = import_collection(library.conn, item, source="x.json")
    h = _only(library)
    assert h.orphan and h.note == "kept" and report.orphaned == [h.id]
    assert report.orphan_reasons == [
        "x.json: annotation 1: kept as an orphan: the quote 'a sentence the article no longer"
        f" has' is not in the current text of article {article}"
    ]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda a: a.update(target=URL),
            "the target is a whole document (no TextQuoteSelector)",
        ),
        (
            lambda a: a["target"].update(selector={"type": "CssSelector", "value": "p"}),
            "no TextQuoteSelector with the quoted text (only CssSelector)",
        ),
        (
            lambda a: a.pop("id"),
            "no id (an annotation without one would be imported again each time)",
        ),
    ],
)
def test_what_cannot_be_placed_is_reported(library, article, change, reason) -> None:
    item = _annotation()
    change(item)
    report = import_collection(
        library.conn, {"type": "AnnotationPage", "items": [item]}, source="f"
    )
    assert report.problems == [f"f: annotation 1: {reason}"] and not report.added


def test_a_file_of_version_0_1_still_imports(notebook, library, article) -> None:
    """'dossier:' keys, '+00:00' times, no collection or page id: what 0.1 wrote."""
    import io

    from desktop.core.notes.export import export_notes

    kept = notebook.add_quote(article, "budget was a fantasy", note="old", tags=["econ"])
    out = io.StringIO()
    export_notes(library.conn, "json", out)
    old = json.loads(out.getvalue().replace('"dsr:', '"dossier:').replace('Z"', '+00:00"'))
    old["@context"][1] = {"dossier": "urn:x-dossier:"}
    del old["id"], old["first"]["id"]
    library.conn.execute("DELETE FROM highlights")
    report = import_collection(library.conn, old)
    assert report.added == [kept.id] and not report.problems
    assert Notebook(library.conn).get(kept.id) == kept


def test_a_hypothesis_page_note_is_reported(library, article) -> None:
    row = {"id": "p1", "uri": URL, "text": "page note", "target": [{"source": URL}]}
    report = import_collection(library.conn, {"rows": [row]}, source="h.json")
    assert report.problems == [
        "h.json: annotation 1: the target is a whole document (no TextQuoteSelector)"
    ]


def test_an_annotation_of_an_article_not_here_waits_for_it(library, add_article, article):
    """Kept as an orphan of no article, with the reason; importing the article attaches it."""
    from desktop.core.notes.detached import reattach_to

    item = _annotation(bodyValue="waiting", id="https://tool.example/a/9")
    item["target"] = {
        "source": "https://elsewhere.example/story",
        "selector": {"type": "TextQuoteSelector", "exact": "harbour was closed"},
    }
    report = import_collection(library.conn, item, source="f")
    [h] = [h for h in Notebook(library.conn).iter_all() if h.note == "waiting"]
    assert h.orphan and report.orphaned == [h.id] and not report.problems
    assert report.orphan_reasons == [
        "f: annotation 1: kept as an orphan: no article in the library matches"
        " 'https://elsewhere.example/story' (by text hash, URL, canonical URL or its quote);"
        " it waits for that article"
    ]
    assert import_collection(library.conn, item).unchanged == [h.id]
    text = "Late news: the harbour was closed at dawn."
    arrived = add_article(text, title="Harbour", url="https://elsewhere.example/story")
    reattach_to(library.conn, arrived)  # what importing an article does
    placed = Notebook(library.conn).get(h.id)
    assert placed.article_id == arrived and not placed.orphan
    assert text[placed.start : placed.end] == "harbour was closed"


SAMPLES = sorted(
    (Path(__file__).parents[2] / "data/w3c-annotation-tests/samples/correct").glob("*.json")
)


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_valid_w3c_sample_is_imported_or_says_why(library, sample) -> None:
    """The W3C suite's valid examples: each annotation is imported, or reported with its
    number and a reason; none is dropped silently and none crashes the import."""
    text = "this is an anotation that was made"
    library.store.add(with_hash(Article(0, "Page", text, "", 0, url="http://example.org/page1")))
    data = json.loads(sample.read_text(encoding="utf-8"))
    if isinstance(data.get("first"), str):  # a collection of pages on a server
        with pytest.raises(BadNotesFile, match="does not embed its pages"):
            import_notes(library.conn, sample, backup=False)
        return
    report = import_collection(library.conn, data, source="s")
    items = data["first"]["items"] if "first" in data else data.get("items", [data])
    assert len(report.added) + len(report.problems) == len(items)
    for problem in report.problems:
        assert re.fullmatch(r"s: annotation \d+: \S.{10,}", problem), problem
    assert len(report.orphan_reasons) == len(report.orphaned)
    if sample.stem == "anno26":
        h = _only(library)
        assert text[h.start : h.end] == "anotation" and not h.orphan
