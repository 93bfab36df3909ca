"""A PostgreSQL cluster of the console's own: Debian's server, in a folder, for the room demo and the tests.

A real room runs its PostgreSQL on a server the zone's IT keeps; this starts one in a folder
so that the room demo (several desks on one PC) and the tests need nothing installed by hand
beyond Debian's ``postgresql`` package. As root the server runs as the ``postgres`` user (it
refuses to run as root); it listens only on a Unix socket in a short folder of its own and
trusts local connections.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

DEBIAN_BIN = "/usr/lib/postgresql/*/bin"


class ClusterError(RuntimeError):
    """The cluster could not be made or started (what is missing, or the server's complaint)."""


def server_bin() -> Path:
    found = sorted(glob.glob(DEBIAN_BIN), key=lambda path: int(Path(path).parent.name))
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    if initdb is None:
        raise ClusterError("PostgreSQL's server is not installed (Debian: apt-get install postgresql; make setup does)")
    return Path(initdb).parent


def _reachable_by_others(folder: Path) -> bool:
    """Can another account (the postgres user) reach ``folder``? Every existing parent must let it pass."""
    for parent in [folder, *folder.parents]:
        if parent.exists():
            if not parent.stat().st_mode & 0o001:
                return False
    return True


class LocalCluster:
    """A cluster in ``folder`` (made on the first start, kept after a stop), one database ``uitkijk``."""

    def __init__(self, folder: Path, database: str = "uitkijk") -> None:
        self.binaries = server_bin()
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:
            self._as_postgres = ["runuser", "-u", "postgres", "--"]
            if not _reachable_by_others(folder):  # the data folder is root's alone (0700): the server lives beside
                folder = (
                    Path(tempfile.gettempdir()) / f"uitkijk-cluster-{hashlib.sha256(bytes(folder)).hexdigest()[:12]}"
                )
        self.folder = folder
        self.data = folder / "data"
        self.database = database
        # A socket's path is at most 107 bytes: it lives in a short folder of its own.
        self.socket_dir = Path(tempfile.mkdtemp(prefix="uitkijk-pg-"))
        self.user = "postgres" if self._as_postgres else os.environ.get("USER", "postgres")

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@/{self.database}?host={self.socket_dir}"

    def _run(self, *command: str, timeout_s: float = 120) -> None:
        try:
            subprocess.run([*self._as_postgres, *command], check=True, capture_output=True, text=True,
                           timeout=timeout_s)  # fmt: skip
        except subprocess.CalledProcessError as error:
            raise ClusterError(f"{Path(command[0]).name} failed: {(error.stderr or error.stdout).strip()}") from error

    def _own(self, path: Path) -> None:
        if self._as_postgres:
            shutil.chown(path, "postgres", "postgres")
        path.chmod(0o700)

    def start(self) -> str:
        """Make the cluster if it is new, start it, and give its URL."""
        is_new = not (self.data / "PG_VERSION").exists()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._own(self.folder)
        self._own(self.socket_dir)
        if is_new:
            self._run(str(self.binaries / "initdb"), "-D", str(self.data), "-U", self.user, "--auth=trust", "--no-sync",
                      "-E", "UTF8")  # fmt: skip
        options = f"-k {self.socket_dir} -c listen_addresses='' -c fsync=on -p 5432"
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w",
                  "-t", "60", "-o", options, "start")  # fmt: skip
        if is_new:
            self._run(str(self.binaries / "createdb"), "-h", str(self.socket_dir), "-U", self.user, self.database)
        return self.url

    def create_database(self, name: str) -> str:
        """Another empty database on the running cluster; its URL."""
        self._run(str(self.binaries / "createdb"), "-h", str(self.socket_dir), "-U", self.user, name)
        return f"postgresql://{self.user}@/{name}?host={self.socket_dir}"

    def stop(self, mode: str = "fast") -> None:
        subprocess.run([*self._as_postgres, str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w",
                        "stop"], capture_output=True, timeout=60)  # fmt: skip

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
        shutil.rmtree(self.socket_dir, ignore_errors=True)
