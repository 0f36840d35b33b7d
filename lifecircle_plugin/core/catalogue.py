"""The twelve tasks and their facility types: thresholds, targets, rules, verification marks.

The shipped catalogue lives in `resources/catalogue/` (facility_types.csv, tasks.csv,
catalogue.json). A project may override thresholds, targets and walking speed with a small
JSON file; the shipped files are never edited for one project. Every number keeps its
verification mark (V verified, S secondary source, M memory, P set by the project) so
reports can say which thresholds are unverified.
"""
from __future__ import annotations

import csv
import json
import logging
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

from .errors import InputError
from .osm_rules import Alternative, RuleSyntaxError, parse_rules
from .paths import resource

log = logging.getLogger(__name__)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
LEVELS = ("5", "10", "15", "district", "")
VERIFICATION_MARKS = ("V", "S", "M", "P", "n/a")
REQUIRED_COLUMNS = (
    "facility_id", "task", "name_zh", "name_en", "category", "level_min", "threshold_m",
    "threshold_alt_m", "verif_threshold", "verif_standard", "verif_osm", "osm_rules",
    "name_pattern", "min_area_m2", "green_m2_per_capita", "standard", "source",
)


@dataclass(frozen=True)
class Task:
    number: int
    name_zh: str
    name_en: str
    short_zh: str


@dataclass(frozen=True)
class FacilityType:
    id: str
    task: int
    name_zh: str
    name_en: str
    category: str  # "basic", "quality" or "" (not an access item)
    level_min: str  # "5", "10", "15", "district" or ""
    threshold_m: Optional[float]
    threshold_alt_m: Optional[float]
    verif_threshold: str
    verif_standard: str
    osm_rules: Tuple[Alternative, ...]
    name_pattern: Optional[re.Pattern]
    min_area_m2: Optional[float]
    green_m2_per_capita: Optional[float]
    standard: str
    source: str
    target_share: float = 0.85

    @property
    def evaluated(self) -> bool:
        """Whether walking access is measured for this type (it has a distance threshold)."""
        return self.threshold_m is not None

    @property
    def is_basic(self) -> bool:
        return self.category == "basic" and self.evaluated

    @property
    def threshold_verified(self) -> bool:
        return self.verif_threshold == "V"

    def name(self, language: str = "zh") -> str:
        return self.name_zh if language.startswith("zh") else self.name_en


@dataclass(frozen=True)
class Catalogue:
    version: str
    tasks: Dict[int, Task]
    types: Dict[str, FacilityType]
    walking_speed_m_per_min: float
    walking_profiles: Dict[str, float]
    level_distances_m: Dict[str, float]
    composite_target_share: float
    detour_factor: float
    max_snap_distance_m: float
    overrides: Dict[str, object] = field(default_factory=dict)
    override_file: Optional[str] = None

    def types_of_task(self, task: int) -> List[FacilityType]:
        return [t for t in self.types.values() if t.task == task]

    def evaluated_types(self) -> List[FacilityType]:
        return [t for t in self.types.values() if t.evaluated]

    def basic_types(self) -> List[FacilityType]:
        return [t for t in self.types.values() if t.is_basic]

    def unverified_thresholds(self) -> List[FacilityType]:
        return [t for t in self.evaluated_types() if t.verif_threshold not in ("V", "P")]

    def get(self, facility_id: str) -> FacilityType:
        try:
            return self.types[facility_id]
        except KeyError:
            raise KeyError(f"unknown facility type '{facility_id}'") from None

    def minutes(self, metres: float, profile: str = "adult") -> float:
        return metres / self.walking_profiles.get(profile, self.walking_speed_m_per_min)


def _read_csv(path: Path) -> List[dict]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start}); save it as UTF-8", file=path
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None
    return list(csv.DictReader(text.splitlines()))


def _number(value: str, path: Path, row: int, column: str) -> Optional[float]:
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"'{value}' is not a number", file=path, row=row, field=column) from None
    if number <= 0:
        raise InputError(f"{value} must be positive", file=path, row=row, field=column)
    return number


def _parse_type(raw: dict, path: Path, row: int, tasks: Dict[int, Task], target: float):
    fid = (raw.get("facility_id") or "").strip()
    if not _ID.match(fid):
        raise InputError(
            f"facility id '{fid}' is not snake_case", file=path, row=row, field="facility_id"
        )
    try:
        task = int(raw["task"])
    except (TypeError, ValueError):
        raise InputError(f"task '{raw.get('task')}' is not a number", file=path, row=row,
                         field="task") from None
    if task not in tasks:
        raise InputError(f"task {task} is not one of the twelve", file=path, row=row,
                         field="task")
    if raw["level_min"] not in LEVELS:
        raise InputError(f"level '{raw['level_min']}' is not one of {LEVELS}", file=path,
                         row=row, field="level_min")
    for column in ("verif_threshold", "verif_standard"):
        marks = [raw[column]] if raw[column] == "n/a" else raw[column].split("/")
        if not all(mark in VERIFICATION_MARKS for mark in marks):
            raise InputError(f"verification mark '{raw[column]}' is not one of "
                             f"{VERIFICATION_MARKS}", file=path, row=row, field=column)
    try:
        rules = parse_rules(raw["osm_rules"])
    except RuleSyntaxError as exc:
        raise InputError(str(exc), file=path, row=row, field="osm_rules") from None
    try:
        pattern = re.compile(raw["name_pattern"]) if raw["name_pattern"].strip() else None
    except re.error as exc:
        raise InputError(f"bad pattern: {exc}", file=path, row=row,
                         field="name_pattern") from None
    return FacilityType(
        id=fid, task=task, name_zh=raw["name_zh"], name_en=raw["name_en"],
        category=raw["category"], level_min=raw["level_min"],
        threshold_m=_number(raw["threshold_m"], path, row, "threshold_m"),
        threshold_alt_m=_number(raw["threshold_alt_m"], path, row, "threshold_alt_m"),
        verif_threshold=raw["verif_threshold"], verif_standard=raw["verif_standard"],
        osm_rules=rules, name_pattern=pattern,
        min_area_m2=_number(raw["min_area_m2"], path, row, "min_area_m2"),
        green_m2_per_capita=_number(raw["green_m2_per_capita"], path, row,
                                    "green_m2_per_capita"),
        standard=raw["standard"], source=raw["source"], target_share=target,
    )


def load_catalogue(
    directory: Optional[Union[str, Path]] = None,
    overrides: Optional[Union[str, Path]] = None,
) -> Catalogue:
    """Read and validate the catalogue; apply a project's override file if given."""
    directory = Path(directory) if directory else resource("catalogue")
    settings_path = directory / "catalogue.json"
    settings = _read_json(settings_path)
    tasks = _load_tasks(directory / "tasks.csv")
    types_path = directory / "facility_types.csv"
    rows = _read_csv(types_path)
    if rows:
        missing = [c for c in REQUIRED_COLUMNS if c not in rows[0]]
        if missing:
            raise InputError(f"missing columns {missing}", file=types_path, row=1)
    target = float(settings.get("default_target_share", 0.85))
    types: Dict[str, FacilityType] = {}
    for row_number, raw in enumerate(rows, start=2):
        ftype = _parse_type(raw, types_path, row_number, tasks, target)
        if ftype.id in types:
            raise InputError(f"duplicate facility id '{ftype.id}'", file=types_path,
                             row=row_number, field="facility_id")
        types[ftype.id] = ftype
    empty = sorted(set(tasks) - {t.task for t in types.values()})
    if empty:
        raise InputError(f"tasks {empty} have no facility type", file=types_path)
    speed = float(settings.get("walking_speed_m_per_min", 66.7))
    profiles = {k: float(v["m_per_min"]) for k, v in settings.get("walking_profiles", {}).items()}
    catalogue = Catalogue(
        version=str(settings.get("version", "unknown")), tasks=tasks, types=types,
        walking_speed_m_per_min=speed, walking_profiles=profiles or {"adult": speed},
        level_distances_m={k: float(v) for k, v in settings["level_distances_m"].items()},
        composite_target_share=float(settings.get("composite_target_share", 0.85)),
        detour_factor=float(settings.get("detour_factor", 1.3)),
        max_snap_distance_m=float(settings.get("max_snap_distance_m", 300)),
    )
    return apply_overrides(catalogue, overrides) if overrides else catalogue


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", file=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None


def _load_tasks(path: Path) -> Dict[int, Task]:
    tasks = {}
    for row_number, raw in enumerate(_read_csv(path), start=2):
        try:
            number = int(raw["task"])
        except (KeyError, TypeError, ValueError):
            raise InputError("task number missing or not a number", file=path,
                             row=row_number, field="task") from None
        tasks[number] = Task(number, raw["name_zh"], raw["name_en"], raw["short_zh"])
    if sorted(tasks) != list(range(1, 13)):
        raise InputError(f"tasks must be numbered 1 to 12, found {sorted(tasks)}", file=path)
    return tasks


def apply_overrides(catalogue: Catalogue, path: Union[str, Path, dict]) -> Catalogue:
    """A project's own thresholds/targets/speed. Overridden thresholds are marked 'P'.

    The file is JSON: {"thresholds": {id: metres}, "targets": {id: share 0-1},
    "walking_speed_m_per_min": n, "composite_target_share": s, "detour_factor": f}.
    """
    if isinstance(path, dict):
        data, source = path, "<project settings>"
    else:
        data, source = _read_json(Path(path)), str(path)
    if not isinstance(data, dict):
        raise InputError("the override file must hold a JSON object", file=source)
    known = {"thresholds", "targets", "walking_speed_m_per_min", "composite_target_share",
             "detour_factor", "max_snap_distance_m"}
    for key in data:
        if key not in known:
            raise InputError(f"unknown setting '{key}' (known: {sorted(known)})",
                             file=source, field=key)
    types = dict(catalogue.types)
    for section, attr in (("thresholds", "threshold_m"), ("targets", "target_share")):
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            raise InputError(f"'{section}' must be an object of facility id: number, not "
                             f"{type(entries).__name__}", file=source, field=section)
        for fid, value in entries.items():
            where = f"{section}.{fid}"
            if fid not in types:
                raise InputError(f"unknown facility id '{fid}'", file=source, field=where)
            number = _checked_number(value, source, where)
            if attr == "target_share" and number > 1:
                raise InputError(f"target {value} must be a share between 0 and 1",
                                 file=source, field=where)
            changes = {attr: number}
            if attr == "threshold_m":
                changes["verif_threshold"] = "P"
            types[fid] = replace(types[fid], **changes)
    scalars = {}
    for key in ("walking_speed_m_per_min", "composite_target_share", "detour_factor",
                "max_snap_distance_m"):
        if key in data:
            scalars[key] = _checked_number(data[key], source, key)
    if scalars.get("composite_target_share", 0) > 1:
        raise InputError("composite_target_share must be a share between 0 and 1",
                         file=source, field="composite_target_share")
    if scalars.get("detour_factor", 1) < 1:
        raise InputError("detour_factor must be at least 1.0", file=source,
                         field="detour_factor")
    profiles = dict(catalogue.walking_profiles)
    if "walking_speed_m_per_min" in scalars:
        profiles["adult"] = scalars["walking_speed_m_per_min"]
    return replace(catalogue, types=types, walking_profiles=profiles, overrides=dict(data),
                   override_file=source, **scalars)


def _checked_number(value, source: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise InputError(f"'{value}' is not a finite number", file=source, field=where)
    if value <= 0:
        raise InputError(f"{value} must be positive", file=source, field=where)
    return float(value)
