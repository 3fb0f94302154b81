"""Transcripts and subtitles (.vtt, .srt) import as paragraphs of speech with their times."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import detect_format, read_articles
from tests.core.library.refusals import assert_refused

# As Zoom writes a meeting's transcript: numbered cues, "Name: " before each.
ZOOM = """WEBVTT

1
00:00:01.200 --> 00:00:04.100
Maria Brandt: Thank you for coming. The council voted on Tuesday

2
00:00:04.100 --> 00:00:07.900
Maria Brandt: to close the harbour bridge to lorries.

3
00:00:08.300 --> 00:00:11.000
Tom Okafor: How long will the diversion last?

4
00:00:11.500 --> 00:00:14.000
Maria Brandt: At least six months, the engineers say.

5
01:02:05.000 --> 01:02:07.500
Maria Brandt: That is all for today.
"""

# WebVTT's own voices and markup, a note and a style block.
VOICES = """WEBVTT - interview
Kind: captions

NOTE recorded at the port office

STYLE
::cue { color: yellow }

intro
00:00.000 --> 00:03.000 align:start position:10%
<v.loud Maria Brandt><i>The bridge</i> is closed.</v>

00:03.000 --> 00:05.000
<v Tom Okafor>Since when?
"""

# YouTube's automatic captions: each cue repeats the line before and times every word.
ROLLING = """WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:02.000 align:start position:0%
the<00:00:00.500><c> council</c><00:00:01.000><c> voted</c>

00:00:02.000 --> 00:00:04.000 align:start position:0%
the council voted
on<00:00:02.500><c> Tuesday</c>

00:00:04.000 --> 00:00:06.000 align:start position:0%
on Tuesday
to close the bridge
"""

# SubRip, as a film's subtitles come, with a pause and a tag of the old SSA kind.
SUBRIP = """1
00:00:01,000 --> 00:00:03,000
{\\an8}The harbour at dawn.

2
00:00:03,500 --> 00:00:06,000
Lorries wait at the bridge,
engines running.

3
00:00:12,000 --> 00:00:14,000
- Nobody told us.
"""


def saved(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_meeting_transcript_reads_as_turns_with_their_times(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, ZOOM, "council-briefing.vtt"))
    assert article.title == "council briefing"
    assert article.text.split("\n\n") == [
        "[00:01] Maria Brandt: Thank you for coming. The council voted on Tuesday to close the "
        "harbour bridge to lorries.",
        "[00:08] Tom Okafor: How long will the diversion last?",
        "[00:11] Maria Brandt: At least six months, the engineers say.",
        "[1:02:05] Maria Brandt: That is all for today.",  # after a pause: a paragraph of its own
    ]


def test_voices_and_markup_of_webvtt(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, VOICES, "interview.vtt"))
    assert article.text.split("\n\n") == [
        "[00:00] Maria Brandt: The bridge is closed.",
        "[00:03] Tom Okafor: Since when?",
    ]


def test_rolling_captions_keep_each_line_once(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, ROLLING, "video.vtt"))
    assert article.text == "[00:00] the council voted on Tuesday to close the bridge"


def test_subrip_subtitles_read_as_paragraphs_between_pauses(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, SUBRIP, "harbour.srt"))
    assert article.text.split("\n\n") == [
        "[00:01] The harbour at dawn. Lorries wait at the bridge, engines running.",
        "[00:12] - Nobody told us.",
    ]


def test_a_long_turn_breaks_into_paragraphs_at_sentence_ends(tmp_path: Path) -> None:
    cues = "".join(
        f"{i + 1}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n"
        f"Engineers found crack number {i} in the girders of the old bridge.\n\n"  # 12 words
        for i in range(15)
    )
    (article,) = read_articles(saved(tmp_path, cues, "long.srt"))
    paragraphs = article.text.split("\n\n")
    # 120 words and more close a paragraph at its next full stop, not in mid-sentence.
    assert [p[:20] for p in paragraphs] == ["[00:00] Engineers fo", "[00:10] Engineers fo"]
    # Automatic captions have no full stops: a paragraph ends past 360 words anyway.
    unpunctuated = "".join(
        f"{i + 1}\n00:{i // 60:02d}:{i % 60:02d},000 --> 00:{i // 60:02d}:{i % 60:02d},900\n"
        f"engineers found crack number {i} in the girders of the old bridge\n\n"
        for i in range(70)
    )
    (captions,) = read_articles(saved(tmp_path, unpunctuated, "auto.srt"))
    assert [p[:7] for p in captions.text.split("\n\n")] == ["[00:00]", "[00:30]", "[01:00]"]


@pytest.mark.parametrize(
    "text", ["WEBVTT\n\nNOTE nothing but a note\n", "1\n00:00:01,000 --> 00:00:02,000\n\n"]
)
def test_a_caption_file_without_words_is_refused(tmp_path: Path, text: str) -> None:
    assert_refused(saved(tmp_path, text, "empty.vtt"), "no captions with text")


def test_caption_files_without_a_suffix_are_known_by_their_first_bytes() -> None:
    assert detect_format(Path("captions"), ZOOM.encode()) == "transcript"
    assert detect_format(Path("captions"), SUBRIP.encode()) == "transcript"
    assert detect_format(Path("notes"), b"1\nFirst point of the meeting\n") == "text"
