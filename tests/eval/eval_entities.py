"""Entity quality on CoNLL-2003 dev (``make eval ONLY=entities``).

Runs the same pass as ``dossier entities --batch`` over ``../shared/eval/entities-conll-dev.jsonl``
(and over the held-out test split when ``CONLL_TEST`` names a copy of it),
prints exact-span precision/recall/F1 per class (leader+person → PER, institution → ORG,
place → LOC, as the goal is judged), the confusion between classes, the speed, and the line
``score.py`` prints for the same output, so both numbers can be compared. Skips with a message
when the evaluation data is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from desktop.commands.entities import entity_json, term_json
from desktop.core.text.analysis import analyze
from tests.eval import SHARED_EVAL
from tests.eval.conll_file import read_conll

EVAL = SHARED_EVAL
DATA = EVAL / "entities-conll-dev.jsonl"
MAPPING = {"leader": "PER", "person": "PER", "institution": "ORG", "place": "LOC"}
CLASSES = ("PER", "ORG", "LOC")


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the evaluation data lives in ../shared/eval)")
        return 0
    analyze("warm up: President Emmanuel Macron spoke in Paris.")
    print(f"CoNLL-2003 dev ({DATA.name})")
    _evaluate([json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line])
    held_out = os.environ.get("CONLL_TEST")
    if held_out:
        print(f"\nCoNLL-2003 held-out test ({held_out})")
        _evaluate(read_conll(Path(held_out)))
    else:
        print("\n(held-out CoNLL-2003 test: set CONLL_TEST=path/to/eng.testb to score it too)")
    return 0


def _evaluate(records: list[dict]) -> None:
    outputs, seconds, cpu, words = [], 0.0, 0.0, 0
    for record in records:
        started, started_cpu = time.perf_counter(), time.process_time()
        entities, terms = analyze(record["text"])
        seconds += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        words += len(record["text"].split())
        outputs.append(
            {
                "id": record["id"],
                "entities": [entity_json(e) for e in entities],
                "terms": [term_json(t) for t in terms],
            }
        )
    _report(records, outputs)
    print(
        f"speed (entities + terms, {len(records)} articles): {words:,} words in {cpu:.2f} s CPU"
        f" = {words / cpu:,.0f} words/s on one core ({seconds:.2f} s wall clock)"
    )
    with tempfile.TemporaryDirectory() as folder:
        gold, out = Path(folder) / "gold.jsonl", Path(folder) / "out.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        out.write_text("".join(json.dumps(o) + "\n" for o in outputs), encoding="utf-8")
        score = subprocess.run(
            [sys.executable, str(EVAL / "score.py"), "entities", str(gold), str(out)],
            capture_output=True,
            text=True,
        )
    print("score.py: " + score.stdout.strip())


def _report(records: list[dict], outputs: list[dict]) -> None:
    tp, fp, fn = Counter(), Counter(), Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for record, output in zip(records, outputs, strict=True):
        gold = {(e["start"], e["end"]): e["label"] for e in record["entities"]}
        pred = {
            (e["start"], e["end"]): MAPPING[e["category"]]
            for e in output["entities"]
            if e["category"] in MAPPING
        }
        for span, label in gold.items():
            if label in CLASSES or span in pred:
                confusion[(label, pred.get(span, "—"))] += 1
        for span, label in pred.items():
            if span not in gold:
                confusion[("—", label)] += 1
        for k in CLASSES:
            g = {s for s, label in gold.items() if label == k}
            p = {s for s, label in pred.items() if label == k}
            tp[k] += len(g & p)
            fp[k] += len(p - g)
            fn[k] += len(g - p)
    print("class  precision  recall  F1     (goal F1: PER 0.92, ORG 0.85, LOC 0.90)")
    for k in CLASSES:
        precision = tp[k] / max(tp[k] + fp[k], 1)
        recall = tp[k] / max(tp[k] + fn[k], 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"{k:<5}  {precision:9.3f}  {recall:6.3f}  {f1:.3f}")
    columns = (*CLASSES, "—")
    print("\nconfusion (rows: gold, columns: predicted; — = no span / wrong boundaries)")
    print("gold\\pred " + "".join(f"{c:>7}" for c in columns))
    for row in (*CLASSES, "MISC", "—"):
        print(f"{row:<10}" + "".join(f"{confusion[(row, c)]:>7}" for c in columns))


if __name__ == "__main__":
    raise SystemExit(main())
