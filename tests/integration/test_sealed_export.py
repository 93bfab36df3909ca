"""Sealed export on real segments (MPEG-TS made by ffmpeg, indexed in the store), on both stores: the MP4 plays
with the span's duration, the manifest verifies and fails after one changed byte, its hash is in the audit chain;
and the command line: the 30-day rule, one line per refusal, ``export verify`` with and without the store."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import av
import pytest

from console.access.permissions import Role
from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog
from console.cli import main
from console.paths import DEFAULT_CONFIG_DIR, AppPaths
from console.services.recordings import LogAudit, NothingRecorded, RecordingRefused, Recordings
from console.services.sealed_export import MANIFEST, find_in_audit, iso, sha256_of, verify_export
from console.store import FILE_NAME, archive, open_store
from console.store.backend import utc_text
from tests.integration.archive_files import make_segment, source_clip

pytestmark = pytest.mark.integration
SEGMENT_S = 20
FPS = 25
PASSWORD = "uitkijk-demo"  # the demo users' (camera_config/users.yaml)
T0 = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)
CLOCK = T0 + dt.timedelta(minutes=5)
INCIDENT = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "PV 2026/0412")


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """20 s of H.264 at 25 fps, a keyframe every second, as the recorder writes it (MPEG-TS)."""
    path = tmp_path_factory.mktemp("clip") / "clip.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc=size=320x180:rate={FPS}", "-t",
                    str(SEGMENT_S), "-c:v", "libx264", "-preset", "ultrafast", "-g", str(FPS), "-pix_fmt", "yuv420p",
                    "-f", "mpegts", str(path)], check=True, timeout=120)  # fmt: skip
    return path


@pytest.fixture
def store_dir(tmp_path):
    """The data folder the command line is given: its store and its audit key."""
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def index(database, clip: Path, root: Path, camera: str, start: dt.datetime, count: int = 1) -> list[Path]:
    """``count`` contiguous segments of ``camera`` from ``start``, as files under ``root`` and rows in the index."""
    paths = []
    with database.write() as transaction:
        for number in range(count):
            begin = start + dt.timedelta(seconds=SEGMENT_S * number)
            path = root / camera / begin.strftime("%Y/%m/%d/%H%M%S.ts")
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(clip, path)
            end = begin + dt.timedelta(seconds=SEGMENT_S)
            archive.add_segment(transaction, archive.SegmentRecord(0, camera, utc_text(begin), utc_text(end),
                                str(path), path.stat().st_size, "h264", sha256_of(path), "rec-1"))  # fmt: skip
            paths.append(path)
    return paths


def investigator() -> Session:
    return Session(User("els.jacobs", "Els Jacobs", Role.INVESTIGATOR, "-"), "ws-07")


def test_an_export_plays_with_the_spans_duration_states_its_gaps_and_is_sealed_in_the_audit_chain(
    database, clip, tmp_path
):
    root = tmp_path / "recordings"
    index(database, clip, root, "station-01", T0, count=2)  # 10:00:00 - 10:00:40
    index(database, clip, root, "station-01", T0 + dt.timedelta(seconds=60))  # 10:01:00 - 10:01:20
    with database.write() as transaction:
        archive.add_gap(transaction, "station-01", utc_text(T0 + dt.timedelta(seconds=40)),
                        utc_text(T0 + dt.timedelta(seconds=60)), "camera down", "rec-1")  # fmt: skip
    index(database, clip, root, "station-02", T0)
    log = AuditLog(database, tmp_path / "data" / KEY_FILE)
    service = Recordings(database, LogAudit(log), ["station-01", "station-02"], clock=lambda: CLOCK)
    out = tmp_path / "export"
    start, end = T0 + dt.timedelta(seconds=5), T0 + dt.timedelta(seconds=70)
    exported = service.export(investigator(), INCIDENT, ["station-01", "station-02"], start, end, out,
                              "Parket West-Vlaanderen, substituut Declercq")  # fmt: skip

    with av.open(str(out / "station-01.mp4")) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        duration_s = container.duration / 1_000_000
    assert duration_s == pytest.approx(65, abs=0.1)  # 10:00:05 to 10:01:10, the gap kept as time
    assert frames == (35 + 10) * FPS  # no re-encoding: every packet of the span, none of the gap
    with av.open(str(out / "station-02.mp4")) as container:
        assert container.duration / 1_000_000 == pytest.approx(15, abs=0.1)  # 10:00:05 to 10:00:20

    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["cameras"] == ["station-01", "station-02"]
    assert (manifest["who"], manifest["role"], manifest["workstation"]) == ("els.jacobs", "investigator", "ws-07")
    assert manifest["recipient"] == "Parket West-Vlaanderen, substituut Declercq"
    assert manifest["reason"]["reference"] == "PV 2026/0412" and manifest["decision"] is None
    assert [(g["camera"], g["from"], g["to"], g["cause"]) for g in manifest["gaps"]] == [
        ("station-01", "2026-12-05T10:00:40.000Z", "2026-12-05T10:01:00.000Z", "camera down"),
        ("station-02", "2026-12-05T10:00:20.000Z", "2026-12-05T10:01:10.000Z", "not recorded"),
    ]
    assert {f["file"]: f["sha256"] for f in manifest["files"]} == {
        name: sha256_of(out / name) for name in ("station-01.mp4", "station-02.mp4")}  # fmt: skip

    entries = list(log.entries(action="recording export"))
    assert [entry.camera for entry in entries] == ["station-01", "station-02"]
    detail = json.loads(entries[0].detail)
    assert detail["manifest_sha256"] == exported.manifest_sha256 == sha256_of(out / MANIFEST)
    assert (detail["from"], detail["to"]) == ("2026-12-05T10:00:05.000Z", "2026-12-05T10:01:10.000Z")
    assert detail["recipient"] == "Parket West-Vlaanderen, substituut Declercq"
    assert [entry["seq"] for entry in find_in_audit(database, exported.manifest_sha256)] == [e.seq for e in entries]
    assert log.verify().is_intact

    checked = verify_export(out)
    assert checked.is_intact and checked.checked == 2
    data = bytearray((out / "station-02.mp4").read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte changed
    (out / "station-02.mp4").write_bytes(bytes(data))
    checked = verify_export(out)
    assert not checked.is_intact
    assert checked.problems == ["station-02.mp4: its SHA-256 differs from the manifest's: the file was changed"]


def test_an_export_is_refused_when_nothing_is_recorded_or_the_folder_is_not_empty(database, clip, tmp_path):
    index(database, clip, tmp_path / "recordings", "station-01", T0)
    log = AuditLog(database, tmp_path / "data" / KEY_FILE)
    service = Recordings(database, LogAudit(log), ["station-01", "station-02"], clock=lambda: CLOCK)
    span = (T0, T0 + dt.timedelta(seconds=10))
    with pytest.raises(NothingRecorded, match="nothing of station-02 is recorded between"):
        service.export(investigator(), INCIDENT, ["station-01", "station-02"], *span, tmp_path / "a")
    assert not (tmp_path / "a").exists()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "other.txt").write_text("x")
    with pytest.raises(RecordingRefused, match="is not an empty folder"):
        service.export(investigator(), INCIDENT, ["station-01"], *span, tmp_path / "b")
    assert list(log.entries(action="recording export")) == []


def test_a_changed_segment_is_left_out_and_named_as_a_gap(database, clip, tmp_path):
    first, second = index(database, clip, tmp_path / "recordings", "station-01", T0, count=2)
    second.write_bytes(second.read_bytes()[:-188])  # one TS packet less: not the file the recorder closed
    log = AuditLog(database, tmp_path / "data" / KEY_FILE)
    service = Recordings(database, LogAudit(log), ["station-01"], clock=lambda: CLOCK)
    exported = service.export(investigator(), INCIDENT, ["station-01"], T0, T0 + dt.timedelta(seconds=40),
                              tmp_path / "out")  # fmt: skip
    assert [(g["from"], g["cause"]) for g in exported.manifest["gaps"]] == [
        ("2026-12-05T10:00:20.000Z", "segment changed since it was recorded")]  # fmt: skip


# -- the command line ----------------------------------------------------------------------------------------------


@pytest.fixture
def run(monkeypatch, capsys, store_url):
    """``main`` in this process, signed in with the demo password: (exit code, stdout, stderr)."""
    for variable in ("UITKIJK_STORE", "UITKIJK_WORKSTATION"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("UITKIJK_PASSWORD", PASSWORD)

    def run(*arguments: str | Path) -> tuple[int, str, str]:
        code = main([str(argument) for argument in arguments])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def _cli_data(store_url, clip: Path, tmp_path: Path, start: dt.datetime,
              config: Path = DEFAULT_CONFIG_DIR) -> tuple[Path, tuple, tuple]:  # fmt: skip
    """A data folder with 20 s of station-01 from ``start`` indexed, private as the console makes it (no warning):
    the folder, the ``--store`` arguments and the arguments every command takes."""
    data = tmp_path / "data"
    store = ("--store", store_url) if store_url else ()
    data.mkdir(mode=0o700)
    database = open_store(data, store_url)
    try:
        index(database, clip, tmp_path / "recordings", "station-01", start)
    finally:
        database.close()
    AppPaths.resolve(data)
    return data, store, ("--config", config, "--data", data, *store)


def test_the_command_line_keeps_the_30_day_rule_and_export_verify_finds_the_seal(
    run, store_url, clip, tmp_path, monkeypatch
):
    old = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=31)
    data, store, common = _cli_data(store_url, clip, tmp_path, old)
    span = ("--from", old.isoformat().replace("+00:00", "Z"), "--to", (old + dt.timedelta(seconds=15)).isoformat())
    export = ("export", "--camera", "station-01", *span, "--user", "els.jacobs", *common)

    code, out, err = run(*export, "--out", tmp_path / "a", "--reason", "incident: PV 2026/0412")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "only during their first 30 days" in err and "31 days old" in err
    code, out, err = run(
        *export, "--out", tmp_path / "b", "--reason", "investigator request: PV 2026/0412", "--judicial"
    )
    assert code == 1 and err.count("\n") == 1 and "only with the reference of the prosecutor's" in err
    judicial = ("--reason", "investigator request: PV 2026/0412", "--judicial")
    code, out, err = run(*export, "--out", tmp_path / "c", *judicial, "--decision", "PK 21.L7.1234/26",
                         "--recipient", "onderzoeksrechter Peeters")  # fmt: skip
    assert code == 0, err
    assert "exported 1 file" in out and "station-01.mp4" in out and "no decision reference" not in out
    manifest = json.loads((tmp_path / "c" / MANIFEST).read_text())
    assert manifest["decision"] == "PK 21.L7.1234/26" and manifest["recipient"] == "onderzoeksrechter Peeters"

    code, out, err = run("export", "verify", tmp_path / "c", "--data", data, *store)
    assert code == 0, err
    assert "1 file matches the manifest" in out and "the manifest's hash is in the audit log" in out
    assert "by els.jacobs (investigator)" in out and "the audit chain is intact" in out
    code, out, err = run("export", "verify", tmp_path / "c", "--data", tmp_path / "elsewhere")
    assert code == 0, err
    assert "only the files were checked" in out
    assert not (tmp_path / "elsewhere").exists()  # a verification creates nothing
    # No store named: this machine's own data folder holds another store (its log never saw the export): not read.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    (tmp_path / "xdg" / "uitkijk").mkdir(parents=True)
    open_store(tmp_path / "xdg" / "uitkijk", None).close()
    assert (tmp_path / "xdg" / "uitkijk" / FILE_NAME).is_file()
    code, out, err = run("export", "verify", tmp_path / "c")
    assert (code, err) == (0, ""), err
    assert "1 file matches the manifest" in out and "only the files were checked: no store was named" in out

    mp4 = tmp_path / "c" / "station-01.mp4"
    data_bytes = bytearray(mp4.read_bytes())
    data_bytes[100] ^= 0xFF
    mp4.write_bytes(bytes(data_bytes))
    code, out, err = run("export", "verify", tmp_path / "c", "--data", tmp_path / "elsewhere")
    assert code == 1 and "station-01.mp4: its SHA-256 differs" in err and "does NOT match" in err


def test_bad_times_cameras_and_empty_spans_say_one_line_each(run, store_url, clip, tmp_path, monkeypatch):
    recent = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=1)
    data, store, common = _cli_data(store_url, clip, tmp_path, recent)
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    base = ("--user", "els.jacobs", "--reason", "incident: PV 1", "--out", tmp_path / "x", *common)
    soon = (recent + dt.timedelta(seconds=5)).isoformat()
    cases = [
        (("--camera", "station-01", "--from", "yesterday", "--to", future), "--from: 'yesterday' is not a time"),
        (("--camera", "station-01", "--from", "2026-12-05T10:00:00", "--to", future), "is not in UTC"),
        (("--camera", "station-01", "--from", recent.isoformat(), "--to", (recent - dt.timedelta(hours=1)).isoformat()),
         "before it starts"),
        (("--camera", "station-01", "--from", recent.isoformat(), "--to", future), "ends in the future"),
        (("--camera", "station-99", "--from", recent.isoformat(), "--to", soon),
         "no camera or device 'station-99' (did you mean 'station-"),
        (("--camera", "Stationsplein noord", "--from", recent.isoformat(), "--to", soon),  # its name: the id suggested
         "no camera or device 'Stationsplein noord' (did you mean 'station-01' (Stationsplein noord)?)"),
        (("--camera", "Statonsplein nord", "--from", recent.isoformat(), "--to", soon),
         "(did you mean 'station-01' (Stationsplein noord)?)"),
        (("--camera", "zzzz-42", "--from", recent.isoformat(), "--to", soon), "no camera or device 'zzzz-42'\n"),
        (("--camera", "station-02", "--from", recent.isoformat(), "--to", soon),
         "nothing of station-02 is recorded"),
    ]  # fmt: skip
    for arguments, expected in cases:
        code, out, err = run("export", *arguments, *base)
        assert (code, out, err.count("\n")) == (1, "", 1), (arguments, err)
        assert expected in err and "Traceback" not in err, (arguments, err)

    database = open_store(data, store_url)
    try:
        with database.write() as transaction:
            until = utc_text(recent + dt.timedelta(seconds=9))
            archive.place_lock(transaction, ["station-01"], utc_text(recent), until, "2026-0042", None, "stolen bike",
                               "els.jacobs", "investigator", utc_text())  # fmt: skip
    finally:
        database.close()
    listing = ("recordings", "--user", "els.jacobs", *common)
    code, out, err = run(*listing, "--camera", "station-01", "--json")
    assert code == 0, err
    (found,) = json.loads(out)
    assert found["camera"] == "station-01" and found["name"] == "Stationsplein noord" and len(found["spans"]) == 1
    (lock,) = found["locks"]
    assert (lock["from"], lock["to"]) == (iso(recent), iso(recent + dt.timedelta(seconds=9)))
    # Each camera by its id (which --camera takes) and its name; the lock's times said as the spans' are.
    code, out, err = run(*listing, "--camera", "station-01")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "station-01  Stationsplein noord", out
    assert lines[1].startswith(f"  recorded  {iso(recent)} \u2013 "), out
    assert f"{iso(recent)} \u2013 {iso(recent + dt.timedelta(seconds=9))}  incident 2026-0042: stolen bike" in out, out
    code, out, err = run(*listing, "--camera", "station-02")
    assert (code, err.count("\n")) == (1, 1) and "nothing is recorded of station-02" in err
    code, out, err = run("recordings", "--user", "lies.wouters", *common)  # a call-taker: no right to see recordings
    assert code == 1 and "may not play back recordings" in err
    monkeypatch.setenv("UITKIJK_PASSWORD", "not-the-password")
    code, out, err = run(*listing)
    assert (code, err.count("\n")) == (1, 1) and "wrong user name or password" in err
    database = open_store(data, store_url)
    try:
        assert [entry.user for entry in AuditLog(database, data / KEY_FILE).entries(action="login refused")] == [
            "els.jacobs"]  # fmt: skip
    finally:
        database.close()


def test_a_judicial_export_of_fresh_footage_without_a_decision_says_none_was_recorded(run, store_url, clip, tmp_path):
    """Within the first 30 days a judicial export needs no decision: allowed, and said in one line (not an error)."""
    recent = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=1)
    _, _, common = _cli_data(store_url, clip, tmp_path, recent)
    span = ("--from", iso(recent), "--to", iso(recent + dt.timedelta(seconds=5)))
    code, out, err = run("export", "--camera", "station-01", *span, "--user", "els.jacobs", "--out", tmp_path / "j",
                         "--reason", "investigator request: PV 2026/0412", "--judicial", *common)  # fmt: skip
    assert (code, err) == (0, ""), err
    notes = [line for line in out.splitlines() if "decision" in line]
    assert notes == ["note: no decision reference was recorded (--decision): the manifest and the audit entry have "
                     "none"], out  # fmt: skip
    assert json.loads((tmp_path / "j" / MANIFEST).read_text())["decision"] is None


def test_imported_footage_of_40_days_ago_is_exported_only_under_a_judicial_decision(run, store_url, tmp_path):
    """import-footage with an old start (its real recording time): the 30-day rule holds for it like for a camera."""
    data = tmp_path / "data"
    store = ("--store", store_url) if store_url else ()
    common = ("--config", DEFAULT_CONFIG_DIR, "--data", data, *store)
    bodycam = tmp_path / "inbox" / "BODYCAM_0412.mp4"
    make_segment(source_clip(tmp_path / "clips"), bodycam, seconds=6, container="mp4")
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=40)
    stamp = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    code, _, err = run("import-footage", bodycam, "--source", "bodycam", "--device", "bodycam-0412", "--start", stamp,
                       "--user", "els.jacobs", "--root", tmp_path / "archive", *common)  # fmt: skip
    assert code == 0, err
    span = ("--from", stamp, "--to", (start + dt.timedelta(seconds=4)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    export = ("export", "--camera", "bodycam-0412", *span, "--user", "els.jacobs", *common)

    code, out, err = run(*export, "--out", tmp_path / "a", "--reason", "incident: 2026-0042")
    assert (code, out, err.count("\n")) == (1, "", 1)
    assert "only during their first 30 days; this footage is 40 days old" in err
    judicial = ("--reason", "investigator request: PV 88/2026", "--judicial")
    code, out, err = run(*export, "--out", tmp_path / "b", *judicial)
    assert code == 1 and "only with the reference of the prosecutor's or investigating judge's decision" in err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
    code, out, err = run(*export, "--out", tmp_path / "c", *judicial, "--decision", "PK 21.L7.88/26")
    assert code == 0, err
    with av.open(str(tmp_path / "c" / "bodycam-0412.mp4")) as container:
        assert 3.5 <= container.duration / 1_000_000 <= 4.5
    code, out, err = run("export", "verify", tmp_path / "c", "--data", data, *store)
    assert code == 0 and "the manifest's hash is in the audit log" in out, err

    database = open_store(data, store_url)
    try:
        log = AuditLog(database, data / KEY_FILE)
        (entry,) = log.entries(action="recording export")
    finally:
        database.close()
    assert entry.camera == "bodycam-0412" and json.loads(entry.detail)["decision"] == "PK 21.L7.88/26"
    assert json.loads(entry.reason)["kind"] == "judicial police"


def test_the_day_count_of_retention_yaml_is_kept_when_lower_and_the_options_are_checked(run, store_url, clip, tmp_path):
    config = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config)
    retention = config / "retention.yaml"
    retention.write_text(
        retention.read_text().replace("administrative_consult_days: 30", "administrative_consult_days: 7")
    )
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=8)
    data, store, common = _cli_data(store_url, clip, tmp_path, start, config)
    span = ("--from", start.isoformat(), "--to", (start + dt.timedelta(seconds=5)).isoformat())
    export = ("export", "--camera", "station-01", *span, "--user", "an.peeters", "--out", tmp_path / "x", *common)
    code, out, err = run(*export, "--reason", "incident: 2026-0042")
    assert (code, err.count("\n")) == (1, 1) and "only during their first 7 days; this footage is 8 days old" in err
    code, out, err = run(*export, "--reason", "incident: 2026-0042", "--decision", "PK 1")
    assert (code, err.count("\n")) == (1, 1) and "--decision goes with --judicial" in err
    code, out, err = run("export", "--camera", "station-01", *common)
    assert (code, err.count("\n")) == (1, 1) and "export needs --from, --to, --out, --user, --reason" in err
    assert not (tmp_path / "x").exists()
