"""Types Dossier does not import are refused by name, never stored as text; formats are told
from content when a file has no suffix; containers that would unpack too far are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.library.importers import (
    SUPPORTED_KINDS,
    UnreadableFile,
    UnsupportedFile,
    archive,
    read_articles,
)
from tests.cli_runner import run
from tests.core.library.documents import docx_bytes, email_message, odt_bytes, pdf_report, zip_bytes


@pytest.mark.parametrize("name", ["page.php", "photo.JPG", "letter.pages", "notes.log"])
def test_a_named_file_of_another_type_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<?php echo 'Some text that must not become an article.'; ?>")
    with pytest.raises(UnsupportedFile) as failure:
        read_articles(path)
    suffix = Path(name).suffix.lower()
    assert str(failure.value) == (
        f"{path}: unsupported file type ({suffix}) — Dossier imports {SUPPORTED_KINDS}"
    )


def test_a_pdf_is_never_stored_as_its_bytes(tmp_path: Path) -> None:
    """Regression (issue 14): a PDF named explicitly became an article titled "%PDF-1.4"."""
    path = pdf_report(tmp_path / "report.pdf", [["The only line of the report."]])
    (article,) = read_articles(path)
    assert "%PDF" not in article.title + article.text
    download = tmp_path / "download"  # no suffix: told by its first bytes
    download.write_bytes(path.read_bytes())
    (found,) = read_articles(download)
    assert found.text == article.text


def test_a_word_file_without_a_suffix_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "attachment"
    path.write_bytes(docx_bytes(title="Memo", paragraphs=("The memo's text.",)))
    (article,) = read_articles(path)
    assert article.title == "Memo"


def test_a_zip_bomb_is_refused_before_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.odt"
    path.write_bytes(zip_bytes({"mimetype": "x", "content.xml": b"\0" * (4 * 1024 * 1024)}))
    assert path.stat().st_size < 20_000
    with pytest.raises(UnreadableFile, match=r"would unpack to 4 MiB .* refused for safety"):
        read_articles(path)


def test_a_folder_import_lists_other_types_as_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text("Floods\n\nThe river rose overnight.")
    (folder / "page.php").write_text("<?php ?>")
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0
    assert out.strip() == "Imported 1, duplicates 0, failed 0, skipped 1."
    assert err.splitlines() == [
        f"dossier: skipped {folder / 'page.php'}: unsupported file type (.php)",
        f"dossier: Dossier imports {SUPPORTED_KINDS}",
    ]
    code, out, _ = run(capsys, "import", str(folder), "--json")
    skipped = json.loads(out)["skipped"]
    assert [entry["path"] for entry in skipped] == [str(folder / "page.php")]


def test_files_without_a_suffix_are_told_apart_by_content(tmp_path: Path) -> None:
    letter = tmp_path / "letter"
    letter.write_text("From the editor: a note\n\nOur coverage of the floods continues.")
    (article,) = read_articles(letter)  # a text that starts with "From", not a mailbox
    assert article.title == "From the editor: a note"
    mailbox = tmp_path / "inbox"
    mailbox.write_bytes(
        b"From desk@example.org Tue Mar  5 09:30:00 2024\n" + bytes(email_message("Tip", "A tip."))
    )
    (mail,) = read_articles(mailbox)
    assert (mail.title, mail.text) == ("Tip", "A tip.")
    odt = tmp_path / "minutes"
    odt.write_bytes(odt_bytes("<text:p>The minutes of the meeting.</text:p>"))
    (minutes,) = read_articles(odt)
    assert minutes.text == "The minutes of the meeting."
