"""The per-field three-way merge rules of issue 7, case by case (pure, no files)."""
from __future__ import annotations

import unicodedata

from lifecircle_plugin.core.survey import merge

BASE = {"facility_type": "convenience_store", "name": "全家", "address": "江苏路1号",
        "status": "existing", "x": 500000.0, "y": 3450000.0}


def run(project_changes=None, field_changes=None, **kwargs):
    project = dict(BASE, **(project_changes or {})) if project_changes is not False else None
    field = dict(BASE, **(field_changes or {}))
    return merge.merge_facility("f1", BASE, project, field, **kwargs)


def test_field_only_change_is_applied_and_project_only_change_kept():
    result = run({"address": "江苏路2号"}, {"name": "全家便利店"})
    assert result.outcome == merge.UPDATE
    assert result.updates == {"name": "全家便利店"}
    assert result.conflicts == []


def test_same_field_changed_to_different_values_is_a_conflict_with_three_values():
    result = run({"name": "罗森"}, {"name": "全家便利店"})
    assert result.outcome == merge.CONFLICT
    assert result.updates == {}
    (conflict,) = result.conflicts
    assert (conflict.field, conflict.kind) == ("name", merge.BOTH_CHANGED)
    assert (conflict.base, conflict.project, conflict.field_value) == ("全家", "罗森", "全家便利店")


def test_same_new_value_on_both_sides_is_not_a_conflict():
    result = run({"status": "closed"}, {"status": "closed"})
    assert result.outcome == merge.UNCHANGED and not result.conflicts


def test_nfc_and_nfd_of_the_same_name_are_equal():
    name = "長寧咖啡 Café \uf900"  # a compatibility ideograph and an accent: NFC != NFD
    nfc, nfd = unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name)
    assert nfc != nfd
    assert run({"name": nfc}, {"name": nfd}).conflicts == []
    assert run(None, {"name": unicodedata.normalize("NFD", BASE["name"])}).updates == {}


def test_position_within_tolerance_is_not_a_move():
    result = run({"x": BASE["x"] + 0.004}, {"y": BASE["y"] - 0.005})
    assert result.outcome == merge.UNCHANGED


def test_moved_on_both_sides_to_different_places_is_one_conflict():
    result = run({"x": BASE["x"] + 5}, {"x": BASE["x"] - 3, "y": BASE["y"] + 2})
    (conflict,) = result.conflicts
    assert conflict.kind == merge.MOVED_BOTH and conflict.field == merge.POSITION
    assert conflict.field_value == (BASE["x"] - 3, BASE["y"] + 2)


def test_moved_only_in_the_field_moves_x_and_y_together():
    result = run(None, {"x": BASE["x"] + 12.5})
    assert result.updates == {"x": BASE["x"] + 12.5, "y": BASE["y"]}


def test_edit_in_field_of_facility_deleted_in_project_is_a_conflict():
    result = run(False, {"status": "closed"})
    (conflict,) = result.conflicts
    assert conflict.kind == merge.DELETED_IN_PROJECT and conflict.project is None
    assert conflict.field_value["status"] == "closed"


def test_audit_of_facility_deleted_in_project_is_a_conflict_even_without_edits():
    assert run(False, None).outcome == merge.UNCHANGED
    assert run(False, None, field_touched=True).conflicts[0].kind == merge.DELETED_IN_PROJECT


def test_not_found_in_field_but_edited_in_project_is_a_conflict_else_a_status():
    edited = run({"name": "新名"}, {"status": "not_found"}, deleted_in_field=True)
    assert edited.conflicts[0].kind == merge.DELETED_IN_FIELD
    assert edited.conflicts[0].field_value["status"] == "not_found"
    untouched = run(None, {"status": "not_found"}, deleted_in_field=True)
    assert untouched.updates == {"status": "not_found"}  # kept as a status, not deleted


def test_facility_added_in_field_is_an_add_with_its_values():
    added = merge.merge_facility("new", None, None, dict(BASE, name="新店"))
    assert added.outcome == merge.ADD and added.updates["name"] == "新店"


def test_empty_text_and_null_are_the_same_value():
    assert run({"address": ""}, {"address": None}).conflicts == []
