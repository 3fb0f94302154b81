"""Page furniture left in an extracted article: prompts, related links and repeated headlines.

trafilatura's default pass keeps nearly all of an article, and with it some of what sits
between the paragraphs: "Related: …", "READ MORE: …", newsletter and app prompts, blocks of
links to other stories. Its precision pass drops those but also real short paragraphs. So the
default text is kept, and a line is dropped when it reads as a prompt (``PROMPTS``), when the
precision pass dropped it too and it is a link on the page that is shouted or stands in a run
of such links (a related-stories block), when it is one of a run of list items that each open
with a link and a teaser, or when it repeats the headline.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_WORD = re.compile(r"\w+")
PROMPT_WORDS = 30
"""A prompt is short; a longer line that starts like one is a paragraph."""

LINK_HEAD_WORDS = 3
"""A list item opening with a link of at least this many words is a teaser of another story."""
TEASER_RUN = 3

PROMPTS = re.compile(
    r"""^\W*(?:
        (?:related|read\ more|more|see\ also|also(?:\ on\ [\w.]+)?|recommended|watch|listen)
            \ ?:.*
      | also\ on\ [\w.-]+\.[a-z]{2,}\b.*
      | click\ here\ to\ .*
      | (?:.*[.!?]\ )?(?:sign\ up|subscribe)\b.*(?:newsletter|inbox|youtube|podcast|daily|weekly).*
      | .*\bcontributed\ to\ this\ (?:report|story|article)
      | .*\b(?:tags|categor(?:y|ies|ia|ias)|filed\ under)\ ?:.*
      | listen\ (?:to|back)\b.*\blive\b.*
      | get\ the\ latest\ .*\binbox\b.*
      | (?:\w+\ ){0,3}newsletter
      | thanks?\ (?:you\ )?for\ (?:signing\ up|subscribing).*
      | (?:sorry!?\ )?there\ was\ an\ error\ processing\ your\ subscription.*
      | keep\ an\ eye\ on\ your\ inbox\b.*
      | sorry!?
      | like\ this\ (?:story|article)\?.*
      | follow\ .{1,40}\ on\ (?:twitter|facebook|instagram|youtube)\b.*
      | have\ a\ tip\?.*
      | explore\ further
      | comments?
      | advertisement
      | (?:order\ reprints?|print\ (?:this\ )?article|email\ this\ article|share\ this\ article)
      | this\ (?:copy|article)\ is\ for\ your\ personal,?\ non-?commercial\ use\ only\b.*
      | this\ article\ has\ been\ sent\ to\b.*
      | (?:an\ error\ has\ occurred|something\ went\ wrong),?\ please\ try\ again\b.*
      | write\ to\ [^@]{1,60}\ at\ \S+@\S+
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_prompt(line: str) -> bool:
    """Whether a line is page furniture by its wording alone."""
    return len(_WORD.findall(line)) <= PROMPT_WORDS and bool(PROMPTS.match(line.strip()))


def drop_furniture(
    lines: list[str], precise: Collection[str], links: Collection[str], titles: Collection[str]
) -> list[str]:
    """``lines`` of the default extraction without furniture. ``precise`` holds the lines the
    precision pass kept, ``links`` the normalised text of the page's links, ``titles`` the
    normalised headlines the page declares (its title, og:title)."""
    linked = [_loose(line) not in precise and _norm(line) in links for line in lines]
    teasers = _teaser_runs([_is_teaser(line, links) for line in lines])
    kept = []
    for i, line in enumerate(lines):
        before = i > 0 and linked[i - 1]
        after = i + 1 < len(lines) and linked[i + 1]
        in_run = linked[i] and (before or after)
        if is_prompt(line) or in_run or teasers[i] or (linked[i] and _shouted(line)):
            continue
        if i == 0 and _repeats_title(line, titles):
            continue
        kept.append(line)
    return kept


def _is_teaser(line: str, links: Collection[str]) -> bool:
    """A list item that opens with a link of the page and goes on: "- Headline Teaser …"."""
    if not line.lstrip().startswith(("-", "•")):
        return False
    words = _norm(line).split()
    return any(" ".join(words[:n]) in links for n in range(LINK_HEAD_WORDS, len(words)))


def _teaser_runs(teasers: list[bool]) -> list[bool]:
    """Only teasers in a run of at least ``TEASER_RUN`` consecutive lines: a block of them."""
    marked = [False] * len(teasers)
    start = 0
    for i in range(len(teasers) + 1):
        if i == len(teasers) or not teasers[i]:
            if i - start >= TEASER_RUN:
                marked[start:i] = [True] * (i - start)
            start = i + 1
    return marked


def _norm(text: str) -> str:
    return " ".join(text.split()).lstrip("-•* ").casefold()


def _loose(text: str) -> str:
    return " ".join(text.split())


def _shouted(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 10 and all(c.isupper() for c in letters)


def _repeats_title(line: str, titles: Collection[str]) -> bool:
    """The article's first line is its headline again (maybe without the site's suffix)."""
    norm = _norm(line)
    return bool(norm) and any(norm == t or (len(norm) > 15 and norm in t) for t in titles)


def normalised(texts: Collection[str]) -> set[str]:
    """The form ``drop_furniture`` compares links and titles in."""
    return {_norm(t) for t in texts if t and t.strip()}


def loose(texts: Collection[str]) -> set[str]:
    """The form ``drop_furniture`` compares the precision pass's lines in."""
    return {_loose(t) for t in texts}
