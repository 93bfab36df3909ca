"""Two relays of one room on this PC, real: ``main.py relay --host --port`` processes sharing the cameras by claims
in one store (PostgreSQL, or one SQLite file). Shared by ``test_relays_shared.py`` and ``bench/relay_failover.py``:
room.yaml names both relays, a desk (ws-01) and two services, their secrets given to the relays in their
environment as room.yaml says."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import yaml

from console.config.loader import load_camera_config
from console.config.room import ROOM_FILE
from console.paths import REPO_ROOT
from console.sim.network import free_port
from console.store import open_store
from console.store import relay as table

DESK_SECRET = "Bureau-Een-Geheim-1"
RECORDER_SECRET = "Opname-Geheim-77"
EVENTS_SECRET = "Gebeurtenis-Geheim-5"


class TwoRelays:
    """room.yaml naming two relays on this PC, each started as ``main.py relay --host --port`` (a process)."""

    def __init__(self, work: Path, store_url: str, source_config: Path) -> None:
        self.work = work
        self.store_url = store_url
        self.ports = (free_port(), free_port())
        self.config_dir = work / "camera_config"
        shutil.copytree(source_config, self.config_dir, ignore=shutil.ignore_patterns(ROOM_FILE))
        room = {"version": 1, "store": store_url,
                "relay": {"host": "127.0.0.1", "port": self.ports[0], "listen": "127.0.0.1", "linger_s": 2.0,
                          "when_down": {"fixed": "wait", "anpr": "wait"},
                          "password": "${UITKIJK_RELAY_PASSWORD}", "desks": {"ws-01": "${DESK_SECRET_OF_THE_RELAY}"},
                          "services": {"recorder-1": "${RECORDER_SECRET_OF_THE_RELAY}",
                                       "events-1": "${EVENTS_SECRET_OF_THE_RELAY}"},
                          "also": [{"host": "127.0.0.1", "port": self.ports[1], "listen": "127.0.0.1"}]},
                "workstations": [{"id": "ws-01", "name": "Desk 1"}]}  # fmt: skip
        (self.config_dir / ROOM_FILE).write_text(yaml.safe_dump(room, sort_keys=False), encoding="utf-8")
        self.config = load_camera_config(self.config_dir, {})
        self.database = open_store(work / "room", store_url)
        self.processes: dict[int, subprocess.Popen] = {}
        self.frozen: dict[int, list[int]] = {}  # port -> the stopped relay's process and children

    def address(self, port: int) -> str:
        return f"127.0.0.1:{port}"

    def start(self, port: int) -> None:
        data = self.work / f"relay-{port}"
        data.mkdir(exist_ok=True)
        environment = {**os.environ, "DESK_SECRET_OF_THE_RELAY": DESK_SECRET,
                       "RECORDER_SECRET_OF_THE_RELAY": RECORDER_SECRET,
                       "EVENTS_SECRET_OF_THE_RELAY": EVENTS_SECRET}  # fmt: skip
        environment.pop("UITKIJK_STORE", None)
        with open(self.work / f"relay-{port}.log", "ab") as log:
            self.processes[port] = subprocess.Popen(
                [sys.executable, "main.py", "relay", "--config", str(self.config_dir), "--data", str(data), "--store",
                 self.store_url, "--host", "127.0.0.1", "--port", str(port)], cwd=REPO_ROOT, env=environment,
                stdin=subprocess.DEVNULL, stdout=log, stderr=log)  # fmt: skip

    def kill(self, port: int) -> None:
        """SIGKILL: no clean stop, no claim given back (its GStreamer child ends with its parent's pipe)."""
        process = self.processes.pop(port)
        process.send_signal(signal.SIGKILL)
        process.wait(30)

    def freeze(self, port: int) -> None:
        """SIGSTOP the relay and its children: a PC gone without a word (no power): nothing refused, nothing reset,
        its connections stall. Killed with them at ``close``. Not in the middle of a write: the room's write lock
        would be held for the server's idle limit (60 s), longer than a test waits (let go, and frozen again)."""
        for _ in range(10):
            process = psutil.Process(self.processes[port].pid)
            family = [process, *process.children(recursive=True)]
            self.frozen[port] = [member.pid for member in family]  # first: killed at close whatever happens next
            for member in family:
                with contextlib.suppress(psutil.NoSuchProcess):
                    member.send_signal(signal.SIGSTOP)
            if not self.holds_the_write_lock(self.frozen[port]):
                return
            for member in family:
                with contextlib.suppress(psutil.NoSuchProcess):
                    member.send_signal(signal.SIGCONT)
            del self.frozen[port]
            let_go_by_s = time.monotonic() + 30
            while self.holds_the_write_lock([member.pid for member in family]) and time.monotonic() < let_go_by_s:
                pass  # its write ends in milliseconds once it runs: asked again at once
        raise AssertionError(f"the relay on {port} was caught in a write ten times")

    def holds_the_write_lock(self, pids: list[int]) -> bool:
        """One of these processes' sessions holds the room's write lock (PostgreSQL; one SQLite file says nothing)."""
        if self.database.dialect != "postgresql":
            return False
        with self.database.read() as transaction:
            names = [row[0] for row in transaction.execute(
                "SELECT application_name FROM pg_locks JOIN pg_stat_activity USING (pid)"
                " WHERE locktype = 'advisory' AND granted")]  # fmt: skip
        return any(name in {f"uitkijk pid {pid}" for pid in pids} for name in names)

    def claims(self) -> dict[str, str]:
        with self.database.read() as transaction:
            return {claim.camera: claim.relay for claim in table.read_claims(transaction)}

    def mounted(self) -> dict[str, set[str]]:
        """Each relay's mounted cameras, as its report in the store says (written every 2 s)."""
        with self.database.read() as transaction:
            return {row.relay: {stream.camera for stream in row.streams} for row in table.read_relays(transaction)}

    def relays(self) -> list[table.RelayRow]:
        """Each relay's last report in the store: its streams and who pulls them."""
        with self.database.read() as transaction:
            return table.read_relays(transaction)

    def takeovers(self) -> list[table.Takeover]:
        with self.database.read() as transaction:
            return table.read_takeovers(transaction, limit=100)

    def logs(self) -> str:
        return "".join(path.read_text(encoding="utf-8", errors="replace") for path in self.work.glob("relay-*.log"))

    def close(self) -> None:
        for pids in self.frozen.values():  # a stopped process answers no SIGTERM, and its children no parent's end
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        for port in list(self.processes):
            process = self.processes.pop(port)
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        self.database.close()
