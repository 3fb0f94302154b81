"""The one place that builds and wires the GUI."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

NO_DISPLAY_MESSAGE = """\
dossier: no display found, so the window cannot open.
  - On a desktop session, run it from a terminal inside that session.
  - Headless (CI, SSH): QT_QPA_PLATFORM=offscreen dossier   (renders without a screen)
  - Or use the command line: dossier list | search | show | summarize | entities | notes"""


def display_available() -> bool:
    """Whether Qt can open a window here; checked before Qt would abort the process."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def main(argv: Sequence[str] | None = None) -> int:
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    window = QMainWindow()
    window.setWindowTitle("Dossier")
    window.setCentralWidget(QLabel("Dossier"))
    window.resize(1200, 800)
    window.show()
    return app.exec()
