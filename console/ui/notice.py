"""A notice over the top of the wall: something done to this desk from elsewhere, which its operator must see once.

It floats over the wall, so nothing under the hand moves when it comes or goes; it says what
happened whole, on as many lines as the wall's width needs (a narrow wall: who, then which
camera, on the next line), and stays until the operator closes it or a newer one takes its
place. Keys stay with the wall.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

LINE_HEIGHT_PX = 36  # one line; more lines add their own height
MARGIN_PX = 12  # from the wall's top and sides
PADDING_PX = 10  # around the text, inside the frame


class WallNotice(QFrame):
    def __init__(self, wall: QWidget) -> None:
        super().__init__(wall)
        self.setObjectName("wallNotice")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = QLabel(self)
        self.text.setObjectName("wallNoticeText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("wallNoticeClose")
        self.close_button.setText("\u2715")
        self.close_button.setToolTip(self.tr("Close this notice"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(PADDING_PX, 2, 4, 2)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button)
        wall.installEventFilter(self)  # placed again when the wall's size changes
        self.hide()

    @property
    def full_text(self) -> str:
        return self.text.text()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self._place()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        wall = self.parentWidget()
        self.text.ensurePolished()  # measured in the theme's (bold) font
        around_px = PADDING_PX + self.close_button.sizeHint().width() + 28  # the button, the row's spacing, the frame
        wanted_px = self.text.fontMetrics().horizontalAdvance(self.text.text()) + around_px
        width_px = max(160, min(wanted_px, wall.width() - 2 * MARGIN_PX))
        text_px = width_px - around_px
        extra_px = max(0, self.text.heightForWidth(text_px) - self.text.fontMetrics().lineSpacing())
        self.setGeometry((wall.width() - width_px) // 2, MARGIN_PX, width_px, LINE_HEIGHT_PX + extra_px)
