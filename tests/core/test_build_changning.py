"""The real Changning build: counts from the raw files by another route, populations, schema."""
import csv
import json
import re
from collections import Counter, defaultdict

import pytest
from shapely.geometry import Point, shape

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.build import build_project, changning_config
from lifecircle_plugin.core.coords import geod
from lifecircle_plugin.core.gpkg import layer_names, read_layer

GEOD = geod()


@pytest.fixture(scope="module")
def changning(changning_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("changning") / "project.gpkg"
    report = build_project(changning_config(changning_dir.parent, out))
    return report, out


@pytest.fixture(scope="module")
def facilities(changning):
    return read_layer(changning[1], ps.FACILITIES).features


def _raw_pois(changning_dir):
    return json.loads((changning_dir / "osm_pois.geojson").read_text("utf-8"))["features"]


def _raw_park_areas(changning_dir):
    """Geodesic footprint area (m2) of each OSM area, keyed like the project's source_id."""
    raw = json.loads((changning_dir / "osm_poi_polygons.geojson").read_text("utf-8"))
    areas = {}
    for feature in raw["features"]:
        area, _ = GEOD.geometry_area_perimeter(shape(feature["geometry"]))
        props = feature["properties"]
        areas[f"{props['osm_type']}/{props['osm_id']}"] = abs(area)
    return areas


def _source_entries(facilities, type_id, source=None):
    """Raw records behind the facilities of a type (merged duplicates included)."""
    return sum(1 for f in facilities if f.attributes["facility_type"] == type_id
               for s in json.loads(f.attributes["sources"])
               if source is None or s["source"] == source)


def test_tag_counts_match_the_raw_file(changning_dir, facilities):
    raw = _raw_pois(changning_dir)
    tags = [json.loads(f["properties"]["tags"]) for f in raw]
    bus = sum(1 for t in tags if t.get("highway") == "bus_stop"
              or (t.get("public_transport") == "platform" and t.get("bus") == "yes"))
    convenience = sum(1 for t in tags if t.get("shop") == "convenience")
    pitches = sum(1 for t in tags if t.get("leisure") in ("pitch", "track"))
    markets = sum(1 for t in tags if t.get("amenity") == "marketplace")
    assert _source_entries(facilities, "bus_stop", "osm_pois") == bus
    assert _source_entries(facilities, "convenience_store", "osm_pois") == convenience
    assert _source_entries(facilities, "multi_sport_field", "osm_pois") == pitches
    assert _source_entries(facilities, "wet_market", "osm_pois") == markets


def test_park_sizes_follow_footprint_areas(changning_dir, facilities):
    """Parks split by area (1 ha, 5 ha) exactly as geodesic areas of the raw polygons say."""
    areas = _raw_park_areas(changning_dir)
    parks = [f for f in _raw_pois(changning_dir)
             if json.loads(f["properties"]["tags"]).get("leisure") == "park"
             and json.loads(f["properties"]["tags"]).get("access") not in ("private", "no")]
    by_id = {f"{p['properties']['osm_type']}/{p['properties']['osm_id']}": p for p in parks}
    expected = Counter()
    for source_id in by_id:
        area = areas.get(source_id)
        if area is None or area < 10000:
            expected["pocket_green_space"] += 1
        elif area < 50000:
            expected["community_park"] += 1
        else:
            expected["district_park"] += 1
    got = Counter(f.attributes["facility_type"] for f in facilities
                  if f.attributes["source_id"] in by_id)
    assert expected["district_park"] > 10
    for type_id in ("community_park", "district_park"):
        assert abs(got[type_id] - expected[type_id]) <= 1, type_id  # GK vs geodesic at 1 ha
    assert sum(got.values()) == len(by_id)


def test_community_points_all_accounted_for(changning_dir, changning):
    report, out = changning
    with open(changning_dir / "community_points_gcj02.csv", encoding="utf-8-sig",
              newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["lng"].strip()]
    facilities = read_layer(out, ps.FACILITIES).features
    unclassified = read_layer(out, ps.UNCLASSIFIED, where="source = 'community_points'")
    in_facilities = sum(1 for f in facilities for s in json.loads(f.attributes["sources"])
                        if s["source"] == "community_points")
    assert in_facilities + len(unclassified.features) == len(rows)
    assert report.unclassified_by_source["community_points"] == len(unclassified.features)
    types = Counter(r["type"] for r in rows)
    centres = sum(1 for r in rows if r["type"] == "partybuild"
                  and re.search("党建服务中心|党群服务中心", r["name"]))
    assert _source_entries(facilities, "party_mass_station_neighbourhood",
                           "community_points") == types["neighbor"] + types["partybuild"] - centres
    assert _source_entries(facilities, "culture_activity_room",
                           "community_points") == types["actcenter"]


def test_report_counts_match_the_file(changning, facilities):
    report, _ = changning
    assert report.per_type == dict(Counter(f.attributes["facility_type"] for f in facilities))
    assert report.per_task == dict(Counter(f.attributes["task"] for f in facilities))
    assert report.facilities == len(facilities)
    inside = [f for f in facilities if f.attributes["subdistrict"]]
    assert report.per_type_inside == dict(Counter(f.attributes["facility_type"] for f in inside))
    assert report.per_task_inside == dict(Counter(f.attributes["task"] for f in inside))
    summary = "\n".join(report.summary_lines())
    assert f"unclassified POIs: {report.unclassified}" in summary
    assert "bus_stop" in summary


def test_population_per_subdistrict_preserved_exactly(changning_dir, changning):
    _, out = changning
    raw = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    census = {f["properties"]["name_zh"]: f["properties"]["pop_census2010"]
              for f in raw["features"]}
    sums = defaultdict(float)
    origins = read_layer(out, ps.ORIGINS).features
    for origin in origins:
        sums[origin.attributes["subdistrict"]] += origin.attributes["population"]
        assert origin.attributes["method"] == "residential_points"
    assert dict(sums) == census
    assert sum(census.values()) == 690571


def test_origins_lie_in_their_subdistrict(changning):
    _, out = changning
    polygons = {f.attributes["name"]: f.geometry for f in read_layer(out, ps.SUBDISTRICTS).features}
    for origin in read_layer(out, ps.ORIGINS).features:
        assert polygons[origin.attributes["subdistrict"]].buffer(200).contains(origin.geometry)


def test_facility_fields_follow_the_schema(changning, facilities):
    _, out = changning
    names = layer_names(out)
    for layer in (ps.FACILITIES, ps.FOOTPRINTS, ps.SUBDISTRICTS, ps.ORIGINS, ps.UNCLASSIFIED,
                  ps.METADATA, ps.SOURCES):
        assert layer in names
    assert set(ps.LAYERS[ps.FACILITIES][1]) <= set(facilities[0].attributes)
    uuids = [f.attributes["uuid"] for f in facilities]
    assert len(set(uuids)) == len(uuids)
    assert {f.attributes["status"] for f in facilities} == {"existing"}
    assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$",
                        f.attributes["updated_at"]) for f in facilities)
    assert all(f.attributes["rule"] for f in facilities)
    rules = {f.attributes["rule"].split(":")[0] for f in facilities}
    assert rules == {"osm", "name", "category"}


def test_subdistrict_assignment_by_point_in_polygon(changning, facilities):
    _, out = changning
    polygons = {f.attributes["name"]: f.geometry for f in read_layer(out, ps.SUBDISTRICTS).features}
    for facility in facilities[::25]:
        name = facility.attributes["subdistrict"]
        inside = [n for n, g in polygons.items() if g.intersects(facility.geometry)]
        assert (inside[:1] or [None])[0] == name


def test_gcj02_points_moved_to_wgs84_positions(changning_dir, changning, facilities):
    """A 居委会 from the GCJ-02 list sits hundreds of metres from its raw GCJ-02 numbers."""
    from lifecircle_plugin.core.coords import reproject

    with open(changning_dir / "community_points_gcj02.csv", encoding="utf-8-sig",
              newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["name"] == "番禺居委会")
    facility = next(f for f in facilities if f.attributes["name"] == "番禺居委会")
    lon, lat = reproject([facility.geometry.x], [facility.geometry.y], "EPSG:4549",
                         "EPSG:4326")
    _, _, distance = GEOD.inv(float(lon[0]), float(lat[0]), float(row["lng"]),
                              float(row["lat"]))
    assert 300 < distance < 700


def test_metadata_and_sources_tables(changning_dir, changning):
    import hashlib

    _, out = changning
    meta = {f.attributes["key"]: f.attributes["value"]
            for f in read_layer(out, ps.METADATA).features}
    for key in ps.METADATA_KEYS:
        assert key in meta, key
    assert meta["crs"] == "EPSG:4549" and meta["origin_method"] == "residential_points"
    sources = {f.attributes["source"]: f.attributes for f in read_layer(out, ps.SOURCES).features}
    digest = hashlib.sha256((changning_dir / "community_points_gcj02.csv").read_bytes())
    assert sources["community_points"]["sha256"] == digest.hexdigest()
    assert set(sources) == {"osm_pois", "osm_poi_polygons", "community_points",
                            "neighbourhood_committees", "subdistricts"}
    assert sources["community_points"]["crs"] == "GCJ02"
    assert sources["subdistricts"]["crs"] == "EPSG:4326"
    assert sources["subdistricts"]["kind"] == "subdistricts:vector"
    assert "OpenStreetMap" in sources["osm_pois"]["attribution"]


def test_footprints_link_to_facilities(changning, facilities):
    _, out = changning
    footprints = read_layer(out, ps.FOOTPRINTS).features
    by_uuid = {f.attributes["uuid"]: f for f in facilities}
    assert len(footprints) > 500
    for footprint in footprints[::20]:
        facility = by_uuid[footprint.attributes["facility_uuid"]]
        assert footprint.geometry.buffer(1).contains(facility.geometry)
        assert abs(footprint.geometry.area - footprint.attributes["area_m2"]) < 1e-6 * max(
            1.0, footprint.attributes["area_m2"])


def test_points_of_osm_data_stay_put(changning_dir, facilities):
    """An OSM node's projected position converts back to its raw WGS84 coordinates."""
    from lifecircle_plugin.core.coords import reproject

    raw = {f"{f['properties']['osm_type']}/{f['properties']['osm_id']}": f
           for f in _raw_pois(changning_dir)}
    node = next(f for f in facilities if f.attributes["source_id"].startswith("node/"))
    lon, lat = reproject([node.geometry.x], [node.geometry.y], "EPSG:4549", "EPSG:4326")
    expected = raw[node.attributes["source_id"]]["geometry"]["coordinates"]
    assert Point(float(lon[0]), float(lat[0])).distance(Point(expected)) < 1e-7
