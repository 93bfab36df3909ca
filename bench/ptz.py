"""PTZ benchmarks: key to wire, ONVIF set-up of 16 cameras, and how soon the picture moves.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.ptz

- key press to ContinuousMove on the wire, key release to Stop on the wire: the
  simulated cameras run in their own process and stamp each request's arrival
  (CLOCK_MONOTONIC is shared by all processes);
- 16 ONVIF cameras set up at start (device, services, profiles, stream URIs, PTZ,
  presets), with the longest gap of the GUI event loop meanwhile;
- picture reaction: from ContinuousMove sent to the first decoded frame whose
  content has moved (phase correlation), on a simulated PTZ camera.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.cameras import simulated_network
from bench.desk import Desk
from bench.gaps import EventLoopGapMeter
from bench.onvif_farm import PASSWORD, USERNAME
from bench.run import save_results
from console.config.loader import load_camera_config
from console.onvif.directory import StreamDirectory
from console.onvif.process import OnvifProcess
from console.onvif.service import OnvifService
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT
from console.sim.network import free_port
from console.video.hub import StreamHub

CAMERAS = 16


class Farm:
    def __init__(self, count: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.onvif_farm", str(count)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT,
        )  # fmt: skip
        assert self.process.stdout is not None
        self.ports = json.loads(self.process.stdout.readline())["ports"]
        self.arrivals: list[tuple[int, str, float]] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            _, port, action, stamp = line.split()
            with self._lock:
                self.arrivals.append((int(port), action, float(stamp)))

    def first_after(self, port: int, action: str, since: float) -> float | None:
        with self._lock:
            return next((t for p, a, t in self.arrivals if p == port and a == action and t >= since), None)

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(10)


def write_config(folder: Path, ports: list[int]) -> None:
    lines = ["version: 1", "areas:", "  - {id: bench, name: Bench}", "cameras:"]
    for index, port in enumerate(ports):
        lines.append(
            f"  - {{id: ptz-{index:02d}, name: PTZ {index}, kind: ptz, area: bench, "
            f"location: {{street: S, lat: 50, lon: 3}}, onvif: {{host: 127.0.0.1, port: {port}, "
            f"username: {USERNAME}, password: {PASSWORD}}}}}"
        )
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n")


def process_until(condition, timeout_s: float) -> bool:
    """Run the Qt event loop (waiting for events, not spinning) until the condition holds."""
    deadline = time.monotonic() + timeout_s
    waker = QTimer()
    waker.start(1)
    try:
        while not condition():
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        waker.stop()
    return True


def measure_setup_and_keys(app: QApplication) -> dict:
    """A signed-in desk on 16 ONVIF cameras: set-up, then key to wire (each gesture logged before it goes)."""
    farm = Farm(CAMERAS)
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-ptz-bench-"))
    write_config(folder, farm.ports)
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", folder / "users.yaml")  # the desk signs in
    config = load_camera_config(folder, {})
    launched = time.monotonic()
    service = OnvifProcess(config.cameras)
    service.warm_up()  # as the console does before its sign-in: the process imports and parses while the desk is made
    desk = Desk(config, Path(tempfile.mkdtemp(prefix="uitkijk-ptz-desk-")), onvif=service)
    started = time.monotonic()
    window = desk.open("1x1", ["ptz-00"])  # starts the ONVIF set-up of every camera in the background
    window.resize(800, 450)
    window_built_s = time.monotonic() - started
    meter = EventLoopGapMeter()
    meter.start()  # the event loop from here, while the cameras are set up
    process_until(lambda: len(service.probes) == CAMERAS, 30)
    setup_s = time.monotonic() - started
    process_until(lambda: time.monotonic() - started > setup_s + 0.2, 1)
    meter.stop()
    result = {"onvif_cameras": len(service.probes), "setup_16_cameras_s": setup_s, "window_built_s": window_built_s,
              "desk_built_s": started - launched, "setup_from_process_launch_s": started - launched + setup_s,
              "max_gui_gap_during_setup_ms": meter.longest_ms,
              "longest_gap_where": meter.where_longest()}  # fmt: skip
    wall = window.wall
    wall.setFocus()
    QTest.keyClick(wall, Qt.Key.Key_P)  # take control: the lease is logged first
    if not process_until(lambda: desk.console.ptz.is_mine("ptz-00"), 5):
        raise RuntimeError("the desk did not get the PTZ lease")
    port = farm.ports[0]
    press_ms, release_ms = [], []
    for _ in range(30):
        press_ms.append(_key_to_wire(farm, port, lambda: QTest.keyPress(wall, Qt.Key.Key_Right), "ContinuousMove"))
        release_ms.append(_key_to_wire(farm, port, lambda: QTest.keyRelease(wall, Qt.Key.Key_Right), "Stop"))
        pause = time.monotonic()
        process_until(lambda p=pause: time.monotonic() - p > 0.1, 1)
    result |= {
        "key_press_to_move_on_wire_median_ms": statistics.median(press_ms),
        "key_press_to_move_on_wire_max_ms": max(press_ms),
        "key_release_to_stop_on_wire_median_ms": statistics.median(release_ms),
        "key_release_to_stop_on_wire_max_ms": max(release_ms),
    }
    desk.close()
    farm.stop()
    return result


def _key_to_wire(farm: Farm, port: int, key_event, action: str) -> float:
    """Milliseconds from the key event to the command's arrival at the camera."""
    started = time.monotonic()
    key_event()
    process_until(lambda: farm.first_after(port, action, started) is not None, 5)
    return 1000 * (farm.first_after(port, action, started) - started)


def measure_picture_reaction() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-ptz-pic-"))
    onvif_port = free_port()
    (folder / "cameras.yaml").write_text(
        "version: 1\nareas:\n  - {id: a, name: A}\ncameras:\n"
        "  - {id: mobbox-ptz, name: Mobbox PTZ, kind: ptz, area: a, location: {street: S, lat: 50, lon: 3},\n"
        f"     onvif: {{host: 127.0.0.1, port: {onvif_port}, username: {USERNAME}, password: {PASSWORD}}}}}\n"
    )
    (folder / "simulation.yaml").write_text(f"version: 1\nrtsp_port: {free_port()}\n")
    config = load_camera_config(folder, {})
    network = simulated_network(config)
    network.start()
    directory = StreamDirectory(config.cameras)
    service = OnvifService(config.cameras, directory)
    service.start().result(10)
    hub = StreamHub()
    handle = hub.acquire(directory.url(config.cameras[0], "sub"), "mobbox-ptz.sub", lambda s: None, (640, 360))
    frames: list = []  # every new newest frame, as a viewer polling the reader's slot sees them

    def newest_frames() -> list:
        frame = handle.latest()
        if frame is not None and (not frames or frame.sequence != frames[-1].sequence):
            frames.append(frame)
        return frames

    reactions = []
    try:
        deadline = time.monotonic() + 10
        while len(newest_frames()) < 20 and time.monotonic() < deadline:
            time.sleep(0.005)
        for direction in (1, -1, 1, -1, 1, -1):
            time.sleep(0.8)  # let the picture settle
            reference = frames[-1]
            sent = time.monotonic()
            service.continuous_move("mobbox-ptz", 0.5 * direction, 0, 0, 1.0).result(5)
            moved_at = None
            while time.monotonic() - sent < 3 and moved_at is None:
                for frame in list(newest_frames()):
                    if frame.sequence > reference.sequence and frame.arrived_monotonic_s >= sent:
                        if abs(_shift(reference.pixels, frame.pixels)) > 1.0:
                            moved_at = frame.arrived_monotonic_s
                            break
                time.sleep(0.005)
            service.stop_move("mobbox-ptz").result(5)
            if moved_at is not None:
                reactions.append(1000 * (moved_at - sent))
    finally:
        handle.release()
        hub.shutdown()
        service.shutdown()
        network.stop()
    return {"picture_reaction_median_ms": statistics.median(reactions), "picture_reaction_max_ms": max(reactions),
            "picture_reaction_samples": len(reactions), "ptz_stream_fps": 15}  # fmt: skip


def _shift(before: np.ndarray, after: np.ndarray) -> float:
    top = before.shape[0] // 8
    first = cv2.cvtColor(before[top:], cv2.COLOR_BGRA2GRAY).astype(np.float32)
    second = cv2.cvtColor(after[top:], cv2.COLOR_BGRA2GRAY).astype(np.float32)
    return cv2.phaseCorrelate(first, second)[0][0]


def main() -> int:
    app = QApplication.instance() or QApplication([])
    results = measure_setup_and_keys(app)
    results |= measure_picture_reaction()
    print("\nUitkijk PTZ benchmark (loopback, this machine)")
    print(f"{'figure':52} {'value':>10}  target")
    rows = [
        (
            "key press -> ContinuousMove on the wire, median (ms)",
            results["key_press_to_move_on_wire_median_ms"],
            "< 20",
        ),
        ("key press -> ContinuousMove on the wire, max (ms)", results["key_press_to_move_on_wire_max_ms"], ""),
        ("key release -> Stop on the wire, median (ms)", results["key_release_to_stop_on_wire_median_ms"], "< 20"),
        ("key release -> Stop on the wire, max (ms)", results["key_release_to_stop_on_wire_max_ms"], ""),
        ("16 ONVIF cameras set up, from opening the window (s)", results["setup_16_cameras_s"], "< 0.5"),
        ("  of which building the desk's window (s)", results["window_built_s"], ""),
        ("  from starting the ONVIF process, before the desk (s)", results["setup_from_process_launch_s"], ""),
        ("  of which making the signed-in desk (s)", results["desk_built_s"], ""),
        (
            "longest GUI event-loop gap meanwhile, after the window (ms)",
            results["max_gui_gap_during_setup_ms"],
            "<= 50",
        ),
        ("ContinuousMove -> first moved frame, median (ms)", results["picture_reaction_median_ms"], ""),
        ("ContinuousMove -> first moved frame, max (ms)", results["picture_reaction_max_ms"], ""),
    ]
    for label, value, target in rows:
        print(f"{label:52} {value:>10.2f}  {target}")
    if results["max_gui_gap_during_setup_ms"] > 50:
        print("Where the GUI thread was during that gap (innermost call first):")
        for stack in results["longest_gap_where"]:
            print(f"  {stack}")
    save_results("ptz", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
