"""The wall grid: tiles laid out by a named layout, keyboard and drag-and-drop to arrange them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from console.config.loader import CameraConfig
from console.ui.video_tile import VideoTile
from console.video.hub import StreamHub
from console.wall.layouts import Direction
from console.wall.state import WallState

ARROWS = {
    Qt.Key.Key_Up: Direction.UP,
    Qt.Key.Key_Down: Direction.DOWN,
    Qt.Key.Key_Left: Direction.LEFT,
    Qt.Key.Key_Right: Direction.RIGHT,
}
REFRESH_MS = 250  # ages and "no signal" are redrawn four times a second even without frames
FRAME_POLL_MS = 8  # new frames are looked for this often: adds 4 ms on average, and coalesces repaints


class WallView(QWidget):
    """Shows a :class:`WallState` with live tiles. The state is the truth; tiles follow it."""

    state_changed = Signal()
    tile_selected = Signal(int)
    tile_status_changed = Signal(int, object)  # tile, StreamState | None

    def __init__(self, config: CameraConfig, hub: StreamHub, state: WallState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._cameras = {camera.id: camera for camera in config.cameras}
        self._area_names = {area.id: area.name for area in config.areas}
        self._hub = hub
        self.state = state
        self.state.forget_unknown(set(self._cameras))
        self.tiles: list[VideoTile] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("wall")
        self._clock = QTimer(self)
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()
        self._frame_clock = QTimer(self)
        self._frame_clock.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame_clock.setInterval(FRAME_POLL_MS)
        self._frame_clock.timeout.connect(self._on_frame_clock_timeout)
        self._frame_clock.start()
        self._rebuild()

    # -- public actions ------------------------------------------------------------------
    def set_layout(self, name: str) -> None:
        self.state.set_layout(name)
        self._rebuild()
        self.state_changed.emit()

    def assign(self, tile: int, camera_id: str | None) -> None:
        if camera_id is not None and camera_id not in self._cameras:
            return
        self.state.assign(tile, camera_id)
        self.tiles[tile].set_camera(self._cameras.get(camera_id) if camera_id else None)
        self.state_changed.emit()

    def assign_to_selected(self, camera_id: str) -> None:
        self.assign(self.state.selected, camera_id)

    def swap(self, first: int, second: int) -> None:
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
        if self.tiles[tile].camera is None:
            return
        self.select(tile)
        self.state.enlarged = tile
        for index, widget in enumerate(self.tiles):
            widget.setVisible(index == tile)
        self._grid.removeWidget(self.tiles[tile])
        self._grid.addWidget(self.tiles[tile], 0, 0, self.state.layout.rows, self.state.layout.columns)
        self.tiles[tile].set_role("main")

    def restore(self) -> None:
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
        self._clock.stop()
        self._frame_clock.stop()
        for tile in self.tiles:
            tile.shutdown()

    # -- building -----------------------------------------------------------------------
    def _rebuild(self) -> None:
        layout = self.state.layout
        old = self.tiles
        keep = {tile.index: tile for tile in old if tile.index < layout.tile_count}
        for tile in old:
            self._grid.removeWidget(tile)
            if tile.index not in keep:
                tile.shutdown()
                tile.deleteLater()
        for row in range(4):
            self._grid.setRowStretch(row, 1 if row < layout.rows else 0)
            self._grid.setColumnStretch(row, 1 if row < layout.columns else 0)
        self.tiles = []
        for index, cell in enumerate(layout.cells):
            tile = keep.get(index) or self._make_tile(index)
            tile.set_role("sub")
            tile.setVisible(True)
            self._grid.addWidget(tile, cell.row, cell.column, cell.row_span, cell.column_span)
            self.tiles.append(tile)
            camera_id = self.state.assignments[index]
            tile.set_camera(self._cameras.get(camera_id) if camera_id else None)
        self.select(self.state.selected)

    def _make_tile(self, index: int) -> VideoTile:
        tile = VideoTile(index, self._hub, self._area_names, self)
        tile.clicked.connect(self._on_tile_clicked)
        tile.double_clicked.connect(self._on_tile_double_clicked)
        tile.camera_dropped.connect(self._on_tile_camera_dropped)
        tile.tile_dropped.connect(self._on_tile_tile_dropped)
        tile.status_changed.connect(self.tile_status_changed)
        return tile

    # -- events -------------------------------------------------------------------------
    def _on_clock_timeout(self) -> None:
        for tile in self.tiles:
            if tile.isVisible() and tile.camera is not None:
                tile.refresh()

    def _on_frame_clock_timeout(self) -> None:
        for tile in self.tiles:
            if tile.camera is not None and tile.isVisible():
                tile.poll_frames()

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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
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
