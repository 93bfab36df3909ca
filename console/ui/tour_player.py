"""Runs a tour on one wall window: warm switching, presets sent ahead, the tour bar, the log.

Warm switching: ``preroll_s`` before a step ends, the next step's sub-streams are
connected and decoding (the hub shares the readers with the tiles that will show
them) and its PTZ presets are sent under a tour lease, so at the switch every
tile paints a live picture of its new camera at once. The tour's lease and each
preset go are logged (under the tour's reason) before the camera moves, during the
pre-roll, with the time their step is due; the lease is given back, and its end
logged, when the tour leaves the camera or ends. An offline camera never holds the
tour up: the clock runs on; it is flagged and logged.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import time
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from console.access.permissions import Action
from console.access.reasons import Reason
from console.ptz.lease import Decision, Holder, Priority
from console.services.tour_log import TourLog
from console.store import presence
from console.store.backend import utc_text
from console.tours.model import Tour, TourStep
from console.tours.runner import PrerollDue, RunEnded, RunState, StepShown, TourRun
from console.ui.accountability import Accountability
from console.ui.ptz_controller import PtzController
from console.ui.wall_view import WallView
from console.video.hub import StreamHandle, StreamHub
from console.video.stream import StreamState
from console.wall.layouts import LAYOUTS

LOGGER = logging.getLogger("uitkijk.tours")
TICK_MS = 100
DEFAULT_PREROLL_S = 3.0  # a 1 s GOP camera shows its first frame within about 1 s of connecting


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class TourPlayer(QObject):
    changed = Signal()  # the tour bar repaints
    ended = Signal(str)  # outcome
    step_coming = Signal(object, str)  # the next step's cameras per tile, and when it is due (UTC): log ahead
    step_shown = Signal()  # a step is on the wall (what was logged ahead and not shown is withdrawn)

    def __init__(self, wall: WallView, hub: StreamHub, ptz: PtzController | None, tour_log: TourLog | None,
                 wall_name: str, user: Holder, preroll_s: float = DEFAULT_PREROLL_S,
                 accountability: Accountability | None = None, parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.wall, self.hub, self.ptz, self.tour_log = wall, hub, ptz, tour_log
        self.wall_name, self.user, self.preroll_s = wall_name, user, preroll_s
        self.run: TourRun | None = None
        self.offline: set[str] = set()  # cameras that showed no live picture during this run
        self.offline_now: set[str] = set()  # of those shown now, the ones without a live picture
        self.not_moved: dict[str, object] = {}  # PTZ camera -> why its preset was not sent
        self._preroll: list[StreamHandle] = []
        self._run_id: Future[int] | None = None  # the tour log's row, written on its own worker
        self._tour_holder: Holder | None = None
        self._tour_reason: Reason | None = None  # the reason that covers the whole tour (its start's)
        self._wall_before: tuple[str, list[str | None]] | None = None  # layout and cameras before the tour
        self._selected_before = 0  # the tile selected before the tour (a smaller step's grid moved the selection)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.switched_at: float | None = None  # monotonic time of the last switch (a camera gets 2 s)
        self.accountability = accountability  # a tour starts once its entry (with the reason) is on disk
        if accountability is not None:
            accountability.reason_lapsed.connect(self._on_reason_lapsed)
        wall.key_handler = self.handle_key
        wall.enlarged.connect(self._on_wall_enlarged)

    @property
    def is_running(self) -> bool:
        return self.run is not None and self.run.is_active

    # -- control --------------------------------------------------------------------------
    def start(self, tour: Tour, is_repeating: bool | None = None) -> None:
        """Start a tour; with an audit log, once the start is logged (refused without permission or reason).

        ``is_repeating``: round after round until stopped; by default as the tour says (tours.yaml's ``repeat``).
        """
        is_repeating = tour.repeats if is_repeating is None else is_repeating
        accountability = self.accountability
        if accountability is None:
            self._start_now(tour, is_repeating)
            return
        reason = accountability.session.reason  # the tour start's: its PTZ leases and presets are logged under it
        detail = {"tour": tour.id, "name": tour.name, "wall": self.wall_name, "steps": len(tour.steps),
                  "repeating": is_repeating}  # fmt: skip
        effects = presence.tour_started(accountability.session.id, self.wall_name, tour.name,
                                        reason.as_record() if reason else None)  # fmt: skip
        accountability.guard(Action.RUN_TOUR, "tour start", None, detail, effects,
                             then=lambda: self._start_now(tour, is_repeating, reason))  # fmt: skip

    def _start_now(self, tour: Tour, is_repeating: bool = False, reason: Reason | None = None) -> None:
        state = self.wall.state  # what the tour replaces: put back when it stops or ends
        before = self.wall_before or (state.layout_name, list(state.assignments))  # a tour that replaces a tour:
        selected = self._selected_before if self.is_running else state.selected  # the operator's wall from
        if self.is_running:  # before the first comes back, never a step of the first
            self.stop_keeping_wall()
        self._tour_reason = reason
        self._wall_before, self._selected_before = before, selected
        self.run = TourRun(tour, preroll_s=self.preroll_s, is_repeating=is_repeating)
        self.offline.clear()
        self.offline_now.clear()
        self.not_moved.clear()
        self._tour_holder = Holder(self.user.user, self.user.display_name, self.user.workstation, Priority.TOUR,
                                   self.user.role, tour.name)  # fmt: skip
        if self.tour_log is not None:
            self._run_id = self.tour_log.start(tour.id, tour.name, self.user.user, self.user.workstation,
                                                     self.wall_name, utc_now(), len(tour.steps))  # fmt: skip
        self._send_presets(tour.steps[0], utc_text())
        self._handle(self.run.start())
        self._timer.start()
        LOGGER.info("%s: tour %s started", self.wall_name, tour.name)

    def stop(self) -> None:
        """Stop the tour; the wall goes back to what it showed before the tour (layout and every tile's camera).

        It takes no argument: a button's ``clicked`` or an action's ``triggered`` passes ``checked`` (False) to
        a slot that takes one, and a flag here once kept the tour's last step on the wall after ■ Stop."""
        if self.run is not None:
            self._handle(self.run.stop())

    def stop_keeping_wall(self) -> None:
        """Stop the tour and leave the wall as it is: what replaces the tour (a saved view, an incident's cameras)
        is shown next, or the console closes (its saved arrangement has the wall from before the tour)."""
        self._wall_before = None
        if self.run is not None:
            self._handle(self.run.stop())

    @property
    def wall_before(self) -> tuple[str, list[str | None]] | None:
        """The layout and cameras the running tour replaced (what the window's saved arrangement keeps)."""
        return self._wall_before if self.is_running else None

    def toggle_pause(self) -> None:
        if self.is_running:
            self.run.toggle_pause()
            self.changed.emit()

    def toggle_hold(self) -> None:
        if self.is_running:
            self.run.toggle_hold()
            self.changed.emit()

    def next(self) -> None:
        if self.is_running:
            self._handle(self.run.next())

    def previous(self) -> None:
        if self.is_running:
            self._handle(self.run.previous())

    def handle_key(self, event: QKeyEvent) -> bool:
        """The wall's keys during a tour: Space pause/resume, Left/Right step, H hold, Esc stop (the wall comes
        back; with a tile enlarged, Esc first goes back to the grid)."""
        if not self.is_running:
            return False
        actions = {Qt.Key.Key_Space: self.toggle_pause, Qt.Key.Key_Left: self.previous,
                   Qt.Key.Key_Right: self.next, Qt.Key.Key_H: self.toggle_hold}  # fmt: skip
        if self.wall.state.enlarged is None:
            actions[Qt.Key.Key_Escape] = self.stop
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            return False
        action()
        return True

    # -- the run's events -----------------------------------------------------------------
    def _on_timer_timeout(self) -> None:
        if self.run is None:
            return
        self._note_offline()
        self._handle(self.run.tick())
        self.changed.emit()

    def _handle(self, events) -> None:
        for event in events:
            if isinstance(event, PrerollDue):
                self._prepare(event.step)
            elif isinstance(event, StepShown):
                self._show(event.step)
            elif isinstance(event, RunEnded):
                self._end(event.state)
        self.changed.emit()

    def _show(self, step: TourStep) -> None:
        wall = self.wall
        wall.finish_step()  # the step before is on the wall (its streams let go, its progress logged) first
        if wall.state.enlarged is not None:
            wall.restore()
        assignments = list(step.cameras) + [None] * (LAYOUTS[step.layout].tile_count - len(step.cameras))
        self.switched_at = time.monotonic()
        self.offline_now = set()  # the new step's cameras get their grace before any is called offline
        if self.ptz is not None and self._tour_holder is not None:
            for camera_id in sorted(self.ptz.held_as(self._tour_holder) - set(step.presets)):
                self.ptz.release_as(camera_id, self._tour_holder)  # the tour left the camera: its lease ends
        # The tiles change a few per pass (wall_view.STEP_PASS_S); the pre-rolled streams are let go, and what was
        # logged ahead and not shown withdrawn, once every tile holds its stream and the log has the wall.
        preroll, self._preroll = self._preroll, []
        shown = functools.partial(self._step_on_wall, self.run, preroll)
        wall.show_step(step.layout, assignments, in_passes=True, then=shown)

    def _step_on_wall(self, run: TourRun | None, preroll: list[StreamHandle]) -> None:
        """Every tile of the step shows its camera."""
        for handle in preroll:  # the tiles hold the streams now
            handle.release()
        self.step_shown.emit()
        if self.tour_log is not None and self._run_id is not None and run is not None and run is self.run:
            self.tour_log.progress(self._run_id, run.steps_shown, self.offline)

    def _prepare(self, step: TourStep) -> None:
        """Connect the next step's streams now, and turn its PTZ cameras to their presets."""
        self._release_preroll()
        width, height = max(1, self.wall.width()), max(1, self.wall.height())
        layout = LAYOUTS[step.layout]
        cameras = {camera.id: camera for camera in self.wall.cameras()}
        for cell, camera_id in zip(layout.cells, step.cameras, strict=False):
            camera = cameras.get(camera_id) if camera_id else None
            url = self.wall.stream_url(camera, "sub") if camera else None
            if url is None:
                continue
            size = (int(width / layout.columns * cell.column_span), int(height / layout.rows * cell.row_span))
            self._preroll.append(self.hub.acquire(url, f"{camera_id}.sub", _ignore, size))
        if self.run is not None:
            due = utc_text(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=self.run.time_left_s()))
            self._send_presets(step, due)  # logged now, with the time the step is due, as its views are
            cells = LAYOUTS[step.layout].tile_count
            self.step_coming.emit(list(step.cameras)[:cells] + [None] * (cells - len(step.cameras)), due)

    def _send_presets(self, step: TourStep, due_utc: str) -> None:
        """The step's PTZ cameras to their presets, each under the tour's lease, both logged before it moves."""
        if self.ptz is None or self._tour_holder is None or self.run is None:
            return
        run, holder, reason = self.run, self._tour_holder, self._tour_reason
        detail = {"tour": run.tour.id, "wall": self.wall_name}
        for camera_id, preset in step.presets.items():
            if not self.ptz.has_ptz(camera_id):
                self.not_moved[camera_id] = self.tr("PTZ not available")
                continue
            token = self.ptz.preset_token(camera_id, preset)
            if token is None:  # no lease (and no entry) for a move that cannot be made
                self.not_moved[camera_id] = self.tr("no preset '{preset}'").format(preset=preset)
                continue
            leased = functools.partial(self._on_preset_lease, run, holder, camera_id, (preset, token), due_utc)
            self.ptz.request_as(camera_id, holder, leased, reason, detail, due_utc=due_utc,
                                otherwise=lambda c=camera_id, r=run: self._on_not_logged(r, c))  # fmt: skip

    def _on_preset_lease(self, run: TourRun, holder: Holder, camera_id: str, preset: tuple[str, str], due_utc: str,
                         decision: Decision) -> None:  # fmt: skip
        """The room's answer to the tour's lease of a camera: moved to the step's preset (its name and token),
        or said why not."""
        if self.ptz is None:
            return
        if run is not self.run or not run.is_active:  # the tour ended meanwhile: nothing to move for
            if decision.is_granted:
                self.ptz.release_as(camera_id, holder)
            return
        if not decision.is_granted:  # someone steers it by hand: shown, not moved
            self.not_moved[camera_id] = decision.reason()
            return
        self.not_moved.pop(camera_id, None)
        name, token = preset
        detail = {"name": name, "tour": run.tour.id, "wall": self.wall_name, "step_due_utc": due_utc}
        self.ptz.goto_preset_as(camera_id, token, holder, self._tour_reason, detail,
                                otherwise=lambda: self._on_not_logged(run, camera_id))  # fmt: skip

    def _on_not_logged(self, run: TourRun, camera_id: str) -> None:
        """The entry before a lease or a preset go could not be written: the camera is not moved."""
        if run is self.run:
            self.not_moved[camera_id] = self.tr("the audit log cannot be written: not moved")
            self.changed.emit()

    def _release_preroll(self) -> None:
        for handle in self._preroll:
            handle.release()
        self._preroll = []

    def _note_offline(self) -> None:
        if self.switched_at is None:
            return
        if time.monotonic() - self.switched_at < 2.0:  # give a cold camera its chance
            return
        now_offline = {tile.camera.id for tile in self.wall.tiles
                       if tile.camera is not None and tile.display().state != StreamState.LIVE}  # fmt: skip
        self.offline |= now_offline  # the tour log keeps every camera that failed during the run
        self.offline_now = now_offline  # the bar says only what is offline now: a camera that came back is not

    def _end(self, state: RunState) -> None:
        self.wall.finish_step()  # the last step's progress is logged before the end
        self._timer.stop()
        self._release_preroll()
        if self.ptz is not None and self._tour_holder is not None:
            self.ptz.release_all_as(self._tour_holder)
        outcome = "completed" if state == RunState.FINISHED else "stopped"
        if self.tour_log is not None and self._run_id is not None and self.run is not None:
            self.tour_log.end(self._run_id, utc_now(), outcome, self.run.steps_shown, self.offline)
        self._run_id = None
        if self.accountability is not None and self.run is not None:
            session = self.accountability.session
            detail = {"tour": self.run.tour.id, "name": self.run.tour.name, "wall": self.wall_name, "outcome": outcome,
                      "steps_shown": self.run.steps_shown, "offline": sorted(self.offline)}  # fmt: skip
            self.accountability.log("tour stop", None, detail, self._tour_reason or session.reason,
                                    presence.tour_stopped(session.id, self.wall_name), is_fact=True)  # fmt: skip
        LOGGER.info("%s: tour %s %s", self.wall_name, self.run.tour.name if self.run else "", outcome)
        if self._wall_before is not None:
            layout, assignments = self._wall_before
            self._wall_before = None
            if self.wall.state.enlarged is not None:
                self.wall.restore()
            self.wall.show_step(layout, assignments)  # the wall as it was before the tour
            self.wall.select(self._selected_before)
        self.ended.emit(outcome)

    def _on_reason_lapsed(self, reason: object) -> None:
        """The tour's reason named an incident now finished: it covers the tour no more (the wall comes back)."""
        if self.is_running and self._tour_reason is not None and self._tour_reason == reason:
            self.stop()

    def _on_wall_enlarged(self, tile: int) -> None:
        if self.is_running and self.run.state == RunState.RUNNING:
            self.run.pause()  # the operator looks closer: the tour waits
            self.changed.emit()

    def shutdown(self) -> None:
        self.stop_keeping_wall()
        self._release_preroll()


def _ignore(_: object) -> None:
    """Pre-rolled streams need no callbacks: the tiles will read them."""
