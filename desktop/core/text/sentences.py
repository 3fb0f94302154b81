"""Sentence splitting that needs no downloaded data.

nltk's Punkt does the work, but with parameters Dossier owns in ``resources/text/<language>/``
(abbreviations, words that start sentences) instead of a trained model from ``nltk_data``, so the
app runs offline and behaves the same everywhere. Line structure is decided before Punkt sees the
text: a paragraph break always ends a sentence and a heading line without a final period is a
sentence of its own. Punkt's cuts are then corrected for news copy: a name or title keeps its
"!", its title-cased words and its initials ("E! News", "In God We Trust", "Sens. Cory Booker"),
a quote ending in "!" or "?" goes on with its speech verb, and paragraphs glued together by the
source ("Wednesday.The stabbing") come apart. Offsets are Python string indexes:
``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from desktop.core.models import Sentence
from desktop.core.resources import ResourceNotFound, resource_path
from desktop.core.text.sentence_ends import SCRIPT_STOPS
from desktop.core.text.word_classes import describes_next, may_end_noun_phrase, takes_object

# Punkt's orthographic flags (nltk.tokenize.punkt): seen lower case mid-sentence, upper case at
# a sentence start. Giving them to sentence-starter words lets "U.S. The" break after "U.S.".
_ORTHO_BEG_UC = 1 << 1
_ORTHO_MID_LC = 1 << 4

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_SCRIPT_STOP = re.compile(f"[{SCRIPT_STOPS}]+([\"'”’»)\\]」』）]*)")
_HIRAGANA = re.compile("[\u3041-\u309f]")
_CORNER_BRACKET = re.compile("[「『」』]")
# A list item's bullet ("- ", "• ") is layout, not the first word of its sentence.
_BULLET = re.compile(r"[-*+•◦▪‣–—]\s+(?=\S)")
# A reply's quote marks ("> ", ">> ", "> > ") are layout too; a line of marks alone parts the
# quoted paragraphs as a blank line parts others.
_QUOTE_MARKS = re.compile(r">[> ]*")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*\s*$""")
_LAST_WORD = re.compile(r"(\w+)\.$")
# A sentence Punkt ended at "!" or "?": the word before it and any closing quote after.
_EXCLAIMED = re.compile(r"(?<!\S)(\w+)([!?]+)([’”\"')\]]*)$")
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")
_ORDINAL_END = re.compile(r"(?<![\d.,:/])(?:\d{1,2}\.)?\d{1,3}\.\)?$")
# A period glued to the capitalised word after it ("Wednesday.The stabbing", "hospital.“It").
_GLUED = re.compile(r"(?<=[a-zß-ÿ0-9%])([.!?][’”\"')\]]*)(?=[“‘\"']?[A-Z][a-zß-ÿ])")
_LAST_ALPHA = re.compile(r"[^\W\d_]+$")
_GLUED_NUMBER = re.compile(r"[$€£]?\d[\d,.]*%?")
NOTE_CALLER = "[a-zß-ÿа-яё]{3}"
"""What stands before the stop of a sentence that calls a note."""
NOTE_BRACKETS = r"(?:\[(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|[a-z]{1,2}|[a-z ]{1,30} needed)\])+"
"""The notes a sentence calls after its stop, as an encyclopaedia's page writes them:
"[1]", "[2][3]", "[4–6]", "[a]", "[citation needed]"."""
_LEADING_NOTES = re.compile(NOTE_BRACKETS)
_STOPPED = re.compile(r"[.!?…][\"'”’)]*$")
_GLUED_NOT_PROSE = re.compile(r"/|@|www\.|\.\w*\.", re.IGNORECASE)
_NOTE_CALL = re.compile(
    rf"(?<={NOTE_CALLER})[.!?][’”\"')\]]*(?:\d{{1,3}}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\s+[“‘\"']?[A-Z][a-zß-ÿ])"
)
"""A sentence's stop and the number of the note it calls, before the next sentence: a
report's "…across agents.14 The first is…", read out of a PDF. The word before the stop ends
in three lower-case letters: "world No.16" and "pp.14" cite a rank and a page."""
# A number, its period and a lower-case word: Punkt reads an ordinal ("am 3. Mai"), which is
# right only where ordinals are written with a period.
_DIGIT_PERIOD_LOWER = re.compile(r"\d\.\s+(?=[a-zß-ÿ])")
_NUMBER = re.compile(r"-?[.,]?\d[\d,.-]*")
_PERIOD_ORDINALS = frozenset(
    [
        "cs",
        "da",
        "de",
        "et",
        "fi",
        "hr",
        "hu",
        "is",
        "lt",
        "lv",
        "nb",
        "nn",
        "no",
        "pl",
        "sk",
        "sl",
        "sr",
        "tr",
    ]
)  # languages that write "3." for "3rd"
_WRAPPED_MIN_LINE = 40
_WRAPPED_MAX_LINE = 100


# Before a run-on break: a lower-case letter, a digit, or a closing quote or bracket.
_RUN_ON_BEFORE = re.compile(r"[a-zß-ÿ0-9’”\"')\]]")
"""What a glued sentence start follows: a lower-case word, a digit, a closing quote or bracket."""
# A caption label's colon: "Skilful: The kite weighs..." (a capital letter follows).
_LABEL_COLON = re.compile(r"(?<=\w):\s+(?=[A-Z])")
_LABEL_WORDS = 4
_NON_SPACE_AT_END = re.compile(r"\S+$")
_LONGEST_TOKEN = 100
_CLOSING = "’”\"')]"
_ADDRESS = re.compile(r"https?:|www\.")
_QUOTE_CLOSING = "’”\"'»«“›‹ "  # a quote's closing mark in any language, and a space before it
_OPENING = "“‘\"'("
_NON_SPACE = re.compile(r"\S+")
_RUN_ON_END = re.compile(r"[a-zß-ÿ0-9’”\"')\]]$")
# A "sentence" this long in cased text is usually a caption run into the story; it is cut where
# a name the article also opens a sentence with follows a lower-case word ("...on Friday night
# Pama, a married father..."), leaving pieces of at least ``_RUN_ON_PIECE`` words.
_RUN_ON_WORDS = 40
_STAMP = re.compile(r"([^|\n]{0,40}?\d[^|\n]{0,40}?) \| (?=\W*[^\W\d_a-z])")
"""A sentence's opening before a bar, with a digit in it, and a capital after the bar: a
time or a date stamped on the story's first line; it is one when it holds no word of prose
(``_PROSE_WORD``)."""
_PROSE_WORD = re.compile(r"(?<![\w.])[a-z]{3,}(?![\w.])")  # "pm", "on" and names are none
_CODE_MARKS = re.compile(r"[{}=;<>#|\\]|//|\(\)")
_RUN_ON_LINE_WORDS = 3  # lines that run on into the next are a clause, not a lone name
_RUN_ON_PIECE = 8
_YEAR = re.compile(r"\d{4}s?")
_PRONOUN_I = re.compile(r"I['’]")


class _LanguageVars(PunktLanguageVars):
    """Punkt's own patterns compiled with the standard ``re``.

    nltk runs every pattern through its time-limited ``regex`` wrapper, which made splitting
    most of a summary's cost; these fixed patterns are linear, so the guard buys nothing here.
    """

    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def __init__(self) -> None:
        parts = {
            "NonWord": self._re_non_word_chars,
            "MultiChar": self._re_multi_char_punct,
            "WordStart": self._re_word_start,
            "SentEndChars": self._re_sent_end_chars,
        }
        flags = re.UNICODE | re.VERBOSE
        self._words = re.compile(self._word_tokenize_fmt % parts, flags)
        self._period_context = re.compile(self._period_context_fmt % parts, flags)

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return self._words

    def period_context_re(self) -> re.Pattern[str]:
        return self._period_context


class _Token(PunktToken):
    """Punkt's token with its fixed patterns on the standard ``re`` (see ``_LanguageVars``)."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")


class _Tokenizer(PunktSentenceTokenizer):
    """Punkt that also treats dotted initialisms it was not told about ("B.B.") as abbreviations;
    whether one ends a sentence is then decided by the word after it, as for "U.S."."""

    _DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")

    def _first_pass_annotation(self, aug_tok):
        super()._first_pass_annotation(aug_tok)
        if aug_tok.sentbreak and self._DOTTED.fullmatch(aug_tok.type_no_period):
            aug_tok.sentbreak = False
            aug_tok.abbr = True


@dataclass(frozen=True)
class _Language:
    tokenizer: PunktSentenceTokenizer
    abbreviations: frozenset[str]
    number_abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    question_words: frozenset[str]
    furniture: re.Pattern[str] | None
    furniture_words: tuple[str, ...]  # each phrase's first word, lower-cased
    run_on_starters: re.Pattern[str] | None
    open_words: frozenset[str]  # words no sentence ends on: a run-on starter after one goes on
    starters: re.Pattern[str] | None
    title_preceders: frozenset[str]
    calendar: frozenset[str]
    subject_followers: frozenset[str]
    subject_endings: tuple[str, ...]
    period_ordinals: bool
    word_classes: bool  # whether word_classes (English) tells nouns from verbs
    own_stops: re.Pattern[str] | None  # marks that end a sentence in this language alone


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """The sentences of ``text`` in order, each stripped of surrounding whitespace.

    A language without its own resources falls back to Punkt with no abbreviations, which still
    splits on sentence punctuation and line structure; the cuts of captions run into the story
    without a period need the language's words that come before names (``title_preceders``),
    and without them stay off: in German every noun is capitalised, and "wie Wasser für
    Delphine: Ohne …" read as a caption before a label.
    """
    rules = _language(language)
    sentences: list[Sentence] = []
    for start, end in _units(text):
        spans = _merge_continued(
            text, start, list(rules.tokenizer.span_tokenize(text[start:end])), rules
        )
        cuts = _run_on_cuts(text, start, end, rules)
        for s, e in spans:
            for a, b in _pieces(text, start + s, start + e, cuts, rules):
                sentences.append(Sentence(a, b, text[a:b]))
    sentences = _notes_to_their_sentence(text, sentences)
    return _split_long_runs(sentences, rules) if rules.title_preceders else sentences


def _notes_to_their_sentence(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The notes a sentence calls after its stop ("…in 2019.[1] Engineers …") moved from the
    start of the next sentence, where Punkt cuts, to the end of the sentence that calls them,
    within a paragraph; notes alone ("[citation needed]") join it whole."""
    out: list[Sentence] = []
    for sentence in sentences:
        notes = _LEADING_NOTES.match(sentence.text)
        before = out[-1] if out else None
        if (
            notes is None
            or before is None
            or not _STOPPED.search(before.text)
            or "\n" in text[before.end : sentence.start]
        ):
            out.append(sentence)
            continue
        end = sentence.start + notes.end()
        out[-1] = Sentence(before.start, end, text[before.start : end])
        rest = end + len(text[end : sentence.end]) - len(text[end : sentence.end].lstrip())
        if rest < sentence.end:
            out.append(Sentence(rest, sentence.end, text[rest : sentence.end]))
    return out


def _split_long_runs(sentences: list[Sentence], rules: _Language) -> list[Sentence]:
    """Cut over-long sentences where a name the article opens other sentences with follows a
    lower-case word or a day or month, or its title glued to one ("derby Head coach John
    Carver said"), as when a caption without a period runs into the story."""
    openers = {s.text.split(None, 1)[0].rstrip(",") for s in sentences}
    result: list[Sentence] = []
    for sentence in sentences:
        if len(sentence.text.split()) < _RUN_ON_WORDS:  # as many words as _NON_SPACE finds
            result.append(sentence)
            continue
        words = list(_NON_SPACE.finditer(sentence.text))
        start = 0
        for i in range(_RUN_ON_PIECE, len(words) - _RUN_ON_PIECE):
            word, before = words[i].group(), words[i - 1].group()
            if not (
                i - start >= _RUN_ON_PIECE
                and word[0].isupper()
                and not word.isupper()
                and word.rstrip(",") in openers
                and not _PRONOUN_I.match(word)  # "the jobs I've held"
                and word.rstrip(".").lower() not in rules.abbreviations
                and _name_then_lower_case(words, i + 1)
            ):
                continue
            if before in rules.calendar or (
                _glued_sentence_start(before, rules.title_preceders)
                and _caption_end(words, i - 1, rules)
                and _subject(words, i, rules)
            ):
                at = i
            elif (
                _titled(words, i, rules)
                and _caption_end(words, i - 3, rules)
                and _subject(words, i, rules)
            ):
                at = i - 2  # the sentence opens with the name's title: "Head coach John …"
            else:
                continue
            if at - start >= _RUN_ON_PIECE:
                result.append(_piece(sentence, words[start].start(), words[at - 1].end()))
                start = at
        result.append(_piece(sentence, words[start].start(), words[-1].end()))
    return result


def _caption_end(words: list[re.Match[str]], j: int, rules: _Language) -> bool:
    """Whether the word at ``j`` can close a caption that ran on into the story: not a word
    after which the sentence goes on (an adjective, a verb, a preposition: "its popular
    Magellan", "how Obama seemed", "through Apple's"), and a number only as a year or an age
    ("in the 1990s", "Carrion-Moore, 23"), not a count before a noun ("welcomed 2,200 Leeds
    fans", "Gemini 3 Flash")."""
    token = words[j].group()
    if token[0].isdigit():
        return bool(_YEAR.fullmatch(token)) or (j > 0 and words[j - 1].group().endswith(","))
    if token[-2:].lower() in ("'s", "’s"):
        return False  # a possessive's noun follows: "a role in next year’s GI Joe: Retaliation"
    if rules.word_classes and token[0].islower() and token[-1].isalnum():
        return may_end_noun_phrase(token.lower())
    return True


def _titled(words: list[re.Match[str]], i: int, rules: _Language) -> bool:
    """Whether the name at ``i`` follows its title, a capitalised word and a role, glued to a
    lower-case word ("...in the Tyne-Wear derby Head coach John Carver said...")."""
    if i < 3:
        return False
    role, title, before = (words[i - k].group() for k in (1, 2, 3))
    return (
        role.islower()
        and role in rules.title_preceders
        and title[0].isupper()
        and not title.isupper()
        and _glued_sentence_start(before, rules.title_preceders)
    )


def _subject(words: list[re.Match[str]], i: int, rules: _Language) -> bool:
    """Whether the name at ``i`` (one or two words) reads as a sentence's subject: an aside, or
    a verb-like word after it ("Pama, a father", "Adebayor sees"), unlike a
    name inside a long lead ("...moon Titan including...", "...press office Twitter account",
    "...investigating WeWork, according to...")."""
    if words[i].group().endswith(","):
        # An aside follows ("Pama, a father of three,"), not a clause ("WeWork, according").
        return i + 1 < len(words) and not words[i + 1].group().endswith("ing")
    after = i + 1
    if after < len(words) and words[after].group()[:1].isupper():
        after += 1  # a two-word name: "Joey Essex was"
    if after >= len(words):
        return False
    word = words[after].group().lower()
    return word in rules.subject_followers or word.endswith(rules.subject_endings)


def _name_then_lower_case(words: list[re.Match[str]], i: int) -> bool:
    """Whether a lower-case word follows at ``i``, or after one more capitalised name word."""
    following = words[i].group()
    if following[0].islower():
        return True
    return following[0].isupper() and i + 1 < len(words) and words[i + 1].group()[0].islower()


def _piece(sentence: Sentence, start: int, end: int) -> Sentence:
    return Sentence(sentence.start + start, sentence.start + end, sentence.text[start:end])


def _run_on_cuts(text: str, start: int, end: int, rules: _Language) -> list[int]:
    """Where scraped news runs page furniture or a caption into the next sentence without
    punctuation ("Scroll down for video Crowds gathered...", "...eyes shut The Spanish..."), or
    glues two paragraphs together ("...on Wednesday.The stabbing..."); a sentence starter after
    a verb in the present opens its object ("we offer The Perks"), not a sentence."""
    cuts = set(_glued_cuts(text, start, end, rules.abbreviations))
    cuts.update(_note_call_cuts(text, start, end, rules.abbreviations))
    cuts.update(_script_stop_cuts(text, start, end))
    if rules.own_stops is not None:
        cuts.update(m.end() for m in rules.own_stops.finditer(text, start, end))
    if not rules.period_ordinals:
        cuts.update(_number_end_cuts(text, start, end, rules))
    if rules.furniture is not None and _mentions(text[start:end], rules.furniture_words):
        cuts.update(m.end() for m in rules.furniture.finditer(text, start, end))
    if rules.run_on_starters is not None:
        cuts.update(
            space
            for space, word in _spaces_before(rules.run_on_starters, text, start, end)
            if _word_before(text, start, space).lower() not in rules.open_words
            and not _in_name(text, start, space, word, rules.sentence_starters)
        )
    if rules.starters is not None:
        for space, word in _spaces_before(rules.starters, text, start, end):
            before = _word_before(text, start, space)
            if (
                before
                and _glued_sentence_start(before, rules.title_preceders)
                and not (rules.word_classes and _names_next(text, start, space, before))
                and not _in_name(text, start, space, word, rules.sentence_starters)
            ):
                cuts.add(space)
    return sorted(cuts)


def _script_stop_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Ends of sentences at the full stops of scripts Punkt does not know (``SCRIPT_STOPS``),
    with the quotes they close; not inside a quote in corner brackets (「…です。これ以上…」と
    回答した), nor at one the sentence goes on after (「やめろ！」と叫んだ: hiragana follows)."""
    depth, counted = 0, start  # corner brackets opened and not closed before ``counted``
    for m in _SCRIPT_STOP.finditer(text, start, end):
        if m.group(1) and _HIRAGANA.match(text, m.end(), end):
            continue
        for mark in _CORNER_BRACKET.findall(text, counted, m.end()):
            depth += 1 if mark in "「『" else -1
        counted = m.end()
        if depth <= 0:
            yield m.end()


def _names_next(text: str, start: int, space: int, before: str) -> bool:
    """Whether the word ``before`` a starter makes the starter the first word of what it
    governs or describes: a verb's object ("we offer The Perks"), or the title an adjective
    after a determiner describes ("the upcoming The Hobbit")."""
    lower = before.lower()
    if takes_object(lower):
        return True
    at = space - len(before)
    while at > start and text[at - 1].isspace():
        at -= 1
    previous = _word_before(text, start, at)
    return bool(previous) and describes_next(previous.lower(), lower)


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text`` whatever its case: the furniture pattern,
    tried at every position, is run only on text that may hold one of its phrases."""
    lowered = text.lower()
    return any(word in lowered for word in words)


def _spaces_before(
    words: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[tuple[int, int]]:
    """``(space, word)`` for each of ``words`` that follows spaces after a lower-case word, a
    digit or a closing quote or bracket: where the spaces begin and where the word does. The
    words are rare, so finding them and looking back is far quicker than trying every space."""
    for found in words.finditer(text, start, end):
        space = word = found.start()
        while space > start and text[space - 1].isspace():
            space -= 1
        if 0 < space < word and _RUN_ON_BEFORE.match(text, space - 1):
            yield space, word


def _number_end_cuts(text: str, start: int, end: int, rules: _Language) -> Iterator[int]:
    """Sentence starts after a number that ends a clause ("signed in 2006. successive managers",
    as lower-cased copy reads); a number first in its sentence or after a colon or an
    abbreviation ("No. 5. see"), or one that follows its predecessor ("1. cut taxes 2. raise
    pay") is a list marker or a reference, not a clause's end."""
    for m in _DIGIT_PERIOD_LOWER.finditer(text, start, end):
        number_start = m.start()
        while number_start > start and not text[number_start - 1].isspace():
            number_start -= 1
        number = text[number_start : m.start() + 1]
        if number_start == start or not _NUMBER.fullmatch(number):
            continue
        before = _word_before(text, start, number_start - 1)
        if not before or before[-1] in ".!?:;" or before.lower() in rules.number_abbreviations:
            continue
        if number.isdigit() and re.search(
            rf"(?<!\S){int(number) - 1}\.\s", text[start:number_start]
        ):
            continue
        yield m.end()


def _word_before(text: str, start: int, position: int) -> str:
    before = _NON_SPACE_AT_END.search(text, max(start, position - _LONGEST_TOKEN), position)
    return before.group() if before else ""


def _in_name(text: str, start: int, space: int, word_start: int, starters: frozenset[str]) -> bool:
    """Whether the capitalised starter at ``word_start`` is inside a title-cased name: between
    two capitalised words ("In God We Trust"), before another capitalised starter, which never
    follows it in a sentence ("founded The We Company"), before nothing but capitalised words
    ("equity giant The Carlyle Group."), or before two of them ("avoid 7 On Your Side's
    camera")."""
    after = _NON_SPACE.findall(text, word_start, word_start + 4 * _LONGEST_TOKEN)[1:4]
    if not any(w.lstrip(_OPENING)[:1].islower() for w in after):
        return True
    if not _starts_upper(after[0]):
        return False
    if len(after) > 1 and _starts_upper(after[1]):
        return True
    return (
        _starts_upper(_word_before(text, start, space))
        or after[0].strip(_CLOSING + ".,;:").lower() in starters
    )


def _starts_upper(word: str) -> bool:
    return word.lstrip(_OPENING)[:1].isupper()


def _glued_cuts(text: str, start: int, end: int, abbreviations: frozenset[str]) -> Iterator[int]:
    """Starts of sentences glued to a period: a lower-case word of two letters or more, not an
    abbreviation, or a number ("rose 3.5%.Analysts"), then the period and a capitalised word,
    outside URLs and dotted names."""
    for m in _GLUED.finditer(text, start, end):
        token_start = m.start()
        while token_start > start and not text[token_start - 1].isspace():
            token_start -= 1
        if _GLUED_NOT_PROSE.search(text, token_start, m.end()):
            continue
        word = _LAST_ALPHA.search(text, token_start, m.start())
        if (
            word and len(word.group()) >= 2 and word.group().lower() not in abbreviations
        ) or _GLUED_NUMBER.fullmatch(text, token_start, m.start()):
            yield m.end()


def _note_call_cuts(
    text: str, start: int, end: int, abbreviations: frozenset[str]
) -> Iterator[int]:
    """Ends of sentences that call a note: after the note's number, unless the word before
    the stop is an abbreviation ("pp.14 The" cites a page)."""
    for m in _NOTE_CALL.finditer(text, start, end):
        word = _LAST_ALPHA.search(text, start, m.start())
        if word is None or word.group().lower() not in abbreviations:
            yield m.end()


def _pieces(
    text: str, start: int, end: int, cuts: list[int], rules: _Language
) -> list[tuple[int, int]]:
    """A Punkt sentence cut at the run-on points inside it and before caption labels."""
    inside = set(cuts[bisect_right(cuts, start) : bisect_left(cuts, end)])
    if rules.title_preceders and text.find(":", start, end) != -1:
        inside.update(_caption_label_starts(text, start, end, rules))
    if (stamp := _STAMP.match(text, start, end)) and not _PROSE_WORD.search(stamp[1]):
        inside.add(stamp.end())  # "01:06 PM ET 11.12 | On Sunday, …": the stamp apart
    pieces = []
    for cut in sorted(c for c in inside if start < c < end):
        pieces.append(_stripped(text, start, cut))
        start = cut
    pieces.append(_stripped(text, start, end))
    return [(a, b) for a, b in pieces if a < b]


def _units(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text that no sentence crosses: paragraphs, or their lines, joined where a
    sentence runs on from one to the next (see :func:`_runs_on`)."""
    pending: tuple[int, int] | None = None
    last, words = (0, 0), 0  # the last line joined, and the words joined so far
    for unit in _line_units(text):
        count = len(text[unit[0] : unit[1]].split())
        if pending is not None and words >= _RUN_ON_LINE_WORDS and _runs_on(text, last, unit):
            pending, words = (pending[0], unit[1]), words + count
        else:
            if pending is not None:
                yield pending
            pending, words = unit, count
        last = unit
    if pending is not None:
        yield pending


def _runs_on(text: str, unit: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether the sentence ending ``unit`` goes on in ``following``: a page broke it where a
    link or a line break sat ("Visit Boy Mama to see | how to create the textures | on this
    corn craft."). The unit ends in a lower-case word or a comma, the next opens with a
    lower-case word, and neither is a list item: a bullet, or a line that opens with a number
    ("1 egg, lightly beaten | salt and pepper"); nor are they lines of code ("# Step 1: Read
    document | content = read(document)")."""
    last = _NON_SPACE_AT_END.search(text, unit[0], unit[1])
    first = _NON_SPACE.match(text, following[0])
    if last is None or first is None:
        return False
    before, after = last.group(), first.group()
    return (
        before.removesuffix(",").isalpha()
        and (before.islower() or before.endswith(","))
        and after.isalpha()
        and after[0].islower()
        and not text[unit[0]].isdigit()
        and not _list_item(text, unit[0])
        and not _list_item(text, following[0])
        and not _CODE_MARKS.search(text, unit[0], following[1])
    )


def _list_item(text: str, start: int) -> bool:
    """Whether the unit at ``start`` is a list item: its line had a bullet, stripped."""
    return bool(text[text.rfind("\n", 0, start) + 1 : start].strip())


def _line_units(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs, or their lines: a paragraph whose lines all look hard-wrapped (long,
    similar, the last may be short) stays one unit; otherwise every line is a unit, which keeps
    headings, bylines and captions apart."""
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
        start, end = _stripped(text, line_start, line_end)
        marks = _QUOTE_MARKS.match(text, start, end)
        if marks and marks.end() == end:
            yield from _paragraph_units(text, paragraph)
            paragraph = []
            continue
        start = marks.end() if marks else start
        bullet = _BULLET.match(text, start, end)
        paragraph.append((bullet.end() if bullet else start, end))
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


def _glued_sentence_start(before: str, title_preceders: frozenset[str]) -> bool:
    """Whether a capitalised sentence starter after the token ``before`` begins a sentence that
    lost its period: after a lower-case word that does not introduce names or titles, a number,
    or a closing quote or bracket that is not a possessive ("the Exiles’ No 10 shirt"). After
    a possessive ("1973’s The Captain and Me"), a comma or a mark glued to a word, a name or a
    title goes on."""
    if before[-2:].lower() in ("'s", "’s") or before[-1] in ",;:":
        return False  # a comma's clause goes on: "in 2011, Sixt is"
    if "(" in before[1:]:
        return False  # a mark glued to a name goes on with it: "Harmony(R) One remote"
    if before[0].isdigit() or (before[0].islower() and before[-1].isalnum()):
        return before.lower() not in title_preceders
    if before[-1] in _CLOSING and len(before) > 1:
        return before[-2] not in ".!?,;:sS"
    return False


def _caption_label_starts(text: str, start: int, end: int, rules: _Language) -> Iterator[int]:
    """Starts of short "Label:" runs glued to a previous caption without punctuation.

    The label begins at the last capitalised word among the few before the colon, taken back
    over capitalised words before it ("Joy Smith:"); if that reaches the sentence start there
    is nothing to split ("The Great Escape: ..."), nor when a caption's few words come before
    it: a heading is ("Group 2 Clematis:", "The rise of generative AI:"). A label has at most
    one lower-case word ("Fighter ace:"), and the word before it is a lower-case word that
    does not introduce a name ("in rebooted Star Trek film series: Noah Hawley..." is one
    sentence) and can close a caption (not "its popular Cincinnati spots:").
    """
    for colon in _LABEL_COLON.finditer(text, start, end):
        words = list(_NON_SPACE.finditer(text, start, colon.start()))
        capitals = [
            i for i in range(max(0, len(words) - _LABEL_WORDS), len(words)) if _capital(words[i])
        ]
        if not capitals:
            continue
        first = capitals[-1]
        while first > 0 and _capital(words[first - 1]):
            first -= 1
        before = words[first - 1].group() if first > 0 else ""
        lower = sum(not _capital(w) for w in words[first:])
        if (
            lower <= 1
            and first >= _RUN_ON_PIECE
            and _RUN_ON_END.search(before)
            and (before[0].islower() or before[0].isdigit())
            and before.lower() not in rules.title_preceders
            and _caption_end(words, first - 1, rules)
        ):
            yield words[first].start()


def _capital(word: re.Match[str]) -> bool:
    return word.group()[0].isupper()


def _merge_continued(
    text: str, offset: int, spans: list[tuple[int, int]], rules: _Language
) -> list[tuple[int, int]]:
    """Join Punkt sentences that go on in the next: "No. 10", "“Stop!” he said", "E! News"."""
    if len(spans) < 2:
        return spans
    cased = any(c.isupper() for c in text[offset + spans[0][0] : offset + spans[-1][1]])
    merged = [spans[0]]
    for start, end in spans[1:]:
        prev_start, prev_end = merged[-1]
        if _continues(text, offset + prev_start, offset + prev_end, offset + start, rules, cased):
            merged[-1] = (prev_start, end)
        else:
            merged.append((start, end))
    return merged


def _continues(
    text: str, start: int, end: int, following: int, rules: _Language, cased: bool
) -> bool:
    """Whether the sentence at ``following`` carries on the one ending at ``end``."""
    last = _LAST_WORD.search(text, start, end)
    if last and last.group(1).lower() in rules.number_abbreviations:
        return text[following].isdigit()
    if rules.period_ordinals and _ORDINAL_END.search(text, start, end):
        # "am 10. Juli", "in der 2. Bundesliga", "am Mittwoch (12.3.) eine …": an ordinal or a
        # date before a word, not a sentence's last number, unless a word that opens sentences
        # follows ("auf Platz 2. Die …").
        word = _LEADING_LETTERS.match(text, following)
        return word is not None and (
            word.group()[0].islower() or word.group().lower() not in rules.sentence_starters
        )
    if not cased:
        return False
    # A quote closed after its own full stop that the sentence goes on from in lower case:
    # 'olduk." dedi.', '»… nu!« udbryder hun', '„Komm her!“ rief er', '"… done." then he left'.
    quoted = text[start:end].rstrip(_QUOTE_CLOSING)
    if (
        len(quoted) < end - start
        and quoted.rstrip()[-1:] in ".!?…"
        and text[following].islower()
        and not _ADDRESS.match(text, following)
    ):
        return True
    if text[start:end].rstrip(_CLOSING)[-1:] not in ("!", "?"):
        return False
    exclaimed = _EXCLAIMED.search(text, start, end)
    if not exclaimed:
        return False
    nxt = _NON_SPACE.match(text, following)
    if nxt is None:
        return False
    word = nxt.group()
    # A quote or a title that ends in "!" or "?" and goes on in lower case ("…me!” he told").
    if word[0].islower():
        return True
    # A name with "!" in it: "E! News", "told Yahoo! Finance"; not "...of Prince Andrew! How".
    name = exclaimed.group(1)
    leading = _LEADING_LETTERS.match(word)
    return (
        exclaimed.group(2) == "!"
        and not exclaimed.group(3)
        and name[0].isupper()
        and (len(name) == 1 or exclaimed.start() > start)
        and leading is not None
        and word[0].isupper()
        and leading.group().lower() not in rules.sentence_starters
        and leading.group().lower() not in rules.question_words
    )


@cache
def _language(language: str) -> _Language:
    params = PunktParameters()
    abbreviations = frozenset(_word_list(language, "abbreviations.txt"))
    params.abbrev_types = set(abbreviations)
    starters = _word_list(language, "sentence_starters.txt")
    followers = _word_list(language, "subject_followers.txt")
    params.sent_starters = set(starters)
    furniture = language_lines(language, "furniture.txt")
    for word in starters:
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    preceders = frozenset(_word_list(language, "title_preceders.txt"))
    return _Language(
        _Tokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token),
        abbreviations,
        frozenset(_word_list(language, "number_abbreviations.txt")),
        frozenset(starters),
        frozenset(_word_list(language, "question_words.txt")),
        _alternatives(r"(?<!\w)(?i:", furniture, r")(?=\s+\S|(?<=\))\S)"),
        tuple(phrase.split()[0].lower() for phrase in furniture),
        _alternatives("(?:", language_lines(language, "runon_starters.txt"), r")(?=\s)"),
        frozenset(_word_list(language, "open_words.txt")),
        # One-letter starters ("A", "I") stand mid-sentence too often ("plan A", "then I").
        # A starter glued to a lower-case word opens a sentence only in a language whose words
        # before names are known: in German every noun is capitalised ("wie wir Die Zeit …").
        _alternatives("(?:", [w.capitalize() for w in starters if len(w) > 1], r")(?=\s)")
        if preceders
        else None,
        preceders,
        frozenset(language_lines(language, "calendar_words.txt")),
        frozenset(w for w in followers if not w.startswith("-")),
        tuple(w[1:] for w in followers if w.startswith("-")),  # "-ed": a verb's ending
        language in _PERIOD_ORDINALS,
        language == "en",
        _own_stops(language_lines(language, "sentence_ends.txt")),
    )


def _own_stops(marks: list[str]) -> re.Pattern[str] | None:
    """Where a language's own sentence marks end a sentence (Greek's question mark, ";" once
    normalised): after the mark and any closing quote, before a space."""
    if not marks:
        return None
    closing = re.escape(_QUOTE_CLOSING.strip())
    return re.compile(f"[{re.escape(''.join(marks))}]+[{closing}]*(?=\\s)")


def _alternatives(before: str, phrases: list[str], after: str) -> re.Pattern[str] | None:
    """A pattern matching any of ``phrases`` between ``before`` and ``after``; None if none."""
    if not phrases:
        return None
    return re.compile(before + "|".join(re.escape(p) for p in phrases) + after)


def _word_list(language: str, name: str) -> list[str]:
    """Lower-case entries of a resource list; none when the language ships no such list."""
    return [line.lower() for line in language_lines(language, name)]


def language_lines(language: str, name: str) -> list[str]:
    """The entries of ``resources/text/<language>/<name>``, without comments and blank lines;
    none when the language ships no such list."""
    try:
        path = resource_path("text", language, name)
    except ResourceNotFound:
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
