"""Dispatch changes: each one an audit entry plus the function that checks and writes it.

A :class:`Change` is built anywhere (the panel, the command line) and carried out
by the audit log inside the transaction of its entry: the function reads the
records as they are now, applies the rules of ``model`` and writes, or raises
``ChangeRefused`` with the reason, and then neither the change nor its entry is
written. So two consoles dispatching the same unit at once cannot both succeed,
and nothing changes that the log does not hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from console.audit.log import ChangeRefused, Record, utc_text
from console.config.loader import did_you_mean
from console.dispatch import timeline
from console.dispatch.config import ListEntry, Units, Watchlists, normalise_country, normalise_plate
from console.dispatch.intake_checks import PNG_SIGNATURE, text_problems
from console.dispatch.model import (
    IllegalChange,
    Incident,
    IncidentState,
    Place,
    Snapshot,
    Source,
    TimelineEvent,
    Unit,
    UnitKind,
    UnitState,
    check_incident_transition,
    check_unit_transition,
    locate,
)
from console.store import dispatch as rows
from console.store.backend import Transaction
from console.wording import QT_TRANSLATE_NOOP, Worded

EDITABLE = ("type", "priority", "address", "area", "lat", "lon", "description", "caller", "outcome", "report_number")
EDITABLE_WHEN_FINISHED = ("outcome", "report_number")  # the report follows after the incident is closed
OUTCOMES = ("confirmed", "misread", "wrong list entry")
OPEN_STATES = tuple(state.value for state in IncidentState if state.is_open)
DIRECTIONS = ("inbound", "outbound", "unknown")
MAX_TEXT = 2000
MAX_LINE = {"type": 80, "address": 200, "caller": 200}  # one-line fields: shown on one line in every list


@dataclass(frozen=True)
class Change:
    """What to log (``what``, ``camera``, ``detail``) and the function that makes the change."""

    what: str
    detail: dict[str, Any]
    effect: Callable[[Transaction], dict | None]
    camera: str | None = None
    finishes: str | None = None  # the incident this change finishes (closed, cancelled, merged): no more viewing

    def record(self, who: dict[str, str], reason: dict | None = None) -> Record:
        return Record(who["user"], who["role"], who["workstation"], self.what, self.camera, self.detail, reason,
                      (self.effect,))  # fmt: skip


class NothingToDo(ChangeRefused):
    """The records are already as asked: no change, no entry (not shown as a refusal)."""


class IncidentFinished(ChangeRefused):
    """An entry under an incident's reason met the incident finished in the records (maybe by another desk)."""

    def __init__(self, incident: str, state: IncidentState) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain", "incident {incident} is {state}: its reason covers no new viewing; give a new reason (R)"
            ),
            incident=incident,
            state=state,
        )
        self.incident = incident


def incident_still_open(incident_id: str) -> Callable[[Transaction], None]:
    """An effect for an entry under an incident's reason: written only while the records hold the incident open.

    The desk hears of a finish on another desk a moment later; this check, in the entry's own transaction,
    leaves no moment in which it views, leases or aims under a finished incident. A reference the records
    do not hold (a report number of another service) is not an incident here: it is not checked."""

    def effect(transaction: Transaction) -> None:
        row = rows.incident_row(transaction, incident_id)
        if row is not None and not IncidentState(row["state"]).is_open:
            raise IncidentFinished(incident_id, IncidentState(row["state"]))

    return effect


def _checked(check: Callable[[], None]) -> None:
    try:
        check()
    except IllegalChange as error:
        raise ChangeRefused("{refusal}", refusal=error.worded) from None


def _incident(transaction: Transaction, incident_id: str) -> dict[str, Any]:
    row = rows.incident_row(transaction, incident_id)
    if row is None:
        raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no incident {incident}"), incident=incident_id)
    return row


def _set_incident_state(transaction: Transaction, row: dict, wanted: IncidentState, by: str, utc: str,
                        revision: int, because: dict[str, Any] | None = None, **more: Any) -> None:  # fmt: skip
    """``because``: why, as the timeline's facts say it (``{"because": "arrived", "unit": "Leie 11"}``)."""
    current = IncidentState(row["state"])
    _checked(lambda: check_incident_transition(row["id"], current, wanted))
    rows.update_incident(transaction, row["id"], {"state": wanted.value, "updated_utc": utc, "revision": revision,
                                                 **more})  # fmt: skip
    rows.add_event(transaction, row["id"], utc, by, "state", timeline.state_changed(current, wanted, **(because or {})))
    row["state"] = wanted.value


def _set_unit_state(transaction: Transaction, unit: dict, wanted: UnitState, incident: str | None, by: str,
                    utc: str, revision: int) -> None:  # fmt: skip
    current = UnitState(unit["state"])
    _checked(lambda: check_unit_transition(unit["call_sign"], current, wanted))
    rows.set_unit(transaction, unit["call_sign"], wanted.value, incident, utc, revision)
    concerned = incident or unit["incident"]
    rows.add_unit_event(transaction, unit["call_sign"], utc, by, current.value, wanted.value, concerned)
    unit["state"], unit["incident"] = wanted.value, incident


# -- incidents ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Draft:
    """A new incident as taken: from the phone, a tile, an ANPR hit, a patrol or a citizen's report."""

    source: Source
    type: str
    priority: int = 2
    address: str = ""
    area: str | None = None
    lat: float | None = None
    lon: float | None = None
    description: str = ""
    caller: str = ""
    cameras: tuple[str, ...] = ()
    snapshots: tuple[Snapshot, ...] = field(default=())
    hit: int | None = None

    def problems(self) -> list[Worded]:
        found = []
        if not self.type.strip():
            found.append(Worded(QT_TRANSLATE_NOOP("Domain", "the type is missing")))
        if self.priority not in (1, 2, 3):
            found.append(
                Worded(QT_TRANSLATE_NOOP("Domain", "priority {priority}: 1 (urgent), 2 or 3"), priority=self.priority)
            )
        if not (self.address.strip() or self.area or self.cameras):
            found.append(Worded(QT_TRANSLATE_NOOP("Domain", "where is it? give an address, an area or a camera")))
        if (self.lat is None) != (self.lon is None):
            found.append(Worded(QT_TRANSLATE_NOOP("Domain", "give both latitude and longitude, or neither")))
        for name, limit in MAX_LINE.items():
            found += text_problems(name, getattr(self, name), limit)
        found += text_problems("description", self.description, MAX_TEXT, is_multiline=True)
        return found


def create_incident(draft: Draft, by: str, now: dt.datetime | None = None) -> Change:
    problems = draft.problems()
    if problems:
        raise IllegalChange("{problems}", problems=problems)
    moment = now or dt.datetime.now(dt.UTC)

    def effect(transaction: Transaction) -> dict:
        utc = utc_text(moment)
        revision = rows.next_revision(transaction)
        number = rows.next_incident_number(transaction, moment.year)
        incident_id = f"{moment.year}-{number:04d}"
        rows.insert_incident(transaction, {
            "id": incident_id, "year": moment.year, "number": number, "source": draft.source.value,
            "type": draft.type.strip(), "priority": draft.priority, "state": IncidentState.NEW.value,
            "created_utc": utc, "created_by": by, "updated_utc": utc, "address": draft.address.strip(),
            "area": draft.area, "lat": draft.lat, "lon": draft.lon, "description": draft.description.strip(),
            "caller": draft.caller.strip(), "cameras": list(draft.cameras),
            "snapshots": [snapshot.__dict__ for snapshot in draft.snapshots], "assigned": [], "hit": draft.hit,
            "revision": revision})  # fmt: skip
        created = timeline.created(draft.source, draft.type.strip(), draft.priority)
        rows.add_event(transaction, incident_id, utc, by, "created", created)
        if draft.hit is not None:
            hit = rows.hit_row(transaction, draft.hit)
            if hit is None or hit["outcome"] != "confirmed":
                raise ChangeRefused(
                    QT_TRANSLATE_NOOP(
                        "Domain", "ANPR hit {hit} is not confirmed: compare the read with the image first"
                    ),
                    hit=draft.hit,
                )
            if hit["incident"]:
                raise ChangeRefused(
                    QT_TRANSLATE_NOOP("Domain", "ANPR hit {hit} already became incident {incident}"),
                    hit=draft.hit,
                    incident=hit["incident"],
                )
            rows.update_hit(transaction, draft.hit, {"incident": incident_id, "revision": revision})
        return {"incident": incident_id}

    detail = {"source": draft.source.value, "type": draft.type.strip(), "priority": draft.priority,
              "where": draft.address.strip() or draft.area or "", "cameras": list(draft.cameras)}  # fmt: skip
    if draft.hit is not None:
        detail["hit"] = draft.hit
    camera = draft.cameras[0] if draft.cameras else None
    return Change("incident created", detail, effect, camera)


def update_incident(incident_id: str, changes: dict[str, Any], by: str) -> Change:
    unknown = [name for name in changes if name not in EDITABLE]
    if unknown:
        raise IllegalChange(QT_TRANSLATE_NOOP("Domain", "these cannot be edited: {fields}"), fields=unknown)
    if "priority" in changes and changes["priority"] not in (1, 2, 3):
        raise IllegalChange(
            QT_TRANSLATE_NOOP("Domain", "priority {priority}: 1 (urgent), 2 or 3"), priority=changes["priority"]
        )
    if "type" in changes and not str(changes["type"]).strip():
        raise IllegalChange(QT_TRANSLATE_NOOP("Domain", "the type cannot be empty"))
    faults = [fault for name, value in changes.items() if isinstance(value, str)
              for fault in text_problems(name.replace("_", " "), value, MAX_LINE.get(name, MAX_TEXT),
                                         is_multiline=name == "description")]  # fmt: skip
    if faults:  # an edit is a door too: the same one-line rule as a new incident's
        raise IllegalChange("{problems}", problems=faults)

    def effect(transaction: Transaction) -> None:
        row = _incident(transaction, incident_id)
        if not IncidentState(row["state"]).is_open:
            late = [name for name in changes if name not in EDITABLE_WHEN_FINISHED]
            if late:
                state = row["state"]
                raise ChangeRefused(
                    QT_TRANSLATE_NOOP(
                        "Domain", "incident {incident} is {state}: only its outcome and report number change"
                    ),
                    incident=incident_id,
                    state=IncidentState(state),
                )
        real = {name: value for name, value in changes.items() if row[name] != value}
        if not real:
            return
        utc, revision = utc_text(), rows.next_revision(transaction)
        rows.update_incident(transaction, incident_id, {**real, "updated_utc": utc, "revision": revision})
        for name, value in real.items():
            rows.add_event(transaction, incident_id, utc, by, "field", timeline.field_changed(name, row[name], value))

    return Change("incident updated", {"incident": incident_id, "fields": sorted(changes)}, effect)


def acknowledge(incident_id: str, by: str) -> Change:
    """A desk takes a new priority-1 call in hand: its alert closes on every desk (the first one counts)."""

    def effect(transaction: Transaction) -> None:
        row = _incident(transaction, incident_id)
        if any(event["kind"] == "acknowledged" for event in rows.event_rows(transaction, [incident_id])):
            raise NothingToDo(QT_TRANSLATE_NOOP("Domain", "{incident} was already acknowledged"), incident=incident_id)
        if row["state"] not in (IncidentState.NEW.value, IncidentState.DISPATCHED.value):
            raise NothingToDo(
                QT_TRANSLATE_NOOP("Domain", "{incident} is {state}"),
                incident=incident_id,
                state=IncidentState(row["state"]),
            )
        utc, revision = utc_text(), rows.next_revision(transaction)
        rows.add_event(transaction, incident_id, utc, by, "acknowledged", {})
        rows.update_incident(transaction, incident_id, {"updated_utc": utc, "revision": revision})

    return Change("priority-1 acknowledged", {"incident": incident_id}, effect)


def add_note(incident_id: str, text: str, by: str) -> Change:
    text = text.strip()
    if not text:
        raise IllegalChange(QT_TRANSLATE_NOOP("Domain", "the note is empty"))
    if len(text) > MAX_TEXT:
        raise IllegalChange(QT_TRANSLATE_NOOP("Domain", "the note is longer than {limit} characters"), limit=MAX_TEXT)

    def effect(transaction: Transaction) -> None:
        _incident(transaction, incident_id)
        utc, revision = utc_text(), rows.next_revision(transaction)
        rows.add_event(transaction, incident_id, utc, by, "note", text=text)  # the operator's words, as typed
        rows.update_incident(transaction, incident_id, {"updated_utc": utc, "revision": revision})

    return Change("incident note", {"incident": incident_id, "characters": len(text)}, effect)


def link_camera(incident_id: str, camera: str, by: str, snapshot: Snapshot | None = None) -> Change:
    def effect(transaction: Transaction) -> None:
        row = _incident(transaction, incident_id)
        if not IncidentState(row["state"]).is_open:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Domain", "incident {incident} is {state}"),
                incident=incident_id,
                state=IncidentState(row["state"]),
            )
        utc, revision = utc_text(), rows.next_revision(transaction)
        changes: dict[str, Any] = {"updated_utc": utc, "revision": revision}
        if camera not in row["cameras"]:
            changes["cameras"] = [*row["cameras"], camera]
            rows.add_event(transaction, incident_id, utc, by, "camera", {"camera": camera})
        if snapshot is not None:
            changes["snapshots"] = [*row["snapshots"], snapshot.__dict__]
            taken = timeline.snapshot_taken(camera, snapshot.file, snapshot.sha256)
            rows.add_event(transaction, incident_id, utc, by, "snapshot", taken)
        rows.update_incident(transaction, incident_id, changes)

    detail = {"incident": incident_id}
    if snapshot is not None:
        detail |= {"snapshot": snapshot.file, "sha256": snapshot.sha256}
    return Change("incident camera linked", detail, effect, camera)


def finish_incident(incident_id: str, wanted: IncidentState, by: str, outcome: str = "") -> Change:
    """Close (with an outcome) or cancel; units still on it are cleared in the same transaction."""
    if wanted not in (IncidentState.CLOSED, IncidentState.CANCELLED):
        raise IllegalChange(
            QT_TRANSLATE_NOOP("Domain", "an incident is finished as closed or cancelled, not {state}"), state=wanted
        )
    outcome = outcome.strip()
    if wanted == IncidentState.CLOSED and not outcome:
        raise IllegalChange(QT_TRANSLATE_NOOP("Domain", "closing needs an outcome (what was found, what was done)"))

    def effect(transaction: Transaction) -> dict:
        row = _incident(transaction, incident_id)
        utc, revision = utc_text(), rows.next_revision(transaction)
        more = {"outcome": outcome} if outcome else {}
        because = {"because": timeline.OUTCOME, "outcome": outcome} if outcome else None
        _set_incident_state(transaction, row, wanted, by, utc, revision, because, **more)
        cleared = _release_units(transaction, incident_id, by, utc, revision)
        return {"units_cleared": cleared} if cleared else {}

    verb = "closed" if wanted == IncidentState.CLOSED else "cancelled"
    return Change(f"incident {verb}", {"incident": incident_id, "outcome": outcome}, effect, finishes=incident_id)


def _release_units(transaction: Transaction, incident_id: str, by: str, utc: str, revision: int) -> list[str]:
    cleared = []
    for unit in rows.unit_rows(transaction):
        if unit["incident"] == incident_id and UnitState(unit["state"]).is_on_incident:
            rows.set_unit(transaction, unit["call_sign"], UnitState.AVAILABLE.value, None, utc, revision)
            rows.add_unit_event(transaction, unit["call_sign"], utc, by, unit["state"], UnitState.AVAILABLE.value,
                                incident_id)  # fmt: skip
            cleared_line = timeline.unit_reported(unit["call_sign"], UnitState.AVAILABLE, is_cleared=True)
            rows.add_event(transaction, incident_id, utc, by, "unit", cleared_line)
            cleared.append(unit["call_sign"])
    return cleared


def merge_incident(incident_id: str, into: str, by: str) -> Change:
    """A duplicate (two calls about one fight): its cameras, snapshots and units move to the other one."""
    if incident_id == into:
        raise IllegalChange(QT_TRANSLATE_NOOP("Domain", "an incident cannot be merged into itself"))

    def effect(transaction: Transaction) -> None:
        source, target = _incident(transaction, incident_id), _incident(transaction, into)
        if not IncidentState(target["state"]).is_open:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Domain", "incident {incident} is {state}: merge into an open incident"),
                incident=into,
                state=IncidentState(target["state"]),
            )
        utc, revision = utc_text(), rows.next_revision(transaction)
        _set_incident_state(transaction, source, IncidentState.MERGED, by, utc, revision,
                            {"because": "merged into", "incident": into}, merged_into=into)  # fmt: skip
        moved_units = []
        for unit in rows.unit_rows(transaction):
            if unit["incident"] == incident_id and UnitState(unit["state"]).is_on_incident:
                rows.set_unit(transaction, unit["call_sign"], unit["state"], into, utc, revision)
                moved_units.append(unit["call_sign"])
        cameras = target["cameras"] + [camera for camera in source["cameras"] if camera not in target["cameras"]]
        changes: dict[str, Any] = {
            "cameras": cameras, "snapshots": target["snapshots"] + source["snapshots"],
            "assigned": target["assigned"] + [u for u in source["assigned"] if u not in target["assigned"]],
            "priority": min(target["priority"], source["priority"]), "updated_utc": utc,
            "revision": revision}  # fmt: skip
        if moved_units and target["first_dispatched_utc"] is None:
            changes["first_dispatched_utc"] = source["first_dispatched_utc"] or utc
        rows.update_incident(transaction, into, changes)
        rows.add_event(transaction, into, utc, by, "merge", timeline.merged_in(incident_id, moved_units))
        if moved_units and target["state"] == IncidentState.NEW.value:
            _set_incident_state(transaction, target, IncidentState.DISPATCHED, by, utc, revision,
                                {"because": "units merged in"})  # fmt: skip
        arrived = any(unit["state"] == UnitState.ON_SCENE.value for unit in rows.unit_rows(transaction)
                      if unit["call_sign"] in moved_units)  # fmt: skip
        if arrived and target["state"] == IncidentState.DISPATCHED.value:
            _set_incident_state(transaction, target, IncidentState.ON_SCENE, by, utc, revision,
                                {"because": "unit on scene"})  # fmt: skip

    return Change("incident merged", {"incident": incident_id, "into": into}, effect, finishes=incident_id)


# -- units ----------------------------------------------------------------------------------------
def dispatch_unit(incident_id: str, call_sign: str, by: str) -> Change:
    def effect(transaction: Transaction) -> None:
        row = _incident(transaction, incident_id)
        unit = rows.unit_row(transaction, call_sign)
        if unit is None:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no unit {unit}"), unit=call_sign)
        if not IncidentState(row["state"]).is_open:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Domain", "incident {incident} is {state}: nothing to send {unit} to"),
                incident=incident_id,
                state=IncidentState(row["state"]),
                unit=call_sign,
            )
        if unit["state"] != UnitState.AVAILABLE.value:
            on = f" to {unit['incident']}" if unit["incident"] else ""
            raise ChangeRefused(f"{call_sign} is {unit['state']}{on}, not available: pick another unit")
        utc, revision = utc_text(), rows.next_revision(transaction)
        _set_unit_state(transaction, unit, UnitState.DISPATCHED, incident_id, by, utc, revision)
        changes: dict[str, Any] = {"updated_utc": utc, "revision": revision,
                                   "assigned": row["assigned"] + ([call_sign] if call_sign not in row["assigned"]
                                                                  else [])}  # fmt: skip
        if row["first_dispatched_utc"] is None:
            changes["first_dispatched_utc"] = utc
        rows.update_incident(transaction, incident_id, changes)
        rows.add_event(transaction, incident_id, utc, by, "dispatch", {"unit": call_sign})
        if row["state"] == IncidentState.NEW.value:
            _set_incident_state(transaction, row, IncidentState.DISPATCHED, by, utc, revision)

    return Change("unit dispatched", {"incident": incident_id, "unit": call_sign}, effect)


def set_unit_state(call_sign: str, wanted: UnitState, by: str) -> Change:
    """A unit reports: en route, on scene, available (cleared or stood down), busy, out of service."""
    if wanted == UnitState.DISPATCHED:
        raise IllegalChange(
            QT_TRANSLATE_NOOP("Domain", "{unit} is dispatched to an incident from the incident (Dispatch)"),
            unit=call_sign,
        )

    def effect(transaction: Transaction) -> dict:
        unit = rows.unit_row(transaction, call_sign)
        if unit is None:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no unit {unit}"), unit=call_sign)
        incident_id = unit["incident"]
        utc, revision = utc_text(), rows.next_revision(transaction)
        keeps = wanted in (UnitState.EN_ROUTE, UnitState.ON_SCENE)
        _set_unit_state(transaction, unit, wanted, incident_id if keeps else None, by, utc, revision)
        if incident_id is None:
            return {}
        row = _incident(transaction, incident_id)
        rows.add_event(transaction, incident_id, utc, by, "unit", timeline.unit_reported(call_sign, wanted))
        rows.update_incident(transaction, incident_id, {"updated_utc": utc, "revision": revision})
        if wanted == UnitState.ON_SCENE and row["state"] == IncidentState.DISPATCHED.value:
            _set_incident_state(transaction, row, IncidentState.ON_SCENE, by, utc, revision,
                                {"because": "arrived", "unit": call_sign})  # fmt: skip
        elif wanted == UnitState.AVAILABLE and row["state"] == IncidentState.DISPATCHED.value:
            still = [u for u in rows.unit_rows(transaction)
                     if u["incident"] == incident_id and UnitState(u["state"]).is_on_incident]  # fmt: skip
            if not still:
                _set_incident_state(transaction, row, IncidentState.NEW, by, utc, revision,
                                    {"because": "stood down"})  # fmt: skip
        return {"incident": incident_id}

    return Change("unit state", {"unit": call_sign, "state": wanted.value}, effect)


def ensure_units(units: Units, by: str) -> Change | None:
    """Configured units the store does not know yet join as available (logged once, as configuration)."""
    if not units.units:
        return None

    def effect(transaction: Transaction) -> dict:
        known = {row["call_sign"] for row in rows.unit_rows(transaction)}
        missing = [unit for unit in units.units if unit.call_sign not in known]
        if not missing:
            raise NothingToDo(QT_TRANSLATE_NOOP("Domain", "every configured unit is known"))
        utc, revision = utc_text(), rows.next_revision(transaction)
        for unit in units.units:
            rows.ensure_unit(transaction, unit.call_sign, unit.kind.value, unit.home_area, utc, revision)
        return {"added": [unit.call_sign for unit in missing]}

    return Change("units configured", {"file": "units.yaml"}, effect)


# -- ANPR hits ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Read:
    """One plate read by an ANPR camera."""

    camera: str
    plate: str
    country: str
    confidence: float
    direction: str = "unknown"
    utc: str = ""
    plate_png: bytes | None = None
    overview_png: bytes | None = None

    def problems(self, anpr_cameras: Sequence[str]) -> list[str]:
        found = []
        camera_problems = text_problems("camera", self.camera, 64)
        found += [str(problem) for problem in camera_problems]
        if not camera_problems and self.camera not in anpr_cameras:
            found.append(f"'{self.camera}' is not an ANPR camera{did_you_mean(self.camera, anpr_cameras)}")
        for name, value, limit, check in (("plate", self.plate, 32, normalise_plate),
                                          ("country", self.country, 8, normalise_country)):  # fmt: skip
            text_faults = text_problems(name, value, limit)
            found += [str(problem) for problem in text_faults]
            if text_faults:
                continue
            try:
                check(value)
            except ValueError as error:
                found.append(str(error))
        if not 0.0 <= self.confidence <= 1.0:
            found.append(f"confidence {self.confidence}: between 0 and 1")
        if self.direction not in DIRECTIONS:
            found.append(f"direction '{self.direction}': one of {', '.join(DIRECTIONS)}")
        for name, image in (("plate image", self.plate_png), ("overview image", self.overview_png)):
            if image is not None and not image.startswith(PNG_SIGNATURE):
                found.append(f"the {name} is not a PNG file")
        return found


def record_read(read: Read, watchlists: Watchlists, today: dt.date, by: str) -> tuple[Change | None, ListEntry | None]:
    """A hit when the read matches a live list entry; ``(None, None)`` when it matches none (not kept)."""
    entry = watchlists.match(read.plate, read.country, today)
    if entry is None:
        return None, None
    utc = read.utc or utc_text()

    def effect(transaction: Transaction) -> dict:
        """A plate already being handled is not a new check: the read joins its incident (a sighting the desks are
        alerted to), or its waiting hit. Any other read is a new hit that names the plate's hit before it (one
        confirmed but not yet an incident, one found a misread): its check is told what became of that one."""
        revision = rows.next_revision(transaction)
        earlier_hits = rows.hits_for_plate(transaction, entry.plate, entry.country)
        for earlier in earlier_hits:
            incident = rows.incident_row(transaction, earlier["incident"]) if earlier["incident"] else None
            if incident is not None and incident["state"] in OPEN_STATES:
                rows.add_event(transaction, incident["id"], utc, by, "anpr",
                               timeline.read_again(entry.plate, read.camera, read.direction, read.confidence,
                                                   earlier["id"]))  # fmt: skip
                cameras = [*incident["cameras"], *([read.camera] if read.camera not in incident["cameras"] else [])]
                rows.update_incident(transaction, incident["id"], {"cameras": cameras, "updated_utc": utc,
                                                                   "revision": revision})  # fmt: skip
                return {"joined_incident": incident["id"], "hit": earlier["id"]}
            if earlier["outcome"] is None:  # still waiting for its check: the newest read is what is checked
                rows.update_hit(transaction, earlier["id"], {
                    "utc": utc, "camera": read.camera, "plate_read": read.plate.strip().upper(),
                    "confidence": read.confidence, "direction": read.direction, "plate_png": read.plate_png,
                    "overview_png": read.overview_png, "revision": revision})  # fmt: skip
                return {"hit": earlier["id"], "joined_hit": True}
        hit_id = rows.insert_hit(transaction, {
            "utc": utc, "camera": read.camera, "plate": entry.plate, "plate_read": read.plate.strip().upper(),
            "country": entry.country, "confidence": read.confidence, "direction": read.direction,
            "list": entry.list, "list_reason": entry.reason, "list_owner": entry.owner,
            "list_expires": entry.expires.isoformat(), "plate_png": read.plate_png,
            "overview_png": read.overview_png, "revision": revision,
            "earlier": earlier_hits[0]["id"] if earlier_hits else None})  # fmt: skip
        return {"hit": hit_id} | ({"earlier": earlier_hits[0]["id"]} if earlier_hits else {})

    detail = {"plate": entry.plate, "country": entry.country, "list": entry.list,
              "confidence": round(read.confidence, 3), "direction": read.direction}  # fmt: skip
    return Change("ANPR hit", detail, effect, read.camera), entry


def record_hit_outcome(hit_id: int, outcome: str, by: str) -> Change:
    if outcome not in OUTCOMES:
        raise IllegalChange(
            QT_TRANSLATE_NOOP("Domain", "outcome '{outcome}': one of {outcomes}"), outcome=outcome, outcomes=OUTCOMES
        )

    def effect(transaction: Transaction) -> None:
        hit = rows.hit_row(transaction, hit_id)
        if hit is None:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no ANPR hit {hit}"), hit=hit_id)
        if hit["outcome"] is not None:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Domain", "ANPR hit {hit} was already checked: {outcome} ({by})"),
                hit=hit_id,
                outcome=hit["outcome"],
                by=hit["outcome_by"],
            )
        rows.update_hit(transaction, hit_id, {"outcome": outcome, "outcome_by": by, "outcome_utc": utc_text(),
                                             "revision": rows.next_revision(transaction)})  # fmt: skip

    return Change("ANPR hit checked", {"hit": hit_id, "outcome": outcome}, effect)


WANTED_VEHICLE = "wanted vehicle"  # the type of an incident made from an ANPR hit (one of INCIDENT_TYPES)


def hit_description(hit: Hit) -> Worded:
    """What the list says of a hit's vehicle and where it was read: the "what" of the incident it becomes."""
    return Worded(QT_TRANSLATE_NOOP("Domain", "{plate} ({country}) on \u2018{list}\u2019: {why}. Read by {camera}, "
                                    "{direction}, {confidence}; list owner {owner}."),
                  plate=hit.plate, country=hit.country, list=hit.list, why=hit.list_reason, camera=hit.camera,
                  direction=hit.direction, confidence=timeline.Percent(hit.confidence),
                  owner=hit.list_owner)  # fmt: skip


def hit_draft(hit: Hit, camera_area: str, street: str, lat: float, lon: float,
              word: Callable[[Worded], str] = str) -> Draft:  # fmt: skip
    """The incident a confirmed hit becomes: the camera, its place, and what the list says. The type is stored
    as its key (worded when shown); the description is text the operator edits, so it is written in the words
    of the desk that makes the incident (``word``; English by default)."""
    return Draft(Source.ANPR, WANTED_VEHICLE, 2, street, camera_area, lat, lon, word(hit_description(hit)), "",
                 (hit.camera,), hit=hit.id)  # fmt: skip


# -- reading --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    id: int
    utc: str
    camera: str
    plate: str
    plate_read: str
    country: str
    confidence: float
    direction: str
    list: str
    list_reason: str
    list_owner: str
    list_expires: str
    outcome: str | None
    outcome_by: str | None
    outcome_utc: str | None
    incident: str | None
    revision: int
    earlier: Earlier | None = None  # the hit of the same plate before this one, and what became of it

    @property
    def is_pending(self) -> bool:
        return self.outcome is None

    @property
    def before(self) -> Worded | None:
        """What the check of this read should know of the plate's hit before it; None when there was none."""
        earlier = self.earlier
        if earlier is None:
            return None
        if earlier.outcome is None:
            return Worded(QT_TRANSLATE_NOOP("Domain", "read before as hit {hit}, not yet checked"), hit=earlier.id)
        if earlier.outcome == "confirmed" and not earlier.incident:
            return Worded(QT_TRANSLATE_NOOP("Domain", "read before as hit {hit}: confirmed by {user}, not made an "
                                            "incident"), hit=earlier.id, user=earlier.outcome_by)  # fmt: skip
        if earlier.incident:
            return Worded(QT_TRANSLATE_NOOP("Domain", "read before as hit {hit}: {outcome} by {user}, incident "
                                            "{incident}"), hit=earlier.id, outcome=earlier.outcome,
                          user=earlier.outcome_by, incident=earlier.incident)  # fmt: skip
        return Worded(QT_TRANSLATE_NOOP("Domain", "read before as hit {hit}: {outcome} by {user}"), hit=earlier.id,
                      outcome=earlier.outcome, user=earlier.outcome_by)  # fmt: skip


@dataclass(frozen=True)
class Earlier:
    """The hit a repeated read of its plate links to, as it stands now."""

    id: int
    utc: str
    outcome: str | None
    outcome_by: str | None
    incident: str | None


def hit_from_row(row: dict[str, Any]) -> Hit:
    values = {name: value for name, value in row.items() if not name.startswith("earlier")}
    earlier = None
    if row.get("earlier") is not None and row.get("earlier_utc") is not None:
        earlier = Earlier(row["earlier"], row["earlier_utc"], row["earlier_outcome"], row["earlier_outcome_by"],
                          row["earlier_incident"])  # fmt: skip
    return Hit(**values, earlier=earlier)


@dataclass(frozen=True)
class Board:
    """Everything the panel shows, read in one go."""

    revision: int
    incidents: tuple[Incident, ...]
    units: tuple[Unit, ...]
    hits: tuple[Hit, ...]

    def incident(self, incident_id: str) -> Incident | None:
        return next((incident for incident in self.incidents if incident.id == incident_id), None)

    def unit(self, call_sign: str) -> Unit | None:
        return next((unit for unit in self.units if unit.call_sign == call_sign), None)

    @property
    def pending_hits(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.is_pending]


def incident_from_row(row: dict[str, Any], events: Sequence[dict], units_now: Sequence[str]) -> Incident:
    return Incident(
        row["id"], Source(row["source"]), row["type"], row["priority"], IncidentState(row["state"]),
        row["created_utc"], row["created_by"], row["address"], row["area"], row["lat"], row["lon"],
        row["description"], row["caller"], tuple(row["cameras"]),
        tuple(Snapshot(**snapshot) for snapshot in row["snapshots"]), tuple(units_now), row["outcome"],
        row["report_number"], row["merged_into"], row["first_dispatched_utc"], row["updated_utc"], row["hit"],
        tuple(timeline_event(event) for event in events),
    )  # fmt: skip


def timeline_event(row: dict[str, Any]) -> TimelineEvent:
    """A timeline row: its facts, or (a row of before the facts) those its English sentence says, when it says any."""
    facts = row["facts"] if row["facts"] is not None else timeline.old_facts(row["kind"], row["text"])
    return TimelineEvent(row["utc"], row["user"], row["kind"], row["text"], facts)


def read_board(transaction: Transaction, is_open_only: bool = False, known_units: Sequence[str] = ()) -> Board:
    """Incidents, units and hits, as one consistent reading when ``transaction`` is a read transaction."""
    revision = rows.revision(transaction)
    incident_rows = rows.incident_rows(transaction, is_open_only)
    events = rows.event_rows(transaction, [row["id"] for row in incident_rows])
    unit_rows = rows.unit_rows(transaction)
    hit_rows = rows.hit_rows(transaction)
    by_incident: dict[str, list[dict]] = {}
    for event in events:
        by_incident.setdefault(event["incident"], []).append(event)
    on_incident: dict[str, list[str]] = {}
    units = []
    for row in unit_rows:
        if known_units and row["call_sign"] not in known_units:
            continue  # no longer in units.yaml
        state = UnitState(row["state"])
        units.append(Unit(row["call_sign"], UnitKind(row["kind"]), row["home_area"], state, row["incident"],
                          row["since_utc"]))  # fmt: skip
        if row["incident"] and state.is_on_incident:
            on_incident.setdefault(row["incident"], []).append(row["call_sign"])
    incidents = tuple(incident_from_row(row, by_incident.get(row["id"], []), on_incident.get(row["id"], []))
                      for row in incident_rows)  # fmt: skip
    return Board(revision, incidents, tuple(units), tuple(hit_from_row(row) for row in hit_rows))


def incident_json(incident: Incident) -> dict[str, Any]:
    """An incident for other systems (``python main.py incidents --json``)."""
    return {
        "id": incident.id, "state": incident.state.value, "source": incident.source.value, "type": incident.type,
        "priority": incident.priority, "created_utc": incident.created_utc, "created_by": incident.created_by,
        "updated_utc": incident.updated_utc, "address": incident.address, "area": incident.area,
        "lat": incident.lat, "lon": incident.lon, "description": incident.description, "caller": incident.caller,
        "cameras": list(incident.cameras), "snapshots": [snapshot.__dict__ for snapshot in incident.snapshots],
        "units": list(incident.units), "outcome": incident.outcome, "report_number": incident.report_number,
        "merged_into": incident.merged_into, "first_dispatched_utc": incident.first_dispatched_utc,
        "anpr_hit": incident.hit,
        "timeline": [{"utc": e.utc, "user": e.user, "kind": e.kind, "text": str(timeline.worded(e)), "facts": e.facts}
                     for e in incident.timeline],  # the line in English, and what it says as data
    }  # fmt: skip


def draft_from_form(source: Source, values: dict[str, Any], places: Sequence[Place]) -> Draft:
    """A new incident as typed in the form: the address located in the gazetteer when it can be."""
    found = locate(values["address"], places)
    area = values["area"] or (found.area if found else None)
    return Draft(source, values["type"], values["priority"], values["address"], area, found.lat if found else None,
                 found.lon if found else None, values["description"], values["caller"])  # fmt: skip


def edited_fields(incident: Incident, values: dict[str, Any], places: Sequence[Place]) -> dict[str, Any]:
    """What the form changed of an incident; a new address of an incident without a position locates it."""
    changes = {name: value for name, value in values.items() if name in EDITABLE and getattr(incident, name) != value}
    if "address" in changes and incident.lat is None:
        found = locate(values["address"], places)
        if found is not None:
            changes |= {"lat": found.lat, "lon": found.lon}
    return changes
