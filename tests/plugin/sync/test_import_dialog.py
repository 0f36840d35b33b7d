"""The import dialog: a dry run shows what the field work implies, writes nothing; the
import refuses while a project layer has unsaved edits; then it imports, and QGIS shows it.

Expected counts come from the scenario the test itself played (field_work.py): one facility
renamed on both sides (a conflict), one address corrected only in the field (an update),
one facility added in the field, one audit.
"""
from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from sync_support import query, sha256


def _open_dialog(qtbot, project_gpkg, package):
    from lifecircle_plugin.gui.survey.import_dialog import ImportDialog

    dialog = ImportDialog(str(project_gpkg))
    qtbot.addWidget(dialog)
    dialog.add_packages([package])
    return dialog


def _run(qtbot, dialog, button):
    assert button.isEnabled()
    button.click()
    with qtbot.waitSignal(dialog.runner.done, timeout=60000):
        pass


def _table(dialog):
    table = {}
    for r in range(dialog.table.rowCount()):
        cells = [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
        table[cells[0]] = tuple(int(v) for v in cells[1:])
    return table


@pytest.fixture()
def planned(surveyed, qtbot):
    project_gpkg, scenario = surveyed
    dialog = _open_dialog(qtbot, project_gpkg, scenario.package)
    assert not dialog.import_button.isEnabled()  # dry run first
    before = sha256(project_gpkg)
    _run(qtbot, dialog, dialog.dry_run_button)
    assert sha256(project_gpkg) == before
    return dialog, project_gpkg, scenario


def test_dry_run_counts_what_the_field_work_did(planned):
    dialog, project_gpkg, scenario = planned
    table = _table(dialog)
    #                        adds updates conflicts errors
    assert table["facilities"] == (1, 1, 1, 0)
    assert table["audits"][0] == len(scenario.audited)
    assert table["audit_photos"][0] == 1
    assert sum(row[3] for row in table.values()) == 0
    assert dialog.import_button.isEnabled()
    assert dialog.notes.toPlainText() == ""  # no schema drift, nothing kept aside


def test_import_refused_while_a_layer_has_unsaved_edits(planned, qtbot):
    dialog, project_gpkg, scenario = planned
    layer = QgsVectorLayer(f"{project_gpkg}|layername=facilities", "设施", "ogr")
    QgsProject.instance().addMapLayer(layer)
    feature = next(layer.getFeatures())
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("address"), "未保存")
    before = sha256(project_gpkg)
    dialog.import_button.click()
    assert not dialog.runner.busy
    text = dialog.bar.currentItem().text()
    assert "设施" in text and "Traceback" not in text
    assert sha256(project_gpkg) == before
    layer.rollBack()


def test_import_applies_holds_and_reloads(planned, qtbot, tmp_path):
    dialog, project_gpkg, scenario = planned
    photos = tmp_path / "photos chosen"
    dialog.attachments.setFilePath(str(photos))
    layer = QgsVectorLayer(f"{project_gpkg}|layername=facilities", "facilities", "ogr")
    QgsProject.instance().addMapLayer(layer)
    shown_before = layer.featureCount()
    with qtbot.waitSignal(dialog.imported, timeout=60000) as imported, \
            qtbot.waitSignal(dialog.conflicts_pending, timeout=60000):
        dialog.import_button.click()
    assert imported.args[0] is dialog.report
    rows = dict(query(project_gpkg, "select uuid, address from facilities"))
    assert rows[scenario.address_only_in_field] == "江苏路 123 号"
    assert scenario.added in rows
    assert layer.featureCount() == shown_before + 1  # reloaded: QGIS sees the new facility
    name = query(project_gpkg, "select name from facilities where uuid = ?",
                 scenario.renamed_both)[0][0]
    assert name == scenario.project_name  # held, not overwritten
    held = query(project_gpkg, "select field, field_value, state from conflicts "
                 "where facility_uuid = ?", scenario.renamed_both)
    assert [(f, s) for f, _, s in held] == [("name", "open")]
    assert scenario.field_name in held[0][1]
    audits = [r[0] for r in query(project_gpkg, "select audit_uuid from audits")]
    assert audits == scenario.audited
    assert not dialog.import_button.isEnabled()  # a new dry run is needed
    written = [p for p in photos.rglob("*") if p.is_file()]
    assert [sha256(p) for p in written] == [scenario.photo_sha256]
    linked = query(project_gpkg, "select original_name, sha256 from audit_photos")
    assert linked == [("IMG_0001.png", scenario.photo_sha256)]


def test_algorithm_dry_run_then_import_then_again(surveyed, processing_ready):
    import processing

    project_gpkg, scenario = surveyed
    parameters = {"PROJECT": str(project_gpkg), "PACKAGES": [scenario.package]}
    before = sha256(project_gpkg)
    dry = processing.run("lifecircle:importsurvey", {**parameters, "DRY_RUN": True})
    assert sha256(project_gpkg) == before
    done = processing.run("lifecircle:importsurvey", parameters)
    for key in ("ADDS", "UPDATES", "CONFLICTS", "ERRORS"):
        assert done[key] == dry[key], key
    assert done["CONFLICTS"] == 1 and done["ERRORS"] == 0
    again = processing.run("lifecircle:importsurvey", parameters)
    assert (again["ADDS"], again["UPDATES"], again["CONFLICTS"]) == (0, 0, 0)
    assert query(project_gpkg, "select count(*) from audits")[0][0] == len(scenario.audited)


def test_package_of_another_project_is_refused(surveyed, processing_ready, tmp_path,
                                               built_project, qtbot):
    import processing
    from qgis.core import QgsProcessingException
    from sync_support import query as q

    project_gpkg, scenario = surveyed
    other = tmp_path / "other.gpkg"
    other.write_bytes(built_project.read_bytes())
    import sqlite3
    with sqlite3.connect(other) as connection:
        connection.execute("update lc_metadata set value = 'another-project' "
                           "where key = 'project_id'")
    assert q(other, "select value from lc_metadata where key='project_id'")[0][0] != \
        q(project_gpkg, "select value from lc_metadata where key='project_id'")[0][0]
    before = sha256(other)
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("lifecircle:importsurvey", {
            "PROJECT": str(other), "PACKAGES": [scenario.package]})
    assert "Traceback" not in str(refused.value)
    assert sha256(other) == before
    dialog = _open_dialog(qtbot, other, scenario.package)
    _run(qtbot, dialog, dialog.dry_run_button)
    assert dialog.bar.currentItem() is not None
    assert "project" in dialog.bar.currentItem().text().lower()
    assert not dialog.import_button.isEnabled()


def test_newer_schema_and_broken_packages_are_refused_readably(surveyed, processing_ready,
                                                                tmp_path, qtbot):
    import shutil
    import sqlite3

    import processing
    from qgis.core import QgsProcessingException

    project_gpkg, scenario = surveyed
    newer = tmp_path / "newer.lcsurvey"
    shutil.copy(scenario.package, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("update package_info set value = '99' where key = 'schema_version'")
    broken = tmp_path / "broken.lcsurvey"
    broken.write_bytes(b"SQLite format 3\x00 but cut short")
    before = sha256(project_gpkg)
    for package in (newer, broken):
        with pytest.raises(QgsProcessingException) as refused:
            processing.run("lifecircle:importsurvey", {
                "PROJECT": str(project_gpkg), "PACKAGES": [str(package)]})
        assert package.name in str(refused.value)
        assert "Traceback" not in str(refused.value)
        dialog = _open_dialog(qtbot, project_gpkg, package)
        _run(qtbot, dialog, dialog.dry_run_button)
        assert package.name in dialog.bar.currentItem().text()
        assert not dialog.import_button.isEnabled()
    assert sha256(project_gpkg) == before


def test_schema_drift_is_listed_in_the_dry_run(surveyed, qtbot):
    """The planner renamed a field after the package was made: the field's value has no
    home, the dry run says so (and where the value is kept)."""
    import sqlite3

    project_gpkg, scenario = surveyed
    with sqlite3.connect(project_gpkg) as connection:
        connection.execute('ALTER TABLE facilities RENAME COLUMN "address" TO "street_address"')
    dialog = _open_dialog(qtbot, project_gpkg, scenario.package)
    _run(qtbot, dialog, dialog.dry_run_button)
    lines = dialog.notes.toPlainText().splitlines()
    assert any("'address'" in line for line in lines)  # the drift
    kept = [line for line in lines if scenario.address_only_in_field in line]
    assert kept and kept[0].endswith("address")  # the corrected address, kept aside
