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

from console.cli_options import add_store_option
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


def run(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths) -> int:
    from console.audit.log import KEY_FILE, AuditKeyError, AuditLog
    from console.recorder.service import RecorderService
    from console.store import StoreUnavailable, open_store

    sources, problems = recording_sources(config)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not sources:
        print("no camera has 'recording:' in cameras.yaml: nothing to record", file=sys.stderr)
        return 1
    if arguments.min_free_mb < 0:
        print("--min-free-mb cannot be negative", file=sys.stderr)
        return 1
    try:
        database = open_store(paths.data_dir, arguments.store)
    except StoreUnavailable as error:
        print(mask(str(error)), file=sys.stderr)
        return 1
    try:
        log = AuditLog(database, paths.data_dir / KEY_FILE)
    except (AuditKeyError, StoreUnavailable) as error:
        print(mask(str(error)), file=sys.stderr)
        database.close()
        return 1
    name = arguments.name or default_name()
    host = socket.gethostname()
    root = (arguments.root or paths.data_dir / "recordings").expanduser().resolve()

    def audit(camera: str, detail: dict) -> None:
        log.append(name, RECORDER_ROLE, host, PULL_ACTION, camera, detail)

    service = RecorderService(database, name, root, sources, audit, host=host,
                              min_free_bytes=arguments.min_free_mb << 20)  # fmt: skip
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        service.start()
        for camera in sources:
            service.record(camera)
        print(f"Recorder {name}: {len(sources)} cameras to {root}  (Ctrl+C stops)", flush=True)
        for found in service.recovered:
            LOGGER.warning("recovered after a stop without closing: %s (%s)", found.path, found.finding or "closed")
        stop.wait()
        return 0
    finally:
        service.close()
        database.close()
