"""Photos: file dialog and drag and drop, stored with SHA-256 and original name."""
from __future__ import annotations

import hashlib

from conftest import drop, facility_of_type, jpeg, on_modal, query
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QFileDialog, QMessageBox
from test_form import choose, click_facility


def test_same_file_name_from_two_facilities_is_kept_apart(qtbot, window, package, tmp_path,
                                                        monkeypatch):
    first_file = jpeg(tmp_path / "camera_a" / "IMG_0001.jpg", "#c62828")
    second_file = jpeg(tmp_path / "camera_b" / "IMG_0001.jpg", "#2e7d32")
    first = facility_of_type(package, "wet_market")
    second = facility_of_type(package, "kindergarten")

    click_facility(qtbot, window, first)
    choose(qtbot, window, "present", 0)
    drop(window.form.rows["photo_front"].field, [first_file])

    click_facility(qtbot, window, second)
    choose(qtbot, window, "present", 0)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args, **kwargs: ([str(second_file)], "")))
    qtbot.mouseClick(window.form.rows["photo_front"].field.add, Qt.MouseButton.LeftButton)

    rows = query(package, "SELECT facility_uuid, original_name, sha256, data, question_id "
                          "FROM photos ORDER BY added_at")
    assert [(r[0], r[1], r[4]) for r in rows] == [(first, "IMG_0001.jpg", "photo_front"),
                                                  (second, "IMG_0001.jpg", "photo_front")]
    for row, source in zip(rows, (first_file, second_file)):
        assert row[2] == hashlib.sha256(source.read_bytes()).hexdigest()
        assert bytes(row[3]) == source.read_bytes()
    assert rows[0][2] != rows[1][2]
    thumbs = window.form.rows["photo_front"].field._thumbs
    assert len(thumbs) == 1 and not thumbs[0].pixmap().isNull()
    assert rows[1][2] in thumbs[0].toolTip()


def test_images_dropped_on_the_form_are_other_photos_with_chinese_names(qtbot, window,
                                                                       package, tmp_path):
    uuid = facility_of_type(package, "supermarket")
    click_facility(qtbot, window, uuid)
    files = [jpeg(tmp_path / "门口照片.jpg", "#1565c0"), jpeg(tmp_path / "货架.jpg", "#f9a825")]
    not_an_image = tmp_path / "清单.txt"
    not_an_image.write_text("不是照片", encoding="utf-8")
    drop(window.form.viewport(), [*files, not_an_image])
    rows = query(package, "SELECT original_name, question_id, sha256 FROM photos "
                          "WHERE facility_uuid = ? ORDER BY added_at", (uuid,))
    assert [(name, qid) for name, qid, _ in rows] == [("门口照片.jpg", None), ("货架.jpg", None)]
    assert rows[0][0].encode("utf-8") == "门口照片.jpg".encode()
    assert [sha for *_, sha in rows] == [hashlib.sha256(f.read_bytes()).hexdigest()
                                         for f in files]
    assert len(window.form.other_photos._thumbs) == 2


def test_a_photo_added_by_mistake_is_removed_after_confirmation(qtbot, window, package,
                                                                tmp_path):
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    choose(qtbot, window, "present", 0)
    field = window.form.rows["photo_front"].field
    drop(field, [jpeg(tmp_path / "a.jpg", "#000000"), jpeg(tmp_path / "b.jpg", "#ffffff")])
    stored = query(package, "SELECT photo_uuid, original_name FROM photos ORDER BY added_at")
    assert [name for _, name in stored] == ["a.jpg", "b.jpg"]
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(window.form.rows["photo_front"].field.removers[0],
                     Qt.MouseButton.LeftButton)
    assert query(package, "SELECT photo_uuid FROM photos") == [(stored[1][0],)]
    answer = query(package, "SELECT value FROM answers WHERE question_id = 'photo_front'")
    assert answer == [(f'["{stored[1][0]}"]',)]
    assert len(window.form.rows["photo_front"].field._thumbs) == 1
