"""Character formats for the reader's styles, built once per theme and reused.

Colour is never the only signal: each entity category also has its own underline style, the
watchlist is bold, and a highlight with a note gets a dotted underline in the text colour. A
*moved* highlight (placed after the article changed, not yet checked) is never drawn like a
normal one: its colour is a diagonal hatching, not a fill, over a dash-dot underline.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat

from desktop.ui.reader.layers import Style
from desktop.ui.theme import CATEGORY_ROLES, Theme

UnderlineStyle = QTextCharFormat.UnderlineStyle

CATEGORY_UNDERLINES: dict[str, UnderlineStyle] = {
    "leader": UnderlineStyle.SingleUnderline,
    "person": UnderlineStyle.DashUnderline,
    "institution": UnderlineStyle.DotLine,
    "place": UnderlineStyle.WaveUnderline,
    "term": UnderlineStyle.DashDotDotLine,
}

# Words for the legend and tooltips, matching the underline styles above.
UNDERLINE_NAMES: dict[str, str] = {
    "leader": "solid underline, semi-bold",
    "person": "dashed underline",
    "institution": "dotted underline",
    "place": "wavy underline",
    "term": "dash-dot underline",
    "watchlist": "bold on a yellow background",
}

HighlightStyles = dict[str, tuple[str, str]]


class FormatBook:
    """Turns a ``Style`` into a QTextCharFormat for one theme; each combination built once."""

    def __init__(self, theme: Theme, highlight_styles: HighlightStyles | None = None) -> None:
        self.theme = theme
        self._highlight_styles = dict(highlight_styles or {})
        self._cache: dict[Style, QTextCharFormat] = {}

    @property
    def highlight_styles(self) -> HighlightStyles:
        return dict(self._highlight_styles)

    def plain(self) -> QTextCharFormat:
        """Uncoloured article text: every styled format starts from this one."""
        fmt = QTextCharFormat()
        fmt.setForeground(self.theme.color("text"))
        return fmt

    def format(self, style: Style) -> QTextCharFormat:
        fmt = self._cache.get(style)
        if fmt is None:
            fmt = self._cache[style] = self._build(style)
        return fmt

    def background_colour(self, background: str) -> QColor:
        """A theme role, or ``hl:<category>`` resolved through the notes' highlight styles
        (``category -> (light colour, dark colour)``), then the theme, then yellow."""
        if not background.startswith("hl:"):
            return self.theme.color(background)
        category = background[3:]
        if category in self._highlight_styles:
            light, dark = self._highlight_styles[category]
            return QColor(dark if self.theme.dark else light)
        role = f"highlight-{category}"
        return self.theme.color(role if role in self.theme.colours else "highlight-yellow")

    def _build(self, style: Style) -> QTextCharFormat:
        fmt = self.plain()
        if style.foreground in CATEGORY_UNDERLINES:
            colour = self.theme.color(CATEGORY_ROLES[style.foreground])
            if style.foreground != "term":  # key terms are many: underlined, text left plain
                fmt.setForeground(colour)
            fmt.setUnderlineStyle(CATEGORY_UNDERLINES[style.foreground])
            fmt.setUnderlineColor(colour)
            if style.foreground == "leader":
                fmt.setFontWeight(QFont.Weight.DemiBold)
        if style.watch:
            fmt.setBackground(self.theme.color("watchlist"))
            fmt.setFontWeight(QFont.Weight.Bold)
        if style.background is not None and style.moved:
            colour = self.background_colour(style.background)
            hatch = colour.lighter(150) if self.theme.dark else colour.darker(160)
            fmt.setBackground(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        elif style.background is not None:
            fmt.setBackground(self.background_colour(style.background))
        if style.note:
            fmt.setUnderlineStyle(UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.theme.color("text"))
        if style.moved:
            fmt.setUnderlineStyle(UnderlineStyle.DashDotLine)
            fmt.setUnderlineColor(self.theme.color("text"))
        return fmt
