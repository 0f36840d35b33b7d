"""What the form says about an answer: checks with translatable messages. Qt-free.

The rules themselves (kinds, ranges, relevance, what is required) belong to the package's
checklist (`lifecircle_plugin.core.survey.checklists`); the app reuses them and only adds
messages an inspector can read in Chinese. Each message is an English source string
marked for pylupdate5 with QT_TRANSLATE_NOOP; the GUI translates it when shown.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Optional

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pylupdate5 knows
    """Mark `text` for translation under `context`; the GUI translates it when shown."""
    return text


def label(question, language: str) -> str:
    return question.label("zh" if language.startswith("zh") else "en")


def hint(question, language: str) -> str:
    return question.help_zh if language.startswith("zh") else question.help_en


def check(question, value: Any) -> Optional[tuple]:
    """Why `value` is not acceptable, as (message, argument), or None if it looks fine."""
    if value in (None, "", []):
        return None
    if question.kind in ("integer", "decimal"):
        return _check_number(question, value)
    if question.kind == "date":
        message = QT_TRANSLATE_NOOP("Validation", "Not a date (YYYY-MM-DD): {}")
        return _check_iso(value, dt.date.fromisoformat, message)
    if question.kind == "time":
        message = QT_TRANSLATE_NOOP("Validation", "Not a time (HH:MM): {}")
        return _check_iso(value, dt.time.fromisoformat, message)
    if question.kind == "datetime":
        message = QT_TRANSLATE_NOOP("Validation", "Not a date and time (YYYY-MM-DD HH:MM): {}")
        return _check_iso(value, dt.datetime.fromisoformat, message)
    return None


def _check_number(question, value) -> Optional[tuple]:
    if isinstance(value, str):
        return (QT_TRANSLATE_NOOP("Validation", "Not a number: {}"), value)
    if question.kind == "integer" and float(value) != int(value):
        return (QT_TRANSLATE_NOOP("Validation", "Must be a whole number: {}"), plain(value))
    if question.min is not None and value < question.min:
        return (QT_TRANSLATE_NOOP("Validation", "Must be at least {}"), plain(question.min))
    if question.max is not None and value > question.max:
        return (QT_TRANSLATE_NOOP("Validation", "Must be at most {}"), plain(question.max))
    return None


def _check_iso(value, parse, message) -> Optional[tuple]:
    try:
        parse(str(value))
    except ValueError:
        return (message, str(value))
    return None


def plain(number) -> str:
    return str(int(number)) if float(number).is_integer() else f"{float(number):g}"


def local_datetime(text: str) -> str:
    """'YYYY-MM-DD HH:MM' typed on the device -> ISO 8601 with the device's UTC offset."""
    moment = dt.datetime.fromisoformat(text.strip().replace("T", " "))
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="minutes")


def shown_datetime(value: str) -> str:
    """An ISO 8601 answer as the inspector typed it (local wall time)."""
    try:
        return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(value)
