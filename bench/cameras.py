"""The benchmarks' simulated cameras: clips made once for every run, and run as other machines would be.

A room's cameras are devices of their own; here they share the desk's two cores. At a
lower priority (``REMOTE_NICENESS``) they take what the console leaves, so a figure of the
console's is not the simulator's.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from console.config.loader import CameraConfig
from console.sim.clips import CLIP_SECONDS
from console.sim.from_config import build_network
from console.sim.network import REMOTE_NICENESS, SimNetwork

CLIP_DIR = Path(tempfile.gettempdir()) / "uitkijk-bench-clips"


def simulated_network(config: CameraConfig, clip_seconds: int = CLIP_SECONDS) -> SimNetwork:
    return build_network(config, CLIP_DIR, clip_seconds=clip_seconds, niceness=REMOTE_NICENESS)
