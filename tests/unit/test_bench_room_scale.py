"""The room-scale benchmark's measuring parts: what it reads from /proc and ss, the walls it gives the desks, its fits,
and that ``make bench`` runs it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bench.room_scale import (
    CLOCK_TICKS_PER_S,
    Part,
    Snapshot,
    desk_cameras,
    fit,
    parse_schedstat,
    parse_smaps_rollup,
    parse_ss,
    parse_stat,
    part_figures,
    processes,
    run_queue_wait_s,
    tree,
    with_name,
)
from console.paths import REPO_ROOT


def test_make_bench_runs_the_room_scale_benchmark():
    target = REPO_ROOT.joinpath("Makefile").read_text().split("\nbench:", 1)[1].split("\n\n", 1)[0]
    assert "-m bench.room_scale" in target


def test_a_process_name_with_spaces_and_brackets_does_not_shift_the_fields():
    ticks = CLOCK_TICKS_PER_S
    text = f"4242 (Qt bench) (x)) S 17 4242 4242 0 -1 4194560 1 0 0 0 {3 * ticks} {ticks} 0 0 20 0 9 0 1 2 3"
    assert parse_stat(text) == (17, 4.0)


def test_this_process_is_read_from_proc_as_ps_sees_it():
    table = processes()
    parent, cpu_s = table[os.getpid()]
    assert parent == os.getppid()
    assert cpu_s > 0
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        assert child.pid in tree([os.getpid()], processes())  # what a part started counts as the part
    finally:
        child.communicate(b"")


def test_smaps_rollup_gives_rss_and_pss():
    text = "55d0a000-7ffd1000 ---p 00000000 00:00 0 [rollup]\nRss:  120560 kB\nPss:   80200 kB\nPss_Anon: 1 kB\n"
    assert parse_smaps_rollup(text) == (120560, 80200)
    own = open(f"/proc/{os.getpid()}/smaps_rollup").read()
    rss_kb, pss_kb = parse_smaps_rollup(own)
    assert 0 < pss_kb <= rss_kb


def test_ss_gives_each_sockets_owner_and_bytes():
    text = (
        'ESTAB 0      0      127.0.0.1:60431 127.0.0.1:45796 users:(("python3",pid=9203,fd=298))\n'
        "\t bbr wscale:10,10 rto:204 bytes_sent:358348 bytes_retrans:54784 bytes_acked:303564 bytes_received:485 "
        "segs_out:271\n"
        'ESTAB 0      0      127.0.0.1:45784 127.0.0.1:60431 users:(("gst (relay)",pid=9613,fd=3))\n'
        "\t cubic bytes_sent:481 bytes_acked:482 bytes_received:310030 segs_out:290\n"
        "LISTEN 0 128 127.0.0.1:5432 0.0.0.0:*\n"
    )
    assert parse_ss(text) == {
        ("127.0.0.1:60431", "127.0.0.1:45796"): (9203, 485, 303564),
        ("127.0.0.1:45784", "127.0.0.1:60431"): (9613, 310030, 482),
    }


def test_a_part_whose_processes_ended_is_not_measured():
    snapshot = Snapshot(0.0, {1: (0, 1.0)}, {})
    later = Snapshot(10.0, {1: (0, 2.0)}, {})
    with pytest.raises(RuntimeError, match="relay: none of its processes runs"):
        part_figures(Part("relay", [999_999_999], 4), snapshot, later, {})


def test_a_part_counts_its_children_and_its_sockets_bytes():
    own = os.getpid()
    first = Snapshot(0.0, {own: (1, 1.0), 77: (own, 0.5)}, {("a:1", "b:2"): (77, 1000, 0)})
    last = Snapshot(2.0, {own: (1, 1.5), 77: (own, 1.0), 78: (own, 0.1)},
                    {("a:1", "b:2"): (77, 5000, 0), ("a:3", "b:4"): (78, 0, 2000)})  # fmt: skip
    figures = part_figures(
        Part("desk-1", [own], 4, "desk-1"), first, last, {"desk-1": {"connections": 8, "cpu_percent": 1.0}}
    )
    assert figures["processes"] == 3
    assert figures["cpu_percent"] == pytest.approx((0.5 + 0.5 + 0.1) / 2 * 100)
    assert figures["cpu_percent_per_stream"] == pytest.approx(figures["cpu_percent"] / 4)
    assert figures["tcp_in_kbytes_per_s"] == pytest.approx(2.0)  # 4000 bytes in 2 s
    assert figures["tcp_out_kbytes_per_s"] == pytest.approx(1.0)  # a socket opened during the window: all of it
    assert figures["store_connections"] == 8


def test_each_desk_watches_cameras_of_its_own():
    cameras = [f"cam-{number}" for number in range(20)]
    walls = [desk_cameras(desk, 4, cameras) for desk in range(5)]
    assert len({camera for wall in walls for camera in wall}) == 20
    assert desk_cameras(5, 4, cameras) == desk_cameras(0, 4, cameras)  # more tiles than cameras: round again


def test_fixed_and_per_stream_cost():
    assert fit([10, 20, 40], [3.0, 5.0, 9.0]) == {"fixed": pytest.approx(1.0), "per_unit": pytest.approx(0.2)}


def test_each_part_connects_to_the_store_under_its_own_name():
    assert (
        with_name("postgresql://me@/db?host=/tmp/x", "desk-1")
        == "postgresql://me@/db?host=/tmp/x&application_name=desk-1"
    )
    assert with_name("postgresql://me@host/db", "relay") == "postgresql://me@host/db?application_name=relay"


def test_the_wait_for_a_core_is_read_per_thread():
    assert parse_schedstat("297938 338482000 3\n") == pytest.approx(0.338482)
    assert run_queue_wait_s(os.getpid()) >= 0.0
    assert run_queue_wait_s(999_999_999) == 0.0  # a process gone: nothing waited
