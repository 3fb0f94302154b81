"""Titles, bylines and source names of web pages, as a reader would write them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.library.importers import read_articles
from desktop.core.library.importers.doubled_encoding import undouble
from desktop.core.library.importers.html import _shown
from desktop.core.library.importers.metadata import (
    clean_byline,
    clean_title,
    domain,
    outlet_name,
    site_keys,
)


@pytest.mark.parametrize(
    ("title", "names", "url", "expected"),
    [
        (
            "Zelda remake announced - IGN",
            ["IGN"],
            "https://www.ign.com/a",
            "Zelda remake announced",
        ),
        (
            "LinkNaija | Kate Henshaw is looking stunning in new photos",
            [],
            "http://www.linknaija.com/2018/10/x",
            "Kate Henshaw is looking stunning in new photos",
        ),
        (
            "LinkNaija | Nigeria's popular news platform: Actress stuns in new photos",
            ["LinkNaija | Nigeria's popular news platform"],
            "http://www.linknaija.com/x",
            "Actress stuns in new photos",
        ),
        (
            "Best tech gadgets of 2019 | ZDNet",
            ["ZDNet"],
            "https://zdnet.com/a",
            "Best tech gadgets of 2019",
        ),
        (
            "Opinion | Is Football Violence a Crime?",
            ["WSJ"],
            "https://www.wsj.com/a",
            "Opinion | Is Football Violence a Crime?",
        ),
        (
            "PolitiFact’s guide to tariffs",
            ["PolitiFact"],
            "https://politifact.com/a",
            "PolitiFact’s guide to tariffs",
        ),
        (
            "삼성전자, 새 반도체 공장 착공 - 한겨레",
            ["한겨레"],
            "https://www.hani.co.kr/a",
            "삼성전자, 새 반도체 공장 착공",
        ),
        (
            "Why markets fell on Monday @motleyfool #stocks $AMZN",
            [],
            "https://www.fool.com/a",
            "Why markets fell on Monday",
        ),
        (
            "Suspect is arrested in bombings (Published 2016)",
            [],
            "https://www.nytimes.com/2016/a",
            "Suspect is arrested in bombings",
        ),
        ("The women behind #MeToo", [], "https://example.org/a", "The women behind #MeToo"),
        (
            " | Harbour bridge closed to lorries",
            [],
            "https://example.org/a",
            "Harbour bridge closed to lorries",
        ),
        (
            "Harbour bridge closed to lorries |",
            [],
            "https://example.org/a",
            "Harbour bridge closed to lorries",
        ),
        ("Why $GME rose", [], "https://example.org/a", "Why $GME rose"),
        # The site's address as its name, on a page saved without its own.
        ("SunHerald.com : Bush declares town disaster", [], "", "Bush declares town disaster"),
        ("Freed hostages tell their story | www.kansascity.com", [], "",
         "Freed hostages tell their story"),
        ("Node.js - Getting started guide", [], "", "Node.js - Getting started guide"),
        # Full-width separators, and the Hangul letter set as a bar, need no spaces.
        ("港の橋、大型車通行止め：北港新聞デジタル", ["北港新聞デジタル"], "",
         "港の橋、大型車通行止め"),
        ("港の橋、大型車通行止め｜日刊北港DIGITAL", ["日刊北港DIGITAL"], "",
         "港の橋、大型車通行止め"),
        ("항구 다리 화물차 통행 금지ㅣ한국일보", ["한국일보"], "", "항구 다리 화물차 통행 금지"),
        ("首相：港の橋を視察", [], "", "首相：港の橋を視察"),
        # A closing guillemet is the quote's, not a separator left alone.
        ("Le maire met en garde sur la « gravité de la situation »", [], "",
         "Le maire met en garde sur la « gravité de la situation »"),
        ("Le pont fermé aux camions »", [], "", "Le pont fermé aux camions"),
    ],
)  # fmt: skip
def test_titles_lose_the_site_name_only(
    title: str, names: list[str], url: str, expected: str
) -> None:
    assert clean_title(title, names, site_keys(names, url)) == expected


@pytest.mark.parametrize(
    ("byline", "site", "expected"),
    [
        ("JERUSALEM POST STAFF NOVEMBER", "The Jerusalem Post", ""),
        ("Phil Helsel is a reporter", "NBC News", "Phil Helsel"),
        ("Condé Nast; Louise Matsakis", "WIRED", "Louise Matsakis"),
        ("By Jane Doe", "", "Jane Doe"),
        ("Analysis by Chris Cillizza; CNN Editor-at-large", "CNN", "Chris Cillizza"),
        ("Tom Gillespie News reporter", "Sky News", "Tom Gillespie"),
        (
            "Mike Wuerthele; Malcolm Owen Monday, November 18, 2019",
            "",
            "Mike Wuerthele; Malcolm Owen",
        ),
        ("Amy Kuperinsky; NJ Advance Media", "", "Amy Kuperinsky"),
        ("LISA MASCARO; MARY CLARE JALONICK", "", "Lisa Mascaro; Mary Clare Jalonick"),
        ("The Associated Press", "CTV News", ""),
        ("Reuters", "Deccan Herald", ""),
        ("LinkNaija", "LinkNaija", ""),
        ("James Van Der Beek", "", "James Van Der Beek"),
        ("Лида Буслаева", "", "Лида Буслаева"),
        ("May Bulman; April Ryan", "", "May Bulman; April Ryan"),
        ("Jeff Foust Monday; November", "", "Jeff Foust"),
        ("David Jeans; Kevin Rebong; Kevin-R", "", "David Jeans; Kevin Rebong"),
        ("Anna Smith; Ann Lee", "", "Anna Smith; Ann Lee"),
        ("Tina Flint Huffman; Tina Huffman", "", "Tina Flint Huffman"),
        ("Liz Kenny Former McKinsey Consultant", "", "Liz Kenny"),
        ("Linda Rosencrance Contributing", "", "Linda Rosencrance"),
        ("Rasmus Barslund; Lead Reviewer", "", "Rasmus Barslund"),
        ("Paul Frew; Home", "", "Paul Frew"),
        ("©; Conditions Privacy Policy", "", ""),
        ("Jonathan Head; Ian Lead", "", "Jonathan Head; Ian Lead"),
        ("Tina Huffman; Tina Flint Huffman", "", "Tina Flint Huffman"),
        ("John Smith; John Paul Smith; Jane Smith", "", "John Paul Smith; Jane Smith"),
        ("Author Isaiah Shelton", "", "Isaiah Shelton"),
        ("责任编辑：孔德明", "", "孔德明"),
        ("Jane Doe: Reporter", "", "Jane Doe"),
        ("The Author", "", ""),
        ("wordpressadmin", "", ""),
        ("Cazzy Magennis Last updated 3 March", "", "Cazzy Magennis"),
        ("Benjamin Johnson; Sr Director", "", "Benjamin Johnson"),
        ("Susan Hallam MBE Managing Director", "", "Susan Hallam MBE"),
        ("Written By", "", ""),
        ("Username", "", ""),
        ("作者", "", ""),
        ("Brenda Goodman; MA", "", "Brenda Goodman"),
        ("Genevieve Carlton; Ph D", "", "Genevieve Carlton"),
        ("Mac & i", "Mac & i", ""),
        # What follows the name in an author box, and outlets written after it.
        ("Maria Brandt · Northport News", "", "Maria Brandt"),
        ("Maria Brandt | Northport News", "", "Maria Brandt"),
        ("Maria Brandt Washington Post", "", "Maria Brandt"),
        ("Maria Brandt NORTHPORT DAILY NEWS", "", "Maria Brandt"),
        ("Maria Brandt Link Copied", "", "Maria Brandt"),
        ("Maria Brandt View author archive Get author RSS feed", "", "Maria Brandt"),
        ("See full bio", "", ""),
        ("Maria Brandt Follow", "", "Maria Brandt"),
        ("Maria Brandt CEO", "", "Maria Brandt"),
        ("Maria Brandt Staff Writer", "", "Maria Brandt"),
        ("Xxx", "", ""),
        ("Maria Brandt; TNN; Updated Oct 9", "", "Maria Brandt"),
        ("Maria Brandt; Mbrandt Com", "", "Maria Brandt"),
        ("Maria Brandt Maria Brandt", "", "Maria Brandt"),
        ("Lesedauer", "", ""),
        (
            "Mathias Hagen; Journalist; Anders Skjerdingstad",
            "",
            "Mathias Hagen; Anders Skjerdingstad",
        ),
        ("Maria Brandt Redakteurin", "", "Maria Brandt"),
        ("신현주 기자", "", "신현주"),
        ("박준석 기자 외 1명", "", "박준석"),
        ("김태연 특파원", "", "김태연"),
        ("Capital Von Jemima Kelly", "", "Jemima Kelly"),
        ("Nina Magoley und Max Muster", "", "Nina Magoley; Max Muster"),
        ("Jean Dupont et Marie Martin", "", "Jean Dupont; Marie Martin"),
        ("Kari Nordmann og Ola Nordmann", "", "Kari Nordmann; Ola Nordmann"),
        ("Dec", "", ""),
        # Names that only look like those.
        ("Mary Louise Kelly", "", "Mary Louise Kelly"),
        ("Jean DUPONT", "", "Jean DUPONT"),
        ("Jean-Paul DE LA FONTAINE", "", "Jean-Paul DE LA FONTAINE"),
        ("Jan Roth", "", "Jan Roth"),
        ("Ana del Mar", "", "Ana del Mar"),
        ("Ursula von der Leyen", "", "Ursula von der Leyen"),
        ("Lena Sun", "", "Lena Sun"),
        ("Emily Post", "", "Emily Post"),
        ("Oct", "", ""),
    ],
)
def test_bylines_are_names(byline: str, site: str, expected: str) -> None:
    assert clean_byline(byline, site_keys([site], "https://example.org/a")) == expected


@pytest.mark.parametrize(
    ("declared", "guessed", "url", "expected"),
    [
        ([], "Hosted", "https://hosted.ap.org/berkshireeagle/article/1", "ap.org"),
        (["Hosted"], "", "https://hosted.ap.org/berkshireeagle/article/1", "ap.org"),
        ([], "Copyright 2014", "https://www.jaraguadosul.com.br/news/1", "jaraguadosul.com.br"),
        (
            [],
            "https://www.hawaiinewsnow.com",
            "https://www.hawaiinewsnow.com/2019/a",
            "hawaiinewsnow.com",
        ),
        (
            ["LinkNaija | Nigeria's popular news platform"],
            "",
            "http://linknaija.com/a",
            "LinkNaija",
        ),
        (["CNN"], "", "https://www.cnn.com/a", "CNN"),
        ([], "Nj", "https://www.nj.com/a", "nj.com"),
        (["BBC News"], "Bbc", "https://www.bbc.co.uk/news/1", "BBC News"),
    ],
)
def test_sources_are_outlets(declared: list[str], guessed: str, url: str, expected: str) -> None:
    assert outlet_name(declared, guessed, url) == expected


def test_domain_keeps_country_second_levels() -> None:
    assert domain("https://www.bbc.co.uk/news") == "bbc.co.uk"
    assert domain("https://hosted.ap.org/x") == "ap.org"
    assert domain("") == ""


def test_a_page_is_imported_with_clean_metadata_and_its_canonical_url(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Harbour bridge closed to lorries | Northport Post</title>"
        '<meta property="og:site_name" content="Northport Post">'
        '<meta name="author" content="By MARIA BRANDT; Northport Post Staff">'
        '<link rel="canonical" href="https://news.northport.example/2024/bridge">'
        '<meta property="og:url" content="https://news.northport.example/2024/bridge?ref=og">'
        "</head><body><article><h1>Harbour bridge closed to lorries</h1><p>"
        + "The council closed the old harbour bridge to lorries after engineers found cracks. " * 5
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles(page)
    assert article.title == "Harbour bridge closed to lorries"
    assert article.byline == "Maria Brandt"
    assert article.source == "Northport Post"
    assert article.url == "https://news.northport.example/2024/bridge"
    assert article.published == ""


def test_a_headline_that_is_only_the_site_name_gives_way_to_the_pages_own(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text(
        '<html><head><title>한겨레</title><meta property="og:site_name" content="한겨레">'
        '<meta property="og:title" content="삼성전자, 새 반도체 공장 착공"></head><body><article>'
        + "<p>삼성전자가 평택에 새 반도체 공장을 짓기 시작했다. 투자 규모는 30조 원이다.</p>" * 6
        + "</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].title == "삼성전자, 새 반도체 공장 착공"


def test_a_headline_given_as_the_sites_name_stays_the_headline(tmp_path: Path) -> None:
    # MSN's pages declare the story's title as og:site_name; the page's <h1> is a menu label.
    headline = "Nintendo's first iPhone game will launch in December for $10"
    page = tmp_path / "saved.html"
    page.write_text(
        f'<html><head><title>{headline}</title><meta property="og:title" content="{headline}">'
        f'<meta property="og:site_name" content="{headline}">'
        '<meta property="og:url" content="https://www.msn.com/en-us/news/technology/a1">'
        "</head><body><h1>msn back to msn home news</h1><article>"
        + "<p>Nintendo will release its first game for the iPhone in December, priced at "
        "ten dollars, the company said on Wednesday.</p>" * 5 + "</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].title == headline


def test_a_box_heading_taken_for_the_title_gives_way_to_the_declared_headline(
    tmp_path: Path,
) -> None:
    # Several <h1> (menu buttons) make the extractor take a box's heading for the title.
    headline = "Harbour bridge closed to lorries after cracks found"
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><head><title>{headline} | Northport Post</title>"
        '<meta property="og:url" content="https://northportpost.example/2024/bridge">'
        "</head><body>"
        "<h1>Open navigation</h1><h1>Close navigation</h1><article>"
        + "<p>The council closed the old harbour bridge to lorries after engineers found cracks "
        "in its deck on Monday.</p>"
        * 5
        + '</article><aside><h2 class="entry-title">More From Northport Post</h2>'
        "<p>Other stories</p></aside></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].title == headline


def test_a_longer_heading_sharing_the_headline_s_words_stays_the_title(tmp_path: Path) -> None:
    # The page's own <h1>, worded unlike its declared title but sharing its subject.
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Lorry ban on the old harbour bridge from Monday | Northport Post"
        "</title></head><body><article><h1>Harbour bridge closed to lorries</h1>"
        + "<p>The council closed the old harbour bridge to lorries after engineers found cracks "
        "in its deck on Monday.</p>" * 5 + "</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].title == "Harbour bridge closed to lorries"


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        # A kicker, a separator hidden but for screen readers, the headline.
        (
            '<span class="kicker">Harbour bridge</span><span class="visually-hidden">: </span>'
            "<span>Lorries banned from Monday</span>",
            "Harbour bridge: Lorries banned from Monday",
        ),
        (
            '<span class="kicker">Harbour bridge</span><span class="hide">:</span> '
            "<span>„Lorries banned from Monday“</span>",
            "Harbour bridge: „Lorries banned from Monday“",
        ),
        # Two spans and no separator: two words, not one.
        (
            "<span>Harbour bridge</span><span>Lorries banned from Monday</span>",
            "Harbour bridge Lorries banned from Monday",
        ),
    ],
)
def test_a_headline_s_pieces_read_as_shown(tmp_path: Path, heading: str, title: str) -> None:
    head = "<title>Lorries banned from Monday | Northport Post</title>"
    assert _title_of(tmp_path, head, heading) == title


def _title_of(tmp_path: Path, head: str, heading: str) -> str:
    """The title of a saved story page with ``head`` and the ``<h1>`` ``heading``."""
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><head>{head}</head><body><article><h1>{heading}</h1>"
        + "<p>The council closed the old harbour bridge to lorries after engineers found cracks "
        "in its deck on Monday.</p>" * 5 + "</article></body></html>",
        encoding="utf-8",
    )
    return read_articles(page)[0].title


@pytest.mark.parametrize(
    ("declared", "shown"),
    [
        # A section or a blog named after the headline, where the site's name is another.
        (
            "How meditation rewires brains and improves health | Opinion",
            "How meditation rewires brains and improves health",
        ),
        ("What do people love about Rust? | Rust Blog", "What do people love about Rust?"),
        ("Six steps to a healthy weight - HealthFocus SA", "Six steps to a healthy weight"),
    ],
)
def test_a_title_s_last_part_goes_when_the_page_shows_the_headline_without_it(
    tmp_path: Path, declared: str, shown: str
) -> None:
    head = (
        f"<title>{declared}</title><meta property='og:title' content='{declared}'>"
        '<meta property="og:site_name" content="Northport Post">'
    )
    assert _title_of(tmp_path, head, shown) == shown


def test_the_byline_is_the_own_article_s_among_the_teasers_the_page_describes(
    tmp_path: Path,
) -> None:
    # The page's JSON-LD describes every teaser with its writer; the extractor made a byline of
    # all of them.
    def described(headline: str, writer: str) -> str:
        return (
            "<script type='application/ld+json'>"
            + json.dumps({"@type": "NewsArticle", "headline": headline, "author": writer})
            + "</script>"
        )

    teasers = [("Bio brands on the offensive", "Hedda Thielking"), ("A new CFO", "Elena Kuss")]
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Harbour bridge closed to lorries - Northport Post</title>"
        + described("Harbour bridge closed to lorries", "Maria Brandt")
        + "".join(described(h, w) for h, w in teasers)
        + "</head><body><article><h1>Harbour bridge closed to lorries</h1>"
        + "<p>The council closed the old harbour bridge to lorries after engineers found cracks "
        "in its deck on Monday.</p>" * 5 + "</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].byline == "Maria Brandt"


@pytest.mark.parametrize(
    ("declared", "shown", "expected"),
    [
        # A newsletter's page: its JSON-LD describes a web page with a headline and a writer.
        ({"@type": "WebPage", "author": {"@type": "Person", "name": "Çelik Nimani"}}, "",
         "Çelik Nimani"),
        # The shown byline is the outlet, which is no name.
        ({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Brian Truitt"}]},
         '<p class="byline"><span class="author">NORTHPORT POST</span></p>', "Brian Truitt"),
        # An organisation is no byline.
        ({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Acme Paints"}},
         "", ""),
    ],
)  # fmt: skip
def test_the_writer_the_page_s_json_ld_names_is_the_byline_when_the_page_shows_none(
    tmp_path: Path, declared: dict, shown: str, expected: str
) -> None:
    described = json.dumps({**declared, "headline": "Harbour bridge closed to lorries"})
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Harbour bridge closed to lorries</title>"
        '<meta property="og:site_name" content="Northport Post">'
        f"<script type='application/ld+json'>{described}</script></head><body><article>"
        f"<h1>Harbour bridge closed to lorries</h1>{shown}{STORY_PARAGRAPHS}</article>"
        "</body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].byline == expected


def test_a_headline_with_a_colon_keeps_what_follows_it() -> None:
    # A heading that is the headline's first part is no reason to cut it at a colon.
    title = "Harbour bridge: a city on the brink of gridlock"
    assert _shown(title, [title, "Harbour bridge"]) == title
    assert _shown(f"{title} | Opinion", [f"{title} | Opinion", title]) == title


def test_a_site_named_after_its_writer_keeps_the_writer_as_byline() -> None:
    assert clean_byline("Rick Steves", {"ricksteves", "rickstevescom"}) == "Rick Steves"
    assert clean_byline("Russell Miller", {"russellmiller", "substack"}) == "Russell Miller"
    # A site's own name stays out, even when it opens like a person's.
    for outlet in ("Block Renovation", "Happy Coffee Deutschland", "El Mostrador", "Reuters"):
        assert clean_byline(outlet, {outlet.replace(" ", "").lower()}) == ""


def test_a_chain_of_sections_after_the_headline_goes() -> None:
    title = "Chelsea hoping to sign Anelka before weekend - Soccer - Sport - Breaking News"
    assert clean_title(title, [], set()) == "Chelsea hoping to sign Anelka before weekend"
    # One part after the headline, a short headline, or parts after colons stay.
    for kept in (
        "Chelsea hoping to sign Anelka before weekend - Soccer",
        "Live updates - Day 3 - Tour de France",
        "Rebloggt von gnaddrig ad libitum: Antipoden: Die Wahrheit",
    ):
        assert clean_title(kept, [], set()) == kept


def test_the_site_s_name_and_slogan_after_the_headline_go() -> None:
    title = (
        "Here Are The Results From A Recent Survey (Part 1 of 3). | Futurelab – We are"
        " marketing and customer strategy consultants with a passion for profit."
    )
    expected = "Here Are The Results From A Recent Survey (Part 1 of 3)."
    assert clean_title(title, [], {"futurelab"}) == expected
    # The site's name before a short part is not a headline's end.
    for kept in ("News | Futurelab | Why we moved", "Blog - Futurelab - Survey results"):
        assert clean_title(kept, [], {"futurelab"}) == kept


def test_a_titles_last_part_opening_with_the_sites_name_is_the_site() -> None:
    assert clean_title("Sleeping Bags | REI Co-op", [], {"rei", "reicom"}) == "Sleeping Bags"
    assert clean_title("Azure Functions | Microsoft Azure", [], {"microsoft"}) == "Azure Functions"
    # A longer last part, or one not opening with the site's name, is the headline's.
    title = "Rates rise again | REI members face a new fee this spring"
    assert clean_title(title, [], {"rei"}) == title
    assert clean_title("Models | Pydantic docs", [], {"djangoproject"}) == "Models | Pydantic docs"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (("Written by", "Chase Bernath", "Est. reading time", "8 minutes"), "Chase Bernath"),
        (("Geschrieben von", "Maria Brandt", "Geschätzte Lesezeit", "3 Minuten"), "Maria Brandt"),
        (("Price", "$20", "Availability", "In stock"), ""),  # a shop's card names no writer
    ],
)
def test_the_writer_the_page_s_twitter_card_names_is_the_byline(
    tmp_path: Path, rows: tuple[str, str, str, str], expected: str
) -> None:
    # SEO plugins describe the writer in the card's rows; the page marks it nowhere else.
    cells = "".join(
        f'<meta name="twitter:{kind}{1 + i // 2}" content="{value}">'
        for i, (kind, value) in enumerate(zip(("label", "data") * 2, rows, strict=True))
    )
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><head><title>Harbour bridge closed to lorries</title>{cells}</head><body>"
        "<article><h1>Harbour bridge closed to lorries</h1>"
        + "<p>The council closed the old harbour bridge to lorries after engineers found cracks "
        "in its deck on Monday.</p>" * 5 + "</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].byline == expected


STORY_PARAGRAPHS = (
    "<p>The council closed the old harbour bridge to lorries after engineers found cracks "
    "in its deck on Monday.</p>" * 5
)


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ('<p class="meta">By Jerry Chu</p>', "Jerry Chu"),
        ("<p>by: <!-- -->Ziyi Xu<!-- -->, Dec 17, 2025</p>", "Ziyi Xu"),
        ("<div><span>By</span> <b>Preetam Jinka</b><i>Co-founder</i> Dec 17, 2025</div>",
         "Preetam Jinka"),
        ("<div>Written by Tom May 15 December 2025</div>", "Tom May"),  # a surname, no date
        ("<div><div>Written by</div><div>John Crenshaw</div><div>Hi! I'm John, a baker who "
         "writes about bread and the ovens of the old town.</div></div>",
         "John Crenshaw"),  # the label set apart above the name, a short bio after it
        ('<small><span>by</span> <a href="https://tsun.example/">Tsun</a></small>', ""),  # a credit
        ("<p>By Jane Roe, John Doe and Sam Poe, Dec 17, 2025</p>", "Jane Roe; John Doe; Sam Poe"),
        ("<p>By Jane Roe, Product Manager</p>", "Jane Roe"),  # a role, no second writer
        ("<p>By JANE ROE, DAVID CAPLAN and JEAN-PIERRE DURAND</p>",
         "Jane Roe; David Caplan; Jean-Pierre Durand"),  # a byline set in capitals
        ('<a href="/health/screening"><div><h3>Why screen</h3><p>By Randy Miles</p></div></a>',
         ""),  # another story's card, a link as a whole
        ('<a href="/author/meghan-neville"><div>Written by</div><div>Meghan Neville</div></a>',
         "Meghan Neville"),  # the writer's card, a link to the writer's page
        ('<p><a href="mailto:lroe@example.com">By LESLIE ROE</a></p>', "Leslie Roe"),
        ('<div class="meta">by Amanda · Dec 20, 2025 at 3:00 am</div>', "Amanda"),
        ("<ul><li>Shop by Category</li><li>By Category</li></ul>", ""),  # a shop's menu
        ("<ul><li>Author Talk</li></ul>", ""),
        ('<div class="related-posts"><p>By Jane Roe</p></div>', ""),  # another story's card
    ],
)  # fmt: skip
def test_the_writer_a_page_shows_in_words_is_the_byline(
    tmp_path: Path, shown: str, expected: str
) -> None:
    # The page marks no writer in its markup; it only says "By …" under the headline.
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Harbour bridge closed to lorries</title></head><body><article>"
        f"<h1>Harbour bridge closed to lorries</h1>{shown}{STORY_PARAGRAPHS}</article>"
        "</body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].byline == expected


def test_a_scholarly_page_s_byline_lists_every_writer_it_gives_for_citation(
    tmp_path: Path,
) -> None:
    # One Highwire Press tag per writer, "Last, First" or "First Last", as journals write them.
    tags = "".join(
        f'<meta name="citation_author" content="{name}">'
        for name in ("Roy, Aniruddha", "Patel, Jyoti", "Aman Chadha", "Kaufman, Jeff T.")
    )
    assert _byline_of(tmp_path, tags) == "Aniruddha Roy; Jyoti Patel; Aman Chadha; Jeff T. Kaufman"


def test_dublin_core_creators_written_last_name_first_are_the_byline(tmp_path: Path) -> None:
    creators = ["Brazil, Rachel", "van der Berg, Anna Maria"]
    tags = "".join(f'<meta name="dc.creator" content="{name}">' for name in creators)
    assert _byline_of(tmp_path, tags) == "Rachel Brazil; Anna Maria van der Berg"


def _byline_of(tmp_path: Path, head: str) -> str:
    """The byline of a saved story page whose ``<head>`` holds ``head``."""
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><head><title>Harbour bridge closed to lorries</title>{head}</head><body>"
        f"<article><h1>Harbour bridge closed to lorries</h1>{STORY_PARAGRAPHS}</article>"
        "</body></html>",
        encoding="utf-8",
    )
    return read_articles(page)[0].byline


def test_the_shown_byline_adds_the_writers_the_declared_author_leaves_out(tmp_path: Path) -> None:
    # The page's metadata names the first writer; its byline lists both.
    page = tmp_path / "saved.html"
    page.write_text(
        '<html><head><title>Harbour bridge closed to lorries</title><meta name="author" '
        'content="Jane Roe"></head><body><article><h1>Harbour bridge closed to lorries</h1>'
        f"<p>By Jane Roe and John Doe</p>{STORY_PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].byline == "Jane Roe; John Doe"


def test_the_page_s_own_classes_name_no_box_a_byline_would_be_in(tmp_path: Path) -> None:
    # Blog themes list the page's features on <body>: "no-comments", "one-sidebar".
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Harbour bridge closed to lorries</title></head>"
        '<body class="single no-comments one-sidebar"><article>'
        '<h1>Harbour bridge closed to lorries</h1><p class="meta">By Jerry Chu</p>'
        f"{STORY_PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].byline == "Jerry Chu"


@pytest.mark.parametrize("legacy", ["latin-1", "cp1252"])
def test_a_title_the_site_stored_double_encoded_reads_as_typed(tmp_path: Path, legacy: str) -> None:
    typed = "A DIY Investor’s Guide to Retirement Calculators"
    doubled = typed.encode("utf-8").decode(legacy)  # "Investorâ€™s", or with C1 controls
    page = tmp_path / "saved.html"
    page.write_text(
        f'<html><head><meta charset="utf-8"><title>{doubled}</title>'
        f'<meta property="og:title" content="{doubled}"></head><body><article>'
        f"<h2>Retirement</h2><p>Every investor’s plan needs a number.</p>{STORY_PARAGRAPHS}"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].title == typed


@pytest.mark.parametrize("text", ["lâmpada", "L’âge d’or", "Café crème", "Zürich", "Ça va"])
def test_text_that_is_no_double_encoding_stays(text: str) -> None:
    assert undouble(text) == text


def test_a_month_that_is_also_a_name_ends_a_byline_only_as_a_date() -> None:
    assert clean_byline("Tom May", set()) == "Tom May"
    assert clean_byline("Jane Roe May 3, 2020", set()) == "Jane Roe"
    assert clean_byline("Luke Kim December", set()) == "Luke Kim"  # the date's number was cut
    assert clean_byline("JANE ROE MAY", set()) == "Jane Roe"


def test_the_shown_writer_is_the_one_after_the_headline_and_none_on_a_page_of_cards(
    tmp_path: Path,
) -> None:
    menu = "<div><h3>By Holley Gerth</h3><h3>By Roy Lessin</h3></div>"  # writers' pages menu
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><body>{menu}<article><h1>Harbour bridge closed</h1><p>By Kara Rodriguez</p>"
        f"{STORY_PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].byline == "Kara Rodriguez"
    cards = "".join(f"<div><p>By {name}</p>{STORY_PARAGRAPHS}</div>" for name in
                    ("Rose Potter", "Dale Koike", "Meredith Clark"))  # fmt: skip
    page.write_text(
        f"<html><body><h1>Our latest stories</h1>{cards}</body></html>", encoding="utf-8"
    )
    assert read_articles(page)[0].byline == ""


@pytest.mark.parametrize(
    ("declared", "heading", "where", "expected"),
    [
        # A search engine's variant in the metadata; readers see the page's headline.
        (
            "Best Health Insurance Companies 2025 - Top 25 Ranked by Market Share",
            "List of Top Health Insurance Companies in the USA",
            "above",
            "List of Top Health Insurance Companies in the USA",
        ),
        # An old blog's one heading is its name, sharing no word with the post's title.
        (
            "Williams Mullen Adds New Top Lobbyist in D.C. Office - The BLT: The Blog of Law",
            "The BLT: The Blog of Law",
            "above",
            "Williams Mullen Adds New Top Lobbyist in D.C. Office",
        ),
        # ... or the middle part of the title ("Post - Blog - Site").
        (
            "Indian Corn Printing Craft - Things to Make and Do for Kids - The Crafty Crow",
            "Things to Make and Do for Kids",
            "above",
            "Indian Corn Printing Craft",
        ),
        # A box's heading under the story is no headline.
        (
            "eCanadaNow.com - Britney Spears Seen Buying Pregnancy Test",
            "Save & Share this Article",
            "below",
            "Britney Spears Seen Buying Pregnancy Test",
        ),
    ],
)
def test_the_page_s_one_heading_above_the_story_is_its_title(
    tmp_path: Path, declared: str, heading: str, where: str, expected: str
) -> None:
    shown = f"<h1>{heading}</h1>"
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><head><title>{declared}</title><meta property='og:title' content='{declared}'>"
        "</head><body><article>"
        + (shown if where == "above" else "")
        + STORY_PARAGRAPHS
        + (shown if where == "below" else "")
        + "</article></body></html>",
        encoding="utf-8",
    )
    title = read_articles(page)[0].title
    assert expected in title and (title == heading) == (heading == expected)


def test_a_date_set_inside_the_headline_is_no_part_of_the_title(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Preparing a transition in Debusine | Colin's blog</title></head>"
        '<body><article><h1><a href="/blog/transitions.html"><time datetime="2025-12-18">Dec '
        "<span>18</span> 2025</time> Preparing a transition in&nbsp;Debusine</a></h1>"
        f"{STORY_PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    assert read_articles(page)[0].title == "Preparing a transition in Debusine"


def _declared_title_of(tmp_path: Path, head: str) -> str:
    """The title of a saved story page with ``head`` and no ``<h1>``: the declared one."""
    page = tmp_path / "declared.html"
    page.write_text(
        f"<html><head>{head}</head><body><article>{STORY_PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    return read_articles(page)[0].title


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # Hankook Ilbo: headline, section and site joined with no spaces; its own meta name.
        (
            "<title>장동혁, 한동훈 제명했지만… 부담 커졌다-정치ㅣ한국일보</title>"
            '<meta name="content_category" content="정치">'
            '<meta property="og:site_name" content="한국일보">',
            "장동혁, 한동훈 제명했지만… 부담 커졌다",
        ),
        (
            '<meta property="og:title" content="Harbour bridge shut to lorries - Politics | '
            'The Courier"><meta property="article:section" content="politics">'
            '<meta property="og:site_name" content="The Courier">',
            "Harbour bridge shut to lorries",
        ),
        (
            "<title>Harbour bridge shut to lorries / Local news - The Courier</title>"
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "articleSection": '
            '["Local news"], "publisher": {"name": "The Courier"}}</script>',
            "Harbour bridge shut to lorries",
        ),
    ],
)
def test_a_declared_section_at_the_end_leaves_the_title(
    tmp_path: Path, head: str, expected: str
) -> None:
    assert _declared_title_of(tmp_path, head) == expected


@pytest.mark.parametrize(
    "head",
    [
        # A hyphen without spaces in a Latin title joins a word: "e-Sports" stays whole.
        '<title>The rise of e-Sports | The Courier</title><meta name="section" content="Sports">'
        '<meta property="og:site_name" content="The Courier">',
        # No separator: the section is the headline's own last word.
        '<title>Why we still need Politics</title><meta name="section" content="Politics">',
    ],
)
def test_a_section_word_that_is_the_headlines_own_stays(tmp_path: Path, head: str) -> None:
    title = _declared_title_of(tmp_path, head)
    assert title in ("The rise of e-Sports", "Why we still need Politics")
