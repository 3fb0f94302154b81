"""Which files Dossier imports, by name: the suffix of each format, and the rule that keeps a
saved page's folder of pictures, styles and frames out of an import.

Both a folder walk and a zip archive's listing decide with these, so a file is treated the
same wherever it lies.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.printable import printable

SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".webarchive": "webarchive",
    ".vtt": "transcript",
    ".srt": "transcript",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".nitf": "feed",
    ".newsml": "feed",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".rtf": "rtf",
    ".pptx": "pptx",
    ".ppt": "ppt",
    ".odt": "odt",
    ".odp": "odp",
    ".fodt": "flat",
    ".fodp": "flat",
    ".eml": "eml",
    ".emlx": "emlx",
    ".mbox": "mbox",
    ".msg": "msg",
    ".epub": "epub",
    ".zip": "zip",
}
SUPPORTED_SUFFIXES = frozenset(SUFFIX_FORMATS)
"""File suffixes Dossier imports; a file without a suffix is recognised by its content."""
SUPPORTED_KINDS = (
    "text (.txt), Markdown (.md), web pages (.html, or saved as one file: .mhtml, .mht, "
    ".webarchive), RSS/Atom feeds (.xml, .rss, .atom), news agencies' wire copy (NITF, "
    "NewsML: .xml, .nitf, .newsml), PDF, Word (.docx, .doc, or Word's XML Document: .xml), "
    "presentations (.pptx, .ppt, .odp, .fodp), rich text (.rtf), OpenDocument text (.odt, "
    ".fodt), e-mail (.eml, .mbox, Outlook's .msg, Apple Mail's .emlx), EPUB books, "
    "transcripts or subtitles (.vtt, .srt), each also gzip-compressed (.html.gz), and zip "
    "archives of them (.zip)"
)
COMPRESSED = ".gz"


UNSUPPORTED_TYPE = "unsupported file type"


def format_suffix(path: Path) -> str:
    """The suffix that names the format: ``.html`` for ``page.html`` and ``page.html.gz``."""
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() if suffix == COMPRESSED else suffix


def is_supported(path: Path) -> bool:
    """Whether Dossier imports a file by its name (a folder import skips the others)."""
    return format_suffix(path) in SUPPORTED_SUFFIXES


def unsupported_type(path: Path) -> str:
    """``unsupported file type (.jpg)``: why a folder import skips a file."""
    suffix = Path(path.name.rpartition("#")[2]).suffix  # an archive's entry: its own suffix
    return f"{UNSUPPORTED_TYPE} ({printable(suffix.lower()) or 'no suffix'})"


def unsupported_reason(path: Path) -> str:
    """Why a file named on its own is not imported, in words that say what is."""
    return f"{unsupported_type(path)} — Dossier imports {SUPPORTED_KINDS}"


RESOURCES_SUFFIX = "_files"
"""What a browser adds to a page's name for the folder of its resources when it saves the
page complete ("Story.html" and "Story_files/": Chrome, Edge, Firefox)."""
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


def page_resources(folder: str, siblings: set[str]) -> bool:
    """Whether the folder named ``folder`` holds the resources of a page saved beside it
    (``siblings``: the names in the same folder): its frames are saved as pages too
    ("saved_resource.html": an advertisement, a video player), which are no articles."""
    if not folder.endswith(RESOURCES_SUFFIX):
        return False
    page = folder.removesuffix(RESOURCES_SUFFIX)
    return any(page + suffix in siblings for suffix in _PAGE_SUFFIXES)
