"""check-config against the kept corpus of 200 hostile cameras.yaml files: no traceback, every fault placed."""

from __future__ import annotations

import json
import logging
import re
import shutil

import pytest

from console import cli
from console.config.errors import ConfigError
from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR
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
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        code = cli.main(["check-config", str(folder)])
    finally:
        root.handlers[:], root.level = handlers, level
    errors = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
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
