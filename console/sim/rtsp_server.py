"""The simulated network's RTSP server: Debian's GStreamer RTSP server.

Runs under the system interpreter (``/usr/bin/python3`` with ``python3-gi``),
not the virtual environment, because the GStreamer bindings come from Debian.
Each mount listens on a loopback UDP port for an RTP feed (pushed by an
``ffmpeg -re -stream_loop -1 ... -c copy`` process) and repackages it as RTP
without transcoding, so a mount costs almost nothing.

Input (stdin, JSON): {"port": 8554, "mounts": [{"path": "/cam", "udp_port": 40000,
"codec": "h264"|"h265", "transports": "any"|"udp"}]}
Output (stdout): one line "READY <port>" once the server listens.
"""

import json
import signal
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

# The feed arrives as RTP; it is depayloaded and payloaded again so that every
# viewer gets parameter sets at each keyframe. udpsrc stamps buffers with their
# arrival time, so a feeder that restarts (a camera coming back) continues at once.
REPAYLOAD = {
    "h264": "rtph264depay ! h264parse name=parse config-interval=-1 ! rtph264pay name=pay0 pt=96 config-interval=-1",
    "h265": "rtph265depay ! h265parse name=parse config-interval=-1 ! rtph265pay name=pay0 pt=96 config-interval=-1",
}
ENCODING_NAMES = {"h264": "H264", "h265": "H265"}
WARM_UP_TIMEOUT_S = 30.0  # a mount's first frame, on a loaded machine


def make_factory(mount: dict) -> GstRtspServer.RTSPMediaFactory:
    factory = GstRtspServer.RTSPMediaFactory()
    codec = mount.get("codec", "h264")
    launch = (
        f"( udpsrc address=127.0.0.1 port={int(mount['udp_port'])} buffer-size=4194304 "
        f'caps="application/x-rtp,media=video,clock-rate=90000,payload=96,encoding-name={ENCODING_NAMES[codec]}" ! '
        f"{REPAYLOAD[codec]} )"
    )
    factory.set_launch(launch)
    factory.set_shared(True)
    factory.set_latency(0)
    if mount.get("transports") == "udp":
        factory.set_protocols(GstRtsp.RTSPLowerTrans.UDP)
    return factory


def hold_prepared(factory: GstRtspServer.RTSPMediaFactory, port: int, path: str) -> GstRtspServer.RTSPMedia:
    """Prepare the shared media once and keep it prepared.

    A camera streams whether or not anyone watches. Without this the server
    tears the pipeline down when the last viewer leaves, and a viewer that
    reconnects at that moment gets a 503 reply and waits for a new preroll.
    """
    _, url = GstRtsp.RTSPUrl.parse(f"rtsp://127.0.0.1:{port}{path}")
    media = factory.construct(url)
    media.prepare(None)
    return media


def play_once(port: int, path: str, timeout_s: float = WARM_UP_TIMEOUT_S) -> bool:
    """Be a mount's first viewer for one frame, then leave; True when a frame came.

    A prepared live media stays blocked until its first viewer plays it: until then
    udpsrc read nothing and the feed piled up in its socket (4 MB, then dropped), and
    that first viewer got all of it at once, old and damaged, before the live picture.
    Once played, the media runs on after its last viewer left, reading its feed and
    dropping it as a camera does; every real viewer then joins the live stream.
    Over UDP: after a warm-up over TCP, some mounts' streams (3 of 72) stopped reading
    their feed again, as if still sending to the viewer that had left.
    """
    pipeline = Gst.parse_launch(
        f"rtspsrc location=rtsp://127.0.0.1:{port}{path} protocols=udp latency=0 ! "
        "fakesink name=sink sync=false signal-handoffs=true"
    )
    came = threading.Event()
    pipeline.get_by_name("sink").connect("handoff", lambda *_: came.set())
    pipeline.set_state(Gst.State.PLAYING)
    try:
        return came.wait(timeout_s)
    finally:
        pipeline.set_state(Gst.State.NULL)  # TEARDOWN: the held media keeps playing


def start_at_key_frame(client: GstRtspServer.RTSPClient, ctx: GstRtspServer.RTSPContext) -> GstRtsp.RTSPStatusCode:
    """Before a PLAY: a mount nobody watches sends its next viewer nothing before a key frame.

    Joined mid-GOP, a viewer's decoder met frames whose references it never got ("Missing
    reference picture", "Could not find ref with POC"); a camera starts a new viewer on a key
    frame. Only when no one else watches: dropping the shared stream's frames would damage theirs.
    """
    media = ctx.media
    if media is not None and not any(media.get_stream(i).transport_filter(None) for i in range(media.n_streams())):
        parse = media.get_element().get_by_name("parse")
        if parse is not None:
            parse.get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, _drop_until_key_frame)
    return GstRtsp.RTSPStatusCode.OK


def _drop_until_key_frame(_pad: Gst.Pad, info: Gst.PadProbeInfo) -> Gst.PadProbeReturn:
    if info.get_buffer().has_flags(Gst.BufferFlags.DELTA_UNIT):
        return Gst.PadProbeReturn.DROP
    return Gst.PadProbeReturn.REMOVE  # the key frame passes, and every frame after it


def main() -> int:
    spec = json.load(sys.stdin)
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(int(spec["port"])))
    pool = GstRtspServer.RTSPThreadPool()
    pool.set_max_threads(-1)  # otherwise client set-ups serialise on one thread
    server.set_thread_pool(pool)
    server.connect("client-connected", lambda _server, client: client.connect("pre-play-request", start_at_key_frame))
    mounts = server.get_mount_points()
    factories = []
    for mount in spec["mounts"]:
        factory = make_factory(mount)
        mounts.add_factory(mount["path"], factory)
        factories.append((factory, mount["path"]))
    if server.attach(None) == 0:
        print(f"ERROR cannot listen on 127.0.0.1:{spec['port']}", flush=True)
        return 1
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    port = server.get_bound_port()
    held_media: list = []

    def hold(factory: GstRtspServer.RTSPMediaFactory, path: str) -> None:
        held_media.append(hold_prepared(factory, port, path))
        if not play_once(port, path):
            print(f"no frame from {path} in {WARM_UP_TIMEOUT_S:.0f} s", file=sys.stderr, flush=True)

    for factory, path in factories:  # in parallel: each waits for its feed's first keyframe
        threading.Thread(target=hold, args=(factory, path), daemon=True).start()
    print(f"READY {port}", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
