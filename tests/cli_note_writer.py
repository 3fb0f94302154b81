"""Adds notes in a loop through ``dossier notes add`` (in-process), printing each id once the
command has returned 0 — that is, once the note is committed and backed up.

Run as ``python -m tests.cli_note_writer ARTICLE_ID`` by the crash test, which kills it.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

from desktop.cli import main


def run(article_id: int) -> None:
    written = 0
    while True:
        start = written % 200
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            code = main(["notes", "add", str(article_id), "--start", str(start), "--end",
                         str(start + 5), "--note", f"note {written}"])  # fmt: skip
        if code != 0:
            raise SystemExit(code)
        sys.stdout.write(json.loads(output.getvalue())["id"] + "\n")
        sys.stdout.flush()
        written += 1


if __name__ == "__main__":
    run(int(sys.argv[1]))
