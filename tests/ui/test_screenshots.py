"""`make screenshots` keeps working: with or without the shared Wikinews articles."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QImage

from desktop.core.library.session import open_library
from tests.ui import screenshots

RECORDS = [
    {
        "title": "Storm closes ports",
        "text": "A storm closed ports on Monday.",
        "date": "2019-01-02",
    },
    {"title": "Vote delayed", "text": "The vote was delayed by a week.", "date": "2019-02-03"},
]


def write_jsonl(path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def test_wikinews_articles_join_the_seed(tmp_path):
    with open_library() as library:
        seeded = library.store.count()
        assert screenshots.add_wikinews(library, write_jsonl(tmp_path / "news.jsonl")) == 2
        assert library.store.count() == seeded + 2
        titles = {a.title: a for a in library.store.iter_all()}
    assert titles["Vote delayed"].published == "2019-02-03"
    assert titles["Vote delayed"].source == "Wikinews"


def test_without_the_shared_data_the_seed_alone_is_shown(qtbot, tmp_path):
    with open_library() as library:
        assert screenshots.add_wikinews(library, tmp_path / "absent.jsonl") == 0
    written = screenshots.render(out=tmp_path / "shots", wikinews=tmp_path / "absent.jsonl")
    names = sorted(p.name for p in written)
    assert names == [
        "changes-light.png",
        "entities-light.png",
        "main-dark.png",
        "main-light.png",
        "notes-light.png",
        "notes-moved-light.png",
    ]
    for path in written:
        image = QImage(str(path))
        size = screenshots.CHANGES_SIZE if path.name.startswith("changes") else screenshots.SIZE
        assert (image.width(), image.height()) == size
        grid = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
        assert len(grid) > 20, f"{path.name} looks blank"
