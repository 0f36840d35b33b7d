"""The facility list: search, filters, keyboard navigation, save shortcut, tab order."""
from __future__ import annotations

from conftest import facility_of_type, on_modal, query, stored_answers, type_text
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QApplication, QMessageBox
from test_form import choose, click_facility


def shown_uuids(window) -> list:
    proxy = window.list_panel.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount())]


def test_all_facilities_of_the_package_are_listed_and_mapped(window, package):
    uuids = {row[0] for row in query(package, "SELECT uuid FROM facilities")}
    assert set(shown_uuids(window)) == uuids
    assert {uuid for uuid in uuids if window.map_view.marker_position(uuid) is not None} == uuids


def test_search_and_filters_match_the_package(qtbot, window, package):
    panel = window.list_panel
    type_text(qtbot, panel.search, "全家")
    expected = {r[0] for r in query(package, "SELECT uuid FROM facilities "
                                             "WHERE name LIKE '%全家%'")}
    assert expected and set(shown_uuids(window)) == expected
    panel.search.clear()
    panel.task.setCurrentIndex(panel.task.findData(8))
    expected = {r[0] for r in query(package, "SELECT uuid FROM facilities WHERE task = 8")}
    assert expected and set(shown_uuids(window)) == expected
    panel.type.setCurrentIndex(panel.type.findData("kindergarten"))
    expected = {r[0] for r in query(package, "SELECT uuid FROM facilities "
                                             "WHERE facility_type = 'kindergarten'")}
    assert expected and set(shown_uuids(window)) == expected
    panel.clear_filters()
    uuid = facility_of_type(package, "wet_market")
    click_facility(qtbot, window, uuid)
    choose(qtbot, window, "present", 0)
    panel.state.setCurrentIndex(panel.state.findData("draft"))
    assert shown_uuids(window) == [uuid]
    panel.state.setCurrentIndex(0)
    panel.audited.setCurrentIndex(panel.audited.findData(False))
    total = query(package, "SELECT COUNT(*) FROM facilities")[0][0]
    assert len(shown_uuids(window)) == total - 1 and uuid not in shown_uuids(window)


def test_keyboard_next_previous_and_save(qtbot, window, package):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    order = shown_uuids(window)
    window.list_panel.search.setFocus()
    assert window.current is None
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.current == order[0]
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.current == order[2]
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.current == order[1]
    edit = window.form.rows["notes"].field.edit
    edit.setFocus()
    type_text(qtbot, edit, "门口有台阶")
    assert "notes" not in stored_answers(package, order[1])
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored_answers(package, order[1])["notes"] == "门口有台阶"


def test_help_lists_the_shortcuts(qtbot, window):
    shown = []
    on_modal(lambda box: (shown.append(box.text()), box.button(
        QMessageBox.StandardButton.Ok).click()))
    help_menu = window.menuBar().actions()[-1].menu()
    next(a for a in help_menu.actions() if a.shortcut().toString() == "F1").trigger()
    for shortcut, name in (("Ctrl+Down", "Next facility"), ("Ctrl+Up", "Previous facility"),
                           ("Ctrl+S", "Save answer"), ("Ctrl+N", "Add facility")):
        assert any(shortcut in line and name in line for line in shown[0].splitlines()), name


def test_tab_walks_the_filters_then_the_form_in_question_order(qtbot, window, package):
    panel = window.list_panel
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.search.setFocus()
    for expected in (panel.task, panel.type, panel.state, panel.audited, panel.table):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    click_facility(qtbot, window, facility_of_type(package, "wet_market"))
    choose(qtbot, window, "present", 0)
    rows = window.form.rows
    rows["condition"].field.combo.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is rows["step_free_entrance"].field.yes
