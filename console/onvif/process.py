"""The console's side of the ONVIF process: every ONVIF camera of a desk, set up and steered in a child.

:class:`OnvifProcess` offers what :class:`console.onvif.service.OnvifService` offers
(the probes, the ``probed`` event, the stream directory kept up to date, a Future for
every PTZ command), but the SOAP is built and parsed in :mod:`console.onvif.host`: its
parsing holds an interpreter lock, and here it would be the GUI thread's. Nothing in
this module imports zeep or the ONVIF library.

If the process dies, the commands on their way fail with a reason, and it is started
again: its cameras are set up anew and the desk keeps what it knew meanwhile.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import pickle
import socket
from typing import Any

from console.child_process import ChildProcess, pickled
from console.config.schema import Camera
from console.events import Event
from console.onvif.directory import StreamDirectory
from console.onvif.models import (
    NOT_ANSWERED_YET,
    PROBLEM,
    CameraProbe,
    CameraUnreachable,
    NotSupported,
    Preset,
    PtzStatus,
)
from console.wording import QT_TRANSLATE_NOOP

LOGGER = logging.getLogger("uitkijk.onvif")
# A PTZ key's command goes out from here: the process runs beside the GUI, not below it like the decoder.
ONVIF_NICENESS = int(os.environ.get("UITKIJK_ONVIF_NICENESS", "0"))
RESTART_DELAY_S = 1.0
PROCESS_GONE = QT_TRANSLATE_NOOP("Domain", "the ONVIF process stopped; starting it again")


class OnvifProcess(ChildProcess):
    """The ONVIF process and the thread that listens to it; started by :meth:`warm_up` or :meth:`start`."""

    label = "ONVIF"
    thread_name = "onvif-process"
    logger = LOGGER
    module = "console.onvif.host"
    restart_delay_s = RESTART_DELAY_S

    def __init__(self, cameras: tuple[Camera, ...] | list[Camera], timeout_s: float = 5.0,
                 niceness: int = ONVIF_NICENESS) -> None:  # fmt: skip
        super().__init__(niceness)
        self.directory: StreamDirectory | None = None  # where the streams found go, from start()
        self.timeout_s = timeout_s
        self._cameras = [camera for camera in cameras if camera.onvif is not None]
        self.probes: dict[str, CameraProbe] = {}
        self.probed: Event[[str, CameraProbe | None, str | None]] = Event("onvif.probed", LOGGER)  # id, probe, problem
        self._calls: dict[int, concurrent.futures.Future[Any]] = {}  # waiting for their answer
        self._next_call = 1
        self._started: concurrent.futures.Future[None] | None = None  # asked to set the cameras up

    @property
    def camera_ids(self) -> list[str]:
        return [camera.id for camera in self._cameras]

    def warm_up(self) -> None:
        """Start the process now: it imports and parses the ONVIF service descriptions while the user signs in.

        Without an ONVIF camera there is no process to start.
        """
        if self._cameras:
            self.launch()

    def start(self, directory: StreamDirectory) -> concurrent.futures.Future[None]:
        """Set up every ONVIF camera, all at once, telling ``directory`` their streams (or why not).

        The Future is done when each camera has answered or failed once.
        """
        with self._lock:
            if self._started is None:
                self.directory = directory
                self._started = concurrent.futures.Future()
                if self._socket is not None:
                    self._send(self._socket, {"op": "start"})
            started = self._started
        self.launch()
        return started

    # -- PTZ (each returns a Future; errors arrive as OnvifError) ----------------------------------
    def _call(self, method: str, *args: Any) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        with self._lock:
            connection = self._socket
            if connection is None:
                problem = self.directory.problem(args[0]) if self.directory is not None else None
                refusal = NotSupported(PROBLEM, problem=problem) if problem else NotSupported(NOT_ANSWERED_YET)
                future.set_exception(refusal)
                return future
            call_id = self._next_call
            self._next_call += 1
            self._calls[call_id] = future
            self._send(connection, {"op": "call", "id": call_id, "method": method, "args": args})
        return future

    def continuous_move(self, camera_id: str, pan: float, tilt: float, zoom: float,
                        timeout_s: float = 1.0) -> concurrent.futures.Future[None]:  # fmt: skip
        return self._call("continuous_move", camera_id, pan, tilt, zoom, timeout_s)

    def stop_move(self, camera_id: str) -> concurrent.futures.Future[None]:
        return self._call("stop_move", camera_id)

    def status(self, camera_id: str) -> concurrent.futures.Future[PtzStatus]:
        return self._call("status", camera_id)

    def presets(self, camera_id: str) -> concurrent.futures.Future[tuple[Preset, ...]]:
        return self._call("presets", camera_id)

    def goto_preset(self, camera_id: str, token: str) -> concurrent.futures.Future[None]:
        return self._call("goto_preset", camera_id, token)

    def set_preset(self, camera_id: str, name: str) -> concurrent.futures.Future[str]:
        return self._call("set_preset", camera_id, name)

    def remove_preset(self, camera_id: str, token: str) -> concurrent.futures.Future[None]:
        return self._call("remove_preset", camera_id, token)

    def absolute_move(self, camera_id: str, pan: float, tilt: float, zoom: float) -> concurrent.futures.Future[None]:
        return self._call("absolute_move", camera_id, pan, tilt, zoom)

    def goto_home(self, camera_id: str) -> concurrent.futures.Future[None]:
        return self._call("goto_home", camera_id)

    # -- the process ---------------------------------------------------------------------
    def _encode(self, message: dict[str, Any]) -> bytes:
        return pickled(message)

    def _decode(self, data: bytes) -> dict[str, Any]:
        message: dict[str, Any] = pickle.loads(data)
        return message

    def _greet(self, connection: socket.socket) -> None:
        """Its cameras, one per message (a zone's do not fit in one), waiting for it to read them."""
        for camera in self._cameras:
            connection.send(pickled({"op": "camera", "camera": camera}))
        connection.send(pickled({"op": "ready", "timeout_s": self.timeout_s}))

    def _on_ready(self, connection: socket.socket) -> None:
        if self._started is not None:  # asked before it ran, or before it died
            self._send(connection, {"op": "start"})

    def _handle(self, message: dict[str, Any]) -> None:
        kind = message["ev"]
        assert self.directory is not None  # the process reports cameras only once started, with it
        if kind == "found":
            self.directory.set_found(message["camera"], message["main"], message["sub"])
        elif kind == "problem":
            self.directory.set_problem(message["camera"], message["message"])
        elif kind == "probed":
            camera_id, probe = message["camera"], message["probe"]
            if probe is not None:
                self.probes[camera_id] = probe
            self.probed.emit(camera_id, probe, message["problem"])
        elif kind == "started":
            with self._lock:
                started = self._started
            if started is not None and not started.done():
                started.set_result(None)
        elif kind == "result":
            with self._lock:
                future = self._calls.pop(int(message["id"]), None)
            if future is not None and message["error"] is not None:
                future.set_exception(message["error"])
            elif future is not None:
                future.set_result(message["value"])

    def _take_waiting(self) -> dict[int, concurrent.futures.Future[Any]]:
        calls, self._calls = self._calls, {}
        return calls

    def _on_gone(self, waiting: dict[int, concurrent.futures.Future[Any]]) -> None:
        """The commands on their way fail with the reason."""
        for future in waiting.values():
            future.set_exception(CameraUnreachable(PROCESS_GONE))

    def shutdown(self, timeout_s: float = 5.0) -> bool:
        """End the process (it closes its cameras' sessions when its socket closes) and the listening thread."""
        is_done, calls = self._end(timeout_s)
        for future in calls.values():
            future.cancel()
        return is_done
