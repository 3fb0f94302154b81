"""Where an article came from, written one way whichever path led to the file.

An article's origin is its file's resolved absolute path (``canonical_origin``), with
``#entry`` for a feed entry, a message or a chapter. Libraries written before origins were
canonical hold the path as it was typed; ``legacy_origins`` lists the forms that may be, so
re-importing the file from anywhere still finds its article (and the update stores the
canonical origin).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.library.importers.building import canonical_origin
from desktop.core.printable import printable


def legacy_origins(origin: str, given: Path) -> list[str]:
    """The origins an article read from file ``given`` may have been stored under before
    origins were canonical: the path as typed, absolute but unresolved, or relative to any
    folder above it (``a.html``, ``news/a.html``, ``./a.html``), each with ``origin``'s
    ``#entry``; empty for an origin that is not the file's."""
    if not os.path.isfile(given):  # a zip's entry, a mailbox's part: never stored typed
        return []
    canonical = canonical_origin(given)
    if not origin.startswith(canonical):
        return []
    rest = origin[len(canonical) :]
    parts = Path(canonical).parts[1:]
    forms = {printable(given), printable(Path(given).expanduser().absolute())}
    for start in range(len(parts)):
        suffix = "/".join(parts[start:])
        forms.update((suffix, f"./{suffix}"))
    forms.discard(canonical)
    return sorted(form + rest for form in forms)
