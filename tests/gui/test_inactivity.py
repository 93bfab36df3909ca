"""The screen lock's inactivity watch: input on any window keeps the desk awake; it costs the GUI thread nothing."""

from __future__ import annotations

import time
import warnings

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from console.ui.login import InactivityWatch


def shown_window(qtbot, labels: int = 0) -> QWidget:
    window = QWidget()
    grid = QGridLayout(window)
    for number in range(labels):
        grid.addWidget(QLabel(f"label {number}"), number // 10, number % 10)
    qtbot.addWidget(window)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_input_through_a_window_keeps_the_desk_awake_and_its_absence_locks_it(qtbot):
    window = shown_window(qtbot)
    idle_at: list[float] = []
    watch = InactivityWatch(0.4, lambda: idle_at.append(time.monotonic()))
    try:
        handle = window.windowHandle()
        last_input = started = time.monotonic()
        inputs = 0
        while time.monotonic() - started < 1.2:  # three times the idle time, input every 50 ms as the system gives it
            last_input = time.monotonic()  # before the input: the watch's own clock reads it a moment later
            if inputs % 2:
                QTest.mouseMove(handle, QPoint(10 + inputs % 50, 20))
            else:
                QTest.keyClick(handle, Qt.Key.Key_A)
            inputs += 1
            qtbot.wait(50)  # the operator's pace, not a synchronisation
        assert not idle_at
        qtbot.waitUntil(lambda: bool(idle_at), timeout=3000)
        assert idle_at[0] - last_input >= 0.4
    finally:
        watch.stop()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # PySide says a disconnect of what is not connected with a warning
        watch.stop()  # a second stop (signing out, then quitting) is quiet


def test_a_window_opened_after_the_watch_is_watched_too(qtbot):
    idle_at: list[float] = []
    watch = InactivityWatch(0.4, lambda: idle_at.append(time.monotonic()))
    try:
        window = shown_window(qtbot)  # a new wall or a dialog, after sign-in
        qtbot.wait(150)  # one tick of the watch's clock (idle_s / 4) for it to find the new window
        started = time.monotonic()
        while time.monotonic() - started < 1.0:
            QTest.mouseMove(window.windowHandle(), QPoint(30 + int(100 * (time.monotonic() - started)), 30))
            qtbot.wait(50)
        assert not idle_at
    finally:
        watch.stop()


def test_the_watch_takes_no_part_in_showing_and_painting_the_widgets(qtbot):
    """An application-wide filter took every widget's events through Python (polish, move, resize, show, paint)."""
    seen: list[QEvent.Type] = []

    class CountingWatch(InactivityWatch):
        def eventFilter(self, watched, event) -> bool:
            seen.append(event.type())
            return super().eventFilter(watched, event)

    watch = CountingWatch(600, lambda: None)
    try:
        window = shown_window(qtbot, labels=60)  # a wall of 60 widgets shown, laid out and painted
        window.update()
        qtbot.waitUntil(lambda: window.isVisible())
        assert len(seen) < 30, f"{len(seen)} events: {sorted({event.name for event in seen})}"
    finally:
        watch.stop()
