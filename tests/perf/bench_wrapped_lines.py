"""`make bench ONLY=wrapped`: joining hard-wrapped lines on 3 and 30 MB of text.

Three shapes: real news paragraphs (from ../shared/eval when present, else the seed article)
filled to 72 columns as a plain-text book is; the same paragraphs one per line, as a web page
leaves them (nothing to join); and the worst case, every line long and ending in a broken word,
so each one asks the word list. The growth column divides the 30 MB time by ten times the 3 MB
time: 1 is linear.
"""

from __future__ import annotations

import random
import textwrap
import time
from collections.abc import Callable

from desktop.core.text.wrapped_lines import join_wrapped_lines
from tests.perf.bench_long_text import paragraphs

SIZES_MB = (3, 30)


def wrapped_book(size: int) -> str:
    return _filled(_news(lambda p: textwrap.fill(p, 72)), size, "\n\n")


def web_page(size: int) -> str:
    return _filled(_news(lambda p: p), size, "\n\n")


def broken_words(size: int) -> str:
    rng = random.Random(3)
    line = "the harbour contract was never put out to tender by the {}-"
    return _filled(lambda: line.format("".join(rng.choices("abcdefgh", k=6))), size, "\n")


def _news(shape: Callable[[str], str]) -> Callable[[], str]:
    pool, _ = paragraphs()
    rng = random.Random(7)
    return lambda: shape(rng.choice(pool))


def _filled(next_part: Callable[[], str], size: int, separator: str) -> str:
    """Parts from ``next_part`` until the text holds ``size`` characters."""
    parts: list[str] = []
    length = 0
    while length < size:
        parts.append(next_part())
        length += len(parts[-1]) + len(separator)
    return separator.join(parts)[:size].rstrip()


def main() -> int:
    shapes = {"book filled to 72": wrapped_book, "web page": web_page}
    shapes["every line a broken word"] = broken_words
    print(f"{'input':<28}" + "".join(f"{mb:>7} MB" for mb in SIZES_MB) + "   growth")
    for name, build in shapes.items():
        seconds = []
        for mb in SIZES_MB:
            text = build(mb * 1_000_000)
            started = time.perf_counter()
            join_wrapped_lines(text)
            seconds.append(time.perf_counter() - started)
        growth = seconds[-1] / max(seconds[0], 1e-9) / (SIZES_MB[-1] / SIZES_MB[0])
        print(f"{name:<28}" + "".join(f"{s:8.2f} s" for s in seconds) + f"   {growth:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
