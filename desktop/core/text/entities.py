"""Who and what an article names: leaders, people, institutions and places.

The CRF tagger finds the names; the bundled knowledge and context rules decide who is a leader
and with which office; mentions are linked within the article so "Ardern" after
"Jacinda Ardern" is the same leader and an acronym introduced in brackets is its long form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise

from desktop.core.models import Entity
from desktop.core.text.ner.knowledge import (
    Knowledge,
    Known,
    Office,
    began,
    load_knowledge,
    names_place,
)
from desktop.core.text.ner.roles import (
    role_after,
    role_before,
    role_possessive,
    role_predicate,
    role_relative,
)
from desktop.core.text.ner.spans import (
    WordLists,
    after_person_noun,
    before_title,
    described_as,
    is_coinage,
    is_contest,
    is_document,
    is_junk,
    is_nationality,
    is_structure,
    names_chamber,
    names_group,
    names_organisation,
    names_outlet_by_part,
    names_species,
    names_stage,
    names_storm,
    organisation_cue,
    outlet_cue,
    row_width,
    trim,
    word_lists,
)
from desktop.core.text.ner.tagger import Tagged, TaggedSpan, default_tagger
from desktop.core.text.ner.tokens import Token

_FROM_LABEL = {"PER": "person", "ORG": "institution", "LOC": "place"}
_TO_LABEL = {"person": "PER", "leader": "PER", "institution": "ORG", "place": "LOC"}
_PEOPLE = ("person", "leader")
_COURTESY = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "mr.", "mrs.", "dr."}
)
# Titles that stay part of a royal's name when no surname follows ("Prince Harry", "Queen
# Elizabeth II"), and that name a royal in "Duchess of Cambridge".
_ROYAL = frozenset({"king", "queen", "prince", "princess", "duke", "duchess"})
# Titles that stay part of a name of one more word: a peer's ("Lord Carloway"), a stage
# name ("Lady Gaga").
_PEERAGE = frozenset({"lord", "lady", "baron", "baroness", "dame"})
_ROMAN = re.compile(r"^[IVX]+$")
_INITIAL = re.compile(r"[A-Z]")
_YEAR_OLD = re.compile(r"\d{1,3}-year-old")
# Words of an office that are not offices alone ("Senate Majority Leader", "Party Vice Chair").
_RARE = 5000  # rank in the common words from which a word may be a surname ("Perkins")
_DEPUTY_RANK = 1  # offices ranked head 0, deputy 1, minister 2, other 3, legislator 4
_LIST_GAPS = ([","], ["and"], [",", "and"], ["or"], [",", "or"])
_THINGS_LIST = 16  # tokens a list of things may run before a name in it
_ORGANISATION_JOINS = frozenset(
    (("for",), ("for", "the"), ("on",), ("on", "the"), ("of",), ("of", "the"))
)
_OPENING_QUOTES = frozenset(('"', "“"))
_CLOSING_QUOTES = frozenset(('"', "”"))
_CLOSING_LISTS = (['"'], ["”"])  # a closing mark after a comma or a full stop, as a slice
_QUOTES = frozenset(('"', "“", "”", "‘", "’", "'"))
_POSSESSIVE = frozenset(("'s", "’s"))
# Endings that make a nationality of a place's name, and what they replace: "Samoa" + "n",
# "Italy" → "Italian", "Japan" + "ese", "China" → "Chinese", "Pakistan" + "i".
_DEMONYM_ENDINGS = (
    ("n", ""), ("ian", ""), ("ian", "y"), ("ian", "a"), ("ese", ""), ("ese", "a"), ("i", ""),
    ("an", ""), ("ish", ""),
)  # fmt: skip
_TYPO_LENGTH = 6  # shortest name of which a swap of two letters is taken for a typo
_OLDEST = 120  # a number after a name set off by commas below this may be an age
_PLACE_WORDS = 3  # most words of a place's name that context may turn into a place
_TITLE_SPAN = 10  # words a title in quotation marks may run on either side of a name
_SENTENCE_END = frozenset(".!?:;\"“”‘’'")
_OFFICE_PARTS = frozenset({"majority", "minority", "vice", "deputy"})
_HANDLE_MARKS = frozenset({"@", "#"})
# Lower-case words inside people's names ("Qaboos bin Said", "Ursula von der Leyen").
_PARTICLES = frozenset(
    {"bin", "ibn", "bint", "al", "el", "van", "von", "der", "de", "da", "dos", "del", "di", "du"}
)
_ELIDED_PARTICLE = re.compile(r"^[dl]['’][A-Z]")  # "d'Estaing"
_PLURAL = (["have"], ["are"], ["were"])  # after "who": a team's or a band's members
_VERSUS = frozenset({"v", "v.", "vs", "vs."})
_OWNERS = frozenset({"your", "its"})  # before a name: a thing's, not a person's
_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
_PRONOUN_SPAN = 3  # words after a name in which a personal pronoun makes it a person's
_LETTER = re.compile(r"^[A-Z]\.?$")  # "Group D", "Path A."
_INITIALLED = re.compile(r"^[A-Z]\.[A-Z]")  # "T.O'Gorman"


@dataclass
class _Mention:
    first: int
    stop: int
    category: str
    canonical: str = ""
    role: str = ""
    known: Known | None = None
    tagged: str = ""  # the tagger's category, when the knowledge gave another


def find_entities(
    text: str, *, language: str = "en", as_of: date | str | None = None
) -> list[Entity]:
    """Every leader, person, institution and place mentioned in ``text``, in text order,
    with roles as of the article's date ``as_of`` (today when unknown).

    Only English is modelled; ``language`` is accepted so callers need not special-case.
    """
    return resolve_entities(text, default_tagger().tag(text), as_of=as_of)


def role_day(as_of: date | str | None) -> str:
    """The ISO day roles are resolved for: ``as_of`` (a date or text starting with
    YYYY-MM-DD), else today."""
    if isinstance(as_of, date):
        return as_of.isoformat()[:10]
    if as_of:
        try:
            return date.fromisoformat(as_of.strip()[:10]).isoformat()
        except ValueError:
            pass
    return date.today().isoformat()


def resolve_entities(text: str, tagged: Tagged, *, as_of: date | str | None = None) -> list[Entity]:
    """Turn tagger spans into categorised, linked entities; a person's office is the one
    held on ``as_of`` (see ``role_day``)."""
    knowledge = load_knowledge()
    day = role_day(as_of)
    tokens = tagged.tokens
    words = [t.text for t in tokens]
    covered = [False] * len(tokens)
    misc: set[int] = set()  # tokens of MISC spans: a longer known name may still take them
    mentions: list[_Mention] = []
    lists = word_lists()
    calendar = lists.kinds["calendar"]
    vocabulary = frozenset(words)
    # how many figures a table row has: only asked where a name ends in one ("Schalke 04")
    row = row_width(words) if any(words[s.stop - 1][:1].isdigit() for s in tagged.spans) else 0
    spans = _extend_organisations(
        text,
        tokens,
        _join_organisations(
            words,
            _join_states(
                tokens,
                _join_nicknames(
                    text,
                    tokens,
                    _join_particles(
                        text,
                        tokens,
                        _possessive_companies(
                            tokens,
                            _join_known(
                                text,
                                tokens,
                                _split_table_cells(text, tokens, tagged.spans),
                                knowledge,
                            ),
                            knowledge,
                        ),
                    ),
                ),
                lists,
            ),
            lists,
        ),
    )
    for span in spans:
        for i in range(span.first, span.stop):
            covered[i] = True
        if span.label not in _FROM_LABEL:
            first = span.first
            wider = _party(words, first - 1, span.stop, knowledge) if first else None
            if wider is not None and wider.category == "institution" and not covered[first - 1]:
                first -= 1  # "Liberal Democrat": the word before is the name's too
                covered[first] = True
            known = wider if first < span.first else _party(words, first, span.stop, knowledge)
            if not is_junk(words[first : span.stop], lists) and (
                (known is not None and known.category == "institution")
                or names_organisation(words[first : span.stop], lists)
                or outlet_cue(words, first, span.stop, lists)
            ):
                # "Republicans", "a Democrat": a party's name or member the tagger took for
                # a nationality; "Harvard Law School" taken for a work or an event; "an
                # investigation by FactWatch" for a work.
                mentions.append(_Mention(first, span.stop, "institution", known=known))
                continue
            misc.update(range(span.first, span.stop))
            continue  # MISC (nationalities, events) is not shown but blocks other matches
        begin, end = trim(words, span.first, span.stop, lists, place=span.label == "LOC", row=row)
        if begin == end and _known_organisation(words[span.first : span.stop], knowledge):
            begin, end = span.first, span.stop  # "Sheffield Wednesday" is a club, not a day
        if span.label == "ORG" and end - begin > 1 and words[begin].lower() in calendar:
            begin += 1  # "the September Treasury bond": a date, then the name
        end = before_title(words, begin, end, lists)
        if end == begin:
            continue  # "Member of Parliament", "Master of Science": a title or a degree
        kind = span.label
        if end - begin > 1 and words[begin].lower() in _COURTESY - _PEERAGE:
            begin, kind = begin + 1, "PER"  # "Mr Cable" taken for an organisation
        if (
            span.label == "PER"
            and end - begin > 2
            and words[begin].lower() not in knowledge.role_words  # "Justice Wanda Vázquez"
        ):
            party = _party(words, begin, begin + 1, knowledge)
            if party is not None and party.kind == "party":
                # "Tory Treasurer Lord Ashcroft", "Democrat Bob Smith"; not "Tory Burch"
                mentions.append(_Mention(begin, begin + 1, "institution", known=party))
                begin += 1
        if end - begin == 1 and (
            not any(ch.isalpha() for ch in words[begin])
            or (span.label != "PER" and _month(words[begin], lists))
        ):
            continue  # a table's ".882", "by December 16": a figure or a month, no name
        for first, stop, label in _split_at_title(words, begin, end, kind, knowledge):
            if label == "PER":
                first = _after_titles(words, first, stop, knowledge, lists)
            parts = [
                part
                for pair in _split_known_pair(words, first, stop, knowledge, lists)
                for part in _split_around_person(words, *pair, knowledge, day)
            ]
            for start, until in parts:
                mention = _mention(
                    words,
                    tokens,
                    start,
                    until,
                    label,
                    knowledge,
                    day,
                    lists,
                    len(parts),
                    vocabulary,
                )
                if mention is not None:
                    mentions.append(mention)
    mentions += _knowledge_matches(words, covered, misc, knowledge, day)
    mentions += _cue_matches(words, covered, lists)
    ordinary = _ordinary_words(words)
    mentions += _surname_matches(words, covered, mentions, ordinary)
    mentions.sort(key=lambda m: m.first)
    if not tagged.sport:
        _people_named_like_clubs(words, mentions)
    _harmonise(words, mentions)
    _people_taken_for_organisations(words, mentions, knowledge, lists)
    _names_in_lists(words, mentions, lists)
    _coordinate(words, mentions)
    _places_in_context(words, mentions, lists)
    _one_category_per_word(words, mentions)
    if tagged.sport:
        _teams_in_play(words, mentions, knowledge, lists)
    _towns_with_states(words, mentions, knowledge)
    _link_people(words, mentions, day, sport=tagged.sport)
    _link_acronyms(words, covered, mentions)
    _assign_roles(text, tokens, mentions, knowledge, day, sport=tagged.sport)
    mentions = _without_thing_phrases(
        words, _without_common_words(words, mentions, ordinary), lists
    )
    mentions = _without_unsupported_people(words, mentions, knowledge, lists)
    mentions = _without_programming_languages(words, mentions, lists)
    return [
        Entity(
            start=tokens[m.first].start,
            end=end,
            text=text[tokens[m.first].start : end],
            category=m.category,
            canonical=_as_written(text, tokens, words, m, end),
            role=m.role,
            role_as_of=day,
        )
        for m in mentions
        for end in [_name_end(text, tokens, m.stop, lists)]
    ]


def _as_written(text: str, tokens: list[Token], words: list[str], m: _Mention, end: int) -> str:
    """The canonical name, as the article writes it where it is the surface itself
    ("Macrovision's Entertainment Technologies Group", not its tokens "Macrovision 's …")."""
    if m.canonical != " ".join(words[m.first : m.stop]):
        return m.canonical
    return " ".join(text[tokens[m.first].start : end].split())


def _name_end(text: str, tokens: list[Token], stop: int, lists: WordLists) -> int:
    """Where a name ending before token ``stop`` ends in the text: with the full stop of an
    abbreviation that ends it ("NationsBank Corp.", "Tampa, Fla."), which the tokenizer splits
    off."""
    last = tokens[stop - 1]
    if (
        stop < len(tokens)
        and tokens[stop].text == "."
        and tokens[stop].start == last.end
        and last.text.lower() in lists.abbreviations
    ):
        return tokens[stop].end
    return last.end


def _join_particles(text: str, tokens: list[Token], spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """A person's name the tagger cut at a lower-case particle is one name: "Qaboos" + "bin"
    + "Said", "Valéry Giscard" + "d'Estaing"."""
    joined: list[TaggedSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and "PER" in (last.label, span.label)
            and span.first == last.stop + 1
            and tokens[last.stop].text in _PARTICLES
            and text[last.end : span.start] == f" {tokens[last.stop].text} "
        ):
            joined[-1] = TaggedSpan(last.start, span.end, "PER", last.first, span.stop)
            continue
        stop = span.stop
        if (
            span.label == "PER"
            and stop < len(tokens)
            and _ELIDED_PARTICLE.match(tokens[stop].text)
            and text[span.end : tokens[stop].start] == " "
        ):
            span = TaggedSpan(span.start, tokens[stop].end, "PER", span.first, stop + 1)
        joined.append(span)
    return joined


def _join_known(
    text: str, tokens: list[Token], spans: list[TaggedSpan], knowledge: Knowledge
) -> list[TaggedSpan]:
    """Two names side by side that together are one name the knowledge is sure of
    ("Liberal" + "Democrat" as the tagger cut "Liberal Democrat leader") are that name."""
    joined: list[TaggedSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last is not None and span.first == last.stop and text[last.end : span.start] == " ":
            known = knowledge.lookup(" ".join(t.text for t in tokens[last.first : span.stop]))
            # not an open list's ("Democratic" + "Congress": a party of that name somewhere)
            label = _TO_LABEL.get(known.category, "") if known and not known.strict else ""
            if label:
                joined[-1] = TaggedSpan(last.start, span.end, label, last.first, span.stop)
                continue
        joined.append(span)
    return joined


def _possessive_companies(
    tokens: list[Token], spans: list[TaggedSpan], knowledge: Knowledge
) -> list[TaggedSpan]:
    """A name whose "'s" belongs to it is the company ("McDonald's said", "Kellogg's cut
    jobs"), not a person's possessive, unless the article names a person of that surname in
    full ("Chris Christie ... Christie's aides")."""
    surnames = {tokens[s.stop - 1].text for s in spans if s.label == "PER" and s.stop - s.first > 1}
    found: list[TaggedSpan] = []
    for span in spans:
        j = span.stop
        if (
            span.label != "MISC"
            and j < len(tokens)
            and tokens[j].text in _POSSESSIVE
            and tokens[j - 1].text not in surnames
        ):
            name = " ".join(t.text for t in tokens[span.first : j])
            known = knowledge.lookup(name + " 's")
            if known is not None and known.category == "institution":
                span = TaggedSpan(span.start, tokens[j].end, "ORG", span.first, j + 1)
        found.append(span)
    return found


def _split_table_cells(text: str, tokens: list[Token], spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Two names side by side in a line of names and figures ("5-2 Real Madrid Real Madrid",
    "25-1 Barcelona Real Madrid", a table's cells) are two organisations when the article
    writes each alone as one; in running text ("Google DeepMind") they stay one. A person's
    or a place's parts may each stand alone ("Wasim Akram", "Czech Republic")."""
    alone = {text[s.start : s.end] for s in spans if s.label == "ORG"}
    split: list[TaggedSpan] = []
    for span in spans:
        cut = span.label == "ORG" and next(
            (
                k
                for k in range(span.first + 1, span.stop)
                if text[span.start : tokens[k - 1].end] in alone
                and text[tokens[k].start : span.end] in alone
            ),
            0,
        )
        if cut and not _running_text(text, span.start, span.end):
            left, right = tokens[cut - 1], tokens[cut]
            split.append(TaggedSpan(span.start, left.end, span.label, span.first, cut))
            split.append(TaggedSpan(right.start, span.end, span.label, cut, span.stop))
        else:
            split.append(span)
    return split


def _running_text(text: str, start: int, end: int) -> bool:
    """Whether the line around ``start:end`` has a lower-case word: a sentence, not a row."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return any(word[:1].islower() for word in line.split())


def _join_nicknames(text: str, tokens: list[Token], spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """ "James (Jim) Hedges": a one-word nickname in brackets inside a person's name keeps the
    name whole, however the tagger cut it."""
    joined: list[TaggedSpan] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        j = span.stop
        if span.label == "PER" and _nickname_at(text, tokens, j):
            k = next((n for n in range(i + 1, len(spans)) if spans[n].stop > j + 3), -1)
            if (
                k > 0
                and spans[k].label == "PER"
                and spans[k].first <= j + 3 <= spans[k].stop - 1
                and all(spans[n].first >= j for n in range(i + 1, k + 1))
            ):
                joined.append(
                    TaggedSpan(span.start, spans[k].end, "PER", span.first, spans[k].stop)
                )
                i = k + 1
                continue
        joined.append(span)
        i += 1
    return joined


def _nickname_at(text: str, tokens: list[Token], j: int) -> bool:
    """Tokens ``j``… are "(Jim)" written tight, then a capitalised word."""
    if j + 3 >= len(tokens) or tokens[j].text != "(" or tokens[j + 2].text != ")":
        return False
    word, after = tokens[j + 1].text, tokens[j + 3].text
    return (
        word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()  # not "A Mehrtens (NZ) G Gregan", a team list
        and after[:1].isupper()
        and text[tokens[j - 1].end : tokens[j + 3].start] == f" ({word}) "
    )


def _join_states(
    tokens: list[Token], spans: list[TaggedSpan], lists: WordLists
) -> list[TaggedSpan]:
    """A state's formal name is one place however the tagger cut it: "Republic" + "of" +
    "Ireland", "Democratic Republic" + "of the" + "Congo"; and the capitalised words before
    its state word are part of it: "Federal" + "Republic of Yugoslavia"."""
    states = lists.kinds["state"]
    joined: list[TaggedSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and span.label == "LOC"
            and tokens[last.stop - 1].text.lower() in states
            and tuple(t.text.lower() for t in tokens[last.stop : span.first])
            in (("of",), ("of", "the"))
        ):
            joined.pop()
            span = TaggedSpan(last.start, span.end, "LOC", last.first, span.stop)
        first = span.first
        if span.label == "LOC" and tokens[first].text.lower() in states:
            if joined and joined[-1].label == "MISC" and joined[-1].stop == first:
                first = joined.pop().first  # "Democratic" taken for a nationality
            floor = joined[-1].stop if joined else 0
            while (
                first > floor
                and tokens[first - 1].text[:1].isupper()
                and tokens[first - 1].text.isalpha()
                and tokens[first - 1].text.lower() not in lists.edges
            ):
                first -= 1
        joined.append(TaggedSpan(tokens[first].start, span.end, span.label, first, span.stop))
    return joined


def _join_organisations(
    words: list[str], spans: list[TaggedSpan], lists: WordLists
) -> list[TaggedSpan]:
    """ "Court of Appeals" + "for the" + "D.C. Circuit", "Commission on" + "International
    Religious Freedom": an organisation's name the tagger cut at a lower-case joining word
    is one name when its first part ends in an organisation word."""
    joined: list[TaggedSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == "ORG"
            and tuple(words[last.stop : span.first]) in _ORGANISATION_JOINS
            and (
                # "Alliance Party" + "of" + "Northern Ireland": a place after a name ending
                # in an organisation word other than a company's legal form.
                _of_organisation(words[last.stop - 1], lists)
                or (span.label != "LOC" and words[last.first].lower() in lists.organisation_words)
            )
        ):
            joined[-1] = TaggedSpan(last.start, span.end, "ORG", last.first, span.stop)
        else:
            joined.append(span)
    return joined


def _extend_organisations(
    text: str, tokens: list[Token], spans: list[TaggedSpan]
) -> list[TaggedSpan]:
    """Organisations the tagger cut short: a place right before a chamber ("U.S." +
    "Senate"), a place before organisation words it left out ("Samoa" + "Observer"), and a
    name "X of A" whose capitalised words go on ("Department of Homeland" + "Security",
    "Department of Health" + "and Human Services")."""
    lists = word_lists()
    words = [t.text for t in tokens]
    out: list[TaggedSpan] = []
    for n, span in enumerate(spans):
        last = out[-1] if out else None
        if _advocates_before(words, span.first, lists) and (
            last is None or last.stop <= span.first - 2
        ):
            # "Doctors for" + "Camp Closure": an advocacy group
            span = TaggedSpan(
                tokens[span.first - 2].start, span.end, "ORG", span.first - 2, span.stop
            )
        if (
            last is not None
            and last.label == "LOC"
            and span.label == "ORG"
            and last.stop == span.first
            and words[span.first].lower() in lists.kinds["chamber"]
            and text[last.end : span.start] == " "
        ):
            out[-1] = TaggedSpan(last.start, span.end, "ORG", last.first, span.stop)
            continue
        if (
            last is not None
            and (
                last.label == "LOC"
                # not an acronym on its own ("EADS" and "BAE Systems" are two)
                or (
                    last.label == "ORG"
                    and not (last.stop - last.first == 1 and words[last.first].isupper())
                )
                # a lone word taken for a person, no one the knowledge names ("Dunmore")
                or (
                    last.label == "PER"
                    and last.stop - last.first == 1
                    and load_knowledge().lookup(words[last.first]) is None
                )
            )
            and span.label == "ORG"
            and words[last.stop : span.first] == ["and"]
            and last.stop - last.first <= 2
            and words[span.stop - 1].lower() in lists.organisation_words
            and words[span.first].lower() not in lists.organisation_words
            and words[last.stop - 1].lower() not in lists.organisation_words  # "Volvo AB"
        ):
            # "Dagenham" + "and" + "Redbridge Football Club": one club named for two places.
            out[-1] = TaggedSpan(last.start, span.end, "ORG", last.first, span.stop)
            continue
        if (
            last is not None
            and last.label == "ORG"
            and span.label in ("ORG", "MISC")
            and words[last.stop : span.first] == ["and"]
            and _for_two_things(words[last.first : last.stop], lists)
            and span.stop - span.first <= 2
            and all(_title_word(w, lists) for w in words[span.first : span.stop])
            and load_knowledge().lookup(" ".join(words[span.first : span.stop])) is None
        ):
            # "Society for Biochemistry" + "and" + "Molecular Biology": what a society or an
            # institute is "for" may be two things.
            out[-1] = TaggedSpan(last.start, span.end, "ORG", last.first, span.stop)
            continue
        limit = spans[n + 1].first if n + 1 < len(spans) else len(words)
        stop = _organisation_tail(text, tokens, span, limit, lists)
        if stop > span.stop:
            span = TaggedSpan(span.start, tokens[stop - 1].end, "ORG", span.first, stop)
        out.append(span)
    return out


def _advocates_before(words: list[str], first: int, lists: WordLists) -> bool:
    """A capitalised word for people and "for" or "against" right before ``first``:
    "Doctors for Camp Closure", "Mothers Against Drunk Driving" name a group."""
    return (
        first > 1
        and words[first - 1].lower() in ("for", "against")
        and words[first - 2][:1].isupper()
        and words[first - 2].lower() in lists.kinds["advocates"]
    )


def _for_two_things(name: list[str], lists: WordLists) -> bool:
    """An organisation word then "for" or "of" ("Society for Biochemistry", "Institute for
    Health Metrics"), and no "and" yet: what follows "and" may be the second thing it is for."""
    return "and" not in name and any(
        name[k] in ("of", "for") and name[k - 1].lower() in lists.organisation_words
        for k in range(1, len(name))
    )


def _organisation_tail(
    text: str, tokens: list[Token], span: TaggedSpan, limit: int, lists: WordLists
) -> int:
    """Where an organisation's name ends when capitalised words the tagger left out (before
    ``limit``) continue it; ``span.stop`` when none do."""
    inner = [t.text for t in tokens[span.first + 1 : span.stop]]
    if span.label == "ORG" and ("of" in inner or "for" in inner):
        k = span.stop
        if k < limit and tokens[k].text == "and":
            k += 1
        fits = _title_word
    elif span.label == "LOC":
        # "Samoa" + "Observer", "Mitton Manor" + "Primary School": up to an organisation word,
        # not one that begins an office ("White House" + "Press Secretary").
        offices = load_knowledge().role_words
        end = k = span.stop
        while k < limit and _is_gap(text, tokens, k) and _title_word(tokens[k].text, lists):
            k += 1
            word = tokens[k - 1].text.lower()
            if word in lists.organisation_words and not (
                word in lists.kinds["office"]
                and k < len(tokens)
                and tokens[k].text.lower() in offices
            ):
                end = k
        return _of_tail(text, tokens, end, limit, lists) if end > span.stop else end
    else:
        return span.stop
    end = k
    while end < limit and _is_gap(text, tokens, end) and fits(tokens[end].text, lists):
        end += 1
    return end if end > k else span.stop


def _of_tail(text: str, tokens: list[Token], end: int, limit: int, lists: WordLists) -> int:
    """Where a name ending in an organisation word at ``end`` goes on with what it is "of"
    ("U.S. Chamber" + "of Commerce"); ``end`` when it does not."""
    if (
        end >= limit
        or tokens[end].text != "of"
        or not _of_organisation(tokens[end - 1].text, lists)
    ):
        return end
    k = end + 1
    while k < limit and _is_gap(text, tokens, k) and _title_word(tokens[k].text, lists):
        k += 1
    return k if k > end + 1 else end


def _of_organisation(word: str, lists: WordLists) -> bool:
    """An organisation word that a name may go on after with "of" ("Chamber of Commerce",
    "Party of Northern Ireland"); not a company's legal form nor an outlet's word ("Corp of
    South Korea", "Observer of Apia")."""
    lower = word.lower()
    return lower in lists.organisation_words and lower not in lists.kinds["origin"]


def _is_gap(text: str, tokens: list[Token], k: int) -> bool:
    """Token ``k`` follows the one before it after a single space."""
    return text[tokens[k - 1].end : tokens[k].start] == " "


def _title_word(word: str, lists: WordLists) -> bool:
    """A capitalised word that may go on a name ("Security", "Human"): not an acronym, a
    function word, an office or a word never a name."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and word.lower() not in lists.edges
        and word not in lists.not_names
        and word.lower() not in load_knowledge().role_words
    )


def _stray_acronym(name: list[str], known: Known, vocabulary: frozenset[str]) -> bool:
    """An acronym an open list gives an organisation, in an article that never names it in
    full: many organisations share a few capitals, so the name is not resolved from those."""
    acronym = len(name) == 1 and name[0].isupper() and name[0] != known.canonical
    full = [w for w in known.canonical.split() if w[:1].isupper() and len(w) > 2]
    return acronym and not all(w in vocabulary for w in full)


def _mention(
    words: list[str],
    tokens: list[Token],
    start: int,
    stop: int,
    label: str,
    knowledge: Knowledge,
    day: str,
    lists: WordLists,
    parts: int,
    vocabulary: frozenset[str],
) -> _Mention | None:
    """One tagged name, categorised by the knowledge, its own words and its context; None
    for words that are never a name. ``vocabulary`` holds every word of the article."""
    name = words[start:stop]
    if is_junk(name, lists) or all(w.lower() in knowledge.role_words for w in name):
        return None  # "I'm", "TV", "DJI", "Sen", "ABSTAINS"
    if label != "LOC" and _office_holders(words, start, stop, knowledge):
        return None  # "Unlike Senators, who serve six-year terms"
    if (start > 0 and words[start - 1] in _HANDLE_MARKS) or names_storm(words, start, stop, lists):
        return None  # "@JaneDoe", "#Brexit", "Hurricane Ida"
    if names_stage(words, start, stop, lists):
        return None  # "Group E", "Path A": a part of a competition
    if _law_word(words, start, stop, knowledge, lists):
        return None  # "its Agriculture Bill", "the Bill": a law, not a Bill
    surface = " ".join(name)
    known = knowledge.lookup(surface)
    if (
        known is None
        and label != "ORG"
        and len(name) == 1
        and (is_nationality(name[0], lists) or _demonym_before_office(words, start, knowledge))
    ):
        return None  # "Britons", "Samoan": a people, not a person or a place
    if known is None and names_group(words, start, stop, lists):
        return None  # "Evangelical Christian", "Aboriginals", "ethnic Ndebele"
    if known is None and label == "PER" and names_species(words, start, stop, lists):
        return None  # "a Jack Russell terrier", "the Arion slug"
    if known is None and (
        (len(name) > 1 and _quoted(words, start, stop)) or _in_title(tokens, start, stop, lists)
    ):
        return None  # "Danny Boy", "White Christmas", "Three Little Bops": a work's title
    category = _FROM_LABEL[label]
    courtesy = words[start - 1] if start > 0 else ""
    if (
        courtesy.lower() in _COURTESY
        and not courtesy.isupper()  # "DR Congo"
        and (known is None or known.category not in _PEOPLE)
    ):
        return _Mention(start, stop, "person")  # "Mr Brown" is no club, "Mr Camus" no firm
    if known is not None and known.category == "leader" and known.role_at(day) is None:
        known = None  # in office only after the article's date
    if (
        known is not None
        and known.strict
        and label == "LOC"
        and known.kind != "company"
        and not _club_beyond_place(name, known, lists)
    ):
        known = None  # an open list's "Liverpool", "New York City" may be the place
    if known is not None and known.strict and _stray_acronym(name, known, vocabulary):
        known = None  # "CDC" in a health story is not Liberia's Congress for Democratic Change
    if known is not None and (
        known.category != "place"
        or surface in knowledge.place_only
        or parts > 1
        or (label == "ORG" and not _team_or_organisation(words, start, stop, lists))
    ):
        category = known.category
    elif len(name) == 3 and name[0].lower() in _ROYAL and name[1] == "of":
        category = "person"  # "Duchess of Cambridge": a royal (the title gives the role)
    elif category != "institution" and (
        names_organisation(name, lists)
        or (category == "person" and organisation_cue(words, start, stop, lists))
        or (
            category == "place"
            and known is None
            and (
                organisation_cue(words, start, stop, lists, strong=True)
                or described_as(words, stop, lists.kinds["business"], after_is=False)
            )
        )
    ):
        category = "institution"  # "Mahan Air", "shares of WeWork", "X, a startup that"
    elif (
        category in ("institution", "place")
        and known is None
        and (
            (category == "institution" and _person_shaped(name, knowledge, lists))
            or (
                category == "institution"
                and after_person_noun(words, start, lists)
                and not names_organisation(name, lists)
                and all(w[:1].isupper() and not w.isupper() for w in name)
            )
            or described_as(words, stop, lists.kinds["occupation"], after_is=False)
        )
    ):
        # "Karen Lindgren", "actress Dana Moor", "Sasha Luccioni, a postdoctoral researcher"
        category = "person"
    elif known is None and category == "place" and _team_of_place(name, lists):
        category = "institution"  # "Boston Celtics", "Los Angeles Lakers" taken for the town
    elif known is None and category != "institution" and _chamber_of_place(name, knowledge, lists):
        category = "institution"  # "U.S. House of Representatives" taken for the place
    elif (
        known is None
        and category in ("person", "place")
        and len(name) == 1
        and names_outlet_by_part(name[0], lists)
    ):
        category = "institution"  # "Euronews", "Wikileaks"
    elif known is None and category != "institution" and len(name) == 1 and is_coinage(name[0]):
        category = "institution"  # "OpenAI", "GitHub" taken for a person or a place
    elif (
        known is None
        and category == "person"
        and len(name) > 1
        and any(w in lists.thing_acronyms for w in name)
    ):
        category = "institution"  # "Azure AI", "Qwen CLI": no person's name has an "AI"
    elif (
        known is None
        and category == "institution"
        and len(name) == 1
        and name[0].lower() in lists.kinds["celestial"]
    ):
        category = "place"  # "Earth", "Europa" taken for an organisation
    if known is None and _hometown(words, start) and not names_organisation(name, lists):
        category = "place"  # "Ryan Hollman, 31, of Hope": where a person of that age is from
    if category in ("person", "institution") and known is None and is_structure(name, lists):
        category = "place"  # "Clarence J. Brown Dam", "Bridgestone Arena": named after someone
    if (
        category == "institution"
        and known is None
        and (is_document(name, lists) or is_contest(name, lists))
    ):
        return None  # "Clean Air Act", "Sheffield Shield": a law, a contest, no organisation
    if (
        category == "institution"
        and _aged(words, stop)
        and not names_organisation(name, lists)
        and not any(w.isupper() for w in name)
    ):
        return _Mention(start, stop, "person")  # "Umma, 25, was forced": an age, a person
    return _Mention(start, stop, category, known=known, tagged=_FROM_LABEL[label])


def _demonym_before_office(words: list[str], i: int, knowledge: Knowledge) -> bool:
    """ "Samoan Prime Minister", "Tongan King", "the Samoan government": a word made from a
    known place's name by a nationality's ending, right before an office or after an
    article, is a nationality."""
    following = [w.lower() for w in words[i + 1 : i + 3]]
    if not (
        (i > 0 and words[i - 1].lower() in ("the", "a", "an"))
        or (
            following
            and (
                following[0] in knowledge.role_words or " ".join(following) in knowledge.role_words
            )
        )
    ):
        return False
    word = words[i]
    for ending, restore in _DEMONYM_ENDINGS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            known = knowledge.names.get(word[: len(word) - len(ending)] + restore)
            if known is not None and known.category == "place":
                return True
    return False


def _office_holders(words: list[str], start: int, stop: int, knowledge: Knowledge) -> bool:
    """Office words ending in a plural without "the" before them ("Senators", "Democratic
    Representatives"): holders of an office, not a name; "the Cardinals" may be a team."""
    last = words[stop - 1].lower()
    return (
        last.endswith("s")
        and last[:-1] in knowledge.role_words
        and (start == 0 or words[start - 1].lower() != "the")
        and all(w.lower() in knowledge.role_words for w in words[start : stop - 1])
    )


def _team_or_organisation(words: list[str], start: int, stop: int, lists: WordLists) -> bool:
    """A known place the tagger took for an organisation is one only in an organisation's
    context or as a team in a result ("Minnesota 6", "Israel v Bulgaria"); elsewhere it is
    the place ("New Hampshire held the first primary")."""
    after = words[stop] if stop < len(words) else ""
    before = words[start - 1] if start else ""
    return (
        after[:1].isdigit()
        or after.lower() in _VERSUS
        or before.lower() in _VERSUS
        or organisation_cue(words, start, stop, lists)
    )


def _club_beyond_place(name: list[str], known: Known, lists: WordLists) -> bool:
    """A club's name of several words that opens or ends with a club's word: "Manchester
    United", "Real Madrid" are the clubs wherever the tagger saw a place; so is a town's
    name and "City" where no town is called that ("Manchester City", not "Kansas City");
    "San Francisco", "New York City", like "Liverpool", may be the town."""
    clubs = lists.kinds["club"]
    return (
        known.kind == "club"
        and len(name) > 1
        and (
            name[0].lower() in clubs
            or name[-1].lower() in clubs
            or (len(name) == 2 and name[1] == "City" and not default_tagger().known_place(name))
        )
    )


def _team_of_place(name: list[str], lists: WordLists) -> bool:
    """A known place and a capitalised plural that is no part of a place's name: a team
    ("Boston Celtics", "Los Angeles Lakers"), not "Palm Springs" or "Cayman Islands"."""
    last = name[-1]
    tagger = default_tagger()
    return (
        len(name) > 1
        and last.isalpha()
        and last[:1].isupper()
        and not last.isupper()
        and last.endswith("s")
        and last.lower()[:-1] in lists.common  # "Celtics", "Yankees"; not "France Gomis"
        and last.lower() not in lists.trained_place
        and last.lower() not in lists.kinds["terrain"]
        and tagger.known_place(name[:-1])
        and not tagger.known_place(name)
    )


def _chamber_of_place(name: list[str], knowledge: Knowledge, lists: WordLists) -> bool:
    """A known place followed by a chamber or a body: "Ohio Senate", "U.S. House"."""
    places = [
        k
        for k in range(1, len(name))
        if (place := knowledge.lookup(" ".join(name[:k]))) is not None and place.category == "place"
    ]
    return names_chamber(name, places, lists)


def _quoted(words: list[str], start: int, stop: int) -> bool:
    """The name is all a quotation holds: a song, a film or a slogan, not a name."""
    after = words[stop : stop + 2]
    return (
        start > 0
        and words[start - 1] in _OPENING_QUOTES
        and bool(after)
        and (after[0] in _CLOSING_QUOTES or (after[0] in ",." and after[1:2] in _CLOSING_LISTS))
    )


def _in_title(tokens: list[Token], start: int, stop: int, lists: WordLists) -> bool:
    """The name is part of a longer quotation written as a title, every word capitalised but
    the function words ("Three Little Bops", "More Honesty Than the Client Had in Mind"):
    a work's title, not a name. The marks must open and close that quotation, not two others
    ('"Wonderful Town," Roxie Hart in "Chicago"')."""
    first = next(
        (
            k
            for k in range(start - 1, max(start - _TITLE_SPAN, 0) - 1, -1)
            if tokens[k].text in _QUOTES
        ),
        -1,
    )
    last = next(
        (k for k in range(stop, min(stop + _TITLE_SPAN, len(tokens))) if tokens[k].text in _QUOTES),
        -1,
    )
    if (
        first < 0
        or last < 0
        or tokens[first].end != tokens[first + 1].start  # a closing mark, not an opening one
        or (first > 0 and tokens[first - 1].end == tokens[first].start)
        or tokens[last - 1].end != tokens[last].start
        or not tokens[first + 1].text[:1].isupper()
    ):
        return False
    words = [t.text for t in tokens[first + 1 : last]]
    if any(w in ("?", "!") for w in words[:-1]):
        return False  # '"Where is David Cameron? Danny Dyer for PM"': a sign, two sentences
    quoted = [w for w in words if w[:1].isalpha()]
    return len(quoted) > stop - start and all(
        w[:1].isupper() or w.lower() in lists.edges for w in quoted
    )


def _aged(words: list[str], stop: int) -> bool:
    """An age follows the name between commas and the sentence goes on ("Umma, 25, was
    forced"; not a score in a list, "Ajax, 3, and PSV, 2"), or an apposition gives it ("Joss
    Stone, a 17-year-old soul singer"): a person's."""
    after = words[stop : stop + 4]
    if len(after) > 2 and after[0] == "," and after[1] in ("a", "an"):
        return _YEAR_OLD.fullmatch(after[2]) is not None
    return (
        len(after) == 4
        and after[0] == after[2] == ","
        and after[1].isdecimal()
        and 0 < int(after[1]) < _OLDEST
        and after[3].islower()
        and after[3] not in ("and", "or")
    )


def _hometown(words: list[str], start: int) -> bool:
    """An age, a comma and "of" right before the name ("Jo Smith, 31, of Hope")."""
    return (
        start > 2
        and words[start - 1] == "of"
        and words[start - 2] == ","
        and words[start - 3].isdecimal()
        and 0 < int(words[start - 3]) < _OLDEST
    )


def _law_word(
    words: list[str], start: int, stop: int, knowledge: Knowledge, lists: WordLists
) -> bool:
    """A law's word alone ("Bill", "Act", "Treaty") after "the" or after the rest of the
    law's name, which the tagger left out ("the Agriculture Bill"): no person's name; after a
    title it is one ("President Bill")."""
    before = words[start - 1] if start > 0 else ""
    return (
        stop - start == 1
        and words[start].lower() in lists.kinds["document"]
        and not words[start].isupper()  # "ACT", an acronym
        and (
            before.lower() == "the"
            or (
                before[:1].isupper()
                and before.lower() not in knowledge.role_words
                and before.lower() not in _COURTESY
            )
        )
    )


def _person_shaped(name: list[str], knowledge: Knowledge, lists: WordLists) -> bool:
    """Two or three capitalised words opening with a known given name or a courtesy title,
    and no organisation word; not a particle that is also a given name ("El Paso", "Al
    Jazeera", "Van Cleef": a place's or a firm's name)."""
    return (
        1 < len(name) < 4
        and name[0].lower() not in _PARTICLES
        and (name[0] in knowledge.given_names or name[0].lower() in _COURTESY)
        and all(w[:1].isupper() and not w.isupper() for w in name)
        and not names_organisation(name, lists)
        # not "Marine Corps Reserves", "Stan Smith Show"; a rarer word may be a surname, and
        # so may a town's name ("Joaquin Phoenix", "Michael Jordan")
        and (
            lists.common.get(name[-1].lower(), _RARE) >= _RARE
            or default_tagger().known_place(name[-1:])
        )
    )


def _party(words: list[str], first: int, stop: int, knowledge: Knowledge) -> Known | None:
    """What a name refers to, where a party's member or adjective is the party: "a
    Republican", "Democratic senators", "the Conservative MP" as the known "Republicans",
    "Democrats", "Conservatives" (a party is an institution however it is named)."""
    surface = " ".join(words[first:stop])
    known = knowledge.lookup(surface)
    if known is None and stop - first == 1:
        # the members' name: "Republican" → "Republicans", "Democratic" → "Democrats"
        member = surface[:-2] if surface.endswith("ic") else surface
        party = knowledge.lookup(f"{member}s")
        if party is not None and party.kind == "party":
            return party
    return known


def _split_at_title(
    words: list[str], first: int, stop: int, label: str, knowledge: Knowledge
) -> list[tuple[int, int, str]]:
    """An organisation or place the tagger ran into an office: "New York Mayor Anna Berg" is
    a place and a person, "Senate Majority Leader" the Senate, "Labour MP" the party, and
    "CEO of Acme Energy" the company; people run together at a comma are each one."""
    if label == "PER":
        # "Rooney, Scholes" in a team sheet: a person's name holds no comma
        cuts = [first - 1, *(k for k in range(first, stop) if words[k] == ","), stop]
        return [(a + 1, b, label) for a, b in pairwise(cuts) if b > a + 1]
    while (
        stop - first > 2
        and words[first + 1] == "of"
        and words[first].lower() in knowledge.role_words
        and words[first].lower() not in _ROYAL  # "Queen of the South" is a club
    ):
        first += 2  # "CEO of Massey Energy": the office is not part of the name
    for k in range(first + 1, stop):
        lower = words[k].lower()
        if words[k - 1] == "of" or not (lower in knowledge.role_words or lower in _OFFICE_PARTS):
            continue
        if k == stop - 1 and _office_after_of(words, first, k, knowledge):
            break  # "DHS Office of Inspector General": the office is what the body is of
        head = first, k
        if f"{words[k - 1]} {lower}".lower() in knowledge.role_words:
            head = first, k - 1  # "Attorney General": an office of two words
        while head[1] - head[0] > 1 and words[head[1] - 1].lower() in _OFFICE_PARTS:
            head = head[0], head[1] - 1
        rest = words[k + 1 : stop]
        name = k + 1
        while name < stop - 1 and words[name].lower() in knowledge.role_words:
            name += 1
        # a full name, or the surname a known leader is named by alone ("Vice President Pence")
        surname = knowledge.names.get(words[name]) if name == stop - 1 else None
        if (len(rest) >= 2 and words[name] in knowledge.given_names) or (
            surname is not None and surname.category == "leader"
        ):
            known = knowledge.names.get(" ".join(words[slice(*head)]))
            if known is None:
                return [(name, stop, "PER")]
            return [(*head, "LOC" if known.category == "place" else label), (name, stop, "PER")]
        if all(
            not w[:1].isupper() or w.lower() in knowledge.role_words or w.lower() in _OFFICE_PARTS
            for w in rest
        ):
            # "Labour MP", "Senate Minority Leader", "New York State Attorney General" (the
            # place); "Attorney General" alone is no name
            known = knowledge.names.get(" ".join(words[slice(*head)]))
            place = known is not None and known.category == "place"
            return [(*head, "LOC" if place else label)] if head[1] > head[0] else []
        break
    return [(first, stop, label)]


def _office_after_of(words: list[str], first: int, k: int, knowledge: Knowledge) -> bool:
    """The office word at ``k`` ends a run of capitalised words after the name's "of" (or
    "of the") none of which is a known name: "Office of Inspector General", "Office of the
    Attorney General"; not "Bank of England Governor"."""
    if "of" not in words[first + 1 : k]:
        return False
    after = k - words[first + 1 : k][::-1].index("of")
    run = words[after + 1 if words[after] == "the" else after : k]
    return bool(run) and all(
        w[:1].isupper() and knowledge.lookup(w) is None and w.lower() not in knowledge.role_words
        for w in run
    )


def _people_named_like_clubs(words: list[str], mentions: list[_Mention]) -> None:
    """Outside a sports report, a one-word name the tagger took for a person and an open list
    for a football club is the person ("Rubin's comments" on the dollar are not FC Rubin
    Kazan's, "Chelsea" in a story on the Clintons), unless the article names another club
    ("Chelsea women beat Arsenal")."""
    clubs = [m for m in mentions if m.known is not None and m.known.kind == "club"]
    people = [m for m in clubs if m.stop - m.first == 1 and m.tagged == "person"]
    named = {words[m.first] for m in people}
    if people and all(m.stop - m.first == 1 and words[m.first] in named for m in clubs):
        for m in people:
            m.category, m.known = "person", None


def _month(word: str, lists: WordLists) -> bool:
    """A month's name or abbreviation ("December", "Mar"); not an acronym of the same
    letters ("DEC", the Disasters Emergency Committee)."""
    return word.lower() in lists.kinds["calendar"] and not (word.isupper() and len(word) <= 4)


def _known_organisation(name: list[str], knowledge: Knowledge) -> bool:
    known = knowledge.lookup(" ".join(name))
    return known is not None and known.category == "institution"


def _harmonise(words: list[str], mentions: list[_Mention]) -> None:
    """One name, one category in an article: a one-word name the tagger took for a person
    is the organisation whose name it is or starts ("Mahan" after "Mahan Air"); a one-word
    place or organisation that is the surname of a person named in full is that person
    ("Sondland" after "Gordon Sondland", a club's short name "Rose" after "Justin Rose") when
    the person is known or named in full at least as often (a headline's "Lebed Chechnya"
    does not make Chechnya a person)."""
    full_names: Counter[str] = Counter()
    known_people = set()
    for m in mentions:
        if m.category in _PEOPLE and m.stop - m.first > 1 and words[m.stop - 1][:1].isupper():
            full_names[words[m.stop - 1]] += 1
            if m.known is not None and m.known.category == "leader":
                known_people.add(words[m.stop - 1])
    organisations = {
        key
        for m in mentions
        if m.category == "institution" and (m.known is None or m.known.category == "institution")
        for key in {" ".join(words[m.first : m.stop]), words[m.first]}
    } - set(full_names)
    single = [
        m
        for m in mentions
        if m.stop - m.first == 1
        and (m.known is None or (m.known.strict and m.known.category == "institution"))
        and m.category in ("place", "institution")
    ]
    others = Counter(words[m.first] for m in single)
    for m in mentions:
        surface = " ".join(words[m.first : m.stop])
        if m.category == "person" and m.known is None and surface in organisations:
            m.category = "institution"
    for m in single:
        word = words[m.first]
        if (
            word in known_people
            or 0 < others[word] <= full_names[word]
            or (m.category == "institution" and word in full_names)
        ):
            m.category, m.known = "person", None  # an open list's "Rose" is Justin Rose
    name_words = {
        w
        for m in mentions
        if m.category in _PEOPLE
        and m.stop - m.first > 1
        and (m.known is None or m.known.category != "place")
        for w in words[m.first : m.stop]
    }
    for m in mentions:
        if (
            m.known is not None
            and m.known.category == "place"
            and m.category == "person"
            and not name_words.issuperset(words[m.first : m.stop])
        ):
            m.category = "place"  # "Nevada's delegates" taken for a person


def _people_taken_for_organisations(
    words: list[str], mentions: list[_Mention], knowledge: Knowledge, lists: WordLists
) -> None:
    """An unknown name of two or three capitalised words taken for an organisation, with no
    organisation word and a last word that may be a surname, is a person when it or its last
    word alone stands somewhere where only a person does ("Eyamba Sowers didn't know …",
    "said Sowers, who …", "Joss Stone, a 17-year-old soul singer"), beside a person named in
    full ("Keanu Reeves and Pierce Brosnan"), or when the article writes its last word after
    a courtesy title ("Ms Stone"); both become people."""
    inside = {k for m in mentions for k in range(m.first + 1, m.stop)}  # "Saving Mr Banks"
    titled = {
        words[k + 1]
        for k in range(len(words) - 1)
        if words[k].lower() in _COURTESY and k not in inside
    }
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        name = words[m.first : m.stop]
        last = name[-1]
        if (
            m.category == "institution"
            and m.known is None
            and 1 < len(name) < 4
            and all(w[:1].isupper() and not w.isupper() for w in name)
            and not any(w.lower() in lists.edges for w in name)
            and not any(w.lower() in lists.organisation_words for w in name)
            and last.lower() not in lists.trained_organisation
            and (
                lists.common.get(last.lower(), _RARE) >= _RARE
                or last in knowledge.surnames
                or last in titled
            )
        ):
            groups.setdefault(last, []).append(i)
    if not groups:
        return
    for i, m in enumerate(mentions):
        single = m.stop - m.first == 1 and m.known is None
        if single and words[m.first] in groups and m.category in ("institution", "place"):
            groups[words[m.first]].append(i)
    for surname, indices in groups.items():
        rare = lists.common.get(surname.lower(), _RARE) >= _RARE  # not "White House"
        if surname in titled or any(
            _only_a_person(words, mentions[i], lists)
            or (rare and _beside_a_person(words, mentions, i))
            for i in indices
        ):
            for i in indices:
                mentions[i].category = "person"


def _beside_a_person(words: list[str], mentions: list[_Mention], i: int) -> bool:
    """Whether mention ``i`` is coordinated with a person named in full ("stars like Keanu
    Reeves and Pierce Brosnan")."""
    return any(
        other.category in _PEOPLE
        and other.stop - other.first > 1
        and (other.known is None or other.known.category in _PEOPLE)
        for other in _beside(words, mentions, i)
    )


def _beside(words: list[str], mentions: list[_Mention], i: int) -> list[_Mention]:
    """The mentions right before and after mention ``i`` joined to it as in a list (a
    comma, "and", "or")."""
    m = mentions[i]
    return [
        other
        for j in (i - 1, i + 1)
        if 0 <= j < len(mentions)
        for other in [mentions[j]]
        if (words[other.stop : m.first] if j < i else words[m.stop : other.first]) in _LIST_GAPS
    ]


def _only_a_person(words: list[str], m: _Mention, lists: WordLists) -> bool:
    """Context only a person has, not an organisation that speaks or is listed beside
    people: a courtesy title or a word for a person before the name, "who" or an age after."""
    before = words[m.first - 1].lower() if m.first else ""
    who = m.stop + 1 if words[m.stop : m.stop + 1] == [","] else m.stop
    return (
        before in _COURTESY
        or before in lists.kinds["person"]
        or (who < len(words) and words[who] == "who" and words[who + 1 : who + 2] not in _PLURAL)
        or _aged(words, m.stop)
    )


def _names_in_lists(words: list[str], mentions: list[_Mention], lists: WordLists) -> None:
    """A one-word name the tagger took for an organisation, in a list of three names or more
    whose others (apart from names such as these) are places, or are people one of whom is
    named in full, is a place or a person too ("visits Manchester, Shrewsbury, Dorset and
    Torbay"; "beat Dizzee Rascal, Jamelia and Lemar"). One an open list gives a club is a
    place only where the gazetteer knows the town ("Liverpool"), and never a person."""
    tagger = default_tagger()
    candidates = {
        i
        for i, m in enumerate(mentions)
        if m.category == "institution"
        and m.stop - m.first == 1
        and (m.known is None or (m.known.strict and tagger.known_place(words[m.first : m.stop])))
    }
    for i in sorted(candidates):
        around = _list_around(words, mentions, i)
        others = [mentions[j] for j in around if j not in candidates]
        kinds = [other.category for other in others]
        m = mentions[i]
        if len(around) < 3 or not others:
            continue
        if kinds.count("place") >= 2 and set(kinds) <= {"place", "person"}:
            m.category, m.known = "place", None
        elif (
            m.known is None
            and set(kinds) <= set(_PEOPLE)
            and any(other.stop - other.first > 1 for other in others)
            and _list_head(words, mentions[around[0]].first).removesuffix("s")
            not in lists.kinds["business"]  # "firms such as Symantec, McAfee, Trend Micro"
        ):
            m.category = "person"


def _list_around(words: list[str], mentions: list[_Mention], i: int) -> range:
    """The indexes of the mentions in the list that mention ``i`` stands in: neighbours
    joined by a comma, "and" or "or"."""
    first = last = i
    while first > 0 and words[mentions[first - 1].stop : mentions[first].first] in _LIST_GAPS:
        first -= 1
    while (
        last + 1 < len(mentions)
        and words[mentions[last].stop : mentions[last + 1].first] in _LIST_GAPS
    ):
        last += 1
    return range(first, last + 1)


def _coordinate(words: list[str], mentions: list[_Mention]) -> None:
    """In a list of names ("Deutsche Bahn, Deutsche Telekom, Daimler and Siemens") a
    one-word name taken for a person, known to no one, is an institution when the names
    beside it in the list are institutions, and a place when they are places ("Westchester
    County, Mamaroneck, White Plains"). A comma on one side alone makes no list ("With
    Wikinews, Collins discusses"), and the surname of a person named in full stays a person."""
    surnames = {
        words[m.stop - 1] for m in mentions if m.category in _PEOPLE and m.stop - m.first > 1
    }
    for i, m in enumerate(mentions):
        if (
            m.category != "person"
            or m.known is not None
            or m.stop - m.first != 1
            or words[m.first] in surnames
        ):
            continue
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if not _listed(words, m.first, m.stop) and not (
            following is not None
            and words[m.stop : following.first] == [","]
            and (
                _listed(words, following.first, following.stop)
                or "and" in words[following.first : following.stop]
            )
        ):
            continue  # not "Magna, Johnson Controls and Lear", "Buick, Cadillac and Chevrolet"
        kinds = {o.category for o in _beside(words, mentions, i)}
        if len(kinds) == 1 and kinds <= {"institution", "place"}:
            m.category = kinds.pop()


def _one_category_per_word(words: list[str], mentions: list[_Mention]) -> None:
    """An unknown one-word name the tagger called a place here and an organisation there is
    an organisation everywhere ("Python", "Basecamp", "Figma" in a software story): a place
    the gazetteer does not know has only the tagger's word for it. A town's name may be its
    club's as well as its own ("Leeds" beat Everton in Leeds): a place the gazetteer knows
    keeps each."""
    tagger = default_tagger()
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.stop - m.first == 1 and m.known is None and m.category in ("place", "institution"):
            seen.setdefault(words[m.first], set()).add(m.category)
    both = {w for w, kinds in seen.items() if len(kinds) == 2 and not tagger.known_place([w])}
    for m in mentions:
        if (
            m.stop - m.first == 1
            and m.known is None
            and m.category == "place"
            and words[m.first] in both
        ):
            m.category = "institution"


def _places_in_context(words: list[str], mentions: list[_Mention], lists: WordLists) -> None:
    """A name taken for an organisation is a place when its context says so: an address
    ("Dover, England"; "Tewkesbury, Gloucestershire."), "the city of Milwaukee", a part of it
    or near it ("north Brisbane", "near Dover") or someone from there ("the Oldham man")."""
    settlements, townsfolk = lists.kinds["settlement"], lists.kinds["townsfolk"]
    directions = lists.kinds["direction"]
    for i, m in enumerate(mentions):
        if m.category != "institution" or not _may_be_place(words, m):
            continue
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        before = mentions[i - 1] if i else None
        if (
            (
                m.stop < len(words)
                and words[m.stop] in townsfolk
                and (m.first == 0 or words[m.first - 1].lower() not in ("former", "ex"))
            )
            or (m.first > 0 and words[m.first - 1] in directions)
            or (
                m.stop - m.first == 1
                and m.first > 1
                and words[m.first - 1] == "of"
                and words[m.first - 2] in settlements
            )
            or (
                after is not None
                and after.first == m.stop + 1
                and words[m.stop] == ","
                and after.known is not None
                and after.known.category == "place"
                and m.stop - m.first == 1
                and words[after.stop : after.stop + 1] not in (["'s"], ["’s"])
                and not outlet_cue(words, m.first, m.stop, lists)
            )
            or (
                before is not None
                and before.stop + 1 == m.first
                and words[before.stop] == ","
                and (before.category == "place" or _town_taken_for_person(words, before, m))
                and m.stop - m.first == 1
                and words[m.stop : m.stop + 1] in ([","], ["."], [";"], ["-"], ["–"], ["—"])
                and words[m.stop + 1 : m.stop + 2] not in (["and"], ["or"])
            )
        ):
            if before is not None and _town_taken_for_person(words, before, m):
                before.category = "place"  # the town of the address, with its county
            m.category = "place"


SOFTWARE_WORDS = 2
"""Distinct words of software ("software" in name-kinds.txt) that make a software story."""


def _without_programming_languages(
    words: list[str], mentions: list[_Mention], lists: WordLists
) -> list[_Mention]:
    """In a software story, a programming language's name is the language ("written in Rust",
    "Python developers"), whatever the tagger took it for; a known leader, an organisation
    of the hand-kept list, and a name that speaks ("Julia said") stay."""
    if len({w.lower() for w in words} & lists.kinds["software"]) < SOFTWARE_WORDS:
        return mentions
    languages, speech = lists.programming_languages, lists.kinds["speech"]
    return [
        m
        for m in mentions
        if m.category == "leader"
        or (m.known is not None and m.known.category == "institution" and not m.known.strict)
        or (m.stop < len(words) and words[m.stop].lower() in speech)
        or not (
            " ".join(words[m.first : m.stop]) in languages
            or "".join(words[m.first : m.stop]) in languages
        )
    ]


def _teams_in_play(
    words: list[str], mentions: list[_Mention], knowledge: Knowledge, lists: WordLists
) -> None:
    """In a sports report, a name the tagger took for a place is a team where it plays
    ("Barcelona beat Real Madrid", "drew with Leicester", "Tottenham striker"), and so are its
    other mentions but where the story is somewhere ("in Barcelona"), when the knowledge
    knows it as a club's name (the club, then) or a province's or a state's ("Valencia",
    "Kentucky": a team of that name). A country's name stays a place (its national side is
    the country, as CoNLL marks it), and so does a town no club is named for."""
    teams: dict[str, Known | None] = {}
    for m in mentions:
        name = " ".join(words[m.first : m.stop])
        if m.category == "place" and _in_play(words, m.first, m.stop, lists):
            known = knowledge.lookup(name)
            if known is not None and known.kind in ("club", "region"):
                teams[name] = known if known.kind == "club" else None
    for m in mentions:
        name = " ".join(words[m.first : m.stop])
        if m.category == "place" and name in teams and not _somewhere(words, m.first, lists):
            m.category, m.known = "institution", teams[name]


def _in_play(words: list[str], first: int, stop: int, lists: WordLists) -> bool:
    """ "beat X", "drew with X", "X beat", "X striker", "X's coach": a team's name."""
    versus, team = lists.kinds["versus"], lists.kinds["team"]
    after = stop + 1 if words[stop : stop + 1] in (["'s"], ["’s"]) else stop
    return (
        (first > 0 and words[first - 1] in versus)
        or (first > 1 and f"{words[first - 2]} {words[first - 1]}" in versus)
        or (after < len(words) and words[after] in team)
    )


def _somewhere(words: list[str], first: int, lists: WordLists) -> bool:
    """ "in Barcelona", "near Leicester": the place, where a story happens."""
    return first > 0 and words[first - 1] in lists.kinds["locative"]


def _towns_with_states(words: list[str], mentions: list[_Mention], knowledge: Knowledge) -> None:
    """A name followed by a comma and a state's postal code is a town ("Denver, CO",
    "El Paso, TX" in a tour's dates), and the code with it, whatever the tagger made of them;
    a person's full name is left alone ("Ana Lopez, NY," signing a letter)."""
    codes = knowledge.state_codes
    for m in mentions:
        if (
            m.category != "place"
            and m.known is None
            and (m.category == "institution" or m.stop - m.first == 1)  # not "Ana Lopez, NY"
            and words[m.stop : m.stop + 1] == [","]
            and m.stop + 1 < len(words)
            and words[m.stop + 1] in codes
            and all(w[:1].isupper() for w in words[m.first : m.stop])
        ):
            m.category = "place"
    states = {m.stop + 1 for m in mentions if m.category == "place"}
    for m in mentions:
        if m.first in states and m.stop == m.first + 1 and words[m.first] in codes:
            m.category = "place"


def _town_taken_for_person(words: list[str], town: _Mention, region: _Mention) -> bool:
    """ "in Rayne, Essex -": a lone word taken for a person, no known one nor a given name,
    after "in", "near" or "from" and before a comma and a one-word place or organisation
    (a county, a state), is a town."""
    return (
        town.category == "person"
        and town.known is None
        and town.stop - town.first == 1
        and town.first > 0
        and words[town.first - 1].lower() in ("in", "near", "from")
        and words[town.first] not in load_knowledge().given_names
        and town.stop + 1 == region.first
        and words[town.stop] == ","
        and region.category in ("place", "institution")
    )


def _may_be_place(words: list[str], m: _Mention) -> bool:
    """Up to three capitalised words, not a known organisation's (an open list's club may be
    named for its town)."""
    return (
        m.stop - m.first <= _PLACE_WORDS
        and all(w[:1].isupper() for w in words[m.first : m.stop])
        and (m.known is None or m.known.strict)
    )


def _listed(words: list[str], first: int, stop: int) -> bool:
    """The name stands in a list: "and" or "or" joins it to the next or the one before, or
    commas stand on both its sides."""
    before = words[first - 1] if first else ""
    after = words[stop : stop + 2]
    return (
        before in ("and", "or")
        or after[:1] in (["and"], ["or"])
        or after in ([",", "and"], [",", "or"])
        or (before == "," and after[:1] == [","])
    )


def _split_known_pair(
    words: list[str], first: int, stop: int, knowledge: Knowledge, lists: WordLists
) -> list[tuple[int, int]]:
    """ "US and Europe", "Trump and Sanders", "Tax Office and Defence" taken as one name are
    two names when one side is known or the first ends in an organisation word; so are a
    party's adjective and a known place ("Republican Iowa" caucus)."""
    name = words[first:stop]
    if (
        len(name) > 1
        and " ".join(name) not in knowledge.names
        and name[1].lower() not in lists.kinds["state"]  # "Democratic Republic of the Congo"
    ):
        rest = knowledge.names.get(" ".join(name[1:]))
        if rest is not None and rest.category == "place":
            party = _party(words, first, first + 1, knowledge)
            if party is not None and party.kind == "party":
                return [(first, first + 1), (first + 1, stop)]
    if "and" in words[first:stop]:
        middle = words.index("and", first, stop)
        left, right = words[first:middle], words[middle + 1 : stop]
        if (
            left
            and right
            and right[0][:1].isupper()
            and (
                " ".join(left) in knowledge.names
                or " ".join(right) in knowledge.names
                or (len(left) > 1 and names_organisation(left, lists) and len(right) == 1)
            )
        ):
            return [(first, middle), (middle + 1, stop)]
    return [(first, stop)]


def _split_around_person(
    words: list[str], first: int, stop: int, knowledge: Knowledge, day: str
) -> list[tuple[int, int]]:
    """A known office holder's full name inside a longer name is a name of its own: "Vermont
    Bernie Sanders", "MP Philip Hammond", "Queen Elizabeth II", "Elizabeth Warren of
    Massachusetts". A known place beside it stays a place; title words are dropped."""
    for k in range(first + 1, stop - 1):
        if _office_holder(words[k:stop], knowledge, day):
            end = k
            while end > first and (
                words[end - 1].lower() in knowledge.role_words
                or words[end - 1].lower() in _COURTESY
            ):
                end -= 1
            return [*_place_part(words, first, end, knowledge), (k, stop)]
    for k in range(stop - 2, first + 1, -1):
        if words[k] == "of" and _office_holder(words[first:k], knowledge, day):
            return [(first, k), *_place_part(words, k + 1, stop, knowledge)]
    return [(first, stop)]


def _office_holder(name: list[str], knowledge: Knowledge, day: str) -> bool:
    known = knowledge.names.get(" ".join(name))
    return known is not None and known.category == "leader" and known.role_at(day) is not None


def _place_part(
    words: list[str], first: int, stop: int, knowledge: Knowledge
) -> list[tuple[int, int]]:
    known = knowledge.names.get(" ".join(words[first:stop])) if stop > first else None
    return [(first, stop)] if known is not None and known.category == "place" else []


def _after_titles(
    words: list[str], first: int, stop: int, knowledge: Knowledge, lists: WordLists
) -> int:
    """Skip an office or courtesy title the tagger took into a name ("Chancellor Friedrich
    Merz" → "Friedrich Merz"); the title still gives the role. A royal's title before a
    given name alone stays ("Prince Harry", "Queen Elizabeth II"), and so does a peer's or
    a stage name's before one word ("Lord Carloway", "Lady Gaga")."""
    while stop - first > 1 and (
        words[first].lower() in knowledge.role_words
        or words[first].lower() in _COURTESY
        or words[first] in lists.not_names
    ):
        rest = words[first + 1 : stop]
        title = words[first].lower()
        if (title in _ROYAL and (len(rest) == 1 or (len(rest) == 2 and _ROMAN.match(rest[1])))) or (
            title in _PEERAGE and len(rest) == 1
        ):
            break
        first += 1
    return first


def _knowledge_matches(
    words: list[str], covered: list[bool], misc: set[int], knowledge: Knowledge, day: str
) -> list[_Mention]:
    """Known institutions and leaders' full names the tagger missed (never inside a tagged
    span); a surname alone, or one word naming an organisation of an open list ("Apple"),
    is too ambiguous to add without the tagger, unless it is the surname of a head in office
    on ``day`` before a speech verb ("Trump said", which the tagger misses at the start of a
    sentence: "trump" is a word too). A name of several words may take in a word the tagger
    called MISC ("Republican" in "Republican Party")."""
    speech = word_lists().kinds["speech"]
    found = []
    i = 0
    while i < len(words):
        match = None
        longest = knowledge.longest.get(words[i], 0) if not covered[i] or i in misc else 0
        if not longest:  # most words start no known name
            i += 1
            continue
        free = [not c or j in misc for j, c in enumerate(covered[i : i + longest], start=i)]
        for n in range(min(longest, len(words) - i), 0, -1):
            if not all(free[:n]) or (n == 1 and covered[i]):
                continue
            known = knowledge.lookup(" ".join(words[i : i + n]))
            if (
                known is not None
                and (
                    (known.category == "institution" and (n > 1 or not known.strict))
                    or (known.category == "leader" and n > 1 and known.role_at(day))
                    or (
                        known.category == "leader"
                        and i + 1 < len(words)
                        and words[i + 1].lower() in speech
                        and known.role_at(day) is not None
                        and not _former(known, day)
                    )
                )
                and not _in_capitals(words, i, n)
            ):
                match = _Mention(i, i + n, known.category, known=known)
                break
        if match is None:
            i += 1
            continue
        found.append(match)
        for j in range(match.first, match.stop):
            covered[j] = True
        i = match.stop
    return found


def _cue_matches(words: list[str], covered: list[bool], lists: WordLists) -> list[_Mention]:
    """A capitalised word the tagger left out, inside a sentence, in the context of an
    organisation ("wrote on Twitter", "its Facebook page", "shares of Acme") or a chamber
    that names an institution alone ("suspend Parliament")."""
    found = []
    alone = lists.kinds["alone"]
    for i, word in enumerate(words):
        if (
            not covered[i]
            and i > 0
            and word[:1].isupper()
            and words[i - 1] not in _SENTENCE_END
            and (
                (word.lower() in alone and not word.isupper())
                or (
                    (
                        words[i - 1].lower() in lists.cue_edges
                        or (i + 1 < len(words) and words[i + 1].lower() in lists.cue_edges)
                    )
                    and not is_junk([word], lists)
                    and not _month(word, lists)  # "by December 16"
                    and (
                        organisation_cue(words, i, i + 1, lists)
                        or outlet_cue(words, i, i + 1, lists)
                    )
                )
            )
        ):
            covered[i] = True
            found.append(_Mention(i, i + 1, "institution"))
    return found


def _in_capitals(words: list[str], i: int, n: int) -> bool:
    """A lone word inside an all-capitals headline ("WHO", "AP") is not trusted."""
    if n > 1:
        return False
    neighbours = (words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "")
    return any(w.isupper() and len(w) > 1 for w in neighbours)


def _surname_matches(
    words: list[str], covered: list[bool], mentions: list[_Mention], ordinary: frozenset[str]
) -> list[_Mention]:
    """A person's surname that the tagger missed elsewhere in the same article; not the last
    word of a "name" opening with an acronym ("SEO Services" taken for a person), nor, for an
    unknown name, a word the article writes in lower case at least as often ("Marketing" of
    "Social Media Marketing" taken for a person; Theresa May's "May" stays) or the last word
    of a name whose other words are no one's name ("Enumerate Rust's design goals", a heading
    taken for a person, would make every "Rust" one; "Billie Jean King" has "Jean")."""
    tagger = default_tagger()
    surnames = {
        words[m.stop - 1]: m.category
        for m in mentions
        if m.category in _PEOPLE
        and m.stop - m.first > 1
        and words[m.stop - 1][:1].isupper()
        and not (words[m.first].isalpha() and words[m.first].isupper())
        and (
            m.known is not None
            or (
                words[m.stop - 1] not in ordinary
                and any(tagger.name_word(w) for w in words[m.first : m.stop - 1])
            )
        )
    }
    found = []
    for i, word in enumerate(words):
        if not covered[i] and word in surnames and len(word) > 2 and not word.isupper():
            covered[i] = True
            # "Mrs Saunders": a courtesy title goes with the name, as the tagger's own spans
            titled = i > 0 and not covered[i - 1] and words[i - 1].lower() in _COURTESY - _PEERAGE
            found.append(_Mention(i - titled, i + 1, surnames[word]))
    return found


def _link_people(words: list[str], mentions: list[_Mention], day: str, *, sport: bool) -> None:
    """A short name takes the longest full name in the article that ends (or starts) with it;
    one the article gives an office ("Vice President Biden") takes an office holder's first
    ("Joe and Hunter Biden": "Biden" is Joe Biden). A name in the bundled knowledge becomes
    that leader (unless the article names someone else with the same surname in full); in a
    political story that is no sports report, a surname alone that several office holders
    share is the one of them who was head of state or government on ``day`` ("Blair" in 2003,
    "Bush" in 1991 and in 2005) where the article names that country."""
    people = [m for m in mentions if m.category in _PEOPLE]
    names = [_without_courtesy(tuple(words[m.first : m.stop])) for m in people]
    knowledge = load_knowledge()
    role_words = knowledge.role_words
    political = _political(words, knowledge, sport=sport)
    titled = {
        name
        for m, name in zip(people, names, strict=True)
        if len(name) == 1 and m.first > 0 and words[m.first - 1].lower() in role_words
    }
    holders = {
        name: _known_leader(" ".join(name), day) is not None
        for name in set(names)
        if name[-1:] in titled
    }
    longest: dict[tuple[str, ...], tuple[str, ...]] = {}  # part of a name → longest full name
    for name in names:
        for n in range(1, len(name)):
            for part in (name[-n:], name[:n]):
                held = longest.get(part, ())
                mine = (part in titled and holders.get(name, False), len(name))
                if mine > (part in titled and holders.get(held, False), len(held)):
                    longest[part] = name
    for name in names:
        if len(name) == 3 and len(name[1]) > 2 and name[1][:1].isupper():
            longest.setdefault(name[1:2], name)  # "Rosselló" of "Ricardo Rosselló Nevares"
    misspelt = _transpositions(longest)
    for m, name in zip(people, names, strict=True):
        full = longest.get(name) or misspelt.get(name)
        m.canonical = " ".join(full or words[m.first : m.stop])
        known = next(
            (k for k in map(lambda n: _known_leader(n, day), _short_forms(full or name)) if k),
            None,
        )
        if known is None and full is None and m.known is not None and m.known.category == "leader":
            known = m.known  # already checked to hold an office by ``day``
        if known is None and full is None and len(name) == 1 and political:
            known = _head_named(name[0], day, words, mentions)
        m.known = known
        if known is not None:
            m.category = "leader"
            m.canonical = known.canonical
        elif m.category == "leader":
            m.category = "person"  # a known surname, but the article names someone else
    for m in mentions:
        if m.category not in _PEOPLE:
            surface = " ".join(words[m.first : m.stop])
            known = m.known if m.known is not None and m.known.category == m.category else None
            m.canonical = known.canonical if known is not None else surface  # not a club's


def _transpositions(
    longest: dict[tuple[str, ...], tuple[str, ...]],
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """One-word parts of full names with two neighbouring letters swapped ("Chriac" for
    "Chirac"): a typo of the name, not someone else. Short words are left out ("Lee", "Lea")."""
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for part, full in longest.items():
        word = part[0]
        if len(part) != 1 or len(word) < _TYPO_LENGTH:
            continue
        for i in range(1, len(word) - 1):  # never the capital letter
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped != word and (swapped,) not in longest:
                found.setdefault((swapped,), full)
    return found


def _without_courtesy(name: tuple[str, ...]) -> tuple[str, ...]:
    """ "Mrs Saunders" is looked up as "Saunders", the surname of "Alison Saunders"; a peer's
    title ("Lord Carloway") is a name of its own."""
    if len(name) > 1 and name[0].lower() in _COURTESY - _PEERAGE:
        return name[1:]
    return name


def _short_forms(name: tuple[str, ...]) -> list[str]:
    """A full name, then without its middle names ("Robert Gabriel Mugabe" → "Robert
    Mugabe"), then its first two words ("Ricardo Rosselló Nevares" → "Ricardo Rosselló"),
    and first of these with a full stop after a middle initial ("George W Bush" → "George
    W. Bush"): the forms the knowledge may list."""
    forms = [" ".join(name)]
    if any(_INITIAL.fullmatch(w) for w in name[1:-1]):
        # "George W Bush" is "George W. Bush" before "George Bush" (his father)
        forms.append(" ".join(f"{w}." if _INITIAL.fullmatch(w) else w for w in name))
    if len(name) > 2 and name[-1][:1].isupper():
        forms += [f"{name[0]} {name[-1]}", f"{name[0]} {name[1]}"]
    return forms


def _political(words: list[str], knowledge: Knowledge, *, sport: bool) -> bool:
    """A political story: one of the words of politics, and no sports report."""
    return not sport and any(w.lower() in knowledge.political_words for w in words)


def _head_named(surname: str, day: str, words: list[str], mentions: list[_Mention]) -> Known | None:
    """The head of state or government in office on ``day`` whose surname, shared with
    other office holders, is ``surname``, where the article names the country they head."""
    knowledge = load_knowledge()
    known = knowledge.names.head_on(surname, day)
    if known is None:
        return None
    places = _places_named(words, mentions, knowledge)
    heads = [o[0] for o in known.offices if o[3] == 0]
    return known if any(names_place(role, place) for role in heads for place in places) else None


def _known_leader(name: str, day: str) -> Known | None:
    """The known person of this name who had taken an office by ``day``."""
    known = load_knowledge().names.get(name)
    if known is None or known.category != "leader" or known.role_at(day) is None:
        return None
    return known


def _link_acronyms(words: list[str], covered: list[bool], mentions: list[_Mention]) -> None:
    """ "European Defence Agency (EDA)": every "EDA" in the article becomes the long form."""
    long_forms: dict[str, _Mention] = {}
    for m in mentions:
        k = m.stop
        if words[k : k + 1] == ["("] and words[k + 2 : k + 3] == [")"]:
            acronym = words[k + 1]
            if _abbreviates(acronym, words[m.first : m.stop]):
                long_forms.setdefault(acronym, m)
    if not long_forms:
        return
    for i, word in enumerate(words):
        if word in long_forms and not covered[i]:
            covered[i] = True
            mentions.append(_Mention(i, i + 1, long_forms[word].category))
    mentions.sort(key=lambda m: m.first)
    for m in mentions:
        if m.stop - m.first == 1 and words[m.first] in long_forms:
            source = long_forms[words[m.first]]
            m.canonical, m.category, m.role = source.canonical, source.category, source.role


def _abbreviates(acronym: str, name: list[str]) -> bool:
    letters = [ch for ch in acronym if ch.isalpha()]
    if len(letters) < 2 or not acronym.replace(".", "").isupper():
        return False
    initials = [w[0] for w in name if w[:1].isupper()]
    return (letters[0] == name[0][:1] and len(letters) <= len(initials) + 1) or sorted(
        letters
    ) == sorted(initials)  # "National Alliance (AN)": the initials in the language's order


def _former(known: Known, day: str) -> bool:
    """Every office ``known`` had begun by ``day`` had ended by then."""
    return (known.role_at(day) or "").startswith("former ")


def _well_known(
    known: Known,
    surname: str,
    day: str,
    knowledge: Knowledge,
    places: frozenset[str],
    *,
    in_full: bool,
) -> bool:
    """A head of state or government or a deputy by ``day`` (a former one named by surname
    alone only where the article names one of their countries), or a name given in full
    whose surname few known people share: that person in any article. A legislator or a
    minister called Smith or Lane may be anyone outside a political story, and a rare
    surname alone ("Kellogg's said it would cut jobs") may be a company's or anyone's."""
    heads = _head_offices(known, day)
    if heads and (in_full or not _former(known, day) or _names_country(heads, places)):
        return True
    return in_full and surname not in knowledge.common_surnames


def _stray_former_head(known: Known, day: str, places: frozenset[str], *, in_full: bool) -> bool:
    """A former head of state or government named only by surname in an article that never
    names their country: "Meta" in a story of social media, a "campaign" and a privacy
    "policy" is not Albania's former president, "Jonathan" not Nigeria's."""
    heads = _head_offices(known, day)
    return bool(heads) and not in_full and _former(known, day) and not _names_country(heads, places)


def _head_offices(known: Known, day: str) -> list[Office]:
    """The offices of head of state or government, or deputy, ``known`` had begun by ``day``."""
    return [o for o in known.offices if o[3] <= _DEPUTY_RANK and began(o[1], day)]


def _names_country(offices: list[Office], places: frozenset[str]) -> bool:
    """One of ``offices`` names a place of the article ("UK" of "UK Prime Minister")."""
    return any(names_place(o[0], place) for o in offices for place in places)


def _assign_roles(
    text: str,
    tokens: list[Token],
    mentions: list[_Mention],
    knowledge: Knowledge,
    day: str,
    *,
    sport: bool,
) -> None:
    """A person with an office anywhere in the article is a leader at every mention; a
    known person's office is the one held on ``day``. A sports report is no political story
    for its clubs' presidents and chairmen ("Celtic manager O'Neill" is not a former MP)."""
    names = {i for m in mentions if m.category in _PEOPLE for i in range(m.first, m.stop)}
    roles: dict[str, str] = {}
    political = _political([t.text for t in tokens], knowledge, sport=sport)
    places = _article_places(tokens, mentions, knowledge, day)
    _unlink_foreign_institutions(tokens, mentions, places, knowledge)
    in_full = {m.canonical for m in mentions if m.category in _PEOPLE and m.stop - m.first > 1}
    unlinked: dict[str, str] = {}  # a namesake's canonical name → the name as written
    for m in mentions:
        if m.category not in _PEOPLE:
            continue
        royal = tokens[m.first].text
        role = (
            (royal if royal.lower() in _ROYAL and m.stop - m.first > 1 else "")
            or role_before(text, tokens, m.first, knowledge)
            or role_after(text, tokens, m.stop, knowledge, names)
            or role_predicate(text, tokens, m.stop, knowledge)
            or role_relative(text, tokens, m.stop)
            or role_possessive(tokens, m.stop)
        )
        if m.known is not None and _abroad(m.known, places, knowledge):
            # "Fiona Hill" in an American story: not a British official; "Thomas Kennedy,
            # the executive director of the Texas State Building Trades" holds the office
            # the article gives, not a British ambassador's.
            m.known = None
            m.category = "person"
            if not role:
                continue
        if (
            m.known is not None
            and m.known.category == "leader"
            and not role
            and _stray_former_head(m.known, day, places, in_full=m.canonical in in_full)
        ):
            m.known = None
            m.category = m.tagged or "person"
            m.canonical = tokens[m.first].text
            continue
        if m.known is not None and m.known.category == "leader":
            # The full name's, not the mention's: "Gareth" alone is not a rare surname.
            surname = m.canonical.split(",")[0].split()[-1]
            known_anywhere = _well_known(
                m.known, surname, day, knowledge, places, in_full=m.canonical in in_full
            )
            if role or political or known_anywhere:
                roles.setdefault(_person_key(m.canonical), m.known.role_at(day, places) or "")
                continue
            m.known = None  # "Andrew Smith" in a science story: not the former MP
            m.category = "person"
            if m.canonical not in in_full:
                m.canonical = tokens[m.first].text  # "Kellogg's": no one's surname for sure
            elif m.stop - m.first > 1:
                # the name as written, not the namesake's ("…, Baron O'Neill of Clackmannan")
                unlinked.setdefault(
                    m.canonical, text[tokens[m.first].start : tokens[m.stop - 1].end]
                )
        if role:
            roles.setdefault(_person_key(m.canonical), " ".join(role.split()))
    for m in mentions:
        if m.known is None and m.canonical in unlinked:
            m.canonical = unlinked[m.canonical]
        if m.category in _PEOPLE and _person_key(m.canonical) in roles:
            m.category = "leader"
            m.role = roles[_person_key(m.canonical)]


def _ordinary_words(words: list[str]) -> frozenset[str]:
    """The capitalised words the article writes in lower case at least as often: ordinary
    words opening a sentence or a heading ("Catering" in a page about catering)."""
    lower = Counter(w for w in words if w.islower())
    capitalised = Counter(w for w in words if w[:1].isupper())
    return frozenset(w for w, n in capitalised.items() if n <= lower[w.lower()])


def _without_common_words(
    words: list[str], mentions: list[_Mention], ordinary: frozenset[str]
) -> list[_Mention]:
    """A one-word name that is one of the article's ``ordinary`` words is no name. A known
    name ("Brown", "Labour"), an acronym and a word of a longer name in the article ("Rose"
    after "Justin Rose") stay."""
    in_longer = {w for m in mentions if m.stop - m.first > 1 for w in words[m.first : m.stop]}

    def common(m: _Mention) -> bool:
        word = words[m.first]
        return (
            m.stop - m.first == 1
            and m.known is None
            and word[:1].isupper()
            and not word.isupper()
            and word not in in_longer
            and " " not in m.canonical
            and word in ordinary
        )

    return [m for m in mentions if not common(m)]


def _without_thing_phrases(
    words: list[str], mentions: list[_Mention], lists: WordLists
) -> list[_Mention]:
    """An unknown name made of an acronym of a thing and words the article also writes in
    lower case is a term, not a name ("Generative AI" beside "generative models", "AI
    Engineer", "Local SEO"); a brand's own word keeps it a name ("Azure AI", "Qwen CLI")."""
    written_lower = {w for w in words if w.islower()}

    def thing_phrase(m: _Mention) -> bool:
        name = words[m.first : m.stop]
        acronyms = [w for w in name if w in lists.thing_acronyms]
        return (
            m.known is None
            and len(name) > 1
            and bool(acronyms)
            and all(w in acronyms or w.lower() in written_lower for w in name)
        )

    return [m for m in mentions if not thing_phrase(m)]


def _without_unsupported_people(
    words: list[str], mentions: list[_Mention], knowledge: Knowledge, lists: WordLists
) -> list[_Mention]:
    """Names taken for people that nothing in the article supports are no people. On web
    pages they are mostly products, companies, venues, works and species ("Alibaba",
    "Dreamliner", "Pseudomonas", "Echo Dot"):
    - a one-word name with no full name in the article, no known given name or surname, no
      title, age, speech verb or nickname, and no person beside it in a list; one the
      tagger's training calls an organisation's or a place's word, or one after a word for
      a business ("oil giant Yukos") or in a news outlet's context, becomes that;
    - a name with a digit in a word ("Alienware AW3418DW", "Sat 4PM"), or one before a word
      for a product or after "your" or "its" ("an Alexa device", "737 Max jets", "your Echo
      Dot") and never in a person's context, or one in a list of things ("apps such as
      Tinder, Bumble and Hinge") never in a person's context but that list;
    - a name whose first word no known person's name has and whose last word is an ordinary
      English word no surname is ("Xbox Live", "Budweiser Stage"), with no person's context.
    The rest are left out."""
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.category == "person" and m.known is None:
            groups.setdefault(m.canonical, []).append(i)
    full_names = {
        words[m.stop - 1].lower()
        for m in mentions
        if m.category in _PEOPLE and m.stop - m.first > 1
    }
    dropped: set[int] = set()
    for name, indices in groups.items():
        parts = name.split()
        if (
            any(ch.isdigit() for ch in name)
            or (
                any(_product(words, mentions[i], lists) for i in indices)
                and not any(_person_context(words, mentions, i, knowledge, lists) for i in indices)
            )
            or (
                any(_listed_as_things(words, mentions[i], lists) for i in indices)
                and not any(
                    _person_context(words, mentions, i, knowledge, lists, beside=False)
                    for i in indices
                )
            )
        ):
            dropped.update(indices)
            continue
        if (
            (len(parts) == 1 and name.lower() in full_names)  # "SHEARER" over "Alan Shearer"
            or (len(parts) == 1 and _named_as_person(name, knowledge, lists))
            or (len(parts) > 1 and not _common_word_name(parts, knowledge, lists))
            or any(_person_context(words, mentions, i, knowledge, lists) for i in indices)
        ):
            continue
        lower = name.lower()
        category = (
            "institution"
            if lower in lists.trained_organisation
            or any(_organisation_context(words, mentions[i], lists) for i in indices)
            else "place"
            if lower in lists.trained_place
            else ""
        )
        for i in indices:
            mentions[i].category = category
        if not category:
            dropped.update(indices)
    return [m for i, m in enumerate(mentions) if i not in dropped]


def _product(words: list[str], m: _Mention, lists: WordLists) -> bool:
    """A word for a product follows the name ("Alexa device", "Max jets"), or "your" or
    "its" comes before it ("your Echo Dot", "its Dragonfly mission")."""
    return (m.stop < len(words) and words[m.stop] in lists.kinds["product"]) or (
        m.first > 0 and words[m.first - 1] in _OWNERS
    )


def _listed_as_things(words: list[str], m: _Mention, lists: WordLists) -> bool:
    """The name is in a list of things: "tools like Python, R and SQL", "frameworks such as
    React or Vue.js", "apps including Tinder"; its neighbours there are no people either."""
    return _list_head(words, m.first) in lists.kinds["things"]


def _list_head(words: list[str], first: int) -> str:
    """The noun a list that the name at ``first`` stands in is introduced by, lower case
    ("firms" in "firms such as Symantec, McAfee and …"), or ""."""
    j = first - 1
    while (
        j >= 0
        and first - j <= _THINGS_LIST
        and (words[j] in (",", "and", "or", "&") or words[j][:1].isupper() or "." in words[j])
    ):
        j -= 1
    if j < 1:
        return ""
    cue = words[j].lower()
    if cue == "as" and words[j - 1].lower() == "such":
        j -= 1
    elif cue not in ("like", "including"):
        return ""
    return words[j - 1].lower()


def _common_word_name(parts: list[str], knowledge: Knowledge, lists: WordLists) -> bool:
    """A name opening with a word of no known person's name and ending in an ordinary English
    word or a letter ("Xbox Live", "Jolinda Drive", "Group D"); "Tom Young" and "Vermin
    Supreme" are not."""
    first, last = parts[0], parts[-1]
    return (
        first not in knowledge.name_words
        and first.lower() not in lists.trained_person
        and (
            _LETTER.match(last) is not None
            or (
                lists.common.get(last.lower(), _RARE) < _RARE
                and last.lower() not in lists.trained_person
                and last not in knowledge.surnames
            )
        )
    )


def _organisation_context(words: list[str], m: _Mention, lists: WordLists) -> bool:
    """A word for a business right before the name ("research firm Oanda", "oil giant
    Yukos"), or a news outlet's context ("Figaro reports")."""
    before = words[m.first - 1] if m.first else ""
    return (
        before in lists.kinds["business"]
        or before in lists.kinds["trade"]
        or outlet_cue(words, m.first, m.stop, lists)
    )


def _named_as_person(name: str, knowledge: Knowledge, lists: WordLists) -> bool:
    """A known given name or surname (a headline's "SHEARER" too), a word the training
    annotations call a person's, or an initial before a surname ("T.O'Gorman")."""
    word = name.capitalize() if name.isupper() else name
    return (
        word in knowledge.given_names
        or word in knowledge.surnames
        or name.lower() in lists.trained_person
        or _INITIALLED.match(name) is not None
    )


def _person_context(
    words: list[str],
    mentions: list[_Mention],
    i: int,
    knowledge: Knowledge,
    lists: WordLists,
    *,
    beside: bool = True,
) -> bool:
    """Mention ``i`` reads as a person's: after a courtesy or office title, a word for a person
    ("his son, Jett"), an initial or a speech verb ("said Kudja"); before a speech verb,
    "who", an age, a player's tally ("Tolivert 25 points") or a possessive of what only
    people have ("Juninho's agent"); in a list
    beside a person ("Howitt and Garett"), or before brackets with a place or a number in
    them as results give them ("Pospisil ( Canada )", "Pettite ( 19-7 )"); ``beside`` False
    leaves the list out."""
    m = mentions[i]
    before = words[m.first - 1] if m.first else ""
    after = words[m.stop : m.stop + 2]
    lower = before.lower()
    if (
        lower in _COURTESY
        or lower in knowledge.role_words
        or lower in lists.kinds["person"]
        or lower in lists.kinds["speech"]  # "said Kudja"
        or (lower == "," and m.first > 1 and words[m.first - 2] in lists.kinds["person"])
        or (_LETTER.match(before) is not None and before not in ("A", "I"))  # "D Hickie"
        or (after[:1] and after[0].lower() in lists.kinds["speech"] | {"who"})
        or after == [",", "who"]
        or (len(after) == 2 and after[0].isdigit() and after[1] in lists.kinds["tally"])
        or any(w in _PRONOUNS for w in words[m.stop : m.stop + _PRONOUN_SPAN])  # "Defar as she"
        or (after[:1] in (["'s"], ["’s"]) and after[1:] and _personal(after[1], lists))
        or _aged(words, m.stop)
        or _after_nickname(words, m.first)
    ):
        return True
    if after[:1] == ["("] and len(after) == 2:
        inside = knowledge.lookup(after[1])
        if after[1][:1].isdigit() or (inside is not None and inside.category == "place"):
            return True
    for j in (i - 1, i + 1) if beside else ():
        if 0 <= j < len(mentions) and mentions[j].category in _PEOPLE:
            other = mentions[j]
            gap = words[other.stop : m.first] if j < i else words[m.stop : other.first]
            if gap in _LIST_GAPS:
                return True
    return False


def _personal(word: str, lists: WordLists) -> bool:
    """A word after a possessive that only a person has ("agent", "wife", "birth")."""
    return word in lists.kinds["personal"] or word in lists.kinds["person"]


def _after_nickname(words: list[str], first: int) -> bool:
    """One or two capitalised words in quotation marks right before the name: a nickname
    ('E.Y "Yip" Harburg', '"Weird Al" Yankovic')."""
    for n in (1, 2):
        k = first - n - 2
        if (
            k >= 0
            and words[k] in _OPENING_QUOTES | {"'", "‘"}
            and words[first - 1] in _CLOSING_QUOTES | {"'", "’"}
            and all(w[:1].isupper() and w.isalpha() for w in words[k + 1 : first - 1])
        ):
            return True
    return False


def _abroad(known: Known, places: frozenset[str], knowledge: Knowledge) -> bool:
    """A known office holder below head of state or government, each of whose offices is of
    a country ("Taiwanese Minister of Defence", "UK Downing Street Chief of Staff") the
    article, which names countries, never names: most likely someone else of that name."""
    if known.category != "leader" or any(o[3] <= _DEPUTY_RANK for o in known.offices):
        return False
    if not places & knowledge.state_words:
        return False
    return all(
        _of_a_country(o[0])
        and not _office_countries(o[0]) & places
        and not any(names_place(o[0], place) for place in places)
        for o in known.offices
    )


def _unlink_foreign_institutions(
    tokens: list[Token], mentions: list[_Mention], places: frozenset[str], knowledge: Knowledge
) -> None:
    """A short form of an institution named for its country ("Congress": the US Congress) is
    that institution only if the article, when it names countries, names that one: in a story
    from Goa, "Congress" is a party of India's, not the American legislature. An international
    body ("EU") or an agency named for its seat ("AFP") is not bound to a country so."""
    if not places & knowledge.state_words:
        return
    for m in mentions:
        if m.category != "institution" or m.known is None:
            continue
        surface = " ".join(t.text for t in tokens[m.first : m.stop])
        canonical = m.known.canonical
        country = canonical.split(" ", 1)[0]
        if (
            surface != canonical
            and " " in canonical
            and country in knowledge.state_words
            and not _of_a_country(surface)
            and country not in places
        ):
            m.known = None
            m.canonical = surface


@cache
def _office_countries(role: str) -> frozenset[str]:
    """The states an office's name says it is of ("UK Prime Minister", "member of the House
    of Lords": United Kingdom)."""
    knowledge = load_knowledge()
    named = {knowledge.demonyms.get(w, w) for w in knowledge.state_words if names_place(role, w)}
    named.update(c for body, c in knowledge.bodies.items() if names_place(role, body))
    return frozenset(c.removeprefix("the ") for c in named)


@cache
def _of_a_country(role: str) -> bool:
    """Whether an office's name says whose it is ("Taiwanese Minister of Defence", "Knesset
    member"); asked for the same few thousand offices in every article, so remembered."""
    knowledge = load_knowledge()
    return any(names_place(role, c) for c in (*knowledge.country_words, *knowledge.bodies))


def _article_places(
    tokens: list[Token], mentions: list[_Mention], knowledge: Knowledge, day: str
) -> frozenset[str]:
    """The places an article names, with the other words for each country ("Britain":
    "United Kingdom", "UK", "British"), to tell which of a person's offices it is about."""
    # A head of government of one country named in the article names that country too: a
    # BBC story of Mr Blair and Mr Howard is about Britain without ever saying so. A former
    # one named by a single word does not: "Meta" may be a company, not Albania's president.
    heads = {
        id(m.known): m.known
        for m in mentions
        if m.known is not None and not (m.stop - m.first == 1 and _former(m.known, day))
    }
    countries: set[str] = set()
    for known in heads.values():
        if known.category == "leader":
            named = {
                country
                for o in known.offices
                if o[3] <= _DEPUTY_RANK and began(o[1], day)
                for country in _office_countries(o[0])
            }
            if len(named) == 1:
                countries.update(named)
    return _places_named([t.text for t in tokens], mentions, knowledge, countries)


def _places_named(
    words: list[str], mentions: list[_Mention], knowledge: Knowledge, also: Iterable[str] = ()
) -> frozenset[str]:
    """The places the article's place names, nationalities and countries' bodies ("the
    Kremlin") name (and ``also``), with each country's other words and the country of each of
    its parts ("Wales")."""
    countries = {
        (
            m.known.canonical
            if m.known is not None and m.known.category == "place"
            else " ".join(words[m.first : m.stop])  # not a club's name ("Liverpool FC")
        ).removeprefix("the ")
        for m in mentions
        if m.category == "place"
    }
    countries.update(
        knowledge.demonyms[w].removeprefix("the ") for w in words if w in knowledge.demonyms
    )
    countries.update(also)
    text = " ".join(words)  # "the Kremlin", "a Commons debate": the country's own bodies
    countries.update(
        c.removeprefix("the ") for body, c in knowledge.bodies.items() if names_place(text, body)
    )
    countries.update(
        knowledge.parts[c].removeprefix("the ") for c in list(countries) if c in knowledge.parts
    )
    named = {w for w, c in knowledge.demonyms.items() if c.removeprefix("the ") in countries}
    return frozenset(countries | named)


def _person_key(canonical: str) -> str:
    """One person under a name with or without middle names: "Robert Gabriel Mugabe" and
    "Robert Mugabe" share the key "Robert Mugabe"."""
    words = canonical.split()
    return f"{words[0]} {words[-1]}" if len(words) > 2 else canonical
