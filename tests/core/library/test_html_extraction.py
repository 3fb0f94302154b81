"""The web-page importer keeps the article and leaves the page's furniture out."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.furniture import drop_furniture, is_prompt, normalised
from desktop.core.library.importers.glued import _blocks_of, unglued
from desktop.core.library.importers.html import (
    _declared_body,
    _drop_controls,
    _drop_other_articles,
    _json_ld,
    _recall_lines,
    unwrap_source_lines,
)

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy lorries after "
    "engineers found cracks in two of its steel girders during a routine inspection.",
    "Councillor Maria Brandt said the decision had not been taken lightly, because the bridge "
    "carries nearly four thousand vehicles a day between the port and the motorway.",
    "Hauliers will be diverted through the industrial estate for at least six months while the "
    "girders are replaced, a detour the transport association says adds twenty minutes.",
    "Repairs are expected to cost about 2.4 million euros, to be shared between the city and "
    "the regional government, which owns the approach roads on the northern bank.",
    "Residents of the estate have asked for a lower speed limit and a new pedestrian crossing "
    "near the primary school before the diverted lorries start using the road next week.",
]


def page(*inserts: str, head: str = "") -> str:
    """A news page: header, navigation, the story with ``inserts`` placed between its
    paragraphs, a footer."""
    body = []
    for i, paragraph in enumerate(PARAGRAPHS):
        body.append(f"<p>{paragraph}</p>")
        if i < len(inserts):
            body.append(inserts[i])
    return (
        "<!DOCTYPE html><html><head><title>Harbour bridge closed to lorries - Northport Post"
        f"</title>{head}</head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a>"
        "</nav></header><main><article><h1>Harbour bridge closed to lorries</h1>"
        + "".join(body)
        + "</article></main><footer><p>© Northport Post</p></footer></body></html>"
    )


def text_of(tmp_path: Path, html: str) -> str:
    return read_articles(_saved(tmp_path, html))[0].text


@pytest.mark.parametrize(
    "insert",
    [
        "<p><strong>Related:</strong> <a href='/a'>Council approves new budget for schools</a></p>",
        "<p>READ MORE: <a href='/b'>Port traffic hits a ten-year high</a></p>",
        "<p><a href='/app'>CLICK HERE TO GET THE NORTHPORT POST APP</a></p>",
        "<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>",
        "<p>Love films? Our Watch Party newsletter has the best picks. Sign up now.</p>",
        "<p>The week's best recommendations, delivered right to your inbox.</p>",
        "<div><h3>Morning Briefing Newsletter</h3><p>Thanks for signing up!</p>"
        "<p>There was an error processing your subscription.</p></div>",
        "<p>Follow Northport Post on Instagram, Facebook and Twitter.</p>",
        "<p>[Related: <a href='/c'>Bridge inspections to double next year</a>]</p>",
        # A rating widget laid out as a table of one row.
        "<table class='rating'><tr><td><nobr>Rate this article</nobr></td><td><div></div></td>"
        "</tr></table>",
        "<div><p>Was this article helpful?</p></div>",
    ],
)
def test_prompts_between_paragraphs_are_left_out(tmp_path: Path, insert: str) -> None:
    text = text_of(tmp_path, page("", insert))
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert len(text.split("\n\n")) == len(PARAGRAPHS)


def test_a_block_of_links_to_other_stories_is_left_out(tmp_path: Path) -> None:
    related = "".join(
        f"<p><a href='/story/{i}'>{title}</a></p>"
        for i, title in enumerate(
            [
                "Who will pay for the new ferry terminal?",
                "Lorry drivers protest against the northern detour",
                "Tram line extension opens two months early",
            ]
        )
    )
    text = text_of(tmp_path, page("", related))
    assert "ferry terminal" not in text and "Tram line" not in text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_the_title_of_a_block_of_links_left_out_goes_with_it(tmp_path: Path) -> None:
    titles = [
        "Ferry fares will rise in spring as the operator blames fuel costs",
        "Tram drivers vote to strike over the new rota on the harbour line",
        "Port traffic hits a ten-year high as container ships return",
    ]
    links = "".join(f"<li><a href='/s/{i}'>{t}</a></li>" for i, t in enumerate(titles))
    for title in ("<p>Editors' picks:</p>", "<p><strong>More on the harbour</strong></p>"):
        text = text_of(tmp_path, page("", "", f"{title}<ul>{links}</ul>"))
        assert text.split("\n\n") == PARAGRAPHS


def test_links_to_other_stories_with_a_label_after_each_are_left_out(tmp_path: Path) -> None:
    titles = [
        "Ferry fares will rise in spring as the operator blames fuel costs",
        "Tram drivers vote to strike over the new rota on the harbour line",
        "Port traffic hits a ten-year high as container ships return",
    ]
    links = "<br>".join(
        f"<strong><a href='/s/{i}'>{t}</a> [{label}]</strong>"
        for i, (t, label) in enumerate(zip(titles, ["INSIGHT", "VIDEO", "NEWS"], strict=True))
    )
    text = text_of(tmp_path, page("", f"<p><strong>DON'T MISS</strong><br>{links}</p>"))
    assert text.split("\n\n") == PARAGRAPHS


def test_a_heading_whose_section_is_all_furniture_goes_with_it(tmp_path: Path) -> None:
    podcast = (
        "<h3>How to listen to the Harbour Podcast</h3>"
        "<p>Download:&nbsp;http://po.st/HP_615Download</p><p>iTunes:&nbsp;http://po.st/HP_615</p>"
    )
    appeal = (
        "<h3>Something to Consider</h3><p>If you enjoyed this article, we have a proposition "
        "for you: join the Harbour Club.</p>"
    )
    for furniture in (podcast, appeal, podcast + appeal):
        text = text_of(tmp_path, page("", "", "", "", furniture))
        assert text.split("\n\n") == PARAGRAPHS


def test_a_post_s_attribution_before_furniture_stays(tmp_path: Path) -> None:
    post = (
        "<p>The bridge is closed from tonight, lorries use the estate road.</p>"
        "<p>— Northport Council (@northportcc) November 18, 2019</p>"
        "<p>Download:&nbsp;http://po.st/HP_615Download</p>"
    )
    text = text_of(tmp_path, page("", "", "", "", post))
    assert text.endswith("— Northport Council (@northportcc) November 18, 2019")


def test_a_list_item_before_linked_items_of_the_same_list_stays(tmp_path: Path) -> None:
    shows = "<li>2 Nov - Placebo - City Hall</li><li>3 Nov - Grandbrothers - Flex</li>"
    linked = "".join(
        f"<li><a href='/c/{i}'>{show}</a></li>"
        for i, show in enumerate(["4 Nov - Jens Friebe - Chelsea", "5 Nov - Muff Potter - Flex"])
    )
    text = text_of(tmp_path, page("", "", "", "", f"<ul>{shows}{linked}</ul>"))
    assert "3 Nov - Grandbrothers - Flex" in text


def test_a_list_of_teasers_for_other_stories_is_left_out(tmp_path: Path) -> None:
    teasers = [
        ("Ferry fares to rise in spring", "The operator blamed fuel costs for the increase."),
        ("Lorry drivers protest the detour", "Hauliers blocked the estate road for an hour."),
        ("New tram line opens two months early", "The first trams ran on Sunday morning."),
    ]
    related = (
        "<ul>"
        + "".join(
            f"<li><a href='/s/{i}'>{head}</a><p>{teaser}</p></li>"
            for i, (head, teaser) in enumerate(teasers)
        )
        + "</ul>"
    )
    text = text_of(tmp_path, page("", "", related))
    assert not any(head in text or teaser in text for head, teaser in teasers)
    assert all(paragraph in text for paragraph in PARAGRAPHS)


GALLERY = [
    ("Ferry fares rise", "The operator blamed fuel costs for the increase in the spring."),
    ("Lorry drivers protest", "Hauliers blocked the estate road for an hour on Monday."),
    ("Tram line opens", "The first trams ran on Sunday morning, two months early."),
    ("Port sold", "The harbour company was bought by a pension fund for an undisclosed sum."),
]


@pytest.mark.parametrize("layout", ["list", "counter above"])
def test_a_picture_gallery_s_captions_are_left_out(tmp_path: Path, layout: str) -> None:
    n = len(GALLERY)
    if layout == "list":
        slides = "".join(
            f"<li><img src='/{i}.jpg'><span>{i}/{n}</span> <h4>{head}</h4> {caption}</li>"
            for i, (head, caption) in enumerate(GALLERY, 1)
        )
        gallery = f"<h3>Business news in pictures</h3><ul>{slides}</ul>"
    else:
        gallery = "<h3>Business news in pictures</h3>" + "".join(
            f"<div><p>{i} of {n}</p><h4>{head}</h4><p>{caption}</p></div>"
            for i, (head, caption) in enumerate(GALLERY, 1)
        )
    text = text_of(tmp_path, page("", gallery))
    assert not any(head in text or caption in text for head, caption in GALLERY)
    assert "in pictures" not in text
    assert text.split("\n\n") == PARAGRAPHS


def test_a_slideshow_page_keeps_its_slides(tmp_path: Path) -> None:
    # The gallery is the page: a short lead, then the slides.
    n = len(GALLERY)
    slides = "".join(
        f"<div><p>{i}/{n}</p><h2>{head}</h2><p>{caption}</p></div>"
        for i, (head, caption) in enumerate(GALLERY, 1)
    )
    html = (
        "<html><head><title>The year at the harbour</title></head><body><article>"
        f"<h1>The year at the harbour</h1><p>{PARAGRAPHS[0]}</p>{slides}</article></body></html>"
    )
    text = text_of(tmp_path, html)
    assert all(caption in text for _, caption in GALLERY)


@pytest.mark.parametrize(
    "items",
    [
        [
            "1/3 of the lorries were diverted.",
            "2/3 of the drivers complained.",
            "The rest did not.",
        ],
        ["Step 1 of 3: close the bridge.", "Step 2 of 3: divert lorries.", "Step 3 of 3: repair."],
        ["1/4 cup of flour", "3/4 cup of milk", "2/4 cup of sugar", "1/4 teaspoon of salt"],
    ],
)
def test_lines_with_fractions_or_steps_are_no_gallery(tmp_path: Path, items: list[str]) -> None:
    listed = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    text = text_of(tmp_path, page("", listed))
    assert all(item in text for item in items)


def test_a_list_of_other_stories_headline_and_opening_as_items_is_left_out(
    tmp_path: Path,
) -> None:
    # A 2008 site's "Headlines" box: each story a linked item, its opening the next item.
    teasers = [
        (
            "Hops shortage spurs microbreweries to rewrite recipes",
            "A worldwide shortage of hops "
            "is forcing some microbreweries to rewrite their recipes for flagship beers.",
        ),
        (
            "Man arrested in deadly hit-and-run",
            "A 24-year-old man has been charged in connection "
            "with a hit-and-run in which an elderly man died.",
        ),
        (
            "Record year for resale housing market",
            "The resale housing market in the major "
            "cities enjoyed a record year for sales and prices in 2007.",
        ),
    ]
    items = "".join(
        f"<li><a href='/story/{i}'>{head}</a></li><li>{opening}</li>"
        for i, (head, opening) in enumerate(teasers)
    )
    more = (
        "The council will meet again in March to decide whether the bridge can reopen to lighter "
        "vans, once the engineers have finished a second inspection of the remaining girders."
    )
    boxed = f"<p>{more}</p><h3>Headlines</h3><ul>{items}</ul>"
    text = text_of(tmp_path, page("", "", "", "", boxed))
    assert not any(head in text or opening in text for head, opening in teasers)
    assert text.split("\n\n") == [*PARAGRAPHS, more]


def test_a_templates_placeholder_text_is_left_out(tmp_path: Path) -> None:
    filler = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
        "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat."
    )
    text = text_of(tmp_path, page("", "", f"<p>{filler}</p>"))
    assert "Lorem ipsum" not in text and "consectetur" not in text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_a_page_of_nothing_but_placeholder_text_keeps_it(tmp_path: Path) -> None:
    # A design's mock-up: the filler is all the text there is, not a story's leftover.
    filler = [
        f"Lorem ipsum dolor sit amet, consectetur adipiscing elit {i}, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam."
        for i in range(4)
    ]
    html = (
        "<html><head><title>Mock-up</title></head><body><h1>Lorem ipsum dolor sit amet</h1>"
        + "".join(f"<p>{line}</p>" for line in filler)
        + "</body></html>"
    )
    assert text_of(tmp_path, html).split("\n\n") == filler


def test_a_list_of_linked_items_each_with_its_own_review_is_the_story(tmp_path: Path) -> None:
    books = [
        ("Drawing on the Right Side of the Brain by Betty Edwards", "exercises that shift how"),
        ("The Natural Way to Draw by Kimon Nicolaides", "a course on how to draw the figure"),
        ("An Atlas of Anatomy for Artists by Fritz Schider", "studies from the old masters"),
    ]
    review = (
        "This is the book to start with: {}, lesson after lesson, until the hand follows"
        " the eye. Each chapter sets a task, then shows the steps and the common mistakes."
    )
    items = "".join(
        f"<li><a href='https://shop.example/b/{i}'>{title}</a> {review.format(what)}</li>"
        for i, (title, what) in enumerate(books)
    )
    text = text_of(tmp_path, page("", "", f"<ol>{items}</ol>"))
    assert all(title in text and review.format(what) in text for title, what in books)


def test_a_story_the_default_pass_misses_is_read_by_the_recall_pass(tmp_path: Path) -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour bridge closed</title></head><body><header>"
        "<div class='header-text'>Your harbour news, every morning.</div></header>"
        "<aside class='sidebar'><div id='nav_menu-6'><a href='/a'>Ports</a></div>"
        "<div class='main-content'><article><h1>Harbour bridge closed to lorries</h1>"
        f"<div class='article-content'>{body}</div></article></div></aside></body></html>"
    )  # the story inside the sidebar, as a page whose markup is broken shows it
    assert text_of(tmp_path, html).split("\n\n") == PARAGRAPHS


def test_the_headline_is_not_repeated_as_the_first_paragraph(tmp_path: Path) -> None:
    found = read_articles(_saved(tmp_path, page()))[0]
    assert found.title.startswith("Harbour bridge closed to lorries")
    assert found.text.startswith(PARAGRAPHS[0])


def test_the_sections_label_and_the_headline_again_over_the_story_are_left_out() -> None:
    titles = normalised(["Harbour bridge closed to lorries | Northport Post"])
    lines = ["Transport", "Harbour bridge closed to lorries", *PARAGRAPHS]
    assert drop_furniture(lines, precise=(), links=(), titles=titles) == PARAGRAPHS
    # The headline twice over the story (the page's copies for small and large screens).
    lines = ["Harbour bridge closed to lorries", "Harbour bridge closed to lorries", *PARAGRAPHS]
    assert drop_furniture(lines, precise=(), links=(), titles=titles) == PARAGRAPHS
    # A short line over the story stays when no headline follows it.
    lines = ["Northport, Monday", *PARAGRAPHS]
    assert drop_furniture(lines, precise=(), links=(), titles=titles) == lines


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("skimming scheme seized cash and cards.jpg", True),
        ("IMG_2034.JPG", True),
        ("harbour-bridge-cracks_2019.png", True),
        ("The inspectors' photographs are at northport.example/bridge.jpg", False),
        ("The council's report names the file cracks.png.", False),
    ],
)
def test_an_images_file_name_in_place_of_its_caption_is_left_out(
    tmp_path: Path, line: str, dropped: bool
) -> None:
    text = text_of(tmp_path, page(f"<p>{line}</p>"))
    assert (line not in text) is dropped
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_short_real_paragraphs_and_linked_subheads_stay(tmp_path: Path) -> None:
    subhead = "<h2><a href='/shop/1'>Steel girders from the Ruhr</a></h2>"
    short = "<p>The bridge reopens in May.</p>"
    text = text_of(tmp_path, page(subhead, short))
    assert "Steel girders from the Ruhr" in text
    assert "The bridge reopens in May." in text


@pytest.mark.parametrize(
    "line",
    [
        "Comments",
        "Explore further",
        "Like this story? Share it with a friend!",
        "Also on rt.com Journalists threatened with arrest as the purge goes on",
        "Read more: Alibaba poised to launch record-breaking listing",
        "Have a tip? Jane Roe may be reached at jroe@example.com.",
        "05/10/2018 - Published by: Clara Borba - Category: Health - Tags: ambulance",
        "Filed under: Transport, Harbour",
        "Associated Press writers Ann Fram and Zeke Mills contributed to this report.",
        "There's more where that came from. Sign up for the free daily newsletter.",
        "- Order Reprints",
        "Print Article",
        "This copy is for your personal, non-commercial use only. To order copies visit us.",
        "This copy is for your personal, non-commercial use only. Distribution and use of this "
        "material are governed by our Subscriber Agreement and by copyright law. For "
        "non-personal use or to order multiple copies, please contact Dow Jones Reprints at "
        "1-800-843-0008 or visit www.djreprints.com.",
        "This article has been sent to",
        "Previous post: Nine steps to transform yourself into a river",
        "Next post »",
        "Subscribe to:",  # a blog's feed links under each post
        "Post Comments (Atom)",
        "Subscribe to: Posts (Atom)",
        "Read more news like this on HindustanTimes.com",  # an outlet's lines under each story
        "Get the latest news and updates on Royal Family News, King Charles III, and more.",
        "Get the latest information on Accruent, our solutions, events, and the company.",
        "Receive email alerts on:",
        "Facebook",
        "RSS feed",
        "Love and share",
        "An error has occurred, please try again later.",
        "Write to Jane Roe at jane.roe@example.com",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Additional reporting by Ann Fram",
        "Email Jane Roe at jroe@example.com or follow her @janeroe.",
        "Reach the reporters on Twitter at http://twitter.com/janeroe",
        "jane.roe@northport.example twitter.com/janeroe",
        "More Northport sport: https://northport.example/sport and https://twitter.com/np_sport",
        "SOURCE: News agencies",
        "5:45 AM PST 11/19/2019 by Jane Roe",
        "November 19, 2019 4:20am | Updated November 19, 2019 9:32pm",
        "Updated at 1:23 p.m. on Nov. 19",
        "By Jane Roe and John Doe, Nov. 3, 2019",
        "5 min read",
        "Leggi anche: Il ponte del porto chiude ai camion",
        "Lesen Sie auch: Hafenbrücke für Lastwagen gesperrt",
        "Tell us what YOU think...",
        "Jane Roe's book, Bridges, is out now. Follow her on Twitter @janeroe.",
        "You may also like",
        "12 Comments",
        "View all 34 comments",
        "[button link='https://northport.example/tips' type='big'] Send us YOUR story[/button]",
        "Related post: Bridge inspections to double next year",
        "Lea más: El puente del puerto cierra a los camiones",
        "LE PUEDE INTERESAR: El puente del puerto cierra a los camiones",
        "MIRA: El puente del puerto cierra a los camiones",
        "Notas relacionadas",
        "Auch interessant:",
        "Czytaj też: Most w porcie zamknięty dla ciężarówek",
        "Never miss the latest news by signing up to our newsletter today!",
        "Get the Northport Post's daily edition by email and never miss our top stories Sign Up",
        "Subscribe now to our e-edition for the full story.",
        "To view the full story, please subscribe to the Northport Post.",
        "If you're already a subscriber, you can log in for immediate access to this story.",
        "This article is exclusive to Northport+ subscribers",
        "Unlock this article — plus in-depth analysis, newsletters, and news alerts.",
        "Already have an account? Log in",
        "Already a subscriber? Sign in here.",
        "Listen to this article",
        "Submit your letter to the editor via this form.",
        "We want to hear what you think about this article. Write to letters@northport.example.",
        "Our Standards: The Northport Post Trust Principles.",
        "Advertising disclosure: We may receive compensation for some of the links in our stories.",
        "This post contains affiliate links.",
        "Read More",
        "Continue reading",
        "Table of Contents",
        "Harbour master Jan Berg on the bridge. © Northport Post / Jane Roe",
        "(Credit: Jane Roe / Northport Post)",
        "The bridge at dawn, before the closure (Photo: Jane Roe)",
        "Photo credit: Jane Roe",
        "Photo: Jane Roe/Northport Post",
        "For the latest stories download the Northport Post apps for iOS and Android.",
        "Copyright: Jane Roe",
        "Fot. Jan Kowalski / Agencja Gazeta",
        "Quelle: Landesregierung",
        "Get the Post every month. 12 issues for £11.99. Click here for more information.",
        "(Bild: Jane Roe)",
        "Engineers inspect the girders on Monday. Photo: Jane Roe/AFP",
        "Tempo de leitura: 2 minutos",
        "The best of Northport straight to your inbox",
        "ⓒ Northport Post",
        "기사입력 :[ 2018-08-25 15:24 ]",
        "If you buy something through this post, the Post may get a share of the sale.",
        "Follow us on Telegram, Facebook, Instagram, YouTube and X for the latest news.",
        "Follow us",
        "Share this post",
        "Sign up now",
        "Sponsored Content",
        "Advertiser Disclosure",
        "Disclaimer: This post is not intended to replace the advice of a medical professional.",
        "Purchases made through our links may earn us a commission.",
        "Enter email address",
        "Déjà vu! We already have this email. Try another?",
        "By entering your email address you agree to our Terms of Use and Privacy Policy.",
        "No thanks",
        "Awesome, you're subscribed!",
        "Sign up for our email to enjoy Northport without spending a thing.",
        "Support local, independent journalism that has served Northport for 90 years.",
        "If you enjoyed reading this story, would you consider supporting our work?",
        "Become a member and enjoy exclusive benefits.",
        "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
        "SEE MORE: Harbour protests: 800 lorry drivers block the estate road",
        "Download:\xa0http://po.st/HP_615Download",
        "Photo\xa0credit: Jane Roe/Northport Post",
        "If you enjoyed this article, join the Harbour Club: unlimited stories, no paywall.",
        "copyright Northport Post 2019 - ISSN: 2283-5474",
        "Copyright 2019 Northport Post",
        "News date : 04/21/2022 Category : Press Releases",
        "Jede kleine Spende hilft den Menschen am Hafen!",
        "Follow AP's full coverage of the harbour strike at https://apnews.com/HarbourStrike",
        "Also read: Harbour bridge to reopen in May, council says",
        "Read also: Hauliers count the cost of the detour",
        "Don't miss: The ten best walks along the harbour",
        "Must read: Who owns the harbour?",
        "3 MIN. READ",
        "Home · Weather · News · Morning Show · Sports · TV Station · Contests",
        "HOME | CONTACT US | SUBSCRIBE TO NEWSPAPER | HOW TO ADVERTISE | PRIVACY RIGHTS",
        "|  | HOME • CLASSIFIEDS • MANAGE SUBSCRIPTIONS • EVENTS • HELP |",  # a layout table's
        "| Home - Weather - News - Local - Features - Blogs - |",
        "Home > News > Harbour > Bridge closures",
        "Related",
        "External Links",
        "STORY TOOLS",
        "- TOP STORIES",
        "Most Viewed Articles",
        "Sponsored Links",
        "Become a paid subscriber to the Post to unlock this piece and learn about:",
        "Senior Editor at the Northport Post. Covering the port since 2008, with stints at two"
        " regional papers. Keen sailor, reluctant cyclist. View Full Profile",
        # a video player's and a page's own controls, left as text
        "Please wait...",
        "Like Loading…",
        "Next video starts in : 7Play",
        "Now watching",
        "Unfortunately, this video is not available in your region.",
        "This feature is temporarily unavailable. Please try again later.",
        "- Share on Twitter",
        "Close",
        "Your browser does not support the video tag.",
        "JavaScript is disabled in your browser.",
        "Associated Press - January 14, 2008 12:53 PM ET",
        "Northport Post | Updated 5:45 AM PST 11/19/2019",
        "Sign up to get the best content of the week",
        "This article is the copyrighted property of Breaking Belize News.",
        "Written permission must be obtained before reprint in online or print media.",
        "Síguenos en Telegram, Instagram, Facebook y Twitter",
        "Contenido Relacionado",
        "Keine Kommentare",
        "Teilen mit:",
        "Wird geladen …",
        "- Tweet this",
        "- Link this",
        "- Digg this",
        "- Reprints",
        "Take Quiz",
        "無断転載禁止",
        "Courtesy G4",
        "Courtesy of the Northport Museum",
        "Illustration by Jane Roe",
        "Photo by Mark Wilson/Getty Images",
        "- Tapie en 2008. REUTERS/Benoit Tessier -",
        "The harbour bridge at dawn. (AP Photo/Jane Roe)",
        "About the Author",
        "About the author: Jane Roe is a freelance photographer based in Northport.",
        "Written by:",
        "Prices were accurate at the time this article was published but may change over time.",
        "Learn more about our editorial process.",
        "We earn commissions from links on our site. See our editorial policy.",
        "Rate this article",
        "Was this article helpful? Yes No",
        "Les også: Ferja får to nye avganger",
        "Läs också: Bron stängs för lastbilar",
        "Les mer: Slik blir rutetabellen",
        "Sign up for breaking news, reviews, opinion, top tech deals, and more.",
        "Follow Northport Post on Google News and add us as a preferred source to get our news.",
        "Externer Inhalt nicht verfügbar",
        "Empfohlener redaktioneller Inhalt",
        "Ein Klick für den Datenschutz",
        "02:57 Min.. Verfügbar bis 06.05.2024.",
        "Video verfügbar bis 22.04.2025",
        # Consent placeholders, however long.
        "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit können "
        "personenbezogene Daten an Drittplattformen übermittelt werden. Mehr Informationen dazu "
        "erhalten Sie in den Datenschutzhinweisen. Sie können Ihre Einwilligung jederzeit über "
        "den Schalter und über Privatsphäre am Seitenende widerrufen.",
        "Deine Privatsphäre-Einstellungen verhindern das Laden und Anzeigen aller externen "
        "Inhalte (z.B. Grafiken, Tabellen, Abo-Login) und Sozialen Netzwerke (z.B. Youtube, "
        "Twitter, Facebook, Instagram etc.). Zur Anzeige aller Inhalte muss der Verarbeitung von "
        "Daten durch Drittanbieter zugestimmt werden.",
        "These cookies enable the website to provide enhanced functionality and personalisation. "
        "They may be set by us or by third party providers whose services we have added to our "
        "pages. If you do not allow these cookies then some or all of these services may not "
        "function properly.",
        "This content isn't visible due to your cookie preferences. To load this content, click "
        "the Allow button below to opt in to Social Media & Embedded Content cookies. These "
        "cookies are set and controlled by third parties.",
        "Mit Informationen der ARD-Korrespondentinnen und -Korrespondenten sowie der "
        "Nachrichtenagenturen AFP, AP, dpa, epd, KNA und Reuters.",
        "Mit Material von dpa und AFP",
        "Join our commenting forum",
        "Join thought-provoking conversations, follow other Independent readers and see their "
        "replies",
        "Join the conversation — registration is free.",
        "Link zum YouTube-Inhalt",
        "Avec AFP",
        "Con información de EFE y agencias",
        "Für die Darstellung von Hafenpost-Infografiken nutzen wir die Software von Datawrapper. "
        "Erst wenn Sie hier klicken, werden die Grafiken nachgeladen. Ihre IP-Adresse wird dabei "
        "an externe Server von Datawrapper übertragen.",
        # A video's teaser with its date and running time, and the stamp alone.
        "Neben Raketen und Drohnen ist die größte Bedrohung für die Existenz des Hafens vor allem "
        "die Sturmflut der letzten Jahre. Wie groß ist die Gefahr einer neuen Flut? "
        "21.04.2024 | 3:18 min",
        "05.09.2024 | 2:03 min",
        # Notices to readers of an old browser, however long.
        "Thank you for visiting nature.com. You are using a browser version with limited support "
        "for CSS. To obtain the best experience, we recommend you use a more up to date browser "
        "(or turn off compatibility mode in Internet Explorer). In the meantime, to ensure "
        "continued support, we are displaying the site without styles and JavaScript.",
        "Your browser is out of date. Update your browser for more security, speed and the best "
        "experience on this site, where the stories of the harbour and the bridge are told.",
        "Die mit einem Symbol gekennzeichneten Links sind Affiliate-Links. Kommt darüber ein "
        "Einkauf zustande, erhalten wir eine Provision - ohne Mehrkosten für Sie! Mehr Infos",
        "Bitte markieren Sie die entsprechenden Wörter im Text. Mit nur zwei Klicks melden Sie "
        "den Fehler der Redaktion.",
        # A news site's lines under each story.
        "Got a story? Get in touch with our news team by emailing us at news@northport.example.",
        "For more stories like this, check our news page.",
        "Sign Up for News Updates",
        "Sign up for push alerts",
        # however long, when every sentence of it is a prompt
        "Follow northport.example on Twitter and Facebook for the latest news updates. You can "
        "now also get northport.example articles sent straight to your device. Sign up for our "
        "daily push alerts here.",
        "Get your need-to-know latest news, feel-good stories, analysis and more",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service "
        "apply.",
        "Folgst du schon der Hafenpost auf Whatsapp?",
        "Abonniere den Whatsapp-Kanal der Hafenpost und du bekommst die besten Storys.",
        "- Aktuelle Nachrichten aufs Handy? Hier geht es zur neuen Hafenpost-App – für Android.",
        "- Die Hafenpost auch bei Social Media – ob WhatsApp, Instagram oder Facebook.",
        "- Sie mögen den Tag kompakt? Dann sind Sie beim Hafenpost-Newsletter richtig – hier "
        "entlang.",
        # Slots' markers a template left for its scripts.
        "$$ARTICLEAD$$",
        "{{ related_stories }}",
        "[[AD_SLOT]]",
    ],
)
def test_prompt_lines(line: str) -> None:
    assert is_prompt(line)


@pytest.mark.parametrize(
    "line",
    [
        "More than 4,000 vehicles use the bridge each day, the council said.",
        "Related companies have also been asked to explain their accounts, " * 3,
        "She said the newsletter had been sent to every household.",
        "He wrote to the mayor at the time, asking for the reprint of the order.",
        "An error has occurred in the ballot count, the commission said on Monday.",
        "Sorry, we cannot comment on that, the spokesman said.",
        "Reached by phone, the mayor said he would not resign over the bridge.",
        "The source said the talks had failed.",
        "Contact tracing has been extended to every school in the district.",
        "Readers whose browser is out of date were told to update it, the report found.",
        "Mit Informationen aus der Bevölkerung konnte die Polizei den Täter fassen.",
        "Avec son frère, il a fondé la société en 1998.",
        "Avec l'agence de voyages, nous sommes partis à l'aube.",
        "10 p.m.",  # a time heading of a live story
        "02-751-1500",
        "+81 158-23-2012",
        "Account: @harbourwatch",  # a handle the story lists
        "Website: https://harbour.example/",  # a fact box of what the story reviews
        "Official documentation: https://harbour.example/docs",
        "| 11 | 74 | 100% | 2019 |",
        "Nov. 19: The council votes on the bridge",
        "You may also like the new bridge, the mayor told residents on Monday.",
        "Have a story idea? The council asks residents for theirs.",
        "The mayor said she would subscribe to daily updates from the harbour board.",
        "Die Stadt startet einen Whatsapp-Kanal für die Bürger am Hafen.",
        "Die Polizei ist auch bei Social Media aktiv, sagte der Sprecher.",
        "Get your flu jab before the latest news of the outbreak spreads.",
        "Das Video vom 21.04.2024 | 3:18 min zeigt die Flut, sagte der Sprecher am Montag.",
        # a long line whose first sentence only is a prompt
        "Follow us on Twitter. The council said the bridge would reopen in May after repairs "
        "that cost more than two million pounds, and that drivers of heavy lorries should take "
        "the signed detour through the town.",
        "Read the comments below, she said, before you vote on the plan for the bridge.",
        "Lee: We never thought the bridge would close.",  # a speaker in an interview
        "Mira, the harbour master, said the bridge would reopen in May.",
        "© 2019 Northport Post. All rights reserved.",  # the story's own rights notice
        "Copyright ⓒ Northport.co.kr. 무단전재 및 재배포 금지",  # the same, in Korean
        "Readers who subscribed to the newsletter were told first.",
        "No thanks were given to the council, she said.",
        "Follow us to the harbour, the guide told the group.",
        "Next, the council voted to close the bridge.",
        "Also, read the council's report before you vote: it runs to 40 pages.",
        "Don't miss the ferry, the harbour master warned.",
        "The council voted to unlock this piece of land for housing.",
        "| Harbour | North | Closed | May |",  # a data table's row
        "2020-08-01 17:59:00+00 │         200 │    3927",  # a query's output, drawn in a box
        "200 │ 2020-08-01 18:00:00+00 │ 4084",
        "Related companies were fined.",
        "Latest news from the harbour was good, the mayor said.",
        "Sagna – Koscielny – Vermaelen – Jenkinson",  # a team's back four
        "Arsenal: Lehmann · Sagna, Toure, Gallas · Hleb, Fabregas · Adebayor",
        "Scores: 12 · 9 · 14 · 11",
        "Bridge closed | lorries diverted | repairs from May | the council said.",
        "She keeps a low profile. View the full report on the council site.",
        "Facebook said on Tuesday it would cut jobs at the harbour office.",
        "Previous posts on the council's website had said the opposite.",
        "Subscribe to: the council's plan, the mayor urged, or lose the bridge.",
        "Get the latest figures on the bridge from the council, she said.",
        "Read more news like this, the mayor told the council, and you will see the cracks.",
        "Sign up numbers for the ferry pass fell by a third.",
        "Sponsored by the port authority, the race starts at noon.",
        "The disclaimer on the form was in small print, the court heard.",
        "Residents enter email addresses on the council site to get alerts about the bridge.",
        "The photo, credited to the port authority, shows the cracks.",
        "Support for the bridge closure has grown among residents, the poll found.",
        "The foundation pledged $5m to support local journalism in the region.",
        "Would you support a ban on lorries in the old town?",
        "Picture this: a harbour without lorries, the mayor said.",
        "Residents can download the app for iOS and Android from Monday, the council said.",
        "Residents who click here and there on the council's site find no detour map.",
        "Photographs taken by the engineers show the cracks.",
        "See more of the harbour from the new viewing platform, the council says.",
        "Copyright law changed in 2019, the court said.",
        "Follow the coverage, she said.",
        "Listen to the story of the bridge, the harbour master told visitors.",
        "This story is exclusive to the Northport Post.",
        "Already a member of the board, she chaired the meeting.",
        "Read more about the detour on the council's site.",
        "- Lorries fall into one of three (light, medium, heavy) categories: vans, trucks, HGVs.",
        "This service is not available in rural areas, the council said.",
        "Close to 400 people attended the meeting.",
        "Loading of the ferry began at noon.",
        "Now watching the bridge are two engineers.",
        "Harbour Bridge - closed since May 2019 for repairs",
        "Mayor Lee - re-elected in 2019 by a wide margin",
        "Written permission must be obtained from the council before building.",
        "No comments were made by the council.",
        "This content is the property of the state, the court ruled in a long judgment.",
        "Link this to the story about the bridge.",
        "Reprints of the 1920 harbour map are on sale at the museum.",
        "Save this date: the bridge reopens on 4 May.",
        "Take the quiz in the museum to learn how the bridge was built.",
        "Courtesy of the council, the bridge reopened a week early.",
        "Photo by photo, the exhibition tells the story of the bridge.",
        "Reuters reported the closure on Monday, citing the AP and AFP.",
        "About the author of the report, little is known.",
        "Written by a committee in 1998, the charter was never signed.",
        "Prices were accurate to the cent, the auditor said.",
        "Les misérables ouvre la saison du théâtre du port.",
        "These cookies are sold at the harbour bakery every Friday.",
        "Ich bin damit einverstanden, sagte die Bürgermeisterin über den Plan für die Brücke.",
        "Die Fähre ist verfügbar bis Ende Mai, sagte der Sprecher.",
        "The formula $$x$$ and the template's {{ name }} are in the manual.",
        "Die Polizei bat, Fehler im Fahrplan zu melden, sagte der Sprecher.",
    ],
)
def test_paragraphs_that_look_like_prompts_are_not(line: str) -> None:
    assert not is_prompt(line)


def _saved(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "story.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_a_hover_card_inside_a_link_does_not_glue_into_the_sentence(tmp_path: Path) -> None:
    card = (
        "<p>Governor <a href='/people/noem'>Kristi Noem<span class='person-hovercard'>"
        "<b>Kristi Lynn Noem</b><i>South Dakota governor</i></span></a> defended the campaign"
        " on Monday, saying it had made people talk about a drug crisis in rural towns.</p>"
    )
    text = text_of(tmp_path, page(card))
    assert "Governor Kristi Noem defended the campaign on Monday" in text
    assert "Lynn" not in text


def test_a_copy_for_screen_readers_beside_the_text_shown_is_read_once(tmp_path: Path) -> None:
    heading = (
        "<h2><span class='sr-only'>Work on the girders begins in May</span>"
        "<a href='/girders'>Work on the girders begins in May</a></h2>"
    )
    text = text_of(
        tmp_path,
        page(
            heading,
            "<p>Fares <span class='sr-only'>in euros</span> stay as they are, the port said.</p>",
        ),
    )
    assert text.count("Work on the girders begins in May") == 1
    assert "Fares in euros stay as they are" in " ".join(text.split())  # no copy: it stays


@pytest.mark.parametrize(
    "note", ["(opens in a new window)", "Opens in a new tab", "(öffnet im neuen Fenster)"]
)
def test_a_link_s_note_that_it_opens_a_new_window_is_not_read(tmp_path: Path, note: str) -> None:
    linked = (
        "<p>The port published <a href='https://port.example/report.pdf' target='_blank'>its "
        f"report<span class='vh'>{note}</span></a> on the cracks on Monday.</p>"
    )
    text = " ".join(text_of(tmp_path, page(linked)).split())
    assert "The port published its report on the cracks on Monday." in text


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("<span class='initial-letter'>N</span> <span>a endlich, the bridge is closed.</span>",
         "Na endlich, the bridge is closed."),
        ("<span class='dropcap'>T</span> he council voted on Tuesday.",
         "The council voted on Tuesday."),
        # A letter that is a word keeps its space.
        ("<span class='dropcap'>A</span> man crossed the bridge.", "A man crossed the bridge."),
        ("<span class='dropcap'>I</span> walked over the bridge.", "I walked over the bridge."),
    ],
)  # fmt: skip
def test_a_drop_cap_set_apart_with_a_space_joins_its_word(
    tmp_path: Path, paragraph: str, expected: str
) -> None:
    text = text_of(tmp_path, page(f"<p>{paragraph}</p>"))
    assert expected in text.split("\n\n")


def test_a_card_shaped_span_is_dropped_whatever_its_class(tmp_path: Path) -> None:
    card = (
        "<p>Governor <span class='rp'><a href='/people/noem'>Kristi Noem</a><span class='blk'>"
        "<img src='noem.jpg'><a href='/people/noem'>Kristi Lynn Noem</a><a href='/news/1'>Governor"
        " doubles down on campaign</a></span></span> defended the campaign on Monday, saying it"
        " had made people talk about a drug crisis in rural towns.</p>"
    )
    text = text_of(tmp_path, page(card))
    assert "Governor Kristi Noem defended the campaign on Monday" in text
    assert "Lynn" not in text and "doubles down" not in text


def test_a_span_with_one_link_or_no_photo_keeps_its_text(tmp_path: Path) -> None:
    inline = (
        "<p>The mayor <span class='quote'>told <a href='/a'>the council</a> and"
        " <a href='/b'>the press</a></span> on Monday that the bridge would close for repairs"
        " over the summer, and <span><img src='x.png'> <a href='/c'>residents</a></span>"
        " agreed.</p>"
    )
    text = text_of(tmp_path, page(inline))
    assert "told the council and the press on Monday" in text
    assert "residents agreed" in " ".join(text.split())


def test_the_page_s_own_address_printed_on_it_is_not_article_text(tmp_path: Path) -> None:
    address = "https://www.northport.example/news/harbour-bridge-closed-14848175.php"
    head = f"<link rel='canonical' href='{address}'>"
    text = text_of(tmp_path, page(f"<p>{address}</p>", "<p>https://other.example/a</p>", head=head))
    assert address not in text
    assert "https://other.example/a" in text  # another address may be what the story lists
    assert text.startswith(PARAGRAPHS[0])


def test_an_xhtml_page_with_an_xml_declaration_is_read(tmp_path: Path) -> None:
    html = page().replace("<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>\n')
    assert text_of(tmp_path, html).startswith(PARAGRAPHS[0])


def test_a_word_that_has_a_tooltip_keeps_its_text(tmp_path: Path) -> None:
    term = (
        "<p>The council relies on <span class='has-tooltip'>Section 12</span> of the harbour act"
        " to close the bridge without a vote of the regional assembly, officials said.</p>"
    )
    assert "relies on Section 12 of the harbour act" in text_of(tmp_path, page(term))


@pytest.mark.parametrize("between", ["", "<p class='byline'>By Jane Roe, Nov. 19, 2019</p>"])
def test_the_standfirst_under_the_headline_is_not_article_text(
    tmp_path: Path, between: str
) -> None:
    deck = "Engineers found cracks in two steel girders during a routine inspection"
    html = page().replace("</h1>", f"</h1>{between}<h2 class='sub-head'>{deck}</h2>", 1)
    text = text_of(tmp_path, html)
    assert deck not in text
    assert text.startswith(PARAGRAPHS[0])


def test_a_short_section_heading_under_the_headline_stays(tmp_path: Path) -> None:
    html = page().replace("</h1>", "</h1><h2>What happened</h2>", 1)
    assert "What happened" in text_of(tmp_path, html)


def test_a_list_of_links_to_other_stories_is_left_out(tmp_path: Path) -> None:
    titles = [
        "Who will pay for the new ferry terminal?",
        "Lorry drivers protest against the northern detour",
        "Tram line extension opens two months early",
    ]
    related = "<ul>" + "".join(f"<li><a href='/s/{i}'>{t}</a></li>" for i, t in enumerate(titles))
    text = text_of(tmp_path, page("", "", "", related + "</ul>"))
    assert not any(title in text for title in titles)
    assert all(paragraph in text for paragraph in PARAGRAPHS)


OTHER_POSTS = [
    "Ferry fares will rise in spring, the operator said, blaming fuel costs and the new port "
    "dues that came into force this year for the increase of almost a tenth …",
    "Tram drivers voted to strike over the new rota, which they say leaves too little rest "
    "between the late and the early shifts on the harbour line …",
]


def _teasers() -> str:
    return "".join(
        f"<article class='post'><h2><a href='/p/{i}'>Other story {i}</a></h2><p>{teaser}</p>"
        "</article>"
        for i, teaser in enumerate(OTHER_POSTS)
    )


def test_other_posts_in_articles_beside_the_story_are_left_out(tmp_path: Path) -> None:
    html = page().replace(
        "</article></main>", f"</article><article class='more'>{_teasers()}</article></main>"
    )
    text = text_of(tmp_path, html)
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert not any(teaser[:40] in text for teaser in OTHER_POSTS)


def test_articles_nested_in_the_story_are_left_out(tmp_path: Path) -> None:
    text = text_of(tmp_path, page().replace("</article></main>", f"{_teasers()}</article></main>"))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert not any(teaser[:40] in text for teaser in OTHER_POSTS)


def test_articles_beside_the_story_without_paragraphs_are_kept() -> None:
    rows = [("250 g", "Flour"), ("2", "Eggs"), ("100 ml", "Milk"), ("1 pinch", "Salt")]
    table = "".join(f"<tr><td>{amount}</td><td>{what}</td></tr>" for amount, what in rows)
    steps = "".join(f"<li>{step}</li>" for step in ("Beat the eggs.", "Fold in the flour."))
    beside = (
        f"<article class='ingredients'><h2>Ingredients</h2><table>{table}</table></article>"
        f"<article class='method'><h2>Method</h2><ol>{steps}</ol></article>{_teasers()}"
    )
    tree = lxml.html.document_fromstring(
        page().replace("</article></main>", f"</article>{beside}</main>")
    )
    _drop_other_articles(tree)
    kept = [a.get("class") for a in tree.iter("article")]
    assert kept == [None, "ingredients", "method"]  # the story and its recipe, no teasers


def test_a_story_in_an_article_inside_a_wrapper_article_is_kept(tmp_path: Path) -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour bridge closed</title></head><body><article class='page'>"
        f"<h1>Harbour bridge closed to lorries</h1><p>By Jane Roe</p><article>{body}</article>"
        "</article></body></html>"
    )
    text = text_of(tmp_path, html)
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_an_inner_article_longer_than_the_outer_one_s_own_text_is_kept(tmp_path: Path) -> None:
    lead = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
    rest = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS[2:] * 2)
    html = (
        "<html><head><title>Harbour bridge closed</title></head><body><article>"
        f"<h1>Harbour bridge closed to lorries</h1>{lead}<article>{rest}</article>"
        "</article></body></html>"
    )
    text = text_of(tmp_path, html)
    assert all(paragraph in text for paragraph in PARAGRAPHS)


ARTICLE_TYPE = "<meta property='og:type' content='article'>"


def _cards(count: int) -> str:
    """Cards of other stories, each whole inside one link: photo, headline, opening."""
    return "".join(
        f"<li><a href='/news/{i}'><img src='{i}.jpg'><h3>Other story {i}</h3>"
        f"<p>{teaser}</p></a></li>"
        for i, teaser in enumerate(OTHER_POSTS[:count])
    )


def test_cards_of_other_stories_each_inside_one_link_are_left_out(tmp_path: Path) -> None:
    more = [
        "Engineers will inspect the other two bridges over the river next month, the council "
        "said, and publish their findings before the summer recess in July.",
        "The harbour board said it would keep the port open through the works.",
    ]
    story = page(*(f"<p>{paragraph}</p>" for paragraph in more), head=ARTICLE_TYPE)
    text = text_of(tmp_path, story.replace("</article>", f"<ul>{_cards(2)}</ul></article>"))
    assert all(paragraph in text for paragraph in PARAGRAPHS + more)
    assert not any(teaser[:40] in text for teaser in OTHER_POSTS)
    # A page that does not say it is an article (a product's, a service's) keeps such cards.
    text = text_of(
        tmp_path,
        story.replace(ARTICLE_TYPE, "").replace("</article>", f"<ul>{_cards(2)}</ul></article>"),
    )
    assert all(teaser[:40] in text for teaser in OTHER_POSTS)


def test_a_page_made_of_cards_alone_keeps_them(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Latest news - Northport Post</title></head><body><main>"
        f"<h1>Latest news</h1><ul>{_cards(2)}</ul></main></body></html>"
    )
    text = text_of(tmp_path, html)
    assert all(teaser[:40] in text for teaser in OTHER_POSTS)


def test_listed_links_to_other_stories_after_a_topic_are_left_out(tmp_path: Path) -> None:
    # A story one paper shares with another: its canonical address is the other's, the links
    # of the list point to the paper's own site, which its og:url names.
    head = (
        "<link rel='canonical' href='https://partner.example/news/bridge-closed'>"
        "<meta property='og:url' content='https://northport.example/news/bridge-closed'>"
    )
    related = [
        ("Transport", "Ferry fares will rise in spring, the operator says"),
        ("Council", "New budget for the schools of the harbour district"),
        ("Weather", "Storm warning for the coast until Friday evening"),
    ]
    items = "".join(
        f"<li><strong>{topic}:</strong> <a href='https://northport.example/{i}'>{headline}</a></li>"
        for i, (topic, headline) in enumerate(related)
    )
    text = text_of(tmp_path, page(f"<ul>{items}</ul>", head=head))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert not any(headline in text for _, headline in related)


def test_a_list_of_short_linked_places_after_labels_stays() -> None:
    itinerary = ["- Day 6 to 7: Kyoto", "- Day 8: Nara", "- Day 9 to 10: Osaka"]
    lines = [*PARAGRAPHS[:2], *itinerary, *PARAGRAPHS[2:]]
    links = normalised(["Kyoto", "Nara", "Osaka"])
    assert drop_furniture(lines, precise=(), links=links, titles=()) == lines


NEXT_STORY = [
    "The ferry company will add two late sailings to the island from May, after a summer in "
    "which hundreds of day visitors were stranded on the pier when the last boat was full.",
    "Its director said the new boats would carry four hundred passengers each and run until "
    "the end of September, when the timetable returns to its winter pattern of four crossings.",
    "Islanders welcomed the news but asked for a fixed share of places for residents, who "
    "said they had waited hours to get home from work on the mainland last August.",
    "The council will review the timetable in October with the company and the harbour board.",
    "Fares will not change this year, the company said, though a rise is likely in 2026.",
    "A petition for a night crossing on Fridays and Saturdays has gathered three thousand names.",
]


def _next_story(title: str) -> str:
    """The page of ``page()`` with the story a news site loads under it, longer than it and
    with its own headline, in an ``<article>`` beside it, both in the page's content block;
    the page titled ``title``."""
    following = "".join(f"<p>{paragraph}</p>" for paragraph in NEXT_STORY)
    return (
        page()
        .replace(
            "</article></main>",
            f"</article><div class='under-article'><article><h1>Ferry adds late sailings</h1>"
            f"{following}</article></div></main></div>",
        )
        .replace("<main>", "<div class='page-content'><main>")
        .replace("<title>Harbour bridge closed to lorries - Northport Post", f"<title>{title}")
    )


def test_the_next_story_loaded_under_the_one_opened_is_left_out(tmp_path: Path) -> None:
    text = text_of(tmp_path, _next_story("Harbour bridge closed to lorries - Northport Post"))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert not any(paragraph in text for paragraph in NEXT_STORY)


def test_two_headed_stories_neither_named_by_the_title_are_both_kept(tmp_path: Path) -> None:
    # Which one the reader opened is unknown: the longer is kept, as with one headline.
    text = text_of(tmp_path, _next_story("Northport Post - Today's news"))
    assert all(paragraph in text for paragraph in NEXT_STORY)


REVIEWS = [
    [
        "The Harbour One folds in three seconds and weighs under twelve kilograms, which made it "
        "the only scooter in our test that commuters carried up station stairs without a fuss.",
        "Its range fell short of the claim: we measured nineteen kilometres on a cold morning, "
        "against the twenty-five on the box, with a rider of eighty kilograms on hilly roads.",
        "Braking is the best in its class, a drum at the front and regeneration at the back.",
        "We would buy it for a short ride to a train and a flight of stairs at either end.",
    ],
    [
        "The Quayside Pro is heavier and dearer, but its suspension turns cobbles into a hum and "
        "its battery gave us forty kilometres, the longest range of any model we rode this year.",
        "The app is clumsy and the stand is weak, but the frame felt solid after three months "
        "of daily use in the rain, and the tyres never punctured on the harbour's broken glass.",
        "For a long commute on rough streets it is the one to have, if the stairs are few.",
        "Charging takes six hours from flat, so an office socket matters more than usual.",
    ],
]


def test_a_guide_s_sections_nested_as_articles_are_kept(tmp_path: Path) -> None:
    # A buying guide whose reviews of each product are <article> items of the guide: longer
    # than a teaser's opening and together longer than its introduction, they are the guide.
    sections = "".join(
        f"<article class='listicle-item'><h2>Scooter {i}</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in review)
        + "</article>"
        for i, review in enumerate(REVIEWS)
    )
    html = page().replace("</article></main>", f"{sections}{_teasers()}</article></main>")
    text = text_of(tmp_path, html)
    assert all(paragraph in text for review in REVIEWS for paragraph in review)
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert not any(teaser[:40] in text for teaser in OTHER_POSTS)


def test_readers_comments_nested_in_the_story_are_left_out_however_long(
    tmp_path: Path,
) -> None:
    comments = "".join(
        f"<article class='comment'><p>{paragraph}</p></article>"
        for paragraph in [*REVIEWS[0], *REVIEWS[1]]
    )
    text = text_of(tmp_path, page().replace("</article></main>", f"{comments}</article></main>"))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert not any(paragraph[:40] in text for review in REVIEWS for paragraph in review)


def test_an_embedded_post_the_story_quotes_is_kept(tmp_path: Path) -> None:
    post = (
        "<div class='article-widget embed-tweet'><blockquote class='twitter-tweet'>"
        "<p lang='en' dir='ltr'>The <a href='https://twitter.com/hashtag/bridge'>#bridge</a> is"
        " closed from tonight.<br><br>Lorries use the estate road <a href='https://t.co/x'>"
        "pic.twitter.com/x</a></p>— Northport Council (@npcouncil) <a href='https://twitter.com/"
        "npcouncil/status/1'>November 19, 2019</a></blockquote>"
        "<script src='https://platform.twitter.com/widgets.js'></script></div>"
    )
    text = text_of(tmp_path, page(post))
    assert "The #bridge is closed from tonight." in text
    assert "Lorries use the estate road" in text and "tonight.Lorries" not in text
    assert text.index("#bridge") < text.index(PARAGRAPHS[1])
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_a_block_the_page_shows_twice_in_a_row_is_kept_once(tmp_path: Path) -> None:
    head = "<thead><tr><th>Lane</th><th>Vehicles</th><th>Share</th></tr></thead>"
    rows = "<tr><td>North</td><td>2,100</td><td>52%</td></tr>"
    table = f"<table>{head}{head}<tbody>{rows}</tbody></table>"
    text = text_of(tmp_path, page(table))
    assert text.count("Lane") == 1
    assert "2,100" in text


@pytest.mark.parametrize(
    "byline",
    [
        "By Damian Spellman, PA Sport",
        "By: Jim Macdonald, THE CANADIAN PRESS",
        "BY HERB KEINON AND YAAKOV KATZ",
        "By JEFFREY McMURRAY Associated Press Writer",
        "By GUDJON HELGASON and BRIAN CHURCH, Associated Press Writers 1 hour, 32 minutes ago",
        "Von Nina Magoley",
        "von Katja Belousova und Jan Berg",
        "Par Jean Dupont et Marie Martin",
        "Door Jan Jansen",
        "Stand: 22.04.2024, 06:00 Uhr",
        "Freitag, 28.04.2023, 19:25",
    ],
)
def test_a_byline_paragraph_over_the_story_is_left_out(tmp_path: Path, byline: str) -> None:
    html = page().replace("</h1>", f"</h1><p>{byline}</p>", 1)
    assert text_of(tmp_path, html).split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize(
    "opening",
    ["Von Anfang an war klar, dass die Brücke nicht zu retten war.", "Von der Leyen unter Druck"],
)
def test_a_german_line_that_opens_with_von_is_no_byline(tmp_path: Path, opening: str) -> None:
    html = page().replace("</h1>", f"</h1><p>{opening}</p>", 1)
    assert text_of(tmp_path, html).split("\n\n") == [opening, *PARAGRAPHS]


@pytest.mark.parametrize(
    "credit",
    [
        "Written by Cassidy Horton",
        "Written by: Sean Peek, Senior AnalystUpdated Sep 17, 2025",
        "Medically reviewed by Dr. Jane Roe",
        "Edited by Mary Louise Kelly and John Smith",
    ],
)
def test_a_line_crediting_the_writer_is_left_out_wherever_it_stands(
    tmp_path: Path, credit: str
) -> None:
    # An author box after the story, or a credit under each card of other stories.
    html = page("", "", "", f"<p>{credit}</p>")
    assert text_of(tmp_path, html).split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize(
    "sentence",
    [
        "Written by a committee in 1998, the charter was never signed by the port.",
        "Reviewed by the Court of Appeal in 2019, the ruling still stands today.",
    ],
)
def test_a_sentence_that_opens_like_a_credit_stays(tmp_path: Path, sentence: str) -> None:
    html = page("", "", "", f"<p>{sentence}</p>")
    assert sentence in text_of(tmp_path, html)


@pytest.mark.parametrize(
    "opening",
    ["By Sunday the council had voted to close it.", "By 2030 the port wants forty berths."],
)
def test_a_sentence_that_opens_with_by_stays(tmp_path: Path, opening: str) -> None:
    html = page().replace("</h1>", f"</h1><p>{opening}</p>", 1)
    assert text_of(tmp_path, html).split("\n\n") == [opening, *PARAGRAPHS]


def test_the_headline_run_into_its_byline_and_date_is_left_out(tmp_path: Path) -> None:
    byline = "<p>Harbour bridge closed to lorries by Jane Roe Monday, November 18, 2019</p>"
    html = page().replace("</h1>", f"</h1>{byline}", 1)
    text = text_of(tmp_path, html)
    assert "Jane Roe" not in text
    assert text.startswith(PARAGRAPHS[0])


def test_a_page_with_nothing_to_read_names_the_file_and_the_reason_once(tmp_path: Path) -> None:
    path = _saved(tmp_path, "<html><body><img src='photo.jpg'><script>show();</script></body>")
    with pytest.raises(UnreadableFile) as raised:
        read_articles(path)
    message = str(raised.value)
    assert message.count("story.html") == 1
    assert "no article text found" in message and "cannot parse" not in message


def test_a_note_on_the_writer_at_the_end_is_left_out(tmp_path: Path) -> None:
    bio = "<p>Jane Roe is a staff writer at the Northport Post covering transport.</p>"
    text = text_of(tmp_path, page("", "", "", "", bio))
    assert "staff writer" not in text
    assert text.endswith(PARAGRAPHS[-1])


def test_a_share_buttons_label_is_cut_off_the_quote_it_shares(tmp_path: Path) -> None:
    quote = "<p>Every bridge tells a story about the town it joins.Click To Tweet</p>"
    text = text_of(tmp_path, page(quote))
    assert "Every bridge tells a story about the town it joins." in text
    assert "Tweet" not in text


def test_a_note_on_the_writer_naming_the_outlet_is_left_out(tmp_path: Path) -> None:
    bio = "<p>Jane Roe is Northport Post's deal curator and tests what she recommends.</p>"
    text = text_of(tmp_path, page("", "", "", "", bio))
    assert "deal curator" not in text
    assert text.endswith(PARAGRAPHS[-1])


def test_a_sentence_about_a_reporter_in_the_story_stays(tmp_path: Path) -> None:
    news = "<p>Jane Roe is a reporter who was held at the border for a day last spring.</p>"
    ending = "<p>Jane Roe is a staff writer at the Northport Post.</p>"
    assert "held at the border" in text_of(tmp_path, page(news))
    assert "held at the border" in text_of(tmp_path, page("", "", "", "", news))
    assert "Jane Roe is a staff writer" in text_of(tmp_path, page(ending))


def test_a_press_releases_closing_note_on_the_company_is_left_out(tmp_path: Path) -> None:
    note = (
        "<h3>About Harbourline</h3>"
        "<p>Harbourline is a leading provider of port logistics software for ferry operators "
        "and hauliers in northern Europe.</p>"
        "<p>Harbourline is headquartered in Northport and employs around 300 people.</p>"
    )
    text = text_of(tmp_path, page("", "", "", "", note))
    assert "Harbourline" not in text
    assert text.endswith(PARAGRAPHS[-1])
    # In the story, such a sentence is news.
    text = text_of(tmp_path, page(note))
    assert "Harbourline is a leading provider" in text and "About Harbourline" in text


def test_a_page_whose_text_cannot_tell_its_language_takes_the_one_it_declares(
    tmp_path: Path,
) -> None:
    scores = "".join(
        f"<p>Palm Bay ({n}-0): Tolivert {n + 20} points. Davis 17 points. Burgher 10.</p>"
        for n in range(6)
    )
    box_score = (
        "<!DOCTYPE html><html lang='en-US'><head><title>HS Roundup</title></head><body>"
        f"<article><h1>HS Roundup</h1>{scores}</article></body></html>"
    )
    assert read_articles(_saved(tmp_path, box_score))[0].language == "en"
    # Text that tells wins over a template's declaration.
    german = page().replace("<html>", "<html lang='de'>")
    assert read_articles(_saved(tmp_path, german))[0].language == "en"


def test_the_sites_name_set_as_a_heading_is_no_headline(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    links = "".join(
        f"<a href='http://www.harbourtimes.kr/news/{n}'>Story {n}</a>" for n in range(4)
    )
    html = (
        "<html><head><title>Bridge closed to heavy lorries - Harbourtimes</title></head><body>"
        f"<header><a href='/'><h1>하버 타임스</h1></a><nav>{links}</nav></header>"
        f"<div class='story'>{body}</div></body></html>"
    )
    article = read_articles(_saved(tmp_path, html))[0]
    assert article.title == "Bridge closed to heavy lorries"
    assert article.source == "하버 타임스"


def test_a_hidden_schema_copy_of_the_story_is_not_read_again(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    hidden = (
        "<div style='display:none;' itemscope itemtype='http://schema.org/NewsArticle'>"
        "<h1 itemprop='name'>Harbour bridge closed to lorries</h1>"
        "<div itemprop='keywords'>bridges,Northport harbour</div>"
        "<div itemprop='datePublished'>2019-11-19T08:57:40+01:00</div>"
        "<div itemprop='publisher' itemscope itemtype='http://schema.org/Organization'>"
        "<div itemprop='name'>NorthportPostDe</div></div>"
        f"<div itemprop='articleBody'>{chr(10).join(PARAGRAPHS)}</div></div>"
    )
    html = (
        "<html><head><title>Harbour bridge closed to lorries</title></head><body>"
        "<div class='content post'><h1>Harbour bridge closed to lorries</h1>"
        f"<div class='post-content'>{body}</div>{hidden}</div></body></html>"
    )
    text = text_of(tmp_path, html)
    assert text.split("\n\n") == PARAGRAPHS


def test_source_line_breaks_are_spaces_but_br_and_preformatted_text_keep_theirs() -> None:
    # trafilatura's fallback pass keeps a hand-written page's source line breaks, which split
    # a paragraph into lines (and the recovery then added it again as a missing one).
    page = lxml.html.document_fromstring(
        "<html><body><p>The council voted\non Tuesday to close\n  the bridge.</p>"
        "<p>Trains stop.<br>Factories close.</p><pre>x = 1\ny = 2</pre></body></html>"
    )
    unwrap_source_lines(page)
    first, second = page.iter("p")
    assert first.text_content() == "The council voted on Tuesday to close the bridge."
    assert second.text_content() == "Trains stop.\nFactories close."
    assert next(page.iter("pre")).text_content() == "x = 1\ny = 2"


def test_indentation_of_the_source_is_left_as_it_is() -> None:
    # Only spaces and breaks show nothing; trafilatura's fallback reads the page's layout from
    # them, and with them flattened took a slide show's captions for an Independent story.
    page = lxml.html.document_fromstring(
        "<html><body><div>\n    <p>The council\nvoted.</p>\n\n    <h3> </h3>\n</div></body></html>"
    )
    unwrap_source_lines(page)
    block = next(page.iter("div"))
    assert block.text == "\n    "
    assert next(page.iter("p")).tail == "\n\n    "
    assert next(page.iter("p")).text == "The council voted."


def test_a_word_documents_saved_page_keeps_each_bullet_with_its_item(tmp_path: Path) -> None:
    """Word's "Save as Web Page" spaces a list's bullet from its item with no-break spaces
    before a line break of the source: visible spacing, no indentation, so no line break."""
    bullet = (
        "<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "
        '"Times New Roman"\'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;\n</span></span>'
        "<![endif]>{}<o:p></o:p></p>"
    )
    html = (
        "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head>"
        "<meta name=Generator content='Microsoft Word 15'><title>Harbour bridge</title></head>"
        "<body lang=EN-US><div class=WordSection1>"
        f"<p class=MsoNormal>{PARAGRAPHS[0]}<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        f"<p class=MsoNormal>{PARAGRAPHS[1]}<o:p></o:p></p>"
        + bullet.format("The committee votes on the contract on 12 March.")
        + bullet.format("Work starts in April if the vote passes.")
        + "</div></body></html>"
    )
    assert text_of(tmp_path, html).split("\n\n")[-2:] == [
        "· The committee votes on the contract on 12 March.",
        "· Work starts in April if the vote passes.",
    ]


def test_a_list_of_points_between_the_storys_paragraphs_is_kept(tmp_path: Path) -> None:
    # A page builder's rich-text block: trafilatura kept the paragraphs and dropped the list.
    points = [
        "<li><strong>Weight:</strong> lorries over 7.5 tonnes may not cross the bridge.</li>",
        "<li><strong>Hours:</strong> the diversion runs day and night until the repairs end.</li>",
    ]
    html = (
        "<html><head><title>Harbour bridge</title></head><body><div class='row-fluid'>"
        "<div class='span12 widget-span widget-type-rich_text'><span class='hs_cos_wrapper "
        f"hs_cos_wrapper_type_rich_text'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        f"<p><strong>The new rules:</strong></p><ul>{''.join(points)}</ul>"
        f"<p>{PARAGRAPHS[2]}</p></span></div></div></body></html>"
    )
    assert text_of(tmp_path, html).split("\n\n") == [
        *PARAGRAPHS[:2],
        "The new rules:",
        "- Weight: lorries over 7.5 tonnes may not cross the bridge.",
        "- Hours: the diversion runs day and night until the repairs end.",
        PARAGRAPHS[2],
    ]


def test_a_dialog_over_the_page_is_no_part_of_the_story(tmp_path: Path) -> None:
    policy = (
        "We are happy for our stories to be shared, and encourage you to republish our "
        "articles for your audience, provided you credit us and link back to the story."
    )
    for dialog in (
        f"<div role='dialog' aria-modal='true'><h2>Republish</h2><p>{policy}</p></div>",
        f"<dialog><p>{policy}</p></dialog>",
    ):
        text = text_of(tmp_path, page(dialog))
        assert policy not in text
        assert text.split("\n\n") == PARAGRAPHS


def test_a_story_shown_in_a_dialog_is_kept(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour bridge closed</title></head><body><nav><a href='/'>Home</a>"
        f"</nav><div role='dialog'><article><h1>Harbour bridge closed</h1>{body}</article></div>"
        "</body></html>"
    )
    assert text_of(tmp_path, html).split("\n\n") == PARAGRAPHS


def test_a_formula_reads_as_its_symbols_not_its_tex_source(tmp_path: Path) -> None:
    # Wikipedia's markup: MathML hidden for screen readers, with its TeX, beside an image.
    formula = (
        "<span class='mwe-math-element'><span class='mwe-math-mathml-inline' "
        "style='display: none;'><math alttext='{\\displaystyle A=A^{H}}'><semantics><mrow>"
        "\n  <mi>A</mi>\n  <mo>=</mo>\n  <msup><mi>A</mi><mi>H</mi></msup>\n</mrow>"
        "<annotation encoding='application/x-tex'>{\\displaystyle A=A^{H}}</annotation>"
        "</semantics></math></span><img src='f.svg' alt='{\\displaystyle A=A^{H}}'></span>"
    )
    sentence = f"A square matrix is Hermitian when {formula}, that is, when it equals its adjoint."
    text = text_of(tmp_path, page(f"<p>{sentence}</p>"))
    assert "displaystyle" not in text
    assert "A square matrix is Hermitian when A = AH, that is, when it equals its adjoint." in text


def test_a_page_laid_out_in_a_table_gives_its_story_not_its_rows(tmp_path: Path) -> None:
    # A 2008 news site: masthead, menu, story and sidebar are the cells of one table.
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "News", "Sport"))
    sidebar = "<p><b>Most read</b></p>" + "".join(
        f"<p><a href='/s{i}'>Story number {i} about the weather today</a></p>" for i in range(5)
    )
    story = "<h1>Harbour bridge closed to lorries</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour bridge closed to lorries - Northport Post</title></head>"
        "<body><table width='100%'><tr><td colspan='3'><table><tr><td><h2>Northport Post</h2>"
        "</td><td><a href='/about'>Powered by Harbour Press</a></td></tr></table></td></tr>"
        f"<tr><td valign='top'><ul>{menu}</ul></td><td valign='top'>{story}</td>"
        f"<td>{sidebar}</td></tr><tr><td colspan='3'>Copyright Northport Post 2008 | "
        "<a href='/contact'>Contact us</a></td></tr></table></body></html>"
    )
    assert text_of(tmp_path, html).split("\n\n") == PARAGRAPHS


def test_a_drop_down_menus_options_are_no_text() -> None:
    # A share-price page's menu of 1,900 company names had come out as lines of its text.
    names = "".join(f"<option>Harbour Holdings {i}</option>" for i in range(40))
    page = lxml.html.document_fromstring(
        f"<html><body><form>Quote: <select>{names}</select> and go</form></body></html>"
    )
    _drop_controls(page)
    assert " ".join(page.text_content().split()) == "Quote: and go"


def test_a_text_box_s_embed_code_is_no_text(tmp_path: Path) -> None:
    # A video page's "embed this video" box, in the story's block, had put its <iframe …> code
    # into the story: a text box holds its markup as text.
    code = (
        "<iframe width='670' height='437' src='https://news.example/video/embed/17'>Your browser"
        " does not support frames. <a href='https://news.example/v/17'>Click here to view the"
        " frameless video.</a>.</iframe>"
    )
    html = (
        "<html><head><title>Harbour bridge closed</title></head><body><article>"
        f"<h1>Harbour bridge closed</h1><div class='story'><div><p>{PARAGRAPHS[0]}</p></div>"
        f"<div class='embed_box'><textarea class='embed'>{code}</textarea></div>"
        "</div></article></body></html>"
    )
    text = text_of(tmp_path, html)
    assert PARAGRAPHS[0] in text
    assert "iframe" not in text and "frameless" not in text


def test_the_recall_pass_never_reads_a_script() -> None:
    # A blog's analytics code, set in a paragraph of its footer, came out as lines of a story
    # the default pass had found short.
    footer = (
        "<footer><div class='widget-content'><p style='line-height: 80%'>"
        "<script type='text/javascript'>var _gaq = _gaq || [];"
        " _gaq.push(['_trackPageview']);</script></p></div></footer>"
    )
    tree = lxml.html.document_fromstring(f"<html><body>{footer}</body></html>")
    assert _recall_lines(tree) == []
    assert tree.find(".//script") is not None  # the page itself keeps its scripts


def test_a_frame_s_fallback_is_no_text(tmp_path: Path) -> None:
    # The parser reads <noframes> as markup in text: an embedded video's fallback link came out
    # as "<a href=…><img …></a>" between two paragraphs.
    video = (
        "<p>Here's the video:</p><p><iframe src='https://video.example/embed/1'></iframe>"
        "<noframes><a href='https://video.example/watch?v=1'><img src='https://video.example/1.jpg'"
        " alt='Preview Image'/></a></noframes></p>"
    )
    text = text_of(tmp_path, page(video))
    assert "<a href" not in text and "video.example" not in text
    assert all(p in text for p in PARAGRAPHS)


def test_a_rubys_reading_stays_above_its_word_not_in_the_line(tmp_path: Path) -> None:
    # Japanese pages set a word's reading over it (furigana): read inline, "天気" came out as
    # "天気てんき", with "(とうきょう)" from the parentheses kept for browsers without ruby.
    ruby = (
        "<p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>の<ruby>天気<rt>てんき</rt>"
        "</ruby>は晴れです。</p>"
    )
    text = text_of(tmp_path, page(ruby))
    assert "東京の天気は晴れです。" in text
    assert all(p in text for p in PARAGRAPHS)


def test_a_page_trafilatura_finds_no_story_in_still_gives_its_declared_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # trafilatura gives None when its text is empty (a page that builds its story with
    # scripts); reading the metadata of that None had failed the whole import.
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    declared = json.dumps({"@type": "NewsArticle", "articleBody": "\n\n".join(PARAGRAPHS)})
    html = (
        "<html><head><title>Harbour bridge closed</title><script type='application/ld+json'>"
        f"{declared}</script></head><body><div id='app'></div></body></html>"
    )
    article = read_articles(_saved(tmp_path, html))[0]
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.title == "Harbour bridge closed"


def test_a_video_player_s_menus_are_no_text(tmp_path: Path) -> None:
    # The player's menus are marked for screen readers, not hidden from the page's text.
    def menu(label: str, item: str) -> str:
        return (
            f"<div role='menuitem' aria-label='{label} Menu'><ul role='menu'>"
            f"<li role='menuitemcheckbox'>{item}<span>, selected</span></li></ul></div>"
        )

    player = (
        "<div class='player'><div role='toolbar'><button>Play</button>"
        f"{menu('Descriptions', 'descriptions off')}{menu('Subtitles', 'subtitles off')}"
        "<div role='slider' aria-label='Volume'>100%</div>"
        "<select role='menuitem'><option>Quality: auto</option></select></div></div>"
    )
    assert text_of(tmp_path, page(player)).split("\n\n") == PARAGRAPHS


def test_a_data_table_with_its_values_in_paragraphs_stays_a_table(tmp_path: Path) -> None:
    rows = [("Onions", "3"), ("Celery", "160g"), ("Carrots", "8"), ("Garlic", "12 cloves")]
    table = "<table>" + "".join(
        f"<tr><td><p>{name}</p></td><td><p>{amount}</p></td></tr>" for name, amount in rows
    )
    text = text_of(tmp_path, page(table + "</table>"))
    assert all(f"| {name} | {amount} |" in text for name, amount in rows)


def test_a_comparison_chart_with_values_in_two_paragraphs_stays_a_table(tmp_path: Path) -> None:
    # A grid of values stays a table though some cells hold two paragraphs ("Small" over
    # "(1-99 employees)"): its rows had been unwrapped into lines of first-column labels and
    # the values lost.
    plans = ["Harbour CRM", "Quay Sales", "Dockside"]
    rows = [("Small", "Too complex", "Good", "Best"), ("Medium", "Best", "Good", "Basic")]
    rows += [("Price per month", "$20", "$45", "$90"), ("Mobile app", "Basic", "Best", "Best")]
    head = "<tr><td><b>Business size</b></td>" + "".join(f"<td>{p}</td>" for p in plans)
    cells = "".join(
        f"<tr><td><p><b>{label}</b></p><p>(our rating)</p></td>"
        + "".join(f"<td>{value}</td>" for value in values)
        + "</tr>"
        for label, *values in rows
    )
    text = text_of(tmp_path, page(f"<table>{head}</tr>{cells}</table>"))
    assert "| Business size | Harbour CRM | Quay Sales | Dockside |" in text
    for label, *values in rows:
        assert " | ".join(values) + " |" in text, label


def test_a_checklist_laid_out_as_a_grid_keeps_its_lists(tmp_path: Path) -> None:
    # Lists in a table's cells are lost as cells; a grid holding them is unwrapped.
    tasks = [
        ("12 months before", ["Set the budget", "Book the venue"]),
        ("6 months before", ["Send the invitations", "Order the cake"]),
        ("1 week before", ["Confirm the caterer", "Pack an emergency kit"]),
    ]
    rows = "".join(
        f"<tr><td>{when}</td><td><ul>{''.join(f'<li>{t}</li>' for t in todo)}</ul></td>"
        "<td>&#9634;</td></tr>"
        for when, todo in tasks
    )
    text = text_of(
        tmp_path, page(f"<table><tr><td>Period</td><td>Task</td><td>Done</td></tr>{rows}</table>")
    )
    assert all(task in text for _, todo in tasks for task in todo)


@pytest.mark.parametrize("indented", [False, True])
def test_data_tables_set_side_by_side_in_a_table_keep_their_rows(
    tmp_path: Path, indented: bool
) -> None:
    # A table holding two tables (most active developers by changesets, by lines) is layout,
    # but the tables in its cells are data: their cells had been glued ("Herbert Dürr6316.6%"),
    # and more so when a <blockquote> indents the whole.
    by_changes = [("Herbert Dürr", "63", "16.6%"), ("Jürgen Schmidt", "56", "14.7%")]
    by_lines = [("Jürgen Schmidt", "455499", "88.1%"), ("Armin Le Grand", "27212", "5.3%")]

    def table(heading: str, rows: list[tuple[str, str, str]]) -> str:
        cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
        return f"<table><tr><th colspan='3'>{heading}</th></tr>{cells}</table>"

    both = (
        "<table><tr><th colspan='2'>Most active developers</th></tr><tr>"
        f"<td>{table('By changesets', by_changes)}</td><td>{table('By lines', by_lines)}</td>"
        "</tr></table>"
    )
    text = text_of(tmp_path, page("", f"<blockquote>{both}</blockquote>" if indented else both))
    assert all(f"| {a} | {b} | {c} |" in text for a, b, c in by_changes + by_lines)
    assert "Dürr63" not in text


def test_lines_broken_with_br_stay_apart_and_come_out_once(tmp_path: Path) -> None:
    lines = [
        "Trains lose connectivity.",
        "Factories operate behind firewalls.",
        "Hospitals isolate systems.",
        "Devices move, disconnect, and fail.",
    ]
    broken = "<br/>".join(f"<span>{line}</span>" for line in lines)
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3]) + f"<p>{broken}</p>"
    html = (
        "<html><head><title>Harbour bridge closed</title></head><body><article>"
        f"<h1>Harbour bridge closed</h1><div class='entry-content'>{body}</div>"
        "</article></body></html>"
    )
    text = text_of(tmp_path, html)
    assert "connectivity.Factories" not in text
    assert all(text.count(line) == 1 for line in lines)


def test_a_follow_prompt_closing_a_paragraph_goes_and_the_paragraph_stays() -> None:
    paragraph = (
        "During each week of the season we will collect and curate the best photos from our "
        "photographers. Here are our picks for Week 8."
    )
    lines = [paragraph + " Follow @NFL on Instagram.", *PARAGRAPHS[:2]]
    kept = drop_furniture(lines, precise=(), links=(), titles=())
    assert kept == [paragraph, *PARAGRAPHS[:2]]


def test_readers_comments_after_the_story_go_from_their_heading() -> None:
    for heading in ("Comments are now closed for this story", "Add your comment"):
        thread = [heading, "Stephen B", "Stop spending my money!"]
        assert drop_furniture([*PARAGRAPHS, *thread], precise=(), links=(), titles=()) == PARAGRAPHS
    # Before the story has begun, such a line is no end of it.
    lines = ["Post a comment", *PARAGRAPHS]
    assert drop_furniture(lines, precise=(), links=(), titles=()) == lines


def test_a_table_of_one_row_of_menu_items_goes_but_a_data_table_stays() -> None:
    bar = "| VOICE OF HARBOUR | Home | News | Regions/Topics | Select Language | About Us |"
    assert drop_furniture([bar, *PARAGRAPHS], precise=(), links=(), titles=()) == PARAGRAPHS
    table = [
        "| Name | Party | Ward | Seat |",
        "| --- | --- | --- | --- |",
        "| Jan Berg | Green | North | Held |",
    ]
    lines = [*PARAGRAPHS[:2], *table, *PARAGRAPHS[2:]]
    assert drop_furniture(lines, precise=(), links=(), titles=()) == lines
    facts = "| Length | 312 m | Opened | 1931 |"  # one row of facts, with figures
    lines = [*PARAGRAPHS[:2], facts, *PARAGRAPHS[2:]]
    assert drop_furniture(lines, precise=(), links=(), titles=()) == lines


def test_a_second_copy_of_the_story_goes_but_a_repeated_pattern_stays() -> None:
    # A page that shows its story twice (another layout, a tab): the copy goes.
    assert drop_furniture(PARAGRAPHS * 2, precise=(), links=(), titles=()) == PARAGRAPHS
    # A meal plan's second day repeats most lines of the first: a short share, it stays.
    day = ["Breakfast", "Eat within an hour of waking", "Oats, berries and yoghurt"]
    plan = [*PARAGRAPHS, "Day 1", *day, "Day 2", *day]
    assert drop_furniture(plan, precise=(), links=(), titles=()) == plan


def test_a_list_of_sources_on_other_sites_or_files_is_the_storys(tmp_path: Path) -> None:
    sources = [
        ("https://gcc.gnu.org/patch/1", "libgccjit: Make is_same_type_as() support floats"),
        ("https://gcc.gnu.org/patch/2", "libgccjit: Allow casts between integers and pointers"),
        ("/files/inspection-report.pdf", "Bridge inspection report, March (pdf)"),
    ]
    items = "".join(f"<li><a href='{href}'>{label}</a></li>" for href, label in sources)
    head = "<link rel='canonical' href='https://www.northportpost.example/news/bridge'>"
    text = text_of(
        tmp_path, page("", "", f"<p>The engineers' sources:</p><ul>{items}</ul>", head=head)
    )
    for _, label in sources:
        assert label in text
    # The same block linking to the site's own stories is a related-stories block.
    own = "".join(
        f"<li><a href='/story/{i}'>{label}</a></li>" for i, (_, label) in enumerate(sources)
    )
    text = text_of(tmp_path, page("", "", f"<ul>{own}</ul>", head=head))
    assert not any(label in text for _, label in sources)


def test_a_malformed_link_does_not_stop_the_import(tmp_path: Path) -> None:
    menu = "<p><a href='http://[privacy-preferences]/'>Privacy choices</a></p>"
    text = text_of(tmp_path, page("", menu))
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_cards_of_other_stories_after_the_story_are_left_out(tmp_path: Path) -> None:
    cards = [
        ("Cathay Pacific launches its first Aria Suite between the United States and Hong Kong",
         "Cathay Pacific introduces its retrofitted aircraft to the United States for the first"
         " time, bringing its new business suites to Boston."),
        ("New air shuttle services launch at a private game reserve in South Africa",
         "Ready to streamline your arrival? Just in time for the new year, the property"
         " introduced an air shuttle from the nearest airport."),
        ("Rosewood London unveils an alpine terrace for the winter months",
         "Rosewood London recently unveiled a terrace experience running through February,"
         " with fondue and mulled wine served under blankets."),
    ]  # fmt: skip
    html = "".join(
        f"<p>Daily</p><p>Dec 19, 2025</p><h3><a href='/story/{i}'>{head}</a></h3><p>{body}</p>"
        for i, (head, body) in enumerate(cards)
    )
    text = text_of(tmp_path, page("", "", "", "", html))
    assert text.split("\n\n")[: len(PARAGRAPHS)] == PARAGRAPHS
    assert not any(head in text or body in text for head, body in cards)
    # Headings that link to their own place in the page are the story's sections.
    sections = "".join(
        f"<h3><a href='#part-{i}'>{head}</a></h3><p>{body}</p>"
        for i, (head, body) in enumerate(cards)
    )
    text = text_of(tmp_path, page("", "", "", "", sections))
    assert all(head in text and body in text for head, body in cards)


def test_a_section_label_taken_for_the_headline_gives_way_to_the_declared_one(
    tmp_path: Path,
) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour bridge closes to lorries</title>"
        f"</head><body><h1>Allgemein</h1><article><h2>Harbour bridge closes to lorries</h2>"
        f"{body}</article></body></html>"
    )
    assert read_articles(_saved(tmp_path, html))[0].title == "Harbour bridge closes to lorries"


def test_a_page_built_by_its_scripts_gives_the_story_of_its_json_ld() -> None:
    story = "\n".join(PARAGRAPHS)
    organisation = {"@context": "https://schema.org", "@type": "Organization", "name": "Post"}
    article = {"@type": "NewsArticle", "headline": "Bridge closes", "articleBody": story}
    blocks = "".join(
        f'<script type="application/ld+json">{json.dumps(d)}</script>'
        for d in (organisation, {"@context": "https://schema.org", "@graph": [article]})
    )
    page = lxml.html.document_fromstring(f"<html><head>{blocks}</head><body></body></html>")
    caption = ["The harbour bridge at dusk, seen from the ferry terminal on Monday. Photo: AP"]
    linked_data = _json_ld(page)
    assert _declared_body(linked_data, caption) == PARAGRAPHS  # a caption was all the HTML held
    assert _declared_body(linked_data, PARAGRAPHS[:3]) == PARAGRAPHS[:3]  # not twice as long


def test_a_story_after_a_template_that_closes_the_page_early_is_read(tmp_path: Path) -> None:
    # The header template ends with </body></html>; the story follows, as browsers show it.
    early = page().replace("<main>", "</body></html>\n<main>", 1)
    text = text_of(tmp_path, early)
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_a_story_after_a_title_never_closed_is_read(tmp_path: Path) -> None:
    # A save that lost part of the head: "<title>Harbour bri<script …" and no </title>.
    damaged = page(head="<script src='/a.js'></script>").replace(" - Northport Post</title>", "", 1)
    assert "</title>" not in damaged
    article = read_articles(_saved(tmp_path, damaged))[0]
    assert all(paragraph in article.text for paragraph in PARAGRAPHS)
    assert article.title == "Harbour bridge closed to lorries"


def test_a_page_that_lost_its_start_is_read(tmp_path: Path) -> None:
    # "<!DOCTYPE htm" then the body: no "html" in the first characters, no <head>.
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    damaged = f"<!DOCTYPE htm\n  <div id='header'>Northport Post</div><div>{story}</div>"
    article = read_articles(_saved(tmp_path, damaged))[0]
    assert all(paragraph in article.text for paragraph in PARAGRAPHS)


def _long_story() -> list[str]:
    """Some 450 words in fifteen paragraphs."""
    return [f"{p} (Part {i}.)" for i in range(3) for p in PARAGRAPHS]


def test_a_story_run_together_on_one_line_comes_back_in_paragraphs() -> None:
    # trafilatura's last resort reads an <article> as one string: breadcrumbs, byline and
    # every paragraph on one line of 2,000 words.
    story = _long_story()
    article = (
        "<article><div class='breadcrumbs'><a href='/'>Home</a> <a href='/city'>City</a></div>"
        "<h1>Harbour bridge closed to lorries</h1><div class='content'>"
        + "".join(f"<p>{p}</p>" for p in story)
        + "</div></article>"
    )
    tree = lxml.html.document_fromstring(f"<html><body>{article}</body></html>")
    glued = " ".join(" ".join(tree.find(".//article").text_content().split()).split())
    lines = unglued(tree, [glued], lambda: _recall_lines(tree))
    assert all(p in lines for p in story)
    assert max(len(line.split()) for line in lines) < 100


def test_a_glued_line_is_cut_into_its_element_s_blocks_with_a_table_s_cells_apart() -> None:
    story = _long_story()
    table = "<table><tr><td>Filing status</td><td>2025 tax year</td></tr></table>"
    tree = lxml.html.document_fromstring(
        "<html><body><div id='page'><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in story[:8])
        + table
        + "".join(f"<p>{p}</p>" for p in story[8:])
        + "</div><div class='footer'>Contact us</div></div></body></html>"
    )
    glued = " ".join([*story[:8], "Filing status 2025 tax year", *story[8:]])
    assert _blocks_of(tree, glued) == [*story[:8], "Filing status 2025 tax year", *story[8:]]


def test_a_long_paragraph_of_the_story_is_left_whole() -> None:
    # A ruling's single paragraph of 450 words is no page run together.
    paragraph = " ".join(_long_story())
    tree = lxml.html.document_fromstring(
        f"<html><body><article><h1>Ruling</h1><p>{paragraph}</p><p>{PARAGRAPHS[0]}</p>"
        "</article></body></html>"
    )
    assert unglued(tree, [paragraph, PARAGRAPHS[0]], lambda: _recall_lines(tree)) == [
        paragraph,
        PARAGRAPHS[0],
    ]


def test_a_column_span_of_other_digits_does_not_stop_the_import(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td colspan='²'><p>Pier {i}</p><p>north</p></td><td>{i}</td><td>{i * 2}</td></tr>"
        for i in range(4)
    )
    text = text_of(tmp_path, page(f"<table>{rows}</table>"))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
