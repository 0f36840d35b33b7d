"""Engine distances on the real Helsinki street network against an independent networkx run.

The project is built by the builder (core.build, Helsinki preset, 40 m origin grid). The
reference snaps by brute force (distance to every edge, no spatial index), splits the
edges with networkx nodes for the origin and the facilities, and runs networkx's own
multi-source Dijkstra; the engine must agree to 1 cm on 1,000 random (origin, type) pairs.
"""
from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import shapely

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.build import build_project, helsinki_config
from lifecircle_plugin.core.catalogue import apply_overrides, load_catalogue
from lifecircle_plugin.core.evaluate import EvaluationOptions, evaluate, load_project
from lifecircle_plugin.core.evaluate.graph import build_graph
from lifecircle_plugin.core.evaluate.search import NetworkSearch
from lifecircle_plugin.core.evaluate.snapping import Snapper
from lifecircle_plugin.core.gpkg import read_layer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helsinki_project import read_facilities, read_network  # noqa: E402

pytestmark = pytest.mark.slow
MAX_SNAP = 300.0


class EdgeArrays:
    """The project's network_edges as plain arrays, read without the engine's loader."""

    def __init__(self, path):
        features = read_layer(path, ps.NETWORK_EDGES).features
        self.u = np.array([f.attributes["u"] for f in features], np.int64)
        self.v = np.array([f.attributes["v"] for f in features], np.int64)
        self.length = np.array([f.attributes["length_m"] for f in features])
        self.geometry = np.array([f.geometry for f in features], dtype=object)
        self.oneway = np.zeros(len(features), bool)


@pytest.fixture(scope="module")
def helsinki(helsinki_pbf, tmp_path_factory):
    path = tmp_path_factory.mktemp("helsinki") / "project.gpkg"
    build_project(helsinki_config(helsinki_pbf, path, grid_size_m=40.0))
    data = load_project(path)
    evaluation = evaluate(data, EvaluationOptions(service_areas=False,
                                                  max_snap_distance_m=MAX_SNAP))
    return EdgeArrays(path), data, evaluation


def brute_snap(network, x, y):
    """Nearest edge by distance to every edge; position along it from its u end."""
    point = shapely.Point(x, y)
    dist = shapely.distance(network.geometry, point)
    e = int(np.argmin(dist))
    along = shapely.line_locate_point(network.geometry[e], point)
    return e, float(along), float(dist[e])


def reference_distances(network, origin_xys, facility_xys, directed=False):
    """networkx distances from the nearest facility to each origin (inf if unreachable).

    Origins and facilities become extra nodes on their edges (both ends, partial lengths
    plus offset); an origin and a facility on the same edge also get the direct walk.
    Extra nodes never shorten other paths, so one multi-source run serves all origins.
    """
    graph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    for i, (u, v, length) in enumerate(zip(network.u, network.v, network.length)):
        graph.add_edge(int(u), int(v), weight=float(length))
        if directed and not network.oneway[i]:
            graph.add_edge(int(v), int(u), weight=float(length))

    def attach(name, snap, outgoing):
        e, along, offset = snap
        u, v, length = int(network.u[e]), int(network.v[e]), float(network.length[e])
        for node, w in ((u, offset + along), (v, offset + length - along)):
            if outgoing or not directed:
                graph.add_edge(name, node, weight=w)
            if not outgoing or not directed:
                graph.add_edge(node, name, weight=w)

    origin_snaps = [brute_snap(network, *xy) for xy in origin_xys]
    for i, snap in enumerate(origin_snaps):
        if snap[2] <= MAX_SNAP:
            attach(("origin", i), snap, outgoing=False)
    sources = []
    for j, xy in enumerate(facility_xys):
        snap = brute_snap(network, *xy)
        if snap[2] > MAX_SNAP:
            continue
        name = ("facility", j)
        attach(name, snap, outgoing=True)
        sources.append(name)
        for i, o in enumerate(origin_snaps):
            if o[0] == snap[0] and o[2] <= MAX_SNAP:
                graph.add_edge(name, ("origin", i), weight=snap[2] + o[2] + abs(snap[1] - o[1]))
    if not sources:
        return np.full(len(origin_xys), np.inf)
    lengths = nx.multi_source_dijkstra_path_length(graph, sources, weight="weight")
    return np.array([lengths.get(("origin", i), np.inf) for i in range(len(origin_xys))])


def facilities_of(data, evaluation, type_id):
    rows = np.flatnonzero(evaluation.facility_in_scenario
                          & (evaluation.facility_column == evaluation.column(type_id)))
    return list(zip(data.facilities.x[rows], data.facilities.y[rows]))


def test_distances_equal_networkx_on_1000_random_pairs(helsinki):
    network, data, evaluation = helsinki
    rng = np.random.default_rng(2026)
    columns = [k for k in range(len(evaluation.type_ids)) if not evaluation.no_data[k]]
    assert len(columns) >= 8
    pairs = list(zip(rng.integers(0, len(data.origins), 1000), rng.choice(columns, 1000)))
    by_type = {}
    for i, k in pairs:
        by_type.setdefault(k, []).append(i)
    checked = finite = 0
    for k, origin_rows in by_type.items():
        facility_xys = facilities_of(data, evaluation, evaluation.type_ids[k])
        reference = reference_distances(
            network, list(zip(data.origins.x[origin_rows], data.origins.y[origin_rows])),
            facility_xys)
        for i, expected in zip(origin_rows, reference):
            if expected > evaluation.limits[k]:
                expected = np.inf
            got = float(evaluation.distances[i, k])
            if np.isinf(expected):
                assert np.isinf(got), (i, evaluation.type_ids[k], got)
            else:
                assert got == pytest.approx(expected, abs=0.01), (i, evaluation.type_ids[k])
                finite += 1
            checked += 1
    assert checked == 1000
    assert finite > 500  # most pairs are real distances, not just "beyond the limit"


def test_snapping_offsets_equal_brute_force(helsinki):
    network, data, evaluation = helsinki
    snap = evaluation.network.origin_snap
    rng = np.random.default_rng(5)
    for i in rng.integers(0, len(data.origins), 200):
        e, along, offset = brute_snap(network, data.origins.x[i], data.origins.y[i])
        if offset > MAX_SNAP:
            assert not snap.snapped[i]
            continue
        assert snap.offset_m[i] == pytest.approx(offset, abs=1e-6)
        # the engine may pick another edge only if it is exactly as close
        point_on_edge = shapely.line_interpolate_point(
            evaluation.network.graph.edge_geometry[snap.edge[i]], snap.along_m[i])
        assert shapely.distance(point_on_edge, shapely.Point(data.origins.x[i],
                                                             data.origins.y[i])) \
            == pytest.approx(offset, abs=1e-6)
    # points farther than a settable distance are flagged, exactly those (brute force)
    rows = rng.integers(0, len(data.origins), 200)
    tight = evaluation.network.snapper.snap(data.origins.x[rows], data.origins.y[rows], 15.0)
    offsets = np.array([brute_snap(network, data.origins.x[i], data.origins.y[i])[2]
                        for i in rows])
    assert (~tight.snapped).sum() > 0
    assert np.array_equal(tight.snapped, offsets <= 15.0)


def test_threshold_boundary_on_the_real_network(helsinki):
    network, data, evaluation = helsinki
    k = evaluation.column("bus_stop")
    facility_xys = facilities_of(data, evaluation, "bus_stop")
    i = next(i for i in range(len(data.origins))
             if 150 < evaluation.distances[i, k] < 290)
    exact = reference_distances(network, [(data.origins.x[i], data.origins.y[i])],
                                facility_xys)[0]
    for threshold, expected in ((exact, True), (exact - 0.01, False), (exact + 0.01, True)):
        catalogue = apply_overrides(load_catalogue(), {"thresholds": {"bus_stop": threshold}})
        result = evaluate(data, EvaluationOptions(types=["bus_stop"], catalogue=catalogue,
                                                  service_areas=False),
                          network=evaluation.network)
        assert bool(result.covered()[i, 0]) is expected, threshold


def test_walking_ignores_oneway(helsinki_pbf):
    """OSM ways read with their oneway tags; engine graph from the same edge arrays."""
    network = read_network(helsinki_pbf)
    assert network.oneway.sum() > 100
    graph = build_graph(network.u, network.v, network.length, network.geometry)
    snapper = Snapper(graph)
    facility_xys = [(x, y) for x, y, t in read_facilities(helsinki_pbf)
                    if t == "breakfast_outlet"]
    fx, fy = np.array(facility_xys).T
    xmin, ymin, xmax, ymax = shapely.total_bounds(network.geometry)
    rng = np.random.default_rng(11)
    ox, oy = rng.uniform(xmin, xmax, 300), rng.uniform(ymin, ymax, 300)
    search = NetworkSearch(graph, snapper.snap(ox, oy, MAX_SNAP), snapper.snap(fx, fy, MAX_SNAP))
    got = search.origin_distances(np.arange(len(fx)), 5000.0)
    xys = list(zip(ox, oy))
    undirected = reference_distances(network, xys, facility_xys)
    directed = reference_distances(network, xys, facility_xys, directed=True)
    reachable = np.isfinite(undirected) & (undirected <= 5000.0)
    assert reachable.sum() > 200
    np.testing.assert_allclose(got[reachable], undirected[reachable], atol=0.01)
    assert (directed[reachable] > undirected[reachable] + 1.0).sum() > 0  # the test bites
