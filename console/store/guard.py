"""The GUI thread never runs SQL: a connection that refuses to, while a guard says so.

Every connection the console opens is a :class:`GuardedConnection`. Nothing in the
store knows about Qt: the tests' application marks the time the GUI thread spends
handling events (``forbid_sql_on_this_thread``), and any statement run then raises
:class:`SqlOnGuiThread`, so a call that would make the GUI wait behind the audit
writer's ``BEGIN IMMEDIATE`` and its flush fails the test that reached it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_state = threading.local()


class SqlOnGuiThread(RuntimeError):
    """SQL was run on the GUI thread while it was handling an event."""


@contextmanager
def forbid_sql_on_this_thread() -> Iterator[None]:
    """While inside, any statement on this thread raises (nested uses count)."""
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1


@contextmanager
def allow_sql_on_this_thread() -> Iterator[None]:
    """Lift the guard for a known, bounded exception (none in the console itself)."""
    saved = getattr(_state, "depth", 0)
    _state.depth = 0
    try:
        yield
    finally:
        _state.depth = saved


def check() -> None:
    """Raise if SQL is forbidden on this thread now (every backend calls it before a statement)."""
    _check()


def _check() -> None:
    if getattr(_state, "depth", 0) > 0:
        raise SqlOnGuiThread("SQL on the GUI thread: hand it to a worker (the GUI thread never waits)")


class GuardedConnection(sqlite3.Connection):
    def execute(self, *arguments: Any, **keywords: Any) -> sqlite3.Cursor:
        _check()
        return super().execute(*arguments, **keywords)

    def executemany(self, *arguments: Any, **keywords: Any) -> sqlite3.Cursor:
        _check()
        return super().executemany(*arguments, **keywords)

    def executescript(self, *arguments: Any, **keywords: Any) -> sqlite3.Cursor:
        _check()
        return super().executescript(*arguments, **keywords)

    def cursor(self, *arguments: Any, **keywords: Any) -> Any:
        _check()
        return super().cursor(*arguments, **keywords)

    def commit(self) -> None:
        _check()
        super().commit()


def connect(database: Path | str, **keywords: Any) -> sqlite3.Connection:
    """The one way the console opens its SQLite store."""
    _check()
    return sqlite3.connect(database, factory=GuardedConnection, **keywords)
