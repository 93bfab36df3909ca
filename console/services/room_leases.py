"""The room's PTZ leases as one desk sees them: asked on a worker, mirrored for the GUI thread.

The lease board (``ptz/lease.py``) decides; :class:`StoreLeases` gives it the store's
``ptz_leases`` table, so every desk of a room asks the same rows and one holder per camera
holds across PCs. The GUI thread may not run SQL, so :class:`RoomLeases` asks the board on
a worker of its own and keeps a mirror of the table that the GUI reads: every answer, every
reading after a change notice (another desk took a camera) or a periodic look, is compared
with the mirror and each difference said once, in the board's words (``describe_change``).
A desk that held a camera someone else now holds learns it from that difference.
"""

from __future__ import annotations

import concurrent.futures
import logging
import time
from collections.abc import Callable

from console.events import Event
from console.ptz.lease import Decision, Holder, Lease, LeaseBoard, Outcome, Priority, describe_change, outcome_for
from console.store import Database, leases
from console.wording import QT_TRANSLATE_NOOP, Worded

LOGGER = logging.getLogger("uitkijk.ptz")
TOUCH_EVERY_S = 2.0  # input under a lease renews it in the store at most this often (the lease lasts 30 s)
Post = Callable[[Callable[[], None]], None]


def _record(camera_id: str, lease: Lease) -> leases.LeaseRecord:
    holder = lease.holder
    return leases.LeaseRecord(camera_id, holder.user, holder.display_name, holder.workstation, int(holder.priority),
                              lease.since_s, lease.last_input_s, lease.idle_timeout_s, holder.role,
                              holder.tour)  # fmt: skip


def _lease(record: leases.LeaseRecord) -> Lease:
    holder = Holder(record.user, record.display_name, record.workstation, Priority(record.priority), record.role,
                    record.tour)  # fmt: skip
    return Lease(record.camera, holder, record.since_s, record.last_input_s, record.idle_timeout_s)


class StoreLeases:
    """A :class:`console.ptz.lease.LeaseStore` on the store's table: shared by every desk on that store."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self, camera_id: str) -> Lease | None:
        with self.database.read() as transaction:
            record = leases.read_one(transaction, camera_id)
        return _lease(record) if record else None

    def compare_and_set(self, camera_id: str, expected: Lease | None, new: Lease | None) -> bool:
        with self.database.write() as transaction:
            return leases.compare_and_set(transaction, camera_id,
                                          _record(camera_id, expected) if expected is not None else None,
                                          _record(camera_id, new) if new is not None else None)  # fmt: skip

    def all(self) -> list[Lease]:
        with self.database.read() as transaction:
            return [_lease(record) for record in leases.read_all(transaction)]


def room_board(database: Database) -> LeaseBoard:
    """The board of a desk on ``database``: the room's rows and the wall clock every PC shares."""
    return LeaseBoard(StoreLeases(database), clock=time.time)


def _inline(function: Callable[[], None]) -> None:
    function()


class RoomLeases:
    """Ask, renew and give back leases off the GUI thread; read them from a mirror on it.

    With ``post`` (the GUI thread's poster) the board is asked on a worker and the answers
    come back through ``post``; without it everything runs at once on the caller's thread
    (an in-memory board in a test rig or a benchmark).
    """

    def __init__(self, board: LeaseBoard, post: Post | None = None) -> None:
        self.board = board
        self._post = post or _inline
        self._worker = (concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="ptz-leases")
                        if post is not None else None)  # fmt: skip
        self.changed: Event[[str, Lease | None, Worded]] = Event("leases.changed", LOGGER)  # camera, lease now, why
        self.problem: Event[[str, Worded]] = Event("leases.problem", LOGGER)  # camera ("" for all), what went wrong
        self._mirror: dict[str, Lease] = {}
        self._touch_pending: set[str] = set()
        self._is_reading = False
        self._is_read_again = False

    # -- what the GUI reads -----------------------------------------------------------------------
    def current(self, camera_id: str) -> Lease | None:
        lease = self._mirror.get(camera_id)
        return None if lease is None or lease.is_expired(self.board.clock()) else lease

    def all(self) -> list[Lease]:
        now = self.board.clock()
        return [lease for lease in self._mirror.values() if not lease.is_expired(now)]

    def preview(self, camera_id: str, holder: Holder) -> Outcome:
        """What a request would decide on what this desk last read (the store decides again)."""
        return outcome_for(self.current(camera_id), holder)

    # -- what goes to the store -------------------------------------------------------------------
    def request(self, camera_id: str, holder: Holder,
                then: Callable[[Decision], None] | None = None) -> Decision | None:  # fmt: skip
        """Ask for control; the decision goes to ``then`` (and is returned when asked inline)."""
        decided: list[Decision] = []

        def ask() -> Callable[[], None]:
            decision = self.board.request(camera_id, holder)
            decided.append(decision)
            return lambda: then(decision) if then is not None else None

        self._run(ask, camera_id)
        return decided[0] if decided and self._worker is None else None

    def touch(self, camera_id: str, holder: Holder) -> bool:
        """Input from the holder: True if the lease is this desk's; renewed in the store every few seconds."""
        lease = self.current(camera_id)
        if lease is None or not lease.holder.same_person(holder):
            return False
        if self.board.clock() - lease.last_input_s >= TOUCH_EVERY_S and camera_id not in self._touch_pending:
            self._touch_pending.add(camera_id)

            def renew() -> Callable[[], None]:
                self.board.touch(camera_id, holder)
                return lambda: self._touch_pending.discard(camera_id)

            self._run(renew, camera_id)
        return True

    def release(self, camera_id: str, holder: Holder) -> None:
        self._run(lambda: self.board.release(camera_id, holder), camera_id)

    def release_all(self, holder: Holder) -> None:
        """Give back every lease of ``holder`` (the desk closes)."""
        self._run(lambda: self.board.release_all(holder), "")

    def release_as(self, camera_id: str, holder: Holder) -> None:
        """Give back ``holder``'s lease (a tour's), not a lease of the same desk's operator that replaced it.

        The board gives back any lease of the same person; the check is made on the worker, which
        asks every lease of this desk, so nothing of this desk changes it between the two."""

        def give_back() -> None:
            current = self.board.current(camera_id)
            if current is not None and current.holder == holder:
                self.board.release(camera_id, holder)

        self._run(give_back, camera_id)

    def refresh(self) -> None:
        """Read the room's leases again (a change notice, a periodic look), ending those past their time."""
        if self._is_reading:
            self._is_read_again = True
            return
        self._is_reading = True

        def read() -> Callable[[], None]:
            self.board.expire()
            return self._read_done

        self._run(read, "")

    def _read_done(self) -> None:
        self._is_reading = False
        if self._is_read_again:
            self._is_read_again = False
            self.refresh()

    def shutdown(self, holder: Holder, timeout_s: float = 3.0) -> None:
        """Give back every lease of ``holder`` (the desk closes), waiting at most ``timeout_s`` for the store."""
        if self._worker is None:
            self.board.release_all(holder)
            return
        future = self._worker.submit(self.board.release_all, holder)
        try:
            future.result(timeout_s)
        except Exception as error:  # noqa: BLE001 - the store is away: the leases expire by themselves
            LOGGER.warning("the PTZ leases could not be given back (they expire by themselves): %s", error)
        self._worker.shutdown(wait=False, cancel_futures=True)

    # -- the worker and the mirror ----------------------------------------------------------------
    def _run(self, work: Callable[[], Callable[[], None] | None], camera_id: str) -> None:
        """``work`` on the worker, then the room's leases read and the differences said on the GUI thread."""

        def job() -> None:
            follow_up: Callable[[], None] | None = None
            try:
                follow_up = work()
                snapshot = {lease.camera_id: lease for lease in self.board.store.all()}
            except Exception as error:  # noqa: BLE001 - the store is away: said on the desk, the mirror kept
                message = Worded(
                    QT_TRANSLATE_NOOP("Domain", "PTZ control cannot reach the store: {error}"), error=error
                )
                LOGGER.warning("%s", message)
                self._post(lambda: self._failed(camera_id, message))
                return
            self._post(lambda: self._apply(snapshot, follow_up))

        if self._worker is None:
            job()
        else:
            try:
                self._worker.submit(job)
            except RuntimeError:  # the desk is closing
                pass

    def _failed(self, camera_id: str, message: Worded) -> None:
        self._is_reading = False
        self._touch_pending.discard(camera_id)
        self.problem.emit(camera_id, message)

    def _apply(self, snapshot: dict[str, Lease], follow_up: Callable[[], None] | None) -> None:
        """The room as read now against the mirror: each difference said once, in the board's words."""
        before, self._mirror = self._mirror, snapshot
        now = self.board.clock()
        for camera_id in sorted(before.keys() | snapshot.keys()):
            old, new = before.get(camera_id), snapshot.get(camera_id)
            if old is not None and new is not None and old.holder == new.holder and old.since_s == new.since_s:
                continue  # renewed by input: not a change anyone needs to hear about
            if old is None and new is None:
                continue
            self.changed.emit(camera_id, new, describe_change(old, new, now))
        if follow_up is not None:
            follow_up()
