"""A live camera whose every frame carries the wall-clock time it was made.

The time (milliseconds, 40 bits) is drawn as a row of black and white blocks,
with its inverse in a second row so a misread is detected. ffmpeg encodes the
frames live (x264, zerolatency, 1 s GOP) and pushes RTP to a simulator
mount, so the stamp read back from a painted tile gives glass-to-glass latency.
"""

from __future__ import annotations

import subprocess
import threading
import time

import numpy as np

BITS = 40
PER_ROW = 20
BLOCK_W, BLOCK_H = 32, 24
WIDTH, HEIGHT, FPS = 640, 360, 25


def draw_stamp(image: np.ndarray, millis: int) -> None:
    for bit in range(BITS):
        value = 255 if (millis >> bit) & 1 else 0
        x, row = (bit % PER_ROW) * BLOCK_W, (bit // PER_ROW) * 2 * BLOCK_H
        image[row : row + BLOCK_H, x : x + BLOCK_W] = value
        image[row + BLOCK_H : row + 2 * BLOCK_H, x : x + BLOCK_W] = 255 - value


def read_stamp(gray: np.ndarray) -> int | None:
    """The stamp in a grey picture of the whole frame (any size), or None if unreadable."""
    height, width = gray.shape[:2]
    scale_x, scale_y = width / WIDTH, height / HEIGHT
    millis = 0
    for bit in range(BITS):
        x = int(((bit % PER_ROW) * BLOCK_W + BLOCK_W / 2) * scale_x)
        row = (bit // PER_ROW) * 2 * BLOCK_H
        top = gray[int((row + BLOCK_H / 2) * scale_y), x]
        bottom = gray[int((row + BLOCK_H * 1.5) * scale_y), x]
        if (top > 128) == (bottom > 128):
            return None
        if top > 128:
            millis |= 1 << bit
    return millis


def now_millis() -> int:
    return int(time.time() * 1000) & ((1 << BITS) - 1)


class LiveClockFeeder:
    """Renders stamped frames at 25 fps into ffmpeg, which streams to a UDP port."""

    def __init__(self, udp_port: int) -> None:
        self.udp_port = udp_port
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="live-clock", daemon=True)
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "gray",
             "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS), "-i", "-",
             "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", str(FPS),
             "-bf", "0", "-pix_fmt", "yuv420p", "-qp", "8",
             "-f", "rtp", "-payload_type", "96", f"rtp://127.0.0.1:{self.udp_port}?pkt_size=1200"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._thread.start()

    def _run(self) -> None:
        assert self._process is not None and self._process.stdin is not None
        image = np.full((HEIGHT, WIDTH), 90, dtype=np.uint8)
        next_time = time.monotonic()
        while not self._stop.is_set():
            draw_stamp(image, now_millis())
            try:
                self._process.stdin.write(image.tobytes())
                self._process.stdin.flush()
            except (BrokenPipeError, ValueError):
                return
            next_time += 1 / FPS
            self._stop.wait(max(0.0, next_time - time.monotonic()))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        if self._process is not None:
            if self._process.stdin:
                self._process.stdin.close()
            self._process.terminate()
            self._process.wait(5)


def feed_the_clock(network, camera_id: str) -> list[LiveClockFeeder]:
    """The camera's clip stopped and its mounts fed live stamped frames instead (stop each feeder after)."""
    network.stop_feed(camera_id)
    feeders = [LiveClockFeeder(mount.udp_port) for mount in network.cameras[camera_id].mounts]
    for feeder in feeders:
        feeder.start()
    return feeders
