"""The running simulator's control endpoint: ``main.py sim event CAMERA KIND`` reaches it here.

The simulator (``main.py sim``, or the one a demo starts) listens on a loopback TCP port and
writes the port, with a random token, to ``sim-control.json`` in its data folder (0600, like
everything there): only this account's commands find it, nothing outside the machine reaches it.
One request per connection: a JSON line {"token", "camera", "kind"}, answered by {"ok": true} or
{"error": "..."} (one line an operator can read).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import socketserver
import threading
from collections.abc import Callable
from pathlib import Path

LOGGER = logging.getLogger("uitkijk.sim.control")
CONTROL_FILE = "sim-control.json"
REPLY_TIMEOUT_S = 60.0  # an event's clip may be made first (a few seconds; more on a loaded machine)

# What a simulated camera can be made to do; the second of each pair ends the first.
VIDEO_KINDS = ("motion", "tamper-cover", "tamper-move", "tamper-end", "video-loss", "video-back")
MOBBOX_KINDS = ("door-open", "door-close", "battery-low", "battery-ok", "uplink-lost", "uplink-ok")
EVENT_KINDS = VIDEO_KINDS + MOBBOX_KINDS


class SimControlError(RuntimeError):
    """The event could not be given; the message is one line for the terminal."""


class SimControlServer:
    """Answers ``sim event`` for a running network; ``handle(camera, kind)`` raises SimControlError to refuse."""

    def __init__(self, data_dir: Path, handle: Callable[[str, str], None]) -> None:
        self.path = data_dir / CONTROL_FILE
        self._handle = handle
        self._token = secrets.token_hex(16)
        control = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self.connection.settimeout(REPLY_TIMEOUT_S)
                try:
                    request = json.loads(self.rfile.readline(4096))
                    reply = control._answer(request)
                except (ValueError, OSError, TypeError, AttributeError) as error:
                    reply = {"error": f"unreadable request: {error}"}
                self.wfile.write(json.dumps(reply).encode() + b"\n")

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler, bind_and_activate=True)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="sim-control", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def _answer(self, request: dict) -> dict:
        if not secrets.compare_digest(str(request.get("token", "")), self._token):
            return {"error": "refused: wrong token"}
        camera, kind = str(request.get("camera", "")), str(request.get("kind", ""))
        try:
            self._handle(camera, kind)
        except SimControlError as error:
            return {"error": str(error)}
        except Exception as error:  # the simulator goes on; the command says what failed
            LOGGER.exception("sim event %s %s failed", camera, kind)
            return {"error": f"the simulator could not do it: {error}"}
        LOGGER.info("sim event: %s %s", camera, kind)
        return {"ok": True}

    def start(self) -> None:
        self._thread.start()
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps({"port": self.port, "token": self._token, "pid": os.getpid()}), "utf-8")
        os.chmod(partial, 0o600)
        partial.replace(self.path)

    def stop(self) -> None:
        try:  # only our own file: another simulator may have started on this folder since
            if json.loads(self.path.read_text("utf-8")).get("token") == self._token:
                self.path.unlink()
        except (OSError, ValueError):
            pass
        self._server.shutdown()
        self._server.server_close()


def send_event(data_dir: Path, camera: str, kind: str, timeout_s: float = REPLY_TIMEOUT_S) -> None:
    """Hand an event to the simulator running on ``data_dir``; SimControlError says why it was not done."""
    path = data_dir / CONTROL_FILE
    no_simulator = f"no simulator runs on {data_dir} (start 'main.py sim' or 'main.py demo' with this --data)"
    try:
        found = json.loads(path.read_text("utf-8"))
        port, token = int(found["port"]), str(found["token"])
    except FileNotFoundError:
        raise SimControlError(no_simulator) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SimControlError(f"{path} is unreadable: {error}") from None
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout_s) as connection:
            connection.sendall(json.dumps({"token": token, "camera": camera, "kind": kind}).encode() + b"\n")
            answer = connection.makefile("rb").readline()
    except OSError:
        raise SimControlError(no_simulator) from None
    try:
        reply = json.loads(answer)
    except ValueError:
        raise SimControlError("the simulator did not answer") from None
    if not reply.get("ok"):
        raise SimControlError(str(reply.get("error", "the simulator refused")))
