"""Generators of hostile files: bombs, huge one-liners, FIFOs, loops, names that are not UTF-8."""

from __future__ import annotations

import os
from pathlib import Path

STORY = "The council voted on the budget on Tuesday evening after a long debate."

BILLION_LAUGHS = (
    b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
"""
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (n, (b"&lol%d;" % (n - 1) if n > 2 else b"&lol;") * 10)
        for n in range(2, 10)
    )
    + b"""]>
"""
)
"""A DTD whose last entity expands to 10^9 ``lol``s; the body that uses it follows."""

PASSWD_MARK = "root:x:0:0"
"""A line of /etc/passwd: if it shows up in the library, a file read a file it should not."""


def xml_bombs() -> dict[str, bytes]:
    """Entity expansion and external-entity attacks, as a feed, an XHTML page and an HTML page."""
    use = b"&lol9;"
    xxe = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    story = STORY.encode()
    return {
        "laughs.xml": BILLION_LAUGHS + b'<rss version="2.0"><channel><title>' + use
        + b"</title><item><title>" + use + b"</title><description>" + use + story
        + b"</description></item></channel></rss>",
        "laughs.xhtml": BILLION_LAUGHS + b"<html><head><title>" + use + b"</title></head><body><p>"
        + use + story + b"</p></body></html>",
        "laughs.html": BILLION_LAUGHS + b"<html><body><p>" + use + story + b"</p></body></html>",
        "xxe.rss": b'<?xml version="1.0"?>\n' + xxe + b'<rss version="2.0"><channel><title>t'
        b"</title><item><title>Leak</title><description>&xxe; " + story
        + b"</description></item></channel></rss>",
        "xxe.html": b'<?xml version="1.0"?>\n' + xxe + b"<html><body><p>&xxe; " + story
        + b"</p></body></html>",
        "dtd.atom": b'<?xml version="1.0"?>\n<!DOCTYPE feed SYSTEM "file:///etc/passwd">\n'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>Leak</title>'
        b"<content>" + story + b"</content></entry></feed>",
        "xinclude.xml": b'<?xml version="1.0"?>\n<rss version="2.0" '
        b'xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>t</title><item>'
        b'<title>Leak</title><description><xi:include href="file:///etc/passwd" parse="text"/> '
        + story + b"</description></item></channel></rss>",
    }  # fmt: skip


def one_line_files(size: int) -> dict[str, bytes]:
    """A ``size``-byte single line in every format the importers know, and one unknown."""
    words = (STORY.encode() + b" ") * (size // (len(STORY) + 1) + 1)
    line = words[:size]
    return {
        "one-line.txt": line,
        "one-line.md": b"**Budget:** " + line,
        "one-line.html": b"<html><body><p>" + line + b"</p></body></html>",
        "one-line.xml": b'<rss version="2.0"><channel><item><description>' + line
        + b"</description></item></channel></rss>",
        "one-line.unknown": line,
    }  # fmt: skip


def write_all(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        written.append(folder / name)
        written[-1].write_bytes(data)
    return written


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def symlink_loop(folder: Path) -> Path:
    """``a.md`` → ``b.md`` → ``a.md``, and a folder link back to its parent; returns ``a.md``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)
    return folder / "a.md"


NON_UTF8 = b"caf\xe9-\xff"
"""Latin-1 bytes in a UTF-8 world: what a name copied from an old disk or an archive looks like."""


def non_utf8_file(folder: Path, suffix: str = ".md") -> Path:
    """A story in a file whose name is not valid UTF-8 (``os.fsdecode`` keeps the bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + NON_UTF8 + suffix.encode()))
    path.write_text(f"# Café\n\n{STORY}\n", encoding="utf-8")
    return path
