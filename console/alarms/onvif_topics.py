"""What a camera's ONVIF event means: its topic and items mapped to a typed :class:`CameraEvent` (pure).

The message comes as ``console/onvif/events.py`` read it (topic, operation, utc, source and data
items) and is kept whole in ``CameraEvent.message``; only what the room needs is read from it.

The topics, by kind (the namespace prefix is not compared: cameras name ``tns1`` as they like):

- motion: ``RuleEngine/CellMotionDetector/Motion`` (IsMotion), ``VideoSource/MotionAlarm`` (State),
  ``RuleEngine/MotionRegionDetector/Motion`` (State), ``RuleEngine/FieldDetector/ObjectsInside`` (IsInside)
- tamper: ``RuleEngine/TamperDetector/Tamper`` (IsTamper), ``VideoSource/GlobalSceneChange/...`` (State:
  the picture moved), ``VideoSource/ImageTooDark/...`` (covered), ``VideoSource/ImageTooBlurry/...`` (out of
  focus), ``VideoSource/ImageTooBright/...``
- video loss: ``VideoSource/SignalLoss`` (State)
- digital input: ``Device/Trigger/DigitalInput`` (LogicalState; the input by its ``InputToken`` or name).
  A Mobbox's controller puts its states on its camera's inputs, named: an input whose token or name says
  door (door, deur, porte, cabinet, kast) is a door event (open while active); one that says uplink
  (uplink, modem, cellular, lte, 4g) an uplink event (lost while active); one that says battery (battery,
  batterij, batterie, accu) a battery event (low while active).
- battery (a Mobbox runs on batteries): ``Device/HardwareFailure/PowerSupplyFailure`` (Failed: the battery is
  low; an optional ``BatteryPercent`` or ``Percent`` data item gives its charge), and the vendor-style
  ``Monitoring/Battery/...`` (State or Low, Percent).
- uplink (its cellular link): the vendor-style ``Monitoring/Uplink/...`` (State: ok, degraded or lost; active
  unless ok).

An unknown topic is kept as a digital input only when it looks like one (an input or trigger topic with
an on/off item); anything else gives None: the follower counts it as ignored. A "Deleted" property
gives None too. An "Initialized" message (the camera's states, sent to every new subscription) has
``detail["initial"] = True``: it tells a state, not that something just happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from console.alarms.model import AlarmKind, CameraEvent, EventSource, TamperCause

TRUE_WORDS = frozenset({"true", "1", "on", "active", "yes", "open", "high"})
FALSE_WORDS = frozenset({"false", "0", "off", "inactive", "no", "closed", "low", "normal"})
DOOR_WORDS = re.compile(r"door|deur|porte|cabinet|kast", re.IGNORECASE)
UPLINK_WORDS = re.compile(r"uplink|modem|cellular|lte|4g|5g", re.IGNORECASE)
BATTERY_WORDS = re.compile(r"batter|accu", re.IGNORECASE)
INPUT_LOOK = re.compile(r"input|trigger/", re.IGNORECASE)  # DigitalInput, VirtualInput, IO/Input, Trigger/...
UPLINK_STATES = frozenset({"ok", "degraded", "lost"})
BATTERY_PERCENT_ITEMS = ("BatteryPercent", "Percent", "Level", "Charge")


@dataclass(frozen=True)
class TopicRule:
    """A topic (or all under it, ending in '/'), the kind it gives and the data item(s) that say on or off."""

    path: str
    kind: AlarmKind
    state_items: tuple[str, ...]
    cause: TamperCause | None = None


RULES: tuple[TopicRule, ...] = (
    TopicRule("RuleEngine/CellMotionDetector/Motion", AlarmKind.MOTION, ("IsMotion", "State")),
    TopicRule("VideoSource/MotionAlarm", AlarmKind.MOTION, ("State", "IsMotion")),
    TopicRule("RuleEngine/MotionRegionDetector/Motion", AlarmKind.MOTION, ("State", "IsMotion")),
    TopicRule("RuleEngine/FieldDetector/ObjectsInside", AlarmKind.MOTION, ("IsInside", "State")),
    TopicRule("RuleEngine/TamperDetector/Tamper", AlarmKind.TAMPER, ("IsTamper", "State")),
    TopicRule("VideoSource/GlobalSceneChange/", AlarmKind.TAMPER, ("State",), TamperCause.MOVED),
    TopicRule("VideoSource/GlobalSceneChange", AlarmKind.TAMPER, ("State",), TamperCause.MOVED),
    TopicRule("VideoSource/ImageTooDark/", AlarmKind.TAMPER, ("State",), TamperCause.COVERED),
    TopicRule("VideoSource/ImageTooBlurry/", AlarmKind.TAMPER, ("State",), TamperCause.DEFOCUSED),
    TopicRule("VideoSource/ImageTooBright/", AlarmKind.TAMPER, ("State",)),
    TopicRule("VideoSource/SignalLoss", AlarmKind.VIDEO_LOSS, ("State", "IsSignalLoss")),
    TopicRule("Device/Trigger/DigitalInput", AlarmKind.DIGITAL_INPUT, ("LogicalState", "State", "Level")),
    TopicRule("Device/IO/DigitalInput", AlarmKind.DIGITAL_INPUT, ("LogicalState", "State", "Level")),
    TopicRule("Device/HardwareFailure/PowerSupplyFailure", AlarmKind.BATTERY, ("Failed", "State")),
    TopicRule("Monitoring/Battery/", AlarmKind.BATTERY, ("State", "Low", "Failed")),
    TopicRule("Monitoring/Uplink/", AlarmKind.UPLINK, ("State",)),
)


def topic_path(topic: str) -> str:
    """The topic without its namespace prefix and trailing '/' or '//.': 'tns1:A/B' -> 'A/B'."""
    path = topic.strip().rstrip("/.").strip()
    head, _, rest = path.partition("/")
    if ":" in head:
        head = head.split(":", 1)[1]
    return f"{head}/{rest}" if rest else head


def rule_of(topic: str) -> TopicRule | None:
    path = topic_path(topic).lower()
    for rule in RULES:
        wanted = rule.path.lower()
        is_match = path.startswith(wanted) if wanted.endswith("/") else path == wanted
        if is_match:
            return rule
    return None


def is_on(value: Any) -> bool | None:
    """An item's value as on or off; None when it says neither."""
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def _state(data: dict[str, Any], names: tuple[str, ...]) -> tuple[str, bool] | None:
    """The first named item that says on or off (case of its name ignored), with its verdict."""
    lowered = {str(name).lower(): value for name, value in data.items()}
    for name in names:
        if name.lower() in lowered:
            verdict = is_on(lowered[name.lower()])
            if verdict is not None:
                return name, verdict
    return None


def _input_name(source: dict[str, Any]) -> str:
    for name in ("InputToken", "Token", "Name", "Input", "RelayToken"):
        for key, value in source.items():
            if str(key).lower() == name.lower() and str(value).strip():
                return str(value)
    return next((str(value) for value in source.values() if str(value).strip()), "")


def _percent(data: dict[str, Any]) -> int | None:
    lowered = {str(name).lower(): value for name, value in data.items()}
    for name in BATTERY_PERCENT_ITEMS:
        value = lowered.get(name.lower())
        if value is None:
            continue
        try:
            percent = round(float(str(value).strip().rstrip("%")))
        except ValueError:
            continue
        if 0 <= percent <= 100:
            return percent
    return None


def event_of(camera: str, message: dict[str, Any], received_utc: str) -> CameraEvent | None:
    """The typed event of one camera message, or None (unknown topic, a removed property, no state in it)."""
    topic = str(message.get("topic") or "")
    operation = str(message.get("operation") or "")
    source = message.get("source") or {}
    data = message.get("data") or {}
    if not topic or operation.lower() == "deleted" or not isinstance(source, dict) or not isinstance(data, dict):
        return None
    utc = str(message.get("utc") or "") or received_utc
    detail: dict[str, Any] = {"topic": topic_path(topic)}
    if operation.lower() == "initialized":
        detail["initial"] = True
    rule = rule_of(topic)
    if rule is None:
        return _unknown_input(camera, topic, message, data, source, utc, detail)
    kind = rule.kind
    if kind is AlarmKind.UPLINK:
        state = str(next((value for name, value in data.items() if str(name).lower() == "state"), "")).lower()
        if state not in UPLINK_STATES:
            verdict = is_on(state)  # a camera that says the link is up (true) or down (false)
            if verdict is None:
                return None
            state = "ok" if verdict else "lost"
        detail["uplink"] = state
        return CameraEvent(camera, kind, state != "ok", utc, EventSource.ONVIF, detail, dict(message))
    found = _state(data, rule.state_items)
    if found is None:
        return None
    _, active = found
    if rule.cause is not None:
        detail["cause"] = rule.cause.value
    if kind is AlarmKind.DIGITAL_INPUT:
        name = _input_name(source)
        detail["input"] = name
        names = [str(value) for value in (name, *source.values())]
        if any(DOOR_WORDS.search(value) for value in names):
            kind = AlarmKind.DOOR
            detail["door"] = "open" if active else "closed"
        elif any(UPLINK_WORDS.search(value) for value in names):
            kind = AlarmKind.UPLINK
            detail["uplink"] = "lost" if active else "ok"
        elif any(BATTERY_WORDS.search(value) for value in names):
            kind = AlarmKind.BATTERY
            detail["battery_low"] = active
    if kind is AlarmKind.BATTERY:
        percent = _percent(data)
        if percent is not None:
            detail["battery_pct"] = percent
        detail["battery_low"] = active
    return CameraEvent(camera, kind, active, utc, EventSource.ONVIF, detail, dict(message))


def _unknown_input(camera: str, topic: str, message: dict[str, Any], data: dict[str, Any], source: dict[str, Any],
                   utc: str, detail: dict[str, Any]) -> CameraEvent | None:  # fmt: skip
    """A topic we do not know, kept as a digital input only when it looks like one."""
    if not INPUT_LOOK.search(topic_path(topic)):
        return None
    found = _state(data, ("LogicalState", "State", "Level", "Value", "Active"))
    if found is None:
        return None
    detail["input"] = _input_name(source)
    return CameraEvent(camera, AlarmKind.DIGITAL_INPUT, found[1], utc, EventSource.ONVIF, detail, dict(message))
