"""``make knowledge``: build the shipped people and organisations from the committed inputs.

Inputs live in ``data/knowledge/`` (not shipped): trimmed open-data snapshots written by
``tools/knowledge_import.py`` (``offices-*.tsv.gz``, ``organisations-*.tsv.gz``, their
provenance in ``sources.json``) and the hand-kept ``leaders.json`` and ``institutions.json``.
Outputs: ``resources/knowledge/people.json.gz`` and ``organisations.json.gz``. The same inputs
always give the same bytes (sorted, fixed gzip header), which a test checks.

A person is every office they held with its dates; an office still open in a snapshot is
known to be held up to that snapshot's date (``known``), not beyond.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from desktop.core.text.ner.knowledge import (
    ALIAS,
    FIELD,
    OFFICE,
    ORGANISATIONS_FILE,
    PEOPLE_FILE,
    index_words,
)
from desktop.core.text.ner.packed import gzip_bytes

ROOT = Path(__file__).resolve().parents[4]
INPUTS = ROOT / "data" / "knowledge"

_TERM_GAP = timedelta(days=62)
# Seniority: a person holding two offices at once is shown with the more senior one.
RANKS = {"head": 0, "deputy": 1, "minister": 2, "other": 3, "legislator": 4}
_HEAD_WORDS = ("president", "prime minister", "chancellor", "monarch", "king", "queen", "emperor",
               "emir", "sultan", "premier", "taoiseach", "supreme leader", "secretary-general",
               "first minister", "head of state", "governor", "pope", "crown prince")  # fmt: skip
_DEPUTY_WORDS = ("vice president", "vice-president", "deputy prime minister", "deputy premier",
                 "first deputy", "vice premier", "deputy first minister")  # fmt: skip
_MINISTER_WORDS = ("minister", "secretary", "attorney general", "chief of staff", "director",
                   "chair", "managing director", "high representative")  # fmt: skip
# A head of state or government of a country: "UK Prime Minister", "President of Ghana".
_HEAD_TITLE = r"(President|Prime Minister|Chancellor|Taoiseach|Supreme Leader|Emperor|King|Queen)"
_HONORIFIC = re.compile(r", (Baron|Baroness|Lord|Lady|Viscount|Earl|Countess|Marquess|Duke)\b.*$")
# Organisation kinds from words in the name, most specific first.
_KIND_WORDS = (
    ("party", ("Party", "Democrats", "Republicans", "Tories", "Labour")),
    ("court", ("Court", "Tribunal")),
    ("media", ("News", "Times", "Post", "Journal", "Press", "Reuters", "BBC", "CNN",
               "Jazeera", "Television", "Radio", "Broadcasting", "Telegraph", "Guardian")),
    ("international body", ("United Nations", "NATO", "North Atlantic", "European", "World ",
                            "International", "Organization", "Group of", "African Union",
                            "Association of Southeast")),
    ("legislature", ("Congress", "Senate", "Parliament", "Bundestag", "Rada", "Assembly",
                     "Duma", "Knesset", "House of", "Lok Sabha", "Dáil")),
    ("agency", ("Agency", "Bureau", "Department", "Ministry", "Reserve", "Bank", "Office",
                "Service", "Police", "White House", "Kremlin", "Pentagon", "Downing Street",
                "Palace")),
    ("university", ("University", "College")),
    ("club", ("F.C.", "FC")),
)  # fmt: skip


def office_kind(role: str) -> str:
    """head, deputy, minister or other, from the words of an office title."""
    lower = role.lower()
    if any(w in lower for w in _DEPUTY_WORDS) or lower.startswith(("deputy ", "vice ")):
        return "deputy"
    if any(w in lower for w in ("ambassador", "representative to", "envoy", "spokes", "aide")):
        return "other"
    if any(w in lower for w in _HEAD_WORDS) and "minister of" not in lower.replace(
        "prime minister of", ""
    ):
        return "head"
    if any(w in lower for w in _MINISTER_WORDS):
        return "minister"
    return "other"


def party_members(name: str) -> str:
    """What English calls a party's members, which names the party too: "Republican Party"
    → "Republicans", "Democratic Party" → "Democrats", "Conservative Party" → "Conservatives";
    and the other way round ("Conservatives" → "Conservative Party")."""
    words = name.split()
    if len(words) == 1 and name.endswith(("ives", "ists", "icans", "tarians")):
        return name[:-1] + " Party"
    if len(words) != 2 or words[1] != "Party" or not words[0].isalpha():
        return ""
    word = words[0]
    if word.endswith("atic"):
        return word[:-2] + "s"
    if word.endswith(("ican", "tarian", "ive", "ist")):  # not nationalities ("Bavarians")
        return word + "s"
    return ""


def organisation_kind(name: str) -> str:
    for kind, words in _KIND_WORDS:
        if any(w in name for w in words):
            return kind
    return "organisation"


def office_day(value: str) -> str:
    """An office's start or end as precise as the source gives it: a day, or a bare year or
    month ("2019", "2019-07") when that is all it knows. Padding a year to its first or last
    day would show an office in months its holder did not yet, or no longer, hold it."""
    return value[:10]


def ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def read_tsv(path: Path) -> list[dict[str, str]]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


class _Person:
    def __init__(self, name: str) -> None:
        self.name = name
        self.aliases: set[str] = set()
        self.surname = ""
        self.offices: set[tuple[str, str, str, int, str]] = set()
        self.countries: set[str] = set()
        self.listed: set[tuple[str, str, str, int, str]] = set()  # not the past heads' list
        self.shared = ""  # a surname other office holders share: read by date at run time


TOWNS_FILE = "places-cities.tsv.gz"
PAST_HEADS_FILE = "offices-heads-past.tsv.gz"
"""Past heads of state and government of every country: 2,100 people, many of whose surnames
are common words or other people's names elsewhere ("Terry", "Shearer", "Toledo"); they are
known by their full names (and a surname after it), never by a surname alone."""


def _row_key(row: dict[str, str]) -> str:
    """Who an office row is about: its identifier, or, where the source gives only the
    identifier's scheme ("bioguide:" for presidents the Congress directory does not list),
    the scheme and the name; one empty identifier must not merge Clinton, Reagan and Carter."""
    key = row["id"]
    return f"{key}{row['name']}" if not key or key.endswith(":") else key


def build_people(inputs: Path) -> list[list]:
    sources = json.loads((inputs / "sources.json").read_text(encoding="utf-8"))
    people: dict[str, _Person] = {}
    countries: set[str] = set()
    for source in sources["files"]:
        if not source["file"].startswith("offices-"):
            continue
        for row in read_tsv(inputs / source["file"]):
            countries.add(row["country"])
            person = people.setdefault(_row_key(row), _Person(row["name"]))
            person.countries.add(row["country"])
            person.aliases.update(a for a in row["aliases"].split("|") if a)
            end = office_day(row["end"])
            known = "" if end else source["as_of"]
            office = (row["role"], office_day(row["start"]), end, RANKS[row["kind"]], known)
            person.offices.add(office)
            if source["file"] != PAST_HEADS_FILE:
                person.listed.add(office)
    by_name = defaultdict(list)
    for key, person in people.items():
        by_name[person.name].append(key)
    curated = json.loads((inputs / "leaders.json").read_text(encoding="utf-8"))
    for item in curated["leaders"]:
        keys = by_name.get(item["name"]) or [f"curated:{item['name']}"]
        person = people.setdefault(keys[0], _Person(item["name"]))
        person.aliases.update(item.get("variants", ()))
        person.surname = item.get("surname", "")
        rank = RANKS[office_kind(item["role"])]
        office = (item["role"], item["since"], "", rank, curated["as_of"])
        person.offices.add(office)
        person.listed.add(office)
    towns: defaultdict[str, set[str]] = defaultdict(set)
    if (inputs / TOWNS_FILE).exists():
        for row in read_tsv(inputs / TOWNS_FILE):
            towns[row["name"]].add(row["country"])
    _add_surnames(people, countries, towns)
    out = []
    for person in people.values():
        head = any(o[3] == RANKS["head"] for o in person.offices)
        if " " not in person.name and not head:
            continue  # one word ("Muslim", "Peter") names too many others
        aliases = set(person.aliases)
        for name in (person.name, *person.aliases):
            aliases.add(ascii_fold(name))
            short = _HONORIFIC.sub("", name)
            if short != name and " " in short:
                aliases.add(short)
        aliases = {a for a in aliases if " " in a or head}
        aliases.discard(person.name)
        offices = sorted(_joined(person.offices), key=lambda o: (o[1], o[2], o[0], o[3:]))
        out.append([person.name, sorted(aliases), person.surname, offices, person.shared])
    out.sort(key=lambda p: (p[0], json.dumps(p, ensure_ascii=False)))
    return out


def _columns(people: list[list]) -> dict[str, str]:
    """The people as five columns of text, one line per person (aliases joined by
    ``ALIAS``, offices by ``OFFICE``, an office's fields by ``FIELD``): a few long strings
    parse far faster at load than a list per person (see ``knowledge._Names``)."""
    for name, aliases, surname, offices, _ in people:
        texts = [name, surname, *aliases, *(str(x) for office in offices for x in office)]
        if any(ch in text for text in texts for ch in ("\n", ALIAS, OFFICE, FIELD)):
            raise ValueError(f"knowledge build: a name or office of {name!r} holds a separator")
    columns = {
        "names": (p[0] for p in people),
        "aliases": (ALIAS.join(p[1]) for p in people),
        "surnames": (p[2] for p in people),
        "offices": (OFFICE.join(FIELD.join(map(str, o)) for o in p[3]) for p in people),
        "shared_surnames": (p[4] for p in people),
    }
    return {key: "\n".join(values) for key, values in columns.items()}


def _joined(offices: set[tuple[str, str, str, int, str]]) -> list[list]:
    """Consecutive terms of one office (a senator re-elected) as one office: an office that
    starts within ``_TERM_GAP`` of the end of the same one continues it."""
    out: list[list] = []
    for role, start, end, rank, known in sorted(offices):
        last = out[-1] if out else None
        if last and last[0] == role and last[3] == rank and _continues(last[2], start):
            last[2], last[4] = _later_end((last[2], last[4]), (end, known))
            continue
        out.append([role, start, end, rank, known])
    return out


def _later_end(*ends: tuple[str, str]) -> tuple[str, str]:
    """The end of two joined terms: the later definite end, unless an open term was seen
    still held after it (then open, known up to that day)."""
    definite = max((end for end, _ in ends if end), default="")
    known = max((k for end, k in ends if not end), default="")
    return (definite, "") if definite and definite >= known else ("", known)


def _continues(end: str, start: str) -> bool:
    if not end:
        return True  # the earlier term is still open
    if not start:
        return False
    return _as_date(start, last=False) - _as_date(end, last=True) <= _TERM_GAP


def _as_date(day: str, *, last: bool) -> date:
    """An ISO day; a bare year or month read as its first or ``last`` day."""
    year, month = int(day[:4]), int(day[5:7] or (12 if last else 1))
    if len(day) >= 10:
        return date(year, month, int(day[8:10]))
    if not last:
        return date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _add_surnames(
    people: dict[str, _Person], countries: set[str], towns: dict[str, set[str]]
) -> None:
    """A surname alone names a head of state or government (by an office another list than
    the past heads', ``PAST_HEADS_FILE``, gives) only when no other office holder of rank
    minister or above (by such an office) shares it ("Obama", but not "Brown" or "Bush") and it
    names no country nor a town of their own country (``towns``: name → countries):
    "Cleveland" in American news is the city and its teams, not Grover Cleveland, while
    Obama, a town in Japan, does not stop "Obama". Heads' titles name their ``countries``.
    A head's surname others share ("Blair", "Bush") is kept apart (``shared``): it names,
    at run time, the one of them who was a head on the article's date."""
    names = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True) if c)
    national = re.compile(rf"^(\w+ )?{_HEAD_TITLE}( of (the )?({names}))?$")
    holders = defaultdict(set)
    for key, person in people.items():
        words = person.name.split()
        if len(words) > 1 and any(o[3] <= RANKS["minister"] for o in person.listed):
            holders[words[-1]].add(key)
    for key, person in people.items():
        words = person.name.split()
        if person.surname or len(words) < 2 or len(words[-1]) < 4 or not words[-1].isalpha():
            continue
        national_head = any(national.match(o[0]) for o in person.listed)
        if (
            national_head
            and words[-1] not in countries
            and not towns.get(words[-1], set()) & person.countries
        ):
            if holders[words[-1]] == {key}:
                person.surname = words[-1]
            else:
                person.shared = words[-1]


def _nationality(word: str, countries: list[str]) -> bool:
    """ "Australian", "Zimbabwean", "Chinese": a country's adjective, which the tagger and
    readers take for a nationality even when a newspaper is called so."""
    if " " in word or not word.endswith(("an", "ese", "ish", "i")):
        return False
    return any(
        len(c) > 3 and word[: len(c) - 1] == c[:-1] and len(word) <= len(c) + 3 for c in countries
    )


def build_organisations(inputs: Path) -> list[list]:
    import pycountry

    countries = sorted({c.name for c in pycountry.countries if " " not in c.name})
    curated = json.loads((inputs / "institutions.json").read_text(encoding="utf-8"))
    out: dict[str, list] = {}
    for item in curated["institutions"]:
        aliases = sorted({*item.get("acronyms", ()), *item.get("variants", ())})
        kind = item.get("kind") or organisation_kind(item["name"])
        out[item["name"]] = [item["name"], aliases, kind, False]
    for path in sorted(inputs.glob("organisations-*.tsv.gz")):
        for row in read_tsv(path):
            if row["name"] not in out:
                aliases = {a for a in row["aliases"].split("|") if a}
                if row["kind"] == "party":
                    aliases.update(filter(None, map(party_members, (row["name"], *aliases))))
                aliases = {a for a in aliases if not _nationality(a, countries)}
                out[row["name"]] = [row["name"], sorted(aliases - {row["name"]}), row["kind"], True]
    _leave_to_home_clubs(list(out.values()), _towns(inputs))
    return sorted(out.values())


def _towns(inputs: Path) -> frozenset[str]:
    return frozenset(row["name"] for row in read_tsv(inputs / "places-cities.tsv.gz"))


def _leave_to_home_clubs(organisations: list[list], towns: frozenset[str]) -> None:
    """A town's name that several clubs go by ("Barcelona", "Liverpool", "Santos") stays only
    with those whose full name names no other town: "Barcelona Guayaquil" plays in Guayaquil,
    and "Barcelona" alone in the news is FC Barcelona. Where every holder (or none) names
    another town, all keep it; a club's name that is no town's ("Red Star", whose Belgrade
    club is the one the news means) is left as it is."""
    holders: dict[str, list[list]] = defaultdict(list)
    for organisation in organisations:
        if organisation[2] == "club":
            for alias in organisation[1]:
                holders[alias].append(organisation)
    for alias, clubs in holders.items():
        if alias not in towns:
            continue
        away = [c for c in clubs if _names_other_town(c[0], alias, towns)]
        if len(clubs) > 1 and 0 < len(away) < len(clubs):
            for club in away:
                club[1] = [a for a in club[1] if a != alias]


def _names_other_town(name: str, alias: str, towns: frozenset[str]) -> bool:
    """Whether ``name`` holds a town's name (of up to three words) outside the words of
    ``alias``."""
    words = [w for w in name.split() if w not in alias.split()]
    return any(
        " ".join(words[i : i + n]) in towns for n in (1, 2, 3) for i in range(len(words) - n + 1)
    )


def gzip_json(value: object) -> bytes:
    """Compact JSON, gzip without a name or time stamp: equal values give equal bytes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return gzip_bytes(text.encode("utf-8"))


def build(inputs: Path = INPUTS) -> dict[str, bytes]:
    """The shipped files' bytes, by file name."""
    sources = json.loads((inputs / "sources.json").read_text(encoding="utf-8"))
    people = build_people(inputs)
    organisations = build_organisations(inputs)
    # Token index of every person's and organisation's surface, so loading need not tokenize.
    longest: dict[str, int] = {}
    by_tokens: dict[str, str] = {}
    index_words((s for p in people for s in (p[0], *p[1], p[2]) if s), longest, by_tokens)
    index_words((s for o in organisations for s in (o[0], *o[1])), longest, by_tokens)
    index = {"longest": longest, "by_tokens": by_tokens}
    return {
        PEOPLE_FILE: gzip_json(
            {"sources": sources["files"], "people": _columns(people), "index": index}
        ),
        ORGANISATIONS_FILE: gzip_json({"organisations": organisations}),
    }


def main() -> int:
    folder = ROOT / "resources" / "knowledge"
    for name, data in build().items():
        (folder / name).write_bytes(data)
        print(f"{folder / name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
