"""Run one core call as a QgsTask: progress bar, cancel button, result back in the GUI thread.

The core function receives a `Progress` wired to the task (percent and cancel); the task
keeps the result or the exception and emits `done` from `finished()`, which QGIS calls in
the main thread, so slots may touch widgets. An `InputError` or `Cancelled` is an expected
outcome for the user; any other exception is logged with its traceback.
"""
from __future__ import annotations

import logging
import traceback
from typing import Any, Callable, Optional

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ...core.errors import Cancelled, LifeCircleError
from ...core.progress import Progress

log = logging.getLogger(__name__)


class CoreTask(QgsTask):
    """`function(progress=Progress)` in the background; `done(task)` when it is over."""

    done = pyqtSignal(object)
    message = pyqtSignal(str)

    def __init__(self, description: str, function: Callable[..., Any],
                 can_cancel: bool = True) -> None:
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flags()
        super().__init__(description, flags)
        self.function = function
        self.result: Any = None
        self.error: Optional[BaseException] = None
        self.error_text = ""
        self.cancelled = False

    def run(self) -> bool:
        progress = Progress(self._report, self.isCanceled)
        try:
            self.result = self.function(progress=progress)
            return True
        except Cancelled as exc:
            self.cancelled = True
            self.error = exc
        except LifeCircleError as exc:
            self.error = exc
        except Exception as exc:  # noqa: BLE001 - a bug: keep it for the log
            self.error = exc
            self.error_text = traceback.format_exc()
        return False

    def _report(self, percent: float, text: str) -> None:
        self.setProgress(percent)
        if text:
            self.message.emit(text)

    def finished(self, ok: bool) -> None:  # noqa: N802 (QGIS's name)
        if not ok and self.error is None:
            self.cancelled = True
        if self.error_text:
            log.error("%s failed:\n%s", self.description(), self.error_text)
        self.done.emit(self)

    @property
    def succeeded(self) -> bool:
        return self.error is None and not self.cancelled


def start(task: CoreTask) -> CoreTask:
    """Hand the task to QGIS's task manager (the caller keeps a reference to it)."""
    QgsApplication.taskManager().addTask(task)
    return task
