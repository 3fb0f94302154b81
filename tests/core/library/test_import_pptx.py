"""PowerPoint presentations (.pptx) import as their slides' text, in the order shown."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importers import detect_format, read_articles
from tests.core.library.documents import zip_bytes
from tests.core.library.outlook_files import compound_file
from tests.core.library.refusals import assert_refused

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
SLIDE_TYPE = f"{R}/slide"


def shape(paragraphs: list[str], placeholder: str = "") -> str:
    """A text box as PowerPoint writes it: runs in paragraphs, a placeholder's type."""
    ph = f'<p:ph type="{placeholder}"/>' if placeholder else ""
    runs = "".join(f"<a:p><a:r><a:rPr lang='en-GB'/><a:t>{p}</a:t></a:r></a:p>" for p in paragraphs)
    return (
        f"<p:sp><p:nvSpPr><p:cNvPr id='2' name='Box'/><p:cNvSpPr/><p:nvPr>{ph}</p:nvPr>"
        f"</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>{runs}</p:txBody></p:sp>"
    )


def slide(*shapes: str, table: list[list[str]] | None = None) -> str:
    rows = "".join(
        "<a:tr h='0'>" + "".join(f"<a:tc><a:txBody><a:p><a:r><a:t>{c}</a:t></a:r></a:p>"
                                 "</a:txBody></a:tc>" for c in row) + "</a:tr>"
        for row in table or []
    )  # fmt: skip
    frame = (
        f"<p:graphicFrame><a:graphic><a:graphicData><a:tbl>{rows}</a:tbl></a:graphicData>"
        "</a:graphic></p:graphicFrame>"
        if rows
        else ""
    )
    return (
        f'<p:sld xmlns:a="{A}" xmlns:p="{P}" xmlns:r="{R}"><p:cSld><p:spTree>'
        f"{''.join(shapes)}{frame}</p:spTree></p:cSld></p:sld>"
    )


def notes_page(paragraphs: list[str]) -> str:
    """A slide's notes page: a picture of the slide, the notes, the slide's number."""
    return (
        f'<p:notes xmlns:a="{A}" xmlns:p="{P}" xmlns:r="{R}"><p:cSld><p:spTree>'
        f"{shape([], 'sldImg')}{shape(paragraphs, 'body')}{shape(['2'], 'sldNum')}"
        "</p:spTree></p:cSld></p:notes>"
    )


def presentation(
    slides: list[str],
    *,
    order: list[int],
    title: str = "",
    notes: dict[int, list[str]] | None = None,
    diagrams: dict[int, str] | None = None,
    charts: dict[int, str] | None = None,
) -> bytes:
    """A .pptx of ``slides`` (slideN.xml by their place in the list), shown in ``order``,
    with speaker ``notes``, SmartArt ``diagrams`` (their data parts) and ``charts`` (their
    chart parts) for the slides at those places."""
    rels = "".join(
        f'<Relationship Id="rId{n + 10}" Type="{SLIDE_TYPE}" Target="slides/slide{n + 1}.xml"/>'
        for n in range(len(slides))
    )
    listed = "".join(f'<p:sldId id="{256 + i}" r:id="rId{n + 10}"/>' for i, n in enumerate(order))
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{title}</dc:title><dc:creator>Harbour Authority</dc:creator>"
        "<dcterms:created>2025-01-17T16:20:00Z</dcterms:created></cp:coreProperties>"
    )
    members = {
        "[Content_Types].xml": "<Types/>",
        "ppt/presentation.xml": (
            f'<p:presentation xmlns:p="{P}" xmlns:r="{R}"><p:sldIdLst>{listed}</p:sldIdLst>'
            "</p:presentation>"
        ),
        "ppt/_rels/presentation.xml.rels": (
            f'<Relationships xmlns="{PACKAGE}">{rels}</Relationships>'
        ),
        "docProps/core.xml": core,
    }
    members |= {f"ppt/slides/slide{n + 1}.xml": s for n, s in enumerate(slides)}
    related: dict[int, str] = {}
    for page, (n, paragraphs) in enumerate((notes or {}).items(), start=1):
        members[f"ppt/notesSlides/notesSlide{page}.xml"] = notes_page(paragraphs)
        related[n] = (
            f'<Relationship Id="rId2" Type="{R}/notesSlide" '
            f'Target="../notesSlides/notesSlide{page}.xml"/>'
        )
    for k, (n, data) in enumerate((diagrams or {}).items(), start=1):
        members[f"ppt/diagrams/data{k}.xml"] = data
        related[n] = related.get(n, "") + (
            f'<Relationship Id="rId3" Type="{R}/diagramData" Target="../diagrams/data{k}.xml"/>'
        )
    for k, (n, chart) in enumerate((charts or {}).items(), start=1):
        members[f"ppt/charts/chart{k}.xml"] = chart
        related[n] = related.get(n, "") + (
            f'<Relationship Id="rId4" Type="{R}/chart" Target="../charts/chart{k}.xml"/>'
        )
    for n, rels in related.items():
        members[f"ppt/slides/_rels/slide{n + 1}.xml.rels"] = (
            f'<Relationships xmlns="{PACKAGE}">{rels}</Relationships>'
        )
    return zip_bytes(members)


BRIEFING = [
    slide(shape(["Harbour bridge"], "ctrTitle"), shape(["Press briefing, 17 January"], "subTitle")),
    slide(
        shape(["Repairs and costs"], "title"),
        shape(["Cracks in two girders", "2.4 million euros, shared with the region"]),
        shape(["17 January 2025"], "dt"),
        shape(["2"], "sldNum"),
        table=[["Vehicle", "Diversion"], ["Lorries", "A17"]],
    ),
    slide(),  # a picture only
]


def test_slides_import_in_the_order_shown_with_their_titles(tmp_path: Path) -> None:
    path = tmp_path / "briefing.pptx"
    # The presentation shows slide2.xml before slide1.xml.
    path.write_bytes(presentation(BRIEFING, order=[1, 0, 2], title="PowerPoint Presentation"))
    (article,) = read_articles(path)
    # The title property is PowerPoint's own filling, not read: the first slide title is.
    assert (article.title, article.byline, article.published) == (
        "Repairs and costs",
        "Harbour Authority",
        "2025-01-17",
    )
    assert article.text.split("\n\n") == [
        "Slide 1 — Repairs and costs",
        "Cracks in two girders",
        "2.4 million euros, shared with the region",
        "Vehicle | Diversion",
        "Lorries | A17",  # not its date and number placeholders
        "Slide 2 — Harbour bridge",
        "Press briefing, 17 January",
    ]


def test_speaker_notes_follow_their_slide_under_a_label(tmp_path: Path) -> None:
    """The notes page's own picture of the slide and its number stay out."""
    said = ["Both girders were cracked by the storm.", "Repairs start in March."]
    path = tmp_path / "briefing.pptx"
    path.write_bytes(presentation(BRIEFING, order=[0, 1, 2], notes={1: said, 2: ["Map"]}))
    (article,) = read_articles(path)
    assert article.text.split("\n\n")[6:] == [
        "Lorries | A17",
        "Speaker notes",
        *said,
        "Slide 3",  # a picture only, with notes
        "Speaker notes",
        "Map",
    ]


def test_a_slide_hidden_from_the_show_is_read_and_said_to_be_hidden(tmp_path: Path) -> None:
    """Hidden slides are often what a leaked deck is about: read, and labelled as hidden."""
    hidden = slide(shape(["Cuts not yet announced"], "title"), shape(["Two depots close"]))
    hidden = hidden.replace("<p:sld ", '<p:sld show="0" ', 1)
    path = tmp_path / "deck.pptx"
    path.write_bytes(presentation([BRIEFING[0], hidden], order=[0, 1]))
    text = read_articles(path)[0].text
    assert text.split("\n\n")[2:] == [
        "Slide 2 (hidden) — Cuts not yet announced",
        "Two depots close",
    ]
    assert "Slide 1 — Harbour bridge" in text


def test_a_presentation_without_a_title_takes_its_first_slide_s(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(presentation(BRIEFING, order=[0, 1, 2]))
    assert read_articles(path)[0].title == "Harbour bridge"


def test_presentations_without_text_or_encrypted_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "pictures.pptx"
    empty.write_bytes(presentation([slide(), slide()], order=[0, 1]))
    assert_refused(empty, "the presentation holds no text")
    locked = tmp_path / "locked.pptx"
    locked.write_bytes(compound_file({"EncryptedPackage": b"x"}))
    assert_refused(locked, r"the presentation is encrypted \(password-protected\)")


def test_a_presentation_without_a_suffix_is_known_by_its_parts() -> None:
    assert detect_format(Path("deck"), presentation(BRIEFING, order=[0, 1, 2])) == "pptx"


def smartart(points: list[tuple[str, str]]) -> str:
    """A SmartArt graphic's data part: ``(type, text)`` points as PowerPoint lists them."""
    listed = "".join(
        f'<dgm:pt modelId="{{{i}}}" type="{kind}"><dgm:prSet/><dgm:spPr/>'
        f"<dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></dgm:t></dgm:pt>"
        if text
        else f'<dgm:pt modelId="{{{i}}}" type="{kind}"><dgm:prSet/><dgm:spPr/></dgm:pt>'
        for i, (kind, text) in enumerate(points)
    )
    return (
        '<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
        f'xmlns:a="{A}"><dgm:ptLst>{listed}</dgm:ptLst><dgm:cxnLst/></dgm:dataModel>'
    )


def test_smartart_text_is_read_with_its_slide(tmp_path: Path) -> None:
    """An org chart drawn as SmartArt: its names live in the diagram's data part, which the
    slide only refers to; the connectors' and the layout's points hold no text of theirs."""
    chart = smartart(
        [
            ("doc", ""),
            ("node", "Director: Ana Ruiz"),
            ("parTrans", ""),
            ("asst", "Assistant: Tom Berg"),
            ("node", "Finance"),
            ("sibTrans", ""),
            ("pres", "Layout text"),
        ]
    )
    slides = [slide(shape(["Who runs the port"], "title"))]
    path = tmp_path / "org.pptx"
    path.write_bytes(presentation(slides, order=[0], diagrams={0: chart}, notes={0: ["Ask."]}))
    (article,) = read_articles(path)
    assert article.text.split("\n\n") == [
        "Slide 1 — Who runs the port",
        "Director: Ana Ruiz",
        "Assistant: Tom Berg",
        "Finance",
        "Speaker notes",
        "Ask.",
    ]


def bar_chart(
    title: str, series: dict[str, list[float]], categories: list[str], number_format: str = ""
) -> str:
    """A chart part as PowerPoint writes it: its title, and each series' name, categories and
    values in the chart's own data cache (with the values' ``number_format``, if any)."""
    chart = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    def cache(kind: str, values: list[str]) -> str:
        points = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
        code = f"<c:formatCode>{number_format}</c:formatCode>" if kind == "numCache" else ""
        return f"<c:{kind}>{code}<c:ptCount val='{len(values)}'/>{points}</c:{kind}>"

    listed = "".join(
        f"<c:ser><c:idx val='{i}'/><c:tx><c:strRef>{cache('strCache', [name])}</c:strRef></c:tx>"
        f"<c:cat><c:strRef>{cache('strCache', categories)}</c:strRef></c:cat>"
        f"<c:val><c:numRef>{cache('numCache', [repr(v) for v in values])}</c:numRef></c:val>"
        "</c:ser>"
        for i, (name, values) in enumerate(series.items())
    )
    return (
        f'<c:chartSpace xmlns:c="{chart}" xmlns:a="{A}"><c:chart><c:title><c:tx><c:rich>'
        f"<a:bodyPr/><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx></c:title>"
        f"<c:plotArea><c:barChart>{listed}</c:barChart></c:plotArea></c:chart></c:chartSpace>"
    )


def test_a_charts_title_and_figures_are_read_with_its_slide(tmp_path: Path) -> None:
    """The figures a briefing's chart shows live in the chart's own part: they were lost."""
    chart = bar_chart(
        "Repair costs by year",
        {"Bridge": [1.2, 8.200000000000001], "Quay": [0.4, 0.0]},
        ["2023", "2024"],
    )
    slides = [slide(shape(["What the repairs cost"], "title"))]
    path = tmp_path / "costs.pptx"
    path.write_bytes(presentation(slides, order=[0], charts={0: chart}))
    (article,) = read_articles(path)
    assert article.text.split("\n\n") == [
        "Slide 1 — What the repairs cost",
        "Chart: Repair costs by year",
        " | Bridge | Quay",
        "2023 | 1.2 | 0.4",
        "2024 | 8.2 | 0",
    ]


def test_a_charts_figures_keep_the_format_the_chart_shows_them_in(tmp_path: Path) -> None:
    """A chart caches plain numbers beside their format: a share of 25 % read "0.25"."""
    chart = bar_chart("Turnout", {"Share": [0.25, 0.0312]}, ["2023", "2024"], number_format="0.0%")
    path = tmp_path / "turnout.pptx"
    path.write_bytes(
        presentation([slide(shape(["Turnout"], "title"))], order=[0], charts={0: chart})
    )
    (article,) = read_articles(path)
    assert article.text.split("\n\n")[-2:] == ["2023 | 25.0%", "2024 | 3.1%"]
