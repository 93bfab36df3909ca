"""What the console's child processes share: a socket pair, one message per datagram, log lines sent home.

A desk does its heaviest Python work in children of its own (decoding in
:mod:`console.video.decoder_host`, ONVIF in :mod:`console.onvif.host`): threads
in the console's interpreter would take the interpreter lock from the GUI thread,
whose every Qt call must win it back (DESIGN.md; issue 11).
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SOURCE_ROOT = Path(__file__).resolve().parents[1]  # where ``console`` is importable from
MESSAGE_BYTES = 65536  # the largest message either way: a datagram of a SOCK_SEQPACKET pair


def pickled(message: dict[str, Any]) -> bytes:
    """A message between the console and a child of its own (trusted both ways: the same program)."""
    return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)


class Channel:
    """A child's end of the socket: messages out may come from any of its threads."""

    def __init__(self, connection: socket.socket, encode: Callable[[dict[str, Any]], bytes]) -> None:
        self.connection = connection
        self._encode = encode
        self._lock = threading.Lock()

    def send(self, message: dict[str, Any]) -> None:
        self.send_encoded(self._encode(message))

    def send_encoded(self, data: bytes) -> None:
        with self._lock:
            try:
                self.connection.send(data)
            except OSError:
                pass  # the console is gone: the receive loop sees it and the process ends


class LogToConsole(logging.Handler):
    """Log records go to the console's log, under their own logger's name (as ``log`` messages)."""

    def __init__(self, channel: Channel) -> None:
        super().__init__(logging.INFO)
        self._channel = channel

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            if record.exc_info:
                message += "\n" + logging.Formatter().formatException(record.exc_info)
            self._channel.send({"ev": "log", "name": record.name, "level": record.levelno, "message": message})
        except Exception:  # noqa: BLE001 - a log line must never end a worker
            pass


def log_from_child(message: dict[str, Any]) -> None:
    """A child's ``log`` message, written to the console's own log under the child's logger name."""
    logging.getLogger(str(message["name"])).log(int(message["level"]), "%s", message["message"])


def child_channel(argv: list[str], encode: Callable[[dict[str, Any]], bytes]) -> Channel:
    """In the child: its end of the socket (``argv[1]``), its log sent home, its niceness (``argv[2]``) taken."""
    channel = Channel(socket.socket(fileno=int(argv[1])), encode)
    root = logging.getLogger()
    root.handlers[:] = [LogToConsole(channel)]
    root.setLevel(logging.INFO)
    niceness = int(argv[2]) if len(argv) > 2 else 0
    if niceness:
        os.nice(niceness)
    return channel


def run_child(argv: list[str], encode: Callable[[dict[str, Any]], bytes], serve: Callable[[Channel], None],
              logger: logging.Logger, label: str) -> int:  # fmt: skip
    """A child's ``main``: serve the console until it closes its end; a failure is logged home, exit code 1."""
    channel = child_channel(argv, encode)
    try:
        serve(channel)
    except Exception:
        logger.exception("the %s process failed", label)
        return 1
    return 0


def spawn_child(module: str, niceness: int, env: dict[str, str] | None = None
                ) -> tuple[subprocess.Popen[bytes], socket.socket]:  # fmt: skip
    """Start ``python -m module FD NICENESS`` with its end of a new socket pair; the console keeps the other.

    Raises OSError when it cannot start.
    """
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", module, str(theirs.fileno()), str(niceness)],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, cwd=SOURCE_ROOT, env={**os.environ, **(env or {})},
        )  # fmt: skip
    except OSError:
        ours.close()
        raise
    finally:
        theirs.close()
    return process, ours


def end_child(process: subprocess.Popen[bytes], timeout_s: float) -> bool:
    """Wait for a child that was told to end; kill it when it does not in time. True when it ended by itself."""
    try:
        process.wait(max(0.1, timeout_s))
        return True
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return False


class ChildProcess:
    """A desk's child process, the thread that listens to it, and its restart when it dies.

    Subclasses say what a message is (``_decode``, ``_handle``), what goes to a new process
    (``_greet`` on the listening thread, may wait; ``_on_ready`` under the lock, may not),
    and what waited on one that died (``_take_waiting`` under the lock, ``_on_gone`` after).
    ``self._socket`` is the connection commands go to: None until the process is ready.
    """

    label = "child"  # in log lines: "the {label} process ..."
    thread_name = "child-process"  # of the thread that listens to it
    logger = logging.getLogger("uitkijk")
    module = ""  # run as ``python -m module FD NICENESS``
    restart_delay_s = 1.0

    def __init__(self, niceness: int, env: dict[str, str] | None = None) -> None:
        self._niceness = niceness
        self._env = env
        # The connection and every message sent: commands go out in the order they were decided.
        self._lock = threading.Lock()
        self._connection: socket.socket | None = None  # to the process, from its start
        self._socket: socket.socket | None = None  # the same, once it is ready: commands may go
        self._process: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        self._closing = threading.Event()
        self.restarts = 0

    def launch(self) -> None:
        """Start the listening thread, which starts the process (once; not after ``_end``)."""
        with self._lock:
            if self._thread is not None or self._closing.is_set():
                return
            thread = self._thread = threading.Thread(target=self._serve, name=self.thread_name, daemon=True)
        thread.start()

    # -- for subclasses ------------------------------------------------------------------
    def _decode(self, data: bytes) -> dict[str, Any]:
        raise NotImplementedError

    def _encode(self, message: dict[str, Any]) -> bytes:
        raise NotImplementedError

    def _handle(self, message: dict[str, Any]) -> None:
        raise NotImplementedError

    def _greet(self, connection: socket.socket) -> None:
        """What a new process needs before any command (may wait; raises OSError when it has gone)."""

    def _on_ready(self, connection: socket.socket) -> None:
        """Under the lock, once the process is ready: what was asked before it ran, or before it died."""

    def _take_waiting(self) -> Any:
        """Under the lock, when the process has gone or is being ended: what waited on it."""
        return None

    def _on_gone(self, waiting: Any) -> None:
        """After the process died (it starts again after ``restart_delay_s``)."""

    # -- the process ---------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._closing.is_set():
            connection = self._spawn()
            if connection is not None:
                self._receive(connection)
                if not self._closing.is_set():
                    connection.close()  # _end() closes the last one itself
            if self._closing.is_set():
                break
            self._process_gone()
            self._closing.wait(self.restart_delay_s)

    def _spawn(self) -> socket.socket | None:
        try:
            process, ours = spawn_child(self.module, self._niceness, self._env)
        except OSError as error:
            self.logger.error("the %s process could not start: %s", self.label, error)
            return None
        with self._lock:
            if self._closing.is_set():  # ended while it started: it ends with its socket
                ours.close()
                process.wait()
                return None
            self._process, self._connection = process, ours
        try:
            self._greet(ours)  # on this thread; _end() ends a wait
        except OSError:
            return ours  # it has gone: the receiving loop sees it at once
        with self._lock:
            self._socket = ours
            self._on_ready(ours)
        self.logger.info("%s process %d started (niceness %d)", self.label, process.pid, self._niceness)
        return ours

    def _send(self, connection: socket.socket, message: dict[str, Any], descriptor: int | None = None) -> bool:
        """One message, never waiting: a process that stopped reading its commands is ended (and started again)."""
        data = self._encode(message)
        try:
            if descriptor is None:
                connection.send(data, socket.MSG_DONTWAIT)
            else:
                socket.send_fds(connection, [data], [descriptor], socket.MSG_DONTWAIT)
            return True
        except BlockingIOError:
            self.logger.error("the %s process stopped reading its commands; ending it", self.label)
            self._kill()
        except OSError:
            pass  # it has gone: the listening thread starts it again
        return False

    def _receive(self, connection: socket.socket) -> None:
        while True:
            try:
                data = connection.recv(MESSAGE_BYTES)
            except OSError:
                return
            if not data:
                return
            try:
                message = self._decode(data)
                if message.get("ev") == "log":
                    log_from_child(message)
                else:
                    self._handle(message)
            except Exception:
                self.logger.exception("a report from the %s process could not be read", self.label)

    def _process_gone(self) -> None:
        with self._lock:
            process, self._process, self._connection, self._socket = self._process, None, None, None
            waiting = self._take_waiting()
        if process is not None:
            end_child(process, 2.0)  # it has closed its end: gone, or about to be
        self.restarts += 1
        self.logger.error("the %s process ended (exit code %s); starting it again in %.0f s", self.label,
                          process.returncode if process is not None else None, self.restart_delay_s)  # fmt: skip
        self._on_gone(waiting)

    def _kill(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()

    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None else None

    def _end(self, timeout_s: float) -> tuple[bool, Any]:
        """End the process (it stops when its socket closes) and the listening thread: (ended in time, waiting)."""
        deadline_s = time.monotonic() + timeout_s
        with self._lock:
            self._closing.set()
            connection, process, thread = self._connection, self._process, self._thread
            waiting = self._take_waiting()
        if connection is not None:
            try:
                connection.shutdown(socket.SHUT_RDWR)  # the process sees the end of its commands and stops
            except OSError:
                pass
        is_done = process is None or end_child(process, deadline_s - time.monotonic())
        if thread is not None:
            thread.join(max(0.1, deadline_s - time.monotonic()))
            is_done = is_done and not thread.is_alive()
        if connection is not None:
            connection.close()
        return is_done, waiting
