"""Word tokens for the summarisers: letters with inner apostrophes or hyphens, no numbers.

A regular expression rather than ``nltk.word_tokenize``, which needs the downloaded Punkt model.
The shape matches what sumy keeps as a word (a letter first, then letters, ``'`` or ``-``).

Two kinds of script need more. A word's combining marks (Hindi's vowel signs, Arabic's short
vowels, Thai's tone marks) are part of it: letters alone cut "पुलिस" into its consonants, and
the summarisers then compared sentences by letters. Chinese and Japanese, written without
spaces, are read as overlapping pairs of characters, the usual terms for comparing their
sentences (a whole clause was one "word" that no other sentence shared), and are counted one
word per two characters, near their words' length, for the limits set in words.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks of the scripts that use them after a letter (Latin, Greek and Cyrillic
# accents written apart, the Indic scripts, Arabic, Hebrew, Thai, Tibetan, Myanmar, Khmer …).
_MARK_RANGES = ((0x0300, 0x1DFF), (0x20D0, 0x20FF), (0xA8E0, 0xA8FF), (0xFE20, 0xFE2F))
MARKS = "".join(
    chr(code)
    for low, high in _MARK_RANGES
    for code in range(low, high + 1)
    if unicodedata.category(chr(code)).startswith("M")
)
WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{MARKS}]|['’-](?=[^\W\d_]))*")
# Hiragana and Katakana, CJK Extension A, CJK Unified Ideographs, compatibility ideographs.
_CHARACTERS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def words(text: str) -> list[str]:
    """The words of ``text`` in order; a run of Chinese or Japanese characters as its
    overlapping pairs of characters (a lone character as itself)."""
    found = WORD.findall(text)
    if text.isascii() or not _CHARACTERS.search(text):
        return found
    tokens: list[str] = []
    for word in found:
        if not _CHARACTERS.search(word):
            tokens.append(word)
            continue
        start = 0
        for run in _CHARACTERS.finditer(word):
            if run.start() > start:
                tokens.append(word[start : run.start()])
            chars = run.group()
            tokens.extend(chars[i : i + 2] for i in range(max(len(chars) - 1, 1)))
            start = run.end()
        if start < len(word):
            tokens.append(word[start:])
    return tokens


def word_count(text: str) -> int:
    """How many words ``text`` has, a run of Chinese or Japanese characters counting one per
    two characters."""
    found = WORD.findall(text)
    if text.isascii() or not _CHARACTERS.search(text):
        return len(found)
    count = 0
    for word in found:
        characters = sum(len(run) for run in _CHARACTERS.findall(word))
        rest = len(_CHARACTERS.sub(" ", word).split())
        count += rest + (characters + 1) // 2
    return count
