"""A Python reimplementation of Hypothesis' quote anchoring, the baseline of the anchoring eval.

Follows ``src/annotator/anchoring/match-quote.ts`` of https://github.com/hypothesis/client
(commit 751012ad3506dd7884ae63c678577a9ec5603ab3, BSD-2-Clause, licence in
``tests/data/licences/hypothesis-client-LICENSE``) and the ``approx-string-match`` search it
calls (Myers' algorithm there; the same semi-global edit distance here, by dynamic programming
over numpy rows): exact copies if any, else every end with the least number of errors (at most
half the quote), each start chosen to make the match longest; candidates scored 50 × quote +
20 × prefix + 20 × suffix + 2 × position. Before the quote, ``html.ts``'s ``anchor`` tries the
position selector, accepted when the text there equals the quote ignoring whitespace. Strings
are compared by code point (JavaScript compares UTF-16 units; the texts here have no astral
characters that matter). Used by the eval only, never by Dossier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class StringMatch:
    start: int
    end: int
    errors: int


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _last_row(text: str, pattern: str) -> np.ndarray:
    """Least edits turning ``pattern`` into some text ending at each offset 0..len(text)."""
    t = _codes(text)
    columns = np.arange(len(text) + 1, dtype=np.int64)
    row = np.zeros(len(text) + 1, dtype=np.int64)
    for i, char in enumerate(_codes(pattern), start=1):
        step = np.empty_like(row)
        step[0] = i
        step[1:] = np.minimum(row[:-1] + (t != char), row[1:] + 1)
        row = np.minimum.accumulate(step - columns) + columns
    return row


def _match_ends(text: str, pattern: str, max_errors: float) -> list[StringMatch]:
    if not pattern:
        return []
    row = _last_row(text, pattern)[1:]
    least = int(row.min()) if len(row) else len(pattern)
    if least > min(max_errors, len(pattern)):
        return []
    return [StringMatch(-1, int(end) + 1, least) for end in np.flatnonzero(row == least)]


def approx_search(text: str, pattern: str, max_errors: float) -> list[StringMatch]:
    """``approx-string-match``'s ``search``: the least-error matches, starts made longest."""
    found = []
    for match in _match_ends(text, pattern, max_errors):
        low = max(0, match.end - len(pattern) - match.errors)
        reverse = text[low : match.end][::-1]
        ends = _match_ends(reverse, pattern[::-1], match.errors)
        start = min((match.end - r.end for r in ends), default=match.end)
        found.append(StringMatch(start, match.end, match.errors))
    return found


def search(text: str, pattern: str, max_errors: float) -> list[StringMatch]:
    exact = []
    at = text.find(pattern)
    while at != -1:
        exact.append(StringMatch(at, at + len(pattern), 0))
        at = text.find(pattern, at + 1)
    return exact or approx_search(text, pattern, max_errors)


def text_match_score(text: str, pattern: str) -> float:
    if not pattern or not text:
        return 0.0
    return 1 - search(text, pattern, len(pattern))[0].errors / len(pattern)


def match_quote(
    text: str, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int, float] | None:
    """``matchQuote``: the best (start, end, score), or None."""
    if not quote:
        return None
    matches = search(text, quote, min(256, len(quote) / 2))
    if not matches:
        return None

    def score(m: StringMatch) -> float:
        quote_score = 1 - m.errors / len(quote)
        prefix_score = (
            text_match_score(text[max(0, m.start - len(prefix)) : m.start], prefix)
            if prefix
            else 1.0
        )
        suffix_score = (
            text_match_score(text[m.end : m.end + len(suffix)], suffix) if suffix else 1.0
        )
        position = 1.0 if hint is None else 1.0 - abs(m.start - hint) / len(text)
        raw = 50 * quote_score + 20 * prefix_score + 20 * suffix_score + 2 * position
        return raw / 92

    scored = [(m.start, m.end, score(m)) for m in matches]
    # JavaScript's sort is stable: among equal scores the first match wins.
    return max(scored, key=lambda m: (m[2], -m[0]))


def hypothesis_anchor(
    text: str, quote: str, prefix: str, suffix: str, start: int, end: int
) -> tuple[int, int] | None:
    """Where the Hypothesis client anchors a highlight: its position if the quote is still
    there (ignoring whitespace), else ``matchQuote`` with the position as hint."""
    if _SPACE.sub("", text[start:end]) == _SPACE.sub("", quote) and end <= len(text):
        return start, end
    found = match_quote(text, quote, prefix, suffix, start)
    return None if found is None else (found[0], found[1])
