"""``make bench`` runs the ONVIF events benchmark, and it fails when a figure could not be measured."""

from __future__ import annotations

from bench.onvif_events import unmeasured
from console.paths import REPO_ROOT


def test_make_bench_runs_the_onvif_events_benchmark():
    target = REPO_ROOT.joinpath("Makefile").read_text().split("\nbench:", 1)[1].split("\n\n", 1)[0]
    assert "-m bench.onvif_events" in target


def test_a_figure_not_measured_fails_the_benchmark():
    row = {"cpu_pct_of_a_core": 1.0, "pulled_per_s": 10.0, "handed_over_per_s": 10.0, "max_queued": 1,
           "dropped": 0, "coalesced": 0, "flooding": False}  # fmt: skip
    measured = {"quiet": dict(row, pulled_per_s=0.0, handed_over_per_s=0.0), "10 events/s": row, "flood 1000/s": row}
    assert unmeasured(measured) == []
    assert unmeasured(dict(measured, **{"10 events/s": dict(row, handed_over_per_s=0.0)})) == [
        "10 events/s: no event pulled or handed over"
    ]
    assert unmeasured({"quiet": row}) == ["10 events/s: not measured", "flood 1000/s: not measured"]
