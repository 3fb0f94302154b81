"""Colours by role name, in a light and a dark variant, safe for colour-blind readers.

Widgets ask for a role ("entity-leader", "summary-tint") instead of a colour, so one piece of
drawing code serves both themes and a theme change is one signal. The hues come from the
Okabe–Ito palette (distinguishable with every common colour-vision deficiency), darkened for
text on a light page and lightened for text on a dark page so they keep a readable contrast.
The theme follows the system colour scheme unless ``set_theme`` forces one (screenshots, tests).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

LIGHT_COLOURS: dict[str, str] = {
    "page": "#ffffff",
    "window": "#f3f3f1",
    "text": "#1d1d1f",
    "muted-text": "#5c5c63",
    "accent": "#0072b2",
    "entity-leader": "#b34700",  # Okabe–Ito vermillion, darkened
    "entity-person": "#0066a6",  # blue
    "entity-institution": "#00775a",  # bluish green, darkened
    "entity-place": "#a3407a",  # reddish purple, darkened
    "key-term": "#7a5a00",  # orange, darkened to a readable brown
    "watchlist": "#fbf28f",  # yellow, as a background
    "summary-tint": "#dcebf7",  # pale sky blue, as a background
    "flash": "#f0e442",
    "find-match": "#ffd27a",
    "highlight-yellow": "#fcf0a0",
    "highlight-green": "#c4ecd9",
    "highlight-blue": "#cfe6f8",
    "highlight-pink": "#f6d3e6",
    "highlight-orange": "#fbdcb5",
    "diff-deleted": "#b3261e",  # red text, struck through
    "diff-inserted": "#18703a",  # green text, underlined
}

DARK_COLOURS: dict[str, str] = {
    "page": "#1e1f22",
    "window": "#2a2b2f",
    "text": "#e6e6e3",
    "muted-text": "#a4a4aa",
    "accent": "#56b4e9",
    "entity-leader": "#ff9a5c",  # vermillion, lightened
    "entity-person": "#6cc0f0",  # sky blue
    "entity-institution": "#3fd0a4",  # bluish green, lightened
    "entity-place": "#e9a3cb",  # reddish purple, lightened
    "key-term": "#f0d65a",  # yellow-orange
    "watchlist": "#5c5400",
    "summary-tint": "#1f3a52",
    "flash": "#8a7d00",
    "find-match": "#7a5200",
    "highlight-yellow": "#5a5218",
    "highlight-green": "#1f4a3a",
    "highlight-blue": "#1f3d5c",
    "highlight-pink": "#5a2c46",
    "highlight-orange": "#5c3a14",
    "diff-deleted": "#ff8a80",
    "diff-inserted": "#7fdca0",
}

# The reader's colouring categories, in legend order, with the role that colours each one.
CATEGORY_ROLES: dict[str, str] = {
    "leader": "entity-leader",
    "person": "entity-person",
    "institution": "entity-institution",
    "place": "entity-place",
    "term": "key-term",
    "watchlist": "watchlist",
}


@dataclass(frozen=True)
class Theme:
    """A named set of colours; ``color(role)`` is what widgets call."""

    name: str
    colours: dict[str, str]

    @property
    def dark(self) -> bool:
        return self.name == "dark"

    def color(self, role: str) -> QColor:
        return QColor(self.colours[role])

    def palette(self) -> QPalette:
        """A widget palette matching this theme, so panes and the page agree."""
        pal = QPalette()
        page, window, text = self.color("page"), self.color("window"), self.color("text")
        muted, accent = self.color("muted-text"), self.color("accent")
        for role, colour in (
            (QPalette.ColorRole.Window, window),
            (QPalette.ColorRole.WindowText, text),
            (QPalette.ColorRole.Base, page),
            (QPalette.ColorRole.AlternateBase, window),
            (QPalette.ColorRole.Text, text),
            (QPalette.ColorRole.Button, window),
            (QPalette.ColorRole.ButtonText, text),
            (QPalette.ColorRole.ToolTipBase, page),
            (QPalette.ColorRole.ToolTipText, text),
            (QPalette.ColorRole.PlaceholderText, muted),
            (QPalette.ColorRole.Highlight, accent),
            (QPalette.ColorRole.HighlightedText, page),
            (QPalette.ColorRole.Link, accent),
        ):
            pal.setColor(role, colour)
        pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, muted)
        pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, muted)
        pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, muted)
        return pal


LIGHT = Theme("light", LIGHT_COLOURS)
DARK = Theme("dark", DARK_COLOURS)


class ThemeEvents(QObject):
    """Announces theme changes; ``changed`` carries the new Theme."""

    changed = Signal(object)


_forced: str | None = None
_events: ThemeEvents | None = None
_last: Theme | None = None


def theme_events() -> ThemeEvents:
    """The one notifier; connects to the system colour scheme on first use."""
    global _events
    if _events is None:
        _events = ThemeEvents()
        app = QGuiApplication.instance()
        if app is not None:
            app.styleHints().colorSchemeChanged.connect(lambda _scheme: _announce())
    return _events


def current_theme() -> Theme:
    """The forced theme if any, else the one matching the system colour scheme."""
    if _forced is not None:
        return DARK if _forced == "dark" else LIGHT
    app = QGuiApplication.instance()
    if app is not None and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return DARK
    return LIGHT


def set_theme(name: str | None) -> None:
    """Force "light" or "dark" (None follows the system again) and tell every listener."""
    global _forced
    if name not in (None, "light", "dark"):
        raise ValueError(f"unknown theme {name!r}: expected 'light', 'dark' or None")
    _forced = name
    _announce()


def _announce() -> None:
    global _last
    theme = current_theme()
    app = QGuiApplication.instance()
    if app is not None:
        app.setPalette(theme.palette())
    if theme != _last:
        _last = theme
        theme_events().changed.emit(theme)
