"""The law over recordings in the service layer (domain.md rule 3), on both stores, with an injected clock."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from console.access.permissions import Action, NotPermitted, Role
from console.access.reasons import Category, Kind, Reason, ReasonRequired
from console.access.session import Session
from console.access.users import User
from console.audit.writer import AuditWriter
from console.services.recording_time import BadTime
from console.services.recordings import (
    NOT_RECORDED,
    LogAudit,
    RecordingRefused,
    Recordings,
    WriterAudit,
)
from console.store import archive
from console.store.backend import utc_text

NOW = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)
ADMIN = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "PV 2026/0412")
JUDICIAL = Reason(Kind.JUDICIAL, Category.INVESTIGATOR_REQUEST, "PV 2026/0412")
WITH_DECISION = Reason(Kind.JUDICIAL, Category.INVESTIGATOR_REQUEST, "PV 2026/0412", decision="PK 21.L7.1234/26")
CAMERAS = ("station-01", "station-02")


def _service(database, log, days=30):
    return Recordings(database, LogAudit(log), CAMERAS, clock=lambda: NOW, admin_days=days)


def _session(role=Role.INVESTIGATOR, reason=None):
    return Session(User("els.jacobs", "Els Jacobs", role, "-"), "ws-07", reason=reason)


def _days_ago(days, minutes=10):
    start = NOW - dt.timedelta(days=days)
    return start, start + dt.timedelta(minutes=minutes)


def test_an_administrative_playback_of_31_day_old_footage_is_refused_naming_the_rule(database, log):
    service = _service(database, log)
    with pytest.raises(RecordingRefused) as refused:
        service.start_playback(_session(), ADMIN, ["station-01"], *_days_ago(31))
    assert "administrative police may consult recordings only during their first 30 days" in str(refused.value)
    assert "decision" in str(refused.value)
    assert list(log.entries(action="playback start")) == []


def test_an_administrative_export_of_31_day_old_footage_is_refused_too(database, log):
    with pytest.raises(RecordingRefused, match="only during their first 30 days"):
        _service(database, log).decide(_session(), Action.EXPORT_RECORDINGS, ADMIN, ["station-01"], *_days_ago(31))


def test_younger_footage_plays_under_an_administrative_reason_and_start_and_stop_are_logged(database, log):
    service = _service(database, log)
    start, end = _days_ago(29)
    grant = service.start_playback(_session(), ADMIN, list(CAMERAS), start, end)
    service.stop_playback(grant)
    starts = list(log.entries(action="playback start"))
    stops = list(log.entries(action="playback stop"))
    assert [entry.camera for entry in starts] == list(CAMERAS) == [entry.camera for entry in stops]
    detail = json.loads(starts[0].detail)
    assert detail["from"] == "2026-11-06T10:00:00.000Z" and detail["to"] == "2026-11-06T10:10:00.000Z"
    assert detail["cameras"] == list(CAMERAS) and detail["grant"] == grant.id
    assert json.loads(starts[0].reason)["reference"] == "PV 2026/0412"
    assert (starts[0].user, starts[0].role, starts[0].workstation) == ("els.jacobs", "investigator", "ws-07")
    assert json.loads(stops[0].detail)["grant"] == grant.id


def test_a_judicial_playback_with_the_decision_reference_is_allowed_and_the_reference_stored(database, log):
    service = _service(database, log)
    grant = service.start_playback(_session(), WITH_DECISION, ["station-01"], *_days_ago(31))
    entry = next(log.entries(action="playback start"))
    assert json.loads(entry.detail)["decision"] == "PK 21.L7.1234/26"
    assert json.loads(entry.reason)["decision"] == "PK 21.L7.1234/26"
    assert grant.age_days == pytest.approx(31)


def test_a_judicial_playback_without_the_decision_reference_is_refused(database, log):
    with pytest.raises(RecordingRefused, match="only with the reference of the prosecutor's or investigating judge"):
        _service(database, log).start_playback(_session(), JUDICIAL, ["station-01"], *_days_ago(31))


def test_a_lower_configured_window_is_kept_and_a_longer_one_refused(database, log):
    with pytest.raises(RecordingRefused, match="at most 30 days"):
        _service(database, log, days=31)
    service = _service(database, log, days=7)
    with pytest.raises(RecordingRefused, match="first 7 days"):
        service.start_playback(_session(), ADMIN, ["station-01"], *_days_ago(8))
    service.start_playback(_session(), ADMIN, ["station-01"], *_days_ago(6))


def test_a_locked_desk_a_role_without_the_right_and_no_reason_are_refused(database, log):
    service = _service(database, log)
    span = _days_ago(1)
    locked = _session(reason=ADMIN)
    locked.is_locked = True
    with pytest.raises(RecordingRefused, match="locked"):
        service.start_playback(locked, None, ["station-01"], *span)
    with pytest.raises(NotPermitted, match="the call-taker role may not play back recordings"):
        service.start_playback(_session(Role.CALL_TAKER), ADMIN, ["station-01"], *span)
    with pytest.raises(NotPermitted, match="may not export recordings"):
        service.decide(_session(Role.DATA_PROTECTION_OFFICER), Action.EXPORT_RECORDINGS, ADMIN, ["station-01"], *span)
    with pytest.raises(ReasonRequired, match="first give a reason"):
        service.start_playback(_session(), None, ["station-01"], *span)
    assert list(log.entries(action="playback start")) == []
    service.start_playback(_session(reason=ADMIN), None, ["station-01"], *span)  # the session's reason covers it


def test_reversed_future_and_unknown_spans_and_cameras_are_refused(database, log):
    service = _service(database, log)
    start, end = _days_ago(1)
    with pytest.raises(BadTime, match="before it starts"):
        service.start_playback(_session(), ADMIN, ["station-01"], end, start)
    with pytest.raises(BadTime, match="in the future"):
        service.start_playback(_session(), ADMIN, ["station-01"], start, NOW + dt.timedelta(minutes=1))
    with pytest.raises(RecordingRefused, match="no camera or device 'station-99'"):
        service.start_playback(_session(), ADMIN, ["station-99"], start, end)


def test_a_decision_reference_belongs_to_a_judicial_reason_only():
    with pytest.raises(ReasonRequired, match="judicial reason only"):
        Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "PV 1", decision="PK 1")
    assert Reason.from_record(WITH_DECISION.as_record()) == WITH_DECISION
    assert "decision" not in ADMIN.as_record()  # earlier entries keep their shape


def test_the_timeline_shows_spans_gaps_with_their_cause_and_locks_and_needs_the_role(database, log):
    def at(minute):
        return utc_text(NOW - dt.timedelta(hours=1) + dt.timedelta(minutes=minute))

    with database.write() as transaction:
        for index, (start, end) in enumerate(((0, 1), (1, 2), (5, 6), (9, 10))):
            segment = archive.SegmentRecord(0, "station-01", at(start), at(end), f"/r/{index}.ts", 10, "h264",
                                            "ab" * 32, "rec-1")  # fmt: skip
            archive.add_segment(transaction, segment)
        archive.add_gap(transaction, "station-01", at(2), at(5), "camera down", "rec-1")
        archive.place_lock(transaction, ["station-01"], at(0), at(3), "2026-0012", None, "theft", "an.peeters",
                           "operator", at(20))  # fmt: skip
    service = _service(database, log)
    (timeline,) = service.timeline(_session(), ["station-01"], NOW - dt.timedelta(hours=1), NOW)
    assert [(span.start_utc.minute, span.end_utc.minute) for span in timeline.spans] == [(0, 2), (5, 6), (9, 10)]
    assert [(gap.start_utc.minute, gap.cause) for gap in timeline.gaps] == [
        (2, "camera down"), (6, NOT_RECORDED), (10, NOT_RECORDED)]  # fmt: skip
    assert [lock.incident for lock in timeline.locks] == ["2026-0012"]
    with pytest.raises(NotPermitted):
        service.timeline(_session(Role.ADMINISTRATOR), ["station-01"])
    assert list(log.entries()) == []  # seeing what exists is not logged


def test_through_a_desks_audit_writer_the_start_is_durable_on_return_and_the_stop_kept_as_a_fact(database, log):
    writer = AuditWriter(log)
    try:
        service = Recordings(database, WriterAudit(writer), CAMERAS, clock=lambda: NOW)
        grant = service.start_playback(_session(), ADMIN, ["station-01"], *_days_ago(2))
        assert [json.loads(entry.detail)["grant"] for entry in log.entries(action="playback start")] == [grant.id]
        service.stop_playback(grant)
        assert writer.flush()
    finally:
        writer.close()
    (stop,) = log.entries(action="playback stop")
    assert json.loads(stop.detail)["stopped"] == "2026-12-05T10:00:00.000Z"


def test_a_reason_naming_an_incident_finished_in_the_records_covers_no_playback(database, log):
    """Another desk closed the incident a moment ago: the start is refused in its own transaction, nothing logged."""
    from console.dispatch import service as dispatch
    from console.dispatch.model import IncidentState, Source
    from console.dispatch.service import IncidentFinished

    who = {"user": "lies.wouters", "role": "call-taker", "workstation": "ws-02"}
    created = log.commit(dispatch.create_incident(dispatch.Draft(Source.PHONE, "theft", 2, "Stationsplein"),
                                                  "lies.wouters").record(who))  # fmt: skip
    incident = json.loads(created.detail)["incident"]
    under_incident = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, incident)
    service = _service(database, log)
    service.stop_playback(service.start_playback(_session(), under_incident, ["station-01"], *_days_ago(1)))
    log.commit(dispatch.finish_incident(incident, IncidentState.CANCELLED, "lies.wouters").record(who))
    with pytest.raises(IncidentFinished, match="cancelled: its reason covers no new viewing"):
        service.start_playback(_session(), under_incident, ["station-01"], *_days_ago(1))
    assert len(list(log.entries(action="playback start"))) == 1
