"""The demo's QGIS project as a planner opens it, and what the demo prints and tabulates.

Expected values come from the raw data and the catalogue CSV, the compiled-from .ts
translation file (parsed here with ElementTree), the GeoPackage read with sqlite3 and
pyproj, never from the code under test.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pyproj import Transformer
from shapely.geometry import shape
from shapely.ops import transform, unary_union

from tests.end_to_end.demo_runner import ROOT, run_demo

pytestmark = pytest.mark.slow
CATALOGUE = ROOT / "resources" / "catalogue" / "facility_types.csv"
ZH_TS = ROOT / "resources" / "i18n" / "lifecircle_zh_CN.ts"
ROLE = "lifecircle/role"


def names_by_id():
    with open(CATALOGUE, encoding="utf-8-sig", newline="") as handle:
        return {r["facility_id"]: (r["name_zh"], r["name_en"]) for r in csv.DictReader(handle)}


def zh(source: str) -> str:
    """The Chinese translation of an English source string, from the .ts file."""
    for message in ET.parse(ZH_TS).getroot().iter("message"):
        if message.findtext("source") == source:
            return message.findtext("translation")
    raise AssertionError(f"{source!r} not in {ZH_TS.name}")


def sql(path: Path, query: str):
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


def read_project(qgz: Path):
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(qgz))
    return project


def layer_nodes(project):
    return [n for n in project.layerTreeRoot().findLayers() if n.layer() is not None]


def test_project_entry_finds_the_gpkg_after_the_folder_moved(demo, qgis_app, tmp_path):
    from lifecircle_plugin import settings

    out, _ = demo
    moved = tmp_path / "moved_elsewhere"
    shutil.copytree(out, moved)
    project = read_project(moved / "lifecircle_demo.qgz")
    raw, found = project.readEntry("lifecircle", "project_gpkg")
    assert found and not Path(raw).is_absolute()
    assert Path(settings.PROJECT_GPKG.value(project)).resolve() == moved / "project.gpkg"
    project.clear()


def test_opens_on_results_and_boundaries_with_facility_groups_off(demo, qgis_app,
                                                                  changning_dir):
    out, _ = demo
    project = read_project(out / "lifecircle_demo.qgz")
    nodes = layer_nodes(project)
    shown = {n.layer().customProperty(ROLE) for n in nodes
             if n.isVisible() and n.layer().isSpatial()}
    assert shown == {"subdistricts", "origin_results"}
    facility_nodes = [n for n in nodes if n.layer().customProperty(ROLE) == "facilities"]
    types_in_data = sql(out / "project.gpkg",
                        "SELECT COUNT(DISTINCT facility_type) FROM facilities")[0][0]
    assert len(facility_nodes) == types_in_data > 0
    gaps = [n for n in nodes if n.layer().customProperty(ROLE) == "gaps"]
    assert gaps and not any(n.isVisible() for n in gaps)
    tasks = [g for g in project.layerTreeRoot().findGroups(True)
             if g.customProperty(ROLE) == "task"]
    assert len(tasks) == 12 and not any(g.itemVisibilityChecked() for g in tasks)
    _assert_view_is_changning(project, changning_dir)
    project.clear()


def _assert_view_is_changning(project, changning_dir):
    to_cgcs = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True).transform
    data = json.loads((changning_dir / "subdistricts.geojson").read_text(encoding="utf-8"))
    minx, miny, maxx, maxy = transform(
        to_cgcs, unary_union([shape(f["geometry"]) for f in data["features"]])).bounds
    view = project.viewSettings().defaultViewExtent()
    assert view.crs().authid() == "EPSG:4549"
    assert view.xMinimum() <= minx and view.xMaximum() >= maxx
    assert view.yMinimum() <= miny and view.yMaximum() >= maxy
    assert view.width() < 1.2 * (maxx - minx)


def test_dock_opens_on_the_demo_project(demo, qgis_iface, qtbot):
    from qgis.core import QgsProject

    from lifecircle_plugin.gui.controller import Controller
    from lifecircle_plugin.gui.dock import LifeCircleDock

    out, _ = demo
    project = QgsProject.instance()
    project.clear()
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, project)
    assert controller.gpkg is None
    try:
        assert project.read(str(out / "lifecircle_demo.qgz"))
        assert controller.gpkg is not None and controller.gpkg.resolve() == out / "project.gpkg"
        assert dock.gpkg.resolve() == out / "project.gpkg"
        assert "project.gpkg" in dock.title.text()
    finally:
        project.clear()


def test_layer_tree_is_chinese_with_clean_names(demo, qgis_app):
    out, _ = demo
    project = read_project(out / "lifecircle_demo.qgz")
    top = [g.name() for g in project.layerTreeRoot().children() if hasattr(g, "findLayers")]
    assert zh("Life circle project") in top and zh("Evaluation results") in top
    names = names_by_id()
    for node in layer_nodes(project):
        assert "|" not in node.name(), node.name()
        if node.layer().customProperty(ROLE) == "facilities":
            facility = node.layer().customProperty("lifecircle/facility_type")
            assert node.name() == names[facility][0]
    subdistricts = [n for n in layer_nodes(project)
                    if n.layer().customProperty(ROLE) == "subdistricts"]
    assert subdistricts[0].name() == zh("Sub-districts (街镇)")
    project.clear()


def test_lang_en_gives_an_english_layer_tree(changning_dir, tmp_path, qgis_app):
    out = tmp_path / "out_en"
    completed = run_demo(changning_dir, out, "--lang", "en")
    assert completed.returncode == 0, completed.stderr[-3000:]
    project = read_project(out / "lifecircle_demo.qgz")
    top = [g.name() for g in project.layerTreeRoot().children()]
    assert "Life circle project" in top and "Evaluation results" in top
    names = names_by_id()
    for node in layer_nodes(project):
        if node.layer().customProperty(ROLE) == "facilities":
            assert node.name() == names[node.layer().customProperty("lifecircle/facility_type")][1]
    project.clear()


def test_summary_names_the_worst_types_in_chinese(demo):
    out, stdout = demo
    line = re.search(r"^best new sites for the worst-covered basic types: (.+)$", stdout,
                     re.M).group(1)
    picked = {r[0] for r in sql(out / "project.gpkg",
                                "SELECT DISTINCT facility_type FROM site_scores")}
    names = names_by_id()
    for facility in picked:
        assert f"{names[facility][0]} {facility} (" in line


def _csv(path: Path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_tables_are_readable_in_excel(demo):
    out, _ = demo
    rows = _csv(out / "tables" / "subdistrict_results.csv")
    assert "街镇 subdistrict" in rows[0] and "人口 population" in rows[0]
    expected = dict(sql(out / "project.gpkg", "SELECT subdistrict, MAX(population) FROM "
                                              "subdistrict_results WHERE scenario='existing' "
                                              "GROUP BY 1"))
    for row in rows:
        assert row["人口 population"] == str(round(expected[row["街镇 subdistrict"]]))
        share = row["阈值内覆盖率 share"]
        assert share == "" or re.fullmatch(r"\d(\.\d{1,4})?", share), share
    summary = _csv(out / "tables" / "subdistrict_summary.csv")
    assert all(re.fullmatch(r"\d+", r["人口 population"]) for r in summary)
    names = names_by_id()
    for site in _csv(out / "tables" / "best_sites.csv"):
        assert site["设施类型 name_zh"] == names[site["设施类型编号 facility_type"]][0]
        assert re.fullmatch(r"\d+", site["新增覆盖人口 new_population"])


def test_map_sources_are_described_with_licences(demo):
    out, _ = demo
    text = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1",
                                    str(out / "official_map.pdf"), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())
    for internal in ("community_points", "neighbourhood_committees", "osm_poi_polygons",
                     "osm_pois"):
        assert internal not in text
    assert "OpenStreetMap contributors (ODbL)" in text
    assert "district dashboard" in text and "public research repository" in text
    assert "no licence stated" in text
