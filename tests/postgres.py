"""A real, temporary PostgreSQL cluster for the tests: Debian's server, started in a folder of its own.

As root the server runs as the ``postgres`` user (it refuses to run as root); it listens only
on a Unix socket in its folder and trusts local connections, and it is stopped and removed
afterwards. No server on this machine: the tests that need one fail with what is missing.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from console.store.cluster import LocalCluster


@contextmanager
def temporary_cluster() -> Iterator[str]:
    """Yields a postgresql:// URL of a fresh database on a fresh cluster, removed afterwards."""
    cluster = LocalCluster(Path(tempfile.mkdtemp(prefix="uitkijk-cluster-")))
    try:
        yield cluster.start()
    finally:
        cluster.remove()


_counter = iter(range(1, 1_000_000))


def fresh_database(cluster_url: str) -> str:
    """A new, empty database on the cluster: each test gets its own."""
    import psycopg

    name = f"test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(cluster_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return cluster_url.replace("/uitkijk?", f"/{name}?")


def drop_database(cluster_url: str, url: str) -> None:
    """A test's database gone once it is done, when nothing holds it any more: a cluster of every test's database
    (hundreds, ~300 files each) took over the 120 s a test may take to remove at the end of a loaded run."""
    import psycopg

    name = url.split("?")[0].rsplit("/", 1)[1]
    with psycopg.connect(cluster_url, autocommit=True) as connection, contextlib.suppress(psycopg.errors.ObjectInUse):
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')  # still in use (a store left open): kept
