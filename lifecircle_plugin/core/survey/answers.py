"""Checking and normalising one answer against its question, with messages in zh and en.

Answers are plain JSON values: yes_no -> bool, single_choice -> option value,
multi_choice -> list of option values, integer -> int, decimal -> float, text -> str
(NFC), date -> "YYYY-MM-DD", time -> "HH:MM[:SS]", datetime -> ISO 8601 with UTC offset,
photo -> list of photo uuids. `clean_answer` turns what a form widget hands over into
that value or raises AnswerError; `validate_answer` says what is wrong in one sentence,
in Chinese or English, so the survey app can show it next to the field.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any, Optional, Tuple

from ..errors import InputError
from .questions import MAX_TEXT, NUMBER_KINDS, UNITS, Question, is_answered

# problem code -> (Chinese, English) message templates
MESSAGES = {
    "yes_no": ("请选择“是”或“否”", "answer yes or no"),
    "not_option": ("“{value}”不是可选项", "'{value}' is not one of the options {options}"),
    "not_list": ("请选择一个或多个选项", "choose a list of options"),
    "unknown_options": ("{unknown} 不是可选项", "{unknown} not among the options {options}"),
    "chosen_twice": ("选项重复", "an option is chosen twice"),
    "not_integer": ("“{value}”不是整数", "'{value}' is not a whole number"),
    "not_number": ("“{value}”不是数字", "'{value}' is not a number"),
    "below_min": ("{value} 小于最小值 {limit}{unit_zh}",
                  "{value} is below the minimum {limit}{unit}"),
    "above_max": ("{value} 大于最大值 {limit}{unit_zh}",
                  "{value} is above the maximum {limit}{unit}"),
    "not_text": ("请输入文字", "enter a text"),
    "too_long": ("文字超过 {limit} 字", "text longer than {limit} characters"),
    "not_date": ("“{value}”不是日期(年-月-日)", "'{value}' is not a date (YYYY-MM-DD)"),
    "not_time": ("“{value}”不是时间(时:分)", "'{value}' is not a time (HH:MM)"),
    "not_datetime": ("“{value}”不是日期时间", "'{value}' is not a date and time (ISO 8601)"),
    "no_offset": ("“{value}”缺少时区(如 +08:00)", "'{value}' lacks its UTC offset (e.g. +08:00)"),
    "not_photos": ("照片答案应为照片编号列表", "a photo answer is the list of the photos' uuids"),
    "unknown_photos": ("照片 {unknown} 不属于本次检查", "photos {unknown} are not in this audit"),
}
Problem = Tuple[str, dict]


def message(code: str, language: str = "en", **params: Any) -> str:
    zh, en = MESSAGES[code]
    return (zh if language.startswith("zh") else en).format(**params)


class AnswerError(InputError):
    """An invalid answer: `.code`, `.message` (English), `.message_zh`, `.field` (question)."""

    def __init__(self, code: str, question_id: str, **params: Any) -> None:
        self.code = code
        self.message_zh = message(code, "zh", **params)
        super().__init__(message(code, "en", **params), field=question_id)

    def text(self, language: str = "zh") -> str:
        return self.message_zh if language.startswith("zh") else self.message


def _number_text(number: float) -> str:
    return f"{number:g}"


def _in_range(question: Question, number: float) -> Optional[Problem]:
    unit_zh, unit_en = UNITS[question.unit] if question.unit else ("", "")
    units = {"unit_zh": f" {unit_zh}" if unit_zh else "", "unit": f" {unit_en}" if unit_en else ""}
    if question.min is not None and number < question.min:
        return "below_min", dict(units, value=_number_text(number),
                                 limit=_number_text(question.min))
    if question.max is not None and number > question.max:
        return "above_max", dict(units, value=_number_text(number),
                                 limit=_number_text(question.max))
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
    """The stored JSON value for what a widget handed over; AnswerError if it is invalid.

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
                raise AnswerError("not_number", question.id, value=value) from None
    if isinstance(value, list):
        value = [unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in value]
    if question.kind == "decimal" and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if question.kind == "integer" and isinstance(value, float) and value.is_integer():
        value = int(value)
    if not is_answered(value):
        return None
    problem = answer_problem(question, value)
    if problem:
        raise AnswerError(problem[0], question.id, **problem[1])
    return value


def validate_answer(question: Question, value: Any, language: str = "en") -> Optional[str]:
    """What is wrong with `value` as an answer to `question`, or None if it is fine.

    None means 'not answered' and is always valid here; `missing_required` judges that.
    """
    problem = answer_problem(question, value)
    return message(problem[0], language, **problem[1]) if problem else None


def answer_problem(question: Question, value: Any) -> Optional[Problem]:
    """(code, parameters) of what is wrong, or None; codes are the keys of MESSAGES."""
    if value is None:
        return None
    return _CHECKERS[question.kind](question, value)


def _check_yes_no(question: Question, value: Any) -> Optional[Problem]:
    return None if isinstance(value, bool) else ("yes_no", {})


def _check_single(question: Question, value: Any) -> Optional[Problem]:
    if isinstance(value, str) and value in question.option_values():
        return None
    return "not_option", {"value": value, "options": question.option_values()}


def _check_multi(question: Question, value: Any) -> Optional[Problem]:
    if not isinstance(value, list):
        return "not_list", {}
    unknown = [v for v in value if v not in question.option_values()]
    if unknown:
        return "unknown_options", {"unknown": unknown, "options": question.option_values()}
    if len(set(value)) != len(value):
        return "chosen_twice", {}
    return None


def _check_integer(question: Question, value: Any) -> Optional[Problem]:
    if isinstance(value, bool) or not isinstance(value, int):
        return "not_integer", {"value": value}
    return _in_range(question, value)


def _check_decimal(question: Question, value: Any) -> Optional[Problem]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return "not_number", {"value": value}
    return _in_range(question, value)


def _check_text(question: Question, value: Any) -> Optional[Problem]:
    if not isinstance(value, str):
        return "not_text", {}
    if len(value) > MAX_TEXT:
        return "too_long", {"limit": MAX_TEXT}
    return None


def _check_date(question: Question, value: Any) -> Optional[Problem]:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return "not_date", {"value": value}
    return None


def _check_time(question: Question, value: Any) -> Optional[Problem]:
    if not isinstance(value, str) or not re.fullmatch(r"\d\d:\d\d(:\d\d)?", value):
        return "not_time", {"value": value}
    try:
        dt.time.fromisoformat(value)
    except ValueError:
        return "not_time", {"value": value}
    return None


def _check_datetime(question: Question, value: Any) -> Optional[Problem]:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return "not_datetime", {"value": value}
    if parsed.tzinfo is None:
        return "no_offset", {"value": value}
    return None


def _check_photo(question: Question, value: Any) -> Optional[Problem]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        return "not_photos", {}
    return None


_CHECKERS = {
    "yes_no": _check_yes_no, "single_choice": _check_single, "multi_choice": _check_multi,
    "integer": _check_integer, "decimal": _check_decimal, "text": _check_text,
    "date": _check_date, "time": _check_time, "datetime": _check_datetime,
    "photo": _check_photo,
}
