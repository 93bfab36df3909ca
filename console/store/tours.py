"""The tour log's table: every run of a virtual-patrol tour, its steps shown and cameras found offline."""

from __future__ import annotations

import json
from dataclasses import dataclass

from console.store.backend import Migration, TableGroup, Transaction

TABLES = TableGroup("tours", (Migration(1, {"sqlite": ("""
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
)""", "CREATE INDEX IF NOT EXISTS tour_runs_started ON tour_runs (started_utc)")}),))  # fmt: skip


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


def start_run(transaction: Transaction, tour_id: str, tour_name: str, user: str, workstation: str, wall: str,
              started_utc: str, steps_total: int) -> int:  # fmt: skip
    row = transaction.execute(
        'INSERT INTO tour_runs (tour_id, tour_name, "user", workstation, wall, started_utc, outcome, steps_total)'
        " VALUES (?, ?, ?, ?, ?, ?, 'running', ?) RETURNING id",
        (tour_id, tour_name, user, workstation, wall, started_utc, steps_total),
    ).fetchone()
    return int(row[0])


def update_run(transaction: Transaction, run_id: int, steps_shown: int, offline_cameras: set[str]) -> None:
    transaction.execute("UPDATE tour_runs SET steps_shown = ?, offline_cameras = ? WHERE id = ?",
                        (steps_shown, json.dumps(sorted(offline_cameras)), run_id))  # fmt: skip


def end_run(transaction: Transaction, run_id: int, ended_utc: str, outcome: str, steps_shown: int,
            offline_cameras: set[str]) -> None:  # fmt: skip
    transaction.execute(
        "UPDATE tour_runs SET ended_utc = ?, outcome = ?, steps_shown = ?, offline_cameras = ? WHERE id = ?",
        (ended_utc, outcome, steps_shown, json.dumps(sorted(offline_cameras)), run_id),
    )


def recent_runs(transaction: Transaction, limit: int = 200) -> list[TourRunRecord]:
    rows = transaction.execute(
        'SELECT id, tour_id, tour_name, "user", workstation, wall, started_utc, ended_utc, outcome,'
        " steps_shown, steps_total, offline_cameras FROM tour_runs ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        TourRunRecord(
            int(row[0]),
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            int(row[9]),
            int(row[10]),
            tuple(json.loads(row[11])),
        )  # fmt: skip
        for row in rows
    ]
