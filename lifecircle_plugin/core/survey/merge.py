"""Three-way merge of one facility's audited fields: base (package), project, field.

Pure functions, no I/O, so every rule of issue 7 is testable in isolation and the importer
only has to decide what to write. The rules, per field of AUDITED_FIELDS:
- changed only in the field -> applied; changed only in the project -> kept;
- changed on both sides to the same value -> nothing to do (not a conflict);
- changed on both sides to different values -> a conflict, nothing applied;
- x, y are compared as one position with a tolerance (GPS jitter and float round trips
  must not raise conflicts), moved on both sides to different places -> one conflict;
- an edit in the field to a facility deleted in the project, and a facility deleted or
  not found in the field but edited in the project -> a conflict of the whole facility.
  Not found in the field and untouched in the project is an ordinary status change: the
  facility keeps its row with status 'not_found' (a planner deletes, never the import).
Text is NFC-normalised before comparing: a Chinese name typed on a Mac (NFD) equals the
same name typed on Windows (NFC). Empty text and NULL are the same value.
"""
from __future__ import annotations

import logging
import math
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from .schema import AUDITED_FIELDS

log = logging.getLogger(__name__)

POSITION = "position"
DEFAULT_TOLERANCE_M = 0.01
VALUE_FIELDS = tuple(name for name in AUDITED_FIELDS if name not in ("x", "y"))

# conflict kinds
BOTH_CHANGED = "both_changed"
MOVED_BOTH = "moved_both"
DELETED_IN_PROJECT = "deleted_in_project"
DELETED_IN_FIELD = "deleted_in_field"
ADDED_BOTH = "added_both"

# facility outcomes
UNCHANGED = "unchanged"
UPDATE = "update"
ADD = "add"
CONFLICT = "conflict"


@dataclass(frozen=True)
class FieldConflict:
    """One field held for the planner: the three values side by side."""

    field: str
    kind: str
    base: Any
    project: Any
    field_value: Any


@dataclass
class FacilityMerge:
    """What to do with one facility. `updates` maps field -> field value to apply
    (x and y travel together); `conflicts` are held, never applied."""

    facility_uuid: str
    outcome: str
    updates: Dict[str, Any] = field(default_factory=dict)
    conflicts: List[FieldConflict] = field(default_factory=list)


def normalise(value: Any) -> Any:
    """The comparable form of a value: NFC text, '' as None, integral floats as int."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value)
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def same(a: Any, b: Any) -> bool:
    return normalise(a) == normalise(b)


def position(values: Optional[Mapping[str, Any]]) -> Optional[tuple]:
    if not values or values.get("x") is None or values.get("y") is None:
        return None
    return float(values["x"]), float(values["y"])


def same_position(a: Optional[tuple], b: Optional[tuple], tolerance: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.hypot(a[0] - b[0], a[1] - b[1]) <= tolerance


def changed_fields(base: Mapping[str, Any], current: Mapping[str, Any],
                   tolerance: float = DEFAULT_TOLERANCE_M) -> List[str]:
    """Audited fields (and POSITION) in which `current` differs from `base`."""
    changed = [name for name in VALUE_FIELDS
               if name in current and not same(base.get(name), current.get(name))]
    if ("x" in current or "y" in current) and not same_position(
            position(base), position(current), tolerance):
        changed.append(POSITION)
    return changed


def _value(values: Mapping[str, Any], name: str) -> Any:
    if name == POSITION:
        return position(values)
    return values.get(name)


def merge_facility(
    facility_uuid: str,
    base: Optional[Mapping[str, Any]],
    project: Optional[Mapping[str, Any]],
    field_values: Optional[Mapping[str, Any]],
    *,
    deleted_in_field: bool = False,
    field_touched: bool = False,
    tolerance: float = DEFAULT_TOLERANCE_M,
) -> FacilityMerge:
    """Merge one facility. `base` None means it is new (added in the field);
    `project` None means it is not (or no longer) in the project; `deleted_in_field`
    means the field removed it or did not find it; `field_touched` says the field worked
    on it (an audit) even if no field value changed, which matters when the project
    deleted it: the audit would otherwise point at nothing without anyone noticing."""
    if base is None:
        return _merge_new(facility_uuid, project, field_values, tolerance)
    field_values = field_values or {}
    if deleted_in_field:
        if project is None:
            return FacilityMerge(facility_uuid, UNCHANGED)  # gone on both sides
        if changed_fields(base, project, tolerance):
            return FacilityMerge(facility_uuid, CONFLICT, conflicts=[FieldConflict(
                "*", DELETED_IN_FIELD, dict(base), _snapshot(project),
                _snapshot(field_values))])
    field_changes = changed_fields(base, field_values, tolerance)
    if project is None:
        if not field_changes and not field_touched:
            return FacilityMerge(facility_uuid, UNCHANGED)
        return FacilityMerge(facility_uuid, CONFLICT, conflicts=[FieldConflict(
            "*", DELETED_IN_PROJECT, dict(base), None, _snapshot(field_values))])
    project_changes = set(changed_fields(base, project, tolerance))
    merge = FacilityMerge(facility_uuid, UNCHANGED)
    for name in field_changes:
        field_value = _value(field_values, name)
        if name not in project_changes:
            _apply(merge.updates, name, field_value)
            continue
        if name == POSITION:
            if not same_position(position(project), field_value, tolerance):
                merge.conflicts.append(FieldConflict(POSITION, MOVED_BOTH, position(base),
                                                     position(project), field_value))
        elif not same(project.get(name), field_value):
            merge.conflicts.append(FieldConflict(name, BOTH_CHANGED, base.get(name),
                                                 project.get(name), field_value))
    merge.outcome = CONFLICT if merge.conflicts else (UPDATE if merge.updates else UNCHANGED)
    return merge


def _merge_new(facility_uuid, project, field_values, tolerance) -> FacilityMerge:
    """A facility added in the field: inserted with its own uuid; if the project already
    has that uuid (an earlier import), only differences are looked at."""
    if field_values is None:
        return FacilityMerge(facility_uuid, UNCHANGED)
    if project is None:
        return FacilityMerge(facility_uuid, ADD, updates=_snapshot(field_values))
    conflicts = [FieldConflict(name, ADDED_BOTH, None, _value(project, name),
                               _value(field_values, name))
                 for name in changed_fields(project, field_values, tolerance)]
    return FacilityMerge(facility_uuid, CONFLICT if conflicts else UNCHANGED,
                         conflicts=conflicts)


def _apply(updates: Dict[str, Any], name: str, value: Any) -> None:
    if name == POSITION:
        updates["x"], updates["y"] = value if value is not None else (None, None)
    else:
        updates[name] = value


def _snapshot(values: Mapping[str, Any]) -> Dict[str, Any]:
    return {name: values.get(name) for name in AUDITED_FIELDS if name in values}
