"""A wall window: the wall grid, the camera list, layouts and the wall's state at a glance."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QByteArray, QCoreApplication, QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFrame,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.access.session import workstation_name
from console.config.loader import CameraConfig
from console.onvif.directory import StreamDirectory
from console.services.alerts import things_waiting
from console.startup import mark
from console.tours.model import Tour, TourStep
from console.ui.accountability import Accountability
from console.ui.alert_strip import AlertStrip
from console.ui.camera_tree import CameraPanel
from console.ui.elided import ElidedButton, ElidedLabel
from console.ui.instant_replay import InstantReplay
from console.ui.login import LockScreen
from console.ui.notice import WallNotice
from console.ui.passes import PaintInPasses
from console.ui.ptz_controller import PtzController
from console.ui.ptz_panel import PtzPanel
from console.ui.screen_fit import open_within_screen
from console.ui.tour_bar import TourBar
from console.ui.tour_player import TourPlayer
from console.ui.wall_view import WallView
from console.ui.wheel import steady_wheel
from console.ui.window_store import SavedWindow
from console.ui.words import recording_trouble, say, word
from console.video.hub import StreamHub
from console.video.stream import StreamState
from console.wall.layouts import LAYOUTS, OVERVIEW_LAYOUTS
from console.wall.state import WallState
from console.wall.views import SavedView, ViewStore

RECORDING_NOTE_MAX_PX = 480  # the recording trouble's room in the status line (the whole of it in the tooltip)
NOTICE_MS = 20_000  # a notice's words stay this long in the status line (over the wall, until closed)
DISPATCH_DOCK_WIDTH_PX = 530  # the dispatch panel's dock: its widest language fits (a test measures it)


def shortcuts_help() -> str:
    keys = QCoreApplication.translate(
        "WallWindow",
        """<b>Keys</b> (they work wherever the focus is in this window, except while typing in a field)<br>
<b>The wall</b>: 1-9 select a tile &nbsp;·&nbsp; arrows move the selection &nbsp;·&nbsp; Enter enlarges the
selected tile (main stream), Esc goes back &nbsp;·&nbsp; Delete clears the selected tile<br>
Ctrl+1 … Ctrl+6: layouts 1x1, 2x2, 3x3, 4x4, 1+5, 1+7 &nbsp;·&nbsp; Ctrl+7, Ctrl+8: overview grids 5x5, 6x6<br>
Ctrl+F: search cameras &nbsp;·&nbsp; Ctrl+N: new wall window &nbsp;·&nbsp; Ctrl+W: close it
&nbsp;·&nbsp; F11: full screen<br>
Ctrl+S: save this wall as a view &nbsp;·&nbsp; Alt+1 … Alt+9: recall a saved view<br>
<b>PTZ</b>: P takes or releases control of the selected PTZ camera; while you hold it, arrows and +/- steer
(press moves, release stops), the wheel zooms and a drag in the picture steers<br>
<b>Tours</b>: Tours menu &gt; Start (a tour goes round until you stop it; Stop puts your wall back);
during a tour Space pauses/resumes, Left/Right previous/next step, H holds (the countdown stops),
Esc stops it (\u25a0 Stop in the tour bar)<br>
<b>The map</b>: the Map tab beside the camera list, or Ctrl+M for a map window of its own (a wall monitor):
a click on a camera puts it on the selected tile, a drag takes it to any tile, Shift+drag over an area fills
the wall with the cameras inside, a right-click turns a PTZ camera toward that spot; a click on an incident
shows it in the dispatch panel and the cameras that can see it &nbsp;·&nbsp; the wheel zooms, "Whole zone"
shows it all<br>
<b>Dispatch</b>: I new incident from the selected tile (its place filled in, a snapshot linked) &nbsp;·&nbsp;
Ctrl+I new incident &nbsp;·&nbsp; Ctrl+Enter in the form creates or saves it &nbsp;·&nbsp;
V video follows the selected incident &nbsp;·&nbsp; F4 shows or hides the
dispatch panel &nbsp;·&nbsp; the alert strip above the wall: a click opens the hit or the call<br>
<b>ANPR hits</b>: the "ANPR hits" tab of the dispatch panel (or a click on the strip): select a hit, its plate
crop and overview show once the viewing is logged; compare the read with the image, then record Confirmed,
Misread or Wrong list entry; only a confirmed hit becomes an incident (Make incident) &nbsp;·&nbsp; Camera on
the wall puts its camera on the selected tile<br>
<b>Priority 1</b>: a new priority-1 call pops up on every desk that handles incidents and takes no keys
(neither Enter nor Esc): Show opens it in the dispatch panel; "Acknowledge: I take it" takes it in hand,
logged in your name, and the pop-up closes on every desk; a locked desk only counts the calls that wait and
shows the pop-up once unlocked<br>
<b>Instant replay</b>: F9 plays the selected tile's recording from 10 s ago; F9 again from 30 s ago, again from
2 min ago (each from live); F10 is live again. The tile then says PLAYBACK and the picture's recording time in
a magenta band and frame (a live tile shows the age of its picture); each replay is logged with your reason
&nbsp;·&nbsp; Ctrl+P opens the selected camera's recordings in the playback window<br>
<b>Alarms</b>: by its rule an alarm's camera comes on the alarm tile over the wall (live, and beside it the
recording from 10 s before the alarm, PLAYBACK) or on a window of the wall (marked ALARM in red), logged under the
alarm's reason ("alarm 0042"); F7 closes the alarm tile (without one, gives the windows back) &nbsp;·&nbsp; a
Mobbox's tiles show its battery, uplink and an open door<br>
<b>Session</b>: R changes the reason for viewing &nbsp;·&nbsp; F8 snapshot of the selected tile (evidence)
&nbsp;·&nbsp; Ctrl+L locks the screen &nbsp;·&nbsp; Ctrl+B supervision board (team chief; Esc or Ctrl+B
closes it) &nbsp;·&nbsp; Ctrl+Shift+Q signs out &nbsp;·&nbsp; F1 this help<br><br>
<b>Mouse</b><br>
Drag a camera from the list onto a tile; drag a tile onto another to swap them;
double-click a tile to enlarge it.""",
    )
    alarm_queue = QCoreApplication.translate(
        "WallWindow",
        """<br><br><b>Alarm queue</b> (F6: the Alarms tab of the dispatch panel, the focus on its list; the most urgent
on top: priority, then the longest waiting): Enter or a double-click takes the chosen alarm &nbsp;·&nbsp; a
right-click offers Take, Hand back, Make incident and Close as... &nbsp;·&nbsp; the outcome and a note (Enter
closes) right under the list""",
    )
    return keys + alarm_queue


class HelpDialog(QDialog):
    """F1: the keys and the mouse, in a window that fits the screen (it scrolls where the screen is short)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Uitkijk \u2013 keyboard and mouse"))
        column = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setHtml(shortcuts_help())
        column.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        column.addWidget(buttons)
        open_within_screen(self, 860, 720)


class WallWindow(QMainWindow):
    new_wall_requested = Signal()
    closed = Signal(object)  # this window
    arrangement_changed = Signal()
    tile_status_changed = Signal(object, int, object)  # window, tile, state
    reason_requested = Signal()
    snapshot_requested = Signal(object, int)  # window, tile
    recordings_requested = Signal(object, int)  # window, tile: the playback window on the tile's camera
    lock_requested = Signal()
    board_requested = Signal()
    sign_out_requested = Signal()
    _camera_probed = Signal()  # from the ONVIF thread

    def __init__(
        self,
        config: CameraConfig,
        hub: StreamHub,
        state: WallState,
        number: int,
        parent: QWidget | None = None,
        directory: StreamDirectory | None = None,
        ptz: PtzController | None = None,
    ) -> None:
        super().__init__(parent)
        self.number = number
        self._config = config
        self._first_paint = PaintInPasses(self)  # the first show paints the wall, then each dock, a pass each
        self._is_shown_once = False
        self.wall = WallView(config, hub, state, self, directory, ptz)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self._central_column = column
        column.addWidget(self.wall, 1)
        self.setCentralWidget(central)
        self.notice = WallNotice(self.wall)  # over the wall: what another desk did to this one (a PTZ take-over)
        self.tour_player: TourPlayer | None = None
        self.tour_bar: TourBar | None = None
        self.alert_strip: AlertStrip | None = None
        self.ptz_panel: PtzPanel | None = None
        if ptz is not None:
            self.ptz_panel = PtzPanel(ptz, self)
            self.ptz_dock = self._add_dock(
                self.tr("PTZ"), "ptzDock", self.ptz_panel, Qt.DockWidgetArea.RightDockWidgetArea, 250
            )
            self.wall.ptz_speed = lambda: self.ptz_panel.speed_factor
            self.wall.tile_selected.connect(self._on_wall_tile_selected)
            self.wall.state_changed.connect(self._on_wall_tile_selected)
            self._ptz_service = ptz.service
            ptz.service.probed.connect(self._on_service_camera_probed)
            self._camera_probed.connect(self._on_wall_tile_selected)
        self.camera_panel = CameraPanel(config, self)
        self.camera_dock = self._add_dock(
            self.tr("Cameras"), "cameraDock", self.camera_panel, Qt.DockWidgetArea.LeftDockWidgetArea, 340
        )
        self.camera_panel.setMinimumWidth(220)
        self._build_actions()
        self._build_status_bar()
        self.wall.state_changed.connect(self._on_wall_state_changed)
        self.wall.answered.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.wall.tile_status_changed.connect(self._on_wall_tile_status_changed)
        self.camera_panel.camera_activated.connect(self._on_camera_panel_camera_activated)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(500)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)
        self._clock_timer.start()
        self._on_clock_timer_timeout()
        self._update_title()
        self.fit_to_screen(1600, 900)
        steady_wheel(self)  # (panels attached later do the same for theirs)
        # Asked before the window closes (the desk's unsaved input): False keeps it open. None: nothing to ask.
        self.close_guard: Callable[[], bool] | None = None

    def fit_to_screen(self, width_px: int, height_px: int, screen: QScreen | None = None) -> None:
        """At most the screen's free area, frame and all: on a 1366x768 desk every control is on screen."""
        open_within_screen(self, width_px, height_px, screen)

    # -- construction ----------------------------------------------------------------------
    def _add_dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea, width: int) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() keys docks by name
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        if self._first_paint.is_holding:
            self._first_paint.hold(dock)  # added while the window's first paint is under way: it waits its turn
        return dock

    def _on_service_camera_probed(self, *_: object) -> None:
        self._camera_probed.emit()  # from the ONVIF thread to this window's thread

    def _build_actions(self) -> None:
        toolbar = QToolBar(self.tr("Wall"), self)
        toolbar.setObjectName("wallToolbar")
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.layout_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        wall_menu = self.wall_menu = self.menuBar().addMenu(self.tr("&Wall"))
        overview_menu = QMenu(self.tr("Overview grids (a wall monitor, not a desk)"), self)
        for number, name in enumerate(LAYOUTS, start=1):
            action = QAction(name, self, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda checked=False, n=name: self.set_layout(n))
            group.addAction(action)
            if name in OVERVIEW_LAYOUTS:  # the desk's toolbar stays small: these are in the menu only
                action.setToolTip(
                    self.tr("Overview grid {layout} for a wall monitor (Ctrl+{number})").format(
                        layout=name, number=number
                    )
                )
                overview_menu.addAction(action)
            else:
                action.setToolTip(self.tr("Layout {layout} (Ctrl+{number})").format(layout=name, number=number))
                toolbar.addAction(action)
                wall_menu.addAction(action)
            self.layout_actions[name] = action
        wall_menu.addMenu(overview_menu)
        self.layout_actions[self.wall.state.layout_name].setChecked(True)
        toolbar.addSeparator()
        wall_menu.addSeparator()
        new_wall = QAction(self.tr("New wall window"), self)
        new_wall.setShortcut(QKeySequence("Ctrl+N"))
        new_wall.setToolTip(self.tr("Open another wall window, for another monitor (Ctrl+N)"))
        new_wall.triggered.connect(self.new_wall_requested)
        wall_menu.addAction(new_wall)  # not on the toolbar: at 1366 px the reason needs the room
        close_wall = QAction(self.tr("Close this wall window"), self)
        close_wall.setShortcut(QKeySequence("Ctrl+W"))
        close_wall.triggered.connect(self.close)
        wall_menu.addAction(close_wall)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        toggle = self.camera_dock.toggleViewAction()
        toggle.setText(self.tr("Camera list"))
        view_menu.addAction(toggle)
        self._view_menu = view_menu
        search = QAction(self.tr("Search cameras"), self)
        search.setShortcut(QKeySequence("Ctrl+F"))
        search.triggered.connect(self._on_search_action_triggered)
        view_menu.addAction(search)
        recordings = QAction(self.tr("Recordings of the selected camera"), self)
        recordings.setShortcut(QKeySequence("Ctrl+P"))
        recordings.triggered.connect(lambda: self.recordings_requested.emit(self, self.wall.state.selected))
        view_menu.addAction(recordings)
        self.recordings_action = recordings
        full_screen = QAction(self.tr("Full screen"), self, checkable=True)
        full_screen.setShortcut(QKeySequence("F11"))
        full_screen.triggered.connect(self._on_full_screen_action_triggered)
        view_menu.addAction(full_screen)
        self.full_screen_action = full_screen
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))  # the last menu: the others go before it
        keys = QAction(self.tr("Keyboard and mouse"), self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_help)
        self.help_menu.addAction(keys)
        self.help: HelpDialog | None = None
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.summary_label = QLabel(toolbar)
        self.summary_label.setObjectName("wallSummary")
        toolbar.addWidget(self.summary_label)
        self.clock_label = QLabel(toolbar)
        self.clock_label.setObjectName("clock")
        toolbar.addWidget(self.clock_label)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.back_button = QPushButton(self.tr("\u2190 Back to my wall"), self)  # after video followed an incident here
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(self.tr("Put back the wall that was here before the incident's cameras"))
        self.back_button.clicked.connect(self.go_back)
        self.back_button.hide()
        self._wall_before_follow: tuple[str, list[str | None]] | None = None
        # Back asks for the reason from before video followed first (the desk sets it): then the wall comes back.
        self.reason_for_back: Callable[[Callable[[], None]], None] | None = None
        status.addPermanentWidget(self.back_button)  # a message in the status line does not hide it
        kinds = {
            kind: sum(1 for camera in self._config.cameras if camera.kind == kind) for kind in ("fixed", "ptz", "anpr")
        }
        summary = self.tr(
            "{cameras} cameras ({fixed} fixed, {ptz} PTZ, {anpr} ANPR) in {areas} areas, {mobboxes} Mobbox units"
        ).format(
            cameras=len(self._config.cameras),
            areas=len(self._config.areas),
            mobboxes=len(self._config.mobboxes),
            **kinds,
        )
        status.addWidget(QLabel(summary, self))
        # The log's failure stays in sight whatever else the status line says: nothing new shows or moves.
        self.log_banner = QLabel(self)
        self.log_banner.setObjectName("logBanner")
        self.log_banner.hide()
        status.addPermanentWidget(self.log_banner)
        # The room's recording trouble (a recorder's full disk, cameras nobody records now): in sight, never growing.
        # Cut to the room it has (up to RECORDING_NOTE_MAX_PX), whole in the tooltip: no text or font widens the window.
        self.recording_note = ElidedLabel(self, 120)
        self.recording_note.setMaximumWidth(RECORDING_NOTE_MAX_PX)
        self.recording_note.setObjectName("wallSummary")
        self.recording_note.setProperty("alarm", True)
        self.recording_note.hide()
        status.addPermanentWidget(self.recording_note, 1)
        status.addPermanentWidget(QLabel(self.tr("Workstation {name}").format(name=workstation_name()), self))

    def show_recording_trouble(self, problems: Sequence[tuple[str, str]], unrecorded: Sequence[str]) -> None:
        """What of the room's recording is not right now (``RoomWatchers``); nothing shown when all is."""
        cameras = {camera.id: camera.name for camera in self._config.cameras}
        names = [cameras.get(camera, camera) for camera in unrecorded]
        text, tooltip = recording_trouble(problems, names)
        self.recording_note.set_full_text(text)
        self.recording_note.setToolTip("\n".join(part for part in (text, tooltip) if part))
        self.recording_note.setVisible(bool(text))

    def _add_menu(self, title: str) -> QMenu:
        """A menu of the menu bar, before Help: Help stays the last one, as on every desktop."""
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        return menu

    def show_help(self) -> None:
        if self.help is None:
            self.help = HelpDialog(self)
        self.help.show()
        self.help.raise_()
        self.help.activateWindow()

    # -- actions ----------------------------------------------------------------------------
    def set_layout(self, name: str) -> None:
        self.wall.set_layout(name)
        self.layout_actions[name].setChecked(True)
        self._update_title()

    def saved(self) -> SavedWindow:
        state = self.wall.state
        before = self.tour_player.wall_before if self.tour_player is not None else None
        before = self._wall_before_follow or before  # an incident's cameras, or a tour: not the operator's wall
        if before is not None:  # the wall the operator set up is what comes back
            state = WallState(before[0], list(before[1]), state.selected)
        return SavedWindow(
            state,
            bytes(self.saveGeometry().toBase64()).decode(),
            bytes(self.saveState().toBase64()).decode(),
            self.isFullScreen(),
        )

    def restore_saved(self, saved: SavedWindow) -> None:
        self._saved_window_state = saved.window_state
        if saved.geometry:
            self.restoreGeometry(QByteArray.fromBase64(saved.geometry.encode()))
            self.fit_to_screen(self.width(), self.height())  # saved on a bigger screen: it still fits this one
        if saved.window_state:
            self.restoreState(QByteArray.fromBase64(saved.window_state.encode()))
        if saved.is_full_screen:
            self.full_screen_action.setChecked(True)

    def update_summary(self, states: list[StreamState | None]) -> None:
        live = sum(1 for state in states if state == StreamState.LIVE)
        lost = sum(1 for state in states if state == StreamState.NO_SIGNAL)
        connecting = sum(1 for state in states if state == StreamState.CONNECTING)
        parts = [self.tr("{count} live").format(count=live)]
        if connecting:
            parts.append(self.tr("{count} connecting").format(count=connecting))
        if lost:
            parts.append(self.tr("{count} NO SIGNAL").format(count=lost))
        self.summary_label.setText(" \u00b7 ".join(parts))
        alarm = "true" if lost else "false"
        if self.summary_label.property("alarm") != alarm:
            self.summary_label.setProperty("alarm", alarm)
            self.summary_label.style().unpolish(self.summary_label)
            self.summary_label.style().polish(self.summary_label)

    def _update_title(self) -> None:
        self.setWindowTitle(
            self.tr("Uitkijk \u2013 wall {number} \u00b7 {layout}").format(
                number=self.number, layout=self.wall.state.layout_name
            )
        )

    # -- slots --------------------------------------------------------------------------------
    def _on_wall_state_changed(self) -> None:
        self._update_title()
        self.layout_actions[self.wall.state.layout_name].setChecked(True)  # a tour or a view may change it
        self.arrangement_changed.emit()

    def _on_wall_tile_status_changed(self, tile: int, state: object) -> None:
        self.tile_status_changed.emit(self, tile, state)

    # -- tours and saved views ------------------------------------------------------------------
    def attach_tours(self, player: TourPlayer, tours_provider: Callable[[], tuple[Tour, ...]],
                     tours_saver: Callable[[list[Tour]], None], views: ViewStore) -> None:  # fmt: skip
        """Give this window its tour player, the Tours menu and the Views menu."""
        self.tour_player = player
        self.tour_bar = TourBar(player, {camera.id: camera.name for camera in self._config.cameras}, self)
        self._central_column.insertWidget(0, self.tour_bar)
        self._tours_provider, self._tours_saver, self._views = tours_provider, tours_saver, views
        self.tours_menu = self._add_menu(self.tr("&Tours"))
        self.tours_menu.aboutToShow.connect(self._fill_tours_menu)
        self.views_menu = self._add_menu(self.tr("Vie&ws"))
        self.views_menu.aboutToShow.connect(self._fill_views_menu)
        self._view_shortcuts: list[QAction] = []
        self._install_view_shortcuts()
        player.ended.connect(self._on_tour_ended)

    def _on_tour_ended(self, outcome: str) -> None:
        said = self.tr("Tour completed") if outcome == "completed" else self.tr("Tour stopped")
        self.statusBar().showMessage(said, 8000)

    def _fill_tours_menu(self) -> None:
        menu = self.tours_menu
        menu.clear()
        tours = self._tours_provider()
        for tour in tours:
            action = menu.addAction(
                self.tr("Start \u201c{tour}\u201d  ({steps} steps, {seconds} s)").format(
                    tour=tour.name, steps=len(tour.steps), seconds=f"{tour.length_s:.0f}"
                )
            )
            action.triggered.connect(lambda checked=False, t=tour: self.start_tour(t))
        if not tours:
            menu.addAction(self.tr("No tours yet")).setEnabled(False)
        menu.addSeparator()
        stop = menu.addAction(self.tr("Stop the tour") + "\tEsc")
        stop.setEnabled(self.tour_player is not None and self.tour_player.is_running)
        stop.triggered.connect(self.stop_tour)
        menu.addSeparator()
        new = menu.addAction(self.tr("New tour from this wall\u2026"))
        new.triggered.connect(self._on_new_tour_triggered)
        add_to = QMenu(self.tr("Add this wall as a step to"), menu)
        for tour in tours:
            add_to.addAction(tour.name).triggered.connect(lambda checked=False, t=tour: self._add_step_to(t))
        add_to.setEnabled(bool(tours))
        menu.addMenu(add_to)

    def start_tour(self, tour: Tour) -> None:
        if self.tour_player is not None:
            self.tour_player.start(tour)
            self.wall.setFocus()

    def stop_tour(self) -> None:
        """Stop the tour: the wall from before it comes back."""
        if self.tour_player is not None:
            self.tour_player.stop()

    def _current_step(self) -> TourStep:
        return TourStep(self.wall.state.layout_name, tuple(self.wall.state.visible()))

    def _on_new_tour_triggered(self) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("New tour"), self.tr("Name of the tour:"))
        if not accepted or not name.strip():
            return
        tours = list(self._tours_provider())
        base = "".join(char if char.isalnum() else "-" for char in name.strip().lower()).strip("-") or "tour"
        tour_id, number = base, 2
        while any(existing.id == tour_id for existing in tours):
            tour_id, number = f"{base}-{number}", number + 1
        self._tours_saver([*tours, Tour(tour_id, name.strip(), None, (self._current_step(),))])
        self.statusBar().showMessage(
            self.tr("Tour \u201c{tour}\u201d saved with one step").format(tour=name.strip()), 6000
        )

    def _add_step_to(self, tour: Tour) -> None:
        tours = [replace(t, steps=(*t.steps, self._current_step())) if t.id == tour.id else t
                 for t in self._tours_provider()]  # fmt: skip
        self._tours_saver(tours)
        self.statusBar().showMessage(self.tr("Step added to \u201c{tour}\u201d").format(tour=tour.name), 6000)

    def _fill_views_menu(self) -> None:
        menu = self.views_menu
        menu.clear()
        save = menu.addAction(self.tr("Save this wall as a view\u2026") + "\tCtrl+S")  # the window holds the shortcut
        save.triggered.connect(self._on_save_view_triggered)
        menu.addSeparator()
        for number, view in enumerate(self._views.load(), start=1):
            hint = f"\tAlt+{number}" if number <= 9 else ""
            action = menu.addAction(f"{view.name}  ({view.layout}){hint}")
            action.triggered.connect(lambda checked=False, v=view: self.recall_view(v))

    def _install_view_shortcuts(self) -> None:
        for number in range(1, 10):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda checked=False, n=number: self._recall_number(n))
            self.addAction(action)
        save = QAction(self)
        save.setShortcut(QKeySequence("Ctrl+S"))
        save.triggered.connect(self._on_save_view_triggered)
        self.addAction(save)

    def _recall_number(self, number: int) -> None:
        views = self._views.load()
        if number <= len(views):
            self.recall_view(views[number - 1])

    def show_for_incident(self, view: SavedView) -> None:
        """The incident's cameras on this wall, with a way back to what was here (the wall from before a tour)."""
        if self._wall_before_follow is None:  # following a second incident still goes back to the operator's wall
            state = self.wall.state
            before_tour = self.tour_player.wall_before if self.tour_player is not None else None
            layout, assignments = before_tour or (state.layout_name, state.assignments)
            self._wall_before_follow = (layout, list(assignments))
        self.recall_view(view)
        self.back_button.show()

    def go_back(self) -> None:
        """Back to the wall from before video followed, under the reason from before (set first, when it changes)."""
        if self._wall_before_follow is None:
            return
        if self.reason_for_back is not None:
            self.reason_for_back(self._put_wall_back)
        else:
            self._put_wall_back()

    def _put_wall_back(self) -> None:
        if self._wall_before_follow is None:
            return
        layout, assignments = self._wall_before_follow
        self._wall_before_follow = None
        self.back_button.hide()
        self.wall.show_step(layout, assignments)
        self.layout_actions[layout].setChecked(True)
        self.statusBar().showMessage(self.tr("Back to your wall"), 4000)

    def recall_view(self, view: SavedView) -> None:
        if self.tour_player is not None and self.tour_player.is_running:
            self.tour_player.stop_keeping_wall()  # the view replaces the tour
        count = LAYOUTS[view.layout].tile_count  # a tile the view leaves empty shows nothing (not what was there)
        self.wall.show_step(view.layout, list(view.cameras)[:count] + [None] * (count - len(view.cameras)))
        self.layout_actions[view.layout].setChecked(True)
        self.statusBar().showMessage(self.tr("View \u201c{view}\u201d").format(view=view.name), 4000)

    def _on_save_view_triggered(self) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of this view:"))
        if accepted and name.strip():
            self._views.put(SavedView(name.strip(), self.wall.state.layout_name, tuple(self.wall.state.visible())))
            self.statusBar().showMessage(self.tr("View \u201c{view}\u201d saved").format(view=name.strip()), 4000)

    def _on_wall_tile_selected(self, *_: object) -> None:
        if self.ptz_panel is not None:
            tiles = self.wall.tiles
            self.ptz_panel.show_camera(tiles[self.wall.state.selected].camera if tiles else None)

    def _on_camera_panel_camera_activated(self, camera_id: str) -> None:
        self.wall.assign_to_selected(camera_id)
        self.wall.setFocus()

    def _on_search_action_triggered(self) -> None:
        self.camera_dock.show()
        self.camera_panel.search.setFocus()
        self.camera_panel.search.selectAll()

    def _on_full_screen_action_triggered(self, checked: bool) -> None:
        self.showFullScreen() if checked else self.showNormal()

    def _on_clock_timer_timeout(self) -> None:
        now = time.time()  # the day in the user's language: "za 28 nov."
        day = QLocale().toString(QDateTime.currentDateTime(), "ddd d MMM")
        self.clock_label.setText(f"{day}  " + time.strftime("%H:%M:%S", time.localtime(now))
                                 + time.strftime("  (%H:%M UTC)", time.gmtime(now)))  # fmt: skip

    # -- accountability -------------------------------------------------------------------------
    def attach_session(self, accountability: Accountability, can_supervise: bool) -> None:
        """Who is signed in, the reason always in sight (R changes it), snapshot, lock, sign out."""
        self.accountability = accountability
        session = accountability.session
        toolbar = self.findChild(QToolBar, "wallToolbar")
        self.reason_button = ElidedButton(self, 160, 640)  # a long reason is cut: the toolbar keeps its clock
        self.reason_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.reason_button.setObjectName("reasonButton")
        self.reason_button.setToolTip(self.tr("The reason for viewing that covers this wall: R changes it"))
        self.reason_button.clicked.connect(self.reason_requested)
        toolbar.insertWidget(toolbar.actions()[len(LAYOUTS) - len(OVERVIEW_LAYOUTS)], self.reason_button)
        who = QLabel(f"{session.user.full_name} · {word(session.role)}", self)
        who.setObjectName("sessionLabel")
        self.statusBar().addPermanentWidget(who)
        menu = self._add_menu(self.tr("&Session"))
        entries = [(self.tr("Change the reason for viewing…"), "R", self.reason_requested.emit),
                   (self.tr("Snapshot of the selected tile (evidence)"), "F8",
                    lambda: self.snapshot_requested.emit(self, self.wall.state.selected)),
                   (self.tr("Lock the screen"), "Ctrl+L", self.lock_requested.emit)]  # fmt: skip
        if can_supervise:
            entries.append((self.tr("Supervision board"), "Ctrl+B", self.board_requested.emit))
        entries.append((self.tr("Sign out (change user)"), "Ctrl+Shift+Q", self.sign_out_requested.emit))
        for text, keys, slot in entries:
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
        self.lock_screen = LockScreen(
            self.tr("{user} ({role}) on {workstation}").format(
                user=session.user.full_name, role=word(session.role), workstation=session.workstation
            ),
            self,
        )
        accountability.reason_changed.connect(self._show_reason)
        accountability.refused.connect(self._show_refusal)
        accountability.log_failed.connect(self._show_log_failure)
        accountability.log_recovered.connect(self._show_log_recovered)
        self._show_reason(session.reason)

    def attach_alarm_tile(self, tile: QWidget) -> None:
        """The alarm tile over the wall (it shows itself when an alarm brings a camera): the wall's tiles stay."""
        self._central_column.insertWidget(self._central_column.indexOf(self.wall), tile)

    def attach_replay(self, replay: InstantReplay) -> None:
        """Instant replay on this wall's tiles (F9 back, F10 live), in the Wall menu; the keys work wherever the
        focus is in the window, like the wall's other actions."""
        self.instant_replay = replay
        wall_menu = self.wall_menu
        wall_menu.addSeparator()
        back = QAction(self.tr("Instant replay of the selected tile (10 s, again 30 s, again 2 min)"), self)
        back.setShortcut(QKeySequence("F9"))
        back.triggered.connect(lambda: replay.back())
        back.setToolTip(self.tr("F9: the selected tile's recording from 10 s ago; again: 30 s, again: 2 min"))
        live = QAction(self.tr("Back to live"), self)
        live.setShortcut(QKeySequence("F10"))
        live.triggered.connect(lambda: replay.live())
        for action in (back, live):
            wall_menu.addAction(action)
            self.addAction(action)

    def _restore_dock_places(self) -> None:
        """A dock that joined after the saved state was applied: apply it again for the dock's place."""
        saved_state = getattr(self, "_saved_window_state", None)
        if saved_state:
            self.restoreState(QByteArray.fromBase64(saved_state.encode()))

    def attach_map(self, panel: QWidget, open_window: Callable[[], object]) -> None:
        """The map as a dock beside the camera list, and the way to a map window of its own (Ctrl+M)."""
        self.map_panel = panel
        self.map_dock = self._add_dock(self.tr("Map"), "mapDock", panel, Qt.DockWidgetArea.LeftDockWidgetArea, 340)
        self.tabifyDockWidget(self.camera_dock, self.map_dock)
        self.camera_dock.raise_()  # the list stays in front; the map is one click (or Ctrl+M) away
        toggle = self.map_dock.toggleViewAction()
        toggle.setText(self.tr("Map"))
        self._view_menu.addAction(toggle)
        window = QAction(self.tr("Map window (for a wall monitor)"), self)
        window.setShortcut(QKeySequence("Ctrl+M"))
        window.triggered.connect(open_window)
        self._view_menu.addAction(window)
        self._restore_dock_places()

    def attach_dispatch(self, panel: QWidget, incident_from_tile: Callable[[], None],
                        follow_choices: Callable[[], list[tuple[int, str, bool]]] | None = None,
                        choose_follow: Callable[[int], None] | None = None) -> None:  # fmt: skip
        """The dispatch panel as a dock, and the keys that make an incident from what the wall shows.

        ``follow_choices`` lists the wall windows video may follow to (number, title, is chosen);
        ``choose_follow`` takes the operator's choice.
        """
        self.dispatch_panel = panel
        scroller = QScrollArea(self)  # a short screen scrolls the panel: every control stays reachable
        scroller.setObjectName("dispatchScroller")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(panel)
        self.dispatch_scroller = scroller
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.dispatch_dock = self._add_dock(
            self.tr("Dispatch"), "dispatchDock", scroller, right, DISPATCH_DOCK_WIDTH_PX
        )
        if self.ptz_panel is not None:  # one column on the right: dispatch in front, PTZ when P takes control
            self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)
            self.tabifyDockWidget(self.ptz_dock, self.dispatch_dock)
            self.wall.ptz_control_asked.connect(lambda _: self.ptz_dock.raise_())
        self._restore_dock_places()
        QTimer.singleShot(0, self.dispatch_dock.raise_)
        menu = self._add_menu(self.tr("&Dispatch"))
        entries = [(self.tr("New incident from the selected tile"), "I", incident_from_tile),
                   (self.tr("New incident"), "Ctrl+I", panel.new_incident),
                   (self.tr("Video follows the selected incident"), "V", panel.follow_current)]  # fmt: skip
        for text, keys, slot in entries:
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
        if follow_choices is not None and choose_follow is not None:
            targets = menu.addMenu(self.tr("Video follows to"))
            targets.aboutToShow.connect(lambda: self._fill_follow_menu(targets, follow_choices(), choose_follow))
        toggle = self.dispatch_dock.toggleViewAction()
        toggle.setText(self.tr("Dispatch panel"))
        toggle.setShortcut(QKeySequence("F4"))
        menu.addAction(toggle)
        panel.message_shown.connect(lambda text: self.statusBar().showMessage(say(text), 8000))
        self.attach_alert_strip(panel.alerts, panel.open_target)
        panel.alerts_changed.connect(self._on_panel_alerts_changed)
        panel.focus_requested.connect(self._bring_dispatch_in_front)

    def attach_alert_strip(self, alerts: list, open_target: Callable[[str], None]) -> AlertStrip:
        """The desk's alerts across the top of this wall: every wall window carries them, not only the main one."""
        if self.alert_strip is None:
            self.alert_strip = AlertStrip(self)
            self._central_column.insertWidget(0, self.alert_strip)
            self.alert_strip.opened.connect(open_target)
        self.alert_strip.show_alerts(alerts)
        return self.alert_strip

    @staticmethod
    def _fill_follow_menu(menu: QMenu, choices: list[tuple[int, str, bool]], choose: Callable[[int], None]) -> None:
        menu.clear()
        for number, title, is_chosen in choices:
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(is_chosen)
            action.triggered.connect(lambda checked=False, n=number: choose(n))

    def _on_panel_alerts_changed(self, alerts: list) -> None:
        """The strip shows them; the dock's tab carries the count, whichever dock is in front."""
        assert self.alert_strip is not None
        self.alert_strip.show_alerts(alerts)
        count = things_waiting(alerts)
        self.dispatch_dock.setWindowTitle(f"{self.tr('Dispatch')} \u26a0 {count}" if count else self.tr("Dispatch"))

    def _bring_dispatch_in_front(self) -> None:
        self.dispatch_dock.show()
        self.dispatch_dock.raise_()

    def _show_reason(self, reason: object) -> None:
        if reason is None:
            self.reason_button.set_full_text(self.tr("No reason for viewing: press R"))
            self.reason_button.setProperty("missing", True)
        else:
            self.reason_button.set_full_text(self.tr("Reason: {reason}").format(reason=word(reason)))
            self.reason_button.setProperty("missing", False)
        self.reason_button.style().unpolish(self.reason_button)
        self.reason_button.style().polish(self.reason_button)

    def show_notice(self, text: str) -> None:
        """Something another desk did to this one (a camera taken over): in the status line and over the wall."""
        self.statusBar().showMessage(text, NOTICE_MS)
        self.notice.show_text(text)

    def _show_refusal(self, why: object) -> None:
        self.statusBar().showMessage(self.tr("Not done: {why}").format(why=say(why)), 10000)

    def _show_log_failure(self, why: object) -> None:
        self.statusBar().showMessage(self.tr("Not done: {why}").format(why=say(why)))
        self.log_banner.setText(self.tr("The audit log cannot be written: nothing new is shown or moved"))
        self.log_banner.setToolTip(say(why))
        self.log_banner.show()  # stays until the log can be written again

    def _show_log_recovered(self) -> None:
        self.log_banner.hide()
        self.statusBar().showMessage(self.tr("The audit log is written again."), 10000)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._is_shown_once:
            self._is_shown_once = True
            mark("window shown")
            for part in (self.centralWidget(), *self.findChildren(QDockWidget)):
                self._first_paint.hold(part)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()  # the operator is asked first (Save, Discard or Cancel)
            return
        self._clock_timer.stop()
        if self.tour_player is not None:
            self.tour_player.shutdown()
        if getattr(self, "_ptz_service", None) is not None:
            self._ptz_service.probed.disconnect(self._on_service_camera_probed)
        self.closed.emit(self)
        super().closeEvent(event)
