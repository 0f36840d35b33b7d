"""Coverage indicators per sub-district, task and the whole district, off the distance table.

Definitions (facility_standards.md §3): coverage share = population within the distance /
population; a type meets its target (达标) when its share reaches the target (default 85 %).
Per task: the mean share over its types and the share of residents reaching *every* basic
type of the task within each type's own threshold. Task 0 is the composite: the share of
residents reaching every basic type within 15 minutes. A type with no facility in the data
is "no data" (shares NULL, `no_data` = 1), never a real 0 %, and is left out of task means
and composites (counted in `basic_types_no_data`). All sums are population-weighted
group sums done as one sparse product per threshold set.
"""
from __future__ import annotations

import logging
import math
from typing import Dict, List, Optional

import numpy as np

from ..project_schema import DISTRICT_WIDE
from .options import COVER_TOLERANCE_M

log = logging.getLogger(__name__)

P85_BIN_M = 1.0  # p85 distances are read off a 1 m histogram


class Groups:
    """Population sums per sub-district plus the whole district, by bincount.

    Origins outside every sub-district get their own hidden group so the district total
    still includes them. Profiling the 25k-node benchmark showed that per-type bincounts
    over histogram bins beat building origins x types weighted masks (sparse or BLAS)
    several times over, so every share below is read off one histogram per type.
    """

    def __init__(self, origin_group: np.ndarray, groups: int, population: np.ndarray):
        self.count = groups
        self.index = np.where(origin_group >= 0, origin_group, groups)
        self.population = population
        self._offsets: Dict[int, np.ndarray] = {}
        self.total = self.sum(np.ones(len(population), bool))

    def sum(self, mask_or_values: np.ndarray) -> np.ndarray:
        """Population-weighted sums: one per sub-district, then the district."""
        weights = self.population * mask_or_values
        per = np.bincount(self.index, weights=weights, minlength=self.count + 1)
        per[self.count] = per.sum()
        return per

    def histogram(self, bins: np.ndarray, width: int) -> np.ndarray:
        """(sub-districts + district) x width population histogram of bin indices."""
        offsets = self._offsets.get(width)
        if offsets is None:  # the same few widths come back for every type
            offsets = self._offsets[width] = self.index * width
        hist = np.bincount(offsets + bins, weights=self.population,
                           minlength=(self.count + 1) * width).reshape(self.count + 1, width)
        return np.vstack([hist[:self.count], hist.sum(axis=0)])


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """part / whole, NaN where whole <= 0 (divided only where whole > 0: no errstate,
    whose set/restore was a tenth of the indicator time on a small network)."""
    part, whole = np.asarray(part, dtype=np.float64), np.asarray(whole, dtype=np.float64)
    out = np.full(np.broadcast_shapes(part.shape, whole.shape), np.nan)
    return np.divide(part, whole, out=out, where=whole > 0)


def type_statistics(groups: Groups, distances: np.ndarray, cuts: Dict[str, float],
                    limit: float) -> Dict[str, np.ndarray]:
    """For one type: population within each cut (metres, inclusive), mean and p85."""
    keys = [key for key, cut in cuts.items() if np.isfinite(cut)]
    edges = np.array([cuts[key] + COVER_TOLERANCE_M for key in keys])
    order = np.argsort(edges)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    # bin of each distance among the sorted cuts: a few byte-sized comparisons are
    # cheaper than searchsorted here, and summing them as uint8 4x cheaper than as int64
    # (profiled)
    position = np.zeros(len(distances), dtype=np.uint8)
    for edge in edges[order]:
        position += (distances > edge).view(np.uint8)
    cumulative = np.cumsum(groups.histogram(position, len(edges) + 1), axis=1)
    out = {key: cumulative[:, rank[i]] for i, key in enumerate(keys)}
    finite = np.isfinite(distances)
    bins = int(np.ceil(limit / P85_BIN_M)) + 1
    # every finite distance is within the limit, so clipping at limit + 2 bins sends
    # exactly the unreached (inf) ones to the overflow bin; np.minimum and a 0/1 product
    # are branch-free, np.where on a random mask cost 3x as much (profiled)
    clipped = np.minimum(distances, limit + 2 * P85_BIN_M)
    index = (clipped / P85_BIN_M).astype(np.int64)  # distances >= 0: truncation = floor
    np.minimum(index, bins, out=index)
    hist = groups.histogram(index, bins + 1)
    cumulative = np.cumsum(hist, axis=1)
    reached_pop = cumulative[:, bins - 1]
    clipped *= finite
    out["mean"] = _ratio(groups.sum(clipped), reached_pop)
    reached = cumulative >= 0.85 * cumulative[:, -1:] - 1e-9
    first = np.argmax(reached, axis=1)
    out["p85"] = np.where((first < bins) & (cumulative[:, -1] > 0),
                          (first + 1) * P85_BIN_M, np.nan)
    return out


def _shares(stats: Dict[str, np.ndarray], group_pop: np.ndarray) -> Dict[str, np.ndarray]:
    """`_ratio` of every SHARE_FIELDS count to the group populations, in one division
    (NaN where a cut is missing or a group has no population)."""
    present = [key for key in SHARE_FIELDS if key in stats]
    table = _ratio(np.array([stats[key] for key in present]), group_pop[None, :]) \
        if present else np.empty((0, len(group_pop)))
    missing = np.full(len(group_pop), np.nan)
    by_key = dict(zip(present, table))
    return {key: by_key.get(key, missing) for key in SHARE_FIELDS}


def _value(x) -> Optional[float]:
    return None if x is None or not np.isfinite(x) else float(x)


def _values(array: np.ndarray) -> List[Optional[float]]:
    """`_value` of every element, as one list (inf and NaN become None)."""
    return [x if math.isfinite(x) else None for x in array.tolist()]


SHARE_FIELDS = ("share", "share_5min", "share_10min", "share_15min", "share_15min_older",
                "share_alt")


def compute(ev) -> None:
    """Fill ev.subdistrict_rows and ev.task_rows (dicts with project_schema fields)."""
    names = list(ev.subdistrict_names)
    labels = names + [DISTRICT_WIDE]
    groups = Groups(ev.origin_subdistrict, len(names), ev.population)
    group_pop = groups.total
    baseline = getattr(ev, "baseline", None)
    share = np.full((len(labels), len(ev.types)), np.nan)
    fac_counts = _facility_counts(ev, len(names))
    populations = group_pop.tolist()
    no_data_fields = dict.fromkeys(SHARE_FIELDS)
    no_data_fields.update(covered_population=None, meets_target=None, mean_distance_m=None,
                          p85_distance_m=None, gained_population=None, baseline_share=None)
    rows: List[dict] = []
    for k, ftype in enumerate(ev.types):
        no_data = bool(ev.no_data[k])
        if not no_data:
            d = ev.distances[:, k]
            cuts = {"share": ev.thresholds[k], "share_alt": ev.alt_thresholds[k],
                    "share_5min": ev.minute_distance(5), "share_10min": ev.minute_distance(10),
                    "share_15min": ev.minute_distance(15),
                    "share_15min_older": ev.minute_distance(15, "older_adult")}
            stats = type_statistics(groups, d, cuts, ev.limits[k])
            shares = _shares(stats, group_pop)
            share[:, k] = shares["share"]
            if baseline is not None:
                now = d <= ev.thresholds[k] + COVER_TOLERANCE_M
                before = baseline.distances[:, k] <= ev.thresholds[k] + COVER_TOLERANCE_M
                shares["baseline_share"] = (np.full(len(labels), np.nan)
                                            if baseline.no_data[k]
                                            else _ratio(groups.sum(before), group_pop))
                gained = groups.sum(now & ~before)
        # rows are filled from Python lists: numpy scalar conversions per (group, field)
        # were a fifth of the indicator time on the 25k benchmark (profiled)
        counts = fac_counts[:, k].tolist()
        common = {
            "scenario": ev.scenario, "facility_type": ftype.id, "task": ftype.task,
            "threshold_m": float(ev.thresholds[k]),
            "threshold_alt_m": _value(ev.alt_thresholds[k]),
            "threshold_verif": ftype.verif_threshold,
            "target_share": float(ev.targets[k]),
        }
        if not no_data:
            columns = {key: _values(table) for key, table in shares.items()}
            covered = stats["share"].tolist()
            means, p85s = _values(stats["mean"]), _values(stats["p85"])
            gains = gained.tolist() if baseline is not None else None
            target = ev.targets[k] - 1e-12
        for g, label in enumerate(labels):
            pop = populations[g]
            row = {"subdistrict": label, **common, "population": pop,
                   "facilities": counts[g],
                   "per_10k": (float(counts[g]) / pop * 1e4) if pop > 0 else None,
                   "method": ev.method, "no_data": int(no_data)}
            if no_data:
                row.update(no_data_fields)
            else:
                for key, values in columns.items():
                    row[key] = values[g]
                row["covered_population"] = covered[g]
                value = row["share"]
                row["meets_target"] = None if value is None else int(value >= target)
                row["mean_distance_m"] = means[g]
                row["p85_distance_m"] = p85s[g]
                if gains is not None:
                    row["gained_population"] = gains[g]
            rows.append(row)
    ev.subdistrict_rows = rows
    ev.task_rows = _task_rows(ev, groups, labels, share)


def _facility_counts(ev, groups: int) -> np.ndarray:
    counts = np.zeros((groups + 1, len(ev.type_ids)), dtype=np.int64)
    usable = (ev.facility_in_scenario & (ev.facility_column >= 0)
              & np.isfinite(ev.data.facilities.x))
    inside = usable & (ev.facility_subdistrict >= 0)
    np.add.at(counts, (ev.facility_subdistrict[inside], ev.facility_column[inside]), 1)
    np.add.at(counts, (np.full(usable.sum(), groups), ev.facility_column[usable]), 1)
    return counts


def _task_rows(ev, groups: Groups, labels, share) -> List[dict]:
    task_of = np.array([t.task for t in ev.types])
    has_data = ~ev.no_data
    met = share >= ev.targets[None, :] - 1e-12
    group_pop = groups.total
    rows = []
    for task in [0] + sorted(ev.catalogue.tasks):
        in_task = np.ones(len(ev.types), bool) if task == 0 else task_of == task
        if not in_task.any():
            continue
        basic = in_task & ev.basic
        basic_data = basic & has_data
        basic_count, basic_data_count = int(basic.sum()), int(basic_data.sum())
        no_data_count = int((basic & ~has_data).sum())
        if basic_data_count:
            all_share = _ratio(groups.sum(_reaches_all(ev, task, basic_data)), group_pop)
        else:
            all_share = np.full(len(labels), np.nan)
        all_shares = _values(all_share)
        types_met = (met & basic_data).sum(axis=1).tolist()
        task_share = share[:, in_task & has_data]
        finite = np.isfinite(task_share)
        for g, label in enumerate(labels):
            values = task_share[g][finite[g]]
            mean_share = float(values.mean()) if len(values) else None
            if not basic_data_count or all_shares[g] is None:
                verdict = None
            elif task == 0:
                verdict = int(all_shares[g] >= ev.catalogue.composite_target_share - 1e-12)
            else:
                verdict = int(types_met[g] == basic_data_count)
            rows.append({
                "subdistrict": label, "scenario": ev.scenario, "task": task,
                "mean_share": mean_share, "share_all_basic": all_shares[g],
                "basic_types": basic_count, "basic_types_met": types_met[g],
                "meets_target": verdict, "basic_types_no_data": no_data_count,
                "method": ev.method,
            })
    return rows


def _reaches_all(ev, task: int, columns: np.ndarray) -> np.ndarray:
    """Origins within reach of every type in `columns`: the 15-minute distance for the
    composite (task 0), else each type's own threshold. Column by column, because each
    column of the distance table is contiguous (profiled: 3x a 2-D comparison + all()).
    The limits keep the types they had in that 2-D comparison (a Python float for the
    composite, a float64 array otherwise), so numpy compares in the same precision."""
    reached = np.ones(len(ev.distances), dtype=bool)
    own = ev.thresholds + COVER_TOLERANCE_M
    for k in np.flatnonzero(columns):
        limit = ev.minute_distance(15) + COVER_TOLERANCE_M if task == 0 else own[k:k + 1]
        reached &= ev.distances[:, k] <= limit
    return reached
