"""The wall grid: tiles laid out by a named layout, keyboard and drag-and-drop to arrange them."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from console.config.loader import CameraConfig
from console.config.schema import Camera
from console.onvif.directory import StreamDirectory
from console.services.alarm_video import DeviceHealth
from console.ui.passes import FRAMES_AND_PANELS, NEXT_PASS_MS, PaintInPasses
from console.ui.ptz_controller import PtzController
from console.ui.video_tile import VideoTile
from console.ui.words import say
from console.video.hub import StreamHub
from console.wall.layouts import MAX_GRID_SIDE, Direction
from console.wall.state import WallState

ARROWS = {
    Qt.Key.Key_Up: Direction.UP,
    Qt.Key.Key_Down: Direction.DOWN,
    Qt.Key.Key_Left: Direction.LEFT,
    Qt.Key.Key_Right: Direction.RIGHT,
}
PTZ_KEYS = {  # key: (pan, tilt, zoom) while the operator holds the selected camera's lease
    Qt.Key.Key_Left: (-1, 0, 0),
    Qt.Key.Key_Right: (1, 0, 0),
    Qt.Key.Key_Up: (0, 1, 0),
    Qt.Key.Key_Down: (0, -1, 0),
    Qt.Key.Key_Plus: (0, 0, 1),
    Qt.Key.Key_Equal: (0, 0, 1),
    Qt.Key.Key_Minus: (0, 0, -1),
}
REFRESH_MS = 250  # ages and "no signal" are redrawn four times a second even without frames
FRAME_POLL_MS = 8  # new frames are looked for this often: adds 4 ms on average, and coalesces repaints
STEP_PASS_S = 0.004  # a tour step changes its tiles for this long per pass of the event loop (at least one tile)


class WallView(QWidget):
    """Shows a :class:`WallState` with live tiles. The state is the truth; tiles follow it."""

    state_changed = Signal()
    tile_selected = Signal(int)
    ptz_control_asked = Signal(str)  # camera id: the operator asked to steer it (P)
    answered = Signal(str)  # a key that could not act now says why (the window's status line shows it)
    enlarged = Signal(int)  # tile
    tile_status_changed = Signal(int, object)  # tile, StreamState | None
    replay_painted = Signal(int)  # tile: its first recorded picture of an instant replay is on screen
    first_painted = Signal(int)  # tile: the first live picture of its camera is on screen

    _sources_changed = Signal(str)  # camera id; from the ONVIF thread

    def __init__(
        self,
        config: CameraConfig,
        hub: StreamHub,
        state: WallState,
        parent: QWidget | None = None,
        directory: StreamDirectory | None = None,
        ptz: PtzController | None = None,
    ) -> None:
        super().__init__(parent)
        self._config = config
        self._directory = directory
        self.ptz = ptz
        self.ptz_speed: Callable[[], float] = lambda: 0.5
        self.key_handler: Callable[[QKeyEvent], bool] | None = None  # a running tour takes its keys first
        self._held_keys: set[int] = set()
        self._paint_later = PaintInPasses(self)  # a tour step's pictures paint in the pass after its change
        self._step_tiles: list[int] | None = None  # the tiles a step has still to change (a few per pass)
        self._is_in_step = False  # a step changes the tiles: the wall's listeners are told after the last
        self._is_step_holding = False  # the step holds the wall's painting (let go after its last tile)
        self._step_done: Callable[[], None] | None = None
        self._wheel_stop = QTimer(self)
        self._wheel_stop.setSingleShot(True)
        self._wheel_stop.setInterval(300)
        self._wheel_stop.timeout.connect(self._on_wheel_stop_timeout)
        self._wheel_camera: str | None = None  # the camera a wheel burst is zooming
        self._cameras = {camera.id: camera for camera in config.cameras}
        self._area_names = {area.id: area.name for area in config.areas}
        self._hub = hub
        self.state = state
        self.state.forget_unknown(set(self._cameras))
        self.tiles: list[VideoTile] = []
        self.health_of: dict[str, DeviceHealth] = {}  # a Mobbox's health by camera: its tiles' badge
        self._is_gated = False
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("wall")
        self._clock = QTimer(self)
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()
        self._first_polled = 0  # the tile the frame clock looks at first (the first one the budget left waiting)
        self._frame_clock = QTimer(self)
        self._frame_clock.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame_clock.setInterval(FRAME_POLL_MS)
        self._frame_clock.timeout.connect(self._on_frame_clock_timeout)
        self._frame_clock.start()
        self._sources_changed.connect(self._on_sources_changed)
        if directory is not None:
            directory.streams_changed.connect(self._sources_changed.emit)
        if ptz is not None:
            ptz.lease_changed.connect(self._on_ptz_changed)
            ptz.status_changed.connect(self._on_ptz_changed)
        self._rebuild()

    # -- public actions ------------------------------------------------------------------
    def set_layout(self, name: str) -> None:
        self.finish_step()
        self.state.set_layout(name)
        self._rebuild()
        self.state_changed.emit()

    def assign(self, tile: int, camera_id: str | None) -> None:
        if camera_id is not None and camera_id not in self._cameras:
            return
        self.finish_step()
        previous = self.tiles[tile].camera
        if previous is not None and self.ptz is not None and previous.id != camera_id:
            self.ptz.stop(previous.id)  # closing a tile stops its camera
        self.state.assign(tile, camera_id)
        self.tiles[tile].set_camera(self._cameras.get(camera_id) if camera_id else None)
        self._on_ptz_changed()
        self.state_changed.emit()

    def show_step(self, layout: str, assignments: list[str | None], in_passes: bool = False,
                  then: Callable[[], None] | None = None) -> None:  # fmt: skip
        """A tour's step: a layout and all its cameras at once (tiles reuse streams already running).

        The cameras change while the wall's painting is held, and the wall paints them in the next pass:
        together, a 4x4 step (16 tiles' streams, states and log, then 16 new pictures and bars) was one
        pass of 40-60 ms on the GUI thread. The wall keeps its last picture meanwhile.

        ``in_passes`` (a tour's step): the tiles change a few per pass of the event loop (STEP_PASS_S each),
        the log of what the wall shows (``state_changed``) and the paint follow the last. Changing all 16 in
        one pass was 10-20 ms of the GUI thread, 52-64 ms gaps on a loaded machine (bench.run's tour switch).
        ``then`` runs once every tile shows its new camera (at once without ``in_passes``).
        """
        self.finish_step()  # a step still changing its tiles is done first
        if self.updatesEnabled():  # not while the window's first paint holds it, nor twice in one pass
            self.setUpdatesEnabled(False)
            self._is_step_holding = True
        self.state.set_layout(layout)
        for index, camera_id in enumerate(assignments[: self.state.layout.tile_count]):
            self.state.assignments[index] = camera_id if camera_id in self._cameras else None
        self._is_in_step, self._step_done = True, then
        self._rebuild(is_spread=in_passes)

    @property
    def is_changing_step(self) -> bool:
        """A step's tiles are still changing, a few per pass (``show_step(in_passes=True)``)."""
        return self._step_tiles is not None

    def finish_step(self) -> None:
        """Change the step's tiles left at once (anything else that changes the wall does this first)."""
        if self._step_tiles is not None:
            self._change_step_tiles(budget_s=None)

    def _change_step_tiles(self, budget_s: float | None = STEP_PASS_S) -> None:
        """The step's next tiles, until ``budget_s`` of this pass is spent (at least one); then the next pass.

        In the pass after the last: the wall's log and listeners (``state_changed``); in the one after that, its
        paint. ``budget_s=None``: every tile left, and what follows them, now."""
        tiles = self._step_tiles
        if tiles is None:
            return
        started_s = time.perf_counter()
        is_last_pass = not tiles  # a pass of its own for what follows the last tile (the log, the listeners)
        while tiles:
            index = tiles.pop(0)
            if index < len(self.tiles):
                camera_id = self.state.assignments[index]
                self.tiles[index].set_camera(self._cameras.get(camera_id) if camera_id else None)
            if budget_s is not None and time.perf_counter() - started_s >= budget_s:
                break
        if budget_s is not None and not is_last_pass:
            FRAMES_AND_PANELS.spend(time.perf_counter() - started_s)  # the dispatch panel's refresh waits too
            QTimer.singleShot(NEXT_PASS_MS, self, self._change_step_tiles)  # self as context: never after the wall
            return
        self._step_tiles = None
        self.select(self.state.selected)
        self._on_ptz_changed()
        if not self._is_in_step:  # a layout set by hand, or the wall's first tiles
            return
        self._is_in_step = False
        if self._is_step_holding:
            self._is_step_holding = False
            self._paint_later.hold(self)  # held already: let go in the next pass, after the log cleared the tiles
        self.state_changed.emit()
        done, self._step_done = self._step_done, None
        if done is not None:
            done()

    def set_gated(self, is_gated: bool) -> None:
        """Tiles paint a camera only once its viewing is logged (see ViewingLog)."""
        self._is_gated = is_gated
        for tile in self.tiles:
            tile.set_gated(is_gated)

    def show_health(self, health_of: dict[str, DeviceHealth]) -> None:
        """The Mobboxes' health (the desk's feed keeps the mapping in place): their cameras' tiles repaint."""
        self.health_of = health_of
        for tile in self.tiles:
            tile.health_of = health_of
            if tile.camera is not None:
                tile.update()

    def cameras(self) -> list[Camera]:
        return list(self._cameras.values())

    def stream_url(self, camera: Camera, role: Literal["main", "sub"]) -> str | None:
        return self._directory.url(camera, role) if self._directory else camera.stream_url(role)

    def assign_to_selected(self, camera_id: str) -> None:
        self.assign(self.state.selected, camera_id)

    def swap(self, first: int, second: int) -> None:
        self.finish_step()
        self.state.swap(first, second)
        for tile in (first, second):
            camera_id = self.state.assignments[tile]
            self.tiles[tile].set_camera(self._cameras.get(camera_id) if camera_id else None)
        self.state_changed.emit()

    def select(self, tile: int) -> None:
        if not 0 <= tile < len(self.tiles):
            return
        self.state.select(tile)
        for index, widget in enumerate(self.tiles):
            selected = index == tile
            if widget.is_selected != selected:
                widget.is_selected = selected
                widget.update()
        self.tile_selected.emit(tile)

    def toggle_enlarged(self, tile: int | None = None) -> None:
        tile = self.state.selected if tile is None else tile
        if self.state.enlarged is None:
            self.enlarge(tile)
        else:
            self.restore()

    def enlarge(self, tile: int) -> None:
        """Show one tile over the whole wall, on the camera's main stream."""
        self.finish_step()
        if self.tiles[tile].camera is None:
            return
        self.select(tile)
        self.state.enlarged = tile
        for index, widget in enumerate(self.tiles):
            widget.setVisible(index == tile)
        self._grid.removeWidget(self.tiles[tile])
        self._grid.addWidget(self.tiles[tile], 0, 0, self.state.layout.rows, self.state.layout.columns)
        self.tiles[tile].set_role("main")
        self.enlarged.emit(tile)

    def restore(self) -> None:
        self.finish_step()
        tile = self.state.enlarged
        if tile is None:
            return
        self.state.enlarged = None
        cell = self.state.layout.cells[tile]
        self._grid.removeWidget(self.tiles[tile])
        self._grid.addWidget(self.tiles[tile], cell.row, cell.column, cell.row_span, cell.column_span)
        for widget in self.tiles:
            widget.setVisible(True)
        self.tiles[tile].set_role("sub")

    def shutdown(self) -> None:
        self.finish_step()
        self._clock.stop()
        self._frame_clock.stop()
        if self._directory is not None:
            self._directory.streams_changed.disconnect(self._sources_changed.emit)
        if self.ptz is not None:
            self.ptz.watch(self, set())
            for tile in self.tiles:
                if tile.camera is not None and self.ptz.is_mine(tile.camera.id):
                    self.ptz.stop(tile.camera.id)
        for tile in self.tiles:
            tile.shutdown()

    # -- building -----------------------------------------------------------------------
    def _rebuild(self, is_spread: bool = False) -> None:
        """The grid of the state's layout; each tile's camera now, or (``is_spread``) a few per pass."""
        layout = self.state.layout
        old = self.tiles
        keep = {tile.index: tile for tile in old if tile.index < layout.tile_count}
        for tile in old:
            self._grid.removeWidget(tile)
            if tile.index not in keep:
                tile.set_camera(None)  # it says so as it goes: the camera list's dot is of what is on screen now
                tile.shutdown()
                tile.deleteLater()
        for line in range(MAX_GRID_SIDE):
            self._grid.setRowStretch(line, 1 if line < layout.rows else 0)
            self._grid.setColumnStretch(line, 1 if line < layout.columns else 0)
        self.tiles = []
        for index, cell in enumerate(layout.cells):
            tile = keep.get(index) or self._make_tile(index)
            tile.set_role("sub")
            tile.setVisible(True)
            self._grid.addWidget(tile, cell.row, cell.column, cell.row_span, cell.column_span)
            self.tiles.append(tile)
        self._step_tiles = list(range(len(self.tiles)))
        if is_spread:
            self._change_step_tiles()
        else:
            self._change_step_tiles(budget_s=None)

    def _make_tile(self, index: int) -> VideoTile:
        tile = VideoTile(index, self._hub, self._area_names, self._directory, self)
        tile.set_gated(self._is_gated)
        tile.health_of = self.health_of
        tile.steered.connect(self._on_tile_steered)
        tile.steer_ended.connect(self._on_tile_steer_ended)
        tile.wheel_turned.connect(self._on_tile_wheel_turned)
        tile.clicked.connect(self._on_tile_clicked)
        tile.double_clicked.connect(self._on_tile_double_clicked)
        tile.camera_dropped.connect(self._on_tile_camera_dropped)
        tile.tile_dropped.connect(self._on_tile_tile_dropped)
        tile.status_changed.connect(self.tile_status_changed)
        tile.replay_painted.connect(self.replay_painted)
        tile.first_painted.connect(self.first_painted)
        return tile

    # -- events -------------------------------------------------------------------------
    def _on_clock_timeout(self) -> None:
        for tile in self.tiles:
            if tile.isVisible() and tile.camera is not None:
                tile.refresh()

    def _on_frame_clock_timeout(self) -> None:
        """New frames, as many as this pass's budget allows (shared with the dispatch panel's refresh).

        The tiles past it wait for the next tick, and are looked at first then. Not while a step changes the
        tiles: the wall's painting is held, and a paint counted then would keep the pass's budget open.
        """
        if self._step_tiles is not None:
            return
        count = len(self.tiles)
        for offset in range(count):
            index = (self._first_polled + offset) % count
            tile = self.tiles[index]
            if tile.camera is None or not tile.isVisible():
                continue
            if not FRAMES_AND_PANELS.allows():
                self._first_polled = index
                return
            tile.poll_frames()
        self._first_polled = 0

    def _on_tile_clicked(self, index: int) -> None:
        self.select(index)
        self.setFocus()

    def _on_tile_double_clicked(self, index: int) -> None:
        self.toggle_enlarged(index)

    def _on_tile_camera_dropped(self, index: int, camera_id: str) -> None:
        self.assign(index, camera_id)
        self.select(index)

    def _on_tile_tile_dropped(self, source: int, target: int) -> None:
        self.swap(source, target)
        self.select(target)

    # -- ONVIF and PTZ ---------------------------------------------------------------------
    def _on_sources_changed(self, camera_id: str) -> None:
        for tile in self.tiles:
            if tile.camera is not None and tile.camera.id == camera_id:
                tile.refresh_source()
        self._on_ptz_changed()

    def _on_ptz_changed(self, *_: object) -> None:
        """Show on every PTZ tile who controls the camera; make the operator's own ones steerable."""
        if self.ptz is None:
            return
        shown = set()
        for tile in self.tiles:
            camera = tile.camera
            text, steerable, position = "", False, ""
            if camera is not None and self.ptz.has_ptz(camera.id):
                shown.add(camera.id)
                lease = self.ptz.lease(camera.id)
                steerable = self.ptz.is_mine(camera.id)
                text = "PTZ"
                if steerable:
                    text = self.tr("PTZ: you")
                elif lease:
                    text = self.tr("PTZ: {holder}").format(holder=say(lease.holder.worded))
                status = self.ptz.status(camera.id)
                if status is not None:
                    position = f"P {status.pan:+.2f}  T {status.tilt:+.2f}  Z {status.zoom:.2f}"
                    if status.is_moving:
                        text += " \u27f3"
            if (text, steerable, position) != (tile.ptz_text, tile.is_steerable, tile.ptz_position):
                tile.ptz_text, tile.is_steerable, tile.ptz_position = text, steerable, position
                tile.update()
        self.ptz.watch(self, shown)

    def selected_camera_id(self) -> str | None:
        camera = self.tiles[self.state.selected].camera if self.tiles else None
        return camera.id if camera else None

    def _steerable_selected(self) -> str | None:
        camera_id = self.selected_camera_id()
        if camera_id and self.ptz is not None and self.ptz.is_mine(camera_id):
            return camera_id
        return None

    def toggle_ptz_control(self) -> None:
        camera_id = self.selected_camera_id()
        if camera_id is None or self.ptz is None:
            self.answered.emit(self.tr("P: select a tile with a camera first"))
            return
        if not self.ptz.has_ptz(camera_id):
            camera = self._cameras[camera_id]
            if camera.kind != "ptz":
                self.answered.emit(self.tr("P: {camera} has no PTZ").format(camera=camera.name))
            else:
                self.answered.emit(self.tr("P: {camera} has not answered over ONVIF yet").format(camera=camera.name))
            return
        if self.ptz.is_mine(camera_id):
            self.ptz.release(camera_id)
        else:
            self.ptz.take(camera_id)
            self.ptz_control_asked.emit(camera_id)
        self._on_ptz_changed()

    def _on_tile_steered(self, index: int, pan: float, tilt: float) -> None:
        camera = self.tiles[index].camera
        if camera is not None and self.ptz is not None:
            speed = self.ptz_speed()
            self.ptz.move(camera.id, pan * speed, tilt * speed, 0.0)

    def _on_tile_steer_ended(self, index: int) -> None:
        camera = self.tiles[index].camera
        if camera is not None and self.ptz is not None:
            self.ptz.stop(camera.id)

    def _on_tile_wheel_turned(self, index: int, steps: float) -> None:
        camera = self.tiles[index].camera
        if camera is not None and self.ptz is not None and steps:
            self.ptz.move(camera.id, 0.0, 0.0, (1.0 if steps > 0 else -1.0) * self.ptz_speed())
            self._wheel_camera = camera.id
            self._wheel_stop.start()

    def _on_wheel_stop_timeout(self) -> None:
        if self._wheel_camera and self.ptz is not None:
            self.ptz.stop(self._wheel_camera)

    def _key_velocity(self) -> tuple[float, float, float]:
        pan = tilt = zoom = 0.0
        for key in self._held_keys:
            if key in PTZ_KEYS:
                key_pan, key_tilt, key_zoom = PTZ_KEYS[key]
                pan, tilt, zoom = pan + key_pan, tilt + key_tilt, zoom + key_zoom
        speed = self.ptz_speed()
        return pan * speed, tilt * speed, zoom * speed

    def _steer_by_keys(self, camera_id: str) -> None:
        assert self.ptz is not None
        velocity = self._key_velocity()
        if velocity == (0.0, 0.0, 0.0):
            self.ptz.stop(camera_id)
        else:
            self.ptz.move(camera_id, *velocity)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() in PTZ_KEYS and not event.isAutoRepeat() and event.key() in self._held_keys:
            self._held_keys.discard(event.key())
            camera_id = self._steerable_selected()
            if camera_id:
                self._steer_by_keys(camera_id)
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        # A key released while another window has focus never arrives here: stop now.
        if self._held_keys and self.ptz is not None:
            self._held_keys.clear()
            self.ptz.stop_all()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_P and self.ptz is not None:
            self.toggle_ptz_control()
            return
        steering = self._steerable_selected()
        if steering and key in PTZ_KEYS:
            if not event.isAutoRepeat():
                self._held_keys.add(key)
                self._steer_by_keys(steering)
            return
        if self.key_handler is not None and self.key_handler(event):
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            index = key - Qt.Key.Key_1
            if index < len(self.tiles) and self.state.enlarged is None:
                self.select(index)
            return
        if key in ARROWS and self.state.enlarged is None:
            self.select(self.state.move_selection(ARROWS[key]))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toggle_enlarged()
            return
        if key == Qt.Key.Key_Escape and self.state.enlarged is not None:
            self.restore()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state.enlarged is None:
            self.assign(self.state.selected, None)
            return
        super().keyPressEvent(event)
