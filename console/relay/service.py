"""The room's relay: every configured stream re-served, each camera pulled once for all desks.

``python main.py relay`` runs this on one PC of the room. It mounts every camera's main and
sub stream at ``/CAMERA/main`` and ``/CAMERA/sub`` (a camera found over ONVIF is mounted
once its streams are found, and again when they change), starts the RTSP server, and
every few seconds writes what it pulls, for which desks, and the bytes in and out into
the room's store, where ``room status`` and the team chief's board read them.

Every pull is authenticated with its desk's or service's own secret (``room.yaml``). With a
store, a desk also pulls only while someone whose role watches video is signed in on it: the
relay reads who is, every second and at once after it refused a desk, and tells its server.

Past one PC (``room.yaml``'s ``relay.also``, or ``shared=True``), the room's relays share the cameras:
each mounts only the cameras it claims in the store (``claims.py``), takes a dead relay's within 10 s,
shares by what is pulled (a camera someone pulls here is never handed over), and says which it serves
there, where the desks, recorders and the events service look them up.
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
from console.relay.claims import RENEW_EVERY_S, Claimed, ClaimEvent, Lost, Offered, RelayClaimKeeper
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
                 port: int | None = None, check_desks: bool | None = None,
                 shared: bool | None = None) -> None:  # fmt: skip
        """``check_desks``: a desk pulls only while a role that watches video is signed in on it (default: when
        there is a store; it must be the room's, where the desks sign in). ``shared``: one of several relays, each
        serving the cameras it claims in the store (default: when room.yaml names other relays)."""
        self.config = config
        self.relay = relay
        self.database = database
        self.check_desks = database is not None if check_desks is None else check_desks
        self.directory = StreamDirectory(config.cameras, data_dir / "onvif-streams.json")
        self.onvif = OnvifService(config.cameras, self.directory)
        self.server = GstRelayProcess(relay.listen, port if port is not None else relay.port, relay.linger_s,
                                      pullers=relay.pullers, check_desks=self.check_desks,
                                      on_refused=self._on_refused, server=relay.server)  # fmt: skip
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
        self.is_shared = relay.is_shared if shared is None else shared
        if self.is_shared and database is None:
            raise ValueError("relays share the cameras by claims in the room's store: a shared relay needs one")
        self.claims: RelayClaimKeeper | None = None  # made at the start, once the relay's address is known
        self._claimer: threading.Thread | None = None
        self.claim_events: list[ClaimEvent] = []  # every claim event so far, for the log and the tests

    def start(self) -> None:
        self.server.start()
        if self.server.port is not None and self.server.port != self.relay.port:
            self.name = f"{self.relay.host}:{self.server.port}"
        if self.is_shared:  # the cameras it claims, mounted as it takes them
            self.claims = RelayClaimKeeper(self.name, [camera.id for camera in self.config.cameras])
            self._claimer = threading.Thread(target=self._claim_loop, name="relay-claims", daemon=True)
            self._claimer.start()
        else:
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
        if camera is None or (self.claims is not None and camera_id not in self.claims.held):
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

    def _unmount(self, camera_id: str) -> None:
        for role in ROLES:
            path = mount_path(camera_id, role)
            with self._lock:
                if self._mounted.pop(path, None) is None:
                    continue
            self.server.unmount(path)

    def mounted(self) -> list[str]:
        with self._lock:
            return sorted(self._mounted)

    def served(self) -> list[str]:
        """The cameras this relay serves: all of them, or in a shared room the ones it claims now."""
        if self.claims is None:
            return sorted(camera.id for camera in self.config.cameras)
        return sorted(self.claims.held)

    def _claim_loop(self) -> None:
        wait_s = 0.5  # the first look only says this relay lives: soon after, the first that takes
        while True:
            self.look()
            if self._stop.wait(wait_s):
                return
            wait_s = RENEW_EVERY_S

    def look(self) -> list[ClaimEvent]:
        """One look at the claims (renew, offer, take), then mount what it took and unmount what it lost."""
        assert self.claims is not None and self.database is not None
        pulled: dict[str, int] = {}  # what its desks and services pull here now: kept here, shared by load
        for report in self.server.reports():
            if report.viewers > 0 or report.pullers:
                pulled[report.camera] = pulled.get(report.camera, 0) + 1
        try:
            with self.database.write(quiet=True) as transaction:
                events = self.claims.tick(transaction, pulled)
        except StoreUnavailable as error:  # serve on; a camera taken meanwhile is found lost on return
            LOGGER.warning("the relay's claims cannot be renewed: %s", error)
            return []
        for event in events:
            self.claim_events.append(event)
            if isinstance(event, Claimed):
                level = logging.WARNING if event.cause == table.RELAY_DOWN else logging.INFO
                LOGGER.log(level, "serving %s%s", event.camera,
                           f" (taken from {event.taken_from}: {event.cause})" if event.taken_from else "")  # fmt: skip
                self._mount(event.camera)
            elif isinstance(event, Lost):
                LOGGER.log(logging.INFO if event.was_offered else logging.WARNING, "%s is served by %s now",
                           event.camera, event.holder or "nobody")  # fmt: skip
                self._unmount(event.camera)
            elif isinstance(event, Offered):
                LOGGER.info("%s offered to the other relays (served here until one takes it)", event.camera)
        if any(isinstance(event, (Claimed, Lost)) for event in events):
            self._tell_the_room()
        return events

    def _tell_the_room(self) -> None:
        """A change notice (PostgreSQL): the desks read the claims again now, not at their next look."""
        assert self.database is not None
        try:
            with self.database.write():
                pass
        except StoreUnavailable as error:
            LOGGER.warning("the room was not told of the relay's new cameras: %s", error)

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
        if self._claimer is not None:
            self._claimer.join(RENEW_EVERY_S + 30)
            self._give_back()
        self.directory.streams_changed.disconnect(self._mount)
        self.onvif.shutdown()
        self.server.stop()

    def _give_back(self) -> None:
        """A clean stop: the claims given back, so the other relays take the cameras at their next look."""
        assert self.claims is not None and self.database is not None
        try:
            with self.database.write() as transaction:
                self.claims.release_all(transaction)
        except StoreUnavailable as error:  # they go stale and are taken anyway
            LOGGER.warning("the relay's claims could not be given back: %s", error)
