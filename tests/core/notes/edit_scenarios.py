"""Edited-article scenarios: a highlight on real text, an edit around it, and where its passage
really went (or that it is gone).

Deterministic for a seed. Each kind of edit is one a journalist meets when an article is
re-published: a name respelled throughout or once, a space turned into a no-break space or
straight quotes into curly ones next to the quote, the passage's paragraph repeated elsewhere
or deleted, a paragraph inserted before it (sometimes quoting the passage), the passage's first
word replaced, a change of case, and short quotes (names) with an edit in their context. The
ground truth follows the passage through the edit itself, so it never depends on an anchoring
algorithm. ``judge`` sorts a placement into exact / moved, correct / wrong, or orphan.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "data" / "anchoring" / "articles.txt"
PER_KIND = 18
_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"[^\n]+")
NBSP = "\u00a0"
_CURLY = str.maketrans({"'": "\u2019", '"': "\u201d", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
Edit = tuple[int, int, str]  # replace old[start:end] by the string


@dataclass(frozen=True)
class Scenario:
    """A highlight ``old[start:end]``, the edited text ``new``, and where the passage is in it
    (``truth``; None when the edit removed it)."""

    kind: str
    old: str
    start: int
    end: int
    new: str
    truth: tuple[int, int] | None

    @property
    def quote(self) -> str:
        return self.old[self.start : self.end]


def committed_articles() -> list[str]:
    """The shipped sample articles and the anchoring fixture: real text in the repository."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += FIXTURE.read_text(encoding="utf-8").split("\n=====\n")
    return [t.strip() for t in texts if len(t.strip()) > 500]


def apply(
    old: str, edits: Iterable[Edit], start: int, end: int
) -> tuple[str, tuple[int, int] | None]:
    """``old`` with ``edits`` (non-overlapping) made, and where ``old[start:end]`` went: an
    edit inside the passage is part of it, one replacing an edge word belongs to it, an
    insertion at an edge stays outside, and an edit removing the whole passage leaves nothing."""
    pieces, cursor, shift = [], 0, 0
    new_start = new_end = None
    gone = False
    for a, b, text in sorted(edits):
        pieces += [old[cursor:a], text]
        cursor = b
        here = a + shift
        if a < b and a <= start and end <= b:
            gone = not text.strip()
            new_start, new_end = here, here + len(text)
        elif a < b:
            if a <= start < b:
                new_start = here
            if a < end <= b:
                new_end = here + len(text)
        shift += len(text) - (b - a)
    pieces.append(old[cursor:])
    if gone:
        return "".join(pieces), None
    if new_start is None:
        new_start = start + _shift(edits, start, inserted_here=True)
    if new_end is None:
        new_end = end + _shift(edits, end, inserted_here=False)
    return "".join(pieces), (new_start, new_end)


def _shift(edits: Iterable[Edit], at: int, *, inserted_here: bool) -> int:
    """How far the edits before ``at`` moved it; an insertion exactly at ``at`` counts when
    ``inserted_here`` (it goes before a passage's start, after its end)."""
    return sum(
        len(text) - (b - a)
        for a, b, text in edits
        if (a < b and b <= at) or (a == b and (a < at or (inserted_here and a == at)))
    )


# -- picking highlights ---------------------------------------------------------------------


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _repeated(text: str, test: Callable[[str], bool]) -> list[list[re.Match[str]]]:
    """Occurrences of each word (passing ``test``) found twice or more, as whole words."""
    words = _words(text)
    counts = Counter(w.group() for w in words if test(w.group()))
    return [[w for w in words if w.group() == name] for name, n in counts.items() if n >= 2]


def _phrase_around(text: str, word: re.Match[str], rng: random.Random) -> tuple[int, int]:
    """The word alone, or a phrase of 2–6 words containing it."""
    if rng.random() < 0.5:
        return word.start(), word.end()
    words = _words(text)
    index = next(i for i, w in enumerate(words) if w.start() == word.start())
    before = rng.randint(0, 2)
    after = rng.randint(0, 3)
    first = max(0, index - before)
    last = min(len(words) - 1, index + after)
    if text.count("\n", words[first].start(), words[last].end()):
        return word.start(), word.end()
    return words[first].start(), words[last].end()


def _paragraphs(text: str) -> list[re.Match[str]]:
    return [p for p in _PARAGRAPH.finditer(text) if len(_words(p.group())) >= 8]


def _phrase_in(
    paragraph: re.Match[str], rng: random.Random, size: tuple[int, int]
) -> tuple[int, int]:
    words = _words(paragraph.group())
    count = min(len(words), rng.randint(*size))
    first = rng.randrange(0, len(words) - count + 1)
    base = paragraph.start()
    return base + words[first].start(), base + words[first + count - 1].end()


def _respell(word: str, rng: random.Random) -> str:
    doubled = [i for i in range(1, len(word)) if word[i] == word[i - 1]]
    if doubled:
        i = rng.choice(doubled)
        return word[:i] + word[i + 1 :]  # Zelenskyy → Zelensky
    if len(word) < 3:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    return (
        word[: i + 1] + word[i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i + 1 :]
    )


# -- the kinds of edit ----------------------------------------------------------------------


def respelled_throughout(text: str, rng: random.Random) -> Scenario | None:
    names = _repeated(text, lambda w: w[:1].isupper() and len(w) >= 5)
    if not names:
        return None
    mentions = rng.choice(names)
    target = rng.choice(mentions[1:])
    start, end = _phrase_around(text, target, rng)
    spelling = _respell(target.group(), rng)
    edits = [(m.start(), m.end(), spelling) for m in mentions]
    return _made("respelled throughout", text, start, end, edits)


def respelled_once(text: str, rng: random.Random) -> Scenario:
    paragraph = rng.choice(_paragraphs(text))
    start, end = _phrase_in(paragraph, rng, (2, 6))
    inside = [w for w in _words(text[start:end]) if len(w.group()) >= 4] or _words(text[start:end])
    word = rng.choice(inside)
    edits = [(start + word.start(), start + word.end(), _respell(word.group(), rng))]
    return _made("respelled once", text, start, end, edits)


def nbsp_next_to_quote(text: str, rng: random.Random) -> Scenario | None:
    repeated = _repeated(text, lambda w: len(w) >= 3)
    rng.shuffle(repeated)
    for mentions in repeated:
        target = rng.choice(mentions[1:])
        start, end = _phrase_around(text, target, rng)
        spaces = [at for at in (start - 1, end) if 0 <= at < len(text) and text[at] == " "]
        if spaces:
            at = rng.choice(spaces)
            return _made("no-break space", text, start, end, [(at, at + 1, NBSP)])
    return None


def curly_quotes(text: str, rng: random.Random) -> Scenario | None:
    marks = [m.start() for m in re.finditer("['\"\u2019\u201c\u201d]", text)]
    words = _words(text)
    near = [
        w for w in words if any(0 < abs(w.start() - m) <= 2 or 0 <= m - w.end() <= 1 for m in marks)
    ]
    if not near:
        return None
    start, end = _phrase_around(text, rng.choice(near), rng)
    edits = [(m, m + 1, text[m].translate(_CURLY)) for m in marks]
    return _made("straight/curly quotes", text, start, end, edits)


def repeated_paragraph(text: str, rng: random.Random) -> Scenario:
    paragraphs = _paragraphs(text)
    paragraph = rng.choice(paragraphs)
    start, end = _phrase_in(paragraph, rng, (1, 6))
    others = [
        p for p in paragraphs if abs(p.start() - paragraph.start()) > len(paragraph.group()) + 2
    ]
    where = rng.choice(others).start() if others else 0
    copy = paragraph.group() + "\n\n"
    return _made("repeated paragraph", text, start, end, [(where, where, copy)])


def deleted_paragraph(text: str, rng: random.Random) -> Scenario:
    paragraphs = _paragraphs(text)
    paragraph = rng.choice(paragraphs)
    elsewhere = {w.group() for w in _words(text[: paragraph.start()] + text[paragraph.end() :])}
    words = [w for w in _words(paragraph.group()) if w.group() in elsewhere and len(w.group()) >= 4]
    if words and rng.random() < 0.6:
        word = rng.choice(words)  # the name is mentioned elsewhere too: it must not jump there
        start, end = paragraph.start() + word.start(), paragraph.start() + word.end()
    else:
        start, end = _phrase_in(paragraph, rng, (2, 8))
    stop = min(len(text), paragraph.end() + 2)
    return _made("deleted paragraph", text, start, end, [(paragraph.start(), stop, "")])


def inserted_paragraph(text: str, rng: random.Random) -> Scenario:
    paragraphs = _paragraphs(text)
    paragraph = rng.choice(paragraphs)
    start, end = _phrase_in(paragraph, rng, (1, 6))
    quote = text[start:end]
    where = rng.choice([p.start() for p in paragraphs if p.start() <= paragraph.start()])
    # Another paragraph of the article, never a copy of the one it lands next to (a paragraph
    # repeated beside itself is a guess for anyone: the "repeated paragraph" kind keeps copies
    # apart), or a sentence quoting the passage.
    neighbours = {p.group() for p in paragraphs if where in (p.start(), p.end() + 2)}
    others = [p.group() for p in paragraphs if p.group() not in neighbours]
    if rng.random() < 0.5 or not others:
        added = f"Update: an earlier version of this story said {quote} was not confirmed.\n\n"
    else:
        added = rng.choice(others) + "\n\n"
    return _made("inserted paragraph", text, start, end, [(where, where, added)])


def first_word_replaced(text: str, rng: random.Random) -> Scenario:
    paragraph = rng.choice(_paragraphs(text))
    start, end = _phrase_in(paragraph, rng, (3, 8))
    first = _WORD.match(text, start)
    assert first is not None
    swap = rng.choice(["Opponents", "officials", "Several", "the", "Critics", "another"])
    if swap == first.group():
        swap = "Others"
    return _made("first word replaced", text, start, end, [(start, first.end(), swap)])


def case_changed(text: str, rng: random.Random) -> Scenario | None:
    capitals = [w for w in _words(text) if w.group()[:1].isupper() and len(w.group()) >= 3]
    if not capitals:
        return None
    word = rng.choice(capitals)
    start, end = _phrase_around(text, word, rng)
    lowered = word.group()[0].lower() + word.group()[1:]
    targets = [word]
    if rng.random() < 0.5:  # the same change throughout ("Liberty" → "liberty")
        targets = [w for w in _words(text) if w.group() == word.group()]
    edits = [(w.start(), w.end(), lowered) for w in targets]
    return _made("case changed", text, start, end, edits)


def short_quote_context_edit(text: str, rng: random.Random) -> Scenario | None:
    shorts = _repeated(text, lambda w: 3 <= len(w) < 8)
    if not shorts:
        return None
    mentions = rng.choice(shorts)
    target = rng.choice(mentions)
    start, end = target.start(), target.end()
    words = _words(text)
    near = [w for w in words if 0 < w.start() - end <= 25 or 0 < start - w.end() <= 25]
    if not near:
        return None
    word = rng.choice(near)
    if rng.random() < 0.5:
        edit = (
            word.start(),
            word.end(),
            _respell(word.group(), rng) if len(word.group()) > 2 else "the",
        )
    else:
        edit = (word.start(), word.end(), rng.choice(["reportedly", "also", "then", "former"]))
    return _made("short quote, context edited", text, start, end, [edit])


KINDS: tuple[Callable[[str, random.Random], Scenario | None], ...] = (
    respelled_throughout,
    respelled_once,
    nbsp_next_to_quote,
    curly_quotes,
    repeated_paragraph,
    deleted_paragraph,
    inserted_paragraph,
    first_word_replaced,
    case_changed,
    short_quote_context_edit,
)


def _made(kind: str, text: str, start: int, end: int, edits: list[Edit]) -> Scenario:
    new, truth = apply(text, edits, start, end)
    return Scenario(kind, text, start, end, new, truth)


def scenarios(texts: list[str], seed: int = 13, per_kind: int = PER_KIND) -> list[Scenario]:
    """``per_kind`` scenarios of every kind, spread over ``texts``; the same for a seed."""
    made = []
    for k, kind in enumerate(KINDS):
        rng = random.Random(seed * 1000 + k)
        tries = 0
        count = 0
        while count < per_kind and tries < per_kind * 20:
            tries += 1
            found = kind(texts[(count + tries) % len(texts)], rng)
            if found is not None and found.quote.strip() and found.new != found.old:
                made.append(found)
                count += 1
    return made


# -- judging --------------------------------------------------------------------------------

EXACT, MOVED_RIGHT, MOVED_WRONG, WRONG, ORPHAN_GONE, ORPHAN_LOST = (
    "exact",
    "moved, right place",
    "moved, wrong place",
    "wrong, not flagged",
    "orphan (passage gone)",
    "orphan (passage still there)",
)
OUTCOMES = (EXACT, MOVED_RIGHT, MOVED_WRONG, WRONG, ORPHAN_GONE, ORPHAN_LOST)


def same_place(placed: tuple[int, int], truth: tuple[int, int] | None) -> bool:
    """Whether a placement is on the passage: they overlap by half their union or more."""
    if truth is None:
        return False
    overlap = min(placed[1], truth[1]) - max(placed[0], truth[0])
    union = max(placed[1], truth[1]) - min(placed[0], truth[0])
    return overlap > 0 and overlap * 2 >= union


def judge(scenario: Scenario, placed: tuple[int, int] | None, flagged: bool) -> str:
    """The outcome of placing ``scenario``'s highlight at ``placed`` (None: an orphan),
    ``flagged`` as moved or not."""
    if placed is None:
        return ORPHAN_GONE if scenario.truth is None else ORPHAN_LOST
    right = same_place(placed, scenario.truth)
    if flagged:
        return MOVED_RIGHT if right else MOVED_WRONG
    return EXACT if right else WRONG
