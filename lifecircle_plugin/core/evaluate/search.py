"""Nearest-facility walking distances: one bounded multi-source search per facility type.

Each snapped facility becomes a virtual node hanging on its edge's two ends (weights: its
offset plus the partial lengths), so one scipy Dijkstra call with all facilities of a type
as sources, `min_only=True` and `limit=` the largest threshold in use gives every network
node its distance to the nearest facility of that type, in C, with no per-origin search and
no origin-destination matrix. A path through a virtual node is never shorter than the edge
itself, so virtual nodes of other types do not open short cuts. Origins then read their
distance off their edge's two ends (plus their own offset); a facility on the *same* edge
as an origin is also checked directly along the edge, because going out to a node and back
would overstate that distance.
"""
from __future__ import annotations

import logging
from typing import Optional

import numpy as np
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .graph import WalkGraph, csr_from_pairs, symmetric_pairs
from .snapping import Snap

log = logging.getLogger(__name__)


class OriginIndex:
    """Origins on the network, grouped by edge so same-edge checks are slices."""

    def __init__(self, graph: WalkGraph, snap: Snap) -> None:
        self.graph = graph
        self.snap = snap
        self.rows = np.flatnonzero(snap.snapped)
        edges = snap.edge[self.rows]
        self.u = graph.edge_u[edges]
        self.v = graph.edge_v[edges]
        self.along = snap.along_m[self.rows]
        self.rest = graph.edge_length[edges] - self.along
        self.offset = snap.offset_m[self.rows]
        # both ends of each origin's edge side by side, so one gather reads the two node
        # distances of an origin together (profiled: 1.3-2x two separate gathers)
        self._ends = np.column_stack([self.u, self.v]).ravel()
        self._to_ends = np.column_stack([self.along, self.rest]).ravel()
        order = np.argsort(edges, kind="stable")
        self._by_edge = self.rows[order]
        self._sorted_edges = edges[order]
        self.count = len(snap)

    def from_node_distances(self, node_dist: np.ndarray, source_edge: np.ndarray,
                            source_along: np.ndarray, source_offset: np.ndarray,
                            limit: float, same_edge=None) -> np.ndarray:
        """Distance of every origin (inf if not snapped or beyond `limit`).

        `same_edge`: the (origin rows, direct distances) of `same_edge_pairs` for these
        sources if already known (NetworkSearch keeps them for every facility).
        """
        via_ends = node_dist.take(self._ends)
        via_ends += self._to_ends
        via_ends = via_ends.reshape(-1, 2)
        via_u = np.minimum(via_ends[:, 0], via_ends[:, 1])
        via_u += self.offset
        if len(self.rows) == self.count:  # every origin snapped: rows are 0..n-1
            out = via_u
        else:
            out = np.full(self.count, np.inf)
            out[self.rows] = via_u
        if same_edge is None:
            _, rows, direct = self.same_edge_pairs(source_edge, source_along, source_offset)
        else:
            rows, direct = same_edge
        if len(rows):
            np.minimum.at(out, rows, direct)
        return beyond_to_inf(out, limit)

    def same_edge_pairs(self, source_edge, source_along, source_offset):
        """Origins sharing an edge with a source and the direct walk along it, as
        (source index, origin row, distance) arrays (vectorised)."""
        lo = np.searchsorted(self._sorted_edges, source_edge, side="left")
        counts = np.searchsorted(self._sorted_edges, source_edge, side="right") - lo
        has = counts > 0
        if not has.any():
            empty = np.empty(0, dtype=np.int64)
            return empty, empty, np.empty(0)
        counts, lo = counts[has], lo[has]
        source = np.repeat(np.flatnonzero(has), counts)
        step = np.arange(len(source)) - np.repeat(np.cumsum(counts) - counts, counts)
        rows = self._by_edge[np.repeat(lo, counts) + step]
        direct = (self.snap.offset_m[rows] + source_offset[source]
                  + np.abs(self.snap.along_m[rows] - source_along[source]))
        return source, rows, direct


def beyond_to_inf(distances: np.ndarray, limit: float) -> np.ndarray:
    """`distances` with every value over `limit` set to inf, in place.

    Dividing by the 0/1 mask `distances <= limit` keeps a value exactly (x / 1) or makes it
    inf (x / 0, every such x is > limit > 0). Unlike a masked assignment it has no branch
    per element: with a third of the origins out of reach the masked assignment cost
    ~4x as much per type on the 25k benchmark (profiled; numpy 1.24).
    """
    with np.errstate(divide="ignore"):
        return np.divide(distances, distances <= limit, out=distances)


class NetworkSearch:
    """The walking graph plus one virtual node per snapped facility."""

    def __init__(self, graph: WalkGraph, origins: Snap, facilities: Snap) -> None:
        self.graph = graph
        self.origins = OriginIndex(graph, origins)
        self.facilities = facilities
        n = graph.node_count
        snapped = np.flatnonzero(facilities.snapped)
        self.facility_node = np.full(len(facilities), -1, dtype=np.int64)
        self.facility_node[snapped] = n + np.arange(len(snapped))
        edges = facilities.edge[snapped]
        off = facilities.offset_m[snapped]
        along = facilities.along_m[snapped]
        virtual = self.facility_node[snapped]
        base = graph.matrix.tocoo()
        rows = np.concatenate([base.row, virtual, virtual])
        cols = np.concatenate([base.col, graph.edge_u[edges], graph.edge_v[edges]])
        weights = np.concatenate([base.data, off + along,
                                  off + graph.edge_length[edges] - along])
        rows, cols, weights = symmetric_pairs(rows, cols, weights)
        self.matrix = csr_from_pairs(rows, cols, weights, n + len(snapped))
        # same-edge (facility, origin) pairs depend on the snapping only: found once here,
        # each type's search then just selects its facilities' pairs (profiled: finding
        # them per type was most of the per-type overhead on Helsinki's small network)
        source, self._pair_origin, self._pair_direct = self.origins.same_edge_pairs(
            edges, along, off)
        self._pair_facility = snapped[source]

    def node_distances(self, facility_rows: np.ndarray, limit: float) -> np.ndarray:
        """Distance from every node to the nearest of these facilities (inf beyond limit)."""
        sources = self.facility_node[facility_rows]
        sources = sources[sources >= 0]
        if len(sources) == 0:
            return np.full(self.matrix.shape[0], np.inf)
        return dijkstra(self.matrix, directed=True, indices=sources, min_only=True,
                        limit=limit)

    def origin_distances(self, facility_rows: np.ndarray, limit: float,
                         node_dist: Optional[np.ndarray] = None) -> np.ndarray:
        if node_dist is None:
            node_dist = self.node_distances(facility_rows, limit)
        rows = facility_rows[self.facilities.snapped[facility_rows]]
        wanted = np.zeros(len(self.facilities), dtype=bool)
        wanted[rows] = True
        pairs = wanted[self._pair_facility]
        return self.origins.from_node_distances(
            node_dist, self.facilities.edge[rows], self.facilities.along_m[rows],
            self.facilities.offset_m[rows], limit,
            same_edge=(self._pair_origin[pairs], self._pair_direct[pairs]))


def straight_line_distances(origin_xy: np.ndarray, facility_xy: np.ndarray, detour: float,
                            limit: float) -> np.ndarray:
    """Straight-line distance to the nearest facility times the detour factor (inf beyond)."""
    if len(facility_xy) == 0:
        return np.full(len(origin_xy), np.inf)
    tree = cKDTree(facility_xy)
    dist, _ = tree.query(origin_xy, k=1, distance_upper_bound=limit / detour)
    dist = dist * detour
    dist[dist > limit] = np.inf
    return dist
