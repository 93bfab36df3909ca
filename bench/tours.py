"""Tour switching: warm (pre-roll) against cold, on the same tour, and what pre-roll costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.tours

Switch time: from the step change to every tile having painted a frame of its new
camera. Target (warm): within one frame interval, 40 ms at 25 fps. Cold is the same
tour with pre-roll off. Extra CPU: the process's CPU over the whole tour, with and without.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.cameras import simulated_network
from bench.desk import Desk
from bench.run import save_results, write_config
from console.config.loader import load_camera_config
from console.sim.network import free_port
from console.tours.model import Tour, TourStep
from console.ui import video_tile
from console.ui.app import settle_runtime

DWELL_S = 5.0
ROUNDS = 3


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_tour(app: QApplication, config, preroll_s: float) -> dict:
    cameras = [camera.id for camera in config.cameras]
    first, second = tuple(cameras[0:4]), tuple(cameras[4:8])
    steps = []
    for _ in range(ROUNDS):
        steps += [TourStep("2x2", first, DWELL_S), TourStep("2x2", second, DWELL_S)]
    tour = Tour("bench", "Bench", None, tuple(steps))
    settle_runtime()
    desk = Desk(config, Path(tempfile.mkdtemp(prefix="uitkijk-tour-desk-")))  # signed in, a reason, logging
    window = desk.open("2x2", [None] * 4)
    window.resize(1280, 720)
    settle_runtime(is_collecting=False)
    player = window.tour_player
    assert player is not None
    player.preroll_s = preroll_s
    first_paint: dict[int, float] = {}
    original = video_tile.VideoTile._paint

    def timing_paint(tile, painter):
        original(tile, painter)
        if player.switched_at is not None and tile.index not in first_paint and tile.last_painted is not None:
            handle = tile._handles.get("sub")
            if handle is not None and tile.last_painted is handle.latest():
                first_paint[tile.index] = time.monotonic()

    video_tile.VideoTile._paint = timing_paint
    switch_ms: list[float] = []
    original_show = player._show

    def show(step):
        if player.switched_at is not None and len(first_paint) == 4:
            switch_ms.append(1000 * (max(first_paint.values()) - player.switched_at))
        first_paint.clear()
        original_show(step)

    player._show = show
    started_cpu, started = cpu_s(), time.monotonic()
    player.start(tour, is_repeating=False)  # through the audit log, as the Tours menu does; once
    deadline = time.monotonic() + 10
    while not player.is_running and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)
    while player.is_running:
        app.processEvents()
        time.sleep(0.002)
    if len(first_paint) == 4:
        switch_ms.append(1000 * (max(first_paint.values()) - player.switched_at))
    used_cpu, elapsed = cpu_s() - started_cpu, time.monotonic() - started
    video_tile.VideoTile._paint = original
    desk.close()
    app.processEvents()
    switches = switch_ms[1:]  # the first step is cold by definition
    if not switches:
        raise RuntimeError("no tour switch was measured")
    return {
        "switch_median_ms": statistics.median(switches),
        "switch_max_ms": max(switches),
        "switches": len(switches),
        "cpu_percent_of_a_core": 100 * used_cpu / elapsed,
    }


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-tour-bench-"))
    write_config(folder, free_port())
    config = load_camera_config(folder, {})
    network = simulated_network(config, clip_seconds=10)
    network.start()
    app = QApplication.instance() or QApplication([])
    try:
        warm = run_tour(app, config, preroll_s=3.0)
        cold = run_tour(app, config, preroll_s=0.0)
    except RuntimeError as error:
        print(f"a figure could not be measured: {error}", file=sys.stderr)
        return 1
    finally:
        network.stop()
    results = {
        "warm": warm,
        "cold": cold,
        "preroll_extra_cpu_percent_of_a_core": warm["cpu_percent_of_a_core"] - cold["cpu_percent_of_a_core"],
    }
    print("\nUitkijk tour benchmark (a signed-in desk; 2x2 steps of 4 cameras, 5 s dwell, 3 s pre-roll)")
    print(f"{'figure':50} {'warm':>9} {'cold':>9}  target")
    print(f"{'switch to all tiles showing the new camera, median (ms)':50} {warm['switch_median_ms']:>9.0f} "
          f"{cold['switch_median_ms']:>9.0f}  warm <= 40")  # fmt: skip
    print(f"{'switch, worst (ms)':50} {warm['switch_max_ms']:>9.0f} {cold['switch_max_ms']:>9.0f}")
    print(f"{'CPU during the tour (% of a core)':50} {warm['cpu_percent_of_a_core']:>9.1f} "
          f"{cold['cpu_percent_of_a_core']:>9.1f}")  # fmt: skip
    print(f"{'extra CPU for pre-roll (% of a core)':50} {results['preroll_extra_cpu_percent_of_a_core']:>9.1f}\n")
    save_results("tours", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
