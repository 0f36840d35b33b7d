"""What every Life Circle algorithm shares: translation, groups, progress and errors.

Subclasses implement `perform(parameters, context, feedback)`; `processAlgorithm` turns a
core InputError into a QgsProcessingException with the readable message (file, layer,
row, field), a cancel into a clear "cancelled" error rather than half a result, and any
other exception (a bug) into one line pointing to the log, which holds the traceback.
"""
from __future__ import annotations

import logging
import traceback
from typing import Any, Callable, Dict

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import Cancelled, InputError
from ..core.paths import resource
from ..core.progress import Progress
from ..i18n import tr

log = logging.getLogger(__name__)


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

    def processAlgorithm(  # noqa: N802 (QGIS's name)
            self, parameters: Dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        return run_guarded(self.id() or self.name(), self.perform, parameters, context,
                           feedback)

    def checkParameterValues(self, parameters: Dict[str, Any],  # noqa: N802
                             context: QgsProcessingContext):
        """A choice number outside the list names the parameter and the valid choices
        (QGIS itself only says the value is incorrect)."""
        for definition in self.parameterDefinitions():
            if isinstance(definition, QgsProcessingParameterEnum):
                message = enum_problem(definition, parameters.get(definition.name()))
                if message:
                    return False, message
        return super().checkParameterValues(parameters, context)

    def perform(self, parameters: Dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        raise NotImplementedError


def run_guarded(algorithm: str, work: Callable[..., Dict[str, Any]],
                parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
    """Run `work` so the user sees one readable line whatever goes wrong.

    InputError -> its message (file, layer, row, field); cancel -> "cancelled"; a
    QgsProcessingException raised on purpose passes unchanged; anything else is a bug:
    its traceback goes to the log and the message says so, in one line.
    """
    try:
        return work(parameters, context, feedback)
    except InputError as exc:
        raise QgsProcessingException(exc.describe()) from None
    except Cancelled:
        raise QgsProcessingException(tr("Cancelled by the user; nothing was saved.")) \
            from None
    except QgsProcessingException:
        raise
    except Exception as exc:  # noqa: BLE001 - the last guard before the user
        log.error("internal error in %s:\n%s", algorithm, traceback.format_exc())
        raise QgsProcessingException(internal_error_message(algorithm, exc)) from None


def internal_error_message(algorithm: str, exc: BaseException) -> str:
    """One line: an internal error of which algorithm, of what kind, and where to look."""
    return tr("Internal error in {0} ({1}). The details are in the "
              "log (Log Messages panel, tab \"Life Circle\").").format(
        algorithm, type(exc).__name__)


def enum_problem(definition, value) -> str:
    """'' when `value` is a valid choice index (or list of them) of an enum parameter,
    else a readable line naming the parameter and its choices."""
    if value is None or isinstance(value, str) and not value.strip():
        return ""
    options = definition.options()
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if isinstance(item, str) and not item.strip().lstrip("-").isdigit():
            continue  # a label or an expression: QGIS's own check handles it
        try:
            index = int(item)
        except (TypeError, ValueError):
            continue
        if not 0 <= index < len(options):
            choices = ", ".join(f"{i} = {label}" for i, label in enumerate(options))
            return tr("{0} ({1}): {2} is not one of the choices ({3})").format(
                definition.description(), definition.name(), index, choices)
    return ""


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
