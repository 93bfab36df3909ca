"""A timeline written to a real store and read back is worded in the reader's language; rows of before the facts
still show; the exports keep their English keys. On the desk's SQLite file and on a room's PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from console.audit.log import KEY_FILE, AuditLog
from console.config.loader import load_camera_config
from console.dispatch import service
from console.dispatch.config import load_units, load_watchlists
from console.dispatch.model import IncidentState, Source, UnitState
from console.paths import DEFAULT_CONFIG_DIR
from console.services.dispatch_reads import DispatchReader
from console.services.supervision import Supervision
from console.store import FILE_NAME, TABLE_GROUPS, open_store
from console.store.backend import TableGroup
from console.store.sqlite import SqliteDatabase
from console.ui.dispatch.models import timeline_line
from console.ui.language import install_language
from tests.integration.test_languages import english_left

WHO = {"user": "an.peeters", "role": "operator", "workstation": "ws-02"}
TODAY = dt.date(2026, 11, 28)
OLD_INCIDENT = "2026-0001"
OLD_ROWS = (  # (kind, text) as the console wrote them before the facts
    ("created", "from phone: fight, priority 1"),
    ("dispatch", "Leie 11 dispatched"),
    ("state", "new \u2192 dispatched"),
    ("unit", "Leie 11 en route"),
    ("note", "two men, one with a red jacket"),
    ("state", "handed over to the federal police"),  # says no fact this console knows: shown as stored
)
NAMES = {"Leie 11", "Leie 12", "Leie 31", "an.peeters", "intake", "station-01", "anpr-01", "anpr-03", "1KTR482",
         "two men, one with a red jacket", "handed over to the federal police", "Grote Markt"}  # fmt: skip


def version_one_store(tmp_path, store_url):
    """A store as the console left it before the facts: the dispatch tables at their version 1, with rows."""
    if store_url is None:
        database = SqliteDatabase(tmp_path / FILE_NAME)
    else:
        from console.store.postgresql import PostgresDatabase

        database = PostgresDatabase(store_url)
    database.migrate([TableGroup("dispatch", group.migrations[:1]) if group.name == "dispatch" else group
                      for group in TABLE_GROUPS])  # fmt: skip
    with database.write() as transaction:
        transaction.execute("UPDATE dispatch_meta SET revision = 1 WHERE id = 1")
        transaction.execute(
            "INSERT INTO incidents (id, year, number, source, type, priority, state, created_utc, created_by,"
            " updated_utc, address, revision) VALUES (?, 2026, 1, 'phone', 'fight', 1, 'dispatched', ?, 'intake', ?,"
            " 'Grote Markt 1', 1)",
            (OLD_INCIDENT, "2026-11-28T21:00:00.000000Z", "2026-11-28T21:02:00.000000Z"),
        )
        for kind, text in OLD_ROWS:
            transaction.execute(
                'INSERT INTO incident_events (incident, utc, "user", kind, text) VALUES (?, ?, ?, ?, ?)',
                (OLD_INCIDENT, "2026-11-28T21:01:00.000000Z", "intake", kind, text),
            )
        transaction.execute(
            "INSERT INTO units (call_sign, kind, home_area, state, incident, since_utc, revision)"
            " VALUES ('Leie 11', 'car', 'station', 'en route', ?, ?, 1)",
            (OLD_INCIDENT, "2026-11-28T21:01:00.000000Z"),
        )
    database.close()


@pytest.fixture
def store(tmp_path, store_url, qapp):
    """The old store, opened (and so migrated) by this console, with new changes made on it."""
    version_one_store(tmp_path, store_url)
    log = AuditLog(open_store(tmp_path, store_url), tmp_path / KEY_FILE)
    config = load_camera_config(DEFAULT_CONFIG_DIR)
    log.commit(service.ensure_units(load_units(config), "admin").record(WHO))
    yield log
    install_language("en")
    log.database.close()


def apply(log: AuditLog, change: service.Change) -> dict:
    return json.loads(log.commit(change.record(WHO)).detail)


def test_a_timeline_written_and_read_back_is_worded_in_the_readers_language_and_old_rows_still_show(store, tmp_path):
    log = store
    apply(log, service.set_unit_state("Leie 11", UnitState.ON_SCENE, "an.peeters"))  # on the old incident
    apply(log, service.add_note(OLD_INCIDENT, "caught at the corner", "an.peeters"))
    number = apply(log, service.create_incident(service.Draft(Source.PHONE, "bike theft", 2, "Stationsplein"),
                                                "an.peeters"))["incident"]  # fmt: skip
    apply(log, service.update_incident(number, {"priority": 1, "type": "burglary"}, "an.peeters"))
    apply(log, service.link_camera(number, "station-01", "an.peeters"))
    apply(log, service.dispatch_unit(number, "Leie 12", "an.peeters"))
    apply(log, service.finish_incident(number, IncidentState.CANCELLED, "an.peeters", "nobody there"))
    lists = load_watchlists(DEFAULT_CONFIG_DIR)
    read = service.Read("anpr-01", "1-KTR-482", "B", 0.91, "inbound")
    hit = apply(log, service.record_read(read, lists, TODAY, "sim")[0])["hit"]
    apply(log, service.record_hit_outcome(hit, "confirmed", "an.peeters"))
    board = DispatchReader(log.database).board()
    draft = service.hit_draft(next(h for h in board.hits if h.id == hit), "station", "Stationsplein", 50.82, 3.26)
    anpr = apply(log, service.create_incident(draft, "an.peeters"))["incident"]
    again = service.Read("anpr-03", "1KTR482", "B", 0.88, "unknown")
    assert apply(log, service.record_read(again, lists, TODAY, "sim")[0])["joined_incident"] == anpr
    board = DispatchReader(log.database).board()
    old, new, wanted = board.incident(OLD_INCIDENT), board.incident(number), board.incident(anpr)

    assert install_language("nl")
    old_lines = [timeline_line(event).split("  ", 2)[2] for event in old.timeline]
    assert old_lines == ["via telefoon: vechtpartij, prioriteit 1", "Leie 11 gestuurd", "nieuw \u2192 gestuurd",
                         "Leie 11 onderweg", "two men, one with a red jacket", "handed over to the federal police",
                         "Leie 11 ter plaatse", "gestuurd \u2192 ter plaatse (Leie 11 aangekomen)",
                         "caught at the corner"]  # fmt: skip
    new_lines = [timeline_line(event).split("  ", 2)[2] for event in new.timeline]
    assert new_lines == ["via telefoon: fietsdiefstal, prioriteit 2", "prioriteit: 2 \u2192 1",
                         "aard: fietsdiefstal \u2192 inbraak", "camera station-01 gekoppeld", "Leie 12 gestuurd",
                         "nieuw \u2192 gestuurd", "gestuurd \u2192 geannuleerd (nobody there)",
                         "Leie 12 vrijgegeven (beschikbaar)"]  # fmt: skip
    wanted_lines = [timeline_line(event).split("  ", 2)[2] for event in wanted.timeline]
    assert wanted_lines == ["via ANPR: geseind voertuig, prioriteit 2",
                            "1KTR482 opnieuw gelezen door anpr-03 (richting onbekend, 88%)"]  # fmt: skip
    shown = [(incident.id, timeline_line(event)) for incident in (new, wanted) for event in incident.timeline]
    assert not english_left(shown, NAMES | {"nobody there"}, "nl")

    assert install_language("fr")
    assert [timeline_line(event).split("  ", 2)[2] for event in old.timeline][6:8] == [
        "Leie 11 sur place", "envoyé \u2192 sur place (Leie 11 arrivée)"]  # fmt: skip

    # the exports keep their stable English keys, and say the lines in English
    exported = service.incident_json(new)
    assert set(exported) == {"id", "state", "source", "type", "priority", "created_utc", "created_by", "updated_utc",
                             "address", "area", "lat", "lon", "description", "caller", "cameras", "snapshots", "units",
                             "outcome", "report_number", "merged_into", "first_dispatched_utc", "anpr_hit",
                             "timeline"}  # fmt: skip
    assert (exported["type"], exported["state"]) == ("burglary", "cancelled")
    assert [line["text"] for line in exported["timeline"]][:2] == ["from phone: bike theft, priority 2",
                                                                   "priority: 2 \u2192 1"]  # fmt: skip
    assert exported["timeline"][4] == {"utc": exported["timeline"][4]["utc"], "user": "an.peeters", "kind": "dispatch",
                                       "text": "Leie 12 dispatched", "facts": {"unit": "Leie 12"}}  # fmt: skip
    assert service.incident_json(old)["timeline"][6]["text"] == "Leie 11 on scene"
    path = tmp_path / "audit.csv"
    Supervision.export_csv(list(log.entries()), path)
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"unit state", "incident created", "unit dispatched", "ANPR hit"} <= {row["action"] for row in rows}
