"""Recorder benchmarks: CPU per 720p stream against ``ffmpeg -c copy``, streams a core records, disk per camera-hour,
seconds lost per camera on SIGKILL.

``main.py record`` and ``ffmpeg -c copy`` (its own segment muxer, MPEG-TS files of a minute: the raw limit of
remuxing) record the same simulated 720p streams side by side, in the same window, so the machine's load is the
same for both. Then the recorder is killed with SIGKILL, started again, and what each camera lost is read from
the index its next run put right. Prints a table and a JSON object (also in bench/results/recorder.json); exits
non-zero when a figure could not be measured.

    .venv/bin/python -m bench.recorder [--streams 6] [--seconds 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from bench.cameras import simulated_network, write_cameras
from bench.run import save_results
from console.config.loader import load_camera_config
from console.paths import REPO_ROOT
from console.sim.network import free_port

TARGET_RATIO = 1.2  # the recorder's CPU per stream against ffmpeg -c copy's
START_TIMEOUT_S = 60.0


def write_config(folder: Path, port: int, streams: int) -> list[str]:
    """``streams`` cameras, each recorded from its 720p main stream."""
    cameras = [f"rec-{index:02d}" for index in range(1, streams + 1)]
    write_cameras(folder, port, cameras, "{stream: main, retention_days: 30}")
    return cameras


def start_recorder(folder: Path, data: Path) -> subprocess.Popen:
    """``main.py record`` on the cameras; returns once it says it records (its recovery done)."""
    process = subprocess.Popen([sys.executable, str(REPO_ROOT / "main.py"), "record", "--config", str(folder),
                                "--data", str(data), "--min-free-mb", "0"], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    lines: list[str] = []
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)  # type: ignore
    reader.start()
    reader.join(START_TIMEOUT_S)
    if not lines or not lines[0].startswith("Recorder "):
        process.kill()
        raise RuntimeError(f"the recorder did not start: {lines}")
    return process


def ffmpeg_copies(urls: dict[str, str], folder: Path) -> list[subprocess.Popen]:
    """FFmpeg's own remux of each stream into MPEG-TS segments of a minute: what the recorder does, in C only."""
    processes = []
    for camera, url in urls.items():
        (folder / camera).mkdir(parents=True, exist_ok=True)
        processes.append(subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-rtsp_transport", "tcp", "-i", url,
             "-map", "0:v", "-c", "copy", "-f", "segment", "-segment_time", "60", "-segment_format", "mpegts",
             str(folder / camera / "%05d.ts")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # fmt: skip
    return processes


def folder_bytes(folder: Path) -> dict[str, int]:
    """Bytes on disk per camera (the first level of folders under ``folder``)."""
    found: dict[str, int] = {}
    for path in folder.rglob("*.ts"):
        camera = path.relative_to(folder).parts[0]
        try:
            found[camera] = found.get(camera, 0) + path.stat().st_size
        except FileNotFoundError:
            continue
    return found


def cpu_seconds(processes: list[psutil.Process]) -> float:
    return sum(times.user + times.system for times in (process.cpu_times() for process in processes))


def wait_until(predicate, timeout_s: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"not within {timeout_s:.0f} s: {what}")
        time.sleep(0.2)


def side_by_side(folder: Path, work: Path, cameras: list[str], urls: dict[str, str], seconds: float) -> tuple:
    """The recorder and ffmpeg -c copy on the same streams, over the same window; the recorder left running."""
    recorder = start_recorder(folder, work / "data")
    root = work / "data" / "recordings"
    copies = ffmpeg_copies(urls, work / "ffmpeg")
    try:
        wait_until(lambda: set(folder_bytes(root)) == set(cameras) and set(folder_bytes(work / "ffmpeg")) ==
                   set(cameras), START_TIMEOUT_S, "every stream recorded by both")  # fmt: skip
        time.sleep(2.0)  # past the first keyframes and connections: the steady state is measured
        ours, theirs = [psutil.Process(recorder.pid)], [psutil.Process(process.pid) for process in copies]
        ours_before, theirs_before = cpu_seconds(ours), cpu_seconds(theirs)
        bytes_before, copy_before = folder_bytes(root), folder_bytes(work / "ffmpeg")
        started_s = time.monotonic()
        time.sleep(seconds)
        window_s = time.monotonic() - started_s
        ours_cpu, theirs_cpu = cpu_seconds(ours) - ours_before, cpu_seconds(theirs) - theirs_before
        bytes_after, copy_after = folder_bytes(root), folder_bytes(work / "ffmpeg")
        ended = [process.returncode for process in copies if process.poll() is not None]
        if recorder.poll() is not None or ended:
            raise RuntimeError(f"a recorder stopped during the window (recorder {recorder.poll()}, ffmpeg {ended})")
    except BaseException:
        recorder.kill()
        raise
    finally:
        for process in copies:
            process.terminate()
        for process in copies:
            process.wait(10)
    streams = len(cameras)
    ours_percent = ours_cpu / window_s * 100 / streams
    theirs_percent = theirs_cpu / window_s * 100 / streams
    grown = [bytes_after[camera] - bytes_before.get(camera, 0) for camera in cameras]
    copy_grown = [copy_after[camera] - copy_before.get(camera, 0) for camera in cameras]
    if min(grown) <= 0 or theirs_percent <= 0:
        raise RuntimeError(f"nothing measured: recorder grew {grown}, ffmpeg CPU {theirs_percent}")
    figures = {
        "streams": streams,
        "window_s": window_s,
        "recorder_percent_of_a_core_per_stream": ours_percent,
        "ffmpeg_copy_percent_of_a_core_per_stream": theirs_percent,
        "ratio": ours_percent / theirs_percent,
        "target_ratio": TARGET_RATIO,
        "streams_per_core": 100 / ours_percent,  # extrapolated from the streams measured
        "disk_mb_per_camera_hour": sum(grown) / streams / window_s * 3600 / 1e6,
        "ffmpeg_disk_mb_per_camera_hour": sum(copy_grown) / streams / window_s * 3600 / 1e6,
    }
    return recorder, figures


def lost_on_sigkill(recorder: subprocess.Popen, folder: Path, work: Path, cameras: list[str]) -> dict:
    """SIGKILL the recorder, start it again: what each camera lost, from the index its next run put right."""
    from console.store import archive, open_store

    database = open_store(work / "data")
    try:
        with database.read() as transaction:
            writing = {segment.id: segment.camera for segment in archive.segments(transaction) if not segment.is_closed}
        if set(writing.values()) != set(cameras):
            raise RuntimeError(f"segments being written: {sorted(writing.values())}, not every camera's")
        killed_s = time.time()
        os.kill(recorder.pid, signal.SIGKILL)
        recorder.wait(10)
        again = start_recorder(folder, work / "data")  # its start closes the killed run's segments
        try:
            with database.read() as transaction:
                closed = {segment.id: segment for segment in archive.segments(transaction) if segment.id in writing}
                gaps = [gap for gap in archive.gaps(transaction) if gap.cause == "recorder down"]
        finally:
            again.send_signal(signal.SIGTERM)
            again.wait(30)
    finally:
        database.close()
    from console.recorder.segments import epoch_of

    if any(not segment.is_closed for segment in closed.values()) or len(closed) != len(cameras):
        raise RuntimeError("the killed run's segments were not all closed by the next")
    lost = {segment.camera: killed_s - epoch_of(segment.end_utc) for segment in closed.values()}
    return {"lost_s_per_camera": lost, "max_lost_s": max(lost.values()), "mean_lost_s": sum(lost.values()) / len(lost),
            "recorder_down_gaps": len({gap.camera for gap in gaps})}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, default=6, help="720p streams recorded at once")
    parser.add_argument("--seconds", type=float, default=20.0, help="the measuring window")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uitkijk-bench-recorder-"))
    folder = work / "config"
    folder.mkdir()
    cameras = write_config(folder, free_port(), arguments.streams)
    config = load_camera_config(folder, {})
    urls = {camera: config.camera(camera).streams.main for camera in cameras}  # type: ignore[union-attr]
    network = simulated_network(config, clip_seconds=10)
    results: dict = {}
    recorder: subprocess.Popen | None = None
    try:
        print(f"Starting {len(cameras)} simulated 720p cameras\u2026", file=sys.stderr)
        network.start()
        print("The recorder and ffmpeg -c copy side by side\u2026", file=sys.stderr)
        recorder, results["cpu_and_disk"] = side_by_side(folder, work, cameras, urls, arguments.seconds)
        print("SIGKILL and the next run\u2026", file=sys.stderr)
        results["sigkill"] = lost_on_sigkill(recorder, folder, work, cameras)
        recorder = None
    except (RuntimeError, OSError, subprocess.TimeoutExpired, psutil.Error) as error:
        print(f"a figure could not be measured: {error!r}", file=sys.stderr)
        return 1
    finally:
        if recorder is not None and recorder.poll() is None:
            recorder.kill()
        network.stop()
        shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    save_results("recorder", results)
    return 0


def print_table(results: dict) -> None:
    cpu, kill = results["cpu_and_disk"], results["sigkill"]
    print(f"\nUitkijk recorder benchmark ({cpu['streams']} simulated 720p streams at once, loopback, this machine, "
          f"{cpu['window_s']:.0f} s window)")  # fmt: skip
    print(f"{'figure':58} {'Uitkijk':>10} {'ffmpeg':>10}  target")
    rows = [
        ("CPU per 720p stream, % of a core (ffmpeg -c copy)", cpu["recorder_percent_of_a_core_per_stream"],
         cpu["ffmpeg_copy_percent_of_a_core_per_stream"], ".2f", f"<= {TARGET_RATIO}x ffmpeg: {cpu['ratio']:.2f}x"),
        ("720p streams one core records (extrapolated)", cpu["streams_per_core"],
         100 / cpu["ffmpeg_copy_percent_of_a_core_per_stream"], ".0f", ""),
        ("disk MB per camera-hour (the simulator's 720p main stream)", cpu["disk_mb_per_camera_hour"],
         cpu["ffmpeg_disk_mb_per_camera_hour"], ".0f", ""),
        ("seconds lost per camera on SIGKILL, worst", kill["max_lost_s"], None, ".2f", "<= 2 s"),
        ("seconds lost per camera on SIGKILL, mean", kill["mean_lost_s"], None, ".2f", ""),
    ]  # fmt: skip
    for label, ours, theirs, style, target in rows:
        shown = "-" if theirs is None else format(theirs, style)
        print(f"{label:58} {ours:>10{style}} {shown:>10}  {target}")
    print()


if __name__ == "__main__":
    sys.exit(main())
