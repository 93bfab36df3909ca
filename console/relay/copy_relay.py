"""The relay's RTSP server of our own: each camera pulled once, its RTP forwarded to every desk at the cost of a copy.

Why not GStreamer's RTSP server (``gst_relay.py``, kept as the fallback): measured with perf, even forwarding the
camera's packets unchanged it cost about 4x ``ffmpeg -c copy`` per stream: a third in rtspsrc's jitterbuffer thread
waking for every packet (futex, task switches), a tenth in a Python probe per packet, the rest in the server's
per-client send of every packet. Here one thread (asyncio on uvloop's libuv loop) reads the camera's interleaved
RTP in the chunks TCP hands over, straight into ``Pull.feed``, and writes each chunk once per desk. Measured with
cProfile, asyncio's own loop and its stream reader (a future, a task step and a copy per read) were most of the
relay's CPU; uvloop and a protocol of the pull's own took it from 0.56 to 0.25 % of a core per stream.

Same process protocol as ``gst_relay.py`` (see there): settings, then mount/unmount/desk_rights lines on stdin;
ready, streams (every second), event and refused lines on stdout. Camera addresses and secrets are never printed.

Upstream: RTSP over TCP (DESCRIBE with digest or basic authentication, SETUP interleaved, PLAY, a keep-alive),
or over UDP for a camera that refuses TCP. Downstream: RTSP over TCP interleaved only (a desk tries TCP first),
digest authentication per puller and the desks' rights as in ``gst_relay.PullerAuth``. A desk that joins gets the
latest key frame's group of pictures at once (it decodes from a key frame) and then the live packets. A camera
whose key frames bring their parameter sets is forwarded as it came; one that sends them only in its answer gets
them inserted as packets of their own before each key frame (its packets renumbered); one seen to repeat them and
then not is let go and pulled again with them inserted.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import secrets
import signal
import socket
import sys
import threading
import time
from urllib.parse import unquote, urlsplit

import uvloop

REFUSED_AGAIN_S = 60.0  # a refusal of the same puller from the same address is said once a minute
USER_NAME = re.compile(r'username="([a-z0-9][a-z0-9-]{0,63})"')  # only a well-formed name is repeated in the log
REALM = "Uitkijk relay"
CHECKED_KEY_FRAMES = 3  # a forwarded camera's first key frames are looked at: some send parameter sets only once
KEY_NALS = {"H264": frozenset({5}), "H265": frozenset(range(16, 22))}  # IDR; H.265: every IRAP (BLA, IDR, CRA)
PARAMETER_NALS = {"H264": frozenset({7, 8}), "H265": frozenset({32, 33, 34})}  # SPS, PPS; H.265: VPS, SPS, PPS
DESCRIBE_TIMEOUT_S = 10.0  # a camera that does not answer within this is a failed pull
READ_BYTES = 256 * 1024  # what one read of the camera's connection hands over at most
DESK_BACKLOG_BYTES = 8 * 1024 * 1024  # a desk this far behind is let go (it retries)
GOP_BYTES = DESK_BACKLOG_BYTES // 2  # the kept group of pictures at most: a joining desk's burst never lets it go
MESSAGE_BODY_BYTES = 64 * 1024  # an RTSP body longer than this (a desk's request, a camera's answer) is refused
REPLY_BACKLOG_BYTES = 256 * 1024  # a connection not playing this far behind after an answer is let go
REPLY_DRAIN_S = 10.0  # the last answer (a refusal) before a connection is closed: sent within this, or dropped
IDLE_BEFORE_LOGIN_S = 10.0  # a connection not yet authenticated that sends no request for this long is let go
IDLE_AFTER_LOGIN_S = 120.0  # an authenticated one (twice the session timeout a desk keeps alive)
LOGINS_PER_ADDRESS = 32  # connections not yet authenticated from one address at most (a desk needs one per stream)
LOGINS_AT_ONCE = 256  # and from every address together
SDP_KEPT = ("m=", "a=rtpmap:", "a=fmtp:", "a=framerate:", "a=recvonly", "a=sendonly")  # of the camera's video section
FAILED_LOGINS = 3  # wrong credentials on one connection: then it is let go
SESSION_TIMEOUT_S = 60  # said in every session's answer; a session set up and not played for this long is ended


def say(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # RTSP digest is MD5


def nal_types(encoding: str, packet, offset: int = 0, end: int | None = None) -> tuple[int, ...]:
    """The NAL unit types an RTP packet (at ``offset``, up to ``end``: the read buffer holds the packets after it)
    carries as far as they start in it (a fragment's at its start only): as ``gst_relay.nal_types``."""
    end = len(packet) if end is None else min(end, len(packet))
    if end < offset + 13 or packet[offset] >> 6 != 2:
        return ()
    first = packet[offset]
    at = offset + 12 + 4 * (first & 0x0F)
    if first & 0x10 and end >= at + 4:  # a header extension
        at += 4 + 4 * int.from_bytes(packet[at + 2 : at + 4], "big")
    if at >= end:
        return ()
    if encoding == "H264":
        kind = packet[at] & 0x1F
        if kind == 28:  # FU-A
            return (packet[at + 1] & 0x1F,) if at + 1 < end and packet[at + 1] & 0x80 else ()
        if kind == 24:  # STAP-A
            return _aggregated(packet, at + 1, end, lambda byte: byte & 0x1F)
        return (kind,)
    if at + 1 >= end:
        return ()
    kind = (packet[at] >> 1) & 0x3F
    if kind == 49:  # FU
        return (packet[at + 2] & 0x3F,) if at + 2 < end and packet[at + 2] & 0x80 else ()
    if kind == 48:  # AP
        return _aggregated(packet, at + 2, end, lambda byte: (byte >> 1) & 0x3F)
    return (kind,)


def _aggregated(packet, at: int, end: int, kind_of) -> tuple[int, ...]:
    """The types of an aggregated packet's units, each wholly inside the packet."""
    kinds = []
    while at + 3 <= end:
        size = int.from_bytes(packet[at : at + 2], "big")
        if size == 0 or at + 2 + size > end:
            break
        kinds.append(kind_of(packet[at + 2]))
        at += 2 + size
    return tuple(kinds)


def parameter_sets(encoding: str, fmtp: str) -> list[bytes]:
    """The parameter sets the camera's answer gives (``sprop-parameter-sets``; H.265: ``sprop-vps/sps/pps``)."""
    fields = dict(item.strip().split("=", 1) for item in fmtp.split(";") if "=" in item)
    names = ["sprop-parameter-sets"] if encoding == "H264" else ["sprop-vps", "sprop-sps", "sprop-pps"]
    units = []
    for name in names:
        for value in fields.get(name, "").split(","):
            if value:
                try:
                    units.append(base64.b64decode(value + "=" * (-len(value) % 4)))
                except ValueError:
                    continue
    return units


def parse_message(head: bytes) -> tuple[str, dict[str, str]]:
    """An RTSP message's first line and its headers (names lower case)."""
    lines = head.decode("utf-8", "replace").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name:
            headers[name.strip().lower()] = value.strip()
    return lines[0], headers


def auth_fields(header: str) -> dict[str, str]:
    return {name.lower(): value1 or value2 for name, value1, value2 in
            re.findall(r'(\w+)=(?:"([^"]*)"|([^\s,]+))', header)}  # fmt: skip


class CameraFailed(Exception):
    """The camera's pull failed (a reason without its address)."""


class Pull:
    """One pull of a camera: its RTSP session, its packets, the desks that receive them."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self.described: asyncio.Future = asyncio.get_running_loop().create_future()
        self.sdp_media: list[str] = []  # the camera's video section (without its control)
        self.payload_type = 96
        self.encoding = ""
        self.parameters: list[bytes] = []  # the camera's parameter sets (from its answer, then as seen in band)
        self.channel = 0  # the camera's RTP channel (interleaved)
        self.desks: list[DeskSession] = []  # playing, receiving every chunk
        self.waiting: list[DeskSession] = []  # playing, until the next key frame's first packet
        self.gop: list[bytes] = []  # from the latest key frame's first packet
        self.gop_bytes = 0
        self.gop_is_key = False  # the kept packets begin with a key frame (or its parameter sets)
        self.pending = b""  # the start of a packet whose end has not come yet
        self.carried: str | None = None
        self.is_checking = True
        self.keys_checked = 0
        self.key_time = None  # the RTP time of the latest key frame
        self.parameters_time = None  # the RTP time of the latest parameter sets seen
        self.seq_shift = 0  # inserting: the packets inserted so far (every later one renumbered by as many)
        self.writer: asyncio.StreamWriter | None = None
        self.task: asyncio.Task | None = None
        self.closed = False

    async def run(self) -> None:
        try:
            await self._run()
        except Exception as error:  # noqa: BLE001 - whatever the camera sent: its desks told at once, not in 10 s
            reason = str(error) if isinstance(error, CameraFailed) else type(error).__name__
            self._failed(reason)
            if not self.closed:
                self.stream.problem = f"camera failed: {reason}"
                say({"event": f"{self.stream.path}: the camera failed ({reason}): its desks are let go, "
                              "the next one pulls it again"})  # fmt: skip
        finally:
            if self.writer is not None:
                self.writer.transport.abort()  # whatever the camera still sends is not read
            self.stream.pull_ended(self)

    async def _run(self) -> None:
        url = urlsplit(self.stream.url)
        user, password = unquote(url.username or ""), unquote(url.password or "")
        host, port = url.hostname or "", url.port or 554
        named = f"[{host}]" if ":" in host else host  # an IPv6 address in brackets, as in the configured URL
        plain = f"rtsp://{named}:{port}{url.path or '/'}" + (f"?{url.query}" if url.query else "")
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), DESCRIBE_TIMEOUT_S)
        self.writer = writer
        cseq = 0
        authorization: list = [None]

        async def ask(method: str, target: str, headers: str = "") -> tuple[str, dict, bytes]:
            nonlocal cseq
            for _ in range(2):
                cseq += 1
                answer = authorization[0](method, target) if authorization[0] else ""
                writer.write(f"{method} {target} RTSP/1.0\r\nCSeq: {cseq}\r\nUser-Agent: Uitkijk relay\r\n"
                             f"{answer}{headers}\r\n".encode())  # fmt: skip
                status, fields, body = await asyncio.wait_for(read_answer(reader), DESCRIBE_TIMEOUT_S)
                if not status.split()[1:2] == ["401"] or authorization[0] is not None or not user:
                    return status, fields, body
                authorization[0] = self._authorizer(fields.get("www-authenticate", ""), user, password)
            return status, fields, body

        status, fields, body = await ask("DESCRIBE", plain, "Accept: application/sdp\r\n")
        if status.split()[1:2] != ["200"]:
            raise CameraFailed(f"DESCRIBE answered {' '.join(status.split()[1:])}")
        base = fields.get("content-base") or fields.get("content-location") or plain
        control = self._read_sdp(body.decode("utf-8", "replace"))
        target = (
            control
            if control.startswith("rtsp://")
            else (base + ("" if base.endswith("/") else "/") + control if control and control != "*" else base)
        )
        target = re.sub(r"^rtsp://[^@/]*@", "rtsp://", target)  # never the camera's credentials in a request line
        status, fields, _ = await ask("SETUP", target, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n")
        udp = None
        if status.split()[1:2] != ["200"]:  # a camera that refuses RTSP over TCP: its RTP over UDP
            udp = await self._udp_socket()
            local = udp.get_extra_info("sockname")[1]
            status, fields, _ = await ask(
                "SETUP", target, f"Transport: RTP/AVP;unicast;client_port={local}-{local + 1}\r\n"
            )
            if status.split()[1:2] != ["200"]:
                udp.close()
                raise CameraFailed(f"SETUP answered {' '.join(status.split()[1:])}")
        else:
            found = re.search(r"interleaved=(\d+)", fields.get("transport", ""))
            self.channel = int(found[1]) if found else 0
        session = fields.get("session", "").split(";")[0]
        timeout = re.search(r"timeout=(\d+)", fields.get("session", ""))
        keep_alive_s = max(5.0, (int(timeout[1]) if timeout else 60) / 3)
        session_header = f"Session: {session}\r\n" if session else ""
        status, _, _ = await ask("PLAY", base, f"{session_header}Range: npt=0.000-\r\n")
        if status.split()[1:2] != ["200"]:
            raise CameraFailed(f"PLAY answered {' '.join(status.split()[1:])}")
        self.stream.last_data_s = None
        self.stream.pulled_at_s = time.monotonic()  # a stall is counted from here (the answers have time-outs)
        self.described.set_result(True)
        say({"event": f"{self.stream.path}: pulling the camera"})
        keeper = asyncio.ensure_future(self._keep_alive(writer, base, session_header, keep_alive_s, lambda: cseq))
        try:
            if udp is not None:
                while True:  # answers to the keep-alive, until the camera closes
                    if not await reader.read(4096):
                        raise CameraFailed("the camera closed the connection")
            await self._forward(reader)
        finally:
            keeper.cancel()
            if udp is not None:
                udp.close()

    def _authorizer(self, challenge: str, user: str, password: str):
        fields = auth_fields(challenge)
        if challenge.lower().startswith("basic"):
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            return lambda method, uri: f"Authorization: Basic {token}\r\n"
        realm, nonce = fields.get("realm", ""), fields.get("nonce", "")
        is_qop = "auth" in fields.get("qop", "").split(",")
        count = [0]

        def answer(method: str, uri: str) -> str:
            ha1, ha2 = md5(f"{user}:{realm}:{password}"), md5(f"{method}:{uri}")
            extra = ""
            if is_qop:
                count[0] += 1
                cnonce = secrets.token_hex(8)
                response = md5(f"{ha1}:{nonce}:{count[0]:08x}:{cnonce}:auth:{ha2}")
                extra = f', qop=auth, nc={count[0]:08x}, cnonce="{cnonce}"'
            else:
                response = md5(f"{ha1}:{nonce}:{ha2}")
            opaque = f', opaque="{fields["opaque"]}"' if "opaque" in fields else ""
            return (f'Authorization: Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
                    f'response="{response}"{opaque}{extra}\r\n')  # fmt: skip

        return answer

    def _read_sdp(self, sdp: str) -> str:
        """The camera's video section, its codec and parameter sets; returns the section's control."""
        section: list[str] | None = None
        for line in sdp.replace("\r\n", "\n").split("\n"):
            line = line.strip()
            if line.startswith("m="):
                if section is not None:
                    break
                if line.startswith("m=video"):
                    section = [line]
                    self.payload_type = int(line.split()[3])
                continue
            if section is not None and line:
                section.append(line)
        if section is None:
            raise CameraFailed("its answer has no video")
        control = ""
        for line in section[1:]:
            if line.startswith("a=control:"):
                control = line[len("a=control:") :]
            elif line.startswith("a=rtpmap:"):
                self.encoding = line.split()[1].split("/")[0].upper()
            elif line.startswith("a=fmtp:"):
                self.parameters = parameter_sets(self.encoding, line.split(None, 1)[1] if " " in line else "")
        if self.encoding not in KEY_NALS:
            raise CameraFailed(f"codec {self.encoding or 'unknown'} cannot be relayed")
        self.stream.codec = self.encoding.lower()
        self.sdp_media = [line for line in section if line.startswith(SDP_KEPT)]  # nothing else the camera said
        self.sdp_media[0] = f"m=video 0 RTP/AVP {self.payload_type}"
        return control

    async def _udp_socket(self):
        loop = asyncio.get_running_loop()
        pull = self

        assert self.writer is not None
        camera = self.writer.get_extra_info("peername")[0]
        local = self.writer.get_extra_info("sockname")[0]  # the address the camera is reached from, not every one

        class Receiver(asyncio.DatagramProtocol):
            def datagram_received(self, data: bytes, address) -> None:
                if address[0] == camera and 12 <= len(data) <= 0xFFFF:  # the camera's RTP only: nobody else's video
                    pull.feed(b"$" + bytes([pull.channel]) + len(data).to_bytes(2, "big") + data)

        family = socket.AF_INET6 if ":" in local else socket.AF_INET
        transport, _ = await loop.create_datagram_endpoint(Receiver, local_addr=(local, 0), family=family)
        return transport

    async def _keep_alive(self, writer, base: str, session_header: str, every_s: float, cseq) -> None:
        number = 10_000
        while True:
            await asyncio.sleep(every_s)
            number += 1
            writer.write(f"GET_PARAMETER {base} RTSP/1.0\r\nCSeq: {number}\r\n{session_header}\r\n".encode())

    async def _forward(self, reader: asyncio.StreamReader) -> None:
        """The camera's bytes handed to ``feed`` as the connection gets them: a protocol of its own in place of the
        stream reader's, so a read costs one call, not a future, a task step and a copy (half the relay's CPU)."""
        ended: asyncio.Future = asyncio.get_running_loop().create_future()
        pull = self

        def end(error: BaseException) -> None:
            if not ended.done():
                ended.set_exception(error)

        class Forwarder(asyncio.Protocol):
            def data_received(self, data: bytes) -> None:
                if ended.done():
                    return
                try:
                    pull.feed(data)
                except Exception as error:  # noqa: BLE001 - the pull ends with it, as a read of its own would
                    end(error)

            def eof_received(self) -> bool:
                end(CameraFailed("the camera closed the connection"))
                return False

            def connection_lost(self, exc: Exception | None) -> None:
                end(CameraFailed(f"the connection was lost ({type(exc).__name__})" if exc else "the connection ended"))

        assert self.writer is not None
        transport = self.writer.transport
        already = bytes(reader._buffer)  # read with the PLAY answer (the stream reader's own buffer: no other way)
        reader._buffer.clear()
        is_closed = reader.at_eof() or transport.is_closing()
        forwarder = Forwarder()
        transport.set_protocol(forwarder)
        if already:
            forwarder.data_received(already)
        if is_closed:
            end(CameraFailed("the camera closed the connection"))
        elif not transport.is_reading():
            transport.resume_reading()  # the stream reader paused it (its buffer was full): ours reads on
        await ended

    def feed(self, chunk: bytes) -> None:
        """The camera's bytes as they came: whole RTP packets of its channel go on, in spans as long as they come."""
        data = self.pending + chunk if self.pending else chunk
        size = len(data)
        at = 0
        span_start = None
        stream = self.stream
        channel = self.channel
        bytes_before = stream.bytes_in
        while at < size:
            if data[at] != 0x24:  # "$": else an RTSP answer (to the keep-alive) between the packets
                end = data.find(b"\r\n\r\n", at)
                if end < 0:
                    break
                length = re.search(rb"content-length: *(\d+)", data[at:end], re.IGNORECASE)
                after = end + 4 + (int(length[1]) if length else 0)
                if after > size:
                    break
                if span_start is not None:
                    self._span(data[span_start:at])
                    span_start = None
                at = after
                continue
            if at + 4 > size:
                break
            end = at + 4 + ((data[at + 2] << 8) | data[at + 3])
            if end > size:
                break
            if data[at + 1] != channel or end - at < 16:  # RTCP (or no RTP header): not forwarded
                if span_start is not None:
                    self._span(data[span_start:at])
                    span_start = None
            else:
                stream.bytes_in += end - at - 4
                if self.carried != "forwarded" or self.is_checking or self.waiting or self._may_start(data, at, end):
                    if span_start is not None:
                        self._span(data[span_start:at])
                        span_start = None
                    self._packet(data, at, end)
                elif span_start is None:
                    span_start = at
            at = end
        if span_start is not None:
            self._span(data[span_start:at])
        self.pending = data[at:] if at < size else b""
        if len(self.pending) > READ_BYTES * 4:
            raise CameraFailed("its stream is not RTP over RTSP")
        if stream.bytes_in != bytes_before:  # video came: the camera's RTCP or answers alone are a stall
            stream.last_data_s = time.monotonic()
            stream.problem = None

    def _may_start(self, data: bytes, at: int, end: int) -> bool:
        """Whether a packet may begin a key frame or its parameter sets (cheaply: its first NAL unit's type)."""
        if end - at < 17:  # no RTP header and payload: looked at in full (and ignored there)
            return True
        first = data[at + 4]
        start = at + 16 + 4 * (first & 0x0F)
        if first & 0x10 or start >= end:
            return True
        if self.encoding == "H264":
            kind = data[start] & 0x1F
            if kind == 28 and start + 1 < end:
                return bool(data[start + 1] & 0x80) and (data[start + 1] & 0x1F) in (5, 7, 8)
            return kind in (5, 7, 8, 24)
        kind = (data[start] >> 1) & 0x3F
        if kind == 49 and start + 2 < end:
            return bool(data[start + 2] & 0x80) and 16 <= (data[start + 2] & 0x3F) <= 21
        return 16 <= kind <= 21 or kind in (32, 33, 34, 48)

    def _packet(self, data: bytes, at: int, end: int) -> None:
        """One packet looked at: where key frames begin, whether they bring their parameter sets, and (inserting)
        the parameter sets put before them and every packet renumbered."""
        kinds = nal_types(self.encoding, data, at + 4, end)
        rtp_time = data[at + 8 : at + 12]
        needed = PARAMETER_NALS[self.encoding]
        if needed.intersection(kinds):
            if self.parameters_time != rtp_time:
                self.parameters_time = rtp_time
                self._key_start(rtp_time)
            self._learn_parameters(data, at, end, kinds)
        elif KEY_NALS[self.encoding].intersection(kinds) and self.key_time != rtp_time:
            has_parameters = self.parameters_time == rtp_time
            if self.carried is None:
                forward = has_parameters and self.stream.repeats_parameter_sets is not False
                self.carried = self.stream.carried = "forwarded" if forward else "parameter sets inserted"
                if forward:
                    self.stream.repeats_parameter_sets = True
                else:
                    self.is_checking = False
                say({"event": f"{self.stream.path}: {self.carried}"})
            elif self.is_checking:
                self.keys_checked += 1
                if not has_parameters:  # a forwarded camera's key frame came without them: pulled again
                    self.stream.repeats_parameter_sets = False
                    self.stream.needs_new_pull = True
                    self.is_checking = False
                elif self.keys_checked >= CHECKED_KEY_FRAMES:
                    self.is_checking = False
            if not has_parameters:
                self._key_start(rtp_time)
                if self.carried == "parameter sets inserted":
                    self._insert_parameters(data, at)
            self.key_time = rtp_time
        if self.carried == "parameter sets inserted":
            packet = bytearray(data[at:end])
            packet[6:8] = ((int.from_bytes(packet[6:8], "big") + self.seq_shift) & 0xFFFF).to_bytes(2, "big")
            self._span(bytes(packet))
        else:
            self._span(data[at:end])

    def _key_start(self, rtp_time: bytes) -> None:
        """A key frame (or its parameter sets) begins: the kept pictures start again here, waiting desks join."""
        self.gop_is_key = True
        self.gop = []
        self.gop_bytes = 0

    def _learn_parameters(self, data: bytes, at: int, end: int, kinds: tuple) -> None:
        if len(kinds) == 1 and data[at + 4] & 0x1F == 0 and not data[at + 4] & 0x10:  # a single NAL unit
            unit = data[at + 16 + 4 * (data[at + 4] & 0x0F) : end]
            kind = kinds[0]
            typed = (lambda u: u[0] & 0x1F) if self.encoding == "H264" else (lambda u: (u[0] >> 1) & 0x3F)
            self.parameters = [known for known in self.parameters if typed(known) != kind] + [bytes(unit)]

    def _insert_parameters(self, data: bytes, at: int) -> None:
        """The camera's parameter sets as packets of their own, before its key frame, at its time and SSRC."""
        header = bytearray(data[at + 4 : at + 16])
        header[0] = 0x80
        header[1] = header[1] & 0x7F  # no marker
        seq = int.from_bytes(header[2:4], "big")
        for unit in self.parameters:
            header[2:4] = ((seq + self.seq_shift) & 0xFFFF).to_bytes(2, "big")
            self.seq_shift += 1
            packet = bytes(header) + unit
            self._span(b"$" + bytes([self.channel]) + len(packet).to_bytes(2, "big") + packet)

    def _span(self, span: bytes) -> None:
        """Whole packets, out to every desk, kept for the next one to join (before the first key frame: kept only)."""
        if self.gop_bytes < GOP_BYTES:
            self.gop.append(span)
            self.gop_bytes += len(span)
        else:
            self.gop_is_key = False  # too long to keep whole: a desk joining waits for the next key frame
        if self.carried is None:
            return
        for desk in tuple(self.desks):  # a desk let go amid the loop leaves the list: the next still gets it
            desk.send(span)
        if self.waiting and self.gop_is_key:
            joining, self.waiting = self.waiting, []
            for desk in joining:
                for kept in self.gop:
                    desk.send(kept)
            self.desks.extend(desk for desk in joining if desk.is_open())

    def join(self, desk: DeskSession) -> None:
        """A desk that pressed play: the kept pictures from the latest key frame at once, then the live packets."""
        desk.channel_offset = None if desk.channel == self.channel else desk.channel - self.channel
        if self.gop_is_key and self.carried is not None:
            for span in self.gop:
                desk.send(span)
            if desk.is_open():  # not let go during the burst
                self.desks.append(desk)
        else:
            self.waiting.append(desk)

    def leave(self, desk: DeskSession) -> None:
        for group in (self.desks, self.waiting):
            if desk in group:
                group.remove(desk)

    def _failed(self, reason: str) -> None:
        if not self.described.done():
            self.described.set_exception(CameraFailed(reason))
            self.described.exception()  # read: a failure nobody waited for is not a warning

    def close(self) -> None:
        self.closed = True
        self._failed("dropped")
        if self.task is not None:
            self.task.cancel()
        if self.writer is not None:
            self.writer.close()


async def read_answer(reader: asyncio.StreamReader) -> tuple[str, dict, bytes]:
    """The next RTSP answer (interleaved packets before it skipped)."""
    while True:
        first = await reader.readexactly(1)
        if first == b"$":
            header = await reader.readexactly(3)
            await reader.readexactly(int.from_bytes(header[1:3], "big"))
            continue
        head = first + await reader.readuntil(b"\r\n\r\n")
        status, fields = parse_message(head[:-4])
        length = body_length(fields)
        if length is None:
            raise CameraFailed("its answer is too long")
        body = await reader.readexactly(length)
        return status, fields, body


def body_length(fields: dict) -> int | None:
    """A message's Content-Length; None: not a length, or longer than ``MESSAGE_BODY_BYTES``."""
    text = fields.get("content-length", "0").strip() or "0"
    if not text.isdigit() or not text.isascii() or int(text) > MESSAGE_BODY_BYTES:
        return None
    return int(text)


class Stream:
    """One mount: its camera, its pull while desks watch (and for the linger after), and what it carried."""

    def __init__(self, path: str, url: str) -> None:
        self.path = path
        self.url = url
        self.pull: Pull | None = None
        self.viewers = 0
        self.no_viewer_since: float | None = None
        self.bytes_in = 0
        self.bytes_out = 0
        self.bytes_in_counted = 0
        self.last_data_s: float | None = None
        self.pulled_at_s: float | None = None
        self.pulls = 0
        self.pullers: list[str] = []
        self.codec: str | None = None
        self.problem: str | None = None
        self.carried: str | None = None
        self.repeats_parameter_sets: bool | None = None
        self.needs_new_pull = False
        self.sessions: set[DeskSession] = set()  # desks set up on this mount (playing or about to)

    def pulled(self) -> Pull:
        if self.pull is None:
            self.pull = Pull(self)
            self.pulls += 1
            self.pulled_at_s = time.monotonic()
            self.last_data_s = None
            self.pull.task = asyncio.ensure_future(self.pull.run())
        return self.pull

    def pull_ended(self, pull: Pull, why: str = "") -> None:
        if self.pull is pull:
            self.pull = None
            self.carried = None
            for session in list(self.sessions):
                session.desk.close()  # they retry, and pull afresh
            say({"event": f"{self.path}: camera dropped{why}"})

    def drop(self, why: str = "") -> None:
        if self.pull is not None:
            pull = self.pull
            pull.close()
            self.pull_ended(pull, why)

    def status(self, now_s: float) -> dict:
        return {
            "path": self.path,
            "pulled": self.pull is not None,
            "viewers": self.viewers,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "pulls": self.pulls,
            "pullers": self.pullers,
            "codec": self.codec,
            "age_s": None if self.last_data_s is None else round(now_s - self.last_data_s, 2),
            "problem": self.problem,
            "carried": self.carried,
        }


class DeskSession:
    """A desk's SETUP of a mount on its connection."""

    def __init__(self, desk: Desk, stream: Stream, channel: int, session_id: str) -> None:
        self.desk = desk
        self.stream = stream
        self.channel = channel
        self.channel_offset: int | None = None
        self.session_id = session_id
        self.pull: Pull | None = None
        self.set_up_s = time.monotonic()

    def send(self, span: bytes) -> None:
        transport = self.desk.writer.transport
        if transport.is_closing():
            return
        if self.channel_offset is not None:  # the desk asked other channels: each packet's renamed
            renamed = bytearray(span)
            at = 0
            while at + 4 <= len(renamed):
                renamed[at + 1] = (renamed[at + 1] + self.channel_offset) & 0xFF
                at += 4 + ((renamed[at + 2] << 8) | renamed[at + 3])
            span = bytes(renamed)
        transport.write(span)
        if transport.get_write_buffer_size() > DESK_BACKLOG_BYTES:
            self.desk.abort()  # a gentle close would wait for the backlog it does not read

    def is_open(self) -> bool:
        return not self.desk.writer.transport.is_closing()

    def end(self) -> None:
        if self.pull is not None:
            self.pull.leave(self)
            self.pull = None
        self.stream.sessions.discard(self)


class Desk:
    """One desk's (or service's) RTSP connection."""

    def __init__(self, relay: Relay, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.relay = relay
        self.reader = reader
        self.writer = writer
        self.address = (writer.get_extra_info("peername") or ("?",))[0]
        self.nonce = secrets.token_hex(16)
        self.user: str | None = None
        self.sessions: dict[str, DeskSession] = {}
        self.is_counted = False  # among the connections not yet authenticated (Relay.logins)
        self.failed_logins = 0  # wrong credentials given on this connection

    def close(self) -> None:
        for session in list(self.sessions.values()):
            session.end()
        self.sessions.clear()
        self.writer.close()

    def abort(self) -> None:
        """Let go at once, whatever it has not read yet (a desk that reads nothing would hold it for ever)."""
        for session in list(self.sessions.values()):
            session.end()
        self.sessions.clear()
        self.writer.transport.abort()

    def backlog_bytes(self) -> int:
        """How far behind its connection may be after an answer: a playing desk's video, or answers only."""
        playing = any(session.pull is not None for session in self.sessions.values())
        return DESK_BACKLOG_BYTES if playing else REPLY_BACKLOG_BYTES

    async def serve(self) -> None:
        if not self.relay.admit(self):  # many connections from there, none authenticated: file descriptors kept
            self.writer.transport.abort()
            return
        self.relay.desks.add(self)
        try:
            while True:
                idle_s = IDLE_BEFORE_LOGIN_S if self.user is None else IDLE_AFTER_LOGIN_S
                first = await asyncio.wait_for(self.reader.readexactly(1), idle_s)
                if first == b"$":  # the desk's receiver reports: read, not needed
                    header = await asyncio.wait_for(self.reader.readexactly(3), idle_s)
                    await asyncio.wait_for(self.reader.readexactly(int.from_bytes(header[1:3], "big")), idle_s)
                    continue
                head = first + await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), idle_s)
                request, fields = parse_message(head[:-4])
                length = body_length(fields)
                if length is None:
                    self.reply(fields, "413 Request Entity Too Large")
                    await asyncio.wait_for(self.writer.drain(), REPLY_DRAIN_S)
                    break
                if length:
                    await asyncio.wait_for(self.reader.readexactly(length), idle_s)
                if not await self.answer(request, fields):
                    await asyncio.wait_for(self.writer.drain(), REPLY_DRAIN_S)
                    break
                if self.writer.transport.get_write_buffer_size() > self.backlog_bytes():
                    self.writer.transport.abort()  # answers it does not read: let go (its memory, not the relay's)
                    break
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
            self.writer.transport.abort()  # silent, or not reading: nothing it has not read is owed to it
        finally:
            self.relay.desks.discard(self)
            self.relay.logged_off(self)
            self.close()

    def reply(self, fields: dict, status: str, headers: str = "", body: str = "") -> None:
        content = f"Content-Length: {len(body.encode())}\r\n" if body else ""
        self.writer.write(f"RTSP/1.0 {status}\r\nCSeq: {fields.get('cseq', '0')}\r\nServer: Uitkijk relay\r\n"
                          f"{headers}{content}\r\n{body}".encode())  # fmt: skip

    async def answer(self, request: str, fields: dict) -> bool:
        """One request answered; False: the connection is let go."""
        parts = request.split()
        if len(parts) != 3:
            self.reply(fields, "400 Bad Request")
            return False
        method, url = parts[0], parts[1]
        if method == "OPTIONS":
            self.reply(fields, "200 OK", "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER\r\n")
            return True
        if method in ("GET_PARAMETER", "SET_PARAMETER"):
            self.reply(fields, "200 OK")
            return True
        if method == "TEARDOWN":
            for session in list(self.sessions.values()):
                session.end()
            self.sessions.clear()
            self.reply(fields, "200 OK")
            return True
        if method not in ("DESCRIBE", "SETUP", "PLAY", "PAUSE"):
            self.reply(fields, "405 Method Not Allowed")
            return True
        user = self.relay.authenticate(method, url, fields, self.nonce)
        if user is None:
            self.relay.said_refusal(self.address, fields, None, "no valid credentials (401)")
            self.reply(
                fields, "401 Unauthorized", f'WWW-Authenticate: Digest realm="{REALM}", nonce="{self.nonce}"\r\n'
            )
            self.failed_logins += "authorization" in fields  # the first try of every digest client has none
            return self.failed_logins < FAILED_LOGINS  # guessing: let go
        if self.user is not None and user != self.user:
            self.relay.said_refusal(self.address, fields, user, f"logged in as {self.user} on that connection (403)")
            self.reply(fields, "403 Forbidden")  # one connection, one puller: what it pulls is said as whose
            return False
        why = self.relay.why_refused(user)
        if why is not None:
            self.relay.said_refusal(self.address, fields, user, why)
            self.reply(fields, "403 Forbidden")
            return False
        self.user = user
        self.relay.logged_off(self)  # authenticated: no longer counted against its address
        path = urlsplit(url).path
        if method == "DESCRIBE":
            return await self.describe(url, path, fields)
        if method == "SETUP":
            return self.setup(path, fields)
        if method == "PLAY":
            return self.play(fields)
        self.reply(fields, "200 OK", f"Session: {fields.get('session', '')}\r\n")  # PAUSE: a live pull goes on
        return True

    def stream_of(self, path: str) -> Stream | None:
        path = path.rstrip("/")
        for candidate in (path, path.rsplit("/", 1)[0]):  # the mount, or its stream's control below it
            stream = self.relay.streams.get(candidate)
            if stream is not None:
                return stream
        return None

    async def describe(self, url: str, path: str, fields: dict) -> bool:
        stream = self.stream_of(path)
        if stream is None:
            self.reply(fields, "404 Not Found")
            return True
        pull = stream.pulled()
        try:
            await asyncio.wait_for(asyncio.shield(pull.described), DESCRIBE_TIMEOUT_S)
        except (TimeoutError, CameraFailed):
            self.reply(fields, "503 Service Unavailable")
            return True
        session = ["v=0", f"o=- {secrets.randbelow(10**9)} 1 IN IP4 0.0.0.0", "s=Uitkijk relay", "c=IN IP4 0.0.0.0",
                   "t=0 0", "a=control:*"]  # fmt: skip
        sdp = "\r\n".join([*session, *pull.sdp_media, "a=control:stream=0", ""])
        base = url.rstrip("/") + "/"
        self.reply(fields, "200 OK", f"Content-Base: {base}\r\nContent-Type: application/sdp\r\n", sdp)
        return True

    def setup(self, path: str, fields: dict) -> bool:
        stream = self.stream_of(path)
        if stream is None:
            self.reply(fields, "404 Not Found")
            return True
        transport = fields.get("transport", "")
        channels = re.search(r"interleaved=(\d+)(?:-(\d+))?", transport)
        if "TCP" not in transport.upper() or channels is None:
            self.reply(fields, "461 Unsupported Transport")  # over TCP only: a desk tries TCP first
            return True
        channel = int(channels[1])
        session_id = fields.get("session", "").split(";")[0] or secrets.token_hex(8)
        taken = {other.channel for other in self.sessions.values() if other.session_id != session_id}
        if channel in taken:  # asked again on another mount: two streams on one channel would mix their packets
            channel = next(free for free in range(0, 254, 2) if free not in taken)  # the answer says which
        session = DeskSession(self, stream, channel, session_id)
        old = self.sessions.pop(session_id, None)
        if old is not None:
            old.end()
        self.sessions[session_id] = session
        stream.sessions.add(session)
        stream.pulled()
        self.reply(fields, "200 OK", f"Transport: RTP/AVP/TCP;unicast;interleaved={channel}-{channel + 1}\r\n"
                                     f"Session: {session_id};timeout={self.relay.session_timeout_s}\r\n")  # fmt: skip
        return True

    def play(self, fields: dict) -> bool:
        session = self.sessions.get(fields.get("session", "").split(";")[0])
        if session is None:
            self.reply(fields, "454 Session Not Found")
            return True
        pull = session.stream.pulled()
        self.reply(
            fields,
            "200 OK",
            f"Session: {session.session_id};timeout={self.relay.session_timeout_s}\r\nRange: npt=now-\r\n",
        )
        if session.pull is None:
            session.pull = pull
            pull.join(session)
        return True


class Relay:
    def __init__(self, settings: dict) -> None:
        self.linger_s = float(settings.get("linger_s", 10.0))
        self.stall_s = float(settings.get("stall_s", 3.0))
        self.session_timeout_s = int(settings.get("session_timeout_s", SESSION_TIMEOUT_S))
        pullers = list(settings.get("pullers", []))
        self.secrets = {puller["user"]: puller["password"] for puller in pullers}
        self.desk_names = {puller["user"] for puller in pullers if puller.get("is_desk", True)}
        self.check_desks = bool(settings.get("check_desks", True))
        self.desk_rights: dict | None = None
        self.streams: dict[str, Stream] = {}
        self.desks: set[Desk] = set()
        self.logins: dict[str, int] = {}  # address -> its connections not yet authenticated
        self._said: dict = {}

    def admit(self, desk: Desk) -> bool:
        """Whether a new connection may try to authenticate: a bound per address and in all."""
        waiting = self.logins.get(desk.address, 0)
        if waiting >= LOGINS_PER_ADDRESS or sum(self.logins.values()) >= LOGINS_AT_ONCE:
            now_s = time.monotonic()
            if now_s - self._said.get(("crowded", desk.address), -REFUSED_AGAIN_S) >= REFUSED_AGAIN_S:
                self._said[("crowded", desk.address)] = now_s
                say({"event": f"{desk.address}: too many connections not logged in: new ones refused"})
            return False
        self.logins[desk.address] = waiting + 1
        desk.is_counted = True
        return True

    def logged_off(self, desk: Desk) -> None:
        """A connection authenticated, or gone: no longer counted against its address."""
        if desk.is_counted:
            desk.is_counted = False
            left = self.logins.pop(desk.address) - 1
            if left:
                self.logins[desk.address] = left

    def authenticate(self, method: str, url: str, fields: dict, nonce: str) -> str | None:
        """The puller whose digest answers this connection's challenge for this request's address; None: 401."""
        header = fields.get("authorization", "")
        if not header.lower().startswith("digest"):
            return None
        answer = auth_fields(header)
        user = answer.get("username", "")
        password = self.secrets.get(user)
        if password is None or answer.get("nonce") != nonce or answer.get("realm") != REALM:
            return None
        if urlsplit(answer.get("uri", "")).path.rstrip("/") != urlsplit(url).path.rstrip("/"):
            return None  # an answer made for another address (RFC 7616 3.4.6): not this request's
        ha1, ha2 = md5(f"{user}:{REALM}:{password}"), md5(f"{method}:{answer.get('uri', '')}")
        if answer.get("qop"):
            expected = md5(f"{ha1}:{nonce}:{answer.get('nc', '')}:{answer.get('cnonce', '')}:{answer['qop']}:{ha2}")
        else:
            expected = md5(f"{ha1}:{nonce}:{ha2}")
        response = answer.get("response", "").encode("utf-8", "replace")  # bytes: any text compares, none raises
        return user if secrets.compare_digest(expected.encode(), response) else None

    def why_refused(self, user: str) -> str | None:
        if user not in self.desk_names or not self.check_desks:
            return None  # a service, or a relay that cannot see who is signed in: the credential decides
        if self.desk_rights is None:
            return "the relay has not yet read who is signed in"
        return self.desk_rights[user] if user in self.desk_rights else "nobody is signed in there"

    def said_refusal(self, address: str, fields: dict, user: str | None, why: str) -> None:
        if user is None:  # the first DESCRIBE of every digest client has no credentials: only a wrong one is said
            authorization = fields.get("authorization", "")
            if not authorization:
                return
            named = USER_NAME.search(authorization)
            user = named.group(1) if named else "an unknown user"
        now_s = time.monotonic()
        if len(self._said) > 1000:  # many addresses: those said long ago forgotten
            self._said = {key: when for key, when in self._said.items() if now_s - when < REFUSED_AGAIN_S}
        key = (address, user, why)
        if now_s - self._said.get(key, -REFUSED_AGAIN_S) < REFUSED_AGAIN_S:
            return
        self._said[key] = now_s
        say({"refused": {"user": user, "address": address, "why": why}})

    def command(self, command: dict) -> None:
        if "mount" in command:
            self.unmount(command["mount"]["path"])
            self.streams[command["mount"]["path"]] = Stream(command["mount"]["path"], command["mount"]["url"])
        elif "unmount" in command:
            self.unmount(command["unmount"])
        elif "desk_rights" in command:
            self.set_desk_rights(command["desk_rights"])

    def unmount(self, path: str) -> None:
        stream = self.streams.pop(path, None)
        if stream is not None:
            stream.drop()

    def set_desk_rights(self, rights: dict) -> None:
        """Who is signed in where, read by the parent: a desk that may no longer pull is let go at once."""
        self.desk_rights = dict(rights)
        barred = {desk.user for desk in self.desks if desk.user is not None and self.why_refused(desk.user)}
        for desk in list(self.desks):
            if desk.user in barred:
                desk.abort()  # not one more picture of what it may no longer see
        for user in sorted(barred):
            say({"event": f"{user}: let go, {self.why_refused(user)}"})

    def tick(self) -> None:
        """Every second: viewers per stream, the linger after the last desk, stalled cameras, the report."""
        now_s = time.monotonic()
        streams = list(self.streams.values())
        for stream in streams:
            for session in [item for item in stream.sessions if item.pull is None]:
                if (
                    now_s - session.set_up_s >= self.session_timeout_s
                ):  # set up, never played: no longer holds the camera
                    session.desk.sessions.pop(session.session_id, None)
                    session.end()
            stream.viewers = len(stream.sessions)
            stream.pullers = sorted({session.desk.user for session in stream.sessions if session.desk.user})
            stream.bytes_out += (stream.bytes_in - stream.bytes_in_counted) * stream.viewers
            stream.bytes_in_counted = stream.bytes_in
            if stream.pull is None:
                stream.no_viewer_since = None
                continue
            if stream.viewers:
                stream.no_viewer_since = None
            elif stream.no_viewer_since is None:
                stream.no_viewer_since = now_s
            is_lingered = stream.no_viewer_since is not None and now_s - stream.no_viewer_since >= self.linger_s
            since_s = stream.last_data_s if stream.last_data_s is not None else stream.pulled_at_s
            is_playing = stream.pull.described.done()  # a camera still answering is not stalled
            is_stalled = is_playing and since_s is not None and now_s - since_s >= self.stall_s
            if is_stalled:
                stream.problem = f"no data from the camera for {now_s - since_s:.0f} s"
            if stream.needs_new_pull:
                stream.needs_new_pull = False
                say({"event": f"{stream.path}: a key frame came without its parameter sets: pulled again"})
            elif not (is_lingered or is_stalled):
                continue
            why = f" ({stream.problem})" if is_stalled else " (no desk for the linger)" if is_lingered else ""
            stream.drop(why)  # its desks are let go: they retry, and the next pulls afresh
            stream.viewers = 0
            stream.pullers = []
        say({"streams": [stream.status(now_s) for stream in streams]})


async def serve(settings: dict) -> int:
    loop = asyncio.get_running_loop()
    relay = Relay(settings)
    address, port = str(settings.get("address", "127.0.0.1")), int(settings.get("port", 8654))

    async def connected(reader, writer) -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # a desk's PC gone without a goodbye
        try:
            await Desk(relay, reader, writer).serve()
        except asyncio.CancelledError:  # the relay stops: its desks' connections close with it
            pass
        except Exception as error:  # noqa: BLE001 - a request not foreseen: that connection only, one line
            writer.transport.abort()
            print(f"a desk's connection let go: {type(error).__name__}", file=sys.stderr, flush=True)

    try:
        server = await asyncio.start_server(connected, address, port, reuse_address=True)
    except OSError as error:
        say({"error": f"cannot listen on {address}:{port}: {error.strerror}"})
        return 1
    stop = loop.create_future()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, lambda: stop.done() or stop.set_result(None))

    def read_commands() -> None:
        for line in sys.stdin:
            try:
                loop.call_soon_threadsafe(relay.command, json.loads(line))
            except json.JSONDecodeError:
                continue
        loop.call_soon_threadsafe(lambda: stop.done() or stop.set_result(None))  # the parent is gone: so is the relay

    threading.Thread(target=read_commands, daemon=True).start()

    async def ticking() -> None:
        while True:
            await asyncio.sleep(1.0)
            try:
                relay.tick()
            except Exception as error:  # noqa: BLE001 - the status, linger and stalls go on next second
                print(f"the relay's tick failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)

    ticker = asyncio.ensure_future(ticking())
    say({"ready": server.sockets[0].getsockname()[1]})
    await stop
    ticker.cancel()
    server.close()
    for stream in list(relay.streams.values()):
        stream.drop()
    return 0


def main() -> int:
    settings = json.loads(sys.stdin.readline())
    return uvloop.run(serve(settings))


if __name__ == "__main__":
    sys.exit(main())
