"""Inspector asked once, reopening a complete audit, the history, the command line."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import facility_of_type, on_modal, query, type_text
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from survey_app.window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def without_inspector(package: Path) -> Path:
    connection = sqlite3.connect(package)
    with connection:
        connection.execute("UPDATE package_info SET value = '' WHERE key = 'inspector'")
    connection.close()
    return package


def test_inspector_name_is_asked_once_and_stored(qtbot, package):
    without_inspector(package)
    asked = []

    def answer(dialog):
        asked.append(dialog.objectName())
        type_text(qtbot, dialog.findChild(QLineEdit), "李  明")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    window = MainWindow("en", ask_name=True)
    qtbot.addWidget(window)
    on_modal(answer)
    assert window.open_package(package)
    assert asked == ["inspector_dialog"]
    assert query(package, "SELECT value FROM package_info WHERE key = 'inspector'") == [
        ("李  明",)]
    assert "李  明" in window.windowTitle()
    window.close()

    again = MainWindow("en", ask_name=True)
    qtbot.addWidget(again)
    assert again.open_package(package)  # a dialog now would block this test
    uuid = facility_of_type(package, "bus_stop")
    again.list_panel.select(uuid)
    again.status_actions["not_found"].trigger()
    assert query(package, "SELECT inspector FROM changes WHERE facility_uuid = ?",
                 (uuid,)) == [("李  明",)]
    again.close()


def test_complete_audit_is_read_only_until_reopened(qtbot, window, package):
    from test_form import choose, click_facility

    uuid = facility_of_type(package, "metro_station")
    click_facility(qtbot, window, uuid)
    choose(qtbot, window, "present", 3)  # not found: nothing else is required
    qtbot.mouseClick(window.form.complete_button, Qt.MouseButton.LeftButton)
    assert query(package, "SELECT status FROM audits WHERE facility_uuid = ?",
                 (uuid,)) == [("complete",)]
    assert not window.form.rows["present"].field.isEnabled()
    assert window.form.reopen_button.isVisible()
    qtbot.mouseClick(window.form.reopen_button, Qt.MouseButton.LeftButton)
    assert query(package, "SELECT status FROM audits WHERE facility_uuid = ?",
                 (uuid,)) == [("draft",)]
    assert window.form.rows["present"].field.isEnabled()
    history = window.history
    assert history.item(0, 2).text() == "Audit reopened"
    assert (history.item(0, 3).text(), history.item(0, 4).text()) == ("complete", "draft")


def test_history_shows_a_move_with_old_and_new_position(qtbot, window, package):
    uuid = facility_of_type(package, "kindergarten")
    window.list_panel.select(uuid)
    x, y = query(package, "SELECT x, y FROM facilities WHERE uuid = ?", (uuid,))[0]
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.request_move(uuid, x, y, x + 12.0, y - 5.0)
    rows = {window.history.item(r, 2).text(): (window.history.item(r, 3).text(),
                                               window.history.item(r, 4).text())
            for r in range(window.history.rowCount())}
    assert rows["Position moved (x)"] == (f"{x:.1f}", f"{x + 12:.1f}")
    assert rows["Position moved (y)"] == (f"{y:.1f}", f"{y - 5:.1f}")


def test_command_line_opens_a_package(package):
    """`python -m survey_app PACKAGE` starts and keeps running with the package open."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-m", "survey_app", str(package), "--lang",
                              "zh_CN"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not Path(f"{package}-wal").exists():
            assert child.poll() is None, child.stderr.read()
            time.sleep(0.1)
        assert Path(f"{package}-wal").exists()  # the store holds the package open
        time.sleep(0.5)
        assert child.poll() is None
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)


def test_name_and_address_are_corrected_with_history(qtbot, window, package):
    uuid = facility_of_type(package, "supermarket")
    window.list_panel.select(uuid)
    old_name = query(package, "SELECT name FROM facilities WHERE uuid = ?", (uuid,))[0][0]

    def edit(dialog):
        dialog.name.selectAll()
        type_text(qtbot, dialog.name, "联华超市（天山店）")
        type_text(qtbot, dialog.address, "天山路 ５号")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_modal(edit)
    window.edit_action.trigger()
    assert query(package, "SELECT name, address FROM facilities WHERE uuid = ?", (uuid,)) == [
        ("联华超市（天山店）", "天山路 ５号")]
    rows = {window.history.item(r, 2).text(): (window.history.item(r, 3).text(),
                                               window.history.item(r, 4).text())
            for r in range(window.history.rowCount())}
    assert rows["Name changed"] == (old_name, "联华超市（天山店）")
    assert window.list_panel.model.facility_by_uuid(uuid).name == "联华超市（天山店）"
    assert "联华超市（天山店）" in window.form.title.text()
