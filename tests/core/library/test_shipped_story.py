"""A story the page ships only as data for its scripts (Next.js's stream, a JSON script) is
read from there; a page that shows its story is read as shown, not twice."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.library.importers import UnreadableFile, read_articles
from tests.core.library.test_html_extraction import PARAGRAPHS

STORY_HTML = "".join(f"<p class='editor-p'>{p}</p>" for p in PARAGRAPHS)
SHELL = (
    "<!DOCTYPE html><html><head><title>Harbour bridge closed to lorries - Northport Post</title>"
    "<meta property='og:title' content='Harbour bridge closed to lorries'></head><body>"
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
    "<main><div id='article-body'>{shown}</div></main>"
    "<footer><p>© Northport Post</p></footer>{scripts}</body></html>"
)
TEASER = "<p>Port traffic hits a ten-year high.</p>"


def _pushes(stream: str, pieces: int = 3) -> str:
    """``stream`` as Next.js sends it: ``self.__next_f.push([1, "…"])`` calls, cut anywhere."""
    size = len(stream) // pieces + 1
    calls = [
        f"<script>self.__next_f.push({json.dumps([1, stream[i : i + size]])})</script>"
        for i in range(0, len(stream), size)
    ]
    return "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" + "".join(calls)


def _text_row(html: str) -> str:
    """A long string as a row of the stream: ``id:T<length in UTF-8 bytes, hex>,<text>``."""
    return f"24:T{len(html.encode('utf-8')):x},{html}"


def _read(tmp_path: Path, html: str) -> str:
    saved = tmp_path / "story.html"
    saved.write_text(html, encoding="utf-8")
    return read_articles(saved)[0].text


def test_a_story_only_in_the_stream_s_long_text_row_is_read(tmp_path: Path) -> None:
    stream = (
        '1:I[49594,[],"IconMark"]\n'
        + _text_row("<p>Photo: the bridge at dawn.</p>")
        # The next row follows a long text without a line break.
        + _text_row(f"<div class='caption'><p>Ma Ri-sŏ — the bridge at dawn.</p></div>{STORY_HTML}")
        + '25:["$","div",null,{"dangerouslySetInnerHTML":{"__html":"$24"}}]\n'
    )
    text = _read(tmp_path, SHELL.format(shown="", scripts=_pushes(stream)))
    assert [p for p in PARAGRAPHS if p in text] == PARAGRAPHS


def test_a_story_in_a_json_row_of_the_stream_is_read_and_a_teaser_is_not(tmp_path: Path) -> None:
    row = ["$", "div", None, {"dangerouslySetInnerHTML": {"__html": STORY_HTML}}]
    teaser = ["$", "div", None, {"dangerouslySetInnerHTML": {"__html": TEASER}}]
    stream = f"7:{json.dumps(teaser)}\n8:{json.dumps(row)}\n"
    text = _read(tmp_path, SHELL.format(shown="", scripts=_pushes(stream, 5)))
    assert PARAGRAPHS[0] in text and PARAGRAPHS[-1] in text
    assert "ten-year high" not in text


def test_a_story_in_the_pages_json_data_is_read(tmp_path: Path) -> None:
    data = {"props": {"pageProps": {"article": {"title": "Bridge", "body": STORY_HTML}}}}
    script = f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"
    text = _read(tmp_path, SHELL.format(shown="", scripts=script))
    assert [p for p in PARAGRAPHS if p in text] == PARAGRAPHS


def test_a_story_the_page_shows_is_read_once(tmp_path: Path) -> None:
    shown = "".join(f"<p>{p.replace(', ', ', <b>', 1)}</p>" for p in PARAGRAPHS)
    stream = _text_row(STORY_HTML)
    text = _read(tmp_path, SHELL.format(shown=shown, scripts=_pushes(stream)))
    assert all(text.count(p.split(",")[0]) == 1 for p in PARAGRAPHS)


def test_a_page_whose_data_holds_only_a_blurb_has_no_story(tmp_path: Path) -> None:
    stream = _text_row(TEASER)
    try:
        text = _read(tmp_path, SHELL.format(shown="", scripts=_pushes(stream)))
    except UnreadableFile:
        text = ""
    assert "ten-year high" not in text


def test_a_profile_in_the_data_beside_a_story_shown_stays_out(tmp_path: Path) -> None:
    profile = (
        "<p>Corey Brandt is a director in the firm's investment banking practice, where he "
        "advises founder-owned and venture-backed businesses on mergers and acquisitions.</p>"
        "<p>Before joining the firm he worked at a boutique investment bank, advising companies "
        "on raising capital, and earlier in the advisory practice of an accounting firm.</p>"
        "<p>He earned his degree in political science and accounting at the state university "
        "and holds the licences a registered representative of a broker needs.</p>"
        "<p>He lives in Northport with his family and coaches the harbour rowing club's junior "
        "crews on weekends during the summer season.</p>"
    )
    data = {"author": {"name": "Corey Brandt", "bio": profile}}
    script = f"<script type='application/json'>{json.dumps(data)}</script>"
    shown = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    text = _read(tmp_path, SHELL.format(shown=shown, scripts=script))
    assert PARAGRAPHS[0] in text and "investment bank" not in text
