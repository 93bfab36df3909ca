"""The floor for painted latency: a bare decode of the clock stream with the FFmpeg libraries the console uses.

PyAV, the console's options (``low_latency_options``), one decoder thread, no Qt, no
scaling: the stamp is read from the luma plane the moment a frame is decoded. Run by
bench/run.py in a process of its own beside the console, on the same stream, in the
same run; prints one JSON list of latencies in milliseconds.

    .venv/bin/python -m bench.pyav_floor URL SECONDS
"""

from __future__ import annotations

import json
import sys
import time

import av
import numpy as np

from bench.live_clock import now_millis, read_stamp
from console.video.pyav_reader import low_latency_options


def main() -> int:
    url, seconds = sys.argv[1], float(sys.argv[2])
    samples: list[int] = []
    deadline = time.monotonic() + seconds
    with av.open(url, options=low_latency_options("tcp", 2.0)) as container:
        stream = container.streams.video[0]
        stream.codec_context.thread_count = 1
        for packet in container.demux(stream):
            for frame in packet.decode():
                plane = frame.planes[0]
                luma = np.frombuffer(plane, np.uint8).reshape(frame.height, plane.line_size)[:, : frame.width]
                stamp = read_stamp(luma)
                if stamp is not None:
                    samples.append(now_millis() - stamp)
            if time.monotonic() > deadline:
                break
    print(json.dumps(samples))
    return 0 if samples else 1


if __name__ == "__main__":
    sys.exit(main())
