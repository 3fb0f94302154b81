"""The vendored hostile corpora (see tests/data/PROVENANCE.md), unpacked into files to import."""

from __future__ import annotations

import json
import tarfile
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
_DOCUMENT_BODY = b"\n<body><p>The council voted on the budget on Tuesday evening.</p></body>\n"


@cache
def naughty_strings() -> tuple[str, ...]:
    """Every non-empty string of the big-list-of-naughty-strings, in its order."""
    strings = json.loads((DATA / "blns" / "blns.json").read_text(encoding="utf-8"))
    return tuple(s for s in strings if s)


def naughty_sample(step: int) -> tuple[str, ...]:
    """Every ``step``-th naughty string (a fixed, spread-out subset for the fast run)."""
    return naughty_strings()[::step]


def unpack(archive: str, into: Path) -> Path:
    """Unpack ``tests/data/<archive>.tar.gz`` under ``into``; the folder it holds."""
    with tarfile.open(DATA / f"{archive}.tar.gz") as tar:
        tar.extractall(into, filter="data")
    return into / archive


def feedparser_feeds(into: Path) -> list[Path]:
    """feedparser's test feeds, each a small (often ill-formed or oddly encoded) XML file."""
    return sorted(p for p in (unpack("feedparser-tests", into) / "tests").rglob("*.xml"))


def html5lib_documents(into: Path) -> list[Path]:
    """html5lib's encoding documents (bytes as given, each ``#data`` block one file) and every
    tokenizer ``input`` as the head of an HTML page with one sentence of text."""
    root = unpack("html5lib-tests", into)
    out = into / "html5lib-documents"
    out.mkdir()
    written = []
    for dat in sorted((root / "encoding").rglob("*.dat")):
        stem = "-".join(dat.relative_to(root / "encoding").with_suffix("").parts)
        for number, block in enumerate(dat.read_bytes().split(b"#data\n")[1:], start=1):
            document = block.split(b"\n#encoding\n")[0]
            written.append(out / f"encoding-{stem}-{number}.html")
            written[-1].write_bytes(document + _DOCUMENT_BODY)
    for test_file in sorted((root / "tokenizer").glob("*.test")):
        cases = json.loads(test_file.read_text(encoding="utf-8")).get("tests", [])
        for number, case in enumerate(cases, start=1):
            data = case["input"].encode("utf-8", "surrogatepass")
            written.append(out / f"tokenizer-{test_file.stem}-{number}.html")
            page = b"<!DOCTYPE html><title>" + data + b"</title>" + data + _DOCUMENT_BODY
            written[-1].write_bytes(page)
    return written
