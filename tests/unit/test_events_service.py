"""The events service's own logic, with fakes of its two sources (an ONVIF follower, the detector pool) and the real
queue on a real store: events raise alarms, a Mobbox's health is written, due alarms are escalated, a flooding camera
is rate-limited without stalling the others, one camera's broken source stops nothing else, a stop unsubscribes."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from dataclasses import dataclass, field

import pytest

from console.alarms.config import load_alarm_rules
from console.alarms.model import AlarmKind, AlarmState, CameraEvent, EventSource
from console.audit.log import KEY_FILE, AuditLog
from console.config.loader import load_camera_config
from console.event_intake.service import (
    BURST_PER_CAMERA,
    DETECTORS_WATCHING,
    SUBSCRIPTION_ACTIVE,
    SUBSCRIPTION_REFUSED,
    EventsService,
    FollowedCamera,
    WatchTarget,
)
from console.paths import REPO_ROOT
from console.services.alarm_queue import AlarmIntake, read_queue
from console.store import alarms as alarm_rows
from console.store import open_store

NIGHT = dt.datetime(2026, 12, 5, 22, 30, tzinfo=dt.UTC)  # 23:30 in Brussels: the playground's zone is active
WAIT_S = 30.0


@dataclass
class FakeFollower:
    camera_id: str
    endpoint: object
    on_event: object
    on_state: object
    started: bool = False
    stopped: bool = False
    release: threading.Event | None = None  # a camera whose unsubscribe hangs until released
    done: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        self.started = True
        self.on_state({"state": "active", "since_utc": "2026-12-05T22:29:00.000000Z"})

    def stop(self) -> None:
        if self.release is not None:
            self.release.wait(WAIT_S)
        self.stopped = True  # the real one unsubscribes here
        self.done.set()


@dataclass
class FakePool:
    cameras: list
    on_event: object
    on_state: object
    stopped: bool = False

    def start(self) -> None:
        for camera in self.cameras:
            self.on_state(camera.camera_id, {"state": "watching"})

    def stop(self) -> None:
        self.stopped = True


@dataclass
class Room:
    followers: dict[str, FakeFollower] = field(default_factory=dict)
    pools: list[FakePool] = field(default_factory=list)

    def follower(self, camera_id, endpoint, on_event, on_state):
        if camera_id == "broken-cam":
            raise ConnectionRefusedError("no subscription slot left")
        follower = self.followers[camera_id] = FakeFollower(camera_id, endpoint, on_event, on_state)
        return follower

    def pool(self, cameras, on_event, on_state):
        pool = FakePool(cameras, on_event, on_state)
        self.pools.append(pool)
        return pool


class Clock:
    def __init__(self) -> None:
        self.now = NIGHT

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def parts(tmp_path):
    shutil.copytree(REPO_ROOT / "camera_config", tmp_path / "config")
    config = load_camera_config(tmp_path / "config")
    (tmp_path / "data").mkdir()
    database = open_store(tmp_path / "data")
    log = AuditLog(database, tmp_path / "data" / KEY_FILE)
    clock = Clock()
    intake = AlarmIntake(database, log, load_alarm_rules(config), "events-1", "pc-1", clock=clock)
    yield config, database, log, intake, clock
    database.close()


def start_service(parts, room: Room, cameras=("mobbox-1-ptz1", "park-01", "broken-cam"), **options) -> EventsService:
    config, database, log, intake, _ = parts
    devices = {camera.id: camera.mobbox for camera in config.cameras if camera.mobbox}

    def audit_pull(camera: str, detail: dict) -> None:
        log.append("events-1", "service", "pc-1", "detector pull", camera, detail)

    service = EventsService(database, intake, "events-1", followed=[FollowedCamera(c, None) for c in cameras],
                            watched=[WatchTarget("park-01", "rtsp://relay/park-01/sub", [], True, True, 2.0)],
                            follower_factory=room.follower, pool_factory=room.pool, devices=devices,
                            audit_pull=audit_pull, host="pc-1", **options)  # fmt: skip
    service.start()
    return service


def event(camera: str, kind: AlarmKind, active: bool = True, **detail) -> CameraEvent:
    return CameraEvent(camera, kind, active, "2026-12-05T22:30:00.000000Z", EventSource.ONVIF, detail,
                       {"topic": "tns1:Device/Trigger/DigitalInput"})  # fmt: skip


def intake_row(database) -> dict:
    with database.read() as transaction:
        rows = alarm_rows.read_intakes(transaction)
    assert [row["name"] for row in rows] == ["events-1"]
    return rows[0]


def test_events_raise_alarms_the_mobbox_health_is_written_and_the_service_reports_itself(parts):
    _, database, log, _, _ = parts
    room = Room()
    service = start_service(parts, room)
    try:
        assert room.followers["mobbox-1-ptz1"].started and room.pools[0].cameras[0].camera_id == "park-01"
        room.followers["mobbox-1-ptz1"].on_event(event("mobbox-1-ptz1", AlarmKind.DOOR))
        room.pools[0].on_event(CameraEvent("park-01", AlarmKind.MOTION, True, "2026-12-05T22:30:01.000000Z",
                                           EventSource.DETECTOR, {"zone": "speeltuin"}))  # fmt: skip
        room.followers["mobbox-1-ptz1"].on_event(event("mobbox-1-ptz1", AlarmKind.BATTERY, battery_pct=11.5))
        service.settle()
        alarms = {alarm.kind: alarm for alarm in read_queue(database)}
        assert alarms[AlarmKind.DOOR].camera == "mobbox-1-ptz1" and alarms[AlarmKind.DOOR].priority == 1
        assert alarms[AlarmKind.MOTION].camera == "park-01"
        with database.read() as transaction:
            health = alarm_rows.read_health(transaction)
        assert [(h["device"], h["door"], h["battery_low"], h["battery_pct"]) for h in health] == [
            ("mobbox-1", "open", 1, 11.5)
        ]
        room.followers["mobbox-1-ptz1"].on_event(event("mobbox-1-ptz1", AlarmKind.DOOR, active=False))
        service.settle()
        with database.read() as transaction:
            assert alarm_rows.read_health(transaction)[0]["door"] == "closed"
        service.report()
        row = intake_row(database)
        cameras = row["cameras"]
        assert cameras["mobbox-1-ptz1"]["subscription"] == SUBSCRIPTION_ACTIVE
        assert cameras["mobbox-1-ptz1"]["events"] == 3 and cameras["mobbox-1-ptz1"]["dropped"] == 0
        assert cameras["park-01"]["detectors"] == DETECTORS_WATCHING
        assert cameras["broken-cam"]["subscription"] == SUBSCRIPTION_REFUSED  # its start failed: the others run
        assert "no subscription slot left" in cameras["broken-cam"]["problem"]
        assert row["host"] == "pc-1" and row["problem"] is None
    finally:
        service.stop()
    assert all(follower.stopped for follower in room.followers.values()) and room.pools[0].stopped
    with database.read() as transaction:
        assert alarm_rows.read_intakes(transaction) == []  # stopped: its row is gone
    pulls = [(entry.camera, entry.detail) for entry in log.entries() if entry.action == "detector pull"]
    assert [(camera, '"start"' in detail, '"stop"' in detail) for camera, detail in pulls] == [
        ("park-01", True, False), ("park-01", False, True)]  # fmt: skip


def test_an_alarm_not_taken_in_its_time_is_escalated_by_the_service(parts):
    _, database, _, intake, clock = parts
    escalated = threading.Event()
    escalate_due = intake.escalate_due

    def watched_escalation() -> list[int]:
        done = escalate_due()
        if done:
            escalated.set()
        return done

    intake.escalate_due = watched_escalation  # type: ignore[method-assign]
    room = Room()
    service = start_service(parts, room, escalate_every_s=0.05)
    try:
        room.followers["mobbox-1-ptz1"].on_event(event("mobbox-1-ptz1", AlarmKind.DOOR))
        service.settle()
        alarm = read_queue(database)[0]
        assert alarm.escalated_utc is None and alarm.escalate_after_s == 60
        clock.now = NIGHT + dt.timedelta(seconds=61)
        assert escalated.wait(WAIT_S)
        alarm = read_queue(database)[0]
        assert alarm.escalated_utc is not None and alarm.state is AlarmState.NEW
    finally:
        service.stop()


def test_a_flooding_camera_is_rate_limited_and_said_so_without_stalling_the_others(parts):
    _, database, _, _, _ = parts
    room = Room()
    service = start_service(parts, room)
    try:
        flood = room.followers["park-01"]
        started_s = time.monotonic()
        for _ in range(1000):
            flood.on_event(event("park-01", AlarmKind.TAMPER, cause="covered"))
        handing_in_s = time.monotonic() - started_s
        room.followers["mobbox-1-ptz1"].on_event(event("mobbox-1-ptz1", AlarmKind.DOOR))
        service.settle()
        assert handing_in_s < 1.0  # the follower's thread never waits on the store
        alarms = read_queue(database)
        assert sorted(alarm.kind.value for alarm in alarms) == ["door", "tamper"]
        tamper = next(alarm for alarm in alarms if alarm.kind is AlarmKind.TAMPER)
        assert BURST_PER_CAMERA - 1 <= tamper.repeats < 1000 - 1  # coalesced into one alarm, most never reached it
        service.report()
        shown = intake_row(database)["cameras"]["park-01"]
        assert shown["rate_limited"] and shown["events"] == 1000 and shown["dropped"] >= 1000 - BURST_PER_CAMERA - 20
        assert "flooding" in shown["problem"]
        assert not intake_row(database)["cameras"]["mobbox-1-ptz1"]["rate_limited"]
    finally:
        service.stop()


def test_only_a_desk_alone_starts_the_events_service_a_room_desk_does_not(tmp_path, monkeypatch):
    import argparse

    from console import cli
    from console.paths import AppPaths

    monkeypatch.delenv("UITKIJK_STORE", raising=False)
    paths = AppPaths.resolve(tmp_path / "data")
    in_a_room = argparse.Namespace(store="postgresql://uitkijk@dispatch-db/uitkijk", config=REPO_ROOT / "camera_config")
    assert cli._lone_desk_events(in_a_room, paths) is None
    monkeypatch.setenv("UITKIJK_STORE", "postgresql://uitkijk@dispatch-db/uitkijk")
    alone = argparse.Namespace(store=None, config=REPO_ROOT / "camera_config")
    assert cli._lone_desk_events(alone, paths) is None


def test_a_camera_whose_unsubscribe_hangs_holds_up_no_other_cameras_stop(parts):
    room = Room()
    service = start_service(parts, room, cameras=("park-01", "mobbox-1-ptz2", "mobbox-1-ptz1"))  # last: stops first
    hang = room.followers["mobbox-1-ptz1"].release = threading.Event()
    stopping = threading.Thread(target=service.stop)
    stopping.start()
    try:
        assert room.followers["mobbox-1-ptz2"].done.wait(WAIT_S) and room.followers["park-01"].done.wait(WAIT_S)
        assert not room.followers["mobbox-1-ptz1"].stopped  # still hanging, and the others are stopped
    finally:
        hang.set()
        stopping.join(WAIT_S)
    assert room.followers["mobbox-1-ptz1"].stopped and not stopping.is_alive()


def test_an_initial_message_is_health_only_unless_the_device_changed_while_unheard(parts):
    """ONVIF "Initialized" states come with each new subscription and after a reboot: a door open since before
    raises no new alarm at each reconnect; a door last known closed that is open now does."""
    _, database, _, _, _ = parts
    room = Room()
    service = start_service(parts, room, cameras=("mobbox-1-ptz1",))
    follower = room.followers["mobbox-1-ptz1"]

    def door_alarms() -> list:
        return [alarm for alarm in read_queue(database) if alarm.kind is AlarmKind.DOOR]

    def door_known() -> str | None:
        with database.read() as transaction:
            return (alarm_rows.device_health(transaction, "mobbox-1") or {}).get("door")

    try:
        follower.on_event(event("mobbox-1-ptz1", AlarmKind.DOOR, initial=True))  # open at the first subscription
        service.settle()
        assert door_alarms() == [] and door_known() == "open"
        follower.on_event(event("mobbox-1-ptz1", AlarmKind.DOOR, initial=True))  # a reconnect: still open
        service.settle()
        assert door_alarms() == []
        follower.on_event(event("mobbox-1-ptz1", AlarmKind.DOOR, active=False))  # closed, a real change
        service.settle()
        assert door_known() == "closed" and door_alarms() == []
        follower.on_event(event("mobbox-1-ptz1", AlarmKind.DOOR, initial=True))  # after a reboot: open now
        service.settle()
        assert [alarm.camera for alarm in door_alarms()] == ["mobbox-1-ptz1"] and door_known() == "open"
    finally:
        service.stop()


def test_room_status_says_which_detectors_are_still_learning_or_behind():
    from console.cli_events import intakes_text

    cameras = {
        "park-01": {"detectors": DETECTORS_WATCHING, "detectors_state": {"state": "watching", "learning": True}},
        "shop-01": {"detectors": DETECTORS_WATCHING, "detectors_state": {"state": "watching", "behind": True}},
        "street-1": {"detectors": DETECTORS_WATCHING, "detectors_state": {"state": "watching"}},
    }
    lines = intakes_text([{"name": "events-1", "host": "pc-1", "started_utc": "2026-12-05T04:00:00Z",
                           "last_seen_utc": "2026-12-05T04:01:00Z", "cameras": cameras, "problem": None}])  # fmt: skip
    [line] = [line for line in lines if line.startswith("    detectors: ")]
    assert line.startswith("    detectors: 3 watching (1 learning the scene, no motion alarm yet; 1 behind")
