"""The camera list: areas, their cameras and Mobbox units, with live status dots and search."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from console.config.loader import CameraConfig
from console.config.schema import Camera
from console.ui.video_tile import ALARM, CAMERA_MIME, LIVE, WARN
from console.ui.words import word
from console.video.stream import StreamState

CAMERA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


COLUMNS = 3  # the camera, its kind, the desks of the room that show it


@dataclass(eq=False)
class _Node:
    label: str
    kind: str  # "area" | "mobbox" | "camera"
    camera: Camera | None = None
    detail: str = ""
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def add(self, child: _Node) -> _Node:
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


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


class CameraTreeModel(QAbstractItemModel):
    """Areas > (cameras, Mobbox units > their cameras). Two columns: name and kind."""

    def __init__(self, config: CameraConfig, parent=None) -> None:
        super().__init__(parent)
        self._root = _Node("", "root")
        self._camera_nodes: dict[str, _Node] = {}
        self._states: dict[str, StreamState | None] = {}
        self._watchers: dict[str, int] = {}  # camera id -> desks of the room that show it now
        self._icons = {
            StreamState.LIVE: _dot(LIVE),
            StreamState.CONNECTING: _dot(WARN),
            StreamState.NO_SIGNAL: _dot(ALARM),
            StreamState.STOPPED: _dot(None),
            None: _dot(None),
        }
        kind_order = {"fixed": 0, "ptz": 1, "anpr": 2}
        for area in config.areas:
            area_node = self._root.add(_Node(area.name, "area", detail=area.id))
            plain = [c for c in config.cameras if c.area == area.id and c.mobbox is None]
            for camera in sorted(plain, key=lambda c: (kind_order[c.kind], c.id)):
                self._camera_nodes[camera.id] = area_node.add(_Node(camera.name, "camera", camera))
            for box in config.mobboxes:
                if box.deployment.area != area.id:
                    continue
                box_node = area_node.add(_Node(box.name, "mobbox", detail=box.deployment.site))
                for camera in (c for c in config.cameras if c.mobbox == box.id):
                    self._camera_nodes[camera.id] = box_node.add(_Node(camera.name, "camera", camera))

    # -- status ------------------------------------------------------------------------
    def set_camera_state(self, camera_id: str, state: StreamState | None) -> None:
        node = self._camera_nodes.get(camera_id)
        if node is None or self._states.get(camera_id) == state:
            return
        self._states[camera_id] = state
        index = self.createIndex(node.row(), 0, node)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole])

    def set_watchers(self, counts: dict[str, int]) -> None:
        """How many desks of the room show each camera now (this one included)."""
        changed = [camera_id for camera_id in self._camera_nodes
                   if counts.get(camera_id, 0) != self._watchers.get(camera_id, 0)]  # fmt: skip
        self._watchers = dict(counts)
        rows_by_parent: dict[int, list[_Node]] = {}
        for camera_id in changed:
            node = self._camera_nodes[camera_id]
            rows_by_parent.setdefault(id(node.parent), []).append(node)
        for nodes in rows_by_parent.values():  # one signal per group: each costs the view a pass over its rows
            first, last = min(nodes, key=_Node.row), max(nodes, key=_Node.row)
            self.dataChanged.emit(self.createIndex(first.row(), 2, first), self.createIndex(last.row(), 2, last),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])  # fmt: skip

    def watchers(self, camera_id: str) -> int:
        return self._watchers.get(camera_id, 0)

    def camera_state(self, camera_id: str) -> StreamState | None:
        return self._states.get(camera_id)

    def index_of_camera(self, camera_id: str) -> QModelIndex:
        node = self._camera_nodes[camera_id]
        return self.createIndex(node.row(), 0, node)

    # -- QAbstractItemModel ------------------------------------------------------------------
    def _node(self, index: AnyIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Camera"), self.tr("Kind"), self.tr("Desks"))[section] if 0 <= section < COLUMNS else None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 2:
            return self.tr("How many desks of the room show the camera now")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        camera = node.camera
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{node.label}  ({self._count(node)})" if node.kind == "area" else node.label
            if index.column() == 2:
                count = self._watchers.get(camera.id, 0) if camera is not None else 0
                return str(count) if count else ""
            if camera is not None:
                return self.tr("Fixed") if camera.kind == "fixed" else camera.kind.upper()  # PTZ, ANPR
            return "Mobbox" if node.kind == "mobbox" else ""
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and camera is not None:
            return self._icons[self._states.get(camera.id)]
        if role == Qt.ItemDataRole.ToolTipRole:
            if camera is not None:
                stream_state = self._states.get(camera.id)
                state = word(stream_state) if stream_state is not None else self.tr("not on the wall")
                count = self._watchers.get(camera.id, 0)
                watched = "\n" + self.tr("desks of the room showing it: {count}").format(count=count) if count else ""
                return f"{camera.name}\n{camera.location.street}\n{camera.id} \u00b7 {state}{watched}"
            return node.detail or None
        if role == CAMERA_ID_ROLE:
            return camera.id if camera else None
        if role == SEARCH_TEXT_ROLE:
            if camera is None:
                return node.label.lower()
            return f"{camera.name} {camera.id} {camera.location.street} {camera.kind}".lower()
        return None

    def _count(self, node: _Node) -> int:
        return sum(1 if child.camera else self._count(child) for child in node.children)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._node(index).camera is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [CAMERA_MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            camera = self._node(index).camera
            if camera is not None:
                mime.setData(CAMERA_MIME, camera.id.encode())
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
        self.tree.header().resizeSection(2, self.tree.fontMetrics().horizontalAdvance(self.tr("Desks")) + 18)
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
