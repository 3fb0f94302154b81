"""The window's allocator settings: real on glibc, harmless elsewhere."""

from __future__ import annotations

import ctypes
import sys

import pytest

from desktop.core import allocator


def _is_glibc() -> bool:
    return sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "gnu_get_libc_version")


def test_one_arena_is_set_on_glibc_and_nothing_breaks_elsewhere(monkeypatch) -> None:
    assert allocator.share_one_arena() is _is_glibc()
    allocator.release_free_memory()
    allocator._glibc.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert allocator.share_one_arena() is False
    allocator.release_free_memory()
    allocator._glibc.cache_clear()


_PEAK_IN_A_THREAD = """
import json, sys, threading
from pathlib import Path
from desktop.core import allocator

def rss_mib():
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024

text = json.dumps({f"key{i}": [f"w{j}" for j in range(i % 150)] for i in range(60_000)})
if sys.argv[1] == "managed":
    allocator.share_one_arena()
kept = []

def peak():
    data = json.loads(text)  # what a worker reading the knowledge does, once
    kept.append(list(range(1000)))  # something it keeps, allocated after the peak
    del data

before = rss_mib()
worker = threading.Thread(target=peak)
worker.start()
worker.join()
if sys.argv[1] == "managed":
    allocator.release_free_memory()
print(rss_mib() - before)
"""


@pytest.mark.skipif(not _is_glibc(), reason="glibc's allocator only")
def test_a_workers_one_off_peak_goes_back_to_the_system() -> None:
    """What the window relies on; without the two calls the same peak stays (~25 MiB)."""
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    grown = float(
        subprocess.run(
            [sys.executable, "-c", _PEAK_IN_A_THREAD, "managed"],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
        ).stdout
    )
    assert grown < 10
