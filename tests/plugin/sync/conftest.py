"""Fixtures of the survey / import / export plugin tests.

They run on the real Changning project that tests/plugin/conftest.py builds once per
session with core.build (`built_project`, `evaluated_project`), on private copies when
they write, with processing initialised there (`processing_ready`).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from field_work import survey  # noqa: E402


@pytest.fixture()
def project_gpkg(built_project, tmp_path) -> Path:
    """A private copy of the built Changning project for a test that writes."""
    target = tmp_path / "project" / "changning.gpkg"
    target.parent.mkdir()
    shutil.copy(built_project, target)
    return target


@pytest.fixture()
def clean_qgis_project(qgis_app):
    from qgis.core import QgsProject

    QgsProject.instance().removeAllMapLayers()
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def surveyed(project_gpkg, tmp_path, clean_qgis_project):
    return survey(project_gpkg, tmp_path)


@pytest.fixture(scope="module")
def processing_ready(qgis_app):
    """Processing with the Life Circle provider for this module only: a provider left
    registered would clash with the plugin's own registration in later tests."""
    plugins = "/usr/share/qgis/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from lifecircle_plugin.processing.provider import LifeCircleProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("lifecircle")
    added = provider is None
    if added:
        provider = LifeCircleProvider()
        registry.addProvider(provider)
    yield provider
    if added:
        registry.removeProvider(provider)
