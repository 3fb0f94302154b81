"""Scoring key terms against crowd key phrases, and spotting terms no journalist would circle.

Shared by ``eval_keyterms`` and the key-term tests. The junk detector is deliberately separate
from the filters in ``desktop.core.text.keyterms``: it judges a term only by its words, with its
own list of function words and suffix rules.
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


def junk_reason(term: str) -> str:
    """Why ``term`` is junk ("contraction", "function-word edge", "verb fragment"), or ""."""
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
    return ""


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
