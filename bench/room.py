"""Room benchmarks: desk to desk, the room's store against the embedded one, the relay against direct pulls.

Every figure runs on real parts started here: a PostgreSQL cluster (Debian's server), the
simulated network with a live clock camera, and the relay. Each is compared with its raw
limit measured in the same run: the embedded store beside the room's, FFmpeg pulling the
camera directly beside FFmpeg pulling it through the relay, ``ffmpeg -c copy`` beside the
relay's own CPU. Exits non-zero when a figure could not be measured.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.room [--seconds 15] [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.cameras import simulated_network
from bench.live_clock import LiveClockFeeder, feed_the_clock
from bench.room_parts import chief_and_operator, started_cluster
from bench.run import CLOCK_CAMERA, FFmpegLatencyProbe, percentile, save_results, write_config
from console.config.loader import load_camera_config
from console.config.room import WHEN_DOWN, Puller, Relay
from console.sim.network import free_port
from console.store.cluster import LocalCluster

RELAYED_STREAMS = 8  # sub streams pulled through the relay for its CPU figure


def stats(samples: list[float]) -> dict:
    if not samples:
        raise RuntimeError("no samples")
    return {"median_ms": statistics.median(samples), "p95_ms": percentile(samples, 0.95), "samples": len(samples)}


# -- desk A's action on desk B's screen ------------------------------------------------------------------
def desk_to_desk(url: str, folder: Path, rounds: int) -> dict:
    """Desk A (an operator) acts; desk B (the team chief's console pieces: the board, the PTZ lease
    mirror, the dispatch feed, all following the store's notices) shows it. Milliseconds from A's
    action to B's screen model holding it."""
    from PySide6.QtWidgets import QApplication

    from bench.desk import wait_until
    from console.access.permissions import Action
    from console.access.reasons import Category, Kind, Reason
    from console.audit.log import KEY_FILE, AuditLog
    from console.dispatch import service
    from console.dispatch.model import Source
    from console.onvif.directory import StreamDirectory
    from console.onvif.service import OnvifService
    from console.ptz.lease import Holder, Priority
    from console.services.dispatch_reads import DispatchReader
    from console.services.room_leases import RoomLeases, room_board
    from console.store import open_store, presence
    from console.ui.dispatch.models import DispatchFeed
    from console.ui.ptz_controller import PtzController

    app = QApplication.instance() or QApplication([])
    reason = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "benchmark")
    store_a, store_b = open_store(folder / "a", url), open_store(folder / "b", url)
    figures: dict[str, list[float]] = {"view": [], "lease": [], "incident": []}
    try:
        log_a = AuditLog(store_a, folder / "a" / KEY_FILE)
        (folder / "b").mkdir(exist_ok=True)
        (folder / "b" / KEY_FILE).write_bytes((folder / "a" / KEY_FILE).read_bytes())
        log_b = AuditLog(store_b, folder / "b" / KEY_FILE)
        with chief_and_operator(log_a, log_b, reason) as room:
            board, operator, notices = room.board, room.operator, room.notices
            onvif = OnvifService((), StreamDirectory((), folder / "streams.json"))
            chief_holder = Holder("tom.claes", "Tom Claes", "ws-09", Priority.TEAM_CHIEF)
            chief_ptz = PtzController(onvif, room_board(store_b), chief_holder, asked_on_worker=True)
            notices.noticed.connect(chief_ptz.refresh_leases)
            feed = DispatchFeed(DispatchReader(store_b), notices=notices)
            notices.start()
            feed.start()
            operator_leases = RoomLeases(room_board(store_a))
            an = Holder("an.peeters", "An Peeters (operator, ws-02)", "ws-02", Priority.OPERATOR)
            try:
                wait_until(lambda: board.presence is not None and feed.board is not None, timeout_s=20)
                for number in range(rounds):
                    camera = f"cam-{number:02d}"
                    started = time.perf_counter()
                    room.writer_a.submit(None, effects=presence.view_started(operator.session.id, "wall 1", 1, camera,
                                                                             reason.as_record()))  # fmt: skip
                    wait_until(lambda c=camera: board.presence is not None
                               and any(view.camera == c for view in board.presence.views), 10)  # fmt: skip
                    figures["view"].append((time.perf_counter() - started) * 1000)

                    started = time.perf_counter()
                    operator_leases.request("ptz-bench", an)
                    wait_until(lambda: (lease := chief_ptz.lease("ptz-bench")) is not None
                               and lease.holder.user == an.user, 10)  # fmt: skip
                    figures["lease"].append((time.perf_counter() - started) * 1000)
                    operator_leases.release("ptz-bench", an)
                    wait_until(lambda: chief_ptz.lease("ptz-bench") is None, 10)

                    started = time.perf_counter()
                    draft = service.Draft(Source.PHONE, "fight", 2, f"Benchstraat {number + 1}")
                    operator.change(Action.MANAGE_INCIDENTS, service.create_incident(draft, "an.peeters"))
                    address = f"Benchstraat {number + 1}"
                    wait_until(lambda a=address: feed.board is not None
                               and a in {i.address for i in feed.board.incidents}, 10)  # fmt: skip
                    figures["incident"].append((time.perf_counter() - started) * 1000)
            finally:
                feed.shutdown()
                chief_ptz.shutdown()
                onvif.shutdown()
    finally:
        store_a.close()
        store_b.close()
        app.processEvents()
    return {action: stats(samples) for action, samples in figures.items()}


# -- the store: audit entries per second, lease compare-and-set ---------------------------------------------
def store_figures(url: str | None, folder: Path, entries: int, rounds: int) -> dict:
    """On the room's store (``url``) or the embedded file (None): the same code, the same machine."""
    from console.audit.log import AuditLog, Record
    from console.audit.writer import AuditWriter
    from console.ptz.lease import Holder, Priority
    from console.services.room_leases import room_board
    from console.store import open_store

    folder.mkdir(parents=True, exist_ok=True)
    database = open_store(folder, url)
    writer = AuditWriter(AuditLog(database, folder / "audit.key"))
    reason = {"kind": "administrative police", "category": "virtual patrol", "reference": "benchmark"}
    started = time.perf_counter()
    for number in range(entries):
        writer.submit(Record("an.peeters", "operator", "ws-02", "ptz move", f"cam-{number % 16}", {"n": number},
                             reason))  # fmt: skip
    if not writer.flush(120):
        raise RuntimeError("the audit burst did not finish")
    elapsed_s = time.perf_counter() - started
    one_by_one: list[float] = []
    for number in range(rounds):  # an action waits for its own entry: the latency an operator feels
        done = threading.Event()
        started = time.perf_counter()
        writer.submit(Record("an.peeters", "operator", "ws-02", "view start", "cam-01", {"n": number}, reason),
                      on_durable=lambda entry, d=done: d.set())  # fmt: skip
        if not done.wait(10):
            raise RuntimeError("an entry was not written")
        one_by_one.append((time.perf_counter() - started) * 1000)
    writer.close()
    board = room_board(database)
    holder = Holder("an.peeters", "An Peeters", "ws-02", Priority.OPERATOR)
    cas: list[float] = []
    for _ in range(rounds):
        current = board.store.get("ptz-bench")
        started = time.perf_counter()
        lease = board.request("ptz-bench", holder).lease
        cas.append((time.perf_counter() - started) * 1000)
        assert lease is not None and current is None
        board.release("ptz-bench", holder)
    database.close()
    return {"audit_entries_per_s": entries / elapsed_s, "audit_entry_durable_ms": stats(one_by_one),
            "lease_request_ms": stats(cas)}  # fmt: skip


# -- the relay ---------------------------------------------------------------------------------------
def relay_latency(direct_url: str, relayed_url: str, seconds: float) -> dict:
    """FFmpeg decoding the live clock camera, directly and through the relay, side by side."""
    direct, relayed = FFmpegLatencyProbe(direct_url), FFmpegLatencyProbe(relayed_url)
    time.sleep(seconds)  # the probes measure on their own threads
    direct.stop()
    relayed.stop()
    base, through = direct.samples[25:], relayed.samples[25:]  # the first second settles
    if not base or not through:
        raise RuntimeError(f"relay latency not measured: {len(base)} direct, {len(through)} through the relay")
    return {"direct": stats(base), "relayed": stats(through),
            "added_median_ms": statistics.median(through) - statistics.median(base)}  # fmt: skip


def copy_consumers(urls: list[str]) -> list[subprocess.Popen]:
    return [subprocess.Popen(["ffmpeg", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp", "-i", url,
                              "-c", "copy", "-f", "null", "-"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL) for url in urls]  # fmt: skip


def cpu_over(processes: list[psutil.Process], seconds: float) -> float:
    """Per cent of a core the processes used over ``seconds``."""

    def total() -> float:
        return sum(times.user + times.system for times in (process.cpu_times() for process in processes))

    before = total()
    time.sleep(seconds)
    return (total() - before) / seconds * 100


def stop_all(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(10)


def relay_cpu(service, network_port: int, cameras: list[str], seconds: float) -> dict:
    """The relay's CPU per stream, one desk per stream, against ``ffmpeg -c copy`` of the same streams."""
    relay_pid = psutil.Process(service.server._process.pid)
    consumers = copy_consumers([service.relay.url(camera, "sub") for camera in cameras])
    try:
        time.sleep(3)  # pulled, prepared, flowing
        before = {item.path: item.bytes_in for item in service.reports()}
        relay_percent = cpu_over([relay_pid], seconds)
        reports = service.reports()
        after = {item.path: item.bytes_in for item in reports}
        carried = sorted({str(item.carried) for item in reports if item.viewers})  # forwarded or inserted
        flowing = [camera for camera in cameras if after.get(f"/{camera}/sub", 0) > before.get(f"/{camera}/sub", 0)]
        exited = [process.returncode for process in consumers if process.poll() is not None]
        if len(flowing) != len(cameras) or exited:
            raise RuntimeError(f"relay CPU: {len(flowing)} of {len(cameras)} streams flowed, consumers ended: {exited}")
    finally:
        stop_all(consumers)
    copies = copy_consumers([f"rtsp://127.0.0.1:{network_port}/{camera}-sub" for camera in cameras])
    try:
        time.sleep(3)
        copy_percent = cpu_over([psutil.Process(process.pid) for process in copies], seconds)
    finally:
        stop_all(copies)
    return {"streams": len(cameras), "relay_percent_of_a_core_per_stream": relay_percent / len(cameras),
            "ffmpeg_copy_percent_of_a_core_per_stream": copy_percent / len(cameras),
            "ratio": relay_percent / copy_percent if copy_percent else None, "carried": carried}  # fmt: skip


def upstream(service, network_port: int, camera: str, desks: int, seconds: float) -> dict:
    """``desks`` desks on one camera through the relay: its connections to the camera, bytes it pulled."""
    consumers = copy_consumers([service.relay.url(camera, "sub")] * desks)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            report = next((item for item in service.reports() if item.path == f"/{camera}/sub"), None)
            if report is not None and report.viewers == desks:
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"{desks} desks did not all reach the relay")
        first = next(item for item in service.reports() if item.path == f"/{camera}/sub")
        time.sleep(seconds)
        last = next(item for item in service.reports() if item.path == f"/{camera}/sub")
        relay_pid = psutil.Process(service.server._process.pid)
        connections = sum(1 for connection in relay_pid.net_connections("tcp")
                          if connection.raddr and connection.raddr.port == network_port)  # fmt: skip
    finally:
        stop_all(consumers)
    direct = copy_consumers([f"rtsp://127.0.0.1:{network_port}/{camera}-sub"] * desks)
    try:
        time.sleep(3)
        direct_connections = sum(1 for process in direct for connection in psutil.Process(process.pid)
                                 .net_connections("tcp") if connection.raddr and
                                 connection.raddr.port == network_port)  # fmt: skip
    finally:
        stop_all(direct)
    per_s = (last.bytes_in - first.bytes_in) / seconds
    return {"desks": desks, "relay_upstream_connections": connections, "relay_bytes_in_per_s": per_s,
            "relay_bytes_out_per_s": (last.bytes_out - first.bytes_out) / seconds, "pulls": last.pulls,
            "direct_upstream_connections": direct_connections,
            "direct_bytes_in_per_s": per_s * direct_connections}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="measuring window per figure")
    parser.add_argument("--rounds", type=int, default=20, help="actions per desk-to-desk figure")
    parser.add_argument("--entries", type=int, default=3000, help="audit entries per store")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uitkijk-bench-room-"))
    with started_cluster(work) as cluster:
        results = measure(cluster, work, arguments)
    if results is None:
        return 1
    print_table(results)
    save_results("room", results)
    return 0


def measure(cluster: LocalCluster, work: Path, arguments: argparse.Namespace) -> dict | None:
    """Every figure, on the room's store ``cluster`` and in ``work``; None when one could not be measured (said on
    stderr)."""
    from console.relay.service import RelayService

    url = cluster.url
    folder = work / "config"
    folder.mkdir()
    network_port = free_port()
    write_config(folder, network_port, extra_cameras=0)
    config = load_camera_config(folder, {})
    network = simulated_network(config, clip_seconds=10)
    results: dict = {}
    service = None
    feeders: list[LiveClockFeeder] = []
    try:
        print("Desk to desk on the room's store\u2026", file=sys.stderr)
        results["desk_to_desk"] = desk_to_desk(url, work / "desks", arguments.rounds)
        print("The stores\u2026", file=sys.stderr)
        store_url = cluster.create_database("bench_store")  # an empty log, as the SQLite file beside it
        results["store_postgresql"] = store_figures(store_url, work / "pg-store", arguments.entries,
                                                    arguments.rounds * 5)  # fmt: skip
        results["store_sqlite"] = store_figures(None, work / "sqlite-store", arguments.entries, arguments.rounds * 5)
        print(f"Starting {len(network.cameras)} simulated cameras and the relay\u2026", file=sys.stderr)
        network.start()
        feeders = feed_the_clock(network, CLOCK_CAMERA)
        secret = secrets.token_urlsafe(18)  # the bench pulls as a service of its own (a throwaway secret)
        relay = Relay("127.0.0.1", free_port(), "127.0.0.1", 10.0, dict(WHEN_DOWN), secret, "bench",
                      (Puller("bench", secret, is_desk=False),))  # fmt: skip
        service = RelayService(config, relay, work, None)
        service.start()
        results["relay_latency"] = relay_latency(config.camera(CLOCK_CAMERA).stream_url("sub") or "",
                                                 relay.url(CLOCK_CAMERA, "sub"), arguments.seconds)  # fmt: skip
        for feeder in feeders:
            feeder.stop()
        feeders = []
        others = [camera.id for camera in config.cameras if camera.id != CLOCK_CAMERA][:RELAYED_STREAMS]
        results["relay_cpu"] = relay_cpu(service, network_port, others, arguments.seconds)
        results["upstream_1_desk"] = upstream(service, network_port, others[0], 1, arguments.seconds)
        results["upstream_4_desks"] = upstream(service, network_port, others[1], 4, arguments.seconds)
    except (RuntimeError, TimeoutError, subprocess.TimeoutExpired, StopIteration) as error:
        print(f"a figure could not be measured: {error!r}", file=sys.stderr)
        return None
    finally:
        for feeder in feeders:
            feeder.stop()
        if service is not None:
            service.stop()
        network.stop()
    return results


def print_table(results: dict) -> None:
    print("\nUitkijk room benchmark (PostgreSQL, relay and desks on this machine, loopback)")
    print(f"{'figure':58} {'Uitkijk':>10} {'raw limit':>10}  target")
    for action, row in results["desk_to_desk"].items():
        label = f"desk A -> desk B, {action}, median / p95 (ms)"
        print(f"{label:58} {row['median_ms']:>10.0f} {row['p95_ms']:>10.0f}  < 300")
    pg, lite = results["store_postgresql"], results["store_sqlite"]
    rows = [
        ("audit entries/s, PostgreSQL (SQLite)", pg["audit_entries_per_s"], lite["audit_entries_per_s"], ".0f"),
        ("an entry durable, median ms, PostgreSQL (SQLite)", pg["audit_entry_durable_ms"]["median_ms"],
         lite["audit_entry_durable_ms"]["median_ms"], ".1f"),
        ("lease request (compare-and-set), median ms, PG (SQLite)", pg["lease_request_ms"]["median_ms"],
         lite["lease_request_ms"]["median_ms"], ".2f"),
        ("glass-to-glass (FFmpeg decode), relay (direct), median ms",
         results["relay_latency"]["relayed"]["median_ms"], results["relay_latency"]["direct"]["median_ms"], ".0f"),
        ("glass-to-glass, relay (direct), p95 ms", results["relay_latency"]["relayed"]["p95_ms"],
         results["relay_latency"]["direct"]["p95_ms"], ".0f"),
        ("CPU per stream, % of a core: relay (ffmpeg -c copy)",
         results["relay_cpu"]["relay_percent_of_a_core_per_stream"],
         results["relay_cpu"]["ffmpeg_copy_percent_of_a_core_per_stream"], ".2f"),
    ]  # fmt: skip
    for key in ("upstream_1_desk", "upstream_4_desks"):
        row = results[key]
        desks = row["desks"]
        rows.append((f"upstream connections, {desks} desk(s): relay (direct)", row["relay_upstream_connections"],
                     row["direct_upstream_connections"], ".0f"))  # fmt: skip
        rows.append((f"upstream kB/s per camera, {desks} desk(s): relay (direct)", row["relay_bytes_in_per_s"] / 1000,
                     row["direct_bytes_in_per_s"] / 1000, ".1f"))  # fmt: skip
    for label, ours, limit, style in rows:
        print(f"{label:58} {ours:>10{style}} {limit:>10{style}}")
    print()


if __name__ == "__main__":
    sys.exit(main())
