"""SurveyStore on real package files: listing, audits, answers, photos, field edits, text."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from survey_support import make_package  # noqa: E402

from lifecircle_plugin.core.errors import InputError  # noqa: E402
from lifecircle_plugin.core.survey.checklists import AnswerError  # noqa: E402
from lifecircle_plugin.core.survey.packagefile import (  # noqa: E402
    AuditClosed,
    IncompleteAudit,
    PackageError,
    UnknownRecord,
)
from lifecircle_plugin.core.survey.store import SurveyStore  # noqa: E402

MEAL = "00000000-0000-4000-8000-000000000000"  # elderly_meal_point (index 0)
KINDERGARTEN = "00000000-0000-4000-8000-000000000001"
AED = "00000000-0000-4000-8000-000000000004"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_package(tmp_path_factory.mktemp("template") / "p.lcsurvey", 10)


@pytest.fixture
def store(tmp_path, template):
    path = tmp_path / "p.lcsurvey"
    shutil.copyfile(template, path)
    with SurveyStore(path) as opened:
        opened.set_inspector("王芳")
        yield opened


def _raw(path, sql, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def test_connection_is_wal_and_synchronous_full(store):
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_list_filters_and_search(store):
    rows = store.facilities()
    assert len(rows) == 10 and {r.audit_status for r in rows} == {"none"}
    assert {r.facility_type for r in store.facilities(task=9)} == {"elderly_meal_point"}
    assert [r.uuid for r in store.facilities(facility_type="aed")] == [
        AED, "00000000-0000-4000-8000-000000000009"]
    assert [r.name for r in store.facilities(search="设施00003")] == ["设施00003"]
    assert len(store.facilities(search="长宁路1")) == 1
    assert store.facilities(search="100%") == []
    by_type_name = store.facilities(search="幼儿园", task=8)
    assert [r.uuid for r in by_type_name] == [KINDERGARTEN, "00000000-0000-4000-8000-000000000006"]
    assert len(store.facilities(search="Kindergarten")) == 2
    assert [r.uuid for r in store.facilities(search=AED)] == [AED]
    assert len(store.facilities(search=AED[:-1])) == 10
    store.set_status(AED, "closed")
    assert [r.uuid for r in store.facilities(status="closed")] == [AED]
    assert len(store.facilities(status=["closed", "existing"])) == 10


def test_inspector_is_stored_once_in_package_info(store):
    assert _raw(store.path, "SELECT value FROM package_info WHERE key='inspector'") == [
        ("王芳",)]
    audit = store.start_audit(MEAL)
    assert audit.inspector == "王芳" and audit.status == "draft"
    assert store.start_audit(MEAL) == audit  # the open draft, not a second one
    with pytest.raises(InputError):
        store.set_inspector("  ")


def _fill_required(store, audit_uuid, photo=True):
    store.save_answer(audit_uuid, "present", "open")
    for question, value in (("condition", "good"), ("step_free_entrance", True),
                            ("signage", "clear"), ("seats", "24"), ("delivery", False)):
        store.save_answer(audit_uuid, question, value)
    if photo:
        store.add_photo(audit_uuid, MEAL, b"\xff\xd8\xff\xe0front", "front.jpg", "photo_front")


def test_missing_required_answer_blocks_completion(store):
    audit = store.start_audit(MEAL).audit_uuid
    with pytest.raises(IncompleteAudit) as info:
        store.complete_audit(audit)
    assert [q.id for q in info.value.missing] == ["present"]
    _fill_required(store, audit, photo=False)
    with pytest.raises(IncompleteAudit) as info:
        store.complete_audit(audit)
    assert [q.id for q in info.value.missing] == ["photo_front"]
    assert store.audit(audit).status == "draft"
    store.add_photo(audit, MEAL, b"\xff\xd8\xff\xe0front", "front.jpg", "photo_front")
    done = store.complete_audit(audit)
    assert done.status == "complete" and done.completed_at
    assert [r.uuid for r in store.facilities(audited=True)] == [MEAL]
    assert store.audit_counts() == {"none": 9, "draft": 0, "complete": 1, "total": 10}
    assert MEAL not in [r.uuid for r in store.facilities(audited=False)]


def test_not_found_needs_no_other_answer(store):
    audit = store.start_audit(KINDERGARTEN).audit_uuid
    store.save_answer(audit, "present", "not_found")
    assert store.complete_audit(audit).status == "complete"


def test_answers_are_validated_and_stored_as_json(store):
    audit = store.start_audit(MEAL).audit_uuid
    values = {"present": "open", "condition": "fair", "step_free_entrance": False,
              "opening_days": ["mon", "tue"], "seats": 30, "meal_price": 12.5,
              "opening_hours": "周一至周五 10:30-12:30", "opens_at": "10:30",
              "closed_since": "2025-06-30", "moved_to": None,
              "visited_at": "2026-12-03T10:15:00+08:00"}
    for question, value in values.items():
        store.save_answer(audit, question, value)
    expected = {k: v for k, v in values.items() if v is not None}
    assert store.answers(audit) == expected
    stored = dict(_raw(store.path, "SELECT question_id, value FROM answers WHERE audit_uuid=?",
                       (audit,)))
    assert json.loads(stored["seats"]) == 30 and json.loads(stored["meal_price"]) == 12.5
    answered_at = _raw(store.path, "SELECT answered_at FROM answers WHERE question_id='seats'")
    assert answered_at[0][0][-6] in "+-"  # ISO 8601 with its UTC offset
    for question, bad in (("seats", 501), ("seats", "many"), ("present", "gone"),
                          ("opens_at", "25:00"), ("step_free_entrance", "yes")):
        with pytest.raises(AnswerError) as info:
            store.save_answer(audit, question, bad)
        assert info.value.field == question and info.value.message_zh
    assert store.answers(audit)["seats"] == 30
    with pytest.raises(InputError):
        store.save_answer(audit, "no_such_question", 1)
    store.save_answer(audit, "seats", None)
    assert "seats" not in store.answers(audit)


def test_complete_audit_is_closed_until_reopened(store):
    audit = store.start_audit(MEAL).audit_uuid
    _fill_required(store, audit)
    store.complete_audit(audit)
    with pytest.raises(AuditClosed):
        store.save_answer(audit, "seats", 10)
    with pytest.raises(AuditClosed):
        store.add_photo(audit, MEAL, b"\xff\xd8\xff late", "late.jpg")
    assert store.current_audit(MEAL).audit_uuid == audit
    store.reopen_audit(audit)
    store.save_answer(audit, "seats", 10)
    changes = [h for h in store.history(MEAL) if h.kind == "change"]
    assert changes[-1].field == "audit_status" and changes[-1].new_value["status"] == "draft"


def test_photos_keep_hash_and_never_collide_on_names(store, tmp_path):
    first, second = tmp_path / "a" / "IMG_0001.jpg", tmp_path / "b" / "IMG_0001.jpg"
    for path, payload in ((first, b"\xff\xd8\xff\xe0one"), (second, b"\xff\xd8\xff\xe0two")):
        path.parent.mkdir()
        path.write_bytes(payload)
    audit_a = store.start_audit(MEAL).audit_uuid
    audit_b = store.start_audit(KINDERGARTEN).audit_uuid
    photo_a = store.add_photo(audit_a, MEAL, first, question_id="photo_front")
    photo_b = store.add_photo(audit_b, KINDERGARTEN, second, question_id="photo_front")
    assert photo_a.photo_uuid != photo_b.photo_uuid
    assert photo_a.original_name == photo_b.original_name == "IMG_0001.jpg"
    assert photo_a.sha256 == hashlib.sha256(first.read_bytes()).hexdigest()
    assert store.photo_data(photo_a.photo_uuid) == first.read_bytes()
    assert store.photo_data(photo_b.photo_uuid) == second.read_bytes()
    assert [p.photo_uuid for p in store.photos(MEAL)] == [photo_a.photo_uuid]
    assert store.answers(audit_a)["photo_front"] == [photo_a.photo_uuid]
    again = store.add_photo(audit_a, MEAL, first, question_id="photo_front")
    assert again.photo_uuid == photo_a.photo_uuid and len(store.photos(MEAL)) == 1
    store.remove_photo(photo_a.photo_uuid)
    assert store.photos(MEAL) == [] and "photo_front" not in store.answers(audit_a)
    named = store.add_photo(None, AED, b"\x89PNG\r\n\x1a\nxx", "C:\\DCIM\\相片 1.png")
    assert named.original_name == "相片 1.png" and named.mime == "image/png"


def test_damaged_photo_bytes_are_detected(store):
    photo = store.add_photo(None, MEAL, b"\xff\xd8\xffabc", "x.jpg")
    store._conn.execute("UPDATE photos SET data = ? WHERE photo_uuid = ?",
                        (b"\xff\xd8\xffabd", photo.photo_uuid))
    with pytest.raises(InputError, match="SHA-256"):
        store.photo_data(photo.photo_uuid)


def test_new_facility_found_in_the_field(store):
    added = store.add_facility("parcel_locker", "丰巢快递柜", 500123.5, 3450321.25,
                               address="愚园路1号")
    assert added.origin == "field" and added.base is None and added.task == 3
    assert len(added.uuid) == 36 and added.uuid in [r.uuid for r in store.facilities()]
    created = store.history(added.uuid)
    assert created[0].field == "created" and created[0].new_value["name"] == "丰巢快递柜"
    with pytest.raises(UnknownRecord):
        store.add_facility("space_port", "x", 1, 2)
    with pytest.raises(InputError):
        store.add_facility("aed", "", 1, 2)
    with pytest.raises(InputError):
        store.add_facility("aed", "AED", "east", 2)


def test_move_and_status_keep_old_values(store):
    before = store.facility(MEAL)
    store.move_facility(MEAL, before.x + 12.5, before.y - 3.0)
    store.set_status(MEAL, "moved")
    store.update_facility(MEAL, name="长者食堂(新址)")
    after = store.facility(MEAL)
    assert (after.x, after.y, after.status) == (before.x + 12.5, before.y - 3.0, "moved")
    assert after.base == before.base and after.base["x"] == before.x
    changes = {h.field: (h.old_value, h.new_value) for h in store.history(MEAL)
               if h.kind == "change"}
    assert changes["x"] == (before.x, before.x + 12.5)
    assert changes["y"] == (before.y, before.y - 3.0)
    assert changes["status"] == ("existing", "moved")
    assert changes["name"] == (before.name, "长者食堂(新址)")
    with pytest.raises(InputError):
        store.set_status(MEAL, "demolished")
    rows = _raw(store.path, "SELECT COUNT(*) FROM changes WHERE facility_uuid = ?", (MEAL,))
    assert rows == [(4,)]


def test_history_is_ordered(store):
    audit = store.start_audit(MEAL).audit_uuid
    store.move_facility(MEAL, 1.0, 2.0)
    _fill_required(store, audit)
    store.complete_audit(audit)
    history = store.history(MEAL)
    kinds = [h.kind for h in history]
    assert kinds[0] == "audit_started" and kinds[-1] == "audit_completed"
    assert history[-1].new_value == store.answers(audit) and history[-1].new_value["seats"] == 24
    assert kinds.count("change") == 2 and "photo_added" in kinds


def test_text_is_nfc_and_chinese_round_trips_byte_identical(tmp_path):
    names = ["江苏路街道社区长者食堂", "Cafe\u0301 愚园", "华阳路街道·邻里汇"] + [
        f"设施{i}" for i in range(2)]
    with SurveyStore(make_package(tmp_path / "t.lcsurvey", 5, names=names)) as store:
        by_uuid = {r.uuid: r.name for r in store.facilities()}
        stored = [by_uuid[f"00000000-0000-4000-8000-{i:012d}"] for i in range(5)]
        assert stored[0].encode("utf-8") == names[0].encode("utf-8")
        assert stored[1] == unicodedata.normalize("NFC", names[1]) != names[1]
        assert [r.name for r in store.facilities(search="Cafe\u0301")] == [stored[1]]
        store.set_inspector("Jose\u0301 李")
        assert store.inspector == "Jos\u00e9 李"
        added = store.add_facility("aed", "Ame\u0301lie 药房", 1, 2)
        assert added.name == "Am\u00e9lie 药房"
        audit = store.start_audit(added.uuid).audit_uuid
        store.save_answer(audit, "notes", "  门口有台阶\u3000e\u0301 ")
        assert store.answers(audit)["notes"] == "门口有台阶\u3000\u00e9"
    raw = _raw(tmp_path / "t.lcsurvey", "SELECT name FROM facilities")
    assert all(unicodedata.is_normalized("NFC", name) for (name,) in raw)


def test_checklists_of_every_type_are_in_the_package(store):
    assert len(store.facility_types()) == 63
    assert store.checklist("kindergarten").question("places").kind == "integer"
    with pytest.raises(UnknownRecord):
        store.checklist("nope")


def test_close_leaves_one_self_contained_file(tmp_path):
    path = make_package(tmp_path / "c.lcsurvey", 3)
    store = SurveyStore(path)
    store.set_inspector("李")
    store.start_audit(MEAL)
    store.close()
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    assert _raw(path, "SELECT COUNT(*) FROM audits") == [(1,)]


def test_status_on_site_sets_the_facility_status_on_completion(store):
    audit = store.start_audit(KINDERGARTEN).audit_uuid
    store.save_answer(audit, "present", "not_found")
    store.complete_audit(audit)
    assert store.facility(KINDERGARTEN).status == "not_found"
    assert [r.uuid for r in store.facilities(status="not_found")] == [KINDERGARTEN]
    change = [h for h in store.history(KINDERGARTEN) if h.kind == "change"][-1]
    assert (change.field, change.old_value, change.new_value) == ("status", "existing",
                                                                  "not_found")


def test_a_locked_package_gives_a_clear_error_and_keeps_what_was_saved(store):
    audit = store.start_audit(MEAL).audit_uuid
    store.save_answer(audit, "present", "open")
    store._conn.execute("PRAGMA busy_timeout=100")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(PackageError, match="could not save"):
            store.save_answer(audit, "seats", 12)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.answers(audit) == {"present": "open"}
    store.save_answer(audit, "seats", 12)
    assert store.answers(audit) == {"present": "open", "seats": 12}


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files")
def test_a_write_protected_package_is_refused_untouched(tmp_path):
    path = make_package(tmp_path / "ro.lcsurvey", 3)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    path.chmod(0o444)
    with pytest.raises(PackageError, match="read-only"):
        SurveyStore(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_read_only_store_reads_and_never_writes(tmp_path, template):
    path = tmp_path / "r.lcsurvey"
    shutil.copyfile(template, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with SurveyStore(path, read_only=True) as store:
        assert len(store.facilities()) == 10 and store.checklist("aed")
        with pytest.raises(PackageError, match="read-only"):
            store.start_audit(MEAL, "李")
        with pytest.raises(PackageError, match="read-only"):
            store.set_inspector("李")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.lcsurvey"]


def test_incomplete_audit_names_the_questions_in_chinese(store):
    audit = store.start_audit(MEAL).audit_uuid
    store.save_answer(audit, "present", "open")
    with pytest.raises(IncompleteAudit) as info:
        store.complete_audit(audit)
    assert info.value.text("zh").startswith("以下必答题尚未回答:设施状况、")
    assert "堂食座位数" in info.value.text("zh") and "seats" in info.value.text("en")
