"""Every Life Circle algorithm through processing.run on the real Changning data.

Expected numbers come from the raw files (json) or the project GeoPackage read with
sqlite3/fiona, and for site scores from a small numpy computation of "uncovered residents
within the threshold", never from the algorithm's own code path.
"""
from __future__ import annotations

import json
import shutil
import sqlite3

import fiona
import numpy as np
import pytest


def rows(gpkg, sql, *args):
    with sqlite3.connect(str(gpkg)) as db:
        return db.execute(sql, args).fetchall()


@pytest.fixture(scope="module")
def processing(processing_ready):
    import processing as qgis_processing

    return qgis_processing


def test_provider_lists_the_stable_ids(processing_ready):
    ids = {a.id() for a in processing_ready.algorithms()}
    assert {"lifecircle:buildproject", "lifecircle:evaluate", "lifecircle:scoresites",
            "lifecircle:bestsites"} <= ids


def test_buildproject_on_changning(processing, changning_dir, tmp_path):
    out = tmp_path / "built.gpkg"
    result = processing.run("lifecircle:buildproject", {
        "SUBDISTRICTS": str(changning_dir / "subdistricts.geojson"),
        "POIS_WGS84": [str(changning_dir / "osm_pois.geojson")],
        "POIS_GCJ02": [str(changning_dir / "community_points_gcj02.csv")],
        "OUTPUT": str(out)})
    subdistricts = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    assert result["SUBDISTRICT_COUNT"] == len(subdistricts["features"]) == 10
    assert result["FACILITIES"] == rows(out, "SELECT COUNT(*) FROM facilities")[0][0] > 500
    census = sum(f["properties"]["pop_census2010"] for f in subdistricts["features"])
    stored = rows(out, "SELECT SUM(population) FROM origins")[0][0]
    assert stored == pytest.approx(census)
    assert result["ORIGINS"] == rows(out, "SELECT COUNT(*) FROM origins")[0][0]


def test_buildproject_bad_input_is_a_readable_error(processing, tmp_path):
    from qgis.core import QgsProcessingException

    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("lifecircle:buildproject", {
            "SUBDISTRICTS": str(broken), "POIS_WGS84": [str(broken)],
            "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "broken.geojson" in str(error.value)
    assert not (tmp_path / "x.gpkg").exists()


def test_evaluate_writes_one_row_per_subdistrict_and_type(processing, project_copy):
    result = processing.run("lifecircle:evaluate", {"PROJECT": str(project_copy)})
    origins = rows(project_copy, "SELECT COUNT(*) FROM origins")[0][0]
    assert result["ORIGINS"] == origins
    names = rows(project_copy, "SELECT COUNT(DISTINCT name) FROM subdistricts")[0][0]
    stored = rows(project_copy, "SELECT COUNT(*) FROM subdistrict_results")[0][0]
    # one row per sub-district and type, plus the district-wide (全区) row per type
    assert result["SUBDISTRICT_ROWS"] == stored == (names + 1) * result["TYPES"]
    assert rows(project_copy, "SELECT COUNT(*) FROM origin_results")[0][0] == origins


def _uncovered_within(gpkg, type_id, x, y):
    """Residents not yet within the type's threshold who are within it from (x, y).

    Straight-line method (the Changning project has no network): distance x detour.
    """
    threshold, detour = _threshold_and_detour(gpkg, type_id)
    with fiona.open(str(gpkg), layer="origin_results") as layer:
        records = [(r["geometry"]["coordinates"], r["properties"]) for r in layer
                   if r["properties"]["scenario"] == "existing"]
    xy = np.array([c for c, _ in records], float)
    pop = np.array([p["population"] for _, p in records], float)
    current = np.array([p[f"d_{type_id}"] if p[f"d_{type_id}"] is not None else np.inf
                        for _, p in records], float)
    uncovered = current > threshold
    reach = np.hypot(xy[:, 0] - x, xy[:, 1] - y) * detour <= threshold
    return float(pop[uncovered & reach].sum()), xy, pop, uncovered, threshold, detour


def _threshold_and_detour(gpkg, type_id):
    threshold = rows(gpkg, "SELECT threshold_m FROM subdistrict_results WHERE facility_type=?"
                     " LIMIT 1", type_id)[0][0]
    method = rows(gpkg, "SELECT method FROM subdistrict_results LIMIT 1")[0][0]
    assert method.startswith("straight_line_x")
    return threshold, float(method.rsplit("x", 1)[1])


def _origins_layer(gpkg):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername=origins", "candidates", "ogr")
    assert layer.isValid()
    return layer


def test_scoresites_matches_an_independent_count(processing, evaluated_project):
    candidates = _origins_layer(evaluated_project)
    result = processing.run("lifecircle:scoresites", {
        "PROJECT": str(evaluated_project), "CANDIDATES": candidates,
        "TYPES": [], "OUTPUT": "memory:"})
    scored = result["OUTPUT"]
    assert scored.featureCount() == candidates.featureCount()
    for feature in list(scored.getFeatures())[:25]:
        point = feature.geometry().asPoint()
        for type_id in ("kindergarten", "supermarket"):
            expected = _uncovered_within(evaluated_project, type_id, point.x(), point.y())[0]
            assert feature[type_id] == pytest.approx(expected, abs=1e-6)


def test_bestsites_first_pick_is_the_best_single_site(processing, evaluated_project, tmp_path):
    project = tmp_path / "p.gpkg"
    shutil.copy(evaluated_project, project)
    from lifecircle_plugin.processing.sites import evaluated_type_ids

    type_id = "kindergarten"
    result = processing.run("lifecircle:bestsites", {
        "PROJECT": str(project), "FACILITY_TYPE": evaluated_type_ids().index(type_id),
        "K": 3, "WRITE_PROJECT": True, "OUTPUT": "memory:"})
    picks = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["rank"])
    assert 1 <= len(picks) == result["SITES"] <= 3
    _, xy, pop, uncovered, threshold, detour = _uncovered_within(project, type_id, 0, 0)
    gains = [pop[uncovered & (np.hypot(xy[:, 0] - x, xy[:, 1] - y) * detour <= threshold)]
             .sum() for x, y in xy]
    assert picks[0]["new_population"] == pytest.approx(max(gains))
    cumulative = [p["cumulative_population"] for p in picks]
    assert cumulative == sorted(cumulative)
    stored = rows(project, "SELECT COUNT(*) FROM site_scores WHERE facility_type=?", type_id)
    assert stored[0][0] == len(picks)


def test_a_cancelled_evaluation_raises_and_writes_nothing(processing, project_copy):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException) as error:
        processing.run("lifecircle:evaluate", {"PROJECT": str(project_copy)},
                       feedback=feedback)
    assert "ancel" in str(error.value)
    tables = {name for (name,) in rows(project_copy, "SELECT table_name FROM gpkg_contents")}
    assert "origin_results" not in tables and "subdistrict_results" not in tables


def test_evaluate_uses_the_qgis_projects_threshold_overrides(processing, project_copy,
                                                             qgis_new_project):
    from lifecircle_plugin import settings

    settings.THRESHOLD_OVERRIDES.set_value({"kindergarten": 123.0})
    try:
        processing.run("lifecircle:evaluate", {"PROJECT": str(project_copy),
                                               "SERVICE_AREAS": False})
    finally:
        settings.THRESHOLD_OVERRIDES.reset()
    used = rows(project_copy, "SELECT DISTINCT threshold_m, threshold_verif FROM "
                              "subdistrict_results WHERE facility_type='kindergarten'")
    assert used == [(123.0, "P")]
    other = rows(project_copy, "SELECT DISTINCT threshold_m FROM subdistrict_results "
                               "WHERE facility_type='supermarket'")
    from lifecircle_plugin.core.catalogue import load_catalogue

    assert other == [(load_catalogue().types["supermarket"].threshold_m,)]
