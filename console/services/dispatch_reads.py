"""What a desk reads of the dispatch records: the board when it changed, a hit's images (a worker's calls)."""

from __future__ import annotations

from collections.abc import Sequence

from console.dispatch.service import Board, read_board
from console.store import dispatch as rows
from console.store.backend import Database


class DispatchReader:
    def __init__(self, database: Database, known_units: Sequence[str] = ()) -> None:
        self.database = database
        self.known_units = tuple(known_units)

    def board_if_changed(self, last_revision: int) -> Board | None:
        """The whole board in one reading, or None while the dispatch revision has not moved (one integer read)."""
        with self.database.read() as transaction:
            if rows.revision(transaction) == last_revision:
                return None
            return read_board(transaction, known_units=self.known_units)

    @property
    def has_change_notices(self) -> bool:
        return self.database.has_change_notices

    def wait_for_change(self, timeout_s: float) -> bool:
        """A worker's call: True as soon as any desk committed a change (a room's store), else after the wait."""
        return self.database.wait_for_change(timeout_s)

    def board(self, is_open_only: bool = False) -> Board:
        with self.database.read() as transaction:
            return read_board(transaction, is_open_only=is_open_only, known_units=self.known_units)

    def hit_images(self, hit_id: int) -> tuple[bytes | None, bytes | None]:
        with self.database.read() as transaction:
            return rows.hit_images(transaction, hit_id)
