"""Checklists: the questions an inspector answers at a facility, and how answers are checked.

Definitions live in `resources/checklists/` (see the README there): `common.json` holds
the questions asked everywhere, `task_NN.json` the questions of one task and of each of
its facility types. A facility type's checklist is common + task + type questions, in
that order. The survey package stores each checklist as JSON so the app never needs the
resource files; `Checklist.from_json` reads it back.

Relevance (`is_relevant`, `missing_required`) is decided here; the question record
lives in questions.py and the answer checks (`validate_answer`, `clean_answer`) in
answers.py. Import all of them from this module.
"""
from __future__ import annotations

import json
import logging
import math
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ..catalogue import Catalogue, load_catalogue
from ..errors import InputError
from ..paths import resource
from .answers import AnswerError, answer_problem, clean_answer, validate_answer
from .questions import (
    CHOICE_KINDS,
    CONDITION_OPERATORS,
    ID_PATTERN,
    KINDS,
    MAX_TEXT,
    NUMBER_KINDS,
    QUESTION_KEYS,
    UNITS,
    Option,
    Question,
    is_answered,
)

__all__ = [
    "KINDS", "CHOICE_KINDS", "NUMBER_KINDS", "UNITS", "MAX_TEXT", "Option", "Question",
    "Checklist", "ChecklistSet", "load_checklists", "default_checklists", "checklist_for",
    "checklist_rows", "is_answered", "is_relevant", "effective_answers",
    "relevant_questions", "missing_required", "clean_answer", "validate_answer",
    "answer_problem", "AnswerError",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checklist:
    facility_type: str
    questions: Tuple[Question, ...]
    task: Optional[int] = None
    name_zh: str = ""
    name_en: str = ""
    _index: Dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({q.id: q for q in self.questions})

    def question(self, question_id: str) -> Question:
        try:
            return self._index[question_id]
        except KeyError:
            raise InputError(f"no question '{question_id}' in the checklist of "
                             f"'{self.facility_type}'", field=question_id) from None

    def __contains__(self, question_id: str) -> bool:
        return question_id in self._index

    def to_json(self) -> str:
        return json.dumps([q.to_dict() for q in self.questions], ensure_ascii=False)

    @classmethod
    def from_json(cls, facility_type: str, text: str, task: Optional[int] = None,
                  name_zh: str = "", name_en: str = "", source: str = "package") -> Checklist:
        try:
            raw = json.loads(text)
        except (TypeError, ValueError) as exc:
            raise InputError(f"checklist of '{facility_type}' is not JSON: {exc}",
                             file=source) from None
        questions = _parse_questions(raw, source, facility_type, None)
        return cls(facility_type, questions, task, name_zh, name_en)


# ---------------------------------------------------------------- reading definitions

def _fail(message: str, source: str, question: Optional[str] = None) -> InputError:
    return InputError(message, file=source, field=question)


def _text(raw: Mapping, key: str, source: str, qid: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(f"'{key}' must be a non-empty text", source, qid)
    return unicodedata.normalize("NFC", value)


def _number_or_none(raw: Mapping, key: str, source: str, qid: str) -> Optional[float]:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _fail(f"'{key}' must be a number", source, qid)
    return value


def _parse_options(raw: Mapping, source: str, qid: str) -> Tuple[Option, ...]:
    options = raw.get("options") or []
    if not isinstance(options, list):
        raise _fail("'options' must be a list", source, qid)
    parsed = []
    for item in options:
        if not isinstance(item, Mapping) or not ID_PATTERN.match(str(item.get("value", ""))):
            raise _fail(f"option {item!r} needs a snake_case 'value'", source, qid)
        parsed.append(Option(item["value"], _text(item, "label_zh", source, qid),
                             _text(item, "label_en", source, qid)))
    values = [o.value for o in parsed]
    if len(set(values)) != len(values):
        raise _fail("duplicate option values", source, qid)
    return tuple(parsed)


def _check_condition(condition: Any, source: str, qid: str, earlier: Mapping[str, Question]):
    """A relevance condition must name an earlier question and one known operator."""
    if not isinstance(condition, Mapping):
        raise _fail("'relevant' must be an object", source, qid)
    for combinator in ("all", "any"):
        if combinator in condition:
            parts = condition[combinator]
            if not isinstance(parts, list) or not parts:
                raise _fail(f"'relevant.{combinator}' must be a non-empty list", source, qid)
            for part in parts:
                _check_condition(part, source, qid, earlier)
            return
    target = condition.get("question")
    if target not in earlier:
        raise _fail(f"relevance refers to '{target}', which is not an earlier question",
                    source, qid)
    operators = [op for op in CONDITION_OPERATORS if op in condition]
    if len(operators) != 1:
        raise _fail(f"relevance needs exactly one of {CONDITION_OPERATORS}", source, qid)
    referred = earlier[target]
    values = condition.get("in", [condition.get(operators[0])])
    if operators[0] in ("in",) and not isinstance(condition["in"], list):
        raise _fail("relevance 'in' must be a list", source, qid)
    if referred.kind in CHOICE_KINDS and operators[0] != "answered":
        unknown = [v for v in values if v not in referred.option_values()]
        if unknown:
            raise _fail(f"relevance compares '{target}' with unknown option(s) {unknown}",
                        source, qid)


def _parse_question(raw: Any, source: str, earlier: Mapping[str, Question],
                    default_relevant: Optional[Mapping]) -> Question:
    if not isinstance(raw, Mapping):
        raise _fail(f"question {raw!r} is not an object", source)
    qid = str(raw.get("id", ""))
    if not ID_PATTERN.match(qid):
        raise _fail(f"question id '{qid}' is not snake_case", source, qid or None)
    unknown = set(raw) - QUESTION_KEYS
    if unknown:
        raise _fail(f"unknown key(s) {sorted(unknown)}", source, qid)
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _fail(f"kind '{kind}' is not one of {KINDS}", source, qid)
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise _fail("'required' must be true or false", source, qid)
    options = _parse_options(raw, source, qid)
    if (kind in CHOICE_KINDS) != bool(options):
        raise _fail("choice questions need options and only they may have some", source, qid)
    low, high = (_number_or_none(raw, "min", source, qid), _number_or_none(raw, "max", source, qid))
    unit = raw.get("unit")
    if kind not in NUMBER_KINDS and (low is not None or high is not None or unit is not None):
        raise _fail("only integer and decimal questions take min, max and unit", source, qid)
    if low is not None and high is not None and low > high:
        raise _fail(f"min {low} is greater than max {high}", source, qid)
    if unit is not None and unit not in UNITS:
        raise _fail(f"unit '{unit}' is not one of {sorted(UNITS)}", source, qid)
    relevant = raw.get("relevant", default_relevant)
    if relevant is not None:
        _check_condition(relevant, source, qid, earlier)
    help_raw = raw.get("help") or {}
    if isinstance(help_raw, str):
        help_raw = {"zh": help_raw, "en": help_raw}
    if not isinstance(help_raw, Mapping):
        raise _fail("'help' must be a text or {zh, en}", source, qid)
    return Question(qid, kind, _text(raw, "label_zh", source, qid),
                    _text(raw, "label_en", source, qid), required, options, low, high, unit,
                    relevant, str(help_raw.get("zh", "")), str(help_raw.get("en", "")))


def _parse_questions(raw: Any, source: str, facility_type: Optional[str],
                     default_relevant: Optional[Mapping],
                     earlier: Optional[Dict[str, Question]] = None) -> Tuple[Question, ...]:
    if not isinstance(raw, list):
        raise _fail(f"questions of '{facility_type}' must be a list", source)
    known: Dict[str, Question] = dict(earlier or {})
    parsed = []
    for item in raw:
        question = _parse_question(item, source, known, default_relevant)
        if question.id in known:
            raise _fail(f"question id '{question.id}' used twice in the checklist of "
                        f"'{facility_type}'", source, question.id)
        known[question.id] = question
        parsed.append(question)
    return tuple(parsed)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", file=path) from None
    except ValueError as exc:
        raise InputError(f"not valid JSON: {exc}", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None


@dataclass(frozen=True)
class ChecklistSet:
    """Every facility type's checklist, built from one definitions folder."""

    checklists: Dict[str, Checklist]
    directory: str

    def for_type(self, facility_type: str) -> Checklist:
        try:
            return self.checklists[facility_type]
        except KeyError:
            raise InputError(f"no checklist for facility type '{facility_type}'",
                             file=self.directory) from None


def load_checklists(directory: Optional[Union[str, Path]] = None,
                    catalogue: Optional[Catalogue] = None) -> ChecklistSet:
    """Read and validate all definitions; every catalogue type must get a checklist."""
    directory = Path(directory) if directory else resource("checklists")
    catalogue = catalogue or load_catalogue()
    common_path = directory / "common.json"
    common_raw = _read_json(common_path)
    common = _parse_questions(common_raw.get("questions") if isinstance(common_raw, dict)
                              else None, str(common_path), None, None)
    common_index = {q.id: q for q in common}
    task_files = sorted(directory.glob("task_*.json"))
    checklists: Dict[str, Checklist] = {}
    for path in task_files:
        checklists.update(_load_task_file(path, common, common_index, catalogue))
    missing = sorted(set(catalogue.types) - set(checklists))
    if missing:
        raise InputError(f"no checklist for facility type(s) {missing}", file=directory)
    return ChecklistSet(checklists, str(directory))


def _load_task_file(path: Path, common: Tuple[Question, ...], common_index: Dict[str, Question],
                    catalogue: Catalogue) -> Dict[str, Checklist]:
    source = str(path)
    raw = _read_json(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("types"), dict):
        raise InputError("needs an object with 'task' and 'types'", file=path)
    task = raw.get("task")
    if task not in catalogue.tasks:
        raise InputError(f"task {task!r} is not one of the twelve", file=path, field="task")
    default_relevant = raw.get("default_relevant")
    task_questions = _parse_questions(raw.get("questions", []), source, f"task {task}",
                                      default_relevant, common_index)
    before = dict(common_index, **{q.id: q for q in task_questions})
    result = {}
    for type_id, type_raw in raw["types"].items():
        facility_type = catalogue.types.get(type_id)
        if facility_type is None:
            raise InputError(f"unknown facility type '{type_id}'", file=path, field=type_id)
        if facility_type.task != task:
            raise InputError(f"'{type_id}' belongs to task {facility_type.task}, not {task}",
                             file=path, field=type_id)
        own = _parse_questions(type_raw, source, type_id, default_relevant, before)
        result[type_id] = Checklist(type_id, common + task_questions + own, task,
                                    facility_type.name_zh, facility_type.name_en)
    return result


@lru_cache(maxsize=1)
def default_checklists() -> ChecklistSet:
    return load_checklists()


def checklist_for(facility_type: str) -> Checklist:
    """The shipped checklist of one facility type (common + task + type questions)."""
    return default_checklists().for_type(facility_type)


# ---------------------------------------------------------------- relevance

def _matches(condition: Mapping[str, Any], answers: Mapping[str, Any]) -> bool:
    if "all" in condition:
        return all(_matches(part, answers) for part in condition["all"])
    if "any" in condition:
        return any(_matches(part, answers) for part in condition["any"])
    value = answers.get(condition["question"])
    if "answered" in condition:
        return is_answered(value) == bool(condition["answered"])
    if not is_answered(value):
        return False
    if "equals" in condition:
        return value == condition["equals"]
    if "not_equals" in condition:
        return value != condition["not_equals"]
    if "in" in condition:
        return value in condition["in"]
    if "contains" in condition:
        return isinstance(value, list) and condition["contains"] in value
    return False


def is_relevant(question: Question, answers: Mapping[str, Any]) -> bool:
    """Whether to ask `question` given the answers so far ({question id: value}).

    Conditions: {"question": id, OP: value} with OP one of equals, not_equals, in (list),
    contains (a multi_choice includes the value), answered (true/false); combine with
    {"all": [...]} or {"any": [...]}. An unanswered question satisfies no comparison.
    """
    return question.relevant is None or _matches(question.relevant, answers)


def effective_answers(checklist: Checklist, answers: Mapping[str, Any]) -> Dict[str, Any]:
    """The answers that count: those of relevant questions, judged in checklist order, so
    an answer hidden by an earlier change cannot keep a later question relevant."""
    kept: Dict[str, Any] = {}
    for question in checklist.questions:
        if question.id in answers and is_relevant(question, kept):
            kept[question.id] = answers[question.id]
    return kept


def relevant_questions(checklist: Checklist, answers: Mapping[str, Any]) -> List[Question]:
    kept = effective_answers(checklist, answers)
    return [q for q in checklist.questions if is_relevant(q, kept)]


def missing_required(checklist: Checklist, answers: Mapping[str, Any]) -> List[Question]:
    """Required questions that are relevant and not answered, in checklist order."""
    kept = effective_answers(checklist, answers)
    return [q for q in checklist.questions
            if q.required and is_relevant(q, kept) and not is_answered(kept.get(q.id))]




def checklist_rows(checklists: ChecklistSet,
                   types: Optional[Sequence[str]] = None) -> List[Dict[str, Any]]:
    """Rows for the package's `checklists` table."""
    chosen = types if types is not None else sorted(checklists.checklists)
    return [{"facility_type": t, "task": checklists.for_type(t).task,
             "name_zh": checklists.for_type(t).name_zh,
             "name_en": checklists.for_type(t).name_en,
             "questions": checklists.for_type(t).to_json()} for t in chosen]
