"""Builds from small inputs made in the test: duplicates, residents, lines, bad input, CLI."""
import json
from collections import defaultdict

import pytest
from shapely.geometry import box

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.build import BuildConfig, SourceSpec, build_project
from lifecircle_plugin.core.build.origins import split_total
from lifecircle_plugin.core.cli import main
from lifecircle_plugin.core.coords import reproject, wgs84_to_gcj02
from lifecircle_plugin.core.errors import Cancelled, InputError
from lifecircle_plugin.core.gpkg import read_layer
from lifecircle_plugin.core.progress import Progress


def _geojson(path, features, crs=None):
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": geometry}
        for props, geometry in features]}
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return path


def _square(x0, y0, size):
    return box(x0, y0, x0 + size, y0 + size).__geo_interface__


def _two_subdistricts(tmp_path, populations=(1001, 2000)):
    """Two 0.01-degree squares in Changning with census-like populations."""
    return _geojson(tmp_path / "subdistricts.geojson", [
        ({"name_zh": "甲街道", "pop_census2010": populations[0], "code_2023": "1"},
         _square(121.40, 31.20, 0.01)),
        ({"name_zh": "乙街道", "pop_census2010": populations[1], "code_2023": "2"},
         _square(121.41, 31.20, 0.01))])


def test_duplicates_across_sources_merged_in_the_project(tmp_path):
    osm = _geojson(tmp_path / "osm.geojson", [
        ({"osm_type": "node", "osm_id": 1, "name": "全家便利店(仙霞路店)",
          "tags": json.dumps({"shop": "convenience", "name": "全家便利店(仙霞路店)"})},
         {"type": "Point", "coordinates": [121.405, 31.205]}),
        ({"osm_type": "node", "osm_id": 2, "name": "好德便利",
          "tags": json.dumps({"shop": "convenience", "name": "好德便利"})},
         {"type": "Point", "coordinates": [121.415, 31.205]})])
    glon, glat = wgs84_to_gcj02(121.4052, 31.2051)  # the same shop, ~25 m away, GCJ-02
    csv_path = tmp_path / "amap.csv"
    csv_path.write_text(f"name,type,lng,lat\n全家 仙霞路店,shop,{float(glon)},{float(glat)}\n"
                        f"安迪造型,care,{float(glon)},{float(glat)}\n", encoding="utf-8")
    out = tmp_path / "p.gpkg"
    report = build_project(BuildConfig(
        out=out, subdistricts=SourceSpec(_two_subdistricts(tmp_path)),
        pois=[SourceSpec(osm), SourceSpec(csv_path, datum="GCJ02")]))
    facilities = {f.attributes["name"]: f.attributes
                  for f in read_layer(out, ps.FACILITIES).features}
    assert set(facilities) == {"全家便利店(仙霞路店)", "好德便利", "安迪造型"}
    merged = json.loads(facilities["全家便利店(仙霞路店)"]["sources"])
    assert [(s["source"], s["source_id"]) for s in merged] == [("osm", "node/1"), ("amap", "2")]
    assert merged[1]["rule"] == "name:全家"
    assert facilities["安迪造型"]["rule"] == "category:care"
    assert report.duplicates_merged == 1
    assert facilities["好德便利"]["subdistrict"] == "乙街道"


def test_residential_polygons_share_population_by_area(tmp_path):
    polygons = _geojson(tmp_path / "xiaoqu.geojson", [
        ({"name": "A"}, _square(121.401, 31.201, 0.002)),
        ({"name": "B"}, _square(121.404, 31.204, 0.004)),  # four times A's area
        ({"name": "C"}, _square(121.412, 31.202, 0.003))])
    out = tmp_path / "p.gpkg"
    report = build_project(BuildConfig(
        out=out, subdistricts=SourceSpec(_two_subdistricts(tmp_path, (1000, 777))),
        residential_polygons=SourceSpec(polygons)))
    origins = read_layer(out, ps.ORIGINS).features
    by_sub = defaultdict(list)
    for origin in origins:
        by_sub[origin.attributes["subdistrict"]].append(origin.attributes["population"])
    assert sorted(by_sub["甲街道"]) == [200, 800]  # 1000 split 1:4 by area
    assert by_sub["乙街道"] == [777]
    assert report.origin_method == "residential_polygons"


def test_residential_polygons_with_their_own_population(tmp_path):
    polygons = _geojson(tmp_path / "xiaoqu.geojson", [
        ({"name": "A", "population": 321}, _square(121.401, 31.201, 0.002)),
        ({"name": "B", "population": 654}, _square(121.412, 31.202, 0.003))])
    out = tmp_path / "p.gpkg"
    build_project(BuildConfig(out=out, subdistricts=SourceSpec(_two_subdistricts(tmp_path)),
                              residential_polygons=SourceSpec(polygons)))
    assert sorted(o.attributes["population"] for o in read_layer(out, ps.ORIGINS).features) \
        == [321, 654]


def test_grid_population_sums_preserved_on_real_subdistricts(changning_dir, tmp_path):
    out = tmp_path / "grid.gpkg"
    report = build_project(BuildConfig(
        out=out, subdistricts=SourceSpec(changning_dir / "subdistricts.geojson"),
        origin_method="grid", grid_size_m=200))
    raw = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    census = {f["properties"]["name_zh"]: f["properties"]["pop_census2010"]
              for f in raw["features"]}
    sums = defaultdict(float)
    origins = read_layer(out, ps.ORIGINS).features
    for origin in origins:
        sums[origin.attributes["subdistrict"]] += origin.attributes["population"]
    assert dict(sums) == census
    counts = defaultdict(int)
    for origin in origins:
        counts[origin.attributes["subdistrict"]] += 1
    for sub in read_layer(out, ps.SUBDISTRICTS).features:
        geometry, cell = sub.geometry, 200.0 * 200.0
        # every cell inside counts once; cells on the boundary add at most a strip
        assert geometry.area / cell <= counts[sub.attributes["name"]] <= (
            geometry.area + geometry.length * 200 * 1.5) / cell + 4
    assert report.origin_method == "grid"


def test_split_total_is_exact():
    shares = split_total(146776, [3.0, 1.0, 1.0, 2.5, 0.1])
    assert shares.sum() == 146776 and all(s == int(s) for s in shares)
    assert split_total(10.5, [1, 1, 1]).sum() == 10.5


def test_subdistrict_without_residential_points_gets_a_grid(tmp_path):
    points = tmp_path / "juweihui.csv"
    points.write_text("name,lng,lat\n甲一居委会,121.402,31.202\n甲二居委会,121.407,31.207\n",
                      encoding="utf-8")
    out = tmp_path / "p.gpkg"
    report = build_project(BuildConfig(
        out=out, subdistricts=SourceSpec(_two_subdistricts(tmp_path)),
        residential_points=SourceSpec(points)))
    methods = defaultdict(set)
    sums = defaultdict(float)
    for origin in read_layer(out, ps.ORIGINS).features:
        methods[origin.attributes["subdistrict"]].add(origin.attributes["method"])
        sums[origin.attributes["subdistrict"]] += origin.attributes["population"]
    assert methods == {"甲街道": {"residential_points"}, "乙街道": {"grid"}}
    assert dict(sums) == {"甲街道": 1001, "乙街道": 2000}
    assert any("乙街道" in w for w in report.warnings)


def test_empty_poi_layer_builds_an_empty_facilities_layer(tmp_path):
    empty = _geojson(tmp_path / "empty.geojson", [])
    out = tmp_path / "p.gpkg"
    report = build_project(BuildConfig(out=out, pois=[SourceSpec(empty)],
                                       subdistricts=SourceSpec(_two_subdistricts(tmp_path))))
    assert report.facilities == 0 and report.unclassified == 0
    layer = read_layer(out, ps.FACILITIES)
    assert layer.features == [] and "facility_type" in layer.fields


def test_line_layer_network_noded_at_intersections(tmp_path):
    x, y = reproject([121.40, 121.42], [31.20, 31.22], "EPSG:4326", "EPSG:4549")
    (x0, x1), (y0, y1) = x, y
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    lines = _geojson(tmp_path / "roads.geojson", [
        ({"highway": "primary"}, {"type": "LineString", "coordinates": [[x0, ym], [x1, ym]]}),
        ({"highway": "footway"}, {"type": "LineString", "coordinates": [[xm, y0], [xm, y1]]}),
        ({"highway": "footway"}, {"type": "LineString",
                                  "coordinates": [[x1 + 500, y0], [x1 + 900, y0]]}),
    ], crs="urn:ogc:def:crs:EPSG::4549")
    out = tmp_path / "p.gpkg"
    report = build_project(BuildConfig(out=out, pois=[], network=SourceSpec(lines),
                                       subdistricts=SourceSpec(_two_subdistricts(tmp_path))))
    edges = read_layer(out, ps.NETWORK_EDGES).features
    assert len(edges) == 5 and report.network_nodes == 7 and report.network_components == 2
    total = sum(e.attributes["length_m"] for e in edges)
    assert abs(total - ((x1 - x0) + (y1 - y0) + 400)) < 1e-6
    assert {e.attributes["highway"] for e in edges} == {"primary", "footway"}
    sources = {f.attributes["kind"]: f.attributes for f in read_layer(out, ps.SOURCES).features}
    assert sources["network:vector"]["crs"] == "EPSG:4549"
    assert sources["network:vector"]["features"] == 5
    assert sorted(e.attributes["component"] for e in edges) == [0, 0, 0, 0, 1]


def test_bad_population_names_file_row_and_field_and_keeps_old_project(tmp_path):
    subdistricts = _geojson(tmp_path / "bad.geojson", [
        ({"name_zh": "甲", "pop_census2010": 5}, _square(121.40, 31.20, 0.01)),
        ({"name_zh": "乙", "pop_census2010": "很多"}, _square(121.41, 31.20, 0.01))])
    good = _geojson(tmp_path / "good.geojson", [
        ({"name_zh": "甲", "pop_census2010": 5}, _square(121.40, 31.20, 0.01))])
    out = tmp_path / "p.gpkg"
    build_project(BuildConfig(out=out, subdistricts=SourceSpec(good)))
    previous = out.read_bytes()  # the planner's previous project (only a project is replaced)
    with pytest.raises(InputError) as info:
        build_project(BuildConfig(out=out, subdistricts=SourceSpec(subdistricts)))
    assert info.value.file == str(subdistricts) and info.value.row == 2
    assert info.value.field == "pop_census2010"
    assert out.read_bytes() == previous


def test_cancel_leaves_no_project(tmp_path, changning_dir):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    out = tmp_path / "p.gpkg"
    with pytest.raises(Cancelled):
        build_project(BuildConfig(out=out, subdistricts=SourceSpec(
            changning_dir / "subdistricts.geojson"), pois=[SourceSpec(
                changning_dir / "osm_pois.geojson")]), Progress(None, cancelled))
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_cli_prints_counts_and_names_bad_input(tmp_path, capsys):
    osm = _geojson(tmp_path / "osm.geojson", [
        ({"osm_type": "node", "osm_id": 1, "name": "某药店",
          "tags": json.dumps({"amenity": "pharmacy"})},
         {"type": "Point", "coordinates": [121.405, 31.205]}),
        ({"osm_type": "node", "osm_id": 2, "name": "某银行",
          "tags": json.dumps({"amenity": "bank"})},
         {"type": "Point", "coordinates": [121.406, 31.205]})])
    out = tmp_path / "p.gpkg"
    code = main(["build", "--subdistricts", str(_two_subdistricts(tmp_path)), "--pois",
                 str(osm), "--out", str(out), "--quiet"])
    printed = capsys.readouterr().out
    assert code == 0 and out.exists()
    assert "pharmacy" in printed and "task  3" in printed
    assert "unclassified POIs: 1" in printed
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lng,lat\nx,abc,31\n", encoding="utf-8")
    code = main(["build", "--pois", f"{bad}:GCJ02", "--out", str(tmp_path / "q.gpkg"),
                 "--quiet"])
    error = capsys.readouterr().err
    assert code == 2 and "row 2" in error and "field lng" in error and str(bad) in error


def test_study_areas_with_their_own_population(tmp_path):
    areas = _geojson(tmp_path / "areas.geojson", [
        ({"name": "north", "population": 5000}, _square(121.40, 31.21, 0.01)),
        ({"name": "south", "population": 3001}, _square(121.40, 31.20, 0.01))])
    pois = _geojson(tmp_path / "p.geojson", [
        ({"name": "某药店", "tags": json.dumps({"amenity": "pharmacy"})},
         {"type": "Point", "coordinates": [121.405, 31.205]})])
    out = tmp_path / "p.gpkg"
    report = build_project(BuildConfig(out=out, pois=[SourceSpec(pois)],
                                       study_area=SourceSpec(areas), grid_size_m=250))
    sums = defaultdict(float)
    for origin in read_layer(out, ps.ORIGINS).features:
        sums[origin.attributes["subdistrict"]] += origin.attributes["population"]
    assert dict(sums) == {"north": 5000, "south": 3001}
    assert "own population" in report.population_source
    assert report.per_type == {"pharmacy": 1}


def test_residential_points_without_known_population_weigh_one_each(tmp_path):
    points = tmp_path / "homes.csv"
    points.write_text("name,lng,lat\nA,121.402,31.202\nB,121.403,31.203\nC,121.404,31.204\n",
                      encoding="utf-8")
    out = tmp_path / "p.gpkg"
    report = build_project(BuildConfig(out=out, pois=[], residential_points=SourceSpec(points),
                                       study_area=SourceSpec(_geojson(
                                           tmp_path / "area.geojson",
                                           [({"name": "x"}, _square(121.40, 31.20, 0.01))]))))
    populations = [o.attributes["population"] for o in read_layer(out, ps.ORIGINS).features]
    assert populations == [1.0, 1.0, 1.0]
    assert report.population is None and "unknown" in report.population_source


def test_cli_source_syntax():
    from lifecircle_plugin.core.build.cli import _spec

    spec = _spec("/data/amap.csv:gcj-02")
    assert spec.path.name == "amap.csv" and spec.datum == "GCJ02"
    spec = _spec("/data/base.gpkg|layername=学校")
    assert spec.path.name == "base.gpkg" and spec.layer == "学校" and spec.datum == "WGS84"
    assert _spec("C:/data/x.csv").path.name == "x.csv"


@pytest.mark.parametrize("lonlat, expected", [
    ((121.38, 31.21), "EPSG:4549"),  # Changning: CGCS2000 GK 3-degree zone, CM 120E
    ((116.40, 39.90), None),  # Beijing: the GK zone whose meridian is nearest
    ((113.26, 23.13), None),  # Guangzhou
    ((24.94, 60.17), "EPSG:32635"),  # Helsinki: UTM 35N
    ((151.21, -33.87), "EPSG:32756"),  # Sydney: UTM 56S
])
def test_crs_chosen_for_the_area(lonlat, expected):
    from pyproj import CRS

    from lifecircle_plugin.core.build.crs import choose_crs

    code = choose_crs(lonlat)
    if expected:
        assert code == expected
    crs = CRS.from_user_input(code)
    if "CGCS2000" in crs.name:
        assert "3-degree Gauss-Kruger CM" in crs.name
        meridian = float(crs.name.rsplit("CM ", 1)[1].rstrip("E"))
        assert abs(lonlat[0] - meridian) <= 1.5  # inside its own 3-degree zone
    else:
        assert "UTM" in crs.name


def test_walkable_ways():
    from lifecircle_plugin.core.build.network import is_walkable

    assert is_walkable({"highway": "footway"})
    assert is_walkable({"highway": "residential", "access": "private", "foot": "yes"})
    assert not is_walkable({"highway": "residential", "access": "private"})
    assert not is_walkable({"highway": "motorway"})
    assert not is_walkable({"highway": "motorway", "foot": "no"})
    assert not is_walkable({"highway": "trunk"})
    assert is_walkable({"highway": "trunk", "foot": "designated"})
    assert not is_walkable({"highway": "cycleway", "foot": "no"})
    assert not is_walkable({"highway": "construction"})
