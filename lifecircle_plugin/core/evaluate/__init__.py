"""Walking accessibility engine: distances, coverage indicators, gaps and service areas.

Public API: `EvaluationOptions`, `evaluate_project(gpkg, options, progress, write=True)`,
`evaluate(data, options, progress)` on already loaded `load_project(gpkg)` data, and the
`Evaluation` it returns. No Qt or QGIS here; the plugin runs this inside a QgsTask.
"""
from .engine import Evaluation, NetworkModel, evaluate, evaluate_project, prepare_network
from .graph import WalkGraph, build_graph
from .inputs import ProjectData, load_project
from .options import (
    SCENARIO_EXISTING,
    SCENARIO_PLANNED,
    SCENARIO_STATUSES,
    EvaluationOptions,
)
from .writer import write_results

__all__ = [
    "Evaluation", "EvaluationOptions", "NetworkModel", "ProjectData", "SCENARIO_EXISTING",
    "SCENARIO_PLANNED", "SCENARIO_STATUSES", "WalkGraph", "build_graph", "evaluate",
    "evaluate_project", "load_project", "prepare_network", "write_results",
]
