"""Entities resolved from tagger spans a test writes itself, so a test of the rules after
tagging does not hang on what a retrained model happens to tag."""

from __future__ import annotations

from desktop.core.text.entities import resolve_entities
from desktop.core.text.ner.tagger import Tagged, TaggedSpan
from desktop.core.text.ner.tokens import tokenize


def resolved(text: str, spans: list[tuple[str, str]], day: str = "2019-12-07") -> dict[str, str]:
    """Entities of ``text`` from the tagger's spans given as (words, label); a name given
    twice is its next occurrence."""
    tokens = tokenize(text)
    words = [t.text for t in tokens]
    tagged = []
    taken = [False] * len(words)
    for name, label in spans:
        parts = name.split()
        first = next(
            i
            for i in range(len(words))
            if words[i : i + len(parts)] == parts and not any(taken[i : i + len(parts)])
        )
        stop = first + len(parts)
        taken[first:stop] = [True] * len(parts)
        tagged.append(TaggedSpan(tokens[first].start, tokens[stop - 1].end, label, first, stop))
    found = resolve_entities(text, Tagged(tokens, tagged), as_of=day)
    return {e.text: e.category for e in found}
