"""`make eval ONLY=sentences`: sentences a journalist would recognise.

Two figures. The splitter's regression cases (``tests/sentence_cases.py``): how many are split
wrongly, counting false cuts (a boundary where none belongs) and missed ones. And the defect
rate of 3-sentence ``news`` summaries of real pages: the 67 news pages of
``../shared/eval/extraction-dev/html`` through Dossier's HTML importer, and the Wikinews articles
of ``../shared/eval/library-wikinews.jsonl``. Each summary sentence is checked by rules written
here, apart from the ones the summariser uses, so they can disagree: it starts in lower case,
has no final punctuation (a stop before the notes it calls, "…exceptions.[1]", counts), ends a
quote it never opened, is a heading or a label (short,
capitalised, no lower-case word beyond function words), is page furniture, repeats the
headline, or is longer than any sentence a reader would accept (two paragraphs glued together).
Every flagged sentence is printed for reading by eye, with a fixed sample of the unflagged ones.
With ``EXTRACTION_PAGES`` set (see ``eval_extraction``), that folder's pages are added, the dev
pages left out; with ``CLEANING_PAGES`` set, the pages of each collection in it (L3S-GN1's news
of 2008, dragnet's pages), which no rule here was written from; with ``FUNDUS_PAGES`` set, the
news pages fundus tests its parsers on (2023 on, some 40 countries and 20 languages) in the
halves ``eval_extraction`` parts them into, the second counted only.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

from desktop.core.library.importers import UnreadableFile
from desktop.core.library.importers.decoding import declared_encoding, decode_text
from desktop.core.library.importers.html import parse_html
from desktop.core.text.sentences import split_sentences
from desktop.core.text.summarize import summarize
from tests.eval import SHARED_EVAL
from tests.eval.eval_extraction import (
    CLEANING_PAGES,
    DEV_PAGES,
    FUNDUS_DATA,
    FUNDUS_PAGES,
    dev_keys,
    md5_half,
    page_bytes,
)
from tests.eval.eval_extraction import PAGES as PAGES_ELSEWHERE
from tests.sentence_cases import FALSE_CUTS, GLUED

PAGES = SHARED_EVAL / "extraction-dev" / "html"
WIKINEWS = SHARED_EVAL / "library-wikinews.jsonl"
SENTENCES = 3
LONGEST = 120
LABEL_WORDS = 12
LONGEST_WORD = 20  # a longer "word" is a script written without spaces
SAMPLE = 12
FUNCTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the of in on at to for from by with and or but as into about over under after "
        "before vs v via per your our my their his her its this that these those",
    )
)
ENDING = re.compile(
    r"""[.!?…。！？｡।॥۔؟։።፧။។](?:\s*["'”’‘»)\]」』）])*$"""
    # A stop and the notes the sentence calls: "…exceptions.[1]", "…across agents.14".
    r"""|[^\W\d_][.!?]["”’)]*(?:\[[^\[\]]{1,20}\])+$|[a-z]{3}[.!?]\d{1,3}$"""
)
FIRST_LETTER = re.compile(r"[^\W\d_]")
LETTERS = re.compile(r"[^\W\d_]+")
FURNITURE = re.compile(
    r"sign up|subscribe|newsletter|share (?:this|on)|image copyright|(?:photo|image|picture)s?"
    r" ?(?:credit|caption|source)?:|click here|read more|related:|advertisement|follow us|"
    r"all rights reserved|copyright|(?-i:^By [A-Z][a-z]+ [A-Z])|^\d{1,2}:\d{2}|"
    r"^(?:updated|published)\b",
    re.IGNORECASE,
)


def main() -> int:
    _regression_cases()
    found = False
    sets = [("news pages", _pages(PAGES)), ("Wikinews", _wikinews())]
    if PAGES_ELSEWHERE != DEV_PAGES:
        sets.append((f"pages of {PAGES_ELSEWHERE}", _pages(PAGES_ELSEWHERE / "html", dev_keys())))
    if CLEANING_PAGES:
        for collection in sorted(p for p in Path(CLEANING_PAGES).iterdir() if p.is_dir()):
            pages = _pages(collection / "input", pattern="*.html")
            sets.append((f"{collection.name} pages", pages))
    if FUNDUS_PAGES:
        first, second = _fundus_halves(Path(FUNDUS_PAGES))
        sets.append(("fundus pages, first half", first))
    for name, articles in sets:
        if articles:
            found = True
            _defects(name, articles)
    if FUNDUS_PAGES and second:
        _defects("fundus pages, second half (totals only)", second, shown=False)
    if not found:
        print(f"skipped: no pages in {SHARED_EVAL} (the evaluation data lives in ../shared/eval)")
    return 0


def _regression_cases() -> None:
    wrong = false_cuts = missed = 0
    for text, expected in FALSE_CUTS + GLUED:
        got = {s.end for s in split_sentences(text)}
        want = {text.index(e) + len(e) for e in expected}
        false_cuts += len(got - want)
        missed += len(want - got)
        wrong += got != want
    print(
        f"regression cases: {wrong} of {len(FALSE_CUTS) + len(GLUED)} split wrongly "
        f"({false_cuts} false cuts, {missed} missed)"
    )


def _pages(
    folder: Path, leave_out: set[str] = frozenset(), pattern: str = "*.html.gz"
) -> list[tuple[str, str, str]]:
    """The articles of the pages in ``folder``; a page without one is left out."""
    articles = []
    for path in sorted(folder.glob(pattern)):
        if path.name.removesuffix(".html.gz") not in leave_out:
            articles.extend(_page_articles(path))
    return articles


def _fundus_halves(
    repo: Path,
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The articles of every page fundus tests its parsers on (any language, with or without
    a gold body), in the halves ``eval_extraction`` parts them into by name."""
    halves: tuple[list[tuple[str, str, str]], ...] = ([], [])
    for path in sorted((repo / FUNDUS_DATA).glob("*/*_*.html.gz")):
        name = f"{path.parent.name}_{path.name.split('.')[0]}"
        halves[md5_half(name)].extend(_page_articles(path))
    return halves[0], halves[1]


def _page_articles(path: Path) -> list[tuple[str, str, str]]:
    """Title, text and language of each article of a saved page; none when it has none."""
    data = page_bytes(path)
    try:
        found = parse_html(decode_text(data, path, declared_encoding(data)), path)
    except UnreadableFile:
        return []
    return [(a.title, a.text, a.language or "en") for a in found]


def _wikinews() -> list[tuple[str, str, str]]:
    if not WIKINEWS.exists():
        return []
    with WIKINEWS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return [(r.get("title", ""), r["text"], "en") for r in records]


def _defects(name: str, articles: list[tuple[str, str, str]], shown: bool = True) -> None:
    """The defect rate of the articles' summaries; the flagged sentences and a sample of the
    others when ``shown`` (a held-out half is counted, never read)."""
    kinds: Counter[str] = Counter()
    flagged: list[tuple[list[str], str]] = []
    clean: list[str] = []
    total = 0
    for title, text, language in articles:
        summary = summarize(text, "news", sentences=SENTENCES, language=language, title=title)
        for sentence in summary.sentences:
            total += 1
            found = defects(sentence.text, title)
            kinds.update(found)
            if found:
                flagged.append((found, sentence.text))
            else:
                clean.append(sentence.text)
    rate = 100 * len(flagged) / max(total, 1)
    detail = ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()) or "none"
    print(f"\n{name}: {len(articles)} articles, {total} summary sentences")
    print(f"defect rate {rate:.1f} % ({len(flagged)} sentences; {detail})")
    if not shown:
        return
    for found, text in flagged:
        print(f"  [{', '.join(found)}] {_short(text)}")
    print("a sample of the rest, to read by eye:")
    for text in random.Random(0).sample(clean, min(SAMPLE, len(clean))):
        print(f"  {_short(text)}")


def defects(text: str, title: str) -> list[str]:
    """What is wrong with ``text`` as a summary sentence of an article titled ``title``."""
    found = []
    first = FIRST_LETTER.search(text)
    if first is None or first.group().islower():
        found.append("lower-case start")
    if not ENDING.search(text):
        found.append("no final punctuation")
    if text.count("”") > text.count("“") or re.match(r'[^"]*\S"(?:[^"]*"[^"]*")*[^"]*$', text):
        found.append("quote closed, never opened")
    words = LETTERS.findall(text)
    if (
        len(text.split()) <= LABEL_WORDS
        and all(len(t) <= LONGEST_WORD for t in text.split())
        and any(w[0].isupper() for w in words)
        and all(w in FUNCTION_WORDS for w in words if w[0].islower())
    ):
        found.append("heading")
    if FURNITURE.search(text):
        found.append("furniture")
    if _repeats(text, title):
        found.append("headline")
    if len(text.split()) > LONGEST:
        found.append("overlong")
    return found


def _repeats(text: str, title: str) -> bool:
    words = [w.lower() for w in LETTERS.findall(text)]
    title_words = {w.lower() for w in LETTERS.findall(title)}
    return bool(words) and sum(w in title_words for w in words) >= 0.8 * len(words)


def _short(text: str) -> str:
    return text if len(text) <= 160 else text[:157] + "..."


if __name__ == "__main__":
    raise SystemExit(main())
