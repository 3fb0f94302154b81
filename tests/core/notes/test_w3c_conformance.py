"""The JSON export against the W3C Web Annotation test suite's MUST assertions and a JSON-LD
round trip (expand, then compact with the standard context), all offline."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import pytest
from pyld import jsonld

from desktop.core.notes.export import export_notes
from tests.core.notes.w3c_schemas import must_assertions, must_failures, offline_loader


@pytest.fixture
def exported(notebook, add_article, library) -> dict[str, Any]:
    one = add_article(url="https://news.example/budget?id=1", title="Budget \u202e\u0007 😀")
    two = add_article("Rivers rise. Floods follow.", title="No URL")
    notebook.add_quote(one, "budget was a fantasy", note="A note", tags=["econ", "C++"])
    notebook.add_quote(one, "minister", category="quote-to-use")
    notebook.add(two, 0, 12, category="to-verify")
    library.conn.execute("UPDATE highlights SET orphan = 1 WHERE quote = 'minister'")
    out = io.StringIO()
    export_notes(library.conn, "json", out)
    return json.loads(out.getvalue())


def test_the_suite_is_vendored_whole() -> None:
    counts = {kind: len(must_assertions(kind)) for kind in ("annotation", "collection", "page")}
    assert counts == {"annotation": 54, "collection": 10, "page": 15}


def test_collection_and_page_pass_every_must(exported) -> None:
    assert list(must_failures("collection", exported)) == []
    assert list(must_failures("page", exported)) == []


def test_every_annotation_passes_every_must(exported) -> None:
    items = exported["first"]["items"]
    assert len(items) == 3
    for item in items:
        standalone = {"@context": exported["@context"], **item}
        assert list(must_failures("annotation", standalone)) == [], item["id"]


@pytest.mark.parametrize(
    ("change", "failing"),
    [
        (lambda a: a.pop("id"), "3.1-annotationIdValidated.json"),
        (lambda a: a.update(created="2026-12-04 10:00"), "3.3.1-annotationCreatedValidated.json"),
        (lambda a: a.update(bodyValue="x"), "3.2.5-notBodyBodyValue.json"),
        (lambda a: a["target"]["selector"][0].pop("exact"), "4.2.4-textQuoteSelectorValid.json"),
    ],
)
def test_the_suite_catches_broken_annotations(exported, change, failing) -> None:
    """The assertions really run: each broken copy fails the assertion made for it."""
    item = copy.deepcopy({"@context": exported["@context"], **exported["first"]["items"][0]})
    change(item)
    assert any(failing in line for line in must_failures("annotation", item))


def test_collection_without_ids_fails(exported) -> None:
    broken = copy.deepcopy(exported)
    del broken["id"], broken["first"]["id"]
    assert any("collectionIdValidated" in f for f in must_failures("collection", broken))
    assert any("pageIdValidated" in f for f in must_failures("page", broken))


def _lists(value: Any) -> Any:
    """Compaction writes a one-item array as the item: compare both with arrays everywhere."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lists(v) for v in value]
    return value


def _as_arrays(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (v if k == "@context" else _as_arrays_item(v)) for k, v in value.items()}
    return value


def _as_arrays_item(value: Any) -> list[Any]:
    items = value if isinstance(value, list) else [value]
    return [_as_arrays(v) for v in items]


def test_json_ld_round_trip_keeps_every_value(exported, monkeypatch) -> None:
    monkeypatch.setattr(jsonld, "_default_document_loader", offline_loader)
    options = {"documentLoader": offline_loader}
    expanded = jsonld.expand(exported, options)
    compacted = jsonld.compact(expanded, exported["@context"], options)
    assert _as_arrays(compacted) == _as_arrays(exported)
    source = jsonld.compact(expanded, exported["@context"], options)["first"]["items"][2]
    assert source["target"]["source"]["id"].startswith("dossier://text/")
