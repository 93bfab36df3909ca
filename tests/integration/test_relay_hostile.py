"""Our own relay (``copy_relay.py``) against hostile connections, none of them logged in: it lets them go, its memory
and file descriptors stay bounded, and the desks go on getting the camera's video.

The real relay process, a camera of our own (``relay_camera.py``), raw sockets for the hostile side, from another
loopback address (127.0.0.2) than the desks' (127.0.0.1).
"""

from __future__ import annotations

import socket
import subprocess
import threading
from pathlib import Path

import psutil
import pytest

from console.config.room import Puller
from console.relay.process import SYSTEM_PYTHON, RelayProcess
from console.sim.network import free_port
from tests.integration.conftest import LOADED_MS
from tests.integration.test_relay import describe
from tests.integration.test_relay_forward import SECRETS, encode, relayed_rtp, report

pytestmark = pytest.mark.integration
HOSTILE = "127.0.0.2"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def camera(tmp_path_factory):
    """A camera of ``relay_camera.py`` (H.264, parameter sets in band): its RTSP address."""
    folder = tmp_path_factory.mktemp("hostile-camera")
    encode(folder / "h264.mp4", "h264")
    port = free_port()
    server = subprocess.Popen([SYSTEM_PYTHON, str(Path(__file__).with_name("relay_camera.py")), str(port),
                               str(folder)], stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert server.stdout is not None and server.stdout.readline().strip() == "READY"
    yield f"rtsp://127.0.0.1:{port}/in-band"
    server.terminate()
    server.wait(10)


@pytest.fixture
def relay():
    server = RelayProcess("127.0.0.1", free_port(), 1.0,
                          pullers=[Puller(desk, secret) for desk, secret in SECRETS.items()])  # fmt: skip
    server.start()
    yield server
    server.stop()


def process(relay: RelayProcess) -> psutil.Process:
    assert relay._process is not None
    return psutil.Process(relay._process.pid)


def hostile_connections(relay: RelayProcess) -> int:
    """The relay's TCP connections from the hostile address."""
    return sum(1 for connection in process(relay).net_connections("tcp")
               if connection.raddr and connection.raddr.ip == HOSTILE)  # fmt: skip


def hostile(relay: RelayProcess, receive_bytes: int | None = None) -> socket.socket:
    connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if receive_bytes is not None:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_bytes)
    connection.bind((HOSTILE, 0))
    connection.connect(("127.0.0.1", relay.port))
    return connection


def test_a_connection_sending_requests_without_reading_the_answers_is_let_go_and_the_relay_stays_small(qtbot, relay):
    """Found in review: every answer was queued and never waited for; OPTIONS after OPTIONS with a long CSeq, never
    reading, took the relay from 25 to 444 MB in 2 s."""
    start_bytes = process(relay).memory_info().rss
    request = f"OPTIONS * RTSP/1.0\r\nCSeq: {'9' * 60_000}\r\n\r\n".encode()
    sent_bytes = 0
    with hostile(relay, receive_bytes=4096) as connection:
        connection.settimeout(5.0)
        try:
            while sent_bytes < 400 * MB:  # the relay stops reading (TCP holds the rest back), or lets it go
                connection.sendall(request)
                sent_bytes += len(request)
        except (TimeoutError, ConnectionError):
            pass
        grown_bytes = process(relay).memory_info().rss - start_bytes
        qtbot.waitUntil(lambda: hostile_connections(relay) == 0, timeout=LOADED_MS)  # let go
    assert sent_bytes < 64 * MB and grown_bytes < 64 * MB, (sent_bytes, grown_bytes)


def test_a_request_announcing_a_huge_body_is_refused_and_let_go(relay):
    """Found in review: the body was read whole into memory, whatever its Content-Length (1.9 GB in 2 s)."""
    with hostile(relay) as connection:
        connection.settimeout(20.0)
        connection.sendall(b"OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 2000000000\r\n\r\n")
        answer = b""
        while chunk := connection.recv(4096):
            answer += chunk
    assert answer.startswith(b"RTSP/1.0 413 "), answer  # and then closed


def test_a_camera_answering_with_a_huge_body_is_let_go_at_once(qtbot, relay):
    """The same upstream: a camera (or whoever answers at its address) announcing a body of 2 GB and sending it."""
    listener = socket.create_server(("127.0.0.1", 0))
    sent = {"bytes": 0, "done": threading.Event()}

    def answer_hugely() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(4096)  # the DESCRIBE
            connection.sendall(b"RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Type: application/sdp\r\n"
                               b"Content-Length: 2000000000\r\n\r\n")  # fmt: skip
            block = b"v" * MB
            try:
                while sent["bytes"] < 2000 * MB:
                    connection.sendall(block)
                    sent["bytes"] += len(block)
            except OSError:
                pass
        sent["done"].set()

    camera = threading.Thread(target=answer_hugely, daemon=True)
    camera.start()
    try:
        relay.mount("/camera/main", f"rtsp://127.0.0.1:{listener.getsockname()[1]}/huge")
        qtbot.waitUntil(lambda: report(relay) is not None, timeout=LOADED_MS)
        assert describe(relay.port, "/camera/main", "ws-01", SECRETS["ws-01"])[0] == 503  # a desk asks: it is pulled
        qtbot.waitUntil(sent["done"].is_set, timeout=LOADED_MS)
    finally:
        listener.close()
    assert sent["bytes"] < 64 * MB  # what the sockets' buffers hold, not the body


def test_silent_connections_are_bounded_per_address_and_let_go_while_desks_get_video(qtbot, relay, camera):
    """Found in review: idle connections were never closed and not counted: thousands of silent ones took every file
    descriptor, and new desks and the camera's pull failed."""
    relay.mount("/camera/main", camera)
    qtbot.waitUntil(lambda: report(relay) is not None, timeout=LOADED_MS)
    silent = [hostile(relay) for _ in range(48)]
    try:
        qtbot.waitUntil(lambda: hostile_connections(relay) == 32, timeout=LOADED_MS)  # the rest refused at once
        assert len(relayed_rtp(relay, "ws-01", 100)) == 100  # a desk from elsewhere logs in and gets video
        qtbot.waitUntil(lambda: hostile_connections(relay) == 0, timeout=LOADED_MS)  # silent ones let go
    finally:
        for connection in silent:
            connection.close()
