"""Checks of a build's settings made before anything is read, so a mistake costs seconds.

The output must be a file the build may replace: not a folder, not one of its own inputs,
and, if it exists, a Life Circle project (a project is replaced atomically; any other
file is the planner's data and is never overwritten). Numbers must be finite.
"""
from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..gpkg import is_project
from .config import BuildConfig


def check_config(config: BuildConfig) -> None:
    """Raise InputError for an unusable --out or a non-finite/negative number."""
    _check_out(config)
    for name, value, minimum in (
            ("grid_size_m", config.grid_size_m, 0.0),
            ("study_area_population", config.study_area_population, None),
            ("population_density_per_km2", config.population_density_per_km2, None),
            ("duplicate_distance_m", config.duplicate_distance_m, None)):
        check_number(value, name, minimum)


def check_number(value, name: str, above=None) -> None:
    """None passes; otherwise a finite number >= 0 (> `above` when given)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise InputError(f"'{value}' is not a finite number", field=name)
    if value < 0 or (above is not None and value <= above):
        raise InputError(f"{value:g} must be {'positive' if above is not None else '>= 0'}",
                         field=name)


def input_paths(config: BuildConfig) -> Iterator[Path]:
    specs = list(config.pois) + [config.subdistricts, config.residential_polygons,
                                 config.residential_points, config.network,
                                 config.study_area]
    for spec in specs:
        if spec is not None:
            yield Path(spec.path)
    if config.catalogue_overrides is not None and not isinstance(
            config.catalogue_overrides, dict):
        yield Path(config.catalogue_overrides)


def _check_out(config: BuildConfig) -> None:
    out = Path(config.out)
    if out.is_dir():
        raise InputError("the output is a folder; give a project file name such as "
                         "project.gpkg", file=out)
    for path in input_paths(config):
        if _same_file(out, path):
            raise InputError("the output is one of the input files; choose another "
                             "project file name so the input is not overwritten", file=out)
    if out.exists() and not is_project(out):
        raise InputError("the file exists and is not a Life Circle project (no lc_metadata); "
                         "it is not overwritten, choose another project file name", file=out)


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()
