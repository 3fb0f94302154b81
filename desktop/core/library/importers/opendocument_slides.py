"""OpenDocument presentations (.odp, as LibreOffice Impress saves them): the slides in order,
each with its title, its text boxes' paragraphs, lists and table rows, then its speaker notes,
as one article the way a PowerPoint deck becomes one. Parts are read as for an .odt."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from desktop.core.library.importers.building import Block
from desktop.core.library.importers.decks import Slide, deck_article
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.opendocument import collect_blocks, read_opendocument
from desktop.core.models import Article

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_CLASS = f"{_PRESENTATION}class"
_FURNITURE = frozenset(("date-time", "footer", "header", "page-number"))


def parse_odp(data: bytes, path: Path) -> list[Article]:
    content, info = read_opendocument(data, path, "OpenDocument .odp")
    body = content.find(f"{_OFFICE}body/{_OFFICE}presentation")
    if body is None:
        raise UnreadableFile(path, "not an OpenDocument presentation (no slides; a text?)")
    hidden = _hidden_styles(content)
    slides = [
        _slide(page, page.get(f"{_DRAW}style-name") in hidden) for page in body.iter(f"{_DRAW}page")
    ]
    return [
        deck_article(path, slides, byline=info.get("creator", ""), published=info.get("date", ""))
    ]


def _hidden_styles(content: Element) -> set[str]:
    """The slide styles that hide a slide from the show (``presentation:visibility``)."""
    return {
        style.get(f"{_STYLE}name", "")
        for style in content.iter(f"{_STYLE}style")
        for properties in style.iter(f"{_STYLE}drawing-page-properties")
        if properties.get(f"{_PRESENTATION}visibility") == "hidden"
    }


def _slide(page: Element, hidden: bool) -> Slide:
    """The slide's title, its other shapes' lines in order, and its speaker notes; its date,
    footer and page number are left out."""
    title = ""
    lines: list[str] = []
    notes: list[str] = []
    for shape in page:
        if shape.tag == f"{_PRESENTATION}notes":
            notes += [
                text for frame in shape if frame.get(_CLASS) == "notes" for text in _texts(frame)
            ]
            continue
        kind = shape.get(_CLASS)
        if kind in _FURNITURE:
            continue
        texts = _texts(shape)
        if kind == "title" and not title:
            title = " ".join(texts)
        else:
            lines += texts
    return Slide(title, lines, notes, hidden=hidden)


def _texts(shape: Element) -> list[str]:
    blocks: list[Block] = []
    collect_blocks(shape, blocks)
    return [text for text, _ in blocks]
