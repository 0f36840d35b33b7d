"""The export choices the dialog and the algorithm offer, and the call into core.export.

Labels are functions (not module constants) so they are translated after the plugin's
translator is installed.
"""
from __future__ import annotations

import logging
from typing import Dict, List, Sequence, Tuple

from ...core import project_schema as ps
from ...i18n import tr

log = logging.getLogger(__name__)


def layer_choices() -> List[Tuple[str, str]]:
    return [("audited_facilities", tr("Audited facilities")),
            ("audits", tr("Audits")),
            ("evaluation_results", tr("Evaluation results"))]


def layer_names(choices: Sequence[str]) -> List[str]:
    """Project layers (as core.export names them) behind the chosen groups."""
    groups: Dict[str, List[str]] = {
        "audited_facilities": ["audited_facilities"],
        "audits": [ps.AUDITS],
        "evaluation_results": [ps.SUBDISTRICT_RESULTS, ps.TASK_RESULTS, ps.ORIGIN_RESULTS,
                               ps.GAPS, ps.SERVICE_AREAS, ps.SITE_SCORES],
    }
    return [name for choice in choices for name in groups[choice]]


def format_choices() -> List[Tuple[str, str]]:
    return [("gpkg", tr("GeoPackage")),
            ("shp", tr("Shapefile (with a field-name mapping CSV)")),
            ("geojson", tr("GeoJSON")),
            ("csv", tr("CSV (UTF-8 with BOM, for Excel)"))]


def crs_choices() -> List[Tuple[str, str]]:
    return [("EPSG:4490", tr("CGCS2000 geographic (EPSG:4490)")),
            ("EPSG:4549", tr("CGCS2000 / Gauss-Krüger CM 120°E (EPSG:4549)")),
            ("EPSG:4326", tr("WGS 84 (EPSG:4326)"))]


def export(project_gpkg: str, layers: Sequence[str], fmt: str, crs: str, out_dir: str,
           progress=None):
    """Write the chosen layer groups; returns core.export's ExportReport (layers written,
    layers skipped because the project lacks them, warnings)."""
    from ...core.export import export_project

    kwargs = {"progress": progress} if progress is not None else {}
    return export_project(project_gpkg, out_dir, fmt, crs, layers=layer_names(layers),
                          **kwargs)


def summary(report) -> List[str]:
    """Readable lines about an ExportReport: files and counts, skipped layers, warnings."""
    lines = [tr("{0}: {1} features -> {2}").format(item.layer, item.features, item.path)
             for item in report.layers]
    if report.skipped:
        lines.append(tr("Not in the project (skipped): {0}").format(", ".join(report.skipped)))
    lines += [tr("Warning: {0}").format(text) for text in report.warnings]
    return lines
