"""Entry point of the frozen bundle: the same front door as the ``dossier`` command."""

from __future__ import annotations

from desktop.cli import main

raise SystemExit(main())
