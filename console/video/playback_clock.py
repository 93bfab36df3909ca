"""Synchronised playback as a pure clock: one recording time for every camera shown, the clock injected.

Playing back several cameras in step is not several players started together (each would
run at its own pace and drift apart): there is one position, the recording time, moved by
the injected monotonic clock at the chosen speed, forwards or in reverse. Every camera shows
the frame whose recording time is the newest at or before the position (``frame_at``), so two
cameras can differ by at most one frame interval of each, whatever the speed and for as long
as it plays: the drift is bounded by construction, not corrected afterwards.

The caller acts on the events, like a tour's runner: ``Repositioned`` (the readers must seek:
a jump, a step, a change of direction), ``Moved`` (each tick while playing: show the frames of
that time), ``EdgeReached`` (the recorded span ends: paused there).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)  # the 1/4x .. 16x
DEFAULT_FRAME_S = 0.04  # a step when the next frame's time is not known: one frame at 25 fps
MAX_CAMERAS = 4  # synchronised playback of up to four cameras (a 2x2)
REPAINT_S = 0.04  # the window paints 25 times a second: faster than 1x, one picture per this much wall time


class PlayState(Enum):
    PLAYING = "playing"
    PAUSED = "paused"


@dataclass(frozen=True)
class Repositioned:
    """The position jumped (seek, step, a date and time typed, a change of direction): readers seek there."""

    position: dt.datetime
    is_reverse: bool


@dataclass(frozen=True)
class Moved:
    """The position while playing: each camera shows its frame of this time."""

    position: dt.datetime


@dataclass(frozen=True)
class EdgeReached:
    """Playing reached the end (or, in reverse, the start) of what may be shown: paused there."""

    position: dt.datetime


Event = Repositioned | Moved | EdgeReached


def as_utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("a recording time must carry its time zone (UTC)")
    return moment.astimezone(dt.UTC)


class PlaybackClock:
    """One recording time for up to ``MAX_CAMERAS`` cameras: play, pause, speed, reverse, step, seek."""

    def __init__(self, cameras: Sequence[str], position: dt.datetime, clock: Callable[[], float] = time.monotonic,
                 earliest: dt.datetime | None = None, latest: dt.datetime | None = None) -> None:  # fmt: skip
        if not cameras:
            raise ValueError("playback needs at least one camera")
        if len(cameras) > MAX_CAMERAS:
            raise ValueError(f"synchronised playback shows at most {MAX_CAMERAS} cameras")
        self.cameras = tuple(cameras)
        self.clock = clock
        self.state = PlayState.PAUSED
        self.speed = 1.0
        self.is_reverse = False
        self.earliest = as_utc(earliest) if earliest is not None else None
        self.latest = as_utc(latest) if latest is not None else None
        self._anchor = self._bounded(as_utc(position))  # the recording time at ``_anchor_s``
        self._anchor_s = clock()

    # -- reading --------------------------------------------------------------------------
    @property
    def is_playing(self) -> bool:
        return self.state == PlayState.PLAYING

    @property
    def rate(self) -> float:
        """Recording seconds per clock second, negative in reverse; 0 while paused."""
        if not self.is_playing:
            return 0.0
        return -self.speed if self.is_reverse else self.speed

    def position(self) -> dt.datetime:
        """The one recording time every camera shows now."""
        elapsed_s = self.clock() - self._anchor_s
        return self._bounded(self._anchor + dt.timedelta(seconds=elapsed_s * self.rate))

    # -- the clock ------------------------------------------------------------------------
    def tick(self, horizon: dt.datetime | None = None) -> list[Event]:
        """Call often (each repaint, every 20-40 ms); returns what the caller must show now.

        ``horizon``: the furthest recording time every camera has a frame for (the slowest decoder's newest,
        in reverse its oldest). Playing never runs past it: a camera that cannot keep up holds the others
        back instead of falling behind them (the speed shown is then more than the machine decodes).
        """
        if not self.is_playing:
            return []
        elapsed_s = self.clock() - self._anchor_s
        wanted = self._anchor + dt.timedelta(seconds=elapsed_s * self.rate)
        if horizon is not None and (wanted < horizon if self.is_reverse else wanted > horizon):
            held = self._bounded(horizon)
            if (held > self._anchor) if not self.is_reverse else (held < self._anchor):
                self._rebase(held)
            else:
                self._anchor_s = self.clock()  # waiting for the slowest camera: the clock does not run ahead
                held = self._anchor
            return [Moved(held)]
        at = self._bounded(wanted)
        if at != wanted:
            self._rebase(at)
            self.state = PlayState.PAUSED
            return [Moved(at), EdgeReached(at)]
        return [Moved(at)]

    # -- the operator ---------------------------------------------------------------------
    def play(self) -> list[Event]:
        if self.is_playing:
            return []
        at = self.position()
        if self._at_edge(at):  # at the end going forwards (or the start in reverse): nothing would play
            return [EdgeReached(at)]
        self._rebase(at)
        self.state = PlayState.PLAYING
        return []

    def pause(self) -> list[Event]:
        if self.is_playing:
            self._rebase(self.position())
            self.state = PlayState.PAUSED
        return []

    def toggle(self) -> list[Event]:
        return self.pause() if self.is_playing else self.play()

    def set_speed(self, speed: float) -> list[Event]:
        if speed not in SPEEDS:
            raise ValueError(f"speed {speed:g}x is not one of {', '.join(f'{each:g}x' for each in SPEEDS)}")
        self._rebase(self.position())
        self.speed = speed
        return []

    def faster(self) -> list[Event]:
        index = SPEEDS.index(self.speed)
        return self.set_speed(SPEEDS[min(index + 1, len(SPEEDS) - 1)])

    def slower(self) -> list[Event]:
        index = SPEEDS.index(self.speed)
        return self.set_speed(SPEEDS[max(index - 1, 0)])

    def set_reverse(self, is_reverse: bool) -> list[Event]:
        """A change of direction: the readers decode the other way from here."""
        if is_reverse == self.is_reverse:
            return []
        at = self.position()
        self._rebase(at)
        self.is_reverse = is_reverse
        return [Repositioned(at, is_reverse)]

    def seek(self, position: dt.datetime) -> list[Event]:
        """Go to a date and time (the scrubber, a typed time, an incident's time); playing goes on from there."""
        at = self._bounded(as_utc(position))
        self._rebase(at)
        return [Repositioned(at, self.is_reverse)]

    def step(self, frames: int = 1, to: dt.datetime | None = None, frame_s: float = DEFAULT_FRAME_S) -> list[Event]:
        """One frame on (``frames`` < 0: back), paused. ``to``: the next frame's own time when the reader knows it."""
        self.pause()
        at = to if to is not None else self.position() + dt.timedelta(seconds=frames * frame_s)
        return self.seek(at)

    def set_span(self, earliest: dt.datetime | None, latest: dt.datetime | None) -> list[Event]:
        """What may be shown (the recorded span, up to now); the position stays inside it."""
        self.earliest = as_utc(earliest) if earliest is not None else None
        self.latest = as_utc(latest) if latest is not None else None
        at = self.position()
        self._rebase(at)
        return []

    # -- inside ---------------------------------------------------------------------------
    def _rebase(self, at: dt.datetime) -> None:
        self._anchor = self._bounded(at)
        self._anchor_s = self.clock()

    def _bounded(self, at: dt.datetime) -> dt.datetime:
        if self.earliest is not None and at < self.earliest:
            return self.earliest
        if self.latest is not None and at > self.latest:
            return self.latest
        return at

    def _at_edge(self, at: dt.datetime) -> bool:
        if self.is_reverse:
            return self.earliest is not None and at <= self.earliest
        return self.latest is not None and at >= self.latest


def frame_at(stamps: Sequence[dt.datetime], position: dt.datetime) -> int | None:
    """The index of the frame to show at ``position``: the newest stamped at or before it (``stamps`` sorted).

    None when every frame is later (nothing of that time yet). The same rule for every camera is what
    keeps them in step: each shows what its camera recorded at the one position, never a frame ahead.
    """
    index = bisect.bisect_right(stamps, position) - 1
    return index if index >= 0 else None


def grid_step_s(rate: float) -> float:
    """Faster than 1x, the recording time between two pictures painted; 0 at 1x and slower (every frame)."""
    return REPAINT_S * abs(rate) if abs(rate) > 1.0 else 0.0


def painted_position(position: dt.datetime, rate: float) -> dt.datetime:
    """The time the cameras are painted at: faster than 1x, the position on a grid common to every camera.

    At 8x a repaint covers 0.32 s of recording: decoding every frame of four cameras is more than a desk
    can do, and scaling them all would be waste. Each feed keeps, of the frames it decodes, the newest one
    at or before each point of the grid (``is_on_grid``); painting at a grid point then shows, for every
    camera, exactly the frame the one-time rule would show there: the cameras stay within one frame.
    """
    step_s = grid_step_s(rate)
    if step_s == 0.0:
        return position
    epoch_s = position.timestamp()
    return dt.datetime.fromtimestamp(math.floor(epoch_s / step_s) * step_s, dt.UTC)


def is_on_grid(stamp: dt.datetime, next_stamp: dt.datetime | None, rate: float) -> bool:
    """Is ``stamp`` the newest frame at or before a grid point (its successor lies past one)? Always at 1x."""
    step_s = grid_step_s(rate)
    if step_s == 0.0 or next_stamp is None:
        return True
    return math.floor(next_stamp.timestamp() / step_s) > math.floor(stamp.timestamp() / step_s)


def drift_s(shown: Sequence[dt.datetime | None], position: dt.datetime) -> float:
    """How far apart the cameras' shown frames are, in seconds (their largest lag behind the position)."""
    lags = [(position - stamp).total_seconds() for stamp in shown if stamp is not None]
    return max(lags) - min(lags) if lags else 0.0
