"""The names of a zip archive's entries as their writer meant them.

The zip format stores a name in UTF-8 only where a flag says so; zip tools on Windows write
the others in the system's OEM code page (437 or 850 in Western Europe and America, 866 in
Russia, 932 in Japan, 936 in China, 949 in Korea, 950 in Taiwan), which Python's zipfile reads
as code page 437. Info-ZIP, WinZip and 7-Zip may add the name in UTF-8 in an extra field.
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zipfile
import zlib

import charset_normalizer

_UTF8_NAME = 0x800  # the flag bit of a name stored in UTF-8
_UNICODE_PATH = 0x7075  # Info-ZIP's extra field: the name in UTF-8 beside a legacy one
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HALFWIDTH_KANA = frozenset(map(chr, range(0xFF61, 0xFFA0)))
_CORE_SETS = {"cp949": "euc_kr", "gb18030": "gb2312", "cp932": "euc_jp"}
"""The common characters of a code page: a reading through its rare extensions (Hangul
syllables outside KS X 1001, Han outside GB 2312) is most likely the wrong code page."""
_IDEOGRAPHS = 0x1100
"""Where Hangul, kana and Han begin: letters of a script no Latin word mixes into itself."""
NAME_CODECS = ["cp850", "cp437", "cp866", "cp932", "gb18030", "cp949", "cp950"]
"""The code pages zip tools write names in when they do not write UTF-8: the OEM code pages
of Western, Russian, Japanese, Chinese, Korean and Taiwanese Windows."""


def entry_names(archive: zipfile.ZipFile) -> list[str]:
    """Each entry's name as its writer meant it: UTF-8 where flagged, where Info-ZIP's Unicode
    path field gives it, or where the bytes read as UTF-8; else in the legacy code page that
    reads all the archive's other names best (a zip made on Chinese, Japanese or Russian
    Windows writes its names in the system's code page, which zipfile takes for code page 437).
    """
    known = [(info, _unicode_name(info)) for info in archive.infolist()]
    codec = _legacy_codec([info.filename.encode("cp437") for info, name in known if name is None])
    return [
        name if name is not None else info.filename.encode("cp437").decode(codec, "replace")
        for info, name in known
    ]


def _unicode_name(info: zipfile.ZipInfo) -> str | None:
    """The name when it is known to be Unicode; None for one in a legacy code page."""
    if info.flag_bits & _UTF8_NAME:
        return info.filename
    raw = info.filename.encode("cp437")
    extra = info.extra
    at = 0
    while at + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, at)
        field = extra[at + 4 : at + 4 + size]
        matches = len(field) > 5 and struct.unpack_from("<I", field, 1)[0] == zlib.crc32(raw)
        if tag == _UNICODE_PATH and matches and field[0] == 1:
            try:
                return field[5:].decode("utf-8").replace("\\", "/")  # WinZip writes "\\"
            except UnicodeDecodeError:
                break
        at += 4 + size
    try:
        return raw.decode("utf-8")  # ASCII too
    except UnicodeDecodeError:
        return None


def _legacy_codec(names: list[bytes]) -> str:
    """The code page that reads ``names`` best: of those whose reading scores highest
    (``_plausibility``), charset-normalizer's guess, else the first in ``NAME_CODECS``."""
    if not names:
        return NAME_CODECS[0]
    scores = {codec: _plausibility(names, codec) for codec in NAME_CODECS}
    top = max(scores.values())
    best = charset_normalizer.from_bytes(b"\n".join(names), cp_isolation=NAME_CODECS).best()
    if best is not None and scores.get(best.encoding) == top:
        return best.encoding
    return next(codec for codec in NAME_CODECS if scores[codec] == top)


def _plausibility(names: list[bytes], codec: str) -> float:
    """How much of the names' non-ASCII bytes read as letters in ``codec``, less twice what
    reads as symbols (box drawing, "¿", "±"), as ideographs glued to Latin letters ("셪f꼜ser"
    for the "Ölfässer" of code page 850), as Hangul among Han characters ("삔累셩狼" for the
    "会议纪要" of code page 936), as half-width kana or as a code page's rare extensions;
    -1 where the bytes do not decode."""
    good = bad = 0
    for raw in names:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            return -1.0
        mixed = _HANGUL.search(text) is not None and _HAN.search(text) is not None
        for at, char in enumerate(text):
            if char.isascii():
                continue
            width = len(char.encode(codec))
            near = text[max(at - 1, 0) : at + 2]
            glued = ord(char) >= _IDEOGRAPHS and any(c.isascii() and c.isalpha() for c in near)
            rare = char in _HALFWIDTH_KANA or not _in_core(char, codec)
            if unicodedata.category(char).startswith("L") and not (glued or mixed or rare):
                good += width
            else:
                bad += width
    return (good - 2 * bad) / max(good + bad, 1)


def _in_core(char: str, codec: str) -> bool:
    core = _CORE_SETS.get(codec)
    if core is None:
        return True
    try:
        char.encode(core)
    except UnicodeEncodeError:
        return False
    return True
