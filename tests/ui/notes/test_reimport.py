"""Re-importing the article that is open: the window shows its new text, highlights moved."""

from __future__ import annotations


def test_reimporting_the_open_article_shows_its_new_text_and_moved_highlights(
    window, tmp_path, qtbot
) -> None:
    story = tmp_path / "harbour-strike.txt"
    body = (
        "Dock workers in Rotterdam walked out on Monday over pay and hours.\n\n"
        "The port said ships were being diverted to Antwerp until further notice.\n"
    )
    story.write_text(body)
    window.import_paths([story])
    window.imports.wait()
    (article_id,) = window.library.conn.execute(
        "SELECT id FROM articles WHERE origin = ?", (str(story),)
    ).fetchone()
    window.open_article(article_id)
    quote = "ships were being diverted to Antwerp"
    start = window.article.text.index(quote)
    window.highlights.promote(start, start + len(quote))
    qtbot.waitUntil(lambda: len(window.highlights.highlights()) == 1)

    story.write_text("Update: talks resume on Friday.\n\n" + body)
    window.import_paths([story])
    window.imports.wait()
    qtbot.waitUntil(lambda: window.article.text.startswith("Update:"), timeout=5000)
    assert window.article.id == article_id
    assert "1 updated" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.highlights.highlights()[0].start != start)
    (moved,) = window.highlights.highlights()
    assert window.article.text[moved.start : moved.end] == quote
