"""Runs every ``<prefix>*.py`` module of a folder: the engine of `make bench` and `make eval`."""

from __future__ import annotations

import importlib
import time
from pathlib import Path


def run_modules(package: str, folder: Path, prefix: str, names: list[str]) -> int:
    """Import each matching module and call its ``main()``; ``names`` narrows by substring."""
    modules = sorted(p.stem for p in folder.glob(f"{prefix}*.py"))
    if names:
        modules = [m for m in modules if any(n in m for n in names)]
    status = 0
    for name in modules:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        status |= int(importlib.import_module(f"{package}.{name}").main() or 0)
        print(f"({name} took {time.perf_counter() - started:.1f} s)", flush=True)
    return status
