"""Writes highlights in a loop through the public API, printing each acknowledged id.

Run as ``python -m tests.core.notes.note_writer ARTICLE_ID COUNT`` (COUNT 0: forever) by the
durability tests, which kill it or run two at once.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from desktop.core.library.session import open_library
from desktop.core.notes.notebook import Notebook


def main(article_id: int, count: int) -> None:
    with open_library(seed=False) as library:
        notebook = Notebook(library.conn)
        length = len(library.store.get(article_id).text)
        written = 0
        while count == 0 or written < count:
            start = written % (length - 1)
            highlight = notebook.add(
                article_id, start, start + 1, note=f"note {written} ✓", tags=[f"t{written % 7}"]
            )
            sys.stdout.write(highlight.id + "\n")
            sys.stdout.flush()
            written += 1


def acknowledged_before_kill(writer: subprocess.Popen[bytes], delay: float) -> set[str]:
    """Wait until ``writer`` prints its first id, let it run ``delay`` seconds more, kill -9
    it, and return every id it printed on a complete line (each one acknowledged)."""
    first = writer.stdout.readline() if writer.stdout else b""
    assert first, writer.stderr.read().decode() if writer.stderr else "no output"
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    rest, _ = writer.communicate()
    lines = (first + rest).decode().split("\n")
    return {line for line in lines[:-1] if line}


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
