"""One article per document: the same file reached by another path updates its article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.library.importers import read_articles
from desktop.core.library.importing import import_paths
from desktop.core.library.session import Library, open_library
from desktop.core.library.store import with_hash

PARAGRAPHS = [
    "The council approved the new harbour plan on Monday after a long debate.",
    "Mayor Ana Lopes said the vote was a turning point for the town's fishermen.",
    "Opponents argued that the plan ignored the cost of dredging the old channel.",
    "Work is due to start in the spring and to last two years.",
]


@pytest.fixture
def library() -> Library:
    with open_library(seed=False) as opened:
        yield opened


def version(n: int) -> str:
    """The story as edited ``n`` times: a new closing paragraph each time."""
    extra = [f"Update {i}: the harbour office answered questions on day {i}." for i in range(n)]
    return "\n\n".join(PARAGRAPHS + extra)


def test_relative_absolute_and_symlinked_paths_are_one_article(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    story = folder / "harbour.txt"
    story.write_text(version(0), encoding="utf-8")
    (tmp_path / "linked").symlink_to(folder, target_is_directory=True)
    monkeypatch.chdir(folder)

    (article_id,) = import_paths(library, ["./harbour.txt"]).imported
    stored = library.store.get(article_id)
    assert stored.origin == os.path.realpath(story)

    for n, given in enumerate(
        [str(story), str(tmp_path / "linked" / "harbour.txt"), "../stories/harbour.txt"], 1
    ):
        story.write_text(version(n), encoding="utf-8")
        report = import_paths(library, [given])
        assert report.updated == [article_id], given
        assert report.imported == []
    assert library.store.count() == 1
    assert library.store.get(article_id).text == version(3)


def test_the_same_unchanged_file_by_another_path_is_a_duplicate(
    library: Library, tmp_path: Path
) -> None:
    story = tmp_path / "harbour.txt"
    story.write_text(version(0), encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path, target_is_directory=True)
    first = import_paths(library, [story]).imported
    again = import_paths(library, [tmp_path / "linked" / "harbour.txt"])
    assert again.duplicates == first and library.store.count() == 1


def test_an_article_stored_under_a_typed_relative_path_is_updated_and_canonicalised(
    library: Library, tmp_path: Path
) -> None:
    story = tmp_path / "desk" / "harbour.txt"
    story.parent.mkdir()
    story.write_text(version(0), encoding="utf-8")
    (old,) = read_articles(story)
    legacy = library.store.add(with_hash(old.replace(origin="desk/harbour.txt")))

    story.write_text(version(1), encoding="utf-8")
    report = import_paths(library, [story])
    assert report.updated == [legacy.id]
    assert library.store.get(legacy.id).origin == os.path.realpath(story)


def test_feed_entries_have_canonical_origins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port</title><item>'
        "<guid>entry-1</guid><title>Harbour plan</title>"
        f"<description>{' '.join(PARAGRAPHS)}</description></item></channel></rss>",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    (entry,) = read_articles("feed.rss")
    assert entry.origin == f"{os.path.realpath(feed)}#entry-1"


def test_email_origins_are_canonical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mail = tmp_path / "tip.eml"
    mail.write_text(
        "From: Ana Lopes <ana@example.org>\nSubject: Harbour plan\nDate: Mon, 4 Mar 2024 09:00:00"
        " +0000\nContent-Type: text/plain; charset=utf-8\n\n" + " ".join(PARAGRAPHS) + "\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    (message,) = read_articles("tip.eml")
    assert message.origin.startswith(os.path.realpath(mail))
