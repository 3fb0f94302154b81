from __future__ import annotations

import subprocess
import sys

from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import connect, migrate, migrations, schema_version


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


ANCHOR_STATE = next(m.version for m in migrations() if m.name.endswith("_anchor_state.sql"))


def test_anchor_state_migration_keeps_every_note_exact_with_its_quote_as_original(
    tmp_path,
) -> None:
    for earlier in range(4, ANCHOR_STATE):
        conn = connect(tmp_path / f"v{earlier}.sqlite3", migrate_schema=False)
        migrate(conn, earlier)
        conn.execute(
            "INSERT INTO articles (title, added, text, content_hash, words)"
            " VALUES ('Old', 'then', 'An article from before anchor states.', 'h', 6)"
        )
        conn.execute(
            'INSERT INTO highlights (id, article_id, start, "end", quote, content_hash,'
            " category, created, modified, orphan)"
            " VALUES ('a', 1, 3, 10, 'article', 'h', 'key-fact', 't', 't', 0),"
            " ('b', 1, 0, 4, 'gone', 'old', 'key-fact', 't', 't', 1)"
        )
        assert migrate(conn) >= ANCHOR_STATE
        notebook = Notebook(conn)
        placed, orphan = notebook.get("a"), notebook.get("b")
        assert (placed.anchor, placed.original_quote) == ("exact", "article")
        assert (orphan.anchor, orphan.original_quote) == ("orphan", "gone")
        conn.close()
