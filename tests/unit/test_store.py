"""The store on a real SQLite file: migrations per table group, one writer, readers that never wait."""

from __future__ import annotations

import ctypes
import sqlite3
import threading

import pytest

from console.store import TABLE_GROUPS, StoreUnavailable, open_store, open_store_file
from console.store.backend import Migration, TableGroup


def test_every_table_group_is_migrated_once_and_versioned(tmp_path, store_url):
    database = open_store(tmp_path, store_url)
    versions = database.schema_versions()
    assert versions == {group.name: group.version for group in TABLE_GROUPS}
    assert set(versions) == {"audit", "presence", "dispatch", "tours", "leases", "relay", "archive", "alarms"}
    database.close()
    again = open_store(tmp_path, store_url)  # reopening migrates nothing and keeps the data
    assert again.schema_versions() == versions
    again.close()


def test_a_new_step_of_one_group_runs_on_an_existing_store_without_touching_the_others(tmp_path, store_url):
    database = open_store(tmp_path, store_url)
    with database.write() as transaction:
        transaction.execute(
            'INSERT INTO tour_runs (tour_id, tour_name, "user", workstation, wall, started_utc, outcome, steps_total)'
            " VALUES ('t', 'T', 'an', 'ws', 'wall 1', 'now', 'running', 2)"
        )
    tours = next(group for group in TABLE_GROUPS if group.name == "tours")
    step_two = Migration(2, {"sqlite": ("ALTER TABLE tour_runs ADD COLUMN note TEXT",)})
    later = TableGroup("tours", (*tours.migrations, step_two))
    database.migrate([later])
    with database.read() as transaction:
        assert transaction.execute("SELECT tour_id, note FROM tour_runs").fetchall() == [("t", None)]
    assert database.schema_versions()["tours"] == 2 and database.schema_versions()["audit"] == 1
    database.close()


def test_a_store_from_a_newer_console_is_refused_with_a_clear_message(tmp_path):
    open_store(tmp_path).close()
    with sqlite3.connect(tmp_path / "uitkijk.sqlite3") as raw:
        raw.execute("UPDATE schema_versions SET version = 9 WHERE group_name = 'dispatch'")
    with pytest.raises(StoreUnavailable, match="dispatch tables are version 9, newer than this console knows"):
        open_store(tmp_path)


def test_a_file_that_is_not_a_store_is_refused_not_a_traceback(tmp_path):
    path = tmp_path / "not-a-store.sqlite3"
    path.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreUnavailable):
        open_store_file(path)


def test_a_reading_does_not_wait_for_a_writer_holding_its_transaction(tmp_path, store_url):
    database = open_store(tmp_path, store_url)
    writing, release = threading.Event(), threading.Event()

    def writer() -> None:
        with database.write() as transaction:
            transaction.execute("UPDATE dispatch_meta SET revision = revision + 1")
            writing.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(5)
    with database.read() as transaction:  # WAL: the committed state, at once
        assert transaction.execute("SELECT revision FROM dispatch_meta").fetchone()[0] == 0
    release.set()
    thread.join(5)
    with database.read() as transaction:
        assert transaction.execute("SELECT revision FROM dispatch_meta").fetchone()[0] == 1
    database.close()


def sqlite_memory_used() -> int:
    """Bytes the SQLite library holds in this process (page caches, statements, schemas)."""
    import _sqlite3

    library = ctypes.CDLL(_sqlite3.__file__)  # its symbols and those of the libsqlite3 it links
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return int(library.sqlite3_memory_used())


def test_the_page_caches_stay_small_however_large_the_log_grows(tmp_path):
    """A night's log must not fill every connection's page cache to SQLite's 2 MB default."""
    database = open_store(tmp_path)
    before = sqlite_memory_used()
    with database.write() as transaction:
        transaction.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)")
        for number in range(4000):  # 4 MB of rows, written and then read back whole on another thread
            transaction.execute("INSERT INTO filler (body) VALUES (?)", (f"{number:08}" * 125,))
    totals: list[int] = []
    reader = threading.Thread(target=lambda: totals.append(_read_filler(database)))
    reader.start()
    reader.join(30)
    assert totals == [4000 * 1000]
    grown = sqlite_memory_used() - before
    database.close()
    assert grown < 1_200_000, f"SQLite grew {grown} bytes for a writer and a reader"


def _read_filler(database) -> int:
    with database.read() as transaction:
        return sum(len(body) for (body,) in transaction.execute("SELECT body FROM filler"))


def test_a_failed_write_leaves_nothing_behind(tmp_path, store_url):
    database = open_store(tmp_path, store_url)
    with pytest.raises(Exception, match="no_such_table"), database.write() as transaction:
        transaction.execute("UPDATE dispatch_meta SET revision = 5")
        transaction.execute("INSERT INTO no_such_table VALUES (1)")
    with database.read() as transaction:
        assert transaction.execute("SELECT revision FROM dispatch_meta").fetchone()[0] == 0
    database.close()


def test_a_table_in_the_way_of_a_migration_is_said_as_the_stores_problem(tmp_path):
    with sqlite3.connect(tmp_path / "uitkijk.sqlite3") as raw:
        raw.execute("CREATE TABLE audit_log (seq INTEGER PRIMARY KEY)")  # an old, different shape
    with pytest.raises(StoreUnavailable, match="audit tables could not be brought up to date"):
        open_store(tmp_path)


def test_two_writers_of_a_room_take_turns(tmp_path, store_url):
    """Two desks (two connections) write the chain's tables one after the other, never both at once."""
    first, second = open_store(tmp_path, store_url), open_store(tmp_path, store_url)
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with first.write() as transaction:
            transaction.execute("UPDATE dispatch_meta SET revision = revision + 1")
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert inside.wait(5)
    waited = threading.Event()

    def write_too() -> None:
        with second.write() as transaction:
            transaction.execute("UPDATE dispatch_meta SET revision = revision + 10")
        waited.set()

    other = threading.Thread(target=write_too)
    other.start()
    assert not waited.wait(0.5)  # the second desk waits for the first
    release.set()
    holder.join(5)
    other.join(10)
    with second.read() as transaction:
        assert transaction.execute("SELECT revision FROM dispatch_meta").fetchone()[0] == 11
    first.close()
    second.close()


def test_a_wrong_postgresql_address_is_one_line_without_its_password(tmp_path):
    with pytest.raises(StoreUnavailable) as refused:
        open_store(tmp_path, "postgresql://uitkijk:Geheim-Wachtwoord-7@127.0.0.1:1/room")
    assert "cannot be reached" in str(refused.value) and "Geheim-Wachtwoord-7" not in str(refused.value)


def test_a_lease_changes_only_from_the_row_a_desk_read(tmp_path, store_url):
    """Compare-and-set in one statement: two desks that read the same row cannot both replace it."""
    from console.store import leases

    database = open_store(tmp_path, store_url)
    an = leases.LeaseRecord("cam-ptz", "an", "An (ws-1)", "ws-1", 1, 1000.25, 1000.25, 30.0)
    bart = leases.LeaseRecord("cam-ptz", "bart", "Bart (ws-2)", "ws-2", 1, 1001.5, 1001.5, 30.0)
    chief = leases.LeaseRecord("cam-ptz", "claes", "Claes (ws-9)", "ws-9", 3, 1002.75, 1002.75, 30.0)
    with database.write() as transaction:
        assert leases.compare_and_set(transaction, "cam-ptz", None, an)
        assert not leases.compare_and_set(transaction, "cam-ptz", None, bart)  # it is taken: a second insert fails
    with database.write() as transaction:
        assert leases.compare_and_set(transaction, "cam-ptz", an, chief)  # the take-over names the row it read
        assert not leases.compare_and_set(transaction, "cam-ptz", an, bart)  # a desk that read the old row: refused
        touched = leases.LeaseRecord(**{**chief.__dict__, "last_input_s": 1010.125})
        assert not leases.compare_and_set(transaction, "cam-ptz", touched, None)
        assert leases.compare_and_set(transaction, "cam-ptz", chief, touched)
    with database.read() as transaction:
        assert leases.read_all(transaction) == [touched]  # the times come back to the bit
    with database.write() as transaction:
        assert leases.compare_and_set(transaction, "cam-ptz", touched, None)
        assert leases.read_one(transaction, "cam-ptz") is None
    database.close()


def test_a_rooms_writes_are_durable_before_the_action_whatever_the_servers_default(postgres_url, tmp_path):
    from tests.postgres import fresh_database

    url = fresh_database(postgres_url)
    database = open_store(tmp_path, url)
    with database.write() as transaction:
        transaction.execute(
            "ALTER DATABASE "
            + transaction.execute("SELECT current_database()").fetchone()[0]
            + " SET synchronous_commit = off"
        )
    database.close()
    database = open_store(tmp_path, url)  # new connections: the server's default for them is now "off"
    with database.write() as transaction:
        assert transaction.execute("SHOW synchronous_commit").fetchone()[0] == "on"
    database.close()


def test_the_rooms_session_settings_come_after_the_options_the_store_url_gives():
    """The writer replaced a URL's own ``options`` (a search path, say) with its settings; since every connection
    carries the room's keepalives, readings would have lost it too. Both are kept now, the URL's first."""
    from console.store.postgresql import READER_SETTINGS, WRITER_SETTINGS, connection_parameters

    given = "postgresql://uitkijk@db.zone.local/room?options=-c%20search_path%3Duitkijk"
    writer = connection_parameters(given, WRITER_SETTINGS)
    assert writer["options"].startswith("-c search_path=uitkijk -c ")
    assert "-c idle_in_transaction_session_timeout=60s" in writer["options"]
    assert "-c synchronous_commit=on" in writer["options"]
    reader = connection_parameters(given, READER_SETTINGS)
    assert "-c search_path=uitkijk" in reader["options"]
    assert "-c idle_in_transaction_session_timeout=0" in reader["options"]  # whatever the database's default
    assert (reader["keepalives"], reader["tcp_user_timeout"]) == (1, 10_000)
    plain = connection_parameters("postgresql://uitkijk@db.zone.local/room", {})
    assert plain["options"].startswith("-c tcp_keepalives_idle=5")
