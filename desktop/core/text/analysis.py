"""The whole language pass over one article: entities, then key terms that are not names."""

from __future__ import annotations

from desktop.core.models import Entity, Term
from desktop.core.text.entities import resolve_entities
from desktop.core.text.keyterms import DEFAULT_LIMIT, DocumentFrequencies, key_terms
from desktop.core.text.ner.tagger import default_tagger


def analyze(
    text: str,
    *,
    language: str = "en",
    limit: int = DEFAULT_LIMIT,
    background: DocumentFrequencies | None = None,
) -> tuple[list[Entity], list[Term]]:
    """Entities of ``text`` and its key terms; a term never overlaps a name the tagger found
    (nationalities and other names that are not shown as entities included)."""
    tagged = default_tagger().tag(text)
    entities = resolve_entities(text, tagged)
    skip = [(s.start, s.end) for s in tagged.spans] + [(e.start, e.end) for e in entities]
    terms = key_terms(text, limit=limit, background=background, skip=skip)
    return entities, terms
