"""Transcripts and subtitles (.vtt, .srt): an interview's or a video's words as paragraphs.

A caption file cuts speech into cues of a few seconds, each with its time. A reader wants the
speech back: cues are joined into paragraphs, a new one where the speaker changes (WebVTT's
``<v Name>``, or "Name:" as Zoom and Teams write it) or after a pause, each paragraph opening
with the time it starts ("[12:31]"), so a quote can be found in the recording. Markup (``<i>``,
karaoke timings, ``{\\an8}``) goes, and a line a rolling caption repeats from the cue before
(YouTube's automatic captions) is kept once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from desktop.core.library.importers.building import build_article
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article

PAUSE_SECONDS = 3.0
"""A silence this long between two cues starts a new paragraph."""
PARAGRAPH_WORDS = 120
"""A paragraph this long ends at the next cue that closes a sentence."""
UNPUNCTUATED_WORDS = 3 * PARAGRAPH_WORDS
"""A paragraph this long ends at the next cue whatever it ends with: automatic captions have
no full stops."""
_TIMING = re.compile(
    r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
)
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|van|von|da|al|bin)"
_NAMED = re.compile(rf"^({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}):\s+(\S.*)$")
"""A line that opens with who speaks, as Zoom and Teams write it: "Maria Brandt: We voted …"."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SUBRIP_START = re.compile(rb"\d+\r?\n\d{1,2}:\d{2}:\d{2},\d{3} --> ")
_COMMENT_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass
class _Turn:
    """A paragraph: who speaks, from when to when, and the lines said."""

    start: float
    end: float
    speaker: str
    lines: list[str]
    words: int = 0

    def add(self, lines: list[str], end: float) -> None:
        self.lines += lines
        self.words += sum(len(line.split()) for line in lines)
        self.end = end


def is_transcript(head: bytes) -> bool:
    """Whether a file without a suffix, of which ``head`` is the start, is a caption file:
    "WEBVTT", or a first cue's number and time as SubRip writes them."""
    return head.startswith(b"WEBVTT") or bool(_SUBRIP_START.match(head))


def parse_transcript(text: str, path: Path) -> list[Article]:
    turns = _turns(_cues(text))
    if not turns:
        raise UnreadableFile(path, "no captions with text (no cue times such as 00:01.000 --> …)")
    paragraphs = [
        f"[{_clock(t.start)}] {t.speaker + ': ' if t.speaker else ''}{' '.join(t.lines)}"
        for t in turns
    ]
    return [build_article(path, title="", text="\n\n".join(paragraphs), reflowed=True)]


def _cues(text: str) -> list[tuple[float, float, str, list[str]]]:
    """Each cue's start and end in seconds, its speaker (if named) and its lines of text."""
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.strip().split("\n")]
        timing = next(((i, t) for i, line in enumerate(lines) if (t := _TIMING.search(line))), None)
        if timing is None or lines[0].startswith(_COMMENT_BLOCKS):
            continue
        timed, found = timing
        start, end = _seconds(found.groups())
        speaker, said = "", []
        for line in lines[timed + 1 :]:
            voice = _VOICE.search(line)
            speaker = " ".join(voice.group(1).split()) if voice else speaker
            clean = " ".join(_TAG.sub("", line).split())
            named = _NAMED.match(clean)
            if named:
                speaker, clean = named.group(1), named.group(2)
            if clean:
                said.append(clean)
        cues.append((start, end, speaker, said))
    return cues


def _turns(cues: list[tuple[float, float, str, list[str]]]) -> list[_Turn]:
    """The cues joined into paragraphs: a new one where the speaker changes, after a pause,
    past ``PARAGRAPH_WORDS`` words at a sentence's end or past ``UNPUNCTUATED_WORDS``; a cue
    that names no one goes on with the last speaker named, and a line a rolling caption
    repeats from the cue before is dropped."""
    turns: list[_Turn] = []
    previous: list[str] = []
    for start, end, named, said in cues:
        fresh = [line for line in said if line not in previous]
        previous = said
        if not fresh:
            continue
        last = turns[-1] if turns else None
        speaker = named or (last.speaker if last else "")
        if last is None or speaker != last.speaker or _ends_paragraph(last, start):
            last = _Turn(start, end, speaker, [])
            turns.append(last)
        last.add(fresh, end)
    return turns


def _ends_paragraph(turn: _Turn, next_start: float) -> bool:
    """Whether the next cue, from the same speaker, starts a paragraph of its own."""
    if next_start - turn.end > PAUSE_SECONDS or turn.words >= UNPUNCTUATED_WORDS:
        return True
    return turn.words >= PARAGRAPH_WORDS and bool(_SENTENCE_END.search(turn.lines[-1]))


def _seconds(parts: tuple[str | None, ...]) -> tuple[float, float]:
    """A cue's start and end in seconds, from its timing line's numbers."""

    def one(hours: str | None, minutes: str, seconds: str, fraction: str) -> float:
        whole = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        return whole + int(fraction) / 10 ** len(fraction)

    return one(*parts[:4]), one(*parts[4:])  # type: ignore[arg-type]


def _clock(seconds: float) -> str:
    """``12:31``, or ``1:02:05`` past the first hour."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
