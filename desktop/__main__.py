"""`python -m desktop` runs the same front door as the `dossier` command."""

from desktop.cli import main

raise SystemExit(main())
