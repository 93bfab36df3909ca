"""The demo's desk on a 1366x768 screen, in a process of its own: what is cut, and which window leaves the screen.

``python -m tests.desk_1366 LANG FOLDER`` under ``QT_QPA_PLATFORM=offscreen:configfile=...`` (``tests/screens.py``,
a 1366x768 screen) builds the demo's desk (its cameras, tours, units and watch lists) signed in as the team
chief, with the theme the console runs with, a tour running, a priority-1 call and an ANPR hit waiting, the
board, the map window and the F1 help open, in a room of two relays one of which stopped reporting (its chip on
the alert strip) and the camera list's "Desks" column shown (as in a room); and prints, as JSON, every text cut
(``tests/cut_texts.py``),
every top-level window that does not lie within the screen's available area, and what ANPR triage needs that
is scrolled out of sight. The windows open by the console's own rule, as on a desk; the main
window and the board are then given the height a window manager's 19 px title bar leaves them (openbox).
Its pictures come from still readers; ONVIF is left out (no camera to set up).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDeadlineTimer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import load_users
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.config.loader import load_camera_config
from console.dispatch import service
from console.dispatch.config import load_watchlists
from console.dispatch.model import Source
from console.onvif.process import OnvifProcess
from console.paths import DEFAULT_CONFIG_DIR, AppPaths
from console.store import open_store
from console.store import relay as relay_table
from console.store.backend import utc_text
from console.tours.config import load_tours
from console.ui.accountability import Accountability
from console.ui.app import load_theme
from console.ui.desk import Console
from console.ui.dispatch.forms import select_row
from console.ui.language import install_language
from console.video.hub import StreamHub
from tests.cut_texts import cut_everywhere
from tests.gui.test_tiles_and_wall import StillReader, make_frame

TITLE_BAR_PX = 19  # openbox's, measured on the desk (_NET_FRAME_EXTENTS of a maximised window)
SYSTEM = {"user": "intake", "role": "external system", "workstation": "phone"}
OPERATOR = {"user": "an.peeters", "role": "operator", "workstation": "ws-04"}
REASON = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "station quarter")  # the brief's demo reason


class LiveReader(StillReader):
    """A camera that keeps sending: its picture is always new (a still one would be called frozen)."""

    def latest(self):
        return make_frame((90, 120, 60))


def png(width_px: int) -> bytes:
    image = QImage(width_px, width_px * 9 // 16, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 90, 90))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def wait_until(condition: Callable[[], object], timeout_ms: int = 15_000) -> None:
    """The event loop runs until ``condition`` holds (as pytest-qt's waitUntil)."""
    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError(f"waited {timeout_ms} ms")
        QTest.qWait(20)


ROOM_YAML = """version: 1
relay:
  host: relay-1.zone.local
  also:
    - {host: relay-2.zone.local}
"""


def in_a_room_of_two_relays(folder: Path) -> Path:
    """The demo's configuration with a room.yaml of two relays (the store stays the data folder's file)."""
    config_dir = folder / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config_dir)
    (config_dir / "room.yaml").write_text(ROOM_YAML, encoding="utf-8")
    return config_dir


def one_relay_silent(log: AuditLog) -> None:
    """relay-1 reports, relay-2 stopped reporting a minute ago (killed): the room runs on one relay."""
    now = dt.datetime.now(dt.UTC)
    with log.database.write() as transaction:
        for host, seconds_ago in (("relay-1.zone.local", 0), ("relay-2.zone.local", 60)):
            relay_table.write_report(transaction, f"{host}:8654", utc_text(now - dt.timedelta(hours=1)),
                                     utc_text(now - dt.timedelta(seconds=seconds_ago)), [])  # fmt: skip


def desk(language: str, folder: Path) -> tuple[Console, AuditWriter, AuditLog]:
    assert install_language(language)
    load_theme(QApplication.instance())
    config = load_camera_config(in_a_room_of_two_relays(folder), {})
    paths = AppPaths.resolve(folder)
    log = AuditLog(open_store(paths.data_dir), paths.data_dir / KEY_FILE)
    one_relay_silent(log)
    writer = AuditWriter(log)
    users = load_users(DEFAULT_CONFIG_DIR)
    accountability = Accountability(writer, Session(users.users["tom.claes"], "ws-09"))
    accountability.open()
    accountability.set_reason(REASON)
    wait_until(lambda: accountability.session.reason == REASON)
    hub = StreamHub(reader_factory=LiveReader)
    console = Console(config, paths, log.database, hub, load_tours(config), accountability, users, OnvifProcess([]))
    console.open("2x2")
    for window in console.windows:  # as in a room: how many desks show each camera
        window.camera_panel.show_desk_counts(True)
    return console, writer, log


def a_night_on_the_desk(console: Console) -> None:
    """A tour running, a priority-1 call and an ANPR hit waiting beside two incidents served, the call shown in the
    form, the board open."""
    writer = console.accountability.writer
    now = dt.datetime.now(dt.UTC)
    served = (service.Draft(Source.PHONE, "bike theft", 2, "Fietsenstalling perron 1, Stationsplein", "station"),
              service.Draft(Source.CAMERA, "noise", 3, "Overbekeplein 12", "nightlife"))  # fmt: skip
    for number, (draft, call_sign) in enumerate(zip(served, ("Leie 11", "Leie 14"), strict=True), start=1):
        writer.submit(service.create_incident(draft, "an.peeters", now - dt.timedelta(minutes=20)).record(OPERATOR))
        writer.submit(service.dispatch_unit(f"{now.year}-{number:04d}", call_sign, "an.peeters").record(OPERATOR))
    call = service.Draft(Source.PHONE, "fight", 1, "Stationsplein 2", "station", caller="Mevr. Claes 0470 12 34 56")
    writer.submit(service.create_incident(call, "intake", now - dt.timedelta(seconds=41)).record(SYSTEM))
    read = service.Read("anpr-03", "1MNE250", "B", 0.8, "inbound", plate_png=png(200), overview_png=png(640))
    change, _ = service.record_read(read, load_watchlists(console.config.folder), dt.date.today(), "intake")
    assert change is not None
    writer.submit(change.record(SYSTEM))
    panel = console.dispatch_panel
    wait_until(lambda: panel.hit_model.rowCount() == 1 and panel.queue_model.rowCount() == 3)
    select_row(panel.hit_list, 0)  # opened: its viewing logged, then its images shown
    wait_until(lambda: panel.hit_view.overview.pixmap() is not None and not panel.hit_view.overview.pixmap().isNull())
    window = console.windows[0]
    window.start_tour(next(tour for tour in console.tours if tour.id == "station-round"))
    wait_until(lambda: window.tour_player.is_running)  # once its start is logged
    panel.select_incident(panel.queue_model.items[0].id)
    console.show_board()
    wait_until(lambda: console.board.presence is not None and bool(console.board.presence.sessions))
    wait_until(lambda: bool(console.windows[0].alert_strip.chip("relay")))  # the room's relay down, on the strip


def outside_the_screen(window: QWidget, name: str) -> list[str]:
    available = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    frame = window.frameGeometry()
    if window.isVisible() and not available.contains(frame):
        return [f"{name} at {frame.x()},{frame.y()} {frame.width()}x{frame.height()}, the screen's free area "
                f"{available.width()}x{available.height()}"]  # fmt: skip
    return []


def out_of_sight(console: Console) -> list[str]:
    """What ANPR triage needs, scrolled out of the dispatch panel's sight: the images and the check's buttons."""
    window, panel = console.windows[0], console.dispatch_panel
    window.dispatch_dock.raise_()
    panel.tabs.setCurrentWidget(panel.hits_page)
    window.dispatch_scroller.verticalScrollBar().setValue(0)
    window.dispatch_scroller.horizontalScrollBar().setValue(0)
    QTest.qWait(50)
    view = panel.hit_view
    hidden = []
    for widget in (view.plate, view.overview, view.confirmed, view.misread, view.wrong_entry, view.make_incident,
                   view.show_camera):  # fmt: skip
        if widget.visibleRegion().boundingRect() != widget.rect():
            name = widget.text() or widget.objectName()
            hidden.append(f"ANPR triage: {name!r} needs scrolling ({widget.visibleRegion().boundingRect().height()} "
                          f"of {widget.height()} px in sight)")  # fmt: skip
    panel.tabs.setCurrentWidget(panel.incidents_page)
    return hidden


def under_a_title_bar(window: QWidget) -> None:
    """The client area a window manager leaves a maximised window (the widths stay the desk's own)."""
    available = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    if window.isMaximized():
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.setGeometry(available.x(), available.y() + TITLE_BAR_PX, available.width(),
                           available.height() - TITLE_BAR_PX)  # fmt: skip
    QTest.qWait(50)


def main(argv: list[str]) -> int:
    language, folder = argv[0], Path(argv[1])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    console, writer, log = desk(language, folder)
    try:
        a_night_on_the_desk(console)
        window, board, panel = console.windows[0], console.board, console.dispatch_panel
        wait_until(lambda: window.isVisible() and board.isVisible())
        QTest.qWait(100)  # the windows' first layout passes
        map_window = console.map.open_window()
        window.show_help()
        wait_until(lambda: map_window.isVisible() and window.help.isVisible())
        QTest.qWait(100)
        outside = outside_the_screen(window, "main window") + outside_the_screen(board, "board")
        outside += outside_the_screen(panel.p1_alert, "priority-1 pop-up")
        outside += outside_the_screen(map_window, "map window") + outside_the_screen(window.help, "F1 help")
        cut_in_help = cut_everywhere(window.help, "F1 help")
        window.help.close()
        map_window.close()
        playback = console.open_playback(["station-01", "station-02", "station-03", "station-04"])
        wait_until(lambda: playback.isVisible() and bool(playback.refusal or playback.grant))  # nothing recorded
        QTest.qWait(100)
        outside += outside_the_screen(playback, "playback window")
        cut_in_help += cut_everywhere(playback, "playback window")
        playback.close()
        for each in (window, board):
            under_a_title_bar(each)
        hidden = out_of_sight(console)
        cut = cut_everywhere(window, "main window") + cut_everywhere(board, "board")
        if panel.p1_alert.isVisible():
            cut += cut_everywhere(panel.p1_alert, "priority-1 pop-up")
        cut += cut_in_help
        print(json.dumps({"cut": cut, "outside": outside, "hidden": hidden}))
    finally:
        console.shutdown()
        for each in console.windows:
            each.close()
        writer.close()
        log.database.close()
        app.setStyleSheet("")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
