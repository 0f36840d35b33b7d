"""A hostile tester's evaluation inputs: NaN numbers, override sections of the wrong type,
damaged network pages, empty node ids and missing geometries. Each is one readable line
naming the file, layer, row or field; the project file is unchanged (sha256).

The project is built once from the real Helsinki OSM extract (it has a walking network);
each test damages its own copy.
"""
from __future__ import annotations

import hashlib
import math
import shutil
import sqlite3
from pathlib import Path

import pytest
from osgeo import ogr

from lifecircle_plugin.core.cli import main
from lifecircle_plugin.core.errors import InputError


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def network_project(tmp_path_factory, helsinki_pbf) -> Path:
    out = tmp_path_factory.mktemp("helsinki") / "helsinki.gpkg"
    assert main(["build", "--quiet", "--osm", str(helsinki_pbf), "--out", str(out)]) == 0
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT COUNT(*) FROM network_edges").fetchone()[0] > 100
    return out


@pytest.fixture()
def project(network_project, tmp_path) -> Path:
    copy = tmp_path / "project.gpkg"
    shutil.copy(network_project, copy)
    return copy


def evaluate(capsys, project: Path, *extra) -> tuple:
    code = main(["evaluate", str(project), "--no-service-areas", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


@pytest.mark.parametrize("option", ["--detour", "--max-snap"])
@pytest.mark.parametrize("value", ["nan", "inf"])
def test_non_finite_numbers_are_refused(capsys, project, option, value):
    before = sha(project)
    code, err = evaluate(capsys, project, option, value)
    assert code == 2 and "not a finite number" in err, err
    field = {"--detour": "detour_factor", "--max-snap": "max_snap_distance_m"}[option]
    assert f"field {field}" in err
    assert sha(project) == before


def test_non_finite_targets_are_refused(project):
    from lifecircle_plugin.core.evaluate import EvaluationOptions, evaluate_project

    before = sha(project)
    for options in (EvaluationOptions(targets={"kindergarten": math.nan}),
                    EvaluationOptions(composite_target=math.inf)):
        with pytest.raises(InputError) as error:
            evaluate_project(project, options)
        assert "target" in error.value.field
    assert sha(project) == before


@pytest.mark.parametrize("text, field", [
    ('{"detour_factor": NaN}', "detour_factor"),
    ('{"walking_speed_m_per_min": Infinity}', "walking_speed_m_per_min"),
    ('{"thresholds": {"kindergarten": NaN}}', "thresholds.kindergarten"),
    ('{"thresholds": ["kindergarten"]}', "thresholds"),
    ('{"targets": "all"}', "targets"),
])
def test_bad_catalogue_overrides_name_file_and_field(tmp_path, text, field):
    from lifecircle_plugin.core.catalogue import load_catalogue

    overrides = tmp_path / "overrides.json"
    overrides.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_catalogue(overrides=overrides)
    assert error.value.file == str(overrides) and error.value.field == field


def _edge_leaf_pages(project: Path):
    with sqlite3.connect(project) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = [p for (p,) in db.execute(
            "SELECT pageno FROM dbstat WHERE name = 'network_edges' AND pagetype = 'leaf'")]
    return size, pages


def test_damaged_network_pages_name_file_and_layer(capsys, project):
    size, pages = _edge_leaf_pages(project)
    assert len(pages) > 10
    with project.open("r+b") as handle:
        for page in pages[2:40]:
            handle.seek((page - 1) * size + 100)
            handle.write(b"\xff" * 200)
    before = sha(project)
    code, err = evaluate(capsys, project)
    assert code == 2 and "damaged" in err, err
    assert f"file {project}" in err and "layer network_edges" in err
    assert sha(project) == before


def _third_edge(project: Path, change) -> int:
    """Apply `change` to the third edge through OGR (the GeoPackage triggers need its SQL
    functions); return the edge's position (1-based row) in the layer."""
    dataset = ogr.Open(str(project), 1)
    layer = dataset.GetLayerByName("network_edges")
    layer.ResetReading()
    feature = [layer.GetNextFeature() for _ in range(3)][2]
    change(feature)
    layer.SetFeature(feature)
    dataset = None
    with sqlite3.connect(project) as db:
        return db.execute("SELECT COUNT(*) FROM network_edges WHERE fid <= ?",
                          (feature.GetFID(),)).fetchone()[0]


def test_empty_node_id_names_row_and_field(capsys, project):
    position = _third_edge(project, lambda f: f.SetFieldNull("u"))
    before = sha(project)
    code, err = evaluate(capsys, project)
    assert code == 2, err
    assert f"row {position}" in err and "field u" in err and "layer network_edges" in err
    assert "off by" not in err
    assert sha(project) == before


def test_edge_without_geometry_names_the_file(capsys, project):
    position = _third_edge(project, lambda f: f.SetGeometryDirectly(None))
    before = sha(project)
    code, err = evaluate(capsys, project)
    assert code == 2 and "edge without geometry" in err, err
    assert f"file {project}" in err and f"row {position}" in err
    assert sha(project) == before
