"""Real-shaped documents made on the spot for the importer tests and the benchmark: PDFs drawn
with reportlab, Word files written by python-docx, OpenDocument and EPUB zips written by hand,
e-mail with the standard library."""

from __future__ import annotations

import io
import textwrap
import zipfile
from email.message import EmailMessage
from pathlib import Path

from desktop.selftest import pdf_bytes

HEADER = "Water Report 2024 — Confidential"
LINE_CHARS = 80


def pdf_report(
    path: Path,
    pages: list[list[str] | None],
    *,
    title: str = "",
    author: str = "Jane Doe",
    heading: str = "",
    columns: frozenset[int] = frozenset(),
    row_wise: bool = False,
    password: str = "",
    footnotes: dict[int, list[str]] | None = None,
) -> Path:
    """A PDF of ``pages``, each a list of paragraphs (``None``: a scanned page, an image only),
    with a running header and a "Page N of M" footer on every page of text, the first page
    under a ``heading`` in large type (a line per line of it). A paragraph's lines are drawn
    as printed lines; a line ending in ``-`` is a word broken by the typesetter. Pages whose
    number is in ``columns`` set their paragraphs in two columns, written column by column,
    or ``row_wise``: line by line across both, as some producers write them. ``footnotes``
    are set in small type at the foot of the pages with those numbers, above the footer."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    encrypt = StandardEncryption(password, canPrint=0) if password else None
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    pdf.setCreator("Dossier tests")
    for number, paragraphs in enumerate(pages, start=1):
        if paragraphs is None:
            scan = Image.new("L", (400, 500), 200)
            pdf.drawImage(ImageReader(scan), 72, 200, 400, 500)
            pdf.showPage()
            continue
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, 800, HEADER)
        pdf.drawString(270, 40, f"Page {number} of {len(pages)}")
        top = 770
        if number == 1 and heading:
            pdf.setFont("Helvetica-Bold", 20)
            for line in heading.split("\n"):
                pdf.drawString(72, top, line)
                top -= 26
            top -= 10
        pdf.setFont("Helvetica", 11)
        if number in columns and row_wise:
            half = (len(paragraphs) + 1) // 2
            left = [line for p in paragraphs[:half] for line in textwrap.wrap(p, 42)]
            right = [line for p in paragraphs[half:] for line in textwrap.wrap(p, 42)]
            for row in range(max(len(left), len(right))):
                for x, lines in ((72, left), (310, right)):
                    if row < len(lines):
                        pdf.drawString(x, top - 14 * row, lines[row])
        elif number in columns:
            half = (len(paragraphs) + 1) // 2
            _draw(pdf, paragraphs[:half], 72, top, 42)
            _draw(pdf, paragraphs[half:], 310, top, 42)
        else:
            _draw(pdf, paragraphs, 72, top, LINE_CHARS)
        notes = (footnotes or {}).get(number, [])
        pdf.setFont("Helvetica", 8)
        y = 62 + 10 * sum(len(textwrap.wrap(note, 100)) for note in notes)
        for note in notes:
            for line in textwrap.wrap(note, 100):
                pdf.drawString(72, y, line)
                y -= 10
        pdf.showPage()
    pdf.save()
    return path


def filled_form(path: Path, answers: dict[str, str]) -> Path:
    """A one-page disclosure form whose fields hold ``answers`` (label → value; an empty value
    leaves its field blank), each field drawn right of its label, as a viewer fills it in."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 780, "Financial disclosure statement, filed under the Ethics Act.")
    for row, (label, value) in enumerate(answers.items()):
        y = 740 - 40 * row
        pdf.drawString(72, y, label)
        pdf.acroForm.textfield(
            name=f"field{row}", value=value, x=250, y=y - 5, width=280, height=18, borderWidth=0
        )
    pdf.drawString(72, 740 - 40 * len(answers), "I declare these answers true and complete.")
    pdf.save()
    return path


def reviewed_draft(path: Path) -> Path:
    """A page marked up in a PDF viewer: a highlight with a reviewer's note on a few words, a
    sticky note, and a link (no comment), over two lines of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfdoc import PDFString
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 780, "The plant is safe, the ministry said in its report on the harbour.")
    pdf.drawString(72, 760, "Repairs to the quay start in March and end before the summer.")
    width = pdf.stringWidth("The plant is safe", "Helvetica", 12)
    quad = [72, 792, 72 + width, 792, 72, 776, 72 + width, 776]
    pdf.highlightAnnotation(
        "It is not; see the 2019 audit.",
        Rect=(72, 776, 72 + width, 792),
        QuadPoints=quad,
        T=PDFString("Ana Ruiz"),
    )
    pdf.textAnnotation("Check the date with the port.", Rect=(400, 700, 420, 720))
    pdf.linkURL("https://example.org/report", (72, 756, 300, 772))
    pdf.save()
    return path


def pdf_embedding(path: Path, name: str, content: bytes) -> Path:
    """A one-page PDF written by hand that embeds ``content`` as the file ``name``, stored
    compressed (FlateDecode), as PDF writers store embedded files."""
    import zlib

    packed = zlib.compress(content, 9)
    page_text = b"BT /F1 12 Tf 72 720 Td (The documents of this release follow.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [("
        + name.encode()
        + b") 4 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R "
        b"/Resources << /Font << /F1 7 0 R >> >> >>",
        b"<< /Type /Filespec /F (" + name.encode() + b") /EF << /F 5 0 R >> >>",
        b"<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed)
        + packed
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(page_text) + page_text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(pdf_bytes(objects))
    return path


def pleading_paper(
    path: Path, paragraphs: list[str], *, numbered: bool = True, first: int = 1
) -> Path:
    """A court filing on pleading paper: every page numbers its 28 lines in the left margin
    (from ``first``; a table's numbered rows go on from an earlier page), left of a double
    rule, and sets its text double-spaced right of it, under a caption on the first page and
    the court's filing stamp, which starts further left, on every page. Not
    ``numbered``: a page whose list's items are numbered 1 to 12 at the text's own left edge,
    after a paragraph that starts there too."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter)
    _, height = letter
    lines = ["UNITED STATES DISTRICT COURT", ""]
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, 70)
    if not numbered:
        pdf.setFont("Times-Roman", 12)
        pdf.drawString(72, 720, "The council listed the works it wants done before the vote.")
        for n in range(1, 13):
            pdf.drawRightString(80, 700 - 20 * n, str(n))
            pdf.drawString(90, 700 - 20 * n, f"Repair the {n * 3} lamps on the north quay")
        pdf.showPage()
        pdf.save()
        return path
    for start in range(0, len(lines), 28):
        pdf.setFont("Times-Roman", 12)
        for n in range(1, 29):
            pdf.drawRightString(60, height - 72 - (n - 1) * 24, str(n + first - 1))
        pdf.line(70, 40, 70, height - 40)
        pdf.line(72, 40, 72, height - 40)
        pdf.setFont("Helvetica", 8)  # the court's stamp on each filed page, across the top
        pdf.drawString(
            40, height - 30, f"Case 3:26-cv-01234 Document 12 Filed 12/01/26 Page {start}"
        )
        pdf.setFont("Times-Roman", 12)
        for row, line in enumerate(lines[start : start + 28]):
            pdf.drawString(80, height - 72 - row * 24, line)
        pdf.showPage()
    pdf.save()
    return path


def _draw(pdf: object, paragraphs: list[str], x: int, y: int, width: int) -> None:
    for paragraph in paragraphs:
        for line in paragraph.split("\n") if "\n" in paragraph else textwrap.wrap(paragraph, width):
            pdf.drawString(x, y, line)  # type: ignore[attr-defined]
            y -= 14
        y -= 8


def long_report(path: Path, page_count: int) -> Path:
    """A report of ``page_count`` full pages of prose, as a benchmark reads."""
    sentences = [
        f"Section {n} reviews the funding of regional water projects, which fell sharply "
        f"while costs rose by {n % 17 + 3} per cent over the period under review."
        for n in range(1, 6)
    ]
    paragraph = " ".join(sentences)
    return pdf_report(path, [[paragraph] * 5 for _ in range(page_count)], title="Water Report")


def docx_bytes(
    *, title: str = "", author: str = "", heading: str = "", paragraphs: tuple[str, ...] = ()
) -> bytes:
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.created = datetime.datetime(2024, 3, 5, 9, 30)
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, (("Year", "Budget"), ("2024", "1.2m")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Next steps", level=2)
    document.add_paragraph("The council votes in May.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
ODP_MIMETYPE = "application/vnd.oasis.opendocument.presentation"
ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt_bytes(
    body: str,
    *,
    meta: str = "",
    kind: str = "text",
    doctype: str = "",
    mimetype: str = ODT_MIMETYPE,
    styles: str = "",
    parts: dict[str, str] | None = None,
) -> bytes:
    """An OpenDocument file whose ``office:text`` (or other ``kind``) holds ``body``, whose
    ``office:meta`` holds ``meta``, whose automatic ``styles`` are given, whose content.xml
    may declare a ``doctype``, with more ``parts`` (an embedded object's) beside them."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content '
        f"{ODT_NAMESPACES}><office:automatic-styles>{styles}</office:automatic-styles><office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )
    meta_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODT_NAMESPACES}>'
        f"<office:meta>{meta}</office:meta></office:document-meta>"
    )
    members: dict[str, str | bytes] = {"mimetype": mimetype, "content.xml": content}
    return zip_bytes(members | {"meta.xml": meta_xml} | (parts or {}))


def zip_bytes(members: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def chapter_xhtml(heading: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title>'
        "<style>p { margin: 0 }</style></head>"
        f"<body><h1>{heading}</h1>{body}</body></html>"
    )


def epub_bytes(
    chapters: list[tuple[str, str, str]], *, nav_labels: dict[str, str], toc: str = ""
) -> bytes:
    """An EPUB 3 book: ``chapters`` are ``(file name, heading, xhtml)``; ``nav_labels`` the
    table of contents' label for some of them, or ``toc`` the table's list as written (its
    links relative to the navigation document: ``text/<file name>#anchor``)."""
    manifest = "".join(
        f'<item id="c{i}" href="text/{name}" media-type="application/xhtml+xml"/>'
        for i, (name, _, _) in enumerate(chapters)
    )
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    package = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:opf="http://www.idpf.org/2007/opf">'
        "<dc:title>The Dry Years</dc:title><dc:creator>Ana Ruiz</dc:creator>"
        '<dc:date opf:event="creation">2020-01-02</dc:date>'
        '<dc:date opf:event="publication">2021-06-01</dc:date><dc:language>es</dc:language>'
        "</metadata>"
        f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        f'properties="nav"/>{manifest}</manifest>'
        f'<spine><itemref idref="nav" linear="no"/>{spine}</spine></package>'
    )
    links = toc or "".join(
        f'<li><a href="text/{n}">{label}</a></li>' for n, label in nav_labels.items()
    )
    nav = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><body>'
        f'<nav epub:type="toc"><ol>{links}</ol></nav></body></html>'
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    members: dict[str, str | bytes] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": container,
        "OEBPS/content.opf": package,
        "OEBPS/nav.xhtml": nav,
    }
    members.update({f"OEBPS/text/{name}": xhtml for name, _, xhtml in chapters})
    return zip_bytes(members)


def email_message(
    subject: str,
    body: str,
    *,
    html: bool = False,
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    message_id: str = "",
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = "Maria Lopez <maria@example.org>"
    message["To"] = "desk@example.org"
    message["Date"] = "Tue, 05 Mar 2024 09:30:00 +0100"
    if message_id:
        message["Message-ID"] = f"<{message_id}>"
    if html:
        message.set_content("<html><body><p>" + body + "</p></body></html>", subtype="html")
    else:
        message.set_content(body)
    for name, data, mimetype in attachments:
        maintype, subtype = mimetype.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


# A newsletter as sent by mail: a preview line hidden for the inbox, a layout of tables, share
# and like buttons and a footer around its story.
BULLETIN = """<html><body>
<div style="display: none; max-height: 0">How a plant went to a firm registered weeks earlier</div>
<table role="presentation" width="100%"><tr><td><table role="presentation" width="550"><tr><td>
<p>Forwarded this email? <a href="https://n.example/subscribe">Subscribe here</a> for more</p>
<h1><a href="https://n.example/p/water">The water contract nobody tendered</a></h1>
<table><tr><td><a href="https://n.example/@ana">Ana Ruiz</a></td><td>Nov 5</td></tr></table>
<table><tr><td><a href="https://n.example/share">Share</a></td>
<td><a href="https://n.example/app">READ IN APP</a></td></tr></table>
<div class="body markup">
<p>The Ministry of Water signed the contract for the Puerto Verde treatment plant on 12 March
without putting it out to tender, according to minutes of the board meeting.</p>
<p>The firm that won it had been registered in Cyprus two weeks earlier. Its director is the
brother-in-law of the deputy minister who approved the second payment of 4.2 million euros.</p>
<p>Asked about the contract, the ministry said all procedures had been followed. The
auditor's office said it was told only in May.</p>
<h2>What happens next</h2>
<p>The minister has ordered an independent review, led by the former auditor general, which is
due to report within three months.</p>
</div>
<table><tr><td><a href="https://n.example/like">Like</a></td>
<td><a href="https://n.example/comments">Comment</a></td>
<td><a href="https://n.example/restack">Restack</a></td></tr></table>
<p>© 2026 Ana Ruiz<br>548 Market Street, San Francisco, CA 94104<br>
<a href="https://n.example/unsubscribe">Unsubscribe</a></p>
<p><a href="https://n.example/app">Get the app</a> <a href="https://n.example/w">Write</a></p>
</td></tr></table></td></tr></table></body></html>"""
