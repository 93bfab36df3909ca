"""ONVIF events against simulated cameras: real PullPoint SOAP over HTTP on loopback.

The follower must hold one subscription per camera whatever happens (a camera has few slots and
no way to list them), keep it past its first termination time by renewing, make a new one after
a reboot, and stay calm under a flood or garbage.
"""

from __future__ import annotations

import time

import pytest

from console.alarms.model import AlarmKind, CameraEvent, EventSource
from console.config.schema import OnvifEndpoint
from console.event_intake.onvif_follower import OnvifEventFollower
from console.sim.onvif_server import DIGITAL_INPUT_TOPIC, OnvifServer
from tests.integration.test_onvif import PASSWORD, make_device

pytestmark = pytest.mark.integration
WAIT_MS = 30_000  # generous: these hold on a loaded machine (seven helpers on two cores)
QUICK = {"backoff_first_s": 0.05, "backoff_max_s": 0.5, "pull_timeout_s": 1.0, "timeout_s": 3.0}


@pytest.fixture
def camera():
    servers: list[OnvifServer] = []

    def start(port: int = 0, device=None, **changes) -> OnvifServer:
        server = OnvifServer(device or make_device(**changes), port)
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


class Follow:
    """A follower of one simulated camera, with what it handed over."""

    def __init__(self, server: OnvifServer, camera_id: str = "mobbox-1-ptz1", **options) -> None:
        self.events: list[CameraEvent] = []
        self.states: list[dict] = []
        endpoint = OnvifEndpoint(host="127.0.0.1", port=server.port, username="uitkijk", password=PASSWORD)
        self.follower = OnvifEventFollower(camera_id, endpoint, self.events.append, self.states.append,
                                           **(QUICK | options))  # fmt: skip

    def __enter__(self) -> Follow:
        self.follower.start()
        return self

    def __exit__(self, *exc) -> None:
        assert self.follower.stop()

    @property
    def state(self) -> dict:
        return self.states[-1] if self.states else {}

    def live(self, kind: AlarmKind) -> list[CameraEvent]:
        """Events of ``kind`` that happened (not the camera's states sent to a new subscription)."""
        return [event for event in self.events if event.kind is kind and not event.detail.get("initial")]


def test_an_event_notified_on_the_camera_arrives_as_a_camera_event_with_the_cameras_message(qtbot, camera):
    server = camera()
    with Follow(server) as follow:
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        # a new subscription gets the camera's states first (door closed, battery fine, uplink up)
        qtbot.waitUntil(lambda: len(follow.events) >= 3, timeout=WAIT_MS)
        initial = {event.kind: event for event in follow.events}
        assert initial[AlarmKind.DOOR].active is False and initial[AlarmKind.DOOR].detail["initial"] is True
        assert initial[AlarmKind.BATTERY].detail["battery_pct"] == 88
        assert initial[AlarmKind.UPLINK].detail["uplink"] == "ok"

        server.device.notify_kind("door-open")
        qtbot.waitUntil(lambda: bool(follow.live(AlarmKind.DOOR)), timeout=WAIT_MS)
        door = follow.live(AlarmKind.DOOR)[0]
        assert door.active and door.camera == "mobbox-1-ptz1" and door.source is EventSource.ONVIF
        assert door.detail == {"topic": "Device/Trigger/DigitalInput", "input": "door", "door": "open"}
        assert door.message["topic"] == DIGITAL_INPUT_TOPIC
        assert door.message["operation"] == "Changed"
        assert door.message["source"] == {"InputToken": "door"}
        assert door.message["data"] == {"LogicalState": "true"}
        assert door.utc.endswith("Z") and door.utc == door.message["utc"]

        for kind in ("battery-low", "uplink-lost", "motion", "tamper", "video-loss"):
            server.device.notify_kind(kind)
        expected = {AlarmKind.BATTERY, AlarmKind.UPLINK, AlarmKind.MOTION, AlarmKind.TAMPER, AlarmKind.VIDEO_LOSS}
        qtbot.waitUntil(lambda: expected <= {event.kind for event in follow.events if event.active}, timeout=WAIT_MS)
        battery = follow.live(AlarmKind.BATTERY)[0]
        assert battery.detail["battery_low"] is True and battery.detail["battery_pct"] == 14
        assert follow.live(AlarmKind.UPLINK)[0].detail["uplink"] == "lost"
    assert server.device.subscription_count == 0


def test_the_subscription_count_stays_at_one_through_50_reconnects(qtbot, camera):
    server = camera()
    device = server.device
    with Follow(server, pull_timeout_s=0.2) as follow:  # a broken pull is seen at the next one: keep them short
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        for made in range(2, 52):  # the camera breaks the pull 50 times: each time unsubscribe, then subscribe
            device.fail_pulls = 1
            qtbot.waitUntil(lambda made=made: device.subscriptions_created == made and device.subscription_count == 1,
                            timeout=WAIT_MS)  # fmt: skip
            assert device.subscription_count == 1
        assert device.most_subscriptions == 1
        assert device.requests.count("Unsubscribe") == 50
    assert device.subscription_count == 0


def test_fifty_starts_and_stops_leave_no_subscription_behind(qtbot, camera):
    """Stopped at every moment (even while the camera is still creating it), a follower unsubscribes what it made."""
    server = camera()
    device = server.device
    for cycle in range(50):
        follow = Follow(server)
        follow.follower.start()
        if cycle % 2:
            qtbot.waitUntil(lambda follow=follow: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        assert follow.follower.stop()
        assert device.subscription_count == 0, f"a subscription was left on the camera after stop #{cycle + 1}"
    assert device.most_subscriptions == 1
    assert device.subscriptions_created >= 25


def test_stopped_while_a_slow_camera_is_still_answering_it_unsubscribes_what_the_camera_made(qtbot, camera):
    server = camera(create_delay_s=2.0)  # made at once on the camera, answered 2 s later
    device = server.device
    follow = Follow(server)
    follow.follower.start()
    qtbot.waitUntil(lambda: device.subscription_count == 1, timeout=WAIT_MS)
    assert follow.follower.stop()
    assert device.subscription_count == 0
    assert device.requests.count("Unsubscribe") == 1


def test_renewal_keeps_the_subscription_past_its_initial_termination_time(qtbot, camera):
    server = camera()
    device = server.device
    with Follow(server, subscription_s=3.0) as follow:  # renewed every 1.5 s: slack for a loaded machine
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        started = time.monotonic()
        qtbot.waitUntil(lambda: device.requests.count("Renew") >= 3, timeout=WAIT_MS)
        assert time.monotonic() - started > 3.0  # past the 3 s it was first asked for
        assert device.subscription_count == 1 and device.subscriptions_created == 1
        device.notify_kind("motion")
        qtbot.waitUntil(lambda: bool(follow.live(AlarmKind.MOTION)), timeout=WAIT_MS)


def test_a_camera_that_ignores_relative_times_is_asked_by_its_own_clock(qtbot, camera):
    """Some cameras end a subscription asked 'for PT60S' at once: the follower then asks for a moment by their clock."""
    server = camera(ignore_relative_time=True, clock_offset_s=-95.0)
    device = server.device
    with Follow(server, subscription_s=6.0) as follow:  # (an absolute time is in whole seconds)
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: device.requests.count("Renew") >= 3, timeout=WAIT_MS)
        assert device.subscriptions_created == 1 and device.subscription_count == 1
        device.notify_kind("door-open")
        qtbot.waitUntil(lambda: bool(follow.live(AlarmKind.DOOR)), timeout=WAIT_MS)


def test_a_subscription_not_renewed_expires_on_the_camera(qtbot, camera):
    """The simulated camera is as strict as a real one: without Renew the slot frees itself."""
    server = camera()
    device = server.device
    with Follow(server, subscription_s=1.0) as follow:
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        device.reboot()  # the subscription gone; our follower makes a new one...
        qtbot.waitUntil(lambda: device.subscriptions_created == 2, timeout=WAIT_MS)
    pullpoint = device.create_pullpoint(0.3)  # ...and one nobody renews ends by itself
    assert device.subscription_count == 1
    qtbot.waitUntil(lambda: device.subscription_count == 0, timeout=WAIT_MS)
    assert pullpoint.id not in device._pullpoints


def test_after_a_reboot_the_follower_subscribes_again(qtbot, camera):
    server = camera()
    device = server.device
    with Follow(server) as follow:
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        device.reboot()
        qtbot.waitUntil(lambda: device.subscriptions_created == 2 and device.subscription_count == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        device.notify_kind("door-open")
        qtbot.waitUntil(lambda: bool(follow.live(AlarmKind.DOOR)), timeout=WAIT_MS)
        assert any(state["subscription"] == "retrying" for state in follow.states)


def test_a_camera_that_is_off_then_back_is_subscribed_again(qtbot, camera):
    """Connection refused while the camera is off: retrying; back on the same port: a new subscription."""
    server = camera()
    device = server.device
    with Follow(server) as follow:
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        server.stop()
        device.reboot()
        qtbot.waitUntil(lambda: "cannot reach" in (follow.state.get("problem") or ""), timeout=WAIT_MS)
        assert follow.state["subscription"] == "retrying"
        camera(port=server.port, device=device)
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        assert device.subscription_count == 1
    assert device.subscription_count == 0


def test_a_camera_that_refuses_or_has_no_events_says_so(qtbot, camera):
    full = camera(refuse_subscriptions=True)
    without = camera(has_events=False)
    with Follow(full) as refused, Follow(without, camera_id="other") as unsupported:
        qtbot.waitUntil(lambda: refused.state.get("subscription") == "refused", timeout=WAIT_MS)
        assert "subscription" in refused.state["problem"]
        qtbot.waitUntil(lambda: unsupported.state.get("subscription") == "unsupported", timeout=WAIT_MS)
        full.device.refuse_subscriptions = False  # a slot came free: subscribed at the next try
        qtbot.waitUntil(lambda: refused.state.get("subscription") == "active", timeout=WAIT_MS)
        assert full.device.subscription_count == 1


def test_a_camera_with_its_slots_taken_refuses_the_fifth(qtbot, camera):
    server = camera()
    device = server.device
    for _ in range(device.max_subscriptions):
        device.create_pullpoint(60)
    with Follow(server) as follow:
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "refused", timeout=WAIT_MS)
        device.reboot()  # slots free again
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        assert device.subscription_count == 1


def test_garbage_is_survived_and_said(qtbot, camera):
    server = camera()
    device = server.device
    with Follow(server, subscription_s=2.0) as follow:
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        # messages that are not ONVIF inside a good answer: counted, the rest still read
        device.notify_raw("<wsnt:NotificationMessage><wsnt:Topic>tns1:Nothing</wsnt:Topic></wsnt:NotificationMessage>")
        device.notify("tns1:Vendor/Thermometer/Reading", {"Sensor": "1"}, {"Celsius": "21"})
        device.notify_kind("door-open")
        qtbot.waitUntil(lambda: bool(follow.live(AlarmKind.DOOR)), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: follow.state.get("unreadable") == 1 and follow.state.get("ignored") == 1,
                        timeout=WAIT_MS)  # fmt: skip
        # answers that are not XML at all: the subscription is given up (unsubscribed) and made again
        device.answer_garbage = True
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "retrying", timeout=WAIT_MS)
        assert "not valid ONVIF" in follow.state["problem"]
        device.answer_garbage = False
        qtbot.waitUntil(lambda: follow.state.get("subscription") == "active", timeout=WAIT_MS)
        # the one made while the camera spoke garbage could not be unsubscribed (its answer was garbage too):
        # the short subscription time frees its slot by itself
        assert device.most_subscriptions <= 2
        qtbot.waitUntil(lambda: device.subscription_count == 1, timeout=WAIT_MS)
        device.notify_kind("door-close")
        qtbot.waitUntil(lambda: any(not e.active for e in follow.live(AlarmKind.DOOR)), timeout=WAIT_MS)


def test_a_flood_of_1000_a_second_stalls_nothing(qtbot, camera):
    """The flooding camera's queue stays bounded and its state says flooding; its events and another
    camera's still arrive."""
    flooding, quiet = camera(), camera(name="mobbox-1-ptz2")
    with Follow(flooding) as flood, Follow(quiet, camera_id="mobbox-1-ptz2") as calm:
        qtbot.waitUntil(lambda: flood.state.get("subscription") == "active", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: calm.state.get("subscription") == "active", timeout=WAIT_MS)
        flooding.device.start_flood(1000, kind="motion")
        qtbot.waitUntil(lambda: flood.state.get("flooding") is True, timeout=WAIT_MS)
        before = len(flood.live(AlarmKind.MOTION))
        quiet.device.notify_kind("door-open")  # another camera, on the same ONVIF loop
        started = time.monotonic()
        qtbot.waitUntil(lambda: bool(calm.live(AlarmKind.DOOR)), timeout=WAIT_MS)
        quiet_delay_s = time.monotonic() - started
        qtbot.waitUntil(lambda: len(flood.live(AlarmKind.MOTION)) > before, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: flood.state["events_per_s"] > 50, timeout=WAIT_MS)
        assert flood.state["coalesced"] > 0
        assert flood.follower.max_queued <= flood.follower.queue_size
        flooding.device.stop_flood()
        assert quiet_delay_s < 5.0, f"the quiet camera's event took {quiet_delay_s:.2f} s"  # (a loaded machine)
        # repeats of one topic and source: a handful a second, not a thousand
        assert len(flood.live(AlarmKind.MOTION)) < 200
        # the flooding camera's own door, once the flood is over: what the camera queued meanwhile is drained
        flooding.device.notify_kind("door-open")
        qtbot.waitUntil(lambda: bool(flood.live(AlarmKind.DOOR)), timeout=WAIT_MS)
