"""Which cameras this relay serves, when a room runs several: decided by the store, so a dead relay's are taken.

Each camera is claimed by exactly one live relay, by compare-and-set in one statement (``store.relay.claim``,
like a PTZ lease and the recorders' claims), renewed every ``RENEW_EVERY_S``. A claim whose heartbeat is older
than ``STALE_AFTER_S`` belongs to a dead relay and is taken by another at its next look, so a killed relay's
cameras are served again within 10 s (6 s stale + 2 s look + the mount).

The share is by load, not count: a camera weighs 1, and 1 more per stream pulled of it (each relay knows its own
now and reads the others' reports), so watched cameras spread over the relays. A relay that starts or comes back
takes what no live relay holds (free, a dead relay's: the heaviest first) up to its fair part of the load; a relay
over its part *offers* only cameras nobody pulls from it (no desk, no recorder): its claim stale at once, served on
until another relay has taken it, then unmounted. A watched camera stays where it is until its viewers leave, so a
relay's return blinks no desk. A relay that stops cleanly gives every camera back and says it stopped, so the
others take them at once.

Pure logic on one store transaction per look, with an injected clock (epoch seconds) and events out, in the
shape of ``recorder/claims.py``: the relay's service mounts on ``Claimed`` and unmounts on ``Lost``. The desks
read the same claims (``RelayClaimsReader``) to find each camera's relay.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from console.config.room import Relay
from console.store import StoreUnavailable
from console.store import relay as table
from console.store.backend import Database, Transaction, utc_text

LOGGER = logging.getLogger("uitkijk.relay")
RENEW_EVERY_S = 2.0  # a relay looks (renews, takes, offers) this often
STALE_AFTER_S = table.RELAY_STALE_AFTER_S  # a claim (and a relay's heartbeat) older than this: a dead relay's
READ_EVERY_S = 1.0  # a desk reads the claims this often (and at once on a change notice)


@dataclass(frozen=True)
class Claimed:
    """The camera is this relay's now: mount it."""

    camera: str
    taken_from: str | None = None  # the relay that held it (dead, or offering it); None: it was free
    cause: str | None = None  # table.RELAY_DOWN or table.HANDED_OVER when taken from another relay


@dataclass(frozen=True)
class Lost:
    """Another relay serves the camera now (it took an offer, or this relay's heartbeat went stale): unmount."""

    camera: str
    holder: str | None
    was_offered: bool = False


@dataclass(frozen=True)
class Offered:
    """Over the fair share: offered to the others, served here until one takes it."""

    camera: str


ClaimEvent = Claimed | Lost | Offered


def epoch_utc(epoch_s: float) -> str:
    return utc_text(dt.datetime.fromtimestamp(epoch_s, dt.UTC))


def fair_load(total: int, relays: int) -> float:
    """Each live relay's part of the room's load (a camera weighs 1, and 1 more per stream pulled of it)."""
    return total / relays if relays else 0.0


class RelayClaimKeeper:
    def __init__(self, relay: str, cameras: Iterable[str], clock: Callable[[], float] = time.time,
                 stale_after_s: float = STALE_AFTER_S) -> None:  # fmt: skip
        """``relay``: this relay's address as the desks reach it (host:port, unique in the room)."""
        self.relay = relay
        self.cameras = tuple(sorted(set(cameras)))
        self.clock = clock
        self.stale_after_s = stale_after_s
        self.held: set[str] = set()
        self.offered: set[str] = set()
        self._has_looked = False

    def live_relays(self, transaction: Transaction, claims: Iterable[table.RelayClaim], now_s: float) -> set[str]:
        """The other relays alive: a fresh heartbeat and not stopped, or a fresh claim."""
        fresh_after = now_s - self.stale_after_s
        stopped = set()
        live = set()
        for member in table.read_members(transaction):
            if member.is_stopped:
                stopped.add(member.relay)
            elif member.heartbeat_s >= fresh_after:
                live.add(member.relay)
        live |= {claim.relay for claim in claims if claim.heartbeat_s >= fresh_after}
        return live - stopped - {self.relay}

    def tick(self, transaction: Transaction, pulled: Mapping[str, int] | None = None) -> list[ClaimEvent]:
        """One look, in one write transaction: say this relay lives, renew, offer the excess, take up to its share.

        ``pulled``: camera -> how many of its streams someone pulls from this relay now (None: as its last report
        in the store says). The first look only says it lives, so relays started together see each other first."""
        now_s = self.clock()
        stale_before_s = now_s - self.stale_after_s
        table.report_member(transaction, self.relay, now_s)
        claims = {claim.camera: claim for claim in table.read_claims(transaction)}
        events: list[ClaimEvent] = []
        for camera in sorted(self.held):
            claim = claims.get(camera)
            if claim is None or claim.relay != self.relay:  # taken since the last look
                events.append(self._drop(Lost(camera, claim.relay if claim else None, camera in self.offered)))
        if not self._has_looked:
            self._has_looked = True
            return events
        others = self.live_relays(transaction, claims.values(), now_s)
        reported = table.pulled_streams(transaction)
        own = {camera: reported.get((self.relay, camera), 0) for camera in self.cameras} if pulled is None else pulled

        def weight(camera: str, relay: str | None) -> int:
            """A camera weighs 1 and 1 more per stream pulled of it: the relays share what is pulled, not a count."""
            if relay == self.relay:
                return 1 + own.get(camera, 0)
            if relay is not None:
                return 1 + reported.get((relay, camera), 0)
            return 1 + max((count for (_, name), count in reported.items() if name == camera), default=0)

        holder = {camera: claim.relay for camera, claim in claims.items() if claim.relay in others}
        loads = dict.fromkeys(others, 0)
        for camera, relay in holder.items():
            loads[relay] += weight(camera, relay)
        load = sum(weight(camera, self.relay) for camera in self.held)
        total = sum(weight(camera, holder.get(camera, self.relay if camera in self.held else None))
                    for camera in self.cameras)  # fmt: skip
        fair = fair_load(total, len(others) + 1)
        # Offer only cameras nobody pulls here now (a hand-over of a watched camera blinks every desk on it),
        # those offered already first, while this relay stays at or over its fair load without them.
        offer: set[str] = set()
        for camera in sorted(self.held, key=lambda camera: (camera not in self.offered, camera)):
            if own.get(camera, 0) == 0 and load - len(offer) - 1 >= fair:
                offer.add(camera)
        for camera in sorted(self.held - offer):
            if table.claim(transaction, camera, self.relay, now_s, stale_before_s):
                self.offered.discard(camera)  # renewed (an offer nobody took is taken back once it is pulled)
            else:
                events.append(self._drop(Lost(camera, None)))
                load -= weight(camera, self.relay)
        for camera in sorted(offer - self.offered):
            table.offer(transaction, camera, self.relay)
            self.offered.add(camera)
            events.append(Offered(camera))
        # Take the cameras no live relay holds (free, a dead relay's, offered), the heaviest first, while under the
        # fair load; the least loaded relay takes what is left, so every camera is served.
        free = [camera for camera in self.cameras if camera not in self.held and camera not in holder
                or (camera in holder and claims[camera].heartbeat_s < stale_before_s)]  # fmt: skip
        free.sort(key=lambda camera: (-weight(camera, self._last_holder(claims, camera, others)), camera))
        for camera in free:
            claim = claims.get(camera)
            cost = weight(camera, self._last_holder(claims, camera, others))
            if load + cost > fair and load > min(loads.values(), default=load):
                continue
            if not table.claim(transaction, camera, self.relay, now_s, stale_before_s):
                continue
            load += cost
            if claim is not None and claim.relay in loads:
                loads[claim.relay] -= cost
            self.held.add(camera)
            taken_from = claim.relay if claim is not None and claim.relay != self.relay else None
            cause = None
            if taken_from is not None:
                cause = (
                    table.HANDED_OVER if claim and claim.heartbeat_s == table.OFFERED_HEARTBEAT_S else table.RELAY_DOWN
                )
                table.add_takeover(transaction, table.Takeover(epoch_utc(now_s), camera, self.relay, taken_from, cause))
            events.append(Claimed(camera, taken_from, cause))
        return events

    @staticmethod
    def _last_holder(claims: Mapping[str, table.RelayClaim], camera: str, others: set[str]) -> str | None:
        """Whose report weighs a free camera: its live offerer's, else any relay's (a dead one's last report)."""
        claim = claims.get(camera)
        return claim.relay if claim is not None and claim.relay in others else None

    def _drop(self, event: Lost) -> Lost:
        self.held.discard(event.camera)
        self.offered.discard(event.camera)
        return event

    def release_all(self, transaction: Transaction) -> list[ClaimEvent]:
        """A clean stop: every camera given back and this relay said stopped, so the others take them at once."""
        table.report_member(transaction, self.relay, self.clock(), is_stopped=True)
        events: list[ClaimEvent] = []
        for camera in sorted(self.held):
            table.release(transaction, camera, self.relay)
            events.append(Lost(camera, None, True))
        self.held.clear()
        self.offered.clear()
        return events


def live_claims(claims: Iterable[table.RelayClaim], now_s: float, stale_after_s: float = STALE_AFTER_S,
                ) -> dict[str, str]:  # fmt: skip
    """camera -> the relay (host:port) serving it now; an offered claim still counts (it is served until taken)."""
    fresh_after = now_s - stale_after_s
    return {claim.camera: claim.relay for claim in claims
            if claim.heartbeat_s >= fresh_after or claim.heartbeat_s == table.OFFERED_HEARTBEAT_S}  # fmt: skip


class HeartbeatChanges:
    """When each relay's heartbeat was last seen to change, on this PC's monotonic clock: a relay's silence told
    without comparing its PC's clock with this one's (seconds apart on a room without good time)."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[float, float]] = {}  # relay -> (its heartbeat as stored, when first seen so)

    def observe(self, beats: Mapping[str, float], now_s: float) -> dict[str, float]:
        """``beats``: relay -> its heartbeat as the store holds it; relay -> when that heartbeat was first seen."""
        for relay, heartbeat_s in beats.items():
            known = self._seen.get(relay)
            if known is None or known[0] != heartbeat_s:
                self._seen[relay] = (heartbeat_s, now_s)
        return {relay: self._seen[relay][1] for relay in beats}


class RelayClaimsReader:
    """Where each camera is served, read from the store on a thread of its own (never a GUI thread).

    ``on_change(addresses)`` (camera -> host:port, a camera without a live claim absent) is called on the
    reader's thread when the answer changed; ``look_now()`` wakes it (a change notice). ``on_heartbeats(changed)``
    (host:port -> when the relay's heartbeat was last seen to change, ``monotonic`` s) after every read, for who
    holds a relay's silence apart from its cameras' (the detectors)."""

    def __init__(self, database: Database, on_change: Callable[[Mapping[str, str]], None],
                 every_s: float = READ_EVERY_S, clock: Callable[[], float] = time.time,
                 on_heartbeats: Callable[[Mapping[str, float]], None] | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.database = database
        self._on_change = on_change
        self._on_heartbeats = on_heartbeats
        self._heartbeats = HeartbeatChanges()
        self._monotonic = monotonic
        self._every_s = every_s
        self._clock = clock
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.addresses: dict[str, str] | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="relay-claims-read", daemon=True)
        self._thread.start()

    def look_now(self) -> None:
        self._wake.set()

    def read(self) -> dict[str, str] | None:
        """One look (None: the store did not answer; the last answer holds)."""
        try:
            with self.database.read() as transaction:
                claims = table.read_claims(transaction)
                members = table.read_members(transaction) if self._on_heartbeats is not None else []
        except StoreUnavailable as error:
            LOGGER.warning("cannot read which relay serves which camera: %s", error)
            return None
        addresses = live_claims(claims, self._clock())
        if addresses != self.addresses:
            self.addresses = addresses
            self._on_change(addresses)
        if self._on_heartbeats is not None:
            beats = {member.relay: member.heartbeat_s for member in members}
            self._on_heartbeats(self._heartbeats.observe(beats, self._monotonic()))
        return addresses

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.read()
            self._wake.wait(self._every_s)
            self._wake.clear()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(self._every_s + 5)


class RelayLocator:
    """A relay URL moved to the relay that claims its camera now (several relays), read from the store at each call:
    for a service (a recorder) that opens a stream again after a failure, never on a GUI thread."""

    def __init__(self, database: Database, relay: Relay, clock: Callable[[], float] = time.time) -> None:
        self.database = database
        self.relay = relay
        self._clock = clock

    def __call__(self, url: str) -> str:
        rooms_relays = (self.relay.address, *self.relay.others)
        if not self.relay.is_shared or not any(self.relay.at(address).is_relayed(url) for address in rooms_relays):
            return url  # the camera's own stream, or one relay
        camera, _, role = url.rpartition("@")[2].partition("/")[2].partition("/")
        try:
            with self.database.read() as transaction:
                claims = [claim for claim in table.read_claims(transaction) if claim.camera == camera]
        except StoreUnavailable as error:
            LOGGER.warning("cannot read which relay serves %s: %s", camera, error)
            return url
        address = live_claims(claims, self._clock()).get(camera)
        return self.relay.at(address).url(camera, role) if address else url
