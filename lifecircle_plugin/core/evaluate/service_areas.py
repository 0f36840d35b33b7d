"""Service-area polygons for maps: the reached parts of edges, buffered and merged.

Distances are never read off these polygons (the distance table is the answer); they are
drawn for planners. An edge is reached from each end as far as the budget left at that
node allows; the edge holding a facility is also reached both ways from the facility. In
straight-line mode the area is the union of discs of radius threshold / detour around the
facilities, which is exactly where straight line x detour is within the threshold.
"""
from __future__ import annotations

import logging
from typing import List, Optional

import numpy as np
import shapely
from shapely.ops import substring

from ..progress import NO_PROGRESS, Progress
from .options import MINUTE_LEVELS

log = logging.getLogger(__name__)

SIMPLIFY_M = 2.0  # map drawing only: 2 m simplification of reached pieces
TILE_M = 500.0  # union tiles


def thresholds_for(ev, k: int):
    """(minutes or None, metres) pairs drawn for column k: 5/10/15 min and own threshold."""
    pairs = [(m, ev.minute_distance(m)) for m in MINUTE_LEVELS]
    if not any(abs(metres - ev.thresholds[k]) < 0.5 for _, metres in pairs):
        pairs.append((None, float(ev.thresholds[k])))
    return pairs


def build(ev, progress: Progress = NO_PROGRESS) -> List[dict]:
    wanted = ev.options.service_area_types
    columns = [k for k, t in enumerate(ev.type_ids)
               if not ev.no_data[k] and (wanted is None or t in wanted)]
    areas = []
    for i, k in enumerate(columns):
        for minutes, metres in thresholds_for(ev, k):
            if ev.network is not None:
                geometry = network_area(ev, k, metres, ev.options.service_area_width_m)
            else:
                geometry = straight_line_area(ev, k, metres)
            if geometry is None or geometry.is_empty:
                continue
            areas.append({"facility_type": ev.type_ids[k], "scenario": ev.scenario,
                          "minutes": minutes, "distance_m": float(metres),
                          "method": ev.method, "geometry": _multipolygon(geometry)})
        progress.update(100.0 * (i + 1) / max(1, len(columns)), ev.type_ids[k])
    return areas


def _multipolygon(geometry):
    if geometry.geom_type == "MultiPolygon":
        return geometry
    if geometry.geom_type == "Polygon":
        return shapely.multipolygons([geometry])
    polygons = [g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon"]
    return shapely.multipolygons(polygons)


def reached_pieces(ev, k: int, metres: float) -> List:
    """The edge pieces within `metres` of the nearest facility of column k."""
    graph = ev.network.graph
    node_dist = ev.node_distances[:, k].astype(np.float64)
    length = graph.edge_length
    from_u = np.clip(metres - node_dist[graph.edge_u], 0.0, None)
    from_v = np.clip(metres - node_dist[graph.edge_v], 0.0, None)
    full = (from_u + from_v >= length) & ((from_u > 0) | (from_v > 0) | (length == 0))
    pieces = list(graph.edge_geometry[full])
    geometric = shapely.length(graph.edge_geometry)
    scale = np.divide(geometric, length, out=np.ones_like(length), where=length > 0)
    for e in np.flatnonzero(~full & (from_u > 0)):
        pieces.append(substring(graph.edge_geometry[e], 0.0, from_u[e] * scale[e]))
    for e in np.flatnonzero(~full & (from_v > 0)):
        pieces.append(substring(graph.edge_geometry[e], (length[e] - from_v[e]) * scale[e],
                                geometric[e]))
    snap = ev.network.facility_snap
    rows = np.flatnonzero(ev.facility_in_scenario & (ev.facility_column == k) & snap.snapped)
    for f in rows:
        budget = metres - snap.offset_m[f]
        if budget <= 0:
            continue
        e = snap.edge[f]
        start = max(0.0, snap.along_m[f] - budget) * scale[e]
        end = min(length[e], snap.along_m[f] + budget) * scale[e]
        pieces.append(substring(graph.edge_geometry[e], start, end))
    return pieces


def network_area(ev, k: int, metres: float, width: float) -> Optional[object]:
    pieces = [p for p in reached_pieces(ev, k, metres) if p is not None and not p.is_empty]
    if not pieces:
        return None
    return union_of_buffers(np.array(pieces, dtype=object), width)


def union_of_buffers(lines: np.ndarray, width: float):
    """Buffer each piece and merge, tile by tile first (measured fastest of: buffering the
    multi-line at once 24 s, plain union 0.6-1.0 s, tiled union 0.65 s on Helsinki)."""
    shapes = shapely.buffer(shapely.simplify(lines, SIMPLIFY_M), width, quad_segs=1)
    centre = shapely.get_coordinates(shapely.centroid(shapes))
    tile = np.floor(centre / TILE_M).astype(np.int64)
    key = tile[:, 0] * 1_000_003 + tile[:, 1]
    parts = [shapely.union_all(shapes[key == value]) for value in np.unique(key)]
    return shapely.union_all(np.array(parts, dtype=object))


def straight_line_area(ev, k: int, metres: float):
    rows = np.flatnonzero(ev.facility_in_scenario & (ev.facility_column == k)
                          & np.isfinite(ev.data.facilities.x))
    if len(rows) == 0:
        return None
    points = shapely.points(ev.data.facilities.x[rows], ev.data.facilities.y[rows])
    return shapely.union_all(shapely.buffer(points, metres / ev.detour_factor, quad_segs=8))
