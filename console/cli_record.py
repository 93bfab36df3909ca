"""``record``: the recorder on this PC, writing every camera with ``recording:`` in cameras.yaml to disk."""

from __future__ import annotations

import argparse
import logging
import re
import signal
import socket
import sys
import threading
from pathlib import Path
from typing import Any

from console.cli_options import add_store_option, open_store_and_log
from console.config.loader import CameraConfig
from console.config.secrets import mask
from console.paths import DEFAULT_CONFIG_DIR, AppPaths

LOGGER = logging.getLogger("uitkijk.recorder")
RECORDER_ROLE = "recorder"  # the audit log's role column for a recorder's entries: a system, not a person
PULL_ACTION = "recorder pull"


def add_parsers(commands: argparse._SubParsersAction) -> None:
    record = commands.add_parser("record", help="record the cameras with 'recording:' in cameras.yaml, until stopped")
    record.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
    record.add_argument("--data", type=Path, default=None, metavar="DIR")
    add_store_option(record)
    record.add_argument("--root", type=Path, default=None, metavar="DIR",
                        help="where the segments go (default: DATA/recordings)")  # fmt: skip
    record.add_argument("--name", default=None, metavar="NAME",
                        help="this recorder's name in the store (default: recorder-HOSTNAME)")  # fmt: skip
    record.add_argument("--min-free-mb", type=int, default=1024, metavar="MB",
                        help="the disk counts as full under this much free space (default 1024)")  # fmt: skip
    record.add_argument("--verbose", action="store_true", help="log details to the terminal")


NAME_RULE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # recorder-1, rec-pc.zone: a system's name, one word


def name_problem(name: str, config: CameraConfig) -> str | None:
    """A recorder's name goes into the audit log's user column, the store and the relay's users: one word of at most
    64 letters, digits and . _ - (no escape sequence, no space), and never a user's name (its entries would read
    as that person's)."""
    if not NAME_RULE.fullmatch(name):  # fullmatch: a '$' would let a final newline through
        return "--name: a recorder's name is 1 to 64 letters, digits and . _ - (like recorder-1)"
    from console.access.users import load_users
    from console.config.errors import ConfigError

    try:
        users = load_users(config.folder).users
    except ConfigError:
        return None  # the sign-in of whoever reads the store says so; the recorder signs no one in
    if name.casefold() in {user.casefold() for user in users}:
        return f"--name: '{name}' is a user of the console; a recorder's entries must not read as a person's"
    return None


def default_name() -> str:
    host = re.sub(r"[^a-z0-9-]+", "-", socket.gethostname().lower()).strip("-") or "localhost"
    return f"recorder-{host}"[:64]


def recording_sources(config: CameraConfig) -> tuple[dict, list[str]]:
    """Each recorded camera's stream (main or sub, as cameras.yaml says), and what cannot be recorded, why."""
    from console.recorder.camera import RecordingSource

    sources: dict[str, RecordingSource] = {}
    problems: list[str] = []
    for camera in config.cameras:
        if camera.recording is None:
            continue
        if camera.streams is None:
            problems.append(f"{camera.id}: no streams in cameras.yaml (a camera found over ONVIF): not recorded")
            continue
        stream = camera.recording.stream
        url = camera.streams.sub if stream == "sub" else camera.streams.main
        if url is None:
            problems.append(f"{camera.id}: no sub stream: its main stream is recorded")
            url, stream = camera.streams.main, "main"
        sources[camera.id] = RecordingSource(camera.id, url, stream)
    return sources, problems


def pulled_through_the_room(config: CameraConfig, sources: dict, name: str) -> dict | None:
    """In a room (room.yaml names a relay), every camera from the relay as this recorder, with its own secret: one
    pull upstream for the relay, the recorders and the desks. None (said why) when it has no secret for it."""
    from console.config.errors import ConfigError
    from console.config.room import load_room
    from console.recorder.sharing import relayed_sources

    try:
        room = load_room(config)
    except ConfigError as error:
        print(mask(str(error)), file=sys.stderr)
        return None
    if room is None or room.relay is None:
        return sources
    if not room.relay.password:
        print(
            f"room.yaml names a relay: this recorder pulls from it as '{name}' with its own secret (relay.password,"
            " its variable set on this PC; the relay's PC knows it under relay.services)",
            file=sys.stderr,
        )
        return None
    return relayed_sources(sources, room.relay, name)


def relay_locator(config: CameraConfig, database: Any, name: str) -> Any | None:
    """A room of several relays: each camera opened at the relay that claims it now (None: one relay, or none)."""
    from console.config.room import load_room
    from console.relay.claims import RelayLocator

    room = load_room(config)  # read already by pulled_through_the_room: a fault was said there
    if room is None or room.relay is None or not room.relay.is_shared:
        return None
    return RelayLocator(database, room.relay.pulled_by(name))


def run(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths) -> int:
    from console.config.retention import load_retention
    from console.recorder.service import RecorderService
    from console.recorder.sharing import SharedRecording
    from console.services.retention import RetentionSweeper, sweep_every, sweeper_who

    sources, problems = recording_sources(config)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not sources:
        print("no camera has 'recording:' in cameras.yaml: nothing to record", file=sys.stderr)
        return 1
    if arguments.min_free_mb < 0:
        print("--min-free-mb cannot be negative", file=sys.stderr)
        return 1
    name = arguments.name or default_name()
    refused = name_problem(name, config)
    if refused is not None:
        print(refused, file=sys.stderr)
        return 1
    opened = open_store_and_log(paths, arguments.store)
    if opened is None:
        return 1
    database, log = opened
    pulled = pulled_through_the_room(config, sources, name)
    if pulled is None:
        database.close()
        return 1
    host = socket.gethostname()
    root = (arguments.root or paths.data_dir / "recordings").expanduser().resolve()

    def audit(camera: str, detail: dict) -> None:
        log.append(name, RECORDER_ROLE, host, PULL_ACTION, camera, detail)

    service = RecorderService(database, name, root, pulled, audit, host=host,
                              min_free_bytes=arguments.min_free_mb << 20,
                              locate=relay_locator(config, database, name))  # fmt: skip
    stop = threading.Event()
    # The retention sweeper rides along: every 10 minutes what is past its period goes (what a lock holds stays);
    # of the recordings, those on this recorder's disk (in a room, each recorder sweeps its own).
    sweeper = RetentionSweeper(database, log, config, load_retention(config.folder), paths.data_dir / "evidence",
                               sweeper_who(host, name, RECORDER_ROLE), roots=(root,))  # fmt: skip
    sweeping = threading.Thread(target=sweep_every, args=(sweeper, stop), name="retention-sweeper", daemon=True)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    shared = SharedRecording(database, service, pulled)
    try:
        service.start()
        shared.start()  # the cameras this recorder records: those the store gives it (claims.py)
        sweeping.start()
        through = " through the room's relay" if pulled is not sources else ""
        print(f"Recorder {name}: its share of {len(sources)} recorded cameras{through}, to {root}  (Ctrl+C stops)",
              flush=True)  # fmt: skip
        for found in service.recovered:
            LOGGER.warning("recovered after a stop without closing: %s (%s)", found.path, found.finding or "closed")
        stop.wait()
        return 0
    finally:
        stop.set()
        if sweeping.is_alive():
            sweeping.join()  # a sweep under way finishes its day's entry before the store closes
        shared.close()  # the segments finished (the service closed), then the claims given back
        database.close()
