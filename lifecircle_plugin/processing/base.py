"""What every Life Circle algorithm shares: translation, groups, progress and errors.

Subclasses implement `perform(parameters, context, feedback)`; `processAlgorithm` turns a
core InputError into a QgsProcessingException with the readable message (file, layer,
row, field), and a cancel into a clear "cancelled" error rather than half a result.
"""
from __future__ import annotations

from typing import Any, Dict

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import Cancelled, InputError
from ..core.paths import resource
from ..core.progress import Progress
from ..i18n import tr


class LifeCircleAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ALGORITHM_ID, GROUP_ID and implement the QGIS methods."""

    ALGORITHM_ID = ""
    GROUP_ID = "project"

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

    def processAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,  # noqa: N802
                         feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        try:
            return self.perform(parameters, context, feedback)
        except InputError as exc:
            raise QgsProcessingException(exc.describe()) from None
        except Cancelled:
            raise QgsProcessingException(tr("Cancelled by the user; nothing was saved.")) \
                from None

    def perform(self, parameters: Dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        raise NotImplementedError


def group_title(group_id: str) -> str:
    titles = {
        "project": tr("Project"),
        "evaluation": tr("Evaluation"),
        "sites": tr("Site selection"),
        "maps": tr("Maps and reports"),
        "survey": tr("Field survey"),
    }
    return titles.get(group_id, group_id)


def feedback_progress(feedback: QgsProcessingFeedback) -> Progress:
    """The core's Progress speaking to a processing feedback (bar, text, cancel)."""

    last = {"message": ""}

    def report(percent: float, message: str) -> None:
        feedback.setProgress(percent)
        if message and message != last["message"]:
            last["message"] = message
            feedback.pushInfo(message)

    return Progress(report, feedback.isCanceled)
