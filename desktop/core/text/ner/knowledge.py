"""Bundled knowledge the project owns: office holders, institutions, places and role words.

Read once from ``resources/knowledge/`` (and pycountry for country names). The tagger finds
*that* something is a name; this knowledge says who a leader is, what office they hold and
which spelling is canonical ("Zelensky" → "Volodymyr Zelenskyy, President of Ukraine").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from desktop.core.resources import resource_path


@dataclass(frozen=True)
class Known:
    """What a name in the bundled knowledge refers to."""

    canonical: str
    category: str
    role: str = ""


@dataclass(frozen=True)
class Knowledge:
    names: dict[str, Known]  # exact surface form → what it is
    demonyms: dict[str, str]  # "Ukrainian" → "Ukraine"
    role_words: frozenset[str]  # lower-case office words, some of two words
    as_of: str
    by_first_word: dict[str, list[tuple[tuple[str, ...], Known]]]  # longest surfaces first


def _read_json(name: str) -> dict:
    return json.loads(resource_path("knowledge", name).read_text(encoding="utf-8"))


@cache
def load_knowledge() -> Knowledge:
    names: dict[str, Known] = {}
    for name, common in _country_names():
        names.setdefault(name, Known(common, "place"))
    places = _read_json("places.json")
    for alias, canonical in places["aliases"].items():
        names[alias] = Known(canonical, "place")
    institutions = _read_json("institutions.json")
    for item in institutions["institutions"]:
        known = Known(item["name"], "institution")
        for surface in [item["name"], *item.get("acronyms", ()), *item.get("variants", ())]:
            names[surface] = known
    leaders = _read_json("leaders.json")
    for item in leaders["leaders"]:
        known = Known(item["name"], "leader", item["role"])
        surfaces = [item["name"], *item.get("variants", ())]
        if item.get("surname"):
            surfaces.append(item["surname"])
        for surface in surfaces:
            names[surface] = known
    lines = resource_path("knowledge", "roles.txt").read_text(encoding="utf-8").splitlines()
    roles = frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))
    return Knowledge(names, places["demonyms"], roles, leaders["as_of"], _index_words(names))


def _index_words(names: dict[str, Known]) -> dict[str, list[tuple[tuple[str, ...], Known]]]:
    """Surfaces as token tuples keyed by their first token, so text can be matched by tokens."""
    from desktop.core.text.ner.tokens import tokenize

    index: dict[str, list[tuple[tuple[str, ...], Known]]] = {}
    for surface, known in names.items():
        words = tuple(t.text for t in tokenize(surface))
        if words:
            index.setdefault(words[0], []).append((words, known))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def _country_names() -> list[tuple[str, str]]:
    import pycountry

    pairs = []
    for country in pycountry.countries:
        common = getattr(country, "common_name", None) or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                pairs.append((value, common))
    return pairs


def knowledge_gazetteer() -> dict[str, str]:
    """Lower-cased single words of the knowledge, as tagger feature classes."""
    classes = {"leader": "PER", "person": "PER", "institution": "ORG", "place": "LOC"}
    out: dict[str, set[str]] = {}
    for surface, known in load_knowledge().names.items():
        words = surface.split()
        if known.category == "leader":
            words = [w for w in words if w[:1].isupper()]
        elif len(words) > 1:
            continue
        for word in words:
            out.setdefault(word.lower(), set()).add("K" + classes[known.category])
    return {w: " ".join(sorted(c)) for w, c in out.items()}
