"""One QgsTask that runs a core function, adapting `core.progress.Progress` to QGIS.

The core reports progress and checks for cancel through `Progress`; this task forwards the
percentages to QGIS's task manager (the progress bar in the status bar) and answers the
cancel checks from `isCanceled()`. The outcome arrives on the main thread as one of three
signals, so callers never touch the worker thread.

Signals:
    succeeded(object): the function's return value.
    failed(str): a readable message (an InputError's description, or "see the log").
    cancelled(): the user cancelled; the core stopped at a safe point and saved nothing.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core.errors import Cancelled, InputError, LifeCircleError
from ..core.progress import Progress
from ..i18n import tr

logger = logging.getLogger(__name__)
Work = Callable[[Progress], Any]


class CoreTask(QgsTask):
    """Runs `work(progress)` in QGIS's task manager."""

    succeeded = pyqtSignal(object)
    failed = pyqtSignal(str)
    cancelled = pyqtSignal()

    def __init__(self, description: str, work: Work) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self._work = work
        self.result: Any = None
        self.error: Optional[str] = None
        self.last_message = ""

    def run(self) -> bool:  # worker thread
        progress = Progress(self._report, self.isCanceled)
        try:
            self.result = self._work(progress)
        except Cancelled:
            logger.info("%s: cancelled", self.description())
            return False
        except InputError as exc:
            self.error = exc.describe()
            return False
        except LifeCircleError as exc:  # e.g. Overpass offline: a reason, not a bug
            self.error = str(exc)
            return False
        except Exception:  # noqa: BLE001 - the boundary: log with traceback, tell the user
            logger.exception("%s failed", self.description())
            self.error = tr("Unexpected error; details are in the log panel (Life Circle).")
            return False
        return not self.isCanceled()

    def _report(self, percent: float, message: str) -> None:
        self.setProgress(percent)
        if message:
            self.last_message = message

    def finished(self, ok: bool) -> None:  # main thread
        if ok:
            self.succeeded.emit(self.result)
        elif self.isCanceled() and self.error is None:
            self.cancelled.emit()
        else:
            self.failed.emit(self.error or tr("The task stopped."))
