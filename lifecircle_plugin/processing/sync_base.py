"""What the survey and export algorithms share: core errors become QgsProcessingException,
feedback becomes the core's Progress, and the project GeoPackage parameter."""
from __future__ import annotations

import logging
from typing import Any, Callable

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFile,
)

from ..core.errors import Cancelled, LifeCircleError
from ..core.progress import Progress
from ..i18n import tr

log = logging.getLogger(__name__)
PROJECT = "PROJECT"


def feedback_progress(feedback: QgsProcessingFeedback) -> Progress:
    def report(percent: float, message: str) -> None:
        feedback.setProgress(percent)
        if message:
            feedback.pushInfo(message)

    return Progress(report, feedback.isCanceled)


def call_core(function: Callable[..., Any], *args, **kwargs) -> Any:
    """Run a core call; a user error or a cancel becomes a readable QgsProcessingException."""
    try:
        return function(*args, **kwargs)
    except Cancelled:
        raise QgsProcessingException(tr("Cancelled; nothing was changed.")) from None
    except LifeCircleError as exc:
        raise QgsProcessingException(str(exc)) from None


class SyncAlgorithm(QgsProcessingAlgorithm):
    """Base of the plugin_sync algorithms (group "Survey and export")."""

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return type(self)()

    def group(self) -> str:
        return tr("Survey and export")

    def groupId(self) -> str:  # noqa: N802
        return "survey"

    def add_project_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            PROJECT, tr("Life Circle project (GeoPackage)"),
            QgsProcessingParameterFile.Behavior.File, "gpkg"))

    def project_path(self, parameters, context) -> str:
        path = self.parameterAsFile(parameters, PROJECT, context)
        if not path:
            raise QgsProcessingException(tr("Choose the project GeoPackage."))
        return path
