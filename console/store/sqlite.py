"""The embedded store: one SQLite file in the data folder, for a desk alone (and the demo, and most tests).

One writer connection, taken in turn under a lock, with ``BEGIN IMMEDIATE`` (other
processes on the same file, the command line's ``intake`` for one, wait their turn)
and ``synchronous=FULL`` (a committed audit entry is on disk before its action goes on).
Readers get a read-only connection per thread in WAL mode: a reading never waits for
the writer, and never holds it up.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from console.store import guard
from console.store.backend import Database, Rows, StoreUnavailable

FILE_NAME = "uitkijk.sqlite3"
BUSY_TIMEOUT_MS = 10_000  # desks and commands sharing the file take turns
# Each connection keeps its own page cache, up to this bound. SQLite's default (2 MB each) filled
# through the night as the log grew: the soak's console grew 4.6 MB per hour of it, connection by
# connection, read by gdb (sqlite3_memory_used). The pages read again are few (the log is appended
# at its end; lookups go by index) and the system's file cache holds the rest.
PAGE_CACHE_KIB = 256


class SqliteTransaction:
    dialect = "sqlite"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, statement: str, parameters: Sequence[Any] = ()) -> Rows:
        return self._connection.execute(statement, parameters)


class SqliteDatabase(Database):
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)
        try:
            self._writer = guard.connect(path, check_same_thread=False, isolation_level=None)
            self._writer.execute("PRAGMA journal_mode=WAL")
            self._writer.execute("PRAGMA synchronous=FULL")
            self._writer.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._writer.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        except sqlite3.Error as error:
            raise StoreUnavailable(f"the store {path} cannot be opened: {error}") from error
        self._write_lock = threading.Lock()
        self._readers_lock = threading.Lock()
        self._readers: list[sqlite3.Connection] = []
        self._local = threading.local()
        self._is_closed = False

    @contextmanager
    def write(self, quiet: bool = False) -> Iterator[SqliteTransaction]:
        with self._write_lock:
            if self._is_closed:
                raise StoreUnavailable("the store is closed")
            connection = self._writer
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteTransaction(connection)
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

    @contextmanager
    def read(self) -> Iterator[SqliteTransaction]:
        connection = self._reader()
        connection.execute("BEGIN")
        try:
            yield SqliteTransaction(connection)
        finally:
            if connection.in_transaction:
                connection.execute("COMMIT")

    def _reader(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        with self._readers_lock:
            if self._is_closed:
                raise StoreUnavailable("the store is closed")
            connection = guard.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False,
                                       isolation_level=None)  # fmt: skip
            connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            connection.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
            self._readers.append(connection)
        self._local.connection = connection
        return connection

    def close(self) -> None:
        with self._write_lock, self._readers_lock:
            self._close_connections([*self._readers, self._writer])
