"""Which split sentences are real sentences a summary may quote.

The splitter keeps every line of the stored text, so headings, sub-heads, table rows,
timestamps, captions' credits and prompts ("Sign up for the free daily newsletter.") are
"sentences" too. They stay in the text (offsets, highlights and notes index it), but a summary
made of them reads as broken: only a line that ends like a sentence, starts like one, is not
page furniture, does not repeat the headline, is not a title-cased label and does not close a
quote begun in another sentence is offered to the summarisers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from desktop.core.models import Sentence
from desktop.core.text.document_labels import NOTE_LABELS
from desktop.core.text.sentence_ends import SCRIPT_STOPS
from desktop.core.text.sentences import NOTE_BRACKETS, NOTE_CALLER, language_lines
from desktop.core.text.words import WORD

_ENDS = f".!?…{SCRIPT_STOPS}"
_CLOSING = "(?:\\s*[\"'”’‘»)\\]」』）])*$"
_NOTE_CALLED = (
    f"|(?<={NOTE_CALLER})[.!?…][\"'”’)]*(?:\\d{{1,3}}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$"
    f"|[.!?…][\"'”’)]*{NOTE_BRACKETS}$"
)
"""A sentence that calls a note after its stop, as a report's text does ("…across agents.14")
or an encyclopaedia's ("…in 2019.[1]")."""
TERMINATED = re.compile(f"[{_ENDS}]{_CLOSING}{_NOTE_CALLED}")
# A short line whose only lower-case words are function words is a heading or a label, even
# with a final "!" or "." ("More Reviews from KLOOK Visitors!"): nothing in it acts as a verb.
_LABEL_WORDS = 12
_LONGEST_WORD = 20
_CAPITALISED_SHARE = 0.6
# A sentence cut from a longer line without a final period needs this many words to stand alone.
_RUN_IN_WORDS = 8
# A line whose words are nearly all in the headline repeats it (a line this long at least).
_TITLE_SHARE = 0.8
_TITLE_MIN_WORDS = 3
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_NOTE = re.compile(r"(?:\d{1,3}|[*†‡§]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+) ?(?=[A-Z“\"])")
"""A paragraph that opens with a note's bare number or mark before its capitalised words, as
a PDF's footnotes do ("1 Ministry of Water, 2019.", "* I would like to thank…"): a source or
an acknowledgement, never what the article says. A count opens lower-case ("12 people
died"), a list's item with its number's period ("1. The council…")."""


_NOTES_LABEL = re.compile("^(?:" + "|".join(map(re.escape, NOTE_LABELS)) + ")$", re.MULTILINE)
"""The line an importer sets over a document's notes ("Footnotes", "Comments"): what follows
is its sources and its reviewers' remarks, never what it says."""


def real_sentences(
    text: str, sentences: Sequence[Sentence], language: str, title: str = ""
) -> list[bool]:
    """For each sentence of ``text``, whether a summary may use it."""
    cased = any(c.isupper() for s in sentences for c in s.text)
    rules = _Rules(
        _terminated(language),
        cased,
        furniture_pattern(language),
        _function_words(language) if cased else frozenset(),
        frozenset(WORD.findall(title.lower())),
    )
    labelled = _NOTES_LABEL.search(text)
    notes_from = labelled.start() if labelled else len(text)
    return [
        not in_note and s.start < notes_from and _real(text, s, rules)
        for s, in_note in zip(sentences, _in_notes(text, sentences), strict=True)
    ]


def _in_notes(text: str, sentences: Sequence[Sentence]) -> Iterator[bool]:
    """For each sentence, whether its line opens as a note does (``_NOTE``). Lines are found
    between one sentence and the next, so a text of one endless line costs one pass."""
    line_start, searched = 0, 0
    for sentence in sentences:
        newline = text.rfind("\n", searched, sentence.start)
        if newline >= 0:
            line_start = newline + 1
        searched = max(searched, sentence.start)
        yield _NOTE.match(text, line_start) is not None


def is_heading(text: str) -> bool:
    """No final punctuation and mostly capitalised words: a title, a sub-head or a label."""
    return not TERMINATED.search(text) and _title_cased(text)


@cache
def _terminated(language: str) -> re.Pattern[str]:
    """A sentence's end: any script's full stops and the language's own marks (Greek's
    question mark, ";")."""
    own = "".join(language_lines(language, "sentence_ends.txt"))
    return re.compile(f"[{re.escape(_ENDS + own)}]{_CLOSING}{_NOTE_CALLED}") if own else TERMINATED


@dataclass(frozen=True)
class _Rules:
    terminated: re.Pattern[str]
    cased: bool
    furniture: re.Pattern[str] | None
    function_words: frozenset[str]
    title_words: frozenset[str]


def _real(text: str, sentence: Sentence, rules: _Rules) -> bool:
    words = sentence.text
    if not rules.terminated.search(words) and not _run_in(text, sentence):
        return False
    first = _FIRST_LETTER.search(words)
    if first is None or (rules.cased and first.group().islower()):
        return False
    if rules.furniture is not None and rules.furniture.match(words):
        return False
    if rules.cased and _label(words, rules.function_words):
        return False
    return not _closes_unopened_quote(words) and not _repeats_title(words, rules.title_words)


def _run_in(text: str, sentence: Sentence) -> bool:
    """A statement without its period that runs on into more text on the same line, as a photo
    caption does in scraped news; a whole line without one is a heading or a broken line."""
    line_end = text.find("\n", sentence.end)
    rest = text[sentence.end : line_end if line_end != -1 else len(text)]
    return (
        bool(rest.strip())
        and len(sentence.text.split()) >= _RUN_IN_WORDS
        and not is_heading(sentence.text)
    )


def _title_cased(text: str) -> bool:
    tokens = text.split()
    return sum(t[0].isupper() for t in tokens) >= _CAPITALISED_SHARE * len(tokens)


def _label(text: str, function_words: frozenset[str]) -> bool:
    tokens = text.split()
    # A script written without spaces has no label shape to judge (Japanese, Chinese).
    if len(tokens) > _LABEL_WORDS or any(len(t) > _LONGEST_WORD for t in tokens):
        return False
    words = WORD.findall(text)
    return any(w[0].isupper() for w in words) and all(
        w.lower() in function_words for w in words if w[0].islower()
    )


def _closes_unopened_quote(text: str) -> bool:
    """The end of a quote begun in an earlier sentence (‘…from Arizona,” he said.’): the
    sentence is the tail of a longer one. A quote opened here and closed later is fine."""
    if text.count("”") > text.count("“"):
        return True
    straight = text.find('"')
    return text.count('"') % 2 == 1 and straight > 0 and not text[straight - 1].isspace()


def _repeats_title(text: str, title_words: frozenset[str]) -> bool:
    if not title_words:
        return False
    words = WORD.findall(text.lower())
    return (
        len(words) >= _TITLE_MIN_WORDS
        and len(words) <= len(title_words) + 2
        and sum(w in title_words for w in words) >= _TITLE_SHARE * len(words)
    )


@cache
def _function_words(language: str) -> frozenset[str]:
    return frozenset(language_lines(language, "function_words.txt"))


@cache
def furniture_pattern(language: str) -> re.Pattern[str] | None:
    """Page furniture that opens a line (``boilerplate.txt``): bylines, prompts, credits."""
    patterns = language_lines(language, "boilerplate.txt")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
