"""What a desk does with the room's alarm queue: its list, an alarm in words, an incident made from an alarm.

Qt-free: the desk's alarm panel shows what this says. An alarm is said as an operator says it
('beweging in zone speeltuin', 'sabotage: lens afgedekt', 'Mobbox-deur open'), worded in the
reader's language when shown (the templates are the Domain context's).

An incident made from an alarm is ONE change: the incident created (source camera, the camera's
place, the alarm's still as its snapshot) and the alarm closed 'incident made' naming it, in one
transaction under one audit entry ("incident created", with the alarm in its details): there is
no moment in which the incident exists and the alarm is still open, or the alarm closed without
its incident. The alarm's own steps (``alarm_steps``) hold its closing as for any other outcome.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from console.alarms.model import Alarm, AlarmKind, AlarmState, Outcome, TamperCause, alarm_label
from console.config.schema import Camera
from console.dispatch.model import Snapshot, Source
from console.dispatch.service import Change, Draft, create_incident, link_camera
from console.services.alarm_queue import TEAM_CHIEF_ROLE, Taker, close_alarm, require_handler, visible_to
from console.store.backend import Transaction, utc_moment
from console.wording import QT_TRANSLATE_NOOP, Worded

ALARM_INCIDENT_TYPE = "camera observation"  # a usual type (worded when shown); the operator edits it after

_KINDS: dict[AlarmKind, str] = {
    AlarmKind.MOTION: QT_TRANSLATE_NOOP("Domain", "motion"),
    AlarmKind.TAMPER: QT_TRANSLATE_NOOP("Domain", "tamper"),
    AlarmKind.VIDEO_LOSS: QT_TRANSLATE_NOOP("Domain", "video loss"),
    AlarmKind.FROZEN: QT_TRANSLATE_NOOP("Domain", "frozen picture"),
    AlarmKind.DOOR: QT_TRANSLATE_NOOP("Domain", "Mobbox door open"),
    AlarmKind.BATTERY: QT_TRANSLATE_NOOP("Domain", "Mobbox battery low"),
    AlarmKind.UPLINK: QT_TRANSLATE_NOOP("Domain", "Mobbox uplink lost"),
    AlarmKind.DIGITAL_INPUT: QT_TRANSLATE_NOOP("Domain", "digital input"),
}
_CAUSES: dict[str, str] = {
    TamperCause.COVERED.value: QT_TRANSLATE_NOOP("Domain", "tamper: lens covered"),
    TamperCause.MOVED.value: QT_TRANSLATE_NOOP("Domain", "tamper: picture moved"),
    TamperCause.DEFOCUSED.value: QT_TRANSLATE_NOOP("Domain", "tamper: out of focus"),
}
OUTCOMES: dict[Outcome, str] = {
    Outcome.FALSE_ALARM: QT_TRANSLATE_NOOP("Domain", "false alarm"),
    Outcome.SEEN_NOTHING: QT_TRANSLATE_NOOP("Domain", "seen nothing"),
    Outcome.INCIDENT_MADE: QT_TRANSLATE_NOOP("Domain", "incident made"),
    Outcome.ADDED_TO_INCIDENT: QT_TRANSLATE_NOOP("Domain", "added to incident"),
    Outcome.TECHNICAL: QT_TRANSLATE_NOOP("Domain", "technical fault"),
    Outcome.HANDLED: QT_TRANSLATE_NOOP("Domain", "handled"),
}
STATES: dict[AlarmState, str] = {
    AlarmState.NEW: QT_TRANSLATE_NOOP("Domain", "new"),
    AlarmState.IN_PROGRESS: QT_TRANSLATE_NOOP("Domain", "in progress"),
    AlarmState.CLOSED: QT_TRANSLATE_NOOP("Domain", "closed"),
}


def alarm_what(alarm: Alarm) -> Worded:
    """The alarm's kind as an operator says it, with the facts that matter (the zone, the tamper's cause, a video
    loss's relay down)."""
    detail = alarm.detail or {}
    if alarm.kind is AlarmKind.MOTION and detail.get("zone"):
        return Worded(QT_TRANSLATE_NOOP("Domain", "motion in zone {zone}"), zone=str(detail["zone"]))
    if alarm.kind is AlarmKind.TAMPER and str(detail.get("cause", "")) in _CAUSES:
        return Worded(_CAUSES[str(detail["cause"])])
    if alarm.kind is AlarmKind.BATTERY and detail.get("battery_pct") is not None:
        return Worded(QT_TRANSLATE_NOOP("Domain", "Mobbox battery low ({percent}%)"),
                      percent=round(float(detail["battery_pct"])))  # fmt: skip
    if alarm.kind is AlarmKind.VIDEO_LOSS and detail.get("relay_down"):  # its relay died and none took it in time
        return Worded(QT_TRANSLATE_NOOP("Domain", "video loss (its relay was down)"))
    if alarm.kind is AlarmKind.DIGITAL_INPUT and detail.get("input"):
        return Worded(QT_TRANSLATE_NOOP("Domain", "digital input {input}"), input=str(detail["input"]))
    return Worded(_KINDS[alarm.kind])


def outcome_worded(outcome: Outcome) -> Worded:
    return Worded(OUTCOMES[outcome])


def state_worded(alarm: Alarm) -> Worded:
    """Its state; one in progress says who took it ('genomen door An Peeters')."""
    if alarm.state is AlarmState.IN_PROGRESS:
        return Worded(QT_TRANSLATE_NOOP("Domain", "taken by {name}"), name=alarm.taken_name or alarm.taken_by or "")
    if alarm.state is AlarmState.CLOSED and alarm.outcome is not None:
        return Worded(QT_TRANSLATE_NOOP("Domain", "closed: {outcome}"), outcome=outcome_worded(alarm.outcome))
    return Worded(STATES[alarm.state])


def desk_queue(alarms: Sequence[Alarm], user: str, role: str) -> list[Alarm]:
    """This user's list: what ``visible_to`` lets through, the new ones on top (escalated first for the team chief),
    then by priority, then the longest waiting first (as the incident queue: the oldest P1 is not left at the bottom
    of its group); the ones in progress below."""

    def order(alarm: Alarm) -> tuple:
        escalated_first = 0 if role == TEAM_CHIEF_ROLE and alarm.is_escalated else 1
        return (alarm.state is not AlarmState.NEW, escalated_first, alarm.priority,
                utc_moment(alarm.raised_utc).timestamp(), alarm.id)  # fmt: skip

    return sorted((alarm for alarm in alarms if visible_to(alarm, user, role)), key=order)


def waiting_s(alarm: Alarm, now: dt.datetime) -> float:
    """How long a new alarm has waited to be taken."""
    return max(0.0, (now - utc_moment(alarm.raised_utc)).total_seconds())


def most_urgent(alarms: Sequence[Alarm]) -> Alarm:
    """The one to name first: priority 1 before 2, then the longest waiting (the queue's own order)."""
    return min(alarms, key=lambda alarm: (alarm.priority, utc_moment(alarm.raised_utc).timestamp(), alarm.id))


def is_urgent(alarm: Alarm) -> bool:
    return alarm.priority == 1 or alarm.is_escalated


def alarm_reference(alarm: Alarm) -> str:
    """What names the alarm in a reason and a description: 'alarm 0042'."""
    return f"alarm {alarm_label(alarm.id)}"


def still_snapshot(alarm: Alarm, still_jpeg: bytes, file_name: str) -> Snapshot:
    """The alarm's still as the incident's evidence still: kept as it came (no re-encoding), its hash."""
    return Snapshot(alarm.camera, alarm.event_utc, file_name, hashlib.sha256(still_jpeg).hexdigest())


def live_still_jpeg(bgra_rows: Any, width: int, height: int) -> bytes | None:
    """The desk's live picture of the camera (BGRA rows, as a tile paints them) as a JPEG still (on a worker)."""
    import cv2  # the desk's own decoder's companion; imported where it is used (a desk without alarms never loads it)

    picture = cv2.cvtColor(bgra_rows[:height, : width * 4].reshape(height, width, 4), cv2.COLOR_BGRA2BGR)
    is_encoded, jpeg = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, 90])
    return jpeg.tobytes() if is_encoded else None


def still_file_name(alarm: Alarm) -> str:
    """``camera_YYYYMMDDTHHMMSS.ffffffZ_alarm0042.jpg``, beside the desk's snapshots (evidence/YYYY-MM-DD/)."""
    stamp = utc_moment(alarm.event_utc).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")  # a camera's own offset too
    return f"{alarm.camera}_{stamp}_alarm{alarm_label(alarm.id)}.jpg"


def still_day(alarm: Alarm) -> str:
    """The evidence folder's day of the still (UTC, as the desk's snapshots)."""
    return utc_moment(alarm.event_utc).astimezone(dt.UTC).strftime("%Y-%m-%d")


def alarm_draft(alarm: Alarm, camera: Camera, word: Callable[[Worded], str] = str,
                snapshot: Snapshot | None = None) -> Draft:  # fmt: skip
    """The incident an alarm becomes: from the camera, at the camera's place, its still linked; the description
    names the alarm in the words of the desk that makes it (``word``, English by default), which the operator
    edits."""
    where = camera.location
    description = word(Worded(QT_TRANSLATE_NOOP("Domain", "{alarm}: {what} on {camera}"),
                              alarm=alarm_reference(alarm), what=alarm_what(alarm), camera=camera.name))  # fmt: skip
    if snapshot is None:  # neither the alarm's still nor the desk's live picture: said, not left to be guessed
        description += ". " + word(Worded(QT_TRANSLATE_NOOP("Domain", "No picture was available.")))
    return Draft(Source.CAMERA, ALARM_INCIDENT_TYPE, min(alarm.priority, 3), where.street, camera.area, where.lat,
                 where.lon, description, cameras=(camera.id,),
                 snapshots=(snapshot,) if snapshot is not None else ())  # fmt: skip


def incident_from_alarm(alarm: Alarm, draft: Draft, taker: Taker, note: str = "",
                        now: dt.datetime | None = None) -> Change:  # fmt: skip
    """One change: the incident created and the alarm closed 'incident made' with it, in one transaction.

    Composed of the two changes' effects (``create_incident`` then ``close_alarm`` with the new incident's id);
    if the alarm was taken or closed meanwhile by someone else, the close refuses and the incident is not made
    either (nothing half done). One entry, "incident created", with the alarm and its outcome in its details."""
    require_handler(taker)
    created = create_incident(draft, taker.user, now)

    def effect(transaction: Transaction) -> dict[str, Any]:
        result = created.effect(transaction) or {}
        incident_id = str(result["incident"])
        close_alarm(alarm.id, Outcome.INCIDENT_MADE, taker, note, incident_id, now).effect(transaction)
        return {"incident": incident_id}

    detail = {**created.detail, "alarm": alarm.id, "alarm_outcome": Outcome.INCIDENT_MADE.value}
    if draft.snapshots:
        detail |= {"snapshot": draft.snapshots[0].file, "sha256": draft.snapshots[0].sha256}
    return Change("incident created", detail, effect, alarm.camera)


def add_to_incident(alarm: Alarm, incident_id: str, taker: Taker, note: str = "",
                    now: dt.datetime | None = None) -> Change:  # fmt: skip
    """One change: the alarm closed 'added to incident' and its camera linked to that incident (refused, both,
    when the incident is finished or the alarm was taken meanwhile by someone else)."""
    closing = close_alarm(alarm.id, Outcome.ADDED_TO_INCIDENT, taker, note, incident_id, now)
    linking = link_camera(incident_id, alarm.camera, taker.user)

    def effect(transaction: Transaction) -> None:
        closing.effect(transaction)
        linking.effect(transaction)

    return Change(closing.what, closing.detail, effect, alarm.camera)
