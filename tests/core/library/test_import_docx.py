"""Word .docx import: paragraphs, headings and tables in order, and the document's properties."""

from __future__ import annotations

import io
import re
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


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAMESPACES = (
    f'xmlns:w="{_W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box(words: str) -> str:
    return f"<w:txbxContent><w:p><w:r><w:t>{words}</w:t></w:r></w:p></w:txbxContent>"


def _notes_part(kind: str, notes: dict[int, str]) -> bytes:
    """A footnotes or endnotes part as Word writes it: two separators, then the notes, each
    opening with its mark."""
    separators = "".join(
        f'<w:{kind} w:type="{t}" w:id="{i}"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        for i, t in ((-1, "separator"), (0, "continuationSeparator"))
    )
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve">'
        f" {text}</w:t></w:r></w:p></w:{kind}>"
        for i, text in notes.items()
    )
    return f'<w:{kind}s xmlns:w="{_W_NS}">{separators}{body}</w:{kind}s>'.encode()


def docx_with_box_and_notes() -> bytes:
    """A report citing footnote 2 before footnote 1 and one endnote, with a reviewer's
    comment on a few of its words and a text box drawn twice (for new readers and, as
    ``mc:Fallback``, for old ones)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    cited = document.add_paragraph("Turnout fell to 41 per cent.")
    for kind, note in (("footnote", 2), ("footnote", 1), ("endnote", 1)):
        run = f'<w:r {_NAMESPACES}><w:{kind}Reference w:id="{note}"/></w:r>'
        cited._p.append(parse_xml(run))
    claimed = document.add_paragraph("Officials said ")
    claimed._p.append(parse_xml(f'<w:commentRangeStart {_NAMESPACES} w:id="0"/>'))
    claimed._p.append(parse_xml(f"<w:r {_NAMESPACES}><w:t>the plant is safe</w:t></w:r>"))
    claimed._p.append(parse_xml(f'<w:commentRangeEnd {_NAMESPACES} w:id="0"/>'))
    claimed._p.append(parse_xml(f'<w:r {_NAMESPACES}><w:commentReference w:id="0"/></w:r>'))
    claimed.add_run(".")
    boxed = document.add_paragraph("The box sits beside this paragraph.")
    drawn = (
        f"<w:r {_NAMESPACES}><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{_box("Key figures at a glance")}'
        "</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{_box('Key figures at a glance')}</v:textbox>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    boxed._p.append(parse_xml(drawn))
    content = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
    notes = {
        "footnote": {1: "Electoral Commission, 2019.", 2: "Ibid., table 3."},
        "endnote": {1: "Figures rounded."},
    }
    comments = (
        f'<w:comments xmlns:w="{_W_NS}"><w:comment w:id="0" w:author="Ana Ruiz" '
        'w:date="2024-03-05T09:30:00Z"><w:p><w:r><w:annotationRef/></w:r><w:r>'
        "<w:t>It is not; see the 2019 audit.</w:t></w:r></w:p></w:comment></w:comments>"
    )
    document.part.relate_to(
        Part(
            PackURI("/word/comments.xml"),
            content.format("comments"),
            comments.encode(),
            document.part.package,
        ),
        RT.COMMENTS,
    )
    for kind, reltype in (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES)):
        part = Part(
            PackURI(f"/word/{kind}s.xml"),
            content.format(f"{kind}s"),
            _notes_part(kind, notes[kind]),
            document.part.package,
        )
        document.part.relate_to(part, reltype)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_text_boxes_notes_and_comments_follow_the_text_in_the_order_cited(
    tmp_path: Path,
) -> None:
    (article,) = read_articles(write(tmp_path / "report.docx", docx_with_box_and_notes()))
    assert article.text.split("\n\n") == [
        "Turnout fell to 41 per cent.",
        "Officials said the plant is safe.",
        "The box sits beside this paragraph.",
        "Key figures at a glance",
        "Footnotes",
        "1. Ibid., table 3.",
        "2. Electoral Commission, 2019.",
        "Endnotes",
        "1. Figures rounded.",
        "Comments",
        "1. Ana Ruiz on “the plant is safe”: It is not; see the 2019 audit.",
    ]
    assert article.title != "Footnotes"


def _body_docx(*blocks: str) -> bytes:
    """A document whose body is ``blocks`` as Word writes them, after one plain paragraph."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("The council met on Monday.")
    body = document.element.body
    for block in blocks:
        tagged = re.sub(r"^<(w:\w+)", rf"<\1 {_NAMESPACES}", block, count=1)
        body.insert(len(body) - 1, parse_xml(tagged))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _run(words: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{words}</w:t></w:r>'


def test_docx_text_is_read_as_word_shows_it(tmp_path: Path) -> None:
    """Tracked changes, content controls, smart tags, fields, ruby and a table in a table:
    python-docx's paragraphs and cells leave out every word of these. What a reviewer deleted
    follows the text under its label, with what they inserted and moved."""
    data = _body_docx(
        # A reviewer's tracked changes: the insertion is shown, the deletion is not.
        f"<w:p>{_run('The budget is ')}<w:del w:id='1' w:author='A'><w:r><w:delText>four"
        f"</w:delText></w:r></w:del><w:ins w:id='2' w:author='A'>{_run('five')}</w:ins>"
        f"{_run(' million.')}</w:p>",
        # Moved text is shown where it went, once.
        f"<w:p><w:moveFrom w:id='3' w:author='A'>{_run('Moved words.')}</w:moveFrom></w:p>",
        f"<w:p><w:moveTo w:id='4' w:author='A'>{_run('Moved words.')}</w:moveTo></w:p>",
        # A content control around a paragraph, and one inside a paragraph.
        f"<w:sdt><w:sdtContent><w:p>{_run('Filed by the clerk.')}</w:p></w:sdtContent></w:sdt>",
        f"<w:p>{_run('Name: ')}<w:sdt><w:sdtContent>{_run('Jane Roe')}</w:sdtContent>"
        "</w:sdt></w:p>",
        f"<w:p>{_run('Funded by ')}<w:smartTag w:uri='u' w:element='place'>"
        f"{_run('Carnegie Mellon University')}</w:smartTag>{_run('.')}</w:p>",
        f"<w:p><w:fldSimple w:instr='DATE'>{_run('11-01-2012')}</w:fldSimple></w:p>",
        f"<w:p><w:r><w:ruby><w:rt>{_run('とうきょう')}</w:rt><w:rubyBase>{_run('東京')}"
        "</w:rubyBase></w:ruby></w:r></w:p>",
        # A form laid out in a table, a table inside its one cell.
        "<w:tbl><w:tr><w:tc><w:p>"
        + _run("Study design")
        + "</w:p><w:tbl><w:tr><w:tc><w:p>"
        + _run("Protocol No.")
        + "</w:p></w:tc><w:tc><w:p>"
        + _run("A5346")
        + "</w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
    )
    (article,) = read_articles(write(tmp_path / "minutes.docx", data))
    assert article.text.split("\n\n") == [
        "The council met on Monday.",
        "The budget is five million.",
        "Moved words.",
        "Filed by the clerk.",
        "Name: Jane Roe",
        "Funded by Carnegie Mellon University.",
        "11-01-2012",
        "東京",
        "Study design",
        "Protocol No. | A5346",
        # The reviewer's changes, what the text no longer shows in full.
        "Tracked changes",
        "1. Deleted by A: “four”",
        "2. Inserted by A: “five”",
        "3. Moved by A: “Moved words.”",
    ]


def test_a_page_laid_out_in_one_table_cell_keeps_its_paragraphs(tmp_path: Path) -> None:
    cell = "".join(f"<w:p>{_run(p)}</w:p>" for p in ("EPIDEMIOLOGY", "PCB exposure and risk."))
    data = _body_docx(
        f"<w:tbl><w:tr><w:tc>{cell}</w:tc><w:tc><w:p/></w:tc></w:tr>"
        f"<w:tr><w:tc><w:p>{_run('Year')}</w:p></w:tc><w:tc><w:p>{_run('2012')}</w:p></w:tc>"
        "</w:tr></w:tbl>"
    )
    (article,) = read_articles(write(tmp_path / "paper.docx", data))
    assert article.text.split("\n\n")[1:] == [
        "EPIDEMIOLOGY",
        "PCB exposure and risk.",
        "Year | 2012",
    ]


def test_a_style_without_a_type_does_not_stop_the_import(tmp_path: Path) -> None:
    """Word tolerates a style that names no type; python-docx's styles do not."""
    import docx

    document = docx.Document()
    document.add_heading("Study Design", level=1)
    document.add_paragraph("A phase II trial.")
    styles = document.styles.element
    styles.append(styles.makeelement(f"{{{_W_NS}}}style", {f"{{{_W_NS}}}styleId": "Odd"}))
    out = io.BytesIO()
    document.save(out)
    (article,) = read_articles(write(tmp_path / "protocol.docx", out.getvalue()))
    assert (article.title, article.text) == ("Study Design", "A phase II trial.")


def _with_graphic(paragraph: str, part: str, kind: str, xml: str) -> bytes:
    """A document of one ``paragraph`` whose part ``part`` (a SmartArt graphic's data, a
    chart) holds ``xml``, related to it as Word relates a drawing's ``kind`` of part."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.add_paragraph(paragraph)
    content_type = f"application/vnd.openxmlformats-officedocument.drawingml.{kind}+xml"
    graphic = Part(PackURI(part), content_type, xml.encode(), document.part.package)
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    document.part.relate_to(graphic, f"{relationships}/{kind}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_smartart_graphics_text_follows_the_text(tmp_path: Path) -> None:
    drawing = "http://schemas.openxmlformats.org/drawingml/2006"
    points = "".join(
        f'<dgm:pt modelId="{{{i}}}" type="{kind}"><dgm:t><a:p><a:r><a:t>{words}</a:t></a:r></a:p>'
        "</dgm:t></dgm:pt>"
        for i, (kind, words) in enumerate(
            (("node", "Apply"), ("parTrans", "x"), ("node", "Review"), ("node", "Decide"))
        )
    )
    data = (
        f'<dgm:dataModel xmlns:dgm="{drawing}/diagram" xmlns:a="{drawing}/main">'
        f"<dgm:ptLst>{points}</dgm:ptLst></dgm:dataModel>"
    )
    graphic = _with_graphic(
        "The process has three steps.", "/word/diagrams/data1.xml", "diagramData", data
    )
    (article,) = read_articles(write(tmp_path / "process.docx", graphic))
    assert article.text.split("\n\n") == [
        "The process has three steps.",
        "Apply",
        "Review",
        "Decide",
    ]


def test_a_long_insertion_is_quoted_by_its_first_words_a_deletion_whole(tmp_path: Path) -> None:
    inserted = "The contractor will repair both girders and the east ramp before the summer."
    deleted = "The ministry says the bridge is safe and that no girder needs replacing now."
    data = _body_docx(
        f"<w:p><w:ins w:id='1' w:author='Ana Ruiz'>{_run(inserted)}</w:ins></w:p>",
        f"<w:p><w:del w:id='2' w:author='Tom Berg'><w:r><w:delText>{deleted}</w:delText>"
        "</w:r></w:del></w:p>",
    )
    (article,) = read_articles(write(tmp_path / "draft.docx", data))
    assert article.text.split("\n\n") == [
        "The council met on Monday.",
        inserted,
        "Tracked changes",
        "1. Inserted by Ana Ruiz: “The contractor will repair both girders and the east ramp "
        "before the …”",
        f"2. Deleted by Tom Berg: “{deleted}”",
    ]


def test_a_charts_title_and_figures_follow_the_text(tmp_path: Path) -> None:
    from tests.core.library.test_import_pptx import bar_chart

    chart = bar_chart("Repair costs", {"Bridge": [1.2, 8.2]}, ["2023", "2024"])
    graphic = _with_graphic("Costs rose in 2024.", "/word/charts/chart1.xml", "chart", chart)
    (article,) = read_articles(write(tmp_path / "costs.docx", graphic))
    assert article.text.split("\n\n") == [
        "Costs rose in 2024.",
        "Chart: Repair costs",
        " | Bridge",
        "2023 | 1.2",
        "2024 | 8.2",
    ]


def test_a_change_word_records_paragraph_by_paragraph_is_one_change(tmp_path: Path) -> None:
    def deletion(words: str, author: str = "Tom Berg") -> str:
        return (
            f"<w:p><w:del w:id='9' w:author='{author}'><w:r><w:delText>{words}</w:delText>"
            "</w:r></w:del></w:p>"
        )

    data = _body_docx(
        deletion("The bridge is safe."),
        deletion("No girder needs replacing."),  # the same deletion, its next paragraph
        f"<w:p>{_run('Repairs start in March.')}</w:p>",
        deletion("The ministry pays alone."),  # words stand between: another change
        deletion("Costs are shared.", author="Ana Ruiz"),  # another reviewer's
    )
    (article,) = read_articles(write(tmp_path / "draft.docx", data))
    assert article.text.split("\n\n")[-4:] == [
        "Tracked changes",
        "1. Deleted by Tom Berg: “The bridge is safe. No girder needs replacing.”",
        "2. Deleted by Tom Berg: “The ministry pays alone.”",
        "3. Deleted by Ana Ruiz: “Costs are shared.”",
    ]


def test_html_a_program_put_in_the_document_is_read_where_it_stands(tmp_path: Path) -> None:
    """Programs that write Word files (web apps' exports) put HTML in a part of its own that
    Word imports where ``w:altChunk`` stands: the document's text, which was left out."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Minutes of the port committee.")
    page = (
        "<html><head><title>x</title></head><body><p>The committee approved the "
        "<strong>repairs</strong>.</p><p>Lorries use the A17.</p></body></html>"
    )
    chunk = Part(PackURI("/word/htmlDoc.html"), "text/html", page.encode(), document.part.package)
    relation = document.part.relate_to(
        chunk, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    )
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    body = document.element.body
    body.insert(
        len(body) - 1,
        parse_xml(f'<w:altChunk {_NAMESPACES} xmlns:r="{relations}" r:id="{relation}"/>'),
    )
    document.add_paragraph("The meeting closed at noon.")
    out = io.BytesIO()
    document.save(out)
    (article,) = read_articles(write(tmp_path / "minutes.docx", out.getvalue()))
    assert article.text.split("\n\n") == [
        "Minutes of the port committee.",
        "The committee approved the repairs.",
        "Lorries use the A17.",
        "The meeting closed at noon.",
    ]


def test_a_document_laid_out_in_its_header_and_footer_is_read_from_them(tmp_path: Path) -> None:
    """Page headers and footers are running lines, left out; a letterhead form or a record
    card holding all its words in them was "the Word document holds no text"."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Northport Animal Hospital"
    document.sections[0].header.add_paragraph("Patient: Hank, golden retriever, 10 years")
    document.sections[0].footer.paragraphs[0].text = "Record 44598-55"
    path = tmp_path / "card.docx"
    document.save(str(path))
    (article,) = read_articles(path)
    assert article.text.split("\n\n") == [
        "Northport Animal Hospital",
        "Patient: Hank, golden retriever, 10 years",
        "Record 44598-55",
    ]
    # A document with a body of its own keeps its header out.
    document.add_paragraph("The clinic closed on Friday after the flood.")
    document.save(str(path))
    (article,) = read_articles(path)
    assert "Animal Hospital" not in article.text and "Record 44598" not in article.text
