"""Filled-in PDF forms: the answers, where the page shows them.

A form's answers (a disclosure's filer and gifts, an application's name) are the values of its
fields, which a viewer draws over the page; the page's text layer holds only the printed
form, so its labels came without their answers. PDFium flattens a page's fields into its
content, values drawn as the viewer draws them; but it writes them after the rest, so a
flattened page is read by position, row by row from the top, each row's pieces from the left:
"Name of filer: Jane Roe" on the line where both are printed. Flattening can garble the
page's own text (PDFium may mix up the page's fonts with its fields'); such a page is read as
printed, from an untouched copy of the document.
"""

from __future__ import annotations

import re

from desktop.core.library.importers.pdf_lines import Box

_WIDGET = 20  # FPDF_ANNOT_WIDGET: a form field drawn on the page
_FLATTENED = 1  # FLATTEN_SUCCESS
_GAP = 0.5  # of a letter's height: runs closer than this are one stretch of text
_KEPT = 0.9
"""The least share of the printed words a flattened page must still hold to be read."""
_WORD = re.compile(r"[^\W_]{2,}")


class PristinePages:
    """Pages of a second copy of the document, opened on first use, with no form filled in."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._document: object | None = None

    def page(self, index: int) -> object:
        import pypdfium2 as pdfium

        if self._document is None:
            self._document = pdfium.PdfDocument(self._data)
        return self._document[index]  # type: ignore[index]

    def close(self) -> None:
        if self._document is not None:
            self._document.close()  # type: ignore[attr-defined]


def fill_in(
    document: object, index: int, page: object, pristine: PristinePages
) -> tuple[object, bool]:
    """The page with its form fields' values made part of its content, loaded anew, and
    whether that added any text (``document.init_forms()`` must have run before any page
    loaded); the page as it is when it has no fields, as printed (from ``pristine``) when
    flattening garbled its own words."""
    import pypdfium2.raw as pdfium_c

    if not _has_fields(page, pdfium_c):
        return page, False
    printed = _text(page)
    # PDFium's own call: pypdfium2's ``flatten`` refuses a page without a form environment,
    # which a document whose fields are not listed in a form (``AcroForm``) never gets, though
    # the fields' drawn values flatten all the same.
    if pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_NORMALDISPLAY) != _FLATTENED:
        return page, False
    page.close()  # type: ignore[attr-defined]
    page = document[index]  # type: ignore[index]
    flattened = _text(page)
    words = set(_WORD.findall(printed))
    if len(words & set(_WORD.findall(flattened))) < _KEPT * len(words):
        page.close()  # type: ignore[attr-defined]
        return pristine.page(index), False
    return page, flattened != printed  # an empty form reads as printed


def _text(page: object) -> str:
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()


def _has_fields(page: object, pdfium_c: object) -> bool:
    raw = page.raw  # type: ignore[attr-defined]
    for number in range(pdfium_c.FPDFPage_GetAnnotCount(raw)):  # type: ignore[attr-defined]
        annotation = pdfium_c.FPDFPage_GetAnnot(raw, number)  # type: ignore[attr-defined]
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annotation) == _WIDGET:  # type: ignore[attr-defined]
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)  # type: ignore[attr-defined]
    return False


def text_by_position(textpage: object, boxes: list[Box]) -> str:
    """The page's text row by row from the top (a run of text belongs to the row whose height
    holds its middle), each row's stretches from the left: runs closer than half a letter's
    height are one stretch, read as PDFium spaces it (a word set in two sizes stays one)."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: -b[3]):
        middle = (box[1] + box[3]) / 2
        row = next((r for r in rows if r[0][1] <= middle <= r[0][3]), None)
        if row is None:
            rows.append([box])
        else:
            row.append(box)
    lines = []
    for runs in rows:
        stretches: list[list[float]] = []
        for left, bottom, right, top in sorted(runs):
            last = stretches[-1] if stretches else None
            if last is not None and left - last[2] < _GAP * min(top - bottom, last[3] - last[1]):
                last[1], last[2], last[3] = (
                    min(last[1], bottom),
                    max(last[2], right),
                    max(last[3], top),
                )
            else:
                stretches.append([left, bottom, right, top])
        parts = (textpage.get_text_bounded(*stretch) for stretch in stretches)  # type: ignore[attr-defined]
        lines.append(" ".join(" ".join(part.split()) for part in parts if part.strip()))
    return "\n".join(line for line in lines if line)
