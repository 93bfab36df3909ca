"""The camera list: areas, their cameras and Mobbox units, with live status dots and search."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from console.config.loader import CameraConfig
from console.config.schema import Camera
from console.services.alarm_video import DeviceHealth
from console.ui.video_tile import ALARM, CAMERA_MIME, LIVE, WARN, health_words
from console.ui.words import word
from console.video.stream import StreamState

CAMERA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


COLUMNS = 3  # the camera, its kind, the desks of the room that show it


def _dot(colour: QColor | None) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if colour is None:
        painter.setPen(QColor("#5b6573"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawEllipse(3, 3, 8, 8)
    painter.end()
    return QIcon(pixmap)


def _battery_icon(health: DeviceHealth, is_stale: bool) -> QIcon:
    """A Mobbox's battery at a glance, as big as the cameras' dots: red when low, grey when stale."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = QColor("#5b6573") if is_stale else (ALARM if health.is_battery_low else LIVE)
    painter.setPen(colour)
    painter.drawRect(1, 4, 12, 8)
    painter.fillRect(14, 6, 2, 4, colour)
    level = 0.0 if health.battery_pct is None else max(0.0, min(1.0, health.battery_pct / 100))
    painter.fillRect(3, 6, max(1, int(9 * level)), 5, colour)
    painter.end()
    return QIcon(pixmap)


GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
CAMERA_FLAGS = GROUP_FLAGS | Qt.ItemFlag.ItemIsDragEnabled


class CameraTreeModel(QStandardItemModel):
    """Areas > (cameras, Mobbox units > their cameras). Three columns: name, kind, the desks that show it.

    Its items live in Qt: the view paints and the filter runs without a call into Python per
    cell. (As a Python model, its ``index()`` and ``data()`` took a quarter of a wall's first paint.)
    """

    def __init__(self, config: CameraConfig, parent=None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setHorizontalHeaderLabels([self.tr("Camera"), self.tr("Kind"), self.tr("Desks")])
        self.horizontalHeaderItem(2).setToolTip(self.tr("How many desks of the room show the camera now"))
        self._rows: dict[str, list[QStandardItem]] = {}  # camera id -> its row's items (name, kind, desks)
        self._cameras: dict[str, Camera] = {}
        self._states: dict[str, StreamState | None] = {}
        self._watchers: dict[str, int] = {}  # camera id -> desks of the room that show it now
        self._boxes: dict[str, tuple[list[QStandardItem], str, str]] = {}  # Mobbox id -> its row, name, site
        self._health: dict[str, tuple] = {}  # Mobbox id -> what its row says now
        self._icons = {
            StreamState.LIVE: _dot(LIVE),
            StreamState.CONNECTING: _dot(WARN),
            StreamState.NO_SIGNAL: _dot(ALARM),
            StreamState.STOPPED: _dot(None),
            None: _dot(None),
        }
        kind_order = {"fixed": 0, "ptz": 1, "anpr": 2}
        root = self.invisibleRootItem()
        for area in config.areas:
            plain = [c for c in config.cameras if c.area == area.id and c.mobbox is None]
            boxes = [box for box in config.mobboxes if box.deployment.area == area.id]
            boxed = {box.id: [c for c in config.cameras if c.mobbox == box.id] for box in boxes}
            count = len(plain) + sum(len(cameras) for cameras in boxed.values())
            area_row = self._group_row(f"{area.name}  ({count})", "", area.id, area.name)
            root.appendRow(area_row)
            for camera in sorted(plain, key=lambda c: (kind_order[c.kind], c.id)):
                area_row[0].appendRow(self._camera_row(camera))
            for box in boxes:
                box_row = self._group_row(box.name, "Mobbox", box.deployment.site, box.name)
                self._boxes[box.id] = (box_row, box.name, box.deployment.site)
                area_row[0].appendRow(box_row)
                for camera in boxed[box.id]:
                    box_row[0].appendRow(self._camera_row(camera))

    def _group_row(self, label: str, kind: str, detail: str, name: str) -> list[QStandardItem]:
        row = [QStandardItem(label), QStandardItem(kind), QStandardItem("")]
        for item in row:
            item.setFlags(GROUP_FLAGS)
            if detail:
                item.setToolTip(detail)
        row[0].setData(name.lower(), SEARCH_TEXT_ROLE)
        return row

    def _camera_row(self, camera: Camera) -> list[QStandardItem]:
        kind = self.tr("Fixed") if camera.kind == "fixed" else camera.kind.upper()  # PTZ, ANPR
        row = [QStandardItem(self._icons[None], camera.name), QStandardItem(kind), QStandardItem("")]
        for item in row:
            item.setFlags(CAMERA_FLAGS)
            item.setData(camera.id, CAMERA_ID_ROLE)
        row[0].setData(f"{camera.name} {camera.id} {camera.location.street} {camera.kind}".lower(), SEARCH_TEXT_ROLE)
        self._rows[camera.id], self._cameras[camera.id] = row, camera
        self._set_tooltip(camera.id)
        return row

    def _set_tooltip(self, camera_id: str) -> None:
        camera, stream_state = self._cameras[camera_id], self._states.get(camera_id)
        state = word(stream_state) if stream_state is not None else self.tr("not on the wall")
        count = self._watchers.get(camera_id, 0)
        watched = "\n" + self.tr("desks of the room showing it: {count}").format(count=count) if count else ""
        text = f"{camera.name}\n{camera.location.street}\n{camera.id} \u00b7 {state}{watched}"
        for item in self._rows[camera_id]:
            item.setToolTip(text)

    # -- status ------------------------------------------------------------------------
    def set_camera_state(self, camera_id: str, state: StreamState | None) -> None:
        if camera_id not in self._rows or self._states.get(camera_id) == state:
            return
        self._states[camera_id] = state
        self._rows[camera_id][0].setIcon(self._icons[state])
        self._set_tooltip(camera_id)

    def set_watchers(self, counts: dict[str, int]) -> None:
        """How many desks of the room show each camera now (this one included).

        Item by item: Qt's own items say what changed, and grouping the changes under blocked signals
        (the Python model's way) measured slower, 4.1-7.8 against 1.8-3.4 ms for half the cameras."""
        changed = [camera_id for camera_id in self._rows
                   if counts.get(camera_id, 0) != self._watchers.get(camera_id, 0)]  # fmt: skip
        self._watchers = dict(counts)
        for camera_id in changed:
            count = self._watchers.get(camera_id, 0)
            self._rows[camera_id][2].setText(str(count) if count else "")
            self._set_tooltip(camera_id)

    def set_health(self, by_device: dict[str, DeviceHealth], now: dt.datetime | None = None) -> None:
        """Each Mobbox's row: its battery (%, low), uplink and door, as its cameras last said them; stale when not
        said again for a while. Its name says it short (a badge and the %), the tooltip in words."""
        now = now or dt.datetime.now(dt.UTC)
        for box_id, (row, name, site) in self._boxes.items():
            health = by_device.get(box_id)
            said = (health, health.is_stale(now)) if health is not None else None
            if self._health.get(box_id) == said:
                continue
            self._health[box_id] = said
            if health is None:  # the name column (it stretches): the kind column stays as narrow as "Mobbox"
                row[0].setText(name)
                row[0].setIcon(QIcon())
                tooltip = site
            else:  # short, and only what is wrong besides the battery: the tooltip says it all
                is_stale = health.is_stale(now)
                words = health_words(health, now)
                battery = [f"{health.battery_pct:.0f}%"] if health.battery_pct is not None else []
                row[0].setText(" \u00b7 ".join([name, *battery, *self._wrong(health, is_stale)]))
                row[0].setIcon(_battery_icon(health, is_stale))
                tooltip = f"{name} \u00b7 {site}\n" + " \u00b7 ".join(words)
            alarming = health is not None and not health.is_stale(now) and (
                health.is_door_open or health.is_battery_low or health.uplink == "lost")  # fmt: skip
            row[0].setData(ALARM if alarming else None, Qt.ItemDataRole.ForegroundRole)
            for item in row:
                item.setToolTip(tooltip)

    @staticmethod
    def _wrong(health: DeviceHealth, is_stale: bool) -> list[str]:
        """What is wrong with a Mobbox besides its battery, in words as its tiles say them."""
        wrong = []
        if health.is_door_open:
            wrong.append(QCoreApplication.translate("VideoTile", "door open"))
        if health.uplink == "degraded":
            wrong.append(QCoreApplication.translate("VideoTile", "uplink degraded"))
        elif health.uplink == "lost":
            wrong.append(QCoreApplication.translate("VideoTile", "uplink lost"))
        if is_stale:
            wrong.append(QCoreApplication.translate("VideoTile", "stale"))
        return wrong

    def health_text(self, box_id: str) -> tuple[str, str]:
        """The Mobbox row's name and tooltip (what the operator reads)."""
        row = self._boxes[box_id][0]
        return row[0].text(), row[0].toolTip()

    def watchers(self, camera_id: str) -> int:
        return self._watchers.get(camera_id, 0)

    def camera_state(self, camera_id: str) -> StreamState | None:
        return self._states.get(camera_id)

    def index_of_camera(self, camera_id: str) -> QModelIndex:
        return self._rows[camera_id][0].index()

    # -- dragging a camera onto a tile ---------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [CAMERA_MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            camera_id = index.data(CAMERA_ID_ROLE)
            if camera_id:
                mime.setData(CAMERA_MIME, camera_id.encode())
                break
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


class CameraFilterModel(QSortFilterProxyModel):
    """Keeps cameras whose name, id, street or kind holds every word typed; their groups stay."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        # The filter reads the search text only: a change of state or count (display, decoration) filters nothing
        # again. (Filtering again on every change cost the GUI thread 0.3 s each on a 36-tile wall.)
        self.setFilterRole(SEARCH_TEXT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = self.sourceModel().data(index, SEARCH_TEXT_ROLE) or ""
        return all(word in text for word in self._words)


class CameraPanel(QWidget):
    """Search box over the camera tree. Double-click or Enter puts a camera on the selected tile."""

    camera_activated = Signal(str)

    def __init__(self, config: CameraConfig, parent=None) -> None:
        super().__init__(parent)
        self.model = CameraTreeModel(config, self)
        self.proxy = CameraFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search cameras (name, street, id)\u2026"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("cameraSearch")
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(False)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(False)
        self.tree.setIndentation(14)  # names get the room, not the tree's steps
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # A fixed column: a count that changes must not make the view measure every row again.
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        # As wide as its title needs in the header's own font and margins (the theme's), so no language cuts it.
        header = self.tree.header()
        header.ensurePolished()
        header.resizeSection(2, max(header.sectionSizeHint(2), header.fontMetrics().horizontalAdvance("000") + 18))
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.tree.activated.connect(self._on_tree_activated)

    def show_desk_counts(self, is_shown: bool) -> None:
        """The "Desks" column, in a room only: a desk alone would give its names' room to its own "1"s."""
        self.tree.setColumnHidden(2, not is_shown)

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self.tree.expandAll()

    def _on_tree_activated(self, index: QModelIndex) -> None:
        camera_id = index.data(CAMERA_ID_ROLE)
        if camera_id:
            self.camera_activated.emit(camera_id)
