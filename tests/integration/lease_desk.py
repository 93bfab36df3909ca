"""Child process of the room tests: another desk asking the room's store for a PTZ lease.

``python -m tests.integration.lease_desk URL CAMERA USER NAME WORKSTATION PRIORITY IDLE_S [--hold]`` prints the
decision as one JSON line; with ``--hold`` it keeps touching nothing and waits to be killed, like a desk that
hangs or is killed with its lease in hand.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from console.ptz.lease import Holder, LeaseBoard, Priority
from console.services.room_leases import StoreLeases
from console.store import open_store


def main(url: str, camera: str, user: str, name: str, workstation: str, priority: str, idle_s: str,
         *flags: str) -> None:  # fmt: skip
    database = open_store(Path(tempfile.gettempdir()), url)
    board = LeaseBoard(StoreLeases(database), clock=time.time, idle_timeout_s=float(idle_s))
    decision = board.request(camera, Holder(user, name, workstation, Priority[priority.upper()]))
    print(json.dumps({"outcome": decision.outcome.value, "reason": str(decision.reason())}), flush=True)
    if "--hold" in flags:
        sys.stdin.read()  # until the test kills it
    database.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
