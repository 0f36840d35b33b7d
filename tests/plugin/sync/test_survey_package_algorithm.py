"""lifecircle:makesurveypackage and the dialog write real packages whose facilities are
exactly those the project holds for the chosen sub-district and task (counted with
sqlite3 in the project, read back with sqlite3 from the package)."""
from __future__ import annotations

import pytest
from field_work import package_facilities
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer
from sync_support import SUBDISTRICT, TASK, query


def _package_uuids(package):
    return sorted(r[0] for r in query(package, "select uuid from facilities"))


def test_algorithm_packages_one_subdistrict_and_task(built_project, processing_ready,
                                                     clean_qgis_project, tmp_path):
    import processing

    out = tmp_path / "jiangsu.lcsurvey"
    result = processing.run("lifecircle:makesurveypackage", {
        "PROJECT": str(built_project), "SUBDISTRICT": SUBDISTRICT, "TASK": TASK,
        "INSPECTOR": "王检查员", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    expected = package_facilities(built_project)
    assert len(expected) > 3
    assert _package_uuids(out) == expected
    info = dict(query(out, "select key, value from package_info"))
    assert info["inspector"] == "王检查员"
    project_id = query(built_project,
                       "select value from lc_metadata where key = 'project_id'")[0][0]
    assert info["project_id"] == project_id


def test_algorithm_packages_the_selected_features(built_project, processing_ready,
                                                  clean_qgis_project, tmp_path):
    import processing

    layer = QgsVectorLayer(f"{built_project}|layername=facilities", "facilities", "ogr")
    QgsProject.instance().addMapLayer(layer)
    layer.selectByExpression("\"task\" = 10 AND \"subdistrict\" = '新泾镇'")
    chosen = sorted(f["uuid"] for f in layer.selectedFeatures())
    assert chosen
    out = tmp_path / "selected.lcsurvey"
    processing.run("lifecircle:makesurveypackage", {
        "PROJECT": str(built_project), "INSPECTOR": "李", "OUTPUT": str(out),
        "FACILITIES": QgsProcessingFeatureSourceDefinition(layer.id(), True)})
    assert _package_uuids(out) == chosen


def test_algorithm_refuses_a_file_that_is_not_a_project(processing_ready, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    broken = tmp_path / "broken.gpkg"
    broken.write_text("not a geopackage", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("lifecircle:makesurveypackage", {
            "PROJECT": str(broken), "INSPECTOR": "李", "OUTPUT": str(tmp_path / "x.lcsurvey")})
    assert "broken.gpkg" in str(refused.value)
    assert not (tmp_path / "x.lcsurvey").exists()


def test_dialog_writes_the_package_in_a_task(built_project, clean_qgis_project, qtbot,
                                             tmp_path):
    from lifecircle_plugin.gui.survey.package_dialog import MakePackageDialog

    dialog = MakePackageDialog(str(built_project))
    qtbot.addWidget(dialog)
    dialog.subdistrict.setCurrentIndex(dialog.subdistrict.findData(SUBDISTRICT))
    dialog.task_combo.setCurrentIndex(dialog.task_combo.findData(TASK))
    dialog.inspector.setText("王检查员")  # QTest cannot type CJK keys
    dialog.output.setFilePath(str(tmp_path / "dialog"))
    with qtbot.waitSignal(dialog.runner.done, timeout=60000):
        dialog.make_button.click()
    out = tmp_path / "dialog.lcsurvey"
    assert _package_uuids(out) == package_facilities(built_project)
    assert dialog.progress.bar.value() == 100
    assert str(out) in dialog.bar.currentItem().text()


def test_algorithm_names_the_known_subdistricts_for_an_unknown_one(built_project,
                                                                   processing_ready, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("lifecircle:makesurveypackage", {
            "PROJECT": str(built_project), "SUBDISTRICT": "不存在街道", "INSPECTOR": "王",
            "OUTPUT": str(tmp_path / "x.lcsurvey")})
    names = [r[0] for r in query(built_project, "select name from subdistricts")]
    assert "不存在街道" in str(refused.value)
    assert all(name in str(refused.value) for name in names)
    assert list(tmp_path.iterdir()) == []
