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


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_desk_says_what_an_operator_of_the_room_says(qtbot, language):
    """The words resources/i18n/glossary.md chose (issue 24): a picture's age, the queue's duration and status, a
    read's confidence, who entered an incident, a camera named after its direction said once."""
    import datetime as dt

    from PySide6.QtCore import QCoreApplication

    from console.config.loader import load_camera_config
    from console.dispatch.model import Incident, IncidentState, Source
    from console.dispatch.service import Hit
    from console.paths import DEFAULT_CONFIG_DIR
    from console.ui.dispatch.forms import HitView, IncidentForm
    from console.ui.dispatch.models import HitListModel, IncidentQueueModel, UnitBoardModel
    from console.ui.language import install_language

    words = {"nl": {"age": "0,0 s oud", "duration": "Duur", "state": "Status", "wait": "wacht 0:41",
                    "confidence": "Zekerheid", "entered": "{time} via telefoon (intake)",
                    "inbound": "inkomend"},
             "fr": {"age": "il y a 0,0 s", "duration": "Durée", "state": "État", "wait": "attend 0:41",
                    "confidence": "Fiabilité", "entered": "{time}, téléphone (intake)",
                    "inbound": "entrant"}}[language]  # fmt: skip
    try:
        assert install_language(language)
        assert QCoreApplication.translate("VideoTile", "age {age}").format(age="0,0 s") == words["age"]
        now = dt.datetime.now(dt.UTC)
        created = (now - dt.timedelta(seconds=41)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        call = Incident("2026-0003", Source.PHONE, "fight", 1, IncidentState.NEW, created, "intake",
                        "Stationsplein 2")  # fmt: skip
        queue = IncidentQueueModel(120)
        queue.now = now
        queue.items = [call]
        headers = queue.headers()
        assert (headers[2], headers[5]) == (words["duration"], words["state"])
        assert queue.data(queue.index(0, 2)) == words["wait"]
        assert UnitBoardModel().headers()[2] == words["state"]
        assert HitListModel({}, lambda _: "high").headers()[4] == words["confidence"]
        config = load_camera_config(DEFAULT_CONFIG_DIR, {})
        form = IncidentForm(config)
        qtbot.addWidget(form)
        form.show_incident(call)
        local = dt.datetime.fromisoformat(created.replace("Z", "+00:00")).astimezone().strftime("%H:%M")
        assert words["entered"].format(time=local) in form.title.text()
        view = HitView()
        qtbot.addWidget(view)
        hit = Hit(1, created, "anpr-03", "1MNE250", "1MNE250", "B", 0.8, "inbound", "uninsured", "no insurance",
                  "DIV", "2027-01-31", None, None, None, None, 1)  # fmt: skip
        view.show_hit(hit, "ANPR Meensesteenweg inkomend")
        assert view.facts.text().count("inkomend") == 1  # the camera's name says it: not ", inkomend" again
        if language == "fr":
            assert "inkomend (anpr-03), entrant" in view.facts.text()  # a French word the name does not say
    finally:
        install_language("en")
