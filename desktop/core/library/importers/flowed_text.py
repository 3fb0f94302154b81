"""Plain-text mail sent as ``format=flowed`` (RFC 3676), as Apple Mail and Thunderbird send it.

Such a message is wrapped for the wire, but says exactly where: a line ending in a space goes on
in the next line of the same quote depth; every other break is the writer's own. So its
paragraphs are put back exactly, where unmarked wrapped text can only be joined on evidence
(short lines, a list of short sentences, a quoted reply): the marks are taken off and one
leading "stuffing" space removed, flowed lines joined (without their trailing space when the
message says ``DelSp=yes``), and each paragraph given its quote marks back ("> ", ">> ").
"""

from __future__ import annotations

SIGNATURE = "-- "
"""The signature separator: it ends in a space but never flows."""


def unflowed(text: str, *, delete_space: bool = False) -> str:
    """``text`` (a ``format=flowed`` body) with its flowed lines joined into paragraphs."""
    out: list[str] = []
    paragraph: list[str] = []
    depth = 0
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.lstrip(">")
        quoted = len(raw) - len(line)
        if paragraph and quoted != depth:  # a flowed line before a change of depth ends there
            out.append(_marked(paragraph, depth))
            paragraph = []
        depth = quoted
        line = line.removeprefix(" ")  # space-stuffing
        flowed = line.endswith(" ") and line != SIGNATURE
        paragraph.append(line[:-1] if flowed and delete_space else line)
        if not flowed:
            out.append(_marked(paragraph, depth))
            paragraph = []
    if paragraph:
        out.append(_marked(paragraph, depth))
    return "\n".join(out)


def _marked(lines: list[str], depth: int) -> str:
    joined = "".join(lines)
    if not depth:
        return joined
    return ">" * depth + (" " + joined if joined else "")
