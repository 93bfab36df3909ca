"""The room at its size: what a relay, its desks, the chief's board, the recorders and the store cost, per part.

A room on this machine, every part a real one: PostgreSQL (Debian's server, one database per point), the
simulated cameras (every camera the same two pre-made clips, main 720p and sub 360p, looped by ``ffmpeg -c copy``:
no camera is encoded while measuring), the relay (``RelayService``), the recorders (``main.py record``, every
camera's main stream through the relay), headless desks (``main.py run`` on Qt's offscreen platform, signed in as
an operator with a reason, its wall of sub streams through the relay: the real readers decoding, views logged by
the real audit writer, presence and notices in the store) and the team chief's board (the board following the
room's notices, in a process of its own, where desk A's view reaches the chief's screen model: the notice latency).

Each point of a curve starts the room, waits until every stream flows to every puller, then reads ``/proc`` over a
window: per part CPU (% of a core, in all and per stream), memory (RSS, PSS), sockets, store connections
(``pg_stat_activity``, each part connects under its own ``application_name``), TCP bytes in and out (``ss``), and
the store's rows and WAL written per second. Curves: cameras (recorded, no desk) and desks (fewer tiles each). A
fitted fixed cost + cost per stream says what one relay PC carries. Prints a table and JSON, writes
bench/results/room_scale.json and room_scale.png; exits non-zero when a figure could not be measured.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.room_scale [--cameras 10,20,40] [--desks 1,3,5]
        [--tiles 4] [--desk-cameras 20] [--seconds 10] [--rounds 10] [--runs 1] [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import math
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.cameras import CLIP_DIR
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT

CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK")
DESK_PASSWORD = "uitkijk-demo"  # the demo users' password (README)
DESK_REASON = "virtual patrol: room scale benchmark"
RELAY_PASSWORD_VARIABLE = "UITKIJK_RELAY_PASSWORD"
LAYOUT_OF_TILES = {1: "1x1", 4: "2x2", 9: "3x3", 16: "4x4"}
READY_TIMEOUT_S = 120.0
RESULTS = REPO_ROOT / "bench" / "results"
ROOM_CAMERAS = 200  # the zone: 137 public + 63 ANPR cameras
ROOM_DESKS, ROOM_TILES = 5, 16


# -- /proc and ss: what each process uses ----------------------------------------------------------------
def parse_stat(text: str) -> tuple[int, float]:
    """``/proc/PID/stat``: (parent pid, CPU seconds used, user + system). The name may hold spaces and ')'."""
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / CLOCK_TICKS_PER_S


def parse_smaps_rollup(text: str) -> tuple[int, int]:
    """``/proc/PID/smaps_rollup``: (RSS, PSS) in kB."""
    values = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            values[name] = int(rest.split()[0])
    return values["Rss"], values["Pss"]


SS_SOCKET = re.compile(r"^\S+\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+users:\(\((.*)\)\)")
SS_PID = re.compile(r"pid=(\d+)")
SS_BYTES = re.compile(r"\bbytes_(received|acked):(\d+)")


def parse_ss(text: str) -> dict[tuple[str, str], tuple[int, int, int]]:
    """``ss -tinpH``: each TCP socket (local, peer) -> (pid, bytes received, bytes sent and acknowledged)."""
    sockets: dict[tuple[str, str], tuple[int, int, int]] = {}
    current: tuple[tuple[str, str], int] | None = None
    for line in text.splitlines():
        found = SS_SOCKET.match(line)
        if found:
            pid = SS_PID.search(found.group(3))
            current = ((found.group(1), found.group(2)), int(pid.group(1))) if pid else None
            continue
        if current is not None and line[:1].isspace():
            counts = dict(SS_BYTES.findall(line))
            sockets[current[0]] = (current[1], int(counts.get("received", 0)), int(counts.get("acked", 0)))
            current = None
    return sockets


def read_text(path: str) -> str | None:
    try:
        return Path(path).read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None


def processes() -> dict[int, tuple[int, float]]:
    """Every process now: pid -> (parent pid, CPU seconds)."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (text := read_text(f"/proc/{entry}/stat")) is not None:
            found[int(entry)] = parse_stat(text)
    return found


def parse_schedstat(text: str) -> float:
    """``/proc/PID/task/TID/schedstat``: the seconds the thread waited on a run queue for a core."""
    return int(text.split()[1]) / 1e9


def run_queue_wait_s(pid: int) -> float:
    """The seconds a process's threads (those alive now) waited for a core: a part starved of CPU shows here."""
    waited = 0.0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return 0.0
    for task in tasks:
        if (text := read_text(f"/proc/{pid}/task/{task}/schedstat")) is not None:
            waited += parse_schedstat(text)
    return waited


def tree(roots: Iterable[int], table: dict[int, tuple[int, float]]) -> set[int]:
    """The roots and everything they started (children, grandchildren) that still runs."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    found: set[int] = set()
    todo = [root for root in roots if root in table]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo.extend(children.get(pid, ()))
    return found


def socket_count(pid: int) -> int:
    try:
        return sum(
            1 for fd in os.listdir(f"/proc/{pid}/fd") if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
        )
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return 0


@dataclass
class Snapshot:
    at_s: float
    table: dict[int, tuple[int, float]]
    tcp: dict[tuple[str, str], tuple[int, int, int]]
    waits: dict[int, float] = field(default_factory=dict)  # pid -> seconds its threads waited for a core

    @classmethod
    def take(cls, roots: Iterable[int] = ()) -> Snapshot:
        """Every process's CPU, every TCP socket's bytes; the run-queue waits of ``roots`` and their children."""
        tcp = parse_ss(subprocess.run(["ss", "-tinpH"], capture_output=True, text=True, check=True).stdout)
        table = processes()
        return cls(time.monotonic(), table, tcp, {pid: run_queue_wait_s(pid) for pid in tree(roots, table)})


@dataclass
class Part:
    """A part of the room: its processes (and what they start), how many streams it handles, its store name."""

    name: str
    roots: list[int]
    streams: int
    store_name: str | None = None  # its connections' application_name


def part_figures(part: Part, first: Snapshot, last: Snapshot, store: dict[str, dict]) -> dict:
    """One part over the window between two snapshots."""
    seconds = last.at_s - first.at_s
    pids = tree(part.roots, last.table)
    if not pids:
        raise RuntimeError(f"{part.name}: none of its processes runs")
    cpu_s = sum(last.table[pid][1] - (first.table[pid][1] if pid in first.table else 0.0) for pid in pids)
    rss_kb = pss_kb = 0
    for pid in pids:
        if (text := read_text(f"/proc/{pid}/smaps_rollup")) is not None:
            rss, pss = parse_smaps_rollup(text)
            rss_kb, pss_kb = rss_kb + rss, pss_kb + pss
    received = sent = 0
    for key, (pid, now_in, now_out) in last.tcp.items():
        if pid in pids:
            _, was_in, was_out = first.tcp.get(key, (pid, 0, 0))
            received, sent = received + now_in - was_in, sent + now_out - was_out
    cpu_percent = cpu_s / seconds * 100
    waited_s = sum(last.waits.get(pid, 0.0) - first.waits.get(pid, 0.0) for pid in pids if pid in last.waits)
    figures = {"waited_for_a_core_ms_per_s": waited_s / seconds * 1000,
               "processes": len(pids), "streams": part.streams, "cpu_percent": cpu_percent,
               "cpu_percent_per_stream": cpu_percent / part.streams if part.streams else None,
               "rss_mb": rss_kb / 1024, "pss_mb": pss_kb / 1024, "sockets": sum(socket_count(pid) for pid in pids),
               "tcp_in_kbytes_per_s": received / seconds / 1000,
               "tcp_out_kbytes_per_s": sent / seconds / 1000}  # fmt: skip
    if part.store_name is not None:
        used = store.get(part.store_name, {"connections": 0, "cpu_percent": 0.0})
        figures["store_connections"] = used["connections"]
        figures["store_backends_cpu_percent"] = used["cpu_percent"]
    return figures


# -- the store: connections per part, rows and WAL written ------------------------------------------------
class StoreWatch:
    """Reads PostgreSQL's own counters over a connection of its own (``application_name`` bench)."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.connection = psycopg.connect(url, autocommit=True)

    def counters(self) -> dict:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")
            rows = {name: int(count) for name, count in cursor.fetchall()}
            cursor.execute("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
            commits = int(cursor.fetchone()[0])  # type: ignore[index]
            cursor.execute("SELECT wal_records, wal_bytes FROM pg_stat_wal")
            wal_records, wal_bytes = cursor.fetchone()  # type: ignore[misc]
        return {"rows": rows, "commits": commits, "wal_records": int(wal_records), "wal_bytes": int(wal_bytes)}

    def backends(self) -> dict[str, list[int]]:
        """application_name -> the pids of its backends (this database)."""
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT application_name, pid FROM pg_stat_activity WHERE datname = current_database() "
                           "AND pid <> pg_backend_pid()")  # fmt: skip
            found: dict[str, list[int]] = {}
            for name, pid in cursor.fetchall():
                found.setdefault(name or "?", []).append(int(pid))
        return found

    def close(self) -> None:
        self.connection.close()


def store_figures(before: dict, after: dict, seconds: float) -> dict:
    tables = {name: (count - before["rows"].get(name, 0)) / seconds for name, count in after["rows"].items()}
    return {"rows_written_per_s": sum(tables.values()),
            "rows_written_per_s_by_table": {name: rate for name, rate in sorted(tables.items(), key=lambda i: -i[1])
                                            if rate > 0},
            "commits_per_s": (after["commits"] - before["commits"]) / seconds,
            "wal_records_per_s": (after["wal_records"] - before["wal_records"]) / seconds,
            "wal_kbytes_per_s": (after["wal_bytes"] - before["wal_bytes"]) / seconds / 1000}  # fmt: skip


def backend_usage(backends: dict[str, list[int]], first: Snapshot, last: Snapshot) -> dict[str, dict]:
    seconds = last.at_s - first.at_s
    usage = {}
    for name, pids in backends.items():
        cpu_s = sum(last.table[pid][1] - first.table.get(pid, (0, 0.0))[1] for pid in pids if pid in last.table)
        usage[name] = {"connections": len(pids), "cpu_percent": cpu_s / seconds * 100}
    return usage


# -- the room: its configuration, its processes ---------------------------------------------------------
def with_name(url: str, name: str) -> str:
    """A store URL whose connections say who they are (pg_stat_activity.application_name)."""
    return f"{url}{'&' if '?' in url else '?'}application_name={name}"


def camera_ids(count: int) -> list[str]:
    return [f"cam-{index:03d}" for index in range(1, count + 1)]


def desk_cameras(desk: int, tiles: int, cameras: list[str]) -> list[str]:
    """The cameras on desk ``desk``'s wall (0-based): each desk its own, as operators on different rounds."""
    return [cameras[(desk * tiles + tile) % len(cameras)] for tile in range(tiles)]


def desk_user(desk: int) -> str:
    return f"bench.op{desk + 1}"


def workstation(desk: int) -> str:
    return f"ws-{desk + 11}"


def write_config(folder: Path, sim_port: int, cameras: list[str], store_url: str, relay_port: int,
                 desks: int, recorders: list[str]) -> None:  # fmt: skip
    """A configuration folder: the cameras in this order (a desk's wall fills from the first), recorded from their
    main stream; the demo users and ``desks`` operators; room.yaml (the store, the relay, every puller)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["version: 1", "areas:", "  - {id: bench, name: Benchmark}", "cameras:"]
    for camera in cameras:
        lines += [f"  - id: {camera}", f"    name: Bench {camera}", "    kind: fixed", "    area: bench",
                  "    location: {street: Benchstraat, lat: 50.8, lon: 3.2}", "    streams:",
                  f"      main: rtsp://127.0.0.1:{sim_port}/{camera}", f"      sub: rtsp://127.0.0.1:{sim_port}/{camera}-sub",
                  "    recording: {stream: main, retention_days: 30}"]  # fmt: skip
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    users = yaml.safe_load((DEFAULT_CONFIG_DIR / "users.yaml").read_text(encoding="utf-8"))
    operator_hash = next(user["password"] for user in users["users"] if user["name"] == "demo")
    users["users"] += [{"name": desk_user(desk), "full_name": f"Bench operator {desk + 1}", "role": "operator",
                        "password": operator_hash} for desk in range(desks)]  # fmt: skip
    (folder / "users.yaml").write_text(yaml.safe_dump(users, sort_keys=False), encoding="utf-8")
    room = {"version": 1, "store": store_url,
            "relay": {"host": "127.0.0.1", "port": relay_port, "listen": "127.0.0.1", "linger_s": 10.0,
                      "password": f"${{{RELAY_PASSWORD_VARIABLE}}}",
                      "desks": {workstation(desk): f"${{UITKIJK_RELAY_{desk}}}" for desk in range(desks)},
                      "services": {name: f"${{UITKIJK_RELAY_{name.upper().replace('-', '_')}}}" for name in recorders}},
            "workstations": [{"id": workstation(desk), "name": f"Bench desk {desk + 1}"}
                             for desk in range(desks)]}  # fmt: skip
    (folder / "room.yaml").write_text(yaml.safe_dump(room, sort_keys=False), encoding="utf-8")


def shared_clip_network(cameras: list[str], sub_cameras: set[str], port: int):  # type: ignore[no-untyped-def]
    """The simulated cameras: every camera plays the same two pre-made clips (copied, never encoded here); a sub
    stream only where a desk watches it."""
    from console.sim.clips import CLIP_SECONDS, ClipSpec
    from console.sim.network import REMOTE_NICENESS, SimCamera, SimMount, SimNetwork

    clips = {role: ClipSpec("room-scale", "Uitkijk", "room scale", role, "h264", (40, 90, 140), CLIP_SECONDS)
             for role in ("main", "sub")}  # fmt: skip
    simulated = []
    for camera in cameras:
        mounts = [SimMount(f"/{camera}", clips["main"])]
        if camera in sub_cameras:
            mounts.append(SimMount(f"/{camera}-sub", clips["sub"]))
        simulated.append(SimCamera(camera, mounts))
    return SimNetwork(simulated, port, CLIP_DIR, niceness=REMOTE_NICENESS, scene="day")


def _child_setup() -> None:
    """In a started process: its own process group, and ended when the benchmark dies (Linux PDEATHSIG)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    os.setpgid(0, 0)


class Children:
    """The processes a point started: each ended (its group), however the point ends."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, command: list[str], environment: dict[str, str], **options) -> subprocess.Popen:  # type: ignore[no-untyped-def]
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=environment, preexec_fn=_child_setup, **options)
        self.started.append(process)
        return process

    def stop(self) -> None:
        for process in self.started:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.started:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(60)  # a desk freeing its memory beside a load of 35 took more than 5 s to go
        self.started.clear()


def wait_for(condition: Callable[[], bool], timeout_s: float, what: Callable[[], str],
             processes: Iterable[subprocess.Popen] = ()) -> None:  # fmt: skip
    deadline = time.monotonic() + timeout_s
    while not condition():
        ended = [process.args for process in processes if process.poll() is not None]
        if ended:
            raise RuntimeError(f"a part ended while the room started: {ended[0]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"not within {timeout_s:.0f} s: {what()}")
        time.sleep(0.25)


# -- the team chief's board, in a process of its own -----------------------------------------------------
def chief_main(store_url: str, folder: Path, rounds: int) -> int:
    """The team chief's board following the room's notices (presence), and operator A beside it; after "go" on
    stdin, A starts ``rounds`` views and the milliseconds until the chief's board model holds each are printed."""
    from PySide6.QtWidgets import QApplication

    from bench.desk import wait_until
    from bench.room_parts import chief_and_operator
    from console.access.reasons import Category, Kind, Reason
    from console.audit.log import KEY_FILE, AuditLog
    from console.store import open_store, presence

    app = QApplication.instance() or QApplication([])
    reason = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "room scale benchmark")
    store_a, store_b = open_store(folder, with_name(store_url, "operator-a")), open_store(folder, store_url)
    said: list[str] = []
    threading.Thread(target=lambda: said.extend(sys.stdin), daemon=True).start()  # "go", then the end of input
    samples: list[float] = []
    try:
        with chief_and_operator(AuditLog(store_a, folder / KEY_FILE), AuditLog(store_b, folder / KEY_FILE),
                                reason) as room:  # fmt: skip
            board = room.board
            room.notices.start()
            wait_until(lambda: board.presence is not None, timeout_s=60)
            print("READY", flush=True)
            wait_until(lambda: bool(said), timeout_s=3600)
            waited_before_s = run_queue_wait_s(os.getpid())
            for number in range(rounds):
                camera = f"chief-{number:03d}"
                started = time.perf_counter()
                room.writer_a.submit(None, effects=presence.view_started(room.operator.session.id, "wall 1", 1,
                                                                         camera, reason.as_record()))  # fmt: skip
                wait_until(lambda c=camera: board.presence is not None and any(view.camera == c for view in
                                                                                 board.presence.views), 10)  # fmt: skip
                samples.append((time.perf_counter() - started) * 1000)
            waited_ms = (run_queue_wait_s(os.getpid()) - waited_before_s) * 1000
            print(json.dumps({"notice_ms": samples, "chief_waited_for_a_core_ms_per_notice": waited_ms / rounds}),
                  flush=True)  # fmt: skip
    finally:
        store_a.close()
        store_b.close()
        app.processEvents()
    return 0


# -- one point: a room started, measured, stopped -------------------------------------------------------
@dataclass
class Point:
    cameras: int  # simulated, relayed and recorded (main streams)
    desks: int
    tiles: int  # sub streams on each desk's wall
    recorders: int = 1

    @property
    def label(self) -> str:
        return f"{self.cameras} cameras, {self.desks} desks x {self.tiles} tiles"


@dataclass
class Room:
    work: Path
    store_url: str
    postmaster_pid: int
    room_key: Path
    children: Children = field(default_factory=Children)


def relay_streams(service) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {report.path: report for report in service.reports()}


def measure_point(point: Point, cluster, room_key: Path, work: Path, seconds: float, rounds: int,
                  index: int) -> dict:  # fmt: skip
    """Start the room of ``point``, wait until every stream flows, measure a window, stop everything."""
    from console.audit.log import KEY_FILE
    from console.config.loader import load_camera_config
    from console.config.room import WHEN_DOWN, Puller, Relay
    from console.relay.service import RelayService
    from console.sim.network import free_port
    from console.store import open_store

    folder = work / f"point-{index}"
    folder.mkdir()
    store_url = cluster.create_database(f"point_{index}")
    cameras = camera_ids(point.cameras)
    walls = [desk_cameras(desk, point.tiles, cameras) for desk in range(point.desks)]
    watched = {camera for wall in walls for camera in wall}
    recorders = [f"recorder-{number + 1}" for number in range(point.recorders)]
    relay_secrets = {workstation(desk): secrets.token_urlsafe(18) for desk in range(point.desks)}
    relay_secrets |= {name: secrets.token_urlsafe(18) for name in recorders}
    sim_port, relay_port = free_port(), free_port()
    write_config(folder / "relay-config", sim_port, cameras, store_url, relay_port, point.desks, recorders)
    config = load_camera_config(folder / "relay-config", {})
    network = shared_clip_network(cameras, watched, sim_port)
    children = Children()
    service = None
    database = None
    watch = None
    environment = {key: value for key, value in os.environ.items() if key != "UITKIJK_STORE"}
    environment |= {"QT_QPA_PLATFORM": "offscreen", "UITKIJK_PASSWORD": DESK_PASSWORD}
    try:
        network.start(ready_timeout_s=60)
        relay = Relay("127.0.0.1", relay_port, "127.0.0.1", 10.0, dict(WHEN_DOWN), None, None,
                      tuple(Puller(name, secret, is_desk=name not in recorders)
                            for name, secret in relay_secrets.items()))  # fmt: skip
        (folder / "relay").mkdir()
        database = open_store(folder / "relay", with_name(store_url, "relay"))
        service = RelayService(config, relay, folder / "relay", database)
        service.start()
        recorder_processes = []
        for name in recorders:
            data = folder / name
            data.mkdir()
            shutil.copyfile(room_key, data / KEY_FILE)
            recorder_processes.append(children.start(
                [sys.executable, str(REPO_ROOT / "main.py"), "record", "--config", str(folder / "relay-config"),
                 "--data", str(data), "--store", with_name(store_url, name), "--name", name, "--min-free-mb", "0"],
                environment | {RELAY_PASSWORD_VARIABLE: relay_secrets[name]}, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # fmt: skip
        (folder / "chief").mkdir()
        shutil.copyfile(room_key, folder / "chief" / KEY_FILE)
        chief = children.start([sys.executable, "-m", "bench.room_scale", "--chief", with_name(store_url, "chief"),
                                str(folder / "chief"), str(rounds)], environment, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
        desk_processes = []
        for desk, wall in enumerate(walls):
            order = wall + [camera for camera in cameras if camera not in wall]
            desk_config, data = folder / f"desk-{desk + 1}-config", folder / f"desk-{desk + 1}"
            write_config(desk_config, sim_port, order, with_name(store_url, f"desk-{desk + 1}"), relay_port,
                         point.desks, recorders)  # fmt: skip
            data.mkdir(mode=0o700)
            shutil.copyfile(room_key, data / KEY_FILE)
            (data / KEY_FILE).chmod(0o600)
            desk_processes.append(children.start(
                [sys.executable, str(REPO_ROOT / "main.py"), "run", "--config", str(desk_config), "--data", str(data),
                 "--user", desk_user(desk), "--reason", DESK_REASON, "--layout", LAYOUT_OF_TILES[point.tiles]],
                environment | {"UITKIJK_WORKSTATION": workstation(desk),
                               RELAY_PASSWORD_VARIABLE: relay_secrets[workstation(desk)]},
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # fmt: skip
        wanted = {f"/{camera}/main": set(recorders) for camera in cameras}
        for desk, wall in enumerate(walls):
            for camera in wall:
                wanted.setdefault(f"/{camera}/sub", set()).add(workstation(desk))

        def missing() -> list[str]:
            streams = relay_streams(service)
            return [path for path, pullers in wanted.items()
                    if path not in streams or not pullers <= set(streams[path].pullers)  # type: ignore[attr-defined]
                    or streams[path].age_s is None or streams[path].age_s > 2]  # type: ignore[attr-defined]  # fmt: skip

        assert chief.stdout is not None and chief.stdin is not None
        chief_lines: list[str] = []
        threading.Thread(target=lambda: chief_lines.extend(chief.stdout), daemon=True).start()  # type: ignore[arg-type]
        started_s = time.monotonic()
        wait_for(lambda: not missing() and bool(chief_lines), READY_TIMEOUT_S,
                 lambda: f"{len(missing())} streams not flowing to all their pullers ({missing()[:3]}), chief ready: "
                         f"{bool(chief_lines)}", children.started)  # fmt: skip
        ready_s = time.monotonic() - started_s
        time.sleep(3)  # the first key frames decoded, the recorders' first segments open
        watch = StoreWatch(with_name(store_url, "bench"))
        parts = [Part("simulator", [network._server.pid] + [process.pid for process in network._feeders.values()],  # type: ignore[union-attr]
                      point.cameras + len(watched)),
                 Part("relay", [service.server._process.pid], point.cameras + len(watched), "relay")]  # type: ignore[union-attr]  # fmt: skip
        parts += [Part(f"desk-{desk + 1}", [process.pid], point.tiles, f"desk-{desk + 1}")
                  for desk, process in enumerate(desk_processes)]  # fmt: skip
        parts.append(Part("chief board", [chief.pid], 0, "chief"))
        parts += [Part(name, [process.pid], point.cameras // len(recorders), name)
                  for name, process in zip(recorders, recorder_processes, strict=True)]  # fmt: skip
        parts.append(Part("postgresql", [cluster_pid(cluster)], 0))
        before_store, relay_before = watch.counters(), relay_streams(service)
        roots = [root for part in parts for root in part.roots]
        first = Snapshot.take(roots)
        time.sleep(seconds)
        last = Snapshot.take(roots)
        after_store, relay_after = watch.counters(), relay_streams(service)
        backends = backend_usage(watch.backends(), first, last)
        window_s = last.at_s - first.at_s
        figures = {part.name: part_figures(part, first, last, backends) for part in parts}
        payload_in = sum(report.bytes_in - relay_before[path].bytes_in  # type: ignore[attr-defined]
                         for path, report in relay_after.items() if path in relay_before)  # fmt: skip
        payload_out = sum(report.bytes_out - relay_before[path].bytes_out  # type: ignore[attr-defined]
                          for path, report in relay_after.items() if path in relay_before)  # fmt: skip
        figures["relay"]["payload_in_kbytes_per_s"] = payload_in / window_s / 1000
        figures["relay"]["payload_out_kbytes_per_s"] = payload_out / window_s / 1000
        figures["relay"]["mounts_pulled"] = sum(1 for report in relay_after.values() if report.pulled)  # type: ignore[attr-defined]
        stopped = {path: stalled(relay_before.get(path), relay_after.get(path), pullers)
                   for path, pullers in wanted.items()}  # fmt: skip
        stopped = {path: why for path, why in stopped.items() if why}
        if stopped:  # a figure of its own (a loaded machine), not a failure: the window's figures carry it
            print(f"  {len(stopped)} of {len(wanted)} streams stalled in the window: {dict(list(stopped.items())[:3])}",
                  file=sys.stderr)  # fmt: skip
        chief.stdin.write("go\n")
        chief.stdin.flush()
        wait_for(lambda: len(chief_lines) >= 2, 60 + rounds * 10, lambda: "the chief's board measured no notice",
                 [chief])  # fmt: skip
        chief_said = json.loads(chief_lines[1])
        notice_ms = chief_said["notice_ms"]
        if len(notice_ms) != rounds:
            raise RuntimeError(f"{len(notice_ms)} of {rounds} notices measured")
        return {"point": point.__dict__, "ready_s": ready_s, "window_s": window_s, "parts": figures,
                "streams": {"wanted": len(wanted), "stalled": stopped},
                "store": store_figures(before_store, after_store, window_s)
                | {"connections": sum(used["connections"] for used in backends.values()),
                   "connections_by_part": {name: used["connections"] for name, used in backends.items()}},
                "notice_ms": {"median": statistics.median(notice_ms), "p95": percentile(notice_ms, 0.95),
                              "samples": notice_ms,
                              "chief_waited_for_a_core_ms_per_notice":
                                  chief_said["chief_waited_for_a_core_ms_per_notice"]}}  # fmt: skip
    finally:
        if watch is not None:
            watch.close()
        children.stop()
        if service is not None:
            service.stop()
        if database is not None:
            database.close()
        network.stop()


def stalled(before, after, pullers: set[str]) -> str | None:  # type: ignore[no-untyped-def]
    """Why a stream did not flow to all its pullers over the window (None: it did)."""
    if before is None or after is None:
        return "not mounted"
    if after.bytes_in <= before.bytes_in:
        return "no byte in"
    if not pullers <= set(after.pullers):
        return f"not pulled by {', '.join(sorted(pullers - set(after.pullers)))} at the end"
    if after.pulls > before.pulls:
        return "pulled again from the camera"
    return None


def cluster_pid(cluster) -> int:  # type: ignore[no-untyped-def]
    """The postmaster's pid (its first line of postmaster.pid); its backends are its children."""
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- curves, fits, what they imply ------------------------------------------------------------------------
def fit(xs: list[float], ys: list[float]) -> dict:
    """Least squares: y = fixed + per_unit * x."""
    count = len(xs)
    mean_x, mean_y = sum(xs) / count, sum(ys) / count
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0.0
    return {"fixed": mean_y - slope * mean_x, "per_unit": slope}


def median_of(points: list[dict], key: Callable[[dict], float]) -> dict:
    """Median, min and max over the runs that have the figure (a run of an earlier version may lack it)."""
    values = []
    for point in points:
        with contextlib.suppress(KeyError):
            values.append(key(point))
    if not values:
        return {"median": math.nan, "min": math.nan, "max": math.nan, "runs": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def desk_total(point: dict, figure: str) -> float:
    return sum(value[figure] for name, value in point["parts"].items() if name.startswith("desk-"))


def recorder_total(point: dict, figure: str) -> float:
    return sum(value[figure] for name, value in point["parts"].items() if name.startswith("recorder-"))


FIGURES: dict[str, Callable[[dict], float]] = {
    "simulator_cpu_percent": lambda p: p["parts"]["simulator"]["cpu_percent"],
    "relay_cpu_percent": lambda p: p["parts"]["relay"]["cpu_percent"],
    "relay_pss_mb": lambda p: p["parts"]["relay"]["pss_mb"],
    "relay_sockets": lambda p: p["parts"]["relay"]["sockets"],
    "relay_payload_in_kbytes_per_s": lambda p: p["parts"]["relay"]["payload_in_kbytes_per_s"],
    "relay_payload_out_kbytes_per_s": lambda p: p["parts"]["relay"]["payload_out_kbytes_per_s"],
    "desks_cpu_percent": lambda p: desk_total(p, "cpu_percent"),
    "desks_pss_mb": lambda p: desk_total(p, "pss_mb"),
    "desks_store_connections": lambda p: desk_total(p, "store_connections"),
    "chief_cpu_percent": lambda p: p["parts"]["chief board"]["cpu_percent"],
    "recorders_cpu_percent": lambda p: recorder_total(p, "cpu_percent"),
    "recorders_pss_mb": lambda p: recorder_total(p, "pss_mb"),
    "postgresql_cpu_percent": lambda p: p["parts"]["postgresql"]["cpu_percent"],
    "postgresql_pss_mb": lambda p: p["parts"]["postgresql"]["pss_mb"],
    "store_connections": lambda p: p["store"]["connections"],
    "store_rows_written_per_s": lambda p: p["store"]["rows_written_per_s"],
    "store_commits_per_s": lambda p: p["store"]["commits_per_s"],
    "notice_median_ms": lambda p: p["notice_ms"]["median"],
    "streams_stalled": lambda p: len(p["streams"]["stalled"]),
    "recorders_store_connections": lambda p: recorder_total(p, "store_connections"),
    "chief_waited_ms_per_notice": lambda p: p["notice_ms"]["chief_waited_for_a_core_ms_per_notice"],
    "desks_waited_ms_per_s": lambda p: desk_total(p, "waited_for_a_core_ms_per_s"),
    "relay_waited_ms_per_s": lambda p: p["parts"]["relay"]["waited_for_a_core_ms_per_s"],
    "relay_cpu_percent_per_stream": lambda p: p["parts"]["relay"]["cpu_percent_per_stream"],
    "recorders_cpu_percent_per_stream": lambda p: recorder_total(p, "cpu_percent") / p["point"]["cameras"],
    "desks_cpu_percent_per_tile": lambda p: (
        desk_total(p, "cpu_percent") / (p["point"]["desks"] * p["point"]["tiles"]) if p["point"]["desks"] else 0.0
    ),
}


def curve(points: list[dict], along: str) -> list[dict]:
    """Each value of ``along`` (cameras, desks): every figure's median, min and max over the runs."""
    values = sorted({point["point"][along] for point in points})
    rows = []
    for value in values:
        runs = [point for point in points if point["point"][along] == value]
        rows.append({along: value, "tiles": runs[0]["point"]["tiles"], "cameras": runs[0]["point"]["cameras"],
                     "desks": runs[0]["point"]["desks"],
                     **{name: median_of(runs, key) for name, key in FIGURES.items()}})  # fmt: skip
    return rows


def implications(cameras_curve: list[dict], desks_curve: list[dict], tiles: int) -> dict:
    """Fitted costs (from the medians) and what they imply for the zone's room: 200 cameras recorded through one
    relay, 5 desks of 16 tiles. A straight line through 3 points: read it as a rate measured up to the last point."""

    def along_cameras(figure: str) -> dict:
        return fit([row["cameras"] for row in cameras_curve], [row[figure]["median"] for row in cameras_curve])

    def along_desks(figure: str, per: int = 1) -> dict:
        return fit([row["desks"] * per for row in desks_curve], [row[figure]["median"] for row in desks_curve])

    relay, recorders, store_cpu = (along_cameras(name) for name in ("relay_cpu_percent", "recorders_cpu_percent",
                                                                    "postgresql_cpu_percent"))  # fmt: skip
    relay_sub = along_desks("relay_cpu_percent", tiles)  # per sub stream a desk pulls
    desk, desk_memory = along_desks("desks_cpu_percent"), along_desks("desks_pss_mb")
    rows, recorder_connections = along_cameras("store_rows_written_per_s"), along_cameras("recorders_store_connections")
    desk_connections = along_desks("desks_store_connections")
    sub_streams = ROOM_DESKS * ROOM_TILES
    room_connections = (
        recorder_connections["fixed"]
        + recorder_connections["per_unit"] * ROOM_CAMERAS
        + desk_connections["per_unit"] * ROOM_DESKS
        + 9
    )  # + the relay's 3, the chief's 4, A's 2
    return {
        "relay_fixed_percent": relay["fixed"], "relay_per_main_stream_percent": relay["per_unit"],
        "relay_per_desk_sub_stream_percent": relay_sub["per_unit"],
        "relay_streams_per_core": 100 / relay["per_unit"] if relay["per_unit"] > 0 else None,
        "recorders_fixed_percent": recorders["fixed"], "recorders_per_stream_percent": recorders["per_unit"],
        "postgresql_fixed_percent": store_cpu["fixed"], "postgresql_per_camera_percent": store_cpu["per_unit"],
        "desk_percent_per_desk": desk["per_unit"], "desk_pss_mb_per_desk": desk_memory["per_unit"],
        "desk_tiles": tiles,
        "store_rows_per_camera_per_s": rows["per_unit"],
        "recorder_store_connections_per_camera": recorder_connections["per_unit"],
        "recorder_store_connections_fixed": recorder_connections["fixed"],
        "desk_store_connections_per_desk": desk_connections["per_unit"],
        "notice_median_ms_by_desks": {row["desks"]: row["notice_median_ms"]["median"] for row in desks_curve},
        "room": f"{ROOM_CAMERAS} cameras recorded through one relay, {ROOM_DESKS} desks x {ROOM_TILES} sub streams",
        "room_relay_percent": relay["fixed"] + relay["per_unit"] * ROOM_CAMERAS + relay_sub["per_unit"] * sub_streams,
        "room_recorders_percent": recorders["fixed"] + recorders["per_unit"] * ROOM_CAMERAS,
        "room_store_rows_per_s": rows["fixed"] + rows["per_unit"] * ROOM_CAMERAS,
        "room_store_connections": room_connections,
    }  # fmt: skip


# -- output ----------------------------------------------------------------------------------------------
def spread(figure: dict) -> str:
    """Median, and the runs' range when there were several: 36.9 (35-38)."""

    def shown(value: float) -> str:
        return f"{value:{'.2f' if abs(value) < 10 else '.1f' if abs(value) < 100 else '.0f'}}"

    if figure["runs"] == 0:
        return "-"
    if figure["runs"] == 1:
        return shown(figure["median"])
    return f"{shown(figure['median'])} ({shown(figure['min'])}-{shown(figure['max'])})"


CPU_COLUMNS = (("simulator_cpu_percent", "simulator"), ("relay_cpu_percent", "relay"),
               ("relay_cpu_percent_per_stream", "relay/stream"), ("recorders_cpu_percent", "recorders"),
               ("recorders_cpu_percent_per_stream", "rec./stream"), ("desks_cpu_percent", "desks"),
               ("desks_cpu_percent_per_tile", "desk/tile"), ("chief_cpu_percent", "chief"),
               ("postgresql_cpu_percent", "PostgreSQL"))  # fmt: skip
OTHER_COLUMNS = (("relay_pss_mb", "relay MB"), ("recorders_pss_mb", "rec. MB"), ("desks_pss_mb", "desks MB"),
                 ("postgresql_pss_mb", "PG MB"), ("relay_sockets", "relay sock."), ("store_connections", "PG conns"),
                 ("relay_payload_in_kbytes_per_s", "relay in kB/s"), ("relay_payload_out_kbytes_per_s", "out kB/s"),
                 ("store_rows_written_per_s", "rows/s"), ("store_commits_per_s", "commits/s"),
                 ("notice_median_ms", "notice ms"), ("chief_waited_ms_per_notice", "chief wait ms"),
                 ("relay_waited_ms_per_s", "relay wait/s"), ("streams_stalled", "stalled"))  # fmt: skip


def table(results: dict) -> str:
    lines = ["", "Uitkijk room at scale (every part on this machine's 2 cores), median (min-max) over the runs"]
    for name, key in (("cameras (recorded through the relay, no desk)", "cameras_curve"),
                      ("desks (sub streams through the relay)", "desks_curve")):  # fmt: skip
        rows = results[key]
        if not rows:
            continue
        for title, columns in (("CPU, % of one core", CPU_COLUMNS), ("memory (PSS), sockets, bytes, store, "
                                                                      "latency", OTHER_COLUMNS)):  # fmt: skip
            head = f"{'point':22}" + "".join(f" {label:>17}" for _, label in columns)
            lines += ["", f"Curve over {name}: {title}", head]
            for row in rows:
                label = f"{row['cameras']} cams, {row['desks']} desks x{row['tiles']}"
                lines.append(f"{label:22}" + "".join(f" {spread(row[figure]):>17}" for figure, _ in columns))
    room = results.get("implications")
    if room:
        notices = ", ".join(f"{desks} desk(s) {ms:.0f} ms" for desks, ms in room["notice_median_ms_by_desks"].items())
        lines += ["", "Fitted (fixed + per stream), from the medians:",
                  f"  relay: {room['relay_fixed_percent']:.1f} % + {room['relay_per_main_stream_percent']:.2f} % of a "
                  f"core per recorded main stream ({room['relay_streams_per_core']:.0f} streams a core), "
                  f"{room['relay_per_desk_sub_stream_percent']:.2f} % per sub stream a desk pulls",
                  f"  recorders: {room['recorders_fixed_percent']:.1f} % + {room['recorders_per_stream_percent']:.2f} %"
                  f" per stream; {room['recorder_store_connections_per_camera']:.2f} store connections per camera",
                  f"  desks: {room['desk_percent_per_desk']:.1f} % and {room['desk_pss_mb_per_desk']:.0f} MB per desk "
                  f"of {room['desk_tiles']} tiles; {room['desk_store_connections_per_desk']:.1f} store connections "
                  "per desk",
                  f"  store: {room['store_rows_per_camera_per_s']:.2f} rows written per camera per second",
                  f"  notice latency, median: {notices}",
                  f"  {room['room']}: relay {room['room_relay_percent']:.0f} % of a core, recorders "
                  f"{room['room_recorders_percent']:.0f} %, {room['room_store_rows_per_s']:.0f} rows/s and "
                  f"{room['room_store_connections']:.0f} connections on the store"]  # fmt: skip
    return "\n".join(lines) + "\n"


MARKDOWN_COLUMNS = (("relay_cpu_percent", "relay"), ("relay_cpu_percent_per_stream", "relay per stream"),
                    ("recorders_cpu_percent", "recorders"), ("desks_cpu_percent", "desks"),
                    ("chief_cpu_percent", "chief's board"), ("postgresql_cpu_percent", "PostgreSQL"),
                    ("simulator_cpu_percent", "simulator"), ("relay_pss_mb", "relay PSS MB"),
                    ("desks_pss_mb", "desks PSS MB"), ("relay_payload_out_kbytes_per_s", "relay out kB/s"),
                    ("store_connections", "store connections"), ("store_rows_written_per_s", "rows written/s"),
                    ("store_commits_per_s", "commits/s"), ("notice_median_ms", "notice ms"),
                    ("chief_waited_ms_per_notice", "chief's wait for a core per notice, ms"))  # fmt: skip


def markdown(results: dict) -> str:
    """The curves as the README's table: median (min-max) over the runs; CPU in % of one core."""
    lines = ["| point | " + " | ".join(label for _, label in MARKDOWN_COLUMNS) + " |",
             "|---" * (len(MARKDOWN_COLUMNS) + 1) + "|"]  # fmt: skip
    for row in results["cameras_curve"] + results["desks_curve"]:
        label = f"{row['cameras']} cameras, {row['desks']} desks" + (f" x {row['tiles']}" if row["desks"] else "")
        lines.append(f"| {label} | " + " | ".join(spread(row[key]) for key, _ in MARKDOWN_COLUMNS) + " |")
    return "\n".join(lines) + "\n"


COLOURS = {
    "relay": "tab:blue",
    "recorders": "tab:orange",
    "PostgreSQL": "tab:green",
    "simulator (niced)": "tab:red",
    "desks (all)": "tab:purple",
    "chief's board": "tab:brown",
    "store connections (all parts)": "black",
    "rows written/s": "tab:olive",
    "commits/s (reads and writes)": "tab:cyan",
    "notice: desk A's view on the chief's board, median ms": "tab:pink",
}  # one colour per series in every panel


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(2, 3, figsize=(17, 9.5))
    cameras, desks = results["cameras_curve"], results["desks_curve"]
    parts = (("relay_cpu_percent", "relay"), ("recorders_cpu_percent", "recorders"),
             ("postgresql_cpu_percent", "PostgreSQL"), ("simulator_cpu_percent", "simulator (niced)"),
             ("desks_cpu_percent", "desks (all)"), ("chief_cpu_percent", "chief's board"))  # fmt: skip

    def draw(axis, rows: list[dict], along: str, keys, ylabel: str, title: str) -> None:  # type: ignore[no-untyped-def]
        for key, label in keys:
            xs = [row[along] for row in rows]
            medians = [row[key]["median"] for row in rows]
            low = [row[key]["median"] - row[key]["min"] for row in rows]
            high = [row[key]["max"] - row[key]["median"] for row in rows]
            axis.errorbar(xs, medians, yerr=[low, high], marker="o", capsize=3, label=label,
                          color=COLOURS.get(label))  # fmt: skip
        axis.set_xlabel(along if along == "cameras" else f"desks ({rows[0]['tiles']} tiles each)")
        axis.set_ylabel(ylabel)
        axis.set_title(title, fontsize=11)
        axis.set_xticks([row[along] for row in rows])
        axis.set_ylim(bottom=0)
        axis.grid(alpha=0.3)
        axis.legend(fontsize=8)

    store = (("store_connections", "store connections (all parts)"), ("store_rows_written_per_s", "rows written/s"),
             ("store_commits_per_s", "commits/s (reads and writes)"))  # fmt: skip
    if cameras:
        draw(axes[0][0], cameras, "cameras", [p for p in parts if p[0] != "desks_cpu_percent"], "% of one core",
             "CPU against cameras (recorded through the relay, no desk)")  # fmt: skip
        draw(axes[0][1], cameras, "cameras", (("relay_pss_mb", "relay"), ("recorders_pss_mb", "recorders"),
                                              ("postgresql_pss_mb", "PostgreSQL")), "PSS, MB",
             "Memory against cameras")  # fmt: skip
        draw(axes[0][2], cameras, "cameras", store, "count, per second", "The store against cameras")
    if desks:
        draw(axes[1][0], desks, "desks", parts, "% of one core",
             f"CPU against desks ({desks[0]['cameras']} cameras recorded)")  # fmt: skip
        draw(axes[1][1], desks, "desks", (("desks_pss_mb", "desks (all)"), ("relay_pss_mb", "relay"),
                                          ("postgresql_pss_mb", "PostgreSQL")), "PSS, MB",
             "Memory against desks")  # fmt: skip
        draw(axes[1][2], desks, "desks", (("notice_median_ms", "notice: desk A's view on the chief's board, median ms"),
                                          *store), "ms; count, per second",
             "Notice latency and the store against desks")  # fmt: skip
    figure.suptitle("Uitkijk: the room at scale on one 2-core PC (median, bars: min-max over runs)")
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)


# -- the whole run ---------------------------------------------------------------------------------------
def ensure_clips_made() -> None:
    """The two shared clips are made once (outside every window)."""
    from console.sim.clips import CLIP_SECONDS, ClipSpec, ensure_clips

    ensure_clips([ClipSpec("room-scale", "Uitkijk", "room scale", role, "h264", (40, 90, 140), CLIP_SECONDS)
                  for role in ("main", "sub")], CLIP_DIR, 2)  # fmt: skip


def numbers(text: str) -> list[int]:
    return [int(item) for item in text.split(",") if item.strip()]


def points_of(arguments: argparse.Namespace) -> Iterator[Point]:
    for _ in range(arguments.runs):
        for cameras in arguments.cameras:
            yield Point(cameras, 0, arguments.tiles)
        for desks in arguments.desks:
            yield Point(arguments.desk_cameras, desks, arguments.tiles)


def interrupted(*_: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameras", type=numbers, default=[10, 20, 40], help="the cameras curve (no desk)")
    parser.add_argument("--desks", type=numbers, default=[1, 3, 5], help="the desks curve")
    parser.add_argument("--tiles", type=int, default=4, choices=sorted(LAYOUT_OF_TILES), help="tiles per desk")
    parser.add_argument("--desk-cameras", type=int, default=20, help="cameras recorded on the desks curve")
    parser.add_argument("--seconds", type=float, default=10.0, help="measuring window per point")
    parser.add_argument("--rounds", type=int, default=10, help="notices measured per point")
    parser.add_argument("--runs", type=int, default=1, help="runs of each curve (median and spread)")
    parser.add_argument("--quick", action="store_true", help="a tiny room: 2 cameras, 1 desk, 1 tile")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where the JSON and the PNG go")
    parser.add_argument("--combine", type=Path, nargs="+", metavar="JSON",
                        help="no room: the curves of earlier runs' room_scale.json files, taken together")  # fmt: skip
    parser.add_argument("--chief", nargs=3, metavar=("STORE", "FOLDER", "ROUNDS"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.chief:
        return chief_main(arguments.chief[0], Path(arguments.chief[1]), int(arguments.chief[2]))
    if arguments.quick:
        arguments.cameras, arguments.desks, arguments.tiles, arguments.desk_cameras = [2], [1], 1, 2
        arguments.seconds, arguments.rounds = min(arguments.seconds, 4.0), min(arguments.rounds, 3)
    if arguments.combine:
        points = [point for path in arguments.combine for point in json.loads(path.read_text())["points"]]
        return report(points, arguments.output, points[0]["point"]["tiles"], [json.loads(path.read_text())
                      ["load_average"] for path in arguments.combine])  # fmt: skip
    from bench.room_parts import started_cluster
    from console.audit.log import load_or_create_key

    signal.signal(signal.SIGTERM, interrupted)
    work = Path(tempfile.mkdtemp(prefix="uitkijk-bench-room-scale-"))
    points: list[dict] = []
    try:
        ensure_clips_made()
        with started_cluster(work) as cluster:
            room_key = work / "room-audit.key"
            load_or_create_key(room_key)
            for index, point in enumerate(points_of(arguments)):
                print(f"Room: {point.label}\u2026", file=sys.stderr, flush=True)
                points.append(measure_point(point, cluster, room_key, work, arguments.seconds, arguments.rounds,
                                            index))  # fmt: skip
    except (RuntimeError, OSError, TimeoutError, subprocess.SubprocessError, ValueError) as error:
        print(f"a figure could not be measured: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: the room was stopped", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(points, arguments.output, arguments.tiles, os.getloadavg())


def report(points: list[dict], output: Path, tiles: int, load_average: object) -> int:
    """The curves, the fits, the JSON, the table and the plot of the points measured."""
    cameras_curve = curve([p for p in points if p["point"]["desks"] == 0], "cameras")
    desks_curve = curve([p for p in points if p["point"]["desks"] > 0], "desks")
    results = {"points": points, "cameras_curve": cameras_curve, "desks_curve": desks_curve,
               "load_average": load_average, "cores": os.cpu_count()}  # fmt: skip
    if len(cameras_curve) >= 2 and len(desks_curve) >= 2:
        results["implications"] = implications(cameras_curve, desks_curve, tiles)
    output.mkdir(parents=True, exist_ok=True)
    (output / "room_scale.json").write_text(json.dumps(results, indent=2))
    (output / "room_scale.md").write_text(markdown(results))
    plot(results, output / "room_scale.png")
    print(table(results))
    print(f"JSON: {output / 'room_scale.json'}; plot: {output / 'room_scale.png'}; table: {output / 'room_scale.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
