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

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

NEXT_PASS_MS = 1  # a timer, not a zero-time call: Qt runs calls posted during a pass in that same pass


class PassBudget:
    """How long one pass of the event loop may spend on work that can wait for the next pass.

    Work that can wait asks ``allows()`` first and, when it ran, says what it cost (``spend``); past
    the budget it waits for the next pass (``next_pass``: run first in it). A tile's new frame is
    counted when it is asked for and painted later in the pass: the pass lasts until that paint is
    made (``paid``), at most MAX_OWED_S, and ends ``reset_ms`` after its first work (a timer: a
    zero-time call would run in the same pass, see NEXT_PASS_MS). ``reset_ms=0``: the pass ends
    when the event loop next runs posted calls (the bars of one paint).
    """

    def __init__(self, budget_s: float, reset_ms: int = NEXT_PASS_MS) -> None:
        self.budget_s = budget_s
        self.reset_ms = reset_ms
        self._spent_s = 0.0
        self._is_reset_posted = False
        self._timer: QTimer | None = None  # made on first use: a QApplication is there by then
        self._owed = 0  # paints asked for in this pass and not made yet
        self._started_s: float | None = None  # when this pass's first work was counted
        self._waiting: list[tuple[QObject, Callable[[], None]]] = []

    @property
    def spent_s(self) -> float:
        return self._spent_s

    def allows(self) -> bool:
        """Whether work that can wait may run now: not past the budget, and nothing waits for the next pass."""
        return self._spent_s < self.budget_s and not self._waiting

    def spend(self, seconds: float, owes_paint: bool = False) -> None:
        self._spent_s += seconds
        self._owed += owes_paint
        self._worked()

    def paid(self) -> None:
        """A paint counted when it was asked for is made."""
        self._owed = max(0, self._owed - 1)
        self._worked()

    def next_pass(self, owner: QObject, callback: Callable[[], None]) -> None:
        """Run ``callback`` first in the next pass (not if ``owner`` is gone by then)."""
        self._waiting.append((owner, callback))
        self._worked()

    def _worked(self) -> None:
        if self._started_s is None:
            self._started_s = time.monotonic()
        self._end_later()

    def _end_later(self) -> None:
        if self.reset_ms == 0:
            if not self._is_reset_posted:
                self._is_reset_posted = True
                QTimer.singleShot(0, self._reset)
            return
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.setInterval(self.reset_ms)
            self._timer.timeout.connect(self._reset)
        if not self._timer.isActive():  # the pass ends reset_ms after its first work, however busy it is
            self._timer.start()

    def _reset(self) -> None:
        self._is_reset_posted = False
        if self._owed and self._started_s is not None and time.monotonic() - self._started_s < MAX_OWED_S:
            self._end_later()  # a frame asked for is not painted yet: this pass goes on
            return
        self._spent_s, self._owed, self._started_s = 0.0, 0, None
        waiting, self._waiting = self._waiting, []
        for owner, callback in waiting:
            if isValid(owner):
                callback()


MAX_OWED_S = 0.1  # a pass waits for the paints it asked for no longer than this (a tile hidden meanwhile)


# The wall's new frames and the dispatch panel's refresh, in one pass: a refresh of the board (tables, form,
# column widths: 10-25 ms) in the pass that also painted 16 tiles' frames (up to 15 ms) made the dispatching
# phase's 50-52 ms gaps (bench.run). Each waits for the next pass once the other spent this.
FRAMES_AND_PANELS = PassBudget(0.012)


class Spending:
    """``with Spending(budget):`` spends the time the block took."""

    def __init__(self, budget: PassBudget) -> None:
        self.budget = budget
        self._started = 0.0

    def __enter__(self) -> Spending:
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.budget.spend(time.perf_counter() - self._started)


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
