"""Finding a highlighted passage again after the article's text changed.

A highlight remembers its quote, up to ``CONTEXT`` characters either side and its old position
(the W3C TextQuote and TextPosition selectors). Re-anchoring tries, in order:

1. the quote verbatim: every occurrence is scored by how well its surroundings agree with the
   remembered prefix/suffix, the old position breaking ties — context first, because after an
   insertion earlier in the text the nearest occurrence of a short quote is often the wrong one;
2. an approximate match (rapidfuzz) scored by quote, prefix, suffix and position, accepted only
   when the quote itself is at least ``FUZZY_THRESHOLD`` similar;
3. otherwise the highlight becomes an orphan: kept with its quote and note, never dropped.

Placing a highlight is pure (old highlight, new text → placement) and knows nothing of the
article store: replacing an article's text, and calling ``reanchor_article`` in the same
transaction, is ``library.updating``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.models import Highlight
from desktop.core.notes.table import COLUMNS, highlight_from_row, write_anchor
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3

CONTEXT = 32
FUZZY_THRESHOLD = 0.75
FUZZY_MIN_QUOTE = 8
_NEAR = 4096
# Weights of the approximate match, as in Hypothesis' match-quote: the quote dominates, the
# context disambiguates, the position only breaks ties.
_W_QUOTE, _W_PREFIX, _W_SUFFIX, _W_POSITION = 50.0, 20.0, 20.0, 2.0


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: ``method`` is ``exact`` or ``fuzzy``."""

    start: int
    end: int
    method: str
    score: float


@dataclass(frozen=True)
class ReanchorReport:
    """What happened to an article's highlights when its text changed (lists of ids)."""

    unchanged: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()


def selectors(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote, prefix and suffix that identify ``text[start:end]``."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def locate(
    text: str, quote: str, prefix: str = "", suffix: str = "", hint: int = 0
) -> Anchor | None:
    """Where ``quote`` (seen between ``prefix`` and ``suffix``, near ``hint``) is in ``text``."""
    if not quote:
        return None
    return _exact(text, quote, prefix, suffix, hint) or _fuzzy(text, quote, prefix, suffix, hint)


def _common_head(a: str, b: str) -> int:
    """Length of the common start of two strings (contexts are short, a loop is enough)."""
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


def _context_agreement(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """Share of the remembered context characters that still surround ``text[start:end]``."""
    total = len(prefix) + len(suffix)
    if total == 0:
        return 1.0
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    agree = _common_head(before[::-1], prefix[::-1]) + _common_head(after, suffix)
    return agree / total


def _exact(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    """The best verbatim occurrence: most context agreement, then nearest to ``hint``.

    A window around the hint is searched first: an occurrence there with full context
    agreement beats everything outside (those are all farther away), which spares most
    highlights a scan of the whole text after a small edit.
    """
    low, high = max(0, hint - _NEAR), hint + _NEAR + len(quote)
    near = _best_occurrence(text, quote, prefix, suffix, hint, low, high)
    if near is not None and near[0] == 1.0:
        best = near
    else:
        best = _best_occurrence(text, quote, prefix, suffix, hint, 0, len(text))
    if best is None:
        return None
    return Anchor(best[2], best[2] + len(quote), "exact", best[0])


def _best_occurrence(
    text: str, quote: str, prefix: str, suffix: str, hint: int, low: int, high: int
) -> tuple[float, int, int] | None:
    best: tuple[float, int, int] | None = None
    position = text.find(quote, low, high)
    while position >= 0:
        agreement = _context_agreement(text, position, position + len(quote), prefix, suffix)
        key = (agreement, -abs(position - hint), position)
        if best is None or key[:2] > best[:2]:
            best = key
            if agreement == 1.0 and position == hint:
                break
        position = text.find(quote, position + 1, high)
    return best


def _fuzzy(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    if len(quote) < FUZZY_MIN_QUOTE or not text:
        return None
    # Imported on the first approximate match: every command that opens notes would otherwise
    # pay for loading rapidfuzz.
    from rapidfuzz import fuzz

    cutoff = FUZZY_THRESHOLD * 100
    span = len(quote)
    near_from = max(0, hint - 2 * span - CONTEXT)
    windows = ((near_from, text[near_from : hint + 3 * span + CONTEXT]), (0, text))
    best: Anchor | None = None
    for offset, window in windows:
        found = fuzz.partial_ratio_alignment(quote, window, score_cutoff=cutoff)
        if found is None:
            continue
        start, end = _refine(
            text, quote, prefix, suffix, offset + found.dest_start, offset + found.dest_end
        )
        similarity = fuzz.ratio(quote, text[start:end]) / 100
        if similarity < FUZZY_THRESHOLD or start >= end:
            continue
        score = _fuzzy_score(text, start, end, similarity, prefix, suffix, hint)
        if best is None or score > best.score:
            best = Anchor(start, end, "fuzzy", score)
    return best


def _refine(
    text: str, quote: str, prefix: str, suffix: str, start: int, end: int
) -> tuple[int, int]:
    """Move the edges of an approximate match to where the quote's own edges fit best
    (the aligner returns a window as long as the quote, not the edited passage).

    Case is ignored when comparing; an edge that fell between words before is moved off the
    middle of a word (to that word's start or end, whichever fits better), and spaces the quote
    did not have are left out. Otherwise "according" edited to "According" scores better
    without its first letter than with it, and the passage comes back as "ccording".
    """
    from rapidfuzz import fuzz

    slack = min(len(quote) // 4 + 8, 64)
    folded = quote.casefold()

    def fit(s: int, e: int) -> float:
        return fuzz.ratio(folded, text[s:e].casefold())

    starts = range(max(0, start - slack), min(end - 1, start + slack) + 1)
    new_start = max(starts, key=lambda s: (fit(s, end), -abs(s - start)))
    if not _cuts_word(prefix[-1:], quote[:1]):
        new_start = max(_word_edges(text, new_start), key=lambda s: fit(s, end))
    ends = range(max(new_start + 1, end - slack), min(len(text), end + slack) + 1)
    new_end = max(ends, key=lambda e: (fit(new_start, e), -abs(e - end)))
    if not _cuts_word(quote[-1:], suffix[:1]):
        new_end = max(_word_edges(text, new_end), key=lambda e: fit(new_start, e))
    if not quote[0].isspace():
        while new_start < new_end and text[new_start].isspace():
            new_start += 1
    if not quote[-1].isspace():
        while new_end > new_start and text[new_end - 1].isspace():
            new_end -= 1
    return new_start, new_end


def _cuts_word(before: str, after: str) -> bool:
    """Whether an edge between the character ``before`` and the one ``after`` splits a word."""
    return before.isalnum() and after.isalnum()


def _word_edges(text: str, at: int) -> tuple[int, ...]:
    """``at`` if it is between words, else the start and the end of the word it splits."""
    if not _cuts_word(text[at - 1 : at] if at else "", text[at : at + 1]):
        return (at,)
    left, right = at, at
    while left > 0 and text[left - 1].isalnum():
        left -= 1
    while right < len(text) and text[right].isalnum():
        right += 1
    return left, right


def _fuzzy_score(
    text: str, start: int, end: int, similarity: float, prefix: str, suffix: str, hint: int
) -> float:
    from rapidfuzz import fuzz

    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    prefix_score = fuzz.ratio(prefix, before) / 100 if prefix else 1.0
    suffix_score = fuzz.ratio(suffix, after) / 100 if suffix else 1.0
    position_score = 1.0 - min(1.0, abs(start - hint) / max(1, len(text)))
    total = (
        _W_QUOTE * similarity
        + _W_PREFIX * prefix_score
        + _W_SUFFIX * suffix_score
        + _W_POSITION * position_score
    )
    return total / (_W_QUOTE + _W_PREFIX + _W_SUFFIX + _W_POSITION)


def reanchor(highlight: Highlight, text: str, digest: str) -> Highlight:
    """``highlight`` placed in ``text`` (whose content hash is ``digest``): re-attached with
    fresh selectors, or an orphan that keeps its old quote and selectors so it can be found
    again or re-attached by hand."""
    h = highlight
    if h.content_hash == digest and not h.orphan and text[h.start : h.end] == h.quote:
        return highlight
    anchor = locate(text, highlight.quote, highlight.prefix, highlight.suffix, highlight.start)
    if anchor is None:
        return replace(highlight, orphan=True)
    quote, prefix, suffix = selectors(text, anchor.start, anchor.end)
    return replace(
        highlight,
        start=anchor.start,
        end=anchor.end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        content_hash=digest,
        orphan=False,
    )


def reanchor_article(
    conn: sqlite3.Connection, article_id: int, new_text: str, digest: str
) -> ReanchorReport:
    """Re-attach every highlight of an article (deleted ones too, so undo still works) to
    ``new_text``, whose content hash is ``digest``; one transaction. Call it in the
    transaction that changes the article's stored text."""
    outcome: dict[str, list[str]] = {"unchanged": [], "exact": [], "fuzzy": [], "orphaned": []}
    with transaction(conn):
        rows = conn.execute(
            f"SELECT {COLUMNS} FROM highlights WHERE article_id = ?", (article_id,)
        ).fetchall()
        for row in rows:
            old = highlight_from_row(row)
            new = reanchor(old, new_text, digest)
            if new == old:
                outcome["unchanged" if not old.orphan else "orphaned"].append(old.id)
                continue
            write_anchor(conn, new)
            if new.orphan:
                outcome["orphaned"].append(new.id)
            elif new.quote == old.quote:
                outcome["exact"].append(new.id)
            else:
                outcome["fuzzy"].append(new.id)
    return ReanchorReport(**{key: tuple(ids) for key, ids in outcome.items()})
