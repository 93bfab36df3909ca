"""A recorder in a room: it records the cameras the store gives it (``claims.py``), pulled through the room's relay.

``SharedRecording`` looks every ``RENEW_EVERY_S``: one write transaction in which the recorder reports
itself (its disk, its problem) and renews, offers and takes claims; then it tells its service to
record what it took and to stop what it lost. A look never waits for a camera to stop (the
service's stop finishes a segment and hashes it): starts and stops run on a worker of their own,
in order, so a slow stop cannot let the claims go stale.

Through the relay (``room.yaml`` names one): the recorder is a service puller with its own name
and secret, so a camera recorded and shown on desks is still pulled once upstream.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Protocol, TypeVar

from console.config.room import Relay
from console.config.secrets import mask
from console.recorder.claims import RENEW_EVERY_S, Claimed, ClaimEvent, ClaimKeeper, Lost, Offered, epoch_utc
from console.store import archive
from console.store.backend import Database

LOGGER = logging.getLogger("uitkijk.recorder")
FIRST_WAIT_S = 0.5  # recorders started within this of each other see each other before they take


class DiskFigures(Protocol):
    @property
    def free_bytes(self) -> int: ...

    @property
    def total_bytes(self) -> int: ...


class RecordingService(Protocol):
    """What the claims drive: the recorder's service (``service.RecorderService``)."""

    name: str
    host: str
    root: Path
    started_utc: str

    @property
    def last_space(self) -> DiskFigures | None: ...

    @property
    def problem(self) -> str | None: ...

    def record(self, camera_id: str) -> None: ...

    def stop(self, camera_id: str, cause: str | None = None) -> None: ...

    def close(self) -> None: ...


class Source(Protocol):
    camera: str
    url: str
    stream: str


SourceT = TypeVar("SourceT", bound=Source)


def relayed_sources(sources: Mapping[str, SourceT], relay: Relay, puller: str) -> dict[str, SourceT]:
    """Each camera's recorded stream from the relay's ``/CAMERA/main|sub`` as ``puller`` (this recorder's name, with
    its own secret): one pull upstream for the relay, the recorders and the desks together."""
    as_puller = relay.pulled_by(puller)
    return {camera: dataclasses.replace(source, url=as_puller.url(camera, source.stream))  # type: ignore[type-var]
            for camera, source in sources.items()}  # fmt: skip


class SharedRecording:
    def __init__(self, database: Database, service: RecordingService, cameras: Iterable[str],
                 clock: Callable[[], float] = time.time, every_s: float = RENEW_EVERY_S) -> None:  # fmt: skip
        self.database = database
        self.service = service
        self.keeper = ClaimKeeper(service.name, cameras, clock)
        self.every_s = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="recorder-claims", daemon=True)
        self._actions = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="recorder-claims-act")
        self.events: list[ClaimEvent] = []  # every event so far, for the tests and the log

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        wait_s = FIRST_WAIT_S  # the first look only reports: soon after, the first that takes
        while True:
            self.look()
            if self._stop.wait(wait_s):
                return
            wait_s = self.every_s

    def report(self) -> archive.RecorderRecord:
        space = self.service.last_space
        return archive.RecorderRecord(self.service.name, self.service.host, str(self.service.root),
                                      self.service.started_utc, "", space.free_bytes if space else 0,
                                      space.total_bytes if space else 0, self.service.problem)  # fmt: skip

    def look(self) -> list[ClaimEvent]:
        """One look in the store, then the service told what to start and stop (never waited for)."""
        try:
            with self.database.write(quiet=True) as transaction:
                events = self.keeper.tick(transaction, self.report())
        except Exception as error:  # noqa: BLE001 - the store away: record on; a claim lost is found on return
            LOGGER.warning("the recorder's claims cannot be renewed: %s", mask(str(error)))
            return []
        for event in events:
            self.events.append(event)
            if isinstance(event, Claimed):
                since = f", a gap 'recorder down' from {event.gap_from_utc}" if event.gap_from_utc else ""
                taken = f" from {event.taken_from}" if event.taken_from else ""
                level = logging.WARNING if event.gap_from_utc else logging.INFO  # a take-over is worth a look
                LOGGER.log(level, "recording %s (claimed%s%s)", event.camera, taken, since)
                self._actions.submit(self._act, self.service.record, event.camera)
            elif isinstance(event, Lost):
                level = logging.INFO if event.was_offered else logging.WARNING
                LOGGER.log(level, "%s is recorded by %s now: stopped here", event.camera, event.holder or "nobody")
                # No gap of its own: a hand-over overlaps, and a recorder that took a stale claim opened one.
                self._actions.submit(self._act, self.service.stop, event.camera, None)
            elif isinstance(event, Offered):
                LOGGER.info("%s offered to the other recorders (recorded here until one takes it)", event.camera)
        return events

    @staticmethod
    def _act(action: Callable[..., None], *arguments: object) -> None:
        try:
            action(*arguments)
        except Exception:  # one camera's fault must not end the others' claims
            LOGGER.exception("%s of %s failed", getattr(action, "__name__", "an action"), arguments[0])

    def close(self) -> None:
        """A clean stop: no more looks, every camera's segment finished (the service), then the claims given back
        and this recorder said stopped, so the others take its cameras at their next look."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(RENEW_EVERY_S + 30)
        self._actions.shutdown(wait=True)
        self.service.close()
        try:
            with self.database.write() as transaction:
                self.keeper.release_all(transaction)
        except Exception as error:  # noqa: BLE001 - the store away: the claims go stale and are taken anyway
            LOGGER.warning("the recorder's claims could not be given back: %s", mask(str(error)))
        LOGGER.warning("recorder %s stopped at %s", self.service.name, epoch_utc(time.time()))
