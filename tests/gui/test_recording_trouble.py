"""A desk's status line says the room's recording trouble: a live recorder's full disk, the cameras nobody records."""

from __future__ import annotations

import datetime as dt
import time

from console.store import archive, open_store_file
from console.store.backend import utc_text
from console.ui.language import install_language
from console.ui.main_window import RECORDING_NOTE_MAX_PX, WallWindow
from console.ui.watchers import RecordingTrouble, RoomWatchers
from console.wall.state import WallState
from tests.gui.test_tiles_and_wall import config, hub  # noqa: F401 - fixtures


def report(
    transaction,
    name: str,
    seen_s_ago: float,
    problem: str | None,
    cameras: list[str],
    now: float,
    started_s_ago: float = 600,
) -> None:
    seen_utc = utc_text(dt.datetime.fromtimestamp(now - seen_s_ago, dt.UTC))
    started_utc = utc_text(dt.datetime.fromtimestamp(now - started_s_ago, dt.UTC))
    archive.report_recorder(transaction, archive.RecorderRecord(name, "pc", "/srv", started_utc, seen_utc, 10**9,
                                                                10**12, problem))  # fmt: skip
    for camera in cameras:
        assert archive.claim(transaction, camera, name, now - seen_s_ago, now - 6)


def test_the_room_watchers_read_a_full_disk_and_the_cameras_no_live_recorder_records(qtbot, tmp_path):
    database = open_store_file(tmp_path / "store.sqlite3")
    now = time.time()
    with database.write() as transaction:
        report(transaction, "rec-full", 1, "disk full", ["station-01"], now)
        report(transaction, "rec-dead", 30, None, ["station-02"], now)  # killed: its report and claim are old
        report(transaction, "rec-ok", 1, None, ["station-03"], now)
        report(transaction, "rec-gone", 1, "stopped", [], now)  # stopped cleanly: no trouble
    watchers = RoomWatchers(database, None, None, ["station-01", "station-02", "station-03", "park-01"], grace_s=0)
    try:
        with qtbot.waitSignal(watchers.recording_changed, timeout=5000) as changed:
            watchers.start()
        assert changed.args == [RecordingTrouble((("rec-full", "disk full"),), ("park-01", "station-01",
                                                                                "station-02"))]  # fmt: skip
    finally:
        watchers.shutdown()
        database.close()


def test_no_camera_is_said_unrecorded_while_the_desk_or_a_recorder_has_just_started(qtbot, tmp_path):
    """A desk's first seconds said "6 cameras not recorded now" in red while the room's recorder started."""
    database = open_store_file(tmp_path / "store.sqlite3")
    now = time.time()
    with database.write() as transaction:
        report(transaction, "rec-starting", 1, None, [], now, started_s_ago=2)  # no camera taken yet
    recorded = ["station-01", "park-01"]
    starting = RoomWatchers(database, None, None, recorded, grace_s=30)  # the desk has just started
    desk_is_past = RoomWatchers(database, None, None, recorded, grace_s=30)
    desk_is_past._started_s = time.monotonic() - 31  # the desk's own grace is over, the recorder's (2 s ago) is not
    try:
        starting.start()
        desk_is_past.read()
        qtbot.waitUntil(lambda: not starting._is_reading and not desk_is_past._is_reading, timeout=5000)
        assert starting.recording == RecordingTrouble() and desk_is_past.recording == RecordingTrouble()
        # Both graces over: now it is said.
        with database.write() as transaction:
            report(transaction, "rec-starting", 1, None, [], now, started_s_ago=60)
        with qtbot.waitSignal(desk_is_past.recording_changed, timeout=5000) as changed:
            desk_is_past.read()
        assert changed.args == [RecordingTrouble((), ("park-01", "station-01"))]
    finally:
        starting.shutdown()
        desk_is_past.shutdown()
        database.close()


def shows(shown: str, text: str) -> bool:
    """``shown`` is ``text``, or its beginning cut with an ellipsis (the window offscreen is 800 px wide)."""
    return shown == text or (shown.endswith("\u2026") and text.startswith(shown[:-1]))


def test_a_wall_windows_status_line_says_it_in_dutch_never_growing_and_nothing_when_all_is_recorded(qtbot, config, hub):  # noqa: F811
    assert install_language("nl")
    window = WallWindow(config, hub, WallState("2x2", [None, None, None, None]), 1)
    qtbot.addWidget(window)
    try:
        with qtbot.waitExposed(window):
            window.show()
        note = window.recording_note
        assert not note.isVisible()
        line_px = window.statusBar().minimumSizeHint().width()  # what the status line needs without the note
        window.show_recording_trouble([("recorder-1", "disk full")], ["station-01"])
        assert note.isVisible() and note.property("alarm") is True
        said = "recorder recorder-1: schijf vol \u00b7 nu niet opgenomen: " + config.camera("station-01").name
        assert note.toolTip().startswith(said + "\n") and shows(note.text(), said), note.text()
        window.show_recording_trouble([], [camera.id for camera in config.cameras])
        assert shows(note.text(), f"{len(config.cameras)} camera's nu niet opgenomen"), note.text()
        assert note.toolTip().startswith(f"{len(config.cameras)} camera's nu niet opgenomen\nNu niet opgenomen: ")
        many = [(f"recorder-{number}", "disk full") for number in range(20)]
        window.show_recording_trouble(many, [])
        qtbot.waitUntil(lambda: note.text().endswith("\u2026"), timeout=5000)
        assert note.width() <= RECORDING_NOTE_MAX_PX and note.toolTip().endswith("recorder recorder-19: schijf vol")
        # The note asks the line (and the window) for its least room only, whatever its text and font.
        assert window.statusBar().minimumSizeHint().width() <= line_px + note.minimumWidth() + 12
        window.show_recording_trouble([], [])
        assert not note.isVisible()
    finally:
        install_language("en")
