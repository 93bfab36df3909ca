"""What the team chief and the data-protection officer read: who watches what now, the log, its chain.

Every call reads the store: run it on a worker, never on the GUI thread.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from console.audit.log import AuditLog, Entry, Verdict
from console.store import presence
from console.store.audit import FIELDS
from console.store.backend import Database
from console.store.presence import Presence


class Supervision:
    def __init__(self, database: Database, log: AuditLog | None = None) -> None:
        self.database = database
        self._log = log  # searches and verification need the log (and its key); the room's presence does not

    @property
    def log(self) -> AuditLog:
        if self._log is None:
            raise RuntimeError("this supervision reads presence only: it was given no audit log")
        return self._log

    def presence(self) -> Presence:
        """One consistent reading of the sessions, views, tours and PTZ holders of every desk."""
        with self.database.read() as transaction:
            return presence.read_presence(transaction)

    def search(self, since_utc: str | None = None, until_utc: str | None = None, user: str | None = None,
               camera: str | None = None, reason_text: str | None = None, limit: int = 500) -> list[Entry]:  # fmt: skip
        """The newest entries first that match every criterion given."""
        return list(self.log.entries(since_utc, until_utc, user, camera, reason_text, newest_first=True, limit=limit))

    def verify(self) -> Verdict:
        return self.log.verify()

    @staticmethod
    def export_csv(entries: Sequence[Entry], path: Path) -> None:
        """Entries in the order given, every column (the export itself is logged by the caller, before it runs)."""
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(FIELDS)
            for entry in entries:
                writer.writerow([getattr(entry, name) for name in FIELDS])
