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
import stat
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from console.config.secrets import mask
from console.store import StoreUnavailable
from console.store import audit as table
from console.store.audit import FIELDS
from console.store.backend import ChangeRefused, Database, Effect, long_write, utc_text
from console.wording import QT_TRANSLATE_NOOP, Worded, WordedError, as_record, from_record

LOGGER = logging.getLogger("uitkijk.audit")

GENESIS = "0" * 64
KEY_FILE = "audit.key"  # beside the store by default; a path of its own with --key
# A desk this far behind the log walks the entries in its next write for seconds (a million in about 12 s): that
# write lifts the room's limit for a hung writer (store.backend.long_write).
LONG_CATCH_UP_ENTRIES = 200_000
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
    """What ``verify`` found, as facts (templates and values): worded in the reader's language where it is shown,
    in English on the command line (``str()``)."""

    entries: int
    first_broken: int | None  # seq of the first entry that was changed, removed or reordered
    finding: Worded | None = None
    cut_findings: tuple[Worded, ...] = ()  # cuts found earlier and recorded in the chain itself (audit resumed)

    @property
    def is_intact(self) -> bool:
        return self.first_broken is None and self.finding is None

    @property
    def problem(self) -> str:
        return str(self.finding) if self.finding is not None else ""

    @property
    def cuts(self) -> tuple[str, ...]:
        return tuple(str(cut) for cut in self.cut_findings)

    def as_worded(self) -> Worded:
        """The verdict as one sentence for a reader (``str()`` is its English)."""
        if self.is_intact:
            return Worded(VERDICT_INTACT, count=self.entries, cuts=list(self.cut_findings)) if self.cut_findings \
                else Worded(VERDICT_INTACT_NO_CUT, count=self.entries)  # fmt: skip
        if self.first_broken is None:
            return self.finding or Worded("")
        return Worded(VERDICT_BROKEN_AT, entry=self.first_broken, problem=self.finding)

    def __str__(self) -> str:
        if self.is_intact:
            recorded = "".join(f"; {cut}" for cut in self.cuts)
            return f"{self.entries} entries, chain intact{recorded}"
        where = f"entry {self.first_broken}: " if self.first_broken is not None else ""
        return f"{where}{self.problem}"


# What verify finds (worded in the reader's language when shown)
VERDICT_INTACT_NO_CUT = QT_TRANSLATE_NOOP("Domain", "{count} entries, chain intact")
VERDICT_INTACT = QT_TRANSLATE_NOOP("Domain", "{count} entries, chain intact; {cuts}")
VERDICT_BROKEN_AT = QT_TRANSLATE_NOOP("Domain", "entry {entry}: {problem}")
HEAD_MISSING = QT_TRANSLATE_NOOP("Domain", "the log's head ({file}) is missing: it may hide removals")
WITNESS_MISSING = QT_TRANSLATE_NOOP("Domain", "the log's witness ({file}) is missing beside its head: it may hide "
                                              "a head set back")  # fmt: skip
HEAD_SET_BACK = QT_TRANSLATE_NOOP("Domain", "removed: the head was set back to entry {seq}, its witness saw entry "
                                            "{seen}")  # fmt: skip
LOG_CUT_SHORT = QT_TRANSLATE_NOOP("Domain", "removed: the log ends at {count}, it had {newest} entries")
NOT_AS_WITNESSED = QT_TRANSLATE_NOOP("Domain", "the entry does not match the log's head or its witness (replaced)")
SEQ_GAP = QT_TRANSLATE_NOOP("Domain", "removed (the next entry is {seq})")
NOT_CHAINED = QT_TRANSLATE_NOOP("Domain", "not chained to the entry before it (reordered or replaced)")
CHANGED = QT_TRANSLATE_NOOP("Domain", "changed after it was written")
CUT_RECORDED = QT_TRANSLATE_NOOP("Domain", "cut recorded at entry {seq} by {user} ({utc}): the log ended at entry "
                                           "{end}; {finding}; note: {note}")  # fmt: skip
HEADS_LOST = QT_TRANSLATE_NOOP("Domain", "heads lost")


def _stored_finding(value: object) -> Worded:
    """An ``audit resumed`` entry's finding: a fact (template and values) since it is stored as one; older entries
    hold the English sentence, shown as it is."""
    if isinstance(value, dict) and "template" in value:
        return from_record(value)
    return Worded(str(value)) if value else Worded(HEADS_LOST)


class AuditKeyError(StoreUnavailable):
    """This desk's key cannot write the log it was given (missing, or not the room's): nothing is logged."""


class AuditChainBroken(WordedError, StoreUnavailable):
    """The log is behind or beside what this desk knows is authentic (entries removed or replaced): no new entry.

    Chaining onto whatever the database holds last would write new entries over the gap and heal the cut;
    the desk refuses instead, until someone looks (``audit verify``) and resumes the log (``audit resume``).
    """


def load_or_create_key(path: Path) -> bytes:
    if path.exists() or path.is_symlink():
        try:
            key = bytes.fromhex(_read_small(path, 4096).strip())
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise AuditKeyError(f"the audit key {path} cannot be read: {_why(error)}") from None
        if len(key) < 16:
            raise AuditKeyError(f"the audit key {path} is too short ({len(key)} bytes): it is not the room's key")
        return key
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
RESUMED = "audit resumed"  # the entry that records a cut and lets the chain go on after it
# What a desk finds wrong with the files beside the key (worded in the reader's language when shown)
NOT_KEYED = QT_TRANSLATE_NOOP("Domain", "the log's head ({file}) was not written with the log's key")
MISSING_BESIDE = QT_TRANSLATE_NOOP("Domain", "the log's {file} is missing beside its {other}")
SET_BACK = QT_TRANSLATE_NOOP(
    "Domain", "the log's head ({file}) was set back to entry {seq}, its witness saw entry {seen}"
)
UNREADABLE = QT_TRANSLATE_NOOP("Domain", "the log's {file} cannot be read: {why}")
FORGED_LINE = QT_TRANSLATE_NOOP("Domain", "line {line} of the log's {file} was not written with the log's key "
                                          "(forged or damaged)")  # fmt: skip


@dataclass(frozen=True)
class Head:
    seq: int
    mac: str
    is_authentic: bool
    problem: Worded | None = None  # why it could not be read at all (a folder, not text)


@dataclass(frozen=True)
class Witness:
    """What the witness file holds: every head written (authentic ones), and what is wrong with it, if anything."""

    heads: tuple[Head, ...] = ()
    problem: Worded | None = None
    exists: bool = True

    @property
    def newest(self) -> Head | None:
        return max(self.heads, key=lambda head: head.seq, default=None)


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
        if not self.head_path.exists() and is_empty:
            self._write_head(0, GENESIS)  # from the first moment on, a missing head is a finding
        self._upgrade_head()
        # The newest entry this desk knows is authentic: the next entry chains onto it (or onto entries
        # after it that chain up to it), never onto whatever row the database holds last.
        self._trusted, self._finding = self._starting_point(newest)
        if self._finding:
            LOGGER.info("the audit log cannot be written: %s", self._finding)
        else:
            with database.read() as transaction:  # found now, not at the desk's first action
                self._trusted, _ = self._chain_end(transaction)

    def _starting_point(self, newest: Sequence[Any] | None) -> tuple[tuple[int, str], Worded | None]:
        """Where this desk's chain stands: its head (or the witness's newest), else the log's newest entry."""
        head, witness = self._read_head(), self._read_witness()
        known = witness.newest
        head_file, witness_file = self.head_path.name, self.witness_path.name
        if witness.problem:
            return (0, GENESIS), witness.problem
        if head is not None:
            if head.problem:
                return (0, GENESIS), head.problem
            if not head.is_authentic:
                return (0, GENESIS), Worded(NOT_KEYED, file=head_file)
            if not witness.exists:  # a head set back with its witness removed would let a cut heal
                return (0, GENESIS), Worded(MISSING_BESIDE, file=witness_file, other=head_file)
            if known is not None and known.seq > head.seq:
                return (0, GENESIS), Worded(SET_BACK, file=head_file, seq=head.seq, seen=known.seq)
            return (head.seq, head.mac), None
        if witness.exists:  # the console never removes its head: a head gone with its witness kept may hide a cut
            return (0, GENESIS), Worded(MISSING_BESIDE, file=head_file, other=witness_file)
        if newest is None:
            return (0, GENESIS), None
        # A desk new to the room (no head, no witness yet): it starts from the room's newest authentic entry.
        if not self._is_authentic(newest):
            return (0, GENESIS), Worded(QT_TRANSLATE_NOOP("Domain", "entry {seq} was not written with the log's key "
                                                                    "(forged or changed)"), seq=newest[0])  # fmt: skip
        LOGGER.warning("this desk has no head of the audit log yet: it goes on from the log's entry %s", newest[0])
        return (int(newest[0]), str(newest[-1])), None

    @property
    def finding(self) -> Worded | None:
        """Why this desk refuses to write the log (entries removed or replaced), or None."""
        return self._finding

    def _upgrade_head(self) -> None:
        """A head from before heads were authenticated ("seq mac"): sign it once, if the log agrees with it."""
        try:
            parts = _read_small(self.head_path, 4096).split()
        except (OSError, UnicodeDecodeError, ValueError):
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
            newest, finding = self._chain_end(transaction)
            seq, prev_mac = newest
            for record in records if finding is None else ():
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
            if last is None and finding is None and newest != self._trusted:
                room_head = newest  # only effects (a heartbeat): witness what other desks of the room wrote
        if finding is not None:  # the effects alone (a heartbeat, the desk's finding on the board) were written
            raise AuditChainBroken(QT_TRANSLATE_NOOP("Domain", "{finding} (audit verify says more; audit resume "
                                                     "records the cut and goes on)"), finding=finding)  # fmt: skip
        newest_known = (last.seq, last.mac) if last is not None else room_head
        if newest_known is not None:
            self._trusted = newest_known
            try:
                self._write_head(*newest_known)
            except OSError as error:  # the entries are on disk and their actions go on; the head lags (allowed)
                LOGGER.error("the audit log's head could not be written (%s): it lags the log until it can", error)
        return results

    def resume(self, user: str, role: str, workstation: str, note: str) -> Entry:
        """Record a cut found at the end of the log and go on after it: the only way past a refusal.

        The entry names the log's end and every head this desk saw that the log no longer holds
        (with their MACs), so ``verify`` keeps naming the cut, at every desk, for the life of the log;
        it never hides one. A chain broken inside (an entry changed or reordered) is not resumed.
        """
        witness, head = self._read_witness(), self._read_head()
        problem = witness.problem or (head.problem if head is not None else None)
        if problem is not None:
            raise AuditChainBroken("{finding}", finding=problem)
        heads = [*witness.heads, *([head] if head is not None and head.is_authentic else [])]
        with self._lock, self.database.write() as transaction:
            long_write(transaction)  # the whole log walked in the room's one write
            count, broken, macs_found, lost, _cuts = self._walk(table.all_entries(transaction),
                                                                {known.seq for known in heads})  # fmt: skip
            if broken is not None:
                raise AuditChainBroken(QT_TRANSLATE_NOOP("Domain", "the chain itself is broken ({verdict}): only a "
                                                         "cut at the end is resumed"),
                                       verdict=broken.as_worded())  # fmt: skip
            newly_lost = {known.seq: known.mac for known in heads if known.seq > 0
                          and not hmac.compare_digest(macs_found.get(known.seq, ""), known.mac)
                          and (known.seq, known.mac) not in lost}  # fmt: skip
            if not newly_lost and self._finding is None:
                raise ValueError("nothing to resume: the log holds every entry this desk wrote or saw")
            end = table.last_link(transaction) or (0, GENESIS)
            detail = {"log_ended_at": count, "lost_heads": {str(seq): mac for seq, mac in sorted(newly_lost.items())},
                      "finding": as_record(self._finding) if self._finding else "", "note": note}  # fmt: skip
            record = Record(user, role, workstation, RESUMED, None, detail)
            values = (end[0] + 1, utc_text(), *record.fields(), end[1])
            mac = _mac(self._key, values)
            table.insert_entry(transaction, (*values, mac))
        standing = [known for known in witness.heads
                    if hmac.compare_digest(macs_found.get(known.seq, ""), known.mac)]  # fmt: skip
        lines = "".join(f"{utc_text()} {known.seq} {known.mac} {_head_tag(self._key, known.seq, known.mac)}\n"
                        for known in standing[-1:])  # fmt: skip
        self._write_head(end[0] + 1, mac, is_resumed=True, witness_before=lines)
        self._trusted, self._finding = (end[0] + 1, mac), None
        LOGGER.warning("the audit log was resumed after a cut at entry %d by %s", end[0] + 1, user)
        return _entry((*values, mac))

    def _chain_end(self, transaction: Any) -> tuple[tuple[int, str], Worded | None]:
        """The entry the next one chains onto, checked from what this desk knows is authentic; or the finding.

        The log may be ahead of this desk (other desks wrote, or this desk was killed before its head's
        write): those entries must chain, one by one, onto the desk's own newest with the key. A log that
        ends before it, or holds another entry in its place, had entries removed or replaced.
        """
        if self._finding is not None:
            return self._trusted, self._finding
        on_disk = self._read_head()  # another console of this data folder may have written past this one's head
        if on_disk is not None and on_disk.is_authentic and on_disk.seq > self._trusted[0]:
            self._trusted = (on_disk.seq, on_disk.mac)
        trusted_seq, trusted_mac = self._trusted
        newest_seq = (table.last_link(transaction) or (0, GENESIS))[0]
        finding: Worded | None = None
        if newest_seq < trusted_seq:
            finding = Worded(QT_TRANSLATE_NOOP("Domain", "entries were removed: the log ends at entry {end}, this "
                                                         "desk wrote or saw entry {seen}"),
                             end=newest_seq, seen=trusted_seq)  # fmt: skip
        elif trusted_seq > 0 and not hmac.compare_digest(table.mac_of(transaction, trusted_seq) or "", trusted_mac):
            finding = Worded(QT_TRANSLATE_NOOP("Domain", "entry {seq} is not the one this desk wrote or saw: "
                                                         "entries were replaced"), seq=trusted_seq)  # fmt: skip
        else:
            if newest_seq - trusted_seq > LONG_CATCH_UP_ENTRIES:
                long_write(transaction)  # a desk far behind (off for weeks) walks them all in this write, once
            seq, mac = trusted_seq, trusted_mac
            for row in table.entries_after(transaction, trusted_seq):
                entry = _entry(row)
                if entry.seq != seq + 1 or entry.prev_mac != mac:
                    finding = Worded(QT_TRANSLATE_NOOP("Domain", "entry {next} does not chain onto entry {seq}: "
                                                                 "entries were removed or replaced"),
                                     next=seq + 1, seq=seq)  # fmt: skip
                    break
                if not self._is_authentic(row):
                    finding = Worded(QT_TRANSLATE_NOOP("Domain", "entry {seq} was not written with the log's key "
                                                                 "(forged or changed)"), seq=entry.seq)  # fmt: skip
                    break
                seq, mac = entry.seq, entry.mac
            else:
                return (seq, mac), None
        self._finding = finding
        LOGGER.info("the audit log cannot be written: %s", finding)  # the writer tells the desk's log and screen
        return self._trusted, self._finding

    def _is_authentic(self, row: Sequence[Any]) -> bool:
        """Was this entry written with this desk's key? (its MAC over its own columns and its link)"""
        return hmac.compare_digest(_mac(self._key, tuple(row[:-1])), str(row[-1]))

    def _write_head(self, seq: int, mac: str, is_resumed: bool = False, witness_before: str = "") -> None:
        """Move the head forward (never back: consoles sharing the store write it in turn), then witness it.

        The head is written (and flushed) before the witness line: a crash in between leaves the witness
        behind the head, which is allowed; a witness ahead of the head means the head was rolled back.
        ``is_resumed``: after a cut recorded by ``resume``, the head goes where the log goes on, and the
        witness starts again from ``witness_before`` (the lost heads are in the resumed entry).
        """
        tag = _head_tag(self._key, seq, mac)
        lock_descriptor = os.open(self.head_path.with_suffix(".lock"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(lock_descriptor, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            current = self._read_head()
            if current is not None and current.is_authentic and current.seq >= seq and seq > 0 and not is_resumed:
                return
            partial = self.head_path.with_suffix(".partial")
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(f"{seq} {mac} {tag}\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, self.head_path)
            line = f"{utc_text()} {seq} {mac} {tag}\n"
            if is_resumed:
                _replace_file(self.witness_path, witness_before + line)
            else:
                self._append_witness(line)

    def _append_witness(self, line: str) -> None:
        descriptor = os.open(self.witness_path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "r+b") as handle:
            _cut_torn_line(handle)
            handle.write(line.encode())
            is_full = handle.tell() > WITNESS_MAX_BYTES
        if is_full:  # keep the newest head only: what the witness is for
            _replace_file(self.witness_path, line)

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
        carry its MAC. Every head the witness holds must be in the chain with its MAC, and
        none may be ahead of the head: that is a head rolled back to an older copy. Heads an
        ``audit resumed`` entry records as lost (a cut found, looked at and resumed) are
        excused, and the cut is named in the verdict.
        """
        # The witness first: a writer writes the head, then the witness, so a head read after the
        # witness is never older than it, even while another desk writes (no false "set back").
        witness = self._read_witness()
        head = self._read_head()
        heads = [*witness.heads, *([head] if head is not None and head.is_authentic and head.seq > 0 else [])]
        with self.database.read() as transaction:
            count, broken, macs_found, lost, cuts = self._walk(table.all_entries(transaction),
                                                               {known.seq for known in heads})  # fmt: skip
        if broken is not None:
            return broken
        if witness.problem:
            return Verdict(count, None, witness.problem)
        if head is None:
            return Verdict(count, None, Worded(HEAD_MISSING, file=self.head_path.name))
        if head.problem:
            return Verdict(count, None, head.problem)
        if not head.is_authentic:
            return Verdict(count, None, Worded(NOT_KEYED, file=self.head_path.name))
        if not witness.exists:
            return Verdict(count, None, Worded(WITNESS_MISSING, file=self.witness_path.name))
        standing = [known for known in witness.heads if (known.seq, known.mac) not in lost]
        newest_witnessed = max((known.seq for known in standing), default=0)
        if newest_witnessed > head.seq and (head.seq, head.mac) not in lost:
            return Verdict(count, head.seq + 1, Worded(HEAD_SET_BACK, seq=head.seq, seen=newest_witnessed))
        if (head.seq, head.mac) not in lost:
            standing.append(head)
        newest = max((known.seq for known in standing), default=0)
        if newest > count:
            return Verdict(count, count + 1, Worded(LOG_CUT_SHORT, count=count, newest=newest))
        for known in sorted(standing, key=lambda known: known.seq):
            if known.seq > 0 and not hmac.compare_digest(macs_found.get(known.seq, ""), known.mac):
                return Verdict(count, known.seq, Worded(NOT_AS_WITNESSED))
        return Verdict(count, None, cut_findings=tuple(cuts))

    def _walk(self, rows: Iterator[tuple], seqs_wanted: set[int]
              ) -> tuple[int, Verdict | None, dict[int, str], set[tuple[int, str]], list[Worded]]:  # fmt: skip
        """The chain link by link: how many entries hold, the first break, the MACs the heads name, and the
        heads that ``audit resumed`` entries record as lost with the cuts they record."""
        expected_seq, prev_mac, count = 1, GENESIS, 0
        macs_found: dict[int, str] = {}
        lost: set[tuple[int, str]] = set()
        cuts: list[Worded] = []
        for row in rows:
            entry = _entry(row)
            if entry.seq != expected_seq:
                return count, Verdict(count, expected_seq, Worded(SEQ_GAP, seq=entry.seq)), macs_found, lost, cuts
            if entry.prev_mac != prev_mac:
                broken = Verdict(count, entry.seq, Worded(NOT_CHAINED))
                return count, broken, macs_found, lost, cuts
            values = tuple(getattr(entry, name) for name in FIELDS[:-1])
            if not hmac.compare_digest(_mac(self._key, values), entry.mac):
                return count, Verdict(count, entry.seq, Worded(CHANGED)), macs_found, lost, cuts
            if entry.seq in seqs_wanted:
                macs_found[entry.seq] = entry.mac
            if entry.action == RESUMED:
                cut = json.loads(entry.detail)
                lost.update((int(seq), str(mac)) for seq, mac in cut.get("lost_heads", {}).items())
                cuts.append(Worded(CUT_RECORDED, seq=entry.seq, user=entry.user, utc=entry.utc,
                                   end=cut.get("log_ended_at"), finding=_stored_finding(cut.get("finding")),
                                   note=cut.get("note", "")))  # fmt: skip
            expected_seq, prev_mac, count = expected_seq + 1, entry.mac, count + 1
        return count, None, macs_found, lost, cuts

    def _read_head(self) -> Head | None:
        try:
            text = _read_small(self.head_path, 4096)
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, ValueError) as error:
            return Head(-1, "", False, Worded(UNREADABLE, file=self.head_path.name, why=_why(error)))
        return self._parse_head(text)

    def _read_witness(self) -> Witness:
        """Every authentic head the witness holds; a forged or damaged line is a finding (a torn last line,
        from a crash while it was written, is passed over)."""
        try:
            text = _read_small(self.witness_path, 4 * WITNESS_MAX_BYTES)
        except FileNotFoundError:
            return Witness(exists=False)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            return Witness(problem=Worded(UNREADABLE, file=self.witness_path.name, why=_why(error)))
        *lines, torn = text.split("\n")  # every whole line ends with a newline; what follows the last is torn
        heads: list[Head] = []
        for number, line in enumerate(lines, start=1):
            head = self._parse_head(line.split(" ", 1)[1] if " " in line else "")
            if not head.is_authentic:
                return Witness(tuple(heads), Worded(FORGED_LINE, line=number, file=self.witness_path.name))
            heads.append(head)
        return Witness(tuple(heads))

    def _parse_head(self, text: str) -> Head:
        parts = text.split()
        try:
            seq, mac, tag = int(parts[0]), parts[1], parts[2]
        except (IndexError, ValueError):
            return Head(-1, "", False)
        return Head(seq, mac, len(parts) == 3 and hmac.compare_digest(_head_tag(self._key, seq, mac), tag))


def _cut_torn_line(handle: Any) -> None:
    """A last line without its newline (a crash while it was written) is cut off: the next line is not glued to it."""
    size = os.fstat(handle.fileno()).st_size
    if size == 0 or os.pread(handle.fileno(), 1, size - 1) == b"\n":
        return
    tail = os.pread(handle.fileno(), min(size, 4096), max(0, size - 4096))
    end = tail.rfind(b"\n")
    os.ftruncate(handle.fileno(), 0 if end < 0 and size <= 4096 else size - len(tail) + end + 1)


def _replace_file(path: Path, text: str) -> None:
    """The file's new content, whole or not at all (written beside it, flushed, then moved over it)."""
    partial = path.with_suffix(".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _read_small(path: Path, limit_bytes: int) -> str:
    """A regular file's text, refused past ``limit_bytes`` (a FIFO, a folder or /dev/zero are never read)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise ValueError("not a regular file")
        if status.st_size > limit_bytes:
            raise ValueError(f"{status.st_size} bytes, more than the console ever writes there")
        return handle.read(limit_bytes + 1).decode("utf-8")


def _why(error: BaseException) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "not text (UTF-8)"
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return str(error)
