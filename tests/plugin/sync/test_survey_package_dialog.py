"""The "Make survey package" dialog: its choices come from the project, its facilities
from the map selection, and it writes a real package in a QgsTask."""
from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from sync_support import query


def _facilities_layer(project_gpkg):
    layer = QgsVectorLayer(f"{project_gpkg}|layername=facilities", "facilities", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_subdistricts_and_tasks_are_offered(built_project, clean_qgis_project, qtbot):
    from lifecircle_plugin.gui.survey.package_dialog import MakePackageDialog

    dialog = MakePackageDialog(str(built_project))
    qtbot.addWidget(dialog)
    expected = sorted(r[0] for r in query(built_project,
                                          "select distinct name from subdistricts"))
    offered = [dialog.subdistrict.itemData(i) for i in range(dialog.subdistrict.count())]
    assert offered == [None] + expected
    tasks = [dialog.task_combo.itemData(i) for i in range(dialog.task_combo.count())]
    assert tasks == [None] + list(range(1, 13))
    assert not dialog.selected_only.isEnabled()


def test_selection_on_the_map_becomes_the_facility_uuids(built_project,
                                                         clean_qgis_project, qtbot):
    from lifecircle_plugin.gui.survey.package_dialog import MakePackageDialog

    layer = _facilities_layer(built_project)
    layer.selectByExpression("\"subdistrict\" = '江苏路街道' AND \"task\" = 3")
    expected = {r[0] for r in query(built_project, "select uuid from facilities where "
                                    "subdistrict = '江苏路街道' and task = 3")}
    assert expected
    dialog = MakePackageDialog(str(built_project))
    qtbot.addWidget(dialog)
    assert set(dialog.selected_uuids()) == expected
    assert dialog.selected_only.isChecked()
    assert f"({len(expected)} " in dialog.selected_only.text()


def test_missing_inspector_is_a_message_not_a_task(built_project, clean_qgis_project,
                                                   qtbot, tmp_path):
    from lifecircle_plugin.gui.survey.package_dialog import MakePackageDialog

    dialog = MakePackageDialog(str(built_project))
    qtbot.addWidget(dialog)
    dialog.output.setFilePath(str(tmp_path / "p.lcsurvey"))
    dialog.make_button.click()
    assert not dialog.runner.busy
    assert "inspector" in dialog.bar.currentItem().text()
    assert not (tmp_path / "p.lcsurvey").exists()


def test_selection_made_while_the_dialog_is_open_is_followed(built_project,
                                                            clean_qgis_project, qtbot):
    from lifecircle_plugin.gui.survey.package_dialog import MakePackageDialog

    layer = _facilities_layer(built_project)
    dialog = MakePackageDialog(str(built_project))
    qtbot.addWidget(dialog)
    assert not dialog.selected_only.isEnabled()
    first_two = [f.id() for f in layer.getFeatures()][:2]
    layer.selectByIds(first_two)
    assert dialog.selected_only.isChecked()
    assert "(2 " in dialog.selected_only.text()
    assert len(dialog.selected_uuids()) == 2
