"""Kill the console's log writer (SIGKILL) in the middle of a burst, many times: nothing that happened goes unlogged."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys

import pytest

from console.audit.log import AuditLog
from console.paths import REPO_ROOT
from console.store import open_store_file

pytestmark = pytest.mark.integration


def actions_done(path) -> list[tuple[int, int]]:
    if not path.exists():
        return []
    lines = path.read_text().splitlines()
    complete = [line for line in lines if line.count(" ") == 1 and line[-1:].isdigit()]
    return [tuple(map(int, line.split())) for line in complete]


def test_every_action_that_took_effect_has_its_entry_after_sigkill(tmp_path, qtbot):
    chooser = random.Random(20261122)
    next_number = 0
    for _round in range(12):
        before = len(actions_done(tmp_path / "actions.txt"))
        command = [sys.executable, "-m", "tests.integration.audit_burst", str(tmp_path), str(next_number)]
        child = subprocess.Popen(command, cwd=REPO_ROOT)
        target = before + chooser.randint(20, 400)
        qtbot.waitUntil(lambda t=target: len(actions_done(tmp_path / "actions.txt")) >= t, timeout=20000)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        done = actions_done(tmp_path / "actions.txt")
        next_number = max(number for number, _ in done) + 1000
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / "audit.key")
    try:
        verdict = log.verify()
        assert verdict.is_intact, str(verdict)
        logged = {entry.seq: json.loads(entry.detail)["action"] for entry in log.entries()}
    finally:
        log.database.close()
    done = actions_done(tmp_path / "actions.txt")
    assert len(done) >= 12 * 20
    missing = [(number, seq) for number, seq in done if logged.get(seq) != number]
    assert not missing, f"actions carried out without their entry: {missing[:5]}"
