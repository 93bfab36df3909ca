"""The wall windows' arrangement between runs: geometry, screen, layout and cameras per window."""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
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
    """One arrangement per workstation and user: two desks on one data folder never share (or race on) it."""

    def __init__(self, settings_dir: Path, workstation: str = "", user: str = "") -> None:
        self.path = settings_dir / arrangement_file_name(workstation, user)
        self.shared_path = settings_dir / FILE_NAME  # before arrangements were per desk: read once, never written

    def load(self) -> SavedArrangement:
        path = self.path if self.path.exists() or not self.shared_path.exists() else self.shared_path
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(prefix=self.path.stem + ".", suffix=".partial", dir=self.path.parent)
        try:  # a partial file of its own: windows of one desk saving at once never trip over each other
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(data, indent=2))
            os.replace(partial, self.path)  # never a half-written file after a crash
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise


def arrangement_file_name(workstation: str, user: str) -> str:
    """``walls-WORKSTATION-USER.json``, with only safe characters (``walls.json`` without either)."""
    if not workstation and not user:
        return FILE_NAME
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{workstation}-{user}").strip("._") or "desk"
    return f"walls-{safe[:100]}.json"
