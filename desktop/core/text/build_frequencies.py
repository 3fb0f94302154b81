"""Write ``resources/keyterms/zipf-en.tsv``: general English word frequencies for key terms.

``python -m desktop.core.text.build_frequencies`` (run by ``make model``). The table comes from
the ``wordfreq`` package; shipping the words down to Zipf 2.5 as a small text file lets key
terms look a word up in a dict instead of paying wordfreq's ~80 µs per new word (or ~1 s to load
its whole list) while an article is open. One line per frequency band: ``zipf<TAB>words…``.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "resources" / "keyterms" / "zipf-en.tsv"
LOWEST_ZIPF = 2.5


def build(out: Path = OUT) -> int:
    """Write the table; returns how many words it holds."""
    from wordfreq import get_frequency_list

    lines, count = [], 0
    for band, words in enumerate(get_frequency_list("en")):
        zipf = 9 - band / 100  # wordfreq's bands are centibels below 1 per word
        if zipf < LOWEST_ZIPF:
            break
        kept = [w for w in words if any(ch.isalpha() for ch in w)]
        if kept:
            lines.append(f"{zipf:.2f}\t{' '.join(kept)}\n")
            count += len(kept)
    out.write_text("".join(lines), encoding="utf-8")
    return count


def main() -> int:
    count = build()
    print(f"wrote {count:,} words to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
