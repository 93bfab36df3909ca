"""The console's records in one SQLite file in the data folder.

Written only through this module, so that a PostgreSQL store for a room of
several workstations can replace it. WAL mode: readers (the team chief's board)
never block the writer.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from console.store import guard

LOGGER = logging.getLogger("uitkijk.store")
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS tour_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tour_id TEXT NOT NULL,
    tour_name TEXT NOT NULL,
    user TEXT NOT NULL,
    workstation TEXT NOT NULL,
    wall TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    ended_utc TEXT,
    outcome TEXT NOT NULL,             -- running | completed | stopped
    steps_shown INTEGER NOT NULL DEFAULT 0,
    steps_total INTEGER NOT NULL,
    offline_cameras TEXT NOT NULL DEFAULT '[]'   -- JSON list of camera ids
);
CREATE INDEX IF NOT EXISTS tour_runs_started ON tour_runs (started_utc);
"""


@dataclass(frozen=True)
class TourRunRecord:
    id: int
    tour_id: str
    tour_name: str
    user: str
    workstation: str
    wall: str
    started_utc: str
    ended_utc: str | None
    outcome: str
    steps_shown: int
    steps_total: int
    offline_cameras: tuple[str, ...]


class Store:
    FILE_NAME = "uitkijk.sqlite3"

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / self.FILE_NAME
        self._connection = guard.connect(self.path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        self._tour_log = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tour-log")
        with self._lock:
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.executescript(SCHEMA)
            self._connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self._tour_log.shutdown(wait=True)  # what was handed over is written before the store closes
        with self._lock:
            self._connection.close()

    # -- the tour log, written on a worker of its own --------------------------------------------
    # The GUI thread hands a run's start, progress and end over and goes on; one worker writes them
    # in order, so an update always finds the row its start made (the future holds its id).
    def log_tour_start(self, tour_id: str, tour_name: str, user: str, workstation: str, wall: str,
                       started_utc: str, steps_total: int) -> Future[int]:  # fmt: skip
        return self._tour_log.submit(self.start_tour_run, tour_id, tour_name, user, workstation, wall,
                                     started_utc, steps_total)  # fmt: skip

    def log_tour_progress(self, run: Future[int], steps_shown: int, offline_cameras: set[str]) -> None:
        offline = set(offline_cameras)  # as it is now, not when the worker gets to it
        self._tour_log.submit(self._after(run, lambda run_id: self.update_tour_run(run_id, steps_shown, offline)))

    def log_tour_end(self, run: Future[int], ended_utc: str, outcome: str, steps_shown: int,
                     offline_cameras: set[str]) -> None:  # fmt: skip
        offline = set(offline_cameras)
        self._tour_log.submit(self._after(run, lambda run_id: self.end_tour_run(run_id, ended_utc, outcome,
                                                                                steps_shown, offline)))  # fmt: skip

    @staticmethod
    def _after(run: Future[int], write: Callable[[int], None]) -> Callable[[], None]:
        def job() -> None:
            try:
                run_id = run.result()
            except Exception as error:  # noqa: BLE001 - its start was not written: neither is this
                LOGGER.warning("tour log: the run's start was not written (%s)", error)
                return
            try:
                write(run_id)
            except Exception:  # noqa: BLE001 - a worker reports, it never dies
                LOGGER.exception("tour log: could not write")

        return job

    # -- the tour log --------------------------------------------------------------------------
    def start_tour_run(self, tour_id: str, tour_name: str, user: str, workstation: str, wall: str,
                       started_utc: str, steps_total: int) -> int:  # fmt: skip
        with self._lock:
            cursor = self._connection.execute(
                "INSERT INTO tour_runs (tour_id, tour_name, user, workstation, wall, started_utc, outcome, steps_total)"
                " VALUES (?, ?, ?, ?, ?, ?, 'running', ?)",
                (tour_id, tour_name, user, workstation, wall, started_utc, steps_total),
            )
            return int(cursor.lastrowid)

    def update_tour_run(self, run_id: int, steps_shown: int, offline_cameras: set[str]) -> None:
        with self._lock:
            self._connection.execute(
                "UPDATE tour_runs SET steps_shown = ?, offline_cameras = ? WHERE id = ?",
                (steps_shown, json.dumps(sorted(offline_cameras)), run_id),
            )

    def end_tour_run(self, run_id: int, ended_utc: str, outcome: str, steps_shown: int,
                     offline_cameras: set[str]) -> None:  # fmt: skip
        with self._lock:
            self._connection.execute(
                "UPDATE tour_runs SET ended_utc = ?, outcome = ?, steps_shown = ?, offline_cameras = ? WHERE id = ?",
                (ended_utc, outcome, steps_shown, json.dumps(sorted(offline_cameras)), run_id),
            )

    def tour_runs(self, limit: int = 200) -> list[TourRunRecord]:
        with self._lock:
            rows = self._connection.execute(
                "SELECT id, tour_id, tour_name, user, workstation, wall, started_utc, ended_utc, outcome,"
                " steps_shown, steps_total, offline_cameras FROM tour_runs ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [TourRunRecord(*row[:11], tuple(json.loads(row[11]))) for row in rows]
