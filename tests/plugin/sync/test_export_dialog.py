"""Exports of an imported project: lifecircle:exportlayers and the dialog, read back with
fiona and csv; counts from sqlite3, coordinates transformed independently with pyproj."""
from __future__ import annotations

import csv
import json

import fiona
import pytest
from pyproj import Transformer
from sync_support import query, sha256


@pytest.fixture(scope="module")
def imported(built_project, processing_ready, tmp_path_factory):
    """One surveyed and imported copy for the module: exports only read it."""
    import shutil

    import processing
    from field_work import survey

    folder = tmp_path_factory.mktemp("export_project")
    shutil.copy(built_project, folder / "changning.gpkg")
    project_gpkg, scenario = survey(folder / "changning.gpkg", folder)
    processing.run("lifecircle:importsurvey", {"PROJECT": str(project_gpkg),
                                               "PACKAGES": [scenario.package]})
    return project_gpkg, scenario


def _audited(project_gpkg):
    return sorted(r[0] for r in query(project_gpkg, "select distinct f.uuid from facilities f "
                                      "join audits a on a.facility_uuid = f.uuid"))


def test_shapefile_in_cgcs2000_with_field_mapping(imported, tmp_path):
    import processing

    project_gpkg, scenario = imported
    before = sha256(project_gpkg)
    result = processing.run("lifecircle:exportlayers", {
        "PROJECT": str(project_gpkg), "LAYERS": [0, 1], "FORMAT": 1, "CRS": 0,
        "OUTPUT": str(tmp_path / "shp")})
    assert sha256(project_gpkg) == before
    files = result["FILES"]
    facilities_shp = next(f for f in files if f.endswith("audited_facilities.shp"))
    with fiona.open(facilities_shp) as source:
        assert source.crs.to_epsg() == 4490
        uuids = sorted(feature["properties"]["uuid"] for feature in source)
        names = list(source.schema["properties"])
    assert uuids == _audited(project_gpkg) and uuids
    assert all(len(name.encode("utf-8")) <= 10 for name in names)
    assert len({n.lower() for n in names}) == len(names)
    mapping = next(f for f in files if f.endswith("audited_facilities_fields.csv"))
    with open(mapping, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert sorted(r["short_name"] for r in rows) == sorted(names)
    assert {"last_inspected_at", "updated_at"} <= {r["long_name"] for r in rows}
    cpg = facilities_shp[:-4] + ".cpg"
    assert open(cpg, encoding="ascii").read().strip().upper().replace("-", "") == "UTF8"


def test_geojson_in_wgs84_has_the_right_coordinates(imported, tmp_path):
    import processing

    project_gpkg, scenario = imported
    result = processing.run("lifecircle:exportlayers", {
        "PROJECT": str(project_gpkg), "LAYERS": [1], "FORMAT": 2, "CRS": 2,
        "OUTPUT": str(tmp_path / "json")})
    path = next(f for f in result["FILES"] if f.endswith("audits.geojson"))
    data = json.loads(open(path, encoding="utf-8").read())
    assert len(data["features"]) == query(project_gpkg, "select count(*) from audits")[0][0]
    feature = data["features"][0]
    blob = query(project_gpkg, "select geom from audits where audit_uuid = ?",
                 feature["properties"]["audit_uuid"])[0][0]
    from shapely import wkb
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    point = wkb.loads(bytes(blob[8 + envelope:]))
    lon, lat = Transformer.from_crs("EPSG:4549", "EPSG:4326", always_xy=True).transform(
        point.x, point.y)
    assert feature["geometry"]["coordinates"] == pytest.approx([lon, lat], abs=1e-7)


def test_missing_evaluation_results_are_a_readable_refusal(imported, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    project_gpkg, scenario = imported
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("lifecircle:exportlayers", {
            "PROJECT": str(project_gpkg), "LAYERS": [2], "FORMAT": 0, "CRS": 0,
            "OUTPUT": str(tmp_path / "none")})
    assert "subdistrict_results" in str(refused.value)


def test_dialog_exports_csv_with_bom(imported, qtbot, tmp_path):
    from lifecircle_plugin.gui.survey.export_dialog import ExportDialog

    project_gpkg, scenario = imported
    dialog = ExportDialog(str(project_gpkg))
    qtbot.addWidget(dialog)
    dialog.layer_boxes["evaluation_results"].setChecked(False)
    dialog.layer_boxes["audits"].setChecked(False)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.crs.setCurrentIndex(dialog.crs.findData("EPSG:4326"))
    dialog.folder.setFilePath(str(tmp_path / "csv"))
    with qtbot.waitSignal(dialog.runner.done, timeout=60000) as done:
        dialog.export_button.click()
    assert done.args == [True]
    [path] = dialog.files
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert sorted(r["uuid"] for r in rows) == _audited(project_gpkg)
    assert "audited_facilities" in dialog.details.toPlainText()


def test_evaluation_results_to_geopackage(evaluated_project, processing_ready, tmp_path):
    import processing

    result = processing.run("lifecircle:exportlayers", {
        "PROJECT": str(evaluated_project), "LAYERS": [2], "FORMAT": 0, "CRS": 1,
        "OUTPUT": str(tmp_path / "gpkg")})
    [path] = result["FILES"]
    for layer in ("subdistrict_results", "task_results", "gaps"):
        expected = query(evaluated_project, f"select count(*) from {layer}")[0][0]
        assert expected > 0
        assert len(fiona.open(path, layer=layer)) == expected
    with fiona.open(path, layer="gaps") as gaps:
        assert gaps.crs.to_epsg() == 4549
