"""The audit log's writer thread: the GUI thread hands over an entry and goes on.

The action itself waits: ``submit(record, on_durable)`` calls ``on_durable(entry)``
(on the writer thread) only once the entry is committed and flushed to disk; the
caller carries the action out then. Entries that arrive while a flush is under
way are written together in the next transaction (group commit): one disk flush
for many entries. If the log cannot be written, ``on_failure(error)`` is called
instead and the action must not happen; so too, for that entry alone, when one of
its effects refuses the change (:class:`ChangeRefused`).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from console.audit import presence
from console.audit.log import AuditLog, ChangeRefused, Effect, Entry, Record

LOGGER = logging.getLogger("uitkijk.audit")
MAX_BATCH = 512


@dataclass
class _Job:
    record: Record | None  # None: effects only (a heartbeat), no entry
    effects: Sequence[Effect]
    on_durable: Callable[[Entry | None], None] | None
    on_failure: Callable[[BaseException], None] | None


class AuditWriter:
    def __init__(self, log: AuditLog) -> None:
        self.log = log
        presence.create_tables(log.database)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._count_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)
        self._thread.start()

    def submit(self, record: Record | None, on_durable: Callable[[Entry | None], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None,
               effects: Sequence[Effect] = ()) -> None:  # fmt: skip
        """Queue an entry (with its effects), or with no record the statements alone (a heartbeat)."""
        if record is not None and effects:
            record = replace(record, effects=(*record.effects, *effects))
        with self._count_lock:
            self._pending += 1
            self._idle.clear()
        self._queue.put(_Job(record, tuple(effects), on_durable, on_failure))

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until everything submitted so far is on disk (shutdown, tests)."""
        return self._idle.wait(timeout_s)

    def close(self, timeout_s: float = 10.0) -> bool:
        is_flushed = self.flush(timeout_s)
        self._queue.put(None)
        self._thread.join(timeout_s)
        return is_flushed and not self._thread.is_alive()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            jobs = [job]
            while len(jobs) < MAX_BATCH:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._queue.put(None)  # stop after this batch
                    break
                jobs.append(more)
            self._write(jobs)

    def _write(self, jobs: list[_Job]) -> None:
        loose = [effect for job in jobs if job.record is None for effect in job.effects]
        records = [job.record for job in jobs if job.record is not None]
        try:
            entries = iter(self.log.append_batch(records, loose))
        except BaseException as error:  # noqa: BLE001 - every waiting action hears of it and does not happen
            LOGGER.error("the audit log could not be written: %s", error)
            for job in jobs:
                self._call(job.on_failure, error)
        else:
            for job in jobs:
                result = next(entries) if job.record is not None else None
                if isinstance(result, ChangeRefused):  # this change alone was refused; the others are written
                    self._call(job.on_failure, result)
                else:
                    self._call(job.on_durable, result)
        finally:
            with self._count_lock:
                self._pending -= len(jobs)
                if self._pending == 0:
                    self._idle.set()

    @staticmethod
    def _call(callback: Callable | None, value: object) -> None:
        if callback is None:
            return
        try:
            callback(value)
        except Exception:  # noqa: BLE001 - a caller's bug must not stop the log
            LOGGER.exception("audit callback failed")
