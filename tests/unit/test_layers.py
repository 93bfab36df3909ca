"""The layering of DESIGN.md, checked on the source: domain code is Qt-free, arrows point down."""

import ast
from pathlib import Path

import pytest

from console.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "console"
SERVICES_MAY_USE = {"config", "video", "wall", "onvif", "ptz", "tours", "store", "paths", "access", "audit", "dispatch",
                    "relay", "geo", "alarms", "detectors"}  # fmt: skip
# Each package may import only the packages listed (besides itself and the standard library).
ALLOWED = {
    "config": set(),
    "wall": set(),
    "ptz": set(),
    "store": {"config"},  # the masking helper: no password in a message about the store
    "access": {"config"},
    "audit": {"config", "store"},  # the log is written through the store's connection (DESIGN: domain -> store)
    "tours": {"config", "wall"},
    "dispatch": {"config", "store", "audit"},
    "video": {"config", "store"},  # playback reads the recordings' index (DESIGN: domain -> store), never SQL
    "geo": {"config"},
    "onvif": {"config"},
    "sim": {"config", "alarms"},  # the simulator crosses a camera's first motion zone of alarms.yaml
    # the relay re-serves what the directory says, reports to the store, and asks the permission table who watches
    "relay": {"config", "onvif", "store", "access"},
    # the recorder pulls with a desk's reader options and indexes its segments in the store
    "recorder": {"config", "store", "video"},
    # alarms: the rules of the room's queue and alarms.yaml; detectors: OpenCV on decoded pictures, Qt-free
    "alarms": {"config", "store"},
    "detectors": {"config", "alarms", "video"},
    # the events service: a room's one intake (camera subscriptions, detector processes), writing the queue
    "event_intake": {
        "config",
        "store",
        "alarms",
        "onvif",
        "detectors",
        "video",
        "audit",
        "access",
        "services",
        "relay",
        "recorder",
    },
    "services": SERVICES_MAY_USE,
    "ui": SERVICES_MAY_USE | {"services"},
}
# The one listener mechanism, the words for users, the wire to a child process and the start-up's clock (the steps
# of a desk's start as the UI and the decoding process take them): below every layer.
EVERYONES = {"events", "wording", "child_process", "startup"}
SQL_DRIVERS = ("sqlite3", "psycopg", "psycopg_pool")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_lower_layers(package):
    for path in (PACKAGE / package).rglob("*.py"):
        for name in imported_modules(path):
            if package != "ui":
                assert not name.startswith("PySide6"), f"{path.name} is domain code but imports {name}"
            if name.startswith("console."):
                target = name.split(".")[1]
                is_everyones = target in EVERYONES
                assert target == package or is_everyones or target in ALLOWED[package], f"{path.name} imports {name}"


def test_only_the_store_speaks_sql():
    """No SQL driver outside console/store: a PostgreSQL backend is one more module there, nowhere else."""
    for path in PACKAGE.rglob("*.py"):
        if path.is_relative_to(PACKAGE / "store"):
            continue
        drivers = {name for name in imported_modules(path) if name.split(".")[0] in SQL_DRIVERS}
        assert not drivers, f"{path.relative_to(PACKAGE)} imports {drivers}"


def test_nothing_imports_the_widgets():
    for path in PACKAGE.rglob("*.py"):
        if path.is_relative_to(PACKAGE / "ui") or path.name in {"cli.py", "__main__.py"}:
            continue
        assert not any(name.startswith("console.ui") for name in imported_modules(path)), path.name
