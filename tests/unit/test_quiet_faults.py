"""Expected faults of a loaded machine reach the demo's terminal as one line, never a traceback (finding 8)."""

from __future__ import annotations

import asyncio
import logging
import subprocess

from console.onvif import service as onvif_service
from console.paths import REPO_ROOT
from console.sim import anpr_feed


def test_onvif_descriptions_not_preloaded_in_time_are_one_line_without_a_traceback(monkeypatch, caplog):
    async def slow() -> None:
        await asyncio.sleep(30)

    monkeypatch.setattr(onvif_service, "load_service_descriptions", slow)
    service = onvif_service.OnvifService([], directory=None)  # type: ignore[arg-type]
    try:
        with caplog.at_level(logging.WARNING, logger="uitkijk.onvif"):
            service.warm_up(timeout_s=0.05)
    finally:
        service.shutdown(1.0)
    [record] = [r for r in caplog.records if "preload" in r.getMessage()]
    assert record.exc_info is None and "\n" not in record.getMessage()
    assert "not done in 0.05 s" in record.getMessage()


def test_the_simulated_anpr_feed_goes_on_when_a_hand_over_takes_too_long(monkeypatch, tmp_path, capsys):
    calls = []

    def slow_intake(command, **options):
        calls.append(command)
        raise subprocess.TimeoutExpired(command, options.get("timeout"))

    monkeypatch.setattr(anpr_feed.subprocess, "run", slow_intake)
    said = anpr_feed.main(["--config", str(REPO_ROOT / "camera_config"), "--data", str(tmp_path), "--every-s", "0",
                           "--first-after-s", "0", "--count", "2", "--seed", "1"])  # fmt: skip
    assert said == 0 and len(calls) == 2  # the second read was tried after the first timed out
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all("not handed over in 120 s; going on with the next" in line for line in lines)
