"""One tile of the wall: the live picture, its age, and a clear state when it drops."""

from __future__ import annotations

import datetime as dt
import time
from typing import Literal

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMimeData,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from console.config.schema import Camera
from console.onvif.directory import StreamDirectory
from console.services.alarm_video import DeviceHealth
from console.store.backend import utc_moment
from console.ui.passes import FRAMES_AND_PANELS, PassBudget
from console.ui.words import playback_message, say, stream_reason
from console.video.hub import StreamHandle, StreamHub
from console.video.playback_reader import PlaybackReader, PlaybackState, RecordedFrame
from console.video.stream import Frame, StreamState, StreamStatus

CAMERA_MIME = "application/x-uitkijk-camera"
TILE_MIME = "application/x-uitkijk-tile"
NO_SIGNAL_AFTER_S = 1.2  # a picture older than this is not live: say so; with the 250 ms redraw, flagged within 2 s
Role = Literal["main", "sub"]

BACKGROUND = QColor("#0b0e12")
TEXT = QColor("#e6e9ee")
MUTED = QColor("#9aa4b1")
ACCENT = QColor("#ffb020")  # selection: amber reads well on a dark wall at night
LIVE = QColor("#3ecf6e")
WARN = QColor("#f0b429")
ALARM = QColor("#ff4d4f")
# A recorded picture (instant replay): magenta, never live's green, nor the amber, yellow or red of selection and
# faults; the playback window's colour (playback_window.PLAYBACK_COLOUR): one colour says "recorded" everywhere.
PLAYBACK = QColor(214, 0, 147)
PLAYBACK_BAND = QColor(214, 0, 147, 225)
PLAYBACK_PEN = QPen(PLAYBACK, 4)
# Looked up once: a tile paints 25 times a second, and every enum lookup in PySide6 is a Python call.
SELECTED_PEN = QPen(ACCENT, 3)
BORDER_PEN = QPen(QColor("#1c222b"), 1)
NO_BRUSH = Qt.BrushStyle.NoBrush
RGB32 = QImage.Format.Format_RGB32
SMOOTH = QPainter.RenderHint.SmoothPixmapTransform


class _SharedBars:
    """Bar images shared by every tile, the least recently used let go past a budget of bytes."""

    def __init__(self, budget_bytes: int) -> None:
        self._images: dict[tuple, QImage] = {}
        self._bytes = 0
        self._budget_bytes = budget_bytes

    def get(self, key: tuple) -> QImage | None:
        image = self._images.pop(key, None)
        if image is not None:
            self._images[key] = image  # now the most recently used
        return image

    def put(self, key: tuple, image: QImage) -> None:
        self._images[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self._budget_bytes and len(self._images) > 1:
            oldest = next(iter(self._images))
            self._bytes -= self._images.pop(oldest).sizeInBytes()


SHARED_BARS = _SharedBars(4 * 1024 * 1024)  # a grid's common footers; a bigger budget only fills with rare ages


# How long one pass of the event loop may spend drawing new bars; tiles past it draw theirs in the next pass.
# A wall's first paint draws every tile's header and footer, and text layout is the costly part: 36 tiles kept
# the GUI thread 61 ms in one pass. Spread over passes, input and timers get their turn in between, and the last
# bars show a few milliseconds later. Reset by a zero-time call: the bars' pass is the paint's own.
BAR_BUDGET = PassBudget(
    0.008, reset_ms=0
)  # 12 ms left a 36-tile wall's first pass at 37-47 ms with the rest of its paint


class TileDisplay:
    """What a tile shows, decided from the newest frame and the reader's state (pure, testable)."""

    def __init__(self, frame: Frame | None, status: StreamStatus | None, now_monotonic_s: float) -> None:
        self.frame = frame
        self.status = status
        self.age_s = None if frame is None else max(0.0, now_monotonic_s - frame.arrived_monotonic_s)
        state = status.state if status else StreamState.CONNECTING
        if self.age_s is not None and self.age_s <= NO_SIGNAL_AFTER_S:
            self.state = StreamState.LIVE
        elif state == StreamState.LIVE or (frame is not None and state == StreamState.CONNECTING):
            self.state = StreamState.NO_SIGNAL  # frames stopped before the reader noticed
        else:
            self.state = state


def _post(bridge: _Bridge, role_and_status: tuple[Role, StreamStatus]) -> None:
    """From a reader's thread: the tile may have gone meanwhile (its reader was inside this call)."""
    try:
        bridge.status_ready.emit(role_and_status)
    except RuntimeError:  # the bridge was deleted with its tile: nobody is left to tell
        pass


class _Bridge(QObject):
    """Carries reader status callbacks (worker threads) to the tile (GUI thread) as queued signals."""

    status_ready = Signal(object)


class VideoTile(QWidget):
    """Shows one camera. Sub-stream normally, main stream while enlarged."""

    clicked = Signal(int)
    double_clicked = Signal(int)
    camera_dropped = Signal(int, str)  # tile, camera id
    tile_dropped = Signal(int, int)  # source tile, this tile
    status_changed = Signal(int, object)  # tile, StreamState | None
    steered = Signal(int, float, float)  # tile, pan and tilt from the drag (-1..1)
    steer_ended = Signal(int)
    wheel_turned = Signal(int, float)  # tile, steps (+ zooms in)
    replay_painted = Signal(int)  # tile: the first recorded picture of an instant replay is on screen
    first_painted = Signal(int)  # tile: the first live picture of its camera is on screen

    def __init__(
        self,
        index: int,
        hub: StreamHub,
        area_names: dict[str, str],
        directory: StreamDirectory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.index = index
        self._hub = hub
        self._directory = directory
        self.is_steerable = False  # the operator controls this tile's PTZ camera: drags steer it
        self.ptz_text = ""  # who controls the camera: shown in the header
        self.ptz_position = ""  # where it points: shown in the footer
        self._is_steering = False
        self._area_names = area_names
        self.camera: Camera | None = None
        self.role: Role = "sub"
        self._handles: dict[Role, StreamHandle] = {}
        self._statuses: dict[Role, StreamStatus] = {}
        self.is_selected = False
        self._bridge = _Bridge(self)
        self._seen_sequence: dict[Role, int] = {}
        # The last picture of the camera's previous source (the relay that served it died, or handed it over): shown
        # dimmed, with its time, until the new source has a picture; never "no picture yet" for a camera that had one.
        self._kept_frame: Frame | None = None
        self.paint_s = 0.0  # how long its last paint took: what a new frame will cost the pass it is shown in
        self._owes_paint = False  # a new frame counted in this pass's budget, not painted yet
        self._is_age_due = False  # the clock asked for a repaint (the age): the next look for frames makes it
        self._bar_cache: dict[str, tuple[tuple, QImage]] = {}
        self._bridge.status_ready.connect(self._on_reader_status)
        self._press_position: QPoint | None = None
        self._last_reported: tuple[str | None, StreamState | None] = (None, None)  # camera, state
        self.painted_frames = 0
        self.last_painted: Frame | None = None
        # The start-up's moments of the tile's camera (time.monotonic; console/startup.py): when the tile asked for
        # its stream, when its viewing was in the log (the picture may show), and when its first picture showed.
        self.asked_s: float | None = None
        self.cleared_s: float | None = None
        self.first_painted_s: float | None = None
        self.first_painted_sequence = 0  # the number of that picture in its stream (those before it were not shown)
        self._is_gated = False  # pictures show only once their viewing is in the audit log
        self._cleared_for: str | None = None  # the camera whose viewing is logged
        self._veil = ""  # why no picture is shown (no reason yet, the log is being written)
        self.replay: PlaybackReader | None = None  # instant replay: the recording shown instead of the live picture
        self.replay_back_s = 0  # how far behind live it jumped (10, 30, 120 s)
        self._replay_seen = -1
        self._is_replay_painted = False
        self.alarm_mark = ""  # an alarm brought this camera here ("ALARM 0042 · door"): a red frame and these words
        self.has_number = True  # its number in the header (1-9 select it); not on the alarm tile's pictures
        self.live_key_hint = True  # a replay's band says F10 brings live back (not on the alarm tile's recording)
        # A Mobbox's health by camera (kept in place by the desk's health feed): a badge on its cameras' tiles.
        self.health_of: dict[str, DeviceHealth] = {}
        self._notice = ""  # a short word over the picture (no instant replay: why), until _notice_until_s
        self._notice_until_s = 0.0
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(120, 68))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # -- what to show -----------------------------------------------------------------
    def set_camera(self, camera: Camera | None) -> None:
        if camera is not None and self.camera is not None and camera.id == self.camera.id:
            return
        self._release_all()
        self._kept_frame = None  # another camera: its predecessor's picture is not this one's
        self.camera = camera
        self.asked_s = self.cleared_s = self.first_painted_s = None
        self.first_painted_sequence = 0
        self._veil = ""
        self.replay = None  # a replay was of the camera before (its controller logs its end)
        if camera is not None:
            self._acquire(self.role)
        self._report_status()
        self.update()

    # -- the viewing gate ----------------------------------------------------------------
    def set_gated(self, is_gated: bool) -> None:
        self._is_gated = is_gated
        self.update()

    @property
    def is_cleared(self) -> bool:
        """May the picture show: no gate, or this camera's viewing is in the audit log."""
        return not self._is_gated or (self.camera is not None and self._cleared_for == self.camera.id)

    def clear_for(self, camera_id: str) -> None:
        self._cleared_for, self._veil = camera_id, ""
        if self.cleared_s is None and self.camera is not None and self.camera.id == camera_id:
            self.cleared_s = time.monotonic()
        self.update()

    def set_veil(self, text: str) -> None:
        """No picture (until cleared again); ``text`` says why."""
        self._cleared_for, self._veil = None, text
        self.update()

    # -- instant replay -------------------------------------------------------------------
    def show_replay(self, reader: PlaybackReader | None, back_s: int = 0) -> None:
        """Show this recording instead of the live picture (its playback start is in the log); None: live again.

        The live stream stays connected meanwhile: back to live is at once."""
        self.replay, self.replay_back_s, self._replay_seen = reader, back_s, -1
        self._is_replay_painted = False
        if reader is not None:
            reader.set_target_size(*self._device_size())
        self.update()

    @property
    def is_replaying(self) -> bool:
        return self.replay is not None

    def replay_frame(self) -> RecordedFrame | None:
        return self.replay.latest() if self.replay is not None else None

    def show_notice(self, text: str, seconds: float = 6.0) -> None:
        """A short word over the picture for a few seconds (why there is no instant replay)."""
        self._notice, self._notice_until_s = text, time.monotonic() + seconds
        QTimer.singleShot(int(seconds * 1000) + 50, self, self.update)
        self.update()

    @property
    def notice(self) -> str:
        return self._notice if time.monotonic() < self._notice_until_s else ""

    def set_role(self, role: Role) -> None:
        """Switch between sub and main stream without a black gap: the old stream stays until the new one shows."""
        if role == self.role:
            return
        self.role = role
        # (an ONVIF camera whose streams are not known has no handle either way: its problem is said in both roles)
        if self.camera is not None and (self._url(role) != self._url_of_handles() or role not in self._statuses):
            self._acquire(role)
        self.update()

    def _shown(self) -> tuple[Frame | None, Role | None]:
        """The frame on screen now and its role: this role's, or the old role's until the new one has a picture."""
        handle = self._handles.get(self.role)
        frame = handle.latest() if handle else None
        if frame is not None:
            self._kept_frame = None  # the new source shows: the old picture has done its job
            return frame, self.role
        for other_role, other in self._handles.items():
            if other_role != self.role:
                frame = other.latest()
                if frame is not None:
                    return frame, other_role
        if self._kept_frame is not None:
            return self._kept_frame, self.role
        return None, None

    def stream_phases(self) -> dict[str, float]:
        """When each step to the shown stream's first picture happened (its reader's; console/startup.py)."""
        handle = self._handles.get(self.role)
        return dict(getattr(handle.reader, "phases", {})) if handle is not None else {}

    def shown_frame(self) -> Frame | None:
        return self._shown()[0]

    def display(self) -> TileDisplay:
        return TileDisplay(self.shown_frame(), self._statuses.get(self.role), time.monotonic())

    def shown_role(self) -> Role | None:
        """The role whose frames are on screen now (the old one during a switch)."""
        return self._shown()[1]

    def video_rect(self, frame: Frame | None = None) -> QRect:
        """Where the picture is drawn: the tile, letterboxed to the frame's aspect ratio."""
        frame = frame or self.shown_frame()
        if frame is None:
            return self.rect()
        bounds = self.rect()
        scale = min(bounds.width() / frame.width, bounds.height() / frame.height)
        width, height = int(frame.width * scale), int(frame.height * scale)
        return QRect(
            bounds.x() + (bounds.width() - width) // 2, bounds.y() + (bounds.height() - height) // 2, width, height
        )

    # -- streams ----------------------------------------------------------------------
    def _url_of_handles(self) -> str | None:
        handle = self._handles.get(self.role)
        return handle.url if handle else None

    def _url(self, role: Role) -> str | None:
        assert self.camera is not None
        return self._directory.url(self.camera, role) if self._directory else self.camera.stream_url(role)

    def refresh_source(self) -> None:
        """The camera's streams were found over ONVIF (or failed to be), or the relay came or went:
        connect where the directory says now, or say why not."""
        if self.camera is None:
            return
        handle = self._handles.get(self.role)
        if handle is not None and handle.url != self._url(self.role):  # relay <-> camera: the picture moves
            kept = self.shown_frame() or self._kept_frame
            self._release_all()
            self._kept_frame = kept  # shown dimmed, with its time, until the new source has a picture
        if self.role not in self._handles:
            self._acquire(self.role)
            self._report_status()
            self.update()

    def _acquire(self, role: Role) -> None:
        assert self.camera is not None
        if role in self._handles:
            return
        url = self._url(role)
        if url is None:  # an ONVIF camera whose streams are not known yet: why, worded here (the directory's facts)
            problem = self._directory.problem(self.camera.id) if self._directory else None
            self._statuses[role] = StreamStatus(
                StreamState.CONNECTING, say(problem) if problem else self.tr("finding the streams over ONVIF")
            )
            return
        for existing in self._handles.values():
            if existing.url == url:  # a camera with one stream: main and sub are the same
                self._handles[role] = existing
                return
        size = self._device_size()
        if self.asked_s is None:
            self.asked_s = time.monotonic()
        self._handles[role] = self._hub.acquire(
            url,
            f"{self.camera.id}.{role}",
            on_status=lambda status, r=role: _post(self._bridge, (r, status)),
            size=size,
        )
        self._statuses[role] = self._handles[role].status()

    def _release_all(self) -> None:
        released = set()
        for handle in self._handles.values():
            if id(handle) not in released:
                released.add(id(handle))
                handle.release()
        self._handles.clear()
        self._statuses.clear()
        self._seen_sequence.clear()

    def _release_other_roles(self) -> None:
        keep = self._handles.get(self.role)
        for role in [role for role in self._handles if role != self.role]:
            handle = self._handles.pop(role)
            self._statuses.pop(role, None)
            self._seen_sequence.pop(role, None)
            if handle is not keep:
                handle.release()

    def poll_frames(self) -> bool:
        """Called by the wall's frame clock: repaint if a stream has a newer frame (or the age is due); True if new."""
        is_new = False
        if self.replay is not None:
            recorded = self.replay.latest()
            if recorded is not None and recorded.sequence != self._replay_seen:
                self._replay_seen = recorded.sequence
                is_new = True
        for role, handle in self._handles.items():
            frame = handle.latest()
            if frame is not None and frame.sequence != self._seen_sequence.get(role):
                self._seen_sequence[role] = frame.sequence
                is_new = True
        if not is_new and not self._is_age_due:
            return False
        self._is_age_due = False
        if len(self._handles) > 1:
            current = self._handles.get(self.role)
            if current is not None and current.latest() is not None:
                self._release_other_roles()  # the new stream shows: let the old one go
        self.update()
        FRAMES_AND_PANELS.spend(self.paint_s, owes_paint=not self._owes_paint)  # painted later in this pass
        self._owes_paint = True
        return is_new

    def _on_reader_status(self, payload: tuple[Role, StreamStatus]) -> None:
        role, status = payload
        if role in self._handles:
            self._statuses[role] = status
            self._report_status()
            self.update()

    def refresh(self) -> None:
        """Called by the wall's clock: notice a picture that stopped; the age is repainted by the next look for
        frames (``poll_frames``), in a pass with budget left: 16 ages at once shared a pass with a new board."""
        self._report_status()
        self._is_age_due = True

    def _report_status(self) -> None:
        """Say the state when it or the camera changed (a warm switch is live before and after: the camera
        that went must not stay live in the camera list)."""
        state = self.display().state if self.camera else None
        reported = (self.camera.id if self.camera else None, state)
        if reported != self._last_reported:
            self._last_reported = reported
            self.status_changed.emit(self.index, state)

    @property
    def reported_state(self) -> StreamState | None:
        """The state this tile last said (at most one clock tick old): a count over the wall reads no frames."""
        return self._last_reported[1]

    def _device_size(self) -> tuple[int, int]:
        ratio = self.devicePixelRatioF()
        return int(self.width() * ratio), int(self.height() * ratio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for handle in set(self._handles.values()):
            handle.set_size(*self._device_size())
        if self.replay is not None:
            self.replay.set_target_size(*self._device_size())

    def closeEvent(self, event) -> None:
        self._release_all()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self._release_all()

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()
        self.paint_s = time.perf_counter() - started
        if self._owes_paint:
            self._owes_paint = False
            FRAMES_AND_PANELS.paid()

    def _paint(self, painter: QPainter) -> None:
        bounds = self.rect()
        painter.fillRect(bounds, BACKGROUND)
        if self.camera is None:
            self._paint_empty(painter)
            self._paint_selection(painter)
            return
        frame, shown_role = self._shown()  # one look at the streams per paint
        shown = TileDisplay(frame, self._statuses.get(self.role), time.monotonic())
        if not self.is_cleared:
            self._paint_header(painter, shown)
            self._paint_veil(painter)
            self._paint_selection(painter)
            return
        if self.replay is not None:
            self._paint_replay(painter, shown)
            return
        if frame is not None:
            target = self._paint_picture(painter, frame)
            if shown.state != StreamState.LIVE:
                painter.fillRect(target, QColor(0, 0, 0, 170))  # the old picture stays, dimmed
            elif self.first_painted_s is None:
                self.first_painted_s, self.first_painted_sequence = time.monotonic(), frame.sequence
                self.first_painted.emit(self.index)
        self._paint_header(painter, shown)
        self._paint_health(painter)
        self._paint_footer(painter, shown, shown_role)
        if shown.state != StreamState.LIVE:
            self._paint_problem(painter, shown)
        self._paint_alarm_mark(painter)
        self._paint_notice(painter)
        self._paint_selection(painter)

    def _paint_picture(self, painter: QPainter, frame: Frame) -> QRect:
        target = self.video_rect(frame)
        image = QImage(frame.rows.data, frame.width, frame.height, frame.bytes_per_line, RGB32)
        if target.width() == frame.width and target.height() == frame.height:
            painter.drawImage(target.topLeft(), image)
        else:
            painter.setRenderHint(SMOOTH, self.role == "main")
            painter.drawImage(QRectF(target), image)
        self.painted_frames += 1
        self.last_painted = frame
        return target

    def _paint_replay(self, painter: QPainter, shown: TileDisplay) -> None:
        """A recorded picture: a magenta frame, PLAYBACK and the picture's recording time in a magenta band."""
        assert self.replay is not None
        recorded = self.replay.latest()
        status = self.replay.status()
        is_showing = recorded is not None and status.state == PlaybackState.SHOWING
        if recorded is not None:
            target = self._paint_picture(painter, recorded)
            if not self._is_replay_painted:
                self._is_replay_painted = True
                self.replay_painted.emit(self.index)
            if not is_showing:
                painter.fillRect(target, QColor(0, 0, 0, 170))  # the last recorded picture stays, dimmed
        self._paint_header(painter, shown)
        self._paint_health(painter)
        self._paint_replay_footer(painter, recorded)
        if not is_showing:
            lines = [(self.tr("PLAYBACK"), PLAYBACK, 16, True)]
            message = status.message or ("" if status.state == PlaybackState.SHOWING else "opening the recording")
            if message:
                lines.append((playback_message(message), TEXT, 9.5, False))
            self._paint_lines(painter, lines)
        painter.setBrush(NO_BRUSH)
        painter.setPen(PLAYBACK_PEN)
        painter.drawRect(self.rect().adjusted(2, 2, -3, -3))
        self._paint_alarm_mark(painter)
        self._paint_notice(painter)
        if self.is_selected:
            painter.setPen(SELECTED_PEN)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))

    def replay_words(self, recorded: RecordedFrame | None) -> tuple[str, str]:
        """What the magenta band says: PLAYBACK and the recording time; how far behind live it is.

        Without a picture yet (nothing recorded at that time) the time is the replay's clock's."""
        if recorded is not None:
            shown_s = recorded.recorded_s
        elif self.replay is not None:
            shown_s = self.replay.clock.now_s()
        else:
            return self.tr("PLAYBACK"), ""
        stamp = time.strftime("%H:%M:%S", time.localtime(shown_s))
        behind_s = max(0, round(time.time() - shown_s))
        if not self.live_key_hint:
            ago = self.tr("{age} ago").format(age=format_age(float(behind_s)))  # the alarm tile's: it may be long ago
            return self.tr("PLAYBACK {time}").format(time=stamp), ago
        return (self.tr("PLAYBACK {time}").format(time=stamp),
                self.tr("{seconds} s behind live · F10: live").format(seconds=behind_s))  # fmt: skip

    def _paint_replay_footer(self, painter: QPainter, recorded: RecordedFrame | None) -> None:
        scale = self._scale()
        height = int(24 * scale)
        label, behind = self.replay_words(recorded)

        def draw(bar_painter: QPainter, bar: QRect) -> None:
            bar_painter.fillRect(bar, PLAYBACK_BAND)
            margin = int(8 * scale)
            bar_painter.setFont(self._font(9.5 * scale, bold=True))
            bar_painter.setPen(TEXT)
            left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            bar_painter.drawText(bar.adjusted(margin, 0, 0, 0), left, label)
            room = bar.width() - 3 * margin - bar_painter.fontMetrics().horizontalAdvance(label)
            bar_painter.setFont(self._font(8 * scale))
            if bar_painter.fontMetrics().horizontalAdvance(behind) <= room:  # a small tile: the time always shows
                bar_painter.drawText(bar.adjusted(0, 0, -margin, 0),
                                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, behind)  # fmt: skip

        key = (self.width(), height, label, behind)
        footer = self._cached_bar("replay", key, height, draw)
        if footer is not None:
            painter.drawImage(QPoint(0, self.height() - height), footer)

    def set_alarm_mark(self, text: str) -> None:
        self.alarm_mark = text
        self.update()

    def _paint_alarm_mark(self, painter: QPainter) -> None:
        if not self.alarm_mark:
            return
        scale = self._scale()
        painter.setBrush(NO_BRUSH)
        painter.setPen(QPen(ALARM, 3))
        painter.drawRect(self.rect().adjusted(2, 2, -3, -3))
        painter.setFont(self._font(9 * scale, bold=True))
        width = painter.fontMetrics().horizontalAdvance(self.alarm_mark) + int(12 * scale)
        box = QRect(int(6 * scale), int(30 * scale), min(width, self.width() - int(12 * scale)), int(18 * scale))
        painter.fillRect(box, ALARM)
        painter.setPen(TEXT)
        text = painter.fontMetrics().elidedText(self.alarm_mark, Qt.TextElideMode.ElideRight, box.width() - 8)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    @property
    def health(self) -> DeviceHealth | None:
        return self.health_of.get(self.camera.id) if self.camera is not None else None

    def health_words(self, now: dt.datetime | None = None) -> list[str]:
        """What the badge says, in words (the camera list's tooltip, the tests): battery, uplink, door, stale."""
        return health_words(self.health, now or dt.datetime.now(dt.UTC)) if self.health is not None else []

    def _paint_health(self, painter: QPainter) -> None:
        """A Mobbox's health under the header, on the right: battery and %, uplink bars, a red open door."""
        health = self.health
        if health is None:
            return
        scale = self._scale()
        is_stale = health.is_stale(dt.datetime.now(dt.UTC))
        height = int(18 * scale)
        font = self._font(8.5 * scale, bold=True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        percent = f"{health.battery_pct:.0f}%" if health.battery_pct is not None else "?"
        door = self.tr("DOOR OPEN") if health.is_door_open else ""
        stale = self.tr("stale") if is_stale else ""
        battery_w, bars_w, gap = int(20 * scale), int(16 * scale), int(6 * scale)
        width = (gap + battery_w + gap // 2 + metrics.horizontalAdvance(percent) + gap + bars_w + gap
                 + (metrics.horizontalAdvance(door) + gap if door else 0)
                 + (metrics.horizontalAdvance(stale) + gap if stale else 0))  # fmt: skip
        box = QRect(self.width() - width - int(6 * scale), int(30 * scale), width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(8, 10, 14, 200))
        painter.drawRoundedRect(box, 4 * scale, 4 * scale)
        x, middle = box.x() + gap, box.center().y()
        dim = MUTED if is_stale else None
        battery_colour = dim or (ALARM if health.is_battery_low else LIVE)
        body = QRect(x, middle - int(4 * scale), battery_w - int(3 * scale), int(9 * scale))
        painter.setPen(QPen(battery_colour, 1))
        painter.setBrush(NO_BRUSH)
        painter.drawRect(body)
        painter.fillRect(QRect(body.right() + 1, middle - int(2 * scale), int(2 * scale), int(5 * scale)),
                         battery_colour)  # fmt: skip
        level = 0.0 if health.battery_pct is None else max(0.0, min(1.0, health.battery_pct / 100))
        painter.fillRect(QRect(body.x() + 2, body.y() + 2, int((body.width() - 3) * level), body.height() - 3),
                         battery_colour)  # fmt: skip
        x += battery_w + gap // 2
        painter.setPen(dim or TEXT)
        painter.drawText(QRect(x, box.y(), metrics.horizontalAdvance(percent), height),
                         Qt.AlignmentFlag.AlignVCenter, percent)  # fmt: skip
        x += metrics.horizontalAdvance(percent) + gap
        strength = {"ok": 3, "degraded": 2, "lost": 0}.get(health.uplink or "", -1)
        bar_colour = dim or {3: LIVE, 2: WARN, 0: ALARM}.get(strength, MUTED)
        for bar in range(3):
            bar_h = int((4 + 3 * bar) * scale)
            rect = QRect(x + bar * int(5 * scale), middle + int(5 * scale) - bar_h, int(3 * scale), bar_h)
            painter.fillRect(rect, bar_colour if bar < strength else QColor("#3a414c"))
        if strength == 0:  # lost: a red cross over the bars
            painter.setPen(QPen(ALARM, 1.5))
            painter.drawLine(x, middle - int(5 * scale), x + bars_w - gap, middle + int(5 * scale))
        x += bars_w + gap
        if door:
            painter.setPen(dim or ALARM)
            painter.drawText(QRect(x, box.y(), metrics.horizontalAdvance(door), height),
                             Qt.AlignmentFlag.AlignVCenter, door)  # fmt: skip
            x += metrics.horizontalAdvance(door) + gap
        if stale:
            painter.setPen(MUTED)
            painter.drawText(QRect(x, box.y(), metrics.horizontalAdvance(stale), height),
                             Qt.AlignmentFlag.AlignVCenter, stale)  # fmt: skip

    def _paint_notice(self, painter: QPainter) -> None:
        """A word over the picture for a few seconds: its first line a title, the rest wrapped to fit the tile."""
        notice = self.notice
        if not notice:
            return
        scale = self._scale()
        margin, pad = int(12 * scale), int(6 * scale)
        width = self.width() - 2 * margin - 2 * pad
        title, _, rest = notice.partition("\n")
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        title_font, rest_font = self._font(10 * scale, bold=True), self._font(9 * scale)
        painter.setFont(title_font)
        title_box = painter.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), flags, title)
        painter.setFont(rest_font)
        rest_box = painter.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), flags, rest) if rest else QRect()
        top = int(30 * scale)
        backing = QRect(margin, top, self.width() - 2 * margin, title_box.height() + rest_box.height() + 2 * pad)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(8, 10, 14, 225))
        painter.drawRoundedRect(backing, 6 * scale, 6 * scale)
        painter.setFont(title_font)
        painter.setPen(WARN)
        painter.drawText(QRect(margin + pad, top + pad, width, title_box.height()), flags, title)
        if rest:
            painter.setFont(rest_font)
            painter.setPen(TEXT)
            painter.drawText(QRect(margin + pad, top + pad + title_box.height(), width, rest_box.height()), flags, rest)

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def _scale(self) -> float:
        """Text grows with the tile, within bounds, so a 4x4 wall and an enlarged tile both read well."""
        return max(0.75, min(1.5, self.height() / 300, self.width() / 520))

    def _cached_bar(self, name: str, key: tuple, height: int, draw) -> QImage | None:
        """A header or footer bar, or a tile's message, drawn once and reused until what it says changes.

        Text layout is the costly part of a tile's paint; a live tile's bars change
        rarely, so 25 repaints a second cost one image blit each instead of five text
        layouts. Footers are shared between tiles (``SHARED_BARS``): the age flickers
        between a few tenths, and every tile of a grid shows the same few footers.
        """
        cached = self._bar_cache.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]
        ratio = self.devicePixelRatioF()
        shared_key = (name, ratio, *key)
        image = SHARED_BARS.get(shared_key) if name == "footer" else None
        if image is not None:
            self._bar_cache[name] = (key, image)
            return image
        if not BAR_BUDGET.allows():  # this pass has drawn its share: the bar comes with the next
            QTimer.singleShot(0, self, self.update)
            # Meanwhile a footer may say the last age; a header never names the camera that was there before.
            is_same_size = cached is not None and cached[1].size() == QSize(*self._bar_pixels(height))
            return cached[1] if name == "footer" and cached is not None and is_same_size else None
        started = time.perf_counter()
        image = QImage(*self._bar_pixels(height), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        bar_painter = QPainter(image)
        try:
            bar_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw(bar_painter, QRect(0, 0, self.width(), height))
        finally:
            bar_painter.end()
        self._bar_cache[name] = (key, image)
        if name == "footer":
            SHARED_BARS.put(shared_key, image)
        BAR_BUDGET.spend(time.perf_counter() - started)
        return image

    def _bar_pixels(self, height: int) -> tuple[int, int]:
        ratio = self.devicePixelRatioF()
        return int(self.width() * ratio), int(height * ratio)

    def _paint_header(self, painter: QPainter, shown: TileDisplay) -> None:
        assert self.camera is not None
        camera = self.camera
        scale = self._scale()
        height = int(26 * scale)
        dot = (
            PLAYBACK
            if self.replay is not None
            else {StreamState.LIVE: LIVE, StreamState.CONNECTING: WARN}.get(shown.state, ALARM)
        )
        area = self._area_names.get(camera.area, camera.area)
        area += {"fixed": "", "ptz": " \u00b7 PTZ", "anpr": " \u00b7 ANPR"}[camera.kind]

        def draw(bar_painter: QPainter, bar: QRect) -> None:
            bar_painter.fillRect(bar, QColor(0, 0, 0, 150))
            radius = int(5 * scale)
            bar_painter.setPen(Qt.PenStyle.NoPen)
            bar_painter.setBrush(dot)
            bar_painter.drawEllipse(QPoint(int(12 * scale), height // 2), radius, radius)
            bar_painter.setPen(TEXT)
            bar_painter.setFont(self._font(9.5 * scale, bold=True))
            x = int(24 * scale)
            reserved = (200 if self.role == "main" else 60) + (7 * len(self.ptz_text))
            name_rect = QRect(x, 0, bar.width() - x - int(reserved * scale), height)
            metrics = bar_painter.fontMetrics()
            name = metrics.elidedText(camera.name, Qt.TextElideMode.ElideRight, name_rect.width())
            bar_painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            used = metrics.horizontalAdvance(name)
            bar_painter.setPen(MUTED)
            bar_painter.setFont(self._font(8.5 * scale))
            area_rect = QRect(x + used + int(8 * scale), 0, name_rect.width() - used - int(8 * scale), height)
            area_text = bar_painter.fontMetrics().elidedText(area, Qt.TextElideMode.ElideRight, area_rect.width())
            bar_painter.drawText(area_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, area_text)
            bar_painter.setPen(TEXT)
            bar_painter.setFont(self._font(9 * scale, bold=True))
            number_rect = QRect(0, 0, bar.width() - int(8 * scale), height)
            number = (
                self.tr("Esc: back to the wall   {number}").format(number=self.index + 1)
                if self.role == "main"
                else str(self.index + 1)
                if self.has_number
                else ""
            )
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            bar_painter.drawText(number_rect, right, number)
            if self.ptz_text:  # who steers this camera, for everyone to see
                used_right = bar_painter.fontMetrics().horizontalAdvance(number) + int(14 * scale)
                bar_painter.setPen(ACCENT if self.is_steerable else WARN)
                bar_painter.setFont(self._font(8.5 * scale, bold=True))
                bar_painter.drawText(number_rect.adjusted(0, 0, -used_right, 0), right, self.ptz_text)

        key = (self.width(), height, camera.name, area, dot.name(), self.index, self.role, self.ptz_text,
               self.is_steerable)  # fmt: skip
        header = self._cached_bar("header", key, height, draw)
        if header is not None:
            painter.drawImage(QPoint(0, 0), header)

    def _paint_footer(self, painter: QPainter, shown: TileDisplay, shown_role: Role | None) -> None:
        scale = self._scale()
        height = int(22 * scale)
        if shown.age_s is None:
            age_colour, age_text = MUTED, self.tr("no picture yet")
        else:
            age_colour = LIVE if shown.age_s < 0.5 else WARN if shown.age_s <= NO_SIGNAL_AFTER_S else ALARM
            age_text = self.tr("age {age}").format(age=format_age(shown.age_s))
        role = (shown_role or self.role).upper()
        details = role
        if shown.frame is not None:
            codec = {"h264": "H.264", "hevc": "H.265"}.get(shown.frame.codec, shown.frame.codec.upper())
            details += f"  {shown.frame.source_width}\u00d7{shown.frame.source_height}  {codec}"
        if self.ptz_position:
            details = f"{self.ptz_position}    {details}"

        def draw(bar_painter: QPainter, bar: QRect) -> None:
            bar_painter.fillRect(bar, QColor(0, 0, 0, 140))
            margin = int(8 * scale)
            bar_painter.setFont(self._font(8.5 * scale, bold=True))
            bar_painter.setPen(age_colour)
            left = bar.adjusted(margin, 0, 0, 0)
            bar_painter.drawText(left, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, age_text)
            room = bar.width() - 3 * margin - bar_painter.fontMetrics().horizontalAdvance(age_text)
            bar_painter.setPen(MUTED)
            bar_painter.setFont(self._font(8 * scale))
            # The age always shows; the details as far as they fit (a small tile of an overview grid).
            shown_details = next((text for text in (details, role) if bar_painter.fontMetrics().horizontalAdvance(text)
                                  <= room), "")  # fmt: skip
            right = bar.adjusted(0, 0, -margin, 0)
            bar_painter.drawText(right, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown_details)

        key = (self.width(), height, age_text, age_colour.name(), details)
        footer = self._cached_bar("footer", key, height, draw)
        if footer is not None:
            painter.drawImage(QPoint(0, self.height() - height), footer)

    def problem_lines(self, shown: TileDisplay | None = None) -> list[tuple[str, QColor, float, bool]]:
        """What the tile says when it has no live picture: the state, the last frame, why, and the retry."""
        shown = shown or self.display()
        lines: list[tuple[str, QColor, float, bool]] = []
        status = shown.status
        if shown.state == StreamState.CONNECTING:
            lines.append((self.tr("CONNECTING\u2026"), WARN, 13, True))
        else:
            lines.append((self.tr("NO SIGNAL"), ALARM, 16, True))
            if shown.frame is not None:
                stamp = time.strftime("%H:%M:%S", time.localtime(shown.frame.arrived_wall_s))
                last = self.tr("last frame {time} ({age} ago)").format(time=stamp, age=format_age(shown.age_s or 0))
                lines.append((last, TEXT, 9.5, False))
            else:
                lines.append((self.tr("no frame received yet"), TEXT, 9.5, False))
        if status is not None and status.message and shown.state != StreamState.LIVE:
            retry = ""
            if status.next_attempt_in_s is not None:
                retry = self.tr(" \u00b7 retrying in {seconds} s").format(seconds=f"{status.next_attempt_in_s:g}")
            via = ""
            handle = self._handles.get(self.role)
            if self._directory is not None and handle is not None and self._directory.is_relayed(handle.url):
                via = self.tr("relay: ")  # the room's relay does not answer, or cannot reach the camera
            lines.append((via + stream_reason(status.message) + retry, MUTED, 8.5, False))
        elif status is not None and status.state == StreamState.CONNECTING and status.attempts > 1:
            lines.append((self.tr("attempt {number}").format(number=status.attempts), MUTED, 8.5, False))
        return lines

    def _paint_problem(self, painter: QPainter, shown: TileDisplay) -> None:
        """The message over a tile with no live picture, drawn once per wording (36 connecting tiles laid
        out their text at every paint, most of a 36-tile wall's first pass)."""
        self._paint_lines(painter, self.problem_lines(shown))

    def _paint_lines(self, painter: QPainter, lines: list[tuple[str, QColor, float, bool]], name: str = "problem",
                     top_fraction: float = 0.5) -> None:  # fmt: skip
        """Lines of text in a dark box over the picture (centred, or higher up: ``top_fraction``)."""
        scale = self._scale()
        centre = self.rect().adjusted(0, int(26 * scale), 0, -int(22 * scale))
        total = sum(int(size * 2.1 * scale) for _, _, size, _ in lines)
        pad = int(6 * scale)
        top = centre.y() + int((centre.height() - total) * top_fraction) - pad

        def draw(box_painter: QPainter, box: QRect) -> None:
            backing = QRect(int(12 * scale), 0, box.width() - int(24 * scale), total + 2 * pad)
            box_painter.setPen(Qt.PenStyle.NoPen)
            box_painter.setBrush(QColor(8, 10, 14, 215))  # the message stays readable over any picture
            box_painter.drawRoundedRect(backing, 6 * scale, 6 * scale)
            y = pad
            for text, colour, size, bold in lines:
                box_painter.setFont(self._font(size * scale, bold))
                box_painter.setPen(colour)
                line_height = int(size * 2.1 * scale)
                rect = QRect(6, y, box.width() - 12, line_height)
                elided = box_painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
                box_painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
                y += line_height

        key = (self.width(), total, tuple((text, colour.name(), size, bold) for text, colour, size, bold in lines))
        box = self._cached_bar(name, key, total + 2 * pad, draw)
        if box is not None:
            painter.drawImage(QPoint(0, top), box)

    def _paint_veil(self, painter: QPainter) -> None:
        if not self._veil:
            return
        painter.setPen(WARN)
        painter.setFont(self._font(11 * self._scale(), bold=True))
        margin = int(16 * self._scale())
        painter.drawText(self.rect().adjusted(margin, margin, -margin, -margin),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._veil)  # fmt: skip

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#2a313b"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(self.rect().adjusted(6, 6, -7, -7))
        painter.setPen(MUTED)
        painter.setFont(self._font(10 * self._scale()))
        painter.drawText(
            self.rect(),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("{number}\nDrag a camera here").format(number=self.index + 1),
        )

    def _paint_selection(self, painter: QPainter) -> None:
        painter.setBrush(NO_BRUSH)
        if self.is_selected:
            painter.setPen(SELECTED_PEN)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        else:
            painter.setPen(BORDER_PEN)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    # -- mouse and drag-and-drop ----------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_position = event.position().toPoint()
            self.clicked.emit(self.index)
            self._is_steering = self.is_steerable
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_position is None or self.camera is None:
            return
        if self._is_steering:  # direction and speed from the drag: a quarter tile is full speed
            offset = event.position().toPoint() - self._press_position
            pan = max(-1.0, min(1.0, offset.x() / max(1, self.width() / 4)))
            tilt = max(-1.0, min(1.0, -offset.y() / max(1, self.height() / 4)))
            self.steered.emit(self.index, pan, tilt)
            return
        if (event.position().toPoint() - self._press_position).manhattanLength() < QApplication.startDragDistance():
            return
        self._press_position = None
        drag = QDrag(self)
        mime = QMimeData()
        mime.setData(TILE_MIME, str(self.index).encode())
        mime.setData(CAMERA_MIME, self.camera.id.encode())
        drag.setMimeData(mime)
        drag.setPixmap(self.grab().scaledToWidth(160, Qt.TransformationMode.SmoothTransformation))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press_position = None
        if self._is_steering:
            self._is_steering = False
            self.steer_ended.emit(self.index)
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event) -> None:
        if self.is_steerable:
            self.wheel_turned.emit(self.index, event.angleDelta().y() / 120)
            event.accept()
        else:
            super().wheelEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit(self.index)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME) or event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        self.accept_drop(event.mimeData())
        event.acceptProposedAction()

    def accept_drop(self, mime: QMimeData) -> None:
        if mime.hasFormat(TILE_MIME):
            source = int(bytes(mime.data(TILE_MIME)).decode())
            if source != self.index:
                self.tile_dropped.emit(source, self.index)
        elif mime.hasFormat(CAMERA_MIME):
            self.camera_dropped.emit(self.index, bytes(mime.data(CAMERA_MIME)).decode())


def health_words(health: DeviceHealth, now: dt.datetime) -> list[str]:
    """A device's health in the reader's language: battery, uplink, door; stale when not said again for a while."""
    words = []
    if health.battery_pct is not None:
        percent = f"{health.battery_pct:.0f}"
        words.append(QCoreApplication.translate("VideoTile", "battery {percent}% (low)").format(percent=percent)
                     if health.is_battery_low else
                     QCoreApplication.translate("VideoTile", "battery {percent}%").format(percent=percent))  # fmt: skip
    elif health.battery_low:
        words.append(QCoreApplication.translate("VideoTile", "battery low"))
    if health.uplink == "ok":
        words.append(QCoreApplication.translate("VideoTile", "uplink ok"))
    elif health.uplink == "degraded":
        words.append(QCoreApplication.translate("VideoTile", "uplink degraded"))
    elif health.uplink == "lost":
        words.append(QCoreApplication.translate("VideoTile", "uplink lost"))
    if health.door == "open":
        words.append(QCoreApplication.translate("VideoTile", "door open"))
    elif health.door == "closed":
        words.append(QCoreApplication.translate("VideoTile", "door closed"))
    if health.is_stale(now):
        stamp = utc_moment(health.updated_utc).astimezone().strftime("%H:%M")
        words.append(QCoreApplication.translate("VideoTile", "stale: last said at {time}").format(time=stamp))
    return words


def format_age(age_s: float) -> str:
    """In the locale's numbers: "1,5 s" in Dutch and French."""
    locale = QLocale()
    if age_s < 10:
        return f"{locale.toString(age_s, 'f', 1)} s"
    if age_s < 120:
        return f"{locale.toString(age_s, 'f', 0)} s"
    minutes = age_s / 60
    return f"{locale.toString(minutes, 'f', 0)} min" if minutes < 120 else f"{locale.toString(minutes / 60, 'f', 1)} h"
