"""The events service as a child process: a lone desk's (no room, its own store) and the demo's.

A room runs one events service for all its desks (``python main.py events`` on a PC of its own);
a desk alone has nobody else to run it, so it starts one beside itself, started again when it
dies, and stopped with the desk (SIGTERM: its subscriptions given back).
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

from console.child_process import SOURCE_ROOT, end_child

LOGGER = logging.getLogger("uitkijk.events")
RESTART_DELAY_S = 2.0
STOP_TIMEOUT_S = 15.0


def events_command(config_dir: Path, data_dir: Path, store_url: str | None = None,
                   name: str | None = None) -> list[str]:  # fmt: skip
    command = [sys.executable, str(SOURCE_ROOT / "main.py"), "events", "--config", str(config_dir), "--data",
               str(data_dir)]  # fmt: skip
    if store_url:
        command += ["--store", store_url]
    if name:
        command += ["--name", name]
    return command


class EventsChild:
    """``main.py events`` beside this process, kept running until ``stop``."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self.command = command
        self.env = env
        self.restarts = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._keep, name="events-child", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def _keep(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                if self._stop.is_set():
                    return
                try:
                    process = self._process = subprocess.Popen(
                        self.command, cwd=SOURCE_ROOT, env=self.env, stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    )  # fmt: skip
                except OSError as error:
                    LOGGER.error("the events service could not start: %s", error)
                    process = None
            if process is not None:
                LOGGER.info("events service process %d started", process.pid)
                code = process.wait()
                if self._stop.is_set():
                    return
                self.restarts += 1
                LOGGER.error("the events service ended (exit code %s); starting it again in %.0f s", code,
                             RESTART_DELAY_S)  # fmt: skip
            self._stop.wait(RESTART_DELAY_S)

    def stop(self) -> bool:
        """Stop it (SIGTERM, then kill after ``STOP_TIMEOUT_S``); True when it ended by itself."""
        with self._lock:
            self._stop.set()
            process = self._process
        is_clean = True
        if process is not None and process.poll() is None:
            process.terminate()
            is_clean = end_child(process, STOP_TIMEOUT_S)
        if self._thread.is_alive():
            self._thread.join(STOP_TIMEOUT_S)
        return is_clean
