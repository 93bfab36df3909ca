"""The room's relay: every configured stream re-served, each camera pulled once for all desks.

``python main.py relay`` runs this on one PC of the room. It mounts every camera's main and
sub stream at ``/CAMERA/main`` and ``/CAMERA/sub`` (a camera found over ONVIF is mounted
once its streams are found, and again when they change), starts the GStreamer server, and
every few seconds writes what it pulls, for which desks, and the bytes in and out into
the room's store, where ``room status`` and the team chief's board read them.

Every pull is authenticated with its desk's or service's own secret (``room.yaml``). With a
store, a desk also pulls only while someone whose role watches video is signed in on it: the
relay reads who is, every second and at once after it refused a desk, and tells its server.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from console.access.permissions import Action, Role, is_allowed
from console.config.loader import CameraConfig
from console.config.room import Relay
from console.onvif.directory import StreamDirectory
from console.onvif.service import OnvifService
from console.relay.process import GstRelayProcess, Refusal, StreamReport
from console.store import Database, StoreUnavailable
from console.store import relay as table
from console.store.backend import utc_text
from console.store.presence import STALE_AFTER_S

LOGGER = logging.getLogger("uitkijk.relay")
REPORT_EVERY_S = 2.0
RIGHTS_EVERY_S = 1.0  # who is signed in where is read this often (and at once after a desk was refused)
ROLES = ("main", "sub")
VIDEO_ROLES = frozenset(role.value for role in Role if is_allowed(role, Action.VIEW_LIVE))  # as presence names them


def mount_path(camera_id: str, role: str) -> str:
    return f"/{camera_id}/{role}"


def desk_rights(desks: Iterable[str], sessions: Iterable[tuple[str, str]]) -> dict[str, str | None]:
    """Each desk: None when someone signed in there may watch video, else why it may not pull."""
    roles: dict[str, list[str]] = {}
    for workstation, role in sessions:
        roles.setdefault(workstation, []).append(role)
    rights: dict[str, str | None] = {}
    for desk in desks:
        signed_in = roles.get(desk, [])
        if any(role in VIDEO_ROLES for role in signed_in):
            rights[desk] = None
        elif signed_in:
            rights[desk] = f"signed in as {', '.join(sorted(set(signed_in)))}: watches no video"
        else:
            rights[desk] = "nobody is signed in there"
    return rights


class RelayService:
    def __init__(self, config: CameraConfig, relay: Relay, data_dir: Path, database: Database | None,
                 port: int | None = None, check_desks: bool | None = None) -> None:  # fmt: skip
        """``check_desks``: a desk pulls only while a role that watches video is signed in on it (default: when
        there is a store; it must be the room's, where the desks sign in)."""
        self.config = config
        self.relay = relay
        self.database = database
        self.check_desks = database is not None if check_desks is None else check_desks
        self.directory = StreamDirectory(config.cameras, data_dir / "onvif-streams.json")
        self.onvif = OnvifService(config.cameras, self.directory)
        self.server = GstRelayProcess(relay.listen, port if port is not None else relay.port, relay.linger_s,
                                      pullers=relay.pullers, check_desks=self.check_desks,
                                      on_refused=self._on_refused)  # fmt: skip
        self._desks = tuple(puller.name for puller in relay.pullers if puller.is_desk)
        self._rights: Mapping[str, str | None] | None = None
        self._look_again = threading.Event()
        self._rights_reader: threading.Thread | None = None
        self.name = f"{relay.host}:{port if port is not None else relay.port}"  # as the desks reach it
        self._mounted: dict[str, str] = {}  # path -> the camera's URL now mounted there
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._started_utc = utc_text()
        self._reporter: threading.Thread | None = None

    def start(self) -> None:
        self.server.start()
        if self.server.port is not None and self.server.port != self.relay.port:
            self.name = f"{self.relay.host}:{self.server.port}"
        for camera in self.config.cameras:
            self._mount(camera.id)
        self.directory.streams_changed.connect(self._mount)
        if self.onvif.camera_ids:
            self.onvif.warm_up()
            self.onvif.start()
        self._reporter = threading.Thread(target=self._report_loop, name="relay-report", daemon=True)
        self._reporter.start()
        if self.check_desks and self._desks:
            self.read_rights()  # before the first desk asks, as far as the store answers
            self._rights_reader = threading.Thread(target=self._rights_loop, name="relay-rights", daemon=True)
            self._rights_reader.start()

    def _mount(self, camera_id: str) -> None:
        """Mount (or mount again) the camera's streams wherever the directory says they are."""
        camera = next((camera for camera in self.config.cameras if camera.id == camera_id), None)
        if camera is None:
            return
        for role in ROLES:
            url = self.directory.camera_url(camera, role)
            path = mount_path(camera.id, role)
            with self._lock:
                if url is None or self._mounted.get(path) == url:
                    continue
                if path in self._mounted:
                    self.server.unmount(path)
                self._mounted[path] = url
            self.server.mount(path, url)

    def mounted(self) -> list[str]:
        with self._lock:
            return sorted(self._mounted)

    def reports(self) -> list[StreamReport]:
        return self.server.reports()

    def _on_refused(self, refusal: Refusal) -> None:
        if refusal.user in self._desks:
            self._look_again.set()  # someone may have just signed in there

    def _rights_loop(self) -> None:
        while not self._stop.is_set():
            self._look_again.wait(RIGHTS_EVERY_S)
            self._look_again.clear()
            if not self._stop.is_set():
                self.read_rights()

    def read_rights(self) -> Mapping[str, str | None] | None:
        """Who is signed in on each desk now, from the store, to the server when it changed (None: unreadable)."""
        if self.database is None:
            return None
        try:
            with self.database.read() as transaction:
                sessions = table.signed_in(transaction, STALE_AFTER_S)
        except StoreUnavailable as error:  # the last rights hold until the store answers again
            LOGGER.warning("the relay cannot read who is signed in: %s", error)
            return None
        rights = desk_rights(self._desks, sessions)
        if rights != self._rights:
            self.server.set_desk_rights(rights)
            self._rights = rights
        return rights

    def _report_loop(self) -> None:
        while not self._stop.wait(REPORT_EVERY_S):
            self.write_report()

    def write_report(self) -> None:
        """The relay's state into the store (quietly: no desk reads again for a byte counter)."""
        if self.database is None:
            return
        rows = [table.RelayStreamRow(self.name, report.path, report.camera, report.role, report.pulled,
                                     report.viewers, report.bytes_in, report.bytes_out, report.pulls, report.codec,
                                     report.age_s, report.problem, report.pullers)
                for report in self.server.reports()]  # fmt: skip
        try:
            with self.database.write(quiet=True) as transaction:
                table.write_report(transaction, self.name, self._started_utc, utc_text(dt.datetime.now(dt.UTC)), rows)
        except StoreUnavailable as error:  # the relay goes on serving; the report waits for the store
            LOGGER.warning("the relay's report cannot be written: %s", error)

    def is_running(self) -> bool:
        return self.server.is_running()

    def stop(self) -> None:
        self._stop.set()
        self._look_again.set()
        if self._reporter is not None:
            self._reporter.join(REPORT_EVERY_S + 5)
        if self._rights_reader is not None:
            self._rights_reader.join(RIGHTS_EVERY_S + 5)
        self.directory.streams_changed.disconnect(self._mount)
        self.onvif.shutdown()
        self.server.stop()
