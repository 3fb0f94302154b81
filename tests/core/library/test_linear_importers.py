"""Hostile Markdown, plain text (issue 11) and HTML (issue 14) import in linear time.

Each input took quadratic time before: 200 KB ran for minutes, the window froze and Cancel did
nothing. Timings are not asserted (the machine may be busy); the guard only stops a hang. On
this input size each import takes well under a second (``make bench ONLY=importers`` prints the
figures), so the guard is over ten times the expected time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import MAX_FILE_BYTES, UnreadableFile, read_articles
from desktop.core.library.importers.building import tidy_text
from desktop.core.library.importers.markdown import strip_markdown
from tests.core.library.hostile_markup import HTML, MARKDOWN, PLAIN_TEXT, STORY

SIZE = 200_000
HANG_GUARD = pytest.mark.timeout(20, method="signal")


@HANG_GUARD
@pytest.mark.parametrize("name", sorted(MARKDOWN))
def test_hostile_markdown_imports_in_linear_time(tmp_path: Path, name: str) -> None:
    path = tmp_path / "hostile.md"
    path.write_text("Hostile\n\n" + MARKDOWN[name](SIZE), encoding="utf-8")
    try:
        (article,) = read_articles(path)
    except UnreadableFile as refused:  # only "no text" may be said of pure markup
        assert "no text" in refused.reason
    else:
        assert article.text


@HANG_GUARD
@pytest.mark.parametrize("name", sorted(PLAIN_TEXT))
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_hostile_plain_text_imports_in_linear_time(tmp_path: Path, name: str, suffix: str) -> None:
    path = tmp_path / f"hostile{suffix}"
    path.write_text(PLAIN_TEXT[name](SIZE), encoding="utf-8")
    (article,) = read_articles(path)
    assert article.text[0] in "xa" and article.text[-1] in "xab"


@HANG_GUARD
@pytest.mark.parametrize("name", sorted(HTML))
def test_hostile_html_imports_in_linear_time(tmp_path: Path, name: str) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(HTML[name](SIZE), encoding="utf-8")
    (article,) = read_articles(path)
    assert STORY in article.text


def test_the_linear_patterns_read_markdown_as_before() -> None:
    """The same reading text as the old patterns gave (but without image alt text), and a URL
    holding parentheses (which they cut at its first ``)``) is removed whole."""
    text = (
        "# Budget vote #\n\nThe **council** voted *today* on the [harbour](http://x.org/a_(b))"
        " plan; ~~no~~ `code` and snake_case_name stay, ![map](m.png) <b>too</b>.\n\n"
        "Soft\nwrapped  \nline\n\n```py\nprint(1)\n```"
    )
    assert strip_markdown(text) == (
        "Budget vote\n\nThe council voted today on the harbour plan; no code and snake_case_name"
        " stay, too.\n\nSoft wrapped\nline\n\nprint(1) "
    )
    assert tidy_text("a  \t\n\n\n\nb\u00a0\r\nc ") == "a\n\nb\nc"


@pytest.mark.timeout(60, method="signal")
@pytest.mark.slow
def test_one_line_files_near_and_over_the_size_limit(tmp_path: Path) -> None:
    sentence = "The council voted on the **harbour** budget and the [mayor](http://x.org) spoke. "
    near = tmp_path / "near.md"
    near.write_text(sentence * ((MAX_FILE_BYTES - 1_000_000) // len(sentence)), encoding="utf-8")
    (article,) = read_articles(near)
    assert article.text.startswith("The council voted on the harbour budget and the mayor")
    over = tmp_path / "over.txt"
    over.write_bytes(sentence.encode() * (30_000_000 // len(sentence)))
    with pytest.raises(UnreadableFile, match=r"too large \(28\.6 MiB; the limit is 20 MiB\)"):
        read_articles(over)
