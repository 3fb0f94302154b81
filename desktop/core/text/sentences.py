"""Sentence splitting that needs no downloaded data.

nltk's Punkt does the work, but with parameters Dossier owns in ``resources/text/<language>/``
(abbreviations, words that start sentences) instead of a trained model from ``nltk_data``, so the
app runs offline and behaves the same everywhere. Line structure is decided before Punkt sees the
text: a paragraph break always ends a sentence and a heading line without a final period is a
sentence of its own. Offsets are Python string indexes: ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from desktop.core.models import Sentence
from desktop.core.resources import ResourceNotFound, resource_path

# Punkt's orthographic flags (nltk.tokenize.punkt): seen lower case mid-sentence, upper case at
# a sentence start. Giving them to sentence-starter words lets "U.S. The" break after "U.S.".
_ORTHO_BEG_UC = 1 << 1
_ORTHO_MID_LC = 1 << 4

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*\s*$""")
_LAST_WORD = re.compile(r"(\w+)\.$")
_WRAPPED_MIN_LINE = 40
_WRAPPED_MAX_LINE = 100


@dataclass(frozen=True)
class _Language:
    tokenizer: PunktSentenceTokenizer
    number_abbreviations: frozenset[str]


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """The sentences of ``text`` in order, each stripped of surrounding whitespace.

    A language without its own resources falls back to Punkt with no abbreviations, which still
    splits on sentence punctuation and line structure.
    """
    rules = _language(language)
    sentences: list[Sentence] = []
    for start, end in _units(text):
        spans = _merge_number_abbreviations(
            text, start, list(rules.tokenizer.span_tokenize(text[start:end])), rules
        )
        for s, e in spans:
            sentences.append(Sentence(start + s, start + e, text[start + s : start + e]))
    return sentences


def _units(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text that no sentence crosses: paragraphs, or their lines.

    A paragraph whose lines all look hard-wrapped (long, similar, the last may be short) stays
    one unit; otherwise every line is a unit, which keeps headings, bylines and captions apart.
    """
    paragraph: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line_start, line_end = match.start(), match.end()
        if line_start == line_end:
            break
        content = text[line_start:line_end].strip()
        if not content:
            yield from _paragraph_units(text, paragraph)
            paragraph = []
            continue
        paragraph.append(_stripped(text, line_start, line_end))
    yield from _paragraph_units(text, paragraph)


def _paragraph_units(text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    if not lines:
        return
    if _hard_wrapped(text, lines):
        yield lines[0][0], lines[-1][1]
    else:
        yield from lines


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if any(not _WRAPPED_MIN_LINE <= e - s <= _WRAPPED_MAX_LINE for s, e in body):
        return False
    # A wrapped line rarely ends a sentence; a list of short sentences one per line does.
    endings = sum(1 for s, e in body if _SENTENCE_END.search(text[s:e]))
    return endings * 2 < len(body)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge_number_abbreviations(
    text: str, offset: int, spans: list[tuple[int, int]], rules: _Language
) -> list[tuple[int, int]]:
    """Join "No." / "Vol." / "pp." to the number that follows ("No. 10 Downing Street")."""
    if not rules.number_abbreviations or len(spans) < 2:
        return spans
    merged = [spans[0]]
    for start, end in spans[1:]:
        prev_start, prev_end = merged[-1]
        last = _LAST_WORD.search(text, offset + prev_start, offset + prev_end)
        if (
            last
            and last.group(1).lower() in rules.number_abbreviations
            and text[offset + start].isdigit()
        ):
            merged[-1] = (prev_start, end)
        else:
            merged.append((start, end))
    return merged


@cache
def _language(language: str) -> _Language:
    params = PunktParameters()
    params.abbrev_types = set(_word_list(language, "abbreviations.txt"))
    starters = _word_list(language, "sentence_starters.txt")
    params.sent_starters = set(starters)
    for word in starters:
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return _Language(
        PunktSentenceTokenizer(params),
        frozenset(_word_list(language, "number_abbreviations.txt")),
    )


def _word_list(language: str, name: str) -> list[str]:
    """Lower-case entries of a resource list; none when the language ships no such list."""
    try:
        path = resource_path("text", language, name)
    except ResourceNotFound:
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.startswith("#")]
