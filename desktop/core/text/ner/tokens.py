"""Word tokens with exact offsets, grouped into tagging sequences.

The tagger sees words and punctuation as separate tokens; a possessive ``'s`` is its own token
so "Trump's" colours only "Trump". Sequences break at line ends and sentence-final punctuation:
a cheap boundary is enough for the tagger and keeps one pass linear in the text length.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Order matters: dotted abbreviations (U.S.), an initial before a name (S. Waugh), words with
# inner hyphens, dots, ampersands or apostrophes (never a possessive 's), numbers, then any
# other single character. Numbers keep their separators (1,200.5).
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|\d+(?:[,.]\d+)+"
    r"|[^\W_]+(?:(?:[-&]|\.(?![A-Z][a-z])|['’](?![sS]\b))[^\W_]+)*"
    r"|['’][sS]\b"
    r"|\S",
)
_SENTENCE_END = frozenset({".", "!", "?"})
# Short words after which a full stop does not end a sentence ("Mr. Smith", "St. Louis").
_NO_BREAK_AFTER = frozenset((
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "rev", "prof", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd",
))  # fmt: skip


class Token(NamedTuple):
    """A word or punctuation mark; a tuple because long articles have very many."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Every token of ``text``; ``text[t.start:t.end] == t.text``."""
    new = tuple.__new__  # a fifth faster than ``Token(…)``: a book has millions of tokens
    return [new(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text)]


def sequences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Split tokens into sentence-like runs for the tagger (line ends, . ! ? before a capital)."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    previous_end = 0
    for token in tokens:
        if current and (
            "\n" in text[previous_end : token.start]
            or (
                current[-1].text in _SENTENCE_END
                and not token.text[0].islower()
                and not _abbreviation(current)
            )
        ):
            runs.append(current)
            current = []
        current.append(token)
        previous_end = token.end
    if current:
        runs.append(current)
    return runs


def _abbreviation(current: list[Token]) -> bool:
    """The full stop ending ``current`` belongs to an abbreviation or an initial."""
    if current[-1].text != "." or len(current) < 2:
        return False
    word = current[-2].text
    return (len(word) == 1 and word.isupper()) or word.lower() in _NO_BREAK_AFTER
