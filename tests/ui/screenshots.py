"""`make screenshots`: the main window, light and dark, on the seed article.

Renders offscreen in a throw-away library (never the user's), waits until the reader is
coloured and the summary is shown, and saves ``docs/screenshots/main-light.png`` and
``main-dark.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1440, 900)
WAIT_S = 30.0


def wait_until(condition, timeout: float = WAIT_S) -> bool:
    """Run the event loop until ``condition()`` holds (or the timeout passes)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def settle(seconds: float = 0.3) -> None:
    wait_until(lambda: False, seconds)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="dossier-screenshots-") as home:
        os.environ["DOSSIER_HOME"] = home
        return render()


def render() -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_main_window
    from desktop.ui.theme import set_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Dossier")
    set_theme("light")
    window = build_main_window()
    window.resize(*SIZE)
    window.show()
    coloured: list[object] = []
    window.reader.entities_shown.connect(coloured.append)
    ready = wait_until(lambda: window.article is not None and bool(coloured))
    if not ready:
        print("warning: the reader was not coloured in time", file=sys.stderr)
    window.show_side_tab(0)
    window.summary_pane.show_in_text.setChecked(True)  # the summary tinted in the text
    window.reader.page.setFocus()
    settle(1.0)
    OUT.mkdir(parents=True, exist_ok=True)
    for name in ("light", "dark"):
        set_theme(name)
        settle()
        path = OUT / f"main-{name}.png"
        window.grab().save(str(path))
        print(f"wrote {path.relative_to(ROOT)}")
    window.close()
    window.finish_background_work()
    window.library.close()
    set_theme(None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
