"""A click on the map turns a simulated PTZ camera so that the spot is at the picture's centre.

Measured on the decoded frames of the tile: each frame is found in the camera's panorama (the
simulator draws its view out of it) by template matching, and where its centre lands is compared
with the bearing and the depression of the spot clicked.
"""

from __future__ import annotations

import math
import time

import av
import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPointF

from console.geo.sight import destination
from console.sim.panorama import HEIGHT, WIDEST_VIEW_DEG, WIDTH, draw_panorama
from console.video.stream import StreamState

pytestmark = pytest.mark.integration
CAPTION_SHARE = 44 / 720  # the simulator's caption bar over the picture
CAMERA_INDEX_SEED = 9  # cam-ptz is the ninth camera of the test city: its panorama's seed


def decoded_frame(url: str, seconds: float = 3.0) -> np.ndarray:
    """The newest frame of a camera's stream after ``seconds`` of decoding, at its full size.

    A mount of the simulator first delivers what queued in its socket before anyone
    watched (up to 4 MB, sent at once): the frames of the first seconds can be old.
    """
    newest = None
    with av.open(url, options={"rtsp_transport": "tcp"}, timeout=5) as container:
        started = time.monotonic()
        for frame in container.decode(video=0):
            newest = frame
            if time.monotonic() - started >= seconds:
                break
    assert newest is not None, "the stream gave no frame"
    return newest.to_ndarray(format="bgr24")


def centre_in_panorama(frame_bgr: np.ndarray, panorama: np.ndarray, zoom: float) -> tuple[float, float]:
    """Where the frame's centre is in the panorama (x, y pixels), found by template matching."""
    view_w = WIDTH * WIDEST_VIEW_DEG * math.pow(0.1, zoom) / 360
    scale = view_w / frame_bgr.shape[1]
    frame = cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2GRAY)
    top = int(frame.shape[0] * CAPTION_SHARE) + 4
    band = cv2.resize(frame[top:], (round(frame.shape[1] * scale), round((frame.shape[0] - top) * scale)))
    extended = cv2.cvtColor(np.hstack([panorama, panorama[:, : band.shape[1] + 2]]), cv2.COLOR_BGR2GRAY)
    scores = cv2.matchTemplate(extended, band, cv2.TM_CCOEFF_NORMED)
    _, best, _, (x, y) = cv2.minMaxLoc(scores)
    assert best > 0.8, f"the frame was not found in the panorama (score {best:.2f})"
    return (x + frame.shape[1] * scale / 2) % WIDTH, y - top * scale + frame.shape[0] * scale / 2


def test_a_click_on_the_map_turns_the_ptz_camera_to_the_spot(qtbot, room):
    console = room.desk("an.peeters", ["cam-ptz", None, None, None])
    window, ptz = console.windows[0], console.ptz
    tile = window.wall.tiles[0]
    qtbot.waitUntil(lambda: tile.display().state == StreamState.LIVE and ptz.has_ptz("cam-ptz"), timeout=15000)
    camera = room.city.config.camera("cam-ptz")
    bearing, distance = 250.0, 40.0  # west-south-west, 40 m from the mast
    spot = destination(camera.location.lat, camera.location.lon, bearing, distance)
    canvas = console.map.canvases[0]
    canvas.centre_on_place(*spot)
    view_pos = QPointF(canvas.mapFromScene(canvas.scene_pos(*spot)))
    menu = canvas.menu_at(view_pos)  # the right-click on that spot
    turn = next(action for action in menu.actions() if camera.name in action.text())
    turn.trigger()  # the desk takes control first (logged), then aims (logged)
    qtbot.waitUntil(lambda: ptz.is_mine("cam-ptz"), timeout=5000)
    expected_pan = (bearing - 180.0) / 180.0
    qtbot.waitUntil(lambda: (status := ptz.status("cam-ptz")) is not None and not status.is_moving
                    and abs(status.pan - expected_pan) < 0.01, timeout=15000)  # fmt: skip
    zoom = ptz.status("cam-ptz").zoom
    picture = decoded_frame(console.directory.url(camera, "main"))  # 1280 x 720
    found_x, found_y = centre_in_panorama(picture, draw_panorama(CAMERA_INDEX_SEED), zoom)
    degrees_per_px = 360 / WIDTH
    depression = math.degrees(math.atan2(camera.location.height_m, distance))
    expected_x = bearing / 360 * WIDTH
    expected_y = HEIGHT * 0.6 + depression / degrees_per_px  # the horizon sits at 60 % of the panorama
    view_w = WIDTH * WIDEST_VIEW_DEG * math.pow(0.1, zoom) / 360
    frame_px = picture.shape[1] / view_w  # picture pixels per panorama pixel
    error_x = abs((found_x - expected_x + WIDTH / 2) % WIDTH - WIDTH / 2) * frame_px
    error_y = abs(found_y - expected_y) * frame_px
    width = picture.shape[1]
    print(f"aim pointing error: {error_x:.1f} px across, {error_y:.1f} px down, of a {width} px wide picture")
    assert error_x <= 3 and error_y <= 3
    aims = room.entries(action="ptz aim")
    assert aims and aims[-1].camera == "cam-ptz" and aims[-1].reason  # logged with the reason, before it moved


def test_the_incident_chosen_in_the_panel_marks_on_the_map_the_cameras_that_see_it(qtbot, room):
    from console.dispatch import service
    from console.dispatch.model import Source

    console = room.desk("tom.claes", ["cam-a", None, None, None])
    mast = room.city.config.camera("cam-ptz")
    lat, lon = destination(mast.location.lat, mast.location.lon, 120.0, 50.0)
    who = {"user": "intake", "role": "external system", "workstation": "phone"}
    draft = service.Draft(Source.PHONE, "fight", 2, "Verre Dreef 3", "shopping", lat=lat, lon=lon)
    room.writer.submit(service.create_incident(draft, "intake").record(who))
    panel, canvas = console.dispatch_panel, console.map.canvases[0]
    qtbot.waitUntil(lambda: len(canvas.incident_markers) == 1 and bool(panel.queue_model.items), timeout=5000)
    panel.queue.clearSelection()
    with qtbot.waitSignal(panel.incident_chosen, timeout=2000):
        panel.queue.selectRow(0)
    assert canvas.selected_incident == panel.current_id and canvas.seeing == ["cam-ptz"]  # a PTZ turns: it sees
    assert canvas.markers["cam-ptz"].is_seeing and not canvas.markers["cam-a"].is_seeing


def test_the_map_follows_the_pan_of_a_ptz_camera_that_is_on_no_wall(qtbot, room):
    """ONVIF answers after the map is built: the map still has the camera polled, and its cone turns."""
    console = room.desk("an.peeters", ["cam-a", None, None, None])  # cam-ptz is on no tile
    canvas = console.map.canvases[0]
    qtbot.waitUntil(lambda: console.ptz.has_ptz("cam-ptz"), timeout=15000)
    qtbot.waitUntil(lambda: canvas.markers["cam-ptz"].pan is not None, timeout=5000)
    assert canvas.markers["cam-ptz"].pan == console.ptz.status("cam-ptz").pan
