"""The audit log from the command line, as the issue reproduced it: a cut that must not heal (a real SQLite file)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from console.paths import REPO_ROOT
from console.store import FILE_NAME

pytestmark = pytest.mark.integration


def main(*arguments: str, data) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "UITKIJK_STORE"}
    return subprocess.run([sys.executable, "main.py", *arguments, "--data", str(data)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120, env=environment)  # fmt: skip


def call(number: int, data) -> subprocess.CompletedProcess:
    return main("intake", "call", "--type", "fight", "--address", f"Grote Markt {number}", "--description", "x",
                data=data)  # fmt: skip


def test_a_cut_log_stays_found_however_many_intakes_follow_until_it_is_resumed(tmp_path):
    """Before: three intakes after the cut wrote entries 4, 5, 6 again and verify said "6 entries, chain intact"."""
    for number in range(5):
        assert call(number, tmp_path).returncode == 0
    connection = sqlite3.connect(tmp_path / FILE_NAME)  # the database alone: no key, head or witness touched
    with connection:
        connection.execute("DELETE FROM audit_log WHERE seq >= 4")
    connection.close()
    for number in range(5, 8):
        refused = call(number, tmp_path)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "the log ends at entry 3, this desk wrote or saw entry 5" in refused.stderr, refused.stderr
    verified = main("audit", "verify", data=tmp_path)
    assert verified.returncode == 1 and "entry 4: removed" in verified.stderr, verified.stderr
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    assert connection.execute("SELECT COUNT(*) FROM audit_log").fetchone() == (3,)
    assert connection.execute("SELECT COUNT(*) FROM incidents").fetchone() == (5,)  # nothing stored unlogged
    connection.close()
    bad_note = main("audit", "resume", "--note", "ok\u202e", data=tmp_path)
    assert bad_note.returncode == 1 and "U+202E" in bad_note.stderr
    resumed = main("audit", "resume", "--note", "PV 2026/1234 filed with the data-protection officer", data=tmp_path)
    assert resumed.returncode == 0 and "recorded at entry 4" in resumed.stdout, resumed.stderr
    assert call(9, tmp_path).returncode == 0
    verified = main("audit", "verify", data=tmp_path)
    assert verified.returncode == 0 and "5 entries, chain intact; cut recorded at entry 4" in verified.stdout
    assert "PV 2026/1234" in verified.stdout


@pytest.mark.parametrize("damage", ["a folder", "not utf-8", "forged line"])
def test_audit_verify_says_what_is_wrong_with_the_witness_in_one_line(tmp_path, damage):
    assert call(1, tmp_path).returncode == 0
    witness = tmp_path / "audit.key.witness"
    text = witness.read_text()
    witness.unlink()
    if damage == "a folder":
        witness.mkdir()
    elif damage == "not utf-8":
        witness.write_bytes(text.encode() + b"\xff\n")
    else:
        witness.write_text(text + f"2026-12-04T00:00:00Z 9 {'a' * 64} {'b' * 64}\n")
    witness.chmod(0o700 if damage == "a folder" else 0o600)  # as the console keeps its files: no warning
    verified = main("audit", "verify", data=tmp_path)
    assert verified.returncode == 1 and "Traceback" not in verified.stderr
    assert len(verified.stderr.strip().splitlines()) == 1 and "witness" in verified.stderr, verified.stderr


def test_user_add_on_a_cut_log_changes_nothing_and_says_why(tmp_path):
    """An administrator's change is logged first; when the log refuses it, users.yaml stays as it was."""
    import shutil

    config = tmp_path / "config"
    shutil.copytree(REPO_ROOT / "camera_config", config)
    data = tmp_path / "data"
    for number in range(3):
        assert call(number, data).returncode == 0
    connection = sqlite3.connect(data / FILE_NAME)
    with connection:
        connection.execute("DELETE FROM audit_log WHERE seq = 3")
    connection.close()
    before = (config / "users.yaml").read_bytes()
    added = subprocess.run([sys.executable, "main.py", "user", "add", "els.claes", "--role", "operator", "--full-name",
                            "Els Claes", "--config", str(config), "--data", str(data)], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=120,
                           env={**os.environ, "UITKIJK_NEW_PASSWORD": "Een-lang-wachtwoord-1"})  # fmt: skip
    assert added.returncode == 1 and "Traceback" not in added.stderr, added.stderr
    assert "the log ends at entry 2" in added.stderr and (config / "users.yaml").read_bytes() == before
