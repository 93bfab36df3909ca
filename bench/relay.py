"""The relay against a copy: CPU per stream beside ``ffmpeg -c copy``, glass-to-glass beside a direct pull.

The real relay (``RelayService``, its own forwarder by default) on the
simulated network with a live clock camera, measured in rounds; each round measures its raw
limit in the same run: FFmpeg decoding the clock camera directly beside FFmpeg decoding it
through the relay, and ``ffmpeg -c copy`` of the same sub streams directly beside the relay's
own CPU while one ``ffmpeg -c copy`` per stream pulls through it. Median and spread over the
rounds, the load average, and how the relay carried each stream (forwarded as it came, or
its parameter sets inserted). Exits non-zero when a figure could not be measured.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.relay [--rounds 3] [--seconds 10] [--streams 8]
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.cameras import simulated_network
from bench.live_clock import LiveClockFeeder, feed_the_clock
from bench.room import RELAYED_STREAMS, relay_cpu, relay_latency
from bench.run import CLOCK_CAMERA, TILES, save_results, write_config
from console.config.loader import load_camera_config
from console.config.room import WHEN_DOWN, Puller, Relay
from console.sim.network import free_port

TARGET_RATIO = 1.5  # the relay's CPU per stream at most this many times a copy's
TARGET_ADDED_MS = 10.0  # glass-to-glass through the relay at most this much more than direct


def spread(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of both figures")
    parser.add_argument("--seconds", type=float, default=10.0, help="measuring window per figure and round")
    parser.add_argument("--streams", type=int, default=RELAYED_STREAMS, help="sub streams pulled for the CPU figure")
    arguments = parser.parse_args()
    from console.relay.service import RelayService

    work = Path(tempfile.mkdtemp(prefix="uitkijk-bench-relay-"))
    folder = work / "config"
    folder.mkdir()
    network_port = free_port()
    write_config(folder, network_port, extra_cameras=max(0, arguments.streams + 1 - TILES))  # the clock is not one
    config = load_camera_config(folder, {})
    network = simulated_network(config, clip_seconds=10)
    rounds: list[dict] = []
    service = None
    feeders: list[LiveClockFeeder] = []
    load_before = os.getloadavg()
    try:
        print(f"Starting {len(network.cameras)} simulated cameras and the relay\u2026", file=sys.stderr)
        network.start()
        secret = secrets.token_urlsafe(18)  # the bench pulls as a service of its own (a throwaway secret)
        relay = Relay("127.0.0.1", free_port(), "127.0.0.1", 10.0, dict(WHEN_DOWN), secret, "bench",
                      (Puller("bench", secret, is_desk=False),))  # fmt: skip
        service = RelayService(config, relay, work, None)
        service.start()
        others = [camera.id for camera in config.cameras if camera.id != CLOCK_CAMERA][: arguments.streams]
        for number in range(arguments.rounds):
            print(f"Round {number + 1} of {arguments.rounds}\u2026", file=sys.stderr)
            feeders = feed_the_clock(network, CLOCK_CAMERA)
            latency = relay_latency(config.camera(CLOCK_CAMERA).stream_url("sub") or "",
                                    relay.url(CLOCK_CAMERA, "sub"), arguments.seconds)  # fmt: skip
            for feeder in feeders:
                feeder.stop()
            feeders = []
            cpu = relay_cpu(service, network_port, others, arguments.seconds)
            rounds.append({"latency": latency, "cpu": cpu, "load_average": os.getloadavg()})
    except (RuntimeError, TimeoutError, subprocess.TimeoutExpired, StopIteration) as error:
        print(f"a figure could not be measured: {error!r}", file=sys.stderr)
        return 1
    finally:
        for feeder in feeders:
            feeder.stop()
        if service is not None:
            service.stop()
        network.stop()
    if any(item["cpu"]["ratio"] is None for item in rounds):
        print("a figure could not be measured: ffmpeg -c copy used no CPU", file=sys.stderr)
        return 1
    results = {
        "rounds": arguments.rounds,
        "seconds": arguments.seconds,
        "streams": arguments.streams,
        "load_average_before": load_before,
        "direct_ms": spread([item["latency"]["direct"]["median_ms"] for item in rounds]),
        "relayed_ms": spread([item["latency"]["relayed"]["median_ms"] for item in rounds]),
        "added_ms": spread([item["latency"]["added_median_ms"] for item in rounds]),
        "relay_percent_per_stream": spread([item["cpu"]["relay_percent_of_a_core_per_stream"] for item in rounds]),
        "copy_percent_per_stream": spread([item["cpu"]["ffmpeg_copy_percent_of_a_core_per_stream"] for item in rounds]),
        "ratio": spread([item["cpu"]["ratio"] for item in rounds]),
        "round_details": rounds,
    }
    print_table(results)
    save_results("relay", results)
    return 0


def print_table(results: dict) -> None:
    print(f"\nUitkijk relay benchmark ({results['rounds']} rounds of {results['seconds']:.0f} s, "
          f"{results['streams']} sub streams, loopback, load average before "
          f"{' '.join(f'{value:.2f}' for value in results['load_average_before'])})")  # fmt: skip
    print(f"{'figure':52} {'median':>8} {'min':>8} {'max':>8}  target")
    rows = [
        ("glass-to-glass direct (FFmpeg decode), ms", results["direct_ms"], ".0f", ""),
        ("glass-to-glass through the relay, ms", results["relayed_ms"], ".0f", ""),
        ("added by the relay, ms", results["added_ms"], ".0f", f"<= {TARGET_ADDED_MS:.0f}"),
        ("relay CPU per stream, % of a core", results["relay_percent_per_stream"], ".2f", ""),
        ("ffmpeg -c copy CPU per stream, % of a core", results["copy_percent_per_stream"], ".2f", "(raw limit)"),
        ("relay / copy", results["ratio"], ".2f", f"<= {TARGET_RATIO}"),
    ]
    for label, figure, style, target in rows:
        print(f"{label:52} {figure['median']:>8{style}} {figure['min']:>8{style}} {figure['max']:>8{style}}  {target}")
    carried = sorted({value for item in results["round_details"] for value in item["cpu"]["carried"]})
    print(f"streams carried: {', '.join(carried)}\n")


if __name__ == "__main__":
    sys.exit(main())
