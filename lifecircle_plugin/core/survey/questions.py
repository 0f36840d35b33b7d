"""A checklist question: its kinds, units and options, as definitions and packages hold them.

Kept apart from the loader (checklists.py) and the answer checks (answers.py) so both can
use it; import these names from `checklists`, which re-exports them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

KINDS = ("yes_no", "single_choice", "multi_choice", "integer", "decimal", "text", "date",
         "time", "datetime", "photo")
CHOICE_KINDS = ("single_choice", "multi_choice")
NUMBER_KINDS = ("integer", "decimal")
# unit code -> (zh, en) display; a question's unit must be one of these.
UNITS: Dict[str, Tuple[str, str]] = {
    "m2": ("平方米", "m²"), "ha": ("公顷", "ha"), "m": ("米", "m"), "km": ("公里", "km"),
    "yuan": ("元", "yuan"), "min": ("分钟", "min"), "h": ("小时", "h"),
    "items": ("个", "items"), "units": ("套", "units"), "storeys": ("层", "storeys"),
    "volumes": ("册", "volumes"), "seats": ("座", "seats"), "places": ("个", "places"),
    "beds": ("张", "beds"), "persons": ("人", "persons"), "months": ("月", "months"),
    "meals": ("份", "meals"), "percent": ("%", "%"),
}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
QUESTION_KEYS = {"id", "kind", "label_zh", "label_en", "required", "options", "min", "max",
                  "unit", "relevant", "help"}
CONDITION_OPERATORS = ("equals", "not_equals", "in", "contains", "answered")
MAX_TEXT = 4000


@dataclass(frozen=True)
class Option:
    value: str
    label_zh: str
    label_en: str

    def label(self, language: str = "zh") -> str:
        return self.label_zh if language.startswith("zh") else self.label_en


@dataclass(frozen=True)
class Question:
    """One checklist item. `relevant` is a condition dict (see `is_relevant`) or None."""

    id: str
    kind: str
    label_zh: str
    label_en: str
    required: bool = False
    options: Tuple[Option, ...] = ()
    min: Optional[float] = None
    max: Optional[float] = None
    unit: Optional[str] = None
    relevant: Optional[Mapping[str, Any]] = None
    help_zh: str = ""
    help_en: str = ""

    def label(self, language: str = "zh") -> str:
        return self.label_zh if language.startswith("zh") else self.label_en

    def option_values(self) -> List[str]:
        return [option.value for option in self.options]

    def to_dict(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"id": self.id, "kind": self.kind, "label_zh": self.label_zh,
                                "label_en": self.label_en, "required": self.required}
        if self.options:
            data["options"] = [{"value": o.value, "label_zh": o.label_zh, "label_en": o.label_en}
                               for o in self.options]
        for key in ("min", "max", "unit"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.relevant is not None:
            data["relevant"] = dict(self.relevant)
        if self.help_zh or self.help_en:
            data["help"] = {"zh": self.help_zh, "en": self.help_en}
        return data


def is_answered(value: Any) -> bool:
    """None, an empty text and an empty list mean 'not answered'."""
    return value is not None and value != "" and value != []
