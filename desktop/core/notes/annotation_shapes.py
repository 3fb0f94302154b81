"""The many shapes of a Web Annotation, read into one: what ``importer`` needs to place it.

The W3C model allows a single Annotation or a collection, ``body`` or ``bodyValue``, one object
or a list wherever a list may stand, ``source`` as an IRI or an object; Hypothesis' API export
has its own shape (``uri``, ``text``, ``tags``, ``target[].selector[]``). Each is read here; a
shape that cannot hold a passage raises ``NotPlaceable`` with the reason.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from desktop.core.notes.table import stored_time

OWN_PREFIXES = ("dsr", "dossier")  # "dossier:" in files of version 0.1
_UUID_URN = "urn:uuid:"


class NotPlaceable(Exception):
    """One annotation cannot become a highlight; the message says why."""


@dataclass(frozen=True)
class Incoming:
    """One annotation, whatever its shape: where it points and what it says."""

    id: str
    quote: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    source_ids: tuple[str, ...]  # IRIs / URLs of the annotated document, best first
    content_hash: str  # of the text the article had (ours only)
    anchored_hash: str  # of the text the highlight was placed on (ours only)
    title: str
    note: str
    tags: tuple[str, ...]
    category: str
    created: str
    modified: str
    orphan: bool
    moved: bool = False  # placed by a match not yet checked (ours only)
    original_quote: str = ""  # the text first highlighted (ours only)


def annotation_items(data: Any) -> tuple[list[Any], list[dict[str, Any]]]:
    """The annotations in a parsed file, and the categories it defines (ours only).

    Raises ``ValueError`` naming the shape when the file holds no annotations at all."""
    if isinstance(data, list):
        return data, []
    if not isinstance(data, dict):
        raise ValueError("not a Web Annotation file: expected a JSON object or array")
    categories = [c for c in _own(data, "categories") or [] if isinstance(c, dict)]
    kinds = _types(data)
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if first is None and not data.get("total"):
            return [], categories
        if not isinstance(first, dict):
            raise ValueError(
                "the AnnotationCollection does not embed its pages (its 'first' is a link);"
                " Dossier reads files, not servers"
            )
        return _page_items(first), categories
    if "AnnotationPage" in kinds:
        return _page_items(data), categories
    if "Annotation" in kinds or ("uri" in data and "target" in data):
        return [data], categories
    for key in ("rows", "annotations"):  # Hypothesis: its API's search, its client's export
        if isinstance(data.get(key), list):
            return data[key], categories
    raise ValueError(
        "not a Web Annotation file: no Annotation, AnnotationPage or AnnotationCollection"
        " (and not a Hypothesis export)"
    )


def _page_items(page: dict[str, Any]) -> list[Any]:
    items: list[Any] = []
    seen: set[int] = set()
    while isinstance(page, dict) and id(page) not in seen:
        seen.add(id(page))
        found = page.get("items")
        items += found if isinstance(found, list) else [found] if found else []
        page = page.get("next")
    return items


def read_annotation(item: Any) -> Incoming:
    """``item`` in any supported shape, or ``NotPlaceable`` with the reason."""
    if not isinstance(item, dict):
        raise NotPlaceable("not an annotation object")
    hypothesis = "uri" in item and "Annotation" not in _types(item)
    if not hypothesis and "Annotation" not in _types(item):
        raise NotPlaceable(f"type is {item.get('type')!r}, not 'Annotation'")
    target = _first_target(item.get("target"))
    selectors = _as_list(target.get("selector"))
    quote = _selector(selectors, "TextQuoteSelector")
    exact = quote.get("exact")
    if not isinstance(exact, str) or not exact:
        kinds = sorted({str(s.get("type")) for s in selectors if isinstance(s, dict)})
        if any(isinstance(s, str) for s in selectors):
            kinds.append("a selector given by link only")
        raise NotPlaceable(
            "no TextQuoteSelector with the quoted text"
            + (f" (only {', '.join(kinds)})" if kinds else " (it annotates the whole page)")
        )
    position = _selector(selectors, "TextPositionSelector")
    start, end = position.get("start"), position.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        start = end = None
    source = target.get("source")
    source_obj = source if isinstance(source, dict) else {}
    source_ids = [str(source_obj.get("id") or source_obj.get("@id") or "")]
    if isinstance(source, str):
        source_ids = [source]
    source_ids += [str(_own(source_obj, "url") or ""), str(item.get("uri") or "")]
    for key in ("canonical", "via"):
        source_ids.append(str(source_obj.get(key) or target.get(key) or ""))
    note, tags, category = _bodies(item, hypothesis)
    created = stored_time(item.get("created"))
    modified = stored_time(item.get("modified") or item.get("updated")) or created
    return Incoming(
        id=_local_id(item.get("id") or item.get("@id"), hypothesis),
        quote=exact,
        prefix=str(quote.get("prefix") or ""),
        suffix=str(quote.get("suffix") or ""),
        start=start,
        end=end,
        source_ids=tuple(dict.fromkeys(s for s in source_ids if s)),
        content_hash=str(_own(source_obj, "contentHash") or ""),
        anchored_hash=str(_own(target, "contentHash") or ""),
        title=str(_own(source_obj, "title") or source_obj.get("title") or _doc_title(item)),
        note=note,
        tags=tags,
        category=category,
        created=created,
        modified=modified,
        orphan=bool(_own(target, "orphan") or False),
        moved=_own(target, "moved") is True,
        original_quote=str(_own(target, "originalQuote") or ""),
    )


def _bodies(item: dict[str, Any], hypothesis: bool) -> tuple[str, tuple[str, ...], str]:
    if hypothesis:
        tags = tuple(str(t) for t in _as_list(item.get("tags")) if isinstance(t, str))
        return str(item.get("text") or ""), tags, ""
    notes: list[str] = []
    tags_list: list[str] = []
    category = ""
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict):
            continue
        value = body.get("value")
        if not isinstance(value, str):
            continue
        purposes = {str(p) for p in _as_list(body.get("purpose"))}
        if "tagging" in purposes:
            tags_list.append(value)
        elif "classifying" in purposes and _own(body, "label") is not None:
            category = value  # a Dossier category (other tools' classifying bodies are notes)
        else:
            notes.append(value)
    return "\n\n".join(n for n in notes if n), tuple(tags_list), category


def _first_target(target: Any) -> dict[str, Any]:
    for candidate in _as_list(target):
        if isinstance(candidate, dict) and candidate.get("selector") is not None:
            return candidate
    if _as_list(target):
        raise NotPlaceable("the target is a whole document (no TextQuoteSelector)")
    raise NotPlaceable("no target")


def _selector(selectors: list[Any], kind: str) -> dict[str, Any]:
    for selector in selectors:
        if isinstance(selector, dict):
            if kind in _types(selector):
                return selector
            refined = _selector(_as_list(selector.get("refinedBy")), kind)
            if refined:
                return refined
    return {}


def _local_id(ident: Any, hypothesis: bool) -> str:
    """Our own ids stay; another tool's id becomes a stable uuid (same id → same highlight, so
    importing its file twice changes nothing); no id at all is refused (it could not be
    recognised on a second import)."""
    text = str(ident or "")
    if text.startswith(_UUID_URN) and len(text) > len(_UUID_URN):
        return text[len(_UUID_URN) :]
    if not text:
        raise NotPlaceable("no id (an annotation without one would be imported again each time)")
    name = f"hypothesis:{text}" if hypothesis else text
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def _doc_title(item: dict[str, Any]) -> str:
    titles = _as_list((item.get("document") or {}).get("title"))
    return str(titles[0]) if titles else ""


def _types(obj: dict[str, Any]) -> set[str]:
    kinds = _as_list(obj.get("type", obj.get("@type")))
    return {str(k).split(":")[-1].split("#")[-1] for k in kinds}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _own(obj: dict[str, Any], name: str) -> Any:
    for prefix in OWN_PREFIXES:
        if f"{prefix}:{name}" in obj:
            return obj[f"{prefix}:{name}"]
    return None
