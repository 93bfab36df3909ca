"""The retention sweeper: what is past its period is deleted, what an evidence lock holds is kept.

Recordings: each camera's segments whose end is older than its ``recording.retention_days``
(cameras.yaml; an imported device's: ``imported_footage_days``, retention.yaml), files and index
rows. A segment that overlaps a held evidence lock of its camera is kept whole. ANPR hits with
their images, and evidence stills not linked to an open incident, go after their own periods
(retention.yaml); a hit or still of a camera and time under a held lock stays too.

Each deletion is ONE audit entry per camera and day (``recording deleted``: camera, day,
segment count, bytes) or per kind and day (``anpr hits deleted``, ``evidence stills deleted``).
An entry is written in the transaction that deletes its rows, and that transaction re-reads
the locks first: the store's writer is one at a time, so a lock placed meanwhile is seen and
its footage kept. Files go inside that transaction, before the rows: a crash in between leaves
rows whose files are missing, which the next sweep reports and removes (never a file that no
row names, which nothing would ever find again). A closed alarm's still (``alarms.still_jpeg``)
goes after ``alarm_still_days`` (``alarm stills deleted``), the alarm's facts kept; one whose
incident is open, or under a held lock, stays. A missing or undeletable file is a finding,
never a crash. The clock is injected (tests, and the recorder's own).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.audit.log import AuditLog, ChangeRefused, Record
from console.config.loader import CameraConfig
from console.config.retention import Retention
from console.config.schema import Recording
from console.dispatch.service import OPEN_STATES
from console.services.evidence_locks import covers, holds
from console.store import alarms as alarm_rows
from console.store import archive
from console.store import dispatch as dispatch_rows
from console.store.backend import Database, Transaction, long_write, utc_text
from console.wording import QT_TRANSLATE_NOOP, Worded

LOGGER = logging.getLogger("uitkijk.retention")
RECORDING_DELETED = "recording deleted"
HITS_DELETED = "anpr hits deleted"
STILLS_DELETED = "evidence stills deleted"
ALARM_STILLS_DELETED = "alarm stills deleted"
SWEEP_EVERY_S = 600.0  # the recorder sweeps this often (a day's footage goes within minutes of its end)
SYSTEM_ROLE = "system"
Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class Deleted:
    """What one audit entry says went: a camera's day of recordings, or a day of hits or stills."""

    action: str
    day: str  # YYYY-MM-DD (UTC) of the recording, read or still
    count: int
    bytes: int
    camera: str | None = None


@dataclass
class SweepReport:
    deleted: list[Deleted] = field(default_factory=list)
    findings: list[Worded] = field(default_factory=list)  # a missing file, one that could not be deleted
    kept_by_locks: int = 0  # segments, hits and stills past their period that a held lock keeps

    def lines(self) -> list[str]:
        """For ``python main.py sweep``: what went, what was kept and why, what was found."""
        names = {RECORDING_DELETED: "segments", HITS_DELETED: "ANPR hits", STILLS_DELETED: "evidence stills",
                 ALARM_STILLS_DELETED: "alarm stills"}  # fmt: skip
        lines = [f"{item.day}  {item.camera or '-':20}  {item.count} {names[item.action]} deleted "
                 f"({item.bytes:,} bytes)" for item in self.deleted]  # fmt: skip
        if self.kept_by_locks:
            lines.append(f"{self.kept_by_locks} past their retention kept: an evidence lock holds them")
        return lines or ["nothing is past its retention"]


def sweeper_who(workstation: str, user: str = "retention sweeper", role: str = SYSTEM_ROLE) -> dict[str, str]:
    return {"user": user, "role": role, "workstation": workstation}


def sweep_every(sweeper: RetentionSweeper, stop: threading.Event, every_s: float = SWEEP_EVERY_S) -> None:
    """Sweep now, then every ``every_s`` until ``stop`` (a recorder's thread); a failed sweep is logged, and the
    next one tries again (the store down for a minute deletes nothing late by more than that)."""
    while True:
        try:
            report = sweeper.sweep()
            for line in report.lines() if report.deleted else ():
                LOGGER.info("retention: %s", line)
        except Exception:  # the recorder goes on; the sweep is tried again
            LOGGER.exception("the retention sweep failed; it is tried again in %.0f s", every_s)
        if stop.wait(every_s):
            return


class RetentionSweeper:
    def __init__(self, database: Database, log: AuditLog, config: CameraConfig, retention: Retention,
                 evidence_folder: Path | None, who: dict[str, str],
                 clock: Clock = lambda: dt.datetime.now(dt.UTC),
                 roots: Sequence[Path] | None = None) -> None:  # fmt: skip
        """``roots``: the folders whose segments this sweeper deletes. A room's recorders each sweep their own
        disk: a segment on another PC's is not missing here, only out of reach (None: every segment, one PC)."""
        self.database = database
        self.log = log
        self.config = config
        self.retention = retention
        self.evidence_folder = evidence_folder  # a desk's DATA/evidence; None: no stills here
        self.who = who
        self.clock = clock
        self.roots = None if roots is None else tuple(Path(root).resolve() for root in roots)

    def sweep(self) -> SweepReport:
        report = SweepReport()
        now = self.clock()
        self._recordings(now, report)
        self._hits(now, report)
        self._alarm_stills(now, report)
        if self.evidence_folder is not None:
            self._stills(now, report)
        for finding in report.findings:
            LOGGER.warning("retention: %s", finding)
        return report

    # -- recordings ---------------------------------------------------------------------------------
    def retention_days(self, camera: str, devices: set[str]) -> int:
        """A camera's own period; an imported device's from retention.yaml; a camera no longer configured (or no
        longer recorded) keeps the schema's default, never more."""
        if camera in devices:
            return self.retention.imported_footage_days
        recording = next((each.recording for each in self.config.cameras if each.id == camera), None)
        return (recording or Recording()).retention_days

    def _recordings(self, now: dt.datetime, report: SweepReport) -> None:
        with self.database.read() as transaction:
            devices = {device.device for device in archive.read_devices(transaction)}
            cameras = archive.segment_cameras(transaction)
        for camera in cameras:
            cut = utc_text(now - dt.timedelta(days=self.retention_days(camera, devices)))
            with self.database.read() as transaction:
                expired = [segment for segment in archive.segments(transaction, camera, None, cut)
                           if segment.end_utc <= cut and self.is_within_reach(segment.path)]  # fmt: skip
            by_day: dict[str, list[int]] = defaultdict(list)
            for segment in expired:
                by_day[segment.start_utc[:10]].append(segment.id)
            records = [self._segments_record(camera, day, ids, report) for day, ids in sorted(by_day.items())]
            self._write(records, report)
            with self.database.write(quiet=True) as transaction:
                archive.delete_gaps_before(transaction, camera, cut)

    def is_within_reach(self, path: str) -> bool:
        """A segment this sweeper deletes: under one of its roots (or every one, without roots)."""
        return self.roots is None or any(Path(path).is_relative_to(root) for root in self.roots)

    def _segments_record(self, camera: str, day: str, segment_ids: list[int], report: SweepReport) -> Record:
        def effect(transaction: Transaction) -> dict:
            wanted = set(segment_ids)
            segments = [segment for segment in archive.segments(transaction, camera, f"{day}T00:00:00", _next_day(day))
                        if segment.id in wanted]  # fmt: skip
            if not segments:
                raise ChangeRefused("nothing left to delete")
            start = min(segment.start_utc for segment in segments)
            end = max(segment.end_utc for segment in segments)
            held = archive.locks(transaction, camera, start, end)  # read in this transaction: none placed meanwhile
            long_write(transaction)  # a day of a camera's segment files deleted inside it (the index kept if not)
            gone: list[int] = []
            freed = missing = 0
            for segment in segments:
                if covers(held, camera, segment.start_utc, segment.end_utc):
                    report.kept_by_locks += 1
                    continue
                removed = _remove(Path(segment.path), report, camera, empty_folders_above=2)  # day, month, year
                if removed is None:
                    continue  # could not be deleted: kept in the index, tried again next time
                gone.append(segment.id)
                freed += removed or 0
                missing += removed is MISSING
            if not gone:
                raise ChangeRefused("nothing left to delete")
            archive.delete_segments(transaction, gone)
            facts: dict[str, Any] = {"segments": len(gone), "bytes": freed}
            if missing:
                facts["missing"] = missing
            return facts

        return Record(self.who["user"], self.who["role"], self.who["workstation"], RECORDING_DELETED, camera,
                      {"day": day}, None, (effect,))  # fmt: skip

    # -- ANPR hits ----------------------------------------------------------------------------------
    def _hits(self, now: dt.datetime, report: SweepReport) -> None:
        cut = utc_text(now - dt.timedelta(days=self.retention.anpr_hit_days))
        with self.database.read() as transaction:
            days = sorted({row["utc"][:10] for row in dispatch_rows.hits_before(transaction, cut)})
        records = [self._hits_record(day, cut, report) for day in days]
        self._write(records, report)

    def _hits_record(self, day: str, cut: str, report: SweepReport) -> Record:
        def effect(transaction: Transaction) -> dict:
            rows = dispatch_rows.hits_before(transaction, min(cut, _next_day(day)), f"{day}T00:00:00")
            held = archive.locks(transaction, None, f"{day}T00:00:00", f"{day}T23:59:59.999999Z")
            gone = []
            for row in rows:
                if row["incident"] is not None and row["incident_state"] in OPEN_STATES:
                    continue  # its incident is still open: it goes once the incident is finished
                if holds(held, row["camera"], row["utc"]):
                    report.kept_by_locks += 1
                    continue
                gone.append(int(row["id"]))
            if not gone:
                raise ChangeRefused("nothing left to delete")
            dispatch_rows.delete_hits(transaction, gone)
            return {"hits": len(gone)}

        return Record(self.who["user"], self.who["role"], self.who["workstation"], HITS_DELETED, None,
                      {"day": day}, None, (effect,))  # fmt: skip

    # -- alarm stills ---------------------------------------------------------------------------------
    def _alarm_stills(self, now: dt.datetime, report: SweepReport) -> None:
        """A closed alarm's still (a picture of people) goes after ``alarm_still_days``; its facts stay."""
        cut = utc_text(now - dt.timedelta(days=self.retention.alarm_still_days))
        with self.database.read() as transaction:
            days = sorted({row["raised_utc"][:10] for row in alarm_rows.closed_stills_before(transaction, cut)})
        self._write([self._alarm_stills_record(day, cut, report) for day in days], report)

    def _alarm_stills_record(self, day: str, cut: str, report: SweepReport) -> Record:
        def effect(transaction: Transaction) -> dict:
            rows = alarm_rows.closed_stills_before(transaction, min(cut, _next_day(day)), f"{day}T00:00:00")
            held = archive.locks(transaction, None, f"{day}T00:00:00", f"{day}T23:59:59.999999Z")
            gone, freed = [], 0
            for row in rows:
                if row["incident"] is not None and row["incident_state"] in OPEN_STATES:
                    continue  # its incident is still open: it goes once the incident is finished
                if holds(held, row["camera"], row["event_utc"]):
                    report.kept_by_locks += 1
                    continue
                gone.append(int(row["id"]))
                freed += int(row["bytes"] or 0)
            if not gone:
                raise ChangeRefused("nothing left to delete")
            alarm_rows.delete_stills(transaction, gone)
            return {"stills": len(gone), "bytes": freed}

        return Record(self.who["user"], self.who["role"], self.who["workstation"], ALARM_STILLS_DELETED, None,
                      {"day": day}, None, (effect,))  # fmt: skip

    # -- evidence stills ----------------------------------------------------------------------------
    def _stills(self, now: dt.datetime, report: SweepReport) -> None:
        assert self.evidence_folder is not None
        cut_day = (now - dt.timedelta(days=self.retention.evidence_still_days)).date().isoformat()
        try:
            folders = sorted((entry for entry in os.scandir(self.evidence_folder)
                              if entry.is_dir(follow_symlinks=False) and _is_day(entry.name) and entry.name < cut_day),
                             key=lambda entry: entry.name)  # fmt: skip
        except FileNotFoundError:
            return  # no still was ever taken here
        except OSError as error:
            report.findings.append(Worded(QT_TRANSLATE_NOOP("Domain", "the evidence folder {folder} cannot be read: "
                                                            "{error}"), folder=self.evidence_folder,
                                          error=error.strerror or error))  # fmt: skip
            return
        records = [self._stills_record(Path(folder.path), report) for folder in folders]
        self._write(records, report)
        for folder in folders:
            _remove_empty(Path(folder.path), 0)

    def _stills_record(self, folder: Path, report: SweepReport) -> Record:
        day = folder.name

        def effect(transaction: Transaction) -> dict:
            kept_open = dispatch_rows.open_snapshot_files(transaction)
            held = archive.locks(transaction, None, f"{day}T00:00:00", f"{day}T23:59:59.999999Z")
            long_write(transaction)  # a day's stills deleted inside it
            count = freed = 0
            for png in sorted([*folder.glob("*.png"), *folder.glob("*.jpg")]):  # a desk's snapshots; alarms' stills
                if png.name in kept_open:
                    continue  # an open incident holds it
                camera, utc = _still_facts(png)
                if camera is not None and utc is not None and holds(held, camera, utc):
                    report.kept_by_locks += 1
                    continue
                removed = _remove(png, report, camera)
                if removed is None:
                    continue
                sidecar = _remove(png.with_suffix(".json"), report, camera, is_missing_a_finding=False)
                count += 1
                freed += (removed or 0) + (sidecar or 0)
            if not count:
                raise ChangeRefused("nothing left to delete")
            return {"stills": count, "bytes": freed}

        return Record(self.who["user"], self.who["role"], self.who["workstation"], STILLS_DELETED, None,
                      {"day": day}, None, (effect,))  # fmt: skip

    # -- writing ------------------------------------------------------------------------------------
    def _write(self, records: list[Record], report: SweepReport) -> None:
        """One transaction per entry: each day's deletion is durable with its entry before the next is tried."""
        for record in records:
            result = self.log.append_batch([record])[0]
            if isinstance(result, ChangeRefused):
                continue  # a lock, an open incident or a file that would not go kept all of it
            detail = json.loads(result.detail)
            count = int(detail.get("segments", detail.get("hits", detail.get("stills", 0))))
            report.deleted.append(Deleted(record.action, detail["day"], count, int(detail.get("bytes", 0)),
                                          record.camera))  # fmt: skip


def _next_day(day: str) -> str:
    """The first moment of the day after ``day`` (YYYY-MM-DD), as the store's UTC text compares it."""
    return f"{(dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()}T00:00:00"


def _is_day(name: str) -> bool:
    try:
        dt.date.fromisoformat(name)
    except ValueError:
        return False
    return len(name) == 10


def _still_facts(png: Path) -> tuple[str | None, str | None]:
    """The camera and time of a still, from its name (``camera_YYYYMMDDTHHMMSS.ffffffZ.png``; an alarm's
    ``camera_YYYYMMDDTHHMMSS.ffffffZ_alarm0042.jpg``)."""
    stem = re.sub(r"_alarm\d+$", "", png.stem)
    camera, _, stamp = stem.rpartition("_")
    try:
        moment = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return (camera or None), None
    return camera, utc_text(moment)


class _Missing(int):
    """The size of a file that was gone already: 0, and said so."""


MISSING = _Missing(0)


def _remove(path: Path, report: SweepReport, camera: str | None, is_missing_a_finding: bool = True,
            empty_folders_above: int = 0) -> int | None:  # fmt: skip
    """Delete a file: its size (MISSING when it was gone already: a finding); None when it could not be deleted.
    Its folder goes when it is left empty, and ``empty_folders_above`` of its parents when they are too."""
    try:
        size = path.lstat().st_size
        path.unlink()
    except FileNotFoundError:
        if is_missing_a_finding:
            report.findings.append(Worded(QT_TRANSLATE_NOOP("Domain", "{camera}: {file} was missing already; its "
                                                            "record is removed"), camera=camera or "-",
                                          file=path))  # fmt: skip
        return MISSING
    except OSError as error:
        report.findings.append(Worded(QT_TRANSLATE_NOOP("Domain", "{camera}: {file} could not be deleted ({error}); "
                                                        "it is tried again at the next sweep"), camera=camera or "-",
                                      file=path, error=error.strerror or error))  # fmt: skip
        return None
    _remove_empty(path.parent, empty_folders_above)
    return size


def _remove_empty(folder: Path, levels: int) -> None:
    """A day's folder emptied goes, and its month's and year's when they are empty too (``levels`` above it)."""
    for _ in range(levels + 1):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
