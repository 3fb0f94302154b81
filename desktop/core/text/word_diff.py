"""What changed between two texts, word by word, as spans in the offsets of both.

``difflib.SequenceMatcher`` over all the words of a book-length article is quadratic in the
worst case, so the texts are compared in levels: paragraphs first, then sentences inside the
paragraphs that changed, then word tokens inside the sentences that changed. Unchanged
paragraphs cost one hash each; the word-level work is proportional to what was edited (a
rewritten passage too long to match word by word is shown as replaced whole). The
spans cover both texts end to end, in order, so applying them to the old text gives the new.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"
REPLACE = "replace"

# Where a text is cut at each level: after a paragraph break (with the blank lines after it,
# so a blank line is no segment of its own that matches everywhere), after a sentence end,
# and around every word, run of spaces and punctuation mark.
_PARAGRAPH_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
# Word-level matching costs up to the product of the two token counts: past this (two
# rewritten passages of ~1,400 words each, about 0.15 s) the passage is shown as replaced whole.
_MOST_TOKEN_PAIRS = 2_000_000


@dataclass(frozen=True)
class DiffSpan:
    """``old[a_start:a_end]`` became ``new[b_start:b_end]``; ``kind`` is ``equal``, ``insert``
    (nothing in the old text), ``delete`` (nothing in the new) or ``replace``."""

    kind: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def word_diff(old: str, new: str) -> list[DiffSpan]:
    """The word-level differences from ``old`` to ``new``, covering both texts in order."""
    spans = list(_diff(old, 0, len(old), new, 0, len(new), 0))
    return _merged(_joined_across_spaces(spans, old))


def apply_diff(old: str, new: str, spans: list[DiffSpan]) -> str:
    """``old`` rebuilt into the new text from ``spans`` (equal parts from ``old``): a check
    that the spans say everything, used by tests and by anyone checking a stored diff."""
    return "".join(
        old[s.a_start : s.a_end] if s.kind == EQUAL else new[s.b_start : s.b_end] for s in spans
    )


def map_to_old(spans: list[DiffSpan], start: int, end: int) -> tuple[int, int]:
    """A passage ``new[start:end]`` in the old text's offsets: through unchanged words exactly,
    and out to the edges of a changed part it begins or ends in (the closest the old text has)."""
    return _map(spans, start, end, new_side=True)


def map_to_new(spans: list[DiffSpan], start: int, end: int) -> tuple[int, int]:
    """A passage ``old[start:end]`` in the new text's offsets (see ``map_to_old``)."""
    return _map(spans, start, end, new_side=False)


def _map(spans: list[DiffSpan], start: int, end: int, *, new_side: bool) -> tuple[int, int]:
    def edges(s: DiffSpan) -> tuple[int, int, int, int]:
        if new_side:
            return s.b_start, s.b_end, s.a_start, s.a_end
        return s.a_start, s.a_end, s.b_start, s.b_end

    def place(at: int, *, is_end: bool) -> int:
        for s in spans:
            src_start, src_end, dst_start, dst_end = edges(s)
            inside = src_start <= at < src_end or (is_end and src_start < at <= src_end)
            if not inside:
                continue
            if s.kind == EQUAL:
                return dst_start + at - src_start
            return dst_end if is_end else dst_start
        return edges(spans[-1])[3] if spans else 0

    first = place(start, is_end=False)
    last = place(end, is_end=True) if end > start else first
    return first, max(first, last)


def _diff(old: str, a0: int, a1: int, new: str, b0: int, b1: int, level: int) -> Iterator[DiffSpan]:
    """Spans for ``old[a0:a1]`` against ``new[b0:b1]``, comparing segments of ``level``."""
    if a0 == a1 and b0 == b1:
        return
    if a0 == a1 or b0 == b1:
        yield DiffSpan(INSERT if a0 == a1 else DELETE, a0, a1, b0, b1)
        return
    a_cuts = _cuts(old, a0, a1, level)
    b_cuts = _cuts(new, b0, b1, level)
    if level == 2 and (len(a_cuts) - 1) * (len(b_cuts) - 1) > _MOST_TOKEN_PAIRS:
        yield DiffSpan(REPLACE, a0, a1, b0, b1)
        return
    a_parts = [old[x:y] for x, y in pairwise(a_cuts)]
    b_parts = [new[x:y] for x, y in pairwise(b_cuts)]
    matcher = SequenceMatcher(None, a_parts, b_parts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        x0, x1, y0, y1 = a_cuts[i1], a_cuts[i2], b_cuts[j1], b_cuts[j2]
        if tag == EQUAL:
            yield DiffSpan(EQUAL, x0, x1, y0, y1)
        elif tag == REPLACE and level < 2:
            yield from _diff(old, x0, x1, new, y0, y1, level + 1)
        else:
            yield DiffSpan(tag, x0, x1, y0, y1)


def _cuts(text: str, start: int, end: int, level: int) -> list[int]:
    """Offsets cutting ``text[start:end]`` into the segments of ``level``, both ends included."""
    if level == 2:
        return [start, *(m.end() for m in _TOKEN.finditer(text, start, end))]
    pattern = _PARAGRAPH_END if level == 0 else _SENTENCE_END
    return [start, *(m.end() for m in pattern.finditer(text, start, end) if m.end() < end), end]


def _joined_across_spaces(spans: list[DiffSpan], old: str) -> list[DiffSpan]:
    """Changes separated only by one unchanged run of spaces read as one change
    (``[-the cat-]{+a dog+}``, not ``[-the-]{+a+} [-cat-]{+dog+}``)."""
    joined: list[DiffSpan] = []
    for span in spans:
        if (
            len(joined) >= 2
            and span.kind != EQUAL
            and joined[-2].kind != EQUAL
            and joined[-1].kind == EQUAL
            and _is_line_space(old[joined[-1].a_start : joined[-1].a_end])
        ):
            space = joined.pop()
            joined[-1] = DiffSpan(
                REPLACE, joined[-1].a_start, space.a_end, joined[-1].b_start, space.b_end
            )
        joined.append(span)
    return joined


def _is_line_space(text: str) -> bool:
    return text.isspace() and "\n" not in text


def _merged(spans: list[DiffSpan]) -> list[DiffSpan]:
    """Neighbouring spans of one kind (equal, or any change) as one span, kinds made exact."""
    merged: list[DiffSpan] = []
    for span in spans:
        if merged and (merged[-1].kind == EQUAL) == (span.kind == EQUAL):
            last = merged[-1]
            span = DiffSpan(span.kind, last.a_start, span.a_end, last.b_start, span.b_end)
            merged.pop()
        if span.kind != EQUAL:
            span = DiffSpan(_kind(span), span.a_start, span.a_end, span.b_start, span.b_end)
        merged.append(span)
    return merged


def _kind(span: DiffSpan) -> str:
    if span.a_start == span.a_end:
        return INSERT
    return DELETE if span.b_start == span.b_end else REPLACE
