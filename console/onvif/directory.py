"""Where each camera's streams are: configured, or found over ONVIF and remembered.

Found stream URIs are cached in the data folder without credentials (the
configured ONVIF account is added back when read), so the next start shows
pictures before ONVIF has answered.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import typing
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit, urlunsplit

from console.config.room import Relay
from console.config.schema import Camera
from console.events import Event
from console.wording import Worded

LOGGER = logging.getLogger("uitkijk.onvif")
Role = Literal["main", "sub"]


def with_credentials(uri: str, username: str | None, password: str | None) -> str:
    """The RTSP URI with the ONVIF user in it (cameras use the same account), unless it has one."""
    parts = urlsplit(uri)
    if not username or parts.username or not parts.hostname:
        return uri
    userinfo = quote(username, safe="") + (":" + quote(password, safe="") if password else "")
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = f"{userinfo}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def without_credentials(uri: str) -> str:
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[1], parts.path, parts.query, parts.fragment))


class StreamDirectory:
    """Where a desk pulls each stream: the camera (configured, or found over ONVIF), or the room's relay.

    With a relay (``room.yaml``) every stream comes through it while it answers; when it does not, a
    camera whose kind says ``direct`` is pulled from the camera itself until the relay is back, one that
    says ``wait`` (a Mobbox on a cellular uplink) stays on the relay and its tile says the relay is down.

    With several relays (``relay.is_shared``) each camera comes through the relay that claims it in the
    room's store (``set_relay_addresses``, from a reader on a thread of its own); a camera no live relay
    claims is down on the relay as above, and moves to the relay that takes it.
    """

    def __init__(self, cameras: tuple[Camera, ...] | list[Camera], cache_path: Path | None = None,
                 relay: Relay | None = None) -> None:  # fmt: skip
        self._cameras = {camera.id: camera for camera in cameras}
        self.relay = relay
        self._is_relay_up = True  # until a look says otherwise: the desk starts on the relay
        self._addresses: dict[str, str] = {}  # several relays: camera -> host:port of the relay that claims it
        self._last_addresses: dict[str, str] = {}  # ... and where it was last served (a 'wait' camera waits there)
        self._has_addresses = False  # the claims were read once (until then every camera is asked at the first relay)
        self._relay_addresses = {relay.address, *relay.others} if relay is not None else set()
        self._found: dict[str, tuple[str, str | None]] = {}
        self._problems: dict[str, Worded] = {}  # why a camera's streams are not known: facts, worded where shown
        self._cache_path = cache_path
        self._lock = threading.Lock()
        # (camera id) on the thread that found them, when a camera's streams change
        self.streams_changed: Event[[str]] = Event("onvif.streams_changed", LOGGER)
        self._load()

    def url(self, camera: Camera, role: Role) -> str | None:
        """Where this desk pulls the camera's stream now."""
        if self.relay is not None and self.relay.is_shared:
            with self._lock:
                address = self._addresses.get(camera.id)
                last = self._last_addresses.get(camera.id, self.relay.address)
            if address is not None:
                return self.relay.at(address).url(camera.id, role)
            if not self._has_addresses or self._waits_for_relay(camera):  # before the claims are read: the first
                return self.relay.at(last).url(camera.id, role)
            return self.camera_url(camera, role)
        if self.relay is not None and (self._is_relay_up or self._waits_for_relay(camera)):
            return self.relay.url(camera.id, role)
        return self.camera_url(camera, role)

    def set_relay_addresses(self, addresses: typing.Mapping[str, str]) -> None:
        """Several relays: which serves each camera now (camera -> host:port; a camera absent has none live).
        The cameras whose relay changed are told, so their tiles reconnect there."""
        with self._lock:
            before = self._addresses
            self._addresses = {camera: address for camera, address in addresses.items() if camera in self._cameras}
            self._last_addresses.update(self._addresses)
            was_unknown, self._has_addresses = not self._has_addresses, True
            self._relay_addresses |= set(self._addresses.values())
            changed = [camera for camera in self._cameras if before.get(camera) != self._addresses.get(camera)
                       or (was_unknown and camera not in self._addresses)]  # fmt: skip
        for camera_id in changed:
            LOGGER.info("%s is served by the relay %s", camera_id, self._addresses.get(camera_id, "(none live)"))
            self._notify(camera_id)

    def _waits_for_relay(self, camera: Camera) -> bool:
        assert self.relay is not None
        return self.relay.when_down_for(camera.kind, camera.mobbox is not None) == "wait"

    def is_relayed(self, url: str) -> bool:
        if self.relay is None:
            return False
        with self._lock:
            addresses = tuple(self._relay_addresses)
        return any(self.relay.at(address).is_relayed(url) for address in addresses)

    def set_relay_up(self, is_up: bool) -> None:
        """The relay answers again, or stopped answering: the cameras that fall back to direct move."""
        if self.relay is None or is_up == self._is_relay_up:
            return
        self._is_relay_up = is_up
        LOGGER.warning("the relay %s:%s %s", self.relay.host, self.relay.port,
                       "answers again" if is_up else "does not answer: some cameras are pulled directly")  # fmt: skip
        for camera in self._cameras.values():
            if not self._waits_for_relay(camera):
                self._notify(camera.id)

    @property
    def is_relay_up(self) -> bool:
        return self._is_relay_up

    def camera_url(self, camera: Camera, role: Role) -> str | None:
        """The camera's own stream (configured, else found over ONVIF), as a desk or the relay pulls it."""
        configured = camera.stream_url(role)
        if configured:
            return configured
        with self._lock:
            found = self._found.get(camera.id)
        if found is None:
            return None
        main, sub = found
        raw = sub if role == "sub" and sub else main
        endpoint = camera.onvif
        return with_credentials(raw, endpoint.username, endpoint.password) if endpoint else raw

    def problem(self, camera_id: str) -> Worded | None:
        with self._lock:
            return self._problems.get(camera_id)

    def set_found(self, camera_id: str, main: str, sub: str | None) -> None:
        entry = (without_credentials(main), without_credentials(sub) if sub else None)
        with self._lock:
            changed = self._found.get(camera_id) != entry
            self._found[camera_id] = entry
            self._problems.pop(camera_id, None)
        if changed:
            self._save()
            self._notify(camera_id)

    def set_problem(self, camera_id: str, problem: Worded) -> None:
        with self._lock:
            self._problems[camera_id] = problem
        self._notify(camera_id)

    def _notify(self, camera_id: str) -> None:
        self.streams_changed.emit(camera_id)

    def _load(self) -> None:
        if self._cache_path is None or not self._cache_path.exists():
            return
        try:
            data = json.loads(self._cache_path.read_text(encoding="utf-8"))
            for camera_id, entry in data.get("cameras", {}).items():
                if camera_id in self._cameras and isinstance(entry.get("main"), str):
                    self._found[camera_id] = (entry["main"], entry.get("sub"))
        except (OSError, ValueError, AttributeError) as error:
            LOGGER.warning("ignoring the stream cache %s: %s", self._cache_path, error)

    def _save(self) -> None:
        if self._cache_path is None:
            return
        with self._lock:
            data = {"version": 1, "cameras": {cid: {"main": m, "sub": s} for cid, (m, s) in self._found.items()}}
        partial = self._cache_path.with_suffix(".partial")
        try:
            partial.write_text(json.dumps(data, indent=2), encoding="utf-8")
            os.replace(partial, self._cache_path)
        except OSError as error:
            LOGGER.warning("could not save the stream cache: %s", error)
