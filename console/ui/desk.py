"""One signed-in desk: its wall windows and what they share (the stream hub, ONVIF, PTZ, dispatch, the board).

The composition of a session: the services are built here from what the session runner
hands over (the opened store, the accountability of the session) and given to the windows
in their constructors. The session runner (``ui/app.py``) signs in and runs the event loop.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from console.access.permissions import Action, is_allowed
from console.access.reasons import Category, Reason
from console.access.users import UserDirectory
from console.config.loader import CameraConfig
from console.config.retention import load_retention
from console.config.room import load_room
from console.dispatch.config import load_units
from console.dispatch.config import places as dispatch_places
from console.dispatch.model import Incident, Snapshot, cameras_for
from console.dispatch.service import Board, ensure_units
from console.onvif.directory import StreamDirectory
from console.onvif.process import OnvifProcess
from console.paths import AppPaths
from console.ptz.lease import Holder
from console.relay.claims import RelayClaimsReader
from console.relay.watch import RelayWatch
from console.services import alarm_video as alarm_video_rules
from console.services.accountability import session_holder
from console.services.alarm_queue import AlarmReader
from console.services.alerts import Alert
from console.services.dispatch_reads import DispatchReader
from console.services.evidence import Evidence
from console.services.incident_video import IncidentVideo, finished_incidents, reason_for, reasons_to_offer
from console.services.ptz_control import local_holder
from console.services.recordings import Recordings, WriterAudit
from console.services.room_leases import room_board
from console.services.supervision import Supervision
from console.services.tour_log import TourLog
from console.store import Database
from console.tours.config import save_tours
from console.tours.model import Tour
from console.ui.accountability import Accountability, ViewingLog
from console.ui.alarm_video import AlarmFeed, AlarmTile, AlarmVideo, HealthFeed
from console.ui.alarms import AlarmPanel
from console.ui.alert_strip import AlertStrip, carry_alert_strip
from console.ui.board import BoardWindow
from console.ui.desk_lock import DeskLock
from console.ui.desk_map import DeskMap
from console.ui.dispatch.models import AlertSound, DispatchFeed
from console.ui.dispatch.panel import DispatchPanel, WallHooks
from console.ui.instant_replay import InstantReplay
from console.ui.login import InactivityWatch, ReasonDialog, check_password
from console.ui.main_window import WallWindow
from console.ui.notices import ChangeNotices
from console.ui.playback_window import PlaybackWindow, incident_moment
from console.ui.ptz_controller import PtzController
from console.ui.tasks import TaskRunner
from console.ui.tour_player import TourPlayer
from console.ui.wall_status import WallStatus
from console.ui.warm_start import desk_directory
from console.ui.watchers import RecordingTrouble, RoomWatchers
from console.ui.window_store import ArrangementWriter, SavedArrangement, SavedWindow, WindowStore
from console.ui.words import say
from console.video.hub import StreamHub
from console.video.stream import Frame, StreamState
from console.wall.state import WallState
from console.wall.views import SavedView, ViewStore

LOGGER = logging.getLogger("uitkijk.ui")


class Console(QObject):
    """Owns the wall windows, the shared stream hub and the saved arrangement."""

    snapshot_saved = Signal(str)  # the PNG's path, once its entry is durable and the files are being written

    def __init__(self, config: CameraConfig, paths: AppPaths, database: Database, hub: StreamHub | None = None,
                 tours: tuple[Tour, ...] = (), accountability: Accountability | None = None,
                 users: UserDirectory | None = None, onvif: OnvifProcess | None = None,
                 directory: StreamDirectory | None = None) -> None:  # fmt: skip
        """``onvif``: the desk's ONVIF process when it was started before the sign-in (the desk ends it).
        ``directory``: where the desk pulls each camera, when made before the sign-in (its streams opened then)."""
        super().__init__()
        self.config = config
        self.paths = paths
        self.hub = hub or StreamHub()
        self.tours = tuple(tours)
        self.database = database  # opened once by the caller: audit log, tour log, the board's and dispatch tables
        self.tour_log = TourLog(database)
        self.accountability = accountability
        self.users = users
        self.session = accountability.session if accountability else None
        self.user = session_holder(self.session) if self.session else local_holder()
        self.switch_user = False  # the operator signed out: the caller shows the sign-in again
        self.board: BoardWindow | None = None
        self._viewing: list[ViewingLog] = []
        self._replays: list[InstantReplay] = []
        # The law over recordings (the tiles' instant replay asks it; the desk logs what it allows).
        self.recordings = Recordings(database, None, {camera.id: camera.name for camera in config.cameras},
                                     admin_days=load_retention(config.folder).administrative_consult_days)  # fmt: skip
        self._snapshots = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="snapshot")
        self.evidence: Evidence | None = None
        self.incident_video: IncidentVideo | None = None
        if accountability is not None:
            self.evidence = Evidence(accountability.rules, paths.data_dir / "evidence", self._snapshots)
            self.evidence.kept.connect(lambda png: self.snapshot_saved.emit(str(png)))
            self.incident_video = IncidentVideo(accountability.rules, dispatch_places(config))
        self.playback_recordings: Recordings | None = None  # the playback window's: it also exports (audited)
        self.playback: PlaybackWindow | None = None
        if accountability is not None and is_allowed(accountability.session.role, Action.PLAY_RECORDINGS):
            self.playback_recordings = playback_recordings(config, database, accountability)
        self.tasks = TaskRunner(self)
        self.views = ViewStore(paths.settings_dir, self.user.user)
        self.room = load_room(config)  # checked with the configuration: None when the desk is alone
        self.directory = directory or desk_directory(config, paths, self.user.workstation)
        relay = self.directory.relay
        # One relay: is it up (a TCP look every second)? Several: which serves each camera (their claims).
        self.relay_watch = RelayWatch(relay, self.directory.set_relay_up) if relay and not relay.is_shared else None
        self.relay_claims: RelayClaimsReader | None = None
        if relay is not None and relay.is_shared:
            self.relay_claims = RelayClaimsReader(database, self.directory.set_relay_addresses)
        # Set up and steered in a process of its own: SOAP parsing holds an interpreter lock (onvif/process.py).
        self.onvif = onvif or OnvifProcess(config.cameras)
        self.onvif.warm_up()  # it imports and parses the service descriptions while the windows are built
        # A room's store says when any desk committed: one watcher per desk, for the leases, the board and dispatch.
        self.notices: ChangeNotices | None = None
        if database.has_change_notices:
            self.notices = ChangeNotices(database.wait_for_change, "room-notices", self)
        recorded = [camera.id for camera in config.cameras if camera.recording is not None]
        # The room's relays the team chief hears of when one stops reporting (room.yaml's; none for another desk).
        relays = () if relay is None or not self._supervises else (relay.address, *relay.others)
        self.watchers = RoomWatchers(database, self.notices, self, recorded, relays=relays)  # desks per camera, trouble
        self.watchers.changed.connect(self._on_watchers_changed)
        self.watchers.recording_changed.connect(self._on_recording_changed)
        self.watchers.relays_changed.connect(self._on_relays_changed)
        rules = accountability.rules if accountability is not None else None
        # The room's leases, in the store every desk on it asks: one holder per camera across PCs.
        self.ptz = PtzController(self.onvif, room_board(database), self.user, rules, parent=self, asked_on_worker=True)
        if self.notices is not None:
            self.notices.noticed.connect(self.ptz.refresh_leases)
        self.ptz.taken_over.connect(self._on_ptz_taken_over)
        self.inactivity: InactivityWatch | None = None
        self.desk_lock: DeskLock | None = None  # made at the first lock (its screens show who is signed in)
        self._asks_after_unlock: tuple[QWidget | None, Callable[[], None] | None] | None = None
        if accountability is not None:
            accountability.reason_changed.connect(self._on_reason_changed)
            accountability.reason_lapsed.connect(self._on_reason_lapsed)
            if users is not None:
                self.inactivity = InactivityWatch(users.policy.lock_after_min * 60, self.lock, self)
        self.window_store = WindowStore(paths.settings_dir, self.user.workstation, self.user.user)
        self._arrangement = ArrangementWriter(self.window_store)  # saved off the GUI thread
        self.dispatch_panel: DispatchPanel | None = None
        self.alarm_panel: AlarmPanel | None = None  # a desk that handles alarms (made with the dispatch panel)
        self.dispatch_feed: DispatchFeed | None = None
        self._asked_after: str | None = None  # the finished incident the desk was last asked a new reason for
        self.follow_to: int | None = None  # the wall window video follows to (None: the active one, else the main)
        if accountability is not None and is_allowed(accountability.session.role, Action.MANAGE_INCIDENTS):
            self.dispatch_units = load_units(config)
            self.dispatch_feed = DispatchFeed(DispatchReader(database, self.dispatch_units.call_signs()), self,
                                              self.notices)  # fmt: skip
            self.alert_sound = AlertSound(paths.cache_dir, self)
        # Alarms bring their cameras to this desk (an operator's, a team chief's); the Mobboxes' health on every desk.
        self.health = HealthFeed(database, config, self.notices, self)
        self.alarm_feed: AlarmFeed | None = None
        self.alarm_video: AlarmVideo | None = None
        if accountability is not None and all(is_allowed(accountability.session.role, action)
                                              for action in (Action.HANDLE_ALARMS, Action.VIEW_LIVE)):  # fmt: skip
            self.alarm_feed = AlarmFeed(AlarmReader(database), self.notices, self)
        self.windows: list[WallWindow] = []
        self.status = WallStatus(lambda: self.windows)
        self.map = DeskMap(config, self.ptz, lambda: self.windows, lambda: self.watchers.counts, self)
        self._is_quitting = False
        self._is_shut_down = False

    def open(self, layout: str | None = None) -> WallWindow:
        saved = self.window_store.load()
        if not saved.windows:  # first start: fill the wall so the operator sees cameras at once
            first = WallState(layout) if layout else WallState()
            first.fill([camera.id for camera in self.config.cameras])
            saved = SavedArrangement([SavedWindow(first)])
        for saved_window in saved.windows:
            window = self._add_window(saved_window.wall)
            window.restore_saved(saved_window)
        if layout:
            self.windows[0].set_layout(layout)
        for window in self.windows:
            window.show()
        if self.onvif.camera_ids:
            self.onvif.start(self.directory)  # in the background: tiles say "finding the streams" until it answers
        if self.notices is not None:
            self.notices.start()
        if self.relay_watch is not None:
            self.relay_watch.start()
        if self.relay_claims is not None:
            self.relay_claims.start()
            if self.notices is not None:  # a relay took or lost a camera: read again now
                self.notices.noticed.connect(self.relay_claims.look_now)
        self.watchers.start()
        self.health.changed.connect(self._on_health_changed)
        self.health.start()
        if self.alarm_feed is not None:
            self._attach_alarm_video(self.windows[0])
        self.windows[0].attach_map(self.map.panel(), self.open_map_window)
        if self.playback_recordings is not None:
            self.map.recordings_requested.connect(self.open_playback)
        if self.dispatch_feed is not None:
            self._attach_dispatch(self.windows[0])
            self.dispatch_feed.changed.connect(self.map.show_board)
            self.map.incident_selected.connect(self._on_map_incident_selected)
            self.dispatch_panel.incident_chosen.connect(self.map.show_incident)
            self._attach_alarm_queue()
        return self.windows[0]

    def _attach_alarm_queue(self) -> None:
        """The room's alarm queue on a desk that handles alarms: a tab of the dispatch panel (F6), its chip on the
        alert strip, its open alarms on the map; read from the desk's one alarm feed."""
        if self.alarm_feed is None or self.dispatch_panel is None or self.accountability is None:
            return
        self.alarm_panel = AlarmPanel(self.accountability, self.alarm_feed, self.config, self.alert_sound,
                                      self.paths.data_dir / "evidence", live_picture=self._live_picture)  # fmt: skip
        self.dispatch_panel.add_alarms(self.alarm_panel)
        self.alarm_panel.alarms_changed.connect(self.map.show_alarms)
        self.map.alarm_selected.connect(self.open_alarm)

    def _live_picture(self, camera_id: str) -> Frame | None:
        """The live picture a wall tile of this desk shows of the camera (not a replay), for an alarm without a
        still; None when no tile shows it live."""
        for window in self.windows:
            for tile in window.wall.tiles:
                if tile.camera is not None and tile.camera.id == camera_id and tile.replay is None:
                    frame = tile.shown_frame()
                    if frame is not None:
                        return frame
        return None

    def open_alarm(self, alarm_id: int) -> None:
        """An alarm chosen on a map: the main wall in front, the alarm tab on it."""
        self.open_alert(f"alarm:{alarm_id}")

    def _on_map_incident_selected(self, incident_id: str) -> None:
        if self.dispatch_panel is not None:
            self.dispatch_panel.select_incident(incident_id)

    def new_wall(self) -> WallWindow:
        window = self._add_window(WallState())
        window.camera_dock.hide()  # extra monitors show the wall; the list is a key press away
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # a new wall goes to the next monitor, filling it
            current = self.windows[0].screen()
            start = screens.index(current) if current in screens else 0
            target = screens[(start + len(self.windows) - 1) % len(screens)]
            window.fit_to_screen(target.availableGeometry().width(), target.availableGeometry().height(), target)
        self._carry_alerts(window)
        window.show()
        self.save()
        return window

    def _attach_alarm_video(self, window: WallWindow) -> None:
        """The alarm tile beside the main wall, and its windows 1..4, for the alarms this desk's list holds."""
        assert self.accountability is not None and self.alarm_feed is not None
        tile = AlarmTile(self.hub, {area.id: area.name for area in self.config.areas}, self.directory, window)
        tile.live.health_of = tile.replay.health_of = self.health.by_camera
        window.attach_alarm_tile(tile)
        self.alarm_video = AlarmVideo(self.accountability, self.recordings, self.config, self.database, window,
                                      self._viewing[0], tile, self)  # fmt: skip
        self.alarm_feed.changed.connect(self.alarm_video.show_queue)
        self.alarm_feed.start()

    def _on_health_changed(self) -> None:
        for window in self.windows:
            window.wall.show_health(self.health.by_camera)
            window.camera_panel.model.set_health(self.health.by_device)

    def _on_watchers_changed(self, counts: dict[str, int]) -> None:
        for window in self.windows:
            window.camera_panel.model.set_watchers(counts)

    def _on_recording_changed(self, trouble: RecordingTrouble) -> None:
        for window in self.windows:
            window.show_recording_trouble(trouble.problems, trouble.unrecorded)

    @property
    def _supervises(self) -> bool:
        return self.accountability is not None and self.accountability.session.may(Action.SUPERVISE)

    def _on_relays_changed(self, alert: Alert | None) -> None:
        """A relay of the room stopped reporting (or is back): on the team chief's alert strip, in every window."""
        if self.dispatch_panel is not None:
            self.dispatch_panel.show_room_alerts([alert] if alert is not None else [])

    def _add_window(self, state: WallState) -> WallWindow:
        number = max((window.number for window in self.windows), default=0) + 1
        window = WallWindow(self.config, self.hub, state, number, None, self.directory, self.ptz)
        window.new_wall_requested.connect(self.new_wall)
        window.closed.connect(self._on_window_closed)
        window.arrangement_changed.connect(self.save)
        window.tile_status_changed.connect(self.status.tile_changed)
        window.wall.first_painted.connect(
            lambda _, w=window: self.status.picture_shown(w), Qt.ConnectionType.QueuedConnection
        )  # not inside the tile's paint
        window.wall.show_health(self.health.by_camera)
        window.camera_panel.model.set_health(self.health.by_device)
        window.camera_panel.model.set_watchers(self.watchers.counts)
        window.show_recording_trouble(self.watchers.recording.problems, self.watchers.recording.unrecorded)
        window.camera_panel.show_desk_counts(self.database.has_change_notices)  # a room's store
        window.wall.state_changed.connect(lambda w=window: self.status.refresh(w))
        player = TourPlayer(window.wall, self.hub, self.ptz, self.tour_log, f"wall {number}", self.user,
                            accountability=self.accountability, parent=window)  # fmt: skip
        window.attach_tours(player, lambda: self.tours, self.save_tours, self.views)
        if self.accountability is not None:
            window.attach_session(self.accountability, self.accountability.may(Action.SUPERVISE))
            viewing = ViewingLog(self.accountability, window.wall, f"wall {number}", parent=window)
            player.step_coming.connect(viewing.log_ahead)  # a warm switch never waits for the log
            player.step_shown.connect(viewing.settle_ahead)
            player.ended.connect(lambda _: viewing.settle_ahead())
            self._viewing.append(viewing)
            # The role decides whether the keys are there; the reason is the service's to check at each F9 (a desk
            # signed in with --user gets its reason after its windows are built).
            if is_allowed(self.accountability.session.role, Action.PLAY_RECORDINGS):
                replay = InstantReplay(self.accountability, self.recordings, window.wall, f"wall {number}",
                                       self.database, parent=window)  # fmt: skip
                window.attach_replay(replay)
                self._replays.append(replay)
            window.reason_requested.connect(lambda w=window: self.ask_reason(w))
            if self.incident_video is not None:  # Back: the wall from before, under the reason from before
                window.reason_for_back = self.incident_video.back
            window.snapshot_requested.connect(self.snapshot)
            window.recordings_requested.connect(self.recordings_of_tile)
            window.lock_requested.connect(self.lock)
            window.board_requested.connect(self.show_board)
            window.sign_out_requested.connect(self._on_window_sign_out_requested)
            if self.desk_lock is not None and self.accountability.is_locked:
                self.desk_lock.cover(window, window.lock_screen)
            window.lock_screen.unlock_requested.connect(self.unlock)
            window.lock_screen.switch_user_requested.connect(self.sign_out)
        self.windows.append(window)
        for tile in window.wall.tiles:
            self.status.tile_changed(window, tile.index, tile.display().state if tile.camera else None)
        return window

    def save_tours(self, tours) -> None:
        """The console's tour editing: written back to tours.yaml (checked again on the next start), logged."""

        def write() -> None:
            try:
                save_tours(self.config.folder, tuple(tours))
                self.tours = tuple(tours)
            except OSError as error:
                LOGGER.error("could not save the tours: %s", error)

        if self.accountability is None:
            write()
            return
        detail = {"file": "tours.yaml", "tours": [tour.id for tour in tours]}
        self.accountability.guard(Action.EDIT_TOURS, "configuration change", None, detail, then=write)

    # -- the session: reason, lock, snapshot, board, sign out --------------------------------------
    def ask_reason(self, parent: QWidget | None = None, then: Callable[[], None] | None = None) -> None:
        """The reason dialog, filled with the last reason (Enter takes it again); on a locked desk once it is
        unlocked (no dialog over the lock)."""
        assert self.accountability is not None
        if self.accountability.is_locked:
            self._asks_after_unlock = (parent, then)
            return
        board = self.dispatch_panel.board if self.dispatch_panel is not None else None
        # The recent reasons are kept in memory (no database read on the GUI thread); finished incidents go.
        preselected, offered = reasons_to_offer(self.accountability.recent, self.accountability.session.reason, board)
        dialog = ReasonDialog(preselected, offered, parent)
        if dialog.exec() == ReasonDialog.DialogCode.Accepted and dialog.reason is not None:
            self.accountability.set_reason(dialog.reason, then)

    def _on_reason_changed(self, reason: object) -> None:
        """The PTZ priority follows the reason (an incident pre-empts a patrol); without one, nothing is steered."""
        self.user = session_holder(self.accountability.session)
        self.ptz.holder = self.user
        if reason is None:
            self.ptz.release_own()
        for window in self.windows:
            if window.tour_player is not None:
                window.tour_player.user = self.user

    def _on_ptz_taken_over(self, camera_id: str, holder: Holder) -> None:
        """Someone took a camera this desk steered: its operator is told once, who and which, in sight and by ear."""
        camera = next((camera.name for camera in self.config.cameras if camera.id == camera_id), camera_id)
        text = self.tr("{holder} took over control of {camera} at {time}").format(
            holder=say(holder.worded), camera=camera, time=time.strftime("%H:%M")
        )
        for window in self.windows:
            window.show_notice(text)
        if self.dispatch_feed is not None:  # the desk has an alert sound
            self.alert_sound.play(text)

    def _on_reason_lapsed(self, reason: object) -> None:
        """The incident the desk viewed for is finished (here or on another desk): its wall is veiled; ask for the
        next reason (once per incident)."""
        incident = getattr(reason, "incident", None)
        if incident is None or incident == self._asked_after:
            return
        self._asked_after = incident
        self.windows[0].statusBar().showMessage(
            self.tr("Incident {incident} is finished: the next reason?").format(incident=incident), 15000
        )
        QTimer.singleShot(0, lambda: self.ask_reason(self.windows[0]))

    def lock(self) -> None:
        """Every window of the desk locked: it shows that something waits, and acts on nothing until unlocked."""
        if self.accountability is None or self.accountability.is_locked:
            return
        self.ptz.stop_all()
        self.accountability.set_locked(True)  # the services refuse from now on; the priority-1 pop-up follows
        if self.desk_lock is None:
            panel = self.dispatch_panel
            self.desk_lock = DeskLock(self.windows[0].lock_screen.who.text(), lambda: panel.alerts if panel else [],
                                      self._priority_one_alarms)  # fmt: skip
            if panel is not None:
                panel.alerts_changed.connect(self.desk_lock.show_waiting)
        self.desk_lock.engage(self.windows, self._other_windows())

    def _priority_one_alarms(self) -> int:
        """New priority-1 alarms on this desk's list, as the queue was last read (the lock screen says them apart)."""
        if self.alarm_feed is None or self.accountability is None:
            return 0
        session = self.accountability.session
        return alarm_video_rules.priority_one_waiting(self.alarm_feed.alarms, session.user.name, session.role.value)

    def _other_windows(self) -> list[QWidget]:
        """The desk's windows besides its walls: the board, the map window, the playback window."""
        return [window for window in (self.board, self.map.window, self.playback) if window is not None]

    def unlock(self, password: str) -> None:
        """The same user's password opens the screen again (checked off the GUI thread)."""
        assert self.accountability is not None and self.users is not None
        name = self.accountability.session.user.name

        def opened(_: object) -> None:
            self.accountability.set_locked(False)
            if self.inactivity is not None:
                self.inactivity.reset()
            if self.desk_lock is not None:
                self.desk_lock.release()
            asked, self._asks_after_unlock = self._asks_after_unlock, None
            if asked is not None:  # a reason the desk needed while it was locked
                QTimer.singleShot(0, lambda: self.ask_reason(*asked))

        def refused(_: BaseException) -> None:
            self.accountability.log("unlock refused", detail={"session": self.accountability.session.id})
            for window in self.windows:
                window.lock_screen.say_wrong_password()

        self.tasks.run(check_password(self.users, name, password), opened, refused)

    def snapshot(self, window: WallWindow, tile: int, on_kept: Callable[[Snapshot], None] | None = None) -> None:
        """A full-resolution still of the tile's camera as evidence: PNG + JSON sidecar, logged before it is kept."""
        assert self.evidence is not None
        camera = window.wall.tiles[tile].camera if tile < len(window.wall.tiles) else None
        if camera is None:
            window.statusBar().showMessage(self.tr("Snapshot: select a tile with a camera first"), 6000)
            return
        where = {"wall": f"wall {window.number}", "tile": tile + 1}
        self.evidence.snapshot(camera, window.wall.stream_url(camera, "main"), where,
                               lambda line: window.statusBar().showMessage(say(line), 12000), on_kept)  # fmt: skip

    # -- dispatch: the panel, incidents from tiles, video that follows an incident -------------------------
    def _attach_dispatch(self, window: WallWindow) -> None:
        assert self.accountability is not None and self.dispatch_feed is not None
        recordings = self.recordings_of_incident if self.playback_recordings is not None else None
        hooks = WallHooks(follow=self.follow_incident, show_camera=self.show_hit_camera,
                          link_tile=lambda incident_id: self.link_tile(self.windows[0], incident_id),
                          recordings=recordings)  # fmt: skip
        panel = DispatchPanel(self.accountability, self.dispatch_feed, self.config, self.dispatch_units,
                              self.alert_sound, hooks, window)  # fmt: skip
        window.attach_dispatch(panel, lambda: self.incident_from_tile(window), self._follow_choices,
                               self._choose_follow)  # fmt: skip
        self.dispatch_panel = panel
        # Closing the main window asks about unsaved incident input first (not when the desk itself quits); a locked
        # desk's does not close by its frame (a question over the lock; "Sign in as someone else" ends the session).
        window.close_guard = lambda: (
            self._is_quitting or (not self.accountability.is_locked and panel.may_close(window.close))
        )
        self.accountability.locked_changed.connect(panel.p1_alert.set_locked)
        panel.p1_alert.set_locked(self.accountability.is_locked)
        for other in self.windows[1:]:
            self._carry_alerts(other)
        self.dispatch_feed.changed.connect(self._on_dispatch_feed_changed)
        units = ensure_units(self.dispatch_units, self.accountability.session.user.name)
        if units is not None:
            self.accountability.change(Action.MANAGE_INCIDENTS, units)
        self.dispatch_feed.start()

    def _carry_alerts(self, window: QMainWindow) -> None:
        """Every window of the desk carries the alert strip, fed from the one dispatch panel."""
        panel = self.dispatch_panel
        if panel is None:
            return
        if isinstance(window, WallWindow):
            if window.alert_strip is not None:
                return
            strip = window.attach_alert_strip(panel.alerts, self.open_alert)
        elif window.findChild(AlertStrip) is None:
            strip = carry_alert_strip(window, panel.alerts, self.open_alert)
        else:
            return
        panel.alerts_changed.connect(strip.show_alerts)

    def open_alert(self, target: str) -> None:
        """An alert clicked in any window: the main wall in front, the dispatch panel on the item."""
        assert self.dispatch_panel is not None
        if target.startswith("relay:"):  # the room's relays: the board, whose status line says the take-over
            self.show_board()
            return
        main = self.windows[0]
        if main.isMinimized():
            main.showNormal()
        main.raise_()
        main.activateWindow()
        self.dispatch_panel.open_target(target)

    # -- recordings: the playback window from a tile, an incident, the map ------------------------------
    def open_playback(self, cameras: list[str], around: dt.datetime | None = None,
                      reason: Reason | None = None) -> PlaybackWindow | None:  # fmt: skip
        """The desk's one playback window, on these cameras (at most 4, in step) around a time (``reason``: the one
        its reason row proposes, an incident's; else the desk's)."""
        if self.playback_recordings is None or self.accountability is None or self.accountability.is_locked:
            return None
        if self.playback is None:
            self.playback = PlaybackWindow(self.accountability, self.playback_recordings, self.config.cameras,
                                           export_folder=self.paths.data_dir / "exports")  # fmt: skip
            self.playback.closed.connect(self._on_playback_closed)
            self._carry_alerts(self.playback)
        if reason is not None:
            self.playback.show_reason(reason)
        self.playback.show_cameras(cameras, around)
        self.playback.show()
        self.playback.raise_()
        self.playback.activateWindow()
        return self.playback

    def _on_playback_closed(self) -> None:
        window, self.playback = self.playback, None
        if window is not None:
            window.deleteLater()

    def recordings_of_tile(self, window: WallWindow, tile: int) -> None:
        camera = window.wall.tiles[tile].camera if tile < len(window.wall.tiles) else None
        if camera is None:
            window.statusBar().showMessage(self.tr("Recordings: select a tile with a camera first"), 6000)
            return
        self.open_playback([camera.id])

    def recordings_of_incident(self, incident: Incident) -> None:
        """One action: the incident's cameras (linked, then the nearest) around its time."""
        assert self.incident_video is not None
        places = self.incident_video.places
        seeing = cameras_for(incident, places, count=len(places))
        recorded = {camera.id for camera in self.config.cameras if camera.recording is not None}
        cameras = [camera for camera in seeing if camera in recorded][:4]  # a camera never recorded: nothing to play
        if not cameras and self.dispatch_panel is not None:
            self.dispatch_panel.show_message(
                self.tr("{incident}: no camera is linked, near or in its area").format(incident=incident.id)
                if not seeing
                else self.tr("{incident}: none of its cameras is recorded").format(incident=incident.id)
            )
            return
        reason = reason_for(self.accountability.session.reason if self.accountability else None, Category.INCIDENT,
                            incident.id)  # fmt: skip
        self.open_playback(cameras, incident_moment(incident), reason)

    def open_map_window(self) -> None:
        self._carry_alerts(self.map.open_window())

    def _on_dispatch_feed_changed(self, board: object) -> None:
        """Incidents finished on any desk of the room: a reason naming one covers no new viewing (it ends)."""
        assert self.accountability is not None
        if isinstance(board, Board):
            self.accountability.incidents_finished(finished_incidents(board))

    def incident_from_tile(self, window: WallWindow) -> None:
        """One action: an incident on the selected tile's camera, its place filled in, a snapshot linked."""
        assert self.incident_video is not None and self.dispatch_panel is not None
        tile = window.wall.state.selected
        camera = window.wall.tiles[tile].camera if tile < len(window.wall.tiles) else None
        if camera is None:
            window.statusBar().showMessage(self.tr("New incident: select a tile with a camera first"), 6000)
            return
        panel, video = self.dispatch_panel, self.incident_video

        def created(incident_id: str) -> None:
            panel.select_incident(incident_id)
            panel.form.type.setFocus()
            panel.form.type.lineEdit().selectAll()
            window.statusBar().showMessage(
                self.tr("Incident {incident} created from {camera}").format(incident=incident_id, camera=camera.name),
                8000,
            )
            self.snapshot(window, tile, lambda snapshot: video.link_snapshot(incident_id, snapshot))

        video.create_from_camera(camera, created)

    def link_tile(self, window: WallWindow, incident_id: str) -> None:
        """The selected tile's camera joins the incident, with a snapshot of what it shows now."""
        assert self.incident_video is not None and self.dispatch_panel is not None
        tile = window.wall.state.selected
        camera = window.wall.tiles[tile].camera if tile < len(window.wall.tiles) else None
        if camera is None:
            self.dispatch_panel.show_message(self.tr("select a tile with a camera first"))
            return
        video = self.incident_video
        video.link_camera(incident_id, camera.id)
        self.snapshot(window, tile, lambda snapshot: video.link_snapshot(incident_id, snapshot))

    def follow_incident(self, incident: Incident, window: WallWindow | None = None) -> None:
        """Video follows the incident: its linked and nearby cameras on a wall (the active wall window, else the
        main one), under the incident as reason, with Back to the wall that was there."""
        assert self.incident_video is not None and self.dispatch_panel is not None
        active = next((each for each in self.windows if each.isActiveWindow()), None)
        chosen = next((each for each in self.windows if each.number == self.follow_to), None)
        shown_on = window or chosen or active or self.windows[0]
        panel = self.dispatch_panel
        names = {camera.id: camera.name for camera in self.config.cameras}

        def show(view: SavedView) -> None:
            shown_on.show_for_incident(view)
            cameras = ", ".join(names.get(camera, camera) for camera in view.cameras if camera)
            panel.show_message(
                self.tr("{incident}: {cameras} on wall {number} (Back returns)").format(
                    incident=incident.id, cameras=cameras, number=shown_on.number
                )
            )

        if not self.incident_video.follow(incident, show):
            panel.show_message(
                self.tr("{incident}: no camera is linked, near or in its area").format(incident=incident.id)
            )

    def _follow_choices(self) -> list[tuple[int, str, bool]]:
        choices = [(0, self.tr("The active wall window (else the main one)"), self.follow_to is None)]
        for each in self.windows:
            title = (self.tr("Wall {number} (main)") if each is self.windows[0] else self.tr("Wall {number}")).format(
                number=each.number
            )
            choices.append((each.number, title, self.follow_to == each.number))
        return choices

    def _choose_follow(self, number: int) -> None:
        self.follow_to = number or None

    def show_hit_camera(self, camera_id: str, reference: str) -> None:
        assert self.incident_video is not None
        window = self.windows[0]
        self.incident_video.with_reason(Category.ANPR_HIT, reference, lambda: window.wall.assign_to_selected(camera_id))

    def show_board(self) -> None:
        assert self.accountability is not None
        if self.board is None:
            cameras = {camera.id: camera for camera in self.config.cameras}

            def sub_stream(camera_id: str) -> str | None:
                camera = cameras.get(camera_id)
                return self.directory.url(camera, "sub") if camera is not None else None

            self.board = BoardWindow(self.accountability, Supervision(self.database, self.accountability.writer.log),
                                     {camera.id: camera.name for camera in self.config.cameras}, hub=self.hub,
                                     picture_url=sub_stream, is_beside_a_wall=True,
                                     recorded_cameras=[camera.id for camera in self.config.cameras
                                                       if camera.recording is not None])  # fmt: skip
            if self.notices is not None:
                self.board.follow(self.notices)
            self._carry_alerts(self.board)
        self.board.show()
        self.board.raise_()
        self.board.activateWindow()

    def sign_out(self) -> None:
        self.switch_user = True
        self.quit()

    def _on_window_sign_out_requested(self) -> None:
        """Signing out from the menu asks about unsaved incident input first. (Not from the lock screen: whoever
        stands there may not save or drop what the signed-in user typed.)"""
        if self.dispatch_panel is None or self.dispatch_panel.may_close(self.sign_out):
            self.sign_out()

    def save(self) -> None:
        """The windows' arrangement, written off the GUI thread; once the console is closing, the one saved as it
        began to close stays (a tour then ends without putting its wall back: the saved wall is the one before)."""
        if self.windows and not self._is_quitting:
            self._arrangement.save(SavedArrangement([window.saved() for window in self.windows]))

    def camera_state(self, camera_id: str) -> StreamState | None:
        return self.status.camera_state(camera_id)

    def _on_window_closed(self, window: WallWindow) -> None:
        if self._is_quitting:
            return
        if window is self.windows[0]:
            self.quit()  # closing the main wall ends the console; the arrangement is kept
            return
        self.windows.remove(window)
        replay = getattr(window, "instant_replay", None)
        if replay is not None:
            self._replays.remove(replay)
            replay.shutdown()
        window.wall.shutdown()
        self.status.forget(window)
        self.save()
        window.deleteLater()

    def quit(self) -> None:
        if self._is_quitting:
            return
        self._put_back_for_saving()
        self.save()
        self._is_quitting = True
        self._end_session_activity()
        for window in self.windows:
            window.wall.shutdown()
            window.close()
        if self.board is not None:
            self.board.close()
        if self.playback is not None:
            self.playback.close()
        QApplication.instance().quit()

    def _put_back_for_saving(self) -> None:
        """Quitting: the operator's cameras back on the windows alarms took, for the saved arrangement; the alarms'
        views stop (logged) and the put-back cameras start no view (nobody watches them now)."""
        if self.alarm_video is None:
            return
        for viewing in self._viewing:
            viewing.end()
        self.alarm_video.stop_all()

    def _end_session_activity(self) -> None:
        """Tours and views end in the log before the windows go (each stop is logged, never waited for)."""
        for window in self.windows:
            if window.tour_player is not None:
                window.tour_player.stop_keeping_wall()  # the saved arrangement has the wall from before
        if self.alarm_video is not None:
            self.alarm_video.stop_all()
        for replay in self._replays:  # its stops are logged before the views' and the sign-out
            replay.stop_all()
        for viewing in self._viewing:
            viewing.stop_all()

    def shutdown(self, timeout_s: float = 6.0) -> bool:
        """Release every stream and wait for the reader threads to end (once; later calls return at once)."""
        if self._is_shut_down:
            return True
        self._is_shut_down = True
        if not self._is_quitting:
            self._put_back_for_saving()
            self.save()
            self._is_quitting = True
            self._end_session_activity()
        self.map.shutdown()
        is_alarm_done = self.alarm_video.shutdown(timeout_s) if self.alarm_video is not None else True
        if self.alarm_feed is not None:
            self.alarm_feed.shutdown()
        self.health.shutdown()
        is_replay_done = all([replay.shutdown(timeout_s) for replay in self._replays])
        if self.playback is not None:
            self.playback.shutdown()
        for window in self.windows:
            window.wall.shutdown()
        if self.notices is not None:
            self.notices.stop()
        if self.relay_watch is not None:
            self.relay_watch.stop()
        if self.relay_claims is not None:
            self.relay_claims.stop()
        self.watchers.shutdown()
        self.ptz.shutdown()
        if self.inactivity is not None:
            self.inactivity.stop()
        if self.board is not None:
            self.board.shutdown()
        if self.alarm_panel is not None:
            self.alarm_panel.shutdown()
        if self.dispatch_feed is not None:
            if self.dispatch_panel is not None:
                self.dispatch_panel.shutdown()
            self.dispatch_feed.shutdown()
            self.alert_sound.shutdown()
        if self.accountability is not None:
            self.accountability.close("switched user" if self.switch_user else "console closed")
        self._snapshots.shutdown(wait=False, cancel_futures=True)
        is_onvif_done = self.onvif.shutdown(timeout_s)
        self.tour_log.close()
        self._arrangement.close()
        return self.hub.shutdown(timeout_s) and is_onvif_done and is_replay_done and is_alarm_done


def playback_recordings(config: CameraConfig, database: Database, accountability: Accountability) -> Recordings:
    """The law over recordings for a desk: its cameras, the room's administrative window, its audit writer."""
    admin_days = load_retention(config.folder).administrative_consult_days
    names = {camera.id: camera.name for camera in config.cameras}
    return Recordings(database, WriterAudit(accountability.writer), names, admin_days=admin_days)
