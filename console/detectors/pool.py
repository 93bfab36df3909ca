"""The console's own detectors for a room: cameras shared out over a few processes of their own.

The events service runs one pool (``DetectorPool(cameras, on_event, on_state, processes)``, ``start()``,
``stop()``). Each process (:mod:`console.detectors.worker`) pulls, decodes and looks at its share of the
cameras, so no decoding and no OpenCV runs in the service's interpreter nor in a desk's; a process that
dies is started again with its cameras (they say so meanwhile), and a camera's fault stays in its own
thread there.

``on_event(CameraEvent)`` and ``on_state(camera_id, state)`` are called on the thread that listens to
the camera's process (one per process): quick hand-overs, never a wait. A state is
``{"state": "watching" | "connecting" | "down", "fps": looks a second, "problem": why it is down, ...}``
(``decoding``: "key frames" or "every frame" while watching; ``next_attempt_in_s`` while down).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pickle
import socket
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from console.alarms.model import AlarmKind, CameraEvent, EventSource
from console.child_process import ChildProcess, pickled
from console.detectors.watch import DetectorTiming, Thresholds, WatchedCamera

LOGGER = logging.getLogger("uitkijk.detectors")
# Not below the others: the detectors ask for little CPU (a look a second per camera) but must answer within
# seconds. Measured under a load of 20 on 2 cores: at niceness 10 a stopped camera's video loss came after 8.9 s
# instead of 5 (the process waited for a core); a desk's decoding process (19) is the one that yields.
DETECTOR_NICENESS = int(os.environ.get("UITKIJK_DETECTOR_NICENESS", "0"))
RESTART_DELAY_S = 2.0
PROCESS_GONE = "the detector process stopped; starting it again"

EventListener = Callable[[CameraEvent], Any]
StateListener = Callable[[str, dict[str, Any]], Any]


class DetectorProcess(ChildProcess):
    """One worker process and its share of the cameras (sent again to a process started after one died)."""

    label = "detector"
    thread_name = "detector-process"
    logger = LOGGER
    module = "console.detectors.worker"
    restart_delay_s = RESTART_DELAY_S

    def __init__(self, cameras: Sequence[WatchedCamera], on_event: EventListener, on_state: StateListener,
                 thresholds: Thresholds, timing: DetectorTiming, niceness: int) -> None:  # fmt: skip
        super().__init__(niceness, {"MALLOC_ARENA_MAX": "2"})
        self.cameras = list(cameras)
        self._on_event = on_event
        self._on_state = on_state
        self._thresholds = thresholds
        self._timing = timing

    def _encode(self, message: dict[str, Any]) -> bytes:
        return pickled(message)

    def _decode(self, data: bytes) -> dict[str, Any]:
        message: dict[str, Any] = pickle.loads(data)  # our own child: the same program
        return message

    def _on_ready(self, connection: socket.socket) -> None:
        for camera in self.cameras:
            self._send(connection, {"op": "watch", "camera": camera, "thresholds": self._thresholds,
                                    "timing": self._timing})  # fmt: skip

    def _handle(self, message: dict[str, Any]) -> None:
        if message.get("ev") == "event":
            self._on_event(CameraEvent(
                camera=str(message["camera"]), kind=AlarmKind(message["kind"]), active=bool(message["active"]),
                utc=str(message["utc"]), source=EventSource(message["source"]), detail=dict(message["detail"]),
                still_jpeg=message.get("still"),
            ))  # fmt: skip
        elif message.get("ev") == "state":
            self._on_state(str(message["camera"]), dict(message["state"]))

    def _on_gone(self, waiting: Any) -> None:
        for camera in self.cameras:
            self._on_state(camera.camera_id, {"state": "down", "fps": 0.0, "problem": PROCESS_GONE,
                                              "next_attempt_in_s": self.restart_delay_s})  # fmt: skip

    def move(self, camera_id: str, url: str) -> bool:
        """Watch the camera at another URL (a room of several relays: another relay serves it now); False when
        this process does not watch it. A process not ready yet gets the new URL with the others."""
        with self._lock:
            for index, camera in enumerate(self.cameras):
                if camera.camera_id == camera_id:
                    self.cameras[index] = dataclasses.replace(camera, url=url)
                    if self._socket is not None:  # the process replaces the camera's watch
                        self._send(self._socket, {"op": "watch", "camera": self.cameras[index],
                                                  "thresholds": self._thresholds, "timing": self._timing})  # fmt: skip
                    return True
        return False

    def relay_seen(self, seen: Mapping[str, float]) -> None:
        """When its cameras' relays' heartbeats last changed (camera -> monotonic s); a process not ready: the next."""
        with self._lock:
            own = {camera.camera_id: seen[camera.camera_id] for camera in self.cameras if camera.camera_id in seen}
            if own and self._socket is not None:
                self._send(self._socket, {"op": "relay_seen", "seen": own})

    def close(self, timeout_s: float) -> bool:
        return self._end(timeout_s)[0]

    def running_pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.poll() is None else None


class DetectorPool:
    """Motion in zones, tamper, frozen picture and video loss of the watched cameras, in ``processes`` processes."""

    def __init__(self, cameras: Sequence[WatchedCamera], on_event: EventListener, on_state: StateListener,
                 processes: int = 1, thresholds: Thresholds | None = None, timing: DetectorTiming | None = None,
                 niceness: int = DETECTOR_NICENESS) -> None:  # fmt: skip
        count = max(1, min(processes, len(cameras)))
        shares: list[list[WatchedCamera]] = [[] for _ in range(count)]
        for index, camera in enumerate(cameras):
            shares[index % count].append(camera)  # round robin: neighbours in the list (one Mobbox) spread out
        self.cameras = list(cameras)
        self._processes = [
            DetectorProcess(share, on_event, on_state, thresholds or Thresholds(), timing or DetectorTiming(), niceness)
            for share in shares
            if share
        ]

    def start(self) -> None:
        """Start the processes (returns at once; each camera reports 'connecting', then 'watching')."""
        for process in self._processes:
            process.launch()

    def stop(self, timeout_s: float = 6.0) -> bool:
        """End every process and its listening thread; True when all ended in time."""
        is_done = True
        for process in self._processes:
            is_done = process.close(timeout_s) and is_done
        return is_done

    def move(self, camera_id: str, url: str) -> None:
        """The camera's stream is at another URL now (another relay of the room serves it)."""
        for process in self._processes:
            if process.move(camera_id, url):
                return

    def relay_seen(self, seen: Mapping[str, float]) -> None:
        """When the watched cameras' relays' heartbeats in the room's store were last seen to change (camera ->
        monotonic s on this PC): a silent relay holds its cameras' video loss for the take-over (see ``analysis``)."""
        for process in self._processes:
            process.relay_seen(seen)

    def pids(self) -> list[int]:
        """The running processes' ids (benchmarks measure their CPU)."""
        return [pid for pid in (process.running_pid() for process in self._processes) if pid is not None]
