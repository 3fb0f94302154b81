"""Reading commands start fast: they never import the language, parsing or matching libraries.

Each command runs in a fresh interpreter (the test process has imported everything already)
and reports which of the heavy packages ended up in ``sys.modules``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys

import pytest

from desktop import __version__
from desktop.cli import COMMAND_MODULES, build_parser

HEAVY = (
    "numpy", "nltk", "sumy", "pycrfsuite", "lxml", "rapidfuzz", "trafilatura", "feedparser",
    "pypdfium2", "docx", "wordfreq",
)  # fmt: skip

# Runs ``dossier ARGV…`` and prints, after its output, the heavy packages it loaded.
SCRIPT = """
import json, sys
from desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(HEAVY)))
print("\\nLOADED " + json.dumps({"code": code, "loaded": loaded}))
"""


def _loaded_by(*argv: str) -> tuple[int, list[str], str]:
    script = SCRIPT.replace("json.loads(HEAVY)", repr(list(HEAVY)))
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    marker = done.stdout.rindex("LOADED ")
    report = json.loads(done.stdout[marker + len("LOADED ") :])
    return report["code"], report["loaded"], done.stdout[:marker]


@pytest.fixture
def seeded_library() -> None:
    """A library that already holds the samples (adding them reads files with the parsers,
    once, on the very first start)."""
    code, _, _ = _loaded_by("list")
    assert code == 0


@pytest.mark.parametrize(
    "argv",
    [
        ("--version",),
        ("list",),
        ("show", "1"),
        ("search", "president"),
        ("list", "--json"),
        ("versions", "1"),
    ],
)
def test_reading_commands_import_no_heavy_library(seeded_library: None, argv: tuple[str]) -> None:
    code, loaded, out = _loaded_by(*argv)
    assert code == 0
    assert out.strip(), "the command printed nothing, so it proved nothing"
    assert loaded == []


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
