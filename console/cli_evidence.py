"""The archive's evidence commands: ``lock``, ``unlock``, ``import-footage`` and ``sweep``.

Each signs its user in (``--user``, the password from UITKIJK_PASSWORD), asks the service
layer (the law lives there, not here), and writes through the audit log. A refusal is one
line naming the rule it would break, and exit 1; nothing is stored then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from console.access.session import workstation_name
from console.access.users import LoginRefused, User, load_users
from console.audit.log import KEY_FILE, AuditKeyError, AuditLog, ChangeRefused
from console.cli_options import add_store_option
from console.config.errors import ConfigError
from console.config.loader import CameraConfig
from console.config.retention import Retention, load_retention
from console.config.secrets import mask, register_secret
from console.paths import DEFAULT_CONFIG_DIR, AppPaths, warn_if_opened
from console.services import evidence_locks, footage_import
from console.services.recording_time import BadTime, checked_span, parse_utc
from console.services.retention import RetentionSweeper, sweeper_who
from console.store import StoreUnavailable, open_store
from console.store.backend import Database
from console.wording import WordedError

PASSWORD_VARIABLE = "UITKIJK_PASSWORD"
COMMANDS = ("lock", "unlock", "sweep", "import-footage")
Clock = Callable[[], dt.datetime]


def add_parsers(commands: argparse._SubParsersAction) -> None:
    lock = commands.add_parser("lock", help="place an evidence lock: the retention sweeper keeps what it covers")
    lock.add_argument("--camera", action="extend", nargs="+", required=True, metavar="ID",
                      help="a camera's (or an imported device's) id; several may be named")  # fmt: skip
    lock.add_argument("--from", dest="start", required=True, metavar="T", help="ISO 8601 UTC, e.g. 2026-12-05T10:00Z")
    lock.add_argument("--to", dest="end", required=True, metavar="T", help="ISO 8601 UTC")
    serves = lock.add_mutually_exclusive_group(required=True)
    serves.add_argument("--incident", default=None, metavar="ID", help="the incident it serves, e.g. 2026-0042")
    serves.add_argument("--file", dest="judicial_file", default=None, metavar="REF",
                        help="the judicial file it serves (the prosecutor's notice, a PV number)")  # fmt: skip
    lock.add_argument("--reason", required=True, metavar="TEXT", help="why the footage must be kept")
    unlock = commands.add_parser("unlock", help="release an evidence lock (the team chief or the data-protection "
                                 "officer)")  # fmt: skip
    unlock.add_argument("lock_id", type=int, metavar="LOCK_ID")
    unlock.add_argument("--reason", required=True, metavar="TEXT", help="why the footage need no longer be kept")
    footage = commands.add_parser("import-footage", help="take an outside recording (a bodycam's, a drone's) into "
                                  "the archive, under the archive's rules")  # fmt: skip
    footage.add_argument("file", type=Path, metavar="FILE", help="the recording (MP4, MPEG-TS, MKV...: H.264 or H.265)")
    footage.add_argument("--source", required=True, choices=footage_import.SOURCES)
    footage.add_argument("--device", required=True, metavar="ID",
                         help="the device's id in the archive (like a camera id, e.g. bodycam-0412)")  # fmt: skip
    footage.add_argument("--start", required=True, metavar="T",
                         help="the recording time of its first picture, ISO 8601 UTC")  # fmt: skip
    footage.add_argument("--incident", default=None, metavar="ID", help="the incident it belongs to")
    footage.add_argument("--root", type=Path, default=None, metavar="DIR",
                         help="the archive's folder (default: DATA/recordings)")  # fmt: skip
    for sub in (lock, unlock, footage):
        sub.add_argument("--user", required=True, metavar="NAME", help="who (the password from UITKIJK_PASSWORD)")
        add_common_options(sub)
    sweep = commands.add_parser("sweep", help="delete once what is past its retention (the recorder does it every "
                                "10 minutes); what an evidence lock holds is kept")  # fmt: skip
    add_common_options(sweep)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
    parser.add_argument("--data", type=Path, default=None, metavar="DIR", help="the store's folder")
    add_store_option(parser)


def fail(message: object) -> int:
    """One line on the terminal, the rule named; exit 1."""
    shown = mask(str(message))
    print(shown if len(shown) <= 400 else shown[:400] + "\u2026", file=sys.stderr)
    return 1


def run(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths,
        clock: Clock = lambda: dt.datetime.now(dt.UTC)) -> int:  # fmt: skip
    """``lock``, ``unlock``, ``import-footage`` and ``sweep`` (the caller loaded and checked the configuration)."""
    handlers = {"lock": _lock, "unlock": _unlock, "import-footage": _import_footage}
    try:
        retention = load_retention(config.folder)
    except ConfigError as error:  # checked with the rest by the caller; read here again
        return fail(error.issues[0])
    try:
        store = open_store(warn_if_opened(paths).data_dir, arguments.store)
    except StoreUnavailable as error:
        return fail(error)
    try:
        try:
            log = AuditLog(store, paths.data_dir / KEY_FILE)
        except AuditKeyError as error:
            return fail(error)
        if arguments.command == "sweep":
            return _sweep(store, log, config, retention, paths, clock)
        try:
            user = sign_in(config.folder, arguments.user, log)
            return handlers[arguments.command](arguments, config, paths, user, log, clock)
        except (WordedError, StoreUnavailable) as error:  # a refusal (the rule named), or the log cannot be written
            return fail(error)
    finally:
        store.close()


def sign_in(folder: Path, name: str, log: AuditLog) -> User:
    """``--user`` with the password from UITKIJK_PASSWORD; a refusal is logged (the name only if it is a user's)."""
    password = os.environ.get(PASSWORD_VARIABLE)
    if not password:
        raise LoginRefused(f"--user needs the password in the environment variable {PASSWORD_VARIABLE}")
    register_secret(password)
    try:
        users = load_users(folder)
    except ConfigError as error:
        raise LoginRefused("{error}", error=error.issues[0]) from None
    try:
        return users.authenticate(name, password)
    except LoginRefused as refusal:
        known = name.strip().lower()
        shown = known if known in users.users else "(unknown user name)"
        log.append(shown, "-", workstation_name(), "login refused", None, {"why": str(refusal)})
        raise


def _who(user: User) -> dict[str, str]:
    return {"user": user.name, "role": user.role.value, "workstation": workstation_name()}


def _lock(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths, user: User, log: AuditLog,
          clock: Clock) -> int:  # fmt: skip
    try:
        span = checked_span(parse_utc(arguments.start, "--from"), parse_utc(arguments.end, "--to"), clock())
    except BadTime as error:
        return fail(error)
    request = evidence_locks.LockRequest(tuple(arguments.camera), span, arguments.incident, arguments.judicial_file,
                                         arguments.reason)  # fmt: skip
    change = evidence_locks.place(_who(user), user.role, request, [camera.id for camera in config.cameras])
    try:
        entry = log.commit(change.record(_who(user)))
    except ChangeRefused as error:
        return fail(error)
    detail = json.loads(entry.detail)
    serves = f"incident {detail['incident']}" if "incident" in detail else f"judicial file {detail['file']}"
    print(f"evidence lock {detail['lock']} placed on {', '.join(detail['cameras'])} from {detail['from']} to "
          f"{detail['to']} for {serves}")  # fmt: skip
    if detail.get("unrecorded"):
        print(f"note: nothing is recorded of {', '.join(detail['unrecorded'])} in that span (their ANPR hits and "
              "evidence stills are kept all the same)", file=sys.stderr)  # fmt: skip
    return 0


def _unlock(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths, user: User, log: AuditLog,
            clock: Clock) -> int:  # fmt: skip
    change = evidence_locks.release(_who(user), user.role, arguments.lock_id, arguments.reason)
    try:
        entry = log.commit(change.record(_who(user)))
    except ChangeRefused as error:
        return fail(error)
    detail = json.loads(entry.detail)
    print(f"evidence lock {detail['lock']} released ({', '.join(detail['cameras'])} from {detail['from']} to "
          f"{detail['to']}): the sweeper may now delete what it kept past its retention")  # fmt: skip
    return 0


def _sweep(store: Database, log: AuditLog, config: CameraConfig, retention: Retention, paths: AppPaths,
           clock: Clock) -> int:  # fmt: skip
    sweeper = RetentionSweeper(store, log, config, retention, paths.data_dir / "evidence",
                               sweeper_who(workstation_name()), clock)  # fmt: skip
    try:
        report = sweeper.sweep()
    except StoreUnavailable as error:
        return fail(error)
    for line in report.lines():
        print(line)
    for finding in report.findings:
        print(f"finding: {mask(str(finding))}", file=sys.stderr)
    return 0


def _import_footage(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths, user: User, log: AuditLog,
                    clock: Clock) -> int:  # fmt: skip
    try:
        start = parse_utc(arguments.start, "--start")
    except BadTime as error:
        return fail(error)
    request = footage_import.ImportRequest(arguments.file, arguments.source, arguments.device.strip(), start,
                                           arguments.incident)  # fmt: skip
    root = arguments.root or paths.data_dir / "recordings"
    now = clock()
    prepared = footage_import.prepare(_who(user), user.role, request, [camera.id for camera in config.cameras], root,
                                      now)  # fmt: skip
    try:
        entry = log.commit(prepared.change.record(_who(user)))
    except (ChangeRefused, StoreUnavailable) as error:
        prepared.discard()
        return fail(error)
    except BaseException:
        prepared.discard()
        raise
    prepared.finish()
    detail = json.loads(entry.detail)
    print(f"{detail['file']} imported as {detail['device']} ({detail['source']}): {detail['segments']} "
          f"segments, {detail['from']} to {detail['to']}, {detail['bytes']:,} bytes; SHA-256 of the file "
          f"{detail['file_sha256']}")  # fmt: skip
    retention = load_retention(config.folder)
    if parse_utc(detail["to"]) < now - dt.timedelta(days=retention.imported_footage_days):
        print(
            f"warning: it is older than imported footage is kept ({retention.imported_footage_days} days, "
            "retention.yaml): the next sweep deletes it unless an evidence lock holds it",
            file=sys.stderr,
        )
    return 0
