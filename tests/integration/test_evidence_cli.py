"""``lock``, ``unlock`` and ``sweep`` on the command line: one line per refusal (exit 1), nothing stored then."""

from __future__ import annotations

import datetime as dt

import pytest

from console.audit.log import AuditLog
from console.store import archive, open_store


@pytest.fixture
def run(run_main):
    return run_main


def _locks_and_entries(tmp_path, store_url) -> tuple[list, list]:
    database = open_store(tmp_path / "data", store_url)
    try:
        with database.read() as transaction:
            locks = archive.locks(transaction, held_only=False)
        return locks, [(entry.user, entry.action) for entry in AuditLog(database, tmp_path / "data" / "audit.key")
                       .entries()]  # fmt: skip
    finally:
        database.close()


def test_lock_and_unlock_from_the_command_line_with_one_line_per_refusal(run, tmp_path, store_url):
    hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    start, end = (
        hour_ago.strftime("%Y-%m-%dT%H:%M:%SZ"),
        (hour_ago + dt.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    lock = ["lock", "--reason", "bike theft at the station", "--user", "an.peeters"]
    refusals = [
        (["--camera", "station-99", "--from", start, "--to", end, "--file", "PV 1/2026"],
         "there is no camera or imported device 'station-99' (did you mean 'station-0"),
        (["--camera", "station-01", "--from", "5 dec 10:00", "--to", end, "--file", "PV 1/2026"],
         "--from: '5 dec 10:00' is not a time; write it as ISO 8601 in UTC, e.g. 2026-12-05T10:00:00Z"),
        (["--camera", "station-01", "--from", end, "--to", start, "--file", "PV 1/2026"], "before it starts"),
        (["--camera", "station-01", "--from", start, "--to", future, "--file", "PV 1/2026"], "ends in the future"),
        (["--camera", "station-01", "--from", start, "--to", end, "--incident", "2026-0099"],
         "there is no incident 2026-0099"),
    ]  # fmt: skip
    for arguments, message in refusals:
        code, out, err = run(*lock, *arguments)
        assert code == 1 and out == "" and len(err.splitlines()) == 1 and message in err, (arguments, err)
    assert _locks_and_entries(tmp_path, store_url) == ([], [])

    code, out, err = run(*lock, "--camera", "station-01", "station-02", "--from", start, "--to", end, "--file",
                         "PV GE.12.L1.004321/2026")  # fmt: skip
    assert code == 0 and out.startswith("evidence lock 1 placed on station-01, station-02 from "), err
    assert err.strip() == ("note: nothing is recorded of station-01, station-02 in that span (their ANPR hits and "
                           "evidence stills are kept all the same)")  # fmt: skip
    code, _, err = run("unlock", "1", "--reason", "done", "--user", "an.peeters")
    assert code == 1 and err.strip() == ("only the team chief or the data-protection officer releases an evidence "
                                         "lock (you are signed in as operator)")  # fmt: skip
    code, _, err = run("unlock", "1", "--reason", "done", "--user", "tom.claes")
    assert code == 0, err
    code, _, err = run("unlock", "1", "--reason", "done", "--user", "tom.claes")
    assert code == 1 and "evidence lock 1 was released already" in err
    locks, entries = _locks_and_entries(tmp_path, store_url)
    assert [(each.id, each.released_by) for each in locks] == [(1, "tom.claes")]
    assert entries == [("an.peeters", "evidence lock placed"), ("tom.claes", "evidence lock released")]


def test_a_wrong_password_is_refused_and_logged_and_sweep_says_what_it_did(run, tmp_path, store_url, monkeypatch):
    monkeypatch.setenv("UITKIJK_PASSWORD", "not-the-password")
    code, _, err = run("unlock", "1", "--reason", "done", "--user", "tom.claes")
    assert code == 1 and err.strip() == "wrong user name or password"
    assert _locks_and_entries(tmp_path, store_url)[1] == [("tom.claes", "login refused")]
    code, out, _ = run("sweep")
    assert code == 0 and out.strip() == "nothing is past its retention"
