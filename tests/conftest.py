"""Shared fixtures: where the real data is, and a QGIS application for plugin tests.

The real data is read from ../shared/data beside the checkout, or from $LIFECIRCLE_DATA.
pytest-qgis starts one offscreen QgsApplication for the session (QT_QPA_PLATFORM is set by
the Makefile); pytest-qt's qtbot drives the widgets of the plugin and the survey app.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _data_root() -> Path:
    env = os.environ.get("LIFECIRCLE_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


DATA = _data_root()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not (DATA / "changning").is_dir():
        pytest.fail(f"real data not found at {DATA}; set LIFECIRCLE_DATA to the shared data")
    return DATA


@pytest.fixture(scope="session")
def changning_dir(data_dir) -> Path:
    return data_dir / "changning"


@pytest.fixture(scope="session")
def helsinki_pbf(data_dir) -> Path:
    return data_dir / "helsinki" / "helsinki.osm.pbf"

# survey sync fixtures (changning_project built once per session, project copies, packages)
pytest_plugins = ["tests.sync_support.fixtures"]
