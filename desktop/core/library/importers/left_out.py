"""Parts of a file that could not become articles while the rest did: a mailbox's message that
is encrypted or holds no text. The file is no failure, but each such part is reported by name
with its reason, never dropped in silence.

An importer calls ``leave_out`` where it passes a part over; whoever reads the file collects
what was left out with ``collected`` (the import pipeline does; a caller that only wants the
articles need not).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LeftOut = tuple[str, str, bool]
"""``(name, reason, failed)``: the part's name after its file's (``box.mbox#12``), why, and
whether it is a failure (a sealed message) or a part skipped (a feed's entry of a headline
only, common in feeds of links)."""
_COLLECTED: ContextVar[list[LeftOut] | None] = ContextVar("left_out", default=None)


def leave_out(name: str, reason: str, *, failed: bool = True) -> None:
    """Record a part of the file being read that does not become an article."""
    collected = _COLLECTED.get()
    if collected is not None:
        collected.append((name, reason, failed))


@contextmanager
def collected() -> Iterator[list[LeftOut]]:
    """The parts left out while the block reads a file, filled as they are met."""
    parts: list[LeftOut] = []
    token = _COLLECTED.set(parts)
    try:
        yield parts
    finally:
        _COLLECTED.reset(token)
