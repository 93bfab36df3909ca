"""The benchmarks' simulated cameras: clips made once for every run, and run as other machines would be.

A room's cameras are devices of their own; here they share the desk's two cores. At a
lower priority (``REMOTE_NICENESS``) they take what the console leaves, so a figure of the
console's is not the simulator's.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from console.config.loader import CameraConfig
from console.paths import DEFAULT_CONFIG_DIR
from console.sim.clips import CLIP_SECONDS
from console.sim.from_config import build_network
from console.sim.network import REMOTE_NICENESS, SimNetwork

CLIP_DIR = Path(tempfile.gettempdir()) / "uitkijk-bench-clips"


def simulated_network(config: CameraConfig, clip_seconds: int = CLIP_SECONDS) -> SimNetwork:
    return build_network(config, CLIP_DIR, clip_seconds=clip_seconds, niceness=REMOTE_NICENESS)


def write_cameras(
    folder: Path, port: int, cameras: Sequence[str], recording: str | None = None, area: str = "bench"
) -> None:
    """A config folder: the simulated ``cameras`` (each a main and a sub stream on ``port``), recorded as
    ``recording`` says (``{stream: main, retention_days: 30}``) or not at all, and the demo users. ``area``: the
    cameras' area id (the street scene draws a park's playground for "park")."""
    lines = ["version: 1", "areas:", f"  - {{id: {area}, name: Benchmark}}", "cameras:"]
    for camera in cameras:
        lines += [
            f"  - id: {camera}",
            f"    name: Bench {camera}",
            "    kind: fixed",
            f"    area: {area}",
            "    location: {street: Benchstraat, lat: 50.8, lon: 3.2}",
            "    streams:",
            f"      main: rtsp://127.0.0.1:{port}/{camera}",
            f"      sub: rtsp://127.0.0.1:{port}/{camera}-sub",
        ]
        lines += [f"    recording: {recording}"] if recording is not None else []
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", folder / "users.yaml")
