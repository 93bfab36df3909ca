"""The dispatch commands: intake from other systems (the phone system, an ANPR back end) and the incident list.

``intake`` writes into the same store as the consoles, through the audit log
(attributed to ``--by``, as an external system), so a running console shows
the incident or hit within its poll interval. Bad input is refused with every
problem named, and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

from console.access.session import workstation_name
from console.access.users import load_users
from console.audit.log import KEY_FILE, AuditKeyError, AuditLog, ChangeRefused
from console.cli_options import add_store_option
from console.config.errors import ConfigError, ConfigIssue
from console.config.files import FileRefused, read_bounded
from console.config.loader import CameraConfig, did_you_mean
from console.config.one_line import one_line_problem
from console.config.secrets import mask
from console.dispatch import service
from console.dispatch.config import expired_warnings, load_units, load_watchlists, places
from console.dispatch.intake_checks import clean_png, one_line, text_problems
from console.dispatch.model import IllegalChange, Source, locate
from console.paths import DEFAULT_CONFIG_DIR, AppPaths, warn_if_opened
from console.services.dispatch_reads import DispatchReader
from console.store import FILE_NAME, STORE_VARIABLE, StoreUnavailable, open_store

BY_RULE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._()/-]{0,59}")  # "ANPR back end (simulated)"
SOURCES = {source.value: source for source in Source if source not in (Source.ANPR, Source.CAMERA)}
MAX_IMAGE_BYTES = 8_000_000


def add_parsers(commands: argparse._SubParsersAction) -> None:
    intake = commands.add_parser("intake", help="put an incident or an ANPR read into the store (other systems)")
    kinds = intake.add_subparsers(dest="intake_command", required=True, metavar="KIND")
    call = kinds.add_parser("call", help="an incident from the phone line, a patrol or a citizen's report")
    call.add_argument("--type", required=True, help="e.g. fight, shoplifting, bike theft")
    call.add_argument("--address", required=True, help="street and number, or a place")
    call.add_argument("--description", required=True)
    call.add_argument("--priority", type=int, default=2, help="1 (urgent), 2 or 3 (default 2)")
    call.add_argument("--caller", default="", help="name and call-back number")
    call.add_argument("--source", choices=list(SOURCES), default="phone")
    call.add_argument("--area", default=None, help="area id (found from the address when it names a known street)")
    call.add_argument("--lat", type=float, default=None)
    call.add_argument("--lon", type=float, default=None)
    anpr = kinds.add_parser("anpr", help="a plate read by an ANPR camera (kept only when it matches a watch list)")
    anpr.add_argument("--camera", required=True)
    anpr.add_argument("--plate", required=True)
    anpr.add_argument("--country", required=True, help="the plate's international code: B, NL, F, D, ...")
    anpr.add_argument("--confidence", type=float, required=True, help="the read's confidence, 0..1")
    anpr.add_argument("--direction", choices=list(service.DIRECTIONS), default="unknown")
    anpr.add_argument("--image", type=Path, default=None, metavar="PNG", help="the overview image")
    anpr.add_argument("--plate-image", type=Path, default=None, metavar="PNG", help="the plate crop")
    for sub in (call, anpr):
        sub.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
        sub.add_argument("--data", type=Path, default=None, metavar="DIR", help="the store's folder")
        add_store_option(sub)
        sub.add_argument("--by", default="intake", help="the system that hands it over (in the audit log)")
        sub.add_argument("--json", action="store_true", help="print the result as JSON")
    listing = commands.add_parser("incidents", help="list incidents (open ones with --open)")
    listing.add_argument("--open", action="store_true", help="only new, dispatched and on-scene incidents")
    listing.add_argument("--json", action="store_true", help="JSON for other systems")
    listing.add_argument("--data", type=Path, default=None, metavar="DIR")
    add_store_option(listing)


def _fail(problems: list[str]) -> int:
    for problem in problems:
        shown = mask(problem)
        shown = shown if len(shown) <= 300 else shown[:300] + "\u2026"
        print(f"refused: {shown.encode('utf-8', 'backslashreplace').decode('utf-8')}", file=sys.stderr)
    print("nothing was stored", file=sys.stderr)
    return 1


def _read_png(path: Path | None, what: str, problems: list[str]) -> bytes | None:
    """The image at ``path``: a regular file (a pipe would hang, ``/dev/zero`` never end), read up to its bound and
    decoded for real."""
    if path is None:
        return None
    try:
        data = read_bounded(path, MAX_IMAGE_BYTES)
    except FileRefused as refused:
        problems.append(f"cannot read the {what} {_shown_path(path)}: {refused}")
        return None
    try:
        return clean_png(data)
    except ValueError as error:
        problems.append(f"the {what} {path} {error}")
        return None


def _shown_path(path: Path, limit: int = 120) -> str:
    """A path as a message shows it: its end, where the name is (a name of 300 characters is cut)."""
    text = str(path)
    return text if len(text) <= limit else "\u2026" + text[-limit:]


def _by_problems(by: str, config: CameraConfig) -> list[str]:
    """``--by`` names a system, never a person: an external system must not write in a user's name, nor in one
    that reads like it ("tom.claes.", "Tom Claes", "tom.claes (team chief)")."""
    problem = one_line_problem(by, 60)
    if problem is not None:
        return [f"--by: the system's name {problem}"]
    if not BY_RULE.fullmatch(by):  # fullmatch: a '$' would let a final newline through
        return ["--by: the system's name is 1 to 60 letters, digits, spaces and . _ ( ) / -"]
    try:
        users = load_users(config.folder).users
    except ConfigError:
        users = {}
    words = _words(by)
    for user in users.values():
        for own in (_words(user.name), _words(user.full_name)):
            is_inside = any(words[start : start + len(own)] == own for start in range(len(words) - len(own) + 1))
            if own and (is_inside or "".join(words) == "".join(own)):
                return [f"--by: '{by}' is a user of the console, or reads like one ('{user.name}'); name the system "
                        "that hands the input over"]  # fmt: skip
    return []


def _words(text: str) -> list[str]:
    """A name's words, as a reader compares them: case, accents, dots, spaces and brackets aside."""
    plain = "".join(character for character in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(character))  # fmt: skip
    return re.findall(r"[^\W_]+", plain.casefold())


def intake(arguments: argparse.Namespace, config: CameraConfig) -> int:
    paths = warn_if_opened(AppPaths.resolve(arguments.data))
    problems: list[str] = _by_problems(arguments.by, config)
    if arguments.intake_command == "call":
        change = _call_change(arguments, config, problems)
        entry_list = None
    else:
        change, entry_list = _anpr_change(arguments, config, problems)
        if change is None and not problems:
            result = {"stored": False, "why": "the read matches no live watch-list entry (such reads are not kept)"}
            print(json.dumps(result) if arguments.json else result["why"])
            return 0
    if problems or change is None:
        return _fail(problems)
    try:
        store = open_store(paths.data_dir, arguments.store)
    except StoreUnavailable as error:
        return _fail([str(error)])
    try:
        try:
            log = AuditLog(store, paths.data_dir / KEY_FILE)
        except AuditKeyError as error:
            return _fail([str(error)])
        who = {"user": arguments.by, "role": "external system", "workstation": workstation_name()}
        entry = log.commit(change.record(who))
    except (ChangeRefused, StoreUnavailable) as error:  # refused: the change, or the log (cut, unreachable)
        return _fail([str(error)])
    finally:
        store.close()
    detail = json.loads(entry.detail)
    if arguments.json:
        print(json.dumps({"stored": True, **detail}))
    elif "incident" in detail:
        where = detail["where"]
        print(f"incident {detail['incident']} stored: {detail['type']}, priority {detail['priority']}, {where}")
    else:
        assert entry_list is not None
        joined = (f"joins incident {detail['joined_incident']}" if "joined_incident" in detail else
                  f"joins hit {detail['hit']}, still to check" if "joined_hit" in detail else "")  # fmt: skip
        if joined:
            print(f"ANPR read of {detail['plate']} ({detail['country']}) {joined}")
            return 0
        print(f"ANPR hit {detail['hit']} stored: {detail['plate']} ({detail['country']}) on '{entry_list.list}'"
              f" \u2013 {entry_list.reason}")  # fmt: skip
    return 0


def _call_change(arguments: argparse.Namespace, config: CameraConfig, problems: list[str]) -> service.Change | None:
    area, lat, lon = arguments.area, arguments.lat, arguments.lon
    areas = [each.id for each in config.areas]
    if area is not None and text_problems("area", area, 64):
        problems += [str(problem) for problem in text_problems("area", area, 64)]
        area = None
    elif area is not None and area not in areas:
        problems.append(f"unknown area '{area}'{did_you_mean(area, areas)}; one of {', '.join(areas)}")
    found = locate(arguments.address, places(config)) if not text_problems("address", arguments.address, 200) else None
    if found is not None:
        area = area or found.area
        if lat is None and lon is None:
            lat, lon = found.lat, found.lon
    for name, value, limit in (("latitude", lat, 90), ("longitude", lon, 180)):
        if value is not None and not -limit <= value <= limit:
            problems.append(f"{name} {value} is out of range")
    for name in ("type", "address", "description"):
        if not getattr(arguments, name).strip():
            problems.append(f"--{name} is empty")
    draft = service.Draft(SOURCES[arguments.source], arguments.type, arguments.priority, arguments.address, area, lat,
                          lon, arguments.description, arguments.caller)  # fmt: skip
    problems += [str(problem) for problem in draft.problems() if str(problem) not in problems]
    if problems:
        return None
    try:
        return service.create_incident(draft, arguments.by)
    except IllegalChange as error:
        problems.append(str(error))
        return None


def _anpr_change(arguments: argparse.Namespace, config: CameraConfig, problems: list[str]):
    try:
        watchlists = load_watchlists(config.folder)
    except ConfigError as error:
        problems += [str(issue) for issue in error.issues]
        return None, None
    read = service.Read(arguments.camera, arguments.plate, arguments.country, arguments.confidence,
                        arguments.direction, "", _read_png(arguments.plate_image, "plate image", problems),
                        _read_png(arguments.image, "overview image", problems))  # fmt: skip
    problems += read.problems([camera.id for camera in config.cameras if camera.kind == "anpr"])
    if problems:
        return None, None
    return service.record_read(read, watchlists, dt.datetime.now(dt.UTC).date(), arguments.by)


def list_incidents(arguments: argparse.Namespace) -> int:
    paths = warn_if_opened(AppPaths.resolve(arguments.data))
    incidents: tuple = ()
    if arguments.store or os.environ.get(STORE_VARIABLE) or (paths.data_dir / FILE_NAME).exists():
        try:
            store = open_store(paths.data_dir, arguments.store)
        except StoreUnavailable as error:
            return _fail([str(error)])
        try:
            incidents = DispatchReader(store).board(is_open_only=arguments.open).incidents
        finally:
            store.close()
    if arguments.json:
        print(json.dumps([service.incident_json(incident) for incident in incidents], indent=2, ensure_ascii=False))
        return 0
    if not incidents:
        print("no open incidents" if arguments.open else "no incidents")
    for incident in incidents:
        units = ", ".join(incident.units) or "-"
        print(f"{incident.id}  P{incident.priority}  {incident.state.value:10}  {one_line(incident.type):20}  "
              f"{one_line(incident.where[:40]):40}  units: {one_line(units)}")  # fmt: skip
    return 0


def check_dispatch_files(config: CameraConfig) -> tuple[str, list[str]]:
    """For check-config: the units and watch lists (ConfigError with the faults of both), a summary and expiry
    warnings."""
    issues: list[ConfigIssue] = []
    try:
        units = load_units(config)
    except ConfigError as error:
        issues += error.issues
    try:
        watchlists = load_watchlists(config.folder)
    except ConfigError as error:
        issues += error.issues
    if issues:
        raise ConfigError(issues)
    warnings = expired_warnings(config.folder, watchlists, dt.datetime.now(dt.UTC).date())
    return f"{len(units.units)} units, {len(watchlists.entries)} watch-list entries", warnings
