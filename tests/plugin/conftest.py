"""Plugin test fixtures: one real Changning project per session, processing ready to run.

The project is built and evaluated once with the core (a few seconds on Changning data);
tests that change a project work on a copy.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


@pytest.fixture(scope="session")
def built_project(tmp_path_factory, changning_dir, qgis_app) -> Path:
    """A Changning project GeoPackage built by core.build (no results yet). Do not modify."""
    from lifecircle_plugin.core.build import build_project, changning_config

    out = tmp_path_factory.mktemp("built") / "changning.gpkg"
    build_project(changning_config(changning_dir, out))
    return out


@pytest.fixture(scope="session")
def evaluated_project(tmp_path_factory, built_project) -> Path:
    """A copy of the built project with evaluation results written. Do not modify."""
    from lifecircle_plugin.core.evaluate import EvaluationOptions, evaluate_project

    out = tmp_path_factory.mktemp("evaluated") / "changning.gpkg"
    shutil.copy(built_project, out)
    evaluate_project(str(out), EvaluationOptions(), write=True)
    return out


@pytest.fixture()
def project_copy(tmp_path, built_project) -> Path:
    """A private copy of the built project, for tests that write into it."""
    target = tmp_path / "project.gpkg"
    shutil.copy(built_project, target)
    return target


@pytest.fixture(scope="session")
def processing_ready(qgis_app):
    """QGIS processing initialised with the Life Circle provider registered."""
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from lifecircle_plugin.processing.provider import LifeCircleProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("lifecircle")
    if provider is None:
        provider = LifeCircleProvider()
        registry.addProvider(provider)
    yield provider
