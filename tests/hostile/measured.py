"""``python -m tests.hostile.measured REPORT.json ARGV…``: run ``dossier ARGV…`` and write its
exit status and peak resident memory to REPORT.json (for the volume tests' memory bound)."""

from __future__ import annotations

import json
import resource
import sys

from desktop.cli import main


def run(report: str, argv: list[str]) -> int:
    code = 1
    try:
        code = main(argv)
    finally:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with open(report, "w", encoding="utf-8") as out:
            json.dump({"code": code, "peak_mb": peak_kib / 1024}, out)
    return code


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1], sys.argv[2:]))
