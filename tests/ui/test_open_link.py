"""`dossier dossier://…` / `dossier-gui dossier://…`: the window opens at the passage."""

from __future__ import annotations

import pytest

from desktop import app, cli
from desktop.core.notes.locators import passage_link
from tests.ui.conftest import add_article


def test_a_link_opens_its_article_at_the_passage(window, library, qtbot) -> None:
    text = "\n\n".join(f"Paragraph {n} on the harbour budget." for n in range(200))
    other = add_article(library, "Harbour budget", text, url="https://news.example/harbour")
    start = text.index("Paragraph 150")
    digest = library.store.get(other).content_hash
    link = passage_link(digest, "https://news.example/harbour", start, start + 13)
    assert app.open_link(window, link) == other
    assert window.article.id == other
    qtbot.waitUntil(
        lambda: window.reader.page.textCursor().block().text().startswith("Paragraph 150")
    )


def test_a_link_from_another_library_finds_the_article_by_url(window, library) -> None:
    other = add_article(library, "Harbour", "Some harbour text.", url="https://news.example/h")
    link = passage_link("0" * 64, "https://news.example/h", 5, 12)  # text updated since
    assert app.open_link(window, link) == other and window.article.id == other


def test_a_link_to_no_article_here_is_said_not_thrown(window, capsys) -> None:
    shown = window.article.id
    assert app.open_link(window, passage_link("0" * 64, "https://nowhere.example/")) is None
    assert "no article in this library matches" in capsys.readouterr().err
    assert "No article" in window.statusBar().currentMessage() and window.article.id == shown


def test_a_malformed_link_exits_2_with_one_line(capsys) -> None:
    assert app.main(["dossier://text/zzz"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dossier: ") and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["dossier://text/ab12ab12"], ["--x", "dossier://article/3#1-2"]])
def test_the_command_line_sends_links_to_the_window(monkeypatch, argv) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(app, "main", lambda args: seen.append(list(args)) or 0)
    assert cli.opens_window(argv) and cli.main(argv) == 0
    assert seen == [argv]


def test_a_link_given_at_start_opens_its_passage_not_the_last_article_read(
    make_window, library, qtbot
):
    from desktop.app import build_main_window

    first = make_window()  # remembers the first article as the one read last
    shown = first.article.id
    first.close()
    text = "\n\n".join(f"Paragraph {n} on the harbour budget." for n in range(200))
    other = add_article(library, "Harbour", text, url="https://h.example/")
    start = text.index("Paragraph 150")
    window = build_main_window(warm_up=False)
    qtbot.addWidget(window)
    assert app.open_link(window, passage_link("0" * 64, "https://h.example/", start, start + 9))
    window.show()
    qtbot.waitUntil(lambda: window.article is not None and window.article.id == other)
    assert other != shown

    def cursor_in_paragraph_150() -> bool:
        return window.reader.page.textCursor().block().text().startswith("Paragraph 150")

    qtbot.waitUntil(cursor_in_paragraph_150)
    qtbot.wait(100)  # and it stays there once the start-up work is done
    assert cursor_in_paragraph_150() and window.article.id == other
    window.close()
    window.library.close()


def test_dossier_gui_reads_the_link_from_its_command_line(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.argv", ["dossier-gui", "dossier://text/not-hex"])
    assert app.main() == 2
    assert "dossier://text/not-hex" in capsys.readouterr().err


def test_qt_options_are_not_taken_for_a_link() -> None:
    args = app._parse(["-platform", "offscreen", "dossier://text/ab12ab12#1-2"])
    assert args.link == "dossier://text/ab12ab12#1-2"
    assert app._parse(["-platform", "offscreen"]).link is None
