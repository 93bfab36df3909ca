"""The wall windows' arrangement between runs: geometry, screen, layout and cameras per window."""

from __future__ import annotations

import concurrent.futures
import json
import logging
import os
import re
import tempfile
import threading
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
        self.write(encode(arrangement))

    def write(self, text: str) -> None:
        """The file replaced whole: never half-written after a crash."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(prefix=self.path.stem + ".", suffix=".partial", dir=self.path.parent)
        try:  # a partial file of its own: windows of one desk saving at once never trip over each other
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(partial, self.path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise


def encode(arrangement: SavedArrangement) -> str:
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
    return json.dumps(data, indent=2)


class ArrangementWriter:
    """Writes the arrangement on a thread of its own: the newest one, never on the GUI thread.

    The wall is saved at every change, a tour's every step too. Replacing the file on the
    GUI thread made it wait for the disk: ext4 flushes a file renamed over another, and
    beside the audit log's fsyncs one save held the GUI thread 80 ms (bench.run's tour
    switch, issue 11). The arrangement is encoded where it is saved (the windows' state
    is the GUI thread's), then written; saves that come while one is written collapse
    into the newest.
    """

    def __init__(self, store: WindowStore) -> None:
        self.store = store
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="arrangement")
        self._lock = threading.Lock()  # held for a swap of one reference, never while writing
        self._newest: str | None = None
        self._is_closed = False

    def save(self, arrangement: SavedArrangement) -> None:
        text = encode(arrangement)
        if self._is_closed:  # the console is ending: its last word is written at once
            self._newest = text
            self._write_newest()
            return
        with self._lock:
            is_written_soon = self._newest is not None
            self._newest = text
        if not is_written_soon:
            self._executor.submit(self._write_newest)

    def _write_newest(self) -> None:
        with self._lock:
            text, self._newest = self._newest, None
        if text is None:
            return
        try:
            self.store.write(text)
        except OSError as error:
            LOGGER.warning("could not save the window arrangement: %s", error)

    def close(self) -> None:
        """Wait for the last save to be on disk (the console is ending)."""
        self._is_closed = True
        self._executor.shutdown(wait=True)


def arrangement_file_name(workstation: str, user: str) -> str:
    """``walls-WORKSTATION-USER.json``, with only safe characters (``walls.json`` without either)."""
    if not workstation and not user:
        return FILE_NAME
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{workstation}-{user}").strip("._") or "desk"
    return f"walls-{safe[:100]}.json"
