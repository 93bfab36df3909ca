"""A tile says what it knows, and no more: connecting before its first attempt failed (never red "no signal, no
picture yet" at a desk's start), its last picture and its time kept when its camera moves to another relay, and
the reason for a lost picture in the desk's language."""

from __future__ import annotations

import re

import pytest

from console.onvif.directory import StreamDirectory
from console.ui.language import install_language
from console.ui.video_tile import WARN
from console.ui.wall_view import WallView
from console.video import pyav_reader
from console.video.hub import StreamHub
from console.video.pyav_reader import ReaderTiming
from console.video.stream import StreamState, StreamStatus
from console.wall.state import WallState
from tests.gui.test_tiles_and_wall import NO_SIGNAL_AFTER_S, StillReader, config, make_frame  # noqa: F401 - fixtures


class MovingDirectory(StreamDirectory):
    """Several relays, as a desk sees them: each camera's stream comes through the relay that claims it now."""

    def __init__(self, cameras) -> None:
        super().__init__(cameras)
        self.relay_of: dict[str, str] = {}

    def url(self, camera, role):
        return f"rtsp://{self.relay_of.get(camera.id, '10.0.0.1:8554')}/{camera.id}/{role}"

    def is_relayed(self, url: str) -> bool:
        return True

    def move(self, camera_id: str, address: str) -> None:
        self.relay_of[camera_id] = address
        self._notify(camera_id)


@pytest.fixture
def hub():
    """Still readers; those of the second relay have no picture yet, and are connecting."""
    readers: dict[str, StillReader] = {}

    def factory(url, name):
        reader = readers[url] = StillReader(url, name)
        if "10.0.0.2" in url:
            reader.frame, reader.state = None, StreamStatus(StreamState.CONNECTING, attempts=1)
        return reader

    hub = StreamHub(reader_factory=factory)
    hub.readers = readers
    return hub


@pytest.fixture
def moving_wall(qtbot, config, hub):  # noqa: F811
    directory = MovingDirectory(config.cameras)
    view = WallView(config, hub, WallState("1x1", ["station-01"]), None, directory)
    qtbot.addWidget(view)
    view.resize(640, 400)
    view.show()
    qtbot.waitExposed(view)
    yield view, directory
    view.shutdown()


def test_a_tile_whose_camera_moves_to_another_relay_keeps_its_last_picture_and_its_time(qtbot, moving_wall, hub):
    """The relay died: the tile said "no signal, last frame 08:07:08"; when the camera moved to the survivor it
    threw that picture away and said "no picture received yet", which was false."""
    view, directory = moving_wall
    tile = view.tiles[0]
    dead = hub.readers["rtsp://10.0.0.1:8554/station-01/sub"]
    last = make_frame((0, 0, 220), age_s=NO_SIGNAL_AFTER_S + 2)  # red: the picture before the relay died
    dead.frame, dead.state = last, StreamStatus(StreamState.NO_SIGNAL, "connection refused", next_attempt_in_s=1.0)
    qtbot.waitUntil(lambda: tile.display().state == StreamState.NO_SIGNAL, timeout=2000)
    directory.move("station-01", "10.0.0.2:8554")
    qtbot.waitUntil(lambda: tile._handles["sub"].url == "rtsp://10.0.0.2:8554/station-01/sub", timeout=2000)
    survivor = hub.readers["rtsp://10.0.0.2:8554/station-01/sub"]
    tile.repaint()
    shown = tile.display()
    assert shown.frame is last and shown.state == StreamState.NO_SIGNAL
    said = [text for text, *_ in tile.problem_lines(shown)]
    assert said[0] == "NO SIGNAL" and said[1].startswith("last frame ") and "no frame received yet" not in said
    image = tile.grab().toImage()
    pixel = image.pixelColor(tile.video_rect(last).x() + 5, tile.video_rect(last).center().y())
    assert 20 < pixel.red() < 120 and pixel.blue() < 30  # the old picture, dimmed (the empty tile is near black)
    # The new relay's first picture replaces it.
    survivor.frame, survivor.state = make_frame((200, 0, 0)), StreamStatus(StreamState.LIVE, transport="tcp")
    qtbot.waitUntil(lambda: tile.display().state == StreamState.LIVE, timeout=2000)
    assert tile.shown_frame() is survivor.frame
    # Another camera on the tile: the old camera's picture is not its picture.
    view.assign(0, "station-02")
    assert tile.shown_frame() is not last and tile.shown_frame() is not survivor.frame


def test_a_tile_says_connecting_until_its_first_attempt_fails(qtbot, config):  # noqa: F811
    """Every desk start painted each tile red "NO SIGNAL - no frame received yet" before "CONNECTING": the readers
    said "stopped" until the decoding process took them up."""
    hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0))  # the desk's: a decoding process
    view = WallView(config, hub, WallState("1x1", [None]))
    qtbot.addWidget(view)
    states: list[StreamState | None] = []
    view.tiles[0].status_changed.connect(lambda _tile, state: states.append(state))
    try:
        view.resize(640, 400)
        view.show()
        qtbot.waitExposed(view)
        camera = config.camera("station-01")
        tile = view.tiles[0]
        tile.camera = None
        tile._url = lambda role: "rtsp://127.0.0.1:9/station-01/sub"  # nobody listens: refused at once
        tile.set_camera(camera)
        first = tile.problem_lines()
        assert first[0][0] == "CONNECTING\u2026" and first[0][1] == WARN, first
        assert states == [StreamState.CONNECTING]
        qtbot.waitUntil(lambda: tile.display().state == StreamState.NO_SIGNAL, timeout=20_000)
        assert states[0] == StreamState.CONNECTING and StreamState.NO_SIGNAL in states
        assert [text for text, *_ in tile.problem_lines()][:2] == ["NO SIGNAL", "no frame received yet"]
    finally:
        view.shutdown()
        assert hub.shutdown(10.0)


REASONS = [  # as a reader says it, then in Dutch and French
    ("connection refused", "verbinding geweigerd", "connexion refusée"),
    (
        "refused (403): this workstation may not pull the stream",
        "geweigerd (403): deze werkpost mag de stream niet ophalen",
        "refusé (403) : ce poste de travail ne peut pas tirer le flux",
    ),  # fmt: skip
    (
        "the camera has no such stream (404)",
        "de camera heeft die stream niet (404)",
        "la caméra n'a pas ce flux (404)",
    ),  # fmt: skip
    ("no answer within 3 s", "geen antwoord binnen 3 s", "pas de réponse en 3 s"),
    ("no frames for 2.5 s", "geen beelden gedurende 2,5 s", "pas d'images depuis 2,5 s"),
]


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_a_tiles_reason_for_a_lost_picture_is_in_the_desks_language(qtbot, moving_wall, hub, language):
    """A Dutch tile said "relay: connection refused"."""
    view, _directory = moving_wall
    tile = view.tiles[0]
    reader = hub.readers["rtsp://10.0.0.1:8554/station-01/sub"]
    assert install_language(language)
    try:
        for english, dutch, french in REASONS:
            reader.frame, reader.state = None, StreamStatus(StreamState.NO_SIGNAL, english, next_attempt_in_s=1.0)
            tile._statuses["sub"] = reader.state
            said = tile.problem_lines()[-1][0]
            assert said.startswith("relay: " + dutch if language == "nl" else "relais : " + french), said
            assert not re.search(r"refused|connection|answer|frames", said), said
    finally:
        install_language("en")


def test_every_reason_a_live_reader_gives_has_words():
    """Each reason ``describe_error`` can give (the fixed ones, and those with a figure) is worded."""
    from console.ui import words

    timing = ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0)
    for error in (ConnectionRefusedError(), TimeoutError()):
        for opening in (True, False):
            reason = pyav_reader.describe_error(error, timing, opening)
            assert reason in words._STREAM_REASONS or any(
                pattern.fullmatch(reason) for pattern, _ in words._STREAM_REASON_PATTERNS
            ), reason


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("nl", "ONVIF: {host} onbereikbaar: verbinding geweigerd"),
        ("fr", "ONVIF : {host} injoignable : connexion refusée"),
    ],
)
def test_an_onvif_cameras_look_up_problem_on_its_tile_is_in_the_desks_language(qtbot, config, hub, language, said):  # noqa: F811
    """A Dutch tile said "ONVIF: cannot reach 127.0.0.1:8081: Connect call failed ('127.0.0.1', 8081)":
    the look-up's problem is a fact in the directory now (a template and its values), worded on the tile."""
    from console.onvif.service import OnvifService
    from console.sim.network import free_port

    ptz = next(camera for camera in config.cameras if camera.onvif is not None and camera.streams is None)
    host = f"127.0.0.1:{free_port()}"  # nobody listens there: the camera refuses the connection
    endpoint = ptz.onvif.model_copy(update={"host": "127.0.0.1", "port": int(host.rsplit(":", 1)[1])})
    camera = ptz.model_copy(update={"onvif": endpoint})
    directory = StreamDirectory([camera])
    service = OnvifService([camera], directory, timeout_s=3.0)
    assert install_language(language)
    try:
        service.start().result(10)
        assert directory.problem(camera.id) is not None  # looked up, and it failed
        view = WallView(config, hub, WallState("1x1", [camera.id]), None, directory)
        qtbot.addWidget(view)
        lines = [text for text, *_ in view.tiles[0].problem_lines()]
        assert lines[-1] == said.format(host=host), lines
        view.enlarge(0)  # on its main stream: the same problem (enlarged, it said only "connecting")
        lines = [text for text, *_ in view.tiles[0].problem_lines()]
        assert lines[-1] == said.format(host=host), lines
        view.shutdown()
    finally:
        install_language("en")
        assert service.shutdown()
