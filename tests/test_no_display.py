"""`make run` on a machine without a display prints how to go on, never a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.app import main

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="display variables are X11/Wayland"
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="display variables are X11/Wayland"
)
def test_window_without_display_explains_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in DISPLAY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "no display" in err
    assert "QT_QPA_PLATFORM=offscreen" in err


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="display variables are X11/Wayland"
)
def test_python_dash_m_desktop_without_display_exits_cleanly() -> None:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    done = subprocess.run(
        [sys.executable, "-m", "desktop"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "dossier: no display found" in done.stderr
    assert "dossier list" in done.stderr
