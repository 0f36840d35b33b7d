"""Extreme text in the form: a paste of 5,000 characters is refused with a message and
not stored (the previous answer stays); emoji and decomposed (NFD) Chinese/Korean are
stored NFC, byte-exact, and found again by the list's search."""
from __future__ import annotations

import unicodedata

from PyQt5.QtCore import Qt

from tests.survey_app.app_support import (
    choose,
    click_facility,
    facility_of_type,
    stored_answers,
    type_into,
)


def test_very_long_text_is_refused_and_the_old_answer_kept(qtbot, window, package):
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    choose(qtbot, window, "present", 0)
    type_into(qtbot, window, "notes", "二楼在装修")
    edit = window.form.rows["notes"].field.edit
    edit.setFocus()
    edit.setText("很长的备注" * 1000)  # a paste: 5,000 characters
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    row = window.form.rows["notes"]
    assert not row.message.isHidden() and "4000" in row.message.text()
    assert stored_answers(package, uuid)["notes"] == "二楼在装修"


def test_emoji_and_nfd_text_are_stored_nfc(qtbot, window, package):
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    choose(qtbot, window, "present", 0)
    text = "门口🚧施工中 👍🏽 café 한글"
    edit = window.form.rows["notes"].field.edit
    edit.setFocus()
    edit.setText(unicodedata.normalize("NFD", text))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.form.rows["notes"].message.isHidden()
    assert stored_answers(package, uuid)["notes"] == unicodedata.normalize("NFC", text)
