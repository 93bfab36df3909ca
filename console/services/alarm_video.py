"""Video that comes to the operator: which alarm's camera a desk shows where, under which reason; a Mobbox's health.

An alarm whose rule says ``show: alarm tile`` or ``show: window N`` puts its camera in front of the
desks it is for (its list: :func:`~console.services.alarm_queue.visible_to`): on the alarm tile
beside the wall, or on the wall's window (tile) N in place of the operator's camera. The view is
logged like any view, under the alarm's own reason (category alarm, "alarm 0042"), never under
the desk's: the desk's reason stays the desk's. Once another desk takes the alarm (or it is
closed) it leaves this desk's list, and its video goes with it; the desk that took it keeps it
until it is closed or dismissed. Pure: the desk's widgets apply what this decides.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from console.access.reasons import Category, Kind, Reason
from console.alarms.model import ALARM_REASON_PREFIX, Alarm, AlarmState, alarm_label
from console.services.alarm_queue import visible_to
from console.store import alarms as alarm_rows
from console.store.backend import Database, utc_moment

ALARM_TILE = "alarm tile"
PRE_ALARM_S = 10.0  # the recording shown beside live starts this long before the alarm's event
POST_ALARM_S = 10.0  # ... and goes round again this long after it (the moment itself, over and over)
INTAKE_ALIVE_S = 10.0  # an events service not reported for this long (it reports every 2 s) hears nothing now
_WINDOW = re.compile(r"^window ([1-9])$")


def alarm_reason(alarm_id: int) -> Reason:
    """The reason of a view an alarm brought: administrative police, category alarm, "alarm 0042"."""
    return Reason(Kind.ADMINISTRATIVE, Category.ALARM, f"{ALARM_REASON_PREFIX} {alarm_label(alarm_id)}")


def window_of(show: str) -> int | None:
    """'window 2' -> 2 (the wall's second window); None for the alarm tile or no video."""
    matched = _WINDOW.match(show)
    return int(matched.group(1)) if matched else None


def shows_video(alarm: Alarm) -> bool:
    return alarm.show == ALARM_TILE or window_of(alarm.show) is not None


def _urgency(alarm: Alarm, user: str, workstation: str | None) -> tuple[int, int, str, int]:
    """Most urgent first: the alarm this desk took (its operator handles it now), then priority 1 before 3, then the
    oldest (it waited longest)."""
    is_taken_here = (alarm.state is AlarmState.IN_PROGRESS and alarm.taken_by == user
                     and (workstation is None or alarm.taken_workstation == workstation))  # fmt: skip
    return 0 if is_taken_here else 1, alarm.priority, alarm.raised_utc, alarm.id


def wanted_video(alarms: list[Alarm], user: str, role: str, dismissed: set[int],
                 window_count: int, workstation: str | None = None) -> dict[str, Alarm]:  # fmt: skip
    """Where each alarm's camera goes on this desk now: target ('alarm tile' or 'window N') -> the alarm.

    One alarm per target: the one this desk took (on ``workstation``) first, else the most urgent. An alarm for a
    window the wall does not have, or for any window of a 1x1 wall (its only picture stays the operator's), comes
    on the alarm tile. Alarms dismissed here stay away.
    """
    wanted: dict[str, Alarm] = {}
    for alarm in sorted(alarms, key=lambda each: _urgency(each, user, workstation)):
        if alarm.id in dismissed or not shows_video(alarm) or not visible_to(alarm, user, role):
            continue
        window = window_of(alarm.show)
        is_on_wall = window is not None and window <= window_count and window_count > 1
        target = f"window {window}" if is_on_wall else ALARM_TILE
        wanted.setdefault(target, alarm)
    return wanted


def waiting_count(alarms: list[Alarm], user: str, role: str, shown: set[int], dismissed: set[int]) -> int:
    """Alarms with video on this desk's list that no target shows now (another is more urgent; not closed here)."""
    return sum(1 for alarm in alarms if shows_video(alarm) and visible_to(alarm, user, role)
               and alarm.id not in shown and alarm.id not in dismissed)  # fmt: skip


def priority_one_waiting(alarms: list[Alarm], user: str, role: str) -> int:
    """New priority-1 alarms on this desk's list (nobody took them): a locked desk says these apart."""
    return sum(1 for alarm in alarms if alarm.state is AlarmState.NEW and alarm.priority == 1
               and visible_to(alarm, user, role))  # fmt: skip


def pre_alarm_start(alarm: Alarm) -> dt.datetime:
    """Where the replay beside live starts: the alarm's event time less PRE_ALARM_S."""
    return utc_moment(alarm.event_utc) - dt.timedelta(seconds=PRE_ALARM_S)


# -- a Mobbox's health ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DeviceHealth:
    """What a Mobbox (or a camera with inputs) last said of its battery, uplink and door (None: not said).

    A camera says its door, battery and uplink when they change: what it said last holds while the room's events
    service follows it (a live report, its subscription active). Otherwise nobody would hear a change: stale.
    """

    device: str
    camera: str
    battery_pct: float | None
    battery_low: bool | None
    uplink: str | None  # ok | degraded | lost
    door: str | None  # open | closed
    updated_utc: str
    is_heard: bool = True  # the events service follows one of its cameras now (live, subscription active)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DeviceHealth:
        low = row.get("battery_low")
        pct = row.get("battery_pct")
        return cls(str(row["device"]), str(row["camera"]), None if pct is None else float(pct),
                   None if low is None else bool(low), row.get("uplink"), row.get("door"),
                   str(row["updated_utc"]))  # fmt: skip

    def age_s(self, now: dt.datetime) -> float:
        return max(0.0, (now - utc_moment(self.updated_utc)).total_seconds())

    def is_stale(self, now: dt.datetime) -> bool:
        """Nobody hears the device now: what it said last may have changed since (``now``: for the words)."""
        return not self.is_heard

    @property
    def is_battery_low(self) -> bool:
        return bool(self.battery_low) or (self.battery_pct is not None and self.battery_pct < 20)

    @property
    def is_door_open(self) -> bool:
        return self.door == "open"


def health_by_device(rows: list[dict[str, Any]]) -> dict[str, DeviceHealth]:
    return {str(row["device"]): DeviceHealth.from_row(row) for row in rows}


def heard_cameras(intakes: list[dict[str, Any]], now: dt.datetime) -> set[str]:
    """The cameras a live events service follows now, their subscription active."""
    heard: set[str] = set()
    for intake in intakes:
        if (now - utc_moment(str(intake["last_seen_utc"]))).total_seconds() > INTAKE_ALIVE_S:
            continue
        for camera, state in dict(intake.get("cameras") or {}).items():
            if isinstance(state, dict) and state.get("subscription") == "active":
                heard.add(camera)
    return heard


def read_health(database: Database, cameras_of: dict[str, list[str]],
                now: dt.datetime | None = None) -> dict[str, DeviceHealth]:  # fmt: skip
    """Every device's health as the events service last wrote it, and whether it is heard now (a worker's call).

    ``cameras_of``: a device's cameras (a Mobbox's two); a device not named is heard through its last camera."""
    with database.read() as transaction:
        rows, intakes = alarm_rows.read_health(transaction), alarm_rows.read_intakes(transaction)
    heard = heard_cameras(intakes, now or dt.datetime.now(dt.UTC))
    health = health_by_device(rows)
    return {device: dataclasses.replace(each, is_heard=bool(heard & set(cameras_of.get(device, [each.camera]))))
            for device, each in health.items()}  # fmt: skip
