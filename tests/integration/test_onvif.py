"""The ONVIF client against simulated cameras: real SOAP over HTTP on loopback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psutil
import pytest

from console.config.loader import load_camera_config
from console.onvif.client import OnvifClient
from console.onvif.directory import StreamDirectory
from console.onvif.loop import AsyncLoopThread
from console.onvif.models import CameraFault, CameraTimeout, CameraUnreachable, NotAuthorised, NotSupported
from console.onvif.process import OnvifProcess
from console.paths import REPO_ROOT
from console.sim.network import free_port
from console.sim.onvif_server import OnvifServer, SimulatedOnvifDevice, StreamProfile
from console.sim.ptz_head import PtzHead

pytestmark = pytest.mark.integration
PASSWORD = "Ptz-Wachtwoord-7"


def make_device(**changes) -> SimulatedOnvifDevice:
    profiles = [
        StreamProfile("main", "Main 720p", 1280, 720, "rtsp://127.0.0.1:8554/mobbox-1-ptz1"),
        StreamProfile("sub", "Sub 360p", 640, 360, "rtsp://127.0.0.1:8554/mobbox-1-ptz1-sub"),
    ]
    settings = {"name": "mobbox-1-ptz1", "username": "uitkijk", "password": PASSWORD, "profiles": profiles,
                "head": PtzHead()} | changes  # fmt: skip
    return SimulatedOnvifDevice(**settings)


@pytest.fixture
def loop():
    loop = AsyncLoopThread()
    yield loop
    assert loop.stop()


@pytest.fixture
def camera():
    servers = []

    def start(**changes) -> OnvifServer:
        server = OnvifServer(make_device(**changes))
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def connect(loop, server, password=PASSWORD, timeout_s=3.0):
    client = OnvifClient("127.0.0.1", server.port, "uitkijk", password, timeout_s)
    try:
        return client, loop.run(client.connect())
    except Exception:
        loop.run(client.close())
        raise


def wait_idle(loop, client, timeout_s=5.0):
    """Poll the camera's own status until it stops moving (bounded)."""
    deadline = time.monotonic() + timeout_s
    while loop.run(client.status()).is_moving:
        assert time.monotonic() < deadline, "the camera kept moving"
    return loop.run(client.status())


def test_probe_command_reports_device_profiles_ptz_and_clock(camera):
    server = camera(clock_offset_s=-42.0)
    server.device.head.set_preset("Speeltuin", "1")
    result = subprocess.run(
        [sys.executable, "main.py", "probe", "--host", "127.0.0.1", "--port", str(server.port),
         "--username", "uitkijk", "--json"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "UITKIJK_ONVIF_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["device"] == {
        "manufacturer": "Uitkijk Simulation",
        "model": "Uitkijk SimCam PTZ",
        "firmware": "1.4.2",
        "serial": "SIM-0001",
    }
    assert [(p["token"], p["width"], p["height"], p["encoding"]) for p in report["profiles"]] == [
        ("main", 1280, 720, "H264"),
        ("sub", 640, 360, "H264"),
    ]
    assert report["profiles"][1]["stream_uri"] == "rtsp://***@127.0.0.1:8554/mobbox-1-ptz1-sub"
    assert report["ptz"]["supported"] and report["ptz"]["presets"] == [{"token": "1", "name": "Speeltuin"}]
    assert -44 <= report["clock_offset_s"] <= -40
    assert PASSWORD not in result.stdout + result.stderr


def test_probe_command_fails_with_one_line_for_a_wrong_password_and_no_camera(camera):
    server = camera()
    for port, password, expected in (
        (server.port, "Fout-Wachtwoord-1", "not authorised"),
        (free_port(), PASSWORD, "cannot reach"),
    ):
        result = subprocess.run(
            [sys.executable, "main.py", "probe", "--host", "127.0.0.1", "--port", str(port), "--username",
             "uitkijk", "--password", password, "--timeout", "2"],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], result.stderr
        assert password not in result.stderr


def test_a_camera_whose_clock_is_an_hour_off_still_authenticates(loop, camera):
    server = camera(clock_offset_s=3600.0)
    client, probe = connect(loop, server)
    try:
        assert 3590 <= probe.clock_offset_s <= 3610
        assert probe.has_ptz and probe.sub_profile.token == "sub"
        loop.run(client.goto_home())
    finally:
        loop.run(client.close())


def test_ptz_found_through_get_capabilities_when_get_services_omits_it(loop, camera):
    server = camera(list_ptz_in_services=False)
    client, probe = connect(loop, server)
    try:
        assert probe.has_ptz
        assert "GetCapabilities" in server.device.requests
    finally:
        loop.run(client.close())


def test_continuous_move_carries_a_timeout_and_stop_stops(loop, camera):
    server = camera()
    client, _ = connect(loop, server)
    head = server.device.head
    try:
        loop.run(client.continuous_move(1.0, 0.0, 0.0, timeout_s=0.4))
        loop.run(client.status())
        status = wait_idle(loop, client, 3.0)  # the move's Timeout stops the camera without a Stop
        assert 0.15 <= status.pan <= 0.3  # 0.4 s at full speed (0.5 per second)
        loop.run(client.continuous_move(-1.0, 0.0, 0.0, timeout_s=5))
        assert loop.run(client.status()).is_moving
        loop.run(client.stop())
        stopped = loop.run(client.status())
        assert not stopped.is_moving
        assert head.snapshot()[0].pan == pytest.approx(stopped.pan, abs=0.01)
    finally:
        loop.run(client.close())


def test_presets_round_trip(loop, camera):
    server = camera()
    client, probe = connect(loop, server)
    try:
        assert probe.presets == ()
        loop.run(client.absolute_move(0.5, -0.2, 0.3))
        wait_idle(loop, client)
        token = loop.run(client.set_preset("Kruispunt"))
        loop.run(client.goto_home())
        assert wait_idle(loop, client).pan == pytest.approx(0.0)
        assert [(p.token, p.name) for p in loop.run(client.presets())] == [(token, "Kruispunt")]
        loop.run(client.goto_preset(token))
        status = wait_idle(loop, client)
        assert (status.pan, status.tilt, status.zoom) == pytest.approx((0.5, -0.2, 0.3), abs=0.001)
        loop.run(client.remove_preset(token))
        assert loop.run(client.presets()) == ()
        with pytest.raises(CameraFault, match="no preset"):
            loop.run(client.goto_preset(token))
    finally:
        loop.run(client.close())


def test_wrong_password_is_not_authorised(loop, camera):
    server = camera()
    with pytest.raises(NotAuthorised, match="not authorised"):
        connect(loop, server, password="Fout-Wachtwoord-2")


def test_a_camera_without_ptz_says_so(loop, camera):
    server = camera(head=None)
    client, probe = connect(loop, server)
    try:
        assert not probe.has_ptz
        with pytest.raises(NotSupported):
            loop.run(client.continuous_move(1, 0, 0))
    finally:
        loop.run(client.close())


def test_unreachable_and_silent_cameras_fail_within_the_timeout(loop):
    started = time.monotonic()
    with pytest.raises(CameraUnreachable):
        connect(loop, type("S", (), {"port": free_port()}), timeout_s=1.0)
    assert time.monotonic() - started < 1.0
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # accepts, never answers
    try:
        started = time.monotonic()
        with pytest.raises(CameraTimeout, match="within 1 s"):
            connect(loop, type("S", (), {"port": silent.getsockname()[1]}), timeout_s=1.0)
        assert time.monotonic() - started < 2.5
    finally:
        silent.close()


class _Garbage(BaseHTTPRequestHandler):
    body = b"this is not XML at all"
    status = 200

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(self.status)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"this is not XML at all", 200),
        (b"<html><body>500 Internal Server Error</body></html>", 500),
        (b'<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>'
         b"<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text>Hardware failure</s:Text>"
         b"</s:Reason></s:Fault></s:Body></s:Envelope>", 500),
    ],
)  # fmt: skip
def test_garbage_or_a_fault_from_a_camera_is_a_clear_error(loop, body, status):
    handler = type("Handler", (_Garbage,), {"body": body, "status": status})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises((CameraFault, NotAuthorised)) as caught:
            connect(loop, type("S", (), {"port": server.server_address[1]}), timeout_s=2.0)
        message = str(caught.value)
        assert message.startswith(
            ("the camera's answer is not valid ONVIF", "the camera answered", "the camera refused")
        )
        if b"Hardware failure" in body:
            assert "Hardware failure" in message
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class _Endless(BaseHTTPRequestHandler):
    """A peer that answers with a chunked body that never ends."""

    protocol_version = "HTTP/1.1"
    sent_bytes = 0

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/soap+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<a>" + b"x" * 65536 + b"</a>"
        try:
            while type(self).sent_bytes < 200_000_000:  # stops by itself in a broken client's test run
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                type(self).sent_bytes += len(chunk)
        except OSError:
            pass  # the client hung up: what it should do

    def log_message(self, *args):
        pass


def _serve(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def test_an_endless_answer_is_cut_off_at_its_bound(loop):
    from console.onvif.client import MAX_ANSWER_BYTES

    handler = type("Handler", (_Endless,), {"sent_bytes": 0})
    server, thread = _serve(handler)
    try:
        with pytest.raises(CameraFault, match="larger than"):
            connect(loop, type("S", (), {"port": server.server_address[1]}), timeout_s=5.0)
        # It stopped reading near the bound (what the kernel's socket buffers took beside it aside), not at
        # the time-out: unbounded, the client reads until the peer's own 200 MB stop.
        assert handler.sent_bytes < MAX_ANSWER_BYTES * 10
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_fault_with_a_huge_reason_is_answered_at_once_and_bounded(loop):
    reason = b"Hardware failure " + b"z" * 100_000
    body = (b'<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>'
            b"<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text>" + reason +
            b"</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>")  # fmt: skip
    server, thread = _serve(type("Handler", (_Garbage,), {"body": body, "status": 500}))
    try:
        with pytest.raises(CameraFault) as caught:
            connect(loop, type("S", (), {"port": server.server_address[1]}), timeout_s=3.0)
        message = str(caught.value)
        assert message.startswith("the camera refused: Hardware failure") and len(message) < 400
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def onvif_config(tmp_path, endpoints: dict[str, tuple[int, str]]):
    """A configuration of ONVIF-only PTZ cameras: id -> (port, password)."""
    folder = tmp_path / "onvif-config"
    folder.mkdir()
    lines = ["version: 1", "areas: [{id: a, name: A}]", "cameras:"]
    for camera_id, (port, password) in endpoints.items():
        lines.append(f"  - {{id: {camera_id}, name: {camera_id}, kind: ptz, area: a, location: {{street: S, lat: 50.8,"
                     f" lon: 3.2}}, onvif: {{host: 127.0.0.1, port: {port}, username: uitkijk,"
                     f" password: '{password}'}}}}")  # fmt: skip
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n")
    return load_camera_config(folder, {})


def test_a_desks_onvif_cameras_are_set_up_and_steered_in_a_process_of_their_own(qtbot, camera, tmp_path, caplog):
    """SOAP parsing holds an interpreter lock: in the console's it kept the GUI thread waiting (bench.ptz)."""
    good, refusing = camera(), camera()
    config = onvif_config(tmp_path, {"ptz-a": (good.port, PASSWORD), "ptz-b": (refusing.port, "Fout-Wachtwoord-3")})
    directory = StreamDirectory(config.cameras, tmp_path / "streams.json")
    threads_before = set(threading.enumerate())
    onvif = OnvifProcess(config.cameras, timeout_s=3.0)
    probed: list[tuple[str, bool, str | None]] = []
    onvif.probed.connect(lambda camera_id, probe, problem: probed.append((camera_id, probe is not None, problem)))
    try:
        onvif.start(directory).result(30)
        assert sorted(probed)[0][:2] == ("ptz-a", True) and sorted(probed)[1][:2] == ("ptz-b", False)
        assert "not authorised" in sorted(probed)[1][2]
        assert onvif.probes["ptz-a"].has_ptz and "ptz-b" not in onvif.probes
        assert directory.camera_url(config.camera("ptz-a"), "sub") == (
            f"rtsp://uitkijk:{PASSWORD}@127.0.0.1:8554/mobbox-1-ptz1-sub")  # fmt: skip
        assert "not authorised" in str(directory.problem("ptz-b"))  # a fact: worded where it is shown
        pid = onvif.pid()
        assert pid is not None and pid != os.getpid() and psutil.Process(pid).ppid() == os.getpid()
        assert not [thread for thread in set(threading.enumerate()) - threads_before if thread.name == "onvif-loop"]

        onvif.continuous_move("ptz-a", 0.5, 0.0, 0.0, 2.0).result(5)
        assert onvif.status("ptz-a").result(5).is_moving and good.device.head.snapshot()[1]
        onvif.stop_move("ptz-a").result(5)
        assert not good.device.head.snapshot()[1]
        with pytest.raises(NotSupported, match="not authorised"):  # the camera's own reason, across the process
            onvif.goto_home("ptz-b").result(5)

        # A command on its way when the process dies fails with the reason; the process comes back with the cameras.
        os.kill(pid, signal.SIGSTOP)
        on_its_way = onvif.status("ptz-a")
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(CameraUnreachable, match="ONVIF process stopped"):
            on_its_way.result(5)
        qtbot.waitUntil(lambda: sum(1 for c, found, _ in probed if c == "ptz-a" and found) == 2, timeout=30000)
        assert onvif.restarts == 1 and onvif.pid() not in (None, pid)
        onvif.goto_home("ptz-a").result(5)
    finally:
        assert onvif.shutdown()
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert PASSWORD not in caplog.text and "Fout-Wachtwoord-3" not in caplog.text
