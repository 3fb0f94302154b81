"""Hard-wrapped lines joined into paragraphs; everything that is not wrapped left as it was."""

from __future__ import annotations

import itertools
import re
import textwrap

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.core.text.wrapped_lines import (
    MAX_QUOTE_DEPTH,
    MAX_WIDTH,
    hyphen_at_break,
    join_wrapped_lines,
)

BOOK = """\
CHAPTER III

The lighthouse keeper had kept no diary, but the parish clerk, a
careful man with a well-
known fondness for weather, wrote down every storm that came over the
point, and his notes are the best exam-
ple we have of how the village lived through that winter.

It was the clerk who first saw the wreck.  He ran down to the harbour
before dawn and found the boats already out, rowing hard towards Anglo-
Saxon ruins on the point, where the sea had torn the cross from a wall--
and the keeper's lamp still burning.

    Blow, winds, and crack your cheeks! rage! blow!
    You cataracts and hurricanoes, spout
    Till you have drench'd our steeples!

So the clerk wrote, quoting the play, and then no more for a week."""

BOOK_JOINED = """\
CHAPTER III

The lighthouse keeper had kept no diary, but the parish clerk, a careful man with a \
well-known fondness for weather, wrote down every storm that came over the point, and his \
notes are the best example we have of how the village lived through that winter.

It was the clerk who first saw the wreck.  He ran down to the harbour before dawn and found \
the boats already out, rowing hard towards Anglo-Saxon ruins on the point, where the sea had \
torn the cross from a wall--and the keeper's lamp still burning.

    Blow, winds, and crack your cheeks! rage! blow!
    You cataracts and hurricanoes, spout
    Till you have drench'd our steeples!

So the clerk wrote, quoting the play, and then no more for a week."""

MAIL = """\
Hi Sam,

Thanks for sending the council papers over. I read the minutes of the
planning committee last night and there are three things worth a story
before the vote on Thursday:

- the harbour contract was never put out to tender, although the
  council's own rules require it above 50,000 euros
- two members declared no interest in the firm
- the minutes of the March meeting are missing

Name           Role            Since
Anna Berg      chair           2019
Tom Wilde      treasurer       2021

On Monday, Ola Brandt wrote:
> Could you check whether the harbour contract was ever put out to
> tender? The council's own rules say it must be above 50,000 euros.

Best,
Jane"""

MAIL_JOINED = MAIL.replace(
    "minutes of the\nplanning committee last night and there are three things worth a story\n"
    "before",
    "minutes of the planning committee last night and there are three things worth a story before",
).replace("put out to\n> tender?", "put out to tender?")

THREAD = """\
See below, worth a follow-up.

On Tue, 3 Nov 2026 at 09:14, Maria Lopez <maria@example.org> wrote:
> Hi Tom,
>
> Thanks for your patience. The ministry signed the contract on 12 March
> without a tender, and the auditor's office was told only in May.
>
>
> On Mon, 2 Nov 2026 at 18:02, Tom Reed <tom@news.example> wrote:
> > I am writing a story about the contract the ministry awarded for the new
> > treatment plant. Could you tell me when it was signed, and whether it went
> > to tender?
>> Kind regards,
>> Tom"""

THREAD_JOINED = """\
See below, worth a follow-up.

On Tue, 3 Nov 2026 at 09:14, Maria Lopez <maria@example.org> wrote:
> Hi Tom,
>
> Thanks for your patience. The ministry signed the contract on 12 March without a tender, \
and the auditor's office was told only in May.
>
> On Mon, 2 Nov 2026 at 18:02, Tom Reed <tom@news.example> wrote:
>> I am writing a story about the contract the ministry awarded for the new treatment plant. \
Could you tell me when it was signed, and whether it went to tender?
>> Kind regards,
>> Tom"""

PAGE_LINES = """\
Photographs

which were shared online this week and are being passed around widely,

show the harbour master, Greta Olsen, standing on the flooded quay in her

rubber boots.

Greta Olsen

The harbour master, who in 2012 was named sailor of the year by the

Northport Yacht Club, has posted more pictures of the storm damage on

her own page since Sunday.

See more photos:"""

PAGE_JOINED = """\
Photographs which were shared online this week and are being passed around widely, show the \
harbour master, Greta Olsen, standing on the flooded quay in her rubber boots.

Greta Olsen

The harbour master, who in 2012 was named sailor of the year by the Northport Yacht Club, \
has posted more pictures of the storm damage on her own page since Sunday.

See more photos:"""

VERSE = """\
Shall I compare thee to a summer's day?
Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May,
And summer's lease hath all too short a date;"""

LONG_VERSE = """\
I celebrate myself, and sing myself, and what I assume you shall assume,
For every atom belonging to me as good belongs to you, and to you alone,
I loafe and invite my soul, I lean and loafe at my ease observing a spear,
My tongue, every atom of my blood, form'd from this soil, this air, this,
Born here of parents born here from parents the same, and their parents."""

SHOPPING = "apples\n\npears from the market\n\nbread\n\nmilk for the week\n\nsalt"

LINKS = """\
4) The harbour bridge in winter, photographs from the city archive (1950-1990)

http://example.org/archive/bridge

5) A history of the port, from the first quay to the container terminal

http://example.org/archive/port"""


def test_a_book_in_gutenberg_layout_reads_as_paragraphs() -> None:
    assert join_wrapped_lines(BOOK) == BOOK_JOINED


def test_a_plain_text_mail_keeps_its_list_table_quote_and_signature() -> None:
    assert join_wrapped_lines(MAIL) == MAIL_JOINED


def test_a_quoted_message_is_joined_inside_its_marks_at_every_depth() -> None:
    """A reply quotes a message wrapped before its marks were added: joined as it was, each
    line keeping its marks ("> > " written as ">> "), a salutation and sign-off left alone."""
    assert join_wrapped_lines(THREAD) == THREAD_JOINED


def test_quotes_nested_beyond_the_limit_stay_as_they_are() -> None:
    """Each level of quoting is one more pass; beyond the limit the lines stay, and do not
    keep the quotes around them from being joined."""
    deep = ">" * (MAX_QUOTE_DEPTH + 1)
    wrapped = textwrap.fill(" ".join(["the harbour contract was never put out"] * 6), 60)
    lines = wrapped.split("\n")
    text = "\n".join(f"{deep} {line}" for line in lines)
    assert join_wrapped_lines(text) == text
    assert join_wrapped_lines(text.replace(deep, deep[1:])).count("\n") == 0
    thread = "\n".join(f"{marks} {line}" for marks in (">", deep, deep, deep) for line in lines)
    assert join_wrapped_lines(thread).split("\n")[0] == "> " + " ".join(lines)


def test_a_page_with_a_paragraph_per_printed_line_is_joined_but_its_caption_stays() -> None:
    assert join_wrapped_lines(PAGE_LINES) == PAGE_JOINED


@pytest.mark.parametrize("text", [VERSE, LONG_VERSE, SHOPPING, LINKS])
def test_verse_lists_and_links_are_not_wrapped_text(text: str) -> None:
    assert join_wrapped_lines(text) == text


@pytest.mark.parametrize("width", [60, 66, 72, 79])
def test_prose_wrapped_at_any_usual_width_comes_back_whole(width: int) -> None:
    paragraphs = [
        "The committee met on Thursday, and after a long debate about the harbour contract "
        "the members agreed, by seven votes to four, to ask the auditor for a report on how "
        "the well-known firm had been chosen without a tender.",
        "Nobody from the firm came to the meeting. A spokesman said later that it had "
        "followed every rule and would answer the auditor's questions in writing.",
    ]
    wrapped = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    assert "\n" in wrapped.split("\n\n")[0]
    assert join_wrapped_lines(wrapped) == "\n\n".join(paragraphs)


def test_a_dash_at_the_line_end_joins_without_a_space() -> None:
    text = (
        "The keeper climbed the stairs of the lighthouse every night at nine—\n"
        "and on the night of the storm he climbed them twice, to be sure."
    )
    assert join_wrapped_lines(text) == text.replace("\n", "")


@pytest.mark.parametrize(
    ("before", "after", "joiner"),
    [
        ("exam", "ple", ""),
        ("inter", "national", ""),
        ("well", "known", "-"),
        ("make", "up", "-"),  # "makeup" is a word, rarer than both halves
        ("self", "evident", "-"),
        ("Zorblax", "quint", "-"),  # neither half nor the whole is known: keep what was written
    ],
)
def test_a_hyphen_at_a_line_end_goes_only_when_the_joined_word_is_a_real_word(
    before: str, after: str, joiner: str
) -> None:
    assert hyphen_at_break(before, after) == joiner


def test_unknown_halves_join_when_the_break_is_known_to_be_inside_a_word() -> None:
    assert hyphen_at_break("Zorblax", "quint", unknown="") == ""


def test_a_language_without_a_word_list_keeps_the_hyphen() -> None:
    assert hyphen_at_break("exam", "ple", "xx") == "-"


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)
LINE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), min_size=0, max_size=90
)


def _tidy(line: str) -> str:
    return line.rstrip(" \t\u00a0")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"'(-"), LINE_TEXT),
        min_size=1,
        max_size=30,
    ),
    st.lists(st.booleans(), min_size=30, max_size=30),
)
def test_lines_that_never_go_on_in_lower_case_are_left_alone(
    lines: list[tuple[str, str]], blank: list[bool]
) -> None:
    """No line continues a sentence (each starts with a capital, a digit or a sign): nothing
    is wrapped, whatever the lengths and line ends."""
    text = lines and _tidy(lines[0][0] + lines[0][1].replace("\n", " "))
    for (first, rest), gap in zip(lines[1:], blank, strict=False):
        text += ("\n\n" if gap else "\n") + _tidy(first + rest.replace("\n", " "))
    assert join_wrapped_lines(text) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE_TEXT.map(lambda s: " ".join(s.split())), min_size=1, max_size=20))
def test_paragraphs_longer_than_any_wrap_width_are_left_alone(lines: list[str]) -> None:
    """Paragraphs that are one long line each (a web page's) never change, however they end or
    begin."""
    paragraphs = [("x" * (MAX_WIDTH + 1) + " " + line).strip() for line in lines]
    text = "\n\n".join(paragraphs)
    assert join_wrapped_lines(text) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(LINE_TEXT, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=40))
def test_joining_only_ever_removes_line_breaks_broken_word_hyphens_and_quote_marks(
    parts: list[tuple[str, str]],
) -> None:
    lines = [" ".join(line.split()) or "x" for line, _ in parts]
    gaps = [gap for _, gap in parts[1:]]
    text = lines[0] + "".join(gap + line for gap, line in zip(gaps, lines[1:], strict=True))
    joined = join_wrapped_lines(text)  # a joined quoted line loses its marks too
    assert re.sub(r"[\s>-]", "", joined) == re.sub(r"[\s>-]", "", text)
    assert joined.count("\n") <= text.count("\n")


SENTENCE = st.lists(WORD, min_size=8, max_size=25).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=100, deadline=None)
@given(st.lists(SENTENCE, min_size=2, max_size=8), st.integers(min_value=60, max_value=80))
def test_a_paragraph_filled_to_a_width_comes_back_as_it_was(
    sentences: list[str], width: int
) -> None:
    paragraph = " ".join(sentences)
    wrapped = textwrap.fill(paragraph, width, break_on_hyphens=False)
    lines = wrapped.split("\n")
    going_on = sum(
        1 for a, b in itertools.pairwise(lines) if not a.endswith(".") and b[0].islower()
    )
    assume(going_on >= 0.3 * (len(lines) - 1))  # how hard-wrapped prose reads
    assert join_wrapped_lines(wrapped) == paragraph
