"""Old PowerPoint presentations (.ppt) import as their slides' text, in the order shown, with
their speaker notes.

The files are Apache POI's test presentations (``tests/data/powerpoint-97``): no library here
writes the format. Their expected text is the one POI's own extractor tests assert."""

from __future__ import annotations

import struct
from functools import partial
from pathlib import Path

import olefile

from desktop.core.library.importers import detect_format, read_articles
from tests.core.library.outlook_files import compound_file
from tests.core.library.refusals import assert_refused
from tests.core.library.vendored import DATA, vendored

SAMPLES = DATA / "powerpoint-97"
sample = partial(vendored, "powerpoint-97")


def test_slides_import_with_titles_bodies_notes_and_properties(tmp_path: Path) -> None:
    (article,) = read_articles(sample(tmp_path, "basic_test_ppt_file.ppt"))
    assert (article.title, article.byline, article.published) == (
        "This is a test title",
        "Hogwarts",
        "2005-05-13",
    )
    assert article.text.split("\n\n") == [
        "Slide 1 — This is a test title",
        "This is a test subtitle",
        "This is on page 1",
        "Speaker notes",
        "These are the notes for page 1",
        "Slide 2 — This is the title on page 2",
        "This is page two",
        "It has several blocks of text",
        "None of them have formatting",
        "Speaker notes",
        "These are the notes on page two, again lacking formatting",
    ]


def _hide_slide(path: Path, record_at: int) -> None:
    """Turn the record at ``record_at`` of the document stream (a colour scheme inside a slide)
    into that slide's show settings with the hidden flag, as PowerPoint writes for a slide
    hidden from the show (SSSlideInfoAtom: flags at byte 10, hidden = bit 2). Same size, so
    the file stays whole."""
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        document = bytearray(ole.openstream("PowerPoint Document").read())
        assert struct.unpack_from("<H", document, record_at + 2) == (0x07F0,)  # ColorSchemeAtom
        struct.pack_into("<HH", document, record_at, 0, 0x03F9)
        struct.pack_into("<H", document, record_at + 8 + 10, 1 << 2)
        ole.write_stream("PowerPoint Document", bytes(document))


def test_a_slide_hidden_from_the_show_is_read_and_said_to_be_hidden(tmp_path: Path) -> None:
    path = sample(tmp_path, "basic_test_ppt_file.ppt")
    _hide_slide(path, 10434)  # inside the newest version of the second slide
    lines = read_articles(path)[0].text.split("\n\n")
    assert lines[0] == "Slide 1 — This is a test title"
    assert lines[5:7] == ["Slide 2 (hidden) — This is the title on page 2", "This is page two"]


def test_text_boxes_are_read_in_drawing_order(tmp_path: Path) -> None:
    (article,) = read_articles(sample(tmp_path, "with_textbox.ppt"))
    assert article.text.split("\n\n") == [
        "Slide 1",
        "Hello, World!!!",
        "I am just a poor boy",
        "This is Times New Roman",
        "Plain Text",
    ]
    # Its title property is PowerPoint's filling ("PowerPoint Presentation"), not a title: with
    # no slide title, the file's name stands in, as for a text file.
    assert article.title == "with textbox"


def test_slides_come_in_the_order_shown_not_the_order_stored(tmp_path: Path) -> None:
    (article,) = read_articles(sample(tmp_path, "incorrect_slide_order.ppt"))
    assert article.text.split("\n\n") == [
        "Slide 1 — Slide 1",
        "First slide I added",
        "Slide 2 — Slide 2",
        "Third slide I added",
        "Slide 3 — Slide 3",
        "Second slide I added",
    ]


def test_dates_footers_and_slide_numbers_stay_out_of_slides_and_notes(tmp_path: Path) -> None:
    """Saved by PowerPoint 2007 in the old format: each slide and notes page carries a date,
    a footer ("THE FOOTER TEXT", a slide's own custom one) and a slide-number field."""
    (article,) = read_articles(sample(tmp_path, "headers_footers_2007.ppt"))
    assert article.text.split("\n\n")[:15] == [
        "Slide 1 — Slide 1",
        "First point",
        "Second point",
        "Third point",
        "Speaker notes",
        "Notes for Slide 1:",
        "Note 1",
        "Note 2",
        "Note 3",
        "Slide 2 — Slide 2",
        "Point 1 of slide 2",
        "Point 2 of slide 2",
        "Speaker notes",
        "Notes:",
        "For this slide, we’ve defined its own custom footer.",
    ]
    assert "FOOTER TEXT" not in article.text and "2008" not in article.text
    assert "*" not in article.text


def test_an_old_presentation_under_a_pptx_name_or_none_is_read(tmp_path: Path) -> None:
    renamed = sample(tmp_path, "basic_test_ppt_file.ppt", saved_as="briefing.pptx")
    assert read_articles(renamed)[0].title == "This is a test title"
    data = (SAMPLES / "basic_test_ppt_file.ppt").read_bytes()
    assert detect_format(Path("briefing"), data) == "ppt"


def test_encrypted_older_and_foreign_files_are_refused_with_a_hint(tmp_path: Path) -> None:
    assert_refused(
        sample(tmp_path, "Password_Protected-hello.ppt"),
        r"the presentation is encrypted \(password-protected\) — save an unprotected copy",
    )
    old = tmp_path / "1996.ppt"
    old.write_bytes(compound_file({"Header": b"\0" * 64, "PowerPoint Document": b"\0" * 64}))
    assert_refused(old, "a PowerPoint 95 presentation or older — save it as .pptx")
    other = tmp_path / "sheet.ppt"
    other.write_bytes(compound_file({"Workbook": b"\0" * 64}))
    assert_refused(other, r"not a PowerPoint presentation \(no PowerPoint Document\)")
    damaged = tmp_path / "cut.ppt"
    damaged.write_bytes(compound_file({"PowerPoint Document": b"\0" * 64}))
    assert_refused(damaged, r"a damaged PowerPoint presentation \(no Current User stream\)")
