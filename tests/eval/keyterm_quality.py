"""Scoring key terms against crowd key phrases, and spotting terms no journalist would circle.

Shared by ``eval_keyterms`` and the key-term tests. The junk detector is deliberately separate
from the filters in ``desktop.core.text.keyterms`` and ``word_classes``: it judges a term by its
words, with its own list of function words and verb forms, and — given the article — by the
words around it, which the product never looks at: a phrase that its article follows with an
object ("charge WeWork with", "avoid sanction by", "pose risks to" no; "offer the", "sees
it") or precedes with a subject pronoun or a modal ("they offer", "could charge") is a clause
whatever its words' dictionary classes, unless "a" or "an" precedes it and its last word cannot
agree with a singular subject ("a superb performance his celebration"). The product decides by
a treebank's word classes and agreement instead, so the two fail in different places and a junk
count of 0 is evidence.
"""

from __future__ import annotations

import re
from functools import cache

_TOKEN = re.compile(r"[^\W_]+")
# English contractions and possessives ("they'll", "don’t", "state's"), not elisions of names
# ("Côte d'Ivoire", "O'Brien").
_CONTRACTION = re.compile(r"[^\W\d_](?:['’](?:s|t|re|ve|ll|d|m)|n['’]t)\b|['’]$", re.IGNORECASE)
_FUNCTION_WORDS = """
    a an the this that these those some any each every no all both either neither my your his
    her its our their whose which what who whom i you he she it we they me him us them myself
    of in on at by for with from to into onto upon about above below over under between among
    through during before after since until against without within across along around behind
    beyond toward towards via per than as and or but nor so yet if because although though
    while whereas unless whether not be am is are was were been being have has had having do
    does did will would shall should can could may might must also just only very too more most
    less least much many such own same other another there here then when where why how"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# Finite verbs seen ending a phrase in news prose: irregular past tenses and common reporting
# or headline verbs, which are not nouns in those forms.
_VERB_FORMS = """
    drew fell rose took gave came went grew threw blew knew saw sought brought bought thought
    caught taught fought led left felt kept held told sold sent spent built lent meant found
    stood understood began ran won lost paid said made hit struck stuck swept wept wore tore
    broke spoke chose froze woke wrote rode drove strove forgave forbade overtook undertook
    weigh weighs urge urges vow vows warn warns seek seeks slam slams hail hails vowed urged
    warned sought says say tells told adds insists insisted denies denied admits admitted
    appears seems remains becomes became"""
VERB_FORMS = frozenset(_VERB_FORMS.split())
# After a verb, not a noun phrase: an object's determiner or an object pronoun ("us", not "US").
_OBJECT_WORDS = "a an the his her its their our my your him them me us"
_OBJECT_OPENERS = frozenset(_OBJECT_WORDS.split())
# Before a verb, not a noun phrase: a subject pronoun, a modal or a "do" form.
_SUBJECT_WORDS = """
    i you he she we they it who will would can could should may might must shall do does did
    don't doesn't didn't won't can't couldn't wouldn't shouldn't not"""
_VERB_OPENERS = frozenset(_SUBJECT_WORDS.split())
# "movements a quarter in advance": a measure of time after a noun phrase, not an object.
_TIMES = "year years quarter week weeks month months day days night morning decade time while"
_TIME_WORDS = frozenset(_TIMES.split())
# After "a" or "an" a phrase's subject is singular, so its verb would end in "-s" or "-ed": "a
# superb performance his celebration" (a comma missing) is no verb and object.
_SINGULAR_ARTICLES = frozenset(("a", "an"))
_OBJECT = re.compile(r" (" + "|".join(sorted(_OBJECT_OPENERS)) + r")\s+([^\W\d_]+)")
_TEXT_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def stem_phrase(phrase: str) -> str:
    """Lower-cased Porter stems of a phrase's words, space-separated."""
    stemmer = _stemmer()
    return " ".join(stemmer.stem(w) for w in _TOKEN.findall(phrase.lower()))


@cache
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


def hits_at(terms: list[str], keys: list[str], k: int = 10) -> int:
    """How many of the first ``k`` terms match a key phrase (stemmed, exact)."""
    gold = {stem_phrase(key) for key in keys}
    return sum(1 for term in terms[:k] if stem_phrase(term) in gold)


def junk_reason(term: str, text: str = "") -> str:
    """Why ``term`` is junk ("contraction", "function-word edge", "verb fragment", "clause in
    context"), or "". ``text``, the article, allows the context test."""
    if _CONTRACTION.search(term):
        return "contraction"
    words = term.split()
    if not words:
        return "empty"
    if any(_function_word(w) for w in (words[0], words[-1])) and not _work_title(words):
        return "function-word edge"
    lowers = [w.lower() for w in words]
    if lowers[0] in VERB_FORMS or lowers[-1] in VERB_FORMS:
        return "verb fragment"
    if len(words) > 1 and re.search(r"(^|-)[a-z]{3,}ed$", words[-1]):
        return "verb fragment"  # "prices increased", "European Union-imposed"
    if text and _clause_in_context(words, text):
        return "clause in context"
    return ""


def _clause_in_context(words: list[str], text: str) -> bool:
    """At least half the places ``text`` uses a phrase with a lower-case word read as a clause:
    a subject pronoun or modal before it, or an object after it when it ends in a lower-case
    word ("they offer loans", "could charge WeWork", "banks offer the")."""
    if len(words) < 2 or not any(w.islower() for w in words):
        return False
    pattern = r"(?<![\w'’-])" + r"[\s-]+".join(map(re.escape, words)) + r"(?![\w'’-])"
    places = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    ends_lower = words[-1].islower()
    clauses = 0
    for start, end in places:
        before = _TEXT_WORD.findall(text[max(0, start - 30) : start])
        joined = bool(before) and not _ends_sentence(text, start)
        if joined and before[-1].lower() in _SINGULAR_ARTICLES and not _agrees_singular(words[-1]):
            continue
        if (joined and before[-1].lower() in _VERB_OPENERS) or (
            ends_lower and _object_follows(text[end : end + 40])
        ):
            clauses += 1
    return bool(places) and 2 * clauses >= len(places)


def _agrees_singular(word: str) -> bool:
    """Could be a verb after a singular subject: an "-s" or "-ed" form ("shows", "said")."""
    return word.lower().endswith(("s", "ed")) or word.lower() in VERB_FORMS


def _ends_sentence(text: str, start: int) -> bool:
    """Punctuation separates the phrase from the word before it."""
    return bool(re.search(r"[.,;:!?()\"“”]\s*$", text[max(0, start - 3) : start]))


def _object_follows(after: str) -> bool:
    """``after`` (the text after a phrase) opens with an object: a determiner or pronoun after
    a single space, then a word — not a measure of time ("movements a quarter in advance") nor
    a superlative ("declares apple pie the most favourite")."""
    found = _OBJECT.match(after)
    if found is None:
        return False
    following = found.group(2).lower()
    return following not in _TIME_WORDS and following not in ("most", "least", "best", "worst")


def _function_word(word: str) -> bool:
    """A function word as written: "us" is one, "US" (the country) is not."""
    return word.lower() in FUNCTION_WORDS and not (len(word) > 1 and word.isupper())


def _work_title(words: list[str]) -> bool:
    """A capitalised title of a work or body ("The New Yorker", "Let Me In") may open or end
    with a function word; a sentence's opening word glued to a name ("Will Kutcher") may not:
    the title's other words must include another capitalised function word or an article
    opening it."""
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    return words[0].lower() in ("the", "a", "an") or any(_function_word(w) for w in words[1:-1])
