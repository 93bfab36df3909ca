"""The real simulated camera network (GStreamer RTSP server + ffmpeg feeders) for integration tests."""

from __future__ import annotations

import logging
import os
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import load_users
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.cli import main
from console.config.loader import CameraConfig, load_camera_config
from console.paths import DEFAULT_CONFIG_DIR, AppPaths
from console.sim.from_config import build_network
from console.sim.network import SimNetwork, free_port
from console.store import open_store
from console.tours.model import Tour, TourStep
from console.ui.accountability import Accountability
from console.ui.desk import Console

SECRET = "Geheim-Wachtwoord-42"
# How long a test waits for what a desk does by itself (a first picture, PTZ found, a tile back): the bound of a
# failure, not a figure. Beside two busy loops on 2 cores a first picture took over 8 s (decoding, the simulated
# cameras' feeds and the suite's own processes share the cores); the product's times are the benchmarks'.
LOADED_MS = 30_000
PTZ_PASSWORD = "Mobbox-Wachtwoord-9"
LISTED_PLATE, EXPIRED_PLATE = "1-ABC-123", "1-OLD-999"
CAMERAS = [  # id, kind, area, has sub stream
    ("cam-a", "fixed", "station", True),
    ("cam-b", "fixed", "station", True),
    ("cam-c", "anpr", "shopping", True),
    ("cam-hevc", "fixed", "shopping", True),
    ("cam-udp", "ptz", "shopping", True),
    ("cam-secret", "fixed", "station", False),
]


@dataclass
class SimulatedCity:
    config: CameraConfig
    network: SimNetwork
    folder: Path
    hanging_port: int
    refused_port: int
    ptz_port: int


def write_config(folder: Path, port: int, hanging_port: int, refused_port: int, ptz_port: int) -> None:
    lines = [
        "version: 1",
        "areas:",
        "  - {id: station, name: Station}",
        "  - {id: shopping, name: Shopping}",
        "cameras:",
    ]
    for index, (camera_id, kind, area, has_sub) in enumerate(CAMERAS):
        user = f"viewer:{SECRET}@" if camera_id == "cam-secret" else ""
        lines += [
            f"  - id: {camera_id}",
            f"    name: Camera {camera_id[4:].upper()}",
            f"    kind: {kind}",
            f"    area: {area}",
            f"    location: {{street: Teststraat, lat: {50.8 + index * 0.001:.3f}, lon: 3.2}}",  # 111 m apart
            "    streams:",
            f"      main: rtsp://{user}127.0.0.1:{port}/{camera_id}",
        ]
        if has_sub:
            lines.append(f"      sub: rtsp://127.0.0.1:{port}/{camera_id}-sub")
    for camera_id, target_port in (("cam-dead", hanging_port), ("cam-refused", refused_port)):
        lines += [
            f"  - id: {camera_id}",
            f"    name: Camera {camera_id[4:].upper()}",
            "    kind: fixed",
            "    area: station",
            "    location: {street: Verre Dreef, lat: 50.9, lon: 3.2}",
            f"    streams: {{main: 'rtsp://admin:{SECRET}@127.0.0.1:{target_port}/stream'}}",
        ]
    lines += [
        "  - id: cam-ptz",
        "    name: Camera PTZ",
        "    kind: ptz",
        "    area: shopping",  # the simulator's panorama: pan 0 looks south, tilt -1..1 is +-20 degrees
        "    location: {street: Verre Dreef, lat: 50.9, lon: 3.2, heading_deg: 180, height_m: 6, tilt_range_deg: 20}",
        f"    onvif: {{host: 127.0.0.1, port: {ptz_port}, username: uitkijk, password: '{PTZ_PASSWORD}'}}",
    ]
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "simulation.yaml").write_text(
        "version: 1\ncameras:\n  cam-hevc: {codec: h265}\n  cam-udp: {transports: udp}\n", encoding="utf-8"
    )
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", folder / "users.yaml")  # the demo users (password in README)
    (folder / "units.yaml").write_text(
        "version: 1\npolicy: {warn_priority_1_after_s: 60}\nunits:\n"
        "  - {call_sign: Test 11, kind: car, area: station}\n"
        "  - {call_sign: Test 12, kind: bike, area: shopping}\n  - {call_sign: Test 21, kind: foot, area: station}\n",
        encoding="utf-8",
    )
    (folder / "watchlists.yaml").write_text(
        "version: 1\nentries:\n"
        f"  - {{plate: {LISTED_PLATE}, country: B, list: stolen vehicle, reason: stolen in a test, owner: tests,"
        " expires: 2099-12-31}\n"
        f"  - {{plate: {EXPIRED_PLATE}, country: B, list: stolen vehicle, reason: found back, owner: tests,"
        " expires: 2020-01-31}\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def city(tmp_path_factory) -> SimulatedCity:
    folder = tmp_path_factory.mktemp("camera_config")
    # A camera that accepts the connection and never answers: a listening socket nobody serves.
    hanging = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    hanging.bind(("127.0.0.1", 0))
    hanging.listen(16)
    refused_port = free_port()  # nothing listens there
    ptz_port = free_port()
    write_config(folder, free_port(), hanging.getsockname()[1], refused_port, ptz_port)
    config = load_camera_config(folder, {})
    network = build_network(config, tmp_path_factory.getbasetemp() / "clips", clip_seconds=4)
    network.start()
    try:
        yield SimulatedCity(config, network, folder, hanging.getsockname()[1], refused_port, ptz_port)
    finally:
        network.stop()
        hanging.close()


PATROL = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "ronde stationsbuurt")
TOUR = Tour("ronde", "Ronde station", None, (TourStep("2x2", ("cam-a", "cam-b")), TourStep("1x1", ("cam-c",))))


class Room:
    """Desks sharing one data folder and one audit log writer."""

    def __init__(self, qtbot, city, tmp_path) -> None:
        self.qtbot, self.city = qtbot, city
        self.paths = AppPaths.resolve(tmp_path / "data")
        self.log = AuditLog(open_store(self.paths.data_dir), self.paths.data_dir / KEY_FILE)
        self.writer = AuditWriter(self.log)
        self.users = load_users(city.folder)
        self.consoles: list[Console] = []

    def desk(self, name: str, cameras: list[str | None], reason: Reason | None = PATROL,
             workstation: str = "ws-04") -> Console:  # fmt: skip
        accountability = Accountability(self.writer, Session(self.users.users[name], workstation))
        accountability.open()
        if reason is not None:
            with self.qtbot.waitSignal(accountability.reason_changed, timeout=5000):
                accountability.set_reason(reason)
        console = Console(
            self.city.config,
            self.paths,
            self.log.database,
            tours=(TOUR,),
            accountability=accountability,
            users=self.users,
        )
        self.consoles.append(console)
        window = console.open("2x2")
        window.wall.show_step("2x2", cameras)
        return console

    def entries(self, **criteria) -> list:
        self.writer.flush()
        return list(self.log.entries(**criteria))

    def close(self) -> None:
        for console in self.consoles:
            console.shutdown()
            for window in console.windows:
                window.close()
        assert self.writer.close()
        self.log.database.close()


@pytest.fixture
def room(qtbot, city, tmp_path):
    room = Room(qtbot, city, tmp_path)
    yield room
    room.close()


@pytest.fixture
def run_main(monkeypatch, capsys, tmp_path, store_url):
    """``main`` in this process on a data folder of its own (and the room's store when there is one): call it with
    the command's arguments (and ``after``, put after the data folder's); it gives the exit code, stdout, stderr."""
    for variable in ("UITKIJK_STORE", "UITKIJK_WORKSTATION", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("UITKIJK_PASSWORD", "uitkijk-demo")
    umask = os.umask(0o022)
    os.umask(umask)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    common = ["--config", str(DEFAULT_CONFIG_DIR), "--data", str(tmp_path / "data")]
    if store_url is not None:
        common += ["--store", store_url]

    def run(*arguments: str, after: tuple[str, ...] = ()) -> tuple[int, str, str]:
        code = main([*arguments, *common, *after])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield run
    root.handlers[:], root.level = handlers, level
    os.umask(umask)
