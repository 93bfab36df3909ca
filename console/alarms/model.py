"""Alarms: what a camera (or the console's own detectors) says happened, and the room's one queue of them.

A camera event is a fact from one source (a camera's ONVIF event, a detector of the events
service, the video watchdog): a kind, active or not, the camera's own message kept as it came.
An alarm is what the room handles: raised from an active event that a rule of ``alarms.yaml``
lets through, it is new until one operator takes it (it then leaves the others' lists, showing
who took it), in progress until closed with an outcome; one not taken in time is escalated to
the team chief. Every step is an audit entry; the rules are here, pure, and the services apply
them inside the transaction that writes the step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from console.wording import QT_TRANSLATE_NOOP, WordedError


class AlarmKind(Enum):
    """What happened; stable English values (stored, in alarms.yaml, in exports), worded when shown."""

    MOTION = "motion"  # motion in a zone (the console's detector) or the camera's own motion detection
    TAMPER = "tamper"  # lens covered, picture moved away from its reference, out of focus (detail 'cause')
    VIDEO_LOSS = "video loss"  # no picture (the watchdog, or the camera's own event)
    FROZEN = "frozen picture"  # pictures keep coming but do not change (the watchdog)
    DOOR = "door"  # a Mobbox's door (digital input) opened
    BATTERY = "battery"  # a Mobbox's battery low
    UPLINK = "uplink"  # a Mobbox's cellular uplink lost or degraded
    DIGITAL_INPUT = "digital input"  # any other input the camera reports


class TamperCause(Enum):
    COVERED = "covered"
    MOVED = "moved"
    DEFOCUSED = "out of focus"


class EventSource(Enum):
    ONVIF = "onvif"  # the camera's own event, by PullPoint subscription
    DETECTOR = "detector"  # the events service's OpenCV detectors on the sub-stream
    WATCHDOG = "watchdog"  # the stream's watchdog: no picture, frozen picture


@dataclass(frozen=True)
class CameraEvent:
    """One event of one camera, as the events service hands it to the queue.

    ``detail`` holds facts the console wrote (``cause``, ``zone``, ``area_pct``, ``battery_pct``,
    ``input``...); ``message`` the camera's own message as it came (ONVIF topic, source and data
    items), never interpreted further; both are JSON-able. ``active`` False ends a state (the door
    closed again, the picture came back): it raises nothing but is kept for the camera's health.
    """

    camera: str
    kind: AlarmKind
    active: bool
    utc: str  # ISO 8601 UTC, when the camera (or detector) saw it
    source: EventSource
    detail: dict[str, Any] = field(default_factory=dict)
    message: dict[str, Any] = field(default_factory=dict)
    still_jpeg: bytes | None = None  # the picture at the event, when the source has one (a detector's frame)


class AlarmState(Enum):
    NEW = "new"
    IN_PROGRESS = "in progress"
    CLOSED = "closed"


class Outcome(Enum):
    """How an alarm was closed (stable English values, worded when shown)."""

    FALSE_ALARM = "false alarm"  # rain, leaves, a spider on the lens, a cat
    SEEN_NOTHING = "seen nothing"  # looked, live and before the alarm: nothing to act on
    INCIDENT_MADE = "incident made"  # an incident was created from the alarm (linked)
    ADDED_TO_INCIDENT = "added to incident"  # linked to an incident already open
    TECHNICAL = "technical fault"  # a camera or Mobbox fault: for maintenance, not for a unit
    HANDLED = "handled"  # acted on without an incident (a unit passing by, a call made)


OUTCOMES_NEEDING_INCIDENT = frozenset({Outcome.INCIDENT_MADE, Outcome.ADDED_TO_INCIDENT})


class Recipient(Enum):
    """Whose list an alarm lands on first (``to:`` of a rule)."""

    OPERATORS = "operators"
    TEAM_CHIEF = "team chief"


class AlarmRefused(WordedError):
    """An alarm step the rules refuse (taken by someone else already, closed, no outcome): says why."""


def check_take(state: AlarmState, taken_by: str | None, user: str) -> None:
    """Only a new alarm is taken; one in progress belongs to whoever took it (the team chief may take it over)."""
    if state is AlarmState.CLOSED:
        raise AlarmRefused(QT_TRANSLATE_NOOP("Domain", "This alarm is already closed."))
    if state is AlarmState.IN_PROGRESS and taken_by != user:
        raise AlarmRefused(QT_TRANSLATE_NOOP("Domain", "{user} has already taken this alarm."), user=taken_by or "")


def check_close(state: AlarmState, outcome: Outcome, incident: str | None) -> None:
    if state is AlarmState.CLOSED:
        raise AlarmRefused(QT_TRANSLATE_NOOP("Domain", "This alarm is already closed."))
    if outcome in OUTCOMES_NEEDING_INCIDENT and not incident:
        raise AlarmRefused(QT_TRANSLATE_NOOP("Domain", "Name the incident this alarm belongs to."))


def alarm_label(alarm_id: int) -> str:
    """An alarm as operators say it and as the reason of its view names it: 'alarm 0042' (the number only)."""
    return f"{alarm_id:04d}"


ALARM_REASON_PREFIX = "alarm"  # the reason of a view an alarm brought: "alarm 0042"


@dataclass(frozen=True)
class Alarm:
    """One alarm of the room's queue as a desk shows it (the still is read apart, when it is looked at)."""

    id: int
    camera: str
    kind: AlarmKind
    source: EventSource
    detail: dict[str, Any]
    message: dict[str, Any]
    priority: int
    recipient: Recipient
    rule: str
    show: str  # none | alarm tile | window N
    event_utc: str
    raised_utc: str
    last_utc: str
    repeats: int
    state: AlarmState
    taken_by: str | None
    taken_name: str | None
    taken_role: str | None
    taken_workstation: str | None
    taken_utc: str | None
    escalate_after_s: float
    escalated_utc: str | None
    closed_by: str | None
    closed_utc: str | None
    outcome: Outcome | None
    note: str
    incident: str | None
    revision: int

    @property
    def label(self) -> str:
        return alarm_label(self.id)

    @property
    def is_open(self) -> bool:
        return self.state is not AlarmState.CLOSED

    @property
    def is_escalated(self) -> bool:
        return self.escalated_utc is not None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Alarm:
        values = dict(row)
        values["kind"] = AlarmKind(values["kind"])
        values["source"] = EventSource(values["source"])
        values["recipient"] = Recipient(values["recipient"])
        values["state"] = AlarmState(values["state"])
        values["outcome"] = Outcome(values["outcome"]) if values["outcome"] else None
        values["escalate_after_s"] = float(values["escalate_after_s"])
        return cls(**values)
