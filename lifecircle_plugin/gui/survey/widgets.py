"""Small widgets the survey dialogs share: file pickers, the progress row, project reads."""
from __future__ import annotations

import logging
from typing import Optional

from qgis.gui import QgsFileWidget, QgsMessageBar
from qgis.PyQt.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from ...i18n import tr

log = logging.getLogger(__name__)


def file_widget(filter_: str, mode=QgsFileWidget.StorageMode.GetFile,
                path: Optional[str] = None) -> QgsFileWidget:
    widget = QgsFileWidget()
    widget.setStorageMode(mode)
    widget.setFilter(filter_)
    if path:
        widget.setFilePath(str(path))
    return widget


def project_widget(path: Optional[str] = None) -> QgsFileWidget:
    return file_widget(tr("Life Circle project (*.gpkg)"), path=path)


class ProgressRow(QWidget):
    """A progress bar with a cancel button that cancels the running task."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancel_task")
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.task = None
        self.set_task(None)

    def set_task(self, task) -> None:
        self.task = task
        self.bar.setValue(0)
        self.cancel_button.setEnabled(task is not None)
        if task is not None:
            task.progressChanged.connect(lambda value: self.bar.setValue(int(value)))

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()


def message_bar() -> QgsMessageBar:
    bar = QgsMessageBar()
    bar.setObjectName("message_bar")
    return bar
