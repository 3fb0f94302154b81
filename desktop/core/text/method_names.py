"""The summary methods' names, in the order a picker offers them (``news`` first).

A module of its own, importing nothing, so the window can list the methods without loading
the summariser (and with it numpy) before its first paint.
"""

from __future__ import annotations

METHODS: tuple[str, ...] = (
    "news",
    "lead",
    "lexrank",
    "textrank",
    "lsa",
    "luhn",
    "edmundson",
    "kl",
    "sumbasic",
    "reduction",
)
