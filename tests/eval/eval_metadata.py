"""`METADATA_PAGES=<checkout of postlight/parser> make eval ONLY=metadata`: the title, byline
and date Dossier reads from web pages, against what people wrote down for them.

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

import html
import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from desktop.core.library.importers import UnreadableFile, read_articles

_STRING = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)"""
_JOINED = rf"{_STRING}(?:\s*\+\s*{_STRING})*"
_FIELDS = ("title", "author", "date_published")
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def main() -> int:
    folder = os.environ.get("METADATA_PAGES")
    if not folder:
        print("METADATA_PAGES not set: skipped (a checkout of postlight/parser)")
        return 0
    cases = expected_cases(Path(folder))
    tallies = {field: [0, 0] for field in _FIELDS}
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for case in cases:
            found = _read(Path(folder) / case["fixture"], Path(scratch))
            for field in _FIELDS:
                if not case.get(field):
                    continue
                same = _agrees(field, case[field], found.get(field, ""))
                tallies[field][0] += same
                tallies[field][1] += 1
                if not same:
                    misses.append(
                        f"  {field:<15}{case['site']}: {case[field]!r} → {found.get(field)!r}"
                    )
    print(f"{folder}: {len(cases)} pages with expectations")
    for field, (same, total) in tallies.items():
        print(f"{field:<15}{same}/{total} agree ({same / max(total, 1):.1%})")
    print("disagreements (expected → Dossier):")
    print("\n".join(misses))
    return 0


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
