"""Classification: OSM tag rules on the real Changning points, names, categories, merging."""
import json
import re
from collections import Counter

import pytest

from lifecircle_plugin.core.catalogue import load_catalogue
from lifecircle_plugin.core.classify import (
    UNCLASSIFIED,
    Classifier,
    Facility,
    join_osm_identities,
    merge_duplicates,
    similar_names,
)
from lifecircle_plugin.core.sources import read_pois
from lifecircle_plugin.core.sources.records import PoiRecord

FRESH = re.compile(r"生鲜|菜店|果蔬|钱大妈|盒马|叮咚")


@pytest.fixture(scope="module")
def classifier():
    return Classifier(load_catalogue())


@pytest.fixture(scope="module")
def osm_points(changning_dir):
    """The raw features (json) and the reader's records of osm_pois.geojson."""
    path = changning_dir / "osm_pois.geojson"
    raw = json.loads(path.read_text(encoding="utf-8"))["features"]
    return raw, read_pois(path)


def _expected_from_tags(raw):
    """Counts per type straight from the tags, written independently of the rule engine."""
    counts = Counter()
    for feature in raw:
        tags = json.loads(feature["properties"]["tags"])
        name = tags.get("name", "")
        if tags.get("highway") == "bus_stop" or (
                tags.get("public_transport") in ("platform", "stop_position")
                and tags.get("bus") == "yes"):
            counts["bus_stop"] += 1
        elif tags.get("shop") == "convenience":
            counts["convenience_store"] += 1
        elif tags.get("amenity") == "kindergarten" and tags.get("nursery") != "yes" \
                and not re.search("托育|托儿所|宝宝屋", name):
            counts["kindergarten"] += 1
        elif tags.get("amenity") == "school" and re.search("幼儿园|幼稚园", name):
            counts["kindergarten"] += 1
        elif tags.get("amenity") == "pharmacy" or tags.get("healthcare") == "pharmacy":
            counts["pharmacy"] += 1
        elif tags.get("amenity") == "marketplace":
            counts["wet_market"] += 1
        elif tags.get("leisure") in ("pitch", "track"):
            counts["multi_sport_field"] += 1
        elif tags.get("shop") == "supermarket" and FRESH.search(name):
            counts["fresh_food_store"] += 1
        elif tags.get("shop") in ("supermarket", "department_store", "mall"):
            counts["supermarket"] += 1
        elif tags.get("railway") == "subway_entrance" or (
                tags.get("railway") == "station" and tags.get("station") == "subway") or (
                tags.get("public_transport") == "station" and tags.get("subway") == "yes"):
            counts["metro_station"] += 1
    return counts


def test_osm_tag_rules_classify_the_real_points(osm_points, classifier):
    raw, records = osm_points
    expected = _expected_from_tags(raw)
    assert expected["bus_stop"] > 1000 and expected["convenience_store"] > 200
    got = Counter()
    rules = {}
    for record in records:
        type_id, rule = classifier.classify(record)
        got[type_id] += 1
        rules.setdefault(type_id, set()).add(rule)
    for type_id in ("bus_stop", "convenience_store", "kindergarten", "pharmacy", "wet_market",
                    "multi_sport_field", "supermarket", "fresh_food_store", "metro_station"):
        assert got[type_id] == expected[type_id], type_id
    assert rules["bus_stop"] <= {"osm:highway=bus_stop", "osm:public_transport=platform + bus=yes",
                                 "osm:public_transport=stop_position + bus=yes"}
    assert rules["convenience_store"] == {"osm:shop=convenience"}


def test_banks_are_not_renamed_into_post_offices(osm_points, classifier):
    _, records = osm_points
    banks = [r for r in records if r.tags.get("amenity") in ("bank", "atm")]
    assert any("邮政" in (r.name or "") for r in banks)
    assert {classifier.classify(r)[0] for r in banks} == {UNCLASSIFIED}


def test_high_schools_excluded_by_the_rule_stay_out(osm_points, classifier):
    _, records = osm_points
    senior = [r for r in records if r.tags.get("amenity") == "school"
              and re.search("高级中学|高中", r.name or "")]
    assert senior
    assert all(classifier.classify(r)[0] != "junior_secondary_school" for r in senior)


def test_area_rules_use_the_footprint(classifier):
    park = PoiRecord("t", "way/1", "某公园", 121.4, 31.2, tags={"leisure": "park"})
    assert classifier.classify(park, 60000.0)[0] == "district_park"
    assert classifier.classify(park, 20000.0)[0] == "community_park"
    assert classifier.classify(park, 2000.0)[0] == "pocket_green_space"
    assert classifier.classify(park, None)[0] == "pocket_green_space"  # bare point: small


def test_name_patterns_then_categories(classifier):
    def record(name, category=None):
        return PoiRecord("t", "1", name, 121.4, 31.2, category=category)

    assert classifier.classify(record("虹桥街道社区卫生服务中心")) == (
        "community_health_center", "name:社区卫生服务中心")
    assert classifier.classify(record("中央商场维修公司西郊店"))[0] == "household_services"
    assert classifier.classify(record("银龄阁助餐", "foods"))[0] == "elderly_meal_point"
    # a category is sharpened by a name of the same task, not replaced by another task
    assert classifier.classify(record("新华路街道社区党建服务中心", "partybuild"))[0] == \
        "party_mass_center_subdistrict"
    assert classifier.classify(record("天山广场党建服务站", "partybuild")) == (
        "party_mass_station_neighbourhood", "category:partybuild")
    assert classifier.classify(record("人民居委", "actcenter")) == (
        "culture_activity_room", "category:actcenter")
    assert classifier.classify(record("上海松紧带厂", "shop")) == (UNCLASSIFIED, "")
    assert classifier.classify(record(None)) == (UNCLASSIFIED, "")


def test_category_map_must_name_known_types():
    with pytest.raises(ValueError, match="unknown facility types"):
        Classifier(load_catalogue(), {"x": "no_such_type"})


def test_real_community_points_by_category(changning_dir, classifier):
    records = read_pois(changning_dir / "community_points_gcj02.csv", datum="GCJ02")
    by_category = Counter()
    for record in records:
        by_category[(record.category, classifier.classify(record)[0])] += 1
    neighbours = sum(v for (c, _), v in by_category.items() if c == "neighbor")
    assert by_category[("neighbor", "party_mass_station_neighbourhood")] == neighbours
    activity = sum(v for (c, _), v in by_category.items() if c == "actcenter")
    assert by_category[("actcenter", "culture_activity_room")] == activity


def _facility(name, source, x, y, type_id="convenience_store"):
    record = PoiRecord(source, f"{source}-{name}", name, 0, 0)
    return Facility(record, type_id, "name:x", x, y)


def test_duplicates_across_sources_merge_with_sources_kept():
    facilities = [
        _facility("全家便利店(仙霞路店)", "osm", 0, 0),
        _facility("全家 仙霞路店", "amap", 30, 0),  # same shop, another source
        _facility("罗森", "amap", 10, 0),  # different shop, names differ
        _facility("全家便利店", "amap", 80, 0),  # too far
        _facility("全家便利店", "amap", 20, 0, "supermarket"),  # another type
    ]
    kept = merge_duplicates(facilities)
    assert len(kept) == 4
    merged = kept[0]
    assert [s["source"] for s in merged.sources] == ["osm", "amap"]
    assert merged.record.name == "全家便利店(仙霞路店)"


def test_same_list_merges_only_co_located_entries():
    kept = merge_duplicates([_facility("番禺居委会", "dash", 0, 0),
                             _facility("番禺居民区党建服务站", "dash", 1, 1),
                             _facility("番禺居委会", "dash", 20, 0)])
    assert len(kept) == 2 and len(kept[0].sources) == 2


def test_similar_names():
    assert similar_names("上海市长宁区图书馆", "长宁图书馆")
    assert not similar_names("罗森", "全家")
    assert not similar_names(None, "全家")


def test_osm_point_and_area_files_join_on_identity(changning_dir):
    points = read_pois(changning_dir / "osm_pois.geojson")
    areas = read_pois(changning_dir / "osm_poi_polygons.geojson")
    joined = join_osm_identities(points + areas)
    area_ids = {r.source_id for r in areas}
    assert len(joined) == len({r.source_id for r in points} | area_ids)
    with_footprint = {r.source_id for r in joined if r.footprint is not None}
    assert area_ids <= with_footprint
