"""``room.yaml``: how the desks of a dispatch room find their store and the relay.

Absent, a desk is alone: its store is the SQLite file in its data folder and it pulls
every camera itself. Present, every desk of the room (and the relay, and the command
line) reads the same file: the room's PostgreSQL store, and the relay that pulls each
camera once for all desks. What a desk does when the relay is down is chosen per kind of
camera: ``direct`` (pull the camera itself until the relay is back) or ``wait`` (say the
relay is down and retry; a Mobbox on a cellular uplink must not be pulled by every desk).

Every pull from the relay is authenticated (RTSP digest): a desk is its workstation id with its
own secret (``relay.password``, an ``${ENV}`` placeholder set on that PC only); the relay's PC
knows every desk's and service's secret (``relay.desks``, ``relay.services``). Each side
substitutes only its own part, so a desk's PC needs no other desk's secret.

Past one relay PC, ``relay.also`` names the room's further relays (same secrets, same settings): they
share the cameras by claims in the room's store, and a desk finds each camera's relay there.
"""

from __future__ import annotations

import dataclasses
import os
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import quote

from pydantic import Field, ValidationError

from console.config.errors import ConfigError, ConfigIssue
from console.config.files import present
from console.config.loader import CameraConfig, schema_issues, substitute_environment
from console.config.one_line import OneLineText
from console.config.schema import Identifier, Strict
from console.config.secrets import register_secret
from console.config.yaml_source import load_yaml

ROOM_FILE = "room.yaml"
DEFAULT_RELAY_PORT = 8654
WhenDown = Literal["direct", "wait"]
CameraKind = Literal["fixed", "ptz", "anpr", "mobbox"]  # a Mobbox camera is its own kind here: its uplink
RelayServer = Literal["copy", "gstreamer"]  # the relay's RTSP server (relay/process.py)
Reader = Literal["desk", "relay"]  # who reads the file: each substitutes only its own relay secrets
PullerId = Annotated[str, Identifier]  # a desk's workstation id, or a service's name, as its RTSP user
RelaySecret = Annotated[str, Field(min_length=8, max_length=128)]  # use ${ENV}; always masked
RELAY_ONLY = ("desks", "services")  # secrets only the relay's PC reads
DESK_ONLY = ("password",)  # the secret of the PC that reads the file
PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")  # as the loader's ${NAME:-default}


class OtherRelay(Strict):
    """A further relay of the room: it shares the cameras with the first (claims in the room's store)."""

    host: OneLineText = Field(min_length=1, max_length=253, description="where the desks reach this relay")
    port: int = Field(default=DEFAULT_RELAY_PORT, ge=1, le=65535)
    listen: str = Field(default="0.0.0.0", min_length=1, max_length=253)


class RelayEntry(Strict):
    host: OneLineText = Field(min_length=1, max_length=253, description="where the desks reach the relay")
    port: int = Field(default=DEFAULT_RELAY_PORT, ge=1, le=65535)
    listen: str = Field(default="0.0.0.0", min_length=1, max_length=253)  # on the relay's own PC
    linger_s: float = Field(default=10.0, ge=0, le=3600)  # a camera stays pulled this long after its last desk
    when_down: dict[CameraKind, WhenDown] = Field(default_factory=dict)
    password: RelaySecret | None = None  # this PC's own secret at the relay; its user is its workstation id
    desks: dict[PullerId, RelaySecret] = Field(default_factory=dict)  # the relay's PC: every desk's secret
    services: dict[PullerId, RelaySecret] = Field(default_factory=dict)  # recorders, events: no desk's role
    also: list[OtherRelay] = Field(default_factory=list, max_length=32)  # more relays sharing the cameras
    server: RelayServer = "copy"  # the relay's RTSP server: our own forwarder, or GStreamer's (the fallback)


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
class Puller:
    """Who may pull from the relay: a desk (its signed-in role decides too) or a service."""

    name: str  # the RTSP user: a workstation id, or a service's name
    password: str = field(repr=False)
    is_desk: bool = True


@dataclass(frozen=True)
class Relay:
    host: str
    port: int
    listen: str
    linger_s: float
    when_down: dict[str, WhenDown]
    password: str | None = field(default=None, repr=False)  # this PC's own secret at the relay
    user: str | None = None  # who this PC is at the relay: its workstation id, or a service's name
    pullers: tuple[Puller, ...] = field(default=(), repr=False)  # the relay's side: who may pull
    others: tuple[str, ...] = ()  # the room's other relays (host:port): the cameras are shared by claims
    _listens: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)  # each relay's listen
    server: RelayServer = "copy"  # "copy": our own forwarder (relay/copy_relay.py); "gstreamer": gst_relay.py

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def is_shared(self) -> bool:
        """Several relays share the cameras: each camera's relay is in the room's store (its claims)."""
        return bool(self.others)

    def at(self, address: str) -> Relay:
        """The same relay settings at another relay of the room (``host:port``, as its claims name it)."""
        host, _, port = address.rpartition(":")
        return dataclasses.replace(self, host=host, port=int(port))

    def one_of_the_room(self, host: str, port: int | None = None) -> Relay | None:
        """This room's relay at ``host`` (and ``port``), the others as its peers; None: no relay of the room."""
        for address in (self.address, *self.others):
            relay = self.at(address)
            if relay.host == host and (port is None or relay.port == port):
                others = tuple(other for other in (self.address, *self.others) if other != address)
                listen = self._listens.get(address, self.listen)
                return dataclasses.replace(relay, others=others, listen=listen, _listens=self._listens)
        return None

    def url(self, camera_id: str, role: str) -> str:
        """Where this PC pulls a stream: with its user and secret when it has them (mask before showing it)."""
        credentials = ""
        if self.user and self.password:
            credentials = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}@"
        return f"rtsp://{credentials}{self.host}:{self.port}/{camera_id}/{role}"

    def is_relayed(self, url: str) -> bool:
        """The URL is one of this relay's streams (with or without credentials)."""
        scheme, _, rest = url.partition("://")
        return scheme == "rtsp" and rest.rpartition("@")[2].startswith(f"{self.host}:{self.port}/")

    def pulled_by(self, user: str) -> Relay:
        """The relay as ``user`` (this desk's workstation, a service's name) pulls from it."""
        return dataclasses.replace(self, user=user)

    def when_down_for(self, kind: str, is_mobbox: bool) -> WhenDown:
        return self.when_down["mobbox" if is_mobbox else kind]


@dataclass(frozen=True)
class Room:
    store: str | None
    relay: Relay | None
    workstations: tuple[WorkstationEntry, ...]


def load_room(config: CameraConfig, environ: typing.Mapping[str, str] | None = None,
              reader: Reader = "desk") -> Room | None:  # fmt: skip
    """The room's file beside the cameras (None when the desk is alone); ConfigError lists every fault."""
    path = config.folder / ROOM_FILE
    if not present(path):  # a link that loops is a fault, not a desk alone: it would quietly use its own store
        return None
    return load_room_file(path, environ, reader)


def load_room_file(path: Path, environ: typing.Mapping[str, str] | None = None, reader: Reader = "desk") -> Room:
    """The room's file checked; every fault at once (the schema's and the cross-checks on what can be read).

    ``reader``: a desk (or any command) substitutes its own relay secret, the relay every desk's and service's;
    the other part keeps its placeholders (checked for shape, never used)."""
    environ = os.environ if environ is None else environ
    source = load_yaml(path)
    others = _set_aside(source.data, RELAY_ONLY + DESK_ONLY)
    issues: list[ConfigIssue] = [*source.faults, *substitute_environment(source, environ)]
    if others and isinstance(source.data, dict) and isinstance(source.data.get("relay"), dict):
        if reader == "relay":  # every desk's and service's secret: each must be set on the relay's PC
            relay_only = {key: value for key, value in others.items() if key in RELAY_ONLY}
            source.data["relay"].update(relay_only)
            issues += substitute_environment(source, environ)
            source.data["relay"].update({key: others[key] for key in DESK_ONLY if key in others})
        else:  # this PC's own secret, when its variable is set here (a PC that pulls nothing has none)
            source.data["relay"].update({key: others[key] for key in RELAY_ONLY if key in others})
            own = others.get("password")
            if isinstance(own, str) and all(found[1] in environ or found[2] is not None
                                            for found in PLACEHOLDER.finditer(own)):  # fmt: skip
                source.data["relay"]["password"] = _substituted(own, environ)
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
    relay_data = data.get("relay")
    relay_data = relay_data if isinstance(relay_data, dict) else {}
    desks, services = relay_data.get("desks"), relay_data.get("services")
    addresses = {f"{relay_data.get('host')}:{relay_data.get('port', DEFAULT_RELAY_PORT)}"}
    also = relay_data.get("also")
    for index, other in enumerate(also if isinstance(also, list) else []):
        address = f"{other.get('host')}:{other.get('port', DEFAULT_RELAY_PORT)}" if isinstance(other, dict) else None
        if address in addresses:
            issues.append(source.issue(("relay", "also", index), f"the relay {address} is named twice"))
        addresses.add(str(address))
    for name in desks if isinstance(desks, dict) else {}:
        if seen and name not in seen:
            issues.append(source.issue(("relay", "desks", name), f"'{name}' is not a workstation of the room"))
        if isinstance(services, dict) and name in services:
            issues.append(source.issue(("relay", "services", name), f"'{name}' is a desk and a service"))
    if issues or parsed is None:
        raise ConfigError(sorted(set(issues)))
    relay = None
    if parsed.relay is not None:
        entry = parsed.relay
        when_down: dict[str, WhenDown] = {**WHEN_DOWN, **{str(kind): value for kind, value in entry.when_down.items()}}
        pullers: tuple[Puller, ...] = ()
        if reader == "relay":
            pullers = (*(Puller(name, secret, True) for name, secret in entry.desks.items()),
                       *(Puller(name, secret, False) for name, secret in entry.services.items()))  # fmt: skip
        password = entry.password if reader == "desk" else None
        relay = Relay(entry.host, entry.port, entry.listen, entry.linger_s, when_down, password, None, pullers,
                      tuple(f"{other.host}:{other.port}" for other in entry.also),
                      {f"{entry.host}:{entry.port}": entry.listen,
                       **{f"{other.host}:{other.port}": other.listen for other in entry.also}},
                      entry.server)  # fmt: skip
    return Room(parsed.store, relay, tuple(parsed.workstations))


def _substituted(text: str, environ: typing.Mapping[str, str]) -> str:
    """``${NAME}`` and ``${NAME:-default}`` replaced (every name is set), the values masked from now on."""

    def replace(match: re.Match[str]) -> str:
        value = environ.get(match[1], match[2] or "")
        register_secret(value)
        return value

    return PLACEHOLDER.sub(replace, text)


def _set_aside(data: object, keys: tuple[str, ...]) -> dict:
    """Take the relay's entries another reader substitutes out of ``data`` (they go back unsubstituted)."""
    relay = data.get("relay") if isinstance(data, dict) else None
    if not isinstance(relay, dict):
        return {}
    return {key: relay.pop(key) for key in keys if key in relay}
