"""Bytes of a file in, text out: the size limit, binary sniffing and encoding detection.

Saved articles come in UTF-8, in UTF-16 or UTF-32 (Windows "Unicode" text, with or without a
byte-order mark), or in a legacy charset, often named by the page or feed itself. A declared
name is only a hint: one Python does not know, or that names a codec which is not a charset
(``base64``, ``rot13``, ``undefined``), is ignored and the bytes are looked at instead.

A page in UTF-8 with a stray broken sequence (a teaser cut in the middle of a character) is
still UTF-8, read with the replacement character as browsers read it: the few invalid bytes
are far outnumbered by valid multi-byte characters, which legacy text almost never forms. A page
that declares UTF-8 is read so while its invalid sequences are fewer than its valid ones.

charset-normalizer guesses legacy charsets, but on short Western text it often prefers a Baltic
or Central European code page over Windows-1252, by far the most common legacy encoding of news
text, so 1252 wins whenever it reads about as cleanly.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer
from charset_normalizer.md import mess_ratio

from desktop.core.files import NotRegularFile, open_regular
from desktop.core.library.importers.doubled_encoding import DOUBLED_SEQUENCE
from desktop.core.library.importers.errors import UnreadableFile

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file an importer reads (20 MiB): far above any article or feed, small enough that a
mistaken pick (a video, a disk image) fails at once instead of filling memory."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PREFERRED_LEGACY = "cp1252"
_LEGACY_PREFERENCE = 0.1
_MAX_MESS = 0.25
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CHARSET_DECLARATION = re.compile(rb"""<meta[^<>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_NOT_CHARSETS = frozenset(
    ("undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "charmap")
)
"""Python text codecs that no page or feed means by its charset: Python-specific encodings."""
_AS_BROWSERS_READ = {"ascii": "cp1252", "iso8859-1": "cp1252"}
"""Declared names that pages mean as Windows-1252 (curly quotes in 0x80-0x9f), as browsers do."""
_STRAY_ZEROS = 0.001
"""Zero bytes this rare in a file that is no UTF-16 or UTF-32 are strays in a text (a page
saved with padding after an image tag); a binary file has them everywhere."""
_BOMLESS_SAMPLE = 4096
_UTF16_MIN_ZEROS = 0.05
_UTF16_PARITY_RATIO = 4
_STRAY_INVALID = 0.01
"""Invalid UTF-8 sequences, as a share of the valid non-ASCII characters, that are strays."""
_DECLARED_INVALID = 1.0
"""The same share for a page that declares UTF-8: browsers read it as UTF-8 whatever its
strays (a blog's text pasted twice through a converter), and a legacy page mislabelled UTF-8
forms almost no valid sequences, so fewer invalid ones than valid is UTF-8 with strays."""


def read_file_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, refusing folders, FIFOs, devices, empty files and files over
    ``limit`` bytes, ``MAX_FILE_BYTES`` unless given (see ``open_regular``: nothing here can
    block on a FIFO)."""
    limit = limit or MAX_FILE_BYTES
    try:
        handle, size = open_regular(path)
        with handle:
            if size > limit:
                raise UnreadableFile(
                    path,
                    f"file is too large ({size / 1048576:.1f} MiB; the limit is "
                    f"{limit // 1048576} MiB)",
                )
            data = handle.read(limit + 1)
    except NotRegularFile as exc:
        raise UnreadableFile(path, "not a regular file") from exc
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read the file ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise UnreadableFile(path, "file grew past the size limit while it was read")
    if not data.strip():
        raise UnreadableFile(path, "file is empty")
    return data


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names, if it is one Python can use."""
    head = data[:4096]
    match = _XML_DECLARATION.match(head.lstrip()) or _CHARSET_DECLARATION.search(head)
    return text_codec(match.group(1).decode("ascii")) if match else None


def text_codec(name: str) -> str | None:
    """Python's name for the charset ``name``; ``None`` for an unknown name or a codec that
    does not turn text into bytes (``base64``, ``rot13``) or is no charset (``undefined``)."""
    try:
        codec = codecs.lookup(name).name
        "".encode(codec)  # LookupError for bytes-to-bytes codecs, UnicodeError for 'undefined'
    except (LookupError, ValueError):
        return None
    return None if codec in _NOT_CHARSETS else codec


def decode_text(data: bytes, path: Path, declared: str | None = None) -> str:
    """Decode ``data``: byte-order mark, then UTF-8, then ``declared``, then a careful guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding, path), path)
    if b"\x00" in data[:65536]:
        encoding = _unicode_without_bom(data)
        if encoding is not None:
            return _checked(_strict(data, encoding, path), path)
        if data[:65536].count(0) > _STRAY_ZEROS * min(len(data), 65536):
            raise UnreadableFile(path, "binary file, not text")
        data = data.replace(b"\x00", b"")  # a few stray zero bytes in text, dropped as browsers do
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data, _DECLARED_INVALID if declared == "utf-8" else _STRAY_INVALID)
    if mostly is not None:
        return _checked(mostly, path)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return _checked(data.decode(_AS_BROWSERS_READ.get(declared, declared)), path)
        except (UnicodeError, UnreadableFile):
            pass  # the declaration is wrong: look at the bytes instead
    return _checked(_guess_legacy(data, path), path)


def _mostly_utf8(data: bytes, share: float) -> str | None:
    """The text as UTF-8 when its invalid sequences are at most ``share`` of its valid
    non-ASCII characters (which must be many); ``None`` otherwise."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    return text if 0 < invalid <= share * valid else None


def _unicode_without_bom(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (little or big end) told by where the zero bytes sit, as the high bytes
    of ASCII letters, spaces and markup put them; ``None`` for anything else (a binary file has
    zeros everywhere)."""
    end = min(len(data), _BOMLESS_SAMPLE)
    sample = data[: end - end % 4] or data[: end - end % 2]
    zeros = [sample[i::4].count(0) for i in range(4)]
    units = len(sample) // 4
    if units and zeros[3] == units and zeros[2] > 0.9 * units and zeros[0] < 0.1 * units:
        return "utf-32-le"  # every code point's top byte is zero, nearly every second one
    if units and zeros[0] == units and zeros[1] > 0.9 * units and zeros[3] < 0.1 * units:
        return "utf-32-be"
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    high, low = max(even, odd), min(even, odd)
    if not high or high < _UTF16_MIN_ZEROS * len(sample) / 2 or high < _UTF16_PARITY_RATIO * low:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"not valid {encoding.upper()} text ({exc.reason})") from exc


def _guess_legacy(data: bytes, path: Path) -> str:
    candidates: list[tuple[float, str]] = []
    for match in charset_normalizer.from_bytes(data):
        candidates.append((match.chaos, str(match)))
    try:
        text = data.decode(_PREFERRED_LEGACY)
    except UnicodeDecodeError:
        pass
    else:
        candidates.append((mess_ratio(text, 1.0) - _LEGACY_PREFERENCE, text))
    if not candidates:
        raise UnreadableFile(path, "cannot tell the text encoding (not UTF-8 or a known charset)")
    mess, text = min(candidates, key=lambda c: c[0])
    if mess > _MAX_MESS:
        raise UnreadableFile(path, "cannot tell the text encoding (it decodes only to garbage)")
    return text


def _checked(text: str, path: Path) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode.
    Windows-1252's quotes double-encoded through Latin-1 are control characters ("isnâ\x80\x99t")
    in text, not binary: they are not counted."""
    sample = text[:65536]
    # Counted again without double-encoded characters only when too many: that is rare.
    if (
        _control_share(sample) > _MAX_CONTROL_SHARE
        and _control_share(DOUBLED_SEQUENCE.sub("", sample)) > _MAX_CONTROL_SHARE
    ):
        raise UnreadableFile(path, "binary file, not text")
    return text.lstrip("\ufeff")


def _control_share(sample: str) -> float:
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0
