"""Exports on the real Changning project: shapefile names and their round trip, CSV with
BOM for Excel, GeoJSON/GeoPackage in CGCS2000 and WGS84, checked with fiona/pyproj/csv."""
from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

import fiona
import pytest
from pyproj import Transformer

from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.export import (
    export_project,
    reimport_shapefile,
    shapefile_field_names,
)
from lifecircle_plugin.core.survey.importer import apply_import
from tests.sync_support import JIANGSU_ROAD, FieldWork
from tests.sync_support.fixtures import subdistrict_uuids


@pytest.fixture(scope="module")
def audited_project(changning_project, jiangsu_packages, tmp_path_factory) -> Path:
    """The evaluated project with one imported package of audits."""
    folder = tmp_path_factory.mktemp("export")
    project = Path(shutil.copyfile(changning_project, folder / "project.gpkg"))
    package = Path(shutil.copyfile(jiangsu_packages[0], folder / "a.lcsurvey"))
    with FieldWork(package) as work:
        for facility_uuid in subdistrict_uuids(project)[:3]:
            work.audit(facility_uuid, {"clean": True, "备注": "无障碍坡道完好"},
                       started_at="2026-05-22T09:30:00+08:00")
    apply_import(project, [package])
    return project


def rows(path, layer=None):
    with fiona.open(path, layer=layer) as source:
        return [(dict(f["properties"]), f["geometry"]) for f in source]


def test_short_names_are_unique_deterministic_and_fit_dbf():
    names = ["basic_types_reached_15min", "basic_types_total", "d_community_park",
             "d_community_health_center", "d_communit", "uuid", "名称_很长的字段名字",
             "名称_很长的另一个"]
    mapping = shapefile_field_names(names)
    shorts = list(mapping.values())
    assert all(len(s.encode("utf-8")) <= 10 for s in shorts)
    assert len({s.lower() for s in shorts}) == len(names)
    assert mapping["uuid"] == "uuid" and mapping["d_communit"] == "d_communit"
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    assert shapefile_field_names(shuffled) == mapping  # order does not matter


def test_shapefile_round_trip_restores_long_names_without_nulls(audited_project, tmp_path):
    report = export_project(audited_project, tmp_path, fmt="shp", crs="EPSG:4490",
                            layers=["origin_results", "subdistrict_results", "audits"])
    origin = next(layer for layer in report.layers if layer.layer == "origin_results")
    assert (tmp_path / "origin_results.cpg").read_text().strip().upper() == "UTF-8"
    long_names = [n for n in origin.field_names if len(n) > 10]
    assert any(a[:10] == b[:10] for a in long_names for b in long_names if a != b)
    with fiona.open(origin.path) as shp:
        assert all(len(n.encode()) <= 10 for n in shp.schema["properties"])
    restored = reimport_shapefile(origin.path, origin.mapping_csv,
                                  out_gpkg=tmp_path / "back.gpkg")
    source = rows(audited_project, "origin_results")
    assert len(restored.features) == len(source) > 100
    shared = [n for n in long_names if n.startswith("d_party_ma")]
    assert len(shared) == 2  # d_party_mass_center_subdistrict, ..._station_neighbourhood
    filled = 0
    for feature, (expected, _) in zip(restored.features, source):
        assert set(feature.attributes) == set(expected)
        for name, value in expected.items():
            if value is None:  # the engine's own NULL (no facility in reach) stays NULL
                assert feature.attributes[name] is None, name
                continue
            assert feature.attributes[name] == pytest.approx(value), name
            filled += 1
        assert all(feature.attributes[n] is not None for n in shared
                   if expected[n] is not None)
    assert filled > len(source) * 10
    to_cgcs = Transformer.from_crs("EPSG:4549", "EPSG:4490", always_xy=True)
    x, y = source[0][1]["coordinates"]
    assert (restored.features[0].geometry.x, restored.features[0].geometry.y) == \
        pytest.approx(to_cgcs.transform(x, y), abs=1e-7)
    assert len(rows(tmp_path / "back.gpkg", "origin_results")) == len(source)
    table = next(layer for layer in report.layers if layer.layer == "subdistrict_results")
    back = reimport_shapefile(table.path, table.mapping_csv)
    assert {f.attributes["subdistrict"] for f in back.features} >= {JIANGSU_ROAD}
    audits = next(layer for layer in report.layers if layer.layer == "audits")
    back = reimport_shapefile(audits.path, audits.mapping_csv)
    assert {f.attributes["inspected_at"] for f in back.features} == \
        {"2026-05-22T09:30:00+08:00"}


def test_reimport_refuses_a_shapefile_the_mapping_does_not_describe(audited_project,
                                                                     tmp_path):
    report = export_project(audited_project, tmp_path, fmt="shp", layers=["origin_results",
                                                                          "audits"])
    origin, audits = report.layers
    with pytest.raises(InputError, match="not in the mapping"):
        reimport_shapefile(origin.path, audits.mapping_csv)


def test_csv_has_a_bom_and_coordinates_in_cgcs2000(audited_project, tmp_path):
    report = export_project(audited_project, tmp_path, fmt="csv", crs="EPSG:4490",
                            layers=["audited_facilities", "subdistrict_results"])
    path = report.layers[0].path
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert len(table) == 3 and {r["last_inspected_at"] for r in table} == \
        {"2026-05-22T09:30:00+08:00"}
    assert all(121.3 < float(r["X"]) < 121.5 and 31.1 < float(r["Y"]) < 31.3 for r in table)
    assert {r["subdistrict"] for r in table} == {JIANGSU_ROAD}


def test_geojson_in_wgs84_and_geopackage_in_gauss_kruger(audited_project, tmp_path):
    report = export_project(audited_project, tmp_path / "json", fmt="geojson",
                            crs="EPSG:4326", layers=["audited_facilities", "site_scores"])
    assert report.skipped == ["site_scores"]  # not in the project
    exported = rows(report.layers[0].path)
    source = {p["uuid"]: g for p, g in rows(audited_project, "facilities")}
    to_wgs84 = Transformer.from_crs("EPSG:4549", "EPSG:4326", always_xy=True)
    for properties, geometry in exported:
        expected = to_wgs84.transform(*source[properties["uuid"]]["coordinates"])
        assert geometry["coordinates"] == pytest.approx(expected, abs=1e-7)
    report = export_project(audited_project, tmp_path / "gpkg", fmt="gpkg", crs="EPSG:4549")
    path = tmp_path / "gpkg" / "lifecircle_export.gpkg"
    assert {layer.layer for layer in report.layers} == set(fiona.listlayers(path))
    with fiona.open(path, layer="audits") as audits:
        assert len(audits) == 3 and audits.crs.to_epsg() == 4549


def test_unknown_format_is_refused(audited_project, tmp_path):
    with pytest.raises(InputError, match="format"):
        export_project(audited_project, tmp_path, fmt="kml")


def test_export_command_line(audited_project, tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "lifecircle_plugin.core.cli", "export", str(audited_project),
         str(tmp_path), "--format", "shp", "--crs", "EPSG:4549", "--layers", "audits"],
        cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "audits.shp").exists() and (tmp_path / "audits_fields.csv").exists()
