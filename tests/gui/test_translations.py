"""The translations: complete in every language, and every marked string of the source in them."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from console.paths import REPO_ROOT

I18N = REPO_ROOT / "resources" / "i18n"
TRANSLATED_SOURCES = ["console/ui/login.py"]  # the screens translated so far (README: the rest is next)


def messages(path) -> dict[str, str | None]:
    root = ET.parse(path).getroot()
    found = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        is_done = translation is not None and translation.get("type") not in {"unfinished", "vanished", "obsolete"}
        found[message.findtext("source")] = translation.text if is_done and translation is not None else None
    return found


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_marked_string_is_translated(language, tmp_path):
    fresh = tmp_path / f"fresh_{language}.ts"
    subprocess.run([str(REPO_ROOT / ".venv" / "bin" / "pyside6-lupdate"), *TRANSLATED_SOURCES, "-ts", str(fresh)],
                   cwd=REPO_ROOT, check=True, capture_output=True)  # fmt: skip
    marked = set(messages(fresh))
    kept = messages(I18N / f"uitkijk_{language}.ts")
    assert marked and marked <= set(kept), f"not in uitkijk_{language}.ts: {marked - set(kept)}"
    unfinished = [source for source, text in kept.items() if not text]
    assert not unfinished, f"unfinished in uitkijk_{language}.ts: {unfinished}"
    for source, text in kept.items():  # the placeholders survive the translation
        assert sorted(part.split("}")[0] for part in source.split("{")[1:]) == \
            sorted(part.split("}")[0] for part in (text or "").split("{")[1:]), source  # fmt: skip


def test_the_sign_in_speaks_dutch_and_french(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from console.access.users import UserDirectory
    from console.ui.language import install_language
    from console.ui.login import LoginDialog

    try:
        for language, title, button in (("nl", "Uitkijk \u2013 aanmelden", "Aanmelden"),
                                        ("fr", "Uitkijk \u2013 connexion", "Se connecter"),
                                        ("en", "Uitkijk \u2013 sign in", "Sign in")):  # fmt: skip
            assert install_language(language)
            dialog = LoginDialog(UserDirectory({}), "ws-01", lambda name: None)
            qtbot.addWidget(dialog)
            assert dialog.windowTitle() == title
            assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == button
            cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
            assert cancel == {"nl": "Annuleren", "fr": "Annuler", "en": "Cancel"}[language]  # Qt's own words
            dialog.attempt()  # nothing typed
            asked = {"nl": "Geef uw gebruikersnaam en wachtwoord.", "fr": "Indiquez votre nom d'utilisateur et votre "
                     "mot de passe.", "en": "Give your user name and password."}  # fmt: skip
            assert dialog.message.text() == asked[language]
    finally:
        install_language("en")
