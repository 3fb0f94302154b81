"""The whole language pass over one article: entities, then key terms that are not names.

A long article opened before it was indexed is first coloured from a window of the text around
what is on screen (``paragraph_window``), then from the whole pass.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from desktop.core.models import Entity, Term
from desktop.core.release import release
from desktop.core.text.entities import resolve_entities
from desktop.core.text.keyterms import (
    DEFAULT_LIMIT,
    DocumentFrequencies,
    is_rare_word,
    key_terms,
)
from desktop.core.text.language import detect_language, is_modelled
from desktop.core.text.ner.tagger import default_tagger


def analyze(
    text: str,
    *,
    language: str = "",
    limit: int = DEFAULT_LIMIT,
    background: DocumentFrequencies | None = None,
    as_of: date | str | None = None,
) -> tuple[list[Entity], list[Term]]:
    """Entities of ``text`` and its key terms; a term never overlaps a name the tagger found
    (nationalities and other names that are not shown as entities included; one left out as
    no person, "Dreamliner", may still be a key term as a name). Roles are those
    held on ``as_of``, the article's date (today when unknown). Nothing for an article in a
    language the recogniser was not built for (``language``; detected when empty)."""
    if not is_modelled(language or detect_language(text)):
        return [], []
    tagged = default_tagger().tag(text)
    entities = resolve_entities(text, tagged, as_of=as_of)
    skip = [(s.start, s.end) for s in tagged.spans] + [(e.start, e.end) for e in entities]
    names = [(e.start, e.end, e.canonical) for e in entities]
    shown = {(e.start, e.end) for e in entities}
    starts, ends = [e.start for e in entities], [e.end for e in entities]
    names += [
        (s.start, s.end, text[s.start : s.end])
        for s in tagged.spans
        if (s.label == "MISC" or (s.label == "PER" and not _overlaps(starts, ends, s.start, s.end)))
        and (s.start, s.end) not in shown
        and _distinctive(text[s.start : s.end])
    ]
    terms = key_terms(text, limit=limit, background=background, skip=skip, names=names)
    for done_with in (tagged.tokens, tagged.spans, skip, names):
        release(done_with)  # millions on a book-length text: not freed in one go
    return entities, terms


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the entities, given by their ``starts`` and
    ``ends`` in text order (they never overlap one another)."""
    i = bisect_right(starts, end - 1) - 1
    return i >= 0 and ends[i] > start


def _distinctive(name: str) -> bool:
    """A name of several words ("Slumdog Millionaire"), or one word rare in general English:
    "Basquiat", not "European"."""
    return " " in name or is_rare_word(name)


def paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole lines of ``text`` (clamped to it).

    The tagger's sequences always break at a line end, so a window of whole lines hands it
    the same sentences the whole pass does: only article-wide evidence (how a word is labelled
    or cased elsewhere, who a surname refers to) can differ.
    """
    start = min(max(start, 0), len(text))
    end = min(max(end, start), len(text))
    first = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return first, len(text) if stop < 0 else stop
