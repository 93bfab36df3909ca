"""The audit log: append-only, tamper-evident, durable before the action it records.

Each entry carries an HMAC-SHA256 over its content and the previous entry's MAC,
so changing, removing or reordering any entry breaks the chain at that entry.
The key lives outside the log's database (a file of its own, readable by the
console's account only), and so does the head (the last entry's number and
MAC, authenticated with the key), so even removing the newest entries is found.
A second witness, a file the console only appends to, keeps every head it wrote:
rolling the head file back to an older (authentic) copy is found too. An entry is committed with
``synchronous=FULL`` before the caller goes on: what took effect is logged.
It never holds a credential or an image.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from console.config.secrets import mask
from console.store import StoreUnavailable
from console.store import audit as table
from console.store.audit import FIELDS
from console.store.backend import ChangeRefused, Database, Effect, utc_text

LOGGER = logging.getLogger("uitkijk.audit")

GENESIS = "0" * 64
KEY_FILE = "audit.key"  # beside the store by default; a path of its own with --key
__all__ = ["ChangeRefused", "Effect", "Entry", "Record", "AuditLog", "Verdict", "utc_text", "KEY_FILE"]


@dataclass(frozen=True)
class Record:
    """An entry still to be written: who, what, which camera, details, why."""

    user: str
    role: str
    workstation: str
    action: str
    camera: str | None = None
    detail: dict | None = None
    reason: dict | None = None
    effects: tuple[Effect, ...] = field(default=(), compare=False)

    def fields(self) -> tuple:
        """The entry's columns between its time and its chain link; text masked: no credential gets in."""
        detail = mask(json.dumps(self.detail or {}, sort_keys=True, ensure_ascii=False))
        reason = mask(json.dumps(self.reason, sort_keys=True, ensure_ascii=False)) if self.reason else None
        return (self.user, self.role, self.workstation, self.action, self.camera, detail, reason)


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


def _entry(row: Sequence[Any]) -> Entry:
    return Entry(**dict(zip(FIELDS, row, strict=True)))


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


class AuditKeyError(StoreUnavailable):
    """This desk's key cannot write the log it was given (missing, or not the room's): nothing is logged."""


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


def _head_tag(key: bytes, seq: int, mac: str) -> str:
    """The head's own MAC: without the key nobody writes a head that verifies."""
    return hmac.new(key, f"head:{seq}:{mac}".encode(), hashlib.sha256).hexdigest()


WITNESS_MAX_BYTES = 1_000_000  # then the witness is cut back to its newest line


@dataclass(frozen=True)
class Head:
    seq: int
    mac: str
    is_authentic: bool


class AuditLog:
    """The chain's rules over the store's ``audit_log`` table, and its head and witness files beside the key."""

    def __init__(self, database: Database, key_path: Path) -> None:
        self.database = database
        self.key_path = key_path
        self.head_path = key_path.with_name(key_path.name + ".head")
        self.witness_path = key_path.with_name(key_path.name + ".witness")
        self._lock = threading.Lock()  # one batch at a time from this process: the chain is computed in order
        with database.read() as transaction:
            first, newest = table.end_row(transaction, newest=False), table.end_row(transaction)
        is_empty = first is None
        if not key_path.exists() and not is_empty:  # a new desk of a room: it must not start a key of its own
            raise AuditKeyError(f"this desk has no audit key ({key_path}), but the log in {database.location} has "
                                "entries: copy the room's key there (README, \"The room's audit key\")")  # fmt: skip
        self._key = load_or_create_key(key_path)
        if first is not None and not self._is_authentic(first):
            raise AuditKeyError(f"the audit key {key_path} is not the one the log in {database.location} was "
                                "written with (its first entry does not verify): copy the room's key")  # fmt: skip
        if newest is not None and not self._is_authentic(newest):
            LOGGER.error("the newest entry of the audit log (%s) does not verify with the key: run audit verify",
                         newest[0])  # fmt: skip
        if not self.head_path.exists() and is_empty:
            self._write_head(0, GENESIS)  # from the first moment on, a missing head is a finding
        self._upgrade_head()

    def _upgrade_head(self) -> None:
        """A head from before heads were authenticated ("seq mac"): sign it once, if the log agrees with it."""
        try:
            parts = self.head_path.read_text().split()
        except FileNotFoundError:
            return
        if len(parts) != 2 or self.witness_path.exists() or not parts[0].isdigit():
            return
        with self.database.read() as transaction:
            mac = table.mac_of(transaction, int(parts[0]))
        if mac is not None and hmac.compare_digest(mac, parts[1]):
            self._write_head(int(parts[0]), parts[1])

    def append(self, user: str, role: str, workstation: str, action: str, camera: str | None = None,
               detail: dict | None = None, reason: dict | None = None) -> Entry:  # fmt: skip
        """Record an action; returns when the entry is durable. Text is masked: no credential gets in."""
        return self.commit(Record(user, role, workstation, action, camera, detail, reason))

    def commit(self, record: Record) -> Entry:
        """One record with its effects, now (the command line); raises ChangeRefused if an effect refuses."""
        result = self.append_batch([record])[0]
        if isinstance(result, ChangeRefused):
            raise result
        return result

    def append_batch(self, records: list[Record], effects: Sequence[Effect] = ()) -> list[Entry | ChangeRefused]:
        """Several entries (and the changes that go with them) in one transaction, one disk flush.

        ``effects`` and each record's own effects (the board's "who watches what now", a dispatch
        change) are written in the same transaction, so no record shows what the log does not hold.
        A record whose effect refuses the change gets its :class:`ChangeRefused` in its place.
        """
        utc = utc_text()
        results: list[Entry | ChangeRefused] = []
        last: Entry | None = None
        room_head: tuple[int, str] | None = None
        with self._lock, self.database.write() as transaction:
            for effect in effects:
                effect(transaction)
            seq, prev_mac = table.last_link(transaction) or (0, GENESIS)
            for record in records:
                table.savepoint(transaction)
                try:
                    extra: dict = {}
                    for own_effect in record.effects:
                        extra.update(own_effect(transaction) or {})
                except ChangeRefused as refusal:
                    table.roll_back_to_savepoint(transaction)
                    results.append(refusal)
                    continue
                if extra:
                    record = replace(record, detail={**(record.detail or {}), **extra})
                values = (seq + 1, utc, *record.fields(), prev_mac)
                mac = _mac(self._key, values)
                table.insert_entry(transaction, (*values, mac))
                table.release_savepoint(transaction)
                seq, prev_mac = seq + 1, mac
                last = _entry((*values, mac))
                results.append(last)
            if last is None:  # only effects (a heartbeat): witness what other desks of the room wrote meanwhile
                newest = table.end_row(transaction)
                if newest is not None and self._is_authentic(newest):
                    room_head = (int(newest[0]), str(newest[-1]))
        if last is not None:
            self._write_head(last.seq, last.mac)
        elif room_head is not None:
            self._write_head(*room_head)
        return results

    def _is_authentic(self, row: Sequence[Any]) -> bool:
        """Was this entry written with this desk's key? (its MAC over its own columns and its link)"""
        return hmac.compare_digest(_mac(self._key, tuple(row[:-1])), str(row[-1]))

    def _write_head(self, seq: int, mac: str) -> None:
        """Move the head forward (never back: consoles sharing the store write it in turn), then witness it.

        The head is written (and flushed) before the witness line: a crash in between leaves the witness
        behind the head, which is allowed; a witness ahead of the head means the head was rolled back.
        """
        tag = _head_tag(self._key, seq, mac)
        lock_descriptor = os.open(self.head_path.with_suffix(".lock"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(lock_descriptor, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            current = self._read_head()
            if current is not None and current.is_authentic and current.seq >= seq and seq > 0:
                return
            partial = self.head_path.with_suffix(".partial")
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(f"{seq} {mac} {tag}\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, self.head_path)
            self._append_witness(f"{utc_text()} {seq} {mac} {tag}\n")

    def _append_witness(self, line: str) -> None:
        descriptor = os.open(self.witness_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a") as handle:
            handle.write(line)
            is_full = handle.tell() > WITNESS_MAX_BYTES
        if is_full:  # keep the newest head only: what the witness is for
            partial = self.witness_path.with_suffix(".partial")
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, self.witness_path)

    def entries(self, since_utc: str | None = None, until_utc: str | None = None, user: str | None = None,
                camera: str | None = None, reason_text: str | None = None, action: str | None = None,
                newest_first: bool = False, limit: int | None = None) -> Iterator[Entry]:  # fmt: skip
        """Entries in a period, by user, camera, or words of the reason (case-insensitive)."""
        with self.database.read() as transaction:
            rows = table.find_entries(transaction, since_utc, until_utc, user, camera, (reason_text or "").split(),
                                      action, newest_first, limit)  # fmt: skip
        return (_entry(row) for row in rows)

    def verify(self) -> Verdict:
        """Walk the chain; name the first entry that was changed, removed or reordered.

        The head (outside the database, authenticated with the key) names the newest entry
        written: if the log ends before it, entries were removed. It may lag by the entries
        of a crash between a commit and the head's write; then the entry it names must still
        carry its MAC. The witness (every head written, appended) must not be ahead of the
        head: that is a head rolled back to an older copy.
        """
        # The witness first: a writer writes the head, then the witness, so a head read after the
        # witness is never older than it, even while another desk writes (no false "set back").
        witness = self._read_witness()
        head = self._read_head()
        macs_wanted = {h.seq: h.mac for h in (head, witness) if h is not None and h.is_authentic and h.seq > 0}
        with self.database.read() as transaction:
            count, broken, macs_found = self._walk(table.all_entries(transaction), macs_wanted)
        if broken is not None:
            return broken
        if head is None:
            return Verdict(count, None, f"the log's head ({self.head_path.name}) is missing: it may hide removals")
        if not head.is_authentic:
            return Verdict(count, None, f"the log's head ({self.head_path.name}) was not written with the log's key")
        if witness is not None and witness.is_authentic and witness.seq > head.seq:
            return Verdict(count, head.seq + 1, f"removed: the head was set back to entry {head.seq}, "
                                               f"its witness saw entry {witness.seq}")  # fmt: skip
        newest = max(head.seq, witness.seq if witness is not None and witness.is_authentic else 0)
        if newest > count:
            return Verdict(count, count + 1, f"removed: the log ends at {count}, it had {newest} entries")
        for seq, mac in sorted(macs_wanted.items()):
            if not hmac.compare_digest(macs_found.get(seq, ""), mac):
                return Verdict(count, seq, "the entry does not match the log's head (replaced)")
        return Verdict(count, None)

    def _walk(self, rows: Iterator[tuple], macs_wanted: dict[int, str]
              ) -> tuple[int, Verdict | None, dict[int, str]]:  # fmt: skip
        """The chain link by link: how many entries hold, the first break, and the MACs the heads name."""
        expected_seq, prev_mac, count = 1, GENESIS, 0
        macs_found: dict[int, str] = {}
        for row in rows:
            entry = _entry(row)
            if entry.seq != expected_seq:
                return count, Verdict(count, expected_seq, f"removed (the next entry is {entry.seq})"), macs_found
            if entry.prev_mac != prev_mac:
                return (
                    count,
                    Verdict(count, entry.seq, "not chained to the entry before it (reordered or replaced)"),
                    macs_found,
                )
            values = tuple(getattr(entry, name) for name in FIELDS[:-1])
            if not hmac.compare_digest(_mac(self._key, values), entry.mac):
                return count, Verdict(count, entry.seq, "changed after it was written"), macs_found
            if entry.seq in macs_wanted:
                macs_found[entry.seq] = entry.mac
            expected_seq, prev_mac, count = expected_seq + 1, entry.mac, count + 1
        return count, None, macs_found

    def _read_head(self) -> Head | None:
        try:
            return self._parse_head(self.head_path.read_text())
        except FileNotFoundError:
            return None

    def _read_witness(self) -> Head | None:
        """The newest authentic head the witness holds (a torn last line is passed over)."""
        try:
            lines = self.witness_path.read_text().splitlines()
        except FileNotFoundError:
            return None
        heads = [self._parse_head(line.split(" ", 1)[1]) for line in lines if " " in line]
        authentic = [head for head in heads if head.is_authentic]
        return max(authentic, key=lambda head: head.seq, default=None)

    def _parse_head(self, text: str) -> Head:
        parts = text.split()
        try:
            seq, mac, tag = int(parts[0]), parts[1], parts[2]
        except (IndexError, ValueError):
            return Head(-1, "", False)
        return Head(seq, mac, hmac.compare_digest(_head_tag(self._key, seq, mac), tag))
