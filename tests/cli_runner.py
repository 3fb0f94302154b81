"""Running ``dossier`` in-process for the end-to-end command tests."""

from __future__ import annotations

import pytest

from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of ``dossier ARGV…``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
