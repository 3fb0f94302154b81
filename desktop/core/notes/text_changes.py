"""Following a passage from an article's old text into its new text, word by word.

When the text a highlight was made on is known (an update keeps it as a version), aligning the
two texts is the surest way to find the passage again: a quote that occurs twice, a name
respelled throughout, a paragraph deleted before it — the alignment says which copy is the
passage and which words replaced its words. A search by quote and context can only guess
that. The alignment is a Levenshtein diff of word, space and punctuation tokens, after the
common start and end are set aside (an edit is usually local); texts whose changed middles are
too large to align are left to the search.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_CHUNK = re.compile(r"(?s).*?(?:[.!?]\s+|\n\s*|\Z)")
MAX_CELLS = 50_000_000
"""Pieces of the old text times pieces of the new beyond which two stretches are not aligned
piece by piece (they count as replaced as a whole)."""
Op = tuple[str, int, int, int, int]
SURE_CONTEXT = 16
"""Unchanged characters needed next to a passage (on one side at least) before its alignment
is trusted: a lone common word inside a rewritten sentence may align by chance."""

TWIN_REACH = 200
"""Characters either side of a passage that must not be repeated for its alignment to be sure."""

SAME = "same"
TWIN = "twin"
EDITED = "edited"
ROUGH = "rough"
DELETED = "deleted"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Followed:
    """Where a passage of the old text is in the new text.

    ``kind``: ``same`` (every token unchanged, with unchanged text around it: certain),
    ``twin`` (the same, but the new text has another copy of it and its surroundings, so the
    alignment's choice between them is a guess), ``edited`` (some of its tokens changed; both
    edges found exactly), ``rough`` (an edge lies inside a changed stretch, so ``start`` and
    ``end`` are only near it), ``deleted`` (all its tokens were removed) or ``unknown`` (no
    alignment). ``start`` is a good search hint in every case. ``anchored``: unchanged text
    of some length sits right before or after it (else an alignment is only a guess).
    """

    kind: str
    start: int
    end: int
    anchored: bool = False


def _tokens(text: str) -> tuple[list[str], list[int]]:
    words, starts = [], []
    for match in _TOKEN.finditer(text):
        words.append(match.group())
        starts.append(match.start())
    starts.append(len(text))
    return words, starts


class TextChanges:
    """The alignment of an old text (whose content hash is ``old_digest``) with a new one,
    computed once per article update."""

    def __init__(self, old: str, new: str, old_digest: str = "") -> None:
        self.old, self.new, self.old_digest = old, new, old_digest
        self._a, self._a_at = _tokens(old)
        self._b, self._b_at = _tokens(new)
        self._ops = self._align()
        self._op_starts = [op[1] for op in self._ops]

    def _align(self) -> list[Op]:
        """Sentences and lines first, then the tokens of the stretches that changed: a long
        article costs little more than its edits."""
        from rapidfuzz.distance import Indel

        a_chunks, b_chunks = _chunks(self.old), _chunks(self.new)
        a_strings = [self.old[s:e] for s, e in a_chunks]
        b_strings = [self.new[s:e] for s, e in b_chunks]
        a_first = [bisect_left(self._a_at, s) for s, _ in a_chunks] + [len(self._a)]
        b_first = [bisect_left(self._b_at, s) for s, _ in b_chunks] + [len(self._b)]
        ops: list[Op] = []
        for tag, i1, i2, j1, j2 in _merged(_opcodes(Indel, a_strings, b_strings)):
            ta1, ta2, tb1, tb2 = a_first[i1], a_first[i2], b_first[j1], b_first[j2]
            if tag != "replace":
                ops.append((tag, ta1, ta2, tb1, tb2))
                continue
            finer = _opcodes(Indel, self._a[ta1:ta2], self._b[tb1:tb2])
            ops += [(t, i + ta1, k + ta1, j + tb1, m + tb1) for t, i, k, j, m in finer]
        return _grouped(ops)

    def follow(self, start: int, end: int) -> Followed:
        """Where ``old[start:end]`` went."""
        if not self._ops or start >= end:
            return Followed(UNKNOWN, start, end)
        first = bisect_right(self._a_at, start) - 1
        last = bisect_right(self._a_at, end - 1) - 1
        first_index = bisect_right(self._op_starts, first) - 1
        last_index = bisect_right(self._op_starts, last) - 1
        first_op, last_op = self._ops[first_index], self._ops[last_index]
        anchored = self._anchored(first_index, last_index, start, end)
        if first_op is last_op and first_op[0] == "equal":
            new_start = self._inside(first_op, first, start)
            new_end = self._inside(first_op, last, end - 1) + 1
            if not anchored:
                return Followed(EDITED, new_start, new_end, anchored)
            kind = SAME if self._unique(first_op, start, end) else TWIN
            return Followed(kind, new_start, new_end, anchored)
        covering = self._ops[first_index : last_index + 1]
        if all(op[0] == "delete" for op in covering):
            at = self._b_at[first_op[3]]
            return Followed(DELETED, at, at)
        rough = False
        if first_op[0] == "equal":
            new_start = self._inside(first_op, first, start)
        else:
            new_start = self._b_at[first_op[3]]
            rough = start != self._a_at[first_op[1]]
        if last_op[0] == "equal":
            new_end = self._inside(last_op, last, end - 1) + 1
        else:
            new_end = self._b_at[last_op[4]]
            rough = rough or end != self._a_at[last_op[2]]
        if new_end <= new_start:
            return Followed(ROUGH, new_start, new_start)
        return Followed(ROUGH if rough else EDITED, new_start, new_end, anchored)

    def _inside(self, op: Op, token: int, at: int) -> int:
        """The new offset of old offset ``at``, inside unchanged token ``token`` of ``op``."""
        return self._b_at[op[3] + token - op[1]] + at - self._a_at[token]

    def _unique(self, op: Op, start: int, end: int) -> bool:
        """Whether the unchanged run around a passage (up to ``TWIN_REACH`` characters either
        side) occurs once in the new text: a paragraph repeated next to itself aligns with
        either copy."""
        low = max(self._a_at[op[1]], start - TWIN_REACH)
        high = min(self._a_at[op[2]], end + TWIN_REACH)
        around = self.old[low:high]
        first = self.new.find(around)
        return self.new.find(around, first + 1) < 0

    def _anchored(self, first: int, last: int, start: int, end: int) -> bool:
        """Whether unchanged text reaches ``SURE_CONTEXT`` characters (or the text's edge)
        before or after a passage whose first and last tokens are in operations ``first`` and
        ``last``: a lone common word inside a rewritten sentence may align by chance."""
        ops = self._ops
        before_op = ops[first] if ops[first][0] == "equal" else ops[first - 1] if first else None
        if before_op is not None and before_op[0] == "equal":
            reach = min(start, self._a_at[before_op[2]]) - self._a_at[before_op[1]]
            if reach >= SURE_CONTEXT or (before_op[1] == 0 and before_op[3] == 0):
                return True
        after_op = ops[last] if ops[last][0] == "equal" else None
        if after_op is None and last + 1 < len(ops):
            after_op = ops[last + 1]
        if after_op is not None and after_op[0] == "equal":
            reach = self._a_at[after_op[2]] - max(end, self._a_at[after_op[1]])
            at_bottom = after_op[2] == len(self._a) and after_op[4] == len(self._b)
            if reach >= SURE_CONTEXT or at_bottom:
                return True
        return False


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentences and lines, each with the spaces after it: they end where a token ends."""
    return [m.span() for m in _CHUNK.finditer(text) if m.end() > m.start()]


def _opcodes(indel: Any, a: list[str], b: list[str]) -> list[Op]:
    """Insertions and deletions aligning ``a`` with ``b``; one replacement when too large."""
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    ops: list[Op] = [("equal", 0, head, 0, head)] if head else []
    if len(middle_a) * len(middle_b) > MAX_CELLS:
        ops.append(("replace", head, len(a) - tail, head, len(b) - tail))
    elif middle_a or middle_b:
        for tag, i1, i2, j1, j2 in indel.opcodes(middle_a, middle_b):
            ops.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


def _merged(ops: list[Op]) -> list[Op]:
    """Touching changes as one: an insertion next to a deletion is a replacement (the
    alignment allows only insertions and deletions, which keeps paragraphs aligned whole)."""
    merged: list[Op] = []
    for tag, i1, i2, j1, j2 in ops:
        last = merged[-1] if merged else None
        if last is not None and (last[0] == "equal") == (tag == "equal"):
            joined = "equal" if tag == "equal" else _change(last[1], i2, last[3], j2)
            merged[-1] = (joined, last[1], i2, last[3], j2)
        else:
            merged.append((tag if tag == "equal" else _change(i1, i2, j1, j2), i1, i2, j1, j2))
    return merged


def _grouped(ops: list[Op]) -> list[Op]:
    """The merged operations that cover old tokens (insertions hold no passage)."""
    return [op for op in _merged(ops) if op[1] < op[2]]


def _change(i1: int, i2: int, j1: int, j2: int) -> str:
    if i1 == i2:
        return "insert"
    return "delete" if j1 == j2 else "replace"
