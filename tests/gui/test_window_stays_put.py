"""A window that stays put: it fits its screen, text never widens it, and every dispatch control is reachable."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from console.access.permissions import Role
from console.services.alerts import Alert
from console.tours.model import Tour, TourStep
from console.ui.dispatch.panel import WallHooks
from tests.gui.test_dispatch_panel import desk, select_row  # noqa: F401 - fixture
from tests.gui.test_tiles_and_wall import config, hub  # noqa: F401 - fixtures
from tests.gui.test_views_and_tour_editing import make_window


def _plain(text: str) -> str:
    return text.replace("&", "")


LONG = "Stationsplein noord, perron 12 tot en met 14, fietsenstalling onder de sporen, " * 4


def test_a_new_window_fits_its_screen(qtbot, config, hub, tmp_path):  # noqa: F811
    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    available = QApplication.primaryScreen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    # Smaller than the window wants (the offscreen screen is 800x800): maximised, so that with its title bar and
    # frame it still ends at the screen's edge (at 1366x768 under a window manager the status line was cut off).
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_window_that_fits_only_without_its_frame_opens_maximised(qtbot, config, hub, tmp_path):  # noqa: F811
    """Sized to the screen's free area less a few pixels, its title bar took it past the bottom (openbox at
    1366x768: the status line half off-screen): the frame is allowed for, and it opens maximised."""
    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    window.setWindowState(Qt.WindowState.WindowNoState)
    available = QApplication.primaryScreen().availableGeometry()
    window.fit_to_screen(available.width() - 2, available.height() - 10)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_the_frame_is_allowed_for_and_a_window_placed_before_keeps_its_place_if_it_fits():
    from PySide6.QtCore import QMargins, QPoint, QRect, QSize

    from console.ui.screen_fit import fitting_size, within

    screen, openbox = QRect(0, 0, 1366, 768), QMargins(1, 20, 1, 5)  # a normal window's frame under openbox
    assert fitting_size(QSize(1366, 768), screen, openbox) == QSize(1364, 743)  # 768 - 20 - 5
    assert fitting_size(QSize(1200, 600), screen, openbox) == QSize(1200, 600)
    frame = QRect(QPoint(1000, 400), QSize(600, 400))  # saved on a wider screen: moved back, by the least
    assert within(frame, screen) == QRect(QPoint(766, 368), QSize(600, 400))
    assert within(QRect(10, 20, 300, 200), screen) == QRect(10, 20, 300, 200)


def test_every_window_of_a_desk_opens_within_its_screen(qtbot, config, hub, tmp_path, desk):  # noqa: F811
    """The rule for every top-level window: the board, the map window, the call-taker's window, the F1 help."""
    from console.ui.desk_map import MapPanel, MapWindow
    from console.ui.dispatch.panel import DispatchWindow
    from console.ui.main_window import HelpDialog
    from console.ui.map_view import MapCanvas

    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    map_window = MapWindow(MapPanel(MapCanvas(config, None)), lambda: None)
    call_taker = DispatchWindow(desk(Role.CALL_TAKER))
    help_dialog = HelpDialog(window)
    for each in (map_window, call_taker, help_dialog):
        qtbot.addWidget(each)
    available = QApplication.primaryScreen().availableGeometry()  # Qt's offscreen screen: 800x800
    for each in (window, map_window, call_taker, help_dialog):
        each.show()
        qtbot.waitExposed(each)
        assert available.contains(each.frameGeometry()), (type(each).__name__, each.frameGeometry())


def test_the_tour_bar_never_lays_its_texts_over_its_buttons(qtbot, config, hub, tmp_path):  # noqa: F811
    """On a 490 px wall (a 1366 px desk with its docks) the texts overlapped the buttons, squeezed to "Va…en"."""
    tours = [Tour("ronde", "Stationsronde", None, (TourStep("2x2", ("station-01", "station-02", "park-01", None), 30),
                                                   TourStep("1x1", ("park-02",), 30)))]  # fmt: skip
    window, _ = make_window(qtbot, config, hub, tmp_path, tours)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.show()
    qtbot.waitExposed(window)
    window.tour_player.start(tours[0])
    bar = window.tour_bar
    from console.video.stream import StreamState, StreamStatus

    lost = next(reader for url, reader in hub.readers.items() if "station-02" in url)
    lost.state, lost.frame = StreamStatus(StreamState.NO_SIGNAL, "connection refused"), None  # a camera offline
    qtbot.waitUntil(lambda: bar.flags.isVisible(), timeout=5000)  # its flag takes no room from the texts
    for wall_px in (490, 1200):
        window.camera_dock.hide()
        window.ptz_dock.hide() if getattr(window, "ptz_dock", None) else None
        window.resize(wall_px, 700)
        qtbot.waitUntil(lambda: bar.width() == window.centralWidget().width() and bar.isVisible(), timeout=3000)
        texts = [bar.summary, bar.upcoming, bar.flags]
        for button in bar.buttons.values():
            assert button.width() >= button.sizeHint().width(), (wall_px, button.text())
            for label in texts:
                assert not label.geometry().intersects(button.geometry()), (wall_px, label.full_text, button.text())
        assert bar.summary.text() == bar.summary.full_text, wall_px  # the tour's name and its time, whole
        assert bar.upcoming.text() == bar.upcoming.full_text, wall_px  # and what comes next
        assert bar.flags.isVisible() and "offline" in bar.flags.toolTip()
    assert bar.rows.direction() == bar.rows.Direction.LeftToRight  # wide: one line
    window.tour_player.stop()


def test_a_tour_and_a_long_alert_do_not_widen_the_window(qtbot, config, hub, tmp_path, desk):  # noqa: F811
    tours = [Tour("ronde", "Ronde " + LONG, None, (TourStep("2x2", ("station-01", "station-02", "park-01", None), 30),
                                                   TourStep("1x1", ("park-02",), 30)))]  # fmt: skip
    window, _ = make_window(qtbot, config, hub, tmp_path, tours)
    window.attach_dispatch(desk(Role.OPERATOR), lambda: None)
    window.setWindowState(Qt.WindowState.WindowNoState)  # a desk's 1366x768 on the 800x800 offscreen screen
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    width = window.width()
    window.tour_player.start(tours[0])
    window.tour_player.offline_now.update(camera.id for camera in config.cameras)  # every flag at once
    window.tour_bar.refresh()
    window.alert_strip.show_alerts([Alert("anpr", 3, "newest " + LONG, "hit:1", True),
                                    Alert("p1", 2, LONG, "2026-0001", True)])  # fmt: skip
    QApplication.processEvents()  # the layout pass
    assert window.width() == width and window.minimumSizeHint().width() <= width  # nothing can push it wider
    assert window.tour_bar.flags.toolTip().count("offline:") == len(config.cameras)  # all of it, in the tooltip
    chip = window.alert_strip.buttons["p1"]  # short and whole, not pushing: the long sentence is its tooltip
    assert chip.text() == "\u26a0 P1 2026-0001 (+1)" and LONG in chip.toolTip()
    window.tour_player.stop()


def test_at_1366_by_768_every_control_of_the_dispatch_panel_can_be_reached(qtbot, config, hub, tmp_path, desk):  # noqa: F811
    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    panel = desk(Role.TEAM_CHIEF)
    window.attach_dispatch(panel, lambda: None)
    window.setWindowState(Qt.WindowState.WindowNoState)  # a desk's 1366x768 on the 800x800 offscreen screen
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    buttons = [button for button in panel.findChildren(QPushButton) if button.isVisibleTo(panel)]
    assert len(buttons) > 10
    for button in buttons:
        window.dispatch_scroller.ensureWidgetVisible(button)
        assert not button.visibleRegion().isEmpty(), button.text()


def test_the_walls_keys_work_with_the_focus_in_the_dispatch_panel(qtbot, config, hub, tmp_path, desk):  # noqa: F811
    followed: list[str] = []
    hooks = WallHooks(follow=lambda incident: followed.append(incident.id), link_tile=lambda _: None,
                      show_camera=lambda *_: None)  # fmt: skip
    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    panel = desk(Role.OPERATOR, hooks)
    window.attach_dispatch(panel, lambda: None)
    qtbot.waitUntil(lambda: panel.p1_alert.incident_id is not None, timeout=3000)
    panel.acknowledge(panel.p1_alert.incident_id)  # the fixture's priority-1 call, taken in hand
    qtbot.waitUntil(lambda: not panel.p1_alert.isVisible(), timeout=3000)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    select_row(panel.queue, 0)
    panel.queue.setFocus()
    qtbot.keyClick(panel.queue, Qt.Key.Key_V)  # before: two shortcuts for V, so neither fired
    assert followed == [panel.current().id]


def test_the_live_count_counts_the_tiles_on_screen(qtbot, config, hub, tmp_path):  # noqa: F811
    from console.ui.wall_status import WallStatus
    from console.video.stream import StreamState

    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    window.wall.show_step("2x2", ["station-01", "station-02", "park-01", "park-02"])
    status = WallStatus(lambda: [window])
    for tile in range(4):
        status.tile_changed(window, tile, StreamState.LIVE)
    assert status.shown_states(window) == [StreamState.LIVE] * 4
    window.set_layout("1x1")
    status.refresh(window)  # as the desk does on every change of the wall, whether or not a tile's state changed
    assert window.summary_label.text().startswith("1 live")
    status.tile_changed(window, 0, StreamState.LIVE)
    assert status.shown_states(window) == [StreamState.LIVE]  # before: still four, with one tile on screen
    assert window.summary_label.text().startswith("1 live")


def test_f1_names_every_key_the_window_has(qtbot, config, hub, tmp_path, desk):  # noqa: F811
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QWidget

    from console.ui.main_window import shortcuts_help

    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    panel = desk(Role.TEAM_CHIEF)
    window.attach_map(QWidget(), lambda: None)
    window.attach_dispatch(panel, lambda: None)
    window.attach_session(panel.accountability, can_supervise=True)
    keys = {action.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for action in
            window.findChildren(QAction) if not action.shortcut().isEmpty()}  # fmt: skip
    assert {"I", "Ctrl+I", "V", "F4", "R", "F8", "Ctrl+B", "Ctrl+M", "F1"} <= keys
    said = shortcuts_help()
    for what in ("The map", "Shift+drag", "right-click", "ANPR hits", "Confirmed", "Misread", "Wrong list entry",
                 "Make incident", "Priority 1", "Acknowledge: I take it", "Esc or Ctrl+B"):  # fmt: skip
        assert what in said, f"F1 does not say: {what}"
    assert [_plain(action.text()) for action in window.menuBar().actions()][-1] == "Help"  # the last menu
    text = shortcuts_help().replace("&gt;", ">")
    for modifier, first, last in re.findall(r"(\w+)\+(\d) \u2026 \1\+(\d)", text):  # "Ctrl+1 … Ctrl+6"
        text += " ".join(f" {modifier}+{number}" for number in range(int(first), int(last) + 1))
    missing = {key for key in keys if key not in text}
    assert not missing, f"F1 does not say what these keys do: {sorted(missing)}"


def test_two_desks_on_one_data_folder_keep_their_own_arrangements(tmp_path):
    from console.ui.window_store import SavedArrangement, SavedWindow, WindowStore
    from console.wall.state import WallState

    first, second = WindowStore(tmp_path, "ws-01", "an.peeters"), WindowStore(tmp_path, "ws-02", "tom.claes")
    first.save(SavedArrangement([SavedWindow(WallState("1x1", ["station-01"]))]))
    second.save(SavedArrangement([SavedWindow(WallState("2x2", ["park-01", None, None, None]))]))
    assert first.load().windows[0].wall.layout_name == "1x1"
    assert second.load().windows[0].wall.layout_name == "2x2"
    assert WindowStore(tmp_path, "ws/../03", "x y").path.parent == tmp_path  # no name escapes the folder
    assert not list(tmp_path.glob("*.partial"))


def test_the_arrangement_is_written_off_the_gui_thread_and_the_newest_one_stays(tmp_path, monkeypatch):
    """A tour step saved the wall on the GUI thread; beside the audit log's fsyncs it waited 80 ms for the disk."""
    import threading

    from console.ui.window_store import ArrangementWriter, SavedArrangement, SavedWindow, WindowStore
    from console.wall.state import WallState

    store = WindowStore(tmp_path, "ws-01", "an.peeters")
    writing, written_on = threading.Event(), []
    original = WindowStore.write

    def slow_write(self, text):  # a disk that makes the writer wait, as a busy one does
        written_on.append(threading.current_thread())
        writing.wait(5)
        original(self, text)

    monkeypatch.setattr(WindowStore, "write", slow_write)
    writer = ArrangementWriter(store)
    for layout in ("1x1", "2x2", "3x3", "4x4"):  # saves while the first is still being written
        writer.save(SavedArrangement([SavedWindow(WallState(layout))]))
    assert not store.path.exists()  # the saves returned while the disk was still busy
    writing.set()
    writer.close()
    assert store.load().windows[0].wall.layout_name == "4x4"  # the newest is what stays
    assert threading.main_thread() not in written_on and len(written_on) <= 2  # the middle ones collapsed
