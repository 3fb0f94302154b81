"""Where a name the tagger found really begins and ends, which capitalised words are never
names, and the cues that make a name an organisation rather than a person.

The tagger is trained on Reuters sentences; on web news it takes in a sentence's first word
("However"), a title abbreviation ("Sen"), a contraction ("I'm"), a ticker code or a headline
word in capitals. The word lists live in ``resources/ner/``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from desktop.core.resources import resource_path
from desktop.core.text.ner.packed import read_text
from desktop.core.text.ner.tagger import (
    GAZETTEER_FILE,
    SPORT_FILE,
    read_gazetteer,
    read_sport_words,
)

_CONTRACTION = re.compile(r"^\w+['’](m|d|ve|ll|re|t|am)$", re.IGNORECASE)
# Reuters instrument codes and index tickers: "AAPL.O", "VOD.L", ".DJI", "^SPX".
# A US legislator's party and state after the name: "(R-AL)", "D-Va.", "(R-Texas)".
_PARTY_STATE = re.compile(r"^[RDI]-(?:[A-Z]{2}|[A-Z][a-z]{1,5}\.?)$")
_TICKER = re.compile(r"^([A-Z0-9]{2,6}\.[A-Z]{1,2}|[.^][A-Z0-9]{2,8})$")
# A web address or a page's file name ("www.bbc.co.uk", "Cat-found-in-14848175.php").
_ADDRESS = re.compile(r"^(?:https?:|www\.)|\.(?:php|html?|aspx?|jsp)$", re.IGNORECASE)
# The plural of an acronym names things, not one of them ("SUVs", "ICUs", "NGOs").
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,5}s$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)  # "the 65th minute"
_INITIAL = re.compile(r"^[A-Z]\.$")  # "F." of "F. Supp.", "Dowd, J.": an initial names no one
# One word with a capital inside ("OpenAI", "GitHub", "PayPal") and the particles that give
# a person's name one ("McConnell", "DeSantis", "LeBron", "DiCaprio", "JaVale").
_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")
_NAME_PARTICLE = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St|Ja|Ka|Ke|Sha|Ta)[A-Z]")
_INFLECTION = re.compile(r"(ies|es|s|ed|ing)$")
_ARTICLES = frozenset(("a", "an", "the"))
# the "E" of "Group E", the "2" of "Pot 2", the "1B" of "Block 1B"
# A count or a measure before a name, never part of it: "1,000 Air Force personnel", "the
# 30-year Treasury bond" (not "1860 Munich", "7-Eleven").
_FIGURE = re.compile(r"^[-+]?\d+(?:[.,:/-]\d+)*$")
_QUANTITY = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?-[a-z]+)$")
_BASED = re.compile(r"^[A-Z][\w.'’-]*-based$")
"""Where a company is from, written before its name ("Ontario-based Magna")."""
_NUMBERED = re.compile(r"^(?:[A-Z]|\d{1,2}[A-Z]?)\.?$")
_DESCRIBED = frozenset((",", "is", "was"))  # what comes between a name and its description
_DESCRIPTION = 4  # words of an apposition up to its kind of business ("a Chicago-based bank")
# What may follow the kind of business or the occupation that ends an apposition.
_DESCRIPTION_ENDS = frozenset(
    (",", ".", ";", ":", ")", "that", "which", "whose", "who", "based", "owned", "founded",
     "in", "with", "at", "for")
)  # fmt: skip


@dataclass(frozen=True)
class WordLists:
    edges: frozenset[str]  # lower case: never the first or last word of a name
    not_names: frozenset[str]  # as written: never a name alone
    # as written: acronyms of things ("AI", "GPU"), never a name alone but kept on one's edge
    thing_acronyms: frozenset[str]
    organisation_words: frozenset[str]  # lower case: last word of an organisation's name
    cues_before: tuple[tuple[str, ...], ...]  # lower-case token runs ending before a name
    cues_after: tuple[tuple[str, ...], ...]  # and starting right after it
    cues_strong: tuple[tuple[str, ...], ...]  # after it, and enough to overrule a place
    cue_edges: frozenset[str]  # last words of "before" cues, first words of "after" cues
    outlet_before: tuple[tuple[str, ...], ...]  # as cues_before, for a news outlet
    outlet_after: tuple[tuple[str, ...], ...]
    common: dict[str, int]  # frequent English words, lower case → rank (0 the most frequent)
    kinds: dict[str, frozenset[str]]  # name-kinds.txt: kind → lower-case words
    # lower case: words the training annotations call MISC only (the knowledge's K- classes
    # aside: "French" is also a surname)
    nationalities: frozenset[str]
    # lower case: words the training annotations take for people's, organisations' and places'
    # names (the knowledge's K- classes aside)
    trained_person: frozenset[str]
    trained_organisation: frozenset[str]
    trained_place: frozenset[str]
    # lower case, no full stop: words written with a full stop that belongs to them and so to
    # a name they end ("Acme Corp.", "Tampa, Fla.")
    abbreviations: frozenset[str]
    # lower case: the words of sports reporting (sport-words.txt); one alone in capitals is a
    # headline's label ("GOLF - LEADING SCORES"), not a name
    sport_words: frozenset[str]
    # as written: programming languages' names (programming-languages.txt, from GitHub Linguist)
    programming_languages: frozenset[str]


def _lines(*parts: str) -> list[str]:
    text = read_text(resource_path(*parts))
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def word_lists() -> WordLists:
    cues: dict[str, list[tuple[str, ...]]] = {
        side: [] for side in ("before", "after", "place-after", "outlet-before", "outlet-after")
    }
    for line in _lines("ner", "organisation-cues.txt"):
        side, _, phrase = line.partition(" ")
        cues[side].append(tuple(phrase.split()))
    cues["after"] += cues["place-after"]
    trained = _trained_classes()
    return WordLists(
        edges=frozenset(w.lower() for w in _lines("ner", "name-edges.txt")),
        not_names=frozenset(_lines("ner", "not-names.txt")),
        thing_acronyms=frozenset(_lines("ner", "thing-acronyms.txt")),
        organisation_words=frozenset(w.lower() for w in _lines("ner", "organisation-words.txt")),
        cues_before=tuple(cues["before"]),
        cues_after=tuple(cues["after"]),
        cues_strong=tuple(cues["place-after"]),
        cue_edges=frozenset(
            [cue[-1] for cue in cues["before"] + cues["outlet-before"]]
            + [cue[0] for cue in cues["after"] + cues["outlet-after"]]
        ),
        outlet_before=tuple(cues["outlet-before"]),
        outlet_after=tuple(cues["outlet-after"]),
        common={w: rank for rank, w in enumerate(_lines("ner", "common-words.txt"))},
        kinds=_kinds(),
        nationalities=frozenset(w for w, classes in trained.items() if classes == {"MISC"}),
        trained_person=frozenset(w for w, classes in trained.items() if "PER" in classes),
        trained_organisation=frozenset(w for w, classes in trained.items() if "ORG" in classes),
        trained_place=frozenset(w for w, classes in trained.items() if "LOC" in classes),
        abbreviations=frozenset(w.lower() for w in _lines("text", "en", "abbreviations.txt")),
        sport_words=read_sport_words(resource_path("ner", SPORT_FILE)),
        programming_languages=frozenset(_lines("ner", "programming-languages.txt")),
    )


def _trained_classes() -> dict[str, set[str]]:
    """Each gazetteer word's classes from the training annotations (not the knowledge's)."""
    out = {}
    for word, classes in read_gazetteer(resource_path("ner", GAZETTEER_FILE)).items():
        if classes.startswith("K") and " " not in classes:
            continue  # the knowledge's words only ("KLOC"): most of the table
        trained = {c for c in classes.split() if not c.startswith("K")}
        if trained:
            out[word] = trained
    return out


def _kinds() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    for line in _lines("ner", "name-kinds.txt"):
        kind, _, word = line.partition(" ")
        words.setdefault(kind, set()).add(word)
    return {kind: frozenset(found) for kind, found in words.items()}


def trim(
    words: Sequence[str],
    first: int,
    stop: int,
    lists: WordLists,
    *,
    place: bool = False,
    row: int = 0,
) -> tuple[int, int]:
    """The span without the function words, sentence adverbs and contractions at its edges
    ("Both Trump", "Disney World However", "I'm Jane Doe"); a one-word span is returned as it
    is. A place keeps its "The" ("The Hague", "The Oval"). ``row``: see ``row_width``."""
    while stop - first > 1 and (
        (_edge(words[first], lists) and not (place and words[first] == "The"))
        or _CONTRACTION.match(words[first])  # "I'm Jane Doe"
    ):
        first += 1
    while stop - first > 1 and (
        (
            words[stop - 1] in lists.not_names
            and words[stop - 1].lower() not in lists.organisation_words
        )
        or (_edge(words[stop - 1], lists) and len(words[stop - 1]) > 1)
    ):
        if words[stop - 1] in lists.not_names and words[stop - 1].endswith(("day", "days")):
            return first, first  # "Black Friday", "Super Tuesday": a day, not a name
        stop -= 1  # "Disney World However", "Anna Kerr QC"; not "Pedro I", "Press TV"
    if "(" in words[first + 1 : stop] and ")" not in words[first + 1 : stop]:
        stop = words.index("(", first + 1, stop)  # "World Health Organization (WHO"
    inside = words[first : stop - 1]
    for mark in (")", '"', "”"):
        if mark in inside and (mark != ")" or "(" not in inside):
            # "James (Jim) Hedges" taken from "Jim": "Hedges"; 'E.Y "Yip" Harburg'
            first += len(inside) - inside[::-1].index(mark)
            inside = words[first : stop - 1]
    while stop - first > 1 and (
        not _has_letter(words[first])
        or _QUANTITY.match(words[first])
        or _BASED.match(words[first])  # "Minneapolis-based First Bank System Inc."
    ):
        first += 1
    while stop - first > 1 and _table_cell(words, stop - 1, row):
        stop -= 1  # "DALLAS 16 10 1 77": a table row's first figure, not "Channel 4"
    while (
        stop - first > 1
        and not _has_letter(words[stop - 1])
        and words[stop - 1] != "."  # "Acme Inc ."
        and not (words[stop - 1] == ")" and "(" in words[first:stop])  # "Mladost ( L )"
    ):
        stop -= 1
    return first, stop


def row_width(words: Sequence[str]) -> int:
    """How many figures follow a name in this article's rows ("Leeds 5 3 1 1 8 4 10" gives 7,
    a results line "Leeds 2 Everton 1" 1): the most common run; 0 without figures."""
    runs: Counter[int] = Counter()
    run = 0
    for k, word in enumerate([*words, ""]):  # the empty word ends a run at the end
        if _FIGURE.match(word):
            run += 1
            continue
        if run and k > run and words[k - run - 1][:1].isalpha():
            runs[run] += 1
        run = 0
    return runs.most_common(1)[0][0] if runs else 0


def _table_cell(words: Sequence[str], k: int, row: int) -> bool:
    """The first of a row's figures, not the end of a name: two or more figures follow it
    and the run is no longer than the article's rows ("DALLAS 16 10 1 77 66 33"); one figure
    more than the rows is the name's own ("Schalke 04 16 4 3 9 12 22 15", "Channel 4")."""
    run = 0
    while k + run < len(words) and _FIGURE.match(words[k + run]):
        run += 1
    return run > 1 and run != row + 1


def _has_letter(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def _edge(word: str, lists: WordLists) -> bool:
    """A function word, unless written as an acronym ("WHO", "IT")."""
    return word.lower() in lists.edges and not (len(word) > 1 and word.isupper())


def is_junk(words: Sequence[str], lists: WordLists) -> bool:
    """Words that look like a name but never are one: a contraction ("We're"), a function
    word, an abbreviated title, a ticker code or a legislator's party and state ("R-AL"),
    an acronym of a thing ("AI", "SEO"), an acronym's plural ("SUVs"), an ordinal ("65th"),
    an initial alone ("J."),
    a sport's label in capitals ("GOLF"), a web address, or a run of ordinary words in
    capitals (a headline fragment, "JUDGE DISMISSES")."""
    if _INITIAL.match("".join(words)):
        return True  # its full stop may stand apart: "Dowd, J", "."
    if len(words) == 1 and (
        _CONTRACTION.match(words[0])
        or _edge(words[0], lists)
        or _TICKER.match(words[0])
        or _PARTY_STATE.match(words[0])
        or _PLURAL_ACRONYM.match(words[0])
        or _ORDINAL.match(words[0])
        or (words[0].isupper() and words[0].lower() in lists.sport_words)
    ):
        return True
    if any(_ADDRESS.search(w) for w in words):
        return True
    if not any(_has_letter(w) for w in words):
        return True  # a full stop or a bracket left alone
    if all(w in lists.not_names or w in lists.thing_acronyms for w in words):
        return True  # "TV", "Easter Saturday", "AI"
    return all(w.isupper() and _is_capitalised_word(w.lower(), lists) for w in words) and not all(
        _named_word(w.lower(), lists) for w in words
    )


def _is_capitalised_word(lower: str, lists: WordLists) -> bool:
    """An ordinary inflected word written in capitals ("DISMISSES", "WARNS"); an acronym
    (BBC, NASA) is a common token too, but not an inflected word."""
    stem = _INFLECTION.sub("", lower)
    return len(lower) > 3 and stem != lower and stem in lists.common


def _named_word(lower: str, lists: WordLists) -> bool:
    """A word the training annotations mostly take for part of a name: a headline's "UNITED
    NATIONS", "RANGERS BEAT INDIANS" names teams and bodies however inflected it looks."""
    return (
        lower in lists.trained_person
        or lower in lists.trained_organisation
        or lower in lists.trained_place
    )


def names_organisation(words: Sequence[str], lists: WordLists) -> bool:
    """ "Mahan Air", "Freberg Ltd", "Court of Appeals": a name of several words ending in an
    organisation word, or starting with one and naming what it is "of"."""
    if len(words) < 2:
        return False
    heads = lists.organisation_words
    return words[-1].lower() in heads or (words[0].lower() in heads and "of" in words[1:-1])


def organisation_cue(
    words: Sequence[str], first: int, stop: int, lists: WordLists, *, strong: bool = False
) -> bool:
    """ "shares of X", "X said in a statement", "X's chief executive", "Ontario-based X": the
    context of a company, not a person; ``strong`` cues only ("X's account") overrule a
    place."""
    if strong:
        return _cued(words, first, stop, (), lists.cues_strong)
    return (
        _cued(words, first, stop, lists.cues_before, lists.cues_after)
        or _described_as_business(words, stop, lists)
        or (first > 0 and _BASED.match(words[first - 1]) is not None)
    )


def _described_as_business(words: Sequence[str], stop: int, lists: WordLists) -> bool:
    """ "X, an investment bank," / "X, a Chicago-based company that …" / "X is an online
    marketplace that …": an apposition, or a description after "is", whose last word is a
    kind of business ("business" in name-kinds.txt)."""
    return described_as(words, stop, lists.kinds["business"])


def described_as(
    words: Sequence[str], stop: int, kinds: frozenset[str], *, after_is: bool = True
) -> bool:
    """Whether the name ending at ``stop`` is described, in an apposition ("X, a postdoctoral
    researcher at Y") or, with ``after_is``, after "is" or "was", as one of ``kinds``: the
    description's last word, before what may follow it."""
    if (
        stop + 2 >= len(words)
        or words[stop].lower() not in (_DESCRIBED if after_is else {","})
        or words[stop + 1].lower() not in _ARTICLES
    ):
        return False
    for k in range(stop + 2, min(stop + 2 + _DESCRIPTION, len(words))):
        word = words[k]
        if word.lower() in kinds:
            return k + 1 == len(words) or words[k + 1] in _DESCRIPTION_ENDS
        if not word[:1].isalpha():
            return False
    return False


def outlet_cue(words: Sequence[str], first: int, stop: int, lists: WordLists) -> bool:
    """ "told X", "according to X", "X reported": the context of a news outlet, which also
    fits a person, so it is trusted only where the tagger saw no person ("told French
    radio" names no outlet)."""
    if stop - first == 1 and is_nationality(words[first], lists):
        return False
    return _cued(words, first, stop, lists.outlet_before, lists.outlet_after)


def _cued(
    words: Sequence[str],
    first: int,
    stop: int,
    before: tuple[tuple[str, ...], ...],
    after: tuple[tuple[str, ...], ...],
) -> bool:
    lower = [w.lower() for w in words[max(0, first - 3) : first]]
    if any(tuple(lower[len(lower) - len(cue) :]) == cue for cue in before):
        return True
    following = tuple(w.lower() for w in words[stop : stop + 4])
    return any(following[: len(cue)] == cue for cue in after)


def names_storm(words: Sequence[str], first: int, stop: int, lists: WordLists) -> bool:
    """ "Hurricane Ida", "Tropical Storm Nicole", the storm word in the name or right before
    it: the name of a storm, not of a person."""
    storms = lists.kinds["storm"]
    return any(
        word[:1].isupper() and word.lower() in storms
        for word in words[max(first - 1, 0) : min(first + 1, stop - 1)]
    )


def is_document(words: Sequence[str], lists: WordLists) -> bool:
    """ "First Amendment", "Clean Air Act", "United States Constitution": a law or a
    document, never an institution."""
    return _ends_in(words, lists, "document")


def is_contest(words: Sequence[str], lists: WordLists) -> bool:
    """ "Sheffield Shield", "World Series", "Davis Cup": a contest or its trophy, never an
    institution."""
    return _ends_in(words, lists, "contest")


def is_structure(words: Sequence[str], lists: WordLists) -> bool:
    """ "Clarence J. Brown Dam", "Hoover Reservoir": a structure named after a person is a
    place, never the person."""
    return _ends_in(words, lists, "structure")


def _ends_in(words: Sequence[str], lists: WordLists, kind: str) -> bool:
    return len(words) > 1 and words[-1].lower() in lists.kinds[kind]


def names_species(words: Sequence[str], first: int, stop: int, lists: WordLists) -> bool:
    """ "a Jack Russell terrier", "the dusky Arion slug": a name right before an animal's
    kind is a breed or a species, never a person; so is a genus in a Latin name in brackets
    ("(Arion subfuscus)")."""
    if stop < len(words) and words[stop] in lists.kinds["species"]:
        return True
    return (
        stop - first == 1
        and first > 0
        and words[first - 1] == "("
        and stop + 1 < len(words)
        and words[stop].isalpha()
        and words[stop].islower()
        and words[stop + 1] == ")"
    )


def before_title(words: Sequence[str], first: int, stop: int, lists: WordLists) -> int:
    """Where a name ends before a title or a degree written "Member of …", "Master of …":
    "Labour Member of Parliament" is "Labour"; ``first`` when the name is only the title.
    Letters after a name of two words or more end it too ("Sarah Jones MBA", "… PhD")."""
    titles = lists.kinds["title"]
    for k in range(first, stop - 1):
        if words[k + 1] == "of" and words[k].lower() in titles:
            return k
    credentials = lists.kinds["credential"]
    while stop - first > 2 and words[stop - 1].lower() in credentials:
        stop -= 1
    return stop


def is_nationality(word: str, lists: WordLists) -> bool:
    """A nationality or people, one or many ("Briton", "Britons"): never a person's name."""
    lower = word.lower()
    return lower in lists.nationalities or (
        lower.endswith("s") and lower[:-1] in lists.nationalities
    )


def names_group(words: Sequence[str], first: int, stop: int, lists: WordLists) -> bool:
    """ "Christian", "Evangelical Christians", "Aboriginals", "ethnic Ndebele": the members
    of a faith or a people, never a person."""
    groups = lists.kinds["group"]
    if first > 0 and words[first - 1].lower() == "ethnic":
        return True
    return all(
        w.lower() in groups or (w.lower().endswith("s") and w.lower()[:-1] in groups)
        for w in words[first:stop]
    )


def names_stage(words: Sequence[str], first: int, stop: int, lists: WordLists) -> bool:
    """ "Group E", "Path A", "Pot 2": a part of a competition or a draw, no entity; the tagger
    often takes the word without its letter ("Path" of "Path A:")."""
    name = [w for w in words[first:stop] if w != "The"]
    letter = name[1:] or list(words[stop : stop + 1])
    return (
        len(name) <= 2
        and bool(name)
        and name[0].lower() in lists.kinds["stage"]
        and len(letter) == 1
        and _NUMBERED.match(letter[0]) is not None
    )


def names_chamber(words: Sequence[str], places: Sequence[int], lists: WordLists) -> bool:
    """ "U.S. House of Representatives", "Ohio Senate": a place followed by a chamber or
    another body (its head word, before "of" or last) is that institution. ``places`` are
    the lengths of the name's openings that are known places."""
    for k in places:
        rest = list(words[k:])
        head = rest[: rest.index("of")] if "of" in rest else rest
        if head and head[-1].lower() in lists.kinds["chamber"] | lists.organisation_words:
            return True
    return False


def is_coinage(word: str) -> bool:
    """A firm's or a product's coined word ("OpenAI", "GitHub", "HelloFresh"): a capital
    inside that no name particle explains; never a person's or a place's name ("SoHo" and
    other short ones aside)."""
    return len(word) > 4 and bool(_INNER_CAPITAL.match(word)) and not _NAME_PARTICLE.match(word)


def names_outlet_by_part(word: str, lists: WordLists) -> bool:
    """ "Euronews", "Wikileaks": one word ending in an organisation word (not "Newsom")."""
    lower = word.lower()
    return any(lower.endswith(part) and part != lower for part in lists.kinds["part"])


def after_person_noun(words: Sequence[str], first: int, lists: WordLists) -> bool:
    """ "actress Dana Moor", "visitor Terra Lind": a word for a person right before."""
    return first > 0 and words[first - 1] in lists.kinds["person"]
