"""ONVIF events by PullPoint: one subscription per camera, kept alive, pulled in bounded batches, never leaked.

A camera has a few subscription slots and no way to list them: a subscription the console
forgets to end holds a slot until it expires, and a camera whose slots are full sends nobody
anything. So every path out of :meth:`PullPointFollower.run` (a stop, an error, a cancellation,
even one that arrives while the camera is still creating the subscription) unsubscribes what
it created; a subscription that cannot be renewed or pulled is unsubscribed and created anew
(after a reboot the camera has forgotten it: the fault says so, and a new one is made).

Learnt from Home Assistant's onvif integration: a short subscription time renewed well before
it ends (the camera cleans up after us if we die), a bounded message limit per pull, pulls as
long polls, teardown faults ignored (a rebooted camera no longer knows the subscription).
The renewal here runs between pulls on the same task (the pull's wait is cut to the renewal
time), so a renewal never races a pull.

This layer yields raw :class:`Notification` values; what they mean (motion, a door...) is
``console/alarms/onvif_topics.py``'s business.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from lxml import etree

from console.config.one_line import shown_on_one_line
from console.config.schema import OnvifEndpoint
from console.onvif.client import _import_onvif, translate_error
from console.onvif.models import CameraFault, NotAuthorised, NotSupported, OnvifError

LOGGER = logging.getLogger("uitkijk.onvif.events")
EVENTS_NAMESPACE = "http://www.onvif.org/ver10/events/wsdl"
PULLPOINT_ADDRESS_KEY = EVENTS_NAMESPACE + "/PullPointSubscription"  # where onvif-zeep-async looks for it
SUBSCRIPTION_S = 60.0  # asked of the camera: if the console dies, its slot is free again within a minute
RENEW_AT_FRACTION = 0.5  # renew half-way: one failed renewal still leaves time for a second one
PULL_TIMEOUT_S = 5.0  # a pull waits at most this long for the camera's first message (a long poll)
MESSAGE_LIMIT = 100  # messages per pull (Home Assistant's too)
FULL_PULL_PAUSE_S = 0.05  # after a full batch: a flooding camera is pulled at most MESSAGE_LIMIT / this a second
CALL_TIMEOUT_S = 5.0  # every other call (and the pull's answer beyond its wait)
BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 60.0
MAX_TEXT = 200  # characters of a camera's topic, item name or value kept
MAX_ITEMS = 16  # source or data items kept per message


class SubscriptionStatus(Enum):
    """Where a camera's subscription stands (stable English values, in the events service's state)."""

    STARTING = "starting"
    ACTIVE = "active"  # subscribed and pulling
    RETRYING = "retrying"  # lost (unreachable, rebooted, garbage): trying again after a pause
    REFUSED = "refused"  # the camera said no (no free slot, not authorised): trying again after a longer pause
    UNSUPPORTED = "unsupported"  # the camera has no ONVIF events
    STOPPED = "stopped"


@dataclass(frozen=True)
class Notification:
    """One message of a camera, as it came (bounded and on one line, nothing interpreted)."""

    topic: str  # e.g. tns1:RuleEngine/CellMotionDetector/Motion
    operation: str  # Initialized | Changed | Deleted
    utc: str  # ISO 8601 UTC, the camera's own time of it ("" when it gave none)
    source: dict[str, str] = field(default_factory=dict)
    data: dict[str, str] = field(default_factory=dict)
    key: dict[str, str] = field(default_factory=dict)

    def as_message(self) -> dict[str, Any]:
        """The camera's own message, JSON-able, as CameraEvent.message keeps it."""
        message: dict[str, Any] = {"topic": self.topic, "operation": self.operation, "utc": self.utc,
                                   "source": dict(self.source), "data": dict(self.data)}  # fmt: skip
        if self.key:
            message["key"] = dict(self.key)
        return message


@dataclass(frozen=True)
class Pulled:
    """One pull's harvest: the readable notifications and how many could not be read."""

    notifications: list[Notification]
    unreadable: int = 0

    @property
    def size(self) -> int:
        return len(self.notifications) + self.unreadable


def _clean(value: Any) -> str:
    text = "" if value is None else str(value)
    return shown_on_one_line(text[:MAX_TEXT])


def _utc_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return _clean(value)


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _items_of_element(element: Any) -> dict[str, str]:
    items: dict[str, str] = {}
    if element is None:
        return items
    for item in element:
        if _local(item.tag) == "SimpleItem" and len(items) < MAX_ITEMS:
            items[_clean(item.get("Name"))] = _clean(item.get("Value"))
    return items


def _items_of_object(holder: Any) -> dict[str, str]:
    items: dict[str, str] = {}
    for item in (getattr(holder, "SimpleItem", None) or [])[:MAX_ITEMS] if holder is not None else []:
        items[_clean(getattr(item, "Name", ""))] = _clean(getattr(item, "Value", ""))
    return items


def parse_notification(raw: Any) -> Notification | None:
    """A wsnt:NotificationMessage as zeep gives it; None when it is not one (garbage is counted, not obeyed).

    zeep builds the tt:Message as an object when it knows its type, and leaves it an XML element when a
    camera sends it without (both are seen in the field)."""
    try:
        topic = getattr(getattr(raw, "Topic", None), "_value_1", None)
        if not isinstance(topic, str) or not topic.strip():
            return None
        topic = _clean(topic.strip().rstrip("/.").strip())  # some cameras end it with '//.'
        message = getattr(getattr(raw, "Message", None), "_value_1", None)
        if message is None:
            return None
        if isinstance(message, etree._Element):
            if _local(message.tag) != "Message":
                return None
            children = {_local(child.tag): child for child in message}
            return Notification(topic, _clean(message.get("PropertyOperation") or ""),
                                _utc_text(message.get("UtcTime") or ""),
                                _items_of_element(children.get("Source")),
                                _items_of_element(children.get("Data")),
                                _items_of_element(children.get("Key")))  # fmt: skip
        return Notification(topic, _clean(getattr(message, "PropertyOperation", "") or ""),
                            _utc_text(getattr(message, "UtcTime", "") or ""),
                            _items_of_object(getattr(message, "Source", None)),
                            _items_of_object(getattr(message, "Data", None)),
                            _items_of_object(getattr(message, "Key", None)))  # fmt: skip
    except (AttributeError, TypeError, ValueError):
        return None


_description_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()


async def load_event_descriptions() -> None:
    """Parse the device and event WSDLs once per process, before any call and outside its time-out.

    The library parses a WSDL on first use in a worker thread and caches it only when the parse ends;
    a time-out around the first call (a loaded machine: parsing takes seconds) threw the parse away and
    the next attempt started another one, beside the first, and so on. One parse, waited for, here."""
    loop = asyncio.get_running_loop()
    lock = _description_locks.setdefault(loop, asyncio.Lock())
    async with lock:
        _import_onvif()
        from pathlib import Path

        from onvif import client as onvif_client
        from onvif.definition import SERVICES

        await onvif_client._get_shared_sqlite_cache()
        for name in ("devicemgmt", "events"):
            await onvif_client._cached_document(str(Path(onvif_client._WSDL_PATH) / SERVICES[name]["wsdl"]))


def _status_of(error: OnvifError) -> SubscriptionStatus:
    if isinstance(error, NotSupported):
        return SubscriptionStatus.UNSUPPORTED
    if isinstance(error, NotAuthorised):
        return SubscriptionStatus.REFUSED
    return SubscriptionStatus.RETRYING


class SubscriptionRefused(CameraFault):
    """The camera answered CreatePullPointSubscription with a fault (no free slot, most often)."""


@dataclass
class PullPointSubscription:
    """One subscription that exists on the camera: its services, and when it must be renewed."""

    address: str
    manager: Any  # the SubscriptionManager service at the subscription's address (Renew, Unsubscribe)
    pullpoint: Any  # the PullPointSubscription service at the same address (PullMessages)
    renew_at_monotonic: float


class PullPointFollower:
    """Keeps one PullPoint subscription on one camera and hands over what it pulls.

    ``on_pulled`` and ``on_status`` are called on the loop thread: they must only hand over (a queue).
    Run :meth:`run` as a task on an asyncio loop; cancel the task to stop (it unsubscribes first).
    """

    def __init__(
        self,
        endpoint: OnvifEndpoint,
        on_pulled: Callable[[Pulled], None],
        on_status: Callable[[SubscriptionStatus, str | None], None],
        *,
        subscription_s: float = SUBSCRIPTION_S,
        pull_timeout_s: float = PULL_TIMEOUT_S,
        message_limit: int = MESSAGE_LIMIT,
        full_pull_pause_s: float = FULL_PULL_PAUSE_S,
        timeout_s: float = CALL_TIMEOUT_S,
        backoff_first_s: float = BACKOFF_FIRST_S,
        backoff_max_s: float = BACKOFF_MAX_S,
    ) -> None:
        self.endpoint = endpoint
        self.address = f"{endpoint.host}:{endpoint.port}"
        self._on_pulled, self._on_status = on_pulled, on_status
        self.subscription_s, self.pull_timeout_s = subscription_s, pull_timeout_s
        self.message_limit, self.full_pull_pause_s = message_limit, full_pull_pause_s
        self.timeout_s = timeout_s
        self.backoff_first_s, self.backoff_max_s = backoff_first_s, backoff_max_s
        self._camera: Any = None
        self._subscription: PullPointSubscription | None = None
        self.subscriptions_made = 0  # for tests and the state: how often a subscription was created
        self.is_stop_requested = False  # checked at every turn: Python 3.11's wait_for can swallow a cancel
        self.is_closing = False  # cleaning up on the way out: a further cancel must not cut it short
        self._is_asking = False  # CreatePullPointSubscription is on its way (or answered)

    def request_stop(self) -> None:
        """On the loop: end at the next turn (cancel the task too, to end a pull's wait now)."""
        self.is_stop_requested = True

    # -- one call, bounded and translated ----------------------------------------------------------
    async def _call(self, awaitable: Any, timeout_s: float | None = None) -> Any:
        limit_s = self.timeout_s if timeout_s is None else timeout_s
        try:
            return await asyncio.wait_for(awaitable, limit_s)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            raise translate_error(error, limit_s, self.address) from error

    async def _connect(self) -> Any:
        if self._camera is None:
            await asyncio.shield(load_event_descriptions())  # (a cancel leaves the parse to end and be kept)
            onvif = _import_onvif()
            camera = onvif.ONVIFCamera(self.endpoint.host, self.endpoint.port, self.endpoint.username,
                                       self.endpoint.password, adjust_time=True)  # fmt: skip
            try:
                await self._call(camera.update_xaddrs())
            except BaseException:
                await _quietly(camera.close())
                raise
            self._camera = camera
        if EVENTS_NAMESPACE not in self._camera.xaddrs:
            raise NotSupported("the camera has no ONVIF event service")
        return self._camera

    async def _forget_camera(self) -> None:
        """Close its HTTP sessions; the next attempt starts afresh (its clock too: a reboot may have reset it)."""
        camera, self._camera = self._camera, None
        if camera is not None:
            await _quietly(camera.close())

    # -- the subscription's life ---------------------------------------------------------------------
    def _renew_at(self, current: Any, termination: Any) -> float:
        if isinstance(current, dt.datetime) and isinstance(termination, dt.datetime):
            lasts_s = (termination - current).total_seconds()  # both by the camera's clock: its offset cancels
        else:
            lasts_s = self.subscription_s
        # never renew in a frenzy (a camera that answers nonsense times) nor later than we asked for
        lasts_s = min(max(lasts_s, min(self.subscription_s, 10.0)), self.subscription_s * 2)
        return time.monotonic() + lasts_s * RENEW_AT_FRACTION

    async def _subscribe(self) -> PullPointSubscription:
        camera = await self._connect()
        events = await self._call(camera.create_events_service())
        self._is_asking = True  # from here the camera may make a subscription we must end
        try:
            answer = await self._call(
                events.CreatePullPointSubscription({"InitialTerminationTime": _duration(self.subscription_s)})
            )
        except CameraFault as fault:
            if isinstance(fault, NotSupported):
                raise
            raise SubscriptionRefused(str(fault)) from fault
        address = str(answer.SubscriptionReference.Address._value_1)
        self.subscriptions_made += 1
        renew_at = self._renew_at(answer.CurrentTime, answer.TerminationTime)
        camera.xaddrs[PULLPOINT_ADDRESS_KEY] = address
        try:
            pullpoint = await self._call(camera.create_pullpoint_service())
            manager = await self._call(camera.create_subscription_service("PullPointSubscription"))
            interval = dt.timedelta(seconds=self.subscription_s)
            if camera.has_broken_relative_time(interval, answer.CurrentTime, answer.TerminationTime):
                # A camera that ignores a relative time (PT60S) is asked by its own clock from now on.
                renewed = await self._call(manager.Renew(camera.get_next_termination_time(interval)))
                renew_at = self._renew_at(renewed.CurrentTime, renewed.TerminationTime)
        except BaseException:
            await self._unsubscribe_at(address)
            raise
        return PullPointSubscription(address, manager, pullpoint, renew_at)

    async def _create(self) -> PullPointSubscription:
        """Subscribe; if cancelled while the camera is still answering, unsubscribe what it then made."""
        self._is_asking = False
        task = asyncio.ensure_future(self._subscribe())
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            if not self._is_asking:  # nothing asked of the camera yet: nothing to end there
                task.cancel()
                await asyncio.wait({task})
                raise
            self.is_closing = True  # no further cancel: it would cut the wait below short, and the subscription leak
            # its calls are each bounded: wait for the answer (asyncio.wait never cancels what it waits for)
            await asyncio.wait({task}, timeout=self.timeout_s * 4)
            if task.done() and not task.cancelled() and task.exception() is None:
                self._subscription = task.result()  # the finally of run() unsubscribes it
            raise

    async def _unsubscribe_at(self, address: str) -> None:
        """Unsubscribe a subscription whose services could not be built (rare: a local failure)."""
        camera = self._camera
        if camera is None:
            return
        camera.xaddrs[PULLPOINT_ADDRESS_KEY] = address
        try:
            manager = await self._call(camera.create_subscription_service("PullPointSubscription"))
            await self._call(manager.Unsubscribe())
        except (TimeoutError, OnvifError):
            LOGGER.debug("%s: unsubscribing %s failed", self.address, address, exc_info=True)

    async def _unsubscribe(self) -> None:
        """End the subscription on the camera (a fault is fine: a rebooted camera no longer knows it)."""
        subscription, self._subscription = self._subscription, None
        if subscription is None:
            return
        try:
            await self._call(subscription.manager.Unsubscribe())
        except OnvifError as error:
            LOGGER.debug("%s: Unsubscribe failed (normal after a reboot): %s", self.address, error)

    async def _renew(self, subscription: PullPointSubscription) -> None:
        camera = self._camera
        interval = dt.timedelta(seconds=self.subscription_s)
        when = camera.get_next_termination_time(interval) if camera is not None else _duration(self.subscription_s)
        answer = await self._call(subscription.manager.Renew(when))
        subscription.renew_at_monotonic = self._renew_at(
            getattr(answer, "CurrentTime", None), getattr(answer, "TerminationTime", None)
        )

    async def _pull(self, subscription: PullPointSubscription) -> Pulled:
        wait_s = min(self.pull_timeout_s, max(0.2, subscription.renew_at_monotonic - time.monotonic()))
        request = {"Timeout": dt.timedelta(seconds=wait_s), "MessageLimit": self.message_limit}
        answer = await self._call(subscription.pullpoint.PullMessages(request), wait_s + self.timeout_s)
        raws = list(getattr(answer, "NotificationMessage", None) or [])
        notifications = [note for note in (parse_notification(raw) for raw in raws) if note is not None]
        return Pulled(notifications, len(raws) - len(notifications))

    # -- the loop ------------------------------------------------------------------------------------
    async def run(self) -> None:
        """Subscribe, pull, renew; on trouble unsubscribe, pause and subscribe again; until cancelled."""
        backoff_s = self.backoff_first_s
        self._on_status(SubscriptionStatus.STARTING, None)
        try:
            while not self.is_stop_requested:
                try:
                    subscription = self._subscription = await self._create()
                    self._on_status(SubscriptionStatus.ACTIVE, None)
                    while not self.is_stop_requested:
                        if time.monotonic() >= subscription.renew_at_monotonic:
                            await self._renew(subscription)
                        pulled = await self._pull(subscription)
                        backoff_s = self.backoff_first_s  # a good pull: the camera works again
                        if pulled.size:
                            self._on_pulled(pulled)
                        if pulled.size >= self.message_limit:
                            await asyncio.sleep(self.full_pull_pause_s)
                except Exception as failure:  # noqa: BLE001 - OnvifError, or an answer shaped unlike ONVIF
                    error = (
                        failure
                        if isinstance(failure, OnvifError)
                        else CameraFault(f"the camera's answer is not valid ONVIF ({type(failure).__name__})")
                    )
                    status = _status_of(error)
                    if isinstance(error, SubscriptionRefused):
                        status = SubscriptionStatus.REFUSED
                    LOGGER.info("%s: events: %s (%s)", self.address, error, status.value)
                    self._on_status(status, str(error))
                    await self._unsubscribe()
                    await self._forget_camera()
                    pause_s = backoff_s * (4 if status in (SubscriptionStatus.REFUSED, SubscriptionStatus.UNSUPPORTED)
                                           else 1)  # fmt: skip
                    await asyncio.sleep(min(pause_s, self.backoff_max_s))
                    backoff_s = min(backoff_s * 2, self.backoff_max_s)
        finally:
            await self._close()

    async def _close(self) -> None:
        """Unsubscribe and close, even when cancelled (a cancellation while in here does not skip it)."""
        self.is_closing = True
        try:
            await asyncio.shield(self._unsubscribe())
        except asyncio.CancelledError:
            pass
        finally:
            await asyncio.shield(self._forget_camera())
            self._on_status(SubscriptionStatus.STOPPED, None)


async def _quietly(awaitable: Any) -> None:
    try:
        await awaitable
    except Exception:
        LOGGER.debug("closing an ONVIF session failed", exc_info=True)


def _duration(seconds: float) -> str:
    return f"PT{max(1, round(seconds))}S"
