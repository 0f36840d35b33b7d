"""The long jobs of the plugin as CoreTasks: build a project, evaluate it.

Each factory returns a task that is not started yet; the caller connects its signals and
hands it to QgsApplication.taskManager(). The core writes atomically, so a cancelled or
failed job leaves the project GeoPackage as it was.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Tuple

from ..core.progress import Progress
from ..i18n import tr
from .core_task import CoreTask


def build_task(config, overpass_bbox=None, catalogue=None, overpass_url: str = "") -> CoreTask:
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
            download_overpass(overpass_bbox, target, catalogue, overpass_url)
            config.pois.append(SourceSpec(target, kind="overpass"))
            progress = progress.sub(10, 100)
        return build_project(config, progress)

    return CoreTask(tr("Life Circle: building the project"), work)


class NetworkCache:
    """The prepared walking network (graph, snapping) of the last evaluated project.

    Preparing the network is the costly start of every evaluation; planners re-evaluate
    after editing thresholds or scenarios, which leave the network, origins and facilities
    alone. The cache is keyed on the project file and on the row counts and GeoPackage
    change stamps of those three layers, so a rebuild, a survey import or an edit in QGIS
    (all of which touch them) prepares the network afresh.
    """

    def __init__(self) -> None:
        self.key: Optional[Tuple] = None
        self.model = None
        self.hits = 0

    def lookup(self, key: Tuple):
        if key == self.key and self.model is not None:
            self.hits += 1
            return self.model
        return None

    def store(self, key: Tuple, model) -> None:
        self.key, self.model = key, model


def project_fingerprint(gpkg: Path, options) -> Tuple:
    """What the prepared network depends on (see NetworkCache)."""
    from ..core import project_schema as schema
    from ..layers import table_rows

    stamps = dict(table_rows(gpkg, "SELECT table_name, last_change FROM gpkg_contents"))
    parts = [str(Path(gpkg).resolve()), options.max_snap_distance_m, options.use_network]
    for table in (schema.NETWORK_EDGES, schema.ORIGINS, schema.FACILITIES):
        count = table_rows(gpkg, f"SELECT COUNT(*) FROM {table}")[0][0] \
            if table in stamps else 0
        parts.extend((table, stamps.get(table), count))
    return tuple(parts)


def evaluate_task(gpkg: Path, options=None, catalogue=None,
                  cache: Optional[NetworkCache] = None) -> CoreTask:
    """Evaluate the project and write its result layers (or nothing, if cancelled)."""
    from ..core.evaluate import EvaluationOptions, evaluate, load_project, write_results

    options = options or EvaluationOptions()
    if catalogue is not None:
        options.catalogue = catalogue

    def work(progress: Progress):
        key = project_fingerprint(gpkg, options) if cache is not None else None
        network = cache.lookup(key) if cache is not None else None
        data = load_project(str(gpkg), need_network=options.use_network and network is None)
        evaluation = evaluate(data, options, progress.sub(0, 90), network=network)
        if cache is not None and evaluation.network is not None:
            cache.store(key, evaluation.network)
        write_results(str(gpkg), evaluation, progress.sub(90, 100))
        return evaluation

    return CoreTask(tr("Life Circle: evaluating walking access"), work)


def evaluation_options(scenario: str = "existing", catalogue=None,
                       service_areas: Optional[bool] = None):
    """EvaluationOptions for the plugin's usual run (the project's catalogue and scenario)."""
    from ..core.evaluate import EvaluationOptions

    options = EvaluationOptions(scenario=scenario, catalogue=catalogue)
    if service_areas is not None:
        options.service_areas = service_areas
    return options
