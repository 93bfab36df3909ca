"""A wall window: the wall grid, the camera list, layouts and the wall's state at a glance."""

from __future__ import annotations

import socket
import time

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QSizePolicy, QToolBar, QWidget

from console.config.loader import CameraConfig
from console.onvif.directory import StreamDirectory
from console.ui.camera_tree import CameraPanel
from console.ui.ptz_controller import PtzController
from console.ui.ptz_panel import PtzPanel
from console.ui.wall_view import WallView
from console.ui.window_store import SavedWindow
from console.video.hub import StreamHub
from console.video.stream import StreamState
from console.wall.layouts import LAYOUTS
from console.wall.state import WallState

SHORTCUTS_HELP = """<b>Keyboard</b><br>
1-9: select tile &nbsp;·&nbsp; arrows: move selection<br>
Enter: enlarge the selected tile (main stream) &nbsp;·&nbsp; Esc: back to the grid<br>
Delete: clear the selected tile<br>
P: take or release control of the selected PTZ camera; while you hold it, arrows and +/- steer
(press moves, release stops), the wheel zooms and a drag in the picture steers<br>
Ctrl+1 … Ctrl+6: layouts 1x1, 2x2, 3x3, 4x4, 1+5, 1+7<br>
Ctrl+F: search cameras &nbsp;·&nbsp; Ctrl+N: new wall window &nbsp;·&nbsp; F11: full screen<br><br>
<b>Mouse</b><br>
Drag a camera from the list onto a tile; drag a tile onto another to swap them;
double-click a tile to enlarge it."""


class WallWindow(QMainWindow):
    new_wall_requested = Signal()
    closed = Signal(object)  # this window
    arrangement_changed = Signal()
    tile_status_changed = Signal(object, int, object)  # window, tile, state
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
        self.is_closing_with_app = False
        self._config = config
        self.wall = WallView(config, hub, state, self, directory, ptz)
        self.setCentralWidget(self.wall)
        self.ptz_panel: PtzPanel | None = None
        if ptz is not None:
            self.ptz_panel = PtzPanel(ptz, self)
            self.ptz_dock = self._add_dock("PTZ", "ptzDock", self.ptz_panel, Qt.DockWidgetArea.RightDockWidgetArea, 250)
            self.wall.ptz_speed = lambda: self.ptz_panel.speed_factor
            self.wall.tile_selected.connect(self._on_wall_tile_selected)
            self.wall.state_changed.connect(self._on_wall_tile_selected)
            self._ptz_service = ptz.service
            ptz.service.subscribe(self._on_service_camera_probed)
            self._camera_probed.connect(self._on_wall_tile_selected)
        self.camera_panel = CameraPanel(config, self)
        self.camera_dock = self._add_dock(
            "Cameras", "cameraDock", self.camera_panel, Qt.DockWidgetArea.LeftDockWidgetArea, 300
        )
        self._build_actions()
        self._build_status_bar()
        self.wall.state_changed.connect(self._on_wall_state_changed)
        self.wall.tile_status_changed.connect(self._on_wall_tile_status_changed)
        self.camera_panel.camera_activated.connect(self._on_camera_panel_camera_activated)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(500)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)
        self._clock_timer.start()
        self._on_clock_timer_timeout()
        self._update_title()
        self.resize(1600, 900)

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
        return dock

    def _on_service_camera_probed(self, *_: object) -> None:
        self._camera_probed.emit()  # from the ONVIF thread to this window's thread

    def _build_actions(self) -> None:
        toolbar = QToolBar("Wall", self)
        toolbar.setObjectName("wallToolbar")
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.layout_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        wall_menu = self.menuBar().addMenu("&Wall")
        for number, name in enumerate(LAYOUTS, start=1):
            action = QAction(name, self, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(f"Layout {name} (Ctrl+{number})")
            action.triggered.connect(lambda checked=False, n=name: self.set_layout(n))
            group.addAction(action)
            toolbar.addAction(action)
            wall_menu.addAction(action)
            self.layout_actions[name] = action
        self.layout_actions[self.wall.state.layout_name].setChecked(True)
        toolbar.addSeparator()
        wall_menu.addSeparator()
        new_wall = QAction("New wall window", self)
        new_wall.setShortcut(QKeySequence("Ctrl+N"))
        new_wall.setToolTip("Open another wall window, for another monitor (Ctrl+N)")
        new_wall.triggered.connect(self.new_wall_requested)
        toolbar.addAction(new_wall)
        wall_menu.addAction(new_wall)
        close_wall = QAction("Close this wall window", self)
        close_wall.setShortcut(QKeySequence("Ctrl+W"))
        close_wall.triggered.connect(self.close)
        wall_menu.addAction(close_wall)
        view_menu = self.menuBar().addMenu("&View")
        toggle = self.camera_dock.toggleViewAction()
        toggle.setText("Camera list")
        view_menu.addAction(toggle)
        self._view_menu = view_menu
        search = QAction("Search cameras", self)
        search.setShortcut(QKeySequence("Ctrl+F"))
        search.triggered.connect(self._on_search_action_triggered)
        view_menu.addAction(search)
        full_screen = QAction("Full screen", self, checkable=True)
        full_screen.setShortcut(QKeySequence("F11"))
        full_screen.triggered.connect(self._on_full_screen_action_triggered)
        view_menu.addAction(full_screen)
        self.full_screen_action = full_screen
        help_menu = self.menuBar().addMenu("&Help")
        keys = QAction("Keyboard and mouse", self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(
            lambda: QMessageBox.information(self, "Uitkijk \u2013 keyboard and mouse", SHORTCUTS_HELP)
        )
        help_menu.addAction(keys)
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
        status.addWidget(QLabel(self._config.summary(), self))
        status.addPermanentWidget(QLabel(f"Workstation {socket.gethostname()}", self))

    # -- actions ----------------------------------------------------------------------------
    def set_layout(self, name: str) -> None:
        self.wall.set_layout(name)
        self.layout_actions[name].setChecked(True)
        self._update_title()

    def saved(self) -> SavedWindow:
        return SavedWindow(
            self.wall.state,
            bytes(self.saveGeometry().toBase64()).decode(),
            bytes(self.saveState().toBase64()).decode(),
            self.isFullScreen(),
        )

    def restore_saved(self, saved: SavedWindow) -> None:
        if saved.geometry:
            self.restoreGeometry(QByteArray.fromBase64(saved.geometry.encode()))
        if saved.window_state:
            self.restoreState(QByteArray.fromBase64(saved.window_state.encode()))
        if saved.is_full_screen:
            self.full_screen_action.setChecked(True)

    def update_summary(self, states: list[StreamState | None]) -> None:
        live = sum(1 for state in states if state == StreamState.LIVE)
        lost = sum(1 for state in states if state == StreamState.NO_SIGNAL)
        connecting = sum(1 for state in states if state == StreamState.CONNECTING)
        parts = [f"{live} live"]
        if connecting:
            parts.append(f"{connecting} connecting")
        if lost:
            parts.append(f"{lost} NO SIGNAL")
        self.summary_label.setText(" \u00b7 ".join(parts))
        alarm = "true" if lost else "false"
        if self.summary_label.property("alarm") != alarm:
            self.summary_label.setProperty("alarm", alarm)
            self.summary_label.style().unpolish(self.summary_label)
            self.summary_label.style().polish(self.summary_label)

    def _update_title(self) -> None:
        self.setWindowTitle(f"Uitkijk \u2013 wall {self.number} \u00b7 {self.wall.state.layout_name}")

    # -- slots --------------------------------------------------------------------------------
    def _on_wall_state_changed(self) -> None:
        self._update_title()
        self.arrangement_changed.emit()

    def _on_wall_tile_status_changed(self, tile: int, state: object) -> None:
        self.tile_status_changed.emit(self, tile, state)

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
        now = time.time()
        self.clock_label.setText(
            time.strftime("%a %d %b  %H:%M:%S", time.localtime(now)) + time.strftime("  (%H:%M UTC)", time.gmtime(now))
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._clock_timer.stop()
        if getattr(self, "_ptz_service", None) is not None:
            self._ptz_service.unsubscribe(self._on_service_camera_probed)
        self.closed.emit(self)
        super().closeEvent(event)
