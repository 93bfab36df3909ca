"""check-config against the kept corpus of 200 hostile cameras.yaml files: no traceback, every fault placed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from console import cli
from console.config.errors import ConfigError
from console.config.loader import load_camera_config
from console.config.room import load_room
from console.paths import DEFAULT_CONFIG_DIR, REPO_ROOT
from tests.check_config import check_config
from tests.data.mutations import HERE, apply

MUTATIONS = json.loads((HERE / "cameras_mutations.json").read_text())
PLACED = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): \S+: .+")


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, target)
    return target


def test_the_corpus_is_the_kept_one():
    assert len(MUTATIONS) == 200 and MUTATIONS[-1] == {"four-faults": True}


@pytest.mark.parametrize("index", range(len(MUTATIONS)))
def test_check_config_names_file_and_line_of_every_fault_and_never_fails_otherwise(folder, capsys, index):
    (folder / "cameras.yaml").write_bytes(apply(MUTATIONS[index]))
    code, _, errors = check_config(folder, capsys)
    assert code in (0, 1), errors
    assert not any("Traceback" in line or "Uitkijk stopped" in line for line in errors), errors
    for line in errors:
        if re.match(r"^\d+ problems? in the configuration in ", line) or line.startswith("warning: "):
            continue
        placed = PLACED.match(line)
        assert placed, f"no FILE:LINE: {line[:200]}"
        assert int(placed["line"]) >= 1 and len(line) < 400
    if code == 1:
        assert any(PLACED.match(line) for line in errors)


def test_one_pass_finds_all_four_faults_with_a_hint_for_each(folder):
    (folder / "cameras.yaml").write_bytes(apply({"four-faults": True}))
    with pytest.raises(ConfigError) as caught:
        load_camera_config(folder, {})
    messages = [f"{issue.line}: {issue.key_path}: {issue.message}" for issue in caught.value.issues]
    assert messages == [
        "15: cameras[0].kind: 'fixd' is not one of 'fixed', 'ptz' or 'anpr' (did you mean 'fixed'?)",
        "17: cameras[0].locaton: unknown key 'locaton' (did you mean 'location'?)",
        "21: cameras[1].id: duplicate camera id 'station-01' (first used on line 13)",
        "56: cameras[5].area: unknown area 'shoping' (did you mean 'shopping'?)",
    ]


@pytest.mark.parametrize(
    ("whole", "words"),
    [
        ("billion-laughs", "aliases are expanded"),
        ("recursive-alias", "an alias that contains itself"),
        ("deep-nesting", "nested too deeply"),
        ("huge-file", "more than the 2,000,000"),
        ("not-utf8", "not UTF-8"),
        ("binary-garbage", "not UTF-8"),
        ("deep-flow", "nested too deeply"),
    ],
)
def test_files_built_to_hurt_are_refused_with_a_reason(folder, whole, words):
    (folder / "cameras.yaml").write_bytes(apply({"whole": whole}))
    with pytest.raises(ConfigError) as caught:
        load_camera_config(folder, {})
    assert any(words in issue.message for issue in caught.value.issues), caught.value.issues


# -- every fault in one pass, whatever its kind, in every file ---------------------------------------------------------
def test_five_faults_of_five_kinds_in_one_file_are_all_reported_with_line_and_key(folder, capsys):
    """An impossible date, a duplicate key, a control character, an unknown tag and a number of 5000 digits each
    hid every other fault of the file; with a misspelt key (a schema fault) all six are reported at once."""
    text = (folder / "cameras.yaml").read_text(encoding="utf-8")
    text = text.replace("since: 2026-10-01", "since: 2026-02-30", 1)  # an impossible date
    text = text.replace("    kind: fixed\n", "    kind: fixed\n    kind: ptz\n", 1)  # a duplicate key
    text = text.replace("name: Winkelstraten}", "name: Winkel\x07straten}", 1)  # a control character (raw)
    text = text.replace("    area: nightlife\n", "    area: !zone nightlife\n", 1)  # an unknown tag
    text = text.replace("heading_deg: 125,", "heading_deg: 1" + "0" * 5000 + ",", 1)  # a huge integer
    text = text.replace("    name: Stationsplein busstation", "    nam: Stationsplein busstation", 1)  # schema
    (folder / "cameras.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_camera_config(folder, {})
    found = [f"{issue.line} {issue.key_path}: {issue.message[:40]}" for issue in caught.value.issues]
    lines = text.splitlines()

    def line_of(words: str) -> int:  # where the fault was written: the demo file's own lines move as it grows
        return next(number for number, line in enumerate(lines, 1) if words in line)

    assert found == [
        f"{line_of('Winkel')} areas[1].name: control character U+0007 in the value",
        f"{line_of('kind: ptz')} cameras[0].kind: duplicate key",
        f"{line_of('0' * 5000)} cameras[0].location.heading_deg: a number of 5,001 characters: far too lo",
        f"{line_of('nam: Stationsplein')} cameras[1].nam: unknown key 'nam' (did you mean 'name'?)",
        f"{line_of('!zone')} cameras[11].area: unknown tag '!zone': this file uses plai",
        f"{line_of('2026-02-30')} mobboxes[0].deployment.since: cannot read the value '2026-02-30': day ",
    ], found
    code, _, errors = check_config(folder, capsys)
    assert code == 1 and errors[-1].startswith("6 problems in the configuration in ")
    assert all(PLACED.match(line) for line in errors[:-1]) and len(errors) == 7


def test_a_broken_file_does_not_hide_the_faults_of_the_others(folder, capsys):
    """cameras.yaml not YAML at all, tours.yaml with an unknown key, users.yaml with a duplicate key: 3 of 3."""
    (folder / "cameras.yaml").write_text("version: 1\nareas: [{id: a, name: A\n", encoding="utf-8")
    tours = (folder / "tours.yaml").read_text(encoding="utf-8")
    (folder / "tours.yaml").write_text(tours.replace("tours:", "tour_list: []\ntours:", 1), encoding="utf-8")
    users = (folder / "users.yaml").read_text(encoding="utf-8")
    (folder / "users.yaml").write_text(users.replace("version: 1", "version: 1\nversion: 1", 1), encoding="utf-8")
    code, _, errors = check_config(folder, capsys)
    assert code == 1, errors
    files = [PLACED.match(line)["file"] for line in errors[:-1]]
    assert sorted(files) == [str(folder / name) for name in ("cameras.yaml", "tours.yaml", "users.yaml")], errors
    assert any("not valid YAML" in line for line in errors)
    assert any("unknown key 'tour_list'" in line for line in errors)
    assert any("version: duplicate key" in line for line in errors)
    assert errors[-1].startswith("3 problems in the configuration in ")


def test_a_file_of_many_unknown_keys_is_listed_up_to_a_bound_and_one_past_the_node_bound_is_stopped(folder, capsys):
    """190,000 unknown keys took 15-26 s and 630 MB: the faults are counted past the first hundred, and a file of
    more keys and values than any configuration holds stops being read there."""
    rows = "".join(f"k{index:05d}: 1\n" for index in range(40_000))
    (folder / "tours.yaml").write_text("version: 1\ntours: []\n" + rows, encoding="utf-8")
    code, _, errors = check_config(folder, capsys)
    assert code == 1
    assert len(errors) == 102 and errors[-1].startswith("40,000 problems in the configuration in ")
    assert "and 39,900 more faults in this file from here on, not listed" in errors[-2]
    rows = "".join(f"k{index:05d}: 1\n" for index in range(190_000))  # 1.99 MB: under the size bound
    (folder / "tours.yaml").write_text("version: 1\ntours: []\n" + rows, encoding="utf-8")
    code, _, errors = check_config(folder, capsys)
    assert code == 1 and len(errors) == 2, errors[:3]
    assert "more than 100,000 keys and values" in errors[0] and PLACED.match(errors[0])


# -- files that are not files --------------------------------------------------------------------------------------
def _run(*arguments: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *arguments], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)  # fmt: skip


def _one_clear_line(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Uitkijk stopped" not in result.stderr, result.stderr
    said = [line for line in result.stderr.splitlines() if words in line]
    assert len(said) == 1 and len(said[0]) < 300, result.stderr


@pytest.mark.parametrize("name", ["cameras.yaml", "tours.yaml"])
def test_a_named_pipe_as_a_configuration_file_is_refused_not_waited_on(folder, name):
    (folder / name).unlink()
    os.mkfifo(folder / name)
    result = _run("check-config", str(folder), timeout=30)  # it waited forever for a writer
    _one_clear_line(result, f"{folder / name}:1:1: (top): a named pipe (FIFO), not a regular file")


def test_a_named_pipe_as_the_rooms_file_or_an_intake_image_is_refused(folder, tmp_path):
    intake = ("intake", "anpr", "--camera", "anpr-01", "--plate", "1ABC234", "--country", "B", "--confidence", "0.9",
              "--config", str(folder), "--data", str(tmp_path / "data"))  # fmt: skip
    os.mkfifo(tmp_path / "image.png")
    result = _run(*intake, "--image", str(tmp_path / "image.png"), timeout=30)
    _one_clear_line(result, "a named pipe (FIFO), not a regular file")
    assert "nothing was stored" in result.stderr
    os.mkfifo(folder / "room.yaml")
    result = _run(*intake, timeout=30)
    _one_clear_line(result, f"{folder / 'room.yaml'}:1:1: (top): a named pipe (FIFO), not a regular file")


def test_a_link_to_a_device_is_refused_before_it_is_read(folder):
    (folder / "cameras.yaml").unlink()
    (folder / "cameras.yaml").symlink_to("/dev/zero")  # read 1.5 GB, then MemoryError
    result = _run("check-config", str(folder), timeout=30)
    _one_clear_line(result, f"{folder / 'cameras.yaml'}:1:1: (top): a device, not a regular file")
    (folder / "cameras.yaml").unlink()
    shutil.copy(DEFAULT_CONFIG_DIR / "cameras.yaml", folder / "cameras.yaml")
    (folder / "room.yaml").symlink_to("/dev/zero")  # read before main()'s handler: a raw traceback
    result = _run("intake", "call", "--type", "fight", "--address", "Markt 1", "--description", "d",
                  "--config", str(folder), "--data", str(folder / "data"), timeout=30)  # fmt: skip
    _one_clear_line(result, f"{folder / 'room.yaml'}:1:1: (top): a device, not a regular file")


def test_a_rooms_file_that_is_a_link_loop_is_a_fault_not_a_desk_alone(folder):
    """Taken as absent, the desk quietly worked on its own SQLite file instead of the room's store."""
    (folder / "room.yaml").symlink_to("room.yaml")
    config = load_camera_config(folder, {})
    with pytest.raises(ConfigError) as caught:
        load_room(config)
    assert [issue.message for issue in caught.value.issues] == ["a symbolic link that loops (it leads back to itself)"]
    result = _run("check-config", str(folder), timeout=30)
    _one_clear_line(result, f"{folder / 'room.yaml'}:1:1: (top): a symbolic link that loops")


def test_a_map_picture_with_a_name_too_long_is_one_line(folder):
    name = "p" * 290 + ".png"
    text = (folder / "map.yaml").read_text(encoding="utf-8").replace("image: map/plan.png", f"image: {name}")
    (folder / "map.yaml").write_text(text, encoding="utf-8")
    result = _run("check-config", str(folder), timeout=30)  # "[Errno 36] File name too long" (details in the log)
    _one_clear_line(result, "image: cannot use the picture")
    assert "the file name is too long" in result.stderr and "Errno" not in result.stderr


def test_a_command_that_keeps_no_log_does_not_send_the_user_to_one(folder, capsys, monkeypatch):
    def broken(arguments):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(cli, "_check_config", broken)  # an unexpected failure, as a bug would give
    code, _, errors = check_config(folder, capsys)
    assert code == 2 and errors[-1] == "Uitkijk stopped: the disk went away"  # was: "... (details in the log)"
    assert not any("log" in line for line in errors if line.startswith("Uitkijk stopped"))
