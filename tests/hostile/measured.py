"""``python -m tests.hostile.measured REPORT.json ARGV…``: run ``dossier ARGV…`` and write its
exit status and peak resident memory (its own, not its parent's) to REPORT.json, for the volume
tests' memory bound."""

from __future__ import annotations

import json
import sys

from desktop.cli import main
from tests.peak_memory import peak_mib


def run(report: str, argv: list[str]) -> int:
    code = 1
    try:
        code = main(argv)
    finally:
        peak = peak_mib()
        with open(report, "w", encoding="utf-8") as out:
            json.dump({"code": code, "peak_mb": peak}, out)
    return code


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1], sys.argv[2:]))
