"""Real recording files for the archive's tests: MPEG-TS segments remuxed (``-c copy``) from a simulator clip."""

from __future__ import annotations

import hashlib
import subprocess
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
