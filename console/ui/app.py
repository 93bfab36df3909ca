"""The console application: wall windows over one stream hub, their arrangement kept between runs."""

from __future__ import annotations

import gc
import logging
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from console.config.loader import CameraConfig
from console.onvif.directory import StreamDirectory
from console.onvif.service import OnvifService
from console.paths import RESOURCES_DIR, AppPaths
from console.ptz.lease import LeaseBoard
from console.store.sqlite import Store
from console.tours.config import save_tours
from console.tours.model import Tour
from console.ui.main_window import WallWindow
from console.ui.ptz_controller import PtzController, local_holder
from console.ui.tour_player import TourPlayer
from console.ui.window_store import SavedArrangement, SavedWindow, WindowStore
from console.video.hub import StreamHub
from console.video.stream import StreamState
from console.wall.state import WallState
from console.wall.views import ViewStore

LOGGER = logging.getLogger("uitkijk.ui")
STATE_PRIORITY = {StreamState.LIVE: 3, StreamState.CONNECTING: 2, StreamState.NO_SIGNAL: 1}


@dataclass
class RunOptions:
    layout: str | None = None
    screenshot: Path | None = None
    exit_after_s: float | None = None


def settle_runtime() -> None:
    """After start-up: move everything built so far out of the garbage collector's sight.

    A full collection walks every live object; with Qt wrappers and frame buffers that can
    stall the GUI thread for tens of milliseconds. Frozen objects are never walked again.
    """
    gc.collect()
    gc.freeze()


def load_theme(app: QApplication) -> None:
    theme = RESOURCES_DIR / "theme.qss"
    app.setStyleSheet(theme.read_text(encoding="utf-8"))


class Console(QObject):
    """Owns the wall windows, the shared stream hub and the saved arrangement."""

    def __init__(self, config: CameraConfig, paths: AppPaths, hub: StreamHub | None = None,
                 tours: tuple[Tour, ...] = ()) -> None:  # fmt: skip
        super().__init__()
        self.config = config
        self.paths = paths
        self.hub = hub or StreamHub()
        self.tours = tuple(tours)
        self.records = Store(paths.data_dir)  # the SQLite store: tour log, later the audit log
        self.user = local_holder()
        self.views = ViewStore(paths.settings_dir, self.user.user)
        self.directory = StreamDirectory(config.cameras, paths.data_dir / "onvif-streams.json")
        self.onvif = OnvifService(config.cameras, self.directory)
        if self.onvif.camera_ids:
            self.onvif.warm_up()
        self.leases = LeaseBoard()
        self.ptz = PtzController(self.onvif, self.leases, parent=self)
        self.window_store = WindowStore(paths.settings_dir)
        self.windows: list[WallWindow] = []
        self._tile_states: dict[tuple[int, int], tuple[str, StreamState | None]] = {}
        self._is_quitting = False
        self._fully_live: set[int] = set()

    def open(self, layout: str | None = None) -> WallWindow:
        saved = self.window_store.load()
        if not saved.windows:  # first start: fill the wall so the operator sees cameras at once
            first = WallState(layout) if layout else WallState()
            first.fill([camera.id for camera in self.config.cameras])
            saved = SavedArrangement([SavedWindow(first)])
        for saved_window in saved.windows:
            window = self._add_window(saved_window.wall)
            window.restore_saved(saved_window)
        if layout:
            self.windows[0].set_layout(layout)
        for window in self.windows:
            window.show()
        if self.onvif.camera_ids:
            self.onvif.start()  # in the background: tiles say "finding the streams" until it answers
        return self.windows[0]

    def new_wall(self) -> WallWindow:
        window = self._add_window(WallState())
        window.camera_dock.hide()  # extra monitors show the wall; the list is a key press away
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # a new wall goes to the next monitor, filling it
            current = self.windows[0].screen()
            start = screens.index(current) if current in screens else 0
            target = screens[(start + len(self.windows) - 1) % len(screens)]
            window.setGeometry(target.availableGeometry())
        window.show()
        self.save()
        return window

    def _add_window(self, state: WallState) -> WallWindow:
        number = max((window.number for window in self.windows), default=0) + 1
        window = WallWindow(self.config, self.hub, state, number, None, self.directory, self.ptz)
        window.new_wall_requested.connect(self.new_wall)
        window.closed.connect(self._on_window_closed)
        window.arrangement_changed.connect(self.save)
        window.tile_status_changed.connect(self._on_window_tile_status_changed)
        player = TourPlayer(window.wall, self.hub, self.ptz, self.records, f"wall {number}", self.user, parent=window)
        window.attach_tours(player, lambda: self.tours, self.save_tours, self.views)
        self.windows.append(window)
        for tile in window.wall.tiles:
            self._on_window_tile_status_changed(window, tile.index, tile.display().state if tile.camera else None)
        return window

    def save_tours(self, tours) -> None:
        """The console's tour editing: written back to tours.yaml (checked again on the next start)."""
        try:
            save_tours(self.config.folder, tuple(tours))
            self.tours = tuple(tours)
        except OSError as error:
            LOGGER.error("could not save the tours: %s", error)

    def save(self) -> None:
        if self.windows:
            try:
                self.window_store.save(SavedArrangement([window.saved() for window in self.windows]))
            except OSError as error:
                LOGGER.warning("could not save the window arrangement: %s", error)

    def camera_state(self, camera_id: str) -> StreamState | None:
        states = [state for (cam, state) in self._tile_states.values() if cam == camera_id and state is not None]
        return max(states, key=lambda state: STATE_PRIORITY.get(state, 0), default=None)

    def _on_window_tile_status_changed(self, window: WallWindow, tile: int, state: StreamState | None) -> None:
        key = (window.number, tile)
        previous = self._tile_states.get(key)
        camera = window.wall.tiles[tile].camera if tile < len(window.wall.tiles) else None
        if camera is None:
            self._tile_states.pop(key, None)
        else:
            self._tile_states[key] = (camera.id, state)
        touched = {camera.id} if camera else set()
        if previous:
            touched.add(previous[0])
        for camera_id in touched:
            camera_state = self.camera_state(camera_id)
            for each in self.windows:
                each.camera_panel.model.set_camera_state(camera_id, camera_state)
        for each in self.windows:
            each.update_summary([self._tile_states[k][1] for k in self._tile_states if k[0] == each.number])
        self._note_first_full_wall(window)

    def _note_first_full_wall(self, window: WallWindow) -> None:
        """Log once when every camera tile of a window is live: the start-up time operators feel."""
        if window.number in self._fully_live:
            return
        states = [self._tile_states.get((window.number, tile.index)) for tile in window.wall.tiles if tile.camera]
        if states and all(entry and entry[1] == StreamState.LIVE for entry in states):
            self._fully_live.add(window.number)
            since_start = time.time() - psutil.Process().create_time()
            LOGGER.info(
                "wall %d: all %d camera tiles live, %.2f s after start", window.number, len(states), since_start
            )

    def _on_window_closed(self, window: WallWindow) -> None:
        if self._is_quitting:
            return
        if window is self.windows[0]:
            self.quit()  # closing the main wall ends the console; the arrangement is kept
            return
        self.windows.remove(window)
        window.wall.shutdown()
        for key in [key for key in self._tile_states if key[0] == window.number]:
            self._on_window_tile_status_changed(window, key[1], None)
            self._tile_states.pop(key, None)
        self.save()
        window.deleteLater()

    def quit(self) -> None:
        if self._is_quitting:
            return
        self.save()
        self._is_quitting = True
        for window in self.windows:
            window.wall.shutdown()
            window.close()
        QApplication.instance().quit()

    def shutdown(self, timeout_s: float = 6.0) -> bool:
        """Release every stream and wait for the reader threads to end."""
        if not self._is_quitting:
            self.save()
            self._is_quitting = True
        for window in self.windows:
            window.wall.shutdown()
        self.ptz.shutdown()
        is_onvif_done = self.onvif.shutdown(timeout_s)
        self.records.close()
        return self.hub.shutdown(timeout_s) and is_onvif_done


def run_console(config: CameraConfig, paths: AppPaths, options: RunOptions, tours: tuple[Tour, ...] = ()) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Uitkijk")
    app.setDesktopFileName("uitkijk")
    app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / "uitkijk.svg")))
    load_theme(app)
    console = Console(config, paths, tours=tours)
    main_window = console.open(options.layout)
    settle_runtime()
    result = {"code": 0}

    if options.exit_after_s is not None:

        def finish() -> None:
            if options.screenshot is not None:
                options.screenshot.parent.mkdir(parents=True, exist_ok=True)
                if not main_window.grab().save(str(options.screenshot)):
                    LOGGER.error("could not write the screenshot to %s", options.screenshot)
                    result["code"] = 1
                else:
                    LOGGER.info("screenshot saved to %s", options.screenshot)
            console.quit()

        QTimer.singleShot(int(options.exit_after_s * 1000), finish)

    # Ctrl+C in the terminal ends the console cleanly: let Python see signals between Qt events.
    signal.signal(signal.SIGINT, lambda *_: console.quit())
    signal.signal(signal.SIGTERM, lambda *_: console.quit())
    heartbeat = QTimer()
    heartbeat.start(200)
    heartbeat.timeout.connect(lambda: None)
    app.aboutToQuit.connect(console.save)
    app.exec()
    heartbeat.stop()
    if not console.shutdown():
        LOGGER.warning("some camera connections were still closing at exit")
    return result["code"]
