"""When a new text replaces a stored article (``make eval ONLY=versions``).

Takes the news articles of ``../shared/eval`` (Wikinews, BBC, CNN/DailyMail; 120 words or more)
and makes from each the texts an import meets: lesser ones (a lead sentence, paragraph or
three sentences, a feed item, cuts, a cut with a footer) that must never replace the article;
newer versions (edits, added paragraphs, corrections, the full text of a stored summary) that
should; other articles, which stay new articles. Prints how ``matching.compare`` judges each
kind. Skips with a message when the evaluation data is absent (``DOSSIER_EVAL`` names another
folder).
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from desktop.core.library.matching import LESSER as LESS
from desktop.core.library.matching import NEWER as NEW
from desktop.core.library.matching import OTHER, compare
from desktop.core.library.store import count_words

EVAL = Path(os.environ.get("DOSSIER_EVAL", Path(__file__).resolve().parents[3] / "shared" / "eval"))
FILES = ("library-wikinews.jsonl", "summaries-bbc-dev.jsonl", "summaries-cnndm-dev.jsonl")
FILLER = ("reportedly", "new", "said", "officials", "the", "on", "Tuesday", "more")
FOOTER = "\n\nShare this article on Facebook Twitter Email. Read more: related stories."
VERDICTS = (NEW, LESS, OTHER)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

Variant = Callable[[str, str, random.Random], "str | tuple[str, str] | None"]


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def _cut(text: str, share: float) -> str:
    words = list(re.finditer(r"\S+", text))
    return text[: words[max(1, int(len(words) * share)) - 1].end()]


def _reword(text: str, share: float, rng: random.Random) -> str:
    sentences = _sentences(text)
    for i in rng.sample(range(len(sentences)), max(1, int(len(sentences) * share))):
        words = sentences[i].split()
        for _ in range(max(1, len(words) // 6)):
            words[rng.randrange(len(words))] = rng.choice(FILLER)
        sentences[i] = " ".join(words)
    return " ".join(sentences)


def _drop_paragraph(text: str, rng: random.Random, insert: str = "") -> str | None:
    paragraphs = _paragraphs(text)
    if len(paragraphs) < 4:
        return None
    del paragraphs[rng.randrange(1, len(paragraphs) - 1)]
    return "\n\n".join(([insert] if insert else []) + paragraphs)


def _replace_words(text: str, rng: random.Random, count: int, by: list[str]) -> str:
    words = text.split(" ")
    at = rng.randrange(len(words) - count - 3)
    return " ".join(words[:at] + by + words[at + count :])


LESSER: dict[str, Variant] = {
    "lead sentence": lambda t, h, r: _sentences(t)[0],
    "lead paragraph": lambda t, h, r: _paragraphs(t)[0] if len(_paragraphs(t)) > 1 else None,
    "lead-3": lambda t, h, r: " ".join(_sentences(t)[:3]),
    "feed item (title, 2 sentences)": lambda t, h, r: h + "\n" + " ".join(_sentences(t)[:2]),
    "cut to 50 %": lambda t, h, r: _cut(t, 0.5),
    "cut to 90 %": lambda t, h, r: _cut(t, 0.9),
    "cut to 95 %": lambda t, h, r: _cut(t, 0.95),
    "cut to 80 % + footer": lambda t, h, r: _cut(t, 0.8) + FOOTER,
}  # fmt: skip
NEWER: dict[str, Variant] = {
    "update paragraph on top": lambda t, h, r: "Update: " + h + ".\n\n" + t,
    "paragraph added at the end": lambda t, h, r: t + "\n\n" + _reword(_sentences(t)[0], 1, r),
    "10 % of sentences reworded": lambda t, h, r: _reword(t, 0.1, r),
    "50 % of sentences reworded": lambda t, h, r: _reword(t, 0.5, r),
    "one-word correction": lambda t, h, r: _replace_words(t, r, 1, ["reportedly"]),
    "five words cut": lambda t, h, r: _replace_words(t, r, 5, []),
    "reformatted quotes and spaces": lambda t, h, r: t.replace('"', "“").replace("\n", " \n "),
    "full text of a stored lead-3": lambda t, h, r: (" ".join(_sentences(t)[:3]), t),
    "paragraph taken out (ambiguous)": lambda t, h, r: _drop_paragraph(t, r),
}  # fmt: skip


def main() -> int:
    missing = [name for name in FILES if not (EVAL / name).exists()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found in {EVAL}")
        return 0
    articles = [
        (record["text"], record.get("title") or "")
        for name in FILES
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
        for record in [json.loads(line)]
        if count_words(record["text"]) >= 120
    ]
    rng = random.Random(3)
    print(f"{len(articles)} articles; verdicts of matching.compare(stored, new):")
    texts = [text for text, _ in articles]
    another: dict[str, Variant] = {
        "another article (same URL reused)": lambda t, h, r: r.choice([o for o in texts if o != t])
    }
    groups = (("must not replace", LESSER), ("should replace", NEWER), ("stays new", another))
    for group, variants in groups:
        print(f"-- {group}")
        for name, make in variants.items():
            verdicts: Counter[str] = Counter()
            for text, title in articles:
                made = make(text, title, rng)
                if made is None:
                    continue
                old, new = made if isinstance(made, tuple) else (text, made)
                verdicts[compare(old, new)] += 1
            total = sum(verdicts.values())
            shares = "  ".join(
                f"{v} {verdicts[v] / total:6.1%}" for v in ("newer", "lesser", "other")
            )
            print(f"   {name:34} n={total:4}  {shares}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
