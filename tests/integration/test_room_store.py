"""The command line on a room's PostgreSQL store (a real cluster started by the test fixture)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from console.paths import REPO_ROOT
from tests.integration.conftest import LOADED_MS
from tests.postgres import fresh_database


def main(*arguments: str, data) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "UITKIJK_STORE"}
    return subprocess.run([sys.executable, "main.py", *arguments, "--data", str(data)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120, env=environment)  # fmt: skip


def test_intake_incidents_and_audit_verify_on_postgresql(postgres_url, tmp_path):
    url = fresh_database(postgres_url)
    called = main("intake", "call", "--type", "fight", "--address", "Grote Markt 1", "--description", "two men",
                  "--priority", "1", "--store", url, data=tmp_path)  # fmt: skip
    assert called.returncode == 0, called.stderr
    listed = main("incidents", "--json", "--store", url, data=tmp_path)
    assert listed.returncode == 0, listed.stderr
    [incident] = json.loads(listed.stdout)
    assert (incident["type"], incident["priority"], incident["created_by"]) == ("fight", 1, "intake")
    assert not (tmp_path / "uitkijk.sqlite3").exists()  # nothing went to the desk's own file
    verified = main("audit", "verify", "--store", url, data=tmp_path)
    assert verified.returncode == 0 and "1 entries, chain intact" in verified.stdout, verified.stderr


def test_a_wrong_store_address_is_one_line_without_its_password(tmp_path):
    refused = main("incidents", "--store", "postgresql://uitkijk:Room-Wachtwoord-5@127.0.0.1:1/room", data=tmp_path)
    assert refused.returncode == 1 and "cannot be reached" in refused.stderr
    assert "Room-Wachtwoord-5" not in refused.stderr and "Traceback" not in refused.stderr
    warning, *problem = refused.stderr.strip().splitlines()  # a password on the command line is readable by ps
    assert warning.startswith("warning: --store holds a password") and len(problem) <= 2


def test_a_change_on_another_desk_reaches_the_feed_by_notice_not_by_polling(qtbot, postgres_url, tmp_path):
    from console.audit.log import AuditLog
    from console.dispatch import service
    from console.dispatch.model import Source
    from console.services.dispatch_reads import DispatchReader
    from console.store import open_store
    from console.ui.dispatch.models import SAFETY_POLL_MS, DispatchFeed

    url = fresh_database(postgres_url)
    desk_a, desk_b = open_store(tmp_path, url), open_store(tmp_path, url)
    feed = DispatchFeed(DispatchReader(desk_a))
    assert feed._timer.interval() == SAFETY_POLL_MS  # the poll is only a safety net on a room's store
    feed.start()
    qtbot.waitUntil(lambda: feed.board is not None, timeout=5000)
    log_b = AuditLog(desk_b, tmp_path / "audit.key")
    who = {"user": "tom.claes", "role": "team chief", "workstation": "ws-02"}
    with qtbot.waitSignal(feed.changed, timeout=1500) as seen:  # well before the next safety poll
        log_b.commit(service.create_incident(service.Draft(Source.PHONE, "fight", 1, "Grote Markt 1"), "tom.claes")
                     .record(who))  # fmt: skip
    assert [incident.type for incident in seen.args[0].incidents] == ["fight"]
    feed.shutdown()
    desk_a.close()
    desk_b.close()


def test_room_status_shows_every_desk_and_what_it_shows_and_why(postgres_url, tmp_path):
    from console.access.permissions import Role
    from console.access.reasons import Category, Kind, Reason
    from console.access.session import Session
    from console.access.users import User
    from console.audit.log import AuditLog
    from console.audit.writer import AuditWriter
    from console.services.accountability import Accountability
    from console.store import open_store, presence

    url = fresh_database(postgres_url)
    database = open_store(tmp_path, url)
    writer = AuditWriter(AuditLog(database, tmp_path / "audit.key"))
    desk = Accountability(writer, Session(User("an.peeters", "An Peeters", Role.OPERATOR, "-"), "ws-03"),
                          post=lambda function: function())  # fmt: skip
    desk.open()
    reason = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "2026-0007")
    desk.set_reason(reason)
    writer.submit(None, effects=presence.view_started(desk.session.id, "wall 1", 2, "park-01", reason.as_record()))
    assert writer.flush(10)
    shown = main("room", "status", "--json", "--store", url, data=tmp_path)
    assert shown.returncode == 0, shown.stderr
    room = json.loads(shown.stdout)
    assert [(row["user"], row["workstation"], row["is_stale"]) for row in room["sessions"]] == [
        ("an.peeters", "ws-03", False)]  # fmt: skip
    assert [(row["camera"], row["tile"], row["reason"]["reference"]) for row in room["views"]] == [
        ("park-01", 2, "2026-0007")]  # fmt: skip
    text = main("room", "status", "--store", url, data=tmp_path).stdout
    assert "an.peeters" in text and "park-01" in text and "2026-0007" in text
    assert not (tmp_path / "data" / "audit.key").exists()  # reading the room needs no key
    desk.close()
    assert writer.close()
    database.close()


def lease_desk(url: str, *arguments: str, hold: bool = False) -> subprocess.Popen:
    """Another desk of the room, in a process of its own, asking for a lease."""
    command = [sys.executable, "-m", "tests.integration.lease_desk", url, *arguments, *(["--hold"] if hold else [])]
    return subprocess.Popen(command, cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_two_desks_one_lease_refused_taken_over_and_a_killed_desks_lease_expires(qtbot, postgres_url, tmp_path):
    from console.onvif.directory import StreamDirectory
    from console.onvif.service import OnvifService
    from console.ptz.lease import Holder, Priority
    from console.services.room_leases import room_board
    from console.store import open_store
    from console.ui.notices import ChangeNotices
    from console.ui.ptz_controller import PtzController

    url = fresh_database(postgres_url)
    database = open_store(tmp_path, url)
    an = Holder("an.peeters", "An Peeters (operator, WS-01)", "WS-01", Priority.OPERATOR)
    # Desk A, built as the console builds it: leases asked on a worker, the room followed by notices.
    service = OnvifService((), StreamDirectory((), tmp_path / "streams.json"))
    controller = PtzController(service, room_board(database), an, asked_on_worker=True)
    notices = ChangeNotices(database.wait_for_change, "room-notices")
    notices.noticed.connect(controller.refresh_leases)
    notices.start()
    try:
        assert controller.take("mobbox-1-ptz1") is None  # asked on the worker: the GUI thread runs no SQL
        qtbot.waitUntil(lambda: controller.is_mine("mobbox-1-ptz1"), timeout=3000)

        bart = lease_desk(url, "mobbox-1-ptz1", "bart", "Bart Maes (operator, WS-02)", "WS-02", "operator", "30")
        out, _ = bart.communicate(timeout=60)
        assert json.loads(out) == {"outcome": "refused", "reason": "An Peeters (operator, WS-01) controls this camera"}
        assert controller.is_mine("mobbox-1-ptz1")

        with qtbot.waitSignal(controller.control_ended, timeout=5000) as ended:  # told on desk A, by a notice
            chief = lease_desk(url, "mobbox-1-ptz1", "claes", "Tom Claes (team chief, WS-09)", "WS-09", "team_chief",
                               "3", hold=True)  # fmt: skip
            assert chief.stdout is not None
            assert json.loads(chief.stdout.readline())["outcome"] == "taken over"
        took_over = "Tom Claes (team chief, WS-09) took over from An Peeters (operator, WS-01)"
        assert [ended.args[0], str(ended.args[1])] == ["mobbox-1-ptz1", took_over]
        lease = controller.lease("mobbox-1-ptz1")
        assert lease is not None and lease.holder.workstation == "WS-09"
        assert not controller.is_mine("mobbox-1-ptz1")

        chief.kill()  # the chief's desk dies with the lease in hand: it expires, it never sticks
        chief.wait(10)
        with qtbot.waitSignal(controller.lease_changed, timeout=LOADED_MS) as released:
            pass
        assert released.args[0] == "mobbox-1-ptz1" and released.args[1] is None
        assert str(released.args[2]) == "released after 3 s without input"
        assert room_board(database).store.all() == []  # ended in the store by the desk that looked
        assert controller.take("mobbox-1-ptz1") is None
        qtbot.waitUntil(lambda: controller.is_mine("mobbox-1-ptz1"), timeout=3000)
    finally:
        notices.stop()
        controller.shutdown()
        assert service.shutdown()
    assert room_board(database).store.all() == []  # a desk that closes gives its leases back
    database.close()


def test_every_desk_witnesses_the_rooms_log_so_removing_its_newest_entries_is_found_at_any_desk(postgres_url,
                                                                                             tmp_path):  # fmt: skip
    import shutil

    from console.audit.log import AuditChainBroken, AuditLog
    from console.store import open_store

    url = fresh_database(postgres_url)
    desk_a, desk_b = tmp_path / "ws-01", tmp_path / "ws-02"
    store_a = open_store(desk_a, url)
    log_a = AuditLog(store_a, desk_a / "audit.key")  # the first desk makes the room's key ...
    desk_b.mkdir()
    shutil.copy2(desk_a / "audit.key", desk_b / "audit.key")  # ... and every other desk gets a copy of it
    store_b = open_store(desk_b, url)
    log_b = AuditLog(store_b, desk_b / "audit.key")
    log_a.append("an.peeters", "operator", "ws-01", "login")
    for number in range(3):
        log_b.append("bart.maes", "operator", "ws-02", "view start", f"cam-{number}")
    log_a.append_batch([], [])  # desk A's heartbeat: it witnesses what desk B wrote meanwhile
    with store_a.write() as transaction:  # someone with the server's password removes B's newest two entries
        transaction.execute("DELETE FROM audit_log WHERE seq > 2")
    for desk in (desk_a, desk_b):
        verified = main("audit", "verify", "--store", url, data=desk)
        assert verified.returncode == 1 and "the log ends at 2, it had 4 entries" in verified.stderr, verified.stderr
    for log in (log_a, log_b):  # and neither desk writes over the gap: the cut stays found (it used to heal)
        with pytest.raises(AuditChainBroken, match="the log ends at entry 2"):
            log.append("an.peeters", "operator", "ws-01", "view start", "cam-9")
    log_c = AuditLog(open_store(desk_b, url), desk_b / "audit.key")  # desk B started again: still refused
    with pytest.raises(AuditChainBroken):
        log_c.append("bart.maes", "operator", "ws-02", "login")
    verified = main("audit", "verify", "--store", url, data=desk_a)
    assert verified.returncode == 1 and "the log ends at 2, it had 4 entries" in verified.stderr, verified.stderr
    log_c.database.close()
    store_a.close()
    store_b.close()


def test_a_desk_without_the_rooms_key_is_refused_before_it_writes(postgres_url, tmp_path):
    from console.audit.log import AuditLog
    from console.store import open_store

    url = fresh_database(postgres_url)
    store = open_store(tmp_path / "ws-01", url)
    AuditLog(store, tmp_path / "ws-01" / "audit.key").append("an.peeters", "operator", "ws-01", "login")
    store.close()
    (tmp_path / "ws-02").mkdir()
    call = ("intake", "call", "--type", "fight", "--address", "Grote Markt 1", "--description", "x", "--store", url)
    missing = main(*call, data=tmp_path / "ws-02")
    assert missing.returncode == 1 and "has no audit key" in missing.stderr and "Traceback" not in missing.stderr
    assert not (tmp_path / "ws-02" / "audit.key").exists()  # it did not start a key of its own
    (tmp_path / "ws-02" / "audit.key").write_text("00" * 32)
    wrong = main(*call, data=tmp_path / "ws-02")
    assert wrong.returncode == 1 and "is not the one the log" in wrong.stderr, wrong.stderr
    listed = main("incidents", "--json", "--store", url, data=tmp_path / "ws-02")
    assert json.loads(listed.stdout) == []  # nothing was written unlogged
