"""Refused files: a clear dialog naming the file, the file byte-identical, the app usable."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from conftest import on_modal, query, sha256
from PyQt5.QtWidgets import QMessageBox


def corrupt(package, path):
    shutil.copyfile(package, path)
    data = bytearray(path.read_bytes())
    data[4096:4096 * 4] = b"\xab" * (4096 * 3)
    path.write_bytes(bytes(data))


def geopackage(package, path):
    connection = sqlite3.connect(path)
    connection.executescript(
        "PRAGMA application_id = 1196444487;"
        "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT);"
        "INSERT INTO gpkg_contents VALUES ('facilities', 'features');")
    connection.close()


def text_file(package, path):
    path.write_text("名称,地址\n天山路菜场,天山路1号\n", encoding="utf-8")


def newer_schema(package, path):
    shutil.copyfile(package, path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE package_info SET value = '99' WHERE key = 'schema_version'")
    connection.close()


def empty_file(package, path):
    path.write_bytes(b"")


@pytest.mark.parametrize("make", [corrupt, geopackage, text_file, newer_schema, empty_file])
def test_refused_file_is_named_untouched_and_the_app_goes_on(qtbot, window, package,
                                                             tmp_path, make):
    bad = tmp_path / f"坏的 {make.__name__}.lcsurvey"
    make(package, bad)
    before = sha256(bad)
    shown = []
    on_modal(lambda box: (shown.append((box.icon(), box.text())),
                          box.button(QMessageBox.StandardButton.Ok).click()))
    assert window.open_package(bad) is False
    assert len(shown) == 1
    icon, text = shown[0]
    assert icon == QMessageBox.Icon.Critical and str(bad) in text, text
    assert sha256(bad) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("坏的")) == [bad.name]
    # the package open before is still the open one and still takes answers
    assert window.session.path == package
    assert window.list_panel.model.rowCount() == query(package,
                                                       "SELECT COUNT(*) FROM facilities")[0][0]


def test_newer_schema_message_says_why(qtbot, window, package, tmp_path):
    bad = tmp_path / "newer.lcsurvey"
    newer_schema(package, bad)
    shown = []
    on_modal(lambda box: (shown.append(box.text()), box.accept()))
    window.open_package(bad)
    assert "schema version 99" in shown[0] and str(bad) in shown[0]
