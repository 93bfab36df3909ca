"""The desk's map: a dock beside the camera list and, for a wall monitor, a window of its own.

It is fed by the desk: the tiles' states and the room's desk counts (once a second), the
dispatch board (when it changes), the PTZ cameras' pan (polled by the PTZ controller). What
the operator does on it goes to the wall (a camera onto the selected tile, an area onto the
whole wall: each view logged as any other) or to a PTZ camera (aimed under the lease, logged
with the reason, as any PTZ command).
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from console.alarms.model import Alarm
from console.config.errors import ConfigError
from console.config.loader import CameraConfig
from console.config.map_file import MapPicture, load_map
from console.dispatch.service import Board
from console.geo.sight import viewpoint
from console.ptz.lease import Lease
from console.ui.main_window import WallWindow
from console.ui.map_view import OFF_WALL, SEEING, MapCanvas, layout_for
from console.ui.ptz_controller import PtzController
from console.ui.screen_fit import open_within_screen
from console.ui.tasks import TaskRunner
from console.ui.video_tile import ALARM, LIVE
from console.video.stream import StreamState

LOGGER = logging.getLogger("uitkijk.ui")
REFRESH_MS = 1000


class MapPanel(QWidget):
    """The map and a line above it: what the marks mean, and a button to see the whole zone."""

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.canvas = canvas
        row = QHBoxLayout()
        row.setContentsMargins(4, 2, 4, 2)
        marks = [(LIVE, "\u25cf", self.tr("live")), (ALARM, "\u25cf", self.tr("no signal")),
                 (OFF_WALL, "\u25cf", self.tr("not on a wall")), (ALARM, "\u25c6", self.tr("incident")),
                 (SEEING, "\u25cb", self.tr("sees the incident")),
                 (ALARM, "\u25ef", self.tr("open alarm (+N: more on that camera)"))]  # fmt: skip
        legend = " &nbsp;".join(
            f"<span style='color:{colour.name()}'>{mark}</span> {text}" for colour, mark, text in marks
        )
        hint = self.tr("Shift+drag: an area onto the wall \u00b7 right-click: aim a PTZ camera")
        self.legend = QLabel(f"{legend} &nbsp;\u00b7&nbsp; <span style='color:#7d8b99'>{hint}</span>", self)
        self.legend.setObjectName("mapLegend")
        self.legend.setWordWrap(True)
        fit = QPushButton(self.tr("Whole zone"), self)
        fit.clicked.connect(canvas.fit_all)
        row.addWidget(self.legend, 1)
        row.addWidget(fit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addWidget(canvas, 1)


class MapWindow(QMainWindow):
    """The map alone, for a wall monitor."""

    def __init__(self, panel: MapPanel, on_close: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("mapWindow")
        self.setWindowTitle(self.tr("Uitkijk \u2013 map"))
        self.setCentralWidget(panel)
        self.panel = panel
        self._on_close = on_close
        open_within_screen(self, 1200, 900)  # at 1366x768: maximised, not past the screen's bottom

    def closeEvent(self, event: QCloseEvent) -> None:
        self._on_close()
        super().closeEvent(event)


class DeskMap(QObject):
    incident_selected = Signal(str)  # an incident clicked on a map: the dispatch panel shows it
    alarm_selected = Signal(int)  # an alarm's mark clicked on a map: the alarm panel opens it
    recordings_requested = Signal(object)  # list[str]: the cameras that see a spot, for the playback window

    def __init__(self, config: CameraConfig, ptz: PtzController, windows: Callable[[], list[WallWindow]],
                 desk_counts: Callable[[], dict[str, int]], parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.config = config
        self.ptz = ptz
        self._windows = windows
        self._desk_counts = desk_counts
        self.picture: MapPicture | None = None
        self.problem = ""
        try:
            self.picture = load_map(config.folder)
        except ConfigError as error:  # checked by check-config too; here the plain plan stands in
            self.problem = str(error)
            LOGGER.error("map.yaml: %s", error)
        self.canvases: list[MapCanvas] = []
        self.image: QImage | None = None  # the plan, decoded on a worker (not on the GUI thread)
        self._tasks = TaskRunner(self)
        if self.picture is not None:
            path = str(self.picture.image)
            loading = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="map-picture")
            self._tasks.run(loading.submit(QImage, path), self._on_image_loaded,
                            lambda error: LOGGER.error("the map's picture could not be read: %s", error))  # fmt: skip
            loading.shutdown(wait=False)
        self.window: MapWindow | None = None
        self.board: Board | None = None
        self.alarms: list[Alarm] = []  # the desk's open alarms: marked at their cameras
        self._pending_aims: dict[str, tuple[float, float, float, dict]] = {}
        self._ptz_ids = {camera.id for camera in config.cameras if camera.kind == "ptz"}
        self._watched: set[str] = set()  # the PTZ cameras whose pan the controller polls for the map
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        ptz.lease_changed.connect(self._on_lease_changed)
        ptz.problem.connect(lambda camera_id, why: self._pending_aims.pop(camera_id, None))  # refused: no aim later

    def _on_image_loaded(self, image: QImage) -> None:
        self.image = image
        for canvas in self.canvases:
            canvas.show_picture(image)

    def canvas(self) -> MapCanvas:
        canvas = MapCanvas(self.config, self.picture, image=self.image, is_image_later=self.image is None)
        canvas.camera_activated.connect(self.put_on_wall)
        canvas.cameras_selected.connect(self.fill_wall)
        canvas.aim_requested.connect(self.aim)
        canvas.recordings_requested.connect(self.recordings_requested.emit)
        canvas.incident_selected.connect(self.incident_selected.emit)
        canvas.alarm_selected.connect(self.alarm_selected.emit)
        self.canvases.append(canvas)
        canvas.destroyed.connect(lambda _=None, c=canvas: self.canvases.remove(c) if c in self.canvases else None)
        if self.board is not None:
            canvas.show_board(self.board)
        canvas.show_alarms(self.alarms)
        if not self._timer.isActive():
            self._timer.start()
        self.refresh()
        return canvas

    def panel(self) -> MapPanel:
        return MapPanel(self.canvas())

    def open_window(self) -> MapWindow:
        if self.window is None:
            self.window = MapWindow(self.panel(), self._on_window_closed)
        self.window.show()
        self.window.raise_()
        self.window.panel.canvas.fit_all()
        return self.window

    def _on_window_closed(self) -> None:
        if self.window is not None:
            canvas = self.window.panel.canvas
            if canvas in self.canvases:
                self.canvases.remove(canvas)
        self.window = None

    # -- what it shows ---------------------------------------------------------------------------
    def refresh(self) -> None:
        states: dict[str, StreamState | None] = {}
        for window in self._windows():
            for tile in window.wall.tiles:
                if tile.camera is not None:
                    state = tile.reported_state
                    if states.get(tile.camera.id) != StreamState.LIVE:
                        states[tile.camera.id] = state
        probed = {camera_id for camera_id in self._ptz_ids if self.ptz.has_ptz(camera_id)}
        if probed != self._watched:  # ONVIF answers after the map is built: poll each PTZ camera once it has
            self._watched = probed
            self.ptz.watch(self, probed)
        pans = {camera_id: status.pan for camera_id in self._ptz_ids
                if (status := self.ptz.status(camera_id)) is not None}  # fmt: skip
        counts = self._desk_counts()
        for canvas in self.canvases:
            canvas.show_cameras(states, counts, pans)

    def show_incident(self, incident_id: str) -> None:
        """The incident chosen in the dispatch panel: every map marks the cameras that can see its spot."""
        for canvas in self.canvases:
            canvas.select_incident(incident_id)

    def show_alarms(self, alarms: object) -> None:
        self.alarms = [alarm for alarm in alarms if isinstance(alarm, Alarm)] if isinstance(alarms, list) else []
        for canvas in self.canvases:
            canvas.show_alarms(self.alarms)

    def show_board(self, board: object) -> None:
        if isinstance(board, Board):
            self.board = board
            for canvas in self.canvases:
                canvas.show_board(board)

    # -- what the operator does ------------------------------------------------------------------
    def _target(self) -> WallWindow:
        windows = self._windows()
        return next((window for window in windows if window.isActiveWindow()), windows[0])

    def put_on_wall(self, camera_id: str) -> None:
        window = self._target()
        window.wall.assign_to_selected(camera_id)

    def fill_wall(self, camera_ids: list[str]) -> None:
        window = self._target()
        shown = list(camera_ids[:16])
        layout = layout_for(len(shown))
        window.wall.show_step(layout, shown)
        window.layout_actions[layout].setChecked(True)
        if len(camera_ids) > len(shown):
            window.statusBar().showMessage(
                self.tr("{shown} of {count} cameras on the wall (the nearest the area's centre)").format(
                    shown=len(shown), count=len(camera_ids)
                ),
                8000,
            )

    def aim(self, camera_id: str, lat: float, lon: float) -> bool:
        """Turn a PTZ camera toward a spot: take control first if this desk does not hold it (then aim)."""
        camera = self.config.camera(camera_id)
        window = self._target()
        if not self.ptz.has_ptz(camera_id):
            window.statusBar().showMessage(
                self.tr("{camera} has not answered over ONVIF yet").format(camera=camera.name), 8000
            )
            return False
        pan, tilt = viewpoint(camera).aim(lat, lon)
        status = self.ptz.status(camera_id)
        zoom = status.zoom if status is not None else 0.0
        detail = {"lat": round(lat, 6), "lon": round(lon, 6), "via": "map"}
        if self.ptz.is_mine(camera_id):
            return self.ptz.aim(camera_id, pan, tilt, zoom, detail)
        self._pending_aims[camera_id] = (pan, tilt, zoom, detail)
        self.ptz.take(camera_id)
        return True

    def _on_lease_changed(self, camera_id: str, lease: Lease | None, why: object) -> None:
        if camera_id in self._pending_aims and self.ptz.is_mine(camera_id):
            self.ptz.aim(camera_id, *self._pending_aims.pop(camera_id))

    def shutdown(self) -> None:
        self._timer.stop()
        if self.window is not None:
            self.window.close()
