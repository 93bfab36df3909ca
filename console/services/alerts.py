"""What must not be missed on a desk: the alerts its strip shows, computed from the dispatch board.

Each alert has a count and its newest item (what a click opens). ANPR hits to check are
for desks that may see camera images; priority-1 incidents waiting for a unit for every
desk that handles incidents, with those over the limit marked (the team chief's warning);
a wanted vehicle read again while its incident is open (a sighting: where it is now) for
every desk that handles incidents, for a few minutes after the read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from console.dispatch.model import Incident, IncidentType, TimelineEvent, overdue, parse_utc, queue_order
from console.dispatch.service import Board
from console.wording import QT_TRANSLATE_NOOP, Worded

SIGHTING_ALERT_S = 300.0  # a sighting stays an alert this long after the read (our choice: the car has moved on)


@dataclass(frozen=True)
class Alert:
    kind: str  # "anpr", "p1", "sighting", "alarm", "escalated" or "relay" (the room's relays: a technical fault)
    count: int
    text: Worded  # the newest item, as an operator reads it
    target: str  # what a click opens: an incident id, "hit:<id>", "alarm:<id>" or "relay:<host:port>"
    is_urgent: bool  # over its limit (a priority 1 waiting too long), or a hit not yet looked at
    chip: Worded | None = None  # the chip's own short words (a fault says what it is); else the strip words its kind


def things_waiting(alerts: list[Alert]) -> int:
    """How many things wait on the desk, each counted once: the team chief's escalated alarms are new alarms too
    (the 'alarm' alert counts them already), so their own alert adds nothing."""
    return sum(alert.count for alert in alerts if alert.kind != "escalated")


def desk_alerts(board: Board, now: dt.datetime, p1_limit_s: float, shows_hits: bool,
                camera_names: Mapping[str, str]) -> list[Alert]:  # fmt: skip
    alerts: list[Alert] = []
    if shows_hits and board.pending_hits:
        pending = board.pending_hits
        newest = max(pending, key=lambda hit: (hit.utc, hit.id))
        where = camera_names.get(newest.camera, newest.camera)
        text = Worded(
            QT_TRANSLATE_NOOP("Domain", "newest {plate} ({country}) on \u2018{list}\u2019 at {where}"),
            plate=newest.plate,
            country=newest.country,
            list=newest.list,
            where=where,
        )
        before = newest.before
        if before is not None:
            text = Worded(QT_TRANSLATE_NOOP("Domain", "{hit}; {before}"), hit=text, before=before)
        alerts.append(Alert("anpr", len(pending), text, f"hit:{newest.id}", True))
    waiting = [incident for incident in queue_order(board.incidents) if _waits_for_a_unit(incident)]
    if waiting:
        late = overdue(board.incidents, now, p1_limit_s)
        first = late[0] if late else waiting[0]
        minutes, seconds = divmod(int(first.waiting_s(now)), 60)
        waited = f"{minutes}:{seconds:02d}"
        text = Worded(QT_TRANSLATE_NOOP("Domain", "{incident} {type}, {where} \u2013 waiting {waited}"),
                      incident=first.id, type=IncidentType(first.type), where=first.where, waited=waited)  # fmt: skip
        if late:
            text = Worded(QT_TRANSLATE_NOOP("Domain", "{alert} ({late} over {limit} min)"), alert=text, late=len(late),
                          limit=int(p1_limit_s // 60))  # fmt: skip
        alerts.append(Alert("p1", len(waiting), text, first.id, bool(late)))
    seen = sightings(board, now)
    if seen:
        incident, event = seen[0]
        assert event.facts is not None
        ago_s = max(0, int((now - parse_utc(event.utc)).total_seconds()))
        camera = str(event.facts["camera"])
        text = Worded(QT_TRANSLATE_NOOP("Domain", "{plate} at {where} {ago} ago \u2013 incident {incident}"),
                      plate=event.facts["plate"], where=camera_names.get(camera, camera),
                      ago=f"{ago_s // 60}:{ago_s % 60:02d}", incident=incident.id)  # fmt: skip
        alerts.append(Alert("sighting", len(seen), text, incident.id, True))
    return alerts


def sightings(
    board: Board, now: dt.datetime, within_s: float = SIGHTING_ALERT_S
) -> list[tuple[Incident, TimelineEvent]]:
    """Open incidents whose wanted vehicle was read again in the last ``within_s``, the newest read first (one
    per incident: its newest)."""
    found = []
    for incident in board.incidents:
        if not incident.state.is_open:
            continue
        reads = [event for event in incident.timeline if event.kind == "anpr" and event.facts is not None]
        if reads and (now - parse_utc(reads[-1].utc)).total_seconds() <= within_s:
            found.append((incident, reads[-1]))
    return sorted(found, key=lambda pair: pair[1].utc, reverse=True)


def _waits_for_a_unit(incident: Incident) -> bool:
    return incident.priority == 1 and incident.state.is_open and incident.first_dispatched_utc is None


def to_acknowledge(board: Board) -> list[Incident]:
    """New priority-1 calls nobody has taken in hand yet: they pop up on every desk that handles incidents."""
    return [incident for incident in queue_order(board.incidents) if incident.needs_acknowledging]
