"""The relay's RTSP server as a child process: mounts in, what it pulls and serves out.

The server is our own forwarder (``copy_relay.py``, standard library, under the console's own
interpreter: the camera's RTP forwarded at the cost of a copy), or GStreamer's (``gst_relay.py``,
under Debian's Python with GStreamer's bindings; room.yaml's ``relay.server: gstreamer``). Both
speak the same lines on their standard input and output. Camera addresses (with their passwords) and the pullers'
secrets go to the child on its standard input, never on a command line; what comes back names
mounts and pullers only.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from console.config.room import Puller
from console.config.secrets import mask

LOGGER = logging.getLogger("uitkijk.relay")
SYSTEM_PYTHON = "/usr/bin/python3"
SERVER_SCRIPT = Path(__file__).with_name("gst_relay.py")
SERVERS = {  # room.yaml's relay.server: the interpreter and the script
    "copy": (sys.executable, Path(__file__).with_name("copy_relay.py")),
    "gstreamer": (SYSTEM_PYTHON, SERVER_SCRIPT),
}
READY_TIMEOUT_S = 15.0


class RelayError(RuntimeError):
    """The relay could not start (a message an administrator can act on)."""


@dataclass(frozen=True)
class StreamReport:
    """One mount as the relay last reported it."""

    path: str  # "/station-01/main"
    pulled: bool  # the camera is being pulled now
    viewers: int  # desks receiving it now
    bytes_in: int  # video payload from the camera since the relay started
    bytes_out: int  # the same payload, once per desk that received it
    pulls: int  # how often the camera was pulled (desks that come and go within the linger share one pull)
    codec: str | None
    age_s: float | None  # since the last picture came in
    problem: str | None
    pullers: tuple[str, ...] = ()  # who receives it now: desks' workstations, services' names
    carried: str | None = None  # "forwarded" (the camera's packets as they came) or "parameter sets inserted"

    @property
    def camera(self) -> str:
        return self.path.strip("/").split("/")[0]

    @property
    def role(self) -> str:
        return self.path.strip("/").split("/")[-1]


@dataclass(frozen=True)
class Refusal:
    """A pull the relay refused: who (as the credential said), from where, why."""

    user: str
    address: str
    why: str


class RelayProcess:
    def __init__(self, listen: str, port: int, linger_s: float, stall_s: float = 3.0, pullers: Sequence[Puller] = (),
                 check_desks: bool = False, on_refused: Callable[[Refusal], None] | None = None,
                 server: str = "copy", session_timeout_s: int = 60) -> None:  # fmt: skip
        """``pullers``: who may pull (none: every pull is refused); ``check_desks``: a desk pulls only once
        ``set_desk_rights`` cleared it; ``on_refused`` is called on the reports' thread; ``server``: "copy" (our
        own forwarder) or "gstreamer"; ``session_timeout_s``: a desk's session set up and not played is ended after
        it (the copy relay)."""
        self._settings = {"address": listen, "port": port, "linger_s": linger_s, "stall_s": stall_s,
                          "session_timeout_s": session_timeout_s,
                          "pullers": [{"user": puller.name, "password": puller.password, "is_desk": puller.is_desk}
                                      for puller in pullers], "check_desks": check_desks}  # fmt: skip
        self._on_refused = on_refused
        self._interpreter, self._script = SERVERS[server]
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._reports: dict[str, StreamReport] = {}
        self._ready = threading.Event()
        self._ready_line: dict = {}
        self.port: int | None = None

    def start(self) -> None:
        if not Path(self._interpreter).exists():
            raise RelayError(f"{self._interpreter} is missing: install python3 and python3-gi (make setup does)")
        self._process = subprocess.Popen(
            [self._interpreter, str(self._script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # Ctrl+C in a terminal reaches the parent, which stops the child
        )
        self._send(self._settings)
        threading.Thread(target=self._read_reports, name="relay-reports", daemon=True).start()
        threading.Thread(target=self._read_errors, name="relay-errors", daemon=True).start()
        if not self._ready.wait(READY_TIMEOUT_S) or "ready" not in self._ready_line:
            problem = self._ready_line.get("error") or "it did not start"
            self.stop()
            raise RelayError(f"the relay cannot serve on {self._settings['address']}:{self._settings['port']}: "
                             f"{problem}")  # fmt: skip
        self.port = int(self._ready_line["ready"])

    def mount(self, path: str, url: str) -> None:
        self._send({"mount": {"path": path, "url": url}})

    def unmount(self, path: str) -> None:
        self._send({"unmount": path})

    def set_desk_rights(self, rights: Mapping[str, str | None]) -> None:
        """Which desks may pull now: workstation -> None (may) or why not; a desk not named may not."""
        self._send({"desk_rights": dict(rights)})

    def reports(self) -> list[StreamReport]:
        with self._lock:
            return list(self._reports.values())

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _send(self, message: dict) -> None:
        assert self._process is not None and self._process.stdin is not None
        try:
            with self._send_lock:  # mounts come from the ONVIF threads, rights from their own
                self._process.stdin.write(json.dumps(message) + "\n")
                self._process.stdin.flush()
        except (BrokenPipeError, ValueError) as error:
            raise RelayError(f"the relay's server stopped: {error}") from error

    def _read_reports(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "ready" in message or "error" in message:
                self._ready_line = message
                self._ready.set()
            elif "streams" in message:
                reports = {item["path"]: StreamReport(**{**item, "pullers": tuple(item.get("pullers", ()))})
                           for item in message["streams"]}  # fmt: skip
                with self._lock:
                    self._reports = reports
            elif "event" in message:
                LOGGER.info("%s", message["event"])
            elif "refused" in message:
                refusal = Refusal(**message["refused"])
                LOGGER.warning("refused a pull by %s from %s: %s", refusal.user, refusal.address, refusal.why)
                if self._on_refused is not None:
                    self._on_refused(refusal)
        self._ready.set()

    def _read_errors(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        for line in self._process.stderr:
            if line.strip():
                LOGGER.warning("relay server: %s", mask(line.rstrip()))  # a camera's address may hold a password

    def stop(self, timeout_s: float = 5.0) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout_s)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                process.kill()
                process.wait(timeout_s)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


GstRelayProcess = RelayProcess  # its former name: the tests and benches that start a relay's server use it
