"""``import-footage`` on both stores: an outside recording into the archive, or refused with nothing stored."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import av
import pytest

from console.audit.log import AuditLog
from console.config.retention import RetentionFile
from console.paths import DEFAULT_CONFIG_DIR
from console.services.retention import RetentionSweeper, sweeper_who
from console.store import archive, open_store
from console.video.footage import remux
from tests.integration.archive_files import make_segment, source_clip


@pytest.fixture
def run(run_main, tmp_path):
    """``main``, with the archive's root for ``import-footage``."""

    def run(*arguments: str) -> tuple[int, str, str]:
        root = ("--root", str(tmp_path / "archive")) if arguments[0] == "import-footage" else ()
        return run_main(*arguments, after=root)

    return run


@pytest.fixture
def bodycam_file(tmp_path) -> Path:
    """A bodycam's MP4 (its index first, as cameras write it), remuxed from a simulator clip."""
    path = tmp_path / "inbox" / "BODYCAM_0412_20261005.mp4"
    make_segment(source_clip(tmp_path / "clips"), path, seconds=6, container="mp4")
    return path


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _store_state(tmp_path, store_url) -> tuple[list, list, list]:
    database = open_store(tmp_path / "data", store_url)
    try:
        with database.read() as transaction:
            segments, devices = archive.segments(transaction), archive.read_devices(transaction)
        log = AuditLog(database, tmp_path / "data" / "audit.key")
        return segments, devices, [(entry.action, entry.camera, json.loads(entry.detail)) for entry in log.entries()
                                   if entry.action != "login refused"]  # fmt: skip
    finally:
        database.close()


def test_an_old_recording_is_imported_under_its_device_and_plays_from_the_archive(run, tmp_path, store_url,
                                                                                   bodycam_file):  # fmt: skip
    start = (dt.datetime.now(dt.UTC) - dt.timedelta(days=60)).replace(microsecond=0)
    code, out, err = run("import-footage", str(bodycam_file), "--source", "bodycam", "--device", "bodycam-0412",
                         "--start", _stamp(start), "--user", "els.jacobs")  # fmt: skip
    assert code == 0, err
    assert out.startswith("BODYCAM_0412_20261005.mp4 imported as bodycam-0412 (bodycam): 1 segments, ")
    segments, devices, entries = _store_state(tmp_path, store_url)
    (segment,) = segments
    expected = tmp_path / "archive" / "bodycam-0412" / start.strftime("%Y/%m/%d/%H%M%S.ts")
    assert Path(segment.path) == expected.resolve() and segment.camera == "bodycam-0412"
    assert (segment.source, segment.recorder, segment.codec) == ("bodycam", "els.jacobs", "h264")
    assert segment.start_utc == start.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    assert 5.5 <= (dt.datetime.fromisoformat(segment.end_utc) - start).total_seconds() <= 6.5
    assert [(device.device, device.source, device.imported_by) for device in devices] == [
        ("bodycam-0412", "bodycam", "els.jacobs")]  # fmt: skip
    assert not list(expected.parent.glob("*.part"))
    with av.open(segment.path) as container:  # the camera's packets, remuxed, play from the archive
        frames = sum(1 for _ in container.decode(video=0))
    assert frames >= 5 * 10
    ((action, camera, detail),) = entries
    assert (action, camera) == ("footage imported", "bodycam-0412")
    assert detail["file"] == bodycam_file.name and detail["segments"] == 1 and detail["source"] == "bodycam"
    assert detail["bytes"] == segment.bytes and len(detail["file_sha256"]) == 64

    # Its device id works where a camera id does: a lock keeps it through the sweeper, past its period.
    code, _, err = run("lock", "--camera", "bodycam-0412", "--from", _stamp(start), "--to",
                       _stamp(start + dt.timedelta(seconds=2)), "--file", "PV 88/2026", "--reason", "assault",
                       "--user", "els.jacobs")  # fmt: skip
    assert code == 0, err
    database = open_store(tmp_path / "data", store_url)
    try:
        log = AuditLog(database, tmp_path / "data" / "audit.key")
        from console.config.loader import load_camera_config

        sweeper = RetentionSweeper(database, log, load_camera_config(DEFAULT_CONFIG_DIR),
                                   RetentionFile(imported_footage_days=30), None, sweeper_who("pc"))  # fmt: skip
        report = sweeper.sweep()
    finally:
        database.close()
    assert report.deleted == [] and report.kept_by_locks == 1 and Path(segment.path).exists()


def test_an_import_is_refused_with_one_line_and_nothing_is_stored(run, tmp_path, store_url, bodycam_file):
    now = dt.datetime.now(dt.UTC)
    old = _stamp(now - dt.timedelta(days=40))
    data = bodycam_file.read_bytes()
    truncated = bodycam_file.with_name("cut.mp4")
    truncated.write_bytes(data[: len(data) * 6 // 10])  # a copy broken off: its index says more than it holds
    text = bodycam_file.with_name("notes.mp4")
    text.write_text("not a video at all\n", encoding="utf-8")
    # A minute long, so that starting 2 s before the test began it still ends in the future when its turn comes
    # on a loaded machine (6 s did not: the cases before it and a sign-in took longer than its 4 s).
    minute = bodycam_file.with_name("minute.mp4")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(bodycam_file), "-t", "60", "-c",
                    "copy", "-movflags", "+faststart", str(minute)], check=True, capture_output=True)  # fmt: skip
    base = ["--source", "bodycam", "--device", "bodycam-0412", "--user", "els.jacobs"]
    cases = [
        ([str(text), *base, "--start", old], "notes.mp4 is refused: it is not a video"),
        ([str(truncated), *base, "--start", old], "cut.mp4 is refused: it is cut short"),
        ([str(bodycam_file), *base, "--start", _stamp(now + dt.timedelta(hours=1))],
         "the footage starts in the future"),
        ([str(minute), *base, "--start", _stamp(now - dt.timedelta(seconds=2))],
         "the footage would end in the future"),
        ([str(bodycam_file), *base, "--start", "2026-13-01T00:00:00Z"],
         "--start: '2026-13-01T00:00:00Z' is not a time"),
        ([str(bodycam_file), *base, "--start", _stamp(now - dt.timedelta(days=400))],
         "older than the law's 12 months"),
        ([str(bodycam_file), "--source", "drone", "--device", "station-01", "--user", "els.jacobs", "--start", old],
         "'station-01' is a camera's id: an imported device needs an id of its own"),
        ([str(bodycam_file), *base[:-1], "an.peeters", "--start", old], "the operator role may not import"),
        ([str(bodycam_file), *base, "--start", old, "--incident", "2026-0999"], "there is no incident 2026-0999"),
        ([str(tmp_path / "absent.mp4"), *base, "--start", old], "absent.mp4 is refused: file not found"),
    ]  # fmt: skip
    for arguments, message in cases:
        code, out, err = run("import-footage", *arguments)
        assert code == 1 and out == "" and len(err.splitlines()) == 1 and message in err, (arguments, err)
    assert _store_state(tmp_path, store_url) == ([], [], [])
    archive_root = tmp_path / "archive"
    assert not archive_root.exists() or not [path for path in archive_root.rglob("*") if path.is_file()]


def test_a_long_recording_is_cut_at_key_frames_into_segments_of_about_a_minute(tmp_path, bodycam_file):
    """The cut (at the first key frame past the length) shown on a 6 s file cut every 2 s: pieces that follow on."""
    (tmp_path / "out").mkdir()
    pieces = remux(bodycam_file, lambda offset_s: tmp_path / "out" / f"{offset_s:05.1f}.ts", segment_s=2.0)
    assert len(pieces) == 3
    for before, after in zip(pieces, pieces[1:], strict=False):
        assert after.offset_s == pytest.approx(before.offset_s + before.duration_s, abs=0.05)
    assert all(piece.path.with_name(piece.path.name + ".part").exists() for piece in pieces)


def test_imported_footage_of_40_days_ago_is_exported_only_for_a_judicial_reason_with_a_decision(
        run, tmp_path, store_url, bodycam_file):  # fmt: skip
    """The 30-day rule on footage the archive holds under a device id: ``recordings`` lists it, an administrative
    export is refused naming the rule, a judicial one with the prosecutor's decision is written and verifies."""
    start = (dt.datetime.now(dt.UTC) - dt.timedelta(days=40)).replace(microsecond=0)
    code, _, err = run("import-footage", str(bodycam_file), "--source", "bodycam", "--device", "bodycam-0412",
                       "--start", _stamp(start), "--user", "els.jacobs")  # fmt: skip
    assert code == 0, err
    code, out, err = run("recordings", "--camera", "bodycam-0412", "--user", "els.jacobs")
    assert code == 0 and "bodycam-0412" in out and "recorded" in out, err
    span = ["--camera", "bodycam-0412", "--from", _stamp(start - dt.timedelta(minutes=1)), "--to",
            _stamp(start + dt.timedelta(minutes=1)), "--user", "els.jacobs"]  # fmt: skip
    code, _, err = run("export", *span, "--out", str(tmp_path / "admin"), "--reason", "incident: PV 2026/0412")
    assert code == 1 and "only during their first 30 days" in err and len(err.splitlines()) == 1, err
    code, out, err = run("export", *span, "--out", str(tmp_path / "judicial"), "--reason",
                         "request from an investigator: PV 2026/0412", "--judicial", "--decision",
                         "PK 12.34.5678/26")  # fmt: skip
    assert code == 0 and "bodycam-0412.mp4" in out, err
    code, out, err = run("export", "verify", str(tmp_path / "judicial"))
    assert code == 0 and "1 file matches the manifest" in out, err
