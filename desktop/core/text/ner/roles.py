"""Context rules that make a named person a leader: an office right before the name
("Kenyan President William Ruto") or in apposition after it ("Jane Roe, the city's deputy
mayor for housing,"). The office words are in ``resources/knowledge/roles.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.text.ner.knowledge import Knowledge
from desktop.core.text.ner.tokens import Token

# Lower-case words that may stand inside an office title before a name.
_MODIFIERS = frozenset((
    "acting", "assistant", "chief", "defence", "defense", "deputy", "economy", "executive",
    "finance", "first", "foreign", "former", "general", "health", "home", "interim",
    "interior", "justice", "national", "opposition", "party", "prime", "presidential",
    "regional", "senior", "special", "state", "top", "trade", "vice",
))  # fmt: skip
_NOT_TITLE = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "if", "in", "of", "on", "or",
    "so", "the", "to", "when", "while", "with", "this", "that", "last", "next", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "like", "unlike", "despite", "after", "before", "under", "against", "among", "amid",
    "including", "via",
))  # fmt: skip
# Lower-case words that make the office word after them a trade or a job, not an office:
# "film director", "orchestra leader", "creative director", "writer and director".
_TRADES = frozenset((
    "actor", "actress", "art", "artistic", "band", "casting", "choir", "composer", "creative",
    "design", "fashion", "film", "funeral", "game", "movie", "music", "musical", "orchestra",
    "photography", "producer", "production", "project", "screenwriter", "sporting", "stage",
    "team", "technical", "theater", "theatre", "tour", "writer",
))  # fmt: skip
_TITLE_JOINERS = frozenset(("of", "the", "and", "for", "'s", "’s"))
_APPOSITION_STOP = frozenset(',.;:()[]"“”!?')
_SENTENCE_OPEN = frozenset('.!?"“”:;\n')
_APPOSITION_SCAN = 14
_ROLE_WINDOW = 5
_UNIT_WORDS = 3  # lower-case words that may end an office's "of" phrase ("storage division")
_NOT_UNIT = frozenset(
    ("during", "in", "at", "on", "for", "to", "by", "with", "from", "since", "until", "after")
)
_ABBREVIATION = 4  # longest abbreviated title ("Sen", "Gov")
_TIME_PREFIXES = frozenset(("then", "ex", "former"))  # "then-president", "ex-prime-minister"
# "X was chairman of …", "X became its leader", "X is currently the chief executive".
_COPULAS = frozenset((
    "is", "was", "became", "becomes", "remains", "remained", "served", "serves", "resigned",
))  # fmt: skip
# "X, who owns …", "who used to own …", "who also founded …": the verbs of heading an
# organisation and the words that may stand before them.
_HEADING_VERBS = frozenset((
    "own", "owns", "owned", "founded", "co-founded", "cofounded", "heads", "headed", "chairs",
    "chaired",
))  # fmt: skip
_RELATIVE_SKIP = frozenset(("used", "to", "also", "once", "now", "still", "later", "had"))
_GOVERNMENTS = frozenset(("government", "administration", "cabinet", "regime", "premiership"))
_PREDICATE_SKIP = frozenset((
    "the", "a", "an", "its", "their", "his", "her", "former", "currently", "now", "then",
    "also", "still", "as", "elected", "appointed", "named", "once", "long", "longtime",
    "sworn", "re-elected", "reelected",
))  # fmt: skip


def _role_end(tokens: Sequence[Token], j: int, roles: frozenset[str]) -> int:
    """Index just after an office word ending at token ``j`` (one or two words), else -1;
    -1 too for a trade's word ("film director", "band leader")."""
    if j < 0 or _after_trade(tokens, j):
        return -1
    word = tokens[j].text.lower()
    if word in roles:
        return j + 1
    parts = word.split("-")
    if (
        len(parts) > 1
        and parts[0] in _TIME_PREFIXES
        and (parts[-1] in roles or " ".join(parts[-2:]) in roles)
    ):
        return j + 1  # "then-prime-minister Anna Berg"
    if j > 0 and f"{tokens[j - 1].text.lower()} {word}" in roles:
        return j + 1
    return -1


def _after_trade(tokens: Sequence[Token], j: int) -> bool:
    """Token ``j`` follows a trade's word, alone or joined by "and" ("writer and director")."""
    before = [t.text.lower() for t in tokens[max(0, j - 2) : j]]
    return bool(before) and (
        before[-1] in _TRADES or (before[-1] == "and" and len(before) == 2 and before[0] in _TRADES)
    )


def role_before(text: str, tokens: Sequence[Token], first: int, knowledge: Knowledge) -> str:
    """The title written right before a name, e.g. "Ukrainian President", "Director of
    Public Prosecutions", or set off by a comma ("The mayor of Paris, Anne Hidalgo"), or ""."""
    j = last = first - 1
    if j > 0 and tokens[j].text == ",":
        return _role_set_off(text, tokens, j, knowledge)
    if (
        j > 0
        and tokens[j].text == "."
        and tokens[j].start == tokens[j - 1].end
        and len(tokens[j - 1].text) <= _ABBREVIATION
    ):
        j -= 1  # an abbreviated title: "Sen. X", "Rep. X" (not "… for President. X")
    if _role_end(tokens, j, knowledge.role_words) < 0:
        if j < last:
            return ""  # "… chairman of Harlan Coal. X": a sentence ended before the name
        j = _office_of(tokens, j, knowledge)  # "Director of Public Prosecutions"
        if j < 0:
            return ""
    k = j
    while k > 0 and j - k < _ROLE_WINDOW:
        word = tokens[k - 1].text
        lower = word.lower()
        organisation_of = lower == "of" and k > 1 and tokens[k - 2].text[:1].isupper()
        if (lower in _NOT_TITLE and not organisation_of) or not word[:1].isalpha():
            break
        if not (
            organisation_of  # "Royal Bank of Scotland chief executive"
            or word[:1].isupper()
            or lower in _MODIFIERS
            or lower in knowledge.role_words
            # "attorney general": the first word of a two-word office
            or f"{lower} {tokens[k].text.lower()}" in knowledge.role_words
        ):
            break
        if text[tokens[k - 1].end : tokens[k].start] not in (" ", ""):
            break
        k -= 1
    while tokens[k].text == "of":
        k += 1  # "the appointment of Managing Director X": the office starts after "of"
    return text[tokens[k].start : tokens[last].end]


def role_after(
    text: str, tokens: Sequence[Token], stop: int, knowledge: Knowledge, names: set[int]
) -> str:
    """An office in apposition after a name ("X, the foreign minister,"), or "".

    ``names`` holds the token indexes inside people's names (the scan starts after this
    one): a list of names ("Merz, Finnish President Alexander Stubb") is not an apposition.
    """
    if stop >= len(tokens) or tokens[stop].text != ",":
        return ""
    begin = stop + 1
    end = begin
    while end < len(tokens) and end - begin < _APPOSITION_SCAN:
        if tokens[end].text in _APPOSITION_STOP or end in names:
            break
        if "\n" in text[tokens[end - 1].end : tokens[end].start]:
            break
        end += 1
    window = min(end, begin + _ROLE_WINDOW)
    ends = [
        e for j in range(begin, window) if (e := _role_end(tokens, j, knowledge.role_words)) >= 0
    ]
    if not ends:
        return ""
    if end < len(tokens) and end in names:
        # "Merz, Finnish President Alexander Stubb": a title of the next name, a list; "X, the
        # zoo's director told Y": the office ends before a word that is no title.
        between = range(ends[-1], end)
        if not between or all(_title_word(tokens[i].text, knowledge) for i in between):
            return ""
        end = ends[-1]
    scan_end = end
    # The office ends at the first word that is not part of a title ("director told …").
    end = _title_end(tokens, ends[-1], scan_end, knowledge)
    if end < scan_end and _role_end(tokens, end, knowledge.role_words) == end + 1:
        # "vice president and general manager of Acme": the office's second word
        end = _title_end(tokens, end + 1, scan_end, knowledge)
    if _unit_of(tokens, ends[-1], end, scan_end):
        end = scan_end  # "general manager of Toshiba's European storage device division,"
    while end > ends[0] and tokens[end - 1].text.lower() in _TITLE_JOINERS:
        end -= 1  # "mayor of the capital city": not "mayor of the"
    # "who served as President of France" / "as the new Sultan": the office starts at the
    # first word that can be part of a title.
    while begin < end and not _title_word(tokens[begin].text, knowledge):
        begin += 1
    return text[tokens[begin].start : tokens[end - 1].end] if begin < end else ""


def _title_end(tokens: Sequence[Token], start: int, stop: int, knowledge: Knowledge) -> int:
    """The first index from ``start`` whose word is no part of a title, else ``stop``."""
    return next(
        (
            i
            for i in range(start, stop)
            if not _title_word(tokens[i].text, knowledge)
            and tokens[i].text.lower() not in _TITLE_JOINERS
        ),
        stop,
    )


def _unit_of(tokens: Sequence[Token], office: int, cut: int, close: int) -> bool:
    """Whether the words ``cut:close`` end an "of" phrase naming a part of an organisation
    ("of Toshiba's European storage device division"): a few lower-case words closed by the
    apposition's punctuation."""
    return (
        any(tokens[i].text == "of" for i in range(office, cut))
        and 0 < close - cut <= _UNIT_WORDS
        and close < len(tokens)
        and tokens[close].text in _APPOSITION_STOP
        and all(_unit_word(tokens[i].text) for i in range(cut, close))
    )


def _unit_word(word: str) -> bool:
    """A lower-case word that may name a part of an organisation ("storage", "affairs",
    "and"), not a verb's past ("nominated") nor a preposition ("during")."""
    return word.isalpha() and word.islower() and not word.endswith("ed") and word not in _NOT_UNIT


def _title_word(word: str, knowledge: Knowledge) -> bool:
    lower = word.lower()
    return (
        (word[:1].isupper() and lower not in _NOT_TITLE)
        or lower in _MODIFIERS
        or lower in knowledge.role_words
    )


def _office_of(tokens: Sequence[Token], j: int, knowledge: Knowledge) -> int:
    """For a title "<office> of <Capitalised words>" ending at token ``j``, the index of its
    office word ("Director" in "Director of Public Prosecutions"), else -1."""
    k = j
    while k > 0 and j - k < _ROLE_WINDOW and tokens[k].text[:1].isupper():
        k -= 1
    if k == j or tokens[k].text != "of" or _role_end(tokens, k - 1, knowledge.role_words) < 0:
        return -1
    return k - 1


def _role_set_off(text: str, tokens: Sequence[Token], comma: int, knowledge: Knowledge) -> str:
    """ "The mayor of Paris, Anne Hidalgo", "One senator, Eduardo Bhatia": a title opening
    its sentence (after "the", "a" or "one"), or an organisation's ("Acme's director"), set
    off from the name by a comma."""
    k = comma
    while k > 0 and comma - k < _ROLE_WINDOW + 2:
        word = tokens[k - 1].text
        lower = word.lower()
        if lower in ("the", "a", "one") and (k == 1 or tokens[k - 2].text in _SENTENCE_OPEN):
            phrase = tokens[k:comma]
            if phrase and _role_end(tokens, _head(tokens, k, comma), knowledge.role_words) >= 0:
                return text[tokens[k].start : tokens[comma - 1].end]
            return ""
        if lower in ("'s", "’s") and k > 1 and tokens[k - 2].text[:1].isupper():
            # "Acme's director, Jane Roe": an organisation's office set off by a comma.
            if _role_end(tokens, comma - 1, knowledge.role_words) >= 0:
                return text[tokens[k - 2].start : tokens[comma - 1].end]
            return ""
        if not (lower == "of" or word[:1].isupper() or _title_word(word, knowledge)):
            return ""
        k -= 1
    return ""


def _head(tokens: Sequence[Token], start: int, stop: int) -> int:
    """The last word of a title before any "of …" ("mayor" in "mayor of Paris")."""
    for i in range(start, stop):
        if tokens[i].text == "of":
            return i - 1
    return stop - 1


def role_predicate(text: str, tokens: Sequence[Token], stop: int, knowledge: Knowledge) -> str:
    """An office said of the name right after it: "X was chairman and CEO of Massey Energy",
    "X became its leader", "X is currently the party's chairman", also past an aside set off
    by commas ("X, nicknamed the "king of coal", was chairman"), or ""."""
    stop = _after_aside(tokens, stop)
    if stop >= len(tokens) or tokens[stop].text.lower() not in _COPULAS:
        return ""
    begin = stop + 1
    while begin < len(tokens) and (
        tokens[begin].text.lower() in _PREDICATE_SKIP
        or (tokens[begin].text == "in" and tokens[begin - 1].text.lower() == "sworn")
    ):
        begin += 1
    if begin >= len(tokens) or begin - stop > 4:
        return ""
    end = _role_end(tokens, begin, knowledge.role_words)
    if end < 0 and begin + 1 < len(tokens):
        end = _role_end(tokens, begin + 1, knowledge.role_words)  # "party chairman"
    if end < 0:
        return ""
    while end + 1 < len(tokens) and tokens[end].text == "of" and tokens[end + 1].text[:1].isupper():
        end += 2
        while end < len(tokens) and tokens[end].text[:1].isupper():
            end += 1
    return text[tokens[begin].start : tokens[end - 1].end]


def role_relative(text: str, tokens: Sequence[Token], stop: int) -> str:
    """An organisation the person owns, founded or heads, said in a clause after the name:
    "X, who used to own the San Francisco 49ers,", "X, who founded Acme", or ""."""
    if stop + 2 >= len(tokens) or tokens[stop].text != "," or tokens[stop + 1].text != "who":
        return ""
    k = stop + 2
    while k < len(tokens) and k - stop < 5 and tokens[k].text.lower() in _RELATIVE_SKIP:
        k += 1
    if k >= len(tokens) or tokens[k].text.lower() not in _HEADING_VERBS:
        return ""
    name = k + 1
    if name < len(tokens) and tokens[name].text.lower() in ("the", "a", "an", "its", "his", "her"):
        name += 1
    if name >= len(tokens) or not tokens[name].text[:1].isupper():
        return ""  # "who owns a house": no organisation named
    end = name
    while end < len(tokens) and (tokens[end].text[:1].isupper() or tokens[end].text[:1].isdigit()):
        end += 1
    return text[tokens[stop + 2].start : tokens[end - 1].end]  # "used to own the …"


def _after_aside(tokens: Sequence[Token], stop: int) -> int:
    """Where the sentence goes on after an aside between commas right after a name ("X, 55,"
    "X, nicknamed the "king of coal","); ``stop`` when none follows."""
    if stop >= len(tokens) or tokens[stop].text != ",":
        return stop
    for k in range(stop + 1, min(stop + _APPOSITION_SCAN, len(tokens))):
        if tokens[k].text == ",":
            return k + 1
        if tokens[k].text in _SENTENCE_OPEN - {'"', "“", "”"}:
            break
    return stop


def role_possessive(tokens: Sequence[Token], stop: int) -> str:
    """A government named after the person ("Ian Smith's government", "Ardern's cabinet"):
    its head, or ""."""
    if (
        stop + 1 < len(tokens)
        and tokens[stop].text in ("'s", "’s")
        and tokens[stop + 1].text.lower() in _GOVERNMENTS
    ):
        return "head of government"
    return ""
