"""Texts a window shows cut: a walk over its widgets that measures each label, button, header, tab and menu.

A text is cut when the room its widget gives it is narrower than the text (measured with the
widget's own font, as the theme sets it): a label or button narrower than its words, a column
header narrower than its title, a tab squeezed, a menu pushed behind the menu bar's "»", or an
elided label or button showing less than its whole text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtTest import QTest  # mightBeRichText lives in QtGui's Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from console.ui.elided import ElidedButton, ElidedLabel

TOLERANCE_PX = 1  # rounding of a laid-out text


def _plain(text: str) -> str:
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def _label_width(label: QLabel) -> float:
    text = label.text()
    is_rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if is_rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        return document.idealWidth()
    metrics = QFontMetricsF(label.font())
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _shown(widget: ElidedLabel | ElidedButton) -> str:
    """The text an elided label or button shows, as plain text (a title may mark its number up in bold)."""
    text = widget.text()
    if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _cut_label(label: QLabel) -> bool:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return False
    room = label.contentsRect()
    if label.wordWrap():
        return label.heightForWidth(label.width()) > label.height() + TOLERANCE_PX
    return _label_width(label) > room.width() - 2 * label.margin() + TOLERANCE_PX


def _cut_push_button(button: QPushButton) -> bool:
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    contents = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    needed = QFontMetricsF(button.font()).horizontalAdvance(_plain(button.text()))
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    return needed > contents.width() + TOLERANCE_PX


def _header_cuts(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    cuts = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        title = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not title:
            continue
        if header.sectionSize(logical) < header.sectionSizeHint(logical):
            cuts.append(f"column {title!r}: {header.sectionSize(logical)} of {header.sectionSizeHint(logical)} px")
        elif header.sectionViewportPosition(logical) + header.sectionSize(logical) > header.width() + TOLERANCE_PX:
            cuts.append(f"column {title!r} past the table's right edge (the table scrolls sideways)")
    return cuts


def _tab_cuts(bar: QTabBar) -> list[str]:
    cuts = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect, wanted = bar.tabRect(index), bar.tabSizeHint(index)
        if rect.width() < wanted.width() or not bar.rect().contains(rect):
            cuts.append(f"tab {bar.tabText(index)!r}: {rect.width()} of {wanted.width()} px")
    return cuts


def _menu_cuts(bar: QMenuBar) -> list[str]:
    cuts = []
    screen = (bar.screen() or QApplication.primaryScreen()).availableGeometry()
    for action in bar.actions():
        if not action.isVisible() or action.isSeparator():
            continue
        geometry = bar.actionGeometry(action)
        if geometry.isEmpty() or not bar.rect().contains(geometry):
            cuts.append(f"menu {_plain(action.text())!r} behind the menu bar's edge")
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # menus filled when opened
            if menu.sizeHint().width() > screen.width():
                cuts.append(f"menu {_plain(action.text())!r} wider than the screen")
    return cuts


def _is_tabbed_away(widget: QWidget) -> bool:
    """In a dock behind another dock's tab: Qt keeps it "visible", out of sight."""
    while widget is not None and not widget.isWindow():
        if isinstance(widget, QDockWidget):
            return widget.visibleRegion().isEmpty()
        widget = widget.parentWidget()
    return False


def cut_in(root: QWidget, where: str) -> list[str]:
    """Every text of ``root`` shown now (and its children) that does not fit the room it has, said once each."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0 or _is_tabbed_away(widget):
            continue
        name = f"{where}: {type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, (ElidedLabel, ElidedButton)):
            if widget.full_text and _shown(widget) != widget.full_text:
                found.append(f"{name} {widget.full_text!r} shown as {_shown(widget)!r}")
            elif isinstance(widget, ElidedLabel) and _cut_label(widget):  # its elided text past its padding
                found.append(f"{name} {widget.text()!r} clipped in {widget.contentsRect().width()} px")
        elif isinstance(widget, QLabel):
            if _cut_label(widget):
                found.append(f"{name} {widget.text()!r} in {widget.contentsRect().width()} px")
        elif isinstance(widget, QPushButton):
            if widget.text() and _cut_push_button(widget):
                found.append(f"{name} {_plain(widget.text())!r} in {widget.width()} px")
        elif isinstance(widget, (QToolButton, QCheckBox, QRadioButton)):
            if widget.text() and widget.objectName() != "qt_toolbar_ext_button" and \
                    widget.width() < widget.sizeHint().width():  # fmt: skip
                found.append(f"{name} {_plain(widget.text())!r} in {widget.width()} of {widget.sizeHint().width()} px")
        elif isinstance(widget, QHeaderView):
            found += [f"{name} {cut}" for cut in _header_cuts(widget)]
        elif isinstance(widget, QTabBar):
            found += [f"{name} {cut}" for cut in _tab_cuts(widget)]
        elif isinstance(widget, QMenuBar):
            found += [f"{name} {cut}" for cut in _menu_cuts(widget)]
        elif isinstance(widget, QScrollArea):
            if widget.horizontalScrollBar().isVisible():
                found.append(
                    f"{name} wider than its room: it scrolls sideways "
                    f"({widget.widget().width()} px in {widget.viewport().width()})"
                )
        elif isinstance(widget, QToolBar):
            extension = widget.findChild(QToolButton, "qt_toolbar_ext_button")
            if extension is not None and extension.isVisible():
                hidden = [_plain(action.text()) for action in widget.actions()
                          if action.isVisible() and widget.widgetForAction(action) is not None
                          and not widget.widgetForAction(action).isVisible()]  # fmt: skip
                found.append(f"{name} actions behind the toolbar's edge: {hidden}")
    return found


def settle() -> None:
    """The layout passes a change of page starts (a word-wrapped label's height comes in a second one)."""
    QTest.qWait(30)


def cut_everywhere(window: QWidget, where: str) -> list[str]:
    """``cut_in`` for the window as it is, then with each page of each tab widget and each dock in front in turn."""
    found = cut_in(window, where)
    for tabs in window.findChildren(QTabWidget):
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            found += cut_in(tabs.widget(index), f"{where} ({tabs.tabText(index)})")
        tabs.setCurrentIndex(current)
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() or not dock.isHidden():
            dock.raise_()
            settle()
            found += cut_in(dock, f"{where} ({dock.windowTitle()})")
    once = {text.split(": ", 1)[1]: text for text in reversed(found)}  # a widget found from two places: said once
    return sorted(once.values())
