"""Tampering with the audit log as someone with write access to the database or the data folder (not the key).

Each scenario starts from a copy of one data folder whose log holds five intakes (a real SQLite file, the
real command line), tampers with it, then runs two more intakes and ``audit verify``, as a desk goes on
working. Figures: scenarios found by verify (exit 1, one line), intakes written over a tampered log (must be
0 where entries were removed or a file beside the key was damaged), and commands that crashed (a traceback,
an exit code other than 0 or 1, or a hang). The one scenario the README names as beyond reach (the database,
the head *and* the witness cut back together) is run too and reported apart: it must not be found, or the
README is wrong.

Exits non-zero when a figure could not be measured (a scenario whose set-up failed). Run:
.venv/bin/python -m bench.tamper
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.hostile import run_measured
from bench.run import save_results
from console.store import FILE_NAME

KEY, HEAD, WITNESS = "audit.key", "audit.key.head", "audit.key.witness"
# A change inside the chain does not stop a desk (it checks what follows its head, not the whole log at every
# entry); verify names it. Every other scenario must leave the log as the tampering left it.
WRITES_ON = {"an entry in the middle deleted", "an entry's user changed", "an entry's reason changed",
             "two entries swapped"}  # fmt: skip


def intake(data: Path, number: int) -> dict:
    return run_measured([sys.executable, "main.py", "intake", "call", "--type", "fight", "--address",
                         f"Grote Markt {number}", "--description", "x", "--data", str(data)])  # fmt: skip


def sql(data: Path, *statements: str) -> None:
    connection = sqlite3.connect(data / FILE_NAME)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def rewrite(path: Path, content: bytes | None) -> None:
    """Replace a file beside the key (None: remove it), keeping the console's own modes (no warning)."""
    if path.is_dir():
        path.rmdir()
    elif path.exists() or path.is_symlink():
        path.unlink()
    if content is not None:
        path.write_bytes(content)
        path.chmod(0o600)


def _folder(path: Path) -> None:
    rewrite(path, None)
    path.mkdir(mode=0o700)


def _fifo(path: Path) -> None:
    rewrite(path, None)
    os.mkfifo(path, 0o600)


def _swap(data: Path) -> None:
    sql(data, "UPDATE audit_log SET seq = -1 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = -1")  # fmt: skip


def _forged_entry(data: Path) -> None:
    connection = sqlite3.connect(data / FILE_NAME)
    row = list(connection.execute("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone())
    connection.close()
    row[0], row[-2], row[-1] = row[0] + 1, row[-1], "ab" * 32
    marks = ", ".join("?" * len(row))
    connection = sqlite3.connect(data / FILE_NAME)
    with connection:
        connection.execute(f"INSERT INTO audit_log VALUES ({marks})", row)
    connection.close()


def _head_set_back(data: Path, older: Path) -> None:
    sql(data, "DELETE FROM audit_log WHERE seq >= 4")
    rewrite(data / HEAD, (older / HEAD).read_bytes())


def _all_set_back(data: Path, older: Path) -> None:
    """The README's limit: the database, the head and the witness cut back together to an older state."""
    sql(data, "DELETE FROM audit_log WHERE seq >= 4")
    rewrite(data / HEAD, (older / HEAD).read_bytes())
    rewrite(data / WITNESS, (older / WITNESS).read_bytes())


def _written_over(data: Path, work: Path) -> None:
    """A desk with the key but no head of its own (new to the room) writes over a cut: the old desk must find it."""
    sql(data, "DELETE FROM audit_log WHERE seq >= 4")
    stranger = work / "stranger"
    stranger.mkdir(mode=0o700)
    shutil.copy2(data / KEY, stranger / KEY)
    shutil.copy2(data / FILE_NAME, stranger / FILE_NAME)
    for number in range(3):
        intake(stranger, 100 + number)
    shutil.copy2(stranger / FILE_NAME, data / FILE_NAME)


def scenarios(older: Path, work: Path) -> dict[str, Callable[[Path], None]]:
    witness_line = lambda data: (data / WITNESS).read_bytes().splitlines(keepends=True)[-1]  # noqa: E731
    return {
        "newest entries deleted": lambda data: sql(data, "DELETE FROM audit_log WHERE seq >= 4"),
        "every entry deleted": lambda data: sql(data, "DELETE FROM audit_log"),
        "an entry in the middle deleted": lambda data: sql(data, "DELETE FROM audit_log WHERE seq = 3"),
        "an entry's user changed": lambda data: sql(data, "UPDATE audit_log SET \"user\" = 'x' WHERE seq = 2"),
        "an entry's reason changed": lambda data: sql(data, "UPDATE audit_log SET reason = '{}' WHERE seq = 4"),
        "two entries swapped": _swap,
        "an entry forged at the end": _forged_entry,
        "a cut written over by another desk": lambda data: _written_over(data, work),
        "head removed": lambda data: rewrite(data / HEAD, None),
        "head forged": lambda data: rewrite(data / HEAD, b"5 " + b"ab" * 32 + b" " + b"cd" * 32 + b"\n"),
        "head set back, entries cut": lambda data: _head_set_back(data, older),
        "head not text": lambda data: rewrite(data / HEAD, b"\xff\xfe\n"),
        "head a folder": lambda data: _folder(data / HEAD),
        "witness removed": lambda data: rewrite(data / WITNESS, None),
        "witness line forged": lambda data: rewrite(
            data / WITNESS, (data / WITNESS).read_bytes() + witness_line(data).replace(b" 5 ", b" 9 ")
        ),  # fmt: skip
        "witness not text": lambda data: rewrite(data / WITNESS, (data / WITNESS).read_bytes() + b"\xff\n"),
        "witness a folder": lambda data: _folder(data / WITNESS),
        "witness a named pipe": lambda data: _fifo(data / WITNESS),
    }


def crashed(result: dict) -> bool:
    return "Traceback" in result["stderr"] or result["code"] not in (0, 1) or result["timed_out"]


def run() -> dict:
    work = Path(tempfile.mkdtemp(prefix="uitkijk-tamper-"))
    base, older = work / "base", work / "older"
    base.mkdir(mode=0o700)
    for number in range(3):
        if intake(base, number)["code"] != 0:
            raise RuntimeError("the set-up's intake failed")
    shutil.copytree(base, older)  # an authentic older state: its head and witness, three entries
    for number in range(3, 5):
        if intake(base, number)["code"] != 0:
            raise RuntimeError("the set-up's intake failed")
    found, crashes, written_over, limit_found = [], [], [], None
    started = time.monotonic()
    for name, tamper in [*scenarios(older, work).items(), ("README's limit: all three set back", None)]:
        data = work / f"case-{len(found) + len(crashes) + len(written_over)}-{abs(hash(name)) % 10**6}"
        shutil.copytree(base, data)
        if tamper is None:
            _all_set_back(data, older)
        else:
            tamper(data)
        count_before = _count(data)
        intakes = [intake(data, 10 + number) for number in range(2)]
        verify = run_measured([sys.executable, "main.py", "audit", "verify", "--data", str(data)])
        results = [*intakes, verify]
        lines = [line for line in verify["stderr"].splitlines() if line.strip()]
        is_found = verify["code"] == 1 and len(lines) == 1
        if tamper is None:
            limit_found = is_found
            continue
        if any(crashed(result) for result in results):
            crashes.append(name)
        if is_found:
            found.append(name)
        if name not in WRITES_ON and _count(data) != count_before:
            written_over.append(name)
        shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    tried = len(scenarios(older, work))
    return {"tried": tried, "found": len(found), "not_found": sorted(set(scenarios(older, work)) - set(found)),
            "crashed": crashes, "written_over_a_finding": written_over, "readme_limit_found": limit_found,
            "seconds": time.monotonic() - started}  # fmt: skip


def _count(data: Path) -> int:
    try:
        connection = sqlite3.connect(data / FILE_NAME)
        count = connection.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
        connection.close()
        return int(count)
    except sqlite3.Error:
        return -1


def main() -> int:
    results = run()
    print("\nUitkijk audit log under tampering (real SQLite file, real command line)")
    print(f"{'figure':58} {'value':>10}  target")
    print(f"{'tampering scenarios tried':58} {results['tried']:>10}")
    print(f"{'  found by audit verify (exit 1, one line)':58} {results['found']:>10}  {results['tried']}")
    print(f"{'  commands that crashed or hung':58} {len(results['crashed']):>10}  0")
    print(f"{'  entries written over a removal or a damaged file':58} {len(results['written_over_a_finding']):>10}  0")
    print(f"{'  the README limit (all three set back) found':58} {str(results['readme_limit_found']):>10}  False")
    for name in results["not_found"] + results["crashed"] + results["written_over_a_finding"]:
        print(f"  ! {name}")
    print()
    save_results("tamper", results)
    return 0 if results["tried"] and results["readme_limit_found"] is not None else 1


if __name__ == "__main__":
    sys.exit(main())
