"""``demo --desks N``: a whole dispatch room on one PC, the way a real room is put together.

A PostgreSQL cluster in the data folder (the room's store), the simulated camera network,
the relay (each camera pulled once for every desk), the simulated ANPR back end, and N desks,
each a process of its own with a data folder of its own (its PC), signed in as a different
demo user; the last desk is the team chief's; the room's recorders (``--recorders``, 1 by
default), which share the cameras with ``recording:`` through the store; and the room's one events
service (cameras' events and detectors into the alarm queue). With ``--relays 2`` the room has two relays, each
a ``main.py relay`` process of its own sharing the cameras by claims in the store (room.yaml's ``relay.also``), so a
``kill -9`` of one shows the other taking its cameras. Each desk and recorder
pulls from the relay with a secret of its own, made afresh for every run and given to it in its
environment, as room.yaml says (a recorder or the events service is a service puller: no desk's role). The
room's audit key is made once and copied to every desk, as the README says an administrator
does. Closing the last desk (or Ctrl+C) stops them all.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from console.audit.log import KEY_FILE, load_or_create_key
from console.config.loader import CameraConfig, load_camera_config
from console.config.room import ROOM_FILE, WHEN_DOWN, Puller, Relay
from console.config.secrets import register_secret
from console.event_intake.child import events_command
from console.paths import REPO_ROOT, AppPaths
from console.sim.network import free_port

if TYPE_CHECKING:
    from console.store.backend import Database

# (user, workstation): operators first, the team chief last; all have the demo password (README).
ROOM_USERS = (("demo", "ws-01"), ("an.peeters", "ws-02"), ("lies.wouters", "ws-03"), ("tom.claes", "ws-09"))
MAX_DESKS = len(ROOM_USERS)
MAX_RECORDERS = 2
MAX_RELAYS = 2
DESK_REASON = "virtual patrol: demo dispatchingzaal"
RELAY_PASSWORD_VARIABLE = "UITKIJK_RELAY_PASSWORD"  # each desk's own secret at the relay, in its environment
EVENTS_NAME = "events-1"  # the room's one events service


def relay_variable(workstation: str) -> str:
    """The relay's PC's variable for a desk's secret: UITKIJK_RELAY_WS_01."""
    return "UITKIJK_RELAY_" + workstation.upper().replace("-", "_")


def recorder_name(index: int) -> str:
    return f"recorder-{index + 1}"


def desk_secrets(desks: int, recorders: int = 0) -> dict[str, str]:
    """A fresh secret per desk and recorder (workstation or name -> secret), masked in this process's log from now
    on."""
    made = {workstation: secrets.token_urlsafe(18) for _, workstation in ROOM_USERS[:desks]}
    made |= {recorder_name(index): secrets.token_urlsafe(18) for index in range(recorders)}
    for secret in made.values():
        register_secret(secret)
    return made


def room_config(config: CameraConfig, folder: Path, store_url: str, relay: Relay, desks: int) -> Path:
    """The camera configuration with a room.yaml: the room's store and relay, the workstations."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(config.folder, folder, ignore=shutil.ignore_patterns(ROOM_FILE))
    room = {
        "version": 1,
        "store": store_url,
        "relay": {
            "host": relay.host,
            "port": relay.port,
            "listen": relay.listen,
            "linger_s": relay.linger_s,
            "password": f"${{{RELAY_PASSWORD_VARIABLE}}}",  # each desk's own, from its environment
            "desks": {puller.name: f"${{{relay_variable(puller.name)}}}" for puller in relay.pullers if puller.is_desk},
            "services": {
                puller.name: f"${{{relay_variable(puller.name)}}}" for puller in relay.pullers if not puller.is_desk
            },
        },
        "workstations": [
            {"id": workstation, "name": f"Werkpost {index + 1}"}
            for index, (_, workstation) in enumerate(ROOM_USERS[:desks])
        ],  # fmt: skip
    }
    if relay.others:  # the room's further relays on this PC, at ports of their own: they share the cameras
        room["relay"]["also"] = [{"host": relay.at(other).host, "port": relay.at(other).port, "listen": relay.listen}
                                 for other in relay.others]  # fmt: skip
    (folder / ROOM_FILE).write_text("# Written by the room demo.\n" + yaml.safe_dump(room, sort_keys=False),
                                    encoding="utf-8")  # fmt: skip
    return folder


def give_key(room_key: Path, data_dir: Path) -> None:
    """A desk gets a copy of the room's audit key, readable by the console's account only."""
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    target = data_dir / KEY_FILE
    if not target.exists():
        shutil.copyfile(room_key, target)
        target.chmod(0o600)


def desk_command(config_dir: Path, data_dir: Path, user: str, arguments: argparse.Namespace,
                 index: int) -> list[str]:  # fmt: skip
    command = [sys.executable, str(REPO_ROOT / "main.py"), "run", "--config", str(config_dir), "--data", str(data_dir),
               "--user", user, "--reason", DESK_REASON]  # fmt: skip
    if arguments.exit_after is not None:
        command += ["--exit-after", str(arguments.exit_after)]
    if arguments.screenshot is not None:
        shot = arguments.screenshot
        command += ["--screenshot", str(shot.with_name(f"{shot.stem}-desk{index + 1}{shot.suffix}"))]
    if arguments.layout is not None:
        command += ["--layout", arguments.layout]
    return command


def recorder_command(config_dir: Path, data_dir: Path, store_url: str, name: str) -> list[str]:
    return [sys.executable, str(REPO_ROOT / "main.py"), "record", "--config", str(config_dir), "--data", str(data_dir),
            "--store", store_url, "--name", name, "--min-free-mb", "64"]  # fmt: skip


def relay_command(config_dir: Path, data_dir: Path, store_url: str, address: str) -> list[str]:
    host, _, port = address.rpartition(":")
    return [sys.executable, str(REPO_ROOT / "main.py"), "relay", "--config", str(config_dir), "--data", str(data_dir),
            "--store", store_url, "--host", host, "--port", port]  # fmt: skip


def start_relays(config_dir: Path, room_dir: Path, store_url: str, relay: Relay,
                 environment: dict[str, str]) -> list[subprocess.Popen]:  # fmt: skip
    """Each of the room's relays a ``main.py relay`` process of its own (its PC), with every desk's and service's
    secret in its environment as room.yaml says: one can be killed (``kill -9``) while the other serves on."""
    relay_environment = {**environment, **{relay_variable(puller.name): puller.password for puller in relay.pullers}}
    processes = []
    for index, address in enumerate((relay.address, *relay.others)):
        data_dir = room_dir / f"relay-{index + 1}"
        data_dir.mkdir(parents=True, exist_ok=True)
        processes.append(subprocess.Popen(relay_command(config_dir, data_dir, store_url, address), cwd=REPO_ROOT,
                                          env=relay_environment, stdin=subprocess.DEVNULL))  # fmt: skip
    return processes


def wait_for_claims(database: Database, cameras: int, stop: threading.Event, timeout_s: float = 30.0) -> bool:
    """Until the relays claim every camera (each desk then opens it at its relay from the first), or ``timeout_s``."""
    from console.store import StoreUnavailable
    from console.store import relay as table

    for _ in range(int(timeout_s / 0.5)):
        try:
            with database.read() as transaction:
                if len(table.read_claims(transaction)) >= cameras:
                    return True
        except StoreUnavailable:
            pass
        if stop.wait(0.5):
            break
    return False


def run_room_demo(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths, password: str) -> int:
    from console.relay.process import RelayError
    from console.relay.service import RelayService
    from console.sim.from_config import build_network
    from console.sim.network import REMOTE_NICENESS, SimulationError
    from console.store import StoreUnavailable, open_store
    from console.store.cluster import ClusterError, LocalCluster

    desks = arguments.desks
    if not 1 <= desks <= MAX_DESKS:
        print(f"--desks: 1 to {MAX_DESKS} desks", file=sys.stderr)
        return 1
    room_dir = paths.data_dir / "room"
    cluster = LocalCluster(room_dir / "postgresql")
    print("Starting the room's PostgreSQL store\u2026", file=sys.stderr)
    try:
        store_url = cluster.start()
    except ClusterError as error:
        print(f"The room's store could not start: {error}", file=sys.stderr)
        return 1
    network = build_network(config, paths.cache_dir / "sim-clips", niceness=REMOTE_NICENESS,
                            control_dir=paths.data_dir)  # fmt: skip
    recorders = arguments.recorders
    if not 0 <= recorders <= MAX_RECORDERS:
        print(f"--recorders: 0 to {MAX_RECORDERS} recorders", file=sys.stderr)
        return 1
    relay_secrets = desk_secrets(desks, recorders)
    relay_secrets[EVENTS_NAME] = secrets.token_urlsafe(18)  # the events service: a service puller like a recorder
    register_secret(relay_secrets[EVENTS_NAME])
    recorder_names = {recorder_name(index) for index in range(recorders)} | {EVENTS_NAME}
    relays = getattr(arguments, "relays", 1)
    if not 1 <= relays <= MAX_RELAYS:
        print(f"--relays: 1 to {MAX_RELAYS} relays", file=sys.stderr)
        return 1
    relay = Relay("127.0.0.1", free_port() if arguments.relay_port is None else arguments.relay_port, "127.0.0.1",
                  10.0, dict(WHEN_DOWN),
                  pullers=tuple(Puller(name, secret, is_desk=name not in recorder_names)
                                for name, secret in relay_secrets.items()),
                  others=tuple(f"127.0.0.1:{free_port()}" for _ in range(relays - 1)))  # fmt: skip
    processes: list[subprocess.Popen] = []
    service: RelayService | None = None
    database = None
    try:
        print(f"Starting the simulated camera network ({len(network.cameras)} cameras)\u2026", file=sys.stderr)
        network.start()
        config_dir = room_config(config, room_dir / "camera_config", store_url, relay, desks)
        room = load_camera_config(config_dir)
        database = open_store(room_dir, store_url)
        room_key = cluster.folder / "room-audit.key"  # kept with the store whose log it signs
        load_or_create_key(room_key)  # made once for the room; each desk gets a copy
        environment = {key: value for key, value in os.environ.items() if key != "UITKIJK_STORE"}
        environment["UITKIJK_PASSWORD"] = password
        if relay.is_shared:  # each relay a process of its own, so one can be killed
            for index, process in enumerate(start_relays(config_dir, room_dir, store_url, relay, environment)):
                processes.append(process)
                address = (relay.address, *relay.others)[index]
                print(f"Relay {index + 1} (pid {process.pid}) on rtsp://{address}/CAMERA/main|sub", file=sys.stderr)
            if not wait_for_claims(database, len(room.cameras), threading.Event()):
                print("The relays have not claimed every camera yet: see their output", file=sys.stderr)
            print(f"Store {cluster.url}; kill -9 a relay's pid and `main.py room status --config {config_dir}` shows "
                  f"the other taking its cameras", file=sys.stderr)  # fmt: skip
        else:
            service = RelayService(room, relay, room_dir / "relay", database)
            (room_dir / "relay").mkdir(exist_ok=True)
            service.start()
            print(f"Relay on rtsp://{service.name}/CAMERA/main|sub; store {cluster.url}", file=sys.stderr)
        intake_dir = room_dir / "anpr-back-end"
        give_key(room_key, intake_dir)
        processes.append(subprocess.Popen([sys.executable, "-m", "console.sim.anpr_feed", "--config", str(config_dir),
                                           "--data", str(intake_dir)], cwd=REPO_ROOT, env=environment,
                                          stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL))  # fmt: skip
        for index in range(recorders):  # before the desks: a camera is recorded from the room's start
            name = recorder_name(index)
            recorder_dir = room_dir / name
            give_key(room_key, recorder_dir)  # a recorder's pulls are audit entries like a desk's views
            recorder_environment = {**environment, RELAY_PASSWORD_VARIABLE: relay_secrets[name]}
            processes.append(subprocess.Popen(recorder_command(config_dir, recorder_dir, store_url, name),
                                              cwd=REPO_ROOT, env=recorder_environment, stdin=subprocess.DEVNULL,
                                              stdout=subprocess.DEVNULL))  # fmt: skip
            print(f"Recorder {index + 1} ({name}): {recorder_dir / 'recordings'}", file=sys.stderr)
        events_dir = room_dir / EVENTS_NAME
        give_key(room_key, events_dir)  # its alarms and its detectors' pulls are audit entries
        processes.append(subprocess.Popen(events_command(config_dir, events_dir, store_url, EVENTS_NAME), cwd=REPO_ROOT,
                                          env={**environment, RELAY_PASSWORD_VARIABLE: relay_secrets[EVENTS_NAME]},
                                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL))  # fmt: skip
        print(f"Events service ({EVENTS_NAME}): the room's alarms", file=sys.stderr)
        desk_processes = []
        for index, (user, workstation) in enumerate(ROOM_USERS[:desks]):
            desk_dir = room_dir / f"desk-{index + 1}"
            give_key(room_key, desk_dir)
            desk_environment = {**environment, "UITKIJK_WORKSTATION": workstation,
                                RELAY_PASSWORD_VARIABLE: relay_secrets[workstation]}  # fmt: skip
            process = subprocess.Popen(desk_command(config_dir, desk_dir, user, arguments, index), cwd=REPO_ROOT,
                                       env=desk_environment, stdin=subprocess.DEVNULL)  # fmt: skip
            processes.append(process)
            desk_processes.append(process)
            print(f"Desk {index + 1} ({workstation}): {user}", file=sys.stderr)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        while not stop.wait(0.5):
            if all(process.poll() is not None for process in desk_processes):  # the last desk was closed
                return max(process.returncode or 0 for process in desk_processes)
        return 0
    except (SimulationError, RelayError, StoreUnavailable) as error:
        print(f"The room demo could not start: {error}", file=sys.stderr)
        return 1
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        if service is not None:
            service.stop()
        if database is not None:
            database.close()
        network.stop()
        cluster.stop()
        shutil.rmtree(cluster.socket_dir, ignore_errors=True)
