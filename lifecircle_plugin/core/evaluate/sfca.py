"""Two-step floating catchment (2SFCA) for capacity-limited types (places, beds).

Step 1: each facility's ratio R_j = capacity_j / residents within its catchment (the type's
threshold). Step 2: each origin's accessibility A_i = sum of R_j over facilities within the
threshold of it, i.e. places per resident that are within reach and not already "taken" by
other residents (facility_standards §3, indicator 11). Only facilities with a capacity
count; a type none of whose facilities has one gets no 2SFCA. Each facility needs its own
bounded search here (the catchments overlap), done in chunks with one scipy call each.
"""
from __future__ import annotations

import logging
from typing import Dict, Iterator, Tuple

import numpy as np
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .options import COVER_TOLERANCE_M

log = logging.getLogger(__name__)

CHUNK = 32


def _catchments(ev, rows: np.ndarray, radius: float) -> Iterator[Tuple[int, np.ndarray]]:
    """(facility row, origin rows within `radius`) for each facility."""
    data = ev.data
    if ev.network is None:
        finite = np.flatnonzero(np.isfinite(data.origins.x))
        tree = cKDTree(data.origins.xy[finite])
        for f in rows:
            found = tree.query_ball_point(data.facilities.xy[f], r=radius / ev.detour_factor)
            yield f, finite[np.asarray(found, dtype=np.int64)]
        return
    search = ev.network.search
    snap = search.facilities
    rows = rows[snap.snapped[rows]]
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        table = dijkstra(search.matrix, directed=True, indices=search.facility_node[chunk],
                         min_only=False, limit=radius)
        for j, f in enumerate(chunk):
            dist = search.origins.from_node_distances(
                table[j], snap.edge[f:f + 1], snap.along_m[f:f + 1], snap.offset_m[f:f + 1],
                radius)
            yield f, np.flatnonzero(dist <= radius)


def compute(ev) -> Dict[str, np.ndarray]:
    """{type id: per-origin accessibility A_i (capacity units per resident)}."""
    capacity = ev.data.facilities.attrs.get("capacity")
    if capacity is None:
        return {}
    capacity = np.asarray(capacity, dtype=np.float64)
    population = ev.population
    out = {}
    for k, type_id in enumerate(ev.type_ids):
        rows = np.flatnonzero(ev.facility_in_scenario & (ev.facility_column == k)
                              & np.isfinite(capacity) & (capacity > 0)
                              & np.isfinite(ev.data.facilities.x))
        if len(rows) == 0:
            continue
        radius = float(ev.thresholds[k]) + COVER_TOLERANCE_M
        access = np.zeros(len(population))
        for f, origins in _catchments(ev, rows, radius):
            demand = population[origins].sum()
            if demand > 0:
                access[origins] += capacity[f] / demand
        out[type_id] = access
    return out
