"""Finding a quote in a text by its words, its surroundings and its old position.

Every place the quote might be is a candidate: its verbatim copies (as whole words when the
highlight was whole words), copies that differ only in case, spaces or quote marks, and
approximate matches — found by rapidfuzz's aligner, by windows of as many words as the quote
(short quotes and names too: "Gaddafi" → "Qaddafi", "Liberty" → "liberty"), and as the
stretch between the remembered prefix and suffix (a passage whose first word was replaced).
Each is scored as in Hypothesis' match-quote: quote 50, prefix 20, suffix 20, position 2;
between equal scores the better context wins, then the nearer one, then the earlier one.

The best candidate is *certain* only when it is the quote verbatim, its remembered prefix and
suffix surround it exactly (ignoring case, no-break spaces and curly quotes) and no other copy
is surrounded so. Anything else is a guess the user must check.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

FUZZY_THRESHOLD = 0.75
"""Quote similarity at which an approximate match is accepted on its own."""
WITH_CONTEXT_THRESHOLD = 0.5
"""Quote similarity accepted when the remembered context agrees at least ``STRONG_CONTEXT``
(or when there is no context to go by)."""
STRONG_CONTEXT = 0.8
WORD_WINDOW_WORDS = 8
"""Quotes of at most this many words are also looked for among word windows of the text."""
WORD_WINDOW_REACH = 50_000
"""Characters either side of the old position searched by word windows in a long text."""
_W_QUOTE, _W_PREFIX, _W_SUFFIX, _W_POSITION = 50.0, 20.0, 20.0, 2.0
_WORD = re.compile(r"\w+")
_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)


@dataclass(frozen=True)
class Match:
    """A place for a quote: ``similarity`` of the quote, context scores, overall ``score``."""

    start: int
    end: int
    similarity: float
    context: float
    score: float
    verbatim: bool
    certain: bool = False


def typographic(text: str) -> str:
    """``text`` with runs of spaces as one, curly quotes and dashes made plain (case kept):
    what differs only there reads the same."""
    return " ".join(text.translate(_FOLD).split())


@lru_cache(maxsize=8)
def fold(text: str) -> str:
    """``text`` with case, no-break spaces, curly quotes and dashes made plain; same length,
    so offsets into it are offsets into ``text``."""
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))


@lru_cache(maxsize=8)
def _windows(folded: str, size: int) -> tuple[list[int], list[tuple[int, int]], list[str]]:
    """Every run of ``size`` words of a (folded) text: starts, spans and the text of each;
    kept for the next highlight of the same article."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    spans = [(words[i][0], words[i + size - 1][1]) for i in range(len(words) - size + 1)]
    return [s for s, _ in spans], spans, [folded[s:e] for s, e in spans]


def cuts_word(before: str, after: str) -> bool:
    """Whether an edge between the character ``before`` and the one ``after`` splits a word."""
    return before[-1:].isalnum() and after[:1].isalnum()


def _common_head(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


class QuoteSearch:
    """One search for ``quote`` (seen between ``prefix`` and ``suffix``, near ``hint``)."""

    def __init__(self, text: str, quote: str, prefix: str, suffix: str, hint: int | None) -> None:
        self.text, self.quote, self.prefix, self.suffix, self.hint = (
            text,
            quote,
            prefix,
            suffix,
            hint,
        )
        self.folded = fold(text)
        self.fquote, self.fprefix, self.fsuffix = fold(quote), fold(prefix), fold(suffix)
        self.whole_start = not cuts_word(prefix, quote)
        self.whole_end = not cuts_word(quote, suffix)
        self._seen: dict[tuple[int, int], Match] = {}

    # -- scoring ---------------------------------------------------------------------------

    def _context_scores(self, start: int, end: int) -> tuple[float, float]:
        from rapidfuzz import fuzz

        before = self.folded[max(0, start - len(self.prefix)) : start]
        after = self.folded[end : end + len(self.suffix)]
        prefix = fuzz.ratio(self.fprefix, before) / 100 if self.prefix else 1.0
        suffix = fuzz.ratio(self.fsuffix, after) / 100 if self.suffix else 1.0
        return prefix, suffix

    def context_agrees(self, start: int, end: int) -> bool:
        """Whether the remembered prefix and suffix surround ``[start, end)`` exactly (folded)."""
        before = self.folded[max(0, start - len(self.prefix)) : start]
        after = self.folded[end : end + len(self.suffix)]
        return _common_head(before[::-1], self.fprefix[::-1]) == len(self.prefix) and (
            _common_head(after, self.fsuffix) == len(self.suffix)
        )

    def _add(self, start: int, end: int) -> None:
        if start >= end or (start, end) in self._seen:
            return
        from rapidfuzz.distance import Levenshtein

        verbatim = self.text[start:end] == self.quote
        if verbatim:
            similarity = 1.0
        else:
            # Edits per character of the quote (as Hypothesis counts errors), where case,
            # spaces and quote marks count for little: "liberty" is still "Liberty".
            similarity = max(
                Levenshtein.normalized_similarity(self.quote, self.text[start:end]),
                0.98 * Levenshtein.normalized_similarity(self.fquote, self.folded[start:end]),
            )
        prefix, suffix = self._context_scores(start, end)
        position = 1.0
        if self.hint is not None:
            position = 1.0 - min(1.0, abs(start - self.hint) / max(1, len(self.text)))
        total = _W_QUOTE * similarity + _W_PREFIX * prefix + _W_SUFFIX * suffix
        total += _W_POSITION * position
        score = total / (_W_QUOTE + _W_PREFIX + _W_SUFFIX + _W_POSITION)
        context = (prefix + suffix) / 2
        self._seen[(start, end)] = Match(start, end, similarity, context, score, verbatim)

    def _acceptable(self, match: Match) -> bool:
        if match.similarity >= FUZZY_THRESHOLD:
            return True
        # Without any context to go by (as Hypothesis): up to one error per two characters.
        has_context = bool(self.prefix or self.suffix)
        return match.similarity >= WITH_CONTEXT_THRESHOLD and (
            not has_context or match.context >= STRONG_CONTEXT
        )

    # -- candidates ------------------------------------------------------------------------

    def _copies(self, haystack: str, needle: str) -> None:
        """Every copy of ``needle`` that does not cut a word the highlight did not cut."""
        text = self.text
        at = haystack.find(needle)
        while at >= 0:
            end = at + len(needle)
            if (not self.whole_start or not cuts_word(text[at - 1 : at], text[at : at + 1])) and (
                not self.whole_end or not cuts_word(text[end - 1 : end], text[end : end + 1])
            ):
                self._add(at, end)
            at = haystack.find(needle, at + 1)

    def _aligned(self) -> None:
        """The best approximate alignment near the old position and in the whole text."""
        from rapidfuzz import fuzz

        span = len(self.fquote)
        hint = self.hint or 0
        near_from = max(0, hint - 2 * span - 64)
        windows = ((near_from, self.folded[near_from : hint + 3 * span + 64]), (0, self.folded))
        for offset, window in windows:
            found = fuzz.partial_ratio_alignment(
                self.fquote, window, score_cutoff=WITH_CONTEXT_THRESHOLD * 100
            )
            if found is not None:
                self._add(*self._refine(offset + found.dest_start, offset + found.dest_end))

    def _word_windows(self) -> None:
        """Windows of about as many words as a short quote, anywhere near its old place."""
        from rapidfuzz import fuzz, process

        count = len(_WORD.findall(self.quote))
        if not 1 <= count <= WORD_WINDOW_WORDS:
            return
        low, high = 0, len(self.text)
        if len(self.text) > 2 * WORD_WINDOW_REACH and self.hint is not None:
            low, high = self.hint - WORD_WINDOW_REACH, self.hint + WORD_WINDOW_REACH
        lead = len(self.quote) - len(self.quote.lstrip())
        trail = len(self.quote) - len(self.quote.rstrip())
        for size in {max(1, count - 1), count, count + 1}:
            starts, spans, choices = _windows(self.folded, size)
            first, last = bisect_left(starts, low), bisect_right(starts, high)
            found = process.extract(
                self.fquote.strip(),
                choices[first:last],
                scorer=fuzz.ratio,
                score_cutoff=WITH_CONTEXT_THRESHOLD * 100,
                limit=None,
            )
            for _, _, index in found:
                start, end = spans[first + index]
                self._add(max(0, start - lead), min(len(self.text), end + trail))

    def _between_context(self) -> None:
        """The stretch between where the prefix ends and the suffix starts."""
        tail = self.fprefix[-16:]
        head = self.fsuffix[:16]
        if not tail.strip() or not head.strip():
            return
        reach = 2 * len(self.quote) + 16
        at = self.folded.find(tail)
        while at >= 0:
            start = at + len(tail)
            end = self.folded.find(head, start, start + reach + len(head))
            if end > start:
                self._add(*self._trimmed(start, end))
            at = self.folded.find(tail, at + 1)

    def _trimmed(self, start: int, end: int) -> tuple[int, int]:
        """Leave out spaces at the edges that the quote does not have."""
        text = self.text
        if not self.quote[:1].isspace():
            while start < end and text[start].isspace():
                start += 1
        if not self.quote[-1:].isspace():
            while end > start and text[end - 1].isspace():
                end -= 1
        return start, end

    def _refine(self, start: int, end: int) -> tuple[int, int]:
        """Move the edges of an alignment to where the quote's own edges fit best (the aligner
        returns a window as long as the quote, not the edited passage); an edge that fell
        between words before is moved off the middle of a word."""
        from rapidfuzz import fuzz

        folded = self.folded
        slack = min(len(self.quote) // 4 + 8, 64)

        def fit(s: int, e: int) -> float:
            return fuzz.ratio(self.fquote, folded[s:e])

        starts = range(max(0, start - slack), min(end - 1, start + slack) + 1)
        new_start = max(starts, key=lambda s: (fit(s, end), -abs(s - start)))
        if self.whole_start:
            new_start = max(_word_edges(folded, new_start), key=lambda s: fit(s, end))
        ends = range(max(new_start + 1, end - slack), min(len(folded), end + slack) + 1)
        new_end = max(ends, key=lambda e: (fit(new_start, e), -abs(e - end)))
        if self.whole_end:
            new_end = max(_word_edges(folded, new_end), key=lambda e: fit(new_start, e))
        return self._trimmed(new_start, new_end)

    # -- the answer ------------------------------------------------------------------------

    def best(self) -> Match | None:
        """The best acceptable place, with ``certain`` set when it is beyond doubt."""
        if not self.quote or not self.text:
            return None
        self._copies(self.text, self.quote)
        full = [m for m in self._seen.values() if self.context_agrees(m.start, m.end)]
        if len(full) != 1:
            self._copies(self.folded, self.fquote)
            self._aligned()
            self._word_windows()
            self._between_context()
        candidates = [m for m in self._seen.values() if self._acceptable(m)]
        if not candidates:
            return None
        hint = self.hint or 0
        best = max(
            candidates, key=lambda m: (round(m.score, 9), m.context, -abs(m.start - hint), -m.start)
        )
        certain = (
            best.verbatim
            and self.context_agrees(best.start, best.end)
            and len([m for m in full if m.verbatim]) == 1
        )
        return Match(**{**best.__dict__, "certain": certain})


def _word_edges(text: str, at: int) -> tuple[int, ...]:
    """``at`` if it is between words, else the start and the end of the word it splits."""
    if not cuts_word(text[at - 1 : at] if at else "", text[at : at + 1]):
        return (at,)
    left, right = at, at
    while left > 0 and text[left - 1].isalnum():
        left -= 1
    while right < len(text) and text[right].isalnum():
        right += 1
    return left, right
