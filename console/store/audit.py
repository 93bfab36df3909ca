"""The audit log's table: the chain of entries (the chain's rules live in ``console/audit/log.py``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from console.store.backend import Migration, TableGroup, Transaction

FIELDS = ("seq", "utc", "user", "role", "workstation", "action", "camera", "detail", "reason", "prev_mac", "mac")
_COLUMNS = ", ".join(f'"{name}"' for name in FIELDS)  # "user" is a reserved word in PostgreSQL
TABLES = TableGroup("audit", (Migration(1, {"sqlite": ("""
CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY,
    utc TEXT NOT NULL,
    user TEXT NOT NULL,
    role TEXT NOT NULL,
    workstation TEXT NOT NULL,
    action TEXT NOT NULL,
    camera TEXT,
    detail TEXT NOT NULL,     -- JSON
    reason TEXT,              -- JSON: kind, category, reference
    prev_mac TEXT NOT NULL,
    mac TEXT NOT NULL
)""", "CREATE INDEX IF NOT EXISTS audit_utc ON audit_log (utc)",
      "CREATE INDEX IF NOT EXISTS audit_camera ON audit_log (camera)",
      "CREATE INDEX IF NOT EXISTS audit_user ON audit_log (user, action)")}),))  # fmt: skip


def is_empty(transaction: Transaction) -> bool:
    return transaction.execute("SELECT 1 FROM audit_log LIMIT 1").fetchone() is None


def last_link(transaction: Transaction) -> tuple[int, str] | None:
    """The newest entry's number and MAC: what the next entry chains to."""
    row = transaction.execute("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def end_row(transaction: Transaction, newest: bool = True) -> tuple[Any, ...] | None:
    """The newest (or the first) entry, every column: a desk checks it with its key."""
    order = "DESC" if newest else "ASC"
    return transaction.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq {order} LIMIT 1").fetchone()


def mac_of(transaction: Transaction, seq: int) -> str | None:
    row = transaction.execute("SELECT mac FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]) if row else None


def insert_entry(transaction: Transaction, values: Sequence[Any]) -> None:
    marks = ", ".join("?" * len(FIELDS))
    transaction.execute(f"INSERT INTO audit_log ({_COLUMNS}) VALUES ({marks})", tuple(values))


def savepoint(transaction: Transaction) -> None:
    transaction.execute("SAVEPOINT record")


def release_savepoint(transaction: Transaction) -> None:
    transaction.execute("RELEASE SAVEPOINT record")


def roll_back_to_savepoint(transaction: Transaction) -> None:
    transaction.execute("ROLLBACK TO SAVEPOINT record")
    transaction.execute("RELEASE SAVEPOINT record")


def find_entries(transaction: Transaction, since_utc: str | None = None, until_utc: str | None = None,
                 user: str | None = None, camera: str | None = None, reason_words: Sequence[str] = (),
                 action: str | None = None, is_newest_first: bool = False, limit: int | None = None
                 ) -> list[tuple[Any, ...]]:  # fmt: skip
    """Entries in a period, by user, camera, action, or words of the reason (case-insensitive)."""
    query = f"SELECT {_COLUMNS} FROM audit_log WHERE 1=1"
    parameters: list[Any] = []
    for column, operator, value in (("utc", ">=", since_utc), ("utc", "<", until_utc), ('"user"', "=", user),
                                    ("camera", "=", camera), ("action", "=", action)):  # fmt: skip
        if value is not None:
            query += f" AND {column} {operator} ?"
            parameters.append(value)
    for word in reason_words:
        query += " AND LOWER(reason) LIKE ? ESCAPE '\\'"
        parameters.append("%" + word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    query += " ORDER BY seq DESC" if is_newest_first else " ORDER BY seq"
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    return [tuple(row) for row in transaction.execute(query, parameters).fetchall()]


def all_entries(transaction: Transaction) -> Iterator[tuple[Any, ...]]:
    """Every entry in order, read as it goes (a million entries are not held at once)."""
    for row in transaction.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq"):
        yield tuple(row)


def entries_after(transaction: Transaction, seq: int) -> Iterator[tuple[Any, ...]]:
    """Every entry after ``seq``, in order, read as it goes: what other desks wrote since this desk's head."""
    for row in transaction.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq", (seq,)):
        yield tuple(row)
