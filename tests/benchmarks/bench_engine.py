"""Benchmark of the accessibility engine against the raw floor, networkx and QGIS.

Run: `.venv/bin/python tests/benchmarks/bench_engine.py` (or `make bench`). Each case
(Helsinki's real network built by core.build; a generated 25k-node / 40k-edge street grid
with 40 types and 50,000 origins; a 100k-node grid with 100,000 origins) runs in its own
child process, so its peak memory is its own. Printed side by side, with ratios:
  ours      evaluate() with the network prepared: 40 searches, origin distances, all
            thresholds, every indicator (no service-area polygons, no file writing)
  floor     the scipy multi-source Dijkstra calls alone on the same graph and sources
            (ours and floor run alternately, best of REPEATS each, so both see the same load;
            wall-clock and CPU time of the process are both reported)
  networkx  multi_source_dijkstra_path_length with cutoff, same graph and sources
  qgis      native:serviceareafromlayer + buffer + extract-by-location of origins, for a
            few types (the QGIS route to the same coverage answer), compared per type
Also: preparation (graph + snapping), snapping by STRtree vs cKDTree on densified edges,
peak RSS of the case process and the Python-tracked peak (tracemalloc) of evaluate().
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from targets import target  # noqa: E402

from lifecircle_plugin.core.catalogue import load_catalogue  # noqa: E402
from lifecircle_plugin.core.evaluate import (  # noqa: E402,I001
    EvaluationOptions,
    evaluate,
    prepare_network,
)
from lifecircle_plugin.core.evaluate.inputs import Edges, Points, ProjectData  # noqa: E402

CASES = ("helsinki", "grid25k", "grid100k")
QGIS_TYPES = 3
REPEATS = 5
FLOOR_RATIO_TARGET = 1.5
QGIS_RATIO_TARGET = 500.0
CLICK_MS_TARGET = 50.0
PEAK_MB_TARGET = 1024.0  # at 100k nodes


def lattice_project(side: int, origins: int, types: int, seed: int) -> ProjectData:
    """Perturbed lattice, 100 m spacing, 20 % of edges removed, largest component kept."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rng = np.random.default_rng(seed)
    ids = np.arange(side * side).reshape(side, side)
    xy = np.stack(np.meshgrid(np.arange(side) * 100.0, np.arange(side) * 100.0), -1)
    xy = xy.reshape(-1, 2) + rng.uniform(-15, 15, (side * side, 2))
    u = np.concatenate([ids[:, :-1].ravel(), ids[:-1, :].ravel()])
    v = np.concatenate([ids[:, 1:].ravel(), ids[1:, :].ravel()])
    keep = rng.random(len(u)) > 0.2
    u, v = u[keep], v[keep]
    n = side * side
    _, comp = connected_components(coo_matrix((np.ones(len(u)), (u, v)), shape=(n, n)),
                                   directed=False)
    main = np.argmax(np.bincount(comp))
    keep = comp[u] == main
    u, v = u[keep], v[keep]
    coords = np.stack([xy[u], xy[v]], axis=1)
    geometry = shapely.linestrings(coords)
    catalogue = load_catalogue()
    type_ids = [t.id for t in catalogue.evaluated_types()][:types]
    counts = rng.integers(5, 201, len(type_ids))
    xmin, ymin = xy.min(axis=0)
    xmax, ymax = xy.max(axis=0)
    fx = rng.uniform(xmin, xmax, counts.sum())
    fy = rng.uniform(ymin, ymax, counts.sum())
    ftype = np.repeat(np.array(type_ids, dtype=object), counts)
    ox, oy = rng.uniform(xmin, xmax, origins), rng.uniform(ymin, ymax, origins)
    strips = np.linspace(xmin, xmax, 11)
    polygons = np.array([shapely.box(strips[i], ymin, strips[i + 1], ymax) for i in range(10)],
                        dtype=object)
    none = np.full(len(fx), None, dtype=object)
    facilities = Points(fx, fy, {"uuid": np.arange(len(fx)).astype(str).astype(object),
                                 "facility_type": ftype,
                                 "status": np.full(len(fx), "existing", dtype=object),
                                 "subdistrict": none, "capacity": np.full(len(fx), np.nan),
                                 "area_m2": np.full(len(fx), np.nan)})
    origin_points = Points(ox, oy, {"uuid": np.arange(origins).astype(str).astype(object),
                                    "population": rng.integers(1, 60, origins).astype(float),
                                    "subdistrict": np.full(origins, None, dtype=object)})
    return ProjectData(
        path=Path("<memory>"), crs_wkt=None, origins=origin_points, facilities=facilities,
        subdistrict_names=np.array([f"S{i}" for i in range(10)], dtype=object),
        subdistrict_polygons=polygons, subdistrict_area_km2=np.full(10, np.nan),
        edges=Edges(u.astype(np.int64), v.astype(np.int64), shapely.length(geometry),
                    geometry),
        footprint_type=np.empty(0, dtype=object), footprint_area=np.empty(0),
        footprint_geometry=np.empty(0, dtype=object))


def helsinki_project() -> ProjectData:
    from lifecircle_plugin.core.build import build_project, helsinki_config
    from lifecircle_plugin.core.evaluate import load_project

    pbf = ROOT.parent / "shared" / "data" / "helsinki" / "helsinki.osm.pbf"
    out = Path(tempfile.mkdtemp()) / "helsinki.gpkg"
    build_project(helsinki_config(pbf, out, grid_size_m=20.0))
    return load_project(out)


def best_of(repeats, function):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def interleaved(repeats, ours, reference):
    """Best time of each of two functions, run alternately so both see the same load of a
    busy machine (running all of one, then all of the other, skewed the ratio).
    Returns best wall-clock seconds of each, the last result of `ours`, and best CPU
    seconds of each (this process only: less skewed by other processes on the machine)."""
    ours_times, reference_times, ours_cpu, reference_cpu, result = [], [], [], [], None
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        result = ours()
        ours_times.append(time.perf_counter() - start)
        ours_cpu.append(time.process_time() - cpu)
        start, cpu = time.perf_counter(), time.process_time()
        reference()
        reference_times.append(time.perf_counter() - start)
        reference_cpu.append(time.process_time() - cpu)
    return (min(ours_times), min(reference_times), result,
            min(ours_cpu), min(reference_cpu))


def floor(evaluation):
    from scipy.sparse.csgraph import dijkstra

    matrix = evaluation.network.search.matrix
    sources = _sources(evaluation)

    def run():
        for k, indices in enumerate(sources):
            if len(indices):
                dijkstra(matrix, directed=True, indices=indices, min_only=True,
                         limit=evaluation.limits[k])
    return run


def _sources(evaluation):
    search = evaluation.network.search
    out = []
    for k in range(len(evaluation.type_ids)):
        rows = np.flatnonzero(evaluation.facility_in_scenario
                              & (evaluation.facility_column == k))
        nodes = search.facility_node[rows]
        out.append(nodes[nodes >= 0])
    return out


def networkx_time(evaluation) -> float:
    import networkx as nx

    coo = evaluation.network.search.matrix.tocoo()
    graph = nx.Graph()
    graph.add_weighted_edges_from(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()))
    start = time.perf_counter()
    for k, indices in enumerate(_sources(evaluation)):
        if len(indices):
            nx.multi_source_dijkstra_path_length(graph, set(indices.tolist()),
                                                 cutoff=evaluation.limits[k])
    return time.perf_counter() - start


def snapping_comparison(data: ProjectData, network) -> dict:
    """STRtree nearest-edge (the engine) vs cKDTree on vertices densified every 5 m."""
    from scipy.spatial import cKDTree

    ox, oy = data.origins.x, data.origins.y
    strtree, snap = best_of(1, lambda: network.snapper.snap(ox, oy, 300.0))

    def kdtree():
        dense = shapely.segmentize(network.graph.edge_geometry, 5.0)
        coords = shapely.get_coordinates(dense)
        tree = cKDTree(coords)
        return tree.query(np.column_stack([ox, oy]))[0]
    kd_time, kd_dist = best_of(1, kdtree)
    ok = snap.snapped
    return {"strtree_s": strtree, "kdtree_densified_s": kd_time,
            "kdtree_max_error_m": float(np.max(kd_dist[ok] - snap.offset_m[ok]))}


def qgis_route(data: ProjectData, evaluation, columns) -> dict:
    """QGIS service areas + buffer + extract origins, per type; same process."""
    from qgis.core import (
        QgsApplication,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsVectorLayer,
    )
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing
    from qgis.analysis import QgsNativeAlgorithms

    Processing.initialize()
    QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
    crs = "EPSG:3857"
    edges = QgsVectorLayer(f"LineString?crs={crs}", "edges", "memory")
    features = []
    for geometry in data.edges.geometry:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        features.append(feature)
    edges.dataProvider().addFeatures(features)
    origins = QgsVectorLayer(f"Point?crs={crs}", "origins", "memory")
    points = []
    for x, y in zip(data.origins.x, data.origins.y):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        points.append(feature)
    origins.dataProvider().addFeatures(points)
    result = {}
    for k in columns:
        rows = np.flatnonzero(evaluation.facility_in_scenario
                              & (evaluation.facility_column == k))
        starts = QgsVectorLayer(f"Point?crs={crs}", "starts", "memory")
        feats = []
        for x, y in zip(data.facilities.x[rows], data.facilities.y[rows]):
            feature = QgsFeature()
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feats.append(feature)
        starts.dataProvider().addFeatures(feats)
        threshold = float(evaluation.thresholds[k])
        start = time.perf_counter()
        areas = processing.run("native:serviceareafromlayer", {
            "INPUT": edges, "STRATEGY": 0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0,
            "START_POINTS": starts, "TRAVEL_COST": threshold, "TRAVEL_COST2": threshold,
            "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})["OUTPUT_LINES"]
        service_area = time.perf_counter() - start
        buffered = processing.run("native:buffer", {
            "INPUT": areas, "DISTANCE": 25.0, "SEGMENTS": 2, "DISSOLVE": True,
            "OUTPUT": "memory:"})["OUTPUT"]
        inside = processing.run("native:extractbylocation", {
            "INPUT": origins, "PREDICATE": [0], "INTERSECT": buffered,
            "OUTPUT": "memory:"})["OUTPUT"]
        elapsed = time.perf_counter() - start
        result[evaluation.type_ids[k]] = {"seconds": elapsed, "facilities": len(rows),
                                          "service_area_s": service_area,
                                          "ours_same_answer_s": same_answer_time(evaluation, k),
                                          "origins_inside": inside.featureCount()}
    app.exitQgis()
    return result


def same_answer_time(evaluation, k: int) -> float:
    """Our engine giving exactly what the QGIS route gives: coverage of one type at its
    threshold (search limited to the threshold), summed per sub-district."""
    from lifecircle_plugin.core.evaluate.indicators import Groups
    from lifecircle_plugin.core.evaluate.options import COVER_TOLERANCE_M

    groups = Groups(evaluation.origin_subdistrict, len(evaluation.subdistrict_names),
                    evaluation.population)
    rows = np.flatnonzero(evaluation.facility_in_scenario & (evaluation.facility_column == k))
    limit = float(evaluation.thresholds[k]) + COVER_TOLERANCE_M

    def run():
        distances = evaluation.network.search.origin_distances(rows, limit)
        return groups.sum(distances <= limit)
    return best_of(5, run)[0]


def siting_times(evaluation) -> dict:
    """One clicked point (mean of 100 random clicks) and greedy best-5 over 1,000 sites."""
    from lifecircle_plugin.core.siting import SiteScorer

    scorer = SiteScorer(evaluation)
    rng = np.random.default_rng(3)
    origins = evaluation.data.origins
    pick = rng.integers(0, len(origins), 1100)
    xs, ys = origins.x[pick] + rng.normal(0, 20, 1100), origins.y[pick] + rng.normal(0, 20, 1100)
    start = time.perf_counter()
    for x, y in zip(xs[:100], ys[:100]):
        scorer.score_point(x, y)
    click = (time.perf_counter() - start) / 100
    type_id = evaluation.type_ids[int(np.argmin(np.where(evaluation.no_data, 1e9,
                                                          evaluation.facility_counts)))]
    start = time.perf_counter()
    picks = scorer.best_k(type_id, xs[100:], ys[100:], 5)
    greedy = time.perf_counter() - start
    return {"click_ms": click * 1000, "best5_of_1000_s": greedy, "type": type_id,
            "covered_after_picks": [round(p.cumulative_population) for p in picks]}


def run_case(name: str, profile: bool, skip_qgis: bool) -> dict:
    if name == "helsinki":
        data = helsinki_project()
    elif name == "grid25k":
        data = lattice_project(158, 50_000, 40, seed=1)
    else:
        data = lattice_project(316, 100_000, 40, seed=2)
    catalogue = load_catalogue()
    options = EvaluationOptions(service_areas=False, catalogue=catalogue)
    prepare_s, network = best_of(1, lambda: prepare_network(data, 300.0))
    evaluation = evaluate(data, options, network=network)  # warm-up; gives the sources
    ours_s, floor_s, evaluation, ours_cpu, floor_cpu = interleaved(
        REPEATS, lambda: evaluate(data, options, network=network), floor(evaluation))
    out = {
        "case": name, "nodes": network.graph.node_count, "edges": network.graph.edge_count,
        "origins": len(data.origins), "facilities": int(evaluation.facility_counts.sum()),
        "types": int((~evaluation.no_data).sum()), "prepare_s": prepare_s, "ours_s": ours_s,
        "floor_s": floor_s, "ours_cpu_s": ours_cpu, "floor_cpu_s": floor_cpu,
        "ours_breakdown": {k: round(v, 4) for k, v in
                                               evaluation.timings.items()},
    }
    out["snapping"] = snapping_comparison(data, network)
    out["networkx_s"] = networkx_time(evaluation)
    out["siting"] = siting_times(evaluation)
    tracemalloc.start()
    evaluate(data, options, network=network)
    out["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        evaluate(data, options, network=network)
        profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(8)
        out["profile"] = text.getvalue()
    if not skip_qgis:
        counts = evaluation.facility_counts
        order = [k for k in np.argsort(counts) if counts[k] > 0]
        columns = [order[len(order) * i // QGIS_TYPES] for i in range(QGIS_TYPES)]
        out["qgis"] = qgis_route(data, evaluation, columns)
        per_type_ours = ours_s / max(1, out["types"])
        out["ours_per_type_s"] = per_type_ours
        out["qgis_ratio_per_type"] = {t: r["seconds"] / per_type_ours
                                      for t, r in out["qgis"].items()}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def report(result: dict) -> None:
    r = result
    print(f"\n== {r['case']}: {r['nodes']:,} nodes, {r['edges']:,} edges, "
          f"{r['origins']:,} origins, {r['types']} types, {r['facilities']:,} facilities")
    print(f"  prepare (graph + snapping)   {r['prepare_s']:8.3f} s")
    print(f"  ours: full evaluation        {r['ours_s']:8.3f} s   breakdown {r['ours_breakdown']}")
    print(f"  floor: scipy searches alone  {r['floor_s']:8.3f} s   ours/floor "
          f"{r['ours_s'] / r['floor_s']:.2f}x (target <= 1.5x)")
    print(f"  same in CPU time of this process: ours {r['ours_cpu_s']:.3f} s, floor "
          f"{r['floor_cpu_s']:.3f} s, ours/floor {r['ours_cpu_s'] / r['floor_cpu_s']:.2f}x")
    print(f"  networkx with cutoff         {r['networkx_s']:8.3f} s   networkx/ours "
          f"{r['networkx_s'] / r['ours_s']:.1f}x")
    s = r["snapping"]
    print(f"  snapping: STRtree {s['strtree_s']:.3f} s, cKDTree on 5 m densified vertices "
          f"{s['kdtree_densified_s']:.3f} s (max error {s['kdtree_max_error_m']:.2f} m)")
    if "qgis" in r:
        print(f"  ours per type (evaluation / types)  {r['ours_per_type_s'] * 1000:.1f} ms")
    t = r["siting"]
    print(f"  site scoring: one clicked point {t['click_ms']:.1f} ms (target well under 50 ms); "
          f"greedy best 5 of 1,000 candidates for {t['type']} {t['best5_of_1000_s']:.2f} s, "
          f"covered after each pick {t['covered_after_picks']}")
    for type_id, q in r.get("qgis", {}).items():
        print(f"  qgis {type_id:<28} {q['seconds']:8.3f} s (service area alone "
              f"{q['service_area_s']:.3f} s; {q['facilities']} facilities) -> "
              f"{r['qgis_ratio_per_type'][type_id]:.0f}x ours per type (target >= 500x), "
              f"service area alone {q['service_area_s'] / r['ours_per_type_s']:.0f}x")
        print(f"       same answer (this type, its threshold only): ours "
              f"{q['ours_same_answer_s'] * 1000:.1f} ms -> QGIS route "
              f"{q['seconds'] / q['ours_same_answer_s']:.0f}x, service area alone "
              f"{q['service_area_s'] / q['ours_same_answer_s']:.0f}x")
    print(f"  peak RSS {r['peak_rss_mb']:.0f} MB (whole case process, QGIS included); "
          f"tracemalloc peak of evaluate() {r['tracemalloc_peak_mb']:.0f} MB (target < 1 GB)")
    report_targets(r)
    if "profile" in r:
        print("  cProfile of one evaluation (tottime):")
        print("\n".join("    " + line for line in r["profile"].splitlines()[:22]))


def report_targets(r: dict) -> None:
    """The issue's targets for this case, for run_all.py's summary table."""
    case = r["case"]
    ratio = r["ours_s"] / r["floor_s"]
    target(f"{case}: full evaluation / scipy floor", f"{ratio:.2f}x",
           f"<= {FLOOR_RATIO_TARGET}x", ratio <= FLOOR_RATIO_TARGET)
    cpu_ratio = r["ours_cpu_s"] / r["floor_cpu_s"]
    target(f"{case}: the same in CPU time (less skewed by a busy machine)",
           f"{cpu_ratio:.2f}x", f"<= {FLOOR_RATIO_TARGET}x", cpu_ratio <= FLOOR_RATIO_TARGET)
    if r.get("qgis"):
        same = min(q["seconds"] / q["ours_same_answer_s"] for q in r["qgis"].values())
        target(f"{case}: QGIS service-area route / ours, same answer (worst of "
               f"{len(r['qgis'])} types)", f"{same:.0f}x", f">= {QGIS_RATIO_TARGET:.0f}x",
               same >= QGIS_RATIO_TARGET)
        per_type = min(r["qgis_ratio_per_type"].values())
        target(f"{case}: QGIS route / ours per type of the full evaluation (worst type)",
               f"{per_type:.0f}x", f">= {QGIS_RATIO_TARGET:.0f}x",
               per_type >= QGIS_RATIO_TARGET)
    click = r["siting"]["click_ms"]
    target(f"{case}: score one clicked point", f"{click:.1f} ms",
           f"< {CLICK_MS_TARGET:.0f} ms", click < CLICK_MS_TARGET)
    if case == "grid100k":
        peak = r["peak_rss_mb"]
        target(f"{case}: peak memory (RSS of the case process)", f"{peak:.0f} MB",
               f"< {PEAK_MB_TARGET:.0f} MB", peak < PEAK_MB_TARGET)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=CASES)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-qgis", action="store_true")
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case, args.profile, args.no_qgis)))
        return 0
    for case in CASES:
        command = [sys.executable, __file__, "--case", case]
        command += ["--profile"] if args.profile else []
        command += ["--no-qgis"] if args.no_qgis or case == "grid100k" else []
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"== {case}: failed\n{done.stderr[-3000:]}")
            target(f"{case}: benchmark case ran", "failed", "runs", False)
            continue
        report(json.loads(done.stdout.strip().splitlines()[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
