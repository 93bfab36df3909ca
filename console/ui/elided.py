"""Text that never widens its window: a label and a button that cut their text to the room they have.

The whole text is in the tooltip. Their width policy is Ignored: the layout gives them what
is left, never the other way round (a long camera name or alert must not push the window
past the screen's edge).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget


class _Elides:
    """What both share: the whole text kept, the shown text cut to the width (``padding_px`` for the frame)."""

    padding_px = 2
    full_text = ""

    def set_full_text(self: Any, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self: Any, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self: Any, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the theme's bold (an alarm) comes after the text: cut it again
            self._elide()

    def _elide(self: Any) -> None:
        room = max(0, self.contentsRect().width() - self.padding_px)  # within the theme's padding (a label's margins)
        self._show_text(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))


class ElidedLabel(_Elides, QLabel):
    def __init__(self, parent: QWidget | None = None, minimum_width_px: int = 40) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(minimum_width_px)

    def _show_text(self, text: str) -> None:
        QLabel.setText(self, text)


class ElidedButton(_Elides, QPushButton):
    padding_px = 24

    def __init__(self, parent: QWidget | None = None, minimum_width_px: int = 80,
                 maximum_width_px: int | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(minimum_width_px)
        if maximum_width_px is not None:  # in a toolbar: as wide as its text, up to this
            self.setMaximumWidth(maximum_width_px)

    def _show_text(self, text: str) -> None:
        self.setText(text)

    def sizeHint(self) -> QSize:  # Qt override: the whole text's width, within the bounds
        hint = super().sizeHint()
        wanted = self.fontMetrics().horizontalAdvance(self.full_text) + 28
        return QSize(max(self.minimumWidth(), min(wanted, self.maximumWidth())), hint.height())
