"""Simulated ONVIF PTZ cameras in a process of their own, for the PTZ benchmark.

Prints one JSON line with the ports, then "REQUEST <port> <action> <monotonic time>"
as each request arrives, so the benchmark sees when a command was on the wire.
"""

from __future__ import annotations

import json
import sys
import threading
import time

from console.sim.onvif_server import OnvifServer, SimulatedOnvifDevice, StreamProfile
from console.sim.ptz_head import PtzHead

USERNAME, PASSWORD = "bench", "Bench-Wachtwoord-3"


def main() -> int:
    count = int(sys.argv[1])
    lock = threading.Lock()
    servers = []
    for index in range(count):
        profiles = [StreamProfile("main", "Main", 1280, 720, f"rtsp://127.0.0.1:1/ptz-{index}"),
                    StreamProfile("sub", "Sub", 640, 360, f"rtsp://127.0.0.1:1/ptz-{index}-sub")]  # fmt: skip
        device = SimulatedOnvifDevice(f"ptz-{index}", USERNAME, PASSWORD, profiles, PtzHead())
        server = OnvifServer(device)

        def report(action: str, port: int = server.port) -> None:
            stamp = time.monotonic()
            with lock:
                print(f"REQUEST {port} {action} {stamp:.6f}", flush=True)

        device.on_request = report
        server.start()
        servers.append(server)
    print(json.dumps({"ports": [server.port for server in servers]}), flush=True)
    sys.stdin.read()  # until the benchmark closes our input
    for server in servers:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
