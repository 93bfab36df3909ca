"""What the desk's walls show at a glance: each camera's best state, each window's summary, the first full wall.

Every tile of every wall window reports its stream state here; the camera list shows a
camera's best state over all its tiles (live over connecting over no signal), each window
its own count, and the log says once, per window, when every camera tile was first live.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence

from console.startup import marks_s, process_started_monotonic_s
from console.ui.main_window import WallWindow
from console.ui.video_tile import VideoTile
from console.video.stream import StreamState

LOGGER = logging.getLogger("uitkijk.ui")
STATE_PRIORITY = {StreamState.LIVE: 3, StreamState.CONNECTING: 2, StreamState.NO_SIGNAL: 1}


class WallStatus:
    def __init__(self, windows: Callable[[], Sequence[WallWindow]]) -> None:
        self._windows = windows
        self._tile_states: dict[tuple[int, int], tuple[str, StreamState | None]] = {}  # (window, tile) -> state
        self._fully_live: set[int] = set()

    def camera_state(self, camera_id: str) -> StreamState | None:
        states = [state for (camera, state) in self._tile_states.values() if camera == camera_id and state is not None]
        return max(states, key=lambda state: STATE_PRIORITY.get(state, 0), default=None)

    def tile_changed(self, window: WallWindow, tile: int, state: StreamState | None) -> None:
        key = (window.number, tile)
        previous = self._tile_states.get(key)
        camera = window.wall.tiles[tile].camera if tile < len(window.wall.tiles) else None
        if camera is None:
            self._tile_states.pop(key, None)
        else:
            self._tile_states[key] = (camera.id, state)
        touched = {camera.id} if camera else set()
        if previous:
            touched.add(previous[0])
        windows = self._windows()
        for camera_id in touched:
            camera_state = self.camera_state(camera_id)
            for each in windows:
                each.camera_panel.model.set_camera_state(camera_id, camera_state)
        for each in windows:
            each.update_summary(self.shown_states(each))
        self._note_first_full_wall(window)

    def refresh(self, window: WallWindow) -> None:
        """The wall changed (a layout, a tour step): its count is of the tiles on screen now."""
        window.update_summary(self.shown_states(window))

    def shown_states(self, window: WallWindow) -> list[StreamState | None]:
        """The states of the tiles on screen now, as they last said them (the count is never of tiles that went).

        Not each tile's state worked out again: that read every tile's newest frame out of shared memory
        at every tile's change, 16 x 16 frame copies while a wall starts."""
        return [tile.reported_state for tile in window.wall.tiles if tile.camera is not None]

    def forget(self, window: WallWindow) -> None:
        """A wall window closed: its tiles no longer count."""
        for key in [key for key in self._tile_states if key[0] == window.number]:
            self.tile_changed(window, key[1], None)
            self._tile_states.pop(key, None)

    def picture_shown(self, window: WallWindow) -> None:
        """A tile of ``window`` showed its camera's first live picture."""
        self._note_first_full_wall(window)

    def _note_first_full_wall(self, window: WallWindow) -> None:
        """Log once when every camera tile of a window shows a live picture: the start-up time operators feel.

        Live is a picture on screen: a stream that decodes behind the veil (no reason yet, its view not yet in the
        log) is not live to the operator. With it, when each step on the way happened (``start-up:``)."""
        if window.number in self._fully_live:
            return
        tiles = [tile for tile in window.wall.tiles if tile.camera]
        states = [self._tile_states.get((window.number, tile.index)) for tile in tiles]
        if (
            states
            and all(entry and entry[1] == StreamState.LIVE for entry in states)
            and all(tile.first_painted_s is not None for tile in tiles)
        ):
            self._fully_live.add(window.number)
            started_s = process_started_monotonic_s()
            since_start = time.monotonic() - started_s
            marks = marks_s()
            shown_s = marks.get("window shown")
            since_shown = "" if shown_s is None else f", {time.monotonic() - shown_s:.2f} s after the window showed"
            count = len(states)
            LOGGER.info("wall %d: all %d camera tiles live, %.2f s after start%s", window.number, count, since_start,
                        since_shown)  # fmt: skip
            LOGGER.info("wall %d start-up: %s", window.number, json.dumps(startup_report(tiles, marks, started_s)))


def startup_report(tiles: Sequence[VideoTile], marks: dict[str, float], started_s: float) -> dict:
    """When each step happened, in seconds after the process started: the session's, and each tile's stream's."""

    def after(moment_s: float | None) -> float | None:
        return None if moment_s is None else round(moment_s - started_s, 4)

    report_tiles = []
    for tile in tiles:
        moments = {"tile_asked": tile.asked_s, **tile.stream_phases(), "view_logged": tile.cleared_s,
                   "first_painted": tile.first_painted_s}  # fmt: skip
        report_tiles.append({"camera": tile.camera.id if tile.camera else None,
                             **{step: after(moment) for step, moment in moments.items()},
                             "first_painted_sequence": tile.first_painted_sequence})  # fmt: skip
    return {"session": {step: after(moment) for step, moment in marks.items()}, "tiles": report_tiles}
