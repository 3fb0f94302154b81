"""Let go of a very large list a slice at a time.

Freeing millions of objects is one C operation that holds the interpreter lock throughout:
when the whole-text analysis of a 2M-word article returned, freeing its 2.4 million tokens
held it for 237 ms (measured), and every other thread — the window's included — waited.
Emptied a slice at a time, the lock can change hands between slices.
"""

from __future__ import annotations

from typing import Any

SLICE = 50_000  # items freed at a time: a few milliseconds


def release(items: list[Any]) -> None:
    """Empty ``items`` (the caller's last reference to their contents) a slice at a time."""
    while items:
        del items[-SLICE:]
