"""Wall benchmarks: glass-to-glass latency, CPU against FFmpeg, time until the wall is live.

Every figure is compared with the raw limit measured in the same run on the same
streams: FFmpeg's own decode latency and FFmpeg's own decode CPU. Prints a table
and a JSON object (also written to bench/results/wall.json).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.run [--seconds 20]
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.run --startup 5

``--startup RUNS``: only the start-up, RUNS times for 16 and for 36 tiles: where the time goes (the
session's steps, each tile's steps from its stream's request to its first paint), against FFmpeg's
first frame of the same streams (bench/results/startup.json).

``--gaps RUNS``: only the longest GUI event-loop gaps of the 16-tile desk alone (start-up, steady, tour
switch, dispatching), RUNS times, each in a desk process of its own: median and spread per phase, with
the load average at each run (bench/results/gaps.json).
"""

from __future__ import annotations

import argparse
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

import numpy as np
import psutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.cameras import simulated_network
from bench.gaps import EventLoopGapMeter
from bench.live_clock import HEIGHT, WIDTH, feed_the_clock, now_millis, read_stamp
from console.cli import DEMO_PASSWORD
from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT
from console.sim.network import SimNetwork, free_port
from console.wall.layouts import LAYOUTS

TILES = 16
OVERVIEW_TILES = 36  # the 6x6 overview wall
CLOCK_CAMERA = "clock"


def write_config(folder: Path, port: int, extra_cameras: int = TILES // 2) -> None:
    """16 cameras for the wall (the clock first), 8 more for tour steps; the demo users; units for dispatching."""
    lines = ["version: 1", "areas:", "  - {id: bench, name: Benchmark}", "cameras:"]
    ids = [CLOCK_CAMERA] + [f"cam-{index:02d}" for index in range(1, TILES + extra_cameras)]
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
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", folder / "users.yaml")  # the demo users: the desk signs in
    (folder / "units.yaml").write_text(
        "version: 1\nunits:\n" + "".join(f"  - {{call_sign: Bench {n}, kind: car, area: bench}}\n" for n in range(1, 9))
    )


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
    """A signed-in desk: painted latency of the clock tile, or (layout "4x4-gaps") the longest GUI gap per phase.

    Latency runs beside the clock camera's two live x264 encoders and the two references.
    The phases run without them (the clock camera plays its clip like the others): start-up
    (window shown until every tile is live, plus 1 s), steady state, a tour switching 4x4
    walls (half the cameras change, pre-rolled), and dispatching units from the panel.
    """
    from PySide6.QtWidgets import QApplication

    from bench.desk import Desk, wait_until
    from console.dispatch import service
    from console.dispatch.model import Source, UnitState
    from console.tours.model import Tour, TourStep
    from console.ui import video_tile
    from console.ui.app import settle_runtime
    from console.video.stream import StreamState

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
    is_gaps_only = layout.endswith("-gaps")  # the phases of a desk's shift, without the latency apparatus
    layout = layout.removesuffix("-gaps")
    tiles = LAYOUTS[layout].tile_count
    cameras = [camera.id for camera in config.cameras]
    data = Path(tempfile.mkdtemp(prefix="uitkijk-bench-desk-"))
    settle_runtime()  # as run_console does, before the windows are built
    desk = Desk(config, data)
    gaps: dict[str, float] = {}
    work: dict[str, float] = {}  # the most CPU the GUI thread spent in one gap of each phase (the load left out)
    where: dict[str, list[str]] = {}  # the GUI thread's stacks during each phase's longest gap
    opened = time.perf_counter()
    window = desk.open(layout, cameras[:tiles])
    window.resize(1280, 720)
    settle_runtime(is_collecting=False)
    window_built_s = time.perf_counter() - opened
    meter = EventLoopGapMeter()
    meter.start()  # the event loop from here: the window is there, its tiles connect and paint
    wait_until(lambda: all(tile.display().state == StreamState.LIVE and tile.painted_frames > 0
                           for tile in window.wall.tiles), timeout_s=30)  # fmt: skip
    all_live_s = time.perf_counter() - opened
    wait_until(lambda: time.perf_counter() - opened > all_live_s + 1.0)
    meter.stop()
    gaps["start_up"], where["start_up"], work["start_up"] = meter.longest_ms, meter.where_longest(), meter.most_work_ms
    result: dict = {"tiles": tiles, "window_built_s": window_built_s, "all_tiles_live_in_process_s": all_live_s}
    if is_gaps_only:  # the desk alone, as an operator has it: no latency references decoding beside it
        meter = EventLoopGapMeter()
        meter.start()
        steady_until = time.perf_counter() + seconds
        wait_until(lambda: time.perf_counter() > steady_until, timeout_s=seconds + 5)
        meter.stop()
        gaps["steady"], where["steady"], work["steady"] = meter.longest_ms, meter.where_longest(), meter.most_work_ms
        if tiles == TILES:  # the desk's phases; an overview wall only starts and shows
            meter, result["tour_switches"] = measure_tour_gap(desk, window, cameras, wait_until, Tour, TourStep)
            gaps["tour_switch"], where["tour_switch"] = meter.longest_ms, meter.where_longest()
            work["tour_switch"] = meter.most_work_ms
            meter = measure_dispatch_gap(desk, wait_until, service, Source, UnitState)
            gaps["dispatching"], where["dispatching"] = meter.longest_ms, meter.where_longest()
            work["dispatching"] = meter.most_work_ms
        desk.close()
        app.processEvents()
        video_tile.VideoTile._paint = original
        return {**result, "max_event_loop_gap_ms": gaps, "max_gui_work_in_a_gap_ms": work, "longest_gap_where": where}
    painted.clear()
    probe = FFmpegLatencyProbe(clock_url)
    floor = subprocess.Popen([sys.executable, "-m", "bench.pyav_floor", clock_url, str(seconds)],
                             stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)  # fmt: skip
    meter = EventLoopGapMeter()
    meter.start()  # with the clock camera's live encoders and the two latency references on the same 2 cores
    steady_until = time.perf_counter() + seconds
    wait_until(lambda: time.perf_counter() > steady_until, timeout_s=seconds + 5)
    meter.stop()
    gaps["steady_while_measuring_latency"] = meter.longest_ms
    where["steady_while_measuring_latency"] = meter.where_longest()
    probe.stop()
    floor_out, _ = floor.communicate(timeout=30)
    floor_samples = json.loads(floor_out or "[]")
    desk.close()
    app.processEvents()
    video_tile.VideoTile._paint = original
    warm, base, bare = painted[25:], probe.samples[25:], floor_samples[25:]  # the first second settles
    if not warm or not base or not bare:
        raise RuntimeError(f"latency not measured: {len(warm)} painted, {len(base)} ffmpeg, {len(bare)} bare decode")
    result.update({
        "painted_median_ms": statistics.median(warm),
        "painted_p95_ms": percentile(warm, 0.95),
        "bare_decode_median_ms": statistics.median(bare),
        "bare_decode_p95_ms": percentile(bare, 0.95),
        "ffmpeg_cli_median_ms": statistics.median(base),
        "ffmpeg_cli_p95_ms": percentile(base, 0.95),
        "painted_minus_bare_decode_median_ms": statistics.median(warm) - statistics.median(bare),
        "samples": len(warm),
        "max_event_loop_gap_ms": gaps,
        "longest_gap_where": where,
    })  # fmt: skip
    return result


def measure_tour_gap(desk, window, cameras, wait_until, tour_class, step_class) -> tuple[EventLoopGapMeter, int]:
    """A tour of 4x4 walls (half the cameras change at each step, pre-rolled), three switches."""

    first, second = tuple(cameras[:TILES]), tuple(cameras[TILES // 2 : TILES // 2 + TILES])
    tour = tour_class("bench", "Bench", None, (step_class("4x4", first, 4.0), step_class("4x4", second, 4.0)))
    player = window.tour_player
    meter = EventLoopGapMeter()
    meter.start()
    player.start(tour, is_repeating=True)
    wait_until(lambda: player.run is not None and player.run.steps_shown >= 4, timeout_s=30)
    meter.stop()
    switches = player.run.steps_shown - 1
    player.stop()
    return meter, switches


def measure_dispatch_gap(desk, wait_until, service, source, unit_state) -> EventLoopGapMeter:
    """Dispatching units from the panel beside 16 live tiles: incidents made, then 8 units sent."""

    panel = desk.console.dispatch_panel
    if panel is None:
        raise RuntimeError("the desk has no dispatch panel (units.yaml missing?)")
    who = {"user": "intake", "role": "external system", "workstation": "bench"}
    for number in range(10):
        draft = service.Draft(source.PHONE, "nuisance", number % 3 + 1, f"Benchstraat {number}", "bench",
                              description="a busy night")  # fmt: skip
        desk.log.commit(service.create_incident(draft, "intake").record(who))
    wait_until(lambda: panel.board is not None and len(panel.queue_model.items) >= 10)
    meter = EventLoopGapMeter()
    meter.start()
    call_signs = [unit.call_sign for unit in panel.board.units if unit.state == unit_state.AVAILABLE][:8]
    for incident, call_sign in zip(panel.queue_model.items[:8], call_signs, strict=False):
        panel.select_incident(incident.id)
        wait_until(lambda i=incident.id: panel.current() is not None and panel.current().id == i)
        panel.form.unit.setCurrentIndex(panel.form.unit.findData(call_sign))
        panel.dispatch_selected_unit()  # as the button does
        wait_until(lambda c=call_sign: panel.board.unit(c).state == unit_state.DISPATCHED)
    meter.stop()
    return meter


def measure_latency_apart(config_dir: Path, layout: str, seconds: float) -> dict:
    """measure_latency in a process of its own, so one measurement's leftovers never touch the next."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--seconds", str(seconds), "--latency-only", str(config_dir), layout],
        capture_output=True, text=True, timeout=seconds + 120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO_ROOT,
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


def measure_cpu_and_startup(config_dir: Path, config, seconds: float, tiles: int = TILES) -> dict:
    """The console (subprocess, a full grid of 360p sub-streams) against as many FFmpeg decoders, one after another."""
    side = {TILES: 4, OVERVIEW_TILES: 6}[tiles]
    data = Path(tempfile.mkdtemp(prefix="uitkijk-bench-"))
    warm_up_s = 4.0
    console = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "run",
            "--config",
            str(config_dir),
            "--data",
            str(data),
            "--layout",
            f"{side}x{side}",
            "--user",
            "demo",
            "--reason",
            "virtual patrol: benchmark",
            "--exit-after",
            str(warm_up_s + seconds + 1),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "UITKIJK_PASSWORD": DEMO_PASSWORD},
    )  # fmt: skip  (a desk: signed in, with a reason, every view logged)
    process = psutil.Process(console.pid)
    time.sleep(warm_up_s)
    start, threads_start = cpu_seconds([process]), thread_cpu_seconds(process)
    time.sleep(seconds)
    console_cpu, threads_end = cpu_seconds([process]) - start, thread_cpu_seconds(process)
    gui_cpu = threads_end.get(console.pid, 0.0) - threads_start.get(console.pid, 0.0)
    _, stderr = console.communicate(timeout=60)
    if console.returncode != 0:
        raise RuntimeError(f"the console exited with {console.returncode}: {stderr.decode()[-1000:]}")
    log = (data / "uitkijk.log").read_text()
    startup = None
    for line in log.splitlines():
        if "camera tiles live" in line:
            startup = float(line.split("camera tiles live, ", 1)[1].split(" s after start")[0])
    if startup is None:
        raise RuntimeError("the console never reported all tiles live")
    urls = [camera.stream_url("sub") for camera in config.cameras][:tiles]
    tile_size = f"{1280 // side}:{720 // side}"  # a tile of the grid on a 1280x720 window: what the readers scale to
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


# Where a tile's time goes, one step after the other (console/startup.py): (label, from, to). The stream's steps and
# the view's log entry run side by side; the first paint waits for both.
STREAM_STEPS = (
    ("to the decoding process (it starts, then reads the command)", "asked", "decoder_asked"),
    ("reader thread starts", "decoder_asked", "decoder_opening"),
    ("RTSP set-up: DESCRIBE, SETUP, PLAY (av.open)", "decoder_opening", "decoder_opened"),
    ("first packet", "decoder_opened", "decoder_first_packet"),
    ("waiting for a key frame", "decoder_first_packet", "decoder_first_key_packet"),
    ("first decode", "decoder_first_key_packet", "decoder_first_decoded"),
    ("scale to BGRA, into shared memory", "decoder_first_decoded", "decoder_first_published"),
)
SESSION_STEPS = ("imports done", "store opened", "signed in", "decoding process ready", "desk built", "window shown",
                 "reason given")  # fmt: skip
STARTUP_TIMEOUT_S = 60.0  # the bound of a failure, not a figure (a loaded machine took 18 s)


def one_startup(config_dir: Path, tiles: int) -> dict:
    """``main.py run`` as a desk starts it (signed in, a reason, every view logged), until its wall is live."""
    side = {TILES: 4, OVERVIEW_TILES: 6}[tiles]
    data = Path(tempfile.mkdtemp(prefix="uitkijk-bench-startup-"))
    console = subprocess.Popen(
        [sys.executable, "main.py", "run", "--config", str(config_dir), "--data", str(data), "--layout",
         f"{side}x{side}", "--user", "demo", "--reason", "virtual patrol: benchmark", "--exit-after",
         str(STARTUP_TIMEOUT_S)],
        cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "UITKIJK_PASSWORD": DEMO_PASSWORD},
    )  # fmt: skip
    log, report, live_line = data / "uitkijk.log", None, None
    deadline_s = time.monotonic() + STARTUP_TIMEOUT_S
    while report is None and console.poll() is None and time.monotonic() < deadline_s:
        time.sleep(0.1)  # a separate process: its log is read, nothing of it is waited on here
        for line in log.read_text().splitlines() if log.exists() else []:
            if "camera tiles live" in line:
                live_line = line
            if " start-up: " in line:
                report = json.loads(line.split(" start-up: ", 1)[1])
    if console.poll() is None:
        console.terminate()  # SIGTERM: the console closes as if by hand
    _, stderr = console.communicate(timeout=30)
    if report is None or live_line is None:
        raise RuntimeError(f"the console never reported its wall live: {stderr.decode()[-1000:]}")
    return summarise_startup(report)


def summarise_startup(report: dict) -> dict:
    """One start-up's figures from the console's report: the session's steps, each tile's, the last tile's."""
    session = report["session"]
    tiles = report["tiles"]
    painted = [tile["first_painted"] for tile in tiles]
    last = max(tiles, key=lambda tile: tile["first_painted"])
    shown_s = session["window shown"]

    def steps(tile: dict) -> dict[str, float | None]:
        result: dict[str, float | None] = {}
        for label, start, end in STREAM_STEPS:
            result[label] = None if tile.get(start) is None or tile.get(end) is None else tile[end] - tile[start]
        ready_s = max(tile["decoder_first_published"], tile["view_logged"])
        result["picture ready (the later of the two) until first paint"] = tile["first_painted"] - ready_s
        return result

    per_tile = [steps(tile) for tile in tiles]
    return {
        "window_shown_after_launch_s": shown_s,
        "all_live_after_launch_s": max(painted),
        "all_live_after_window_shown_s": max(painted) - shown_s,
        "session_steps_after_launch_s": {step: session.get(step) for step in SESSION_STEPS},
        "stream_asked_after_window_shown_s": statistics.median(tile["tile_asked"] - shown_s for tile in tiles),
        "first_picture_after_window_shown_s": {
            "median_tile": statistics.median(painted) - shown_s,
            "last_tile": max(painted) - shown_s,
        },  # fmt: skip
        "first_published_after_window_shown_s": {
            "median_tile": statistics.median(tile["decoder_first_published"] for tile in tiles) - shown_s,
            "last_tile": max(tile["decoder_first_published"] for tile in tiles) - shown_s,
        },  # fmt: skip
        "view_logged_after_window_shown_s": {
            "median_tile": statistics.median(tile["view_logged"] for tile in tiles) - shown_s,
            "last_tile": max(tile["view_logged"] for tile in tiles) - shown_s,
        },  # fmt: skip
        "tile_steps_s": {
            label: {
                "median_tile": statistics.median(value[label] for value in per_tile if value[label] is not None),
                "last_tile": steps(last)[label],
            }
            for label in per_tile[0]
        },  # fmt: skip
        "tiles": tiles,
        "session": session,
    }


def ffmpeg_first_frames_s(urls: list[str]) -> tuple[float, float]:
    """The raw limit: FFmpeg's command line decoding the first frame of every stream, all at once, from its
    start (process, RTSP set-up, key frame, decode); (median, last) in seconds."""
    started_s = time.monotonic()
    decoders = [subprocess.Popen(["ffmpeg", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                                  "-threads", "1", "-i", url, "-frames:v", "1", "-f", "null", "-"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for url in urls]  # fmt: skip
    done_s = []
    try:
        for decoder in decoders:
            if decoder.wait(STARTUP_TIMEOUT_S) != 0:
                raise RuntimeError("FFmpeg could not decode a first frame")
            done_s.append(time.monotonic() - started_s)
    finally:
        for decoder in decoders:  # none is left behind when one failed
            if decoder.poll() is None:
                decoder.kill()
                decoder.wait()
    return statistics.median(done_s), max(done_s)


def measure_startup(config_dir: Path, tiles: int, runs: int, urls: list[str]) -> dict:
    """``runs`` start-ups of a desk with ``tiles`` tiles, one after another, each after FFmpeg's first frames of
    the same streams (the raw limit); medians and spreads, and each run."""
    each = []
    for _ in range(runs):
        floor_median_s, floor_last_s = ffmpeg_first_frames_s(urls)
        each.append(one_startup(config_dir, tiles))
        each[-1]["load_average"] = os.getloadavg()
        each[-1]["ffmpeg_first_frames_s"] = {"median_stream": floor_median_s, "last_stream": floor_last_s}
    keys = ("window_shown_after_launch_s", "all_live_after_window_shown_s", "all_live_after_launch_s")
    floors = [run["ffmpeg_first_frames_s"]["last_stream"] for run in each]
    return {
        "tiles": tiles,
        "runs": runs,
        "ffmpeg_first_frames_all_streams_s": {
            "median": statistics.median(floors),
            "min": min(floors),
            "max": max(floors),
        },  # fmt: skip
        **{
            key: {
                "median": statistics.median(run[key] for run in each),
                "min": min(run[key] for run in each),
                "max": max(run[key] for run in each),
            }
            for key in keys
        },  # fmt: skip
        "each_run": each,
    }


def print_startup_table(results: dict) -> None:
    """Where the time goes, as medians over the runs (of the median tile and of the last tile to show)."""
    for row in results.values():
        runs = row["each_run"]
        print(f"\nStart-up, {row['tiles']} tiles, {row['runs']} runs (median [min-max]); target: all live within "
              f"{2 if row['tiles'] == TILES else 3} s of the window showing")  # fmt: skip
        for figure in ("window_shown_after_launch_s", "all_live_after_window_shown_s", "all_live_after_launch_s",
                       "ffmpeg_first_frames_all_streams_s"):  # fmt: skip
            value = row[figure]
            print(f"  {figure.replace('_', ' '):56} {value['median']:6.2f} s [{value['min']:.2f}-{value['max']:.2f}]")
        print("  the session (s after launch, median):")
        for step in SESSION_STEPS:
            moments = [run["session_steps_after_launch_s"][step] for run in runs
                       if run["session_steps_after_launch_s"].get(step) is not None]  # fmt: skip
            if moments:
                print(f"    {step:54} {statistics.median(moments):6.2f}")
        print(f"  {'each tile (s, median over runs)':56} {'median tile':>11} {'last tile':>10}")
        for label in runs[0]["tile_steps_s"]:
            median_tile = statistics.median(run["tile_steps_s"][label]["median_tile"] for run in runs)
            lasts = [run["tile_steps_s"][label]["last_tile"] for run in runs
                     if run["tile_steps_s"][label]["last_tile"] is not None]  # fmt: skip
            last = f"{statistics.median(lasts):10.3f}" if lasts else f"{'-':>10}"
            print(f"    {label:54} {median_tile:11.3f} {last}")
        for label, figure in (("stream asked", "stream_asked_after_window_shown_s"),):
            print(f"  {label + ', after the window showed':56} "
                  f"{statistics.median(run[figure] for run in runs):11.3f}")  # fmt: skip
        for label, figure in (("first picture published", "first_published_after_window_shown_s"),
                              ("view start in the audit log", "view_logged_after_window_shown_s"),
                              ("first picture painted", "first_picture_after_window_shown_s")):  # fmt: skip
            median_tile = statistics.median(run[figure]["median_tile"] for run in runs)
            last = statistics.median(run[figure]["last_tile"] for run in runs)
            print(f"  {label + ', after the window showed':56} {median_tile:11.3f} {last:10.3f}")
        print(
            "  load average (1, 5, 15 min) at each run's end: "
            + "; ".join(", ".join(f"{load:.1f}" for load in run["load_average"]) for run in runs)
        )


def startup_only(runs: int) -> int:
    """``--startup RUNS``: only the start-up figures, 16 then 36 tiles, each on a simulated network of its own."""
    results: dict = {}
    for tiles in (TILES, OVERVIEW_TILES):
        folder = Path(tempfile.mkdtemp(prefix="uitkijk-bench-config-"))
        write_config(folder, free_port(), extra_cameras=max(TILES // 2, tiles - TILES))
        config = load_camera_config(folder, {})
        network = simulated_network(config, clip_seconds=10)
        print(f"Starting {len(network.cameras)} simulated cameras\u2026", file=sys.stderr)
        network.start()
        try:
            urls = [camera.stream_url("sub") or "" for camera in config.cameras][:tiles]
            results[f"startup_{tiles}_tiles"] = measure_startup(folder, tiles, runs, urls)
        except (RuntimeError, TimeoutError, subprocess.TimeoutExpired) as error:
            print(f"a figure could not be measured: {error}", file=sys.stderr)
            return 1
        finally:
            network.stop()
    print_startup_table(results)
    save_results("startup", results)
    return 0


def spread_over(runs: list[dict], figure: str, phase: str) -> dict:
    """One phase's figure over the runs: median, min and max."""
    values = [run[figure][phase] for run in runs]
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def gaps_only(runs: int, seconds: float) -> int:
    """``--gaps RUNS``: the 16-tile desk's phases only, RUNS desks one after another on one simulated network."""
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-bench-config-"))
    write_config(folder, free_port())
    config = load_camera_config(folder, {})
    network = simulated_network(config, clip_seconds=10)
    print(f"Starting {len(network.cameras)} simulated cameras\u2026", file=sys.stderr)
    network.start()
    each = []
    try:
        for _ in range(runs):
            each.append(measure_latency_apart(folder, "4x4-gaps", seconds))
            each[-1]["load_average"] = os.getloadavg()
    except (RuntimeError, TimeoutError, subprocess.TimeoutExpired) as error:
        print(f"a figure could not be measured: {error}", file=sys.stderr)
        return 1
    finally:
        network.stop()
    phases = list(each[0]["max_event_loop_gap_ms"])
    results = {
        "runs": runs,
        "longest_gap_ms": {phase: spread_over(each, "max_event_loop_gap_ms", phase) for phase in phases},
        "most_gui_work_in_a_gap_ms": {phase: spread_over(each, "max_gui_work_in_a_gap_ms", phase) for phase in phases},
        "each_run": each,
    }
    print(f"\nLongest GUI event-loop gap, {TILES} tiles, the desk alone, {runs} runs (median [min-max]; each run)")
    for phase in phases:
        row = results["longest_gap_ms"][phase]
        every = ", ".join(f"{run['max_event_loop_gap_ms'][phase]:.0f}" for run in each)
        spread = f"[{row['min']:.0f}-{row['max']:.0f}]"
        print(f"  {phase.replace('_', ' '):14} {row['median']:5.0f} ms {spread}  ({every})  <= 50")
    print("The most CPU the GUI thread spent in one gap (its own work in one pass, without the wait for a core)")
    for phase in phases:
        row = results["most_gui_work_in_a_gap_ms"][phase]
        every = ", ".join(f"{run['max_gui_work_in_a_gap_ms'][phase]:.0f}" for run in each)
        print(f"  {phase.replace('_', ' '):14} {row['median']:5.0f} ms [{row['min']:.0f}-{row['max']:.0f}]  ({every})")
    print("  load average (1, 5, 15 min) at each run's end: "
          + "; ".join(", ".join(f"{load:.1f}" for load in run["load_average"]) for run in each))  # fmt: skip
    print("  where the GUI thread was in each run's longest tour switch gap:")
    for run in each:
        print(f"    {run['max_event_loop_gap_ms']['tour_switch']:.0f} ms: "
              + " | ".join(run["longest_gap_where"]["tour_switch"][:2]))  # fmt: skip
    save_results("gaps", results)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="measuring window per figure")
    parser.add_argument("--startup", type=int, metavar="RUNS", help="only the start-up figures, RUNS runs each")
    parser.add_argument("--latency-only", nargs=2, metavar=("CONFIG_DIR", "LAYOUT"), help=argparse.SUPPRESS)
    parser.add_argument("--gaps", type=int, metavar="RUNS", help="only the 16-tile desk's GUI gaps, RUNS runs")
    arguments = parser.parse_args()
    if arguments.startup:
        return startup_only(arguments.startup)
    if arguments.gaps:
        return gaps_only(arguments.gaps, arguments.seconds)
    if arguments.latency_only:  # one measurement in a fresh process (see measure_latency_apart)
        config = load_camera_config(Path(arguments.latency_only[0]), {})
        clock_url = config.camera(CLOCK_CAMERA).stream_url("sub")
        print(json.dumps(measure_latency(config, arguments.latency_only[1], arguments.seconds, clock_url)))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-bench-config-"))
    write_config(folder, free_port())
    config = load_camera_config(folder, {})
    network: SimNetwork = simulated_network(config, clip_seconds=10)
    print(f"Starting {len(network.cameras)} simulated cameras (clips are made once)\u2026", file=sys.stderr)
    network.start()
    clock_feeders = feed_the_clock(network, CLOCK_CAMERA)
    results: dict = {}
    try:
        results["latency_1_tile"] = measure_latency_apart(folder, "1x1", arguments.seconds)
        results["latency_16_tiles"] = measure_latency_apart(folder, "4x4", arguments.seconds)
        for feeder in clock_feeders:
            feeder.stop()
        clock_feeders = []
        network.start_feed(CLOCK_CAMERA)  # the clock camera plays its clip like the others from here
        results["gaps_16_tiles"] = measure_latency_apart(folder, "4x4-gaps", arguments.seconds)
        results["cpu_and_startup_16_tiles"] = measure_cpu_and_startup(folder, config, arguments.seconds)
    except (RuntimeError, TimeoutError, subprocess.TimeoutExpired) as error:
        print(f"a figure could not be measured: {error}", file=sys.stderr)
        return 1
    finally:
        for feeder in clock_feeders:
            feeder.stop()
        network.stop()
    overview = Path(tempfile.mkdtemp(prefix="uitkijk-bench-overview-"))  # a network of its own: the 16-tile
    write_config(overview, free_port(), extra_cameras=OVERVIEW_TILES - TILES)  # figures never pay for 36 feeders
    overview_config = load_camera_config(overview, {})
    network = simulated_network(overview_config, clip_seconds=10)
    print(f"Starting {len(network.cameras)} simulated cameras for the overview wall\u2026", file=sys.stderr)
    network.start()
    try:
        results["gaps_36_tiles"] = measure_latency_apart(overview, "6x6-gaps", arguments.seconds)
        results["cpu_and_startup_36_tiles"] = measure_cpu_and_startup(overview, overview_config, arguments.seconds,
                                                                      tiles=OVERVIEW_TILES)  # fmt: skip
    except (RuntimeError, TimeoutError, subprocess.TimeoutExpired) as error:
        print(f"a figure could not be measured: {error}", file=sys.stderr)
        return 1
    finally:
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
    print("\nUitkijk wall benchmark (a signed-in desk, loopback, this machine)")
    print(f"{'figure':56} {'Uitkijk':>9} {'floor':>9}  FFmpeg CLI / target")
    for key, label in (("latency_1_tile", "1 tile"), ("latency_16_tiles", "16 tiles")):
        row = results[key]
        print(f"{'glass-to-glass median, ' + label + ' (ms)':56} {row['painted_median_ms']:>9.0f} "
              f"{row['bare_decode_median_ms']:>9.0f}  {row['ffmpeg_cli_median_ms']:.0f}; floor + 20 ms")  # fmt: skip
        print(f"{'glass-to-glass p95, ' + label + ' (ms)':56} {row['painted_p95_ms']:>9.0f} "
              f"{row['bare_decode_p95_ms']:>9.0f}  {row['ffmpeg_cli_p95_ms']:.0f}")  # fmt: skip
        for phase, gap in row["max_event_loop_gap_ms"].items():
            print(f"{'GUI gap, ' + label + ', ' + phase.replace('_', ' ') + ' (ms)':56} {gap:>9.0f} {'':>9}  <= 50")
    for count in (TILES, OVERVIEW_TILES):
        for phase, gap in results[f"gaps_{count}_tiles"]["max_event_loop_gap_ms"].items():
            print(f"{f'GUI gap, {count} tiles, the desk alone, ' + phase.replace('_', ' ') + ' (ms)':56} {gap:>9.0f} "
                  f"{'':>9}  <= 50")  # fmt: skip
    for count in (TILES, OVERVIEW_TILES):
        cpu = results[f"cpu_and_startup_{count}_tiles"]
        label = f"CPU, {count} x 360p tiles, % of a core (FFmpeg: decode)"
        print(f"{label:56} {cpu['console_cpu_percent_of_a_core']:>9.1f} "
              f"{cpu['ffmpeg_decode_cpu_percent_of_a_core']:>9.1f}")  # fmt: skip
        print(f"{'  of which the GUI thread (painting)':56} {cpu['console_gui_thread_percent_of_a_core']:>9.1f}")
        print(f"{'  FFmpeg decode + scale + BGRA, same tiles':56} {'':>9} "
              f"{cpu['ffmpeg_decode_scale_bgra_cpu_percent_of_a_core']:>9.1f}")  # fmt: skip
        print(f"{'  CPU ratio Uitkijk / FFmpeg decode':56} {cpu['cpu_ratio']:>9.2f}")
        print(f"{'  CPU ratio Uitkijk / FFmpeg decode + scale + BGRA':56} {cpu['cpu_ratio_like_for_like']:>9.2f} "
              f"{'':>9}  <= 1.15")  # fmt: skip
        print(f"{f'all {count} tiles live after launch (s)':56} {cpu['all_tiles_live_after_launch_s']:>9.2f} "
              f"{'':>9}  <= 3")  # fmt: skip
    print("\nWhere the GUI thread was during each gap over 50 ms (innermost call first):")
    for key, row in results.items():
        for phase, stacks in row.get("longest_gap_where", {}).items():
            if row["max_event_loop_gap_ms"][phase] > 50:
                print(f"  {key}, {phase.replace('_', ' ')} ({row['max_event_loop_gap_ms'][phase]:.0f} ms):")
                for stack in stacks or ["(no Python frame: native code or the interpreter's start)"]:
                    print(f"    {stack}")
    print()


if __name__ == "__main__":
    sys.exit(main())
