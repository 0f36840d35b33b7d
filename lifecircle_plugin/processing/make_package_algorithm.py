"""Processing algorithm lifecircle:makesurveypackage: the survey package, scriptable."""
from __future__ import annotations

import logging

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.survey import schema as survey_schema
from ..gui.survey.project_choices import task_labels
from ..i18n import tr
from .sync_base import SyncAlgorithm, feedback_progress

log = logging.getLogger(__name__)


class MakeSurveyPackageAlgorithm(SyncAlgorithm):
    ALGORITHM_ID = "makesurveypackage"
    SUBDISTRICT = "SUBDISTRICT"
    TASK = "TASK"
    FACILITIES = "FACILITIES"
    INSPECTOR = "INSPECTOR"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: N802
        return tr("Make survey package")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Writes a survey package (one SQLite file) for field inspectors: the "
                  "facilities of a sub-district and task (or the selected features of the "
                  "facilities layer), their checklists and the offline map context.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.SUBDISTRICT, tr("Sub-district (empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TASK, tr("Task"), [tr("All tasks")] + [label for _, label in task_labels()],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, tr("Only these facilities (a layer with a uuid field)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.INSPECTOR, tr("Inspector")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Survey package"),
            tr("Survey package (*{0})").format(survey_schema.FILE_SUFFIX)))

    def process(self, parameters, context, feedback) -> dict:
        from ..core.survey.package import make_package

        project = self.project_path(parameters, context)
        inspector = (self.parameterAsString(parameters, self.INSPECTOR, context) or "").strip()
        if not inspector:
            raise QgsProcessingException(tr("Enter the inspector's name."))
        subdistrict = (self.parameterAsString(parameters, self.SUBDISTRICT, context)
                       or "").strip() or None
        task = [None] + [n for n, _ in task_labels()]
        task = task[self.parameterAsEnum(parameters, self.TASK, context)]
        uuids = self._facility_uuids(parameters, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        make_package(project, output, subdistrict=subdistrict, task=task,
                     facility_uuids=uuids, inspector=inspector,
                     progress=feedback_progress(feedback))
        return {self.OUTPUT: output}

    def _facility_uuids(self, parameters, context):
        source = self.parameterAsSource(parameters, self.FACILITIES, context)
        if source is None:
            return None
        if source.fields().indexOf("uuid") < 0:
            raise QgsProcessingException(
                tr("The facilities layer has no 'uuid' field; choose the project's "
                   "facilities layer."))
        uuids = [f["uuid"] for f in source.getFeatures() if f["uuid"]]
        if not uuids:
            raise QgsProcessingException(tr("No facility was chosen."))
        return uuids
