"""The events service against real parts: the real ``main.py events`` process on the simulated network and a store;
a simulated camera's event raises a real alarm, escalated when nobody takes it in time; ``room status`` shows the
service, a lone desk starts and stops it as its child, ``alarms`` lists the queue; in a room its detectors pull
through the relay."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from console.alarms.config import load_alarm_rules
from console.alarms.model import AlarmKind, CameraEvent, EventSource, Outcome
from console.audit.log import KEY_FILE, AuditLog
from console.cli import DEMO_PASSWORD
from console.config.loader import load_camera_config
from console.paths import REPO_ROOT
from console.services import alarm_queue as queue
from console.services.alarm_queue import AlarmIntake, Taker
from console.store import alarms as alarm_rows
from console.store import open_store

pytestmark = pytest.mark.integration
WAIT_S = 60.0  # the bound of a failure on a loaded machine, not a figure
LOADED_TIMEOUT_S = 360  # these tests start several processes (python start-ups of seconds each under load)
ALARMS_YAML = """version: 1
escalate_after_s: 10
rules:
  - name: Deur
    kinds: [door]
    priority: 1
    escalate_after_s: 10
detectors:
  cameras: [cam-a]
"""
AN = Taker("an.peeters", "An Peeters", "operator", "ws-02")


def until(predicate: Callable[[], object], timeout_s: float = WAIT_S, what: str = "") -> None:
    """Poll a condition (as qtbot.waitUntil does) until it holds; fail with ``what`` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout_s:.0f} s: {what}")
        pause.wait(0.1)


@pytest.fixture
def events_config(city, tmp_path) -> Path:
    """The simulated city's cameras with an alarms.yaml of the test's own."""
    folder = tmp_path / "config"
    shutil.copytree(city.folder, folder)
    (folder / "alarms.yaml").write_text(ALARMS_YAML, encoding="utf-8")
    return folder


def main_py(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *arguments], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=90, env=env)  # fmt: skip


def start_events(config: Path, data: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "main.py", "events", "--config", str(config), "--data", str(data),
                             "--name", "events-test", *extra], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


_STORES: dict[Path, object] = {}  # data folder -> the test's one connection to its store (polled, never reopened)


@pytest.fixture(autouse=True)
def _close_stores():
    yield
    for database in _STORES.values():
        database.close()  # type: ignore[attr-defined]
    _STORES.clear()


def store_of(data: Path):
    """The store of a data folder, opened once by the test: a poll reopening it each time (its migrations' check
    waiting on the service's writes) took seconds a poll on a loaded machine."""
    if data not in _STORES:
        data.mkdir(parents=True, exist_ok=True)
        _STORES[data] = open_store(data)
    return _STORES[data]


def intakes(data: Path) -> list[dict]:
    with store_of(data).read() as transaction:
        return alarm_rows.read_intakes(transaction)


def room_status(config: Path, data: Path) -> dict:
    shown = main_py("room", "status", "--json", "--config", str(config), "--data", str(data))
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


@pytest.mark.timeout(LOADED_TIMEOUT_S)
def test_room_status_shows_the_events_service_live_and_sigterm_stops_it_cleanly(events_config, tmp_path):
    data = tmp_path / "data"
    service = start_events(events_config, data)
    try:
        until(lambda: intakes(data), what="the events service's first report")
        status = room_status(events_config, data)
        [shown] = status["event_intakes"]
        assert shown["name"] == "events-test" and not shown["is_stale"]
        assert shown["cameras"]["cam-ptz"]["subscription"] is not None  # the one camera with ONVIF: followed
        assert shown["cameras"]["cam-a"]["detectors"] is not None  # alarms.yaml's detectors watch it
        text = main_py("room", "status", "--config", str(events_config), "--data", str(data))
        assert text.returncode == 0, text.stderr
        lines = text.stdout.splitlines()
        at = lines.index("Events services (1):")
        assert lines[at + 1].split()[:2] == ["events-test", "live"]
        assert lines[at + 2].startswith("    cameras followed: 1  subscriptions: ")
        assert lines[at + 3].startswith("    detectors: ")
    finally:
        service.send_signal(signal.SIGTERM)
        out, err = service.communicate(timeout=60)
    assert service.returncode == 0, err
    assert "Events service events-test: 1 cameras followed, 1 watched by the detectors" in out
    assert intakes(data) == []  # stopped cleanly: its row gone
    assert "Events services (0):" in main_py("room", "status", "--data", str(data)).stdout


def desk_children(desk: psutil.Process) -> list[psutil.Process]:
    try:
        return [child for child in desk.children() if "events" in child.cmdline()]
    except psutil.Error:
        return []


@pytest.mark.timeout(LOADED_TIMEOUT_S)
def test_a_lone_desk_starts_its_events_service_as_a_child_and_stops_it_with_itself(events_config, tmp_path):
    data = tmp_path / "desk"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UITKIJK_PASSWORD": DEMO_PASSWORD}
    environment.pop("UITKIJK_STORE", None)
    desk = subprocess.Popen([sys.executable, "main.py", "run", "--config", str(events_config), "--data", str(data),
                             "--user", "demo", "--reason", "virtual patrol: test round", "--exit-after", "20"],
                            cwd=REPO_ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip
    try:
        process = psutil.Process(desk.pid)
        until(lambda: desk_children(process), what="the desk's events service child")
        [child] = desk_children(process)
        assert child.cmdline()[child.cmdline().index("--data") + 1] == str(data)  # the desk's own store
        until(lambda: intakes(data), what="the child's report")
        assert intakes(data)[0]["host"]
        _, err = desk.communicate(timeout=90)
    finally:
        if desk.poll() is None:
            desk.kill()
            desk.wait()
    assert desk.returncode == 0, err
    assert not child.is_running() or child.status() == psutil.STATUS_ZOMBIE
    assert intakes(data) == []  # it stopped cleanly (its row removed), not killed


def test_alarms_lists_the_queue_open_and_all_in_text_and_json(events_config, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    config = load_camera_config(events_config)
    database = open_store(data)
    log = AuditLog(database, data / KEY_FILE)
    intake = AlarmIntake(database, log, load_alarm_rules(config), "events-test", "pc-1")
    try:
        door = intake.offer(CameraEvent("cam-ptz", AlarmKind.DOOR, True, "2026-12-05T22:30:00.000000Z",
                                        EventSource.ONVIF))  # fmt: skip
        motion = intake.offer(CameraEvent("cam-a", AlarmKind.MOTION, True, "2026-12-05T22:30:01.000000Z",
                                          EventSource.DETECTOR, {"zone": "plein"}))  # fmt: skip
        tamper = intake.offer(CameraEvent("cam-b", AlarmKind.TAMPER, True, "2026-12-05T22:30:02.000000Z",
                                          EventSource.DETECTOR, {"cause": "covered"}))  # fmt: skip
        who = {"user": AN.user, "role": AN.role, "workstation": AN.workstation}
        log.commit(queue.take_alarm(motion, AN).record(who))
        log.commit(queue.close_alarm(tamper, Outcome.INCIDENT_MADE, AN, incident="2026-0042").record(who))
    finally:
        database.close()
    assert door is not None and motion is not None and tamper is not None
    listed = main_py("alarms", "--open", "--json", "--config", str(events_config), "--data", str(data))
    assert listed.returncode == 0, listed.stderr
    shown = json.loads(listed.stdout)
    assert [(a["label"], a["camera_name"], a["kind"], a["priority"], a["state"], a["taken_name"]) for a in shown] == [
        (f"{door:04d}", "Camera PTZ", "door", 1, "new", None),
        (f"{motion:04d}", "Camera A", "motion", 2, "in progress", "An Peeters"),
    ]  # fmt: skip
    every = main_py("alarms", "--config", str(events_config), "--data", str(data))
    assert every.returncode == 0, every.stderr
    lines = every.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [f"{door:04d}", f"{motion:04d}", f"{tamper:04d}"]
    assert "Camera B" in lines[2] and "closed" in lines[2] and "incident made, incident 2026-0042" in lines[2]
    assert "An Peeters" in lines[1] and "in progress" in lines[1]
    empty = main_py("alarms", "--open", "--data", str(tmp_path / "nothing"))
    assert (empty.returncode, empty.stdout.strip()) == (0, "no open alarms")
    broken = main_py("alarms", "--store", "postgresql://nobody@127.0.0.1:1/none")
    assert broken.returncode == 1 and len(broken.stderr.strip().splitlines()) == 1


@pytest.mark.timeout(LOADED_TIMEOUT_S)
def test_in_a_room_the_detectors_pull_through_the_relay_once_upstream_beside_the_recorder(city, postgres_url,
                                                                                        tmp_path):  # fmt: skip
    from tests.integration.recording_room import PASSWORD_VARIABLE, RecordingRoom
    from tests.postgres import fresh_database

    source = tmp_path / "source"
    shutil.copytree(city.folder, source)
    (source / "alarms.yaml").write_text(ALARMS_YAML, encoding="utf-8")  # the detectors watch cam-a
    room = RecordingRoom(tmp_path / "room", fresh_database(postgres_url), source, ["cam-a"],
                         ["recorder-1", "events-1"])  # fmt: skip
    events: subprocess.Popen | None = None
    try:
        room.start_relay()
        room.start_recorder("recorder-1")
        data = tmp_path / "events"
        data.mkdir()
        shutil.copyfile(room.key, data / KEY_FILE)  # the room's audit key: its pulls are entries of the room's log
        environment = {**os.environ, PASSWORD_VARIABLE: room.secrets["events-1"]}
        environment.pop("UITKIJK_STORE", None)
        events = subprocess.Popen([sys.executable, "main.py", "events", "--config", str(room.config_dir), "--data",
                                   str(data), "--store", room.store_url, "--name", "events-1"], cwd=REPO_ROOT,
                                  env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)  # fmt: skip

        def both_pull() -> bool:
            stream = room.relay_streams().get("/cam-a/sub")
            return stream is not None and stream.pullers == ("events-1", "recorder-1")

        until(both_pull, what="the recorder and the events service both pulling /cam-a/sub from the relay")
        stream = room.relay_streams()["/cam-a/sub"]
        assert stream.pulled and stream.pulls == 1  # once upstream for the recorder and the detectors
        with room.database.read() as transaction:
            [intake] = alarm_rows.read_intakes(transaction)
        assert intake["name"] == "events-1"
        until(lambda: detectors_of(room.database) == "watching", what="the detectors watching cam-a")
        log = AuditLog(room.database, room.key)
        pulls = [entry for entry in log.entries() if entry.action == "detector pull"]
        assert [(entry.user, entry.role, entry.camera) for entry in pulls] == [("events-1", "service", "cam-a")]
    finally:
        if events is not None:
            events.terminate()
            _, err = events.communicate(timeout=60)
            assert room.secrets["events-1"] not in err  # the secret is never said
        room.close()
    assert events.returncode == 0, err


def detectors_of(database) -> str | None:
    with database.read() as transaction:
        rows = alarm_rows.read_intakes(transaction)
    return rows[0]["cameras"].get("cam-a", {}).get("detectors") if rows else None


LIVING_ALARMS_YAML = """version: 1
rules:
  - name: Deur
    kinds: [door]
    priority: 1
    escalate_after_s: 10
  - name: Beeld weg
    kinds: [video loss, frozen picture]
    priority: 2
    escalate_after_s: 10
detectors:
  cameras: [street-1]
"""


def write_living_config(folder: Path, port: int, onvif_port: int) -> None:
    """A fixed camera the detectors watch and a Mobbox camera that answers ONVIF, on ports of the test's own."""
    folder.mkdir(parents=True)
    (folder / "cameras.yaml").write_text(f"""version: 1
areas:
  - {{id: park, name: Park}}
cameras:
  - id: street-1
    name: Straat 1
    kind: fixed
    area: park
    location: {{street: Parkstraat, lat: 50.8, lon: 3.2}}
    streams: {{main: 'rtsp://127.0.0.1:{port}/street-1', sub: 'rtsp://127.0.0.1:{port}/street-1-sub'}}
mobboxes:
  - id: box-1
    name: Mobbox 1
    deployment: {{site: Speelplein, area: park, since: 2026-10-01, purpose: test, authorisation: PZ-TEST}}
    cameras:
      - id: box-1-ptz
        name: Mobbox 1 mast A
        kind: ptz
        area: park
        location: {{street: Speelplein, lat: 50.81, lon: 3.2, heading_deg: 180, height_m: 6, tilt_range_deg: 20}}
        onvif: {{host: 127.0.0.1, port: {onvif_port}, username: uitkijk, password: 'Mobbox-Test-8'}}
""", encoding="utf-8")  # fmt: skip
    (folder / "alarms.yaml").write_text(LIVING_ALARMS_YAML, encoding="utf-8")
    shutil.copy(REPO_ROOT / "camera_config" / "users.yaml", folder / "users.yaml")


@pytest.fixture
def living(tmp_path, tmp_path_factory):
    """The living simulator, its control endpoint in the events service's data folder."""
    from console.sim.from_config import build_network
    from console.sim.network import free_port

    folder, data = tmp_path / "config", tmp_path / "data"
    write_living_config(folder, free_port(), free_port())
    data.mkdir()
    network = build_network(load_camera_config(folder, {}), tmp_path_factory.getbasetemp() / "clips", clip_seconds=4,
                            control_dir=data)  # fmt: skip
    network.start()
    try:
        yield folder, data
    finally:
        network.stop()


def alarm_of(data: Path, camera: str, kind: str) -> dict | None:
    with store_of(data).read() as transaction:
        return alarm_rows.open_alarm_for(transaction, camera, kind)


def camera_state(data: Path, camera: str) -> dict:
    rows = intakes(data)
    return rows[0]["cameras"].get(camera, {}) if rows else {}


def sim_event(folder: Path, data: Path, camera: str, kind: str) -> None:
    done = main_py("sim", "event", camera, kind, "--config", str(folder), "--data", str(data))
    assert done.returncode == 0, done.stderr


@pytest.mark.timeout(LOADED_TIMEOUT_S)
def test_a_lost_video_raises_a_real_alarm_escalated_when_not_taken_in_its_time(living):
    from console.store.backend import utc_moment

    folder, data = living
    service = start_events(folder, data)
    try:
        until(lambda: camera_state(data, "street-1").get("detectors") == "watching", what="the detectors watching")
        sim_event(folder, data, "street-1", "video-loss")
        try:
            until(lambda: alarm_of(data, "street-1", "video loss"), what="the video loss alarm")
            raised = alarm_of(data, "street-1", "video loss")
            assert raised is not None and raised["priority"] == 2 and raised["state"] == "new"
            until(lambda: (alarm_of(data, "street-1", "video loss") or {}).get("escalated_utc"),
                  what="the escalation of the untaken alarm")  # fmt: skip
            alarm = alarm_of(data, "street-1", "video loss")
            assert alarm is not None
            after_s = (utc_moment(alarm["escalated_utc"]) - utc_moment(alarm["raised_utc"])).total_seconds()
            assert 10 <= after_s < 10 + 5  # its rule's time, then at the service's next look (every second)
            listed = main_py("alarms", "--open", "--json", "--config", str(folder), "--data", str(data))
            assert listed.returncode == 0, listed.stderr
            [shown] = json.loads(listed.stdout)
            assert (shown["camera_name"], shown["kind"], shown["state"]) == ("Straat 1", "video loss", "new")
            assert shown["escalated_utc"] == alarm["escalated_utc"]
            status = main_py("room", "status", "--config", str(folder), "--data", str(data))
            [line] = [line for line in status.stdout.splitlines() if line.startswith("    detectors: ")]
            counts = re.fullmatch(r"    detectors: (\d+) watching(?: \([^)]*\))?, (\d+) connecting, (\d+) down", line)
            assert counts is not None and sum(int(count) for count in counts.groups()) == 1, line  # street-1
        finally:
            sim_event(folder, data, "street-1", "video-back")
    finally:
        service.send_signal(signal.SIGTERM)
        _, err = service.communicate(timeout=60)
    assert service.returncode == 0, err


def health_of(data: Path, device: str) -> dict:
    with store_of(data).read() as transaction:
        return next((row for row in alarm_rows.read_health(transaction) if row["device"] == device), {})


@pytest.mark.timeout(LOADED_TIMEOUT_S)
def test_a_mobbox_door_opened_on_the_camera_raises_a_priority_1_alarm_and_its_health_follows(living):
    folder, data = living
    service = start_events(folder, data)
    try:
        until(lambda: camera_state(data, "box-1-ptz").get("subscription") == "active",
              what="the Mobbox camera's ONVIF subscription")  # fmt: skip
        sim_event(folder, data, "box-1-ptz", "door-open")
        until(lambda: alarm_of(data, "box-1-ptz", "door"), what="the door alarm")
        alarm = alarm_of(data, "box-1-ptz", "door")
        assert alarm is not None and (alarm["priority"], alarm["source"], alarm["rule"]) == (1, "onvif", "Deur")
        until(lambda: health_of(data, "box-1").get("door") == "open", what="the Mobbox's door open in its health")
        assert health_of(data, "box-1")["camera"] == "box-1-ptz"
        sim_event(folder, data, "box-1-ptz", "door-close")
        until(lambda: health_of(data, "box-1").get("door") == "closed", what="the Mobbox's door closed again")
        assert alarm_of(data, "box-1-ptz", "door") is not None  # the alarm stays until someone closes it
    finally:
        service.send_signal(signal.SIGTERM)
        _, err = service.communicate(timeout=60)
    assert service.returncode == 0, err
