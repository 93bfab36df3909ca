"""Soak: a wall PC on a virtual patrol for ten minutes; does memory or the thread count grow?

The console runs as an unattended wall PC does (``run --user demo --reason ... --tour soak``):
a 2x2 tour over 8 cameras of the simulated network, 3 s per step, round after round, every
view logged; two Mobbox PTZ cameras besides, which its ONVIF process sets up and the desk's
map asks for their position every 0.4 s all the while. Its memory (proportional set size, so
memory shared with its decoding process counts once) and thread count, with its decoding and
ONVIF processes', are read from outside every 3 s;
each 30 s window gives one sample, its median memory (the tour's rise and fall as each
step's streams pre-roll and end averaged out) and its highest thread count. Figures: growth
after the first minute in MB per hour (least squares over the samples; target under 5), the
highest memory read, the thread count's range after the first minute (target: flat), and
the steps shown (the raw count a 3 s dwell allows in the same time, for comparison).

    .venv/bin/python -m bench.soak [--minutes 10] [--sample-s 30] [--reading-s 3]

Exits non-zero when a figure could not be measured (the console died, too few samples).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.cameras import simulated_network
from bench.run import save_results
from console.audit.log import KEY_FILE, AuditLog
from console.cli import DEMO_PASSWORD
from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT
from console.sim.network import free_port
from console.store import open_store

CAMERAS = 8
PTZ_CAMERAS = 2
DWELL_S = 3


def process_label(process: psutil.Process, console_pid: int) -> str:
    """Which of the desk's processes this is: the console, its decoding process, its ONVIF process."""
    if process.pid == console_pid:
        return "console"
    command = " ".join(process.cmdline())
    return "decoding" if "decoder_host" in command else "ONVIF" if "onvif.host" in command else process.name()


def write_config(folder: Path, port: int) -> None:
    lines = ["version: 1", "areas:", "  - {id: soak, name: Soak}", "cameras:"]
    for index in range(1, CAMERAS + 1):
        url = f"rtsp://127.0.0.1:{port}/cam-{index}"
        lines += [f"  - id: cam-{index}", f"    name: Soak {index}", "    kind: fixed", "    area: soak",
                  "    location: {street: Soakstraat, lat: 50.8, lon: 3.2}", "    streams:",
                  f"      main: {url}", f"      sub: {url}-sub"]  # fmt: skip
    for index in range(1, PTZ_CAMERAS + 1):  # simulated Mobbox PTZ cameras: set up over ONVIF, asked all the while
        lines += [
            f"  - id: ptz-{index}",
            f"    name: Soak PTZ {index}",
            "    kind: ptz",
            "    area: soak",
            "    location: {street: Soakstraat, lat: 50.8, lon: 3.2, heading_deg: 180, height_m: 6}",
            f"    onvif: {{host: 127.0.0.1, port: {free_port()}, username: uitkijk, password: soak-ptz-2026}}",
        ]
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n")
    (folder / "tours.yaml").write_text(
        "version: 1\ntours:\n  - id: soak\n    name: Soak\n    steps:\n"
        f"      - {{layout: 2x2, cameras: [cam-1, cam-2, cam-3, cam-4], dwell_s: {DWELL_S}}}\n"
        f"      - {{layout: 2x2, cameras: [cam-5, cam-6, cam-7, cam-8], dwell_s: {DWELL_S}}}\n"
    )
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", folder / "users.yaml")


def slope_per_hour(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, value), per hour."""
    count = len(points)
    mean_t = sum(t for t, _ in points) / count
    mean_v = sum(v for _, v in points) / count
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    return 3600 * sum((t - mean_t) * (v - mean_v) for t, v in points) / spread


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--sample-s", type=float, default=30.0, help="one sample per window of this length")
    parser.add_argument("--reading-s", type=float, default=3.0, help="a reading this often within the window")
    arguments = parser.parse_args()
    duration_s = arguments.minutes * 60
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-soak-config-"))
    data = Path(tempfile.mkdtemp(prefix="uitkijk-soak-data-"))
    write_config(folder, free_port())
    config = load_camera_config(folder, {})
    network = simulated_network(config, clip_seconds=10)
    network.start()
    samples: list[tuple[float, float, int]] = []  # seconds since launch, PSS MB, threads (console + children)
    peaks_mb: list[float] = []  # the highest reading of each sample's window
    onvif_samples: list[tuple[float, float]] = []  # seconds since launch, the ONVIF process's PSS MB
    try:
        console = subprocess.Popen(
            [sys.executable, "main.py", "run", "--config", str(folder), "--data", str(data), "--user", "demo",
             "--reason", "virtual patrol: soak", "--tour", "soak", "--exit-after", str(duration_s + 5)],
            cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "UITKIJK_PASSWORD": DEMO_PASSWORD},
        )  # fmt: skip
        process = psutil.Process(console.pid)
        started = time.monotonic()
        while time.monotonic() - started < duration_s and console.poll() is None:
            # A reading every few seconds; the sample is the window's median. Memory rises and falls by a few MB
            # as each step's streams pre-roll and end, and a single reading per window caught that swing at a
            # different point each time: its noise alone read as 10-17 MB per hour over ten minutes. Not the
            # lowest: PSS splits shared pages between their sharers, and one reading that fell 28 MB (a
            # process sharing the console's pages for a moment) then counted as the whole window.
            window_ends = min(time.monotonic() + arguments.sample_s, started + duration_s)
            readings: list[tuple[float, dict[str, float], int]] = []
            while time.monotonic() < window_ends and console.poll() is None:
                time.sleep(min(arguments.reading_s, max(0.0, window_ends - time.monotonic())))
                try:
                    family = [process, *process.children(recursive=True)]  # its decoding and ONVIF processes too
                    # PSS, not RSS: the frames' shared memory is mapped by both processes and counted once.
                    each_mb = {process_label(p, console.pid): p.memory_full_info().pss / 1e6 for p in family}
                    readings.append((sum(each_mb.values()), each_mb, sum(p.num_threads() for p in family)))
                except psutil.NoSuchProcess:
                    break
            if not readings:
                break
            middle_mb, each_mb, _ = sorted(readings, key=lambda reading: reading[0])[len(readings) // 2]
            threads = max(reading[2] for reading in readings)
            samples.append((time.monotonic() - started, middle_mb, threads))
            if "ONVIF" in each_mb:
                onvif_samples.append((samples[-1][0], each_mb["ONVIF"]))
            peaks_mb.append(max(reading[0] for reading in readings))
            apart = ", ".join(f"{label} {mb:.1f}" for label, mb in each_mb.items())
            print(f"{samples[-1][0]:6.0f} s  {middle_mb:7.1f} MB ({apart}), highest {peaks_mb[-1]:.1f}  "
                  f"{threads:4} threads", file=sys.stderr)  # fmt: skip
        _, stderr = console.communicate(timeout=60)
    finally:
        network.stop()
    if console.returncode != 0:
        print(f"the console failed ({console.returncode}): {stderr.decode()[-1000:]}", file=sys.stderr)
        return 1
    store = open_store(data)
    try:
        log = AuditLog(store, data / KEY_FILE)
        entries = list(log.entries())
        verdict = log.verify()
    finally:
        store.close()
    after_first_minute = [sample for sample in samples if sample[0] >= 60]
    onvif_after_first_minute = [sample for sample in onvif_samples if sample[0] >= 60]
    if len(after_first_minute) < 3 or len(onvif_after_first_minute) < 3:
        print(f"too few samples after the first minute ({len(after_first_minute)}; of the ONVIF process "
              f"{len(onvif_after_first_minute)})", file=sys.stderr)  # fmt: skip
        return 1
    threads = [count for _, _, count in after_first_minute]
    results = {
        "minutes": arguments.minutes,
        "samples": [{"s": round(t), "pss_mb": round(rss, 1), "threads": count} for t, rss, count in samples],
        "pss_first_minute_mb": round(after_first_minute[0][1], 1),
        "pss_end_mb": round(samples[-1][1], 1),
        "pss_growth_after_first_minute_mb_per_hour": round(
            slope_per_hour([(t, rss) for t, rss, _ in after_first_minute]), 1
        ),
        "pss_highest_after_first_minute_mb": round(
            max(peak for (t, _, _), peak in zip(samples, peaks_mb, strict=True) if t >= 60), 1
        ),
        "onvif_process_pss_first_minute_mb": round(onvif_after_first_minute[0][1], 1),
        "onvif_process_pss_end_mb": round(onvif_samples[-1][1], 1),
        "onvif_process_growth_after_first_minute_mb_per_hour": round(slope_per_hour(onvif_after_first_minute), 1),
        "threads_min_after_first_minute": min(threads),
        "threads_max_after_first_minute": max(threads),
        "view_starts_logged": sum(1 for entry in entries if entry.action == "view start"),
        "steps_a_3_s_dwell_allows": int(duration_s // DWELL_S),
        "audit_log": str(verdict),
    }  # fmt: skip
    save_results("soak", results)
    print(f"\nUitkijk soak: {arguments.minutes:g} min of a 2x2 tour over {CAMERAS} cameras, {DWELL_S} s per step")
    print(f"{'figure':52} {'value':>10}  target")
    print(f"{'PSS after the first minute -> at the end (MB)':52} "
          f"{results['pss_first_minute_mb']:>5.0f} -> {results['pss_end_mb']:<5.0f}")  # fmt: skip
    print(f"{'PSS growth after the first minute (MB per hour)':52} "
          f"{results['pss_growth_after_first_minute_mb_per_hour']:>10.1f}  < 5")  # fmt: skip
    print(
        f"{'PSS at its highest after the first minute (MB)':52} {results['pss_highest_after_first_minute_mb']:>10.1f}"
    )
    print(
        f"{'  of which the ONVIF process, first minute -> end (MB)':52} "
        f"{results['onvif_process_pss_first_minute_mb']:>5.0f} -> {results['onvif_process_pss_end_mb']:<5.0f}"
    )
    print(f"{'  its growth after the first minute (MB per hour)':52} "
          f"{results['onvif_process_growth_after_first_minute_mb_per_hour']:>10.1f}")  # fmt: skip
    print(f"{'threads after the first minute (min / max)':52} {min(threads):>4} / {max(threads):<4}  flat")
    print(f"{'views logged (a step shows 4; steps a 3 s dwell allows)':52} "
          f"{results['view_starts_logged']:>10}  {results['steps_a_3_s_dwell_allows']} steps")  # fmt: skip
    print(f"{'audit log':52} {verdict}\n")
    return 0 if verdict.is_intact else 1


if __name__ == "__main__":
    sys.exit(main())
