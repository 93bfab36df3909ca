"""One rule for every top-level window of a desk: it opens within the free area of its screen, frame and all.

The free area (``availableGeometry``) is the screen less the panels and docks of the desktop.
A window's size is its client area's: the title bar and frame of the window manager come on
top, and before the window is first shown nobody knows how big they are. At 1366x768 a window
sized to the free area ran past the bottom by its title bar (the status line half off-screen
under openbox). So the frame is allowed for: the frame of a desk window already on screen
when there is one, else a title bar and borders of a common size. A window that does not fit
with its frame opens maximised where it can be (the window manager then fits frame and all),
and its normal size is one that fits too, for when it is restored.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QWidget

FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)  # left, top (title bar), right, bottom: Windows', GNOME's and KDE's fit


def known_frame() -> QMargins:
    """The largest frame a desk window on screen has now, at least the allowance (frames differ per state)."""
    left, top, right, bottom = (FRAME_ALLOWANCE.left(), FRAME_ALLOWANCE.top(), FRAME_ALLOWANCE.right(),
                                FRAME_ALLOWANCE.bottom())  # fmt: skip
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        frame, inner = widget.frameGeometry(), widget.geometry()
        left, top = max(left, inner.left() - frame.left()), max(top, inner.top() - frame.top())
        right, bottom = max(right, frame.right() - inner.right()), max(bottom, frame.bottom() - inner.bottom())
    return QMargins(left, top, right, bottom)


def fitting_size(wanted: QSize, available: QRect, frame: QMargins) -> QSize:
    """The client size of at most ``wanted`` that lies within ``available`` with ``frame`` around it."""
    room = available.marginsRemoved(frame)
    return QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))


def within(outer: QRect, available: QRect) -> QRect:
    """``outer`` (a window's frame) moved by the least that puts it inside ``available`` (it is no bigger)."""
    x = min(max(outer.left(), available.left()), available.left() + available.width() - outer.width())
    y = min(max(outer.top(), available.top()), available.top() + available.height() - outer.height())
    return QRect(QPoint(x, y), outer.size())


def open_within_screen(window: QWidget, width_px: int, height_px: int, screen: QScreen | None = None) -> None:
    """Size ``window`` (a top-level window, before it is shown) to at most its screen's free area, frame and all.

    One that wants more than there is opens maximised, unless it is a dialog (sized down; Qt centres it on its
    parent, within the screen). A window placed before (a saved arrangement) keeps its place if it fits there;
    ``screen``: the one it goes to (else the one it is on).
    """
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width_px, height_px)
        return
    available, frame = screen.availableGeometry(), known_frame()
    size = fitting_size(QSize(width_px, height_px), available, frame)
    window.resize(size)
    if isinstance(window, QDialog):
        return
    place = window.pos() if available.contains(window.pos()) else available.topLeft()
    window.move(within(QRect(place, size.grownBy(frame)), available).topLeft())  # a window's pos() is its frame's
    if size != QSize(width_px, height_px):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
