"""What the rest of the console sees of a store: a database, its transactions, its migrations.

Every table and statement lives in ``console/store``; the packages above hand over a
:class:`Transaction` (an audit entry's effects, a dispatch change) or call a table
module's functions with one. A backend (the embedded SQLite file today; PostgreSQL for a
room of desks) implements :class:`Database`. Statements are written once, with ``?``
marks, ``INSERT ... ON CONFLICT`` and ``RETURNING``, which both engines run; a backend
translates the marks and, for its schema, has migrations of its own (``dialect``).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol


def utc_text(moment: dt.datetime | None = None) -> str:
    """The store's time stamps: UTC, microseconds, sortable as text (on every backend)."""
    return (moment or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Rows(Protocol):
    """What a statement gives back: DB-API cursor methods, the same on every backend."""

    @property
    def rowcount(self) -> int: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Transaction(Protocol):
    """One transaction on one connection; statements with ``?`` marks."""

    dialect: str  # "sqlite" or "postgresql": which migrations and which few idioms apply

    def execute(self, statement: str, parameters: Sequence[Any] = ()) -> Rows: ...


# What goes with an audit entry, in its transaction: a function that checks the records and writes them.
# It may return details for the entry (an incident's new number), or raise ChangeRefused: then that entry
# and its effects are not written, and the other entries of the transaction are.
Effect = Callable[[Transaction], dict | None]


class ChangeRefused(Exception):
    """An effect found the records no longer allow the change (someone else changed them first)."""


@dataclass(frozen=True)
class Migration:
    """One step of a table group's schema: the statements per dialect that take it to ``version``."""

    version: int
    statements: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class TableGroup:
    """Tables that change together (the audit chain, presence, dispatch, the tour log), versioned apart."""

    name: str
    migrations: tuple[Migration, ...]

    @property
    def version(self) -> int:
        return max((migration.version for migration in self.migrations), default=0)


class StoreUnavailable(RuntimeError):
    """The store cannot be opened or reached (a message an operator can read)."""


class Database(ABC):
    """A store, opened once and handed to whoever needs it.

    ``write()`` is an exclusive, durable transaction (one writer at a time, across desks
    too); ``read()`` a consistent snapshot that never waits for the writer. Both may be
    used from any thread but the GUI thread.
    """

    dialect: str
    location: str  # for messages: a file path, or a server without its password

    @abstractmethod
    def write(self) -> AbstractContextManager[Transaction]: ...

    @abstractmethod
    def read(self) -> AbstractContextManager[Transaction]: ...

    @abstractmethod
    def close(self) -> None: ...

    def schema_versions(self) -> dict[str, int]:
        with self.read() as transaction:
            return {name: int(version) for name, version in
                    transaction.execute("SELECT group_name, version FROM schema_versions").fetchall()}  # fmt: skip

    def migrate(self, groups: Sequence[TableGroup]) -> None:
        """Bring every table group up to its newest version, each step in a transaction of its own."""
        with self.write() as transaction:
            transaction.execute(
                "CREATE TABLE IF NOT EXISTS schema_versions (group_name TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
        for group in groups:
            try:
                self._migrate_group(group)
            except StoreUnavailable:
                raise
            except Exception as error:  # the driver's error, said as the store's
                raise StoreUnavailable(f"the store's {group.name} tables could not be brought up to date "
                                       f"({self.location}): {error}") from error  # fmt: skip

    def _migrate_group(self, group: TableGroup) -> None:
        with self.write() as transaction:
            row = transaction.execute("SELECT version FROM schema_versions WHERE group_name = ?",
                                      (group.name,)).fetchone()  # fmt: skip
            current = int(row[0]) if row else 0
            if current > group.version:
                raise StoreUnavailable(f"the store's {group.name} tables are version {current}, newer than this "
                                       f"console knows ({group.version}): update the console")  # fmt: skip
            for migration in sorted(group.migrations, key=lambda step: step.version):
                if migration.version <= current:
                    continue
                for statement in migration.statements[self.dialect]:
                    transaction.execute(statement)
                current = migration.version
            transaction.execute(
                "INSERT INTO schema_versions (group_name, version) VALUES (?, ?)"
                " ON CONFLICT (group_name) DO UPDATE SET version = excluded.version",
                (group.name, current),
            )
