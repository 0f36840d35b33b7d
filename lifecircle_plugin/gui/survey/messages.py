"""One way to tell the user what happened: a message bar, never a traceback.

User mistakes (`InputError`, a refusal of the core, a cancel) get their readable text;
anything else is a bug: the traceback goes to the log and the bar says where to look.
"""
from __future__ import annotations

import logging
from typing import Optional

from qgis.core import Qgis
from qgis.gui import QgsMessageBar

from ...core.errors import Cancelled, LifeCircleError
from ...i18n import tr

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    if isinstance(error, Cancelled):
        return tr("Cancelled; nothing was changed.")
    if isinstance(error, LifeCircleError):
        return str(error)
    return tr("Unexpected error: {0}. Details are in the Life Circle log.").format(error)


def show_error(bar: Optional[QgsMessageBar], title: str, error: BaseException) -> None:
    if not isinstance(error, LifeCircleError):
        log.error("%s", title, exc_info=(type(error), error, error.__traceback__))
    level = Qgis.MessageLevel.Warning if isinstance(error, LifeCircleError) \
        else Qgis.MessageLevel.Critical
    push(bar, title, describe(error), level)


def push(bar: Optional[QgsMessageBar], title: str, text: str,
         level: Qgis.MessageLevel = Qgis.MessageLevel.Info, duration: int = 0) -> None:
    if bar is None:
        log.info("%s: %s", title, text)
        return
    bar.pushMessage(title, text, level, duration)
