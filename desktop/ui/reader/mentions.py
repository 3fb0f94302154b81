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
    """ "Jacinda Ardern — Prime Minister of New Zealand (leader)"."""
    name = entity.canonical or entity.text
    role = f" — {entity.role}" if entity.role else ""
    kind = CATEGORY_NAMES.get(entity.category, entity.category)
    watch = ", on your watchlist" if entity.watchlist else ""
    return f"{name}{role} ({kind}{watch})"


def term_label(term: Term) -> str:
    return f"{term.text} (key term)"


class MentionIndex:
    """Sorted ``(start, end, entity or term)`` spans in Python offsets; labels are made only
    when hovered, so indexing a long article stays cheap."""

    def __init__(self, entities: Iterable[Entity] = (), terms: Iterable[Term] = ()) -> None:
        spans: list[tuple[int, int, Entity | Term]] = [(e.start, e.end, e) for e in entities]
        spans += [(s, e, t) for t in terms for s, e in t.spans]
        spans.sort(key=lambda span: (span[0], span[1]))
        self._spans = spans
        self._starts = [start for start, _, _ in spans]

    def labels_at(self, offset: int) -> list[str]:
        """Labels of every span covering ``offset``, outermost first, without repeats."""
        index = bisect_right(self._starts, offset)
        found: list[str] = []
        for start, end, item in self._spans[max(index - _LOOKBACK, 0) : index]:
            label = entity_label(item) if isinstance(item, Entity) else term_label(item)
            if start <= offset < end and label not in found:
                found.append(label)
        return found
