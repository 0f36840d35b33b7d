"""Site scoring: who would newly be within reach if a facility were placed here?

After an evaluation is loaded, a candidate point needs just one bounded search from the
point (from both ends of the edge it snaps to, in one scipy call) and a comparison with the
current distance table, so a clicked point is answered in a few milliseconds. Candidate
layers are searched in chunks (one scipy call per chunk). `best_k` picks sites for one type
by greedy maximal coverage on a sparse candidates x origins matrix; greedy matched the
exact MILP optimum on district-sized instances (reference/accessibility.md) at a tiny cost.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from . import project_schema as ps
from .evaluate.options import COVER_TOLERANCE_M
from .gpkg import open_dataset, replace_rows

log = logging.getLogger(__name__)

CHUNK = 64  # candidates per scipy call in batch scoring


@dataclass
class Pick:
    """One greedy pick: candidate index, residents it newly covers, total covered after."""

    index: int
    x: float
    y: float
    new_population: float
    cumulative_population: float


class SiteScorer:
    """Scores candidate sites against a finished `Evaluation` (same scenario and method)."""

    def __init__(self, evaluation) -> None:
        self.ev = evaluation
        self.type_ids = list(evaluation.type_ids)
        self.thresholds = evaluation.thresholds + COVER_TOLERANCE_M
        self.limit = float(np.max(evaluation.thresholds)) + COVER_TOLERANCE_M
        self.population = evaluation.population
        self.covered = evaluation.covered()
        self.uncovered_pop = self.population[:, None] * ~self.covered
        self.network = evaluation.network
        if self.network is None:
            finite = np.isfinite(evaluation.data.origins.x)
            self._tree_rows = np.flatnonzero(finite)
            self.tree = cKDTree(evaluation.data.origins.xy[finite]) if finite.any() else None

    # distances ---------------------------------------------------------------------------
    def reach(self, x: float, y: float) -> Tuple[np.ndarray, np.ndarray]:
        """Origins within the largest threshold of a new site at (x, y): (rows, metres)."""
        return next(self._reach_batch(np.array([x], float), np.array([y], float)))

    def _reach_batch(self, xs: np.ndarray, ys: np.ndarray) -> Iterator[Tuple[np.ndarray,
                                                                           np.ndarray]]:
        if self.network is None:
            yield from self._reach_straight(xs, ys)
            return
        net = self.network
        graph = net.graph
        snap = net.snapper.snap(xs, ys, net.max_snap_distance_m)
        origins = net.search.origins
        for start in range(0, len(xs), CHUNK):
            block = np.arange(start, min(start + CHUNK, len(xs)))
            ok = block[snap.snapped[block]]
            if len(ok):
                edges = snap.edge[ok]
                ends = np.stack([graph.edge_u[edges], graph.edge_v[edges]], axis=1).ravel()
                table = dijkstra(graph.matrix, directed=True, indices=ends, min_only=False,
                                 limit=self.limit)
            for i in block:
                if not snap.snapped[i]:
                    yield np.empty(0, np.int64), np.empty(0)
                    continue
                j = int(np.searchsorted(ok, i))
                e, a, off = snap.edge[i], snap.along_m[i], snap.offset_m[i]
                node = np.minimum(table[2 * j] + a, table[2 * j + 1]
                                  + graph.edge_length[e] - a) + off
                dist = origins.from_node_distances(node, np.array([e]), np.array([a]),
                                                   np.array([off]), self.limit)
                rows = np.flatnonzero(np.isfinite(dist))
                yield rows, dist[rows]

    def _reach_straight(self, xs, ys):
        detour = self.ev.detour_factor
        xy = self.ev.data.origins.xy
        for x, y in zip(xs, ys):
            if self.tree is None:
                yield np.empty(0, np.int64), np.empty(0)
                continue
            found = self.tree.query_ball_point([x, y], r=self.limit / detour)
            rows = self._tree_rows[np.asarray(found, dtype=np.int64)]
            dist = np.hypot(xy[rows, 0] - x, xy[rows, 1] - y) * detour
            keep = dist <= self.limit
            yield rows[keep], dist[keep]

    # scores ------------------------------------------------------------------------------
    def _scores(self, rows, dist) -> np.ndarray:
        within = dist[:, None] <= self.thresholds[None, :]
        return (self.uncovered_pop[rows] * within).sum(axis=0)

    def score_point(self, x: float, y: float) -> Dict[str, float]:
        """{facility type: residents newly within its threshold} for a site at (x, y)."""
        rows, dist = self.reach(x, y)
        return dict(zip(self.type_ids, self._scores(rows, dist).tolist()))

    def score_points(self, xs: Sequence[float], ys: Sequence[float]) -> np.ndarray:
        """Candidates x types matrix of newly covered residents (columns = type_ids)."""
        xs, ys = np.asarray(xs, float), np.asarray(ys, float)
        out = np.zeros((len(xs), len(self.type_ids)))
        for i, (rows, dist) in enumerate(self._reach_batch(xs, ys)):
            out[i] = self._scores(rows, dist)
        return out

    def coverage_matrix(self, type_id: str, xs, ys) -> csr_matrix:
        """Candidates x origins: 1 where the candidate would newly cover the origin."""
        k = self.type_ids.index(type_id)
        indptr, indices = [0], []
        for rows, dist in self._reach_batch(np.asarray(xs, float), np.asarray(ys, float)):
            new = rows[(dist <= self.thresholds[k]) & ~self.covered[rows, k]]
            indices.append(new)
            indptr.append(indptr[-1] + len(new))
        indices = np.concatenate(indices) if indices else np.empty(0, np.int64)
        return csr_matrix((np.ones(len(indices)), indices, indptr),
                          shape=(len(indptr) - 1, len(self.population)))

    def best_k(self, type_id: str, xs, ys, k: int) -> List[Pick]:
        """Greedy maximal coverage: up to k candidates, each adding the most residents."""
        xs, ys = np.asarray(xs, float), np.asarray(ys, float)
        column = self.type_ids.index(type_id)
        matrix = self.coverage_matrix(type_id, xs, ys)
        remaining = self.uncovered_pop[:, column].copy()
        total = float((self.population * self.covered[:, column]).sum())
        picks: List[Pick] = []
        for _ in range(k):
            gains = matrix @ remaining
            best = int(np.argmax(gains)) if len(gains) else -1
            if best < 0 or gains[best] <= 0:
                break
            total += float(gains[best])
            picks.append(Pick(best, float(xs[best]), float(ys[best]), float(gains[best]),
                              total))
            remaining[matrix.indices[matrix.indptr[best]:matrix.indptr[best + 1]]] = 0.0
        return picks


def write_site_scores(gpkg, type_id: str, picks: Sequence[Pick],
                      site_ids: Optional[Sequence[str]] = None) -> int:
    """Store greedy picks for one type in `site_scores` (replacing that type's rows)."""
    dataset = open_dataset(gpkg, update=True)
    crs = None
    origins = dataset.GetLayerByName(ps.ORIGINS)
    if origins is not None and origins.GetSpatialRef() is not None:
        crs = origins.GetSpatialRef().ExportToWkt()
    columns = list(ps.LAYERS[ps.SITE_SCORES][1])
    rows = [[site_ids[p.index] if site_ids else str(p.index), type_id, rank,
             p.new_population, p.cumulative_population] for rank, p in enumerate(picks, 1)]
    dataset.StartTransaction(force=True)
    count = replace_rows(dataset, ps.SITE_SCORES, crs, {"facility_type": type_id}, columns,
                         rows, [(p.x, p.y) for p in picks])
    dataset.CommitTransaction()
    return count
