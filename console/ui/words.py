"""The room's words in the user's language: domain values (states, kinds, roles) and what the domain says.

The domain packages are Qt-free and speak English templates (``console.wording``); this is where
they become Dutch or French. One table per kind of word, so every screen says a state the same way
(``resources/i18n/glossary.md`` lists the choices).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.access.permissions import Action, Role
from console.access.reasons import Category, Kind, Reason
from console.dispatch.model import IncidentState, Source, UnitKind, UnitState
from console.ptz.lease import Priority
from console.video.stream import StreamState
from console.wording import DOMAIN, Worded, WordedError, fill

CONTEXT = "Words"

_WORDS: dict[Enum, str] = {
    Kind.ADMINISTRATIVE: QT_TRANSLATE_NOOP("Words", "administrative police"),
    Kind.JUDICIAL: QT_TRANSLATE_NOOP("Words", "judicial police"),
    Category.VIRTUAL_PATROL: QT_TRANSLATE_NOOP("Words", "virtual patrol"),
    Category.INCIDENT: QT_TRANSLATE_NOOP("Words", "incident"),
    Category.ANPR_HIT: QT_TRANSLATE_NOOP("Words", "ANPR hit"),
    Category.INVESTIGATOR_REQUEST: QT_TRANSLATE_NOOP("Words", "request from an investigator"),
    Category.OTHER: QT_TRANSLATE_NOOP("Words", "other"),
    Role.OPERATOR: QT_TRANSLATE_NOOP("Words", "operator"),
    Role.TEAM_CHIEF: QT_TRANSLATE_NOOP("Words", "team chief"),
    Role.CALL_TAKER: QT_TRANSLATE_NOOP("Words", "call-taker"),
    Role.DATA_PROTECTION_OFFICER: QT_TRANSLATE_NOOP("Words", "data-protection officer"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Words", "administrator"),
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
}
_WORDED_PLACES = {"field", "fields", "outcome", "outcomes"}  # places whose text values are words, not names


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
    if isinstance(value, (list, tuple, set, frozenset)):
        parts = [word(item) for item in value]
        return "; ".join(parts) if any(isinstance(item, Worded) for item in value) else ", ".join(parts)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def text_word(text: str) -> str:
    """A plain word the domain passes as text (a form's field, an ANPR outcome)."""
    return QCoreApplication.translate(CONTEXT, _TEXT_WORDS[text]) if text in _TEXT_WORDS else text


def say(message: object) -> str:
    """What the domain said, in the user's language (an error that is not worded: its own text)."""
    if isinstance(message, WordedError):
        message = message.worded
    if not isinstance(message, Worded):
        return str(message)
    values = {
        name: (text_word(value) if isinstance(value, str) and name in _WORDED_PLACES else
               [text_word(item) for item in value] if isinstance(value, (list, tuple)) and name in _WORDED_PLACES
               else value)
        for name, value in message.values.items()
    }  # fmt: skip
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


def stored_role(text: str) -> str:
    """A role as the store keeps it ("team chief"), in the user's language."""
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
