"""The wall windows' arrangement between runs: geometry, screen, layout and cameras per window."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.wall.state import WallState

LOGGER = logging.getLogger("uitkijk.ui")
FILE_NAME = "walls.json"


@dataclass
class SavedWindow:
    wall: WallState
    geometry: str = ""  # QWidget.saveGeometry(), base64
    window_state: str = ""  # QMainWindow.saveState(), base64 (docks, toolbars)
    is_full_screen: bool = False


@dataclass
class SavedArrangement:
    windows: list[SavedWindow] = field(default_factory=list)


class WindowStore:
    def __init__(self, settings_dir: Path) -> None:
        self.path = settings_dir / FILE_NAME

    def load(self) -> SavedArrangement:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            windows = [
                SavedWindow(
                    WallState.from_dict(item.get("wall", {})),
                    str(item.get("geometry", "")),
                    str(item.get("window_state", "")),
                    bool(item.get("is_full_screen", False)),
                )
                for item in raw.get("windows", [])
                if isinstance(item, dict)
            ]
            return SavedArrangement(windows)
        except FileNotFoundError:
            return SavedArrangement()
        except (OSError, ValueError, AttributeError) as error:
            LOGGER.warning("ignoring the saved window arrangement in %s: %s", self.path, error)
            return SavedArrangement()

    def save(self, arrangement: SavedArrangement) -> None:
        data: dict[str, Any] = {
            "version": 1,
            "windows": [
                {
                    "wall": window.wall.to_dict(),
                    "geometry": window.geometry,
                    "window_state": window.window_state,
                    "is_full_screen": window.is_full_screen,
                }
                for window in arrangement.windows
            ],
        }
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(partial, self.path)  # never a half-written file after a crash
