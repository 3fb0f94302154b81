"""Arguments a shell can pass that Python finds awkward: bytes that are not UTF-8, numbers
beyond SQLite's integers, digits that are not ASCII. Real processes, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.cli import assert_clean, assert_fails_cleanly, dossier, dossier_in_process
from tests.hostile.hostile_files import NON_UTF8, STORY

HUGE = "99999999999999999999999"


@pytest.fixture
def article(add_article) -> int:
    return add_article(f"{STORY} The café stayed open.")


@pytest.mark.parametrize(
    "argv",
    [
        ["notes", "add", "{id}", "--quote", b"caf\xe9"],
        ["search", NON_UTF8],
        ["summarize", b"/tmp/no-such-" + NON_UTF8],
    ],
    ids=["notes-add-quote", "search", "summarize-missing-file"],
)
def test_non_utf8_argument_is_handled(argv: list[str | bytes], article: int, dossier_home) -> None:
    run = dossier(dossier_home, *[a.format(id=article) if isinstance(a, str) else a for a in argv])
    assert_clean(run)


@pytest.mark.parametrize(
    "argv",
    [
        ["notes", "add", "{id}", "--quote", "council", "--note", NON_UTF8],
        ["notes", "add", "{id}", "--quote", "council", "--tag", NON_UTF8],
        ["notes", "export", "--format", "md", "--tag", NON_UTF8],
        ["notes", "export", "--format", "json", "--category", NON_UTF8],
        ["watch", "add", NON_UTF8],
        ["correct", "rename", NON_UTF8, "Ana"],
        ["correct", "not-entity", NON_UTF8],
    ],
    ids=["notes-add-note", "notes-add-tag", "export-tag", "export-category", "watch-add",
         "correct-rename", "correct-not-entity"],
)  # fmt: skip
def test_non_utf8_argument_is_refused_or_stored(
    argv: list[str | bytes], article: int, dossier_home
) -> None:
    """Stored, or refused in one line naming the argument (a usage error); never a
    UnicodeEncodeError traceback."""
    run = dossier(dossier_home, *[a.format(id=article) if isinstance(a, str) else a for a in argv])
    assert_clean(run)
    assert run.code == 0 or "not valid UTF-8" in run.err, run.describe()


@pytest.mark.parametrize(
    "argv",
    [
        ["show", HUGE],
        ["mark", HUGE, "--read"],
        ["notes", "add", HUGE, "--quote", "x"],
        ["notes", "list", "--article", HUGE],
        ["notes", "export", "--format", "md", "--article", HUGE],
        ["list", "--limit", HUGE],
        ["search", "x", "--limit", HUGE],
        ["show", "²"],
    ],
)
def test_an_id_beyond_the_library_is_a_usage_error(argv: list[str]) -> None:
    """Regression: any number over 2^63 raised OverflowError from SQLite with a traceback."""
    run = dossier_in_process(*argv)
    assert_clean(run)
    assert run.code == 2 and "error: argument" in run.err, run.describe()


@pytest.mark.parametrize(
    "argv",
    [["watch", "remove", HUGE], ["watch", "remove", "⁰⁴⁵"], ["summarize", HUGE], ["entities", "²"]],
)
def test_a_name_that_looks_like_a_number_is_a_name(argv: list[str]) -> None:
    """Regression: `watch remove ⁰⁴⁵` raised ValueError, `watch remove <huge>` OverflowError."""
    run = dossier_in_process(*argv)
    assert_fails_cleanly(run, argv[-1])


def test_a_watched_name_of_digits_is_removed_by_name() -> None:
    assert dossier_in_process("watch", "add", "--", "⁰⁴⁵").code == 0
    assert dossier_in_process("watch", "remove", "⁰⁴⁵").code == 0
    listed = dossier_in_process("watch", "list")
    assert listed.code == 0 and "⁰⁴⁵" not in listed.out


def test_non_utf8_file_name_in_json_report(tmp_path: Path, dossier_home) -> None:
    from tests.hostile.hostile_files import non_utf8_file

    path = non_utf8_file(tmp_path / "in")
    run = dossier(dossier_home, "import", "--json", path)
    assert_clean(run)
    assert run.code == 0, run.describe()
