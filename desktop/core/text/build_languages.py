"""Write ``resources/language/top-words.tsv``: each language's commonest words, for detection.

``python -m desktop.core.text.build_languages`` (run by ``make model``). The words and their
Zipf frequencies come from the ``wordfreq`` package; shipping a few hundred per language as a
small text file lets ``language.detect_language`` start in milliseconds, where loading
wordfreq's lists of 40 languages takes seconds. One line per language:
``code<TAB>word:zipf word:zipf …``. Languages written in a script of their own (Chinese,
Japanese, Korean) are told by their script and need no list.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "resources" / "language" / "top-words.tsv"
WORDS_PER_LANGUAGE = 300
_BY_SCRIPT = frozenset({"zh", "ja", "ko"})
# wordfreq codes that are not ISO 639-1.
_ISO_639_1 = {"fil": "tl"}


def build(out: Path = OUT) -> int:
    """Write the table; returns how many languages it holds."""
    from wordfreq import available_languages, top_n_list, zipf_frequency

    lines = []
    for code in sorted(available_languages("best")):
        if code in _BY_SCRIPT:
            continue
        words = [w for w in top_n_list(code, WORDS_PER_LANGUAGE * 2) if w.isalpha()]
        pairs = (f"{w}:{zipf_frequency(w, code):.2f}" for w in words[:WORDS_PER_LANGUAGE])
        lines.append(f"{_ISO_639_1.get(code, code)}\t{' '.join(pairs)}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def main() -> int:
    count = build()
    print(f"wrote the common words of {count} languages to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
