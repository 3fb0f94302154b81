"""Office documents saved as one XML file: Word's and PowerPoint's "XML Document" (flat OPC)
and LibreOffice's flat OpenDocument (.fodt, .fodp), each read as the zip it stands for."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from tests.core.library.documents import docx_bytes
from tests.core.library.test_import_pptx import BRIEFING, presentation

PACKAGE = "http://schemas.microsoft.com/office/2006/xmlPackage"
PIXEL = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 40).decode()


def flat_package(packed: bytes) -> bytes:
    """A zip of Office parts as Word's "Save as XML Document" writes it: one ``pkg:package``,
    each XML part inline, each other part in base64."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(packed)) as archive:
        types = archive.read("[Content_Types].xml").decode()
        for name in archive.namelist():
            if name == "[Content_Types].xml":
                continue
            data = archive.read(name)
            kind = "application/xml" if name.endswith(".xml") else "image/png"
            for tag in ("Override", "Default"):  # the part's own type, as the package lists it
                marker = f'PartName="/{name}" ContentType="'
                if tag == "Override" and marker in types:
                    kind = types.split(marker, 1)[1].split('"', 1)[0]
            if name.endswith((".xml", ".rels")):
                body = data.decode("utf-8").split("?>", 1)[-1]
                content = f"<pkg:xmlData>{body}</pkg:xmlData>"
            else:
                content = f"<pkg:binaryData>{base64.b64encode(data).decode()}</pkg:binaryData>"
            parts.append(
                f'<pkg:part pkg:name="/{name}" pkg:contentType="{kind}">{content}</pkg:part>'
            )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<?mso-application progid="Word.Document"?>'
        f'<pkg:package xmlns:pkg="{PACKAGE}">{"".join(parts)}</pkg:package>'
    ).encode()


def test_a_word_xml_document_reads_as_its_docx(tmp_path: Path) -> None:
    packed = docx_bytes(title="Council memo", paragraphs=("The council will vote.",))
    path = tmp_path / "memo.xml"
    path.write_bytes(flat_package(packed))
    (article,) = read_articles(path)
    docx = tmp_path / "memo.docx"
    docx.write_bytes(packed)
    (expected,) = read_articles(docx)
    assert (article.title, article.text) == (expected.title, expected.text)
    assert "The council will vote." in article.text


def test_a_powerpoint_xml_presentation_reads_as_its_pptx(tmp_path: Path) -> None:
    packed = presentation(BRIEFING, order=[0, 1, 2], title="Bridge")
    path = tmp_path / "briefing.xml"
    path.write_bytes(flat_package(packed))
    (article,) = read_articles(path)
    pptx = tmp_path / "briefing.pptx"
    pptx.write_bytes(packed)
    assert article.text == read_articles(pptx)[0].text


def flat_opendocument(mimetype: str, body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'office:version="1.3" office:mimetype="{mimetype}">'
        "<office:meta><dc:title>Harbour works</dc:title><dc:creator>Ana Ruiz</dc:creator>"
        f"</office:meta><office:body>{body}</office:body></office:document>"
    ).encode()


def test_a_flat_opendocument_text_reads_without_its_pictures_base64(tmp_path: Path) -> None:
    """LibreOffice's .fodt keeps its pictures inline in base64, which was read as text."""
    body = (
        "<office:text><text:h>Repairs</text:h><text:p>The quay reopens in May.</text:p>"
        f"<text:p><draw:frame><draw:image><office:binary-data>{PIXEL}</office:binary-data>"
        "</draw:image></draw:frame></text:p></office:text>"
    )
    path = tmp_path / "works.fodt"
    path.write_bytes(flat_opendocument("application/vnd.oasis.opendocument.text", body))
    (article,) = read_articles(path)
    assert (article.title, article.byline) == ("Harbour works", "Ana Ruiz")
    assert article.text == "Repairs\n\nThe quay reopens in May."


def test_a_flat_opendocument_presentation_reads_its_slides(tmp_path: Path) -> None:
    body = (
        "<office:presentation><draw:page><draw:frame><draw:text-box>"
        "<text:p>Quay repairs</text:p></draw:text-box></draw:frame></draw:page>"
        "</office:presentation>"
    )
    path = tmp_path / "deck.fodp"
    path.write_bytes(flat_opendocument("application/vnd.oasis.opendocument.presentation", body))
    (article,) = read_articles(path)
    assert "Quay repairs" in article.text


def test_a_flat_document_declaring_entities_is_refused(tmp_path: Path) -> None:
    data = flat_opendocument("application/vnd.oasis.opendocument.text", "<office:text/>")
    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>' + data.split(b"?>", 1)[1]
    path = tmp_path / "bomb.fodt"
    path.write_bytes(bomb)
    with pytest.raises(UnreadableFile, match=r"entities|refused for safety"):
        read_articles(path)


WORDML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<?mso-application progid="Word.Document"?>'
    '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
    'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
    'xmlns:aml="http://schemas.microsoft.com/aml/2001/core" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    "<o:DocumentProperties><o:Title>Port audit</o:Title><o:Author>Ana Ruiz</o:Author>"
    "<o:Created>2016-04-27T17:49:00Z</o:Created></o:DocumentProperties>"
    "<w:body><wx:sect>"
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Findings</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>The audit found </w:t></w:r>"
    '<aml:annotation w:type="Word.Deletion"><aml:content><w:r><w:delText>no </w:delText></w:r>'
    "</aml:content></aml:annotation>"
    '<aml:annotation w:type="Word.Insertion"><aml:content><w:r><w:t>two </w:t></w:r>'
    "</aml:content></aml:annotation><w:r><w:t>missing payments.</w:t></w:r>"
    "<w:r><w:footnote><w:p><w:r><w:t>Ledger of 2015.</w:t></w:r></w:p></w:footnote></w:r>"
    '<aml:annotation w:type="Word.Comment" aml:author="Tom Berg"><aml:content><w:p><w:r>'
    "<w:t>Check the ledger.</w:t></w:r></w:p></aml:content></aml:annotation></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>"
    "<w:t>Missing</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>2015</w:t></w:r>"
    "</w:p></w:tc><w:tc><w:p><w:r><w:t>1.2m</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed figure"
    "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    "<w:sectPr><w:hdr><w:p><w:r><w:t>CONFIDENTIAL DRAFT</w:t></w:r></w:p></w:hdr></w:sectPr>"
    "</wx:sect></w:body></w:wordDocument>"
)


def test_a_word_2003_xml_document_reads_as_word_shows_it(tmp_path: Path) -> None:
    """Word 2003's XML (still exported by government systems) was "XML is not an RSS or Atom
    feed": its text, table, text box and notes, without what a reviewer deleted or the
    running header."""
    path = tmp_path / "audit.xml"
    path.write_text(WORDML, encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.title, article.byline, article.published) == (
        "Port audit",
        "Ana Ruiz",
        "2016-04-27",
    )
    assert article.text.split("\n\n") == [
        "Findings",
        "The audit found two missing payments.",
        "Year | Missing",
        "2015 | 1.2m",
        "Boxed figure",
        "Footnotes",
        "1. Ledger of 2015.",
        "Comments",
        "1. Tom Berg: Check the ledger.",
    ]
