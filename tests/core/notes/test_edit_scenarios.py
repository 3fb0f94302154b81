"""Notes through the edited-article scenarios (the committed set ``make eval ONLY=anchoring``
reports): never on a wrong passage without the *moved* flag, never an orphan whose passage is
still there; and property tests of edits around highlights."""

from __future__ import annotations

import os
import random
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.library.updating import replace_text
from desktop.core.models import Article
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import connect
from tests.core.notes.edit_scenarios import (
    EXACT,
    KINDS,
    MOVED_RIGHT,
    MOVED_WRONG,
    ORPHAN_GONE,
    ORPHAN_LOST,
    WRONG,
    Scenario,
    apply,
    committed_articles,
    judge,
    scenarios,
)

CASES = scenarios(committed_articles())
EXAMPLES = int(os.environ.get("NOTES_EXAMPLES", "60"))


def _through_an_update(case: Scenario) -> str:
    """Place the case's highlight as an import of the edited text does, and judge it."""
    store = ArticleStore(connect(":memory:"))
    article = store.add(with_hash(Article(0, "t", case.old, "", 0))).id
    notebook = Notebook(store.conn)
    highlight = notebook.add(article, case.start, case.end, note="check this")
    replace_text(store, article, with_hash(Article(0, "t", case.new, "", 0)))
    placed = notebook.get(highlight.id)
    assert placed.note == "check this" and placed.original_quote == case.quote
    if placed.orphan:
        return judge(case, None, False)
    assert placed.quote == case.new[placed.start : placed.end]
    return judge(case, (placed.start, placed.end), placed.moved)


def test_the_committed_set_has_every_kind_of_edit_at_least_162_times() -> None:
    kinds = Counter(case.kind for case in CASES)
    assert len(CASES) >= 162 and len(kinds) == len(KINDS)
    assert min(kinds.values()) >= 15


def test_no_note_lands_on_a_wrong_passage_unflagged_and_none_is_lost() -> None:
    outcomes = Counter(_through_an_update(case) for case in CASES)
    assert outcomes[WRONG] == 0
    assert outcomes[ORPHAN_LOST] == 0
    assert outcomes[MOVED_WRONG] == 0
    gone = sum(case.truth is None for case in CASES)
    assert outcomes[ORPHAN_GONE] == gone  # every removed passage, and only those
    assert outcomes[EXACT] + outcomes[MOVED_RIGHT] == len(CASES) - gone


@pytest.mark.parametrize("kind", sorted({c.kind for c in CASES}))
def test_every_kind_of_edit_keeps_notes_on_their_passage(kind: str) -> None:
    for case in [c for c in CASES if c.kind == kind][:5]:
        assert _through_an_update(case) in (EXACT, MOVED_RIGHT, ORPHAN_GONE), case


def test_apply_follows_the_passage_through_the_edits() -> None:
    old = "Critics said the budget was a fantasy."
    assert apply(old, [(0, 7, "Opponents")], 0, 12) == (
        "Opponents said the budget was a fantasy.",
        (0, 14),
    )
    assert apply(old, [(13, 13, "new ")], 13, 19)[1] == (17, 23)
    assert apply(old, [(19, 19, " overall")], 13, 19)[1] == (13, 19)
    assert apply(old, [(12, 26, "")], 17, 23)[1] is None


# --- property tests: edits around highlights -------------------------------------------------


@st.composite
def edited_articles(draw):
    """A committed article, one kind of edit around a highlight, drawn by a seed."""
    texts = committed_articles()
    seed = draw(st.integers(0, 10**6))
    rng = random.Random(seed)
    kind = draw(st.sampled_from(KINDS))
    for _ in range(20):
        case = kind(rng.choice(texts), rng)
        if case is not None and case.quote.strip() and case.new != case.old:
            return case
    return None


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_articles())
def test_edits_around_highlights_never_misplace_a_note_silently(case) -> None:
    if case is None:
        return
    outcome = _through_an_update(case)
    assert outcome not in (WRONG, ORPHAN_LOST), case


SHORT = st.sampled_from(["Pelosi", "Liberty", "Vindman", "NATO", "Kiev", "the", "said"])
FILLER = st.lists(
    st.sampled_from(
        [
            "the",
            "council",
            "said",
            "on",
            "Monday",
            "that",
            "a",
            "vote",
            "was",
            "due",
            "and",
            "critics",
            "agreed",
        ]
    ),
    min_size=3,
    max_size=12,
).map(" ".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(FILLER, SHORT), min_size=2, max_size=5),
    st.data(),
    st.sampled_from(["respell", "nbsp", "case", "curly"]),
)
def test_a_short_quote_repeated_in_the_text_stays_on_its_mention(parts, data, edit) -> None:
    """A name mentioned several times: the note on mention k stays on mention k when the name
    is respelled throughout, its case changes, or a space or quote mark next to it changes."""
    pieces, mentions = [], []
    at = 0
    for filler, name in parts:
        chunk = f"{filler} '{name}' "
        pieces.append(chunk)
        mentions.append((at + len(filler) + 2, at + len(filler) + 2 + len(name)))
        at += len(chunk)
    old = "".join(pieces).strip()
    k = data.draw(st.integers(0, len(mentions) - 1))
    start, end = mentions[k]
    name = old[start:end]
    if edit == "respell":
        edits = [(s, e, old[s:e] + old[e - 1]) for s, e in mentions if old[s:e] == name]
    elif edit == "case":
        edits = [(s, e, old[s:e].swapcase()) for s, e in mentions if old[s:e] == name]
    elif edit == "nbsp":
        edits = [(start - 2, start - 1, "\u00a0")] if old[start - 2] == " " else []
    else:
        edits = [(start - 1, start, "\u2018"), (end, end + 1, "\u2019")]
    if not edits:
        return
    new, truth = apply(old, edits, start, end)
    case = Scenario(edit, old, start, end, new, truth)
    assert _through_an_update(case) in (EXACT, MOVED_RIGHT), case
