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
def changning_project(changning_dir, tmp_path_factory) -> Path:
    """The real-data project, built once per session; copy it before writing."""
    return build_changning_project(changning_dir, tmp_path_factory.mktemp("sync") / "p.gpkg")


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
