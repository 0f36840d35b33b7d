"""Helpers shared by the survey app tests: reading the package with plain sqlite3, and
driving modal dialogs, typing and drag-and-drop on real widgets."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from PyQt5.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, QUrl
from PyQt5.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QKeyEvent
from PyQt5.QtWidgets import QApplication

from survey_app.models import UUID_ROLE

SUBDISTRICT = "天山路街道"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def query(path: Path, sql: str, params=()) -> list:
    """Read the package with plain sqlite3 (read-only), independent of the app and store."""
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def stored_answers(path: Path, facility_uuid: str) -> dict:
    rows = query(path, "SELECT a.question_id, a.value FROM answers a JOIN audits u "
                       "ON a.audit_uuid = u.audit_uuid WHERE u.facility_uuid = ?",
                 (facility_uuid,))
    return {qid: json.loads(value) for qid, value in rows}


def facility_of_type(path: Path, facility_type: str) -> str:
    rows = query(path, "SELECT uuid FROM facilities WHERE facility_type = ? "
                       "ORDER BY name IS NULL OR name = '', name",
                 (facility_type,))
    assert rows, f"the real package has no {facility_type}"
    return rows[0][0]


def on_modal(callback, timeout_ms: int = 5000) -> None:
    """Run `callback(dialog)` as soon as a modal dialog is up (the code under test runs
    its exec() loop meanwhile)."""
    waited = [0]

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None and waited[0] < timeout_ms:
            waited[0] += 20
            QTimer.singleShot(20, poll)
        elif dialog is not None:
            callback(dialog)

    QTimer.singleShot(0, poll)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a keyboard does; characters QTest cannot map (Chinese, as an input method
    would commit them) are sent as key events carrying the text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def jpeg(path: Path, colour: str) -> Path:
    """A real small JPEG file, as a camera would leave it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "JPG")
    return path


def drop(widget, paths) -> None:
    """Drag files over `widget` (it must accept them) and drop them, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = widget.rect().center()
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(widget, event)


def click_facility(qtbot, window, uuid: str) -> None:
    """Click the facility's row in the list, as an inspector would."""
    table = window.list_panel.table
    proxy = window.list_panel.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(UUID_ROLE) == uuid)
    index = proxy.index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    assert window.current == uuid


def choose(qtbot, window, qid: str, option_index: int) -> None:
    """Pick an option of a single choice with the keyboard (index 0 is the blank entry)."""
    combo = window.form.rows[qid].field.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(option_index + 1):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def type_into(qtbot, window, qid: str, text: str) -> None:
    edit = window.form.rows[qid].field.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
