"""An import killed half-way (SIGKILL of a real process) leaves the project as it was;
running it again completes. The kill lands at three points: after the facility writes,
after the photo files, and just before COMMIT (all rows written, not committed)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from osgeo import ogr

from lifecircle_plugin.core.survey.importer import HOLD_ENV, apply_import
from tests.sync_support import JIANGSU_ROAD, FieldWork, fixtures, make_survey_package, read_table
from tests.sync_support.fixtures import subdistrict_uuids

changning_project, project = fixtures.changning_project, fixtures.project
ROOT = Path(__file__).resolve().parents[2]
IMPORT = ("import sys; from lifecircle_plugin.core.survey.importer import apply_import;"
          " apply_import(sys.argv[1], [sys.argv[2]])")


def content(path: Path):
    """Every row of every table, as SQLite reads it after recovering any hot journal."""
    connection = sqlite3.connect(str(path))
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.parametrize("step", ["facilities", "photos", "commit"])
def test_import_killed_half_way_leaves_project_as_it_was(project, tmp_path, step):
    uuids = subdistrict_uuids(project)
    package = make_survey_package(project, tmp_path / "a.lcsurvey", JIANGSU_ROAD, "张三")
    with FieldWork(package) as work:
        for number, facility_uuid in enumerate(uuids[:5]):
            audit = work.audit(facility_uuid, {"clean": number % 2 == 0})
            work.photo(audit, facility_uuid, "IMG_0001.jpg", b"photo %d" % number * 100)
            work.edit(facility_uuid, "name", f"新名字{number}")
        work.add_facility("pharmacy", "雷允上", 500000.0, 3450000.0)
    before = content(project)
    marker = tmp_path / "held"
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(project), str(package)], cwd=ROOT,
        env=dict(os.environ, **{HOLD_ENV: f"{step}:{marker}"}))
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, "the import ended before the kill point"
            assert time.monotonic() < deadline, "the import never reached the kill point"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    journals = [Path(f"{project}{suffix}") for suffix in ("-journal", "-wal")]
    assert any(j.exists() and j.stat().st_size > 0 for j in journals)  # work under way
    assert content(project) == before
    dataset = ogr.Open(str(project))  # GDAL still reads it
    assert dataset.GetLayerByName("audits").GetFeatureCount() == 0
    dataset = None

    report = apply_import(project, [package])  # running again completes
    assert report.layer("audits").adds == 5 and report.layer("audit_photos").adds == 5
    assert len(read_table(project, "audits")) == 5
    names = {r["uuid"]: r["name"] for r in read_table(project, "facilities")}
    assert [names[u] for u in uuids[:5]] == [f"新名字{n}" for n in range(5)]
    for row in read_table(project, "audit_photos"):
        assert (project.parent / row["path"]).is_file()
