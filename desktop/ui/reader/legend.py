"""The reader's legend: one labelled toggle per colouring category, with its mention count.

Each toggle's icon repeats the category's colour *and* underline style, and its label names
the category, so the legend can be read without telling colours apart.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui.reader.formats import UNDERLINE_NAMES
from desktop.ui.theme import CATEGORY_ROLES, Theme, current_theme, theme_events

LABELS = {
    "leader": "Leaders",
    "person": "People",
    "institution": "Institutions",
    "place": "Places",
    "term": "Key terms",
    "watchlist": "Watchlist",
}
_PEN_STYLES = {
    "leader": Qt.PenStyle.SolidLine,
    "person": Qt.PenStyle.DashLine,
    "institution": Qt.PenStyle.DotLine,
    "term": Qt.PenStyle.DashDotDotLine,
}
_ICON = QSize(26, 18)


class Legend(QWidget):
    category_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        for category, label in LABELS.items():
            button = QToolButton(text=label, checkable=True, checked=True, autoRaise=True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(_ICON)
            button.setToolTip(f"Show or hide {label.lower()} ({UNDERLINE_NAMES[category]})")
            button.toggled.connect(lambda on, c=category: self._on_toggled(c, on))
            layout.addWidget(button)
            self.buttons[category] = button
        # Said instead of the toggles for an article whose language has no entities.
        self.notice = QLabel(self)
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self._paint_icons(current_theme())
        theme_events().changed.connect(self._paint_icons)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show how many mentions each category has in the open article."""
        for category, button in self.buttons.items():
            count = counts.get(category, 0)
            button.setText(f"{LABELS[category]} {count}" if count else LABELS[category])

    def set_notice(self, text: str) -> None:
        """Show ``text`` in place of the toggles (nothing is coloured); "" brings them back."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        for button in self.buttons.values():
            button.setVisible(not text)

    def _on_toggled(self, category: str, on: bool) -> None:
        font = self.buttons[category].font()
        font.setStrikeOut(not on)  # hidden categories read as crossed out, not just unpressed
        self.buttons[category].setFont(font)
        self.category_toggled.emit(category, on)

    def is_checked(self, category: str) -> bool:
        return self.buttons[category].isChecked()

    def _paint_icons(self, theme: Theme) -> None:
        for category, button in self.buttons.items():
            button.setIcon(QIcon(_sample(category, theme)))


def _sample(category: str, theme: Theme) -> QPixmap:
    """ "Ab" drawn the way the reader draws the category: colour plus underline style."""
    ratio = 2.0
    pixmap = QPixmap(_ICON * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(12)
    font.setBold(category in ("leader", "watchlist"))
    painter.setFont(font)
    width, height = _ICON.width(), _ICON.height()
    if category == "watchlist":
        painter.fillRect(1, 1, width - 2, height - 4, theme.color("watchlist"))
        colour = theme.color("text")
    else:
        colour = theme.color(CATEGORY_ROLES[category])
    painter.setPen(colour)
    painter.drawText(0, 0, width, height - 4, Qt.AlignmentFlag.AlignCenter, "Ab")
    if category != "watchlist":
        pen = QPen(colour, 1.5, _PEN_STYLES.get(category, Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        baseline = height - 2.5
        if category == "place":
            wave = QPainterPath(QPointF(2, baseline))
            for x in range(2, width - 2, 4):
                wave.quadTo(QPointF(x + 1, baseline - 2.5), QPointF(x + 2, baseline))
                wave.quadTo(QPointF(x + 3, baseline + 2.5), QPointF(x + 4, baseline))
            painter.drawPath(wave)
        else:
            painter.drawLine(QPointF(2, baseline), QPointF(width - 2, baseline))
    painter.end()
    return pixmap
