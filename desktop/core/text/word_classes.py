"""Telling a clause from a noun phrase by how English uses each word.

``resources/keyterms/word-classes-en.tsv`` counts how often a treebank of web English tags each
word form a noun, verb, adjective or adverb (built by ``build_word_classes``). A key term must
be a noun phrase: "price hikes", "peace talks", "maternity leave", not "officer shouts" (a
noun and an "-s" form that is never a noun), "avoid sanction" (a verb that is never anything
else, and its object), "charge WeWork" (a word often a verb, before a name), "stopped
working" (a verb governing a verb) or "annual economic" (an adjective whose noun is cut off).
A word that is both ("offers", "cuts", "talks") is read as a noun unless agreement says
otherwise: a bare form mostly used as a verb after a plural is one ("comments contradict");
after a singular it is not ("maternity leave"). Web English uses some news nouns mostly as
verbs, so a clause made of such words ("banks offer", "suit claims") is left alone.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from desktop.core.resources import resource_path

_NEVER = 0.1  # a share below this is taken for none: the treebank has tagging slips
_MOSTLY_VERB = 0.7  # an ambiguous word is read as a verb only when at least this often one
_BARE_VERB = 0.8  # a phrase's first word this often a verb (and never else) starts a clause
_OFTEN_VERB = 0.3  # before a name, a word this often a verb is one: "charge WeWork"
_CHAIN_VERB = 0.6  # a word this often a verb, before another verb, governs it
# Adjectives that often stand as nouns: "finals", "executives".
_NOUN_LIKE_ADJECTIVES = ("al", "ive", "ic", "ary", "ant", "ent")
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary")


class Use(NamedTuple):
    """How often a word form is used as each class."""

    noun: int
    verb: int
    adjective: int
    adverb: int
    other: int
    past: int = 0  # of the verb uses, past tenses and past participles ("saw", "born")

    @property
    def total(self) -> int:
        return self.noun + self.verb + self.adjective + self.adverb + self.other


@cache
def _table() -> dict[str, Use]:
    table: dict[str, Use] = {}
    with resource_path("keyterms", "word-classes-en.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                word, *counts = line.split("\t")
                table[word] = Use(*map(int, counts))
    return table


def word_use(word: str) -> Use | None:
    """How English uses ``word`` (lower case), or None when too rare to say. An "-s" form is a
    plural or a verb, so it adds its base's uses as such ("defeats" like "defeat"): a base's
    "-ing" or adjective uses count as a noun's ("settings", "finals", "fines"), unless the
    adjective is also a verb ("owns") and not one that often stands as a noun ("executives")."""
    table = _table()
    own = table.get(word)
    base = next((b for b in _bases(word) if b in table), None) if _s_form(word) else None
    if base is None:
        return own
    b = table[base]
    if _ing_form(base):
        extra = Use(b.total, 0, 0, 0, 0, 0)
    else:
        described = b.adjective + b.adverb
        noun_too = not b.verb or base.endswith(_NOUN_LIKE_ADJECTIVES)
        extra = Use(b.noun + (described if noun_too else 0), b.verb, 0, 0, 0, 0)
    if own is not None:
        extra = Use(*(x + y for x, y in zip(own, extra, strict=True)))
    return extra if extra.total else own


@lru_cache(maxsize=1 << 16)
def is_clause(words: tuple[str, ...]) -> bool:
    """Whether a phrase of two or more words, as written, is a clause or a fragment rather
    than a noun phrase (cached: the same phrases recur from article to article)."""
    if len(words) < 2:
        return False
    lowers = [w.lower() for w in words]
    uses = [word_use(w) for w in lowers]
    named_end = words[-1][:1].isupper() and not words[0][:1].isupper()  # "giant Orange"
    if not named_end and _cut_off(lowers[-2], uses[-2], lowers[-1], uses[-1]):
        return True
    if words[0].islower() and _bare_verb(lowers[0], uses[0]):
        return True  # "avoid sanction", "represents 84"
    if lowers[-1][:1].isdigit() and _describes(lowers[-2], uses[-2]):
        return True  # "newest 2020": a number names nothing an adjective could describe
    if any(
        _s_form(lowers[i - 1]) and _bare_verb(lowers[i], uses[i]) for i in range(1, len(words) - 1)
    ):
        return True  # "lenders avoid sanction", not "holiday wish lists"
    if words[0].islower() and words[1][:1].isupper() and _share_of_verb(uses[0]) >= _OFTEN_VERB:
        return True  # "charge WeWork", "launch Google"
    return any(
        _agrees(lowers[i - 1], uses[i - 1], lowers[i], uses[i])
        or _verb_chain(lowers[i - 1], uses[i - 1], lowers[i], uses[i])
        for i in range(1, len(words))
    )


_SEEN_ENOUGH = 4  # uses a word needs before "never a noun" is believed ("raid" has 2 verb uses)


def never_noun(word: str) -> bool:
    """The treebank never uses ``word`` (lower case) as a noun, and has seen it often enough
    to say: "relating", "ongoing", "represents" cannot stand alone as a topic. A word it
    lacks may, and so may an "-s" form it knows only through its base ("exports")."""
    use = _table().get(word)
    return use is not None and use.noun == 0 and use.total >= _SEEN_ENOUGH


def may_end_noun_phrase(word: str) -> bool:
    """Whether ``word`` (lower case) can be the last word of a noun phrase, as a caption's last
    word is ("... at the magistrates court"): the treebank uses it as a noun at least half the
    time. A word it lacks ("six-pack", "frontman") may be one, unless its ending says otherwise:
    a verb's "-ing" form or an adjective's ("employing", "award-winning", "iconic"), or a
    compound's last part that is never a noun but a verb or an adjective ("well-received",
    "much-loved", "well-known")."""
    use = word_use(word)
    if use is not None and use.total:
        return 2 * use.noun >= use.total
    last = word_use(word.rsplit("-", 1)[-1]) if "-" in word.strip("-") else None
    if last is not None and not last.noun and last.verb + last.adjective:
        return False
    return not word.endswith(("ing", *_ADJECTIVE_ENDINGS))


def describes_next(previous: str, word: str) -> bool:
    """Whether ``word`` (lower case) is an adjective after a determiner ("the upcoming", "his
    latest"): the noun it describes must follow, so a capitalised word after it is a title it
    names ("the upcoming The Hobbit"), never a new sentence. The treebank uses ``word`` mostly
    as an adjective and never as a noun, and ``previous`` only as a function word."""
    use, before = word_use(word), word_use(previous)
    if use is None or before is None or not use.total or not before.total:
        return False
    return (
        2 * use.adjective >= use.total
        and _share(use.noun, use) < _NEVER
        and before.other >= (1 - _NEVER) * before.total
    )


def takes_object(word: str) -> bool:
    """Whether ``word`` (lower case) is mostly a verb, and not in a past tense: a capitalised
    word after it is most often its object ("we offer The Perks", "if you love The Boys"),
    where after a past participle a new sentence may begin ("Final Cut was updated The
    previous...")."""
    use = word_use(word)
    return use is not None and 2 * use.verb >= use.total > 0 and 2 * use.past < use.verb


def opens_with_verb(words: tuple[str, ...]) -> bool:
    """A phrase whose first word, in lower case, is mostly a verb and never an adjective:
    used once, "help recoup" or "veto budget" is more likely a verb and its object than a
    noun compound ("rescue workers", "search engine": mostly nouns; "live telecast")."""
    if len(words) < 2 or not words[0].islower():
        return False
    use = word_use(words[0])
    return use is not None and _verbal(words[0], use) and _share(use.adjective, use) < _NEVER


def _cut_off(before: str, first: Use | None, word: str, use: Use | None) -> bool:
    """The phrase ends in a word that is never a noun, an adverb or adjective ("spend twice",
    "annual economic", "border safe"), or in one mostly an adjective after a modifier or a
    verb ("pleaded guilty"; "company official" is a noun phrase)."""
    if use is None or _share(use.verb, use) >= 0.5:
        return False
    if _share(use.noun, use) < _NEVER:
        return True
    return (
        use.adjective > use.noun
        and not _s_form(word)
        and (_modifier(before, first) or _verbal(before, first))
    )


def _verb_chain(before: str, first: Use | None, word: str, use: Use | None) -> bool:
    """A verb and the verb it governs: "stopped working", "help revive" — a verb followed by
    an "-ing" form that is not mostly a noun ("cut spending", not "social housing"; after an
    "-ed" form, that is never one: "planned spending" is a noun phrase) or by a verb that is
    never anything else."""
    if _ing_form(before) or "-" in word or not _verbal(before, first):
        return False
    if _ing_form(word):
        noun_at_most = _NEVER if before.endswith("ed") else 0.5
        return use is None or _share(use.noun, use) < noun_at_most
    return _bare_verb(word, use)


def _agrees(before: str, first: Use | None, word: str, use: Use | None) -> bool:
    """``before`` is a subject noun and ``word`` a verb agreeing with it: an "-s" form or a
    past tense that is never a noun ("officer shouts", "cartel saw"; not "takeover offers"),
    or a bare form that is mostly a verb after a plural ("comments contradict", not "sales
    tax" nor "maternity leave")."""
    if use is None or _modifier(before, first):
        return False
    subject = first is None or _share(first.noun, first) >= 0.5
    if _s_form(word) or 2 * use.past >= use.verb > 0:
        return subject and _share(use.noun, use) < _NEVER
    return (
        _share(use.verb, use) >= _MOSTLY_VERB
        and _s_form(before)
        and first is not None
        and _share(first.noun, first) >= 0.5
    )


def _bare_verb(word: str, use: Use | None) -> bool:
    """A verb's base or "-s" form that is never anything else; "-ed" and "-ing" forms are
    often modifiers ("armed attack", "growing demand")."""
    return (
        use is not None
        and not word.endswith("ed")
        and not _ing_form(word)
        and _share(use.verb, use) >= _BARE_VERB
        and _share(use.noun + use.adjective, use) < _NEVER
    )


def _modifier(word: str, use: Use | None) -> bool:
    """An adjective, or a hyphened compound ("pre-dawn raid"): a noun follows, not a verb. A
    word the table lacks is judged by its ending ("successive wins")."""
    if use is None:
        return "-" in word or word.endswith(_ADJECTIVE_ENDINGS)
    return "-" in word or _share(use.adjective, use) >= 0.5


def _describes(word: str, use: Use | None) -> bool:
    """Mostly an adjective, or the superlative of one the table lacks ("newest", "biggest")."""
    if use is not None:
        return _share(use.adjective, use) >= 0.5
    if not word.endswith("est"):
        return False
    stem = word[:-3]
    bases = (stem, stem + "e", stem[:-1], stem[:-1] + "y" if stem.endswith("i") else "")
    found = next((word_use(b) for b in bases if len(b) > 1 and word_use(b) is not None), None)
    return found is not None and _share(found.adjective, found) >= 0.5


def _verbal(word: str, use: Use | None) -> bool:
    """Mostly a verb, or an "-ed" form the table lacks ("pleaded")."""
    if use is None:
        return len(word) > 4 and word.endswith("ed")
    return _share(use.verb, use) >= _CHAIN_VERB


def _share_of_verb(use: Use | None) -> float:
    return 0.0 if use is None else _share(use.verb, use)


def _share(count: int, use: Use) -> float:
    return count / use.total if use.total else 0.0


def _s_form(word: str) -> bool:
    """Ends like a plural or a third-person verb ("talks", "shouts"): not "press", "crisis"."""
    return len(word) > 3 and word[-1] == "s" and word[-2] not in "sui"


def _ing_form(word: str) -> bool:
    """A verb's "-ing" form ("setting", "earning"), not "bring", "string" or "king"."""
    return word.endswith("ing") and any(ch in "aeiouy" for ch in word[:-3])


def _bases(word: str) -> tuple[str, ...]:
    """Candidate base forms of an "-s" form, likeliest first."""
    if word.endswith("ies"):
        return (word[:-3] + "y", word[:-1])
    if word.endswith("es"):
        return (word[:-1], word[:-2])
    return (word[:-1],)
