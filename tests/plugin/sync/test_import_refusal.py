"""The import refuses while a project layer has unsaved edits in QGIS, and writes nothing."""
from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from sync_support import query, sha256


def _edited_layer(project_gpkg, name="facilities"):
    layer = QgsVectorLayer(f"{project_gpkg}|layername={name}", name, "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    feature = next(layer.getFeatures())
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("name"), "改名")
    assert layer.isModified()
    return layer


def test_unsaved_edits_are_found_by_file_not_by_layer_name(project_gpkg, clean_qgis_project,
                                                            tmp_path):
    from lifecircle_plugin.gui.survey.project_layers import layers_with_unsaved_edits

    other = tmp_path / "other.gpkg"
    other.write_bytes(project_gpkg.read_bytes())
    layer = _edited_layer(other)
    assert layers_with_unsaved_edits(project_gpkg) == []
    assert layers_with_unsaved_edits(other) == [layer]
    layer.rollBack()
    assert layers_with_unsaved_edits(other) == []


def test_import_algorithm_refuses_with_unsaved_edits(project_gpkg, clean_qgis_project,
                                                     processing_ready, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    package = tmp_path / "some.lcsurvey"
    package.write_bytes(b"not looked at: the refusal comes first")
    layer = _edited_layer(project_gpkg)
    before = sha256(project_gpkg)
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("lifecircle:importsurvey", {
            "PROJECT": str(project_gpkg), "PACKAGES": [str(package)], "DRY_RUN": False})
    assert "facilities" in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert sha256(project_gpkg) == before
    layer.rollBack()
    count = query(project_gpkg, "select count(*) from facilities where name = '改名'")[0][0]
    assert count == 0
