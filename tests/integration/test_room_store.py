"""The command line on a room's PostgreSQL store (a real cluster started by the test fixture)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from console.paths import REPO_ROOT
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
    assert len(refused.stderr.strip().splitlines()) <= 2
