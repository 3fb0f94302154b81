"""What the window remembers between runs, in ``settings.ini`` in the user's config folder.

An INI file (not the registry or a plist) so it is the same on every platform, lives next to the
rest of a portable install and can be read by a person.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.library.reading_position import ReadingPosition
from desktop.core.paths import user_paths

MAX_POSITIONS = 500


class WindowSettings:
    """Typed access to the remembered window state; every getter has a safe default."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_paths().ensure().settings
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._positions: dict[int, ReadingPosition] | None = None

    def sync(self) -> None:
        self._qs.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._qs.value(key, default))
        except (TypeError, ValueError):
            return default

    def _float(self, key: str, default: float) -> float:
        try:
            return float(self._qs.value(key, default))
        except (TypeError, ValueError):
            return default

    # window layout
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def splitter_sizes(self, name: str) -> list[int]:
        raw = self._qs.value(f"splitters/{name}", [])
        values = raw if isinstance(raw, list) else [raw]
        try:
            return [int(v) for v in values if str(v).strip()]
        except (TypeError, ValueError):
            return []

    def set_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        self._qs.setValue(f"splitters/{name}", [int(s) for s in sizes])

    def side_tab(self) -> int:
        return self._int("window/side_tab", 0)

    def set_side_tab(self, index: int) -> None:
        self._qs.setValue("window/side_tab", int(index))

    # the open article
    def open_article(self) -> int:
        return self._int("reader/article", 0)

    def set_open_article(self, article_id: int) -> None:
        self._qs.setValue("reader/article", int(article_id))

    def reading_positions(self) -> dict[int, ReadingPosition]:
        """Where each recently read article was left, the most recent last."""
        if self._positions is None:
            self._positions = _parse_positions(self._qs.value("reader/positions", ""))
        return self._positions

    def set_reading_position(self, article_id: int, position: ReadingPosition) -> None:
        """Remember ``position`` for ``article_id``; only the ``MAX_POSITIONS`` most recently
        left articles are kept, so the file stays small in a library of 100,000."""
        positions = self.reading_positions()
        positions.pop(article_id, None)
        positions[article_id] = position
        while len(positions) > MAX_POSITIONS:
            del positions[next(iter(positions))]
        rows = [[i, p.offset, p.content_hash, p.context] for i, p in positions.items()]
        self._qs.setValue("reader/positions", json.dumps(rows, ensure_ascii=False))

    def font_size(self) -> float:
        return self._float("reader/font_size", 0.0)

    def set_font_size(self, points: float) -> None:
        self._qs.setValue("reader/font_size", float(points))

    # the summary pane
    def summary_method(self) -> str:
        return str(self._qs.value("summary/method", "") or "")

    def set_summary_method(self, name: str) -> None:
        self._qs.setValue("summary/method", name)

    # copying with a citation
    def citation_style(self) -> str:
        """The style chosen for *Copy with Citation*; an unknown one (a later version's) reads
        as the default."""
        from desktop.core.library.citation import DEFAULT_STYLE, STYLES

        value = str(self._qs.value("citation/style", DEFAULT_STYLE) or "")
        return value if value in STYLES else DEFAULT_STYLE

    def set_citation_style(self, style: str) -> None:
        self._qs.setValue("citation/style", style)

    # the library list
    def library_sort(self) -> tuple[int, bool]:
        return self._int("library/sort_column", 2), self._int("library/sort_descending", 1) == 1

    def set_library_sort(self, column: int, descending: bool) -> None:
        self._qs.setValue("library/sort_column", int(column))
        self._qs.setValue("library/sort_descending", int(descending))

    def hidden_columns(self) -> list[str]:
        raw = self._qs.value("library/hidden_columns", [])
        values = raw if isinstance(raw, list) else [raw]
        return [str(v) for v in values if str(v).strip()]

    def set_hidden_columns(self, keys: list[str]) -> None:
        self._qs.setValue("library/hidden_columns", list(keys))


def _parse_positions(raw: object) -> dict[int, ReadingPosition]:
    """The stored positions; anything malformed (a hand-edited file) is skipped."""
    try:
        rows = json.loads(str(raw or "[]"))
    except ValueError:
        return {}
    positions: dict[int, ReadingPosition] = {}
    for row in rows if isinstance(rows, list) else []:
        if (
            isinstance(row, list)
            and len(row) == 4
            and all(isinstance(v, int) for v in row[:2])
            and all(isinstance(v, str) for v in row[2:])
        ):
            positions[row[0]] = ReadingPosition(row[1], row[2], row[3])
    return positions
