"""Peak resident memory of this process alone, for the memory goals of benchmarks and tests.

``getrusage(RUSAGE_SELF).ru_maxrss`` survives ``fork`` and ``execve`` on Linux: a child started
by a large test or benchmark process reports its parent's size as its own peak. The kernel's
``VmHWM`` belongs to the process's current address space, so it counts only what the child
itself touched; ``ru_maxrss`` is the fallback where ``/proc`` is missing.
"""

from __future__ import annotations

import resource
from pathlib import Path


def peak_mib() -> float:
    """The high-water mark of this process's resident memory since it started, in MiB."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
