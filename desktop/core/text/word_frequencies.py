"""General English word frequencies, on wordfreq's Zipf scale, as the application ships them.

``resources/keyterms/zipf-en.tsv`` holds every English word down to Zipf 2.5, built from
``wordfreq`` by ``desktop.core.text.build_frequencies``: a dict lookup, where wordfreq itself
costs ~80 µs a new word and a second to load, and stays a developer tool outside the bundle.
Key terms weigh words by it; a word broken at a line end is mended by it.
"""

from __future__ import annotations

from functools import cache

from desktop.core.resources import resource_path


@cache
def english_zipf() -> dict[str, float]:
    """Each known English word's Zipf frequency (lower case); a word not listed is rarer than
    Zipf 2.5, or not a word."""
    table: dict[str, float] = {}
    with resource_path("keyterms", "zipf-en.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            zipf, _, words = line.partition("\t")
            table.update(dict.fromkeys(words.split(), float(zipf)))
    return table
