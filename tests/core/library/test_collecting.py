"""Which files an import reads: no FIFO or device is opened, a folder walk stays inside the
folder and ends, and nothing unreadable is skipped in silence."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.library.collecting import (
    LINK_LOOP,
    NOT_REGULAR,
    PAGE_RESOURCES,
    UNSUPPORTED,
    collect_files,
)
from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importing import import_paths
from desktop.core.library.session import open_library
from tests.cli_runner import run

FIXTURES = Path(__file__).parent / "fixtures"
NOBODY = 65534


def found(paths: list[Path | str], root: Path) -> list[tuple[str, str]]:
    """``collect_files`` with paths relative to ``root`` and problems without file names."""
    return [
        (os.path.relpath(path, root), problem.replace(str(root), "ROOT"))
        for path, problem in collect_files(paths)
    ]


def test_fifos_and_devices_are_reported_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(FIXTURES / "headline.txt", folder / "story.txt")
    os.mkfifo(folder / "feed.xml")  # opening it would wait for a writer for ever
    os.mkfifo(tmp_path / "named.txt")
    outcome: list[object] = []

    def work() -> None:
        with open_library(seed=False) as library:
            outcome.append(import_paths(library, [folder, tmp_path / "named.txt", "/dev/zero"]))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "the import blocked on a FIFO"
    (report,) = outcome
    assert len(report.imported) == 1
    assert [(f.path.name, f.error) for f in report.failures] == [
        ("feed.xml", f"{folder / 'feed.xml'}: {NOT_REGULAR}"),
        ("named.txt", f"{tmp_path / 'named.txt'}: {NOT_REGULAR}"),
        ("zero", f"/dev/zero: {NOT_REGULAR}"),
    ]


def test_a_folder_walk_does_not_follow_links_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nNot for the library.\n")
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "inside.txt").write_text("Inside\n\nA story.\n")
    (folder / "sub" / "deep.md").write_text("# Deep\n\nAnother story.\n")
    (folder / "escape.txt").symlink_to(outside / "secret.txt")
    (folder / "escape-dir").symlink_to(outside)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "alias.txt").symlink_to(folder / "inside.txt")  # inside: fine
    (folder / "picture.jpg").symlink_to("/etc/hostname")  # another type: skipped, never read
    assert found([folder], tmp_path) == [
        ("folder/alias.txt", ""),
        ("folder/escape-dir", "symbolic link to ROOT/outside, outside the folder: not followed"),
        (
            "folder/escape.txt",
            "symbolic link to ROOT/outside/secret.txt, outside the folder: not followed",
        ),
        ("folder/inside.txt", ""),
        ("folder/passwd.txt", "symbolic link to /etc/passwd, outside the folder: not followed"),
        ("folder/picture.jpg", UNSUPPORTED),
        ("folder/sub/deep.md", ""),
    ]


def test_named_links_to_regular_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(FIXTURES / "headline.txt")
    assert found([tmp_path / "link.txt"], tmp_path) == [("link.txt", "")]
    assert read_articles(tmp_path / "link.txt")


def test_link_loops_end_and_each_folder_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "story.txt").write_text("Story\n\nText.\n")
    (folder / "a" / "b" / "up").symlink_to(folder)  # back to the top: a loop
    (folder / "again").symlink_to(folder / "a")  # a second way into a/
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    (folder / "ring").symlink_to(folder / "ring")
    assert found([folder, folder / "self.txt"], tmp_path) == [
        ("folder/ring", LINK_LOOP),
        ("folder/self.txt", LINK_LOOP),
        ("folder/a/b/story.txt", ""),
        ("folder/self.txt", LINK_LOOP),
    ]


def test_a_deeply_nested_folder_is_walked_without_recursion_limits(tmp_path: Path) -> None:
    levels = [tmp_path / "top"]
    for _ in range(1200):  # deeper than Python's recursion limit (mkdir -p and rmtree recurse)
        levels.append(levels[-1] / "d")
    for level in levels:
        level.mkdir()
    story = levels[-1] / "story.txt"
    story.write_text("Deep\n\nText.\n")
    try:
        assert list(collect_files([levels[0]])) == [(story, "")]
    finally:
        story.unlink()
        for level in reversed(levels):
            level.rmdir()


def _unreadable_scandir(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """``os.scandir`` refusing ``denied`` as it does for a folder of mode 000 (not as root)."""
    real = os.scandir

    def scandir(path: object) -> Iterator[os.DirEntry[str]]:
        if Path(os.fspath(path)) == denied:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_a_failure_and_the_import_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    (folder / "closed").mkdir(parents=True)
    (folder / "closed" / "hidden-story.txt").write_text("Hidden\n\nText.\n")
    shutil.copy(FIXTURES / "headline.txt", folder / "open.txt")
    _unreadable_scandir(monkeypatch, folder / "closed")
    code, out, err = run(capsys, "import", "--json", str(folder))
    assert code == 1
    report = json.loads(out)
    assert len(report["imported"]) == 1
    assert report["failed"] == [
        {
            "path": str(folder / "closed"),
            "reason": f"{folder / 'closed'}: cannot read the folder (Permission denied)",
        }
    ]
    assert "Traceback" not in err


def _as_unprivileged(work: Callable[[], object]) -> object:
    """``work()`` in a forked child that has dropped root (as ``nobody``), so file modes bite
    as they do for a user; returns what it returned (JSON-able)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            with os.fdopen(write_end, "w") as out:
                json.dump(work(), out)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end) as source:
        text = source.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return json.loads(text)


def test_unreadable_folders_and_files_are_reported_for_a_real_user() -> None:
    # Under /tmp with open modes, not pytest's root-only tmp_path, so ``nobody`` can reach it.
    top = Path(tempfile.mkdtemp(prefix="dossier-modes-"))
    try:
        top.chmod(0o755)
        (top / "closed").mkdir()
        (top / "closed" / "inner.txt").write_text("Inner\n\nText.\n")
        (top / "locked.txt").write_text("Locked\n\nText.\n")
        (top / "open.txt").write_text("Open\n\nText.\n")
        (top / "closed").chmod(0)
        (top / "locked.txt").chmod(0)

        def work() -> list[list[str]]:
            rows = []
            for path, problem in collect_files([top]):
                if not problem:
                    try:
                        read_articles(path)
                    except UnreadableFile as exc:
                        problem = exc.reason
                rows.append([path.name, problem])
            return rows

        read_articles(top / "open.txt")  # the parsers' imports done before the fork
        assert _as_unprivileged(work) == [
            ["locked.txt", "cannot read the file (Permission denied)"],
            ["open.txt", ""],
            ["closed", "cannot read the folder (Permission denied)"],
        ]
    finally:
        for path in (top / "closed", top / "locked.txt"):
            path.chmod(stat.S_IRWXU)
        shutil.rmtree(top)


def test_a_fifo_swapped_in_after_listing_is_refused_without_blocking(tmp_path: Path) -> None:
    """The read itself refuses what is not a regular file: a FIFO that replaced a listed file
    between the folder walk and the read must not block the import."""
    from desktop.core.library.importers.decoding import read_file_bytes

    swapped = tmp_path / "story.txt"
    os.mkfifo(swapped)
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            read_file_bytes(swapped)
        except UnreadableFile as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert [str(e) for e in outcome] == [f"{swapped}: {NOT_REGULAR}"]


def test_the_resources_folder_of_a_page_saved_complete_is_skipped_whole(tmp_path: Path) -> None:
    # "Webpage, Complete": the page, and beside it its pictures, styles and frames, the frames
    # saved as pages of their own (an advertisement, a video player).
    folder = tmp_path / "saved"
    resources = folder / "Harbour bridge closed_files"
    resources.mkdir(parents=True)
    shutil.copy(FIXTURES / "article.html", folder / "Harbour bridge closed.html")
    (resources / "saved_resource.html").write_text("<html><body><p>Advertisement</p></body></html>")
    (resources / "style.css").write_text("p { margin: 0 }")
    # A folder so named without its page beside it is an ordinary folder.
    (folder / "interview_files").mkdir()
    shutil.copy(FIXTURES / "article.md", folder / "interview_files" / "transcript.md")
    assert found([folder], tmp_path) == [
        ("saved/Harbour bridge closed.html", ""),
        ("saved/Harbour bridge closed_files", PAGE_RESOURCES),
        ("saved/interview_files/transcript.md", ""),
    ]
    with open_library(seed=False) as library:
        report = import_paths(library, [folder])
    assert len(report.imported) == 2 and not report.failures
    (skipped,) = report.skipped
    assert (skipped.path, skipped.skipped) == (
        resources,
        "the pictures, styles and frames of a saved page",
    )
