"""Reading commands start fast: they never import the language, parsing or matching libraries,
nor the smaller modules only some paths need (``SOME_PATHS``).

Each command runs in a fresh interpreter (the test process has imported everything already)
and reports which of the watched modules ended up in ``sys.modules``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import COMMAND_MODULES, build_parser
from desktop.commands.post_import import when_imported

HEAVY = (
    "numpy", "nltk", "sumy", "pycrfsuite", "lxml", "rapidfuzz", "trafilatura", "feedparser",
    "pypdfium2", "docx", "wordfreq",
)  # fmt: skip

# Each module (each costs a listing a visible part of its start) and what needs it.
SOME_PATHS = {
    "shutil": "argparse, for the terminal width of help and usage",
    "logging": "core code that warns (summaries, entities, importers)",
    "threading": "logging, and searches spread over several reader connections",
    "platformdirs": "the user folders when DOSSIER_HOME is not set",
    "desktop.core.library.ranking": "search",
    "desktop.core.library.snippets": "search",
    "desktop.core.models.text": "sentences, summaries, entities, key terms",
    "desktop.core.models.notes": "highlights",
    "dataclasses": "the models of every other path (Frozen values stand in on the reading one)",
    "inspect": "dataclasses",
    "json": "JSON output, and storing an article's edited fields",
    "unicodedata": "adding an article (its content hash)",
    "hashlib": "adding an article (its content hash)",
}
# What each command of the test below needs of them (by its command line).
SEARCH = ("search", "president")
NEEDS = {
    SEARCH: {"threading", "desktop.core.library.ranking", "desktop.core.library.snippets"},
    ("--version",): {"shutil"},  # argparse formats (and may wrap) the version text like help
    ("list", "--json"): {"json"},
    ("versions", "1"): {"dataclasses", "inspect"},  # the versions' records
}

# Runs ``dossier ARGV…`` and prints, after its output, the heavy packages it loaded and the
# modules of SOME_PATHS.
SCRIPT = """
import sys
from desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(HEAVY)))
some = sorted(set(sys.modules) & set(json.loads(SOME_PATHS)))
import json
print("\\nLOADED " + json.dumps({"code": code, "loaded": loaded, "some": some}))
"""


def _report(*argv: str) -> tuple[dict, str]:
    script = SCRIPT.replace("json.loads(HEAVY)", repr(list(HEAVY)))
    script = script.replace("json.loads(SOME_PATHS)", repr(list(SOME_PATHS)))
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    marker = done.stdout.rindex("LOADED ")
    return json.loads(done.stdout[marker + len("LOADED ") :]), done.stdout[:marker]


def _loaded_by(*argv: str) -> tuple[int, list[str], str]:
    report, out = _report(*argv)
    return report["code"], report["loaded"], out


@pytest.fixture
def seeded_library() -> None:
    """A library that already holds the samples (adding them reads files with the parsers,
    once, on the very first start), searched once (the first search reads the bundled
    knowledge into the cache folder's file of known spellings)."""
    code, _, _ = _loaded_by("list")
    assert code == 0
    code, _, _ = _loaded_by(*SEARCH)
    assert code == 0


@pytest.mark.parametrize(
    "argv",
    [
        ("--version",),
        ("list",),
        ("show", "1"),
        SEARCH,
        ("list", "--json"),
        ("versions", "1"),
    ],
)
def test_reading_commands_import_no_heavy_library(seeded_library: None, argv: tuple[str]) -> None:
    report, out = _report(*argv)
    assert report["code"] == 0
    assert out.strip(), "the command printed nothing, so it proved nothing"
    assert report["loaded"] == []
    allowed = NEEDS.get(argv, set())
    assert set(report["some"]) <= allowed, {m: SOME_PATHS[m] for m in report["some"]}


def test_the_watched_modules_do_load_where_they_are_needed(seeded_library: None) -> None:
    """The check above can fail: a module imported on its path shows up in it."""
    report, out = _report(*SEARCH)
    assert "president" in out.lower()
    assert NEEDS[SEARCH] <= set(report["some"])
    report, out = _report("list", "--json")
    assert json.loads(out) and "json" in report["some"]
    report, _ = _report("summarize", "1")
    assert {"logging", "desktop.core.models.text", "dataclasses"} <= set(report["some"])


@pytest.mark.parametrize(
    ("write", "read"),
    [
        (("watch", "add", "Zelenskyy"), ("watch", "list")),
        (("correct", "rename", "Zelenskyy", "President Zelenskyy"), ("correct", "list")),
    ],
)
def test_watchlist_and_corrections_load_no_recogniser(
    seeded_library: None, write: tuple[str, ...], read: tuple[str, ...]
) -> None:
    for argv in (write, read):
        code, loaded, _ = _loaded_by(*argv)
        assert code == 0
        assert loaded == []
    assert "Zelenskyy" in _loaded_by(*read)[2]


def test_summarize_still_loads_the_summarisers(seeded_library: None) -> None:
    """The check above can fail: a command that needs the language stack shows up in it."""
    code, loaded, _ = _loaded_by("summarize", "1", "--method", "lexrank")
    assert code == 0
    assert "numpy" in loaded and "sumy" in loaded


def test_help_lists_every_command_without_heavy_imports() -> None:
    code, loaded, out = _loaded_by("--help")
    assert code == 0
    for words in COMMAND_MODULES.values():
        for word in words:
            assert word in out
    assert loaded == []


def test_command_table_names_what_each_module_registers() -> None:
    for module, words in COMMAND_MODULES.items():
        commands = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(commands)
        assert tuple(commands.choices) == words, module


def test_a_command_parses_and_helps_the_same_with_only_its_module(
    capsys: pytest.CaptureFixture[str],
) -> None:
    full, lean = build_parser(), build_parser(["search"])
    assert lean.parse_args(["search", "a", "b", "--limit", "3"]) == full.parse_args(
        ["search", "a", "b", "--limit", "3"]
    )
    for words in COMMAND_MODULES.values():
        for word in words:
            helps = []
            for parser in (build_parser(), build_parser([word])):
                with pytest.raises(SystemExit):
                    parser.parse_args([word, "--help"])
                helps.append(capsys.readouterr().out)
            assert helps[0].startswith(f"usage: dossier {word}")
            assert helps[0] == helps[1]


def test_version_needs_no_command_module(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(["--version"]).parse_args(["--version"])
    assert capsys.readouterr().out == f"dossier {__version__}\n"


def test_a_core_warning_is_one_line_when_logging_loads_after_the_command_starts() -> None:
    """In a fresh interpreter ``logging`` is imported only by the code that warns, after the
    command has started: the warning line still appears, in the command's form."""
    script = (
        "import sys\n"
        "from desktop.cli import _print_warnings\n"
        "_print_warnings()\n"
        "assert 'logging' not in sys.modules\n"
        "import logging\n"
        "logging.getLogger('desktop.core.anything').warning('cannot cache %s', 'it')\n"
        "assert logging.__spec__.loader.__class__.__name__ == 'SourceFileLoader'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "dossier: warning: cannot cache it\n"


def test_when_imported_runs_after_the_module_and_steps_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "startup_probe.py").write_text("VALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    seen: list[int] = []
    when_imported("startup_probe", lambda: seen.append(sys.modules["startup_probe"].VALUE))
    finders = list(sys.meta_path)
    try:
        import startup_probe  # noqa: F401
    finally:
        sys.modules.pop("startup_probe", None)
    assert seen == [42]
    assert sys.meta_path == finders[1:]
    when_imported("json", lambda: seen.append(0))  # already imported: at once
    assert seen == [42, 0]


def test_help_is_as_wide_as_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Building the parser without asking the width must not fix help at one width."""
    lines = []
    for columns in ("60", "140"):
        monkeypatch.setenv("COLUMNS", columns)
        with pytest.raises(SystemExit):
            build_parser(["list"]).parse_args(["list", "--help"])
        lines.append(capsys.readouterr().out.splitlines())
    assert len(lines[0]) > len(lines[1])
    assert max(map(len, lines[1])) > 80
