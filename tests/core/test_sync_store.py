"""Field work through the survey app's only door (SurveyStore), then import: the real
package made by make_package, answers validated by the real checklists, photos as JPEG.
The laptop's clock is in Shanghai (+08:00) while this machine may run in UTC."""
from __future__ import annotations

import io
import json
import sqlite3

import fiona
import pytest
from osgeo_utils.samples import validate_gpkg
from PIL import Image

from lifecircle_plugin.core.survey import store as store_module
from lifecircle_plugin.core.survey.importer import apply_import
from lifecircle_plugin.core.survey.receipt import read_receipt, receipt_path
from lifecircle_plugin.core.survey.store import SurveyStore
from tests.sync_support import read_table

DEVICE_TIME = "2026-05-22T09:30:00.000+08:00"


def jpeg(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, format="JPEG")
    return buffer.getvalue()


SIMPLE_ANSWERS = {"yes_no": True, "text": "有", "date": "2026-05-22", "time": "09:30",
                  "datetime": DEVICE_TIME}


def answer_required(store, audit_uuid, facility_uuid, photo: bytes) -> None:
    """Answer what the real checklist still requires, as an inspector would."""
    for _ in range(20):
        missing = store.missing(audit_uuid)
        if not missing:
            return
        question = missing[0]
        if question.kind == "photo":
            store.add_photo(audit_uuid, facility_uuid, photo, "IMG_0001.jpg",
                            question_id=question.id)
        elif question.kind in ("single_choice", "multi_choice"):
            first = question.option_values()[0]
            store.save_answer(audit_uuid, question.id,
                              first if question.kind == "single_choice" else [first])
        elif question.kind in ("integer", "decimal"):
            store.save_answer(audit_uuid, question.id, question.min or 1)
        else:
            store.save_answer(audit_uuid, question.id, SIMPLE_ANSWERS[question.kind])


def audit_open(store, facility_uuid, photo: bytes) -> str:
    audit = store.start_audit(facility_uuid)
    for question, value in (("present", "open"), ("condition", "good"),
                            ("notes", "入口有坡道")):
        store.save_answer(audit.audit_uuid, question, value)
    answer_required(store, audit.audit_uuid, facility_uuid, photo)
    store.complete_audit(audit.audit_uuid)
    return audit.audit_uuid


def test_survey_store_work_imports_with_device_times(project, packages, monkeypatch):
    monkeypatch.setattr(store_module, "now_iso", lambda: DEVICE_TIME)
    package = packages[0]
    with SurveyStore(package) as store:
        rows = store.facilities()
        opened, closed, moved = rows[0].uuid, rows[1].uuid, rows[2].uuid
        first = audit_open(store, opened, jpeg("red"))
        audit = store.start_audit(closed)
        store.save_answer(audit.audit_uuid, "present", "closed")
        answer_required(store, audit.audit_uuid, closed, jpeg("blue"))
        store.complete_audit(audit.audit_uuid)
        original = store.facility(moved)
        store.move_facility(moved, original.x + 12.0, original.y - 5.0)
        new = store.add_facility("convenience_store", "好德便利", original.x + 40,
                                 original.y + 40).uuid
        third = audit_open(store, new, jpeg("green"))

    report = apply_import(project, [package])
    assert report.conflicts == [] and report.errors == []
    audits = {a["audit_uuid"]: a for a in read_table(project, "audits")}
    assert set(audits) == {first, audit.audit_uuid, third}
    assert {a["inspected_at"] for a in audits.values()} == {DEVICE_TIME}
    answers = json.loads(audits[first]["answers"])
    assert answers["present"] == "open" and answers["notes"] == "入口有坡道"
    photos = {p["photo_uuid"]: p for p in read_table(project, "audit_photos")}
    assert set(answers["photo_front"]) <= set(photos)
    assert len({p["path"] for p in photos.values()}) == 3  # three IMG_0001.jpg, three files
    facilities = {f["uuid"]: f for f in read_table(project, "facilities")}
    assert facilities[closed]["status"] == "closed"
    assert facilities[new]["name"] == "好德便利"
    with fiona.open(project, layer="facilities") as layer:
        where = {f["properties"]["uuid"]: f["geometry"]["coordinates"] for f in layer
                 if f["properties"]["uuid"] in (moved, new)}
    assert where[moved] == pytest.approx((original.x + 12.0, original.y - 5.0))
    assert where[new] == pytest.approx((original.x + 40, original.y + 40))
    receipt = read_receipt(receipt_path(package))
    assert sorted(receipt.accepted_audits) == sorted(audits)
    assert receipt.added_facilities == [new]
    validate_gpkg.check(str(project))  # GDAL's own GeoPackage validator
    connection = sqlite3.connect(str(project))
    for table in ("facilities", "audits"):  # the spatial index holds every geometry
        counts = connection.execute(
            f'SELECT (SELECT count(*) FROM "{table}" WHERE geom IS NOT NULL),'
            f' (SELECT count(*) FROM "rtree_{table}_geom")').fetchone()
        assert counts[0] == counts[1] > 0, table
    connection.close()
