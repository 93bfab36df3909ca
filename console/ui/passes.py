"""A window's first paint spread over several passes of the event loop, part after part.

Showing a desk paints everything at once: the wall's tiles with their bars, the camera
list, the PTZ and dispatch docks, the menus. On the benchmark's 2-core machine that was
one pass of 45-75 ms on the GUI thread, over the 50 ms no pass may take (issue 11): input
and timers waited behind it. Held parts draw nothing (the window's background shows) until
their turn, one part per pass, the wall first; the whole window is there some tens of
milliseconds later, and no pass carries it all. A tour step holds the wall the same way:
its cameras change in one pass, and the wall paints them in the next.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

NEXT_PASS_MS = 1  # a timer, not a zero-time call: Qt runs calls posted during a pass in that same pass


class PaintInPasses(QObject):
    """Holds widgets' painting, then lets one go per pass of the event loop, in the order they were held."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._held: list[QWidget] = []

    @property
    def is_holding(self) -> bool:
        return bool(self._held)

    def hold(self, widget: QWidget) -> None:
        widget.setUpdatesEnabled(False)
        self._held.append(widget)
        if len(self._held) == 1:
            QTimer.singleShot(NEXT_PASS_MS, self, self._let_next_go)  # self as context: never after its widget

    def _let_next_go(self) -> None:
        while self._held:
            widget = self._held.pop(0)
            if isValid(widget):  # a dock removed meanwhile is skipped
                widget.setUpdatesEnabled(True)
                break
        if self._held:
            QTimer.singleShot(NEXT_PASS_MS, self, self._let_next_go)
