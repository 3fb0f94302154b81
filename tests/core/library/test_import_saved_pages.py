"""Web pages a browser saved as one file (MHTML, Safari's web archive) import as their page."""

from __future__ import annotations

import base64
import binascii
import plistlib
from pathlib import Path

import pytest

from desktop.core.library.importers import (
    SUPPORTED_SUFFIXES,
    UnreadableFile,
    detect_format,
    read_articles,
)
from desktop.core.library.importers.decoding import MAX_FILE_BYTES
from tests.core.library.refusals import assert_refused
from tests.core.library.test_html_extraction import PARAGRAPHS, page

ADDRESS = "https://northport.example/news/harbour-bridge-closed"
BOUNDARY = "----MultipartBoundary--6f2HvQx0kX9JqsYc3WcP1bCfJ0eWl7hV2Jq1Ia0pM4----"
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def blink_mhtml(
    html: str,
    *,
    title_lines: tuple[str, ...] = ("Harbour bridge closed to lorries",),
    extra: int = 0,
) -> bytes:
    """A page as Chrome's "Webpage, Single File" writes it: CRLF lines, the page first
    (quoted-printable, named by a Content-ID), then a frame and a picture (base64), and
    ``extra`` bytes of further pictures."""
    crlf = "\r\n"
    title = crlf.join(title_lines)
    head = crlf.join(
        [
            "From: <Saved by Blink>",
            f"Snapshot-Content-Location: {ADDRESS}",
            f"Subject: {title}",
            "Date: Tue, 18 Nov 2025 09:12:44 -0000",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related;",
            '\ttype="text/html";',
            f'\tboundary="{BOUNDARY}"',
            "",
            "",
        ]
    )
    page_part = binascii.b2a_qp(html.encode("utf-8")).decode("ascii").replace("\n", crlf)
    frame = "<html><body><p>Advertisement</p></body></html>"
    parts = [
        (
            "Content-Type: text/html\r\nContent-ID: <frame-1A2B@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {ADDRESS}\r\n\r\n"
            + page_part
        ),
        (
            "Content-Type: text/html\r\nContent-ID: <frame-3C4D@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: cid:frame-3C4D@mhtml.blink\r\n\r\n" + frame
        ),
        (
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: https://northport.example/pixel.png\r\n\r\n"
            + base64.encodebytes(PIXEL * (1 + extra // len(PIXEL))).decode().replace("\n", crlf)
        ),
    ]
    body = "".join(f"--{BOUNDARY}\r\n{part}\r\n" for part in parts) + f"--{BOUNDARY}--\r\n"
    return (head + body).encode("ascii")


def safari_webarchive(html: bytes, *, kind: str = "text/html", charset: str = "UTF-8") -> bytes:
    """A page as Safari's "Web Archive" writes it: a binary property list of the main
    resource and its subresources."""
    archive = {
        "WebMainResource": {
            "WebResourceData": html,
            "WebResourceFrameName": "",
            "WebResourceMIMEType": kind,
            "WebResourceTextEncodingName": charset,
            "WebResourceURL": ADDRESS,
        },
        "WebSubresources": [
            {
                "WebResourceData": PIXEL,
                "WebResourceMIMEType": "image/png",
                "WebResourceURL": "https://northport.example/pixel.png",
            }
        ],
    }
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)


def saved(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", [".mhtml", ".mht", ".MHTML"])
def test_a_page_saved_by_chrome_or_edge_imports_as_its_story(tmp_path: Path, suffix: str) -> None:
    (article,) = read_articles(saved(tmp_path, f"bridge{suffix}", blink_mhtml(page())))
    assert article.title == "Harbour bridge closed to lorries"
    assert article.text.split("\n\n") == PARAGRAPHS  # not the frame's, not the picture's
    assert article.url == ADDRESS  # where it was saved from: the page names no address


def test_the_page_s_own_address_wins_over_where_it_was_saved_from(tmp_path: Path) -> None:
    canonical = '<link rel="canonical" href="https://northport.example/a/123">'
    data = blink_mhtml(page(head=canonical))
    assert (
        read_articles(saved(tmp_path, "p.mhtml", data))[0].url == "https://northport.example/a/123"
    )


def test_a_page_in_base64_and_a_declared_charset_reads_as_written(tmp_path: Path) -> None:
    # Edge and Internet Explorer's .mht: the page in base64, its charset on the part.
    html = page().replace(PARAGRAPHS[1], PARAGRAPHS[1] + " Le café du port reste ouvert.")
    encoded = base64.encodebytes(html.encode("cp1252")).decode().replace("\n", "\r\n")
    data = (
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; "
        f'boundary="----=_NextPart_000"; type="text/html"\r\n\r\n'
        '------=_NextPart_000\r\nContent-Type: text/html; charset="windows-1252"\r\n'
        f"Content-Transfer-Encoding: base64\r\nContent-Location: {ADDRESS}\r\n\r\n"
        f"{encoded}\r\n------=_NextPart_000--\r\n"
    ).encode("ascii")
    (article,) = read_articles(saved(tmp_path, "bridge.mht", data))
    assert "Le café du port reste ouvert." in article.text
    assert article.url == ADDRESS


def test_a_page_internet_explorer_saved_inside_alternatives_is_found(tmp_path: Path) -> None:
    # Internet Explorer 8 puts the page in a multipart/alternative of its own: it was "a saved
    # web page (MHTML) without the page: no HTML part".
    encoded = binascii.b2a_qp(page().encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    data = (
        "From: <Saved by Windows Internet Explorer 8>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="multipart/alternative"; '
        'boundary="----=_NextPart_000"\r\n\r\n'
        '------=_NextPart_000\r\nContent-Type: multipart/alternative; boundary="----=_Alt_001"'
        "\r\n\r\n\r\n------=_Alt_001\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {ADDRESS}\r\n\r\n"
        f"{encoded}\r\n------=_Alt_001--\r\n\r\n------=_NextPart_000--\r\n"
    ).encode("ascii")
    (article,) = read_articles(saved(tmp_path, "bridge.mht", data))
    assert (article.text.split("\n\n"), article.url) == (PARAGRAPHS, ADDRESS)


def test_a_page_saved_without_its_pictures_is_one_part(tmp_path: Path) -> None:
    encoded = binascii.b2a_qp(page().encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    data = (
        "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {ADDRESS}\r\n\r\n"
        + encoded
    ).encode("ascii")
    (article,) = read_articles(saved(tmp_path, "bridge.mht", data))
    assert (article.text.split("\n\n"), article.url) == (PARAGRAPHS, ADDRESS)


def test_the_part_the_head_names_as_its_start_is_the_page(tmp_path: Path) -> None:
    data = blink_mhtml(page()).replace(
        b'\ttype="text/html";', b'\ttype="text/html"; start="<frame-3C4D@mhtml.blink>";'
    )
    # The named part is the frame (an advertisement): too little to be a story.
    with pytest.raises(UnreadableFile, match="no article text"):
        read_articles(saved(tmp_path, "p.mhtml", data))


def test_a_title_written_across_lines_unfolded_does_not_hide_the_parts(tmp_path: Path) -> None:
    data = blink_mhtml(page(), title_lines=("=?utf-8?Q?Harbour bridge closed", "to lorries"))
    assert read_articles(saved(tmp_path, "p.mhtml", data))[0].text.split("\n\n") == PARAGRAPHS
    # Fields folded with spaces rather than a tab.
    spaced = blink_mhtml(page()).replace(b"\r\n\ttype=", b"\r\n    type=")
    spaced = spaced.replace(b"\r\n\tboundary=", b"\r\n    boundary=")
    assert read_articles(saved(tmp_path, "s.mhtml", spaced))[0].text.split("\n\n") == PARAGRAPHS


def test_a_saved_page_larger_than_any_other_file_imports(tmp_path: Path) -> None:
    data = blink_mhtml(page(), extra=MAX_FILE_BYTES)  # its pictures take it past 20 MiB
    assert len(data) > MAX_FILE_BYTES
    assert read_articles(saved(tmp_path, "p.mhtml", data))[0].text.split("\n\n") == PARAGRAPHS


def test_a_saved_page_cut_short_keeps_what_it_holds(tmp_path: Path) -> None:
    data = blink_mhtml(page())
    cut = data[: data.index(b"Content-ID: <frame-3C4D")]
    assert read_articles(saved(tmp_path, "p.mhtml", cut))[0].text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"\r\n\r\n'
            b"<html><body><p>x</p></body></html>",
            "no boundary",
        ),
        (
            f'Content-Type: multipart/related; type="text/html"; boundary="{BOUNDARY}"\r\n\r\n'
            f"--{BOUNDARY}\r\nContent-Type: image/png\r\n\r\nabc\r\n--{BOUNDARY}--\r\n".encode(),
            "no HTML part",
        ),
        (
            f'Content-Type: multipart/related; type="text/html"; boundary="{BOUNDARY}"\r\n\r\n'
            f"--{BOUNDARY}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64"
            f"\r\n\r\nPGh0bWw+a\r\n--{BOUNDARY}--\r\n".encode(),
            "page is damaged",
        ),
    ],
)
def test_a_broken_saved_page_is_refused_with_its_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    assert_refused(saved(tmp_path, "broken.mhtml", data), reason)


def test_a_page_saved_by_safari_imports_as_its_story(tmp_path: Path) -> None:
    html = page().replace(PARAGRAPHS[2], PARAGRAPHS[2] + " Der Umweg über die Straße kostet Zeit.")
    data = safari_webarchive(html.encode("iso-8859-1"), charset="ISO-8859-1")
    (article,) = read_articles(saved(tmp_path, "bridge.webarchive", data))
    assert article.title == "Harbour bridge closed to lorries"
    assert "Der Umweg über die Straße kostet Zeit." in article.text
    assert article.text.startswith(PARAGRAPHS[0])
    assert article.url == ADDRESS


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (safari_webarchive(b"GIF89a", kind="image/gif"), "of a image/gif file, not of a web page"),
        (safari_webarchive(b"")[:60], "damaged Safari web archive"),
        (plistlib.dumps({"WebSubresources": []}, fmt=plistlib.FMT_BINARY), "without its page"),
        (plistlib.dumps({"WebMainResource": {}}, fmt=plistlib.FMT_XML), "no binary property list"),
    ],
)
def test_a_broken_web_archive_is_refused_with_its_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    assert_refused(saved(tmp_path, "broken.webarchive", data), reason)


def test_saved_pages_without_a_suffix_are_known_by_their_first_bytes(tmp_path: Path) -> None:
    mhtml, archive = blink_mhtml(page()), safari_webarchive(page().encode())
    assert detect_format(Path("saved"), mhtml) == "mhtml"
    assert detect_format(Path("saved"), archive) == "webarchive"
    assert read_articles(saved(tmp_path, "saved", mhtml))[0].text.split("\n\n") == PARAGRAPHS
    # An e-mail is no saved page, though it has a head of the same kind.
    mail = b"From: a@example.org\r\nSubject: Hi\r\nContent-Type: text/plain\r\n\r\nHello"
    assert detect_format(Path("saved"), mail) == "text"


def test_the_saved_page_suffixes_are_supported() -> None:
    assert {".mhtml", ".mht", ".webarchive"} <= SUPPORTED_SUFFIXES
