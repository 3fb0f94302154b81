from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core.library.importers import MAX_FILE_BYTES, UnreadableFile, read_articles
from desktop.core.library.importers.decoding import declared_encoding, decode_text
from desktop.core.library.store import content_hash
from desktop.core.models import Article

FIXTURES = Path(__file__).parent / "fixtures"


def only(source: str | Path) -> Article:
    """The one article in a fixture (by name) or in a file (by path)."""
    (found,) = read_articles(FIXTURES / source if isinstance(source, str) else source)
    return found


def test_plain_text_takes_a_short_first_line_as_title() -> None:
    found = only("headline.txt")
    assert found.title == "Harbour bridge reopens after repairs"
    assert found.text.startswith("The harbour bridge reopened")
    assert "Harbour bridge reopens" not in found.text
    assert found.id == 0
    assert found.content_hash == content_hash(found.text)
    assert found.words == len(found.text.split())
    assert found.origin == str(FIXTURES / "headline.txt")


def test_plain_text_without_a_headline_is_titled_from_the_file_name() -> None:
    found = only("2023-budget_report.txt")
    assert found.title == "2023 budget report"
    assert found.text.startswith("The finance ministry")


def test_seed_format_date_line() -> None:
    found = only("seed-format.txt")
    assert found.published == "2024-03-05"
    assert found.text.startswith("Council members voted")
    assert "date" not in found.text.split()[0]


def test_shipped_seed_reads_with_its_date_and_a_readable_title() -> None:
    seed = FIXTURES.parents[3] / "seeds" / "000_66ae021c01a1e4e0.txt"
    found = read_articles(seed)[0]
    assert found.published == "2025-08-18"
    assert found.text.startswith("As Ukrainian President")
    assert found.title.startswith("As Ukrainian President Volodymyr Zelenskyy")
    assert "66ae021c" not in found.title


def test_markdown_title_from_first_heading_and_markup_stripped() -> None:
    found = only("article.md")
    assert found.title == "Drought hits northern farms"
    for markup in ("#", "**", "](", "![", "`", "> ", "```"):
        assert markup not in found.text
    assert "the drought is the worst in forty years" in found.text
    assert "• Emergency funds for irrigation\n• A ban on watering gardens" in found.text
    assert '"We have never seen it this bad," said one farmer.' in found.text


def test_markdown_front_matter_gives_metadata() -> None:
    found = only("front-matter.md")
    assert (found.title, found.byline, found.source, found.published, found.url) == (
        "Ferry strike ends",
        "Tom Baker",
        "Coastal Times",
        "2022-11-09",
        "https://example.org/ferry",
    )
    assert found.text.startswith("Ferry workers returned")


def test_html_main_text_and_metadata_without_page_furniture() -> None:
    found = only("article.html")
    assert found.title == "Flood defences fail in river town"
    assert found.byline == "Maria Lopez"
    assert found.source == "The Valley Courier"
    assert found.published == "2021-07-16"
    assert found.text.startswith("Flood defences in the river town of Elmford failed")
    assert found.text.count("\n\n") == 3
    for furniture in ("trackingPixel", "sandbags", "Celebrity gossip", "All rights", "Weather"):
        assert furniture not in found.text


def test_truncated_html_keeps_what_arrived() -> None:
    found = only("truncated.html")
    assert found.text.startswith("Flood defences in the river town")
    assert "three days of continuous rain" in found.text
    assert "Emergency shelters" not in found.text


def test_html_cut_before_the_body_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match=r"truncated-head\.html: no article text"):
        read_articles(FIXTURES / "truncated-head.html")


def test_rss_entries_become_articles_and_empty_entries_are_left_out() -> None:
    first, second = read_articles(FIXTURES / "rss.xml")
    assert (first.title, first.byline, first.source, first.published, first.url) == (
        "New ferry route announced",
        "Sam Hill",
        "Harbour Gazette",
        "2023-03-06",
        "https://example.org/ferry-route",
    )
    assert first.text == (
        "The port authority announced a new ferry route to the islands on Monday.\n\n"
        "Crossings will start in June and run twice a day."
    )
    assert "alert" not in first.text
    assert second.text.startswith("The historic fish market will close")
    assert first.origin != second.origin


def test_atom_entry() -> None:
    found = only("atom.xml")
    assert (found.title, found.byline, found.source, found.published) == (
        "Telescope spots distant comet",
        "Lee Chen",
        "Science Desk",
        "2020-05-01",
    )
    assert found.text.startswith("Astronomers using a new survey telescope")


def test_feed_is_detected_by_content_whatever_its_name(tmp_path: Path) -> None:
    renamed = tmp_path / "download"
    shutil.copy(FIXTURES / "atom.xml", renamed)
    assert only(renamed).title == "Telescope spots distant comet"


def test_legacy_cp1252_and_utf16_with_bom_are_decoded() -> None:
    western = only("cp1252.txt")
    assert "Le café était déjà plein" in western.text
    assert "naïve résumé of the “rôle”" in western.text
    unicode_text = only("utf16-bom.txt")
    assert unicode_text.title == "Tide tables printed wrong"
    assert "«C'est une réussite»" in unicode_text.text
    assert "\ufeff" not in unicode_text.title


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "file is empty"),
        ("blank.txt", "file is empty"),
        ("binary.txt", "binary file"),
        ("undecodable.txt", "cannot tell the text encoding"),
        ("truncated.xml", "not well-formed XML at line"),
        ("billion-laughs.xml", "refused for safety"),
        ("external-entity.xml", "refused for safety"),
        ("not-a-feed.xml", "not an RSS or Atom feed"),
    ],
)
def test_hostile_files_raise_a_message_naming_file_and_reason(name: str, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_articles(FIXTURES / name)
    assert str(caught.value).startswith(f"{FIXTURES / name}: ")
    assert reason in caught.value.reason
    assert caught.value.path == FIXTURES / name


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableFile, match="too large"):
        read_articles(huge)


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="cannot read"):
        read_articles(tmp_path / "missing.txt")
    with pytest.raises(UnreadableFile, match="not a regular file"):
        read_articles(tmp_path)


def test_declared_html_charset_is_used_when_not_utf8(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-15"><title>Prix</title></head><body><article>'
        + "<p>Le prix de l'essence a augmenté de 5 € à la pompe cette semaine à Lyon.</p>" * 6
        + "</article></body></html>"
    ).encode("iso-8859-15")
    assert declared_encoding(page) == "iso8859-15"
    path = tmp_path / "prix.html"
    path.write_bytes(page)
    assert "augmenté de 5 € à la pompe" in only(path).text


def test_utf8_with_bom_loses_the_bom() -> None:
    text = decode_text("\ufeffTitle\n\nBody".encode("utf-8"), Path("x.txt"))
    assert text == "Title\n\nBody"


@pytest.mark.timeout(10, method="signal")
def test_a_head_of_many_comments_is_sniffed_at_once(tmp_path: Path) -> None:
    """Regression: a repeated lazy comment pattern backtracked exponentially (40 comments in
    front of a non-page took minutes; 2 KB holds 256)."""
    path = tmp_path / "download"
    path.write_bytes(b"<!--a-->" * 256 + b"plain words of a note, not a page")
    assert only(path).text.endswith("not a page")
    page = tmp_path / "saved"
    page.write_bytes(
        b"<!-- saved -->\n<!-- from the web -->\n" + (FIXTURES / "article.html").read_bytes()
    )
    assert only(page).title == only("article.html").title


def test_markdown_byline_line_and_image_alt_text(tmp_path: Path) -> None:
    page = tmp_path / "drought.md"
    page.write_text(
        "# Drought hits northern farms\n\n*By Jane Doe and Sam Okafor*\n\n"
        "![A cracked, dry field near Lincoln at dawn](field.jpg)\n\n"
        "Farmers say the drought is the worst in forty years.\n",
        encoding="utf-8",
    )
    found = only(page)
    assert found.byline == "Jane Doe; Sam Okafor"
    assert found.text == "Farmers say the drought is the worst in forty years."


def test_markdown_opening_with_by_in_a_sentence_keeps_it(tmp_path: Path) -> None:
    page = tmp_path / "note.md"
    page.write_text("# Note\n\nby the river the water rose again.\n", encoding="utf-8")
    found = only(page)
    assert found.byline == ""
    assert found.text == "by the river the water rose again."


def test_a_feed_with_html_named_entities_imports(tmp_path: Path) -> None:
    """Hand-written and templated feeds use HTML's entities, which XML does not define."""
    feed = tmp_path / "hand-made.rss"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Town&nbsp;Hall News</title><item><title>Mayor&rsquo;s budget</title>"
        "<description>The mayor&rsquo;s budget &mdash; due on Friday &amp; debated&nbsp;"
        "for weeks &hellip; was passed by the council, which had asked for cuts.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = read_articles(feed)
    assert article.title == "Mayor’s budget"
    assert article.source == "Town Hall News"
    assert article.text.startswith("The mayor’s budget — due on Friday & debated\xa0for weeks …")


def test_a_feed_entry_loses_its_publishers_prompts_and_closing_lines(tmp_path: Path) -> None:
    """A full-text feed (WordPress, Substack) closes each entry with its own lines: "The post …
    appeared first on …", "Continue reading …", a subscription box, share links; an entry of
    nothing else keeps it."""
    story = (
        "<p>The council passed the budget on Friday after weeks of debate.</p>"
        "<p>The post office on Quay Street will close, the report says.</p>"
    )
    tail = (
        "<p>Thanks for reading! Subscribe for free to receive new posts and support my work."
        "</p><p><a href='s'>Share</a></p><p>The post <a href='p'>Budget passed</a> appeared "
        "first on <a href='/'>Town Hall News</a>.</p>"
    )
    feed = tmp_path / "wordpress.rss"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Town Hall'
        f"</title><item><title>Budget passed</title><content:encoded><![CDATA[{story}{tail}]]>"
        "</content:encoded></item><item><title>Bridge</title><description><![CDATA[<p>The "
        "bridge reopens in May, engineers said on Monday.</p><p>Continue reading <a href='b'>"
        "Bridge</a></p>]]></description></item><item><title>Photos</title><description>"
        "<![CDATA[<a href='g'>Click here</a>]]></description></item></channel></rss>",
        encoding="utf-8",
    )
    budget, bridge, photos = read_articles(feed)
    assert photos.text == "Click here"  # a link's label alone is all the entry has
    assert budget.text == (
        "The council passed the budget on Friday after weeks of debate.\n\n"
        "The post office on Quay Street will close, the report says."
    )
    assert bridge.text == "The bridge reopens in May, engineers said on Monday."


def test_a_feed_with_an_entity_no_one_defines_is_refused_by_name(tmp_path: Path) -> None:
    feed = tmp_path / "broken.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item>'
        "<description>Text &bogus; here.</description></item></channel></rss>",
        encoding="utf-8",
    )
    with pytest.raises(UnreadableFile, match=r"broken\.rss: not well-formed XML.*undefined entity"):
        read_articles(feed)


def test_a_feed_names_each_entry_it_holds_only_a_headline_of(tmp_path: Path) -> None:
    from desktop.core.library.importing import read_file

    path = tmp_path / "mixed.xml"
    path.write_text(
        '<rss version="2.0"><channel><title>News</title>'
        "<item><title>Port deal signed</title><description>The port authority signed the deal "
        "on Monday.</description></item>"
        "<item><title>Mayor &lt;b&gt;resigns&lt;/b&gt;</title><link>https://n.example/2</link>"
        "</item><item><description> </description></item>"
        "</channel></rss>"
    )
    stored, left_out = read_file(path, "").reads
    assert stored[0] == path and [article.title for article in stored[1]] == ["Port deal signed"]
    name, result = left_out
    assert name == result.path == Path(f"{path}#2") and not result.failed  # a feed of links
    assert result.skipped == (
        "entry 2 (Mayor resigns): a headline but no text: save its page (https://n.example/2) "
        "and import that"
    )


def test_a_feed_of_headlines_without_text_says_so_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.xml"
    path.write_text(
        '<rss version="2.0"><channel><title>Links</title>'
        "<item><title>Port deal signed</title><link>https://n.example/1</link></item>"
        "<item><title>Mayor resigns</title><link>https://n.example/2</link></item>"
        "</channel></rss>"
    )
    with pytest.raises(UnreadableFile) as failure:
        read_articles(path)
    assert failure.value.reason == (
        "the feed's 2 entries have a headline but no text (a feed of headlines and links): "
        "save the articles' pages and import those"
    )
