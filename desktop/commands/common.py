"""What every sub-command shares: errors, JSON output, the open library, batch input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exits non-zero."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def print_json(value: Any, stream: TextIO | None = None) -> None:
    """Human-friendly but machine-stable JSON (UTF-8, not ASCII-escaped)."""
    out = stream or sys.stdout
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_json_line(value: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def iter_batch(path: str) -> Iterator[dict[str, Any]]:
    """Records ``{"id", "text"}`` of a JSON Lines file (``-`` reads standard input).

    A malformed line stops the batch with the file name and line number: scripts must not get
    silently partial output.
    """
    stream = sys.stdin if path == "-" else None
    try:
        handle = stream or Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"{path}: cannot read batch file: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise CommandError(f'{path}:{number}: expected an object with a "text" string')
            yield record
