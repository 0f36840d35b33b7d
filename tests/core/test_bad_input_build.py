"""A hostile tester's build inputs: every one ends in one readable line naming the file
(and layer, row, field where known) or in a warning that names the file and field, and no
file already saved is overwritten or changed (sha256 before and after).

Inputs are the real Changning and Helsinki files, copied or cut in tmp_path.
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
import sqlite3
from pathlib import Path

import pytest
from osgeo import gdal

from lifecircle_plugin.core.cli import main


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def build(capsys, *argv) -> tuple:
    code = main(["build", "--quiet", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def small_project(tmp_path_factory, changning_dir) -> Path:
    """A real project (sub-districts + GCJ-02 community points), built once."""
    out = tmp_path_factory.mktemp("project") / "project.gpkg"
    assert main(["build", "--quiet", "--subdistricts", str(changning_dir / "subdistricts.geojson"),
                 "--pois", f"{changning_dir / 'community_points_gcj02.csv'}:GCJ02",
                 "--out", str(out)]) == 0
    return out


def test_out_that_is_an_input_is_refused(capsys, changning_dir, tmp_path):
    sd = tmp_path / "sd.geojson"
    sd.write_bytes((changning_dir / "subdistricts.geojson").read_bytes())
    before = sha(sd)
    code, _, err = build(capsys, "--subdistricts", sd, "--pois",
                         changning_dir / "community_points_gcj02.csv", "--out", sd)
    assert code == 2
    assert "one of the input files" in err and str(sd) in err
    assert sha(sd) == before
    json.loads(sd.read_text("utf-8"))  # still the GeoJSON


def test_existing_file_that_is_not_a_project_is_kept(capsys, changning_dir, tmp_path):
    plain = tmp_path / "plain.gpkg"
    gdal.VectorTranslate(str(plain), str(changning_dir / "subdistricts.geojson"), format="GPKG")
    notes = tmp_path / "notes.txt"
    notes.write_text("规划笔记\n", encoding="utf-8")
    for target in (plain, notes):
        before = sha(target)
        code, _, err = build(capsys, "--subdistricts", changning_dir / "subdistricts.geojson",
                             "--pois", changning_dir / "community_points_gcj02.csv",
                             "--out", target)
        assert code == 2 and "not a Life Circle project" in err and str(target) in err
        assert sha(target) == before


def test_existing_project_is_replaced(capsys, changning_dir, small_project, tmp_path):
    target = tmp_path / "again.gpkg"
    target.write_bytes(small_project.read_bytes())
    code, out, _ = build(capsys, "--subdistricts", changning_dir / "subdistricts.geojson",
                         "--pois", f"{changning_dir / 'community_points_gcj02.csv'}:GCJ02",
                         "--out", target)
    assert code == 0 and str(target) in out
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT COUNT(*) FROM lc_metadata").fetchone()[0] > 0


def test_out_that_is_a_folder_is_refused_up_front(capsys, changning_dir, tmp_path, caplog):
    folder = tmp_path / "results"
    folder.mkdir()
    caplog.set_level(logging.INFO)
    code, _, err = build(capsys, "--subdistricts", changning_dir / "subdistricts.geojson",
                         "--pois", changning_dir / "community_points_gcj02.csv",
                         "--out", folder)
    assert code == 2 and "is a folder" in err and str(folder) in err
    assert list(folder.iterdir()) == []
    assert not any("reading" in r.getMessage() for r in caplog.records)  # nothing was read


def test_nan_in_catalogue_overrides_is_refused(capsys, changning_dir, small_project, tmp_path):
    overrides = tmp_path / "overrides.json"
    overrides.write_text('{"detour_factor": NaN}', encoding="utf-8")
    before = sha(small_project)
    code, _, err = build(capsys, "--subdistricts", changning_dir / "subdistricts.geojson",
                         "--pois", changning_dir / "community_points_gcj02.csv",
                         "--catalogue-overrides", overrides, "--out", small_project)
    assert code == 2 and "not a finite number" in err
    assert str(overrides) in err and "field detour_factor" in err
    assert sha(small_project) == before


def test_nan_grid_size_is_refused(capsys, changning_dir, tmp_path):
    code, _, err = build(capsys, "--subdistricts", changning_dir / "subdistricts.geojson",
                         "--pois", changning_dir / "community_points_gcj02.csv",
                         "--grid-size", "nan", "--out", tmp_path / "p.gpkg")
    assert code == 2 and "field grid_size_m" in err
    assert not (tmp_path / "p.gpkg").exists()


def test_empty_subdistrict_layer_is_an_error(capsys, changning_dir, small_project, tmp_path):
    empty = tmp_path / "empty_subdistricts.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    before = sha(small_project)
    code, _, err = build(capsys, "--subdistricts", empty, "--pois",
                         f"{changning_dir / 'community_points_gcj02.csv'}:GCJ02",
                         "--out", small_project)
    assert code == 2 and "layer has no features" in err and str(empty) in err
    assert "convex hull" not in err
    assert sha(small_project) == before


def test_shapefile_without_prj_names_source_crs(capsys, changning_dir, tmp_path):
    shp = tmp_path / "subdistricts.shp"
    gdal.VectorTranslate(str(shp), str(changning_dir / "subdistricts.geojson"),
                         format="ESRI Shapefile", layerCreationOptions=["ENCODING=UTF-8"])
    shp.with_suffix(".prj").unlink()
    pois = f"{changning_dir / 'community_points_gcj02.csv'}:GCJ02"
    code, _, err = build(capsys, "--subdistricts", shp, "--pois", pois,
                         "--out", tmp_path / "p.gpkg")
    assert code == 2 and str(shp) in err
    assert "--source-crs EPSG:4326" in err and "--crs EPSG" not in err
    code, out, _ = build(capsys, "--subdistricts", shp, "--pois", pois, "--source-crs",
                         "EPSG:4326", "--out", tmp_path / "p.gpkg")
    assert code == 0, out


def test_missing_population_field_is_named(capsys, changning_dir, tmp_path, caplog):
    data = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    for feature in data["features"]:
        feature["properties"].pop("pop_census2010")
    sd = tmp_path / "no_population.geojson"
    sd.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    caplog.set_level(logging.WARNING)
    code, out, _ = build(capsys, "--subdistricts", sd, "--pois",
                         f"{changning_dir / 'community_points_gcj02.csv'}:GCJ02",
                         "--out", tmp_path / "p.gpkg")
    assert code == 0
    warning = next(line for line in out.splitlines() if line.startswith("warning:")
                   and "population" in line)
    for words in (str(sd), "pop_census2010", "--population-field"):
        assert words in warning
        assert any(words in r.getMessage() for r in caplog.records)


def test_truncated_pbf_is_called_truncated(capsys, changning_dir, helsinki_pbf, tmp_path):
    for source, size in ((changning_dir / "cycleways.osm.pbf", 8000),
                         (helsinki_pbf, 300_000)):
        cut = tmp_path / f"cut_{source.name}"
        cut.write_bytes(source.read_bytes()[:size])
        code, _, err = build(capsys, "--osm", cut, "--out", tmp_path / "p.gpkg")
        assert code == 2, err
        assert "truncated or damaged" in err and str(cut) in err
        assert "cannot read OSM data:  (" not in err
    assert not (tmp_path / "p.gpkg").exists()


def test_osm_file_without_facilities_is_warned(capsys, changning_dir, tmp_path):
    pbf = changning_dir / "cycleways.osm.pbf"
    code, out, _ = build(capsys, "--osm", pbf, "--out", tmp_path / "p.gpkg")
    assert code == 0 and "facilities: 0 " in out
    assert any(line.startswith("warning:") and str(pbf) in line for line in out.splitlines())


def test_empty_poi_table_is_warned(capsys, changning_dir, tmp_path):
    source = changning_dir / "community_points_gcj02.csv"
    empty = tmp_path / "empty.csv"
    empty.write_text(source.read_text("utf-8").splitlines()[0] + "\n", encoding="utf-8")
    code, out, _ = build(capsys, "--subdistricts", changning_dir / "subdistricts.geojson",
                         "--pois", f"{empty}:GCJ02", "--out", tmp_path / "p.gpkg")
    assert code == 0
    assert any(line.startswith("warning:") and f"no POIs read from {empty}" in line
               for line in out.splitlines())


def test_swapped_lat_lon_is_one_summary_line(capsys, changning_dir, tmp_path, caplog):
    source = changning_dir / "community_points_gcj02.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    swapped = tmp_path / "swapped.csv"
    with swapped.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "lng": row["lat"], "lat": row["lng"]})
    expected = sum(1 for r in rows if r["lng"].strip() and r["lat"].strip())
    caplog.set_level(logging.WARNING, logger="lifecircle_plugin.core.sources")
    code, _, _ = build(capsys, "--subdistricts", changning_dir / "subdistricts.geojson",
                       "--pois", f"{swapped}:GCJ02", "--out", tmp_path / "p.gpkg")
    assert code == 0
    lines = [r.getMessage() for r in caplog.records if "swapped" in r.getMessage()]
    assert len(lines) == 1, lines[:3]
    assert f"in {expected} rows" in lines[0] and "rows 2, 3" in lines[0]
