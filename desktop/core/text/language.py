"""Which language an article is written in, offline and in well under a millisecond.

Chinese, Japanese and Korean are told by their scripts. Every other language scores by how
much of the text its commonest words make up, weighted by how common each word is
(``resources/language/top-words.tsv``, from ``build_languages``): function words settle it —
"der die und" against "the of and" — without any model to load. A text too short, or one that
no language's common words cover well, is ``UNDETERMINED``. Codes are ISO 639-1.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import islice

from desktop.core.resources import resource_path

UNDETERMINED = "und"
MODELLED = frozenset({"en"})  # languages the entity recogniser and key terms are built for
MODELLED_DEFAULT = "en"
# English wins when its common words score this close to the best language's: a figures table
# or a short list in English ("Data Sciences Q2 net rises") must not lose its entities.
_CLOSE_TO_ENGLISH = 0.6
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 400  # the opening of an article settles its language; the rest costs time
_SAMPLE_CHARS = 8 * _SAMPLE_WORDS  # where those words are usually found, read in one go
_MIN_WORDS = 12
_REPEATS = 3  # times a word counts at most (see detect_language)
_MIN_COVERAGE = 0.2  # share of the sampled words the winning language's list must cover
_RULING_WORDS = 50
_FOREIGN_COVERAGE = 0.05  # a declared language covering less of that many words is not it
_ZIPF_FLOOR = 3.0  # a listed word weighs its Zipf frequency above this
_MIN_SCRIPT_CHARS = 20
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af\u1100-\u11ff]")
# CJK unified ideographs (with extension A and the supplementary planes) and compatibility ones.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_WORD_CHARS = re.compile(r"[^\W\d_]")
_CJK = re.compile(f"{_KANA.pattern}|{_HANGUL.pattern}|{_HAN.pattern}")
_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay",
    "nb": "Norwegian", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sh": "Serbo-Croatian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish",
    "ta": "Tamil", "tl": "Filipino", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


@cache
def _common_words() -> dict[str, dict[str, float]]:
    """word → {language: weight} for every language's commonest words."""
    table: dict[str, dict[str, float]] = {}
    text = resource_path("language", "top-words.tsv").read_text("utf-8")
    for line in text.splitlines():
        code, _, pairs = line.partition("\t")
        for pair in pairs.split():
            word, _, zipf = pair.rpartition(":")
            table.setdefault(word, {})[code] = float(zipf) - _ZIPF_FLOOR
    return table


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or ``UNDETERMINED``."""
    by_script = _script_language(text[:2000])
    if by_script:
        return by_script
    words = _sample(text)
    if len(words) < _MIN_WORDS:
        return UNDETERMINED
    table = _common_words()
    scores: dict[str, float] = {}
    covered: dict[str, int] = {}
    counted = 0
    for word, repeats in _capped(words).items():
        counted += repeats
        for code, weight in table.get(word, {}).items():
            scores[code] = scores.get(code, 0.0) + weight * repeats
            covered[code] = covered.get(code, 0) + repeats
    if not scores:
        return UNDETERMINED
    best = max(scores, key=scores.__getitem__)
    if scores.get(MODELLED_DEFAULT, 0.0) >= _CLOSE_TO_ENGLISH * scores[best]:
        best = MODELLED_DEFAULT  # a table or a list in English: a wrong "no" costs more
    return best if covered[best] >= _MIN_COVERAGE * counted else UNDETERMINED


def rules_out(text: str, code: str) -> bool:
    """Whether ``text`` is plainly not in the language ``code`` a page declares: of at least
    ``_RULING_WORDS`` of its opening words, that language's common words make up under
    ``_FOREIGN_COVERAGE``. A Zulu or Swahili story on a site whose template says "en" scores
    0.01 for English, its lists of products and figures 0.1 or more; only lower-case words
    count, so a list of names rules nothing out, nor does a language without a list of
    common words."""
    if code not in _listed_languages():
        return False
    words = _capped(_sample(text, capitals=False))
    counted = sum(words.values())
    table = _common_words()
    covered = sum(n for word, n in words.items() if code in table.get(word, {}))
    return counted >= _RULING_WORDS and covered < _FOREIGN_COVERAGE * counted


@cache
def _listed_languages() -> frozenset[str]:
    return frozenset(code for langs in _common_words().values() for code in langs)


def _sample(text: str, *, capitals: bool = True) -> list[str]:
    """The opening words that tell a language. Names ("El Salvador" in an English report) and
    initials or scoreboard letters ("c and b") say little about it: lower-case words of two
    letters or more decide, unless a text in capitals has too few of them (and ``capitals``
    lets them stand in)."""
    sample = _WORD.findall(text, 0, _SAMPLE_CHARS)[: _SAMPLE_WORDS + 1]
    if len(text) > _SAMPLE_CHARS and len(sample) <= _SAMPLE_WORDS:
        # Read past the opening: the last word found there may be cut short.
        sample = [m.group() for m in islice(_WORD.finditer(text), _SAMPLE_WORDS)]
    sample = sample[:_SAMPLE_WORDS]
    words = [w for w in sample if len(w) > 1 and w.islower()]
    if capitals and len(words) < _MIN_WORDS:
        words = [w.lower() for w in sample if len(w) > 1]
    return words


def _capped(words: list[str]) -> dict[str, int]:
    """Each word with the times it counts: at most ``_REPEATS``. A word repeated beyond a few
    times is a list's or a table's ("fl. oz." on each of a shop's rows, read as Slovenian),
    not more of the language."""
    return {word: min(times, _REPEATS) for word, times in Counter(words).items()}


def _script_language(text: str) -> str:
    """Chinese, Japanese or Korean when their scripts make up most of the letters, else ""."""
    if text.isascii() or not _CJK.search(text):
        return ""
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    han = len(_HAN.findall(text))
    cjk = han + kana + hangul
    if cjk < _MIN_SCRIPT_CHARS or cjk * 2 < len(_WORD_CHARS.findall(text)):
        return ""
    if hangul > han + kana:
        return "ko"
    return "ja" if kana * 10 >= cjk else "zh"


def is_modelled(language: str) -> bool:
    """Whether entities and key terms are found in an article in ``language``: a modelled
    one, or a text too short to tell (a headline, a caption), which the English pass reads."""
    return language in MODELLED or language in (UNDETERMINED, "")


def text_language(code: str) -> str:
    """The language to process a text as: one too short to tell (or not yet detected) as
    English, the language every pass was first built for."""
    return code if code and code != UNDETERMINED else MODELLED_DEFAULT


def language_name(code: str) -> str:
    """The English name of a language code ("German"), or the code itself if unknown."""
    return _NAMES.get(code, code)


def unmodelled_notice(code: str) -> str:
    """What the reader and the command line say instead of entities for an article in
    ``code`` (one that ``is_modelled`` refuses)."""
    return (
        "Entities and key terms are available for English articles; "
        f"this one is {language_name(code)}."
    )
