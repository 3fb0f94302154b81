"""Office documents saved as one XML file instead of a zip: Word's and PowerPoint's "XML
Document" (flat OPC, a ``pkg:package`` of parts), LibreOffice's flat OpenDocument (``.fodt``,
``.fodp``: the ``office:document`` that holds what content.xml and meta.xml would) and Word
2003's XML (``word_2003``).

Each is packed back into the zip its program would have written, in memory, and read by the
same reader as that zip, once the XML is proved safe (no entity declarations, no external
references), as a zip's parts are.
"""

from __future__ import annotations

import base64
import binascii
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from desktop.core.library.importers.archive import parse_xml
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.word_2003 import ROOT as WORD_2003_ROOT
from desktop.core.library.importers.word_2003 import parse_word_2003
from desktop.core.models import Article

_PACKAGE = "{http://schemas.microsoft.com/office/2006/xmlPackage}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
FLAT_OPC_ROOT = f"{_PACKAGE}package"
FLAT_ODF_ROOT = f"{_OFFICE}document"
FLAT_ROOTS = frozenset((FLAT_OPC_ROOT, FLAT_ODF_ROOT, WORD_2003_ROOT))
"""The root elements of the office documents saved as one XML file that Dossier reads."""
_MAIN_PARTS = (("word/document.xml", "docx"), ("ppt/presentation.xml", "pptx"))
_ODF_KINDS = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def flat_document_articles(data: bytes, path: Path) -> list[Article]:
    """The articles of a flat Office or OpenDocument file, as of the zip it stands for."""
    from lxml import etree

    parse_xml(data, path, "the document")  # refuses entity declarations, external references
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(path, f"not well-formed XML ({exc})") from exc
    if root.tag == FLAT_OPC_ROOT:
        return _package_articles(root, path)
    if root.tag == FLAT_ODF_ROOT:
        return _opendocument_articles(root, path)
    if root.tag == WORD_2003_ROOT:
        return parse_word_2003(root, path)
    raise UnreadableFile(path, "not a flat Office or OpenDocument file")


def _package_articles(root: object, path: Path) -> list[Article]:
    from lxml import etree

    from desktop.core.library.importers.slides import parse_pptx
    from desktop.core.library.importers.word import parse_docx

    parts: dict[str, bytes] = {}
    types: dict[str, str] = {}
    for part in root.iter(f"{_PACKAGE}part"):  # type: ignore[attr-defined]
        name = part.get(f"{_PACKAGE}name", "").lstrip("/")
        xml = part.find(f"{_PACKAGE}xmlData")
        binary = part.find(f"{_PACKAGE}binaryData")
        if not name:
            continue
        if xml is not None and len(xml):
            parts[name] = etree.tostring(xml[0], xml_declaration=True, encoding="UTF-8")
        elif binary is not None:
            try:
                parts[name] = base64.b64decode("".join((binary.text or "").split()))
            except binascii.Error:
                continue  # a damaged picture or embedded file: the text does not need it
        else:
            continue
        types[name] = part.get(f"{_PACKAGE}contentType", "")
    kind = next((kind for main, kind in _MAIN_PARTS if main in parts), "")
    if not kind:
        raise UnreadableFile(
            path, "an Office XML package that holds neither a Word document nor a presentation"
        )
    listed = "".join(
        f"<Override PartName={quoteattr('/' + name)} ContentType={quoteattr(kind_)}/>"
        for name, kind_ in types.items()
        if kind_
    )
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/content-types">{listed}</Types>'
    ).encode()
    packed = _zipped(parts)
    return parse_docx(packed, path) if kind == "docx" else parse_pptx(packed, path)


def _opendocument_articles(root: object, path: Path) -> list[Article]:
    from lxml import etree

    from desktop.core.library.importers.opendocument import parse_odt
    from desktop.core.library.importers.opendocument_slides import parse_odp

    mimetype = root.get(f"{_OFFICE}mimetype", "")  # type: ignore[attr-defined]
    kind = _ODF_KINDS.get(mimetype)
    if kind is None:
        raise UnreadableFile(
            path, f"a flat OpenDocument file of a kind Dossier does not read ({mimetype or '?'})"
        )
    # The document holds what content.xml and meta.xml would: each reader finds its part.
    # Its pictures stand in it as base64 (a zip keeps them as files): no text, left out.
    for picture in list(root.iter(f"{_OFFICE}binary-data")):  # type: ignore[attr-defined]
        picture.getparent().remove(picture)
    document = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    packed = _zipped({"mimetype": mimetype.encode(), "content.xml": document, "meta.xml": document})
    return parse_odt(packed, path) if kind == "odt" else parse_odp(packed, path)


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def _parser() -> object:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
