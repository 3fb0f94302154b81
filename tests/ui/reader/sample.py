"""An article with entities and terms built by hand, for the reader, entity and summary tests."""

from __future__ import annotations

from desktop.core.models import Article, Entity, SummarySentence, Term

TEXT = (
    "🎉 Ukrainian President Volodymyr Zelenskyy will meet Donald Trump in Washington.\n"
    "The European Commission 🇪🇺 and NATO sent envoys to discuss security guarantees.\n"
    "Zelenskyy said security guarantees matter most."
)


def span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def entity(word: str, category: str, canonical: str = "", role: str = "", nth: int = 0, **kw):
    start, end = span(word, nth)
    return Entity(start, end, word, category, canonical or word, role, **kw)


def article(text: str = TEXT, article_id: int = 7) -> Article:
    return Article(
        id=article_id,
        title="Leaders meet in Washington",
        text=text,
        content_hash=f"hash-{article_id}",
        words=len(text.split()),
        byline="A. Reporter",
        source="Example News",
        published="2025-08-18T09:00:00+00:00",
    )


ZELENSKYY = entity("Volodymyr Zelenskyy", "leader", role="President of Ukraine")
ENTITIES = [
    ZELENSKYY,
    entity("Donald Trump", "person"),
    entity("Washington", "place"),
    entity("European Commission", "institution"),
    entity("NATO", "institution", watchlist=True),
    entity("Zelenskyy", "leader", "Volodymyr Zelenskyy", "President of Ukraine", nth=1),
]
TERMS = [
    Term("security guarantees", 3.2, (span("security guarantees"), span("security guarantees", 1)))
]


def sentences() -> list[SummarySentence]:
    """The three lines of TEXT as summary sentences, in document order."""
    found, start = [], 0
    for rank, line in enumerate(TEXT.split("\n"), start=1):
        found.append(SummarySentence(start, start + len(line), line, rank, 1.0 / rank))
        start += len(line) + 1
    return found
