"""Chinese, Japanese and Korean text: where words are not separated by spaces.

A word index splits text at spaces and punctuation, so a Chinese sentence is one "word" and
"立法院" inside it is never found; such text is searched by any run of its characters instead
(a trigram index beside the word index). Its length is counted in characters: a Chinese or
Japanese "word count" would count sentences. Korean puts spaces between words, so it is
counted in words but, as its particles cling to the words, searched like the others.
"""

from __future__ import annotations

import re

# Hiragana and Katakana, CJK Extension A, CJK Unified Ideographs, Hangul syllables, CJK
# compatibility ideographs.
# Patterns, compiled on first use by ``re``'s cache: every command imports this module (the
# store counts lengths), and compiling these classes costs a visible part of its start.
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK = f"[{CJK_CLASS}]"
# Counted one by one: the scripts above less Hangul.
_CHARACTER = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
WORD = r"\w+(?:['’.-]\w+)*"  # a word as the library counts it (compiled when first used)

WORDS = "words"
CHARACTERS = "characters"


def has_cjk(text: str) -> bool:
    # ASCII text (most queries) is answered without compiling the class: that takes 2 ms.
    return not text.isascii() and re.search(CJK, text) is not None


def text_length(text: str) -> tuple[int, str]:
    """How long ``text`` is and in what unit: ``(n, "characters")`` when Chinese or Japanese
    characters outnumber the other words (each counts one, each other word one), else
    ``(n, "words")``."""
    characters = 0 if text.isascii() else len(re.findall(_CHARACTER, text))
    if not characters:
        return len(re.findall(WORD, text)), WORDS
    others = len(re.findall(WORD, re.sub(_CHARACTER, " ", text)))
    if characters > others:
        return characters + others, CHARACTERS
    return len(re.findall(WORD, text)), WORDS
