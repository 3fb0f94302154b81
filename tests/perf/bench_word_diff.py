"""Word diff benchmark: what changed in a 100,000-word article, and drawing it in the window.

Goal: a 100,000-word article with a few edits compares in well under the ~50 ms a window may
spend on the GUI thread (it runs in a worker anyway), whether the article has paragraphs or is
one block; two unrelated 20,000-word texts (a rewrite) stay under a second. Also timed: the
What Changed view drawing the result (GUI thread), and the full core call with a stored
article, its version and 200 highlights (``version_changes``).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import wordfreq

from desktop.core.text.word_diff import apply_diff, word_diff

WORDS = 100_000
REPEATS = 7


def article(words: int, rng: random.Random, vocabulary: list[str], *, paragraphs: bool) -> str:
    out = []
    for i in range(words):
        word = rng.choice(vocabulary)
        if i % 14 == 13:
            word += "."
        if paragraphs and i % 120 == 119:
            word += "\n\n"
        out.append(word)
    return " ".join(out)


def edited(text: str, rng: random.Random) -> str:
    """Five inserted phrases, one word replaced, 40 characters cut."""
    for _ in range(5):
        at = text.index(" ", rng.randrange(len(text) - 100))
        text = text[:at] + " according to a later statement" + text[at:]
    at = text.index(" ", len(text) // 2) + 1
    text = text[:at] + "rewritten" + text[text.index(" ", at) :]
    cut = text.index(" ", len(text) // 3)
    return text[:cut] + text[cut + 40 :]


def median_ms(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> int:
    rng = random.Random(20261204)
    vocabulary = wordfreq.top_n_list("en", 3000)
    for paragraphs in (True, False):
        old = article(WORDS, rng, vocabulary, paragraphs=paragraphs)
        new = edited(old, rng)
        spans = word_diff(old, new)
        assert apply_diff(old, new, spans) == new
        changes = sum(s.kind != "equal" for s in spans)
        shape = "paragraphs of 120 words" if paragraphs else "one block, no paragraph breaks"
        print(
            f"word_diff, {WORDS:,} words ({shape}), {changes} changes:"
            f" {median_ms(lambda o=old, n=new: word_diff(o, n)):.1f} ms (median of {REPEATS})"
        )
    old = article(20_000, rng, vocabulary, paragraphs=True)
    new = article(20_000, rng, vocabulary, paragraphs=True)
    print(
        "word_diff, two unrelated 20,000-word texts:"
        f" {median_ms(lambda: word_diff(old, new), 3):.1f} ms"
    )
    gui(rng, vocabulary)
    return 0


def gui(rng: random.Random, vocabulary: list[str]) -> None:
    """The core call on a stored article and the view drawing it, in a throw-away library."""
    import os
    import tempfile

    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as home:
        os.environ["DOSSIER_HOME"] = home
        from desktop.core.library.session import open_library
        from desktop.core.library.store import with_hash
        from desktop.core.library.updating import replace_text
        from desktop.core.library.version_changes import version_changes
        from desktop.core.models import Article
        from desktop.core.notes.notebook import Notebook
        from desktop.ui.library.changes_view import ChangesView

        app = QApplication.instance() or QApplication([])
        old = article(WORDS, rng, vocabulary, paragraphs=True)
        with open_library(seed=False) as library:
            (result,) = library.store.add_many(
                [with_hash(Article(id=0, title="Long", text=old, content_hash="", words=0))]
            )
            article_id = result.id
            notes = Notebook(library.conn)
            for i in range(200):
                at = old.index(" ", i * len(old) // 200) + 1
                notes.add(article_id, at, old.index(" ", at + 20))
            stored = library.store.get(article_id)
            replace_text(
                library.store, article_id, stored.replace(text=edited(old, rng), content_hash="")
            )
            found = version_changes(library.store, article_id, 1)
            print(
                f"version_changes ({WORDS:,} words, 200 highlights on each text):"
                f" {median_ms(lambda: version_changes(library.store, article_id, 1), 3):.0f} ms"
            )
            view = ChangesView()
            categories = notes.categories()
            print(
                "ChangesView.show_changes (GUI thread):"
                f" {median_ms(lambda: view.show_changes(found, categories), 3):.0f} ms"
            )
        del app


if __name__ == "__main__":
    raise SystemExit(main())
