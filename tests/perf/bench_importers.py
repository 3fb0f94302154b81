"""Importer benchmark: hostile Markdown and plain text (issue 11) and HTML pages (issue 14) at
50, 100, 200 and 400 KB, a 300-page PDF report and a mailbox of newsletters (issue 14).

Goal: linear time. Before, a 200 KB file of such input ran for minutes. For each input the
table gives the seconds ``read_articles`` takes per size, its ratio to a baseline measured in
the same run on the same file (reading and decoding its bytes, which no import can skip), and
the growth from 50 to 400 KB divided by 8: about 1 is linear, 8 would be quadratic.
Best of ``REPEATS`` runs each. The PDF goal: a 300-page report imports in at most
``PDF_GOAL_S`` seconds, with its page starts. A newsletter is read as a web page is: the
mailbox of ``MAILBOX`` of them is timed against one of as many plain-text messages of the same
story. A mailbox of ``LARGE_MAILBOX_MIB`` MiB, too large to read at once, is read in its parts
and timed per MiB against one of ``SMALL_MAILBOX_MIB`` MiB read whole (about 1: the parts cost
nothing more). Run alone with ``make bench ONLY=importers``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.decoding import decode_text, read_file_bytes
from desktop.core.library.importers.element_text import element_text, html_document_body
from desktop.core.library.importers.mailbox_parts import mailbox_parts, part_path
from tests.core.library.documents import BULLETIN, long_report
from tests.core.library.hostile_markup import HTML, MARKDOWN, PLAIN_TEXT, Builder

SIZES_KB = (50, 100, 200, 400)
REPEATS = 3
PDF_PAGES = 300
PDF_GOAL_S = 10.0
MAILBOX = 300
LARGE_MAILBOX_MIB = 100
SMALL_MAILBOX_MIB = 10


def best_of(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def import_file(path: Path) -> None:
    # Pure markup may hold no text; the time to find that out is what counts.
    with contextlib.suppress(UnreadableFile):
        read_articles(path)


def read_file(path: Path) -> None:
    decode_text(read_file_bytes(path), path)


def measure(folder: Path, name: str, build: Builder, suffix: str) -> tuple[list[float], float]:
    """Seconds per size, and the ratio to the baseline at the largest size."""
    seconds, baseline = [], 0.0
    for size in SIZES_KB:
        path = folder / f"input{suffix}"
        path.write_text("Hostile\n\n" + build(size * 1000), encoding="utf-8")
        seconds.append(best_of(lambda p=path: import_file(p)))
        baseline = best_of(lambda p=path: read_file(p))
    return seconds, seconds[-1] / max(baseline, 1e-9)


def main() -> int:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine load (1 min) at start: {load:.2f}")
    header = "  ".join(f"{kb:>4} KB" for kb in SIZES_KB)
    print(f"{'input':<34} {header}   ×baseline@400   growth/8 (1 = linear)")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        folder = Path(tmp)
        inputs = [(n, b, ".md") for n, b in MARKDOWN.items()]
        inputs += [(n, b, ".txt") for n, b in PLAIN_TEXT.items()]
        inputs += [(n, b, ".html") for n, b in HTML.items()]
        for name, build, suffix in inputs:
            seconds, ratio = measure(folder, name, build, suffix)
            growth = seconds[-1] / max(seconds[0], 1e-9) / (SIZES_KB[-1] / SIZES_KB[0])
            worst = max(worst, growth)
            times = "  ".join(f"{s:7.3f}" for s in seconds)
            print(f"{name + ' (' + suffix + ')':<34} {times}   {ratio:13.0f}   {growth:8.2f}")
        print(f"worst growth/8: {worst:.2f}   goal: about 1 (linear); 8 would be quadratic")
        print(measure_pdf(folder))
        print(measure_mailbox(folder))
        print(measure_large_mailbox(folder))
    return 0


def measure_mailbox(folder: Path) -> str:
    """A mailbox of newsletters against one of the same story as plain text."""
    body = html_document_body(BULLETIN)
    assert body is not None
    story = element_text(body)
    seconds = {}
    for kind in ("plain", "newsletter"):
        messages = []
        for n in range(MAILBOX):
            message = EmailMessage()
            message["Subject"] = f"Bulletin {n}"
            message["From"] = "Ana Ruiz <ana@n.example>"
            if kind == "plain":
                message.set_content(story)
            else:
                message["List-Unsubscribe"] = "<https://n.example/unsubscribe>"
                message.set_content("View this post on the web")
                message.add_alternative(BULLETIN, subtype="html")
            messages.append(b"From ana@n.example Thu Nov  5 09:00:00 2026\n" + bytes(message))
        path = folder / f"{kind}.mbox"
        path.write_bytes(b"\n".join(messages))
        seconds[kind] = best_of(lambda p=path: read_articles(p))
    return (
        f"mailbox of {MAILBOX} newsletters: {seconds['newsletter']:.2f} s, plain-text messages of "
        f"the same story {seconds['plain']:.2f} s (×{seconds['newsletter'] / seconds['plain']:.1f};"
        f" {seconds['newsletter'] / MAILBOX * 1000:.0f} ms a newsletter)"
    )


def measure_large_mailbox(folder: Path) -> str:
    """A mailbox over the size limit, read part by part, against a small one read whole."""
    body = html_document_body(BULLETIN)
    assert body is not None
    story = element_text(body)
    seconds = {}
    for mib in (SMALL_MAILBOX_MIB, LARGE_MAILBOX_MIB):
        path = folder / f"inbox-{mib}.mbox"
        with path.open("wb") as out:
            number = 0
            while out.tell() < mib * 1048576:
                number += 1
                message = EmailMessage()
                message["Subject"] = f"Story {number}"
                message["From"] = "Ana Ruiz <ana@n.example>"
                message["Message-ID"] = f"<{number}@n.example>"
                message.set_content(f"{story}\n\nStory {number}.")
                out.write(b"From ana@n.example Thu Nov  5 09:00:00 2026\n" + bytes(message) + b"\n")
        started = time.perf_counter()
        parts = mailbox_parts(path) if mib > SMALL_MAILBOX_MIB else [(1, number)]
        articles = 0
        for first, last in parts:
            name = part_path(path, first, last) if mib > SMALL_MAILBOX_MIB else path
            articles += len(read_articles(name))
        seconds[mib] = time.perf_counter() - started
        assert articles == number
    small, large = (seconds[m] / m for m in (SMALL_MAILBOX_MIB, LARGE_MAILBOX_MIB))
    total = seconds[LARGE_MAILBOX_MIB]
    return (
        f"mailbox of {LARGE_MAILBOX_MIB} MiB in {len(parts)} parts: {total:.1f}"
        f" s, {large * 1000:.0f} ms a MiB; one of {SMALL_MAILBOX_MIB} MiB read whole "
        f"{small * 1000:.0f} ms a MiB (×{large / small:.2f})"
    )


def measure_pdf(folder: Path) -> str:
    """The 300-page report: the first import in this process (PDFium and the word list for
    mending broken words load then) and the best of ``REPEATS``."""
    report = long_report(folder / "report.pdf", PDF_PAGES)
    pages: list[int] = []
    started = time.perf_counter()
    pages.append(len(read_articles(report)[0].pages))
    first = time.perf_counter() - started
    best = best_of(lambda: pages.append(len(read_articles(report)[0].pages)))
    size = report.stat().st_size / 1048576
    return (
        f"PDF report, {PDF_PAGES} pages ({size:.1f} MiB): first {first:.2f} s, best {best:.2f} s,"
        f" {pages[-1]} page starts kept   goal: <= {PDF_GOAL_S:.0f} s"
    )


if __name__ == "__main__":
    raise SystemExit(main())
