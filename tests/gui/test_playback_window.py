"""The playback window on real recordings: TS segments remuxed with ffmpeg from the simulator's clips and indexed.

Each test builds its own archive in tmp_path: four cameras, each with segments (the clips' 20 s, remuxed
without re-encoding) ending a few minutes ago, one camera with a gap whose cause the index gives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from console.access.permissions import Role
from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR
from console.services.recordings import Recordings, WriterAudit
from console.store import archive, open_store, open_store_file
from console.store.backend import utc_text
from console.ui.accountability import Accountability
from console.ui.elided import ElidedLabel
from console.ui.playback_window import PlaybackWindow, RecordingActionDialog
from console.ui.wheel import takes_wheel_unfocused
from console.video.playback_clock import drift_s

SIMCACHE = Path("/work/simcache/sim-clips")
CLIP_S = 20.0
OFFSETS_S = (0.0, 0.013, 0.027)  # each camera's recording starts a fraction of a frame later than the one before
CAMERAS = ("station-01", "station-02", "station-03", "station-04")
OPERATOR = User("an.peeters", "An Peeters", Role.OPERATOR, "-")
INVESTIGATOR = User("els.jacobs", "Els Jacobs", Role.INVESTIGATOR, "-")
RECORDED = {"station-01", "station-02", "shopping-01", "shopping-02", "nightlife-01", "park-01"}  # camera_config
PATROL = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "station quarter")


def clip_for(camera: str) -> Path:
    found = sorted(SIMCACHE.glob(f"{camera}-main-*.ts")) or sorted(SIMCACHE.glob("*-main-*.ts"))
    return found[0]


def frame_times_s(path: Path) -> list[float]:
    """Each picture's time in the file from its first one, by ffprobe (not the code under test)."""
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "frame=pts_time",
                            "-of", "json", str(path)], capture_output=True, text=True, check=True)  # fmt: skip
    times = sorted(float(frame["pts_time"]) for frame in json.loads(probe.stdout)["frames"])
    return [each - times[0] for each in times]


def record(database, root: Path, camera: str, start: dt.datetime, count: int, indexed_past_s: float = 0.0,
           sha256: str | None = "") -> list[Path]:  # fmt: skip
    """``count`` segments of the camera's clip back to back from ``start``, remuxed and indexed as a recorder does."""
    paths = []
    for index in range(count):
        begins = start + dt.timedelta(seconds=CLIP_S * index)
        folder = root / camera / begins.strftime("%Y/%m/%d")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{begins:%H%M%S}.ts"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(clip_for(camera)), "-c", "copy", "-f", "mpegts",
                        str(path)], check=True)  # fmt: skip
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if sha256 == "" else sha256
        ends = begins + dt.timedelta(seconds=CLIP_S + indexed_past_s)
        segment = archive.SegmentRecord(0, camera, utc_text(begins), utc_text(ends), str(path), path.stat().st_size,
                                        "h264", digest, "rec-test")  # fmt: skip
        with database.write() as transaction:
            archive.add_segment(transaction, segment)
        paths.append(path)
    return paths


@pytest.fixture
def desk(qtbot, tmp_path):
    """An operator's desk with four cameras recorded from 10 minutes ago for a minute, one with a gap."""
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    writer = AuditWriter(log)
    config = load_camera_config(DEFAULT_CONFIG_DIR, {})
    cameras = [camera for camera in config.cameras if camera.id in CAMERAS]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    start = now - dt.timedelta(minutes=10)
    for camera, offset_s in zip(CAMERAS[:3], OFFSETS_S, strict=False):  # frames of different cameras never line up
        record(log.database, tmp_path / "rec", camera, start + dt.timedelta(seconds=offset_s), 3)
    record(log.database, tmp_path / "rec", CAMERAS[3], start, 1)
    record(log.database, tmp_path / "rec", CAMERAS[3], start + dt.timedelta(seconds=2 * CLIP_S), 1)
    with log.database.write() as transaction:
        archive.add_gap(transaction, CAMERAS[3], utc_text(start + dt.timedelta(seconds=CLIP_S)),
                        utc_text(start + dt.timedelta(seconds=2 * CLIP_S)), "camera down", "rec-test")  # fmt: skip
    made = {"windows": []}

    def open_window(user: User = OPERATOR, reason: Reason | None = PATROL, shown=CAMERAS, around=None):
        session = Session(user, "ws-04")
        accountability = Accountability(writer, session)
        if reason is not None:
            accountability.set_reason(reason)
            qtbot.waitUntil(lambda: accountability.session.reason == reason)
        recordings = Recordings(log.database, WriterAudit(writer), [camera.id for camera in config.cameras])
        window = PlaybackWindow(accountability, recordings, cameras, shown, around or start + dt.timedelta(seconds=5),
                                export_folder=tmp_path / "exports")  # fmt: skip
        qtbot.addWidget(window)
        window.show()
        made["windows"].append(window)
        return window

    yield {"open": open_window, "start": start, "log": log, "writer": writer, "root": tmp_path / "rec"}
    for window in made["windows"]:
        assert window.shutdown()
    writer.close()
    log.database.close()


def at(desk, seconds: float) -> dt.datetime:
    return desk["start"] + dt.timedelta(seconds=seconds)


def test_a_seek_shows_the_frame_recorded_at_that_time_on_every_camera(qtbot, desk):
    window = desk["open"]()
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    times_s = frame_times_s(next((desk["root"] / CAMERAS[0]).rglob("*.ts")))
    for wanted_s in (30.5, 7.13, 44.0):  # in the second segment, the first, the third (a keyframe's own time)
        window.seek(at(desk, wanted_s))
        in_segment_s = wanted_s % CLIP_S
        expected_s = max(t for t in times_s if t <= in_segment_s + 1e-6) + (wanted_s - in_segment_s)
        expected = at(desk, expected_s)
        qtbot.waitUntil(lambda e=expected: window.shown_stamps()[CAMERAS[0]] == e, timeout=10_000)
        shown = window.shown_stamps()
        for camera in CAMERAS[:3]:
            qtbot.waitUntil(lambda c=camera: window.shown_stamps()[c] is not None, timeout=10_000)
            assert abs((window.shown_stamps()[camera] - at(desk, wanted_s)).total_seconds()) < 0.04 + 1e-6
        assert shown[CAMERAS[0]] <= at(desk, wanted_s)
        assert "PLAYBACK" in window.pictures[CAMERAS[0]].label_text()
    assert window.playback_label.text() == "PLAYBACK"
    for name, bar in zip(window.timeline_holder.findChildren(ElidedLabel), window.bars.values(), strict=True):
        assert name.text() == name.full_text and name.geometry().right() < bar.geometry().left()  # side by side


def test_four_cameras_play_in_step(qtbot, desk):
    window = desk["open"](around=None)
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    window.seek(at(desk, 2.0))
    window.toggle_play()
    worst = {"s": 0.0, "checks": 0}

    def check() -> None:
        stamps = window.shown_stamps()
        if all(stamps[camera] is not None for camera in CAMERAS[:3]) and window.clock.position() > at(desk, 2.5):
            worst["s"] = max(worst["s"], drift_s([stamps[camera] for camera in CAMERAS[:3]], window.clock.position()))
            worst["checks"] += 1

    window.frames_painted.connect(check)
    qtbot.waitUntil(lambda: window.clock.position() >= at(desk, 5.0), timeout=20_000)
    window.frames_painted.disconnect(check)
    assert worst["checks"] > 10
    assert worst["s"] < 0.04  # within one frame at 25 fps (a camera a frame behind would be 0.04 + its offset)


def test_a_gap_shows_its_cause_on_the_timeline_and_the_picture(qtbot, desk):
    window = desk["open"]()
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    window.seek(at(desk, 30.0))  # station-04's camera was down from 20 s to 40 s
    picture = window.pictures[CAMERAS[3]]
    qtbot.waitUntil(lambda: "camera down" in picture.note, timeout=5_000)
    assert picture.shown is None
    bar = window.bars[CAMERAS[3]]
    assert "camera down" in bar.describe(at(desk, 30.0))
    assert "recorded" in bar.describe(at(desk, 50.0))


def test_footage_older_than_thirty_days_under_an_administrative_reason_is_refused_with_the_rule(qtbot, desk):
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=31)
    record(desk["log"].database, desk["root"], CAMERAS[0], old, 1)
    window = desk["open"](shown=CAMERAS[:1], around=old + dt.timedelta(seconds=5))
    qtbot.waitUntil(lambda: bool(window.refusal), timeout=15_000)
    assert "30 days" in window.refusal and "judicial" in window.refusal
    assert window.grant is None
    qtbot.waitUntil(lambda: window.refusal in window.pictures[CAMERAS[0]].note)
    assert not window.export_button.isEnabled() and not window.lock_button.isEnabled()
    window.kind.setCurrentIndex(window.kind.findData(Kind.JUDICIAL))
    window.reference.setText("PV 2026/1234")
    window.decision.setText("OD 26/0042")
    window.apply_reason.click()
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    assert window.grant.decision == "OD 26/0042"


def test_a_tile_and_an_incident_open_their_cameras_in_one_action(qtbot, tmp_path):
    """The wall's Recordings of the selected camera, then the dispatch panel's Recordings button: the playback window
    on the incident's cameras, a minute before it was created."""
    from console.access.users import load_users
    from console.dispatch import service
    from console.dispatch.model import Source
    from console.onvif.process import OnvifProcess
    from console.paths import AppPaths
    from console.tours.config import load_tours
    from console.ui.desk import Console
    from console.video.hub import StreamHub
    from tests.gui.test_tiles_and_wall import StillReader

    paths = AppPaths.resolve(tmp_path / "data")
    log = AuditLog(open_store_file(paths.data_dir / "store.sqlite3"), paths.data_dir / KEY_FILE)
    writer = AuditWriter(log)
    config = load_camera_config(DEFAULT_CONFIG_DIR, {})
    users = load_users(DEFAULT_CONFIG_DIR)
    accountability = Accountability(writer, Session(users.users["an.peeters"], "ws-04"))
    accountability.open()
    created = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=5)
    for camera in CAMERAS[:2]:
        record(log.database, tmp_path / "rec", camera, created - dt.timedelta(seconds=90), 6)
    hub = StreamHub(reader_factory=StillReader)
    console = Console(config, paths, log.database, hub, load_tours(config), accountability, users, OnvifProcess([]))
    try:
        console.open("2x2")  # as a desk starts: built before its reason is given
        accountability.set_reason(PATROL)
        qtbot.waitUntil(lambda: accountability.session.reason == PATROL)
        wall = console.windows[0]
        wall.recordings_action.trigger()  # View > Recordings of the selected camera (Ctrl+P): tile 1's
        assert console.playback is not None and console.playback.cameras == [wall.wall.tiles[0].camera.id]
        draft = service.Draft(Source.PHONE, "bike theft", 2, "Stationsplein 2", "station", cameras=CAMERAS[:2])
        writer.submit(service.create_incident(draft, "an.peeters", created).record(accountability.session.who))
        panel = console.dispatch_panel
        qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 1, timeout=10_000)
        panel.select_incident(panel.queue_model.items[0].id)
        assert panel.form.recordings.isEnabled()
        panel.form.recordings.click()
        window = console.playback
        assert window is not None and window.isVisible()
        incident = panel.queue_model.items[0]
        assert window.cameras[:2] == list(CAMERAS[:2]) and window.cameras == service_cameras(console, incident)
        assert all(console.playback.all_cameras[camera].recording is not None for camera in window.cameras)
        assert CAMERAS[2] not in window.cameras  # linked by nearness, never recorded: no black 'not recorded' picture
        listed = [window.camera_list.item(row) for row in range(window.camera_list.count())]
        recorded = [item.data(Qt.ItemDataRole.UserRole) in RECORDED for item in listed]
        assert recorded == sorted(recorded, reverse=True)  # the recorded cameras first
        assert all(
            ("not recorded" in item.text()) != is_recorded for item, is_recorded in zip(listed, recorded, strict=True)
        )
        assert window.clock.position() == created - dt.timedelta(seconds=60)
        assert window.chosen_reason() == Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, incident.id)  # under it
        qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
        qtbot.waitUntil(lambda: window.shown_stamps()[CAMERAS[0]] is not None, timeout=10_000)
        assert abs((window.shown_stamps()[CAMERAS[0]] - (created - dt.timedelta(seconds=60))).total_seconds()) < 0.05
        assert window.findChild(type(console.windows[0].alert_strip)) is not None  # the alerts, like every window
    finally:
        console.quit()
        assert console.shutdown()
        writer.close()
        log.database.close()


def service_cameras(console, incident) -> list[str]:
    from console.dispatch.model import cameras_for

    recorded = {camera.id for camera in console.config.cameras if camera.recording is not None}
    places = console.incident_video.places
    return [camera for camera in cameras_for(incident, places, count=len(places)) if camera in recorded][:4]


def test_the_map_offers_the_recordings_of_the_cameras_that_see_a_spot(qtbot):
    from PySide6.QtCore import QPointF

    from console.geo.sight import cameras_seeing, destination, viewpoint
    from console.ui.map_view import MapCanvas

    config = load_camera_config(DEFAULT_CONFIG_DIR, {})
    canvas = MapCanvas(config, None)
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.fit_all()
    camera = next(camera for camera in config.cameras if camera.location.heading_deg is not None)
    lat, lon = destination(camera.location.lat, camera.location.lon, camera.location.heading_deg, 20.0)
    menu = canvas.menu_at(QPointF(canvas.mapFromScene(canvas.scene_pos(lat, lon))))
    lat, lon = canvas.place_at(QPointF(canvas.mapFromScene(canvas.scene_pos(lat, lon))))  # as the menu read it
    seeing = cameras_seeing(lat, lon, [viewpoint(each) for each in config.cameras])
    action = next(action for action in menu.actions() if "Recordings" in action.text())
    with qtbot.waitSignal(canvas.recordings_requested) as asked:
        action.trigger()
    assert asked.args[0] == seeing[:4] and asked.args[0]


def test_an_investigator_signs_in_to_the_playback_window_alone(tmp_path):
    """``run --user els.jacobs``: no wall, no live video, no PTZ; the playback window is the session."""
    import os
    import sys

    import cv2
    import numpy as np

    from console.cli import DEMO_PASSWORD
    from console.paths import REPO_ROOT
    from tests.screens import offscreen_platform

    shot = tmp_path / "investigator.png"
    environment = {**os.environ, "QT_QPA_PLATFORM": offscreen_platform(tmp_path, 1366, 768),
                   "UITKIJK_PASSWORD": DEMO_PASSWORD}  # fmt: skip
    done = subprocess.run([sys.executable, "main.py", "run", "--data", str(tmp_path / "data"), "--user", "els.jacobs",
                           "--reason", "request from an investigator: PV 2026/0412", "--exit-after", "3",
                           "--screenshot", str(shot)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                          env=environment)  # fmt: skip
    assert done.returncode == 0, done.stderr
    image = cv2.imread(str(shot))
    magenta = np.all(np.abs(image.astype(np.int16) - np.array([147, 0, 214], dtype=np.int16)) <= 12, axis=2)
    assert magenta.sum() > 200  # the PLAYBACK mark: the window shot is the playback window
    log = AuditLog(open_store(tmp_path / "data"), tmp_path / "data" / KEY_FILE)
    try:
        actions = [entry.action for entry in log.entries()]
        assert "login" in actions and "login refused" not in actions
        assert "view start" not in actions  # no live video pulled or shown
    finally:
        log.database.close()


def test_playing_goes_on_across_a_segment_cut_by_a_crash_and_the_gap_after_it(qtbot, desk):
    """A recorder killed mid-segment leaves its row reaching past the file's last whole frame (found on the demo: the
    four cameras stopped at the last frame before the 'recorder down' gap, for ever)."""
    cut = at(desk, 70)
    record(desk["log"].database, desk["root"], CAMERAS[0], cut, 1, indexed_past_s=1.5, sha256=None)
    record(desk["log"].database, desk["root"], CAMERAS[0], cut + dt.timedelta(seconds=30), 1)
    with desk["log"].database.write() as transaction:
        archive.add_gap(transaction, CAMERAS[0], utc_text(cut + dt.timedelta(seconds=21.5)),
                        utc_text(cut + dt.timedelta(seconds=30)), "recorder down", "rec-test")  # fmt: skip
    window = desk["open"](shown=CAMERAS[:2], around=cut + dt.timedelta(seconds=18))
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    window.set_speed(4.0)
    window.toggle_play()
    picture = window.pictures[CAMERAS[0]]
    qtbot.waitUntil(lambda: "recorder down" in picture.note, timeout=15_000)  # said over the picture in the gap
    after = cut + dt.timedelta(seconds=30)
    qtbot.waitUntil(lambda: picture.shown is not None and picture.shown.stamp >= after, timeout=15_000)


def test_from_the_window_one_action_locks_what_is_shown_and_one_exports_it(qtbot, desk, tmp_path):
    window = desk["open"](shown=CAMERAS[:2])
    qtbot.waitUntil(lambda: window.grant is not None and window.lock_button.isEnabled(), timeout=15_000)
    window.seek(at(desk, 30))
    window.lock_button.click()
    dialog = window.findChild(RecordingActionDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.folder.isVisible() and not dialog.recipient.isVisible()  # the export's fields: not here
    assert dialog.chosen_cameras() == list(CAMERAS[:2])
    dialog.judicial_file.setText("PV 2026/1234")
    dialog.lock_reason.setText("bike theft at the station")
    dialog.accept()
    qtbot.waitUntil(lambda: "placed" in window.statusBar().currentMessage(), timeout=10_000)
    qtbot.waitUntil(lambda: bool(window.timelines[CAMERAS[0]].locks), timeout=10_000)
    lock = window.timelines[CAMERAS[0]].locks[0]
    assert lock.judicial_file == "PV 2026/1234" and lock.start <= at(desk, 30) < lock.end
    assert "evidence lock" in window.bars[CAMERAS[0]].describe(at(desk, 30))
    assert window.grant is not None and window.export_button.isEnabled()  # still playing under the same grant
    window.export_button.click()
    exporting = next(each for each in window.findChildren(RecordingActionDialog) if each.is_export)
    qtbot.waitUntil(exporting.isVisible)
    assert not exporting.incident.isVisible() and not exporting.lock_reason.isVisible()
    exporting.recipient.setText("Parket West-Vlaanderen")
    exporting.folder.setText(str(tmp_path / "out"))
    exporting.accept()
    qtbot.waitUntil(lambda: "manifest" in window.statusBar().currentMessage(), timeout=30_000)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["recipient"] == "Parket West-Vlaanderen" and len(manifest["files"]) == 2


def test_without_cameras_the_window_says_what_to_do_and_offers_the_time_asked(qtbot, desk):
    window = desk["open"](shown=(), around=at(desk, 12))
    assert window.empty_hint.isVisible() and "4" in window.empty_hint.text()
    assert window.go_to_moment() == at(desk, 12)
    assert not window.play.isEnabled()
    window.show_cameras(CAMERAS[:1])
    window.ask_lock()  # its dialog's fields too
    for widget in (window, *window.findChildren(RecordingActionDialog)):
        assert not [each for each in widget.findChildren(QWidget) if takes_wheel_unfocused(each)]
    assert window.feeds[CAMERAS[0]].target_size == (1280, 720)  # one camera alone: not a quarter's picture


def test_reverse_plays_back_in_time_in_step_and_a_frame_step_goes_to_the_next_frame(qtbot, desk):
    window = desk["open"](shown=CAMERAS[:3])
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    window.seek(at(desk, 30.5))
    first = at(desk, 30.48)  # station-01's frames every 40 ms from the recording's start
    qtbot.waitUntil(lambda: window.shown_stamps()[CAMERAS[0]] == first, timeout=10_000)
    window.step(1)
    qtbot.waitUntil(lambda: window.shown_stamps()[CAMERAS[0]] == at(desk, 30.52), timeout=10_000)
    window.step(-1)
    qtbot.waitUntil(lambda: window.shown_stamps()[CAMERAS[0]] == first, timeout=10_000)
    window.reverse.setChecked(True)
    window.set_speed(2.0)
    worst = {"s": 0.0, "checks": 0}

    def check() -> None:
        stamps = [window.shown_stamps()[camera] for camera in CAMERAS[:3]]
        if all(stamp is not None for stamp in stamps):
            worst["s"] = max(worst["s"], drift_s(stamps, window.painted_at))
            worst["checks"] += 1

    window.frames_painted.connect(check)
    assert window.clock.is_playing  # Reverse plays backwards from where playback was paused
    qtbot.waitUntil(lambda: window.clock.position() <= at(desk, 26.0), timeout=20_000)  # across a keyframe or four
    window.frames_painted.disconnect(check)
    shown = window.shown_stamps()[CAMERAS[0]]
    assert shown is not None and shown < at(desk, 27.0)
    assert worst["checks"] > 10 and worst["s"] < 0.04


def test_a_refused_evidence_lock_keeps_its_dialog_open_with_the_refusal_in_it(qtbot, desk):
    window = desk["open"](shown=CAMERAS[:2])
    qtbot.waitUntil(lambda: window.grant is not None and window.lock_button.isEnabled(), timeout=15_000)
    window.lock_button.click()
    dialog = window.findChild(RecordingActionDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.incident.setText("2026-9999")  # no such incident: refused in the lock's transaction
    dialog.lock_reason.setText("bike theft at the station")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "2026-9999" in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.incident.text() == "2026-9999"
    assert dialog.lock_reason.text() == "bike theft at the station"
    dialog.incident.setText("")  # neither incident nor file: said in the window's words, not the command line's
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.message.text() and "--" not in dialog.message.text()
    dialog.judicial_file.setText("PV 2026/1234")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert "placed" in window.statusBar().currentMessage()


def test_a_refused_export_keeps_its_dialog_open_with_the_refusal_in_it(qtbot, desk, tmp_path):
    window = desk["open"](shown=CAMERAS[:1])
    qtbot.waitUntil(lambda: window.grant is not None and window.export_button.isEnabled(), timeout=15_000)
    window.export_button.click()
    dialog = next(each for each in window.findChildren(RecordingActionDialog) if each.is_export)
    qtbot.waitUntil(dialog.isVisible)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("already here")  # a folder that is not empty: refused
    dialog.folder.setText(str(tmp_path / "taken"))
    dialog.recipient.setText("Parket West-Vlaanderen")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() and bool(dialog.message.text()), timeout=30_000)
    assert dialog.isVisible() and dialog.recipient.text() == "Parket West-Vlaanderen"


def test_a_date_and_time_typed_in_go_to_goes_there_and_an_impossible_one_is_said(qtbot, desk):
    window = desk["open"](shown=CAMERAS[:1])
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    qtbot.mouseClick(window.go_to, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.go_to, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.go_to, at(desk, 30).astimezone().strftime("%d-%m-%Y %H:%M:%S"))
    qtbot.keyClick(window.go_to, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.clock.position() == at(desk, 30), timeout=5_000)
    qtbot.keyClick(window.go_to, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.go_to, at(desk, 45).astimezone().strftime("%d-%m-%Y %H:%M:%S"))
    window.go.setFocus()  # the field left for the button: what was typed is not overwritten meanwhile
    with qtbot.waitSignal(window.frames_painted, timeout=5_000):
        pass  # a repaint (it once put where playback is into the field)
    qtbot.mouseClick(window.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.clock.position() == at(desk, 45), timeout=5_000)
    qtbot.keyClick(window.go_to, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.go_to, "31-02-2026 25:61:00")
    qtbot.keyClick(window.go_to, Qt.Key.Key_Return)
    assert "31-02-2026 25:61:00" in window.statusBar().currentMessage()
    assert window.clock.position() == at(desk, 45) and window.go_to.text() == "31-02-2026 25:61:00"


def test_reverse_from_pause_plays_backwards_from_where_playback_is_even_at_the_span_s_edge(qtbot, desk):
    window = desk["open"](shown=CAMERAS[:1])
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    window.seek(at(desk, 40))
    assert not window.clock.is_playing
    window.reverse.click()  # paused: Reverse plays backwards from here
    assert window.clock.is_playing and window.clock.is_reverse
    qtbot.waitUntil(lambda: window.clock.position() <= at(desk, 38.5), timeout=10_000)
    qtbot.waitUntil(lambda: (window.shown_stamps()[CAMERAS[0]] or at(desk, 99)) <= at(desk, 39), timeout=10_000)
    window.reverse.click()
    window.toggle_play()
    assert not window.clock.is_playing
    window.view_start, window.view_end = at(desk, 20), at(desk, 50)  # the span shown begins in recorded time
    window.clock.set_span(window.view_start, window.view_end)
    window.seek(at(desk, 20))
    window.reverse.click()
    qtbot.waitUntil(lambda: window.clock.position() < at(desk, 19), timeout=15_000)  # on into what lies behind
    assert "end of the span" not in window.statusBar().currentMessage()


def test_playing_forwards_pauses_at_the_newest_recorded_picture_and_says_so(qtbot, desk):
    window = desk["open"](shown=CAMERAS[:1])
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)
    window.seek(at(desk, 3 * CLIP_S - 1.5))  # a second and a half before the camera's newest picture
    window.toggle_play()
    assert window.clock.is_playing
    qtbot.waitUntil(lambda: not window.clock.is_playing, timeout=15_000)
    assert at(desk, 3 * CLIP_S - 0.5) <= window.clock.position() < at(desk, 3 * CLIP_S)
    assert "newest recorded picture" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.pictures[CAMERAS[0]].shown is not None, timeout=5_000)
    assert "not recorded" not in window.pictures[CAMERAS[0]].note


def test_the_window_says_who_is_signed_in_and_an_investigator_starts_with_no_reason_chosen(qtbot, desk):
    window = desk["open"](user=INVESTIGATOR, reason=None, shown=CAMERAS[:1])
    assert "Els Jacobs" in window.who.text() and window.who.isVisible()
    assert window.kind.currentData() is None and window.category.currentData() is None  # never a patrol
    qtbot.waitUntil(lambda: bool(window.refusal), timeout=15_000)  # asked before anything plays
    assert window.grant is None and "reason" in window.refusal
    window.kind.setCurrentIndex(window.kind.findData(Kind.JUDICIAL))
    window.category.setCurrentIndex(window.category.findData(Category.INVESTIGATOR_REQUEST))
    window.reference.setText("PV GE.12.L1.004321/2026")
    window.apply_reason.click()
    qtbot.waitUntil(lambda: window.grant is not None, timeout=15_000)


def test_the_export_dialog_shows_the_reason_and_decision_it_carries_and_a_pv_number_fits_at_1366(qtbot, desk):
    window = desk["open"](shown=CAMERAS[:1])
    window.resize(1366, 740)
    window.reference.setText("PV GE.12.L1.004321/2026")
    metrics = window.reference.fontMetrics()
    assert window.reference.width() >= metrics.horizontalAdvance(window.reference.text()) + 12  # not cut
    window.kind.setCurrentIndex(window.kind.findData(Kind.JUDICIAL))
    window.category.setCurrentIndex(window.category.findData(Category.INVESTIGATOR_REQUEST))
    window.decision.setText("OR 2026/77")
    window.apply_reason.click()
    qtbot.waitUntil(lambda: window.grant is not None and window.export_button.isEnabled(), timeout=15_000)
    window.export_button.click()
    dialog = next(each for each in window.findChildren(RecordingActionDialog) if each.is_export)
    qtbot.waitUntil(dialog.isVisible)
    assert "PV GE.12.L1.004321/2026" in dialog.reason_shown.text() and dialog.reason_shown.isReadOnly()
    assert dialog.decision_shown.text() == "OR 2026/77" and dialog.decision_shown.isReadOnly()
    assert dialog.reason_shown.isVisible() and dialog.decision_shown.isVisible()
