"""The law against the alarm code, on both stores: attempts to break it through the services and the command line.

Retention (an alarm's still is a picture of people: it goes after ``alarm_still_days``, the alarm's facts stay,
never while its incident is open); only a role that handles alarms takes, hands back or closes one; every step
is in the log; the detectors' pulls are logged start and stop; no password reaches what the room reads; the roles
without live video get no alarm feed on their desks.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from console.access.permissions import Action, NotPermitted, Role, is_allowed
from console.alarms.config import load_alarm_rules
from console.alarms.model import Alarm, AlarmKind, AlarmState, CameraEvent, EventSource, Outcome
from console.audit.log import AuditLog
from console.cli_events import alarm_json, intakes_text, watch_targets
from console.config.loader import load_camera_config
from console.config.retention import RetentionFile
from console.dispatch import service as dispatch
from console.dispatch.model import IncidentState
from console.event_intake.service import EventsService
from console.paths import REPO_ROOT
from console.services import alarm_desk
from console.services import alarm_queue as queue
from console.services.alarm_queue import AlarmIntake, AlarmReader, Taker
from console.services.retention import RetentionSweeper, sweeper_who
from console.store import alarms as alarm_rows

NOW = dt.datetime(2026, 12, 5, 22, 30, tzinfo=dt.UTC)  # 23:30 in Brussels: the playground's zone is active
OLD = NOW - dt.timedelta(days=40)  # past the default 30 days of an alarm's still
AN = Taker("an.peeters", "An Peeters", "operator", "pc-2")
TOM = Taker("tom.claes", "Tom Claes", "team chief", "pc-1")
STILL = b"\xff\xd8" + b"p" * 98


def _who(taker: Taker) -> dict[str, str]:
    return {"user": taker.user, "role": taker.role, "workstation": taker.workstation}


@pytest.fixture
def config(tmp_path):
    shutil.copytree(REPO_ROOT / "camera_config", tmp_path / "config")
    return load_camera_config(tmp_path / "config")


@pytest.fixture
def clock():
    return {"now": NOW}


@pytest.fixture
def intake(database, log, config, clock):
    return AlarmIntake(database, log, load_alarm_rules(config), "events-1", "pc-1", clock=lambda: clock["now"])


def motion(moment: dt.datetime, camera: str = "park-01") -> CameraEvent:
    utc = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return CameraEvent(camera, AlarmKind.MOTION, True, utc, EventSource.DETECTOR, {"zone": "speeltuin"},
                       still_jpeg=STILL)  # fmt: skip


def _alarm(database, alarm_id: int) -> Alarm:
    return next(alarm for alarm in queue.read_queue(database, recent_closed=100) if alarm.id == alarm_id)


def _close(log: AuditLog, alarm_id: int, outcome: Outcome = Outcome.FALSE_ALARM, when: dt.datetime = OLD) -> None:
    log.commit(queue.close_alarm(alarm_id, outcome, AN, now=when).record(_who(AN)))


def _raise_at(intake, clock, moment: dt.datetime) -> int:
    clock["now"] = moment
    alarm_id = intake.offer(motion(moment))
    assert alarm_id is not None
    return alarm_id


def _sweeper(database, log, config, tmp_path, **retention) -> RetentionSweeper:
    return RetentionSweeper(database, log, config, RetentionFile(**retention), tmp_path / "evidence",
                            sweeper_who("recorder-pc"), clock=lambda: NOW)  # fmt: skip


# -- a) retention of the alarms' stills -------------------------------------------------------------------------------
def test_a_closed_alarms_still_goes_after_its_retention_its_facts_stay_and_an_open_incident_keeps_its_own(
        database, log, config, intake, clock, tmp_path):  # fmt: skip
    closed_old = _raise_at(intake, clock, OLD)
    _close(log, closed_old)
    of_open_incident = _raise_at(intake, clock, OLD + dt.timedelta(minutes=5))
    camera = next(each for each in config.cameras if each.id == "park-01")
    alarm = _alarm(database, of_open_incident)
    made = log.commit(alarm_desk.incident_from_alarm(alarm, alarm_desk.alarm_draft(alarm, camera), AN,
                                                     now=OLD).record(_who(AN)))  # fmt: skip
    incident_id = json.loads(made.detail)["incident"]
    young = _raise_at(intake, clock, NOW - dt.timedelta(days=2))
    _close(log, young, when=NOW - dt.timedelta(days=2))
    still_open = _raise_at(intake, clock, OLD + dt.timedelta(minutes=10))  # never closed: its still stays
    clock["now"] = NOW

    report = _sweeper(database, log, config, tmp_path).sweep()

    reader = AlarmReader(database)
    assert reader.still(closed_old) is None
    assert [reader.still(each) for each in (of_open_incident, still_open, young)] == [STILL] * 3
    kept = _alarm(database, closed_old)  # the facts stay: camera, kind, times, outcome, its steps
    assert (kept.camera, kept.kind, kept.state, kept.outcome) == ("park-01", AlarmKind.MOTION, AlarmState.CLOSED,
                                                                  Outcome.FALSE_ALARM)  # fmt: skip
    assert kept.raised_utc.startswith(OLD.date().isoformat())
    assert [step["kind"] for step in reader.steps(closed_old)] == ["raised", "closed"]
    day = OLD.date().isoformat()
    entries = [json.loads(entry.detail) for entry in log.entries(action="alarm stills deleted")]
    assert entries == [{"day": day, "stills": 1, "bytes": len(STILL)}], entries
    assert [(item.action, item.day, item.count) for item in report.deleted] == [("alarm stills deleted", day, 1)]
    assert any("1 alarm stills deleted" in line for line in report.lines())

    # The incident finished: its alarm's still goes at the next sweep, in one more entry; nothing twice.
    log.commit(dispatch.finish_incident(incident_id, IncidentState.CANCELLED, AN.user, "a cat").record(_who(AN)))
    again = _sweeper(database, log, config, tmp_path).sweep()
    assert [item.count for item in again.deleted] == [1] and reader.still(of_open_incident) is None
    assert _sweeper(database, log, config, tmp_path).sweep().deleted == []
    assert len(list(log.entries(action="alarm stills deleted"))) == 2


def test_the_alarm_still_period_is_configurable_within_the_laws_year_and_check_config_says_it():
    assert RetentionFile().alarm_still_days == 30
    assert "alarm stills 30 days" in RetentionFile().summary()
    assert RetentionFile(alarm_still_days=365).alarm_still_days == 365
    with pytest.raises(ValueError, match="alarm_still_days"):
        RetentionFile(alarm_still_days=366)
    assert "alarm_still_days" in (REPO_ROOT / "camera_config" / "retention.yaml").read_text(encoding="utf-8")


def test_an_alarms_still_filed_as_an_incidents_evidence_goes_with_the_evidence_stills(database, log, config,
                                                                                        tmp_path):  # fmt: skip
    """The desk writes it as ``camera_STAMP_alarm0042.jpg`` (a JPEG as it came): the sweeper must see it too."""
    day = tmp_path / "evidence" / OLD.date().isoformat()
    day.mkdir(parents=True)
    stamp = OLD.strftime("%Y%m%dT%H%M%S.%fZ")
    still = day / f"park-01_{stamp}_alarm0042.jpg"
    still.write_bytes(STILL)
    still.with_suffix(".json").write_text("{}", encoding="utf-8")

    _sweeper(database, log, config, tmp_path, evidence_still_days=30).sweep()

    assert not still.exists() and not still.with_suffix(".json").exists()
    assert [json.loads(entry.detail)["stills"] for entry in log.entries(action="evidence stills deleted")] == [1]


# -- b) who may handle an alarm ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", [Role.CALL_TAKER, Role.DATA_PROTECTION_OFFICER, Role.INVESTIGATOR,
                                  Role.ADMINISTRATOR])  # fmt: skip
def test_a_role_without_the_alarm_right_can_neither_take_nor_release_nor_close_an_alarm_through_the_services(
        database, log, config, intake, role):  # fmt: skip
    alarm_id = intake.offer(motion(NOW))
    assert alarm_id is not None
    intruder = Taker("eva.maes", "Eva Maes", role.value, "pc-9")
    camera = next(each for each in config.cameras if each.id == "park-01")
    alarm = _alarm(database, alarm_id)
    attempts = [
        lambda: queue.take_alarm(alarm_id, intruder),
        lambda: queue.release_alarm(alarm_id, intruder),
        lambda: queue.close_alarm(alarm_id, Outcome.FALSE_ALARM, intruder),
        lambda: alarm_desk.incident_from_alarm(alarm, alarm_desk.alarm_draft(alarm, camera), intruder),
        lambda: alarm_desk.add_to_incident(alarm, "2026-0001", intruder),
    ]
    for attempt in attempts:
        with pytest.raises(NotPermitted, match="may not take and close alarms"):
            log.commit(attempt().record(_who(intruder)))
    assert _alarm(database, alarm_id).state is AlarmState.NEW
    assert [entry.action for entry in log.entries()] == ["alarm raised"]
    # A role the console does not know is no way round it.
    with pytest.raises(NotPermitted):
        queue.take_alarm(alarm_id, Taker("x", "X", "superuser", "pc-9"))


def test_every_alarm_step_is_in_the_log_and_in_the_alarms_own_steps(database, log, config, intake, clock):
    first = intake.offer(motion(NOW))
    assert first is not None
    log.commit(queue.take_alarm(first, AN).record(_who(AN)))
    log.commit(queue.release_alarm(first, AN).record(_who(AN)))
    clock["now"] = NOW + dt.timedelta(hours=1)  # past its time to be taken
    assert intake.escalate_due() == [first]
    log.commit(queue.take_alarm(first, TOM).record(_who(TOM)))
    log.commit(queue.close_alarm(first, Outcome.SEEN_NOTHING, TOM).record(_who(TOM)))
    second = intake.offer(motion(NOW + dt.timedelta(hours=1)))
    assert second is not None
    camera = next(each for each in config.cameras if each.id == "park-01")
    alarm = _alarm(database, second)
    log.commit(alarm_desk.incident_from_alarm(alarm, alarm_desk.alarm_draft(alarm, camera), AN).record(_who(AN)))

    entries = [(entry.action, entry.user, json.loads(entry.detail)) for entry in log.entries()]
    assert [(action, user) for action, user, _ in entries] == [
        ("alarm raised", "events-1"), ("alarm taken", AN.user), ("alarm released", AN.user),
        ("alarm escalated", "events-1"), ("alarm taken", TOM.user), ("alarm closed", TOM.user),
        ("alarm raised", "events-1"), ("incident created", AN.user)]  # fmt: skip
    made = entries[-1][2]
    assert (made["alarm"], made["alarm_outcome"]) == (second, "incident made")
    reader = AlarmReader(database)
    assert [step["kind"] for step in reader.steps(first)] == ["raised", "taken", "released", "escalated", "taken",
                                                              "closed"]  # fmt: skip
    assert [step["kind"] for step in reader.steps(second)] == ["raised", "closed"]
    assert _alarm(database, second).incident == made["incident"]


# -- the events service: pulls logged, no password in what the room reads ----------------------------------------------
class _Pool:
    """A detector pool as the service is given one: says its cameras' state (a raw error, as a careless source
    would) and hands in an event."""

    def __init__(self, targets: list, on_event, on_state, url: str) -> None:
        self.targets, self.on_event, self.on_state, self.url = targets, on_event, on_state, url

    def start(self) -> None:
        for target in self.targets:
            self.on_state(target.camera_id, {"state": "down", "fps": 0.0,
                                             "problem": f"Connection refused: '{self.url}'"})  # fmt: skip

    def stop(self) -> None:
        pass


def test_the_detectors_pulls_are_logged_and_no_cameras_password_reaches_the_room(database, log, config, tmp_path):
    """A camera configured with its credentials in its stream URL: the detectors need them, the room never sees them
    (room status, the events service's row, the log, ``alarms --json``)."""
    secret = "Geheim-9431"
    cameras_yaml = config.folder / "cameras.yaml"
    text = cameras_yaml.read_text(encoding="utf-8")
    cameras_yaml.write_text(text.replace("sub: rtsp://127.0.0.1:8554/park-01-sub",
                                         f"sub: rtsp://admin:{secret}@127.0.0.1:8554/park-01-sub"),
                            encoding="utf-8")  # fmt: skip
    config = load_camera_config(config.folder)
    rules = load_alarm_rules(config)
    targets, _ = watch_targets(config, rules, None, "events-1")
    park = [target for target in targets if target.camera_id == "park-01"]
    assert park, "park-01 is watched by the demo's alarms.yaml"
    park_url = park[0].url
    intake = AlarmIntake(database, log, rules, "events-1", "pc-1", clock=lambda: NOW)

    def audit_pull(camera: str, detail: dict) -> None:
        log.append("events-1", queue.SERVICE_ROLE, "pc-1", "detector pull", camera, detail)

    service = EventsService(database, intake, "events-1", watched=park,
                            pool_factory=lambda targets, on_event, on_state: _Pool(targets, on_event, on_state,
                                                                                   park_url),
                            audit_pull=audit_pull, host="pc-1")  # fmt: skip
    service.start()
    try:
        service.on_event(motion(NOW))
        service.settle()
        with database.read() as transaction:
            intakes = alarm_rows.read_intakes(transaction)
        room_text = "\n".join(intakes_text(intakes))
    finally:
        service.stop()
    pulls = [(entry.camera, json.loads(entry.detail)["pull"]) for entry in log.entries(action="detector pull")]
    assert pulls == [("park-01", "start"), ("park-01", "stop")]
    alarms = queue.read_queue(database)
    listed = json.dumps([alarm_json(alarm, {}) for alarm in alarms])
    logged = json.dumps([(entry.action, entry.detail) for entry in log.entries()])
    assert alarms and "down" in json.dumps(intakes)
    for shown in (room_text, json.dumps(intakes), listed, logged):
        assert secret not in shown and "admin:" not in shown, shown


# -- who sees alarm stills and alarm video -------------------------------------------------------------------------
@pytest.mark.parametrize("role", list(Role))
def test_only_the_roles_with_live_video_get_an_alarm_feed(role: Role):
    """The desk reads the queue (stills, the alarm tile's video) only for a role that both handles alarms and
    watches live (console/ui/desk.py); a call-taker, a DPO, an investigator, an administrator: neither."""
    gets_feed = all(is_allowed(role, action) for action in (Action.HANDLE_ALARMS, Action.VIEW_LIVE))
    assert gets_feed == (role in (Role.OPERATOR, Role.TEAM_CHIEF))


@pytest.mark.parametrize(("language", "words"), [("nl", "de rol calltaker mag niet: alarmen nemen en afsluiten"),
                                                 ("fr", "prendre et clôturer des alarmes")])  # fmt: skip
def test_the_refusal_names_the_rule_in_the_desks_language(qapp, language: str, words: str):
    from console.ui.language import install_language
    from console.ui.words import say

    with pytest.raises(NotPermitted) as refused:
        queue.take_alarm(1, Taker("eva.maes", "Eva Maes", Role.CALL_TAKER.value, "pc-9"))
    assert install_language(language)
    try:
        assert words in say(refused.value)
    finally:
        install_language("en")
