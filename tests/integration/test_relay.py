"""The room's relay against the simulated network: each camera pulled once for every desk, faults said and survived."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import psutil
import pytest

from console.config.room import WHEN_DOWN, Relay
from console.onvif.directory import StreamDirectory
from console.paths import REPO_ROOT
from console.relay.service import RelayService
from console.sim.network import free_port
from console.store import open_store
from console.store import relay as relay_table
from console.ui.wall_view import WallView
from console.video.hub import StreamHub
from console.video.pyav_reader import ReaderTiming
from console.video.stream import StreamState
from console.wall.state import WallState
from tests.integration.conftest import SECRET

pytestmark = pytest.mark.integration


def make_relay(city, tmp_path, port: int, database=None, linger_s: float = 1.0) -> RelayService:
    relay = Relay("127.0.0.1", port, "127.0.0.1", linger_s, {**WHEN_DOWN, "fixed": "wait"})
    return RelayService(city.config, relay, tmp_path, database)


@pytest.fixture
def relay(city, tmp_path):
    database = open_store(tmp_path)
    service = make_relay(city, tmp_path, free_port(), database)
    service.start()
    yield service
    service.stop()
    database.close()


@pytest.fixture
def desks(qtbot, city):
    """Desks of the room: each its own stream hub (its own PC) and wall, pulling through the relay."""
    made = []

    def make(relay: Relay, cameras: list[str | None], layout: str = "2x2") -> WallView:
        hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0))
        wall = WallView(city.config, hub, WallState(layout, cameras), None, StreamDirectory(city.config.cameras,
                                                                                         relay=relay))  # fmt: skip
        qtbot.addWidget(wall)
        wall.resize(960, 540)
        wall.show()
        made.append((wall, hub))
        return wall

    yield make
    for wall, hub in made:
        wall.shutdown()
        assert hub.shutdown(8.0)


def upstream_connections(service: RelayService, camera_port: int) -> int:
    """The relay's TCP connections to the cameras' RTSP server: what the cellular uplink would carry."""
    pid = service.server._process.pid
    return sum(1 for connection in psutil.Process(pid).net_connections("tcp")
               if connection.raddr and connection.raddr.port == camera_port)  # fmt: skip


def wait_live(qtbot, tile, timeout_ms: int = 8000) -> None:
    qtbot.waitUntil(lambda: tile.display().state == StreamState.LIVE, timeout=timeout_ms)


def test_two_desks_pull_a_camera_once_through_the_relay_and_it_is_dropped_after_the_last(qtbot, city, relay, desks,
                                                                                         tmp_path):  # fmt: skip
    relay_data = tmp_path
    camera_port = city.network.port
    assert upstream_connections(relay, camera_port) == 0  # nothing is pulled before a desk asks
    desk_a = desks(relay.relay, ["cam-a", "cam-secret", None, None])
    desk_b = desks(relay.relay, ["cam-a", None, None, None])
    for tile in (desk_a.tiles[0], desk_a.tiles[1], desk_b.tiles[0]):
        wait_live(qtbot, tile)
    assert desk_a.tiles[0]._handles["sub"].url == f"rtsp://127.0.0.1:{relay.relay.port}/cam-a/sub"
    assert SECRET not in desk_a.tiles[1]._handles["sub"].url  # the camera's password stays in the relay

    def report(path):
        return next((item for item in relay.reports() if item.path == path), None)

    qtbot.waitUntil(lambda: report("/cam-a/sub") is not None and report("/cam-a/sub").viewers == 2, timeout=4000)
    assert report("/cam-a/sub").pulls == 1 and report("/cam-a/sub").pulled
    assert upstream_connections(relay, camera_port) == 2  # cam-a's sub and cam-secret: one each, for two desks
    before = report("/cam-a/sub")
    qtbot.waitUntil(lambda: report("/cam-a/sub").bytes_in > before.bytes_in + 20_000, timeout=4000)
    after = report("/cam-a/sub")
    assert after.bytes_out - before.bytes_out == 2 * (after.bytes_in - before.bytes_in)  # in once, out to both desks
    relay.write_report()
    with relay.database.read() as transaction:
        [row] = relay_table.read_relays(transaction)
    assert {stream.path: stream.viewers for stream in row.streams if stream.pulled} == {
        "/cam-a/sub": 2,
        "/cam-secret/sub": 1,
    }
    shown = subprocess.run([sys.executable, "main.py", "room", "status", "--data", str(relay_data)], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert re.search(r"/cam-a/sub +2 desks +in +[\d.]+ MB +out +[\d.]+ MB +pulled 1x", shown.stdout), shown.stdout
    desk_a.assign(0, None)
    desk_b.assign(0, None)
    qtbot.waitUntil(lambda: not report("/cam-a/sub").pulled, timeout=8000)  # dropped a linger after the last desk
    assert upstream_connections(relay, camera_port) == 1


def test_a_killed_relay_is_said_on_the_tiles_and_they_come_back_within_2_s_of_its_return(qtbot, city, tmp_path, desks):
    port = free_port()
    service = make_relay(city, tmp_path, port)
    service.start()
    wall = desks(service.relay, ["cam-b", None, None, None], "1x1")
    tile = wall.tiles[0]
    try:
        wait_live(qtbot, tile)
        service.server._process.kill()  # the relay dies: no goodbye to the desks
        qtbot.waitUntil(lambda: tile.display().state == StreamState.NO_SIGNAL, timeout=4000)
        qtbot.waitUntil(lambda: any(text.startswith("relay: connection refused") for text, *_ in tile.problem_lines()),
                        timeout=4000)  # fmt: skip
        service.stop()
        service = make_relay(city, tmp_path, port)
        service.start()
        returned = time.monotonic()
        wait_live(qtbot, tile, 4000)
        assert time.monotonic() - returned <= 2.0 + 1.0  # the desk's retry (1 s at most) and the camera's pull
    finally:
        service.stop()


def test_a_camera_that_may_be_pulled_directly_goes_to_the_camera_while_the_relay_is_down(qtbot, city, tmp_path):
    from console.relay.watch import RelayWatch

    port = free_port()
    relay = Relay("127.0.0.1", port, "127.0.0.1", 1.0, dict(WHEN_DOWN))  # fixed cameras: direct when it is down
    directory = StreamDirectory(city.config.cameras, relay=relay)
    hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0))
    wall = WallView(city.config, hub, WallState("1x1", ["cam-c"]), None, directory)
    qtbot.addWidget(wall)
    wall.show()
    watch = RelayWatch(relay, directory.set_relay_up)
    watch.start()  # nothing listens on the relay's port: the desk sees it down and pulls the camera itself
    tile = wall.tiles[0]
    try:
        qtbot.waitUntil(lambda: tile._handles.get("sub") is not None and not directory.is_relayed(
            tile._handles["sub"].url), timeout=4000)  # fmt: skip
        wait_live(qtbot, tile)
        service = RelayService(city.config, relay, tmp_path, None)
        service.start()
        try:
            qtbot.waitUntil(lambda: directory.is_relayed(tile._handles["sub"].url), timeout=4000)  # back on the relay
            wait_live(qtbot, tile)
        finally:
            service.stop()
    finally:
        watch.stop()
        wall.shutdown()
        assert hub.shutdown(8.0)


def test_a_camera_first_asked_for_long_after_the_relay_started_reaches_the_desk(qtbot, relay, desks):
    """Found by the benchmark: with rtspsrc's buffer-mode "none", a camera pulled after the relay's first
    seconds never reached its desks (each was let go as stalled)."""
    started = time.monotonic()
    wall = desks(relay.relay, ["cam-a", None, None, None])
    wait_live(qtbot, wall.tiles[0])
    qtbot.waitUntil(lambda: time.monotonic() - started > 10, timeout=15000)  # the relay has run a while
    wall.assign(1, "cam-b")
    wait_live(qtbot, wall.tiles[1])
    painted = wall.tiles[1].painted_frames
    qtbot.waitUntil(lambda: wall.tiles[1].painted_frames > painted + 50, timeout=6000)  # and stays live
    assert wall.tiles[1].display().state == StreamState.LIVE

    def report():
        return next(item for item in relay.reports() if item.path == "/cam-b/sub")

    qtbot.waitUntil(lambda: report().pulls == 1 and report().viewers == 1, timeout=5000)  # reported every second
    assert report().problem is None
