"""The abstract stream reader: what every video backend promises the wall.

A reader pulls one stream, decodes it once, keeps only the newest frame
(already scaled to the largest size any viewer asked for) and reports its
state. Viewers never wait on it: they read :meth:`StreamReader.latest` when
told a frame arrived, or on their own repaint timer.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import numpy as np

from console.events import Event


class StreamState(Enum):
    CONNECTING = "connecting"
    LIVE = "live"
    NO_SIGNAL = "no signal"
    STOPPED = "stopped"


@dataclass(frozen=True)
class StreamStatus:
    state: StreamState
    message: str = ""  # why, already masked: "connection refused", "no frames for 2.0 s"
    transport: str = ""  # "tcp" | "udp" once connected
    next_attempt_in_s: float | None = None
    attempts: int = 0


@dataclass(frozen=True)
class Frame:
    """A decoded picture, scaled for display, in BGRA byte order (QImage's RGB32).

    ``rows`` is FFmpeg's own buffer, one row of ``bytes_per_line`` bytes per line (rows
    may be padded past ``width * 4``), shared without a copy with whoever paints it.
    """

    rows: np.ndarray  # height x bytes_per_line, uint8
    width: int
    height: int
    source_width: int  # the stream's own resolution
    source_height: int
    arrived_monotonic_s: float  # when decoding finished (time.monotonic)
    arrived_wall_s: float  # the same moment on the wall clock (time.time), for "last frame at"
    sequence: int
    codec: str

    @property
    def bytes_per_line(self) -> int:
        return int(self.rows.shape[1])

    @property
    def pixels(self) -> np.ndarray:
        """The picture as height x width x 4 (B, G, R, A): a view, not a copy."""
        return self.rows[:, : self.width * 4].reshape(self.height, self.width, 4)


StatusListener = Callable[[StreamStatus], Any]


class StreamReader(ABC):
    """One stream, one decoder, any number of viewers.

    Frames are not pushed: viewers poll :meth:`latest` on their own clock (a wall paints
    at most once per frame of its display), so a reader's thread makes no Python call per
    frame for its viewers. Events (called on the reader's own thread; Qt adapters queue them):
    - ``status_changed(StreamStatus)``: connecting, live, no signal (with why), stopped.
    """

    def __init__(self, url: str, name: str) -> None:
        self.url = url
        self.name = name  # for logs: the camera id and stream role, never the URL
        logger = logging.getLogger("uitkijk.video")
        self.status_changed: Event[[StreamStatus]] = Event(f"{name}.status_changed", logger)
        self._target_size: tuple[int, int] = (640, 360)

    @abstractmethod
    def start(self) -> None:
        """Begin pulling in the background; returns at once."""

    @abstractmethod
    def stop(self) -> None:
        """Ask the reader to finish; returns at once (see :meth:`join`)."""

    @abstractmethod
    def join(self, timeout_s: float) -> bool:
        """Wait for the worker to end; True if it did."""

    @abstractmethod
    def latest(self) -> Frame | None:
        """The newest frame, or None before the first."""

    @abstractmethod
    def status(self) -> StreamStatus:
        """The current state."""

    def set_target_size(self, width: int, height: int) -> None:
        """Scale future frames to fit within this size (the largest viewer's)."""
        self._target_size = (max(16, int(width)), max(16, int(height)))
