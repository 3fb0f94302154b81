"""Hard-wrapped text joined back into paragraphs.

Plain-text e-mails, Project Gutenberg books and some web pages (``<pre>`` text, a ``<br>`` or a
paragraph per printed line) break every line near a fixed width, mid-sentence. The sentence
splitter takes a line break for a boundary, so such text reads as half sentences. A run of
lines counts as wrapped only on evidence: its lines are of a similar length near a width of
45–100 characters, and several of them end without punctuation, long, before a line that goes
on in lower case. Inside a wrapped run, a line break goes when the sentence plainly goes on;
it stays before a list item, a quoted (``>``) line, a table row, a heading or an indented line,
and after a short line that ends its thought. Verse (short lines), lists and tables are never
wrapped runs, so they come out as they went in. One pass over the lines: linear in the text.

A quoted message in a reply (lines opening with ``>``, ``>>`` for a quote within the quote) was
wrapped before its marks were added: its text is joined as it would be without them, and each
joined line gets its marks back, so "> Thanks. The ministry signed the contract on 12 March /
> without a tender" reads as whole sentences and still as a quote.
"""

from __future__ import annotations

import re
from itertools import groupby, pairwise

from desktop.core.text.sentence_ends import SCRIPT_STOPS
from desktop.core.text.word_frequencies import english_zipf

MIN_WIDTH = 45
"""Narrower lines are verse, a column or a list, not prose wrapped at a width."""
MAX_WIDTH = 100
"""A longer line was not broken at a width: a paragraph of its own."""
LONG_SHARE = 0.75
"""A line at least this share of the run's width was filled up to it."""
EVIDENCE_SHARE = 0.3
"""Share of a run's line breaks that must plainly fall mid-sentence for it to count as wrapped."""
WIDTH_PERCENTILE = 0.75
"""The run's width: this percentile of its lines' lengths (a ragged right edge stays below)."""
PARAGRAPH_EVIDENCE = 2
"""Lines that each stand as a paragraph (a page's ``<br>`` or ``<p>`` per printed line) need
this many mid-sentence breaks; lines inside one paragraph need one."""

_SENTENCE_ENDS = ".!?:;…" + SCRIPT_STOPS
_CLOSERS = "\"'”’»)]"
_STARTS_STRUCTURE = re.compile(
    r"^(?:\s|>|#|\|"  # indented, quoted, a Markdown heading, a table row
    r"|[-*+•◦▪‣–—]\s"  # a bullet
    r"|(?:\d{1,3}|[A-Z]|[IVX]{1,4})[.)]\s|(?:[a-z]|[ivx]{1,4})\)\s)"  # a numbered item
)
_ENDS_STRUCTURE = re.compile(r"^(?:>|#|\|)")
_ADDRESS = re.compile(r"^(?:[a-z][a-z+.-]*://|www\.|mailto:)")
_BROKEN_WORD = re.compile(r"[^\W\d_]-$")
_HEAD = re.compile(r"[^\W\d_]+$")
_TAIL = re.compile(r"[^\W\d_]+")
_MENDED = "-"
_QUOTE_MARK = re.compile(r"> ?")
MAX_QUOTE_DEPTH = 8
"""Quotes nested deeper stay as they are: each level is one more pass over its lines."""


def join_wrapped_lines(text: str, language: str = "en") -> str:
    """``text`` (tidy: ``\\n`` line ends, no trailing spaces, at most one blank line) with its
    hard-wrapped runs joined into paragraphs; every other line as it was. ``language`` says
    which word list decides whether ``exam-`` / ``ple`` is one broken word."""
    return _join(text, language, 0)


def _join(text: str, language: str, depth: int) -> str:
    if "\n" not in text:
        return text
    if depth < MAX_QUOTE_DEPTH and (text.startswith(">") or "\n>" in text):
        text = _quotes_joined(text, language, depth)
    out: list[str] = []
    paragraph_lines: list[str] = []  # consecutive one-line paragraphs no wider than MAX_WIDTH
    for block in text.split("\n\n"):
        lines = block.split("\n")
        if len(lines) == 1 and len(block) <= MAX_WIDTH:
            paragraph_lines.append(block)
            continue
        if paragraph_lines:
            out.append(_joined(paragraph_lines, "\n\n", language))
            paragraph_lines = []
        out.append(
            "\n".join(
                "\n".join(run) if quoted else _joined(list(run), "\n", language)
                for quoted, run in groupby(lines, key=lambda line: line.startswith(">"))
            )
        )  # a quote, joined already, is no evidence on the lines around it
    if paragraph_lines:
        out.append(_joined(paragraph_lines, "\n\n", language))
    return "\n\n".join(out)


def _quotes_joined(text: str, language: str, depth: int) -> str:
    """``text`` with each run of quoted lines joined inside its marks."""
    out: list[str] = []
    run: list[str] = []
    for line in [*text.split("\n"), ""]:  # the empty line ends a run at the end
        if line.startswith(">"):
            run.append(line)
            continue
        if run:
            out.extend(_quote_joined(run, language, depth))
            run = []
        out.append(line)
    return "\n".join(out[:-1])


def _quote_joined(run: list[str], language: str, depth: int) -> list[str]:
    """A run of quoted lines: one level of marks taken off, the text inside joined (a blank
    quoted line parts its paragraphs, deeper quotes are joined in turn), the marks put back."""
    inner = "\n".join(_QUOTE_MARK.sub("", line, count=1).rstrip() for line in run)
    inner = re.sub(r"\n{3,}", "\n\n", inner).strip("\n")
    joined = _join(inner, language, depth + 1)
    return [
        ">" + line if line.startswith(">") or not line else "> " + line
        for line in joined.split("\n")
    ]


def _joined(lines: list[str], separator: str, language: str) -> str:
    """The lines with ``separator`` between them, or what joins them where they are wrapped."""
    if len(lines) < 2:
        return separator.join(lines)
    width = _width(lines)
    in_paragraph = separator == "\n"
    if width < MIN_WIDTH:
        return separator.join(lines)
    long_line = LONG_SHARE * width
    pairs = list(pairwise(lines))
    evidence = sum(
        1
        for before, after in pairs
        if len(before) >= long_line
        and _open(before)
        and _goes_on(after)
        and _free(before, after, in_paragraph)
    )
    needed = 1 if in_paragraph else PARAGRAPH_EVIDENCE
    if evidence < max(needed, EVIDENCE_SHARE * len(pairs)):
        return separator.join(lines)
    parts = [lines[0]]
    for before, after in pairs:
        joiner = _between(before, after, long_line, in_paragraph, language)
        if joiner is None:
            parts.append(separator)
        elif joiner == _MENDED:
            parts[-1] = parts[-1][:-1]
        else:
            parts.append(joiner)
        parts.append(after)
    return "".join(parts)


def _width(lines: list[str]) -> int:
    """Where the run's lines were broken; its last line (a paragraph's end) does not tell.
    Counted, not sorted: lengths are small numbers, so this stays linear on any run."""
    counts = [0] * (MAX_WIDTH + 1)
    for line in lines[:-1]:
        if len(line) <= MAX_WIDTH:
            counts[len(line)] += 1
    rank = int(WIDTH_PERCENTILE * (sum(counts) - 1))
    for length, count in enumerate(counts):
        rank -= count
        if rank < 0:
            return length
    return 0


def _between(
    before: str, after: str, long_line: float, in_paragraph: bool, language: str
) -> str | None:
    """What joins two lines of a wrapped run: ``None`` where the break is real, ``_MENDED``
    where the line's closing hyphen goes with it (a word broken in two)."""
    if not _free(before, after, in_paragraph):
        return None
    goes_on = _open(before) and _goes_on(after)
    filled = len(before) >= long_line and (in_paragraph or _open(before))
    if not (goes_on or filled):
        return None
    if _BROKEN_WORD.search(before):
        if _goes_on(after) and not hyphen_at_break(before[:-1], after, language):
            return _MENDED
        return ""  # the hyphen stays: well-/known, Anglo-/Saxon
    if before.endswith(("—", "--")) and not before.endswith(" --"):
        return ""
    return " "


def _free(before: str, after: str, in_paragraph: bool) -> bool:
    """Neither line is structure a break must stay around: a quote, table row, heading, list
    item or indented line after it. Inside a paragraph a list item's wrapped line joins it;
    an item standing as a paragraph of its own stays one."""
    if not before or not after:
        return False
    if _ENDS_STRUCTURE.match(before) or _table_row(before) or _heading(before):
        return False
    if not in_paragraph and _STARTS_STRUCTURE.match(before):
        return False
    return not (_STARTS_STRUCTURE.match(after) or _table_row(after) or _heading(after))


def _table_row(line: str) -> bool:
    """Cells set apart by tabs, bars or runs of spaces."""
    return "\t" in line or "| " in line or "   " in line.lstrip(" ")


def _heading(line: str) -> bool:
    """A line in capitals (``CHAPTER IV``): a heading, not a wrapped line."""
    return line.isupper() and len(line) > 1


def _open(line: str) -> bool:
    """The line ends without closing its sentence (a word, a comma, a hyphen)."""
    return line.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS


def _goes_on(line: str) -> bool:
    """The line starts in lower case, as a sentence going on does (not ``iPhone``, ``eBay``,
    nor a web address)."""
    first = line[:1]
    return first.islower() and not line[1:2].isupper() and not _ADDRESS.match(line)


def hyphen_at_break(before: str, after: str, language: str = "en", *, unknown: str = "-") -> str:
    """``""`` to join the halves of a word broken at a line end (``exam-`` / ``ple``), ``"-"``
    for a real compound (``well-`` / ``known``): the joined form must be a word at least as
    common as the rarer half. ``unknown`` is the answer when no half is a known word (a name):
    a line break marked as inside a word (PDF) says to join it anyway."""
    head = _HEAD.search(before)
    tail = _TAIL.match(after)
    words = _word_list(language)
    if not head or not tail or words is None:
        return "-"
    first, second = head.group().lower(), tail.group().lower()
    joined = words.get(first + second, 0.0)
    rarer = min(words.get(first, 0.0), words.get(second, 0.0))
    if joined == 0 and rarer == 0:
        return unknown
    return "" if joined >= rarer and joined > 0 else "-"


def _word_list(language: str) -> dict[str, float] | None:
    """Zipf frequencies of ``language``'s words where the application ships them (English),
    else ``None``."""
    return english_zipf() if language == "en" else None
