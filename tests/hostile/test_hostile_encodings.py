"""Feeds and pages in encodings a newsroom meets (East Asian, UTF-16 without BOM) or that
name a codec that is not a text encoding: each imports or fails with one line naming it, and
one such file never stops the rest of a folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.cli import assert_clean, dossier, dossier_in_process, problems
from tests.hostile.hostile_files import STORY, write_all

TITLE = "東京 서울 北京 台北 café"


def _feed(encoding: str, codec: str | None = None) -> bytes:
    """An RSS feed declaring ``encoding``, encoded with ``codec`` (default: the same)."""
    xml = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel><title>'
        f"{TITLE}</title><item><title>{TITLE}</title><description>{STORY} {TITLE}"
        "</description></item></channel></rss>"
    )
    return xml.encode(codec or encoding, "xmlcharrefreplace")


def _page(charset: str) -> bytes:
    return (
        f'<html><head><meta charset="{charset}"><title>Budget</title></head>'
        f"<body><p>{STORY}</p></body></html>"
    ).encode()


CASES = {
    "shift_jis.xml": _feed("Shift_JIS"),
    "gb2312.xml": _feed("GB2312", "gb18030"),
    "gb18030.xml": _feed("GB18030"),
    "big5.xml": _feed("Big5"),
    "euc-kr.xml": _feed("EUC-KR"),
    "euc-jp.xml": _feed("EUC-JP"),
    "utf-16-no-bom.xml": _feed("UTF-16", "utf-16-le"),
    "utf-16be-no-bom.xml": _feed("UTF-16", "utf-16-be"),
    "unknown.xml": _feed("x-no-such-encoding", "utf-8"),
    "lies-latin1.xml": _feed("ISO-8859-1", "utf-8"),
    "undefined.html": _page("undefined"),
    "base64.html": _page("base64"),
    "rot13.html": _page("rot13"),
    "hex.html": _page("hex"),
    "zlib.html": _page("zlib"),
    "utf-7.html": _page("utf-7"),
    "unknown.html": _page("x-no-such-encoding"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_declared_encoding_imports_or_is_named(name: str, tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, {name: CASES[name]})
    run = dossier_in_process("import", str(path))
    assert not problems(run), f"{problems(run)}: {run.describe()}"
    if run.code == 0:
        found = dossier_in_process("search", "--json", "council")
        assert found.code == 0 and json.loads(found.out), found.describe()
    else:
        lines = run.err.rstrip("\n").split("\n")
        assert lines == [line for line in lines if line.startswith(f"dossier: {path}: ")]


def test_one_odd_encoding_never_stops_the_folder(tmp_path: Path) -> None:
    """Regression of the crashed batch: every file, good or odd, in one real import."""
    folder = tmp_path / "folder"
    write_all(folder, CASES)
    write_all(folder, {"plain.md": f"# Plain\n\n{STORY} Plain.\n".encode()})
    run = dossier(tmp_path / "home", "import", folder)
    assert_clean(run)
    listed = dossier(tmp_path / "home", "search", "Plain")
    assert "Plain" in listed.out, run.describe()
