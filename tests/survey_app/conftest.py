"""Fixtures of the survey app tests: a real Changning package and the real main window.

The package is made once per session the way a planner makes it: core.build builds the
Changning project from the shared data, make_package cuts the package of 天山路街道 out
of it. Every test gets its own copy, so each test writes to its own file.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from PyQt5.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, QUrl
from PyQt5.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QKeyEvent
from PyQt5.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

SUBDISTRICT = "天山路街道"


@pytest.fixture(scope="session")
def template_package(data_dir, tmp_path_factory) -> Path:
    from lifecircle_plugin.core.build import build_project, changning_config
    from lifecircle_plugin.core.survey.package import make_package

    folder = tmp_path_factory.mktemp("survey_template")
    project = folder / "project.gpkg"
    build_project(changning_config(data_dir, project))
    package = folder / "tianshan.lcsurvey"
    make_package(project, package, subdistrict=SUBDISTRICT, inspector="王芳")
    return package


@pytest.fixture
def package(template_package, tmp_path) -> Path:
    path = tmp_path / "天山路 package.lcsurvey"
    shutil.copyfile(template_package, path)
    return path


@pytest.fixture
def window(qtbot, package):
    from survey_app.window import MainWindow

    main = MainWindow("en", ask_name=False)
    qtbot.addWidget(main)
    main.resize(1300, 800)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_package(package)
    yield main
    main.close()


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
