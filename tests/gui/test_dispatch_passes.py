"""The dispatch panel's refresh and the wall's new frames share a pass budget: never both in one pass.

bench.run's dispatching phase reached 50-52 ms gaps: one pass of the event loop showed a new board in the
panel (tables, form, column widths) and painted 16 tiles' new frames. A pass is told here by a zero-time
timer, which runs once in every pass of the event loop: what happens between two of its runs is one pass.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer

from console.access.permissions import Role
from console.ui import wall_view
from console.ui.passes import FRAMES_AND_PANELS
from console.ui.wall_view import WallView
from console.video.hub import StreamHub
from console.wall.state import WallState
from tests.gui.test_dispatch_panel import desk  # noqa: F401 - fixture
from tests.gui.test_tiles_and_wall import StillReader, config  # noqa: F401 - fixture

REFRESHES = 6
BIG_BOARD = 60  # incidents


def bigger_board(board, number: int):
    """The board with BIG_BOARD more incidents, new ones each time (a busy night's queue)."""
    more = tuple(dataclasses.replace(board.incidents[index % len(board.incidents)], id=f"2026-9{number:02d}{index:02d}")
                 for index in range(BIG_BOARD))  # fmt: skip
    return dataclasses.replace(board, revision=board.revision + number, incidents=board.incidents + more)


class LiveReader(StillReader):
    """A camera with a new frame whenever the wall looks."""

    sequences = itertools.count(1)

    def latest(self):
        assert self.frame is not None
        return dataclasses.replace(self.frame, sequence=next(self.sequences))


class Passes(QObject):
    """What happened, in order: "pass" at each run of a zero-time timer, "frame" for a tile's paint, "board"."""

    def __init__(self, tiles) -> None:
        super().__init__()
        self.events: list[str] = []
        self._tiles = {id(tile) for tile in tiles}
        for tile in tiles:
            tile.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: self.events.append("pass"))
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and id(watched) in self._tiles:
            self.events.append("frame")
        return False

    def around_boards(self) -> list[str]:
        at = [index for index, event in enumerate(self.events) if event == "board"]
        return [" ".join(self.events[max(0, index - 12) : index + 12]) for index in at]

    def frames_with_a_board(self) -> list[int]:
        """For each pass that showed a board: how many tiles it painted."""
        passes: list[list[str]] = [[]]
        for event in self.events[self.events.index("pass") :]:  # whole passes only
            if event == "pass":
                passes.append([])
            else:
                passes[-1].append(event)
        return [done.count("frame") for done in passes if "board" in done]


@pytest.fixture
def live_hub():
    return StreamHub(reader_factory=LiveReader)


def test_a_new_board_is_shown_in_a_pass_without_the_walls_new_frames(qtbot, config, live_hub, desk, monkeypatch):  # noqa: F811
    monkeypatch.setattr(wall_view, "FRAME_POLL_MS", 0)  # the wall looks for new frames in every pass: it has them
    monkeypatch.setattr(FRAMES_AND_PANELS, "budget_s", 0.000_01)  # a tile's frame spends it, on any machine
    cameras = [camera.id for camera in config.cameras if camera.streams is not None][:16]
    wall = WallView(config, live_hub, WallState("4x4", cameras))
    qtbot.addWidget(wall)
    wall.resize(1280, 720)
    wall.show()
    qtbot.waitUntil(lambda: all(tile.painted_frames > 1 for tile in wall.tiles if tile.camera), timeout=10_000)
    panel = desk(Role.OPERATOR)
    panel.show()
    qtbot.waitExposed(panel)
    passes = Passes(wall.tiles)
    qtbot.waitUntil(lambda: passes.events.count("pass") > 2)  # recording from the start of a pass
    panel.queue_model.modelReset.connect(lambda: passes.events.append("board"))
    for shown in range(1, REFRESHES + 1):  # the feed brings a board while the wall paints new frames
        board = bigger_board(panel.feed.board, shown)
        QTimer.singleShot(0, lambda b=board: panel.feed.changed.emit(b))
        qtbot.waitUntil(lambda n=shown: passes.events.count("board") == n, timeout=10_000)
    painted = wall.tiles[0].painted_frames
    qtbot.waitUntil(lambda: wall.tiles[0].painted_frames > painted + 2, timeout=10_000)  # the wall goes on
    assert passes.frames_with_a_board() == [0] * REFRESHES, passes.around_boards()
