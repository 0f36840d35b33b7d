"""The long jobs of the plugin as CoreTasks: build a project, evaluate it.

Each factory returns a task that is not started yet; the caller connects its signals and
hands it to QgsApplication.taskManager(). The core writes atomically, so a cancelled or
failed job leaves the project GeoPackage as it was.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..core.progress import Progress
from ..i18n import tr
from .core_task import CoreTask


def build_task(config, overpass_bbox=None, catalogue=None) -> CoreTask:
    """Build the project GeoPackage described by a core.build.BuildConfig.

    With `overpass_bbox` (west, south, east, north in WGS84) the catalogue's OSM tags are
    first downloaded for that extent, inside the task, and added as one more source.
    """
    from ..core.build import SourceSpec, build_project

    def work(progress: Progress):
        if overpass_bbox:
            from ..gui.build_config import download_overpass

            progress.update(0, tr("Downloading OSM facilities (Overpass API)"))
            target = config.out.with_name(config.out.stem + "_overpass.json")
            download_overpass(overpass_bbox, target, catalogue)
            config.pois.append(SourceSpec(target, kind="overpass"))
            progress = progress.sub(10, 100)
        return build_project(config, progress)

    return CoreTask(tr("Life Circle: building the project"), work)


def evaluate_task(gpkg: Path, options=None, catalogue=None) -> CoreTask:
    """Evaluate the project and write its result layers (or nothing, if cancelled)."""
    from ..core.evaluate import EvaluationOptions, evaluate_project

    options = options or EvaluationOptions()
    if catalogue is not None:
        options.catalogue = catalogue

    def work(progress: Progress):
        return evaluate_project(str(gpkg), options, progress, write=True)

    return CoreTask(tr("Life Circle: evaluating walking access"), work)


def evaluation_options(scenario: str = "existing", catalogue=None,
                       service_areas: Optional[bool] = None):
    """EvaluationOptions for the plugin's usual run (the project's catalogue and scenario)."""
    from ..core.evaluate import EvaluationOptions

    options = EvaluationOptions(scenario=scenario, catalogue=catalogue)
    if service_areas is not None:
        options.service_areas = service_areas
    return options
