"""Real recording files for the archive's tests: MPEG-TS segments remuxed (``-c copy``) from a simulator clip."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

SIMULATOR_CACHE = Path("/work/simcache/sim-clips")


def source_clip(folder: Path) -> Path:
    """An H.264 clip in MPEG-TS: a simulator clip made before (its cache), else one made now (3 s, small)."""
    cached = sorted(SIMULATOR_CACHE.glob("*-sub-*.ts")) if SIMULATOR_CACHE.is_dir() else []
    if cached:
        return cached[0]
    clip = folder / "source.ts"
    if not clip.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=10:duration=3",
                        "-c:v", "libx264", "-preset", "ultrafast", "-g", "10", "-f", "mpegts", str(clip)],
                       check=True, capture_output=True)  # fmt: skip
    return clip


def make_segment(source: Path, path: Path, seconds: float = 2.0, container: str = "mpegts") -> tuple[int, str]:
    """A segment of ``seconds`` remuxed from ``source`` at ``path``: its size and SHA-256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    index_first = ["-movflags", "+faststart"] if container == "mp4" else []  # as a camera writes it
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(source), "-t", str(seconds), "-c", "copy",
                    *index_first, "-f", container, str(path)], check=True, capture_output=True)  # fmt: skip
    data = path.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


def write_recorded_cameras(folder: Path, port: int, cameras: Mapping[str, str | None], name: Callable[[str], str],
                           street: str, retention_days: int = 30) -> None:  # fmt: skip
    """A whole config folder (the demo users): ``cameras`` (camera -> the stream it records, None: not recorded),
    each a main and a sub stream of the simulator on ``port``."""
    from console.paths import DEFAULT_CONFIG_DIR

    lines = ["version: 1", "areas:", "  - {id: station, name: Station}", "cameras:"]
    for index, (camera, stream) in enumerate(cameras.items()):
        lines += [
            f"  - id: {camera}",
            f"    name: {name(camera)}",
            "    kind: fixed",
            "    area: station",
            f"    location: {{street: {street}, lat: {50.8 + index * 0.001:.3f}, lon: 3.2}}",
            "    streams:",
            f"      main: rtsp://127.0.0.1:{port}/{camera}",
            f"      sub: rtsp://127.0.0.1:{port}/{camera}-sub",
        ]
        if stream is not None:
            lines.append(f"    recording: {{stream: {stream}, retention_days: {retention_days}}}")
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", folder / "users.yaml")
