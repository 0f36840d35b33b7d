"""The algorithms run headless through `qgis_process`, from the installed plugin zip.

A fresh QGIS profile gets the unzipped plugin, enabled; `qgis_process` (a separate
process, no GUI) must list the provider and run lifecircle:evaluate on a real project.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import shapely

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
pytestmark = pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed")


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> Path:
    """A QGIS config folder whose default profile has the plugin installed and enabled."""
    root = tmp_path_factory.mktemp("qgis_config")
    dist = tmp_path_factory.mktemp("dist")
    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_package.py"),
                           "--out", str(dist)], capture_output=True, text=True, check=True)
    plugins = root / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(made.stdout.strip()).extractall(plugins)
    settings = root / "profiles" / "default" / "QGIS"
    settings.mkdir(parents=True)
    (settings / "QGIS3.ini").write_text("[PythonPlugins]\nlifecircle_plugin=true\n",
                                        encoding="utf-8")
    return root


def qgis_process(profile: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile),
               # the packages the plugin needs (numpy, scipy, shapely 2) as a user installs
               # them next to QGIS's Python: here, those of the test environment
               PYTHONPATH=str(Path(shapely.__file__).resolve().parents[1]))
    return subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_qgis_process_lists_and_runs_the_algorithms(profile, project_copy):
    listed = qgis_process(profile, "list")
    for algorithm in ("buildproject", "evaluate", "scoresites", "bestsites"):
        assert f"lifecircle:{algorithm}" in listed.stdout, listed.stdout[-2000:]
    ran = qgis_process(profile, "--json", "run", "lifecircle:evaluate", "--",
                       f"PROJECT={project_copy}", "SERVICE_AREAS=false")
    assert ran.returncode == 0, ran.stderr[-2000:]
    results = json.loads(ran.stdout)["results"]
    with sqlite3.connect(str(project_copy)) as db:
        origins = db.execute("SELECT COUNT(*) FROM origins").fetchone()[0]
        written = db.execute("SELECT COUNT(*) FROM subdistrict_results").fetchone()[0]
    assert results["ORIGINS"] == origins
    assert results["SUBDISTRICT_ROWS"] == written > 0
