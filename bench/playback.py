"""The playback window: from a seek to its first frame, and 4 synchronised cameras' drift over 60 s at 1x and 8x.

Real parts: the simulator's clips remuxed (never re-encoded) into MPEG-TS segments of 20 s, indexed in a
SQLite store as a recorder indexes them, four cameras each starting a different fraction of a frame later
(so their frames never line up by chance); the console's own playback window (offscreen), its recordings
service granting playback under an administrative reason and its audit writer logging it.

- seek -> first frame: a seek to a random moment until all four pictures show the frame recorded at that
  time (each camera's newest frame at or before it); median and p95 over the seeks. Target < 300 ms.
- drift: playing 60 s of wall time at 1x and at 8x, at every repaint, how far apart the recording times of
  the four pictures shown are; the worst, and at the end. Target: under one frame (40 ms at 25 fps). The
  speed reached is said too: a camera that cannot keep up holds the others back (the clock waits for it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.playback [--seeks 20] [--play-s 60]

Exits non-zero when a figure could not be measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.run import save_results
from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import load_users
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR
from console.services.recordings import Recordings, WriterAudit
from console.store import archive, open_store_file
from console.store.backend import utc_text
from console.ui.accountability import Accountability
from console.ui.playback_window import PlaybackWindow
from console.video.playback_clock import drift_s

SIMCACHE = Path("/work/simcache/sim-clips")
CAMERAS = ("station-01", "station-02", "station-03", "station-04")
OFFSETS_S = (0.0, 0.011, 0.023, 0.031)  # each camera's segments start this much later: frames never line up
SEGMENT_S = 20.0
FRAME_S = 0.04
SEEK_TARGET_MS = 300.0
PATROL = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "benchmark")


def clip(camera: str) -> Path:
    found = sorted(SIMCACHE.glob(f"{camera}-main-*.ts"))
    if not found:
        raise RuntimeError(f"no simulator clip for {camera} in {SIMCACHE}")
    return found[0]


def record(database, root: Path, camera: str, start: dt.datetime, count: int) -> None:
    """``count`` segments back to back, each the camera's clip remuxed once (the files link to that one)."""
    root.mkdir(parents=True, exist_ok=True)
    remuxed = root / f"{camera}.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(clip(camera)), "-c", "copy", "-f", "mpegts",
                    str(remuxed)], check=True)  # fmt: skip
    digest = hashlib.sha256(remuxed.read_bytes()).hexdigest()
    with database.write() as transaction:
        for index in range(count):
            begins = start + dt.timedelta(seconds=SEGMENT_S * index)
            path = root / camera / begins.strftime("%Y/%m/%d") / f"{begins:%H%M%S}.ts"
            path.parent.mkdir(parents=True, exist_ok=True)
            os.link(remuxed, path)
            archive.add_segment(transaction, archive.SegmentRecord(
                0, camera, utc_text(begins), utc_text(begins + dt.timedelta(seconds=SEGMENT_S)), str(path),
                remuxed.stat().st_size, "h264", digest, "bench"))  # fmt: skip


def wait_until(condition, timeout_s: float, what: str) -> None:
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError(f"{what}: not within {timeout_s:g} s")
        QTest.qWait(2)


def expected_stamp(camera_start: dt.datetime, moment: dt.datetime) -> dt.datetime:
    """The camera's frame at or before ``moment``: frames every 40 ms from its segments' start."""
    frames = int((moment - camera_start).total_seconds() / FRAME_S + 1e-6)
    return camera_start + dt.timedelta(seconds=frames * FRAME_S)


def shows(window: PlaybackWindow, wanted: dict[str, dt.datetime]) -> bool:
    """Does every picture show its camera's frame of that time (to the microsecond the index keeps)?"""
    shown = window.shown_stamps()
    return all(shown[camera] is not None and abs((shown[camera] - stamp).total_seconds()) < 1e-4
               for camera, stamp in wanted.items())  # fmt: skip


def measure_seeks(window: PlaybackWindow, starts: dict[str, dt.datetime], span_s: float, seeks: int) -> list[float]:
    """Seeks to moments of the recording (between two frames), each until all four show that time's frame."""
    chooser = random.Random(25)
    times_ms = []
    for _ in range(seeks):
        moment = min(starts.values()) + dt.timedelta(seconds=chooser.uniform(5, span_s - 5))
        moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000 + 500)  # between two frames
        wanted = {camera: expected_stamp(start, moment) for camera, start in starts.items()}
        began = time.perf_counter()
        window.seek(moment)
        try:
            wait_until(lambda w=wanted: shows(window, w), 10, "a seek's first frame")
        except TimeoutError:
            print(f"wanted {wanted}, shown {window.shown_stamps()}", file=sys.stderr)
            raise
        times_ms.append((time.perf_counter() - began) * 1000)
    return times_ms


def measure_drift(window: PlaybackWindow, starts: dict[str, dt.datetime], start: dt.datetime, speed: float,
                  play_s: float) -> dict:  # fmt: skip
    window.speed.setCurrentIndex(window.speed.findData(speed))
    window.seek(start)
    wanted = {camera: expected_stamp(camera_start, start) for camera, camera_start in starts.items()}
    wait_until(lambda: shows(window, wanted), 10, "the first frames")
    drifts: list[float] = []

    def painted() -> None:
        shown = list(window.shown_stamps().values())
        if all(stamp is not None for stamp in shown):
            drifts.append(drift_s(shown, window.painted_at or window.clock.position()))

    window.frames_painted.connect(painted)
    from_position, began = window.clock.position(), time.perf_counter()
    window.toggle_play()
    wait_until(lambda: time.perf_counter() - began >= play_s, play_s + 10, "60 s of playback")
    window.toggle_play()
    elapsed_s = time.perf_counter() - began
    advanced_s = (window.clock.position() - from_position).total_seconds()
    QTest.qWait(100)
    window.frames_painted.disconnect(painted)
    if len(drifts) < play_s * 10:
        raise RuntimeError(f"only {len(drifts)} repaints with four pictures in {play_s:g} s")
    return {"speed": speed, "repaints": len(drifts), "worst_drift_ms": max(drifts) * 1000,
            "p95_drift_ms": sorted(drifts)[int(len(drifts) * 0.95)] * 1000, "end_drift_ms": drifts[-1] * 1000,
            "speed_reached": advanced_s / elapsed_s, "frame_ms": FRAME_S * 1000}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeks", type=int, default=20)
    parser.add_argument("--play-s", type=float, default=60.0)
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="uitkijk-bench-playback-"))
    log = AuditLog(open_store_file(work / "store.sqlite3"), work / KEY_FILE)
    writer = AuditWriter(log)
    window: PlaybackWindow | None = None
    try:
        config = load_camera_config(DEFAULT_CONFIG_DIR, {})
        cameras = [camera for camera in config.cameras if camera.id in CAMERAS]
        span_s = arguments.play_s * 8 + 60
        count = int(span_s / SEGMENT_S) + 2
        start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(seconds=count * SEGMENT_S + 120)
        starts = {
            camera: start + dt.timedelta(seconds=offset) for camera, offset in zip(CAMERAS, OFFSETS_S, strict=True)
        }
        print(f"Remuxing and indexing {count} segments for each of {len(CAMERAS)} cameras\u2026", file=sys.stderr)
        for camera, camera_start in starts.items():
            record(log.database, work / "rec", camera, camera_start, count)
        users = load_users(DEFAULT_CONFIG_DIR)
        accountability = Accountability(writer, Session(users.users["an.peeters"], "bench"))
        accountability.set_reason(PATROL)
        wait_until(lambda: accountability.session.reason == PATROL, 10, "the reason")
        recordings = Recordings(log.database, WriterAudit(writer), [camera.id for camera in config.cameras])
        window = PlaybackWindow(accountability, recordings, cameras, CAMERAS, start + dt.timedelta(seconds=10))
        window.view_span.setCurrentIndex(window.view_span.findData(4 * 3600))  # the whole recording in one view
        window.show()
        wait_until(lambda: window.grant is not None, 20, "playback granted and logged")
        print(f"Seeking {arguments.seeks} times\u2026", file=sys.stderr)
        seeks_ms = measure_seeks(window, starts, (count - 1) * SEGMENT_S, arguments.seeks)
        runs = []
        for speed in (1.0, 8.0):
            print(f"Playing 4 cameras for {arguments.play_s:g} s at {speed:g}x\u2026", file=sys.stderr)
            runs.append(measure_drift(window, starts, start + dt.timedelta(seconds=2), speed, arguments.play_s))
    except (RuntimeError, TimeoutError, OSError, subprocess.CalledProcessError) as error:
        print(f"playback not measured: {error!r}", file=sys.stderr)
        return 1
    finally:
        if window is not None:
            window.close()
        writer.close()
        log.database.close()
        shutil.rmtree(work, ignore_errors=True)
        app.processEvents()
    results = {"seek_to_first_frame_ms": {"median": statistics.median(seeks_ms), "p95": sorted(seeks_ms)[
        int(len(seeks_ms) * 0.95)], "max": max(seeks_ms), "seeks": len(seeks_ms), "target": SEEK_TARGET_MS},
        "drift": runs, "cameras": len(CAMERAS), "cpu_count": os.cpu_count()}  # fmt: skip
    print_table(results)
    save_results("playback", results)
    return 0


def print_table(results: dict) -> None:
    print("\nUitkijk playback window (4 cameras of 720p25 H.264 recorded as TS segments, offscreen, this machine)")
    print(f"{'figure':58} {'median':>8} {'p95':>8} {'worst':>8}  target")
    seek = results["seek_to_first_frame_ms"]
    print(f"{'seek -> first frame of all 4 cameras (ms)':58} {seek['median']:>8.0f} {seek['p95']:>8.0f} "
          f"{seek['max']:>8.0f}  < {seek['target']:.0f}")  # fmt: skip
    for run in results["drift"]:
        label = f"drift of 4 cameras, 60 s at {run['speed']:g}x (ms; at the end {run['end_drift_ms']:.0f})"
        print(f"{label:58} {'':>8} {run['p95_drift_ms']:>8.1f} {run['worst_drift_ms']:>8.1f}  < {run['frame_ms']:.0f}")
        reached = f"speed reached at {run['speed']:g}x (recording s per s)"
        print(f"{reached:58} {run['speed_reached']:>8.2f}")
    print()


if __name__ == "__main__":
    sys.exit(main())
