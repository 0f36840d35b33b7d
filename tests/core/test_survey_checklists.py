"""Checklist definitions: coverage of every type, validation of every kind, relevance."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil

import pytest

from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.paths import resource
from lifecircle_plugin.core.survey.checklists import (
    KINDS,
    AnswerError,
    Checklist,
    Question,
    checklist_for,
    clean_answer,
    effective_answers,
    is_relevant,
    load_checklists,
    missing_required,
    validate_answer,
)

CHECKLISTS = resource("checklists")


def _catalogue_types():
    with open(resource("catalogue", "facility_types.csv"), encoding="utf-8-sig") as handle:
        return {row["facility_id"]: int(row["task"]) for row in csv.DictReader(handle)}


def _raw(name):
    return json.loads((CHECKLISTS / name).read_text(encoding="utf-8"))


def test_every_catalogue_type_has_common_and_own_questions():
    types = _catalogue_types()
    assert len(types) == 63
    common_ids = [q["id"] for q in _raw("common.json")["questions"]]
    for type_id, task in types.items():
        checklist = checklist_for(type_id)
        ids = [q.id for q in checklist.questions]
        assert ids[:len(common_ids)] == common_ids, type_id
        own = _raw(f"task_{task:02d}.json")["types"][type_id]
        assert own, f"{type_id} has no type-specific question"
        assert ids[-len(own):] == [q["id"] for q in own]
        assert checklist.task == task


def test_examples_of_the_issue_are_asked():
    assert checklist_for("elderly_meal_point").question("seats").unit == "seats"
    assert checklist_for("kindergarten").question("places").required
    assert checklist_for("parcel_locker").question("lockers").kind == "integer"
    area = checklist_for("pocket_green_space").question("area_m2")
    assert (area.kind, area.unit) == ("decimal", "m2")
    assert checklist_for("nursing_home").question("beds").required


def test_every_kind_is_used_by_some_checklist():
    used = {q.kind for c in load_checklists().checklists.values() for q in c.questions}
    assert used == set(KINDS)


def _q(kind, **kw):
    return Question("q", kind, "问", "Q", **kw)


CASES = [
    (_q("yes_no"), [True, False], ["yes", 1]),
    (_q("single_choice", options=checklist_for("bus_stop").question("present").options),
     ["open", "not_found"], ["opened", 3]),
    (_q("multi_choice", options=checklist_for("bus_stop").question("opening_days").options),
     [["mon"], ["mon", "sun"]], ["mon", ["mon", "mon"], ["moon"]]),
    (_q("integer", min=0, max=10, unit="seats"), [0, 10], [11, -1, 2.5, True, "3"]),
    (_q("decimal", min=0.5, max=2.5, unit="m"), [0.5, 2.5, 1], [0.4, 2.6, float("nan"), "x"]),
    (_q("text"), ["长者食堂"], [5, "x" * 5000]),
    (_q("date"), ["2026-02-28"], ["2026-02-30", "28/02/2026"]),
    (_q("time"), ["07:30", "23:59:59"], ["25:00", "7.30", "07:30+08:00"]),
    (_q("datetime"), ["2026-12-03T09:15:00+08:00"], ["2026-12-03T09:15:00", "soon"]),
    (_q("photo"), [["b1e6b6a0-0000-4000-8000-000000000001"]], ["IMG.jpg", [""]]),
]


@pytest.mark.parametrize("question,good,bad", CASES, ids=[c[0].kind for c in CASES])
def test_validate_answer_for_every_kind(question, good, bad):
    for value in good:
        assert validate_answer(question, value) is None, value
    for value in bad:
        message = validate_answer(question, value)
        assert isinstance(message, str) and message, value


def test_range_message_names_the_limit_and_unit():
    message = validate_answer(_q("integer", min=0, max=500, unit="seats"), 501)
    assert "500" in message and "seats" in message


def test_clean_answer_parses_widget_values():
    assert clean_answer(_q("integer", max=9), " 7 ") == 7
    assert clean_answer(_q("decimal"), "2.5") == 2.5
    assert clean_answer(_q("decimal"), 3) == 3.0 and isinstance(clean_answer(_q("decimal"), 3),
                                                                float)
    assert clean_answer(_q("date"), dt.date(2026, 1, 2)) == "2026-01-02"
    assert clean_answer(_q("time"), dt.time(7, 5)) == "07:05"
    stamp = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert clean_answer(_q("datetime"), stamp) == "2026-01-02T03:04:00+08:00"
    assert clean_answer(_q("text"), "Cafe\u0301 ") == "Caf\u00e9"
    assert clean_answer(_q("text"), "") is None
    with pytest.raises(InputError) as info:
        clean_answer(_q("integer", max=9), "ten")
    assert info.value.field == "q"


def test_relevance_follows_the_status_on_site():
    checklist = checklist_for("elderly_meal_point")
    seats = checklist.question("seats")
    moved_to = checklist.question("moved_to")
    assert is_relevant(seats, {"present": "open"})
    assert not is_relevant(seats, {"present": "closed"})
    assert not is_relevant(seats, {})
    assert is_relevant(moved_to, {"present": "moved"})
    photo = checklist.question("photo_front")
    assert is_relevant(photo, {"present": "closed"}) and not is_relevant(photo,
                                                                         {"present": "moved"})


def test_answers_hidden_upstream_do_not_keep_later_questions_relevant():
    checklist = checklist_for("age_friendly_housing")
    answers = {"present": "closed", "lift_installed": True, "lift_in_service_since": "2024-01-01"}
    kept = effective_answers(checklist, answers)
    assert "lift_installed" not in kept and "lift_in_service_since" not in kept
    since = checklist.question("lift_in_service_since")
    assert not is_relevant(since, kept)
    assert is_relevant(since, {"present": "open", "lift_installed": True})


def test_missing_required_honours_relevance():
    checklist = checklist_for("kindergarten")
    assert [q.id for q in missing_required(checklist, {})] == ["present"]
    assert missing_required(checklist, {"present": "not_found"}) == []
    missing = [q.id for q in missing_required(checklist, {"present": "open"})]
    assert missing == ["condition", "step_free_entrance", "signage", "photo_front", "places"]
    assert [q.id for q in missing_required(checklist, {"present": "closed"})] == ["photo_front"]


def test_checklist_json_round_trip():
    checklist = checklist_for("aed")
    again = Checklist.from_json("aed", checklist.to_json())
    assert again.questions == checklist.questions


def _broken_copy(tmp_path, file_name, mutate):
    target = tmp_path / "checklists"
    shutil.copytree(CHECKLISTS, target)
    data = json.loads((target / file_name).read_text(encoding="utf-8"))
    mutate(data)
    (target / file_name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


BROKEN = [
    ("task_09.json", lambda d: d["types"]["elderly_meal_point"][0].update(kind="slider"),
     "seats", "kind"),
    ("task_09.json", lambda d: d["types"]["elderly_meal_point"][0].update(unit="furlong"),
     "seats", "unit"),
    ("task_09.json", lambda d: d["types"]["elderly_meal_point"][0].update(min=9, max=1),
     "seats", "min"),
    ("task_09.json", lambda d: d["types"]["elderly_meal_point"][0].update(
        relevant={"question": "delivery", "equals": True}), "seats", "earlier"),
    ("task_09.json", lambda d: d["types"]["elderly_meal_point"][1].update(id="seats"),
     "seats", "twice"),
    ("common.json", lambda d: d["questions"][3].update(
        relevant={"question": "present", "equals": "shut"}), "condition", "unknown option"),
    ("common.json", lambda d: d["questions"][0].pop("options"), "present", "options"),
]


@pytest.mark.parametrize("file_name,mutate,question,words", BROKEN)
def test_bad_definitions_name_file_and_question(tmp_path, file_name, mutate, question, words):
    directory = _broken_copy(tmp_path, file_name, mutate)
    with pytest.raises(InputError) as info:
        load_checklists(directory)
    assert info.value.file.endswith(file_name)
    assert info.value.field == question
    assert words in info.value.message


def test_a_type_without_checklist_is_refused(tmp_path):
    directory = _broken_copy(tmp_path, "task_11.json", lambda d: d["types"].pop("aed"))
    with pytest.raises(InputError, match="aed"):
        load_checklists(directory)


def test_invalid_json_names_the_file(tmp_path):
    directory = _broken_copy(tmp_path, "task_01.json", lambda d: None)
    (directory / "task_01.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_checklists(directory)
    assert info.value.file.endswith("task_01.json")


def test_messages_in_chinese_and_english():
    seats = checklist_for("elderly_meal_point").question("seats")
    assert validate_answer(seats, 600, "zh") == "600 大于最大值 500 座"
    assert validate_answer(seats, 600) == "600 is above the maximum 500 seats"
    with pytest.raises(AnswerError) as info:
        clean_answer(seats, "很多")
    assert info.value.code == "not_number" and info.value.field == "seats"
    assert info.value.text("zh") == "“很多”不是数字" and "not a number" in info.value.text("en")
    assert isinstance(info.value, InputError)
    for kind_case in CASES:
        for bad in kind_case[2]:
            assert validate_answer(kind_case[0], bad, "zh")
