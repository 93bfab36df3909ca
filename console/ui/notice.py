"""A notice over the top of the wall: something done to this desk from elsewhere, which its operator must see once.

It floats over the wall, so nothing under the hand moves when it comes or goes; it says what
happened in one line (cut to the wall's width, whole in its tooltip) and stays until the
operator closes it or a newer one takes its place. Keys stay with the wall.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from console.ui.elided import ElidedLabel

HEIGHT_PX = 36
MARGIN_PX = 12  # from the wall's top and sides


class WallNotice(QFrame):
    def __init__(self, wall: QWidget) -> None:
        super().__init__(wall)
        self.setObjectName("wallNotice")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = ElidedLabel(self, 120)
        self.text.setObjectName("wallNoticeText")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("wallNoticeClose")
        self.close_button.setText("\u2715")
        self.close_button.setToolTip(self.tr("Close this notice"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 2, 4, 2)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button)
        wall.installEventFilter(self)  # placed again when the wall's size changes
        self.hide()

    @property
    def full_text(self) -> str:
        return self.text.full_text

    def show_text(self, text: str) -> None:
        self.text.set_full_text(text)
        self._place()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        wall = self.parentWidget()
        wanted_px = self.text.fontMetrics().horizontalAdvance(self.text.full_text) + 64
        width_px = max(160, min(wanted_px, wall.width() - 2 * MARGIN_PX))
        self.setGeometry((wall.width() - width_px) // 2, MARGIN_PX, width_px, HEIGHT_PX)
