"""The console's own detectors on synthetic pictures: motion in a zone by the clock, tamper, frozen, video loss.

The pictures are a camera's luma as the worker hands it over (640x360 uint8): a textured street with
sensor noise, so nothing passes by being perfectly clean. Times are the detectors' looks at 2 a second.
"""

from __future__ import annotations

import datetime as dt

import cv2
import numpy as np
import pytest

from console.alarms.config import Schedule, ZoneEntry
from console.alarms.model import AlarmKind, EventSource
from console.detectors.analysis import CameraAnalyser, Finding
from console.detectors.watch import DetectorTiming, Thresholds, WatchedCamera
from console.detectors.worker import CameraWatch

WIDTH, HEIGHT = 640, 360
LOOK_S = 0.5  # detectors fps 2
NIGHT = dt.datetime(2026, 12, 5, 23, 30)  # a Saturday, inside 22:00-06:00
DAY = dt.datetime(2026, 12, 5, 14, 0)
ZONE = ZoneEntry(camera="park-01", name="speeltuin", polygon=[(0.5, 0.5), (0.95, 0.5), (0.95, 0.95), (0.5, 0.95)],
                 schedule=Schedule.model_validate({"from": "22:00", "to": "06:00"}), min_area_pct=0.5,
                 min_duration_s=2.0)  # fmt: skip


def street(seed: int = 1, dark: bool = False) -> np.ndarray:
    """A scene with edges: smooth blobs of light and dark, some lines (kerbs, facades)."""
    generator = np.random.default_rng(seed)
    coarse = generator.uniform(0, 1, (HEIGHT // 20, WIDTH // 20)).astype(np.float32)
    picture = cv2.resize(coarse, (WIDTH, HEIGHT), interpolation=cv2.INTER_CUBIC)
    picture = 40 + 160 * (picture - picture.min()) / (picture.max() - picture.min())
    for index in range(12):
        y = 20 + index * 28
        cv2.line(picture, (0, y), (WIDTH, y + 40), 230 if index % 2 else 20, 2)
        cv2.rectangle(picture, (30 + index * 50, 40), (50 + index * 50, 90 + index * 5), 240, -1)
    if dark:
        picture = picture * 0.18 + 4
    return picture.astype(np.float32)


class Camera:
    """Pictures of a scene with fresh sensor noise per look, and what the analyser found in them."""

    def __init__(self, zones=(ZONE,), tamper=True, frozen=True, noise=2.0, scene=None) -> None:
        self.analyser = CameraAnalyser(zones, tamper, frozen)
        self.scene = street() if scene is None else scene
        self.noise = noise
        self.now_s = 0.0
        self.findings: list[Finding] = []
        self._generator = np.random.default_rng(7)

    def picture(self, scene: np.ndarray | None = None) -> np.ndarray:
        base = self.scene if scene is None else scene
        noisy = base + self._generator.normal(0, self.noise, base.shape) if self.noise else base
        return np.clip(noisy, 0, 255).astype(np.uint8)

    def run(self, seconds: float, local: dt.datetime = NIGHT, draw=None, picture=None) -> list[Finding]:
        """Look for ``seconds``; ``draw(scene copy, t)`` changes the scene at each look, ``picture()`` replaces it."""
        found: list[Finding] = []
        start_s = self.now_s
        while self.now_s - start_s < seconds - 1e-9:
            if picture is not None:
                luma = picture(self.now_s - start_s)
            else:
                scene = self.scene.copy()
                if draw is not None:
                    draw(scene, self.now_s - start_s)
                luma = self.picture(scene)
            found += self.analyser.look(luma, self.now_s, local + dt.timedelta(seconds=self.now_s))
            found += self.analyser.tick(self.now_s)
            self.now_s += LOOK_S
        self.findings += found
        return found


def walker(x0: float, y0: float, width: int = 50, height: int = 80, speed_px_s: float = 30.0, until_s: float = 99):
    """A person-sized block crossing the picture (its centre starts at x0, y0 in 0..1 picture coordinates)."""

    def draw(scene: np.ndarray, t: float) -> None:
        if t >= until_s:
            return
        x = int(x0 * WIDTH + speed_px_s * t) - width // 2
        y = int(y0 * HEIGHT) - height // 2
        cv2.rectangle(scene, (x, y), (x + width, y + height), 250.0, -1)
        cv2.rectangle(scene, (x + 10, y + 10), (x + width - 10, y + 30), 10.0, -1)

    return draw


def of_kind(findings: list[Finding], kind: AlarmKind, active: bool | None = True) -> list[Finding]:
    return [f for f in findings if f.kind is kind and (active is None or f.active is active)]


def warmed(**options) -> Camera:
    camera = Camera(**options)
    assert camera.run(5.0) == []  # learns the background and the reference: nothing to say
    return camera


# -- motion in a zone ---------------------------------------------------------------------------------------------
def test_a_walker_in_the_zone_for_three_seconds_raises_motion_once_then_ends():
    camera = warmed()
    found = camera.run(3.0, draw=walker(0.6, 0.72))
    motion = of_kind(found, AlarmKind.MOTION)
    assert len(motion) == 1, found
    assert motion[0].source is EventSource.DETECTOR
    assert motion[0].detail["zone"] == "speeltuin"
    assert motion[0].detail["area_pct"] >= 0.5
    assert of_kind(found, AlarmKind.TAMPER, None) == [] and of_kind(found, AlarmKind.FROZEN, None) == []
    after = camera.run(8.0)
    assert of_kind(after, AlarmKind.MOTION, True) == []
    assert [f.detail["zone"] for f in of_kind(after, AlarmKind.MOTION, False)] == ["speeltuin"]


def test_someone_who_comes_into_the_zone_and_stands_still_is_motion():
    """Found on the living simulator: OpenCV's own learning rate stays fast for a whole history (1/looks), and
    someone standing still became background within two looks, before the minimum duration."""
    camera = warmed()
    camera.run(5.0)
    found = camera.run(4.0, draw=walker(0.7, 0.75, speed_px_s=0))
    assert [f.detail["zone"] for f in of_kind(found, AlarmKind.MOTION)] == ["speeltuin"]


def test_a_walker_outside_the_zone_raises_nothing():
    camera = warmed()
    assert camera.run(6.0, draw=walker(0.1, 0.25)) == []


def test_a_blob_smaller_than_the_minimum_area_raises_nothing():
    camera = warmed()
    # 16 x 16 px = 0.11 % of the picture: a bird, a leaf, a moth on the lens
    assert camera.run(6.0, draw=walker(0.6, 0.72, width=16, height=16)) == []


def test_motion_shorter_than_the_minimum_duration_raises_nothing():
    camera = warmed()
    assert camera.run(6.0, draw=walker(0.6, 0.72, until_s=1.5)) == []


def test_motion_outside_the_zones_schedule_raises_nothing():
    camera = Camera()
    assert camera.run(5.0, local=DAY) == []
    assert camera.run(6.0, local=DAY, draw=walker(0.6, 0.72)) == []


def test_motion_raised_at_night_ends_when_the_schedule_ends():
    camera = Camera()
    camera.run(5.0, local=dt.datetime(2026, 12, 6, 5, 59, 40))
    found = camera.run(30.0, local=dt.datetime(2026, 12, 6, 5, 59, 45), draw=walker(0.55, 0.72, speed_px_s=5))
    assert [f.active for f in of_kind(found, AlarmKind.MOTION, None)] == [True, False]


def test_a_light_switched_on_is_not_motion():
    camera = warmed()
    assert of_kind(camera.run(6.0, picture=lambda t: camera.picture(camera.scene * 0.5 + 100)), AlarmKind.MOTION) == []


def test_rain_and_sensor_noise_at_night_raise_nothing():
    camera = warmed(scene=street(dark=True), noise=6.0)
    generator = np.random.default_rng(3)

    def rain(scene: np.ndarray, t: float) -> None:
        for _ in range(150):  # short bright streaks everywhere, new at each look
            x, y = int(generator.integers(0, WIDTH)), int(generator.integers(0, HEIGHT - 8))
            cv2.line(scene, (x, y), (x + 1, y + 7), 160.0, 1)

    assert camera.run(60.0, draw=rain) == []


# -- tamper -------------------------------------------------------------------------------------------------------
def test_a_covered_lens_raises_tamper_covered_within_five_seconds_and_ends_when_uncovered():
    camera = warmed()
    cover = np.full((HEIGHT, WIDTH), 12.0, np.float32)
    found = camera.run(5.0, picture=lambda t: camera.picture(cover))
    tamper = of_kind(found, AlarmKind.TAMPER)
    assert [f.detail["cause"] for f in tamper] == ["covered"]
    assert of_kind(found, AlarmKind.MOTION) == [] and of_kind(found, AlarmKind.FROZEN) == []
    back = camera.run(6.0)
    assert [(f.kind, f.active, f.detail["cause"]) for f in back if f.kind is AlarmKind.TAMPER] == [
        (AlarmKind.TAMPER, False, "covered")
    ]


def test_a_picture_moved_away_raises_tamper_moved():
    camera = warmed(zones=())
    moved = np.roll(camera.scene, (30, 60), axis=(0, 1))  # 9 % of the width sideways, 8 % of the height down
    found = camera.run(6.0, picture=lambda t: camera.picture(moved))
    assert [f.detail["cause"] for f in of_kind(found, AlarmKind.TAMPER)] == ["moved"]


def test_a_camera_turned_and_zoomed_raises_tamper_moved():
    """Found on the living simulator ('sim event tamper-move' rotates and zooms): no phase-correlation peak at all."""
    camera = warmed(zones=())
    turned = cv2.warpAffine(camera.scene, cv2.getRotationMatrix2D((WIDTH / 2, HEIGHT / 2), 11, 1.25), (WIDTH, HEIGHT))
    found = camera.run(6.0, picture=lambda t: camera.picture(turned))
    assert [f.detail["cause"] for f in of_kind(found, AlarmKind.TAMPER)] == ["moved"]


def test_a_bus_hiding_half_the_picture_is_not_tamper():
    camera = warmed(zones=())
    bus = camera.scene.copy()
    cv2.rectangle(bus, (0, 0), (WIDTH // 2, HEIGHT), 128.0, -1)
    assert camera.run(20.0, picture=lambda t: camera.picture(bus)) == []


def test_a_small_shake_is_not_moved():
    camera = warmed(zones=())
    shaken = np.roll(camera.scene, (3, 4), axis=(0, 1))  # the mast in the wind: a few pixels
    assert camera.run(10.0, picture=lambda t: camera.picture(shaken)) == []


def test_a_blurred_picture_raises_tamper_out_of_focus():
    camera = warmed(zones=())
    blurred = cv2.GaussianBlur(camera.scene, (0, 0), 6)
    found = camera.run(6.0, picture=lambda t: camera.picture(blurred))
    assert [f.detail["cause"] for f in of_kind(found, AlarmKind.TAMPER)] == ["out of focus"]


# -- the watchdog -------------------------------------------------------------------------------------------------
def test_identical_pictures_raise_frozen_picture():
    camera = warmed(zones=())
    frozen = camera.picture()
    found = camera.run(12.0, picture=lambda t: frozen.copy())
    assert len(of_kind(found, AlarmKind.FROZEN)) == 1
    assert of_kind(found, AlarmKind.FROZEN)[0].source is EventSource.WATCHDOG
    assert of_kind(found, AlarmKind.TAMPER, None) == []
    assert [f.active for f in of_kind(camera.run(3.0), AlarmKind.FROZEN, None)] == [False]


def test_a_quiet_dark_night_with_sensor_noise_is_not_frozen_nor_tampered():
    for noise in (1.0, 3.0):
        camera = Camera(zones=(ZONE,), scene=street(dark=True), noise=noise)
        assert camera.run(60.0) == [], noise


def test_no_picture_is_video_loss_and_the_picture_back_ends_it():
    analyser = CameraAnalyser((), True, True)
    assert analyser.tick(4.0) == []
    lost = analyser.tick(5.0)
    assert [(f.kind, f.active) for f in lost] == [(AlarmKind.VIDEO_LOSS, True)]
    assert not lost[0].wants_still
    assert analyser.tick(9.0) == []  # once
    back = analyser.look(np.zeros((HEIGHT, WIDTH), np.uint8) + 100, 10.0, NIGHT)
    assert [(f.kind, f.active) for f in back] == [(AlarmKind.VIDEO_LOSS, False)]
    assert analyser.tick(14.0) == []
    assert [f.kind for f in analyser.tick(15.0)] == [AlarmKind.VIDEO_LOSS]


def test_packets_arriving_without_a_decoded_picture_are_the_detectors_behind_not_a_video_loss():
    """A starved machine decodes late: the camera's packets keep coming, so the camera is live (no alarm)."""
    analyser = CameraAnalyser((), True, True)
    analyser.look(np.zeros((HEIGHT, WIDTH), np.uint8) + 100, 0.0, NIGHT)
    for tenth in range(1, 300):  # 30 s of packets, not one picture decoded
        now_s = tenth / 10
        analyser.heard(now_s)
        assert analyser.tick(now_s) == []
    assert analyser.is_behind(29.9)
    assert [f.kind for f in analyser.tick(34.9)] == [AlarmKind.VIDEO_LOSS]  # then the packets stopped: lost
    assert not analyser.is_behind(34.9)


def test_a_loss_while_the_relay_is_unreachable_is_held_for_the_takeover_and_a_cameras_own_loss_is_not():
    """Issue 27: a relay killed, the detectors raised 'video loss' at 5 s for each camera they pulled through it,
    before another relay took it (~8 s; the cameras never lost their picture): held for the room's take-over now."""
    picture = np.zeros((HEIGHT, WIDTH), np.uint8) + 100
    held = CameraAnalyser((), False, False, relay_takeover_s=9.0)  # video loss only: a flat grey picture
    held.look(picture, 0.0, NIGHT)
    held.relay_down(True)  # at 1 s: the relay's port refuses
    assert [held.tick(second / 2) for second in range(2, 28)] == [[]] * 26  # 5 s, 13.5 s: held
    back = held.look(picture, 13.6, NIGHT)  # the picture back through the relay that took it: nothing to say
    assert back == [] and held.tick(18.0) == []
    # Nobody took it (or one relay): raised after the hold, late by the take-over at most, and said why.
    held.relay_down(True)
    assert held.tick(27.5) == []
    lost = held.tick(27.6)
    assert [(f.kind, f.active, f.detail) for f in lost] == [(AlarmKind.VIDEO_LOSS, True,
                                                             {"after_s": 14.0, "relay_down": True})]  # fmt: skip
    # The relay answers (a 404/503: the camera behind it is down): the camera's own loss, at 5 s as before.
    own = CameraAnalyser((), True, True, relay_takeover_s=9.0)
    own.look(picture, 0.0, NIGHT)
    own.relay_down(True)
    own.relay_down(False)
    assert own.tick(4.9) == []
    assert [(f.kind, f.detail) for f in own.tick(5.0)] == [(AlarmKind.VIDEO_LOSS, {"after_s": 5.0})]
    # A camera pulled directly (no relay): its refused port is its own loss, at 5 s.
    direct = CameraAnalyser((), True, True)
    direct.relay_down(True)
    assert [f.kind for f in direct.tick(5.0)] == [AlarmKind.VIDEO_LOSS]


def test_a_silent_relay_holds_the_loss_and_a_live_relays_camera_is_raised_on_time():
    """A relay PC without power refuses nothing: its connections stall, and each camera pulled through it raised
    'video loss' at 5 s, before another relay took it. Its heartbeat unchanged in the store tells it apart now."""
    picture = np.zeros((HEIGHT, WIDTH), np.uint8) + 100
    gone = CameraAnalyser((), False, False, relay_takeover_s=9.0)
    gone.look(picture, 0.0, NIGHT)  # the last picture, just after the relay's last renewal was seen (at 0.9 s)
    gone.relay_seen(0.9)
    assert [gone.tick(second / 2) for second in range(2, 28)] == [[]] * 26  # 5 s, 13.5 s: held for the take-over
    lost = gone.tick(14.0)  # nobody took it: raised after the hold, saying the relay was down
    assert [(f.kind, f.detail) for f in lost] == [(AlarmKind.VIDEO_LOSS, {"after_s": 14.0, "relay_down": True})]
    # The relay renews every 2 s: the camera died behind a live relay, raised at 5 s.
    alive = CameraAnalyser((), False, False, relay_takeover_s=9.0)
    alive.look(picture, 0.0, NIGHT)
    alive.relay_seen(3.1)
    assert alive.tick(4.9) == []
    assert [(f.kind, f.detail) for f in alive.tick(5.0)] == [(AlarmKind.VIDEO_LOSS, {"after_s": 5.0})]
    # A live relay's renewal seen late holds a loss only until it is seen: then the camera's own, not the relay's.
    late = CameraAnalyser((), False, False, relay_takeover_s=9.0)
    late.look(picture, 0.0, NIGHT)
    late.relay_seen(2.0)
    assert late.tick(5.0) == []  # 3 s unchanged: silent for now
    late.relay_seen(5.2)
    assert [(f.kind, f.detail) for f in late.tick(5.5)] == [(AlarmKind.VIDEO_LOSS, {"after_s": 5.5})]
    # No heartbeat known (a room of one relay, or the store not read yet): raised at 5 s as before.
    unknown = CameraAnalyser((), False, False, relay_takeover_s=9.0)
    unknown.look(picture, 0.0, NIGHT)
    assert [f.kind for f in unknown.tick(5.0)] == [AlarmKind.VIDEO_LOSS]
    # A camera pulled directly never holds, whatever is told of a relay.
    direct = CameraAnalyser((), False, False)
    direct.look(picture, 0.0, NIGHT)
    direct.relay_seen(-10.0)
    assert [f.kind for f in direct.tick(5.0)] == [AlarmKind.VIDEO_LOSS]


def test_a_relays_silence_is_told_on_this_pcs_clock_whatever_its_own_says():
    """The relay stamps its heartbeat with its own PC's clock: compared with this PC's, a relay 2 s ahead looked
    alive after its death. Only whether the stamp changes is read, and when this PC saw it change."""
    from console.relay.claims import HeartbeatChanges

    changes = HeartbeatChanges()
    ahead = 1_000_000.0  # the relay PC's clock, far from this one's
    assert changes.observe({"relay-1:8654": ahead, "relay-2:8654": 5.0}, now_s=100.0) == {
        "relay-1:8654": 100.0, "relay-2:8654": 100.0}  # fmt: skip
    assert changes.observe({"relay-1:8654": ahead + 2.0, "relay-2:8654": 5.0}, now_s=101.0) == {
        "relay-1:8654": 101.0, "relay-2:8654": 100.0}  # relay-2 did not renew: when it was first seen  # fmt: skip
    assert changes.observe({"relay-2:8654": 7.0}, now_s=104.0) == {"relay-2:8654": 104.0}


def test_a_refused_port_is_an_unreachable_relay_and_a_moved_watch_ends_a_loss_raised_before_it():
    import socket

    import av

    from console.detectors.worker import relay_unreachable

    with socket.socket() as probe:  # a port nobody listens on: a killed relay's
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(av.error.FFmpegError) as refused:
        av.open(f"rtsp://127.0.0.1:{port}/cam-a/sub", options={"rtsp_transport": "tcp", "timeout": "3000000"})
    assert relay_unreachable(refused.value)
    assert not relay_unreachable(av.error.HTTPNotFoundError(404, "not found"))
    assert not relay_unreachable(TimeoutError())
    # A loss raised before the move (the take-over came late): the first picture through the new relay ends it.
    channel = Sent()
    watch = CameraWatch(WatchedCamera("park-01", "rtsp://relay-2/park-01/sub", relay_takeover_s=9.0), channel,  # type: ignore[arg-type]
                        Thresholds(), DetectorTiming())  # fmt: skip
    watch.lost_already()
    watch._look(av_frame(), watch._analyser._last_picture_s + 1.0, "key frames")
    assert [(m["kind"], m["active"]) for m in channel.messages if m["ev"] == "event"] == [("video loss", False)]


class Sent:
    """The detector process's channel: what it sent."""

    def __init__(self) -> None:
        self.messages: list[dict] = []

    def send(self, message: dict) -> None:
        self.messages.append(message)


def test_a_camera_watch_says_behind_in_its_state_and_raises_no_video_loss_while_packets_arrive():
    channel = Sent()
    watch = CameraWatch(WatchedCamera("park-01", "rtsp://relay/park-01/sub", (ZONE,)), channel,  # type: ignore[arg-type]
                        Thresholds(), DetectorTiming())  # fmt: skip
    start_s = watch._analyser._last_picture_s
    watch._look(av_frame(), start_s, "key frames")
    assert channel.messages[-1]["state"]["learning"] is True  # the motion model is not warm yet: said
    for tenth in range(1, 100):
        watch.heard(start_s + tenth / 10)
        watch.tick(start_s + tenth / 10)
    assert [m for m in channel.messages if m["ev"] == "event"] == []
    assert channel.messages[-1]["state"]["behind"] is True and channel.messages[-1]["state"]["state"] == "watching"
    watch.tick(start_s + 16.0)  # no packet for 6 s: the camera is lost
    assert [(m["kind"], m["active"]) for m in channel.messages if m["ev"] == "event"] == [("video loss", True)]


def av_frame(luma: np.ndarray | None = None, pts: int | None = None):
    import av

    frame = av.VideoFrame.from_ndarray(np.zeros((HEIGHT, WIDTH), np.uint8) + 100 if luma is None else luma,
                                       format="gray")  # fmt: skip
    frame.pts = pts
    return frame


def test_pictures_decoded_in_a_burst_keep_their_own_spacing_and_a_crossing_raises_motion():
    """Finding 5: under load a crossing's key frames were decoded within a blink: on the decoding's clock the
    crossing lasted 0.1 s (under the zone's 2 s) and most pictures were skipped: no motion, nothing said."""
    channel = Sent()
    always = ZoneEntry(camera="park-01", name="speeltuin", polygon=ZONE.polygon, min_area_pct=0.5, min_duration_s=2.0)
    watch = CameraWatch(
        WatchedCamera("park-01", "rtsp://relay/park-01/sub", (always,), tamper=True, frozen=True, fps=2.0),
        channel,
        Thresholds(),
        DetectorTiming(),
    )  # type: ignore[arg-type]
    camera = Camera()  # for its noisy pictures of the street
    start_s, tick_per_s = watch._analyser._last_picture_s, 90_000
    for second in range(8):  # a key frame a second, decoded on time: the models warm up
        watch.picture(av_frame(camera.picture(), second * tick_per_s), 1 / tick_per_s, start_s + second, "key frames")
    assert channel.messages[-1]["state"]["learning"] is False
    draw = walker(0.55, 0.75, speed_px_s=20.0)
    for second in range(8, 14):  # a 5 s crossing, its key frames decoded in one burst (the machine starved)
        scene = camera.scene.copy()
        draw(scene, second - 8)
        burst_s = start_s + 14 + (second - 8) * 0.01
        watch.picture(av_frame(camera.picture(scene), second * tick_per_s), 1 / tick_per_s, burst_s, "key frames")
    motion = [m for m in channel.messages if m["ev"] == "event" and m["kind"] == "motion"]
    assert [(m["active"], m["detail"]["zone"]) for m in motion] == [(True, "speeltuin")]


@pytest.mark.parametrize("tamper, frozen", [(False, False)])
def test_checks_left_off_say_nothing(tamper, frozen):
    camera = Camera(zones=(), tamper=tamper, frozen=frozen)
    cover = np.full((HEIGHT, WIDTH), 12, np.uint8)
    assert camera.run(20.0, picture=lambda t: cover) == []
