from __future__ import annotations

import subprocess
import sys

from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import connect, migrate, schema_version


def test_highlights_migration_upgrades_every_earlier_version(tmp_path) -> None:
    for earlier in range(4):
        conn = connect(tmp_path / f"v{earlier}.sqlite3", migrate_schema=False)
        migrate(conn, earlier)
        if earlier:
            conn.execute(
                "INSERT INTO articles (title, added, text, content_hash, words)"
                " VALUES ('Old', 'then', 'An article from before notes.', 'h', 5)"
            )
        assert migrate(conn) == schema_version(conn) >= 4
        notebook = Notebook(conn)
        assert [c.name for c in notebook.categories()][:1] == ["key-fact"]
        if earlier:
            assert notebook.add_quote(1, "before notes").content_hash == "h"


def test_notes_core_never_imports_qt() -> None:
    code = (
        "import sys, desktop.core.notes.notebook, desktop.core.notes.export,"
        " desktop.core.notes.importer, desktop.core.notes.backups, desktop.core.notes.history;"
        " sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
