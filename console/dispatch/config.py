"""``units.yaml`` (the street patrols) and ``watchlists.yaml`` (the ANPR lists), checked like the camera file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic import field_validator as validator

from console.config.errors import ConfigError, ConfigIssue
from console.config.files import present
from console.config.loader import CameraConfig, did_you_mean, load_checked
from console.config.one_line import OneLineText
from console.config.schema import Strict
from console.dispatch.model import Place, Unit, UnitKind
from console.wording import QT_TRANSLATE_NOOP, WordedError

UNITS_FILE = "units.yaml"
WATCHLISTS_FILE = "watchlists.yaml"
DEFAULT_WARN_PRIORITY_1_AFTER_S = 120.0
PLATE_PATTERN = re.compile(r"^[A-Z0-9]{2,10}$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{1,3}$")  # international vehicle codes: B, NL, F, D, L, GB, ...
_PLATE_SEPARATORS = re.compile(r"[\s.\-·]+")


class BadPlate(WordedError, ValueError):
    pass


def normalise_plate(plate: str) -> str:
    """``1-abc-234`` and ``1 ABC 234`` are the same plate: ``1ABC234``."""
    text = _PLATE_SEPARATORS.sub("", plate.strip().upper())
    if not PLATE_PATTERN.match(text):
        raise BadPlate(
            QT_TRANSLATE_NOOP(
                "Domain", "'{plate}' is not a number plate: 2 to 10 letters and digits (dashes and spaces allowed)"
            ),
            plate=plate,
        )
    return text


def normalise_country(country: str) -> str:
    text = country.strip().upper()
    if not COUNTRY_PATTERN.match(text):
        raise BadPlate(
            QT_TRANSLATE_NOOP(
                "Domain", "'{country}' is not a country code: the plate's international code, e.g. B, NL, F, D"
            ),
            country=country,
        )
    return text


# -- units ----------------------------------------------------------------------------------------
class UnitEntry(Strict):
    call_sign: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9 -]{1,19}$", description="as said on the radio")
    kind: Literal["car", "bike", "foot"]
    area: str | None = None  # where it usually patrols


class DispatchPolicy(Strict):
    warn_priority_1_after_s: float = Field(default=DEFAULT_WARN_PRIORITY_1_AFTER_S, ge=10, le=3600)


class UnitsFile(Strict):
    version: Literal[1]
    policy: DispatchPolicy = Field(default_factory=DispatchPolicy)
    units: list[UnitEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class Units:
    units: tuple[Unit, ...]
    warn_priority_1_after_s: float = DEFAULT_WARN_PRIORITY_1_AFTER_S

    def call_signs(self) -> list[str]:
        return [unit.call_sign for unit in self.units]


def load_units(config: CameraConfig) -> Units:
    """The street units (none when the file is absent: the panel then takes incidents only)."""
    path = config.folder / UNITS_FILE
    if not present(path):
        return Units(())
    source, parsed = load_checked(path, UnitsFile)
    areas = [area.id for area in config.areas]
    issues: list[ConfigIssue] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(parsed.units):
        key = entry.call_sign.lower()
        if key in seen:
            issues.append(source.issue(("units", index, "call_sign"),
                                       f"duplicate call sign '{entry.call_sign}' (first on line "
                                       f"{source.position(('units', seen[key]))[0]})"))  # fmt: skip
        seen.setdefault(key, index)
        if entry.area is not None and entry.area not in areas:
            issues.append(source.issue(("units", index, "area"),
                                       f"unknown area '{entry.area}'{did_you_mean(entry.area, areas)}"))  # fmt: skip
    if issues:
        raise ConfigError(issues)
    units = tuple(Unit(entry.call_sign, UnitKind(entry.kind), entry.area) for entry in parsed.units)
    return Units(units, parsed.policy.warn_priority_1_after_s)


# -- watch lists ----------------------------------------------------------------------------------
class WatchEntry(Strict):
    plate: str
    country: str = "B"
    list: OneLineText = Field(min_length=1, max_length=60)  # e.g. "stolen vehicle", "signalement", "uninsured"
    reason: OneLineText = Field(min_length=1, max_length=200)  # why the vehicle is flagged
    owner: OneLineText = Field(min_length=1, max_length=80)  # who put it on the list and answers for it
    expires: dt.date

    _plate = validator("plate")(lambda cls, value: normalise_plate(str(value)))
    _country = validator("country")(lambda cls, value: normalise_country(str(value)))


Severity = Literal["high", "medium", "low"]


class WatchlistsFile(Strict):
    version: Literal[1]
    # How urgent a hit of each list is (its colour on the desk); a list not named here is "medium".
    severity: dict[str, Severity] = Field(default_factory=dict)
    entries: list[WatchEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class ListEntry:
    plate: str  # normalised
    country: str
    list: str
    reason: str
    owner: str
    expires: dt.date
    line: int  # where it stands in watchlists.yaml (an expired entry is reported there)

    def is_expired(self, today: dt.date) -> bool:
        return self.expires < today


@dataclass(frozen=True)
class Watchlists:
    entries: tuple[ListEntry, ...]
    severity: Mapping[str, str] = field(default_factory=dict)

    def severity_of(self, list_name: str) -> str:
        return self.severity.get(list_name, "medium")

    def match(self, plate: str, country: str, today: dt.date) -> ListEntry | None:
        """The list entry a read matches; expired entries never match (reads matching no list are not kept)."""
        plate, country = normalise_plate(plate), normalise_country(country)
        for entry in self.entries:
            if entry.plate == plate and entry.country == country and not entry.is_expired(today):
                return entry
        return None

    def expired(self, today: dt.date) -> list[ListEntry]:
        return [entry for entry in self.entries if entry.is_expired(today)]


def load_watchlists(folder: Path) -> Watchlists:
    path = folder / WATCHLISTS_FILE
    if not present(path):
        return Watchlists(())
    source, parsed = load_checked(path, WatchlistsFile)
    issues: list[ConfigIssue] = []
    seen: dict[tuple[str, str, str], int] = {}
    entries = []
    for index, entry in enumerate(parsed.entries):
        key = (entry.plate, entry.country, entry.list)
        line = source.position(("entries", index))[0]
        if key in seen:
            issues.append(source.issue(("entries", index, "plate"),
                                       f"{entry.plate} ({entry.country}) is already on '{entry.list}' "
                                       f"(line {seen[key]})"))  # fmt: skip
        seen.setdefault(key, line)
        entries.append(ListEntry(entry.plate, entry.country, entry.list, entry.reason, entry.owner, entry.expires,
                                 line))  # fmt: skip
    for name in parsed.severity:
        if name not in {entry.list for entry in parsed.entries}:
            issues.append(source.issue(("severity", name), f"no entry is on a list '{name}'", prefer_key=True))
    if issues:
        raise ConfigError(issues)
    return Watchlists(tuple(entries), dict(parsed.severity))


def expired_warnings(folder: Path, watchlists: Watchlists, today: dt.date) -> list[str]:
    """One line per expired entry, ``file:line``, for check-config and the panel."""
    return [f"{folder / WATCHLISTS_FILE}:{entry.line}: {entry.plate} ({entry.country}) on '{entry.list}' expired on "
            f"{entry.expires.isoformat()}: ignored" for entry in watchlists.expired(today)]  # fmt: skip


def places(config: CameraConfig) -> list[Place]:
    return [Place(camera.id, camera.area, camera.location.street, camera.location.lat, camera.location.lon,
                  camera.kind) for camera in config.cameras]  # fmt: skip
