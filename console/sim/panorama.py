"""A 360-degree street panorama for the simulated PTZ cameras, and the viewport over it.

Drawn once with OpenCV: sky, facades with lit windows, a street with lamp posts,
and bearings every 10 degrees, so an operator (and a test) sees the camera turn.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

WIDTH, HEIGHT = 4800, 1200  # 360 degrees by about 90 degrees
WIDEST_VIEW_DEG = 90.0  # zoom 0
NARROWEST_VIEW_DEG = 9.0  # zoom 1: a 10x optical zoom
TILT_RANGE_DEG = 20.0  # tilt -1..1 looks this far down / up from the horizon


def draw_panorama(seed: int) -> np.ndarray:
    """A BGR panorama; the seed makes each camera's street its own."""
    random = np.random.default_rng(seed)
    image = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
    for row in range(HEIGHT // 2):  # evening sky
        share = row / (HEIGHT / 2)
        image[row, :] = (int(90 + 80 * share), int(60 + 70 * share), int(40 + 60 * share))
    horizon = int(HEIGHT * 0.62)
    x = 0
    while x < WIDTH:
        width = int(random.integers(160, 420))
        top = int(random.integers(int(HEIGHT * 0.18), int(HEIGHT * 0.45)))
        colour = tuple(int(value) for value in random.integers(40, 150, 3))
        cv2.rectangle(image, (x, top), (x + width, horizon), colour, -1)
        cv2.rectangle(image, (x, top), (x + width, horizon), (20, 20, 20), 3)
        for window_y in range(top + 30, horizon - 60, 70):
            for window_x in range(x + 20, x + width - 40, 55):
                lit = random.random() < 0.45
                window = (80, 200, 240) if lit else (50, 45, 40)
                cv2.rectangle(image, (window_x, window_y), (window_x + 28, window_y + 40), window, -1)
        x += width + int(random.integers(0, 40))
    image[horizon:, :] = (70, 70, 72)  # street
    for lane_x in range(0, WIDTH, 160):
        cv2.rectangle(image, (lane_x, int(HEIGHT * 0.82)), (lane_x + 90, int(HEIGHT * 0.83)), (220, 220, 220), -1)
    cv2.rectangle(image, (0, horizon), (WIDTH, horizon + 40), (120, 120, 125), -1)  # pavement
    for post_x in range(120, WIDTH, 600):
        cv2.line(image, (post_x, horizon + 20), (post_x, int(HEIGHT * 0.3)), (30, 30, 30), 10)
        cv2.circle(image, (post_x, int(HEIGHT * 0.3)), 22, (150, 230, 255), -1)
    for bearing in range(0, 360, 10):
        bearing_x = int(bearing / 360 * WIDTH)
        label = {0: "N", 90: "E", 180: "S", 270: "W"}.get(bearing, f"{bearing}")
        cv2.line(image, (bearing_x, int(HEIGHT * 0.74)), (bearing_x, int(HEIGHT * 0.86)), (0, 215, 255), 6)
        cv2.putText(image, label, (bearing_x + 12, int(HEIGHT * 0.85)), cv2.FONT_HERSHEY_SIMPLEX, 1.8, (0, 215, 255), 5)
    return image


def load_panorama(cache_dir: Path, seed: int) -> np.ndarray:
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"panorama-{seed}-v2.png"
    if path.exists():
        image = cv2.imread(str(path))
        if image is not None:
            return image
    image = draw_panorama(seed)
    cv2.imwrite(str(path), image)
    return image


class Viewport:
    """Cuts the camera's view out of the panorama for a pan/tilt/zoom position."""

    def __init__(self, panorama: np.ndarray, width: int, height: int) -> None:
        self.width, self.height = width, height
        widest = self._view_width_px(0.0, panorama.shape[1])
        self._panorama_width = panorama.shape[1]
        self._extended = np.hstack([panorama, panorama[:, : widest + 2]])  # crops never wrap

    @staticmethod
    def _view_width_px(zoom: float, panorama_width: int) -> int:
        degrees = WIDEST_VIEW_DEG * math.pow(NARROWEST_VIEW_DEG / WIDEST_VIEW_DEG, zoom)
        return int(panorama_width * degrees / 360)

    def render(self, pan: float, tilt: float, zoom: float) -> np.ndarray:
        view_width = self._view_width_px(zoom, self._panorama_width)
        view_height = min(self._extended.shape[0], int(view_width * self.height / self.width))
        centre_x = (pan + 1) / 2 * self._panorama_width  # pan -1..1 is the whole circle
        x0 = int(centre_x - view_width / 2) % self._panorama_width
        degrees_per_px = 360 / self._panorama_width
        horizon_y = self._extended.shape[0] * 0.6 - tilt * TILT_RANGE_DEG / degrees_per_px
        y0 = int(min(max(horizon_y - view_height / 2, 0), self._extended.shape[0] - view_height))
        crop = self._extended[y0 : y0 + view_height, x0 : x0 + view_width]
        return cv2.resize(crop, (self.width, self.height), interpolation=cv2.INTER_LINEAR)
