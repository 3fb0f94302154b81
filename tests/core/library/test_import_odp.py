"""OpenDocument presentations (.odp) import as their slides' text, in order, with their
speaker notes, the way a PowerPoint deck does."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importers import detect_format, read_articles
from tests.core.library.documents import ODP_MIMETYPE, odt_bytes
from tests.core.library.refusals import assert_refused


def frame(paragraphs: list[str], kind: str = "") -> str:
    """A text frame as Impress writes it; ``kind`` its placeholder class."""
    role = f' presentation:class="{kind}"' if kind else ""
    text = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return f"<draw:frame{role}><draw:text-box>{text}</draw:text-box></draw:frame>"


def page(*shapes: str, notes: list[str] | None = None, style: str = "") -> str:
    said = (
        f"<presentation:notes><draw:page-thumbnail/>{frame(notes, 'notes')}</presentation:notes>"
        if notes
        else ""
    )
    styled = f' draw:style-name="{style}"' if style else ""
    return f'<draw:page draw:name="page"{styled}>{"".join(shapes)}{said}</draw:page>'


DECK = "".join(
    [
        page(frame(["Harbour bridge"], "title"), frame(["Press briefing"], "subtitle")),
        page(
            frame(["Repairs and costs"], "title"),
            "<draw:frame><draw:text-box><text:list><text:list-item><text:p>Cracks in two"
            " girders</text:p></text:list-item></text:list></draw:text-box></draw:frame>",
            "<draw:frame><table:table><table:table-row><table:table-cell><text:p>Lorries"
            "</text:p></table:table-cell><table:table-cell><text:p>A17</text:p>"
            "</table:table-cell></table:table-row></table:table></draw:frame>",
            frame(["17/01/2025"], "date-time"),
            frame(["2"], "page-number"),
            notes=["Both girders cracked in the storm.", "Repairs start in March."],
        ),
        page(),  # a picture only
    ]
)
META = "<dc:creator>Harbour Authority</dc:creator><dc:date>2025-01-17T16:20:00</dc:date>"


def deck(body: str = DECK) -> bytes:
    return odt_bytes(body, meta=META, kind="presentation", mimetype=ODP_MIMETYPE)


def test_slides_import_in_order_with_titles_tables_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "briefing.odp"
    path.write_bytes(deck())
    (article,) = read_articles(path)
    assert (article.title, article.byline, article.published) == (
        "Harbour bridge",
        "Harbour Authority",
        "2025-01-17",
    )
    assert article.text.split("\n\n") == [
        "Slide 1 — Harbour bridge",
        "Press briefing",
        "Slide 2 — Repairs and costs",
        "Cracks in two girders",
        "Lorries | A17",  # not its date and page number
        "Speaker notes",
        "Both girders cracked in the storm.",
        "Repairs start in March.",
    ]


def test_a_slide_hidden_from_the_show_is_read_and_said_to_be_hidden(tmp_path: Path) -> None:
    hiding = (
        '<style:style style:name="dp2" style:family="drawing-page">'
        '<style:drawing-page-properties presentation:visibility="hidden"/></style:style>'
        '<style:style style:name="dp1" style:family="drawing-page">'
        '<style:drawing-page-properties presentation:visibility="visible"/></style:style>'
    )
    body = page(frame(["Budget"], "title"), style="dp1") + page(
        frame(["Cuts not yet announced"], "title"), frame(["Two depots close"]), style="dp2"
    )
    path = tmp_path / "deck.odp"
    path.write_bytes(odt_bytes(body, kind="presentation", mimetype=ODP_MIMETYPE, styles=hiding))
    (article,) = read_articles(path)
    assert article.text.split("\n\n") == [
        "Slide 1 — Budget",
        "Slide 2 (hidden) — Cuts not yet announced",
        "Two depots close",
    ]


def test_a_presentation_without_a_suffix_is_known_by_its_mimetype() -> None:
    assert detect_format(Path("briefing"), deck()) == "odp"


def test_a_presentation_without_text_or_that_is_a_text_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "pictures.odp"
    empty.write_bytes(deck(page() + page()))
    assert_refused(empty, "the presentation holds no text")
    text = tmp_path / "letter.odp"
    text.write_bytes(odt_bytes("<text:p>Dear editor,</text:p>"))
    assert_refused(text, r"not an OpenDocument presentation \(no slides; a text\?\)")
