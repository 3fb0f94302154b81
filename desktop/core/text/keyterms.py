"""Key terms: the phrases that set an article apart ("security guarantees", "Article 5").

Candidates are runs of content words (never starting or ending with a stop word); a phrase
scores by how often the article uses it times how unusual its words are — against the user's
library when one is given (document frequency), otherwise against general English word
frequencies (``wordfreq``). A word mostly used inside a longer phrase yields to the phrase.
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

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
MAX_WORDS = 3
# Fewer library documents than this say too little about a word: use general English instead.
MIN_LIBRARY_DOCUMENTS = 20
_SINGLE = 0.5  # a phrase used once is weaker evidence than its length suggests
_RARE_ZIPF = 7.5  # specificity of a word = how far below this its Zipf frequency lies
_UNLISTED_ZIPF = 2.0  # words rarer than the shipped table


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
def _zipf_table() -> dict[str, float]:
    """General English word frequencies (Zipf scale) from ``resources/keyterms/zipf-en.tsv``,
    built from ``wordfreq`` by ``desktop.core.text.build_frequencies``."""
    table: dict[str, float] = {}
    with resource_path("keyterms", "zipf-en.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            zipf, _, words = line.partition("\t")
            table.update(dict.fromkeys(words.split(), float(zipf)))
    return table


def key_terms(
    text: str,
    *,
    limit: int = 15,
    background: DocumentFrequencies | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> list[Term]:
    """The ``limit`` best key terms of ``text``, best first, with every occurrence.

    ``skip`` lists character spans (e.g. entity names) that no term may overlap.
    """
    stops = stop_words()
    occurrences: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for run in _runs(text, stops, sorted(skip)):
        _collect(run, occurrences)
    if not occurrences:
        return []
    specificity = _specificity({w for key in occurrences for w in key}, background)
    scored = []
    for key, spans in occurrences.items():
        count = len(spans)
        if count < 2 and len(key) == 1 and len(occurrences) > 50:
            continue
        weight = sum(specificity[w] for w in key) / len(key)
        score = count * weight * (1 + 0.5 * (len(key) - 1)) * (1 if count > 1 else _SINGLE)
        scored.append((score, key))
    scored.sort(key=lambda item: (-item[0], item[1]))
    dominated = _dominated(occurrences)
    chosen: list[tuple[float, tuple[str, ...]]] = []
    for score, key in scored:
        if key in dominated or any(_overlaps(key, other) for _, other in chosen):
            continue
        chosen.append((score, key))
        if len(chosen) >= limit:
            break
    top = chosen[0][0] if chosen else 1.0
    return [
        Term(
            text=_usual_form(text, occurrences[key]),
            score=round(score / top, 4),
            spans=tuple(occurrences[key]),
        )
        for score, key in chosen
    ]


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
            if lower in stops or (len(word) == 1 and not word.isdigit()):
                lower = None
            usable[word] = lower
        while next_skip < skips and skip[next_skip][1] <= start:
            next_skip += 1
        if lower is not None and not (next_skip < skips and skip[next_skip][0] <= start):
            if run and text[previous_end:start] in (" ", "-"):
                run.append((start, end, lower))
            else:
                if run:
                    runs.append(run)
                run = [] if word[0].isdigit() else [(start, end, lower)]
        elif run:
            runs.append(run)
            run = []
        previous_end = end
    if run:
        runs.append(run)
    return runs


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


def _usual_form(text: str, spans: list[tuple[int, int]]) -> str:
    """The way the article writes a phrase most often (first seen wins a tie)."""
    forms = Counter(text[start:end] for start, end in spans)
    return max(forms, key=forms.__getitem__)


def _participle(word: str) -> bool:
    """ "-ed" forms: fine before a noun ("armed attack"), never a phrase's last word."""
    return len(word) > 4 and word.endswith("ed")


def _adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly")


def _specificity(words: set[str], background: DocumentFrequencies | None) -> dict[str, float]:
    if background is not None and background.documents >= MIN_LIBRARY_DOCUMENTS:
        total = background.documents
        found = background.frequencies(words)
        return {w: math.log((total + 1) / (found.get(w, 0) + 1)) for w in words}
    table = _zipf_table()
    return {w: _word_specificity(w, table) for w in words}


def _word_specificity(word: str, table: dict[str, float]) -> float:
    if word[0].isdigit():
        return 1.0
    return max(0.2, _RARE_ZIPF - table.get(word, _UNLISTED_ZIPF))


def _dominated(occurrences: dict[tuple[str, ...], list[tuple[int, int]]]) -> set[tuple[str, ...]]:
    """Shorter phrases mostly used inside one longer phrase ("guarantees" in "security
    guarantees"): the longer phrase speaks for them."""
    dominated = set()
    for key, spans in occurrences.items():
        for n in range(1, len(key)):
            for i in range(len(key) - n + 1):
                part = key[i : i + n]
                if part in occurrences and len(spans) >= 0.5 * len(occurrences[part]):
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
