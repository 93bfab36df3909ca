"""The ONVIF process: a desk's ONVIF cameras set up and steered away from the GUI's interpreter.

Started by :class:`console.onvif.process.OnvifProcess` as ``python -m console.onvif.host FD NICENESS``.
FD is its end of a Unix socket pair: one pickled message per datagram. Commands:
``camera`` (each configured ONVIF camera) and ``ready`` (with the time-out) first, then
``start`` (set them all up) and ``call`` (a PTZ command of :class:`OnvifService`). Reports: ``found`` and
``problem`` (a camera's streams, for the console's directory), ``probed``, ``started``,
``result`` (a call's value or its typed error) and ``log``.

Why a process: zeep and lxml parse every SOAP answer holding the interpreter lock, and
16 cameras set up at once kept the GUI thread from it for 36-85 ms (``bench.ptz``).
Here they share an interpreter of their own; the service descriptions are parsed here
too, while the desk's user signs in, instead of before the console's window shows.
"""

from __future__ import annotations

import concurrent.futures
import logging
import pickle
import sys
from typing import Any

from console.child_process import MESSAGE_BYTES, Channel, pickled, run_child
from console.config.schema import Camera
from console.onvif.models import CameraFault, CameraProbe, OnvifError
from console.onvif.service import OnvifService
from console.wording import QT_TRANSLATE_NOOP, Worded

COMMAND_FAILED = QT_TRANSLATE_NOOP("Domain", "the command failed ({kind})")
ANSWER_TOO_LARGE = QT_TRANSLATE_NOOP("Domain", "the camera's answer is too large")

LOGGER = logging.getLogger("uitkijk.onvif")
CALLS = frozenset({"continuous_move", "stop_move", "status", "presets", "goto_preset", "set_preset",
                   "remove_preset", "absolute_move", "goto_home"})  # fmt: skip


class DirectoryHere:
    """The console's stream directory as this process sees it: what it learns goes home at once."""

    def __init__(self, channel: Channel) -> None:
        self._channel = channel
        self._problems: dict[str, Worded] = {}

    def problem(self, camera_id: str) -> Worded | None:
        return self._problems.get(camera_id)

    def set_found(self, camera_id: str, main: str, sub: str | None) -> None:
        self._problems.pop(camera_id, None)
        self._channel.send({"ev": "found", "camera": camera_id, "main": main, "sub": sub})

    def set_problem(self, camera_id: str, problem: Worded) -> None:
        self._problems[camera_id] = problem
        self._channel.send({"ev": "problem", "camera": camera_id, "message": problem})


def bounded(message: dict[str, Any], too_large: dict[str, Any]) -> bytes:
    """The message, or ``too_large`` when a camera's answer made it larger than a datagram may be."""
    data = pickled(message)
    return data if len(data) <= MESSAGE_BYTES else pickled(too_large)


def serve(channel: Channel) -> None:
    """Carry out the console's commands until it closes its end."""
    cameras: list[Camera] = []
    while True:  # the cameras, one per message (a zone's do not fit in one), then the time-out
        data = channel.connection.recv(MESSAGE_BYTES)
        if not data:
            return
        message = pickle.loads(data)
        if message["op"] == "camera":
            cameras.append(message["camera"])
        elif message["op"] == "ready":
            break
    service = OnvifService(cameras, DirectoryHere(channel), timeout_s=float(message["timeout_s"]))

    def report_probe(camera_id: str, probe: CameraProbe | None, problem: str | None) -> None:
        message = {"ev": "probed", "camera": camera_id, "probe": probe, "problem": problem}
        too_large = {**message, "probe": None, "problem": "ONVIF: the camera's description is too large"}
        channel.send_encoded(bounded(message, too_large))

    def report_result(call_id: int, future: concurrent.futures.Future[Any]) -> None:
        error = future.exception()
        if error is not None and not isinstance(error, OnvifError):
            LOGGER.error("an ONVIF call failed", exc_info=error)
            error = CameraFault(COMMAND_FAILED, kind=type(error).__name__)
        message = {"ev": "result", "id": call_id, "value": None if error else future.result(), "error": error}
        too_large = {**message, "value": None, "error": CameraFault(ANSWER_TOO_LARGE)}
        channel.send_encoded(bounded(message, too_large))

    service.probed.connect(report_probe)
    service.warm_up()
    try:
        while True:
            try:
                data = channel.connection.recv(MESSAGE_BYTES)
            except OSError:
                break
            if not data:
                break  # the console closed its end (or died)
            try:
                message = pickle.loads(data)
                if message["op"] == "start":
                    service.start().add_done_callback(lambda _: channel.send({"ev": "started"}))
                elif message["op"] == "call" and message["method"] in CALLS:
                    call_id = int(message["id"])
                    future = getattr(service, message["method"])(*message["args"])
                    future.add_done_callback(lambda done, c=call_id: report_result(c, done))
            except Exception:
                LOGGER.exception("a command to the ONVIF process failed")
    finally:
        service.shutdown()


if __name__ == "__main__":
    sys.exit(run_child(sys.argv, pickled, serve, LOGGER, "ONVIF"))
