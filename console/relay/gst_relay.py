"""The relay's RTSP server: Debian's GStreamer RTSP server, pulling each camera once for every desk.

Runs under the system interpreter (``/usr/bin/python3`` with ``python3-gi``), not the
virtual environment, because the GStreamer bindings come from Debian; ``relay/process.py``
starts it and talks to it. A mount is shared: the first desk that asks for it makes the
relay pull the camera (``rtspsrc``, over TCP), every later desk gets the same packets, and
the camera is dropped ``linger_s`` after its last desk left. A camera that sends its parameter
sets in band before every key frame (most do) is forwarded as it comes: its RTP packets, unchanged,
each sent on as it arrives (the cost of a copy). One that sends them only in its answer (SDP) is
depayloaded and payloaded again (no decoding), so each desk gets them at every key frame; which
is read from the camera's first key frames (``Pull``), and the status says it ("carried"). The
codec (H.264 or H.265) is read from the camera's own answer, so none has to be configured.

Every pull is authenticated (RTSP digest; a pull without credentials, or with wrong ones, gets 401):
each desk and service has a user and secret of its own. A desk must also be cleared by the parent
(``desk_rights``: a desk whose signed-in role watches no video, or where nobody is signed in, gets
403 and is let go if it was pulling); a service needs no clearance. The status names, per stream,
who pulls it.

Input (stdin, JSON lines): first {"address": "0.0.0.0", "port": 8654, "linger_s": 10, "stall_s": 3,
"pullers": [{"user": "ws-01", "password": "...", "is_desk": true}], "check_desks": true}, then
{"mount": {"path": "/cam/main", "url": "rtsp://..."}}, {"unmount": "/cam/main"} or
{"desk_rights": {"ws-01": null, "ws-05": "why it may not pull"}} (a desk not named may not pull).
Output (stdout, JSON lines): {"ready": PORT} once it listens, {"streams": [...]} every second,
{"event": "..."} when a camera is pulled, dropped or fails, {"refused": {"user": ..., "why": ...}}
when a desk is refused. Camera addresses and secrets are never printed.
"""

import json
import re
import signal
import sys
import threading
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstBase", "1.0")
from gi.repository import GLib, Gst, GstBase, GstRtsp, GstRtspServer  # noqa: E402

CODECS = {  # encoding name in the camera's SDP: depayloader, parser, payloader
    "H264": ("rtph264depay", "h264parse", "rtph264pay"),
    "H265": ("rtph265depay", "h265parse", "rtph265pay"),
}


PULLER = "uitkijk.puller"  # the token's field that names who pulls
PULLER_ROLE = "puller"  # the media factories' one role: who passed authentication (rights come after)
USER_NAME = re.compile(r'username="([a-z0-9][a-z0-9-]{0,63})"')  # only a well-formed name is repeated in the log
REFUSED_AGAIN_S = 60.0  # a refusal of the same puller from the same address is said once a minute
_say_lock = threading.Lock()


def say(message: dict) -> None:
    with _say_lock:  # client threads say refusals too
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()


class PullerAuth(GstRtspServer.RTSPAuth):
    """Digest authentication, then the desks' rights: who may pull, and who pulls through which connection."""

    def __init__(self, pullers: list, check_desks: bool) -> None:
        super().__init__()
        self.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        self.desks = {puller["user"] for puller in pullers if puller.get("is_desk", True)}
        for puller in pullers:
            token = GstRtspServer.RTSPToken()
            token.set_string("media.factory.role", PULLER_ROLE)
            token.set_string(PULLER, puller["user"])
            self.add_digest(puller["user"], puller["password"], token)
        self.check_desks = check_desks
        self.desk_rights: dict | None = None  # workstation -> None (may pull) or why not; None: not read yet
        self.client_pullers: dict = {}  # RTSPClient -> who authenticated on it
        self.lock = threading.Lock()
        self._said: dict = {}  # (address, user, why) -> when it was last said

    def do_check(self, ctx, check) -> bool:
        try:
            return self._check(ctx, check)
        except Exception as error:  # noqa: BLE001 - a fault here must refuse, never let the pull through
            say({"event": f"authentication failed: {type(error).__name__}"})
            return False

    def _check(self, ctx, check) -> bool:
        if not GstRtspServer.RTSPAuth.do_check(self, ctx, check):  # 401 sent (without or with wrong credentials)
            if check == "auth.check.media.factory.access":
                self._said_refusal(ctx, None, "no valid credentials (401)")
            return False
        if check != "auth.check.media.factory.access":
            return True
        user = ctx.token.get_string(PULLER) if ctx.token is not None else None
        why = self.why_refused(user)
        if why is not None:
            _, response = GstRtsp.rtsp_message_new_response(GstRtsp.RTSPStatusCode.FORBIDDEN, "Forbidden", ctx.request)
            ctx.client.send_message(ctx.session, response)
            self._said_refusal(ctx, user, why)
            return False
        with self.lock:
            self.client_pullers[ctx.client] = user
        return True

    def why_refused(self, user) -> str | None:
        if user is None:
            return "no puller"
        if user not in self.desks or not self.check_desks:
            return None  # a service, or a relay that cannot see who is signed in: the credential decides
        with self.lock:
            rights = self.desk_rights
        if rights is None:
            return "the relay has not yet read who is signed in"
        return rights[user] if user in rights else "nobody is signed in there"

    def _said_refusal(self, ctx, user, why: str) -> None:
        address = ctx.conn.get_ip() if ctx.conn is not None else "?"
        if user is None:  # the first DESCRIBE of every digest client has no credentials: only a wrong one is said
            found, authorization = ctx.request.get_header(GstRtsp.RTSPHeaderField.AUTHORIZATION, 0)
            if found != GstRtsp.RTSPResult.OK or not authorization:
                return
            named = USER_NAME.search(authorization)
            user = named.group(1) if named else "an unknown user"
        now_s = time.monotonic()
        key = (address, user, why)
        with self.lock:
            if now_s - self._said.get(key, -REFUSED_AGAIN_S) < REFUSED_AGAIN_S:
                return
            self._said[key] = now_s
        say({"refused": {"user": user, "address": address, "why": why}})

    def set_desk_rights(self, rights: dict) -> list:
        """The desks' rights now; returns the desks that may no longer pull (to be let go)."""
        with self.lock:
            self.desk_rights = dict(rights)
            pulling = set(self.client_pullers.values())
        return sorted(user for user in pulling if self.why_refused(user) is not None)

    def forget(self, client) -> None:
        with self.lock:
            self.client_pullers.pop(client, None)

    def puller_of(self, client):
        with self.lock:
            return self.client_pullers.get(client)


class Stream:
    """One mount: its camera, the media while it is pulled, and what it carried."""

    def __init__(self, path: str, url: str) -> None:
        self.path = path
        self.url = url
        self.media = None  # the shared media while the camera is pulled
        self.is_held = False  # our own prepare: keeps the camera pulled while no desk watches
        self.viewers = 0
        self.no_viewer_since = None
        self.bytes_in = 0  # video payload from the camera
        self.bytes_out = 0  # the same payload, once per desk: each second's payload times the desks then
        self.bytes_in_counted = 0  # bytes_in when bytes_out was last counted
        self.last_data_s = None
        self.pulled_at_s = None
        self.pulls = 0  # how often the camera was pulled (1 while desks come and go within the linger)
        self.pullers: list = []  # who receives it now: desks' workstations, services' names
        self.codec = None
        self.problem = None
        self.carried = None  # "forwarded" (the camera's packets as they came) or "parameter sets inserted"
        self.repeats_parameter_sets = None  # the camera's key frames bring them in band; None: not seen yet
        self.needs_new_pull = False  # a forwarded camera's key frame came without them: pulled again

    def status(self, now_s: float) -> dict:
        return {
            "path": self.path,
            "pulled": self.media is not None,
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


class Timeline:
    """A pull's decode times: every access unit leaves with one, and it never goes back.

    The server keeps the packets a desk has not read yet (a desk that reads slowly: one just joining on a busy
    PC) and aborts the whole relay on a packet without a time or with one earlier than those it keeps
    (``gst_rtsp_stream_transport_backlog_push: assertion failed``): every desk lost every camera, for good. A
    camera's pull on a loaded relay hands over access units without a time (seen in runs of six), so each gets
    its decode time here: its own, else its presentation time, else the last one given. Presentation times are
    left as they are (B-frames keep their order), except a missing one, which gets the decode time.
    """

    def __init__(self) -> None:
        self.last_ns = None

    def stamp(self, buffer) -> None:
        decode_ns = buffer.dts if buffer.dts != Gst.CLOCK_TIME_NONE else buffer.pts
        if decode_ns == Gst.CLOCK_TIME_NONE or (self.last_ns is not None and decode_ns < self.last_ns):
            if self.last_ns is None:
                return  # nothing to give yet: a first packet without a time is queued as the first, unchecked
            decode_ns = self.last_ns
        self.last_ns = decode_ns
        buffer.dts = decode_ns  # written in place: this probe's buffer is the pull's own, on its way to the payloader
        if buffer.pts == Gst.CLOCK_TIME_NONE:
            buffer.pts = decode_ns


CHECKED_KEY_FRAMES = 3  # a forwarded camera's first key frames are looked at: some send parameter sets only once
KEY_NALS = {"H264": frozenset({5}), "H265": frozenset(range(16, 22))}  # IDR; H.265: every IRAP (BLA, IDR, CRA)
PARAMETER_NALS = {"H264": frozenset({7, 8}), "H265": frozenset({32, 33, 34})}  # SPS, PPS; H.265: VPS, SPS, PPS
LOOKED_BYTES = 256  # enough of a packet for its RTP header and the NAL units an aggregate starts with


def nal_types(encoding: str, packet: bytes) -> tuple[int, ...]:
    """The NAL unit types an RTP packet carries, as far as they start in it (a fragment's only at its start)."""
    if len(packet) < 13 or packet[0] >> 6 != 2:
        return ()
    offset = 12 + 4 * (packet[0] & 0x0F)
    if packet[0] & 0x10 and len(packet) >= offset + 4:  # a header extension
        offset += 4 + 4 * int.from_bytes(packet[offset + 2 : offset + 4], "big")
    payload = packet[offset:]
    if encoding == "H264":
        if not payload:
            return ()
        kind = payload[0] & 0x1F
        if kind == 28:  # FU-A
            return (payload[1] & 0x1F,) if len(payload) > 1 and payload[1] & 0x80 else ()
        if kind == 24:  # STAP-A
            return _aggregated(payload, 1, lambda unit: unit[0] & 0x1F)
        return (kind,)
    if len(payload) < 2:
        return ()
    kind = (payload[0] >> 1) & 0x3F
    if kind == 49:  # FU
        return (payload[2] & 0x3F,) if len(payload) > 2 and payload[2] & 0x80 else ()
    if kind == 48:  # AP
        return _aggregated(payload, 2, lambda unit: (unit[0] >> 1) & 0x3F)
    return (kind,)


def _aggregated(payload: bytes, offset: int, kind_of) -> tuple[int, ...]:
    kinds = []
    while offset + 3 <= len(payload):
        size = int.from_bytes(payload[offset : offset + 2], "big")
        kinds.append(kind_of(payload[offset + 2 :]))
        offset += 2 + size
    return tuple(kinds)


class Pull:
    """One pull of a camera: how it is carried, and what its key frames brought.

    ``look`` answers, for a packet that starts a key frame, whether the key frame's parameter sets came before it
    in band (same RTP time); None for any other packet. Until the first key frame the parameter sets are held,
    to go out before it."""

    def __init__(self, encoding: str, may_forward: bool) -> None:
        self.encoding = encoding
        self.may_forward = may_forward  # False: this camera was seen without them (a pull before)
        self.carried = None  # "forwarded" or "parameter sets inserted" once chosen
        self.is_checking = True
        self.keys_checked = 0
        self.payload_type = 96
        self.held: list = []
        self._time = None  # the RTP time of the packets looked at last
        self._parameters: set = set()  # the parameter sets seen at that time
        self._key_time = None

    def look(self, buffer):
        packet = buffer.extract_dup(0, min(buffer.get_size(), LOOKED_BYTES))
        kinds = nal_types(self.encoding, packet)
        rtp_time = packet[4:8]
        if rtp_time != self._time:
            self._time, self._parameters = rtp_time, set()
            if self.carried is None:
                self.held = []
        needed = PARAMETER_NALS[self.encoding]
        self._parameters.update(kind for kind in kinds if kind in needed)
        if not KEY_NALS[self.encoding].intersection(kinds) or rtp_time == self._key_time:
            if self.carried is None and needed.intersection(kinds):
                self.held.append(buffer.copy())
            return None
        self._key_time = rtp_time
        self.keys_checked += 1
        return self.may_forward and self._parameters >= needed


class RelayFactory(GstRtspServer.RTSPMediaFactory):
    """A shared media per camera whose payloader is made once the camera says its codec (``dynpay0``)."""

    def __init__(self, stream: Stream, relay: "Relay") -> None:
        super().__init__()
        self.stream = stream
        self.relay = relay
        self.set_shared(True)
        self.set_latency(0)
        self.set_protocols(GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP)
        self.add_role_from_structure(
            Gst.Structure.new_from_string(
                f"{PULLER_ROLE}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"
            )
        )

    def do_create_element(self, url):
        pipeline_bin = Gst.Bin.new(None)
        payloader_bin = Gst.Bin.new("dynpay0")
        source = Gst.ElementFactory.make("rtspsrc", None)
        source.set_property("location", self.stream.url)
        source.set_property("latency", 0)
        source.set_property("protocols", GstRtsp.RTSPLowerTrans.TCP)
        source.set_property("tcp-timeout", 5_000_000)
        source.set_property("timeout", 5_000_000)
        # Slave mode (the default) maps the camera's times to the relay's clock; no packet waits for its time (the
        # server's sinks send each as it comes, _on_element_added), so the mode only gives the times a payloader keeps.
        source.set_property("buffer-mode", 1)
        payloader_bin.add(source)
        pipeline_bin.add(payloader_bin)
        source.connect("pad-added", self._on_source_pad, payloader_bin)
        return pipeline_bin

    def _on_source_pad(self, source, pad, payloader_bin) -> None:
        caps = pad.get_current_caps() or pad.query_caps(None)
        structure = caps.get_structure(0)
        if structure.get_string("media") != "video" or payloader_bin.get_static_pad("src_0") is not None:
            return
        encoding = (structure.get_string("encoding-name") or "").upper()
        if encoding not in CODECS:
            self.stream.problem = f"codec {encoding or 'unknown'} cannot be relayed"
            return
        self.stream.codec = encoding.lower()
        pull = Pull(encoding, self.stream.repeats_parameter_sets is not False)
        has_payload, payload_type = structure.get_int("payload")
        pull.payload_type = payload_type if has_payload else 96
        pad.add_probe(Gst.PadProbeType.BUFFER, self._on_packet, (pull, payloader_bin))

    def _on_packet(self, pad, info, data):
        """Every packet from the camera: counted; until the first key frame, held (parameter sets) or dropped, and
        the way the pull is carried chosen there: forwarded as it comes when the key frame brought its parameter
        sets, else through a payloader that inserts them."""
        pull, payloader_bin = data
        buffer = info.get_buffer()
        stream = self.stream
        stream.bytes_in += buffer.get_size()
        stream.last_data_s = time.monotonic()
        stream.problem = None
        if pull.carried is not None and not pull.is_checking:
            return Gst.PadProbeReturn.OK
        seen = pull.look(buffer)
        if pull.carried is None:
            if seen is None:
                return Gst.PadProbeReturn.DROP  # before the first key frame (or its parameter sets, held)
            self._carry(pad, payloader_bin, pull, forward=seen)
            held, pull.held = pull.held, []
            for packet in held:  # the key frame's parameter sets, in their order, before it
                stream.bytes_in -= packet.get_size()  # counted as they came
                pad.push(packet)
            return Gst.PadProbeReturn.OK
        if seen is False:  # a forwarded camera's key frame came without them: pulled again, through a payloader
            stream.repeats_parameter_sets = False
            stream.needs_new_pull = True
            pull.is_checking = False
        elif seen is True and pull.keys_checked >= CHECKED_KEY_FRAMES:
            pull.is_checking = False  # it repeats them: the packets go on without a look
        return Gst.PadProbeReturn.OK

    def _carry(self, pad, payloader_bin, pull, forward: bool) -> None:
        stream = self.stream
        if forward:
            pull.carried = stream.carried = "forwarded"
            stream.repeats_parameter_sets = True
            ghost = Gst.GhostPad.new("src_0", pad)
            # The server takes a payloader in the bin for its stream (its properties only: the packets' numbers and
            # times come from those sent): one left unlinked, on the camera's payload type, names the stream.
            marker = Gst.ElementFactory.make(CODECS[pull.encoding][2], "forwarded")
            marker.set_property("pt", pull.payload_type)
            payloader_bin.add(marker)
            marker.sync_state_with_parent()
        else:
            pull.carried = stream.carried = "parameter sets inserted"
            pull.is_checking = False
            depay_name, parse_name, pay_name = CODECS[pull.encoding]
            depay = Gst.ElementFactory.make(depay_name, None)
            parse = Gst.ElementFactory.make(parse_name, None)
            parse.set_property("config-interval", -1)
            pay = Gst.ElementFactory.make(pay_name, None)
            pay.set_property("pt", 96)
            pay.set_property("config-interval", -1)
            for element in (depay, parse, pay):
                payloader_bin.add(element)
            depay.link(parse)
            parse.link(pay)
            for element in (depay, parse, pay):
                element.sync_state_with_parent()
            pad.link(depay.get_static_pad("sink"))
            timeline = Timeline()  # this pull's: a camera pulled again starts a time of its own
            parse.get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, self._on_access_unit, timeline)
            ghost = Gst.GhostPad.new("src_0", pay.get_static_pad("src"))
        ghost.add_probe(Gst.PadProbeType.QUERY_UPSTREAM, self._on_upstream_query, None)
        ghost.set_active(True)
        payloader_bin.add_pad(ghost)
        payloader_bin.no_more_pads()
        say({"event": f"{stream.path}: {stream.carried}"})

    @staticmethod
    def _on_upstream_query(pad, info, _data):
        """The shared pull is live for every desk on it: it never seeks. A desk that joins asks to PLAY from a
        position (FFmpeg sends "Range: npt=0.000-"), and where the camera's pull could seek (its answer gave a
        range with an end) the server seeked the shared media for it: every desk already watching was rewound
        and the camera asked again over its uplink. Asked whether it can seek, the pull answers the question as
        it was asked (a new seeking query says "not seekable"), and the server never seeks it."""
        if info.get_query().type == Gst.QueryType.SEEKING:
            return Gst.PadProbeReturn.HANDLED
        return Gst.PadProbeReturn.OK

    @staticmethod
    def _on_access_unit(pad, info, timeline):
        timeline.stamp(info.get_buffer())
        return Gst.PadProbeReturn.OK


class Relay:
    def __init__(self, settings: dict) -> None:
        self.linger_s = float(settings.get("linger_s", 10.0))
        self.stall_s = float(settings.get("stall_s", 3.0))
        self.server = GstRtspServer.RTSPServer()
        self.server.set_address(str(settings.get("address", "127.0.0.1")))
        self.server.set_service(str(int(settings.get("port", 8654))))
        pool = GstRtspServer.RTSPThreadPool()
        pool.set_max_threads(-1)  # otherwise client set-ups serialise on one thread
        self.server.set_thread_pool(pool)
        self.auth = PullerAuth(list(settings.get("pullers", [])), bool(settings.get("check_desks", True)))
        self.server.set_auth(self.auth)
        self.server.connect("client-connected", self._on_client_connected)
        self.streams: dict[str, Stream] = {}
        self.lock = threading.Lock()

    def mount(self, path: str, url: str) -> None:
        stream = Stream(path, url)
        factory = RelayFactory(stream, self)
        factory.connect("media-configure", self._on_media_configure, stream)
        with self.lock:
            self.streams[path] = stream
        self.server.get_mount_points().add_factory(path, factory)

    def unmount(self, path: str) -> None:
        self.server.get_mount_points().remove_factory(path)
        with self.lock:
            stream = self.streams.pop(path, None)
        if stream is not None and stream.media is not None and stream.is_held:
            stream.media.unprepare()

    def _on_media_configure(self, factory, media, stream: Stream) -> None:
        """A desk asked for a camera nobody pulls: the camera is pulled now, once for every desk."""
        stream.media = media
        stream.pulls += 1
        stream.is_held = False
        stream.last_data_s = None
        stream.pulled_at_s = time.monotonic()
        pipeline = media.get_element()
        while pipeline.get_parent() is not None:
            pipeline = pipeline.get_parent()
        pipeline.connect("deep-element-added", self._on_element_added)
        media.connect("prepared", lambda m: GLib.idle_add(self._hold, stream, m))
        media.connect("unprepared", lambda m: GLib.idle_add(self._on_unprepared, stream, m))
        say({"event": f"{stream.path}: pulling the camera"})

    @staticmethod
    def _on_element_added(pipeline, bin_, element) -> None:
        """The server's sinks (one per stream, made at a desk's SETUP) send each packet as it comes. They waited
        for its time on the relay's clock: the camera's times mapped onto it by rtspsrc's jitterbuffer ("slave"
        mode) put each packet some milliseconds later than it came (22 ms more glass-to-glass than a direct
        pull, on a quiet machine; with "none" a camera pulled late waited for ever)."""
        if isinstance(element, GstBase.BaseSink):
            element.set_property("sync", False)

    def _hold(self, stream: Stream, media) -> bool:
        if stream.media is media and not stream.is_held:
            media.prepare(None)  # our own count: the camera stays pulled between desks, for the linger
            stream.is_held = True
        return False

    def _on_unprepared(self, stream: Stream, media) -> bool:
        if stream.media is media:
            stream.media = None
            stream.is_held = False
            stream.viewers = 0
            stream.carried = None
            say({"event": f"{stream.path}: camera dropped"})
        return False

    def _on_client_connected(self, server, client) -> None:
        client.connect("closed", self.auth.forget)

    def _count_viewers(self) -> dict:
        counts: dict = {}
        pool = self.server.get_session_pool()
        for session in pool.filter(None, None) or []:
            for session_media in session.filter(None, None) or []:
                media = session_media.get_media()
                counts[id(media)] = counts.get(id(media), 0) + 1
        return counts

    def _pullers(self) -> dict:
        """Who receives each media now (by its connection's puller)."""
        pullers: dict = {}

        def note(server, client, data):
            user = self.auth.puller_of(client)
            for session in client.session_filter(None, None) or []:
                for session_media in session.filter(None, None) or []:
                    if user is not None:
                        pullers.setdefault(id(session_media.get_media()), set()).add(user)
            return GstRtspServer.RTSPFilterResult.KEEP

        self.server.client_filter(note, None)
        return pullers

    def _let_go(self, media) -> None:
        """Close the connections of the desks that watch ``media``: they retry, and find the stream again."""

        def uses_media(server, client, data):
            for session in client.session_filter(None, None) or []:
                if any(item.get_media() is media for item in session.filter(None, None) or []):
                    return GstRtspServer.RTSPFilterResult.REMOVE
            return GstRtspServer.RTSPFilterResult.KEEP

        self.server.client_filter(uses_media, None)

    def set_desk_rights(self, rights: dict) -> None:
        """Who is signed in where, read by the parent: a desk that may no longer pull is let go at once."""
        barred = set(self.auth.set_desk_rights(rights))
        if not barred:
            return

        def is_barred(server, client, data):
            if self.auth.puller_of(client) in barred:
                return GstRtspServer.RTSPFilterResult.REMOVE
            return GstRtspServer.RTSPFilterResult.KEEP

        self.server.client_filter(is_barred, None)
        for user in sorted(barred):
            say({"event": f"{user}: let go, {self.auth.why_refused(user)}"})

    def tick(self) -> bool:
        """Every second: viewers per stream, the linger after the last desk, stalled cameras, the report."""
        now_s = time.monotonic()
        counts = self._count_viewers()
        pullers = self._pullers()
        self.server.get_session_pool().cleanup()  # sessions of desks that vanished without a TEARDOWN
        with self.lock:
            streams = list(self.streams.values())
        for stream in streams:
            media = stream.media
            stream.viewers = counts.get(id(media), 0) if media is not None else 0
            stream.pullers = sorted(pullers.get(id(media), ())) if media is not None else []
            stream.bytes_out += (stream.bytes_in - stream.bytes_in_counted) * stream.viewers
            stream.bytes_in_counted = stream.bytes_in
            if media is None:
                stream.no_viewer_since = None
                continue
            if stream.viewers:
                stream.no_viewer_since = None
            elif stream.no_viewer_since is None:
                stream.no_viewer_since = now_s
            is_lingered = stream.no_viewer_since is not None and now_s - stream.no_viewer_since >= self.linger_s
            since_s = stream.last_data_s if stream.last_data_s is not None else stream.pulled_at_s
            is_stalled = since_s is not None and now_s - since_s >= self.stall_s
            if is_stalled:  # the camera went away: its desks are let go, the next one pulls afresh
                stream.problem = f"no data from the camera for {now_s - since_s:.0f} s"
                self._let_go(media)
            is_pulled_again = stream.needs_new_pull
            if is_pulled_again:  # its desks are let go and come back to a pull that inserts the parameter sets
                stream.needs_new_pull = False
                say({"event": f"{stream.path}: a key frame came without its parameter sets: pulled again"})
                self._let_go(media)
            if (is_lingered or is_stalled or is_pulled_again) and stream.is_held:
                stream.is_held = False
                media.unprepare()
        say({"streams": [stream.status(now_s) for stream in streams]})
        return True


def main() -> int:
    Gst.init(None)
    settings = json.loads(sys.stdin.readline())
    relay = Relay(settings)
    if relay.server.attach(None) == 0:
        say({"error": f"cannot listen on {settings.get('address')}:{settings.get('port')}"})
        return 1
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)

    def read_commands() -> None:
        for line in sys.stdin:
            command = json.loads(line)
            if "mount" in command:
                GLib.idle_add(lambda m=command["mount"]: relay.mount(m["path"], m["url"]) and False)
            elif "unmount" in command:
                GLib.idle_add(lambda p=command["unmount"]: relay.unmount(p) and False)
            elif "desk_rights" in command:
                GLib.idle_add(lambda r=command["desk_rights"]: relay.set_desk_rights(r) and False)
        GLib.idle_add(loop.quit)  # the parent is gone: so is the relay

    threading.Thread(target=read_commands, daemon=True).start()
    GLib.timeout_add(1000, relay.tick)
    say({"ready": relay.server.get_bound_port()})
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
