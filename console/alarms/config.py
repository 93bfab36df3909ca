"""``alarms.yaml``: which camera events call whom, when; the motion zones; which cameras the detectors watch.

Checked like the other files (every fault at once, with file, line and key). Absent file: every
camera event raises an alarm of priority 2 for the operators, escalated after two minutes, and the
console's own detectors watch nothing (a zone's chief chooses what costs CPU and what may call).

Schedules are wall-clock times of the room (the PC's local time, Belgian time in a Belgian room):
``from: "22:00", to: "06:00"`` runs over midnight; ``days`` are the days a period *starts* on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from console.alarms.model import AlarmKind, Recipient
from console.config.errors import ConfigError, ConfigIssue
from console.config.files import present
from console.config.loader import CameraConfig, did_you_mean, load_checked
from console.config.one_line import OneLineText
from console.config.schema import Strict

ALARMS_FILE = "alarms.yaml"
DEFAULT_ESCALATE_AFTER_S = 120.0  # our choice: two minutes untaken and the team chief hears of it
DEFAULT_PRIORITY = 2
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAYS: tuple[Day, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
KIND_VALUES = tuple(kind.value for kind in AlarmKind)
MAX_WINDOW = 4  # the wall's numbered windows an alarm may take ("window 1" .. "window 4")


class Schedule(Strict):
    """When a rule or a zone is active: from a time to a time (over midnight when to < from), on some days."""

    start: str = Field(alias="from")
    end: str = Field(alias="to")
    days: list[Day] = Field(default_factory=lambda: list(DAYS))

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not _CLOCK.match(value):
            raise ValueError(f"'{value}' is not a time of day like 22:00")
        return value

    def is_active(self, local: dt.datetime) -> bool:
        """Active at this local wall-clock moment? A period over midnight belongs to the day it started on."""
        start, end = _minutes(self.start), _minutes(self.end)
        now = local.hour * 60 + local.minute
        today, yesterday = DAYS[local.weekday()], DAYS[(local.weekday() - 1) % 7]
        if start == end:  # the whole day
            return today in self.days
        if start < end:
            return start <= now < end and today in self.days
        return (now >= start and today in self.days) or (now < end and yesterday in self.days)


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class RuleEntry(Strict):
    """Events of these cameras (or areas) and kinds, in this schedule: this priority, to these people, this video."""

    name: OneLineText = Field(min_length=1, max_length=80)
    cameras: list[str] = Field(default_factory=list)  # empty (and no areas): every camera
    areas: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)  # empty: every kind
    schedule: Schedule | None = None  # absent: always
    priority: int = Field(default=DEFAULT_PRIORITY, ge=1, le=3)
    to: Literal["operators", "team chief", "nobody"] = "operators"  # nobody: kept as the camera's state, no alarm
    show: str = "none"  # none | alarm tile | window 1..4: where its camera comes on the wall of whoever takes it
    escalate_after_s: float | None = Field(default=None, ge=10, le=3600)

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        for kind in kinds:
            if kind not in KIND_VALUES:
                raise ValueError(f"unknown kind '{kind}'{did_you_mean(kind, KIND_VALUES)}; one of "
                                 f"{', '.join(KIND_VALUES)}")  # fmt: skip
        return kinds

    @field_validator("show")
    @classmethod
    def _known_show(cls, show: str) -> str:
        if show in ("none", "alarm tile") or re.fullmatch(rf"window [1-{MAX_WINDOW}]", show):
            return show
        raise ValueError(f"'{show}' is none, alarm tile, or window 1 to window {MAX_WINDOW}")


class ZoneEntry(Strict):
    """Motion in this polygon of the camera's picture (x, y from 0 to 1, from the top left) calls, when active."""

    camera: str
    name: OneLineText = Field(min_length=1, max_length=60)
    polygon: list[tuple[float, float]] = Field(min_length=3, max_length=32)
    schedule: Schedule | None = None  # absent: always
    min_area_pct: float = Field(default=0.5, gt=0, le=100)  # of the whole picture: smaller is rain, leaves, insects
    min_duration_s: float = Field(default=2.0, ge=0.5, le=60)  # motion that lasts less is a gust, a flash

    @field_validator("polygon")
    @classmethod
    def _inside_the_picture(cls, polygon: list[tuple[float, float]]) -> list[tuple[float, float]]:
        for x, y in polygon:
            if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
                raise ValueError(f"point ({x:g}, {y:g}) is outside the picture: x and y go from 0 to 1")
        return polygon


class DetectorsEntry(Strict):
    """Which cameras the console's own detectors watch (tamper, frozen picture) beside those with a zone."""

    cameras: list[str] = Field(default_factory=list)
    areas: list[str] = Field(default_factory=list)
    tamper: bool = True
    frozen: bool = True
    fps: float = Field(default=2.0, ge=0.5, le=10)  # the rate the detectors look at a camera (its sub-stream)


class AlarmsFile(Strict):
    version: Literal[1]
    escalate_after_s: float = Field(default=DEFAULT_ESCALATE_AFTER_S, ge=10, le=3600)
    rules: list[RuleEntry] = Field(default_factory=list)
    zones: list[ZoneEntry] = Field(default_factory=list)
    detectors: DetectorsEntry = Field(default_factory=DetectorsEntry)

    @model_validator(mode="after")
    def _unique_names(self) -> AlarmsFile:
        names = [rule.name for rule in self.rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"rule names must differ: {', '.join(duplicates)} more than once")
        return self


@dataclass(frozen=True)
class Routing:
    """What a rule says of one event: priority, to whom, which video where, escalated when; or ignored."""

    rule: str  # the rule's name ('' for the default)
    priority: int
    recipient: Recipient | None  # None: nobody (the event is kept as the camera's state, no alarm)
    show: str  # none | alarm tile | window N
    escalate_after_s: float


@dataclass(frozen=True)
class AlarmRules:
    """The checked file, and the routing of one event: the first rule that matches, else the default."""

    file: AlarmsFile
    camera_areas: dict[str, str]  # camera id -> its area

    def route(self, camera: str, kind: AlarmKind, local: dt.datetime) -> Routing:
        for rule in self.file.rules:
            if rule.cameras or rule.areas:
                if camera not in rule.cameras and self.camera_areas.get(camera) not in rule.areas:
                    continue
            if rule.kinds and kind.value not in rule.kinds:
                continue
            if rule.schedule is not None and not rule.schedule.is_active(local):
                continue
            recipient = None if rule.to == "nobody" else Recipient(rule.to)
            return Routing(rule.name, rule.priority, recipient, rule.show,
                           rule.escalate_after_s or self.file.escalate_after_s)  # fmt: skip
        return Routing("", DEFAULT_PRIORITY, Recipient.OPERATORS, "none", self.file.escalate_after_s)

    def zones_of(self, camera: str) -> list[ZoneEntry]:
        return [zone for zone in self.file.zones if zone.camera == camera]

    def watched_cameras(self) -> list[str]:
        """The cameras the detectors watch: those with a zone, and those the detectors entry names (by area too)."""
        named = set(self.file.detectors.cameras) | {zone.camera for zone in self.file.zones}
        named |= {camera for camera, area in self.camera_areas.items() if area in self.file.detectors.areas}
        return sorted(named)

    def summary(self) -> str:
        return (f"alarms: {len(self.file.rules)} rules, {len(self.file.zones)} motion zones, "
                f"{len(self.watched_cameras())} cameras watched by the detectors")  # fmt: skip


def load_alarm_rules(config: CameraConfig) -> AlarmRules:
    """``alarms.yaml`` beside the cameras, checked against them (every problem at once); absent: the defaults."""
    camera_areas = {camera.id: camera.area for camera in config.cameras}
    path = config.folder / ALARMS_FILE
    if not present(path):
        return AlarmRules(AlarmsFile(version=1), camera_areas)
    source, parsed = load_checked(path, AlarmsFile)
    areas = [area.id for area in config.areas]
    issues: list[ConfigIssue] = []

    def unknown_camera(where: tuple[str | int, ...], camera: str) -> None:
        if camera not in camera_areas:
            issues.append(source.issue(where, f"unknown camera '{camera}'{did_you_mean(camera, camera_areas)}"))

    def unknown_area(where: tuple[str | int, ...], area: str) -> None:
        if area not in areas:
            issues.append(source.issue(where, f"unknown area '{area}'{did_you_mean(area, areas)}"))

    for index, rule in enumerate(parsed.rules):
        for position, camera in enumerate(rule.cameras):
            unknown_camera(("rules", index, "cameras", position), camera)
        for position, area in enumerate(rule.areas):
            unknown_area(("rules", index, "areas", position), area)
    seen: set[tuple[str, str]] = set()
    for index, zone in enumerate(parsed.zones):
        unknown_camera(("zones", index, "camera"), zone.camera)
        if (zone.camera, zone.name) in seen:
            issues.append(source.issue(("zones", index, "name"), f"a second zone '{zone.name}' on {zone.camera}"))
        seen.add((zone.camera, zone.name))
    for position, camera in enumerate(parsed.detectors.cameras):
        unknown_camera(("detectors", "cameras", position), camera)
    for position, area in enumerate(parsed.detectors.areas):
        unknown_area(("detectors", "areas", position), area)
    if issues:
        raise ConfigError(issues)
    return AlarmRules(parsed, camera_areas)


def load_alarm_rules_file(folder: Path) -> AlarmsFile | None:
    """The file's own faults and its schema's only (check-config when cameras.yaml is broken)."""
    path = folder / ALARMS_FILE
    return load_checked(path, AlarmsFile)[1] if present(path) else None
