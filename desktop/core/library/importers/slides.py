"""PowerPoint presentations (.pptx): a briefing's slides as text, slide by slide.

Each slide is a line of its own ("Slide 3 — Repairs and costs", from its title placeholder)
over its text boxes' paragraphs, its tables' rows, its SmartArt's text and its charts'
figures, then its speaker notes (what the presenter says, often the only full sentences of a
deck) under a "Speaker notes" line, in the order the presentation lists the slides
(``ppt/presentation.xml`` and its relationships; file names only when those are missing).
The deck is titled by its first slide title; author and creation date come from
``docProps/core.xml``. Every part is parsed with defusedxml from a container whose unpacked
size is capped, as for Word and OpenDocument. A compound file under this name is an encrypted
.pptx or an old .ppt, and goes to the .ppt reader.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element

from desktop.core.library.importers.archive import member_xml, open_archive
from desktop.core.library.importers.building import CELL_SEPARATOR
from desktop.core.library.importers.compound_files import OLE_MAGIC
from desktop.core.library.importers.decks import Slide, deck_article
from desktop.core.library.importers.drawing_text import (
    CHART_TYPE,
    DIAGRAM_DATA_TYPE,
    DRAWING,
    chart_lines,
    diagram_lines,
    paragraph_line,
)
from desktop.core.library.importers.presentation_binary import parse_ppt
from desktop.core.models import Article

PRESENTATION = "ppt/presentation.xml"
_SLIDE = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_RELATIONS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CORE = {
    "creator": "{http://purl.org/dc/elements/1.1/}creator",
    "created": "{http://purl.org/dc/terms/}created",
}
_TITLES = frozenset(("title", "ctrTitle"))
_FURNITURE = frozenset(("dt", "ftr", "sldNum"))
_SLIDE_NAME = re.compile(r"ppt/slides/slide(\d+)\.xml")
_NOTES_TYPE = "/notesSlide"
_NOT_SHOWN = frozenset(("0", "false"))  # xsd:boolean


def parse_pptx(data: bytes, path: Path) -> list[Article]:
    if data.startswith(OLE_MAGIC):  # a compound file: an encrypted .pptx, or an old .ppt
        return parse_ppt(data, path)
    with open_archive(data, path, "PowerPoint .pptx") as archive:
        names = set(archive.namelist())
        slides = []
        for name in _slide_order(archive, names, path):
            parts = _related(archive, names, name, path)
            diagrams = [
                line
                for part in parts.get(DIAGRAM_DATA_TYPE, {}).values()
                for line in diagram_lines(member_xml(archive, part, path))
            ] + [
                line
                for part in parts.get(CHART_TYPE, {}).values()
                for line in chart_lines(member_xml(archive, part, path))
            ]
            notes = next(iter(parts.get(_NOTES_TYPE, {}).values()), "")
            notes_lines = _notes(member_xml(archive, notes, path)) if notes else []
            slides.append(_slide(member_xml(archive, name, path), diagrams, notes_lines))
        core = _core(archive, names, path)
    return [deck_article(path, slides, byline=core["creator"], published=core["created"])]


def _core(archive: zipfile.ZipFile, names: set[str], path: Path) -> dict[str, str]:
    """Author and creation time from the package's core properties."""
    part = "docProps/core.xml"
    core = member_xml(archive, part, path) if part in names else None
    return {
        key: " ".join((core.findtext(tag) or "").split()) if core is not None else ""
        for key, tag in _CORE.items()
    }


def _slide_order(archive: zipfile.ZipFile, names: set[str], path: Path) -> list[str]:
    """The slides' parts in the order the presentation shows them."""
    rels_name = "ppt/_rels/presentation.xml.rels"
    if PRESENTATION in names and rels_name in names:
        targets = {
            rel.get("Id"): posixpath.normpath(posixpath.join("ppt", rel.get("Target", "")))
            for rel in member_xml(archive, rels_name, path).iter(f"{_PACKAGE}Relationship")
        }
        listed = member_xml(archive, PRESENTATION, path).iter(f"{_SLIDE}sldId")
        ordered = [targets.get(slide.get(f"{_RELATIONS}id")) for slide in listed]
        slides = [name for name in ordered if name in names]
        if slides:
            return slides
    numbered = [(int(m.group(1)), n) for n in names if (m := _SLIDE_NAME.fullmatch(n))]
    return [name for _, name in sorted(numbered)]


def _related(
    archive: zipfile.ZipFile, names: set[str], part: str, path: Path
) -> dict[str, dict[str, str]]:
    """The parts ``part`` relates to, by the relationship type's last segment
    ("/notesSlide", "/diagramData") and then its id, those in the package only."""
    folder, name = posixpath.split(part)
    rels_name = f"{folder}/_rels/{name}.rels"
    related: dict[str, dict[str, str]] = {}
    if rels_name not in names:
        return related
    for rel in member_xml(archive, rels_name, path).iter(f"{_PACKAGE}Relationship"):
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
        kind = "/" + rel.get("Type", "").rpartition("/")[2]
        if target in names:
            related.setdefault(kind, {})[rel.get("Id", "")] = target
    return related


def _notes(page: Element) -> list[str]:
    """The paragraphs of a slide's speaker notes: the body of its notes page (not the notes
    page's picture of the slide or its number)."""
    return [
        line
        for shape in page.iter(f"{_SLIDE}sp")
        if _placeholder(shape) == "body"
        for line in map(paragraph_line, shape.iter(f"{DRAWING}p"))
        if line
    ]


def _placeholder(shape: Element) -> str | None:
    """The kind of placeholder a shape is ("title", "body", "sldNum"), if it is one."""
    placeholder = shape.find(f"{_SLIDE}nvSpPr/{_SLIDE}nvPr/{_SLIDE}ph")
    return placeholder.get("type") if placeholder is not None else None


def _slide(slide: Element, diagrams: list[str], notes: list[str]) -> Slide:
    """The slide's title and its paragraphs, table rows and ``diagrams`` (SmartArt's text,
    charts' figures; its date, footer and number left out) with its ``notes``; hidden when
    the slide says it is not shown (``show="0"``)."""
    title = ""
    lines: list[str] = []
    for shape in slide.iter(f"{_SLIDE}sp"):
        kind = _placeholder(shape)
        if kind in _FURNITURE:
            continue
        paragraphs = [p for p in map(paragraph_line, shape.iter(f"{DRAWING}p")) if p]
        if kind in _TITLES and not title:
            title = " ".join(paragraphs)
        else:
            lines += paragraphs
    for row in slide.iter(f"{DRAWING}tr"):
        cells = [
            " ".join(map(paragraph_line, cell.iter(f"{DRAWING}p")))
            for cell in row.iter(f"{DRAWING}tc")
        ]
        if any(cells):
            lines.append(CELL_SEPARATOR.join(cells))
    lines += diagrams
    return Slide(title, lines, notes, hidden=slide.get("show") in _NOT_SHOWN)
