"""Key terms: the phrases that set an article apart ("security guarantees", "Article 5").

Candidates are runs of content words (never starting or ending with a stop word); a phrase
scores by how often the article uses it (with diminishing returns) times the summed surprise of
its words — against the user's library when one is given (document frequency), otherwise
against general English word frequencies (``wordfreq``). A phrase made only of everyday news
vocabulary ("federal government") is no term, nor is a lone word unless it is both rare in
general English and repeated ("impeachment", not "meeting"); a phrase used once only fills in
behind repeated ones. A word mostly used inside a longer phrase yields to the phrase, and a
plural counts with its singular ("member" / "members").

Names the recogniser found (people, organisations, places, titles of works) compete too: a
story is often about them. What a story is about comes early, so a candidate first used near
the top weighs more. Never part of a term: contractions and possessives ("they'll",
"vendor's"), finite verbs ("woes weigh", "drew derisive": a shipped list of irregular pasts and
news verbs, and words English uses mostly as verbs, judged from the frequencies of their other
forms), nor a phrase that reads as a clause by how a treebank uses its words ("officer
shouts", "avoid sanction", "charge WeWork", "annual economic", "newest 2020": see
``word_classes``), a phrase used once opening with a word mostly a verb ("help recoup"), a lone
word English never uses as a noun ("ongoing"), a rank ("Seventh appearance"), nor a capitalised
word running into a name ("Inner" of "Inner Mongolia"). A capital owed only to opening a
sentence is shown and judged in lower case ("Alarming mortality rate").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Protocol

from desktop.core.models import Term
from desktop.core.resources import resource_path
from desktop.core.text.document_labels import label_spans
from desktop.core.text.word_classes import is_clause, never_noun, opens_with_verb, word_use
from desktop.core.text.word_frequencies import english_zipf

# A number with letters attached ("116th", "5G") is one word, never a letter fragment.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*[^\W_]*")
MAX_WORDS = 3
_CODE = re.compile(r"(?<![\w:/-])(?=[\w:/-]*\d{3})\w+(?:[-:/]\w+){2,}")
"""A reference code of parts joined by hyphens, colons or slashes, with a run of three digits:
a court's case number ("2:15-cv-02641", "CV-16-00474-PHX-DGC"), a part or file number. Its
letters ("cv") are no term; "COVID-19", "F-35", "Sars-CoV-2" are no such code."""
_POSSESSIVE = ("'s", "’s")
DEFAULT_LIMIT = 12  # more underlined phrases than this stop standing out
# Fewer library documents than this say too little about a word: use general English instead.
MIN_LIBRARY_DOCUMENTS = 20
_SINGLE = 0.5  # a phrase used once is weaker evidence than its length suggests
_RARE_ZIPF = 7.5  # specificity of a word = how far below this its Zipf frequency lies
_UNLISTED_ZIPF = 2.0  # words rarer than the shipped table
_NUMBER_SPECIFICITY = 3.0  # "Article 5": a number pins a phrase down
# A lone word is a term only below this Zipf frequency ("referendum" 3.98, "concert" 4.6, not
# "meeting" 5.15).
_SINGLE_WORD_ZIPF = 4.5
# A phrase used once needs a word this rare ("government shutdown": shutdown 3.62) or all its
# words below the second limit ("peace talks": 5.02, 4.61; not "strong desire": 5.22).
_RARE_ONCE_ZIPF = 4.0
_PLAIN_ONCE_ZIPF = 5.1
_ADJECTIVE_ENDINGS = ("ous", "ful", "less", "able", "ible")
_NOT_NOUN_ENDINGS = ("ing", *_ADJECTIVE_ENDINGS)
_MAX_ONCE = 8  # phrases used once only fill in behind repeated ones
# A phrase needs one word at least this rare: "peace talks" (talks 4.61), not "federal
# government" (5.13, 5.57) or "social media company".
_PHRASE_WORD_ZIPF = 5.0
_LONE_WEIGHT = 2.0  # a lone word weighs like a phrase: its surprise counted twice
_NAME_WEIGHT = 2.0  # a name mentioned once weighs like one fairly rare word
_EARLY_WEIGHT = 1.0
# An article of this many words gets a few terms, of everyday words if it has no other.
_LONG_ENOUGH = 100
_FEW_TERMS = 3  # a candidate in the opening line weighs this much more than at the end
# A contraction or possessive ("they'll", "don’t", "vendor's") is never part of a term; an
# elided name ("d'Ivoire", "O'Brien") may be.
_CONTRACTION = re.compile(r"(?:['’](?:s|t|re|ve|ll|d|m)|n['’]t)$", re.IGNORECASE)


class DocumentFrequencies(Protocol):
    """How many library articles there are and how many contain each (lower-cased) word."""

    @property
    def documents(self) -> int: ...

    def frequencies(self, words: Iterable[str]) -> dict[str, int]: ...


@cache
def stop_words() -> frozenset[str]:
    """Function words and fillers, plus office words: "President" is a title, not a topic."""
    from desktop.core.text.ner.knowledge import load_knowledge

    text = resource_path("keyterms", "stopwords-en.txt").read_text("utf-8")
    words = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    words.update(w for role in load_knowledge().role_words for w in role.split())
    return frozenset(words)


@cache
def _release_labels() -> re.Pattern[str]:
    """Whole lines that are a release's conventions (``release-labels-en.txt``)."""
    text = resource_path("keyterms", "release-labels-en.txt").read_text("utf-8")
    patterns = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    alternatives = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^[ \t]*(?:{alternatives})[ \t]*$", re.IGNORECASE | re.MULTILINE)


def key_terms(
    text: str,
    *,
    limit: int = DEFAULT_LIMIT,
    background: DocumentFrequencies | None = None,
    skip: Sequence[tuple[int, int]] = (),
    names: Sequence[tuple[int, int, str]] = (),
) -> list[Term]:
    """The ``limit`` best key terms of ``text``, best first, with every occurrence.

    ``skip`` lists character spans (e.g. entity names) that no phrase of ordinary words may
    overlap; nor may one overlap the labels an importer wrote ("Slide 3"), a press release's
    conventions ("FOR IMMEDIATE RELEASE") or a reference code (``_CODE``). ``names`` lists
    ``(start, end, name)`` mentions (people, organisations, titles of works) that compete as
    terms themselves, all mentions of one ``name`` together.
    """
    stops = stop_words()
    occurrences: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    codes = [match.span() for match in _CODE.finditer(text)]
    conventions = [match.span() for match in _release_labels().finditer(text)]
    for run in _runs(text, stops, sorted([*skip, *label_spans(text), *codes, *conventions])):
        _collect(run, occurrences)
    _merge_plurals(occurrences)
    named = _named(text, names, stops)
    if not occurrences and not named:
        return []
    words = {w for key in occurrences for w in key}
    table = english_zipf()
    zipf = {w: _zipf(w, table) for w in words if not w[0].isdigit()}
    specificity = _specificity(words, zipf, background)
    length = max(len(text), 1)
    name_starts = {start for start, _ in skip}
    scored, fallback = [], []
    for key, spans in occurrences.items():
        count = len(spans)
        to = scored if _eligible(key, count, zipf) else fallback if _noun_shaped(key) else None
        if (
            to is None
            or (_clause(text, spans) if len(key) > 1 else _not_a_topic(text, spans))
            or _glued_to_name(text, spans, name_starts)
        ):
            continue
        weight = sum(specificity[w] for w in key) * (_LONE_WEIGHT if len(key) == 1 else 1)
        score = (1 + math.log(count)) * weight * (1 if count > 1 else _SINGLE)
        to.append((score * _early(spans[0][0], length), key))
    for key, (_, spans) in named.items():
        score = (1 + math.log(len(spans))) * _NAME_WEIGHT * _early(spans[0][0], length)
        scored.append((score, key))
        occurrences[key] = spans
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen = _choose(scored, occurrences, limit, len(text))
    if not chosen and len(_WORD.findall(text)) >= _LONG_ENOUGH:
        # An article of everyday words still gets its most telling phrases, after the rest.
        fallback.sort(key=lambda item: (-item[0], item[1]))
        low = min((score for score, _ in scored), default=1.0)
        shifted = [(score * low / (fallback[0][0] + 1), key) for score, key in fallback]
        chosen = _choose(scored + shifted, occurrences, min(limit, _FEW_TERMS), len(text))
    top = chosen[0][0] if chosen else 1.0
    return [
        Term(
            text=named[key][0] if key in named else _usual_form(text, occurrences[key]),
            score=round(score / top, 4),
            spans=tuple(occurrences[key]),
        )
        for score, key in chosen
    ]


def is_rare_word(word: str) -> bool:
    """Rare enough in general English to stand alone as a term ("referendum", not "meeting")."""
    return _zipf(word.lower(), english_zipf()) <= _SINGLE_WORD_ZIPF


def _clause(text: str, spans: list[tuple[int, int]]) -> bool:
    """The phrase, as first written (a sentence's capital aside), reads as a clause: "officer
    shouts", "avoid sanction", "Charge WeWork" opening a sentence; used only once, also when
    it opens with a word mostly a verb ("help recoup")."""
    words = tuple(_WORD.findall(_as_written(text, spans[0], _written_case(text, spans))))
    return is_clause(words) or (len(spans) == 1 and opens_with_verb(words))


# A sentence's end (not an initial's: "U.S. Army"), then what may stand before its first word:
# space, quotes, brackets, bullets.
_SENTENCE_OPENING = re.compile(r"(?:^|(?<![A-Z])[.!?]|[:;|\n])[\s\"'“‘(\[*•–—-]*$")


def _written_case(text: str, spans: list[tuple[int, int]]) -> str:
    """How the article writes a phrase's first letter where no sentence opens: "capital" if
    ever so (a name: "the Senators won"), else "lower" if ever so, else ""."""
    lower = False
    for start, _ in spans:
        if text[start].islower():
            lower = True
        elif not _SENTENCE_OPENING.search(text, max(0, start - 8), start):
            return "capital"
    return "lower" if lower else ""


def _as_written(text: str, span: tuple[int, int], case: str) -> str:
    """The phrase at ``span`` with a capital it owes only to opening a sentence lowered: the
    first word is capitalised like an ordinary word ("Alarming", not "SUV") and the others are
    not ("Portion Fix Containers" is a name), it opens a sentence, line or list item, and the
    article writes the phrase in lower case elsewhere (``case``, from ``_written_case``) or,
    never capitalised mid-sentence, the treebank knows its first word as a lower-case word
    ("Alarming mortality rate" → "alarming mortality rate"; not "Senators" in a story of the
    team)."""
    start, end = span
    form = text[start:end]
    first = _WORD.match(form)
    if (
        first is None
        or not first.group().istitle()
        or any(not w.islower() for w in _WORD.findall(form, first.end()) if not w[0].isdigit())
        or not _SENTENCE_OPENING.search(text, max(0, start - 8), start)
    ):
        return form
    lower = first.group().lower()
    if case == "capital" or (case != "lower" and word_use(lower) is None):
        return form
    return lower + form[first.end() :]


def _glued_to_name(text: str, spans: list[tuple[int, int]], name_starts: set[int]) -> bool:
    """Every use ends in a capitalised word that runs, after one space, into a name the
    recogniser found without it: part of that name ("Inner", "northwestern Inner" of "Inner
    Mongolia"), not a term; "veteran actor Jack Nicholson" is no such run."""
    return all(
        text[end : end + 1] == " "
        and end + 1 in name_starts
        and text[max(text.rfind(" ", start, end), start - 1) + 1].isupper()
        for start, end in spans
    )


def _not_a_topic(text: str, spans: list[tuple[int, int]]) -> bool:
    """A lone word, as the article usually writes it, in lower case and never used as a noun
    ("relating", "ongoing", "represents"; "economics" counted with "economic" is judged as
    "economics"): a capitalised one may be a name the recogniser missed."""
    if not any(never_noun(form) for form in {text[s:e].lower() for s, e in spans}):
        return False  # the usual form is one of these, lowered: no need to find which
    written = _usual_form(text, spans)
    return written.islower() and never_noun(written)


def _early(start: int, length: int) -> float:
    """Weight of a candidate first used at ``start``: what a story is about comes first."""
    return 1 + _EARLY_WEIGHT * (1 - start / length)


def _named(
    text: str, names: Sequence[tuple[int, int, str]], stops: frozenset[str]
) -> dict[tuple[str, ...], tuple[str, list[tuple[int, int]]]]:
    """Name candidates: key → (the longest way the text writes the name, its mentions)."""
    grouped: dict[str, list[tuple[int, int]]] = {}
    for start, end, name in sorted(names):
        grouped.setdefault(name, []).append((start, end))
    out: dict[tuple[str, ...], tuple[str, list[tuple[int, int]]]] = {}
    for name, spans in grouped.items():
        forms = [text[s:e] for s, e in spans]
        longest = max(forms, key=len)
        key = ("\x00", *name.lower().split())  # never the key of a phrase of words
        if _name_shaped(longest, stops):
            out[key] = (longest, spans)
    return out


_TITLE_JOINER = 4  # longest lower-case word inside a title: "of", "the", "with", "into"


def _name_shaped(name: str, stops: frozenset[str]) -> bool:
    """A name fit to list: no contraction, no lower-case word but a short function word, and
    no function word or verb at either end unless
    it is a title opening with an article ("The New Yorker") or an acronym ("US"); a
    sentence's first word glued to a name ("Will Smith" from "Will Smith …" is fine, but
    "Said Ahmed" is not told apart) is the recogniser's to get right."""
    words = name.split()
    if not words or any(_CONTRACTION.search(w) for w in words):
        return False
    if any(
        w.isalpha() and w.islower() and not (w in stops and len(w) <= _TITLE_JOINER) for w in words
    ):
        return False  # "Bloomberg reported WeWork": a clause, not "Gone with the Wind"
    edges = [words[-1]] if words[0].lower() in ("the", "a", "an") and len(words) > 1 else []
    edges = edges or [words[0], words[-1]]
    tail = words[-1].rpartition("-")[2]
    if len(words) > 1 and tail.islower() and _participle(tail):
        return False  # "European Union-imposed": a name made an adjective
    return not any(w.lower() in stops and not (len(w) > 1 and w.isupper()) for w in edges)


_Word = tuple[int, int, str]  # start, end, lower-cased word


def _runs(text: str, stops: frozenset[str], skip: list[tuple[int, int]]) -> list[list[_Word]]:
    """Maximal runs of content words joined by a single space or hyphen; a word starting
    inside a ``skip`` span (sorted) ends the run."""
    usable: dict[str, str | None] = {}  # word → its lower case if it may be part of a term
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    previous_end = -1
    next_skip = 0
    skips = len(skip)
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = text[start:end]
        if word in usable:
            lower = usable[word]
        else:
            lower = word.lower()
            if (
                _is_stop(lower, stops)
                or (_CONTRACTION.search(word) and lower[-2:] not in _POSSESSIVE)
                or (not word.isdigit() if len(word) == 1 or word[0].isdigit() else False)
            ):
                lower = None
            usable[word] = lower
        while next_skip < skips and skip[next_skip][1] <= start:
            next_skip += 1
        if lower is not None and not (next_skip < skips and skip[next_skip][0] <= start):
            possessive = lower[-2:] in _POSSESSIVE
            if possessive:  # "the burrito vendor's licence": "burrito vendor", then a break
                end, lower = end - 2, lower[:-2]
            gap = text[previous_end:start]
            if run and (gap == " " or (gap == "-" and not word[0].isdigit())):
                run.append((start, end, lower))
            else:
                if run:
                    runs.append(run)
                run = [] if word[0].isdigit() else [(start, end, lower)]
            if possessive:
                if run:
                    runs.append(run)
                run = []
        elif run:
            runs.append(run)
            run = []
        previous_end = end
    if run:
        runs.append(run)
    return runs


def _is_stop(lower: str, stops: frozenset[str]) -> bool:
    """A stop word, also in the possessive ("Monday's")."""
    return lower in stops or (lower[-2:] in _POSSESSIVE and lower[:-2] in stops)


def _collect(run: list[_Word], occurrences: dict[tuple[str, ...], list[tuple[int, int]]]) -> None:
    """Every phrase of up to ``MAX_WORDS`` words in a run, with its span."""
    lowers = [word for _, _, word in run]
    for i in range(len(run)):
        if lowers[i][0].isdigit() or _adverb(lowers[i]):
            continue
        for n in range(1, min(MAX_WORDS, len(run) - i) + 1):
            last = lowers[i + n - 1]
            if n > 2 and _participle(lowers[i + n - 2]):
                break  # "ban followed discussions": a verb inside is a clause, not a phrase
            if _adverb(last):
                break
            if (n == 1 and last[0].isdigit()) or _participle(last):
                continue
            key = tuple(lowers[i : i + n])
            span = (run[i][0], run[i + n - 1][1])
            found = occurrences.get(key)
            if found is None:
                occurrences[key] = [span]
            else:
                found.append(span)


def _eligible(key: tuple[str, ...], count: int, zipf: dict[str, float]) -> bool:
    """A lone word rare in general English and repeated; a phrase with at least one word
    that is not everyday vocabulary, used more than once or a rare pair used once."""
    if len(key) == 1:
        return (
            count > 1
            and zipf.get(key[0], math.inf) <= _SINGLE_WORD_ZIPF
            and not key[0].endswith(_ADJECTIVE_ENDINGS)
            and not _verb_like(key[0])
        )
    if all(zipf.get(w, 0.0) > _PHRASE_WORD_ZIPF for w in key) or _verb_like(key[0]):
        return False  # everyday words only, or a clause: "strikes fear"
    return count > 1 or (len(key) == 2 and _rare_phrase(key, zipf))


def _choose(
    scored: list[tuple[float, tuple[str, ...]]],
    occurrences: dict[tuple[str, ...], list[tuple[int, int]]],
    limit: int,
    text_length: int,
) -> list[tuple[float, tuple[str, ...]]]:
    """The best ``limit`` phrases, skipping one that a longer candidate speaks for, that
    contains or is contained in a better one, or whose text overlaps a better one's; at most
    ``_MAX_ONCE`` of them used only once."""
    dominated = _dominated(occurrences, (key for _, key in scored))
    chosen: list[tuple[float, tuple[str, ...]]] = []
    once = 0
    underlined = bytearray(text_length)
    for score, key in scored:
        spans = occurrences[key]
        if (
            key in dominated
            or any(_overlaps(key, other) for _, other in chosen)
            or any(any(underlined[start:end]) for start, end in spans)
        ):
            continue
        if len(spans) == 1:
            if once == _MAX_ONCE:
                continue
            once += 1
        for start, end in spans:
            underlined[start:end] = b"\x01" * (end - start)
        chosen.append((score, key))
        if len(chosen) >= limit:
            break
    return chosen


def _rare_phrase(key: tuple[str, ...], zipf: dict[str, float]) -> bool:
    """A phrase worth showing though used once: a rare word in it ("government shutdown") or
    no everyday word at all ("peace talks", not "strong desire"), and shaped like a noun
    phrase — not opening with an "-ing" or "-ed" form ("citing sources", "pleaded guilty":
    used once, nothing tells a verb from an adjective) nor ending in an "-ing" form or an
    adjective ("individuals serving", "citing anonymous")."""
    known = [zipf[w] for w in key if w in zipf]
    return (
        (min(known, default=0.0) <= _RARE_ONCE_ZIPF or max(known) <= _PLAIN_ONCE_ZIPF)
        and not key[0].endswith("ing")
        and not _participle(key[0])
        and not key[-1].endswith(_NOT_NOUN_ENDINGS)
    )


def _usual_form(text: str, spans: list[tuple[int, int]]) -> str:
    """The way the article writes a phrase most often (first seen wins a tie), a capital
    owed only to opening a sentence lowered."""
    case = _written_case(text, spans)
    forms = Counter(_as_written(text, span, case) for span in spans)
    return max(forms, key=forms.__getitem__)


def _participle(word: str) -> bool:
    """ "-ed" forms: fine before a noun ("armed attack"), never a phrase's last word."""
    return len(word) > 4 and word.endswith("ed")


def _noun_shaped(key: tuple[str, ...]) -> bool:
    """Shaped like a noun phrase: no verb-like first word, no adjective or "-ing" form last."""
    return not _verb_like(key[0]) and not key[-1].endswith(_NOT_NOUN_ENDINGS)


def _verb_like(word: str) -> bool:
    """A verb rather than a noun, told by how English uses its other forms: a base form whose
    past is as common as itself ("subdue" / "subdued", not "fence" / "fenced"), or an "-s"
    form rarer than its "-ing" form ("wears" / "wearing", not "suspects" / "suspecting")."""
    table = english_zipf()
    own = table.get(word)
    if own is None or len(word) < 4 or not word.isalpha():
        return False
    stem = word[:-1] if word.endswith("e") else word
    if word[-1] != "s":
        return table.get(stem + "ed", 0.0) >= own
    base = word[:-1]
    gerund = (base[:-1] if base.endswith("e") else base) + "ing"
    return table.get(gerund, 0.0) > own


def _adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly")


def _zipf(word: str, table: dict[str, float]) -> float:
    """Zipf frequency of a word; an unlisted compound is as common as its commonest part
    ("closed-door" like "door", "whistle-blower" like "blower")."""
    found = table.get(word)
    if found is not None:
        return found
    if "-" in word:
        return max(table.get(part, _UNLISTED_ZIPF) for part in word.split("-"))
    return _UNLISTED_ZIPF


def _merge_plurals(occurrences: dict[tuple[str, ...], list[tuple[int, int]]]) -> None:
    """Count a phrase ending in a plural "-s" with its singular, under the form used more."""
    for key in [k for k in occurrences if len(k[-1]) > 3 and k[-1][-1] == "s" != k[-1][-2]]:
        singular = (*key[:-1], key[-1][:-1])
        if singular in occurrences and key in occurrences:
            plural, single = occurrences[key], occurrences[singular]
            keep, drop = (key, singular) if len(plural) > len(single) else (singular, key)
            occurrences[keep] = sorted(plural + single)
            del occurrences[drop]


def _specificity(
    words: set[str], zipf: dict[str, float], background: DocumentFrequencies | None
) -> dict[str, float]:
    """How unusual each word is: inverse document frequency in the library, or how far below
    everyday English its Zipf frequency lies; numbers get a fixed middling value."""
    if background is not None and background.documents >= MIN_LIBRARY_DOCUMENTS:
        total = background.documents
        found = background.frequencies(words)
        return {w: math.log((total + 1) / (found.get(w, 0) + 1)) for w in words}
    return {w: max(0.2, _RARE_ZIPF - zipf[w]) if w in zipf else _NUMBER_SPECIFICITY for w in words}


def _dominated(
    occurrences: dict[tuple[str, ...], list[tuple[int, int]]], candidates: Iterable[tuple[str, ...]]
) -> set[tuple[str, ...]]:
    """Shorter phrases mostly used inside one longer candidate phrase ("guarantees" in
    "security guarantees"): the longer phrase speaks for them."""
    dominated = set()
    for key in candidates:
        spans = occurrences[key]
        for n in range(1, len(key)):
            for i in range(len(key) - n + 1):
                part = key[i : i + n]
                if part in occurrences and 2 * len(spans) > len(occurrences[part]):
                    dominated.add(part)
    return dominated


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One phrase contains the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def document_words(text: str) -> set[str]:
    """The distinct lower-cased words of ``text`` that could be part of a key term."""
    stops = stop_words()
    return {w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in stops}
