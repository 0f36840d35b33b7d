"""Checking and normalising one answer against its question.

Answers are plain JSON values: yes_no -> bool, single_choice -> option value,
multi_choice -> list of option values, integer -> int, decimal -> float, text -> str
(NFC), date -> "YYYY-MM-DD", time -> "HH:MM[:SS]", datetime -> ISO 8601 with UTC offset,
photo -> list of photo uuids. `clean_answer` turns what a form widget hands over into
that value or raises; `validate_answer` says what is wrong in one sentence.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any, Optional

from ..errors import InputError
from .questions import MAX_TEXT, NUMBER_KINDS, UNITS, Question, is_answered


def _in_range(question: Question, number: float) -> Optional[str]:
    unit = f" {UNITS[question.unit][1]}" if question.unit else ""
    if question.min is not None and number < question.min:
        return f"{number:g} is below the minimum {question.min:g}{unit}"
    if question.max is not None and number > question.max:
        return f"{number:g} is above the maximum {question.max:g}{unit}"
    return None


def _date_like(kind: str, value: Any) -> Any:
    if kind == "date" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if kind == "time" and isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if kind == "datetime" and isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def clean_answer(question: Question, value: Any) -> Any:
    """The stored JSON value for what a widget handed over; InputError if it is invalid.

    Numbers given as text are parsed, texts are NFC-normalised and stripped, dates and
    times may be `datetime` objects. None (or an empty text or list) clears the answer.
    """
    value = _date_like(question.kind, value)
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
        if question.kind in NUMBER_KINDS and value:
            try:
                value = int(value) if question.kind == "integer" else float(value)
            except ValueError:
                raise InputError(f"'{value}' is not a number", field=question.id) from None
    if isinstance(value, list):
        value = [unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in value]
    if question.kind == "decimal" and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if question.kind == "integer" and isinstance(value, float) and value.is_integer():
        value = int(value)
    if not is_answered(value):
        return None
    error = validate_answer(question, value)
    if error:
        raise InputError(error, field=question.id)
    return value


def validate_answer(question: Question, value: Any) -> Optional[str]:
    """What is wrong with `value` as an answer to `question`, or None if it is fine.

    None means 'not answered' and is always valid here; `missing_required` judges that.
    """
    if value is None:
        return None
    kind = question.kind
    checker = _CHECKERS[kind]
    return checker(question, value)


def _check_yes_no(question: Question, value: Any) -> Optional[str]:
    return None if isinstance(value, bool) else "answer yes or no"


def _check_single(question: Question, value: Any) -> Optional[str]:
    if value not in question.option_values():
        return f"'{value}' is not one of the options {question.option_values()}"
    return None


def _check_multi(question: Question, value: Any) -> Optional[str]:
    if not isinstance(value, list):
        return "choose a list of options"
    unknown = [v for v in value if v not in question.option_values()]
    if unknown:
        return f"{unknown} not among the options {question.option_values()}"
    if len(set(value)) != len(value):
        return "an option is chosen twice"
    return None


def _check_integer(question: Question, value: Any) -> Optional[str]:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"'{value}' is not a whole number"
    return _in_range(question, value)


def _check_decimal(question: Question, value: Any) -> Optional[str]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return f"'{value}' is not a number"
    return _in_range(question, value)


def _check_text(question: Question, value: Any) -> Optional[str]:
    if not isinstance(value, str):
        return "enter a text"
    if len(value) > MAX_TEXT:
        return f"text longer than {MAX_TEXT} characters"
    return None


def _check_date(question: Question, value: Any) -> Optional[str]:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return f"'{value}' is not a date (YYYY-MM-DD)"
    return None


def _check_time(question: Question, value: Any) -> Optional[str]:
    if not isinstance(value, str) or not re.fullmatch(r"\d\d:\d\d(:\d\d)?", value):
        return f"'{value}' is not a time (HH:MM)"
    try:
        dt.time.fromisoformat(value)
    except ValueError:
        return f"'{value}' is not a time (HH:MM)"
    return None


def _check_datetime(question: Question, value: Any) -> Optional[str]:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return f"'{value}' is not a date and time (ISO 8601)"
    if parsed.tzinfo is None:
        return f"'{value}' lacks its UTC offset (e.g. +08:00)"
    return None


def _check_photo(question: Question, value: Any) -> Optional[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        return "a photo answer is the list of the photos' uuids"
    return None


_CHECKERS = {
    "yes_no": _check_yes_no, "single_choice": _check_single, "multi_choice": _check_multi,
    "integer": _check_integer, "decimal": _check_decimal, "text": _check_text,
    "date": _check_date, "time": _check_time, "datetime": _check_datetime,
    "photo": _check_photo,
}
