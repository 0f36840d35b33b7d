"""The failure scenarios of issue 7 on the real Changning project: two inspectors, deletes
on either side, concurrent adds, same photo name, NFC/NFD, time zones, refusals, drift."""
from __future__ import annotations

import json
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import fiona
import pytest
from osgeo import ogr

from lifecircle_plugin.core.errors import Cancelled, InputError
from lifecircle_plugin.core.progress import Progress
from lifecircle_plugin.core.survey.importer import apply_import, plan_import
from lifecircle_plugin.core.survey.receipt import read_receipt, receipt_path
from lifecircle_plugin.core.survey.resolve import resolve_conflict
from tests.sync_support import FieldWork, read_table
from tests.sync_support.fixtures import subdistrict_uuids


def facility(project, facility_uuid):
    return next((r for r in read_table(project, "facilities") if r["uuid"] == facility_uuid),
                None)


def planner_sets(project, facility_uuid, **values):
    """The planner edits the project through GDAL/OGR, as QGIS saves layer edits."""
    dataset = ogr.Open(str(project), 1)
    layer = dataset.GetLayerByName("facilities")
    layer.SetAttributeFilter(f"uuid = '{facility_uuid}'")
    feature = layer.GetNextFeature()
    for name, value in values.items():
        feature.SetField(name, value)
    layer.SetFeature(feature)
    dataset = None


def planner_deletes(project, facility_uuid):
    dataset = ogr.Open(str(project), 1)
    layer = dataset.GetLayerByName("facilities")
    layer.SetAttributeFilter(f"uuid = '{facility_uuid}'")
    layer.DeleteFeature(layer.GetNextFeature().GetFID())
    dataset = None


def test_two_inspectors_different_fields_both_kept(project, packages, tmp_path):
    target = subdistrict_uuids(project)[0]
    a, b = packages
    with FieldWork(a) as work:
        work.edit(target, "name", "张三写的名字")
    with FieldWork(b) as work:
        work.edit(target, "address", "江苏路480号")
        work.edit(target, "facility_type", "elderly_meal_point")  # a type of task 9
        work.connection.execute("UPDATE facilities SET task = 9 WHERE uuid = ?", (target,))
    report = apply_import(project, [a, b])
    assert report.conflicts == [] and read_table(project, "conflicts") == []
    row = facility(project, target)
    assert (row["name"], row["address"]) == ("张三写的名字", "江苏路480号")
    assert (row["facility_type"], row["task"]) == ("elderly_meal_point", 9)


def test_two_inspectors_same_field_is_a_conflict_keeping_both_values(project, packages, tmp_path):
    target = subdistrict_uuids(project)[1]
    original = facility(project, target)["name"]
    a, b = packages
    with FieldWork(a) as work:
        work.edit(target, "name", "甲名")
        audit_a = work.audit(target, {"clean": True})
    with FieldWork(b) as work:
        work.edit(target, "name", "乙名")
        audit_b = work.audit(target, {"clean": False})
    plan = plan_import(project, [a, b])
    assert plan.layer("conflicts").adds == 1
    apply_import(project, [a, b])
    assert facility(project, target)["name"] == "甲名"
    (conflict,) = read_table(project, "conflicts")
    assert json.loads(conflict["base_value"]) == original
    assert json.loads(conflict["project_value"]) == "甲名"
    assert json.loads(conflict["field_value"]) == "乙名"
    assert conflict["state"] == "open" and conflict["field"] == "name"
    assert read_receipt(receipt_path(b)).held_audits == [audit_b]
    assert read_receipt(receipt_path(a)).accepted_audits == [audit_a]
    # the planner takes the field's value; importing again raises nothing new
    resolve_conflict(project, conflict["conflict_uuid"], "field")
    assert facility(project, target)["name"] == "乙名"
    again = apply_import(project, [a, b])
    assert again.changes == 0
    (resolved,) = read_table(project, "conflicts")
    assert (resolved["state"], resolved["resolution"]) == ("resolved", "field")


def test_conflict_kept_with_project_value_is_not_raised_again(project, packages, tmp_path):
    target = subdistrict_uuids(project)[2]
    (a, _) = packages
    planner_sets(project, target, status="under_construction")
    with FieldWork(a) as work:
        work.edit(target, "status", "closed")
    report = apply_import(project, [a])
    (conflict,) = report.conflicts
    resolve_conflict(project, conflict.conflict_uuid, "project")
    assert facility(project, target)["status"] == "under_construction"
    assert apply_import(project, [a]).changes == 0
    with pytest.raises(InputError, match="already resolved"):
        resolve_conflict(project, conflict.conflict_uuid, "field")


def test_planner_deleted_an_audited_facility(project, packages, tmp_path):
    target = subdistrict_uuids(project)[3]
    (a, _) = packages
    with FieldWork(a) as work:
        audit = work.audit(target, {"clean": True})
    planner_deletes(project, target)
    report = apply_import(project, [a])
    (conflict,) = report.conflicts
    assert conflict.kind == "deleted_in_project" and conflict.facility_uuid == target
    assert facility(project, target) is None  # not silently re-created
    assert [r["audit_uuid"] for r in read_table(project, "audits")] == [audit]  # not lost
    assert read_receipt(receipt_path(a)).held_audits == [audit]
    resolve_conflict(project, conflict.conflict_uuid, "field")
    assert facility(project, target)["uuid"] == target


def test_not_found_in_field_but_edited_in_project_is_a_conflict(project, packages, tmp_path):
    edited, untouched = subdistrict_uuids(project)[4:6]
    (a, _) = packages
    planner_sets(project, edited, name="规划师改名")
    with FieldWork(a) as work:
        work.edit(edited, "status", "not_found")
        work.edit(untouched, "status", "not_found")
    report = apply_import(project, [a])
    assert [c.kind for c in report.conflicts] == ["deleted_in_field"]
    assert facility(project, edited)["name"] == "规划师改名"
    assert facility(project, edited)["status"] == "existing"  # held, not applied
    assert facility(project, untouched)["status"] == "not_found"  # never deleted by import
    resolve_conflict(project, report.conflicts[0].conflict_uuid, "field")
    assert facility(project, edited)["status"] == "not_found"


def test_both_laptops_added_facilities_no_collision(project, packages, tmp_path):
    a, b = packages
    count = len(read_table(project, "facilities"))
    with FieldWork(a) as work:
        new_a = [work.add_facility("pharmacy", f"药店{i}", 500000.0 + i, 3450000.0)
                 for i in range(2)]
        audit_a = work.audit(new_a[0], {"clean": True})
    with FieldWork(b) as work:
        new_b = work.add_facility("pharmacy", "药店0", 500000.0, 3450000.0,
                                  attributes={"capacity": 30, "position_source": "map"})
        audit_b = work.audit(new_b, {"clean": False})
    apply_import(project, [a, b])
    rows = read_table(project, "facilities")
    assert len(rows) == count + 3 and len({r["uuid"] for r in rows}) == len(rows)
    audits = {r["audit_uuid"]: r["facility_uuid"] for r in read_table(project, "audits")}
    assert audits == {audit_a: new_a[0], audit_b: new_b}
    added_b = facility(project, new_b)  # attributes map onto project fields by name
    assert added_b["capacity"] == 30
    assert json.loads(added_b["attributes"])["position_source"] == "map"


def test_img_0001_from_two_laptops_both_kept(project, packages, tmp_path):
    target = subdistrict_uuids(project)[6]
    a, b = packages
    photos = {}
    for package, data in ((a, b"laptop A photo" * 50), (b, b"laptop B photo" * 50)):
        with FieldWork(package) as work:
            audit = work.audit(target, {"clean": True})
            photos[work.photo(audit, target, "IMG_0001.jpg", data)] = data
    apply_import(project, [a, b])
    rows = read_table(project, "audit_photos")
    assert {r["original_name"] for r in rows} == {"IMG_0001.jpg"} and len(rows) == 2
    assert len({r["path"] for r in rows}) == 2
    for row in rows:
        assert (project.parent / row["path"]).read_bytes() == photos[row["photo_uuid"]]


def test_nfc_and_nfd_names_from_two_sides_are_not_a_conflict(project, packages, tmp_path):
    target = subdistrict_uuids(project)[7]
    name = "長寧 Café 豈"  # accent and compatibility ideograph: NFD differs from NFC
    planner_sets(project, target, name=unicodedata.normalize("NFC", name))
    (a, _) = packages
    with FieldWork(a) as work:
        work.edit(target, "name", unicodedata.normalize("NFD", name))
    report = apply_import(project, [a])
    assert report.conflicts == []
    assert facility(project, target)["name"] == unicodedata.normalize("NFC", name)


def test_inspected_at_keeps_its_offset(project, packages, tmp_path):
    target = subdistrict_uuids(project)[8]
    (a, _) = packages
    with FieldWork(a) as work:
        audit = work.audit(target, {"clean": True}, started_at="2026-05-22T09:30:00+08:00")
    report = apply_import(project, [a])
    (row,) = read_table(project, "audits")
    assert row["audit_uuid"] == audit
    assert row["inspected_at"] == "2026-05-22T09:30:00+08:00"
    assert row["imported_at"] == report.imported_at != row["inspected_at"]


def test_refuses_other_project_newer_schema_and_locked_project(project, packages, tmp_path):
    (a, b) = packages
    other, newer = (Path(shutil.copyfile(b, tmp_path / name))
                    for name in ("other.lcsurvey", "newer.lcsurvey"))
    for package, key, value in ((other, "project_id", "another-project"),
                                (newer, "schema_version", "99")):
        with FieldWork(package) as work:
            work.connection.execute("UPDATE package_info SET value = ? WHERE key = ?",
                                    (value, key))
    with pytest.raises(InputError, match="another project"):
        apply_import(project, [a, other])
    with pytest.raises(InputError, match="newer"):
        plan_import(project, [newer])
    holder = sqlite3.connect(str(project))
    holder.execute("BEGIN IMMEDIATE")  # another writer, e.g. QGIS saving layer edits
    try:
        with pytest.raises(InputError, match="in use by another program") as error:
            apply_import(project, [a])
        assert "database is locked" not in str(error.value)
    finally:
        holder.rollback()
        holder.close()
    assert read_table(project, "audits", missing_ok=True) == []
    assert read_table(project, "import_log", missing_ok=True) == []
    not_a_package = tmp_path / "notes.lcsurvey"
    not_a_package.write_text("hello")
    with pytest.raises(InputError, match="not a survey package"):
        plan_import(project, [not_a_package])


def test_schema_drift_maps_by_name_and_keeps_homeless_values(project, packages, tmp_path):
    target = subdistrict_uuids(project)[9]
    (a, _) = packages
    dataset = ogr.Open(str(project), 1)  # the planner renamed address -> addr
    layer = dataset.GetLayerByName("facilities")
    index = layer.GetLayerDefn().GetFieldIndex("address")
    layer.AlterFieldDefn(index, ogr.FieldDefn("addr", ogr.OFTString), ogr.ALTER_NAME_FLAG)
    dataset = None
    with FieldWork(a) as work:
        work.edit(target, "address", "愚园路99号")
        work.edit(target, "capacity", 120.0)
        work.edit(target, "opening_hours", "07:00-22:00")
    report = apply_import(project, [a])
    row = facility(project, target)
    assert row["capacity"] == 120.0
    assert json.loads(row["extra"]) == {"address": "愚园路99号", "opening_hours": "07:00-22:00"}
    assert any("address" in note for note in report.extra_values)
    assert any("opening_hours" in note for note in report.extra_values)
    assert any("address" in note for note in report.drift)


def test_cancel_rolls_back_and_bad_rows_are_counted_as_errors(project, packages, tmp_path):
    (a, _) = packages
    uuids = subdistrict_uuids(project)
    with FieldWork(a) as work:
        work.audit(uuids[0], {"clean": True})
        broken = work.add_facility("pharmacy", "无坐标药店", 0.0, 0.0)
        work.connection.execute("UPDATE facilities SET x = NULL WHERE uuid = ?", (broken,))
    before = read_table(project, "facilities")
    calls = []
    cancelling = Progress(lambda pct, msg: calls.append(pct), lambda: len(calls) > 1)
    with pytest.raises(Cancelled):
        apply_import(project, [a], progress=cancelling)
    assert read_table(project, "facilities") == before
    assert read_table(project, "audits", missing_ok=True) == []
    plan = plan_import(project, [a])
    assert plan.layer("facilities").errors == 1 and "without a position" in plan.errors[0]
    report = apply_import(project, [a])
    assert broken not in {f["uuid"] for f in read_table(project, "facilities")}
    assert "without a position" in read_receipt(receipt_path(a)).errors[0]
    assert report.layer("audits").adds == 1


def test_read_receipt_refuses_other_files(tmp_path):
    other = tmp_path / "x.receipt.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="not a Life Circle import receipt"):
        read_receipt(other)
    other.write_text("not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable receipt"):
        read_receipt(other)


def test_a_reader_holding_the_file_at_commit_is_refused_cleanly(project, packages):
    (a, _) = packages
    with FieldWork(a) as work:
        work.audit(subdistrict_uuids(project)[0], {"clean": True})
    apply_import(project, [packages[1]])  # survey layers exist, the rest is this import's
    before = read_table(project, "audits")
    reader = sqlite3.connect(str(project))  # e.g. QGIS drawing the layer, mid-read
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM facilities").fetchone()
    try:
        with pytest.raises(InputError, match="in use by another program"):
            apply_import(project, [a])
    finally:
        reader.rollback()
        reader.close()
    assert read_table(project, "audits") == before
    assert apply_import(project, [a]).layer("audits").adds == 1


def test_field_changing_a_held_value_again_supersedes_the_open_conflict(project, packages,
                                                                         tmp_path):
    (a, _) = packages
    target = subdistrict_uuids(project)[10]
    planner_sets(project, target, name="规划名")
    with FieldWork(a) as work:
        work.edit(target, "name", "现场名一")
    first = apply_import(project, [a]).conflicts[0]
    with FieldWork(a) as work:  # more field work on the same laptop, exported again
        work.edit(target, "name", "现场名二")
    second = apply_import(project, [a]).conflicts[0]
    states = {r["conflict_uuid"]: r["state"] for r in read_table(project, "conflicts")}
    assert states == {first.conflict_uuid: "superseded", second.conflict_uuid: "open"}
    assert second.field_value == "现场名二" and second.project == "规划名"


def planner_moves(project, facility_uuid, dx, dy):
    dataset = ogr.Open(str(project), 1)
    layer = dataset.GetLayerByName("facilities")
    layer.SetAttributeFilter(f"uuid = '{facility_uuid}'")
    feature = layer.GetNextFeature()
    point = feature.GetGeometryRef()
    moved = ogr.Geometry(ogr.wkbPoint)
    moved.AddPoint_2D(point.GetX() + dx, point.GetY() + dy)
    feature.SetGeometry(moved)
    layer.SetFeature(feature)
    dataset = None


def test_moved_on_both_sides_is_a_conflict_resolved_on_the_map(project, packages):
    (a, _) = packages
    jitter, moved = subdistrict_uuids(project)[11:13]
    with FieldWork(a) as work:
        x, y = work.facility(moved)["x"], work.facility(moved)["y"]
        work.move(moved, x - 8.0, y + 6.0)
        jx, jy = work.facility(jitter)["x"], work.facility(jitter)["y"]
        work.move(jitter, jx + 0.004, jy)  # GPS noise, not a move
    planner_moves(project, moved, 15.0, 0.0)
    planner_moves(project, jitter, 0.0, 0.003)
    report = apply_import(project, [a])
    (conflict,) = report.conflicts
    assert (conflict.facility_uuid, conflict.kind) == (moved, "moved_both")
    resolve_conflict(project, conflict.conflict_uuid, "field")
    with fiona.open(project, layer="facilities") as layer:
        where = {f["properties"]["uuid"]: f["geometry"]["coordinates"] for f in layer
                 if f["properties"]["uuid"] == moved}
    assert where[moved] == pytest.approx((x - 8.0, y + 6.0))


def test_paths_with_chinese_spaces_hash_and_percent(project, packages, tmp_path):
    folder = tmp_path / "长宁 项目#1%20"
    folder.mkdir()
    moved_project = Path(shutil.move(str(project), folder / "规划 项目.gpkg"))
    package = Path(shutil.copyfile(packages[0], folder / "张三 包.lcsurvey"))
    with FieldWork(package) as work:
        target = work.connection.execute("SELECT uuid FROM facilities").fetchone()[0]
        audit = work.audit(target, {"clean": True})
        work.photo(audit, target, "IMG_0001.jpg", b"bytes" * 10)
    report = apply_import(moved_project, [package])
    (photo,) = read_table(moved_project, "audit_photos")
    assert photo["path"].startswith("规划 项目_attachments/")
    assert (folder / photo["path"]).is_file()
    assert report.packages[0].receipt == folder / "张三 包.lcsurvey.receipt.json"
