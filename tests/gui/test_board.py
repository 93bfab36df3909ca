"""The data-protection officer's view of the board: the audit log only, search, verify, no video tabs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QTabWidget

from console.access.permissions import Role
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.services.supervision import Supervision
from console.store import open_store_file
from console.ui.accountability import Accountability
from console.ui.board import BoardWindow


@pytest.fixture
def dpo_board(qtbot, tmp_path):
    database = tmp_path / "store.sqlite3"
    log = AuditLog(open_store_file(database), tmp_path / KEY_FILE)
    reason = {"kind": "judicial police", "category": "incident", "reference": "PV 2026/0412"}
    log.append("an.peeters", "operator", "ws-04", "view start", "cam-a", {"tile": 1}, reason)
    log.append("an.peeters", "operator", "ws-04", "view stop", "cam-a", {"tile": 1}, reason)
    log.append("demo", "operator", "ws-05", "view start", "cam-b", {"tile": 1}, None)
    writer = AuditWriter(log)
    session = Session(User("karel.maes", "Karel Maes", Role.DATA_PROTECTION_OFFICER, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log), {"cam-a": "Camera A"})
    qtbot.addWidget(board)
    yield board, log
    board.shutdown()
    writer.close()
    log.database.close()


def test_the_data_protection_officer_searches_and_verifies_the_log_but_sees_no_viewing(qtbot, dpo_board):
    board, log = dpo_board
    tabs = board.findChild(QTabWidget)
    assert [tabs.tabText(index) for index in range(tabs.count())] == ["Audit log"]
    assert any(button.text().startswith("Export") for button in board.findChildren(QPushButton))
    board.camera_edit.setText("cam-a")
    board.reason_edit.setText("0412")
    board.search()
    qtbot.waitUntil(lambda: board.results_table.rowCount() == 2, timeout=3000)
    assert [board.results_table.item(row, 4).text() for row in range(2)] == ["view stop", "view start"]
    assert board.results_table.item(0, 5).text() == "Camera A"
    assert board.results_table.item(0, 6).text() == "incident (judicial police): PV 2026/0412"
    qtbot.waitUntil(lambda: len(list(log.entries(action="audit search"))) == 1, timeout=3000)  # logged first
    board.verify()
    qtbot.waitUntil(lambda: board.search_note.text().startswith("Audit log:"), timeout=3000)
    assert board.search_note.text() == "Audit log: 4 entries, chain intact"  # the search itself was logged
    assert [entry.user for entry in log.entries(action="audit search")] == ["karel.maes"]
