"""A lead written as loose text before the story's ``<p>`` elements stays the first paragraph."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from desktop.core.library.importers.loose_text import wrap_loose_paragraphs
from tests.core.library.test_html_extraction import PARAGRAPHS, text_of

LEAD = (
    "NORTHPORT -- At least forty lorries were turned back at the harbour bridge on Monday, "
    "the first day of a ban that engineers say will last until its girders are replaced."
)
STORY = [
    *PARAGRAPHS,
    "The port authority said most hauliers had read the notices, but some foreign drivers had "
    "followed their satellite navigation onto the bridge approach and had to reverse.",
    "Police officers directed traffic at both ends of the bridge throughout the morning and "
    "said they would stay until the new signs on the ring road had been put up.",
]
REST = "".join(f"<p>{p}" for p in STORY)  # <p> as a separator, as older pages wrote it
MENU = "".join(f"<a href='/{s}'>{s.title()}</a> | " for s in ("news", "sport", "business"))


def old_page(story: str, *, table: bool = False) -> str:
    """An older news page: a menu, the headline, then ``story`` (in a layout table's cell
    beside a column of links when ``table``)."""
    links = "".join(f"<li><a href='/s/{i}'>Another story number {i}</a></li>" for i in range(6))
    body = (
        f"<table><tr><td><ul>{links}</ul></td><td>{story}</td></tr></table>"
        if table
        else f"<div id='main'><div class='content'>{story}</div></div>"
    )
    return (
        "<html><head><title>Lorries turned back at harbour bridge</title></head><body>"
        f"<div class='menu'>{MENU}</div><h1>Lorries turned back at harbour bridge</h1>"
        f"{body}<div class='footer'>Copyright Northport Post</div></body></html>"
    )


@pytest.mark.parametrize(
    "story",
    [
        f"<div class='txt'>{LEAD} {REST}</div>",  # the container's own text
        f"<div class='txt'><a href='/photo'><img src='bridge.jpg'></a> {LEAD} {REST}</div>",
        f"<div class='txt'><div class='ad'><script>show()</script></div>{LEAD}</p>{REST}</div>",
        f"<div><span id='body'><a href='/p'><img src='b.jpg'></a> {LEAD} {REST}</span></div>",
    ],
    ids=["container-text", "after-a-picture", "after-an-ad-box", "in-a-span-of-paragraphs"],
)
@pytest.mark.parametrize("table", [False, True], ids=["divs", "layout-table"])
def test_the_lead_comes_first_and_whole(tmp_path: Path, story: str, table: bool) -> None:
    paragraphs = text_of(tmp_path, old_page(story, table=table)).split("\n\n")
    assert paragraphs[0] == LEAD
    assert paragraphs[1:] == STORY


def test_loose_text_becomes_a_paragraph_in_its_place() -> None:
    page = lxml.html.document_fromstring(
        f"<html><body><div>{LEAD}<p>{PARAGRAPHS[0]}</p><b>Bold</b> and {LEAD}<p>end</p></div>"
        "</body></html>"
    )
    wrap_loose_paragraphs(page)
    holder = page.find(".//div")
    assert holder.text is None
    assert [p.text_content() for p in holder] == [LEAD, PARAGRAPHS[0], f"Bold and {LEAD}", "end"]


@pytest.mark.parametrize(
    "loose",
    [
        "By Jane Doe, Harbour Reporter",  # a byline: a label, not a paragraph
        "Advertisement",
        "<span class='title'>Envoy arrives in the north to inspect the harbour bridge</span><br>",
        "More from the harbour desk: <a href='/a'>Ferry fares to rise in spring.</a> "
        "<a href='/b'>Port traffic at a ten-year high.</a>",  # links, not a paragraph
        "<font size='2'><p>Already a paragraph of the story, inside old markup.</p></font>",
    ],
)
def test_labels_and_wrapped_blocks_are_left_as_found(loose: str) -> None:
    html = f"<html><body><div>{loose}<p>{PARAGRAPHS[0]}</p></div></body></html>"
    page = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(page)
    wrap_loose_paragraphs(page)
    assert lxml.html.tostring(page) == before


@pytest.mark.parametrize(
    "html",
    [
        f"<div>{LEAD}<br>{LEAD}</div>",  # no paragraphs beside it: trafilatura reads it whole
        f"<div><p class='title'>Harbour bridge closed</p>{LEAD}</div>",  # beside a headline
    ],
)
def test_text_beside_no_paragraph_is_left_as_found(html: str) -> None:
    page = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    before = lxml.html.tostring(page)
    wrap_loose_paragraphs(page)
    assert lxml.html.tostring(page) == before
