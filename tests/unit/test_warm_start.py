"""Which streams a desk opens while its user signs in (``ui/warm_start.py``); the hub is a fake that counts."""

from __future__ import annotations

from console.config.loader import load_camera_config
from console.config.room import WHEN_DOWN, Relay
from console.onvif.directory import StreamDirectory
from console.paths import DEFAULT_CONFIG_DIR
from console.ui.warm_start import WarmStart
from console.wall.state import WallState


class CountingHub:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def acquire(self, url, name, on_status, size):
        self.asked.append(name)
        return self


def _warm(tmp_path, relay: Relay | None) -> tuple[WarmStart, CountingHub, WallState]:
    config = load_camera_config(DEFAULT_CONFIG_DIR)
    hub = CountingHub()
    directory = StreamDirectory(config.cameras, tmp_path / "onvif-streams.json", relay)
    wall = WallState("2x2")
    wall.fill([camera.id for camera in config.cameras if camera.stream_url("sub")])
    return WarmStart(hub, directory, config), hub, wall  # type: ignore[arg-type]


def test_a_lone_desk_opens_its_walls_sub_streams_while_signing_in(tmp_path):
    warm, hub, wall = _warm(tmp_path, None)
    assert warm.open([wall]) == 4
    assert hub.asked == [f"{camera}.sub" for camera in wall.visible()]


def test_a_desk_of_a_room_with_a_relay_opens_nothing_before_someone_is_signed_in(tmp_path):
    """The relay lets a desk pull only while someone who watches video is signed in on it: a pull before the
    sign-in was refused (403), said in the relay's log as a refusal, and retried against the refusal."""
    relay = Relay("127.0.0.1", 8654, "127.0.0.1", 10.0, dict(WHEN_DOWN), "secret", "ws-01")
    warm, hub, wall = _warm(tmp_path, relay)
    assert warm.open([wall]) == 0
    assert hub.asked == []
