"""Service-area polygons for maps: the reached parts of edges, buffered and merged.

Distances are never read off these polygons (the distance table is the answer); they are
drawn for planners. An edge is reached from each end as far as the budget left at that
node allows; the edge holding a facility is also reached both ways from the facility. The
reached pieces are burnt into a grid (cells of CELL_M, or 1/2000 of the network extent),
widened by the buffer width and polygonised by GDAL: on the 25k-node benchmark grid that
took 0.5 s for a type with 24,000 reached pieces where the exact union of buffered pieces
took 2.4-2.7 s (buffering the multi-line at once: 24 s on Helsinki), at the price of
boundaries accurate to one cell. In straight-line mode the area is the union of discs of
radius threshold / detour around the facilities: exactly where straight line x detour is
within the threshold.
"""
from __future__ import annotations

import logging
from typing import List, Optional

import numpy as np
import shapely

from ..progress import NO_PROGRESS, Progress
from .options import MINUTE_LEVELS

log = logging.getLogger(__name__)

CELL_M = 10.0  # finest grid cell for drawing service areas
MAX_CELLS_PER_SIDE = 2000


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


def reached_intervals(ev, k: int, metres: float):
    """Edge intervals within `metres` of column k's nearest facility: (edge, start, end),
    positions along the edge geometry from its u end (geometric metres)."""
    graph = ev.network.graph
    node_dist = ev.node_distances[:, k].astype(np.float64)
    length = graph.edge_length
    geometric = shapely.length(graph.edge_geometry)
    scale = np.divide(geometric, length, out=np.ones_like(length), where=length > 0)
    from_u = np.clip(metres - node_dist[graph.edge_u], 0.0, None)
    from_v = np.clip(metres - node_dist[graph.edge_v], 0.0, None)
    full = (from_u + from_v >= length) & ((from_u > 0) | (from_v > 0))
    part_u = np.flatnonzero(~full & (from_u > 0))
    part_v = np.flatnonzero(~full & (from_v > 0))
    edges = [np.flatnonzero(full), part_u, part_v]
    starts = [np.zeros(full.sum()), np.zeros(len(part_u)),
              (length[part_v] - from_v[part_v]) * scale[part_v]]
    ends = [geometric[full], from_u[part_u] * scale[part_u], geometric[part_v]]
    snap = ev.network.facility_snap
    rows = np.flatnonzero(ev.facility_in_scenario & (ev.facility_column == k) & snap.snapped)
    budget = metres - snap.offset_m[rows]
    rows, budget = rows[budget > 0], budget[budget > 0]
    e = snap.edge[rows]
    edges.append(e)
    starts.append(np.maximum(0.0, snap.along_m[rows] - budget) * scale[e])
    ends.append(np.minimum(length[e], snap.along_m[rows] + budget) * scale[e])
    return np.concatenate(edges), np.concatenate(starts), np.concatenate(ends)


def _interval_points(geometry, edges, starts, ends, step: float) -> np.ndarray:
    """Points every `step` metres along each interval (whole edges: their densified
    vertices; partial ones: interpolated), all vectorised."""
    full = (starts <= 0) & (ends >= shapely.length(geometry[edges]) - 1e-9)
    whole = shapely.get_coordinates(shapely.segmentize(geometry[edges[full]], step))
    edges, starts, ends = edges[~full], starts[~full], ends[~full]
    counts = np.ceil((ends - starts) / step).astype(np.int64) + 1
    first = np.repeat(np.cumsum(counts) - counts, counts)
    offsets = (np.arange(counts.sum()) - first) * step
    where = np.minimum(np.repeat(starts, counts) + offsets, np.repeat(ends, counts))
    partial = shapely.get_coordinates(
        shapely.line_interpolate_point(geometry[np.repeat(edges, counts)], where))
    return np.vstack([whole, partial])


def network_area(ev, k: int, metres: float, width: float) -> Optional[object]:
    edges, starts, ends = reached_intervals(ev, k, metres)
    if not len(edges):
        return None
    extent = shapely.total_bounds(ev.network.graph.edge_geometry)
    cell = _cell(extent, width)
    points = _interval_points(ev.network.graph.edge_geometry, edges, starts, ends, cell / 2)
    return buffered_points_area(points, width, extent, cell)


def _cell(extent, width: float) -> float:
    xmin, ymin, xmax, ymax = extent
    return max(CELL_M, (max(xmax - xmin, ymax - ymin) + 2 * width) / MAX_CELLS_PER_SIDE)


def buffered_points_area(points: np.ndarray, width: float, extent, cell: float):
    """Union of `width` discs around dense points, drawn on a grid and polygonised."""
    from scipy import ndimage

    from ..gpkg import polygonize_mask

    margin = width + 2 * cell
    xmin, ymin = extent[0] - margin, extent[1] - margin
    xmax, ymax = extent[2] + margin, extent[3] + margin
    cols, rows = int(np.ceil((xmax - xmin) / cell)), int(np.ceil((ymax - ymin) / cell))
    grid = np.zeros((rows, cols), dtype=bool)
    grid[((ymax - points[:, 1]) / cell).astype(np.int64),
         ((points[:, 0] - xmin) / cell).astype(np.int64)] = True
    radius = int(np.ceil(width / cell))
    yy, xx = np.mgrid[-radius:radius + 1, -radius:radius + 1]
    disk = (xx * xx + yy * yy) * cell * cell <= width * width
    grid = ndimage.binary_dilation(grid, structure=disk)
    polygons = polygonize_mask(grid, xmin, ymax, cell)
    return shapely.multipolygons(polygons) if polygons else None


def straight_line_area(ev, k: int, metres: float):
    rows = np.flatnonzero(ev.facility_in_scenario & (ev.facility_column == k)
                          & np.isfinite(ev.data.facilities.x))
    if len(rows) == 0:
        return None
    points = shapely.points(ev.data.facilities.x[rows], ev.data.facilities.y[rows])
    return shapely.union_all(shapely.buffer(points, metres / ev.detour_factor, quad_segs=8))
