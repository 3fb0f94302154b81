"""What a user types, as a safe SQLite FTS5 query: shared by article search and note search,
so neither the article store nor the notebook needs the other for it."""

from __future__ import annotations

import re


def fts_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 query: words ANDed, "quoted phrases" kept,
    a trailing ``*`` as prefix search; FTS syntax characters never raise errors."""
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        if phrase:
            tokens = re.findall(r"\w+", phrase)
            if tokens:
                parts.append('"' + " ".join(tokens) + '"')
            continue
        prefix = word.endswith("*")
        for token in re.findall(r"\w+", word):
            parts.append(f'"{token}"' + ("*" if prefix else ""))
    return " AND ".join(parts)
