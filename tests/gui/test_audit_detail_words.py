"""The audit log's detail column on the team chief's board: the stored facts (stable English keys, as the exports
keep them) worded in the reader's language, times on the room's clock; a newer desk's key shown as kept."""

from __future__ import annotations

import ast
import os
import time

import pytest
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QTabWidget

from console.access.permissions import Role
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.paths import REPO_ROOT
from console.services.supervision import Supervision
from console.store import open_store_file
from console.ui.accountability import Accountability
from console.ui.board import BoardWindow
from console.ui.language import install_language
from console.ui.words import LABELLED_DETAIL_KEYS

DETAIL_COLUMN = 7


@pytest.fixture
def brussels_clock():
    """The room's clock is Brussels' (UTC+1 in December): a time shown as stored (UTC) would read an hour off."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Brussels"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_dutch_team_chief_reads_a_views_and_a_detector_pulls_detail_in_dutch_with_local_times(
    qtbot, tmp_path, brussels_clock
):
    assert install_language("nl")
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    reason = {"kind": "administrative police", "category": "virtual patrol", "reference": "stationsbuurt"}
    log.append("an.peeters", "operator", "ws-04", "view start", "cam-a",
               {"wall": "wall 1", "tile": 3, "layout": "2x2", "from_utc": "2026-12-05T07:54:44.283758Z",
                "logged_ahead": True}, reason)  # fmt: skip
    log.append("events-1", "external system", "events-host", "detector pull", "cam-a",
               {"pull": "start", "stream": "sub", "service": "events-1"})  # fmt: skip
    log.append("an.peeters", "operator", "ws-04", "view stop", "cam-a", {"tile": 3, "newer_desk_key": "kept as is"},
               reason)  # fmt: skip
    writer = AuditWriter(log)
    session = Session(User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log), {"cam-a": "Camera A"})
    qtbot.addWidget(board)
    try:
        board.search()
        qtbot.waitUntil(lambda: board.results_table.rowCount() >= 3, timeout=5000)  # with the search's own, if first
        table = board.results_table
        rows = range(table.rowCount())
        details = {table.item(row, 4).text(): table.item(row, DETAIL_COLUMN).text() for row in rows}
        view = details["bekijken gestart"]
        for said in ("wand 1", "tegel: 3", "indeling: 2x2", "vanaf: 05/12 08:54:44", "vooraf gelogd: ja"):
            assert said in view, view
        pull = details["beeldstroom opgehaald voor de alarmdetectoren"]
        for said in ("beeldstroom ophalen: gestart", "beeldstroom: substroom", "dienst: events-1"):
            assert said in pull, pull
        for raw in ("from_utc", "logged_ahead", "pull:", "stream:", "service:", "true", "wall", "07:54"):
            assert raw not in view + pull, (raw, view, pull)
        assert details["bekijken gestopt"] == "tegel: 3, newer_desk_key: kept as is"  # a newer desk's key: as kept
        assert view.startswith("wand 1, tegel: 3, ")  # where it showed first, then the rest
        row = next(row for row in rows if table.item(row, 4).text() == "bekijken gestart")
        assert table.item(row, DETAIL_COLUMN).toolTip() == Qt.convertFromPlainText(
            view, Qt.WhiteSpaceMode.WhiteSpaceNormal
        )
    finally:
        board.shutdown()
        writer.close()
        log.database.close()
        install_language("en")


# What the writers' scan below catches that is not an audit entry's detail.
NOT_AUDIT_DETAIL = {"is_fact"}  # Grant.records(action, is_fact=...): a parameter, not a stored key
WRITERS = {"log", "log_then", "note", "Record", "records", "submit", "take_as", "goto_preset_as", "guard", "_command"}


def written_detail_keys() -> dict[str, str]:
    """Every key the console's own code puts in an audit entry's detail, with where: the string keys of dict
    literals handed to a writer (``log``, ``Record``, ``append`` with an action...), assigned to a name holding
    ``detail``, set as ``detail["key"]``, and the keywords of ``records``/``detail``. The simulator writes no
    entry and is left out."""
    found: dict[str, str] = {}

    def keys_of(node: ast.AST, where: str) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Dict):
                for key in sub.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        found.setdefault(key.value, where)

    for path in sorted((REPO_ROOT / "console").rglob("*.py")):
        relative = path.relative_to(REPO_ROOT)
        if relative.parts[1] == "sim" or relative.name == "words.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{relative}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name) and "detail" in target.id:
                        keys_of(node.value, where)
                    if (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                            and "detail" in target.value.id and isinstance(target.slice, ast.Constant)):  # fmt: skip
                        found.setdefault(target.slice.value, where)
            if isinstance(node, ast.Call):
                function = node.func
                name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
                is_log_append = name == "append" and len(node.args) >= 4  # AuditLog.append(user, role, ws, action...
                if name in WRITERS or is_log_append:
                    for argument in node.args:
                        keys_of(argument, where)
                    for keyword in node.keywords:
                        if keyword.arg == "detail":
                            keys_of(keyword.value, where)
                        elif name in ("records", "detail") and keyword.arg:
                            found.setdefault(keyword.arg, where)
    return {key: where for key, where in found.items() if key not in NOT_AUDIT_DETAIL}


# The keys found in this machine's test and demo stores (details-corpus.txt, 37,577 entries), less a test's filler
# ("padding"): kept here so that a key the stores hold but the scan misses (built elsewhere) is labelled too.
STORED_KEYS = """action added after_s alarm alarm_outcome area_pct battery_low battery_pct brightness bytes camera
cameras
cause change changed characters codec confidence contrast country day decision device direction door duration_s earlier
event_utc fields file file_sha256 files finding folder from from_utc grant happened_utc hit hits how incident input
joined_hit joined_incident kind largest_area_pct last_shown lat layout list lock log_ended_at logged_ahead lon
lost_heads manifest_sha256 missing n name note offline outcome pan placed_by placed_utc plate priority pull reason
reason_text recipient recorder repeating role rule segments service session sha256 since_utc snapshot source state
steps steps_shown stills stopped stream tile tilt to topic tour type unit units_cleared unrecorded until_utc user via
waited_s wall was_due_utc what where why zone zoom""".split()


def test_every_key_the_console_writes_in_an_audit_detail_has_a_label():
    written = written_detail_keys()
    assert {"wall", "from_utc", "logged_ahead", "pull", "stream", "taken_over_from", "step_due_utc"} <= set(written)
    unlabelled = {key: where for key, where in written.items() if key not in LABELLED_DETAIL_KEYS}
    assert not unlabelled, f"audit detail keys without a label in console/ui/words.py: {unlabelled}"
    assert not set(STORED_KEYS) - LABELLED_DETAIL_KEYS


def test_the_detail_stays_in_sight_on_a_narrow_table_and_the_chosen_entry_is_shown_whole_below(qtbot, tmp_path):
    """Every column sized to its contents pushed the detail to the right edge of a 1366-pixel screen, cut to a word
    or out of sight (the offscreen screen here is 800 pixels wide: narrower still)."""
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    reason = {"kind": "judicial police", "category": "request from an investigator",
              "reference": "PV GE.12.L1.004321/2026, the theft at the station and the suspects' route"}  # fmt: skip
    # Typed markup (found in review): read as rich text, it hid what came after it in the pane and the tooltip.
    detail = {"cameras": ["cam-a"], "file": "PV GE.12.L1.004321/2026", "from": "2026-12-05T01:27:31.077Z",
              "to": "2026-12-05T01:57:31.077Z", "lock": 1,
              "reason": "the suspects' route <font color=#000000>and more</font>"}  # fmt: skip
    log.append("ANPR back end (simulated)", "external system", "a-long-workstation-name", "evidence lock placed",
               "cam-a", detail, reason)  # fmt: skip
    many = {"files": {f"camera-{number:03}.yaml": "0" * 64 for number in range(300)}}  # a detail of many lines
    log.append("uitkijk", "administrator", "ws-09", "configuration loaded", None, many, None)
    writer = AuditWriter(log)
    session = Session(User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log),
                        {"cam-a": "Stationsstraat x Leiestraat, richting station"})  # fmt: skip
    qtbot.addWidget(board)
    board.resize(1366, 740)
    board.show()
    tabs = board.findChild(QTabWidget)
    tabs.setCurrentIndex(next(index for index in range(tabs.count()) if tabs.tabText(index) == "Audit log"))
    try:
        board.search()
        table = board.results_table
        qtbot.waitUntil(lambda: any(table.item(row, 4).text() == "evidence lock placed"
                                    for row in range(table.rowCount())), timeout=5000)  # fmt: skip
        row = next(row for row in range(table.rowCount()) if table.item(row, 4).text() == "evidence lock placed")

        def detail_shown_px() -> int:  # of the detail column, in sight
            shown_px = table.viewport().width() - table.columnViewportPosition(DETAIL_COLUMN)
            return min(shown_px, table.columnWidth(DETAIL_COLUMN))

        qtbot.waitUntil(lambda: detail_shown_px() == table.columnWidth(DETAIL_COLUMN) >= 180, timeout=5000)
        table.setCurrentCell(row, 0)
        whole = table.item(row, DETAIL_COLUMN).text()
        assert "judicial file: PV GE.12.L1.004321/2026" in whole
        assert whole in board.entry_view.text() and reason["reference"] in board.entry_view.text()
        assert "<font color=#000000>and more</font>" in whole  # shown as typed, never as markup
        assert board.entry_view.textFormat() == Qt.TextFormat.PlainText
        assert "&lt;font color=#000000&gt;and more&lt;/font&gt;" in table.item(row, DETAIL_COLUMN).toolTip()
        assert "a-long-workstation-name" in board.entry_view.text()  # its capped column cuts it: whole below
        table_px = table.height()
        many_row = next(row for row in range(table.rowCount()) if "camera-299.yaml" in table.item(row, 7).text())
        table.setCurrentCell(many_row, 0)
        assert "camera-299.yaml" in board.entry_view.text()
        qtbot.waitUntil(lambda: board.entry_view.height() > board.entry_scroll.height(), timeout=5000)  # it scrolls
        assert table.height() == table_px  # and the results keep their room
    finally:
        board.shutdown()
        writer.close()
        log.database.close()
