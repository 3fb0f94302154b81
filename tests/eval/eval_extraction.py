"""Article extraction on real news pages (``make eval ONLY=extraction``).

The measure of Zyte's article-extraction benchmark, reproduced exactly (its ``evaluate.py``):
4-word shingles of the extracted body against the hand-checked ``articleBody``, each page's
TP/FP/FN normalised to sum 1, then the mean precision and mean recall over pages, F1 from those
two. Dossier's figure is the text it stores (the HTML importer on the page saved as a file);
beside it, plain ``trafilatura.extract`` on the same decoded page. Pages of another folder
(``EXTRACTION_PAGES``) are split in two halves by a checksum of the key: faults are looked for
in the first only (its worst pages are listed), the second is read only as a total; "never
read" is the part of it that an earlier round, which split by position, did not read either.
With ``CLEANING_PAGES`` set, collections of pages in CleanEval's layout are scored too
(``score_cleaning_sets``), and with ``SNIPPET_PAGES`` (a checkout of adbar/trafilatura) its
990 evaluation pages by their snippets (``score_snippets``), and with ``READABILITY_PAGES``
(a checkout of mozilla/readability) its real test pages against Readability's own output
(``score_readability``), and with ``WCXB_PAGES`` (a checkout of
Murrough-Foley/web-content-extraction-benchmark) its article pages of 2025 (``score_wcxb``),
and with ``FUNDUS_PAGES`` (a checkout of flairNLP/fundus) the news pages its parsers are tested
on, of 2023 to 2026 and 40 countries (``score_fundus``). Skips with a message when the
evaluation data is absent.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import re
import statistics
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.decoding import declared_encoding, decode_text
from tests.eval.eval_leaders import EVAL

DEV_PAGES = EVAL / "extraction-dev"
PAGES = Path(os.environ.get("EXTRACTION_PAGES", DEV_PAGES))
CLEANING_PAGES = os.environ.get("CLEANING_PAGES", "")
SNIPPET_PAGES = os.environ.get("SNIPPET_PAGES", "")
READABILITY_PAGES = os.environ.get("READABILITY_PAGES", "")
WCXB_PAGES = os.environ.get("WCXB_PAGES", "")
FUNDUS_PAGES = os.environ.get("FUNDUS_PAGES", "")
FUNDUS_DATA = Path("tests", "resources", "parser", "test_data")
"""Where a checkout of fundus keeps its publishers' pages and their gold."""
FUNDUS_WORDS = 50
FUNDUS_SHARE = 0.8
"""A fundus page is scored when its gold body has ``FUNDUS_WORDS`` words or more (not a
language written without spaces) and the page holds ``FUNDUS_SHARE`` of them."""
READABILITY_TEXT = 1500
"""Characters of Readability's expected text from which a test page is a real page, not a
case of a few lines made to test one rule."""
WORST = 8
_COMMENTS_MARK = "!@#$%^&*() COMMENTS"
_FULL_TEXT = "//*[contains(concat(' ', @class, ' '), ' x-nc-sel2 ')]"
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

Counts = tuple[float, float, float]


def shingle_counts(true: str, pred: str, n: int = 4) -> Counts:
    """Normalised TP, FP, FN over ``n``-word shingles (evaluate.py's string_shingle_matching)."""
    truth, found = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in truth.keys() | found.keys():
        t, p = truth.get(key, 0), found.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total > 0 else (tp, fp, fn)


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _mean(values: list[float]) -> float:
    """The mean, or 0 for none: a page whose extraction found nothing scores 0, not an error."""
    return statistics.mean(values) if values else 0.0


def metrics(counts: list[Counts]) -> tuple[float, float, float]:
    """``(F1, precision, recall)`` over pages, as evaluate.py's metrics_from_tp_fp_fns."""
    precision = _mean([_precision(*c) for c in counts if c[0] + c[1] > 0])
    recall = _mean([_recall(*c) for c in counts if c[0] + c[2] > 0])
    both = precision + recall
    return (2 * precision * recall / both if both else 0.0), precision, recall


def dossier_text(page: Path, folder: Path) -> str:
    """The body Dossier stores for the page, imported as a saved ``.html`` file."""
    saved = folder / (page.name.split(".")[0] + ".html")
    saved.write_bytes(page_bytes(page))
    try:
        return read_articles(saved)[0].text
    except UnreadableFile:
        return ""


def plain_text(page: Path, comments: bool = True) -> str:
    """``trafilatura.extract`` with its defaults (readers' comments kept), or without them."""
    import trafilatura

    data = page_bytes(page)
    text = decode_text(data, page, declared_encoding(data))
    return trafilatura.extract(text, include_comments=comments) or ""


def page_bytes(page: Path) -> bytes:
    data = page.read_bytes()
    return gzip.decompress(data) if page.suffix == ".gz" else data


def md5_half(key: str) -> int:
    """0 for the pages rules were learned from, 1 for those checked only as a total."""
    return int(hashlib.md5(key.encode()).hexdigest(), 16) % 2


def dev_keys() -> set[str]:
    """The pages of the dev folder, left out when another folder is scored."""
    dev_truth = DEV_PAGES / "ground-truth.json"
    return set(json.loads(dev_truth.read_text(encoding="utf-8"))) if dev_truth.exists() else set()


def main() -> int:
    status = score_benchmark()
    if CLEANING_PAGES:
        score_cleaning_sets(Path(CLEANING_PAGES))
    if SNIPPET_PAGES:
        score_snippets(Path(SNIPPET_PAGES))
    if READABILITY_PAGES:
        score_readability(Path(READABILITY_PAGES))
    if WCXB_PAGES:
        score_wcxb(Path(WCXB_PAGES))
    if FUNDUS_PAGES:
        score_fundus(Path(FUNDUS_PAGES))
    return status


def score_benchmark() -> int:
    """Zyte's benchmark pages: the dev folder, or ``EXTRACTION_PAGES`` in halves."""
    truth_file = PAGES / "ground-truth.json"
    if not truth_file.exists():
        print(f"skipped: {truth_file} not found (the evaluation data lives in ../shared/eval)")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    keys = sorted(truth.keys() - dev_keys() if PAGES != DEV_PAGES else truth)
    print(f"{PAGES}: {len(keys)} pages")
    ours: dict[str, Counts] = {}
    plain: dict[str, Counts] = {}
    with tempfile.TemporaryDirectory() as folder:
        for key in keys:
            page = PAGES / "html" / f"{key}.html.gz"
            body = truth[key].get("articleBody", "")
            ours[key] = shingle_counts(body, dossier_text(page, Path(folder)))
            plain[key] = shingle_counts(body, plain_text(page))
    dev = PAGES == DEV_PAGES  # every dev page is read: no halves
    tuning = keys if dev else [k for k in keys if md5_half(k) == 0]
    held = [] if dev else [k for k in keys if md5_half(k) == 1]
    halves = {
        "all": keys,
        "tuning half": [] if dev else tuning,
        "held-out half": held,
        # Pages of the held-out half that no fault-finding ever read one by one (an earlier
        # round also read the even positions of the sorted keys).
        "never read": [] if dev else [k for i, k in enumerate(keys) if i % 2 and md5_half(k)],
    }
    for name, chosen in halves.items():
        if not chosen:
            continue
        line = "  ".join(
            f"{who} F1 {f:.3f} P {p:.3f} R {r:.3f}"
            for who, scores in (("dossier", ours), ("plain trafilatura", plain))
            for f, p, r in [metrics([scores[k] for k in chosen])]
        )
        print(f"{name:<13} ({len(chosen)} pages)  {line}")
    print("worst pages of the tuning half (F1 of the page; P, R; plain trafilatura's F1):")
    for key in sorted(tuning, key=lambda k: metrics([ours[k]])[0])[:WORST]:
        f, p, r = metrics([ours[key]])
        print(
            f"  {f:.3f} (P {p:.2f} R {r:.2f}; plain {metrics([plain[key]])[0]:.3f})  "
            f"{truth[key].get('url', key)}"
        )
    return 0


def cleaning_gold(gold: Path) -> str:
    """The story text of a page in CleanEval's layout: an L3S-GN1 annotated page's full-text
    blocks (class ``x-nc-sel2``), or a plain gold text up to dragnet's comments mark."""
    import lxml.html

    text = gold.read_bytes().decode("utf-8", "replace")
    if "x-nc-sel2" not in text:
        return text.split(_COMMENTS_MARK)[0]
    blocks = lxml.html.fromstring(text).xpath(f"{_FULL_TEXT}[not(ancestor::{_FULL_TEXT[2:]})]")
    return "\n".join(block.text_content() for block in blocks)


def score_cleaning_sets(folder: Path) -> None:
    """Dossier and plain trafilatura on each collection under ``folder`` with ``input/*.html``
    and ``GoldStandard/*.txt`` (the layout of j-szulc/html-cleaning-dataset-merged: dragnet's
    1,381 pages, L3S-GN1's 621). Plain trafilatura is also scored without readers' comments,
    which Dossier leaves out and dragnet's gold often keeps (as it keeps titles and bylines,
    which Dossier stores apart from the text). Dossier's figure is also given for each half by
    a checksum of the page's name: faults are looked for in half 0, half 1 is read as a
    total."""
    for collection in sorted(p for p in folder.iterdir() if (p / "GoldStandard").is_dir()):
        scores: dict[str, list[Counts]] = {"dossier": [], "plain": [], "plain, no comments": []}
        halves: dict[int, list[Counts]] = {0: [], 1: []}
        with tempfile.TemporaryDirectory() as saved:
            for page in sorted((collection / "input").glob("*.html")):
                gold_file = collection / "GoldStandard" / f"{page.stem}.txt"
                if not gold_file.exists():
                    continue
                gold = cleaning_gold(gold_file)
                for who, text in (
                    ("dossier", dossier_text(page, Path(saved))),
                    ("plain", plain_text(page)),
                    ("plain, no comments", plain_text(page, comments=False)),
                ):
                    scores[who].append(shingle_counts(gold, text))
                halves[md5_half(page.stem)].append(scores["dossier"][-1])
        if scores["dossier"]:
            print(f"{collection.name} ({len(scores['dossier'])} pages)  {_scores_line(scores)}")
            print(
                "  dossier by half: "
                + "  ".join(f"{h}: {metrics(c)[0]:.4f} ({len(c)})" for h, c in halves.items() if c)
            )


def score_snippets(repo: Path) -> None:
    """trafilatura's evaluation pages (``tests/evaldata.json`` with the pages in
    ``tests/eval`` and ``tests/cache``): how many of the snippets that must stay are kept and
    how many furniture snippets are left, by Dossier and by plain ``trafilatura.extract``."""
    listing = repo / "tests" / "evaldata.json"
    if not listing.exists():
        print(f"trafilatura's pages skipped: {listing} not found")
        return
    data = json.loads(listing.read_text(encoding="utf-8"))
    kept = {"dossier": 0, "plain": 0}
    left = {"dossier": 0, "plain": 0}
    must = furniture = 0
    with tempfile.TemporaryDirectory() as saved:
        for entry in data.values():
            pages = [repo / "tests" / d / entry["file"] for d in ("eval", "cache")]
            page = next((p for p in pages if p.exists()), None)
            if page is None:
                continue
            must += len(entry["with"])
            furniture += len(entry["without"])
            for who, text in (
                ("dossier", dossier_text(page, Path(saved))),
                ("plain", plain_text(page)),
            ):
                shown = _flat(text)
                kept[who] += sum(_flat(s) in shown for s in entry["with"])
                left[who] += sum(_flat(s) in shown for s in entry["without"])
    for who in kept:
        print(
            f"trafilatura's pages, {who}: {kept[who]:,} of {must:,} snippets that must stay kept, "
            f"{left[who]:,} of {furniture:,} furniture snippets left"
        )


def score_readability(repo: Path) -> None:
    """Readability's test pages (``test/test-pages/*/source.html``) whose expected output
    (``expected.html``, which keeps captions and lists of links) has ``READABILITY_TEXT``
    characters or more, scored as the benchmark's pages are."""
    from desktop.core.library.importers.element_text import element_text, html_document_body

    cases = repo / "test" / "test-pages"
    if not cases.is_dir():
        print(f"readability skipped: {cases} not found")
        return
    scores: dict[str, list[Counts]] = {"dossier": [], "plain": []}
    with tempfile.TemporaryDirectory() as saved:
        for case in sorted(cases.iterdir()):
            expected, page = case / "expected.html", case / "source.html"
            if not (expected.exists() and page.exists()):
                continue
            body = html_document_body(expected.read_text(encoding="utf-8"))
            gold = element_text(body) if body is not None else ""
            if len(gold) < READABILITY_TEXT:
                continue
            scores["dossier"].append(shingle_counts(gold, dossier_text(page, Path(saved))))
            scores["plain"].append(shingle_counts(gold, plain_text(page)))
    print(f"readability ({len(scores['dossier'])} pages)  {_scores_line(scores)}")


def score_wcxb(repo: Path) -> None:
    """WCXB's article pages, each split scored as the benchmark's pages are."""
    listing = repo / "metadata.json"
    if not listing.exists():
        print(f"wcxb skipped: {listing} not found")
        return
    with tempfile.TemporaryDirectory() as saved:
        for split in ("dev", "test"):
            scores: dict[str, list[Counts]] = {"dossier": [], "plain": []}
            for _, gold, page in wcxb_articles(repo, split):
                if not gold.get("main_content"):
                    continue
                scores["dossier"].append(
                    shingle_counts(gold["main_content"], dossier_text(page, Path(saved)))
                )
                scores["plain"].append(shingle_counts(gold["main_content"], plain_text(page)))
            print(f"wcxb {split} articles ({len(scores['dossier'])} pages)  {_scores_line(scores)}")


def wcxb_articles(repo: Path, split: str) -> Iterator[tuple[dict[str, str], dict[str, str], Path]]:
    """WCXB's article pages of ``split`` in key order, each as what ``metadata.json`` says of
    it, its reviewed gold (``<split>/ground-truth``) and its saved page (``<split>/html``, of
    2025). Its other types (product, forum, collection, listing, service and documentation
    pages) are not what Dossier imports."""
    files = json.loads((repo / "metadata.json").read_text(encoding="utf-8"))["files"]
    for key, about in sorted(files.items()):
        truth = repo / split / "ground-truth" / f"{key}.json"
        if about["split"] == split and about["page_type"] == "article" and truth.exists():
            gold = json.loads(truth.read_text(encoding="utf-8"))["ground_truth"]
            yield about, gold, repo / split / "html" / f"{key}.html.gz"


def score_fundus(repo: Path) -> None:
    """fundus's test pages, each against the body its publisher's parser gives (summary,
    sub-headings and paragraphs), in two halves by a checksum of the page's name as the
    benchmark's other folder is: faults are looked for in the first only."""
    data = repo / FUNDUS_DATA
    if not data.is_dir():
        print(f"fundus skipped: {data} not found")
        return
    halves: list[dict[str, list[Counts]]] = [{"dossier": [], "plain": []} for _ in range(2)]
    with tempfile.TemporaryDirectory() as saved:
        for name, version, page in fundus_pages(data):
            gold = fundus_body(version)
            scores = halves[md5_half(name)]
            scores["dossier"].append(shingle_counts(gold, dossier_text(page, Path(saved))))
            scores["plain"].append(shingle_counts(gold, plain_text(page)))
    for half, scores in zip(("first half", "second half"), halves, strict=True):
        print(f"fundus {half} ({len(scores['dossier'])} pages)  {_scores_line(scores)}")


def fundus_pages(data: Path) -> Iterator[tuple[str, dict, Path]]:
    """Each page (``<country>/<Publisher>_<date>.html.gz``) with its name and its gold, the
    parser's output for it (``title``, ``authors``, ``publishing_date``, ``body``). A
    publisher's JSON holds one per parser version, which the page's date picks by rules kept
    in the parsers' code; the page's is the version whose body's words the page holds, and of
    versions it holds alike, the one whose place among them is the page's among the
    publisher's pages by date."""
    for page in sorted(data.glob("*/*_*.html.gz")):
        publisher = page.name.rsplit("_", 3)[0]
        truth = page.parent / f"{publisher}.json"
        if not truth.exists():
            continue
        place = sorted(page.parent.glob(f"{publisher}_*.html.gz")).index(page)
        versions = list(json.loads(truth.read_text(encoding="utf-8")).values())
        shown = html.unescape(page_bytes(page).decode("utf-8", "replace")).casefold()
        words = set(_TOKEN.findall(shown))
        held = [
            (round(_held(words, fundus_body(v)), 2), -abs(i - place), i)
            for i, v in enumerate(versions)
            if fundus_body(v)
        ]
        share, _, best = max(held, default=(0.0, 0, -1))
        body = fundus_body(versions[best]) if held else ""
        if len(_TOKEN.findall(body)) >= FUNDUS_WORDS and share >= FUNDUS_SHARE:
            yield f"{page.parent.name}_{page.name.split('.')[0]}", versions[best], page


def fundus_body(version: dict) -> str:
    """The text of one version's ``body``: its summary, then each section's headings and
    paragraphs."""
    body = version.get("body") or {}
    parts = list(body.get("summary", []))
    for section in body.get("sections", []):
        parts += section.get("headline", []) + section.get("paragraphs", [])
    return "\n".join(parts)


def _held(words: set[str], text: str) -> float:
    tokens = _TOKEN.findall(text.casefold())
    return sum(t in words for t in tokens) / max(1, len(tokens))


def _scores_line(scores: dict[str, list[Counts]]) -> str:
    """F1, precision and recall of each extractor, on one line."""
    return "  ".join(
        f"{who} F1 {f:.3f} P {p:.3f} R {r:.3f}"
        for who, counts in scores.items()
        for f, p, r in [metrics(counts)]
    )


def _flat(text: str) -> str:
    """Text with every run of spaces and breaks as one space, as a snippet is matched."""
    return " ".join(text.split())


if __name__ == "__main__":
    raise SystemExit(main())
