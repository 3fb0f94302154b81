"""E-mail import: .eml and .mbox messages as articles, attachments as articles of their own."""

from __future__ import annotations

import base64
from email.generator import BytesGenerator
from email.message import EmailMessage
from io import BytesIO
from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.attachments import MAX_NESTING
from desktop.core.library.importing import import_paths
from desktop.core.library.reading_process import ChildReader
from desktop.core.library.session import Library
from desktop.core.text.analysis import analyze
from desktop.core.text.summarize import summarize
from tests.core.library.documents import BULLETIN, docx_bytes, email_message, pdf_report
from tests.core.library.vendored import DATA

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def eml(path: Path, message: object) -> Path:
    path.write_bytes(bytes(message))  # type: ignore[call-overload]
    return path


def test_eml_subject_sender_date_and_plain_text(tmp_path: Path) -> None:
    path = eml(tmp_path / "memo.eml", email_message("Leaked memo", "Hello desk,\n\nsee below."))
    (article,) = read_articles(path)
    assert article.title == "Leaked memo"
    assert article.byline == "Maria Lopez"
    assert article.published == "2024-03-05"
    assert article.text == "Hello desk,\n\nsee below."
    assert article.origin == str(path)


def test_html_only_mail_is_read_as_text(tmp_path: Path) -> None:
    message = email_message("Tip", "The <b>mayor</b> resigned.<style>p {}</style>", html=True)
    (article,) = read_articles(eml(tmp_path / "tip.eml", message))
    assert article.text == "The mayor resigned."


def test_supported_attachments_become_linked_articles(tmp_path: Path) -> None:
    pdf = pdf_report(tmp_path / "r.pdf", [["The audit found missing funds in the budget."]])
    docx = docx_bytes(title="Council memo", paragraphs=("The council will vote.",))
    message = email_message(
        "Documents",
        "Both files attached.",
        attachments=(
            ("audit.pdf", pdf.read_bytes(), "application/pdf"),
            ("memo.docx", docx, DOCX),
            ("logo.png", b"\x89PNG\r\n\x1a\n....", "image/png"),
            ("scan.pdf", b"%PDF-1.4 broken", "application/pdf"),
        ),
    )
    path = eml(tmp_path / "docs.eml", message)
    mail, audit, memo = read_articles(path)
    assert audit.origin == f"{path}#audit.pdf"
    assert audit.text.endswith("\n\nThe audit found missing funds in the budget.")
    assert len(audit.pages) == 1
    assert memo.origin == f"{path}#memo.docx"
    assert memo.title == "Council memo"
    assert mail.text == (
        "Both files attached.\n\nAttachments:\n"
        "- audit.pdf (imported as its own article)\n"
        "- memo.docx (imported as its own article)\n"
        "- logo.png (not imported: a file type Dossier does not read)\n"
        "- scan.pdf (not imported: not a readable PDF (damaged or truncated))"
    )


def test_every_message_of_an_mbox_is_an_article(empty_library: Library, tmp_path: Path) -> None:
    out = BytesIO()
    for number, body in enumerate(("First story.", "From the mayor: second story.\n"), 1):
        out.write(b"From maria@example.org Tue Mar  5 09:30:00 2024\n")
        message = email_message(f"Story {number}", body, message_id=f"m{number}@example.org")
        BytesGenerator(out, mangle_from_=True).flatten(message)
        out.write(b"\n")
    path = tmp_path / "desk.mbox"
    path.write_bytes(out.getvalue())
    first, second = read_articles(path)
    assert (first.title, second.title) == ("Story 1", "Story 2")
    assert second.text == "From the mayor: second story."  # its quoted >From line restored
    assert first.origin == f"{path}#m1@example.org"
    report = import_paths(empty_library, [path])
    assert len(report.imported) == 2


def test_a_mail_with_nothing_to_read_is_a_clear_failure(tmp_path: Path) -> None:
    message = email_message("Empty", "")
    message.set_content("   ")
    with pytest.raises(UnreadableFile, match=r"the e-mail holds no text$"):
        read_articles(eml(tmp_path / "empty.eml", message))


def test_a_mail_whose_only_content_is_a_broken_attachment_says_so(tmp_path: Path) -> None:
    message = email_message(
        "Scan", "", attachments=(("scan.pdf", b"%PDF-1.4 x", "application/pdf"),)
    )
    message.get_body().set_content(" ")
    with pytest.raises(UnreadableFile) as failure:
        read_articles(eml(tmp_path / "scan.eml", message))
    assert failure.value.reason == (
        "the e-mail holds no text; attachments: "
        "scan.pdf (not imported: not a readable PDF (damaged or truncated))"
    )


def test_an_mbox_without_from_lines_is_one_message(tmp_path: Path) -> None:
    path = eml(tmp_path / "saved.mbox", email_message("Only one", "A single message."))
    (article,) = read_articles(path)
    assert (article.title, article.text) == ("Only one", "A single message.")


def test_a_forwarded_message_becomes_its_own_article(tmp_path: Path) -> None:
    original = email_message("Budget leak", "The figures are wrong.")
    forward = email_message("Fwd: Budget leak", "See below.")
    forward.add_attachment(original)  # message/rfc822, without a file name
    path = eml(tmp_path / "fwd.eml", forward)
    mail, forwarded = read_articles(path)
    assert (forwarded.title, forwarded.text) == ("Budget leak", "The figures are wrong.")
    assert forwarded.origin == f"{path}#message-1.eml"
    assert mail.text.endswith("- message-1.eml (imported as its own article)")


def test_mail_forwarded_many_times_is_read_a_few_levels_deep(tmp_path: Path) -> None:
    message = email_message("Level 0", "The original.")
    for level in range(1, MAX_NESTING + 3):
        outer = email_message(f"Level {level}", "Forwarded.")
        outer.add_attachment(message)
        message = outer
    articles = read_articles(eml(tmp_path / "deep.eml", message))
    assert len(articles) == MAX_NESTING + 1
    assert articles[-1].text.endswith("(not imported: attached too many levels deep)")


def test_encoded_headers_and_a_legacy_charset_are_decoded(tmp_path: Path) -> None:
    raw = (
        "Subject: =?utf-8?q?Caf=C3=A9_owners_protest?=\n"
        "From: =?iso-8859-1?q?Jos=E9_P=E9rez?= <jose@example.org>\n"
        "Date: Tue, 05 Mar 2024 09:30:00 +0100\n"
        "MIME-Version: 1.0\n"
        'Content-Type: text/plain; charset="iso-8859-1"\n'
        "Content-Transfer-Encoding: 8bit\n\n"
    ).encode("ascii") + "Les propriétaires ont manifesté.\n".encode("iso-8859-1")
    path = tmp_path / "cafe.eml"
    path.write_bytes(raw)
    (article,) = read_articles(path)
    assert article.title == "Café owners protest"
    assert article.byline == "José Pérez"
    assert article.published == "2024-03-05"
    assert article.text == "Les propriétaires ont manifesté."


def test_a_mailbox_of_thousands_of_messages_is_read_quickly(tmp_path: Path) -> None:
    one = bytes(email_message("Story", "A body of a message. " * 20))
    stamp = b"From desk@example.org Tue Mar  5 09:30:00 2024\n"
    path = tmp_path / "big.mbox"
    path.write_bytes(b"".join(stamp + one + b"\n" for _ in range(3000)))
    articles = read_articles(path)
    assert len(articles) == 3000


def test_raw_utf8_and_legacy_headers_and_unknown_charsets_are_read(tmp_path: Path) -> None:
    # RFC 6532 puts UTF-8 in headers as it stands; older mailers put their own charset there.
    utf8 = (
        'From: "Jöhn Doe" <jdoe@example.com>\nSubject: Säying Hello\n'
        "Date: Fri, 21 Nov 1997 09:55:06 -0600\n\nbody\n"
    ).encode()
    (article,) = read_articles(eml(tmp_path / "utf8.eml", utf8))
    assert (article.title, article.byline) == ("Säying Hello", "Jöhn Doe")
    legacy = (
        b"Subject: " + "Réunion du conseil".encode("iso-8859-1") + b"\n"
        b'Content-Type: text/plain; charset="iso-8859-1"\n\n' + b"Ordre du jour."
    )
    (article,) = read_articles(eml(tmp_path / "legacy.eml", legacy))
    assert article.title == "Réunion du conseil"
    unknown = b"Subject: =?NONE?B?VEVTVA=?= and =?utf-8?q?caf=C3=A9?=\n\nThe body.\n"
    (article,) = read_articles(eml(tmp_path / "unknown.eml", unknown))
    assert article.title == "TEST and café"


def test_a_multipart_without_its_boundary_is_read_as_its_text(tmp_path: Path) -> None:
    # The parser leaves such a message whole; its text was reported as "no text".
    raw = (
        b"From: Barry <barry@example.com>\nSubject: Here is your fish\n"
        b'Content-Type: multipart/mixed; boundary="BOUNDARY"\n\n'
        b"Hi there,\n\nThis is the fish.\n"
    )
    (article,) = read_articles(eml(tmp_path / "fish.eml", raw))
    assert article.text == "Hi there,\n\nThis is the fish."
    no_boundary = b"Subject: 64423\nContent-Type: multipart/alternative;\n\n<p>Blah <b>blah</b></p>"
    (article,) = read_articles(eml(tmp_path / "html.eml", no_boundary))
    assert article.text == "Blah blah"


def test_a_message_enclosing_a_message_is_read_as_the_enclosed_one(tmp_path: Path) -> None:
    raw = (
        b"Content-Type: message/rfc822\nMIME-Version: 1.0\nSubject: The enclosing message\n\n"
        b"Subject: An enclosed message\n\nHere is the body of the message.\n"
    )
    (article,) = read_articles(eml(tmp_path / "wrapped.eml", raw))
    assert article.title == "The enclosing message"
    assert article.text == "Here is the body of the message."


def test_a_date_after_tomorrow_is_a_broken_clock_and_undated(tmp_path: Path) -> None:
    raw = b"Subject: Offer\nDate: Mon, 30 Jun 3609 15:30:00 +0900\n\nA body.\n"
    (article,) = read_articles(eml(tmp_path / "clock.eml", raw))
    assert article.published == ""
    raw = b"Subject: Offer\nDate: Mon, 30 Jun 2003 15:30:00 +0900\n\nA body.\n"
    assert read_articles(eml(tmp_path / "ok.eml", raw))[0].published == "2003-06-30"


REPLY = """\
See below, worth a follow-up.

On Tue, 3 Nov 2026 at 09:14, Tom Reed <tom@news.example> wrote:
> Dear Ms Lopez,
>
> Thanks for your patience. The ministry signed the contract on 12 March
> without a tender, and the auditor's office was told only in May. I can
> share the minutes of the board meeting if you keep my name out of it.
>
> On Mon, 2 Nov 2026 at 18:02, Maria Lopez <maria@example.org> wrote:
>> The second payment, of 4.2 million euros, went to a company registered
>> two weeks earlier in Cyprus. Its director is the brother-in-law of the
>> deputy minister who approved the payment, according to the minutes."""


def test_a_forwarded_reply_is_summarised_from_the_quoted_messages(tmp_path: Path) -> None:
    """The substance of a forwarded thread is in its quotes: their wrapped lines read as whole
    sentences, the summary lifts them without the marks, and the letter's salutation and the
    date line give no entity ("Dear Ms Lopez", "Mon")."""
    (article,) = read_articles(eml(tmp_path / "fwd.eml", email_message("Fwd: contract", REPLY)))
    assert "> Thanks for your patience. The ministry signed the contract on 12 March without" in (
        article.text
    )
    assert ">> The second payment, of 4.2 million euros, went to a company registered two" in (
        article.text
    )
    chosen = [s.text for s in summarize(article.text, sentences=3).sentences]
    assert chosen and all(s[0].isupper() and s.endswith(".") for s in chosen), chosen
    assert any("without a tender" in s and s.startswith("The ministry") for s in chosen)
    entities, _ = analyze(article.text)
    found = {(e.text, e.category) for e in entities}
    assert ("Cyprus", "place") in found
    assert not any(text.startswith("Dear") or text == "Mon" for text, _ in found), found


RELEASE = (
    '<a href="https://example.gov/v">View this email in your browser</a></p>'
    "<p>The Minister of Water, Ana Ruiz, today ordered an independent review of the contract "
    "for the new treatment plant, after questions about how it was awarded.</p>"
    "<p>The review will be led by the former auditor general and will report within three "
    "months.</p><p>For more information contact the press office on +34 900 000 000.</p>"
    "<p>You are receiving this email because you subscribed to press releases.</p>"
    "<p>If you no longer wish to receive these messages, you can update your preferences.</p>"
    "<p>Copyright © 2026 Ministry of Water. All rights reserved."
)


def test_a_newsletters_footer_stays_in_the_text_but_out_of_the_summary(tmp_path: Path) -> None:
    """A press release by e-mail: "view in browser", "you are receiving this email",
    preferences and contact lines are kept (the sender's details may matter) but are no
    summary sentences, however few sentences the release has."""
    message = email_message("Review ordered", RELEASE, html=True)
    (article,) = read_articles(eml(tmp_path / "release.eml", message))
    assert "You are receiving this email" in article.text
    chosen = [s.text for s in summarize(article.text, sentences=6).sentences]
    assert len(chosen) == 2 and chosen[0].startswith("The Minister of Water"), chosen


DISCLAIMED = """\
Tom,

Attached are the minutes. Page four shows the vote.

-----Original Message-----
From: Tom Reed <tom@news.example>
Sent: Monday, November 2, 2026 6:02 PM
Subject: Board minutes

Could you send me the minutes of the March board meeting?

This email and any files transmitted with it are confidential and intended solely for the use \
of the individual or entity to whom they are addressed. If you have received this email in \
error please notify the sender. If you are not the named addressee you should not copy it.

Please consider the environment before printing this email.

Sent from my iPhone"""


def test_a_mails_legal_disclaimer_is_no_summary_sentence(tmp_path: Path) -> None:
    (article,) = read_articles(eml(tmp_path / "m.eml", email_message("Minutes", DISCLAIMED)))
    chosen = [s.text for s in summarize(article.text, sentences=6).sentences]
    assert chosen == [
        "Attached are the minutes.",
        "Page four shows the vote.",
        "Could you send me the minutes of the March board meeting?",
    ]


QUOTING_HTML = (
    "Agreed, see her answers below.</p><div class='gmail_quote'>On Tue, 3 Nov 2026, Maria "
    "Lopez wrote:<blockquote class='gmail_quote'><div>Thanks for waiting. The ministry signed "
    "the contract without a tender.</div><blockquote type='cite'><p>When was it signed?</p>"
    "</blockquote></blockquote></div><blockquote>A pull quote that answers no one.</blockquote>"
)


def test_an_html_replys_quoted_messages_are_marked_by_depth(tmp_path: Path) -> None:
    """Gmail's and Apple Mail's quotes read as a plain-text mail's: who answers what stays
    visible; a blockquote that quotes no message is left unmarked."""
    message = email_message("Re: contract", QUOTING_HTML, html=True)
    (article,) = read_articles(eml(tmp_path / "reply.eml", message))
    assert article.text.split("\n\n") == [
        "Agreed, see her answers below.",
        "On Tue, 3 Nov 2026, Maria Lopez wrote:",
        "> Thanks for waiting. The ministry signed the contract without a tender.",
        ">> When was it signed?",
        "A pull quote that answers no one.",
    ]
    chosen = [s.text for s in summarize(article.text, sentences=2).sentences]
    assert "The ministry signed the contract without a tender." in chosen


def test_a_flowed_message_gets_its_paragraphs_back_exactly(tmp_path: Path) -> None:
    """format=flowed (Apple Mail, Thunderbird): a line ending in a space goes on, even where
    the lines are too short or too few for wrapped text to be told on evidence."""
    body = (
        "The ministry signed the \r\ncontract in March.\r\n\r\nTwo lines\r\nstay apart.\r\n"
        "> Could you tell me when it \r\n> was signed?\r\n>> Who \r\n>> approved it?\r\n  From\r\n"
        "-- \r\nMaria\r\n"
    )
    raw = (
        "From: Maria Lopez <maria@example.org>\r\nSubject: Contract\r\n"
        "Date: Tue, 3 Nov 2026 09:14:00 +0100\r\n"
        'Content-Type: text/plain; charset=utf-8; format=flowed; delsp="no"\r\n\r\n' + body
    )
    path = tmp_path / "flowed.eml"
    path.write_bytes(raw.encode())
    (article,) = read_articles(path)
    assert article.text.split("\n") == [
        "The ministry signed the contract in March.",
        "",
        "Two lines",
        "stay apart.",
        "> Could you tell me when it was signed?",
        ">> Who approved it?",
        " From",  # a space stuffed before the writer's own
        "--",
        "Maria",
    ]
    deleting = path.read_bytes().replace(b'delsp="no"', b"DelSp=yes")
    path.write_bytes(deleting)
    assert "The ministry signed thecontract in March." in read_articles(path)[0].text


def _bulletin(html: str, *, bulk: bool) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "The water contract nobody tendered"
    message["From"] = "Ana Ruiz <ana@n.example>"
    if bulk:
        message["List-Unsubscribe"] = "<https://n.example/unsubscribe>"
    message.set_content("View this post on the web at https://n.example/p/water\n\n[...]")
    message.add_alternative(html, subtype="html")
    return message


def test_a_newsletter_is_read_as_its_story(tmp_path: Path) -> None:
    """Mail sent in bulk (it names a way to unsubscribe) is laid out as a web page: its HTML
    is read as one, so the story stays and the buttons, preview line and footer go."""
    (article,) = read_articles(eml(tmp_path / "n.eml", _bulletin(BULLETIN, bulk=True)))
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The Ministry of Water signed the contract")
    assert "What happens next" in paragraphs
    assert paragraphs[-1].startswith("The minister has ordered an independent review")
    assert article.title == "The water contract nobody tendered"


def test_other_html_mail_keeps_every_line_but_what_it_hides(tmp_path: Path) -> None:
    """Without the bulk mark a mail is someone's own: every line stays, and in its HTML the
    line hidden for the inbox preview is left out. Its plain part is read unless it is a stub
    of the HTML one (a newsletter forwarded loses its bulk mark: "View this post on the web")."""
    (forwarded,) = read_articles(eml(tmp_path / "p.eml", _bulletin(BULLETIN, bulk=False)))
    assert forwarded.text.startswith("Forwarded this email? Subscribe here for more")
    assert "Like Comment Restack" in forwarded.text
    assert "View this post on the web" not in forwarded.text
    message = email_message("Memo", BULLETIN.removeprefix("<html><body>"), html=True)
    (article,) = read_articles(eml(tmp_path / "h.eml", message))
    assert "Like Comment Restack" in article.text and "Unsubscribe" in article.text
    assert "How a plant went to a firm" not in article.text


def test_a_bulk_notice_without_a_story_keeps_its_text(tmp_path: Path) -> None:
    notice = "<html><body><p>Your order has shipped.</p><p>Unsubscribe</p></body></html>"
    (article,) = read_articles(eml(tmp_path / "n.eml", _bulletin(notice, bulk=True)))
    assert article.text == "Your order has shipped.\n\nUnsubscribe"


def _raw_mail(content_type: str, parts: str) -> bytes:
    """A message as mail programs write it, its parts given in MIME form (boundary ``B``)."""
    head = (
        "From: Maria Lopez <maria@example.org>\nSubject: Parts\n"
        "Date: Tue, 05 Mar 2024 09:30:00 +0100\nMIME-Version: 1.0\n"
        f"Content-Type: {content_type}\n\n"
    )
    return (head + parts).encode()


def _alternatives(plain: str, html: str) -> bytes:
    """A message of a plain part and an HTML part (a ``multipart/alternative``)."""
    return _raw_mail(
        'multipart/alternative; boundary="B"',
        f"--B\nContent-Type: text/plain; charset=utf-8\n\n{plain}\n"
        f"--B\nContent-Type: text/html; charset=utf-8\n\n{html}\n--B--\n",
    )


def test_an_empty_plain_part_beside_the_html_one_leaves_the_html_to_read(tmp_path: Path) -> None:
    raw = _alternatives(
        "", "<html><body><p>The tax office wrote about the arrears.</p></body></html>"
    )
    (article,) = read_articles(eml(tmp_path / "notice.eml", raw))
    assert article.text == "The tax office wrote about the arrears."


def test_every_text_part_a_mail_program_shows_is_read_in_order(tmp_path: Path) -> None:
    # The body as alternatives, a notice a firewall added after it, and (as an iPhone sends)
    # text going on after a picture; the picture is a file.
    raw = _raw_mail(
        'multipart/mixed; boundary="M"',
        '--M\nContent-Type: multipart/alternative; boundary="A"\n\n'
        "--A\nContent-Type: text/plain\n\nThe minutes are below.\n"
        "--A\nContent-Type: text/html\n\n<p>The <b>minutes</b> are below.</p>\n--A--\n"
        "--M\nContent-Type: image/jpeg\nContent-Disposition: inline; filename=IMG_1.jpg\n\n"
        "JPEGDATA\n"
        "--M\nContent-Type: text/plain\n\nThe second page shows the vote.\n"
        "--M\nContent-Type: text/plain\nContent-Disposition: inline\n\n"
        "The firewall removed a file that may not be safe.\n--M--\n",
    )
    (article,) = read_articles(eml(tmp_path / "minutes.eml", raw))
    assert article.text == (
        "The minutes are below.\n\nThe second page shows the vote.\n\n"
        "The firewall removed a file that may not be safe.\n\n"
        "Attachments:\n- IMG_1.jpg (not imported: a file type Dossier does not read)"
    )


def test_a_signed_messages_files_are_read_and_a_nameless_file_is_named(tmp_path: Path) -> None:
    # multipart/signed keeps the body and its files one level down; the report has no name.
    pdf = pdf_report(tmp_path / "r.pdf", [["The audit found missing funds in the budget."]])
    encoded = base64.encodebytes(pdf.read_bytes()).decode()
    raw = _raw_mail(
        'multipart/signed; protocol="application/pkcs7-signature"; boundary="S"',
        '--S\nContent-Type: multipart/mixed; boundary="M"\n\n'
        "--M\nContent-Type: text/plain\n\nThe audit is attached.\n"
        "--M\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n"
        f"{encoded}\n--M--\n"
        "--S\nContent-Type: application/pkcs7-signature; name=smime.p7s\n"
        "Content-Disposition: attachment; filename=smime.p7s\n\nc2lnbmF0dXJl\n--S--\n",
    )
    path = eml(tmp_path / "signed.eml", raw)
    mail, audit = read_articles(path)
    assert audit.origin == f"{path}#attachment-1.pdf"
    assert "missing funds" in audit.text
    assert mail.text == (
        "The audit is attached.\n\nAttachments:\n"
        "- attachment-1.pdf (imported as its own article)\n"
        "- smime.p7s (not imported: a file type Dossier does not read)"
    )


def test_the_pictures_of_an_html_body_are_no_attachments(tmp_path: Path) -> None:
    raw = _raw_mail(
        'multipart/related; boundary="R"',
        "--R\nContent-Type: text/html\n\n<p>Our logo: <img src='cid:logo'></p>\n"
        "--R\nContent-Type: image/png\nContent-ID: <logo>\nContent-Disposition: inline; "
        "filename=logo.png\n\nPNGDATA\n--R--\n",
    )
    (article,) = read_articles(eml(tmp_path / "logo.eml", raw))
    assert article.text == "Our logo:"


@pytest.mark.parametrize(
    ("content_type", "named"),
    [
        ('multipart/encrypted; protocol="application/pgp-encrypted"; boundary="E"', "PGP"),
        ("application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m", "S/MIME"),
    ],
)
def test_an_encrypted_mail_says_it_is_and_what_to_do(
    tmp_path: Path, content_type: str, named: str
) -> None:
    body = (
        "--E\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n"
        "--E\nContent-Type: application/octet-stream; name=encrypted.asc\n\n"
        "-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n--E--\n"
        if named == "PGP"
        else "MIAGCSqGSIb3DQEHA6CAMIACAQAxggHJ\n"
    )
    with pytest.raises(UnreadableFile) as failure:
        read_articles(eml(tmp_path / "sealed.eml", _raw_mail(content_type, body)))
    assert failure.value.reason == (
        f"the e-mail is encrypted ({named}): open it in the mail program that holds the key, "
        "save the decrypted message as a file and import that"
    )


SEALED = (
    "--E\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n"
    "--E\nContent-Type: application/octet-stream; name=encrypted.asc\n\n"
    "-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n--E--\n"
)
PGP = 'multipart/encrypted; protocol="application/pgp-encrypted"; boundary="E"'


def mailbox(path: Path, messages: list[bytes]) -> Path:
    path.write_bytes(
        b"".join(b"From maria@example.org Tue Mar  5 09:30:00 2024\n" + m + b"\n" for m in messages)
    )
    return path


def test_a_mailbox_names_each_message_it_cannot_import(
    empty_library: Library, tmp_path: Path
) -> None:
    empty = email_message("Empty", "")
    empty.set_content("   ")
    box = mailbox(
        tmp_path / "desk.mbox",
        [
            bytes(email_message("Budget", "The council cut the roads budget.")),
            _raw_mail(PGP, SEALED).replace(b"Subject: Parts", b"Subject: Sources"),
            bytes(empty),
        ],
    )
    report = import_paths(empty_library, [box])
    listed = [(result.path.name, len(result.imported), result.error) for result in report.files]
    assert listed == [
        ("desk.mbox", 1, ""),
        (
            "desk.mbox#2",
            0,
            f"{box}#2: message 2 (Sources): the e-mail is encrypted (PGP): open it in the mail "
            "program that holds the key, save the decrypted message as a file and import that",
        ),
        ("desk.mbox#3", 0, f"{box}#3: message 3 (Empty): the e-mail holds no text"),
    ]


def test_a_mailbox_of_sealed_messages_fails_and_says_why(
    empty_library: Library, tmp_path: Path
) -> None:
    box = mailbox(tmp_path / "sealed.mbox", [_raw_mail(PGP, SEALED)] * 2)
    report = import_paths(empty_library, [box])
    assert [result.error.removeprefix(f"{box}") for result in report.files] == [
        ": the mailbox holds no message with text",
        "#1: message 1 (Parts): the e-mail is encrypted (PGP): open it in the mail program that "
        "holds the key, save the decrypted message as a file and import that",
        "#2: message 2 (Parts): the e-mail is encrypted (PGP): open it in the mail program that "
        "holds the key, save the decrypted message as a file and import that",
    ]


def test_the_reading_process_reports_the_messages_left_out(
    empty_library: Library, tmp_path: Path
) -> None:
    box = mailbox(
        tmp_path / "desk.mbox",
        [
            bytes(email_message("Budget", "The council cut the roads budget.")),
            _raw_mail(PGP, SEALED),
        ],
    )
    reader = ChildReader()
    try:
        report = import_paths(empty_library, [box], read=reader.read)
    finally:
        reader.close()
    assert [(r.path.name, len(r.imported), bool(r.error)) for r in report.files] == [
        ("desk.mbox", 1, False),
        ("desk.mbox#2", 0, True),
    ]


def test_an_apple_mail_message_file_is_read(tmp_path: Path) -> None:
    message = bytes(email_message("From Apple Mail", "The council met on Tuesday."))
    plist = b'<?xml version="1.0"?>\n<plist version="1.0"><dict><key>flags</key></dict></plist>\n'
    path = tmp_path / "12345.emlx"
    path.write_bytes(b"%d\n" % len(message) + message + plist)
    (article,) = read_articles(path)
    assert (article.title, article.text) == ("From Apple Mail", "The council met on Tuesday.")
    path.write_bytes(message)
    with pytest.raises(UnreadableFile, match="first line should be the message's length"):
        read_articles(path)


def test_a_file_name_sent_as_raw_utf8_is_read(tmp_path: Path) -> None:
    raw = (
        "From: a@example.org\nSubject: Notice\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="M"\n\n'
        "--M\nContent-Type: text/plain; charset=utf-8\n\nSee the file.\n"
        '--M\nContent-Type: application/octet-stream; name="ФНС_РФ.zip"\n'
        'Content-Disposition: attachment; filename="ФНС_РФ.zip"\n\nPK\n--M--\n'
    ).encode()
    (article,) = read_articles(eml(tmp_path / "notice.eml", raw))
    damaged = "not a valid zip archive (damaged or truncated: File is not a zip file)"
    assert article.text.endswith(f"- ФНС_РФ.zip (not imported: {damaged})")


def test_a_plain_stub_beside_the_html_message_leaves_the_html_to_read(tmp_path: Path) -> None:
    story = " ".join(f"The council approved item {n} of the budget." for n in range(12))
    stub = "To view this message, please use an HTML-capable mail program."
    raw = _alternatives(
        stub,
        f"<html><head><style>p {{ font: 12pt Arial }}</style></head><body><p>{story}</p></body>"
        "</html>",
    )
    (article,) = read_articles(eml(tmp_path / "stub.eml", raw))
    assert article.text == story
    # A short reply whose HTML part is the same few words is read from its plain part.
    raw = _alternatives(
        "Yes, see you at *noon*.",
        "<html><head><style>p { font: 12pt Arial; margin: 0 }</style></head>"
        "<body><p>Yes, see you at <b>noon</b>.</p></body></html>",
    )
    (article,) = read_articles(eml(tmp_path / "reply.eml", raw))
    assert article.text == "Yes, see you at *noon*."


def _winmail_message(text: str) -> bytes:
    wrapped = base64.encodebytes((DATA / "tnef" / "quick-winmail.dat").read_bytes()).decode()
    return _raw_mail(
        'multipart/mixed; boundary="M"',
        f"--M\nContent-Type: text/plain\n\n{text}\n"
        "--M\nContent-Type: application/ms-tnef; name=winmail.dat\n"
        "Content-Disposition: attachment; filename=winmail.dat\n"
        f"Content-Transfer-Encoding: base64\n\n{wrapped}\n--M--\n",
    )


def test_the_files_outlook_wraps_in_winmail_dat_are_read(tmp_path: Path) -> None:
    """Outlook sends rich-text mail to other mail programs with every file inside one
    ``winmail.dat``: that was all the message listed, "a file type Dossier does not read"."""
    path = eml(tmp_path / "from-outlook.eml", _winmail_message("Five files attached."))
    mail, *files = read_articles(path)
    listed = mail.text.split("\n\nAttachments:\n")[1].split("\n")
    assert [line.split(" (")[0] for line in listed] == [
        f"- quick.{kind}" for kind in ("doc", "html", "pdf", "txt", "xml")
    ]
    assert [article.origin for article in files] == [
        f"{path}#quick.{kind}" for kind in ("doc", "txt")
    ]
    # quick.pdf holds quick.doc's words: said so, not "imported" as a second article.
    assert "- quick.pdf (the same text as quick.doc)" in listed
    assert all(article.title == "The quick brown fox jumps over the lazy dog" for article in files)


def test_a_message_whose_text_only_winmail_dat_holds_reads_it(tmp_path: Path) -> None:
    mail, *_ = read_articles(eml(tmp_path / "rich.eml", _winmail_message("")))
    assert mail.text.startswith("These are five files.\n\nFive files from Hell!")


def test_a_damaged_winmail_dat_stays_a_file_and_a_huge_count_ends(tmp_path: Path) -> None:
    import struct

    from desktop.core.library.importers.tnef import SIGNATURE, read_tnef

    # Message properties claiming four billion 32-bit values in a few bytes.
    properties = struct.pack("<IHHI", 1, 0x1003, 0x0E08, 0xFFFFFFFF) + b"\0" * 8
    attribute = struct.pack("<BII", 1, 0x00069003, len(properties)) + properties + b"\0\0"
    assert read_tnef(SIGNATURE + b"\0\0" + attribute, tmp_path / "w.dat").files == []
    cut = (DATA / "tnef" / "quick-winmail.dat").read_bytes()[:5000]
    message = email_message(
        "Cut", "See attached.", attachments=(("winmail.dat", cut, "application/ms-tnef"),)
    )
    (mail,) = read_articles(eml(tmp_path / "cut.eml", message))
    assert mail.text.endswith("- winmail.dat (not imported: a file type Dossier does not read)")


def test_a_rubys_reading_in_an_html_mail_stays_out_of_the_line(tmp_path: Path) -> None:
    body = (
        "<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>の<ruby>天気<rt>てんき</rt></ruby>"
    )
    message = email_message("天気", body + "は晴れです。", html=True)
    (article,) = read_articles(eml(tmp_path / "tenki.eml", message))
    assert article.text == "東京の天気は晴れです。"


def test_a_message_over_the_file_limit_is_read_up_to_the_message_limit(tmp_path: Path) -> None:
    scans = bytes(range(256)) * (24 * 4096)  # 24 MiB of scans: the file is over 20 MiB
    message = email_message(
        "Scans", "The scans you asked for.", attachments=(("scans.tif", scans, "image/tiff"),)
    )
    path = eml(tmp_path / "scans.eml", message)
    assert path.stat().st_size > 30 * 1024 * 1024
    (article,) = read_articles(path)
    assert article.text.startswith("The scans you asked for.")
    huge = tmp_path / "huge.eml"
    with huge.open("wb") as handle:
        handle.truncate(61 * 1024 * 1024)
    with pytest.raises(UnreadableFile, match=r"too large \(61.0 MiB; the limit is 60 MiB\)"):
        read_articles(huge)
