"""Instant replay on a wall's tiles: F9 jumps back 10 s, again 30 s, again 2 min (from live); F10 is live again.

Playing back a recording is an access under the law (domain rule 3), like live viewing: the
recordings service decides (the role, the desk's reason, the 30-day window), the ``playback
start`` entry is in the audit log, with the board's presence in its transaction, before the
recorded picture shows, and ``playback stop`` is logged when the tile goes live again (F10, a
new camera on the tile, a new reason, the wall closing). Meanwhile the tile says PLAYBACK and
the picture's recording time in magenta; its live stream stays connected, so live is back at once.

A camera that is not recorded, or has nothing recorded yet, or a refusal: the tile says why
for a few seconds and stays live.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from console.access.permissions import Action
from console.audit.log import Record
from console.services.recordings import Grant, Recordings
from console.store import archive, presence
from console.store.backend import Database
from console.ui.accountability import Accountability
from console.ui.tasks import TaskRunner
from console.ui.wall_view import WallView
from console.ui.words import say
from console.video.playback_reader import (
    PlaybackClock,
    PlaybackReader,
    SegmentSource,
    segments_in_store,
    utc_text_of,
)
from console.wording import WordedError

BACK_STEPS_S = (10, 30, 120)  # F9, F9 again, F9 again (each from live); a fourth F9 jumps 2 min back again
REPLAY_KEY, LIVE_KEY = "F9", "F10"  # at the keyboard's edge: found blind, and free on the wall


@dataclass
class _Replay:
    camera: str
    back_s: int
    grant: Grant
    reader: PlaybackReader
    token: int
    is_asked: bool = False  # its playback start is handed to the audit log
    is_logged: bool = False  # ... and durable: the recorded picture may show


class InstantReplay(QObject):
    """The instant replays of one wall window's tiles, each under the law (see the module's docstring)."""

    replay_started = Signal(int)  # tile: its playback start is logged; it says PLAYBACK from now on
    replay_shown = Signal(int)  # tile: its first recorded picture is painted
    live_again = Signal(int)  # tile

    def __init__(self, accountability: Accountability, recordings: Recordings, wall: WallView, wall_name: str,
                 database: Database, segments_of: Callable[[str], SegmentSource] | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.accountability = accountability
        self.recordings = recordings
        self.wall = wall
        self.wall_name = wall_name
        self.database = database
        self._segments_of = segments_of or (lambda camera: segments_in_store(database, camera))
        self._replays: dict[int, _Replay] = {}  # tile -> its replay
        self._token = 0
        self._tasks = TaskRunner(self)
        self._index = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="replay-index")
        self._stopping: list[PlaybackReader] = []  # asked to stop; joined at shutdown (they end at once)
        self._ended_unlogged: dict[int, tuple[int, _Replay]] = {}  # token -> tile, a replay that ended before its
        # start was durable: its stop is logged as soon as the start is (never a start without its stop)
        wall.state_changed.connect(self._on_wall_state_changed)
        wall.replay_painted.connect(self.replay_shown)
        accountability.reason_changed.connect(self._on_reason_changed)
        self._hint_tiles()

    # -- the keys --------------------------------------------------------------------------------
    def back(self, tile: int | None = None) -> None:
        """F9: the selected tile's camera 10 s back; pressed again 30 s, again 2 min (from live)."""
        index = self.wall.state.selected if tile is None else tile
        tiles = self.wall.tiles
        camera = tiles[index].camera if 0 <= index < len(tiles) else None
        if camera is None:
            self.wall.answered.emit(self.tr("F9: select a tile with a camera first"))
            return
        view = tiles[index]
        if camera.recording is None:
            self._refuse(index, self.tr("{camera} is not recorded").format(camera=camera.name))
            return
        current = self._replays.get(index)
        back_s = BACK_STEPS_S[0]
        if current is not None and current.camera == camera.id:
            later = [step for step in BACK_STEPS_S if step > current.back_s]
            back_s = later[0] if later else BACK_STEPS_S[-1]
        now = dt.datetime.now(dt.UTC)
        start = now - dt.timedelta(seconds=back_s)
        try:
            grant = self.recordings.decide(self.accountability.session, Action.PLAY_RECORDINGS, None, [camera.id],
                                           start, now)  # fmt: skip
        except WordedError as error:
            self._refuse(index, say(error))
            return
        if current is not None:
            self._end(index, keep_picture=True)  # the replay before ends in the log; this one starts
        self._token += 1
        token = self._token
        clock = PlaybackClock(start.timestamp())
        reader = PlaybackReader(camera.id, self._segments_of(camera.id), clock, f"{camera.id}.replay")
        reader.set_target_size(*view._device_size())
        reader.start()  # it finds and decodes the recording while the access is checked in the index and logged
        replay = _Replay(camera.id, back_s, grant, reader, token)
        self._replays[index] = replay
        span = (utc_text_of(start.timestamp()), utc_text_of(now.timestamp()))
        future = self._index.submit(self._has_recording, camera.id, *span)
        self._tasks.run(future, lambda found: self._on_index_read(index, token, found),
                        lambda error: self._on_index_read(index, token, False, error))  # fmt: skip

    def live(self, tile: int | None = None) -> None:
        """F10: the selected tile live again (every tile of the wall if the selected one is live already)."""
        index = self.wall.state.selected if tile is None else tile
        if index in self._replays:
            self._end(index)
        elif self._replays and tile is None:
            for each in list(self._replays):
                self._end(each)

    def is_replaying(self, tile: int) -> bool:
        return tile in self._replays

    def stopping_count(self) -> int:
        """Readers asked to stop whose threads have not ended yet (a night of replays must not pile them up)."""
        self._reap()
        return len(self._stopping)

    def _reap(self) -> None:
        """Forget stopped readers whose threads have ended, so their last pictures and scalers are freed."""
        self._stopping = [reader for reader in self._stopping if not reader.join(0)]

    # -- the steps of a replay -----------------------------------------------------------------
    def _has_recording(self, camera: str, start_utc: str, end_utc: str) -> bool:
        """On a worker: does the index hold anything of the camera in the span?"""
        with self.database.read() as transaction:
            return bool(archive.segments(transaction, camera, start_utc, end_utc))

    def _on_index_read(self, index: int, token: int, found: bool, error: BaseException | None = None) -> None:
        replay = self._replays.get(index)
        if replay is None or replay.token != token:
            return
        if not found:
            self._drop(index)
            why = self.tr("the recordings cannot be read now") if error else self.tr("nothing recorded yet")
            self._refuse(index, self.tr("{camera}: {why}").format(camera=self._camera_name(replay.camera), why=why))
            return
        replay.is_asked = True
        record = replay.grant.start_records()[0]
        session = self.accountability.session
        effects = presence.playback_started(session.id, self.wall_name, index + 1, replay.grant.detail()["from"])
        self.accountability.log(record.action, record.camera, record.detail, replay.grant.reason, effects,
                                then=lambda: self._on_logged(index, token),
                                otherwise=lambda: self._on_not_logged(index, token))  # fmt: skip

    def _on_logged(self, index: int, token: int) -> None:
        ended = self._ended_unlogged.pop(token, None)
        if ended is not None:  # F10 (or another camera) came first: it stopped before it showed
            self._log_stop(*ended)
            return
        replay = self._replays.get(index)
        if replay is None or replay.token != token:
            return
        replay.is_logged = True
        self.wall.tiles[index].show_replay(replay.reader, replay.back_s)
        self.replay_started.emit(index)

    def _on_not_logged(self, index: int, token: int) -> None:
        if self._ended_unlogged.pop(token, None) is not None:
            return  # neither its start nor its stop is in the log
        replay = self._replays.get(index)
        if replay is not None and replay.token == token:
            self._drop(index)
            self._refuse(index, self.tr("the access could not be logged"))

    def _end(self, index: int, keep_picture: bool = False) -> None:
        """Live again: the reader stops, ``playback stop`` is logged (a fact) if the start was."""
        replay = self._replays.pop(index, None)
        if replay is None:
            return
        replay.reader.stop()
        self._reap()
        self._stopping.append(replay.reader)
        if replay.is_logged:
            self._log_stop(index, replay)
        elif replay.is_asked:
            self._ended_unlogged[replay.token] = (index, replay)
        if index < len(self.wall.tiles) and self.wall.tiles[index].replay is replay.reader and not keep_picture:
            self.wall.tiles[index].show_replay(None)
        if not keep_picture:
            self.live_again.emit(index)

    def _log_stop(self, index: int, replay: _Replay) -> None:
        """``playback stop`` as a fact (it already happened), with the last recording time shown; the board's
        presence says live again in its transaction."""
        record: Record = replay.grant.stop_records(dt.datetime.now(dt.UTC))[0]
        shown = replay.reader.latest()
        detail = dict(record.detail or {})
        if shown is not None:
            detail["last_shown"] = utc_text_of(shown.recorded_s)
        effects = presence.playback_stopped(self.accountability.session.id, self.wall_name, index + 1)
        self.accountability.log(record.action, record.camera, detail, replay.grant.reason, effects,
                                is_fact=True)  # fmt: skip

    def _drop(self, index: int) -> None:
        """A replay that never showed (nothing recorded, the log refused): nothing to log."""
        replay = self._replays.pop(index, None)
        if replay is not None:
            replay.reader.stop()
            self._reap()
            self._stopping.append(replay.reader)
        if index < len(self.wall.tiles) and self.wall.tiles[index].replay is not None:
            self.wall.tiles[index].show_replay(None)  # (the picture of a replay before this one)
            self.live_again.emit(index)

    def _refuse(self, index: int, why: str) -> None:
        """No instant replay, and why: on the tile (wrapped to fit) and in the window's status line."""
        title = self.tr("No instant replay")
        self.wall.tiles[index].show_notice(f"{title}\n{why}")
        self.wall.answered.emit(f"{title}: {why}")

    def _camera_name(self, camera_id: str) -> str:
        return next((camera.name for camera in self.wall.cameras() if camera.id == camera_id), camera_id)

    # -- what ends a replay ------------------------------------------------------------------------
    def _hint_tiles(self) -> None:
        """Each tile's tooltip says the keys (a new layout makes new tiles)."""
        hint = self.tr("F9: instant replay (10 s back; again 30 s, again 2 min) \u00b7 F10: live")
        for tile in self.wall.tiles:
            if tile.toolTip() != hint:
                tile.setToolTip(hint)

    def _on_wall_state_changed(self) -> None:
        """A tile that shows another camera now (or is gone) is live: its replay ends."""
        self._hint_tiles()
        for index, replay in list(self._replays.items()):
            tiles = self.wall.tiles
            camera = tiles[index].camera if index < len(tiles) else None
            if camera is None or camera.id != replay.camera:
                self._end(index)

    def _on_reason_changed(self, _: object) -> None:
        """The replays ran under the reason that ends: they end with it (a new one starts live)."""
        for index in list(self._replays):
            self._end(index)

    def stop_all(self) -> None:
        for index in list(self._replays):
            self._end(index)

    def shutdown(self, timeout_s: float = 5.0) -> bool:
        self.stop_all()
        self._index.shutdown(wait=True)
        stopping, self._stopping = self._stopping, []
        return all(reader.join(timeout_s) for reader in stopping)
