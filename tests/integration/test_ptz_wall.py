"""PTZ from the wall against simulated ONVIF cameras: discovery, moving pictures, keys, leases."""

from __future__ import annotations

import time

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from console.config.loader import load_camera_config
from console.onvif.client import OnvifClient
from console.onvif.directory import StreamDirectory
from console.onvif.loop import AsyncLoopThread
from console.onvif.service import OnvifService
from console.ptz.lease import Holder, LeaseBoard, Priority
from console.sim.network import free_port
from console.sim.onvif_server import OnvifServer, SimulatedOnvifDevice, StreamProfile
from console.sim.ptz_head import PtzHead
from console.ui.ptz_controller import PtzController
from console.ui.wall_view import WallView
from console.video.hub import StreamHub
from console.video.stream import StreamState
from console.wall.state import WallState
from tests.integration.conftest import LOADED_MS

pytestmark = pytest.mark.integration
CHIEF = Holder("claes", "Hoofdinspecteur Claes @ WS-09", "WS-09", Priority.TEAM_CHIEF)


@pytest.fixture
def rig(qtbot, tmp_path):
    """A wall with stream discovery and PTZ control, built the way the console builds it."""
    made = []

    def build(config, cameras, layout="2x2", timeout_s=3.0):
        hub = StreamHub()
        directory = StreamDirectory(config.cameras, tmp_path / "streams.json")
        service = OnvifService(config.cameras, directory, timeout_s=timeout_s)
        controller = PtzController(service, LeaseBoard())
        wall = WallView(config, hub, WallState(layout, list(cameras)), None, directory, controller)
        qtbot.addWidget(wall)
        wall.resize(1280, 720)
        wall.show()
        service.start()
        made.append((wall, controller, service, hub))
        return wall, controller, service

    yield build
    for wall, controller, service, hub in made:
        wall.shutdown()
        controller.shutdown()
        assert service.shutdown()
        assert hub.shutdown(20.0)


def view_shift_px(before: np.ndarray, after: np.ndarray) -> float:
    """How far the view moved right between two frames (the content moves left), by phase correlation."""
    top = before.shape[0] // 8  # below the camera's own caption
    first = cv2.cvtColor(before[top:], cv2.COLOR_BGRA2GRAY).astype(np.float32)
    second = cv2.cvtColor(after[top:], cv2.COLOR_BGRA2GRAY).astype(np.float32)
    (shift_x, _), _ = cv2.phaseCorrelate(first, second)
    return -shift_x


def test_discovered_streams_play_on_a_tile(qtbot, city, rig):
    wall, controller, service = rig(city.config, ["cam-ptz"], "1x1")
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.display().state == StreamState.LIVE, timeout=LOADED_MS)
    assert tile._handles["sub"].url.endswith("/cam-ptz-sub")  # found over ONVIF, not configured
    tile.grab()
    assert (tile.last_painted.source_width, tile.last_painted.source_height) == (640, 360)
    assert service.probes["cam-ptz"].has_ptz
    assert "PTZ" in tile.ptz_text and not tile.is_steerable


def test_continuous_move_right_turns_the_picture_and_stop_stops_it(qtbot, city, rig):
    wall, controller, service = rig(city.config, ["cam-ptz"], "1x1")
    tile = wall.tiles[0]
    qtbot.waitUntil(
        lambda: tile.display().state == StreamState.LIVE and controller.has_ptz("cam-ptz"), timeout=LOADED_MS
    )
    assert controller.take("cam-ptz").is_granted
    qtbot.waitUntil(lambda: tile.is_steerable, timeout=1000)
    before = tile.shown_frame().pixels.copy()
    assert controller.move("cam-ptz", 0.5, 0.0, 0.0)
    qtbot.waitUntil(lambda: view_shift_px(before, tile.shown_frame().pixels) > 20, timeout=4000)
    controller.stop("cam-ptz")
    qtbot.waitUntil(lambda: controller.status("cam-ptz") is not None and not controller.status("cam-ptz").is_moving,
                    timeout=3000)  # fmt: skip
    # Frames already on their way still show the last of the turn (on a loaded machine the simulated camera's
    # encoder lags by more than a second): the picture must come to rest, two frames 8 apart showing no shift.
    last = [tile.shown_frame()]

    def is_still() -> bool:
        now = tile.shown_frame()
        if now.sequence < last[0].sequence + 8:
            return False
        still, last[0] = abs(view_shift_px(last[0].pixels, now.pixels)) < 2.0, now
        return still

    qtbot.waitUntil(is_still, timeout=LOADED_MS)  # it stopped
    # Still turned (to the right, as seen above); on a loaded machine the stop may come late enough for the turn to
    # pass half the picture's width, where phase correlation reads it as the other way round.
    assert abs(view_shift_px(before, tile.shown_frame().pixels)) > 20


@pytest.fixture
def desk(qtbot, city, rig, tmp_path):
    """A wall showing one PTZ camera whose ONVIF device runs here, so its requests can be inspected."""
    device = SimulatedOnvifDevice(
        "desk-ptz", "uitkijk", "Desk-Wachtwoord-5",
        [StreamProfile("main", "Main", 1280, 720, "rtsp://127.0.0.1:1/none")], PtzHead(),
    )  # fmt: skip
    server = OnvifServer(device, free_port())
    server.start()
    folder = tmp_path / "config"
    folder.mkdir()
    a_url = city.config.camera("cam-a").stream_url("sub")
    (folder / "cameras.yaml").write_text(
        "version: 1\nareas:\n  - {id: a, name: A}\ncameras:\n"
        "  - {id: desk-ptz, name: Desk PTZ, kind: ptz, area: a, location: {street: S, lat: 50, lon: 3},\n"
        f"     streams: {{main: '{a_url}'}},\n"
        f"     onvif: {{host: 127.0.0.1, port: {server.port}, username: uitkijk, password: Desk-Wachtwoord-5}}}}\n"
    )
    config = load_camera_config(folder, {})
    wall, controller, service = rig(config, ["desk-ptz"], "1x1")
    qtbot.waitUntil(lambda: controller.has_ptz("desk-ptz"), timeout=5000)
    wall.setFocus()
    yield wall, controller, device
    server.stop()


def test_keys_move_while_held_and_stop_on_release_under_the_lease(qtbot, desk):
    wall, controller, device = desk
    qtbot.keyPress(wall, Qt.Key.Key_Right)
    assert wall.state.selected == 0 and "ContinuousMove" not in device.requests  # no lease: nothing moves
    qtbot.keyRelease(wall, Qt.Key.Key_Right)
    qtbot.keyClick(wall, Qt.Key.Key_P)
    assert controller.is_mine("desk-ptz") and wall.tiles[0].ptz_text == "PTZ: you"
    qtbot.keyPress(wall, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: "ContinuousMove" in device.requests, timeout=2000)
    qtbot.waitUntil(lambda: device.head.snapshot()[1], timeout=2000)
    qtbot.keyRelease(wall, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: device.requests[-1] == "Stop", timeout=2000)
    assert not device.head.snapshot()[1] and device.head.snapshot()[0].pan > 0
    qtbot.keyPress(wall, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: device.head.snapshot()[0].zoom > 0, timeout=2000)
    qtbot.keyRelease(wall, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: device.requests[-1] == "Stop", timeout=2000)
    # The team chief takes over: the operator is told, and his keys move nothing any more.
    problems = []
    controller.problem.connect(lambda camera, reason: problems.append(str(reason)))
    room = controller.leases.board  # the room's leases, which the chief's desk asks
    assert room.request("desk-ptz", CHIEF).previous == controller.holder
    controller.leases.refresh()  # what this desk's periodic look (or a change notice) does
    qtbot.waitUntil(lambda: wall.tiles[0].ptz_text == "PTZ: Hoofdinspecteur Claes @ WS-09", timeout=1000)
    moves = device.requests.count("ContinuousMove")
    qtbot.keyClick(wall, Qt.Key.Key_Left)  # not steering: an ordinary arrow moves the selection
    assert device.requests.count("ContinuousMove") == moves
    qtbot.keyClick(wall, Qt.Key.Key_P)
    assert problems[-1] == "Hoofdinspecteur Claes @ WS-09 controls this camera"


def test_drag_steers_wheel_zooms_and_losing_focus_stops(qtbot, desk):
    wall, controller, device = desk
    tile = wall.tiles[0]
    qtbot.keyClick(wall, Qt.Key.Key_P)
    centre = tile.rect().center()
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(tile, centre - QPoint(tile.width() // 8, 0))  # drag left: pan left at half speed
    qtbot.waitUntil(lambda: device.head.snapshot()[0].pan < 0, timeout=2000)
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=centre - QPoint(tile.width() // 8, 0))
    qtbot.waitUntil(lambda: device.requests[-1] == "Stop", timeout=2000)
    assert wall.state.visible() == ["desk-ptz"]  # a drag that steers does not move the tile
    wheel = QWheelEvent(QPointF(centre), QPointF(tile.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)  # fmt: skip
    QApplication.sendEvent(tile, wheel)
    qtbot.waitUntil(lambda: device.head.snapshot()[0].zoom > 0, timeout=2000)
    qtbot.waitUntil(lambda: device.requests[-1] == "Stop", timeout=2000)  # the wheel's burst ends by itself
    qtbot.keyPress(wall, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: device.head.snapshot()[1], timeout=2000)
    wall.clearFocus()  # the key's release will go to another window: stop now
    qtbot.waitUntil(lambda: device.requests[-1] == "Stop" and not device.head.snapshot()[1], timeout=2000)


def test_the_clock_comes_from_the_http_date_when_the_camera_refuses_get_system_date(qtbot):
    device = SimulatedOnvifDevice(
        "old-ptz", "uitkijk", "Old-Wachtwoord-4",
        [StreamProfile("main", "Main", 1280, 720, "rtsp://127.0.0.1:1/none")], PtzHead(),
        clock_offset_s=-3600.0, refuse_system_date=True,
    )  # fmt: skip
    server = OnvifServer(device, free_port())
    server.start()
    loop = AsyncLoopThread()
    client = OnvifClient("127.0.0.1", server.port, "uitkijk", "Old-Wachtwoord-4", 3.0)
    try:
        probe = loop.run(client.connect())
        assert -3610 <= probe.clock_offset_s <= -3590 and probe.has_ptz
    finally:
        loop.run(client.close())
        assert loop.stop()
        server.stop()


def test_an_unreachable_onvif_camera_says_why_and_the_wall_stays_responsive(qtbot, tmp_path, rig):
    silent = __import__("socket").socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)
    try:
        folder = tmp_path / "config"
        folder.mkdir()
        (folder / "cameras.yaml").write_text(
            "version: 1\nareas:\n  - {id: a, name: A}\ncameras:\n"
            "  - {id: far-ptz, name: Far PTZ, kind: ptz, area: a, location: {street: S, lat: 50, lon: 3},\n"
            f"     onvif: {{host: 127.0.0.1, port: {silent.getsockname()[1]}, username: u, password: Far-Pass-1}}}}\n"
        )
        config = load_camera_config(folder, {})
        gaps, last = [], [time.monotonic()]

        def tick():
            now = time.monotonic()
            gaps.append(now - last[0])
            last[0] = now

        ticker = QTimer()
        ticker.timeout.connect(tick)
        ticker.start(5)
        started = time.monotonic()
        wall, controller, service = rig(config, ["far-ptz"], "1x1", timeout_s=1.0)
        tile = wall.tiles[0]
        assert tile.display().status.message == "finding the streams over ONVIF"
        qtbot.waitUntil(lambda: "no answer" in (tile.display().status.message or ""), timeout=4000)
        ticker.stop()
        assert tile.display().status.message == f"ONVIF: no answer from 127.0.0.1:{silent.getsockname()[1]} within 1 s"
        assert time.monotonic() - started < 3.0
        assert max(gaps) < 0.05, f"the GUI thread stalled for {max(gaps) * 1000:.0f} ms"
    finally:
        silent.close()
