"""Fixtures of the survey app tests: a real Changning package and the real main window.

The package is made once per session the way a planner makes it: core.build builds the
Changning project from the shared data, make_package cuts the package of 天山路街道 out
of it. Every test gets its own copy, so each test writes to its own file.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SUBDISTRICT = "天山路街道"


@pytest.fixture(scope="session")
def template_package(data_dir, tmp_path_factory) -> Path:
    from lifecircle_plugin.core.build import build_project, changning_config
    from lifecircle_plugin.core.survey.package import make_package

    folder = tmp_path_factory.mktemp("survey_template")
    project = folder / "project.gpkg"
    build_project(changning_config(data_dir, project))
    package = folder / "tianshan.lcsurvey"
    make_package(project, package, subdistrict=SUBDISTRICT, inspector="王芳")
    return package


@pytest.fixture
def package(template_package, tmp_path) -> Path:
    path = tmp_path / "天山路 package.lcsurvey"
    shutil.copyfile(template_package, path)
    return path


@pytest.fixture
def window(qtbot, package):
    from survey_app.window import MainWindow

    main = MainWindow("en", ask_name=False)
    qtbot.addWidget(main)
    main.resize(1300, 800)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_package(package)
    yield main
    main.close()
