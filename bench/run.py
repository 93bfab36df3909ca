"""Wall benchmarks: glass-to-glass latency, CPU against FFmpeg, time until the wall is live.

Every figure is compared with the raw limit measured in the same run on the same
streams: FFmpeg's own decode latency and FFmpeg's own decode CPU. Prints a table
and a JSON object (also written to bench/results/wall.json).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py [--seconds 20]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.live_clock import HEIGHT, WIDTH, LiveClockFeeder, now_millis, read_stamp  # noqa: E402
from console.config.loader import load_camera_config  # noqa: E402
from console.paths import REPO_ROOT  # noqa: E402
from console.sim.from_config import build_network  # noqa: E402
from console.sim.network import SimNetwork, free_port  # noqa: E402

TILES = 16
CLOCK_CAMERA = "clock"


def write_config(folder: Path, port: int) -> None:
    lines = ["version: 1", "areas:", "  - {id: bench, name: Benchmark}", "cameras:"]
    ids = [CLOCK_CAMERA] + [f"cam-{index:02d}" for index in range(1, TILES)]
    for camera_id in ids:
        lines += [
            f"  - id: {camera_id}",
            f"    name: Bench {camera_id}",
            "    kind: fixed",
            "    area: bench",
            "    location: {street: Benchstraat, lat: 50.8, lon: 3.2}",
            "    streams:",
            f"      main: rtsp://127.0.0.1:{port}/{camera_id}",
            f"      sub: rtsp://127.0.0.1:{port}/{camera_id}-sub",
        ]
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


class FFmpegLatencyProbe:
    """FFmpeg decoding the clock stream to raw grey frames; the stamp is read as each frame arrives."""

    def __init__(self, url: str) -> None:
        self.samples: list[float] = []
        self._process = subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp", "-fflags", "nobuffer",
             "-flags", "low_delay", "-analyzeduration", "0", "-probesize", "32", "-threads", "1", "-i", url,
             "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        size = WIDTH * HEIGHT
        while True:
            buffer = self._process.stdout.read(size)
            if len(buffer) < size:
                return
            stamp = read_stamp(np.frombuffer(buffer, np.uint8).reshape(HEIGHT, WIDTH))
            if stamp is not None:
                self.samples.append(now_millis() - stamp)

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(5)
        self._thread.join(5)


def measure_latency(config, layout: str, seconds: float, clock_url: str) -> dict:
    """Painted latency of the clock tile (16 tiles: with 15 other live cameras beside it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bench.gaps import EventLoopGapMeter
    from console.ui import video_tile
    from console.ui.app import settle_runtime
    from console.ui.wall_view import WallView
    from console.video.hub import StreamHub
    from console.wall.state import WallState

    app = QApplication.instance() or QApplication([])
    painted: list[float] = []
    seen: set[int] = set()
    original = video_tile.VideoTile._paint

    def measuring_paint(tile, painter):
        original(tile, painter)
        frame = tile.last_painted
        if tile.camera and tile.camera.id == CLOCK_CAMERA and frame is not None and frame.sequence not in seen:
            seen.add(frame.sequence)
            stamp = read_stamp(frame.pixels[:, :, 1])  # grey source: any channel is the luma
            if stamp is not None:
                painted.append(now_millis() - stamp)

    video_tile.VideoTile._paint = measuring_paint
    hub = StreamHub()
    cameras = [camera.id for camera in config.cameras]
    wall = WallView(config, hub, WallState(layout, cameras[: 1 if layout == "1x1" else TILES]))
    wall.resize(1280, 720)
    wall.show()
    settle_runtime()  # as run_console does
    probe = FFmpegLatencyProbe(clock_url)
    meter = EventLoopGapMeter()
    QTimer.singleShot(2000, meter.start)  # after start-up
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    meter.stop()
    probe.stop()
    wall.shutdown()
    hub.shutdown()
    wall.deleteLater()
    video_tile.VideoTile._paint = original
    warm = painted[25:]  # the first second settles
    base = probe.samples[25:]
    return {
        "tiles": 1 if layout == "1x1" else TILES,
        "painted_median_ms": statistics.median(warm),
        "painted_p95_ms": percentile(warm, 0.95),
        "ffmpeg_median_ms": statistics.median(base),
        "ffmpeg_p95_ms": percentile(base, 0.95),
        "painted_minus_ffmpeg_median_ms": statistics.median(warm) - statistics.median(base),
        "samples": len(warm),
        "max_event_loop_gap_ms": meter.longest_ms,
    }


def measure_latency_apart(config_dir: Path, layout: str, seconds: float) -> dict:
    """measure_latency in a process of its own, so one measurement's leftovers never touch the next."""
    result = subprocess.run(
        [sys.executable, __file__, "--seconds", str(seconds), "--latency-only", str(config_dir), layout],
        capture_output=True, text=True, timeout=seconds + 120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"latency measurement failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
            for child in process.children(recursive=True):
                child_times = child.cpu_times()
                total += child_times.user + child_times.system
        except psutil.NoSuchProcess:
            pass
    return total


def thread_cpu_seconds(process: psutil.Process) -> dict[int, float]:
    return {thread.id: thread.user_time + thread.system_time for thread in process.threads()}


def ffmpeg_decoders_cpu(urls: list[str], filters: list[str], seconds: float, warm_up_s: float) -> float:
    decoders = [
        subprocess.Popen(
            [
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-rtsp_transport",
                "tcp",
                "-threads",
                "1",
                "-i",
                url,
                *filters,
                "-f",
                "null",
                "-",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for url in urls
    ]
    handles = [psutil.Process(decoder.pid) for decoder in decoders]
    time.sleep(warm_up_s)
    start = cpu_seconds(handles)
    time.sleep(seconds)
    used = cpu_seconds(handles) - start
    for decoder in decoders:
        decoder.terminate()
        decoder.wait(5)
    return used


def measure_cpu_and_startup(config_dir: Path, config, seconds: float) -> dict:
    """The console (subprocess, 4x4 of 360p sub-streams) against 16 FFmpeg decoders, one after the other."""
    data = Path(tempfile.mkdtemp(prefix="uitkijk-bench-"))
    warm_up_s = 4.0
    console = subprocess.Popen(
        [sys.executable, "main.py", "run", "--config", str(config_dir), "--data", str(data), "--layout", "4x4",
         "--exit-after", str(warm_up_s + seconds + 1)],
        cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    process = psutil.Process(console.pid)
    time.sleep(warm_up_s)
    start, threads_start = cpu_seconds([process]), thread_cpu_seconds(process)
    time.sleep(seconds)
    console_cpu, threads_end = cpu_seconds([process]) - start, thread_cpu_seconds(process)
    gui_cpu = threads_end.get(console.pid, 0.0) - threads_start.get(console.pid, 0.0)
    console.wait(60)
    log = (data / "uitkijk.log").read_text()
    startup = None
    for line in log.splitlines():
        if "camera tiles live" in line:
            startup = float(line.rsplit(", ", 1)[1].split(" s after")[0])
    urls = [camera.stream_url("sub") for camera in config.cameras][:TILES]
    tile_size = "320:180"  # a 4x4 wall's tile on a 1280x720 window: what the readers scale to
    decode_cpu = ffmpeg_decoders_cpu(urls, [], seconds, warm_up_s)
    convert_cpu = ffmpeg_decoders_cpu(
        urls, ["-vf", f"scale={tile_size}:flags=bilinear,format=bgra"], seconds, warm_up_s
    )
    return {
        "console_cpu_percent_of_a_core": 100 * console_cpu / seconds,
        "console_gui_thread_percent_of_a_core": 100 * gui_cpu / seconds,
        "ffmpeg_decode_cpu_percent_of_a_core": 100 * decode_cpu / seconds,
        "ffmpeg_decode_scale_bgra_cpu_percent_of_a_core": 100 * convert_cpu / seconds,
        "cpu_ratio": console_cpu / decode_cpu,
        "cpu_ratio_like_for_like": console_cpu / convert_cpu,
        "all_tiles_live_after_launch_s": startup,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="measuring window per figure")
    parser.add_argument("--latency-only", nargs=2, metavar=("CONFIG_DIR", "LAYOUT"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.latency_only:  # one measurement in a fresh process (see measure_latency_apart)
        config = load_camera_config(Path(arguments.latency_only[0]), {})
        clock_url = config.camera(CLOCK_CAMERA).stream_url("sub")
        print(json.dumps(measure_latency(config, arguments.latency_only[1], arguments.seconds, clock_url)))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-bench-config-"))
    write_config(folder, free_port())
    config = load_camera_config(folder, {})
    network: SimNetwork = build_network(config, Path(tempfile.gettempdir()) / "uitkijk-bench-clips", clip_seconds=10)
    print(f"Starting {len(network.cameras)} simulated cameras (clips are made once)\u2026", file=sys.stderr)
    network.start()
    network.stop_feed(CLOCK_CAMERA)
    clock_feeders = [LiveClockFeeder(mount.udp_port) for mount in network.cameras[CLOCK_CAMERA].mounts]
    for feeder in clock_feeders:
        feeder.start()
    results: dict = {}
    try:
        clock_url = config.camera(CLOCK_CAMERA).stream_url("sub")
        results["latency_1_tile"] = measure_latency_apart(folder, "1x1", arguments.seconds)
        results["latency_16_tiles"] = measure_latency_apart(folder, "4x4", arguments.seconds)
        results["cpu_and_startup_16_tiles"] = measure_cpu_and_startup(folder, config, arguments.seconds)
    finally:
        for feeder in clock_feeders:
            feeder.stop()
        network.stop()
    print_table(results)
    save_results("wall", results)
    return 0


def save_results(name: str, results: dict) -> None:
    """Every benchmark's figures: printed as JSON and kept in bench/results/NAME.json."""
    output = REPO_ROOT / "bench" / "results"
    output.mkdir(exist_ok=True)
    (output / f"{name}.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


def print_table(results: dict) -> None:
    print("\nUitkijk wall benchmark (loopback, this machine)")
    print(f"{'figure':52} {'Uitkijk':>9} {'FFmpeg':>9}  target")
    for key, label in (("latency_1_tile", "1 tile"), ("latency_16_tiles", "16 tiles")):
        row = results[key]
        print(f"{'glass-to-glass median, ' + label + ' (ms)':52} {row['painted_median_ms']:>9.0f} "
              f"{row['ffmpeg_median_ms']:>9.0f}  within FFmpeg + 20 ms")  # fmt: skip
        print(
            f"{'glass-to-glass p95, ' + label + ' (ms)':52} {row['painted_p95_ms']:>9.0f} {row['ffmpeg_p95_ms']:>9.0f}"
        )
        print(
            f"{'longest GUI event-loop gap, ' + label + ' (ms)':52} {row['max_event_loop_gap_ms']:>9.0f} {'':>9}  <= 50"
        )
    cpu = results["cpu_and_startup_16_tiles"]
    print(f"{'CPU, 16 x 360p tiles, % of a core (FFmpeg: decode)':52} {cpu['console_cpu_percent_of_a_core']:>9.1f} "
          f"{cpu['ffmpeg_decode_cpu_percent_of_a_core']:>9.1f}")  # fmt: skip
    print(f"{'  of which the GUI thread (painting)':52} {cpu['console_gui_thread_percent_of_a_core']:>9.1f}")
    print(f"{'  FFmpeg decode + scale + BGRA, same tiles':52} {'':>9} "
          f"{cpu['ffmpeg_decode_scale_bgra_cpu_percent_of_a_core']:>9.1f}")  # fmt: skip
    print(f"{'CPU ratio Uitkijk / FFmpeg decode':52} {cpu['cpu_ratio']:>9.2f} {'':>9}  <= 1.15")
    print(f"{'CPU ratio Uitkijk / FFmpeg decode + scale + BGRA':52} {cpu['cpu_ratio_like_for_like']:>9.2f}")
    startup = cpu["all_tiles_live_after_launch_s"]
    startup_text = f"{startup:>9.2f}" if startup is not None else f"{'never':>9}"
    print(f"{'all 16 tiles live after launch (s)':52} {startup_text} {'':>9}  <= 3\n")


if __name__ == "__main__":
    sys.exit(main())
