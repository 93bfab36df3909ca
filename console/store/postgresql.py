"""The room's store: PostgreSQL, through psycopg 3, for several desks on several PCs.

Writes are one at a time across the room, as SQLite's ``BEGIN IMMEDIATE`` makes them on one
PC: each write transaction first takes a transaction-level advisory lock, so the audit
chain grows one entry after the other whichever desk writes. Commits are synchronous (the
server's default): an action still happens only after its entry is durable. Readers get a
connection per thread with read-only, repeatable-read transactions: one consistent reading
that never waits for a writer. Statements come with ``?`` marks and are given ``%s`` here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

import psycopg

from console.config.secrets import mask
from console.store import guard
from console.store.backend import Database, Rows, StoreUnavailable

WRITE_LOCK_KEY = 0x55_49_54_4B  # "UITK": the room's one writer at a time
CHANGES_CHANNEL = "uitkijk_changes"  # a notice per committed write, no payload: the rows stay in the tables
CONNECT_TIMEOUT_S = 5


def _one_line(error: BaseException) -> str:
    """The server's answer on one line, without a password."""
    return " ".join(mask(str(error)).split())


def _marks(statement: str) -> str:
    """``?`` marks as psycopg's ``%s`` (the console's statements hold no literal ``?`` or ``%``)."""
    return statement.replace("%", "%%").replace("?", "%s")


class PostgresTransaction:
    dialect = "postgresql"

    def __init__(self, connection: psycopg.Connection) -> None:
        self._connection = connection

    def execute(self, statement: str, parameters: Sequence[Any] = ()) -> Rows:
        guard.check()
        return self._connection.execute(_marks(statement), tuple(parameters))


class PostgresDatabase(Database):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = mask(url)  # a server, never its password
        self._writer = self._connect()
        self._write_lock = threading.Lock()
        self._readers_lock = threading.Lock()
        self._readers: list[psycopg.Connection] = []
        self._local = threading.local()
        self._is_closed = False
        self._listeners: list[psycopg.Connection] = []  # one per thread that waits for notices

    has_change_notices = True

    def wait_for_change(self, timeout_s: float) -> bool:
        """LISTEN on a connection of the waiting thread's own; after a reconnect the caller resyncs."""
        try:
            listener: psycopg.Connection | None = getattr(self._local, "listener", None)
            if listener is None or listener.closed or listener.broken:
                listener = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
                listener.execute(f"LISTEN {CHANGES_CHANNEL}")
                with self._readers_lock:
                    self._listeners.append(listener)
                self._local.listener = listener
                return True  # (re)connected: what changed meanwhile is unknown, so read again
            for _ in listener.notifies(timeout=timeout_s, stop_after=1):
                return True
            return False
        except psycopg.Error as error:
            raise StoreUnavailable(f"the store {self.location} cannot be followed: {_one_line(error)}") from error

    def _connect(self) -> psycopg.Connection:
        guard.check()
        try:
            # Durable before the action, whatever the server's default: the commit waits for its WAL flush.
            return psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT_S, options="-c synchronous_commit=on")
        except psycopg.Error as error:
            raise StoreUnavailable(f"the store {self.location} cannot be reached: {_one_line(error)}") from error

    @contextmanager
    def write(self, quiet: bool = False) -> Iterator[PostgresTransaction]:
        with self._write_lock:
            if self._is_closed:
                raise StoreUnavailable("the store is closed")
            connection = self._begun_writer()
            try:
                with connection.transaction():
                    transaction = PostgresTransaction(connection)
                    transaction.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK_KEY,))
                    yield transaction
                    if not quiet:
                        transaction.execute(f"NOTIFY {CHANGES_CHANNEL}")  # delivered to the listeners on commit
            except psycopg.OperationalError as error:
                raise StoreUnavailable(f"the store {self.location} cannot be written: {_one_line(error)}") from error

    def _begun_writer(self) -> psycopg.Connection:
        """The writer's connection, known to be alive: a connection that died with the server is found before
        a write starts on it (a round trip), and replaced, so the first write after the server's return goes."""
        connection = self._writer
        if not (connection.closed or connection.broken):
            try:
                connection.execute("SELECT 1")
                connection.rollback()  # out of that reading's transaction: the write begins its own
                return connection
            except psycopg.OperationalError:
                pass
        try:
            connection.close()
        except psycopg.Error:
            pass
        connection = self._writer = self._connect()
        return connection

    @contextmanager
    def read(self) -> Iterator[PostgresTransaction]:
        with ExitStack() as stack:
            connection = self._begun_reading(stack)
            try:
                yield PostgresTransaction(connection)
            except psycopg.OperationalError as error:
                self._local.connection = None  # broken: the next reading connects again
                raise StoreUnavailable(f"the store {self.location} cannot be read: {_one_line(error)}") from error

    def _begun_reading(self, stack: ExitStack) -> psycopg.Connection:
        """A read-only transaction begun; a connection that died with the server (found as it begins) is
        replaced once, so the first reading after the server's return goes."""
        is_retry = False
        while True:
            connection = self._reader()
            try:
                stack.enter_context(connection.transaction())
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return connection
            except psycopg.OperationalError as error:
                self._local.connection = None
                try:
                    stack.close()
                except psycopg.Error:
                    pass  # the dead connection's rollback
                if is_retry:
                    raise StoreUnavailable(f"the store {self.location} cannot be read: {_one_line(error)}") from error
                is_retry = True

    def _reader(self) -> psycopg.Connection:
        connection: psycopg.Connection | None = getattr(self._local, "connection", None)
        if connection is not None and not connection.closed and not connection.broken:
            return connection
        with self._readers_lock:
            if self._is_closed:
                raise StoreUnavailable("the store is closed")
        connection = self._connect()
        with self._readers_lock:
            self._readers.append(connection)
        self._local.connection = connection
        return connection

    def close(self) -> None:
        with self._write_lock, self._readers_lock:
            self._close_connections([*self._readers, self._writer, *self._listeners])
