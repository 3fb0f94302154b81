"""Text in DrawingML, the drawing language PowerPoint and Word share: a paragraph's runs, a
SmartArt graphic's text and a chart's title and figures, each in a part of its own that the
page only refers to."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from desktop.core.library.importers.building import CELL_SEPARATOR
from desktop.core.library.importers.number_formats import formatted
from desktop.core.text.document_labels import CHART

DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DIAGRAM_DATA_TYPE = "/diagramData"  # the last segment of the relationship's type
CHART_TYPE = "/chart"
_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_CHART_ROWS = 500  # a chart of more points than this shows its first ones
_DIAGRAM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_DIAGRAM_NODES = frozenset(("node", "asst"))  # not the connectors' or the layout's points


def paragraph_line(paragraph: Element) -> str:
    """A paragraph's runs as one line; a line break as a space."""
    parts = [
        (node.text or "") if node.tag == f"{DRAWING}t" else " "
        for node in paragraph.iter()
        if node.tag in (f"{DRAWING}t", f"{DRAWING}br")
    ]
    return " ".join("".join(parts).split())


def diagram_lines(data: Element) -> list[str]:
    """A SmartArt graphic's text (an org chart's names, a process's steps), a line per node
    in the order its data part lists them."""
    lines = []
    for point in data.iter(f"{_DIAGRAM}pt"):
        if point.get("type", "node") in _DIAGRAM_NODES:
            text = " ".join(filter(None, map(paragraph_line, point.iter(f"{DRAWING}p"))))
            if text:
                lines.append(text)
    return lines


def chart_lines(chart: Element) -> list[str]:
    """A chart's title (under the "Chart" label) and its figures as a table: a row per
    category, a column per series ("2nd Qtr | 3.2"), as the chart's own data cache holds
    them (the workbook behind it is not read)."""
    heading = chart.find(f"{_CHART}chart/{_CHART}title")
    title = ""
    if heading is not None:
        title = " ".join(map(paragraph_line, heading.iter(f"{DRAWING}p")))
    series = [_series(s) for s in chart.iter(f"{_CHART}ser")]
    series = [s for s in series if s[2]]
    title = " ".join(title.split())
    lines = [f"{CHART}: {title}" if title else CHART]
    if not series:
        return lines if title else []
    if any(name for name, _, _ in series):
        lines.append(CELL_SEPARATOR.join(["", *(name for name, _, _ in series)]))
    points = sorted({index for _, _, values in series for index in values})
    for index in points[:_CHART_ROWS]:
        category = next((c[index] for _, c, _ in series if index in c), str(index + 1))
        lines.append(CELL_SEPARATOR.join([category, *(v.get(index, "") for _, _, v in series)]))
    return lines


def _series(series: Element) -> tuple[str, dict[int, str], dict[int, str]]:
    """A series' name, categories and values by point (a scatter chart's x and y values)."""
    name = " ".join((series.findtext(f"{_CHART}tx//{_CHART}v") or "").split())
    categories = _points(series, "cat") or _points(series, "xVal")
    values = _points(series, "val") or _points(series, "yVal")
    return name, categories, values


def _points(series: Element, kind: str) -> dict[int, str]:
    """The points' values by index, numbers in the format their cache gives (the series'
    ``formatCode``, else a point's own): as the chart shows them, "25%", not "0.25"."""
    found = series.find(f"{_CHART}{kind}")
    if found is None:
        return {}
    code = found.findtext(f".//{_CHART}formatCode") or ""
    return {
        int(point.get("idx", "0")): formatted(
            " ".join((point.findtext(f"{_CHART}v") or "").split()),
            point.get("formatCode") or code,
        )
        for point in found.iter(f"{_CHART}pt")
        if point.get("idx", "").isdigit()
    }
