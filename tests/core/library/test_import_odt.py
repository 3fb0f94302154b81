"""OpenDocument .odt import: text body read from content.xml, metadata from meta.xml."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from tests.core.library.documents import ODT_MIMETYPE, ODT_NAMESPACES, odt_bytes, zip_bytes

BODY = (
    '<text:h text:outline-level="1">Dam report</text:h>'
    "<text:p>Engineers found<text:s/>cracks in <text:span>three</text:span> dams"
    "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote."
    "</text:p></text:note-body></text:note>.<text:line-break/>Repairs start in May.</text:p>"
    "<text:list><text:list-item><text:p>North dam</text:p></text:list-item>"
    "<text:list-item><text:p>South dam</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Dam</text:p></table:table-cell>"
    "<table:table-cell><text:p>Cost</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>North</text:p></table:table-cell>"
    "<table:table-cell><text:p>2m</text:p></table:table-cell></table:table-row></table:table>"
)
META = (
    "<dc:creator>Ana Ruiz</dc:creator><meta:creation-date>2024-02-03T10:00:00"
    "</meta:creation-date><dc:language>es-ES</dc:language>"
)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_odt_reads_headings_paragraphs_lists_tables_and_metadata(tmp_path: Path) -> None:
    (article,) = read_articles(write(tmp_path / "dams.odt", odt_bytes(BODY, meta=META)))
    assert article.title == "Dam report"
    assert article.byline == "Ana Ruiz"
    assert article.published == "2024-02-03"
    assert article.language == "en"  # the text is English, whatever the file declares
    assert article.text == (
        "Engineers found cracks in three dams. Repairs start in May.\n\n"
        "North dam\n\nSouth dam\n\nDam | Cost\n\nNorth | 2m\n\nFootnotes\n\n1. A footnote."
    )


def _note(kind: str, citation: str, *paragraphs: str) -> str:
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return (
        f'<text:note text:note-class="{kind}"><text:note-citation>{citation}'
        f"</text:note-citation><text:note-body>{body}</text:note-body></text:note>"
    )


def test_notes_follow_the_text_each_kind_numbered_as_cited(tmp_path: Path) -> None:
    body = (
        f"<text:p>Turnout fell{_note('footnote', '1', 'Electoral Commission.')} to 41 per"
        f" cent{_note('endnote', 'i', 'Rounded.')}.</text:p>"
        f"<text:p>It rose again{_note('footnote', '2', 'Ibid.', 'See the annex.')}.</text:p>"
    )
    (article,) = read_articles(write(tmp_path / "turnout.odt", odt_bytes(body)))
    assert article.text.split("\n\n") == [
        "Turnout fell to 41 per cent.",
        "It rose again.",
        "Footnotes",
        "1. Electoral Commission.",
        "2. Ibid.",
        "See the annex.",
        "Endnotes",
        "1. Rounded.",
    ]


def test_odt_title_from_its_metadata(tmp_path: Path) -> None:
    data = odt_bytes(BODY, meta="<dc:title>Dams 2024</dc:title>")
    (article,) = read_articles(write(tmp_path / "dams.odt", data))
    assert article.title == "Dams 2024"
    assert article.text.startswith("Dam report\n\nEngineers found")


def test_truncated_odt_is_a_clear_failure(tmp_path: Path) -> None:
    data = odt_bytes(BODY, meta=META)
    with pytest.raises(UnreadableFile, match=r"not a valid OpenDocument \.odt file"):
        read_articles(write(tmp_path / "cut.odt", data[:-40]))


def test_odt_with_an_external_entity_is_refused(tmp_path: Path) -> None:
    data = odt_bytes(BODY, doctype='<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    with pytest.raises(UnreadableFile, match="refused for safety"):
        read_articles(write(tmp_path / "xxe.odt", data))


def test_odt_spreadsheet_is_not_text(tmp_path: Path) -> None:
    data = odt_bytes("<table:table/>", kind="spreadsheet")
    with pytest.raises(UnreadableFile, match="not an OpenDocument text"):
        read_articles(write(tmp_path / "sheet.odt", data))


def test_encrypted_odt_is_a_clear_failure(tmp_path: Path) -> None:
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
        "</manifest:file-entry></manifest:manifest>"
    )
    data = zip_bytes({"mimetype": ODT_MIMETYPE, "META-INF/manifest.xml": manifest,
                      "content.xml": b"\x8a\x13 encrypted bytes"})  # fmt: skip
    with pytest.raises(UnreadableFile, match=r"encrypted \(password-protected\)"):
        read_articles(write(tmp_path / "secret.odt", data))


def test_a_byte_order_mark_inside_the_text_is_dropped(tmp_path: Path) -> None:
    (article,) = read_articles(
        write(tmp_path / "bom.odt", odt_bytes("<text:p>\ufeffText.</text:p>"))
    )
    assert article.text == "Text."


def test_comments_follow_the_notes_with_their_author_and_the_words_they_are_on(
    tmp_path: Path,
) -> None:
    ranged = (
        '<office:annotation office:name="c1"><dc:creator>Ana Ruiz</dc:creator>'
        "<dc:date>2024-03-05T09:30:00</dc:date><text:p>It is not; see the 2019 audit.</text:p>"
        "</office:annotation>"
    )
    point = (
        "<office:annotation><dc:creator>Jo Bloggs</dc:creator><text:p>Source?</text:p>"
        "</office:annotation>"
    )
    body = (
        f"<text:p>Officials said {ranged}the plant is<text:s/><text:span>safe</text:span>"
        f'<office:annotation-end office:name="c1"/>.</text:p>'
        f"<text:p>Repairs cost 2m euros{point}.</text:p>"
    )
    (article,) = read_articles(write(tmp_path / "draft.odt", odt_bytes(body)))
    assert article.text.split("\n\n") == [
        "Officials said the plant is safe.",
        "Repairs cost 2m euros.",
        "Comments",
        "1. Ana Ruiz on “the plant is safe”: It is not; see the 2019 audit.",
        "2. Jo Bloggs: Source?",
    ]


def test_what_a_reviewer_deleted_follows_the_text_with_who_deleted_it(tmp_path: Path) -> None:
    """LibreOffice keeps a tracked deletion's words apart from the text, in its list of
    changes, and the text without them: they were lost."""
    changes = (
        "<text:tracked-changes>"
        '<text:changed-region text:id="ct1"><text:deletion><office:change-info>'
        "<dc:creator>Tom Berg</dc:creator><dc:date>2024-03-05T09:30:00</dc:date>"
        "</office:change-info><text:p>Engineers call the bridge unsafe.</text:p>"
        "</text:deletion></text:changed-region>"
        '<text:changed-region text:id="ct2"><text:insertion><office:change-info>'
        "<dc:creator>Tom Berg</dc:creator></office:change-info></text:insertion>"
        "</text:changed-region></text:tracked-changes>"
    )
    body = (
        f'{changes}<text:p>The bridge stays open.<text:change text:change-id="ct1"/> '
        '<text:change-start text:change-id="ct2"/>Repairs start in May.'
        '<text:change-end text:change-id="ct2"/></text:p>'
    )
    (article,) = read_articles(write(tmp_path / "draft.odt", odt_bytes(body)))
    assert article.text.split("\n\n") == [
        "The bridge stays open. Repairs start in May.",
        "Tracked changes",
        "1. Deleted by Tom Berg: “Engineers call the bridge unsafe.”",
    ]


def test_a_spreadsheet_embedded_in_the_text_is_read_where_it_stands(tmp_path: Path) -> None:
    """LibreOffice keeps an embedded sheet or chart in a folder of its own ("Object 1"), which
    the text only refers to: its rows were lost."""
    frame = (
        "<draw:frame><draw:object xmlns:xlink='http://www.w3.org/1999/xlink' "
        "xlink:href='./Object 1'/></draw:frame>"
    )
    body = (
        f"<text:p>Repairs cost more each year.{frame}</text:p>"
        "<text:p>The council votes in May.</text:p>"
    )
    row = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{v}</text:p></table:table-cell>" for v in cells)
        + "</table:table-row>"
        for cells in (("Year", "Cost"), ("2023", "1.2m"), ("2024", "1.9m"))
    )
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NAMESPACES}>'
        f"<office:body><office:spreadsheet><table:table>{row}</table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    data = odt_bytes(body, parts={"Object 1/content.xml": sheet})
    (article,) = read_articles(write(tmp_path / "costs.odt", data))
    assert article.text.split("\n\n") == [
        "Repairs cost more each year.",
        "Year | Cost",
        "2023 | 1.2m",
        "2024 | 1.9m",
        "The council votes in May.",
    ]


def test_a_formula_embedded_in_the_text_is_read_as_its_author_typed_it(tmp_path: Path) -> None:
    """A formula is an object of its own (MathML, no document body): it was lost."""
    frame = (
        "<draw:frame><draw:object xmlns:xlink='http://www.w3.org/1999/xlink' "
        "xlink:href='./Object 1'/></draw:frame>"
    )
    body = f"<text:p>The load follows{frame}</text:p><text:p>The bridge holds.</text:p>"
    tokens = (
        "<math:mi>F</math:mi><math:mo>=</math:mo><math:mi>m</math:mi><math:mo>·</math:mo>"
        "<math:mi>a</math:mi>"
    )
    formula = (
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE math:math PUBLIC "-//OpenOffice.org//'
        'DTD Modified W3C MathML 1.01//EN" "math.dtd"><math:math '
        'xmlns:math="http://www.w3.org/1998/Math/MathML"><math:semantics><math:mrow>'
        f"{tokens}</math:mrow>ANNOTATION</math:semantics></math:math>"
    )
    source = '<math:annotation math:encoding="StarMath 5.0">F = m cdot a</math:annotation>'
    for annotation, line in ((source, "F = m cdot a"), ("", "F = m · a")):
        parts = {"Object 1/content.xml": formula.replace("ANNOTATION", annotation)}
        (article,) = read_articles(write(tmp_path / "load.odt", odt_bytes(body, parts=parts)))
        assert article.text.split("\n\n") == ["The load follows", line, "The bridge holds."]
