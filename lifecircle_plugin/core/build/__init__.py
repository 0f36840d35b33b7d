"""The project builder: real files in, one project GeoPackage out.

    from lifecircle_plugin.core.build import BuildConfig, SourceSpec, build_project
    report = build_project(changning_config(data_dir, "project.gpkg"), progress)
"""
from __future__ import annotations

from .config import BuildConfig, SourceSpec
from .presets import changning_config, helsinki_config
from .project import build_project
from .report import BuildReport

__all__ = ["BuildConfig", "SourceSpec", "BuildReport", "build_project", "changning_config",
           "helsinki_config"]
