"""Persistence: every table and statement of the console, behind one backend interface.

``open_store`` opens the store once (the embedded SQLite file in the data folder) and
brings every table group to its newest version; the result is handed to whoever needs it.
"""

from __future__ import annotations

from pathlib import Path

from console.store import audit, dispatch, presence, tours
from console.store.backend import Database, StoreUnavailable
from console.store.sqlite import FILE_NAME, SqliteDatabase

TABLE_GROUPS = (audit.TABLES, presence.TABLES, dispatch.TABLES, tours.TABLES)
__all__ = ["FILE_NAME", "TABLE_GROUPS", "Database", "StoreUnavailable", "open_store", "open_store_file"]


def open_store(data_dir: Path) -> Database:
    """The desk's store: ``uitkijk.sqlite3`` in the data folder, migrated; raises StoreUnavailable."""
    return open_store_file(data_dir / FILE_NAME)


def open_store_file(path: Path) -> Database:
    """An embedded store at a path of its own (``audit --db``, the benchmarks), migrated."""
    database = SqliteDatabase(path)
    try:
        database.migrate(TABLE_GROUPS)
    except BaseException:
        database.close()
        raise
    return database
