"""retention.yaml: the law's bounds in the schema, faults with file and line in check-config, absent = defaults."""

from __future__ import annotations

import shutil

import pytest

from console.config.errors import ConfigError
from console.config.retention import RETENTION_FILE, load_retention
from console.paths import DEFAULT_CONFIG_DIR
from tests.check_config import check_config


def test_the_shipped_file_holds_the_defaults_and_an_absent_file_gives_them(tmp_path):
    shipped = load_retention(DEFAULT_CONFIG_DIR)
    assert (shipped.administrative_consult_days, shipped.anpr_hit_days, shipped.evidence_still_days) == (30, 30, 90)
    assert load_retention(tmp_path) == shipped


def test_a_longer_consult_window_or_a_period_past_12_months_is_refused_with_file_and_line(tmp_path, capsys):
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    (folder / RETENTION_FILE).write_text(
        "version: 1\nadministrative_consult_days: 45\nanpr_hit_day: 3\nevidence_still_days: 400\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_retention(folder)
    found = [(issue.line, issue.key_path) for issue in caught.value.issues]
    assert found == [(2, "administrative_consult_days"), (3, "anpr_hit_day"), (4, "evidence_still_days")], found
    code, out, errors = check_config(folder, capsys)
    path = folder / RETENTION_FILE
    assert code == 1 and "OK" not in out
    assert f"{path}:2:30: administrative_consult_days: Input should be less than or equal to 30" in errors
    assert f"{path}:3:1: anpr_hit_day: unknown key 'anpr_hit_day' (did you mean 'anpr_hit_days'?)" in errors
    assert f"{path}:4:22: evidence_still_days: Input should be less than or equal to 365" in errors


def test_check_config_says_the_periods_it_will_keep(tmp_path, capsys):
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    (folder / RETENTION_FILE).write_text("version: 1\nadministrative_consult_days: 14\n", encoding="utf-8")
    code, out, _ = check_config(folder, capsys)
    assert code == 0
    assert (
        "retention: administrative consultation 14 days, ANPR hits 30 days, evidence stills 90 days, imported "
        "footage 90 days"
    ) in out
