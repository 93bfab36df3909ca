"""ONVIF events: what one camera's PullPoint follower costs, quiet and under a flood.

A simulated camera runs in a process of its own (its SOAP rendering is not ours to count); this
process runs one :class:`OnvifEventFollower` on it and measures, per phase: the CPU of this process
(% of one core), the messages pulled a second, the events handed over a second, the longest the
follower's queue was, and the state's ``dropped`` and ``flooding``. Phases: quiet (long polls only),
10 events a second, a flood of 1000 a second. Prints a table and a JSON object (also in
bench/results/onvif_events.json).

    .venv/bin/python -m bench.onvif_events [--seconds 8]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time

from bench.run import save_results
from console.config.schema import OnvifEndpoint
from console.event_intake.onvif_follower import OnvifEventFollower
from console.sim.onvif_server import OnvifServer, SimulatedOnvifDevice, StreamProfile

USERNAME, PASSWORD = "bench", "Bench-Wachtwoord-5"


def camera_main() -> int:
    """The simulated camera: prints its port, then obeys 'flood N' / 'quiet' lines on its input."""
    profiles = [StreamProfile("main", "Main", 1280, 720, "rtsp://127.0.0.1:1/cam")]
    device = SimulatedOnvifDevice("bench-cam", USERNAME, PASSWORD, profiles)
    server = OnvifServer(device)
    server.start()
    print(json.dumps({"port": server.port}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if words and words[0] == "flood":
            device.start_flood(float(words[1]))
        elif words and words[0] == "quiet":
            device.stop_flood()
    server.stop()
    return 0


def measure(seconds: float) -> dict[str, dict[str, float]]:
    camera = subprocess.Popen([sys.executable, "-m", "bench.onvif_events", "--camera"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert camera.stdin is not None and camera.stdout is not None
    port = json.loads(camera.stdout.readline())["port"]
    lock = threading.Lock()
    handed = [0]
    states: list[dict] = []

    def on_event(event: object) -> None:
        with lock:
            handed[0] += 1

    endpoint = OnvifEndpoint(host="127.0.0.1", port=port, username=USERNAME, password=PASSWORD)
    follower = OnvifEventFollower("bench-cam", endpoint, on_event, states.append)
    follower.start()
    results: dict[str, dict[str, float]] = {}
    try:
        deadline = time.monotonic() + 20
        while follower.state["subscription"] != "active":
            assert time.monotonic() < deadline, "the follower did not subscribe"
            time.sleep(0.05)
        time.sleep(1.0)  # the camera's states, sent to a new subscription, handed over
        for phase, per_s in (("quiet", 0), ("10 events/s", 10), ("flood 1000/s", 1000)):
            camera.stdin.write(f"flood {per_s}\n" if per_s else "quiet\n")
            camera.stdin.flush()
            time.sleep(1.0)  # settle
            follower.max_queued = 0
            with lock:
                handed_before = handed[0]
            state_before = follower.state
            cpu_before, started = time.process_time(), time.monotonic()
            pulled_samples = []
            while time.monotonic() - started < seconds:
                time.sleep(1.0)
                pulled_samples.append(follower.state["events_per_s"])
            elapsed = time.monotonic() - started
            cpu_pct = 100 * (time.process_time() - cpu_before) / elapsed
            state = follower.state
            with lock:
                handed_per_s = (handed[0] - handed_before) / elapsed
            results[phase] = {
                "cpu_pct_of_a_core": round(cpu_pct, 2),
                "pulled_per_s": round(sum(pulled_samples) / len(pulled_samples), 1) if pulled_samples else 0.0,
                "handed_over_per_s": round(handed_per_s, 1),
                "max_queued": follower.max_queued,
                "dropped": state["dropped"] - state_before["dropped"],
                "coalesced": state["coalesced"] - state_before["coalesced"],
                "flooding": bool(state["flooding"]),
            }
            camera.stdin.write("quiet\n")
            camera.stdin.flush()
    finally:
        follower.stop()
        camera.stdin.close()
        camera.wait(10)
    return results


def unmeasured(results: dict[str, dict[str, float]]) -> list[str]:
    """The figures that could not be measured (a phase missing, or the events sent never pulled nor handed over)."""
    missing = [f"{phase}: not measured" for phase in ("quiet", "10 events/s", "flood 1000/s") if phase not in results]
    for phase in ("10 events/s", "flood 1000/s"):
        row = results.get(phase)
        if row is not None and not (row["pulled_per_s"] > 0 and row["handed_over_per_s"] > 0):
            missing.append(f"{phase}: no event pulled or handed over")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--camera", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.camera:
        return camera_main()
    try:
        results = measure(options.seconds)
    except (AssertionError, OSError, ValueError) as error:  # the camera or the subscription never came up
        print(f"bench.onvif_events: could not measure: {error}", file=sys.stderr)
        return 1
    print(f"{'phase':<14} {'CPU %':>7} {'pulled/s':>9} {'handed/s':>9} {'max queue':>10} {'dropped':>8} flooding")
    for phase, row in results.items():
        print(f"{phase:<14} {row['cpu_pct_of_a_core']:>7} {row['pulled_per_s']:>9} {row['handed_over_per_s']:>9} "
              f"{row['max_queued']:>10} {row['dropped']:>8} {row['flooding']}")  # fmt: skip
    print(json.dumps(results))
    save_results("onvif_events", results)
    missing = unmeasured(results)
    for line in missing:
        print(f"bench.onvif_events: could not measure {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
