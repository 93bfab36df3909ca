from __future__ import annotations

import re
import sqlite3
import subprocess
import sys

import pytest

from console.access.permissions import NEEDS_REASON, PERMISSIONS, Action, NotPermitted, Role, is_allowed, require
from console.audit.log import AuditLog
from console.config.secrets import register_secret
from console.paths import REPO_ROOT
from console.store import open_store_file

VIDEO = {Action.VIEW_LIVE, Action.RUN_TOUR, Action.CONTROL_PTZ, Action.TAKE_SNAPSHOT, Action.TAKE_OVER_PTZ}
EXPECTED = {  # every role x action, written out: a change to the table must change this test
    Role.OPERATOR: {Action.VIEW_LIVE, Action.RUN_TOUR, Action.CONTROL_PTZ, Action.TAKE_SNAPSHOT, Action.EDIT_TOURS,
                    Action.MANAGE_INCIDENTS, Action.DISPATCH_UNITS, Action.PLAY_RECORDINGS, Action.EXPORT_RECORDINGS,
                    Action.LOCK_EVIDENCE, Action.HANDLE_ALARMS},
    Role.TEAM_CHIEF: {Action.VIEW_LIVE, Action.RUN_TOUR, Action.CONTROL_PTZ, Action.TAKE_SNAPSHOT, Action.EDIT_TOURS,
                      Action.MANAGE_INCIDENTS, Action.DISPATCH_UNITS, Action.TAKE_OVER_PTZ, Action.SUPERVISE,
                      Action.READ_AUDIT_LOG, Action.PLAY_RECORDINGS, Action.EXPORT_RECORDINGS, Action.LOCK_EVIDENCE,
                      Action.RELEASE_EVIDENCE, Action.HANDLE_ALARMS},
    Role.CALL_TAKER: {Action.MANAGE_INCIDENTS},
    Role.DATA_PROTECTION_OFFICER: {Action.READ_AUDIT_LOG, Action.EXPORT_AUDIT_LOG, Action.RELEASE_EVIDENCE},
    Role.ADMINISTRATOR: {Action.CONFIGURE, Action.EDIT_TOURS},
    Role.INVESTIGATOR: {Action.PLAY_RECORDINGS, Action.EXPORT_RECORDINGS, Action.LOCK_EVIDENCE, Action.IMPORT_FOOTAGE},
}  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_permission_table(role, action):
    assert is_allowed(role, action) == (action in EXPECTED[role])
    if action in EXPECTED[role]:
        require(role, action)
    else:
        with pytest.raises(NotPermitted, match=re.escape(f"the {role.value} role may not {action.value}")):
            require(role, action)


def test_only_video_roles_watch_video_and_video_needs_a_reason():
    for role in (Role.CALL_TAKER, Role.DATA_PROTECTION_OFFICER, Role.ADMINISTRATOR, Role.INVESTIGATOR):
        assert not PERMISSIONS[role] & VIDEO
    assert NEEDS_REASON == VIDEO | {Action.PLAY_RECORDINGS, Action.EXPORT_RECORDINGS}


REASON = {"kind": "administrative police", "category": "virtual patrol", "reference": "PV-2026-1234"}


def filled_log(tmp_path, count=6):
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    for number in range(count):
        log.append("an", "operator", "WS-01", "view start", f"cam-{number}", {"tile": number}, REASON)
    return log


def test_an_intact_chain_verifies_and_entries_carry_the_reason(tmp_path):
    log = filled_log(tmp_path)
    assert str(log.verify()) == "6 entries, chain intact"
    entry = next(log.entries(camera="cam-2"))
    assert entry.user == "an" and "PV-2026-1234" in entry.reason and entry.seq == 3
    log.database.close()


@pytest.mark.parametrize(
    ("tamper", "first_broken", "words"),
    [
        ("UPDATE audit_log SET camera = 'cam-9' WHERE seq = 3", 3, "changed"),
        ("UPDATE audit_log SET reason = NULL WHERE seq = 5", 5, "changed"),
        ("DELETE FROM audit_log WHERE seq = 4", 4, "removed"),
        ("DELETE FROM audit_log WHERE seq = 6", 6, "removed"),
        ("DELETE FROM audit_log", 1, "removed"),
    ],
)
def test_changing_or_removing_any_entry_is_found_at_that_entry(tmp_path, tamper, first_broken, words):
    filled_log(tmp_path).database.close()
    with sqlite3.connect(tmp_path / "store.sqlite3") as raw:
        raw.execute(tamper)
    verdict = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key").verify()
    assert not verdict.is_intact and verdict.first_broken == first_broken and words in verdict.problem


def test_reordering_entries_is_found(tmp_path):
    filled_log(tmp_path).database.close()
    with sqlite3.connect(tmp_path / "store.sqlite3") as raw:
        rows = {seq: row for seq, *row in raw.execute("SELECT * FROM audit_log")}
        columns = [c[1] for c in raw.execute("PRAGMA table_info(audit_log)")][1:]
        for seq, source in ((2, 4), (4, 2)):  # swap the contents of entries 2 and 4, numbers kept
            assignments = ", ".join(f"{column} = ?" for column in columns)
            raw.execute(f"UPDATE audit_log SET {assignments} WHERE seq = ?", (*rows[source], seq))
    verdict = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key").verify()
    assert verdict.first_broken == 2 and "reordered" in verdict.problem


def test_no_credential_reaches_an_entry(tmp_path):
    register_secret("Kluis-Geheim-77")
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    log.append("an", "operator", "WS-01", "config change", None,
               {"url": "rtsp://admin:Kluis-Geheim-77@10.0.0.9/stream", "note": "password Kluis-Geheim-77"})  # fmt: skip
    log.database.close()
    dump = "\n".join(sqlite3.connect(tmp_path / "store.sqlite3").iterdump())
    assert "Kluis-Geheim-77" not in dump and "admin:" not in dump
    assert "Kluis" not in (tmp_path / "audit.key").read_text()


def test_audit_commands_verify_and_export(tmp_path):
    filled_log(tmp_path).database.close()
    database = tmp_path / "store.sqlite3"
    command = [sys.executable, "main.py", "audit"]
    good = subprocess.run([*command, "verify", "--db", str(database), "--key", str(tmp_path / "audit.key")],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert good.returncode == 0 and good.stdout.strip() == "6 entries, chain intact"
    today = __import__("datetime").datetime.now(__import__("datetime").timezone.utc).date().isoformat()
    exported = subprocess.run(
        [*command, "export", "--db", str(database), "--key", str(tmp_path / "audit.key"), "--from", today,
         "--to", today, "--camera", "cam-1", "--csv", str(tmp_path / "out.csv")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    lines = (tmp_path / "out.csv").read_text().splitlines()
    assert len(lines) == 2 and ",cam-1," in lines[1]
    with sqlite3.connect(database) as raw:
        raw.execute("UPDATE audit_log SET user = 'bart' WHERE seq = 2")
    bad = subprocess.run([*command, "verify", "--db", str(database), "--key", str(tmp_path / "audit.key")],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert bad.returncode == 1 and bad.stderr.strip() == "entry 2: changed after it was written"


def test_a_user_may_have_a_language_and_a_wrong_one_names_its_line(tmp_path):
    from console.access.users import load_users
    from console.config.errors import ConfigError
    from console.paths import DEFAULT_CONFIG_DIR

    source = (DEFAULT_CONFIG_DIR / "users.yaml").read_text(encoding="utf-8")
    assert load_users(DEFAULT_CONFIG_DIR).users["tom.claes"].language == "nl"
    assert load_users(DEFAULT_CONFIG_DIR).users["demo"].language is None  # --lang, else Dutch
    (tmp_path / "users.yaml").write_text(source.replace("language: nl", "language: de"), encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_users(tmp_path)
    line = next(number for number, text in enumerate(source.splitlines(), start=1) if "language: nl" in text)
    assert [(issue.line, issue.key_path) for issue in error.value.issues] == [(line, "users[2].language")]
