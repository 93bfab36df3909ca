"""The hostile-input corpus for check-config: 200 mutations of cameras_base.yaml, kept as data.

``make`` ran once (python tests/data/mutations.py) and wrote cameras_mutations.json; the tests
read that file and ``apply`` each mutation, so the corpus stays the same whatever the demo
configuration becomes. "REPEAT:c:n" stands for n times c (kept short in the file).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
HOSTILE_VALUES = [
    "!!int abc",
    "!!float xyz",
    "!!int 12.5",
    "!!bool maybe",
    "\x00",
    "a\x00b",
    "\x07",
    "\x1b[31mred",
    "\x7f",
    "2026-02-30",
    "!!timestamp 2026-13-45",
    "2026-02-28T25:61:00",
    "!unknown foo",
    "!!python/object:os.system ls",
    "!!python/name:os.system",
    "REPEAT:9:5000",
    "-REPEAT:9:5000",
    "1e999",
    ".nan",
    "-.inf",
    "&a [*a]",
    "*undefined",
    "[[[[[[",
    "{a: b",
    '"unterminated',
    "'\\ud800'",
    "\u2028",
    "${UNSET_VARIABLE_FOR_TESTS}",
    "${",
    "~",
    "[]",
    "{}",
    "!!binary AAAA",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "0x1F",
    "0o17",
    "yes",
    "REPEAT:x:100000",
    "rtsp://user:pw@h/x",
    "fixd",
    "ptzz",
    "anpr ",
    "station-01",
    "shoping",
    "- - - -",
    ": :",
    "? a",
    "|",
    ">",
    "'",
    '"',
    "%TAG ! x",
    "---",
    "...",
    "@at",
    "`tick",
    "!!str",
    "!!null x",
    "!!map [a]",
    "!!seq {a: 1}",
    "&anchor",
    "&x *x",
    "<<: *base",
    "\ufeff",
    "\ud7ff",
    "REPEAT:é:200",
    "\t",
    "1_000",
    "+.5",
    "0b101",
    "2026-02-29",
    "True",
    "NULL",
]
HOSTILE_LINES = [
    "&r [*r, *r]",
    "- &x [*x]",
    "key: !!int abc",
    "\x00\x00",
    "  kind: fixd",
    "  - id: station-01",
    "    area: nowhere",
    "    kindd: fixed",
    "version: 2",
    "cameras: 7",
    "areas: {}",
    "\t- tab",
    "{{{{",
    "]]]]",
    "<<: {a: 1}",
    "!!python/object/apply:os.system [ls]",
    "a: &b [*b]",
    "    lat: 1000",
    "    lon: -999",
]
WHOLE_FILES = ["billion-laughs", "deep-nesting", "recursive-alias", "huge-file", "deep-flow", "many-documents",
               "empty", "binary-garbage", "only-comment", "not-utf8"]  # fmt: skip


def make(seed: int = 2026, count: int = 200) -> list[dict]:
    generator = random.Random(seed)
    lines = (HERE / "cameras_base.yaml").read_text(encoding="utf-8").splitlines()
    mutations: list[dict] = [{"whole": name} for name in WHOLE_FILES]
    operations = ["value", "value", "value", "insert", "delete", "duplicate", "indent", "misspell-key"]
    while len(mutations) < count - 1:
        line = generator.randrange(len(lines))
        operation = generator.choice(operations)
        mutation: dict = {"op": operation, "line": line}
        if operation == "value":
            mutation["text"] = generator.choice(HOSTILE_VALUES)
        elif operation == "insert":
            mutation["text"] = generator.choice(HOSTILE_LINES + HOSTILE_VALUES)
        elif operation == "indent":
            mutation["by"] = generator.choice([-4, -2, -1, 1, 2, 3])
        mutations.append(mutation)
    # The four faults of one file at once: a misspelt kind, a duplicate id, an unknown area, a misspelt key.
    mutations.append({"four-faults": True})
    return mutations


def _expand(text: str) -> str:
    if "REPEAT:" not in text:
        return text
    before, rest = text.split("REPEAT:", 1)
    character, times = rest.rsplit(":", 1)
    return before + character * int(times)


def apply(mutation: dict) -> bytes:
    """The mutated file's bytes."""
    base = (HERE / "cameras_base.yaml").read_text(encoding="utf-8")
    lines = base.splitlines()
    whole = mutation.get("whole")
    if whole == "billion-laughs":
        rows = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        rows += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
        return ("\n".join(rows) + "\nversion: 1\nareas: *a9\n").encode()
    if whole == "deep-nesting":
        return ("version: 1\nareas: " + "[" * 5000 + "]" * 5000 + "\n").encode()
    if whole == "deep-flow":
        return ("version: 1\nareas:\n" + "".join("  " * depth + "- \n" for depth in range(400))).encode()
    if whole == "recursive-alias":
        return b"version: 1\nareas: &loop\n  - *loop\ncameras: []\n"
    if whole == "huge-file":
        return base.encode() + b"# " + b"x" * 3_000_000 + b"\n"
    if whole == "many-documents":
        return (base + "\n---\n" + base).encode()
    if whole == "empty":
        return b""
    if whole == "binary-garbage":
        return bytes(range(256)) * 4
    if whole == "only-comment":
        return b"# nothing here\n"
    if whole == "not-utf8":
        return base.encode("utf-16")
    if mutation.get("four-faults"):
        text = base.replace("    kind: fixed", "    kind: fixd", 1).replace("id: station-02", "id: station-01", 1)
        text = text.replace("    area: shopping", "    area: shoping", 1).replace("    location:", "    locaton:", 1)
        return text.encode()
    line, operation = mutation["line"], mutation["op"]
    if operation == "value":
        key, separator, _ = lines[line].partition(":")
        lines[line] = f"{key}: {_expand(mutation['text'])}" if separator else _expand(mutation["text"])
    elif operation == "insert":
        lines.insert(line, _expand(mutation["text"]))
    elif operation == "delete":
        del lines[line]
    elif operation == "duplicate":
        lines.insert(line, lines[line])
    elif operation == "indent":
        by = mutation["by"]
        lines[line] = " " * by + lines[line] if by > 0 else lines[line][-by:]
    elif operation == "misspell-key":
        key, separator, rest = lines[line].partition(":")
        lines[line] = f"{key}x{separator}{rest}" if separator else lines[line] + "x"
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


if __name__ == "__main__":
    (HERE / "cameras_mutations.json").write_text(json.dumps(make(), indent=0, ensure_ascii=True) + "\n")
