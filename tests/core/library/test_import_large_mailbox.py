"""A mailbox too large to read at once is read a part at a time, with the same articles, origins
and reports as when it is read whole (the sizes are made small here to keep files small)."""

from __future__ import annotations

from email.generator import BytesGenerator
from email.message import EmailMessage
from io import BytesIO
from pathlib import Path

import pytest

from desktop.core.library.importers import mailbox_parts as parts_module
from desktop.core.library.importers import parse_bytes
from desktop.core.library.importers.left_out import collected
from desktop.core.library.importers.mail import mailbox_articles
from desktop.core.library.importing import import_paths
from desktop.core.library.session import Library

WORDS = ["council", "budget", "harbour", "minister", "contract", "tender", "port", "mayor"]


def mailbox(path: Path, count: int, *, big: int = 0) -> Path:
    """``count`` messages with CRLF line ends: every 7th without a Message-ID, every 11th with
    no text, every 13th blank after its From line, message ``big`` with a large attachment."""
    out = BytesIO()
    for number in range(1, count + 1):
        out.write(b"From maria@example.org Tue Mar  5 09:30:00 2024\r\n")
        if number % 13 == 0:
            out.write(b"\r\n")
            continue
        message = EmailMessage()
        message["Subject"] = f"Story {number}"
        message["From"] = "Maria Lopez <maria@example.org>"
        if number % 7:
            message["Message-ID"] = f"<m{number}@example.org>"
        words = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(40 + number % 50))
        message.set_content(
            " " if number % 11 == 0 else f"{words}.\nFrom the desk, story {number}."
        )
        if number == big:
            message.add_attachment(b"\x00" * 6000, maintype="application", subtype="zip",
                                   filename="scans.bin")  # fmt: skip
        BytesGenerator(out, mangle_from_=True, policy=message.policy.clone(linesep="\r\n")).flatten(
            message
        )
        out.write(b"\r\n")
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mailbox over 20 KB is large, read in parts of 5 KB; a message over 7 KB is refused."""
    monkeypatch.setattr(parts_module, "MAX_FILE_BYTES", 20_000)
    monkeypatch.setattr(parts_module, "PART_BYTES", 5_000)
    monkeypatch.setattr(parts_module, "MAX_MESSAGE_BYTES", 7_000)


def test_a_large_mailbox_reads_in_parts_as_it_reads_whole(
    tmp_path: Path, empty_library: Library, small_limits: None
) -> None:
    box = mailbox(tmp_path / "inbox.mbox", 300)
    with collected() as whole_left_out:
        whole = mailbox_articles(box.read_bytes(), box, read_attachment=parse_bytes)
    with collected():
        report = import_paths(empty_library, [box])
    names = [result.path.name for result in report.files]
    parts = [name for name in names if "-" in name.partition("#")[2]]
    assert len(parts) > 3 and parts[0].startswith("inbox.mbox#1-")
    assert parts[-1].endswith("-277")  # 300 messages less the 23 blank ones
    stored = [empty_library.store.get(i) for i in report.imported]
    assert [(a.origin, a.title, a.text) for a in stored] == [
        (a.origin, a.title, a.text) for a in whole
    ]
    left_out = [(str(r.path), r.error) for r in report.files if r.failed]
    assert left_out == [(name, f"{name}: {reason}") for name, reason, _ in whole_left_out]
    assert len(left_out) == 25  # every 11th message has no text
    again = import_paths(empty_library, [box])
    assert again.imported == [] and len(again.duplicates) == len(stored)


def test_one_message_too_large_is_refused_alone(
    tmp_path: Path, empty_library: Library, small_limits: None
) -> None:
    box = mailbox(tmp_path / "inbox.mbox", 120, big=30)
    report = import_paths(empty_library, [box])
    failed = [result.error for result in report.failures]
    (too_large,) = [error for error in failed if "too large" in error]  # blank ones unnumbered
    assert too_large.startswith(f"{box}#28-28: message 28 is too large (")
    assert len(report.imported) == 120 - 9 - 10 - 1  # less blank, textless and the large one


def test_a_mailbox_without_a_suffix_is_found_by_its_first_line(
    tmp_path: Path, empty_library: Library, small_limits: None
) -> None:
    inbox = mailbox(tmp_path / "Inbox", 100)  # Thunderbird's mailboxes have no suffix
    notes = tmp_path / "notes"
    notes.write_bytes(b"Notes\n\n" + b"The harbour contract was signed. " * 1000)
    report = import_paths(empty_library, [inbox, notes])
    assert any(result.path.name.startswith("Inbox#1-") for result in report.files)
    assert [result.path.name for result in report.files][-1] == "notes"  # no mailbox: whole


def test_a_large_mbox_in_which_no_message_starts_is_refused_whole(
    tmp_path: Path, empty_library: Library, small_limits: None
) -> None:
    box = tmp_path / "export.mbox"
    box.write_bytes(b"Subject: one\n\n" + b"x " * 20_000_000)
    (result,) = import_paths(empty_library, [box]).files
    assert result.path == box and result.error.startswith(f"{box}: file is too large")
