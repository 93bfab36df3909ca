"""The one rule for one-line text, and the configuration's doors that ask it (no files beyond tmp_path)."""

from __future__ import annotations

import shutil

import pytest

from console.access.session import workstation_name
from console.access.users import load_users
from console.config.errors import ConfigError
from console.config.one_line import first_forbidden, one_line_problem, shown_on_one_line
from console.dispatch.intake_checks import one_line
from console.paths import DEFAULT_CONFIG_DIR

REFUSED = {
    "\n": "U+000A LINE FEED", "\r": "U+000D CARRIAGE RETURN", "\t": "U+0009 TAB", "\x1b": "U+001B ESCAPE",
    "\x07": "U+0007 BELL", "\x85": "U+0085", "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u202a": "U+202A LEFT-TO-RIGHT EMBEDDING", "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\u200f": "U+200F RIGHT-TO-LEFT MARK", "\u061c": "U+061C ARABIC LETTER MARK", "\u2028": "U+2028 LINE SEPARATOR",
    "\u2029": "U+2029 PARAGRAPH SEPARATOR", "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE", "\ufffe": "U+FFFE",
    "\uffff": "U+FFFF", "\U0010ffff": "U+10FFFF", "\u200b": "U+200B ZERO WIDTH SPACE", "\udcff": "U+DCFF",
}  # fmt: skip


@pytest.mark.parametrize("character", list(REFUSED))
def test_every_character_that_shows_other_than_it_is_stored_is_refused_and_named(character):
    problem = one_line_problem(f"fight {character}XSS")
    assert problem is not None and problem.startswith(f"holds {REFUSED[character]}")
    assert "XSS" not in problem  # the text itself is never repeated
    assert shown_on_one_line(f"a{character}b") == "a\ufffdb" == one_line(f"a{character}b")


def test_names_of_every_language_pass_and_the_length_is_bounded():
    for name in ("Jérôme Dupont", "Ørsted-Ünal", "Şükrü Öztürk", "محمد", "李小龙", "می\u200cخواهم", "O'Brien (Gent)"):
        assert one_line_problem(name) is None and first_forbidden(name) is None, name
    assert one_line_problem("x" * 61, 60) == "is longer than 60 characters (61)"
    assert first_forbidden("line one\nline two", allowed="\n") is None  # a description may hold line breaks


def test_the_configuration_refuses_a_bidi_control_in_a_name_with_file_line_and_key(tmp_path):
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", tmp_path / "users.yaml")
    text = (tmp_path / "users.yaml").read_text(encoding="utf-8")
    (tmp_path / "users.yaml").write_text(text.replace('"An Peeters"', '"An \u202eSREETEEP"'), encoding="utf-8")
    line = next(number for number, each in enumerate(text.splitlines(), 1) if '"An Peeters"' in each)
    with pytest.raises(ConfigError) as raised:
        load_users(tmp_path)
    assert (f"users.yaml:{line}:16: users[1].full_name: holds U+202E RIGHT-TO-LEFT OVERRIDE, a bidi control"
            in str(raised.value))  # fmt: skip


def test_a_name_with_a_final_newline_is_refused_not_stripped(tmp_path):
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", tmp_path / "users.yaml")
    text = (tmp_path / "users.yaml").read_text(encoding="utf-8")
    (tmp_path / "users.yaml").write_text(text.replace('"An Peeters"', '"An Peeters\\n"'), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"users\[1\].full_name: holds U\+000A LINE FEED"):
        load_users(tmp_path)


@pytest.mark.parametrize("name", ["desk\r\nforged entry", "\x1b[2J", "x" * 100_000, "desk-2\u202e", "desk\u2028"])
def test_a_workstation_name_from_the_environment_is_one_line(monkeypatch, name):
    monkeypatch.setenv("UITKIJK_WORKSTATION", name)
    with pytest.raises(ValueError, match=r"^\$UITKIJK_WORKSTATION (holds U\+|is longer than 64)") as raised:
        workstation_name()
    assert "\n" not in str(raised.value) and "\x1b" not in str(raised.value)
    monkeypatch.setenv("UITKIJK_WORKSTATION", "desk-2")
    assert workstation_name() == "desk-2"
