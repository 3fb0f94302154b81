"""Paragraphs of the story the extractor left out come back where the page has them."""

from __future__ import annotations

import re

import lxml.html

from desktop.core.library.importers.recovery import (
    declared_paragraphs,
    recover_paragraphs,
    sandwiched_blocks,
)
from tests.core.library.test_html_extraction import PARAGRAPHS

CHUNK = "grid--item body body__container article__body"


def story(*chunks: list[str], extra: str = "") -> lxml.html.HtmlElement:
    """A story whose body is split into blocks made the same way, ads between them."""
    ad = "<div class='ad-slot'><p>Advertisement</p></div>"
    blocks = ad.join(
        f"<div class='{CHUNK}'>" + "".join(f"<p>{p}</p>" for p in chunk) + "</div>"
        for chunk in chunks
    )
    return lxml.html.document_fromstring(
        f"<html><body><article><h1>Harbour bridge closed</h1>{blocks}</article>{extra}"
        "</body></html>"
    )


def test_paragraphs_of_a_later_block_come_back_in_page_order() -> None:
    page = story(PARAGRAPHS[:3], PARAGRAPHS[3:])
    assert recover_paragraphs(page, PARAGRAPHS[:3]) == PARAGRAPHS


def test_a_paragraph_left_out_between_kept_ones_comes_back_in_its_place() -> None:
    page = story(PARAGRAPHS)
    kept = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3], PARAGRAPHS[4]]
    assert recover_paragraphs(page, kept) == PARAGRAPHS


def test_a_paragraph_kept_without_its_soft_hyphens_is_not_added_again() -> None:
    hyphenated = [re.sub(r"(\w{3})(\w{3,})", "\\1\u00ad\\2", p) for p in PARAGRAPHS]
    page = story(PARAGRAPHS[:3], hyphenated[3:])
    assert recover_paragraphs(page, PARAGRAPHS) == PARAGRAPHS


def test_prose_made_another_way_or_in_another_article_stays_out() -> None:
    teaser = (
        "Ferry fares will rise in spring, the operator said, blaming fuel costs and the new "
        "port dues that came into force this year."
    )
    other = (
        f"<article><div class='{CHUNK}'><p>{teaser}</p></div></article>"
        f"<div class='comments'><div class='{CHUNK}'><p>{teaser}</p></div></div>"
        f"<aside><div class='teaser'><p>{teaser}</p></div></aside>"
    )
    page = story(PARAGRAPHS, extra=other)
    assert recover_paragraphs(page, PARAGRAPHS[:4]) == PARAGRAPHS
    assert teaser not in recover_paragraphs(page, PARAGRAPHS[:4])


def test_a_body_without_a_class_on_its_parent_is_left_as_found() -> None:
    html = "<html><body><div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div></body></html>"
    page = lxml.html.document_fromstring(html)
    assert recover_paragraphs(page, PARAGRAPHS[:3]) == PARAGRAPHS[:3]


def test_short_lines_and_links_do_not_come_back() -> None:
    links = " ".join(f"<a href='/s/{i}'>Story number {i} on the harbour</a>" for i in range(4))
    page = story([*PARAGRAPHS, "Share this story.", f"More: {links}."])
    assert recover_paragraphs(page, PARAGRAPHS) == PARAGRAPHS


def test_an_excerpt_cut_short_with_an_ellipsis_does_not_come_back() -> None:
    excerpt = (
        "Ferry fares will rise in spring, the operator said, blaming fuel costs and the new "
        "port dues that came into force this year for the increase …"
    )
    dotted = excerpt.replace(" …", "...")
    page = story([*PARAGRAPHS, excerpt, dotted])
    assert recover_paragraphs(page, PARAGRAPHS) == PARAGRAPHS


def test_too_few_kept_paragraphs_to_know_the_body() -> None:
    page = story(PARAGRAPHS)
    assert recover_paragraphs(page, PARAGRAPHS[:2]) == PARAGRAPHS[:2]


def test_two_makes_sharing_the_kept_paragraphs_evenly_both_bring_theirs_back() -> None:
    more = (
        "The ferry operator said it would add two crossings an hour while the bridge is closed, "
        "starting on Monday morning."
    )
    blocks = "".join(
        f"<div class='{name}'>" + "".join(f"<p>{p}</p>" for p in chunk) + "</div>"
        for name, chunk in (
            ("body part-a", PARAGRAPHS[:3]),
            ("body part-b", [*PARAGRAPHS[3:], more]),
        )
    )
    page = lxml.html.document_fromstring(f"<html><body><article>{blocks}</article></body></html>")
    kept = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3], PARAGRAPHS[4]]
    assert recover_paragraphs(page, kept) == [*PARAGRAPHS, more]


def test_a_script_inside_a_paragraph_does_not_come_back_as_text() -> None:
    page = story(PARAGRAPHS[:3], PARAGRAPHS[3:])
    late = next(p for p in page.iter("p") if p.text == PARAGRAPHS[4])
    late.insert(0, lxml.html.fromstring("<script>var adSlot = 'top'; showAd(adSlot);</script>"))
    assert recover_paragraphs(page, PARAGRAPHS[:3]) == PARAGRAPHS


def test_prose_in_an_element_named_footer_stays_out() -> None:
    about = (
        "The Northport Post has reported on the harbour and its people since 1921, and it is "
        "owned by a trust that keeps it independent."
    )
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = lxml.html.document_fromstring(
        f"<html><body><div class='{CHUNK}'>{body}</div><div class='site-footer-text'>"
        f"<div class='{CHUNK}'><p>{about}</p></div></div></body></html>"
    )
    assert recover_paragraphs(page, PARAGRAPHS) == PARAGRAPHS


def test_a_summary_under_a_linked_title_stays_out() -> None:
    teaser = (
        "Ferry fares will rise in spring, the operator said, blaming fuel costs and the new "
        "port dues that came into force this year."
    )
    card = f"<h3><a href='/ferry-fares'>Ferry fares to rise</a></h3><p>{teaser}</p>"
    page = story(PARAGRAPHS[:3], PARAGRAPHS[3:])
    page.find(".//article").append(lxml.html.fromstring(f"<div class='{CHUNK}'>{card}</div>"))
    assert recover_paragraphs(page, PARAGRAPHS[:3]) == PARAGRAPHS


def test_a_short_sentence_of_the_story_comes_back() -> None:
    turn = "But there are two problems with this potential closure."
    page = story([*PARAGRAPHS[:3], turn, *PARAGRAPHS[3:]])
    assert recover_paragraphs(page, PARAGRAPHS) == [*PARAGRAPHS[:3], turn, *PARAGRAPHS[3:]]


def test_lone_blocks_of_the_same_make_around_a_story_of_several_to_a_block_stay_out() -> None:
    card = (
        "Find an event near you and meet the harbour team, who will answer every question you "
        "have about the bridge."
    )
    widget = "elementor-widget-container"
    body = f"<div class='{widget}'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    lone = f"<div class='{widget}'><p>{card}</p></div>"
    page = lxml.html.document_fromstring(f"<html><body>{lone}{body}{lone}</body></html>")
    assert recover_paragraphs(page, PARAGRAPHS[:4]) == PARAGRAPHS


def test_a_lone_paragraph_between_blocks_of_the_story_comes_back() -> None:
    page = story(PARAGRAPHS[:3], PARAGRAPHS[3:4], PARAGRAPHS[:3])
    kept = [*PARAGRAPHS[:3], *PARAGRAPHS[:3]]
    assert PARAGRAPHS[3] in recover_paragraphs(page, kept)


def test_paragraphs_the_declared_story_holds_come_back_in_page_order() -> None:
    teaser = "Other news: the ferry timetable changes next month, with two extra crossings a day."
    blocks = (
        f"<div class='lede'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div>"
        f"<aside><p>{teaser}</p></aside>"
        "<section class='more'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:]) + "</section>"
    )
    page = lxml.html.document_fromstring(f"<html><body>{blocks}</body></html>")
    declared = " ".join(PARAGRAPHS)  # JSON-LD's articleBody: one line, no paragraphs
    assert declared_paragraphs(page, PARAGRAPHS[:2], declared) == PARAGRAPHS
    # A text holding most of the declared story is left as it is; so is one with no
    # declared story.
    assert declared_paragraphs(page, PARAGRAPHS[:4], declared) == PARAGRAPHS[:4]
    assert declared_paragraphs(page, PARAGRAPHS[:2], "") == PARAGRAPHS[:2]


POINTS = [
    "Weight: lorries over 7.5 tonnes may not cross the bridge.",
    "Hours: the diversion runs day and night until the repairs end.",
]


def listed(block: str) -> lxml.html.HtmlElement:
    """A story with ``block`` between its second and third paragraphs, in their parent."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + block
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    return lxml.html.document_fromstring(f"<html><body><div>{body}</div></body></html>")


def test_a_list_between_kept_paragraphs_comes_back_in_its_place() -> None:
    items = "".join(
        f"<li><strong>{p.split(':')[0]}:</strong>{p.split(':')[1]}</li>" for p in POINTS
    )
    page = listed(f"<p>The new rules:</p><ol>{items}</ol>")
    lines = [*PARAGRAPHS[:2], "The new rules:", *PARAGRAPHS[2:]]
    assert sandwiched_blocks(page, lines) == [
        *lines[:3],
        *(f"- {p}" for p in POINTS),
        *PARAGRAPHS[2:],
    ]


def test_lists_of_links_pictures_or_one_item_or_outside_the_story_do_not_come_back() -> None:
    linked = "".join(f"<li><a href='/{i}'>{p}</a></li>" for i, p in enumerate(POINTS))
    gallery = "".join(f"<li><img src='{i}.jpg'>{p}</li>" for i, p in enumerate(POINTS))
    for block in (f"<ul>{linked}</ul>", f"<ul>{gallery}</ul>", f"<ul><li>{POINTS[0]}</li></ul>"):
        assert sandwiched_blocks(listed(block), PARAGRAPHS) == PARAGRAPHS
    items = "".join(f"<li>{p}</li>" for p in POINTS)
    after = lxml.html.document_fromstring(
        "<html><body><div>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f"<ul>{items}</ul></div></body></html>"
    )
    assert sandwiched_blocks(after, PARAGRAPHS) == PARAGRAPHS


def test_sub_headings_between_kept_paragraphs_come_back_in_their_place() -> None:
    # A live ticker's day and its entry's time and headline, between two entries.
    page = listed("<h2><span>Thursday, 18 July</span></h2><h5>11.04: Lorries turned back</h5>")
    assert sandwiched_blocks(page, PARAGRAPHS) == [
        *PARAGRAPHS[:2],
        "Thursday, 18 July",
        "11.04: Lorries turned back",
        *PARAGRAPHS[2:],
    ]
    # One the text holds already stays where it is, once.
    lines = [*PARAGRAPHS[:2], "Thursday, 18 July", *PARAGRAPHS[2:]]
    assert sandwiched_blocks(listed("<h2>Thursday, 18 July</h2>"), lines) == lines


def test_several_blocks_between_the_same_kept_paragraphs_keep_the_page_order() -> None:
    # A review's pros and cons, each a sub-heading over its list.
    pros = POINTS
    cons = ["The diversion adds twenty minutes at rush hour.", "Cyclists must walk the ramp."]
    block = "".join(
        f"<h3>{title}</h3><ul>{''.join(f'<li>{p}</li>' for p in points)}</ul>"
        for title, points in (("Pros", pros), ("Cons", cons))
    )
    assert sandwiched_blocks(listed(block), PARAGRAPHS) == [
        *PARAGRAPHS[:2],
        "Pros",
        *(f"- {p}" for p in pros),
        "Cons",
        *(f"- {p}" for p in cons),
        *PARAGRAPHS[2:],
    ]


def test_headings_that_link_elsewhere_run_long_or_stand_outside_do_not_come_back() -> None:
    linked = "<h3><a href='/other'>Another story about the harbour</a></h3>"
    long = f"<h3>{' '.join(['word'] * 25)}</h3>"
    for block in (linked, long, "<h1>Harbour bridge closed</h1>"):
        assert sandwiched_blocks(listed(block), PARAGRAPHS) == PARAGRAPHS
    after = lxml.html.document_fromstring(
        "<html><body><div>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<h3>More from the harbour</h3></div></body></html>"
    )
    assert sandwiched_blocks(after, PARAGRAPHS) == PARAGRAPHS
