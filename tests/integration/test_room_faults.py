"""A room's faults against real parts: the PostgreSQL server stopped and started again, a desk killed."""

from __future__ import annotations

import select
import signal
import subprocess
import sys
import threading
import time

import pytest

from console.access.session import Session
from console.access.users import load_users
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.paths import REPO_ROOT, AppPaths
from console.store import open_store
from console.store.backend import long_write
from console.store.cluster import LocalCluster
from console.store.postgresql import PostgresDatabase
from console.ui.accountability import Accountability
from console.ui.desk import Console
from console.video.stream import StreamState
from tests.integration.conftest import LOADED_MS, PATROL
from tests.postgres import fresh_database

pytestmark = pytest.mark.integration
OUTAGE_S = 30.0


def test_the_server_stopped_for_30_s_video_goes_on_actions_are_refused_and_the_desk_goes_on(qtbot, city, tmp_path):
    cluster = LocalCluster(tmp_path / "postgresql")
    url = cluster.start()
    paths = AppPaths.resolve(tmp_path / "desk")
    database = open_store(paths.data_dir, url)
    log = AuditLog(database, paths.data_dir / KEY_FILE)
    writer = AuditWriter(log)
    accountability = Accountability(writer, Session(load_users(city.folder).users["an.peeters"], "ws-02"))
    accountability.open()
    with qtbot.waitSignal(accountability.reason_changed, timeout=5000):
        accountability.set_reason(PATROL)
    console = Console(city.config, paths, database, accountability=accountability)
    try:
        window = console.open("2x2")
        window.wall.show_step("2x2", ["cam-a", None, None, None])
        tile = window.wall.tiles[0]
        qtbot.waitUntil(lambda: tile.display().state == StreamState.LIVE and tile.painted_frames > 0, timeout=LOADED_MS)
        writer.flush()

        cluster.stop()  # the room's server goes away
        stopped = time.monotonic()
        failures: list[str] = []
        accountability.log_failed.connect(lambda why: failures.append(str(why)))
        window.wall.assign(1, "cam-b")  # a new view needs its entry first: refused, nothing shown
        qtbot.waitUntil(lambda: bool(failures), timeout=LOADED_MS)
        assert "the audit log cannot be written" in failures[-1]
        assert window.log_banner.isVisible()  # in sight whatever else the status line says (the dispatch feed)
        assert "the audit log cannot be written" in window.log_banner.toolTip()
        painted = tile.painted_frames
        while time.monotonic() - stopped < OUTAGE_S:  # live video goes on at the desk, the new view stays veiled
            qtbot.wait(1000)
            assert tile.display().state == StreamState.LIVE
            assert window.wall.tiles[1].painted_frames == 0
        assert tile.painted_frames > painted + 10 * OUTAGE_S

        with qtbot.waitSignal(accountability.log_recovered, timeout=LOADED_MS):
            cluster.start()
            returned = time.monotonic()
        assert time.monotonic() - returned <= 2.0 + 2.0  # the next heartbeat writes: within 2 s of the server's
        assert not window.log_banner.isVisible()
        window.wall.assign(1, None)
        window.wall.assign(1, "cam-b")  # the desk goes on
        qtbot.waitUntil(lambda: window.wall.tiles[1].painted_frames > 0, timeout=LOADED_MS)
        writer.flush()
        verdict = log.verify()
        assert verdict.is_intact, str(verdict)
        actions = [entry.action for entry in log.entries(camera="cam-b")]
        assert actions[-1] == "view start" and "view start" in actions  # logged before it showed
    finally:
        console.shutdown()
        for window in console.windows:
            window.close()
        accountability.close()
        assert writer.close()
        database.close()
        cluster.remove()


def test_a_desk_killed_is_said_on_the_board_within_10_s(qtbot, city, postgres_url, tmp_path):
    import json
    import os
    import subprocess
    import sys

    from console.paths import REPO_ROOT
    from console.services.supervision import Supervision
    from console.ui.board import FOLLOWED_REFRESH_MS
    from tests.postgres import fresh_database

    url = fresh_database(postgres_url)
    environment = {**os.environ, "UITKIJK_PASSWORD": "uitkijk-demo", "UITKIJK_WORKSTATION": "ws-07",
                   "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    environment.pop("UITKIJK_STORE", None)
    desk = subprocess.Popen([sys.executable, "main.py", "run", "--config", str(city.folder), "--data",
                             str(tmp_path / "desk"), "--store", url, "--user", "an.peeters", "--reason",
                             "virtual patrol: station"], cwd=REPO_ROOT, env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip

    def room() -> dict:
        shown = subprocess.run([sys.executable, "main.py", "room", "status", "--json", "--store", url, "--data",
                                str(tmp_path / "board")], cwd=REPO_ROOT, capture_output=True, text=True,
                               timeout=60, env=environment)  # fmt: skip
        assert shown.returncode == 0, shown.stderr
        return json.loads(shown.stdout)

    try:
        qtbot.waitUntil(lambda: any(row["workstation"] == "ws-07" and not row["is_stale"] and row["state"] == "active"
                                    for row in room()["sessions"]), timeout=60000)  # fmt: skip
        desk.kill()  # SIGKILL: no sign-out, no goodbye
        killed = time.monotonic()
        board = Supervision(open_store(tmp_path / "board", url))  # the board's own reading, every 0.2 s
        try:
            qtbot.waitUntil(lambda: board.presence().sessions[0].is_stale, timeout=15000)
        finally:
            board.database.close()
        assert time.monotonic() - killed <= 10.0 - FOLLOWED_REFRESH_MS / 1000  # the board looks every 2 s
        assert room()["sessions"][0]["is_stale"]  # and room status says so too
    finally:
        if desk.poll() is None:
            desk.kill()
        desk.wait(10)


HUNG_WRITER = """
import sys
from console.store import postgresql
from console.store.backend import StoreUnavailable

postgresql.WRITER_SETTINGS["idle_in_transaction_session_timeout"] = sys.argv[2]  # the room's 60 s made short
database = postgresql.PostgresDatabase(sys.argv[1])
try:
    with database.write() as transaction:
        transaction.execute("SELECT 1")
        print("writing", flush=True)
        sys.stdin.readline()  # stopped here by the test: a desk hung, or gone, in the middle of a write
        transaction.execute("SELECT 1")
    print("written", flush=True)
except StoreUnavailable as error:
    print(f"refused: {error}", flush=True)
with database.write() as transaction:
    transaction.execute("SELECT 1")
print("written again", flush=True)
database.close()
"""


def test_a_desk_hung_in_the_middle_of_a_write_holds_the_rooms_writes_no_longer_than_the_idle_timeout(postgres_url):
    """Each write takes the room's one write lock. A desk's PC that hung (or lost its power) in the middle of one
    held it until the server's TCP gave up on that PC (hours): no desk of the room could log a view or an action.
    The server ends a session idle in a transaction after a timeout now (60 s; 10 s here); the desk, back, is
    refused that write (said, no traceback) and writes again."""
    url = fresh_database(postgres_url)
    database = PostgresDatabase(url)
    with database.write() as transaction:  # the room's writer carries the limit (and every session the keepalives)
        assert transaction.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == "1min"
    with database.write() as transaction:  # but not a long one (the whole log walked, a day's files deleted)
        long_write(transaction)
        assert transaction.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == "0"
    with database.write() as transaction:  # for that transaction only
        assert transaction.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == "1min"
    with database.read() as transaction:  # a reading holds no write lock: the log's verification walks for long
        assert transaction.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == "0"
    idle_in_transaction_s = 10  # the room's 60 s, shorter: still past a loaded machine's pause before the look
    hung = subprocess.Popen([sys.executable, "-c", HUNG_WRITER, url, f"{idle_in_transaction_s}s"],
                            cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip
    try:
        assert hung.stdout is not None
        assert select.select([hung.stdout], [], [], LOADED_MS / 1000)[0], "the writer never began its write"
        assert hung.stdout.readline() == "writing\n"
        hung.send_signal(signal.SIGSTOP)
        written = threading.Event()

        def write() -> None:
            with database.write() as transaction:
                transaction.execute("SELECT 1")
            written.set()

        with database.read() as transaction:  # the hung writer holds the room's write lock, idle in its transaction
            assert transaction.execute("SELECT count(*) FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE"
                                       " locktype = 'advisory' AND granted AND state = 'idle in transaction'"
                                       ).fetchone()[0] == 1  # fmt: skip
        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        assert written.wait(idle_in_transaction_s + LOADED_MS / 1000), "the room's writes wait for the hung desk"
        hung.send_signal(signal.SIGCONT)
        out, err = hung.communicate("go\n", timeout=LOADED_MS / 1000)
        assert hung.returncode == 0, err
        assert out.splitlines()[0].startswith("refused: the store") and out.splitlines()[1:] == ["written again"], out
        assert "Traceback" not in err
    finally:
        hung.kill()
        hung.wait(10)
        database.close()
