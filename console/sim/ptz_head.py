"""A simulated PTZ head: position, speed limits, move time-outs, presets, home.

Positions are in ONVIF's generic spaces: pan and tilt -1..1, zoom 0..1. The head
moves at most at its top speeds, so an operator sees a real camera's inertia-free
but finite turn. Time is injected, so tests can step it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

PAN_SPEED_PER_S = 0.5  # full pan range (-1..1) in 4 s at speed 1
TILT_SPEED_PER_S = 0.5
ZOOM_SPEED_PER_S = 0.5


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass
class Position:
    pan: float = 0.0
    tilt: float = 0.0
    zoom: float = 0.0

    def clamped(self) -> Position:
        return Position(_clamp(self.pan, -1, 1), _clamp(self.tilt, -1, 1), _clamp(self.zoom, 0, 1))


@dataclass
class Preset:
    token: str
    name: str
    position: Position


@dataclass
class PtzHead:
    clock: Callable[[], float] = time.monotonic
    position: Position = field(default_factory=Position)
    home: Position = field(default_factory=Position)
    presets: dict[str, Preset] = field(default_factory=dict)
    _velocity: tuple[float, float, float] = (0.0, 0.0, 0.0)
    _velocity_until: float = 0.0
    _target: Position | None = None
    _target_speed: float = 1.0
    _updated: float = 0.0
    _next_token: int = 1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._updated = self.clock()

    # -- commands -----------------------------------------------------------------------
    def continuous_move(self, pan: float, tilt: float, zoom: float, timeout_s: float | None) -> None:
        with self._lock:
            self._advance()
            self._target = None
            self._velocity = (_clamp(pan, -1, 1), _clamp(tilt, -1, 1), _clamp(zoom, -1, 1))
            self._velocity_until = self.clock() + (timeout_s if timeout_s is not None else 3600.0)

    def stop(self, pan_tilt: bool = True, zoom: bool = True) -> None:
        with self._lock:
            self._advance()
            pan, tilt, zoom_speed = self._velocity
            self._velocity = (0.0 if pan_tilt else pan, 0.0 if pan_tilt else tilt, 0.0 if zoom else zoom_speed)
            if pan_tilt and zoom:
                self._target = None

    def absolute_move(self, target: Position, speed: float = 1.0) -> None:
        with self._lock:
            self._advance()
            self._velocity = (0.0, 0.0, 0.0)
            self._target = target.clamped()
            self._target_speed = _clamp(speed, 0.05, 1.0)

    def relative_move(self, pan: float, tilt: float, zoom: float, speed: float = 1.0) -> None:
        with self._lock:
            self._advance()
            base = self._target or self.position
        self.absolute_move(Position(base.pan + pan, base.tilt + tilt, base.zoom + zoom), speed)

    def goto_preset(self, token: str, speed: float = 1.0) -> None:
        preset = self.presets.get(token)
        if preset is None:
            raise KeyError(token)
        self.absolute_move(preset.position, speed)

    def goto_home(self, speed: float = 1.0) -> None:
        self.absolute_move(self.home, speed)

    def set_home(self) -> None:
        with self._lock:
            self._advance()
            self.home = Position(self.position.pan, self.position.tilt, self.position.zoom)

    def set_preset(self, name: str, token: str | None = None) -> str:
        with self._lock:
            self._advance()
            if token is None or token not in self.presets:
                token = token or f"preset-{self._next_token}"
                self._next_token += 1
            here = Position(self.position.pan, self.position.tilt, self.position.zoom)
            self.presets[token] = Preset(token, name or token, here)
            return token

    def remove_preset(self, token: str) -> None:
        with self._lock:
            if token not in self.presets:
                raise KeyError(token)
            del self.presets[token]

    # -- state --------------------------------------------------------------------------
    def snapshot(self) -> tuple[Position, bool]:
        """The position now and whether the head is moving."""
        with self._lock:
            self._advance()
            return Position(self.position.pan, self.position.tilt, self.position.zoom), self._is_moving()

    def _is_moving(self) -> bool:
        return self._target is not None or any(self._velocity)

    def _advance(self) -> None:
        now = self.clock()
        elapsed = max(0.0, now - self._updated)
        self._updated = now
        if any(self._velocity):
            moving_for = max(0.0, min(elapsed, self._velocity_until - (now - elapsed)))
            pan, tilt, zoom = self._velocity
            self.position = Position(
                self.position.pan + pan * PAN_SPEED_PER_S * moving_for,
                self.position.tilt + tilt * TILT_SPEED_PER_S * moving_for,
                self.position.zoom + zoom * ZOOM_SPEED_PER_S * moving_for,
            ).clamped()
            if now >= self._velocity_until:  # the move's time-out: a lost Stop never leaves it running
                self._velocity = (0.0, 0.0, 0.0)
        if self._target is not None:
            step = elapsed * self._target_speed
            self.position = Position(
                _towards(self.position.pan, self._target.pan, step * PAN_SPEED_PER_S),
                _towards(self.position.tilt, self._target.tilt, step * TILT_SPEED_PER_S),
                _towards(self.position.zoom, self._target.zoom, step * ZOOM_SPEED_PER_S),
            )
            if (self.position.pan, self.position.tilt, self.position.zoom) == (
                self._target.pan,
                self._target.tilt,
                self._target.zoom,
            ):
                self._target = None


def _towards(value: float, target: float, step: float) -> float:
    if abs(target - value) <= step:
        return target
    return value + step if target > value else value - step
