"""What the survey and export algorithms share: name, group and icon, the project
parameter, and core errors turned into a readable QgsProcessingException.

Subclasses implement `process(parameters, context, feedback)`. (Not `run`: that name is
QgsProcessingAlgorithm.run, which processing.run() itself calls.)
"""
from __future__ import annotations

import logging

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import Cancelled, LifeCircleError
from ..core.paths import resource
from ..i18n import tr
from .base import feedback_progress, group_title

log = logging.getLogger(__name__)
PROJECT = "PROJECT"
__all__ = ["SyncAlgorithm", "feedback_progress", "PROJECT"]


class SyncAlgorithm(QgsProcessingAlgorithm):
    """Base of the survey and export algorithms (group "Field survey")."""

    ALGORITHM_ID = ""
    GROUP_ID = "survey"

    def name(self) -> str:
        return self.ALGORITHM_ID

    def createInstance(self):  # noqa: N802
        return type(self)()

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def group(self) -> str:
        return group_title(self.GROUP_ID)

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "lifecircle.svg")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.process(parameters, context, feedback)
        except Cancelled:
            raise QgsProcessingException(tr("Cancelled; nothing was changed.")) from None
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
