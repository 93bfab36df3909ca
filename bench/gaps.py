"""The GUI thread must never stall: the longest gap between ticks of a 5 ms Qt timer."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class EventLoopGapMeter:
    def __init__(self, interval_ms: int = 5) -> None:
        self.gaps_s: list[float] = []
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        self.gaps_s.append(now - self._last)
        self._last = now

    @property
    def longest_ms(self) -> float:
        return 1000 * max(self.gaps_s, default=0.0)
