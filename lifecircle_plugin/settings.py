"""Every setting of the plugin, declared once with its type, default and scope.

Two scopes: user preferences live in QgsSettings under `lifecircle/…` (they follow the
planner from project to project), project settings live in the .qgz through
QgsProject.writeEntry (they travel with the project: its GeoPackage, threshold overrides).
Call sites use the declared objects below and never spell a key.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Dict, Generic, Optional, TypeVar

from qgis.core import QgsProject, QgsSettings

logger = logging.getLogger(__name__)
PREFIX = "lifecircle"
T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """A user preference in QgsSettings (global scope)."""

    key: str
    default: T
    kind: type

    @property
    def full_key(self) -> str:
        return f"{PREFIX}/{self.key}"

    def value(self) -> T:
        raw = QgsSettings().value(self.full_key, self.default)
        return _convert(raw, self.kind, self.default)

    def set_value(self, value: T) -> None:
        QgsSettings().setValue(self.full_key, value)

    def reset(self) -> None:
        QgsSettings().remove(self.full_key)


@dataclass(frozen=True)
class ProjectSetting(Generic[T]):
    """A setting saved inside the QGIS project file (scope `lifecircle`).

    `kind` is str, float, bool, dict (stored as JSON) or "path" (stored relative to the
    project file when QGIS is set to relative paths, so a moved project folder still works).
    """

    key: str
    default: T
    kind: Any

    def value(self, project: Optional[QgsProject] = None) -> T:
        project = project or QgsProject.instance()
        raw, found = project.readEntry(PREFIX, self.key, "")
        if not found or raw == "":
            return self.default
        if self.kind == "path":
            return project.readPath(raw)
        if self.kind is dict:
            try:
                data = json.loads(raw)
            except ValueError:
                logger.warning("project setting %s is not valid JSON; using the default",
                               self.key)
                return self.default
            return data if isinstance(data, dict) else self.default
        return _convert(raw, self.kind, self.default)

    def set_value(self, value: T, project: Optional[QgsProject] = None) -> None:
        project = project or QgsProject.instance()
        if self.kind == "path":
            text = project.writePath(str(value)) if value else ""
        elif self.kind is dict:
            text = json.dumps(value or {}, ensure_ascii=False, sort_keys=True)
        else:
            text = str(value)
        project.writeEntry(PREFIX, self.key, text)
        project.setDirty(True)

    def reset(self, project: Optional[QgsProject] = None) -> None:
        (project or QgsProject.instance()).removeEntry(PREFIX, self.key)


def _convert(raw: Any, kind: type, default: Any) -> Any:
    """QgsSettings hands back strings on some platforms: turn them into the declared type."""
    if raw is None:
        return default
    try:
        if kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
        return kind(raw)
    except (TypeError, ValueError):
        return default


# User preferences (QgsSettings)
LAST_INPUT_DIR = Setting("last_input_dir", "", str)
LAST_OUTPUT_DIR = Setting("last_output_dir", "", str)
PROJECT_CRS = Setting("project_crs", "", str)  # "" = the builder chooses for the area
LOAD_SERVICE_AREAS = Setting("load_service_areas", True, bool)
LABEL_MAX_SCALE = Setting("label_max_scale", 25000.0, float)
OVERPASS_URL = Setting("overpass_url", "", str)  # "" = the public overpass-api.de server

# Project settings (inside the .qgz)
PROJECT_GPKG = ProjectSetting("project_gpkg", "", "path")
THRESHOLD_OVERRIDES: ProjectSetting[Dict[str, float]] = ProjectSetting(
    "threshold_overrides", {}, dict)
TARGET_OVERRIDES: ProjectSetting[Dict[str, float]] = ProjectSetting("target_overrides", {}, dict)
DETOUR_FACTOR = ProjectSetting("detour_factor", 0.0, float)
SCENARIO = ProjectSetting("scenario", "existing", str)


def catalogue_overrides(project: Optional[QgsProject] = None) -> Dict[str, Any]:
    """The project's overrides in the shape `core.catalogue.apply_overrides` reads."""
    overrides: Dict[str, Any] = {}
    thresholds = THRESHOLD_OVERRIDES.value(project)
    targets = TARGET_OVERRIDES.value(project)
    if thresholds:
        overrides["thresholds"] = {k: float(v) for k, v in thresholds.items()}
    if targets:
        overrides["targets"] = {k: float(v) for k, v in targets.items()}
    detour = DETOUR_FACTOR.value(project)
    if detour and detour > 0:
        overrides["detour_factor"] = float(detour)
    return overrides


def project_catalogue(project: Optional[QgsProject] = None):
    """The shipped catalogue with this project's overrides applied."""
    from .core.catalogue import apply_overrides, load_catalogue

    catalogue = load_catalogue()
    overrides = catalogue_overrides(project)
    return apply_overrides(catalogue, overrides) if overrides else catalogue


def user_locale() -> str:
    """QGIS's interface language, e.g. 'zh_CN' or 'en_US' (QGIS's own setting, not ours)."""
    from qgis.PyQt.QtCore import QLocale

    return str(QgsSettings().value("locale/userLocale", "") or QLocale.system().name())
