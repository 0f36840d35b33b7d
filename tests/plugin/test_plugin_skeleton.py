"""The plugin loads and unloads in a real QGIS, its metadata is complete, its zip installs."""
from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_KEYS = ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                 "email", "repository", "tracker", "homepage", "tags", "category", "icon",
                 "experimental", "changelog")


def test_metadata_has_every_key_the_plugin_repository_requires():
    config = configparser.ConfigParser()
    config.read(ROOT / "metadata.txt", encoding="utf-8")
    general = config["general"]
    missing = [k for k in REQUIRED_KEYS if not general.get(k, "").strip()]
    assert not missing
    assert general["qgisMinimumVersion"] == "3.22"
    assert (ROOT / general["icon"]).exists()
    assert len(general["changelog"].splitlines()) <= 12


def test_plugin_loads_and_unloads_leaving_nothing_behind(qgis_iface):
    from qgis.PyQt.QtWidgets import QAction, QDockWidget

    import lifecircle_plugin

    main_window = qgis_iface.mainWindow()
    before_actions = set(main_window.findChildren(QAction))
    before_docks = set(main_window.findChildren(QDockWidget))
    plugin = lifecircle_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.actions
    plugin.unload()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert set(main_window.findChildren(QDockWidget)) <= before_docks
    left = [a for a in main_window.findChildren(QAction) if a not in before_actions
            and a.objectName().startswith("lifecircle")]
    assert not left


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_package.py"),
                             "--out", str(out)], capture_output=True, text=True, check=True)
    return Path(result.stdout.strip())


def test_package_contents(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {n.split("/")[0] for n in names} == {"lifecircle_plugin"}
    assert "lifecircle_plugin/metadata.txt" in names
    assert "lifecircle_plugin/__init__.py" in names
    assert "lifecircle_plugin/resources/catalogue/facility_types.csv" in names
    assert any(n.endswith(".qm") for n in names), "compiled translations missing"
    assert not [n for n in names if "__pycache__" in n or "/tests/" in n or n.endswith(".ts")]
    assert not [n for n in names if "/screenshots/" in n], "README pictures do not ship"


def test_unzipped_package_imports_and_loads_in_a_fresh_profile(plugin_zip, tmp_path):
    """A separate pytest run in which only the unzipped copy is importable."""
    profile_plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    profile_plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(profile_plugins)
    probe = tmp_path / "test_probe.py"
    probe.write_text(f"""
import sys
sys.path.insert(0, {str(profile_plugins)!r})
import lifecircle_plugin

def test_load(qgis_iface):
    assert lifecircle_plugin.__file__.startswith({str(profile_plugins)!r})
    from lifecircle_plugin.core.catalogue import load_catalogue
    assert len(load_catalogue().types) == 63
    plugin = lifecircle_plugin.classFactory(qgis_iface)
    plugin.initGui()
    plugin.unload()
""", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
