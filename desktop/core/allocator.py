"""Keeping the window's memory down where the C allocator holds on to freed memory (glibc).

glibc gives each thread that allocates at the same moment as another its own arena, and
memory freed in a thread's arena seldom goes back to the system: a worker thread that reads
tens of MiB once (the knowledge's spellings, a large file) leaves the window that much larger
for the rest of the session. One shared arena, and trimming after such a peak, give it back.
Elsewhere (macOS, Windows, musl) these calls do nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

_M_ARENA_MAX = -8  # mallopt parameter, from glibc's malloc.h


@cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        process = ctypes.CDLL(None)  # the symbols already loaded: the C library's among them
    except OSError:
        return None
    # glibc's own calls: musl, for one, has neither.
    return process if hasattr(process, "mallopt") and hasattr(process, "malloc_trim") else None


def share_one_arena() -> bool:
    """Make threads started from now on share the main allocation arena; whether it was set.

    Called before the window starts its threads; the Python threads take turns anyway (the
    GIL), so sharing one arena costs no parallelism worth having."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, 1))


def release_free_memory() -> None:
    """Give the memory freed after a one-off peak back to the system."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
