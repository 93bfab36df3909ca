"""The ONVIF topics mapped to typed camera events, and the follower's pure taming of a flood."""

from __future__ import annotations

import pytest

from console.alarms.model import AlarmKind, CameraEvent, EventSource
from console.alarms.onvif_topics import event_of, rule_of, topic_path
from console.event_intake.onvif_follower import Coalescer, RateMeter, TokenBucket

NOW = "2026-12-05T03:00:00.000Z"


def message(topic, data, source=None, operation="Changed", utc="2026-12-05T02:59:59.500Z"):
    return {"topic": topic, "operation": operation, "utc": utc, "source": source or {}, "data": data}


@pytest.mark.parametrize(
    ("topic", "data", "kind", "active"),
    [
        ("tns1:RuleEngine/CellMotionDetector/Motion", {"IsMotion": "true"}, AlarmKind.MOTION, True),
        ("tns1:RuleEngine/CellMotionDetector/Motion//.", {"IsMotion": "false"}, AlarmKind.MOTION, False),
        ("tns1:VideoSource/MotionAlarm", {"State": "true"}, AlarmKind.MOTION, True),
        ("tns1:RuleEngine/FieldDetector/ObjectsInside", {"IsInside": "true"}, AlarmKind.MOTION, True),
        ("tns1:RuleEngine/TamperDetector/Tamper", {"IsTamper": "true"}, AlarmKind.TAMPER, True),
        ("tns1:VideoSource/GlobalSceneChange/ImagingService", {"State": "true"}, AlarmKind.TAMPER, True),
        ("tns1:VideoSource/SignalLoss", {"State": "true"}, AlarmKind.VIDEO_LOSS, True),
        ("tns1:VideoSource/SignalLoss", {"State": "false"}, AlarmKind.VIDEO_LOSS, False),
        ("tns1:Device/HardwareFailure/PowerSupplyFailure", {"Failed": "true"}, AlarmKind.BATTERY, True),
        ("tns1:Monitoring/Battery/Low", {"State": "true", "Percent": "9"}, AlarmKind.BATTERY, True),
        ("tns1:Monitoring/Uplink/State", {"State": "degraded"}, AlarmKind.UPLINK, True),
        ("tns1:Monitoring/Uplink/State", {"State": "ok"}, AlarmKind.UPLINK, False),
        ("ns2:VideoSource/SignalLoss", {"State": "1"}, AlarmKind.VIDEO_LOSS, True),  # any namespace prefix
    ],
)
def test_known_topics_map_to_their_kind(topic, data, kind, active):
    event = event_of("cam-1", message(topic, data), NOW)
    assert event is not None
    assert (event.kind, event.active, event.source) == (kind, active, EventSource.ONVIF)


def test_the_cameras_own_message_is_kept_and_its_time_used():
    original = message("tns1:VideoSource/SignalLoss", {"State": "true"}, {"Source": "vs-1"})
    event = event_of("cam-1", original, NOW)
    assert event is not None
    assert event.message == original and event.utc == "2026-12-05T02:59:59.500Z"
    assert event_of("cam-1", {**original, "utc": ""}, NOW).utc == NOW  # no time from the camera: when it came


def test_a_door_input_is_a_door_and_another_input_a_digital_input():
    door = event_of("mobbox-1-ptz1", message("tns1:Device/Trigger/DigitalInput", {"LogicalState": "true"},
                                             {"InputToken": "door"}), NOW)  # fmt: skip
    assert door.kind is AlarmKind.DOOR and door.active and door.detail["door"] == "open"
    assert door.detail["input"] == "door"
    deur = event_of("c", message("tns1:Device/Trigger/DigitalInput", {"LogicalState": "false"},
                                 {"InputToken": "IN2", "Name": "Kastdeur"}), NOW)  # fmt: skip
    assert deur.kind is AlarmKind.DOOR and not deur.active and deur.detail["input"] == "IN2"  # its name says door
    other = event_of("c", message("tns1:Device/Trigger/DigitalInput", {"LogicalState": "true"},
                                  {"InputToken": "IN2"}), NOW)  # fmt: skip
    assert other.kind is AlarmKind.DIGITAL_INPUT and other.detail["input"] == "IN2"


def test_a_mobbox_controllers_named_inputs_are_its_uplink_and_battery():
    lost = event_of("c", message("tns1:Device/Trigger/DigitalInput", {"LogicalState": "true"},
                                 {"InputToken": "uplink"}), NOW)  # fmt: skip
    assert lost.kind is AlarmKind.UPLINK and lost.active and lost.detail["uplink"] == "lost"
    back = event_of("c", message("tns1:Device/Trigger/DigitalInput", {"LogicalState": "false"},
                                 {"InputToken": "uplink"}), NOW)  # fmt: skip
    assert back.kind is AlarmKind.UPLINK and not back.active and back.detail["uplink"] == "ok"
    low = event_of("c", message("tns1:Device/Trigger/DigitalInput", {"LogicalState": "true"},
                                {"InputToken": "IN3", "Name": "Batterij laag"}), NOW)  # fmt: skip
    assert low.kind is AlarmKind.BATTERY and low.detail["battery_low"] is True


def test_battery_carries_its_charge_and_tamper_its_cause():
    battery = event_of("c", message("tns1:Device/HardwareFailure/PowerSupplyFailure",
                                    {"Failed": "true", "BatteryPercent": "14"}, {"Token": "battery"}), NOW)  # fmt: skip
    assert battery.detail["battery_pct"] == 14 and battery.detail["battery_low"] is True
    moved = event_of("c", message("tns1:VideoSource/GlobalSceneChange/ImagingService", {"State": "true"}), NOW)
    assert moved.detail["cause"] == "moved"
    dark = event_of("c", message("tns1:VideoSource/ImageTooDark/ImagingService", {"State": "true"}), NOW)
    assert dark.detail["cause"] == "covered"
    blurry = event_of("c", message("tns1:VideoSource/ImageTooBlurry/AnalyticsService", {"State": "true"}), NOW)
    assert blurry.detail["cause"] == "out of focus"


def test_initialized_states_are_marked_and_deleted_ones_dropped():
    initial = event_of("c", message("tns1:VideoSource/SignalLoss", {"State": "false"}, operation="Initialized"), NOW)
    assert initial.detail["initial"] is True
    assert event_of("c", message("tns1:VideoSource/SignalLoss", {"State": "false"}, operation="Deleted"), NOW) is None


def test_unknown_topics_are_kept_only_when_they_look_like_inputs():
    vendor_input = message("tnsaxis:Device/IO/VirtualInput", {"Active": "1"}, {"port": "3"})
    event = event_of("c", vendor_input, NOW)
    assert event is not None and event.kind is AlarmKind.DIGITAL_INPUT and event.active
    assert event_of("c", message("tns1:Vendor/Thermometer/Reading", {"Celsius": "21"}), NOW) is None
    assert event_of("c", message("tns1:Device/Trigger/DigitalInput", {"LogicalState": "maybe"}), NOW) is None
    assert event_of("c", {"topic": "", "data": {}}, NOW) is None
    assert event_of("c", {"topic": "tns1:VideoSource/SignalLoss", "data": "garbage"}, NOW) is None


def test_topic_paths_and_rules():
    assert topic_path("tns1:RuleEngine/CellMotionDetector/Motion//.") == "RuleEngine/CellMotionDetector/Motion"
    assert rule_of("tns1:VideoSource/MotionAlarmX") is None  # a whole topic, not a prefix
    assert rule_of("tns1:Monitoring/Uplink/Anything").kind is AlarmKind.UPLINK


def _event(active: bool, topic: str = "tns1:RuleEngine/CellMotionDetector/Motion", source=None) -> CameraEvent:
    return CameraEvent("c", AlarmKind.MOTION, active, NOW, EventSource.ONVIF, {},
                       {"topic": topic, "source": source or {"Rule": "r1"}})  # fmt: skip


def test_repeats_within_a_second_are_one_event_and_the_last_state_still_goes():
    coalescer = Coalescer(1.0)
    assert coalescer.offer(_event(True), 0.0) == [_event(True)]
    assert coalescer.offer(_event(False), 0.1) == []
    assert coalescer.offer(_event(True), 0.2) == []
    assert coalescer.offer(_event(False), 0.3) == []
    assert coalescer.next_due() == 1.0
    assert coalescer.due(1.0) == [_event(False)]  # the state changed over the second: its last state goes
    assert coalescer.offer(_event(True, source={"Rule": "r2"}), 1.1) == [_event(True, source={"Rule": "r2"})]
    assert coalescer.offer(_event(False), 1.2) == []
    assert coalescer.offer(_event(False), 1.3) == []
    assert coalescer.due(2.0) == []  # the same state as the one handed over: a repeat, dropped
    assert coalescer.coalesced == 4


def test_the_bucket_allows_a_burst_then_its_rate():
    bucket = TokenBucket(rate_per_s=10, burst=5)
    assert [bucket.take(0.0) for _ in range(6)] == [True] * 5 + [False]
    assert bucket.take(0.1) and not bucket.take(0.1)


def test_the_meter_counts_the_last_whole_seconds():
    meter = RateMeter(window_s=3)
    meter.add(100, 100.2)  # pulls come in bursts: one second has them, the next none
    meter.add(50, 101.9)
    assert meter.per_s(102.1) == 50
    assert meter.per_s(104.5) == round(50 / 3, 1)
    assert meter.per_s(106.0) == 0


def test_every_simulated_mobbox_event_maps_to_its_kind():
    """The wire between the simulated cameras (sim event) and the mapping: every kind gives its alarm kind. The
    PTZ cameras' process sends the ONVIF device's own table (it had a table of its own once, and they drifted)."""
    from console.sim import onvif_server, ptz_process

    assert ptz_process.SIM_EVENT_MESSAGES is onvif_server.SIM_EVENT_MESSAGES
    events = onvif_server.SIM_EVENT_MESSAGES
    kinds = {"door": AlarmKind.DOOR, "battery": AlarmKind.BATTERY, "uplink": AlarmKind.UPLINK,
             "motion": AlarmKind.MOTION, "tamper": AlarmKind.TAMPER, "video": AlarmKind.VIDEO_LOSS}  # fmt: skip
    for name, (topic, source, data) in events.items():
        event = event_of("mobbox-1-ptz1", message(topic, data, source), NOW)
        assert event is not None, name
        assert event.kind is kinds[name.split("-")[0]], name
        assert event.active is not name.endswith(("-ok", "-close", "-end", "-back")), name
