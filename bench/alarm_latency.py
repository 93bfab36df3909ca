"""Alarm latency: a camera's event to the alarm in the room's store, and to the alarm on a signed-in desk's list.

The living simulator (``main.py sim``) and the events service (``main.py events``) run as the
room runs them, processes of their own on a configuration of the benchmark's own (free ports: a
demo running beside it is not disturbed). Each round hands the simulator a Mobbox door event
through its control endpoint (what ``main.py sim event CAMERA door-open`` does, without the
start-up of a Python process) at t0; the simulated camera queues an ONVIF notification, the
events service's PullPoint follower pulls it, the queue raises the alarm. t1 is when the alarm
can be read in the store (read every 2 ms). A second series does the same with a signed-in
operator's desk in this process: t1 is when the alarm arrives on its alarm list, painted. Then
the door is closed and the alarm closed, so the next round raises a new one (over a second
later: the follower coalesces one topic's changes within a second). Prints a table and a JSON
object (also in bench/results/alarm_latency.json); exits non-zero when a figure could not be
measured.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.alarm_latency [--events 20]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.cameras import CLIP_DIR
from bench.run import save_results
from console.alarms.model import Outcome
from console.audit.log import KEY_FILE, AuditLog
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT
from console.sim.network import free_port
from console.store import alarms as alarm_rows
from console.store import open_store

TARGET_S = 1.0  # the target: camera event to alarm on the operator's screen under 1 s
START_TIMEOUT_S = 300.0  # a bound on a loaded machine (the simulator makes its clips the first time)
ALARM_TIMEOUT_S = 10.0
POLL_S = 0.002
COALESCE_GAP_S = 1.2  # the follower coalesces one topic's changes within a second: rounds are further apart
CAMERA = "box-1-a"
ALARMS_YAML = """version: 1
rules:
  - name: Mobbox deur open
    kinds: [door]
    priority: 1
    escalate_after_s: 3600
"""


def write_config(folder: Path, rtsp_port: int, onvif_port: int) -> None:
    """One Mobbox with one PTZ camera answering ONVIF (its events), on ports of the benchmark's own."""
    folder.mkdir(parents=True)
    (folder / "cameras.yaml").write_text(f"""version: 1
areas:
  - {{id: park, name: Park}}
cameras:
  - id: bench-fixed
    name: Bench vast
    kind: fixed
    area: park
    location: {{street: Benchstraat, lat: 50.8, lon: 3.2}}
    streams: {{main: 'rtsp://127.0.0.1:{rtsp_port}/bench-fixed', sub: 'rtsp://127.0.0.1:{rtsp_port}/bench-fixed-sub'}}
mobboxes:
  - id: box-1
    name: Bench Mobbox
    deployment: {{site: Benchplein, area: park, since: 2026-10-01, purpose: benchmark}}
    cameras:
      - id: {CAMERA}
        name: Bench Mobbox mast A
        kind: ptz
        area: park
        location: {{street: Benchplein, lat: 50.81, lon: 3.2, heading_deg: 180, height_m: 6, tilt_range_deg: 20}}
        onvif: {{host: 127.0.0.1, port: {onvif_port}, username: uitkijk, password: bench-onvif-2026}}
""", encoding="utf-8")  # fmt: skip
    (folder / "alarms.yaml").write_text(ALARMS_YAML, encoding="utf-8")
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", folder / "users.yaml")


def wait_for(predicate, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"not within {timeout_s:.0f} s: {what}")
        pause.wait(0.05)


def subscribed(database) -> bool:
    with database.read() as transaction:
        rows = alarm_rows.read_intakes(transaction)
    return bool(rows) and (rows[0]["cameras"].get(CAMERA) or {}).get("subscription") == "active"


def door_of(database) -> str | None:
    with database.read() as transaction:
        return next((row["door"] for row in alarm_rows.read_health(transaction) if row["device"] == "box-1"), None)


def open_door_alarm(database, after_id: int) -> dict | None:
    with database.read() as transaction:
        row = alarm_rows.open_alarm_for(transaction, CAMERA, "door")
    return row if row is not None and int(row["id"]) > after_id else None


def measure(data: Path, events: int) -> dict:
    from console.services.alarm_queue import Taker, close_alarm
    from console.sim.control import send_event
    from console.store.backend import utc_moment

    database = open_store(data)
    log = AuditLog(database, data / KEY_FILE)
    closer = Taker("demo", "Demo", "operator", "bench")
    who = {"user": closer.user, "role": closer.role, "workstation": closer.workstation}
    try:
        wait_for(lambda: subscribed(database), START_TIMEOUT_S, f"the events service subscribed to {CAMERA}")
        store_s: list[float] = []
        camera_clock_s: list[float] = []
        last_id = 0
        pause = threading.Event()
        for _ in range(events):
            t0 = time.monotonic()
            send_event(data, CAMERA, "door-open")
            while (row := open_door_alarm(database, last_id)) is None:
                if time.monotonic() - t0 > ALARM_TIMEOUT_S:
                    raise RuntimeError(f"no alarm within {ALARM_TIMEOUT_S:.0f} s of a door event")
                pause.wait(POLL_S)
            store_s.append(time.monotonic() - t0)
            camera_clock_s.append((utc_moment(row["raised_utc"]) - utc_moment(row["event_utc"])).total_seconds())
            last_id = int(row["id"])
            send_event(data, CAMERA, "door-close")
            log.commit(close_alarm(last_id, Outcome.FALSE_ALARM, closer, note="benchmark").record(who))
            wait_for(lambda: door_of(database) == "closed", ALARM_TIMEOUT_S, "the door closed in the Mobbox's health")
            pause.wait(COALESCE_GAP_S)
    finally:
        database.close()
    return {"events": events, "store_s": store_s, "camera_stamp_to_raised_s": camera_clock_s}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_screen(folder: Path, data: Path, events: int) -> list[float]:
    """A signed-in operator's desk in this process (Qt, its own audit writer, the same store): t0 to the alarm on
    its alarm list (``alarm_arrived``) and painted (the event loop's next pass)."""
    from PySide6.QtWidgets import QApplication

    from bench.desk import Desk, wait_until
    from console.config.loader import load_camera_config
    from console.services.alarm_queue import Taker, close_alarm
    from console.sim.control import send_event

    app = QApplication.instance() or QApplication(sys.argv[:1])
    desk = Desk(load_camera_config(folder, {}), data, user="an.peeters")
    database = open_store(data)
    log = AuditLog(database, data / KEY_FILE)
    closer = Taker("demo", "Demo", "operator", "bench")
    who = {"user": closer.user, "role": closer.role, "workstation": closer.workstation}
    arrived: dict[int, float] = {}
    screen_s: list[float] = []
    try:
        desk.open("1x1", ["bench-fixed"])
        panel = desk.console.alarm_panel
        if panel is None:
            raise RuntimeError("the desk has no alarm list")
        panel.alarm_arrived.connect(lambda alarm: arrived.setdefault(alarm.id, time.monotonic()))
        for _ in range(events):
            known = set(arrived)
            t0 = time.monotonic()
            send_event(data, CAMERA, "door-open")
            wait_until(lambda known=known: set(arrived) - known, ALARM_TIMEOUT_S)
            app.processEvents()  # the list repainted with it
            [alarm_id] = set(arrived) - known
            screen_s.append(time.monotonic() - t0)
            send_event(data, CAMERA, "door-close")
            log.commit(close_alarm(alarm_id, Outcome.FALSE_ALARM, closer, note="benchmark").record(who))
            wait_until(lambda: door_of(database) == "closed", ALARM_TIMEOUT_S)
            settled = time.monotonic() + COALESCE_GAP_S
            wait_until(lambda settled=settled: time.monotonic() >= settled, COALESCE_GAP_S + 5)
    finally:
        desk.close()
        database.close()
    return screen_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20, help="door events measured (at least 20 for a p95)")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uitkijk-bench-alarms-"))
    folder, data = work / "config", work / "data"
    write_config(folder, free_port(), free_port())
    (data / "cache").mkdir(parents=True)
    CLIP_DIR.mkdir(exist_ok=True)
    (data / "cache" / "sim-clips").symlink_to(CLIP_DIR)  # the clips made once for every benchmark
    processes: list[subprocess.Popen] = []
    try:
        print("Starting the simulator and the events service\u2026", file=sys.stderr)
        for command in ("sim", "events"):
            processes.append(subprocess.Popen([sys.executable, str(REPO_ROOT / "main.py"), command, "--config",
                                               str(folder), "--data", str(data)], cwd=REPO_ROOT,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # fmt: skip
            if command == "sim":
                wait_for(lambda: (data / "sim-control.json").exists(), START_TIMEOUT_S, "the simulator's control")
        measured = measure(data, arguments.events)
        print("The same on a signed-in desk's alarm list\u2026", file=sys.stderr)
        screen_s = measure_screen(folder, data, arguments.events)
    except (RuntimeError, OSError, ImportError, TimeoutError) as error:
        print(f"a figure could not be measured: {error!r}", file=sys.stderr)
        return 1
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)
    store_s = measured["store_s"]
    results = {
        "events": measured["events"],
        "event_to_store_median_ms": round(statistics.median(store_s) * 1000, 1),
        "event_to_store_p95_ms": round(percentile(store_s, 0.95) * 1000, 1),
        "event_to_store_max_ms": round(max(store_s) * 1000, 1),
        "camera_stamp_to_raised_median_ms": round(statistics.median(measured["camera_stamp_to_raised_s"]) * 1000, 1),
        "event_to_screen_median_ms": round(statistics.median(screen_s) * 1000, 1),
        "event_to_screen_p95_ms": round(percentile(screen_s, 0.95) * 1000, 1),
        "event_to_screen_max_ms": round(max(screen_s) * 1000, 1),
        "target_ms": TARGET_S * 1000,
    }
    print_table(results)
    save_results("alarm_latency", results)
    return 0


def print_table(results: dict) -> None:
    print(f"\nUitkijk alarm latency ({results['events']} Mobbox door events on the simulated network, "
          "ONVIF PullPoint, SQLite store, this machine)")  # fmt: skip
    print(f"{'figure':52} {'Uitkijk':>10}  target")
    for label, key in (("event to alarm in the store, median (ms)", "event_to_store_median_ms"),
                       ("event to alarm in the store, p95 (ms)", "event_to_store_p95_ms"),
                       ("event to alarm in the store, worst (ms)", "event_to_store_max_ms"),
                       ("event to alarm on a desk's list, median (ms)", "event_to_screen_median_ms"),
                       ("event to alarm on a desk's list, p95 (ms)", "event_to_screen_p95_ms"),
                       ("event to alarm on a desk's list, worst (ms)", "event_to_screen_max_ms")):  # fmt: skip
        print(f"{label:52} {results[key]:>10.0f}  < {results['target_ms']:.0f}")
    print(f"{'camera time stamp to raised, median (ms)':52} {results['camera_stamp_to_raised_median_ms']:>10.0f}")
    print()


if __name__ == "__main__":
    sys.exit(main())
