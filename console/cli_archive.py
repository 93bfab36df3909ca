"""The archive's commands under the law: ``recordings`` (what exists), ``export`` (sealed) and ``export verify``.

The law is in :mod:`console.services.recordings`; these commands sign the user in (the
password from UITKIJK_PASSWORD), ask the service, and print its answer or its refusal in
one line (exit 1). Times are ISO 8601 UTC (``2026-12-05T10:00:00Z``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from console.access.reasons import Kind, Reason, ReasonRequired
from console.access.session import Session
from console.audit.log import KEY_FILE, AuditKeyError, AuditLog
from console.cli_evidence import sign_in
from console.cli_options import add_store_option
from console.config.errors import ConfigError
from console.config.loader import CameraConfig
from console.config.retention import load_retention
from console.config.secrets import mask
from console.paths import DEFAULT_CONFIG_DIR, AppPaths, warn_if_opened
from console.services.recording_time import parse_utc
from console.services.recordings import LogAudit, Recordings, Timeline, iso
from console.services.sealed_export import MANIFEST, find_in_audit, shown, verify_export
from console.store import FILE_NAME, STORE_VARIABLE, StoreUnavailable, open_store
from console.store.backend import Database, utc_moment
from console.wording import WordedError

TIME_EXAMPLE = "2026-12-05T10:00:00Z"  # times are ISO 8601 in UTC (recording_time)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    listing = commands.add_parser("recordings", help="what is recorded: spans, gaps with their cause, evidence locks")
    listing.add_argument("--camera", action="append", default=None, metavar="ID", help="this camera (repeatable)")
    _span_options(listing, required=False)
    listing.add_argument("--json", action="store_true", help="JSON for other systems")
    listing.add_argument("--user", required=True, help="who asks (the password from UITKIJK_PASSWORD)")
    export = commands.add_parser("export", help="a sealed export of recordings (MP4 per camera and a manifest), "
                                 "or 'export verify DIR'")  # fmt: skip
    verbs = export.add_subparsers(dest="export_command", required=False, metavar="verify")
    verify = verbs.add_parser("verify", help="check an export's files against its manifest (and the audit log)")
    verify.add_argument("folder", type=Path, metavar="DIR")
    export.add_argument("--camera", action="append", default=None, metavar="ID", help="a camera (repeatable)")
    _span_options(export, required=False)
    export.add_argument("--out", type=Path, default=None, metavar="DIR", help="a new or empty folder")
    export.add_argument("--user", default=None, help="who exports (the password from UITKIJK_PASSWORD)")
    export.add_argument("--reason", default=None, metavar="'CATEGORY: REF'", help="e.g. 'incident: PV 2026/0412'")
    export.add_argument("--judicial", action="store_true", help="judicial police (else administrative)")
    export.add_argument(
        "--decision",
        default=None,
        metavar="REF",
        help="the prosecutor's or investigating judge's decision (footage past the first month)",
    )
    export.add_argument("--recipient", default="", metavar="TEXT", help="who receives the copy (name, service)")
    for parser in (listing, export, verify):
        parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
        parser.add_argument("--data", type=Path, default=None, metavar="DIR", help="the store's folder")
        add_store_option(parser)


def _span_options(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--from", dest="time_from", default=None, metavar="T", help=f"UTC, e.g. {TIME_EXAMPLE}")
    parser.add_argument("--to", dest="time_to", default=None, metavar="T", help="UTC")


def _refused(line: str) -> int:
    print(f"refused: {mask(line)}", file=sys.stderr)
    return 1


def run(arguments: argparse.Namespace, config: CameraConfig) -> int:
    """``recordings`` and ``export`` (``export verify`` needs no configuration: :func:`verify`)."""
    try:
        admin_days = load_retention(config.folder).administrative_consult_days
    except ConfigError as error:
        for issue in error.issues:
            print(mask(str(issue)), file=sys.stderr)
        return 1
    try:
        span = _span(arguments)
        if arguments.command == "export":
            _export_arguments_present(arguments)
    except ValueError as error:
        return _refused(str(error))
    paths = warn_if_opened(AppPaths.resolve(arguments.data))
    try:
        store = open_store(paths.data_dir, arguments.store)
    except StoreUnavailable as error:
        return _refused(str(error))
    try:
        log = AuditLog(store, paths.data_dir / KEY_FILE)
        session = Session(sign_in(config.folder, arguments.user, log))  # a refused sign-in is logged
        cameras = {camera.id: camera.name for camera in config.cameras}  # a refusal suggests the id of a name
        recordings = Recordings(store, LogAudit(log), cameras, admin_days=admin_days)
        if arguments.command == "recordings":
            return _list(recordings, session, arguments, span)
        return _export(recordings, session, arguments, span)
    except (WordedError, StoreUnavailable, AuditKeyError) as error:
        return _refused(str(error))
    finally:
        store.close()


def _span(arguments: argparse.Namespace) -> tuple[dt.datetime, dt.datetime] | None:
    if (arguments.time_from is None) != (arguments.time_to is None):
        raise ValueError("--from and --to go together (a span)")
    if arguments.time_from is None:
        return None
    return parse_utc(arguments.time_from, "--from"), parse_utc(arguments.time_to, "--to")


def _export_arguments_present(arguments: argparse.Namespace) -> None:
    given = (("--camera", arguments.camera), ("--from", arguments.time_from), ("--to", arguments.time_to),
             ("--out", arguments.out), ("--user", arguments.user), ("--reason", arguments.reason))  # fmt: skip
    missing = [name for name, value in given if not value]
    if missing:
        raise ValueError(f"export needs {', '.join(missing)} (or: export verify DIR)")
    if arguments.decision is not None and not arguments.judicial:
        raise ValueError("--decision goes with --judicial: a prosecutor's or investigating judge's decision opens "
                         "footage to judicial police only")  # fmt: skip


def _list(recordings: Recordings, session: Session, arguments: argparse.Namespace,
          span: tuple[dt.datetime, dt.datetime] | None) -> int:  # fmt: skip
    start, end = span if span is not None else (None, None)
    if start is not None and end is not None:
        recordings.check_span(start, end, recordings.clock())
    timelines = recordings.timeline(session, arguments.camera, start, end)
    if not any(not timeline.is_empty for timeline in timelines):
        where = f" of {', '.join(arguments.camera)}" if arguments.camera else ""
        when = f" between {iso(start)} and {iso(end)}" if start is not None and end is not None else ""
        return _refused(f"nothing is recorded{where}{when}")
    if arguments.json:
        print(
            json.dumps(
                [_as_json(timeline, recordings.camera_names.get(timeline.camera)) for timeline in timelines], indent=2
            )
        )
        return 0
    for timeline in timelines:
        name = recordings.camera_names.get(timeline.camera)
        print(f"{timeline.camera}  {name}" if name else timeline.camera)  # the id, which --camera takes, and its name
        for piece in timeline.spans:
            growing = " (being recorded)" if piece.is_growing else ""
            print(f"  recorded  {iso(piece.start_utc)} \u2013 {iso(piece.end_utc)}{growing}")
        for gap in timeline.gaps:
            until = iso(gap.end_utc) if gap.end_utc else "now"
            print(f"  gap       {iso(gap.start_utc)} \u2013 {until}  {gap.cause}")
        for lock in timeline.locks:
            serves = f"incident {lock.incident}" if lock.incident else f"judicial file {lock.judicial_file}"
            span = f"{_moment(lock.start_utc)} \u2013 {_moment(lock.end_utc)}"
            print(f"  lock {lock.id:<4} {span}  {serves}: {lock.reason} (placed by {lock.placed_by})")
    return 0


def _moment(stored: str) -> str:
    """A stored moment (microseconds) as the spans are said: ISO 8601 UTC to the millisecond."""
    return iso(utc_moment(stored))


def _as_json(timeline: Timeline, name: str | None) -> dict:
    return {
        "camera": timeline.camera,
        "name": name,
        "spans": [{"from": iso(s.start_utc), "to": iso(s.end_utc), "growing": s.is_growing} for s in timeline.spans],
        "gaps": [
            {"from": iso(g.start_utc), "to": iso(g.end_utc) if g.end_utc else None, "cause": g.cause}
            for g in timeline.gaps
        ],  # fmt: skip
        "locks": [
            {
                "id": lock.id,
                "from": _moment(lock.start_utc),
                "to": _moment(lock.end_utc),
                "incident": lock.incident,
                "judicial_file": lock.judicial_file,
                "reason": lock.reason,
                "placed_by": lock.placed_by,
            }
            for lock in timeline.locks
        ],  # fmt: skip
    }


def _export(recordings: Recordings, session: Session, arguments: argparse.Namespace,
            span: tuple[dt.datetime, dt.datetime] | None) -> int:  # fmt: skip
    assert span is not None
    kind = Kind.JUDICIAL if arguments.judicial else Kind.ADMINISTRATIVE
    try:
        reason = Reason.parse(arguments.reason, kind)
        if arguments.decision is not None:
            reason = Reason(reason.kind, reason.category, reason.reference, arguments.decision)
    except ReasonRequired as error:
        return _refused(f"--reason: {error}")
    exported = recordings.export(session, reason, arguments.camera, *span, arguments.out, arguments.recipient)
    files = exported.manifest["files"]
    print(f"exported {len(files)} file{'s' if len(files) != 1 else ''} to {arguments.out}: "
          f"{', '.join(entry['file'] for entry in files)}")  # fmt: skip
    for gap in exported.manifest["gaps"]:
        print(f"  gap {gap['camera']}: {gap['from']} \u2013 {gap['to']}  {gap['cause']}")
    print(f"manifest {MANIFEST}, SHA-256 {exported.manifest_sha256} (in the audit log's 'recording export' entry)")
    if reason.kind == Kind.JUDICIAL and not reason.decision:  # allowed within the first days: said, not refused
        print("note: no decision reference was recorded (--decision): the manifest and the audit entry have none")
    return 0


def verify(arguments: argparse.Namespace) -> int:
    """``export verify DIR``: the files against the manifest anywhere; with a store, its hash in the audit chain."""
    checked = verify_export(arguments.folder)
    for problem in checked.problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    if not checked.manifest:
        return 1
    for name in checked.unlisted:
        print(f"note: {shown(name)} is not named in the manifest (not checked)")
    if not checked.is_intact:
        print(f"{arguments.folder}: the export does NOT match its manifest", file=sys.stderr)
        return 1
    print(f"{arguments.folder}: {checked.checked} file{'s match' if checked.checked != 1 else ' matches'} the manifest "
          f"(manifest SHA-256 {checked.manifest_sha256})")  # fmt: skip
    store = _store_for_verify(arguments)
    if store is None:
        print("only the files were checked: no store was named (--data, --store or UITKIJK_STORE) to find the "
              "manifest's hash in the audit log")  # fmt: skip
        return 0
    try:
        return _verify_in_audit(store, arguments, checked.manifest_sha256)
    finally:
        store.close()


def _store_for_verify(arguments: argparse.Namespace) -> Database | None:
    """The store named (--store, $UITKIJK_STORE), else the file of the data folder named (--data) if there is one;
    never created. Only a store named is read: this machine's own data folder may hold another room's store (or a
    test's), whose log never saw the export, and an intact copy would be failed."""
    url = arguments.store or os.environ.get(STORE_VARIABLE)
    if url is None and (arguments.data is None or not (_data_dir(arguments) / FILE_NAME).is_file()):
        return None
    data_dir = _data_dir(arguments)
    try:
        return open_store(data_dir, url)
    except StoreUnavailable as error:
        print(f"the store could not be opened ({mask(str(error))}): only the files were checked")
        return None


def _data_dir(arguments: argparse.Namespace) -> Path:
    if arguments.data is not None:
        return Path(arguments.data).expanduser().resolve()
    import platformdirs

    from console.paths import APP_NAME

    return Path(platformdirs.user_data_dir(APP_NAME))


def _verify_in_audit(store: Database, arguments: argparse.Namespace, manifest_sha256: str) -> int:
    found = find_in_audit(store, manifest_sha256)
    if not found:
        print(f"the manifest's hash is NOT in the audit log of {store.location}: this export was not made (or not "
              "logged) with this store; --data or --store name the one it was made with", file=sys.stderr)  # fmt: skip
        return 1
    first = found[0]
    cameras = ", ".join(entry["camera"] or "" for entry in found)
    print(f"the manifest's hash is in the audit log: entry {first['seq']} ('recording export' of {cameras}) by "
          f"{first['user']} ({first['role']}) on {first['workstation']} at {first['utc']}")  # fmt: skip
    key = _data_dir(arguments) / KEY_FILE
    if not key.is_file():
        print(f"the chain itself was not checked: no audit key here ({key})")
        return 0
    try:
        verdict = AuditLog(store, key).verify()
    except AuditKeyError as error:
        print(f"the chain itself was not checked: {error}")
        return 0
    if not verdict.is_intact:
        print(f"the audit chain is BROKEN: {verdict}", file=sys.stderr)
        return 1
    print(f"the audit chain is intact ({verdict})")
    return 0
