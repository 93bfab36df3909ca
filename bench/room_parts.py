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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

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


@dataclass
class ChiefAndOperator:
    """Operator A acting through an audit writer of its own, and the team chief's board following the room's notices
    on another store: where A's view reaches the chief's screen model (the notice latency of ``bench.room`` and of
    ``bench.room_scale``'s chief)."""

    operator: Any  # console.services.accountability.Accountability (A's rules, acting at once)
    writer_a: Any  # console.audit.writer.AuditWriter
    notices: Any  # console.ui.notices.ChangeNotices, not started
    board: Any  # console.ui.board.BoardWindow, following the notices


@contextmanager
def chief_and_operator(log_a: Any, log_b: Any, reason: Any) -> Iterator[ChiefAndOperator]:
    """Operator A (An Peeters at ws-02) logging to ``log_a``, the team chief (Tom Claes at ws-09) and the board on
    ``log_b``, both signed in with ``reason``; stopped and signed off afterwards (their stores stay open)."""
    from console.access.permissions import Role
    from console.access.session import Session
    from console.access.users import User
    from console.audit.writer import AuditWriter
    from console.services.accountability import Accountability as Rules
    from console.services.supervision import Supervision
    from console.ui.accountability import Accountability
    from console.ui.board import BoardWindow
    from console.ui.notices import ChangeNotices

    writer_a, writer_b = AuditWriter(log_a), AuditWriter(log_b)
    operator = Rules(writer_a, Session(User("an.peeters", "An Peeters", Role.OPERATOR, "-"), "ws-02", reason=reason),
                     post=lambda function: function())  # fmt: skip
    operator.open()
    chief = Accountability(writer_b, Session(User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, "-"), "ws-09",
                                             reason=reason))  # fmt: skip
    chief.open()
    notices = ChangeNotices(log_b.database.wait_for_change, "room-notices")
    board = BoardWindow(chief, Supervision(log_b.database, log_b), {})
    board.follow(notices)
    try:
        yield ChiefAndOperator(operator, writer_a, notices, board)
    finally:
        notices.stop()
        board.shutdown()
        operator.close()
        chief.close()
        writer_a.close()
        writer_b.close()
