"""Citations in each style, with every field present and with fields missing."""

from __future__ import annotations

import pytest

from desktop.core.library.citation import CitationError, cite_passage, find_quote
from desktop.core.models import Article

TEXT = "Page one text. " * 10 + "The budget would rise by a tenth, the minister said."


def _article(**fields: object) -> Article:
    values: dict[str, object] = {
        "id": 7,
        "title": "Budget to rise",
        "text": TEXT,
        "content_hash": "h",
        "words": 20,
        "byline": "By Ana Ruiz",
        "source": "The Ledger",
        "url": "https://example.org/budget",
        "published": "2025-08-18T09:30:00Z",
        "pages": ((4, 0), (5, 150)),
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def test_plain_names_author_title_outlet_day_page_and_url() -> None:
    span = find_quote(TEXT, "budget would\n  rise")
    assert TEXT[slice(*span)] == "budget would rise"
    assert cite_passage(_article(), "plain", "budget would rise", span) == (
        "“budget would rise”\n— Ana Ruiz, “Budget to rise”, The Ledger, 18 August 2025, p. 5."
        " https://example.org/budget"
    )


def test_apa_has_an_in_text_citation_and_a_reference_entry() -> None:
    text = cite_passage(_article(), "apa", "budget would rise", (140, 160))
    assert text == (
        "“budget would rise” (Ana Ruiz, 2025, pp. 4–5)\n\n"
        "Ana Ruiz. (2025, August 18). Budget to rise. The Ledger. https://example.org/budget"
    )


def test_apa_without_author_or_date_puts_the_title_first_and_says_nd() -> None:
    article = _article(byline="", published="", url="", pages=())
    assert cite_passage(article, "apa", "q") == (
        "“q” (“Budget to rise”, n.d.)\n\nBudget to rise. (n.d.). The Ledger."
    )
    assert cite_passage(_article(published="2019"), "apa").startswith("Ana Ruiz. (2019).")


def test_markdown_escapes_what_the_article_and_quote_hold() -> None:
    article = _article(title="*Not* [a link](x)", source="# Outlet", url="javascript:alert(1)")
    text = cite_passage(article, "markdown", "> rise *now*\n- two", None)
    assert text.splitlines() == [
        "> \\> rise \\*now\\*",
        "> \\- two",
        ">",
        "> — Ana Ruiz, *\\*Not\\* \\[a link\\](x)*, \\# Outlet, 18 August 2025."
        " javascript:alert(1)",
    ]
    web = cite_passage(_article(), "markdown")
    assert web.endswith(" <https://example.org/budget>")


def test_missing_fields_are_left_out_and_the_title_never_doubles_its_stop() -> None:
    bare = Article(id=1, title="", text="x", content_hash="", words=1)
    assert cite_passage(bare, "plain", "x") == "“x”\n— “Untitled”."
    assert cite_passage(_article(title="Why?", byline=""), "apa").startswith("Why? (2025")
    assert cite_passage(_article(published="spring 2024"), "plain").count("spring 2024") == 1


def test_unknown_style_and_missing_quote_are_errors() -> None:
    with pytest.raises(CitationError, match="unknown citation style"):
        cite_passage(_article(), "mla")
    with pytest.raises(CitationError, match="quote not found"):
        find_quote(TEXT, "budget would fall")
    with pytest.raises(CitationError, match="empty"):
        find_quote(TEXT, "  ")
