"""The team chief's view of every desk: each desk's walls drawn as miniatures, with their pictures on request.

A miniature shows a wall's layout, the camera on each tile and the reason the desk gave.
Pictures are live viewing too (domain rule 1): they show only when the team chief asks,
each camera's view start logged first with the chief's own reason (``via: board``), and
its stop logged when the pictures are turned off, the camera leaves the desk's wall, the
desk goes quiet or the board closes. They come from the sub-streams through the chief's own
stream hub (through the room's relay when there is one), painted twice a second: enough to
see what a desk sees. A picture follows its camera when the room moves it to another relay (a relay died,
or came back and took it back), as the desk's tiles do; one that stops being new (its relay or camera dropped)
is dimmed and says NO SIGNAL and its age, as a tile does, so a frozen picture never passes for live.

A tile in instant replay shows no picture here (the desk sees a recording, not what is live): it
says PLAYBACK and the recording time it shows, in the magenta of the desk's own tile.

A desk whose heartbeat stopped (killed, cut off) is gone: its card says so across its whole
width (a red frame and band, "NO CONTACT since 22:14"), its walls are drawn as last known,
without pictures, and its cameras are no longer pulled or logged for it; they come back with it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from console.access.permissions import Action
from console.alarms.model import ALARM_REASON_PREFIX
from console.services.alarm_video import ALARM_TILE
from console.store.presence import Presence, SessionRow, ViewRow
from console.ui.accountability import Accountability
from console.ui.video_tile import ALARM, NO_SIGNAL_AFTER_S, PLAYBACK, PLAYBACK_BAND, format_age
from console.ui.words import say, session_state, stored_role
from console.video.hub import StreamHandle, StreamHub
from console.video.stream import Frame
from console.wall.layouts import LAYOUTS, Cell, Layout

PAINT_EVERY_MS = 500
THUMBNAIL = (320, 180)
MINIATURE = (560, 315)
CARD_COLUMNS = 2
BACKGROUND, CELL, EDGE, TEXT, MUTED = (QColor(17, 20, 26), QColor(32, 37, 46), QColor(70, 78, 92),
                                       QColor(230, 233, 238), QColor(150, 157, 168))  # fmt: skip
GONE_CELL, GONE_EDGE = QColor(26, 22, 24), QColor(120, 52, 56)  # a gone desk's last known wall: dim, edged in red
# A desk's alarm tile (its views on the wall 'alarm tile'): live on the left, the recording from before it on the right
ALARM_TILE_CELLS = Layout(ALARM_TILE, 1, 2, (Cell(0, 0), Cell(0, 1)))
ALARM_BAND_PX = 20
STALE_VEIL = QColor(0, 0, 0, 150)  # over a picture that is no longer new: dimmed, as a tile's
STALE_BOX = QColor(8, 10, 14, 215)  # behind its words


@dataclass(frozen=True)
class MiniPicture:
    """A camera's newest picture on the board and how old it is (a still one must not pass for live)."""

    image: QImage
    age_s: float

    @property
    def is_stale(self) -> bool:
        return self.age_s > NO_SIGNAL_AFTER_S


def local_hhmm(utc: str) -> str:
    """A stored UTC time ("2026-11-28T21:14:05...") as this desk's clock says it: "22:14"."""
    moment = dt.datetime.strptime(utc[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%H:%M")


class MiniWall(QWidget):
    """One desk's wall: its layout's cells, the camera named in each, its picture when shown."""

    def __init__(self, layout_name: str, pictures: Callable[[str], MiniPicture | None],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.layout_name = layout_name
        self.cameras: dict[int, tuple[str, str]] = {}  # tile (1-based) -> camera id, its name
        self.replays: dict[int, ViewRow] = {}  # tile (1-based) -> its view, in instant replay
        self.is_gone = False  # the desk went quiet: its last known wall, no pictures
        self.alarm_text = ""  # the desk's alarm tile: 'ALARM 0042' over its two pictures, in the alarm's red
        self._pictures = pictures
        self.setFixedSize(*MINIATURE)  # a miniature: two desks side by side on the board's screen

    def set_alarm(self, alarm_number: str) -> None:
        """This miniature is the desk's alarm tile, showing alarm ``alarm_number`` ('0042'): a band names it."""
        text = self.tr("ALARM {number}").format(number=alarm_number) if alarm_number else self.tr("ALARM")
        if text != self.alarm_text:
            self.alarm_text = text
            self.setFixedSize(MINIATURE[0], MINIATURE[1] // 2 + ALARM_BAND_PX)
            self.update()

    def set_tiles(self, layout_name: str, cameras: dict[int, tuple[str, str]], is_gone: bool = False,
                  replays: dict[int, ViewRow] | None = None) -> None:  # fmt: skip
        replays = replays or {}
        if (layout_name, cameras, is_gone, replays) != (self.layout_name, self.cameras, self.is_gone, self.replays):
            self.layout_name, self.cameras, self.is_gone, self.replays = layout_name, cameras, is_gone, replays
            self.update()
        elif replays:
            self.update()  # the recording time goes on

    def playback_text(self, tile: int) -> str:
        """What a tile in instant replay says here: PLAYBACK and the recording time it shows now."""
        moment = self.replays[tile].playback_at(dt.datetime.now(dt.UTC))
        stamp = moment.astimezone().strftime("%H:%M:%S") if moment is not None else ""
        return self.tr("PLAYBACK {time}").format(time=stamp)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        layout = ALARM_TILE_CELLS if self.alarm_text else LAYOUTS.get(self.layout_name) or LAYOUTS["2x2"]
        top_px = ALARM_BAND_PX if self.alarm_text else 0
        width, height = self.width() / layout.columns, (self.height() - top_px) / layout.rows
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(9.5, width / 16)))
        painter.setFont(font)
        for index, cell in enumerate(layout.cells, start=1):
            rect = QRectF(cell.column * width, top_px + cell.row * height, cell.column_span * width,
                          cell.row_span * height).adjusted(1, 1, -1, -1).toRect()  # fmt: skip
            painter.fillRect(rect, GONE_CELL if self.is_gone else CELL)
            camera = self.cameras.get(index)
            is_replay = index in self.replays and not self.is_gone
            picture = self._pictures(camera[0]) if camera and not self.is_gone and not is_replay else None
            if picture is not None:
                image = picture.image
                painter.drawImage(_fit(rect, image.width(), image.height()), image)
                if picture.is_stale:
                    self._paint_stale(painter, rect, font, picture.age_s)
            painter.setPen(GONE_EDGE if self.is_gone else EDGE)
            painter.drawRect(rect)
            if is_replay:
                painter.setPen(QPen(PLAYBACK, 3))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
                top = QRect(rect.x() + 2, rect.y() + 2, rect.width() - 4, 20)
                painter.fillRect(top, PLAYBACK_BAND)
                painter.setPen(TEXT)
                bold = QFont(font)
                bold.setBold(True)
                painter.setFont(bold)
                said = painter.fontMetrics().elidedText(self.playback_text(index), Qt.TextElideMode.ElideRight,
                                                        top.width() - 8)  # fmt: skip
                painter.drawText(top.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 said)  # fmt: skip
                painter.setFont(font)
            label = f"{index}  {camera[1]}" if camera else f"{index}  \u2014"
            band = QRect(rect.x(), rect.bottom() - 18, rect.width(), 18)
            painter.fillRect(band, QColor(0, 0, 0, 150))
            painter.setPen(TEXT if camera and not self.is_gone else MUTED)
            elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, band.width() - 8)
            painter.drawText(band.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             elided)  # fmt: skip
        if self.alarm_text:
            self._paint_alarm_band(painter, font)

    def stale_text(self, age_s: float) -> str:
        return self.tr("NO SIGNAL \u00b7 {age} ago").format(age=format_age(age_s))

    def _paint_stale(self, painter: QPainter, rect: QRect, font: QFont, age_s: float) -> None:
        """A picture no longer new: dimmed, edged and named in the tile's red, with its age."""
        painter.fillRect(rect, STALE_VEIL)
        painter.setPen(QPen(ALARM, 2))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ALARM)
        metrics = painter.fontMetrics()
        said = metrics.elidedText(self.stale_text(age_s), Qt.TextElideMode.ElideRight, rect.width() - 16)
        box = QRect(0, 0, metrics.horizontalAdvance(said) + 12, metrics.height() + 6)
        box.moveCenter(rect.adjusted(0, 0, 0, -18).center())
        painter.fillRect(box, STALE_BOX)  # readable over any picture, as a tile's message
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, said)
        painter.setFont(font)

    def _paint_alarm_band(self, painter: QPainter, font: QFont) -> None:
        """The alarm tile's name over its pictures, and its frame, in the alarm's red (as on the desk)."""
        band = QRect(0, 0, self.width(), ALARM_BAND_PX)
        painter.fillRect(band, MUTED if self.is_gone else ALARM)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        painter.drawText(band.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self.alarm_text)  # fmt: skip
        painter.setPen(QPen(MUTED if self.is_gone else ALARM, 2))
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


def alarm_number_of(views: list[ViewRow]) -> str:
    """The alarm an alarm tile shows, from its views' reason ('alarm 0042' -> '0042'); '' when none says it."""
    for view in views:
        reference = str((view.reason or {}).get("reference") or "")
        if reference.startswith(f"{ALARM_REASON_PREFIX} "):
            return reference.removeprefix(f"{ALARM_REASON_PREFIX} ")
    return ""


def _set_style_property(widget: QWidget, name: str, value: bool) -> None:
    """A property the theme styles by: the widget is styled again when it changes."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _fit(rect: QRect, width: int, height: int) -> QRect:
    scale = min(rect.width() / width, rect.height() / height)
    shown_w, shown_h = int(width * scale), int(height * scale)
    return QRect(rect.x() + (rect.width() - shown_w) // 2, rect.y() + (rect.height() - shown_h) // 2, shown_w,
                 shown_h)  # fmt: skip


class DeskCard(QWidget):
    def __init__(self, pictures: Callable[[str], MiniPicture | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # its frame from the theme (red when gone)
        self.gone_band = QLabel(self)  # across the card: the desk stopped answering
        self.gone_band.setObjectName("deskGoneBand")
        self.gone_band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.gone_band.hide()
        self.header = QLabel(self)
        self.header.setObjectName("deskCardHeader")
        self.header.setWordWrap(True)
        self.is_gone = False
        self._pictures = pictures
        self._walls: dict[str, MiniWall] = {}
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(6, 6, 6, 6)
        self._column.addWidget(self.gone_band)
        self._column.addWidget(self.header)

    def show_desk(self, session: SessionRow, walls: dict[str, str], views: list[ViewRow], names: dict[str, str],
                  reason: str) -> None:  # fmt: skip
        is_gone = session.is_stale
        if is_gone:
            self.gone_band.setText(self.tr("NO CONTACT since {time}").format(time=local_hhmm(session.last_seen_utc)))
            self.gone_band.setToolTip(self.tr("This desk has sent no sign of life since then (killed, or cut off): "
                                              "its wall as last known, without pictures"))  # fmt: skip
        self.gone_band.setVisible(is_gone)
        contact = (self.tr("last known wall") if is_gone
                   else self.tr("writes no audit entry") if session.audit_problem
                   else session_state(session.state))  # fmt: skip
        role = stored_role(session.role)
        self.header.setText(f"<b>{session.full_name}</b> \u00b7 {role} \u00b7 {session.workstation} \u00b7 "
                            f"{contact}<br>{reason}")  # fmt: skip
        self.is_gone = is_gone
        _set_style_property(self.header, "alarm", is_gone or bool(session.audit_problem))
        _set_style_property(self, "gone", is_gone)
        shown = {view.wall for view in views} | set(walls)
        for wall in sorted(shown):
            tiles = {
                view.tile: (view.camera, names.get(view.camera, view.camera)) for view in views if view.wall == wall
            }
            replays = {view.tile: view for view in views if view.wall == wall and view.playback_from_utc}
            mini = self._walls.get(wall)
            if mini is None:
                mini = self._walls[wall] = MiniWall(walls.get(wall, "2x2"), self._pictures, self)
                self._column.addWidget(mini)
            if wall == ALARM_TILE:  # not a wall of the desk's: its alarm tile, named by the alarm it shows
                mini.set_alarm(alarm_number_of([view for view in views if view.wall == wall]))
            mini.set_tiles(walls.get(wall, "2x2"), tiles, is_gone, replays)
        for wall in set(self._walls) - shown:
            self._walls.pop(wall).deleteLater()

    def repaint_walls(self) -> None:
        for mini in self._walls.values():
            mini.update()


class DeskMiniatures(QWidget):
    """Every desk of the room as a card of miniature walls; their pictures when the team chief asks (logged)."""

    def __init__(self, accountability: Accountability, names: dict[str, str],
                 picture_source: Callable[[str], str | None] | None, hub: StreamHub | None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.accountability = accountability
        self.names = names
        self._url_of = picture_source  # camera id -> its sub-stream's URL on this desk (the relay's, in a room)
        self._hub = hub
        self._handles: dict[str, StreamHandle] = {}  # cameras whose view start is durable: their pictures
        self._last: dict[str, Frame] = {}  # each shown camera's newest frame: kept with its age over a relay move
        self._asked: set[str] = set()  # cameras whose view start is being logged
        self._watched: set[str] = set()  # cameras on the other desks' walls now
        self._cards: dict[str, DeskCard] = {}
        self.pictures_box = QCheckBox(
            self.tr("Show their pictures (each camera is logged as your view, with your reason)"), self
        )
        self.pictures_box.setEnabled(picture_source is not None and hub is not None)
        self.pictures_box.toggled.connect(self._on_pictures_toggled)
        self.note = QLabel(self)
        self.note.setObjectName("boardNote")
        grid_host = QWidget(self)
        self._grid = QGridLayout(grid_host)
        self._grid.setSpacing(10)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        column = QVBoxLayout(self)
        column.addWidget(self.pictures_box)
        column.addWidget(self.note)
        column.addWidget(scroll, 1)
        self._painter = QTimer(self)
        self._painter.setInterval(PAINT_EVERY_MS)
        self._painter.timeout.connect(self._repaint)
        accountability.refused.connect(self._on_refused)

    @property
    def cards(self) -> dict[str, DeskCard]:
        return self._cards

    def show_presence(self, presence: Presence, reason_text: Callable[[dict | None], str]) -> None:
        own = self.accountability.session.id
        walls: dict[str, dict[str, str]] = {}
        for row in presence.walls:
            walls.setdefault(row.session, {})[row.wall] = row.layout
        sessions = [row for row in presence.sessions if row.session != own]
        for position, session in enumerate(sessions):
            card = self._cards.get(session.session)
            if card is None:
                card = self._cards[session.session] = DeskCard(self.shown_picture, self)
            self._grid.addWidget(card, position // CARD_COLUMNS, position % CARD_COLUMNS)
            views = [view for view in presence.views if view.session == session.session]
            card.show_desk(session, walls.get(session.session, {}), views, self.names, reason_text(session.reason))
        for gone in set(self._cards) - {session.session for session in sessions}:
            self._cards.pop(gone).deleteLater()
        live = {session.session for session in sessions if not session.is_stale}  # a gone desk watches nothing now
        self._watched = {view.camera for view in presence.views if view.session in live}
        self.note.setText("" if sessions else self.tr("No other desk is signed in."))
        if self.pictures_box.isChecked():
            self._follow_cameras()

    def picture(self, camera_id: str) -> QImage | None:
        shown = self.shown_picture(camera_id)
        return shown.image if shown is not None else None

    def shown_picture(self, camera_id: str) -> MiniPicture | None:
        """The camera's newest picture and its age; the last one (ageing) while its stream moves to another relay."""
        handle = self._handles.get(camera_id)
        if handle is None:
            return None
        frame = handle.latest() or self._last.get(camera_id)
        if frame is None:
            return None
        self._last[camera_id] = frame
        image = QImage(frame.rows.data, frame.width, frame.height, frame.bytes_per_line, QImage.Format.Format_RGB32)
        return MiniPicture(image, max(0.0, time.monotonic() - frame.arrived_monotonic_s))

    # -- the pictures, logged ------------------------------------------------------------------
    def _on_pictures_toggled(self, is_on: bool) -> None:
        if is_on:
            self._painter.start()
            self._follow_cameras()
        else:
            self._painter.stop()
            self._stop_all()
        self._repaint()

    def _follow_cameras(self) -> None:
        for camera in sorted(self._watched - set(self._handles) - self._asked):
            self._asked.add(camera)
            is_asked = self.accountability.guard(Action.VIEW_LIVE, "view start", camera,
                                                 {"via": "board", "what": "a desk's wall in miniature"},
                                                 then=lambda c=camera: self._show(c))  # fmt: skip
            if not is_asked:  # refused (no reason given): the pictures stay off
                self._asked.clear()
                self.pictures_box.setChecked(False)
                return
        for camera in set(self._handles) - self._watched:
            self._stop(camera)

    def _show(self, camera: str) -> None:
        self._asked.discard(camera)
        if not self.pictures_box.isChecked() or camera not in self._watched or camera in self._handles:
            self.accountability.rules.log("view stop", camera, {"via": "board"}, is_fact=True)  # not shown after all
            return
        assert self._url_of is not None and self._hub is not None
        url = self._url_of(camera)
        if url is None:
            self.accountability.rules.log("view stop", camera, {"via": "board"}, is_fact=True)
            return
        self._handles[camera] = self._hub.acquire(url, f"{camera}.board", lambda status: None, THUMBNAIL)

    def _follow_relays(self) -> None:
        """Each shown camera's stream from where this desk pulls it now: a relay that died gave its cameras to
        another, or one that came back took them back (the tiles follow the same directory). Asked at every
        repaint: a look in the directory's map, no network. The view goes on (the same camera): nothing is logged."""
        assert self._url_of is not None and self._hub is not None
        for camera, handle in list(self._handles.items()):
            url = self._url_of(camera)
            if url is not None and url != handle.url:
                self._handles[camera] = self._hub.acquire(url, f"{camera}.board", lambda status: None, THUMBNAIL)
                handle.release()

    def _stop(self, camera: str) -> None:
        self._last.pop(camera, None)
        handle = self._handles.pop(camera, None)
        if handle is not None:
            handle.release()
            self.accountability.rules.log("view stop", camera, {"via": "board"}, is_fact=True)

    def _stop_all(self) -> None:
        for camera in list(self._handles):
            self._stop(camera)

    def _on_refused(self, why: object) -> None:
        if self.pictures_box.isChecked() and not self._handles:
            self.note.setText(self.tr("Pictures not shown: {why}").format(why=say(why)))

    def _repaint(self) -> None:
        if self._handles:
            self._follow_relays()
        for card in self._cards.values():
            card.repaint_walls()

    def shutdown(self) -> None:
        self._painter.stop()
        self._stop_all()
