"""The map's speed: 200 cameras, 50 incidents and 20 units, drawn whole and panned (target under 16 ms a frame).

The demo zone's plan (camera_config/map.yaml) under 200 cameras made from the demo's 34 (spread
over the zone, each with its heading and cone, half of them on a wall, some watched by other
desks), 50 open incidents and 20 units. Each frame is painted synchronously into the map's
viewport (1600 x 900) and timed: the whole zone (fit), a street level zoom, and a pan of 40 px
per frame across the zone. The floor is measured in the same run: the plan picture alone
drawn at the same scale, no markers. Exits non-zero when a figure could not be measured.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.map
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import sys
import time

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from bench.run import save_results
from console.config.loader import CameraConfig, load_camera_config
from console.config.map_file import load_map
from console.dispatch.model import Incident, IncidentState, Source, Unit, UnitKind, UnitState
from console.dispatch.service import Board
from console.geo.sight import destination
from console.paths import DEFAULT_CONFIG_DIR
from console.ui.app import load_theme
from console.ui.map_view import MapCanvas
from console.video.stream import StreamState

CAMERAS, INCIDENTS, UNITS = 200, 50, 20
VIEWPORT = (1600, 900)
FRAMES = 120
TARGET_MS = 16.0


def zone(config: CameraConfig) -> tuple[CameraConfig, Board]:
    """200 cameras spread over the demo zone, 50 incidents and 20 units among them."""
    cameras = []
    for index in range(CAMERAS):
        base = config.cameras[index % len(config.cameras)]
        lat, lon = destination(base.location.lat, base.location.lon, (index * 137.5) % 360, 40 + (index // 34) * 70)
        heading = base.location.heading_deg or (index * 47) % 360
        where = base.location.model_copy(update={"lat": lat, "lon": lon, "heading_deg": heading})
        cameras.append(base.model_copy(update={"id": f"{base.id}-{index}", "location": where}))
    big = dataclasses.replace(config, cameras=tuple(cameras))
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    incidents = []
    for index in range(INCIDENTS):
        spot = cameras[(index * 7) % CAMERAS].location
        lat, lon = destination(spot.lat, spot.lon, (index * 83) % 360, 30)
        incidents.append(Incident(f"2026-{index:04d}", Source.PHONE, "fight", 1 + index % 3,
                                  (IncidentState.NEW, IncidentState.DISPATCHED, IncidentState.ON_SCENE)[index % 3],
                                  now, "bench", lat=lat, lon=lon))  # fmt: skip
    units = [Unit(f"Leie {10 + index}", UnitKind.CAR, config.areas[index % len(config.areas)].id,
                  UnitState.DISPATCHED if index < 10 else UnitState.AVAILABLE,
                  incidents[index].id if index < 10 else None) for index in range(UNITS)]  # fmt: skip
    return big, Board(1, tuple(incidents), tuple(units), ())


def paint_ms(canvas: MapCanvas, frames: int, step: tuple[int, int] = (0, 0)) -> list[float]:
    """Each frame painted synchronously into the viewport (a pan step before each when asked)."""
    samples = []
    horizontal, vertical = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
    direction = 1
    for _ in range(frames):
        if step != (0, 0):
            if not horizontal.minimum() <= horizontal.value() + direction * step[0] <= horizontal.maximum():
                direction = -direction
            horizontal.setValue(horizontal.value() + direction * step[0])
            vertical.setValue(vertical.value() + direction * step[1])
        canvas.viewport().update()
        start = time.perf_counter()
        canvas.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def floor_ms(canvas: MapCanvas, frames: int) -> list[float]:
    """The plan picture alone, drawn at the view's scale into an image of the viewport's size."""
    picture = next(item for item in canvas.scene().items() if hasattr(item, "pixmap")).pixmap()
    target = QImage(*VIEWPORT, QImage.Format.Format_ARGB32_Premultiplied)
    source = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    samples = []
    for _ in range(frames):
        start = time.perf_counter()
        painter = QPainter(target)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(QRectF(0, 0, *VIEWPORT), QPixmap(picture), source)
        painter.end()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(ordered[int(len(ordered) * 0.95)], 2),
            "max_ms": round(ordered[-1], 2), "frames": len(ordered)}  # fmt: skip


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_theme(app)
    config, board = zone(load_camera_config(DEFAULT_CONFIG_DIR))
    picture = load_map(DEFAULT_CONFIG_DIR)
    assert picture is not None
    started = time.perf_counter()
    canvas = MapCanvas(config, picture, is_image_later=True)  # as a desk builds it: the plan comes from a worker
    build_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    image = QImage(str(picture.image))  # on the desk's worker
    decode_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    canvas.show_picture(image)  # on the GUI thread
    show_ms = (time.perf_counter() - started) * 1000
    canvas.resize(*VIEWPORT)
    canvas.show()
    app.processEvents()
    states = {camera.id: (StreamState.LIVE if index % 5 else StreamState.NO_SIGNAL)
              for index, camera in enumerate(config.cameras) if index % 2 == 0}  # fmt: skip
    desks = {camera.id: 1 + index % 3 for index, camera in enumerate(config.cameras) if index % 4 == 0}
    canvas.show_cameras(states, desks, {})
    started = time.perf_counter()
    canvas.show_board(board)
    board_ms = (time.perf_counter() - started) * 1000
    canvas.select_incident(board.incidents[0].id)
    canvas.fit_all()
    app.processEvents()
    results: dict = {"cameras": len(canvas.markers), "incidents": len(canvas.incident_markers),
                     "units": len(canvas.unit_markers), "viewport": list(VIEWPORT), "target_ms": TARGET_MS,
                     "build_ms": round(build_ms, 1), "picture_decode_worker_ms": round(decode_ms, 1),
                     "picture_shown_ms": round(show_ms, 1), "board_update_ms": round(board_ms, 1)}  # fmt: skip
    results["whole_zone"] = summary(paint_ms(canvas, FRAMES))
    results["whole_zone_floor"] = summary(floor_ms(canvas, FRAMES))
    canvas.resetTransform()
    canvas.scale(1.5, 1.5)
    canvas.centre_on_place(board.incidents[0].lat or 0, board.incidents[0].lon or 0)
    app.processEvents()
    results["street_level"] = summary(paint_ms(canvas, FRAMES))
    results["pan"] = summary(paint_ms(canvas, FRAMES, (40, 12)))
    results["pan_floor"] = summary(floor_ms(canvas, FRAMES))
    measured = [results[key]["median_ms"] for key in ("whole_zone", "street_level", "pan", "whole_zone_floor")]
    if results["cameras"] != CAMERAS or results["incidents"] != INCIDENTS or not all(value > 0 for value in measured):
        print("the map could not be measured", file=sys.stderr)
        return 1
    print(f"\nUitkijk map benchmark: {CAMERAS} cameras, {INCIDENTS} incidents, {UNITS} units, "
          f"{VIEWPORT[0]}x{VIEWPORT[1]} viewport (target {TARGET_MS:.0f} ms a frame)")  # fmt: skip
    print(f"{'':28} {'median':>8} {'p95':>8} {'max':>8}")
    for key, label in (("whole_zone", "the whole zone"), ("whole_zone_floor", "  floor: the plan alone"),
                       ("street_level", "street level (1.5x)"), ("pan", "panning, 40 px a frame"),
                       ("pan_floor", "  floor: the plan alone")):  # fmt: skip
        figures = results[key]
        print(f"{label:28} {figures['median_ms']:>6.1f}ms {figures['p95_ms']:>6.1f}ms {figures['max_ms']:>6.1f}ms")
    print(f"{'building the map (GUI)':28} {build_ms:>6.1f}ms;  the plan: decoded {decode_ms:.0f} ms on a worker, "
          f"shown {show_ms:.1f} ms;  a board update {board_ms:.1f} ms")  # fmt: skip
    save_results("map", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
