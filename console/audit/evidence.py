"""Snapshots kept as evidence: the PNG and a JSON sidecar that names camera, time, user, reason and hash."""

from __future__ import annotations

import json
import os
from pathlib import Path


def evidence_paths(folder: Path, camera_id: str, utc: str) -> tuple[Path, Path]:
    """``folder/YYYY-MM-DD/camera_YYYYMMDDTHHMMSS.ffffffZ.png`` and its ``.json``."""
    stamp = utc.replace("-", "").replace(":", "")
    day = folder / utc[:10]
    return day / f"{camera_id}_{stamp}.png", day / f"{camera_id}_{stamp}.json"


def save_evidence(png_path: Path, json_path: Path, png: bytes, sidecar: dict) -> None:
    """Write both files, flushed to disk; never overwrite an existing piece of evidence."""
    png_path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n"
    for path, data in ((png_path, png), (json_path, text.encode())):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
