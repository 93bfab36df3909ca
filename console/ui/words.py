"""The room's words in the user's language: domain values (states, kinds, roles) and what the domain says.

The domain packages are Qt-free and speak English templates (``console.wording``); this is where
they become Dutch or French. One table per kind of word, so every screen says a state the same way
(``resources/i18n/glossary.md`` lists the choices).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from console.access.permissions import Action, Role
from console.access.reasons import Category, Kind, Reason
from console.alarms.model import AlarmKind, Outcome, Recipient
from console.dispatch.model import INCIDENT_TYPES, IncidentState, IncidentType, Source, UnitKind, UnitState
from console.dispatch.timeline import Percent
from console.ptz.lease import Priority
from console.services.alarm_desk import outcome_worded
from console.services.room_faults import relay_name
from console.video.stream import StreamState
from console.wording import DOMAIN, Worded, WordedError, fill, from_record

CONTEXT = "Words"

_WORDS: dict[Enum, str] = {
    Kind.ADMINISTRATIVE: QT_TRANSLATE_NOOP("Words", "administrative police"),
    Kind.JUDICIAL: QT_TRANSLATE_NOOP("Words", "judicial police"),
    Category.VIRTUAL_PATROL: QT_TRANSLATE_NOOP("Words", "virtual patrol"),
    Category.INCIDENT: QT_TRANSLATE_NOOP("Words", "incident"),
    Category.ANPR_HIT: QT_TRANSLATE_NOOP("Words", "ANPR hit"),
    Category.INVESTIGATOR_REQUEST: QT_TRANSLATE_NOOP("Words", "request from an investigator"),
    Category.OTHER: QT_TRANSLATE_NOOP("Words", "other"),
    Category.ALARM: QT_TRANSLATE_NOOP("Words", "alarm"),
    AlarmKind.MOTION: QT_TRANSLATE_NOOP("Words", "motion"),
    AlarmKind.TAMPER: QT_TRANSLATE_NOOP("Words", "tamper"),
    AlarmKind.VIDEO_LOSS: QT_TRANSLATE_NOOP("Words", "video loss"),
    AlarmKind.FROZEN: QT_TRANSLATE_NOOP("Words", "frozen picture"),
    AlarmKind.DOOR: QT_TRANSLATE_NOOP("Words", "door"),
    AlarmKind.BATTERY: QT_TRANSLATE_NOOP("Words", "battery"),
    AlarmKind.UPLINK: QT_TRANSLATE_NOOP("Words", "uplink"),
    AlarmKind.DIGITAL_INPUT: QT_TRANSLATE_NOOP("Words", "digital input"),
    Role.OPERATOR: QT_TRANSLATE_NOOP("Words", "operator"),
    Role.TEAM_CHIEF: QT_TRANSLATE_NOOP("Words", "team chief"),
    Role.CALL_TAKER: QT_TRANSLATE_NOOP("Words", "call-taker"),
    Role.DATA_PROTECTION_OFFICER: QT_TRANSLATE_NOOP("Words", "data-protection officer"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Words", "administrator"),
    Role.INVESTIGATOR: QT_TRANSLATE_NOOP("Words", "investigator"),
    Action.VIEW_LIVE: QT_TRANSLATE_NOOP("Words", "view live video"),
    Action.RUN_TOUR: QT_TRANSLATE_NOOP("Words", "run a tour"),
    Action.CONTROL_PTZ: QT_TRANSLATE_NOOP("Words", "control a PTZ camera"),
    Action.TAKE_OVER_PTZ: QT_TRANSLATE_NOOP("Words", "take over another operator's PTZ camera"),
    Action.TAKE_SNAPSHOT: QT_TRANSLATE_NOOP("Words", "take a snapshot"),
    Action.EDIT_TOURS: QT_TRANSLATE_NOOP("Words", "edit tours"),
    Action.MANAGE_INCIDENTS: QT_TRANSLATE_NOOP("Words", "create and update incidents"),
    Action.DISPATCH_UNITS: QT_TRANSLATE_NOOP("Words", "dispatch units"),
    Action.SUPERVISE: QT_TRANSLATE_NOOP("Words", "see who watches what (the board)"),
    Action.READ_AUDIT_LOG: QT_TRANSLATE_NOOP("Words", "read the audit log"),
    Action.EXPORT_AUDIT_LOG: QT_TRANSLATE_NOOP("Words", "export the audit log"),
    Action.CONFIGURE: QT_TRANSLATE_NOOP("Words", "configure cameras and users"),
    Action.PLAY_RECORDINGS: QT_TRANSLATE_NOOP("Words", "play back recordings"),
    Action.EXPORT_RECORDINGS: QT_TRANSLATE_NOOP("Words", "export recordings"),
    Action.LOCK_EVIDENCE: QT_TRANSLATE_NOOP("Words", "place an evidence lock"),
    Action.RELEASE_EVIDENCE: QT_TRANSLATE_NOOP("Words", "release an evidence lock"),
    Action.IMPORT_FOOTAGE: QT_TRANSLATE_NOOP("Words", "import outside footage"),
    Action.HANDLE_ALARMS: QT_TRANSLATE_NOOP("Words", "take and close alarms"),
    Source.PHONE: QT_TRANSLATE_NOOP("Words", "phone"),
    Source.CAMERA: QT_TRANSLATE_NOOP("Words", "camera"),
    Source.ANPR: QT_TRANSLATE_NOOP("Words", "ANPR"),
    Source.PATROL: QT_TRANSLATE_NOOP("Words", "patrol"),
    Source.CITIZEN_REPORT: QT_TRANSLATE_NOOP("Words", "citizen report"),
    IncidentState.NEW: QT_TRANSLATE_NOOP("Words", "new"),
    IncidentState.DISPATCHED: QT_TRANSLATE_NOOP("Words", "dispatched"),
    IncidentState.ON_SCENE: QT_TRANSLATE_NOOP("Words", "on scene"),
    IncidentState.CLOSED: QT_TRANSLATE_NOOP("Words", "closed"),
    IncidentState.CANCELLED: QT_TRANSLATE_NOOP("Words", "cancelled"),
    IncidentState.MERGED: QT_TRANSLATE_NOOP("Words", "merged"),
    UnitKind.CAR: QT_TRANSLATE_NOOP("Words", "car"),
    UnitKind.BIKE: QT_TRANSLATE_NOOP("Words", "bike"),
    UnitKind.FOOT: QT_TRANSLATE_NOOP("Words", "foot"),
    UnitState.AVAILABLE: QT_TRANSLATE_NOOP("Words", "available"),
    UnitState.DISPATCHED: QT_TRANSLATE_NOOP("Words", "dispatched"),
    UnitState.EN_ROUTE: QT_TRANSLATE_NOOP("Words", "en route"),
    UnitState.ON_SCENE: QT_TRANSLATE_NOOP("Words", "on scene"),
    UnitState.BUSY: QT_TRANSLATE_NOOP("Words", "busy"),
    UnitState.OUT_OF_SERVICE: QT_TRANSLATE_NOOP("Words", "out of service"),
    StreamState.CONNECTING: QT_TRANSLATE_NOOP("Words", "connecting"),
    StreamState.LIVE: QT_TRANSLATE_NOOP("Words", "live"),
    StreamState.NO_SIGNAL: QT_TRANSLATE_NOOP("Words", "no signal"),
    StreamState.STOPPED: QT_TRANSLATE_NOOP("Words", "stopped"),
    Priority.TOUR: QT_TRANSLATE_NOOP("Words", "tour"),
    Priority.OPERATOR: QT_TRANSLATE_NOOP("Words", "operator"),
    Priority.INCIDENT: QT_TRANSLATE_NOOP("Words", "incident"),
    Priority.TEAM_CHIEF: QT_TRANSLATE_NOOP("Words", "team chief"),
}

# Plain words the domain passes as text: field names of a form, outcomes of an ANPR check.
_TEXT_WORDS = {
    "type": QT_TRANSLATE_NOOP("Words", "type"),
    "address": QT_TRANSLATE_NOOP("Words", "address"),
    "area": QT_TRANSLATE_NOOP("Words", "area"),
    "caller": QT_TRANSLATE_NOOP("Words", "caller"),
    "phone": QT_TRANSLATE_NOOP("Words", "phone"),
    "report": QT_TRANSLATE_NOOP("Words", "report number"),
    "description": QT_TRANSLATE_NOOP("Words", "description"),
    "outcome": QT_TRANSLATE_NOOP("Words", "outcome"),
    "camera": QT_TRANSLATE_NOOP("Words", "camera"),
    "plate": QT_TRANSLATE_NOOP("Words", "plate"),
    "country": QT_TRANSLATE_NOOP("Words", "country"),
    "confirmed": QT_TRANSLATE_NOOP("Words", "confirmed"),
    "misread": QT_TRANSLATE_NOOP("Words", "misread"),
    "wrong list entry": QT_TRANSLATE_NOOP("Words", "wrong list entry"),
    "report number": QT_TRANSLATE_NOOP("Words", "report number"),  # an incident's fields, as a timeline names them
    "priority": QT_TRANSLATE_NOOP("Words", "priority"),
    "lat": QT_TRANSLATE_NOOP("Words", "latitude"),
    "lon": QT_TRANSLATE_NOOP("Words", "longitude"),
}
_DIRECTIONS = {  # an ANPR read's direction, as stored
    "inbound": QT_TRANSLATE_NOOP("Words", "inbound"),
    "outbound": QT_TRANSLATE_NOOP("Words", "outbound"),
    "unknown": QT_TRANSLATE_NOOP("Words", "direction unknown"),
}


_PLAYBACK_MESSAGES = {  # what a playback reader says (console/video/playback_reader.py MESSAGES), and the tile's own
    "nothing recorded at this time": QT_TRANSLATE_NOOP("Words", "nothing recorded at this time"),
    "not recorded yet": QT_TRANSLATE_NOOP("Words", "not recorded yet"),
    "the recording's file holds no picture": QT_TRANSLATE_NOOP("Words", "the recording's file holds no picture"),
    "the recording's file is missing": QT_TRANSLATE_NOOP("Words", "the recording's file is missing"),
    "the recording's file may not be read (permissions)": QT_TRANSLATE_NOOP(
        "Words", "the recording's file may not be read (permissions)"
    ),
    "the recording's file could not be read (damaged)": QT_TRANSLATE_NOOP(
        "Words", "the recording's file could not be read (damaged)"
    ),
    "the recording's file could not be read": QT_TRANSLATE_NOOP("Words", "the recording's file could not be read"),
    "the recording could not be played": QT_TRANSLATE_NOOP("Words", "the recording could not be played"),
    "opening the recording": QT_TRANSLATE_NOOP("Words", "opening the recording\u2026"),
}


def playback_message(text: str) -> str:
    """Why a playback shows no picture, as a playback reader said it (stable English), in the user's language."""
    return QCoreApplication.translate(CONTEXT, _PLAYBACK_MESSAGES[text]) if text in _PLAYBACK_MESSAGES else text


# Why a live stream has no picture, as a reader says it (console/video/pyav_reader.py describe_error: stable
# English), in the user's language: a tile said "relay: connection refused" in a Dutch room.
_STREAM_REASONS = {
    "connection refused": QT_TRANSLATE_NOOP("Words", "connection refused"),
    "not authorised: check the camera's user name and password": QT_TRANSLATE_NOOP(
        "Words", "not authorised: check the camera's user name and password"
    ),
    "refused (403): this workstation may not pull the stream": QT_TRANSLATE_NOOP(
        "Words", "refused (403): this workstation may not pull the stream"
    ),
    "the camera has no such stream (404)": QT_TRANSLATE_NOOP("Words", "the camera has no such stream (404)"),
    "the camera ended the stream": QT_TRANSLATE_NOOP("Words", "the camera ended the stream"),
    "the camera closed the connection": QT_TRANSLATE_NOOP("Words", "the camera closed the connection"),
    "the camera's answer could not be read": QT_TRANSLATE_NOOP("Words", "the camera's answer could not be read"),
    "the decoding process stopped; starting it again": QT_TRANSLATE_NOOP(
        "Words", "the decoding process stopped; starting it again"
    ),
    "stopped": QT_TRANSLATE_NOOP("Words", "stopped"),
}
_STREAM_REASON_PATTERNS = (  # the ones with a figure in them
    (
        re.compile(r"no answer within (?P<seconds>[0-9.]+) s"),
        QT_TRANSLATE_NOOP("Words", "no answer within {seconds} s"),
    ),
    (re.compile(r"no frames for (?P<seconds>[0-9.]+) s"), QT_TRANSLATE_NOOP("Words", "no frames for {seconds} s")),
    (re.compile(r"the camera refused: (?P<reason>.*)"), QT_TRANSLATE_NOOP("Words", "the camera refused: {reason}")),
)


def stream_reason(text: str) -> str:
    """Why a live stream shows no picture, as its reader said it (stable English), in the user's language."""
    if text in _STREAM_REASONS:
        return QCoreApplication.translate(CONTEXT, _STREAM_REASONS[text])
    for pattern, wording in _STREAM_REASON_PATTERNS:
        found = pattern.fullmatch(text)
        if found is not None:
            values = dict(found.groupdict())
            if "seconds" in values:
                values["seconds"] = QLocale().toString(float(values["seconds"]), "g", 3)
            return QCoreApplication.translate(CONTEXT, wording).format(**values)
    return text


def word(value: Any) -> str:
    """A domain value as the user's language says it; names and numbers as they are."""
    if isinstance(value, Enum) and value in _WORDS:
        return QCoreApplication.translate(CONTEXT, _WORDS[value])
    if isinstance(value, Worded):
        return say(value)
    if isinstance(value, WordedError):
        return say(value.worded)
    if isinstance(value, Reason):
        return reason_text(value)
    if isinstance(value, IncidentType):
        return incident_type(value.text)
    if isinstance(value, Percent):
        return QLocale().toString(value.fraction * 100, "f", 0) + "%"
    if isinstance(value, (list, tuple, set, frozenset)):
        parts = [word(item) for item in value]
        return "; ".join(parts) if any(isinstance(item, Worded) for item in value) else ", ".join(parts)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def text_word(text: str) -> str:
    """A plain word the domain passes as text (a form's field, an ANPR outcome)."""
    return QCoreApplication.translate(CONTEXT, _TEXT_WORDS[text]) if text in _TEXT_WORDS else text


def direction_word(text: str) -> str:
    """An ANPR read's direction as stored ("inbound")."""
    return QCoreApplication.translate(CONTEXT, _DIRECTIONS[text]) if text in _DIRECTIONS else text


def incident_type(text: str) -> str:
    """An incident's type as stored: one of the usual types (kept in English, like every stored word) in the
    user's language, any other text as typed."""
    return QCoreApplication.translate(CONTEXT, text) if text in INCIDENT_TYPES else text


def stored_type(shown: str) -> str:
    """What to store for a type as the user's language shows it: the usual type's English key, else the text."""
    return next((kind for kind in INCIDENT_TYPES if incident_type(kind) == shown), shown)


def say(message: object) -> str:
    """What the domain said, in the user's language (an error that is not worded: its own text)."""
    if isinstance(message, WordedError):
        message = message.worded
    if not isinstance(message, Worded):
        return str(message)
    values = {}
    for name, value in message.values.items():
        stored = _PLACE_WORDS.get(name)
        if stored is not None and isinstance(value, str):
            value = stored(value)
        elif stored is not None and isinstance(value, (list, tuple)):
            value = [stored(item) if isinstance(item, str) else item for item in value]
        values[name] = value
    return fill(QCoreApplication.translate(DOMAIN, message.template), values, word)


def sentence(message: Worded | WordedError | BaseException | str) -> str:
    """``say`` as a sentence: capital first, full stop last."""
    text = capitalised(say(message))
    return text if text.endswith((".", "!", "?")) else f"{text}."


def reason_text(reason: Reason) -> str:
    """A reason as the reason button and the recent list say it: category (kind): reference."""
    text = QCoreApplication.translate("Words", "{category} ({kind})").format(
        category=word(reason.category), kind=word(reason.kind)
    )
    if not reason.reference:
        return text
    return QCoreApplication.translate("Words", "{reason}: {reference}").format(reason=text, reference=reason.reference)


def capitalised(text: str) -> str:
    """First letter up ("ANPR hit" stays as it is)."""
    return text[:1].upper() + text[1:]


# Who else writes the audit log, as its role column keeps them: systems, not people.
_OTHER_ROLES = {
    "external system": QT_TRANSLATE_NOOP("Words", "external system"),
    "administrator (command line)": QT_TRANSLATE_NOOP("Words", "administrator (command line)"),
    "recorder": QT_TRANSLATE_NOOP("Words", "recorder"),
    "service": QT_TRANSLATE_NOOP("Words", "service"),  # the events service (console/services/alarm_queue.py)
}


# A recorder's problem as it reports it in the store (room status, the board).
_RECORDER_PROBLEMS = {
    "disk full": QT_TRANSLATE_NOOP("Words", "disk full"),
    "stopped": QT_TRANSLATE_NOOP("Words", "stopped"),
}


def recorder_problem(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, _RECORDER_PROBLEMS[text]) if text in _RECORDER_PROBLEMS else text


_RECORDER_SAYS = QT_TRANSLATE_NOOP("Words", "recorder {name}: {problem}")
_ONE_NOT_RECORDED = QT_TRANSLATE_NOOP("Words", "not recorded now: {camera}")
_SOME_NOT_RECORDED = QT_TRANSLATE_NOOP("Words", "{count} cameras not recorded now")
_NOT_RECORDED_NAMES = QT_TRANSLATE_NOOP("Words", "Not recorded now: {cameras}")


def recording_trouble(problems: Sequence[tuple[str, str]], unrecorded_names: Sequence[str]) -> tuple[str, str]:
    """The room's recording trouble as a status line says it, and its tooltip (the names of the cameras nobody
    records); both empty when there is none. More than one camera is said by its count: the line never grows."""
    translate = QCoreApplication.translate
    parts = [translate(CONTEXT, _RECORDER_SAYS).format(name=name, problem=recorder_problem(problem))
             for name, problem in problems]  # fmt: skip
    if len(unrecorded_names) == 1:
        parts.append(translate(CONTEXT, _ONE_NOT_RECORDED).format(camera=unrecorded_names[0]))
    elif unrecorded_names:
        parts.append(translate(CONTEXT, _SOME_NOT_RECORDED).format(count=len(unrecorded_names)))
    names = ", ".join(unrecorded_names)
    return " \u00b7 ".join(parts), translate(CONTEXT, _NOT_RECORDED_NAMES).format(cameras=names) if names else ""


_RELAY_TOOK_ONE = QT_TRANSLATE_NOOP("Words", "{time}: relay {dead} down, {relay} took {camera}")
_RELAY_TOOK_SOME = QT_TRANSLATE_NOOP("Words", "{time}: relay {dead} down, {relay} took {count} cameras")
_RELAY_TOOK_NAMES = QT_TRANSLATE_NOOP("Words", "Taken over: {cameras}")


def relay_takeovers(takeovers: Sequence[Any], since_utc: str, camera_names: Mapping[str, str],
                    relays: Sequence[str] = ()) -> tuple[str, str]:  # fmt: skip
    """Cameras a relay took from a dead one since ``since_utc`` (the store's facts, newest first), as a status line
    says them (its time first: a line cut at its end keeps it), and its tooltip (the cameras' names); both empty
    when there are none. One part per pair of relays, each named as room.yaml does (its host; ``relays``: the
    room's others, so two on one host keep their ports)."""
    translate = QCoreApplication.translate
    taken: dict[tuple[str, str], list[Any]] = {}
    for takeover in takeovers:
        if takeover.at_utc >= since_utc and takeover.cause == "relay down":
            taken.setdefault((takeover.relay, takeover.taken_from or "-"), []).append(takeover)
    known = sorted({*relays, *(address for pair in taken for address in pair)})
    parts, names = [], []
    for (relay, dead), rows in taken.items():
        time_text = local_time_of(max(row.at_utc for row in rows))
        by, of = relay_name(relay, known), relay_name(dead, known)
        cameras = [camera_names.get(row.camera, row.camera) for row in rows]
        if len(rows) == 1:
            parts.append(translate(CONTEXT, _RELAY_TOOK_ONE).format(relay=by, camera=cameras[0], dead=of,
                                                                     time=time_text))  # fmt: skip
        else:
            parts.append(translate(CONTEXT, _RELAY_TOOK_SOME).format(relay=by, count=len(rows), dead=of,
                                                                      time=time_text))  # fmt: skip
        names += cameras
    listed = translate(CONTEXT, _RELAY_TOOK_NAMES).format(cameras=", ".join(sorted(set(names)))) if names else ""
    return " \u00b7 ".join(parts), listed


def local_time_of(utc: str) -> str:
    """A stored UTC time as this PC's clock shows it (HH:MM:SS)."""
    moment = dt.datetime.strptime(utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%H:%M:%S")


def stored_role(text: str) -> str:
    """A role as the store keeps it ("team chief"), in the user's language."""
    if text in _OTHER_ROLES:
        return QCoreApplication.translate(CONTEXT, _OTHER_ROLES[text])
    try:
        return word(Role(text))
    except ValueError:
        return text


def session_state(text: str) -> str:
    """A desk's state as the store keeps it: "active" or "locked"."""
    states = {"active": QT_TRANSLATE_NOOP("Words", "active"), "locked": QT_TRANSLATE_NOOP("Words", "locked")}
    return QCoreApplication.translate(CONTEXT, states[text]) if text in states else text


def stored_reason(record: dict | None) -> str:
    """A reason as the store and the log keep it (kind, category, reference), in the user's language."""
    if not record:
        return QCoreApplication.translate("Words", "\u2014 none \u2014")
    try:
        return reason_text(Reason.from_record(record))
    except (KeyError, ValueError):  # a record older than these words: shown as kept
        text = f"{record.get('category', '')} ({record.get('kind', '')})"
        return f"{text}: {record['reference']}" if record.get("reference") else text


_WALL = re.compile(r"wall (\d+)")


def stored_wall(text: str) -> str:
    """A wall window as the store and the log keep it ("wall 1"), in the user's language."""
    found = _WALL.fullmatch(text)
    return QCoreApplication.translate(CONTEXT, "wall {number}").format(number=found[1]) if found else text


QT_TRANSLATE_NOOP("Words", "wall {number}")

# The audit log's actions as it keeps them (stable English keys, also in its exports), as the board shows them.
_ACTIONS = {
    "login": QT_TRANSLATE_NOOP("Words", "signed in"),
    "login refused": QT_TRANSLATE_NOOP("Words", "sign-in refused"),
    "logout": QT_TRANSLATE_NOOP("Words", "signed out"),
    "screen locked": QT_TRANSLATE_NOOP("Words", "screen locked"),
    "screen unlocked": QT_TRANSLATE_NOOP("Words", "screen unlocked"),
    "unlock refused": QT_TRANSLATE_NOOP("Words", "unlock refused"),
    "reason set": QT_TRANSLATE_NOOP("Words", "reason given"),
    "reason ended": QT_TRANSLATE_NOOP("Words", "reason ended"),
    "configuration loaded": QT_TRANSLATE_NOOP("Words", "configuration loaded"),
    "configuration change": QT_TRANSLATE_NOOP("Words", "configuration changed"),
    "audit resumed": QT_TRANSLATE_NOOP("Words", "audit log resumed"),
    "audit search": QT_TRANSLATE_NOOP("Words", "audit log searched"),
    "audit export": QT_TRANSLATE_NOOP("Words", "audit log exported"),
    "view start": QT_TRANSLATE_NOOP("Words", "viewing started"),
    "view start withdrawn": QT_TRANSLATE_NOOP("Words", "viewing start withdrawn"),
    "view start corrected": QT_TRANSLATE_NOOP("Words", "viewing start corrected"),
    "view stop": QT_TRANSLATE_NOOP("Words", "viewing stopped"),
    "tour start": QT_TRANSLATE_NOOP("Words", "tour started"),
    "tour stop": QT_TRANSLATE_NOOP("Words", "tour stopped"),
    "snapshot": QT_TRANSLATE_NOOP("Words", "snapshot taken"),
    "ptz lease": QT_TRANSLATE_NOOP("Words", "PTZ control taken"),
    "ptz lease refused": QT_TRANSLATE_NOOP("Words", "PTZ control refused"),
    "ptz lease ended": QT_TRANSLATE_NOOP("Words", "PTZ control ended"),
    "ptz move": QT_TRANSLATE_NOOP("Words", "PTZ moved"),
    "ptz aim": QT_TRANSLATE_NOOP("Words", "PTZ aimed at a spot"),
    "ptz home": QT_TRANSLATE_NOOP("Words", "PTZ sent home"),
    "ptz preset go": QT_TRANSLATE_NOOP("Words", "PTZ preset called"),
    "ptz preset go withdrawn": QT_TRANSLATE_NOOP("Words", "PTZ preset call withdrawn"),
    "ptz preset saved": QT_TRANSLATE_NOOP("Words", "PTZ preset saved"),
    "ptz preset removed": QT_TRANSLATE_NOOP("Words", "PTZ preset removed"),
    "incident created": QT_TRANSLATE_NOOP("Words", "incident created"),
    "incident updated": QT_TRANSLATE_NOOP("Words", "incident changed"),
    "incident note": QT_TRANSLATE_NOOP("Words", "incident note"),
    "incident camera linked": QT_TRANSLATE_NOOP("Words", "camera linked to incident"),
    "incident closed": QT_TRANSLATE_NOOP("Words", "incident closed"),
    "incident cancelled": QT_TRANSLATE_NOOP("Words", "incident cancelled"),
    "incident merged": QT_TRANSLATE_NOOP("Words", "incident merged"),
    "priority-1 acknowledged": QT_TRANSLATE_NOOP("Words", "priority 1 acknowledged"),
    "priority-1 warning": QT_TRANSLATE_NOOP("Words", "priority 1 warning"),
    "unit dispatched": QT_TRANSLATE_NOOP("Words", "unit dispatched"),
    "unit state": QT_TRANSLATE_NOOP("Words", "unit state"),
    "units configured": QT_TRANSLATE_NOOP("Words", "units configured"),
    "ANPR hit": QT_TRANSLATE_NOOP("Words", "ANPR hit"),
    "ANPR hit opened": QT_TRANSLATE_NOOP("Words", "ANPR hit opened"),
    "ANPR hit checked": QT_TRANSLATE_NOOP("Words", "ANPR hit checked"),
    "playback start": QT_TRANSLATE_NOOP("Words", "playback started"),
    "playback stop": QT_TRANSLATE_NOOP("Words", "playback stopped"),
    "recording export": QT_TRANSLATE_NOOP("Words", "recording exported"),
    "evidence lock placed": QT_TRANSLATE_NOOP("Words", "evidence lock placed"),
    "evidence lock released": QT_TRANSLATE_NOOP("Words", "evidence lock released"),
    "recording deleted": QT_TRANSLATE_NOOP("Words", "recording deleted (retention)"),
    "anpr hits deleted": QT_TRANSLATE_NOOP("Words", "ANPR hits deleted (retention)"),
    "evidence stills deleted": QT_TRANSLATE_NOOP("Words", "evidence stills deleted (retention)"),
    "alarm stills deleted": QT_TRANSLATE_NOOP("Words", "alarm stills deleted (retention)"),
    "footage imported": QT_TRANSLATE_NOOP("Words", "outside footage imported"),
    "recorder pull": QT_TRANSLATE_NOOP("Words", "stream pulled for recording"),
    "detector pull": QT_TRANSLATE_NOOP("Words", "stream pulled for the alarm detectors"),
    "alarm raised": QT_TRANSLATE_NOOP("Words", "alarm raised"),
    "alarm taken": QT_TRANSLATE_NOOP("Words", "alarm taken"),
    "alarm released": QT_TRANSLATE_NOOP("Words", "alarm handed back"),
    "alarm escalated": QT_TRANSLATE_NOOP("Words", "alarm escalated to the team chief"),
    "alarm closed": QT_TRANSLATE_NOOP("Words", "alarm closed"),
}


def audit_action(text: str) -> str:
    """An audit entry's action (kept in English, its stable key) in the user's language; one this console does
    not know (a newer desk's, a service's) as it is kept."""
    return QCoreApplication.translate(CONTEXT, _ACTIONS[text]) if text in _ACTIONS else text


# Places of the domain's sentences whose text values are stored words to be worded, not names.
_PLACE_WORDS: dict[str, Callable[[str], str]] = {
    "field": text_word,
    "fields": text_word,
    "outcome": text_word,
    "outcomes": text_word,
    "direction": direction_word,
    "role": stored_role,
}


# An audit entry's detail as the log keeps it (stable English keys, also in its exports): one label per key this
# console writes (tests/gui/test_audit_detail_words.py checks the writers' keys against it). A key it does not know
# (a newer desk's, a service's) is shown as it is kept.
_DETAIL_LABELS = {
    "action": QT_TRANSLATE_NOOP("Words", "action"),
    "added": QT_TRANSLATE_NOOP("Words", "added"),
    "after_s": QT_TRANSLATE_NOOP("Words", "after"),
    "alarm": QT_TRANSLATE_NOOP("Words", "alarm"),
    "alarm_outcome": QT_TRANSLATE_NOOP("Words", "alarm outcome"),
    "area_pct": QT_TRANSLATE_NOOP("Words", "area"),
    "battery_low": QT_TRANSLATE_NOOP("Words", "battery low"),
    "battery_pct": QT_TRANSLATE_NOOP("Words", "battery"),
    "brightness": QT_TRANSLATE_NOOP("Words", "brightness"),
    "bytes": QT_TRANSLATE_NOOP("Words", "size"),
    "camera": QT_TRANSLATE_NOOP("Words", "camera"),
    "cameras": QT_TRANSLATE_NOOP("Words", "cameras"),
    "cause": QT_TRANSLATE_NOOP("Words", "cause"),
    "change": QT_TRANSLATE_NOOP("Words", "change"),
    "changed": QT_TRANSLATE_NOOP("Words", "changed files"),
    "characters": QT_TRANSLATE_NOOP("Words", "characters"),
    "codec": QT_TRANSLATE_NOOP("Words", "codec"),
    "confidence": QT_TRANSLATE_NOOP("Words", "confidence"),
    "contrast": QT_TRANSLATE_NOOP("Words", "contrast"),
    "country": QT_TRANSLATE_NOOP("Words", "country"),
    "day": QT_TRANSLATE_NOOP("Words", "day (UTC)"),
    "decision": QT_TRANSLATE_NOOP("Words", "judicial decision"),
    "device": QT_TRANSLATE_NOOP("Words", "device"),
    "difference": QT_TRANSLATE_NOOP("Words", "picture difference"),
    "direction": QT_TRANSLATE_NOOP("Words", "direction"),
    "door": QT_TRANSLATE_NOOP("Words", "door"),
    "duration_s": QT_TRANSLATE_NOOP("Words", "duration"),
    "earlier": QT_TRANSLATE_NOOP("Words", "earlier hit"),
    "entries": QT_TRANSLATE_NOOP("Words", "entries"),
    "event_utc": QT_TRANSLATE_NOOP("Words", "event at"),
    "fields": QT_TRANSLATE_NOOP("Words", "fields"),
    "file": QT_TRANSLATE_NOOP("Words", "file"),
    "file_sha256": QT_TRANSLATE_NOOP("Words", "file fingerprint (SHA-256)"),
    "files": QT_TRANSLATE_NOOP("Words", "files"),
    "finding": QT_TRANSLATE_NOOP("Words", "finding"),
    "folder": QT_TRANSLATE_NOOP("Words", "folder"),
    "from": QT_TRANSLATE_NOOP("Words", "from"),
    "from_utc": QT_TRANSLATE_NOOP("Words", "from"),
    "grant": QT_TRANSLATE_NOOP("Words", "playback grant"),
    "happened_utc": QT_TRANSLATE_NOOP("Words", "happened at"),
    "hit": QT_TRANSLATE_NOOP("Words", "ANPR hit"),
    "hits": QT_TRANSLATE_NOOP("Words", "ANPR hits"),
    "how": QT_TRANSLATE_NOOP("Words", "how"),
    "incident": QT_TRANSLATE_NOOP("Words", "incident"),
    "initial": QT_TRANSLATE_NOOP("Words", "initial state"),
    "input": QT_TRANSLATE_NOOP("Words", "input"),
    "joined_hit": QT_TRANSLATE_NOOP("Words", "joined an earlier hit"),
    "joined_incident": QT_TRANSLATE_NOOP("Words", "joined incident"),
    "kind": QT_TRANSLATE_NOOP("Words", "kind"),
    "largest_area_pct": QT_TRANSLATE_NOOP("Words", "largest area"),
    "last_shown": QT_TRANSLATE_NOOP("Words", "last picture shown"),
    "lat": QT_TRANSLATE_NOOP("Words", "latitude"),
    "layout": QT_TRANSLATE_NOOP("Words", "layout"),
    "list": QT_TRANSLATE_NOOP("Words", "list"),
    "lock": QT_TRANSLATE_NOOP("Words", "evidence lock"),
    "log_ended_at": QT_TRANSLATE_NOOP("Words", "log ended at entry"),
    "logged_ahead": QT_TRANSLATE_NOOP("Words", "logged ahead"),
    "lon": QT_TRANSLATE_NOOP("Words", "longitude"),
    "lost_heads": QT_TRANSLATE_NOOP("Words", "lost entries"),
    "manifest_sha256": QT_TRANSLATE_NOOP("Words", "manifest fingerprint (SHA-256)"),
    "missing": QT_TRANSLATE_NOOP("Words", "missing"),
    "n": QT_TRANSLATE_NOOP("Words", "number"),
    "name": QT_TRANSLATE_NOOP("Words", "name"),
    "note": QT_TRANSLATE_NOOP("Words", "note"),
    "offline": QT_TRANSLATE_NOOP("Words", "cameras offline"),
    "outcome": QT_TRANSLATE_NOOP("Words", "outcome"),
    "pan": QT_TRANSLATE_NOOP("Words", "pan"),
    "placed_by": QT_TRANSLATE_NOOP("Words", "placed by"),
    "placed_utc": QT_TRANSLATE_NOOP("Words", "placed at"),
    "plate": QT_TRANSLATE_NOOP("Words", "plate"),
    "preset": QT_TRANSLATE_NOOP("Words", "preset"),
    "priority": QT_TRANSLATE_NOOP("Words", "priority"),
    "pull": QT_TRANSLATE_NOOP("Words", "stream pull"),
    "reason": QT_TRANSLATE_NOOP("Words", "reason"),
    "reason_text": QT_TRANSLATE_NOOP("Words", "words of the reason"),
    "recipient": QT_TRANSLATE_NOOP("Words", "recipient"),
    "recorder": QT_TRANSLATE_NOOP("Words", "recorder"),
    "relay_down": QT_TRANSLATE_NOOP("Words", "relay down"),
    "repeating": QT_TRANSLATE_NOOP("Words", "repeating"),
    "role": QT_TRANSLATE_NOOP("Words", "role"),
    "rule": QT_TRANSLATE_NOOP("Words", "rule"),
    "segments": QT_TRANSLATE_NOOP("Words", "segments"),
    "service": QT_TRANSLATE_NOOP("Words", "service"),
    "session": QT_TRANSLATE_NOOP("Words", "session"),
    "sha256": QT_TRANSLATE_NOOP("Words", "fingerprint (SHA-256)"),
    "since_utc": QT_TRANSLATE_NOOP("Words", "from day (UTC)"),
    "snapshot": QT_TRANSLATE_NOOP("Words", "snapshot"),
    "source": QT_TRANSLATE_NOOP("Words", "source"),
    "state": QT_TRANSLATE_NOOP("Words", "state"),
    "step_due_utc": QT_TRANSLATE_NOOP("Words", "step due at"),
    "steps": QT_TRANSLATE_NOOP("Words", "steps"),
    "steps_shown": QT_TRANSLATE_NOOP("Words", "steps shown"),
    "still_s": QT_TRANSLATE_NOOP("Words", "unchanged for"),
    "stills": QT_TRANSLATE_NOOP("Words", "stills"),
    "stopped": QT_TRANSLATE_NOOP("Words", "stopped at"),
    "stream": QT_TRANSLATE_NOOP("Words", "stream"),
    "taken_from": QT_TRANSLATE_NOOP("Words", "taken from"),
    "taken_over_from": QT_TRANSLATE_NOOP("Words", "taken over from"),
    "tile": QT_TRANSLATE_NOOP("Words", "tile"),
    "tilt": QT_TRANSLATE_NOOP("Words", "tilt"),
    "to": QT_TRANSLATE_NOOP("Words", "to"),
    "topic": QT_TRANSLATE_NOOP("Words", "ONVIF topic"),
    "tour": QT_TRANSLATE_NOOP("Words", "tour"),
    "tours": QT_TRANSLATE_NOOP("Words", "tours"),
    "type": QT_TRANSLATE_NOOP("Words", "type"),
    "unit": QT_TRANSLATE_NOOP("Words", "unit"),
    "units_cleared": QT_TRANSLATE_NOOP("Words", "units cleared"),
    "unrecorded": QT_TRANSLATE_NOOP("Words", "not recorded"),
    "until_utc": QT_TRANSLATE_NOOP("Words", "before day (UTC)"),  # kept as the day after the last one searched
    "uplink": QT_TRANSLATE_NOOP("Words", "uplink"),
    "user": QT_TRANSLATE_NOOP("Words", "user"),
    "via": QT_TRANSLATE_NOOP("Words", "via"),
    "waited_s": QT_TRANSLATE_NOOP("Words", "waited"),
    "wall": QT_TRANSLATE_NOOP("Words", "wall"),
    "was_due_utc": QT_TRANSLATE_NOOP("Words", "was due at"),
    "what": QT_TRANSLATE_NOOP("Words", "what"),
    "where": QT_TRANSLATE_NOOP("Words", "where"),
    "why": QT_TRANSLATE_NOOP("Words", "why"),
    "zone": QT_TRANSLATE_NOOP("Words", "zone"),
    "zoom": QT_TRANSLATE_NOOP("Words", "zoom"),
}
LABELLED_DETAIL_KEYS = frozenset(_DETAIL_LABELS)

# A key whose meaning depends on the action: an evidence lock's file is the judicial file; an alarm goes to a list.
_ACTION_LABELS = {
    ("evidence lock placed", "file"): QT_TRANSLATE_NOOP("Words", "judicial file"),
    ("evidence lock released", "file"): QT_TRANSLATE_NOOP("Words", "judicial file"),
    ("alarm raised", "to"): QT_TRANSLATE_NOOP("Words", "sent to"),
    ("alarm escalated", "to"): QT_TRANSLATE_NOOP("Words", "sent to"),
}

# Stored words of the detail values, as the console's writers put them (a value not here is shown as kept).
_DETAIL_VALUES = {
    "start": QT_TRANSLATE_NOOP("Words", "started"),
    "stop": QT_TRANSLATE_NOOP("Words", "stopped"),
    "stopped": QT_TRANSLATE_NOOP("Words", "stopped"),
    "completed": QT_TRANSLATE_NOOP("Words", "completed"),
    "main": QT_TRANSLATE_NOOP("Words", "main stream"),
    "sub": QT_TRANSLATE_NOOP("Words", "sub-stream"),
    "operators": QT_TRANSLATE_NOOP("Words", "operators"),
    "alarm tile": QT_TRANSLATE_NOOP("Words", "alarm tile"),
    "board": QT_TRANSLATE_NOOP("Words", "the board"),
    "map": QT_TRANSLATE_NOOP("Words", "the map"),
    "a desk's wall in miniature": QT_TRANSLATE_NOOP("Words", "a desk's wall in miniature"),
    "unattended": QT_TRANSLATE_NOOP("Words", "unattended"),
    "dialog": QT_TRANSLATE_NOOP("Words", "sign-in window"),
    "benchmark": QT_TRANSLATE_NOOP("Words", "benchmark"),
    "user add": QT_TRANSLATE_NOOP("Words", "user added"),
    "user passwd": QT_TRANSLATE_NOOP("Words", "password changed"),
    "recorder down": QT_TRANSLATE_NOOP("Words", "recorder down"),
    "covered": QT_TRANSLATE_NOOP("Words", "lens covered"),
    "moved": QT_TRANSLATE_NOOP("Words", "picture moved"),
    "out of focus": QT_TRANSLATE_NOOP("Words", "out of focus"),
    "open": QT_TRANSLATE_NOOP("Words", "open"),
    "closed": QT_TRANSLATE_NOOP("Words", "closed"),
    "ok": QT_TRANSLATE_NOOP("Words", "ok"),
    "degraded": QT_TRANSLATE_NOOP("Words", "degraded"),
    "lost": QT_TRANSLATE_NOOP("Words", "lost"),
    "onvif": QT_TRANSLATE_NOOP("Words", "the camera's own event"),
    "detector": QT_TRANSLATE_NOOP("Words", "detector"),
    "watchdog": QT_TRANSLATE_NOOP("Words", "watchdog"),
    "bodycam": QT_TRANSLATE_NOOP("Words", "bodycam"),
    "drone": QT_TRANSLATE_NOOP("Words", "drone"),
    "console closed": QT_TRANSLATE_NOOP("Words", "console closed"),
    "signed out": QT_TRANSLATE_NOOP("Words", "signed out"),
    "switched user": QT_TRANSLATE_NOOP("Words", "switched user"),
    "incident finished": QT_TRANSLATE_NOOP("Words", "incident finished"),
    "wrong user name or password": QT_TRANSLATE_NOOP("Words", "wrong user name or password"),
    "wrong name or password": QT_TRANSLATE_NOOP("Words", "wrong user name or password"),
}
# Shown first, in this order (the log keeps a detail's keys sorted): which alarm, incident or hit; where it showed;
# what was pulled; from when to when. The others follow as kept.
_SHOWN_FIRST = ("alarm", "incident", "hit", "wall", "tile", "pull", "stream", "from_utc", "from", "to")
_DETAIL_PAIR = QT_TRANSLATE_NOOP("Words", "{label}: {value}")
_YES = QT_TRANSLATE_NOOP("Words", "yes")
_NO = QT_TRANSLATE_NOOP("Words", "no")
_NONE = QT_TRANSLATE_NOOP("Words", "none")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def local_moment(text: str) -> str | None:
    """A stored ISO time (UTC when it says no zone) as this PC's clock shows it, like the board's time column
    (dd/mm HH:MM:SS); None if the text is no time."""
    if not _ISO_MOMENT.fullmatch(text):
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m %H:%M:%S")


def _stored_priority(text: str) -> str:
    """A PTZ priority as its lease's detail keeps it ("team_chief"), or an incident's priority (a number)."""
    try:
        return word(Priority[text.upper().replace(" ", "_")])
    except KeyError:
        return detail_word(text)


def _stored_member(members: Callable[[str], Enum]) -> Callable[[str], str]:
    """A stored value of one of the domain's enumerations (an alarm's kind, an event's source, a unit's state),
    worded; another value as a detail's word."""

    def worded(text: str) -> str:
        try:
            return word(members(text))
        except ValueError:
            return detail_word(text)

    return worded


def _stored_outcome(text: str) -> str:
    """An ANPR check's, an alarm's (its closing words, console/services/alarm_desk.py) or a tour's outcome."""
    if text in _TEXT_WORDS:
        return text_word(text)
    try:
        return say(outcome_worded(Outcome(text)))
    except ValueError:
        return detail_word(text)


def _stored_recipient(text: str) -> str:
    """Whose list an alarm lands on ("operators", "team chief")."""
    return stored_role(text) if text == Recipient.TEAM_CHIEF.value else detail_word(text)


def _stored_wall(text: str) -> str:
    return detail_word(text) if text in _DETAIL_VALUES else stored_wall(text)


def detail_word(text: str) -> str:
    """A stored word of an audit detail ("start", "sub", "console closed") in the user's language."""
    return QCoreApplication.translate(CONTEXT, _DETAIL_VALUES[text]) if text in _DETAIL_VALUES else text


def _number(value: float) -> str:
    return QLocale().toString(float(value), "g", 10)


_CAMERA_KEYS = frozenset({"camera", "cameras", "offline", "unrecorded"})  # camera ids: shown by their names


def _shown_text(text: str) -> str:
    """Stored text as it is, but a control or direction character (a terminal escape, a right-to-left override
    in a typed reference) shown as its code: it cannot hide or reorder what the entry says."""
    return "".join(f"<U+{ord(char):04X}>" if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)


# How a key's stored text is worded; the others: a time, a word of _DETAIL_VALUES, or as kept (names, ids, plates).
_DETAIL_WORDERS: dict[str, Callable[[str], str]] = {
    "wall": _stored_wall,
    "role": stored_role,
    "priority": _stored_priority,
    "taken_from": _stored_priority,
    "kind": _stored_member(AlarmKind),
    "source": _stored_member(Source),
    "state": _stored_member(UnitState),
    "type": incident_type,
    "direction": direction_word,
    "outcome": _stored_outcome,
    "alarm_outcome": _stored_outcome,
    "fields": text_word,
    "to": _stored_recipient,
}
_KEPT_AS_TYPED = frozenset({"where", "name", "note", "reason", "reason_text", "rule", "zone", "list", "recipient",
                            "decision", "file", "folder", "user", "placed_by", "taken_over_from", "unit", "plate",
                            "incident", "joined_incident", "tour", "device", "input", "snapshot"})  # fmt: skip


def _detail_value(key: str, value: Any, camera_names: Mapping[str, str]) -> str:
    """One detail value in the user's language: times local, yes/no, measures with their unit, lists joined."""
    if isinstance(value, bool):
        return QCoreApplication.translate(CONTEXT, _YES if value else _NO)
    if value is None:
        return "\u2014"
    if isinstance(value, (int, float)):
        if key == "confidence" and isinstance(value, float) and value <= 1:
            return QLocale().toString(value * 100, "f", 0) + "%"
        if key.endswith("_pct"):
            return _number(value) + "%"
        if key.endswith("_s"):
            return _number(value) + " s"
        if key == "bytes":
            return QLocale().formattedDataSize(int(value), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
        return str(value) if isinstance(value, int) else _number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(_detail_value(key, item, camera_names) for item in value) or QCoreApplication.translate(
            CONTEXT, _NONE
        )
    if isinstance(value, dict):
        if key == "finding" and "template" in value:  # what the log's check found, as the domain said it
            return _shown_text(say(from_record(value)))
        return ", ".join(_shown_text(str(name)) for name in value) or QCoreApplication.translate(CONTEXT, _NONE)
    text = _shown_text(str(value))
    if not text:
        return "\u2014"
    if key in _CAMERA_KEYS:
        return camera_names.get(text, text)
    if key in _KEPT_AS_TYPED:
        return text
    moment = local_moment(text)
    if moment is not None:
        return moment
    if key in _DETAIL_WORDERS:
        return _DETAIL_WORDERS[key](text)
    return detail_word(text)


def audit_detail(detail: Mapping[str, Any], camera_names: Mapping[str, str] | None = None, action: str = "") -> str:
    """An audit entry's detail (stable English keys and stored values, as its exports keep them) as the board shows
    it: each key labelled (as ``action``, the entry's, means it) and each value worded in the user's language (a
    camera by its name in ``camera_names``); a key this console does not know, as kept.

    The hashes of a dict value (the configuration files' fingerprints, the lost entries' MACs) are left out of the
    shown text: its names say what it is, and the exports keep the whole."""
    translate = QCoreApplication.translate
    parts = []
    first = [key for key in _SHOWN_FIRST if key in detail]
    for key in [*first, *(key for key in detail if key not in first)]:
        value = detail[key]
        known = _ACTION_LABELS.get((action, key)) or _DETAIL_LABELS.get(key)
        label = translate(CONTEXT, known) if known else _shown_text(key)
        shown = _detail_value(key, value, camera_names or {})
        if key == "wall" and isinstance(value, str):  # "wand 1", "alarmtegel": it names itself
            parts.append(shown)
        else:
            parts.append(translate(CONTEXT, _DETAIL_PAIR).format(label=label, value=shown))
    return ", ".join(parts)
