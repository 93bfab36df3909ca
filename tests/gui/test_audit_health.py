"""A full disk on the desk: the operator is told, what happened is written later, and the all-clear is given."""

from __future__ import annotations

from console.access.permissions import Role
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.store import open_store_file
from console.ui.accountability import Accountability


def test_the_desk_hears_when_the_log_fails_and_when_it_is_written_again(qtbot, tmp_path):
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    writer = AuditWriter(log)
    accountability = Accountability(writer, Session(User("an.peeters", "An Peeters", Role.OPERATOR, "-"), "ws-04"))
    try:
        connection = log.database._writer  # the disk fills up: SQLite answers "database or disk is full"
        connection.execute(f"PRAGMA max_page_count = {connection.execute('PRAGMA page_count').fetchone()[0]}")
        with qtbot.waitSignal(accountability.log_failed, timeout=5000) as failed:
            accountability.log("view stop", "cam-a", {"wall": "wall 1", "tile": 1, "padding": "x" * 8000},
                               is_fact=True)  # fmt: skip
        assert "cannot be written" in str(failed.args[0])
        with qtbot.waitSignal(accountability.log_recovered, timeout=5000):
            connection.execute("PRAGMA max_page_count = 1000000")
        assert writer.flush(5)
        assert [entry.camera for entry in log.entries(action="view stop")] == ["cam-a"]
    finally:
        assert writer.close()
        log.database.close()


def test_a_cut_log_is_said_in_the_operators_language_on_the_desk_and_the_board(qtbot, tmp_path):
    """The finding is a fact (a template and its values), worded in Dutch for the banner and the board's row."""
    import sqlite3

    from console.store import presence
    from console.ui.language import install_language
    from console.ui.words import say
    from console.wording import from_record

    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    writer = AuditWriter(log)
    accountability = Accountability(writer, Session(User("an.peeters", "An Peeters", Role.OPERATOR, "-"), "ws-04"))
    try:
        assert install_language("nl")
        accountability.open()
        for number in range(3):
            accountability.log("view start", f"cam-{number}")
        assert writer.flush(5)
        connection = sqlite3.connect(tmp_path / "store.sqlite3")
        with connection:
            connection.execute("DELETE FROM audit_log WHERE seq >= 3")
        connection.close()
        with qtbot.waitSignal(accountability.log_failed, timeout=5000) as failed:
            accountability.log("view start", "cam-9")
        shown = say(failed.args[0])
        assert "er zijn regels verwijderd: de log eindigt bij regel 2, deze werkpost schreef of zag regel 4" in shown
        assert writer.flush(5)
        with log.database.read() as transaction:
            row = presence.read_presence(transaction).sessions[0]
        assert "deze werkpost schreef of zag regel 4" in say(from_record(row.audit_problem))
    finally:
        install_language("en")
        assert writer.close()
        log.database.close()
