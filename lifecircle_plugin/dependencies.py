"""Which Python packages the plugin needs inside QGIS, and how to get a missing one.

QGIS on Windows and macOS ships its own Python. GDAL/OGR and pyproj come with QGIS;
numpy, scipy and shapely (compiled) may not. sqlite-utils (pure Python) is only used by
the survey app and the tests, never by the plugin. The plugin checks at start-up and, if
something is missing, names it with the command that installs it into QGIS's Python,
instead of failing on import.
"""
from __future__ import annotations

import importlib
import sys
from typing import List, Tuple

REQUIRED = (
    ("numpy", "numpy"),
    ("scipy", "scipy"),
    ("shapely", "shapely"),
    ("pyproj", "pyproj"),
    ("osgeo", "gdal"),
)


def missing_dependencies() -> List[Tuple[str, str]]:
    """(module, pip name) of every required package that does not import."""
    missing = []
    for module, pip_name in REQUIRED:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - any import failure means unusable
            missing.append((module, pip_name))
    return missing


def install_command(pip_names: List[str]) -> str:
    """The command a planner pastes into the OSGeo4W shell / terminal to fix it."""
    python = sys.executable or "python3"
    if sys.platform.startswith("win"):
        return "python -m pip install --user " + " ".join(pip_names)
    return f'"{python}" -m pip install --user ' + " ".join(pip_names)
