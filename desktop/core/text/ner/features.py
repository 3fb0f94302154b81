"""Features the CRF sees for each token.

Everything that depends on a word alone (affixes, shape, gazetteers, commonness) is computed
once per distinct word and cached, including the copies shown to its neighbours; a token's
feature list is then a handful of list concatenations, which is what keeps tagging fast.
Sentence-level clues (all-caps headline, first word, a table row, a known name of several
words such as "New York Stock Exchange") and document-level clues (how the same word is
cased elsewhere in the article, how the first pass labelled it elsewhere, whether the article
is a sports report, where a town's name is usually its team's) are added per token.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

_SHAPE_TABLE = str.maketrans(
    string.ascii_uppercase + string.ascii_lowercase + string.digits, "X" * 26 + "x" * 26 + "d" * 10
)
_REPEATS = re.compile(r"(.)\1+", re.DOTALL)
CONTEXT = (-2, -1, 1, 2)
# Classes of the known names of several words (institutions, places, towns), as B-/I- phrase
# features.
PHRASE_LABELS = tuple(f"{edge}-{kind}" for kind in ("ORG", "LOC") for edge in "BI")
_CACHE_LIMIT = 300_000
# "3-1", "6-4": a result (a sports report's clue together with its words).
_SCORELINE = re.compile(r"^\d{1,3}-\d{1,3}$")
_NUMBER = re.compile(r"^\d[\d,.]*$")


def word_shape(word: str) -> str:
    """Xxxx → Xx, U.S. → X.X., 1996 → d: the shape with repeated classes collapsed."""
    mapped = word.translate(_SHAPE_TABLE)
    if not mapped.isascii():
        mapped = "".join(
            "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
            for ch in mapped
        )
    return _REPEATS.sub(r"\1", mapped)


def casing(word: str) -> str:
    if word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    if word.islower():
        return "lower"
    return "other"


def is_caps_sentence(words: Sequence[str]) -> bool:
    """A headline in capitals: casing says nothing about names in it."""
    letters = upper = 0
    for word in words:
        if word[:1].isalpha():
            letters += 1
            upper += word.isupper()
    return letters >= 2 and upper >= 0.8 * letters


def document_casing(
    sentences: Sequence[Sequence[str]], caps: Sequence[bool] | None = None
) -> dict[str, str]:
    """How each word is written mid-sentence in ordinary (not all-caps) sentences of the text;
    ``caps`` may pass the all-caps flags of the sentences when they are already known."""
    if caps is None:
        caps = [is_caps_sentence(words) for words in sentences]
    inner = chain.from_iterable(
        words[1:] for words, capitals in zip(sentences, caps, strict=True) if not capitals
    )
    seen: dict[str, dict[str, int]] = {}
    for word, count in Counter(inner).items():
        if word[:1].isalpha():
            lower = word.lower()
            counts = seen.get(lower)
            case = casing(word)
            if counts is None:
                seen[lower] = {case: count}
            else:
                counts[case] = counts.get(case, 0) + count
    return {
        lower: next(iter(counts)) if len(counts) == 1 else max(counts, key=counts.__getitem__)
        for lower, counts in seen.items()
    }


def sports_report(words: Iterable[str], sport_words: frozenset[str]) -> bool:
    """Two distinct words only sports reporting uses this often, or a scoreline and one,
    among the distinct ``words`` of a text: in such a text a town's name is usually its
    team's."""
    found = {w.lower() for w in words} & sport_words
    return len(found) >= 2 or (len(found) == 1 and any(_SCORELINE.match(w) for w in words))


def number_row(words: Sequence[str]) -> bool:
    """A table row: two numbers or more, and numbers at least two fifths of its tokens
    ("Leeds 5 3 1 1 8 4 10")."""
    return is_row(sum(1 for w in words if is_number(w)), len(words))


def is_number(word: str) -> bool:
    return _NUMBER.match(word) is not None


def is_row(numbers: int, tokens: int) -> bool:
    """``number_row`` from its counts (the tagger counts per sentence with numpy)."""
    return numbers >= 2 and 5 * numbers >= 2 * tokens


class FeatureExtractor:
    """Turns sentences of words into CRF feature lists."""

    def __init__(
        self,
        gazetteer: Mapping[str, str],
        common_rank: Mapping[str, int],
        phrases: Mapping[str, str] | None = None,
        sport_words: frozenset[str] = frozenset(),
    ) -> None:
        # gazetteer: lower-cased word → space-separated classes, e.g. "PER LOC"
        self.gazetteer = gazetteer
        self.common_rank = common_rank
        # phrases: lower-cased names of two tokens or more, space-separated → one class
        # ("new york" → LOC)
        self.phrases = phrases or {}
        self.phrase_lengths = phrase_lengths(self.phrases)
        self.sport_words = sport_words
        self._cache: dict[str, tuple[list[str], ...]] = {}

    def word(self, word: str) -> tuple[list[str], ...]:
        """``word_features``, cached: training sees each word many times."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        result = self._cache[word] = self.word_features(word)
        return result

    def word_features(self, word: str) -> tuple[list[str], ...]:
        """Features of a word itself, then the copies its neighbours at -2, -1, +1, +2 see."""
        lower = word.lower()
        shape = word_shape(word)
        rank = self.common_rank.get(lower)
        common = "none" if rank is None else ("1k" if rank < 1000 else "5k" if rank < 5000 else "x")
        gaz = self.gazetteer.get(lower)
        own = [
            "b",
            "w=" + word,
            "lw=" + lower,
            "sh=" + shape,
            "cs=" + casing(word),
            "cm=" + common,
            "p2=" + word[:2],
            "p3=" + word[:3],
            "s2=" + lower[-2:],
            "s3=" + lower[-3:],
            "s4=" + lower[-4:],
        ]
        near = ["-1cm=" + common], ["1cm=" + common]
        if gaz:
            for g in gaz.split():
                own.append("g=" + g)
                near[0].append("-1g=" + g)
                near[1].append("1g=" + g)
        if len(word) == 1:
            own.append("len1")
        return (
            own,
            ["-2lw=" + lower, "-2sh=" + shape],
            ["-1lw=" + lower, "-1sh=" + shape, *near[0]],
            ["1lw=" + lower, "1sh=" + shape, *near[1]],
            ["2lw=" + lower, "2sh=" + shape],
        )

    @staticmethod
    def token_extras(
        words: Sequence[str],
        i: int,
        caps: bool,
        doc_case: Mapping[str, str],
        doc_labels: Mapping[str, str] | None,
    ) -> list[str]:
        """Features of one position that no per-word cache can hold."""
        word = words[i]
        lower = word.lower()
        feats = []
        if i == 0:
            feats.append("bos")
        else:
            feats.append(f"-1|0={words[i - 1].lower()}|{lower}")
        if i == len(words) - 1:
            feats.append("eos")
        if caps:
            feats.append("caps")
        if word[:1].isupper():
            case = doc_case.get(lower, "none")
            feats.append("dc=" + case)
            if i == 0 or caps:
                feats.append("first|dc=" + case)
        if doc_labels is not None:
            label = doc_labels.get(lower)
            if label:
                feats.append("d2=" + label)
        return feats

    def report_extras(self, words: Sequence[str], i: int, sport: bool, row: bool) -> list[str]:
        """A word's gazetteer classes and its neighbour's shape, as seen in a sports report or
        a table row: there "Leeds 2" is the team."""
        classes = (self.gazetteer.get(words[i].lower()) or "none").split()
        after = word_shape(words[i + 1]) if i + 1 < len(words) else "eos"
        before = word_shape(words[i - 1]) if i > 0 else "bos"
        feats = []
        for kind, on in (("sp", sport), ("row", row)):
            if on:
                feats += [
                    kind,
                    f"{kind}|1sh={after}",
                    f"{kind}|-1sh={before}",
                    *(f"{kind}|g={g}" for g in classes),
                ]
        return feats

    def sentence(
        self,
        words: Sequence[str],
        doc_case: Mapping[str, str],
        doc_labels: Mapping[str, str] | None = None,
        sport: bool = False,
    ) -> list[list[str]]:
        """Feature lists for one sentence; ``doc_labels`` are first-pass labels by word,
        ``sport`` says the text is a sports report (``sports_report``)."""
        parts = [self.word(w) for w in words]
        caps = is_caps_sentence(words)
        row = number_row(words)
        n = len(words)
        out = []
        for i in range(n):
            feats = list(parts[i][0])
            for slot, k in enumerate(CONTEXT, start=1):
                if 0 <= i + k < n:
                    feats += parts[i + k][slot]
            feats += self.token_extras(words, i, caps, doc_case, doc_labels)
            if sport or row:
                feats += self.report_extras(words, i, sport, row)
            out.append(feats)
        for i, label in phrase_labels(words, self.phrases, self.phrase_lengths):
            out[i].append("pg=" + label)
        return out


def phrase_lengths(phrases: Mapping[str, str]) -> dict[str, tuple[int, ...]]:
    """For each first word, the lengths of the phrases it begins, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in phrases:
        lengths.setdefault(key.partition(" ")[0], set()).add(key.count(" ") + 1)
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


def phrase_labels(
    words: Sequence[str],
    phrases: Mapping[str, str],
    lengths: Mapping[str, tuple[int, ...]],
) -> list[tuple[int, str]]:
    """Positions inside the longest known names written with capitals, as B-/I- class labels."""
    out = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        found = 0
        if word[:1].isupper():
            lower = word.lower()
            for size in lengths.get(lower, ()):
                if i + size <= n and words[i + size - 1][:1].isupper():
                    key = " ".join([lower, *(w.lower() for w in words[i + 1 : i + size])])
                    kind = phrases.get(key)
                    if kind is not None:
                        out.append((i, "B-" + kind))
                        out.extend((k, "I-" + kind) for k in range(i + 1, i + size))
                        found = size
                        break
        i += found or 1
    return out
