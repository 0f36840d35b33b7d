"""Language of the survey app: Chinese first, English source strings, --lang override.

Widgets translate with `self.tr()` (context = class name); plain functions call
`translate(context, text)`, a name pylupdate5 recognises, so every visible string reaches
resources/i18n/survey_app_<lang>.ts.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from PyQt5.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
_installed: list = []


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def choose_language(override: Optional[str] = None) -> str:
    """The --lang override, else Chinese unless the system locale is explicitly English.

    Chinese comes first: a laptop left in the "C"/POSIX locale, or any non-English one,
    gets the Chinese interface; an English-language system gets English.
    """
    if override:
        if override not in LANGUAGES:
            raise ValueError(f"unknown language {override!r}; choose one of {LANGUAGES}")
        return override
    name = QLocale.system().name()
    return "en" if name.startswith("en") else "zh_CN"


def install(app: QCoreApplication, language: str) -> str:
    """Load survey_app_<language>.qm (compiled by `make translations`) into the app."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = QTranslator(app)
    qm = I18N_DIR / f"survey_app_{language}.qm"
    if translator.load(str(qm)):
        app.installTranslator(translator)
        _installed.append(translator)
    elif language != "en":
        log.warning("translation %s not found; run `make translations`", qm)
    return language


def current_language() -> str:
    return QCoreApplication.instance().property("survey_language") or "en"
