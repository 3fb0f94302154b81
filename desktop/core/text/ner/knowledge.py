"""Bundled knowledge the project owns: office holders, institutions, places and role words.

Read once from ``resources/knowledge/`` (and pycountry for country names); the people and
organisations there are built from open data by ``knowledge_build``. The tagger finds *that*
something is a name; this knowledge says who held which office when, and which spelling is
canonical ("Lula" → "Luiz Inácio Lula da Silva"), so a role is shown as of the article's date.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from desktop.core.resources import resource_path

PEOPLE_FILE = "people.json.gz"
ORGANISATIONS_FILE = "organisations.json.gz"
# role, start, end ("" open), rank, known-until; start and end may be a bare year or month.
Office = tuple[str, str, str, int, str]
# Separators of the people file's columns (one line per person): aliases, offices, fields.
ALIAS, OFFICE, FIELD = "|", "~", "^"


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

    def role_at(self, day: str, places: Collection[str] = ()) -> str | None:
        """The office held on ``day`` (ISO date), "former …" for one that had ended, or None
        when no office had begun. Two offices at once: the more senior, then one naming a
        place of ``places`` (the article's: a queen of sixteen realms in a British story is
        the British monarch), then the later; a more senior one that had ended is added ("UK
        MP, former UK Prime Minister")."""
        if not places:
            return _role_on(self.offices, day)
        return role_at(self.offices, day, places)


@lru_cache(maxsize=16_384)
def _role_on(offices: tuple[Office, ...], day: str) -> str | None:
    """``role_at`` without places, kept: an article asks it of the same people again and again."""
    return role_at(offices, day)


def role_at(offices: tuple[Office, ...], day: str, places: Collection[str] = ()) -> str | None:
    def elsewhere(office: Office) -> bool:
        return bool(places) and not any(names_place(office[0], place) for place in places)

    held, possible, past = [], [], []
    for office in offices:
        _, start, end, _, known = office
        if not began(start, day) or _inside(end, day):
            continue  # an office known to end only by its year or month is unsure that year
        if end and end < day:
            past.append(office)
        elif end or day <= known:
            held.append(office)
        else:
            possible.append(office)  # open in a snapshot taken before ``day``
    best_past = min(
        past, key=lambda o: (o[3], elsewhere(o), _desc(_last_day(o[2])), o[0]), default=None
    )
    if held:
        best = min(
            held, key=lambda o: (o[3], elsewhere(o), o[2] == "", _desc(_first_day(o[1])), o[0])
        )
        if best_past is not None and best_past[3] < best[3]:
            return f"{best[0]}, former {best_past[0]}"  # an MP who was prime minister
        return best[0]
    if possible:
        # The freshest snapshot first: it knows the office was held the latest.
        best = min(
            possible,
            key=lambda o: (o[3], elsewhere(o), _desc(o[4]), _desc(_first_day(o[1])), o[0]),
        )
        # A later end of an office as senior means the snapshot is out of date.
        if best_past is None or best_past[3] > best[3] or _last_day(best_past[2]) <= best[4]:
            if best_past is not None and best_past[3] < best[3]:
                return f"{best[0]} (as of {best[4]}), former {best_past[0]}"
            return f"{best[0]} (as of {best[4]})"
    if best_past is not None:
        return f"former {best_past[0]}"
    return None


def names_place(role: str, place: str) -> bool:
    """``role`` names ``place`` as a whole word or words ("UK" in "UK Prime Minister")."""
    at = role.find(place)
    while at >= 0:
        end = at + len(place)
        if (at == 0 or not role[at - 1].isalnum()) and (
            end == len(role) or not role[end].isalnum()
        ):
            return True
        at = role.find(place, at + 1)
    return False


def began(start: str, day: str) -> bool:
    """Whether an office starting on ``start`` was surely held by ``day`` (ISO). A start known
    only by its year or month ("2019", "2019-07") is sure only once that period is over."""
    return start <= day and not _inside(start, day)


def _inside(bound: str, day: str) -> bool:
    """``day`` falls in a year or month that is all a source knows of a start or end."""
    return 0 < len(bound) < 10 and day.startswith(bound)


def _first_day(start: str) -> str:
    """A start known by its year or month as its first day, for ordering among days."""
    return start + "-01-01"[len(start) - 4 :] if 0 < len(start) < 10 else start


def _last_day(end: str) -> str:
    """An end known by its year or month as a day after every real day of it ("2019-12-31",
    "2019-06-31"), for comparing with days."""
    return end + "-12-31"[len(end) - 4 :] if 0 < len(end) < 10 else end


def _desc(day: str) -> tuple[int, ...]:
    """Sort key that puts later ISO dates first."""
    return tuple(-ord(ch) for ch in day)


# Anything that makes the tokenizer split a name other than at its spaces.
_PLAIN = re.compile(r"[^\w\s.\-'’&]|\w{2,}\.(\s|$)|['’][sS]\b|[-.&'’](\s|$)|(^|\s)[-.&'’]|\s\s")


@dataclass(frozen=True)
class Knowledge:
    names: Mapping[str, Known]  # exact surface form → what it is
    demonyms: dict[str, str]  # "Ukrainian" → "Ukraine"
    role_words: frozenset[str]  # lower-case office words, some of two words
    longest: dict[str, int]  # first token of a surface → most tokens of one starting so
    by_tokens: dict[str, str]  # space-joined tokens → surface, where the two differ
    place_only: frozenset[str]  # places never anything else, whatever the tagger says
    # With none of these words in an article, a minor office holder's name with a common
    # surname is more likely someone else's.
    political_words: frozenset[str]
    people: tuple[str, ...]  # every known person's name
    parts: dict[str, str]  # "Wales" → "the United Kingdom", "Texas" → "United States"
    continents: frozenset[str]
    # A country's body that an office names without naming the country: "Knesset member"
    bodies: dict[str, str]  # "Knesset" → "Israel"

    @cached_property
    def given_names(self) -> frozenset[str]:
        """First words of two or more known people's names (not a known place's, nor a title
        such as "King" of "King Charles III")."""
        firsts = Counter(name.split(" ", 1)[0] for name in self.people if " " in name)
        return frozenset(
            w
            for w, n in firsts.items()
            if n > 1
            and w[:1].isupper()
            and w not in self.names
            and w.lower() not in self.role_words
        )

    @cached_property
    def country_words(self) -> frozenset[str]:
        """Countries and their other words ("United Kingdom", "UK", "British")."""
        return frozenset(
            w for pair in self.demonyms.items() for w in (pair[0], pair[1].removeprefix("the "))
        )

    @cached_property
    def state_words(self) -> frozenset[str]:
        """The country words that name a state, not a continent ("Europe", "European")."""
        return frozenset(
            w
            for w in self.country_words
            if w not in self.continents and self.demonyms.get(w) not in self.continents
        )

    @cached_property
    def state_codes(self) -> frozenset[str]:
        """Two-letter postal codes of US states and Canadian provinces ("CO", "ON"), which
        follow a town's name in listings ("Denver, CO")."""
        import pycountry

        return frozenset(
            s.code.split("-")[1]
            for country in ("US", "CA")
            for s in pycountry.subdivisions.get(country_code=country)
            if len(s.code.split("-")[1]) == 2
        )

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of known people's names: a one-word name among them may be a person's."""
        return frozenset(name.rsplit(" ", 1)[-1] for name in self.people if " " in name)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of known people's names."""
        return frozenset(w for name in self.people for w in name.split())

    @cached_property
    def common_surnames(self) -> frozenset[str]:
        """Last words of three or more known people's names."""
        lasts = Counter(name.rsplit(" ", 1)[-1] for name in self.people if " " in name)
        return frozenset(w for w, n in lasts.items() if n > 2)

    def lookup(self, tokens: str) -> Known | None:
        """What a name given as space-joined tokens ("Alphabet Inc .") refers to; "U.S.
        Senate" and "United States Senate" are the knowledge's "US Senate"; a typographic
        apostrophe is the knowledge's straight one ("McDonald’s")."""
        if "’" in tokens:
            tokens = tokens.replace("’", "'")
        found = self.names.get(self.by_tokens.get(tokens, tokens))
        if found is None:
            for long in ("U.S. ", "United States "):
                if tokens.startswith(long) and tokens != long.strip():
                    return self.names.get("US " + tokens[len(long) :])
        return found


def _read_json(name: str) -> dict:
    return json.loads(resource_path("knowledge", name).read_text(encoding="utf-8"))


def _read_gzip_json(name: str) -> dict:
    return json.loads(gzip.decompress(resource_path("knowledge", name).read_bytes()))


@cache
def load_knowledge() -> Knowledge:
    fixed: dict[str, Known] = {}
    for name, common in _country_names():
        fixed.setdefault(name, Known(common, "place"))
    places = _read_json("places.json")
    for name in places["regions"]:
        fixed.setdefault(name, Known(name, "place", kind="region"))
    for alias, canonical in places["aliases"].items():
        fixed[alias] = Known(canonical, "place")
    for name, aliases, kind, strict in _read_gzip_json(ORGANISATIONS_FILE)["organisations"]:
        known = Known(name, "institution", kind=kind, strict=strict)
        for surface in (name, *aliases):
            if not strict or surface not in fixed:
                fixed[surface] = known
    people = _read_gzip_json(PEOPLE_FILE)
    columns = _people_columns(people)
    names = _Names(fixed, columns)
    # The build indexed the people and organisations; places are indexed here.
    longest, by_tokens = people["index"]["longest"], people["index"]["by_tokens"]
    index_words((s for s, known in fixed.items() if known.category == "place"), longest, by_tokens)
    roles = _word_list("roles.txt")
    place_only = frozenset(places["place_only"])
    politics = _word_list("political-words.txt")
    return Knowledge(
        names,
        places["demonyms"],
        roles,
        longest,
        by_tokens,
        place_only,
        politics,
        tuple(columns["names"]),
        {**{r: c for r, c in places["regions"].items() if c}, **places["parts"]},
        frozenset(places["continents"]),
        places["bodies"],
    )


def spelling_groups() -> Iterator[tuple[str, ...]]:
    """Each known person's and institution's spellings, the canonical name first (a person's
    surname used alone is one of them): search finds any spelling by any other."""
    people = _people_columns(_read_gzip_json(PEOPLE_FILE))
    for name, aliases, surname in zip(
        people["names"], people["aliases"], people["surnames"], strict=True
    ):
        if aliases or surname:
            yield (
                name,
                *(aliases.split(ALIAS) if aliases else ()),
                *([surname] if surname else []),
            )
    for name, aliases, _, _ in _read_gzip_json(ORGANISATIONS_FILE)["organisations"]:
        if aliases:
            yield (name, *aliases)


def _people_columns(people: dict) -> dict[str, list[str]]:
    """The people file's columns (names, aliases, surnames, offices, shared surnames), a line
    per person."""
    return {key: text.split("\n") for key, text in people["people"].items()}


def _word_list(name: str) -> frozenset[str]:
    lines = resource_path("knowledge", name).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


class _Names(Mapping[str, Known]):
    """Every known surface: places and organisations, and people (a person's full name,
    other spellings and, for a few, the surname alone), which take precedence. A person's
    entry is made when first asked for, so loading does not build tens of thousands."""

    def __init__(self, fixed: dict[str, Known], people: dict[str, list[str]]) -> None:
        # Only strings, ints and tuples of ints are kept: the garbage collector does not
        # walk them, where a list per person would add hundreds of thousands of objects
        # to every full collection (the window would stutter).
        self._fixed = fixed
        self._names = people["names"]
        self._offices = people["offices"]  # text, read when asked for
        self._rows: dict[str, int | tuple[int, ...]] = {}
        for row, (name, aliases) in enumerate(zip(self._names, people["aliases"], strict=True)):
            self._add(name, row)
            for surface in aliases.split(ALIAS) if aliases else ():
                self._add(surface, row)
        for row, surname in enumerate(people["surnames"]):
            if surname and surname not in fixed:
                self._add(surname, row)
        self._made: dict[str, Known] = {}
        self._shared: dict[str, tuple[int, ...]] = {}
        for row, surname in enumerate(people.get("shared_surnames", ())):
            if surname:
                self._shared[surname] = (*self._shared.get(surname, ()), row)

    def head_on(self, surname: str, day: str) -> Known | None:
        """The one head of state or government of this surname, among several office holders
        who share it ("Blair", "Bush"), who held a head's office on ``day`` (surely: an open
        office only up to the day its source was taken); None when no one or several did."""
        people = [
            (row, tuple(map(_office, self._offices[row].split(OFFICE))))
            for row in self._shared.get(surname, ())
        ]
        found = [
            (row, offices)
            for row, offices in people
            if any(
                rank == 0 and began(start, day) and (_last_day(end) >= day if end else day <= known)
                for _, start, end, rank, known in offices
                if not _inside(end, day)
            )
        ]
        if len(found) != 1:
            return None
        row, offices = found[0]
        return Known(self._names[row], "leader", offices=offices)

    def _add(self, surface: str, row: int) -> None:
        old = self._rows.get(surface)
        if old is None:
            self._rows[surface] = row
        elif isinstance(old, int):
            self._rows[surface] = (old, row) if old != row else old
        elif row not in old:
            self._rows[surface] = (*old, row)

    def __getitem__(self, surface: str) -> Known:
        made = self._made.get(surface)
        if made is not None:
            return made
        found = self._rows.get(surface)
        if found is None:
            return self._fixed[surface]
        rows = (found,) if isinstance(found, int) else found
        # Two people under one name: one entry with both people's offices.
        offices = tuple(_office(o) for row in rows for o in self._offices[row].split(OFFICE))
        made = self._made[surface] = Known(self._names[rows[0]], "leader", offices=offices)
        return made

    def get(self, surface: str, default: Known | None = None) -> Known | None:  # type: ignore[override]
        """Without ``Mapping.get``'s KeyError: most words the tagger asks about are unknown."""
        if surface in self._made or surface in self._rows:
            return self[surface]
        return self._fixed.get(surface, default)

    def __contains__(self, surface: object) -> bool:
        return surface in self._rows or surface in self._fixed

    def __iter__(self) -> Iterator[str]:
        yield from self._rows
        yield from (s for s in self._fixed if s not in self._rows)

    def __len__(self) -> int:
        return len(self._rows) + sum(1 for s in self._fixed if s not in self._rows)


def _office(text: str) -> Office:
    role, start, end, rank, known = text.split(FIELD)
    return role, start, end, int(rank), known


def surface_words(surface: str) -> list[str]:
    """A name's tokens as the tagger's tokenizer splits it (most names: at their spaces)."""
    if surface.replace(" ", "").isalpha() or _PLAIN.search(surface) is None:
        return surface.split()
    from desktop.core.text.ner.tokens import tokenize

    return [t.text for t in tokenize(surface)]


def index_words(
    surfaces: Iterable[str], longest: dict[str, int], by_tokens: dict[str, str]
) -> None:
    """Add to ``longest`` how far a name can run from its first token, and to ``by_tokens``
    the names the tokenizer splits other than at their spaces ("Alphabet Inc" "." )."""
    for surface in surfaces:
        words = surface_words(surface)
        joined = " ".join(words)
        if joined != surface:
            by_tokens.setdefault(joined, surface)
        if words and longest.get(words[0], 0) < len(words):
            longest[words[0]] = len(words)


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
    # A country's name: in sports reports a national team keeps it a place, a town's team
    # makes the town an organisation.
    for word in load_knowledge().state_words:
        if " " not in word:
            out.setdefault(word.lower(), set()).add("KCTRY")
    return {w: " ".join(sorted(c)) for w, c in out.items()}


def knowledge_phrases() -> dict[str, str]:
    """Lower-cased names of two or more tokens (space-separated) of the knowledge's
    institutions and places, by tagger class. People's names are left to the knowledge
    matching after tagging: they are three quarters of the names and would double the
    tagger's loading time."""
    from desktop.core.text.ner.tokens import tokenize

    classes = {"institution": "ORG", "place": "LOC"}
    out: dict[str, str] = {}
    for surface, known in load_knowledge().names.items():
        kind = classes.get(known.category)
        if kind is not None:
            words = [t.text.lower() for t in tokenize(surface)]
            if len(words) > 1:
                out.setdefault(" ".join(words), kind)
    return out
