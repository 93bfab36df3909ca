"""A simulated ONVIF device: real SOAP 1.2 over HTTP, WS-UsernameToken digest checked.

Answers the device, media and PTZ services that an operator's console uses
(onvif-zeep-async or any standard client): device information, services and
capabilities, the clock (unauthenticated, as the standard allows), media
profiles, stream and snapshot URIs, and PTZ moves, status, presets and home.
A camera's clock can be set off by an offset, as real cameras' often are.

Events like a real camera's: PullPoint subscriptions (a few slots, each expiring unless
renewed, forgotten at a reboot), PullMessages long-polls, the camera's property states sent as
"Initialized" to a new subscription. Tests (and ``sim event``) make it send, flood, refuse,
answer garbage or reboot.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from lxml import etree

from console.sim.ptz_head import Position, PtzHead

LOGGER = logging.getLogger("uitkijk.sim.onvif")
NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "wsse": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
    "wsu": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
    "tds": "http://www.onvif.org/ver10/device/wsdl",
    "trt": "http://www.onvif.org/ver10/media/wsdl",
    "tptz": "http://www.onvif.org/ver20/ptz/wsdl",
    "tt": "http://www.onvif.org/ver10/schema",
    "ter": "http://www.onvif.org/ver10/error",
    "tev": "http://www.onvif.org/ver10/events/wsdl",
    "wsnt": "http://docs.oasis-open.org/wsn/b-2",
    "wstop": "http://docs.oasis-open.org/wsn/t-1",
    "wsa": "http://www.w3.org/2005/08/addressing",
    "tns1": "http://www.onvif.org/ver10/topics",
    "wsrf-rw": "http://docs.oasis-open.org/wsrf/rw-2",
}
UNAUTHENTICATED = {"GetSystemDateAndTime"}
MAX_CLOCK_SKEW_S = 300  # a token created more than this far from the camera's clock is refused
PAN_TILT_SPACE = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace"
ZOOM_SPACE = "http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace"
CONCRETE_SET = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"
MAX_SUBSCRIPTIONS = 4  # like a small camera: a fifth subscriber is refused until one is gone or has expired
MAX_QUEUED_MESSAGES = 1000  # per subscription; a camera drops the oldest when nobody pulls
MAX_TERMINATION_S = 3600.0  # the longest a subscription may be asked to live before it is renewed
MAX_PULL_TIMEOUT_S = 60.0
SUBSCRIPTION_PATH = "/onvif/subscription/"

# The topics the simulated Mobbox cameras send (the wire is the contract with console/alarms/onvif_topics.py):
# the Mobbox controller's door and uplink contacts are digital inputs of the camera, named; the battery a
# power-supply failure with its charge (the same as console/sim/ptz_process.py's MOBBOX_EVENTS).
MOTION_TOPIC = "tns1:RuleEngine/CellMotionDetector/Motion"
TAMPER_TOPIC = "tns1:RuleEngine/TamperDetector/Tamper"
SIGNAL_LOSS_TOPIC = "tns1:VideoSource/SignalLoss"
DIGITAL_INPUT_TOPIC = "tns1:Device/Trigger/DigitalInput"
POWER_SUPPLY_TOPIC = "tns1:Device/HardwareFailure/PowerSupplyFailure"
UPLINK_TOPIC = "tns1:Monitoring/Uplink/State"
# sim event KIND -> (topic, source items, data items): what a Mobbox camera sends when it happens
SIM_EVENT_MESSAGES: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {
    "door-open": (DIGITAL_INPUT_TOPIC, {"InputToken": "door"}, {"LogicalState": "true"}),
    "door-close": (DIGITAL_INPUT_TOPIC, {"InputToken": "door"}, {"LogicalState": "false"}),
    "battery-low": (POWER_SUPPLY_TOPIC, {"Token": "battery"}, {"Failed": "true", "BatteryPercent": "14"}),
    "battery-ok": (POWER_SUPPLY_TOPIC, {"Token": "battery"}, {"Failed": "false", "BatteryPercent": "88"}),
    "uplink-lost": (DIGITAL_INPUT_TOPIC, {"InputToken": "uplink"}, {"LogicalState": "true"}),
    "uplink-ok": (DIGITAL_INPUT_TOPIC, {"InputToken": "uplink"}, {"LogicalState": "false"}),
    "uplink-degraded": (UPLINK_TOPIC, {"Interface": "cellular"}, {"State": "degraded"}),  # vendor-style
    "motion": (MOTION_TOPIC, {"VideoSourceConfigurationToken": "vsc", "Rule": "MyMotionDetectorRule"},
               {"IsMotion": "true"}),
    "motion-end": (MOTION_TOPIC, {"VideoSourceConfigurationToken": "vsc", "Rule": "MyMotionDetectorRule"},
                   {"IsMotion": "false"}),
    "video-loss": (SIGNAL_LOSS_TOPIC, {"Source": "video-source"}, {"State": "true"}),
    "video-back": (SIGNAL_LOSS_TOPIC, {"Source": "video-source"}, {"State": "false"}),
    "tamper": (TAMPER_TOPIC, {"VideoSourceConfigurationToken": "vsc", "Rule": "MyTamperDetectorRule"},
               {"IsTamper": "true"}),
    "tamper-end": (TAMPER_TOPIC, {"VideoSourceConfigurationToken": "vsc", "Rule": "MyTamperDetectorRule"},
                   {"IsTamper": "false"}),
}  # fmt: skip
# A Mobbox camera's property states at start: sent as "Initialized" to every new subscription.
MOBBOX_STATES = ("door-close", "battery-ok", "uplink-ok")


class SoapFault(Exception):
    def __init__(self, subcode: str, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.subcode, self.reason, self.status = subcode, reason, status


class RawAnswer(Exception):
    """Answer with these bytes as they are (a camera's garbage)."""

    def __init__(self, body: bytes) -> None:
        super().__init__("raw answer")
        self.body = body


@dataclass
class PullPoint:
    """One PullPoint subscription of a camera: its queue and when it ends unless renewed."""

    id: str
    termination_monotonic: float
    messages: deque[str] = field(default_factory=lambda: deque(maxlen=MAX_QUEUED_MESSAGES))
    dropped: int = 0  # messages the camera threw away because nobody pulled them in time


@dataclass
class StreamProfile:
    token: str
    name: str
    width: int
    height: int
    stream_uri: str
    encoding: str = "H264"


@dataclass
class SimulatedOnvifDevice:
    """What one simulated camera says about itself, and its PTZ head (None: no PTZ)."""

    name: str
    username: str
    password: str
    profiles: list[StreamProfile]
    head: PtzHead | None = None
    serial: str = "SIM-0001"
    model: str = "Uitkijk SimCam PTZ"
    clock_offset_s: float = 0.0
    snapshot: Callable[[], bytes] | None = None  # JPEG of the current picture
    list_ptz_in_services: bool = True  # False: like older firmware, PTZ only via GetCapabilities
    refuse_system_date: bool = False  # True: like cameras that want authentication even for the clock
    requests: list[str] = field(default_factory=list)  # the actions received, for tests
    on_request: Callable[[str], None] | None = None  # called as each request arrives (benchmarks time it)
    # -- events --------------------------------------------------------------------------------------------
    initial_states: tuple[str, ...] = MOBBOX_STATES  # SIM_EVENT_MESSAGES kinds that are its states at start
    max_subscriptions: int = MAX_SUBSCRIPTIONS
    refuse_subscriptions: bool = False  # True: CreatePullPointSubscription answers a fault, like a full camera
    answer_garbage: bool = False  # True: the event service answers bytes that are not XML
    has_events: bool = True  # False: no event service, like cameras without ONVIF events
    ignore_relative_time: bool = False  # True: a relative termination time (PT60S) is taken as 'now', like some
    create_delay_s: float = 0.0  # a slow camera: it makes the subscription, then answers this much later
    fail_pulls: int = 0  # the next this many PullMessages answer a fault, the subscription kept (a hiccup)
    subscriptions_created: int = 0  # every CreatePullPointSubscription that succeeded, for tests
    most_subscriptions: int = 0  # the most subscriptions it held at once, for tests
    _pullpoints: dict[str, PullPoint] = field(default_factory=dict, repr=False)
    _properties: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, dict[str, str], dict[str, str]]] = field(
        default_factory=dict, repr=False
    )
    _events_changed: threading.Condition = field(default_factory=threading.Condition, repr=False)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1), repr=False)
    _is_closed: bool = False
    _flood_stop: threading.Event = field(default_factory=threading.Event, repr=False)
    _flood_thread: threading.Thread | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for kind in self.initial_states:
            topic, source, data = SIM_EVENT_MESSAGES[kind]
            self._properties[(topic, tuple(sorted(source.items())))] = (topic, source, data)

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=self.clock_offset_s)

    # -- events: what tests and `sim event` call -------------------------------------------------------
    def notify(self, topic: str, source: dict[str, str], data: dict[str, str], operation: str = "Changed") -> None:
        """Queue a message for every live subscription; remember it as the state of its source."""
        message = _notification(topic, source, data, operation, self.now())
        with self._events_changed:
            self._properties[(topic, tuple(sorted(source.items())))] = (topic, dict(source), dict(data))
            self._expire()
            for pullpoint in self._pullpoints.values():
                if len(pullpoint.messages) == pullpoint.messages.maxlen:
                    pullpoint.dropped += 1
                pullpoint.messages.append(message)
            self._events_changed.notify_all()

    def notify_raw(self, notification_xml: str) -> None:
        """Queue a wsnt:NotificationMessage as given (tests send malformed ones)."""
        with self._events_changed:
            self._expire()
            for pullpoint in self._pullpoints.values():
                pullpoint.messages.append(notification_xml)
            self._events_changed.notify_all()

    def notify_kind(self, kind: str) -> None:
        """A ``sim event`` kind of SIM_EVENT_MESSAGES (door-open, battery-low, ...) as the camera sends it."""
        topic, source, data = SIM_EVENT_MESSAGES[kind]
        self.notify(topic, source, data)

    @property
    def subscription_count(self) -> int:
        """Live subscriptions (those neither unsubscribed nor expired)."""
        with self._events_changed:
            self._expire()
            return len(self._pullpoints)

    def reboot(self) -> None:
        """Forget every subscription, as a camera does when it restarts (its property states stay)."""
        with self._events_changed:
            self._pullpoints.clear()
            self._events_changed.notify_all()

    def start_flood(self, per_s: float, kind: str = "motion") -> None:
        """Send ``kind`` (alternating with its end when it has one) ``per_s`` times a second until stop_flood()."""
        self.stop_flood()
        kinds = [kind, f"{kind}-end"] if f"{kind}-end" in SIM_EVENT_MESSAGES else [kind]
        self._flood_stop = threading.Event()
        stop = self._flood_stop

        def run() -> None:
            started, sent = time.monotonic(), 0
            while not stop.wait(0.01):  # every 10 ms, the messages due by now (a timer per message would not keep up)
                due = int((time.monotonic() - started) * per_s)
                for count in range(sent, due):
                    self.notify_kind(kinds[count % len(kinds)])
                sent = max(sent, due)

        self._flood_thread = threading.Thread(target=run, name=f"flood-{self.name}", daemon=True)
        self._flood_thread.start()

    def stop_flood(self) -> None:
        if self._flood_thread is not None:
            self._flood_stop.set()
            self._flood_thread.join(5)
            self._flood_thread = None

    def close_events(self) -> None:
        """The server stops: end every waiting pull at once."""
        self.stop_flood()
        with self._events_changed:
            self._is_closed = True
            self._events_changed.notify_all()

    # -- events: the service's side (called under no lock) --------------------------------------------
    def _expire(self) -> None:
        """Drop the subscriptions whose termination time has passed (hold the lock)."""
        now = time.monotonic()
        for key in [key for key, pullpoint in self._pullpoints.items() if pullpoint.termination_monotonic <= now]:
            del self._pullpoints[key]

    def create_pullpoint(self, termination_s: float) -> PullPoint:
        with self._events_changed:
            self._expire()
            if self.refuse_subscriptions or len(self._pullpoints) >= self.max_subscriptions:
                raise SoapFault(
                    "wsnt:SubscribeCreationFailedFault", "too many subscriptions: no free subscription slot", 500
                )
            pullpoint = PullPoint(str(next(self._ids)), time.monotonic() + termination_s)
            for topic, source, data in self._properties.values():
                pullpoint.messages.append(_notification(topic, source, data, "Initialized", self.now()))
            self._pullpoints[pullpoint.id] = pullpoint
            self.subscriptions_created += 1
            self.most_subscriptions = max(self.most_subscriptions, len(self._pullpoints))
            return pullpoint

    def _pullpoint(self, subscription_id: str) -> PullPoint:
        self._expire()
        pullpoint = self._pullpoints.get(subscription_id)
        if pullpoint is None:
            raise SoapFault("wsrf-rw:ResourceUnknownFault", f"no subscription {subscription_id!r} on this camera", 500)
        return pullpoint

    def renew(self, subscription_id: str, termination_s: float) -> PullPoint:
        with self._events_changed:
            pullpoint = self._pullpoint(subscription_id)
            pullpoint.termination_monotonic = time.monotonic() + termination_s
            return pullpoint

    def unsubscribe(self, subscription_id: str) -> None:
        with self._events_changed:
            self._pullpoint(subscription_id)
            del self._pullpoints[subscription_id]
            self._events_changed.notify_all()

    def pull(self, subscription_id: str, timeout_s: float, limit: int) -> tuple[PullPoint, list[str]]:
        """Up to ``limit`` messages, waiting up to ``timeout_s`` for the first (a long poll)."""
        deadline = time.monotonic() + timeout_s
        with self._events_changed:
            pullpoint = self._pullpoint(subscription_id)
            if self.fail_pulls > 0:
                self.fail_pulls -= 1
                raise SoapFault("ter:Action", "internal error: the event queue is unavailable", 500)
            while not pullpoint.messages and not self._is_closed:
                remaining = min(deadline, pullpoint.termination_monotonic) - time.monotonic()
                if remaining <= 0:
                    break
                self._events_changed.wait(remaining)
                pullpoint = self._pullpoint(subscription_id)  # gone meanwhile (unsubscribed, rebooted): a fault
            messages = [pullpoint.messages.popleft() for _ in range(min(limit, len(pullpoint.messages)))]
            return pullpoint, messages

    def termination_utc(self, pullpoint: PullPoint) -> dt.datetime:
        return self.now() + dt.timedelta(seconds=max(0.0, pullpoint.termination_monotonic - time.monotonic()))


def _envelope(body: str) -> bytes:
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope {namespaces}><s:Body>{body}</s:Body></s:Envelope>'.encode()
    )


def _fault(subcode: str, reason: str) -> bytes:
    return _envelope(
        "<s:Fault><s:Code><s:Value>s:Sender</s:Value>"
        f"<s:Subcode><s:Value>{subcode}</s:Value></s:Subcode></s:Code>"
        f'<s:Reason><s:Text xml:lang="en">{escape(reason)}</s:Text></s:Reason></s:Fault>'
    )


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _notification(topic: str, source: dict[str, str], data: dict[str, str], operation: str, now: dt.datetime) -> str:
    """One wsnt:NotificationMessage as a camera sends it, rendered once for every subscription it goes to."""

    def items(values: dict[str, str]) -> str:
        return "".join(
            f'<tt:SimpleItem Name="{escape(str(name), _QUOTE)}" Value="{escape(str(value), _QUOTE)}"/>'
            for name, value in values.items()
        )

    return (
        f'<wsnt:NotificationMessage><wsnt:Topic Dialect="{CONCRETE_SET}">{escape(topic)}</wsnt:Topic>'
        f'<wsnt:Message><tt:Message UtcTime="{_utc(now)}" PropertyOperation="{escape(operation, _QUOTE)}">'
        f"<tt:Source>{items(source)}</tt:Source><tt:Data>{items(data)}</tt:Data></tt:Message></wsnt:Message>"
        "</wsnt:NotificationMessage>"
    )


_QUOTE = {'"': "&quot;"}


def _termination_s(text: str | None, now: dt.datetime, default_s: float = 60.0, is_relative_ignored: bool = False
                   ) -> float:  # fmt: skip
    """A requested termination time, relative (PT60S) or absolute (an xs:dateTime), as seconds from now.

    Some cameras ignore a relative time and end the subscription almost at once (``is_relative_ignored``)."""
    if not text or not text.strip():
        return default_s
    relative = _duration_s(text)
    if relative is not None and is_relative_ignored:
        return 0.3
    if relative is None:
        try:
            moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        except ValueError:
            raise SoapFault("wsnt:UnacceptableInitialTerminationTimeFault", f"bad termination time {text!r}") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        relative = (moment - now).total_seconds()
    if relative <= 0:
        raise SoapFault("wsnt:UnacceptableTerminationTimeFault", "the termination time is in the past")
    return min(relative, MAX_TERMINATION_S)


def _text(element: etree._Element | None, path: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    found = element.find(path, NS)
    return found.text if found is not None and found.text is not None else default


def _vector(element: etree._Element | None, name: str) -> tuple[float | None, float | None, float | None]:
    """(pan, tilt, zoom) from a PTZVector/PTZSpeed element child ``name``; None where absent."""
    if element is None:
        return None, None, None
    target = element.find(name, NS)
    if target is None:
        return None, None, None
    pan_tilt = target.find("tt:PanTilt", NS)
    zoom = target.find("tt:Zoom", NS)
    pan = float(pan_tilt.get("x")) if pan_tilt is not None and pan_tilt.get("x") else None
    tilt = float(pan_tilt.get("y")) if pan_tilt is not None and pan_tilt.get("y") else None
    zoom_value = float(zoom.get("x")) if zoom is not None and zoom.get("x") else None
    return pan, tilt, zoom_value


def _duration_s(text: str | None) -> float | None:
    """An xs:duration like PT1S or PT0.5S (the forms cameras and clients use)."""
    if not text:
        return None
    text = text.strip().upper()
    if not text.startswith("PT"):
        return None
    seconds, number = 0.0, ""
    for char in text[2:]:
        if char.isdigit() or char == ".":
            number += char
        elif char in "HMS" and number:
            seconds += float(number) * {"H": 3600, "M": 60, "S": 1}[char]
            number = ""
    return seconds


class OnvifHandler:
    """Turns one SOAP request into one SOAP response for a device."""

    def __init__(self, device: SimulatedOnvifDevice, base_url: str) -> None:
        self.device = device
        self.base_url = base_url

    def handle(self, body: bytes, path: str = "/onvif/device_service") -> tuple[int, bytes]:
        try:
            root = etree.fromstring(body)
        except etree.XMLSyntaxError:
            return 400, _fault("ter:WellFormed", "the request is not well-formed XML")
        payload = root.find("s:Body", NS)
        if payload is None or len(payload) == 0:
            return 400, _fault("ter:WellFormed", "the request has no SOAP body")
        request = payload[0]
        action = etree.QName(request).localname
        self.device.requests.append(action)
        if self.device.on_request is not None:
            self.device.on_request(action)
        try:
            if action not in UNAUTHENTICATED:
                self._authenticate(root)
            if action in SUBSCRIPTION_ACTIONS:
                if not path.startswith(SUBSCRIPTION_PATH):
                    raise SoapFault("wsrf-rw:ResourceUnknownFault", f"{action} needs a subscription's address", 500)
                return 200, _envelope(getattr(self, f"_{action}")(request, path[len(SUBSCRIPTION_PATH) :]))
            method = getattr(self, f"_{action}", None)
            if method is None:
                raise SoapFault("ter:ActionNotSupported", f"{action} is not supported by this device")
            return 200, _envelope(method(request))
        except SoapFault as fault:
            return fault.status, _fault(fault.subcode, fault.reason)
        except RawAnswer as raw:
            return 200, raw.body
        except (KeyError, ValueError) as error:
            return 400, _fault("ter:InvalidArgVal", f"invalid argument: {error}")

    def _authenticate(self, root: etree._Element) -> None:
        token = root.find("s:Header/wsse:Security/wsse:UsernameToken", NS)
        if token is None:
            raise SoapFault("ter:NotAuthorized", "Sender not Authorized: no WS-Security UsernameToken")
        username = _text(token, "wsse:Username", "")
        password = _text(token, "wsse:Password", "")
        nonce = _text(token, "wsse:Nonce", "") or ""
        created = _text(token, "wsu:Created", "") or ""
        expected = base64.b64encode(
            hashlib.sha1(base64.b64decode(nonce) + created.encode() + self.device.password.encode()).digest()
        ).decode()
        if username != self.device.username or password != expected:
            raise SoapFault("ter:NotAuthorized", "Sender not Authorized: wrong user name or password")
        try:
            stamp = dt.datetime.fromisoformat(created.replace("Z", "+00:00"))
        except ValueError:
            raise SoapFault("ter:NotAuthorized", "Sender not Authorized: bad Created time") from None
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=dt.UTC)
        if abs((stamp - self.device.now()).total_seconds()) > MAX_CLOCK_SKEW_S:
            raise SoapFault("ter:NotAuthorized", "Sender not Authorized: the token's time is off the camera's clock")

    # -- device service ---------------------------------------------------------------------
    def _GetSystemDateAndTime(self, request: etree._Element) -> str:
        if self.device.refuse_system_date:
            raise SoapFault("ter:NotAuthorized", "Sender not Authorized")
        now = self.device.now()
        return (
            "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
            "<tt:DateTimeType>Manual</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
            "<tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone><tt:UTCDateTime>"
            f"<tt:Time><tt:Hour>{now.hour}</tt:Hour><tt:Minute>{now.minute}</tt:Minute>"
            f"<tt:Second>{now.second}</tt:Second></tt:Time>"
            f"<tt:Date><tt:Year>{now.year}</tt:Year><tt:Month>{now.month}</tt:Month><tt:Day>{now.day}</tt:Day></tt:Date>"
            "</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"
        )

    def _GetDeviceInformation(self, request: etree._Element) -> str:
        return (
            "<tds:GetDeviceInformationResponse><tds:Manufacturer>Uitkijk Simulation</tds:Manufacturer>"
            f"<tds:Model>{escape(self.device.model)}</tds:Model><tds:FirmwareVersion>1.4.2</tds:FirmwareVersion>"
            f"<tds:SerialNumber>{escape(self.device.serial)}</tds:SerialNumber>"
            f"<tds:HardwareId>{escape(self.device.name)}</tds:HardwareId></tds:GetDeviceInformationResponse>"
        )

    def _services(self) -> list[tuple[str, str]]:
        services = [(NS["tds"], "device_service"), (NS["trt"], "media_service")]
        if self.device.has_events:
            services.append((NS["tev"], "event_service"))
        if self.device.head is not None and self.device.list_ptz_in_services:
            services.append((NS["tptz"], "ptz_service"))
        return services

    def _GetServices(self, request: etree._Element) -> str:
        items = "".join(
            f"<tds:Service><tds:Namespace>{namespace}</tds:Namespace>"
            f"<tds:XAddr>{self.base_url}/onvif/{path}</tds:XAddr>"
            "<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>"
            for namespace, path in self._services()
        )
        return f"<tds:GetServicesResponse>{items}</tds:GetServicesResponse>"

    def _GetCapabilities(self, request: etree._Element) -> str:
        ptz = f"<tt:PTZ><tt:XAddr>{self.base_url}/onvif/ptz_service</tt:XAddr></tt:PTZ>" if self.device.head else ""
        events = (
            f"<tt:Events><tt:XAddr>{self.base_url}/onvif/event_service</tt:XAddr>"
            "<tt:WSSubscriptionPolicySupport>false</tt:WSSubscriptionPolicySupport>"
            "<tt:WSPullPointSupport>true</tt:WSPullPointSupport>"
            "<tt:WSPausableSubscriptionManagerInterfaceSupport>false</tt:WSPausableSubscriptionManagerInterfaceSupport>"
            "</tt:Events>"
            if self.device.has_events
            else ""
        )
        return (
            "<tds:GetCapabilitiesResponse><tds:Capabilities>"
            f"<tt:Device><tt:XAddr>{self.base_url}/onvif/device_service</tt:XAddr></tt:Device>{events}"
            f"<tt:Media><tt:XAddr>{self.base_url}/onvif/media_service</tt:XAddr><tt:StreamingCapabilities>"
            "<tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP>"
            f"</tt:StreamingCapabilities></tt:Media>{ptz}</tds:Capabilities></tds:GetCapabilitiesResponse>"
        )

    # -- media service ------------------------------------------------------------------------
    def _profile(self, token: str) -> StreamProfile:
        for profile in self.device.profiles:
            if profile.token == token:
                return profile
        raise SoapFault("ter:NoProfile", f"no profile with token {token!r}")

    def _GetProfiles(self, request: etree._Element) -> str:
        ptz = ""
        if self.device.head is not None:
            ptz = (
                '<tt:PTZConfiguration token="ptz-config"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount>'
                "<tt:NodeToken>ptz-node</tt:NodeToken><tt:DefaultPTZTimeout>PT5S</tt:DefaultPTZTimeout>"
                "</tt:PTZConfiguration>"
            )
        profiles = "".join(
            f'<trt:Profiles token="{profile.token}" fixed="true"><tt:Name>{escape(profile.name)}</tt:Name>'
            f'<tt:VideoEncoderConfiguration token="enc-{profile.token}"><tt:Name>{escape(profile.name)}</tt:Name>'
            f"<tt:UseCount>1</tt:UseCount><tt:Encoding>{profile.encoding}</tt:Encoding>"
            f"<tt:Resolution><tt:Width>{profile.width}</tt:Width><tt:Height>{profile.height}</tt:Height></tt:Resolution>"
            "<tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit>"
            "<tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>1024</tt:BitrateLimit></tt:RateControl>"
            "<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>"
            f"{ptz}</trt:Profiles>"
            for profile in self.device.profiles
        )
        return f"<trt:GetProfilesResponse>{profiles}</trt:GetProfilesResponse>"

    def _media_uri(self, uri: str) -> str:
        return (
            f"<trt:MediaUri><tt:Uri>{escape(uri)}</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>"
            "<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri>"
        )

    def _GetStreamUri(self, request: etree._Element) -> str:
        profile = self._profile(_text(request, "trt:ProfileToken", "") or "")
        return f"<trt:GetStreamUriResponse>{self._media_uri(profile.stream_uri)}</trt:GetStreamUriResponse>"

    def _GetSnapshotUri(self, request: etree._Element) -> str:
        profile = self._profile(_text(request, "trt:ProfileToken", "") or "")
        uri = f"{self.base_url}/snapshot/{profile.token}.jpg"
        return f"<trt:GetSnapshotUriResponse>{self._media_uri(uri)}</trt:GetSnapshotUriResponse>"

    # -- PTZ service ----------------------------------------------------------------------------
    def _head(self) -> PtzHead:
        if self.device.head is None:
            raise SoapFault("ter:ActionNotSupported", "this camera has no PTZ")
        return self.device.head

    def _GetNodes(self, request: etree._Element) -> str:
        self._head()
        return (
            '<tptz:GetNodesResponse><tptz:PTZNode token="ptz-node" FixedHomePosition="false">'
            "<tt:Name>PTZ</tt:Name><tt:SupportedPTZSpaces></tt:SupportedPTZSpaces>"
            "<tt:MaximumNumberOfPresets>64</tt:MaximumNumberOfPresets><tt:HomeSupported>true</tt:HomeSupported>"
            "</tptz:PTZNode></tptz:GetNodesResponse>"
        )

    def _ContinuousMove(self, request: etree._Element) -> str:
        pan, tilt, zoom = _vector(request, "tptz:Velocity")
        timeout = _duration_s(_text(request, "tptz:Timeout"))
        self._head().continuous_move(pan or 0.0, tilt or 0.0, zoom or 0.0, timeout)
        return "<tptz:ContinuousMoveResponse/>"

    def _Stop(self, request: etree._Element) -> str:
        pan_tilt = (_text(request, "tptz:PanTilt", "true") or "true").lower() == "true"
        zoom = (_text(request, "tptz:Zoom", "true") or "true").lower() == "true"
        self._head().stop(pan_tilt, zoom)
        return "<tptz:StopResponse/>"

    def _speed(self, request: etree._Element) -> float:
        pan, _, zoom = _vector(request, "tptz:Speed") if request.find("tptz:Speed", NS) is not None else (None,) * 3
        values = [abs(value) for value in (pan, zoom) if value is not None]
        return max(values) if values else 1.0

    def _AbsoluteMove(self, request: etree._Element) -> str:
        head = self._head()
        pan, tilt, zoom = _vector(request, "tptz:Position")
        current, _ = head.snapshot()
        target = Position(
            current.pan if pan is None else pan,
            current.tilt if tilt is None else tilt,
            current.zoom if zoom is None else zoom,
        )
        head.absolute_move(target, self._speed(request))
        return "<tptz:AbsoluteMoveResponse/>"

    def _RelativeMove(self, request: etree._Element) -> str:
        pan, tilt, zoom = _vector(request, "tptz:Translation")
        self._head().relative_move(pan or 0.0, tilt or 0.0, zoom or 0.0, self._speed(request))
        return "<tptz:RelativeMoveResponse/>"

    def _GetStatus(self, request: etree._Element) -> str:
        position, is_moving = self._head().snapshot()
        state = "MOVING" if is_moving else "IDLE"
        now = self.device.now().strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            "<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position>"
            f'<tt:PanTilt x="{position.pan:.4f}" y="{position.tilt:.4f}" space="{PAN_TILT_SPACE}"/>'
            f'<tt:Zoom x="{position.zoom:.4f}" space="{ZOOM_SPACE}"/></tt:Position>'
            f"<tt:MoveStatus><tt:PanTilt>{state}</tt:PanTilt><tt:Zoom>{state}</tt:Zoom></tt:MoveStatus>"
            f"<tt:UtcTime>{now}</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>"
        )

    def _GetPresets(self, request: etree._Element) -> str:
        presets = "".join(
            f'<tptz:Preset token="{escape(preset.token)}"><tt:Name>{escape(preset.name)}</tt:Name><tt:PTZPosition>'
            f'<tt:PanTilt x="{preset.position.pan:.4f}" y="{preset.position.tilt:.4f}"/>'
            f'<tt:Zoom x="{preset.position.zoom:.4f}"/></tt:PTZPosition></tptz:Preset>'
            for preset in self._head().presets.values()
        )
        return f"<tptz:GetPresetsResponse>{presets}</tptz:GetPresetsResponse>"

    def _GotoPreset(self, request: etree._Element) -> str:
        token = _text(request, "tptz:PresetToken", "") or ""
        try:
            self._head().goto_preset(token, self._speed(request))
        except KeyError:
            raise SoapFault("ter:NoToken", f"no preset with token {token!r}") from None
        return "<tptz:GotoPresetResponse/>"

    def _SetPreset(self, request: etree._Element) -> str:
        name = _text(request, "tptz:PresetName", "") or ""
        token = self._head().set_preset(name, _text(request, "tptz:PresetToken"))
        return f"<tptz:SetPresetResponse><tptz:PresetToken>{escape(token)}</tptz:PresetToken></tptz:SetPresetResponse>"

    def _RemovePreset(self, request: etree._Element) -> str:
        token = _text(request, "tptz:PresetToken", "") or ""
        try:
            self._head().remove_preset(token)
        except KeyError:
            raise SoapFault("ter:NoToken", f"no preset with token {token!r}") from None
        return "<tptz:RemovePresetResponse/>"

    def _GotoHomePosition(self, request: etree._Element) -> str:
        self._head().goto_home(self._speed(request))
        return "<tptz:GotoHomePositionResponse/>"

    def _SetHomePosition(self, request: etree._Element) -> str:
        self._head().set_home()
        return "<tptz:SetHomePositionResponse/>"

    # -- event service ----------------------------------------------------------------------------
    def _events(self) -> SimulatedOnvifDevice:
        if not self.device.has_events:
            raise SoapFault("ter:ActionNotSupported", "this camera has no event service")
        if self.device.answer_garbage:
            raise RawAnswer(b"\x00\xffthis is not XML <<<< &&& \x01" * 8)
        return self.device

    def _GetEventProperties(self, request: etree._Element) -> str:
        self._events()
        topics: dict[str, list[str]] = {}
        for topic, _, _ in SIM_EVENT_MESSAGES.values():
            topics.setdefault(topic.removeprefix("tns1:").split("/")[0], []).append(topic)
        tree = "".join(
            f'<tns1:{root} wstop:topic="true"/>' for root in sorted(topics)
        )  # the roots are enough for a client that only looks
        return (
            "<tev:GetEventPropertiesResponse>"
            "<tev:TopicNamespaceLocation>http://www.onvif.org/onvif/ver10/topics/topicns.xml</tev:TopicNamespaceLocation>"
            f"<wsnt:FixedTopicSet>true</wsnt:FixedTopicSet><wstop:TopicSet>{tree}</wstop:TopicSet>"
            f"<wsnt:TopicExpressionDialect>{CONCRETE_SET}</wsnt:TopicExpressionDialect>"
            "<tev:MessageContentFilterDialect>http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter"
            "</tev:MessageContentFilterDialect>"
            "<tev:MessageContentSchemaLocation>http://www.onvif.org/onvif/ver10/schema/onvif.xsd"
            "</tev:MessageContentSchemaLocation></tev:GetEventPropertiesResponse>"
        )

    def _GetServiceCapabilities(self, request: etree._Element) -> str:
        self._events()
        return (
            '<tev:GetServiceCapabilitiesResponse><tev:Capabilities WSSubscriptionPolicySupport="false" '
            f'WSPausableSubscriptionManagerInterfaceSupport="false" MaxNotificationProducers="0" '
            f'MaxPullPoints="{self.device.max_subscriptions}" PersistentNotificationStorage="false"/>'
            "</tev:GetServiceCapabilitiesResponse>"
        )

    def _CreatePullPointSubscription(self, request: etree._Element) -> str:
        device = self._events()
        now = device.now()
        pullpoint = device.create_pullpoint(
            _termination_s(
                _text(request, "tev:InitialTerminationTime"), now, is_relative_ignored=device.ignore_relative_time
            )
        )
        if device.create_delay_s > 0:
            threading.Event().wait(device.create_delay_s)
        return (
            "<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference>"
            f"<wsa:Address>{self.base_url}{SUBSCRIPTION_PATH}{pullpoint.id}</wsa:Address></tev:SubscriptionReference>"
            f"<wsnt:CurrentTime>{_utc(now)}</wsnt:CurrentTime>"
            f"<wsnt:TerminationTime>{_utc(device.termination_utc(pullpoint))}</wsnt:TerminationTime>"
            "</tev:CreatePullPointSubscriptionResponse>"
        )

    def _PullMessages(self, request: etree._Element, subscription_id: str) -> str:
        device = self._events()
        timeout_s = min(_duration_s(_text(request, "tev:Timeout")) or 0.0, MAX_PULL_TIMEOUT_S)
        limit = max(1, int(_text(request, "tev:MessageLimit", "1") or "1"))
        pullpoint, messages = device.pull(subscription_id, timeout_s, limit)
        return (
            f"<tev:PullMessagesResponse><tev:CurrentTime>{_utc(device.now())}</tev:CurrentTime>"
            f"<tev:TerminationTime>{_utc(device.termination_utc(pullpoint))}</tev:TerminationTime>"
            f"{''.join(messages)}</tev:PullMessagesResponse>"
        )

    def _Renew(self, request: etree._Element, subscription_id: str) -> str:
        device = self._events()
        now = device.now()
        asked_s = _termination_s(_text(request, "wsnt:TerminationTime"), now, 60.0, device.ignore_relative_time)
        pullpoint = device.renew(subscription_id, asked_s)
        return (
            f"<wsnt:RenewResponse><wsnt:TerminationTime>{_utc(device.termination_utc(pullpoint))}"
            f"</wsnt:TerminationTime><wsnt:CurrentTime>{_utc(now)}</wsnt:CurrentTime></wsnt:RenewResponse>"
        )

    def _Unsubscribe(self, request: etree._Element, subscription_id: str) -> str:
        self._events().unsubscribe(subscription_id)
        return "<wsnt:UnsubscribeResponse/>"

    def _SetSynchronizationPoint(self, request: etree._Element, subscription_id: str) -> str:
        device = self._events()
        with device._events_changed:
            pullpoint = device._pullpoint(subscription_id)
            for topic, source, data in device._properties.values():
                pullpoint.messages.append(_notification(topic, source, data, "Initialized", device.now()))
            device._events_changed.notify_all()
        return "<tev:SetSynchronizationPointResponse/>"


SUBSCRIPTION_ACTIONS = frozenset({"PullMessages", "Renew", "Unsubscribe", "SetSynchronizationPoint"})


class _QuietHTTPServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        LOGGER.debug("connection from %s ended abruptly", client_address, exc_info=True)


class OnvifServer:
    """Serves one simulated device on a loopback port, in a thread."""

    def __init__(self, device: SimulatedOnvifDevice, port: int = 0) -> None:
        self.device = device
        handler_class = self._handler_class()
        self._server = _QuietHTTPServer(("127.0.0.1", port), handler_class)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.handler = OnvifHandler(device, f"http://127.0.0.1:{self.port}")
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"onvif-{device.name}", daemon=True)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                LOGGER.debug("%s: " + format, server.device.name, *args)

            def date_time_string(self, timestamp: float | None = None) -> str:
                # The Date header tells the camera's own time, off or not, as a real camera's does.
                return formatdate(server.device.now().timestamp(), usegmt=True)

            def _send(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                status, body = server.handler.handle(self.rfile.read(length), self.path)
                self._send(status, body, "application/soap+xml; charset=utf-8")

            def do_GET(self) -> None:
                if self.path.startswith("/snapshot/") and server.device.snapshot is not None:
                    self._send(200, server.device.snapshot(), "image/jpeg")
                else:
                    self._send(404, b"not found", "text/plain")

        return Handler

    def start(self) -> None:
        with self.device._events_changed:
            self.device._is_closed = False  # the same device served again (a camera back after a power cut)
        self._thread.start()

    def stop(self) -> None:
        self.device.close_events()  # a waiting PullMessages ends now, not at its time-out
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
