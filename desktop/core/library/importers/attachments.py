"""Files inside a file: an e-mail's attachments, an Outlook message's, a PDF's embedded files
(a PDF portfolio's documents), and the files of a zipped attachment. Each in a format Dossier
imports becomes its own article whose origin names the container and the file
(``mail.eml#report.pdf``, ``mail.eml#files.zip#memo.pdf``), and the container's text ends with
a list of what became of each, so the link is visible to a reader and in the import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from desktop.core.library.importers.errors import UnreadableFile, UnsupportedFile
from desktop.core.library.importers.zip_archive import (
    RESOURCES,
    UNSUPPORTED,
    is_zip_archive,
    unpacked,
)
from desktop.core.models import Article

NOT_READ = "a file type Dossier does not read"
_NOT_UNPACKED = {
    UNSUPPORTED: NOT_READ,
    RESOURCES: "the pictures, styles and frames of a saved page",
}
Reader = Callable[[bytes, Path], list[Article]]
MAX_NESTING = 5
"""Files inside files inside files are read this deep (forwarded mail inside forwarded mail);
deeper ones are listed only (each level costs stack, and a crafted file could nest thousands)."""
_NESTING: ContextVar[int] = ContextVar("attachment_nesting", default=0)


def attached_articles(
    files: Iterable[tuple[str, bytes]], origin: Path, read_attachment: Reader
) -> tuple[list[Article], list[str]]:
    """Articles from the attached ``(name, bytes)`` files Dossier can read, each with the
    origin ``message#name``, and a line on each attachment; call it inside ``nested``."""
    articles: list[Article] = []
    outcomes: list[str] = []
    read_as: dict[str, str] = {}  # a text already read: from which attachment
    for name, payload in _unzipped(files):
        if isinstance(payload, str):
            outcomes.append(f"{name} (not imported: {payload})")
            continue
        if too_deep():
            outcomes.append(f"{name} (not imported: attached too many levels deep)")
            continue
        try:
            found = read_attachment(payload, Path(f"{origin}#{name}"))
        except UnsupportedFile:
            outcomes.append(f"{name} (not imported: {NOT_READ})")
            continue
        except UnreadableFile as exc:
            outcomes.append(f"{name} (not imported: {exc.reason})")
            continue
        texts = [article.text for article in found]
        if texts and all(text in read_as for text in texts):  # quick.doc sent as quick.pdf too
            outcomes.append(f"{name} (the same text as {read_as[texts[0]]})")
            continue
        read_as.update((text, name) for text in texts if text not in read_as)
        articles += found
        outcomes.append(f"{name} (imported as its own article)")
    return articles, outcomes


def _unzipped(files: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes | str]]:
    """The attached files, a zipped one replaced by its files (``files.zip#memo.pdf``), each
    with its bytes or why it is not read; empty ones left out."""
    for name, payload in files:
        if not name or not payload.strip():
            continue
        if not is_zip_archive(name, payload):
            yield name, payload
            continue
        for file in unpacked(payload, name, with_data=True):
            if file.data is not None:
                yield file.name, file.data
            else:
                yield file.name, _NOT_UNPACKED.get(file.kind, file.reason)


def with_attachment_list(body: str, outcomes: list[str]) -> str:
    """The message's text with a line on what became of each attachment at its end."""
    if not outcomes:
        return body
    return f"{body}\n\nAttachments:\n" + "\n".join(f"- {line}" for line in outcomes)


@contextmanager
def nested() -> Iterator[None]:
    """One level deeper into attached messages while the block runs: a message attached to a
    message is read ``MAX_NESTING`` levels deep at most."""
    level = _NESTING.set(_NESTING.get() + 1)
    try:
        yield
    finally:
        _NESTING.reset(level)


def too_deep() -> bool:
    """Whether what is read now is attached more than ``MAX_NESTING`` levels deep."""
    return _NESTING.get() > MAX_NESTING
