"""``room.yaml``: how the desks of a dispatch room find their store and the relay.

Absent, a desk is alone: its store is the SQLite file in its data folder and it pulls
every camera itself. Present, every desk of the room (and the relay, and the command
line) reads the same file: the room's PostgreSQL store, and the relay that pulls each
camera once for all desks. What a desk does when the relay is down is chosen per kind of
camera: ``direct`` (pull the camera itself until the relay is back) or ``wait`` (say the
relay is down and retry; a Mobbox on a cellular uplink must not be pulled by every desk).
"""

from __future__ import annotations

import os
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from console.config.errors import ConfigError, ConfigIssue
from console.config.files import present
from console.config.loader import CameraConfig, schema_issues, substitute_environment
from console.config.one_line import OneLineText
from console.config.schema import Identifier, Strict
from console.config.yaml_source import load_yaml

ROOM_FILE = "room.yaml"
DEFAULT_RELAY_PORT = 8654
WhenDown = Literal["direct", "wait"]
CameraKind = Literal["fixed", "ptz", "anpr", "mobbox"]  # a Mobbox camera is its own kind here: its uplink


class RelayEntry(Strict):
    host: OneLineText = Field(min_length=1, max_length=253, description="where the desks reach the relay")
    port: int = Field(default=DEFAULT_RELAY_PORT, ge=1, le=65535)
    listen: str = Field(default="0.0.0.0", min_length=1, max_length=253)  # on the relay's own PC
    linger_s: float = Field(default=10.0, ge=0, le=3600)  # a camera stays pulled this long after its last desk
    when_down: dict[CameraKind, WhenDown] = Field(default_factory=dict)


class WorkstationEntry(Strict):
    id: str = Identifier
    name: OneLineText = Field(min_length=1, max_length=80)  # "Desk 2 (left of the team chief)"


class RoomFile(Strict):
    version: Literal[1]
    store: OneLineText | None = Field(default=None, max_length=500)  # postgresql://USER@HOST/DB; ${ENV} for a password
    relay: RelayEntry | None = None
    workstations: list[WorkstationEntry] = Field(default_factory=list)


WHEN_DOWN: dict[str, WhenDown] = {"fixed": "direct", "anpr": "direct", "ptz": "direct", "mobbox": "wait"}


@dataclass(frozen=True)
class Relay:
    host: str
    port: int
    listen: str
    linger_s: float
    when_down: dict[str, WhenDown]

    def url(self, camera_id: str, role: str) -> str:
        return f"rtsp://{self.host}:{self.port}/{camera_id}/{role}"

    def when_down_for(self, kind: str, is_mobbox: bool) -> WhenDown:
        return self.when_down["mobbox" if is_mobbox else kind]


@dataclass(frozen=True)
class Room:
    store: str | None
    relay: Relay | None
    workstations: tuple[WorkstationEntry, ...]


def load_room(config: CameraConfig, environ: typing.Mapping[str, str] | None = None) -> Room | None:
    """The room's file beside the cameras (None when the desk is alone); ConfigError lists every fault."""
    path = config.folder / ROOM_FILE
    if not present(path):  # a link that loops is a fault, not a desk alone: it would quietly use its own store
        return None
    return load_room_file(path, environ)


def load_room_file(path: Path, environ: typing.Mapping[str, str] | None = None) -> Room:
    """The room's file checked; every fault at once (the schema's and the cross-checks on what can be read)."""
    source = load_yaml(path)
    issues: list[ConfigIssue] = [
        *source.faults,
        *substitute_environment(source, os.environ if environ is None else environ),
    ]
    parsed: RoomFile | None = None
    try:
        parsed = RoomFile.model_validate(source.data)
    except ValidationError as error:
        issues += schema_issues(source, RoomFile, error)
    data = source.data if isinstance(source.data, dict) else {}
    store = data.get("store")
    if isinstance(store, str) and not store.startswith(("postgresql://", "postgres://", "sqlite:///")):
        issues.append(source.issue(("store",), "must be postgresql://USER@HOST/DATABASE or sqlite:///PATH"))
    seen: set[str] = set()
    workstations = data.get("workstations")
    for index, workstation in enumerate(workstations if isinstance(workstations, list) else []):
        name = workstation.get("id") if isinstance(workstation, dict) else None
        if isinstance(name, str) and name in seen:
            issues.append(source.issue(("workstations", index, "id"), f"duplicate workstation '{name}'"))
        seen.add(str(name))
    if issues or parsed is None:
        raise ConfigError(sorted(set(issues)))
    relay = None
    if parsed.relay is not None:
        entry = parsed.relay
        when_down: dict[str, WhenDown] = {**WHEN_DOWN, **{str(kind): value for kind, value in entry.when_down.items()}}
        relay = Relay(entry.host, entry.port, entry.listen, entry.linger_s, when_down)
    return Room(parsed.store, relay, tuple(parsed.workstations))
