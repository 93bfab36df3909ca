from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.config.errors import ConfigError
from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT

VALID = """\
version: 1
areas:
  - {id: station, name: Stationsomgeving}
  - {id: park, name: Park}
cameras:
  - id: station-01
    name: Stationsplein noord
    kind: fixed
    area: station
    location: {street: Stationsplein, lat: 50.8245, lon: 3.2646}
    streams:
      main: rtsp://${CAM_USER}:${CAM_PASS}@127.0.0.1:8554/station-01
      sub: rtsp://127.0.0.1:8554/station-01-sub
mobboxes:
  - id: mobbox-1
    name: Mobbox 1
    deployment: {site: Beekstraat, area: park, since: 2026-10-01, purpose: vandalism}
    cameras:
      - id: mobbox-1-ptz1
        name: Mobbox 1 mast A
        kind: ptz
        area: park
        location: {street: Beekstraat, lat: 50.82, lon: 3.26}
        streams: {main: rtsp://127.0.0.1:8554/mobbox-1-ptz1}
"""
ENV = {"CAM_USER": "operator", "CAM_PASS": "s3cret-Pa55"}


def write(folder: Path, text: str) -> Path:
    (folder / "cameras.yaml").write_text(text, encoding="utf-8")
    return folder


def errors_of(folder: Path, environ: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_camera_config(folder, ENV if environ is None else environ)
    return [str(issue) for issue in caught.value.issues]


def test_the_demo_configuration_is_valid_and_realistic():
    config = load_camera_config(DEFAULT_CONFIG_DIR, {})
    kinds = [camera.kind for camera in config.cameras]
    assert kinds.count("fixed") == 24 and kinds.count("anpr") == 6 and kinds.count("ptz") == 4
    assert len(config.areas) == 5 and len(config.mobboxes) == 2
    assert all(len(box.cameras) == 2 for box in config.mobboxes)


def test_valid_file_substitutes_secrets_and_marks_mobbox_cameras(tmp_path):
    config = load_camera_config(write(tmp_path, VALID), ENV)
    camera = config.camera("station-01")
    assert camera.streams.main == "rtsp://operator:s3cret-Pa55@127.0.0.1:8554/station-01"
    assert config.camera("mobbox-1-ptz1").mobbox == "mobbox-1"
    assert config.camera("mobbox-1-ptz1").stream_url("sub").endswith("/mobbox-1-ptz1")  # no sub: main


def test_misspelt_key_names_file_line_and_suggests(tmp_path):
    text = VALID.replace("    name: Stationsplein noord", "    nmae: Stationsplein noord")
    errors = errors_of(write(tmp_path, text))
    assert f"{tmp_path / 'cameras.yaml'}:7:5: cameras[0].nmae: unknown key 'nmae' (did you mean 'name'?)" in errors
    assert not any("missing required key 'name'" in error for error in errors)  # one fault, one message


def test_all_errors_are_collected_at_once(tmp_path):
    text = (
        VALID.replace("area: station\n", "area: statoin\n")
        .replace("kind: ptz", "kind: fixed")
        .replace("id: mobbox-1-ptz1", "id: station-01")
    )
    errors = errors_of(write(tmp_path, text))
    assert any(":9:11: cameras[0].area: unknown area 'statoin' (did you mean 'station'?)" in e for e in errors)
    assert any("mobboxes[0].cameras[0].kind: a Mobbox carries PTZ cameras" in e for e in errors)
    assert any("duplicate camera id 'station-01' (first used on line 6)" in e for e in errors)
    assert len(errors) == 3


def test_bad_url_and_bad_values(tmp_path):
    text = VALID.replace("sub: rtsp://127.0.0.1:8554/station-01-sub", "sub: http://127.0.0.1/x").replace(
        "lat: 50.8245", "lat: 150"
    )
    errors = errors_of(write(tmp_path, text))
    assert any(":13:12: cameras[0].streams.sub: must be an rtsp:// URL" in e for e in errors)
    assert any("cameras[0].location.lat: Input should be less than or equal to 90" in e for e in errors)


def test_missing_environment_value_is_an_error_and_secrets_never_print(tmp_path):
    errors = errors_of(write(tmp_path, VALID), {"CAM_USER": "operator"})
    assert any(":12:13: cameras[0].streams.main: environment variable CAM_PASS is not set" in e for e in errors)
    broken = VALID.replace("@127.0.0.1:8554/station-01\n", "@127.0.0.1:99999/station-01\n")
    errors = errors_of(write(tmp_path, broken))
    assert any("bad port" in e for e in errors)
    assert not any("s3cret-Pa55" in e or "operator:" in e for e in errors)


def test_yaml_syntax_error_and_duplicate_key_have_positions(tmp_path):
    errors = errors_of(write(tmp_path, VALID.replace("  - {id: park, name: Park}", "  - {id: park, name: Park")))
    assert len(errors) == 1 and "not valid YAML" in errors[0] and ":5:" in errors[0]
    errors = errors_of(write(tmp_path, VALID.replace("    kind: fixed\n", "    kind: fixed\n    kind: ptz\n")))
    assert any(":9:5: cameras[0].kind: duplicate key" in e for e in errors)


def test_check_config_command_exit_codes(tmp_path):
    good = subprocess.run(
        [sys.executable, "main.py", "check-config", str(DEFAULT_CONFIG_DIR)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert good.returncode == 0, good.stderr
    assert "34 cameras (24 fixed, 4 PTZ, 6 ANPR) in 5 areas, 2 Mobbox units" in good.stdout
    write(tmp_path, VALID.replace("kind: fixed", "kind: fxed"))
    bad = subprocess.run(
        [sys.executable, "main.py", "check-config", str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin", **ENV},
    )  # fmt: skip
    assert bad.returncode == 1
    expected = "cameras[0].kind: 'fxed' is not one of 'fixed', 'ptz' or 'anpr' (did you mean 'fixed'?)"
    assert f"{tmp_path / 'cameras.yaml'}:8:11: {expected}" in bad.stderr
    assert "Traceback" not in bad.stderr and "s3cret-Pa55" not in bad.stderr


def test_state_folders_and_files_are_private_and_an_open_one_is_closed_with_a_warning(tmp_path):
    import logging
    import os
    import stat

    from console.paths import AppPaths, warn_if_opened

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    (data / "uitkijk.sqlite3").write_text("")
    os.chmod(data / "uitkijk.sqlite3", 0o644)
    paths = AppPaths.resolve(data)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "uitkijk.sqlite3").stat().st_mode) == 0o600
    for folder in (paths.settings_dir, paths.cache_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert any("uitkijk.sqlite3" in finding for finding in paths.tightened)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("uitkijk").addHandler(handler)
    try:
        warn_if_opened(paths)
    finally:
        logging.getLogger("uitkijk").removeHandler(handler)
    assert any(record.levelno == logging.WARNING and "readable by others" in record.getMessage() for record in records)
    assert AppPaths.resolve(data).tightened == ()  # closed now: no warning next time


def test_the_demos_ptz_cameras_come_with_presets_that_its_tours_use(tmp_path):
    from console.sim.from_config import build_network
    from console.tours.config import load_tours

    config = load_camera_config(DEFAULT_CONFIG_DIR)
    network = build_network(config, tmp_path / "clips")  # built, not started
    presets = {camera_id: camera.ptz.presets for camera_id, camera in network.cameras.items() if camera.ptz}
    assert set(presets) == {"mobbox-1-ptz1", "mobbox-1-ptz2", "mobbox-2-ptz1", "mobbox-2-ptz2"}
    assert all(len(names) >= 2 for names in presets.values())
    used = {
        (camera, name) for tour in load_tours(config) for step in tour.steps for camera, name in step.presets.items()
    }
    assert used and all(name in presets[camera] for camera, name in used)  # every preset a demo tour goes to exists


def test_a_rooms_file_names_every_fault_with_its_line_and_a_good_one_gives_the_relay(tmp_path):
    from console.config.room import load_room_file

    broken = tmp_path / "room.yaml"
    broken.write_text(
        "version: 1\n"
        "store: mysql://db/uitkijk\n"
        "relay: {host: relay.zone.local, port: 99999, linger: 5, when_down: {mobbox: direct, drone: wait}}\n"
        "workstations:\n  - {id: ws-01, name: Desk 1}\n  - {id: ws-01, name: Desk 2}\n"
    )
    with pytest.raises(ConfigError) as raised:
        load_room_file(broken, {})
    text = "\n".join(str(issue) for issue in raised.value.issues)
    assert "room.yaml:3" in text and "port" in text and "linger" in text and "drone" in text
    assert "room.yaml:2" in text and "room.yaml:6" in text  # the store and the duplicate, in the same pass
    broken.write_text("version: 1\nstore: mysql://db/uitkijk\nworkstations:\n  - {id: ws-01, name: A}\n"
                      "  - {id: ws-01, name: B}\n")  # fmt: skip
    with pytest.raises(ConfigError) as raised:
        load_room_file(broken, {})
    text = "\n".join(str(issue) for issue in raised.value.issues)
    assert "room.yaml:2" in text and "postgresql://" in text
    assert "room.yaml:5" in text and "duplicate workstation 'ws-01'" in text
    good = tmp_path / "good.yaml"
    good.write_text("version: 1\nstore: postgresql://uitkijk:${DB_PASSWORD}@db/uitkijk\n"
                    "relay: {host: relay.zone.local, when_down: {fixed: wait}}\n")  # fmt: skip
    room = load_room_file(good, {"DB_PASSWORD": "Kamer-Wachtwoord-3"})
    assert room.store == "postgresql://uitkijk:Kamer-Wachtwoord-3@db/uitkijk"
    assert room.relay is not None and room.relay.url("cam-a", "sub") == "rtsp://relay.zone.local:8654/cam-a/sub"
    assert room.relay.when_down_for("fixed", False) == "wait" and room.relay.when_down_for("ptz", True) == "wait"
    assert room.relay.when_down_for("anpr", False) == "direct"


ROOM_WITH_RELAY_SECRETS = """version: 1
relay:
  host: relay.zone.local
  password: ${UITKIJK_RELAY_PASSWORD}
  desks:
    ws-01: ${RELAY_WS_01}
    ws-02: ${RELAY_WS_02}
  services:
    recorder-1: ${RELAY_RECORDER}
workstations:
  - {id: ws-01, name: Desk 1}
  - {id: ws-02, name: Desk 2}
"""


def test_each_pc_reads_its_own_relay_secret_and_the_relay_every_desks_and_services(tmp_path):
    from console.config.room import load_room_file
    from console.config.secrets import mask

    path = tmp_path / "room.yaml"
    path.write_text(ROOM_WITH_RELAY_SECRETS)
    desk = load_room_file(path, {"UITKIJK_RELAY_PASSWORD": "Bureau-Een-Geheim"})  # no other desk's secret needed
    assert desk.relay is not None and desk.relay.password == "Bureau-Een-Geheim" and desk.relay.pullers == ()
    url = desk.relay.pulled_by("ws-01").url("cam-a", "sub")
    assert url == "rtsp://ws-01:Bureau-Een-Geheim@relay.zone.local:8654/cam-a/sub"
    assert desk.relay.is_relayed(url) and desk.relay.is_relayed("rtsp://relay.zone.local:8654/cam-a/sub")
    assert "Bureau-Een-Geheim" not in mask(f"opening {url}") and "Bureau-Een-Geheim" not in repr(desk.relay)
    assert load_room_file(path, {}).relay.password is None  # a PC that pulls nothing (intake) needs none
    everyone = {
        "RELAY_WS_01": "Bureau-Een-Geheim",
        "RELAY_WS_02": "Bureau-Twee-Geheim",
        "RELAY_RECORDER": "Opname-Geheim",
    }
    relay = load_room_file(path, everyone, "relay").relay
    assert relay is not None and relay.password is None
    assert [(puller.name, puller.password, puller.is_desk) for puller in relay.pullers] == [
        ("ws-01", "Bureau-Een-Geheim", True), ("ws-02", "Bureau-Twee-Geheim", True),
        ("recorder-1", "Opname-Geheim", False)]  # fmt: skip
    assert "Opname-Geheim" not in repr(relay)
    with pytest.raises(ConfigError) as raised:  # the relay's PC needs every one
        load_room_file(path, {**everyone, "RELAY_WS_02": "kort"} | {"RELAY_RECORDER": ""}, "relay")
    text = "\n".join(str(issue) for issue in raised.value.issues)
    assert "room.yaml:7" in text and "room.yaml:9" in text and "at least 8 characters" in text
    path.write_text(ROOM_WITH_RELAY_SECRETS.replace("recorder-1:", "ws-01:").replace("ws-02: ", "ws-07: "))
    with pytest.raises(ConfigError) as raised:
        load_room_file(path, everyone, "relay")
    text = "\n".join(str(issue) for issue in raised.value.issues)
    assert "'ws-07' is not a workstation of the room" in text and "'ws-01' is a desk and a service" in text


def test_check_config_says_the_room_and_names_a_fault_of_room_yaml_by_file_line_and_key(tmp_path):
    """The IT department confirms room.yaml before starting relays: its store (no user), relays and workstations."""
    import shutil

    folder = tmp_path / "camera_config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    room = ("version: 1\nstore: postgresql://uitkijk@db.zone.local/uitkijk\nrelay:\n  host: relay-1.zone.local\n"
            "  also:\n    - {host: relay-2.zone.local}\nworkstations:\n  - {id: ws-01, name: Desk 1}\n"
            "  - {id: ws-09, name: Team chief}\n")  # fmt: skip
    (folder / "room.yaml").write_text(room, encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "UITKIJK_STORE"}
    good = subprocess.run([sys.executable, "main.py", "check-config", str(folder)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60, env=environment)  # fmt: skip
    assert good.returncode == 0, good.stderr
    assert (
        "room: store postgresql://db.zone.local/uitkijk, 2 relays sharing the cameras by claims "
        "(relay-1.zone.local:8654, relay-2.zone.local:8654), 2 workstations"
    ) in good.stdout, good.stdout
    (folder / "room.yaml").write_text(room.replace("  host: relay-1.zone.local\n", "  host: relay-1.zone.local\n"
                                                   "  port: 0\n"), encoding="utf-8")  # fmt: skip
    bad = subprocess.run([sys.executable, "main.py", "check-config", str(folder)], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=60, env=environment)  # fmt: skip
    assert bad.returncode == 1 and f"{folder / 'room.yaml'}:5:9: relay.port" in bad.stderr, bad.stderr
