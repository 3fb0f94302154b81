"""Read a CoNLL-2003 file as published (one ``token … tag`` per line) into eval records.

The held-out test split is not in ``../shared/eval``; whoever has it (``eng.testb``, or a copy
with other columns after the tag) can score it with ``CONLL_TEST=path make eval ONLY=entities``.
Records take the shape of ``entities-conll-dev.jsonl``: tokens joined by spaces, a newline
between sentences, character offsets per entity. Articles split at ``-DOCSTART-`` lines; a
copy without them splits before each headline, the sentence before a dateline
("LONDON 1996-12-06").
"""

from __future__ import annotations

import re
from pathlib import Path

_DATELINE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The entity column: the last field shaped like a tag (after part of speech and chunk).
_TAG = re.compile(r"O|[BI]-[A-Z]+")
Sentence = list[tuple[str, str]]


def read_conll(path: Path) -> list[dict]:
    """Articles of ``path`` as ``{id, text, entities}`` records."""
    articles: list[list[Sentence]] = [[]]
    sentence: Sentence = []
    marked = False
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields and fields[0] == "-DOCSTART-":
            marked = True
            articles.append([])
        elif fields:
            tags = [f for f in fields[1:] if _TAG.fullmatch(f)]
            sentence.append((fields[0], tags[-1] if tags else "O"))
        elif sentence:
            articles[-1].append(sentence)
            sentence = []
    if sentence:
        articles[-1].append(sentence)
    articles = [a for a in articles if a]
    if not marked:
        articles = [part for a in articles for part in _split_at_datelines(a)]
    return [_record(f"{path.stem}-doc{n:03d}", a) for n, a in enumerate(articles)]


def _split_at_datelines(sentences: list[Sentence]) -> list[list[Sentence]]:
    starts = [0] + [
        i - 1
        for i, s in enumerate(sentences)
        if i > 1 and len(s) <= 8 and _DATELINE.fullmatch(s[-1][0])
    ]
    ends = [*starts[1:], len(sentences)]
    return [sentences[a:b] for a, b in zip(starts, ends, strict=True) if b > a]


def _record(key: str, sentences: list[Sentence]) -> dict:
    text, entities = "", []
    for sentence in sentences:
        if text:
            text += "\n"
        current: list | None = None
        for j, (token, tag) in enumerate(sentence):
            if j:
                text += " "
            start = len(text)
            text += token
            kind = tag[2:]
            if tag.startswith("I-") and current is not None and current[2] == kind:
                current[1] = len(text)
                continue
            if current is not None:
                entities.append(current)
            current = [start, len(text), kind] if tag != "O" else None
        if current is not None:
            entities.append(current)
    return {
        "id": key,
        "text": text,
        "entities": [{"start": a, "end": b, "label": k, "text": text[a:b]} for a, b, k in entities],
    }
