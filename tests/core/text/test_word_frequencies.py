"""The running application reads word frequencies from resources/ only: the bundle leaves
wordfreq out (packaging/dossier.spec), so importing and analysing must never need it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.core.text.word_frequencies import english_zipf

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import sys
from pathlib import Path
from desktop.core.library.importers import read_articles
from desktop.core.text.analysis import analyze
path = Path(sys.argv[1])
first = "The committee said the new rules would apply to every member of the inter-"
second = "national delegation from the start of the year,"
path.write_text("Council report\\n\\n" + "\\n".join([first, second] * 6) + "\\n", encoding="utf-8")
(article,) = read_articles(path)
analyze(article.text)
print("international" in article.text, "wordfreq" in sys.modules)
"""


def test_a_broken_word_is_mended_and_the_text_analysed_without_wordfreq(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "report.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert done.stdout.split() == ["True", "False"], done.stderr


def test_the_shipped_table_knows_common_words_and_not_nonsense() -> None:
    table = english_zipf()
    assert table["the"] > table["government"] > table["delegation"] >= 2.5
    assert "zorblaxquint" not in table
