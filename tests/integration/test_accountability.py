"""Accountability on real desks: the console against the simulated network, the audit log in a real SQLite file.

A desk is a Console with a signed-in session; two desks share one store, as two
workstations of the dispatch room share theirs.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import Qt

from console.cli import DEMO_PASSWORD
from console.ui.signin import log_refusal
from console.video.stream import StreamState
from tests.integration.conftest import LOADED_MS, PATROL, PTZ_PASSWORD, SECRET, TOUR

pytestmark = pytest.mark.integration


def painted(tile) -> bool:
    return tile.painted_frames > 0 and tile.display().state == StreamState.LIVE


def test_no_picture_without_a_reason_then_every_view_is_logged_with_it(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", "cam-b", None, None], reason=None)
    wall = console.windows[0].wall
    qtbot.waitUntil(lambda: wall.tiles[0].display().state == StreamState.LIVE, timeout=LOADED_MS)
    assert wall.tiles[0].painted_frames == 0 and not wall.tiles[0].is_cleared
    assert "give a reason" in wall.tiles[0]._veil
    assert console.windows[0].reason_button.full_text == "No reason for viewing: press R"
    assert room.entries(action="view start") == []

    console.accountability.set_reason(PATROL)
    qtbot.waitUntil(lambda: painted(wall.tiles[0]) and painted(wall.tiles[1]), timeout=5000)
    assert console.windows[0].reason_button.full_text == f"Reason: {PATROL}"
    starts = room.entries(action="view start")
    assert sorted(entry.camera for entry in starts) == ["cam-a", "cam-b"]
    assert all(json.loads(entry.reason) == PATROL.as_record() for entry in starts)
    assert {entry.user for entry in starts} == {"an.peeters"}

    wall.assign(0, "cam-c")  # any change of the wall ends one view and starts another
    qtbot.waitUntil(lambda: wall.tiles[0].is_cleared, timeout=3000)
    assert [(e.action, e.camera) for e in room.entries()[-2:]] == [("view stop", "cam-a"), ("view start", "cam-c")]
    assert room.log.verify().is_intact


def test_the_board_shows_an_operators_new_view_within_2_s(qtbot, room):
    operator = room.desk("an.peeters", ["cam-a", None, None, None])
    chief = room.desk("tom.claes", ["cam-b", None, None, None], workstation="ws-01")
    chief.show_board()
    board = chief.board
    qtbot.waitUntil(lambda: board.presence is not None and len(board.presence.sessions) == 2, timeout=3000)

    started = time.monotonic()
    operator.windows[0].wall.assign(1, "cam-c")

    def shows_new_view() -> bool:
        views = board.presence.views if board.presence else ()
        return any(view.user == "an.peeters" and view.camera == "cam-c" for view in views)

    qtbot.waitUntil(shows_new_view, timeout=2000)
    assert time.monotonic() - started < 2.0
    table = board.views_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    new = next(row for row in rows if row[0] == "an.peeters" and "cam-c" in row[4])
    assert new[1:5] == ["ws-04", "wall 1", "2", "Camera C (cam-c)"]
    assert new[6] == "virtual patrol (administrative police): ronde stationsbuurt"
    assert board.sessions_table.rowCount() == 2

    board.user_edit.setText("an.peeters")
    board.reason_edit.setText("stationsbuurt")
    board.search()
    qtbot.waitUntil(lambda: board.results_table.rowCount() >= 3, timeout=3000)
    actions = {board.results_table.item(r, 4).text() for r in range(board.results_table.rowCount())}
    assert {"reason given", "viewing started"} <= actions <= {"reason given", "viewing started", "viewing stopped"}
    assert room.entries(action="audit search", user="tom.claes")  # reading the log is logged too


def test_tour_start_needs_a_reason_and_both_ends_are_logged(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None], reason=None)
    window = console.windows[0]
    with qtbot.waitSignal(console.accountability.refused, timeout=2000) as refused:
        window.start_tour(TOUR)
    assert "give a reason" in str(refused.args[0]) and not window.tour_player.is_running
    console.accountability.set_reason(PATROL)
    qtbot.waitUntil(lambda: console.session.reason is not None, timeout=3000)
    window.start_tour(TOUR)
    qtbot.waitUntil(lambda: window.tour_player.is_running, timeout=3000)
    [start] = room.entries(action="tour start")
    assert json.loads(start.detail)["tour"] == "ronde" and json.loads(start.reason) == PATROL.as_record()
    window.tour_player.stop()
    [stop] = room.entries(action="tour stop")
    assert json.loads(stop.detail)["outcome"] == "stopped" and stop.seq > start.seq


def test_ptz_lease_gestures_and_presets_are_logged_before_they_happen(qtbot, room):
    threads_before = set(threading.enumerate())
    console = room.desk("an.peeters", ["cam-ptz", None, None, None])
    ptz = console.ptz
    qtbot.waitUntil(lambda: ptz.has_ptz("cam-ptz"), timeout=LOADED_MS)
    # Its SOAP is parsed in a process of its own, not by a thread taking the GUI's interpreter lock.
    assert not [thread for thread in set(threading.enumerate()) - threads_before if thread.name == "onvif-loop"]
    assert console.onvif.pid() not in (None, os.getpid())
    assert ptz.take("cam-ptz") is None  # asked: granted once the entry is on disk
    qtbot.waitUntil(lambda: ptz.is_mine("cam-ptz"), timeout=3000)
    [lease] = room.entries(action="ptz lease")
    assert lease.camera == "cam-ptz" and json.loads(lease.reason) == PATROL.as_record()
    sent = []
    ptz.command_sent.connect(lambda camera, operation: sent.append(operation))
    for pan in (0.3, 0.5, 0.7, 0.9):  # one gesture that changes speed: one entry
        ptz.move("cam-ptz", pan, 0.0, 0.0)
    assert sent == []  # nothing goes to the camera before the entry is on disk
    qtbot.waitUntil(lambda: "ContinuousMove" in sent, timeout=3000)
    ptz.stop("cam-ptz")
    ptz.goto_home("cam-ptz")
    qtbot.waitUntil(lambda: len(room.entries(action="ptz home")) == 1, timeout=3000)
    moves = room.entries(action="ptz move")
    assert len(moves) == 1 and moves[0].seq < room.entries(action="ptz home")[0].seq
    ptz.release("cam-ptz")
    qtbot.waitUntil(lambda: len(room.entries(action="ptz lease ended")) == 1, timeout=3000)


def test_a_snapshot_is_kept_as_evidence_with_its_hash_and_logged(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window = console.windows[0]
    with qtbot.waitSignal(console.snapshot_saved, timeout=15000) as saved:
        console.snapshot(window, 0)
    png = Path(saved.args[0])
    sidecar_path = png.with_suffix(".json")
    qtbot.waitUntil(sidecar_path.exists, timeout=5000)
    sidecar = json.loads(sidecar_path.read_text(encoding="utf-8"))
    image = cv2.imread(str(png))
    assert image.shape[:2] == (720, 1280)  # the main stream's own pixels, not the tile's
    assert hashlib.sha256(png.read_bytes()).hexdigest() == sidecar["sha256"]
    assert sidecar["camera"] == "cam-a" and sidecar["user"] == "an.peeters" and sidecar["reason"] == PATROL.as_record()
    [entry] = room.entries(action="snapshot")
    assert json.loads(entry.detail)["sha256"] == sidecar["sha256"] and entry.camera == "cam-a"


def test_the_screen_locks_after_inactivity_and_opens_with_the_password(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window = console.windows[0]
    console.inactivity.set_idle_s(0.3)
    qtbot.waitUntil(lambda: window.lock_screen.isVisible(), timeout=3000)
    assert console.accountability.is_locked
    console.unlock("not the password")
    qtbot.waitUntil(lambda: window.lock_screen.message.text() == "Wrong password.", timeout=5000)
    console.inactivity.set_idle_s(600)
    console.unlock(DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.lock_screen.isVisible(), timeout=5000)
    actions = [entry.action for entry in room.entries(user="an.peeters")]
    assert actions[-3:] == ["screen locked", "unlock refused", "screen unlocked"]


def test_no_secret_reaches_any_entry(qtbot, room):
    console = room.desk("an.peeters", ["cam-secret", "cam-dead", "cam-refused", "cam-ptz"])
    qtbot.waitUntil(lambda: console.ptz.has_ptz("cam-ptz"), timeout=LOADED_MS)
    console.ptz.take("cam-ptz")
    qtbot.waitUntil(lambda: console.ptz.is_mine("cam-ptz"), timeout=3000)
    log_refusal(room.writer, room.users, SECRET, "wrong name or password")  # a password typed as the name
    console.shutdown()
    entries = room.entries()
    assert len(entries) >= 8
    text = "\n".join(" ".join(str(value) for value in entry.__dict__.values()) for entry in entries)
    for secret in (SECRET, PTZ_PASSWORD, DEMO_PASSWORD):
        assert secret not in text
    assert "(unknown user name)" in text and "logout" in text


def test_the_camera_list_counts_the_desks_that_show_a_camera(qtbot, room):
    operator = room.desk("an.peeters", ["cam-a", "cam-b", None, None])
    chief = room.desk("tom.claes", ["cam-a", None, None, None], workstation="ws-01")
    model = chief.windows[0].camera_panel.model
    qtbot.waitUntil(lambda: model.watchers("cam-a") == 2 and model.watchers("cam-b") == 1, timeout=LOADED_MS)
    row = model.index_of_camera("cam-a")
    assert model.index(row.row(), 2, row.parent()).data() == "2"
    assert "desks of the room showing it: 2" in row.data(Qt.ItemDataRole.ToolTipRole)
    operator.windows[0].wall.assign(0, None)  # the operator's view of cam-a ends
    qtbot.waitUntil(lambda: model.watchers("cam-a") == 1, timeout=LOADED_MS)
    unwatched = model.index_of_camera("cam-c")
    assert model.index(unwatched.row(), 2, unwatched.parent()).data() == ""


def test_the_team_chief_sees_each_desk_as_a_miniature_and_its_pictures_only_logged(qtbot, room):
    operator = room.desk("an.peeters", ["cam-a", "cam-b", None, None])
    operator.windows[0].set_layout("1+5")
    chief = room.desk("tom.claes", [None, None, None, None], workstation="ws-01")
    chief.show_board()
    miniatures = chief.board.miniatures
    session = operator.accountability.session.id
    qtbot.waitUntil(lambda: session in miniatures.cards and bool(miniatures.cards[session]._walls), timeout=5000)
    card = miniatures.cards[session]
    wall = card._walls["wall 1"]
    qtbot.waitUntil(lambda: wall.layout_name == "1+5" and wall.cameras.get(1, ("",))[0] == "cam-a", timeout=5000)
    assert wall.cameras[2] == ("cam-b", "Camera B")
    assert "An Peeters" in card.header.text() and "ronde stationsbuurt" in card.header.text()
    assert miniatures.picture("cam-a") is None  # no picture before the chief asks

    def by_board(action: str) -> list:
        return [e for e in room.entries(user="tom.claes") if e.action == action and "board" in e.detail]

    assert not by_board("view start")

    miniatures.pictures_box.setChecked(True)
    qtbot.waitUntil(lambda: miniatures.picture("cam-a") is not None and miniatures.picture("cam-b") is not None,
                    timeout=LOADED_MS)  # fmt: skip
    starts = by_board("view start")
    assert sorted(e.camera for e in starts) == ["cam-a", "cam-b"]
    assert all(json.loads(e.detail)["via"] == "board" for e in starts)
    operator.windows[0].wall.assign(1, None)  # cam-b leaves the operator's wall: the chief's view of it ends
    qtbot.waitUntil(lambda: miniatures.picture("cam-b") is None, timeout=LOADED_MS)
    chief.board.close()  # closing the board ends the rest
    assert sorted(e.camera for e in by_board("view stop")) == ["cam-a", "cam-b"]
    assert room.log.verify().is_intact


def test_a_desks_wall_is_saved_off_the_gui_thread(qtbot, room, monkeypatch):
    """Each tour step saved the arrangement on the GUI thread, which then waited for the disk (80 ms seen)."""
    import threading

    from console.ui.window_store import WindowStore

    written_on: list[threading.Thread] = []
    original = WindowStore.write
    monkeypatch.setattr(WindowStore, "write", lambda store, text: (written_on.append(threading.current_thread()),
                                                                   original(store, text)))  # fmt: skip
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    console.windows[0].wall.show_step("2x2", ["cam-b", "cam-a", None, None])  # as a tour step does
    qtbot.waitUntil(lambda: bool(written_on), timeout=3000)
    console.shutdown()
    assert threading.main_thread() not in written_on
    saved = console.window_store.load().windows[0].wall
    assert saved.assignments[:2] == ["cam-b", "cam-a"]  # the newest wall is what stays


# -- a reason that names an incident covers viewing only while the incident is open ----------------------------------
INTAKE = {"user": "intake", "role": "external system", "workstation": "phone"}
UNDER_A_FINISHED_REASON = {"view stop", "view start withdrawn", "ptz lease ended", "reason ended", "tour stop"}  # facts


def new_incident(room, cameras: tuple[str, ...], on_scene: bool = False) -> str:
    """An incident in the room's records (as intake makes it); with a unit on scene, so that it can be closed (the
    desk has put the configured units in the records)."""
    from console.dispatch import service
    from console.dispatch.model import Source, UnitState

    draft = service.Draft(Source.PHONE, "fight", 2, "Teststraat 1", "station", cameras=cameras)
    incident = json.loads(room.log.commit(service.create_incident(draft, "intake").record(INTAKE)).detail)["incident"]
    if on_scene:
        room.log.commit(service.dispatch_unit(incident, "Test 11", "intake").record(INTAKE))
        for state in (UnitState.EN_ROUTE, UnitState.ON_SCENE):
            room.log.commit(service.set_unit_state("Test 11", state, "intake").record(INTAKE))
    return incident


def names(reason_text: str | None) -> str:
    return json.loads(reason_text).get("reference", "") if reason_text else ""


def follow(qtbot, console, incident: str, cameras: list[str]) -> None:
    panel, window = console.dispatch_panel, console.windows[0]
    qtbot.waitUntil(lambda: panel.board is not None and panel.board.incident(incident) is not None, timeout=5000)
    panel.select_incident(incident)
    panel.follow_current()  # V
    qtbot.waitUntil(lambda: window.wall.state.visible()[: len(cameras)] == cameras, timeout=5000)
    assert console.accountability.session.reason.reference == incident


def test_a_closed_incident_covers_no_new_view_lease_or_aim_and_the_desk_asks_again(qtbot, room):
    from console.dispatch.model import IncidentState
    from console.ptz.lease import Priority

    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window, panel, ptz = console.windows[0], console.dispatch_panel, console.ptz
    asked: list[object] = []
    console.ask_reason = lambda parent=None, then=None: asked.append(parent)  # "Annuleren": no reason given
    qtbot.waitUntil(lambda: panel.board is not None and len(panel.board.units) == 3, timeout=5000)
    incident = new_incident(room, ("cam-ptz", "cam-b"), on_scene=True)
    follow(qtbot, console, incident, ["cam-ptz", "cam-b"])
    qtbot.waitUntil(lambda: ptz.has_ptz("cam-ptz"), timeout=LOADED_MS)
    ptz.take("cam-ptz")
    qtbot.waitUntil(lambda: ptz.is_mine("cam-ptz"), timeout=3000)
    assert ptz.lease("cam-ptz").holder.priority == Priority.INCIDENT

    panel.form.outcome.setText("twee aanhoudingen")
    panel.finish(IncidentState.CLOSED)  # closed with an outcome, on this desk
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)  # the next reason? ... Annuleren
    [closed] = room.entries(action="incident closed")
    assert console.accountability.session.reason is None
    assert window.reason_button.full_text == "No reason for viewing: press R"  # not "incident ... 2026-0001"
    shown = [tile for tile in window.wall.tiles if tile.camera is not None]
    qtbot.waitUntil(lambda: all("give a reason" in tile._veil for tile in shown), timeout=3000)  # the veil
    assert not any(tile.is_cleared for tile in shown)
    qtbot.waitUntil(lambda: not ptz.is_mine("cam-ptz"), timeout=3000)  # the incident's lease is given back

    window.wall.assign(3, "cam-c")  # a new view
    ptz.take("cam-ptz")  # a lease
    console.map.aim("cam-ptz", 50.9, 3.201)  # an aim from the map
    ptz.move("cam-ptz", 0.5, 0.0, 0.0)
    qtbot.wait(500)  # anything asked for would be written by now
    assert not window.wall.tiles[3].is_cleared and not ptz.is_mine("cam-ptz")
    after = [entry for entry in room.entries() if entry.seq > closed.seq]
    assert {entry.action for entry in after if names(entry.reason) == incident} <= UNDER_A_FINISHED_REASON
    assert not [entry for entry in after if entry.action in ("view start", "ptz lease", "ptz aim", "ptz move")]
    [ended] = [entry for entry in after if entry.action == "reason ended"]
    assert names(ended.reason) == incident and json.loads(ended.detail)["why"] == "incident finished"
    assert len(asked) == 1  # asked once
    assert room.log.verify().is_intact


def test_an_incident_closed_on_another_desk_ends_the_reason_here_too(qtbot, room):
    from console.dispatch import service
    from console.dispatch.model import IncidentState

    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window = console.windows[0]
    asked: list[object] = []
    console.ask_reason = lambda parent=None, then=None: asked.append(parent)
    incident = new_incident(room, ("cam-b",))
    follow(qtbot, console, incident, ["cam-b"])
    qtbot.waitUntil(lambda: window.wall.tiles[0].is_cleared, timeout=LOADED_MS)
    chief = {"user": "tom.claes", "role": "team chief", "workstation": "ws-01"}  # the team chief's desk cancels it
    cancelled = room.log.commit(service.finish_incident(incident, IncidentState.CANCELLED, "tom.claes").record(chief))
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)  # heard from the records: the next reason?
    assert console.accountability.session.reason is None
    qtbot.waitUntil(lambda: "give a reason" in window.wall.tiles[0]._veil, timeout=3000)
    window.wall.assign(1, "cam-c")
    qtbot.wait(500)
    after = [entry for entry in room.entries() if entry.seq > cancelled.seq]
    assert {entry.action for entry in after if names(entry.reason) == incident} <= UNDER_A_FINISHED_REASON
    assert not [entry for entry in after if entry.action == "view start"]


def test_back_from_an_incident_shows_the_wall_from_before_under_the_reason_from_before(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window = console.windows[0]
    incident = new_incident(room, ("cam-b",))
    follow(qtbot, console, incident, ["cam-b"])
    qtbot.waitUntil(lambda: window.wall.tiles[0].is_cleared, timeout=LOADED_MS)
    followed = room.entries()[-1].seq
    window.go_back()  # "Back to my wall"
    qtbot.waitUntil(lambda: window.wall.state.visible() == ["cam-a", None, None, None]
                    and window.wall.tiles[0].is_cleared, timeout=LOADED_MS)  # fmt: skip
    assert console.accountability.session.reason == PATROL and not window.back_button.isVisible()
    assert window.reason_button.full_text == f"Reason: {PATROL}"
    after = [entry for entry in room.entries() if entry.seq > followed]
    [start] = [entry for entry in after if entry.action == "view start"]
    assert start.camera == "cam-a" and json.loads(start.reason) == PATROL.as_record()  # not the incident's
    assert not [entry for entry in after if entry.action == "view start" and names(entry.reason) == incident]
    [back] = [entry for entry in after if entry.action == "reason set"]
    assert back.seq < start.seq  # the reason first, then the wall under it


def test_a_tour_from_the_menu_goes_on_behind_the_lock_and_stop_then_puts_the_wall_back(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window = console.windows[0]
    window.wall.show_step("3x3", ["cam-a", "cam-b", None, None, None, None, "cam-hevc", None, None])
    before = (window.wall.state.layout_name, list(window.wall.state.assignments))
    window.tours_menu.aboutToShow.emit()
    next(action for action in window.tours_menu.actions() if TOUR.name in action.text()).trigger()
    qtbot.waitUntil(lambda: window.tour_player.is_running, timeout=3000)  # once its start is logged
    assert window.wall.state.layout_name == "2x2"
    console.lock()
    assert window.tour_player.is_running  # a locked desk's tour goes on (an unattended wall PC's)
    console.unlock(DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.lock_screen.isVisible(), timeout=5000)
    qtbot.mouseClick(window.tour_bar.buttons["stop"], Qt.MouseButton.LeftButton)  # \u25a0
    assert not window.tour_player.is_running
    assert (window.wall.state.layout_name, list(window.wall.state.assignments)) == before
    qtbot.waitUntil(lambda: window.wall.tiles[6].is_cleared, timeout=LOADED_MS)  # viewed (logged) again
