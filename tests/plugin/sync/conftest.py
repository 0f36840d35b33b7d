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
from sync_support import SUBDISTRICT, TASK  # noqa: E402


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


def make_package(project_gpkg, out, **kwargs):
    from lifecircle_plugin.core.survey.package import make_package as core_make_package

    kwargs.setdefault("subdistrict", SUBDISTRICT)
    kwargs.setdefault("task", TASK)
    kwargs.setdefault("inspector", "王检查员")
    core_make_package(str(project_gpkg), str(out), **kwargs)
    return out


def survey(project_gpkg, tmp_path):
    """A package of 江苏路街道 / task 3 after field work, and the planner's rename of the
    same facility in QGIS: (project path, Scenario)."""
    from field_work import do_field_work, rename_in_qgis

    package = make_package(project_gpkg, tmp_path / "jiangsu.lcsurvey")
    scenario = do_field_work(package)
    rename_in_qgis(project_gpkg, scenario.renamed_both, scenario.project_name)
    return project_gpkg, scenario


@pytest.fixture()
def surveyed(project_gpkg, tmp_path, clean_qgis_project):
    return survey(project_gpkg, tmp_path)
