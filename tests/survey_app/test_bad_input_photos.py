"""Photos that are not photos: a text file named .jpg and a 0-byte .jpg dropped on a
photo question are refused with a message naming the file; nothing is written (no photo,
no empty audit started)."""
from __future__ import annotations

from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.survey.store import SurveyStore
from tests.survey_app.app_support import (
    click_facility,
    drop,
    facility_of_type,
    jpeg,
    on_modal,
    query,
)


def _drop_refused(qtbot, window, field, path) -> str:
    shown = []

    def read(box):
        shown.append(box.text())
        box.accept()

    on_modal(read)
    drop(field, [path])
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    return shown[0]


def test_a_text_file_named_jpg_and_an_empty_jpg_are_refused(qtbot, window, package,
                                                             tmp_path):
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    field = window.form.rows["photo_front"].field
    fake = tmp_path / "门口照片.jpg"
    fake.write_text("这不是照片, just text", encoding="utf-8")
    empty = tmp_path / "IMG_0002.jpg"
    empty.write_bytes(b"")

    text = _drop_refused(qtbot, window, field, fake)
    assert "not an image" in text and str(fake) in text
    text = _drop_refused(qtbot, window, field, empty)
    assert "empty" in text and str(empty) in text

    assert query(package, "SELECT count(*) FROM photos")[0][0] == 0
    assert query(package, "SELECT count(*) FROM audits WHERE facility_uuid = ?",
                 (uuid,))[0][0] == 0
    # a real photo still goes in afterwards
    drop(field, [jpeg(tmp_path / "real.jpg", "#795548")])
    assert query(package, "SELECT original_name FROM photos") == [("real.jpg",)]


def test_the_store_refuses_bytes_that_are_not_an_image(package):
    with SurveyStore(package) as store:
        store.set_inspector("王芳")
        facility = store.facilities()[0]
        audit = store.start_audit(facility.uuid)
        for data in (b"PK\x03\x04 a zip file", b"%PDF-1.7", "清单".encode()):
            try:
                store.add_photo(audit.audit_uuid, facility.uuid, data, "photo.jpg")
            except InputError as exc:
                assert "not an image" in exc.message and exc.file == "photo.jpg"
            else:
                raise AssertionError(f"{data!r} was stored as a photo")
        assert store.photos(facility.uuid) == []
