"""Key terms: distinctive phrases with exact spans, never stop-word junk."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.resources import seeds_dir
from desktop.core.text.analysis import analyze
from desktop.core.text.keyterms import key_terms, stop_words


def _seed() -> str:
    return (seeds_dir() / "000_66ae021c01a1e4e0.txt").read_text(encoding="utf-8")


def test_security_guarantees_leads_the_seed() -> None:
    _, terms = analyze(_seed())
    assert "security guarantees" in [t.text.lower() for t in terms[:3]]


def test_terms_never_start_or_end_with_stop_words_and_spans_are_exact() -> None:
    text = _seed()
    stops = stop_words()
    terms = key_terms(text)
    assert terms
    for term in terms:
        words = term.text.lower().split()
        assert words[0] not in stops and words[-1] not in stops, term.text
        for start, end in term.spans:
            assert text[start:end].lower() == term.text.lower()


def test_terms_do_not_overlap_entities() -> None:
    entities, terms = analyze(_seed())
    for term in terms:
        for start, end in term.spans:
            assert not any(e.start < end and start < e.end for e in entities), term.text


def test_scores_are_ordered_and_limit_holds() -> None:
    terms = key_terms(_seed(), limit=5)
    assert len(terms) == 5
    assert [t.score for t in terms] == sorted((t.score for t in terms), reverse=True)
    assert terms[0].score == 1.0


class _Library:
    """A background in which every article talks about security guarantees."""

    documents = 100

    def frequencies(self, words: Iterable[str]) -> dict[str, int]:
        common = {"security": 100, "guarantees": 100}
        return {w: common.get(w, 1) for w in words}


def test_library_background_changes_what_is_distinctive() -> None:
    text = _seed()
    plain = [t.text.lower() for t in key_terms(text, limit=5)]
    against_library = [t.text.lower() for t in key_terms(text, limit=5, background=_Library())]
    assert "security guarantees" in plain
    assert "security guarantees" not in against_library


def test_text_without_content_words_has_no_terms() -> None:
    assert key_terms("") == []
    assert key_terms("and the of it was, is; but so.") == []
