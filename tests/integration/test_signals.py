"""SIGTERM at any moment: ``run`` as a real child process closes cleanly, writing what a closing desk writes."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from console.audit.log import AuditLog
from console.cli import DEMO_PASSWORD
from console.paths import REPO_ROOT
from console.sim.network import free_port
from console.store import open_store_file

pytestmark = pytest.mark.integration
SHOWN_MS = 60_000  # the bound of a failure (a loaded machine), not a figure
# What Qt's offscreen platform says on stderr when it shows a window: the sign-in dialog is up.
WINDOW_SHOWN = "does not support propagateSizeHints"
# The desk, with SIGTERM sent to itself at the worst moment: while a tile goes through its streams (it used to end
# the desk right there: "RuntimeError: dictionary changed size during iteration" at exit).
TERM_WHILE_POLLING = """
import os, signal, sys
from console.video.hub import StreamHandle

latest, polls = StreamHandle.latest, []

def latest_then_term(self):
    if sys._getframe(1).f_code.co_name == "poll_frames":
        polls.append(1)
        if len(polls) == 40:  # the wall has run a while
            os.kill(os.getpid(), signal.SIGTERM)
    return latest(self)

StreamHandle.latest = latest_then_term
from console.cli import main
sys.exit(main(sys.argv[1:]))
"""


def desk_config(folder: Path) -> Path:
    """Two cameras nobody answers for (nothing listens on their port) and the demo users."""
    folder.mkdir()
    port = free_port()
    cameras = ["version: 1", "areas:", "  - {id: station, name: Station}", "cameras:"]
    for number in (1, 2):
        cameras += [f"  - id: cam-{number}", f"    name: Camera {number}", "    kind: fixed", "    area: station",
                    "    location: {street: Teststraat, lat: 50.8, lon: 3.2}",
                    f"    streams: {{main: 'rtsp://127.0.0.1:{port}/cam-{number}'}}"]  # fmt: skip
    (folder / "cameras.yaml").write_text("\n".join(cameras) + "\n", encoding="utf-8")
    (folder / "users.yaml").write_text((REPO_ROOT / "camera_config" / "users.yaml").read_text(), encoding="utf-8")
    return folder


def start(command: list[str], environment: dict[str, str]) -> tuple[subprocess.Popen, queue.Queue]:
    """The child, its stderr read line by line on a thread (into the queue, None at its end)."""
    child = subprocess.Popen(command, cwd=REPO_ROOT, env=environment, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        assert child.stderr is not None
        for line in child.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, name="child-stderr", daemon=True).start()
    return child, lines


def wait_for_line(lines: queue.Queue, text: str, said: list[str]) -> None:
    deadline = time.monotonic() + SHOWN_MS / 1000
    while time.monotonic() < deadline:
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        if line is None:
            break
        said.append(line)
        if text in line:
            return
    pytest.fail(f"the child never said {text!r}: {''.join(said)}")


def rest_of(lines: queue.Queue, said: list[str]) -> str:
    while (line := lines.get(timeout=60)) is not None:
        said.append(line)
    return "".join(said)


def environment_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("UITKIJK_PASSWORD", "UITKIJK_STORE")}
    return {**environment, "QT_QPA_PLATFORM": "offscreen", **extra}


def test_sigterm_while_the_sign_in_dialog_is_up_closes_run_cleanly(tmp_path):
    config, data = desk_config(tmp_path / "config"), tmp_path / "data"
    child, lines = start([sys.executable, "main.py", "run", "--config", str(config), "--data", str(data)],
                         environment_for(tmp_path))  # fmt: skip
    said: list[str] = []
    try:
        wait_for_line(lines, WINDOW_SHOWN, said)  # the sign-in dialog shows, nobody signs in
        helpers = psutil.Process(child.pid).children(recursive=True)  # the desk's ONVIF process, started early
        child.send_signal(signal.SIGTERM)
        code = child.wait(60)
    finally:
        if child.poll() is None:
            child.kill()
    stderr = rest_of(lines, said)
    assert code == 0, stderr  # it used to die of the signal, or ignore it after a sign-out
    assert "Traceback" not in stderr
    assert not [helper for helper in helpers if helper.is_running() and helper.status() != psutil.STATUS_ZOMBIE]
    assert (data / "uitkijk.sqlite3").exists() and not (data / "uitkijk.sqlite3-wal").exists()  # the store closed


def test_sigterm_while_a_tile_goes_through_its_streams_ends_the_desk_between_events(tmp_path):
    config, data = desk_config(tmp_path / "config"), tmp_path / "data"
    command = [sys.executable, "-c", TERM_WHILE_POLLING, "run", "--config", str(config), "--data", str(data),
               "--user", "demo", "--reason", "virtual patrol: test round", "--layout", "2x2"]  # fmt: skip
    child, lines = start(command, environment_for(tmp_path, UITKIJK_PASSWORD=DEMO_PASSWORD))
    try:
        code = child.wait(SHOWN_MS / 1000 + 60)
    finally:
        if child.poll() is None:
            child.kill()
    stderr = rest_of(lines, [])
    assert code == 0, stderr
    assert "Traceback" not in stderr and "RuntimeError" not in stderr, stderr
    log = AuditLog(open_store_file(data / "uitkijk.sqlite3"), data / "audit.key")
    try:
        entries = list(log.entries())
        assert log.verify().is_intact
    finally:
        log.database.close()
    actions = [entry.action for entry in entries]
    assert actions.count("view start") == 2 and actions.count("view stop") == 2  # both tiles' views ended, logged
    assert actions[-1] == "logout" and '"console closed"' in entries[-1].detail
