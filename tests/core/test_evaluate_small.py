"""Indicators on a small network whose every number is worked out by hand below.

        8 (100,600)
        |  edge 5-8, 500 m; o5 at (100,550)
        5 (100,100)
        |  edge 2-5; o2 at (100,90)
 1 ---- 2 ---- 3 ---- 4        island 6 ---- 7 at x = 1000..1100, o3 at (1050,5)
(0,0) (100,0) (200,0) (300,0)
 o0 at (50,10) on 1-2 (offset 10); o1 at (250,0) on 3-4; o4 at (5000,5000) is far off.
 Sub-district A = box(-10,-10,150,150): o0 (10), o2 (30), o5 (50) -> 90 residents.
 Sub-district B = box(150,-10,1200,150): o1 (20), o3 (40) -> 60; o4 (5) is in neither.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.cli import main as cli_main
from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.evaluate import (
    EvaluationOptions,
    evaluate,
    evaluate_project,
    load_project,
)
from lifecircle_plugin.core.gpkg import read_layer
from lifecircle_plugin.core.siting import SiteScorer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_fixtures import make_project  # noqa: E402

EDGES = [(1, 2, [(0, 0), (100, 0)]), (2, 3, [(100, 0), (200, 0)]),
         (3, 4, [(200, 0), (300, 0)]), (2, 5, [(100, 0), (100, 100)]),
         (5, 8, [(100, 100), (100, 600)]), (6, 7, [(1000, 0), (1100, 0)])]
ORIGINS = [(50, 10, 10, "A"), (250, 0, 20, "B"), (100, 90, 30, "A"), (1050, 5, 40, "B"),
           (5000, 5000, 5, None), (100, 550, 50, "A")]
FACILITIES = [(0, 0, "convenience_store", "existing"),
              (300, 0, "convenience_store", "closed"),
              (300, 5, "pharmacy", "planned"),
              (150, 0, "kindergarten", "under_construction", 90.0),
              (30, 0, "bus_stop", "existing")]
SUBDISTRICTS = [("A", (-10, -10, 150, 150)), ("B", (150, -10, 1200, 150))]
FOOTPRINTS = [("pocket_green_space", box(0, 20, 40, 60)),  # 1,600 m2 in A
              ("pocket_green_space", box(50, 20, 60, 30))]  # 100 m2: below the 400 m2 rule
INF = math.inf


@pytest.fixture()
def project(tmp_path):
    return make_project(tmp_path / "project.gpkg", EDGES, ORIGINS, FACILITIES, SUBDISTRICTS,
                        footprints=FOOTPRINTS)


@pytest.fixture()
def today(project):
    return evaluate(load_project(project), EvaluationOptions())


def row(rows, subdistrict, facility_type):
    return next(r for r in rows if r["subdistrict"] == subdistrict
                and r["facility_type"] == facility_type)


def task(rows, subdistrict, number):
    return next(r for r in rows if r["subdistrict"] == subdistrict and r["task"] == number)


def test_distances_by_hand(today):
    expected = {
        # o0: offset 10 + 50 to node 1; o2: 100 + 90; o5: 100 + 100 + 450
        "convenience_store": [60, 250, 190, INF, INF, 650],
        # kindergarten 50 m from nodes 2 and 3
        "kindergarten": [110, 100, 140, INF, INF, 600],
        # bus stop on o0's own edge: 10 + (50 - 30) directly, not via a node
        "bus_stop": [30, 220, 160, INF, INF, 620],
    }
    for type_id, values in expected.items():
        np.testing.assert_allclose(today.distances[:, today.column(type_id)], values,
                                   atol=1e-4)
    assert today.no_data[today.column("pharmacy")]  # planned only: no data today
    flags = today.origin_flags
    assert flags["snapped"].tolist() == [True, True, True, True, False, True]
    assert flags["on_island"].tolist() == [False, False, False, True, False, False]
    assert flags["snap_offset_m"][0] == pytest.approx(10.0)
    assert today.method == "network"
    assert today.minutes()[0, today.column("convenience_store")] == pytest.approx(60 / 66.7)
    assert today.minutes("older_adult")[0, today.column("convenience_store")] == \
        pytest.approx(60 / 50.0)


def test_subdistrict_shares_by_hand(today):
    a = row(today.subdistrict_rows, "A", "convenience_store")
    assert a["population"] == 90
    assert a["covered_population"] == 40  # o0 + o2; o5 is 650 m away
    assert a["share"] == pytest.approx(40 / 90)
    assert a["share_5min"] == pytest.approx(40 / 90)  # 333.5 m
    assert a["share_10min"] == pytest.approx(1.0)  # 667 m reaches o5 at 650 m
    assert a["share_15min_older"] == pytest.approx(1.0)  # 750 m
    assert a["share_alt"] == pytest.approx(40 / 90)  # 500 m
    assert a["meets_target"] == 0
    assert a["facilities"] == 1 and a["per_10k"] == pytest.approx(1e4 / 90)
    assert a["mean_distance_m"] == pytest.approx((10 * 60 + 30 * 190 + 50 * 650) / 90)
    assert a["p85_distance_m"] == pytest.approx(651.0)  # 76.5 of 90 reached at o5 (1 m bin)
    b = row(today.subdistrict_rows, "B", "convenience_store")
    assert b["share"] == pytest.approx(20 / 60) and b["facilities"] == 0  # closed: not counted
    district = row(today.subdistrict_rows, ps.DISTRICT_WIDE, "convenience_store")
    assert district["population"] == 155
    assert district["share"] == pytest.approx(60 / 155)
    assert district["method"] == "network"
    none = row(today.subdistrict_rows, "A", "pharmacy")
    assert none["no_data"] == 1 and none["share"] is None and none["meets_target"] is None
    assert none["facilities"] == 0
    real_zero = row(today.subdistrict_rows, "B", "kindergarten")
    assert real_zero["no_data"] == 0 and real_zero["share"] == pytest.approx(20 / 60)


def test_tasks_and_district_composite_by_hand(today):
    commerce = task(today.task_rows, "A", 3)
    assert commerce["basic_types"] == 8 and commerce["basic_types_no_data"] == 7
    assert commerce["share_all_basic"] == pytest.approx(40 / 90)
    assert commerce["mean_share"] == pytest.approx(40 / 90)
    assert commerce["meets_target"] == 0
    learning = task(today.task_rows, "A", 8)  # kindergarten: o5 at 600 m > 300 m
    assert learning["share_all_basic"] == pytest.approx(40 / 90)
    # every basic type with data (shop, kindergarten, bus stop) within 15 min = 1000.5 m
    assert task(today.task_rows, "A", 0)["share_all_basic"] == pytest.approx(1.0)
    assert task(today.task_rows, "A", 0)["meets_target"] == 1
    assert task(today.task_rows, ps.DISTRICT_WIDE, 0)["share_all_basic"] == \
        pytest.approx(110 / 155)
    assert task(today.task_rows, "B", 0)["meets_target"] == 0


def test_provision_green_and_network_density(today):
    green = row(today.subdistrict_rows, "A", "pocket_green_space")
    assert green["area_m2"] == pytest.approx(1600.0)  # the 100 m2 lawn does not count
    assert green["m2_per_resident"] == pytest.approx(1600 / 90)
    assert green["rule_m2_per_resident"] == 1.0 and green["meets_area_rule"] == 1
    network = row(today.subdistrict_rows, "A", "slow_traffic_network")
    # inside A: 1-2 (100) + 50 of 2-3 + 2-5 (100) + 50 of 5-8 = 300 m on 0.0256 km2
    assert network["network_km_per_km2"] == pytest.approx(0.3 / 0.0256)
    assert network["intersections_per_km2"] == pytest.approx(1 / 0.0256)  # node 2


def test_two_step_floating_catchment_by_hand(today):
    # kindergarten: 90 places; within 300 m o0, o1, o2 (60 children) -> R = 1.5 per child
    access = today.sfca["kindergarten"]
    np.testing.assert_allclose(access, [1.5, 1.5, 1.5, 0, 0, 0])
    assert row(today.subdistrict_rows, "A", "kindergarten")["sfca_mean"] == \
        pytest.approx((10 + 30) * 1.5 / 90)
    assert row(today.subdistrict_rows, ps.DISTRICT_WIDE, "kindergarten")["sfca_mean"] == \
        pytest.approx(60 * 1.5 / 155)
    assert "convenience_store" not in today.sfca  # no capacity given: no 2SFCA


def test_planned_scenario_reports_who_gains(project):
    planned = evaluate(load_project(project), EvaluationOptions(scenario="planned"))
    k = planned.column("pharmacy")
    # pharmacy 5 m off node 4: o0 10+50+200+5, o1 5+50, o2 205+90, o5 205+100+450 (> 500)
    np.testing.assert_allclose(planned.distances[:, k], [265, 55, 295, INF, INF, 755],
                               atol=1e-4)
    a = row(planned.subdistrict_rows, "A", "pharmacy")
    assert a["gained_population"] == 40 and a["baseline_share"] is None
    assert row(planned.subdistrict_rows, "B", "pharmacy")["gained_population"] == 20
    shop = row(planned.subdistrict_rows, "B", "convenience_store")
    assert shop["gained_population"] == 0  # the closed shop never counts


def test_threshold_boundary_exact_and_one_centimetre_beyond(tmp_path):
    line = [(1, 2, [(0, 0), (1000, 0)])]
    for x, expected in ((300.0, True), (300.01, False), (299.99, True)):
        path = make_project(tmp_path / f"b{x}.gpkg", line, [(0, 0, 1, "A")],
                            [(x, 0, "convenience_store", "existing")],
                            [("A", (-10, -10, 1010, 10))])
        ev = evaluate(load_project(path), EvaluationOptions(types=["convenience_store"]))
        assert bool(ev.covered()[0, 0]) is expected, x


def test_straight_line_mode_is_labelled_everywhere(project):
    for detour, label in ((None, "straight_line_x1.3"), (1.5, "straight_line_x1.5")):
        ev = evaluate(load_project(project), EvaluationOptions(use_network=False,
                                                               detour_factor=detour))
        factor = detour or 1.3
        k = ev.column("convenience_store")
        assert ev.distances[0, k] == pytest.approx(math.hypot(50, 10) * factor, abs=1e-3)
        assert np.isinf(ev.distances[4, k])  # 7 km away: beyond every threshold
        assert {r["method"] for r in ev.subdistrict_rows} == {label}
        assert {r["method"] for r in ev.task_rows} == {label}
        area = next(a for a in ev.service_areas if a["facility_type"] == "convenience_store"
                    and a["minutes"] is None)
        assert area["geometry"].area == pytest.approx(math.pi * (300 / factor) ** 2, rel=0.01)


def test_service_areas_follow_reached_edges(today):
    areas = {(a["facility_type"], a["minutes"]): a for a in today.service_areas}
    own = areas[("convenience_store", None)]
    assert own["distance_m"] == 300.0 and own["method"] == "network"
    ten = areas[("convenience_store", 10)]["geometry"]  # 667 m: up to y = 567, + 25 m
    assert own["geometry"].contains(shapely.Point(100, 150))  # 250 m along the network
    assert not own["geometry"].contains(shapely.Point(100, 450))  # 550 m
    assert ten.contains(shapely.Point(100, 450)) and not ten.contains(shapely.Point(100, 640))
    assert not ten.contains(shapely.Point(1050, 0))  # the island is never reached


def test_results_written_and_replaced_per_scenario(project):
    evaluate_project(project, EvaluationOptions())
    evaluate_project(project, EvaluationOptions())  # same scenario again: replaced
    evaluate_project(project, EvaluationOptions(scenario="planned"))
    sub = read_layer(project, ps.SUBDISTRICT_RESULTS).features
    by_scenario = {s: sum(f.attributes["scenario"] == s for f in sub)
                   for s in ("existing", "planned")}
    assert by_scenario["existing"] == by_scenario["planned"] > 0
    origins = read_layer(project, ps.ORIGIN_RESULTS, where="scenario = 'existing'").features
    assert len(origins) == len(ORIGINS)
    o0 = next(f for f in origins if f.attributes["origin_uuid"] == "o0")
    assert o0.attributes["d_convenience_store"] == pytest.approx(60.0)
    assert o0.attributes["d_pharmacy"] is None  # no data / beyond reach: NULL, not a number
    assert o0.attributes["basic_types_reached_15min"] == 3
    assert o0.attributes["basic_types_total"] == 3
    far = next(f for f in origins if f.attributes["origin_uuid"] == "o4")
    assert far.attributes["snapped"] == 0
    island = next(f for f in origins if f.attributes["origin_uuid"] == "o3")
    assert island.attributes["on_island"] == 1
    gains = read_layer(project, ps.ACCESS_GAINS).features
    assert sorted(f.attributes["origin_uuid"] for f in gains
                  if f.attributes["facility_type"] == "pharmacy") == ["o0", "o1", "o2"]
    gaps = read_layer(project, ps.GAPS, where="scenario = 'existing'").features
    shop_gaps = sorted(f.attributes["origin_uuid"] for f in gaps
                       if f.attributes["facility_type"] == "convenience_store")
    assert shop_gaps == ["o3", "o4", "o5"]
    assert not any(f.attributes["facility_type"] == "pharmacy" for f in gaps)  # no data
    assert {f.attributes["method"] for f in gaps} == {"network"}
    areas = read_layer(project, ps.SERVICE_AREAS, where="scenario = 'existing'").features
    assert {f.attributes["facility_type"] for f in areas} == {
        "convenience_store", "kindergarten", "bus_stop"}


def test_site_scores_by_hand(today):
    scorer = SiteScorer(today)
    scores = scorer.score_point(100, 300)  # on edge 5-8, 200 m from node 5
    assert scores["convenience_store"] == 50  # o5 at 250 m, the only one uncovered
    assert scores["kindergarten"] == 50
    assert scores["pharmacy"] == 110  # no pharmacy yet: o0 360, o1 450, o2 210, o5 250
    assert scores["bus_stop"] == 50
    picks = scorer.best_k("pharmacy", [300, 100, 100], [0, 300, 600], 2)
    assert [(p.index, p.new_population, p.cumulative_population) for p in picks] == \
        [(1, 110.0, 110.0)]  # afterwards only unreachable o3/o4 remain: no second pick
    batch = scorer.score_points([100, 300], [300, 0])
    assert batch[0, scorer.type_ids.index("pharmacy")] == 110
    assert batch[1, scorer.type_ids.index("pharmacy")] == 60  # o0 260, o1 50, o2 290


def test_site_scores_straight_line(project):
    ev = evaluate(load_project(project), EvaluationOptions(use_network=False,
                                                           service_areas=False))
    scores = SiteScorer(ev).score_point(100, 300)
    reach = [pop for x, y, pop, _ in ORIGINS if math.hypot(x - 100, y - 300) * 1.3 <= 500]
    assert scores["pharmacy"] == sum(reach) == 110


def test_cli_evaluate(project, capsys):
    assert cli_main(["evaluate", str(project), "--no-network", "--detour", "1.4"]) == 0
    out = capsys.readouterr().out
    assert "straight_line_x1.4" in out and "no data" in out
    assert cli_main(["evaluate", str(project), "--scenario", "planned"]) == 0


def test_bad_input_names_layer_and_field(tmp_path, project):
    from lifecircle_plugin.core.gpkg import open_dataset

    dataset = open_dataset(project, update=True)
    dataset.ExecuteSQL("UPDATE origins SET population = -1 WHERE uuid = 'o2'")
    dataset = None
    with pytest.raises(InputError) as error:
        load_project(project)
    assert error.value.layer == ps.ORIGINS and error.value.field == "population"
    with pytest.raises(InputError) as error:
        load_project(tmp_path / "missing.gpkg")
    assert "missing.gpkg" in str(error.value)
    with pytest.raises(InputError):
        evaluate(load_project(make_project(tmp_path / "p2.gpkg", EDGES, ORIGINS, FACILITIES,
                                           SUBDISTRICTS)),
                 EvaluationOptions(scenario="someday"))
