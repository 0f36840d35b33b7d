"""Import end to end on the real Changning data: project -> 江苏路街道 package -> field work
-> import -> layers checked by reading the GeoPackage independently (sqlite3, fiona, OGR).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import fiona
import pytest
from osgeo import ogr
from shapely.geometry import shape

from lifecircle_plugin.core.survey.importer import apply_import, plan_import
from lifecircle_plugin.core.survey.receipt import read_receipt, receipt_path
from tests.sync_support import JIANGSU_ROAD, FieldWork, read_table
from tests.sync_support.fixtures import subdistrict_uuids

PHOTO_A = b"\xff\xd8\xff\xe0 jpeg bytes of the entrance " * 40
PHOTO_B = b"\xff\xd8\xff\xe0 jpeg bytes of the ramp " * 40


def jiangsu_polygon(project: Path):
    with fiona.open(project, layer="subdistricts") as layer:
        return next(shape(f["geometry"]) for f in layer
                    if f["properties"]["name"] == JIANGSU_ROAD)


def jiangsu_uuids(project: Path):
    return subdistrict_uuids(project, JIANGSU_ROAD)


def test_jiangsu_road_field_work_lands_in_the_project(project, packages, tmp_path):
    uuids = jiangsu_uuids(project)
    package = packages[0]
    with FieldWork(package) as work:
        assert sorted(r[0] for r in work.connection.execute("SELECT uuid FROM facilities")) \
            == uuids
        audited, closed = uuids[0], uuids[1]
        first = work.audit(audited, {"open_hours_ok": True, "ramp_count": 2,
                                     "note": "入口有坡道", "issues": ["dark", "narrow"]})
        work.photo(first, audited, "IMG_0001.jpg", PHOTO_A)
        work.photo(first, audited, "IMG_0002.jpg", PHOTO_B)
        work.audit(closed, {"open_hours_ok": False})
        work.edit(closed, "status", "closed")
        centre = work.facility(audited)
        inside = jiangsu_polygon(project).representative_point()
        new = work.add_facility("convenience_store", "好德便利", inside.x, inside.y)
        work.audit(new, {"open_hours_ok": True})
    before = hashlib.sha256(project.read_bytes()).hexdigest()

    plan = plan_import(project, [package])
    assert hashlib.sha256(project.read_bytes()).hexdigest() == before  # dry run wrote nothing
    assert (plan.layer("facilities").adds, plan.layer("facilities").updates) == (1, 1)
    assert (plan.layer("audits").adds, plan.layer("audit_photos").adds) == (3, 2)
    assert plan.layer("facilities").conflicts == plan.layer("facilities").errors == 0

    report = apply_import(project, [package])
    assert {name: vars(c) for name, c in report.counts.items()} == \
        {name: vars(c) for name, c in plan.counts.items()}

    facilities = {r["uuid"]: r for r in read_table(project, "facilities")}
    assert facilities[closed]["status"] == "closed"
    assert facilities[closed]["updated_at"] == report.imported_at
    assert facilities[new]["name"] == "好德便利" and facilities[new]["source"] == "survey"
    assert facilities[new]["subdistrict"] == JIANGSU_ROAD
    audits = read_table(project, "audits")
    assert sorted(a["facility_uuid"] for a in audits) == sorted([audited, closed, new])
    first_row = next(a for a in audits if a["audit_uuid"] == first)
    assert json.loads(first_row["answers"])["issues"] == ["dark", "narrow"]
    assert (first_row["a_ramp_count"], first_row["a_note"], first_row["a_open_hours_ok"]) == \
        (2, "入口有坡道", 1)
    assert first_row["inspected_at"] == "2026-05-22T09:30:00+08:00"
    assert first_row["imported_at"] == report.imported_at

    # audits are points at the facility, readable by GDAL; the spatial index knows them
    with fiona.open(project, layer="audits") as layer:
        points = {f["properties"]["audit_uuid"]: f["geometry"]["coordinates"] for f in layer}
    assert points[first] == pytest.approx((centre["x"], centre["y"]))
    dataset = ogr.Open(str(project))
    layer = dataset.GetLayerByName("facilities")
    layer.SetSpatialFilterRect(inside.x - 0.5, inside.y - 0.5, inside.x + 0.5, inside.y + 0.5)
    assert [f.GetField("uuid") for f in layer] == [new]
    minx, maxx, miny, maxy = layer.GetExtent(force=0)
    assert minx <= inside.x <= maxx and miny <= inside.y <= maxy
    dataset = None

    photos = read_table(project, "audit_photos")
    assert sorted(p["original_name"] for p in photos) == ["IMG_0001.jpg", "IMG_0002.jpg"]
    for photo in photos:
        stored = project.parent / photo["path"]
        assert stored.parent.name == "project_attachments"
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == photo["sha256"]
        assert stored.name.startswith(audited)

    receipt = read_receipt(receipt_path(package))
    assert sorted(receipt.accepted_audits) == sorted(a["audit_uuid"] for a in audits)
    assert receipt.held_audits == [] and receipt.added_facilities == [new]
    assert receipt.status_of(first) == "accepted"


def test_same_package_twice_changes_nothing(project, packages, tmp_path):
    uuids = jiangsu_uuids(project)
    package = packages[0]
    with FieldWork(package) as work:
        audit = work.audit(uuids[2], {"clean": True})
        work.photo(audit, uuids[2], "IMG_0001.jpg", PHOTO_A)
        work.edit(uuids[3], "name", "改过的名字")
        work.add_facility("pharmacy", "雷允上", 0.0, 0.0)
    apply_import(project, [package])
    dump = _dump(project)
    files = sorted(p.name for p in (tmp_path / "project_attachments").iterdir())
    again = apply_import(project, [package, package])
    assert again.changes == 0
    assert _dump(project) == dump
    assert sorted(p.name for p in (tmp_path / "project_attachments").iterdir()) == files


def test_package_exported_again_after_more_work_adds_only_what_is_new(project, packages, tmp_path):
    uuids = jiangsu_uuids(project)
    package = packages[0]
    with FieldWork(package) as work:
        audit = work.audit(uuids[0], {"clean": True}, status="draft")
        work.edit(uuids[1], "name", "第一次")
        new = work.add_facility("pharmacy", "雷允上", 1.0, 2.0)
    first_copy = Path(shutil.copyfile(package, tmp_path / "a_monday.lcsurvey"))
    apply_import(project, [first_copy])
    with FieldWork(package) as work:  # Tuesday: more work on the same laptop
        work.answer(audit, {"ramp": "yes"}, at="2026-05-23T10:00:00+08:00")
        work.connection.execute("UPDATE audits SET status = 'complete' WHERE audit_uuid = ?",
                                (audit,))
        work.edit(uuids[1], "name", "第二次", at="2026-05-23T10:05:00+08:00")
        work.edit(new, "address", "愚园路1号", at="2026-05-23T10:06:00+08:00")
        work.audit(uuids[4], {"clean": False})
    report = apply_import(project, [package])
    assert report.conflicts == []
    assert report.layer("audits").adds == 1 and report.layer("audits").updates == 1
    assert report.layer("facilities").adds == 0 and report.layer("facilities").updates == 2
    facilities = {r["uuid"]: r for r in read_table(project, "facilities")}
    assert facilities[uuids[1]]["name"] == "第二次"
    assert facilities[new]["address"] == "愚园路1号"
    audits = read_table(project, "audits")
    assert len(audits) == len({a["audit_uuid"] for a in audits}) == 2
    row = next(a for a in audits if a["audit_uuid"] == audit)
    assert row["status"] == "complete" and json.loads(row["answers"]) == {"clean": True,
                                                                         "ramp": "yes"}
    # Monday's copy turns up again after Tuesday's: nothing goes back in time
    stale = apply_import(project, [first_copy])
    assert stale.changes == 0 and stale.notes
    assert {r["uuid"]: r["name"] for r in read_table(project, "facilities")}[uuids[1]] == \
        "第二次"
    assert next(a for a in read_table(project, "audits")
                if a["audit_uuid"] == audit)["status"] == "complete"


def test_plan_counts_errors_for_a_damaged_photo(project, packages, tmp_path):
    uuids = jiangsu_uuids(project)
    package = packages[0]
    with FieldWork(package) as work:
        audit = work.audit(uuids[0], {"clean": True})
        photo = work.photo(audit, uuids[0], "IMG_0009.jpg", PHOTO_A)
        work.connection.execute("UPDATE photos SET data = ? WHERE photo_uuid = ?",
                                (PHOTO_A[:-5], photo))
    plan = plan_import(project, [package])
    assert plan.layer("audit_photos").errors == 1 and "IMG_0009.jpg" in plan.errors[0]
    report = apply_import(project, [package])
    assert read_table(project, "audit_photos") == []
    assert len(read_table(project, "audits")) == 1
    assert "IMG_0009.jpg" in read_receipt(receipt_path(package)).errors[0]
    assert report.layer("audits").adds == 1


def _dump(path: Path):
    connection = sqlite3.connect(str(path))
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_command_line_dry_run_import_and_refusal(project, packages, tmp_path):
    uuids = jiangsu_uuids(project)
    package = packages[0]
    with FieldWork(package) as work:
        work.audit(uuids[0], {"clean": True})
    root = Path(__file__).resolve().parents[2]

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "lifecircle_plugin.core.cli",
                               "import-survey", str(project), *map(str, args)], cwd=root,
                              capture_output=True, text=True, timeout=120)

    dry = cli(package, "--dry-run")
    assert dry.returncode == 0 and "audits: +1" in dry.stdout
    assert read_table(project, "audits", missing_ok=True) == []
    done = cli(package)
    assert done.returncode == 0 and len(read_table(project, "audits")) == 1
    assert "receipt:" in done.stdout
    bogus = tmp_path / "bogus.lcsurvey"
    bogus.write_bytes(b"not sqlite at all, just bytes" * 10)
    refused = cli(bogus)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "not a survey package" in refused.stderr
