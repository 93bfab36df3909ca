"""The console's language: Qt's translators for our own words and for Qt's standard dialogs.

The words live in Qt Linguist sources (``resources/i18n/uitkijk_LANG.ts``, written with
``resources/i18n/glossary.md`` beside them); set-up builds them into ``.qm`` files with
``pyside6-lrelease``. English is the source language. Dates, times and numbers follow the
chosen locale (Belgian Dutch, Belgian French, English as written in Belgium).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.paths import RESOURCES_DIR

LOGGER = logging.getLogger("uitkijk.ui")
LANGUAGES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_BE"}  # --lang: the locale each stands for
DEFAULT_LANGUAGE = "nl"  # Dutch as spoken in Belgian police: the room's language
TRANSLATIONS_DIR = RESOURCES_DIR / "i18n"

_installed: list[QTranslator] = []


def translation_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"uitkijk_{language}.qm"


def install_language(language: str) -> bool:
    """Speak ``language`` from now on (windows built after this); False, and English, if its words are missing."""
    application = QCoreApplication.instance()
    assert application is not None, "a QApplication first"
    for translator in _installed:
        application.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(LANGUAGES.get(language, LANGUAGES[DEFAULT_LANGUAGE])))
    if language == "en":
        return True
    ours = QTranslator()
    if not ours.load(str(translation_file(language))):
        LOGGER.warning("no translation for %r at %s (make setup builds it): English it is", language,
                       translation_file(language))  # fmt: skip
        return False
    qt_own = QTranslator()  # the standard dialogs' and buttons' words
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        application.installTranslator(qt_own)
        _installed.append(qt_own)
    application.installTranslator(ours)
    _installed.append(ours)
    return True
