"""What the survey and export algorithms add to the plugin's base algorithm: the group,
the project parameter, and any other error of the core (beyond InputError, which the base
turns into a readable QgsProcessingException) handled the same way."""
from __future__ import annotations

import logging

from qgis.core import QgsProcessingException, QgsProcessingParameterFile

from ..core.errors import Cancelled, InputError, LifeCircleError
from ..i18n import tr
from .base import LifeCircleAlgorithm, feedback_progress

log = logging.getLogger(__name__)
PROJECT = "PROJECT"
__all__ = ["SyncAlgorithm", "feedback_progress", "PROJECT"]


class SyncAlgorithm(LifeCircleAlgorithm):
    """Base of the survey and export algorithms (group "Field survey"); subclasses
    implement `process(parameters, context, feedback)`."""

    GROUP_ID = "survey"

    def perform(self, parameters, context, feedback) -> dict:
        try:
            return self.process(parameters, context, feedback)
        except (InputError, Cancelled):
            raise
        except LifeCircleError as exc:
            raise QgsProcessingException(str(exc)) from None

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def add_project_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            PROJECT, tr("Life Circle project (GeoPackage)"),
            QgsProcessingParameterFile.Behavior.File, "gpkg"))

    def project_path(self, parameters, context) -> str:
        path = self.parameterAsFile(parameters, PROJECT, context)
        if not path:
            raise QgsProcessingException(tr("Choose the project GeoPackage."))
        return path
