"""What the survey and export algorithms share: the group, the project parameter, and
any other error of the core (beyond InputError, which the base class handles) as a
readable QgsProcessingException."""
from __future__ import annotations

import logging
from typing import Any, Callable

from qgis.core import QgsProcessingException, QgsProcessingParameterFile

from ..core.errors import Cancelled, LifeCircleError
from ..i18n import tr
from .base import LifeCircleAlgorithm, feedback_progress

log = logging.getLogger(__name__)
PROJECT = "PROJECT"
__all__ = ["SyncAlgorithm", "call_core", "feedback_progress", "PROJECT"]


def call_core(function: Callable[..., Any], *args, **kwargs) -> Any:
    """Run a core call; a user error or a cancel becomes a readable QgsProcessingException."""
    try:
        return function(*args, **kwargs)
    except Cancelled:
        raise
    except LifeCircleError as exc:
        raise QgsProcessingException(str(exc)) from None


class SyncAlgorithm(LifeCircleAlgorithm):
    """Base of the survey and export algorithms (group "Field survey")."""

    GROUP_ID = "survey"

    def add_project_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            PROJECT, tr("Life Circle project (GeoPackage)"),
            QgsProcessingParameterFile.Behavior.File, "gpkg"))

    def project_path(self, parameters, context) -> str:
        path = self.parameterAsFile(parameters, PROJECT, context)
        if not path:
            raise QgsProcessingException(tr("Choose the project GeoPackage."))
        return path
