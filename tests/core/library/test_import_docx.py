"""Word .docx import: paragraphs, headings and tables in order, and the document's properties."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.selftest import DOCX_PARAGRAPH, one_paragraph_docx
from tests.core.library.documents import docx_bytes


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_docx_reads_paragraphs_tables_and_properties(tmp_path: Path) -> None:
    data = docx_bytes(
        title="Council budget leak",
        author="Jo Bloggs",
        paragraphs=("The council plans to cut the library budget.", "A vote is due."),
    )
    (article,) = read_articles(write(tmp_path / "leak.docx", data))
    assert article.title == "Council budget leak"
    assert article.byline == "Jo Bloggs"
    assert article.published == "2024-03-05"
    assert article.text == (
        "The council plans to cut the library budget.\n\nA vote is due.\n\n"
        "Year | Budget\n\n2024 | 1.2m\n\nNext steps\n\nThe council votes in May."
    )


def test_docx_without_a_title_takes_its_first_heading(tmp_path: Path) -> None:
    data = docx_bytes(heading="Dams at risk", paragraphs=("Three dams need repairs.",))
    (article,) = read_articles(write(tmp_path / "x.docx", data))
    assert article.title == "Dams at risk"
    assert article.text.startswith("Three dams need repairs.")


def test_truncated_docx_is_a_clear_failure(tmp_path: Path) -> None:
    data = docx_bytes(paragraphs=("Some text.",))
    path = write(tmp_path / "cut.docx", data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match=r"not a valid Word \.docx file \(damaged"):
        read_articles(path)


def test_docx_with_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:document>'
    )
    original = zipfile.ZipFile(io.BytesIO(docx_bytes(paragraphs=("x",))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in original.namelist():
            data = bomb if name == "word/document.xml" else original.read(name)
            archive.writestr(name, data)
    path = write(tmp_path / "bomb.docx", out.getvalue())
    with pytest.raises(UnreadableFile, match="refused for safety"):
        read_articles(path)


def test_a_zip_that_is_no_word_document(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(UnreadableFile, match=r"not a Word \.docx document"):
        read_articles(write(tmp_path / "fake.docx", out.getvalue()))


def test_a_docx_without_properties_gets_no_made_up_title(tmp_path: Path) -> None:
    """python-docx invents "Word Document" as the title of a file without a properties part."""
    (article,) = read_articles(write(tmp_path / "board-minutes.docx", one_paragraph_docx()))
    assert article.title == "board minutes"
    assert article.text == DOCX_PARAGRAPH
