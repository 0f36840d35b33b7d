"""Drive the real survey window in a child process, for the kill -9 durability test.

    python kill_driver.py PACKAGE FACILITY_UUID

Opens the package, selects the facility, answers ANSWERS one by one through the widgets
(printing 'saved <question>' after each answer left its field), then starts typing into
one more field without leaving it, prints 'typing' and waits to be killed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# (question id, how, text): typed answers end with Return, which leaves the field.
ANSWERS = (
    ("present", "down", "open"),
    ("stalls", "type", "150"),
    ("floor_area_m2", "type", "1200.5"),
    ("step_free_entrance", "click_yes", True),
    ("opens_at", "type", "06:00"),
    ("closes_at", "type", "18:30"),
    ("opening_hours", "type", "6-18:30"),
    ("standardised", "click_no", False),
)
TYPING = ("notes", "not yet left")


def main() -> int:
    from PyQt5.QtCore import Qt, QTimer
    from PyQt5.QtTest import QTest
    from PyQt5.QtWidgets import QApplication

    from survey_app.window import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow("en", ask_name=False)
    window.show()
    if not window.open_package(sys.argv[1]):
        return 2
    window.list_panel.select(sys.argv[2])
    rows = window.form.rows

    def answer() -> None:
        for qid, how, text in ANSWERS:
            field = rows[qid].field
            if how == "down":
                field.combo.setFocus()
                QTest.keyClick(field.combo, Qt.Key.Key_Down)
            elif how.startswith("click"):
                button = field.yes if how == "click_yes" else field.no
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            else:
                field.edit.setFocus()
                QTest.keyClicks(field.edit, text)
                QTest.keyClick(field.edit, Qt.Key.Key_Return)
            print("saved", qid, flush=True)
        edit = rows[TYPING[0]].field.edit
        edit.setFocus()
        QTest.keyClicks(edit, TYPING[1])
        print("typing", flush=True)

    QTimer.singleShot(0, answer)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
