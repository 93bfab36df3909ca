"""A desk in Dutch: a walk over every window, dialog, menu, tooltip and header finds no English left.

The English vocabulary is the console's own (the source texts of the .ts files) less the words Dutch
shares with it (incident, camera, PTZ): a word of it on a Dutch screen is a string not translated.
Names (cameras, streets, people, units, lists) are the room's data and are left out of the check.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from console.access.reasons import Category, Kind, Reason
from console.paths import REPO_ROOT
from console.ui.language import install_language
from console.ui.login import ReasonDialog
from tests.integration.conftest import PATROL

I18N = REPO_ROOT / "resources" / "i18n"
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{2,}")


def words(text: str) -> set[str]:
    text = re.sub(r"<[^>]+>|\{[a-z_]+\}|&[a-z]+;", " ", text)  # tags, placeholders, entities
    return {word.lower().strip("'\u2019-") for word in WORD.findall(text)}


def vocabularies(language: str) -> tuple[set[str], set[str]]:
    english, translated = set(), set()
    for message in ET.parse(I18N / f"uitkijk_{language}.ts").getroot().iter("message"):
        english |= words(message.findtext("source") or "")
        translated |= words(message.findtext("translation") or "")
    return english, translated


def menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus filled when opened (tours, views, follow to)
    found = [(where, menu.title())]
    for action in menu.actions():
        found += [(f"{where} > action", action.text()), (f"{where} > tooltip", action.toolTip())]
        if action.menu() is not None:
            found += menu_texts(action.menu(), f"{where} > {action.text()}")
    return found


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text a user can see or hover in ``root`` and its children, with where it is."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        found += [(where, widget.windowTitle() if widget.isWindow() else ""), (f"{where} tooltip", widget.toolTip())]
        if isinstance(widget, QLabel):
            found.append((where, widget.text()))
        if isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            found.append((f"{where} placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            found += [(f"{where} item", widget.itemText(index)) for index in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [(f"{where} tab", widget.tabText(index)) for index in range(widget.count())]
        if isinstance(widget, QDockWidget):
            found.append((f"{where} dock", widget.windowTitle()))
        if isinstance(widget, QAbstractItemView) and isinstance(widget.model(), QAbstractItemModel):
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            found += [(f"{where} header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                      for column in range(columns)]  # fmt: skip
        for action in widget.actions():
            found += [(f"{where} action", action.text()), (f"{where} action tooltip", action.toolTip())]
        if isinstance(widget, QMenu):
            found += menu_texts(widget, where)
    return [(where, text) for where, text in found if text]


def english_left(texts: list[tuple[str, str]], names: set[str], language: str) -> list[tuple[str, str, str]]:
    english, translated = vocabularies(language)
    only_english = english - translated
    left = []
    for where, text in texts:
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, " ")
        left += [(where, text, word) for word in words(text) if word in only_english]
    return left


@pytest.fixture
def dutch():
    assert install_language("nl")
    yield
    install_language("en")


def test_a_dutch_desk_shows_no_english(dutch, room, qtbot):
    console = room.desk("tom.claes", ["cam-a", "cam-ptz", None, None])  # a team chief: the board too
    window = console.windows[0]
    qtbot.waitUntil(lambda: window.wall.tiles[0].display().frame is not None, timeout=15000)
    window.wall.select(1)  # the PTZ camera: its panel says who controls it
    console.show_board()
    dialog = ReasonDialog(PATROL, [PATROL, Reason(Kind.JUDICIAL, Category.INCIDENT, "PV 2026/0412")], window)
    qtbot.addWidget(dialog)
    window.lock_screen.show_over()
    texts = [*shown_texts(window), *menu_texts(window.menuBar().actions()[0].menu(), "menu"),
             *shown_texts(console.board), *shown_texts(dialog)]  # fmt: skip
    for action in window.menuBar().actions():
        texts += menu_texts(action.menu(), "menu")
    config = room.city.config
    names = {camera.name for camera in config.cameras} | {area.name for area in config.areas}
    names |= {camera.location.street for camera in config.cameras} | {"Ronde station", PATROL.reference}
    names |= {user.full_name for user in room.users.users.values()} | {"ws-04", "Uitkijk", "PV 2026/0412"}
    names |= {"Test 11", "Test 12", "Test 21", "stolen vehicle", "stolen in a test", "tests"}  # units, lists
    assert len(texts) > 150  # the walk saw the screens, not an empty window
    left = english_left(texts, names, "nl")
    assert not left, "\n".join(f"{where}: {text!r} ({word})" for where, text, word in left)
    window.lock_screen.hide()
