"""Cameras that send their parameter sets in band before every key frame, before some, or only in their answer.

Runs under the system interpreter (``/usr/bin/python3`` with ``python3-gi``), as the simulator does.
Arguments: PORT FOLDER (with h264.mp4, h265.mp4 and h265-open-gop.mp4: see ``relay_cameras`` in the tests).
Prints "READY" once it listens, then serves, each shared (one pull for every viewer):
  rtsp://127.0.0.1:PORT/in-band       H.264, SPS and PPS before every IDR (most cameras)
  rtsp://127.0.0.1:PORT/out-of-band   H.264, SPS and PPS in the answer (SDP sprop-parameter-sets) only
  rtsp://127.0.0.1:PORT/hevc-in-band  H.265, VPS, SPS and PPS before every IRAP (IDR)
  rtsp://127.0.0.1:PORT/hevc-idr-only H.265 with open GOPs: VPS, SPS and PPS before its IDRs, not its CRAs
The packets leave as the payloader makes them: nothing else repeats a parameter set.
"""

import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

MOUNTS = {  # path: (clip, parser, payloader, config-interval: -1 before every IDR, 0 never)
    "/in-band": ("h264.mp4", "h264parse", "rtph264pay", -1),
    "/out-of-band": ("h264.mp4", "h264parse", "rtph264pay", 0),
    "/hevc-in-band": ("h265.mp4", "h265parse", "rtph265pay", -1),
    "/hevc-idr-only": ("h265-open-gop.mp4", "h265parse", "rtph265pay", -1),
}


def main() -> int:
    Gst.init(None)
    port, folder = sys.argv[1], sys.argv[2]
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    for path, (clip, parser, payloader, interval) in MOUNTS.items():
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(
            f"( filesrc location={folder}/{clip} ! qtdemux ! {parser} config-interval=0 ! "
            f"{payloader} name=pay0 pt=96 config-interval={interval} )"
        )
        factory.set_shared(True)
        factory.set_latency(0)
        server.get_mount_points().add_factory(path, factory)
    if server.attach(None) == 0:
        return 1
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    print("READY", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
