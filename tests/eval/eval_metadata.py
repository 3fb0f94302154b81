"""`METADATA_PAGES=<checkout of postlight/parser> make eval ONLY=metadata`: the title, byline
and date Dossier reads from web pages, against what people wrote down for them; with
``WCXB_PAGES`` (a checkout of Murrough-Foley/web-content-extraction-benchmark) also against
the reviewed title, author and date of WCXB's article pages of 2025, by split; with
``FUNDUS_PAGES`` (a checkout of flairNLP/fundus) against what its publisher parsers read from
their test pages, in the extraction eval's two halves (the second read as totals only).

postlight/parser (MIT or Apache-2.0) tests a custom extractor per site on a saved page
(``fixtures/<site>.html``): its ``index.test.js`` names the page and the expected ``title``,
``author`` and ``date_published``, filled in by hand from the article. About 140 sites, many
years and languages, none of them read while Dossier's rules were written. The fixtures keep
``<meta>`` values under ``value=`` (the parser's own preprocessing); the eval puts them back
under ``content=``, as the pages had them. Agreement is counted per field: the same title
after Unicode and quote normalisation, the same set of names, a date within a day (the
expectation is in UTC, Dossier keeps the page's own day). A miss is not always Dossier's error
(a page's og:title and its headline may differ); the lines printed are the reading list.
"""

from __future__ import annotations

import gzip
import html
import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from desktop.core.library.importers import UnreadableFile, read_articles
from tests.eval.eval_extraction import FUNDUS_DATA, fundus_pages, md5_half, wcxb_articles

_STRING = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)"""
_JOINED = rf"{_STRING}(?:\s*\+\s*{_STRING})*"
_FIELDS = ("title", "author", "date_published")
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def main() -> int:
    folder, wcxb = os.environ.get("METADATA_PAGES"), os.environ.get("WCXB_PAGES")
    fundus = os.environ.get("FUNDUS_PAGES")
    if not folder and not wcxb and not fundus:
        print("METADATA_PAGES, WCXB_PAGES and FUNDUS_PAGES not set: skipped (checkouts of")
        print("postlight/parser, Murrough-Foley/web-content-extraction-benchmark, flairNLP/fundus)")
        return 0
    if folder:
        cases = expected_cases(Path(folder))
        with tempfile.TemporaryDirectory() as scratch:
            found = [
                (c["site"], c, _read(Path(folder) / c["fixture"], Path(scratch))) for c in cases
            ]
        print(f"{folder}: {len(cases)} pages with expectations")
        _report(found, misses=True)
    if wcxb:
        for split in ("dev", "test"):
            found = wcxb_cases(Path(wcxb), split)
            print(f"{wcxb} {split} split: {len(found)} article pages")
            _report(found, misses=split == "dev")  # the test split is read as totals only
    if fundus:
        halves = fundus_cases(Path(fundus))
        for half, found in enumerate(halves):
            print(f"{fundus} {('first', 'second')[half]} half: {len(found)} pages")
            _report(found, misses=half == 0)
    return 0


def _report(found: list[tuple[str, dict[str, str], dict[str, str]]], misses: bool) -> None:
    """Agreement per field over ``(page, expected, Dossier's)``; the disagreements with
    ``misses``."""
    lines: list[str] = []
    for field in _FIELDS:
        cases = [
            (page, want[field], got.get(field, "")) for page, want, got in found if want.get(field)
        ]
        wrong = [(page, want, got) for page, want, got in cases if not _agrees(field, want, got)]
        same = len(cases) - len(wrong)
        print(f"{field:<15}{same}/{len(cases)} agree ({same / max(len(cases), 1):.1%})")
        lines += [f"  {field:<15}{page}: {want!r} → {got!r}" for page, want, got in wrong]
    if misses:
        print("disagreements (expected → Dossier):")
        print("\n".join(lines))


def wcxb_cases(repo: Path, split: str) -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """WCXB's article pages of ``split`` with its reviewed title, author and publishing date
    beside what Dossier reads from each page."""
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        for about, gold, page in wcxb_articles(repo, split):
            want = {"title": gold.get("title") or "", "author": gold.get("author") or ""}
            want["date_published"] = gold.get("publish_date") or ""
            saved = Path(scratch) / page.name.removesuffix(".gz")
            saved.write_bytes(gzip.decompress(page.read_bytes()))
            found.append((about["domain"], want, _article_fields(saved)))
    return found


def fundus_cases(repo: Path) -> list[list[tuple[str, dict[str, str], dict[str, str]]]]:
    """fundus's test pages in two halves, each with the title, writers and publishing date
    its publisher's parser reads beside what Dossier reads."""
    halves: list[list[tuple[str, dict[str, str], dict[str, str]]]] = [[], []]
    data = repo / FUNDUS_DATA
    with tempfile.TemporaryDirectory() as scratch:
        for name, version, page in fundus_pages(data):
            want = {
                "title": version.get("title") or "",
                "author": "; ".join(version.get("authors") or []),
                "date_published": (version.get("publishing_date") or "")[:10],
            }
            saved = Path(scratch) / f"{name}.html"
            saved.write_bytes(gzip.decompress(page.read_bytes()))
            halves[md5_half(name)].append((name, want, _article_fields(saved)))
    return halves


def expected_cases(repo: Path) -> list[dict[str, str]]:
    """Each site's page and the values its first test expects."""
    cases = []
    for test in sorted((repo / "src" / "extractors" / "custom").glob("*/index.test.js")):
        source = test.read_text(encoding="utf-8")
        first = source.split("it('works with", 1)[0]
        fixture = re.search(r"readFileSync\(\s*'\./(fixtures/[^']+)'", first)
        if not fixture:
            continue
        case = {"site": test.parent.name, "fixture": fixture.group(1)}
        for field in _FIELDS:
            value = re.search(rf"assert\.equal\(\s*{field}\s*,\s*({_JOINED})", first)
            if value:
                case[field] = _literal(value.group(1))
        cases.append(case)
    return cases


def _literal(expression: str) -> str:
    """The string a JavaScript expression of joined string literals stands for."""
    return "".join(re.sub(r"\\(.)", r"\1", part[1:-1]) for part in re.findall(_STRING, expression))


def _read(fixture: Path, scratch: Path) -> dict[str, str]:
    page = _META.sub(_content_back, fixture.read_text(encoding="utf-8", errors="replace"))
    saved = scratch / fixture.name
    saved.write_text(page, encoding="utf-8")
    return _article_fields(saved)


def _article_fields(saved: Path) -> dict[str, str]:
    try:
        article = read_articles(saved)[0]
    except UnreadableFile:
        return {}
    return {"title": article.title, "author": article.byline, "date_published": article.published}


def _content_back(tag: re.Match[str]) -> str:
    text = tag.group(0)
    if re.search(r"\scontent\s*=", text, re.IGNORECASE):
        return text
    return re.sub(r"(\s)value(\s*=)", r"\1content\2", text, count=1, flags=re.IGNORECASE)


def _agrees(field: str, expected: str, found: str) -> bool:
    if field == "date_published":
        try:
            return (
                abs((date.fromisoformat(found[:10]) - date.fromisoformat(expected[:10])).days) <= 1
            )
        except ValueError:
            return False
    if field == "author":
        return _names(expected) == _names(found)
    return _plain(expected) == _plain(found)


def _names(byline: str) -> set[str]:
    return {n.strip() for n in re.split(r",|;|&|\band\b", _plain(byline)) if n.strip()}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text or "")).translate(_QUOTES)
    return " ".join(text.split()).casefold()


if __name__ == "__main__":
    raise SystemExit(main())
