"""Which parts of a MIME message a reader sees as its text and which as its attachments.

A mail program shows every text part of a message one after another, not only the first: a
firewall's or a mailing list's notice added after the body, the text an iPhone or Apple Mail
sends on after a picture, a body whose plain alternative is empty beside its HTML one. Files
are found at any depth: a signed message (``multipart/signed``) keeps its body and its files
one level down, where the standard library's ``iter_attachments`` does not look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message
from mimetypes import MimeTypes

_TEXT_SUBTYPES = ("plain", "html")
_MARKUP = re.compile(r"<[^>]*>|&[#\w]+;")
_UNSEEN = re.compile(r"<(head|style|script|title)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
STUB_SHARE = 0.2
"""An alternative with less than this share of the fullest one's words is a stub."""
_FILE_EXTENSIONS = MimeTypes()
"""Python's own table of types, not the system's: the same names on every machine."""


@dataclass
class MailParts:
    """A message's text parts, in reading order, and its attached files, in order."""

    texts: list[Message] = field(default_factory=list)
    files: list[Message] = field(default_factory=list)


def mail_parts(message: Message, prefer: tuple[str, str]) -> MailParts:
    """The parts of ``message``; of alternatives, the first non-empty one of the subtype
    ``prefer`` names first ("plain" or "html"), else of the other."""
    parts = MailParts()
    if message.get_content_type() == "message/rfc822":  # a file that only encloses a message
        for enclosed in _children(message):
            _collect(enclosed, prefer, parts)
    else:
        _collect(message, prefer, parts)
    return parts


def unnamed_file(part: Message, number: int) -> str:
    """A name for a file sent without one, from its place and type (``attachment-3.pdf``):
    it is read and listed like the others, not dropped."""
    extension = _FILE_EXTENSIONS.guess_extension(part.get_content_type()) or ""
    return f"attachment-{number}{extension}"


def _collect(part: Message, prefer: tuple[str, str], parts: MailParts) -> None:
    if part.get_content_type() == "message/rfc822":
        parts.files.append(part)
    elif part.get_content_maintype() == "message":
        return  # a delivery report's status fields: machine data, no text and no file
    elif not part.is_multipart():
        _leaf(part, parts)
    elif part.get_content_subtype() == "alternative":
        chosen = _best_alternative(_children(part), prefer)
        if chosen is not None:
            parts.texts += chosen.texts
            parts.files += chosen.files
    elif part.get_content_subtype() == "related":
        children = _children(part)
        root = _related_root(part, children)
        for child in children:
            if child is root:
                _collect(child, prefer, parts)
            elif child.get_content_maintype() != "image":  # a picture of the HTML body
                parts.files.append(child)
    else:
        for child in _children(part):
            _collect(child, prefer, parts)


def _leaf(part: Message, parts: MailParts) -> None:
    """A text part with no file name is text to read; anything else is a file."""
    if part.get_content_maintype() == "multipart":  # its boundary is missing: read it whole
        parts.texts.append(part)
    elif (
        part.get_content_maintype() == "text"
        and part.get_content_disposition() != "attachment"
        and not part.get_filename()
    ):
        if part.get_content_subtype() in _TEXT_SUBTYPES:
            parts.texts.append(part)
    else:
        parts.files.append(part)


def _best_alternative(children: list[Message], prefer: tuple[str, str]) -> MailParts | None:
    """The alternative to read: by ``prefer``, skipping any without a word (an empty plain
    part beside the real HTML one) and any that holds less than ``STUB_SHARE`` of another's
    words ("To view this message, use an HTML-capable mail program")."""
    ranked: list[tuple[int, int, MailParts]] = []
    counts: list[int] = []
    for index, child in enumerate(children):
        found = MailParts()
        _collect(child, prefer, found)
        words = [(text.get_content_subtype(), _word_count(text)) for text in found.texts]
        subtypes = [subtype for subtype, count in words if count]
        if subtypes:
            rank = prefer.index(subtypes[0]) if subtypes[0] in prefer else len(prefer)
            ranked.append((rank, index, found))
            counts.append(sum(count for _, count in words))
    most = max(counts, default=0)
    full = [
        entry for entry, count in zip(ranked, counts, strict=True) if count >= STUB_SHARE * most
    ]
    return min(full, key=lambda entry: entry[:2])[2] if full else None


def _related_root(part: Message, children: list[Message]) -> Message | None:
    """The part a ``multipart/related`` shows (RFC 2387): the one its ``start`` names, else
    the first."""
    start = str(part.get_param("start") or "").strip("<>")
    for child in children:
        if start and str(child.get("content-id", "")).strip().strip("<>") == start:
            return child
    return children[0] if children else None


def _children(part: Message) -> list[Message]:
    payload = part.get_payload()
    return (
        [child for child in payload if isinstance(child, Message)]
        if isinstance(payload, list)
        else []
    )


def _word_count(part: Message) -> int:
    """About how many words a reader sees in the part (an HTML part without its markup)."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return 0
    text = payload.decode("latin-1")
    if part.get_content_subtype() == "html":
        text = _MARKUP.sub(" ", _UNSEEN.sub(" ", text))
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))
