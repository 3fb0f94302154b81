"""Bundled knowledge the project owns: office holders, institutions, places and role words.

Read once from ``resources/knowledge/`` (and pycountry for country names). The tagger finds
*that* something is a name; this knowledge says who a leader is, what office they hold and
which spelling is canonical ("Zelensky" → "Volodymyr Zelenskyy, President of Ukraine").
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache

from desktop.core.resources import resource_path

PEOPLE_FILE = "people.json.gz"
ORGANISATIONS_FILE = "organisations.json.gz"
Office = tuple[str, str, str, int, str]  # role, start, end ("" open), rank, known-until


@dataclass(frozen=True)
class Known:
    """What a name in the bundled knowledge refers to.

    A person (category ``leader``) carries every office held, with dates; which one is shown
    depends on the article's date (``role_at``). ``strict`` names (companies from open lists)
    count only where the tagger found a name, never as a bare word match.
    """

    canonical: str
    category: str
    role: str = ""
    offices: tuple[Office, ...] = ()
    kind: str = ""
    strict: bool = False

    def role_at(self, day: str) -> str | None:
        """The office held on ``day`` (ISO date), "former …" for one that had ended, or None
        when no office had begun. Two offices at once: the more senior (then the later)."""
        return role_at(self.offices, day)


def role_at(offices: tuple[Office, ...], day: str) -> str | None:
    held, possible, past = [], [], []
    for office in offices:
        _, start, end, _, known = office
        if start > day:
            continue
        if end and end < day:
            past.append(office)
        elif end or day <= known:
            held.append(office)
        else:
            possible.append(office)  # open in a snapshot taken before ``day``
    if held:
        return min(held, key=lambda o: (o[3], o[2] == "", _desc(o[1]), o[0]))[0]
    best_past = min(past, key=lambda o: (o[3], _desc(o[2]), o[0]), default=None)
    if possible:
        best = min(possible, key=lambda o: (o[3], _desc(o[1]), o[0]))
        # A later end of an office as senior means the snapshot is out of date.
        if best_past is None or best_past[3] > best[3] or best_past[2] <= best[4]:
            return f"{best[0]} (as of {best[4]})"
    if best_past is not None:
        return f"former {best_past[0]}"
    return None


def _desc(day: str) -> tuple[int, ...]:
    """Sort key that puts later ISO dates first."""
    return tuple(-ord(ch) for ch in day)


# Anything that makes the tokenizer split a name other than at its spaces.
_PLAIN = re.compile(r"[^\w\s.\-'’&]|\w{2,}\.(\s|$)|['’][sS]\b|[-.&'’](\s|$)|(^|\s)[-.&'’]|\s\s")


@dataclass(frozen=True)
class Knowledge:
    names: dict[str, Known]  # exact surface form → what it is
    demonyms: dict[str, str]  # "Ukrainian" → "Ukraine"
    role_words: frozenset[str]  # lower-case office words, some of two words
    longest: dict[str, int]  # first token of a surface → most tokens of one starting so
    by_tokens: dict[str, Known]  # surfaces whose tokens, joined by spaces, differ from them

    def lookup(self, tokens: str) -> Known | None:
        """What a name given as space-joined tokens ("Alphabet Inc .") refers to."""
        return self.by_tokens.get(tokens) or self.names.get(tokens)


def _read_json(name: str) -> dict:
    return json.loads(resource_path("knowledge", name).read_text(encoding="utf-8"))


def _read_gzip_json(name: str) -> dict:
    return json.loads(gzip.decompress(resource_path("knowledge", name).read_bytes()))


@cache
def load_knowledge() -> Knowledge:
    names: dict[str, Known] = {}
    for name, common in _country_names():
        names.setdefault(name, Known(common, "place"))
    places = _read_json("places.json")
    for alias, canonical in places["aliases"].items():
        names[alias] = Known(canonical, "place")
    for name, aliases, kind, strict in _read_gzip_json(ORGANISATIONS_FILE)["organisations"]:
        known = Known(name, "institution", kind=kind, strict=strict)
        for surface in (name, *aliases):
            if not strict or surface not in names:
                names[surface] = known
    surnames: dict[str, Known] = {}
    for name, aliases, surname, offices in _read_gzip_json(PEOPLE_FILE)["people"]:
        known = Known(name, "leader", offices=tuple(map(tuple, offices)))
        for surface in (name, *aliases):
            names[surface] = _merged(names.get(surface), known)
        if surname:
            surnames[surname] = _merged(surnames.get(surname), known)
    for surname, known in surnames.items():
        if names.get(surname) is None or names[surname].category == "leader":
            names[surname] = _merged(names.get(surname), known)
    lines = resource_path("knowledge", "roles.txt").read_text(encoding="utf-8").splitlines()
    roles = frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))
    return Knowledge(names, places["demonyms"], roles, *_index_words(names))


def _merged(old: Known | None, new: Known) -> Known:
    """Two people under one name: one entry with both people's offices."""
    if old is None or old.category != "leader":
        return new
    return Known(old.canonical, "leader", offices=old.offices + new.offices)


def _index_words(names: dict[str, Known]) -> tuple[dict[str, int], dict[str, Known]]:
    """How far a name can run from its first token, and the names the tokenizer splits
    differently from their spaces ("Alphabet Inc." is "Alphabet", "Inc", ".")."""
    from desktop.core.text.ner.tokens import tokenize

    longest: dict[str, int] = {}
    by_tokens: dict[str, Known] = {}
    for surface, known in names.items():
        if surface.replace(" ", "").isalpha() or _PLAIN.search(surface) is None:
            words = surface.split()
        else:
            words = [t.text for t in tokenize(surface)]
            joined = " ".join(words)
            if joined != surface:
                by_tokens.setdefault(joined, known)
        if words and longest.get(words[0], 0) < len(words):
            longest[words[0]] = len(words)
    return longest, by_tokens


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
