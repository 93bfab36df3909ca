"""A real, temporary PostgreSQL cluster for the tests: Debian's server, started in a folder of its own.

As root the server runs as the ``postgres`` user (it refuses to run as root); it listens only
on a Unix socket in its folder and trusts local connections, and it is stopped and removed
afterwards. No server on this machine: the tests that need one fail with what is missing.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEBIAN_BIN = "/usr/lib/postgresql/*/bin"


def server_bin() -> Path:
    found = sorted(glob.glob(DEBIAN_BIN), key=lambda path: int(Path(path).parent.name))
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError("PostgreSQL's server is not installed (Debian: apt-get install postgresql)")
    return Path(initdb).parent


@contextmanager
def temporary_cluster() -> Iterator[str]:
    """Yields a postgresql:// URL of a fresh database on a fresh cluster."""
    binaries = server_bin()
    folder = Path(tempfile.mkdtemp(prefix="uitkijk-pg-"))
    data, socket_dir = folder / "data", folder
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        folder.chmod(0o700)
        as_postgres = ["runuser", "-u", "postgres", "--"]
    user = "postgres" if as_postgres else os.environ.get("USER", "postgres")

    def run(*command: str) -> None:
        subprocess.run([*as_postgres, *command], check=True, capture_output=True, timeout=120)

    run(str(binaries / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "--no-sync", "-E", "UTF8")
    run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60", "-o",
        f"-k {socket_dir} -c listen_addresses='' -c fsync=on -p 5432", "start")  # fmt: skip
    try:
        run(str(binaries / "createdb"), "-h", str(socket_dir), "-U", user, "uitkijk")
        yield f"postgresql://{user}@/uitkijk?host={socket_dir}"
    finally:
        subprocess.run([*as_postgres, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


_counter = iter(range(1, 1_000_000))


def fresh_database(cluster_url: str) -> str:
    """A new, empty database on the cluster: each test gets its own."""
    import psycopg

    name = f"test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(cluster_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return cluster_url.replace("/uitkijk?", f"/{name}?")
