"""Export the official maps of a project: a PDF with one page per sub-district, and PNGs.

Used by the processing algorithm `lifecircle:exportmap`, by `make demo` and by the HTML
report (which embeds the PNGs). The layouts are added to the given QGIS project so that a
planner who opens the project finds them in the layout manager, ready to adjust.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
from qgis.core import QgsPrintLayout, QgsProject
from scipy.spatial import cKDTree

from ..core import project_schema as ps
from ..core.errors import InputError
from ..core.gpkg import layer_names, read_layer
from ..core.progress import NO_PROGRESS, Progress
from .data import ReportData, load_report_data
from .layout import (
    district_layout,
    export_atlas_pngs,
    export_pdf,
    export_png,
    subdistrict_atlas,
)
from .styles import MapLayers, load_map_layers

log = logging.getLogger(__name__)
DEFAULT_CELL_M = 200.0


@dataclass
class OfficialMaps:
    pdf: Path
    pages: List[str]
    pngs: Dict[str, Path] = field(default_factory=dict)
    district_png: Optional[Path] = None
    district_pdf: Optional[Path] = None
    layouts: List[QgsPrintLayout] = field(default_factory=list)
    layers: Optional[MapLayers] = None


def origin_spacing(gpkg: Path, scenario: str) -> float:
    """Typical distance between neighbouring origins: the size of one map square."""
    if ps.ORIGIN_RESULTS not in layer_names(gpkg):
        return DEFAULT_CELL_M
    escaped = scenario.replace("'", "''")
    rows = read_layer(gpkg, ps.ORIGIN_RESULTS, where=f"scenario = '{escaped}'",
                      columns=["scenario"]).features
    points = np.array([(f.geometry.x, f.geometry.y) for f in rows if f.geometry is not None])
    if len(points) < 2:
        return DEFAULT_CELL_M
    distances, _ = cKDTree(points).query(points, k=2)
    spacing = float(np.median(distances[:, 1]))
    return min(max(spacing, 20.0), 1000.0)


def basic_total(data: ReportData) -> int:
    """How many basic types the origins were evaluated against (for the class breaks)."""
    evaluated = {row["facility_type"] for row in data.type_rows}
    basic = [fid for fid in evaluated if data.facility_type(fid) and
             data.facility_type(fid).is_basic]
    return len(basic) or len(data.catalogue.basic_types())


def export_official_maps(gpkg: Path, pdf: Path, names: Optional[Sequence[str]] = None,
                         png_dir: Optional[Path] = None, dpi: int = 150,
                         project: Optional[QgsProject] = None,
                         data: Optional[ReportData] = None, district: bool = False,
                         progress: Progress = NO_PROGRESS,
                         district_name: str = "长宁区",
                         atlas_prefix: str = "") -> OfficialMaps:
    """Render the per-sub-district atlas to `pdf` (and PNGs into `png_dir` when given).

    `names` None means every sub-district; an unknown name is an InputError naming it.
    With `district`, a one-page map of the whole district is written beside the PDF.
    `atlas_prefix` (e.g. "Helsinki") goes before the sub-district name in each page title.
    """
    gpkg, pdf = Path(gpkg), Path(pdf)
    data = data or load_report_data(gpkg)
    known = data.subdistrict_names()
    if names is not None:
        unknown = [n for n in names if n not in known]
        if unknown:
            raise InputError(f"unknown sub-district(s) {unknown}; known: {known}", file=gpkg,
                             layer=ps.SUBDISTRICTS, field="name")
    project = project if project is not None else QgsProject()
    cell = origin_spacing(gpkg, data.scenario) if data.origin_method == "grid" else None
    layers = load_map_layers(gpkg, project, data.scenario, basic_total(data), cell)
    progress.update(10, "layout")
    atlas_layout = subdistrict_atlas(project, layers, data, names, district=atlas_prefix)
    project.layoutManager().addLayout(atlas_layout)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    export_pdf(atlas_layout, pdf, dpi)
    pages = [n for n in known if names is None or n in names]
    result = OfficialMaps(pdf, pages, layouts=[atlas_layout], layers=layers)
    progress.update(50, "PDF")
    if png_dir is not None:
        result.pngs = dict(export_atlas_pngs(atlas_layout, Path(png_dir), dpi))
    progress.check()
    if district:
        whole = district_layout(project, layers, data, district_name)
        project.layoutManager().addLayout(whole)
        result.layouts.append(whole)
        result.district_pdf = export_pdf(whole, pdf.with_name("district_map.pdf"), dpi)
        folder = Path(png_dir) if png_dir is not None else pdf.parent
        result.district_png = export_png(whole, folder / "district_map.png", dpi)
    progress.update(100, "maps")
    return result
