"""Evidence locks and the retention sweeper on both stores, with real segment files on disk.

What is past its retention goes (files and index rows, one audit entry per camera and day);
what a held evidence lock covers stays, until the team chief or the data-protection officer
releases the lock; ANPR hits and evidence stills go after their own periods, unless an open
incident or a lock holds them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from pathlib import Path

import pytest

from console.access.permissions import NotPermitted, Role
from console.audit.log import AuditLog, ChangeRefused
from console.config.loader import load_camera_config
from console.config.retention import RetentionFile
from console.config.schema import Recording
from console.dispatch import service
from console.dispatch.model import Snapshot, Source
from console.paths import DEFAULT_CONFIG_DIR
from console.services import evidence_locks
from console.services.evidence_locks import LockRefused, LockRequest
from console.services.recording_time import BadTime, checked_span, parse_utc
from console.services.retention import RetentionSweeper, SweepReport, sweep_every, sweeper_who
from console.store import archive
from console.store import dispatch as dispatch_rows
from console.store.backend import StoreUnavailable, utc_text
from tests.integration.archive_files import make_segment, source_clip

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)
OLD_DAY = dt.datetime(2026, 10, 1, 10, 0, tzinfo=dt.UTC)  # 65 days before NOW: past a 30-day retention


@pytest.fixture
def config():
    """The demo's cameras, station-01 and station-02 recorded for 30 days."""
    loaded = load_camera_config(DEFAULT_CONFIG_DIR)
    recorded = {"station-01", "station-02"}
    cameras = tuple(camera.model_copy(update={"recording": Recording(retention_days=30)})
                    if camera.id in recorded else camera for camera in loaded.cameras)  # fmt: skip
    return dataclasses.replace(loaded, cameras=cameras)


def _who(name: str, role: Role) -> dict[str, str]:
    return {"user": name, "role": role.value, "workstation": "desk-1"}


def _index(database, root: Path, camera: str, start: dt.datetime, source: Path) -> archive.SegmentRecord:
    """A real segment of about 2 s on disk at ROOT/CAMERA/YYYY/MM/DD/HHMMSS.ts, indexed closed."""
    path = root / camera / start.strftime("%Y/%m/%d/%H%M%S.ts")
    size, sha256 = make_segment(source, path)
    segment = archive.SegmentRecord(0, camera, utc_text(start), utc_text(start + dt.timedelta(seconds=60)),
                                    str(path), size, "h264", sha256, "rec-1")  # fmt: skip
    with database.write() as transaction:
        segment_id = archive.add_segment(transaction, segment)
    return dataclasses.replace(segment, id=segment_id)


def _sweeper(database, log, config, tmp_path, **retention) -> RetentionSweeper:
    return RetentionSweeper(database, log, config, RetentionFile(**retention), tmp_path / "evidence",
                            sweeper_who("recorder-pc"), clock=lambda: NOW)  # fmt: skip


def _entries(log: AuditLog, action: str) -> list[tuple[str | None, dict]]:
    return [(entry.camera, json.loads(entry.detail)) for entry in log.entries(action=action)]


def _lock(log, config, cameras, start, end, who=("an.peeters", Role.OPERATOR), **serves) -> int:
    span = checked_span(start, end, NOW)
    request = LockRequest(tuple(cameras), span, serves.get("incident"), serves.get("judicial_file"), "theft at the "
                          "station: the suspects' route")  # fmt: skip
    change = evidence_locks.place(_who(*who), who[1], request, [camera.id for camera in config.cameras])
    return int(json.loads(log.commit(change.record(_who(*who))).detail)["lock"])


def test_a_lock_keeps_its_footage_through_the_sweeper_while_unlocked_footage_of_the_same_age_goes(
        database, log, config, tmp_path):  # fmt: skip
    root, source = tmp_path / "recordings", source_clip(tmp_path / "clips")
    minute = dt.timedelta(minutes=1)
    old_1 = [_index(database, root, "station-01", OLD_DAY + n * minute, source) for n in range(3)]
    next_day = _index(database, root, "station-01", OLD_DAY + dt.timedelta(days=1), source)
    recent = _index(database, root, "station-01", NOW - dt.timedelta(days=2), source)
    locked, unlocked = (_index(database, root, "station-02", OLD_DAY + n * minute, source) for n in range(2))
    # The lock covers 10 s inside the first segment of station-02: that segment is kept whole.
    lock_id = _lock(log, config, ["station-02"], OLD_DAY + dt.timedelta(seconds=30),
                    OLD_DAY + dt.timedelta(seconds=40), judicial_file="PV GE.12.L1.004321/2026")  # fmt: skip

    report = _sweeper(database, log, config, tmp_path).sweep()

    assert report.findings == [] and report.kept_by_locks == 1
    assert Path(locked.path).exists() and Path(recent.path).exists()
    assert not any(Path(segment.path).exists() for segment in [*old_1, next_day, unlocked])
    assert not (root / "station-01" / "2026" / "10").exists()  # the emptied day, month folders go too
    with database.read() as transaction:
        assert [segment.id for segment in archive.segments(transaction)] == [recent.id, locked.id]
    deleted = _entries(log, "recording deleted")
    assert deleted == [
        ("station-01", {"day": "2026-10-01", "segments": 3, "bytes": sum(s.bytes for s in old_1)}),
        ("station-01", {"day": "2026-10-02", "segments": 1, "bytes": next_day.bytes}),
        ("station-02", {"day": "2026-10-01", "segments": 1, "bytes": unlocked.bytes}),
    ], deleted
    assert {entry.user for entry in log.entries(action="recording deleted")} == {"retention sweeper"}

    # Released by the team chief: the next sweep deletes what the lock kept, in one more entry.
    change = evidence_locks.release(_who("tom.claes", Role.TEAM_CHIEF), Role.TEAM_CHIEF, lock_id, "file closed")
    log.commit(change.record(_who("tom.claes", Role.TEAM_CHIEF)))
    again = _sweeper(database, log, config, tmp_path).sweep()
    assert [(item.camera, item.day, item.count) for item in again.deleted] == [("station-02", "2026-10-01", 1)]
    assert not Path(locked.path).exists()
    assert _sweeper(database, log, config, tmp_path).sweep().deleted == []  # nothing twice
    assert len(_entries(log, "recording deleted")) == 4


def test_only_the_team_chief_or_the_data_protection_officer_releases_a_lock_and_both_are_logged(
        database, log, config):  # fmt: skip
    incident = service.create_incident(service.Draft(Source.PHONE, "theft", 2, "Stationsplein 1"), "intake")
    incident_id = json.loads(log.commit(incident.record(_who("lies.wouters", Role.CALL_TAKER))).detail)["incident"]
    lock_id = _lock(log, config, ["station-01", "station-02"], OLD_DAY, OLD_DAY + dt.timedelta(minutes=10),
                    ("els.jacobs", Role.INVESTIGATOR), incident=incident_id)  # fmt: skip
    for role in (Role.OPERATOR, Role.INVESTIGATOR, Role.CALL_TAKER, Role.ADMINISTRATOR):
        with pytest.raises(LockRefused, match="only the team chief or the data-protection officer releases"):
            evidence_locks.release(_who("someone", role), role, lock_id, "no longer needed")
    with pytest.raises(LockRefused, match="needs a reason"):
        evidence_locks.release(_who("karel.maes", Role.DATA_PROTECTION_OFFICER), Role.DATA_PROTECTION_OFFICER,
                               lock_id, "  ")  # fmt: skip
    dpo = _who("karel.maes", Role.DATA_PROTECTION_OFFICER)
    log.commit(evidence_locks.release(dpo, Role.DATA_PROTECTION_OFFICER, lock_id, "the court ruled").record(dpo))
    with pytest.raises(ChangeRefused, match=f"evidence lock {lock_id} was released already"):
        log.commit(evidence_locks.release(dpo, Role.DATA_PROTECTION_OFFICER, lock_id, "again").record(dpo))
    with pytest.raises(ChangeRefused, match="there is no evidence lock 999"):
        log.commit(evidence_locks.release(dpo, Role.DATA_PROTECTION_OFFICER, 999, "why").record(dpo))
    ((_, placed),) = _entries(log, "evidence lock placed")
    ((_, released),) = _entries(log, "evidence lock released")
    assert placed == {"lock": lock_id, "cameras": ["station-01", "station-02"], "from": "2026-10-01T10:00:00.000000Z",
                      "to": "2026-10-01T10:10:00.000000Z", "incident": incident_id,
                      "reason": "theft at the station: the suspects' route",
                      "unrecorded": ["station-01", "station-02"]}  # fmt: skip
    assert released == {"lock": lock_id, "reason": "the court ruled", "cameras": ["station-01", "station-02"],
                        "from": placed["from"], "to": placed["to"], "incident": incident_id,
                        "placed_by": "els.jacobs", "placed_utc": released["placed_utc"]}  # fmt: skip
    with database.read() as transaction:
        lock = archive.read_lock(transaction, lock_id)
    assert lock is not None and (lock.released_by, lock.released_role) == ("karel.maes", "data-protection officer")


def test_a_lock_is_refused_with_the_rule_it_would_break_and_nothing_is_stored(database, log, config):
    span = checked_span(OLD_DAY, OLD_DAY + dt.timedelta(minutes=5), NOW)
    operator, cameras = _who("an.peeters", Role.OPERATOR), [camera.id for camera in config.cameras]

    def place(role=Role.OPERATOR, **fields):
        request = LockRequest(**{"cameras": ("station-01",), "span": span, "incident": None,
                                 "judicial_file": "PV 4321/2026", "reason": "theft", **fields})  # fmt: skip
        return log.commit(evidence_locks.place(operator, role, request, cameras).record(operator))

    with pytest.raises(NotPermitted, match="the call-taker role may not place an evidence lock"):
        place(Role.CALL_TAKER)
    with pytest.raises(LockRefused, match="one incident or one judicial file"):
        place(incident="2026-0001")
    with pytest.raises(LockRefused, match="one incident or one judicial file"):
        place(judicial_file=None)
    with pytest.raises(LockRefused, match="not an incident number"):
        place(judicial_file=None, incident="twelve")
    with pytest.raises(LockRefused, match="needs a reason"):
        place(reason="")
    with pytest.raises(LockRefused, match="at least one camera"):
        place(cameras=())
    with pytest.raises(ChangeRefused, match="there is no camera or imported device 'station-1' \\(did you mean"):
        place(cameras=("station-1",))
    with pytest.raises(ChangeRefused, match="there is no incident 2026-0099"):
        place(judicial_file=None, incident="2026-0099")
    with pytest.raises(BadTime, match="ends .* before it starts"):
        checked_span(OLD_DAY, OLD_DAY - dt.timedelta(seconds=1), NOW)
    with pytest.raises(BadTime, match="ends in the future"):
        checked_span(OLD_DAY, NOW + dt.timedelta(seconds=1), NOW)
    with pytest.raises(BadTime, match="not in UTC"):
        parse_utc("2026-12-05T10:00:00+01:00")
    with pytest.raises(BadTime, match="is not a time"):
        parse_utc("yesterday")
    with database.read() as transaction:
        assert archive.locks(transaction, held_only=False) == []
    assert list(log.entries()) == []


def test_a_missing_segment_file_is_a_finding_and_its_row_goes(database, log, config, tmp_path):
    source = source_clip(tmp_path / "clips")
    segment = _index(database, tmp_path / "recordings", "station-01", OLD_DAY, source)
    Path(segment.path).unlink()
    report = _sweeper(database, log, config, tmp_path).sweep()
    assert [str(finding) for finding in report.findings] == [
        f"station-01: {segment.path} was missing already; its record is removed"]  # fmt: skip
    assert _entries(log, "recording deleted") == [
        ("station-01", {"day": "2026-10-01", "segments": 1, "bytes": 0, "missing": 1})]  # fmt: skip
    with database.read() as transaction:
        assert archive.segments(transaction) == []


def test_anpr_hits_and_evidence_stills_go_after_their_periods_unless_an_open_incident_or_a_lock_holds_them(
        database, log, config, tmp_path):  # fmt: skip
    old = OLD_DAY + dt.timedelta(hours=2)
    intake = _who("intake", Role.CALL_TAKER)
    incident_id = json.loads(
        log.commit(
            service.create_incident(service.Draft(Source.PHONE, "theft", 2, "Stationsplein 1"), "intake").record(intake)
        ).detail
    )["incident"]
    hit = {"camera": "anpr-01", "plate": "1ABC234", "plate_read": "1ABC234", "country": "B", "confidence": 0.9,
           "direction": "inbound", "list": "stolen vehicle", "list_reason": "stolen", "list_owner": "tests",
           "list_expires": "2099-12-31", "plate_png": b"png", "overview_png": b"png", "revision": 1}  # fmt: skip
    with database.write() as transaction:
        plain = dispatch_rows.insert_hit(transaction, {**hit, "utc": utc_text(old)})
        of_open_incident = dispatch_rows.insert_hit(transaction, {**hit, "utc": utc_text(old), "incident": incident_id})
        under_lock = dispatch_rows.insert_hit(transaction, {**hit, "camera": "anpr-02", "utc": utc_text(old)})
        young = dispatch_rows.insert_hit(transaction, {**hit, "utc": utc_text(NOW - dt.timedelta(days=3))})
    _lock(log, config, ["anpr-02", "station-01"], old - dt.timedelta(minutes=1), old + dt.timedelta(minutes=1),
          judicial_file="PV 77/2026")  # fmt: skip
    day = tmp_path / "evidence" / "2026-10-01"
    day.mkdir(parents=True)
    stills = {}
    for camera, moment in (("station-03", old), ("station-04", old), ("station-01", old)):
        stamp = utc_text(moment).replace("-", "").replace(":", "")
        stills[camera] = day / f"{camera}_{stamp}.png"
        stills[camera].write_bytes(b"\x89PNG" + b"x" * 100)
        stills[camera].with_suffix(".json").write_text("{}", encoding="utf-8")
    snapshot = Snapshot("station-04", utc_text(old), stills["station-04"].name, "ab" * 32)
    log.commit(service.link_camera(incident_id, "station-04", "an.peeters", snapshot).record(intake))

    report = _sweeper(database, log, config, tmp_path, anpr_hit_days=30, evidence_still_days=30).sweep()

    with database.read() as transaction:
        left = {row["id"] for row in dispatch_rows.hits_before(transaction, utc_text(NOW))}
    assert left == {of_open_incident, under_lock, young} and plain not in left
    assert _entries(log, "anpr hits deleted") == [(None, {"day": "2026-10-01", "hits": 1})]
    assert not stills["station-03"].exists() and not stills["station-03"].with_suffix(".json").exists()
    assert stills["station-04"].exists() and stills["station-01"].exists()  # an open incident's; a locked one
    assert _entries(log, "evidence stills deleted") == [(None, {"day": "2026-10-01", "stills": 1, "bytes": 106})]
    assert report.kept_by_locks == 2


def test_the_recorder_sweeps_at_once_then_every_period_and_a_failed_sweep_does_not_end_it(database, log, config,
                                                                                           tmp_path):  # fmt: skip
    """The recorder's thread: the first sweep at its start, the next after the period, a failure logged and retried."""
    segment = _index(database, tmp_path / "recordings", "station-01", OLD_DAY, source_clip(tmp_path / "clips"))
    real = _sweeper(database, log, config, tmp_path)
    stop, reports = threading.Event(), []

    class FailingOnce:
        def sweep(self) -> SweepReport:
            if not reports:
                reports.append(None)
                raise StoreUnavailable("the store is down for a moment")
            reports.append(real.sweep())
            stop.set()
            return reports[-1]

    sweep_every(FailingOnce(), stop, every_s=0.01)  # type: ignore[arg-type]  (returns once stopped)
    assert [report.deleted[0].count for report in reports[1:]] == [1]
    assert not Path(segment.path).exists()


def test_a_rooms_recorder_sweeps_its_own_disk_and_leaves_another_pcs_segments_to_that_pcs_recorder(
        database, log, config, tmp_path):  # fmt: skip
    """Two recorders on two PCs: a segment on the other PC's disk is out of reach here, not missing (its row and the
    file it names must stay, for the recorder that can delete both)."""
    source = source_clip(tmp_path / "clips")
    ours = _index(database, tmp_path / "pc-1" / "recordings", "station-01", OLD_DAY, source)
    theirs = _index(database, tmp_path / "pc-2" / "recordings", "station-02", OLD_DAY, source)
    sweeper = RetentionSweeper(database, log, config, RetentionFile(), tmp_path / "evidence",
                               sweeper_who("pc-1", "recorder-1", "recorder"), clock=lambda: NOW,
                               roots=[tmp_path / "pc-1" / "recordings"])  # fmt: skip
    report = sweeper.sweep()
    assert report.findings == [] and not Path(ours.path).exists() and Path(theirs.path).exists()
    with database.read() as transaction:
        assert [segment.id for segment in archive.segments(transaction)] == [theirs.id]
    assert [camera for camera, _ in _entries(log, "recording deleted")] == ["station-01"]
