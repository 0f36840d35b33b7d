"""Choices read from the project and the catalogue: sub-districts (街镇) and tasks."""
from __future__ import annotations

from pathlib import Path
from typing import List

from ...core import project_schema as ps
from ...core.catalogue import load_catalogue
from ...core.gpkg import layer_names, read_layer


def subdistrict_names(project_gpkg: str) -> List[str]:
    """Names of the sub-districts (街镇) in the project, sorted; empty if none."""
    if not project_gpkg or not Path(project_gpkg).is_file():
        return []
    if ps.SUBDISTRICTS not in layer_names(project_gpkg):
        return []
    data = read_layer(project_gpkg, ps.SUBDISTRICTS, columns=["name"])
    return sorted({f.attributes["name"] for f in data.features if f.attributes["name"]})


def task_labels() -> List[tuple]:
    """(task number, label) for the twelve tasks, Chinese name first."""
    catalogue = load_catalogue()
    return [(number, f"{number}. {task.name_zh} / {task.name_en}")
            for number, task in sorted(catalogue.tasks.items())]
