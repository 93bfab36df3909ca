"""The room's alarm queue on both stores: raised once and coalesced, taken by one desk only, closed, escalated."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from console.alarms.config import load_alarm_rules
from console.alarms.model import AlarmKind, AlarmState, CameraEvent, EventSource, Outcome
from console.audit.log import AuditLog, ChangeRefused
from console.config.loader import load_camera_config
from console.paths import REPO_ROOT
from console.services import alarm_queue as queue
from console.services.alarm_queue import AlarmIntake, AlarmReader, Taker

NIGHT = dt.datetime(2026, 12, 5, 22, 30, tzinfo=dt.UTC)  # 23:30 in Brussels: the playground's zone is active
AN = Taker("an.peeters", "An Peeters", "operator", "pc-2")
JAN = Taker("jan.claes", "Jan Claes", "operator", "pc-3")
TOM = Taker("tom.claes", "Tom Claes", "team chief", "pc-1")


@pytest.fixture
def rules(tmp_path):
    shutil.copytree(REPO_ROOT / "camera_config", tmp_path / "config")
    return load_alarm_rules(load_camera_config(tmp_path / "config"))


@pytest.fixture
def clock():
    return {"now": NIGHT}


@pytest.fixture
def intake(database, tmp_path, rules, clock):
    log = AuditLog(database, tmp_path / "audit.key")
    return AlarmIntake(database, log, rules, "events-1", "pc-1", clock=lambda: clock["now"])


def motion(utc: str = "2026-12-05T22:30:00.000000Z") -> CameraEvent:
    return CameraEvent("park-01", AlarmKind.MOTION, True, utc, EventSource.DETECTOR,
                       {"zone": "speeltuin", "area_pct": 3.2}, still_jpeg=b"\xff\xd8still")  # fmt: skip


def test_an_event_raises_one_alarm_and_its_repeats_are_counted_into_it(database, intake):
    first = intake.offer(motion())
    again = intake.offer(motion("2026-12-05T22:30:04.000000Z"))
    assert intake.offer(CameraEvent("park-01", AlarmKind.MOTION, False, "x", EventSource.DETECTOR)) is None
    revision, alarms = AlarmReader(database).queue_if_changed(-1)
    assert first == again and [a.id for a in alarms] == [first]
    alarm = alarms[0]
    assert (alarm.priority, alarm.show, alarm.repeats, alarm.last_utc) == (1, "alarm tile", 1,
                                                                           "2026-12-05T22:30:04.000000Z")  # fmt: skip
    assert AlarmReader(database).still(first) == b"\xff\xd8still"
    assert AlarmReader(database).queue_if_changed(revision) is None
    assert [e.action for e in intake.log.entries()] == ["alarm raised"]


def test_taken_on_one_desk_it_leaves_the_others_list_and_cannot_be_taken_twice(database, intake):
    alarm_id = intake.offer(motion())
    intake.log.commit(queue.take_alarm(alarm_id, AN).record({"user": AN.user, "role": AN.role,
                                                             "workstation": AN.workstation}))  # fmt: skip
    with pytest.raises(ChangeRefused, match="An Peeters has already taken this alarm"):
        intake.log.commit(queue.take_alarm(alarm_id, JAN).record({"user": JAN.user, "role": JAN.role,
                                                                  "workstation": JAN.workstation}))  # fmt: skip
    alarm = queue.read_queue(database)[0]
    assert alarm.state is AlarmState.IN_PROGRESS and alarm.taken_name == "An Peeters"
    assert queue.visible_to(alarm, AN.user, AN.role) and not queue.visible_to(alarm, JAN.user, JAN.role)
    assert queue.visible_to(alarm, TOM.user, TOM.role)
    with pytest.raises(ChangeRefused, match="Name the incident"):
        intake.log.commit(queue.close_alarm(alarm_id, Outcome.INCIDENT_MADE, AN).record({"user": AN.user,
                          "role": AN.role, "workstation": AN.workstation}))  # fmt: skip
    intake.log.commit(queue.close_alarm(alarm_id, Outcome.FALSE_ALARM, AN, note="een kat").record(
        {"user": AN.user, "role": AN.role, "workstation": AN.workstation}))  # fmt: skip
    alarm = queue.read_queue(database)[0]
    assert (alarm.state, alarm.outcome, alarm.note) == (AlarmState.CLOSED, Outcome.FALSE_ALARM, "een kat")
    assert intake.offer(motion("2026-12-05T22:31:00.000000Z")) != alarm_id  # closed: the next event is a new alarm
    steps = [step["kind"] for step in AlarmReader(database).steps(alarm_id)]
    assert steps == ["raised", "taken", "closed"]


def test_an_alarm_not_taken_in_time_is_escalated_once(database, intake, clock):
    alarm_id = intake.offer(motion())
    clock["now"] = NIGHT + dt.timedelta(seconds=59)
    assert intake.escalate_due() == []
    clock["now"] = NIGHT + dt.timedelta(seconds=61)
    assert intake.escalate_due() == [alarm_id]
    assert intake.escalate_due() == []
    assert queue.read_queue(database)[0].is_escalated
    assert [e.action for e in intake.log.entries()] == ["alarm raised", "alarm escalated"]
