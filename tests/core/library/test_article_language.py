"""The language stored at import: what the text says, else what the file declares."""

from __future__ import annotations

from desktop.core.library.importers.building import article_language
from desktop.core.text.language import UNDETERMINED
from tests.core.text.test_language import PARAGRAPHS


def test_the_text_wins_over_a_declared_language() -> None:
    assert article_language(PARAGRAPHS["de"], "en-US") == "de"
    assert article_language(PARAGRAPHS["en"], "es-ES") == "en"


def test_a_declared_language_stands_in_when_the_text_cannot_tell() -> None:
    assert article_language("Dam report, May", "es-ES") == "es"
    assert article_language("Dam report, May", "") == UNDETERMINED
    assert article_language("Dam report, May", "x") == UNDETERMINED
    assert article_language("Dam report, May", "1-2") == UNDETERMINED
