"""The room's relay: every configured stream re-served, each camera pulled once for all desks.

``python main.py relay`` runs this on one PC of the room. It mounts every camera's main and
sub stream at ``/CAMERA/main`` and ``/CAMERA/sub`` (a camera found over ONVIF is mounted
once its streams are found, and again when they change), starts the GStreamer server, and
every few seconds writes what it pulls, for how many desks, and the bytes in and out into
the room's store, where ``room status`` and the team chief's board read them.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from console.config.loader import CameraConfig
from console.config.room import Relay
from console.onvif.directory import StreamDirectory
from console.onvif.service import OnvifService
from console.relay.process import GstRelayProcess, StreamReport
from console.store import Database, StoreUnavailable
from console.store import relay as table
from console.store.backend import utc_text

LOGGER = logging.getLogger("uitkijk.relay")
REPORT_EVERY_S = 2.0
ROLES = ("main", "sub")


def mount_path(camera_id: str, role: str) -> str:
    return f"/{camera_id}/{role}"


class RelayService:
    def __init__(self, config: CameraConfig, relay: Relay, data_dir: Path, database: Database | None,
                 port: int | None = None) -> None:  # fmt: skip
        self.config = config
        self.relay = relay
        self.database = database
        self.directory = StreamDirectory(config.cameras, data_dir / "onvif-streams.json")
        self.onvif = OnvifService(config.cameras, self.directory)
        self.server = GstRelayProcess(relay.listen, port if port is not None else relay.port, relay.linger_s)
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

    def _report_loop(self) -> None:
        while not self._stop.wait(REPORT_EVERY_S):
            self.write_report()

    def write_report(self) -> None:
        """The relay's state into the store (quietly: no desk reads again for a byte counter)."""
        if self.database is None:
            return
        rows = [table.RelayStreamRow(self.name, report.path, report.camera, report.role, report.pulled,
                                     report.viewers, report.bytes_in, report.bytes_out, report.pulls, report.codec,
                                     report.age_s, report.problem)
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
        if self._reporter is not None:
            self._reporter.join(REPORT_EVERY_S + 5)
        self.directory.streams_changed.disconnect(self._mount)
        self.onvif.shutdown()
        self.server.stop()
