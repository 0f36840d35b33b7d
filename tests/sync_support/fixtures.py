"""pytest fixtures for sync tests; import them into a test module to use them:
`from tests.sync_support.fixtures import changning_project, project  # noqa: F401`."""
from __future__ import annotations

import shutil
from pathlib import Path

import fiona
import pytest
from shapely.geometry import Point, shape

from .project import JIANGSU_ROAD, build_changning_project


@pytest.fixture(scope="session")
def changning_project(data_dir, tmp_path_factory) -> Path:
    """The real-data project (builder + engine), made once per session; copy it before
    writing."""
    return build_changning_project(data_dir, tmp_path_factory.mktemp("sync") / "p.gpkg")


@pytest.fixture
def project(changning_project, tmp_path) -> Path:
    return Path(shutil.copyfile(changning_project, tmp_path / "project.gpkg"))


def subdistrict_uuids(project: Path, subdistrict: str = JIANGSU_ROAD):
    """Facilities of a 街镇, found independently by point in polygon with fiona."""
    with fiona.open(project, layer="subdistricts") as layer:
        polygon = next(shape(f["geometry"]) for f in layer
                       if f["properties"]["name"] == subdistrict)
    with fiona.open(project, layer="facilities") as layer:
        return sorted(f["properties"]["uuid"] for f in layer
                      if polygon.covers(Point(f["geometry"]["coordinates"])))


@pytest.fixture(scope="session")
def jiangsu_packages(changning_project, tmp_path_factory):
    """Two inspectors' packages of 江苏路街道 (张三, 李四), made once by make_package."""
    from .field_work import make_survey_package

    folder = tmp_path_factory.mktemp("packages")
    return tuple(make_survey_package(changning_project, folder / f"{name}.lcsurvey",
                                     JIANGSU_ROAD, inspector)
                 for name, inspector in (("zhang", "张三"), ("li", "李四")))


@pytest.fixture
def packages(jiangsu_packages, tmp_path):
    """Fresh copies of the two packages for one test (a laptop each)."""
    return tuple(Path(shutil.copyfile(path, tmp_path / path.name))
                 for path in jiangsu_packages)
