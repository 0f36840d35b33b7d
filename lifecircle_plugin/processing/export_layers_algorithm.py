"""Processing algorithm lifecircle:exportlayers: layers for official maps."""
from __future__ import annotations

import logging

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
)

from ..gui.survey import export_choices
from ..i18n import tr
from .sync_base import SyncAlgorithm, feedback_progress

log = logging.getLogger(__name__)


class ExportLayersAlgorithm(SyncAlgorithm):
    ALGORITHM_ID = "exportlayers"
    LAYERS = "LAYERS"
    FORMAT = "FORMAT"
    CRS = "CRS"
    OUTPUT = "OUTPUT"
    FILES = "FILES"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export layers for official maps")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Writes audited facilities, audits and evaluation results as GeoPackage, "
                  "Shapefile (UTF-8, with a CSV mapping the shortened field names), GeoJSON "
                  "or CSV (UTF-8 with BOM) in CGCS2000 or WGS 84.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.LAYERS, tr("Layers"), [label for _, label in export_choices.layer_choices()],
            allowMultiple=True, defaultValue=[0, 1, 2]))
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMAT, tr("Format"), [label for _, label in export_choices.format_choices()],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.CRS, tr("Coordinate system"),
            [label for _, label in export_choices.crs_choices()], defaultValue=0))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT, tr("Output folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.FILES, tr("Files written")))

    def process(self, parameters, context, feedback) -> dict:
        project = self.project_path(parameters, context)
        layer_keys = [key for key, _ in export_choices.layer_choices()]
        chosen = [layer_keys[i] for i in self.parameterAsEnums(parameters, self.LAYERS, context)]
        if not chosen:
            raise QgsProcessingException(tr("Choose at least one layer."))
        fmt = [k for k, _ in export_choices.format_choices()][
            self.parameterAsEnum(parameters, self.FORMAT, context)]
        crs = [k for k, _ in export_choices.crs_choices()][
            self.parameterAsEnum(parameters, self.CRS, context)]
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        report = export_choices.export(project, chosen, fmt, crs, folder,
                                       feedback_progress(feedback))
        for line in export_choices.summary(report):
            feedback.pushInfo(line)
        if not report.layers:
            raise QgsProcessingException(
                tr("The project has none of the chosen layers: {0}").format(
                    ", ".join(report.skipped)))
        files = sorted({str(item.path) for item in report.layers} |
                       {str(item.mapping_csv) for item in report.layers if item.mapping_csv})
        return {self.OUTPUT: folder, self.FILES: files}
