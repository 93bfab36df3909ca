"""The command line: run, demo, check-config, sim, and the commands of the other modules (cli_*)."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from console import cli_archive, cli_dispatch, cli_events, cli_evidence, cli_record, cli_relay, cli_room
from console.access.permissions import Role
from console.access.session import workstation_problem
from console.access.users import load_users
from console.cli_options import add_store_option
from console.config.errors import ConfigError, ConfigIssue
from console.config.files import present
from console.config.loader import CameraConfig, check_file, did_you_mean, load_camera_config
from console.config.map_file import load_map
from console.config.one_line import one_line_problem, shown_on_one_line
from console.config.retention import load_retention
from console.config.room import ROOM_FILE, load_room, load_room_file
from console.config.secrets import install_masking, mask, register_secret
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT, AppPaths, private_files_from_now_on, warn_if_opened
from console.startup import mark
from console.store import STORE_VARIABLE, store_password_given
from console.tours.config import load_tours
from console.wall.layouts import LAYOUTS

if TYPE_CHECKING:  # the widgets are imported only when a desk runs
    from pydantic import BaseModel

    from console.audit.log import AuditLog
    from console.event_intake.child import EventsChild
    from console.ui.signin import SignIn
    from console.ui.warm_start import WarmStart

LOGGER = logging.getLogger("uitkijk")
DEMO_USER = "demo"  # the demo users of camera_config/users.yaml all have this password (README)
DEMO_PASSWORD = "uitkijk-demo"


class _NoTraceback(logging.Formatter):
    """The terminal gets the message; the traceback goes to the log file only (no traceback reaches a user)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def setup_logging(paths: AppPaths | None, verbose: bool = False) -> Path | None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console_handler = logging.StreamHandler(sys.stderr)
    console_handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console_handler.setFormatter(_NoTraceback("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console_handler)
    log_file = None
    if paths is not None:
        log_file = paths.data_dir / "uitkijk.log"
        file_handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=5_000_000, backupCount=3)
        file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file_handler)
    install_masking(root)
    return log_file


def _load_config(folder: Path, is_simulation_checked: bool = False) -> CameraConfig | None:
    """The camera configuration, every file of the folder checked: the faults of all files at once (one broken file
    does not hide another's); None when there are any, after printing them."""
    issues: list[ConfigIssue] = []
    config: CameraConfig | None = None
    try:
        config = load_camera_config(folder)
    except ConfigError as error:
        issues += error.issues
    for check in _file_checks(folder, config, is_simulation_checked):
        try:
            check()
        except ConfigError as error:
            issues += error.issues
    if not issues:
        return config
    shown = ConfigError(issues).issues  # sorted, and bounded per file
    for issue in shown:
        print(mask(str(issue)), file=sys.stderr)
    count = len(shown) - sum(1 for issue in shown if issue.more) + sum(issue.more for issue in shown)
    print(f"{count:,} problem{'s' if count != 1 else ''} in the configuration in {folder}", file=sys.stderr)
    return None


def _file_checks(folder: Path, config: CameraConfig | None, is_simulation_checked: bool) -> list[Callable[[], object]]:
    """What checks each file beside cameras.yaml. Without the cameras (cameras.yaml is broken), the files that name
    cameras or areas are checked alone: their own faults and their schema's, not the names they use."""
    from console.alarms.config import ALARMS_FILE, AlarmsFile, load_alarm_rules
    from console.dispatch.config import UNITS_FILE, UnitsFile, load_watchlists
    from console.tours.config import TOURS_FILE, ToursFile

    def alone(name: str, model: type[BaseModel]) -> Callable[[], object]:
        def check() -> None:
            if issues := check_file(folder / name, model):
                raise ConfigError(issues)

        return check

    checks: list[Callable[[], object]] = [lambda: load_users(folder), lambda: load_map(folder),
                                          lambda: load_retention(folder)]  # fmt: skip
    if config is None:
        checks += [alone(ALARMS_FILE, AlarmsFile), alone(TOURS_FILE, ToursFile), alone(UNITS_FILE, UnitsFile),
                   lambda: load_watchlists(folder),
                   lambda: present(folder / ROOM_FILE) and load_room_file(folder / ROOM_FILE)]  # fmt: skip
    else:
        checks += [lambda: load_alarm_rules(config), lambda: load_tours(config),
                   lambda: cli_dispatch.check_dispatch_files(config),
                   lambda: load_room(config)]  # fmt: skip
    if is_simulation_checked:  # check-config only: the simulator's module is imported for it
        from console.sim.from_config import SIMULATION_FILE, SimulationFile, load_simulation

        checks.append(alone(SIMULATION_FILE, SimulationFile) if config is None else lambda: load_simulation(config))
    return checks


def _add_console_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR", help="camera configuration folder"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="DIR",
        help="where state is kept (default: the platform's user folders)",
    )
    add_store_option(parser)
    parser.add_argument("--layout", choices=list(LAYOUTS), default=None, help="layout of the first wall window")
    parser.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="PNG",
        help="save a picture of the main window and exit (needs --exit-after)",
    )
    parser.add_argument(
        "--exit-after", type=float, default=None, metavar="SECONDS", help="quit after this many seconds"
    )
    parser.add_argument("--verbose", action="store_true", help="log details to the terminal")
    parser.add_argument("--lang", choices=("nl", "fr", "en"), default=None,
                        help="the language for every user (else each user's from users.yaml, else nl)")  # fmt: skip
    parser.add_argument(
        "--user",
        default=None,
        metavar="NAME",
        help="sign in without the dialog, the password taken from UITKIJK_PASSWORD (an unattended wall PC)",
    )
    parser.add_argument(
        "--reason",
        default=None,
        metavar="'CATEGORY: REFERENCE'",
        help="with --user: the reason for viewing, e.g. 'virtual patrol: station quarter' (default: the user's last)",
    )
    parser.add_argument("--judicial", action="store_true", help="with --reason: judicial police (else administrative)")
    parser.add_argument(
        "--tour",
        default=None,
        metavar="ID",
        help="run this tour (tours.yaml) from launch, round after round, until stopped (an unattended wall PC)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="uitkijk", description="Uitkijk: live video wall for a police dispatch room")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("run", help="open the console on the configured cameras")
    _add_console_options(run)
    demo = commands.add_parser("demo", help="start the simulated camera network and the console on it")
    _add_console_options(demo)
    demo.add_argument("--desks", type=int, default=None, metavar="N",
                      help="a whole room: a PostgreSQL store, the relay and N desks (1-4), each signed in as another "
                           "demo user, the last one the team chief's")  # fmt: skip
    demo.add_argument("--relay-port", type=int, default=None, metavar="N", help="with --desks: the relay's port")
    demo.add_argument("--recorders", type=int, default=1, metavar="N",
                      help="with --desks: the room's recorders (0-2), sharing the recorded cameras")  # fmt: skip
    demo.add_argument("--relays", type=int, default=1, metavar="N",
                      help="with --desks: the room's relays (1-2), each a process of its own sharing the cameras "
                           "(kill -9 one to see the other take its cameras)")  # fmt: skip
    check = commands.add_parser("check-config", help="check a configuration folder and summarise it")
    check.add_argument("folder", type=Path, nargs="?", default=DEFAULT_CONFIG_DIR, metavar="DIR")
    probe = commands.add_parser("probe", help="ask an ONVIF camera what it is and can do")
    probe.add_argument("--host", required=True)
    probe.add_argument("--port", type=int, default=80)
    probe.add_argument("--username", default=None)
    probe.add_argument("--password", default=None, help="or set UITKIJK_ONVIF_PASSWORD (not shown in ps)")
    probe.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS")
    probe.add_argument("--json", action="store_true", help="one JSON object instead of text")
    audit = commands.add_parser("audit", help="the audit log: verify its chain, export it")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    verify = audit_commands.add_parser("verify", help="check that no entry was changed, removed or reordered")
    export = audit_commands.add_parser("export", help="entries in a period as CSV, for the data-protection officer")
    resume = audit_commands.add_parser("resume", help="after a cut was found and looked into: record it in the log "
                                       "and let this desk write again")  # fmt: skip
    resume.add_argument("--note", required=True, help="why it may go on (the report or case the cut is filed under)")
    for sub in (verify, export, resume):
        sub.add_argument("--db", type=Path, default=None, metavar="PATH", help="the store (default: the data folder's)")
        sub.add_argument("--key", type=Path, default=None, metavar="PATH", help="the log's key (default: beside --db)")
        sub.add_argument("--data", type=Path, default=None, metavar="DIR")
        add_store_option(sub)
    export.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day (UTC), YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day (UTC), YYYY-MM-DD")
    export.add_argument("--user", default=None)
    export.add_argument("--camera", default=None)
    export.add_argument("--csv", type=Path, required=True, metavar="FILE")
    user = commands.add_parser("user", help="the administrator's commands: add a user, set a password, list")
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="COMMAND")
    add = user_commands.add_parser("add", help="add a user (the password is asked, or UITKIJK_NEW_PASSWORD)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--full-name", required=True)
    passwd = user_commands.add_parser("passwd", help="set a user's password (asked, or UITKIJK_NEW_PASSWORD)")
    passwd.add_argument("name")
    user_commands.add_parser("list", help="the users and their roles")
    for sub in user_commands.choices.values():
        sub.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
        sub.add_argument("--data", type=Path, default=None, metavar="DIR", help="where the audit log is")
        add_store_option(sub)
    cli_dispatch.add_parsers(commands)
    cli_room.add_parsers(commands)
    cli_relay.add_parsers(commands)
    cli_evidence.add_parsers(commands)
    cli_record.add_parsers(commands)
    cli_events.add_parsers(commands)
    cli_archive.add_parsers(commands)
    sim = commands.add_parser("sim", help="run only the simulated camera network, until Ctrl+C")
    sim.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
    sim.add_argument("--data", type=Path, default=None, metavar="DIR")
    sim_commands = sim.add_subparsers(dest="sim_command", metavar="COMMAND")
    from console.sim.control import EVENT_KINDS  # the simulator's words; importing it loads nothing else

    event = sim_commands.add_parser(
        "event", help="make a camera of the running simulator (sim, demo) do something: an alarm for real"
    )
    event.add_argument("camera", metavar="CAMERA")
    event.add_argument("kind", metavar="KIND", help=f"one of: {', '.join(EVENT_KINDS)}")
    # SUPPRESS: 'sim --data DIR event ...' keeps the DIR given before the command
    event.add_argument("--config", type=Path, default=argparse.SUPPRESS, metavar="DIR")
    event.add_argument("--data", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                       help="the data folder of the running simulator")  # fmt: skip
    event.add_argument("--store", default=argparse.SUPPRESS, metavar="URL", help="accepted like the other commands")
    return parser


def main(argv: list[str] | None = None) -> int:
    mark("imports done")
    arguments = build_parser().parse_args(argv)
    private_files_from_now_on()
    problem = workstation_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    _warn_of_a_password_in_the_command_line(arguments)
    if not _store_from_room(arguments):
        return 1
    hooks = sys.excepthook, threading.excepthook
    install_failure_hooks()
    try:
        return _dispatch(arguments)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        LOGGER.exception("unexpected failure")
        log_file = _log_file()
        where = f" (details in {log_file})" if log_file else ""  # only where a log was written
        print(f"Uitkijk stopped: {mask(str(error)) or type(error).__name__}{where}", file=sys.stderr)
        return 2
    finally:
        sys.excepthook, threading.excepthook = hooks


def install_failure_hooks() -> None:
    """A failure inside the event loop (a slot, a paint) or in a thread of ours goes on: one line on the terminal,
    the traceback in the log file. Python's own hooks printed the whole traceback to the terminal."""
    sys.excepthook = report_failure
    threading.excepthook = lambda failure: report_failure(failure.exc_type, failure.exc_value, failure.exc_traceback,
                                                          failure.thread.name if failure.thread else None)  # fmt: skip


def report_failure(kind: type[BaseException], error: BaseException | None, trace: TracebackType | None,
                   thread: str | None = None) -> None:  # fmt: skip
    if issubclass(kind, (KeyboardInterrupt, SystemExit)):
        sys.__excepthook__(kind, error or kind(), trace)
        return
    what = mask(str(error)) if error is not None else ""
    where = f" in thread {thread}" if thread else ""
    log_file = _log_file()
    if log_file is not None:  # the terminal's handler drops the traceback (_NoTraceback); the file keeps it
        LOGGER.error("unexpected failure%s: %s: %s", where, kind.__name__, what, exc_info=(kind, error, trace))
        return
    print(f"Uitkijk: unexpected failure{where}: {kind.__name__}: {what}", file=sys.stderr)


def _log_file() -> str | None:
    """The file the root logger writes to, if any (the short commands keep no log)."""
    return next((handler.baseFilename for handler in logging.getLogger().handlers
                 if isinstance(handler, logging.FileHandler)), None)  # fmt: skip


def _warn_of_a_password_in_the_command_line(arguments: argparse.Namespace) -> None:
    """``--store postgresql://user:PASSWORD@...`` is read by every local account (``ps``): say so, not the password."""
    url = getattr(arguments, "store", None)
    if url and store_password_given(url):
        print("warning: --store holds a password, which every local user can read (ps); give the URL in "
              f"${STORE_VARIABLE}, or keep the password in a libpq password file (~/.pgpass, $PGPASSFILE) or a "
              "service file (postgresql:///?service=NAME, $PGSERVICE)", file=sys.stderr)  # fmt: skip


def _store_from_room(arguments: argparse.Namespace) -> bool:
    """A command's store: --store, else $UITKIJK_STORE, else room.yaml's (beside the cameras), else the data folder's
    file. False (and the faults said) when room.yaml is broken."""
    if not hasattr(arguments, "store") or arguments.store or os.environ.get(STORE_VARIABLE):
        return True
    folder = getattr(arguments, "config", None) or DEFAULT_CONFIG_DIR
    try:
        room = load_room_file(folder / ROOM_FILE) if present(folder / ROOM_FILE) else None
    except ConfigError as error:
        for issue in error.issues:
            print(mask(str(issue)), file=sys.stderr)
        return False
    if room is not None and room.store:
        arguments.store = room.store
    return True


def _dispatch(arguments: argparse.Namespace) -> int:
    simple = {"check-config": _check_config, "probe": _probe, "audit": _audit, "user": _user,
              "incidents": cli_dispatch.list_incidents, "intake": _intake, "room": cli_room.status,
              "alarms": cli_events.list_alarms}  # fmt: skip
    if arguments.command in simple:
        setup_logging(None)
        return simple[arguments.command](arguments)
    if arguments.command in ("recordings", "export"):
        setup_logging(None)
        return _archive(arguments)
    if arguments.command == "sim" and arguments.sim_command == "event":
        setup_logging(None)
        return _sim_event(arguments)
    paths = AppPaths.resolve(arguments.data)
    setup_logging(paths, getattr(arguments, "verbose", False))
    warn_if_opened(paths)
    config = _load_config(arguments.config)
    if config is None:
        return 1
    if arguments.command == "sim":
        return _run_sim(config, paths)
    if arguments.command == "relay":
        return cli_relay.run(arguments, config, paths)
    if arguments.command in cli_evidence.COMMANDS:
        return cli_evidence.run(arguments, config, paths)
    if arguments.command == "record":
        return cli_record.run(arguments, config, paths)
    if arguments.command == "events":
        return cli_events.run(arguments, config, paths)
    return _run_desk(arguments, config, paths)


def _check_config(arguments: argparse.Namespace) -> int:
    from console.alarms.config import load_alarm_rules

    config = _load_config(arguments.folder, is_simulation_checked=True)
    if config is None:
        return 1
    tours = load_tours(config)
    users = load_users(arguments.folder)
    dispatch_summary, warnings = cli_dispatch.check_dispatch_files(config)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{arguments.folder}: OK, {config.summary()}, {len(tours)} tours, {len(users.users)} users, "
          f"{dispatch_summary}; {load_retention(arguments.folder).summary()}; "
          f"{load_alarm_rules(config).summary()}; {room_summary(config)}")  # fmt: skip
    return 0


def room_summary(config: CameraConfig) -> str:
    """room.yaml in a few words, for check-config: its store (no user or secret), its relays, its workstations."""
    from urllib.parse import urlsplit

    room = load_room(config)  # checked already: its faults were said with file, line and key
    if room is None:
        return f"no {ROOM_FILE}: a desk alone (its own store, every camera pulled by the desk itself)"
    if room.store is None:
        store = "each desk's own store"
    else:
        parts = urlsplit(room.store)
        store = f"store {parts.scheme}://{parts.hostname or ''}{parts.path}"
    if room.relay is None:
        relays = "no relay"
    else:
        addresses = (room.relay.address, *room.relay.others)
        shared = " sharing the cameras by claims" if room.relay.is_shared else ""
        relays = f"{len(addresses)} relay{'s' if len(addresses) != 1 else ''}{shared} ({', '.join(addresses)})"
    count = len(room.workstations)
    return f"room: {store}, {relays}, {count} workstation{'s' if count != 1 else ''}"


def _archive(arguments: argparse.Namespace) -> int:
    """``recordings``, ``export``; ``export verify`` needs no configuration (a copy is checked anywhere)."""
    if arguments.command == "export" and arguments.export_command == "verify":
        return cli_archive.verify(arguments)
    config = _load_config(arguments.config)
    return 1 if config is None else cli_archive.run(arguments, config)


def _intake(arguments: argparse.Namespace) -> int:
    config = _load_config(arguments.config)
    return 1 if config is None else cli_dispatch.intake(arguments, config)


def _run_desk(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths) -> int:
    """``run`` (a real desk) and ``demo`` (the same desk on the simulated camera network)."""
    if arguments.screenshot is not None and arguments.exit_after is None:
        print("--screenshot needs --exit-after SECONDS", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    if arguments.command == "run":  # its cameras are there: their streams open now, while Qt is imported
        warm = _warm_start(arguments, config, paths)
        try:
            return _run_desk_warm(arguments, config, paths, warm)
        finally:
            warm.end()  # when no session took it
    return _run_desk_warm(arguments, config, paths, None)


def _warm_start(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths) -> WarmStart:
    """The wall's likely streams pulled and decoded from here, before the sign-in (``ui/warm_start.py``; no Qt)."""
    from console.access.session import workstation_name
    from console.ui.warm_start import desk_directory, warm_start

    return warm_start(config, paths, desk_directory(config, paths, workstation_name()), arguments.layout,
                      arguments.user)  # fmt: skip


def _run_desk_warm(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths,
                   warm: WarmStart | None) -> int:  # fmt: skip
    from console.ui.app import RunOptions, run_console

    options = RunOptions(arguments.layout, arguments.screenshot, arguments.exit_after, arguments.tour, arguments.store,
                         arguments.lang)  # fmt: skip
    tours = load_tours(config)
    if arguments.tour is not None and arguments.tour not in {tour.id for tour in tours}:
        known = [tour.id for tour in tours]
        hint = did_you_mean(arguments.tour, known)
        print(f"--tour: no tour '{mask(arguments.tour)[:80]}' in tours.yaml{hint}; tours: {', '.join(known) or 'none'}",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        plan = _unattended_sign_in(arguments)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    if arguments.command == "run":
        events = _lone_desk_events(arguments, paths)  # a desk alone runs the room's events service itself
        try:
            return run_console(config, paths, options, tours, plan=plan, warm=warm)
        finally:
            if events is not None:
                events.stop()
    if arguments.desks is not None:
        from console.room_demo import run_room_demo

        password = os.environ.get("UITKIJK_PASSWORD", DEMO_PASSWORD)
        register_secret(password)
        return run_room_demo(arguments, config, paths, password)
    return _run_demo(arguments, config, paths, lambda demo_plan: run_console(config, paths, options, tours,
                                                                             plan=plan or demo_plan))  # fmt: skip


def _lone_desk_events(arguments: argparse.Namespace, paths: AppPaths) -> EventsChild | None:
    """A desk with no room (no --store, no $UITKIJK_STORE, no store in room.yaml: its own store) starts the events
    service as its child; a room's desk does not (the room runs one for all its desks)."""
    if arguments.store or os.environ.get(STORE_VARIABLE):
        return None
    from console.event_intake.child import EventsChild, events_command

    events = EventsChild(events_command(arguments.config.resolve(), paths.data_dir))
    events.start()
    return events


def _unattended_sign_in(arguments: argparse.Namespace) -> SignIn | None:
    """``--user`` with UITKIJK_PASSWORD (and ``--reason``): a wall PC that signs in by itself; ValueError if not."""
    if arguments.user is None:
        return None
    from console.access.reasons import Kind, Reason, ReasonRequired
    from console.ui.signin import SignIn

    password = os.environ.get("UITKIJK_PASSWORD")
    if not password:
        raise ValueError("--user needs the password in the environment variable UITKIJK_PASSWORD")
    register_secret(password)
    reason = None
    if arguments.reason is not None:
        try:
            reason = Reason.parse(arguments.reason, Kind.JUDICIAL if arguments.judicial else Kind.ADMINISTRATIVE)
        except ReasonRequired as error:
            raise ValueError(f"--reason: {error}") from None
    return SignIn(arguments.user, password, reason)


def _run_demo(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths,
              run: Callable[[SignIn], int]) -> int:  # fmt: skip
    """The simulated camera network and ANPR back end around a desk signed in as the demo operator."""
    from console.access.reasons import Category, Kind, Reason
    from console.sim.from_config import build_network
    from console.sim.network import REMOTE_NICENESS, SimulationError
    from console.ui.signin import SignIn

    # The demo signs in as the demo operator, on virtual patrol, logged like any other.
    plan = SignIn(DEMO_USER, os.environ.get("UITKIJK_PASSWORD", DEMO_PASSWORD),
                  Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "demo"))  # fmt: skip
    register_secret(plan.password)
    network = build_network(config, paths.cache_dir / "sim-clips", niceness=REMOTE_NICENESS,
                            control_dir=paths.data_dir)  # fmt: skip
    network.progress = _print_clip_progress
    print(f"Starting the simulated camera network ({len(network.cameras)} cameras)\u2026", file=sys.stderr)
    try:
        network.start()
    except SimulationError as error:
        print(f"The simulated camera network could not start: {error}", file=sys.stderr)
        return 1
    import subprocess

    anpr = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "console.sim.anpr_feed",
            "--config",
            str(arguments.config.resolve()),
            "--data",
            str(paths.data_dir),
        ],
        stdout=subprocess.DEVNULL,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip  (the simulated ANPR back end: hits now and then)
    # The recorder, as a room runs it: a process of its own, the demo's cameras with 'recording:' under DATA/recordings.
    recorder = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "main.py"), "record", "--config", str(arguments.config.resolve()),
         "--data", str(paths.data_dir), *(["--store", arguments.store] if arguments.store else [])],
        stdout=subprocess.DEVNULL, cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    # The room's events service, as a lone desk runs it: the cameras' events and the detectors into the alarm queue.
    from console.event_intake.child import EventsChild, events_command

    events = EventsChild(events_command(arguments.config.resolve(), paths.data_dir, arguments.store))
    events.start()
    try:
        return run(plan)
    finally:
        events.stop()  # its subscriptions given back
        for child in (recorder, anpr):
            child.terminate()  # the recorder finishes and hashes its segments
        try:
            recorder.wait(15)
        except subprocess.TimeoutExpired:
            recorder.kill()
            recorder.wait()
        anpr.wait(5)
        network.stop()


def _probe(arguments: argparse.Namespace) -> int:
    import asyncio
    import json

    from console.onvif.client import OnvifClient
    from console.onvif.models import OnvifError

    password = arguments.password or os.environ.get("UITKIJK_ONVIF_PASSWORD")
    client = OnvifClient(arguments.host, arguments.port, arguments.username, password, arguments.timeout)

    async def run():
        try:
            return await client.connect()
        finally:
            await client.close()

    try:
        probe = asyncio.run(run())
    except OnvifError as error:
        print(f"{arguments.host}:{arguments.port}: {error}", file=sys.stderr)
        return 1
    report = {
        "device": {
            "manufacturer": probe.device.manufacturer,
            "model": probe.device.model,
            "firmware": probe.device.firmware,
            "serial": probe.device.serial,
        },
        "profiles": [
            {
                "token": profile.token,
                "name": profile.name,
                "encoding": profile.encoding,
                "width": profile.width,
                "height": profile.height,
                "stream_uri": mask(profile.stream_uri),
            }
            for profile in probe.profiles
        ],
        "ptz": {"supported": probe.has_ptz},
        "clock_offset_s": round(probe.clock_offset_s, 1),
    }
    if probe.has_ptz:
        report["ptz"]["commands"] = sorted(command.value for command in probe.ptz_commands)
        report["ptz"]["presets"] = [{"token": preset.token, "name": preset.name} for preset in probe.presets]
    if arguments.json:
        print(json.dumps(report, indent=2))
        return 0
    device = report["device"]
    print(f"{device['manufacturer']} {device['model']}, firmware {device['firmware']}, serial {device['serial']}")
    print(f"clock offset: {report['clock_offset_s']:+.1f} s")
    for profile in report["profiles"]:
        size = f"{profile['width']}x{profile['height']}"
        print(f"profile {profile['token']}: {profile['encoding']} {size}  {profile['stream_uri']}")
    if probe.has_ptz:
        names = ", ".join(f"{p['name']} ({p['token']})" for p in report["ptz"]["presets"]) or "none"
        print(f"PTZ: yes; presets: {names}")
    else:
        print("PTZ: no")
    return 0


def _audit(arguments: argparse.Namespace) -> int:
    import datetime as dt

    from console.audit.log import AuditKeyError, AuditLog
    from console.services.supervision import Supervision
    from console.store import FILE_NAME, STORE_VARIABLE, StoreUnavailable, open_store, open_store_file

    data_dir = warn_if_opened(AppPaths.resolve(arguments.data)).data_dir
    room_url = arguments.store or os.environ.get(STORE_VARIABLE)
    database = arguments.db or data_dir / FILE_NAME
    if room_url is None and not database.exists():
        print(f"no audit log at {database}", file=sys.stderr)
        return 1
    key = arguments.key or (data_dir / "audit.key" if room_url else database.with_name("audit.key"))
    if not key.exists():
        print(f"the audit log's key is missing: {key}", file=sys.stderr)
        return 1
    try:
        store = open_store(data_dir, room_url) if room_url and not arguments.db else open_store_file(database)
    except StoreUnavailable as error:
        print(str(error), file=sys.stderr)
        return 1
    try:
        try:
            log = AuditLog(store, key)
        except AuditKeyError as error:
            print(str(error), file=sys.stderr)
            return 1
        supervision = Supervision(store, log)
        if arguments.audit_command == "verify":
            verdict = supervision.verify()
            print(str(verdict), file=sys.stdout if verdict.is_intact else sys.stderr)
            return 0 if verdict.is_intact else 1
        if arguments.audit_command == "resume":
            return _resume_audit(log, arguments.note)
        try:
            first = dt.date.fromisoformat(arguments.date_from)
            last = dt.date.fromisoformat(arguments.date_to)
        except ValueError as error:
            print(f"dates are YYYY-MM-DD: {error}", file=sys.stderr)
            return 1
        until = (last + dt.timedelta(days=1)).isoformat()
        entries = list(supervision.log.entries(first.isoformat(), until, arguments.user, arguments.camera))
        supervision.export_csv(entries, arguments.csv)
        print(f"{len(entries)} entries written to {arguments.csv}")
        return 0
    finally:
        store.close()


def _resume_audit(log: AuditLog, note: str) -> int:
    """Record the cut this desk found in the chain itself, under the administrator's name, and go on."""
    import socket

    from console.store import StoreUnavailable

    problem = one_line_problem(note.strip())
    if problem is not None or not note.strip():
        print(f"--note {problem or 'is empty'}", file=sys.stderr)
        return 1
    before = log.verify()
    try:
        entry = log.resume(_account_name(), "administrator (command line)", socket.gethostname(), note.strip())
    except (StoreUnavailable, ValueError) as error:
        print(mask(str(error)), file=sys.stderr)
        return 1
    print(f"found: {before}")
    print(f"the cut is recorded at entry {entry.seq}; this desk writes the log again (restart its console)")
    return 0


def _user(arguments: argparse.Namespace) -> int:
    """The administrator's user commands: checked by the loader's own rules, logged, then written to users.yaml."""
    import getpass
    import socket

    from console.access.users import (
        ROLES,
        USERS_FILE,
        User,
        UserDirectory,
        UsersFileUnchanged,
        entry_problems,
        hash_password,
        prepare_add,
        prepare_password,
    )
    from console.audit.log import KEY_FILE, AuditLog
    from console.store import StoreUnavailable, open_store

    path = arguments.config / USERS_FILE
    try:
        if arguments.user_command == "add" and not path.exists():
            users = UserDirectory((), path=path)  # the first user creates the file
        else:
            users = load_users(arguments.config)
    except ConfigError as error:
        for issue in error.issues:
            print(mask(str(issue)), file=sys.stderr)
        return 1
    if arguments.user_command == "list":
        for user in users.users.values():
            print(f"{user.name:16} {user.role.value:24} {shown_on_one_line(user.full_name)}")
        return 0
    typed = one_line_problem(arguments.name)
    name = arguments.name.strip().lower()
    if arguments.user_command == "add":
        problems = [f"NAME: {typed}"] if typed else entry_problems(name, arguments.full_name, arguments.role)
        if problems:  # before the password is asked: nothing typed in vain
            return _users_unchanged(problems, path)
        if name in users.users:
            return _users_unchanged([f"there is already a user '{name}'"], path)
    elif typed or name not in users.users:
        return _users_unchanged([f"NAME: {typed}" if typed else f"no user '{name}' in {path}"], path)
    password = os.environ.get("UITKIJK_NEW_PASSWORD") or getpass.getpass(f"New password for {name}: ")
    try:
        password_hash = hash_password(password)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    try:
        if arguments.user_command == "add":
            user = User(name, arguments.full_name.strip(), ROLES[arguments.role], password_hash)
            prepared = prepare_add(path, user)
        else:
            user = users.users[name]
            prepared = prepare_password(path, name, password_hash)
    except UsersFileUnchanged as error:
        return _users_unchanged(error.problems, path)
    try:
        paths = warn_if_opened(AppPaths.resolve(arguments.data))
        try:
            store = open_store(paths.data_dir, arguments.store)
        except StoreUnavailable as error:
            return _users_unchanged([str(error)], path)
        try:
            detail = {"file": "users.yaml", "change": f"user {arguments.user_command}", "user": name}
            if arguments.user_command == "add":
                detail["role"] = user.role.value
            try:  # a key that is not the room's, or a log cut at its end: the file is not changed
                AuditLog(store, paths.data_dir / KEY_FILE).append(
                    _account_name(), "administrator (command line)", socket.gethostname(), "configuration change",
                    None, detail)  # fmt: skip
            except StoreUnavailable as error:
                return _users_unchanged([str(error)], path)
        finally:
            store.close()
        prepared.commit()
    finally:
        prepared.discard()
    print(f"{'added' if arguments.user_command == 'add' else 'password set for'} {name} ({user.role.value})")
    return 0


def _account_name() -> str:
    """The administrator's account, from the system's own table: $USER or $LOGNAME could put anything in the log."""
    import pwd

    return shown_on_one_line(pwd.getpwuid(os.getuid()).pw_name)


def _users_unchanged(problems: list[str], path: Path) -> int:
    for problem in problems:
        print(mask(problem), file=sys.stderr)
    print(f"{path} was not changed", file=sys.stderr)
    return 1


def _print_clip_progress(done: int, total: int) -> None:
    end = "\n" if done == total else ""
    print(f"\rPreparing the simulated cameras' clips (first start only): {done}/{total}", end=end, file=sys.stderr)


def _sim_event(arguments: argparse.Namespace) -> int:
    """``sim event CAMERA KIND``: checked against the configuration here, done by the running simulator."""
    from console.sim.control import EVENT_KINDS, MOBBOX_KINDS, SimControlError, send_event

    try:
        config = load_camera_config(arguments.config)  # only the cameras matter here
    except ConfigError as error:
        print(f"sim event: {mask(str(error.issues[0]))}", file=sys.stderr)
        return 1
    known = [camera.id for camera in config.cameras]
    camera = next((camera for camera in config.cameras if camera.id == arguments.camera), None)
    problem = None
    if camera is None:
        problem = f"no camera '{arguments.camera}' in {config.folder}{did_you_mean(arguments.camera, known)}"
    elif arguments.kind not in EVENT_KINDS:
        problem = f"unknown event '{arguments.kind}' (one of: {', '.join(EVENT_KINDS)})"
    elif arguments.kind in MOBBOX_KINDS and camera.mobbox is None:
        problem = f"{arguments.kind} is a Mobbox's event; camera '{camera.id}' is not on a Mobbox"
    if problem is None:
        try:
            data_dir = arguments.data.expanduser().resolve() if arguments.data else AppPaths.resolve(None).data_dir
            send_event(data_dir, arguments.camera, arguments.kind)  # (a folder given is looked in, not made)
        except SimControlError as error:
            problem = str(error)
    if problem is not None:
        print(f"sim event: {mask(problem)}", file=sys.stderr)
        return 1
    print(f"{arguments.camera}: {arguments.kind}")
    return 0


def _run_sim(config: CameraConfig, paths: AppPaths) -> int:
    import signal
    import threading

    from console.sim.from_config import build_network
    from console.sim.network import REMOTE_NICENESS

    network = build_network(config, paths.cache_dir / "sim-clips", niceness=REMOTE_NICENESS,
                            control_dir=paths.data_dir)  # fmt: skip
    network.progress = _print_clip_progress

    def stop_starting(*_: object) -> None:
        """Ctrl+C or SIGTERM while the clips are made (minutes on a first start): stop now. The clip makers are
        killed and their partial files removed (ensure_clips), then whatever had started is stopped."""
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal does not cut the cleaning short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise _SimStopped

    signal.signal(signal.SIGTERM, stop_starting)
    signal.signal(signal.SIGINT, stop_starting)
    try:
        network.start()
    except _SimStopped:
        network.stop()
        print("\nStopped while preparing the simulated cameras; no partial clip is left", file=sys.stderr)
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        print(
            f"Simulated network: {len(network.cameras)} cameras on rtsp://127.0.0.1:{network.port}/  (Ctrl+C stops)",
            flush=True,
        )
        stop.wait()
    finally:
        network.stop()
    return 0


class _SimStopped(Exception):
    """The simulator was asked to stop (SIGTERM, Ctrl+C) while it started."""
