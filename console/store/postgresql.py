"""The room's store: PostgreSQL, through psycopg 3, for several desks on several PCs.

Writes are one at a time across the room, as SQLite's ``BEGIN IMMEDIATE`` makes them on one
PC: each write transaction first takes a transaction-level advisory lock, so the audit
chain grows one entry after the other whichever desk writes. Commits are synchronous (the
server's default): an action still happens only after its entry is durable. Readings are
read-only, repeatable-read transactions (one consistent reading that never waits for a
writer) on a connection borrowed from a small pool for the transaction and given back: a
process's readings hold at most ``READERS_MAX`` connections, however many threads read (a
recorder reads on each camera's thread). Statements come with ``?`` marks and are given
``%s`` here.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout

from console.config.secrets import mask
from console.store import guard
from console.store.backend import Database, Rows, StoreUnavailable

WRITE_LOCK_KEY = 0x55_49_54_4B  # "UITK": the room's one writer at a time
CHANGES_CHANNEL = "uitkijk_changes"  # a notice per committed write, no payload: the rows stay in the tables
CONNECT_TIMEOUT_S = 5
# The pool's readings' connections. A desk's readers are its feeds, woken together by a notice (the dispatch board,
# the alarm queue, the room's presence and leases): a few indexed rows each, milliseconds; the long readings (the
# audit log's verification, an export's walk of the log) come one at a time. Four let a long walk and three feeds
# read at once, and a fifth waits milliseconds. A recorder's cameras read once as each starts (its open gap, the
# relay that serves it): they take turns of a few milliseconds, where each held a connection for good before.
READERS_MIN, READERS_MAX = 1, 4
# A reading waits for a connection at most as long as connecting may take; then the store is unavailable (four
# readings that each held a connection this long are a server that no longer answers).
READING_WAIT_S = CONNECT_TIMEOUT_S
# A PC that vanished in the middle of a write (no power, its cable out, hung) held the room's write lock, so every
# desk's writes (the audit log before each action) waited until the server's TCP gave up on it: two hours and more
# by default. The server now ends the writer's session idle in a transaction after IDLE_IN_TRANSACTION_S (a hung
# process: a write lasts milliseconds; one that walks much of the log or deletes many files lifts it for itself,
# ``backend.long_write``), and asks any silent peer after KEEPALIVE_IDLE_S, giving up after KEEPALIVE_COUNT
# unanswered probes KEEPALIVE_INTERVAL_S apart (a PC without power: about 11 s), or when what it sent is
# unacknowledged for TCP_USER_TIMEOUT_S. The console asks the server the same way (a server PC gone: a reading
# fails in seconds, not minutes). Readings hold no write lock and keep no idle limit, whatever the database's
# default: the log's verification walks a million entries for seconds after the rows came. Over a Unix socket
# (one PC) only the idle limit applies.
IDLE_IN_TRANSACTION_S = 60
KEEPALIVE_IDLE_S, KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT = 5, 2, 3
TCP_USER_TIMEOUT_S = 10
SESSION_SETTINGS = {
    "tcp_keepalives_idle": str(KEEPALIVE_IDLE_S),
    "tcp_keepalives_interval": str(KEEPALIVE_INTERVAL_S),
    "tcp_keepalives_count": str(KEEPALIVE_COUNT),
    "tcp_user_timeout": f"{TCP_USER_TIMEOUT_S}s",
}
# Durable before the action, whatever the server's default: the commit waits for its WAL flush.
WRITER_SETTINGS = {"synchronous_commit": "on", "idle_in_transaction_session_timeout": f"{IDLE_IN_TRANSACTION_S}s"}
READER_SETTINGS = {"idle_in_transaction_session_timeout": "0"}  # whatever the database's default says


def connection_parameters(url: str, settings: dict[str, str]) -> dict[str, Any]:
    """libpq's parameters of a connection of the console: its own keepalives, and the session's settings after the
    ``options`` the store's URL may give (a search path, say: kept, not replaced). The server lists it as
    ``uitkijk pid N`` (``pg_stat_activity``) unless the URL names it: which process holds what, for whoever looks."""
    given = conninfo_to_dict(url).get("options") or ""
    ours = " ".join(f"-c {name}={value}" for name, value in {**SESSION_SETTINGS, **settings}.items())
    return {"connect_timeout": CONNECT_TIMEOUT_S, "fallback_application_name": f"uitkijk pid {os.getpid()}",
            "keepalives": 1, "keepalives_idle": KEEPALIVE_IDLE_S,
            "keepalives_interval": KEEPALIVE_INTERVAL_S, "keepalives_count": KEEPALIVE_COUNT,
            "tcp_user_timeout": TCP_USER_TIMEOUT_S * 1000, "options": f"{given} {ours}".strip()}  # fmt: skip


logging.getLogger("psycopg.pool").setLevel(logging.WARNING)  # it says each borrowing and return at INFO

# The connection is gone: the server or the network failed, or the server ended a session idle in a transaction (a
# process that hung in the middle of one: it is told when it goes on, and its next transaction connects again).
CONNECTION_LOST = (psycopg.OperationalError, psycopg.errors.IdleInTransactionSessionTimeout)


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
        self._local = threading.local()
        self._is_closed = False
        self._is_away = threading.Event()  # a reading found the server gone: the next one asks it first
        self._listeners: list[psycopg.Connection] = []  # one per thread that waits for notices
        # Connections made on the pool's worker thread, as each is wanted. A connection that cannot be made is not
        # tried again in the background (no reconnect_timeout): the next reading that wants one asks again, so the
        # first reading after the server's return connects at once rather than at the pool's next backoff step.
        self._readers = ConnectionPool(url, min_size=READERS_MIN, max_size=READERS_MAX, timeout=READING_WAIT_S,
                                       reconnect_timeout=0.0, num_workers=1, name="store-readers", open=True,
                                       kwargs=connection_parameters(url, READER_SETTINGS))  # fmt: skip

    has_change_notices = True

    def wait_for_change(self, timeout_s: float) -> bool:
        """LISTEN on a connection of the waiting thread's own; after a reconnect the caller resyncs."""
        try:
            listener: psycopg.Connection | None = getattr(self._local, "listener", None)
            if listener is None or listener.closed or listener.broken:
                listener = psycopg.connect(self.url, autocommit=True, **connection_parameters(self.url, {}))
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
            return psycopg.connect(self.url, **connection_parameters(self.url, WRITER_SETTINGS))
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
            except CONNECTION_LOST as error:
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
            except CONNECTION_LOST:
                pass
        try:
            connection.close()
        except psycopg.Error:
            pass
        connection = self._writer = self._connect()
        return connection

    @contextmanager
    def read(self) -> Iterator[PostgresTransaction]:
        guard.check()  # before waiting for a connection
        with ExitStack() as stack:
            connection = self._begun_reading(stack)
            try:
                yield PostgresTransaction(connection)
            except CONNECTION_LOST as error:  # a broken connection given back is replaced by the pool
                raise StoreUnavailable(f"the store {self.location} cannot be read: {_one_line(error)}") from error

    def _begun_reading(self, stack: ExitStack) -> psycopg.Connection:
        """A read-only transaction begun on a borrowed connection, given back as ``stack`` closes. A connection that
        died with the server (found as it begins) is replaced once, the pool's other idle ones dropped with it, so
        the first reading after the server's return goes."""
        is_retry = False
        while True:
            connection = self._borrowed(stack)
            try:
                stack.enter_context(connection.transaction())
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return connection
            except CONNECTION_LOST as error:
                try:
                    stack.close()  # given back broken: the pool drops it
                except psycopg.Error:
                    pass  # the dead connection's rollback
                if is_retry:
                    raise StoreUnavailable(f"the store {self.location} cannot be read: {_one_line(error)}") from error
                is_retry = True
                self._is_away.set()
                self._readers.check()  # its idle ones died with it: dropped, and new ones made as they are wanted

    def _borrowed(self, stack: ExitStack) -> psycopg.Connection:
        """A connection of the pool, given back as ``stack`` closes. After a connection died with the server, the
        server is asked first on this thread: while it is away a reading is refused at once, as a write is, rather
        than waiting ``READING_WAIT_S`` for a connection the pool cannot make."""
        if self._is_closed:
            raise StoreUnavailable("the store is closed")
        if self._is_away.is_set():
            self._connect().close()  # StoreUnavailable while the server is away
            self._is_away.clear()
        try:
            connection = self._readers.getconn()
        except PoolClosed as error:
            raise StoreUnavailable("the store is closed") from error
        except PoolTimeout as error:
            self._is_away.set()  # or every connection busy that long: the next reading asks the server first
            raise StoreUnavailable(f"the store {self.location} cannot be read: no connection within "
                                   f"{READING_WAIT_S} s") from error  # fmt: skip
        stack.callback(self._readers.putconn, connection)
        return connection

    def close(self) -> None:
        with self._write_lock, self._readers_lock:
            self._close_connections([self._readers, self._writer, *self._listeners])
