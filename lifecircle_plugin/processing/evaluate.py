"""lifecircle:evaluate — walking coverage of a project, written as result layers."""
from __future__ import annotations

from typing import Any, Dict

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..i18n import tr
from .base import LifeCircleAlgorithm, feedback_progress

SCENARIOS = ("existing", "planned")


def project_catalogue(context):
    """The open QGIS project's threshold overrides (dock → Thresholds), if it has any.

    None lets the engine use the catalogue with the GeoPackage's own overrides.
    """
    from .. import settings

    project = context.project()
    if project is None or not settings.catalogue_overrides(project):
        return None
    return settings.project_catalogue(project)


def project_parameter(name: str = "PROJECT") -> QgsProcessingParameterFile:
    return QgsProcessingParameterFile(
        name, tr("Project GeoPackage"), QgsProcessingParameterFile.Behavior.File, "gpkg")


class EvaluateAlgorithm(LifeCircleAlgorithm):
    """Runs core.evaluate.evaluate_project and stores results in the project GeoPackage."""

    ALGORITHM_ID = "evaluate"
    GROUP_ID = "evaluation"

    def displayName(self) -> str:  # noqa: N802
        return tr("Evaluate walking access")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Distances from every resident origin to the nearest facility of each type "
                  "(along the walking network, or straight line × detour factor when the "
                  "project has none), coverage shares per sub-district and task, the 达标 "
                  "verdict, gaps and service areas. Results are written into the project "
                  "GeoPackage; a cancelled run writes nothing.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(project_parameter())
        self.addParameter(QgsProcessingParameterEnum(
            "SCENARIO", tr("Scenario"),
            [tr("Existing facilities"), tr("With planned facilities")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "USE_NETWORK", tr("Use the walking network when the project has one"), True))
        detour = QgsProcessingParameterNumber(
            "DETOUR_FACTOR", tr("Detour factor for straight-line distances (empty = "
                                "catalogue)"), QgsProcessingParameterNumber.Type.Double,
            None, True, 1.0, 3.0)
        self.addParameter(detour)
        self.addParameter(QgsProcessingParameterBoolean(
            "SERVICE_AREAS", tr("Build service-area polygons"), True))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("Project GeoPackage")))
        self.addOutput(QgsProcessingOutputNumber("ORIGINS", tr("Resident origins")))
        self.addOutput(QgsProcessingOutputNumber("TYPES", tr("Facility types evaluated")))
        self.addOutput(QgsProcessingOutputNumber("SUBDISTRICT_ROWS",
                                                 tr("Sub-district × type rows")))

    def perform(self, parameters, context, feedback) -> Dict[str, Any]:
        from ..core.evaluate import EvaluationOptions, evaluate_project

        gpkg = self.parameterAsFile(parameters, "PROJECT", context)
        options = EvaluationOptions(
            scenario=SCENARIOS[self.parameterAsEnum(parameters, "SCENARIO", context)],
            use_network=self.parameterAsBool(parameters, "USE_NETWORK", context),
            service_areas=self.parameterAsBool(parameters, "SERVICE_AREAS", context))
        if parameters.get("DETOUR_FACTOR") not in (None, ""):
            options.detour_factor = self.parameterAsDouble(parameters, "DETOUR_FACTOR", context)
        options.catalogue = project_catalogue(context)
        evaluation = evaluate_project(gpkg, options, feedback_progress(feedback), write=True)
        feedback.pushInfo(tr("Distances: {0}").format(evaluation.method))
        return {"PROJECT": gpkg, "ORIGINS": len(evaluation.population),
                "TYPES": len(evaluation.type_ids),
                "SUBDISTRICT_ROWS": len(evaluation.subdistrict_rows)}
