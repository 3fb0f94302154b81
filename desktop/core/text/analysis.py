"""The whole language pass over one article: entities, then key terms that are not names."""

from __future__ import annotations

from desktop.core.models import Entity, Term
from desktop.core.text.entities import find_entities
from desktop.core.text.keyterms import DocumentFrequencies, key_terms


def analyze(
    text: str,
    *,
    language: str = "en",
    limit: int = 15,
    background: DocumentFrequencies | None = None,
) -> tuple[list[Entity], list[Term]]:
    """Entities of ``text`` and its key terms; a term never overlaps an entity's name."""
    entities = find_entities(text, language=language)
    terms = key_terms(
        text, limit=limit, background=background, skip=[(e.start, e.end) for e in entities]
    )
    return entities, terms
