"""The translations: complete in every language, and every marked string of the source in them."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from console.paths import REPO_ROOT

I18N = REPO_ROOT / "resources" / "i18n"
TRANSLATED_SOURCES = sorted(str(path.relative_to(REPO_ROOT)) for path in (REPO_ROOT / "console").rglob("*.py"))


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


def test_what_the_domain_says_reaches_the_user_in_dutch_and_french(qtbot):
    """A refusal raised by the Qt-free domain, worded by the UI: the template and the domain words translated."""
    from console.dispatch.model import IllegalChange, IncidentState, check_incident_transition
    from console.ui.language import install_language
    from console.ui.words import say, sentence

    with pytest.raises(IllegalChange) as refused:
        check_incident_transition("2026-0007", IncidentState.CLOSED, IncidentState.ON_SCENE)
    assert str(refused.value) == "incident 2026-0007 is closed: it cannot change any more"  # logs and CLI: English
    try:
        expected = {"nl": "Incident 2026-0007 is afgesloten: het kan niet meer wijzigen.",
                    "fr": "L'incident 2026-0007 est clôturé : il ne peut plus changer.",
                    "en": "Incident 2026-0007 is closed: it cannot change any more."}  # fmt: skip
        for language, said in expected.items():
            assert install_language(language)
            assert sentence(refused.value) == said
        assert install_language("nl")
        assert say(refused.value.worded) == "incident 2026-0007 is afgesloten: het kan niet meer wijzigen"
    finally:
        install_language("en")
