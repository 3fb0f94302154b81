"""A PDF's comments: what its reviewers wrote on it, as Word's comments are read.

A leaked draft is often a PDF marked up in Acrobat or Preview: sticky notes, highlights with a
note, typed remarks. They are annotations, not page text, so they were left out. Each comment
with words becomes a note under the "Comments" label after the text, with who wrote it and,
for a highlight, an underline or a strike-through, the words it marks. A pop-up only shows its
parent's words again, an attached file's note is its file name, and form fields and links are
no comments.
"""

from __future__ import annotations

import ctypes

from desktop.core.library.importers.building import comment_line

# FPDF_ANNOT_* subtypes that carry a reviewer's words.
_COMMENTS = frozenset((1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
_MARKS_TEXT = frozenset((9, 10, 11, 12))  # highlight, underline, squiggly, strike-out


def page_comments(page: object) -> list[str]:
    """The page's comments, each as one note line, in the order the page lists them (read
    before its form fields are flattened, which takes its annotations away)."""
    import pypdfium2.raw as pdfium_c

    raw = page.raw  # type: ignore[attr-defined]
    found = []
    textpage = None  # made only for a comment that marks words
    try:
        for number in range(pdfium_c.FPDFPage_GetAnnotCount(raw)):
            annotation = pdfium_c.FPDFPage_GetAnnot(raw, number)
            try:
                kind = pdfium_c.FPDFAnnot_GetSubtype(annotation)
                words = " ".join(_string(pdfium_c, annotation, "Contents").split())
                if kind not in _COMMENTS or not words:
                    continue
                marked = ""
                if kind in _MARKS_TEXT:
                    textpage = textpage or page.get_textpage()  # type: ignore[attr-defined]
                    marked = _marked_words(pdfium_c, annotation, textpage)
                found.append(comment_line(_string(pdfium_c, annotation, "T"), words, marked))
            finally:
                pdfium_c.FPDFPage_CloseAnnot(annotation)
    finally:
        if textpage is not None:
            textpage.close()
    return found


def _string(pdfium_c: object, annotation: object, key: str) -> str:
    """One of the annotation's text entries ("Contents", "T" for its author), UTF-16 in PDFium."""
    size = pdfium_c.FPDFAnnot_GetStringValue(annotation, key.encode(), None, 0)  # type: ignore[attr-defined]
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))  # type: ignore[attr-defined]
    pdfium_c.FPDFAnnot_GetStringValue(annotation, key.encode(), pointer, size)  # type: ignore[attr-defined]
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _marked_words(pdfium_c: object, annotation: object, textpage: object) -> str:
    """The page's words under a highlight's (or an underline's) quadrilaterals."""
    parts = []
    for index in range(pdfium_c.FPDFAnnot_CountAttachmentPoints(annotation)):  # type: ignore[attr-defined]
        quad = pdfium_c.FS_QUADPOINTSF()  # type: ignore[attr-defined]
        if not pdfium_c.FPDFAnnot_GetAttachmentPoints(annotation, index, quad):  # type: ignore[attr-defined]
            continue
        xs = (quad.x1, quad.x2, quad.x3, quad.x4)
        ys = (quad.y1, quad.y2, quad.y3, quad.y4)
        box = (min(xs), min(ys), max(xs), max(ys))
        parts.append(textpage.get_text_bounded(*box))  # type: ignore[attr-defined]
    return " ".join(" ".join(parts).split())
