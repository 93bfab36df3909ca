"""Incidents and street units: their records and state machines (domain.md, "Dispatch").

Plain data and pure rules: the store keeps the records, the service applies the
rules inside the transaction that writes the change and its audit entry, and
the panel shows them. Every illegal transition is refused with a sentence an
operator can act on.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from console.store.backend import utc_moment
from console.wording import QT_TRANSLATE_NOOP, Worded, WordedError


class IllegalChange(WordedError):
    """A change the rules refuse: the message says why and what to do instead."""


class Source(Enum):
    PHONE = "phone"
    CAMERA = "camera"
    ANPR = "ANPR"
    PATROL = "patrol"
    CITIZEN_REPORT = "citizen report"


class IncidentState(Enum):
    NEW = "new"
    DISPATCHED = "dispatched"
    ON_SCENE = "on scene"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    MERGED = "merged"

    @property
    def is_open(self) -> bool:
        return self in (IncidentState.NEW, IncidentState.DISPATCHED, IncidentState.ON_SCENE)


class UnitKind(Enum):
    CAR = "car"
    BIKE = "bike"
    FOOT = "foot"


class UnitState(Enum):
    AVAILABLE = "available"
    DISPATCHED = "dispatched"
    EN_ROUTE = "en route"
    ON_SCENE = "on scene"
    BUSY = "busy"
    OUT_OF_SERVICE = "out of service"

    @property
    def is_on_incident(self) -> bool:
        return self in (UnitState.DISPATCHED, UnitState.EN_ROUTE, UnitState.ON_SCENE)


_I = IncidentState
INCIDENT_TRANSITIONS: dict[IncidentState, frozenset[IncidentState]] = {
    _I.NEW: frozenset({_I.DISPATCHED, _I.CANCELLED, _I.MERGED}),
    _I.DISPATCHED: frozenset({_I.ON_SCENE, _I.NEW, _I.CANCELLED, _I.MERGED}),  # NEW: every unit stood down
    _I.ON_SCENE: frozenset({_I.CLOSED, _I.MERGED}),
    _I.CLOSED: frozenset(),
    _I.CANCELLED: frozenset(),
    _I.MERGED: frozenset(),
}
_U = UnitState
UNIT_TRANSITIONS: dict[UnitState, frozenset[UnitState]] = {
    _U.AVAILABLE: frozenset({_U.DISPATCHED, _U.BUSY, _U.OUT_OF_SERVICE}),
    _U.DISPATCHED: frozenset({_U.EN_ROUTE, _U.AVAILABLE}),  # AVAILABLE: stood down before leaving
    _U.EN_ROUTE: frozenset({_U.ON_SCENE, _U.AVAILABLE}),  # AVAILABLE: stood down on the way
    _U.ON_SCENE: frozenset({_U.AVAILABLE}),  # cleared
    _U.BUSY: frozenset({_U.AVAILABLE, _U.OUT_OF_SERVICE}),
    _U.OUT_OF_SERVICE: frozenset({_U.AVAILABLE}),
}
_INCIDENT_HINTS = {
    (_I.NEW, _I.ON_SCENE): QT_TRANSLATE_NOOP("Domain", "dispatch a unit first"),
    (_I.NEW, _I.CLOSED): QT_TRANSLATE_NOOP("Domain", "an incident nobody went to is cancelled, not closed"),
    (_I.DISPATCHED, _I.CLOSED): QT_TRANSLATE_NOOP("Domain", "a unit must be on scene first (or cancel it)"),
    (_I.ON_SCENE, _I.CANCELLED): QT_TRANSLATE_NOOP("Domain", "a unit is on scene: close it with an outcome"),
}
_UNIT_HINTS = {
    (_U.AVAILABLE, _U.EN_ROUTE): QT_TRANSLATE_NOOP("Domain", "dispatch it to an incident first"),
    (_U.AVAILABLE, _U.ON_SCENE): QT_TRANSLATE_NOOP("Domain", "dispatch it to an incident first"),
    (_U.DISPATCHED, _U.ON_SCENE): QT_TRANSLATE_NOOP("Domain", "it reports en route first"),
    (_U.BUSY, _U.DISPATCHED): QT_TRANSLATE_NOOP("Domain", "it is busy: set it available first"),
    (_U.OUT_OF_SERVICE, _U.DISPATCHED): QT_TRANSLATE_NOOP("Domain", "it is out of service"),
}


def check_incident_transition(incident_id: str, current: IncidentState, wanted: IncidentState) -> None:
    if wanted in INCIDENT_TRANSITIONS[current]:
        return
    if not current.is_open:
        raise IllegalChange(
            QT_TRANSLATE_NOOP("Domain", "incident {incident} is {state}: it cannot change any more"),
            incident=incident_id,
            state=current,
        )
    template = QT_TRANSLATE_NOOP("Domain", "incident {incident} cannot go from {state} to {wanted}")
    raise _refused(Worded(template, incident=incident_id, state=current, wanted=wanted),
                   _INCIDENT_HINTS.get((current, wanted)))  # fmt: skip


def check_unit_transition(call_sign: str, current: UnitState, wanted: UnitState) -> None:
    if wanted in UNIT_TRANSITIONS[current]:
        return
    hint = _UNIT_HINTS.get((current, wanted))
    if hint is None and current.is_on_incident and not wanted.is_on_incident:
        hint = QT_TRANSLATE_NOOP("Domain", "it is on an incident: clear it (available) first")
    template = QT_TRANSLATE_NOOP("Domain", "{unit} cannot go from {state} to {wanted}")
    raise _refused(Worded(template, unit=call_sign, state=current, wanted=wanted), hint)


def _refused(refusal: Worded, hint: str | None) -> IllegalChange:
    """A refused transition, with what to do instead when the rules know it."""
    if hint is None:
        return IllegalChange(refusal.template, **refusal.values)
    return IllegalChange(QT_TRANSLATE_NOOP("Domain", "{refusal}: {hint}"), refusal=refusal, hint=Worded(hint))


parse_utc = utc_moment  # a stored moment ("2026-11-28T15:44:16.123456Z"): the store's one parse of its UTC text


@dataclass(frozen=True)
class Snapshot:
    camera: str
    utc: str
    file: str
    sha256: str


@dataclass(frozen=True)
class TimelineEvent:
    """One line of an incident's timeline: what happened as a fact (``kind`` and its ``facts``), worded when shown
    (``console.dispatch.timeline``); a note's ``text`` is the operator's own."""

    utc: str
    user: str
    kind: str  # created, state, dispatch, unit, note, field, camera, snapshot, merge, acknowledged, anpr
    text: str  # a note as typed; a line stored before the timeline held facts: its sentence as stored
    facts: dict[str, Any] | None = field(default=None, hash=False)  # None: a note, or a sentence no fact was read from


@dataclass(frozen=True)
class IncidentType:
    """An incident's type as stored: one of :data:`INCIDENT_TYPES` (worded in the reader's language), or the
    text typed."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Incident:
    id: str  # "2026-0042": year and number, as the room says it on the radio
    source: Source
    type: str
    priority: int  # 1 (urgent) .. 3
    state: IncidentState
    created_utc: str
    created_by: str
    address: str = ""
    area: str | None = None
    lat: float | None = None
    lon: float | None = None
    description: str = ""
    caller: str = ""
    cameras: tuple[str, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()
    units: tuple[str, ...] = ()  # call signs of the units on it now
    outcome: str = ""
    report_number: str = ""
    merged_into: str | None = None
    first_dispatched_utc: str | None = None
    updated_utc: str = ""
    hit: int | None = None  # the ANPR hit it came from
    timeline: tuple[TimelineEvent, ...] = field(default=(), compare=False)

    def waiting_s(self, now: dt.datetime) -> float:
        """How long it has waited for a first unit (0 once one was dispatched)."""
        if self.first_dispatched_utc is not None or not self.state.is_open:
            return 0.0
        return max(0.0, (now - parse_utc(self.created_utc)).total_seconds())

    def age_s(self, now: dt.datetime) -> float:
        return max(0.0, (now - parse_utc(self.created_utc)).total_seconds())

    @property
    def where(self) -> str:
        return self.address or (self.area or "")

    @property
    def acknowledged_by(self) -> str | None:
        """Who took a new priority-1 call in hand (its alert closes on every desk), or None."""
        return next((event.user for event in self.timeline if event.kind == "acknowledged"), None)

    @property
    def needs_acknowledging(self) -> bool:
        return self.priority == 1 and self.state == IncidentState.NEW and self.acknowledged_by is None


@dataclass(frozen=True)
class Unit:
    call_sign: str
    kind: UnitKind
    home_area: str | None = None
    state: UnitState = UnitState.AVAILABLE
    incident: str | None = None
    since_utc: str = ""


def queue_order(incidents: Iterable[Incident]) -> list[Incident]:
    """The open incidents as the room works them: priority first; within it, those still waiting for a
    unit before those served; then the longest waiting."""
    return sorted((incident for incident in incidents if incident.state.is_open),
                  key=lambda incident: (incident.priority, incident.first_dispatched_utc is not None,
                                        incident.created_utc, incident.id))  # fmt: skip


def overdue(incidents: Iterable[Incident], now: dt.datetime, wait_s: float) -> list[Incident]:
    """Priority-1 incidents that have waited longer than ``wait_s`` without any unit (the team chief is warned)."""
    return [
        incident
        for incident in queue_order(incidents)
        if incident.priority == 1 and incident.state == IncidentState.NEW and incident.waiting_s(now) > wait_s
    ]


def unit_report_targets(state: UnitState) -> frozenset[UnitState]:
    """What a unit may report from a state (dispatching is done from an incident)."""
    return UNIT_TRANSITIONS[state] - {UnitState.DISPATCHED}


def units_to_offer(units: Iterable[Unit], area: str | None) -> list[Unit]:
    """The available units for an incident: those of its area first, then by call sign."""
    available = [unit for unit in units if unit.state == UnitState.AVAILABLE]
    return sorted(available, key=lambda unit: (unit.home_area != area, unit.call_sign))


# -- where: distances, nearby cameras, a street gazetteer from the camera configuration -------------
EARTH_RADIUS_M = 6_371_000.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine): accurate to metres at city scale."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Place:
    """A camera as the dispatch rules see it: where it stands."""

    id: str
    area: str
    street: str
    lat: float
    lon: float
    kind: str = "fixed"


NEARBY_M = 500.0  # cameras this close to the incident follow it (our choice: a few minutes on foot)


def cameras_for(incident: Incident, places: Sequence[Place], count: int = 4, nearby_m: float = NEARBY_M) -> list[str]:
    """The cameras that show an incident: its linked cameras, then the nearest within reach, then its area's.

    ANPR cameras count only when linked (they look at plates on roads, not at a scene).
    """
    chosen = [camera for camera in incident.cameras if any(place.id == camera for place in places)]
    candidates = [place for place in places if place.id not in chosen and place.kind != "anpr"]
    if incident.lat is not None and incident.lon is not None:
        by_distance = sorted(
            ((distance_m(incident.lat, incident.lon, place.lat, place.lon), place) for place in candidates),
            key=lambda pair: pair[0],
        )
        chosen += [place.id for metres, place in by_distance if metres <= nearby_m]
    if incident.area is not None:
        chosen += [place.id for place in candidates if place.area == incident.area and place.id not in chosen]
    return chosen[:count]


@dataclass(frozen=True)
class Located:
    street: str
    area: str
    lat: float
    lon: float


def locate(address: str, places: Sequence[Place]) -> Located | None:
    """The known street an address names (the longest match), placed at the mean of its cameras.

    The console has no geocoder; the streets its cameras stand on are a gazetteer that
    covers where the room can look anyway.
    """
    text = " ".join(address.lower().split())
    streets: dict[str, list[Place]] = {}
    for place in places:
        streets.setdefault(place.street, []).append(place)
    matches = [street for street in streets if street.lower() in text]
    if not matches:
        return None
    street = max(matches, key=len)
    on_street = streets[street]
    areas = [place.area for place in on_street]
    area = max(areas, key=areas.count)  # ties: the area of the street's first camera
    return Located(street, area, sum(p.lat for p in on_street) / len(on_street),
                   sum(p.lon for p in on_street) / len(on_street))  # fmt: skip


INCIDENT_TYPES = (
    QT_TRANSLATE_NOOP("Words", "fight"),
    QT_TRANSLATE_NOOP("Words", "shoplifting"),
    QT_TRANSLATE_NOOP("Words", "purse snatching"),
    QT_TRANSLATE_NOOP("Words", "bike theft"),
    QT_TRANSLATE_NOOP("Words", "burglary"),
    QT_TRANSLATE_NOOP("Words", "vandalism"),
    QT_TRANSLATE_NOOP("Words", "nuisance"),
    QT_TRANSLATE_NOOP("Words", "suspicious person"),
    QT_TRANSLATE_NOOP("Words", "traffic accident"),
    QT_TRANSLATE_NOOP("Words", "wanted vehicle"),
    QT_TRANSLATE_NOOP("Words", "missing person"),
    QT_TRANSLATE_NOOP("Words", "camera observation"),
    QT_TRANSLATE_NOOP("Words", "other"),
)  # fmt: skip  (the usual ones; any text is accepted)
