"""Child process of the durability test: logs a burst of actions and carries each out once its entry is durable.

Carrying out = appending "<action number> <entry seq>" to the actions file with an unbuffered write,
which survives the process being killed. Runs until killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from console.audit.log import AuditLog, Record
from console.audit.writer import AuditWriter
from console.store import open_store_file


def main(folder: str, first: int) -> None:
    root = Path(folder)
    log = AuditLog(open_store_file(root / "store.sqlite3"), root / "audit.key")
    writer = AuditWriter(log)
    actions = os.open(root / "actions.txt", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def carry_out(number: int):
        return lambda entry: os.write(actions, f"{number} {entry.seq}\n".encode())

    number = first
    while True:
        reason = {"kind": "administrative police", "category": "virtual patrol", "reference": "burst"}
        record = Record("an.peeters", "operator", "ws-04", "ptz move", f"cam-{number % 7}", {"action": number}, reason)
        writer.submit(record, on_durable=carry_out(number))
        number += 1
        if number % 64 == 0:
            writer.flush(5.0)  # a sustained stream, not an unbounded queue


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
