"""Delete, trash, edit, stories and tags end to end on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Budget vote delayed</title><link>http://x.test/budget</link>
<category>Politics</category><category>Budget</category><category>politics</category>
<description>The parliament delayed the budget vote again on Tuesday after a long debate about
taxes and spending in the capital city, said the speaker of the assembly.</description></item>
<item><title>Storm hits coast</title><link>http://x.test/storm</link><category>Weather</category>
<description>A strong storm hit the coast on Monday, cutting power to thousands of homes and
closing several roads near the harbour, the budget office said in a statement.</description>
</item>
</channel></rss>
"""


def _json(capsys: pytest.CaptureFixture[str], *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def feed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int, int]:
    """The feed file imported: (path, budget article id, storm article id)."""
    path = tmp_path / "wire.xml"
    path.write_text(FEED, encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 0, err
    ids = {a["title"]: a["id"] for a in _json(capsys, "list")}
    return path, ids["Budget vote delayed"], ids["Storm hits coast"]


def _ids(capsys: pytest.CaptureFixture[str], *argv: str) -> set[int]:
    return {a["id"] for a in _json(capsys, *argv)}


def test_feed_categories_become_tags_once_each(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    _, budget, storm = feed
    listed = {a["id"]: a for a in _json(capsys, "list")}
    assert listed[budget]["tags"] == ["Budget", "Politics"]
    assert listed[storm]["tags"] == ["Weather"]
    assert listed[budget]["stories"] == []
    tags = {t["name"]: t["articles"] for t in _json(capsys, "tag", "list")}
    assert tags == {"Budget": 1, "Politics": 1, "Weather": 1}


def test_delete_then_restore_brings_the_article_and_its_notes_back(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    _, budget, storm = feed
    code, _, err = run(capsys, "notes", "add", str(budget), "--quote", "budget vote")
    assert code == 0, err
    assert len(_json(capsys, "notes", "list")) == 1

    code, out, _ = run(capsys, "delete", str(budget))
    assert code == 0 and f"dossier trash restore {budget}" in out
    assert budget not in _ids(capsys, "list")
    assert budget not in _ids(capsys, "search", "budget")
    assert storm in _ids(capsys, "search", "budget")
    assert _json(capsys, "notes", "list") == []
    code, _, err = run(capsys, "show", str(budget))
    assert code == 1 and "in the trash" in err
    (trashed,) = _json(capsys, "trash", "list")
    assert (trashed["id"], trashed["notes"]) == (budget, 1)

    code, _, _ = run(capsys, "trash", "restore", str(budget))
    assert code == 0
    assert budget in _ids(capsys, "search", "budget")
    (note,) = _json(capsys, "notes", "list")
    assert note["article"] == budget and note["quote"] == "budget vote"
    assert _json(capsys, "trash", "list") == []


def test_delete_of_an_unknown_id_moves_the_others_and_fails(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    _, budget, _ = feed
    code, _, err = run(capsys, "delete", str(budget), "999")
    assert code == 1 and err.strip() == "dossier: no article with id 999 in the library"
    assert [t["id"] for t in _json(capsys, "trash", "list")] == [budget]


def test_emptying_the_trash_says_what_is_lost_and_needs_yes(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    _, budget, storm = feed
    run(capsys, "notes", "add", str(budget), "--quote", "budget vote")
    run(capsys, "notes", "add", str(storm), "--quote", "strong storm")
    run(capsys, "delete", str(budget))
    code, _, err = run(capsys, "trash", "empty")
    assert code == 1 and "1 article(s) and 1 note(s)" in err and "--yes" in err
    assert len(_json(capsys, "trash", "list")) == 1  # nothing removed without --yes

    code, out, _ = run(capsys, "trash", "empty", "--yes")
    assert code == 0 and "Removed 1 article(s) and 1 note(s)" in out
    assert _json(capsys, "trash", "list") == []
    code, _, err = run(capsys, "trash", "restore", str(budget))
    assert code == 1 and budget not in _ids(capsys, "list")
    assert [n["article"] for n in _json(capsys, "notes", "list")] == [storm]


def test_an_edit_survives_a_reimport_of_the_same_document(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, storm = feed
    code, out, _ = run(capsys, "edit", str(storm), "--title", "Storm batters coast", "--date",
                       "2026-12-01", "--byline", "")  # fmt: skip
    assert code == 0 and out.strip() == "Edited title, published."
    path.write_text(FEED.replace("several roads", "many roads"), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path))
    assert "updated 1" in out
    shown = _json(capsys, "show", str(storm))
    assert "many roads" in shown["text"]
    assert (shown["title"], shown["published"]) == ("Storm batters coast", "2026-12-01")
    assert shown["source"] == "Wire"  # not edited: follows the document


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--date", "2026-13-01"), "is not a date YYYY-MM-DD"),
        (("--title", "  "), "the title cannot be empty"),
        ((), "nothing to edit"),
    ],
)
def test_a_bad_edit_is_one_line(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str], argv, message
) -> None:
    code, _, err = run(capsys, "edit", str(feed[2]), *argv)
    assert code == 1 and message in err and err.count("\n") == 1


def test_story_and_tag_filters_on_list_search_and_notes_export(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    _, budget, storm = feed
    run(capsys, "story", "add", "Elections")
    code, out, _ = run(capsys, "story", "attach", "Elections", str(budget), str(storm))
    assert out.strip() == "Added 2 article(s) to Elections."
    run(capsys, "story", "attach", "Coast", str(storm))  # made on first use
    run(capsys, "story", "detach", "Elections", str(storm))
    run(capsys, "tag", "add", "follow-up", str(storm))
    run(capsys, "notes", "add", str(budget), "--quote", "budget vote")
    run(capsys, "notes", "add", str(storm), "--quote", "strong storm")

    assert _ids(capsys, "list", "--story", "elections") == {budget}
    assert _ids(capsys, "list", "--story", "Coast") == {storm}
    assert _ids(capsys, "list", "--tag", "FOLLOW-UP") == {storm}
    assert _ids(capsys, "list", "--tag", "Politics", "--story", "Coast") == set()
    assert _ids(capsys, "search", "budget") == {budget, storm}
    assert _ids(capsys, "search", "budget", "--story", "Coast") == {storm}
    assert _ids(capsys, "search", "budget", "--tag", "Politics") == {budget}
    code, out, _ = run(capsys, "notes", "export", "--format", "csv", "--story", "Coast")
    assert code == 0 and "strong storm" in out and "budget vote" not in out
    code, out, _ = run(capsys, "notes", "export", "--format", "csv", "--article-tag", "Budget")
    assert code == 0 and "budget vote" in out and "strong storm" not in out
    shown = _json(capsys, "show", str(storm))
    assert shown["stories"] == ["Coast"] and shown["tags"] == ["follow-up", "Weather"]

    run(capsys, "story", "rename", "Coast", "Harbour")
    assert {s["name"]: s["articles"] for s in _json(capsys, "story", "list")} == {
        "Elections": 1,
        "Harbour": 1,
    }
    run(capsys, "delete", str(storm))  # the trash leaves the counts
    assert {s["name"]: s["articles"] for s in _json(capsys, "story", "list")}["Harbour"] == 0
    run(capsys, "trash", "restore", str(storm))
    assert _ids(capsys, "list", "--story", "Harbour") == {storm}  # membership came back
    run(capsys, "story", "delete", "Harbour")
    assert storm in _ids(capsys, "list")


@pytest.mark.parametrize(
    "argv",
    [
        ("list", "--story", "Nope"),
        ("search", "budget", "--story", "Nope"),
        ("notes", "export", "--format", "json", "--story", "Nope"),
        ("story", "rename", "Nope", "Other"),
        ("story", "detach", "Nope", "1"),
    ],
)
def test_an_unknown_story_is_one_line(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str], argv
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 1 and err == "dossier: no story named 'Nope' (see `dossier story list`)\n"


def test_story_names_are_unique_regardless_of_case(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "story", "add", "Elections")
    code, _, err = run(capsys, "story", "add", "ELECTIONS")
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "tag", "add", "x", "999")
    assert code == 1 and "no article with id 999" in err


def test_a_newer_text_of_a_trashed_article_brings_it_back_updated(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, storm = feed
    run(capsys, "notes", "add", str(storm), "--quote", "strong storm")
    run(capsys, "delete", str(storm))
    path.write_text(FEED.replace("several roads", "many roads"), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and "updated 1" in out
    assert "many roads" in _json(capsys, "show", str(storm))["text"]
    assert storm in _ids(capsys, "search", "roads")
    assert [n["article"] for n in _json(capsys, "notes", "list")] == [storm]
    assert _json(capsys, "trash", "list") == []


def test_importing_a_trashed_text_again_brings_the_article_back(
    feed: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, budget, _ = feed
    run(capsys, "delete", str(budget))
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and "duplicates 2" in out
    assert budget in _ids(capsys, "list") and _json(capsys, "trash", "list") == []
    assert budget in _ids(capsys, "search", "parliament")
