"""The audit form on a real package: every question kind through real widget input."""
from __future__ import annotations

import datetime as dt

from PyQt5.QtCore import Qt

from tests.survey_app.app_support import (
    choose,
    click_facility,
    drop,
    facility_of_type,
    jpeg,
    query,
    stored_answers,
    type_into,
)


def test_every_question_kind_is_stored_as_typed(qtbot, window, package, tmp_path):
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    form = window.form
    choose(qtbot, window, "present", 0)  # open
    qtbot.mouseClick(form.rows["step_free_entrance"].field.yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.rows["ramp"].field.no, Qt.MouseButton.LeftButton)
    choose(qtbot, window, "condition", 1)  # fair
    days = form.rows["opening_days"].field.boxes
    for box in (days[0], days[1], days[5]):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    type_into(qtbot, window, "stalls", "120")
    type_into(qtbot, window, "floor_area_m2", "860.5")
    type_into(qtbot, window, "opens_at", "06:30")
    type_into(qtbot, window, "notes", "菜场二楼在装修")
    type_into(qtbot, window, "visited_at", "2026-05-19 09:15")
    drop(form.rows["photo_front"].field, [jpeg(tmp_path / "front.jpg", "#795548")])

    stored = stored_answers(package, uuid)
    offset = dt.datetime(2026, 5, 19, 9, 15).astimezone().isoformat(timespec="minutes")
    assert stored["present"] == "open"
    assert stored["step_free_entrance"] is True
    assert stored["ramp"] is False
    assert stored["condition"] == "fair"
    assert stored["opening_days"] == ["mon", "tue", "sat"]
    assert stored["stalls"] == 120 and isinstance(stored["stalls"], int)
    assert stored["floor_area_m2"] == 860.5
    assert stored["opens_at"] == "06:30"
    assert stored["notes"] == "菜场二楼在装修"
    assert stored["visited_at"] == offset
    photo_uuids = [row[0] for row in query(package, "SELECT photo_uuid FROM photos "
                                                    "WHERE facility_uuid = ?", (uuid,))]
    assert stored["photo_front"] == photo_uuids and len(photo_uuids) == 1


def test_invalid_values_show_a_message_and_are_not_stored(qtbot, window, package):
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    choose(qtbot, window, "present", 0)
    row = window.form.rows["stalls"]
    type_into(qtbot, window, "stalls", "3000")
    assert not row.message.isHidden() and "2000" in row.message.text()
    type_into(qtbot, window, "stalls", "十二")
    assert "number" in row.message.text()
    type_into(qtbot, window, "opens_at", "25:99")
    assert not window.form.rows["opens_at"].message.isHidden()
    stored = stored_answers(package, uuid)
    assert "stalls" not in stored and "opens_at" not in stored
    type_into(qtbot, window, "stalls", "40")
    assert row.message.isHidden()
    assert stored_answers(package, uuid)["stalls"] == 40


def test_relevance_hides_and_shows_questions_live(qtbot, window, package):
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    form = window.form
    assert not form.is_shown("condition") and not form.is_shown("closed_since")
    choose(qtbot, window, "present", 1)  # closed
    assert form.is_shown("closed_since") and form.is_shown("photo_front")
    assert not form.is_shown("condition") and not form.is_shown("stalls")
    choose(qtbot, window, "present", 0)  # open
    assert form.is_shown("condition") and form.is_shown("stalls")
    assert not form.is_shown("closed_since") and not form.is_shown("moved_to")
    choose(qtbot, window, "present", 2)  # moved
    assert form.is_shown("moved_to") and not form.is_shown("photo_front")


def test_missing_required_answer_blocks_completion(qtbot, window, package, tmp_path):
    uuid = facility_of_type(package, "convenience_store")
    click_facility(qtbot, window, uuid)
    form = window.form
    choose(qtbot, window, "present", 0)
    qtbot.mouseClick(form.complete_button, Qt.MouseButton.LeftButton)
    assert not form.summary.isHidden()
    for label in ("Condition", "Step-free entrance", "Signage", "Photo of the front",
                  "Open 24 hours"):
        assert label in form.summary.text()
    assert query(package, "SELECT status FROM audits WHERE facility_uuid = ?",
                 (uuid,)) == [("draft",)]

    choose(qtbot, window, "condition", 0)
    qtbot.mouseClick(form.rows["step_free_entrance"].field.yes, Qt.MouseButton.LeftButton)
    choose(qtbot, window, "signage", 0)
    qtbot.mouseClick(form.rows["open_24h"].field.no, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.complete_button, Qt.MouseButton.LeftButton)
    assert "Photo of the front" in form.summary.text()
    assert "Signage" not in form.summary.text()
    drop(form.rows["photo_front"].field, [jpeg(tmp_path / "shop.jpg", "#607d8b")])
    qtbot.mouseClick(form.complete_button, Qt.MouseButton.LeftButton)
    assert form.summary.isHidden()
    assert query(package, "SELECT status FROM audits WHERE facility_uuid = ?",
                 (uuid,)) == [("complete",)]
    assert window.list_panel.model.facility_by_uuid(uuid).state == "complete"
    assert not form.rows["notes"].field.isEnabled()


def test_answers_come_back_when_the_facility_is_shown_again(qtbot, window, package):
    first = facility_of_type(package, "wet_market")
    second = facility_of_type(package, "kindergarten")
    click_facility(qtbot, window, first)
    choose(qtbot, window, "present", 0)
    type_into(qtbot, window, "stalls", "77")
    click_facility(qtbot, window, second)
    assert window.form.rows["present"].field.value() is None
    click_facility(qtbot, window, first)
    assert window.form.rows["stalls"].field.edit.text() == "77"
    assert window.form.rows["present"].field.value() == "open"
