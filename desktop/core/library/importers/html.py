"""Web pages saved as HTML: the article's main text and its metadata, via trafilatura.

trafilatura drops scripts, styles, navigation, comments and ads, and reads title, author, date
and site name from the page's metadata. It is given the page's text, never a URL, so it never
touches the network. Before it runs, the page loses what would glue into or pass for the story
(hover cards, other articles, a hidden copy of it for machines, dialogs), embedded posts become
plain paragraphs, formulas runs of their symbols and an older page's loose text beside its
paragraphs (often its lead) a paragraph too (``loose_text``); after it, a text too short to
be the story is taken from its recall pass when that finds twice as much, a story it ran
together on one line is cut back into paragraphs (``glued``), paragraphs and lists it left
out come back (``recovery``) and page furniture goes (``furniture``).
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from copy import deepcopy
from html import unescape
from itertools import islice
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

import lxml.html
from lxml import etree

from desktop.core.library.importers.building import build_article, iso_date
from desktop.core.library.importers.crowded import thin_crowded_blocks
from desktop.core.library.importers.doubled_encoding import undouble_page
from desktop.core.library.importers.element_text import (
    BLOCKS,
    RUBY_READINGS,
    element_text,
    html_fragment_text,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.furniture import (
    CARD_STORY_WORDS,
    drop_furniture,
    loose,
    normalised,
)
from desktop.core.library.importers.glued import unglued
from desktop.core.library.importers.loose_text import wrap_loose_paragraphs
from desktop.core.library.importers.metadata import (
    HEADLINE_WORDS,
    clean_byline,
    clean_title,
    domain,
    is_site_name,
    names_domain,
    outlet_name,
    real_date,
    site_keys,
    title_parts,
)
from desktop.core.library.importers.page_tail import line_places, without_page_tail
from desktop.core.library.importers.recovery import (
    declared_paragraphs,
    recover_paragraphs,
    sandwiched_blocks,
)
from desktop.core.library.importers.shipped_story import add_shipped_story
from desktop.core.library.importers.writer_bios import without_writer_bios
from desktop.core.library.importers.writers import (
    all_writers,
    cited_writers,
    dotted_initials,
    element_marks,
    has_initials,
    page_writer,
    shown_writer,
)
from desktop.core.models import Article

_DATE_OPTIONS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}
_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_TITLE_START = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_END = re.compile(r"</title\s*>", re.IGNORECASE)
_MAX_PUBLISHERS = 4
_HOVER_CARD = re.compile(
    r"(?:^|[-_])(?:hover-?card|tooltip|popover|person-card)(?:[-_](?:content|body))?$"
)
_SUBHEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_MASTHEAD = re.compile(r"\b(?:site[-_]?(?:title|name)|logo|masthead|brand)\b")
_STANDFIRST_WORDS = 5
_BYLINE_WORDS = 12
_STANDFIRST_PLACE = 2
_TITLE_WORD = re.compile(r"\w+")
_LABEL_WORDS = 2
_SEPARATED = re.compile(r"\s+[|\-–—·•»]\s+\S|\s*\|\s*\S")
"""A separator after a headline; not a colon, which headlines hold ("Brexit: what next")."""
_LINE_OPENING = 80  # characters of a line enough to find it in the page's text
_SHORT_WORD = 3  # letters of a word too common to tie two titles ("to", "the", "from")
_OWN_TEXT = 200
SECTION_TEXT = 500
SECTIONS = 2
_COMMENT = re.compile(r"comment|reply", re.IGNORECASE)
_SHORT_TEXT = 1000
"""Characters of text below which the story may have been missed (a page made unusually)."""
_PREFORMATTED = ("pre", "textarea", "code")
_FILES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".csv", ".txt")
_SOURCE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_INDENTATION = " \t\r\n\f"  # not the no-break space, which str.isspace() counts
# Spacing made of no-break spaces, as laid out before a line break of the source: one space.
_SPACING = re.compile(r"[ \t]*\xa0[ \t\xa0]+|[ \t]+\xa0[ \t\xa0]*")
_EMBEDDED_POST = (
    "//blockquote[contains(concat(' ', normalize-space(@class), ' '), ' twitter-tweet ')]"
)
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:\w*Article|BlogPosting|Report)"')
_NEW_WINDOW = re.compile(
    r"""\(?(?:
        (?:opens?|opening)\ (?:in\ )?(?:a\ )?new\ (?:tab|window)|(?:this\ )?link\ is\ external
      | external\ link|öffnet\ (?:sich\ )?(?:in\ |im\ )?(?:einem\ )?neuen\ (?:fenster|tab)
      | s['’]?ouvre\ dans\ une\ nouvelle\ (?:fenêtre|page|onglet)
      | (?:se\ )?abre\ en\ una\ (?:nueva\ )?(?:ventana|pestaña)(?:\ nueva)?
    )\)?""",
    re.IGNORECASE | re.VERBOSE,
)
"""A link's note to screen readers that it opens elsewhere, in the languages seen most."""
_DROP_CAP = re.compile(r"drop[-_]?cap|initial[-_]?letter|first[-_]letter", re.IGNORECASE)
_LETTER_WORDS = frozenset("AIOYEUÀÅÖ")
"""Letters that are words of their own in the languages seen most ("A", "I", Spanish "Y")."""
_SCREEN_READER = frozenset(
    ("sr-only", "screen-reader-text", "screen-reader-only", "visually-hidden", "visuallyhidden")
)
_HIDDEN = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.IGNORECASE)
_CONTROLS = ("select", "datalist", "textarea")
_CONTROL_ROLES = frozenset(
    [
        "menu",
        "menubar",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "toolbar",
        "slider",
        "progressbar",
        "spinbutton",
        "scrollbar",
    ]
)
_CARD_ROW = re.compile(r"twitter:(?:label|data)\d+")
_WRITTEN_BY = re.compile(
    r"(?i:written by|author|geschrieben von|autor(?:in)?|écrit par|escrito por|scritto da|"
    r"geschreven door|napisane przez|skrivet av|skrevet af)"
)
_CELL_BLOCKS = ("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote")
_CELL_TEXT = 300
"""Characters of a table cell beyond which it holds running text, not a value."""
GRID_ROWS = 3
GRID_COLUMNS = 3
GRID_PARTS = 3
"""A grid of values stays a table while at most one cell in this many holds a page part."""

_ATTACHED = ":;,.!?)]}»”’…"
"""Marks that follow a word without a space."""
_OPENING = "([{«„"
"""Marks a word follows without a space."""

# trafilatura reports pages it finds little in through logging; that is our error to word.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def parse_html(text: str, path: Path, address: str = "") -> list[Article]:
    """The article of a web page; ``address`` is where a browser saved it from (a saved
    page's own record), the article's URL when the page names none."""
    import trafilatura
    from trafilatura.settings import Document

    try:
        page = _parsed(_closed_title(_without_end_tags(text)), path)
        undouble_page(page)
        add_shipped_story(page)
        unwrap_source_lines(page)
        _drop_hidden_metadata(page)
        _drop_dialogs(page)
        _drop_screen_reader_text(page)
        _join_drop_caps(page)
        _flatten_math(page)
        _unwrap_layout_tables(page)
        wrap_loose_paragraphs(page)
        _drop_controls(page)
        _drop_fallbacks(page)
        thin_crowded_blocks(page)
        _drop_hover_cards(page)
        _drop_other_articles(page)
        _drop_story_cards(page)
        _flatten_embedded_posts(page)
        linked_data = _json_ld(page)
        declared = _declared(page, linked_data)
        links = normalised(_site_links(page, declared["url"] or [_most_linked_site(page)]))
        decks = normalised(_standfirsts(page))
        # trafilatura prunes the tree it is given: the first pass gets a copy, the last the page.
        # No story found gives None; its metadata is then none, and the text is looked for on.
        found = (
            trafilatura.bare_extraction(
                deepcopy(page),
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                date_extraction_params=_DATE_OPTIONS,
            )
            or Document()
        )
        lines = [line.strip() for line in (found.text or "").splitlines()]
        author = found.author or next(iter(declared["writer"]), "")
        author = _own_writers(linked_data, declared["title"], author)
        lines = unglued(page, lines, lambda: _recall_lines(page))
        if _length(lines) < _SHORT_TEXT:
            lines = _declared_body(linked_data, _wider(page, lines))
        lines = recover_paragraphs(page, [line for line in lines if line])
        lines = declared_paragraphs(page, lines, _declared_text(linked_data))
        lines = sandwiched_blocks(page, lines)
        # Before the last pass prunes the page: the writers it marks, and shows in words.
        writer, in_words, cited = page_writer(page), shown_writer(page), cited_writers(page)
        places = line_places(page, lines)
        sole = _sole_headline(page, declared, max(lines, key=len, default=""))
        named = f"{author} {writer} {in_words} {cited}"
        # Its pieces of text apart: text_content() glues a byline to the next paragraph.
        shown = " ".join(" ".join(page.itertext()).split()) if has_initials(named) else ""
        precise = trafilatura.extract(
            page, favor_precision=True, include_comments=False, include_tables=True
        )
    except UnreadableFile:
        raise
    except (ValueError, etree.LxmlError) as exc:
        raise UnreadableFile(path, f"cannot parse the HTML ({exc})") from exc
    extracted = found.title or ""
    titles = [sole, extracted if _fits(extracted, declared["title"]) else "", *declared["title"]]
    lines = drop_furniture(
        lines,
        precise=loose((precise or "").splitlines()),
        links=links,
        titles=normalised(titles),
        decks=decks,
    )
    lines = without_page_tail(lines, places)
    found_url = found.url or ""
    url = next(iter(declared["url"]), "") or found_url or address
    own = {u.strip() for u in (*declared["url"], found_url) if u}
    body = "\n\n".join(line for line in lines if line not in own)  # the page's own address
    if not body:
        raise UnreadableFile(path, "no article text found in the HTML page")
    sites = site_keys(declared["site"], url or _most_linked_site(page))
    byline = dotted_initials(
        shown,
        clean_byline(cited, sites)
        or clean_byline(all_writers(page, author, in_words), sites)
        or clean_byline(_linked_writers(linked_data, declared["title"]), sites)
        or clean_byline(writer, sites)
        or clean_byline(in_words, sites),
    )
    return [
        build_article(
            path,
            title=_headline(titles, declared, sites),
            text=without_writer_bios(body, byline),
            byline=byline,
            source=outlet_name(declared["site"], found.sitename or "", url),
            url=url,
            published=real_date(iso_date(found.date), text),
            language=found.language or next(iter(declared["language"]), ""),
        )
    ]


def _parsed(markup: str, path: Path) -> lxml.html.HtmlElement:
    """The page's tree. trafilatura refuses a page whose first characters do not say "html"
    and that parses into little (a save that lost its start: "<!DOCTYPE htm  <div …>");
    browsers still show it, so lxml's HTML parser reads it then."""
    from trafilatura.utils import load_html

    page = load_html(markup)
    if page is None:
        try:
            page = lxml.html.document_fromstring(markup)
        except etree.ParserError:
            raise UnreadableFile(path, "no article text found in the HTML page") from None
    return page


def _without_end_tags(text: str) -> str:
    """The page without its ``</body>`` and ``</html>``: a template that closes the page early
    (after its header) leaves the story after them, which browsers show and the HTML parser
    drops."""
    return _END_TAGS.sub("", text)


def _closed_title(text: str) -> str:
    """The page with its ``<title>`` closed before the next tag when it is never closed (a
    save that lost part of the page's head): the parser took the whole page for the title
    and found no story in it."""
    start = _TITLE_START.search(text)
    if start is None or _TITLE_END.search(text, start.end()):
        return text
    end = text.find("<", start.end())
    end = len(text) if end < 0 else end
    return f"{text[:end]}</title>{text[end:]}"


def _wider(page: lxml.html.HtmlElement, lines: list[str]) -> list[str]:
    """The text of trafilatura's recall pass instead of a short one, when it finds at least
    twice as much: the default pass sometimes keeps only a caption or a slogan of a page whose
    story it did not recognise."""
    wider = _recall_lines(page)
    return wider if _length(wider) >= 2 * _length(lines) else lines


def _recall_lines(page: lxml.html.HtmlElement) -> list[str]:
    """The text of trafilatura's recall pass, run on the page without its scripts and styles:
    its last resort reads a paragraph's whole text, and a script set inside one (a blog's
    analytics code) came out as a line of the story."""
    import trafilatura

    bare = deepcopy(page)
    for code in list(bare.iter("script", "style")):
        code.drop_tree()
    found = trafilatura.extract(
        bare, favor_recall=True, include_comments=False, include_tables=True
    )
    return [line.strip() for line in (found or "").splitlines()]


def _length(lines: list[str]) -> int:
    return sum(len("".join(line.split())) for line in lines)


def unwrap_source_lines(page: lxml.html.HtmlElement) -> None:
    """A line break in the page's source is a space on screen, except in preformatted text,
    and a ``<br>`` is a line break. trafilatura keeps the source's breaks, so a paragraph
    written over several source lines came out as several lines (and the recovery then took
    it for a paragraph still missing), and it drops some ``<br>``."""
    preformatted = {d for e in page.iter(*_PREFORMATTED) for d in e.iter()}
    for element in page.iter():
        if _source_broken(element.text) and element not in preformatted:
            element.text = _SPACING.sub(" ", _SOURCE_BREAK.sub(" ", element.text))
        if _source_broken(element.tail) and element.getparent() not in preformatted:
            element.tail = _SPACING.sub(" ", _SOURCE_BREAK.sub(" ", element.tail))
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")


def _source_broken(text: str | None) -> bool:
    """Text with a line break of the page's source in it. Indentation alone (only spaces and
    breaks) shows nothing and stays: the fallback extractor trafilatura consults reads a
    page's layout from it, and without it took a slide show's captions for the story. A
    no-break space shows, so it is no indentation (Word's saved pages space a list's bullet
    from its item with a run of them before a line break)."""
    return bool(text and "\n" in text and text.strip(_INDENTATION))


def _drop_hidden_metadata(page: lxml.html.HtmlElement) -> None:
    """Remove the schema.org descriptions a page hides from its reader (an ``itemscope``
    element styled ``display: none``): a copy of the story for machines, with its headline,
    keywords, timestamps and logo address, which would otherwise be read as more text."""
    hidden = [
        element
        for element in page.iter()
        if isinstance(element.tag, str)
        and element.get("itemscope") is not None
        and _HIDDEN.search(element.get("style") or "")
    ]
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()


def _drop_dialogs(page: lxml.html.HtmlElement) -> None:
    """Remove the page's dialogs (``<dialog>``, ``role="dialog"``, ``aria-modal``): boxes
    shown over the story on request, a republishing policy, a sign-up or a share form, whose
    text would otherwise pass for paragraphs of it. A dialog holding most of the page's
    paragraph text is the story shown as an overlay and stays."""
    dialogs = [
        element
        for element in page.iter()
        if isinstance(element.tag, str)
        and (
            element.tag == "dialog"
            or element.get("role") in ("dialog", "alertdialog")
            or element.get("aria-modal") == "true"
        )
    ]
    whole = _paragraph_text(page)
    for dialog in dialogs:
        if dialog.getparent() is not None and _paragraph_text(dialog) <= whole / 2:
            dialog.drop_tree()


def _drop_screen_reader_text(page: lxml.html.HtmlElement) -> None:
    """Remove what a page says to screen readers alone where it would glue into the text: a
    link's note that it opens a new window ("Investoren(öffnet im neuen Fenster)", whatever
    the hiding class), and a copy of a text set apart (``sr-only``, ``visually-hidden``)
    beside the text readers see: a card's headline said twice ("The GOP Primary Debate Was a
    Tedious Mess The GOP Primary Debate Was a Tedious Mess"). Other such text stays: a
    byline's "Posted by", the colon between a headline's kicker and its words, a headline set
    for machines alone."""
    notes = [
        element
        for link in page.iter("a")
        for element in link.iterdescendants()
        if isinstance(element.tag, str)
        and _NEW_WINDOW.fullmatch(" ".join(element.text_content().split()))
    ]
    for element in list(page.iter()):
        if not isinstance(element.tag, str) or not _SCREEN_READER.intersection(
            (element.get("class") or "").split()
        ):
            continue
        said = " ".join(element.text_content().split())
        beside = (element.getnext(), element.getprevious())
        if len(said.split()) >= _LABEL_WORDS and any(
            sibling is not None and " ".join(sibling.text_content().split()) == said
            for sibling in beside
        ):
            notes.append(element)
    for element in notes:
        if element.getparent() is not None:
            element.drop_tree()


def _join_drop_caps(page: lxml.html.HtmlElement) -> None:
    """Join a paragraph's first letter, set apart as a drop cap (a class naming a drop cap or
    an initial letter), to the rest of its word when the page puts a space between them
    and the rest goes on in lower case: "N a endlich!" reads "Na endlich!"."""
    for element in list(page.iter()):
        if not isinstance(element.tag, str) or not _DROP_CAP.search(element.get("class") or ""):
            continue
        letter = element.text_content().strip()
        if len(letter) != 1 or not letter.isalpha() or letter.upper() in _LETTER_WORDS:
            continue  # "A man …", "I went …": a letter that is a word keeps its space
        while (parent := element.getparent()) is not None and (
            parent.text_content().strip() == letter
        ):
            element = parent
        following = None if (element.tail or "").strip() else element.getnext()
        rest = (element.tail or "") + (following.text_content() if following is not None else "")
        if rest[:1].isspace() and rest.strip()[:1].islower():
            element.tail = (element.tail or "").lstrip()
            if not element.tail and following is not None and following.text:
                following.text = following.text.lstrip()


def _flatten_math(page: lxml.html.HtmlElement) -> None:
    """Turn each MathML formula into one run of the symbols it shows ("A = BBH") in the
    place of the wrappers that hold nothing else (a copy hidden for screen readers beside an
    image of the formula), without its TeX source (``annotation``), which had come out as
    lines of ``{\\displaystyle A}`` between the words of a Wikipedia article."""
    for formula in list(page.iter("math")):
        for source in list(formula.iter("annotation", "annotation-xml")):
            source.drop_tree()
        symbols = " ".join(formula.text_content().split())
        top = formula
        while (parent := top.getparent()) is not None and parent.tag not in BLOCKS:
            if " ".join(parent.text_content().split()) != symbols:
                break
            top = parent
        if (holder := top.getparent()) is None:
            continue
        inline = lxml.html.Element("span")
        inline.text = symbols
        inline.tail = top.tail
        holder.replace(top, inline)


def _drop_controls(page: lxml.html.HtmlElement) -> None:
    """Remove a form's drop-down menus and text boxes, and what the page marks as a control
    for assistive technology (a menu, a toolbar, a slider): their options (a share-price
    page's 1,900 company names, a video player's "descriptions off, selected") and a box's
    text (a video's embed code to copy: "<iframe width='670' …>") had come out as lines of
    text."""
    roles = (e for e in page.xpath("//*[@role]") if e.get("role", "").strip() in _CONTROL_ROLES)
    for control in [*page.iter(*_CONTROLS), *roles]:
        if control.getparent() is not None:  # a menu may be a <select> as well
            control.drop_tree()


def _drop_fallbacks(page: lxml.html.HtmlElement) -> None:
    """Remove what a page keeps for browsers without frames or plug-ins (``<noframes>``,
    ``<noembed>``): no browser shows it, and the parser reads it as markup in text (an
    embedded video's fallback link had come out as "<a href=…><img …></a>"). A ruby's reading
    goes too, shown above its word, not in the line ("天気てんき" for "天気")."""
    for fallback in list(page.iter("noframes", "noembed", *RUBY_READINGS)):
        fallback.drop_tree()


def _unwrap_layout_tables(page: lxml.html.HtmlElement) -> None:
    """Turn the tables a page is laid out with into plain blocks: an older site's navigation,
    story and sidebars are the cells of one table, which came out whole as rows of
    "| Home | | News |" around the story. A table is layout when it says so
    (``role="presentation"``), holds another table, or, without headings or a caption (a data
    table's), has a cell holding a part of a page: several blocks, a list or a long text —
    unless it is a grid of values in which such cells are few and hold no list (a comparison
    chart whose labels are set in two paragraphs).
    A table in a layout table's cell stays a table when it reads as data (a heading, and rows
    of values: most active developers by changesets, whose cells had been glued as "Herbert
    Dürr6316.6%"); older sites nest their menus and sidebars as tables too. A
    ``<blockquote>`` around a table only indents it (trafilatura read the table as one
    quoted line)."""
    for indent in page.xpath("//blockquote[.//table]"):
        indent.tag = "div"
    for table in reversed(list(page.iter("table"))):
        if _is_layout(table):
            inner = [t for t in table.iter("table") if t is not table and not _is_data(t)]
            for layout in (table, *inner):
                _to_blocks(layout)


def _is_data(table: lxml.html.HtmlElement) -> bool:
    """A table with a heading or caption and at least two rows of two or more values."""
    if table.find(".//th") is None and table.find(".//caption") is None:
        return False
    rows = (row.findall("td") for row in table.iter("tr"))
    filled = (sum(1 for cell in cells if cell.text_content().strip()) for cells in rows)
    return sum(1 for n in filled if n >= 2) >= 2


def _to_blocks(table: lxml.html.HtmlElement) -> None:
    """The table, its rows and cells as plain blocks; the tables in its cells are left alone."""
    own = [
        e
        for e in table.iter("thead", "tbody", "tfoot", "tr", "td", "th")
        if next(e.iterancestors("table")) is table
    ]
    for element in (table, *own):
        element.tag = "div"
        for attribute in ("colspan", "rowspan", "width", "height", "align", "valign"):
            element.attrib.pop(attribute, None)


def _is_layout(table: lxml.html.HtmlElement) -> bool:
    if table.get("role") == "presentation" or table.find(".//table") is not None:
        return True
    if table.find(".//th") is not None or table.find(".//caption") is not None:
        return False
    cells = list(table.iter("td"))
    if not any(_holds_a_page_part(cell) for cell in cells):
        return False
    if not _is_grid(table) or any(
        cell.find(".//ul") is not None or cell.find(".//ol") is not None for cell in cells
    ):
        return True  # a menu; a grid's lists are lost as table cells too (a checklist's)
    parts = sum(1 for cell in cells if _holds_a_page_part(cell))
    filled = sum(1 for cell in cells if cell.text_content().strip())
    return parts * GRID_PARTS > filled


def _is_grid(table: lxml.html.HtmlElement) -> bool:
    """``GRID_ROWS`` rows or more of ``GRID_COLUMNS`` cells or more, every row as wide (a
    heading may span two columns): a comparison chart's or a price list's shape, whatever
    some of its cells hold (a value set in two paragraphs, "Small" over "(1-99 employees)").
    A page laid out in a table has a few rows of a few cells of different widths."""
    rows = [cells for row in table.iter("tr") if (cells := row.findall("td") + row.findall("th"))]
    widths = {sum(_span(cell) for cell in cells) for cells in rows}
    return len(widths) == 1 and sum(1 for cells in rows if len(cells) >= GRID_COLUMNS) >= GRID_ROWS


def _span(cell: lxml.html.HtmlElement) -> int:
    span = cell.get("colspan", "1").strip()
    return int(span) if span.isdecimal() else 1


def _holds_a_page_part(cell: lxml.html.HtmlElement) -> bool:
    """A cell holding a story's text (several paragraphs, or a long one) or a menu (a list),
    not a data table's value (which a page may also wrap in a ``<p>``)."""
    blocks = [e for e in cell.iter(*_CELL_BLOCKS) if e is not cell]
    if any(e.tag in ("ul", "ol") for e in blocks) or len(blocks) > 1:
        return True
    return len(" ".join(cell.text_content().split())) > _CELL_TEXT


def _drop_hover_cards(page: lxml.html.HtmlElement) -> None:
    """Remove the pop-up cards some sites nest inside a paragraph's links (a person's full
    name and role, shown on hover): as text they glue into the sentence ("Kristi NoemKristi
    Lynn NoemSouth Dakota governor")."""
    cards = [
        element
        for element in page.iter()
        if isinstance(element.tag, str)
        and _is_hover_card(element)
        and any(ancestor.tag in ("p", "li") for ancestor in element.iterancestors())
    ]
    for card in cards:
        card.drop_tree()  # keeps the text after the card


def _flatten_embedded_posts(page: lxml.html.HtmlElement) -> None:
    """Turn each embedded post (the ``blockquote.twitter-tweet`` markup an embed is published
    as) into plain paragraphs of its text, in place of the wrappers that hold nothing else.
    A post a story quotes is part of it, but trafilatura drops it with its embed or widget
    wrapper, or for its links (hashtags, the post's address)."""
    for post in page.xpath(_EMBEDDED_POST):
        text = " ".join(post.text_content().split())
        if not text:
            continue
        top = post
        while (parent := top.getparent()) is not None and parent.tag not in ("body", "article"):
            if " ".join(parent.text_content().split()) != text:
                break
            top = parent
        holder = top.getparent()
        if holder is None:
            continue
        plain = lxml.html.Element("div")
        for block in element_text(post).split("\n\n"):
            etree.SubElement(plain, "p").text = block
        plain.tail = top.tail
        holder.replace(top, plain)


def _drop_other_articles(page: lxml.html.HtmlElement) -> None:
    """Remove the ``<article>`` elements that are not the story. One nested in an article that
    has paragraphs of its own is, by HTML's definition, an item related to it (another post's
    teaser, a comment); when the headline's ``<h1>`` stands in an article with paragraphs of
    its own, the other articles on the page are other stories, told in paragraphs; an article
    beside it without any (a recipe's table of ingredients, its steps in a list) is more of the
    page's own matter. An ``<article>`` with no text of its own is a wrapper; what it holds
    stays, and so does any article with more text than the story's own, which may be the
    story's body after all — unless it has an ``<h1>`` of its own and the page's title names
    the story's: the next story a news site loads under the one the reader opened."""
    articles = list(page.iter("article"))
    own = {a: _own_paragraph_text(a) for a in articles}
    stories = [a for a in articles if own[a] >= _OWN_TEXT]
    sections = {story: _sections(story, own[story]) for story in stories}
    dropped = {
        inner
        for story in stories
        for inner in story.iterdescendants("article")
        if _paragraph_text(inner) < own[story] and inner not in sections[story]
    }
    headed = [s for s in stories if s not in dropped and next(s.iter("h1"), None) is not None]
    titled = [s for s in headed if _titled(s, page)] if len(headed) > 1 else headed
    if len(titled) == 1:
        story = titled[0]
        around = {*story.iterancestors("article"), *story.iterdescendants("article"), story}
        dropped.update(
            a
            for a in articles
            if a not in around and (0 < _paragraph_text(a) < own[story] or a in headed)
        )
    for article in dropped:
        if article.getparent() is not None and not dropped.intersection(article.iterancestors()):
            article.drop_tree()


def _titled(story: lxml.html.HtmlElement, page: lxml.html.HtmlElement) -> bool:
    """Whether the story's ``<h1>`` is the headline the page's ``<title>`` or its social
    cards (og:title, twitter:title) give, maybe followed by the site's name."""
    heading = " ".join(next(story.iter("h1")).text_content().split()).casefold()
    titles = [e.text_content() for e in page.iter("title")] + [
        m.get("content") or ""
        for m in page.iter("meta")
        if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")
    ]
    for title in (" ".join(t.split()).casefold() for t in titles):
        if heading and (title == heading or title_parts(title)[:1] == [heading]):
            return True
    return False


def _drop_story_cards(page: lxml.html.HtmlElement) -> None:
    """Remove the cards of other stories a page sets whole inside one link each (a headline,
    the opening paragraph, maybe a photo, all in an ``<a>`` to that story) when the page
    declares itself an article and has a story of its own beside them: ``CARD_STORY_WORDS``
    words of paragraphs outside any card. A story's own paragraphs never sit in a link with
    a heading; a page made of cards alone is a listing, and a product's or a service's page is
    made of such cards, which are what it has to read."""
    if not _declares_article(page):
        return
    cards = [
        link
        for link in page.iter("a")
        if not (link.get("href") or "#").strip().startswith("#")
        and next(link.iter(*_SUBHEADINGS, "h1"), None) is not None
        and next(link.iter("p"), None) is not None
    ]
    if not cards:
        return
    inside = {p for card in cards for p in card.iter("p")}
    outside = sum(len(p.text_content().split()) for p in page.iter("p") if p not in inside)
    if outside >= CARD_STORY_WORDS:
        for card in cards:
            if card.getparent() is not None:
                card.drop_tree()


def _declares_article(page: lxml.html.HtmlElement) -> bool:
    """Whether the page says it is an article: og:type "article", or a JSON-LD object of an
    article's type (``NewsArticle``, ``BlogPosting`` …)."""
    if any(
        (meta.get("property") or meta.get("name") or "").strip().lower() == "og:type"
        and (meta.get("content") or "").strip().lower() == "article"
        for meta in page.iter("meta")
    ):
        return True
    return any(
        _ARTICLE_TYPE.search(script.text or "")
        for script in page.iter("script")
        if (script.get("type") or "").strip().lower() == "application/ld+json"
    )


def _sections(story: lxml.html.HtmlElement, own: int) -> set[lxml.html.HtmlElement]:
    """The articles nested in ``story`` that are its sections, not items related to it: a
    buying guide's reviews of each product, each an ``<article>`` of ``SECTION_TEXT``
    characters of paragraphs or more (a teaser's opening is shorter), none a reader's
    comment, together longer than the story's own text (the guide's introduction)."""
    nested = [a for a in story.iterdescendants("article") if not _COMMENT.search(element_marks(a))]
    long = [a for a in nested if _paragraph_text(a) >= SECTION_TEXT]
    if len(long) < SECTIONS or sum(_paragraph_text(a) for a in long) <= own:
        return set()
    return set(long)


def _paragraph_text(element: lxml.html.HtmlElement) -> int:
    return sum(len(p.text_content().strip()) for p in element.iter("p"))


def _own_paragraph_text(article: lxml.html.HtmlElement) -> int:
    """How many characters of paragraphs ``article`` holds outside the articles nested in it."""
    own = 0
    for paragraph in article.iter("p"):
        holder = next(a for a in paragraph.iterancestors("article"))
        if holder is article:
            own += len(paragraph.text_content().strip())
    return own


def _is_hover_card(element: lxml.html.HtmlElement) -> bool:
    """A card or tooltip element (by its class, not a word that has one: ``has-tooltip``; or by
    its shape) that follows text of its own parent, as a card after the name it describes."""
    names = f"{element.get('class', '')} {element.get('role', '')}".lower().split()
    named = any(_HOVER_CARD.search(name) and not name.startswith("has-") for name in names)
    if not named and not _card_shaped(element):
        return False
    parent = element.getparent()
    before = element.getprevious()
    text_before = before.tail if before is not None else (parent.text if parent is not None else "")
    return bool((text_before or "").strip() or before is not None)


def _card_shaped(element: lxml.html.HtmlElement) -> bool:
    """An inline span after a link, holding a photo and several links: a pop-up card whatever
    its class is called (a portrait, the full name, the person's latest articles)."""
    if element.tag != "span" or element.getprevious() is None:
        return False  # a card comes right after the link it describes
    inner = [e.tag for e in element.iterdescendants() if isinstance(e.tag, str)]
    return "img" in inner and inner.count("a") >= 2


def _standfirsts(page: lxml.html.HtmlElement) -> list[str]:
    """Sub-headings set right under a headline (after the ``<h1>`` and at most a short byline
    or date line): the standfirst that sums the story up above it, not a paragraph of it. A
    short one ("Latest") may be the first section's heading instead."""
    found = []
    for headline in page.iter("h1"):
        following = (e for e in headline.itersiblings() if isinstance(e.tag, str))
        for sibling in islice(following, _STANDFIRST_PLACE):
            text = " ".join(sibling.text_content().split())
            if sibling.tag in _SUBHEADINGS and len(text.split()) >= _STANDFIRST_WORDS:
                found.append(text)
            if len(text.split()) > _BYLINE_WORDS or sibling.tag in _SUBHEADINGS:
                break  # past a byline or date line, the story has begun
    return found


def _headline(candidates: list[str], declared: dict[str, list[str]], sites: set[str]) -> str:
    """The first candidate title that is more than the site's own name, without the site's
    name and a section it declares at the end; a page that declares nothing else keeps what it
    has."""
    for candidate in candidates:
        title = clean_title(candidate, declared["site"], sites, declared["section"])
        if title and not is_site_name(title, sites, exact=True):
            return _shown(title, candidates)
    return next((c for c in candidates if c.strip()), "")


def _sole_headline(page: lxml.html.HtmlElement, declared: dict[str, list[str]], line: str) -> str:
    """The page's one ``<h1>``, which readers see as the headline, when it has only one, it
    comes before the story's longest ``line``, and it tells the story the declared titles
    tell: those are often a search engine's variant ("Best Health Insurance Companies 2025 -
    Top 25 Ranked" over "List of Top Health Insurance Companies"). An old blog's one ``<h1>``
    is its name ("The BLT: The Blog of Legal Times" over the post's "Williams Mullen Adds New
    Top Lobbyist…"), which shares no word with them (``_fits``) or is a middle part of one
    ("Post - Blog - Site"); a box's heading after the story is none ("Save & Share this
    Article"). A heading of fewer than ``HEADLINE_WORDS`` words is a label more often."""
    headings = [h for h in page.iter("h1") if h.text_content().strip()]
    if len(headings) != 1:
        return ""
    heading = deepcopy(headings[0])
    for stamp in list(heading.iter("time")):
        stamp.drop_tree()  # the date a blog sets inside its headline ("Dec 18 2025 Preparing …")
    shown = joined_pieces(heading.itertext())
    if len(shown.split()) < HEADLINE_WORDS or not _above(page, shown, line):
        return ""
    folded = shown.casefold()
    others = [t for t in declared["title"] if not t.casefold().startswith(folded)]
    names = {site.casefold() for site in declared["site"]}
    names |= {part.casefold() for title in others for part in title_parts(title)[1:-1]}
    if names & {folded, title_parts(shown)[0].casefold()}:
        return ""
    return shown if _fits(shown, others) else ""


def joined_pieces(pieces: Iterable[str]) -> str:
    """The pieces of text of an inline run as one line: a space between two pieces that
    would otherwise run together ("Kicker" "Headline"), none before a separator a headline
    hides for screen readers ("Kicker" ": " "Headline", not "Kicker : Headline")."""
    out = ""
    for piece in pieces:
        if (
            out
            and piece
            and not (out[-1].isspace() or piece[0].isspace())
            and piece[0] not in _ATTACHED
            and out[-1] not in _OPENING
        ):
            out += " "
        out += piece
    return " ".join(out.split())


def _above(page: lxml.html.HtmlElement, heading: str, line: str) -> bool:
    """Whether the page shows ``heading`` before ``line`` (or does not show the line as such:
    a paragraph recovered from the page's metadata)."""
    text = " ".join(" ".join(page.itertext()).split())
    story = text.find(" ".join(line.split())[:_LINE_OPENING])
    return story < 0 or 0 <= text.find(heading) < story


def _shown(title: str, candidates: list[str]) -> str:
    """``title`` without its last parts after a separator when the page also declares the
    rest alone (its ``<h1>``): "How meditation rewires brains … | Opinion", "What do people
    love about Rust? | Rust Blog", the section or the blog named after the headline where
    the site's own name is something else."""
    folded = title.casefold()
    heads = (" ".join(c.split()) for c in candidates)
    for head in sorted({h for h in heads if len(h.split()) >= _LABEL_WORDS}, key=len):
        rest = folded[len(head) :] if folded.startswith(head.casefold()) else ""
        if rest and _SEPARATED.match(rest):
            return head
    return title


def _fits(title: str, declared: list[str]) -> bool:
    """Whether the extractor's title is the page's headline as its declared titles have it,
    each without its last part after a separator (the site's name: "… : Krimiblog-Archiv").
    A title as short as a label must share half its words with one of them: a heading over a
    section ("Allgemein", "Hauptmenü", "Cart") shares nothing. A longer one must share a word
    of more than three letters once a declared title reads as a headline: a box's heading
    ("More From Thought Catalog", "Join the Discussion") is what the extractor takes when the
    page has several ``<h1>``. A page that declares no other title leaves nothing to check
    (the label itself may be one of the page's ``<h1>``)."""
    words = set(_TITLE_WORD.findall(title.casefold()))
    others = [d for d in declared if d.strip().casefold() != title.strip().casefold()]
    if not words or not others:
        return True
    heads = [_headline_words(other) for other in others]
    if len(title.split()) > _LABEL_WORDS:
        if all(len(head) < HEADLINE_WORDS for head in heads):
            return True
        return any(len(word) > _SHORT_WORD for head in heads for word in words & head)
    return max(len(words & head) for head in heads) * 2 >= len(words)


def _headline_words(title: str) -> set[str]:
    """The words of a declared title, less its last part when it has several (the site's)."""
    parts = title_parts(title)
    head = " ".join(parts[:-1]) if len(parts) > 1 else title
    return set(_TITLE_WORD.findall(head.casefold()))


def _declared(page: lxml.html.HtmlElement, linked_data: list[dict]) -> dict[str, list[str]]:
    """What the page says about itself: ``title`` (og:title, twitter:title, ``<title>``, the
    first ``<h1>``), ``site`` (og:site_name, application-name, JSON-LD publisher), ``url``
    (``<link rel=canonical>``, og:url) and ``language`` (``<html lang>``, og:locale), each in
    that order of trust; and ``writer``, as the rows of its Twitter card give it ("Written by":
    "Chase Bernath", as SEO plugins write it on millions of pages)."""
    found: dict[str, list[str]] = {
        "title": [], "site": [], "url": [], "language": [], "writer": [], "section": [],
    }  # fmt: skip
    keys = {
        "og:title": "title", "twitter:title": "title", "og:site_name": "site",
        "application-name": "site", "og:url": "url", "og:locale": "language",
        "article:section": "section", "section": "section", "category": "section",
        "content_category": "section",
    }  # fmt: skip
    if (page.get("lang") or "").strip():
        found["language"].append(page.get("lang", "").strip())
    labels: dict[str, str] = {}  # Twitter's card rows: "twitter:label1" names "twitter:data1"
    for meta in page.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        key = keys.get(name)
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            found[key].append(content)
        if row := _CARD_ROW.fullmatch(name):
            labels[row[0]] = content
    found["writer"] = [
        data
        for label, data in labels.items()
        if label.startswith("twitter:data")
        and _WRITTEN_BY.fullmatch(labels.get(label.replace("data", "label", 1), ""))
        and data
    ]
    found["title"] += [" ".join(e.text_content().split()) for e in page.iter("title", "h1")]
    for link in page.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found["url"].insert(0, link.get("href", "").strip())
    found["url"] = [u for u in found["url"] if u.startswith(("http://", "https://"))]
    found["site"] += _publishers(linked_data) + _mastheads(page)
    found["site"] = _not_headlines(found["site"], found["title"], next(iter(found["url"]), ""))
    found["section"] += _linked_sections(linked_data)
    return found


def _not_headlines(sites: list[str], titles: list[str], url: str) -> list[str]:
    """The declared site names less a headline put in their place (MSN's and Yahoo's pages
    give the story's title as ``og:site_name``), which made the headline pass for the site's
    name and the page take a section label for its title: a name that is the page's
    first title, in one part, and does not hold its domain's name. (A site's name often is one
    of its titles: its ``<h1>`` masthead, or a title "Headline | Site" declared whole.)"""
    if not titles or not url or len(title_parts(titles[0])) > 1:
        return sites
    headline = titles[0].casefold()
    return [s for s in sites if s.casefold() != headline or names_domain(s, url)]


def _site_links(page: lxml.html.HtmlElement, urls: list[str]) -> list[str]:
    """The text of the page's links to its own site's pages (of each address it declares: a
    story one paper shares with another names both): what related-story blocks and menus are
    made of. A link to another site or to a file (the patches a post lists, the PDFs a guide
    offers) is a source the story gives, and one to a place in the page a table of contents
    or a heading's anchor, not furniture."""
    sites = {domain(url) for url in urls} - {""}
    own = {"", *(urlsplit(url).path.rstrip("/") for url in urls)}
    texts = []
    for a in page.iter("a"):
        target = _address(a)
        if target.path.lower().endswith(_FILES) or (
            target.fragment and target.path.rstrip("/") in own
        ):
            continue  # a file, or a place in this page (a heading linked to itself)
        if sites and target.hostname and domain(f"https://{target.hostname}/") not in sites:
            continue
        texts.append(a.text_content())
    return texts


def _address(link: lxml.html.HtmlElement) -> SplitResult:
    """A link's parsed address; a malformed one ("http://[menu]") as none."""
    try:
        return urlsplit((link.get("href") or "").strip())
    except ValueError:
        return urlsplit("")


def _most_linked_site(page: lxml.html.HtmlElement) -> str:
    """The address of the site a page links to most: its own, when it does not declare it
    (menus, sections and the logo all link home)."""
    hosts = Counter(
        host.removeprefix("www.") for a in page.iter("a") if (host := _address(a).hostname or "")
    )
    return f"https://{hosts.most_common(1)[0][0]}/" if hosts else ""


def _mastheads(page: lxml.html.HtmlElement) -> list[str]:
    """The site's name set as a heading: an ``<h1>`` linking to the home page, or one marked
    as the site's title or logo ("엔터 미디어" above a Korean story), which is never the
    headline."""
    names = []
    for heading in page.iter("h1"):
        marks = f"{heading.get('id', '')} {heading.get('class', '')}".lower()
        home = any(
            a.tag == "a" and (a.get("href") or "").strip() in ("/", "./")
            for a in (*heading.iterancestors(), *heading.iter("a"))
        )
        if home or _MASTHEAD.search(marks):
            names.append(" ".join(heading.text_content().split()))
    return [n for n in names if n]


def _own_writers(linked_data: list[dict], titles: list[str], author: str) -> str:
    """The writers of the page's own article when its JSON-LD describes several (a list of
    teasers, each with its writer), where the extractor gathers every article's writers into
    one byline of a dozen names; ``author`` otherwise."""
    articles = _linked_articles(linked_data, "Article")
    if len({item["headline"] for item in articles}) < 2:
        return author
    own = _own_article(articles, titles)
    return "; ".join(_person_names(own.get("author"))) if own else author


def _linked_writers(linked_data: list[dict], titles: list[str]) -> str:
    """The people the page's JSON-LD names as its own article's writers, "; "-separated: the
    byline search engines are given, which the extractor misses when the page's shown byline
    is the outlet ("USA TODAY") or a newsletter's layout hides it. Organisations are left
    out: a byline names people."""
    articles = [a for a in _linked_articles(linked_data, "") if a.get("author")]
    one = len({a["headline"] for a in articles}) == 1
    own = articles[0] if one else _own_article(articles, titles)
    if own is None:
        return ""
    authors = own.get("author")
    people = [
        a for a in (authors if isinstance(authors, list) else [authors])
        if isinstance(a, str) or (isinstance(a, dict) and "Organization" not in str(a.get("@type")))
    ]  # fmt: skip
    return "; ".join(_person_names(people))


def _linked_articles(linked_data: list[dict], kind: str) -> list[dict]:
    """The JSON-LD objects with a headline whose type names ``kind`` (any type for "")."""
    return [
        item
        for item in linked_data
        if kind in str(item.get("@type")) and isinstance(item.get("headline"), str)
    ]


def _own_article(articles: list[dict], titles: list[str]) -> dict | None:
    """Of several described articles, the page's own: the one article whose headline opens
    one of the page's titles."""
    keys = [_title_key(t) for t in titles]
    own = [a for a in articles if any(k.startswith(_title_key(a["headline"])) for k in keys)]
    return own[0] if len({_title_key(a["headline"]) for a in own}) == 1 else None


def _title_key(title: str) -> str:
    return " ".join(_TITLE_WORD.findall(unescape(title).casefold()))


def _person_names(author: object) -> list[str]:
    """The names in a JSON-LD ``author``: a name, a person, or a list of either."""
    if isinstance(author, str):
        return [author]
    if isinstance(author, dict):
        return _person_names(author.get("name"))
    if isinstance(author, list):
        return [name for item in author for name in _person_names(item)]
    return []


def _linked_sections(linked_data: list[dict]) -> list[str]:
    """The sections the page's JSON-LD files its story under (``articleSection``)."""
    sections: list[str] = []
    for item in linked_data:
        named = item.get("articleSection")
        for section in named if isinstance(named, list) else [named]:
            if isinstance(section, str) and section.strip():
                sections.append(section.strip())
    return sections


def _publishers(linked_data: list[dict]) -> list[str]:
    """Publisher names in the page's JSON-LD blocks."""
    names: list[str] = []
    for item in linked_data:
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
            if len(names) == _MAX_PUBLISHERS:
                break
    return names


def _declared_body(linked_data: list[dict], lines: list[str]) -> list[str]:
    """The story as the page's JSON-LD gives it (``articleBody``) instead of a short text, when
    it is at least twice as long: a page built by its scripts holds little text in its HTML
    but the whole story in its metadata for search engines."""
    body = _declared_text(linked_data)
    declared = [line.strip() for line in body.splitlines() if line.strip()]
    return declared if _length(declared) >= 2 * _length(lines) else lines


def _declared_text(linked_data: list[dict]) -> str:
    """The longest ``articleBody`` of the page's JSON-LD, as text."""
    bodies = [b for b in (item.get("articleBody") for item in linked_data) if isinstance(b, str)]
    body = max(bodies, key=len, default="")
    return html_fragment_text(body) if "<" in body else body


def _json_ld(page: lxml.html.HtmlElement) -> list[dict]:
    """Every object in the page's JSON-LD blocks, nested ones included; read once per page,
    as the title, site, writers and declared story each look in them."""
    items: list[dict] = []
    for script in page.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                items.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return items
