"""`make demo` end to end on the real Changning data, its outputs checked by other routes.

One demo run per session (a subprocess, as `make demo` runs it). Expected values come from
the raw files (json/csv), from the GeoPackage read with sqlite3, and from distances
recomputed here with numpy; never from the report code under test.
"""
from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pytest

from tests.end_to_end.demo_runner import run_demo

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "catalogue" / "facility_types.csv"
pytestmark = pytest.mark.slow


def sql(path: Path, query: str, *args):
    with sqlite3.connect(path) as connection:
        return connection.execute(query, args).fetchall()


def catalogue_rows():
    with open(CATALOGUE, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def subdistrict_names(changning_dir: Path):
    data = json.loads((changning_dir / "subdistricts.geojson").read_text(encoding="utf-8"))
    return [f["properties"]["name_zh"] for f in data["features"]]


def test_output_folder_is_fresh_and_complete(demo):
    out, stdout = demo
    assert not (out / "stale.txt").exists()
    for name in ("project.gpkg", "report.html", "official_map.pdf", "district_map.pdf",
                 "lifecircle_demo.qgz", "survey_package.lcsurvey"):
        assert (out / name).is_file(), name
        assert str(out / name) in stdout, name
    assert not list(out.parent.glob(".out.staging-*"))


def test_summary_names_every_subdistrict_and_the_method(demo, changning_dir):
    _, stdout = demo
    for name in subdistrict_names(changning_dir):
        assert re.search(rf"^{name}\s+[\d,]+\s+\d+ / \d+\s+[\d.]+%\s+\d+$", stdout, re.M), name
    assert "straight-line × detour factor 1.3" in stdout


def test_project_layers_and_counts(demo, changning_dir):
    out, _ = demo
    gpkg = out / "project.gpkg"
    names = {row[0] for row in sql(gpkg, "SELECT table_name FROM gpkg_contents")}
    for layer in ("facilities", "subdistricts", "origins", "origin_results",
                  "subdistrict_results", "task_results", "gaps", "site_scores"):
        assert layer in names, layer
    subs = subdistrict_names(changning_dir)
    assert sorted(r[0] for r in sql(gpkg, "SELECT name FROM subdistricts")) == sorted(subs)
    evaluated = {r["facility_id"] for r in catalogue_rows() if r["threshold_m"].strip()}
    rows = sql(gpkg, "SELECT subdistrict, facility_type FROM subdistrict_results "
                     "WHERE scenario = 'existing'")
    for name in subs:
        assert {t for s, t in rows if s == name} == evaluated, name
    origins = sql(gpkg, "SELECT count(*) FROM origins")[0][0]
    assert sql(gpkg, "SELECT count(*) FROM origin_results WHERE scenario = 'existing'")[0][0] \
        == origins > 0
    population = sum(f["properties"]["pop_census2010"] for f in json.loads(
        (changning_dir / "subdistricts.geojson").read_text(encoding="utf-8"))["features"])
    assert sql(gpkg, "SELECT sum(population) FROM origins")[0][0] == pytest.approx(population)


def _distances(gpkg: Path, facility_type: str):
    rows = sql(gpkg, f'SELECT population, "d_{facility_type}" FROM origin_results '
                     "WHERE scenario = 'existing'")
    population = np.array([r[0] for r in rows], float)
    distance = np.array([np.inf if r[1] is None else r[1] for r in rows], float)
    return population, distance


def test_best_sites_are_for_the_three_worst_basic_types(demo):
    out, _ = demo
    gpkg = out / "project.gpkg"
    present = {r[0] for r in sql(gpkg, "SELECT DISTINCT facility_type FROM facilities "
                                       "WHERE status = 'existing'")}
    shares = {}
    for row in catalogue_rows():
        fid = row["facility_id"]
        if row["category"] != "basic" or not row["threshold_m"].strip() or fid not in present:
            continue
        population, distance = _distances(gpkg, fid)
        shares[fid] = population[distance <= float(row["threshold_m"]) + 1e-3].sum() \
            / population.sum()
    order = [r["facility_id"] for r in catalogue_rows()]
    worst = sorted(shares, key=lambda f: (shares[f], order.index(f)))[:3]
    picked = {r[0] for r in sql(gpkg, "SELECT DISTINCT facility_type FROM site_scores")}
    assert picked == set(worst)


def test_first_best_site_gain_recomputed_with_straight_lines(demo):
    out, _ = demo
    gpkg = out / "project.gpkg"
    thresholds = {r["facility_id"]: float(r["threshold_m"]) for r in catalogue_rows()
                  if r["threshold_m"].strip()}
    xy = _origin_xy(gpkg)
    for fid, gain, x, y in _first_picks(gpkg):
        population, distance = _distances(gpkg, fid)
        uncovered = distance > thresholds[fid] + 1e-3
        straight = np.hypot(xy[:, 0] - x, xy[:, 1] - y) * 1.3
        expected = population[uncovered & (straight <= thresholds[fid] + 1e-3)].sum()
        assert gain == pytest.approx(expected, rel=1e-6), fid


def _origin_xy(gpkg: Path) -> np.ndarray:
    from lifecircle_plugin.core.gpkg import read_layer

    features = read_layer(gpkg, "origin_results", where="scenario = 'existing'",
                          columns=["scenario"]).features
    return np.array([(f.geometry.x, f.geometry.y) for f in features])


def _first_picks(gpkg: Path):
    from lifecircle_plugin.core.gpkg import read_layer

    for feature in read_layer(gpkg, "site_scores", where="rank = 1").features:
        yield (feature.attributes["facility_type"], feature.attributes["new_population"],
               feature.geometry.x, feature.geometry.y)


def test_csv_tables_have_bom_and_all_rows(demo):
    out, _ = demo
    tables = sorted((out / "tables").glob("*.csv"))
    assert tables
    for path in tables:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
    with open(out / "tables" / "subdistrict_results.csv", encoding="utf-8-sig",
              newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = sql(out / "project.gpkg",
                   "SELECT count(*) FROM subdistrict_results WHERE scenario = 'existing'")
    assert len(rows) == expected[0][0]


def test_official_map_has_a_page_per_subdistrict(demo, changning_dir):
    out, _ = demo
    assert pdf_pages(out / "official_map.pdf") == len(subdistrict_names(changning_dir))
    assert pdf_pages(out / "district_map.pdf") == 1


def test_report_lists_unverified_thresholds_and_method(demo):
    out, _ = demo
    document = (out / "report.html").read_text(encoding="utf-8")
    assert "straight-line × detour factor 1.3" in document
    section = document[document.index('id="unverified"'):]
    section = section[:section.find("<h2", 10)]
    listed = set(re.findall(r"<tr><td>([a-z0-9_]+)</td>", section))
    assert listed == {r["facility_id"] for r in catalogue_rows()
                      if r["threshold_m"].strip() and r["verif_threshold"] != "V"}
    for image in re.findall(r'<img class="map" src="([^"]+)"', document):
        assert (out / image).is_file(), image


def test_survey_package_opens_with_the_subdistrict_facilities(demo):
    from lifecircle_plugin.core.survey.store import SurveyStore

    out, stdout = demo
    chosen = re.search(r"^survey package for (\S+)", stdout, re.M).group(1)
    package = out / "survey_package.lcsurvey"
    with SurveyStore(package) as store:
        facilities = store.facilities()
        assert store.checklist(facilities[0].facility_type) is not None
    in_project = sql(out / "project.gpkg",
                     "SELECT count(*) FROM facilities WHERE subdistrict = ? AND "
                     "status != 'closed'", chosen)[0][0]
    assert len(facilities) == in_project > 0


def test_qgis_project_opens_with_layers_and_layouts(demo, qgis_app):
    from qgis.core import QgsProject

    out, _ = demo
    project = QgsProject()
    assert project.read(str(out / "lifecircle_demo.qgz"))
    layers = list(project.mapLayers().values())
    assert layers and all(layer.isValid() for layer in layers)
    assert len(project.layoutManager().printLayouts()) == 2
    project.clear()


def test_helsinki_extract_runs_in_network_mode(helsinki_pbf, tmp_path):
    out = tmp_path / "helsinki"
    completed = run_demo(helsinki_pbf, out)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "distances: network" in completed.stdout
    gpkg = out / "project.gpkg"
    assert sql(gpkg, "SELECT count(*) FROM network_edges")[0][0] > 1000
    assert {r[0] for r in sql(gpkg, "SELECT DISTINCT method FROM subdistrict_results")} \
        == {"network"}
    document = (out / "report.html").read_text(encoding="utf-8")
    assert "walking network" in document and "straight-line" not in document
    pages = sql(gpkg, "SELECT count(*) FROM subdistricts")[0][0]
    assert pdf_pages(out / "official_map.pdf") == pages
    title = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out / "official_map.pdf"),
                            "-"], capture_output=True, text=True, check=True).stdout
    heading = " ".join(title.split("\n")[:2])
    assert "Helsinki" in heading and "study area" in heading
    assert not heading.startswith("study area")


def test_missing_data_is_a_readable_error_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    completed = run_demo(tmp_path / "no_such_folder", out)
    assert completed.returncode == 2
    assert "no_such_folder" in completed.stderr and "Traceback" not in completed.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.staging-*"))
