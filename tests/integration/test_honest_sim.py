"""The simulator's cameras send a late first viewer live video only, from a key frame, as a real camera does.

Each mount is opened once, by its first viewer, long after the simulator started; its pictures are decoded with
PyAV (not the console's readers). A held, unwatched mount used to pile its feed up in its socket and hand all of it
to that first viewer at once: hundreds of old frames in a second, damaged where the socket had overflowed.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import av
import av.logging
import pytest

from console.config.loader import load_camera_config
from console.sim.from_config import build_network
from console.sim.network import SimNetwork, free_port

UNWATCHED_S = 12.0  # how long every mount runs before its first viewer: the scenario, not a synchronisation
SEEN_S = 2.0  # each viewer decodes this much video
LOADED_S = 30.0  # the bound of a failure on a loaded machine, not a figure
JITTER_FRAMES = 4  # a feeder's pacing and the decoder's reordering: frames a live stream may be ahead by
PTZ_PASSWORD = "Mobbox-Eerlijk-3"


def write_config(folder: Path, port: int, onvif_port: int) -> None:
    stream = f"rtsp://127.0.0.1:{port}"
    (folder / "cameras.yaml").write_text(
        f"""version: 1
areas:
  - {{id: park, name: Park}}
cameras:
  - id: fixed
    name: Vast
    kind: fixed
    area: park
    location: {{street: Parkstraat, lat: 50.8, lon: 3.2}}
    streams: {{main: '{stream}/fixed', sub: '{stream}/fixed-sub'}}
  - id: anpr
    name: ANPR
    kind: anpr
    area: park
    location: {{street: Parkstraat, lat: 50.801, lon: 3.2}}
    streams: {{main: '{stream}/anpr', sub: '{stream}/anpr-sub'}}
  - id: only-udp
    name: Alleen UDP
    kind: fixed
    area: park
    location: {{street: Parkstraat, lat: 50.802, lon: 3.2}}
    streams: {{main: '{stream}/only-udp'}}
mobboxes:
  - id: box-1
    name: Mobbox 1
    deployment: {{site: Speelplein, area: park, since: 2026-10-01, purpose: test, authorisation: PZ-TEST}}
    cameras:
      - id: box-1-ptz
        name: Mobbox 1 mast A
        kind: ptz
        area: park
        location: {{street: Speelplein, lat: 50.81, lon: 3.2, heading_deg: 180, height_m: 6, tilt_range_deg: 20}}
        onvif: {{host: 127.0.0.1, port: {onvif_port}, username: uitkijk, password: '{PTZ_PASSWORD}'}}
""",
        encoding="utf-8",
    )
    (folder / "simulation.yaml").write_text(
        "version: 1\ncameras:\n  anpr: {codec: h265}\n  only-udp: {transports: udp}\n", encoding="utf-8"
    )


@dataclass
class Unwatched:
    network: SimNetwork
    port: int
    started: float  # monotonic time the network was up


@pytest.fixture(scope="module")
def unwatched(tmp_path_factory) -> Unwatched:
    folder = tmp_path_factory.mktemp("honest_config")
    port = free_port()
    write_config(folder, port, free_port())
    config = load_camera_config(folder, {})
    network = build_network(config, tmp_path_factory.getbasetemp() / "clips", clip_seconds=4)
    network.start()
    try:
        yield Unwatched(network, port, time.monotonic())
    finally:
        network.stop()


@dataclass
class FirstView:
    """What a first viewer decoded: per picture, the wall time since it opened the stream, key or not, its pts."""

    rate_fps: float = 0.0
    seen: list[tuple[float, bool, int | None]] = field(default_factory=list)
    failure: str = ""


def first_view(url: str, transport: str) -> FirstView:
    view = FirstView()
    opened = time.monotonic()
    try:
        with av.open(url, options={"rtsp_transport": transport}, timeout=LOADED_S) as container:
            stream = container.streams.video[0]
            view.rate_fps = float(stream.average_rate or stream.guessed_rate or 0)
            for picture in container.decode(stream):
                view.seen.append((time.monotonic() - opened, picture.key_frame, picture.pts))
                if len(view.seen) >= view.rate_fps * SEEN_S or time.monotonic() - opened > LOADED_S:
                    break
    except (av.FFmpegError, OSError) as error:
        view.failure = f"{type(error).__name__}: {error}"
    return view


@pytest.mark.parametrize(
    ("mount", "rate_fps", "transport"),
    [
        ("fixed", 25, "tcp"),
        ("fixed-sub", 25, "tcp"),
        ("anpr", 25, "tcp"),  # H.265
        ("anpr-sub", 25, "tcp"),
        ("only-udp", 25, "udp"),
        ("box-1-ptz", 15, "tcp"),  # a Mobbox's PTZ camera, encoded live
        ("box-1-ptz-sub", 15, "tcp"),
    ],
)
def test_a_first_viewer_long_after_the_start_gets_live_undamaged_video_from_a_key_frame(
    unwatched, caplog, mount, rate_fps, transport
):
    unwatched_for = threading.Event()
    unwatched_for.wait(max(0.0, unwatched.started + UNWATCHED_S - time.monotonic()))  # the camera runs unwatched
    level = av.logging.get_level()
    av.logging.set_level(av.logging.WARNING)
    try:
        with caplog.at_level(logging.WARNING, logger="libav"):
            view = first_view(f"rtsp://127.0.0.1:{unwatched.port}/{mount}", transport)
    finally:
        av.logging.set_level(level)
    assert not view.failure, view.failure
    assert view.rate_fps == rate_fps
    assert len(view.seen) >= rate_fps * SEEN_S, f"only {len(view.seen)} pictures in {LOADED_S} s"
    ahead = [
        (count, at_s) for count, (at_s, _, _) in enumerate(view.seen, 1) if count > rate_fps * at_s + JITTER_FRAMES
    ]
    assert not ahead, f"{mount}: pictures faster than the camera makes them (count, s after opening): {ahead[:5]}"
    assert view.seen[0][1], f"{mount}: the first picture is not a key frame"
    stamps = [pts for _, _, pts in view.seen[1:]]  # FFmpeg's RTSP reader leaves its first picture unstamped
    assert all(pts is not None for pts in stamps), f"{mount}: {stamps}"
    assert all(later > earlier for earlier, later in zip(stamps, stamps[1:], strict=False)), f"{mount}: {stamps}"
    decoder_said = [record.getMessage() for record in caplog.records if record.name.startswith("libav")]
    assert not decoder_said, f"{mount}: the decoder said {decoder_said[:5]}"
