"""The sign-in dialog: a refusal is said, in the same words and the same time for an unknown name and a wrong
password; the name stays, the password is cleared and has the focus."""

from __future__ import annotations

import time

from argon2 import PasswordHasher, extract_parameters

from console.access.permissions import Role
from console.access.users import LoginRefused, User, UserDirectory
from console.ui.language import install_language
from console.ui.login import LoginDialog

PASSWORD = "correct horse battery"
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # not the library's default cost
DEFAULT = PasswordHasher()


def directory(hasher: PasswordHasher = DEFAULT) -> UserDirectory:
    return UserDirectory((User("an.peeters", "An Peeters", Role.OPERATOR, hasher.hash(PASSWORD)),))


def refused(qtbot, dialog: LoginDialog, name: str, password: str) -> str:
    dialog.name_edit.setText(name)
    dialog.password_edit.setText(password)
    dialog.attempt()
    qtbot.waitUntil(lambda: dialog.password_edit.isEnabled(), timeout=10_000)  # checked off the GUI thread
    return dialog.message.text()


def test_a_refused_sign_in_is_said_the_same_way_for_an_unknown_name_and_a_wrong_password(qtbot):
    refusals: list[str] = []
    dialog = LoginDialog(directory(), "ws-04", refusals.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    said = []
    for name in ("an.peeters", "nobody.here"):
        said.append(refused(qtbot, dialog, name, "not the password"))
        assert dialog.name_edit.text() == name  # the name stays
        assert dialog.password_edit.text() == "" and dialog.password_edit.hasFocus()  # typed again, at once
        assert dialog.message.isVisible()
    assert said == ["Wrong user name or password."] * 2 and refusals == ["an.peeters", "nobody.here"]
    try:
        for language, words in (("nl", "Naam of wachtwoord onjuist."), ("fr", "Nom ou mot de passe incorrect.")):
            assert install_language(language)
            in_language = LoginDialog(directory(CHEAP), "ws-04", lambda name: None)
            qtbot.addWidget(in_language)
            assert refused(qtbot, in_language, "nobody.here", "x" * 12) == words
    finally:
        install_language("en")


def test_an_unknown_name_costs_the_time_of_a_wrong_password_whatever_the_users_hash_cost():
    """The unknown name's check is a hash of the users' own cost: timing tells no name (here 1 pass, 1 MiB)."""
    users = directory(CHEAP)

    def fastest_s(name: str) -> float:
        times = []
        for _ in range(7):  # the fastest of seven: what the check costs, not what the loaded machine added
            started = time.perf_counter()
            try:
                users.authenticate(name, "not the password")
            except LoginRefused:
                times.append(time.perf_counter() - started)
        assert len(times) == 7
        return min(times)

    unknown_s, wrong_s = fastest_s("nobody.here"), fastest_s("an.peeters")
    assert 0.2 < unknown_s / wrong_s < 5, (unknown_s, wrong_s)  # with the library's default cost: ~60 times
    assert extract_parameters(users.dummy_hash) == extract_parameters(users.users["an.peeters"].password_hash)
