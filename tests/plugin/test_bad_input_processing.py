"""A hostile tester's processing parameters: each ends in a QgsProcessingException whose
text is one readable line naming the file, layer or parameter, never a traceback, and
files already saved are unchanged (sha256).

Projects are real: the session's Changning project (tests/plugin/conftest.py) and one
built from the Helsinki OSM extract (it has a walking network) whose network pages are
damaged on a copy.
"""
from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest
from osgeo import gdal


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def processing(processing_ready):
    import processing as qgis_processing

    return qgis_processing


def failure(processing, algorithm: str, parameters: dict) -> str:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        processing.run(algorithm, parameters)
    text = str(error.value)
    assert "Traceback" not in text and 'File "' not in text, text
    return text


@pytest.fixture(scope="module")
def damaged_project(tmp_path_factory, helsinki_pbf) -> Path:
    """The Helsinki project with leaf pages of network_edges overwritten."""
    from lifecircle_plugin.core.cli import main

    out = tmp_path_factory.mktemp("damaged") / "helsinki.gpkg"
    assert main(["build", "--quiet", "--osm", str(helsinki_pbf), "--out", str(out)]) == 0
    with sqlite3.connect(out) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = [p for (p,) in db.execute(
            "SELECT pageno FROM dbstat WHERE name = 'network_edges' AND pagetype = 'leaf'")]
    assert len(pages) > 10
    with out.open("r+b") as handle:
        for page in pages[2:40]:
            handle.seek((page - 1) * size + 100)
            handle.write(b"\xff" * 200)
    return out


def test_buildproject_output_folder(processing, changning_dir, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    text = failure(processing, "lifecircle:buildproject", {
        "SUBDISTRICTS": str(changning_dir / "subdistricts.geojson"),
        "POIS_WGS84": [str(changning_dir / "osm_pois.geojson")], "OUTPUT": str(folder)})
    assert "is a folder" in text and str(folder) in text and "\n" not in text
    assert list(folder.iterdir()) == []


def test_buildproject_output_that_is_an_input(processing, changning_dir, tmp_path):
    sd = tmp_path / "sd.geojson"
    shutil.copy(changning_dir / "subdistricts.geojson", sd)
    before = sha(sd)
    text = failure(processing, "lifecircle:buildproject", {
        "SUBDISTRICTS": str(sd), "POIS_WGS84": [str(changning_dir / "osm_pois.geojson")],
        "OUTPUT": str(sd)})
    assert "one of the input files" in text and str(sd) in text
    assert sha(sd) == before


@pytest.mark.parametrize("algorithm", ["lifecircle:evaluate", "lifecircle:scoresites",
                                       "lifecircle:bestsites"])
def test_damaged_network_pages(processing, damaged_project, tmp_path, algorithm):
    project = tmp_path / "project.gpkg"
    shutil.copy(damaged_project, project)
    before = sha(project)
    parameters = {"PROJECT": str(project), "OUTPUT": "memory:"}
    if algorithm == "lifecircle:scoresites":
        parameters.update(CANDIDATES=f"{project}|layername=origins", TYPES=[])
    if algorithm == "lifecircle:bestsites":
        parameters.update(FACILITY_TYPE=0, K=2, WRITE_PROJECT=True)
    text = failure(processing, algorithm, parameters)
    assert "damaged" in text and str(project) in text and "layer network_edges" in text
    assert "\n" not in text
    assert sha(project) == before


def test_exportmap_on_a_plain_geopackage(processing, changning_dir, tmp_path):
    plain = tmp_path / "plain.gpkg"
    gdal.VectorTranslate(str(plain), str(changning_dir / "subdistricts.geojson"), format="GPKG")
    before = sha(plain)
    text = failure(processing, "lifecircle:exportmap", {
        "PROJECT": str(plain), "OUTPUT_PDF": str(tmp_path / "map.pdf")})
    assert "not a Life Circle project" in text and str(plain) in text
    assert "layer subdistricts" in text or "layer facilities" in text
    assert "cannot load layer" not in text
    assert sha(plain) == before and not (tmp_path / "map.pdf").exists()


def test_exportmap_pdf_output_folder(processing, evaluated_project, tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    before = sha(evaluated_project)
    text = failure(processing, "lifecircle:exportmap", {
        "PROJECT": str(evaluated_project), "OUTPUT_PDF": str(folder)})
    assert "is a folder" in text and str(folder) in text and "IsADirectoryError" not in text
    assert sha(evaluated_project) == before and list(folder.iterdir()) == []


def test_importsurvey_without_packages(processing, project_copy):
    before = sha(project_copy)
    text = failure(processing, "lifecircle:importsurvey", {
        "PROJECT": str(project_copy), "PACKAGES": []})
    assert "No survey package given" in text and "(file .)" not in text
    assert sha(project_copy) == before


def test_exportlayers_choice_out_of_range(processing, project_copy, tmp_path):
    from lifecircle_plugin.gui.survey import export_choices

    before = sha(project_copy)
    text = failure(processing, "lifecircle:exportlayers", {
        "PROJECT": str(project_copy), "CRS": 99, "OUTPUT": str(tmp_path / "out")})
    assert "(CRS): 99 is not one of the choices" in text
    for index, (_, label) in enumerate(export_choices.crs_choices()):
        assert f"{index} = {label}" in text
    assert sha(project_copy) == before and not (tmp_path / "out").exists()


def test_unexpected_error_is_one_line_and_logged(qgis_app, changning_dir, caplog):
    """A bug (here: a real file handed to a function that cannot take it) shows one line
    pointing to the log; the log holds the traceback."""
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    from lifecircle_plugin.processing.base import run_guarded

    def work(parameters, context, feedback):
        return {"n": int((changning_dir / "subdistricts.geojson").read_text("utf-8"))}

    caplog.set_level(logging.ERROR, logger="lifecircle_plugin")
    with pytest.raises(QgsProcessingException) as error:
        run_guarded("lifecircle:test", work, {}, QgsProcessingContext(),
                    QgsProcessingFeedback())
    text = str(error.value)
    assert "\n" not in text and "Traceback" not in text
    assert "Internal error in lifecircle:test (ValueError)" in text and "log" in text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Traceback" in logged and "ValueError" in logged


def test_buildproject_names_a_missing_population_field(processing, changning_dir, tmp_path):
    """No pop_census2010: a warning names the file and the field expected; naming the
    renamed field (POPULATION_FIELD) brings the census population back."""
    import json

    from qgis.core import QgsProcessingFeedback

    class Warnings(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushWarning(self, text):  # noqa: N802
            self.lines.append(text)

    data = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    census = sum(f["properties"]["pop_census2010"] for f in data["features"])
    for feature in data["features"]:
        feature["properties"]["常住人口2010"] = feature["properties"].pop("pop_census2010")
    sd = tmp_path / "renamed.geojson"
    sd.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    parameters = {"SUBDISTRICTS": str(sd),
                  "POIS_GCJ02": [str(changning_dir / "community_points_gcj02.csv")]}
    feedback = Warnings()
    processing.run("lifecircle:buildproject", {**parameters, "OUTPUT": str(
        tmp_path / "a.gpkg")}, feedback=feedback)
    assert any(str(sd) in line and "pop_census2010" in line and "POPULATION_FIELD" in line
               for line in feedback.lines), feedback.lines
    out = tmp_path / "b.gpkg"
    processing.run("lifecircle:buildproject", {**parameters, "OUTPUT": str(out),
                                               "POPULATION_FIELD": "常住人口2010"})
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT SUM(population) FROM origins").fetchone()[0] \
            == pytest.approx(census)
