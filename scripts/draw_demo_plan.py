"""Draw the demo city's plan (camera_config/map/plan.png) and its map.yaml: no map tiles, ours.

The demo zone is made up around real street names; its plan is drawn from the demo's own
configuration with OpenCV: the areas (hull of their cameras), the streets through their
cameras, the ring road, the river and the roads out to the ANPR cameras. Run it again after
moving demo cameras:  .venv/bin/python scripts/draw_demo_plan.py
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from console.config.loader import load_camera_config
from console.geo.picture import Georeference
from console.geo.plan import plain_plan
from console.paths import DEFAULT_CONFIG_DIR

WIDTH_PX = 3000
GROUND = (38, 31, 26)  # BGR: the dark plan of a night-shift console
BLOCKS = (52, 44, 38)
ROAD = (92, 84, 76)
MAIN_ROAD = (120, 112, 104)
WATER = (96, 62, 34)
AREA = (110, 80, 50)
LABEL = (205, 200, 190)


def main() -> None:
    config = load_camera_config(DEFAULT_CONFIG_DIR)
    places = [(camera.location.lat, camera.location.lon) for camera in config.cameras]
    georef = Georeference.around(places, WIDTH_PX, margin=0.08)
    image = np.full((georef.height_px, georef.width_px, 3), GROUND, np.uint8)

    def px(lat: float, lon: float) -> tuple[int, int]:
        x, y = georef.to_pixel(lat, lon)
        return int(round(x)), int(round(y))

    random = np.random.default_rng(8500)  # the city blocks: the same plan every time
    metres = georef.metres_per_px
    block = max(6, int(70 / metres))
    for y in range(0, georef.height_px, block):
        for x in range(0, georef.width_px, block):
            if random.random() < 0.7:
                inset = max(2, int(12 / metres))
                cv2.rectangle(image, (x + inset, y + inset), (x + block - inset, y + block - inset), BLOCKS, -1)
    centre = (sum(lat for lat, _ in places[:24]) / 24, sum(lon for _, lon in places[:24]) / 24)
    river = [(50.8345, 3.236), (50.8338, 3.252), (50.8328, 3.2605), (50.8322, 3.2665), (50.8312, 3.276),
             (50.8296, 3.292), (50.8282, 3.305)]  # fmt: skip
    cv2.polylines(image, [np.array([px(*point) for point in river], np.int32)], False, WATER, max(6, int(45 / metres)))
    ring_m = 1900
    ring = [(centre[0] + ring_m / 111_320 * math.cos(math.radians(a)),
             centre[1] + ring_m / (111_320 * math.cos(math.radians(centre[0]))) * math.sin(math.radians(a)))
            for a in range(0, 361, 4)]  # fmt: skip
    cv2.polylines(image, [np.array([px(*point) for point in ring], np.int32)], False, MAIN_ROAD, max(4, int(22 / metres)))
    for camera in config.cameras:  # the roads out of town, to the ANPR cameras
        if camera.kind == "anpr":
            cv2.line(image, px(*centre), px(camera.location.lat, camera.location.lon), MAIN_ROAD, max(3, int(16 / metres)))
    plan = plain_plan(config)
    overlay = image.copy()
    for _, hull in plan.areas:
        cv2.fillPoly(overlay, [np.array([px(*point) for point in hull], np.int32)], AREA)
    image = cv2.addWeighted(overlay, 0.35, image, 0.65, 0)
    for _, line in plan.links + plan.streets:
        cv2.polylines(image, [np.array([px(*point) for point in line], np.int32)], False, ROAD, max(3, int(12 / metres)))
    for name, line in plan.streets:
        x, y = px(*line[len(line) // 2])
        cv2.putText(image, name, (x + 8, y - 8), cv2.FONT_HERSHEY_SIMPLEX, 0.55, LABEL, 1, cv2.LINE_AA)
    for name, hull in plan.areas:
        points = np.array([px(*point) for point in hull], np.int32)
        x, y = points.mean(axis=0).astype(int)
        cv2.putText(image, name.upper(), (int(x) - 6 * len(name), int(y)), cv2.FONT_HERSHEY_SIMPLEX, 0.7, LABEL, 2,
                    cv2.LINE_AA)  # fmt: skip
    folder = DEFAULT_CONFIG_DIR / "map"
    folder.mkdir(exist_ok=True)
    cv2.imwrite(str(folder / "plan.png"), image, [cv2.IMWRITE_PNG_COMPRESSION, 9])
    (left, top), (right, bottom) = georef.top_left, georef.bottom_right
    (DEFAULT_CONFIG_DIR / "map.yaml").write_text(
        "# The demo city's plan, drawn by scripts/draw_demo_plan.py (no map tiles: the console works offline).\n"
        "# A zone's own map: a north-up picture and its corners, in WGS84 [lon, lat] or Lambert 2008 [x, y].\n"
        f"version: 1\nimage: map/plan.png\ncrs: wgs84\ntop_left: [{left:.6f}, {top:.6f}]\n"
        f"bottom_right: [{right:.6f}, {bottom:.6f}]\n",
        encoding="utf-8",
    )
    print(f"{folder / 'plan.png'}: {georef.width_px} x {georef.height_px} px, {metres:.2f} m per pixel")


if __name__ == "__main__":
    main()
