"""Volume as an attack: a 2-million-word article summarised by every offered method, and an
article replaced by a much shorter text. Long cases run only in `make fuzz`."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.text.method_names import METHODS
from tests.hostile.cli import ROOT, Run, assert_clean, dossier_in_process, problems
from tests.hostile.hostile_files import STORY, write_all

MEMORY_CAP = 3 * 1024**3
"""The child's address space: far above the 1 GB goal, low enough to spare a shared machine."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _two_million_words(folder: Path) -> Path:
    sentences = [f"{STORY} Item {n} was costed at {n * 7} euros." for n in range(106_000)]
    (path,) = write_all(folder, {"huge.txt": "\n".join(sentences).encode()})
    return path


@pytest.mark.fuzz
@pytest.mark.parametrize("method", METHODS)
def test_every_method_on_two_million_words(method: str, tmp_path: Path) -> None:
    """≤ 30 s and ≤ 1 GB peak memory, or a one-line refusal."""
    path = _two_million_words(tmp_path)
    report = tmp_path / "measured.json"
    env = {**os.environ, "DOSSIER_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.hostile.measured", str(report), "summarize",
             "--method", method, str(path)],
            cwd=ROOT, env=env, capture_output=True, timeout=60, preexec_fn=_limit_memory,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"summarize --method {method} ran over 60 s")
    elapsed = time.perf_counter() - started
    run = Run(("summarize", method), done.returncode, done.stdout.decode(), done.stderr.decode())
    assert not problems(run), f"{problems(run)}: {run.describe()}"
    measured = json.loads(report.read_text())
    assert elapsed <= 30 and measured["peak_mb"] <= 1024, (elapsed, measured)


def test_a_truncated_resave_does_not_replace_the_full_article(tmp_path: Path) -> None:
    """The same file saved again with only its first sentence: the full text stays."""
    full = " ".join(f"{STORY} Paragraph {n} adds detail {n * 3}." for n in range(30))
    (path,) = write_all(tmp_path, {"story.md": f"# Budget\n\n{full}\n".encode()})
    first = dossier_in_process("import", "--json", str(path))
    (article,) = json.loads(first.out)["imported"]
    path.write_text(f"# Budget\n\n{STORY}\n", encoding="utf-8")
    assert_clean(dossier_in_process("import", str(path)))
    shown = json.loads(dossier_in_process("show", "--json", str(article)).out)
    assert "Paragraph 29" in shown["text"], "the full text was replaced by a much shorter one"


def test_a_feed_summary_linking_to_a_stored_article_does_not_replace_it(tmp_path: Path) -> None:
    url = "https://news.example/budget"
    full = " ".join(f"{STORY} Paragraph {n} adds detail {n * 3}." for n in range(30))
    page = (
        f'<html><head><title>Budget</title><link rel="canonical" href="{url}"></head>'
        f"<body><article><p>{full}</p></article></body></html>"
    )
    feed = (
        f'<rss version="2.0"><channel><title>News</title><item><title>Budget</title>'
        f"<link>{url}</link><description>{STORY}</description></item></channel></rss>"
    )
    page_path, feed_path = write_all(tmp_path, {"page.html": page.encode(), "f.xml": feed.encode()})
    (article,) = json.loads(dossier_in_process("import", "--json", str(page_path)).out)["imported"]
    assert_clean(dossier_in_process("import", str(feed_path)))
    shown = json.loads(dossier_in_process("show", "--json", str(article)).out)
    assert "Paragraph 29" in shown["text"], "a one-sentence summary replaced the full article"
