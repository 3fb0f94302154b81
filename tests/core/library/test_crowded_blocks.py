"""Blocks of thousands of inline elements: a cloud of links goes, wrapped words stay as text."""

from __future__ import annotations

import lxml.html

from desktop.core.library.importers.crowded import CROWDED, thin_crowded_blocks

STORY = "<p>The council closed the old harbour bridge to lorries on Monday.</p>"


def _page(block: str) -> lxml.html.HtmlElement:
    html = f"<html><body><div>{block}after{STORY}</div></body></html>"
    return lxml.html.document_fromstring(html)


def test_a_cloud_of_links_goes_and_its_tail_stays() -> None:
    links = "".join(f"<a href='/tag/{i}'>tag{i}</a> " for i in range(CROWDED + 1))
    page = _page(f"<p>Tags: {links}</p>")
    thin_crowded_blocks(page)
    assert page.find(".//a") is None
    assert " ".join(page.text_content().split()) == (
        "afterThe council closed the old harbour bridge to lorries on Monday."
    )


def test_words_wrapped_one_by_one_keep_their_text_as_one_run() -> None:
    words = [f"word{i}" for i in range(CROWDED + 1)]
    page = _page("<p>" + " ".join(f"<span>{w}</span>" for w in words) + "<br>last line</p>")
    thin_crowded_blocks(page)
    paragraph = page.find(".//p")
    assert paragraph.find("span") is None and paragraph.find("br") is not None
    assert paragraph.text == " ".join(words)  # one text node, read whole
    assert paragraph.xpath("count(.//text())") == 2  # the run and the line after the break
    assert "after" in page.text_content()


def test_a_block_of_fewer_inline_elements_is_left_alone() -> None:
    links = "".join(f"<a href='/tag/{i}'>tag{i}</a> " for i in range(CROWDED))
    page = _page(f"<p>{links}</p>")
    thin_crowded_blocks(page)
    assert len(page.findall(".//a")) == CROWDED
