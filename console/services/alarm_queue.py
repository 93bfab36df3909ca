"""The room's alarm queue: events in (the events service), steps by the desks, escalation, what a desk reads.

Every step is a :class:`~console.dispatch.service.Change`: an audit entry and the function that
checks the alarm as it is now and writes the step, in one transaction (the desk hands it to its
audit writer, the command line and the events service commit it). So two desks taking the same
alarm at once cannot both succeed, and no step exists that the log does not hold.

An event of a camera and kind whose alarm is still open is coalesced into that alarm (its count
and newest time move, no new entry): a camera that floods cannot flood the queue or the log.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.access.permissions import Action, NotPermitted, Role, require
from console.alarms.config import AlarmRules, Routing
from console.alarms.model import (
    Alarm,
    AlarmRefused,
    AlarmState,
    CameraEvent,
    Outcome,
    Recipient,
    alarm_label,
    check_close,
    check_take,
)
from console.audit.log import AuditLog, ChangeRefused, utc_text
from console.dispatch.service import Change
from console.store import alarms as rows
from console.store.backend import Database, Transaction, utc_moment
from console.wording import QT_TRANSLATE_NOOP

SERVICE_ROLE = "service"  # the events service's entries: who = its name, role = service
TEAM_CHIEF_ROLE = "team chief"


class AlarmGone(AlarmRefused):
    pass


class Coalesced(ChangeRefused):
    """The event joined an open alarm of its camera and kind: no new alarm, no entry (the count moved)."""

    def __init__(self, alarm_id: int) -> None:
        super().__init__("coalesced into alarm {alarm}", alarm=alarm_id)
        self.alarm_id = alarm_id


def _row(transaction: Transaction, alarm_id: int) -> dict[str, Any]:
    row = rows.alarm_row(transaction, alarm_id)
    if row is None:
        raise AlarmGone(QT_TRANSLATE_NOOP("Domain", "Alarm {alarm} does not exist."), alarm=alarm_label(alarm_id))
    return row


def _refused(error: AlarmRefused) -> ChangeRefused:
    """A rule's refusal as the change's refusal (same words), so the audit log writes neither."""
    return ChangeRefused(error.worded.template, **error.worded.values)


def raise_alarm(event: CameraEvent, routing: Routing, now: dt.datetime, coalesce: bool = True) -> Change:
    """A new alarm from an active event (``routing.recipient`` not None); Coalesced when one is open already."""
    assert routing.recipient is not None and event.active
    recipient = routing.recipient.value

    def effect(transaction: Transaction) -> dict:
        if coalesce and (open_row := rows.open_alarm_for(transaction, event.camera, event.kind.value)) is not None:
            raise Coalesced(int(open_row["id"]))
        revision = rows.next_revision(transaction)
        utc = utc_text(now)
        alarm_id = rows.insert_alarm(transaction, {
            "camera": event.camera, "kind": event.kind.value, "source": event.source.value, "detail": event.detail,
            "message": event.message, "priority": routing.priority, "recipient": recipient,
            "rule": routing.rule, "show": routing.show, "event_utc": event.utc, "raised_utc": utc,
            "last_utc": event.utc,
            "repeats": 0, "state": AlarmState.NEW.value, "escalate_after_s": routing.escalate_after_s,
            "still_jpeg": event.still_jpeg, "revision": revision})  # fmt: skip
        rows.add_step(transaction, alarm_id, utc, "", "raised", {"priority": routing.priority, "rule": routing.rule})
        return {"alarm": alarm_id}

    detail = {"kind": event.kind.value, "source": event.source.value, "priority": routing.priority,
              "to": recipient, "rule": routing.rule, "event_utc": event.utc, **event.detail}  # fmt: skip
    return Change("alarm raised", detail, effect, event.camera)


def note_repeat(database: Database, alarm_id: int, event_utc: str) -> None:
    """A repeat of an open alarm's event: its count and newest time (no entry: the alarm's raising is logged)."""
    with database.write(quiet=True) as transaction:
        row = rows.alarm_row(transaction, alarm_id)
        if row is None or row["state"] == AlarmState.CLOSED.value:
            return
        revision = rows.next_revision(transaction)
        changes = {
            "repeats": int(row["repeats"]) + 1,
            "last_utc": max(event_utc, row["last_utc"]),
            "revision": revision,
        }
        rows.update_alarm(transaction, alarm_id, changes)


@dataclass(frozen=True)
class Taker:
    """Who takes or closes an alarm: the signed-in user at a desk."""

    user: str
    name: str  # shown to the others: "An Peeters"
    role: str  # Role's value
    workstation: str


def require_handler(taker: Taker) -> None:
    """Only a role that handles alarms (operator, team chief) takes, hands back or closes one: the rule holds in
    the service, whatever calls it (a desk, the command line, a script); NotPermitted names the rule."""
    try:
        role = Role(taker.role)
    except ValueError:
        raise NotPermitted(QT_TRANSLATE_NOOP("Domain", "the {role} role may not {action}"), role=taker.role,
                           action=Action.HANDLE_ALARMS) from None  # fmt: skip
    require(role, Action.HANDLE_ALARMS)


def take_alarm(alarm_id: int, taker: Taker, now: dt.datetime | None = None) -> Change:
    """The alarm is this operator's: it leaves the others' lists, showing who took it (the team chief may take
    over one in progress)."""
    require_handler(taker)

    def effect(transaction: Transaction) -> dict:
        row = _row(transaction, alarm_id)
        state = AlarmState(row["state"])
        taken_over = state is AlarmState.IN_PROGRESS and row["taken_by"] != taker.user
        if not (taken_over and taker.role == TEAM_CHIEF_ROLE):
            try:
                check_take(state, row["taken_name"] or row["taken_by"], taker.user)
            except AlarmRefused as error:
                raise _refused(error) from None
        utc = utc_text(now)
        revision = rows.next_revision(transaction)
        changed = rows.update_alarm(transaction, alarm_id, {
            "state": AlarmState.IN_PROGRESS.value, "taken_by": taker.user, "taken_name": taker.name,
            "taken_role": taker.role, "taken_workstation": taker.workstation, "taken_utc": utc,
            "revision": revision}, expected_revision=int(row["revision"]))  # fmt: skip
        if not changed:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "Someone changed this alarm meanwhile: look again."))
        facts = {"workstation": taker.workstation, "from": row["taken_by"]} if taken_over else {}
        rows.add_step(transaction, alarm_id, utc, taker.user, "taken", facts)
        return {"taken_over_from": row["taken_by"]} if taken_over else {}

    return Change("alarm taken", {"alarm": alarm_id}, effect)


def release_alarm(alarm_id: int, by: Taker, now: dt.datetime | None = None) -> Change:
    """Handed back: new again, on every list (only the one who took it, or the team chief)."""
    require_handler(by)

    def effect(transaction: Transaction) -> None:
        row = _row(transaction, alarm_id)
        if row["state"] != AlarmState.IN_PROGRESS.value:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "Only an alarm in progress can be handed back."))
        if row["taken_by"] != by.user and by.role != TEAM_CHIEF_ROLE:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "{user} has already taken this alarm."),
                                user=row["taken_name"] or row["taken_by"])  # fmt: skip
        utc = utc_text(now)
        revision = rows.next_revision(transaction)
        rows.update_alarm(transaction, alarm_id, {
            "state": AlarmState.NEW.value, "taken_by": None, "taken_name": None, "taken_role": None,
            "taken_workstation": None, "taken_utc": None, "revision": revision})  # fmt: skip
        rows.add_step(transaction, alarm_id, utc, by.user, "released", {})

    return Change("alarm released", {"alarm": alarm_id}, effect)


def close_alarm(alarm_id: int, outcome: Outcome, by: Taker, note: str = "", incident: str | None = None,
                now: dt.datetime | None = None) -> Change:  # fmt: skip
    """Closed with its outcome (an incident named for 'incident made' and 'added to incident'). A new alarm is
    taken and closed at once; one in progress only by who took it, or the team chief."""
    require_handler(by)

    def effect(transaction: Transaction) -> None:
        row = _row(transaction, alarm_id)
        state = AlarmState(row["state"])
        try:
            check_close(state, outcome, incident)
            if state is AlarmState.IN_PROGRESS and row["taken_by"] != by.user and by.role != TEAM_CHIEF_ROLE:
                check_take(state, row["taken_name"] or row["taken_by"], by.user)
        except AlarmRefused as error:
            raise _refused(error) from None
        utc = utc_text(now)
        revision = rows.next_revision(transaction)
        changes: dict[str, Any] = {"state": AlarmState.CLOSED.value, "closed_by": by.user, "closed_utc": utc,
                                   "outcome": outcome.value, "note": note.strip(), "incident": incident,
                                   "revision": revision}  # fmt: skip
        if state is AlarmState.NEW:
            changes |= {"taken_by": by.user, "taken_name": by.name, "taken_role": by.role,
                        "taken_workstation": by.workstation, "taken_utc": utc}  # fmt: skip
        if not rows.update_alarm(transaction, alarm_id, changes, expected_revision=int(row["revision"])):
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "Someone changed this alarm meanwhile: look again."))
        rows.add_step(transaction, alarm_id, utc, by.user, "closed", {"outcome": outcome.value, "incident": incident})

    detail: dict[str, Any] = {"alarm": alarm_id, "outcome": outcome.value}
    if incident:
        detail["incident"] = incident
    if note.strip():
        detail["note"] = note.strip()
    return Change("alarm closed", detail, effect)


def escalate_alarm(alarm_id: int, now: dt.datetime) -> Change:
    """Not taken within its time: the team chief hears of it (once); it stays on the operators' lists."""

    def effect(transaction: Transaction) -> None:
        row = _row(transaction, alarm_id)
        if row["state"] != AlarmState.NEW.value or row["escalated_utc"] is not None:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "This alarm was taken or escalated meanwhile."))
        utc = utc_text(now)
        revision = rows.next_revision(transaction)
        rows.update_alarm(transaction, alarm_id, {"escalated_utc": utc, "revision": revision},
                          expected_revision=int(row["revision"]))  # fmt: skip
        rows.add_step(transaction, alarm_id, utc, "", "escalated", {"after_s": row["escalate_after_s"]})

    return Change("alarm escalated", {"alarm": alarm_id, "to": Recipient.TEAM_CHIEF.value}, effect)


def due_for_escalation(alarms: list[Alarm], now: dt.datetime) -> list[Alarm]:
    """New alarms not yet escalated whose time to be taken has passed."""
    return [alarm for alarm in alarms if alarm.state is AlarmState.NEW and alarm.escalated_utc is None
            and (now - utc_moment(alarm.raised_utc)).total_seconds() >= alarm.escalate_after_s]  # fmt: skip


class AlarmIntake:
    """The events service's side of the queue: an event routed by the rules, raised, coalesced or ignored."""

    def __init__(self, database: Database, log: AuditLog, rules: AlarmRules, name: str, workstation: str,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:  # fmt: skip
        self.database = database
        self.log = log
        self.rules = rules
        self.who = {"user": name, "role": SERVICE_ROLE, "workstation": workstation}
        self.clock = clock

    def offer(self, event: CameraEvent) -> int | None:
        """The alarm this event raised or joined; None when no rule lets it call (or it ended a state)."""
        if not event.active:
            return None
        now = self.clock()
        routing = self.rules.route(event.camera, event.kind, now.astimezone())
        if routing.recipient is None:
            return None
        try:
            entry = self.log.commit(raise_alarm(event, routing, now).record(self.who))
        except Coalesced as joined:
            note_repeat(self.database, joined.alarm_id, event.utc)
            return joined.alarm_id
        return int(json_detail(entry.detail)["alarm"])

    def escalate_due(self) -> list[int]:
        """Escalate every alarm past its time (the events service calls this every second or so)."""
        now = self.clock()
        escalated = []
        for alarm in due_for_escalation(read_queue(self.database), now):
            try:
                self.log.commit(escalate_alarm(alarm.id, now).record(self.who))
            except ChangeRefused:
                continue  # taken meanwhile
            escalated.append(alarm.id)
        return escalated


def json_detail(detail: str) -> dict[str, Any]:
    return dict(json.loads(detail))


def read_queue(database: Database, recent_closed: int = 30) -> list[Alarm]:
    with database.read() as transaction:
        return [Alarm.from_row(row) for row in rows.alarm_rows(transaction, recent_closed)]


class AlarmReader:
    """What a desk reads of the queue (a worker's calls): the alarms when they changed, an alarm's still, steps."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def queue_if_changed(self, last_revision: int, recent_closed: int = 30) -> tuple[int, list[Alarm]] | None:
        """The queue and its revision in one reading, or None while the revision has not moved (one integer)."""
        with self.database.read() as transaction:
            revision = rows.revision(transaction)
            if revision == last_revision:
                return None
            return revision, [Alarm.from_row(row) for row in rows.alarm_rows(transaction, recent_closed)]

    def still(self, alarm_id: int) -> bytes | None:
        with self.database.read() as transaction:
            return rows.alarm_still(transaction, alarm_id)

    def steps(self, alarm_id: int) -> list[dict[str, Any]]:
        with self.database.read() as transaction:
            return rows.steps(transaction, alarm_id)

    @property
    def has_change_notices(self) -> bool:
        return self.database.has_change_notices

    def wait_for_change(self, timeout_s: float) -> bool:
        return self.database.wait_for_change(timeout_s)


def visible_to(alarm: Alarm, user: str, role: str) -> bool:
    """On this user's list? New alarms for their recipients (escalated ones for the team chief too); one in
    progress only for who took it (the others see it taken, greyed, by whom) and the team chief."""
    if alarm.state is AlarmState.CLOSED:
        return False
    if alarm.state is AlarmState.IN_PROGRESS:
        return alarm.taken_by == user or role == TEAM_CHIEF_ROLE
    if role == TEAM_CHIEF_ROLE:
        return True
    return alarm.recipient is Recipient.OPERATORS
