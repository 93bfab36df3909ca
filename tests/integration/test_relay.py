"""The room's relay against the simulated network: each camera pulled once for every desk, faults said and survived;
every pull authenticated and attributed, and a desk whose signed-in role watches no video pulls nothing."""

from __future__ import annotations

import hashlib
import re
import socket
import subprocess
import sys
import threading
import time

import av
import psutil
import pytest

from console.config.room import WHEN_DOWN, Puller, Relay
from console.onvif.directory import StreamDirectory
from console.paths import REPO_ROOT
from console.relay.service import RelayService
from console.sim.network import free_port
from console.store import open_store, presence
from console.store import relay as relay_table
from console.store.backend import utc_text
from console.ui.wall_view import WallView
from console.video.hub import StreamHub
from console.video.pyav_reader import ReaderTiming
from console.video.stream import StreamState
from console.wall.state import WallState
from tests.integration.conftest import LOADED_MS, SECRET

pytestmark = pytest.mark.integration
DESK_SECRETS = {"ws-01": "Bureau-Een-Geheim-1", "ws-02": "Bureau-Twee-Geheim-2", "ws-05": "Bureau-Vijf-Geheim-5"}
RECORDER_SECRET = "Opname-Geheim-77"
PULLERS = (*(Puller(name, secret) for name, secret in DESK_SECRETS.items()),
           Puller("recorder-1", RECORDER_SECRET, is_desk=False))  # fmt: skip


def make_relay(city, tmp_path, port: int, database=None, linger_s: float = 1.0,
               check_desks: bool = False) -> RelayService:  # fmt: skip
    relay = Relay("127.0.0.1", port, "127.0.0.1", linger_s, {**WHEN_DOWN, "fixed": "wait"}, pullers=PULLERS)
    return RelayService(city.config, relay, tmp_path, database, check_desks=check_desks)


def as_desk(relay: Relay, workstation: str = "ws-01") -> Relay:
    """The relay as a desk's room.yaml gives it: its workstation as user, its own secret."""
    return Relay(relay.host, relay.port, relay.listen, relay.linger_s, relay.when_down, DESK_SECRETS[workstation],
                 workstation)  # fmt: skip


def started(qtbot, service: RelayService) -> RelayService:
    """The relay once its server reports every mount (they reach it a moment after the start)."""
    service.start()
    qtbot.waitUntil(lambda: {report.path for report in service.reports()} == set(service.mounted()),
                    timeout=LOADED_MS)  # fmt: skip
    return service


@pytest.fixture
def relay(qtbot, city, tmp_path):
    """A relay with a store, letting desks in on their secrets alone (the role checks have tests of their own)."""
    database = open_store(tmp_path)
    service = started(qtbot, make_relay(city, tmp_path, free_port(), database))
    yield service
    service.stop()
    database.close()


@pytest.fixture
def guarded_relay(qtbot, city, tmp_path):
    """A relay that lets a desk pull only while someone whose role watches video is signed in on it."""
    database = open_store(tmp_path)
    # A long linger: a camera dropped after its last desk answers 503 to one asking just then (retried by a desk).
    service = started(qtbot, make_relay(city, tmp_path, free_port(), database, linger_s=10.0, check_desks=True))
    yield service
    service.stop()
    database.close()


@pytest.fixture
def sign_in(tmp_path):
    """Sessions in the relay's store, as desks write them, kept fresh by a heartbeat every second."""
    database = open_store(tmp_path)
    sessions: dict[str, str] = {}
    stop = threading.Event()

    def write(effects) -> None:
        with database.write() as transaction:
            for effect in effects:
                effect(transaction)

    def beat() -> None:
        while not stop.wait(1.0):
            for session in list(sessions.values()):
                write(presence.heartbeat(session))

    def sign(workstation: str, role: str | None) -> None:
        """``role`` signs in on the workstation (None: whoever was there signs out)."""
        old = sessions.pop(workstation, None)
        if old is not None:
            write(presence.session_ended(old))
        if role is not None:
            sessions[workstation] = f"session-{workstation}-{len(role)}"
            who = {"user": f"user-{workstation}", "role": role, "workstation": workstation}
            write(presence.session_started(sessions[workstation], who, "A User", utc_text()))

    beater = threading.Thread(target=beat, daemon=True)
    beater.start()
    yield sign
    stop.set()
    beater.join(5)
    database.close()


def describe(port: int, path: str, user: str | None = None, password: str | None = None) -> tuple[int, str]:
    """A raw RTSP DESCRIBE, with a digest answer to the relay's challenge when a user is given: (status, answer)."""
    url = f"rtsp://127.0.0.1:{port}{path}"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        answer = _ask(connection, f"DESCRIBE {url} RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n")
        if user is None or not answer.startswith("RTSP/1.0 401"):
            return int(answer.split()[1]), answer
        realm = re.search(r'realm="([^"]*)"', answer)[1]
        nonce = re.search(r'nonce="([^"]*)"', answer)[1]

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()  # RTSP digest is MD5

        response = md5(f"{md5(f'{user}:{realm}:{password}')}:{nonce}:{md5(f'DESCRIBE:{url}')}")
        authorization = (f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{url}", '
                         f'response="{response}"')  # fmt: skip
        answer = _ask(connection, f"DESCRIBE {url} RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n"
                                  f"Authorization: {authorization}\r\n\r\n")  # fmt: skip
        return int(answer.split()[1]), answer


def _ask(connection: socket.socket, request: str) -> str:
    connection.sendall(request.encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = connection.recv(4096)
        assert chunk, f"the relay closed the connection after {answer!r}"
        answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    length = re.search(rb"Content-Length: *(\d+)", head, re.IGNORECASE)
    while length and len(body) < int(length[1]):
        body += connection.recv(4096)
    return (head + b"\r\n\r\n" + body).decode("utf-8", "replace")


@pytest.fixture
def desks(qtbot, city):
    """Desks of the room: each its own stream hub (its own PC) and wall, pulling through the relay."""
    made = []

    def make(relay: Relay, cameras: list[str | None], layout: str = "2x2", workstation: str = "ws-01") -> WallView:
        hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0))
        wall = WallView(city.config, hub, WallState(layout, cameras), None, StreamDirectory(city.config.cameras,
                        relay=as_desk(relay, workstation)))  # fmt: skip
        qtbot.addWidget(wall)
        wall.resize(960, 540)
        wall.show()
        made.append((wall, hub))
        return wall

    yield make
    for wall, hub in made:
        wall.shutdown()
        assert hub.shutdown(20.0)


def upstream_connections(service: RelayService, camera_port: int) -> int:
    """The relay's TCP connections to the cameras' RTSP server: what the cellular uplink would carry."""
    pid = service.server._process.pid
    return sum(1 for connection in psutil.Process(pid).net_connections("tcp")
               if connection.raddr and connection.raddr.port == camera_port)  # fmt: skip


def wait_live(qtbot, tile, timeout_ms: int = LOADED_MS) -> None:
    qtbot.waitUntil(lambda: tile.display().state == StreamState.LIVE, timeout=timeout_ms)


def test_two_desks_pull_a_camera_once_through_the_relay_and_it_is_dropped_after_the_last(qtbot, city, relay, desks,
                                                                                         tmp_path):  # fmt: skip
    relay_data = tmp_path
    camera_port = city.network.port
    assert upstream_connections(relay, camera_port) == 0  # nothing is pulled before a desk asks
    desk_a = desks(relay.relay, ["cam-a", "cam-secret", None, None], workstation="ws-01")
    desk_b = desks(relay.relay, ["cam-a", None, None, None], workstation="ws-02")
    for tile in (desk_a.tiles[0], desk_a.tiles[1], desk_b.tiles[0]):
        wait_live(qtbot, tile)
    assert desk_a.tiles[0]._handles["sub"].url == (f"rtsp://ws-01:{DESK_SECRETS['ws-01']}@127.0.0.1:"
                                                   f"{relay.relay.port}/cam-a/sub")  # its own credential  # fmt: skip
    assert SECRET not in desk_a.tiles[1]._handles["sub"].url  # the camera's password stays in the relay

    def report(path):
        return next((item for item in relay.reports() if item.path == path), None)

    qtbot.waitUntil(lambda: report("/cam-a/sub") is not None and report("/cam-a/sub").viewers == 2, timeout=LOADED_MS)
    assert report("/cam-a/sub").pulls == 1 and report("/cam-a/sub").pulled
    assert upstream_connections(relay, camera_port) == 2  # cam-a's sub and cam-secret: one each, for two desks
    before = report("/cam-a/sub")
    qtbot.waitUntil(lambda: report("/cam-a/sub").bytes_in > before.bytes_in + 20_000, timeout=LOADED_MS)
    after = report("/cam-a/sub")
    assert after.bytes_out - before.bytes_out == 2 * (after.bytes_in - before.bytes_in)  # in once, out to both desks
    relay.write_report()
    with relay.database.read() as transaction:
        [row] = relay_table.read_relays(transaction)
    assert {stream.path: stream.viewers for stream in row.streams if stream.pulled} == {
        "/cam-a/sub": 2,
        "/cam-secret/sub": 1,
    }
    assert {stream.path: stream.pullers for stream in row.streams if stream.pulled} == {
        "/cam-a/sub": ("ws-01", "ws-02"),
        "/cam-secret/sub": ("ws-01",),
    }  # which desks pull each stream
    shown = subprocess.run([sys.executable, "main.py", "room", "status", "--data", str(relay_data)], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert re.search(r"/cam-a/sub +2 desks +in +[\d.]+ MB +out +[\d.]+ MB +pulled 1x +ws-01, ws-02", shown.stdout), (
        shown.stdout)  # fmt: skip
    assert all(secret not in shown.stdout + shown.stderr for secret in DESK_SECRETS.values())
    desk_a.assign(0, None)
    desk_b.assign(0, None)
    qtbot.waitUntil(lambda: not report("/cam-a/sub").pulled, timeout=LOADED_MS)  # dropped a linger after the last desk
    # its socket closes on the relay's next loop pass, after the report that says so: a loaded machine may be between
    qtbot.waitUntil(lambda: upstream_connections(relay, camera_port) == 1, timeout=LOADED_MS)


def test_a_killed_relay_is_said_on_the_tiles_and_they_come_back_within_2_s_of_its_return(qtbot, city, tmp_path, desks):
    port = free_port()
    service = make_relay(city, tmp_path, port)
    service.start()
    wall = desks(service.relay, ["cam-b", None, None, None], "1x1")
    tile = wall.tiles[0]
    try:
        wait_live(qtbot, tile)
        service.server._process.kill()  # the relay dies: no goodbye to the desks
        qtbot.waitUntil(lambda: tile.display().state == StreamState.NO_SIGNAL, timeout=LOADED_MS)
        qtbot.waitUntil(lambda: any(text.startswith("relay: connection refused") for text, *_ in tile.problem_lines()),
                        timeout=LOADED_MS)  # fmt: skip
        service.stop()
        service = make_relay(city, tmp_path, port)
        service.start()
        returned = time.monotonic()
        wait_live(qtbot, tile, 4000)
        assert time.monotonic() - returned <= 2.0 + 1.0  # the desk's retry (1 s at most) and the camera's pull
    finally:
        service.stop()


def test_a_camera_that_may_be_pulled_directly_goes_to_the_camera_while_the_relay_is_down(qtbot, city, tmp_path):
    from console.relay.watch import RelayWatch

    port = free_port()
    relay = Relay("127.0.0.1", port, "127.0.0.1", 1.0, dict(WHEN_DOWN), pullers=PULLERS)  # fixed: direct when down
    directory = StreamDirectory(city.config.cameras, relay=as_desk(relay))
    hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0))
    wall = WallView(city.config, hub, WallState("1x1", ["cam-c"]), None, directory)
    qtbot.addWidget(wall)
    wall.show()
    watch = RelayWatch(relay, directory.set_relay_up)
    watch.start()  # nothing listens on the relay's port: the desk sees it down and pulls the camera itself
    tile = wall.tiles[0]
    try:
        qtbot.waitUntil(lambda: tile._handles.get("sub") is not None and not directory.is_relayed(
            tile._handles["sub"].url), timeout=LOADED_MS)  # fmt: skip
        wait_live(qtbot, tile)
        service = RelayService(city.config, relay, tmp_path, None)
        service.start()
        try:
            qtbot.waitUntil(
                lambda: directory.is_relayed(tile._handles["sub"].url), timeout=LOADED_MS
            )  # back on the relay
            wait_live(qtbot, tile)
        finally:
            service.stop()
    finally:
        watch.stop()
        wall.shutdown()
        assert hub.shutdown(20.0)


def test_a_camera_first_asked_for_long_after_the_relay_started_reaches_the_desk(qtbot, relay, desks):
    """Found by the benchmark: with rtspsrc's buffer-mode "none", a camera pulled after the relay's first
    seconds never reached its desks (each was let go as stalled)."""
    started = time.monotonic()
    wall = desks(relay.relay, ["cam-a", None, None, None])
    wait_live(qtbot, wall.tiles[0])
    qtbot.waitUntil(lambda: time.monotonic() - started > 10, timeout=15000)  # the relay has run a while
    wall.assign(1, "cam-b")
    wait_live(qtbot, wall.tiles[1])
    painted = wall.tiles[1].painted_frames
    qtbot.waitUntil(lambda: wall.tiles[1].painted_frames > painted + 50, timeout=6000)  # and stays live
    assert wall.tiles[1].display().state == StreamState.LIVE

    def report():
        return next(item for item in relay.reports() if item.path == "/cam-b/sub")

    qtbot.waitUntil(lambda: report().pulls == 1 and report().viewers == 1, timeout=5000)  # reported every second
    assert report().problem is None


def test_a_pull_without_a_credential_or_with_a_wrong_one_gets_401_and_a_desks_own_plays(qtbot, relay, caplog):
    """What `ffprobe rtsp://relay/CAMERA/main` by any local user got before: the camera's video, unlogged."""
    port = relay.relay.port
    status, answer = describe(port, "/cam-a/main")
    assert status == 401 and re.search(r"WWW-Authenticate: Digest realm=", answer), answer
    with caplog.at_level("WARNING", logger="uitkijk.relay"):
        assert describe(port, "/cam-a/main", "ws-01", "Verkeerd-Wachtwoord")[0] == 401
        assert describe(port, "/cam-a/main", "ws-01", DESK_SECRETS["ws-02"])[0] == 401  # another desk's secret
        assert describe(port, "/cam-a/main", "nobody", DESK_SECRETS["ws-01"])[0] == 401  # a user the relay has not
        with pytest.raises(av.error.HTTPUnauthorizedError):  # FFmpeg, as ffprobe opens it
            av.open(f"rtsp://127.0.0.1:{port}/cam-a/main", options={"rtsp_transport": "tcp"}, timeout=5)
        # The relay pulls the camera at this first ask and waits for its key frame: bounded as a desk's first picture
        # is (5 s ended the stream without a frame in a quiet clean-clone run).
        with av.open(as_desk(relay.relay).url("cam-a", "main"), options={"rtsp_transport": "tcp"},
                     timeout=LOADED_MS / 1000) as container:  # fmt: skip
            frame = next(container.decode(video=0))  # the desk's own credential plays
            assert frame.width > 0 and frame.height > 0
            # Asked while the desk watches: a camera dropped after its linger may answer 503 to one asking then.
            status, answer = describe(port, "/cam-a/main", "ws-01", DESK_SECRETS["ws-01"])
            assert status == 200 and "m=video" in answer
        # the relay's reports come on their own thread
        qtbot.waitUntil(lambda: "refused a pull by nobody" in caplog.text, timeout=LOADED_MS)
    assert "refused a pull by ws-01 from 127.0.0.1: no valid credentials (401)" in caplog.text
    assert "refused a pull by nobody from 127.0.0.1" in caplog.text
    assert all(secret not in caplog.text for secret in (*DESK_SECRETS.values(), "Verkeerd-Wachtwoord"))


def test_a_desk_pulls_only_while_a_role_that_watches_video_is_signed_in_on_it(qtbot, guarded_relay, sign_in, desks,
                                                                              caplog):  # fmt: skip
    port = guarded_relay.relay.port

    def status_of(workstation: str) -> int:
        return describe(port, "/cam-b/sub", workstation, DESK_SECRETS[workstation])[0]

    def pullers() -> tuple[str, ...]:
        report = next((item for item in guarded_relay.reports() if item.path == "/cam-b/sub"), None)
        return report.pullers if report is not None else ()

    assert status_of("ws-01") == 403  # the right secret, but nobody is signed in there
    sign_in("ws-05", "call-taker")
    sign_in("ws-01", "operator")
    qtbot.waitUntil(lambda: status_of("ws-01") == 200, timeout=LOADED_MS)  # read within a second
    with caplog.at_level("WARNING", logger="uitkijk.relay"):
        assert status_of("ws-05") == 403  # a call-taker watches no video
        qtbot.waitUntil(lambda: "refused a pull by ws-05" in caplog.text, timeout=3000)
    assert "refused a pull by ws-05 from 127.0.0.1: signed in as call-taker: watches no video" in caplog.text
    assert describe(port, "/cam-b/sub", "recorder-1", RECORDER_SECRET)[0] == 200  # a service pulls without a desk
    wall = desks(guarded_relay.relay, ["cam-b"], "1x1", workstation="ws-01")
    wait_live(qtbot, wall.tiles[0])
    qtbot.waitUntil(lambda: pullers() == ("ws-01",), timeout=LOADED_MS)
    sign_in("ws-01", "data-protection officer")  # the operator signs out there, the data-protection officer in
    qtbot.waitUntil(lambda: wall.tiles[0].display().state != StreamState.LIVE, timeout=LOADED_MS)  # let go at once
    qtbot.waitUntil(lambda: pullers() == (), timeout=LOADED_MS)
    assert status_of("ws-01") == 403  # and its retries are refused
    assert wall.tiles[0].display().state != StreamState.LIVE
