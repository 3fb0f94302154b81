"""Text in DrawingML, the drawing language PowerPoint and Word share: a paragraph's runs, and
a SmartArt graphic's text, which lives in the diagram's data part the page only refers to."""

from __future__ import annotations

from xml.etree.ElementTree import Element

DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DIAGRAM_DATA_TYPE = "/diagramData"  # the last segment of the relationship's type
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
