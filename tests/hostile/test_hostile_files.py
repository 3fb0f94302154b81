"""Files no article should be: bombs, 30 MB one-liners, FIFOs, loops, unreadable files and
folders, links out of the folder, names that are not UTF-8.

Each case runs ``dossier import`` (in this process under an alarm, so a hang is caught without a
ten-second subprocess each) and expects a stored article or one line naming the file; a whole
folder then goes through a real process to show the batch survives.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from tests.hostile.cli import (
    HANG_SECONDS,
    assert_clean,
    assert_fails_cleanly,
    dossier,
    dossier_in_process,
    time_limit,
)
from tests.hostile.hostile_files import (
    PASSWD_MARK,
    STORY,
    fifo,
    non_utf8_file,
    one_line_files,
    symlink_loop,
    write_all,
    xml_bombs,
)

LARGE = 30 * 1024 * 1024


def _stored_texts() -> str:
    listed = dossier_in_process("list", "--json")
    shown = [dossier_in_process("show", "--json", str(a["id"])) for a in json.loads(listed.out)]
    return "\n".join(json.loads(s.out)["text"] + json.loads(s.out)["title"] for s in shown)


@pytest.mark.parametrize("name", list(xml_bombs()))
def test_xml_bomb_is_refused_or_read_without_expanding(name: str, tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, {name: xml_bombs()[name]})
    run = dossier_in_process("import", str(path))
    assert_clean(run)
    if run.code != 0:
        assert_fails_cleanly(run, str(path))
    texts = _stored_texts()
    assert PASSWD_MARK not in texts, "a file reached outside itself"
    assert "lollollol" not in texts and len(texts) < 1_000_000


@pytest.mark.parametrize("name", list(one_line_files(16)))
def test_30_mb_one_line_file_is_refused_at_once(name: str, tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, {name: one_line_files(LARGE)[name]})
    run = dossier_in_process("import", str(path), timeout=5)
    assert_fails_cleanly(run, str(path))
    assert "too large" in run.err


@pytest.mark.parametrize("command", [["summarize"], ["entities"], ["notes", "import"]])
def test_30_mb_one_line_file_given_to_other_commands(command: list[str], tmp_path: Path) -> None:
    path = tmp_path / "one-line.json"
    path.write_bytes(b'{"items": ["' + b"x" * LARGE + b'"]}')
    run = dossier_in_process(*command, str(path), timeout=5)
    assert_fails_cleanly(run, str(path))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_long_one_line_article_imports_in_time(suffix: str, tmp_path: Path) -> None:
    """200 KB on one line (a page saved without line breaks): imported well within 10 s."""
    (path,) = write_all(tmp_path, {f"long{suffix}": one_line_files(200_000)[f"one-line{suffix}"]})
    run = dossier(tmp_path / "home", "import", path, timeout=5)
    assert_clean(run)
    assert run.code == 0, run.describe()


UNCLOSED_MARKERS = ["*", "_", "**", "~~", "[", "!["]
"""Emphasis, strike-through and link openers never closed (footnote stars, legal brackets)."""


def _unclosed_markdown(size: int, markers: list[str]) -> bytes:
    """A paragraph dense with openers (``*x _x [x …``): each one scans the rest of the line."""
    unit = " ".join(f"{m}x" for m in markers) + " "
    return (f"{STORY} " + unit * (size // len(unit) + 1)).encode()[:size]


def test_markdown_with_unclosed_markers_reads_without_hanging(tmp_path: Path) -> None:
    """The issue's case: 200 KB of openers took minutes when each rescanned the line."""
    from desktop.core.library.importers import read_articles

    (path,) = write_all(tmp_path, {"notes.md": _unclosed_markdown(200_000, UNCLOSED_MARKERS)})
    with time_limit(HANG_SECONDS):
        assert read_articles(path)


@pytest.mark.fuzz
@pytest.mark.parametrize("marker", UNCLOSED_MARKERS)
def test_200_kb_markdown_with_unclosed_markers_imports_in_time(marker: str, tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, {"notes.md": _unclosed_markdown(200_000, [marker])})
    run = dossier(tmp_path / "home", "import", path)
    assert_clean(run)
    assert run.code == 0, run.describe()


@pytest.mark.fuzz
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".xml"])
def test_19_mb_one_line_article_imports_and_is_searched_in_time(
    suffix: str, tmp_path: Path
) -> None:
    """Just under the 20 MiB limit: imported (or refused in one line), then searched
    (snippets), each within 10 s."""
    size = 19 * 1024 * 1024
    (path,) = write_all(tmp_path, {f"huge{suffix}": one_line_files(size)[f"one-line{suffix}"]})
    home = tmp_path / "home"
    run = dossier(home, "import", path)
    if run.code != 0:
        assert_fails_cleanly(run, str(path))
        return
    found = dossier(home, "search", "budget")
    assert_clean(found)
    assert found.code == 0 and "budget" in found.out


def test_fifo_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    for name in ("feed.xml", "story.txt", "no-suffix"):
        path = fifo(tmp_path / name)
        assert_fails_cleanly(dossier_in_process("import", str(path), timeout=3), str(path))
    for command in (["summarize"], ["entities"]):
        assert_fails_cleanly(dossier_in_process(*command, str(path), timeout=3), str(path))


def test_fifo_given_to_notes_import_is_refused(tmp_path: Path) -> None:
    path = fifo(tmp_path / "notes.json")
    assert_fails_cleanly(dossier_in_process("notes", "import", str(path), timeout=1), str(path))


def test_fifo_in_a_folder_does_not_stop_the_import(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    write_all(folder, {"a.md": f"# A\n\n{STORY}\n".encode()})
    path = fifo(folder / "b.txt")
    run = dossier(tmp_path / "home", "import", folder)
    assert_fails_cleanly(run, str(path))
    assert run.out.startswith("Imported 1,"), run.describe()


def test_symlink_loop_named_or_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "loops"
    loop = symlink_loop(folder)
    write_all(folder, {"c.md": f"# C\n\n{STORY}\n".encode()})
    assert_fails_cleanly(dossier_in_process("import", str(loop), timeout=3), str(loop))
    run = dossier(tmp_path / "home", "import", folder)
    assert_clean(run)
    assert "Imported 1," in run.out, run.describe()


def test_folder_import_does_not_follow_a_link_out_of_the_folder(tmp_path: Path) -> None:
    secret = tmp_path / "private" / "passwords.txt"
    write_all(secret.parent, {secret.name: f"{PASSWD_MARK}:secret\n{STORY}\n".encode()})
    folder = tmp_path / "folder"
    write_all(folder, {"a.md": f"# A\n\n{STORY} Again.\n".encode()})
    (folder / "leak.txt").symlink_to(secret)
    run = dossier_in_process("import", str(folder))
    assert_clean(run)
    assert PASSWD_MARK not in _stored_texts()


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch):
    """Make paths unreadable as mode 000 does: for real (chmod) and, because root reads
    everything, by refusing them at ``os.open``, ``io.open`` and ``os.scandir`` with
    ``EACCES``."""
    denied: set[str] = set()
    real_open, real_os_open, real_scandir = io.open, os.open, os.scandir

    def deny(path: Path) -> Path:
        path.chmod(0)
        denied.add(str(path))
        return path

    def check(path: object) -> None:
        if isinstance(path, str | os.PathLike) and os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))

    def guarded_open(file, *args, **kwargs):
        check(file)
        return real_open(file, *args, **kwargs)

    def guarded_os_open(path, *args, **kwargs):
        check(path)
        return real_os_open(path, *args, **kwargs)

    def guarded_scandir(path="."):
        check(path)
        return real_scandir(path)

    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    yield deny
    for path in denied:
        Path(path).chmod(0o755)


def test_mode_000_file_is_named(tmp_path: Path, unreadable) -> None:
    path = unreadable(write_all(tmp_path, {"locked.md": f"# L\n\n{STORY}\n".encode()})[0])
    for command in (["import"], ["summarize"], ["entities"], ["notes", "import"]):
        run = dossier_in_process(*command, str(path))
        assert_fails_cleanly(run, str(path))
        assert "ermission denied" in run.err, run.describe()


def test_mode_000_folder_is_named_not_skipped(tmp_path: Path, unreadable) -> None:
    folder = tmp_path / "folder"
    write_all(folder, {"a.md": f"# A\n\n{STORY}\n".encode()})
    write_all(folder / "sub", {"b.md": f"# B\n\n{STORY} B.\n".encode()})
    unreadable(folder / "sub")
    run = dossier_in_process("import", str(folder))
    assert_fails_cleanly(run, str(folder / "sub"))


@pytest.mark.parametrize("how", ["named", "in-folder"])
def test_file_name_that_is_not_utf8_imports(how: str, tmp_path: Path) -> None:
    path = non_utf8_file(tmp_path / "folder")
    run = dossier(tmp_path / "home", "import", path if how == "named" else path.parent)
    assert_clean(run)
    assert run.code == 0 and run.out.startswith("Imported 1,"), run.describe()


def test_file_name_that_is_not_utf8_is_summarised(tmp_path: Path) -> None:
    path = non_utf8_file(tmp_path / "folder")
    run = dossier(tmp_path / "home", "summarize", path)
    assert_clean(run)
    assert run.code == 0 and "council" in run.out, run.describe()
