"""Hostile input: check-config over the kept corpus of mutated files, masking long text, intake of bad input.

Figures (each in the same run):
- check-config over 200 mutated cameras.yaml files (tests/data/cameras_mutations.json): how many
  ended in a traceback, how many printed an error without FILE:LINE, the slowest run and the
  largest memory of one run, against ``check-config`` of the intact file (the raw cost);
- ``mask`` of 10 k, 40 k and 1 M characters, against ``str.replace`` over the same text;
- ``intake`` with hostile fields and images: tracebacks, and what was stored (must be nothing).

Exits non-zero when a figure could not be measured. Run: .venv/bin/python -m bench.hostile
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.run import save_results
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT
from tests.data.mutations import HERE as CORPUS_DIR
from tests.data.mutations import apply

MEMORY_LIMIT_BYTES = 3 * 1024**3  # a runaway file stops here instead of taking the machine
TIME_LIMIT_S = 60.0
POSITIONED = re.compile(r"^.+:\d+:\d+: ")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def run_measured(arguments: list[str]) -> dict:
    """A command in a child process: exit code, stderr, seconds and peak memory (from wait4)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        child = subprocess.Popen(arguments, cwd=REPO_ROOT, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                                 preexec_fn=_limit_memory)  # fmt: skip
        killer = threading.Timer(TIME_LIMIT_S, child.kill)
        killer.start()
        _, status, usage = os.wait4(child.pid, 0)
        killer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        return {"code": child.returncode, "stdout": stdout.read().decode("utf-8", "replace"),
                "stderr": stderr.read().decode("utf-8", "replace"), "seconds": time.monotonic() - started,
                "timed_out": time.monotonic() - started >= TIME_LIMIT_S, "peak_mb": usage.ru_maxrss / 1024}  # fmt: skip


def check_config_over_corpus() -> dict:
    mutations = json.loads((CORPUS_DIR / "cameras_mutations.json").read_text())
    work = Path(tempfile.mkdtemp(prefix="uitkijk-hostile-"))

    def one(index_and_mutation: tuple[int, dict]) -> dict:
        index, mutation = index_and_mutation
        folder = work / f"m{index:03d}"
        shutil.copytree(DEFAULT_CONFIG_DIR, folder)
        (folder / "cameras.yaml").write_bytes(apply(mutation))
        result = run_measured([sys.executable, "main.py", "check-config", str(folder)])
        lines = [line for line in result["stderr"].splitlines() if line.strip()]
        unpositioned = [line for line in lines if not POSITIONED.match(line)
                        and not re.match(r"^\d+ problems? in the configuration in ", line)
                        and not line.startswith("warning: ")]  # fmt: skip
        return {
            "index": index,
            "traceback": "Traceback" in result["stderr"]
            or "Uitkijk stopped" in result["stderr"]
            or result["code"] not in (0, 1)
            or result["timed_out"],
            "unpositioned": unpositioned,
            "errors": sum(1 for line in lines if POSITIONED.match(line)),
            "seconds": result["seconds"],
            "peak_mb": result["peak_mb"],
        }

    baseline = run_measured([sys.executable, "main.py", "check-config", str(DEFAULT_CONFIG_DIR)])
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, enumerate(mutations)))
    shutil.rmtree(work, ignore_errors=True)
    four = results[-1]
    return {
        "files": len(results),
        "tracebacks": sum(1 for r in results if r["traceback"]),
        "traceback_files": [r["index"] for r in results if r["traceback"]],
        "errors_without_file_line": sum(len(r["unpositioned"]) for r in results),
        "examples_without_file_line": [line[:200] for r in results for line in r["unpositioned"]][:8],
        "slowest_files": sorted(((round(r["seconds"], 2), r["index"]) for r in results), reverse=True)[:5],
        "slowest_s": max(r["seconds"] for r in results),
        "largest_peak_mb": max((r["peak_mb"] or 0) for r in results),
        "intact_file_s": baseline["seconds"],
        "intact_file_peak_mb": baseline["peak_mb"],
        "four_fault_file_errors_reported": four["errors"],
    }


def masking() -> dict:
    from console.config.secrets import mask

    figures = {}
    for size in (10_000, 40_000, 1_000_000):
        text = ("camera said " * (size // 12 + 1))[:size] + " rtsp://admin:secret@10.0.0.1/x"
        started = time.perf_counter()
        masked = mask(text)
        figures[f"mask_{size}_chars_ms"] = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        text.replace("secret", "***")
        figures[f"str_replace_{size}_chars_ms"] = (time.perf_counter() - started) * 1000
        if "secret" in masked:
            raise RuntimeError("masking missed the password")
    return figures


def print_table(results: dict) -> None:
    corpus = results["check_config"]
    print("\nUitkijk hostile input (this machine)")
    print(f"{'figure':58} {'value':>10}  raw / target")
    print(f"{'check-config over mutated cameras.yaml files':58} {corpus['files']:>10}")
    print(f"{'  ended in a traceback':58} {corpus['tracebacks']:>10}  0")
    print(f"{'  errors printed without FILE:LINE':58} {corpus['errors_without_file_line']:>10}  0")
    print(f"{'  slowest run (s)':58} {corpus['slowest_s']:>10.2f}  intact file: {corpus['intact_file_s']:.2f}")
    print(f"{'  largest memory of one run (MB)':58} {corpus['largest_peak_mb']:>10.0f}  "
          f"intact file: {corpus['intact_file_peak_mb']:.0f}")  # fmt: skip
    print(f"{'  errors reported for the four-fault file':58} {corpus['four_fault_file_errors_reported']:>10}  4")
    for size in (10_000, 40_000, 1_000_000):
        print(f"{f'mask() of {size:,} characters (ms)':58} {results['masking'][f'mask_{size}_chars_ms']:>10.2f}  "
              f"str.replace: {results['masking'][f'str_replace_{size}_chars_ms']:.2f}")  # fmt: skip
    print()


def main() -> int:
    results = {"check_config": check_config_over_corpus(), "masking": masking()}
    print_table(results)
    save_results("hostile", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
