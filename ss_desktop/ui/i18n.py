"""Interface language: our translations and Qt's own, switchable while the app runs.

``LanguageSwitcher.apply(lang)`` removes the translators of the previous language and
installs ``resources/translations/ss_desktop_<lang>.qm`` plus Qt's ``qtbase_<lang>.qm``
(standard buttons and dialogs). English is the source language; its small
``ss_desktop_en.qm`` holds only the plural forms ("1 child" / "2 children"). Installing a translator makes Qt send a LanguageChange
event to every widget; each page's ``changeEvent`` calls its ``retranslate()``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ss_core.resources import resource_path
from ss_desktop.services.settings import LANGUAGES, default_language

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}  # each in its own language


def translations_dir() -> Path:
    return resource_path("translations")


def app_translation_file(lang: str) -> Path:
    return translations_dir() / f"ss_desktop_{lang}.qm"


def system_language() -> str:
    return default_language(QLocale.system().name())


def resolve_language(requested: str | None, saved: str | None) -> str:
    """The command line wins, then the saved setting, then the system's language."""
    for candidate in (requested, saved):
        if candidate:
            normal = candidate.replace("-", "_")
            if normal.lower().startswith("zh"):
                return "zh_CN"
            if normal.lower().startswith("en"):
                return "en"
            log.warning("unknown language %r ignored", candidate)
    return system_language()


class LanguageSwitcher:
    """Owns the installed translators (Qt does not keep Python translators alive)."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def apply(self, lang: str) -> bool:
        """Switch to *lang*; False (and English) when its translation file is missing."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        ok = True
        ours = QTranslator(self._app)
        path = app_translation_file(lang)
        if ours.load(str(path)):
            self._installed.append(ours)
        elif lang != SOURCE_LANGUAGE:
            log.warning(
                "translation file missing or unreadable: %s (run make translations)", path.name
            )
            ok = False
        else:  # English works without its file; only plural forms ("1 child") need it
            log.info("English plural forms unavailable: %s missing", path.name)
        if ok and lang != SOURCE_LANGUAGE:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_base = QTranslator(self._app)
            if qt_base.load(f"qtbase_{lang}", qt_dir):
                self._installed.append(qt_base)
        for translator in self._installed:
            self._app.installTranslator(translator)
        QLocale.setDefault(QLocale(lang if ok else SOURCE_LANGUAGE))
        self.language = lang if ok else SOURCE_LANGUAGE
        return ok


class Catalogue:
    """Our translations read straight from the ``.qm`` file, without a QCoreApplication:
    for the command line, which prints text but starts no Qt application. Called as
    ``catalogue(context, english_text)``; English (the source text) when the language is
    English, its file is missing or a text has no translation."""

    def __init__(self, lang: str) -> None:
        self.language = SOURCE_LANGUAGE
        self._translator = QTranslator()
        if lang != SOURCE_LANGUAGE and self._translator.load(str(app_translation_file(lang))):
            self.language = lang
        elif lang != SOURCE_LANGUAGE:
            log.warning("translation file missing: %s", app_translation_file(lang).name)

    def __call__(self, context: str, text: str) -> str:
        if self.language == SOURCE_LANGUAGE:
            return text
        return self._translator.translate(context, text) or text


def requested_language(argv: list[str]) -> str | None:
    """The value of ``--lang`` in a command line, before it is parsed."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
