"""Finding a highlighted passage again after the article's text changed — never silently wrong.

A highlight remembers its quote, up to ``CONTEXT`` characters either side and its old position
(the W3C TextQuote and TextPosition selectors), and the quote the user first highlighted.
Re-anchoring tries, in order:

1. the old position, followed through a word-level alignment of the old and new texts when the
   old text is known (``text_changes``): an unchanged passage with unchanged text around it is
   certainly the same passage, wherever it moved;
2. a search by quote, prefix, suffix and position (``quote_search``), verbatim copies first,
   then copies differing in case or spacing, then approximate matches, for quotes of any
   length;
3. otherwise the highlight becomes an orphan: kept with its quote and note, never dropped. A
   passage whose words were all deleted is an orphan unless it turns up, nearly intact and in
   its context, somewhere else.

A placement that is not certain (approximate, a copy whose surroundings disagree, one of
several equally good copies, an edited passage) is stored as *moved*: shown for the user to
check, never as a normal highlight, until accepted or re-attached. A moved highlight stays
moved through later updates. The stored ``quote`` follows the passage; ``original_quote``
keeps what the user highlighted.

Placing a highlight is pure (old highlight, new text → placement) and knows nothing of the
article store: replacing an article's text, and calling ``reanchor_article`` in the same
transaction, is ``library.updating``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.models import Highlight
from desktop.core.notes.quote_search import FUZZY_THRESHOLD, QuoteSearch, typographic
from desktop.core.notes.table import COLUMNS, highlight_from_row, write_anchor
from desktop.core.notes.text_changes import DELETED, EDITED, SAME, TWIN, TextChanges
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3

__all__ = [
    "CONTEXT",
    "FUZZY_THRESHOLD",
    "Anchor",
    "ReanchorReport",
    "locate",
    "place",
    "reanchor",
    "reanchor_article",
    "selectors",
]

CONTEXT = 32
EDITED_SIMILARITY = 0.5
"""How like the quote an edited passage (both edges found by the alignment) must still be."""
MOVED_ELSEWHERE = 0.9
"""How like the quote a deleted passage found elsewhere must be (it is then moved, to check)."""
MOVED_CONTEXT = 0.6
"""How well its remembered context must agree there (a name alone proves nothing)."""


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: ``method`` is ``position`` (followed through the texts'
    alignment), ``exact`` (verbatim) or ``fuzzy``; ``certain`` says it needs no check;
    ``context`` is how well the remembered prefix and suffix agree there (0–1)."""

    start: int
    end: int
    method: str
    score: float
    certain: bool = False
    context: float = 1.0


@dataclass(frozen=True)
class ReanchorReport:
    """What happened to an article's highlights when its text changed (lists of ids):
    ``exact`` were placed for certain, ``fuzzy`` were placed but are *moved* (to check)."""

    unchanged: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()

    @property
    def moved(self) -> tuple[str, ...]:
        return self.fuzzy


def selectors(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote, prefix and suffix that identify ``text[start:end]``."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def locate(
    text: str, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> Anchor | None:
    """Where ``quote`` (seen between ``prefix`` and ``suffix``, near ``hint``) is in ``text``."""
    found = QuoteSearch(text, quote, prefix, suffix, hint).best()
    if found is None:
        return None
    method = "exact" if found.verbatim else "fuzzy"
    return Anchor(found.start, found.end, method, found.score, found.certain, found.context)


def place(highlight: Highlight, text: str, changes: TextChanges | None = None) -> Anchor | None:
    """Where ``highlight`` goes in ``text``; ``changes`` aligns the text it was anchored in
    (if known) with ``text``."""
    h = highlight
    followed = None
    if (
        changes is not None
        and h.content_hash == changes.old_digest
        and changes.old[h.start : h.end] == h.quote
    ):
        followed = changes.follow(h.start, h.end)
        if followed.kind in (SAME, TWIN):
            certain = followed.kind == SAME
            return Anchor(followed.start, followed.end, "position", 1.0, certain)
    if followed is not None and followed.kind == EDITED:
        # The alignment found both edges: the passage is here, edited (no search can know
        # better). Only spacing, quote marks or dashes changed: still the very passage.
        edited = text[followed.start : followed.end]
        if followed.anchored and typographic(edited) == typographic(h.quote):
            return Anchor(followed.start, followed.end, "position", 1.0, True)
        if _similarity(h.quote, edited) >= EDITED_SIMILARITY:
            return Anchor(followed.start, followed.end, "position", 0.0, False)
    hint = h.start if followed is None else followed.start
    found = locate(text, h.quote, h.prefix, h.suffix, hint)
    if followed is None or (found is not None and found.certain):
        return found
    if followed.kind == DELETED:
        # Removed: an orphan, unless the passage itself turns up, in its context, elsewhere
        # (a paragraph moved) — not merely the same name in another paragraph.
        if found is None or found.context < MOVED_CONTEXT:
            return None
        if _similarity(h.quote, text[found.start : found.end]) < MOVED_ELSEWHERE:
            return None
    return None if found is None else replace(found, certain=False)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a.casefold(), b.casefold()) / 100


def reanchor(
    highlight: Highlight, text: str, digest: str, changes: TextChanges | None = None
) -> Highlight:
    """``highlight`` placed in ``text`` (whose content hash is ``digest``): re-attached with
    fresh selectors (flagged ``moved`` unless certain), or an orphan that keeps its old quote
    and selectors so it can be found again or re-attached by hand. ``changes`` aligns the text
    the highlight was anchored in with ``text``, when that text is known (used only if the
    highlight's content hash is that text's)."""
    h = highlight
    # Unchanged only if its surroundings are too: two texts differing in trailing spaces
    # share a content hash.
    if (
        h.content_hash == digest
        and not h.orphan
        and selectors(text, h.start, h.end) == (h.quote, h.prefix, h.suffix)
    ):
        return highlight
    anchor = place(highlight, text, changes)
    if anchor is None:
        return replace(highlight, orphan=True, original_quote=h.first_quote)
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
        moved=h.moved or not anchor.certain,
        original_quote=h.first_quote,
    )


def reanchor_article(
    conn: sqlite3.Connection,
    article_id: int,
    new_text: str,
    digest: str,
    old_text: str | None = None,
    old_digest: str = "",
) -> ReanchorReport:
    """Re-attach every highlight of an article (deleted ones too, so undo still works) to
    ``new_text``, whose content hash is ``digest``; one transaction. ``old_text`` is the text
    being replaced (content hash ``old_digest``), which lets each passage anchored in it be
    followed through the edit. Call it in the transaction that changes the article's text."""
    outcome: dict[str, list[str]] = {"unchanged": [], "exact": [], "fuzzy": [], "orphaned": []}
    changes: TextChanges | None = None
    with transaction(conn):
        rows = conn.execute(
            f"SELECT {COLUMNS} FROM highlights WHERE article_id = ?", (article_id,)
        ).fetchall()
        for row in rows:
            old = highlight_from_row(row)
            if changes is None and old_text is not None and old_text != new_text:
                changes = TextChanges(old_text, new_text, old_digest)
            new = reanchor(old, new_text, digest, changes)
            if new == old:
                outcome["unchanged" if not old.orphan else "orphaned"].append(old.id)
                continue
            write_anchor(conn, new)
            if new.orphan:
                outcome["orphaned"].append(new.id)
            elif new.moved:
                outcome["fuzzy"].append(new.id)
            else:
                outcome["exact"].append(new.id)
    return ReanchorReport(**{key: tuple(ids) for key, ids in outcome.items()})
