"""The tour log: every run of a tour, written on a worker of its own so that the GUI thread never waits.

The GUI thread hands a run's start, progress and end over and goes on; one worker writes
them in order, so an update always finds the row its start made (the future holds its id).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from console.store import tours
from console.store.backend import Database
from console.store.tours import TourRunRecord

LOGGER = logging.getLogger("uitkijk.tours")


class TourLog:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tour-log")

    def close(self) -> None:
        self._worker.shutdown(wait=True)  # what was handed over is written before the store closes

    def start(self, tour_id: str, tour_name: str, user: str, workstation: str, wall: str, started_utc: str,
              steps_total: int) -> Future[int]:  # fmt: skip
        def write() -> int:
            with self.database.write() as transaction:
                return tours.start_run(transaction, tour_id, tour_name, user, workstation, wall, started_utc,
                                       steps_total)  # fmt: skip

        return self._worker.submit(write)

    def progress(self, run: Future[int], steps_shown: int, offline_cameras: set[str]) -> None:
        offline = set(offline_cameras)  # as it is now, not when the worker gets to it

        def write(run_id: int) -> None:
            with self.database.write() as transaction:
                tours.update_run(transaction, run_id, steps_shown, offline)

        self._worker.submit(self._after(run, write))

    def end(self, run: Future[int], ended_utc: str, outcome: str, steps_shown: int, offline_cameras: set[str]) -> None:
        offline = set(offline_cameras)

        def write(run_id: int) -> None:
            with self.database.write() as transaction:
                tours.end_run(transaction, run_id, ended_utc, outcome, steps_shown, offline)

        self._worker.submit(self._after(run, write))

    def runs(self, limit: int = 200) -> list[TourRunRecord]:
        """The newest runs first (a worker's or a command's call: it reads the store)."""
        with self.database.read() as transaction:
            return tours.recent_runs(transaction, limit)

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
            except Exception:
                LOGGER.exception("tour log: could not write")

        return job
