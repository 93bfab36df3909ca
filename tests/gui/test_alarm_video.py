"""Video comes to the operator: an alarm's camera on the alarm tile or a wall window, logged under "alarm 0042", with
the recording from before the alarm beside live; gone when another desk takes it; a Mobbox's health on its tiles.

Real parts: the demo's cameras (pictures from still readers), the desk's store and audit log, the room's queue
(raised as the events service raises, taken as another desk takes), recorded segments indexed like the recorder's.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from console.access.permissions import Action
from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import load_users
from console.alarms.config import Routing
from console.alarms.model import AlarmKind, AlarmState, CameraEvent, EventSource, Outcome, Recipient
from console.audit.log import KEY_FILE, AuditLog, utc_text
from console.audit.writer import AuditWriter
from console.config.loader import load_camera_config
from console.onvif.process import OnvifProcess
from console.paths import DEFAULT_CONFIG_DIR, AppPaths
from console.services.alarm_queue import Taker, close_alarm, raise_alarm, take_alarm
from console.services.alarm_video import ALARM_TILE
from console.store import alarms as alarm_rows
from console.store import open_store
from console.ui.accountability import Accountability
from console.ui.desk import Console
from console.ui.video_tile import ALARM
from console.video.hub import StreamHub
from tests.desk_1366 import LiveReader
from tests.integration.recorded_segments import BLUE, CLIP_S, index, make_clips, remux

PATROL = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "station quarter")
SERVICE = {"user": "events", "role": "service", "workstation": "events-host"}
WAIT_MS = 20_000


class Desks:
    """Desks on one store and one audit log (a room on one PC), and the events service's side of the queue."""

    def __init__(self, qtbot, tmp_path) -> None:
        self.qtbot = qtbot
        self.config = load_camera_config(DEFAULT_CONFIG_DIR, {})
        self.paths = AppPaths.resolve(tmp_path / "data")
        self.log = AuditLog(open_store(self.paths.data_dir), self.paths.data_dir / KEY_FILE)
        self.database = self.log.database
        self.writer = AuditWriter(self.log)
        self.users = load_users(DEFAULT_CONFIG_DIR)
        self.consoles: list[Console] = []
        self.tmp_path = tmp_path

    def desk(self, user: str, workstation: str, reason: Reason | None = PATROL, layout: str = "2x2") -> Console:
        accountability = Accountability(self.writer, Session(self.users.users[user], workstation))
        accountability.open()
        if reason is not None:
            with self.qtbot.waitSignal(accountability.reason_changed, timeout=5000):
                accountability.set_reason(reason)
        console = Console(self.config, self.paths, self.database, StreamHub(reader_factory=LiveReader), (),
                          accountability, self.users, OnvifProcess([]))  # fmt: skip
        self.consoles.append(console)
        console.open(layout)
        return console

    def number_alarms_from(self, first_id: int) -> None:
        """The queue's next alarm is number ``first_id`` (a room that has seen some alarms already)."""
        with self.database.write() as transaction:
            transaction.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('alarms', ?)", (first_id - 1,))

    def raise_alarm(self, camera: str, kind: AlarmKind, show: str, event: dt.datetime | None = None,
                    priority: int = 1) -> int:  # fmt: skip
        event = event or dt.datetime.now(dt.UTC)
        camera_event = CameraEvent(camera, kind, True, utc_text(event), EventSource.ONVIF, {"input": "door"})
        routing = Routing("test rule", priority, Recipient.OPERATORS, show, 120.0)
        entry = self.log.commit(raise_alarm(camera_event, routing, dt.datetime.now(dt.UTC)).record(SERVICE))
        return int(json.loads(entry.detail)["alarm"])

    def record(self, camera: str, start_s: float) -> None:
        """A 12 s segment of ``camera`` from ``start_s``, indexed as the recorder indexes its segments."""
        clip = make_clips(self.tmp_path / "clips")[BLUE]
        segment = remux(clip, self.tmp_path / "recordings" / camera / "segment.ts")
        index(self.database, camera, segment, start_s, start_s + CLIP_S)

    def entries(self, **criteria) -> list:
        self.writer.flush()
        return list(self.log.entries(**criteria))

    def close(self) -> None:
        for console in self.consoles:
            console.shutdown()
            for window in console.windows:
                window.close()
        assert self.writer.close()
        self.database.close()


@pytest.fixture
def desks(qtbot, tmp_path):
    desks = Desks(qtbot, tmp_path)
    yield desks
    desks.close()


def taker(console: Console) -> Taker:
    session = console.accountability.session
    return Taker(session.user.name, session.user.full_name, session.role.value, session.workstation)


def test_an_alarm_tile_shows_the_camera_live_logged_as_alarm_0042_and_the_recording_from_before_it(qtbot, desks):
    now = dt.datetime.now(dt.UTC)
    event = now - dt.timedelta(seconds=40)
    desks.record("park-01", event.timestamp() - 15)  # recorded from 15 s before the alarm to 3 s before it
    desks.number_alarms_from(42)
    console = desks.desk("an.peeters", "ws-04")
    window, video = console.windows[0], console.alarm_video
    own_cameras = [tile.camera.id for tile in window.wall.tiles]
    with qtbot.waitSignals([video.shown, video.replay_shown], timeout=WAIT_MS):
        assert desks.raise_alarm("park-01", AlarmKind.MOTION, ALARM_TILE, event) == 42
    tile = video.tile
    assert tile.isVisible() and tile.live.camera.id == "park-01" and tile.live.is_cleared
    assert "0042" in tile.title.text()
    assert [tile.camera.id for tile in window.wall.tiles] == own_cameras  # the operator's tiles stay
    started = [entry for entry in desks.entries(action="view start") if entry.camera == "park-01"]
    assert len(started) == 1
    reason = json.loads(started[0].reason)
    assert reason["category"] == "alarm" and reason["reference"] == "alarm 0042"
    assert json.loads(started[0].detail)["alarm"] == 42
    assert console.accountability.session.reason == PATROL  # the desk's reason stays the desk's
    played = desks.entries(action="playback start")
    assert len(played) == 1 and json.loads(played[0].reason)["reference"] == "alarm 0042"
    qtbot.waitUntil(lambda: tile.replay.replay_frame() is not None, timeout=WAIT_MS)
    recorded = tile.replay.replay_frame()
    assert event.timestamp() - 10.5 <= recorded.recorded_s < event.timestamp()  # from before the alarm
    said, behind = tile.replay.replay_words(recorded)
    assert said.startswith("PLAYBACK ") and behind.endswith(" ago")  # no F10 here: the wall's key
    with qtbot.waitSignal(video.gone, timeout=WAIT_MS):
        window.activateWindow()
        video.close_tile()  # F7
    assert not tile.isVisible()
    stopped = [entry for entry in desks.entries(action="view stop") if entry.camera == "park-01"]
    assert len(stopped) == 1 and json.loads(stopped[0].reason)["reference"] == "alarm 0042"
    assert len(desks.entries(action="playback stop")) == 1


def test_a_camera_not_recorded_says_so_beside_live(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04")
    video = console.alarm_video
    with qtbot.waitSignal(video.shown, timeout=WAIT_MS):
        desks.raise_alarm("mobbox-1-ptz1", AlarmKind.DOOR, ALARM_TILE)
    assert video.tile.no_replay.isVisible() and "not recorded" in video.tile.no_replay.text()
    assert not video.tile.replay.isVisible()


def test_window_2_takes_the_operators_second_window_and_gives_it_back_when_the_alarm_is_closed(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04")
    window, video = console.windows[0], console.alarm_video
    wall = window.wall
    own = wall.tiles[1].camera.id
    with qtbot.waitSignal(wall.state_changed, timeout=WAIT_MS):
        alarm = desks.raise_alarm("mobbox-2-ptz1", AlarmKind.DOOR, "window 2")
    assert wall.tiles[1].camera.id == "mobbox-2-ptz1"
    assert wall.tiles[1].alarm_mark.startswith(f"ALARM {alarm:04d}")  # a red frame says why the camera is here
    qtbot.waitUntil(lambda: wall.tiles[1].is_cleared, timeout=WAIT_MS)
    started = [entry for entry in desks.entries(action="view start") if entry.camera == "mobbox-2-ptz1"]
    assert [json.loads(entry.reason)["reference"] for entry in started] == [f"alarm {alarm:04d}"]
    assert not video.tile.isVisible()  # no alarm tile: the window shows it
    with qtbot.waitSignal(video.gone, timeout=WAIT_MS):
        assert console.accountability.change(Action.HANDLE_ALARMS,
                                             close_alarm(alarm, Outcome.SEEN_NOTHING, taker(console)))  # fmt: skip
    assert wall.tiles[1].camera.id == own and not wall.tiles[1].alarm_mark  # the operator's camera is back
    qtbot.waitUntil(lambda: wall.tiles[1].is_cleared, timeout=WAIT_MS)
    stopped = [entry for entry in desks.entries(action="view stop") if entry.camera == "mobbox-2-ptz1"]
    assert [json.loads(entry.reason)["reference"] for entry in stopped] == [f"alarm {alarm:04d}"]
    back = [entry for entry in desks.entries(action="view start") if entry.camera == own]
    assert json.loads(back[-1].reason)["category"] == "virtual patrol"  # under the desk's reason again


def test_another_desk_taking_the_alarm_takes_its_video_from_this_desk_and_keeps_its_own(qtbot, desks):
    here = desks.desk("an.peeters", "ws-04")
    there = desks.desk("demo", "ws-05")
    with qtbot.waitSignals([here.alarm_video.shown, there.alarm_video.shown], timeout=WAIT_MS):
        alarm = desks.raise_alarm("mobbox-1-ptz2", AlarmKind.DOOR, ALARM_TILE)
    with qtbot.waitSignal(here.alarm_video.gone, timeout=WAIT_MS):
        assert there.accountability.change(Action.HANDLE_ALARMS, take_alarm(alarm, taker(there)))
    assert not here.alarm_video.tile.isVisible()
    qtbot.waitUntil(lambda: there.alarm_video.showing(ALARM_TILE).state is AlarmState.IN_PROGRESS,
                    timeout=WAIT_MS)  # the taker keeps it  # fmt: skip
    assert there.alarm_video.tile.isVisible()
    stops = [entry for entry in desks.entries(action="view stop") if entry.camera == "mobbox-1-ptz2"]
    assert [entry.workstation for entry in stops] == ["ws-04"]
    assert json.loads(stops[0].reason)["reference"] == f"alarm {alarm:04d}"


def test_a_locked_desk_shows_nothing_of_an_alarm_until_it_is_unlocked(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04")
    video = console.alarm_video
    console.lock()
    desks.raise_alarm("mobbox-1-ptz1", AlarmKind.DOOR, ALARM_TILE)
    qtbot.waitUntil(lambda: any(alarm.camera == "mobbox-1-ptz1" for alarm in console.alarm_feed.alarms),
                    timeout=WAIT_MS)  # fmt: skip
    assert video.showing(ALARM_TILE) is None and not [
        entry for entry in desks.entries(action="view start") if entry.camera == "mobbox-1-ptz1"]  # fmt: skip
    lock_screen = console.windows[0].lock_screen
    qtbot.waitUntil(lambda: "Alarms waiting: 1" in lock_screen.waiting.text(), timeout=WAIT_MS)  # it says one waits
    with qtbot.waitSignal(video.shown, timeout=WAIT_MS):
        console.unlock("uitkijk-demo")
    assert video.tile.isVisible()


def test_a_mobbox_health_shows_on_its_cameras_tiles_and_its_row_and_is_stale_when_nobody_hears_it(qtbot, desks):
    now = dt.datetime.now(dt.UTC)
    with desks.database.write() as transaction:
        alarm_rows.set_health(transaction, {"device": "mobbox-1", "camera": "mobbox-1-ptz1", "battery_pct": 15.0,
                                            "battery_low": 1, "uplink": "degraded", "door": "open",
                                            "updated_utc": utc_text(now - dt.timedelta(hours=1))})  # fmt: skip
        alarm_rows.set_health(transaction, {"device": "mobbox-2", "camera": "mobbox-2-ptz1", "battery_pct": 80.0,
                                            "battery_low": 0, "uplink": "ok", "door": "closed",
                                            "updated_utc": utc_text(now - dt.timedelta(hours=1))})  # fmt: skip
        # The events service follows Mobbox 1 (its subscription active); Mobbox 2's cameras it cannot reach.
        alarm_rows.report_intake(transaction, "events-1", "host", utc_text(now), utc_text(now), {
            "mobbox-1-ptz2": {"subscription": "active"}, "mobbox-2-ptz1": {"subscription": "retrying"},
            "mobbox-2-ptz2": {"subscription": "refused"}}, None)  # fmt: skip
    console = desks.desk("an.peeters", "ws-04")
    window = console.windows[0]
    window.wall.show_step("2x2", ["mobbox-1-ptz1", "mobbox-2-ptz2", "station-01", None])
    qtbot.waitUntil(lambda: "mobbox-1" in console.health.by_device, timeout=WAIT_MS)
    first, second, plain = window.wall.tiles[:3]
    assert first.health_words() == ["battery 15% (low)", "uplink degraded", "door open"]
    assert second.health_words()[:3] == ["battery 80%", "uplink ok", "door closed"]
    assert second.health_words()[3].startswith("stale")
    assert plain.health_words() == []
    assert window.camera_panel.model.health_text("mobbox-2")[0] == "Mobbox 2 \u00b7 80% \u00b7 stale"
    name, tooltip = window.camera_panel.model.health_text("mobbox-1")
    assert (
        name == "Mobbox 1 \u00b7 15% \u00b7 door open \u00b7 uplink degraded"
        and "door open" in tooltip
        and "battery 15% (low)" in tooltip
    )
    qtbot.waitUntil(lambda: first.is_cleared, timeout=WAIT_MS)
    first.resize(480, 270)
    badge = first.grab().toImage().copy(first.width() // 2, 24, first.width() // 2, 30)
    colours = {badge.pixelColor(x, y).name() for x in range(badge.width()) for y in range(badge.height())}
    assert ALARM.name() in colours  # the low battery and the open door in the alarm's red


def test_an_alarm_for_the_camera_a_window_shows_already_logs_its_view_again_under_the_alarm_and_back(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04")
    wall, video = console.windows[0].wall, console.alarm_video
    own = wall.tiles[0].camera.id
    qtbot.waitUntil(lambda: wall.tiles[0].is_cleared, timeout=WAIT_MS)
    alarm = desks.raise_alarm(own, AlarmKind.TAMPER, "window 1")
    qtbot.waitUntil(lambda: video.showing("window 1") is not None and wall.tiles[0].is_cleared, timeout=WAIT_MS)

    def reasons(action: str) -> list[str]:
        return [json.loads(entry.reason)["reference"] for entry in desks.entries(action=action) if entry.camera == own]

    assert reasons("view start") == ["station quarter", f"alarm {alarm:04d}"]
    assert reasons("view stop") == ["station quarter"]
    with qtbot.waitSignal(video.gone, timeout=WAIT_MS):
        assert console.accountability.change(Action.HANDLE_ALARMS,
                                             close_alarm(alarm, Outcome.FALSE_ALARM, taker(console)))  # fmt: skip
    qtbot.waitUntil(lambda: wall.tiles[0].is_cleared, timeout=WAIT_MS)
    assert wall.tiles[0].camera.id == own
    assert reasons("view start") == ["station quarter", f"alarm {alarm:04d}", "station quarter"]
    assert reasons("view stop") == ["station quarter", f"alarm {alarm:04d}"]


def test_an_alarm_tile_closed_here_comes_back_when_this_desk_takes_the_alarm(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04")
    video = console.alarm_video
    with qtbot.waitSignal(video.shown, timeout=WAIT_MS):
        alarm = desks.raise_alarm("mobbox-1-ptz1", AlarmKind.DOOR, ALARM_TILE)
    with qtbot.waitSignal(video.gone, timeout=WAIT_MS):
        video.close_tile()  # F7
    with qtbot.waitSignal(video.shown, timeout=WAIT_MS):
        assert console.accountability.change(Action.HANDLE_ALARMS, take_alarm(alarm, taker(console)))
    assert video.showing(ALARM_TILE).id == alarm and video.tile.isVisible()


def test_a_desk_without_a_reason_of_its_own_sees_the_alarm_under_the_alarms_reason(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04", reason=None)
    wall, video = console.windows[0].wall, console.alarm_video
    alarm = desks.raise_alarm("mobbox-2-ptz2", AlarmKind.DOOR, "window 3")
    qtbot.waitUntil(lambda: wall.tiles[2].camera.id == "mobbox-2-ptz2" and wall.tiles[2].is_cleared, timeout=WAIT_MS)
    assert not wall.tiles[0].is_cleared  # the desk's own windows stay veiled: no reason of its own
    assert console.accountability.session.reason is None
    started = [entry for entry in desks.entries(action="view start") if entry.camera == "mobbox-2-ptz2"]
    assert [json.loads(entry.reason)["reference"] for entry in started] == [f"alarm {alarm:04d}"]
    assert video.showing("window 3").id == alarm


def test_a_1x1_wall_keeps_its_only_window_and_the_alarm_its_desk_takes_comes_to_the_alarm_tile_at_once(qtbot, desks):
    desks.number_alarms_from(6)
    chief = desks.desk("tom.claes", "ws-chief", layout="1x1")
    wall, video = chief.windows[0].wall, chief.alarm_video
    own = wall.tiles[0].camera.id
    with qtbot.waitSignal(video.shown, timeout=WAIT_MS):
        older = desks.raise_alarm("mobbox-1-ptz1", AlarmKind.DOOR, ALARM_TILE)
    newer = desks.raise_alarm("mobbox-2-ptz1", AlarmKind.TAMPER, "window 1")
    qtbot.waitUntil(lambda: video.tile.waiting.isVisible(), timeout=WAIT_MS)  # the newer one waits its turn
    assert older == 6 and newer == 7
    assert video.showing(ALARM_TILE).id == older and video.showing("window 1") is None
    assert len(wall.tiles) == 1 and wall.tiles[0].camera.id == own and not wall.tiles[0].alarm_mark  # his picture
    with qtbot.waitSignal(video.shown, timeout=WAIT_MS) as shown:
        assert chief.accountability.change(Action.HANDLE_ALARMS, take_alarm(newer, taker(chief)))
    assert shown.args == [newer] and video.showing(ALARM_TILE).id == newer  # the one he took, before the older one
    assert "0007" in video.tile.title.text() and video.tile.live.camera.id == "mobbox-2-ptz1"
    assert wall.tiles[0].camera.id == own


def test_quitting_with_an_alarm_on_a_window_stops_the_views_and_starts_none_of_the_operators_camera(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04")
    wall, video = console.windows[0].wall, console.alarm_video
    own = wall.tiles[1].camera.id
    qtbot.waitUntil(lambda: wall.tiles[1].is_cleared, timeout=WAIT_MS)
    alarm = desks.raise_alarm("mobbox-2-ptz1", AlarmKind.DOOR, "window 2")
    qtbot.waitUntil(lambda: video.showing("window 2") is not None and wall.tiles[1].is_cleared, timeout=WAIT_MS)
    console.quit()
    assert wall.tiles[1].camera.id == own  # the wall is saved with the operator's camera back on it
    views = [entry for entry in desks.entries() if entry.action in ("view start", "view stop")]
    assert [entry.action for entry in views if entry.camera == own] == ["view start", "view stop"]  # no start again
    alarms = [(entry.action, json.loads(entry.reason)["reference"]) for entry in views if entry.camera != own
              and entry.camera == "mobbox-2-ptz1"]  # fmt: skip
    assert alarms == [("view start", f"alarm {alarm:04d}"), ("view stop", f"alarm {alarm:04d}")]
    assert sum(1 for entry in views if entry.action == "view start") == sum(
        1 for entry in views if entry.action == "view stop"
    )  # every view that started stopped, none after


def test_a_locked_desk_says_a_priority_1_alarm_waits_apart_from_the_others(qtbot, desks):
    console = desks.desk("an.peeters", "ws-04")
    console.lock()
    lock_screen = console.windows[0].lock_screen
    desks.raise_alarm("park-01", AlarmKind.MOTION, "none", priority=3)
    qtbot.waitUntil(lambda: "Alarms waiting: 1" in lock_screen.waiting.text(), timeout=WAIT_MS)
    assert "Priority 1" not in lock_screen.waiting.text()
    desks.raise_alarm("mobbox-1-ptz1", AlarmKind.DOOR, ALARM_TILE, priority=1)  # a door opens while he is away
    qtbot.waitUntil(lambda: "Alarms waiting: 2" in lock_screen.waiting.text(), timeout=WAIT_MS)
    assert lock_screen.waiting.text() == "\u26a0 Priority 1 alarms waiting: 1 \u00b7 Alarms waiting: 2"
