"""Processing algorithm lifecircle:importsurvey: dry run or import of survey packages."""
from __future__ import annotations

import logging

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
)

from ..gui.survey import import_summary, importer_calls
from ..gui.survey.project_layers import reload_layers
from ..i18n import tr
from .sync_base import SyncAlgorithm, feedback_progress

log = logging.getLogger(__name__)


class ImportSurveyAlgorithm(SyncAlgorithm):
    ALGORITHM_ID = "importsurvey"
    PACKAGES = "PACKAGES"
    DRY_RUN = "DRY_RUN"
    ATTACHMENTS = "ATTACHMENTS"
    COUNTS = ("ADDS", "UPDATES", "CONFLICTS", "ERRORS")
    SUMMARY = "SUMMARY"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import survey results")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Merges returned survey packages into the project: audits and photos are "
                  "added, facility changes merged field by field, conflicts held for review. "
                  "With 'dry run' nothing is written and the counts say what would happen.")

    def flags(self):
        # writes into the project's file and reloads its layers: main thread only
        no_threading = getattr(QgsProcessingAlgorithm, "FlagNoThreading", None)
        if no_threading is None:  # QGIS >= 3.36 names it in Qgis
            from qgis.core import Qgis
            no_threading = Qgis.ProcessingAlgorithmFlag.NoThreading
        return super().flags() | no_threading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project_parameter()
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.PACKAGES, tr("Survey packages"), QgsProcessing.SourceType.TypeFile))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Dry run (write nothing)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFile(
            self.ATTACHMENTS, tr("Photos folder (default: beside the project)"),
            QgsProcessingParameterFile.Behavior.Folder, optional=True))
        for name in self.COUNTS:
            self.addOutput(QgsProcessingOutputNumber(name, name.lower()))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    def process(self, parameters, context, feedback) -> dict:
        project = self.project_path(parameters, context)
        packages = self._packages(parameters, context)
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        progress = feedback_progress(feedback)
        if not dry_run:
            importer_calls.check_no_unsaved_edits(project)
        if dry_run:
            return self._outputs(importer_calls.plan(project, packages, progress), feedback)
        attachments = self.parameterAsFile(parameters, self.ATTACHMENTS, context) or None
        try:
            result = importer_calls.plan_then_apply(project, packages, attachments, progress)
        finally:
            reload_layers(project)
        return self._outputs(result, feedback)

    def _packages(self, parameters, context):
        # an empty list comes back from QGIS as [""], which Path() would read as "."
        packages = [p for p in self.parameterAsFileList(parameters, self.PACKAGES, context)
                    if str(p).strip()]
        if not packages:
            raise QgsProcessingException(tr("No survey package given: choose at least one "
                                            "survey package (.lcsurvey)."))
        return packages

    def _outputs(self, result, feedback) -> dict:
        table = import_summary.rows(result)
        total = import_summary.totals(table)
        lines = [f"{row.layer}: +{row.adds} ~{row.updates} !{row.conflicts} x{row.errors}"
                 for row in table] + import_summary.notes(result)
        for line in lines:
            feedback.pushInfo(line)
        return {"ADDS": total.adds, "UPDATES": total.updates, "CONFLICTS": total.conflicts,
                "ERRORS": total.errors, self.SUMMARY: "\n".join(lines)}

