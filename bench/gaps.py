"""The GUI thread must never stall: the longest gap between ticks of a 5 ms Qt timer, and where it was spent.

A watcher thread looks at the GUI thread's Python stack every 10 ms while a tick is
late (over 30 ms), so each benchmark says not only how long the longest gap was but
what the GUI thread was doing during it.
"""

from __future__ import annotations

import collections
import gc
import os
import sys
import threading
import time
import traceback

from PySide6.QtCore import QTimer

LATE_S = 0.03
WATCH_EVERY_S = 0.01


class EventLoopGapMeter:
    def __init__(self, interval_ms: int = 5) -> None:
        self.gaps_s: list[float] = []
        self._last = time.monotonic()
        self._longest = (0.0, 0.0)  # (length, start)
        self._last_cpu_s = time.thread_time()
        self.longest_cpu_ms = 0.0  # the GUI thread's own CPU time in the longest gap: the rest it waited
        self.longest_runnable_ms = 0.0  # of the rest, the time it was ready to run and waited for a core
        self.most_work_ms = 0.0  # the most CPU the GUI thread spent between two ticks: our own work in one pass,
        # whatever the machine's load (a gap's length also counts the time it waited for a core)
        self._sched = -1  # the GUI thread's /proc schedstat: CPU, time waiting for a core, time slices
        self._last_waited_s = 0.0
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._gui_thread = threading.get_ident()
        self._samples: list[tuple[float, str]] = []  # (start of the late tick, the GUI thread's stack)
        self._stopped = threading.Event()
        self._watcher: threading.Thread | None = None
        self._gc_started_s = 0.0
        self._gc_pauses: list[tuple[float, float, int, str]] = []  # (ended, seconds, generation, thread)

    def start(self) -> None:
        if self._sched < 0:
            try:  # /proc/thread-self names the calling thread when opened: the GUI thread
                self._sched = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
            except OSError:
                self._sched = -1  # not Linux: the gap is told without it
        self._last = time.monotonic()
        self._last_cpu_s = time.thread_time()
        self._last_waited_s = self._waited_for_a_core_s()
        self._timer.start()
        self._stopped.clear()
        self._watcher = threading.Thread(target=self._watch, name="gap-watcher", daemon=True)
        self._watcher.start()
        gc.callbacks.append(self._on_gc)

    def stop(self) -> None:
        self._timer.stop()
        if self._sched >= 0:
            os.close(self._sched)
            self._sched = -1
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        self._stopped.set()
        if self._watcher is not None:
            self._watcher.join()

    def _waited_for_a_core_s(self) -> float:
        """The GUI thread's total time ready to run but not running (the kernel's run-queue wait)."""
        if self._sched < 0:
            return 0.0
        return int(os.pread(self._sched, 128, 0).split()[1]) / 1e9

    def _on_timer_timeout(self) -> None:
        now, cpu_s, waited_s = time.monotonic(), time.thread_time(), self._waited_for_a_core_s()
        gap_s = now - self._last
        self.gaps_s.append(gap_s)
        if gap_s > self._longest[0]:
            self._longest = (gap_s, self._last)
            self.longest_cpu_ms = 1000 * (cpu_s - self._last_cpu_s)
            self.longest_runnable_ms = 1000 * (waited_s - self._last_waited_s)
        self.most_work_ms = max(self.most_work_ms, 1000 * (cpu_s - self._last_cpu_s))
        self._last, self._last_cpu_s, self._last_waited_s = now, cpu_s, waited_s

    def _on_gc(self, phase: str, info: dict) -> None:
        """A collection holds the GIL: whichever thread runs it stops the GUI thread too."""
        now = time.monotonic()
        if phase == "start":
            self._gc_started_s = now
        elif now - self._gc_started_s > 0.005:
            pause = (now, now - self._gc_started_s, int(info["generation"]), threading.current_thread().name)
            self._gc_pauses.append(pause)

    def _watch(self) -> None:
        while not self._stopped.wait(WATCH_EVERY_S):
            started = self._last
            if time.monotonic() - started < LATE_S:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            if frame is None:
                continue
            lines = [f"{entry.filename.rsplit('/', 2)[-1]}:{entry.lineno} {entry.name}"
                     for entry in traceback.extract_stack(frame)[-8:]]  # fmt: skip
            self._samples.append((started, " < ".join(reversed(lines))))

    @property
    def longest_ms(self) -> float:
        return 1000 * max(self.gaps_s, default=0.0)

    def where_longest(self, top: int = 3) -> list[str]:
        """The GUI thread's stacks seen during the longest gap, most often seen first ("N x stack")."""
        start = self._longest[1]
        seen = collections.Counter(stack for started, stack in self._samples if started == start)
        working = (f"the GUI thread worked {self.longest_cpu_ms:.0f} of the {self.longest_ms:.0f} ms"
                   f" and waited {self.longest_runnable_ms:.0f} ms for a core")  # fmt: skip
        end = start + self._longest[0]
        collections_seen = [f"a garbage collection (generation {generation}) of {1000 * seconds:.0f} ms on {thread}"
                            for ended, seconds, generation, thread in self._gc_pauses
                            if start <= ended <= end + 0.001]  # fmt: skip
        return [working, *collections_seen] + [f"{count} x {stack}" for stack, count in seen.most_common(top)]
