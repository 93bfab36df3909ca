"""The archive's law tried as a data-protection officer and an investigator would, on both stores with real files.

An administrative export never holds a picture older than the window (not even the keyframe before its start);
``export verify`` reads no manifest that never ends and shows no escape sequence a copy's file names carry; a
lock typed from a year before 1000 holds its footage through the sweeper; an import under the id of a camera
whose recordings are still in the archive is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import av
import pytest

from console.access.permissions import Role
from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog, ChangeRefused
from console.cli import main
from console.config.loader import load_camera_config
from console.config.retention import RetentionFile
from console.config.schema import Recording
from console.paths import DEFAULT_CONFIG_DIR, AppPaths
from console.services import evidence_locks, footage_import
from console.services.evidence_locks import LockRequest
from console.services.recording_time import checked_span, parse_utc
from console.services.recordings import LogAudit, RecordingRefused, Recordings
from console.services.retention import RetentionSweeper, sweeper_who
from console.services.sealed_export import MANIFEST, sha256_of
from console.store import archive, open_store
from console.store.backend import utc_text
from tests.integration.archive_files import make_segment, source_clip

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
FPS = 25
GOP_S = 5  # a keyframe every 5 s, as a bodycam or a camera with a long GOP writes it
T0 = dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.UTC)
WINDOW_START = T0 + dt.timedelta(seconds=7)  # with the clock below, the 30-day window starts here
CLOCK = WINDOW_START + dt.timedelta(days=30)
ADMINISTRATIVE = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "PV 2026/0412")
DECIDED = Reason(Kind.JUDICIAL, Category.INVESTIGATOR_REQUEST, "PV 2026/0412", "PK 21.L7.1234/26")


@pytest.fixture(scope="module")
def long_gop_clip(tmp_path_factory) -> Path:
    """20 s of H.264, keyframes at 0, 5, 10 and 15 s only (MPEG-TS)."""
    path = tmp_path_factory.mktemp("clip") / "gop5.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc=size=320x180:rate={FPS}", "-t", "20",
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", str(GOP_S * FPS), "-keyint_min",
                    str(GOP_S * FPS), "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-f", "mpegts", str(path)],
                   check=True, timeout=120)  # fmt: skip
    return path


@pytest.fixture
def store_dir(tmp_path):
    """The data folder the command line is given: its store and its audit key."""
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def _index(database, source: Path, root: Path, camera: str, start: dt.datetime, seconds: float) -> Path:
    path = root / camera / start.strftime("%Y/%m/%d/%H%M%S.ts")
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, path)
    with database.write() as transaction:
        archive.add_segment(transaction, archive.SegmentRecord(0, camera, utc_text(start), utc_text(
            start + dt.timedelta(seconds=seconds)), str(path), path.stat().st_size, "h264", sha256_of(path),
            "rec-1"))  # fmt: skip
    return path


def _two_seconds_of_station_01(database, tmp_path: Path, start: dt.datetime) -> None:
    """A 2 s segment of station-01 from ``start``, made from the simulator's clip and indexed."""
    path = tmp_path / "recordings" / "station-01.ts"
    size, sha256 = make_segment(source_clip(tmp_path / "clips"), path, seconds=2)
    with database.write() as transaction:
        archive.add_segment(transaction, archive.SegmentRecord(0, "station-01", utc_text(start), utc_text(
            start + dt.timedelta(seconds=2)), str(path), size, "h264", sha256, "rec-1"))  # fmt: skip


def _investigator() -> Session:
    return Session(User("els.jacobs", "Els Jacobs", Role.INVESTIGATOR, "-"), "ws-07")


def _first_picture(mp4: Path) -> tuple[float, int]:
    """The MP4's duration (s) and its frame count."""
    with av.open(str(mp4)) as container:
        frames = sum(1 for _ in container.decode(container.streams.video[0]))
        return container.duration / 1_000_000, frames


def test_an_administrative_export_holds_no_picture_older_than_the_window_not_even_its_first_keyframe(
    database, log, long_gop_clip, tmp_path
):
    """The span starts inside the 30 days (at +8 s, the window at +7 s), but the keyframe at or before it (+5 s) is
    30 days and 2 s old: administratively the file starts at the next keyframe (+10 s); with a judicial decision at
    +5 s. A span whose pictures decode only from an older keyframe is refused, naming the rule; nothing is left."""
    _index(database, long_gop_clip, tmp_path / "recordings", "station-01", T0, 20)
    service = Recordings(database, LogAudit(log), ["station-01"], clock=lambda: CLOCK)
    start, end = T0 + dt.timedelta(seconds=8), T0 + dt.timedelta(seconds=18)

    exported = service.export(_investigator(), ADMINISTRATIVE, ["station-01"], start, end, tmp_path / "admin")
    (entry,) = exported.manifest["files"]
    assert parse_utc(entry["from"]) >= WINDOW_START, entry
    assert entry["from"] == "2026-11-01T10:00:10.000Z"
    duration_s, frames = _first_picture(tmp_path / "admin" / "station-01.mp4")
    assert duration_s == pytest.approx(8, abs=0.1) and frames == 8 * FPS

    judicial = service.export(_investigator(), DECIDED, ["station-01"], start, end, tmp_path / "judicial")
    assert judicial.manifest["files"][0]["from"] == "2026-11-01T10:00:05.000Z"  # a decision opens the older picture

    inside_one_gop = (T0 + dt.timedelta(seconds=8), T0 + dt.timedelta(seconds=9))
    with pytest.raises(RecordingRefused, match="only during their first 30 days; this footage is 30 days old"):
        service.export(_investigator(), ADMINISTRATIVE, ["station-01"], *inside_one_gop, tmp_path / "refused")
    assert not (tmp_path / "refused").exists()
    assert len(list(log.entries(action="recording export"))) == 2  # the refused one is not logged


# -- export verify on a copy that was tampered with ---------------------------------------------------------------


def _verify_in_a_process(folder: Path) -> subprocess.CompletedProcess:
    """``export verify`` as its own process, its memory bounded (a manifest read whole from /dev/zero must fail
    fast, not take the machine), and stopped after 60 s (a pipe read whole never ends)."""

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    environment = {**os.environ, "UITKIJK_STORE": ""}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "verify", str(folder), "--data",
                           str(folder.parent / "no-store")], capture_output=True, text=True, timeout=60,
                          preexec_fn=bounded, cwd=ROOT, env=environment)  # fmt: skip


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_export_verify_reads_no_manifest_that_is_a_pipe_or_a_device(tmp_path, kind):
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "station-01.mp4").write_bytes(b"x")
    if kind == "pipe":
        os.mkfifo(folder / MANIFEST)
    else:
        (folder / MANIFEST).symlink_to("/dev/zero")
    try:
        done = _verify_in_a_process(folder)
    except subprocess.TimeoutExpired:
        pytest.fail("export verify waited for a pipe that never ends")
    assert done.returncode == 1, done.stderr
    assert "no manifest" in done.stderr and "not a regular file" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr


def test_export_verify_shows_no_escape_sequence_from_the_copys_file_names_or_manifest(database, log, tmp_path,
                                                                                      capsys):  # fmt: skip
    """A file named with an escape sequence (conceal, cursor up) would hide the FAILED line on a terminal."""
    recent = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=1)
    _two_seconds_of_station_01(database, tmp_path, recent)
    service = Recordings(database, LogAudit(log), ["station-01"])
    out = tmp_path / "copy"
    service.export(_investigator(), ADMINISTRATIVE, ["station-01"], recent, recent + dt.timedelta(seconds=2), out)
    mp4 = out / "station-01.mp4"
    mp4.write_bytes(mp4.read_bytes()[:-1] + b"\x00")  # changed, and the same size
    (out / "\x1b[1A\x1b[2K1 file matches the manifest\x1b[8m").write_bytes(b"")
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"].append({"file": "\x1b[8mhidden.mp4", "bytes": "\x1b[8m"})
    (out / "\x1b[8mhidden.mp4").write_bytes(b"xx")
    (out / MANIFEST).write_text(json.dumps(manifest))

    code = main(["export", "verify", str(out), "--data", str(tmp_path / "no-store")])
    shown = capsys.readouterr()
    assert code == 1
    assert "\x1b" not in shown.out and "\x1b" not in shown.err, (shown.out, shown.err)
    assert "FAILED: station-01.mp4: its SHA-256 differs" in shown.err
    assert "the export does NOT match its manifest" in shown.err


# -- a lock typed from a year before 1000 -------------------------------------------------------------------------


def test_a_lock_from_a_year_before_1000_keeps_its_footage_through_the_sweeper(database, log, tmp_path):
    """The store's times are text: '999-01-01...' sorted after '2026-...', so the lock covered nothing."""
    loaded = load_camera_config(DEFAULT_CONFIG_DIR)
    config = dataclasses.replace(loaded, cameras=tuple(
        camera.model_copy(update={"recording": Recording(retention_days=30)}) if camera.id == "station-01"
        else camera for camera in loaded.cameras))  # fmt: skip
    now = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)
    old = now - dt.timedelta(days=40)
    path = _index(database, source_clip(tmp_path / "clips"), tmp_path / "recordings", "station-01", old, 60)
    who = {"user": "an.peeters", "role": Role.OPERATOR.value, "workstation": "desk-1"}
    span = checked_span(parse_utc("0999-01-01T00:00:00Z"), now - dt.timedelta(days=1), now)
    request = LockRequest(("station-01",), span, None, "PV GE.12.L1.004321/2026", "everything before the file")
    change = evidence_locks.place(who, Role.OPERATOR, request, [camera.id for camera in config.cameras])
    detail = json.loads(log.commit(change.record(who)).detail)
    assert "unrecorded" not in detail  # the lock finds the footage it holds

    sweeper = RetentionSweeper(database, log, config, RetentionFile(), None, sweeper_who("rec-pc"), clock=lambda: now)
    report = sweeper.sweep()
    assert report.deleted == [] and report.kept_by_locks == 1
    assert path.exists()
    with database.read() as transaction:
        (lock,) = archive.locks(transaction, "station-01")
        assert lock.start_utc == "0999-01-01T00:00:00.000000Z"
        assert [segment.path for segment in archive.segments(transaction, "station-01")] == [str(path)]


# -- an import under a camera's id --------------------------------------------------------------------------------


def test_an_import_under_the_id_of_a_camera_whose_recordings_are_in_the_archive_is_refused(database, log, tmp_path):
    """A camera taken out of cameras.yaml keeps its recordings (and the default 30 days): a device imported under
    its id would merge with them, and keep them as long as imported footage (90 days)."""
    source = source_clip(tmp_path / "clips")
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    gone_camera = "station-99"  # recorded once, no longer configured
    _index(database, source, tmp_path / "recordings", gone_camera, now - dt.timedelta(days=3), 60)
    bodycam = tmp_path / "inbox" / "BODYCAM.mp4"
    make_segment(source, bodycam, seconds=4, container="mp4")
    who = {"user": "els.jacobs", "role": Role.INVESTIGATOR.value, "workstation": "ws-07"}
    request = footage_import.ImportRequest(bodycam, "bodycam", gone_camera, now - dt.timedelta(days=1))
    prepared = footage_import.prepare(who, Role.INVESTIGATOR, request, ["station-01"], tmp_path / "archive", now)
    with pytest.raises(ChangeRefused, match="'station-99' is a camera's id"):
        log.commit(prepared.change.record(who))
    prepared.discard()
    with database.read() as transaction:
        assert archive.read_devices(transaction) == []
        assert len(archive.segments(transaction, gone_camera)) == 1
    assert not any(path.is_file() for path in (tmp_path / "archive").rglob("*"))


def test_export_verify_says_one_line_for_a_manifest_nested_too_deep_or_naming_a_file_too_long(tmp_path, capsys):
    """A hostile copy's manifest: JSON nested 100,000 deep, a file name of 5,000 characters; never 'Uitkijk
    stopped', always FAILED and exit 1."""
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / MANIFEST).write_text("[" * 100_000 + "]" * 100_000)
    code = main(["export", "verify", str(folder), "--data", str(tmp_path / "no-store")])
    shown = capsys.readouterr()
    assert code == 1 and "is not an export's manifest" in shown.err, shown.err
    assert len(shown.err.splitlines()) == 1

    (folder / MANIFEST).write_text(json.dumps({"files": [{"file": "x" * 5000, "bytes": 1, "sha256": "0" * 64}]}))
    code = main(["export", "verify", str(folder), "--data", str(tmp_path / "no-store")])
    shown = capsys.readouterr()
    assert code == 1, shown.err
    assert "cannot be read (File name too long)" in shown.err and "does NOT match" in shown.err
    assert "unexpected failure" not in shown.err and len(shown.err.splitlines()) == 2


def test_the_export_entry_names_the_folder_whole_when_out_is_given_relative(database, log, tmp_path, monkeypatch,
                                                                              store_url):  # fmt: skip
    """``--out copy-for-the-prosecutor`` from some folder: the audit entry says where the copy was written."""
    recent = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=1)
    _two_seconds_of_station_01(database, tmp_path, recent)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("UITKIJK_PASSWORD", "uitkijk-demo")
    monkeypatch.delenv("UITKIJK_STORE", raising=False)
    store = ["--store", store_url] if store_url else []
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    code = main(["export", "--camera", "station-01", "--from", recent.strftime(stamp), "--to",
                 (recent + dt.timedelta(seconds=2)).strftime(stamp), "--out", "copy-for-the-prosecutor", "--user",
                 "els.jacobs", "--reason", "incident: PV 2026/0412", "--config", str(DEFAULT_CONFIG_DIR), "--data",
                 str(tmp_path / "data"), *store])  # fmt: skip
    assert code == 0
    (entry,) = log.entries(action="recording export")
    assert json.loads(entry.detail)["folder"] == str(tmp_path / "copy-for-the-prosecutor")


def test_a_decision_reference_or_recipient_that_would_show_other_than_it_is_stored_is_refused(
    database, log, tmp_path, monkeypatch, store_url, capsys
):
    """The decision's reference is the legal ground of the access, in the audit log and the manifest: a U+202E
    would show 'PK 21.L7.1234/26' reversed in part, an escape sequence could hide the recipient on a terminal."""
    old = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=40)
    _two_seconds_of_station_01(database, tmp_path, old)
    monkeypatch.setenv("UITKIJK_PASSWORD", "uitkijk-demo")
    monkeypatch.delenv("UITKIJK_STORE", raising=False)
    store = ["--store", store_url] if store_url else []
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    export = ["export", "--camera", "station-01", "--from", old.strftime(stamp), "--to",
              (old + dt.timedelta(seconds=2)).strftime(stamp), "--out", str(tmp_path / "copy"), "--user",
              "els.jacobs", "--judicial", "--config", str(DEFAULT_CONFIG_DIR), "--data", str(tmp_path / "data"),
              *store]  # fmt: skip
    AppPaths.resolve(tmp_path / "data")  # made private, as the console makes it (no warning below)
    cases = [
        (["--reason", "investigator request: PV 88/2026", "--decision", "PK 21\u202eL7.1234/26"],
         "the decision's reference holds U+202E RIGHT-TO-LEFT OVERRIDE"),
        (["--reason", "investigator request: PV \x1b[8m88/2026", "--decision", "PK 21.L7.1234/26"],
         "the reference holds U+001B ESCAPE"),
        (["--reason", "investigator request: PV 88/2026", "--decision", "PK 21.L7.1234/26", "--recipient",
          "Parket\x1b[8m West-Vlaanderen"], "the recipient holds U+001B ESCAPE"),
    ]  # fmt: skip
    for arguments, expected in cases:
        code = main([*export, *arguments])
        err = capsys.readouterr().err
        assert code == 1 and expected in err and len(err.splitlines()) == 1, (arguments, err)
        assert not (tmp_path / "copy").exists()
    assert list(log.entries(action="recording export")) == []
    code = main([*export, "--reason", "investigator request: PV 88/2026", "--decision", "PK 21.L7.1234/26"])
    assert code == 0 and json.loads((tmp_path / "copy" / MANIFEST).read_text())["decision"] == "PK 21.L7.1234/26"
    # A reason stored before the rule held is shown, never obeyed: its invisible characters as U+FFFD.
    stored = Reason.from_record({"kind": "judicial police", "category": "request from an investigator",
                                 "reference": "PV 88", "decision": "PK 21\u202eL7"})  # fmt: skip
    assert stored.decision == "PK 21\ufffdL7"


def test_a_store_password_given_as_a_url_parameter_is_never_shown(tmp_path, monkeypatch, capsys):
    """libpq takes ``?password=``; the refusal of a store that cannot be reached said it in clear."""
    monkeypatch.setenv("UITKIJK_PASSWORD", "uitkijk-demo")
    monkeypatch.delenv("UITKIJK_STORE", raising=False)
    url = "postgresql://uitkijk@127.0.0.1:1/uitkijk?connect_timeout=2&password=Secr3tQuery9"
    code = main(["recordings", "--user", "els.jacobs", "--config", str(DEFAULT_CONFIG_DIR), "--data",
                 str(tmp_path / "data"), "--store", url])  # fmt: skip
    shown = capsys.readouterr()
    assert code == 1 and "cannot be reached" in shown.err, shown.err
    written = [path.read_text(errors="replace") for path in (tmp_path / "data").rglob("*.log")]
    assert "Secr3tQuery9" not in shown.out + shown.err + "".join(written)
    assert "password=***" in shown.err


def test_unlock_of_a_number_no_store_holds_says_one_line(tmp_path, monkeypatch, capsys, store_url):
    """``unlock 99999999999999999999`` (a typo) stopped with 'unexpected failure' (an int too large for the store)."""
    monkeypatch.setenv("UITKIJK_PASSWORD", "uitkijk-demo")
    monkeypatch.delenv("UITKIJK_STORE", raising=False)
    store = ["--store", store_url] if store_url else []
    (tmp_path / "data").mkdir(mode=0o700)
    for lock_id in ("99999999999999999999", "0"):
        code = main(["unlock", lock_id, "--user", "karel.maes", "--reason", "file closed", "--config",
                     str(DEFAULT_CONFIG_DIR), "--data", str(tmp_path / "data"), *store])  # fmt: skip
        err = capsys.readouterr().err
        assert code == 1 and err == f"there is no evidence lock {lock_id}\n", err


def test_a_recorder_is_not_named_with_an_escape_sequence_or_as_a_user(tmp_path, capsys):
    """The name is the audit log's user of every 'recorder pull': 'tom.claes' made the recorder's entries read as the
    team chief's, an escape sequence went into the log, the store and room status."""
    for name in ("rec\x1b[8mx", "tom.claes", "Tom.Claes", "recorder 1"):
        code = main(["record", "--config", str(DEFAULT_CONFIG_DIR), "--data", str(tmp_path / "data"), "--name",
                     name])  # fmt: skip
        err = capsys.readouterr().err
        assert code == 1 and "--name:" in err and "\x1b" not in err, (name, err)
    assert not (tmp_path / "data" / "uitkijk.sqlite3").exists()  # refused before the store is opened


def test_an_imported_files_name_is_stored_and_said_without_its_escape_sequence_or_bidi_control(
    tmp_path, monkeypatch, capsys, store_url
):
    """A name off a USB stick: 'BODY<ESC>[8mCAM<U+202E>4mp.mp4' went into the 'footage imported' entry and the
    terminal as it was."""
    monkeypatch.setenv("UITKIJK_PASSWORD", "uitkijk-demo")
    monkeypatch.delenv("UITKIJK_STORE", raising=False)
    store = ["--store", store_url] if store_url else []
    (tmp_path / "data").mkdir(mode=0o700)
    bodycam = tmp_path / "inbox" / "BODY\x1b[8mCAM\u202e4mp.mp4"
    make_segment(source_clip(tmp_path / "clips"), bodycam, seconds=4, container="mp4")
    start = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    code = main(["import-footage", str(bodycam), "--source", "bodycam", "--device", "bodycam-0412", "--start", start,
                 "--user", "els.jacobs", "--root", str(tmp_path / "archive"), "--config", str(DEFAULT_CONFIG_DIR),
                 "--data", str(tmp_path / "data"), *store])  # fmt: skip
    shown = capsys.readouterr()
    assert code == 0, shown.err
    assert "\x1b" not in shown.out + shown.err and "\u202e" not in shown.out + shown.err
    assert shown.out.startswith("BODY\ufffd[8mCAM\ufffd4mp.mp4 imported as bodycam-0412")
    database = open_store(tmp_path / "data", store_url)
    try:
        (entry,) = AuditLog(database, tmp_path / "data" / KEY_FILE).entries(action="footage imported")
    finally:
        database.close()
    detail = json.loads(entry.detail)
    assert detail["file"] == "BODY\ufffd[8mCAM\ufffd4mp.mp4" and detail["file_sha256"] == sha256_of(bodycam)
