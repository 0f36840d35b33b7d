"""Which Python packages the plugin needs inside QGIS, and how to get a missing one.

QGIS on Windows and macOS ships its own Python, and on Linux QGIS uses the system Python.
GDAL/OGR and pyproj come with QGIS; numpy, scipy and shapely 2 (compiled) may not
(Debian 12's own python3-shapely is 1.8, too old for the engine's vectorised calls).
sqlite-utils is only used by the survey app and the tests, never by the plugin. The
plugin checks at start-up and names what is missing or too old, with the command that
installs it into the Python QGIS runs, instead of failing on import.
"""
from __future__ import annotations

import importlib
import sys
import sysconfig
from pathlib import Path
from typing import List, Optional, Tuple

# (module, pip requirement, minimum version or None)
REQUIRED = (
    ("numpy", "numpy", None),
    ("scipy", "scipy", None),
    ("shapely", "shapely>=2.0", (2, 0)),
    ("pyproj", "pyproj", None),
    ("osgeo", "gdal", None),
)


def _version(module) -> Optional[Tuple[int, ...]]:
    text = getattr(module, "__version__", "") or ""
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts) or None


def missing_dependencies() -> List[Tuple[str, str]]:
    """(module, pip requirement) of every required package that is absent or too old."""
    missing = []
    for module_name, requirement, minimum in REQUIRED:
        try:
            module = importlib.import_module(module_name)
        except Exception:  # noqa: BLE001 - any import failure means unusable
            missing.append((module_name, requirement))
            continue
        version = _version(module)
        if minimum and version is not None and version < minimum:
            missing.append((module_name, requirement))
    return missing


def _python_of_qgis() -> str:
    """The interpreter QGIS embeds: sys.executable is the qgis binary inside QGIS."""
    if sys.platform.startswith("win"):
        return "python"
    name = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidate = Path(sys.prefix) / "bin" / name
    return str(candidate) if candidate.exists() else "python3"


def install_command(requirements: List[str]) -> str:
    """The command a planner pastes into the OSGeo4W shell / a terminal to fix it."""
    quoted = " ".join(f'"{r}"' if any(c in r for c in "<>=") else r for r in requirements)
    extra = ""
    stdlib = sysconfig.get_paths().get("stdlib", "")
    if stdlib and (Path(stdlib) / "EXTERNALLY-MANAGED").exists():
        extra = " --break-system-packages"  # Debian/Ubuntu system Python (PEP 668)
    return f"{_python_of_qgis()} -m pip install --user{extra} {quoted}"
