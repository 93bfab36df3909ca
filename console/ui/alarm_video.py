"""Video that comes to the operator: an alarm's camera on the alarm tile or on a wall window, with the seconds before.

What goes where is decided in :mod:`console.services.alarm_video` from the room's queue as the
desk last read it (:class:`AlarmFeed`, on a worker); here it is applied. The alarm tile opens
beside the wall (the operator's tiles stay as they are): the alarm's number, kind, camera and
time, the live picture, and under it the recording from before the alarm marked PLAYBACK with
its time (or why there is none); F7 closes it on this desk. ``window N`` puts the camera on the
wall's window N and gives the operator's camera back when the alarm goes. Every view and every
playback is logged under the alarm's reason ("alarm 0042") before its picture shows, and its
stop when it goes (another desk took the alarm, it was closed, the tile was closed here).

A locked desk starts nothing: its alarms wait (the alert strip says so) and come once unlocked.
The Mobboxes' health (battery, uplink, door) is read here too (:class:`HealthFeed`).
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.access.permissions import Action
from console.alarms.model import Alarm, AlarmState
from console.config.loader import CameraConfig
from console.config.schema import Camera
from console.onvif.directory import StreamDirectory
from console.services import alarm_video as rules
from console.services.alarm_queue import AlarmReader
from console.services.alarm_video import ALARM_TILE, DeviceHealth
from console.services.recordings import Grant, Recordings
from console.store import archive, presence
from console.store.backend import Database, utc_moment
from console.ui.accountability import Accountability, ViewingLog
from console.ui.elided import ElidedLabel
from console.ui.notices import ChangeNotices
from console.ui.tasks import TaskRunner
from console.ui.video_tile import VideoTile
from console.ui.wall_view import FRAME_POLL_MS, REFRESH_MS
from console.ui.words import say, word
from console.video.hub import StreamHub
from console.video.playback_reader import PlaybackClock, PlaybackReader, segments_in_store, utc_text_of
from console.wording import WordedError

LOGGER = logging.getLogger("uitkijk.alarms")
# Without a room's notices the queue's revision (one integer, on the feed's worker) is read this often: an alarm is on
# the list within a fifth of a second of its raising (500 ms made the desk's median 1.6 s under load).
POLL_MS = 150
SAFETY_POLL_MS = 5000  # with them
HEALTH_POLL_MS = 5000  # the Mobboxes' health: the events service writes it when a camera says something
ALARM_WALL = "alarm tile"  # its views on the board: tile 1 live, tile 2 the recording from before the alarm
CLOSE_KEY = "F7"
PICTURE_HEIGHT_PX = 150  # the alarm tile over the wall: two pictures side by side; a 2x2 wall keeps 2/3 of its height


class AlarmFeed(QObject):
    """The room's alarm queue as the store has it: read again when a desk commits (a room's notices) or every poll."""

    changed = Signal(object)  # list[Alarm], newest first (open ones, then the last closed)
    failed = Signal(str)

    def __init__(self, reader: AlarmReader, notices: ChangeNotices | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.reader = reader
        self.alarms: list[Alarm] = []
        self.revision = -1
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="alarm-feed")
        self._tasks = TaskRunner(self)
        self._is_reading = self._is_read_again = self._is_shut_down = False
        self._timer = QTimer(self)
        self._timer.setInterval(SAFETY_POLL_MS if reader.has_change_notices else POLL_MS)
        self._timer.timeout.connect(self.poll)
        if notices is not None:
            notices.noticed.connect(self.poll)

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def poll(self) -> None:
        if self._is_shut_down:
            return
        if self._is_reading:
            self._is_read_again = True
            return
        self._is_reading = True
        future = self._executor.submit(self.reader.queue_if_changed, self.revision)
        self._tasks.run(future, self._on_read, self._on_failed)

    def _on_read(self, read: tuple[int, list[Alarm]] | None) -> None:
        self._is_reading = False
        if read is not None and not self._is_shut_down:
            self.revision, self.alarms = read
            self.changed.emit(self.alarms)
        if self._is_read_again:
            self._is_read_again = False
            self.poll()

    def _on_failed(self, error: BaseException) -> None:
        self._is_reading = False
        LOGGER.warning("the alarm queue could not be read: %s", error)
        self.failed.emit(self.tr("the alarm queue could not be read: {error}").format(error=error))

    def shutdown(self) -> None:
        self._is_shut_down = True
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=False)


class HealthFeed(QObject):
    """The Mobboxes' health as the events service last wrote it, read on a worker; ``by_camera`` is kept in place
    (the tiles look their camera up in it as they paint)."""

    changed = Signal()

    def __init__(self, database: Database, config: CameraConfig, notices: ChangeNotices | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.database = database
        self.by_device: dict[str, DeviceHealth] = {}
        self.by_camera: dict[str, DeviceHealth] = {}
        self._devices_of = {camera.id: (camera.mobbox, camera.id) for camera in config.cameras}
        self._cameras_of: dict[str, list[str]] = {}  # a device (a Mobbox, or a camera) -> its cameras
        for camera in config.cameras:
            for device in (camera.mobbox, camera.id):
                if device is not None:
                    self._cameras_of.setdefault(device, []).append(camera.id)
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="health-feed")
        self._tasks = TaskRunner(self)
        self._is_reading = self._is_shut_down = False
        self._timer = QTimer(self)
        self._timer.setInterval(HEALTH_POLL_MS)
        self._timer.timeout.connect(self.poll)
        if notices is not None:
            notices.noticed.connect(self.poll)

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def poll(self) -> None:
        if self._is_shut_down or self._is_reading:
            return
        self._is_reading = True
        future = self._executor.submit(rules.read_health, self.database, self._cameras_of)
        self._tasks.run(future, self._on_read, self._on_failed)

    def _on_read(self, health: dict[str, DeviceHealth]) -> None:
        self._is_reading = False
        if self._is_shut_down:
            return
        self.by_device = health
        by_camera = {}
        for camera, devices in self._devices_of.items():
            found = next((health[device] for device in devices if device is not None and device in health), None)
            if found is not None:
                by_camera[camera] = found
        self.by_camera.clear()
        self.by_camera.update(by_camera)
        self.changed.emit()  # also when nothing changed: a badge turns stale by the clock

    def _on_failed(self, error: BaseException) -> None:
        self._is_reading = False
        LOGGER.warning("the Mobboxes' health could not be read: %s", error)

    def shutdown(self) -> None:
        self._is_shut_down = True
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=False)


class AlarmTile(QFrame):
    """Beside the wall: the alarm (number, kind, camera, time), its camera live, the seconds before it recorded."""

    close_requested = Signal()

    def __init__(self, hub: StreamHub, area_names: dict[str, str], directory: StreamDirectory | None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("alarmTile")
        self.setStyleSheet("#alarmTile { background: #1a0d0f; border: 2px solid #ff4d4f; }"
                           " #alarmTitle { color: #ff6b6b; font-weight: bold; }"
                           " #alarmWaiting { color: #f0b429; } #alarmNoReplay { color: #9aa4b1; }")  # fmt: skip
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 3, 4, 4)
        column.setSpacing(2)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("alarmTitle")
        top.addWidget(self.title)
        self.detail = ElidedLabel(self)
        top.addWidget(self.detail, 1)
        self.close_button = QPushButton(self.tr("Close ({key})").format(key=CLOSE_KEY), self)
        self.close_button.setToolTip(self.tr("Close the alarm's video on this desk ({key}); the alarm stays in the "
                                             "queue").format(key=CLOSE_KEY))  # fmt: skip
        self.close_button.clicked.connect(self.close_requested)
        top.addWidget(self.close_button)
        column.addLayout(top)
        pictures = QHBoxLayout()  # live on the left, the recording from before the alarm on the right
        pictures.setSpacing(4)
        self.live = VideoTile(0, hub, area_names, directory, self)
        self.live.set_gated(True)
        self.replay = VideoTile(1, hub, area_names, directory, self)
        self.replay.set_gated(True)
        self.replay.live_key_hint = False  # F10 is the wall's; this recording runs on by itself
        self.no_replay = QLabel(self)
        self.no_replay.setObjectName("alarmNoReplay")
        self.no_replay.setWordWrap(True)
        self.no_replay.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for picture in (self.live, self.replay, self.no_replay):
            picture.setFixedHeight(PICTURE_HEIGHT_PX)
            picture.setMinimumWidth(PICTURE_HEIGHT_PX * 16 // 9 // 2)
            if isinstance(picture, VideoTile):
                picture.has_number = False
            pictures.addWidget(picture, 1)
        column.addLayout(pictures)
        self.waiting = QLabel(self)
        self.waiting.setObjectName("alarmWaiting")
        self.waiting.hide()
        column.addWidget(self.waiting)
        self._frames = QTimer(self)
        self._frames.setInterval(FRAME_POLL_MS * 5)  # a side picture: 25 looks a second are enough
        self._frames.timeout.connect(self._on_frames_timeout)
        self._clock = QTimer(self)
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(self._on_clock_timeout)
        self.hide()

    def show_alarm(self, alarm: Alarm, camera: Camera, waiting: int) -> None:
        local = utc_moment(alarm.event_utc).astimezone().strftime("%H:%M:%S")
        self.title.setText(self.tr("ALARM {number} \u00b7 {kind} \u00b7 {time}").format(
            number=alarm.label, kind=word(alarm.kind), time=local))  # fmt: skip
        self.detail.set_full_text(self.tr("priority {priority} \u00b7 {camera}").format(
            priority=alarm.priority, camera=camera.name))  # fmt: skip
        self.show_waiting(waiting)
        self.live.set_camera(camera)
        self.live.set_veil(self.tr("recording the viewing in the log\u2026"))
        self.show_no_replay(self.tr("the recording from before the alarm is being looked for\u2026"))
        self.show()
        self._frames.start()
        self._clock.start()

    def show_waiting(self, count: int) -> None:
        many = self.tr("{count} more alarms with video wait in the queue").format(count=count)
        self.waiting.setText(many if count > 1 else self.tr("One more alarm with video waits in the queue"))
        self.waiting.setVisible(bool(count))

    def show_no_replay(self, why: str) -> None:
        self.replay.show_replay(None)
        self.replay.set_camera(None)
        self.replay.hide()
        self.no_replay.setText(why)
        self.no_replay.show()

    def show_recording(self, camera: Camera, reader: PlaybackReader) -> None:
        self.replay.set_camera(camera)
        self.replay.clear_for(camera.id)
        self.replay.show_replay(reader, int(rules.PRE_ALARM_S))
        self.no_replay.hide()
        self.replay.show()

    def clear(self) -> None:
        self._frames.stop()
        self._clock.stop()
        self.replay.show_replay(None)
        for tile in (self.live, self.replay):
            tile.set_camera(None)
        self.hide()

    def shutdown(self) -> None:
        self.clear()
        self.live.shutdown()
        self.replay.shutdown()

    def _on_frames_timeout(self) -> None:
        for tile in (self.live, self.replay):
            if tile.camera is not None and tile.isVisible():
                tile.poll_frames()

    def _on_clock_timeout(self) -> None:
        for tile in (self.live, self.replay):
            if tile.camera is not None and tile.isVisible():
                tile.refresh()


@dataclass
class _Shown:
    """One alarm's video on this desk, and what it logged."""

    alarm: Alarm
    target: str
    camera: str
    put_back: str | None = None  # window N: the operator's camera that was there
    is_view_asked: bool = False  # the alarm tile's view start is handed to the log
    grant: Grant | None = None  # the recording from before the alarm: its playback grant, once asked
    reader: PlaybackReader | None = None
    is_replay_asked: bool = False
    token: int = 0
    facts: dict = field(default_factory=dict)


class AlarmVideo(QObject):
    """Puts the cameras of the desk's alarms in front of its operator, by their rule (see the module's docstring)."""

    shown = Signal(int)  # alarm id: its picture may show (its view start is durable)
    replay_shown = Signal(int)  # alarm id: the recording from before it is playing (its playback start is durable)
    gone = Signal(int)  # alarm id: its video went from this desk (its view stop is logged)

    def __init__(self, accountability: Accountability, recordings: Recordings, config: CameraConfig,
                 database: Database, window: QWidget, viewing: ViewingLog, tile: AlarmTile,
                 parent: QObject | None = None) -> None:  # fmt: skip
        """``window``: the desk's main wall window (its wall's windows 1..4 and its tour); ``viewing``: its log."""
        super().__init__(parent)
        self.accountability = accountability
        self.recordings = recordings
        self.cameras = {camera.id: camera for camera in config.cameras}
        self.database = database
        self.window = window
        self.wall = viewing.wall
        self.viewing = viewing
        self.tile = tile
        self.alarms: list[Alarm] = []
        self.dismissed: set[int] = set()  # closed here (F7): their video stays away unless this desk takes them
        self._taken_here: set[int] = set()  # alarms this desk has seen itself take
        self._shown: dict[str, _Shown] = {}
        self._token = 0
        self._tasks = TaskRunner(self)
        self._index = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="alarm-replay")
        self._stopping: list[PlaybackReader] = []
        self._loop = QTimer(self)  # the recording goes round the alarm's moment: from 10 s before to 10 s after
        self._loop.setInterval(500)
        self._loop.timeout.connect(self._on_loop_timeout)
        tile.close_requested.connect(self.close_tile)
        close = QAction(self.tr("Close the alarm tile"), window)
        close.setShortcut(QKeySequence(CLOSE_KEY))
        close.triggered.connect(self.close_tile)
        window.addAction(close)
        accountability.locked_changed.connect(self._on_locked_changed)

    # -- what the queue says -----------------------------------------------------------------------------
    def show_queue(self, alarms: list[Alarm]) -> None:
        self.alarms = list(alarms)
        self.apply()

    def apply(self) -> None:
        """Each target shows the alarm it should now: what went is stopped (logged), what came is started."""
        session = self.accountability.session
        for alarm in self.alarms:  # taken here after its video was closed here: it comes back (once)
            is_mine = alarm.taken_by == session.user.name and alarm.taken_workstation == session.workstation
            if alarm.state is AlarmState.IN_PROGRESS and is_mine and alarm.id not in self._taken_here:
                self._taken_here.add(alarm.id)
                self.dismissed.discard(alarm.id)
        tour = getattr(self.window, "tour_player", None)
        windows = 0 if tour is not None and tour.is_running else min(len(self.wall.tiles), 4)
        wanted = rules.wanted_video([alarm for alarm in self.alarms if alarm.camera in self.cameras],
                                    session.user.name, session.role.value, self.dismissed, windows,
                                    session.workstation)  # fmt: skip
        for target, shown in list(self._shown.items()):
            alarm = wanted.get(target)
            if alarm is None or alarm.id != shown.alarm.id:
                self._end(target)
            else:
                shown.alarm = alarm
        if not self.accountability.is_locked:  # nothing comes in the name of a user who is away
            for target, alarm in wanted.items():
                if target not in self._shown:
                    self._start(target, alarm)
        on_screen = {shown.alarm.id for shown in self._shown.values()}
        self.tile.show_waiting(
            rules.waiting_count(self.alarms, session.user.name, session.role.value, on_screen, self.dismissed)
        )

    def showing(self, target: str) -> Alarm | None:
        shown = self._shown.get(target)
        return shown.alarm if shown is not None else None

    def close_tile(self) -> None:
        """F7: the alarm tile's video goes from this desk (the alarm stays in the queue, for this desk too); without
        an alarm tile, the alarms on the wall's windows go (the operator's cameras come back)."""
        shown = self._shown.get(ALARM_TILE)
        closing = [shown] if shown is not None else list(self._shown.values())
        if not closing:
            return
        self.dismissed.update(each.alarm.id for each in closing)
        self.apply()

    def _on_locked_changed(self, is_locked: bool) -> None:
        if not is_locked:
            self.apply()  # what waited while the desk was locked comes now

    # -- starting -------------------------------------------------------------------------------------------
    def _start(self, target: str, alarm: Alarm) -> None:
        camera = self.cameras[alarm.camera]
        self._token += 1
        shown = _Shown(alarm, target, camera.id, token=self._token, facts={"alarm": alarm.id})
        reason = rules.alarm_reason(alarm.id)
        window = rules.window_of(target)
        if window is not None:
            index = window - 1
            before = self.wall.tiles[index].camera
            shown.put_back = before.id if before is not None else None
            self._shown[target] = shown
            self.viewing.set_tile_reason(index, camera.id, reason, shown.facts)
            self.wall.assign(index, camera.id)  # the wall's viewing log logs it, under the alarm's reason
            if shown.put_back == camera.id:  # it was there already: watched for the alarm from now on
                self.viewing.reconsider(index)
            self.wall.tiles[index].set_alarm_mark(self.tr("ALARM {number} \u00b7 {kind}").format(
                number=alarm.label, kind=word(alarm.kind)))  # fmt: skip
            self.window.statusBar().showMessage(
                self.tr("Alarm {number}: {camera} on window {window}").format(
                    number=alarm.label, camera=camera.name, window=window), 10000)  # fmt: skip
            return
        self._shown[target] = shown
        on_screen = {each.alarm.id for each in self._shown.values()}
        session = self.accountability.session
        self.tile.show_alarm(alarm, camera, rules.waiting_count(self.alarms, session.user.name, session.role.value,
                                                                on_screen, self.dismissed))  # fmt: skip
        token = shown.token
        detail = {"wall": ALARM_WALL, "tile": 1, **shown.facts}
        effects = presence.view_started(session.id, ALARM_WALL, 1, camera.id, reason.as_record())
        shown.is_view_asked = self.accountability.guard(
            Action.VIEW_LIVE, "view start", camera.id, detail, effects, reason=reason,
            then=lambda: self._on_view_logged(target, token),
            otherwise=lambda: self._on_view_refused(target, token))  # fmt: skip
        self._start_replay(shown, camera)

    def _is_current(self, target: str, token: int) -> _Shown | None:
        shown = self._shown.get(target)
        return shown if shown is not None and shown.token == token else None

    def _on_view_logged(self, target: str, token: int) -> None:
        shown = self._is_current(target, token)
        if shown is not None:
            self.tile.live.clear_for(shown.camera)
            self.shown.emit(shown.alarm.id)

    def _on_view_refused(self, target: str, token: int) -> None:
        shown = self._is_current(target, token)
        if shown is not None:
            shown.is_view_asked = False
            self.tile.live.set_veil(self.tr("the audit log cannot be written: no picture"))

    def _start_replay(self, shown: _Shown, camera: Camera) -> None:
        """The recording from PRE_ALARM_S before the alarm's event, beside live: decided, looked up, logged, shown."""
        if camera.recording is None:
            self.tile.show_no_replay(self.tr("{camera} is not recorded: no picture from before the alarm")
                                     .format(camera=camera.name))  # fmt: skip
            return
        start = rules.pre_alarm_start(shown.alarm)
        now = dt.datetime.now(dt.UTC)
        try:
            grant = self.recordings.decide(self.accountability.session, Action.PLAY_RECORDINGS,
                                           rules.alarm_reason(shown.alarm.id), [camera.id], start, now)  # fmt: skip
        except (WordedError, ValueError) as error:
            self.tile.show_no_replay(self.tr("No recording from before the alarm: {why}").format(why=say(error)))
            return
        shown.grant = grant
        token = shown.token
        span = (utc_text_of(start.timestamp()), utc_text_of(now.timestamp()))
        future = self._index.submit(self._has_recording, camera.id, *span)
        self._tasks.run(future, lambda found: self._on_index_read(token, found),
                        lambda error: self._on_index_read(token, False, error))  # fmt: skip

    def _has_recording(self, camera: str, start_utc: str, end_utc: str) -> bool:
        """On a worker: does the index hold anything of the camera from before the alarm?"""
        with self.database.read() as transaction:
            return bool(archive.segments(transaction, camera, start_utc, end_utc))

    def _on_index_read(self, token: int, found: bool, error: BaseException | None = None) -> None:
        shown = self._is_current(ALARM_TILE, token)
        if shown is None or shown.grant is None:
            return
        if not found:
            shown.grant = None
            why = self.tr("the recordings cannot be read now") if error else self.tr("nothing recorded before it")
            self.tile.show_no_replay(self.tr("No recording from before the alarm: {why}").format(why=why))
            return
        grant, session = shown.grant, self.accountability.session
        record = grant.start_records()[0]
        effects = [*presence.view_started(session.id, ALARM_WALL, 2, shown.camera, grant.reason.as_record()),
                   *presence.playback_started(session.id, ALARM_WALL, 2, grant.detail()["from"])]  # fmt: skip
        shown.is_replay_asked = True
        self.accountability.log(record.action, record.camera, {**(record.detail or {}), **shown.facts}, grant.reason,
                                effects, then=lambda: self._on_replay_logged(token),
                                otherwise=lambda: self._on_replay_refused(token))  # fmt: skip

    def _on_replay_logged(self, token: int) -> None:
        shown = self._is_current(ALARM_TILE, token)
        if shown is None or shown.grant is None:
            return
        clock = PlaybackClock(shown.grant.from_utc.timestamp())
        reader = PlaybackReader(shown.camera, segments_in_store(self.database, shown.camera), clock,
                                f"{shown.camera}.alarm-replay")  # fmt: skip
        reader.set_target_size(*self.tile.replay._device_size())
        reader.start()
        shown.reader = reader
        self._loop.start()
        self.tile.show_recording(self.cameras[shown.camera], reader)
        self.replay_shown.emit(shown.alarm.id)

    def _on_replay_refused(self, token: int) -> None:
        shown = self._is_current(ALARM_TILE, token)
        if shown is not None:
            shown.is_replay_asked, shown.grant = False, None
            self.tile.show_no_replay(self.tr("No recording from before the alarm: the access could not be logged"))

    def _on_loop_timeout(self) -> None:
        shown = self._shown.get(ALARM_TILE)
        if shown is None or shown.reader is None or shown.grant is None:
            self._loop.stop()
            return
        end_s = utc_moment(shown.alarm.event_utc).timestamp() + rules.POST_ALARM_S
        if shown.reader.clock.now_s() > end_s:
            shown.reader.clock.seek(shown.grant.from_utc.timestamp())

    # -- ending ---------------------------------------------------------------------------------------------
    def _end(self, target: str) -> None:
        """The alarm's video goes: a window gets the operator's camera back; the tile's view and playback stop,
        logged as facts."""
        shown = self._shown.pop(target)
        window = rules.window_of(target)
        if window is not None:
            index = window - 1
            self.viewing.clear_tile_reason(index)
            tiles = self.wall.tiles
            for tile in tiles:
                if tile.alarm_mark and (tile.camera is None or tile.camera.id == shown.camera):
                    tile.set_alarm_mark("")
            if index < len(tiles) and tiles[index].camera is not None and tiles[index].camera.id == shown.camera:
                self.wall.assign(index, shown.put_back)  # the stop is logged by the wall's viewing log
                self.viewing.reconsider(index)  # the same camera stays: under the desk's reason again
            self.gone.emit(shown.alarm.id)
            return
        session = self.accountability.session
        if shown.reader is not None:
            shown.reader.stop()
            self._stopping.append(shown.reader)
        if shown.is_replay_asked and shown.grant is not None:
            record = shown.grant.stop_records(dt.datetime.now(dt.UTC))[0]
            effects = [*presence.playback_stopped(session.id, ALARM_WALL, 2),
                       *presence.view_stopped(session.id, ALARM_WALL, 2)]  # fmt: skip
            self.accountability.log(record.action, record.camera, {**(record.detail or {}), **shown.facts},
                                    shown.grant.reason, effects, is_fact=True)  # fmt: skip
        if shown.is_view_asked:
            detail = {"wall": ALARM_WALL, "tile": 1, **shown.facts}
            self.accountability.log("view stop", shown.camera, detail, rules.alarm_reason(shown.alarm.id),
                                    presence.view_stopped(session.id, ALARM_WALL, 1), is_fact=True)  # fmt: skip
        self.tile.clear()
        self.gone.emit(shown.alarm.id)

    def stop_all(self) -> None:
        for target in list(self._shown):
            self._end(target)

    def shutdown(self, timeout_s: float = 5.0) -> bool:
        self.stop_all()
        self._index.shutdown(wait=True)
        self.tile.shutdown()
        stopping, self._stopping = self._stopping, []
        return all(reader.join(timeout_s) for reader in stopping)
