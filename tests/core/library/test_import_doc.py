"""Old Word documents (.doc) import as their text, text boxes and notes, with their own title,
author and date.

The files are Apache POI's test documents (``tests/data/word-97``): no library here writes the
format."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from desktop.core.library.importers import detect_format, read_articles
from desktop.core.library.importers.word_binary import document_blocks
from tests.core.library.outlook_files import compound_file
from tests.core.library.refusals import assert_refused
from tests.core.library.vendored import DATA, vendored

SAMPLES = DATA / "word-97"
sample = partial(vendored, "word-97")


def test_a_word_97_document_imports_with_its_properties(tmp_path: Path) -> None:
    (article,) = read_articles(sample(tmp_path, "SampleDoc.doc"))
    assert (article.title, article.byline, article.published) == (
        "Test Document",
        "Nick Burch",
        "2008-01-04",
    )
    assert article.text.split("\n\n") == [
        "I am a test document",
        "This is page 1",
        "I am Calibri (Body) in font size 11",
        "This is page two",
        "It’s Arial Black in 16 point",
        "It’s also in blue",
    ]


def test_a_table_reads_a_row_per_paragraph_with_its_cells_apart(tmp_path: Path) -> None:
    (article,) = read_articles(sample(tmp_path, "simple-table.doc"))
    rows = article.text.split("\n\n")
    assert rows[1:3] == ["Cell 1,1 | Cell 1,2 | Cell 1,3", "Cell 2,1 | Cell 2,2 | Cell 2,3"]


def test_text_and_properties_in_other_scripts_read_as_written(tmp_path: Path) -> None:
    (japanese,) = read_articles(sample(tmp_path, "Bug34898.doc"))  # properties in UTF-8
    assert japanese.title == "ディレクトリ"
    # Word 95: 8-bit text in code page 1251, which the file itself calls English.
    (russian,) = read_articles(sample(tmp_path, "Bug49933.doc"))
    assert russian.title == "Вина Молдовы для Вас!!!"
    assert russian.text.startswith("Компания Аскат М\n\nпредлагает со склада в Москве")


def test_notes_follow_the_text_under_their_headings_numbered(tmp_path: Path) -> None:
    """A report's sources stand in its footnotes: they come after the text, footnotes, then
    endnotes, then a reviewer's comment with its author, never as the title."""
    (article,) = read_articles(sample(tmp_path, "footnote.doc"))
    assert article.title == "footnote"
    assert article.text.split("\n\n") == [
        "Test text",
        "Footnotes",
        "1. TestFootnote",
        "Endnotes",
        "1. TestEndnote",
        "Comments",
        "1. Maxim Valyanskiy: TestComment",
    ]


def test_what_reviewers_deleted_is_out_of_the_text_and_listed_with_who(tmp_path: Path) -> None:
    """Word keeps a tracked deletion in the text, marked in its character properties: read as
    plain text, "While" changed to "When" came out as "Whenile" and deleted sentences stood in
    the text. They are left out and listed after it, as a .docx's are."""
    (article,) = read_articles(sample(tmp_path, "MarkAuthorsTable.doc"))
    text, changes = article.text.split("\n\nTracked changes\n\n")
    assert "When the overall framework avoids" in text and "Whenile" not in text
    assert "The two top level models making up the framework are:" not in text
    assert "A. I Project Management Team Model" in text  # "The" out, "I" in
    assert changes.split("\n\n")[:5] == [
        "1. Deleted by BSanders: “inserted from the Project Workflow Overview document.”",
        "2. Inserted by Ryan Lauck: “my insert”",
        "3. Inserted by a reviewer: “, other than unforeseen catastrophes”",
        "4. Deleted by BSanders: “The two top level models making up the framework are:”",
        "5. Inserted by a reviewer: “I”",
    ]


def test_a_word_under_its_phonetic_guide_reads_as_the_word(tmp_path: Path) -> None:
    """Word keeps a ruby (a phonetic guide) in a .doc as an EQ field with no stored result, so
    the word was lost with the field's code: "holds no text"."""
    (article,) = read_articles(vendored("word-97-tika", tmp_path, "testWORD_phonetic.doc"))
    assert article.text == "東京"


def test_a_document_whose_words_are_all_in_its_header_reads_them(tmp_path: Path) -> None:
    path = vendored("word-97-tika", tmp_path, "testWORD_header_hyperlink.doc")
    (article,) = read_articles(path)
    assert article.text == "ab@example.com\n\nhttp://tw-systemhaus.de"


def test_each_note_and_comment_is_numbered_apart_and_keeps_its_paragraphs() -> None:
    parts = {
        "text": "The rate doubled.\x02 It fell again.\x02\r",
        "footnotes": "\x02 Census, 2020.\r\x02 Ibid., p.\x1e7.\rSee also the annex.\r\r",
        "comments": "\x05Check the rate.\r\x05 Source?\r\r",
    }
    assert document_blocks(parts, ["Ana Ruiz"]) == [
        ("The rate doubled. It fell again.", False),
        ("Footnotes", False),
        ("1. Census, 2020.", False),
        ("2. Ibid., p.-7.\n\nSee also the annex.", False),
        ("Comments", False),
        ("1. Ana Ruiz: Check the rate.", False),
        ("2. A reviewer: Source?", False),  # its author's name is not recorded
    ]


def test_a_document_whose_words_all_stand_in_a_text_box_imports_them(tmp_path: Path) -> None:
    """Its main text is only the text box's anchor (a SHAPE field)."""
    (article,) = read_articles(sample(tmp_path, "Bug41898.doc"))
    assert article.text.split("\n\n") == ["This is a line of text.", "すれはテキスト行です。"]


def test_a_word_6_document_imports(tmp_path: Path) -> None:
    (article,) = read_articles(sample(tmp_path, "Word6.doc"))
    assert article.text == "The quick brown fox jumps over the lazy dog"


def test_an_old_document_under_a_docx_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    (article,) = read_articles(sample(tmp_path, "SampleDoc.doc", "renamed.docx"))
    assert article.title == "Test Document"


def test_encrypted_documents_are_refused_with_a_hint(tmp_path: Path) -> None:
    assert_refused(sample(tmp_path, "PasswordProtected.doc"), r"encrypted \(password-protected\)")
    # An encrypted .docx is a compound file too, of an encrypted package.
    locked = tmp_path / "locked.docx"
    locked.write_bytes(compound_file({"EncryptionInfo": b"\4\0\4\0", "EncryptedPackage": b"x"}))
    assert_refused(locked, r"encrypted \(password-protected\) — save an unprotected copy")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (compound_file({"Book": b"\0" * 64}), "not a Word document"),
        (compound_file({"WordDocument": b"\0" * 64}), "not a Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "not a Word document"),
    ],
)
def test_a_file_that_is_no_word_document_is_refused(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "broken.doc"
    path.write_bytes(data)
    assert_refused(path, reason)


def test_a_damaged_word_document_is_refused_not_crashed(tmp_path: Path) -> None:
    data = bytearray((SAMPLES / "SampleDoc.doc").read_bytes())
    data[0x1A2 + 512 : 0x1AA + 512] = b"\xff" * 8  # the piece table's place, past the file
    path = tmp_path / "damaged.doc"
    path.write_bytes(bytes(data))
    assert_refused(path, "a damaged Word document")


def test_a_word_document_without_a_suffix_is_known_by_its_first_bytes() -> None:
    data = (SAMPLES / "SampleDoc.doc").read_bytes()
    assert detect_format(Path("memo"), data) == "doc"


def test_summary_properties_are_read_within_bounds() -> None:
    """olefile's own reader walked a damaged vector property's four billion values, filling
    memory for minutes (found by `make fuzz`); the title, author and date are read alone."""
    import struct

    from desktop.core.library.importers.compound_files import _summary_values

    title = b"Budget\x00"
    entries = [(2, 30, struct.pack("<I", len(title)) + title), (7, 0x101E, b"\xff\xff\xff\xff")]
    count = 0xFFFFFFFF  # a damaged count of properties
    table = b"".join(struct.pack("<II", key, 0) for key, _, _ in entries)
    offsets, values = [], b""
    for key, kind, value in entries:
        offsets.append((key, 8 + len(table) + len(values)))
        values += struct.pack("<I", kind) + value
    section = struct.pack("<II", 0, count) + b"".join(struct.pack("<II", k, o) for k, o in offsets)
    data = b"\0" * 44 + struct.pack("<I", 48) + section + values
    assert _summary_values(data)[2] == title
