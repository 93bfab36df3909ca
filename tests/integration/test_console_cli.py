"""The whole program from its command line against the simulated network."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from console.audit.log import AuditLog
from console.cli import DEMO_PASSWORD
from console.paths import REPO_ROOT
from console.sim.from_config import camera_colour
from console.store import open_store_file
from tests.integration.conftest import SECRET
from tests.screens import offscreen_platform

pytestmark = pytest.mark.integration


def run_console(city, data_dir, *extra: str) -> subprocess.CompletedProcess:
    platform = offscreen_platform(Path(data_dir).parent, 1920, 1080)  # a desk's monitor, not Qt's 800x800
    environment = {**os.environ, "QT_QPA_PLATFORM": platform, "UITKIJK_PASSWORD": DEMO_PASSWORD}
    return subprocess.run(
        [sys.executable, "main.py", "run", "--config", str(city.folder), "--data", str(data_dir), "--user", "demo",
         "--reason", "virtual patrol: test round", *extra],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=90, env=environment,
    )  # fmt: skip


def share_of_colour(image: np.ndarray, rgb: tuple[int, int, int], tolerance: int = 18) -> float:
    bgr = np.array(rgb[::-1], dtype=np.int16)
    close = np.all(np.abs(image[:, :, :3].astype(np.int16) - bgr) <= tolerance, axis=2)
    return float(close.mean())


def test_run_shows_live_cameras_saves_a_screenshot_and_remembers_the_wall(city, tmp_path):
    shot = tmp_path / "wall.png"
    # The picture is taken once every tile shows its camera or says why not; 60 s is only the upper bound.
    first = run_console(city, tmp_path / "data", "--layout", "3x3", "--screenshot", str(shot), "--exit-after", "60")
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    image = cv2.imread(str(shot))
    assert image is not None and image.shape[1] >= 1200
    for camera_id in ("cam-a", "cam-b", "cam-c"):  # each live tile paints its camera's own picture
        assert share_of_colour(image, camera_colour(city.config, camera_id)) > 0.01, camera_id
    [arrangement] = (tmp_path / "data" / "settings").glob("walls-*-demo.json")  # this workstation's, this user's
    saved = json.loads(arrangement.read_text())
    assert saved["windows"][0]["wall"]["layout"] == "3x3"
    assert saved["windows"][0]["wall"]["assignments"][:3] == ["cam-a", "cam-b", "cam-c"]
    log = (tmp_path / "data" / "uitkijk.log").read_text()
    assert "cam-refused" in log and "connection refused" in log  # the log says what happened ...
    assert SECRET not in log and SECRET not in first.stderr  # ... and never a password
    open_to_others = [str(path) for path in (tmp_path / "data").rglob("*") if path.stat().st_mode & 0o077]
    assert open_to_others == []  # the log, the store, the key and its head: for the console's account only

    second = run_console(city, tmp_path / "data", "--exit-after", "1")
    assert second.returncode == 0, second.stderr
    again = json.loads(arrangement.read_text())
    assert not list((tmp_path / "data" / "settings").glob("*.partial"))
    assert again["windows"][0]["wall"] == saved["windows"][0]["wall"]


def test_run_with_a_broken_config_names_file_and_line(tmp_path):
    (tmp_path / "cameras.yaml").write_text("version: 1\nareas:\n  - {id: a, name: A}\ncamera: []\n")
    result = subprocess.run(
        [sys.executable, "main.py", "run", "--config", str(tmp_path), "--data", str(tmp_path / "data")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert f"{tmp_path / 'cameras.yaml'}:4:1: camera: unknown key 'camera' (did you mean 'cameras'?)" in result.stderr
    assert "Traceback" not in result.stderr


def test_sign_in_refused_and_the_administrators_user_commands(tmp_path):
    def main(*arguments: str, password: str | None = None, new: str | None = None) -> subprocess.CompletedProcess:
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        environment.pop("UITKIJK_PASSWORD", None)
        if password is not None:
            environment["UITKIJK_PASSWORD"] = password
        if new is not None:
            environment["UITKIJK_NEW_PASSWORD"] = new
        return subprocess.run([sys.executable, "main.py", *arguments], cwd=REPO_ROOT, capture_output=True, text=True,
                              timeout=60, env=environment)  # fmt: skip

    folder, data = tmp_path / "config", tmp_path / "data"
    folder.mkdir()
    for name in ("cameras.yaml", "users.yaml"):
        (folder / name).write_text((REPO_ROOT / "camera_config" / name).read_text())
    common = ("--config", str(folder), "--data", str(data))
    missing = main("run", *common, "--user", "demo")
    assert missing.returncode == 1 and "UITKIJK_PASSWORD" in missing.stderr
    wrong = main("run", *common, "--user", "demo", password="not-the-password")
    assert wrong.returncode == 1 and "sign-in refused: demo: wrong user name or password" in wrong.stderr
    typed_into_name = main("run", *common, "--user", "Zomer-Wachtwoord-31", password="not-the-password")
    assert typed_into_name.returncode == 1 and "(unknown user name): wrong user name" in typed_into_name.stderr
    assert "Zomer-Wachtwoord-31" not in typed_into_name.stderr  # a password typed as the name is never shown
    no_video = main("run", *common, "--user", "admin", password=DEMO_PASSWORD)
    assert no_video.returncode == 1 and "an administrator watches no video" in no_video.stderr

    added = main(
        "user", "add", "jan.smet", "--role", "team chief", "--full-name", "Jan Smet", *common, new="Nacht-Dienst-77"
    )
    assert added.returncode == 0, added.stderr
    listed = main("user", "list", *common)
    assert "jan.smet" in listed.stdout and "team chief" in listed.stdout
    assert "Nacht-Dienst-77" not in (folder / "users.yaml").read_text()
    short = main("user", "passwd", "jan.smet", *common, new="kort")
    assert short.returncode == 1 and "at least 8" in short.stderr

    verified = main("audit", "verify", "--data", str(data))
    assert (
        verified.returncode == 0 and verified.stdout.strip() == "4 entries, chain intact"
    )  # three refusals, one user added
    exported = main("audit", "export", "--data", str(data), "--from", "2000-01-01", "--to", "2100-01-01",
                    "--csv", str(tmp_path / "log.csv"))  # fmt: skip
    assert exported.returncode == 0
    rows = (tmp_path / "log.csv").read_text()
    assert (
        rows.count("login refused") == 3
        and "Zomer-Wachtwoord-31" not in rows
        and "configuration change" in rows
        and "jan.smet" in rows
    )
    assert "not-the-password" not in rows and DEMO_PASSWORD not in rows and "Nacht-Dienst-77" not in rows


def test_run_with_a_tour_patrols_round_after_round_from_launch(city, tmp_path):
    """An unattended wall PC: signed in, reason given, the tour runs from launch and starts over, all logged; it
    closes with the wall from before the tour kept."""
    folder = tmp_path / "config"
    shutil.copytree(city.folder, folder)
    (folder / "tours.yaml").write_text(
        "version: 1\ntours:\n  - id: night-round\n    name: Nachtronde\n    steps:\n"
        "      - {layout: 1x1, cameras: [cam-a], dwell_s: 3}\n      - {layout: 1x1, cameras: [cam-b], dwell_s: 3}\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UITKIJK_PASSWORD": DEMO_PASSWORD}
    data = tmp_path / "data"
    wrong = subprocess.run(
        [sys.executable, "main.py", "run", "--config", str(folder), "--data", str(data), "--user", "demo",
         "--tour", "night-rond"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, env=environment,
    )  # fmt: skip
    assert wrong.returncode == 1 and "did you mean 'night-round'" in wrong.stderr
    ran = subprocess.run(
        [sys.executable, "main.py", "run", "--config", str(folder), "--data", str(data), "--user", "demo",
         "--reason", "virtual patrol: night round", "--tour", "night-round", "--exit-after", "10"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=90, env=environment,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    log = AuditLog(open_store_file(data / "uitkijk.sqlite3"), data / "audit.key")
    try:
        entries = list(log.entries())
    finally:
        log.database.close()
    [start] = [entry for entry in entries if entry.action == "tour start"]
    assert json.loads(start.detail)["repeating"] is True and "night round" in start.reason
    after_start = entries[entries.index(start) + 1 :]
    views = [entry.camera for entry in after_start if entry.action == "view start"]
    assert views[:2] == ["cam-b", "cam-a"]  # (cam-a was on the wall already) the last step, then round two
    # The console closed during the tour (as at a sign-out): what it keeps is the wall from before the tour (the
    # first start's 2x2), not the tour's step that was on screen; the next start shows it.
    [arrangement] = (data / "settings").glob("walls-*-demo.json")
    wall = json.loads(arrangement.read_text())["windows"][0]["wall"]
    assert (wall["layout"], wall["assignments"][:4]) == ("2x2", ["cam-a", "cam-b", "cam-c", "cam-hevc"])
