"""The real Helsinki build: a walkable network from OSM, checked by an independent route."""
from collections import defaultdict

import numpy as np
import pytest
from osgeo import gdal
from shapely.geometry import Point

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.build import build_project, helsinki_config
from lifecircle_plugin.core.coords import geod, reproject
from lifecircle_plugin.core.gpkg import read_layer
from lifecircle_plugin.core.sources.osm import parse_other_tags

WALK = ("footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
        "unclassified", "tertiary", "tertiary_link", "secondary", "secondary_link", "primary",
        "primary_link", "track", "cycleway", "corridor", "bridleway", "road", "crossing")


@pytest.fixture(scope="module")
def helsinki(helsinki_pbf, tmp_path_factory):
    out = tmp_path_factory.mktemp("helsinki") / "project.gpkg"
    report = build_project(helsinki_config(helsinki_pbf, out, population_density_per_km2=9000))
    return report, out


@pytest.fixture(scope="module")
def raw_ways(helsinki_pbf):
    """Walkable ways read with OGR SQL and plain tag checks, not the builder's filter."""
    gdal.UseExceptions()
    dataset = gdal.OpenEx(str(helsinki_pbf), gdal.OF_VECTOR)
    values = ",".join(f"'{v}'" for v in WALK + ("trunk", "trunk_link"))
    layer = dataset.ExecuteSQL(f"SELECT * FROM lines WHERE highway IN ({values})")
    ways = []
    for feature in layer:
        tags = parse_other_tags(feature.GetField("other_tags"))
        foot, access = tags.get("foot"), tags.get("access")
        highway = feature.GetField("highway")
        if foot in ("yes", "designated", "permissive", "official"):
            keep = True
        else:
            keep = foot != "no" and highway in WALK and access not in ("private", "no")
        if keep:
            ways.append(np.array(feature.GetGeometryRef().GetPoints())[:, :2])
    dataset.ReleaseResultSet(layer)
    return ways


def test_total_length_matches_the_raw_ways(helsinki, raw_ways):
    report, out = helsinki
    ellipsoid = geod()
    raw_km = sum(ellipsoid.line_length(w[:, 0], w[:, 1]) for w in raw_ways) / 1000
    edges = read_layer(out, ps.NETWORK_EDGES).features
    built_km = sum(e.attributes["length_m"] for e in edges) / 1000
    # UTM 35N scale error at 25E is below 0.05 %
    assert abs(built_km - raw_km) / raw_km < 0.001
    assert abs(report.network_length_km - built_km) < 1e-6


def test_edges_are_noded_at_every_shared_osm_node(helsinki, raw_ways):
    _, out = helsinki
    usage = defaultdict(int)
    for way in raw_ways:
        for key in {tuple(np.round(p, 7)) for p in way}:
            usage[key] += 1
    shared = np.array([k for k, n in usage.items() if n > 1])
    x, y = reproject(shared[:, 0], shared[:, 1], "EPSG:4326", "EPSG:32635")
    nodes = read_layer(out, ps.NETWORK_NODES).features
    from scipy.spatial import cKDTree

    tree = cKDTree([(n.geometry.x, n.geometry.y) for n in nodes])
    distance, _ = tree.query(np.column_stack([x, y]))
    assert len(shared) > 1000
    assert distance.max() < 0.01  # every junction of two ways is a graph node


def test_edge_geometry_lengths_and_endpoints(helsinki):
    _, out = helsinki
    nodes = {n.attributes["node_id"]: n for n in read_layer(out, ps.NETWORK_NODES).features}
    edges = read_layer(out, ps.NETWORK_EDGES).features
    assert set(ps.LAYERS[ps.NETWORK_EDGES][1]) <= set(edges[0].attributes)
    for edge in edges:
        a = edge.attributes
        assert abs(edge.geometry.length - a["length_m"]) < 1e-6
        start, end = edge.geometry.coords[0], edge.geometry.coords[-1]
        assert nodes[a["u"]].geometry.distance(Point(start)) < 1e-6
        assert nodes[a["v"]].geometry.distance(Point(end)) < 1e-6


def test_components_recomputed_with_union_find(helsinki):
    report, out = helsinki
    edges = read_layer(out, ps.NETWORK_EDGES).features
    nodes = read_layer(out, ps.NETWORK_NODES).features
    parent = {n.attributes["node_id"]: n.attributes["node_id"] for n in nodes}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for edge in edges:
        ra, rb = find(edge.attributes["u"]), find(edge.attributes["v"])
        if ra != rb:
            parent[ra] = rb
    roots = {find(n) for n in parent}
    assert len(roots) == report.network_components
    groups = defaultdict(set)
    for node in nodes:
        groups[find(node.attributes["node_id"])].add(node.attributes["component"])
    assert all(len(labels) == 1 for labels in groups.values())
    sizes = defaultdict(int)
    for node in nodes:
        sizes[node.attributes["component"]] += 1
    assert max(sizes, key=sizes.get) == 0  # component 0 is the main network
    main_length = sum(e.attributes["length_m"] for e in edges if e.attributes["component"] == 0)
    total = sum(e.attributes["length_m"] for e in edges)
    assert abs(report.network_main_share - main_length / total) < 1e-9
    degree = defaultdict(int)
    for edge in edges:
        degree[edge.attributes["u"]] += 1
        degree[edge.attributes["v"]] += 1
    assert all(degree[n.attributes["node_id"]] == n.attributes["degree"] for n in nodes)


def test_no_motorways_or_forbidden_ways(helsinki):
    _, out = helsinki
    highways = {e.attributes["highway"] for e in read_layer(out, ps.NETWORK_EDGES).features}
    assert "motorway" not in highways and "footway" in highways


def test_study_area_population_from_density(helsinki):
    report, out = helsinki
    areas = read_layer(out, ps.SUBDISTRICTS).features
    assert len(areas) == 1
    area = areas[0]
    assert area.attributes["population"] == round(9000 * area.geometry.area / 1e6)
    origins = read_layer(out, ps.ORIGINS).features
    assert sum(o.attributes["population"] for o in origins) == area.attributes["population"]
    assert {o.attributes["method"] for o in origins} == {"grid"}
    meta = {f.attributes["key"]: f.attributes["value"]
            for f in read_layer(out, ps.METADATA).features}
    assert meta["crs"] == "EPSG:32635" and "9000" in meta["population_source"]
    assert meta["distance_method"] == "network"
    assert report.crs == "EPSG:32635"


def test_helsinki_pois_classified(helsinki):
    report, _ = helsinki
    assert report.per_type.get("bus_stop", 0) > 50
    assert report.per_type.get("pharmacy", 0) > 0
    assert report.unclassified > 0
