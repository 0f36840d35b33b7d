"""Runs one core call at a time for a dialog, through the plugin's CoreTask (QgsTask).

The dialog gives the call and what to do with its result; failures and cancels go to
the dialog's message bar as readable text (the task logs unexpected errors with their
traceback). `done(ok)` is emitted after every outcome, when the dialog is ready again.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ...i18n import tr
from ...tasks.core_task import CoreTask
from . import messages

log = logging.getLogger(__name__)


class TaskRunner(QObject):
    done = pyqtSignal(bool)

    def __init__(self, bar: QgsMessageBar, progress_row, parent=None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.progress_row = progress_row
        self.task: Optional[CoreTask] = None
        self.title = ""

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, title: str, function: Callable[..., Any],
              on_success: Callable[[Any], None]) -> CoreTask:
        """Run `function(progress=...)` in the background; `on_success(result)` after."""
        self.title = title
        self.task = CoreTask(title, lambda progress: function(progress=progress))
        self.task.succeeded.connect(lambda result: self._finish(True, on_success, result))
        self.task.failed.connect(lambda text: self._finish(False, None, text))
        self.task.cancelled.connect(
            lambda: self._finish(False, None, tr("Cancelled; nothing was changed.")))
        self.progress_row.set_task(self.task)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _finish(self, ok: bool, on_success, payload) -> None:
        self.task = None
        self.progress_row.set_task(None)
        if ok:
            self.progress_row.bar.setValue(100)
            try:
                on_success(payload)
            except Exception as exc:  # noqa: BLE001 - a bug in a slot: log, tell, go on
                messages.show_error(self.bar, self.title, exc)
                ok = False
        else:
            messages.push(self.bar, self.title, str(payload), Qgis.MessageLevel.Warning)
        self.done.emit(ok)
