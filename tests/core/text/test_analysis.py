"""The language pass, with the tagger replaced or not needed."""

from __future__ import annotations

from types import SimpleNamespace

from pytest import MonkeyPatch

from desktop.core.text import analysis
from desktop.core.text.analysis import paragraph_window
from desktop.core.text.ner.tagger import Tagged, TaggedSpan
from desktop.core.text.ner.tokens import tokenize


def test_paragraph_window_snaps_to_whole_lines() -> None:
    text = "one two\nthree four\n\nfive six"
    assert paragraph_window(text, text.index("four"), text.index("four") + 1) == (8, 18)
    assert paragraph_window(text, 0, 1) == (0, 7)
    assert paragraph_window(text, text.index("six"), 10_000) == (20, len(text))
    assert paragraph_window(text, -5, 9) == (0, 18)


def test_a_name_left_out_as_no_person_may_still_be_a_key_term(monkeypatch: MonkeyPatch) -> None:
    text = (
        "Buyers queued for the Zorbex at dawn. Stores sold the Zorbex within hours, and the "
        "Zorbex will reach more stores next month as factories add shifts to meet demand."
    )
    tokens = tokenize(text)
    spans = [
        TaggedSpan(t.start, t.end, "PER", i, i + 1)
        for i, t in enumerate(tokens)
        if t.text == "Zorbex"
    ]
    tagger = SimpleNamespace(tag=lambda _: Tagged(tokens, spans))
    monkeypatch.setattr(analysis, "default_tagger", lambda: tagger)
    entities, terms = analysis.analyze(text, language="en")
    assert entities == []
    assert "Zorbex" in {t.text for t in terms}
