"""One ONVIF camera's events, followed for the events service: subscribed, mapped, tamed, handed over.

:class:`OnvifEventFollower` keeps the camera's PullPoint subscription (``console/onvif/events.py``,
on the process's one ONVIF loop thread), maps each message to a :class:`CameraEvent`
(``console/alarms/onvif_topics.py``) and hands it to ``on_event`` from a thread of its own, so a
slow consumer (the queue's transaction) never holds the loop that every camera shares.

A camera that floods or sends garbage stalls nothing: pulls are bounded (a message limit, a
pause after a full batch), the queue between the loop and the hand-over is bounded (what does
not fit is dropped and counted), repeats of one topic and source within a second are coalesced
(the last state of the second is still handed over when it differs), and a token bucket caps
what one camera hands over per second (the rest dropped and counted). Its state says so:
``on_state`` gets ``{"subscription": "active" | "retrying" | "refused" | "unsupported" | "starting" |
"stopped", "since_utc", "problem", "events_per_s", "dropped", "coalesced", "ignored", "unreadable",
"flooding", "subscriptions_made"}`` at every change of the subscription and at most once a second
while its figures change.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.alarms.model import CameraEvent
from console.alarms.onvif_topics import event_of
from console.config.schema import OnvifEndpoint
from console.onvif.events import Notification, Pulled, PullPointFollower, SubscriptionStatus
from console.onvif.loop import AsyncLoopThread

LOGGER = logging.getLogger("uitkijk.events.onvif")
QUEUE_SIZE = 500  # notifications waiting for the hand-over; beyond it a flood is dropped, counted
COALESCE_S = 1.0  # repeats of one topic and source within this are one event
RATE_PER_S = 20.0  # events one camera may hand over per second, sustained
BURST = 40  # ... and at once
FLOODING_PER_S = 50.0  # a camera sending more than this a second is flooding (its state says so)
STATE_EVERY_S = 1.0  # figures in the state are reported at most this often
STOP_TIMEOUT_S = 10.0


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


CoalesceKey = tuple[str, tuple[tuple[str, str], ...]]


def coalesce_key(event: CameraEvent) -> CoalesceKey:
    source = event.message.get("source") or {}
    return str(event.message.get("topic", event.kind.value)), tuple(sorted((str(k), str(v)) for k, v in source.items()))


@dataclass
class _Window:
    ends: float
    last_active: bool
    pending: CameraEvent | None = None


class Coalescer:
    """Repeats of one key within ``window_s`` held back; at the window's end the last is handed over if it differs.

    Pure (the clock is passed in): the first event of a key goes at once and opens a window; later ones
    replace each other as 'pending'; when the window ends, a pending event whose state (active or not)
    differs from the one handed over goes too (and opens a new window), else it is dropped as a repeat.
    """

    def __init__(self, window_s: float = COALESCE_S) -> None:
        self.window_s = window_s
        self._windows: dict[CoalesceKey, _Window] = {}
        self.coalesced = 0

    def offer(self, event: CameraEvent, now: float) -> list[CameraEvent]:
        key = coalesce_key(event)
        window = self._windows.get(key)
        if window is None or now >= window.ends:
            out = self.due(now)
            window = self._windows.get(key)
            if window is None or now >= window.ends:
                self._windows[key] = _Window(now + self.window_s, event.active)
                return [*out, event]
            self._hold(window, event)
            return out
        self._hold(window, event)
        return []

    def _hold(self, window: _Window, event: CameraEvent) -> None:
        if window.pending is not None:
            self.coalesced += 1
        window.pending = event

    def due(self, now: float) -> list[CameraEvent]:
        """The held events whose window has ended and that change the state; forgets quiet keys."""
        out = []
        for key, window in list(self._windows.items()):
            if now < window.ends:
                continue
            pending = window.pending
            if pending is not None and pending.active != window.last_active:
                self._windows[key] = _Window(now + self.window_s, pending.active)
                out.append(pending)
            else:
                if pending is not None:
                    self.coalesced += 1
                del self._windows[key]
        return out

    def next_due(self) -> float | None:
        ends = [window.ends for window in self._windows.values() if window.pending is not None]
        return min(ends) if ends else None


class TokenBucket:
    """At most ``rate_per_s`` a second on average, ``burst`` at once (pure: the clock is passed in)."""

    def __init__(self, rate_per_s: float = RATE_PER_S, burst: int = BURST) -> None:
        self.rate_per_s, self.burst = rate_per_s, burst
        self._tokens = float(burst)
        self._at: float | None = None

    def take(self, now: float) -> bool:
        if self._at is not None:
            self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate_per_s)
        self._at = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


class RateMeter:
    """Messages a second, over the last few whole seconds (pulls come in bursts; pure)."""

    def __init__(self, window_s: int = 3) -> None:
        self.window_s = window_s
        self._counts: deque[tuple[int, int]] = deque()  # (whole second, messages in it)

    def add(self, count: int, now: float) -> None:
        second = int(now)
        if self._counts and self._counts[-1][0] == second:
            self._counts[-1] = (second, self._counts[-1][1] + count)
        else:
            self._counts.append((second, count))
        self._forget(second)

    def per_s(self, now: float) -> float:
        second = int(now)
        self._forget(second)
        done = sum(count for at, count in self._counts if at < second)
        return round(done / self.window_s, 1)

    def _forget(self, second: int) -> None:
        while self._counts and self._counts[0][0] < second - self.window_s:
            self._counts.popleft()


# -- the process's one ONVIF loop, shared by every follower (started by the first, ended by the last) ----
_loop_lock = threading.Lock()
_shared_loop: AsyncLoopThread | None = None
_loop_users = 0


def _take_loop() -> AsyncLoopThread:
    global _shared_loop, _loop_users
    with _loop_lock:
        if _shared_loop is None:
            _shared_loop = AsyncLoopThread("onvif-events")
        _loop_users += 1
        return _shared_loop


def _give_loop(loop: AsyncLoopThread) -> None:
    global _shared_loop, _loop_users
    with _loop_lock:
        if loop is not _shared_loop:
            return
        _loop_users -= 1
        if _loop_users > 0:
            return
        _shared_loop = None
    loop.stop()


class OnvifEventFollower:
    """One ONVIF camera's events for the events service: ``start()``, then events and states, then ``stop()``.

    ``on_event`` and ``on_state`` are called on the follower's own thread (one at a time, never on the
    loop); ``stop()`` unsubscribes on the camera before it returns (bounded by ``timeout_s``).
    ``subscription`` takes the options of :class:`PullPointFollower` (tests shorten its times).
    """

    def __init__(
        self,
        camera_id: str,
        endpoint: OnvifEndpoint,
        on_event: Callable[[CameraEvent], None],
        on_state: Callable[[dict[str, Any]], None],
        *,
        loop: AsyncLoopThread | None = None,
        queue_size: int = QUEUE_SIZE,
        coalesce_s: float = COALESCE_S,
        rate_per_s: float = RATE_PER_S,
        burst: int = BURST,
        flooding_per_s: float = FLOODING_PER_S,
        **subscription: Any,
    ) -> None:
        self.camera_id = camera_id
        self.endpoint = endpoint
        self._on_event, self._on_state = on_event, on_state
        self._given_loop = loop
        self._loop: AsyncLoopThread | None = None
        self._follower = PullPointFollower(endpoint, self._on_pulled, self._on_status, **subscription)
        self._lock = threading.Condition()
        self._queue: deque[tuple[Notification, str]] = deque()
        self.queue_size = queue_size
        self._coalescer = Coalescer(coalesce_s)
        self._bucket = TokenBucket(rate_per_s, burst)
        self._meter = RateMeter()
        self.flooding_per_s = flooding_per_s
        self._dropped = 0
        self._ignored = 0
        self._unreadable = 0
        self._flooding_until = 0.0
        self._status = SubscriptionStatus.STOPPED
        self._since_utc = _utc_now()
        self._problem: str | None = None
        self._status_changed = False
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._future: concurrent.futures.Future[None] | None = None
        self._task: asyncio.Task[None] | None = None
        self.max_queued = 0  # the longest the queue has been (tests check it stays bounded)
        self._last_state: dict[str, Any] = {}

    # -- the caller's side ---------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._status, self._since_utc = SubscriptionStatus.STARTING, _utc_now()
        self._loop = self._given_loop or _take_loop()
        self._thread = threading.Thread(target=self._deliver, name=f"onvif-events-{self.camera_id}", daemon=True)
        self._thread.start()
        self._future = self._loop.submit(self._run())

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> bool:
        """Unsubscribe on the camera and end the thread; True when both were done within ``timeout_s``."""
        if self._thread is None or self._loop is None:
            return True
        deadline = time.monotonic() + timeout_s
        is_done = True
        try:
            self._loop.run(self._cancel(), timeout_s)
        except (concurrent.futures.TimeoutError, RuntimeError):
            is_done = False
            LOGGER.warning("%s: the event subscription did not end within %g s", self.camera_id, timeout_s)
        self._stopping.set()
        with self._lock:
            self._lock.notify_all()
        self._thread.join(max(0.1, deadline - time.monotonic()))
        is_done = is_done and not self._thread.is_alive()
        if self._given_loop is None:
            _give_loop(self._loop)
        self._thread, self._loop, self._future = None, None, None
        return is_done

    @property
    def state(self) -> dict[str, Any]:
        """The newest state (as ``on_state`` last got it, or would now)."""
        with self._lock:
            return self._state(time.monotonic())

    # -- on the loop ---------------------------------------------------------------------------------------
    async def _run(self) -> None:
        self._task = asyncio.current_task()
        await self._follower.run()

    async def _cancel(self) -> None:
        """Stop the subscription's task; cancel again if a cancel was lost (Python 3.11's wait_for can lose one)."""
        self._follower.request_stop()
        task = self._task
        while task is not None and not task.done():
            if not self._follower.is_closing:
                task.cancel()
            await asyncio.wait({task}, timeout=0.5)

    def _on_pulled(self, pulled: Pulled) -> None:
        """Only hand over: what does not fit in the queue is dropped and counted."""
        received = _utc_now()
        now = time.monotonic()
        with self._lock:
            self._meter.add(pulled.size, now)
            self._unreadable += pulled.unreadable
            room = self.queue_size - len(self._queue)
            taken = pulled.notifications[: max(0, room)]
            if len(taken) < len(pulled.notifications):
                self._dropped += len(pulled.notifications) - len(taken)
                self._flooding_until = now + 5.0
            self._queue.extend((notification, received) for notification in taken)
            self.max_queued = max(self.max_queued, len(self._queue))
            self._lock.notify_all()

    def _on_status(self, status: SubscriptionStatus, problem: str | None) -> None:
        with self._lock:
            if status is not self._status:
                self._since_utc = _utc_now()
            self._status, self._problem = status, problem
            self._status_changed = True
            self._lock.notify_all()

    # -- on the follower's thread ---------------------------------------------------------------------------
    def _state(self, now: float) -> dict[str, Any]:
        events_per_s = self._meter.per_s(now)
        flooding = events_per_s > self.flooding_per_s or now < self._flooding_until
        return {
            "subscription": self._status.value,
            "since_utc": self._since_utc,
            "problem": self._problem,
            "events_per_s": events_per_s,
            "dropped": self._dropped,
            "coalesced": self._coalescer.coalesced,
            "ignored": self._ignored,
            "unreadable": self._unreadable,
            "flooding": flooding,
            "subscriptions_made": self._follower.subscriptions_made,
        }

    def _deliver(self) -> None:
        """Map, coalesce, rate-limit and hand over; report the state; until stopped."""
        next_state_at = 0.0
        while True:
            out: list[CameraEvent] = []
            state: dict[str, Any] | None = None
            with self._lock:
                now = time.monotonic()
                wake_at = min(value for value in (self._coalescer.next_due(), next_state_at) if value is not None)
                if not self._queue and not self._status_changed and not self._stopping.is_set() and wake_at > now:
                    self._lock.wait(min(wake_at - now, STATE_EVERY_S))
                if self._stopping.is_set():
                    last = self._state(time.monotonic()) if self._status_changed else None
                    self._status_changed = False
                    break
                now = time.monotonic()
                batch = [self._queue.popleft() for _ in range(min(len(self._queue), 100))]
                for notification, received in batch:
                    event = event_of(self.camera_id, notification.as_message(), received)
                    if event is None:
                        self._ignored += 1
                        continue
                    out.extend(self._coalescer.offer(event, now))
                out.extend(self._coalescer.due(now))
                kept = []
                for event in out:
                    if self._bucket.take(now):
                        kept.append(event)
                    else:
                        self._dropped += 1
                        self._flooding_until = now + 5.0
                out = kept
                if self._status_changed or now >= next_state_at:
                    candidate = self._state(now)
                    if self._status_changed or _figures(candidate) != _figures(self._last_state):
                        state = candidate
                        self._last_state = candidate
                    self._status_changed = False
                    next_state_at = now + STATE_EVERY_S
            for event in out:
                self._hand_over(self._on_event, event)
            if state is not None:
                self._hand_over(self._on_state, state)
        if last is not None:  # stopped: said once more, last
            self._hand_over(self._on_state, last)

    def _hand_over(self, callback: Callable[[Any], None], value: Any) -> None:
        try:
            callback(value)
        except Exception:
            LOGGER.exception("%s: the events service failed to take an ONVIF event or state", self.camera_id)


def _figures(state: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(state.get(name) for name in ("subscription", "problem", "events_per_s", "dropped", "coalesced",
                                              "ignored", "unreadable", "flooding"))  # fmt: skip
