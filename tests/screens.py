"""A screen of a given size for Qt's offscreen platform (its default screen is 800x800)."""

from __future__ import annotations

import json
from pathlib import Path


def offscreen_platform(folder: Path, width_px: int, height_px: int) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of this size (a desk's monitor)."""
    config = folder / f"screen-{width_px}x{height_px}.json"
    screen = {"name": "desk", "x": 0, "y": 0, "width": width_px, "height": height_px, "logicalDpi": 96,
              "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
                                  "screens": [screen]}))  # fmt: skip
    return f"offscreen:configfile={config}"
