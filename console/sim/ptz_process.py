"""The simulated PTZ cameras: ONVIF devices whose RTSP picture is a moving viewport.

Runs as its own process (``python -m console.sim.ptz_process``) so that drawing
and encoding never compete with the console for the GIL. For each camera: an
ONVIF server on its port, a PTZ head, and a renderer that draws the viewport
over the camera's panorama 15 times a second into ffmpeg, which encodes the
main (1280x720) and sub (640x360) streams and sends them to the RTSP server.

Input (stdin, JSON): {"cache_dir": ..., "rtsp_port": 8554, "cameras": [{"id", "title",
"onvif_port", "username", "password", "clock_offset_s", "udp_main", "udp_sub", "seed"}]}
Output (stdout): "READY" when every ONVIF server listens. Ends on SIGTERM or when stdin closes.
Then (stdin, one JSON line each): {"camera": id, "kind": ...} of ``sim event`` (control.EVENT_KINDS):
the picture covered, turned away, someone crossing it, the video gone; a Mobbox's door, battery
and uplink as ONVIF events of the camera (``SimulatedOnvifDevice.notify``).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import cv2
import numpy as np

from console.sim.onvif_server import SIM_EVENT_MESSAGES, OnvifServer, SimulatedOnvifDevice, StreamProfile
from console.sim.panorama import Viewport, load_panorama
from console.sim.ptz_head import Position, Preset, PtzHead

MOTION_S = 5.0  # a person crosses the picture in this time
FPS = 15  # a Mobbox on a cellular uplink sends about this; it also keeps four cameras affordable here
MAIN_SIZE, SUB_SIZE = (1280, 720), (640, 360)


class PtzCamera:
    def __init__(self, spec: dict, cache_dir: Path, rtsp_port: int) -> None:
        self.spec = spec
        self.head = PtzHead()
        for name, (pan, tilt, zoom) in spec.get("presets", {}).items():  # the camera's presets at start
            self.head.presets[name] = Preset(name, name, Position(pan, tilt, zoom))
        panorama = load_panorama(cache_dir, int(spec.get("seed", 1)))
        self.viewport = Viewport(panorama, *MAIN_SIZE)
        self._frame: np.ndarray = self.viewport.render(0, 0, 0)
        base = f"rtsp://127.0.0.1:{rtsp_port}/{spec['id']}"
        profiles = [
            StreamProfile("main", "Main 720p", *MAIN_SIZE, base),
            StreamProfile("sub", "Sub 360p", *SUB_SIZE, f"{base}-sub"),
        ]
        self.device = SimulatedOnvifDevice(
            name=spec["id"],
            username=spec["username"],
            password=spec["password"],
            profiles=profiles,
            head=self.head,
            serial=f"SIM-{spec['id'].upper()}",
            clock_offset_s=float(spec.get("clock_offset_s", 0.0)),
            snapshot=self.snapshot,
        )
        self.server = OnvifServer(self.device, int(spec["onvif_port"]))
        self._stop = threading.Event()
        self.is_covered = self.is_moved = self.is_lost = False
        self.motion_since: float | None = None  # monotonic time a person started crossing (sim event motion)
        self._encoder = subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "bgr24",
             "-s", f"{MAIN_SIZE[0]}x{MAIN_SIZE[1]}", "-r", str(FPS), "-i", "-",
             "-filter_complex", f"[0:v]split=2[main][low];[low]scale={SUB_SIZE[0]}:{SUB_SIZE[1]}[sub]",
             "-map", "[main]", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", str(FPS),
             "-bf", "0", "-pix_fmt", "yuv420p", "-b:v", "1500k", "-x264-params", "sliced-threads=0",
             "-f", "rtp", "-payload_type", "96", f"rtp://127.0.0.1:{spec['udp_main']}?pkt_size=1200",
             "-map", "[sub]", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", str(FPS),
             "-bf", "0", "-pix_fmt", "yuv420p", "-b:v", "400k", "-x264-params", "sliced-threads=0",
             "-f", "rtp", "-payload_type", "96", f"rtp://127.0.0.1:{spec['udp_sub']}?pkt_size=1200"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._render, name=f"render-{spec['id']}", daemon=True)

    def start(self) -> None:
        self.server.start()
        self._thread.start()

    def snapshot(self) -> bytes:
        return cv2.imencode(".jpg", self._frame, [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes()

    def _render(self) -> None:
        assert self._encoder.stdin is not None
        title = self.spec.get("title", self.spec["id"])
        next_time = time.monotonic()
        while not self._stop.is_set():
            position, is_moving = self.head.snapshot()
            frame = self.viewport.render(position.pan, position.tilt, position.zoom)
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            cv2.rectangle(frame, (0, 0), (MAIN_SIZE[0], 44), (0, 0, 0), -1)
            cv2.putText(frame, f"{title}   {stamp}", (16, 31), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (255, 255, 255), 2)
            state = f"P {position.pan:+.2f}  T {position.tilt:+.2f}  Z {position.zoom:.2f}"
            cv2.putText(frame, state, (MAIN_SIZE[0] - 420, 31), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (0, 215, 255), 2)
            frame = self._as_tampered(frame)
            self._frame = frame
            if self.is_lost:  # the camera sends nothing
                next_time = time.monotonic() + 1 / FPS
                self._stop.wait(1 / FPS)
                continue
            try:
                self._encoder.stdin.write(frame.tobytes())
            except (BrokenPipeError, ValueError):
                return
            next_time += 1 / FPS
            delay = next_time - time.monotonic()
            if delay < -0.5:
                next_time = time.monotonic()  # fell behind: do not try to catch up in a burst
            self._stop.wait(max(0.0, delay))

    def _as_tampered(self, frame: np.ndarray) -> np.ndarray:
        """The picture as a covered lens, a turned camera or a passer-by makes it (sim event)."""
        height, width = frame.shape[:2]
        if self.motion_since is not None:
            share = (time.monotonic() - self.motion_since) / MOTION_S
            if share > 1:
                self.motion_since = None
            else:  # a person walking across the lower middle of the picture
                x = int(width * (0.25 + 0.5 * share))
                cv2.rectangle(frame, (x - 18, int(height * 0.55)), (x + 18, int(height * 0.85)), (60, 40, 150), -1)
                cv2.circle(frame, (x, int(height * 0.52)), 16, (140, 170, 210), -1)
        if self.is_moved:
            turn = cv2.getRotationMatrix2D((width / 2, height / 2), 12, 1.3)
            turn[0, 2] += width * 0.2
            frame = cv2.warpAffine(frame, turn, (width, height), borderValue=(40, 40, 40))
        if self.is_covered:
            noise = np.random.default_rng().integers(0, 8, (height // 8, width // 8, 1), dtype=np.uint8)
            frame = cv2.resize(noise, (width, height), interpolation=cv2.INTER_NEAREST)[:, :, None].repeat(3, 2) + 8
        return frame

    def on_event(self, kind: str) -> None:
        """A ``sim event`` for this camera."""
        if kind == "motion":
            self.motion_since = time.monotonic()
        elif kind in ("tamper-cover", "tamper-move", "tamper-end"):
            self.is_covered, self.is_moved = kind == "tamper-cover", kind == "tamper-move"
        elif kind in ("video-loss", "video-back"):
            self.is_lost = kind == "video-loss"
        elif kind in SIM_EVENT_MESSAGES:  # a Mobbox's door, battery, uplink: the topics of onvif_server (the
            self.device.notify_kind(kind)  # events follower's contract); the device keeps it for new subscriptions

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.server.stop()
        if self._encoder.stdin:
            try:
                self._encoder.stdin.close()
            except BrokenPipeError:
                pass
        self._encoder.terminate()
        try:
            self._encoder.wait(5)
        except subprocess.TimeoutExpired:
            self._encoder.kill()


def main() -> int:
    spec = json.loads(sys.stdin.readline())
    cameras = [PtzCamera(camera, Path(spec["cache_dir"]), int(spec["rtsp_port"])) for camera in spec["cameras"]]
    for camera in cameras:
        camera.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    by_id = {camera.spec["id"]: camera for camera in cameras}

    def on_parent_gone() -> None:  # sim events, one a line; stdin closes when the console that started us ends
        for line in sys.stdin:
            try:
                command = json.loads(line)
                by_id[command["camera"]].on_event(command["kind"])
            except (ValueError, KeyError, TypeError):
                print(f"unreadable command: {line.strip()[:200]}", file=sys.stderr, flush=True)
        stop.set()

    threading.Thread(target=on_parent_gone, daemon=True).start()
    print("READY", flush=True)
    stop.wait()
    for camera in cameras:
        camera.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
