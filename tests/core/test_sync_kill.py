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
from tests.sync_support import FieldWork, read_table
from tests.sync_support.fixtures import subdistrict_uuids

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
@pytest.mark.parametrize("step, journal", [("facilities", "delete"), ("photos", "delete"),
                                           ("commit", "delete"), ("commit", "wal")])
def test_import_killed_half_way_leaves_project_as_it_was(project, packages, tmp_path, step,
                                                         journal):
    uuids = subdistrict_uuids(project)
    package = packages[0]
    with FieldWork(package) as work:
        for number, facility_uuid in enumerate(uuids[:5]):
            audit = work.audit(facility_uuid, {"clean": number % 2 == 0})
            work.photo(audit, facility_uuid, "IMG_0001.jpg", b"photo %d" % number * 100)
            work.edit(facility_uuid, "name", f"新名字{number}")
        work.add_facility("pharmacy", "雷允上", 500000.0, 3450000.0)
    if journal == "wal":  # as QGIS may leave a GeoPackage it edited
        connection = sqlite3.connect(str(project))
        assert connection.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
        connection.close()
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
    if journal == "delete":  # the rollback journal shows work was under way
        assert Path(f"{project}-journal").stat().st_size > 0
    assert content(project) == before
    dataset = ogr.Open(str(project))  # GDAL still reads it; the survey layers the import
    assert dataset.GetLayerByName("audits") is None  # was adding were rolled back too
    assert dataset.GetLayerByName("facilities").GetFeatureCount() > 1000
    dataset = None

    report = apply_import(project, [package])  # running again completes
    assert report.layer("audits").adds == 5 and report.layer("audit_photos").adds == 5
    assert len(read_table(project, "audits")) == 5
    names = {r["uuid"]: r["name"] for r in read_table(project, "facilities")}
    assert [names[u] for u in uuids[:5]] == [f"新名字{n}" for n in range(5)]
    for row in read_table(project, "audit_photos"):
        assert (project.parent / row["path"]).is_file()
