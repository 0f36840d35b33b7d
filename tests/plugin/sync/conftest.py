"""Fixtures of the survey / import / export plugin tests: a real project and processing.

The project is the small real Changning project of `small_project.py` (real sub-districts
and OSM points in EPSG:4549), built once per session and copied for each test that
writes. Processing is initialised once with the Life Circle provider registered.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sync_support import build_small_project  # noqa: E402

QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


@pytest.fixture(scope="session")
def small_project_file(tmp_path_factory, changning_dir) -> Path:
    return build_small_project(changning_dir, tmp_path_factory.mktemp("small") / "project.gpkg")


@pytest.fixture()
def project_gpkg(small_project_file, tmp_path) -> Path:
    """A private copy of the project for a test that writes."""
    target = tmp_path / "project" / "project.gpkg"
    target.parent.mkdir()
    shutil.copy(small_project_file, target)
    return target


@pytest.fixture()
def clean_qgis_project(qgis_app):
    from qgis.core import QgsProject

    QgsProject.instance().removeAllMapLayers()
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture(scope="session")
def processing_provider(qgis_app):
    """Processing initialised once, with the plugin's provider (or, before the plugin's
    provider exists, one holding just the survey algorithms)."""
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("lifecircle")
    if provider is None:
        provider = _provider()
        registry.addProvider(provider)
    yield provider


def _provider():
    from qgis.core import QgsProcessingProvider

    try:
        from lifecircle_plugin.processing.provider import LifeCircleProvider
        return LifeCircleProvider()
    except ImportError:
        pass
    from lifecircle_plugin.processing.export_layers_algorithm import ExportLayersAlgorithm
    from lifecircle_plugin.processing.import_survey_algorithm import ImportSurveyAlgorithm
    from lifecircle_plugin.processing.make_package_algorithm import MakeSurveyPackageAlgorithm

    class SurveyProvider(QgsProcessingProvider):
        def id(self):  # noqa: A003
            return "lifecircle"

        def name(self):
            return "Life Circle"

        def loadAlgorithms(self):  # noqa: N802
            for cls in (MakeSurveyPackageAlgorithm, ImportSurveyAlgorithm,
                        ExportLayersAlgorithm):
                self.addAlgorithm(cls())

    return SurveyProvider()


def make_package(project_gpkg, out, **kwargs):
    from lifecircle_plugin.core.survey.package import make_package as core_make_package
    from sync_support import SUBDISTRICT, TASK

    kwargs.setdefault("subdistrict", SUBDISTRICT)
    kwargs.setdefault("task", TASK)
    kwargs.setdefault("inspector", "王检查员")
    core_make_package(str(project_gpkg), str(out), **kwargs)
    return out


@pytest.fixture()
def surveyed(project_gpkg, tmp_path, clean_qgis_project):
    """A package of 江苏路街道 / task 3 after field work, and the planner's rename of the
    same facility in QGIS: (project path, Scenario)."""
    from field_work import do_field_work, rename_in_qgis

    package = make_package(project_gpkg, tmp_path / "jiangsu.lcsurvey")
    scenario = do_field_work(package)
    rename_in_qgis(project_gpkg, scenario.renamed_both, scenario.project_name)
    return project_gpkg, scenario
