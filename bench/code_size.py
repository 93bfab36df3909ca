"""How much of the console is widgets: lines in ui/ against the whole package, the largest file and function.

Counts non-blank lines of Python under console/ (the simulator included: it ships with the
console). Exits non-zero when nothing could be measured. Run: .venv/bin/python -m bench.code_size
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from bench.run import save_results
from console.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "console"


def code_lines(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def functions(path: Path) -> list[tuple[int, str]]:
    """(lines, qualified name) of every function and method in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (child.end_lineno or child.lineno) - child.lineno + 1
                found.append((length, f"{prefix}{child.name}"))
                visit(child, f"{prefix}{child.name}.")

    visit(tree, "")
    return found


def measure() -> dict:
    files = sorted(PACKAGE.rglob("*.py"))
    sizes = {path.relative_to(REPO_ROOT).as_posix(): code_lines(path) for path in files}
    every_function = [(length, f"{path.relative_to(REPO_ROOT).as_posix()}:{name}")
                      for path in files for length, name in functions(path)]  # fmt: skip
    ui_lines = sum(lines for name, lines in sizes.items() if name.startswith("console/ui/"))
    services_lines = sum(lines for name, lines in sizes.items() if name.startswith("console/services/"))
    largest_file = max(sizes.items(), key=lambda item: item[1])
    largest_function = max(every_function)
    return {
        "package_lines": sum(sizes.values()),
        "ui_lines": ui_lines,
        "services_lines": services_lines,
        "ui_share": ui_lines / sum(sizes.values()),
        "files": len(files),
        "largest_file": {"path": largest_file[0], "lines": largest_file[1]},
        "largest_function": {"name": largest_function[1], "lines": largest_function[0]},
        "largest_ui_files": sorted(((lines, name) for name, lines in sizes.items() if "/ui/" in name), reverse=True)[
            :5
        ],
    }


def main() -> int:
    results = measure()
    if not results["package_lines"] or not results["ui_lines"]:
        print("nothing could be measured", file=sys.stderr)
        return 1
    print("\nUitkijk code size (non-blank lines)")
    print(f"{'the console package':40} {results['package_lines']:>7}")
    print(f"{'  of which ui/ (widgets)':40} {results['ui_lines']:>7}  ({100 * results['ui_share']:.0f} %)")
    print(f"{'  of which services/':40} {results['services_lines']:>7}")
    print(f"{'largest file':40} {results['largest_file']['lines']:>7}  {results['largest_file']['path']}")
    print(f"{'largest function':40} {results['largest_function']['lines']:>7}  {results['largest_function']['name']}")
    save_results("code_size", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
