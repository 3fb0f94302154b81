"""Outlook's .msg files import as e-mail does: subject, sender, date, text, attachments."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core.library.importers import (
    SUPPORTED_SUFFIXES,
    detect_format,
    read_articles,
)
from desktop.core.library.importers.attachments import MAX_NESTING
from desktop.core.library.importers.building import canonical_origin
from tests.core.library.documents import BULLETIN, docx_bytes
from tests.core.library.outlook_files import compound_file, msg_bytes, outlook_message, properties
from tests.core.library.refusals import assert_refused

SENT = datetime(2025, 11, 18, 9, 30, tzinfo=timezone.utc)
BODY = (
    "The council voted on Tuesday to close the harbour bridge to lorries.\r\n\r\n"
    "Engineers found cracks in two of its girders."
)


def saved(tmp_path: Path, data: bytes, name: str = "tip.msg") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_message_saved_from_outlook_is_an_article(tmp_path: Path) -> None:
    data = msg_bytes(subject="Bridge closure", body=BODY, sender="Maria Brandt", sent=SENT)
    path = saved(tmp_path, data)
    (article,) = read_articles(path)
    assert article.title == "Bridge closure"
    assert article.byline == "Maria Brandt"
    assert article.published == "2025-11-18"
    assert article.text == BODY.replace("\r\n", "\n")
    assert article.origin == canonical_origin(path)


def test_strings_in_the_message_s_code_page_read_as_written(tmp_path: Path) -> None:
    # An older Outlook stores 8-bit strings in the message's code page (1252 here).
    data = msg_bytes(subject="Café closed", body="Le café du port ferme.", unicode=False)
    (article,) = read_articles(saved(tmp_path, data))
    assert (article.title, article.text) == ("Café closed", "Le café du port ferme.")


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            b"<html><head><style>p{color:red}</style></head><body><p>Engineers found cracks."
            b"</p><p>The bridge stays shut.</p></body></html>",
            "Engineers found cracks.\n\nThe bridge stays shut.",
        ),
        (  # a reply: its quote marked as in any mail
            b"<html><body><p>Her answer is below.</p><blockquote type='cite'><p>The contract "
            b"was signed in March.</p></blockquote></body></html>",
            "Her answer is below.\n\n> The contract was signed in March.",
        ),
    ],
)
def test_a_message_of_html_only_reads_as_its_text(tmp_path: Path, html: bytes, text: str) -> None:
    (article,) = read_articles(saved(tmp_path, msg_bytes(subject="Cracks", html=html)))
    assert article.text == text


def test_a_newsletter_kept_by_outlook_is_read_as_its_story(tmp_path: Path) -> None:
    """Outlook keeps the headers a newsletter arrived with: sent in bulk, its HTML is read as a
    web page, as for an .eml, though Outlook also kept a plain text."""
    message = msg_bytes(
        subject="The water contract nobody tendered",
        body="View this post on the web at https://n.example/p/water",
        html=BULLETIN.encode(),
        headers="List-Unsubscribe: <https://n.example/unsubscribe>\r\n",
    )
    (article,) = read_articles(saved(tmp_path, message))
    assert article.text.startswith("The Ministry of Water signed the contract")
    assert "Restack" not in article.text


def test_a_message_without_a_sending_time_is_undated(tmp_path: Path) -> None:
    # A draft: Outlook records no sending or delivery time.
    (article,) = read_articles(saved(tmp_path, msg_bytes(subject="Draft", body=BODY)))
    assert article.published == ""


def test_the_day_the_sender_wrote_in_its_headers_wins_over_the_utc_time(tmp_path: Path) -> None:
    late = datetime(2025, 11, 18, 4, 30, tzinfo=timezone.utc)  # 23:30 the day before in New York
    streams = outlook_message(subject="Late", body=BODY, sent=late)
    streams |= properties(
        {0x007D: "From: A <a@example.org>\r\nDate: Mon, 17 Nov 2025 23:30:00 -0500\r\n"}
    )
    streams["__properties_version1.0"] = outlook_message(subject="x", sent=late)[
        "__properties_version1.0"
    ]
    (article,) = read_articles(saved(tmp_path, compound_file(streams)))
    assert article.published == "2025-11-17"
    assert article.byline == "A"  # no sender's name stored: the header's


def test_attachments_become_articles_linked_to_the_message(tmp_path: Path) -> None:
    memo = docx_bytes(title="Budget memo", paragraphs=("The repairs will cost 2.4 million euros.",))
    forwarded = outlook_message(subject="Minutes", body="The minutes of the meeting.", sent=SENT)
    data = msg_bytes(
        subject="Documents",
        body="See attached.",
        attachments={"memo.docx": memo, "photo.png": b"\x89PNG\r\n\x1a\nrest"},
        attached_messages={"Fwd: minutes": forwarded},
    )
    path = saved(tmp_path, data)
    message, attached_memo, attached_minutes = read_articles(path)
    origin = canonical_origin(path)
    assert attached_memo.origin == f"{origin}#memo.docx"
    assert "2.4 million euros" in attached_memo.text
    assert (attached_minutes.origin, attached_minutes.title) == (
        f"{origin}#Fwd: minutes",
        "Minutes",
    )
    assert attached_minutes.published == "2025-11-18"
    assert message.text.split("\n") == [
        "See attached.",
        "",
        "Attachments:",
        "- memo.docx (imported as its own article)",
        "- photo.png (not imported: a file type Dossier does not read)",
        "- Fwd: minutes (imported as its own article)",
    ]


def test_a_message_whose_text_outlook_kept_only_as_rich_text_reads_as_its_text(
    tmp_path: Path,
) -> None:
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252\\fromtext \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
        "\\uc1\\pard\\plain\\f0\\fs20 The caf\\'e9 on the quay stays open.\\par\r\n"
        "Lorries will be diverted.\\par\r\n}"
    )
    (article,) = read_articles(saved(tmp_path, msg_bytes(subject="Quay", rtf=rtf)))
    assert article.text == "The café on the quay stays open.\n\nLorries will be diverted."


def test_messages_attached_too_deep_are_listed_not_read(tmp_path: Path) -> None:
    inner = outlook_message(subject="Level 0", body="The innermost message.")
    for level in range(1, MAX_NESTING + 3):
        inner = outlook_message(
            subject=f"Level {level}", body="Forwarded.", attached_messages={"fwd": inner}
        )
    articles = read_articles(saved(tmp_path, compound_file(inner)))
    assert len(articles) == MAX_NESTING + 1  # as for an .eml
    assert articles[-1].text.endswith("fwd (not imported: attached too many levels deep)")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (msg_bytes(subject="Empty"), "the Outlook message holds no text"),
        (msg_bytes(subject="Rich", rtf="{\\rtf1 \\par}"), "the Outlook message holds no text"),
        (msg_bytes(subject="Cut", body=BODY)[:700], "Outlook message"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Outlook message"),
    ],
)
def test_a_message_dossier_cannot_read_is_refused_with_its_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    assert_refused(saved(tmp_path, data, "broken.msg"), reason)


def test_a_message_without_a_suffix_is_known_by_its_first_bytes(tmp_path: Path) -> None:
    data = msg_bytes(subject="Bridge closure", body=BODY, sent=SENT - timedelta(days=1))
    assert detect_format(Path("mail"), data) == "msg"
    assert read_articles(saved(tmp_path, data, "mail"))[0].published == "2025-11-17"
    assert ".msg" in SUPPORTED_SUFFIXES
