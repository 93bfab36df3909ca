"""A room's PostgreSQL connections at the room's size: a process's readings share a few connections, however many
threads read (a recorder reads on each camera's thread), counted by the server itself; a server that went away and
came back is read again at once."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest

from console.recorder.camera import CAMERA_DOWN, RecorderTiming, RecordingSource
from console.recorder.service import RecorderService
from console.sim.network import free_port
from console.store import StoreUnavailable, open_store
from console.store.cluster import LocalCluster
from console.store.postgresql import READERS_MAX
from tests.integration.conftest import LOADED_MS
from tests.postgres import fresh_database

pytestmark = pytest.mark.integration
WAIT_S = LOADED_MS / 1000  # the bound of a failure on a loaded machine, not a figure
WRITER = 1  # the store's one writing connection


def connections(url: str) -> int:
    """The store's database's connections, as the server counts them (this look's own excluded)."""
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                 "AND pid <> pg_backend_pid()").fetchone()  # fmt: skip
    assert row is not None
    return int(row[0])


def test_threads_that_read_and_end_leave_no_connection_each_at_most_the_pool(qtbot, postgres_url, tmp_path):
    url = fresh_database(postgres_url)
    database = open_store(tmp_path, url)
    try:
        read: list[int] = []

        def reading() -> None:
            with database.read() as transaction:
                read.append(transaction.execute("SELECT 1").fetchone()[0])

        for _ in range(3):  # waves of threads that each read once and end, as a recorder's cameras and a desk's jobs
            threads = [threading.Thread(target=reading, name=f"reader-{index}") for index in range(12)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(WAIT_S)
        assert read == [1] * 36
        assert connections(url) <= WRITER + READERS_MAX
    finally:
        database.close()
    qtbot.waitUntil(lambda: connections(url) == 0, timeout=LOADED_MS)  # every one closed with the store


def test_a_recorder_of_40_cameras_holds_at_most_the_pools_connections(qtbot, postgres_url, tmp_path):
    url = fresh_database(postgres_url)
    database = open_store(tmp_path, url)
    refused = f"rtsp://127.0.0.1:{free_port()}/stream"  # nobody answers: each camera reads, then marks its gap
    cameras = [f"cam-{index:02d}" for index in range(40)]
    sources = {camera: RecordingSource(camera, refused, "main") for camera in cameras}
    service = RecorderService(database, "recorder-1", tmp_path / "archive", sources, lambda camera, detail: None,
                              timing=RecorderTiming(answer_timeout_s=1.0, backoff_s=(30.0,)))  # fmt: skip
    try:
        service.start()
        for camera in cameras:
            service.record(camera)
        recording = list(service._cameras.values())
        qtbot.waitUntil(lambda: all(each.state.gap == CAMERA_DOWN for each in recording), timeout=LOADED_MS)
        assert not any(each._is_gap_unknown for each in recording)  # every camera read its gaps: none starved
        assert connections(url) <= WRITER + READERS_MAX
    finally:
        service.close()
        database.close()


def test_the_first_reading_after_the_servers_return_goes(tmp_path):
    cluster = LocalCluster(tmp_path / "postgresql")
    url = cluster.start()
    database = open_store(tmp_path, url)
    try:
        held = threading.Barrier(3)

        def reading() -> None:  # three readings at once: three connections in the pool, each dead after the stop
            with database.read():
                held.wait(WAIT_S)

        threads = [threading.Thread(target=reading, name=f"reader-{index}") for index in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT_S)

        cluster.stop()
        with pytest.raises(StoreUnavailable):
            with database.read() as transaction:
                transaction.execute("SELECT 1")
        cluster.start()
        with database.read() as transaction:  # the first reading after the return
            assert transaction.execute("SELECT count(*) FROM schema_versions").fetchone()[0] > 0
        with database.write() as transaction:
            transaction.execute("SELECT 1")
    finally:
        database.close()
        cluster.remove()


def test_a_closed_store_refuses_a_reading(postgres_url, tmp_path: Path):
    database = open_store(tmp_path, fresh_database(postgres_url))
    database.close()
    with pytest.raises(StoreUnavailable, match="closed"):
        with database.read():
            pass
