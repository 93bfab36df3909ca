"""Persistence: every table and statement of the console, behind one backend interface.

``open_store`` opens the store once (the embedded SQLite file in the data folder) and
brings every table group to its newest version; the result is handed to whoever needs it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from console.config.secrets import mask
from console.store import alarms, archive, audit, dispatch, leases, presence, relay, tours
from console.store.backend import Database, StoreUnavailable
from console.store.sqlite import FILE_NAME, SqliteDatabase

TABLE_GROUPS = (
    audit.TABLES,
    presence.TABLES,
    dispatch.TABLES,
    tours.TABLES,
    leases.TABLES,
    relay.TABLES,
    archive.TABLES,
    alarms.TABLES,
)
__all__ = [
    "FILE_NAME",
    "TABLE_GROUPS",
    "Database",
    "StoreUnavailable",
    "STORE_VARIABLE",
    "open_store",
    "open_store_file",
    "store_password_given",
]


STORE_VARIABLE = "UITKIJK_STORE"


def open_store(data_dir: Path, url: str | None = None) -> Database:
    """The desk's store, migrated; raises StoreUnavailable.

    ``url`` (``--store``), else the environment's UITKIJK_STORE, else ``uitkijk.sqlite3`` in the
    data folder: ``sqlite:///PATH`` for a file of its own, ``postgresql://user@host/db`` for a room.
    """
    url = url or os.environ.get(STORE_VARIABLE) or None
    if url is None:
        return open_store_file(data_dir / FILE_NAME)
    if url.startswith("sqlite:///"):
        return open_store_file(Path(url.removeprefix("sqlite://")))
    if url.startswith(("postgresql://", "postgres://")):
        from console.store.postgresql import PostgresDatabase  # psycopg only where a room needs it

        return _migrated(PostgresDatabase(url))
    raise StoreUnavailable(f"the store {mask(url)} is neither sqlite:///PATH nor postgresql://USER@HOST/DATABASE")


def store_password_given(url: str) -> bool:
    """Does a store URL carry a password itself (``user:PASSWORD@`` or ``?password=``)? Never says which."""
    if not url.startswith(("postgresql://", "postgres://")):
        return False
    parts = urlsplit(url)
    try:
        has_password = parts.password is not None
    except ValueError:
        has_password = ":" in parts.netloc.rpartition("@")[0]
    return has_password or any(key.strip().lower() == "password" for key, _ in parse_qsl(parts.query))


def open_store_file(path: Path) -> Database:
    """An embedded store at a path of its own (``audit --db``, the benchmarks), migrated."""
    return _migrated(SqliteDatabase(path))


def _migrated(database: Database) -> Database:
    """The store brought up to date, or closed and the reason raised."""
    try:
        database.migrate(TABLE_GROUPS)
    except BaseException:
        database.close()
        raise
    return database
