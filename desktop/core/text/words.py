"""Word tokens for the summarisers: letters with inner apostrophes or hyphens, no numbers.

A regular expression rather than ``nltk.word_tokenize``, which needs the downloaded Punkt model.
The shape matches what sumy keeps as a word (a letter first, then letters, ``'`` or ``-``).
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")


def words(text: str) -> list[str]:
    """The words of ``text`` in order."""
    return WORD.findall(text)
