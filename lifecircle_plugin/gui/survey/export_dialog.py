""""Export for official maps": audited facilities, audits and evaluation results in the
format and coordinate system the receiving office asks for, written by core.export in a
background task."""
from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import List, Optional

from qgis.core import Qgis
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import Cancelled
from ...i18n import tr
from . import export_choices, messages
from .core_task import CoreTask, start
from .widgets import ProgressRow, file_widget, message_bar, project_widget

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    def __init__(self, project_gpkg: Optional[str] = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export layers"))
        self.setObjectName("lifecircle_export_dialog")
        self.task: Optional[CoreTask] = None
        self.files: List[str] = []
        self.bar = message_bar()
        self.project = project_widget(project_gpkg)
        self.layer_boxes = {}
        boxes = QWidget()
        box_layout = QVBoxLayout(boxes)
        box_layout.setContentsMargins(0, 0, 0, 0)
        for key, label in export_choices.layer_choices():
            box = QCheckBox(label)
            box.setChecked(True)
            self.layer_boxes[key] = box
            box_layout.addWidget(box)
        self.format = QComboBox()
        for key, label in export_choices.format_choices():
            self.format.addItem(label, key)
        self.crs = QComboBox()
        for key, label in export_choices.crs_choices():
            self.crs.addItem(label, key)
        self.folder = file_widget("", QgsFileWidget.StorageMode.GetDirectory)
        self.progress = ProgressRow()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(tr("Export"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Project"), self.project)
        form.addRow(tr("Layers"), boxes)
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Coordinate system"), self.crs)
        form.addRow(tr("Output folder"), self.folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def chosen_layers(self) -> List[str]:
        return [key for key, box in self.layer_boxes.items() if box.isChecked()]

    def export(self) -> None:
        project, folder, layers = self.project.filePath(), self.folder.filePath(), \
            self.chosen_layers()
        problem = (tr("Choose the project GeoPackage.") if not Path(project).is_file() else
                   tr("Choose at least one layer.") if not layers else
                   tr("Choose the output folder.") if not folder else None)
        if problem:
            messages.push(self.bar, tr("Export layers"), problem, Qgis.MessageLevel.Warning)
            return
        Path(folder).mkdir(parents=True, exist_ok=True)
        function = functools.partial(export_choices.export, project, layers,
                                     self.format.currentData(), self.crs.currentData(), folder)
        self.task = CoreTask(tr("Export layers"), function)
        self.task.done.connect(self._done)
        self.export_button.setEnabled(False)
        self.progress.set_task(self.task)
        start(self.task)

    def _done(self, task: CoreTask) -> None:
        self.export_button.setEnabled(True)
        self.progress.set_task(None)
        self.task = None
        if not task.succeeded:
            messages.show_error(self.bar, tr("Export layers"), task.error or Cancelled(""))
            return
        result = task.result
        self.files = [str(p) for p in result] if isinstance(result, (list, tuple)) else []
        self.progress.bar.setValue(100)
        messages.push(self.bar, tr("Export layers"),
                      tr("{0} file(s) written to {1}").format(len(self.files),
                                                              self.folder.filePath()),
                      Qgis.MessageLevel.Success)
