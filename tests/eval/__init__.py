"""Evaluations over ../shared/eval (``make eval``); the data never enters the repository."""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
# ../shared/eval beside the checkout (or beside the folder of worktrees).
SHARED_EVAL = next(
    (p / "shared" / "eval" for p in _ROOT.parents[:2] if (p / "shared" / "eval").is_dir()),
    _ROOT.parent / "shared" / "eval",
)
