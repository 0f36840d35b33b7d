"""The export choices the dialog and the algorithm offer, and the call into core.export.

Labels are functions (not module constants) so they are translated after the plugin's
translator is installed.
"""
from __future__ import annotations

import logging
from typing import List, Sequence, Tuple

from ...i18n import tr

log = logging.getLogger(__name__)


def layer_choices() -> List[Tuple[str, str]]:
    return [("audited_facilities", tr("Audited facilities")),
            ("audits", tr("Audits")),
            ("evaluation_results", tr("Evaluation results"))]


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
    """Write the chosen layers; returns what core.export returns (the files written)."""
    from ...core import export as core_export

    kwargs = {"progress": progress} if progress is not None else {}
    return core_export.export_layers(project_gpkg, list(layers), fmt, crs, out_dir, **kwargs)
