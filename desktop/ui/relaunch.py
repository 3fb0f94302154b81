"""Starting Dossier again, as it was started, once this process is about to end (after a
library restore, which the running window cannot take over in place)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess


def relaunch_command() -> list[str]:
    """This process's command line (the interpreter and ``-m desktop`` or the ``dossier-gui``
    script; the bundle's executable), without a ``dossier://`` link already opened."""
    if getattr(sys, "frozen", False):
        args = sys.argv[1:]
    else:
        args = list(getattr(sys, "orig_argv", sys.argv))[1:]
    return [sys.executable, *(a for a in args if not a.startswith("dossier:"))]


def relaunch() -> bool:
    """Start a new Dossier process (detached: it outlives this one); whether it started."""
    program, *args = relaunch_command()
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)
