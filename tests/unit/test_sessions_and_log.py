"""Users, reasons, sessions; the audit writer (group commit, effects, failures) and the board's presence tables."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading

import pytest

from console.access.permissions import Action, NotPermitted, Role
from console.access.reasons import Category, Kind, Reason, ReasonRequired
from console.access.session import Session
from console.access.users import LoginRefused, User, UserDirectory, hash_password, load_users, prepare_add
from console.audit.log import AuditLog, Record
from console.audit.writer import AuditWriter
from console.config.errors import ConfigError
from console.paths import DEFAULT_CONFIG_DIR
from console.ptz.lease import Holder, Priority
from console.services.room_leases import room_board
from console.store import open_store, open_store_file, presence
from console.store.backend import utc_text

PATROL = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "station quarter")


def user(role: Role = Role.OPERATOR, name: str = "an.peeters") -> User:
    return User(name, "An Peeters", role, "$argon2id$not-used-here")


# -- reasons -------------------------------------------------------------------------------------------
def test_a_reason_needs_a_reference_unless_it_is_a_patrol():
    assert Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL).reference == ""
    for category in (Category.INCIDENT, Category.ANPR_HIT, Category.INVESTIGATOR_REQUEST, Category.OTHER):
        with pytest.raises(ReasonRequired, match="needs an incident/report number"):
            Reason(Kind.ADMINISTRATIVE, category, "   ")
    with pytest.raises(ReasonRequired, match="judicial police viewing needs the report"):
        Reason(Kind.JUDICIAL, Category.VIRTUAL_PATROL)
    assert Reason(Kind.JUDICIAL, Category.INCIDENT, "  PV  2026/0412 ").reference == "PV 2026/0412"


def test_a_reason_round_trips_through_the_log_and_the_command_line():
    reason = Reason(Kind.JUDICIAL, Category.INVESTIGATOR_REQUEST, "KO.12.LB.2026")
    assert Reason.from_record(json.loads(json.dumps(reason.as_record()))) == reason
    assert Reason.parse("incident: PV 2026/77") == Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "PV 2026/77")
    assert Reason.parse("Virtual patrol").category == Category.VIRTUAL_PATROL
    with pytest.raises(ReasonRequired, match="unknown category 'picnic'"):
        Reason.parse("picnic: park")


# -- sessions --------------------------------------------------------------------------------------------
def test_viewing_without_a_reason_is_refused_and_the_reason_then_covers_it():
    session = Session(user(), "ws-04")
    with pytest.raises(ReasonRequired, match="first give a reason"):
        session.require(Action.VIEW_LIVE)
    assert not session.may(Action.RUN_TOUR)
    assert session.require(Action.EDIT_TOURS) is None  # no images: no reason needed
    session.reason = PATROL
    for action in (Action.VIEW_LIVE, Action.RUN_TOUR, Action.CONTROL_PTZ, Action.TAKE_SNAPSHOT):
        assert session.require(action) == PATROL
    with pytest.raises(NotPermitted, match="the operator role may not take over"):
        session.require(Action.TAKE_OVER_PTZ)
    assert session.who == {"user": "an.peeters", "role": "operator", "workstation": "ws-04"}


def test_roles_without_video_are_refused_even_with_a_reason():
    for role in (Role.CALL_TAKER, Role.DATA_PROTECTION_OFFICER, Role.ADMINISTRATOR):
        session = Session(user(role), reason=PATROL)
        with pytest.raises(NotPermitted):
            session.require(Action.VIEW_LIVE)


# -- users -------------------------------------------------------------------------------------------------
def test_passwords_are_argon2id_and_a_wrong_name_or_password_gets_one_answer(tmp_path):
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$") and "correct" not in hashed
    directory = UserDirectory((User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, hashed),), path=tmp_path / "users.yaml")
    assert directory.authenticate("Tom.Claes ", "correct horse battery").role == Role.TEAM_CHIEF
    for name, password in (("tom.claes", "wrong password!"), ("nobody", "correct horse battery")):
        with pytest.raises(LoginRefused, match="^wrong user name or password$"):
            directory.authenticate(name, password)
    with pytest.raises(ValueError, match="at least 8"):
        hash_password("short")
    prepare_add(tmp_path / "users.yaml", directory.users["tom.claes"]).commit()
    again = load_users(tmp_path)
    assert again.authenticate("tom.claes", "correct horse battery").full_name == "Tom Claes"


def test_the_demo_users_cover_every_role_and_sign_in_with_the_demo_password():
    users = load_users(DEFAULT_CONFIG_DIR)
    assert {user.role for user in users.users.values()} == set(Role)
    assert users.authenticate("demo", "uitkijk-demo").role == Role.OPERATOR


def test_a_broken_users_file_names_file_line_and_key(tmp_path):
    (tmp_path / "users.yaml").write_text(
        "version: 1\nusers:\n  - name: an\n    full_name: An\n    role: operatr\n"
        "    password: hunter2-hunter2-hunter2\n"
        "  - name: an\n    full_name: An\n    role: operator\n    passwd: x\n"
    )
    with pytest.raises(ConfigError) as raised:
        load_users(tmp_path)
    text = str(raised.value)
    assert "users.yaml:5:11: users[0].role: unknown role 'operatr' (did you mean 'operator'?)" in text
    assert "users.yaml:6:15: users[0].password: not an Argon2 hash: never write a password here" in text
    assert "users.yaml:10:5: users[1].passwd: unknown key 'passwd' (did you mean 'password'?)" in text
    (tmp_path / "users.yaml").unlink()
    with pytest.raises(ConfigError, match="no users yet: add the first with 'python main.py user add"):
        load_users(tmp_path)


# -- the writer -----------------------------------------------------------------------------------------------
@pytest.fixture
def writer(tmp_path):
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    writer = AuditWriter(log)
    yield writer
    writer.close()
    log.database.close()


def read_presence(writer: AuditWriter, now: dt.datetime | None = None) -> presence.Presence:
    with writer.log.database.read() as transaction:
        return presence.read_presence(transaction, now)


def record(action: str, camera: str | None = None, effects=(), detail_size: int = 0) -> Record:
    detail = {"n": 1, "padding": "x" * detail_size} if detail_size else {"n": 1}
    return Record("an.peeters", "operator", "ws-04", action, camera, detail, PATROL.as_record(), tuple(effects))


def test_the_writer_calls_back_only_once_the_entry_is_on_disk_and_batches_a_burst(writer, tmp_path):
    seen: list[tuple[int, int]] = []  # (entry seq, rows on disk when the callback ran)
    done = threading.Event()

    def durable(entry) -> None:
        with sqlite3.connect(tmp_path / "store.sqlite3") as other:  # another connection: only committed rows
            seen.append((entry.seq, other.execute("SELECT count(*) FROM audit_log").fetchone()[0]))
        if len(seen) == 300:
            done.set()

    for number in range(300):
        writer.submit(record("view start", f"cam-{number}"), on_durable=durable)
    assert done.wait(20)
    assert [seq for seq, _ in seen] == list(range(1, 301))
    assert all(rows >= seq for seq, rows in seen)
    batches = {rows for _, rows in seen}
    assert len(batches) < 300  # group commit: many entries per flush
    assert writer.log.verify().is_intact


def test_effects_are_written_with_their_entry_and_the_board_reads_them(writer, tmp_path):
    session = Session(user(), "ws-04", reason=PATROL)
    writer.submit(record("login", effects=presence.session_started(session.id, session.who, "An Peeters",
                                                                   session.started_utc)))  # fmt: skip
    writer.submit(record("view start", "cam-a", presence.view_started(session.id, "wall 1", 1, "cam-a",
                                                                      PATROL.as_record())))  # fmt: skip
    writer.submit(record("tour start", None, presence.tour_started(session.id, "wall 2", "Stationsbuurt", None)))
    leases = room_board(writer.log.database)  # the room's leases: the board reads them from the store
    an = Holder("an.peeters", "An Peeters (operator, ws-04)", "ws-04", Priority.OPERATOR)
    assert leases.request("cam-ptz", an).is_granted
    assert writer.flush()
    now = read_presence(writer)
    assert [(row.user, row.state, row.is_stale) for row in now.sessions] == [("an.peeters", "active", False)]
    assert [(row.camera, row.tile, row.reason["reference"]) for row in now.views] == [("cam-a", 1, "station quarter")]
    assert [(row.wall, row.tour) for row in now.tours] == [("wall 2", "Stationsbuurt")]
    assert [(row.camera, row.holder, row.workstation, row.priority) for row in now.leases] == [
        ("cam-ptz", "An Peeters (operator, ws-04)", "ws-04", Priority.OPERATOR)]  # fmt: skip
    later = read_presence(writer, dt.datetime.now(dt.UTC) + dt.timedelta(seconds=20))
    assert later.sessions[0].is_stale  # no heartbeat: the board does not trust the rows any more
    assert len(later.leases) == 1  # 30 s without input: not yet
    expired = read_presence(writer, dt.datetime.now(dt.UTC) + dt.timedelta(seconds=31))
    assert not expired.leases  # a killed desk's lease never sticks on the board
    leases.release_all(an)
    writer.submit(record("logout", effects=presence.session_ended(session.id)))
    assert writer.flush()
    gone = read_presence(writer)
    assert not (gone.sessions or gone.views or gone.tours or gone.leases)
    assert writer.log.entries().__next__().action == "login" and len(list(writer.log.entries())) == 4


def test_a_desk_signing_in_again_replaces_its_quiet_predecessor_on_the_board(tmp_path, store_url):
    """A killed desk that comes back is one desk on the board, not itself plus a ghost "without contact" for ever;
    a quiet desk of another workstation, and a second console still beating under the same name, stay."""
    log = AuditLog(open_store(tmp_path, store_url), tmp_path / "audit.key")
    writer = AuditWriter(log)
    try:
        old, other, twin = (
            Session(user(), "ws-01"),
            Session(user(name="lies.wouters"), "ws-03"),
            Session(user(), "ws-01"),
        )
        for session in (old, other, twin):
            writer.submit(record("login", effects=presence.session_started(session.id, session.who, "A User",
                                                                           session.started_utc)))  # fmt: skip
        writer.submit(record("view start", "cam-a", presence.view_started(old.id, "wall 1", 1, "cam-a", None)))
        long_ago = utc_text(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10))
        for quiet in (old, other):  # killed ten minutes ago: no heartbeat since
            went_quiet = ("UPDATE presence_sessions SET last_seen_utc = ? WHERE session = ?", (long_ago, quiet.id))
            writer.submit(record("heartbeat", effects=presence._statements(went_quiet)))
        assert writer.flush()
        assert {row.session for row in read_presence(writer).sessions} == {old.id, other.id, twin.id}

        again = Session(user(), "ws-01")  # the PC of ws-01 restarted, its operator signs in again
        writer.submit(record("login", effects=presence.session_started(again.id, again.who, "A User",
                                                                       again.started_utc)))  # fmt: skip
        assert writer.flush()
        now = read_presence(writer)
        assert {row.session for row in now.sessions} == {other.id, twin.id, again.id}
        assert not [row for row in now.views if row.session == old.id]  # its last known wall went with it
    finally:
        writer.close()
        log.database.close()


def test_when_the_log_cannot_be_written_nothing_is_carried_out(writer, tmp_path):
    failures, actions = [], []
    done = threading.Event()

    def bad(transaction) -> None:
        transaction.execute("INSERT INTO no_such_table VALUES (1)")

    writer.submit(record("view start", "cam-a", [bad]), on_durable=actions.append,
                  on_failure=lambda error: (failures.append(str(error)), done.set()))  # fmt: skip
    assert done.wait(10)
    assert actions == [] and "no_such_table" in failures[0]
    assert list(writer.log.entries()) == []  # the whole batch rolled back: no half-written entry
    ok = threading.Event()
    writer.submit(record("view start", "cam-a"), on_durable=lambda entry: ok.set())
    assert ok.wait(10) and writer.log.verify().is_intact


def test_a_head_behind_the_log_after_a_crash_still_verifies_but_a_replaced_one_does_not(tmp_path):
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    for number in range(5):
        log.append("u", "operator", "ws", "view start", f"cam-{number}")
    head, witness = log.head_path.read_text(), log.witness_path.read_text()
    log.append("u", "operator", "ws", "view stop", "cam-4")
    log.head_path.write_text(head)  # as if killed between the commit and the head's write:
    log.witness_path.write_text(witness)  # neither the head nor its witness line was written
    assert log.verify().is_intact
    seq, _, tag = head.split()
    log.head_path.write_text(f"{seq} {'f' * 64} {tag}\n")
    verdict = log.verify()
    assert not verdict.is_intact
    log.database.close()


def _delete_newest(database, count: int) -> None:
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) FROM audit_log) - ?", (count,))
    connection.close()


def _logged(tmp_path, entries: int = 6) -> AuditLog:
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    for number in range(entries):
        log.append("u", "operator", "ws", "view start", f"cam-{number}")
    return log


def test_removing_the_newest_entries_and_the_head_is_found(tmp_path):
    log = _logged(tmp_path)
    _delete_newest(log.database.path, 2)
    log.head_path.unlink()
    verdict = log.verify()
    assert not verdict.is_intact and "head" in verdict.problem and "missing" in verdict.problem
    log.database.close()


def test_a_head_rewritten_from_the_database_itself_is_found(tmp_path):
    """Without the key, a head naming the new last entry cannot be written so that it verifies."""
    log = _logged(tmp_path)
    _delete_newest(log.database.path, 2)
    last = list(log.entries())[-1]
    for forged in (f"{last.seq} {last.mac}\n", f"{last.seq} {last.mac} {'0' * 64}\n"):
        log.head_path.write_text(forged)
        verdict = log.verify()
        assert not verdict.is_intact and "key" in verdict.problem, forged
    log.database.close()


def test_an_older_authentic_head_put_back_is_found_by_the_witness(tmp_path):
    log = _logged(tmp_path, 4)
    old_head = log.head_path.read_text()
    for number in range(3):
        log.append("u", "operator", "ws", "view stop", f"cam-{number}")
    _delete_newest(log.database.path, 3)
    log.head_path.write_text(old_head)  # authentic, written by the console itself: only older
    verdict = log.verify()
    assert not verdict.is_intact and verdict.first_broken == 5 and "witness" in verdict.problem
    log.witness_path.unlink()  # and removing the witness too is itself a finding: it may hide a head set back
    verdict = log.verify()
    assert not verdict.is_intact and "witness" in verdict.problem and "missing" in verdict.problem
    log.database.close()


def test_a_head_from_before_heads_were_signed_is_signed_once_if_the_log_agrees(tmp_path):
    log = _logged(tmp_path, 3)
    last = list(log.entries())[-1]
    log.database.close()
    log.head_path.write_text(f"{last.seq} {last.mac}\n")  # the old format
    log.witness_path.unlink()
    upgraded = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    assert upgraded.verify().is_intact and len(upgraded.head_path.read_text().split()) == 3
    upgraded.database.close()


def test_search_by_user_camera_and_words_of_the_reason(tmp_path):
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    incident = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "PV 2026/0412 vechtpartij")
    log.append("an.peeters", "operator", "ws-04", "view start", "cam-a", {}, PATROL.as_record())
    log.append("an.peeters", "operator", "ws-04", "view start", "cam-b", {}, incident.as_record())
    log.append("tom.claes", "team chief", "ws-01", "view start", "cam-b", {}, incident.as_record())
    assert [e.camera for e in log.entries(user="an.peeters")] == ["cam-a", "cam-b"]
    assert [e.user for e in log.entries(camera="cam-b", newest_first=True)] == ["tom.claes", "an.peeters"]
    assert [e.seq for e in log.entries(reason_text="2026/0412 VECHTPARTIJ")] == [2, 3]
    assert [e.seq for e in log.entries(reason_text="100%")] == []  # LIKE wildcards are taken literally
    assert [e.seq for e in log.entries(action="view start", limit=1)] == [1]
    log.database.close()


def test_on_a_full_disk_a_stop_is_kept_and_written_when_the_disk_takes_it_again(writer):
    """A view that stopped has stopped: its entry may be late, never lost; the desk hears of both changes."""
    health: list[BaseException | None] = []
    writer.health_changed.connect(health.append)
    connection = writer.log.database._writer  # the disk fills up: SQLite answers "database or disk is full"
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    refused = threading.Event()
    writer.submit(record("view start", "cam-b", detail_size=4000), on_failure=lambda error: refused.set())
    writer.submit(record("view stop", "cam-a", detail_size=4000), is_fact=True)
    assert refused.wait(10)  # what has not happened yet does not happen
    assert health and health[0] is not None and "full" in str(health[0])
    assert not writer.flush(1.5)  # the stop is still waiting for the disk
    connection.execute("PRAGMA max_page_count = 1000000")  # space again
    assert writer.flush(10)
    stops = list(writer.log.entries(action="view stop"))
    assert [entry.camera for entry in stops] == ["cam-a"] and "happened_utc" in json.loads(stops[0].detail)
    assert list(writer.log.entries(action="view start")) == []
    assert health[-1] is None and writer.log.verify().is_intact


def test_verifying_while_another_desk_writes_finds_no_false_roll_back(tmp_path, monkeypatch):
    """A write between verify's reading of the witness and of the head must not look like a head set back."""
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    for number in range(3):
        log.append("an", "operator", "ws-04", "view start", f"cam-{number}")
    readers = {"head": log._read_head, "witness": log._read_witness}
    is_written = []

    def reading(which):
        def read():
            found = readers[which]()
            if not is_written:  # the first of verify's two readings: another desk writes right after it
                is_written.append(True)  # (the write reads the head itself: only once)
                log.append("tom", "team chief", "ws-01", "view start", "cam-x")
            return found

        return read

    monkeypatch.setattr(log, "_read_head", reading("head"))
    monkeypatch.setattr(log, "_read_witness", reading("witness"))
    verdict = log.verify()
    assert verdict.is_intact, str(verdict)  # before: "the head was set back to entry 3, its witness saw entry 4"
    log.database.close()


# -- a cut log does not heal (issue 23, item 1) -----------------------------------------------------------
def _opened(tmp_path, folder: str = "") -> AuditLog:
    """The log as a new process opens it (a command-line intake, a desk's start): the head and witness from files."""
    return AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / folder / "audit.key")


def _another_desk_with_the_key(tmp_path, folder: str) -> AuditLog:
    """A desk new to the room: the room's key copied to it, no head or witness of its own, the same store."""
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "audit.key").write_bytes((tmp_path / "audit.key").read_bytes())
    return _opened(tmp_path, folder)


def _cut_and_written_over(tmp_path, entries: int) -> tuple[AuditLog, AuditLog]:
    """This desk wrote 5 entries; 4 and 5 were removed; a desk new to the room then wrote ``entries`` over the gap."""
    log = _logged(tmp_path, 5)
    _delete_newest(log.database.path, 2)
    other = _another_desk_with_the_key(tmp_path, "other")
    for number in range(entries):
        other.append("v", "operator", "ws-9", "view start", f"cam-{number}")
    return log, other


def test_a_log_cut_at_its_end_refuses_new_entries_instead_of_writing_them_over_the_gap(tmp_path):
    """Before: the writer chained onto the database's last row, and three new entries made "6 entries, intact"."""
    from console.audit.log import AuditChainBroken

    log = _logged(tmp_path, 5)
    _delete_newest(log.database.path, 2)  # the database alone: no key, head or witness touched
    with pytest.raises(AuditChainBroken, match="the log ends at entry 3, this desk wrote or saw entry 5"):
        log.append("u", "operator", "ws", "intake")  # the desk that was running
    log.database.close()
    for _ in range(3):  # as three more command-line intakes would
        later = _opened(tmp_path)
        assert later.finding is not None and "removed" in str(later.finding)
        with pytest.raises(AuditChainBroken):
            later.append("u", "operator", "ws", "intake")
        later.database.close()
    again = _opened(tmp_path)
    assert [entry.seq for entry in again.entries()] == [1, 2, 3]  # nothing written over the gap
    verdict = again.verify()
    assert not verdict.is_intact and verdict.first_broken == 4 and "removed" in verdict.problem
    again.database.close()


def test_an_entry_replaced_beside_the_head_refuses_new_entries(tmp_path):
    """Another desk with the key but no head of its own (a new desk) chained onto the cut log: this desk refuses."""
    from console.audit.log import AuditChainBroken

    log, newcomer = _cut_and_written_over(tmp_path, 3)  # 4, 5, 6 again, other MACs
    with pytest.raises(AuditChainBroken, match="entry 5 is not the one this desk wrote or saw"):
        log.append("u", "operator", "ws", "intake")
    assert not log.verify().is_intact
    log.database.close()
    newcomer.database.close()


def test_verify_checks_every_head_the_witness_holds_not_only_the_newest(tmp_path):
    """A cut healed by a desk with the key (as the writer used to): only the older witness lines still know."""
    log, other = _cut_and_written_over(tmp_path, 4)  # 4..7 with other MACs
    # This desk then took the newest head (authentic) as if it had chained on: head and newest witness agree.
    log.head_path.write_text(other.head_path.read_text())
    with log.witness_path.open("a") as witness:
        witness.write(other.witness_path.read_text().splitlines(keepends=True)[-1])
    verdict = log.verify()
    assert not verdict.is_intact and verdict.first_broken == 4 and "replaced" in verdict.problem, str(verdict)
    log.database.close()
    other.database.close()


@pytest.mark.parametrize("damage", ["missing", "forged line", "not utf-8", "a folder", "a fifo", "huge"])
def test_a_damaged_witness_is_a_finding_never_a_crash(tmp_path, damage):
    import os

    log = _logged(tmp_path, 3)
    witness = log.witness_path
    lines = witness.read_text().splitlines(keepends=True)
    witness.unlink()
    if damage == "forged line":
        utc, seq, mac, _tag = lines[-1].split()
        witness.write_text("".join(lines) + f"{utc} {int(seq) + 5} {mac} {'0' * 64}\n")
    elif damage == "not utf-8":
        witness.write_bytes("".join(lines).encode() + b"\xff\xfe\n")
    elif damage == "a folder":
        witness.mkdir()
    elif damage == "a fifo":
        os.mkfifo(witness)
    elif damage == "huge":
        witness.write_text("".join(lines) * 40_000)
    verdict = log.verify()
    assert not verdict.is_intact and "witness" in verdict.problem, str(verdict)
    log.database.close()
    reopened = _opened(tmp_path)  # and the desk refuses to write on it
    assert reopened.finding is not None and "witness" in str(reopened.finding)
    reopened.database.close()


@pytest.mark.parametrize("damage", ["missing", "not utf-8", "a folder"])
def test_a_damaged_head_is_a_finding_never_a_crash(tmp_path, damage):
    log = _logged(tmp_path, 3)
    log.head_path.unlink()
    if damage == "a folder":
        log.head_path.mkdir()
    elif damage == "not utf-8":
        log.head_path.write_bytes(b"\xff\xfe 3\n")
    verdict = log.verify()
    assert not verdict.is_intact and "head" in verdict.problem, str(verdict)
    log.database.close()
    reopened = _opened(tmp_path)  # and the desk refuses to write on it (a new head would hide the finding)
    assert reopened.finding is not None and "head" in str(reopened.finding)
    reopened.database.close()


def test_a_cut_resumed_is_recorded_in_the_chain_and_named_by_every_verify(tmp_path):
    log = _logged(tmp_path, 5)
    _delete_newest(log.database.path, 2)
    log.database.close()
    desk = _opened(tmp_path)
    (tmp_path / "intact").mkdir()
    intact = _logged(tmp_path / "intact", 2)
    with pytest.raises(ValueError, match="nothing to resume"):
        intact.resume("root", "administrator (command line)", "pc", "no cut here")
    intact.database.close()
    resumed = desk.resume("root", "administrator (command line)", "pc", "PV 2026/1234")
    assert resumed.seq == 4 and resumed.action == "audit resumed"
    assert json.loads(resumed.detail)["log_ended_at"] == 3 and set(json.loads(resumed.detail)["lost_heads"]) >= {"5"}
    desk.append("u", "operator", "ws", "intake")  # it writes again, after the recorded cut
    desk.database.close()
    later = _opened(tmp_path)  # and so does the next process, with no false "set back"
    assert later.finding is None
    later.append("u", "operator", "ws", "intake")
    verdict = later.verify()
    assert verdict.is_intact and verdict.entries == 6, str(verdict)
    assert "cut recorded at entry 4" in str(verdict) and "PV 2026/1234" in str(verdict)
    later.database.close()


def test_a_desk_that_refuses_to_write_still_beats_and_says_why_on_the_board(tmp_path):
    """The finding reaches the board and room status (the presence row), though no entry is written."""
    from console.services.accountability import Accountability
    from console.wording import from_record

    log = _logged(tmp_path, 3)
    writer = AuditWriter(log)
    session = Session(user(), "ws-04", reason=PATROL)
    accountability = Accountability(writer, session, lambda action: action())
    accountability.open()
    assert writer.flush()
    _delete_newest(log.database.path, 2)
    failed = []
    accountability.log_failed.connect(failed.append)
    accountability.log("view start", "cam-a")
    assert writer.flush(10)
    desks = read_presence(writer).sessions
    assert len(desks) == 1 and desks[0].audit_problem  # a fact: worded in the reader's language when shown
    assert "entries were removed: the log ends at entry 2, this desk wrote or saw entry 4" in str(
        from_record(desks[0].audit_problem)
    )
    assert failed  # the red banner's message
    accountability.heartbeat()
    assert writer.flush(10) and not read_presence(writer).sessions[0].is_stale
    assert [entry.seq for entry in log.entries()] == [1, 2]
    writer.close()
    log.database.close()


@pytest.mark.parametrize("damage", ["a folder", "not hex", "not utf-8", "empty"])
def test_a_damaged_key_is_one_clear_refusal_never_a_crash(tmp_path, damage):
    from console.audit.log import AuditKeyError

    key = tmp_path / "audit.key"
    if damage == "a folder":
        key.mkdir()
    else:
        key.write_bytes({"not hex": b"zz-not-a-key", "not utf-8": b"\xff\xfe", "empty": b""}[damage])
    with pytest.raises(AuditKeyError, match="audit key"):
        AuditLog(open_store_file(tmp_path / "store.sqlite3"), key)


# -- the review's findings ------------------------------------------------------------------------------------------
def test_two_consoles_of_one_folder_go_on_from_the_newest_head_either_wrote(tmp_path):
    """Before: the second console chained from its own older head, wrote over the cut, and verify later healed."""
    from console.audit.log import AuditChainBroken

    first = _logged(tmp_path, 3)
    second = _opened(tmp_path)  # another console of the same folder (a desk and a command-line intake)
    for number in range(2):
        first.append("u", "operator", "ws", "view start", f"cam-{number}")
    _delete_newest(first.database.path, 2)
    with pytest.raises(AuditChainBroken, match="the log ends at entry 3, this desk wrote or saw entry 5"):
        second.append("v", "operator", "ws", "intake")
    first.database.close()
    second.database.close()


def test_a_witness_line_torn_by_a_crash_is_cut_off_before_the_next_one(tmp_path):
    log = _logged(tmp_path, 2)
    with log.witness_path.open("a") as witness:
        witness.write("2026-12-04T00:00:00Z 3 ab")  # killed while the line was written
    log.append("u", "operator", "ws", "intake")
    assert log.verify().is_intact, str(log.verify())  # before: the next line glued on: "line 4 ... forged"
    assert _opened(tmp_path).finding is None
    log.database.close()


def test_a_second_resume_at_another_desk_lets_it_start_again(tmp_path):
    """Both desks saw entry 8; A's resume records it lost; B's own resume must not keep its old line for 8 above
    its new head (before: B refused at its next start, "head set back to entry 6, its witness saw entry 8")."""
    a = _logged(tmp_path, 4)
    b = _another_desk_with_the_key(tmp_path, "b")
    for number in range(4):
        b.append("v", "operator", "ws-2", "view start", f"cam-{number}")  # 5..8
    a.append_batch([], [])  # A's heartbeat: it witnesses entry 8
    _delete_newest(a.database.path, 4)  # 5..8 removed
    a.database.close()
    b.database.close()
    a = _opened(tmp_path)
    a.resume("root", "administrator (command line)", "pc", "first")  # entry 5
    b = _opened(tmp_path, "b")
    b.resume("root", "administrator (command line)", "pc", "second")  # entry 6
    b.database.close()
    again = _opened(tmp_path, "b")
    assert again.finding is None, str(again.finding)
    again.append("v", "operator", "ws-2", "intake")
    assert again.verify().is_intact, str(again.verify())
    again.database.close()
    a.database.close()


def test_a_head_that_is_a_named_pipe_does_not_hang_the_start(tmp_path):
    import os

    log = _logged(tmp_path, 2)
    log.database.close()
    log.head_path.unlink()
    os.mkfifo(log.head_path, 0o600)
    reopened = _opened(tmp_path)  # before: blocked for ever in the old head's upgrade
    assert reopened.finding is not None and "head" in str(reopened.finding)
    assert not reopened.verify().is_intact
    reopened.database.close()


def test_a_new_desk_does_not_start_from_a_forged_newest_entry(tmp_path):
    log = _logged(tmp_path, 3)
    connection = sqlite3.connect(log.database.path)
    with connection:
        row = list(connection.execute("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone())
        row[0], row[-2], row[-1] = row[0] + 1, row[-1], "ab" * 32
        connection.execute(f"INSERT INTO audit_log VALUES ({', '.join('?' * len(row))})", row)
    connection.close()
    newcomer = _another_desk_with_the_key(tmp_path, "new")
    assert newcomer.finding is not None and "not written with the log's key" in str(newcomer.finding)
    newcomer.database.close()
    log.database.close()


def test_a_head_that_cannot_be_written_after_the_commit_does_not_undo_the_entries(tmp_path):
    """The entries are on disk: their actions go on, and a fact is not written twice."""
    log = _logged(tmp_path, 1)
    partial = log.head_path.with_suffix(".partial")
    partial.mkdir()  # the head's new copy cannot be written
    entry = log.append("u", "operator", "ws", "view stop", "cam-a")
    assert entry.seq == 2 and [e.seq for e in log.entries()] == [1, 2]
    partial.rmdir()
    log.append("u", "operator", "ws", "view start", "cam-b")  # the head catches up
    assert log.verify().is_intact
    log.database.close()
