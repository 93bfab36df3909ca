"""A room's recording parts, real: the relay, recorders as processes of their own (``main.py record``), PostgreSQL.

Shared by the recorder's room tests and ``bench/recorder_failover.py``. The camera configuration is
written with ``recording:`` on the chosen cameras and a ``room.yaml`` naming the store and the relay;
each recorder is a service puller at the relay with a secret of its own, given in its environment
as room.yaml says (``${UITKIJK_RELAY_PASSWORD}``).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from console.audit.log import KEY_FILE, load_or_create_key
from console.config.loader import load_camera_config
from console.config.room import ROOM_FILE, WHEN_DOWN, Puller, Relay
from console.paths import REPO_ROOT
from console.relay.service import RelayService
from console.sim.network import free_port
from console.store import archive, open_store
from console.store import relay as relay_table

PASSWORD_VARIABLE = "UITKIJK_RELAY_PASSWORD"


class RecordingRoom:
    def __init__(self, work: Path, store_url: str, source_config: Path, recorded: list[str], recorders: list[str],
                 desks: tuple[str, ...] = ("ws-01", "ws-02"), stream: str = "sub") -> None:  # fmt: skip
        self.work = work
        self.store_url = store_url
        self.recorded = recorded
        self.secrets = {name: secrets.token_urlsafe(18) for name in (*recorders, *desks)}
        self.recorder_names = recorders
        self.desks = desks
        self.config_dir = work / "camera_config"
        shutil.copytree(source_config, self.config_dir, ignore=shutil.ignore_patterns(ROOM_FILE))
        cameras = yaml.safe_load((self.config_dir / "cameras.yaml").read_text(encoding="utf-8"))
        for camera in cameras["cameras"]:
            if camera["id"] in recorded:
                camera["recording"] = {"stream": stream, "retention_days": 7}
        (self.config_dir / "cameras.yaml").write_text(yaml.safe_dump(cameras, sort_keys=False), encoding="utf-8")
        self.relay = Relay("127.0.0.1", free_port(), "127.0.0.1", 10.0, dict(WHEN_DOWN),
                           pullers=tuple(Puller(name, secret, is_desk=name in desks)
                                         for name, secret in self.secrets.items()))  # fmt: skip
        room = {"version": 1, "store": store_url,
                "relay": {"host": "127.0.0.1", "port": self.relay.port, "listen": "127.0.0.1", "linger_s": 10.0,
                          "password": f"${{{PASSWORD_VARIABLE}}}",
                          "desks": {name: f"${{SECRET_{index}_OF_THE_RELAY}}" for index, name in enumerate(desks)},
                          "services": {name: f"${{SECRET_{index}_OF_THE_RELAY}}"
                                       for index, name in enumerate(recorders, start=len(desks))}},
                "workstations": [{"id": name, "name": name} for name in desks]}  # fmt: skip
        (self.config_dir / ROOM_FILE).write_text(yaml.safe_dump(room, sort_keys=False), encoding="utf-8")
        self.config = load_camera_config(self.config_dir, {})
        self.database = open_store(work / "room", store_url)
        self.key = work / "room-audit.key"
        load_or_create_key(self.key)
        self.service: RelayService | None = None
        self.processes: dict[str, subprocess.Popen] = {}

    def start_relay(self) -> RelayService:
        (self.work / "relay").mkdir(exist_ok=True)
        self.service = RelayService(self.config, self.relay, self.work / "relay", self.database, check_desks=False)
        self.service.start()
        return self.service

    def as_desk(self, workstation: str) -> Relay:
        """The relay as a desk's room.yaml gives it: its workstation as user, its own secret."""
        return Relay(self.relay.host, self.relay.port, self.relay.listen, self.relay.linger_s, self.relay.when_down,
                     self.secrets[workstation], workstation)  # fmt: skip

    def log_path(self, name: str) -> Path:
        return self.work / f"{name}.log"

    def start_recorder(self, name: str) -> subprocess.Popen:
        data = self.work / name
        data.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.key, data / KEY_FILE)  # the room's audit key: its pulls are entries of the room's log
        environment = {**os.environ, PASSWORD_VARIABLE: self.secrets[name]}
        environment.pop("UITKIJK_STORE", None)
        with open(self.log_path(name), "ab") as log:
            process = subprocess.Popen([sys.executable, "main.py", "record", "--config", str(self.config_dir),
                                        "--data", str(data), "--store", self.store_url, "--name", name,
                                        "--min-free-mb", "1"], cwd=REPO_ROOT, env=environment,
                                       stdin=subprocess.DEVNULL, stdout=log, stderr=log)  # fmt: skip
        self.processes[name] = process
        return process

    def kill(self, name: str) -> None:
        """SIGKILL: no clean stop, no claim given back."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(30)

    def stop(self, name: str) -> int:
        process = self.processes.pop(name)
        process.terminate()
        return process.wait(60)

    def claims(self) -> dict[str, str]:
        with self.database.read() as transaction:
            return {claim.camera: claim.recorder for claim in archive.read_claims(transaction)}

    def segments(self) -> list[archive.SegmentRecord]:
        with self.database.read() as transaction:
            return archive.segments(transaction)

    def gaps(self) -> list[archive.GapRecord]:
        with self.database.read() as transaction:
            return archive.gaps(transaction)

    def relay_streams(self) -> dict[str, relay_table.RelayStreamRow]:
        """The relay's report as the store holds it (written every 2 s): path -> its row."""
        with self.database.read() as transaction:
            return {stream.path: stream for row in relay_table.read_relays(transaction) for stream in row.streams}

    def logs(self) -> str:
        return "".join(self.log_path(name).read_text(encoding="utf-8", errors="replace")
                       for name in self.recorder_names if self.log_path(name).exists())  # fmt: skip

    def close(self) -> None:
        for name in list(self.processes):
            process = self.processes.pop(name)
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        if self.service is not None:
            self.service.stop()
        self.database.close()
