"""The audit log's writer thread: the GUI thread hands over an entry and goes on.

The action itself waits: ``submit(record, on_durable)`` calls ``on_durable(entry)``
(on the writer thread) only once the entry is committed and flushed to disk; the
caller carries the action out then. Entries that arrive while a flush is under
way are written together in the next transaction (group commit): one disk flush
for many entries. If the log cannot be written, ``on_failure(error)`` is called
instead and the action must not happen; so too, for that entry alone, when one of
its effects refuses the change (:class:`ChangeRefused`).

Some entries record what has already happened (a view that stopped when its tile
was cleared): such a *fact* cannot be undone, so it is never dropped. When the log
cannot be written (a full disk) it is kept and written again every second until
the disk takes it, with the time it happened in its details.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from console.audit.log import AuditLog, ChangeRefused, Effect, Entry, Record, utc_text
from console.events import Event

LOGGER = logging.getLogger("uitkijk.audit")
MAX_BATCH = 512
RETRY_S = 1.0  # a fact that could not be written is tried again this often


@dataclass
class _Job:
    record: Record | None  # None: effects only (a heartbeat), no entry
    effects: Sequence[Effect]
    on_durable: Callable[[Entry | None], None] | None
    on_failure: Callable[[BaseException], None] | None
    is_fact: bool = False  # it already happened: kept and retried, never dropped
    submitted_utc: str = ""


_RETRY_NOW = _Job(None, (), None, None)  # the writer's own nudge: try the kept facts again


class AuditWriter:
    def __init__(self, log: AuditLog) -> None:
        self.log = log
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._count_lock = threading.Lock()
        self._retry: list[_Job] = []  # facts the log could not take yet (writer thread only)
        # (why the log cannot be written: the error, worded where the log words it; None once it can), writer thread
        self.health_changed: Event[[BaseException | None]] = Event("audit.health_changed", LOGGER)
        self._failing_because: str | None = None
        self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)
        self._thread.start()

    def submit(self, record: Record | None, on_durable: Callable[[Entry | None], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None,
               effects: Sequence[Effect] = (), is_fact: bool = False) -> None:  # fmt: skip
        """Queue an entry (with its effects), or with no record the statements alone (a heartbeat).

        ``is_fact``: the entry records what already happened; it is retried until written.
        """
        if record is not None and effects:
            record = replace(record, effects=(*record.effects, *effects))
        with self._count_lock:
            self._pending += 1
            self._idle.clear()
        self._queue.put(_Job(record, tuple(effects), on_durable, on_failure, is_fact, utc_text()))

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
            try:
                job = self._queue.get(timeout=RETRY_S if self._retry else None)
            except queue.Empty:
                job = _RETRY_NOW
            if job is None:
                if self._retry:
                    LOGGER.error("%d entries could not be written before the log closed", len(self._retry))
                return
            jobs, self._retry = self._retry, []
            if job is not _RETRY_NOW:
                jobs.append(job)
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
        done = len(jobs)
        try:
            entries = iter(self.log.append_batch(records, loose))
        except BaseException as error:  # noqa: BLE001 - every waiting action hears of it and does not happen
            if str(error) != self._failing_because:  # once per reason, not at every retry
                LOGGER.error("the audit log could not be written: %s", error)
            self._set_health(error)
            for job in jobs:
                if job.is_fact and job.record is not None:  # it happened: write it later, never drop it
                    detail = {**(job.record.detail or {}), "happened_utc": job.submitted_utc}
                    job.record = replace(job.record, detail=detail)
                    self._retry.append(job)
                    done -= 1
                else:
                    self._call(job.on_failure, error)
        else:
            self._set_health(None)
            for job in jobs:
                result = next(entries) if job.record is not None else None
                if isinstance(result, ChangeRefused):  # this change alone was refused; the others are written
                    self._call(job.on_failure, result)
                else:
                    self._call(job.on_durable, result)
        finally:
            with self._count_lock:
                self._pending -= done
                if self._pending == 0:
                    self._idle.set()

    def _set_health(self, error: BaseException | None) -> None:
        reason = None if error is None else str(error)
        if reason == self._failing_because or (reason is not None and self._failing_because is not None):
            return
        self._failing_because = reason
        self.health_changed.emit(error)

    @staticmethod
    def _call(callback: Callable | None, value: object) -> None:
        if callback is None:
            return
        try:
            callback(value)
        except Exception:
            LOGGER.exception("audit callback failed")
