"""The W3C Web Annotation test suite's MUST assertions (JSON Schema draft 4), vendored in
tests/data/w3c-annotation-tests (see PROVENANCE.md there), and the offline JSON-LD context."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

DATA = Path(__file__).resolve().parents[2] / "data"
SUITE = DATA / "w3c-annotation-tests"
CONTEXT_FILE = DATA / "w3c-anno-context" / "anno.jsonld"
CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
MUSTS = {
    "annotation": "annotations/annotationMusts.test",
    "collection": "collections/collectionMusts.test",
    "page": "collections/pages/pageMusts.test",
}
# The formats the assertions use. jsonschema checks them only with optional packages, so they
# are spelled out here: an absolute IRI (RFC 3987 scheme ":" rest, no spaces) and an RFC 3339
# date-time.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
FORMATS = FormatChecker(())
FORMATS.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.fullmatch(value)))
FORMATS.checks("date-time")(
    lambda value: not isinstance(value, str) or bool(_DATE_TIME.fullmatch(value))
)


@cache
def _registry() -> Registry:
    resources = []
    for path in SUITE.rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], Resource(contents=schema, specification=DRAFT4)))
    return Registry().with_resources(resources)


def must_assertions(kind: str) -> list[tuple[str, dict[str, Any]]]:
    """(file, schema) of every MUST assertion for ``kind`` (annotation, collection, page)."""
    listed = json.loads((SUITE / MUSTS[kind]).read_text(encoding="utf-8"))["assertions"]
    found = []
    for name in listed:
        schema = json.loads((SUITE / name).read_text(encoding="utf-8"))
        assert schema["assertionType"] == "must" and schema["expectedResult"] == "valid"
        found.append((name, schema))
    return found


def must_failures(kind: str, document: Any) -> Iterator[str]:
    """One line per MUST assertion ``document`` fails: the file and the suite's message."""
    for name, schema in must_assertions(kind):
        validator = Draft4Validator(schema, registry=_registry(), format_checker=FORMATS)
        if not validator.is_valid(document):
            yield f"{name}: {schema.get('errorMessage', '')}"


def offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader, offline: only the vendored annotation context is known."""
    if url.rstrip("/") not in (CONTEXT_URL, CONTEXT_URL.replace("http:", "https:")):
        raise AssertionError(f"JSON-LD tried to load {url}")
    document = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}
