"""The session runner: sign in, open the desk for that session, run the event loop, and again after a sign-out.

The store and the audit log's writer are opened once here and outlive the sessions; a
desk (``ui/desk.py``), a call-taker's window or the data-protection officer's board is
built per session.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from console.access.permissions import Action, is_allowed
from console.access.reasons import Reason
from console.access.session import workstation_name
from console.access.users import UserDirectory, load_users
from console.audit.log import KEY_FILE, AuditKeyError, AuditLog
from console.audit.writer import AuditWriter
from console.config.loader import CameraConfig
from console.dispatch.config import load_units
from console.onvif.process import OnvifProcess
from console.paths import RESOURCES_DIR, AppPaths
from console.services.dispatch_reads import DispatchReader
from console.services.supervision import Supervision
from console.startup import mark
from console.store import Database, StoreUnavailable, open_store
from console.tours.model import Tour
from console.ui.accountability import Accountability
from console.ui.board import BoardWindow
from console.ui.desk import Console, playback_recordings
from console.ui.dispatch.models import AlertSound, DispatchFeed
from console.ui.dispatch.panel import DispatchPanel, DispatchWindow
from console.ui.language import DEFAULT_LANGUAGE, install_language
from console.ui.main_window import WallWindow
from console.ui.playback_window import PlaybackWindow
from console.ui.signin import (
    SignIn,
    SignInFailed,
    dialog_session,
    log_configuration,
    plays_back_only,
    unattended_session,
    watches_video,
)
from console.ui.warm_start import WarmStart, desk_directory, warm_start
from console.video.stream import StreamState

LOGGER = logging.getLogger("uitkijk.ui")
SIGNAL_LOOK_MS = 200  # how often the event loop looks for SIGTERM or SIGINT (Python runs nothing while Qt waits)


@dataclass
class RunOptions:
    layout: str | None = None
    screenshot: Path | None = None
    exit_after_s: float | None = None
    tour_id: str | None = None  # run this tour from launch, round after round (an unattended wall PC)
    store_url: str | None = None  # --store: a room's PostgreSQL (else UITKIJK_STORE, else the data folder's file)
    language: str | None = None  # --lang nl|fr|en: for everyone; else each user's own, else Dutch


def settle_runtime(is_collecting: bool = True) -> None:
    """After start-up: move everything built so far out of the garbage collector's sight.

    A full collection walks every live object; with Qt wrappers and frame buffers that can
    stall the GUI thread for tens of milliseconds. Frozen objects are never walked again.
    The console collects before its windows are built (``is_collecting``: a short walk) and
    only freezes once they are (a full walk then took 66-93 ms of the first paint).
    """
    if is_collecting:
        gc.collect()
    gc.freeze()


class Termination(QObject):
    """SIGTERM or SIGINT at any moment (signing in, locked, running): the console ends as if closed by hand.

    Python runs a signal's handler between two bytecodes of whatever the GUI thread was doing: ending the desk
    right there cleared a tile's streams while that tile was going through them ("dictionary changed size during
    iteration" at exit). So the handler only notes the signal; a timer of the event loop (any loop: the sign-in
    dialog's too, which had none, so SIGTERM waited there) ends the session between two events: every dialog is
    closed, then ``ends_with``'s action runs, and what a closing desk writes is written.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_asked = False
        self._is_done = False
        self._end: Callable[[], None] | None = None
        self._previous: dict[int, object] = {}
        self._look = QTimer(self)
        self._look.setInterval(SIGNAL_LOOK_MS)
        self._look.timeout.connect(self._on_look_timeout)

    def install(self) -> None:
        for number in (signal.SIGTERM, signal.SIGINT):
            self._previous[number] = signal.signal(number, self._on_signal)
        self._look.start()

    def uninstall(self) -> None:
        self._look.stop()
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        self._previous.clear()

    def ends_with(self, end: Callable[[], None] | None) -> None:
        """What ends the running session (None: no session runs, only dialogs are closed)."""
        self._end = end
        self._is_done = False

    def _on_signal(self, number: int, frame: object) -> None:
        self.is_asked = True  # only this: the GUI thread may be in the middle of anything

    def _on_look_timeout(self) -> None:
        if not self.is_asked or self._is_done:
            return
        self._is_done = True
        LOGGER.info("asked to stop (SIGTERM or SIGINT): the console closes")
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()  # the sign-in, a reason or a question: answered "no", nothing waits on it
        if self._end is not None:
            self._end()


def load_theme(app: QApplication) -> None:
    theme = RESOURCES_DIR / "theme.qss"
    app.setStyleSheet(theme.read_text(encoding="utf-8"))


def run_console(config: CameraConfig, paths: AppPaths, options: RunOptions, tours: tuple[Tour, ...] = (),
                users: UserDirectory | None = None, plan: SignIn | None = None,
                warm: WarmStart | None = None) -> int:  # fmt: skip
    """Sign in, open the console for that session, and again after "sign out (change user)". ``warm``: the first
    session's streams when they were opened before (``run``: as soon as the configuration is read)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Uitkijk")
    app.setDesktopFileName("uitkijk")
    app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / "uitkijk.svg")))
    load_theme(app)
    install_language(options.language or DEFAULT_LANGUAGE)  # before the first window: the sign-in speaks it too
    users = users or load_users(config.folder)
    warm = warm or _warm_start(config, paths, options, plan.user if plan else None)  # while the user signs in
    try:
        return _run_sessions(app, config, paths, options, tours, users, plan, warm)
    finally:
        warm.end()  # when no session took it


def _warm_start(config: CameraConfig, paths: AppPaths, options: RunOptions, user: str | None) -> WarmStart:
    """The streams of the wall the desk will most likely show, opened while the user signs in (``ui/warm_start.py``)."""
    return warm_start(config, paths, desk_directory(config, paths, workstation_name()), options.layout, user)


def _run_sessions(app: QApplication, config: CameraConfig, paths: AppPaths, options: RunOptions,
                  tours: tuple[Tour, ...], users: UserDirectory, plan: SignIn | None,
                  warm: WarmStart) -> int:  # fmt: skip
    """The store opened, then a session after each sign-in; ``warm``: the first session's streams (the next
    sessions' open during their own sign-in)."""
    try:
        database = open_store(paths.data_dir, options.store_url)
    except StoreUnavailable as error:
        print(f"Uitkijk: {error}", file=sys.stderr)
        return 1
    try:
        log = AuditLog(database, paths.data_dir / KEY_FILE)
    except AuditKeyError as error:
        database.close()
        print(f"Uitkijk: {error}", file=sys.stderr)
        return 1
    writer = AuditWriter(log)
    mark("store opened")
    # The first desk's ONVIF process starts now: it imports its library and parses the service descriptions (about
    # 1 s) while the user signs in, and the desk's PTZ cameras are set up soon after its window shows.
    early_onvif: OnvifProcess | None = OnvifProcess(config.cameras)
    early_onvif.warm_up()
    termination = Termination()
    termination.install()
    try:
        while not termination.is_asked:
            if warm.is_handed_over:  # a sign-out: the next user's streams open while they sign in
                warm = _warm_start(config, paths, options, None)
            try:
                session = (unattended_session(users, writer, plan) if plan
                           else dialog_session(users, writer, is_stopping=lambda: termination.is_asked))  # fmt: skip
            except SignInFailed as error:
                print(f"Uitkijk: sign-in refused: {error}", file=sys.stderr)
                return 1
            if session is None or termination.is_asked:
                return 0
            mark("signed in")
            if options.language is None:  # the user's own language from users.yaml, for this session's windows
                install_language(session.user.language or DEFAULT_LANGUAGE)
            log_configuration(writer, session, config.folder)
            accountability = Accountability(writer, session)
            accountability.open({"how": "unattended" if plan else "dialog"})
            code, again = _run_session(app, config, paths, database, options, tours, users, accountability, plan,
                                       early_onvif, termination, warm.hand_over())  # fmt: skip
            early_onvif = None  # the session's desk ended it, or the session had no video: the next desk starts its own
            if not again:
                return code
            plan = None  # the next one signs in with the dialog
        return 0
    finally:
        termination.uninstall()
        warm.end()  # when nobody signed in: its streams stop
        if early_onvif is not None:
            early_onvif.shutdown()
        if not writer.close():
            LOGGER.error("the audit log's writer did not finish in time")
        database.close()


def _run_session(app: QApplication, config: CameraConfig, paths: AppPaths, database: Database, options: RunOptions,
                 tours: tuple[Tour, ...], users: UserDirectory, accountability: Accountability,
                 plan: SignIn | None, onvif: OnvifProcess | None, termination: Termination,
                 warm: WarmStart) -> tuple[int, bool]:  # fmt: skip
    """One session's windows until it ends; (exit code, sign in again). ``onvif``: the desk's, ended here;
    ``warm``: the streams opened during the sign-in, and their hub (the desk's, ended with it)."""
    session = accountability.session
    result = {"code": 0}
    if not watches_video(session):  # no camera for this session
        warm.release()
        warm.hub.shutdown()
        if onvif is not None:
            onvif.shutdown()
    if plays_back_only(session):  # the investigator: the playback window alone
        return _run_playback_only(app, config, paths, database, options, accountability, termination, plan)
    if not watches_video(session) and is_allowed(session.role, Action.MANAGE_INCIDENTS):  # the call-taker
        return _run_dispatch_only(app, config, paths, database, options, accountability, termination)
    if not watches_video(session):  # the data-protection officer: the audit log, no video
        board = BoardWindow(accountability, Supervision(database, accountability.writer.log),
                            {camera.id: camera.name for camera in config.cameras})  # fmt: skip
        _run_window(app, board, options, result, termination)
        board.shutdown()
        accountability.close("console closed")
        return result["code"], False
    accountability.reason_changed.connect(lambda reason: mark("reason given") if reason is not None else None)
    early = _unattended_reason(accountability, plan) if options.tour_id is None else None
    if early is not None:  # its entry is written while the desk is built: each tile's view is logged as it comes
        accountability.set_reason(early)
    settle_runtime()  # before the windows exist: the walk is short
    console = Console(config, paths, database, hub=warm.hub, tours=tours, accountability=accountability, users=users,
                      onvif=onvif, directory=warm.directory)  # fmt: skip
    mark("desk built")
    main_window = console.open(options.layout)
    warm.release()  # the tiles hold the streams they show (each veiled until its view is in the log)
    if options.tour_id is not None:
        _patrol_from_launch(accountability, main_window, next(tour for tour in tours if tour.id == options.tour_id))
    if early is None:
        reason = _unattended_reason(accountability, plan)
        if reason is not None:
            accountability.set_reason(reason)
        elif plan is None:
            QTimer.singleShot(0, lambda: console.ask_reason(main_window))
    settle_runtime(is_collecting=False)
    if options.exit_after_s is not None:
        finish_once = _once(lambda: _finish(main_window, options, result, console.quit))
        QTimer.singleShot(int(options.exit_after_s * 1000), finish_once)
        if options.screenshot is not None:  # as soon as every tile shows its picture or says why not
            _when_settled(main_window, finish_once)
    termination.ends_with(console.quit)  # SIGTERM or Ctrl+C in the terminal: closed as if by hand
    app.aboutToQuit.connect(console.save)
    app.exec()
    app.aboutToQuit.disconnect(console.save)
    termination.ends_with(None)
    if not console.shutdown():
        LOGGER.warning("some camera connections were still closing at exit")
    for window in console.windows:
        window.deleteLater()
    return result["code"], console.switch_user


def _unattended_reason(accountability: Accountability, plan: SignIn | None) -> Reason | None:
    """An unattended desk's reason: the one it was given, else its last one (an unattended wall PC carries on under
    it, logged again); None for a desk signed in with the dialog (its user is asked)."""
    if plan is None:
        return None
    if plan.reason is not None:
        return plan.reason
    recent = accountability.recent
    return recent[0] if recent else None


def _patrol_from_launch(accountability: Accountability, window: WallWindow, tour: Tour) -> None:
    """Start the tour, repeating, as soon as the desk has a reason (given now, or in the dialog)."""

    def on_reason(reason: object) -> None:
        if reason is None or window.tour_player is None:
            return
        accountability.reason_changed.disconnect(on_reason)
        window.tour_player.start(tour, is_repeating=True)

    accountability.reason_changed.connect(on_reason)


def _run_dispatch_only(app: QApplication, config: CameraConfig, paths: AppPaths, database: Database,
                       options: RunOptions, accountability: Accountability,
                       termination: Termination) -> tuple[int, bool]:  # fmt: skip
    """The call-taker's session: incidents and units, no camera, no hit images."""
    result = {"code": 0, "again": False}
    units = load_units(config)
    feed = DispatchFeed(DispatchReader(database, units.call_signs()))
    sound = AlertSound(paths.cache_dir)
    panel = DispatchPanel(accountability, feed, config, units, sound)
    window = DispatchWindow(panel)

    def sign_out() -> None:
        result["again"] = True
        app.quit()

    window.sign_out_requested.connect(sign_out)
    feed.start()
    _run_window(app, window, options, result, termination)
    panel.shutdown()
    feed.shutdown()
    sound.shutdown()
    window.end()  # the session is over: closed without asking
    window.deleteLater()
    accountability.close("switched user" if result["again"] else "console closed")
    return result["code"], bool(result["again"])


def _run_playback_only(app: QApplication, config: CameraConfig, paths: AppPaths, database: Database,
                       options: RunOptions, accountability: Accountability, termination: Termination,
                       plan: SignIn | None) -> tuple[int, bool]:  # fmt: skip
    """The investigator's session: recordings of any camera under the law (no live wall, no PTZ)."""
    result = {"code": 0, "again": False}
    window = PlaybackWindow(accountability, playback_recordings(config, database, accountability), config.cameras,
                            export_folder=paths.data_dir / "exports", can_sign_out=True)  # fmt: skip

    def sign_out() -> None:
        result["again"] = True
        app.quit()

    window.sign_out_requested.connect(sign_out)
    if plan is not None and plan.reason is not None:  # run --reason: the reason row starts with it
        accountability.set_reason(plan.reason)
    _run_window(app, window, options, result, termination)
    window.shutdown()
    window.deleteLater()
    accountability.close("switched user" if result["again"] else "console closed")
    return result["code"], bool(result["again"])


def _run_window(app: QApplication, window: QWidget, options: RunOptions, result: dict,
                termination: Termination) -> None:  # fmt: skip
    """A session with one window and no wall (the board, the call-taker's panel) until it ends."""
    window.show()
    termination.ends_with(app.quit)
    if options.exit_after_s is not None:
        QTimer.singleShot(int(options.exit_after_s * 1000), lambda: _finish(window, options, result, app.quit))
    app.exec()
    termination.ends_with(None)


SETTLED_CHECK_MS = 250
SETTLED_FOR_CHECKS = 8  # 2 s unchanged: a camera between two tries on a loaded machine is not taken for a dead one


def _once(action: Callable[[], None]) -> Callable[[], None]:
    done: list[bool] = []

    def run() -> None:
        if not done:
            done.append(True)
            action()

    return run


def _when_settled(window: WallWindow, then: Callable[[], None]) -> None:
    """``then`` once every tile with a camera has painted a picture or says why it has none (--screenshot):
    a picture of a wall that is still connecting shows nothing; ``--exit-after`` stays the upper bound."""
    timer = QTimer(window)
    timer.setInterval(SETTLED_CHECK_MS)
    checks_settled = [0]

    def check() -> None:
        tiles = [tile for tile in window.wall.tiles if tile.camera is not None]
        is_settled = all((tile.painted_frames > 0 and tile.reported_state == StreamState.LIVE)
                         or (tile.painted_frames == 0 and tile.reported_state == StreamState.NO_SIGNAL)
                         for tile in tiles)  # fmt: skip
        checks_settled[0] = checks_settled[0] + 1 if is_settled else 0
        if checks_settled[0] >= SETTLED_FOR_CHECKS:
            timer.stop()
            then()

    timer.timeout.connect(check)
    timer.start()


def _finish(window: QWidget, options: RunOptions, result: dict, then: Callable[[], None]) -> None:
    """--exit-after: save the screenshot if asked, then end."""
    if options.screenshot is not None:
        options.screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(options.screenshot)):
            LOGGER.error("could not write the screenshot to %s", options.screenshot)
            result["code"] = 1
        else:
            LOGGER.info("screenshot saved to %s", options.screenshot)
    then()
