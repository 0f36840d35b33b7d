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
from typing import List, Optional

import numpy as np

from ..project_schema import DISTRICT_WIDE
from .options import COVER_TOLERANCE_M

log = logging.getLogger(__name__)

P85_BIN_M = 1.0  # p85 distances are read off a 1 m histogram


def population_matrix(origin_group: np.ndarray, groups: int,
                      population: np.ndarray) -> np.ndarray:
    """origins x (groups + 1) population weights; the last column is the whole district.

    A group sum of any per-origin table is then one dense matrix product (BLAS), which
    profiling showed to be several times cheaper than sparse products of weighted copies.
    """
    weights = np.zeros((len(origin_group), groups + 1))
    inside = np.flatnonzero(origin_group >= 0)
    weights[inside, origin_group[inside]] = population[inside]
    weights[:, groups] = population
    return weights


def grouped(weights: np.ndarray, values: np.ndarray) -> np.ndarray:
    """(groups + 1) x columns population-weighted sums of a per-origin table."""
    values = np.asarray(values)
    if values.ndim == 1:
        values = values[:, None]
    return (values.T.astype(np.float64) @ weights).T


def _share(covered_pop: np.ndarray, population: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        share = covered_pop / population[:, None]
    share[population <= 0, :] = np.nan
    return share


def _p85(distances: np.ndarray, population: np.ndarray, group: np.ndarray, groups: int,
         limit: float) -> np.ndarray:
    """Population-weighted 85th percentile per group (NaN when beyond the search)."""
    bins = int(np.ceil(limit / P85_BIN_M)) + 1
    index = np.where(np.isfinite(distances), np.floor(distances / P85_BIN_M), bins)
    index = np.minimum(index, bins).astype(np.int64)
    out = np.full(groups + 1, np.nan)
    width = bins + 1
    for members, g in ((group >= 0, None), (np.ones(len(group), bool), groups)):
        key = (group[members] if g is None else np.full(members.sum(), g)) * width \
            + index[members]
        hist = np.bincount(key, weights=population[members],
                           minlength=(groups + 1) * width).reshape(groups + 1, width)
        rows = range(groups) if g is None else [groups]
        for r in rows:
            total = hist[r].sum()
            if total <= 0:
                continue
            cumulative = np.cumsum(hist[r])
            first = int(np.searchsorted(cumulative, 0.85 * total - 1e-9))
            if first < bins:
                out[r] = (first + 1) * P85_BIN_M
    return out


def _value(x) -> Optional[float]:
    return None if x is None or not np.isfinite(x) else float(x)


def compute(ev) -> None:
    """Fill ev.subdistrict_rows and ev.task_rows (dicts with project_schema fields)."""
    names = list(ev.subdistrict_names)
    groups = len(names)
    labels = names + [DISTRICT_WIDE]
    population = ev.population
    gm = population_matrix(ev.origin_subdistrict, groups, population)
    group_pop = gm.sum(axis=0)
    d = ev.distances
    tol = COVER_TOLERANCE_M
    covered = ev.covered()
    covered_pop = grouped(gm, covered)
    shares = {"share": _share(covered_pop, group_pop)}
    for minutes in (5, 10, 15):
        within = d <= ev.minute_distance(minutes) + tol
        shares[f"share_{minutes}min"] = _share(grouped(gm, within), group_pop)
    within_older = d <= ev.minute_distance(15, "older_adult") + tol
    shares["share_15min_older"] = _share(grouped(gm, within_older), group_pop)
    alt = np.where(np.isfinite(ev.alt_thresholds), ev.alt_thresholds, -np.inf)
    shares["share_alt"] = _share(grouped(gm, d <= alt + tol), group_pop)
    finite = np.isfinite(d)
    reached_pop = grouped(gm, finite)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = grouped(gm, np.where(finite, d, 0.0)) / reached_pop
    baseline = getattr(ev, "baseline", None)
    if baseline is not None:
        base_cov = baseline.covered()
        shares["baseline_share"] = _share(grouped(gm, base_cov), group_pop)
        gained = grouped(gm, covered & ~base_cov)
    fac_counts = np.zeros((groups + 1, len(ev.type_ids)), dtype=np.int64)
    usable = (ev.facility_in_scenario & (ev.facility_column >= 0)
              & np.isfinite(ev.data.facilities.x))
    inside = usable & (ev.facility_subdistrict >= 0)
    np.add.at(fac_counts, (ev.facility_subdistrict[inside], ev.facility_column[inside]), 1)
    np.add.at(fac_counts, (np.full(usable.sum(), groups), ev.facility_column[usable]), 1)
    rows: List[dict] = []
    for k, ftype in enumerate(ev.types):
        p85 = _p85(d[:, k], population, ev.origin_subdistrict, groups, ev.limits[k])
        no_data = bool(ev.no_data[k])
        for g, label in enumerate(labels):
            pop = float(group_pop[g])
            row = {
                "subdistrict": label, "scenario": ev.scenario, "facility_type": ftype.id,
                "task": ftype.task, "population": pop,
                "threshold_m": float(ev.thresholds[k]),
                "threshold_alt_m": _value(ev.alt_thresholds[k]),
                "threshold_verif": ftype.verif_threshold,
                "target_share": float(ev.targets[k]), "facilities": int(fac_counts[g, k]),
                "per_10k": (float(fac_counts[g, k]) / pop * 1e4) if pop > 0 else None,
                "method": ev.method, "no_data": int(no_data),
            }
            if no_data:
                row.update({key: None for key in shares})
                row.update(covered_population=None, meets_target=None, mean_distance_m=None,
                           p85_distance_m=None, gained_population=None)
            else:
                for key, table in shares.items():
                    row[key] = _value(table[g, k])
                row["covered_population"] = float(covered_pop[g, k])
                share = row["share"]
                row["meets_target"] = None if share is None else int(
                    share >= ev.targets[k] - 1e-12)
                row["mean_distance_m"] = _value(mean[g, k])
                row["p85_distance_m"] = _value(p85[g])
                if baseline is not None:
                    row["gained_population"] = float(gained[g, k])
                    if baseline.no_data[k]:
                        row["baseline_share"] = None
            rows.append(row)
    ev.subdistrict_rows = rows
    ev.task_rows = _task_rows(ev, gm, group_pop, labels, shares["share"], covered)


def _task_rows(ev, gm, group_pop, labels, share, covered) -> List[dict]:
    task_of = np.array([t.task for t in ev.types])
    has_data = ~ev.no_data
    met = share >= ev.targets[None, :] - 1e-12
    within_15 = ev.distances <= ev.minute_distance(15) + COVER_TOLERANCE_M
    rows = []
    for task in [0] + sorted(ev.catalogue.tasks):
        in_task = np.ones(len(ev.types), bool) if task == 0 else task_of == task
        if not in_task.any():
            continue
        basic = in_task & ev.basic
        basic_data = basic & has_data
        reach = within_15 if task == 0 else covered
        if basic_data.any():
            all_basic = reach[:, basic_data].all(axis=1)
            all_share = _share(grouped(gm, all_basic), group_pop)[:, 0]
        else:
            all_share = np.full(len(labels), np.nan)
        for g, label in enumerate(labels):
            data_cols = in_task & has_data
            mean_share = (float(np.nanmean(share[g, data_cols]))
                          if data_cols.any() and np.isfinite(share[g, data_cols]).any()
                          else None)
            types_met = int((met[g] & basic_data).sum())
            if not basic_data.any() or not np.isfinite(all_share[g]):
                verdict = None
            elif task == 0:
                verdict = int(all_share[g] >= ev.catalogue.composite_target_share - 1e-12)
            else:
                verdict = int(types_met == int(basic_data.sum()))
            rows.append({
                "subdistrict": label, "scenario": ev.scenario, "task": task,
                "mean_share": mean_share, "share_all_basic": _value(all_share[g]),
                "basic_types": int(basic.sum()), "basic_types_met": types_met,
                "meets_target": verdict,
                "basic_types_no_data": int((basic & ~has_data).sum()),
                "method": ev.method,
            })
    return rows
