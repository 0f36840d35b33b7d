"""Typed settings: user preferences in QgsSettings, project settings inside the .qgz."""
from __future__ import annotations

from qgis.core import QgsProject, QgsSettings

from lifecircle_plugin import settings


def test_user_preferences_keep_their_type(qgis_app):
    try:
        settings.LABEL_MAX_SCALE.set_value(10000.0)
        settings.LOAD_SERVICE_AREAS.set_value(False)
        # QgsSettings may hand back strings (ini files): the declared type wins
        QgsSettings().setValue(settings.LABEL_MAX_SCALE.full_key, "12500")
        assert settings.LABEL_MAX_SCALE.value() == 12500.0
        assert settings.LOAD_SERVICE_AREAS.value() is False
        assert settings.LABEL_MAX_SCALE.full_key == "lifecircle/label_max_scale"
    finally:
        settings.LABEL_MAX_SCALE.reset()
        settings.LOAD_SERVICE_AREAS.reset()
    assert settings.LABEL_MAX_SCALE.value() == 25000.0
    assert settings.LOAD_SERVICE_AREAS.value() is True


def test_project_settings_travel_in_the_project_file(qgis_new_project, tmp_path):
    project = QgsProject.instance()
    gpkg = tmp_path / "data" / "changning.gpkg"
    gpkg.parent.mkdir()
    gpkg.touch()
    qgz = tmp_path / "plan.qgz"
    project.setFileName(str(qgz))
    settings.PROJECT_GPKG.set_value(str(gpkg))
    settings.THRESHOLD_OVERRIDES.set_value({"kindergarten": 400.0})
    settings.TARGET_OVERRIDES.set_value({"kindergarten": 0.9})
    settings.DETOUR_FACTOR.set_value(1.4)
    assert project.write()
    project.clear()
    assert settings.THRESHOLD_OVERRIDES.value() == {}
    assert project.read(str(qgz))
    assert settings.PROJECT_GPKG.value() == str(gpkg)
    assert settings.catalogue_overrides() == {
        "thresholds": {"kindergarten": 400.0}, "targets": {"kindergarten": 0.9},
        "detour_factor": 1.4}
    catalogue = settings.project_catalogue()
    assert catalogue.types["kindergarten"].threshold_m == 400.0
    assert catalogue.types["kindergarten"].verif_threshold == "P"
    assert catalogue.detour_factor == 1.4
    project.clear()


def test_options_page_saves_the_preferences(qgis_app, qtbot):
    from lifecircle_plugin.gui.options_page import LifeCircleOptionsFactory

    page = LifeCircleOptionsFactory().createWidget(None)
    qtbot.addWidget(page)
    assert page.service_areas.isChecked()
    page.crs.setText(" EPSG:32651 ")
    page.service_areas.setChecked(False)
    page.label_scale.setScale(10000)
    try:
        page.apply()
        assert settings.PROJECT_CRS.value() == "EPSG:32651"
        assert settings.LOAD_SERVICE_AREAS.value() is False
        assert settings.LABEL_MAX_SCALE.value() == 10000.0
    finally:
        for setting in (settings.PROJECT_CRS, settings.LOAD_SERVICE_AREAS, settings.OVERPASS_URL,
                        settings.LABEL_MAX_SCALE):
            setting.reset()
