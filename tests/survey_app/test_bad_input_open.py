"""Packages that SQLite finds intact but whose content is damaged (hand-edited, a bad
sync tool): a text position, a checklist or answer that is not JSON, a facility type with
no checklist, broken map context. Before, opening raised out of open_package or aborted
the app (an exception in a Qt slot) when the facility was clicked. Now: a dialog naming
the file, the file byte-identical, the package open before still open."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from PyQt5.QtWidgets import QMessageBox

from lifecircle_plugin.core.survey.packagefile import CorruptPackage, inspect_package
from lifecircle_plugin.core.survey.store import SurveyStore
from tests.survey_app.app_support import on_modal, sha256

DAMAGE = {
    "checklist_not_json": "UPDATE checklists SET questions = '{not json' "
                          "WHERE facility_type = 'wet_market'",
    "position_is_text": "UPDATE facilities SET x = '121.4E' WHERE rowid = 3",
    "attributes_not_json": "UPDATE facilities SET attributes = '[broken' WHERE rowid = 2",
    "type_without_checklist": "UPDATE facilities SET facility_type = 'martian' "
                              "WHERE rowid = 1",
    "context_not_wkt": "UPDATE context SET wkt = 'POLYGON((' WHERE rowid = 1",
    "answer_not_json": None,  # needs an answer first, see _damaged
}


def _damaged(package, path, kind):
    shutil.copyfile(package, path)
    if kind == "answer_not_json":
        with SurveyStore(path) as store:
            store.set_inspector("王芳")
            facility = store.facilities()[0]
            audit = store.start_audit(facility.uuid)
            store.save_answer(audit.audit_uuid, "notes", "门口有台阶")
        sql = "UPDATE answers SET value = '\"unterminated'"
    else:
        sql = DAMAGE[kind]
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        assert connection.execute(sql).rowcount >= 1
    connection.close()


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_content_is_refused_untouched(qtbot, window, package, tmp_path, kind):
    bad = tmp_path / f"坏的 {kind}.lcsurvey"
    _damaged(package, bad, kind)
    before = sha256(bad)
    with pytest.raises(CorruptPackage) as caught:
        inspect_package(bad)
    assert caught.value.layer and caught.value.file == str(bad)

    shown = []
    on_modal(lambda box: (shown.append(box.text()),
                          box.button(QMessageBox.StandardButton.Ok).click()))
    assert window.open_package(bad) is False
    assert len(shown) == 1 and str(bad) in shown[0] and "damaged" in shown[0], shown
    assert sha256(bad) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("坏的")) == [bad.name]
    assert window.session.path == package


def test_a_folder_named_like_a_package(qtbot, window, package, tmp_path):
    folder = tmp_path / "文件夹.lcsurvey"
    folder.mkdir()
    shown = []
    on_modal(lambda box: (shown.append(box.text()),
                          box.button(QMessageBox.StandardButton.Ok).click()))
    assert window.open_package(folder) is False
    assert "this is a folder" in shown[0] and str(folder) in shown[0]


def test_a_checklist_that_fails_on_display_does_not_abort_the_app(qtbot, window, package,
                                                                  monkeypatch):
    """The safety net: any refusal while showing a facility is a dialog, not qFatal."""
    from lifecircle_plugin.core.survey.packagefile import UnknownRecord
    from tests.survey_app.app_support import click_facility, facility_of_type

    def refuse(facility_type):
        raise UnknownRecord(f"no checklist for facility type '{facility_type}'",
                            file=package, layer="checklists")

    monkeypatch.setattr(window.session, "checklist", refuse)
    shown = []
    on_modal(lambda box: (shown.append(box.text()),
                          box.button(QMessageBox.StandardButton.Ok).click()))
    click_facility(qtbot, window, facility_of_type(package, "wet_market"))
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "no checklist" in shown[0]
