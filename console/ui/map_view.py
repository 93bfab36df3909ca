"""The map: cameras where they stand and where they look, incidents, units and Mobbox sites.

A QGraphicsScene over the zone's georeferenced picture (``map.yaml``), or over a plain
plan drawn from the cameras' places. Markers keep their size when the map zooms. A click on
a camera puts it on the wall's selected tile, a drag takes it to any tile, Shift+drag over
an area fills the wall with the cameras inside, a click on an incident shows the cameras that
can see its spot, and the context menu turns a PTZ camera toward the spot clicked.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QDrag,
    QFont,
    QImage,
    QImageReader,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QRubberBand,
    QStyleOptionGraphicsItem,
    QWidget,
)

from console.alarms.model import Alarm
from console.config.loader import CameraConfig
from console.config.map_file import MapPicture
from console.config.schema import Camera
from console.dispatch.model import Incident, Unit
from console.dispatch.service import Board
from console.geo.picture import Georeference
from console.geo.plan import plain_plan
from console.geo.sight import SIGHT_RANGE_M, Viewpoint, cameras_seeing, distance_m, viewpoint
from console.ui.dispatch.models import UNIT_COLOURS
from console.ui.video_tile import ALARM, CAMERA_MIME, LIVE, WARN
from console.ui.words import incident_type, word
from console.video.stream import StreamState

BACKGROUND = QColor("#10161d")
AREA_FILL = QColor(70, 110, 150, 38)
AREA_EDGE = QColor(110, 150, 190, 120)
STREET = QColor("#3b4a5a")
TEXT = QColor("#d8e1ea")
MUTED = QColor("#7d8b99")
OFF_WALL = QColor("#8a96a3")
SEEING = QColor("#ffd23f")
ESCALATED = QColor("#c77dff")  # the team chief's colour (as in the alarm list)
PRIORITY_COLOURS = {1: ALARM, 2: QColor("#ff9f43"), 3: QColor("#e6d35a")}
WEDGE_PX = 34  # a camera's view cone, drawn at this length whatever the zoom
PLAIN_WIDTH_PX = 2400


def state_colour(state: StreamState | None) -> QColor:
    if state is None:
        return OFF_WALL
    return {StreamState.LIVE: LIVE, StreamState.CONNECTING: WARN}.get(state, ALARM)


class CameraMarker(QGraphicsItem):
    """A camera: a dot coloured by its state, its view cone, the desks that show it."""

    def __init__(self, camera: Camera, view: Viewpoint) -> None:
        super().__init__()
        self.camera, self.view = camera, view
        self.state: StreamState | None = None
        self.desks = 0
        self.pan: float | None = None
        self.is_seeing = False  # can see the selected incident's spot
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(3)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return QRectF(-WEDGE_PX - 2, -WEDGE_PX - 2, 2 * WEDGE_PX + 30, 2 * WEDGE_PX + 4)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), 9, 9)
        return path

    def update_look(self, state: StreamState | None, desks: int, pan: float | None, is_seeing: bool) -> None:
        if (state, desks, pan, is_seeing) != (self.state, self.desks, self.pan, self.is_seeing):
            self.state, self.desks, self.pan, self.is_seeing = state, desks, pan, is_seeing
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = state_colour(self.state)
        heading = self.view.heading_now(self.pan)
        if heading is not None:
            cone = QColor(colour)
            cone.setAlpha(70 if self.state is not None else 40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(cone)
            fov = 40.0 if self.view.is_ptz else min(self.view.fov_deg, 359.0)
            # Qt's angles: 0 at 3 o'clock, counter-clockwise; a bearing: 0 north, clockwise
            start = 90 - heading - fov / 2
            painter.drawPie(QRectF(-WEDGE_PX, -WEDGE_PX, 2 * WEDGE_PX, 2 * WEDGE_PX), int(start * 16), int(fov * 16))
        if self.is_seeing:
            painter.setPen(QPen(SEEING, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), 11, 11)
        painter.setPen(QPen(QColor("#0b0f14"), 1.5))
        painter.setBrush(colour)
        if self.camera.kind == "ptz":
            painter.drawRect(QRectF(-6, -6, 12, 12))
        elif self.camera.kind == "anpr":
            painter.drawPolygon(QPolygonF([QPointF(0, -7), QPointF(7, 6), QPointF(-7, 6)]))
        else:
            painter.drawEllipse(QPointF(0, 0), 6, 6)
        if self.desks:
            painter.setBrush(QColor("#2a72c9"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(11, -9), 7, 7)
            painter.setPen(QColor("white"))
            painter.setFont(QFont(painter.font().family(), 7, QFont.Weight.Bold))
            painter.drawText(QRectF(4, -16, 14, 14), Qt.AlignmentFlag.AlignCenter, str(self.desks))


class IncidentMarker(QGraphicsItem):
    def __init__(self, incident: Incident) -> None:
        super().__init__()
        self.incident = incident
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(5)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return QRectF(-12, -12, 120, 24)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(-11, -11, 22, 22))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = PRIORITY_COLOURS.get(self.incident.priority, WARN)
        painter.setPen(QPen(QColor("#0b0f14"), 1.5))
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(0, -10), QPointF(10, 0), QPointF(0, 10), QPointF(-10, 0)]))
        painter.setPen(QColor("#0b0f14"))
        painter.setFont(QFont(painter.font().family(), 7, QFont.Weight.Bold))
        painter.drawText(QRectF(-10, -10, 20, 20), Qt.AlignmentFlag.AlignCenter, str(self.incident.priority))
        painter.setPen(TEXT)
        painter.setFont(QFont(painter.font().family(), 8))
        painter.drawText(QPointF(13, 4), self.incident.id[-4:])


class AlarmMarker(QGraphicsItem):
    """An open alarm at its camera: a pulsing-red ring (violet once escalated) and its number; a click opens it."""

    def __init__(self, alarm: Alarm, count: int = 1) -> None:
        super().__init__()
        self.alarm = alarm  # the camera's most urgent open alarm (what a click opens)
        self.count = count  # the camera's open alarms on this list: one ring, not a pile
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(6)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return QRectF(-16, -30, 70, 46)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QRectF(-15, -15, 30, 30))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = ESCALATED if self.alarm.is_escalated else ALARM
        painter.setPen(QPen(colour, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(-13, -13, 26, 26))
        painter.setPen(colour)
        painter.setFont(QFont(painter.font().family(), 8, QFont.Weight.Bold))
        more = f" (+{self.count - 1})" if self.count > 1 else ""
        painter.drawText(QPointF(12, -16), f"\u26a0 {self.alarm.label}{more}")


class UnitMarker(QGraphicsItem):
    def __init__(self, unit: Unit) -> None:
        super().__init__()
        self.unit = unit
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(4)

    def boundingRect(self) -> QRectF:
        return QRectF(-30, -9, 60, 18)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = UNIT_COLOURS.get(self.unit.state, MUTED)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(QColor(12, 18, 26, 220))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 4, 4)
        painter.setPen(colour)
        painter.setFont(QFont(painter.font().family(), 7, QFont.Weight.Bold))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.unit.call_sign)


class LabelMarker(QGraphicsItem):
    """A name on the map (an area, a Mobbox site) that keeps its size."""

    def __init__(self, text: str, colour: QColor, size_pt: float = 8.5, is_bold: bool = False,
                 below_px: float = 0) -> None:  # fmt: skip
        super().__init__()
        self.text, self.colour, self.size_pt, self.is_bold, self.below_px = text, colour, size_pt, is_bold, below_px
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(2)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(-150, -10 + self.below_px, 300, 20)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        font = QFont(painter.font().family())
        font.setPointSizeF(self.size_pt)
        font.setBold(self.is_bold)
        painter.setFont(font)
        painter.setPen(self.colour)
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)


class MapCanvas(QGraphicsView):
    """The map itself; the window or dock around it wires it to the desk."""

    camera_activated = Signal(str)  # a click: onto the wall's selected tile
    cameras_selected = Signal(object)  # list[str]: Shift+drag over an area, nearest the area's centre first
    aim_requested = Signal(str, float, float)  # PTZ camera id, lat, lon: turn it toward the spot
    recordings_requested = Signal(object)  # list[str]: the recordings of the cameras that see a spot, nearest first
    incident_selected = Signal(str)
    alarm_selected = Signal(int)  # an alarm's mark clicked: the alarm panel opens it

    def __init__(self, config: CameraConfig, picture: MapPicture | None, parent: QWidget | None = None,
                 image: QImage | None = None, is_image_later: bool = False) -> None:  # fmt: skip
        """``image``: the picture already decoded (a worker did it); ``is_image_later``: it comes by
        ``show_picture`` (the markers are placed now, from the picture's size read from its header)."""
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.config = config
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(BACKGROUND)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)  # fmt: skip
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.georef = self._draw_background(picture, image, is_image_later)
        self.markers: dict[str, CameraMarker] = {}
        for camera in config.cameras:
            marker = CameraMarker(camera, viewpoint(camera))
            marker.setPos(self.scene_pos(camera.location.lat, camera.location.lon))
            marker.setToolTip(self._camera_tip(camera))
            self.scene().addItem(marker)
            self.markers[camera.id] = marker
        self._draw_mobboxes()
        self._area_centres = area_centres(config)  # where a unit stands when it is on no incident with a place
        self.incident_markers: dict[str, IncidentMarker] = {}
        self.unit_markers: dict[str, UnitMarker] = {}
        self.alarm_markers: dict[int, AlarmMarker] = {}  # an open alarm's ring (its camera's, shared)
        self._camera_alarm_markers: dict[str, AlarmMarker] = {}
        self.selected_incident: str | None = None
        self.seeing: list[str] = []
        self._press: tuple[QPointF, CameraMarker | None] | None = None
        self._band: QRubberBand | None = None
        self._band_origin = QPointF()
        self.setSceneRect(QRectF(0, 0, self.georef.width_px, self.georef.height_px))

    # -- the background ---------------------------------------------------------------------
    def _draw_background(self, picture: MapPicture | None, image: QImage | None,
                         is_image_later: bool) -> Georeference:  # fmt: skip
        if picture is not None:
            size = image.size() if image is not None else QImageReader(str(picture.image)).size()
            if size.isValid():
                georef = Georeference(picture.crs, picture.top_left, picture.bottom_right, size.width(), size.height())
                if image is None and not is_image_later:
                    image = QImage(str(picture.image))
                if image is not None:
                    self.show_picture(image)
                return georef
        scene = self.scene()
        places = [(camera.location.lat, camera.location.lon) for camera in self.config.cameras]
        georef = Georeference.around(places, PLAIN_WIDTH_PX)
        plan = plain_plan(self.config)
        for name, hull in plan.areas:
            polygon = QPolygonF([QPointF(*georef.to_pixel(lat, lon)) for lat, lon in hull])
            scene.addPolygon(polygon, QPen(AREA_EDGE, 2), QBrush(AREA_FILL)).setZValue(0.5)
            centre = polygon.boundingRect().center()
            label = LabelMarker(name, AREA_EDGE.lighter(160), 10, True)
            label.setPos(centre)
            scene.addItem(label)
        for _, line in plan.links + plan.streets:
            path = QPainterPath()
            for index, (lat, lon) in enumerate(line):
                point = QPointF(*georef.to_pixel(lat, lon))
                path.moveTo(point) if index == 0 else path.lineTo(point)
            scene.addPath(path, QPen(STREET, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)).setZValue(0.6)
        return georef

    def show_picture(self, image: QImage) -> None:
        """The zone's picture under the markers (decoded on a worker: a city plan takes 100 ms and more)."""
        if image.isNull():
            return
        item = QGraphicsPixmapItem(QPixmap.fromImage(image))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setZValue(0)
        self.scene().addItem(item)

    def _draw_mobboxes(self) -> None:
        for box in self.config.mobboxes:
            places = [self.scene_pos(camera.location.lat, camera.location.lon) for camera in box.cameras]
            centre = QPointF(sum(p.x() for p in places) / len(places), sum(p.y() for p in places) / len(places))
            deployment = box.deployment
            tip = self.tr("{name}: {site} since {since} \u2013 {purpose}").format(
                name=box.name, site=deployment.site, since=deployment.since.isoformat(), purpose=deployment.purpose
            )
            ring = self.scene().addEllipse(QRectF(-18, -18, 36, 36), QPen(QColor("#c58cff"), 2, Qt.PenStyle.DashLine))
            ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            ring.setPos(centre)
            ring.setZValue(2.5)
            ring.setToolTip(tip)
            label = LabelMarker(box.name, QColor("#c58cff"), 8, True, below_px=28)
            label.setPos(centre)
            label.setToolTip(tip)
            self.scene().addItem(label)

    def _camera_tip(self, camera: Camera) -> str:
        where = camera.location
        kind = self.tr("fixed camera") if camera.kind == "fixed" else camera.kind.upper()
        heading = (
            ""
            if where.heading_deg is None
            else self.tr(" \u00b7 looks {heading}\u00b0").format(heading=f"{where.heading_deg:.0f}")
        )
        return f"{camera.name}\n{where.street}\n{camera.id} \u00b7 {kind}{heading}"

    # -- places -----------------------------------------------------------------------------------
    def scene_pos(self, lat: float, lon: float) -> QPointF:
        return QPointF(*self.georef.to_pixel(lat, lon))

    def place_at(self, view_pos: QPointF) -> tuple[float, float]:
        scene = self.mapToScene(view_pos.toPoint())
        return self.georef.to_place(scene.x(), scene.y())

    def fit_all(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def centre_on_place(self, lat: float, lon: float) -> None:
        self.centerOn(self.scene_pos(lat, lon))

    # -- what it shows -------------------------------------------------------------------------
    def show_cameras(self, states: dict[str, StreamState | None], desks: dict[str, int],
                     pans: dict[str, float]) -> None:  # fmt: skip
        seeing = set(self.seeing)
        for camera_id, marker in self.markers.items():
            marker.update_look(states.get(camera_id), desks.get(camera_id, 0), pans.get(camera_id),
                               camera_id in seeing)  # fmt: skip

    def show_board(self, board: Board) -> None:
        """Open incidents with a place, by priority; units at their incident, or at their area."""
        scene = self.scene()
        wanted = {incident.id: incident for incident in board.incidents
                  if incident.state.is_open and incident.lat is not None and incident.lon is not None}  # fmt: skip
        for incident_id in list(self.incident_markers):
            if incident_id not in wanted:
                scene.removeItem(self.incident_markers.pop(incident_id))
        for incident_id, incident in wanted.items():
            marker = self.incident_markers.get(incident_id)
            if marker is None:
                marker = IncidentMarker(incident)
                scene.addItem(marker)
                self.incident_markers[incident_id] = marker
            marker.incident = incident
            assert incident.lat is not None and incident.lon is not None
            marker.setPos(self.scene_pos(incident.lat, incident.lon))
            marker.setToolTip(f"{incident.id} \u00b7 P{incident.priority} \u00b7 {incident_type(incident.type)}\n"
                              f"{incident.where}"
                              f"\n{word(incident.state)}")  # fmt: skip
            marker.update()
        self.select_incident(self.selected_incident if self.selected_incident in wanted else None)  # it may have moved
        self._place_units(board, wanted)

    def show_alarms(self, alarms: list[Alarm]) -> None:
        """The open alarms of this desk's list at their cameras until closed or gone from the list: one ring per
        camera (its most urgent alarm, '+N' for the others), so the alarms of one camera do not pile up."""
        scene = self.scene()
        by_camera: dict[str, list[Alarm]] = {}
        for alarm in alarms:  # the list's order: the most urgent first
            if alarm.is_open and alarm.camera in self.markers:
                by_camera.setdefault(alarm.camera, []).append(alarm)
        for camera in [camera for camera in self._camera_alarm_markers if camera not in by_camera]:
            scene.removeItem(self._camera_alarm_markers.pop(camera))
        self.alarm_markers = {}
        for camera, on_camera in by_camera.items():
            marker = self._camera_alarm_markers.get(camera)
            if marker is None:
                marker = AlarmMarker(on_camera[0])
                scene.addItem(marker)
                self._camera_alarm_markers[camera] = marker
            marker.alarm, marker.count = on_camera[0], len(on_camera)
            marker.setPos(self.markers[camera].pos())
            marker.setToolTip(self.markers[camera].toolTip())
            marker.update()
            for alarm in on_camera:
                self.alarm_markers[alarm.id] = marker

    def _place_units(self, board: Board, incidents: dict[str, Incident]) -> None:
        scene = self.scene()
        count_at: dict[str, int] = {}
        for unit in board.units:
            marker = self.unit_markers.get(unit.call_sign)
            if marker is None:
                marker = UnitMarker(unit)
                scene.addItem(marker)
                self.unit_markers[unit.call_sign] = marker
            marker.unit = unit
            at = incidents.get(unit.incident or "")
            if at is not None and at.lat is not None and at.lon is not None:
                key, place = at.id, (at.lat, at.lon)
                offset = 22
            else:
                key = unit.home_area or ""
                place = self._area_centres.get(key) or next(iter(self._area_centres.values()))
                offset = 0
            index = count_at.get(key, 0)
            count_at[key] = index + 1
            base = self.scene_pos(*place)
            scale = max(self.transform().m11(), 1e-6)
            marker.setPos(base + QPointF(0, (offset + 20 * index) / scale))
            marker.setToolTip(f"{unit.call_sign} \u00b7 {word(unit.kind)} \u00b7 {word(unit.state)}"
                              + (f" \u00b7 {unit.incident}" if unit.incident else ""))  # fmt: skip
            marker.update()

    def select_incident(self, incident_id: str | None) -> list[str]:
        """Mark the cameras that can see the incident's spot; their ids, nearest first."""
        self.selected_incident = incident_id
        marker = self.incident_markers.get(incident_id or "")
        if marker is None or marker.incident.lat is None or marker.incident.lon is None:
            self.seeing = []
        else:
            views = [each.view for each in self.markers.values()]
            self.seeing = cameras_seeing(marker.incident.lat, marker.incident.lon, views)
        for camera_id, each in self.markers.items():
            each.update_look(each.state, each.desks, each.pan, camera_id in self.seeing)
        return self.seeing

    def cameras_in(self, rect: QRectF) -> list[str]:
        """The cameras inside a scene rectangle, nearest its centre first."""
        centre = rect.center()
        inside = [(camera_id, marker) for camera_id, marker in self.markers.items() if rect.contains(marker.pos())]
        inside.sort(key=lambda item: (item[1].pos() - centre).manhattanLength())
        return [camera_id for camera_id, _ in inside]

    def ptz_near(self, lat: float, lon: float) -> list[str]:
        """PTZ cameras with a known heading in range of a spot, nearest first (those a click may aim)."""
        near = [(distance_m(m.view.lat, m.view.lon, lat, lon), camera_id) for camera_id, m in self.markers.items()
                if m.view.is_ptz and m.view.heading_deg is not None]  # fmt: skip
        return [camera_id for distance, camera_id in sorted(near) if distance <= SIGHT_RANGE_M * 2]

    # -- input ---------------------------------------------------------------------------------
    def _marker_at(self, pos: QPointF) -> QGraphicsItem | None:
        for item in self.items(pos.toPoint()):
            if isinstance(item, (CameraMarker, IncidentMarker, AlarmMarker)):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:  # an area: the wall fills with it
                self._band_origin = event.position()
                self._band = self._band or QRubberBand(QRubberBand.Shape.Rectangle, self.viewport())
                self._band.setGeometry(int(event.position().x()), int(event.position().y()), 1, 1)
                self._band.show()
                event.accept()
                return
            item = self._marker_at(event.position())
            if isinstance(item, CameraMarker):
                self._press = (event.position(), item)
                event.accept()
                return
            if isinstance(item, AlarmMarker):
                self.alarm_selected.emit(item.alarm.id)
                self._press = (event.position(), None)
                event.accept()
                return
            if isinstance(item, IncidentMarker):
                self.select_incident(item.incident.id)
                self.incident_selected.emit(item.incident.id)
                self._press = (event.position(), None)  # the release is ours too
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._band is not None and self._band.isVisible():
            self._band.setGeometry(QRectF(self._band_origin, event.position()).normalized().toRect())
            return
        if self._press is not None:
            start, marker = self._press
            if marker is not None and (event.position() - start).manhattanLength() >= QApplication.startDragDistance():
                self._press = None
                self._drag_camera(marker.camera.id)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._band is not None and self._band.isVisible():
            self._band.hide()
            rect = QRectF(self.mapToScene(self._band.geometry().topLeft()),
                          self.mapToScene(self._band.geometry().bottomRight()))  # fmt: skip
            cameras = self.cameras_in(rect.normalized())
            if cameras:
                self.cameras_selected.emit(cameras)
            event.accept()
            return
        if self._press is not None:
            _, marker = self._press
            self._press = None
            if marker is not None:
                self.camera_activated.emit(marker.camera.id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _drag_camera(self, camera_id: str) -> None:
        mime = QMimeData()
        mime.setData(CAMERA_MIME, camera_id.encode())
        mime.setText(camera_id)
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        scale = self.transform().m11() * factor
        if 0.05 <= scale <= 8:
            self.scale(factor, factor)
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_at(QPointF(event.pos())).exec(event.globalPos())

    def menu_at(self, view_pos: QPointF) -> QMenu:
        """The right-click menu for a spot: turn a PTZ camera toward it, or show the cameras that see it."""
        lat, lon = self.place_at(view_pos)
        menu = QMenu(self)
        for camera_id in self.ptz_near(lat, lon):
            camera = self.markers[camera_id].camera
            action = menu.addAction(self.tr("Turn {camera} toward this spot").format(camera=camera.name))
            action.triggered.connect(lambda checked=False, c=camera_id: self.aim_requested.emit(c, lat, lon))
        seeing = cameras_seeing(lat, lon, [marker.view for marker in self.markers.values()])
        if seeing:
            action = menu.addAction(
                self.tr("Cameras that see this spot on the wall ({count})").format(count=len(seeing))
            )
            action.triggered.connect(lambda: self.cameras_selected.emit(seeing))
            recorded = menu.addAction(
                self.tr("Recordings of the cameras that see this spot ({count})").format(count=min(len(seeing), 4))
            )
            recorded.triggered.connect(lambda: self.recordings_requested.emit(seeing[:4]))
        if menu.isEmpty():
            menu.addAction(self.tr("No camera sees this spot")).setEnabled(False)
        return menu


def area_centres(config: CameraConfig) -> dict[str, tuple[float, float]]:
    """Each area's middle: the mean place of its cameras."""
    places: dict[str, list[tuple[float, float]]] = {}
    for camera in config.cameras:
        places.setdefault(camera.area, []).append((camera.location.lat, camera.location.lon))
    return {area: (sum(lat for lat, _ in points) / len(points), sum(lon for _, lon in points) / len(points))
            for area, points in places.items()}  # fmt: skip


def layout_for(count: int) -> str:
    """The smallest desk layout that shows ``count`` cameras (at most 16: more is the overview's)."""
    for name, tiles in (("1x1", 1), ("2x2", 4), ("3x3", 9), ("4x4", 16)):
        if count <= tiles:
            return name
    return "4x4"
