"""What the page shows after the story, outside it, is not the story's last lines."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from desktop.core.library.importers import read_articles
from desktop.core.library.importers.page_tail import line_places, without_page_tail
from tests.core.library.test_html_extraction import PARAGRAPHS

STORY = [*PARAGRAPHS, *(f"Earlier, {p[0].lower()}{p[1:]}" for p in PARAGRAPHS)]
"""A story long enough that what follows it is a small part of the text."""
NOTICE = "This material may not be published, broadcast, rewritten, or redistributed."
PROMO = (
    "Have all your tax questions answered by our tax specialist, and receive money-saving "
    "tips every week of the season."
)
FAQ = [
    "When will the bridge reopen?",
    "The city expects the new girders to be in place by the end of the summer holidays.",
    "Can cyclists still use the bridge?",
    "Yes, the cycle lanes on both sides stay open while the engineers work on the girders.",
]


def table_layout(story: str) -> str:
    """A page of 2008: columns in a table, the story's paragraphs parted by ``<br>``, a
    promotion in the right-hand column and the site's notice in a table below."""
    return (
        "<html><head><title>Harbour bridge closed to lorries</title></head><body>"
        "<table><tr><td id='col1'><a href='/'>Home</a><br><a href='/news'>News</a></td>"
        "<td id='col2'><table><tr><td><font><h1>Harbour bridge closed to lorries</h1>"
        f"<div id='storyBody'><p>{story}</p></div></font></td></tr></table></td>"
        "<td id='col4'><table><tr><td><font><b>Tax Centre: ask our accountant</b><br>"
        f"{PROMO}</font></td></tr></table></td></tr></table>"
        "<table><tr><td><font>Content © Copyright 2000 - 2008 Northport Post. All Rights "
        f"Reserved.<br>{NOTICE}</font></td></tr></table></body></html>"
    )


def tail_kept(html: str, lines: list[str]) -> list[str]:
    page = lxml.html.document_fromstring(html)
    return without_page_tail(lines, line_places(page, lines))


def test_the_sites_notice_under_a_story_of_2008_is_left_out(tmp_path: Path) -> None:
    saved = tmp_path / "bridge.html"
    saved.write_text(table_layout("<br><br>".join(PARAGRAPHS)), encoding="utf-8")
    text = read_articles(saved)[0].text
    assert text.endswith(PARAGRAPHS[-1])
    assert "Copyright" not in text and NOTICE not in text


def test_lines_held_outside_the_story_after_it_are_left_out() -> None:
    html = (
        "<html><body><div class='col'><article><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + f"</div></article><div class='promo'><p>Tax Centre</p><p>{PROMO}</p></div></div>"
        f"<div class='legal'><p>{NOTICE}</p></div></body></html>"
    )
    assert tail_kept(html, [*STORY, "Tax Centre", PROMO, NOTICE]) == STORY


def test_the_storys_own_closing_notice_stays() -> None:
    notice = "Copyright 2019 Northport Post. All rights reserved."
    html = (
        "<html><body><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + f"<p><em>{notice}</em></p></div><div class='legal'><p>{NOTICE}</p></div></body></html>"
    )
    assert tail_kept(html, [*STORY, notice, NOTICE]) == [*STORY, notice]


def test_the_last_block_of_a_body_split_by_an_advert_stays() -> None:
    html = (
        "<html><body><div class='col'><div class='text-block'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</div></div><div class='advert'>Advertisement</div>"
        + f"<div class='text-block'><p>{STORY[0]} Again.</p></div></body></html>"
    )
    lines = [*STORY, f"{STORY[0]} Again."]
    assert tail_kept(html, lines) == lines


def test_questions_and_answers_after_the_story_stay() -> None:
    html = (
        "<html><body><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</div><section class='faq'>"
        + "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in zip(FAQ[::2], FAQ[1::2], strict=True))
        + "</section></body></html>"
    )
    assert tail_kept(html, [*STORY, *FAQ]) == [*STORY, *FAQ]


def test_a_line_the_page_holds_in_two_places_ends_the_run() -> None:
    html = (
        f"<html><body><header><p>{NOTICE}</p></header><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + f"</div><div class='promo'><p>{PROMO}</p></div><footer><p>{NOTICE}</p></footer>"
        "</body></html>"
    )
    assert tail_kept(html, [*STORY, NOTICE, PROMO]) == [*STORY, NOTICE]


def test_paragraphs_parted_by_line_breaks_are_found_in_their_element() -> None:
    page = lxml.html.document_fromstring(table_layout("<br><br>".join(PARAGRAPHS)))
    places = line_places(page, PARAGRAPHS)
    assert {places[k][0].tag for k in places} == {"p"}
    assert len(places) == len(PARAGRAPHS)


def test_a_short_paragraph_beside_the_one_long_paragraph_of_the_story_stays() -> None:
    lines = [" ".join(STORY), PARAGRAPHS[0]]
    html = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in lines)
        + f"</article><footer><p>{NOTICE}</p></footer></body></html>"
    )
    assert tail_kept(html, [*lines, NOTICE]) == lines
