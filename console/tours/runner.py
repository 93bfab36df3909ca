"""A tour's run as a pure state machine: the clock is injected, the caller acts on its events.

The runner says when a step begins (``StepShown``), when the next step should be
prepared (``PrerollDue``, ``preroll_s`` before the switch: streams connected,
presets sent) and when the round is done. Paused and held runs keep their step;
hold also freezes the countdown, so an operator can look closer. A repeating run
(an unattended wall PC's patrol) goes from its last step to its first, warm, until
stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from console.tours.model import Tour, TourStep


class RunState(Enum):
    RUNNING = "running"
    PAUSED = "paused"
    HELD = "held"
    FINISHED = "finished"  # every step was shown
    STOPPED = "stopped"  # the operator ended it early


@dataclass(frozen=True)
class StepShown:
    index: int
    step: TourStep


@dataclass(frozen=True)
class PrerollDue:
    index: int
    step: TourStep


@dataclass(frozen=True)
class RunEnded:
    state: RunState


Event = StepShown | PrerollDue | RunEnded


class TourRun:
    def __init__(self, tour: Tour, clock: Callable[[], float] = time.monotonic, preroll_s: float = 3.0,
                 is_repeating: bool = False) -> None:  # fmt: skip
        self.tour = tour
        self.is_repeating = is_repeating
        self.rounds_completed = 0
        self.clock = clock
        self.preroll_s = preroll_s
        self.state = RunState.RUNNING
        self.index = 0
        self.steps_shown = 0
        self._left_s = tour.steps[0].dwell_s
        self._since = clock()
        self._prerolled_for: int | None = None

    # -- reading --------------------------------------------------------------------------
    @property
    def step(self) -> TourStep:
        return self.tour.steps[self.index]

    @property
    def next_index(self) -> int | None:
        if self.index + 1 < len(self.tour.steps):
            return self.index + 1
        return 0 if self.is_repeating else None

    @property
    def next_step(self) -> TourStep | None:
        return self.tour.steps[self.next_index] if self.next_index is not None else None

    @property
    def is_active(self) -> bool:
        return self.state in (RunState.RUNNING, RunState.PAUSED, RunState.HELD)

    def time_left_s(self) -> float:
        if self.state == RunState.RUNNING:
            return max(0.0, self._left_s - (self.clock() - self._since))
        return max(0.0, self._left_s)

    # -- the clock ------------------------------------------------------------------------
    def start(self) -> list[Event]:
        self.steps_shown = 1
        return [StepShown(0, self.step)]

    def tick(self) -> list[Event]:
        """Call often (every 100 ms or so); returns what the caller must do now."""
        if self.state != RunState.RUNNING:
            return []
        left = self.time_left_s()
        events: list[Event] = []
        next_index = self.next_index
        if next_index is not None and left <= self.preroll_s and self._prerolled_for != next_index:
            self._prerolled_for = next_index
            events.append(PrerollDue(next_index, self.tour.steps[next_index]))
        if left <= 0:
            events += self._go_to(self.index + 1)
        return events

    # -- the operator ---------------------------------------------------------------------
    def pause(self) -> None:
        if self.state == RunState.RUNNING:
            self._left_s = self.time_left_s()
            self.state = RunState.PAUSED

    def resume(self) -> None:
        if self.state in (RunState.PAUSED, RunState.HELD):
            self._since = self.clock()
            self.state = RunState.RUNNING

    def toggle_pause(self) -> None:
        self.resume() if self.state in (RunState.PAUSED, RunState.HELD) else self.pause()

    def hold(self) -> None:
        """Freeze on this step; the countdown stops until resumed."""
        if self.state in (RunState.RUNNING, RunState.PAUSED):
            self._left_s = self.time_left_s()
            self.state = RunState.HELD

    def toggle_hold(self) -> None:
        self.resume() if self.state == RunState.HELD else self.hold()

    def next(self) -> list[Event]:
        return self._go_to(self.index + 1) if self.is_active else []

    def previous(self) -> list[Event]:
        return self._go_to(max(0, self.index - 1)) if self.is_active else []

    def stop(self) -> list[Event]:
        if not self.is_active:
            return []
        self.state = RunState.STOPPED
        return [RunEnded(RunState.STOPPED)]

    def _go_to(self, index: int) -> list[Event]:
        if index >= len(self.tour.steps):
            if not self.is_repeating:
                self.state = RunState.FINISHED
                return [RunEnded(RunState.FINISHED)]
            index, self.rounds_completed = 0, self.rounds_completed + 1
        self.index = index
        self.steps_shown += 1
        self._left_s = self.step.dwell_s
        self._since = self.clock()
        return [StepShown(index, self.step)]
