"""One evaluation: the origins x facility-types distance table and everything read off it.

The only expensive step is one bounded multi-source search per facility type (search.py);
everything else (shares within 5/10/15 minutes and each type's threshold, verdicts, gaps,
scenario gains) is a vectorised comparison on the float32 distance table. The network is
prepared once (graph, snapping) and kept on the Evaluation so site scoring can reuse it.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
import shapely

from ..catalogue import Catalogue, FacilityType, apply_overrides, load_catalogue
from ..errors import InputError
from ..progress import NO_PROGRESS, Progress
from .graph import WalkGraph, build_graph
from .inputs import ProjectData, load_project
from .options import (
    COVER_TOLERANCE_M,
    METHOD_NETWORK,
    MINUTE_LEVELS,
    SCENARIO_EXISTING,
    SCENARIO_STATUSES,
    EvaluationOptions,
    check_options,
    straight_line_method,
)
from .search import NetworkSearch, straight_line_distances
from .snapping import Snap, Snapper

log = logging.getLogger(__name__)


@dataclass
class NetworkModel:
    """The prepared network of a project: graph, snapping index and snapped points."""

    graph: WalkGraph
    snapper: Snapper
    origin_snap: Snap
    facility_snap: Snap
    search: NetworkSearch
    max_snap_distance_m: float
    densities: Optional[Dict[str, list]] = None  # per sub-district, see provision.py


@dataclass
class Evaluation:
    """Result of `evaluate`. Distances are metres (float32, inf = beyond the search limit).

    Columns of `distances` follow `type_ids`; `thresholds`, `alt_thresholds`, `limits`,
    `targets`, `facility_counts`, `no_data`, `basic` are per column. `origin_subdistrict`
    indexes `subdistrict_names` (-1 = outside every sub-district). `subdistrict_rows`,
    `task_rows`, `service_areas` are the result tables as dicts keyed by project_schema
    field names (what the writer stores); gaps and gains are read off `covered()` and
    `baseline` by the writer. `sfca` maps a type to its per-origin 2SFCA accessibility.
    """

    options: EvaluationOptions
    catalogue: Catalogue
    data: ProjectData
    scenario: str
    method: str
    detour_factor: float
    type_ids: List[str]
    types: List[FacilityType]
    thresholds: np.ndarray
    alt_thresholds: np.ndarray
    limits: np.ndarray
    targets: np.ndarray
    basic: np.ndarray
    distances: np.ndarray
    facility_in_scenario: np.ndarray
    facility_column: np.ndarray
    facility_counts: np.ndarray
    no_data: np.ndarray
    origin_subdistrict: np.ndarray
    facility_subdistrict: np.ndarray
    subdistrict_names: np.ndarray
    network: Optional[NetworkModel] = None
    node_distances: Optional[np.ndarray] = None
    baseline: Optional[Evaluation] = None
    subdistrict_rows: List[dict] = field(default_factory=list)
    task_rows: List[dict] = field(default_factory=list)
    service_areas: List[dict] = field(default_factory=list)
    sfca: Dict[str, np.ndarray] = field(default_factory=dict)
    timings: Dict[str, float] = field(default_factory=dict)

    @property
    def population(self) -> np.ndarray:
        return self.data.origins.attrs["population"]

    @property
    def origin_uuid(self) -> np.ndarray:
        return self.data.origins.attrs["uuid"]

    def column(self, type_id: str) -> int:
        return self.type_ids.index(type_id)

    def speed(self, profile: str = "adult") -> float:
        return self.catalogue.walking_profiles.get(profile,
                                                   self.catalogue.walking_speed_m_per_min)

    def minute_distance(self, minutes: float, profile: str = "adult") -> float:
        return minutes * self.speed(profile)

    def minutes(self, profile: str = "adult") -> np.ndarray:
        """The distance table in minutes of walking for a profile (adult / older_adult)."""
        return self.distances / np.float32(self.speed(profile))

    def covered(self, within_m=None) -> np.ndarray:
        """Bool table: origin within each type's threshold (or the given metres)."""
        limit = self.thresholds if within_m is None else within_m
        return self.distances <= np.asarray(limit, dtype=np.float64) + COVER_TOLERANCE_M

    @property
    def origin_flags(self) -> Dict[str, np.ndarray]:
        n = len(self.distances)
        if self.network is None:
            return {"snapped": np.ones(n, bool), "on_island": np.zeros(n, bool),
                    "snap_offset_m": np.zeros(n)}
        snap = self.network.origin_snap
        return {"snapped": snap.snapped, "on_island": snap.island,
                "snap_offset_m": snap.offset_m}


def resolve_catalogue(data: ProjectData, options: EvaluationOptions) -> Catalogue:
    catalogue = options.catalogue
    if catalogue is None:
        overrides = data.overrides()
        if overrides and "__file__" in overrides:
            catalogue = load_catalogue(overrides=overrides["__file__"])
        else:
            catalogue = load_catalogue()
            if overrides:
                catalogue = apply_overrides(catalogue, overrides)
    changes = {}
    if options.targets:
        changes["targets"] = dict(options.targets)
    if options.composite_target:
        changes["composite_target_share"] = options.composite_target
    return apply_overrides(catalogue, changes) if changes else catalogue


def prepare_network(data: ProjectData, max_snap_distance_m: float) -> NetworkModel:
    """Graph, snapping index, snapped origins and facilities, virtual facility nodes."""
    edges = data.edges
    graph = build_graph(edges.u, edges.v, edges.length_m, edges.geometry)
    snapper = Snapper(graph)
    origins, facilities = data.origins, data.facilities
    origin_snap = snapper.snap(origins.x, origins.y, max_snap_distance_m)
    facility_snap = snapper.snap(facilities.x, facilities.y, max_snap_distance_m)
    for label, snap in (("origins", origin_snap), ("facilities", facility_snap)):
        far = int((~snap.snapped).sum())
        if far:
            log.warning("%d %s are farther than %.0f m from the network: not snapped",
                        far, label, max_snap_distance_m)
    search = NetworkSearch(graph, origin_snap, facility_snap)
    return NetworkModel(graph, snapper, origin_snap, facility_snap, search,
                        max_snap_distance_m)


def _subdistrict_index(names, data: ProjectData, x, y, label_values) -> np.ndarray:
    lookup = {str(n): i for i, n in enumerate(names)}
    index = np.array([lookup.get(str(v), -1) if v else -1 for v in label_values],
                     dtype=np.int64)
    missing = np.flatnonzero(index < 0)
    if len(missing) and len(data.subdistrict_polygons):
        for i, polygon in enumerate(data.subdistrict_polygons):
            if polygon is None:
                continue
            inside = shapely.contains_xy(polygon, x[missing], y[missing])
            index[missing[inside]] = i
    return index


def _type_table(catalogue: Catalogue, options: EvaluationOptions) -> List[FacilityType]:
    types = catalogue.evaluated_types()
    if options.types is not None:
        unknown = [t for t in options.types if t not in catalogue.types]
        if unknown:
            raise InputError(f"unknown facility types {unknown}", field="types")
        wanted = set(options.types)
        types = [t for t in types if t.id in wanted]
    return types


def evaluate(data: ProjectData, options: Optional[EvaluationOptions] = None,
             progress: Progress = NO_PROGRESS, network: Optional[NetworkModel] = None
             ) -> Evaluation:
    """Compute the distance table and all indicators for one scenario (no writing)."""
    from . import indicators, provision, service_areas

    options = options or EvaluationOptions()
    if options.scenario not in SCENARIO_STATUSES:
        raise InputError(f"unknown scenario '{options.scenario}' "
                         f"(known: {sorted(SCENARIO_STATUSES)})", field="scenario")
    check_options(options)
    timings: Dict[str, float] = {}
    clock = time.perf_counter()
    catalogue = resolve_catalogue(data, options)
    detour = options.detour_factor or catalogue.detour_factor
    snap_max = options.max_snap_distance_m or catalogue.max_snap_distance_m
    use_network = options.use_network and (data.edges is not None or network is not None)
    if options.use_network and not use_network:
        log.warning("the project has no walking network: straight line x %.2f", detour)
    progress.update(2, "preparing the network" if use_network else "straight-line mode")
    if use_network and network is None:
        network = prepare_network(data, snap_max)
    if not use_network:
        network = None
    timings["prepare"] = time.perf_counter() - clock
    evaluation = _distance_table(data, catalogue, options, options.scenario, network, detour,
                                 progress.sub(5, 70), timings)
    if (options.scenario != SCENARIO_EXISTING and options.compare_with_existing):
        baseline_options = dataclasses.replace(options, scenario=SCENARIO_EXISTING)
        evaluation.baseline = _distance_table(data, catalogue, baseline_options,
                                              SCENARIO_EXISTING, network, detour,
                                              progress.sub(70, 80), {})
    clock = time.perf_counter()
    indicators.compute(evaluation)
    provision.compute(evaluation)
    timings["indicators"] = time.perf_counter() - clock
    progress.update(85, "service areas")
    clock = time.perf_counter()
    if options.service_areas:
        evaluation.service_areas = service_areas.build(evaluation, progress.sub(85, 99))
    timings["service_areas"] = time.perf_counter() - clock
    progress.update(100, "evaluation done")
    return evaluation


def _distance_table(data, catalogue, options, scenario, network, detour, progress,
                    timings) -> Evaluation:
    clock = time.perf_counter()
    types = _type_table(catalogue, options)
    type_ids = [t.id for t in types]
    speeds = list(catalogue.walking_profiles.values()) or [catalogue.walking_speed_m_per_min]
    longest_minutes = max(MINUTE_LEVELS) * max(speeds)
    thresholds = np.array([t.threshold_m for t in types], dtype=np.float64)
    alt = np.array([t.threshold_alt_m or np.nan for t in types], dtype=np.float64)
    limits = np.fmax(np.fmax(thresholds, np.nan_to_num(alt)), longest_minutes) \
        + COVER_TOLERANCE_M
    facilities = data.facilities
    status = facilities.attrs["status"]
    in_scenario = np.isin(np.array([s or "existing" for s in status], dtype=object),
                          SCENARIO_STATUSES[scenario])
    column_of = {t: k for k, t in enumerate(type_ids)}
    ftype = facilities.attrs["facility_type"]
    facility_column = np.array([column_of.get(t, -1) for t in ftype], dtype=np.int64)
    usable = in_scenario & (facility_column >= 0) & np.isfinite(facilities.x)
    origin_count = len(data.origins)
    # stored type-major so each search writes one contiguous row; `distances` is its
    # origins x types transpose (a view, no copy)
    table = np.full((len(types), origin_count), np.inf, dtype=np.float32)
    node_tables = None
    if network is not None:
        node_tables = np.full((network.search.matrix.shape[0], len(types)), np.inf,
                              dtype=np.float32) if options.service_areas else None
    timings["table_setup"] = time.perf_counter() - clock
    clock = time.perf_counter()
    counts = np.zeros(len(types), dtype=np.int64)
    for k, ftype_k in enumerate(types):
        rows = np.flatnonzero(usable & (facility_column == k))
        counts[k] = len(rows)
        if len(rows) == 0:
            continue  # no data: stays inf, reported as "no data", never searched
        if network is not None:
            node_dist = network.search.node_distances(rows, limits[k])
            column = network.search.origin_distances(rows, limits[k], node_dist)
            if node_tables is not None:
                node_tables[:, k] = node_dist
        else:
            column = straight_line_distances(data.origins.xy, facilities.xy[rows], detour,
                                             limits[k])
        table[k] = column
        progress.update(100.0 * (k + 1) / max(1, len(types)), ftype_k.id)
    timings["search"] = time.perf_counter() - clock
    names = data.subdistrict_names
    if "origin_subdistrict" not in data.cache:
        data.cache["origin_subdistrict"] = _subdistrict_index(
            names, data, data.origins.x, data.origins.y, data.origins.attrs["subdistrict"])
        data.cache["facility_subdistrict"] = _subdistrict_index(
            names, data, facilities.x, facilities.y, facilities.attrs["subdistrict"])
    origin_sd = data.cache["origin_subdistrict"]
    facility_sd = data.cache["facility_subdistrict"]
    return Evaluation(
        options=options, catalogue=catalogue, data=data, scenario=scenario,
        method=METHOD_NETWORK if network is not None else straight_line_method(detour),
        detour_factor=detour, type_ids=type_ids, types=types, thresholds=thresholds,
        alt_thresholds=alt, limits=limits,
        targets=np.array([t.target_share for t in types]),
        basic=np.array([t.is_basic for t in types], dtype=bool), distances=table.T,
        facility_in_scenario=in_scenario, facility_column=facility_column,
        facility_counts=counts, no_data=counts == 0, origin_subdistrict=origin_sd,
        facility_subdistrict=facility_sd, subdistrict_names=names, network=network,
        node_distances=node_tables, timings=timings,
    )


def evaluate_project(gpkg, options: Optional[EvaluationOptions] = None,
                     progress: Progress = NO_PROGRESS, write: bool = True) -> Evaluation:
    """Load the project, evaluate one scenario and (by default) write the result layers."""
    options = options or EvaluationOptions()
    clock = time.perf_counter()
    data = load_project(gpkg, need_network=options.use_network)
    load_time = time.perf_counter() - clock
    evaluation = evaluate(data, options, progress.sub(0, 90 if write else 100))
    evaluation.timings["load"] = load_time
    if write:
        from .writer import write_results

        clock = time.perf_counter()
        write_results(gpkg, evaluation, progress.sub(90, 100))
        evaluation.timings["write"] = time.perf_counter() - clock
    return evaluation
