"""What the room's benchmarks share: a PostgreSQL cluster of their own, and a room killed round after round.

``bench.room`` and ``bench.room_scale`` start a cluster and make their databases on it; ``bench.relay_failover`` and
``bench.recorder_failover`` start a cluster, simulated cameras and a room of two relays or two recorders, and kill one
of the two each round (``kill_rounds``).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TypeVar

from bench.cameras import simulated_network, write_cameras
from console.config.loader import load_camera_config
from console.sim.network import free_port
from console.store.cluster import LocalCluster


@contextmanager
def started_cluster(work: Path) -> Iterator[LocalCluster]:
    """A PostgreSQL cluster in ``work``, started; stopped and removed afterwards, whatever happened."""
    cluster = LocalCluster(work / "postgresql")
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def wait_for(condition: Callable[[], object], timeout_s: float, what: str) -> None:
    """Poll ``condition`` until it holds; TimeoutError(``what``) after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.1)


class KilledRoom(Protocol):
    def logs(self) -> str: ...

    def close(self) -> None: ...


Room = TypeVar("Room", bound=KilledRoom)


def kill_rounds(what: str, parts: str, cameras: int, rounds: int, make: Callable[[str, Path, Path, list[str]], Room],
                begin: Callable[[Room], Callable[[list[str]], dict]],
                errors: tuple[type[BaseException], ...]) -> list[dict] | None:  # fmt: skip
    """``rounds`` rounds, each a SIGKILL of a ``what`` and its figures, on a room of ``parts`` with ``cameras``
    simulated cameras and a cluster of its own: ``make`` makes the room (of the store's URL, its folder, the cameras'
    configuration folder and their ids), ``begin`` starts it and gives its round (of the camera ids). Everything is
    stopped and removed afterwards. None when a round could not be measured (``errors``), said on stderr with the
    end of the room's logs."""
    work = Path(tempfile.mkdtemp(prefix=f"uitkijk-bench-{what}-failover-"))
    measured: list[dict] = []
    room: Room | None = None
    try:
        with started_cluster(work) as cluster:
            source = work / "source-config"
            source.mkdir()
            ids = [f"cam-{index:02d}" for index in range(1, cameras + 1)]
            write_cameras(source, free_port(), ids)
            network = simulated_network(load_camera_config(source, {}), clip_seconds=10)
            try:
                print(f"Starting {len(ids)} simulated cameras, {parts}\u2026", file=sys.stderr)
                network.start()
                room = make(cluster.url, work / "room", source, ids)
                one_round = begin(room)
                for number in range(rounds):
                    print(f"Round {number + 1}: SIGKILL of a {what}\u2026", file=sys.stderr)
                    measured.append(one_round(ids))
            except errors as error:
                print(f"{what} failover not measured: {error!r}", file=sys.stderr)
                if room is not None:
                    print(room.logs()[-3000:], file=sys.stderr)
                return None
            finally:
                if room is not None:
                    room.close()
                network.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return measured
