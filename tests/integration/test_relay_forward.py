"""The relay forwards a camera's packets as they came where its key frames bring their parameter sets, and inserts them
where they do not: every desk, also one joining late, decodes from a key frame that carries them, without errors.

The real relay (``relay/gst_relay.py`` under the system interpreter) in front of cameras of our own
(``relay_camera.py``: parameter sets in band before every key frame, before some, or only in the SDP); each desk's
pull a process of its own (FFmpeg through PyAV, as a desk's decoder reads it), printing every packet's NAL unit
types, every decoded frame and FFmpeg's warnings and errors.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.config.room import Puller
from console.relay.copy_relay import nal_types
from console.relay.process import SYSTEM_PYTHON, GstRelayProcess, RelayProcess
from console.sim.network import free_port
from tests.integration.conftest import LOADED_MS

pytestmark = pytest.mark.integration
SECRETS = {"ws-01": "Bureau-Een-Geheim-1", "ws-02": "Bureau-Twee-Geheim-2"}
KEY_NALS = {"h264": {5}, "h265": set(range(16, 22))}
PARAMETER_NALS = {"h264": {7, 8}, "h265": {32, 33, 34}}
DESK = """
import sys, av, av.logging
url, codec, keys_wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])

def nal_types(data):
    kinds, at = [], data.find(b"\\x00\\x00\\x01")
    while at >= 0 and at + 3 < len(data):
        kinds.append(data[at + 3] & 0x1F if codec == "h264" else (data[at + 3] >> 1) & 0x3F)
        at = data.find(b"\\x00\\x00\\x01", at + 3)
    return kinds

av.logging.set_level(av.logging.WARNING)
keys = 0
try:
    with av.logging.Capture(True) as logs:
        with av.open(url, options={"rtsp_transport": "tcp", "timeout": "10000000"}) as container:
            for packet in container.demux(container.streams.video[0]):
                if packet.size == 0:
                    break
                keys += packet.is_keyframe
                if keys > keys_wanted:
                    break
                kinds = ",".join(map(str, nal_types(bytes(packet)))) or "-"
                print("packet", int(packet.is_keyframe), kinds, flush=True)
                for frame in packet.decode():
                    print("frame", int(frame.key_frame), flush=True)
    for level, name, message in logs:
        print("log", level, name, " ".join(message.split()), flush=True)
except Exception as error:
    print("error", type(error).__name__, error, flush=True)
print("end", flush=True)
"""


class Desk:
    """A desk's pull of one stream, in a process of its own, until it has received ``keys`` key frames."""

    def __init__(self, url: str, codec: str, keys: int) -> None:
        self.codec = codec
        self.process = subprocess.Popen([sys.executable, "-c", DESK, url, codec, str(keys)], stdout=subprocess.PIPE,
                                        text=True)  # fmt: skip
        self.lines: list[list[str]] = []
        self._reader = threading.Thread(target=self._read, name="desk-pull", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.split(maxsplit=2))

    @property
    def is_done(self) -> bool:
        return any(line[0] == "end" for line in list(self.lines))

    def key_packets(self) -> list[set[int]]:
        """The NAL unit types of each key frame received, in order."""
        return [{int(kind) for kind in line[2].split(",") if kind != "-"} for line in self.lines
                if line[0] == "packet" and line[1] == "1"]  # fmt: skip

    def frames(self) -> list[bool]:
        """Each decoded frame: whether it is a key frame."""
        return [line[1] == "1" for line in self.lines if line[0] == "frame"]

    def complaints(self) -> list[str]:
        """FFmpeg's warnings and errors, and an error of the pull itself."""
        return [" ".join(line) for line in self.lines if line[0] in ("log", "error")]

    def leave(self) -> None:
        self.process.terminate()
        self.process.wait(10)
        self._reader.join(10)


@contextlib.contextmanager
def camera_server(script: str, source: Path) -> Iterator[int]:
    """A camera of the tests' own (``script`` beside this file, under the system Python's GStreamer): its port."""
    port = free_port()
    server = subprocess.Popen([SYSTEM_PYTHON, str(Path(__file__).with_name(script)), str(port), str(source)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "READY"
        yield port
    finally:
        server.terminate()
        server.wait(10)


def encode(clip: Path, codec: str, extra: str = "") -> None:
    video = (["-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-bf", "0"] if codec == "h264" else
             ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params",
              f"keyint=15:bframes=0:log-level=error{extra}", "-tag:v", "hev1"])  # fmt: skip
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    "testsrc=size=320x180:rate=15", "-t", "90", *video, "-pix_fmt", "yuv420p", str(clip)], check=True,
                   timeout=300)  # fmt: skip


@pytest.fixture(scope="module")
def cameras(tmp_path_factory):
    """The cameras of ``relay_camera.py``: their RTSP server's address."""
    folder = tmp_path_factory.mktemp("relay-cameras")
    encode(folder / "h264.mp4", "h264")
    encode(folder / "h265.mp4", "h265", ":min-keyint=15:open-gop=0:repeat-headers=1")  # every key frame an IDR
    encode(folder / "h265-open-gop.mp4", "h265")  # an IDR, then CRAs
    with camera_server("relay_camera.py", folder) as port:
        yield f"rtsp://127.0.0.1:{port}"


@pytest.fixture
def relay():
    server = GstRelayProcess("127.0.0.1", free_port(), 1.0,
                             pullers=[Puller(desk, secret) for desk, secret in SECRETS.items()])  # fmt: skip
    server.start()
    yield server
    server.stop()


def through(relay: GstRelayProcess, desk: str = "ws-01") -> str:
    return f"rtsp://{desk}:{SECRETS[desk]}@127.0.0.1:{relay.port}/camera/main"


def report(relay: GstRelayProcess):
    return next((item for item in relay.reports() if item.path == "/camera/main"), None)


def mounted(qtbot, relay: GstRelayProcess, url: str, path: str = "/camera/main") -> None:
    """Mount ``url`` at ``path`` and wait until the relay lists it (its status comes every second): the command goes
    down a pipe, and a desk that connects at once may be answered first (a 404 failed a clean-clone CI run)."""
    relay.mount(path, url)
    qtbot.waitUntil(lambda: any(item.path == path for item in relay.reports()), timeout=LOADED_MS)


def watched(qtbot, desk: Desk) -> Desk:
    qtbot.waitUntil(lambda: desk.is_done, timeout=LOADED_MS)
    desk.leave()
    return desk


def assert_decoded_cleanly(desk: Desk) -> None:
    """Every key frame carries its parameter sets; the first picture is a key frame; FFmpeg said nothing."""
    keys = desk.key_packets()
    assert len(keys) >= 3, desk.lines
    assert all(PARAMETER_NALS[desk.codec] <= kinds and KEY_NALS[desk.codec] & kinds for kinds in keys), keys
    frames = desk.frames()
    assert frames and frames[0], desk.lines[:10]  # decoding starts at a key frame
    assert desk.complaints() == []


@pytest.mark.parametrize(("mount", "codec"), [("in-band", "h264"), ("hevc-in-band", "h265")])
def test_a_camera_that_repeats_its_parameter_sets_is_forwarded_as_it_came(qtbot, cameras, relay, mount, codec):
    """Depayloading and payloading every packet again cost 4.5x a copy (bench.relay): a camera whose key frames bring
    their parameter sets needs none of it."""
    mounted(qtbot, relay, f"{cameras}/{mount}")
    desk = watched(qtbot, Desk(through(relay), codec, 4))
    assert_decoded_cleanly(desk)
    qtbot.waitUntil(lambda: report(relay) is not None and report(relay).carried is not None, timeout=LOADED_MS)
    assert (report(relay).carried, report(relay).pulls, report(relay).codec) == ("forwarded", 1, codec)


def test_a_camera_that_sends_its_parameter_sets_only_in_its_answer_gets_them_at_every_key_frame(qtbot, cameras,
                                                                                                relay):  # fmt: skip
    direct = watched(qtbot, Desk(f"{cameras}/out-of-band", "h264", 3))
    assert direct.key_packets() and all(not PARAMETER_NALS["h264"] & kinds for kinds in direct.key_packets())
    mounted(qtbot, relay, f"{cameras}/out-of-band")
    assert_decoded_cleanly(watched(qtbot, Desk(through(relay), "h264", 4)))
    qtbot.waitUntil(lambda: report(relay) is not None and report(relay).carried is not None, timeout=LOADED_MS)
    assert (report(relay).carried, report(relay).pulls) == ("parameter sets inserted", 1)


def test_a_forwarded_camera_whose_later_key_frame_comes_without_them_is_pulled_again_with_them_inserted(
    qtbot, cameras, relay
):
    """An open-GOP H.265 camera: its IDR brings VPS, SPS and PPS, its CRAs (key frames too) do not. Its desk is let
    go once and comes back to a pull that inserts them."""
    mounted(qtbot, relay, f"{cameras}/hevc-idr-only")
    first = watched(qtbot, Desk(through(relay), "h265", 20))
    assert len(first.key_packets()) < 20  # let go
    again = watched(qtbot, Desk(through(relay), "h265", 4))  # as a desk's retry
    assert_decoded_cleanly(again)
    assert (report(relay).carried, report(relay).pulls) == ("parameter sets inserted", 2)


@pytest.mark.parametrize("mount", ["in-band", "out-of-band"])
def test_a_desk_joining_a_camera_watched_for_a_while_decodes_from_a_key_frame_without_errors(qtbot, cameras, relay,
                                                                                            mount):  # fmt: skip
    mounted(qtbot, relay, f"{cameras}/{mount}")
    first = Desk(through(relay, "ws-01"), "h264", 1000)
    try:
        qtbot.waitUntil(lambda: len(first.key_packets()) >= 5, timeout=LOADED_MS)  # many key frames went by
        late = watched(qtbot, Desk(through(relay, "ws-02"), "h264", 3))
        seen = len(first.frames())
        qtbot.waitUntil(lambda: len(first.frames()) >= seen + 15, timeout=LOADED_MS)  # the first desk goes on
    finally:
        first.leave()
    assert_decoded_cleanly(late)
    assert first.complaints() == []
    assert report(relay).pulls == 1


def rtp_packets(url: str, count: int, user: str | None = None, password: str | None = None,
                started: threading.Event | None = None, until=None) -> list[bytes]:  # fmt: skip
    """A raw RTSP pull over TCP (digest when asked): the first ``count`` RTP packets of its video, as they came (or
    until ``until(packets)`` says enough)."""
    with socket.create_connection(("127.0.0.1", int(url.split(":")[2].split("/")[0])), timeout=20) as connection:
        reader = connection.makefile("rb")
        sequence = iter(range(1, 100))
        challenge: list[str] = []  # the relay's realm and nonce, once it asked

        def authorization(method: str, target: str) -> str:
            if not challenge:
                return ""
            realm, nonce = challenge
            ha1 = hashlib.md5(f"{user}:{realm}:{password}".encode()).hexdigest()
            response = hashlib.md5(f"{ha1}:{nonce}:{hashlib.md5(f'{method}:{target}'.encode()).hexdigest()}".encode())
            return (f'Authorization: Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{target}", '
                    f'response="{response.hexdigest()}"\r\n')  # fmt: skip

        def ask(method: str, target: str, headers: str = "") -> tuple[dict, bytes]:
            for _ in range(2):
                connection.sendall(f"{method} {target} RTSP/1.0\r\nCSeq: {next(sequence)}\r\n"
                                   f"{authorization(method, target)}{headers}\r\n".encode())  # fmt: skip
                status = reader.readline().decode()
                fields = {}
                for line in iter(reader.readline, b"\r\n"):
                    name, _, value = line.decode().partition(":")
                    fields[name.strip().lower()] = value.strip()
                body = reader.read(int(fields.get("content-length", "0")))
                if status.split()[1] != "401" or user is None or challenge:
                    assert status.split()[1] == "200", (method, status)
                    return fields, body
                challenge.extend(re.search(r'realm="([^"]*)", *nonce="([^"]*)"', fields["www-authenticate"]).groups())
            raise AssertionError(f"{method} refused")

        fields, sdp = ask("DESCRIBE", url, "Accept: application/sdp\r\n")
        control = re.search(r"m=video.*?a=control:(\S+)", sdp.decode(), re.DOTALL)[1]
        base = fields.get("content-base", url + "/")
        target = control if control.startswith("rtsp://") else base.rstrip("/") + "/" + control
        fields, _ = ask("SETUP", target, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n")
        ask("PLAY", base, f"Session: {fields['session'].split(';')[0]}\r\nRange: npt=0.000-\r\n")
        if started is not None:
            started.set()
        packets: list[bytes] = []
        while len(packets) < count and not (until is not None and until(packets)):
            header = reader.read(4)
            assert len(header) == 4 and header[:1] == b"$", header
            packet = reader.read(int.from_bytes(header[2:4], "big"))
            if header[1] == 0:
                packets.append(packet)
        return packets


def relayed_rtp(relay: RelayProcess, desk: str, count: int, started: threading.Event | None = None) -> list[bytes]:
    return rtp_packets(f"rtsp://127.0.0.1:{relay.port}/camera/main", count, desk, SECRETS[desk], started)


def test_a_desk_gets_the_cameras_rtp_packets_byte_for_byte_from_a_key_frame_with_its_parameter_sets(
    qtbot, cameras, relay
):
    """Our own forwarder (copy_relay.py) reads the camera's interleaved RTP in chunks and writes them on unchanged:
    the packets a desk gets are the camera's, header and payload, in order, from a key frame's parameter sets."""
    mounted(qtbot, relay, f"{cameras}/in-band")
    direct: list[bytes] = []
    relayed: list[bytes] = []
    started = threading.Event()

    def has_all(packets: list[bytes]) -> bool:
        return bool(relayed) and relayed[-1] in packets[-200:]

    puller = threading.Thread(target=lambda: direct.extend(rtp_packets(f"{cameras}/in-band", 100_000, started=started,
                                                                       until=has_all)))  # fmt: skip
    puller.start()
    assert started.wait(20)  # the camera is pulled by the relay after this pull began: all it forwards is seen here
    relayed.extend(relayed_rtp(relay, "ws-01", 100))
    puller.join(60)
    assert not puller.is_alive()
    assert nal_types("H264", relayed[0])[0] in PARAMETER_NALS["h264"], nal_types("H264", relayed[0])
    first_key = next(index for index, packet in enumerate(relayed) if KEY_NALS["h264"] & set(nal_types("H264", packet)))
    assert all(packet[4:8] == relayed[0][4:8] for packet in relayed[: first_key + 1])  # the key frame's own
    at = direct.index(relayed[0])  # the same packet, header and payload, as the camera sent it
    assert direct[at : at + len(relayed)] == relayed


def test_a_late_desk_of_a_camera_without_parameter_sets_in_band_gets_them_inserted_and_no_number_skipped(
    qtbot, cameras, relay
):
    """The parameter sets go as packets of their own before each key frame; every packet after them is renumbered, so
    a desk's sequence numbers never skip."""
    mounted(qtbot, relay, f"{cameras}/out-of-band")
    first: list[bytes] = []
    started = threading.Event()
    puller = threading.Thread(target=lambda: first.extend(relayed_rtp(relay, "ws-01", 150, started)))
    puller.start()
    assert started.wait(20)
    late = relayed_rtp(relay, "ws-02", 100)
    puller.join(60)
    for packets in (first, late):
        kinds = [nal_types("H264", packet) for packet in packets]
        assert kinds[0] == (7,) and kinds[1] == (8,) and 5 in kinds[2], kinds[:3]  # SPS, PPS, then the key frame
        numbers = [int.from_bytes(packet[2:4], "big") for packet in packets]
        assert all((after - before) % 65536 == 1 for before, after in zip(numbers, numbers[1:], strict=False))
        keys = [index for index, kind in enumerate(kinds) if 5 in kind and index and kinds[index - 1] != kind]
        assert all(kinds[index - 2 : index] == [(7,), (8,)] for index in keys if index >= 2), keys


def test_gstreamers_server_stays_the_fallback_room_yaml_can_choose(qtbot, cameras):
    """room.yaml's ``relay.server: gstreamer``: the relay of before, same lines in and out."""
    server = RelayProcess("127.0.0.1", free_port(), 1.0, pullers=[Puller(desk, secret) for desk, secret in
                          SECRETS.items()], server="gstreamer")  # fmt: skip
    server.start()
    try:
        mounted(qtbot, server, f"{cameras}/in-band")
        assert_decoded_cleanly(watched(qtbot, Desk(through(server), "h264", 4)))
        qtbot.waitUntil(lambda: report(server) is not None and report(server).carried == "forwarded", timeout=LOADED_MS)
    finally:
        server.stop()
