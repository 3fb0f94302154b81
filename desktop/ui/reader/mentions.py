"""What is mentioned where in the open article: the lookup behind hover tooltips.

Spans are kept sorted by start; a lookup bisects and checks the few spans that could cover
the offset, so hovering stays instant in long articles.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from desktop.core.models import Entity, Term

CATEGORY_NAMES = {
    "leader": "leader",
    "person": "person",
    "institution": "institution",
    "place": "place",
    "term": "key term",
}
_LOOKBACK = 8  # nested or overlapping spans are rare and short


def entity_label(entity: Entity) -> str:
    """ "Volodymyr Zelenskyy — President of Ukraine (leader)"."""
    name = entity.canonical or entity.text
    role = f" — {entity.role}" if entity.role else ""
    kind = CATEGORY_NAMES.get(entity.category, entity.category)
    watch = ", on your watchlist" if entity.watchlist else ""
    return f"{name}{role} ({kind}{watch})"


def term_label(term: Term) -> str:
    return f"{term.text} (key term)"


class MentionIndex:
    """Sorted ``(start, end, label)`` spans in Python offsets."""

    def __init__(self, spans: Iterable[tuple[int, int, str]] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _, _ in self._spans]

    @classmethod
    def of(cls, entities: Iterable[Entity], terms: Iterable[Term]) -> MentionIndex:
        spans = [(e.start, e.end, entity_label(e)) for e in entities]
        spans += [(s, e, term_label(t)) for t in terms for s, e in t.spans]
        return cls(spans)

    def labels_at(self, offset: int) -> list[str]:
        """Labels of every span covering ``offset``, outermost first, without repeats."""
        index = bisect_right(self._starts, offset)
        found: list[str] = []
        for start, end, label in self._spans[max(index - _LOOKBACK, 0) : index]:
            if start <= offset < end and label not in found:
                found.append(label)
        return found
