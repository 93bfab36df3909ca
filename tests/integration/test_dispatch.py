"""Dispatch on real desks: consoles on the simulated network sharing one SQLite store, intake from the command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from console.access.reasons import Category
from console.dispatch import service
from console.dispatch.model import IncidentState, Source, UnitState
from console.paths import REPO_ROOT
from console.services.dispatch_reads import DispatchReader
from console.store import dispatch as rows
from console.store import open_store
from tests.integration.conftest import EXPIRED_PLATE, LISTED_PLATE, LOADED_MS, PATROL

pytestmark = pytest.mark.integration


def intake(room, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "main.py", "intake", *arguments, "--config", str(room.city.folder),
                           "--data", str(room.paths.data_dir)], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=60, env=environment)  # fmt: skip


def revision(room) -> int:
    return revision_of(room.paths.data_dir)


def png(path, width: int = 320) -> str:
    cv2.imwrite(str(path), np.full((width * 9 // 16, width, 3), 90, np.uint8))
    return str(path)


def test_intake_reaches_a_running_console_within_1_s_and_bad_input_changes_nothing(qtbot, room, tmp_path):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    panel, strip = console.dispatch_panel, console.windows[0].alert_strip
    qtbot.waitUntil(lambda: panel.board is not None and len(panel.board.units) == 3, timeout=5000)

    called = intake(room, "call", "--type", "fight", "--address", "Teststraat 12", "--description", "two men",
                    "--priority", "1", "--caller", "Mevr. Claes 0470 12 34 56")  # fmt: skip
    assert called.returncode == 0, called.stderr
    handed_over = time.monotonic()
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 1, timeout=1000)  # the acceptance limit: 1 s
    seen_after_s = time.monotonic() - handed_over
    incident = panel.queue_model.items[0]
    assert (incident.priority, incident.type, incident.source, incident.area) == (1, "fight", Source.PHONE, "station")
    assert incident.lat is not None and incident.created_by == "intake"
    print(f"intake call -> queue: {seen_after_s * 1000:.0f} ms")
    qtbot.waitUntil(
        lambda: strip.count("p1") == 1 and panel.p1_alert.isVisible(), timeout=1000
    )  # on the strip, popped up

    alerts = []
    panel.alert_raised.connect(lambda kind, text: alerts.append((kind, text)))
    hit = intake(room, "anpr", "--camera", "cam-c", "--plate", LISTED_PLATE, "--country", "B", "--confidence", "0.93",
                 "--direction", "inbound", "--image", png(tmp_path / "overview.png"),
                 "--plate-image", png(tmp_path / "plate.png", 200))  # fmt: skip
    assert hit.returncode == 0, hit.stderr
    qtbot.waitUntil(lambda: len(alerts) == 1, timeout=1000)
    assert alerts[0][0] == "ANPR hit" and "1ABC123 (B) on 'stolen vehicle' at Camera C" in alerts[0][1]
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.hits_page)) == "ANPR hits (1)"
    qtbot.waitUntil(lambda: strip.count("anpr") == 1, timeout=1000)  # outside every dock, whatever is in front
    assert "1ABC123 (B) on \u2018stolen vehicle\u2019 at Camera C" in strip.buttons["anpr"].toolTip()
    assert "\u26a0 2" in console.windows[0].dispatch_dock.windowTitle()  # the dock's tab carries the count

    before = revision(room)
    expired = intake(room, "anpr", "--camera", "cam-c", "--plate", EXPIRED_PLATE, "--country", "B",
                     "--confidence", "0.97")  # fmt: skip
    assert expired.returncode == 0 and "matches no live watch-list entry" in expired.stdout
    for arguments, message in (
        (("anpr", "--camera", "cam-a", "--plate", LISTED_PLATE, "--country", "B", "--confidence", "0.9"),
         "'cam-a' is not an ANPR camera"),
        (("anpr", "--camera", "cam-x", "--plate", "1-AB?", "--country", "B", "--confidence", "0.9"),
         "is not a number plate"),
        (("anpr", "--camera", "cam-c", "--plate", LISTED_PLATE, "--country", "B", "--confidence", "0.9",
          "--image", str(tmp_path / "missing.png")), "cannot read the overview image"),
        (("call", "--type", "fight", "--address", "x", "--description", "y", "--priority", "4"), "priority 4"),
        (("call", "--type", "fight", "--address", "x"), "the following arguments are required: --description"),
    ):  # fmt: skip
        refused = intake(room, *arguments)
        assert refused.returncode != 0 and message in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    assert revision(room) == before  # nothing was stored
    with qtbot.assertNotEmitted(panel.alert_raised, wait=600):
        panel.feed.poll()
    assert [entry.action for entry in room.entries(user="intake")] == ["incident created", "ANPR hit"]


def test_a_tile_becomes_an_incident_with_a_snapshot_and_video_follows_it(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window, panel = console.windows[0], console.dispatch_panel
    qtbot.waitUntil(
        lambda: window.wall.tiles[0].is_cleared and window.wall.tiles[0].painted_frames > 0, timeout=LOADED_MS
    )
    window.wall.select(0)
    console.incident_from_tile(window)  # the one action (key I)
    qtbot.waitUntil(lambda: panel.current() is not None and len(panel.current().snapshots) == 1, timeout=LOADED_MS)
    incident = panel.current()
    assert (incident.source, incident.cameras, incident.area, incident.address) == (
        Source.CAMERA, ("cam-a",), "station", "Teststraat")  # fmt: skip
    assert (incident.lat, incident.lon) == (50.8, 3.2)
    snapshot = incident.snapshots[0]
    assert any((room.paths.data_dir / "evidence").rglob(snapshot.file))
    assert panel.form.type.hasFocus() or not window.isActiveWindow()

    panel.follow_current()  # the one action (key V): linked camera first, then the nearest, under the incident
    expected = ["cam-a", "cam-b", "cam-hevc", "cam-udp"]  # 0, 111, 333 and 444 m; the ANPR camera is not a scene
    qtbot.waitUntil(lambda: window.wall.state.visible()[:4] == expected, timeout=5000)
    reason = console.accountability.session.reason
    assert (reason.category, reason.reference) == (Category.INCIDENT, incident.id)
    assert window.back_button.isVisible() or not window.isVisible()
    assert "Camera A" in panel.form.cameras.full_text  # the linked camera by name (the line may be cut)
    qtbot.waitUntil(lambda: all(tile.is_cleared for tile in window.wall.tiles), timeout=LOADED_MS)
    starts = [entry for entry in room.entries(action="view start") if json.loads(entry.reason)["reference"] ==
              incident.id]  # fmt: skip
    assert sorted(entry.camera for entry in starts) == sorted(expected)
    actions = [entry.action for entry in room.entries(user="an.peeters")]
    assert actions.index("incident created") < actions.index("snapshot") < actions.index("incident camera linked")

    asked: list[str] = []
    console.ask_reason = lambda parent=None, then=None: asked.append("asked")  # the dialog, as the desk opens it
    panel.finish(IncidentState.CANCELLED)  # the incident the desk views for is finished
    qtbot.waitUntil(lambda: asked == ["asked"], timeout=3000)  # the desk is asked for its next reason, once
    assert console.accountability.session.reason is None  # Cancel in the dialog: the wall stays veiled
    window.go_back()  # Back: the wall that was there before the incident's cameras, under the reason from before
    qtbot.waitUntil(lambda: window.wall.state.visible() == ["cam-a", None, None, None], timeout=5000)
    assert console.accountability.session.reason == PATROL
    qtbot.waitUntil(lambda: window.wall.tiles[0].is_cleared, timeout=LOADED_MS)
    assert asked == ["asked"]


def test_two_consoles_share_the_queue_and_one_unit_cannot_be_sent_twice(qtbot, room):
    operator = room.desk("an.peeters", ["cam-a", None, None, None]).dispatch_panel
    chief = room.desk("tom.claes", ["cam-b", None, None, None], workstation="ws-01").dispatch_panel
    operator.new_incident()
    operator.form.type.setCurrentText("shoplifting")
    operator.form.address.setText("Teststraat 3")
    operator.form.description.setPlainText("man with a full backpack running out of the shop")
    operator.form.priority.setCurrentIndex(0)
    operator.save()
    qtbot.waitUntil(lambda: chief.queue_model.rowCount() == 1, timeout=2000)  # the other desk sees it
    number = chief.queue_model.items[0].id
    qtbot.waitUntil(lambda: operator.current() is not None and operator.current().id == number, timeout=2000)
    chief.select_incident(number)
    qtbot.waitUntil(lambda: chief.current() is not None, timeout=2000)
    for panel in (operator, chief):
        panel.form.unit.setCurrentIndex(panel.form.unit.findData("Test 11"))
    operator.dispatch_selected_unit()
    chief.dispatch_selected_unit()  # the same unit at the same moment: the store lets one through
    qtbot.waitUntil(lambda: "not available" in chief.message.text() or "not available" in operator.message.text(),
                    timeout=3000)  # fmt: skip
    qtbot.waitUntil(lambda: chief.board.incident(number).state == IncidentState.DISPATCHED, timeout=2000)
    assert chief.board.unit("Test 11").state == UnitState.DISPATCHED
    assert len(room.entries(action="unit dispatched")) == 1

    for state in (UnitState.EN_ROUTE, UnitState.ON_SCENE):
        _select_unit(operator, "Test 11")
        operator.set_unit_state(state)
        qtbot.waitUntil(lambda s=state: operator.board.unit("Test 11").state == s, timeout=2000)
    assert operator.board.incident(number).state == IncidentState.ON_SCENE
    operator.form.outcome.setText("suspect stopped, goods returned")
    operator.finish(IncidentState.CLOSED)
    qtbot.waitUntil(lambda: chief.queue_model.rowCount() == 0, timeout=2000)
    assert chief.board.unit("Test 11").state == UnitState.AVAILABLE
    closed = chief.board.incident(number)
    assert closed.state == IncidentState.CLOSED and closed.outcome == "suspect stopped, goods returned"
    assert room.log.verify().is_intact


def _select_unit(panel, call_sign: str) -> None:
    from tests.gui.test_dispatch_panel import select_row

    select_row(panel.unit_view, panel.unit_model.row_of(call_sign))


def test_an_anpr_hit_is_compared_checked_and_made_an_incident(qtbot, room, tmp_path, monkeypatch):
    panel = room.desk("an.peeters", ["cam-a", None, None, None]).dispatch_panel
    images = ("--image", png(tmp_path / "o.png"), "--plate-image", png(tmp_path / "p.png", 200))
    result = intake(room, "anpr", "--camera", "cam-c", "--plate", "1 abc 123", "--country", "b", "--confidence",
                    "0.88", *images)  # fmt: skip
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: panel.hit_model.rowCount() == 1, timeout=2000)
    from console.ui.dispatch import models
    from tests.gui.test_dispatch_panel import select_row

    decoded_on = []  # the GUI thread never decodes a camera's picture (an image may be 4096 x 4096)
    original = models.hit_picture
    monkeypatch.setattr(models, "hit_picture",
                        lambda *a: decoded_on.append(threading.current_thread().name) or original(*a))  # fmt: skip
    select_row(panel.hit_list, 0)
    assert not panel.hit_view.make_incident.isEnabled()  # not before the check
    qtbot.waitUntil(
        lambda: panel.hit_view.overview.pixmap() is not None and not panel.hit_view.overview.pixmap().isNull(),
        timeout=3000,
    )  # fmt: skip  (shown once its viewing is logged)
    assert panel.hit_view.overview.pixmap().width() == models.OVERVIEW_WIDTH_PX
    assert len(decoded_on) == 2 and threading.main_thread().name not in decoded_on
    opened = room.entries(action="ANPR hit opened")
    assert len(opened) == 1 and json.loads(opened[0].reason)["category"] == "ANPR hit"
    panel.hit_view.confirmed.click()
    qtbot.waitUntil(lambda: panel.hit_view.make_incident.isEnabled(), timeout=2000)
    panel.hit_view.make_incident.click()
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 1, timeout=2000)
    incident = panel.queue_model.items[0]
    assert incident.source == Source.ANPR and incident.cameras == ("cam-c",) and incident.hit is not None
    assert "1ABC123 (B) on \u2018stolen vehicle\u2019: stolen in a test. Read by cam-c" in incident.description
    assert panel.board.hits[0].outcome == "confirmed" and panel.board.hits[0].incident == incident.id


def test_the_team_chief_is_warned_when_a_priority_one_incident_waits(qtbot, room):
    chief = room.desk("tom.claes", ["cam-b", None, None, None], workstation="ws-01").dispatch_panel
    operator = room.desk("an.peeters", ["cam-a", None, None, None]).dispatch_panel
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=3)  # the limit in the test's units.yaml is 60 s
    draft = service.Draft(Source.PHONE, "fight", 1, "Teststraat 1", "station")
    who = {"user": "intake", "role": "external system", "workstation": "phone"}
    room.writer.submit(service.create_incident(draft, "intake", now=long_ago).record(who))
    room.writer.submit(service.create_incident(service.Draft(Source.PHONE, "noise", 3, "Teststraat 9"),
                                               "intake", now=long_ago).record(who))  # fmt: skip
    with qtbot.waitSignal(chief.alert_raised, timeout=3000) as warned:
        pass
    assert warned.args[0] == "priority 1" and "without a unit" in warned.args[1]
    chief_alert = next(alert for alert in chief.alerts if alert.kind == "p1")
    assert chief_alert.is_urgent and "over 1 min" in str(chief_alert.text) and chief_alert.count == 1
    qtbot.waitUntil(lambda: any(alert.kind == "p1" for alert in operator.alerts), timeout=2000)  # every desk sees it
    qtbot.waitUntil(lambda: len(room.entries(action="priority-1 warning")) == 1, timeout=2000)
    assert room.entries(action="priority-1 warning")[0].user == "tom.claes"


def test_a_call_taker_gets_the_dispatch_window_without_video(room, tmp_path):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UITKIJK_PASSWORD": "uitkijk-demo"}
    shot = tmp_path / "call-taker.png"
    result = subprocess.run([sys.executable, "main.py", "run", "--config", str(room.city.folder), "--data",
                             str(room.paths.data_dir), "--user", "lies.wouters", "--exit-after", "3",
                             "--screenshot", str(shot)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=90,
                            env=environment)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert cv2.imread(str(shot)) is not None
    actions = [entry.action for entry in room.entries(user="lies.wouters")]
    assert "login" in actions and actions[-1] == "logout"
    assert not any(action.startswith("view") for action in actions)


def test_hostile_intake_is_refused_with_a_line_and_stores_nothing(city, tmp_path):
    """What an attacker or a broken back end hands over: refused with a line, never a traceback, nothing stored."""
    data = tmp_path / "data"

    def run(*arguments: str | bytes) -> subprocess.CompletedProcess:
        command = [sys.executable, "main.py", "intake", *arguments, "--config", str(city.folder), "--data", str(data)]
        return subprocess.run([os.fsencode(part) for part in command], cwd=REPO_ROOT, capture_output=True,
                              timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip

    good_png = Path(png(tmp_path / "good.png"))
    zip_part = b"PK\x03\x04" + b"\x00" * 200
    (tmp_path / "polyglot.png").write_bytes(good_png.read_bytes()[:33] + zip_part)  # PNG signature, then a zip
    anpr = ("anpr", "--camera", "cam-c", "--plate", LISTED_PLATE, "--country", "B", "--confidence", "0.9")
    call = ("call", "--address", "Teststraat 1", "--description", "d")
    cases = [
        ((*anpr, "--image", str(tmp_path / "polyglot.png")), "is not a PNG image that can be read"),
        ((*anpr, "--image", "/dev/zero"), "a device, not a regular file"),
        ((*call, "--type", b"fight \xff\xfe"), "not UTF-8 text"),
        ((*call, "--type", "fight\nINC 2026-9999 P1 forged line"), "control character (U+000A)"),
        ((*call, "--type", "fight", "--by", ""), "--by: the system's name"),
        ((*call, "--type", "fight", "--by", "x" * 131_000), "--by: the system's name"),
        ((*call, "--type", "fight", "--by", "an.peeters"), "is a user of the console"),
        (("anpr", "--camera", "cam-c", "--plate", "A" * 131_000, "--country", "B", "--confidence", "0.9"),
         "the plate is longer than 32 characters"),
    ]  # fmt: skip
    for arguments, message in cases:
        refused = run(*arguments)
        stderr = refused.stderr.decode("utf-8", "replace")
        assert refused.returncode == 1, (arguments[:4], stderr[-300:])
        assert message in stderr and "nothing was stored" in stderr, (arguments[:4], stderr[-300:])
        assert "Traceback" not in stderr and len(stderr) < 2000
    assert not (data / "uitkijk.sqlite3").exists() or revision_of(data) == 0

    (tmp_path / "appended.png").write_bytes(good_png.read_bytes() + zip_part)  # a real PNG with a zip behind it
    stored = run(*anpr, "--image", str(tmp_path / "appended.png"))
    assert stored.returncode == 0, stored.stderr
    store = open_store(data)
    try:
        _, overview = DispatchReader(store).hit_images(1)
    finally:
        store.close()
    assert overview is not None and overview.startswith(b"\x89PNG") and b"PK\x03\x04" not in overview
    decoded = cv2.imdecode(np.frombuffer(overview, np.uint8), cv2.IMREAD_COLOR)
    assert decoded is not None and decoded.shape[:2] == (180, 320)  # the picture, re-encoded; nothing riding along


def revision_of(data) -> int:
    store = open_store(data)
    try:
        with store.read() as transaction:
            return rows.revision(transaction)
    finally:
        store.close()


def test_a_new_priority_one_call_pops_up_on_every_desk_until_one_takes_it(qtbot, room):
    chief = room.desk("tom.claes", ["cam-b", None, None, None], workstation="ws-01")
    operator = room.desk("an.peeters", ["cam-a", None, None, None])
    chief.windows[0].ptz_dock.raise_()  # PTZ in front of the dispatch panel: the alert must still show
    called = intake(room, "call", "--type", "fight", "--address", "Teststraat 12", "--description", "two men",
                    "--priority", "1")  # fmt: skip
    assert called.returncode == 0, called.stderr
    panels = [chief.dispatch_panel, operator.dispatch_panel]
    qtbot.waitUntil(lambda: all(panel.p1_alert.isVisible() for panel in panels), timeout=2000)
    assert chief.windows[0].alert_strip.count("p1") == 1
    incident_id = operator.dispatch_panel.p1_alert.incident_id
    operator.dispatch_panel.p1_alert.reject()  # Esc does not dismiss a priority-1 call
    assert operator.dispatch_panel.p1_alert.isVisible()
    operator.dispatch_panel.p1_alert.take_button.click()
    qtbot.waitUntil(lambda: not any(panel.p1_alert.isVisible() for panel in panels), timeout=2000)
    [entry] = room.entries(action="priority-1 acknowledged")
    assert entry.user == "an.peeters" and incident_id in entry.detail
    incident = chief.dispatch_panel.board.incident(incident_id)
    assert incident.acknowledged_by == "an.peeters"
    assert chief.windows[0].alert_strip.count("p1") == 1  # acknowledged is not served: it waits for a unit still


def test_video_follows_to_the_wall_window_the_operator_chose(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    second = console.new_wall()
    menu_choices = console._follow_choices()
    assert [number for number, _, _ in menu_choices] == [0, 1, 2] and menu_choices[0][2]  # the default
    console._choose_follow(2)
    who = {"user": "intake", "role": "external system", "workstation": "phone"}
    draft = service.Draft(Source.PHONE, "fight", 2, "Teststraat 1", "station", cameras=("cam-b",))
    room.writer.submit(service.create_incident(draft, "intake").record(who))
    panel = console.dispatch_panel
    qtbot.waitUntil(lambda: panel.board is not None and len(panel.board.incidents) == 1, timeout=3000)
    first_wall = console.windows[0].wall.state.visible()
    console.follow_incident(panel.board.incidents[0])
    qtbot.waitUntil(lambda: second.wall.state.visible()[:1] == ["cam-b"], timeout=5000)
    assert console.windows[0].wall.state.visible() == first_wall  # the main wall is left as it was
    second.go_back()


def test_closing_the_wall_window_with_unsaved_incident_input_asks_first(qtbot, room, monkeypatch):
    """The main wall window holds the dispatch panel: closing it asks Save / Discard / Cancel; Save saves."""
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window, panel = console.windows[0], console.dispatch_panel
    who = {"user": "intake", "role": "external system", "workstation": "phone"}
    room.writer.submit(service.create_incident(service.Draft(Source.PHONE, "fight", 2, "Teststraat 1"), "intake")
                       .record(who))  # fmt: skip
    qtbot.waitUntil(lambda: panel.board is not None and len(panel.board.incidents) == 1, timeout=5000)
    number = panel.board.incidents[0].id
    panel.select_incident(number)
    panel.form.caller.setText("Mevr. Claes 0470 12 34 56")
    panel.form.note.setText("caller rings again")
    quits: list[bool] = []
    monkeypatch.setattr(console, "quit", lambda: quits.append(True))  # closing the main wall ends the desk

    assert not window.close()
    qtbot.waitUntil(lambda: panel.unsaved_question is not None and panel.unsaved_question.isVisible(), timeout=2000)
    assert number in panel.unsaved_question.text()
    panel.unsaved_question.cancel_button.click()
    assert window.isVisible() and not quits and panel.form.caller.text() == "Mevr. Claes 0470 12 34 56"
    assert not window.close()
    panel.unsaved_question.save_button.click()
    qtbot.waitUntil(lambda: quits == [True] and not window.isVisible(), timeout=5000)
    saved = room.entries(action="incident updated")
    assert len(saved) == 1 and number in saved[0].detail
    assert len(room.entries(action="incident note")) == 1


def test_every_value_field_of_a_desk_takes_the_wheel_only_when_focused(qtbot, room):
    """Combo boxes, spin boxes, date fields and sliders of every window of a desk: the wheel changes them only
    when they have the focus (one shared filter, set where each window builds its fields)."""
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar

    from console.ui.login import ReasonDialog
    from console.ui.wheel import takes_wheel_unfocused
    from tests.integration.conftest import PATROL

    console = room.desk("tom.claes", ["cam-a", None, None, None], workstation="ws-01")
    console.show_board()
    dialog = ReasonDialog(PATROL, [PATROL], console.windows[0])
    for top in (console.windows[0], console.board, dialog):
        fields = [widget for kind in (QComboBox, QAbstractSpinBox, QAbstractSlider) for widget in
                  top.findChildren(kind) if not isinstance(widget, QScrollBar)]  # fmt: skip
        assert fields, top
        assert [widget.objectName() or type(widget).__name__ for widget in fields if takes_wheel_unfocused(widget)] \
            == [], top  # fmt: skip
    dialog.deleteLater()
