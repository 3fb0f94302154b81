"""Entry point of the frozen bundle: the same front door as the ``dossier`` command.

The window reads imported files in a child process started with ``spawn``; in the bundle that
child is this program again, and ``freeze_support`` turns it into the child (it returns at once
in every other case).
"""

from __future__ import annotations

import multiprocessing

multiprocessing.freeze_support()

from desktop.cli import main  # noqa: E402  (after freeze_support: a child needs no CLI)

raise SystemExit(main())
