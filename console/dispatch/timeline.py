"""An incident's timeline: each line stored as a fact (a kind and its values), worded when it is shown.

The store keeps no sentence: a Dutch desk, a French one and the command line read the same row
(``{"unit": "Leie 11", "state": "on scene"}``) and each says it in its own words. :func:`worded`
gives the line as a :class:`~console.wording.Worded` (``str()`` is English, for the command line and
the JSON export; the UI's ``say`` words it in the reader's language). A note is the operator's own
text and stays as typed. Rows written before the timeline held facts hold an English sentence:
:func:`old_facts` reads back the facts of the lines this console wrote then, and any other line is
shown as it was stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from console.dispatch.model import IncidentState, IncidentType, Source, TimelineEvent, UnitState
from console.wording import QT_TRANSLATE_NOOP, Worded

ARROW = "\u2192"
SHA_SHOWN = 16  # hex digits of a snapshot's SHA-256 on its line (the whole hash is in the facts)


@dataclass(frozen=True)
class Percent:
    """A read's confidence (0..1), said as a whole percentage ("88%")."""

    fraction: float

    def __str__(self) -> str:
        return f"{self.fraction:.0%}"


# -- the facts each change writes -------------------------------------------------------------------
def created(source: Source, type_: str, priority: int) -> dict[str, Any]:
    return {"source": source.value, "type": type_, "priority": priority}


def state_changed(before: IncidentState, after: IncidentState, because: str = "", **values: Any) -> dict[str, Any]:
    """``because``: :data:`OUTCOME` or one of :data:`BECAUSE` (its values alongside: an outcome, a unit, an
    incident)."""
    facts: dict[str, Any] = {"from": before.value, "to": after.value}
    if because:
        facts["because"] = because
    return facts | values


def unit_reported(call_sign: str, state: UnitState, is_cleared: bool = False) -> dict[str, Any]:
    facts: dict[str, Any] = {"unit": call_sign, "state": state.value}
    return facts | ({"cleared": True} if is_cleared else {})


def field_changed(name: str, old: Any, new: Any) -> dict[str, Any]:
    return {"field": name, "old": old, "new": new}


def snapshot_taken(camera: str, file: str, sha256: str) -> dict[str, Any]:
    return {"camera": camera, "file": file, "sha256": sha256}


def merged_in(incident_id: str, units: list[str]) -> dict[str, Any]:
    return {"incident": incident_id, "units": units}


def read_again(plate: str, camera: str, direction: str, confidence: float, hit: int) -> dict[str, Any]:
    return {"plate": plate, "camera": camera, "direction": direction, "confidence": confidence, "hit": hit}


# -- their words ----------------------------------------------------------------------------------
OUTCOME = "outcome"  # closed or cancelled: why is the outcome, in the operator's words
BECAUSE = {
    "arrived": QT_TRANSLATE_NOOP("Domain", "{unit} arrived"),
    "stood down": QT_TRANSLATE_NOOP("Domain", "every unit stood down"),
    "merged into": QT_TRANSLATE_NOOP("Domain", "into {incident}"),
    "units merged in": QT_TRANSLATE_NOOP("Domain", "units merged in"),
    "unit on scene": QT_TRANSLATE_NOOP("Domain", "a unit is on scene"),
}


def _source(text: str) -> Source | str:
    try:
        return Source(text)
    except ValueError:
        return text


def _state(kind: type[IncidentState] | type[UnitState], text: str) -> Any:
    try:
        return kind(text)
    except ValueError:
        return text


def _shown(value: Any) -> Any:
    """A field's value on its line: a dash for nothing."""
    return "-" if value in (None, "") else value


def _created(facts: Mapping[str, Any]) -> Worded:
    return Worded(QT_TRANSLATE_NOOP("Domain", "from {source}: {type}, priority {priority}"),
                  source=_source(str(facts["source"])), type=IncidentType(str(facts["type"])),
                  priority=facts["priority"])  # fmt: skip


def _state_line(facts: Mapping[str, Any]) -> Worded:
    change = Worded(QT_TRANSLATE_NOOP("Domain", "{before} \u2192 {after}"),
                    before=_state(IncidentState, str(facts["from"])),
                    after=_state(IncidentState, str(facts["to"])))  # fmt: skip
    because = str(facts.get("because") or "")
    if because == OUTCOME and facts.get("outcome"):
        why: Worded | str = str(facts["outcome"])
    elif because in BECAUSE:
        why = Worded(BECAUSE[because], **{name: facts[name] for name in ("unit", "incident") if name in facts})
    else:
        return change
    return Worded(QT_TRANSLATE_NOOP("Domain", "{change} ({why})"), change=change, why=why)


def _unit_line(facts: Mapping[str, Any]) -> Worded:
    if facts.get("cleared"):
        return Worded(QT_TRANSLATE_NOOP("Domain", "{unit} cleared (available)"), unit=facts["unit"])
    return Worded(QT_TRANSLATE_NOOP("Domain", "{unit} {state}"), unit=facts["unit"],
                  state=_state(UnitState, str(facts["state"])))  # fmt: skip


def _field_line(facts: Mapping[str, Any]) -> Worded:
    name = str(facts["field"])
    old, new = _shown(facts.get("old")), _shown(facts.get("new"))
    if name == "type":
        old, new = (IncidentType(value) if value != "-" else value for value in (old, new))
    return Worded(QT_TRANSLATE_NOOP("Domain", "{field}: {old} \u2192 {new}"), field=name.replace("_", " "), old=old,
                  new=new)  # fmt: skip


def _merge_line(facts: Mapping[str, Any]) -> Worded:
    if facts.get("units"):
        return Worded(QT_TRANSLATE_NOOP("Domain", "{incident} merged into this incident; units {units} moved here"),
                      incident=facts["incident"], units=", ".join(facts["units"]))  # fmt: skip
    return Worded(QT_TRANSLATE_NOOP("Domain", "{incident} merged into this incident"), incident=facts["incident"])


def _read_line(facts: Mapping[str, Any]) -> Worded:
    return Worded(QT_TRANSLATE_NOOP("Domain", "{plate} read again by {camera} ({direction}, {confidence})"),
                  plate=facts["plate"], camera=facts["camera"], direction=facts["direction"],
                  confidence=Percent(float(facts["confidence"])))  # fmt: skip


_LINES = {
    "created": _created,
    "state": _state_line,
    "dispatch": lambda facts: Worded(QT_TRANSLATE_NOOP("Domain", "{unit} dispatched"), unit=facts["unit"]),
    "unit": _unit_line,
    "field": _field_line,
    "camera": lambda facts: Worded(QT_TRANSLATE_NOOP("Domain", "camera {camera} linked"), camera=facts["camera"]),
    "snapshot": lambda facts: Worded(
        QT_TRANSLATE_NOOP("Domain", "snapshot of {camera}: {file} (SHA-256 {sha256}\u2026)"),
        camera=facts["camera"],
        file=facts["file"],
        sha256=str(facts["sha256"])[:SHA_SHOWN],
    ),  # fmt: skip
    "merge": _merge_line,
    "anpr": _read_line,
}


def worded(event: TimelineEvent) -> Worded:
    """The line an event is shown as: its facts worded, a note as typed, an old row's text as it was stored."""
    if event.kind == "acknowledged":
        return Worded(QT_TRANSLATE_NOOP("Domain", "priority 1 acknowledged by {user}"), user=event.user)
    line = _LINES.get(event.kind)
    if event.facts is not None and line is not None:
        try:
            return line(event.facts)
        except (KeyError, TypeError, ValueError):  # facts of a newer console: shown as stored
            pass
    return Worded("{text}", text=event.text)


# -- rows written before the facts: their English sentences read back --------------------------------
_SOURCES = "|".join(re.escape(source.value) for source in Source)
_INCIDENT_STATES = "|".join(re.escape(state.value) for state in IncidentState)
_UNIT_STATES = "|".join(re.escape(state.value) for state in UnitState)
_WHY = {"every unit stood down": "stood down", "units merged in": "units merged in",
        "a unit is on scene": "unit on scene"}  # fmt: skip
_OLD = {
    "created": re.compile(rf"^from (?P<source>{_SOURCES}): (?P<type>.*), priority (?P<priority>[123])$", re.S),
    "state": re.compile(
        rf"^(?P<from>{_INCIDENT_STATES}) {ARROW} (?P<to>{_INCIDENT_STATES})(?: \((?P<why>.*)\))?$", re.S
    ),  # fmt: skip
    "dispatch": re.compile(r"^(?P<unit>.+) dispatched$", re.S),
    "unit": re.compile(rf"^(?P<unit>.+?) (?:(?P<cleared>cleared) \(available\)|(?P<state>{_UNIT_STATES}))$", re.S),
    "field": re.compile(rf"^(?P<field>[a-z ]+): (?P<old>.*) {ARROW} (?P<new>.*)$", re.S),
    "camera": re.compile(r"^camera (?P<camera>\S+) linked$"),
    "snapshot": re.compile(
        r"^snapshot of (?P<camera>\S+): (?P<file>.*) \(SHA-256 (?P<sha256>[0-9a-f]+)\u2026\)$", re.S
    ),
    "merge": re.compile(r"^(?P<incident>\S+) merged into this incident(?:; units (?P<units>.+) moved here)?$", re.S),
    "anpr": re.compile(
        r"^(?P<plate>\S+) read again by (?P<camera>\S+) \((?P<direction>inbound|outbound|unknown),"
        r" (?P<confidence>\d+)%\)$"
    ),  # fmt: skip
}


def old_facts(kind: str, text: str) -> dict[str, Any] | None:
    """The facts of a line stored as an English sentence, when this console wrote it; else None (shown as is)."""
    pattern = _OLD.get(kind)
    found = pattern.match(text) if pattern is not None else None
    if found is None:
        return None
    facts: dict[str, Any] = {name: value for name, value in found.groupdict().items() if value is not None}
    if kind == "created":
        facts["priority"] = int(facts["priority"])
    elif kind == "state":
        why = facts.pop("why", None)
        arrived = re.fullmatch(r"(.+) arrived", why or "", re.S)
        into = re.fullmatch(r"into (\S+)", why or "")
        if why is None:
            pass
        elif facts["to"] in (IncidentState.CLOSED.value, IncidentState.CANCELLED.value):
            facts |= {"because": OUTCOME, "outcome": why}  # as typed
        elif why in _WHY:
            facts["because"] = _WHY[why]
        elif arrived and facts["to"] == IncidentState.ON_SCENE.value:
            facts |= {"because": "arrived", "unit": arrived[1]}
        elif into and facts["to"] == IncidentState.MERGED.value:
            facts |= {"because": "merged into", "incident": into[1]}
        else:
            return None
    elif kind == "unit":
        if facts.pop("cleared", None):
            facts |= {"state": UnitState.AVAILABLE.value, "cleared": True}
    elif kind == "field":
        facts["field"] = facts["field"].replace(" ", "_")
        facts |= {name: "" if facts[name] == "-" else facts[name] for name in ("old", "new")}
    elif kind == "merge":
        facts["units"] = facts["units"].split(", ") if facts.get("units") else []
    elif kind == "anpr":
        facts["confidence"] = int(facts["confidence"]) / 100
    return facts
