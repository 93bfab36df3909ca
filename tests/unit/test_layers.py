"""The layering of DESIGN.md, checked on the source: domain code is Qt-free, arrows point down."""

import ast
from pathlib import Path

import pytest

from console.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "console"
# Each package may import only the packages listed (besides itself and the standard library).
ALLOWED = {
    "config": set(),
    "wall": set(),
    "ptz": set(),
    "store": set(),
    "access": {"config"},
    "audit": {"config", "store"},  # the log is written through the store's connection (DESIGN: domain -> store)
    "tours": {"config", "wall"},
    "dispatch": {"config", "store", "audit"},
    "video": {"config"},
    "onvif": {"config"},
    "sim": {"config"},
    "ui": {"config", "video", "wall", "onvif", "ptz", "tours", "store", "paths", "access", "audit", "dispatch"},
}


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
                assert target == package or target in ALLOWED[package], f"{path.name} imports {name}"
