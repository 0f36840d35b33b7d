"""Reading a project's evaluation results for display: per sub-district, type and task.

The engine writes `subdistrict_results` and `task_results` (see core/project_schema.py);
the dock shows them. Reading goes through core.gpkg so it sees exactly what the engine
wrote; nothing here recomputes an indicator.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from .core import project_schema as schema
from .core.gpkg import layer_names, read_layer


@dataclass(frozen=True)
class Coverage:
    """One row of subdistrict_results: a facility type in a sub-district."""

    facility_type: str
    task: int
    population: float
    covered_population: float
    share: float
    share_15min: Optional[float]
    threshold_m: Optional[float]
    threshold_verif: str
    target_share: Optional[float]
    meets_target: bool
    facilities: int
    method: str
    no_data: bool = False  # no facility of the type counts: "no data", not 0 %


@dataclass(frozen=True)
class TaskVerdict:
    subdistrict: str
    task: int
    mean_share: Optional[float]
    share_all_basic: Optional[float]
    basic_types: int
    basic_types_met: int
    meets_target: bool


@dataclass
class ProjectResults:
    """All results of one scenario, grouped for the dock."""

    scenario: str
    coverage: Dict[str, List[Coverage]] = field(default_factory=dict)  # by sub-district
    tasks: Dict[str, Dict[int, TaskVerdict]] = field(default_factory=dict)

    @property
    def subdistricts(self) -> List[str]:
        """Sub-district names, the district-wide row (全区) first."""
        names = set(self.coverage) | set(self.tasks)
        return sorted(names, key=lambda n: (n != schema.DISTRICT_WIDE, n))

    @property
    def method(self) -> str:
        methods = {row.method for rows in self.coverage.values() for row in rows if row.method}
        return ", ".join(sorted(methods))


COVERAGE_FIELDS = ("facility_type", "task", "population", "covered_population", "share",
                   "share_15min", "threshold_m", "threshold_verif", "target_share",
                   "meets_target", "facilities", "method")
TASK_FIELDS = ("subdistrict", "task", "mean_share", "share_all_basic", "basic_types",
               "basic_types_met", "meets_target")


def method_text(method: str) -> str:
    """'straight_line_x1.3' -> a sentence a planner reads (the engine's method codes)."""
    from .i18n import tr

    if method.startswith("straight_line_x"):
        return tr("straight line × {0} (no walking network)").format(
            method[len("straight_line_x"):])
    if method == "network":
        return tr("along the walking network")
    return method


def has_results(gpkg: Path) -> bool:
    return Path(gpkg).exists() and schema.SUBDISTRICT_RESULTS in layer_names(gpkg)


def load_results(gpkg: Path, scenario: str = "existing") -> ProjectResults:
    from .layers import table_rows

    results = ProjectResults(scenario)
    names = set(layer_names(gpkg))
    if schema.SUBDISTRICT_RESULTS in names:
        columns = {row[1] for row in table_rows(
            gpkg, f"PRAGMA table_info({schema.SUBDISTRICT_RESULTS})")}
        no_data = "no_data" if "no_data" in columns else "0"
        fields = ", ".join(COVERAGE_FIELDS) + f", {no_data}"
        for values in table_rows(gpkg, f"SELECT subdistrict, {fields} FROM "
                                       f"{schema.SUBDISTRICT_RESULTS} WHERE scenario = ?",
                                 scenario):
            a = dict(zip(COVERAGE_FIELDS + ("no_data",), values[1:]))
            results.coverage.setdefault(values[0], []).append(Coverage(
                facility_type=a["facility_type"], task=int(a["task"] or 0),
                population=a["population"] or 0.0,
                covered_population=a["covered_population"] or 0.0,
                share=a["share"] or 0.0, share_15min=a["share_15min"],
                threshold_m=a["threshold_m"], threshold_verif=a["threshold_verif"] or "",
                target_share=a["target_share"], meets_target=bool(a["meets_target"]),
                facilities=int(a["facilities"] or 0), method=a["method"] or "",
                no_data=bool(a["no_data"])))
    if schema.TASK_RESULTS in names:
        fields = ", ".join(TASK_FIELDS)
        for values in table_rows(gpkg, f"SELECT {fields} FROM {schema.TASK_RESULTS} "
                                       "WHERE scenario = ?", scenario):
            a = dict(zip(TASK_FIELDS, values))
            verdict = TaskVerdict(
                subdistrict=a["subdistrict"], task=int(a["task"]), mean_share=a["mean_share"],
                share_all_basic=a["share_all_basic"], basic_types=int(a["basic_types"] or 0),
                basic_types_met=int(a["basic_types_met"] or 0),
                meets_target=bool(a["meets_target"]))
            results.tasks.setdefault(verdict.subdistrict, {})[verdict.task] = verdict
    return results


def subdistrict_names(gpkg: Path) -> List[str]:
    """Sub-district names in the project, in the order the builder wrote them."""
    return [f.attributes["name"] for f in
            read_layer(gpkg, schema.SUBDISTRICTS, columns=["name"]).features]
