"""What enters from the command line and the environment: users.yaml's editors, intake's text and ``--by``,
the workstation's name, a store password on the command line. The program's own ``main``, real files, a real
SQLite store (and the session's real PostgreSQL for libpq's password and service files)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from console.access.users import load_users
from console.cli import main
from console.paths import DEFAULT_CONFIG_DIR
from console.store import FILE_NAME, StoreUnavailable, open_store

pytestmark = pytest.mark.integration
NEW_PASSWORD = "Nacht-Dienst-77"


@pytest.fixture
def run(monkeypatch, capsys):
    """``main`` in this process: (exit code, stdout, stderr); the umask it sets is put back afterwards."""
    for variable in ("UITKIJK_STORE", "UITKIJK_WORKSTATION", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("UITKIJK_NEW_PASSWORD", NEW_PASSWORD)
    umask = os.umask(0o022)
    os.umask(umask)

    def run(*arguments: str | Path) -> tuple[int, str, str]:
        code = main([str(argument) for argument in arguments])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield run
    os.umask(umask)


@pytest.fixture
def folder(tmp_path) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(DEFAULT_CONFIG_DIR / "users.yaml", config / "users.yaml")
    (config / "users.yaml").chmod(0o600)
    return config


# -- users.yaml --------------------------------------------------------------------------------------------------
def test_user_add_refuses_what_the_loader_would_refuse_and_leaves_the_file_as_it_was(run, folder, tmp_path):
    common = ("--role", "operator", "--config", folder, "--data", tmp_path / "data")
    before = (folder / "users.yaml").read_bytes()
    cases = [  # (NAME, --full-name, what the refusal names)
        ("x", "X Janssens", "NAME: a user name is 2 to 40 characters"),
        ("o'brien", "Sean O'Brien", "NAME: a user name is 2 to 40 characters"),
        ("a" * 60, "Sixty Letters", "NAME: a user name is 2 to 40 characters"),
        ("jan.smet\n", "Jan Smet", "NAME: holds U+000A LINE FEED"),
        ("jan.smet", "Jan\nSmet", "--full-name: holds U+000A LINE FEED"),
        ("jan.smet", "J" * 81, "--full-name: String should have at most 80 characters"),
        ("jan.smet", "Jan Smet\x07", "--full-name: holds U+0007 BELL"),
        ("jan.smet", "\x1b[2JJan Smet", "--full-name: holds U+001B ESCAPE"),
        ("jan.smet", "Jan \u202eTEMS", "--full-name: holds U+202E RIGHT-TO-LEFT OVERRIDE"),
    ]
    for name, full_name, message in cases:
        code, out, err = run("user", "add", name, "--full-name", full_name, *common)
        assert code == 1 and "added" not in out, (name, full_name)
        assert message in err and f"{folder / 'users.yaml'} was not changed" in err, (name, full_name, err)
        assert (folder / "users.yaml").read_bytes() == before
        assert sorted(path.name for path in folder.iterdir()) == ["users.yaml"]  # no partial file left
    assert not (tmp_path / "data" / FILE_NAME).exists()  # refused before anything was logged

    code, out, err = run("user", "add", "yes", "--full-name", "null", *common)  # YAML's words, written quoted
    assert code == 0 and out.strip() == "added yes (operator)", err
    users = load_users(folder).users  # what every desk reads at its start
    assert users["yes"].full_name == "null" and users["tom.claes"].language == "nl"
    assert stat.S_IMODE((folder / "users.yaml").stat().st_mode) == 0o600
    after = (folder / "users.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.decode("utf-8"))  # every line kept, the new user's lines after them


def test_user_passwd_changes_one_line_and_keeps_the_language_and_comments(run, folder, tmp_path):
    before = (folder / "users.yaml").read_text(encoding="utf-8").splitlines()
    code, out, err = run("user", "passwd", "tom.claes", "--config", folder, "--data", tmp_path / "data")
    assert code == 0 and out.strip() == "password set for tom.claes (team chief)", err
    after = (folder / "users.yaml").read_text(encoding="utf-8").splitlines()
    changed = [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert len(changed) == 1 and after[changed[0]].startswith("    password: '$argon2id$")
    assert any(line.strip().startswith("language: nl  # nl, fr or en") for line in after)
    users = load_users(folder)
    assert users.users["tom.claes"].language == "nl"
    assert users.authenticate("tom.claes", NEW_PASSWORD).full_name == "Tom Claes"
    assert stat.S_IMODE((folder / "users.yaml").stat().st_mode) == 0o600


def test_check_config_refuses_a_password_entry_that_only_looks_like_a_hash(run, tmp_path):
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    lines = (folder / "users.yaml").read_text(encoding="utf-8").splitlines()
    index = next(number for number, line in enumerate(lines) if "name: tom.claes" in line) + 4
    assert lines[index].startswith("    password: '$argon2id$")
    real = lines[index][15:-1]
    cases = [("$argon2id$garbage-garbage-garbage", "not an Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$SALT$HASH)"),
             (real.replace("m=65536", "m=4194304"), "an Argon2id hash whose cost is out of bounds"),
             (real[:-28], "an Argon2id hash with a salt under 8 or a hash under 16 bytes"),
             (real[:-30], "an Argon2id hash that cannot be read")]  # fmt: skip
    for fake, message in cases:
        (folder / "users.yaml").write_text("\n".join([*lines[:index], f"    password: '{fake}'", *lines[index + 1 :]]))
        code, out, err = run("check-config", folder)
        assert code == 1 and "OK" not in out
        assert f"{folder / 'users.yaml'}:{index + 1}:15: users[2].password: {message}" in err, err


# -- intake: the type, address and caller, and --by --------------------------------------------------------------
def test_intake_refuses_text_that_shows_other_than_it_is_stored_and_stores_nothing(run, tmp_path):
    common = ("--config", DEFAULT_CONFIG_DIR, "--data", tmp_path / "data", "--description", "d")
    good = {"--type": "fight", "--address": "Korenmarkt 1", "--caller": "Jan, 0470 12 34 56"}
    cases = [
        ("--type", "fight \u202eXSS\u202c", "the type holds U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("--address", "Korenmarkt\u20281", "the address holds U+2028 LINE SEPARATOR"),
        ("--caller", "\ufeffJan", "the caller holds U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("--type", "fight\uffff", "the type holds U+FFFF, a character that shows other than it is stored"),
        ("--address", "Korenmarkt\u20291", "the address holds U+2029 PARAGRAPH SEPARATOR"),
    ]
    for option, value, message in cases:
        arguments = [part for key, text in {**good, option: value}.items() for part in (key, text)]
        code, _, err = run("intake", "call", *arguments, *common)
        assert code == 1 and f"refused: {message}" in err and "nothing was stored" in err, (option, err)
    assert not (tmp_path / "data" / FILE_NAME).exists()


def test_by_names_a_system_in_one_line_that_reads_as_no_user(run, tmp_path):
    common = ("--config", DEFAULT_CONFIG_DIR, "--data", tmp_path / "data", "--type", "fight", "--address",
              "Korenmarkt 1", "--description", "d")  # fmt: skip
    for by in ("ANPR back end\n", "ANPR\rback end", "ANPR \u202edne kcab"):
        code, _, err = run("intake", "call", *common, "--by", by)
        assert code == 1 and "refused: --by: the system's name holds U+" in err, (by, err)
    for by in ("tom.claes.", "tom claes", "tom.claes (team chief)", "Tom Claes", "TomClaes", "an_peeters", "ADMIN"):
        code, _, err = run("intake", "call", *common, "--by", by)
        assert code == 1 and "is a user of the console, or reads like one" in err, (by, err)
    assert not (tmp_path / "data" / FILE_NAME).exists()
    code, out, err = run("intake", "call", *common, "--by", "ANPR back end (simulated)")
    assert code == 0 and "stored" in out, err


# -- the environment and the command line -------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["desk-2\r\nforged", "\x1b[2J", "x" * 100_000, "desk-2\u202e"])
def test_a_bad_workstation_name_stops_every_command_with_one_line(run, folder, monkeypatch, name):
    monkeypatch.setenv("UITKIJK_WORKSTATION", name)
    code, out, err = run("user", "list", "--config", folder)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("$UITKIJK_WORKSTATION ") and len(err) < 200, err


def test_a_store_password_on_the_command_line_is_warned_of_and_never_shown(run, tmp_path):
    secret = "S3cret-Room-Pw"
    code, _, err = run("incidents", "--data", tmp_path, "--store", f"postgresql://desk:{secret}@127.0.0.1:1/room")
    assert code == 1 and secret not in err
    [warning] = [line for line in err.splitlines() if line.startswith("warning:")]
    assert "--store holds a password" in warning and "$UITKIJK_STORE" in warning and "~/.pgpass" in warning
    assert "service=NAME" in warning
    _, _, quiet = run("incidents", "--data", tmp_path, "--store", "postgresql://desk@127.0.0.1:1/room")
    assert "warning" not in quiet


def test_libpq_takes_the_password_from_a_password_file_or_a_service_file(postgres_url, tmp_path, monkeypatch):
    """What the warning advises works: the URL names no password, libpq finds it (the role needs one here)."""
    import psycopg

    role, password = "desk_with_password", "Pass-File-Only-42"
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        connection.execute(f"GRANT ALL ON SCHEMA public TO {role}")
        hba_file = Path(connection.execute("SHOW hba_file").fetchone()[0])
        original = hba_file.read_text()
        hba_file.write_text(f"local all {role} scram-sha-256\n{original}")
        connection.execute("SELECT pg_reload_conf()")
    try:
        socket_dir = postgres_url.rpartition("host=")[2]
        url = f"postgresql://{role}@/uitkijk?host={socket_dir}"
        with pytest.raises(StoreUnavailable, match="password"):
            open_store(tmp_path, url).close()  # no password anywhere: refused, so the files below are what count
        passfile = tmp_path / "pgpass"
        passfile.write_text(f"*:*:*:{role}:{password}\n")
        passfile.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(passfile))
        open_store(tmp_path, url).close()
        monkeypatch.delenv("PGPASSFILE")
        services = tmp_path / "pg_service.conf"
        services.write_text(f"[room]\nhost={socket_dir}\ndbname=uitkijk\nuser={role}\npassword={password}\n")
        monkeypatch.setenv("PGSERVICEFILE", str(services))
        open_store(tmp_path, "postgresql:///?service=room").close()
    finally:
        hba_file.write_text(original)
        with psycopg.connect(postgres_url, autocommit=True) as connection:
            connection.execute("SELECT pg_reload_conf()")
