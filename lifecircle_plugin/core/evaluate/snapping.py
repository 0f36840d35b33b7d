"""Snapping points to the nearest point ON a network edge, not to the nearest node.

A resident snapped to the nearest node can be credited with "0 m" to a park across a road
it is not connected to, or lose the part of the street it lives on; snapping onto the edge
and keeping both the perpendicular offset and the position along the edge avoids that.
Nearest edges are found with a cKDTree over points sampled every SAMPLE_M along every
segment, then decided exactly by projecting onto the segments of the K nearest samples.
That is exact, not approximate: if the K-th sample is farther than the nearest sample plus
half the spacing, every segment that could be nearest is among the candidates; the few
points where that check fails go to shapely's STRtree.query_nearest. Measured on 50,000
points / 40,000 edges on a busy 2-core machine: STRtree alone 3.1-4.7 s, this about
1 s with 99.98 % of points decided exactly without the fallback (bench_engine.py).
Points farther than `max_distance_m` from any edge are reported as not snapped rather than
pulled across a river onto some far street.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import shapely
from scipy.spatial import cKDTree

from .graph import WalkGraph

log = logging.getLogger(__name__)

SAMPLE_M = 10.0
K_NEAREST = 16


@dataclass
class Snap:
    """Where each point meets the network.

    `edge` (index into the graph's edges, -1 = not snapped), `along_m` (metres from the
    edge's u end, in the edge's `length_m` scale), `offset_m` (straight distance from the
    point to the edge), `snapped` (bool), `island` (edge outside the largest component).
    """

    edge: np.ndarray
    along_m: np.ndarray
    offset_m: np.ndarray
    snapped: np.ndarray
    island: np.ndarray

    def __len__(self) -> int:
        return len(self.edge)

    def subset(self, index) -> Snap:
        return Snap(self.edge[index], self.along_m[index], self.offset_m[index],
                    self.snapped[index], self.island[index])


class Snapper:
    """Reusable nearest-edge index over a graph's edge geometries."""

    def __init__(self, graph: WalkGraph) -> None:
        if graph.edge_geometry is None:
            raise ValueError("the graph has no edge geometries to snap to")
        self.graph = graph
        self.tree = shapely.STRtree(graph.edge_geometry)
        geometric = shapely.length(graph.edge_geometry)
        # along-edge positions are rescaled from geometric to network length (length_m)
        self._scale = np.divide(graph.edge_length, geometric, out=np.ones_like(geometric),
                                where=geometric > 0)
        self._island = graph.edge_on_island()
        self._build_samples()

    def _build_samples(self) -> None:
        coords, owner = shapely.get_coordinates(self.graph.edge_geometry, return_index=True)
        same = owner[1:] == owner[:-1]
        self.seg_a = coords[:-1][same]
        self.seg_b = coords[1:][same]
        self.seg_edge = owner[:-1][same]
        seg_len = np.hypot(*(self.seg_b - self.seg_a).T)
        # geometric distance from the edge start to each segment start
        cumulative = np.cumsum(seg_len)
        edge_first = np.r_[0, np.flatnonzero(np.diff(self.seg_edge)) + 1]
        starts_of_edge = np.repeat(cumulative[edge_first] - seg_len[edge_first],
                                   np.diff(np.r_[edge_first, len(seg_len)]))
        self.seg_start = cumulative - seg_len - starts_of_edge
        self.seg_len = seg_len
        pieces = np.maximum(1, np.ceil(seg_len / SAMPLE_M)).astype(np.int64) + 1
        seg_of_sample = np.repeat(np.arange(len(seg_len)), pieces)
        first = np.r_[0, np.cumsum(pieces)[:-1]]
        step = np.arange(len(seg_of_sample)) - np.repeat(first, pieces)
        fraction = step / np.repeat(pieces - 1, pieces)
        samples = self.seg_a[seg_of_sample] + fraction[:, None] * (
            self.seg_b[seg_of_sample] - self.seg_a[seg_of_sample])
        self.sample_seg = seg_of_sample
        self.sample_tree = cKDTree(samples)

    def snap(self, x: np.ndarray, y: np.ndarray, max_distance_m: float) -> Snap:
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        n = len(x)
        edge = np.full(n, -1, dtype=np.int64)
        offset = np.full(n, np.inf)
        along = np.zeros(n)
        rows = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
        if len(rows):
            k = min(K_NEAREST, self.sample_tree.n)
            dist, idx = self.sample_tree.query(np.column_stack([x[rows], y[rows]]), k=k,
                                               distance_upper_bound=max_distance_m
                                               + SAMPLE_M, workers=-1)
            dist, idx = dist.reshape(len(rows), k), idx.reshape(len(rows), k)
            near = np.isfinite(dist[:, 0])
            exact = near & (dist[:, -1] > dist[:, 0] + SAMPLE_M / 2)
            if k < K_NEAREST:  # tiny network: every sample was a candidate
                exact = near
            self._project(rows[exact], idx[exact], x, y, edge, offset, along)
            self._fallback(rows[near & ~exact], x, y, max_distance_m, edge, offset, along)
            too_far = offset > max_distance_m
            edge[too_far], offset[too_far], along[too_far] = -1, np.inf, 0.0
        snapped = edge >= 0
        island = np.zeros(n, dtype=bool)
        island[snapped] = self._island[edge[snapped]]
        return Snap(edge, along, offset, snapped, island)

    def _project(self, rows, sample_idx, x, y, edge, offset, along) -> None:
        """Exact point-to-segment projection onto each candidate; keep the closest."""
        if not len(rows):
            return
        seg = self.sample_seg[np.minimum(sample_idx, len(self.sample_seg) - 1)]
        a, b = self.seg_a[seg], self.seg_b[seg]
        px, py = x[rows][:, None], y[rows][:, None]
        dx, dy = b[..., 0] - a[..., 0], b[..., 1] - a[..., 1]
        length2 = dx * dx + dy * dy
        t = np.where(length2 > 0, ((px - a[..., 0]) * dx + (py - a[..., 1]) * dy)
                     / np.where(length2 > 0, length2, 1.0), 0.0)
        t = np.clip(t, 0.0, 1.0)
        distance = np.hypot(a[..., 0] + t * dx - px, a[..., 1] + t * dy - py)
        distance[sample_idx >= len(self.sample_seg)] = np.inf
        best = np.argmin(distance, axis=1)
        pick = np.arange(len(rows))
        chosen = seg[pick, best]
        e = self.seg_edge[chosen]
        edge[rows] = e
        offset[rows] = distance[pick, best]
        geometric = self.seg_start[chosen] + t[pick, best] * self.seg_len[chosen]
        along[rows] = np.clip(geometric * self._scale[e], 0.0, self.graph.edge_length[e])

    def _fallback(self, rows, x, y, max_distance_m, edge, offset, along) -> None:
        if not len(rows):
            return
        points = shapely.points(x[rows], y[rows])
        (point_idx, edge_idx), dist = self.tree.query_nearest(
            points, max_distance=max_distance_m, return_distance=True, all_matches=False)
        hit = rows[point_idx]
        edge[hit] = edge_idx
        offset[hit] = dist
        located = shapely.line_locate_point(self.graph.edge_geometry[edge_idx],
                                            points[point_idx])
        along[hit] = np.clip(located * self._scale[edge_idx], 0.0,
                             self.graph.edge_length[edge_idx])
