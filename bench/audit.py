"""Audit log benchmark: durable entries per second, cost per logged action on the GUI thread, verifying 1 M entries.

Each figure is set against the raw limit measured in the same run on the same disk:
- entries/s: the writer's group commit, against one flushed transaction per entry
  (AuditLog.append) and against bare fsync calls per second on the same folder;
- GUI thread: what Accountability.log costs the caller, and how long until the action runs;
- verify: walking and checking the chain of 1 M entries, against reading the same rows.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.audit   (part of ``make bench``)
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.run import save_results
from console.access.permissions import Role
from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import User
from console.audit.log import AuditLog, Record
from console.audit.writer import AuditWriter
from console.store import open_store_file
from console.ui.accountability import Accountability

REASON = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "benchmark round")


def record(number: int) -> Record:
    return Record("an.peeters", "operator", "ws-04", "view start", f"cam-{number % 200:03d}",
                  {"wall": "wall 1", "tile": number % 16 + 1, "layout": "4x4"}, REASON.as_record())  # fmt: skip


def fsyncs_per_second(folder: Path, seconds: float = 2.0) -> float:
    path = folder / "fsync-probe"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    count, started = 0, time.perf_counter()
    try:
        while time.perf_counter() - started < seconds:
            os.write(descriptor, b"x" * 200)
            os.fsync(descriptor)
            count += 1
    finally:
        os.close(descriptor)
        path.unlink()
    return count / (time.perf_counter() - started)


def one_commit_per_entry(folder: Path, count: int = 1500) -> float:
    log = AuditLog(open_store_file(folder / "single.sqlite3"), folder / "single.key")
    started = time.perf_counter()
    for number in range(count):
        entry = record(number)
        log.append(entry.user, entry.role, entry.workstation, entry.action, entry.camera, entry.detail, entry.reason)
    elapsed = time.perf_counter() - started
    log.database.close()
    return count / elapsed


def group_commit(folder: Path, count: int = 30000) -> dict:
    log = AuditLog(open_store_file(folder / "group.sqlite3"), folder / "group.key")
    writer = AuditWriter(log)
    done = threading.Event()
    durable = [0]

    def on_durable(_entry) -> None:
        durable[0] += 1
        if durable[0] == count:
            done.set()

    started = time.perf_counter()
    for number in range(count):
        writer.submit(record(number), on_durable=on_durable)
    done.wait(300)
    elapsed = time.perf_counter() - started
    intact = log.verify().is_intact
    writer.close()
    log.database.close()
    return {"entries": count, "seconds": round(elapsed, 3), "entries_per_s": round(count / elapsed), "intact": intact}


def gui_thread_cost(folder: Path, actions: int = 3000) -> dict:
    """Accountability.log from the GUI thread, spaced like real actions; and the delay until the action runs."""
    app = QApplication.instance() or QApplication([])
    log = AuditLog(open_store_file(folder / "gui.sqlite3"), folder / "gui.key")
    writer = AuditWriter(log)
    session = Session(User("an.peeters", "An Peeters", Role.OPERATOR, "-"), "ws-04", reason=REASON)
    accountability = Accountability(writer, session)
    delays: list[float] = []
    costs: list[float] = []  # the GUI thread's time inside each call
    for number in range(actions):
        asked = time.perf_counter()
        accountability.log("view start", f"cam-{number % 200}", {"tile": number % 16 + 1}, REASON,
                           then=lambda asked=asked: delays.append(time.perf_counter() - asked))  # fmt: skip
        costs.append(time.perf_counter() - asked)
        if number % 10 == 9:  # ten actions at once (a 4x4 tour step), then the event loop runs
            deadline = time.perf_counter() + 0.5
            while len(delays) < number + 1 and time.perf_counter() < deadline:
                app.processEvents()
    while len(delays) < actions:
        app.processEvents()
    writer.close()
    log.database.close()
    milliseconds = sorted(cost * 1000 for cost in costs)
    delays_ms = sorted(delay * 1000 for delay in delays)
    return {
        "actions": actions,
        "gui_cost_median_ms": round(statistics.median(milliseconds), 4),
        "gui_cost_p99_ms": round(milliseconds[int(len(milliseconds) * 0.99)], 4),
        "gui_cost_max_ms": round(milliseconds[-1], 3),
        "action_delay_median_ms": round(statistics.median(delays_ms), 2),
        "action_delay_p95_ms": round(delays_ms[int(len(delays_ms) * 0.95)], 2),
    }


def verify_million(folder: Path, count: int = 1_000_000) -> dict:
    log = AuditLog(open_store_file(folder / "million.sqlite3"), folder / "million.key")
    batch = 20000
    started = time.perf_counter()
    for first in range(0, count, batch):
        log.append_batch([record(number) for number in range(first, first + batch)])
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    verdict = log.verify()
    verify_s = time.perf_counter() - started
    log.database.close()
    connection = sqlite3.connect(folder / "million.sqlite3")
    started = time.perf_counter()
    rows = sum(1 for _ in connection.execute("SELECT * FROM audit_log ORDER BY seq"))
    read_s = time.perf_counter() - started
    connection.close()
    size_mb = (folder / "million.sqlite3").stat().st_size / 1e6
    return {"entries": verdict.entries, "rows_read": rows, "intact": verdict.is_intact,
            "verify_s": round(verify_s, 2), "read_only_s": round(read_s, 2), "write_s": round(build_s, 1),
            "database_mb": round(size_mb, 1)}  # fmt: skip


def main() -> int:
    with tempfile.TemporaryDirectory(dir=Path.home()) as temporary:  # the disk the data folder lives on
        folder = Path(temporary)
        results = {
            "fsyncs_per_s_raw": round(fsyncs_per_second(folder)),
            "one_commit_per_entry_per_s": round(one_commit_per_entry(folder)),
            "group_commit": group_commit(folder),
            "gui_thread": gui_thread_cost(folder),
            "verify_1m": verify_million(folder),
        }
    save_results("audit", results)
    group, gui, verify = results["group_commit"], results["gui_thread"], results["verify_1m"]
    print("\nUitkijk audit log benchmark (this machine's disk)")
    print(f"{'figure':58} {'value':>10}  raw limit / target")
    print(f"{'durable entries/s, writer thread (group commit)':58} {group['entries_per_s']:>10}  "
          f"one commit per entry: {results['one_commit_per_entry_per_s']}/s; bare fsync: "
          f"{results['fsyncs_per_s_raw']}/s")  # fmt: skip
    print(f"{'GUI thread per logged action, median (ms)':58} {gui['gui_cost_median_ms']:>10.3f}  target < 2")
    print(f"{'GUI thread per logged action, p99 / max (ms)':58} {gui['gui_cost_p99_ms']:>10.3f}  "
          f"max {gui['gui_cost_max_ms']}")  # fmt: skip
    print(f"{'log() to action carried out, median / p95 (ms)':58} {gui['action_delay_median_ms']:>10.2f}  "
          f"p95 {gui['action_delay_p95_ms']}")  # fmt: skip
    print(f"{'verify 1 M entries (s)':58} {verify['verify_s']:>10.2f}  reading the rows alone: "
          f"{verify['read_only_s']} s; {verify['database_mb']} MB")  # fmt: skip
    ok = group["intact"] and verify["intact"] and verify["entries"] == 1_000_000
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
