"""The failure scenarios of issue 7 on the real Changning project: two inspectors, deletes
on either side, concurrent adds, same photo name, NFC/NFD, time zones, refusals, drift."""
from __future__ import annotations

import json
import sqlite3
import unicodedata

import pytest
from osgeo import ogr

from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.survey.importer import apply_import, plan_import
from lifecircle_plugin.core.survey.receipt import read_receipt, receipt_path
from lifecircle_plugin.core.survey.resolve import resolve_conflict
from tests.sync_support import JIANGSU_ROAD, FieldWork, fixtures, make_survey_package, read_table
from tests.sync_support.fixtures import subdistrict_uuids

changning_project, project = fixtures.changning_project, fixtures.project


def two_packages(project, tmp_path):
    a = make_survey_package(project, tmp_path / "zhang.lcsurvey", JIANGSU_ROAD, "张三")
    b = make_survey_package(project, tmp_path / "li.lcsurvey", JIANGSU_ROAD, "李四")
    return a, b


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


def test_two_inspectors_different_fields_both_kept(project, tmp_path):
    target = subdistrict_uuids(project)[0]
    a, b = two_packages(project, tmp_path)
    with FieldWork(a) as work:
        work.edit(target, "name", "张三写的名字")
    with FieldWork(b) as work:
        work.edit(target, "address", "江苏路480号")
    report = apply_import(project, [a, b])
    assert report.conflicts == [] and read_table(project, "conflicts") == []
    row = facility(project, target)
    assert (row["name"], row["address"]) == ("张三写的名字", "江苏路480号")


def test_two_inspectors_same_field_is_a_conflict_keeping_both_values(project, tmp_path):
    target = subdistrict_uuids(project)[1]
    original = facility(project, target)["name"]
    a, b = two_packages(project, tmp_path)
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


def test_conflict_kept_with_project_value_is_not_raised_again(project, tmp_path):
    target = subdistrict_uuids(project)[2]
    (a, _) = two_packages(project, tmp_path)
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


def test_planner_deleted_an_audited_facility(project, tmp_path):
    target = subdistrict_uuids(project)[3]
    (a, _) = two_packages(project, tmp_path)
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


def test_not_found_in_field_but_edited_in_project_is_a_conflict(project, tmp_path):
    edited, untouched = subdistrict_uuids(project)[4:6]
    (a, _) = two_packages(project, tmp_path)
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


def test_both_laptops_added_facilities_no_collision(project, tmp_path):
    a, b = two_packages(project, tmp_path)
    count = len(read_table(project, "facilities"))
    with FieldWork(a) as work:
        new_a = [work.add_facility("pharmacy", f"药店{i}", 500000.0 + i, 3450000.0)
                 for i in range(2)]
        audit_a = work.audit(new_a[0], {"clean": True})
    with FieldWork(b) as work:
        new_b = work.add_facility("pharmacy", "药店0", 500000.0, 3450000.0)
        audit_b = work.audit(new_b, {"clean": False})
    apply_import(project, [a, b])
    rows = read_table(project, "facilities")
    assert len(rows) == count + 3 and len({r["uuid"] for r in rows}) == len(rows)
    audits = {r["audit_uuid"]: r["facility_uuid"] for r in read_table(project, "audits")}
    assert audits == {audit_a: new_a[0], audit_b: new_b}


def test_img_0001_from_two_laptops_both_kept(project, tmp_path):
    target = subdistrict_uuids(project)[6]
    a, b = two_packages(project, tmp_path)
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


def test_nfc_and_nfd_names_from_two_sides_are_not_a_conflict(project, tmp_path):
    target = subdistrict_uuids(project)[7]
    name = "長寧 Café 豈"  # accent and compatibility ideograph: NFD differs from NFC
    planner_sets(project, target, name=unicodedata.normalize("NFC", name))
    (a, _) = two_packages(project, tmp_path)
    with FieldWork(a) as work:
        work.edit(target, "name", unicodedata.normalize("NFD", name))
    report = apply_import(project, [a])
    assert report.conflicts == []
    assert facility(project, target)["name"] == unicodedata.normalize("NFC", name)


def test_inspected_at_keeps_its_offset(project, tmp_path):
    target = subdistrict_uuids(project)[8]
    (a, _) = two_packages(project, tmp_path)
    with FieldWork(a) as work:
        audit = work.audit(target, {"clean": True}, started_at="2026-05-22T09:30:00+08:00")
    report = apply_import(project, [a])
    (row,) = read_table(project, "audits")
    assert row["audit_uuid"] == audit
    assert row["inspected_at"] == "2026-05-22T09:30:00+08:00"
    assert row["imported_at"] == report.imported_at != row["inspected_at"]


def test_refuses_other_project_newer_schema_and_locked_project(project, tmp_path):
    (a, _) = two_packages(project, tmp_path)
    other = make_survey_package(project, tmp_path / "other.lcsurvey", JIANGSU_ROAD, "王五",
                                project_id="another-project")
    with pytest.raises(InputError, match="another project"):
        apply_import(project, [a, other])
    newer = make_survey_package(project, tmp_path / "newer.lcsurvey", JIANGSU_ROAD, "王五")
    with FieldWork(newer) as work:
        work.connection.execute("UPDATE package_info SET value = '99'"
                                " WHERE key = 'schema_version'")
    with pytest.raises(InputError, match="newer"):
        plan_import(project, [newer])
    holder = sqlite3.connect(str(project))
    holder.execute("BEGIN IMMEDIATE")  # another writer, e.g. QGIS saving layer edits
    try:
        with pytest.raises(InputError, match="another program") as error:
            apply_import(project, [a])
        assert "database is locked" not in str(error.value)
    finally:
        holder.rollback()
        holder.close()
    assert read_table(project, "audits") == [] and read_table(project, "import_log") == []
    not_a_package = tmp_path / "notes.lcsurvey"
    not_a_package.write_text("hello")
    with pytest.raises(InputError, match="not a survey package"):
        plan_import(project, [not_a_package])


def test_schema_drift_maps_by_name_and_keeps_homeless_values(project, tmp_path):
    target = subdistrict_uuids(project)[9]
    (a, _) = two_packages(project, tmp_path)
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
