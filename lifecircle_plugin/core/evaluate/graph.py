"""The walking graph: network edge arrays turned into one symmetric scipy CSR matrix.

Walking ignores one-way rules, so every edge is stored in both directions and searches run
as directed searches on that symmetric matrix (cheaper than scipy's undirected mode, which
transposes the matrix on every call). Parallel edges keep their shortest length, because
building a CSR matrix would otherwise *add* duplicate entries. Node ids from the project are
remapped to 0..n-1; edge geometries stay with the graph for snapping and service areas.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from ..errors import InputError

log = logging.getLogger(__name__)

# Node ids whose edge ends disagree by more than this are a broken network layer.
NODE_MISMATCH_TOLERANCE_M = 1.0


@dataclass
class WalkGraph:
    """Edges (as given) plus the CSR matrix of the base nodes.

    Attributes: `node_ids` (project ids, index = graph node), `node_xy`, `edge_u`/`edge_v`
    (graph node indices per edge), `edge_length` (metres), `edge_geometry` (shapely array or
    None), `matrix` (n x n symmetric CSR, float64), `component` per node, `main_component`,
    `degree` (distinct neighbours per node, for intersection density).
    """

    node_ids: np.ndarray
    node_xy: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_length: np.ndarray
    edge_geometry: Optional[np.ndarray]
    matrix: csr_matrix
    component: np.ndarray
    main_component: int
    degree: np.ndarray

    @property
    def node_count(self) -> int:
        return len(self.node_ids)

    @property
    def edge_count(self) -> int:
        return len(self.edge_u)

    def edge_on_island(self) -> np.ndarray:
        """True for edges outside the largest connected part of the network."""
        return self.component[self.edge_u] != self.main_component


def symmetric_pairs(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray):
    """Both directions of each pair, duplicates reduced to their minimum weight."""
    rows2 = np.concatenate([rows, cols])
    cols2 = np.concatenate([cols, rows])
    weights2 = np.concatenate([weights, weights])
    keep = rows2 != cols2
    rows2, cols2, weights2 = rows2[keep], cols2[keep], weights2[keep]
    order = np.lexsort((weights2, cols2, rows2))
    rows2, cols2, weights2 = rows2[order], cols2[order], weights2[order]
    first = np.ones(len(rows2), dtype=bool)
    first[1:] = (rows2[1:] != rows2[:-1]) | (cols2[1:] != cols2[:-1])
    return rows2[first], cols2[first], weights2[first]


def csr_from_pairs(rows, cols, weights, size: int) -> csr_matrix:
    """CSR from already de-duplicated (row, col) pairs; zero weights stay explicit edges."""
    matrix = csr_matrix((weights.astype(np.float64), (rows, cols)), shape=(size, size))
    matrix.sort_indices()
    return matrix


def build_graph(
    u: np.ndarray,
    v: np.ndarray,
    length_m: np.ndarray,
    geometry: Optional[np.ndarray] = None,
    node_xy: Optional[np.ndarray] = None,
    source: str = "network_edges",
) -> WalkGraph:
    """Make the walking graph from edge arrays (ids may be any int64 values).

    Node coordinates come from `node_xy` (aligned with the sorted unique ids) or else from
    the edge geometry ends (u = first vertex, v = last); a node whose edges disagree about
    where it is means u/v and geometry do not belong together, which would silently
    corrupt every distance, so that is an InputError.
    """
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    length_m = np.asarray(length_m, dtype=np.float64)
    if not (len(u) == len(v) == len(length_m)):
        raise InputError("edge arrays differ in length", layer=source)
    if len(u) == 0:
        raise InputError("the walking network has no edges", layer=source)
    bad = np.flatnonzero(~np.isfinite(length_m) | (length_m < 0))
    if len(bad):
        raise InputError(f"length_m is missing or negative ({len(bad)} edges)",
                         layer=source, row=int(bad[0]) + 1, field="length_m")
    node_ids, inverse = np.unique(np.concatenate([u, v]), return_inverse=True)
    edge_u, edge_v = inverse[: len(u)], inverse[len(u):]
    n = len(node_ids)
    if node_xy is None and geometry is not None:
        node_xy = _node_xy_from_geometry(geometry, edge_u, edge_v, n, source)
    rows, cols, weights = symmetric_pairs(edge_u, edge_v, length_m)
    matrix = csr_from_pairs(rows, cols, weights, n)
    n_comp, component = connected_components(matrix, directed=False)
    sizes = np.bincount(component, minlength=n_comp)
    degree = np.diff(matrix.indptr)
    log.info("walking graph: %d nodes, %d edges, %d components (largest %d nodes)",
             n, len(u), n_comp, sizes.max())
    return WalkGraph(node_ids, node_xy if node_xy is not None else np.zeros((n, 2)),
                     edge_u, edge_v, length_m, geometry, matrix, component,
                     int(np.argmax(sizes)), degree)


def _node_xy_from_geometry(geometry, edge_u, edge_v, n, source) -> np.ndarray:
    if shapely.is_missing(geometry).any():
        row = int(np.flatnonzero(shapely.is_missing(geometry))[0]) + 1
        raise InputError("edge without geometry", layer=source, row=row)
    starts = shapely.get_coordinates(shapely.get_point(geometry, 0))
    ends = shapely.get_coordinates(shapely.get_point(geometry, -1))
    xy = np.zeros((n, 2))
    xy[edge_u] = starts
    xy[edge_v] = ends
    mismatch = np.maximum(np.hypot(*(xy[edge_u] - starts).T), np.hypot(*(xy[edge_v] - ends).T))
    worst = int(np.argmax(mismatch))
    if mismatch[worst] > NODE_MISMATCH_TOLERANCE_M:
        raise InputError(
            f"edge ends do not match their nodes u/v (off by {mismatch[worst]:.1f} m); "
            "the geometry must run from u to v", layer=source, row=worst + 1, field="u")
    return xy
