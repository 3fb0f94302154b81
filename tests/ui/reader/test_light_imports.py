"""The window must paint before the language stack loads: the reading panes import none of it."""

from __future__ import annotations

import subprocess
import sys


def test_reading_panes_do_not_import_the_language_stack() -> None:
    code = (
        "import sys\n"
        "import desktop.ui.reader.reader_view, desktop.ui.summary.summary_pane\n"
        "import desktop.ui.entities.entity_pane, desktop.ui.watchlist.watchlist_dialog\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sumy', 'nltk', 'numpy'})\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
