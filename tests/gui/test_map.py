"""The map canvas: cameras at their pixel, a click and a Shift+drag onto the wall, what sees an incident."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from console.config.loader import load_camera_config
from console.config.map_file import MapPicture
from console.dispatch.model import Incident, IncidentState, Source, Unit, UnitKind, UnitState
from console.dispatch.service import Board
from console.paths import DEFAULT_CONFIG_DIR
from console.ui.map_view import OFF_WALL, MapCanvas, layout_for
from console.video.stream import StreamState

CORNERS = ((3.2500, 50.8400), (3.2900, 50.8100))  # (lon, lat) top-left, bottom-right
SIZE = (1600, 1200)


@pytest.fixture
def config():
    return load_camera_config(DEFAULT_CONFIG_DIR)


@pytest.fixture
def picture(tmp_path):
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("#202020"))
    path = tmp_path / "plan.png"
    assert image.save(str(path))
    return MapPicture(path, "wgs84", *CORNERS)


@pytest.fixture
def canvas(qtbot, config, picture):
    canvas = MapCanvas(config, picture)
    qtbot.addWidget(canvas)
    canvas.resize(1000, 800)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def expected_pixel(lat: float, lon: float) -> tuple[float, float]:
    (left, top), (right, bottom) = CORNERS
    return (lon - left) / (right - left) * SIZE[0], (top - lat) / (top - bottom) * SIZE[1]


def test_a_camera_is_drawn_at_its_pixel_of_the_georeferenced_picture(canvas, config):
    camera = config.camera("station-01")
    x, y = expected_pixel(camera.location.lat, camera.location.lon)
    marker = canvas.markers[camera.id]
    assert (marker.pos().x(), marker.pos().y()) == pytest.approx((x, y), abs=0.01)
    image = QImage(*SIZE, QImage.Format.Format_RGB32)  # the scene drawn 1:1: the dot's colour at that pixel
    image.fill(QColor("black"))
    painter = QPainter(image)
    canvas.scene().render(painter, QRectF(0, 0, *SIZE), QRectF(0, 0, *SIZE))
    painter.end()
    assert image.pixelColor(round(x), round(y)).name() == OFF_WALL.name()  # not on a wall: grey
    assert image.pixelColor(round(x) + 40, round(y) + 40).name() != OFF_WALL.name()


def click_at(qtbot, canvas, scene_x: float, scene_y: float, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtCore import QPointF

    point = canvas.mapFromScene(QPointF(scene_x, scene_y))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def test_a_click_on_a_camera_puts_it_on_the_wall_and_shift_drag_takes_an_area(qtbot, canvas, config):
    camera = config.camera("shopping-03")
    canvas.centre_on_place(camera.location.lat, camera.location.lon)
    marker = canvas.markers[camera.id]
    with qtbot.waitSignal(canvas.camera_activated, timeout=2000) as clicked:
        click_at(qtbot, canvas, marker.pos().x(), marker.pos().y())
    assert clicked.args == [camera.id]
    around = QRectF(marker.pos().x() - 60, marker.pos().y() - 60, 120, 120)
    inside = sorted(camera_id for camera_id, each in canvas.markers.items() if around.contains(each.pos()))
    assert camera.id in inside and len(inside) >= 2
    start, end = canvas.mapFromScene(around.topLeft()), canvas.mapFromScene(around.bottomRight())
    with qtbot.waitSignal(canvas.cameras_selected, timeout=2000) as selected:
        qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
        qtbot.mouseMove(canvas.viewport(), QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
        qtbot.mouseMove(canvas.viewport(), end)
        qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end)
    assert sorted(selected.args[0]) == inside
    assert layout_for(len(inside)) == ("2x2" if len(inside) <= 4 else "3x3" if len(inside) <= 9 else "4x4")


def test_an_incident_shows_the_cameras_that_see_its_spot_and_units_stand_by_it(qtbot, canvas, config):
    camera = config.camera("station-01")  # looks toward the station square
    spot = (camera.location.lat - 0.0003, camera.location.lon + 0.0003)  # 40 m south-east, inside its cone
    incident = Incident("2026-0001", Source.PHONE, "fight", 1, IncidentState.DISPATCHED, "2026-11-28T20:00:00Z", "x",
                        lat=spot[0], lon=spot[1], units=("Leie 11",))  # fmt: skip
    units = (Unit("Leie 11", UnitKind.CAR, "station", UnitState.EN_ROUTE, "2026-0001"),
             Unit("Leie 12", UnitKind.BIKE, "station"))  # fmt: skip
    canvas.show_board(
        Board(1, (incident, dataclasses.replace(incident, id="2026-0002", lat=None, lon=None)), units, ())
    )
    assert list(canvas.incident_markers) == ["2026-0001"]  # one without a place is not on the map
    marker = canvas.incident_markers["2026-0001"]
    with qtbot.waitSignal(canvas.incident_selected, timeout=2000) as chosen:
        click_at(qtbot, canvas, marker.pos().x(), marker.pos().y())
    assert chosen.args == ["2026-0001"]
    assert canvas.seeing and canvas.seeing[0] == camera.id  # the nearest that sees it first
    assert canvas.markers[camera.id].is_seeing and not canvas.markers["mobbox-1-ptz1"].is_seeing
    on_it = canvas.unit_markers["Leie 11"].pos()
    assert (on_it - marker.pos()).manhattanLength() < 60  # the unit stands by its incident
    canvas.show_cameras({camera.id: StreamState.LIVE}, {camera.id: 2}, {})
    assert canvas.markers[camera.id].state == StreamState.LIVE and canvas.markers[camera.id].desks == 2


def test_without_a_picture_the_map_draws_a_plain_plan_of_its_own(qtbot, config):
    canvas = MapCanvas(config, None)
    qtbot.addWidget(canvas)
    scene = canvas.sceneRect()
    for marker in canvas.markers.values():
        assert scene.contains(marker.pos())
    assert canvas.georef.width_px == 2400 and len(canvas.scene().items()) > len(config.cameras) + len(config.areas)
