"""Bad output paths and damaged projects for `survey-package` and `export`, on the real
Changning project: a clear error naming the file, no traceback, nothing saved is changed."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.export import GPKG_FILE, export_project
from lifecircle_plugin.core.survey.importer import apply_import
from lifecircle_plugin.core.survey.package import make_package
from lifecircle_plugin.core.survey.store import SurveyStore
from tests.sync_support.fixtures import changning_project, project  # noqa: F401
from tests.sync_support.project import JIANGSU_ROAD

ROOT = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lifecircle_plugin.core.cli", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def damaged_copy(source: Path, out: Path, table: str) -> Path:
    """The project with data pages of one table zeroed (a bad disk, an interrupted copy):
    the file still opens, reading that table fails half-way."""
    connection = sqlite3.connect(source)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        leaves = [row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,))]
    finally:
        connection.close()
    data = bytearray(source.read_bytes())
    for page in leaves[len(leaves) // 2:]:
        data[(page - 1) * page_size:page * page_size] = bytes(page_size)
    out.write_bytes(bytes(data))
    return out


def test_package_onto_the_project_is_refused(project):  # noqa: F811
    before = sha(project)
    result = cli("survey-package", project, "--out", project)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "the output is the project itself" in result.stderr
    assert str(project) in result.stderr
    assert sha(project) == before


def test_package_onto_a_folder_is_refused(project, tmp_path):  # noqa: F811
    folder = tmp_path / "packages"
    folder.mkdir()
    result = cli("survey-package", project, "--out", folder, "--subdistrict", JIANGSU_ROAD)
    assert result.returncode == 2, result.stderr
    assert "is a folder" in result.stderr
    assert not (tmp_path / "packages.lcsurvey").exists()


def test_package_onto_a_foreign_file_is_refused(project, tmp_path):  # noqa: F811
    notes = tmp_path / "notes.txt"
    notes.write_text("现场笔记, not a package\n", encoding="utf-8")
    before = sha(notes)
    with pytest.raises(InputError, match="not an empty survey package") as caught:
        make_package(project, notes, subdistrict=JIANGSU_ROAD)
    assert caught.value.file == str(notes)
    assert sha(notes) == before


def _field_work(package: Path) -> None:
    with SurveyStore(package) as store:
        store.set_inspector("张三")
        facility = store.facilities()[0]
        audit = store.start_audit(facility.uuid)
        store.save_answer(audit.audit_uuid, "notes", "门口台阶破损")
        store.move_facility(facility.uuid, facility.x + 12.0, facility.y - 8.0)


def test_package_with_field_work_is_not_overwritten(project, tmp_path):  # noqa: F811
    package = tmp_path / "zhang.lcsurvey"
    make_package(project, package, subdistrict=JIANGSU_ROAD)
    _field_work(package)
    before = sha(package)
    result = cli("survey-package", project, "--out", package, "--subdistrict", JIANGSU_ROAD)
    assert result.returncode == 2, result.stderr
    assert "already holds field work" in result.stderr and "Traceback" not in result.stderr
    assert sha(package) == before
    # once imported, the same name may be used for the next round
    apply_import(project, [package])
    make_package(project, package, subdistrict=JIANGSU_ROAD)
    with SurveyStore(package) as store:
        assert store.audit_counts().get("draft", 0) == 0


def test_an_unused_package_may_be_replaced(project, tmp_path):  # noqa: F811
    package = tmp_path / "again.lcsurvey"
    first = make_package(project, package, subdistrict=JIANGSU_ROAD)
    second = make_package(project, package, subdistrict=JIANGSU_ROAD)
    assert second.package_uuid != first.package_uuid


def test_package_of_a_damaged_project(project, tmp_path):  # noqa: F811
    broken = damaged_copy(project, tmp_path / "broken.gpkg", "facilities")
    out = tmp_path / "out.lcsurvey"
    result = cli("survey-package", broken, "--out", out)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2
    assert "damaged" in result.stderr and str(broken) in result.stderr
    assert not out.exists()


def test_export_into_an_existing_file_is_refused(project):  # noqa: F811
    before = sha(project)
    result = cli("export", project, project)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "is an existing file" in result.stderr
    assert sha(project) == before


def test_export_unknown_layer_is_an_error(project, tmp_path):  # noqa: F811
    result = cli("export", project, tmp_path / "out", "--layers", "gapz")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "'gapz'" in result.stderr and "gaps" in result.stderr


def test_export_of_a_geopackage_that_is_not_a_project(changning_dir, tmp_path):
    plain = tmp_path / "plain.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(plain),
                    str(changning_dir / "subdistricts.geojson")], check=True)
    with pytest.raises(InputError, match="not a Life Circle project"):
        export_project(plain, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_failed_export_keeps_the_previous_export(project, tmp_path):  # noqa: F811
    out = tmp_path / "out"
    export_project(project, out)
    before = sha(out / GPKG_FILE)
    broken = damaged_copy(project, tmp_path / "broken.gpkg", "gaps")
    result = cli("export", broken, out)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert str(broken) in result.stderr
    assert sha(out / GPKG_FILE) == before
    assert sorted(p.name for p in out.iterdir()) == [GPKG_FILE]
    shutil.rmtree(out)
