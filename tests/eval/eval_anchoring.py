"""Notes after an article is edited (``make eval ONLY=anchoring``).

Runs the edited-article scenarios of ``tests/core/notes/edit_scenarios.py`` — on the committed
sample articles (the set the test suite checks), then on the Wikinews articles of
``../shared/eval`` when present — through Dossier's re-anchoring as an update does it (the old
text known), as a restore from a backup without the old text does it (quote and context only),
and through a reimplementation of Hypothesis' anchoring (``hypothesis_match_quote``). Prints,
for each, how many highlights end exact on their passage, moved (flagged) on the right or a
wrong place, wrong without a flag, or orphaned — of a passage that is gone or still there.
Goals: 0 wrong without a flag; orphans no more than Hypothesis' + 2 per 162 edits.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from desktop.core.models import Highlight
from desktop.core.notes.anchoring import reanchor, selectors
from desktop.core.notes.text_changes import TextChanges
from tests.core.notes.edit_scenarios import (
    ORPHAN_GONE,
    ORPHAN_LOST,
    OUTCOMES,
    WRONG,
    Scenario,
    committed_articles,
    judge,
    scenarios,
)
from tests.eval.hypothesis_match_quote import hypothesis_anchor

EVAL = Path(os.environ.get("DOSSIER_EVAL", Path(__file__).resolve().parents[3] / "shared" / "eval"))
WIKINEWS = "library-wikinews.jsonl"

Placer = Callable[[Scenario], "tuple[tuple[int, int] | None, bool]"]


def _highlight(s: Scenario) -> Highlight:
    quote, prefix, suffix = selectors(s.old, s.start, s.end)
    return Highlight("h", 1, s.start, s.end, quote, prefix, suffix, "old", "key-fact")


def dossier_update(s: Scenario) -> tuple[tuple[int, int] | None, bool]:
    """As an import or a version restore places it: the old text is known."""
    placed = reanchor(_highlight(s), s.new, "new", TextChanges(s.old, s.new, "old"))
    return (None if placed.orphan else (placed.start, placed.end)), placed.moved


def dossier_quote_only(s: Scenario) -> tuple[tuple[int, int] | None, bool]:
    """As a restored backup is placed when the library no longer has the old text."""
    placed = reanchor(_highlight(s), s.new, "new")
    return (None if placed.orphan else (placed.start, placed.end)), placed.moved


def hypothesis(s: Scenario) -> tuple[tuple[int, int] | None, bool]:
    h = _highlight(s)
    return hypothesis_anchor(s.new, h.quote, h.prefix, h.suffix, h.start, h.end), False


SYSTEMS: dict[str, Placer] = {
    "Dossier (update)": dossier_update,
    "Dossier (quote only)": dossier_quote_only,
    "Hypothesis baseline": hypothesis,
}


def tally(cases: list[Scenario], placer: Placer) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Outcomes overall and by kind of edit."""
    overall: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    for case in cases:
        outcome = judge(case, *placer(case))
        overall[outcome] += 1
        by_kind[(case.kind, outcome)] += 1
    return overall, by_kind


def report(title: str, cases: list[Scenario]) -> None:
    print(f"\n{title}: {len(cases)} edits")
    header = f"{'':22}" + "".join(f"{o:>16}" for o in ("exact", "moved right", "moved wrong"))
    header += "".join(f"{o:>16}" for o in ("WRONG unflagged", "orphan gone", "orphan lost"))
    print(header + f"{'seconds':>9}")
    results = {}
    for name, placer in SYSTEMS.items():
        began = time.perf_counter()
        overall, by_kind = tally(cases, placer)
        seconds = time.perf_counter() - began
        results[name] = (overall, by_kind)
        print(f"{name:22}" + "".join(f"{overall[o]:>16}" for o in OUTCOMES) + f"{seconds:>9.2f}")
    ours = results["Dossier (update)"][0]
    base = results["Hypothesis baseline"][0]
    allowed = base[ORPHAN_LOST] + 2 * len(cases) / 162
    print(
        f"goals (update): wrong unflagged {ours[WRONG]} (goal 0); orphans of passages still"
        f" there {ours[ORPHAN_LOST]} (goal <= Hypothesis {base[ORPHAN_LOST]} + 2 per 162 ="
        f" {allowed:.1f}); all orphans {ours[ORPHAN_GONE] + ours[ORPHAN_LOST]}, Hypothesis"
        f" {base[ORPHAN_GONE] + base[ORPHAN_LOST]} (a removed passage should be one)"
    )
    print(
        "by kind of edit (Dossier update | Hypothesis): exact/moved-right/moved-wrong/"
        "WRONG/orphan-gone/orphan-lost"
    )
    for kind in dict.fromkeys(c.kind for c in cases):
        mine = "/".join(str(results["Dossier (update)"][1][(kind, o)]) for o in OUTCOMES)
        theirs = "/".join(str(results["Hypothesis baseline"][1][(kind, o)]) for o in OUTCOMES)
        print(f"  {kind:30} {mine:>16} | {theirs}")


def _wikinews() -> list[str]:
    path = EVAL / WIKINEWS
    if not path.exists():
        return []
    texts = [json.loads(line).get("text", "") for line in path.read_text("utf-8").splitlines()]
    return [t for t in texts if len(t) > 1500][:30]


def main() -> None:
    report("Committed sample articles (seed 13)", scenarios(committed_articles()))
    news = _wikinews()
    if news:
        report(f"Wikinews articles of {EVAL} (seed 7)", scenarios(news, seed=7, per_kind=30))
    else:
        print(f"\nskipped the Wikinews set: {WIKINEWS} not found in {EVAL}")


if __name__ == "__main__":
    main()
