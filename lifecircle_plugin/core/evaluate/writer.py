"""Writing an evaluation into the project's result layers, replacing that scenario's rows.

All layers are written in one GeoPackage transaction: if anything fails (disk full, a
cancel) the earlier results of the scenario stay as they were. Distances beyond the search
limit are written as NULL ("farther than the largest threshold"), never as a number.
"""
from __future__ import annotations

import logging
from typing import Iterator, Tuple

import numpy as np

from .. import project_schema as ps
from ..gpkg import open_dataset, replace_rows
from ..progress import NO_PROGRESS, Progress
from .options import COVER_TOLERANCE_M

log = logging.getLogger(__name__)


def write_results(gpkg, ev, progress: Progress = NO_PROGRESS) -> None:
    dataset = open_dataset(gpkg, update=True)
    crs = ev.data.crs_wkt
    scenario = {"scenario": ev.scenario}
    dataset.StartTransaction(force=True)
    try:
        _origin_results(dataset, crs, ev)
        progress.update(40, ps.ORIGIN_RESULTS)
        for layer, rows in ((ps.SUBDISTRICT_RESULTS, ev.subdistrict_rows),
                            (ps.TASK_RESULTS, ev.task_rows)):
            columns = list(ps.LAYERS[layer][1])
            replace_rows(dataset, layer, crs, scenario, columns,
                         ([row.get(c) for c in columns] for row in rows))
        progress.update(50, ps.SUBDISTRICT_RESULTS)
        if ev.options.gaps:
            _gaps(dataset, crs, ev)
        progress.update(80, ps.GAPS)
        if ev.baseline is not None:
            _gains(dataset, crs, ev)
        if ev.options.service_areas:
            columns = list(ps.LAYERS[ps.SERVICE_AREAS][1])
            replace_rows(dataset, ps.SERVICE_AREAS, crs, scenario, columns,
                         ([a[c] for c in columns] for a in ev.service_areas),
                         (a["geometry"] for a in ev.service_areas))
        dataset.CommitTransaction()
    except BaseException:
        dataset.RollbackTransaction()
        raise
    finally:
        dataset = None
    progress.update(100, "results written")


def _origin_results(dataset, crs, ev) -> None:
    data = ev.data
    distance_fields = {ps.distance_field(t): "Real" for t in ev.type_ids}
    base = list(ps.LAYERS[ps.ORIGIN_RESULTS][1])
    columns = base + list(distance_fields)
    basic_data = ev.basic & ~ev.no_data
    within_15 = ev.distances[:, basic_data] <= ev.minute_distance(15) + COVER_TOLERANCE_M
    reached = within_15.sum(axis=1)
    flags = ev.origin_flags
    names = ev.subdistrict_names
    sd = ev.origin_subdistrict
    total = int(basic_data.sum())

    def rows():
        table = ev.distances.astype(np.float64)
        for i in range(len(table)):
            yield [data.origins.attrs["uuid"][i], ev.scenario,
                   names[sd[i]] if sd[i] >= 0 else None,
                   float(ev.population[i]), int(reached[i]), total, ev.method,
                   int(flags["snapped"][i]), int(flags["on_island"][i]),
                   float(flags["snap_offset_m"][i]), *table[i].tolist()]

    replace_rows(dataset, ps.ORIGIN_RESULTS, crs, {"scenario": ev.scenario}, columns, rows(),
                 _points(ev, np.arange(len(ev.distances))), extra_fields=distance_fields)


def _points(ev, origin_rows) -> Iterator[Tuple[float, float]]:
    x, y = ev.data.origins.x, ev.data.origins.y
    for i in origin_rows:
        yield (x[i], y[i]) if np.isfinite(x[i]) else None


def _gaps(dataset, crs, ev) -> None:
    uncovered = ~ev.covered()
    uncovered[:, ev.no_data] = False
    _origin_type_rows(dataset, crs, ev, ps.GAPS, uncovered, lambda i, k: (
        float(ev.distances[i, k]), float(ev.thresholds[k])))


def _gains(dataset, crs, ev) -> None:
    gained = ev.covered() & ~ev.baseline.covered()
    _origin_type_rows(dataset, crs, ev, ps.ACCESS_GAINS, gained, lambda i, k: (
        float(ev.baseline.distances[i, k]), float(ev.distances[i, k])))


def _origin_type_rows(dataset, crs, ev, layer: str, mask: np.ndarray, distances) -> None:
    """One point row per (origin, type) where `mask` holds: the gaps and the gains share
    every column but the two distances, which `distances(i, k)` gives."""
    columns = list(ps.LAYERS[layer][1])
    origin_rows, cols = np.nonzero(mask)
    names = ev.subdistrict_names
    sd = ev.origin_subdistrict
    uuid = ev.data.origins.attrs["uuid"]

    def rows():
        for i, k in zip(origin_rows.tolist(), cols.tolist()):
            yield [uuid[i], ev.scenario, ev.type_ids[k], names[sd[i]] if sd[i] >= 0 else None,
                   float(ev.population[i]), *distances(i, k), ev.method]

    replace_rows(dataset, layer, crs, {"scenario": ev.scenario}, columns, rows(),
                 _points(ev, origin_rows))
