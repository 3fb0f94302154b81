from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.ui.theme import (
    CATEGORY_ROLES,
    DARK,
    LIGHT,
    current_theme,
    set_theme,
    theme_events,
)


@pytest.fixture(autouse=True)
def follow_system():
    yield
    set_theme(None)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_both_themes_define_the_same_roles() -> None:
    assert LIGHT.colours.keys() == DARK.colours.keys()
    for role in CATEGORY_ROLES.values():
        assert role in LIGHT.colours


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_entity_colours_are_readable_on_the_page(theme) -> None:
    page = theme.color("page")
    for category, role in CATEGORY_ROLES.items():
        if category != "watchlist":  # the watchlist is a background, with text on top
            assert _contrast(theme.color(role), page) >= 4.5, role
    assert _contrast(theme.color("text"), theme.color("watchlist")) >= 4.5


def test_set_theme_announces_and_applies_a_palette(qapp, qtbot) -> None:
    set_theme("light")
    with qtbot.waitSignal(theme_events().changed) as blocker:
        set_theme("dark")
    assert blocker.args == [DARK]
    assert current_theme() is DARK
    window = QGuiApplication.palette().color(QPalette.ColorRole.Base).name()
    assert window == DARK.colours["page"]
    with pytest.raises(ValueError):
        set_theme("sepia")


def test_without_an_override_the_theme_follows_the_system(qapp) -> None:
    set_theme(None)
    dark_system = QGuiApplication.styleHints().colorScheme().name == "Dark"
    assert current_theme() is (DARK if dark_system else LIGHT)
