"""Processing algorithm `lifecircle:exportmap`: the official map (PDF/PNG) and HTML report.

Reads an evaluated project GeoPackage; writes one PDF page per requested sub-district (all
when none is named), optional PNGs at the chosen DPI, an optional district overview and
an optional HTML report that embeds the PNG maps.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
)

from ..core import project_schema as ps
from ..core.errors import InputError
from ..core.gpkg import layer_names
from ..i18n import tr
from .base import LifeCircleAlgorithm, feedback_progress

log = logging.getLogger(__name__)


def split_names(text: str) -> Optional[List[str]]:
    """'虹桥街道, 新泾镇' -> ['虹桥街道', '新泾镇']; empty -> None (every sub-district)."""
    names = [n.strip() for n in (text or "").replace("，", ",").split(",") if n.strip()]
    return names or None


class ExportMapAlgorithm(LifeCircleAlgorithm):
    ALGORITHM_ID = "exportmap"
    GROUP_ID = "maps"
    PROJECT = "PROJECT"
    SUBDISTRICTS = "SUBDISTRICTS"
    DISTRICT = "DISTRICT"
    DPI = "DPI"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG = "OUTPUT_PNG"
    OUTPUT_HTML = "OUTPUT_HTML"
    PAGES = "PAGES"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export official map and report")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Exports the official map of an evaluated project: one PDF page per "
                  "sub-district (title, map, legend, scale bar, north arrow, CGCS2000 note, "
                  "data sources and date, OSM attribution, distance method), PNG images at "
                  "the chosen DPI, and an HTML report with the tables per sub-district and "
                  "task, the unverified thresholds and the data sources.")

    def flags(self):
        no_threading = getattr(QgsProcessingAlgorithm, "FlagNoThreading", None)
        return super().flags() | no_threading if no_threading is not None \
            else super().flags()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.PROJECT, tr("Project GeoPackage"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterString(
            self.SUBDISTRICTS, tr("Sub-districts (comma-separated names; empty = all)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DISTRICT, tr("Also export the district overview map"), defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, tr("Resolution (DPI)"), QgsProcessingParameterNumber.Integer,
            defaultValue=200, minValue=72, maxValue=600))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, tr("Official map (PDF)"), tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_PNG, tr("Folder for PNG maps"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("HTML report"), tr("HTML files (*.html)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("PDF pages")))

    def perform(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        return self.export(parameters, context, feedback)

    def export(self, parameters: Dict[str, Any], context: QgsProcessingContext,
               feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        from ..report.data import load_report_data
        from ..report.html import write_html
        from ..report.official_map import export_official_maps

        gpkg = Path(self.parameterAsFile(parameters, self.PROJECT, context))
        names = split_names(self.parameterAsString(parameters, self.SUBDISTRICTS, context))
        pdf = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context))
        png = self.parameterAsString(parameters, self.OUTPUT_PNG, context)
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        district = self.parameterAsBool(parameters, self.DISTRICT, context)
        check_inputs(gpkg, pdf, png, html)
        progress = feedback_progress(feedback)
        data = load_report_data(gpkg)
        png_dir = Path(png) if png else (Path(html).parent / "maps" if html else None)
        project = QgsProject()
        maps = export_official_maps(gpkg, pdf, names, png_dir, dpi, project, data, district,
                                    progress.sub(0, 90))
        results: Dict[str, Any] = {self.OUTPUT_PDF: str(pdf), self.PAGES: len(maps.pages)}
        if png_dir is not None:
            results[self.OUTPUT_PNG] = str(png_dir)
        if html:
            base = Path(html).parent
            relative = {name: _relative(path, base) for name, path in maps.pngs.items()}
            district_png = _relative(maps.district_png, base) if maps.district_png else None
            write_html(Path(html), data, maps=relative, district_map=district_png)
            results[self.OUTPUT_HTML] = html
        project.clear()
        progress.update(100, tr("Official map written"))
        return results


# what the maps and the report read before anything else: without them the file is not
# a Life Circle project (a plain GeoPackage, another tool's file)
PROJECT_LAYERS = (ps.SUBDISTRICTS, ps.FACILITIES)


def check_inputs(gpkg: Path, pdf: Path, png: str, html: str) -> None:
    """Before any map is drawn: the project is a Life Circle project and every output
    is a file (or, for PNGs, a folder) that can be written."""
    if not gpkg.is_file():
        raise InputError(tr("project file not found"), file=gpkg)
    present = set(layer_names(gpkg))
    for layer in PROJECT_LAYERS:
        if layer not in present:
            raise InputError(tr("not a Life Circle project: the layer is missing; build the "
                                "project first (lifecircle:buildproject)"), file=gpkg,
                             layer=layer)
    for output in (pdf, Path(html) if html else None):
        if output is not None and output.is_dir():
            raise InputError(tr("the output is a folder; give a file name"), file=output)
    if png and Path(png).is_file():
        raise InputError(tr("the PNG output must be a folder, not a file"), file=png)


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).resolve().as_uri()
