"""The alarm queue on the desks: raised by the events service's intake, on every list without a click, taken on one
desk and gone from the other's, closed with an outcome, made an incident in one action, escalated to the team chief,
and on the alert strip while the operator types (the focus stays). Real store on both backends: on PostgreSQL two
desks have a store connection, an audit log and a writer each, as two PCs of a room."""

from __future__ import annotations

import datetime as dt
import shutil

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.access.permissions import Role
from console.access.session import Session
from console.access.users import User
from console.alarms.config import load_alarm_rules
from console.alarms.model import AlarmKind, AlarmState, CameraEvent, EventSource, Outcome
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.config.loader import load_camera_config
from console.dispatch import service
from console.dispatch.config import load_units
from console.dispatch.model import Source
from console.paths import DEFAULT_CONFIG_DIR
from console.services import alarm_queue as queue
from console.services.alarm_queue import AlarmIntake, AlarmReader
from console.services.alerts import things_waiting
from console.services.dispatch_reads import DispatchReader
from console.store import open_store
from console.ui.accountability import Accountability
from console.ui.alarm_video import AlarmFeed
from console.ui.alarms import AlarmPanel
from console.ui.alert_strip import AlertStrip
from console.ui.desk_map import MapPanel
from console.ui.dispatch.models import AlertSound, DispatchFeed
from console.ui.dispatch.panel import DispatchPanel
from console.ui.main_window import shortcuts_help
from console.ui.map_view import AlarmMarker, MapCanvas
from console.ui.notices import ChangeNotices
from console.video.stream import Frame

WHO = {"user": "admin", "role": "administrator", "workstation": "ws-00"}
STILL = cv2.imencode(".jpg", np.full((360, 640, 3), 90, np.uint8))[1].tobytes()  # a detector's frame, as it came


def tamper(camera: str = "station-01") -> CameraEvent:
    return CameraEvent(camera, AlarmKind.TAMPER, True, dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                       EventSource.DETECTOR, {"cause": "covered"}, still_jpeg=STILL)  # fmt: skip


class Desk:
    """One desk's dispatch panel with its alarm tab, over its own store connection, log and writer."""

    def __init__(self, qtbot, room: Room, name: str, role: Role, workstation: str) -> None:
        self.folder = room.store_dir / workstation
        self.folder.mkdir(exist_ok=True)
        shutil.copy2(room.store_dir / KEY_FILE, self.folder / KEY_FILE)  # the room's key, a copy on every desk
        self.database = open_store(room.store_dir if room.store_url is None else self.folder, room.store_url)
        self.writer = AuditWriter(AuditLog(self.database, self.folder / KEY_FILE))
        session = Session(User(name, name.replace(".", " ").title(), role, "-"), workstation)
        self.accountability = Accountability(self.writer, session)
        self.notices = ChangeNotices(self.database.wait_for_change, f"notices-{workstation}") \
            if self.database.has_change_notices else None  # fmt: skip
        self.dispatch_feed = DispatchFeed(DispatchReader(self.database, room.units.call_signs()), None, self.notices)
        self.sound = AlertSound(self.folder)
        self.dispatch = DispatchPanel(self.accountability, self.dispatch_feed, room.config, room.units, self.sound)
        self.alarm_feed = AlarmFeed(AlarmReader(self.database), self.notices)
        self.alarms = AlarmPanel(self.accountability, self.alarm_feed, room.config, self.sound,
                                 self.folder / "evidence")  # fmt: skip
        self.dispatch.add_alarms(self.alarms)
        self.strip = AlertStrip()
        self.dispatch.alerts_changed.connect(self.strip.show_alerts)
        self.strip.opened.connect(self.dispatch.open_target)
        qtbot.addWidget(self.dispatch)
        qtbot.addWidget(self.strip)
        if self.notices is not None:
            self.notices.start()
        self.dispatch_feed.start()
        self.alarm_feed.start()
        qtbot.waitUntil(lambda: self.dispatch.board is not None and self.alarm_feed.revision >= 0, timeout=5000)

    def listed(self) -> list[int]:
        return [alarm.id for alarm in self.alarms.model.items]

    def close(self) -> None:
        self.alarms.shutdown()
        self.alarm_feed.shutdown()
        self.dispatch.shutdown()
        self.dispatch_feed.shutdown()
        self.sound.shutdown()
        if self.notices is not None:
            self.notices.stop()
        assert self.writer.close()
        self.database.close()


class Room:
    def __init__(self, qtbot, store_dir, store_url, database, log) -> None:
        self.qtbot, self.store_dir, self.store_url = qtbot, store_dir, store_url
        self.config = load_camera_config(DEFAULT_CONFIG_DIR)
        self.units = load_units(self.config)
        self.log = log  # the events service's and the set-up's
        log.commit(service.ensure_units(self.units, "admin").record(WHO))
        self.clock = {"shift_s": 0.0}
        self.intake = AlarmIntake(database, log, load_alarm_rules(self.config), "events-1", "ws-00", clock=self.now)
        self.desks: list[Desk] = []

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=self.clock["shift_s"])

    def desk(self, name: str, role: Role = Role.OPERATOR, workstation: str = "ws-01") -> Desk:
        desk = Desk(self.qtbot, self, name, role, workstation)
        self.desks.append(desk)
        return desk

    def close(self) -> None:
        for desk in self.desks:
            desk.close()


@pytest.fixture
def room(qtbot, store_dir, store_url, database, log):
    room = Room(qtbot, store_dir, store_url, database, log)
    yield room
    room.close()


def test_an_alarm_raised_appears_without_a_click_and_taking_it_on_desk_a_removes_it_from_desk_b(qtbot, room):
    a = room.desk("an.peeters", workstation="ws-01")
    b = room.desk("bart.maes", workstation="ws-02")
    arrived = []
    a.alarms.alarm_arrived.connect(arrived.append)
    alarm_id = room.intake.offer(tamper())
    qtbot.waitUntil(lambda: a.listed() == [alarm_id] and b.listed() == [alarm_id], timeout=3000)
    assert [alarm.id for alarm in arrived] == [alarm_id]  # once, for h6's alarm tile
    model = a.alarms.model
    row = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    assert row[0] == f"{alarm_id:04d}" and row[2] == "P2" and row[3] == "Stationsplein noord"
    assert row[4] == "tamper: lens covered" and row[5].startswith("new, ")
    qtbot.waitUntil(lambda: a.alarms.still.pixmap() is not None and not a.alarms.still.pixmap().isNull()
                    or a.alarms._still_jpeg == (alarm_id, STILL), timeout=3000)  # fmt: skip
    assert a.dispatch.tabs.tabText(1) == "Alarms (1)"

    taken = []
    a.alarms.alarm_taken_here.connect(taken.append)
    a.alarms.list.setFocus()
    a.alarms.take_selected()  # Enter on the list
    qtbot.waitUntil(lambda: b.listed() == [], timeout=3000)
    qtbot.waitUntil(lambda: [alarm.id for alarm in taken] == [alarm_id], timeout=3000)
    assert a.listed() == [alarm_id] and a.alarms.model.items[0].state is AlarmState.IN_PROGRESS
    assert b.alarms.message.text() == f"Alarm {alarm_id:04d} was taken by An Peeters"
    b.writer.flush()

    # Desk B had it chosen and presses Take a moment too late: refused in words, the list read again.
    b.alarms.note.setText("ik kijk ook")
    b.alarms._submit(queue.take_alarm(alarm_id, b.alarms.taker), lambda _: None)
    qtbot.waitUntil(lambda: "An Peeters has already taken this alarm" in b.alarms.message.text(), timeout=3000)
    assert b.alarms.note.text() == "ik kijk ook"  # nothing typed is lost


def test_close_with_an_outcome_and_a_note(qtbot, room):
    a = room.desk("an.peeters")
    alarm_id = room.intake.offer(tamper())
    qtbot.waitUntil(lambda: a.listed() == [alarm_id], timeout=3000)
    a.alarms.outcome.setCurrentIndex(a.alarms.outcome.findData(Outcome.FALSE_ALARM))
    a.alarms.note.setText("een spin op de lens")
    a.alarms.note.returnPressed.emit()  # Enter in the note closes
    qtbot.waitUntil(lambda: a.listed() == [], timeout=3000)
    alarm = queue.read_queue(room.log.database)[0]
    assert (alarm.state, alarm.outcome, alarm.closed_by) == (AlarmState.CLOSED, Outcome.FALSE_ALARM, "an.peeters")
    assert alarm.note == "een spin op de lens"
    a.writer.flush()
    assert [entry.action for entry in room.log.entries()][-1] == "alarm closed"
    assert a.alarms.note.text() == ""


def test_one_action_makes_an_incident_with_the_camera_its_place_and_still_and_closes_the_alarm(qtbot, room):
    a = room.desk("an.peeters")
    alarm_id = room.intake.offer(tamper("park-01"))
    qtbot.waitUntil(lambda: a.listed() == [alarm_id], timeout=3000)
    a.alarms.make_incident.click()
    qtbot.waitUntil(lambda: a.listed() == [] and a.dispatch.board is not None and bool(a.dispatch.board.incidents),
                    timeout=5000)  # fmt: skip
    [incident] = a.dispatch.board.incidents
    camera = room.config.camera("park-01")
    assert (incident.source, incident.cameras, incident.address, incident.area) == (
        Source.CAMERA, ("park-01",), camera.location.street, "park")  # fmt: skip
    assert (incident.lat, incident.lon) == (camera.location.lat, camera.location.lon)
    assert f"alarm {alarm_id:04d}: tamper: lens covered on {camera.name}" in incident.description
    [snapshot] = incident.snapshots
    alarm = queue.read_queue(room.log.database)[0]
    assert (alarm.state, alarm.outcome, alarm.incident) == (AlarmState.CLOSED, Outcome.INCIDENT_MADE, incident.id)
    kept = a.folder / "evidence" / alarm.event_utc[:10] / snapshot.file
    assert snapshot.file == f"park-01_{alarm.event_utc.replace('-', '').replace(':', '')}_alarm{alarm_id:04d}.jpg"
    qtbot.waitUntil(kept.exists, timeout=3000)
    assert kept.read_bytes() == STILL
    a.writer.flush()
    made = [entry for entry in room.log.entries() if entry.action == "incident created"]
    assert len(made) == 1 and f'"alarm": {alarm_id}' in made[0].detail
    qtbot.waitUntil(lambda: a.dispatch.current_id == incident.id, timeout=3000)  # the incident in front


def test_an_escalated_alarm_shows_on_the_team_chiefs_desk_in_his_colour_with_how_long(qtbot, room):
    chief = room.desk("tom.claes", Role.TEAM_CHIEF, workstation="ws-09")
    alarm_id = room.intake.offer(tamper())
    qtbot.waitUntil(lambda: chief.listed() == [alarm_id], timeout=3000)
    assert chief.strip.chip("escalated") == ""
    room.clock["shift_s"] = 200  # past the rule's 120 s
    assert room.intake.escalate_due() == [alarm_id]
    qtbot.waitUntil(lambda: chief.strip.chip("escalated") == f"\u26a0 Escalated {alarm_id:04d}", timeout=3000)
    tip = chief.strip.buttons["escalated"].toolTip()
    assert "Alarms escalated to you, not taken: 1" in tip and "not taken for" in tip
    model = chief.alarms.model
    assert model.data(model.index(0, 5)).startswith("escalated ")


def test_the_strip_shows_a_new_alarm_while_the_incident_form_has_the_focus_and_the_focus_stays(qtbot, room):
    a = room.desk("an.peeters")
    a.dispatch.show()
    a.dispatch.activateWindow()
    a.dispatch.new_incident()
    form_field = a.dispatch.form.type
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is form_field or form_field.isAncestorOf(focused)
    qtbot.keyClicks(focused, "vecht")
    alarm_id = room.intake.offer(CameraEvent("mobbox-1-ptz1", AlarmKind.DOOR, True, "2026-12-05T22:30:00.000000Z",
                                             EventSource.ONVIF, {"input": "door"}))  # fmt: skip
    qtbot.waitUntil(lambda: a.strip.chip("alarm") == f"\u26a0 Alarm {alarm_id:04d}", timeout=3000)
    assert a.strip.buttons["alarm"].property("urgent") is True  # priority 1: the urgent colour
    assert QApplication.focusWidget() is focused  # the alarm took nothing from the typing hand
    assert a.dispatch.tabs.currentWidget() is a.dispatch.incidents_page
    qtbot.keyClicks(focused, "partij")
    assert form_field.currentText() == "vechtpartij"
    a.strip.buttons["alarm"].click()  # one click opens it in the queue
    assert a.dispatch.tabs.currentWidget() is a.alarms and a.alarms.selected().id == alarm_id


def test_an_open_alarm_marks_its_camera_on_the_map_and_a_click_opens_it_until_it_is_closed(qtbot, room):
    a = room.desk("an.peeters")
    canvas = MapCanvas(room.config, None)
    qtbot.addWidget(canvas)
    canvas.resize(900, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    a.alarms.alarms_changed.connect(canvas.show_alarms)  # as the desk's map is fed
    canvas.alarm_selected.connect(lambda alarm_id: a.dispatch.open_target(f"alarm:{alarm_id}"))
    alarm_id = room.intake.offer(tamper("park-01"))
    qtbot.waitUntil(lambda: alarm_id in canvas.alarm_markers, timeout=3000)
    marker = canvas.alarm_markers[alarm_id]
    assert marker.pos() == canvas.markers["park-01"].pos()
    canvas.centerOn(marker)
    a.dispatch.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(canvas.alarm_selected, timeout=2000) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         canvas.mapFromScene(marker.pos()))  # fmt: skip
    assert clicked.args == [alarm_id]
    assert a.dispatch.tabs.currentWidget() is a.alarms and a.alarms.selected().id == alarm_id
    a.alarms.outcome.setCurrentIndex(a.alarms.outcome.findData(Outcome.SEEN_NOTHING))
    a.alarms.close_selected()
    qtbot.waitUntil(lambda: alarm_id not in canvas.alarm_markers, timeout=3000)


def test_added_to_an_open_incident_the_alarm_closes_naming_it_and_its_camera_joins_the_incident(qtbot, room):
    a = room.desk("an.peeters")
    draft = service.Draft(Source.PHONE, "vandalism", 2, "Koning Albertstraat", "park")
    room.log.commit(service.create_incident(draft, "intake").record(WHO))
    alarm_id = room.intake.offer(tamper("park-01"))
    qtbot.waitUntil(lambda: a.listed() == [alarm_id] and a.alarms.incident_choice.count() == 2, timeout=3000)
    incident_id = a.alarms.incident_choice.itemData(1)
    a.alarms.outcome.setCurrentIndex(a.alarms.outcome.findData(Outcome.ADDED_TO_INCIDENT))
    assert not a.alarms.close_button.isEnabled()  # which incident? asked first
    a.alarms.incident_choice.setCurrentIndex(1)
    a.alarms.incident_choice.activated.emit(1)
    assert a.alarms.close_button.isEnabled()
    a.alarms.close_button.click()
    qtbot.waitUntil(lambda: a.listed() == [], timeout=3000)
    alarm = queue.read_queue(room.log.database)[0]
    assert (alarm.outcome, alarm.incident) == (Outcome.ADDED_TO_INCIDENT, incident_id)
    qtbot.waitUntil(lambda: a.dispatch.board.incident(incident_id).cameras == ("park-01",), timeout=3000)


def test_within_a_priority_the_longest_waiting_alarm_is_on_top_as_in_the_incident_queue(qtbot, room):
    a = room.desk("an.peeters")
    first = room.intake.offer(tamper("station-01"))
    room.clock["shift_s"] = 30
    second = room.intake.offer(tamper("shopping-01"))
    qtbot.waitUntil(lambda: sorted(a.listed()) == sorted([first, second]), timeout=3000)
    assert [alarm.priority for alarm in a.alarms.model.items] == [2, 2]
    assert a.listed() == [first, second]  # the one waiting longest first


def test_a_double_click_takes_the_alarm_and_a_right_click_offers_its_steps(qtbot, room):
    a = room.desk("an.peeters")
    a.alarms.show()
    alarm_id = room.intake.offer(tamper())
    qtbot.waitUntil(lambda: a.listed() == [alarm_id], timeout=3000)
    menu = a.alarms.row_menu()
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Take (Enter, double-click)", "Hand back", "Make incident", "Close as"]
    assert [action.isEnabled() for action in menu.actions()] == [True, False, True, True]
    index = a.alarms.model.index(0, 3)
    a.alarms.list.doubleClicked.emit(index)  # as the view emits it on a double-click
    qtbot.waitUntil(lambda: a.alarms.message.text() == f"Alarm {alarm_id:04d} is yours", timeout=3000)
    qtbot.waitUntil(lambda: a.alarms.model.items[0].state is AlarmState.IN_PROGRESS, timeout=3000)
    assert a.alarms.message.isVisibleTo(a.alarms)  # the confirmation right under the list
    menu = a.alarms.row_menu()
    assert [action.isEnabled() for action in menu.actions()] == [False, True, True, True]
    [closing] = [action.menu() for action in menu.actions() if action.menu() is not None]
    [false_alarm] = [action for action in closing.actions() if action.text() == "false alarm"]
    false_alarm.trigger()
    qtbot.waitUntil(lambda: a.listed() == [], timeout=3000)
    alarm = queue.read_queue(room.log.database)[0]
    assert (alarm.state, alarm.outcome) == (AlarmState.CLOSED, Outcome.FALSE_ALARM)


def test_the_chiefs_chip_names_the_most_urgent_escalated_alarm_and_the_dock_counts_each_alarm_once(qtbot, room):
    chief = room.desk("tom.claes", Role.TEAM_CHIEF, workstation="ws-09")
    old_p2 = room.intake.offer(tamper())
    room.clock["shift_s"] = 30
    new_p1 = room.intake.offer(CameraEvent("mobbox-1-ptz1", AlarmKind.DOOR, True, room.now().isoformat(),
                                           EventSource.ONVIF, {"input": "door"}))  # fmt: skip
    room.clock["shift_s"] = 200  # past both rules' limits
    assert sorted(room.intake.escalate_due()) == sorted([old_p2, new_p1])
    qtbot.waitUntil(lambda: chief.strip.chip("escalated") == f"\u26a0 Escalated {new_p1:04d} (+1)", timeout=3000)
    assert things_waiting(chief.dispatch.alerts) == 2  # two alarms, though both are on two chips


def test_the_alarm_tab_counts_what_the_panel_read_before_it_was_added(qtbot, room):
    alarm_id = room.intake.offer(tamper())
    a = room.desk("an.peeters")
    qtbot.waitUntil(lambda: a.listed() == [alarm_id], timeout=3000)
    feed = AlarmFeed(AlarmReader(a.database), None)
    feed.start()
    qtbot.waitUntil(lambda: feed.revision >= 0, timeout=3000)
    panel = AlarmPanel(a.accountability, feed, room.config, a.sound, a.folder / "evidence")  # read at once
    dispatch = DispatchPanel(a.accountability, a.dispatch_feed, room.config, room.units, a.sound)
    qtbot.addWidget(dispatch)
    dispatch.add_alarms(panel)
    try:
        assert dispatch.tabs.tabText(1) == "Alarms (1)"
    finally:
        panel.shutdown()
        feed.shutdown()
        dispatch.shutdown()


def test_the_help_names_f6_and_the_alarm_queues_keys():
    text = shortcuts_help()
    assert "F6" in text and "double-click takes the chosen alarm" in text


def test_the_map_shows_the_lists_alarms_one_ring_per_camera_with_the_count_and_its_legend_says_so(qtbot, room):
    a = room.desk("an.peeters")
    canvas = MapCanvas(room.config, None)
    panel = MapPanel(canvas)
    qtbot.addWidget(panel)
    a.alarms.alarms_changed.connect(canvas.show_alarms)
    tampered = room.intake.offer(tamper("park-01"))
    lost = room.intake.offer(CameraEvent("park-01", AlarmKind.VIDEO_LOSS, True, room.now().isoformat(),
                                         EventSource.WATCHDOG, {}))  # fmt: skip
    battery = room.intake.offer(CameraEvent("mobbox-1-ptz1", AlarmKind.BATTERY, True, room.now().isoformat(),
                                            EventSource.ONVIF, {"battery_pct": 12}))  # team chief only  # fmt: skip
    qtbot.waitUntil(lambda: {tampered, lost} <= set(canvas.alarm_markers), timeout=3000)
    assert battery not in canvas.alarm_markers and battery not in a.listed()  # the map shows what the list shows
    rings = [item for item in canvas.scene().items() if isinstance(item, AlarmMarker)]
    assert len(rings) == 1 and canvas.alarm_markers[tampered] is canvas.alarm_markers[lost]
    assert (rings[0].alarm.id, rings[0].count) == (tampered, 2)  # the P2 before the P3
    assert "open alarm" in panel.legend.text()


def door(camera: str = "mobbox-1-ptz1") -> CameraEvent:
    return CameraEvent(camera, AlarmKind.DOOR, True, dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                       EventSource.ONVIF, {"input": "door"})  # fmt: skip


def test_an_incident_from_an_alarm_without_a_still_takes_the_desks_live_picture_or_says_there_was_none(qtbot, room):
    a = room.desk("an.peeters")
    bgra = np.zeros((180, 320, 4), np.uint8)
    bgra[:, :, 2] = 200  # a red live picture
    live = Frame(bgra, 320, 180, 1920, 1080, 0.0, 0.0, 1, "h264")
    a.alarms.live_picture = lambda camera: live if camera == "mobbox-1-ptz1" else None
    shown = room.intake.offer(door("mobbox-1-ptz1"))
    unseen = room.intake.offer(door("mobbox-2-ptz1"))
    qtbot.waitUntil(lambda: set(a.listed()) == {shown, unseen}, timeout=3000)
    for alarm_id in (shown, unseen):
        a.alarms.open_alarm(alarm_id)
        a.alarms.make_incident.click()
        qtbot.waitUntil(lambda alarm_id=alarm_id: alarm_id not in a.listed(), timeout=5000)
    qtbot.waitUntil(lambda: a.dispatch.board is not None and len(a.dispatch.board.incidents) == 2, timeout=5000)
    made = {incident.cameras[0]: incident for incident in a.dispatch.board.incidents}
    [snapshot] = made["mobbox-1-ptz1"].snapshots
    assert snapshot.file.endswith(f"_alarm{shown:04d}.jpg") and a.alarms.feed.reader.still(shown) is None
    kept = a.folder / "evidence" / snapshot.utc[:10] / snapshot.file
    qtbot.waitUntil(kept.exists, timeout=3000)
    picture = cv2.imdecode(np.frombuffer(kept.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert picture.shape[:2] == (180, 320) and picture[:, :, 2].mean() > 150  # the live picture, as shown
    assert "No picture was available" not in made["mobbox-1-ptz1"].description
    assert made["mobbox-2-ptz1"].snapshots == ()
    assert "No picture was available." in made["mobbox-2-ptz1"].description


def test_the_chosen_alarms_facts_are_sentences_each_on_its_line(qtbot, room):
    a = room.desk("an.peeters")
    alarm_id = room.intake.offer(tamper())
    qtbot.waitUntil(lambda: a.listed() == [alarm_id], timeout=3000)
    a.alarms.take_selected()
    room.clock["shift_s"] = 200
    qtbot.waitUntil(lambda: a.alarms.model.items[0].state is AlarmState.IN_PROGRESS, timeout=3000)
    lines = a.alarms.facts.text().split("<br>")
    assert lines[2].startswith("Raised ") and lines[3] == "Taken by An Peeters"


def test_a_desk_without_change_notices_reads_the_queue_revision_often_enough_for_an_alarm_in_a_fifth_of_a_second(
    qtbot, tmp_path
):
    """On a lone desk (SQLite, no NOTIFY) the feed polls one integer; it must not be what makes an alarm late."""
    database = open_store(tmp_path)
    feed = AlarmFeed(AlarmReader(database))
    try:
        assert not database.has_change_notices
        assert feed._timer.interval() <= 200
    finally:
        feed.shutdown()
        database.close()
