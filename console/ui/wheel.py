"""A value changes by the wheel only in the field that has the focus; elsewhere the wheel scrolls what holds it.

Qt lets a combo box, a spin box or a slider take every wheel turn that passes over it, focused
or not: scrolling the dispatch panel over its priority box turned "2 - normal" into "3 - low".
One filter, shared by every such field of the console, passes an unfocused field's wheel on to
its parents (the scroll area then scrolls), and the fields no longer take the focus from a
wheel turn either. A filter on the fields themselves, not on the application: an application's
filter takes every event of every widget through Python (see ``login.InactivityWatch``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget

VALUE_FIELDS = (QComboBox, QAbstractSpinBox, QAbstractSlider)  # (a scroll bar is a slider that scrolls: left alone)
_STEADY = "wheelOnlyWhenFocused"  # a dynamic property: the field has the filter


class _WheelOnlyWhenFocused(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        focused = QApplication.focusWidget()
        if focused is not None and (focused is watched or watched.isAncestorOf(focused)):
            return False  # the field the operator is in (an editable combo's line edit is inside it)
        event.ignore()  # handled here, not accepted: Qt hands the turn on to the parents
        return True


_filter: _WheelOnlyWhenFocused | None = None


def _shared() -> _WheelOnlyWhenFocused:
    global _filter
    if _filter is None:
        _filter = _WheelOnlyWhenFocused(QCoreApplication.instance())  # lives as long as the application
    return _filter


def steady_wheel(root: QWidget) -> None:
    """Every combo box, spin box and slider in ``root`` (and ``root`` itself) takes the wheel only when focused.

    Called by each window and panel once its fields exist; calling it again is harmless.
    """
    for widget in (root, *root.findChildren(QWidget)):
        if not isinstance(widget, VALUE_FIELDS) or isinstance(widget, QScrollBar) or widget.property(_STEADY):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn no longer gives it the focus
        widget.installEventFilter(_shared())
        widget.setProperty(_STEADY, True)


def takes_wheel_unfocused(widget: QWidget) -> bool:
    """A value field that the wheel would change without the focus (for the tests of each window)."""
    is_field = isinstance(widget, VALUE_FIELDS) and not isinstance(widget, QScrollBar)
    return is_field and not widget.property(_STEADY)
