"""The audit log: append-only, tamper-evident, durable before the action it records.

Each entry carries an HMAC-SHA256 over its content and the previous entry's MAC,
so changing, removing or reordering any entry breaks the chain at that entry.
The key lives outside the log's database (a file of its own, readable by the
console's account only), and so does the head (the last entry's number and
MAC), so even removing the newest entries is found. An entry is committed with
``synchronous=FULL`` before the caller goes on: what took effect is logged.
It never holds a credential or an image.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from console.config.secrets import mask

GENESIS = "0" * 64
SCHEMA = """
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
);
CREATE INDEX IF NOT EXISTS audit_utc ON audit_log (utc);
CREATE INDEX IF NOT EXISTS audit_camera ON audit_log (camera);
"""
FIELDS = ("seq", "utc", "user", "role", "workstation", "action", "camera", "detail", "reason", "prev_mac", "mac")


@dataclass(frozen=True)
class Entry:
    seq: int
    utc: str
    user: str
    role: str
    workstation: str
    action: str
    camera: str | None
    detail: str
    reason: str | None
    prev_mac: str
    mac: str


@dataclass(frozen=True)
class Verdict:
    entries: int
    first_broken: int | None  # seq of the first entry that was changed, removed or reordered
    problem: str = ""

    @property
    def is_intact(self) -> bool:
        return self.first_broken is None and not self.problem

    def __str__(self) -> str:
        if self.is_intact:
            return f"{self.entries} entries, chain intact"
        where = f"entry {self.first_broken}: " if self.first_broken is not None else ""
        return f"{where}{self.problem}"


def load_or_create_key(path: Path) -> bytes:
    if path.exists():
        return bytes.fromhex(path.read_text().strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key.hex())
        handle.flush()
        os.fsync(handle.fileno())
    return key


def _mac(key: bytes, values: tuple) -> str:
    canonical = json.dumps(values, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()


class AuditLog:
    def __init__(self, database: Path, key_path: Path) -> None:
        self.database = database
        self.key_path = key_path
        self.head_path = key_path.with_name(key_path.name + ".head")
        self._key = load_or_create_key(key_path)
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=FULL")  # an entry is on disk before the action goes on
        self._connection.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def append(self, user: str, role: str, workstation: str, action: str, camera: str | None = None,
               detail: dict | None = None, reason: dict | None = None) -> Entry:  # fmt: skip
        """Record an action; returns when the entry is durable. Text is masked: no credential gets in."""
        utc = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        detail_text = mask(json.dumps(detail or {}, sort_keys=True, ensure_ascii=False))
        reason_text = mask(json.dumps(reason, sort_keys=True, ensure_ascii=False)) if reason else None
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                row = self._connection.execute("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
                seq, prev_mac = (row[0] + 1, row[1]) if row else (1, GENESIS)
                values = (seq, utc, user, role, workstation, action, camera, detail_text, reason_text, prev_mac)
                mac = _mac(self._key, values)
                self._connection.execute(f"INSERT INTO audit_log ({', '.join(FIELDS)}) VALUES ({', '.join('?' * 11)})",
                                         (*values, mac))  # fmt: skip
                self._connection.execute("COMMIT")
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._write_head(seq, mac)
        return Entry(*values, mac)

    def _write_head(self, seq: int, mac: str) -> None:
        partial = self.head_path.with_suffix(".partial")
        with open(partial, "w") as handle:
            handle.write(f"{seq} {mac}\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self.head_path)

    def entries(self, since_utc: str | None = None, until_utc: str | None = None, user: str | None = None,
                camera: str | None = None) -> Iterator[Entry]:  # fmt: skip
        query = f"SELECT {', '.join(FIELDS)} FROM audit_log WHERE 1=1"
        parameters: list = []
        for column, operator, value in (("utc", ">=", since_utc), ("utc", "<", until_utc), ("user", "=", user),
                                        ("camera", "=", camera)):  # fmt: skip
            if value is not None:
                query += f" AND {column} {operator} ?"
                parameters.append(value)
        with self._lock:
            rows = self._connection.execute(query + " ORDER BY seq", parameters).fetchall()
        return (Entry(*row) for row in rows)

    def verify(self) -> Verdict:
        """Walk the chain; name the first entry that was changed, removed or reordered."""
        expected_seq, prev_mac, count = 1, GENESIS, 0
        with self._lock:
            cursor = self._connection.execute(f"SELECT {', '.join(FIELDS)} FROM audit_log ORDER BY seq")
            for row in cursor:
                entry = Entry(*row)
                if entry.seq != expected_seq:
                    return Verdict(count, expected_seq, f"removed (the next entry is {entry.seq})")
                if entry.prev_mac != prev_mac:
                    return Verdict(count, entry.seq, "not chained to the entry before it (reordered or replaced)")
                values = tuple(getattr(entry, name) for name in FIELDS[:-1])
                if not hmac.compare_digest(_mac(self._key, values), entry.mac):
                    return Verdict(count, entry.seq, "changed after it was written")
                expected_seq, prev_mac, count = expected_seq + 1, entry.mac, count + 1
        head = self._read_head()
        if head is not None and (head[0] != count or head[1] != prev_mac):
            if head[0] > count:
                return Verdict(count, count + 1, f"removed: the log ends at {count}, it had {head[0]} entries")
            return Verdict(count, head[0], "the newest entries do not match the log's head")
        return Verdict(count, None)

    def _read_head(self) -> tuple[int, str] | None:
        try:
            seq, mac = self.head_path.read_text().split()
            return int(seq), mac
        except (FileNotFoundError, ValueError):
            return None
