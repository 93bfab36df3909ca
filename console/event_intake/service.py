"""The events service: one per room, it follows the cameras' own events and runs the console's detectors, and hands
every event to the room's alarm queue.

Two kinds of source call in, each from threads of its own: an ONVIF follower per camera with
an event endpoint (``OnvifEventFollower``) and one pool of detector processes for the cameras
``alarms.yaml`` watches (``DetectorPool``). Their callbacks never wait: an event is counted,
rate-limited per camera (a camera that floods keeps a trickle, the rest is dropped, counted, and
said in its state) and put on a bounded queue. One worker takes the queue in order: a Mobbox's
health written (``device_health``), the event offered to ``AlarmIntake`` (raised, or coalesced
into its camera's open alarm of that kind), and every second the alarms past their time
escalated. One thread reports the service in ``event_intakes`` every two seconds: each camera's
subscription and detectors, its events per second, what was dropped, its problems.

A camera that hangs its subscription or a detector that dies stalls nothing but itself: no
source waits on the worker or on another source.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from console.alarms.model import AlarmKind, CameraEvent
from console.config.secrets import mask
from console.store import alarms as alarm_rows
from console.store.backend import Database, utc_text

LOGGER = logging.getLogger("uitkijk.events")
REPORT_EVERY_S = 2.0
ESCALATE_EVERY_S = 1.0
RATE_PER_CAMERA_PER_S = 20.0  # our choice: far above any real camera's events, far below a flood
BURST_PER_CAMERA = 40  # events a camera may send at once before its rate counts
RATE_LIMITED_FOR_S = 10.0  # a camera is said to flood for this long after its last dropped event
QUEUE_EVENTS = 2000  # events waiting for the queue; past this, the newest are dropped (the store is away or slow)
EVENTS_PER_S_WINDOW_S = 10.0
STOP_TIMEOUT_S = 10.0
HEALTH_KINDS = frozenset({AlarmKind.BATTERY, AlarmKind.UPLINK, AlarmKind.DOOR})

# What ``room status`` counts: a subscription's or detector's state as its source says it, in three words.
SUBSCRIPTION_ACTIVE = "active"
SUBSCRIPTION_RETRYING = "retrying"
SUBSCRIPTION_REFUSED = "refused"
DETECTORS_WATCHING = "watching"
DETECTORS_CONNECTING = "connecting"
DETECTORS_DOWN = "down"


class EventSource(Protocol):
    """An ONVIF follower or the detector pool: started once, stopped once (a follower unsubscribes)."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


class Intake(Protocol):
    """The queue's side (``console.services.alarm_queue.AlarmIntake``)."""

    def offer(self, event: CameraEvent) -> int | None: ...

    def escalate_due(self) -> list[int]: ...


FollowerFactory = Callable[[str, Any, Callable[[CameraEvent], None], Callable[[dict], None]], EventSource]
PoolFactory = Callable[[list[Any], Callable[[CameraEvent], None], Callable[[str, dict], None]], EventSource]


@dataclass(frozen=True)
class FollowedCamera:
    """A camera whose own events are followed: its ONVIF endpoint (``console.config.schema.OnvifEndpoint``)."""

    camera_id: str
    endpoint: Any


@dataclass(frozen=True)
class WatchTarget:
    """A camera the detectors watch, as the pool is given it (``console.detectors.WatchedCamera``'s fields)."""

    camera_id: str
    url: str
    zones: list[Any]  # alarms.yaml's ZoneEntry of the camera
    tamper: bool
    frozen: bool
    fps: float
    relay_takeover_s: float = 0.0  # through the room's relay: its video loss held this long when the relay is down


@dataclass
class RateLimit:
    """A token bucket per camera: ``BURST_PER_CAMERA`` at once, then ``RATE_PER_CAMERA_PER_S``."""

    rate_per_s: float = RATE_PER_CAMERA_PER_S
    burst: float = BURST_PER_CAMERA
    tokens: float = BURST_PER_CAMERA
    last_s: float = 0.0

    def allows(self, now_s: float) -> bool:
        if self.last_s:
            self.tokens = min(self.burst, self.tokens + (now_s - self.last_s) * self.rate_per_s)
        self.last_s = now_s
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


@dataclass
class CameraTally:
    """One camera as the service sees it: its sources' states, its events, what was dropped."""

    subscription: dict[str, Any] | None = None  # the follower's last state (None: its events are not followed)
    detectors: dict[str, Any] | None = None  # the pool's last state of this camera (None: not watched)
    is_followed: bool = False
    is_watched: bool = False
    events: int = 0  # received from its sources
    dropped: int = 0  # of those, dropped by the rate limit or a full queue
    alarms: int = 0  # offers that raised or joined an alarm
    last_event_utc: str | None = None
    last_dropped_s: float = 0.0
    recent_s: collections.deque[float] = field(default_factory=collections.deque)  # arrival times, for the rate
    limit: RateLimit = field(default_factory=RateLimit)
    problem: str | None = None

    def events_per_s(self, now_s: float) -> float:
        while self.recent_s and self.recent_s[0] < now_s - EVENTS_PER_S_WINDOW_S:
            self.recent_s.popleft()
        return round(len(self.recent_s) / EVENTS_PER_S_WINDOW_S, 1)

    def is_rate_limited(self, now_s: float) -> bool:
        return bool(self.last_dropped_s) and now_s - self.last_dropped_s < RATE_LIMITED_FOR_S


def subscription_word(state: Mapping[str, Any] | None) -> str | None:
    """A follower's state in one of three words (active, retrying, refused); None when not followed."""
    if state is None:
        return None
    said = str(state.get("state") or state.get("subscription") or "").lower()
    if any(word in said for word in ("refus", "unsupported", "no event", "denied", "unauthori", "not started")):
        return SUBSCRIPTION_REFUSED
    if any(word in said for word in ("active", "subscribed", "pulling", "live", "ok")):
        return SUBSCRIPTION_ACTIVE
    return SUBSCRIPTION_RETRYING


def detectors_word(state: Mapping[str, Any] | None) -> str | None:
    """The pool's state of a camera in one of three words (watching, connecting, down); None when not watched."""
    if state is None:
        return None
    said = str(state.get("state") or state.get("detectors") or "").lower()
    if any(word in said for word in ("watching", "running", "active", "live", "ok")):
        return DETECTORS_WATCHING
    if not said or "connecting" in said or "starting" in said:
        return DETECTORS_CONNECTING
    return DETECTORS_DOWN


def health_of(event: CameraEvent, device: str) -> dict[str, Any] | None:
    """What a door, battery or uplink event says of its device (``device_health``), None for other kinds."""
    if event.kind not in HEALTH_KINDS:
        return None
    row: dict[str, Any] = {"device": device, "camera": event.camera, "updated_utc": event.utc}
    if event.kind is AlarmKind.DOOR:
        row["door"] = "open" if event.active else "closed"
    elif event.kind is AlarmKind.BATTERY:
        row["battery_low"] = 1 if event.active else 0
        if isinstance(event.detail.get("battery_pct"), (int, float)):
            row["battery_pct"] = float(event.detail["battery_pct"])
    elif event.kind is AlarmKind.UPLINK:
        said = str(event.detail.get("uplink") or "")
        row["uplink"] = said if said in ("ok", "degraded", "lost") else ("lost" if event.active else "ok")
    extra = {key: value for key, value in event.detail.items() if key not in ("battery_pct", "uplink")}
    if extra:
        row["detail"] = extra
    return row


HEALTH_SAID = ("door", "battery_low", "uplink")  # what a health event tells; battery_pct alone is no change


def health_changed(last: Mapping[str, Any] | None, row: Mapping[str, Any]) -> bool:
    """Whether an "Initialized" health message says something new: a state the device was not last known in.

    An initial message (sent to each new subscription, after each reboot) tells a state, not a happening: a
    door open since before the subscription must not raise again at each reconnect. Nothing known yet, or
    the same as last known: health only. Known otherwise (closed, now open): it changed while unheard."""
    if last is None:
        return False
    return any(row.get(key) is not None and last.get(key) is not None and row[key] != last[key] for key in HEALTH_SAID)


def masked_state(state: dict) -> dict:
    """A source's state as the room reads it (``event_intakes``, room status): its words masked here, whatever the
    source said (a detector's raw error names the stream's URL, a camera's credentials in it; the log never holds
    them, nor does what the room reads)."""
    return {key: mask(value) if isinstance(value, str) else value for key, value in state.items()}


class EventsService:
    """The room's events service: sources in, the queue fed, health written, itself reported."""

    def __init__(self, database: Database, intake: Intake, name: str, *, followed: Iterable[FollowedCamera] = (),
                 watched: Iterable[Any] = (), follower_factory: FollowerFactory | None = None,
                 pool_factory: PoolFactory | None = None, devices: Mapping[str, str] | None = None,
                 audit_pull: Callable[[str, dict], None] | None = None, host: str | None = None,
                 detector_processes: int = 1, report_every_s: float = REPORT_EVERY_S,
                 escalate_every_s: float = ESCALATE_EVERY_S, clock: Callable[[], float] = time.monotonic,
                 problems: Iterable[str] = ()) -> None:  # fmt: skip
        """``devices``: camera -> the device its health belongs to (a Mobbox camera's Mobbox id).
        ``audit_pull(camera, detail)``: the 'detector pull' entry of each watched stream, before it is pulled.
        ``problems``: what the caller found already (a source that cannot run here), reported as the service's."""
        self.database = database
        self.intake = intake
        self.name = name
        self.host = host or socket.gethostname()
        self.followed = list(followed)
        self.watched = list(watched)
        self.follower_factory = follower_factory
        self.pool_factory = pool_factory
        self.devices = dict(devices or {})
        self.audit_pull = audit_pull
        self.detector_processes = detector_processes
        self.report_every_s = report_every_s
        self.escalate_every_s = escalate_every_s
        self.clock = clock
        self.started_utc = utc_text()
        self.problems = list(problems)
        self._lock = threading.Lock()  # the tallies: sources' threads, the worker and the reporter
        self._tallies: dict[str, CameraTally] = {}
        for camera in self.followed:
            self._tally(camera.camera_id).is_followed = True
        for watched_camera in self.watched:
            self._tally(watched_camera.camera_id).is_watched = True
        self._queue: queue.Queue[CameraEvent] = queue.Queue(QUEUE_EVENTS)
        self._stop = threading.Event()
        self._sources: list[EventSource] = []
        self._worker = threading.Thread(target=self._work, name="events-intake", daemon=True)
        self._reporter = threading.Thread(target=self._report_loop, name="events-report", daemon=True)
        self.overflowed = 0  # events dropped because the queue was full
        self._pulling: set[str] = set()  # the streams whose 'detector pull' start is logged
        self._pool: Any | None = None  # the detectors, once started

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> None:
        """The worker and the reporter first (a source may call at once), then every source; one that cannot start
        is a problem of its camera, never of the others."""
        self._worker.start()
        self._reporter.start()
        if self.follower_factory is not None:
            for camera in self.followed:
                self._start_follower(camera)
        else:
            self._not_started([camera.camera_id for camera in self.followed], "subscription")
        if self.watched and self.pool_factory is not None:
            self._start_pool()
        else:
            self._not_started([camera.camera_id for camera in self.watched], "detectors")
        self.report()  # at once, not after the first period: room status shows the service as soon as it runs

    def _not_started(self, cameras: list[str], which: str) -> None:
        """No source of this kind here (``problems`` says why): each camera's state says it is not started."""
        with self._lock:
            for camera in cameras:
                setattr(self._tally(camera), which, {"state": "not started"})

    def _start_follower(self, camera: FollowedCamera) -> None:
        camera_id = camera.camera_id

        def on_state(state: dict) -> None:
            self._on_subscription_state(camera_id, state)

        try:
            assert self.follower_factory is not None
            follower = self.follower_factory(camera_id, camera.endpoint, self.on_event, on_state)
            follower.start()
        except Exception as error:  # noqa: BLE001 - one camera's follower: the others go on
            LOGGER.error("the events of %s cannot be followed: %s", camera_id, mask(str(error)))
            with self._lock:
                tally = self._tally(camera_id)
                tally.subscription = {"state": "not started"}
                tally.problem = f"subscription not started: {mask(str(error))[:200]}"
            return
        self._sources.append(follower)

    def _start_pool(self) -> None:
        for watched_camera in self.watched:
            self._log_pull(watched_camera.camera_id, "start")
        try:
            assert self.pool_factory is not None
            pool = self.pool_factory(self.watched, self.on_event, self._on_detector_state)
            pool.start()
        except Exception as error:  # noqa: BLE001 - the detectors down: the cameras' own events go on
            LOGGER.error("the detectors cannot start: %s", mask(str(error)))
            self.problems.append(f"detectors not started: {mask(str(error))[:200]}")
            with self._lock:
                for watched_camera in self.watched:
                    self._tally(watched_camera.camera_id).detectors = {"state": "down"}
            return
        self._sources.append(pool)
        self._pool = pool

    def move_stream(self, camera: str, url: str) -> None:
        """A watched camera's stream is at another URL now (a room of several relays: another serves it): the
        detectors pull it there. The pull goes on (the same stream, another relay): no new 'detector pull' entry."""
        self.watched = [dataclasses.replace(watched, url=url) if watched.camera_id == camera else watched
                        for watched in self.watched]  # fmt: skip
        if self._pool is not None and hasattr(self._pool, "move"):
            self._pool.move(camera, url)

    def relay_seen(self, seen: Mapping[str, float]) -> None:
        """When the watched cameras' relays' heartbeats were last seen to change (camera -> monotonic s on this PC):
        for the detectors' video loss."""
        if self._pool is not None and hasattr(self._pool, "relay_seen"):
            self._pool.relay_seen(seen)

    def _log_pull(self, camera: str, which: str) -> None:
        """'detector pull' (start/stop) of a watched stream, like a recorder's pull: nothing acts unlogged."""
        if which == "start":
            self._pulling.add(camera)
        else:
            self._pulling.discard(camera)
        if self.audit_pull is None:
            return
        try:
            self.audit_pull(camera, {"pull": which, "stream": "sub", "service": self.name})
        except Exception as error:  # noqa: BLE001 - the log refused: said; the service's report shows it
            LOGGER.error("the audit log cannot be written for the detectors' pull of %s: %s", camera,
                         mask(str(error)))  # fmt: skip
            self.problems.append("audit log not written")

    def stop(self) -> None:
        """Every source stopped (the followers unsubscribe), what waits offered, the service said stopped."""
        # All at once: a camera that hangs its unsubscribe holds up no other camera's.
        stoppers = [threading.Thread(target=self._stop_source, args=(source,), name="events-stop", daemon=True)
                    for source in self._sources]  # fmt: skip
        for stopper in stoppers:
            stopper.start()
        deadline_s = time.monotonic() + STOP_TIMEOUT_S
        for stopper in stoppers:
            stopper.join(max(0.0, deadline_s - time.monotonic()))
        if any(stopper.is_alive() for stopper in stoppers):
            LOGGER.error("a source did not stop within %.0f s", STOP_TIMEOUT_S)
        for camera in sorted(self._pulling):  # every pull logged as started ends in the log too
            self._log_pull(camera, "stop")
        self._sources.clear()
        self._stop.set()
        for thread in (self._worker, self._reporter):
            if thread.is_alive():
                thread.join(STOP_TIMEOUT_S)
        try:
            with self.database.write(quiet=True) as transaction:
                alarm_rows.remove_intake(transaction, self.name)
        except Exception as error:  # noqa: BLE001 - the store away: the row goes stale, room status says so
            LOGGER.warning("the events service's row could not be removed: %s", mask(str(error)))

    @staticmethod
    def _stop_source(source: EventSource) -> None:
        try:
            source.stop()
        except Exception as error:  # noqa: BLE001 - the others still stop
            LOGGER.error("a source did not stop cleanly: %s", mask(str(error)))

    # -- the sources' callbacks (their threads; never wait) ---------------------------------
    def on_event(self, event: CameraEvent) -> None:
        now_s = self.clock()
        with self._lock:
            tally = self._tally(event.camera)
            tally.events += 1
            tally.last_event_utc = event.utc
            tally.recent_s.append(now_s)
            if not tally.limit.allows(now_s):
                tally.dropped += 1
                if not tally.is_rate_limited(now_s):
                    LOGGER.warning("%s floods events: rate-limited to %.0f a second", event.camera,
                                   RATE_PER_CAMERA_PER_S)  # fmt: skip
                tally.last_dropped_s = now_s
                return
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            with self._lock:
                tally.dropped += 1
                self.overflowed += 1

    def _on_subscription_state(self, camera: str, state: dict) -> None:
        with self._lock:
            self._tally(camera).subscription = masked_state(state)

    def _on_detector_state(self, camera: str, state: dict) -> None:
        with self._lock:
            self._tally(camera).detectors = masked_state(state)

    def _tally(self, camera: str) -> CameraTally:
        """Under the lock."""
        tally = self._tallies.get(camera)
        if tally is None:
            tally = self._tallies[camera] = CameraTally()
        return tally

    # -- the worker: health, the queue, escalation ------------------------------------------
    def _work(self) -> None:
        next_escalation_s = self.clock()
        while True:
            wait_s = max(0.0, next_escalation_s - self.clock())
            try:
                event = self._queue.get(timeout=wait_s)
            except queue.Empty:
                event = None
            if event is not None:
                try:
                    self._handle(event)
                finally:
                    self._queue.task_done()
            if self.clock() >= next_escalation_s:
                self._escalate()
                next_escalation_s = self.clock() + self.escalate_every_s
            if self._stop.is_set() and self._queue.empty():
                return

    def settle(self) -> None:
        """Wait until every event handed in so far is handled (tests, a benchmark; never a source)."""
        self._queue.join()

    def _handle(self, event: CameraEvent) -> None:
        device = self.devices.get(event.camera)
        row = health_of(event, device) if device is not None else None
        try:
            is_change = True
            if row is not None:
                with self.database.write(quiet=True) as transaction:
                    if event.detail.get("initial"):
                        is_change = health_changed(alarm_rows.device_health(transaction, row["device"]), row)
                    alarm_rows.set_health(transaction, row)
            alarm = self.intake.offer(event) if is_change else None
        except Exception as error:  # noqa: BLE001 - the store away or the log refused: this event is lost, said
            LOGGER.error("an event of %s could not be offered to the queue: %s", event.camera, mask(str(error)))
            with self._lock:
                self._tally(event.camera).problem = "events not written to the queue"
            return
        if alarm is not None:
            LOGGER.info("%s %s: alarm %04d", event.camera, event.kind.value, alarm)
            with self._lock:
                tally = self._tally(event.camera)
                tally.alarms += 1
                if tally.problem == "events not written to the queue":
                    tally.problem = None

    def _escalate(self) -> None:
        try:
            for alarm in self.intake.escalate_due():
                LOGGER.warning("alarm %04d not taken in time: escalated to the team chief", alarm)
        except Exception as error:  # noqa: BLE001 - the store away: the next second tries again
            LOGGER.error("alarms could not be escalated: %s", mask(str(error)))

    # -- the report ---------------------------------------------------------------------
    def cameras_state(self) -> dict[str, dict[str, Any]]:
        """Each camera as ``event_intakes.cameras`` holds it (stable English keys)."""
        now_s = self.clock()
        shown: dict[str, dict[str, Any]] = {}
        with self._lock:
            for camera, tally in sorted(self._tallies.items()):
                problems = [tally.problem] if tally.problem else []
                follower = tally.subscription or {}
                is_limited = tally.is_rate_limited(now_s) or bool(follower.get("flooding"))
                if is_limited:
                    problems.append(f"flooding: rate-limited to {RATE_PER_CAMERA_PER_S:.0f} events a second")
                for state in (tally.subscription, tally.detectors):
                    if state and state.get("problem"):
                        problems.append(str(state["problem"]))
                shown[camera] = {
                    "subscription": subscription_word(tally.subscription or {}) if tally.is_followed else None,
                    "subscription_state": tally.subscription,
                    "detectors": detectors_word(tally.detectors or {}) if tally.is_watched else None,
                    "detectors_state": tally.detectors,
                    "events": tally.events,
                    "events_per_s": tally.events_per_s(now_s),
                    "dropped": tally.dropped + int(follower.get("dropped") or 0),  # here, and by the follower
                    "alarms": tally.alarms,
                    "last_event_utc": tally.last_event_utc,
                    "rate_limited": is_limited,
                    "problem": "; ".join(problems) or None,
                }
        return shown

    def problem(self) -> str | None:
        problems = list(dict.fromkeys(self.problems))
        if self.overflowed:
            problems.append(f"{self.overflowed} events dropped: the queue could not keep up")
        return "; ".join(problems) or None

    def report(self) -> None:
        try:
            with self.database.write(quiet=True) as transaction:
                alarm_rows.report_intake(transaction, self.name, self.host, self.started_utc, utc_text(),
                                         self.cameras_state(), self.problem())  # fmt: skip
        except Exception as error:  # noqa: BLE001 - the store away: events go on, the report waits
            LOGGER.error("the events service's report could not be written: %s", mask(str(error)))

    def _report_loop(self) -> None:
        while not self._stop.wait(self.report_every_s):
            self.report()
