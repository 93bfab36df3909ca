"""A room's recorders against real parts (the simulated network, the relay, PostgreSQL, ``main.py record``):
they share the cameras, each recorded once; a killed one's cameras are taken within 10 s with the gap in the index;
a camera recorded and shown on two desks is pulled once upstream; ``room status`` shows the recorders."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time

import pytest

from console.onvif.directory import StreamDirectory
from console.paths import REPO_ROOT
from console.recorder.claims import RECORDER_DOWN
from console.ui.wall_view import WallView
from console.video.hub import StreamHub
from console.video.pyav_reader import ReaderTiming
from console.video.stream import StreamState
from console.wall.state import WallState
from tests.integration.conftest import LOADED_MS
from tests.integration.recording_room import RecordingRoom
from tests.postgres import fresh_database

pytestmark = pytest.mark.integration
RECORDED = ["cam-a", "cam-b", "cam-c"]
RECORDERS = ["recorder-1", "recorder-2"]


@pytest.fixture
def recording_room(city, postgres_url, tmp_path):
    room = RecordingRoom(tmp_path, fresh_database(postgres_url), city.folder, RECORDED, RECORDERS)
    room.start_relay()
    yield room
    room.close()
    assert not any(secret in room.logs() for secret in room.secrets.values())  # the recorders never said them


def utc_epoch(text: str) -> float:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC).timestamp()


def recording_now(room: RecordingRoom) -> dict[str, set[str]]:
    """Each camera: the recorders writing a segment of it now (open in the index)."""
    writing: dict[str, set[str]] = {}
    for segment in room.segments():
        if segment.sha256 is None:
            writing.setdefault(segment.camera, set()).add(segment.recorder)
    return writing


def shared(room: RecordingRoom) -> bool:
    claims = room.claims()
    return (sorted(claims) == RECORDED and set(claims.values()) == set(RECORDERS)
            and recording_now(room) == {camera: {holder} for camera, holder in claims.items()})  # fmt: skip


def test_two_recorders_share_the_cameras_each_recorded_once_pulled_once_with_two_desks(qtbot, recording_room):
    room = recording_room
    for name in RECORDERS:
        room.start_recorder(name)
    qtbot.waitUntil(lambda: shared(room), timeout=LOADED_MS * 2)
    qtbot.wait(5000)  # three looks later: still each camera once, by its holder
    assert shared(room), (room.claims(), recording_now(room))

    holder = room.claims()["cam-a"]
    hubs, walls = [], []
    try:
        for workstation in room.desks:  # two desks show the recorded camera, through the relay
            hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0))
            wall = WallView(room.config, hub, WallState("1x1", ["cam-a"]), None,
                            StreamDirectory(room.config.cameras, relay=room.as_desk(workstation)))  # fmt: skip
            qtbot.addWidget(wall)
            wall.show()
            hubs.append(hub)
            walls.append(wall)
        for wall in walls:
            qtbot.waitUntil(lambda w=wall: w.tiles[0].display().state == StreamState.LIVE, timeout=LOADED_MS)
        expected = tuple(sorted({holder, *room.desks}))
        qtbot.waitUntil(lambda: room.relay_streams().get("/cam-a/sub") is not None
                        and room.relay_streams()["/cam-a/sub"].pullers == expected, timeout=LOADED_MS)  # fmt: skip
        stream = room.relay_streams()["/cam-a/sub"]
        assert stream.pulled and stream.pulls == 1  # once upstream for the recorder and both desks
        assert {path: row.pulls for path, row in room.relay_streams().items() if row.pulled} == {
            f"/{camera}/sub": 1 for camera in RECORDED}  # fmt: skip
    finally:
        for wall in walls:
            wall.shutdown()
        for hub in hubs:
            assert hub.shutdown(20.0)

    environment = {key: value for key, value in os.environ.items() if key != "UITKIJK_STORE"}
    shown = subprocess.run([sys.executable, "main.py", "room", "status", "--json", "--store", room.store_url,
                            "--config", str(room.config_dir), "--data", str(room.work / "board")], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=60, env=environment)  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    status = json.loads(shown.stdout)
    recorders = {row["name"]: row for row in status["recorders"]}
    assert sorted(recorders) == RECORDERS
    assert sorted(camera for row in recorders.values() for camera in row["cameras"]) == RECORDED
    assert all(not row["is_stale"] and row["problem"] is None and row["disk_total_bytes"] > 0
               and row["last_camera"] in row["cameras"] for row in recorders.values())  # fmt: skip
    assert status["unrecorded"] == []
    text = subprocess.run([sys.executable, "main.py", "room", "status", "--store", room.store_url, "--config",
                           str(room.config_dir), "--data", str(room.work / "board")], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60, env=environment).stdout  # fmt: skip
    assert "Recorders (2):" in text and "recorder-1" in text and "last segment: " in text
    assert not any(secret in shown.stdout + shown.stderr + text for secret in room.secrets.values())


def test_a_killed_recorders_cameras_are_recorded_by_the_other_within_10_s_and_the_gap_is_in_the_index(
        qtbot, recording_room):  # fmt: skip
    room = recording_room
    for name in RECORDERS:
        room.start_recorder(name)
    qtbot.waitUntil(lambda: shared(room), timeout=LOADED_MS * 2)
    claims = room.claims()
    dead = claims["cam-a"]
    survivor = next(name for name in RECORDERS if name != dead)
    taken = sorted(camera for camera, holder in claims.items() if holder == dead)
    room.kill(dead)
    killed_s = time.time()

    def first_new(camera: str):
        return next((segment for segment in room.segments() if segment.camera == camera
                     and segment.recorder == survivor and utc_epoch(segment.start_utc) > killed_s), None)  # fmt: skip

    qtbot.waitUntil(lambda: all(first_new(camera) is not None for camera in taken), timeout=LOADED_MS)
    seen_s = time.time()
    firsts = {camera: first_new(camera) for camera in taken}
    failover_s = {camera: utc_epoch(segment.start_utc) - killed_s for camera, segment in firsts.items()}
    assert max(failover_s.values()) <= 10.0, failover_s  # the first new packet's recording time
    assert seen_s - killed_s <= 10.0 + 2.0  # and it was in the index by then (a segment's row grows every second)
    assert room.claims() == dict.fromkeys(RECORDED, survivor)
    for camera, segment in firsts.items():
        last_dead = max((s for s in room.segments() if s.camera == camera and s.recorder == dead),
                        key=lambda s: s.end_utc)  # fmt: skip
        gaps = [gap for gap in room.gaps() if gap.camera == camera and gap.cause == RECORDER_DOWN]
        assert [(gap.start_utc, gap.end_utc, gap.recorder) for gap in gaps] == [
            (last_dead.end_utc, segment.start_utc, survivor)
        ], (camera, gaps)  # from its last packet to the first new
        # At most the last 2 s were not indexed (its end: the last packet's recording time and its duration).
        assert killed_s - 2.5 <= utc_epoch(last_dead.end_utc) <= killed_s + 0.5

    room.start_recorder(dead)  # back: it closes what it left open, and the share settles again by hand-over
    qtbot.waitUntil(lambda: shared(room), timeout=LOADED_MS * 2)
    for camera, segment in firsts.items():  # its return marks no second hole: the survivor's gap stands alone
        assert [(gap.cause, gap.end_utc) for gap in room.gaps() if gap.camera == camera] == [
            (RECORDER_DOWN, segment.start_utc)
        ]
